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
from itertools import groupby

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
from .jsonld import compact_jsonld, compact_jsonld_pieces

_TERMS: dict[str, str] = {}


def term(curie: str) -> str:
    """A vocabulary IRI by CURIE, in N-Triples form; cached, as a few dozen are used millions of times."""
    iri = _TERMS.get(curie)
    if iri is None:
        iri = _TERMS[curie] = f"<{expand(curie)}>"
    return iri


RDF_TYPE = term("rdf:type")
_XSD_DATES = {1: term("xsd:gYear"), 2: term("xsd:gYearMonth"), 3: term("xsd:date")}
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def iri(value: str) -> str:
    return f"<{value}>"


def text_literal(value: str, suffix: str = "") -> str:
    """An N-Triples literal; `suffix` is ^^<datatype> or @lang."""
    return f'"{value.translate(_ESCAPES)}"{suffix}'


def partial_date(value: str) -> str:
    return text_literal(value, "^^" + _XSD_DATES[value.count("-") + 1])


def lexical_form(value: object) -> tuple[str, str | None]:
    """A Python value's literal text and datatype CURIE (None for a plain string)."""
    if isinstance(value, bool):
        return ("true" if value else "false"), "xsd:boolean"
    if isinstance(value, int):
        return str(value), "xsd:integer"
    if isinstance(value, float):
        # Decimal keeps money exact in text and avoids 1e+10 forms that xsd:decimal forbids.
        return format(Decimal(repr(value)).normalize(), "f"), "xsd:decimal"
    return str(value), None


def literal(value: object) -> str:
    text, datatype = lexical_form(value)
    return text_literal(text, "^^" + term(datatype) if datatype else "")


class TripleWriter:
    """Collects the N-Triples lines of a set of records; sources are written once however often cited.

    Lines, not term objects: building text is several times cheaper than building
    pyoxigraph triples, sorts fast, and Oxigraph loads and re-serializes it natively.
    Each line is kept as UTF-8 bytes: UTF-8 sorts in code-point order, so the sorted lines
    join straight into the export, with no whole-graph str (2 or 4 bytes a character once
    any name is in CJK) to build and encode on the way.
    """

    def __init__(self) -> None:
        self.lines: list[bytes] = []
        self._sources: set[str] = set()

    def add(self, subject: str, predicate: str, obj: str) -> None:
        self.lines.append(f"{subject} {predicate} {obj} .\n".encode())

    def node(self, model: BaseModel, node_iri: str) -> str:
        """Write a model as the node `node_iri`, with its class and every mapped field."""
        subject = iri(node_iri)
        self.add(subject, RDF_TYPE, term(model.rdf_class))  # type: ignore[attr-defined]
        for field in field_maps(type(model)):
            if field.rdf is None:
                continue
            predicate = term(field.rdf.predicate)
            for index, value in enumerate(values(model, field), start=1):
                is_iri = True
                if field.nested is not None:
                    obj = self.nested(value, f"{node_iri}.{value.segment}-{index}")
                elif field.ref is not None:
                    obj = iri(record_iri(value))
                elif field.iri is not None:
                    obj = iri(field.iri.template.format(value))
                elif isinstance(value, Enum):
                    obj = iri(concept_iri(value))
                else:
                    is_iri = False
                    obj = partial_date(value) if field.partial_date else literal(value)
                self.add(subject, predicate, obj)
                if field.rdf.inverse and is_iri:
                    self.add(obj, term(field.rdf.inverse), subject)
        return subject

    def nested(self, model: BaseModel, node_iri: str) -> str:
        if isinstance(model, Source):
            node_iri = source_iri(model.url)
            if node_iri in self._sources:
                return iri(node_iri)
            self._sources.add(node_iri)
        return self.node(model, node_iri)

    def record(self, record: Record) -> None:
        subject = self.node(record, record_iri(record.id))
        self.add(subject, term("rdfs:label"), literal(record.name))
        if isinstance(record, Deal):
            self.deal_shortcuts(subject, record)

    def deal_shortcuts(self, subject: str, deal: Deal) -> None:
        """The truthy view of a deal: its current status, its parties, and direct edges."""
        self.add(subject, term("ckg:currentStatus"), iri(concept_iri(deal.status)))
        self.add(subject, term("ckg:statusDate"), partial_date(deal.status_date))
        self.add(subject, term("ckg:firstReported"), partial_date(deal.status_history[0].date))
        for predicate, amount in (("ckg:usdAmount", deal.usd_amount), ("ckg:powerGw", deal.power_gw)):
            if amount is not None:
                self.add(subject, term(predicate), literal(amount))
        for party in deal.parties:
            self.add(subject, term("ckg:hasParty"), iri(record_iri(party.org)))
        for source, target, predicate in truthy_edges(deal):
            self.add(iri(record_iri(source)), term(predicate), iri(record_iri(target)))


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


def vocabulary_lines() -> Iterator[bytes]:
    """The SKOS concept schemes of every controlled list, so labels are queryable beside the data."""
    writer = TripleWriter()
    for enum_type in enums.Vocabulary.__subclasses__():
        scheme = iri(scheme_iri(enum_type))
        writer.add(scheme, RDF_TYPE, term("skos:ConceptScheme"))
        for member in enum_type:
            concept = iri(concept_iri(member))
            writer.add(concept, RDF_TYPE, term("skos:Concept"))
            writer.add(concept, term("skos:inScheme"), scheme)
            writer.add(concept, term("skos:notation"), literal(member.value))
            writer.add(concept, term("skos:prefLabel"), text_literal(member.value.replace("_", " "), "@en"))
    return iter(writer.lines)


def build_ntriples(records: Iterable[Record]) -> bytes:
    """The whole graph as sorted, duplicate-free N-Triples: the canonical form every export derives from."""
    writer = TripleWriter()
    for record in records:
        writer.record(record)
    lines = writer.lines
    lines.extend(vocabulary_lines())
    # Sorted in place and deduplicated by neighbours: no set and no second list of the
    # millions of lines beside the list and the joined bytes.
    lines.sort()
    return b"".join(line for line, _ in groupby(lines))


def build_store(ntriples: bytes) -> ox.Store:
    store = ox.Store()
    store.bulk_load(ntriples, format=ox.RdfFormat.N_TRIPLES)
    return store


EXPORT_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def serialize_triples(triples: Iterable[ox.Triple], extension: str) -> bytes:
    """Triples in one format, in the order given; prefixes where the syntax has them."""
    fmt = EXPORT_FORMATS[extension]
    if fmt == ox.RdfFormat.JSON_LD:
        return compact_jsonld(triples)
    return ox.serialize(triples, format=fmt, prefixes=None if fmt == ox.RdfFormat.N_TRIPLES else PREFIXES)


def serialize_pieces(ntriples: bytes, extension: str) -> Iterator[bytes]:
    """The graph in one format, in the sorted order of the N-Triples, in pieces to write as they come."""
    fmt = EXPORT_FORMATS[extension]
    if fmt == ox.RdfFormat.N_TRIPLES:
        yield ntriples
    elif fmt == ox.RdfFormat.JSON_LD:
        yield from compact_jsonld_pieces(ntriples)
    else:
        yield serialize_triples((quad.triple for quad in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)), extension)


def serialize(ntriples: bytes, extension: str) -> bytes:
    """The graph in one format, in the sorted order of the N-Triples."""
    return b"".join(serialize_pieces(ntriples, extension))
