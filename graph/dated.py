"""Whether a quote states a given day, month or year: the check that a step dated to a day (or a month) no
cited page is dated took it from a page's words ("on 18 August", "Aug. 18", "8月18日", "18.08.2025",
"last month"), not from a weekday or "yesterday"; and which days, months and years our own summaries
write, so each can be checked against the quotes the same way.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

# Month names and their usual abbreviations in the languages the cited pages are written in, by month.
_MONTH_WORDS: tuple[str, ...] = (
    "jan|january|janvier|januar|jänner|enero|janeiro|gennaio|января|stycznia",
    "feb|february|février|fevrier|februar|febrero|fevereiro|febbraio|февраля|lutego",
    "mar|march|mars|märz|marz|marzo|março|marco|марта|marca",
    "apr|april|avril|abril|aprile|апреля|kwietnia",
    "may|mai|mayo|maio|maggio|мая|maja",
    "jun|june|juin|juni|junio|junho|giugno|июня|czerwca",
    "jul|july|juillet|juli|julio|julho|luglio|июля|lipca",
    "aug|august|août|aout|agosto|августа|sierpnia",
    "sep|sept|september|septembre|septiembre|setembro|settembre|сентября|września",
    "oct|october|octobre|oktober|octubre|outubro|ottobre|октября|października",
    "nov|november|novembre|noviembre|novembro|ноября|listopada",
    "dec|december|décembre|decembre|dezember|diciembre|dezembro|dicembre|декабря|grudnia",
)
# Between a day and its month name: a space, "de", a dot, "th", a comma ("18. August", "18 de agosto", "Aug. 18th").
_GAP = r"(?:st|nd|rd|th|er)?\.?,?\s*(?:de\s+|of\s+)?"


@cache
def _day_patterns(day: date) -> re.Pattern[str]:
    d, m, y = day.day, day.month, day.year
    month = _MONTH_WORDS[m - 1]
    number = rf"(?<!\d)0?{d}(?!\d)"
    numeric_month = rf"0?{m}"
    forms = [
        rf"{number}{_GAP}(?:{month})\b",  # 18 August, 18. August, 18 de agosto
        rf"\b(?:{month})\.?\s*{number}",  # August 18, Aug. 18
        rf"(?<!\d){numeric_month}\s*[月월]\s*{number}\s*[日일]",  # 8月18日, 8월 18일
        rf"{y}\s*[-./年년]\s*{numeric_month}\s*[-./月월]\s*{number}",  # 2025-08-18, 2025.8.18, 2025年8月18日
        rf"{number}\s*[./]\s*{numeric_month}\s*[./]\s*(?:{y}|{y % 100:02d})(?!\d)",  # 18.08.2025, 18/8/25
        rf"(?<!\d){numeric_month}\s*/\s*{number}\s*/\s*(?:{y}|{y % 100:02d})(?!\d)",  # 08/18/2025
        # The day alone, read in the month of the page: "22日", "25일", "on the 14th", "terça-feira (13)".
        rf"{number}\s*[日일]",
        rf"\bthe\s+{number}(?:st|nd|rd|th)\b",
        rf"\(\s*{number}\s*\)",
        rf"\(\s*{number}\s*/\s*{numeric_month}\s*\)",  # "na quarta-feira (30/4)": day and month, in the page's year
    ]
    return re.compile("|".join(f"(?:{form})" for form in forms), re.IGNORECASE)


def states_day(quote: str, day: date) -> bool:
    """The quote writes out this day (a weekday or "yesterday" does not count).

    A day without its month ("on the 14th", "22日") counts: pages write it so for a day of their own month.
    """
    return bool(_day_patterns(day).search(quote))


# "Last month", read in the month after the page's own: a month the page writes relative to its date.
_LAST_MONTH = re.compile(
    r"(?i)\blast month\b|\bthe previous month\b|\ble mois dernier\b|\bvergangenen Monat\b|\bletzten Monat\b"
    r"|\bel mes pasado\b|\bo mês passado\b|\bmese scorso\b|上月|上個月|上个月|先月|지난달"
)


@cache
def _month_patterns(year: int, month: int) -> re.Pattern[str]:
    numeric_month = rf"0?{month}"
    words = _MONTH_WORDS[month - 1]
    if month == 5:  # "may" is also a verb ("the deal may close"): only a capital May is the month
        words = words.replace("may|", "(?-i:May)|")
    # A month name followed by another year ("August 2024", "August 18, 2024") writes that year's month.
    other_year = rf"\.?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s*)?(?!{year}(?!\d))(?:19|20)\d\d(?!\d)"
    forms = [
        rf"\b(?:{words})\b(?!{other_year})",  # August, Aug., août
        rf"(?<!\d)(?<!\d[年년])(?<!\d\s[年년]){numeric_month}\s*[月월]",  # 8月, 今年8月 (not 2024年8月, another year's)
        rf"{year}\s*[-./年년]\s*{numeric_month}(?!\d)",  # 2025-08, 2025年8月
        rf"(?<!\d){numeric_month}\s*[/.]\s*{year}",  # 08/2025, 18.08.2025
    ]
    return re.compile("|".join(f"(?:{form})" for form in forms), re.IGNORECASE)


def states_month(quote: str, month: date, published: str | None = None) -> bool:
    """The quote writes out this month, or says "last month" on a page published the month after."""
    if _month_patterns(month.year, month.month).search(quote):
        return True
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return bool(published and published.startswith(following.isoformat()[:7]) and _LAST_MONTH.search(quote))


# A full day as the project's English text writes it: "18 December 2024" or "December 18, 2024".
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_NAMED = "|".join(_MONTH_NAMES)
_WRITTEN_DAY = re.compile(rf"\b(?:(\d{{1,2}}) ({_NAMED})|({_NAMED}) (\d{{1,2}}),?) (\d{{4}})\b")
_WRITTEN_MONTH = re.compile(rf"(?<!\d )\b({_NAMED}) (\d{{4}})\b")  # not the month of a written day


def written_days(text: str) -> list[tuple[str, date]]:
    """The days a text writes in full, each with its words; impossible dates ("31 June 2025") are skipped."""
    found = []
    for match in _WRITTEN_DAY.finditer(text):
        day_first, month_after, month_first, day_after, year = match.groups()
        month = _MONTH_NAMES.index(month_after or month_first) + 1
        try:
            found.append((match.group(0), date(int(year), month, int(day_first or day_after))))
        except ValueError:
            continue
    return found


def written_months(text: str) -> list[tuple[str, date]]:
    """The months a text writes with their year ("in December 2025"), each as its first day, with its words.

    The month of a day written in full ("18 December 2025", "December 18, 2025") is left to `written_days`:
    a page that gives the day gives its month.
    """
    return [
        (match.group(0), date(int(match.group(2)), _MONTH_NAMES.index(match.group(1)) + 1, 1))
        for match in _WRITTEN_MONTH.finditer(text)
    ]


# A year as our text writes it: four digits, not part of a larger number or an amount ("$2025", "2,025").
_WRITTEN_YEAR = re.compile(r"(?<![\d.,$€£¥])(?:19|20)\d\d(?!\d|[.,]\d)")


def written_years(text: str) -> list[tuple[str, int]]:
    """The years a text writes on their own ("by 2027", "FY2026"), each with its words.

    A year that is part of a written day or month is left to `written_days` and `written_months`.
    """
    dated_spans = [match.span() for match in (*_WRITTEN_DAY.finditer(text), *_WRITTEN_MONTH.finditer(text))]
    return [
        (match.group(0), int(match.group(0)))
        for match in _WRITTEN_YEAR.finditer(text)
        if not any(start <= match.start() < end for start, end in dated_spans)
    ]


# Years a page writes relative to its own: "next year" on a 2025 page is 2026.
_RELATIVE_YEARS: dict[int, re.Pattern[str]] = {
    1: re.compile(
        r"(?i)\bnext year\b|\bthe following year\b|\bl'année prochaine\b|\bnächste[snm]? Jahr|\bel (?:próximo año|año que viene)\b"
        r"|\bpróximo ano\b|\bl'anno prossimo\b|明年|내년|来年"
    ),
    0: re.compile(r"(?i)\bthis year\b|\bcette année\b|\bdiese[sm]? Jahr|\beste año\b|\beste ano\b|\bquest'anno\b|今年|올해|금년"),
    -1: re.compile(
        r"(?i)\blast year\b|\bthe previous year\b|\bl'année dernière\b|\bletzte[snm]? Jahr|\bvergangene[snm]? Jahr"
        r"|\bel año pasado\b|\bano passado\b|\bl'anno scorso\b|去年|작년|지난해|昨年"
    ),
}


def states_year(text: str, year: int, published: str | None = None) -> bool:
    """The text writes out this year, or writes it relative to the page's own ("next year" on a page of the
    year before, "this year", "last year")."""
    if re.search(rf"(?<!\d){year}(?!\d)", text):
        return True
    if not published:
        return False
    offset = year - int(published[:4])
    return offset in _RELATIVE_YEARS and bool(_RELATIVE_YEARS[offset].search(text))
