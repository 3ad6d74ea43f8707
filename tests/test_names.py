"""Records found by the names people use: ids, names and aliases, folded the same way everywhere."""

from __future__ import annotations

from pathlib import Path

import computekg
import pytest
from computekg.cli import app
from computekg.graph.named import run_named
from computekg.graph.names import (
    normalize_name,
    uncredited_sources,
    unnamed_by_pages,
)
from computekg.schemas.models import Deal
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


def _quoting(deal: Deal, quote: str) -> Deal:
    """The deal with `quote` on the first page of its first status change, and no other quote or headline naming a party."""
    first = deal.status_history[0]
    page = first.sources[0].model_copy(update={"quote": quote, "title": "A chip supply deal"})
    return deal.model_copy(update={"status_history": [first.model_copy(update={"sources": [page]})]})


@pytest.mark.parametrize(
    ("quote", "unnamed"),
    [
        ("GPUCo will ship X1 GPUs to LabCo.", []),
        ("GPUCo will ship X1 GPUs to LabCo AI's clusters.", []),  # an alias names LabCo
        ("GPUCo will ship X1 GPUs to a frontier lab.", ["labco"]),
        ("GPUCos will ship X1 GPUs to LabCorp.", ["gpuco", "labco"]),  # whole words only
        ("ＧＰＵＣｏ supplies ＬａｂＣｏ.", []),  # full-width letters fold to their plain forms
        ("GPUCoが向LabCo供货", []),  # a Latin name written against CJK text is still a whole word
        ("GPUCosが LabCo에 공급", ["gpuco"]),  # ...but not when it runs into more Latin letters
    ],
)
def test_parties_the_pages_do_not_name(quote: str, unnamed: list[str]) -> None:
    kg = computekg.load(FIXTURE_DATA)
    deal = _quoting(kg.deals["gpuco-labco-chip-supply-2025"], quote)
    assert list(unnamed_by_pages(deal, kg.organizations, kg.chips).parties) == unnamed


@pytest.mark.parametrize(("quote", "unnamed"), [("GPUCo ships to Lâbcö.", []), ("GPUCo ships to Lâbcörp.", ["labco"])])
def test_an_accented_latin_name_matches_whole_words_with_accents_folded(quote: str, unnamed: list[str]) -> None:
    kg = computekg.load(FIXTURE_DATA)
    labco = kg.organizations["labco"].model_copy(update={"aliases": ["Lâbcö"]})
    deal = _quoting(kg.deals["gpuco-labco-chip-supply-2025"], quote)
    assert list(unnamed_by_pages(deal, {**kg.organizations, "labco": labco}, kg.chips).parties) == unnamed


def test_a_name_in_a_script_written_without_spaces_is_found_inside_words() -> None:
    kg = computekg.load(FIXTURE_DATA)
    labco = kg.organizations["labco"].model_copy(update={"aliases": ["实验室公司"]})
    deal = _quoting(kg.deals["gpuco-labco-chip-supply-2025"], "GPUCo 向实验室公司供货")
    assert unnamed_by_pages(deal, {**kg.organizations, "labco": labco}, kg.chips).parties == ()


@pytest.mark.parametrize(("title_from_url", "unnamed"), [(False, []), (True, ["labco"])])
def test_a_seen_headline_names_a_party_but_a_title_made_from_the_address_does_not(
    title_from_url: bool, unnamed: list[str]
) -> None:
    kg = computekg.load(FIXTURE_DATA)
    deal = _quoting(kg.deals["gpuco-labco-chip-supply-2025"], "GPUCo will ship X1 GPUs to a frontier lab.")
    first = deal.status_history[0]
    page = first.sources[0].model_copy(update={"title": "GPUCo and LabCo sign a supply deal", "title_from_url": title_from_url})
    deal = deal.model_copy(update={"status_history": [first.model_copy(update={"sources": [page]})]})
    assert list(unnamed_by_pages(deal, kg.organizations, kg.chips).parties) == unnamed


@pytest.mark.parametrize(
    ("ours", "page_words", "uncredited"),
    [
        # An outlet our words credit must be named by a cited page: in its words, headline, publisher or address.
        ("Reuters reported, citing people familiar", ["Taranga News", "Baidu placed orders"], ["Reuters"]),
        ("Reuters reported, citing people familiar", ["The Star (Reuters)"], []),
        ("Bloomberg reported on 4 May", ["Bloomberg Technology reported a development"], []),
        ("per a Financial Times analysis", ["Forex News Report", "the deal barely limped"], ["Financial Times"]),
        # ...under any of its names: "the FT reported", an ft.com address.
        ("per a Financial Times analysis", ["On August 14, the FT reported"], []),
        ("per a Financial Times analysis", ["https://www.ft.com/content/abc"], []),
        ("as the WSJ reported", ["The Wall Street Journal reported"], []),
        ("as Ming-Chi Kuo wrote", ["https://medium.com/@mingchikuo/gb200-orders"], []),
        # Apostrophes of either kind, on either side, are the same word.
        ("as Tom’s Hardware retold", ["Menurut laporan Tom's Hardware"], []),
        # Our words are read as written: "the information" in a sentence credits no one.
        ("the information was scarce; The Information reported talks", ["information technology"], ["The Information"]),
        ("the information was scarce", [], []),
    ],
)
def test_an_outlet_our_words_credit_must_be_named_by_a_page(ours: str, page_words: list[str], uncredited: list[str]) -> None:
    assert uncredited_sources(ours, page_words) == uncredited


@pytest.mark.parametrize(
    ("quote", "alias", "unnamed"),
    [
        ("GPUCo will ship GPU X1 boards to LabCo.", None, []),
        ("GPUCo will ship its newest GPUs to LabCo.", None, ["gpu-x1"]),
        ("GPUCo will ship X1 boards to LabCo.", None, ["gpu-x1"]),  # "GPU" in "GPU X1" is not GPUCo's name
        ("GPUCo will ship X1 boards to LabCo.", "GPUCo X1", []),  # ...but a maker's model alone names its product
        ("GPUCo will ship X1s to LabCo.", "GPUCo X1", ["gpu-x1"]),  # whole words only
    ],
)
def test_products_no_page_names(quote: str, alias: str | None, unnamed: list[str]) -> None:
    kg = computekg.load(FIXTURE_DATA)
    chips = dict(kg.chips)
    if alias:  # the product named as its designer's "GPUCo X1", so the model alone is "X1"
        chips["gpu-x1"] = chips["gpu-x1"].model_copy(update={"name": alias})
    deal = _quoting(kg.deals["gpuco-labco-chip-supply-2025"], quote)
    assert list(unnamed_by_pages(deal, kg.organizations, chips).products) == unnamed
