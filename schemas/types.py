"""Field types shared by the models, and the RDF markers the generic mapping reads.

A field says how it maps to RDF by carrying an `Rdf` marker in its `Annotated`
metadata; a value type says how its values become RDF terms by carrying one of the
term markers below. `graph/rdf.py` reads only these markers, so adding a field to
a model is the whole job of extending the RDF mapping.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal
from urllib.parse import unquote, urlsplit

from iso3166 import countries_by_alpha2
from pydantic import AfterValidator, BeforeValidator, Field

# ---------------------------------------------------------------- RDF markers


@dataclass(frozen=True)
class Rdf:
    """The predicate (a CURIE in the project's prefixes) a field is written with."""

    predicate: str
    # Written with subject and object swapped too, so both directions are queryable.
    inverse: str | None = None


@dataclass(frozen=True)
class RecordRef:
    """The value is the id of another record of this kind: written as that record's IRI."""

    kind: Literal["organizations", "chips", "facilities", "deals"]


@dataclass(frozen=True)
class IriValue:
    """The value is written as an IRI: `template` with `{}` replaced by the value."""

    template: str = "{}"


@dataclass(frozen=True)
class PartialDateValue:
    """The value is a date of year, month or day precision: xsd:gYear, gYearMonth or date."""


# ---------------------------------------------------------------- validators

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(
            f"'{value}' is not a valid id: use lowercase letters, digits and single hyphens, e.g. 'samsung-foundry'"
        )
    return value


def _date_as_text(value: object) -> object:
    # YAML turns an unquoted 2025 into an int; a year is still a date here.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def check_partial_date(value: str) -> str:
    if not re.match(DATE_PATTERN, value):
        raise ValueError(f"'{value}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    date_bounds(value)  # raises on a month or day that does not exist
    return value


def date_bounds(value: str) -> tuple[date, date]:
    """The first and last day a date of any precision may stand for."""
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            year, month = parts
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(*parts)
    except ValueError:
        raise ValueError(f"'{value}' is not a real date: check the month and day") from None
    return day, day


def check_day(value: str) -> str:
    if not re.match(DAY_PATTERN, value):
        raise ValueError(f"'{value}' is not a day: write YYYY-MM-DD")
    date_bounds(value)  # raises on a day that does not exist
    return value


def _is_web_address(value: str, schemes: tuple[str, ...]) -> bool:
    parts = urlsplit(value)
    return parts.scheme in schemes and bool(parts.netloc) and " " not in value


def check_https_url(value: str) -> str:
    if not _is_web_address(value, ("https",)):
        raise ValueError(f"'{value}' is not an https address: give the full https:// address of the page")
    return value


def check_page_url(value: str) -> str:
    # Some sites still serve pages over plain http; turning such an address into https would cite a page nobody read.
    if not _is_web_address(value, ("http", "https")):
        raise ValueError(
            f"'{value}' is not a web address: give the page's full address as you read it, starting https:// (or http:// "
            "where the site serves only that)"
        )
    return value


def address_words(url: str) -> list[str]:
    """The words of a page's address (path and query, decoded, lowercase): what a title made from it may say."""
    parts = urlsplit(url)
    return [word for word in re.split(r"[\W_]+", unquote(f"{parts.path} {parts.query}").lower()) if word]


def is_address_title(title: str, url: str) -> bool:
    """Whether `title` is a run of the address's words, in order, with nothing added but case and a final '…'.

    Hyphens may stay (the address has them); '$', '.', ',' or an apostrophe would be a guess at the headline.
    """
    words = re.split(r"[\s-]+", title.strip().removesuffix("…").strip().lower())
    if not all(re.fullmatch(r"[^\W_]+", word) for word in words):  # an empty title splits to [""]
        return False
    address = address_words(url)
    return any(address[start : start + len(words)] == words for start in range(len(address) - len(words) + 1))


def check_country(value: str) -> str:
    if value not in countries_by_alpha2:
        raise ValueError(f"'{value}' is not an ISO 3166-1 alpha-2 country code: use e.g. US, KR, TW, CN")
    return value


def check_wikidata(value: str) -> str:
    if not re.match(r"^Q[1-9][0-9]*$", value):
        raise ValueError(f"'{value}' is not a Wikidata item id: write it as Q followed by digits, e.g. Q95")
    return value


# ---------------------------------------------------------------- value types

# The pattern goes to the JSON Schema only: in Python the validator gives the clearer message.
_SLUG_SCHEMA = Field(json_schema_extra={"pattern": SLUG_PATTERN})
Slug = Annotated[str, AfterValidator(check_slug), _SLUG_SCHEMA]
OrgId = Annotated[str, AfterValidator(check_slug), RecordRef("organizations"), _SLUG_SCHEMA]
ChipId = Annotated[str, AfterValidator(check_slug), RecordRef("chips"), _SLUG_SCHEMA]
FacilityId = Annotated[str, AfterValidator(check_slug), RecordRef("facilities"), _SLUG_SCHEMA]
DealId = Annotated[str, AfterValidator(check_slug), RecordRef("deals"), _SLUG_SCHEMA]
PartialDate = Annotated[
    str,
    BeforeValidator(_date_as_text),
    AfterValidator(check_partial_date),
    PartialDateValue(),
    Field(json_schema_extra={"pattern": DATE_PATTERN}),
]
# A day, for things this project did itself (such as checking sources), which it knows to the day.
Day = Annotated[
    str,
    AfterValidator(check_day),
    PartialDateValue(),
    Field(json_schema_extra={"pattern": DAY_PATTERN}),
]
HttpsUrl = Annotated[str, AfterValidator(check_https_url), IriValue(), Field(json_schema_extra={"pattern": "^https://"})]
PageUrl = Annotated[str, AfterValidator(check_page_url), IriValue(), Field(json_schema_extra={"pattern": "^https?://"})]
Country = Annotated[str, AfterValidator(check_country), Field(json_schema_extra={"pattern": "^[A-Z]{2}$"})]
WikidataId = Annotated[
    str,
    AfterValidator(check_wikidata),
    IriValue("http://www.wikidata.org/entity/{}"),
    Field(json_schema_extra={"pattern": "^Q[1-9][0-9]*$"}),
]
Text = Annotated[str, Field(min_length=1)]
