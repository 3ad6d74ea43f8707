"""Query parameters given as text (`--param org=anthropic`) turned into RDF terms, strictly."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

import rdflib

from ..schemas.vocab import record_iri
from .sparql import QueryError

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """' (did you mean a, b?)' for the closest choices, or '' when none is close."""
    close = difflib.get_close_matches(value, sorted(choices), n=3)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def parse_param(text: str, known_ids: set[str]) -> tuple[str, rdflib.term.Node]:
    """`name=value`: a known record id or <iri> gives an IRI, "text" a string, 12 or 1.5 a number.

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
    if value in known_ids:
        return name, rdflib.URIRef(record_iri(value))
    raise QueryError(
        f"parameter {name}: '{value}' is not a known record id{did_you_mean(value, known_ids)}; "
        'for text write it in double quotes (name=\'"text"\'), for an IRI <https://...>'
    )
