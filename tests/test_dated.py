"""The date reader: which words state a day, month or year, so a date no cited page is dated rests on words that state it."""

from __future__ import annotations

from datetime import date

import pytest
from computekg.graph import dated

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
        "assinaram, na segunda-feira (18/8), um protocolo",
    ],
)
def test_words_that_write_the_day_state_it(quote: str) -> None:
    assert dated.states_day(quote, AUGUST_18)


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
        "na segunda-feira (18/9)",  # another month
    ],
)
def test_words_that_do_not_write_the_day_do_not_state_it(quote: str) -> None:
    assert not dated.states_day(quote, AUGUST_18)


AUGUST = date(2025, 8, 1)


@pytest.mark.parametrize(
    ("quote", "published"),
    [
        ("signed in August", None),
        ("8月に契約を結んだ", None),
        ("2025年8月签约", None),
        ("今年8月起算", None),  # "this year's August"
        ("Stand: 18.08.2025", None),
        ("filed 08/2025", None),
        ("the two signed last month", "2025-09-12"),
        ("지난달 계약", "2025-09"),
    ],
)
def test_words_that_write_the_month_state_it(quote: str, published: str | None) -> None:
    assert dated.states_month(quote, AUGUST, published)


def test_may_is_the_month_only_as_a_name() -> None:
    may = date(2025, 5, 1)
    assert dated.states_month("signed in May 2025", may)
    assert dated.states_month("firmado en mayo", may)
    assert not dated.states_month("the deal may close later this year", may)


@pytest.mark.parametrize(
    ("quote", "published"),
    [
        ("the two companies said on Wednesday", "2025-09-03"),  # a weekday never gives a month
        ("signed last month", "2025-10-01"),  # "last month" on a page two months on is September
        ("signed last month", None),  # and on a page of unknown date, no month at all
        ("in September", None),
        ("2024-08", None),  # another year
        ("In August 2024 the two signed", "2025-03-01"),  # a month with another year is that year's
        ("signed on August 18, 2024", "2025-03-01"),
        ("2024年8月签约", "2025-03-01"),
    ],
)
def test_words_that_do_not_write_the_month_do_not_state_it(quote: str, published: str | None) -> None:
    assert not dated.states_month(quote, AUGUST, published)


def test_written_days_reads_both_english_orders_with_their_words() -> None:
    text = "Announced on 29 August 2023 and generally available from November 9, 2023; closed in May 2024."
    assert dated.written_days(text) == [("29 August 2023", date(2023, 8, 29)), ("November 9, 2023", date(2023, 11, 9))]


def test_written_days_skips_months_alone_numbers_and_impossible_days() -> None:
    assert dated.written_days("in December 2024, 18 of them in 2025, 31 June 2025") == []


def test_written_months_reads_a_month_with_its_year() -> None:
    text = "Talks since March 2025 closed on 18 December 2025; a May figure and 2025 alone are no month."
    assert dated.written_months(text) == [("March 2025", date(2025, 3, 1))]  # the day's month is the day's to give


def test_written_years_reads_years_alone_not_amounts_or_dated_months() -> None:
    text = "Founded in 2019, it aims for 1 GW by 2027 (FY2028 capex $2025 million, 2,025 MW, 2030.5) and signed in May 2024."
    assert dated.written_years(text) == [("2019", 2019), ("2027", 2027), ("2028", 2028)]


@pytest.mark.parametrize(
    ("quote", "year", "published"),
    [
        ("production is due to start by 2027", 2027, None),
        ("FY2027 guidance", 2027, None),
        ("the plant will open next year", 2027, "2026-03-02"),
        ("操业预计明年开始", 2027, "2026-03"),
        ("it opened last year", 2025, "2026-01-15"),
        ("the site opens this year", 2026, "2026"),
    ],
)
def test_words_that_write_the_year_state_it(quote: str, year: int, published: str | None) -> None:
    assert dated.states_year(quote, year, published)


@pytest.mark.parametrize(
    ("quote", "year", "published"),
    [
        ("production is due to start by 20270 units", 2027, None),  # digits of a larger number
        ("the plant will open next year", 2027, "2025-03-02"),  # next year on a 2025 page is 2026
        ("the plant will open next year", 2027, None),  # and on a page of unknown date, no year at all
        ("it opened last year", 2025, "2025-06-01"),
        ("by 2028", 2027, "2027"),
    ],
)
def test_words_that_do_not_write_the_year_do_not_state_it(quote: str, year: int, published: str | None) -> None:
    assert not dated.states_year(quote, year, published)
