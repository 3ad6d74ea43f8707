"""A read-only SPARQL 1.1 Protocol endpoint over the graph, safe for untrusted queries.

GET and POST (URL-encoded form or a direct `application/sparql-query` body), content
negotiation for the W3C result formats and RDF syntaxes, the exports for download.
Updates, SERVICE, FROM/FROM NAMED, LOAD and dataset parameters are refused with a 400;
every query runs under a time, row and memory limit (see bounded.py); bodies are bounded.
"""

from __future__ import annotations

import html
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from .bounded import LimitExceeded, Limits, QueryPool
from .export import EXPORT_NAME
from .kg import KnowledgeGraph
from .rdf import EXPORT_FORMATS

MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "ttl": "text/turtle; charset=utf-8",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
}
# What a client may ask for, and the format it means (tables and graphs share the negotiation).
ACCEPTED = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/turtle": "ttl",
    "application/ld+json": "jsonld",
    "application/n-triples": "nt",
}
MAX_BODY = 1_000_000
# A refused body is read and dropped before the connection closes, or the client, still sending,
# gets a connection reset instead of the 413; bounded, so a refused client cannot hold a worker.
DRAIN_LIMIT = 16 * MAX_BODY
DRAIN_SECONDS = 2.0
REFUSED_PARAMETERS = ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")


def negotiate(accept: str) -> str:
    """The best format the Accept header names (by q value, then order); json when none fits."""
    choices = []
    for position, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        quality = next((float(p[2:]) for p in params if p.startswith("q=") and p[2:].replace(".", "", 1).isdigit()), 1.0)
        if media in ACCEPTED and quality > 0:
            choices.append((-quality, position, ACCEPTED[media]))
    return min(choices)[2] if choices else "json"


class _Handler(BaseHTTPRequestHandler):
    server: EndpointServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:
            super().log_message(format, *args)

    def _send(self, status: int, body: bytes, media_type: str = "text/plain; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message + "\n").encode())

    def _drop_body(self, length: int) -> None:
        """Read and discard up to DRAIN_LIMIT bytes of a refused body, for at most DRAIN_SECONDS."""
        deadline = time.monotonic() + DRAIN_SECONDS
        remaining = min(length, DRAIN_LIMIT)
        self.connection.settimeout(DRAIN_SECONDS)
        try:
            while remaining > 0 and time.monotonic() < deadline:
                chunk = self.rfile.read1(min(remaining, 1 << 16))
                if not chunk:
                    break
                remaining -= len(chunk)
        except OSError:  # the client gave up or stalled: nothing more to do but close
            pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path == "/":
            return self._send(HTTPStatus.OK, self.server.index_page(), "text/html; charset=utf-8")
        if parts.path.startswith("/download/"):
            name = parts.path.removeprefix("/download/")
            export = self.server.exports.get(name)
            if export is None:
                return self._error(HTTPStatus.NOT_FOUND, f"no export {name}: see / for the list")
            return self._send(HTTPStatus.OK, export, MEDIA_TYPES[name.rsplit(".", 1)[1]])
        if parts.path != "/sparql":
            return self._error(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql")
        self._query(parse_qs(parts.query, keep_blank_values=True))

    do_HEAD = do_GET

    def do_POST(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != "/sparql":
            return self._error(HTTPStatus.NOT_FOUND, "not found: the endpoint is /sparql")
        length_header = self.headers.get("Content-Length")
        if length_header is None or not length_header.isdigit():
            return self._error(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length")
        length = int(length_header)
        if length > MAX_BODY:
            self.close_connection = True
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the request body is over {MAX_BODY:,} bytes")
            return self._drop_body(length)
        body = self.rfile.read(length)
        media = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        params = parse_qs(parts.query, keep_blank_values=True)
        if media == "application/x-www-form-urlencoded":
            params.update(parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True))
        elif media == "application/sparql-query":
            params["query"] = [body.decode("utf-8", "replace")]
        elif media == "application/sparql-update":
            return self._error(HTTPStatus.BAD_REQUEST, "updates are refused: this endpoint is read-only")
        else:
            return self._error(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                "send the query as application/x-www-form-urlencoded or application/sparql-query",
            )
        self._query(params)

    def _query(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            return self._error(HTTPStatus.BAD_REQUEST, "updates are refused: this endpoint is read-only")
        for name in REFUSED_PARAMETERS:
            if name in params:
                return self._error(HTTPStatus.BAD_REQUEST, f"{name} is not allowed: queries run on this graph only")
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return self._error(HTTPStatus.BAD_REQUEST, "give exactly one query parameter")
        requested = params.get("format", [None])[0]
        fmt = requested if requested in MEDIA_TYPES else negotiate(self.headers.get("Accept", ""))
        try:
            produced, body = self.server.pool.run(queries[0], fmt)
        except LimitExceeded as exc:
            return self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
        if produced == "error":
            return self._error(HTTPStatus.BAD_REQUEST, body.decode())
        self._send(HTTPStatus.OK, body, MEDIA_TYPES[produced])


class EndpointServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, kg: KnowledgeGraph, host: str, port: int, limits: Limits, verbose: bool = False) -> None:
        store = kg.store  # built before the workers fork, so they share it
        self.kg = kg
        self.pool = QueryPool(store, limits)
        self.exports = {f"{EXPORT_NAME}.{ext}": kg.serialize(ext) for ext in EXPORT_FORMATS}
        self.verbose = verbose
        try:
            super().__init__((host, port), _Handler)
        except OSError:
            self.pool.close()
            raise

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/sparql"

    def index_page(self) -> bytes:
        downloads = "".join(
            f'<li><a href="/download/{name}">{html.escape(name)}</a> ({len(data):,} bytes)</li>'
            for name, data in self.exports.items()
        )
        limits = self.pool.limits
        return (
            "<!doctype html><meta charset=utf-8><title>computekg SPARQL endpoint</title>"
            "<h1>computekg SPARQL endpoint</h1>"
            f"<p>SPARQL 1.1 Protocol at <code>/sparql</code> (GET or POST). Read-only; each query may run "
            f"{limits.seconds:g} s and return {limits.rows:,} rows.</p><ul>{downloads}</ul>"
        ).encode()

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()
