"""The JSON-LD export: compact (prefixes in @context, prefix:local IRIs) and the same triples as the N-Triples."""

from __future__ import annotations

import json

import computekg
import pyoxigraph as ox
import pytest
from computekg.graph.jsonld import compact_jsonld, compact_jsonld_pieces
from computekg.schemas.vocab import PREFIXES


def triples_of(data: bytes, fmt: ox.RdfFormat) -> set[ox.Triple]:
    return {quad.triple for quad in ox.parse(data, format=fmt)}


def test_jsonld_holds_exactly_the_triples_of_the_n_triples(kg: computekg.KnowledgeGraph) -> None:
    # pyoxigraph's JSON-LD parser reads the compact IRIs back through the @context.
    parsed = triples_of(kg.serialize("jsonld"), ox.RdfFormat.JSON_LD)
    assert parsed == triples_of(kg.serialize("nt"), ox.RdfFormat.N_TRIPLES)
    assert len(parsed) > 500


def test_jsonld_reads_like_the_turtle(kg: computekg.KnowledgeGraph) -> None:
    document = json.loads(kg.serialize("jsonld"))
    assert document["@context"] == PREFIXES
    nodes = {node["@id"]: node for node in document["@graph"]}
    bigcloud = nodes["id:bigcloud"]
    assert bigcloud["@type"] == ["schema:Organization"]
    assert bigcloud["ckg:country"] == ["US"]  # an xsd:string is a bare string
    assert bigcloud["owl:sameAs"] == [{"@id": "wd:Q1"}]
    assert bigcloud["schema:url"] == [{"@id": "https://bigcloud.example.org"}]  # no prefix covers it
    assert {"@id": "ckg:OrgRole.cloud"} in bigcloud["ckg:orgRole"]
    dated = [v for node in nodes.values() for v in node.get("ckg:sourcesChecked", [])]
    assert dated and all(v["@type"] == "xsd:date" for v in dated)
    assert not any(key.startswith("http") for node in nodes.values() for key in node)


@pytest.mark.parametrize(
    ("iri", "written"),
    [
        ("https://w3id.org/computekg/id/labco", "id:labco"),
        ("https://w3id.org/computekg/vocab#Deal", "ckg:Deal"),
        ("https://schema.org/", "schema:"),  # an empty local part reads back as the namespace
        ("https://example.org/page", "https://example.org/page"),  # no prefix covers it
        ("https://schema.org///x", "https://schema.org///x"),  # "schema://x" would read as an absolute IRI
    ],
)
def test_an_iri_is_compacted_only_where_it_reads_back_the_same(iri: str, written: str) -> None:
    triple = ox.Triple(ox.NamedNode(iri), ox.NamedNode("https://schema.org/name"), ox.Literal("x"))
    document = compact_jsonld([triple])
    assert [node["@id"] for node in json.loads(document)["@graph"]] == [written]
    assert triples_of(document, ox.RdfFormat.JSON_LD) == {triple}


def test_literal_text_that_looks_like_structure_is_left_alone() -> None:
    # Quotes inside a JSON string are escaped, so these can never be taken for keys or ids.
    tricky = ['{"@id":"https://w3id.org/computekg/id/x"}', ',"https://schema.org/name":[', 'ends with a backslash \\', '{"@value":"y"}']
    subject = ox.NamedNode("https://w3id.org/computekg/id/s")
    triples = [ox.Triple(subject, ox.NamedNode("https://schema.org/description"), ox.Literal(text)) for text in tricky]
    document = compact_jsonld(triples)
    assert triples_of(document, ox.RdfFormat.JSON_LD) == set(triples)
    assert sorted(json.loads(document)["@graph"][0]["schema:description"]) == sorted(tricky)


def test_blank_nodes_language_tags_and_datatypes_survive_a_round_trip() -> None:
    subject, other = ox.BlankNode("b1"), ox.NamedNode("https://w3id.org/computekg/id/x")
    name = ox.NamedNode("https://schema.org/name")
    triples = [
        ox.Triple(subject, name, ox.Literal("Huawei", language="en")),
        ox.Triple(subject, name, ox.Literal("华为", language="zh")),
        ox.Triple(subject, ox.NamedNode("https://schema.org/url"), other),
        ox.Triple(other, ox.NamedNode("https://w3id.org/computekg/vocab#value"), ox.Literal("1.5", datatype=ox.NamedNode(PREFIXES["xsd"] + "decimal"))),
    ]
    document = compact_jsonld(triples)
    assert b'"_:b1"' in document and "华为".encode() in document
    back = triples_of(document, ox.RdfFormat.JSON_LD)
    assert len(back) == 4
    assert {t for t in back if not isinstance(t.subject, ox.BlankNode)} == set(triples[3:])
    assert {(t.predicate, t.object) for t in back if isinstance(t.subject, ox.BlankNode)} == {(t.predicate, t.object) for t in triples[:3]}


def test_a_subject_met_again_reads_back_as_one_node() -> None:
    # Exports pass sorted triples; unsorted input may repeat a node object, which JSON-LD merges on reading.
    a, b = ox.NamedNode("https://w3id.org/computekg/id/a"), ox.NamedNode("https://w3id.org/computekg/id/b")
    name = ox.NamedNode("https://schema.org/name")
    triples = [ox.Triple(a, name, ox.Literal("A")), ox.Triple(b, name, ox.Literal("B")), ox.Triple(a, name, ox.Literal("A2"))]
    assert triples_of(compact_jsonld(triples), ox.RdfFormat.JSON_LD) == set(triples)


@pytest.mark.parametrize("chunk_size", [1, 300, 1 << 20])
def test_the_export_written_in_pieces_is_the_same_bytes(kg: computekg.KnowledgeGraph, chunk_size: int) -> None:
    # Size 1 cuts after every subject: a subject's lines must never be split between pieces.
    whole = compact_jsonld(kg.triples)
    pieces = list(compact_jsonld_pieces(kg.ntriples, chunk_size))
    assert b"".join(pieces) == whole
    assert len(pieces) > (3 if chunk_size < 1 << 20 else 2)  # opening, node lists, closing
    assert kg.serialize("jsonld") == whole
