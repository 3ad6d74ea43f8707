"""How deals link to the records they name, indexed once: the deals an organization takes part in, the
deals about a product or facility, the deals `related` to a deal (both ways, whichever file lists it),
and the parts of a whole. The site's pages and the data tests read the same index."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..schemas.models import Deal


@dataclass
class DealLinks:
    deals_of: dict[str, list[Deal]] = field(default_factory=lambda: defaultdict(list))
    deals_about: dict[str, list[Deal]] = field(default_factory=lambda: defaultdict(list))
    related_of: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    parts_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def linked_deals(self, record_id: str, part_of: str | None = None) -> set[str]:
        """The deals linked to a record: for a deal (give its `part_of`), those related to it, its parts
        and its whole; for an organization, product or facility, the deals it takes part in."""
        return (
            self.related_of.get(record_id, set())
            | set(self.parts_of.get(record_id, ()))
            | ({part_of} if part_of else set())
            | {deal.id for deal in (*self.deals_of.get(record_id, ()), *self.deals_about.get(record_id, ()))}
        )


def deal_links(deals: Iterable[Deal]) -> DealLinks:
    """Index every deal's links, each list in order of deal id."""
    links = DealLinks()
    for deal in sorted(deals, key=lambda d: d.id):
        for org in {p.org for p in deal.parties}:
            links.deals_of[org].append(deal)
        for record_id in {*deal.products, *deal.facilities}:
            links.deals_about[record_id].append(deal)
        for other in deal.related:
            links.related_of[deal.id].add(other)
            links.related_of[other].add(deal.id)
        if deal.part_of:
            links.parts_of[deal.part_of].append(deal.id)
    return links
