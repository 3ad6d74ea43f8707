"""The networkx view: a MultiDiGraph with one edge per deal party pair and per product fact."""

from __future__ import annotations

import computekg
import networkx as nx


def test_nodes_are_orgs_chips_and_facilities(kg: computekg.KnowledgeGraph) -> None:
    graph = kg.nx
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.number_of_nodes() == len(kg.organizations) + len(kg.chips) + len(kg.facilities)
    assert graph.nodes["labco"] == {"kind": "organizations", "name": "LabCo", "roles": ["ai_lab"], "country": "US"}
    assert graph.nodes["campus-one"]["facility_kind"] == "datacenter_campus"


def test_deal_edges_are_keyed_by_deal_and_point_along_roles(kg: computekg.KnowledgeGraph) -> None:
    edge = kg.nx.edges["gpuco", "labco", "gpuco-labco-chip-supply-2025"]
    assert edge["relation"] == "suppliesChipsTo"
    assert (edge["deal_type"], edge["status"], edge["first_date"], edge["status_date"]) == (
        "chip_supply", "signed", "2025-01", "2025-11-18"
    )
    # listed customer-first or not, the edge points from the manufacturer
    assert kg.nx.has_edge("memco", "labco", "labco-memco-custom-chip-2026")
    assert kg.nx.edges["memco", "labco", "labco-memco-custom-chip-2026"]["relation"] == "inTalksWith"
    assert kg.nx.edges["fabco", "gpuco", "fabco-gpuco-wafers-2024"]["relation"] == "dealWith"


def test_parallel_relations_stay_separate(kg: computekg.KnowledgeGraph) -> None:
    keys = sorted(k for _, target, k in kg.nx.out_edges("fabco", keys=True))
    assert keys == ["fabco-gpuco-wafers-2024", "fabricates", "fabricates"]
    assert set(kg.nx["fabco"]) == {"gpuco", "gpu-x1", "cloud-asic"}


def test_product_and_facility_relations(kg: computekg.KnowledgeGraph) -> None:
    relations = {(s, t, k) for s, t, k in kg.nx.edges(keys=True) if k in {"designs", "uses_memory", "hosts", "operates", "tenant_of", "subsidiary_of"}}
    assert relations == {
        ("gpuco", "gpu-x1", "designs"),
        ("bigcloud-chips", "cloud-asic", "designs"),
        ("memco", "memco-hbm9", "designs"),
        ("gpu-x1", "memco-hbm9", "uses_memory"),
        ("campus-one", "cloud-asic", "hosts"),
        ("bigcloud", "campus-one", "operates"),
        ("labco", "campus-one", "tenant_of"),
        ("bigcloud-chips", "bigcloud", "subsidiary_of"),
    }
    assert kg.nx.edges["campus-one", "cloud-asic", "hosts"]["count"] == 500000


def test_networkx_algorithms_run_on_the_graph(kg: computekg.KnowledgeGraph) -> None:
    """A notebook's first move: rank the hubs. pagerank needs scipy, which the package installs."""
    ranks = nx.pagerank(nx.Graph(kg.nx.to_undirected()))
    assert max(ranks, key=ranks.__getitem__) == "labco"  # LabCo deals with GPUCo, MemCo and BigCloud
    assert abs(sum(ranks.values()) - 1) < 1e-9
