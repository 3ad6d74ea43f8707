"""Rules across records: references, cycles, time order, and honest sourcing.

Each rule is a function from the loaded records to problems, so every rule runs
and every problem is reported in one pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from urllib.parse import urlsplit

from ..schemas.enums import (
    DEAL_STATUS_RANK,
    ENDED_STATUSES,
    UNCONFIRMED_STATUSES,
    Qualifier,
    SourceKind,
)
from ..schemas.introspect import references, sources
from ..schemas.models import Deal, Organization, Quantity, Source
from ..schemas.types import date_bounds
from .figures import recorded_values
from .load import LoadedRecords
from .problems import Origin, Path_, Problem

Rule = Callable[[LoadedRecords], Iterator[Problem]]
KIND_NAMES = {"organizations": "organization", "chips": "chip", "facilities": "facility", "deals": "deal"}


def check_references(loaded: LoadedRecords) -> Iterator[Problem]:
    for records in loaded.records.values():
        for record_id, record in records.items():
            for path, target_kind, target in references(record):
                if target not in loaded.records[target_kind] and target not in loaded.failed:
                    other = next((k for k, r in loaded.records.items() if target in r), None)
                    hint = (
                        f"'{target}' is a {KIND_NAMES[other]}, not an {KIND_NAMES[target_kind]}"
                        if other
                        else f"add data/{target_kind}/{target}.yaml or correct the id"
                    )
                    yield loaded.origins[record_id].problem(
                        path, f"unknown {KIND_NAMES[target_kind]} '{target}': {hint}"
                    )


def _cycles(links: dict[str, str | None]) -> Iterator[list[str]]:
    """Each cycle in a chain of links (an organization's parent, a deal's whole), once, from where it closes."""
    reported: set[str] = set()
    for start in links:
        seen: list[str] = []
        current: str | None = start
        while current in links and current not in seen:
            seen.append(current)
            current = links[current]
        if current in seen and current not in reported:
            cycle = seen[seen.index(current) :]
            reported.update(cycle)
            yield [*cycle, current]


def check_parent_cycles(loaded: LoadedRecords) -> Iterator[Problem]:
    orgs: dict[str, Organization] = loaded.records["organizations"]  # type: ignore[assignment]
    for chain in _cycles({org_id: org.parent for org_id, org in orgs.items()}):
        yield loaded.origins[chain[-1]].problem(
            ("parent",), f"parent cycle {' -> '.join(chain)}: an organization cannot be its own ancestor; fix one 'parent'"
        )


def check_part_cycles(loaded: LoadedRecords) -> Iterator[Problem]:
    deals: dict[str, Deal] = loaded.records["deals"]  # type: ignore[assignment]
    for chain in _cycles({deal_id: deal.part_of for deal_id, deal in deals.items()}):
        yield loaded.origins[chain[-1]].problem(
            ("part_of",), f"part_of cycle {' -> '.join(chain)}: a deal cannot be part of itself; fix one 'part_of'"
        )


def check_part_parties(loaded: LoadedRecords) -> Iterator[Problem]:
    # A part is some of its whole's own money or capacity, so someone takes part in both;
    # a part_of between strangers is a slip that would make sums skip real money.
    deals: dict[str, Deal] = loaded.records["deals"]  # type: ignore[assignment]
    for deal_id, deal in deals.items():
        whole = deals.get(deal.part_of) if deal.part_of else None
        if whole is not None and not {p.org for p in deal.parties} & {p.org for p in whole.parties}:
            yield loaded.origins[deal_id].problem(
                ("part_of",),
                f"part_of {deal.part_of}: the two deals share no party, but a part belongs to a party of its whole; "
                "check 'part_of' or the parties",
            )


def _after(later: str, earlier: str) -> bool:
    """False only when `later` must be before `earlier`, whatever their precision."""
    return date_bounds(later)[1] >= date_bounds(earlier)[0]


def _published_before(published: str, happened: str) -> bool:
    """The page must have been published before the change. A day's slack: a release's dateline
    may run a day ahead of its US publication date."""
    return date_bounds(published)[1] + timedelta(days=1) < date_bounds(happened)[0]


def check_status_histories(loaded: LoadedRecords) -> Iterator[Problem]:
    deals: dict[str, Deal] = loaded.records["deals"]  # type: ignore[assignment]
    for deal_id, deal in deals.items():
        origin = loaded.origins[deal_id]
        history = deal.status_history
        furthest = None  # the most advanced status so far
        for index, event in enumerate(history):
            if index and not _after(event.date, history[index - 1].date):
                previous = history[index - 1]
                yield origin.problem(
                    ("status_history", index, "date"),
                    f"status_history is not in time order: '{event.status}' ({event.date}) comes after "
                    f"'{previous.status}' ({previous.date}); list changes oldest first and check the dates",
                )
            if event.status in ENDED_STATUSES:
                continue
            if furthest is not None and DEAL_STATUS_RANK[event.status] < DEAL_STATUS_RANK[furthest.status]:
                yield origin.problem(
                    ("status_history", index, "status"),
                    f"'{event.status}' ({event.date}) follows '{furthest.status}' ({furthest.date}): a deal is not "
                    f"{furthest.status} before it is {event.status}; statuses go rumored < in_talks < announced < "
                    "signed < delivered/completed, so fix the status or the order",
                )
            else:
                furthest = event
        for index, event in enumerate(history):
            early = [j for j, source in enumerate(event.sources) if _published_before(source.date, event.date)]
            if len(early) == len(event.sources):
                newest = max(event.sources, key=lambda source: date_bounds(source.date)[1])
                yield origin.problem(
                    ("status_history", index, "date"),
                    f"'{event.status}' is dated {event.date}, after every page cited for it was published (the "
                    f"latest on {newest.date}): a page cannot report what had not yet happened; fix the date or "
                    "cite the page that reported the change",
                )
            else:
                for j in early:
                    yield origin.problem(
                        ("status_history", index, "sources", j, "date"),
                        f"this page was published on {event.sources[j].date}, before the '{event.status}' it is cited "
                        f"for ({event.date}): a page cannot report what had not yet happened; cite it for the deal "
                        "(its `sources`) or for the change it reported, or fix the step's date",
                    )
            confirmed = event.status not in UNCONFIRMED_STATUSES and event.status not in ENDED_STATUSES
            if confirmed and all(s.kind == SourceKind.report_citing_anonymous_sources for s in event.sources):
                yield origin.problem(
                    ("status_history", index, "status"),
                    f"'{event.status}' rests only on reports citing anonymous sources: such a report supports "
                    "'rumored' or 'in_talks'; use one of those or cite an on-the-record source",
                )


def check_record_dates(loaded: LoadedRecords) -> Iterator[Problem]:
    pairs: list[tuple[str, str, str]] = [("chips", "announced", "available"), ("facilities", "announced", "operational")]
    for kind, first, then in pairs:
        for record_id, record in loaded.records[kind].items():
            start, end = getattr(record, first), getattr(record, then)
            if start and end and not _after(end, start):
                yield loaded.origins[record_id].problem(
                    (then,), f"'{then}' ({end}) is before '{first}' ({start}): check both dates"
                )


def check_sources_checked(loaded: LoadedRecords) -> Iterator[Problem]:
    """A check of the sources happens after every page it read was published, and not in the future."""
    today = date.today().isoformat()
    for records in loaded.records.values():
        for record_id, record in records.items():
            checked = record.sources_checked
            if checked is None:
                continue
            origin = loaded.origins[record_id]
            if checked > today:
                yield origin.problem(
                    ("sources_checked",), f"sources_checked ({checked}) is in the future: give the day the sources were read"
                )
            dates = [source.date for _, source in sources(record)]
            latest = max(dates, key=lambda d: date_bounds(d)[0], default=None)
            if latest and not _after(checked, latest):
                yield origin.problem(
                    ("sources_checked",),
                    f"sources_checked ({checked}) is before a source it covers was published ({latest}): "
                    "check the record again and give that day",
                )


def check_deal_shape(loaded: LoadedRecords) -> Iterator[Problem]:
    deals: dict[str, Deal] = loaded.records["deals"]  # type: ignore[assignment]
    for deal_id, deal in deals.items():
        origin = loaded.origins[deal_id]
        orgs = {p.org for p in deal.parties}
        if len(orgs) < 2 and not deal.products and not deal.facilities:
            yield origin.problem(
                ("parties",), "a deal needs two parties, or one party and the products or facilities it concerns"
            )
        seen: set[tuple[str, str]] = set()
        for index, party in enumerate(deal.parties):
            if (party.org, party.role) in seen:
                yield origin.problem(("parties", index), f"'{party.org}' is listed twice as {party.role}: keep one")
            seen.add((party.org, party.role))


def _least_percent(stake: Quantity) -> float:
    """The smallest share the stake's wording allows: a ceiling ("up to 10%") allows none."""
    if stake.qualifier in (Qualifier.up_to, Qualifier.less_than):
        return 0.0
    return stake.value if stake.value is not None else stake.min or 0.0


def check_stakes(loaded: LoadedRecords) -> Iterator[Problem]:
    # A stake the deal creates or moves is held by, and in, companies that take part in it; anyone
    # else is a slip in the id or a party left out. And what different holders own of one company
    # under one deal cannot pass 100%: "80%" typed for "8%" would otherwise stand.
    deals: dict[str, Deal] = loaded.records["deals"]  # type: ignore[assignment]
    for deal_id, deal in deals.items():
        origin = loaded.origins[deal_id]
        orgs = {p.org for p in deal.parties}
        if not orgs <= loaded.records["organizations"].keys():
            continue  # a party's id is wrong, already reported: its stakes are judged once it is fixed
        held: dict[str | None, dict[str, tuple[float, int]]] = {}
        for index, quantity in enumerate(deal.quantities):
            named = [("holders", n, org) for n, org in enumerate(quantity.holders)]
            named += [("stake_in", None, quantity.stake_in)] if quantity.stake_in else []
            for field, position, org in named:
                if org not in orgs:
                    path = ("quantities", index, field) + (() if position is None else (position,))
                    yield origin.problem(
                        path, f"'{org}', {'a holder of' if field == 'holders' else 'the company of'} this stake, is not a party "
                        "of the deal: add it to 'parties' or correct the id"
                    )
            if quantity.is_stake and len(quantity.holders) == 1:
                # One holder's several figures are disagreeing reports of one stake, or its steps: its least counts,
                # since only a total that even the least readings pass is certainly wrong (51% and 50.1% beside 49.9%).
                holders = held.setdefault(quantity.stake_in, {})
                least = _least_percent(quantity)
                if least < holders.get(quantity.holders[0], (float("inf"), 0))[0]:
                    holders[quantity.holders[0]] = (least, index)
        for company, holders in held.items():
            total = sum(least for least, _ in holders.values())
            if total > 100.5:  # half a point for rounded shares
                shares = ", ".join(f"{holder} {least:g}%" for holder, (least, _) in holders.items())
                yield origin.problem(
                    ("quantities", max(index for _, index in holders.values())),
                    f"the stakes in {company or 'the venture'} add up to {total:g}% ({shares}): no company is more than "
                    "wholly owned, so check each figure and its holder",
                )


def _announcement(deal: Deal) -> tuple[frozenset[str], str]:
    """Who took part and the month it was first reported: deals sharing both came out together."""
    return frozenset(p.org for p in deal.parties), deal.status_history[0].date[:7]


def _figure(quantity: Quantity) -> tuple[object, ...]:
    return quantity.value, quantity.min, quantity.max, quantity.unit


def check_one_record_per_event(loaded: LoadedRecords) -> Iterator[Problem]:
    """Deals sharing parties and first report are one announcement: unlinked and of one type, they are
    almost always one event curated twice; linked with `related`, they are its facets (an investment
    and a cloud purchase, say), and a figure carried by both would be counted twice by any sum."""
    deals: dict[str, Deal] = loaded.records["deals"]  # type: ignore[assignment]
    by_announcement: dict[tuple[frozenset[str], str], list[Deal]] = {}
    for deal in deals.values():
        by_announcement.setdefault(_announcement(deal), []).append(deal)
    for (_, month), together in by_announcement.items():
        for index, deal in enumerate(together):
            for earlier in together[:index]:
                if deal.part_of == earlier.id or earlier.part_of == deal.id:
                    continue  # a part and its whole: their sums are already kept apart by part_of
                if deal.id in earlier.related or earlier.id in deal.related:
                    shared = {_figure(q) for q in earlier.quantities}
                    for q_index, q in enumerate(deal.quantities):
                        if _figure(q) in shared:
                            shown = " to ".join(f"{v:,.15g}" for v in recorded_values(q))
                            yield loaded.origins[deal.id].problem(
                                ("quantities", q_index),
                                f"{shown} {q.unit} is also a figure of {earlier.id}, a facet of the same "
                                "announcement: keep each figure on the one facet it belongs to, and cite its pages there",
                            )
                elif deal.deal_type == earlier.deal_type:
                    yield loaded.origins[deal.id].problem(
                        ("parties",),
                        f"{earlier.id} ({loaded.origins[earlier.id].file}) has the same parties, type and first "
                        f"report ({month}): one event curated twice? Merge them into one record, keeping every "
                        "source, or link them with `related` if they are two events",
                    )


def _shown(value: object) -> str:
    return "not set" if value is None else f"'{str(value).lower() if isinstance(value, bool) else value}'"


Citation = tuple[Origin, Path_, Source]


def check_sources(loaded: LoadedRecords) -> Iterator[Problem]:
    """The rules across all cited sources, over one walk of the records (the walk is the costly part)."""
    cited = [
        (loaded.origins[record_id], path, source)
        for records in loaded.records.values()
        for record_id, record in records.items()
        for path, source in sources(record)
    ]
    yield from one_description_per_address(cited)
    yield from one_publisher_per_site(cited)


def one_description_per_address(cited: list[Citation]) -> Iterator[Problem]:
    """One address, one description: a source's IRI is its address, so its facts must agree."""
    # Keyed by the address without its scheme: http:// and https:// of one page are one page, and
    # two addresses for it would make two sources in the graph with its claims split between them.
    first_seen: dict[str, tuple[Source, str]] = {}
    for origin, path, source in cited:
        page = source.url.split("://", 1)[-1]
        if page not in first_seen:
            first_seen[page] = (source, origin.file)
            continue
        known, where = first_seen[page]
        if known.url != source.url:
            yield origin.problem(
                (*path, "url"),
                f"source {source.url} is cited as {known.url} in {where}: one page has one address, "
                "so cite it the way you read it in both places",
            )
        for name in ("publisher", "title", "title_from_url", "date", "kind"):
            if getattr(known, name) != getattr(source, name):
                yield origin.problem(
                    (*path, name),
                    f"source {source.url} has {name} {_shown(getattr(source, name))} here but "
                    f"{_shown(getattr(known, name))} in {where}: make them the same",
                )


# Hosts that really publish under several names (a company's divisions); anywhere else one host is one publisher.
SEVERAL_PUBLISHERS = {"spglobal.com"}


def one_publisher_per_site(cited: list[Citation]) -> Iterator[Problem]:
    """One site, one publisher name: a query grouping by publisher must not split a site into spellings.
    "Site (origin)" names a syndicated copy and counts as the site's name. The site's most used name
    (the first alphabetically on a tie) is taken as right, so only the odd spellings are named."""
    by_site: dict[str, list[tuple[Origin, Path_, Source, str]]] = {}
    for origin, path, source in cited:
        host = (urlsplit(source.url).hostname or "").removeprefix("www.")
        if host not in SEVERAL_PUBLISHERS:
            by_site.setdefault(host, []).append((origin, path, source, source.publisher.split(" (")[0]))
    for host, citations in by_site.items():
        counts = Counter(name for *_, name in citations)
        usual = min(counts, key=lambda name: (-counts[name], name))
        example = next(origin.file for origin, *_, name in citations if name == usual)
        for origin, path, source, name in citations:
            if name != usual:
                yield origin.problem(
                    (*path, "publisher"),
                    f"source {source.url} names the site {host} {name!r} here but {usual!r} in {counts[usual]} "
                    f"other citations (as in {example}): one site is one publisher, so write {usual!r} "
                    f"(a syndicated copy as '{usual} (origin)')",
                )


RULES: tuple[Rule, ...] = (
    check_references,
    check_parent_cycles,
    check_part_cycles,
    check_part_parties,
    check_status_histories,
    check_record_dates,
    check_sources_checked,
    check_deal_shape,
    check_stakes,
    check_one_record_per_event,
    check_sources,
)


def check(loaded: LoadedRecords) -> list[Problem]:
    return [problem for rule in RULES for problem in rule(loaded)]

