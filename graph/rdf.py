"""The one mapping from models to RDF, and the deterministic store and exports built on it.

Every record, nested statement and source gets an IRI (no blank nodes). Field values
become terms by the markers on the schema (see schemas/types.py). Beside the n-ary
deal node, each deal is projected to direct "truthy" edges between its parties.
Triples are pyoxigraph terms, bulk-loaded into an Oxigraph store; exports are written
from the sorted triples, so the same data gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from enum import Enum

import pyoxigraph as ox
from pydantic import BaseModel

from ..schemas import enums
from ..schemas.enums import ENDED_STATUSES, UNCONFIRMED_STATUSES
from ..schemas.introspect import field_maps, values
from ..schemas.models import Deal, Record, Source
from ..schemas.vocab import (
    IN_TALKS,
    PREFIXES,
    concept_iri,
    expand,
    projection_for,
    record_iri,
    scheme_iri,
    source_iri,
)

_TERMS: dict[str, ox.NamedNode] = {}


def term(curie: str) -> ox.NamedNode:
    """A vocabulary term by CURIE; cached, as the same few dozen are used millions of times."""
    node = _TERMS.get(curie)
    if node is None:
        node = _TERMS[curie] = ox.NamedNode(expand(curie))
    return node


RDF_TYPE = term("rdf:type")
XSD_DATES = {1: term("xsd:gYear"), 2: term("xsd:gYearMonth"), 3: term("xsd:date")}


def partial_date(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=XSD_DATES[value.count("-") + 1])


def literal(value: object) -> ox.Literal:
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=term("xsd:boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=term("xsd:integer"))
    if isinstance(value, float):
        # Decimal keeps money exact in text and avoids 1e+10 forms that xsd:decimal forbids.
        return ox.Literal(format(Decimal(repr(value)).normalize(), "f"), datatype=term("xsd:decimal"))
    return ox.Literal(str(value))


class TripleWriter:
    """Collects the triples of a set of records; sources are written once however often cited."""

    def __init__(self) -> None:
        self.triples: list[ox.Triple] = []
        self._sources: set[str] = set()

    def add(self, subject: ox.NamedNode, predicate: str, obj: ox.NamedNode | ox.Literal) -> None:
        self.triples.append(ox.Triple(subject, term(predicate), obj))

    def node(self, model: BaseModel, iri: str) -> ox.NamedNode:
        """Write a model as the node `iri`, with its class and every mapped field."""
        subject = ox.NamedNode(iri)
        self.triples.append(ox.Triple(subject, RDF_TYPE, term(model.rdf_class)))  # type: ignore[attr-defined]
        for field in field_maps(type(model)):
            if field.rdf is None:
                continue
            for index, value in enumerate(values(model, field), start=1):
                if field.nested is not None:
                    obj: ox.NamedNode | ox.Literal = self.nested(value, f"{iri}.{value.segment}-{index}")
                elif field.ref is not None:
                    obj = ox.NamedNode(record_iri(value))
                elif field.iri is not None:
                    obj = ox.NamedNode(field.iri.template.format(value))
                elif field.partial_date:
                    obj = partial_date(value)
                elif isinstance(value, Enum):
                    obj = ox.NamedNode(concept_iri(value))
                else:
                    obj = literal(value)
                self.add(subject, field.rdf.predicate, obj)
                if field.rdf.inverse and isinstance(obj, ox.NamedNode):
                    self.add(obj, field.rdf.inverse, subject)
        return subject

    def nested(self, model: BaseModel, iri: str) -> ox.NamedNode:
        if isinstance(model, Source):
            iri = source_iri(model.url)
            if iri in self._sources:
                return ox.NamedNode(iri)
            self._sources.add(iri)
        return self.node(model, iri)

    def record(self, record: Record) -> None:
        subject = self.node(record, record_iri(record.id))
        self.add(subject, "rdfs:label", ox.Literal(record.name))
        if isinstance(record, Deal):
            self.deal_shortcuts(subject, record)

    def deal_shortcuts(self, subject: ox.NamedNode, deal: Deal) -> None:
        """The truthy view of a deal: its current status, its parties, and direct edges."""
        self.add(subject, "ckg:currentStatus", ox.NamedNode(concept_iri(deal.status)))
        self.add(subject, "ckg:statusDate", partial_date(deal.status_history[-1].date))
        self.add(subject, "ckg:firstReported", partial_date(deal.status_history[0].date))
        for party in deal.parties:
            self.add(subject, "ckg:hasParty", ox.NamedNode(record_iri(party.org)))
        for source, target, predicate in truthy_edges(deal):
            self.add(ox.NamedNode(record_iri(source)), predicate, ox.NamedNode(record_iri(target)))


def truthy_edges(deal: Deal) -> Iterator[tuple[str, str, str]]:
    """(source org, target org, predicate) for a deal's direct edges.

    A rumoured or negotiated deal gives `inTalksWith` both ways; a cancelled or lapsed
    deal gives none (it stays in the graph as a statement); any other gives the edge
    its party roles project to.
    """
    if deal.status in ENDED_STATUSES:
        return
    for a in deal.parties:
        for b in deal.parties:
            if a.org == b.org:
                continue
            if deal.status in UNCONFIRMED_STATUSES:
                yield a.org, b.org, IN_TALKS
            elif rule := projection_for(deal.deal_type, a.role, b.role):
                yield a.org, b.org, rule.predicate


def vocabulary_triples() -> Iterator[ox.Triple]:
    """The SKOS concept schemes of every controlled list, so labels are queryable beside the data."""
    for enum_type in enums.Vocabulary.__subclasses__():
        scheme = ox.NamedNode(scheme_iri(enum_type))
        yield ox.Triple(scheme, RDF_TYPE, term("skos:ConceptScheme"))
        for member in enum_type:
            concept = ox.NamedNode(concept_iri(member))
            yield ox.Triple(concept, RDF_TYPE, term("skos:Concept"))
            yield ox.Triple(concept, term("skos:inScheme"), scheme)
            yield ox.Triple(concept, term("skos:notation"), ox.Literal(member.value))
            yield ox.Triple(concept, term("skos:prefLabel"), ox.Literal(member.value.replace("_", " "), language="en"))


def build_triples(records: Iterable[Record]) -> list[ox.Triple]:
    """All triples of the records plus the concept schemes, sorted (the order of every export)."""
    writer = TripleWriter()
    for record in records:
        writer.record(record)
    triples = set(writer.triples)
    triples.update(vocabulary_triples())
    return sorted(triples, key=lambda t: (t.subject.value, t.predicate.value, str(t.object)))


def build_store(triples: Iterable[ox.Triple]) -> ox.Store:
    store = ox.Store()
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
    return store


EXPORT_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def serialize(triples: list[ox.Triple], extension: str) -> bytes:
    """The sorted triples in one format; prefixes only where the syntax has them."""
    fmt = EXPORT_FORMATS[extension]
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.JSON_LD) else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes)
