"""Interactive graph drawing with pyvis: the only module that touches pyvis.

pyvis holds the nodes, edges and vis-network options; we never call its per-edge
`add_edge` (a quadratic duplicate check) nor its templates (they fetch from CDNs and
render popups as HTML). Positions are computed here once, seeded, so a page opens
settled, physics stays off, and two builds give the same file.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path
from typing import Any

import igraph
import networkx as nx
from pyvis.network import Network

VIS_ASSETS = Path(__import__("pyvis").__file__).resolve().parent / "lib" / "vis-9.1.2"

KIND_SHAPES = {"organizations": "dot", "chips": "diamond", "facilities": "square"}
ROLE_COLOURS = {  # the first listed role of an organization decides its colour
    "ai_lab": "#d62728",
    "chip_designer": "#1f77b4",
    "design_services": "#17becf",
    "foundry": "#9467bd",
    "memory_supplier": "#8c564b",
    "packaging": "#bcbd22",
    "equipment_supplier": "#7f7f7f",
    "server_maker": "#e377c2",
    "networking": "#aec7e8",
    "cloud": "#ff7f0e",
    "neocloud": "#ffbb78",
    "datacenter_operator": "#2ca02c",
    "datacenter_developer": "#98df8a",
    "energy_supplier": "#dbdb8d",
    "investor": "#c5b0d5",
    "bank": "#f7b6d2",
    "government": "#c49c94",
    "electronics_maker": "#9edae5",
    "software": "#dbdb8d",
}
KIND_COLOURS = {"chips": "#3c8dbc", "facilities": "#4a7c59"}
UNCONFIRMED = {"rumored", "in_talks"}
ENDED = {"cancelled", "lapsed"}
LAYOUT_SCALE_PER_NODE = 150


def layout(graph: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[int, int]]:
    """Seeded force-directed positions in pixels, computed once; the page does no physics.

    igraph's Fruchterman-Reingold runs in C: 0.3 s for 5,000 nodes where networkx's
    spring_layout took 18 s. Nodes and edges go in sorted, with a seeded generator, so the
    same graph always gets the same positions.
    """
    nodes = sorted(graph.nodes)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    edges = sorted({tuple(sorted((index[a], index[b]))) for a, b in graph.edges() if a != b})
    igraph.set_random_number_generator(random.Random(seed))
    try:
        coords = igraph.Graph(n=len(nodes), edges=edges).layout_fruchterman_reingold(niter=500).coords
    finally:
        igraph.set_random_number_generator(random)  # igraph's default: Python's random module
    # Centre and fit into [-1, 1], then give room that grows with the node count, so labels
    # keep their size when the page fits the graph.
    xs, ys = [x for x, _ in coords], [y for _, y in coords]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    scale = max(300, LAYOUT_SCALE_PER_NODE * math.sqrt(len(nodes)))
    return {node: (round((x - cx) / half * scale), round((y - cy) / half * scale)) for node, (x, y) in zip(nodes, coords)}


def node_colour(attributes: dict[str, Any]) -> str:
    roles = attributes.get("roles") or []
    return ROLE_COLOURS.get(roles[0], "#999999") if roles else KIND_COLOURS.get(attributes["kind"], "#999999")


def _edge_width(amount: float | None) -> float:
    # log scale: $1M -> 1, $100B -> 6; unknown amounts draw thin
    if not amount or amount <= 0:
        return 1.0
    return round(max(1.0, min(8.0, math.log10(amount) - 5)), 2)


def prepared_nodes(graph: nx.MultiDiGraph, positions: dict[str, tuple[int, int]], page_of: dict[str, str]) -> list[dict[str, Any]]:
    nodes = []
    for node_id in sorted(graph.nodes):
        attributes = graph.nodes[node_id]
        x, y = positions[node_id]
        degree = graph.degree(node_id)
        nodes.append({
            "id": node_id,
            "label": attributes["name"],
            "kind": attributes["kind"],
            "roles": attributes.get("roles", []),
            "shape": KIND_SHAPES[attributes["kind"]],
            "color": node_colour(attributes),
            "size": round(8 + 4 * math.sqrt(degree), 2),
            "x": x,
            "y": y,
            "page": page_of.get(node_id, ""),
            "card": _node_card(attributes),
        })  # fmt: skip
    return nodes


def _node_card(attributes: dict[str, Any]) -> list[list[str]]:
    card = [["", attributes["name"]]]
    if attributes.get("roles"):
        card.append(["roles", ", ".join(r.replace("_", " ") for r in attributes["roles"])])
    for key in ("country", "product_kind", "facility_kind", "status"):
        if attributes.get(key):
            card.append([key.replace("_", " "), str(attributes[key]).replace("_", " ")])
    return card


def prepared_edges(graph: nx.MultiDiGraph, amounts: dict[str, float], page_of: dict[str, str]) -> list[dict[str, Any]]:
    edges = []
    for source, target, key, attributes in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        deal = attributes.get("deal")
        status = attributes.get("status", "")
        edge: dict[str, Any] = {
            "id": f"{source}|{target}|{key}",
            "from": source,
            "to": target,
            "arrows": "to",
            "relation": attributes["relation"],
            "dashes": status in UNCONFIRMED,
            "width": _edge_width(amounts.get(deal)) if deal else 1.0,
            "color": {"color": "#bbbbbb" if status in ENDED or not deal else "#555555", "opacity": 0.5 if status in ENDED else 0.9},
        }
        if deal:
            edge.update(
                deal=deal,
                deal_type=attributes["deal_type"],
                status=status,
                year=int(attributes["first_date"][:4]),
                page=page_of.get(deal, ""),
                card=[["", attributes["name"]], ["type", attributes["deal_type"].replace("_", " ")],
                      ["status", status.replace("_", " ")], ["since", attributes["first_date"]]],
            )  # fmt: skip
        else:
            edge["card"] = [["", attributes["relation"].replace("_", " ")]]
        edges.append(edge)
    return edges


def network_payload(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, Any]:
    """Nodes, edges and vis-network options, held by a pyvis Network (lists assigned whole, never edge by edge)."""
    net = Network(directed=True, cdn_resources="remote")
    net.nodes = nodes
    net.edges = edges
    net.toggle_physics(False)
    net.set_edge_smooth("continuous")
    options = json.loads(net.options.to_json())
    if len(edges) > 2000:  # curved edges cost more to draw than they add on a crowded map
        options["edges"]["smooth"] = {"enabled": False}
    options["interaction"] = {"hover": True, "tooltipDelay": 120, "navigationButtons": False, "keyboard": True}
    options["nodes"] = {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1}
    options["layout"] = {"improvedLayout": False}
    vis_nodes, vis_edges, *_ = net.get_network_data()
    return {"nodes": vis_nodes, "edges": vis_edges, "options": options}
