"""The generated SHACL shapes: committed as generated, satisfied by the graph, and able to catch a broken one."""

from __future__ import annotations

import computekg
import pytest
import rdflib
from computekg.graph.sparql import to_rdflib
from computekg.schemas.shacl import SHAPES_FILE, render_shapes
from pyshacl import validate

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
CKG = rdflib.Namespace("https://w3id.org/computekg/vocab#")
ID = rdflib.Namespace("https://w3id.org/computekg/id/")


def as_rdflib(kg: computekg.KnowledgeGraph) -> rdflib.Graph:
    graph = rdflib.Graph()
    for t in kg.triples:
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return graph


def test_committed_shapes_match_the_models() -> None:
    assert SHAPES_FILE.read_text(encoding="utf-8") == render_shapes(), "schemas/shapes.ttl is stale: run `computekg schemas`"


def test_the_built_graph_conforms(kg: computekg.KnowledgeGraph) -> None:
    conforms, _, report = validate(as_rdflib(kg), shacl_graph=rdflib.Graph().parse(SHAPES_FILE))
    assert conforms, report


@pytest.mark.parametrize(
    ("damage", "path"),
    [
        (lambda g: g.remove((ID["labco"], rdflib.URIRef("https://schema.org/name"), None)), "https://schema.org/name"),
        (lambda g: g.add((ID["gpuco-labco-chip-supply-2025"], CKG.dealType, CKG["DealType.bribery"])), str(CKG.dealType)),
        (lambda g: g.add((ID["gpu-x1"], CKG.announced, rdflib.Literal("March 2024"))), str(CKG.announced)),
        (lambda g: g.add((ID["gpu-x1"], CKG.designedBy, ID["gpu-x1"])), str(CKG.designedBy)),
    ],
)
def test_a_damaged_graph_is_caught(kg: computekg.KnowledgeGraph, damage: object, path: str) -> None:
    graph = as_rdflib(kg)
    damage(graph)  # type: ignore[operator]
    conforms, results, _ = validate(graph, shacl_graph=rdflib.Graph().parse(SHAPES_FILE))
    assert not conforms
    assert {str(p) for p in results.objects(None, SH.resultPath)} == {path}


def test_an_unsourced_description_is_caught(kg: computekg.KnowledgeGraph) -> None:
    graph = as_rdflib(kg)
    graph.remove((ID["fabco"], rdflib.URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None))
    conforms, results, _ = validate(graph, shacl_graph=rdflib.Graph().parse(SHAPES_FILE))
    assert not conforms
    failures = {(str(focus), str(results.value(r, SH.sourceConstraintComponent))) for r, focus in results.subject_objects(SH.focusNode)}
    assert failures == {(str(ID["fabco"]), str(SH.OrConstraintComponent))}
