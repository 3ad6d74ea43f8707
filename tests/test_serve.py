"""The SPARQL endpoint, run as `computekg serve` in its own process and spoken to over loopback."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import computekg
import pytest
from helpers import FIXTURE_DATA
from SPARQLWrapper import CSV, JSON, TURTLE, SPARQLWrapper


@dataclass
class Endpoint:
    url: str
    process: subprocess.Popen[str]

    def request(self, method: str = "GET", query: str | None = None, body: bytes | None = None,
                headers: dict[str, str] | None = None, params: dict[str, str] | None = None) -> tuple[int, str, bytes]:
        url = self.url
        fields = dict(params or {})
        if query is not None and method == "GET":
            fields["query"] = query
        if fields:
            url += "?" + urllib.parse.urlencode(fields)
        request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type", ""), error.read()


def start(*options: str) -> Endpoint:
    process = subprocess.Popen(
        [sys.executable, "-m", "computekg.cli", "serve", "--data", str(FIXTURE_DATA), "--port", "0", *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    line = process.stdout.readline() if process.stdout else ""
    assert line.startswith("serving http://127.0.0.1:"), (line, process.stderr.read() if process.stderr else "")
    return Endpoint(line.split()[1], process)


def stop(endpoint: Endpoint) -> None:
    endpoint.process.terminate()
    assert endpoint.process.wait(timeout=10) == 0


@pytest.fixture(scope="module")
def endpoint() -> Iterator[Endpoint]:
    server = start("--time-limit", "2")
    yield server
    stop(server)


DEALS = "SELECT ?deal WHERE { ?deal a ckg:Deal } ORDER BY ?deal"
DEAL_IDS = ["bigcloud-labco-investment-2023", "fabco-gpuco-wafers-2024", "gpuco-labco-chip-supply-2025", "labco-memco-custom-chip-2026"]


def ids_from_json(body: bytes) -> list[str]:
    return [b["deal"]["value"].rsplit("/", 1)[1] for b in json.loads(body)["results"]["bindings"]]


def test_get_returns_w3c_json(endpoint: Endpoint) -> None:
    status, media, body = endpoint.request(query=DEALS)
    assert (status, media) == (200, "application/sparql-results+json")
    assert ids_from_json(body) == DEAL_IDS


def test_post_form_and_direct_body(endpoint: Endpoint) -> None:
    form = urllib.parse.urlencode({"query": DEALS}).encode()
    status, _, body = endpoint.request("POST", body=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and ids_from_json(body) == DEAL_IDS
    status, _, body = endpoint.request("POST", body=DEALS.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status == 200 and ids_from_json(body) == DEAL_IDS


@pytest.mark.parametrize(
    ("accept", "media", "first_line"),
    [
        ("text/csv", "text/csv; charset=utf-8", "deal"),
        ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8", "?deal"),
        ("application/sparql-results+xml", "application/sparql-results+xml", '<?xml version="1.0"?>'),
        ("text/csv;q=0.2, application/sparql-results+json", "application/sparql-results+json", '{"head": {"vars": ["deal"]}, "results": {"bindings": ['),
    ],
)
def test_content_negotiation(endpoint: Endpoint, accept: str, media: str, first_line: str) -> None:
    status, got_media, body = endpoint.request(query=DEALS, headers={"Accept": accept})
    assert (status, got_media) == (200, media)
    assert body.decode().splitlines()[0].startswith(first_line)
    assert "bigcloud-labco-investment-2023" in body.decode()


def test_construct_as_turtle_and_jsonld(endpoint: Endpoint) -> None:
    query = "CONSTRUCT { ?a ckg:investsIn ?b } WHERE { ?a ckg:investsIn ?b }"
    status, media, body = endpoint.request(query=query, headers={"Accept": "text/turtle"})
    assert (status, media) == (200, "text/turtle; charset=utf-8")
    assert "id:bigcloud ckg:investsIn id:labco ." in body.decode()
    status, media, body = endpoint.request(query=query, headers={"Accept": "application/ld+json"})
    assert media == "application/ld+json"
    assert json.loads(body)["@graph"][0] == {"@id": "id:bigcloud", "ckg:investsIn": [{"@id": "id:labco"}]}


def test_sparqlwrapper_client(endpoint: Endpoint) -> None:
    client = SPARQLWrapper(endpoint.url)
    client.setQuery("PREFIX ckg: <https://w3id.org/computekg/vocab#> " + DEALS)
    client.setReturnFormat(JSON)
    result = client.queryAndConvert()
    assert [b["deal"]["value"].rsplit("/", 1)[1] for b in result["results"]["bindings"]] == DEAL_IDS  # type: ignore[index]
    client.setQuery("ASK { <https://w3id.org/computekg/id/gpuco> <https://w3id.org/computekg/vocab#suppliesChipsTo> ?x }")
    assert client.queryAndConvert()["boolean"] is True  # type: ignore[index]
    client.setReturnFormat(CSV)
    client.setQuery("SELECT ?n WHERE { <https://w3id.org/computekg/id/fabco> <https://schema.org/name> ?n }")
    assert client.queryAndConvert().decode().splitlines() == ["n", "FabCo"]  # type: ignore[union-attr]
    client.setReturnFormat(TURTLE)
    client.setQuery("CONSTRUCT { ?s a ?c } WHERE { ?s a ?c ; <https://schema.org/name> \"FabCo\" }")
    assert "schema:Organization" in client.queryAndConvert().decode()  # type: ignore[union-attr]


def test_exports_download(endpoint: Endpoint) -> None:
    kg = computekg.load(FIXTURE_DATA)
    for extension in ("ttl", "nt", "jsonld"):
        with urllib.request.urlopen(endpoint.url.replace("/sparql", f"/download/computekg.{extension}")) as response:
            assert response.read() == kg.serialize(extension)


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ({"params": {"update": "DROP ALL"}, "method": "POST", "body": b"",
          "headers": {"Content-Type": "application/x-www-form-urlencoded"}}, "updates are refused"),
        ({"method": "POST", "body": b"INSERT DATA { <https://a> <https://b> <https://c> }",
          "headers": {"Content-Type": "application/sparql-update"}}, "updates are refused"),
        ({"query": "DELETE WHERE { ?s ?p ?o }"}, "DELETE is not allowed"),
        ({"query": "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }"}, "SERVICE is not allowed"),
        ({"query": "SELECT * FROM <https://example.org/g> WHERE { ?s ?p ?o }"}, "FROM is not allowed"),
        ({"query": "SELECT * FROM NAMED <https://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }"}, "FROM is not allowed"),
        ({"query": "LOAD <https://example.org/x.ttl>"}, "LOAD is not allowed"),
        ({"query": DEALS, "params": {"default-graph-uri": "https://example.org/g"}}, "default-graph-uri is not allowed"),
        ({"query": "SELEC nothing"}, "SPARQL syntax error"),
        ({}, "give exactly one query parameter"),
    ],
)
def test_abuse_is_refused_with_400(endpoint: Endpoint, how: dict[str, object], message: str) -> None:
    params = dict(how.get("params", {}))  # type: ignore[call-overload]
    if "query" in how and how.get("method", "GET") == "GET":
        params["query"] = how["query"]
    status, _, body = endpoint.request(
        method=str(how.get("method", "GET")), body=how.get("body"), headers=how.get("headers"), params=params  # type: ignore[arg-type]
    )
    assert status == 400
    assert message in body.decode()


def test_oversized_body_is_refused(endpoint: Endpoint) -> None:
    status, _, body = endpoint.request("POST", body=b"x" * 1_000_001, headers={"Content-Type": "application/sparql-query"})
    assert status == 413 and "over 1,000,000 bytes" in body.decode()


def test_runaway_query_is_stopped_and_the_server_recovers(endpoint: Endpoint) -> None:
    started = time.monotonic()
    status, _, body = endpoint.request(query="SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    elapsed = time.monotonic() - started
    assert status == 503
    assert "ran longer than 2 s and was stopped" in body.decode()
    assert elapsed < 6
    for _ in range(3):  # both workers, the replacement included, still answer
        status, _, body = endpoint.request(query=DEALS)
        assert status == 200 and ids_from_json(body) == DEAL_IDS


def test_row_limit() -> None:
    server = start("--row-limit", "3")
    try:
        status, _, body = server.request(query=DEALS)
        assert status == 400 and "more than 3 rows" in body.decode()
        status, _, body = server.request(query=DEALS + " LIMIT 3")
        assert status == 200 and ids_from_json(body) == DEAL_IDS[:3]
    finally:
        stop(server)


def test_many_simultaneous_clients_all_get_correct_answers(endpoint: Endpoint) -> None:
    kg = computekg.load(FIXTURE_DATA)
    queries = [
        DEALS,
        "SELECT ?org WHERE { ?org a schema:Organization } ORDER BY ?org",
        "SELECT ?c ?n WHERE { ?c a ckg:Product ; schema:name ?n } ORDER BY ?c",
        "SELECT ?a ?b WHERE { ?a ckg:inTalksWith ?b } ORDER BY ?a ?b",
    ]
    expected = {q: json.loads(kg.query_to(q, "json")) for q in queries}

    def ask(index: int) -> bool:
        query = queries[index % len(queries)]
        status, _, body = endpoint.request(query=query)
        return status == 200 and json.loads(body) == expected[query]

    with ThreadPoolExecutor(max_workers=32) as pool:
        answers = list(pool.map(ask, range(200)))
    assert answers.count(True) == 200


def test_a_client_still_sending_an_oversized_body_reads_the_refusal(endpoint: Endpoint) -> None:
    # A server that closes with the client's bytes unread resets the connection, and the client sees
    # "connection reset" instead of the 413; several megabytes are still in flight when it answers.
    for _ in range(3):
        status, _, body = endpoint.request("POST", body=b"x" * 5_000_000, headers={"Content-Type": "application/sparql-query"})
        assert status == 413 and "over 1,000,000 bytes" in body.decode()
