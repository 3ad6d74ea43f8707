"""Compact JSON-LD from triples: the prefixes as "@context", IRIs written as prefix:local.

pyoxigraph writes only expanded JSON-LD (every key and IRI in full), which no one reads by
hand; this writes the same triples the way the Turtle reads. One node object per subject,
in the order the triples come (the exports pass them sorted), so the same data gives the
same bytes. xsd:string literals are bare JSON strings, other literals keep "@type".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import groupby
from operator import attrgetter

import pyoxigraph as ox

from ..schemas.vocab import PREFIXES

_RDF_TYPE = PREFIXES["rdf"] + "type"
_XSD_STRING = PREFIXES["xsd"] + "string"
_PREFIX_OF = {namespace: prefix for prefix, namespace in PREFIXES.items()}
# One regex over every namespace, longest first so an IRI takes the most specific prefix; a
# local part must be non-empty and must not start with "//", which would read as an absolute IRI.
_NAMESPACE = re.compile("(?:" + "|".join(re.escape(ns) for ns in sorted(_PREFIX_OF, key=len, reverse=True)) + ")(?=.)(?!//)")


@lru_cache(maxsize=8192)  # predicates, classes and concepts repeat across millions of triples
def compact_iri(iri: str) -> str:
    """prefix:local where a declared namespace covers the IRI, else the IRI as it is."""
    match = _NAMESPACE.match(iri)
    return f"{_PREFIX_OF[match.group()]}:{iri[match.end() :]}" if match else iri


def _node_id(term: ox.NamedNode | ox.BlankNode) -> str:
    return compact_iri(term.value) if type(term) is ox.NamedNode else f"_:{term.value}"


def _literal(term: ox.Literal) -> object:
    if term.language:
        return {"@value": term.value, "@language": term.language}
    datatype = term.datatype.value
    return term.value if datatype == _XSD_STRING else {"@value": term.value, "@type": compact_iri(datatype)}


def compact_jsonld(triples: Iterable[ox.Triple], prefixes: Mapping[str, str] = PREFIXES) -> bytes:
    """The triples as one compact JSON-LD document: {"@context": prefixes, "@graph": [nodes]}.

    A subject's triples are grouped as they come, so sorted input is written in one pass; a
    subject met again later is merged into its node rather than repeated.
    """
    nodes: dict[str, dict[str, list[object]]] = {}
    for subject, subject_triples in groupby(triples, key=attrgetter("subject")):
        node_id = _node_id(subject)
        node = nodes.get(node_id) or nodes.setdefault(node_id, {"@id": node_id})  # type: ignore[dict-item]
        for triple in subject_triples:
            predicate, value = triple.predicate.value, triple.object
            if type(value) is ox.Literal:
                node.setdefault(compact_iri(predicate), []).append(_literal(value))
            elif predicate == _RDF_TYPE:
                node.setdefault("@type", []).append(_node_id(value))
            else:
                node.setdefault(compact_iri(predicate), []).append({"@id": _node_id(value)})
    document = {"@context": dict(prefixes), "@graph": list(nodes.values())}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
