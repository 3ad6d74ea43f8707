"""Query parameters given as text (`--param org=anthropic`) turned into RDF terms, strictly."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Iterable

import rdflib

from ..schemas.vocab import record_iri
from .sparql import QueryError

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """' (did you mean a, b?)' for the closest choices, or '' when none is close."""
    close = difflib.get_close_matches(value, sorted(choices), n=3)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def record_id_for(
    value: str, known_ids: Collection[str], ids_named: Callable[[str], tuple[str, ...]], what: str, where: str
) -> str:
    """`value` as the id of one of `known_ids`: an id as given, or a name or alias naming exactly one of them.

    A name two records share is refused with both ids, so a query never silently picks one.
    """
    if value in known_ids:
        return value
    named = [record_id for record_id in ids_named(value) if record_id in known_ids]
    if len(named) == 1:
        return named[0]
    if named:
        raise QueryError(f"{where}: '{value}' names {len(named)} records ({', '.join(named)}): give the id of the one you mean")
    raise QueryError(f"{where}: '{value}' is not the id, name or alias of a known {what}{did_you_mean(value, known_ids)}")


def parse_param(
    text: str, known_ids: Collection[str], ids_named: Callable[[str], tuple[str, ...]]
) -> tuple[str, rdflib.term.Node]:
    """`name=value`: a record's id, name or alias, or an <iri>, gives an IRI; "text" a string; 12 or 1.5 a number.

    Anything else is refused, so a misspelt id is an error instead of an empty answer.
    """
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise QueryError(f"parameter '{text}' is not name=value: write e.g. --param org=anthropic")
    if value.startswith("<") and value.endswith(">") and len(value) > 2:
        iri = value[1:-1]
        if any(c in iri for c in '<>"{}|^` \\'):
            raise QueryError(f"parameter {name}: '{iri}' is not a valid IRI")
        return name, rdflib.URIRef(iri)
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return name, rdflib.Literal(value[1:-1])
    if _NUMBER.match(value):
        return name, rdflib.Literal(int(value) if value.lstrip("-").isdigit() else float(value))
    try:
        record_id = record_id_for(value, known_ids, ids_named, "record", f"parameter {name}")
    except QueryError as exc:
        raise QueryError(
            f"{exc}; for text write it in double quotes (name='\"text\"'), for an IRI <https://...>"
        ) from None
    return name, rdflib.URIRef(record_iri(record_id))
