"""Positions are computed once, seeded: same graph, same picture, whatever the insertion order."""

from __future__ import annotations

import math
import random

import networkx as nx
from computekg.graph.visual import LAYOUT_SCALE_PER_NODE, layout


def ring_with_hub(order: list[int]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for i in order:
        graph.add_edge("hub", f"n{i}")
        graph.add_edge(f"n{i}", f"n{(i + 1) % 12}")
    return graph


def test_same_graph_same_positions_whatever_the_order() -> None:
    forward = layout(ring_with_hub(list(range(12))))
    backward = layout(ring_with_hub(list(reversed(range(12)))))
    assert forward == backward
    assert layout(ring_with_hub(list(range(12))), seed=8) != forward


def test_positions_are_centred_and_fill_the_room_for_their_size() -> None:
    positions = layout(ring_with_hub(list(range(12))))
    scale = max(300, LAYOUT_SCALE_PER_NODE * math.sqrt(13))
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    assert max(max(map(abs, xs)), max(map(abs, ys))) == round(scale)
    assert all(isinstance(v, int) for xy in positions.values() for v in xy)
    # The hub touches every node, so the layout puts it near the middle.
    hub = positions["hub"]
    assert math.hypot(*hub) < scale / 2


def test_layout_leaves_the_global_random_state_alone() -> None:
    random.seed(1)
    expected = random.random()
    random.seed(1)
    layout(ring_with_hub(list(range(12))))
    assert random.random() == expected


def test_empty_and_single_node_graphs() -> None:
    assert layout(nx.MultiDiGraph()) == {}
    single = nx.MultiDiGraph()
    single.add_node("alone")
    assert layout(single) == {"alone": (0, 0)}
