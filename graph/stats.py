"""Counts that describe the graph: records by kind, deals by type, status and year."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .kg import KnowledgeGraph


@dataclass(frozen=True)
class Stats:
    records: dict[str, int]
    deals_by_type: dict[str, int]
    deals_by_status: dict[str, int]
    deals_by_year: dict[str, int]  # the year each deal was first reported
    triples: int
    nodes: int
    edges: int


def _sorted(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def compute_stats(kg: KnowledgeGraph) -> Stats:
    deals = kg.deals.values()
    return Stats(
        records={
            "organizations": len(kg.organizations),
            "chips": len(kg.chips),
            "facilities": len(kg.facilities),
            "deals": len(kg.deals),
        },
        deals_by_type=_sorted(Counter(str(d.deal_type) for d in deals)),
        deals_by_status=_sorted(Counter(str(d.status) for d in deals)),
        deals_by_year=dict(sorted(Counter(d.status_history[0].date[:4] for d in deals).items())),
        triples=kg.ntriples.count(b"\n"),
        nodes=kg.nx.number_of_nodes(),
        edges=kg.nx.number_of_edges(),
    )
