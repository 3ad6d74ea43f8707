"""The day reader: which words state a day, so a step dated to a day no cited page is dated rests on a stated day."""

from __future__ import annotations

from datetime import date

import pytest
from computekg.graph.dated import states_day

AUGUST_18 = date(2025, 8, 18)


@pytest.mark.parametrize(
    "quote",
    [
        "the deal was announced on 18 August",
        "announced Aug. 18, 2025",
        "on August 18th, the companies said",
        "le 18 août, les deux groupes",
        "am 18. August unterzeichnet",
        "firmado el 18 de agosto",
        "8月18日晚间，公司公告",
        "8월 18일 계약을 체결했다",
        "filed 2025-08-18",
        "Stand: 18.08.2025",
        "dated 08/18/2025",
        "18 августа компания",
        "MLex 18日引述消息人士報導",  # the day alone, in the page's month
        "On the 18th, the two signed",
        "nesta segunda-feira (18) ao publicar",
    ],
)
def test_words_that_write_the_day_state_it(quote: str) -> None:
    assert states_day(quote, AUGUST_18)


@pytest.mark.parametrize(
    "quote",
    [
        "the two companies said on Monday",  # a weekday: the day is worked out, not stated
        "went public yesterday with plans",
        "a deal worth $18 billion in August",  # the number is not a day
        "announced on 28 August",
        "on 18 September",  # another month
        "Aug 180 units",
        "2024-08-18",  # another year
        "report 118日",
    ],
)
def test_words_that_do_not_write_the_day_do_not_state_it(quote: str) -> None:
    assert not states_day(quote, AUGUST_18)
