"""The `computekg` command: a thin layer that parses options and calls the library.

Exit status: 0 ok, 1 bad data or a failing query, 2 a usage error.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer
from rich.console import Console
from rich.table import Table

from .graph.coverage import coverage_markdown
from .graph.export import write_atomic, write_exports
from .graph.fmt import format_data, loadable_records
from .graph.kg import BUNDLED_DATA, KnowledgeGraph, load
from .graph.named import named_queries, run_named
from .graph.params import parse_param
from .graph.problems import LoadError, Problem
from .graph.sparql import GRAPH_FORMATS, RESULT_FORMATS, QueryError, QueryResult
from .graph.stats import compute_stats
from .schemas.jsonschema import SCHEMA_DIR, rendered_schemas
from .schemas.shacl import SHAPES_FILE, render_shapes
from .schemas.vocab import PREFIXES

app = typer.Typer(
    help="computekg: the open knowledge graph of AI compute. Validate the curated facts, build the graph, query it with SPARQL.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)
out = Console(highlight=False, soft_wrap=True)
if not out.is_terminal:
    out.width = 400  # piped output is read by programs and people with wide screens: do not cut cells
err = Console(stderr=True, highlight=False, soft_wrap=True)

DataArg = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads the annotation at run time
    typer.Argument(help="Data folder holding organizations/, chips/, facilities/, deals/. Default: the bundled data."),
]
DataOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--data", "-d", help="Data folder. Default: the bundled data."),
]


def _print_problems(problems: Iterable[Problem]) -> None:
    for problem in problems:
        err.print(str(problem), markup=False)


def _load(data: Path | None) -> KnowledgeGraph:
    try:
        return load(data)
    except LoadError as exc:
        _print_problems(exc.problems)
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
    site_dir: Annotated[Path, typer.Option("--site", "-s", help="Folder for the interactive pages.")] = Path("site"),
) -> None:
    """Build the graph: Turtle, N-Triples and JSON-LD exports, COVERAGE.md, and the site (same data, same bytes)."""
    kg = _load(data)
    for path in write_exports(kg, out_dir):
        out.print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    coverage_path = out_dir / "COVERAGE.md"
    write_atomic(coverage_path, coverage_markdown(kg).encode("utf-8"))
    out.print(f"wrote {coverage_path}")
    _write_site(kg, site_dir)


def _write_site(kg: KnowledgeGraph, site_dir: Path) -> None:
    from .graph.site import (
        build_site,  # pyvis and jinja load only for the commands that draw
    )

    pages = build_site(kg, site_dir)
    out.print(f"wrote {len(pages):,} pages to {site_dir}/: open {site_dir / 'index.html'} in a browser")


@app.command()
def pages(
    data: DataArg = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder for the site.")] = Path("site"),
) -> None:
    """Write only the interactive site: index with search, the whole graph, a page per record."""
    _write_site(_load(data), out_dir)


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
ENGINES = ("oxigraph", "rdflib")


def _print_result(result: QueryResult) -> None:
    if result.boolean is not None:
        out.print("true" if result.boolean else "false")
        return
    if result.triples:
        for triple in result.triples:
            out.print(" ".join(_short(t) for t in triple), markup=False)
        return
    table = Table(show_lines=False)
    for variable in result.variables:
        table.add_column(variable, overflow="fold")
    for row in result.rows:
        table.add_row(*(_short(v) for v in row))
    out.print(table)
    err.print(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}")


def _write(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


@app.command()
def query(
    query_text: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(metavar="[QUERY|FILE.rq]", help="SPARQL text, or a .rq file holding it (or use --name)."),
    ] = None,
    name: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--name", "-n", help="Run a named query (see `computekg queries`)."),
    ] = None,
    data: DataOption = None,
    param: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--param", "-p", help='Bind a variable: org=anthropic (a record id), name=\'"text"\', n=5, or iri=<https://...>.'),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"One of {', '.join(FORMATS)} (json/xml are the W3C SPARQL results formats).")
    ] = "table",
    engine: Annotated[
        str, typer.Option("--engine", "-e", help="oxigraph (fast, default) or rdflib (rdflib's memory store; table output only).")
    ] = "oxigraph",
) -> None:
    """Run a SPARQL query on the graph. The prefixes ckg:, id:, schema:, prov:, skos:, owl:, rdfs:, xsd:, wd: are predeclared."""
    if fmt not in FORMATS:
        _usage(f"unknown format '{fmt}': use one of {', '.join(FORMATS)}")
    if engine not in ENGINES:
        _usage(f"unknown engine '{engine}': use one of {', '.join(ENGINES)}")
    if engine != "oxigraph" and fmt != "table":
        _usage("the rdflib engine prints tables only: drop --format or use --engine oxigraph")
    if (query_text is None) == (name is None):
        _usage("give either a query (text or a .rq file) or --name NAME")
    kg = _load(data)
    try:
        if name is not None:
            values = dict(_split_param(p) for p in param or [])
            outcome = run_named(kg, name, None if fmt == "table" else fmt, engine, **values)
        else:
            text = _query_text(query_text or "")
            known = {r.id for r in kg.records()}
            bindings = dict(parse_param(p, known, kg.ids_named) for p in param or [])
            if fmt == "table":
                outcome = kg.query(text, engine=engine, **bindings)
            else:
                outcome = kg.query_to(text, fmt, **bindings)
    except QueryError as exc:
        err.print(f"[red]query error[/red]: {exc}", highlight=False)
        raise typer.Exit(1) from None
    if isinstance(outcome, bytes):
        _write(outcome)
    else:
        _print_result(outcome)


def _usage(message: str) -> NoReturn:
    err.print(message, markup=False)
    raise typer.Exit(2)


def _query_text(argument: str) -> str:
    if argument.strip() in named_queries():
        # A bare name would otherwise reach the SPARQL parser and fail with a syntax error.
        _usage(f"'{argument.strip()}' is a named query: run it with --name {argument.strip()}")
    if not argument.endswith(".rq"):
        return argument
    path = Path(argument)
    if not path.is_file():
        _usage(f"no query file {path}: give SPARQL text or the path of an existing .rq file")
    return path.read_text(encoding="utf-8")


def _split_param(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise QueryError(f"parameter '{text}' is not name=value: write e.g. --param org=anthropic")
    return key, value


@app.command()
def queries() -> None:
    """List the named queries with what they answer and the parameters they take."""
    table = Table("name", "parameters", "what it answers", show_lines=True)
    for named in named_queries().values():
        params = ", ".join(f"{p}=<{kind}>" for p, kind in named.params.items())
        table.add_row(named.name, params, named.description)
    out.print(table)


@app.command()
def stats(
    data: DataArg = None,
    coverage: Annotated[bool, typer.Option("--coverage", help="Print the coverage statement (COVERAGE.md) as Markdown.")] = False,
) -> None:
    """Counts: records by kind, deals by type, status and year, and the size of the graph."""
    kg = _load(data)
    if coverage:
        _write(coverage_markdown(kg).encode("utf-8"))
        return
    numbers = compute_stats(kg)
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
    """Rewrite every data file in the one canonical format (key order, quoting, dates); files that do not validate on their own are named and left alone."""
    folder = data or BUNDLED_DATA
    records, loaded = loadable_records(folder)
    if not folder.is_dir():
        # A file or a mistyped folder: there is nothing to format, and running fmt on it again would not help.
        _print_problems(loaded.problems)
        raise typer.Exit(1)
    result = format_data(records, folder, check_only=check)
    changed = result.not_canonical
    for path in changed:
        out.print(f"{'not canonical' if check else 'rewrote'}: {path}", markup=False)
    where = f" {data}" if data else ""
    failed = False
    if check and changed:
        err.print(f"{len(changed)} file(s) not in canonical form: run `computekg fmt{where}`", markup=False)
        failed = True
    else:
        out.print(f"{len(changed)} file(s) {'to rewrite' if check else 'rewritten'}")
    for path in result.edited_meanwhile:
        err.print(f"left as it is: {path} was saved while fmt ran", markup=False)
    if result.edited_meanwhile:
        err.print(f"{len(result.edited_meanwhile)} file(s) changed while fmt ran: run `computekg fmt{where}` again", markup=False)
        failed = True
    # A file that does not read or validate on its own has no canonical form yet: say why, touch nothing.
    _print_problems(loaded.problems)
    if loaded.problems:
        unreadable = len({problem.file for problem in loaded.problems})
        err.print(f"{unreadable} file(s) left as they are: fix the problems above, then run `computekg fmt{where}` again", markup=False)
        failed = True
    if failed:
        raise typer.Exit(1)


@app.command()
def schemas() -> None:
    """Regenerate the JSON Schemas of the data files and the SHACL shapes of the RDF from the models."""
    for name, text in rendered_schemas().items():
        write_atomic(SCHEMA_DIR / name, text.encode("utf-8"))
        out.print(f"wrote {SCHEMA_DIR / name}")
    write_atomic(SHAPES_FILE, render_shapes().encode("utf-8"))
    out.print(f"wrote {SHAPES_FILE}")


@app.command()
def serve(
    data: DataOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port; 0 picks a free one.")] = 8000,
    time_limit: Annotated[float, typer.Option(help="Seconds a query may run before it is stopped.")] = 10.0,
    row_limit: Annotated[int, typer.Option(help="Most rows (or triples) a result may have.")] = 10_000,
    verbose: Annotated[bool, typer.Option(help="Log every request.")] = False,
) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint at /sparql, with the exports at /download/."""
    from .graph.bounded import Limits
    from .graph.serve import EndpointServer

    kg = _load(data)
    server = EndpointServer(kg, host, port, Limits(seconds=time_limit, rows=row_limit), verbose=verbose)
    # A service manager stops us with SIGTERM: shut down as on Ctrl-C, so the workers go too.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    out.print(f"serving {server.url}", markup=False)
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@app.command()
def push(
    endpoint: Annotated[str, typer.Argument(help="The store's SPARQL 1.1 Graph Store endpoint, e.g. http://localhost:7878/store.")],
    data: DataOption = None,
    graph: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--graph", "-g", help="Named graph IRI to replace; the default graph when left out."),
    ] = None,
) -> None:
    """Load the graph into an external triple store, replacing that graph in one request."""
    from .graph.push import PushError
    from .graph.push import push as push_graph

    kg = _load(data)
    try:
        result = push_graph(kg, endpoint, graph)
    except PushError as exc:
        err.print(f"push failed: {exc}", markup=False)
        raise typer.Exit(1) from None
    out.print(f"pushed {result.triples:,} triples ({result.size:,} bytes) to {result.url}: HTTP {result.status}", markup=False)


def main() -> None:
    try:
        app()
    except OSError as exc:  # unwritable output folder, full disk, port in use: say what, not a traceback
        where = f" ({exc.filename})" if exc.filename else ""
        err.print(f"error: {exc.strerror or exc}{where}", markup=False)
        sys.exit(1)


if __name__ == "__main__":
    main()
