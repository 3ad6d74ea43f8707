"""`computekg push` into a real Oxigraph server (PyPI's oxigraph), then the named queries against it."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import computekg
import pytest
from computekg.cli import app
from computekg.graph.named import check_value, get_named_query
from computekg.graph.sparql import bind, prologue
from helpers import FIXTURE_DATA
from test_named_queries import EXPECTED
from typer.testing import CliRunner

runner = CliRunner(env={"COLUMNS": "200"})
OXIGRAPH = shutil.which("oxigraph")
pytestmark = pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server (pip install oxigraph) is not installed")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen(
        [str(OXIGRAPH), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail(f"oxigraph server did not start: {process.stderr.read() if process.stderr else ''}")
    yield base
    process.terminate()
    process.wait(timeout=10)


def remote_query(base: str, text: str) -> dict[str, object]:
    data = urllib.parse.urlencode({"query": prologue() + text}).encode()
    request = urllib.request.Request(base + "/query", data=data, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def normalized(results: dict[str, object]) -> list[tuple[tuple[str, object], ...]]:
    """Rows as comparable tuples; space- and comma-joined lists (GROUP_CONCAT) as sets."""
    rows = []
    for binding in results["results"]["bindings"]:  # type: ignore[index]
        row = []
        for name, term in sorted(binding.items()):
            value = term["value"]
            row.append((name, frozenset(value.replace(",", " ").split()) if " " in value else value))
        rows.append(tuple(row))
    return sorted(rows, key=repr)


def test_push_replaces_the_named_graph_and_every_named_query_answers_the_same(server: str, data_copy: Path) -> None:
    kg = computekg.load(FIXTURE_DATA)
    graph = "https://w3id.org/computekg/graph"
    (data_copy / "organizations" / "stale-org.yaml").write_text("name: Stale Org\nroles:\n- investor\ncountry: US\n")
    for data in (data_copy, FIXTURE_DATA):  # the second push must replace the first, not add to it
        result = runner.invoke(app, ["push", f"{server}/store", "--data", str(data), "--graph", graph])
        assert result.exit_code == 0, result.output
        assert f"to {server}/store?graph=https%3A%2F%2Fw3id.org%2Fcomputekg%2Fgraph: HTTP" in result.stdout
    stale = remote_query(server, "SELECT ?s WHERE { ?s schema:name \"Stale Org\" }")
    assert stale["results"]["bindings"] == []  # type: ignore[index]
    count = remote_query(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert int(count["results"]["bindings"][0]["n"]["value"]) == len(kg.triples)  # type: ignore[index]
    for name, (params, _) in EXPECTED.items():
        query = get_named_query(name)
        bound = bind(query.text, {p: check_value(kg, query, p, v) for p, v in params.items()})
        local = json.loads(kg.query_to(bound, "json"))
        assert normalized(remote_query(server, bound)) == normalized(local), name


def test_push_to_an_unreachable_store_is_a_clear_error() -> None:
    result = runner.invoke(app, ["push", f"http://127.0.0.1:{free_port()}/store", "--data", str(FIXTURE_DATA)])
    assert result.exit_code == 1
    assert "push failed: cannot reach http://127.0.0.1:" in result.stderr
    assert "Traceback" not in result.output


def test_push_needs_an_http_address(tmp_path: Path) -> None:
    result = runner.invoke(app, ["push", "localhost:7878/store", "--data", str(FIXTURE_DATA)])
    assert result.exit_code == 1
    assert "is not an http(s) address of a graph store endpoint" in result.stderr
