"""The coverage statement: what the graph holds, how well it is sourced, and what it misses.

Generated from the data (never written by hand) so it cannot go stale unnoticed: a data
test compares the committed COVERAGE.md with this output.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

from ..schemas.enums import (
    OPEN_STATUSES,
    PRIMARY_SOURCE_KINDS,
    UNCONFIRMED_STATUSES,
    OrgRole,
    SourceKind,
)
from ..schemas.introspect import sourced_claims, sources
from ..schemas.models import Deal, Source
from ..schemas.types import date_bounds
from .kg import KnowledgeGraph
from .stats import compute_stats

# Blind spots no count can show: kept here, next to the numbers, so they are read together.
KNOWN_BLIND_SPOTS = (
    "Most deal terms are undisclosed: prices, volumes and durations appear only where a party or a filing stated them.",
    "Many sources are secondary (news sites and aggregators); the share with a primary source is given above.",
    "Chinese, Middle Eastern and European supply chains are covered more thinly than the US, Korea and Taiwan.",
    "Deliveries are rarely reported, so many deals stay at 'signed' or 'announced' after the hardware has shipped.",
    "Private start-up rounds and private credit for data centres are only partly covered.",
)


def _table(title: str, rows: Iterable[tuple[str, int]], header: str = "count") -> list[str]:
    lines = [f"### {title}", "", f"| | {header} |", "|---|---:|"]
    lines += [f"| {name} | {count:,} |" for name, count in rows]
    return [*lines, ""]


def share_of(count: int, size: int) -> str:
    """'406 of 407 (>99%)': the percentage rounds, except that a partial share never reads 100% nor a
    non-empty one 0%, so "all checked" in COVERAGE.md means all."""
    percent = round(100 * count / size) if size else 0
    if 0 < count < size and percent in (0, 100):
        return f"{count:,} of {size:,} ({'<1' if percent == 0 else '>99'}%)"
    return f"{count:,} of {size:,} ({percent}%)"


def _has_primary(deal: Deal) -> bool:
    return any(s.kind in PRIMARY_SOURCE_KINDS for e in deal.status_history for s in e.sources)


def quiet_open_deals(deals: Iterable[Deal], quiet_for: timedelta = timedelta(days=365)) -> tuple[list[Deal], list[Deal], date | None]:
    """Open deals (not yet delivered, completed or ended) and those among them whose last status
    change lies more than `quiet_for` before the newest change in the data, with that newest date.

    Measured against the data's own newest date, not today's, so the same data gives the same
    statement. A vague date is read in the deal's favour: a deal's last change counts at the last
    day it may stand for ("2025" is 2025-12-31), the newest change at its first.
    """
    deals = list(deals)
    newest = max((date_bounds(d.status_date)[0] for d in deals), default=None)
    still_open = [d for d in deals if d.status in OPEN_STATUSES]
    quiet = [d for d in still_open if newest is not None and newest - date_bounds(d.status_date)[1] > quiet_for]
    return quiet, still_open, newest


def rests_on_anonymous_sources(deal: Deal) -> bool:
    """Whether every page cited for every status change of the deal rests on unnamed people."""
    return all(s.kind == SourceKind.report_citing_anonymous_sources for e in deal.status_history for s in e.sources)


def _only_digests(sources: Iterable[Source]) -> bool:
    kinds = [s.kind for s in sources]
    return bool(kinds) and all(kind == SourceKind.digest for kind in kinds)


def rests_on_digests(deal: Deal) -> bool:
    """Whether a status change, or a figure, of the deal is stated only by digests.

    A figure is its number, unit and scope: when one page hedges it ("about $2.65 billion") and a
    digest gives it bare, the two wordings are two entries, but the number still rests on the
    reporting page, so only a number no reporting page gives counts.
    """
    if any(_only_digests(change.sources) for change in deal.status_history):
        return True
    by_figure: dict[tuple[object, ...], list[Source]] = {}
    for q in deal.quantities:
        by_figure.setdefault((q.unit, q.value, q.min, q.max, q.per, q.product), []).extend(q.sources)
    return any(_only_digests(cited) for cited in by_figure.values())


def _checked_counts(kg: KnowledgeGraph) -> dict[str, tuple[int, int]]:
    groups = {"deals": kg.deals, "chips": kg.chips, "facilities": kg.facilities, "organizations": kg.organizations}
    return {kind: (sum(r.sources_checked is not None for r in records.values()), len(records)) for kind, records in groups.items()}


def coverage_markdown(kg: KnowledgeGraph) -> str:
    stats = compute_stats(kg)
    deals = list(kg.deals.values())
    primary = sum(_has_primary(d) for d in deals)
    anonymous_only = sum(rests_on_anonymous_sources(d) for d in deals)
    unconfirmed = sum(d.status in UNCONFIRMED_STATUSES for d in deals)
    digest_only = sum(rests_on_digests(d) for d in deals)
    claims = [claim for record in kg.records() for _, claim in sourced_claims(record)]
    primary_claims = sum(any(s.kind in PRIMARY_SOURCE_KINDS for s in claim.sources) for claim in claims)
    without_figures = sum(not d.quantities for d in deals)
    parties = sum(len(d.parties) for d in deals)
    unquoted_parties = sum(len(kg.unnamed[d.id].parties) for d in deals)
    products = sum(len(d.products) for d in deals)
    unquoted_products = sum(len(kg.unnamed[d.id].products) for d in deals)
    # A deal whose every claim cites the same single page cannot be checked once that page is gone.
    single_page = sum(len({source.url for _, source in sources(d)}) == 1 for d in deals)
    pages = {source.url: source for record in kg.records() for _, source in sources(record)}
    slug_titled = sum(source.title_from_url is True for source in pages.values())
    page_kinds = Counter(source.kind.value for source in pages.values())
    layers = Counter(str(role) for org in kg.organizations.values() for role in org.roles)
    countries = Counter(org.country for org in kg.organizations.values())
    thin = sorted(country for country, count in countries.items() if count == 1)
    quiet, still_open, newest = quiet_open_deals(deals)
    lines = [
        "# Coverage",
        "",
        "Generated by `computekg stats --coverage` from the curated data; do not edit by hand.",
        "",
        "## What the graph holds",
        "",
        *_table("Records", stats.records.items()),
        *_table("Organizations by layer (an organization may hold several roles)", ((r.value, layers[r.value]) for r in OrgRole if layers[r.value])),
        *_table("Deals by type", stats.deals_by_type.items()),
        *_table("Deals by current status", stats.deals_by_status.items()),
        *_table("Deals by year first reported", stats.deals_by_year.items()),
        *_table("Organizations by country", sorted(countries.items(), key=lambda item: (-item[1], item[0]))),
        "## How well it is sourced",
        "",
        (f"- Deals with at least one primary source (press release, filing, company blog, official statement): "
         f"{share_of(primary, len(deals))}."),
        (f"- Claims (status changes and figures) citing a primary source: "
         f"{share_of(primary_claims, len(claims))}."),
        f"- Deals resting only on reports that cite anonymous sources: {anonymous_only:,}.",
        f"- Deals still rumoured or in talks: {unconfirmed:,}.",
        (f"- Deals with a figure or status change resting only on digests (pages summarising others' reporting): "
         f"{digest_only:,}."),
        f"- Deals whose every claim rests on a single cited page: {share_of(single_page, len(deals))}.",
        *[
            f"- {kind.capitalize()} whose every claim a second reader checked against the cited pages: "
            f"{share_of(count, size)}."
            for kind, (count, size) in _checked_counts(kg).items()
        ],
        (f"- Cited pages whose headline was not seen, so their title is the words of the address: "
         f"{slug_titled:,} of {len(pages):,}."),
        f"- Deals with no disclosed figure (money, power, chips): {share_of(without_figures, len(deals))}.",
        (f"- Deal parties that no quote or headline of their deal names (their part rests on the summary, a note or a "
         f"product's maker): {share_of(unquoted_parties, parties)}."),
        (f"- Products a deal concerns that no quote or headline of the deal names, by name, alias or model (the link "
         f"rests on the summary or a note): {share_of(unquoted_products, products)}."),
        "",
        *_table("Cited pages by kind of source", ((kind.value, page_kinds[kind.value]) for kind in SourceKind if page_kinds[kind.value])),
        "## Blind spots we know of",
        "",
        *[f"- {spot}" for spot in KNOWN_BLIND_SPOTS],
        f"- Countries with a single organization in the graph: {', '.join(thin) if thin else 'none'}.",
        (f"- Open deals (rumoured, in talks, announced or signed) with no status change reported in the year before "
         f"the newest one in the data ({newest or 'none'}): {len(quiet):,} of {len(still_open):,}; "
         f"later steps may have gone unreported."),
        "",
    ]
    return "\n".join(lines)
