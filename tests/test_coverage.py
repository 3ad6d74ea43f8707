"""The coverage statement: which open deals it reports as quiet, and how it words a share."""

from __future__ import annotations

from datetime import date

import computekg
import pytest
from computekg.graph.coverage import quiet_open_deals, share_of
from computekg.schemas.models import Deal
from helpers import FIXTURE_DATA

# The fixture's newest status change is LabCo-MemCo's talks on 2026-07-02.
NEWEST = date(2026, 7, 2)


def _fixture_deals() -> dict[str, Deal]:
    return dict(computekg.load(FIXTURE_DATA).deals)


def _with_last_date(deal: Deal, when: str) -> Deal:
    last = deal.status_history[-1].model_copy(update={"date": when})
    return deal.model_copy(update={"status_history": [*deal.status_history[:-1], last]})


def test_fixture_has_two_open_deals_and_neither_is_quiet() -> None:
    quiet, still_open, newest = quiet_open_deals(_fixture_deals().values())
    # BigCloud-LabCo is completed and FabCo-GPUCo cancelled: neither can go quiet.
    assert sorted(d.name for d in still_open) == sorted(
        d.name for key, d in _fixture_deals().items() if key in {"gpuco-labco-chip-supply-2025", "labco-memco-custom-chip-2026"}
    )
    assert quiet == []
    assert newest == NEWEST


@pytest.mark.parametrize(
    ("last_date", "is_quiet"),
    [
        ("2025-07-01", True),  # 366 days before the newest change
        ("2025-07-02", False),  # exactly a year: not yet quiet
        ("2025-06", True),  # June 2025 ends more than a year before
        ("2025", False),  # a bare year counts at 2025-12-31, in the deal's favour
    ],
)
def test_a_deal_is_quiet_only_when_its_last_change_is_over_a_year_old(last_date: str, is_quiet: bool) -> None:
    deals = _fixture_deals()
    deals["gpuco-labco-chip-supply-2025"] = _with_last_date(deals["gpuco-labco-chip-supply-2025"], last_date)
    quiet, still_open, newest = quiet_open_deals(deals.values())
    assert newest == NEWEST
    assert len(still_open) == 2
    assert [d.name for d in quiet] == ([deals["gpuco-labco-chip-supply-2025"].name] if is_quiet else [])


def test_a_vague_newest_date_counts_at_its_first_day() -> None:
    # Were LabCo-MemCo's "2026" read as 2026-12-31, GPUCo-LabCo (2025-11-18) would look quiet;
    # read as 2026-01-01 it is not the newest at all: FabCo-GPUCo's cancellation (2026-02) is.
    deals = _fixture_deals()
    deals["labco-memco-custom-chip-2026"] = _with_last_date(deals["labco-memco-custom-chip-2026"], "2026")
    quiet, _, newest = quiet_open_deals(deals.values())
    assert newest == date(2026, 2, 1)
    assert quiet == []


def test_no_deals_means_nothing_is_quiet() -> None:
    assert quiet_open_deals([]) == ([], [], None)


@pytest.mark.parametrize(
    ("count", "size", "text"),
    [
        (406, 407, "406 of 407 (>99%)"),  # one record unchecked must not read as 100%
        (407, 407, "407 of 407 (100%)"),
        (1, 407, "1 of 407 (<1%)"),
        (0, 407, "0 of 407 (0%)"),
        (53, 407, "53 of 407 (13%)"),
        (1194, 2000, "1,194 of 2,000 (60%)"),
        (0, 0, "0 of 0 (0%)"),
    ],
)
def test_a_share_reads_100_or_0_percent_only_when_it_is(count: int, size: int, text: str) -> None:
    assert share_of(count, size) == text


def _cited_by(kind: str, deal: Deal):
    source = deal.status_history[0].sources[0]
    return source.model_copy(update={"kind": kind, "url": f"{source.url}-{kind}"})


def test_a_figure_rests_on_digests_only_when_no_report_gives_its_number() -> None:
    from computekg.graph.coverage import rests_on_digests
    from computekg.schemas.models import Quantity

    deal = _fixture_deals()["bigcloud-labco-investment-2023"]
    report, digest = _cited_by("news_report", deal), _cited_by("digest", deal)
    hedged = Quantity(unit="usd", value=4e9, qualifier="approximately", sources=[report])
    bare_in_a_digest = Quantity(unit="usd", value=4e9, sources=[digest])
    assert not rests_on_digests(deal.model_copy(update={"quantities": [hedged, bare_in_a_digest]}))
    # Another number, or the same number counted per year, is another figure: a digest alone states it.
    for other in (Quantity(unit="usd", value=5e9, sources=[digest]), Quantity(unit="usd", value=4e9, per="year", sources=[digest])):
        assert rests_on_digests(deal.model_copy(update={"quantities": [hedged, other]}))
    # A status change cited only by digests counts, whatever the figures.
    only_digest_step = deal.status_history[0].model_copy(update={"sources": [digest]})
    assert rests_on_digests(deal.model_copy(update={"quantities": [hedged], "status_history": [only_digest_step]}))
    assert not rests_on_digests(deal.model_copy(update={"quantities": [hedged]}))
