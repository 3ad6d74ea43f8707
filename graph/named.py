"""Named queries: documented SPARQL files in graph/queries/ with declared, typed parameters.

A file starts with comment lines: the description, then one `# param NAME: KIND` line
per parameter. KIND says what a value must be: an id of an organization, chip,
facility, deal or any record, a year, a spec name some product states, or free text.
Values are checked against the graph before the query runs, then bound like any other
parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import rdflib

from ..schemas.vocab import record_iri
from .kg import KnowledgeGraph
from .params import did_you_mean, record_id_for
from .sparql import QueryError, QueryResult

QUERY_DIR = Path(__file__).resolve().parent / "queries"
_PARAM = re.compile(r"^#\s*param\s+([A-Za-z_]\w*)\s*:\s*(\w+)\s*$")
ID_KINDS = {"organization": "organizations", "chip": "chips", "facility": "facilities", "deal": "deals"}
PARAM_KINDS = (*ID_KINDS, "record", "year", "spec", "text")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: dict[str, str]  # name -> kind
    text: str


def parse_named_query(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    description: list[str] = []
    params: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if match := _PARAM.match(line):
            name, kind = match.groups()
            if kind not in PARAM_KINDS:
                raise ValueError(f"{path}: parameter {name} has unknown kind '{kind}': use one of {', '.join(PARAM_KINDS)}")
            params[name] = kind
        else:
            description.append(line.lstrip("#").strip())
    return NamedQuery(path.stem, " ".join(d for d in description if d), params, text)


@cache
def named_queries() -> dict[str, NamedQuery]:
    """Every named query shipped with the package, by name."""
    return {q.name: q for q in (parse_named_query(p) for p in sorted(QUERY_DIR.glob("*.rq")))}


def get_named_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query '{name}'{did_you_mean(name, queries)}: `computekg queries` lists them")
    return queries[name]


def _ids_of(kg: KnowledgeGraph, kind: str) -> set[str]:
    if kind == "record":
        return {r.id for r in kg.records()}
    return set(getattr(kg, ID_KINDS[kind]))


def check_value(kg: KnowledgeGraph, query: NamedQuery, name: str, value: str) -> rdflib.term.Node:
    """A parameter value as the term the query expects, or a QueryError saying what is wrong."""
    kind = query.params[name]
    if kind == "text":
        return rdflib.Literal(value)
    if kind == "year":
        if not re.fullmatch(r"\d{4}", str(value)):
            raise QueryError(f"parameter {name} of {query.name} is a year: write it as four digits, e.g. 2025")
        return rdflib.Literal(int(value))
    if kind == "spec":
        # A misspelt spec would match nothing and look like an empty answer, so it is refused by name.
        names = {spec.name for chip in kg.chips.values() for spec in chip.specs}
        if value not in names:
            raise QueryError(f"parameter {name} of {query.name}: no product states a spec '{value}'{did_you_mean(value, names)}")
        return rdflib.Literal(value)
    record_id = record_id_for(str(value), _ids_of(kg, kind), kg.ids_named, kind, f"parameter {name} of {query.name}")
    return rdflib.URIRef(record_iri(record_id))


def run_named(
    kg: KnowledgeGraph, name: str, fmt: str | None = None, engine: str = "oxigraph", **values: str
) -> QueryResult | bytes:
    """Run a named query with its parameters given as ids, years or text; `fmt` serializes the result."""
    query = get_named_query(name)
    unknown = sorted(set(values) - set(query.params))
    if unknown:
        raise QueryError(
            f"unknown parameter '{unknown[0]}' for {name}: it takes {', '.join(query.params) or 'no parameters'}"
        )
    missing = [p for p in query.params if p not in values]
    if missing:
        raise QueryError(f"{name} needs --param {missing[0]}=<{query.params[missing[0]]}>")
    bindings = {p: check_value(kg, query, p, v) for p, v in values.items()}
    return kg.query_to(query.text, fmt, **bindings) if fmt else kg.query(query.text, engine=engine, **bindings)
