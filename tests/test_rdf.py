"""The RDF mapping: content, IRIs, determinism, round trips, and the declared vocabulary."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import computekg
import pyoxigraph as ox
import pytest
import rdflib
import yaml
from computekg.graph.rdf import build_ntriples
from computekg.graph.sparql import to_rdflib
from computekg.schemas.vocab import ID, VOCAB
from helpers import FIXTURE_DATA
from rdflib.compare import isomorphic

ONTOLOGY = Path(computekg.__file__).parent / "schemas" / "ontology.ttl"
CKG = rdflib.Namespace(VOCAB)
IDS = rdflib.Namespace(ID)


def ask(kg: computekg.KnowledgeGraph, pattern: str) -> bool:
    result = kg.query(f"ASK {{ {pattern} }}")
    assert result.boolean is not None
    return result.boolean


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_export_round_trips_to_the_same_graph(kg: computekg.KnowledgeGraph, fmt: str) -> None:
    parsed = rdflib.Graph().parse(data=kg.serialize(fmt), format={"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt])
    built = rdflib.Graph()
    for triple in kg.triples:
        built.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
    assert len(parsed) == len(kg.triples) > 500
    assert isomorphic(parsed, built)


def test_ntriples_are_sorted_and_each_triple_is_written_once(kg: computekg.KnowledgeGraph) -> None:
    lines = kg.serialize("nt").decode().splitlines()
    assert lines == sorted(set(lines)) and len(lines) == len(kg.triples)
    # Two confirmed investments between the same pair give the same truthy edge: it must appear once.
    deal = kg["bigcloud-labco-investment-2023"]
    twin = deal.model_copy(update={"id": "bigcloud-labco-investment-twin"})
    edge = f"<{ID}bigcloud> <{VOCAB}investsIn> <{ID}labco> .".encode()
    assert build_ntriples([deal, twin]).count(edge + b"\n") == 1


def test_a_related_deal_is_related_both_ways(data_copy: Path) -> None:
    deal = data_copy / "deals" / "gpuco-labco-chip-supply-2025.yaml"
    deal.write_text(deal.read_text(encoding="utf-8") + "related:\n- bigcloud-labco-investment-2023\n", encoding="utf-8")
    kg = computekg.load(data_copy)
    assert ask(kg, "id:gpuco-labco-chip-supply-2025 ckg:relatedDeal id:bigcloud-labco-investment-2023")
    assert ask(kg, "id:bigcloud-labco-investment-2023 ckg:relatedDeal id:gpuco-labco-chip-supply-2025")
    assert not ask(kg, "id:fabco-gpuco-wafers-2024 ckg:relatedDeal ?any")


def test_no_blank_nodes(kg: computekg.KnowledgeGraph) -> None:
    assert not any(isinstance(t, ox.BlankNode) for triple in kg.triples for t in (triple.subject, triple.object))


EXPORT_SCRIPT = """
import sys, computekg
kg = computekg.load(sys.argv[1])
for fmt in ("ttl", "nt", "jsonld"):
    sys.stdout.buffer.write(kg.serialize(fmt))
"""


def test_exports_are_byte_identical_across_hash_seeds() -> None:
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", EXPORT_SCRIPT, str(FIXTURE_DATA)], env=env, capture_output=True, check=True)
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 100_000


def test_record_fields_map_to_declared_predicates(kg: computekg.KnowledgeGraph) -> None:
    g = kg.rdf
    bigcloud = IDS["bigcloud"]
    assert (bigcloud, rdflib.RDF.type, rdflib.URIRef("https://schema.org/Organization")) in g
    assert (bigcloud, rdflib.OWL.sameAs, rdflib.URIRef("http://www.wikidata.org/entity/Q1")) in g
    assert (bigcloud, rdflib.URIRef("https://schema.org/url"), rdflib.URIRef("https://bigcloud.example.org")) in g
    assert (IDS["bigcloud-chips"], rdflib.URIRef("https://schema.org/parentOrganization"), bigcloud) in g
    assert (bigcloud, rdflib.URIRef("https://schema.org/subOrganization"), IDS["bigcloud-chips"]) in g
    assert (IDS["gpu-x1"], CKG.fabricatedBy, IDS["fabco"]) in g
    assert (IDS["fabco"], CKG.fabricates, IDS["gpu-x1"]) in g


def test_dates_keep_their_precision(kg: computekg.KnowledgeGraph) -> None:
    g = kg.rdf
    chip = IDS["gpu-x1"]
    assert g.value(chip, CKG.announced) == rdflib.Literal("2024-03", datatype=rdflib.XSD.gYearMonth)
    assert g.value(chip, CKG.available) == rdflib.Literal("2024-11-20", datatype=rdflib.XSD.date)
    event = IDS["fabco-gpuco-wafers-2024.status-1"]
    assert g.value(event, CKG.date) == rdflib.Literal("2024", datatype=rdflib.XSD.gYear)


def test_a_node_size_is_a_number_queries_can_compare(data_copy: Path) -> None:
    path = data_copy / "chips" / "gpu-x1.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("process_nm: 4\n", "process_nm: 1.8\n"), encoding="utf-8")
    kg = computekg.load(data_copy)
    assert kg.rdf.value(IDS["gpu-x1"], CKG.processSizeNm) == rdflib.Literal("1.8", datatype=rdflib.XSD.decimal)
    # A decimal, so sizes compare as numbers (as text, "10" would sort below "3").
    assert ask(kg, "id:gpu-x1 ckg:processSizeNm ?nm FILTER(?nm < 3 && ?nm > 1)")
    assert not ask(kg, "?chip ckg:processSizeNm ?nm FILTER(?nm < 1)")


def test_sources_checked_is_a_day_and_only_where_curated(kg: computekg.KnowledgeGraph) -> None:
    checked = kg.query(
        "PREFIX ckg: <https://w3id.org/computekg/vocab#> SELECT ?record ?day WHERE { ?record ckg:sourcesChecked ?day }"
    )
    assert [(str(row[0]), str(row[1]), str(row[1].datatype)) for row in checked] == [
        (f"{ID}gpuco-labco-chip-supply-2025", "2026-01-10", "http://www.w3.org/2001/XMLSchema#date")
    ]


def test_a_title_from_the_address_is_flagged_on_its_source_only(kg: computekg.KnowledgeGraph) -> None:
    flagged = kg.query(
        "PREFIX ckg: <https://w3id.org/computekg/vocab#> PREFIX schema: <https://schema.org/> "
        "SELECT ?url ?flag WHERE { ?source ckg:titleFromAddress ?flag ; schema:url ?url }"
    )
    assert [(str(row[0]), str(row[1]), str(row[1].datatype)) for row in flagged] == [
        ("https://news.example.org/fabco-gpuco-end", "true", "http://www.w3.org/2001/XMLSchema#boolean")
    ]


def test_deal_is_an_n_ary_statement(kg: computekg.KnowledgeGraph) -> None:
    rows = kg.query(
        """SELECT ?org ?role ?status ?date ?url WHERE {
             ?deal ckg:party [ ckg:organization ?org ; ckg:role ?role ] ;
                   ckg:statusChange [ ckg:status ?status ; ckg:date ?date ; prov:wasDerivedFrom [ schema:url ?url ] ] .
           } ORDER BY ?date ?org""",
        deal=kg.iri("gpuco-labco-chip-supply-2025"),
    ).dicts()
    assert [(r["org"].rsplit("/", 1)[1], r["role"].rsplit(".", 1)[1], r["status"].rsplit(".", 1)[1], r["url"]) for r in rows] == [
        ("gpuco", "supplier", "rumored", "https://wire.example.org/gpuco-labco-rumor"),
        ("labco", "customer", "rumored", "https://wire.example.org/gpuco-labco-rumor"),
        ("gpuco", "supplier", "signed", "https://news.example.org/gpuco-labco"),
        ("labco", "customer", "signed", "https://news.example.org/gpuco-labco"),
    ]


def test_quantities_keep_qualifiers_and_ranges(kg: computekg.KnowledgeGraph) -> None:
    rows = kg.query(
        """SELECT ?unit ?value ?min ?max ?qualifier WHERE {
             ?deal ckg:quantity ?q . ?q ckg:unit ?unit ; ckg:qualifier ?qualifier .
             OPTIONAL { ?q schema:value ?value } OPTIONAL { ?q schema:minValue ?min } OPTIONAL { ?q schema:maxValue ?max }
           } ORDER BY ?unit""",
        deal=kg.iri("gpuco-labco-chip-supply-2025"),
    ).dicts()
    short = [{k: (v.rsplit(".", 1)[1] if isinstance(v, str) else v) for k, v in row.items() if k != "deal"} for row in rows]
    assert short == [
        {"unit": "gw", "value": 1, "min": None, "max": None, "qualifier": "up_to"},
        {"unit": "usd", "value": None, "min": 10000000000, "max": 15000000000, "qualifier": "exactly"},
    ]


def test_a_cited_page_is_one_source_node(kg: computekg.KnowledgeGraph) -> None:
    rows = kg.query("SELECT DISTINCT ?s WHERE { ?s schema:url <https://news.example.org/gpu-x1> }")
    assert len(rows) == 1
    citing = kg.query("SELECT ?x WHERE { ?x prov:wasDerivedFrom ?s }", s=rows.rows[0][0])
    assert {str(r[0]).rsplit("/", 1)[1] for r in citing} == {"gpu-x1", "fabco-gpuco-wafers-2024.status-1"}


def test_truthy_edges_follow_roles_and_status(kg: computekg.KnowledgeGraph) -> None:
    assert ask(kg, "id:gpuco ckg:suppliesChipsTo id:labco")
    assert ask(kg, "id:bigcloud ckg:investsIn id:labco")
    # in talks: a symmetric edge, no typed one
    assert ask(kg, "id:labco ckg:inTalksWith id:memco . id:memco ckg:inTalksWith id:labco")
    assert not ask(kg, "id:memco ckg:manufacturesFor id:labco")
    # cancelled: the statement stays, the direct edge goes
    assert not ask(kg, "id:fabco ckg:manufacturesFor id:gpuco")
    assert ask(kg, "id:fabco-gpuco-wafers-2024 ckg:currentStatus ckg:DealStatus.cancelled")


def write_one_step_deal(data_dir: Path, deal_id: str, deal_type: str, roles: dict[str, str], status: str, date: str) -> None:
    """A minimal deal record: the given parties and roles, one sourced status step."""
    source = {"url": f"https://news.example.org/{deal_id}", "publisher": "Example News", "title": f"Report on {deal_id}", "date": date, "kind": "news_report"}
    record = {
        "name": deal_id,
        "deal_type": deal_type,
        "parties": [{"org": org, "role": role} for org, role in roles.items()],
        "status_history": [{"status": status, "date": date, "sources": [source]}],
    }
    (data_dir / "deals" / f"{deal_id}.yaml").write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")


def test_a_seller_sells_to_the_acquirer(data_copy: Path) -> None:
    roles = {"bigcloud": "acquirer", "memco": "target", "fabco": "seller"}
    write_one_step_deal(data_copy, "bigcloud-memco-acquisition-2025", "acquisition", roles, "signed", "2025-02-03")
    kg = computekg.load(data_copy)
    assert ask(kg, "id:bigcloud ckg:acquired id:memco")
    assert ask(kg, "id:fabco ckg:soldTo id:bigcloud")
    # The seller sold the target, it did not buy it, and the target sold nothing.
    assert not ask(kg, "id:fabco ckg:acquired ?any")
    assert not ask(kg, "id:memco ckg:soldTo ?any")
    assert ask(kg, "?p ckg:organization id:fabco ; ckg:role ckg:PartyRole.seller")


def test_an_underwriter_arranges_financing_without_investing(data_copy: Path) -> None:
    write_one_step_deal(data_copy, "labco-ipo-2025", "investment", {"labco": "investee", "bigcloud": "arranger"}, "completed", "2025-05-06")
    kg = computekg.load(data_copy)
    assert ask(kg, "id:bigcloud ckg:arrangesFinancingFor id:labco")
    # An underwriter is not an investor, and the issuer arranges nothing.
    assert not ask(kg, "id:labco-ipo-2025 ckg:party [ ckg:organization id:bigcloud ; ckg:role ckg:PartyRole.investor ]")
    assert not ask(kg, "id:labco ckg:arrangesFinancingFor ?any")
    ontology = rdflib.Graph().parse(ONTOLOGY)
    assert str(ontology.value(CKG.arrangesFinancingFor, rdflib.RDFS.label)) == "arranges financing for"


def test_a_backstop_links_the_guarantor_to_the_tenant_it_backs(data_copy: Path) -> None:
    roles = {"fabco": "provider", "labco": "customer", "bigcloud": "guarantor"}
    write_one_step_deal(data_copy, "fabco-labco-lease-2025", "datacenter_partnership", roles, "signed", "2025-08-14")
    kg = computekg.load(data_copy)
    assert ask(kg, "id:bigcloud ckg:backstops id:labco")
    # The guarantor backs the tenant's obligations: it neither rents the capacity nor partners the landlord.
    assert not ask(kg, "id:bigcloud ckg:backstops id:fabco")
    assert not ask(kg, "id:fabco ckg:providesComputeTo id:bigcloud")
    assert not ask(kg, "id:bigcloud ckg:partnersWith ?any")
    assert ask(kg, "id:fabco ckg:providesComputeTo id:labco")
    ontology = rdflib.Graph().parse(ONTOLOGY)
    assert str(ontology.value(CKG.backstops, rdflib.RDFS.label)) == "backstops the obligations of"


def test_parties_to_a_partnership_partner_with_each_other_unless_they_only_finance_it(data_copy: Path) -> None:
    roles = {"fabco": "developer", "bigcloud": "investor", "labco": "partner", "memco": "lender"}
    write_one_step_deal(data_copy, "fabco-bigcloud-campus-jv-2025", "datacenter_partnership", roles, "announced", "2025-05-06")
    kg = computekg.load(data_copy)
    # Developer, investor and partner of a data-centre joint venture: each pair partners, both ways.
    for a, b in (("fabco", "bigcloud"), ("fabco", "labco"), ("bigcloud", "labco")):
        assert ask(kg, f"id:{a} ckg:partnersWith id:{b}") and ask(kg, f"id:{b} ckg:partnersWith id:{a}"), (a, b)
    # The lender finances the venture without taking part in it, and the investor has no investee here.
    assert not ask(kg, "id:memco ckg:partnersWith ?any") and not ask(kg, "?any ckg:partnersWith id:memco")
    assert not ask(kg, "id:bigcloud ckg:investsIn id:fabco")
    # Outside a partnership, parties with no rule between them stay unlinked.
    write_one_step_deal(data_copy, "fabco-bigcloud-campus-jv-2025", "acquisition", roles, "announced", "2025-05-06")
    assert not ask(computekg.load(data_copy), "id:fabco ckg:partnersWith id:bigcloud")


def test_concept_schemes_are_in_the_graph(kg: computekg.KnowledgeGraph) -> None:
    rows = kg.query("SELECT ?label WHERE { ckg:DealStatus.in_talks skos:prefLabel ?label ; skos:inScheme ckg:DealStatus }")
    assert [str(r[0]) for r in rows] == ["in talks"]


def _ckg_terms(graph: rdflib.Graph) -> set[rdflib.URIRef]:
    used = set()
    for _subject, p, o in graph:
        used.add(p)
        if p == rdflib.RDF.type:
            used.add(o)
    return {t for t in used if str(t).startswith(VOCAB) and "." not in str(t)[len(VOCAB) :]}


def test_every_emitted_ckg_term_is_declared_in_the_ontology(kg: computekg.KnowledgeGraph) -> None:
    ontology = rdflib.Graph().parse(ONTOLOGY)
    used = _ckg_terms(kg.rdf)
    undeclared = sorted(str(t) for t in used if (t, rdflib.RDFS.label, None) not in ontology or (t, rdflib.RDFS.comment, None) not in ontology)
    assert undeclared == []
    assert len(used) > 50


def test_ontology_declares_every_mapped_predicate() -> None:
    """Also the ones the fixture data does not happen to use."""
    from computekg.schemas.introspect import field_maps
    from computekg.schemas.models import Node
    from computekg.schemas.vocab import PROJECTIONS, expand

    def models(cls: type) -> list[type]:
        return [cls, *(m for sub in cls.__subclasses__() for m in models(sub))]

    ontology = rdflib.Graph().parse(ONTOLOGY)
    curies = {p.predicate for p in PROJECTIONS}
    for model in models(Node):
        curies.update(f.rdf.predicate for f in field_maps(model) if f.rdf)
        curies.update(f.rdf.inverse for f in field_maps(model) if f.rdf and f.rdf.inverse)
    missing = sorted(c for c in curies if c.startswith("ckg:") and (rdflib.URIRef(expand(c)), rdflib.RDFS.label, None) not in ontology)
    assert missing == []
