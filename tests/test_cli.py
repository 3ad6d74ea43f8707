"""The command line: exit codes 0/1/2, every output format, and clear errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import computekg
import pytest
from computekg.cli import app
from computekg.graph import fmt as fmt_module
from helpers import FIXTURE_DATA
from typer.testing import CliRunner

runner = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"})
DATA = str(FIXTURE_DATA)
PARTNERS = "SELECT ?deal ?org WHERE { ?deal ckg:hasParty ?org } ORDER BY ?deal"


def test_validate_ok() -> None:
    result = runner.invoke(app, ["validate", DATA])
    assert result.exit_code == 0
    assert result.stdout.strip() == "ok: 6 organizations, 3 chips, 1 facilities, 4 deals"


def test_validate_bad_data_lists_problems_and_exits_1(data_copy: Path) -> None:
    (data_copy / "organizations/labco.yaml").write_text("name: LabCo\nroles:\n- ai_lab\nname: X\ncountry: US\n")
    result = runner.invoke(app, ["validate", str(data_copy)])
    assert result.exit_code == 1
    assert "data/organizations/labco.yaml:4: duplicate key 'name' (first on line 1): keep one of them" in result.stderr
    assert "1 problem in" in result.stderr
    assert "Traceback" not in result.output


def test_query_table() -> None:
    result = runner.invoke(app, ["query", PARTNERS, "--data", DATA, "--param", "org=labco"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if "id:" in line]
    assert [line.split()[1] for line in lines] == [
        "id:bigcloud-labco-investment-2023",
        "id:gpuco-labco-chip-supply-2025",
        "id:labco-memco-custom-chip-2026",
    ]
    assert "3 rows" in result.stderr


def test_query_json_is_w3c_results() -> None:
    result = runner.invoke(app, ["query", PARTNERS, "-d", DATA, "-p", "org=labco", "--format", "json"])
    assert result.exit_code == 0
    parsed = json.loads(result.stdout)
    assert parsed["head"]["vars"] == ["deal", "org"]
    assert parsed["results"]["bindings"][0] == {
        "deal": {"type": "uri", "value": "https://w3id.org/computekg/id/bigcloud-labco-investment-2023"},
        "org": {"type": "uri", "value": "https://w3id.org/computekg/id/labco"},
    }


def test_query_csv_and_tsv() -> None:
    as_csv = runner.invoke(app, ["query", PARTNERS, "-d", DATA, "-p", "org=labco", "-f", "csv"])
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert rows[0] == ["deal", "org"] and len(rows) == 4
    assert rows[2] == ["https://w3id.org/computekg/id/gpuco-labco-chip-supply-2025", "https://w3id.org/computekg/id/labco"]
    as_tsv = runner.invoke(app, ["query", PARTNERS, "-d", DATA, "-p", "org=labco", "-f", "tsv"])
    lines = as_tsv.stdout.splitlines()
    assert lines[0] == "?deal\t?org"
    assert lines[1] == "<https://w3id.org/computekg/id/bigcloud-labco-investment-2023>\t<https://w3id.org/computekg/id/labco>"


def test_query_xml() -> None:
    result = runner.invoke(app, ["query", PARTNERS, "-d", DATA, "-p", "org=labco", "-f", "xml"])
    root = ElementTree.fromstring(result.stdout)
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert len(root.findall(".//r:result", ns)) == 3


def test_query_from_file_with_literal_and_number_params(tmp_path: Path) -> None:
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?org WHERE { ?org schema:name ?name ; ckg:country ?c }\n")
    result = runner.invoke(app, ["query", str(query), "-d", DATA, "-p", 'name="FabCo"', "-f", "csv"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["org", "https://w3id.org/computekg/id/fabco"]


def test_construct_as_turtle() -> None:
    result = runner.invoke(app, ["query", "CONSTRUCT { ?a ckg:investsIn ?b } WHERE { ?a ckg:investsIn ?b }", "-d", DATA, "-f", "ttl"])
    assert result.exit_code == 0
    assert "id:bigcloud ckg:investsIn id:labco ." in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["query", PARTNERS, "-d", DATA, "-p", "org=labc"], 1, "parameter org: 'labc' is not the id, name or alias of a known record (did you mean labco"),
        (["query", PARTNERS, "-d", DATA, "-p", "orglabco"], 1, "parameter 'orglabco' is not name=value"),
        (["query", PARTNERS, "-d", DATA, "-p", "who=labco"], 1, "unknown parameter 'who': the query has no ?who"),
        (["query", "SELEC ?x", "-d", DATA], 1, "SPARQL syntax error"),
        (["query", PARTNERS, "-d", DATA, "-f", "yaml"], 2, "unknown format 'yaml'"),
        (["query", "missing.rq", "-d", DATA], 2, "no query file missing.rq"),
        (["query", "deals-of", "-d", DATA], 2, "'deals-of' is a named query: run it with --name deals-of"),
        (["query", PARTNERS, "-d", DATA, "-f", "ttl"], 1, "a SELECT or ASK result is a table"),
        (["frobnicate"], 2, "No such command"),
    ],
)
def test_errors_have_exit_codes_and_messages(args: list[str], code: int, message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output


def test_build_writes_deterministic_exports(tmp_path: Path) -> None:
    for run in ("a", "b"):
        result = runner.invoke(app, ["build", DATA, "--out", str(tmp_path / run), "--site", str(tmp_path / f"site-{run}")])
        assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == ["COVERAGE.md", "computekg.jsonld", "computekg.nt", "computekg.ttl"]
    # The exports are written in pieces; each file is the whole serialization, nothing more.
    kg = computekg.load(Path(DATA))
    for extension in ("jsonld", "nt", "ttl"):
        assert (tmp_path / "a" / f"computekg.{extension}").read_bytes() == kg.serialize(extension)
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    pages = sorted(p.relative_to(tmp_path / "site-a") for p in (tmp_path / "site-a").rglob("*") if p.is_file())
    assert len(pages) == 1 + 1 + 6 + 4 + 3 + 1 + 5  # index, graph, orgs, deals, chips, facility, assets
    for page in pages:
        assert (tmp_path / "site-a" / page).read_bytes() == (tmp_path / "site-b" / page).read_bytes(), page
    assert (tmp_path / "a" / "computekg.ttl").read_text().startswith("@prefix")


def test_stats_counts() -> None:
    result = runner.invoke(app, ["stats", DATA])
    assert result.exit_code == 0
    text = result.stdout
    for label, count in [("organizations", 6), ("chips", 3), ("facilities", 1), ("deals", 4), ("chip_supply", 1), ("cancelled", 1)]:
        assert any(label in line and line.rstrip(" │").endswith(str(count)) for line in text.splitlines()), label


def test_fmt_check_and_rewrite(data_copy: Path) -> None:
    path = data_copy / "organizations/fabco.yaml"
    path.write_text("country: TW\nroles: [foundry]\nname: \"FabCo\"\n")
    check = runner.invoke(app, ["fmt", str(data_copy), "--check"])
    assert check.exit_code == 1
    assert f"not canonical: {path}" in check.stdout
    assert "run `computekg fmt" in check.stderr
    fixed = runner.invoke(app, ["fmt", str(data_copy)])
    assert fixed.exit_code == 0
    assert path.read_text() == (
        "# yaml-language-server: $schema=../../schemas/organization.schema.json\nname: FabCo\nroles:\n- foundry\ncountry: TW\n"
    )
    assert runner.invoke(app, ["fmt", str(data_copy), "--check"]).exit_code == 0


def test_fmt_formats_files_whose_problems_lie_between_records(data_copy: Path) -> None:
    # A party with no record breaks validate, not the file's own canonical form.
    deal = data_copy / "deals/fabco-gpuco-wafers-2024.yaml"
    deal.write_text(deal.read_text().replace("- org: gpuco\n", "- org: nosuchco\n").replace("deal_type:", "deal_type:  "))
    messy = data_copy / "organizations/fabco.yaml"
    messy.write_text("country: TW\nroles: [foundry]\nname: \"FabCo\"\n")
    assert runner.invoke(app, ["validate", str(data_copy)]).exit_code == 1
    result = runner.invoke(app, ["fmt", str(data_copy)])
    assert result.exit_code == 0, result.stderr
    assert f"rewrote: {deal}" in result.stdout and f"rewrote: {messy}" in result.stdout
    assert "deal_type: foundry_manufacturing\n" in deal.read_text() and "- org: nosuchco\n" in deal.read_text()
    assert messy.read_text().endswith("name: FabCo\nroles:\n- foundry\ncountry: TW\n")


def test_fmt_names_a_file_it_cannot_read_and_formats_the_rest(data_copy: Path) -> None:
    broken = data_copy / "organizations/memco.yaml"
    broken_text = "name: MemCo\nroles: [memory_supplier]\ncountry: KR\nfounded: 1983\n"
    broken.write_text(broken_text)
    messy = data_copy / "organizations/fabco.yaml"
    messy.write_text("country: TW\nroles: [foundry]\nname: \"FabCo\"\n")
    result = runner.invoke(app, ["fmt", str(data_copy)])
    assert result.exit_code == 1
    assert "organizations/memco.yaml:4: unknown field 'founded': remove it or correct its spelling" in result.stderr
    assert f"1 file(s) left as they are: fix the problems above, then run `computekg fmt {data_copy}` again" in result.stderr
    assert "Traceback" not in result.output
    assert broken.read_text() == broken_text
    assert f"rewrote: {messy}" in result.stdout and messy.read_text().endswith("name: FabCo\nroles:\n- foundry\ncountry: TW\n")
    check = runner.invoke(app, ["fmt", str(data_copy), "--check"])
    assert check.exit_code == 1 and "memco.yaml:4" in check.stderr and "0 file(s) to rewrite" in check.stdout


def test_fmt_given_a_file_asks_for_the_folder(data_copy: Path) -> None:
    # fmt formats a whole folder; told to run itself again on the same file, a user would loop.
    record = data_copy / "organizations/fabco.yaml"
    before = record.read_text()
    result = runner.invoke(app, ["fmt", str(record)])
    assert result.exit_code == 1
    assert f"{record}: no such data folder: give the folder that holds organizations/, chips/, ..." in result.stderr
    assert "again" not in result.stderr and "rewritten" not in result.stdout
    assert record.read_text() == before


def test_fmt_leaves_a_file_saved_while_it_ran(data_copy: Path) -> None:
    # fmt loads every file before it rewrites any: an edit saved in between must survive.
    messy = data_copy / "organizations/fabco.yaml"
    messy.write_text("country: TW\nroles: [foundry]\nname: \"FabCo\"\n")
    kg = computekg.load(data_copy)
    edited = "roles: [foundry]\nname: FabCo Foundry\ncountry: TW\n"
    messy.write_text(edited)
    result = fmt_module.format_data(kg.records(), data_copy)
    assert result.edited_meanwhile == [messy] and result.not_canonical == []
    assert messy.read_text() == edited
    rerun = runner.invoke(app, ["fmt", str(data_copy)])
    assert rerun.exit_code == 0 and f"rewrote: {messy}" in rerun.stdout
    assert "name: FabCo Foundry\n" in messy.read_text()


def test_fmt_reports_files_saved_while_it_ran(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    messy = data_copy / "organizations/fabco.yaml"
    messy.write_text("country: TW\nroles: [foundry]\nname: \"FabCo\"\n")
    monkeypatch.setattr(fmt_module, "_still_as_loaded", lambda path, record: False)
    result = runner.invoke(app, ["fmt", str(data_copy)])
    assert result.exit_code == 1
    assert f"left as it is: {messy} was saved while fmt ran" in result.stderr
    assert f"run `computekg fmt {data_copy}` again" in result.stderr
    assert messy.read_text().startswith("country: TW")


def test_help_lists_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("validate", "build", "query", "stats", "fmt", "schemas"):
        assert command in result.stdout


def test_named_query_from_the_command_line() -> None:
    result = runner.invoke(app, ["query", "--name", "investors-in", "-p", "org=labco", "-d", DATA, "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["org", "investor", "deal", "status", "usd", "qualifier", "date"]
    assert rows[1][1:3] == ["https://w3id.org/computekg/id/bigcloud", "https://w3id.org/computekg/id/bigcloud-labco-investment-2023"]


def test_named_query_bad_value_exits_1() -> None:
    result = runner.invoke(app, ["query", "--name", "investors-in", "-p", "org=gpu-x1", "-d", DATA])
    assert result.exit_code == 1
    assert "parameter org of investors-in: 'gpu-x1' is not the id, name or alias of a known organization" in result.stderr


def test_queries_lists_names_descriptions_and_parameters() -> None:
    result = runner.invoke(app, ["queries"])
    assert result.exit_code == 0
    assert "deal-history" in result.stdout and "deal=<deal>" in result.stdout
    assert "Rumours and talks not yet confirmed" in result.stdout


def test_rdflib_engine_gives_the_same_table() -> None:
    fast = runner.invoke(app, ["query", PARTNERS, "-d", DATA, "-p", "org=labco"])
    reference = runner.invoke(app, ["query", PARTNERS, "-d", DATA, "-p", "org=labco", "--engine", "rdflib"])
    assert reference.exit_code == 0, reference.output
    assert reference.stdout == fast.stdout


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }", "SERVICE is not allowed"),
        ("SELECT * FROM <https://example.org/g> WHERE { ?s ?p ?o }", "FROM is not allowed"),
        ("LOAD <https://example.org/data.ttl>", "LOAD is not allowed"),
        ("DELETE WHERE { ?s ?p ?o }", "DELETE is not allowed: the graph is read-only"),
        ("DROP ALL", "DROP is not allowed"),
    ],
)
@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_queries_never_fetch_or_modify(query: str, message: str, engine: str) -> None:
    result = runner.invoke(app, ["query", query, "-d", DATA, "--engine", engine])
    assert result.exit_code == 1
    assert message in result.stderr


def test_keywords_inside_strings_and_names_are_not_refused() -> None:
    result = runner.invoke(app, ["query", 'SELECT ?from WHERE { BIND("SERVICE FROM LOAD" AS ?from) }', "-d", DATA, "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["from", "SERVICE FROM LOAD"]


def test_coverage_statement() -> None:
    result = runner.invoke(app, ["stats", DATA, "--coverage"])
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("# Coverage\n")
    assert "| deals | 4 |" in text
    assert "Deals with at least one primary source (press release, filing, company blog, official statement): 3 of 4 (75%)." in text
    assert "Deals resting only on reports that cite anonymous sources: 1." in text
    # Status changes backed by a release: LabCo investment (2), FabCo announcement, GPUCo signing; the
    # other eight (Campus One's power, four unsourced figures, two anonymous reports, a digest) are not.
    assert "- Claims (status changes and figures) citing a primary source: 4 of 12 (33%)." in text
    # FabCo–GPUCo's cancellation is known only from a digest; LabCo–MemCo rests on a report, not a digest.
    assert "- Deals with a figure or status change resting only on digests (pages summarising others' reporting): 1." in text
    # The fixture's pages carry no quotes, but their headlines name seven of the eight parties; FabCo is
    # named only by "Fabco gpuco end", a title made from an address, which is not the page's words.
    assert "- Deal parties that no quote or headline of their deal names (their part rests on the summary, a note or a product's maker): 1 of 8 (12%)." in text
    # GPU X1 is named by the supply deal's headline; the wafer deal's pages say only "the X1".
    assert ("- Products a deal concerns that no quote or headline of the deal names, by name, alias or model (the link "
            "rests on the summary or a note): 1 of 2 (50%).") in text
    # Only the LabCo–MemCo talks cite one page throughout; the others cite two or three.
    assert "- Deals whose every claim rests on a single cited page: 1 of 4 (25%)." in text
    assert "Deals with no disclosed figure (money, power, chips): 2 of 4 (50%)." in text
    assert "- Deals whose every claim a second reader checked against the cited pages: 1 of 4 (25%)." in text
    assert "- Chips whose every claim a second reader checked against the cited pages: 0 of 3 (0%)." in text
    assert "- Cited pages whose headline was not seen, so their title is the words of the address: 1 of 11." in text
    assert "Countries with a single organization in the graph: IL, KR, TW." in text
    # Two deals are still open (GPUCo-LabCo signed 2025-11-18, LabCo-MemCo in talks on the newest date).
    assert (
        "- Open deals (rumoured, in talks, announced or signed) with no status change reported in the year "
        "before the newest one in the data (2026-07-02): 0 of 2; later steps may have gone unreported."
    ) in text
    # Eleven distinct pages, each counted once under its kind, in the vocabulary's order.
    kinds = text.split("### Cited pages by kind of source\n")[1].split("\n\n")[0].strip().splitlines()[2:]
    assert kinds == [
        "| press_release | 4 |",
        "| company_blog | 1 |",
        "| news_report | 3 |",
        "| report_citing_anonymous_sources | 2 |",
        "| digest | 1 |",
    ]


def test_build_writes_coverage(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", DATA, "--out", str(tmp_path), "--site", str(tmp_path / "site")])
    assert result.exit_code == 0
    assert (tmp_path / "COVERAGE.md").read_text().startswith("# Coverage\n")


def test_unwritable_output_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    run = subprocess.run(
        [sys.executable, "-m", "computekg.cli", "build", DATA, "--out", str(blocker / "out"), "--site", str(tmp_path / "site")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 1
    assert run.stderr.startswith("error: Not a directory")
    assert "Traceback" not in run.stderr
