"""Pipeline benchmark on synthetic data: YAML -> pydantic -> checks -> Oxigraph -> exports -> SPARQL.

    python3 tests/benchmarks/bench_pipeline.py 10000      # records (a fifth organizations, a fifth chips, the rest deals)

Not collected by pytest (file name): run it by hand; the numbers go in the issue notes.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import computekg
from computekg.graph.check import check
from computekg.graph.export import write_atomic
from computekg.graph.load import collector_paused, load_records
from computekg.graph.rdf import serialize_pieces

T = TypeVar("T")

ORG = """name: Org {i}
aliases:
- O{i}
roles:
- ai_lab
- investor
country: US
"""
CHIP = """name: Chip {i}
product_kind: accelerator
designer: org-{d}
foundry: org-{f}
process_node: 3nm
announced: '2024-03'
status: shipping
sources:
- url: https://news.example.org/chip-{i}
  publisher: Example News
  title: Chip {i} launched
  date: '2024-03-18'
  kind: press_release
"""
DEAL = """name: Deal {i}
deal_type: chip_supply
parties:
- org: org-{a}
  role: supplier
- org: org-{b}
  role: customer
products:
- chip-{c}
quantities:
- unit: usd
  value: {usd}
  qualifier: up_to
{figures}status_history:
- status: rumored
  date: '2024-0{m}'
  sources:
  - url: https://wire.example.org/rumor-{i}
    publisher: Example Wire
    title: Deal {i} said to be near
    date: '2024-0{m}-02'
    kind: report_citing_anonymous_sources
- status: signed
  date: '2025-0{m}-15'
  sources:
  - url: https://news.example.org/deal-{i}
    publisher: Example News
    title: Deal {i} signed
    date: '2025-0{m}-15'
    kind: press_release
"""


def generate(root: Path, total: int) -> None:
    orgs, chips = total // 5, total // 5
    for kind in ("organizations", "chips", "facilities", "deals"):
        (root / kind).mkdir(parents=True)
    for i in range(orgs):
        (root / "organizations" / f"org-{i}.yaml").write_text(ORG.format(i=i))
    for i in range(chips):
        (root / "chips" / f"chip-{i}.yaml").write_text(CHIP.format(i=i, d=i % orgs, f=(i * 7) % orgs))
    for i in range(total - orgs - chips):
        # About a quarter of the curated deals state power (in MW or GW), which adds a figure and ckg:powerGw.
        figures = f"- unit: mw\n  value: {50 + i % 950}\n" if i % 4 == 0 else ""
        # About one in twelve name an equity stake, held by the customer in the supplier.
        if i % 12 == 0:
            figures += f"- unit: percent\n  value: {1 + i % 49}\n  holders:\n  - org-{(i * 13 + 1) % orgs}\n  stake_in: org-{i % orgs}\n"
        text = DEAL.format(i=i, a=i % orgs, b=(i * 13 + 1) % orgs, c=i % chips, usd=(i + 1) * 1_000_000, m=1 + i % 9, figures=figures)
        (root / "deals" / f"deal-{i}.yaml").write_text(text)


def paused(step: Callable[..., T], *args: object) -> T:
    with collector_paused():
        return step(*args)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, step: Callable[[], T]) -> T:
    start = time.perf_counter()
    value = step()
    # The running peak after each step shows which one sets the pipeline's memory high-water mark.
    print(f"{label:<34} {time.perf_counter() - start:8.2f} s   peak so far {peak_mb():8,.0f} MB")
    return value


def main(total: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "data"
        timed(f"generate {total:,} files", lambda: generate(root, total))
        loaded = timed("YAML + pydantic", lambda: load_records(root))
        assert not loaded.problems, loaded.problems[:3]
        problems = timed("cross-record checks", lambda: paused(check, loaded))
        assert not problems, problems[:3]
        kg = computekg.KnowledgeGraph(loaded.records)
        ntriples = timed("RDF as sorted N-Triples", lambda: kg.ntriples)
        store = timed("Oxigraph bulk load", lambda: kg.store)
        # Written to files as `computekg build` writes them, so no export is held after its step.
        exports = Path(folder) / "out"
        turtle = exports / "computekg.ttl"
        timed("Turtle, written", lambda: write_atomic(turtle, serialize_pieces(ntriples, "ttl")))
        timed("JSON-LD, written", lambda: write_atomic(exports / "computekg.jsonld", serialize_pieces(ntriples, "jsonld")))
        rows = timed(
            "SPARQL: suppliers by customer count",
            lambda: list(store.query(
                "PREFIX ckg: <https://w3id.org/computekg/vocab#> "
                "SELECT ?s (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s ckg:suppliesChipsTo ?c } GROUP BY ?s ORDER BY DESC(?n) LIMIT 10"
            )),
        )
        graph = timed("networkx view", lambda: kg.nx)
        peak = peak_mb()
        count = ntriples.count(b"\n")
        print(f"{count:,} triples, {turtle.stat().st_size:,} bytes of Turtle, {len(rows)} rows, "
              f"{graph.number_of_edges():,} edges; peak memory {peak:,.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
