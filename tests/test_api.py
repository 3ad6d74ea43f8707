"""The library API a notebook uses: load, record mappings, iri, query, rdf, nx."""

from __future__ import annotations

from collections.abc import Mapping

import computekg
import pytest
import rdflib
from computekg.schemas.enums import DealStatus
from helpers import FIXTURE_DATA


def test_load_gives_typed_read_only_mappings(kg: computekg.KnowledgeGraph) -> None:
    assert isinstance(kg.organizations, Mapping)
    assert sorted(kg.organizations) == ["bigcloud", "bigcloud-chips", "fabco", "gpuco", "labco", "memco"]
    assert sorted(kg.chips) == ["cloud-asic", "gpu-x1", "memco-hbm9"]
    assert list(kg.facilities) == ["campus-one"]
    assert len(kg.deals) == 4
    lab = kg.organizations["labco"]
    assert isinstance(lab, computekg.Organization)
    assert (lab.name, lab.aliases, lab.country) == ("LabCo", ["LabCo AI"], "US")
    with pytest.raises(TypeError):
        kg.organizations["x"] = lab  # type: ignore[index]


def test_deal_status_is_the_latest_in_its_history(kg: computekg.KnowledgeGraph) -> None:
    deal = kg.deals["gpuco-labco-chip-supply-2025"]
    assert deal.status is DealStatus.signed
    assert deal.first_date(DealStatus.rumored) == "2025-01"
    assert kg.deals["fabco-gpuco-wafers-2024"].status is DealStatus.cancelled


def test_iri_names_a_record_and_refuses_unknown_ids(kg: computekg.KnowledgeGraph) -> None:
    assert kg.iri("labco") == rdflib.URIRef("https://w3id.org/computekg/id/labco")
    with pytest.raises(KeyError, match="no record with id 'nobody'"):
        kg.iri("nobody")


def test_query_binds_parameters_as_terms(kg: computekg.KnowledgeGraph) -> None:
    result = kg.query(
        "SELECT ?deal WHERE { ?deal ckg:hasParty ?org } ORDER BY ?deal", org=kg.iri("labco")
    )
    assert result.variables == ("deal",)
    assert [str(row[0]).rsplit("/", 1)[1] for row in result] == [
        "bigcloud-labco-investment-2023",
        "gpuco-labco-chip-supply-2025",
        "labco-memco-custom-chip-2026",
    ]


def test_bound_variable_is_visible_to_filters_and_aggregates(kg: computekg.KnowledgeGraph) -> None:
    result = kg.query(
        "SELECT (COUNT(DISTINCT ?other) AS ?n) WHERE { ?deal ckg:hasParty ?org, ?other FILTER(?other != ?org) }",
        org=kg.iri("labco"),
    )
    assert result.dicts() == [{"n": 3}]


def test_a_hostile_value_stays_one_literal(kg: computekg.KnowledgeGraph) -> None:
    result = kg.query(
        "SELECT ?org WHERE { ?org schema:name ?name }", name='LabCo" } ?org ?p ?o . { ?org ?p "x'
    )
    assert len(result) == 0
    assert kg.query("SELECT ?org WHERE { ?org schema:name ?name }", name="LabCo").dicts() == [
        {"org": "https://w3id.org/computekg/id/labco"}
    ]


@pytest.mark.parametrize(
    ("bindings", "message"),
    [
        ({"nope": "x"}, "unknown parameter 'nope': the query has no ?nope"),
        ({"org": rdflib.URIRef("http://x/> } DROP ALL")}, "is not a valid IRI"),
        ({"org": object()}, "cannot bind a value of type object"),
    ],
)
def test_bad_parameters_raise_query_error(kg: computekg.KnowledgeGraph, bindings: dict[str, object], message: str) -> None:
    with pytest.raises(computekg.QueryError, match=message.replace("?", r"\?").replace("(", r"\(")):
        kg.query("SELECT ?deal WHERE { ?deal ckg:hasParty ?org }", **bindings)


def test_syntax_error_is_a_query_error(kg: computekg.KnowledgeGraph) -> None:
    with pytest.raises(computekg.QueryError, match="SPARQL syntax error"):
        kg.query("SELEC ?x")


def test_rdf_is_an_rdflib_graph_over_the_same_store(kg: computekg.KnowledgeGraph) -> None:
    assert isinstance(kg.rdf, rdflib.Graph)
    assert len(kg.rdf) == len(kg.triples)
    names = {str(o) for o in kg.rdf.objects(kg.iri("labco"), rdflib.URIRef("https://schema.org/name"))}
    assert names == {"LabCo"}
    rows = list(kg.rdf.query("SELECT ?n WHERE { <https://w3id.org/computekg/id/fabco> <https://schema.org/name> ?n }"))
    assert [str(r[0]) for r in rows] == ["FabCo"]


def test_ask_and_construct(kg: computekg.KnowledgeGraph) -> None:
    assert kg.query("ASK { id:gpuco ckg:suppliesChipsTo id:labco }").boolean is True
    built = kg.query("CONSTRUCT { ?a ckg:investsIn ?b } WHERE { ?a ckg:investsIn ?b }")
    assert [tuple(str(t).rsplit("/", 1)[-1].rsplit("#", 1)[-1] for t in triple) for triple in built.triples] == [
        ("bigcloud", "investsIn", "labco")
    ]


def test_records_iterate_in_a_stable_order(kg: computekg.KnowledgeGraph) -> None:
    ids = [r.id for r in kg.records()]
    assert ids[:6] == sorted(kg.organizations)
    assert ids == [r.id for r in computekg.load(FIXTURE_DATA).records()]
    assert kg["gpu-x1"].name == "GPU X1" and "gpu-x1" in kg and "nobody" not in kg
