"""SPARQL over the Oxigraph store, with parameters bound as checked VALUES blocks (see sparqltext)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
import rdflib
import rdflib.plugins.sparql
from rdflib.term import Node

from ..schemas.vocab import PREFIXES, expand
from .rdf import EXPORT_FORMATS, lexical_form, serialize_triples
from .sparqltext import code_only, mentions_variable, where_group_start


class QueryError(Exception):
    """A query that cannot run: bad syntax, a bad parameter, or a refused operation."""


RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = EXPORT_FORMATS  # CONSTRUCT and DESCRIBE results are written like the exports
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_VARIABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def to_rdflib(term: Any) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:
        return rdflib.Literal(term.value)  # RDF 1.1 simple literal; rdflib tells the two apart
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def to_oxigraph(value: object) -> ox.NamedNode | ox.Literal:
    """An rdflib term, an Oxigraph term, or a plain Python value as an Oxigraph term."""
    if isinstance(value, ox.NamedNode | ox.Literal):
        return value
    if isinstance(value, rdflib.URIRef):
        try:
            return ox.NamedNode(str(value))
        except ValueError:
            raise QueryError(f"'{value}' is not a valid IRI") from None
    if isinstance(value, rdflib.Literal):
        if value.language:
            return ox.Literal(str(value), language=value.language)
        return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype))) if value.datatype else ox.Literal(str(value))
    if isinstance(value, bool | int | float | str):
        text, datatype = lexical_form(value)
        return ox.Literal(text, datatype=ox.NamedNode(expand(datatype))) if datatype else ox.Literal(text)
    raise QueryError(f"cannot bind a value of type {type(value).__name__}: pass an IRI, a literal, text or a number")


@dataclass(frozen=True)
class QueryResult:
    """A SELECT's rows (rdflib terms, None where unbound), an ASK's answer, or a graph's triples."""

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[Node, Node, Node], ...] = field(default=())

    def __iter__(self) -> Iterator[tuple[Node | None, ...]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def dicts(self) -> list[dict[str, Any]]:
        """Rows as {variable: Python value}: IRIs as text, literals as their Python value."""
        return [
            {name: (None if v is None else v.toPython() if isinstance(v, rdflib.Literal) else str(v)) for name, v in zip(self.variables, row, strict=True)}
            for row in self.rows
        ]


def bind(text: str, bindings: Mapping[str, object]) -> str:
    """The query with a checked VALUES block per parameter at the start of its WHERE group."""
    if not bindings:
        return text
    start = where_group_start(text)
    if start is None:
        raise QueryError("this query has no WHERE group to bind parameters in")
    blocks = []
    for name, value in bindings.items():
        if not _VARIABLE_NAME.match(name):
            raise QueryError(f"'{name}' is not a variable name: use letters, digits and _")
        if not mentions_variable(text, name):
            raise QueryError(f"unknown parameter '{name}': the query has no ?{name}")
        blocks.append(f" VALUES ?{name} {{ {to_oxigraph(value)} }}")
    return text[:start] + "".join(blocks) + " " + text[start:]


# Words that would make a query fetch from the network or change the data. rdflib would
# fetch for SERVICE, LOAD and FROM; Oxigraph refuses updates in query(); both are refused
# here, before any engine sees the query, so every engine behaves the same.
_REFUSED = re.compile(
    r"(?<![\w:?$])(SERVICE|LOAD|FROM|INSERT|DELETE|DROP|CLEAR|CREATE|ADD|MOVE|COPY|WITH)(?![\w:])", re.IGNORECASE
)
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False  # never dereference graph IRIs


def guard(text: str) -> None:
    """Refuse queries that could reach the network or modify the graph."""
    if match := _REFUSED.search(code_only(text)):
        word = match.group(1).upper()
        if word in ("SERVICE", "LOAD", "FROM"):
            raise QueryError(f"{word} is not allowed: queries run on this graph only and never fetch remote data")
        raise QueryError(f"{word} is not allowed: the graph is read-only; run SELECT, ASK, CONSTRUCT or DESCRIBE")


def prologue() -> str:
    """PREFIX lines for the project's prefixes, for engines that do not predeclare them."""
    return "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())


def execute(store: ox.Store, text: str, bindings: Mapping[str, object] | None = None) -> Any:
    """Run a query on the store with the project's prefixes predeclared; raise QueryError on any failure."""
    guard(text)
    bound = bind(text, bindings or {})
    try:
        return store.query(bound, prefixes=PREFIXES)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    except (RuntimeError, OSError) as exc:
        raise QueryError(f"the query failed: {exc}") from None


def run(store: ox.Store, text: str, bindings: Mapping[str, object] | None = None) -> QueryResult:
    outcome = execute(store, text, bindings)
    if isinstance(outcome, ox.QueryBoolean):
        return QueryResult(boolean=bool(outcome))
    if isinstance(outcome, ox.QuerySolutions):
        names = tuple(v.value for v in outcome.variables)
        rows = tuple(tuple(to_rdflib(solution[name]) for name in names) for solution in outcome)
        return QueryResult(variables=names, rows=rows)
    return QueryResult(triples=tuple((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)) for t in outcome))  # type: ignore[misc]


def run_rdflib(graph: rdflib.Graph, text: str, bindings: Mapping[str, object] | None = None) -> QueryResult:
    """The same query on an rdflib graph (the slow reference engine, kept selectable to cross-check)."""
    guard(text)
    bound = bind(text, bindings or {})
    try:
        result = graph.query(bound, initNs=PREFIXES)
    except Exception as exc:  # noqa: BLE001 - rdflib raises pyparsing and assorted errors for bad queries
        raise QueryError(f"the query failed on rdflib: {exc}") from None
    if result.type == "ASK":
        return QueryResult(boolean=bool(result.askAnswer))
    if result.type == "SELECT":
        names = tuple(str(v) for v in result.vars or ())
        return QueryResult(variables=names, rows=tuple(tuple(row[name] for name in names) for row in result))  # type: ignore[index]
    return QueryResult(triples=tuple(result))  # type: ignore[arg-type]


def serialize_graph(triples: Iterable[ox.Triple], fmt: str) -> bytes:
    """A CONSTRUCT or DESCRIBE result, sorted so the same answer is always the same bytes."""
    return serialize_triples(sorted(triples, key=lambda t: (t.subject.value, t.predicate.value, str(t.object))), fmt)


def serialize_result(store: ox.Store, text: str, fmt: str, bindings: Mapping[str, object] | None = None) -> bytes:
    """Run a query and write its result in a W3C format (SELECT/ASK) or an RDF syntax (CONSTRUCT/DESCRIBE)."""
    outcome = execute(store, text, bindings)
    if isinstance(outcome, ox.QueryTriples):
        if fmt not in GRAPH_FORMATS:
            raise QueryError(f"a CONSTRUCT or DESCRIBE result is a graph: use one of {', '.join(GRAPH_FORMATS)}, not {fmt}")
        return serialize_graph(outcome, fmt)
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"a SELECT or ASK result is a table: use one of {', '.join(RESULT_FORMATS)}, not {fmt}")
    return outcome.serialize(format=RESULT_FORMATS[fmt])
