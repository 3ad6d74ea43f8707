"""The claims of the seed story are in the data with the status their sources support,
the README's first command answers on the bundled data in every format, and every query
the README shows answers on it."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
from pathlib import Path

import computekg
import pytest
from computekg.cli import app
from computekg.schemas.enums import DealStatus, DealType, SourceKind
from typer.testing import CliRunner

KG = computekg.load()
README = Path(__file__).resolve().parents[2] / "README.md"
runner = CliRunner(env={"COLUMNS": "250", "NO_COLOR": "1"})


def deals_between(a: str, b: str, deal_type: DealType | None = None) -> list[computekg.Deal]:
    return [
        d for d in KG.deals.values()
        if {a, b} <= {p.org for p in d.parties} and (deal_type is None or d.deal_type == deal_type)
    ]  # fmt: skip


def test_anthropic_samsung_custom_chip_talks_are_in_talks_on_anonymous_sources() -> None:
    deal = KG.deals["anthropic-samsung-custom-chip-2026"]
    assert deal.deal_type == DealType.custom_silicon
    assert {(p.org, p.role.value) for p in deal.parties} == {("anthropic", "customer"), ("samsung-electronics", "manufacturer")}
    assert deal.status == DealStatus.in_talks
    assert deal.status_history[0].date == "2026-07-02"
    assert all(s.kind == SourceKind.report_citing_anonymous_sources for e in deal.status_history for s in e.sources)


@pytest.mark.parametrize("supplier", ["google", "amazon", "nvidia"])
def test_anthropic_compute_from_google_amazon_and_nvidia(supplier: str) -> None:
    """'a diversified hardware stack that includes chips from Google, Amazon, and Nvidia'."""
    kg_ids = {supplier, *(o.id for o in KG.organizations.values() if o.parent == supplier)}
    assert any(deals_between("anthropic", org) for org in kg_ids), f"no deal between anthropic and {supplier}"


def test_openai_broadcom_custom_chip() -> None:
    """The 2025 collaboration was announced by both companies; earlier reports may stay rumours."""
    deals = deals_between("openai", "broadcom", DealType.custom_silicon)
    assert any(d.status not in (DealStatus.rumored, DealStatus.in_talks) for d in deals)
    assert "Jalapeño" in KG.chips["openai-jalapeno"].name or "Jalapeno" in KG.chips["openai-jalapeno"].name


def test_samsung_supplies_hbm_to_nvidia_and_builds_an_ai_factory_with_it() -> None:
    types = {d.deal_type for d in deals_between("samsung-electronics", "nvidia")}
    assert DealType.memory_supply in types
    assert any("factory" in d.name.lower() for d in deals_between("samsung-electronics", "nvidia"))


def test_samsung_talks_with_google_on_chip_manufacturing() -> None:
    orgs = {"samsung-electronics", "samsung-foundry"}
    assert any(deals_between(org, "google") for org in orgs)


def readme_main_command() -> list[str]:
    text = README.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("python3 -m pip install -e . &&"))
    query = line.split("&& computekg query ", 1)[1]
    return shlex.split(query)


def test_readme_query_answers_in_table_form() -> None:
    result = runner.invoke(app, ["query", *readme_main_command()])
    assert result.exit_code == 0, result.output
    assert "id:anthropic-samsung-custom-chip-2026" in result.stdout
    assert "ckg:DealStatus.in_talks" in result.stdout


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
def test_readme_query_answers_in_every_format(fmt: str) -> None:
    result = runner.invoke(app, ["query", *readme_main_command(), "--format", fmt])
    assert result.exit_code == 0, result.output
    anthropic_deals = {d.id for d in KG.deals.values() if "anthropic" in {p.org for p in d.parties}}
    if fmt == "json":
        bindings = json.loads(result.stdout)["results"]["bindings"]
        found = {b["deal"]["value"].rsplit("/", 1)[1] for b in bindings}
    elif fmt == "csv":
        found = {row[0].rsplit("/", 1)[1] for row in list(csv.reader(io.StringIO(result.stdout)))[1:]}
    else:
        found = {re.sub(r"^<.*/|>$", "", line.split("\t")[0]) for line in result.stdout.splitlines()[1:]}
    assert found == anthropic_deals


def readme_query_examples() -> list[list[str]]:
    """The arguments of every `computekg query` in the README's shell blocks, as a shell would split them."""
    commands: list[list[str]] = []
    for block in re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL):
        pending = ""
        for line in block.splitlines():
            # A command goes on while a quote is open or a line ends in a backslash, as in a shell.
            pending = f"{pending}\n{line}" if pending else line
            if pending.endswith("\\"):
                pending = pending[:-1]
                continue
            try:
                commands.append(shlex.split(pending, comments=True))
            except ValueError:
                continue
            pending = ""
    return [c[2:] for c in commands if c[:2] == ["computekg", "query"]]


def test_the_readme_shows_queries_to_run() -> None:
    assert len(readme_query_examples()) >= 10


# An empty review queue is a good answer, not a broken example.
MAY_BE_EMPTY = {"unchecked"}


@pytest.mark.parametrize("arguments", readme_query_examples(), ids=lambda a: " ".join(a)[:60])
def test_every_readme_query_answers_on_the_bundled_data(arguments: list[str]) -> None:
    # A query the README offers must run as written and find something, or the reader's first try fails.
    given_format = arguments[arguments.index("--format") + 1] if "--format" in arguments else None
    result = runner.invoke(app, ["query", *arguments, *([] if given_format else ["--format", "csv"])])
    assert result.exit_code == 0, result.output
    if given_format == "json":
        rows = json.loads(result.stdout)["results"]["bindings"]
    else:
        assert given_format in (None, "csv"), given_format
        rows = list(csv.reader(io.StringIO(result.stdout)))[1:]
    assert rows or MAY_BE_EMPTY & set(arguments), f"no rows for: computekg query {shlex.join(arguments)}"
