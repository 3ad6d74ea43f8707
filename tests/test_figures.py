"""Reading the figure a quote gives, in the ways the cited pages write numbers."""

from __future__ import annotations

import pytest
from computekg.graph.figures import figure_is_quoted, states
from computekg.schemas.models import Quantity


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        (1.5e9, "Nvidia will invest $1.5 billion in the start-up"),
        (1500, "a 1,500MW campus"),
        (9.9e9, "unterstützt der Bund die Ansiedlung mit 9,9 Milliarden Euro"),
        (6.93e8, "6억9,300만 달러(약 9,733억 원)를 유치했다"),
        (1.459e12, "정부가 1조4590억원을 투입하는 사업"),
        (15000, "첨단 GPU 1만5000장 이상을 확보"),
        (4e10, "на сумму ¥40 млрд (около $5,7 млрд)"),
        (5e11, "as much as half a trillion dollars' worth of AI infrastructure"),
        (7, "a seven-year, $38 billion agreement"),
        (10, "over the next decade"),
        (4, "一筆為期四年的 13 億美元合約"),
        (1.3e9, "一筆為期四年的 13 億美元合約"),
        (6.19e8, "an initial public offering that raised US$619mil"),
        (1.8e11, "will jointly invest up to Rs 18,000 crore"),
        (1, "bring one gigawatt of power online by 2026"),
        (1.204e9, "about $1.2 billion"),  # a rounding of the same figure
        (36000, "environ 36 000 GPU Nvidia B200"),
    ],
)
def test_a_quote_states_its_figure(value: float, quote: str) -> None:
    assert states(value, quote)


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        (360, "the expansion will add 160 MW of critical IT load"),
        (5e10, "the facilities, located in Texas and New York, will come online throughout 2026"),
        (1.5e9, "a 1,500MW campus"),  # the M of MW is not a million
        (1.2e9, "approximately 1.208 billion yuan"),  # another figure, not a rounding
        (2e9, "The funding package includes equity (approximately $2.5 billion)"),
    ],
)
def test_a_quote_without_the_figure_does_not_state_it(value: float, quote: str) -> None:
    assert not states(value, quote)


def test_a_range_is_quoted_by_either_end_and_only_by_a_quote() -> None:
    source = {"url": "https://news.example.org/x", "publisher": "Example News", "title": "X", "date": "2025-01-02", "kind": "news_report"}
    ranged = Quantity(unit="usd", min=4.5e9, max=5e9, sources=[{**source, "quote": "for $4.5bn to $5bn"}])
    assert figure_is_quoted(ranged)
    wrong = Quantity(unit="gw", value=2, sources=[{**source, "quote": "a campus of 1.2 GW"}])
    assert not figure_is_quoted(wrong)
    unquoted = Quantity(unit="gw", value=2, sources=[source])
    assert not figure_is_quoted(unquoted)
