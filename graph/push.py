"""Loading the graph into an external triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

One PUT of the whole graph as N-Triples to the store's graph endpoint: the protocol makes
PUT replace the named graph (or the default graph) with the body, so readers see the old
graph or the new one, never a mix. Works with Oxigraph server, Apache Jena Fuseki,
GraphDB, Virtuoso, QLever and Amazon Neptune's graph store endpoints.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from .kg import KnowledgeGraph


class PushError(Exception):
    """The store could not be reached or refused the graph."""


@dataclass(frozen=True)
class PushResult:
    url: str
    status: int
    triples: int
    size: int


def graph_store_url(endpoint: str, graph: str | None) -> str:
    """The endpoint with `?graph=<iri>` or `?default` (the protocol's two ways of naming a graph)."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"'{endpoint}' is not an http(s) address of a graph store endpoint (e.g. http://localhost:7878/store)")
    query = urllib.parse.urlencode({"graph": graph}) if graph else "default"
    joined = f"{parts.query}&{query}" if parts.query else query
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, joined, ""))


def push(kg: KnowledgeGraph, endpoint: str, graph: str | None = None, timeout: float = 300.0) -> PushResult:
    url = graph_store_url(endpoint, graph)
    body = kg.ntriples
    request = urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": "application/n-triples"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        detail = error.read(500).decode("utf-8", "replace").strip()
        raise PushError(f"{url} refused the graph: HTTP {error.code} {detail}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise PushError(f"cannot reach {url}: {reason}") from None
    return PushResult(url, status, body.count(b"\n"), len(body))
