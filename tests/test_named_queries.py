"""Each named query gives its exact answer on the fixture data, on Oxigraph and on rdflib alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import computekg
import pytest
from computekg.graph.named import named_queries, run_named
from computekg.graph.sparql import QueryResult

ID = "https://w3id.org/computekg/id/"
VOCAB = "https://w3id.org/computekg/vocab#"


def short(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    for prefix in (ID, VOCAB):
        if text.startswith(prefix):
            return text[len(prefix) :].split(".", 1)[-1] if prefix == VOCAB else text[len(prefix) :]
    return text


def rows(result: QueryResult) -> list[tuple[str | None, ...]]:
    return [tuple(short(v) for v in row) for row in result]


GPU = "gpuco-labco-chip-supply-2025"
EXPECTED: dict[str, tuple[dict[str, str], list[tuple[str | None, ...]]]] = {
    "deals-of": ({"org": "labco"}, [
        ("labco", "labco-memco-custom-chip-2026", "custom_silicon", "in_talks", "2026-07-02", "memco", "manufacturer",
         "https://wire.example.org/labco-memco"),
        ("labco", GPU, "chip_supply", "signed", "2025-11-18", "gpuco", "supplier",
         None),  # two sources: checked separately below, as their order in GROUP_CONCAT is not defined
        ("labco", "bigcloud-labco-investment-2023", "investment", "completed", "2024-03-27", "bigcloud", "investor", None),
    ]),
    "counterparties": ({"org": "labco"}, [
        ("labco", "bigcloud", "1", "investment"), ("labco", "gpuco", "1", "chip_supply"), ("labco", "memco", "1", "custom_silicon"),
    ]),
    "supply-chain-of": ({"org": "labco"}, [
        ("labco", "cloud-asic", "designer", "bigcloud-chips"), ("labco", "cloud-asic", "foundry", "fabco"),
        ("labco", "gpu-x1", "designer", "gpuco"), ("labco", "gpu-x1", "foundry", "fabco"), ("labco", "gpu-x1", "memory", "memco"),
    ]),
    "dependents-of": ({"supplier": "memco"}, [("memco", "labco", "gpu-x1")]),
    "deals-by-year": ({}, [
        ("2023", "investment", "completed", "1"), ("2024", "foundry_manufacturing", "cancelled", "1"),
        ("2025", "chip_supply", "signed", "1"), ("2026", "custom_silicon", "in_talks", "1"),
    ]),
    "commitments-per-lab": ({}, [("labco", "gw", "1", "1"), ("labco", "usd", "19000000000", "2")]),
    "unconfirmed": ({}, [("labco-memco-custom-chip-2026", "in_talks", "2026-07-02", "Example Wire", "https://wire.example.org/labco-memco")]),
    "chips-by-node": ({}, [
        (None, None, None, "memco-hbm9", "memco", "in_production"),
        ("fabco", None, None, "cloud-asic", "bigcloud-chips", "shipping"),
        ("fabco", "4", "4nm", "gpu-x1", "gpuco", "shipping"),
    ]),
    "facilities": ({}, [("campus-one", "bigcloud", "US", "Indiana", "operational", "2.2", "gw", "cloud-asic", "500000")]),
    "deal-history": ({"deal": GPU}, [
        (GPU, "2025-01", "rumored", "report_citing_anonymous_sources", "Example Wire", "GPUCo and LabCo said to near deal",
         "https://wire.example.org/gpuco-labco-rumor"),
        (GPU, "2025-11-18", "signed", "press_release", "Example News", "GPUCo and LabCo sign GPU X1 supply deal", "https://news.example.org/gpuco-labco"),
    ]),
    "common-counterparties": ({"a": "labco", "b": "fabco"}, [("labco", "fabco", "gpuco")]),
    "profile": ({"org": "bigcloud"}, [
        ("bigcloud", "BigCloud", None, "BC", "US", None, "http://www.wikidata.org/entity/Q1", "https://bigcloud.example.org"),
    ]),
    "group-of": ({"org": "bigcloud"}, [("bigcloud", "bigcloud-chips", "bigcloud")]),
    "chips-by-spec": ({"spec": "memory_gb"}, [("memory_gb", "gpu-x1", "80", "GB", "gpuco", "shipping")]),
    "chips-of": ({"org": "gpuco"}, [("gpuco", "gpu-x1", "GPU X1", "gpu", "fabco", "4nm", "4", "memco-hbm9", "shipping", "2024-03")]),
    "investors-in": ({"org": "labco"}, [("labco", "bigcloud", "bigcloud-labco-investment-2023", "completed", "4000000000", "up_to", "2023-09-25")]),
    "ended-deals": ({}, [("fabco-gpuco-wafers-2024", "foundry_manufacturing", "cancelled", "2024", "2026-02")]),
    # The completed investment and the cancelled wafer deal are not open; the two that are come oldest first.
    "quiet-deals": ({}, [
        (GPU, "chip_supply", "signed", "2025-11-18"), ("labco-memco-custom-chip-2026", "custom_silicon", "in_talks", "2026-07-02"),
    ]),
    "sources-of": ({"record": "campus-one"}, [("campus-one", "https://news.example.org/campus-one", "Example News", "2025-06-24", "news_report")]),
    "weakly-sourced": ({}, [
        ("bigcloud-labco-investment-2023", "completed", "1", "press_release"),
        ("fabco-gpuco-wafers-2024", "cancelled", "1", "digest"),
        (GPU, "signed", "1", "press_release"),
        ("labco-memco-custom-chip-2026", "in_talks", "1", "report_citing_anonymous_sources"),
    ]),
    "unchecked": ({}, [
        ("deal", "bigcloud-labco-investment-2023", "BigCloud invests in LabCo"),
        ("deal", "fabco-gpuco-wafers-2024", "FabCo makes X1 for GPUCo"),
        ("deal", "labco-memco-custom-chip-2026", "LabCo in talks with MemCo on a custom chip"),
        ("facility", "campus-one", "Campus One"),
        ("product", "cloud-asic", "Cloud ASIC 2"),
        ("product", "gpu-x1", "GPU X1"),
        ("product", "memco-hbm9", "MemCo HBM9"),
    ]),
    "memory-suppliers": ({}, [("memco-hbm9", "memco", "gpu-x1", "gpuco")]),
    "deals-in-year": ({"year": "2025"}, [(GPU, "chip_supply", "signed", "2025-01", None)]),
    # A range counts at its top; the 1 GW is the deal's power.
    "largest-deals": ({"year": "2025"}, [(GPU, "15000000000", "1", "chip_supply", "signed", None, None)]),
    "foundry-customers": ({"foundry": "fabco"}, [
        ("fabco", "bigcloud-chips", "cloud-asic", None, None),
        ("fabco", "gpuco", "gpu-x1", None, None),
        ("fabco", "gpuco", "gpu-x1", "fabco-gpuco-wafers-2024", "cancelled"),
    ]),
    "sites-of": ({"org": "labco"}, [("labco", "campus-one", "tenant", "operational", "US", "Indiana")]),
    "stakes": ({"org": "labco"}, [
        ("labco", "bigcloud", "labco", "20", None, None, "approximately", None, "bigcloud-labco-investment-2023", "completed",
         "2024-03-27", "BigCloud's stake in LabCo once the investment closes."),
    ]),
    # The fixture lends nothing; test_loans_name_borrower_lenders_principal_and_rate adds a loan.
    "loans": ({}, []),
}
# Columns whose text is an unordered list (GROUP_CONCAT): compared as sets.
LIST_COLUMNS = {("deals-of", 7), ("profile", 2), ("deals-in-year", 4), ("largest-deals", 6)}
LISTS = {
    ("deals-of", GPU): {"https://wire.example.org/gpuco-labco-rumor", "https://news.example.org/gpuco-labco"},
    ("deals-of", "bigcloud-labco-investment-2023"): {"https://news.example.org/bigcloud-labco", "https://news.example.org/bigcloud-labco-done"},
    ("profile", "bigcloud"): {"cloud", "chip_designer", "investor"},
    ("deals-in-year", GPU): {"gpuco", "labco"},
    ("largest-deals", GPU): {"gpuco", "labco"},
}


def test_every_named_query_is_covered_and_there_are_at_least_twenty() -> None:
    assert set(EXPECTED) == set(named_queries())
    assert len(named_queries()) >= 20
    for query in named_queries().values():
        assert len(query.description) > 30, query.name


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_named_query_answer(kg: computekg.KnowledgeGraph, name: str, engine: str) -> None:
    params, expected = EXPECTED[name]
    result = run_named(kg, name, engine=engine, **params)
    assert isinstance(result, QueryResult)
    got = rows(result)
    list_columns = [i for q, i in LIST_COLUMNS if q == name]
    for column in list_columns:
        for index, row in enumerate(got):
            key = next((v for v in row if (name, v) in LISTS), None)
            if key is not None:
                assert set(str(row[column]).split(", " if name != "deals-of" else " ")) == LISTS[(name, key)]
                got[index] = row[:column] + (None,) + row[column + 1 :]
    assert got == expected


def test_named_queries_agree_between_engines_on_the_raw_terms(kg: computekg.KnowledgeGraph) -> None:
    for name, (params, _) in EXPECTED.items():
        if any(q == name for q, _ in LIST_COLUMNS):
            continue
        ox_rows = run_named(kg, name, **params).rows  # type: ignore[union-attr]
        rdflib_rows = run_named(kg, name, engine="rdflib", **params).rows  # type: ignore[union-attr]
        assert [tuple(map(str, r)) for r in ox_rows] == [tuple(map(str, r)) for r in rdflib_rows], name


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("deals-of", {"org": "labc"}, "parameter org of deals-of: 'labc' is not the id, name or alias of a known organization (did you mean labco"),
        ("deals-of", {"org": "gpu-x1"}, "'gpu-x1' is not the id, name or alias of a known organization"),
        # A chip's name names no organization, so it cannot stand in for one.
        ("deals-of", {"org": "GPU X1"}, "'GPU X1' is not the id, name or alias of a known organization"),
        ("deals-of", {}, "deals-of needs --param org=<organization>"),
        ("deals-of", {"org": "labco", "year": "2025"}, "unknown parameter 'year' for deals-of: it takes org"),
        ("deals-in-year", {"year": "25"}, "parameter year of deals-in-year is a year: write it as four digits"),
        ("deal-of", {}, "no named query 'deal-of' (did you mean deals-of"),
        # A spec no product states would answer nothing, which reads like "no chip has it": it is refused by name.
        ("chips-by-spec", {"spec": "memory_tb"}, "parameter spec of chips-by-spec: no product states a spec 'memory_tb' (did you mean memory_gb?)"),
    ],
)
def test_named_query_parameter_errors(kg: computekg.KnowledgeGraph, name: str, params: dict[str, str], message: str) -> None:
    with pytest.raises(computekg.QueryError) as caught:
        run_named(kg, name, **params)
    assert message in str(caught.value)


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_weakly_sourced_lists_a_status_resting_only_on_digests(data_copy, engine: str) -> None:
    wafers = data_copy / "deals" / "fabco-gpuco-wafers-2024.yaml"
    second_page = (
        "  - url: https://digest.example.org/fabco-gpuco\n    publisher: Digest Site\n"
        "    title: FabCo and GPUCo part ways\n    date: '2026-02-11'\n    kind: KIND\n"
    )
    text = wafers.read_text(encoding="utf-8")
    # FabCo's cancellation now has two pages: both digests, then one digest and one report.
    wafers.write_text(text + second_page.replace("KIND", "digest"), encoding="utf-8")
    both_digests = rows(run_named(computekg.load(data_copy), "weakly-sourced", engine=engine))
    assert ("fabco-gpuco-wafers-2024", "cancelled", "2", "digest") in both_digests
    wafers.write_text(text + second_page.replace("KIND", "news_report"), encoding="utf-8")
    with_a_report = rows(run_named(computekg.load(data_copy), "weakly-sourced", engine=engine))
    assert [row for row in with_a_report if row[0] == "fabco-gpuco-wafers-2024"] == []


INVESTMENT = "bigcloud-labco-investment-2023.yaml"


def add_figures(data: Path, figures: str) -> None:
    """Give LabCo's investment from BigCloud more quantities, ahead of its status history."""
    path = data / "deals" / INVESTMENT
    path.write_text(path.read_text(encoding="utf-8").replace("status_history:", figures + "status_history:", 1), encoding="utf-8")


def add_first_tranche(data: Path) -> str:
    """Record a $1bn first tranche of LabCo's investment as its own deal, part of it; return the investment's text."""
    investment = (data / "deals" / INVESTMENT).read_text(encoding="utf-8")
    tranche = investment.replace("value: 4000000000\n  qualifier: up_to", "value: 1000000000") + "part_of: bigcloud-labco-investment-2023\n"
    (data / "deals" / "bigcloud-labco-first-tranche-2023.yaml").write_text(tranche, encoding="utf-8")
    return investment


# Figures of the fixture investment (up to $4bn) beside its amount: a price per share, a yearly rate,
# the valuation it implies, the amount worded bare, and a first tranche.
FIGURES_BESIDE_THE_AMOUNT = (
    "- unit: usd\n  value: 12.5\n  per: share\n- unit: usd\n  value: 9000000000\n  per: year\n"
    "- unit: usd\n  value: 30000000000\n  measure: valuation\n- unit: usd\n  value: 4000000000\n"
    "- unit: usd\n  value: 1000000000\n"
)


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_money_answers_count_each_deal_once_at_its_amount(data_copy, engine: str) -> None:
    # A deal's figures beside its amount (its price per share, a yearly rate, the valuation it implies)
    # and its other entries (another wording of the amount, a first tranche) are no money to add: summing
    # them would misstate how much was invested or committed.
    add_figures(data_copy, FIGURES_BESIDE_THE_AMOUNT)
    kg = computekg.load(data_copy)
    quantities = kg.deals["bigcloud-labco-investment-2023"].quantities
    assert {(str(q.per), str(q.measure)) for q in quantities} == {("total", "amount"), ("share", "amount"), ("year", "amount"), ("total", "valuation")}
    for name in ("investors-in", "commitments-per-lab"):
        params, expected = EXPECTED[name]
        got = rows(run_named(kg, name, engine=engine, **params))
        if name == "investors-in":  # one row for the deal: its largest amount, with both its wordings
            assert [row[:5] + row[6:] for row in got] == [expected[0][:5] + expected[0][6:]], got
            assert set(str(got[0][5]).split(" ")) == {"up_to", "exactly"}
        else:
            assert got == expected, name


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_a_part_is_counted_in_its_whole(data_copy, engine: str) -> None:
    # A first tranche recorded as its own deal, part of LabCo's investment from BigCloud: the lab's
    # commitments count the whole once, not the whole and its part.
    add_first_tranche(data_copy)
    kg = computekg.load(data_copy)
    assert kg.query("ASK { id:bigcloud-labco-investment-2023 ckg:hasPart id:bigcloud-labco-first-tranche-2023 }").boolean
    params, expected = EXPECTED["commitments-per-lab"]
    assert rows(run_named(kg, "commitments-per-lab", engine=engine, **params)) == expected


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_largest_deals_come_largest_first_and_a_part_names_its_whole(data_copy, engine: str) -> None:
    add_first_tranche(data_copy)
    got = rows(run_named(computekg.load(data_copy), "largest-deals", engine=engine, year="2023"))
    assert [row[:6] for row in got] == [
        ("bigcloud-labco-investment-2023", "4000000000", None, "investment", "completed", None),
        ("bigcloud-labco-first-tranche-2023", "1000000000", None, "investment", "completed", "bigcloud-labco-investment-2023"),
    ]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_chips_by_spec_come_largest_first(data_copy, engine: str) -> None:
    asic = data_copy / "chips" / "cloud-asic.yaml"
    asic.write_text(asic.read_text(encoding="utf-8") + "specs:\n- name: memory_gb\n  value: 64\n  unit: GB\n", encoding="utf-8")
    got = rows(run_named(computekg.load(data_copy), "chips-by-spec", engine=engine, spec="memory_gb"))
    assert [row[1:4] for row in got] == [("gpu-x1", "80", "GB"), ("cloud-asic", "64", "GB")]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize(
    "uncounted_whole",
    [
        ("status: completed\n  date: '2024-03-27'", "status: cancelled\n  date: '2024-03-27'"),  # the whole ended
        ("  value: 4000000000\n  qualifier: up_to\n", "  value: 4000000000\n  measure: valuation\n"),  # no amount of its own
    ],
    ids=["cancelled", "no-amount"],
)
def test_a_part_counts_when_its_whole_does_not(data_copy, engine: str, uncounted_whole: tuple[str, str]) -> None:
    # Skipping a part is right only while its whole is summed in the same unit; a part of a
    # cancelled or unpriced whole is money in its own right.
    path = data_copy / "deals" / INVESTMENT
    investment = add_first_tranche(data_copy)
    assert uncounted_whole[0] in investment
    path.write_text(investment.replace(*uncounted_whole), encoding="utf-8")
    got = rows(run_named(computekg.load(data_copy), "commitments-per-lab", engine=engine))
    # 19bn over two deals before: the 4bn whole gives way to its 1bn part.
    assert got == [("labco", "gw", "1", "1"), ("labco", "usd", "16000000000", "2")]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_an_investment_without_a_usd_amount_leaves_amount_and_wording_unbound(data_copy, engine: str) -> None:
    # With only a valuation, the round has no amount: an empty wording would read as a known one.
    path = data_copy / "deals" / INVESTMENT
    path.write_text(path.read_text(encoding="utf-8").replace("  qualifier: up_to\n", "  measure: valuation\n"), encoding="utf-8")
    got = rows(run_named(computekg.load(data_copy), "investors-in", engine=engine, org="labco"))
    assert got == [("labco", "bigcloud", "bigcloud-labco-investment-2023", "completed", None, None, "2023-09-25")]


@pytest.mark.parametrize(
    ("figures", "amount"),
    [
        (FIGURES_BESIDE_THE_AMOUNT, 4e9),
        ("- unit: usd\n  min: 2000000000\n  max: 5000000000\n", 5e9),  # a range counts at its top
        ("- unit: eur\n  value: 9000000000\n", 4e9),  # another currency is no USD amount
    ],
    ids=["other-figures", "range", "other-currency"],
)
def test_the_pages_and_investors_in_take_the_same_amount_of_a_deal(data_copy, figures: str, amount: float) -> None:
    # "A deal's amount is its largest USD total" is Deal.usd_amount: the pages size a deal's edge by it
    # and the RDF carries it as ckg:usdAmount for investors-in, loans and commitments-per-lab.
    add_figures(data_copy, figures)
    kg = computekg.load(data_copy)
    (row,) = {row[:5] for row in rows(run_named(kg, "investors-in", org="labco"))}
    assert float(row[4]) == kg.deals["bigcloud-labco-investment-2023"].usd_amount == amount
    (usd_total,) = [row[2] for row in rows(run_named(kg, "commitments-per-lab")) if row[1] == "usd"]
    assert float(usd_total) == amount + kg.deals[GPU].usd_amount


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
@pytest.mark.parametrize(
    ("figures", "gw_total"),
    [
        ("- unit: mw\n  value: 750\n", "1.75"),  # power written in MW counts in the GW total
        ("- unit: gw\n  value: 1.2\n- unit: mw\n  value: 1500\n", "2.5"),  # the larger of the two wordings
        ("- unit: mw\n  min: 200\n  max: 300\n- unit: mw\n  value: 50\n  per: year\n", "1.3"),  # a range at its top; a rate is no total
    ],
    ids=["mw", "gw-and-mw", "range-and-rate"],
)
def test_a_labs_power_adds_up_in_gigawatts_whatever_unit_a_deal_writes(data_copy, engine: str, figures: str, gw_total: str) -> None:
    # The fixture's chip deal is 1 GW; LabCo's investment gains power figures. Before ckg:powerGw the
    # query summed only figures written in GW, so a lab's 750 MW deal was left out of its total.
    add_figures(data_copy, figures)
    kg = computekg.load(data_copy)
    got = rows(run_named(kg, "commitments-per-lab", engine=engine))
    assert got == [("labco", "gw", gw_total, "2"), ("labco", "usd", "19000000000", "2")]
    assert kg.query("ASK { id:gpuco-labco-chip-supply-2025 ckg:powerGw 1.0 }").boolean


def test_the_pages_and_investors_in_agree_a_deal_without_a_usd_amount_has_none(data_copy) -> None:
    path = data_copy / "deals" / INVESTMENT
    path.write_text(path.read_text(encoding="utf-8").replace("  qualifier: up_to\n", "  measure: valuation\n"), encoding="utf-8")
    kg = computekg.load(data_copy)
    assert [row[4] for row in rows(run_named(kg, "investors-in", org="labco"))] == [None]
    assert kg.deals["bigcloud-labco-investment-2023"].usd_amount is None


LOAN = """name: BigCloud and GPUCo lend to FabCo
deal_type: investment
parties:
- org: fabco
  role: borrower
- org: bigcloud
  role: lender
- org: gpuco
  role: lender
- org: labco
  role: guarantor
quantities:
- unit: usd
  min: 1000000000
  max: 2500000000
- unit: percent
  value: 6.5
  per: year
  measure: interest_rate
- unit: percent
  value: 20
status_history:
- status: signed
  date: '2025-06-10'
  sources:
  - url: https://news.example.org/fabco-loan
    publisher: Example News
    title: FabCo borrows from BigCloud and GPUCo
    date: '2025-06-10'
    kind: press_release
"""


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_loans_name_borrower_lenders_principal_and_rate(data_copy, engine: str) -> None:
    # One row per lender; the principal is the range's top; the rate is the interest_rate figure, not
    # the 20% stake beside it; the guarantor is no lender.
    (data_copy / "deals" / "fabco-loan-2025.yaml").write_text(LOAN, encoding="utf-8")
    got = rows(run_named(computekg.load(data_copy), "loans", engine=engine))
    assert got == [
        ("fabco-loan-2025", "fabco", "bigcloud", "2500000000", "6.5", "signed", "2025-06-10"),
        ("fabco-loan-2025", "fabco", "gpuco", "2500000000", "6.5", "signed", "2025-06-10"),
    ]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_stakes_list_a_joint_stake_under_each_holder_and_its_company(data_copy, engine: str) -> None:
    # GPUCo joins the round and holds 10-15% of LabCo together with BigCloud: asked of GPUCo or of LabCo,
    # the answer names both holders; BigCloud's own 20% is no stake of GPUCo's.
    path = data_copy / "deals" / INVESTMENT
    text = path.read_text(encoding="utf-8").replace("- org: labco\n", "- org: gpuco\n  role: investor\n- org: labco\n", 1)
    path.write_text(text, encoding="utf-8")
    add_figures(data_copy, "- unit: percent\n  min: 10\n  max: 15\n  holders:\n  - bigcloud\n  - gpuco\n  stake_in: labco\n")
    kg = computekg.load(data_copy)

    def answer(org: str) -> list[tuple[str | None, ...]]:
        got = rows(run_named(kg, "stakes", engine=engine, org=org))
        return [row[:7] + (frozenset(row[7].split()) if row[7] else None,) + row[8:11] for row in got]

    joint = (None, "labco", None, "10", "15", "exactly", frozenset({"bigcloud", "gpuco"}), INVESTMENT[:-5], "completed", "2024-03-27")
    assert answer("gpuco") == [("gpuco", "gpuco", *joint[1:])]
    labco = answer("labco")
    assert len(labco) == 3 and set(labco) == {
        ("labco", "bigcloud", "labco", "20", None, None, "approximately", None, INVESTMENT[:-5], "completed", "2024-03-27"),
        ("labco", "bigcloud", *joint[1:]),
        ("labco", "gpuco", *joint[1:]),
    }
