"""Records found by the names people use: ids, names and aliases, folded the same way everywhere."""

from __future__ import annotations

from pathlib import Path

import computekg
import pytest
from computekg.cli import app
from computekg.graph.named import run_named
from computekg.graph.names import normalize_name
from helpers import FIXTURE_DATA
from typer.testing import CliRunner

runner = CliRunner()


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Amazon Web Services", "amazonwebservices"),
        ("A.W.S.", "aws"),
        ("ＡＷＳ", "aws"),  # full-width letters, as typed with a CJK input method
        ("Nestlé", "nestle"),
        ("SK hynix", "skhynix"),
        ("sk-hynix", "skhynix"),
        ("寒武纪", "寒武纪"),  # other scripts keep their letters instead of folding to nothing
        ("Яндекс", "яндекс"),
    ],
)
def test_normalize_name_folds_case_accents_and_punctuation_in_any_script(name: str, folded: str) -> None:
    assert normalize_name(name) == folded


def test_names_in_different_scripts_stay_distinct() -> None:
    assert normalize_name("寒武纪") != normalize_name("海光信息") != ""


def test_ids_named_finds_a_record_by_id_name_or_alias(kg: computekg.KnowledgeGraph) -> None:
    assert kg.ids_named("LabCo AI") == ("labco",)
    assert kg.ids_named("labco ai") == ("labco",)
    assert kg.ids_named("LabCo") == ("labco",)
    assert kg.ids_named("labco") == ("labco",)
    assert kg.ids_named("BC") == ("bigcloud",)
    assert kg.ids_named("GPU X1") == ("gpu-x1",)
    assert kg.ids_named("Nobody Inc") == ()


def test_named_query_takes_an_alias_for_an_organization(kg: computekg.KnowledgeGraph) -> None:
    by_id = run_named(kg, "deals-of", org="labco")
    by_alias = run_named(kg, "deals-of", org="LabCo AI")
    assert by_alias.rows == by_id.rows  # type: ignore[union-attr]
    deals = {str(row["deal"]).rsplit("/", 1)[1] for row in by_alias.dicts()}  # type: ignore[union-attr]
    assert deals == {"bigcloud-labco-investment-2023", "gpuco-labco-chip-supply-2025", "labco-memco-custom-chip-2026"}


def test_a_shared_name_is_refused_with_every_id_it_names(data_copy: Path) -> None:
    chips_org = data_copy / "organizations" / "bigcloud-chips.yaml"
    text = chips_org.read_text(encoding="utf-8")
    chips_org.write_text(text.replace("name: BigCloud Chips\n", "name: BigCloud Chips\naliases:\n- Big Cloud\n"), encoding="utf-8")
    kg = computekg.load(data_copy)
    assert kg.ids_named("bigcloud") == ("bigcloud", "bigcloud-chips")
    # The id itself is never ambiguous: it is taken as given.
    assert run_named(kg, "deals-of", org="bigcloud").rows  # type: ignore[union-attr]
    with pytest.raises(computekg.QueryError) as caught:
        run_named(kg, "deals-of", org="Big Cloud")
    assert "'Big Cloud' names 2 records (bigcloud, bigcloud-chips): give the id of the one you mean" in str(caught.value)


def query_csv(*args: str) -> str:
    result = runner.invoke(app, ["query", *args, "-d", str(FIXTURE_DATA), "-f", "csv"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_command_line_parameters_take_names_in_named_and_written_queries() -> None:
    by_alias = query_csv("--name", "deals-of", "-p", "org=LabCo AI")
    assert by_alias == query_csv("--name", "deals-of", "-p", "org=labco")
    assert "bigcloud-labco-investment-2023" in by_alias
    written = query_csv("SELECT ?n WHERE { ?org schema:name ?n }", "-p", "org=LabCo AI")
    assert written.splitlines() == ["n", "LabCo"]
