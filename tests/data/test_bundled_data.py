"""Data tests: every curated record under data/ obeys the loader's rules and the curation rules.

One test per record where a rule is about one record, so a bad record is one named failure.
Code tests never read data/; these never test code paths beyond the data.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from functools import cache
from urllib.parse import parse_qsl, urlsplit

import computekg
import pytest
from computekg.graph.coverage import rests_on_anonymous_sources
from computekg.graph.dated import (
    states_day,
    states_month,
    states_year,
    written_days,
    written_months,
    written_years,
)
from computekg.graph.figures import (
    RECORDED_UNIT_MEASURES,
    dollar_conversions,
    figure_is_quoted,
    qualifier_is_worded,
    recorded_values,
    states,
    unrecorded_wordings,
    unsourced_figures,
    unworded_bounds,
)
from computekg.graph.fmt import canonical_text
from computekg.graph.links import deal_links
from computekg.graph.load import load_records
from computekg.graph.names import normalize_name, uncredited_sources
from computekg.graph.problems import show_path
from computekg.schemas.enums import (
    CURRENCY_UNITS,
    DEAL_STATUS_RANK,
    ENDED_STATUSES,
    Unit,
)
from computekg.schemas.introspect import sourced_claims, sources, walk
from computekg.schemas.models import Quantity
from computekg.schemas.types import date_bounds

DATA = computekg.BUNDLED_DATA
LOADED = load_records(DATA)
# The records whose figures and status changes carry their own sources.
SOURCED_RECORDS = [*LOADED.records["deals"].values(), *LOADED.records["facilities"].values()]
RECORDS = [r for records in LOADED.records.values() for r in records.values()]
ALL_IDS = sorted(r.id for r in RECORDS)


def test_the_bundled_data_loads_without_a_problem() -> None:
    try:
        computekg.load(DATA)
    except computekg.LoadError as exc:
        pytest.fail(str(exc), pytrace=False)


def test_the_bundled_data_is_not_trivially_small() -> None:
    kg = computekg.load(DATA)
    assert len(kg.organizations) >= 30
    assert len(kg.deals) >= 30


@pytest.mark.parametrize("record_id", ALL_IDS)
def test_file_is_in_canonical_format(record_id: str) -> None:
    record = next(r for r in RECORDS if r.id == record_id)
    path = DATA / record.kind / f"{record_id}.yaml"
    assert path.read_text(encoding="utf-8") == canonical_text(record), (
        f"{path} is not in canonical form: run `computekg fmt`"
    )


@cache  # computed once for all the per-organization tests, from the records already loaded
def _connected_org_ids() -> frozenset[str]:
    records = LOADED.records
    connected: set[str] = set()
    for deal in records["deals"].values():
        connected.update(p.org for p in deal.parties)
    for chip in records["chips"].values():
        connected.update([chip.designer, *chip.design_partners, *([chip.foundry] if chip.foundry else [])])
    for facility in records["facilities"].values():
        connected.update([*facility.owners, *facility.tenants, *([facility.operator] if facility.operator else [])])
    connected.update(o.parent for o in records["organizations"].values() if o.parent)
    connected.update(o.id for o in records["organizations"].values() if o.parent)
    return frozenset(connected)


@pytest.mark.parametrize("org_id", sorted(LOADED.records["organizations"]))
def test_no_orphan_organization(org_id: str) -> None:
    assert org_id in _connected_org_ids(), (
        f"data/organizations/{org_id}.yaml takes part in no deal, product or facility and is no parent: "
        "add what it is part of, or remove it"
    )


def test_no_organization_under_two_ids() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for org in LOADED.records["organizations"].values():
        for name in [org.name, *org.aliases]:
            owners[normalize_name(name)].add(org.id)
    clashes = {name: sorted(ids) for name, ids in owners.items() if len(ids) > 1}
    assert clashes == {}, "the same name or alias names two organizations: merge them or drop the alias"


PLACEHOLDER_HOST = re.compile(r"(^|\.)(example\.(com|org|net)|localhost)$")
# Feed, referral and campaign tags: they say how a reader arrived, not which page it is.
TRACKING_PARAMETER = re.compile(r"^(utm_\w+|ref|referring_guid|td|feedref|cid|src|source|fbclid|gclid|ns_mchannel|ns_campaign|ns_source|ns_linkname|ito)$")
# A day's archive or a tag listing changes as stories come and go, so it pins down no claim.
LISTING_PAGE = re.compile(r"^/\d{4}(/\d{1,2}){0,2}/?$|/(tag|tags|hashtag|category)/[^/]+/?$", re.IGNORECASE)


def _source_problems(source) -> list[str]:
    """What is wrong with one citation beyond what the loader checks."""
    problems = [
        f"{name} has stray whitespace"
        for name in ("title", "publisher", "quote")
        if (text := getattr(source, name)) and (text != text.strip() or "\n" in text or "  " in text)
    ]
    address = urlsplit(source.url)
    if address.path in ("", "/") and not address.query:
        problems.append("cites a home page, which states no claim: cite the article's own address")
    elif LISTING_PAGE.search(address.path):
        problems.append("cites a listing page (a day's archive or a tag page): cite the article's own address")
    elif "/wp-json/" in address.path:
        problems.append("cites a WordPress API address: cite the article's own address (the 'link' the API gives)")
    if PLACEHOLDER_HOST.search(address.hostname or ""):
        problems.append("cites a placeholder address")
    tracking = sorted({key for key, _ in parse_qsl(address.query, keep_blank_values=True) if TRACKING_PARAMETER.match(key)})
    if tracking:
        problems.append(f"its address carries tracking parameters {tracking}: cite the address without them")
    if source.title.casefold() == source.publisher.casefold():
        problems.append("its title is the publisher's name: give the headline")
    return problems


def test_source_problems_are_each_named() -> None:
    # The rule itself, on one damaged citation: every fault is reported, not just the first.
    source = next(source for record in RECORDS for _, source in sources(record))
    damaged = source.model_copy(
        update={"url": "https://example.org/story?utm_source=feed&ref=x&p=1", "title": source.publisher, "quote": " padded"}
    )
    assert _source_problems(damaged) == [
        "quote has stray whitespace",
        "cites a placeholder address",
        "its address carries tracking parameters ['ref', 'utm_source']: cite the address without them",
        "its title is the publisher's name: give the headline",
    ]
    assert _source_problems(source.model_copy(update={"url": "https://news.site/"})) == [
        "cites a home page, which states no claim: cite the article's own address"
    ]
    for listing in ("https://news.site/2025/05/14/", "https://news.site/en/hashtag/Sugon", "https://news.site/tags/ironwood"):
        assert _source_problems(source.model_copy(update={"url": listing})) == [
            "cites a listing page (a day's archive or a tag page): cite the article's own address"
        ]
    assert _source_problems(source.model_copy(update={"url": "https://news.site/wp-json/wp/v2/posts/48937"})) == [
        "cites a WordPress API address: cite the article's own address (the 'link' the API gives)"
    ]
    assert _source_problems(source.model_copy(update={"url": "https://news.site/story?p=1&amp=1"})) == []
    assert _source_problems(source.model_copy(update={"url": "https://news.site/category/nation/2025/11/01/story"})) == []


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: f"{r.kind}/{r.id}")
def test_every_source_is_well_formed(record) -> None:
    bad = [
        f"{show_path(path)} ({source.url}): {problem}"
        for path, source in sources(record)
        for problem in _source_problems(source)
    ]
    assert bad == [], f"data/{record.kind}/{record.id}.yaml: " + "; ".join(bad)


# A wire's or release service's dateline in a quote ("WASHINGTON, Aug 21 (Reuters) -", "(GLOBE NEWSWIRE) --") shows
# the page is a copy of its story, which the publisher then credits, as in "Boursorama (Reuters)". Each pattern is
# keyed by the name the publisher must contain as a word, in any case.
WIRE_DATELINES = {
    wire: re.compile(pattern)
    for wire, pattern in {
        # "(IANS) SK Group said": some wires put no dash after the dateline, so a capital may follow instead.
        **{
            wire: rf"\({re.escape(wire)}\)\s*(?:-|–|—|(?=[A-Z]))"
            for wire in ("Reuters", "Bloomberg", "AFP", "AP", "Yonhap", "Xinhua", "Kyodo", "PTI", "IANS", "ANI", "dpa")
        },
        "Dow Jones": r"\(Dow Jones\)\s*(?:-|–|—)|Dow Jones Newswires",
        "MT Newswires": r"MT Newswires",
        "Jiji": r"\(Jiji(?: Press)?\)",
        "RTTNews": r"\(RTTNews\)",
        "GlobeNewswire": r"\(GLOBE NEWSWIRE\)",
        "Business Wire": r"\(BUSINESS WIRE\)",
        "PR Newswire": r"/\s*PRNewswire(?:-[A-Za-z]+)*\s*/",
        "ACCESSWIRE": r"\(ACCESSWIRE\)",
    }.items()
}


# Sites that carry wire stories file them under the wire's name: "/wires/reuters/", "/news-services/reuters/",
# "/ap-national/", "/afp/"; Nippon.com numbers Jiji Press stories "yjj…" and Kyodo's "kd…".
WIRE_ADDRESS = re.compile(
    r"/(?:wires?|news-services)/(reuters|ap|afp|bloomberg)/|/(ap)-[a-z]+/|/(afp)/|^(?:www\.)?nippon\.com/en/news/(yjj|kd)\d",
    re.IGNORECASE,
)
WIRE_NAMES = {"reuters": "Reuters", "ap": "AP", "afp": "AFP", "bloomberg": "Bloomberg", "yjj": "Jiji", "kd": "Kyodo"}


def _uncredited_wire(source) -> str | None:
    quote = source.quote or ""
    address = WIRE_ADDRESS.search("{0.netloc}{0.path}".format(urlsplit(source.url)))
    wires = [wire for wire, dateline in WIRE_DATELINES.items() if dateline.search(quote)]
    wires += [WIRE_NAMES[next(filter(None, address.groups())).lower()]] if address else []
    return next(
        (wire for wire in wires if not re.search(rf"\b{re.escape(wire)}\b", source.publisher, re.IGNORECASE)), None
    )


def test_a_wire_copy_is_known_by_its_dateline() -> None:
    source = next(source for record in RECORDS for _, source in sources(record))
    copy = source.model_copy(update={"publisher": "Financetom", "quote": "WASHINGTON, Aug 21 (Reuters) - The plan"})
    assert _uncredited_wire(copy) == "Reuters"
    assert _uncredited_wire(copy.model_copy(update={"publisher": "Financetom (Reuters)"})) is None
    assert _uncredited_wire(copy.model_copy(update={"quote": "By Dean Seal ... (END) Dow Jones Newswires"})) == "Dow Jones"
    # Crediting a wire in passing is not a copy of its story.
    assert _uncredited_wire(copy.model_copy(update={"quote": "Reuters reported on Monday that"})) is None
    assert _uncredited_wire(copy.model_copy(update={"quote": "Seoul, June 16 (IANS) SK Group said"})) == "IANS"
    # "(AP)" also abbreviates an application processor; only a dateline's is followed by a dash or a new sentence.
    assert _uncredited_wire(copy.model_copy(update={"quote": "the Exynos 2600 processor (AP) using 2nm"})) is None
    release = copy.model_copy(update={"quote": "SINGAPORE, Nov. 17, 2025 (GLOBE NEWSWIRE) -- GlobalFoundries today"})
    assert _uncredited_wire(release) == "GlobeNewswire"
    assert _uncredited_wire(release.model_copy(update={"publisher": "FinanzNachrichten.de (GlobeNewswire)"})) is None
    assert _uncredited_wire(release.model_copy(update={"quote": "Calif., May 1, 2025 /PRNewswire/ -- X today"})) == (
        "PR Newswire"
    )
    # A site's wire section shows the copy even when the quote leaves out the dateline.
    wire_section = copy.model_copy(update={"quote": "The plan", "url": "https://kvia.com/news/ap-national/2024/04/16/g42/"})
    assert _uncredited_wire(wire_section) == "AP"
    assert _uncredited_wire(wire_section.model_copy(update={"publisher": "KVIA (AP)"})) is None
    reuters_section = "https://www.dailymail.co.uk/wires/reuters/article-13494539/Tesla.html"
    assert _uncredited_wire(wire_section.model_copy(update={"url": reuters_section})) == "Reuters"
    assert _uncredited_wire(wire_section.model_copy(update={"url": "https://news.site/apple-shape/"})) is None
    jiji = wire_section.model_copy(update={"publisher": "Nippon.com", "url": "https://www.nippon.com/en/news/yjj2024071200394/x.html"})
    assert _uncredited_wire(jiji) == "Jiji"
    assert _uncredited_wire(jiji.model_copy(update={"publisher": "Nippon.com (Jiji Press)"})) is None
    assert _uncredited_wire(jiji.model_copy(update={"url": "https://www.nippon.com/en/news/kd1234/x.html"})) == "Kyodo"
    assert _uncredited_wire(jiji.model_copy(update={"url": "https://www.nippon.com/en/japan-topics/g0123/"})) is None


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: f"{r.kind}/{r.id}")
def test_a_copy_of_a_wire_story_credits_the_wire(record) -> None:
    uncredited = sorted(
        {f"{source.url} ({wire})" for _, source in sources(record) if (wire := _uncredited_wire(source))}
    )  # fmt: skip
    assert uncredited == [], (
        f"data/{record.kind}/{record.id}.yaml: the quotes or addresses of {uncredited} show a wire's copy; name the wire in "
        'the publisher wherever the address is cited, as in "Boursorama (Reuters)"'
    )


# Sites whose articles from a known number on are machine rewrites of other outlets' stories, so a retelling
# (a digest, or a report resting on unnamed people): Devdiscourse's carry a new "Title: Subtitle" headline, an
# AI-generated image and "(With inputs from agencies.)" from article 3136580 (26 October 2024), the first seen.
REWRITE_SITES = {"devdiscourse.com": (re.compile(r"/article/[a-z-]+/(\d+)-"), 3136580)}
RETELLING_KINDS = {"digest", "report_citing_anonymous_sources"}


def _unmarked_rewrite(source) -> bool:
    address = urlsplit(source.url)
    site = REWRITE_SITES.get(address.netloc.removeprefix("www."))
    number = site and site[0].search(address.path)
    return bool(number) and int(number.group(1)) >= site[1] and source.kind not in RETELLING_KINDS


def test_a_machine_rewrite_is_known_by_its_address() -> None:
    source = next(source for record in RECORDS for _, source in sources(record))
    rewrite = source.model_copy(
        update={"url": "https://www.devdiscourse.com/article/technology/3189415-massive-micron", "kind": "news_report"}
    )
    assert _unmarked_rewrite(rewrite)
    assert not _unmarked_rewrite(rewrite.model_copy(update={"kind": "digest"}))
    assert not _unmarked_rewrite(rewrite.model_copy(update={"kind": "report_citing_anonymous_sources"}))
    # Its older pages carry wire stories word for word, and other sites' numbers mean nothing here.
    assert not _unmarked_rewrite(rewrite.model_copy(update={"url": "https://www.devdiscourse.com/article/business/1891954-intel"}))
    assert not _unmarked_rewrite(rewrite.model_copy(update={"url": "https://news.site/article/technology/3189415-x"}))


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: f"{r.kind}/{r.id}")
def test_a_machine_rewrite_is_a_retelling(record) -> None:
    unmarked = sorted({source.url for _, source in sources(record) if _unmarked_rewrite(source)})
    assert unmarked == [], (
        f"data/{record.kind}/{record.id}.yaml: {unmarked} are machine rewrites of other outlets' stories; "
        "give them kind digest (or report_citing_anonymous_sources if they rest on unnamed people) wherever cited"
    )


@pytest.mark.parametrize("record", SOURCED_RECORDS, ids=lambda r: r.id)
def test_every_figure_and_status_change_is_quoted(record) -> None:
    # A reader should see the words a claim rests on without opening every page.
    unquoted = [show_path(where) for where, claim in sourced_claims(record) if not any(s.quote for s in claim.sources)]
    assert unquoted == [], f"data/{record.kind}/{record.id}.yaml: add a quote stating the claim to one source of {unquoted}"


@pytest.mark.parametrize("record", SOURCED_RECORDS, ids=lambda r: r.id)
def test_every_figure_is_as_one_of_its_quotes_words_it(record) -> None:
    # A quote under a figure that gives no such number, or not its "up to" or "about", shows the reader
    # nothing the figure rests on.
    figures = [(show_path(where), claim) for where, claim in sourced_claims(record) if isinstance(claim, Quantity)]
    unstated = [where for where, claim in figures if not figure_is_quoted(claim)]
    unworded = [f"{where} ({claim.qualifier})" for where, claim in figures if not qualifier_is_worded(claim)]
    assert unstated == [], (
        f"data/{record.kind}/{record.id}.yaml: no quote of {unstated} gives its figure; quote the page's words "
        "that state the number (its sentence or its headline; for MW, MWh, percent or years, with that unit), "
        "or correct the figure to what the quote says"
    )
    assert unworded == [], (
        f"data/{record.kind}/{record.id}.yaml: no quote of {unworded} words that qualifier; quote the words "
        '("up to", "about", "more than", "at least", "less than") or set the qualifier the quote gives'
    )


def _scaled_claim(quantity: Quantity) -> tuple[object, ...] | None:
    """What a figure claims with its unit brought to its kind's smallest unit ("1,200 megawatts" and "1.2 GW" are one
    figure), or None for a unit that is not a measure."""
    if str(quantity.unit) not in RECORDED_UNIT_MEASURES:
        return None
    kind, factor = RECORDED_UNIT_MEASURES[str(quantity.unit)]
    amounts = tuple(None if v is None else round(v * factor, 6) for v in (quantity.value, quantity.min, quantity.max))
    return kind, amounts, str(quantity.qualifier), str(quantity.per), str(quantity.measure), quantity.product


@pytest.mark.parametrize("deal", LOADED.records["deals"].values(), ids=lambda r: r.id)
def test_a_pages_dollar_figure_for_another_currency_is_recorded(deal) -> None:
    # One entry per currency (data/README.md): the page's dollar figure is what ranks a won or euro deal in USD.
    usd = [value for q in deal.quantities if q.unit == Unit.usd for value in recorded_values(q)]
    unrecorded = sorted({
        f"{dollars} in '{source.quote}'"
        for q in deal.quantities if q.unit in CURRENCY_UNITS and q.unit != Unit.usd
        for source in q.sources
        for dollars in dollar_conversions(source.quote or "")
        if not any(states(value, dollars) for value in usd)
    })
    assert unrecorded == [], (
        f"data/deals/{deal.id}.yaml: a page gives a dollar figure no USD entry records: {unrecorded}; add a `usd` "
        "entry with that value, citing the same source and quote, whose note says whose conversion it is"
    )


def test_one_figure_in_two_units_is_one_claim() -> None:
    deal = next(d for d in LOADED.records["deals"].values() if d.quantities)
    mw = deal.quantities[0].model_copy(
        update={"unit": "mw", "value": 1200, "min": None, "max": None, "qualifier": "exactly", "per": "total", "measure": "amount"}
    )
    assert _scaled_claim(mw) == _scaled_claim(mw.model_copy(update={"unit": "gw", "value": 1.2}))
    assert _scaled_claim(mw) != _scaled_claim(mw.model_copy(update={"unit": "gw", "value": 1.2, "qualifier": "up_to"}))
    assert _scaled_claim(mw) != _scaled_claim(mw.model_copy(update={"unit": "megawatt_hours"}))
    assert _scaled_claim(mw.model_copy(update={"unit": "usd"})) is None


@pytest.mark.parametrize("deal", LOADED.records["deals"].values(), ids=lambda r: r.id)
def test_a_figure_written_in_two_units_is_one_entry(deal) -> None:
    # Two entries read as two claims, and a query summing a deal's figures would count the one twice.
    first_entry: dict[tuple[object, ...], int] = {}
    repeats = []
    for index, quantity in enumerate(deal.quantities):
        if (claim := _scaled_claim(quantity)) is None:
            continue
        if claim in first_entry and deal.quantities[first_entry[claim]].unit != quantity.unit:
            repeats.append(f"quantities[{first_entry[claim]}] and quantities[{index}]")
        first_entry.setdefault(claim, index)
    assert repeats == [], (
        f"data/deals/{deal.id}.yaml: {repeats} give one figure in two units; keep one entry and move the "
        "other's sources into it, saying in its note how each page words it"
    )


def _names_size(node: str, nm: float) -> bool:
    """Whether a node's name writes its size: "N3P" and "3 nm" write 3; Intel's and TSMC's "18A" and "A16" write 1.8, 1.6."""
    patterns = [rf"(?<![\d.]){re.escape(f'{nm:g}')}(?!\d|\.\d)"]
    if nm < 10:  # angstrom names count tenths of a nanometre
        patterns += [rf"(?<!\d){round(nm * 10)}A\b", rf"\bA{round(nm * 10)}(?!\d)"]
    return any(re.search(pattern, node) for pattern in patterns)


def test_a_node_name_is_known_by_the_size_it_writes() -> None:
    assert _names_size("N3P (TSMC 3 nm-class)", 3) and _names_size("4NP", 4) and _names_size("SF4X (Samsung Foundry)", 4)
    assert _names_size("18A (1.8 nm, RibbonFET)", 1.8) and _names_size("A16 (with backside power)", 1.6)
    assert _names_size("14 nm (GlobalFoundries)", 14) and not _names_size("14 nm (GlobalFoundries)", 1.4)
    assert not _names_size("N3P", 2) and not _names_size("13 nm", 3) and not _names_size("2.3 nm", 3)


@pytest.mark.parametrize("chip", [c for c in LOADED.records["chips"].values() if c.process_nm], ids=lambda r: r.id)
def test_a_node_size_is_the_one_its_name_writes(chip) -> None:
    # The size restates the node's name for comparing chips, so it must agree with it.
    assert _names_size(chip.process_node, chip.process_nm), (
        f"data/chips/{chip.id}.yaml: process_nm {chip.process_nm:g} is not the size '{chip.process_node}' names: "
        "correct one of them, or leave process_nm out where the name gives no size"
    )


def test_a_spec_name_has_one_unit_across_products() -> None:
    # chips-by-spec compares one spec across chips; the loader fixes suffixed names' units, this covers the rest.
    units: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for chip in LOADED.records["chips"].values():
        for spec in chip.specs:
            units[spec.name][spec.unit].append(chip.id)
    mixed = {name: dict(by_unit) for name, by_unit in units.items() if len(by_unit) > 1}
    assert mixed == {}, f"specs written in more than one unit (name: unit: chips): {mixed}; write each name in one unit"


@pytest.mark.parametrize(
    "record", [*LOADED.records["chips"].values(), *LOADED.records["facilities"].values()], ids=lambda r: r.id
)
def test_every_spec_and_hosted_count_is_stated_by_a_quote(record) -> None:
    # A spec or a count of hosted chips has no sources of its own: the record's quotes are all it rests on.
    quotes = [source.quote for source in record.sources if source.quote]
    figures = [(spec.name, spec.value) for spec in getattr(record, "specs", [])]
    figures += [(f"{hosted.product} count", hosted.count) for hosted in getattr(record, "chips", []) if hosted.count]
    unstated = [f"{name} {value:g}" for name, value in figures if not any(states(value, quote) for quote in quotes)]
    assert unstated == [], (
        f"data/{record.kind}/{record.id}.yaml: no quote of the record states {unstated}; add the page that gives it "
        "to `sources` with a quote holding the number, or remove the figure"
    )


@pytest.mark.parametrize("record", SOURCED_RECORDS, ids=lambda r: r.id)
def test_every_wording_a_quote_gives_a_figure_is_recorded(record) -> None:
    # Where one page says "up to $6.6bn" and another "$6.6bn", each wording is a claim of its own (README:
    # one entry per claim); recording only one hides that the pages disagree.
    figures = [claim for _, claim in sourced_claims(record) if isinstance(claim, Quantity)]
    quotes = sorted({source.quote for _, source in sources(record) if source.quote})
    missing = [f"{value:,g} {wording}: {quote[:90]!r}" for value, wording, quote in unrecorded_wordings(figures, quotes)]
    assert missing == [], (
        f"data/{record.kind}/{record.id}.yaml: a quote words a figure in a way no entry records; add an entry with "
        f"that qualifier and the quote's source, or move the source to it: {missing}"
    )


# Words by which an on-the-record page credits a detail to unnamed people.
UNNAMED_PEOPLE = re.compile(
    r"(?i)familiar with|people (?:close to|briefed|with knowledge)|person (?:close to|briefed|with knowledge)"
    r"|according to (?:two |three |four |several |multiple )?(?:people|sources|a source|insiders)|sources (?:said|say|told)"
    r"|a source (?:said|told)|insiders said|citing (?:people|sources|unnamed)|unnamed (?:people|sources)"
    r"|知情人士|消息人士|소식통|関係者によると|selon des sources|laut Insidern"
)
ATTRIBUTED = re.compile(r"(?i)familiar|source|person|people|insider|unnamed|anonymous|reportedly|according to|told|\bper\b")


@pytest.mark.parametrize("record", SOURCED_RECORDS, ids=lambda r: r.id)
def test_a_detail_from_unnamed_people_says_so(record) -> None:
    # An on-the-record page stays news_report when it adds a detail from unnamed people, so the claim's
    # note must say where the detail comes from, or a reader takes it as confirmed.
    unsaid = [
        show_path(where)
        for where, claim in sourced_claims(record)
        if any(s.quote and UNNAMED_PEOPLE.search(s.quote) and s.kind != "report_citing_anonymous_sources" for s in claim.sources)
        and not ATTRIBUTED.search(getattr(claim, "note", None) or "")
    ]
    assert unsaid == [], (
        f"data/{record.kind}/{record.id}.yaml: a quote of {unsaid} credits unnamed people; say so in the claim's note "
        '(e.g. "per people familiar with the matter, as reported by ...")'
    )


def _day_of(value: str) -> date | None:
    """The day a date stands for, or None when it is given only to the month or year."""
    first, last = date_bounds(value)
    return first if first == last else None


def _date_given(step, quotes_by_url: dict[str, list[str]]) -> bool:
    """A page cited for the step is dated to its day (on or before it) or in its month, or a quote of one
    writes the day or month. A month may also rest on an event a page names ("just before Thanksgiving
    2025"), which the step's note then explains; a day never does."""
    quotes = [(source, quote) for source in step.sources for quote in quotes_by_url[source.url]]
    if (day := _day_of(step.date)) is not None:
        if any((published := _day_of(source.date)) is not None and published <= day for source in step.sources):
            return True
        return any(states_day(quote, day) for _, quote in quotes)
    if len(step.date) == len("2025-08"):
        month = date_bounds(step.date)[0]
        return (
            step.note is not None
            or any(source.date.startswith(step.date) for source in step.sources)
            or any(states_month(quote, month, source.date) for source, quote in quotes)
        )
    return True


@pytest.mark.parametrize("deal", LOADED.records["deals"].values(), ids=lambda d: d.id)
def test_a_step_dated_to_a_day_or_month_has_a_page_giving_it(deal) -> None:
    # A page published the day after "Monday" or "yesterday" tempts a curator to work out the day, and one
    # of early January that says "Wednesday" the month; the rule is the precision the page states. A date
    # stands on a page of that day or month (a page dated only to the month shows no day) or on a quote
    # writing it ("last month" on a page of the month after counts).
    quotes_by_url = defaultdict(list)
    for _, source in sources(deal):
        if source.quote:
            quotes_by_url[source.url].append(source.quote)
    unstated = [f"{step.status} {step.date}" for step in deal.status_history if not _date_given(step, quotes_by_url)]
    assert unstated == [], (
        f"data/deals/{deal.id}.yaml: {unstated} is dated to a day or month that no page cited for it is dated, and "
        "no quote of those pages writes it; quote the words giving the date, cite a page of that day or month, or "
        "date the step to the month or year (a weekday or 'yesterday' never dates a step)"
    )


LINKS = deal_links(LOADED.records["deals"].values())


def _summary_and_evidence(record) -> tuple[str, list]:
    """The record's summary or description, and the records whose pages may give what it writes."""
    text = getattr(record, "summary", None) or getattr(record, "description", None) or ""
    deals = LOADED.records["deals"]  # every linked id is a deal: validation rejects a dangling `related` or `part_of`
    linked = LINKS.linked_deals(record.id, getattr(record, "part_of", None))
    return text, [record, *(deals[deal_id] for deal_id in sorted(linked))]


def _summary_dates_unsourced(record) -> list[str]:
    """The days, months and years the summary or description writes that no page gives: neither a cited
    page nor a status step of the record, or of a deal bearing on it, is dated to them, and no quote of
    theirs writes them (a month written without its year counts on a page of that year or the next; a
    year may be written by a title too, or as "next year" on a page of the year before)."""
    text, evidence = _summary_and_evidence(record)
    cited = [source for each in evidence for _, source in sources(each)]
    dated = {source.date for source in cited} | {step.date for each in evidence for step in getattr(each, "status_history", ())}
    quoted = [source for source in cited if source.quote]

    def gives_day(day: date) -> bool:
        return day.isoformat() in dated or any(states_day(source.quote, day) for source in quoted)

    def gives_month(month: date) -> bool:
        return any(value.startswith(month.isoformat()[:7]) for value in dated) or any(
            states_month(source.quote, month, source.date)
            and (str(month.year) in source.quote or source.date[:4] in (str(month.year), str(month.year + 1)))
            for source in quoted
        )

    def gives_year(year: int) -> bool:
        return any(value.startswith(str(year)) for value in dated) or any(
            states_year(f"{source.title or ''} {source.quote or ''}", year, source.date) for source in cited
        )

    return (
        [words for words, day in written_days(text) if not gives_day(day)]
        + [words for words, month in written_months(text) if not gives_month(month)]
        + [words for words, year in written_years(text) if not gives_year(year)]
    )


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.id)
def test_a_date_written_in_a_summary_is_one_a_page_gives(record) -> None:
    # A summary is read as the record's own account; a day, month or year in it ("on 18 December 2024",
    # "in March 2025", "due to open by 2027") must be one a cited page gives, or it may be worked out from
    # "Monday" or "last year", or remembered from a page nobody cites. A background fact may rest on a
    # linked deal's pages.
    unsourced = _summary_dates_unsourced(record)
    assert unsourced == [], (
        f"data/{record.kind}/{record.id}.yaml: the summary or description writes {unsourced}, which no cited page "
        "(nor a linked deal's) is dated to and no quote writes; cite the page that gives it with a quote holding "
        "the date, or give only what the sources support (the month, the year)"
    )


def _figures_and_quotes(records) -> tuple[list[float], list[str]]:
    """Every recorded value (or end of a range) and every quote of the records: what our text may restate."""
    recorded = [value for each in records for q in getattr(each, "quantities", ()) for value in recorded_values(q)]
    return recorded, [source.quote for each in records for _, source in sources(each) if source.quote]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.id)
def test_a_figure_written_in_a_summary_is_one_a_page_gives(record) -> None:
    # A summary is read as the record's own account; "$50 billion" or "190 MW" in it must be a figure a
    # cited page states, or it may be a sum the curator worked out or a figure remembered from an uncited page.
    text, evidence = _summary_and_evidence(record)
    unsourced = unsourced_figures(text, *_figures_and_quotes(evidence))
    assert unsourced == [], (
        f"data/{record.kind}/{record.id}.yaml: the summary or description writes {unsourced}, which no figure or "
        "quote of the record (nor of a deal bearing on it) states; cite the page that gives it with a quote holding "
        "the figure, or reword the sentence to what the quotes say"
    )


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.id)
def test_a_bound_written_in_a_summary_is_one_a_page_gives(record) -> None:
    # "more than $65 billion" where the pages say "$65 billion" claims more than they do, and the figure
    # test above passes it, since the number itself is stated.
    text, evidence = _summary_and_evidence(record)
    quantities = [q for each in evidence for q in getattr(each, "quantities", ())]
    unworded = unworded_bounds(text, quantities, _figures_and_quotes(evidence)[1])
    assert unworded == [], (
        f"data/{record.kind}/{record.id}.yaml: the summary or description bounds {unworded} with \"more than\", "
        "\"up to\", \"at least\" or \"less than\", which no figure or quote gives for that number; quote the page "
        "that words the bound, or write the number as the quotes do"
    )


def _notes(record) -> list[str]:
    """Every `note` in a record, at any depth (parties, figures, steps, chip counts)."""
    return [value for _, field, value in walk(record) if field.name == "note" and isinstance(value, str)]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.id)
def test_an_outlet_our_words_credit_is_named_by_a_cited_page(record) -> None:
    # "Reuters reported" in a summary or note is a claim about where the report comes from; a reader must
    # find that outlet on a page the record (or a deal bearing on it) cites, not take our word for it.
    text, evidence = _summary_and_evidence(record)
    ours = [record.name, text, *_notes(record)]
    cited = [source for each in evidence for _, source in sources(each)]
    page_words = [word for source in cited for word in (source.quote or "", source.title, source.publisher, source.url)]
    uncredited = sorted({outlet for words in ours for outlet in uncredited_sources(words, page_words)})
    assert uncredited == [], (
        f"data/{record.kind}/{record.id}.yaml: its name, summary or notes credit {uncredited}, which no cited page's "
        "words, headline, publisher or address name; credit the page the record cites, or cite one that names the outlet"
    )


# How a name says a claim is a report, not a fact: "reportedly", "reported to", "rumoured", "per <analyst>",
# or that what was reported is talks.
REPORTED = re.compile(r"(?i:\breport(ed|edly|s)?\b|\brumou?r|\btalks\b|\bnegotiat)|\bper [A-Z]")


def _rests_on_reports(deal) -> bool:
    """Only ever rumoured, or every step sourced only by pages resting on unnamed people."""
    return {step.status for step in deal.status_history} == {"rumored"} or rests_on_anonymous_sources(deal)


@pytest.mark.parametrize("deal", LOADED.records["deals"].values(), ids=lambda d: d.id)
def test_a_report_is_named_as_one(deal) -> None:
    # Graph labels and query results show a deal's name without its status or sources, so the name itself
    # must not turn a rumour into a fact.
    if _rests_on_reports(deal):
        assert REPORTED.search(deal.name), (
            f"data/deals/{deal.id}.yaml: the deal rests only on reports but its name {deal.name!r} states it as fact: "
            "say 'reportedly' (or whose report it is, or that it is talks) in the name"
        )


@pytest.mark.parametrize("deal", LOADED.records["deals"].values(), ids=lambda d: d.id)
def test_a_figure_in_a_name_is_one_the_record_gives(deal) -> None:
    # A name is read on its own in graph labels and query results; a sum worked out by the curator
    # ("about ¥930 billion" from two planned amounts) would pass there for a reported figure.
    unsourced = unsourced_figures(deal.name, *_figures_and_quotes([deal]))
    assert unsourced == [], (
        f"data/deals/{deal.id}.yaml: the name gives {', '.join(unsourced)}, which no figure or quote of the record "
        "states: reword the name, or record the figure with its source"
    )


# How a name words a deal still pending: an agreement, a plan or talks.
PENDING_WORDING = re.compile(r"(?i)\bagrees? to\b|\bto (?:acquire|buy|invest)\b|\bin talks\b|\bsaid to\b|\bnears?\b")


@pytest.mark.parametrize("deal", LOADED.records["deals"].values(), ids=lambda d: d.id)
def test_a_closed_deal_is_not_named_as_pending(deal) -> None:
    # The name is read on its own in graph labels and query results: "X agrees to acquire Y" beside a
    # completed status tells two stories.
    if str(deal.status) in ("completed", "delivered"):
        wording = PENDING_WORDING.search(deal.name)
        assert wording is None, (
            f"data/deals/{deal.id}.yaml: the deal is {deal.status} but its name {deal.name!r} words it as pending "
            f"({wording.group(0)!r}): name what happened, e.g. 'acquires', 'invests', 'buys'"
        )


# How a name says a deal ended: called off, broke down, lapsed, left, passed on, scaled back.
ENDED_WORDING = re.compile(
    r"(?i)cancel|called off|scrap|fell through|\bfalls? through|abandon|terminat|\blaps|collaps|withdr|\bdrop(?:s|ped)?\b"
    r"|\bbr(?:oke|eaks?) (?:down|up)|shelv|\bhalt|\bleft\b|\bleaves\b|\bexit|pull(?:s|ed)? out|walk(?:s|ed)? away"
    r"|\bfail|expire|\bstop|deprecat|scaled? back|\bpass(?:es|ed)? on\b|dead end|no longer|\bend(?:s|ed)?\b(?! of)|reject|blocked"
)


@pytest.mark.parametrize("deal", LOADED.records["deals"].values(), ids=lambda d: d.id)
def test_an_ended_deal_is_named_as_ended(deal) -> None:
    # The name is read on its own in graph labels and query results: "Nvidia's planned acquisition of Arm"
    # beside a cancelled status reads as a live deal there.
    if str(deal.status) in ENDED_STATUSES:
        assert ENDED_WORDING.search(deal.name), (
            f"data/deals/{deal.id}.yaml: the deal is {deal.status} but its name {deal.name!r} does not say it ended: "
            "add how, e.g. ', later terminated', '; talks reportedly broke down' ('reportedly' where the end was reported)"
        )


# How a page words the interest a loan or note bears, as against a stake ("a 49% ownership interest"),
# and a share of revenue or sales paid to a party, as against a share of the company.
INTEREST_WORDING = re.compile(r"(?i)interest rate|interest at a rate|bears? interest|annual interest|\bcoupon\b|\byield\b|per annum|taux d.int[ée]r[êe]t|금리|利率")
REVENUE_WORDING = re.compile(r"(?i)\bof (?:the |its |their )?(?:\w+ ){0,3}(?:revenues?|sales)\b|\brevenue share\b|\broyalt|매출의|营收的|收入的")
# What a percent amount must be instead when its quote words it so: (wording, the fix).
NOT_A_STAKE = {
    "interest_rate": (INTEREST_WORDING, "give it per: year and measure: interest_rate"),
    "revenue_share": (REVENUE_WORDING, "give it measure: revenue_share"),
}


def _percent_amounts(deal) -> list[tuple[str, Quantity]]:
    """The deal's percent amounts, which every answer reads as equity stakes, each with where it is."""
    return [(f"quantities[{index}]", q) for index, q in enumerate(deal.quantities) if q.is_stake]


@pytest.mark.parametrize("measure", sorted(NOT_A_STAKE))
@pytest.mark.parametrize("deal", LOADED.records["deals"].values(), ids=lambda d: d.id)
def test_a_percent_amount_is_a_stake(deal, measure: str) -> None:
    # Every answer reads a percent amount as an equity stake: a coupon recorded that way would show a
    # lender owning 7.75% of its borrower, and a cut of chip sales the US government owning 25% of Nvidia.
    wording, fix = NOT_A_STAKE[measure]
    misread = [where for where, q in _percent_amounts(deal) if any(s.quote and wording.search(s.quote) for s in q.sources)]
    assert misread == [], (
        f"data/deals/{deal.id}.yaml: {misread} is a percent amount, an equity stake, but its quote words a "
        f"{measure.replace('_', ' ')}: {fix}"
    )


# How a quote or note words a share of a company: a stake, equity, shares, holding or owning it, buying into it.
STAKE_WORDING = re.compile(
    r"(?i)stake|equity|\bshares?\b|sharehold|holding|\bown(?:s|ed|ership)?\b|interest in|acquir|\bbuy|purchas|\bcontrol"
    r"|\bstock|\bcapital|invest|participa|beteilig|持股|股份|股权|지분|株"
)


@pytest.mark.parametrize("deal", LOADED.records["deals"].values(), ids=lambda d: d.id)
def test_a_percent_amount_words_a_stake(deal) -> None:
    # The other way round: a percent amount whose quotes and note word no share of a company is some other
    # share ("a 20% prepayment", "voting rights limited to 11.5 pct"), which answers would show as ownership.
    unworded = [
        where for where, q in _percent_amounts(deal)
        if not any(STAKE_WORDING.search(text) for text in [q.note or "", *(s.quote or "" for s in q.sources)])
    ]  # fmt: skip
    assert unworded == [], (
        f"data/deals/{deal.id}.yaml: {unworded} is a percent amount, an equity stake, but no quote or note words a "
        "stake: give it measure: proportion (or revenue_share, interest_rate), or quote the words that make it a stake"
    )


# A note saying why a stake names no holder: the pages name none, or the holder has no record of its own.
NO_HOLDER_WORDING = re.compile(r"(?i)\b(?:buyers?|holders?|investors?) (?:is|are) not named\b|\bhas no record of its own\b")


@pytest.mark.parametrize("deal", LOADED.records["deals"].values(), ids=lambda d: d.id)
def test_a_stake_names_its_holders(deal) -> None:
    # Whose stake it is: without holders an answer can say only that someone owns 49% of something.
    nameless = [where for where, q in _percent_amounts(deal) if not q.holders and not NO_HOLDER_WORDING.search(q.note or "")]
    assert nameless == [], (
        f"data/deals/{deal.id}.yaml: {nameless} is a stake with no 'holders': list the parties holding it once the "
        "deal is done (and its company under 'stake_in'), or say in the note that the pages name no holder"
    )


# How a page words a signing, and the non-binding documents that a signing still leaves `announced`.
SIGNED_WORDING = re.compile(
    r"(?i)\b(?:signed|signs|inked|inks|entered into|concluded|executed)\b[^.;]{0,50}?"
    r"\b(?:agreements?|contracts?|deals?|leases?|orders?)\b|\bdefinitive agreement\b"
)
NON_BINDING_WORDING = re.compile(
    r"(?i)memorand|\bmou\b|letters? of intent|\blois?\b|term sheet|framework|preliminary|non-?binding|to explore|cooperation"
)
# How a page words a round raised or a purchase closed: done, in the perfect or past tense.
CLOSED_WORDING = re.compile(
    r"(?i)\b(?:has|have|had) (?:raised|closed|completed)\b"
    r"|\b(?:closed|completed) (?:its|the|an?)\b[^.;]{0,40}?\b(?:round|acquisition|purchase|merger|financing|transaction)\b"
)
NOTHING = re.compile(r"(?!)")

# Wording an on-the-record page uses for a status the deal must reach, by that status: (pattern,
# wording that undoes it, the deal types it applies to (None: all)).
STEP_WORDINGS = {
    "signed": (SIGNED_WORDING, NON_BINDING_WORDING, None),
    "completed": (CLOSED_WORDING, NOTHING, {"investment", "acquisition"}),
}


@pytest.mark.parametrize("status", sorted(STEP_WORDINGS))
@pytest.mark.parametrize("deal", LOADED.records["deals"].values(), ids=lambda d: d.id)
def test_a_step_worded_on_the_record_is_reached(deal, status: str) -> None:
    # Spot checks found deals left `announced` whose own pages say a binding agreement was signed or a
    # round was raised. A step's note may explain why the wording does not hold (a "trade agreement"
    # that is an MoU).
    wording, undone, deal_types = STEP_WORDINGS[status]
    furthest = max((DEAL_STATUS_RANK[e.status] for e in deal.status_history if e.status not in ENDED_STATUSES), default=0)
    if furthest >= DEAL_STATUS_RANK[status] or (deal_types and str(deal.deal_type) not in deal_types):
        return
    understated = [
        f"status_history[{index}] ({event.status}): {source.quote!r}"
        for index, event in enumerate(deal.status_history)
        if event.note is None
        for source in event.sources
        if str(source.kind) != "report_citing_anonymous_sources" and source.quote
        and wording.search(source.quote) and not undone.search(source.quote)
    ]
    assert understated == [], (
        f"data/deals/{deal.id}.yaml: an on-the-record page says the deal was {status}, but it never reaches "
        f"{status}: {understated}. Add a {status} step, or say in the step's note why the wording does not hold"
    )


# Each wording pattern on text a curator would write or the data held: the first list must match,
# the second (near-misses) must not.
WORDING_CASES = {
    "reported name": (REPORTED, (
        "Nvidia reportedly orders CoWoS", "Alchip reported to win Trainium3", "Rumoured order", "GB200 orders, per Ming-Chi Kuo",
        "Oracle in talks with Meta", "SK hynix negotiates a supply deal",
    ), (
        "Baidu orders Ascend chips", "Nvidia supports the Reporters Guild", "per cent", "Talksoft buys a chip firm",
    )),
    "pending name": (PENDING_WORDING, (
        "Marvell agrees to acquire Celestial AI", "Sanmina to acquire ZT Systems' business", "Amazon to invest up to $4 billion",
        "Oracle in talks with Meta", "Nvidia said to near a deal",
    ), (
        "Marvell acquires Celestial AI", "Lenovo plans a PC and server plant", "Nearline storage order", "Silver Lake buys 51% of Altera",
    )),
    "ended name": (ENDED_WORDING, (
        "Nvidia's planned acquisition of Arm, later terminated", "Intel talks to acquire SambaNova, which reportedly hit a dead end",
        "Crusoe later left the project", "Microsoft reportedly passes on an option", "talks reportedly broke down",
        "the service was later deprecated", "a plan reportedly scaled back", "xAI and Oracle talks on a cloud deal end",
    ), (
        "Nvidia and Hugging Face integrate DGX Cloud", "Intel's planned acquisition of Tower Semiconductor",
        "Oracle to backend Stargate", "SoftBank and Intel talks on making an AI chip", "a weekend deal", "Dropbox buys a chip firm", "to open by the end of 2027",
    )),
    "signing quote": (SIGNED_WORDING, (
        "XGS Energy and Meta have entered into an agreement to develop 150 megawatts", "Samsung has signed a new USD 3 billion agreement",
        "the two companies inked a multiyear deal", "signed a definitive agreement",
    ), (
        "Meta agrees to buy power from XGS", "the deal is expected to be signed next month", "Nvidia signs up new customers",
    )),
    "non-binding document": (NON_BINDING_WORDING, (
        "have signed a memorandum of understanding", "signed an MoU", "signed letters of intent", "have signed a term sheet",
        "signed a Framework Cooperation Agreement", "a non-binding agreement",
    ), (
        "signed a definitive agreement", "signed a 15-year power purchase agreement", "signed a lease",
    )),
    "closing quote": (CLOSED_WORDING, (
        "With this round, Firmus has raised $1.35 billion in six months", "the company has closed its $500 million Series B",
        "Marvell completed the acquisition of Innovium", "AMD has completed its acquisition of ZT Systems",
    ), (
        "the acquisition is expected to close next year", "Firmus is raising $505 million", "will complete the merger",
        "the round, which closes in March",
    )),
    "stake wording": (STAKE_WORDING, (
        "acquire a 49% stake", "owns 10.5% of the company", "will hold 20 percent of the shares", "지분 20%를 확보",
        "持股10%", "a 5% equity interest", "invest $2 billion for 4%",
    ), (
        "its contract includes a 20% prepayment", "voting rights are limited to 11.5 pct", "20% of the compute",
        "revenue grew 30%", "a 7.75% coupon",
    )),
    "no stake holder": (NO_HOLDER_WORDING, (
        "Share of a unit to be sold; the buyers are not named.", "the buyer is not named", "CTC Property has no record of its own in the graph",
    ), (
        "Stake sold by e&.", "the named buyer", "a record of its own", "Intel's controlling interest in the joint venture.",
    )),
    "revenue share quote": (REVENUE_WORDING, (
        "In return, 25 percent of revenue from those sales will go to the US government.",
        "agreed to grant the US government a 15% share of AI chip sales revenue destined for China",
        "will hand the U.S. 15% of its H20 chip sales to China", "a 3% royalty on each chip",
    ), (
        "acquire a 20% stake in the company", "a 49% ownership interest", "revenue grew 25 percent",
        "10% of its shares",
    )),
    "interest rate quote": (INTEREST_WORDING, (
        "bear interest at a rate of 7.750% per year", "la garantie d'AMD aurait permis d'obtenir un taux d'intérêt d'environ 6%",
        "The convertible note bears an 8% annual interest rate", "a 6.192% coupon",
    ), (
        "Blackstone will acquire an 80 percent ownership interest in the joint venture",
        "a 70% equity interest in certain of its data centers", "Intel will have a 51% controlling interest",
    )),
}


@pytest.mark.parametrize("case", sorted(WORDING_CASES))
def test_a_wording_pattern_tells_its_cases_apart(case: str) -> None:
    pattern, matching, near_misses = WORDING_CASES[case]
    assert all(pattern.search(text) for text in matching)
    assert not any(pattern.search(text) for text in near_misses)


def test_coverage_statement_is_current() -> None:
    from computekg.graph.coverage import coverage_markdown

    committed = (DATA.parent / "COVERAGE.md").read_text(encoding="utf-8")
    assert committed == coverage_markdown(computekg.load(DATA)), (
        "COVERAGE.md is stale: run `computekg stats --coverage > COVERAGE.md`"
    )


def test_bundled_graph_conforms_to_the_shapes() -> None:
    import rdflib
    from computekg.schemas.shacl import SHAPES_FILE
    from pyshacl import validate

    data = rdflib.Graph().parse(data=computekg.load(DATA).ntriples, format="nt")
    conforms, _, report = validate(data, shacl_graph=rdflib.Graph().parse(SHAPES_FILE))
    assert conforms, report
