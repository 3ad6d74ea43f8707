"""The networkx view: organizations, chips and facilities as nodes, deals and product facts as edges.

A MultiDiGraph, so two deals between the same pair stay two edges, each keyed by the
deal id (product facts are keyed by the relation name).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

import networkx as nx

from ..schemas.models import Chip, Deal, Facility, Organization, Record
from ..schemas.vocab import projection_for
from .rdf import truthy_edges


def _node_attributes(record: Record) -> dict[str, object]:
    attributes: dict[str, object] = {"kind": record.kind, "name": record.name}
    if isinstance(record, Organization):
        attributes.update(roles=[str(r) for r in record.roles], country=record.country)
    elif isinstance(record, Chip):
        attributes.update(product_kind=str(record.product_kind), status=str(record.status))
    elif isinstance(record, Facility):
        attributes.update(facility_kind=str(record.facility_kind), status=str(record.status), country=record.country)
    return attributes


def _deal_edges(graph: nx.MultiDiGraph, deal: Deal) -> None:
    """One edge per pair of parties, pointed the way the roles project (else in listed order)."""
    attributes = {
        "deal_type": str(deal.deal_type),
        "status": str(deal.status),
        "first_date": deal.status_history[0].date,
        "status_date": deal.status_date,
        "name": deal.name,
    }
    truthy = {(a, b): predicate for a, b, predicate in truthy_edges(deal)}
    for a, b in combinations(deal.parties, 2):
        if a.org == b.org:
            continue
        forward = projection_for(deal.deal_type, a.role, b.role)
        backward = projection_for(deal.deal_type, b.role, a.role)
        source, target = (b, a) if backward and not forward else (a, b)
        relation = truthy.get((source.org, target.org), "ckg:dealWith").removeprefix("ckg:")
        graph.add_edge(
            source.org, target.org, key=deal.id, relation=relation, deal=deal.id,
            roles=(str(source.role), str(target.role)), **attributes,
        )  # fmt: skip


_PRODUCT_RELATIONS: tuple[tuple[str, str, bool], ...] = (
    # (field, relation, the edge points from the field's value to the record)
    ("designer", "designs", True),
    ("design_partners", "co_designs", True),
    ("foundry", "fabricates", True),
    ("memory", "uses_memory", False),
    ("parent", "subsidiary_of", False),
    ("operator", "operates", True),
    ("owners", "owns", True),
    ("tenants", "tenant_of", True),
)


def build_network(records: Iterable[Record]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    records = list(records)
    graph.add_nodes_from((r.id, _node_attributes(r)) for r in records if not isinstance(r, Deal))
    for record in records:
        if isinstance(record, Deal):
            _deal_edges(graph, record)
            continue
        for field, relation, inward in _PRODUCT_RELATIONS:
            value = getattr(record, field, None)
            for other in value if isinstance(value, list) else [value] if value else []:
                source, target = (other, record.id) if inward else (record.id, other)
                graph.add_edge(source, target, key=relation, relation=relation)
        if isinstance(record, Facility):
            for hosted in record.chips:
                graph.add_edge(record.id, hosted.product, key="hosts", relation="hosts", count=hosted.count)
    return graph
