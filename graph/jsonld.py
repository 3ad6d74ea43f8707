"""Compact JSON-LD: pyoxigraph's expanded JSON-LD with IRIs written as prefix:local under an "@context".

pyoxigraph writes only expanded JSON-LD (every key and IRI in full), which no one reads by
hand. Rewriting its output keeps its speed: inside a JSON string every quote is escaped, so
an unescaped `"@id":"`, `"@type":"`, `,"` or `{"` before a namespace can only be structure
(an @id, a datatype, a key), never literal text, and byte replacement compacts exactly the
IRIs. Plain strings lose their {"@value": ...} wrapper and rdf:type becomes "@type", as in
the Turtle. The result holds the same triples (the tests read it back with two parsers).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from ..schemas.vocab import PREFIXES

# Where an IRI can start in pyoxigraph's output: an @id, a value's @type, a key.
_IRI_LEADS = (b'"@id":"', b'"@type":"', b',"', b'{"')
# Longest namespace first, so an IRI takes the most specific prefix that covers it.
_NAMESPACES = [(prefix.encode(), ns.encode()) for prefix, ns in sorted(PREFIXES.items(), key=lambda item: -len(item[1]))]
_CONTEXT = json.dumps(PREFIXES, separators=(",", ":")).encode()
# {"@value":"text"} with no datatype or language is an xsd:string: the bare string says the same.
_PLAIN_STRING = re.compile(rb'\{"@value":("(?:[^"\\]|\\.)*")\}')
_RDF_TYPES = re.compile(rb'"rdf:type":\[((?:\{"@id":"[^"\\]*"\},?)+)\]')
_ID_OBJECT = re.compile(rb'\{"@id":("[^"\\]*")\}')


def _as_type_key(match: re.Match[bytes]) -> bytes:
    return b'"@type":[' + _ID_OBJECT.sub(rb"\1", match.group(1)) + b"]"


def _compact_nodes(triples: Iterable[ox.Triple]) -> bytes:
    """The node objects of the triples, compacted, comma-separated, without the enclosing [ ]."""
    text = ox.serialize(triples, format=ox.RdfFormat.JSON_LD)
    for prefix, namespace in _NAMESPACES:
        if namespace + b"//" in text:  # "prefix://..." would read as an absolute IRI: leave these whole
            continue
        for lead in _IRI_LEADS:
            text = text.replace(lead + namespace, lead + prefix + b":")
    return _PLAIN_STRING.sub(rb"\1", _RDF_TYPES.sub(_as_type_key, text))[1:-1]


def _document(node_lists: Iterable[bytes]) -> Iterator[bytes]:
    """The document's bytes in pieces: a piece per node list, so it can be written without being held whole."""
    yield b'{"@context":' + _CONTEXT + b',"@graph":['
    separator = b""
    for nodes in node_lists:
        if nodes:
            yield separator + nodes
            separator = b","
    yield b"]}"


def compact_jsonld(triples: Iterable[ox.Triple]) -> bytes:
    """The triples as one compact JSON-LD document: {"@context": PREFIXES, "@graph": [nodes]}."""
    return b"".join(_document([_compact_nodes(triples)]))


def _subject_chunks(ntriples: bytes, size: int) -> Iterator[bytes]:
    """Sorted N-Triples cut into pieces of about `size` bytes, never between two lines of one subject."""
    start, total = 0, len(ntriples)
    while start < total:
        end = ntriples.find(b"\n", min(start + size, total) - 1) + 1 or total  # the end of a line
        last_line = ntriples.rfind(b"\n", start, end - 1) + 1 or start
        subject = ntriples[last_line : ntriples.index(b"> ", last_line) + 2]  # "<iri> ", as every line of it starts
        while end < total and ntriples.startswith(subject, end):
            end = ntriples.find(b"\n", end) + 1 or total
        yield ntriples[start:end]
        start = end


def compact_jsonld_pieces(ntriples: bytes, chunk_size: int = 4 << 20) -> Iterator[bytes]:
    """compact_jsonld of sorted N-Triples, made a few MB at a time and given out in pieces.

    The pieces join to the same bytes as one pass, since no subject is split between them;
    neither pyoxigraph's expanded text nor the whole compact document is ever held.
    """
    return _document(
        _compact_nodes(quad.triple for quad in ox.parse(chunk, format=ox.RdfFormat.N_TRIPLES))
        for chunk in _subject_chunks(ntriples, chunk_size)
    )
