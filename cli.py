"""The `computekg` command: a thin layer that parses options and calls the library.

Exit status: 0 ok, 1 bad data or a failing query, 2 a usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from .graph.export import write_atomic, write_exports
from .graph.fmt import format_data
from .graph.kg import BUNDLED_DATA, KnowledgeGraph, load
from .graph.params import parse_param
from .graph.problems import LoadError
from .graph.sparql import GRAPH_FORMATS, RESULT_FORMATS, QueryError
from .graph.stats import compute_stats
from .schemas.jsonschema import SCHEMA_DIR, rendered_schemas
from .schemas.vocab import PREFIXES

app = typer.Typer(
    help="computekg: the open knowledge graph of AI compute. Validate the curated facts, build the graph, query it with SPARQL.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DataArg = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads the annotation at run time
    typer.Argument(help="Data folder holding organizations/, chips/, facilities/, deals/. Default: the bundled data."),
]
DataOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--data", "-d", help="Data folder. Default: the bundled data."),
]


def _load(data: Path | None) -> KnowledgeGraph:
    try:
        return load(data)
    except LoadError as exc:
        for problem in exc.problems:
            err.print(str(problem), markup=False)
        count = len(exc.problems)
        err.print(f"[red]{count} problem{'s' if count != 1 else ''}[/red] in {data or BUNDLED_DATA}")
        raise typer.Exit(1) from None


@app.command()
def validate(data: DataArg = None) -> None:
    """Check every record: YAML, fields, references, dates and sources. Lists all problems with file and line."""
    kg = _load(data)
    counts = ", ".join(f"{len(kind)} {name}" for name, kind in (
        ("organizations", kg.organizations), ("chips", kg.chips), ("facilities", kg.facilities), ("deals", kg.deals)
    ))  # fmt: skip
    out.print(f"[green]ok[/green]: {counts}")


@app.command()
def build(
    data: DataArg = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder for the exports.")] = Path("out"),
) -> None:
    """Build the graph and write it as Turtle, N-Triples and JSON-LD (same data, same bytes)."""
    kg = _load(data)
    for path in write_exports(kg, out_dir):
        out.print(f"wrote {path} ({path.stat().st_size:,} bytes)")


def _short(term: object) -> str:
    """A term as a person reads it: prefixed IRIs, literal values without their datatype."""
    if term is None:
        return ""
    text = str(term)
    if type(term).__name__ == "URIRef":
        for prefix, namespace in PREFIXES.items():
            if text.startswith(namespace):
                return f"{prefix}:{text[len(namespace):]}"
    return text


FORMATS = ["table", *RESULT_FORMATS, *GRAPH_FORMATS]


@app.command()
def query(
    query_text: Annotated[str, typer.Argument(metavar="QUERY|FILE.rq", help="SPARQL text, or a .rq file holding it.")],
    data: DataOption = None,
    param: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--param", "-p", help='Bind a variable: org=anthropic (a record id), name=\'"text"\', n=5, or iri=<https://...>.'),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"One of {', '.join(FORMATS)} (json/xml are the W3C SPARQL results formats).")
    ] = "table",
) -> None:
    """Run a SPARQL query on the graph. The prefixes ckg:, id:, schema:, prov:, skos:, owl:, rdfs:, xsd:, wd: are predeclared."""
    if fmt not in FORMATS:
        err.print(f"unknown format '{fmt}': use one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    text = query_text
    if query_text.endswith(".rq"):
        path = Path(query_text)
        if not path.is_file():
            err.print(f"no query file {path}: give SPARQL text or the path of an existing .rq file")
            raise typer.Exit(2)
        text = path.read_text(encoding="utf-8")
    kg = _load(data)
    try:
        known = set(kg.organizations) | set(kg.chips) | set(kg.facilities) | set(kg.deals)
        bindings = dict(parse_param(p, known) for p in param or [])
        if fmt != "table":
            sys.stdout.buffer.write(kg.query_to(text, fmt, **bindings))
            sys.stdout.flush()
            return
        result = kg.query(text, **bindings)
    except QueryError as exc:
        err.print(f"[red]query error[/red]: {exc}", markup=True, highlight=False)
        raise typer.Exit(1) from None
    if result.boolean is not None:
        out.print("true" if result.boolean else "false")
        return
    if result.triples:
        for triple in result.triples:
            out.print(" ".join(_short(t) for t in triple), markup=False)
        return
    table = Table(*result.variables, show_lines=False)
    for row in result.rows:
        table.add_row(*(_short(v) for v in row))
    out.print(table)
    err.print(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}")


@app.command()
def stats(data: DataArg = None) -> None:
    """Counts: records by kind, deals by type, status and year, and the size of the graph."""
    numbers = compute_stats(_load(data))
    for title, counts in (
        ("records", numbers.records),
        ("deals by type", numbers.deals_by_type),
        ("deals by status", numbers.deals_by_status),
        ("deals by year first reported", numbers.deals_by_year),
        ("graph", {"triples": numbers.triples, "nodes": numbers.nodes, "edges": numbers.edges}),
    ):
        table = Table(title=title, title_justify="left")
        table.add_column("")
        table.add_column("count", justify="right")
        for name, count in counts.items():
            table.add_row(name, f"{count:,}")
        out.print(table)


@app.command()
def fmt(
    data: DataArg = None,
    check: Annotated[bool, typer.Option("--check", help="Only list files that are not canonical; exit 1 if any.")] = False,
) -> None:
    """Rewrite every data file in the one canonical format (key order, quoting, dates)."""
    folder = data or BUNDLED_DATA
    changed = format_data(_load(folder), folder, check_only=check)
    for path in changed:
        out.print(f"{'not canonical' if check else 'rewrote'}: {path}", markup=False)
    if check and changed:
        where = f" {data}" if data else ""
        err.print(f"{len(changed)} file(s) not in canonical form: run `computekg fmt{where}`", markup=False)
        raise typer.Exit(1)
    out.print(f"{len(changed)} file(s) {'to rewrite' if check else 'rewritten'}")


@app.command()
def schemas() -> None:
    """Regenerate the JSON Schemas of the data files (schemas/*.schema.json) from the models."""
    for name, text in rendered_schemas().items():
        write_atomic(SCHEMA_DIR / name, text.encode("utf-8"))
        out.print(f"wrote {SCHEMA_DIR / name}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
