"""Every kind of bad input gives one exact message with its file and line, all in one run."""

from __future__ import annotations

from pathlib import Path

import computekg
import pytest
from computekg.graph import problems as problems_module
from computekg.graph.problems import Origin
from helpers import problems_of

LAB = "organizations/labco.yaml"
DEAL = "deals/bigcloud-labco-investment-2023.yaml"
GPU_DEAL = "deals/gpuco-labco-chip-supply-2025.yaml"


def write(data: Path, name: str, text: str) -> None:
    (data / name).write_text(text, encoding="utf-8")


def replace(data: Path, name: str, old: str, new: str) -> None:
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture {name} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


ORG_CASES = {
    "malformed": (
        "name: LabCo\nroles: [ai_lab\ncountry: US\n",
        "data/organizations/labco.yaml:3: malformed YAML: did not find expected ',' or ']'",
    ),
    "duplicate key": (
        "name: LabCo\nroles:\n- ai_lab\ncountry: US\nname: Other\n",
        "data/organizations/labco.yaml:5: duplicate key 'name' (first on line 1): keep one of them",
    ),
    "anchor": (
        "name: &n LabCo\naliases:\n- *n\nroles:\n- ai_lab\ncountry: US\n",
        "data/organizations/labco.yaml:1: anchor '&n' is not allowed: anchors and aliases hide repeated data; write it out",
    ),
    "custom tag": (
        "name: !!python/name:os.system LabCo\nroles:\n- ai_lab\ncountry: US\n",
        ("data/organizations/labco.yaml:1: tag 'tag:yaml.org,2002:python/name:os.system' is not allowed: "
         "write a plain value (quote it if it must stay text)"),
    ),
    "unknown field": (
        "name: LabCo\nroles:\n- ai_lab\ncountry: US\nceo: Somebody\n",
        ("data/organizations/labco.yaml:5: unknown field 'ceo': remove it or correct its spelling "
         "(see schemas/organization.schema.json)"),
    ),
    "missing field": (
        "name: LabCo\nroles:\n- ai_lab\n",
        "data/organizations/labco.yaml:1: missing required field 'country': add it",
    ),
    "wrong enum": (
        "name: LabCo\nroles:\n- ai_lab\n- chip_maker\ncountry: US\n",
        ("data/organizations/labco.yaml:4: roles[1]: 'chip_maker' is not allowed: use one of 'ai_lab', 'chip_designer', "
         "'design_services', 'foundry', 'memory_supplier', 'packaging', 'equipment_supplier', 'server_maker', "
         "'networking', 'cloud', 'neocloud', 'datacenter_operator', 'datacenter_developer', 'energy_supplier', "
         "'investor', 'bank', 'government', 'electronics_maker' or 'software'"),
    ),
    "wrong type": (
        "name:\n  first: Lab\nroles:\n- ai_lab\ncountry: US\n",
        "data/organizations/labco.yaml:1: name: Input should be a valid string",
    ),
    "bad country": (
        "name: LabCo\nroles:\n- ai_lab\ncountry: USA\n",
        "data/organizations/labco.yaml:4: country: 'USA' is not an ISO 3166-1 alpha-2 country code: use e.g. US, KR, TW, CN",
    ),
    "http website": (
        "name: LabCo\nroles:\n- ai_lab\ncountry: US\nwebsite: http://labco.example.org\n",
        ("data/organizations/labco.yaml:5: website: 'http://labco.example.org' is not an https address: "
         "give the full https:// address of the page"),
    ),
    "id in file": (
        "id: labco\nname: LabCo\nroles:\n- ai_lab\ncountry: US\n",
        "data/organizations/labco.yaml:1: remove 'id': a record's id is its file name",
    ),
    "unsourced description": (
        "name: LabCo\nroles:\n- ai_lab\ncountry: US\ndescription: US AI lab.\n",
        "data/organizations/labco.yaml:5: description: cite the page that states it under 'sources', or leave it out",
    ),
    "list instead of mapping": (
        "- name: LabCo\n",
        "data/organizations/labco.yaml:1: the file must hold one record: a mapping of fields, not a list or a single value",
    ),
}


@pytest.mark.parametrize("case", sorted(ORG_CASES))
def test_bad_organization_file(data_copy: Path, case: str) -> None:
    text, expected = ORG_CASES[case]
    write(data_copy, LAB, text)
    assert problems_of(data_copy) == [expected]


def test_id_that_is_not_a_slug(data_copy: Path) -> None:
    (data_copy / LAB).rename(data_copy / "organizations" / "LabCo_AI.yaml")
    problems = problems_of(data_copy)
    assert "data/organizations/LabCo_AI.yaml: file name: 'LabCo_AI' is not a valid id: use lowercase letters, digits " \
        "and single hyphens, e.g. 'samsung-foundry' (rename the file)" in problems


def test_reference_to_missing_record(data_copy: Path) -> None:
    replace(data_copy, DEAL, "- org: labco\n", "- org: labcoo\n")
    assert problems_of(data_copy) == [
        ("data/deals/bigcloud-labco-investment-2023.yaml:7: unknown organization 'labcoo': "
         "add data/organizations/labcoo.yaml or correct the id")
    ]


def test_problems_found_after_loading_read_the_file_again_once(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Loaded records keep no line-marked YAML tree (over half their memory); a record that a
    # cross-record rule faults is read again for its lines, once however many problems it has.
    replace(data_copy, DEAL, "- org: bigcloud\n", "- org: bigclod\n")
    replace(data_copy, DEAL, "- org: labco\n", "- org: labcoo\n")
    reads: list[str] = []
    read_mapping = problems_module.read_mapping
    monkeypatch.setattr(problems_module, "read_mapping", lambda text: reads.append(text) or read_mapping(text))
    problems_module._line_marked_tree.cache_clear()
    assert problems_of(data_copy) == [
        ("data/deals/bigcloud-labco-investment-2023.yaml:5: unknown organization 'bigclod': "
         "add data/organizations/bigclod.yaml or correct the id"),
        ("data/deals/bigcloud-labco-investment-2023.yaml:7: unknown organization 'labcoo': "
         "add data/organizations/labcoo.yaml or correct the id"),
    ]
    assert len(reads) == 1


def test_a_file_edited_after_loading_is_placed_by_its_new_lines(data_copy: Path) -> None:
    # The tree is cached by the file's size and time: a stale tree would point at the wrong line.
    path = data_copy / DEAL
    origin = Origin("data/" + DEAL, path)
    assert origin.problem(("parties", 1, "org"), "x").line == 7
    path.write_text("# a new first line\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert origin.problem(("parties", 1, "org"), "x").line == 8
    path.unlink()
    assert origin.problem(("parties", 1, "org"), "x").line is None


def test_reference_to_record_of_another_kind(data_copy: Path) -> None:
    replace(data_copy, "chips/gpu-x1.yaml", "designer: gpuco", "designer: gpu-x1")
    assert problems_of(data_copy) == [
        "data/chips/gpu-x1.yaml:4: unknown organization 'gpu-x1': 'gpu-x1' is a chip, not an organization"
    ]


def test_a_node_size_is_read_from_a_node_name(data_copy: Path) -> None:
    # The size only restates the named node, so it cannot stand without it, and sizes are positive.
    replace(data_copy, "chips/gpu-x1.yaml", "process_node: 4nm\n", "")
    assert problems_of(data_copy) == [
        "data/chips/gpu-x1.yaml:6: process_nm: give the 'process_node' it is read from, or leave it out"
    ]
    replace(data_copy, "chips/gpu-x1.yaml", "process_nm: 4\n", "process_node: 4nm\nprocess_nm: 0\n")
    assert problems_of(data_copy) == ["data/chips/gpu-x1.yaml:7: process_nm: Input should be greater than 0"]


def test_a_spec_name_ending_in_a_unit_fixes_its_unit(data_copy: Path) -> None:
    # Queries compare one spec across chips, so "Gbps" and "Gb/s" under one name would not compare.
    replace(data_copy, "chips/gpu-x1.yaml", "  unit: GB\n", "  unit: gigabytes\n")
    assert problems_of(data_copy) == [
        "data/chips/gpu-x1.yaml:17: specs[0].unit: a spec named 'memory_gb' is in GB: write 'unit: GB' (convert the value if needed)"
    ]


def test_parent_cycle(data_copy: Path) -> None:
    replace(data_copy, "organizations/bigcloud.yaml", "country: US\n", "country: US\nparent: bigcloud-chips\n")
    assert problems_of(data_copy) == [
        ("data/organizations/bigcloud-chips.yaml:6: parent cycle bigcloud-chips -> bigcloud -> bigcloud-chips: "
         "an organization cannot be its own ancestor; fix one 'parent'")
    ]


@pytest.mark.parametrize(
    ("step_date", "reported"),
    [("'2025-11-19'", True), ("'2025-11'", True), ("'2025-11-20'", False), ("'2025-12'", False), ("'2026'", False)],
)
def test_a_change_is_dated_no_later_than_a_page_that_reports_it(data_copy: Path, step_date: str, reported: bool) -> None:
    # The signed step's only page was published on 2025-11-18; a day's slack allows for datelines.
    deal = "deals/gpuco-labco-chip-supply-2025.yaml"
    replace(data_copy, deal, "- status: signed\n  date: '2025-11-18'", f"- status: signed\n  date: {step_date}")
    if reported:
        computekg.load(data_copy)
        return
    assert problems_of(data_copy) == [
        (f"data/{deal}:29: 'signed' is dated {step_date.strip(chr(39))}, after every page cited for it was published "
         "(the latest on 2025-11-18): a page cannot report what had not yet happened; fix the date or cite the page "
         "that reported the change")
    ]


def test_a_page_published_before_the_change_it_is_cited_for_is_named(data_copy: Path) -> None:
    # The signed step keeps its own page of 2025-11-18 and gains one of January, before the signing.
    deal = "deals/gpuco-labco-chip-supply-2025.yaml"
    early = (
        "  - url: https://news.example.org/gpuco-labco-early\n    publisher: Example News\n"
        "    title: GPUCo and LabCo in early talks\n    date: '2025-01-20'\n    kind: news_report\n"
    )
    replace(data_copy, deal, "sources_checked:", early + "sources_checked:")
    assert problems_of(data_copy) == [
        (
            f"data/{deal}:39: this page was published on 2025-01-20, before the 'signed' it is cited for (2025-11-18): "
            "a page cannot report what had not yet happened; cite it for the deal (its `sources`) or for the change "
            "it reported, or fix the step's date"
        )
    ]


def test_status_history_out_of_time_order(data_copy: Path) -> None:
    replace(data_copy, DEAL, "date: '2024-03-27'\n  sources", "date: '2023-01'\n  sources")
    assert problems_of(data_copy) == [
        ("data/deals/bigcloud-labco-investment-2023.yaml:30: status_history is not in time order: 'completed' (2023-01) "
         "comes after 'announced' (2023-09-25); list changes oldest first and check the dates")
    ]


def test_signed_before_announced(data_copy: Path) -> None:
    name = "deals/gpuco-labco-chip-supply-2025.yaml"
    replace(data_copy, name, "- status: rumored", "- status: signed")
    replace(data_copy, name, "- status: signed\n  date: '2025-11-18'", "- status: announced\n  date: '2025-11-18'")
    problems = problems_of(data_copy)
    assert problems == [
        ("data/deals/gpuco-labco-chip-supply-2025.yaml:20: 'signed' rests only on reports citing anonymous sources: "
         "such a report supports 'rumored' or 'in_talks'; use one of those or cite an on-the-record source"),
        ("data/deals/gpuco-labco-chip-supply-2025.yaml:28: 'announced' (2025-11-18) follows 'signed' (2025-01): a deal is not "
         "signed before it is announced; statuses go rumored < in_talks < announced < signed < delivered/completed, "
         "so fix the status or the order"),
    ]


def test_claim_without_source(data_copy: Path) -> None:
    text = (data_copy / "deals/labco-memco-custom-chip-2026.yaml").read_text()
    head = text[: text.index("  sources:")]
    write(data_copy, "deals/labco-memco-custom-chip-2026.yaml", head + "  sources: []\n")
    assert problems_of(data_copy) == [
        ("data/deals/labco-memco-custom-chip-2026.yaml:12: status_history[0].sources: a claim needs at least one source: "
         "add the page it was reported in")
    ]


WAFERS = "deals/fabco-gpuco-wafers-2024.yaml"
# One slip in a citation, the edit that makes it, and the one problem the loader names for it.
SOURCE_SLIPS = {
    "address without scheme": (
        DEAL, "url: https://news.example.org/bigcloud-labco\n", "url: news.example.org/bigcloud-labco\n",
        ("data/deals/bigcloud-labco-investment-2023.yaml:24: status_history[0].sources[0].url: "
        "'news.example.org/bigcloud-labco' is not a web address: give the page's full address as you read it, "
        "starting https:// (or http:// where the site serves only that)"),
    ),
    "one page cited as http and https": (
        WAFERS, "url: https://news.example.org/gpu-x1", "url: http://news.example.org/gpu-x1",
        ("data/deals/fabco-gpuco-wafers-2024.yaml:15: source http://news.example.org/gpu-x1 is cited as "
        "https://news.example.org/gpu-x1 in data/chips/gpu-x1.yaml: one page has one address, so cite it the way you read it "
        "in both places"),
    ),
    "one page described two ways": (
        WAFERS, "title: GPUCo unveils the X1", "title: GPUCo shows X1",
        ("data/deals/fabco-gpuco-wafers-2024.yaml:17: source https://news.example.org/gpu-x1 has title 'GPUCo shows X1' "
        "here but 'GPUCo unveils the X1' in data/chips/gpu-x1.yaml: make them the same"),
    ),
    # A query grouping sources by publisher would split the site in two; only the odd spelling is named,
    # against the site's usual one.
    "one site under two publisher names": (
        WAFERS, "    publisher: Example News\n    title: Fabco gpuco end", "    publisher: Example Newz\n    title: Fabco gpuco end",
        ("data/deals/fabco-gpuco-wafers-2024.yaml:24: source https://news.example.org/fabco-gpuco-end names the site "
        "news.example.org 'Example Newz' here but 'Example News' in 10 other citations (as in data/organizations/fabco.yaml): "
        "one site is one publisher, so write 'Example News' (a syndicated copy as 'Example News (origin)')"),
    ),
}


@pytest.mark.parametrize("slip", sorted(SOURCE_SLIPS))
def test_a_source_slip_is_named(data_copy: Path, slip: str) -> None:
    name, old, new, message = SOURCE_SLIPS[slip]
    replace(data_copy, name, old, new)
    assert problems_of(data_copy) == [message]


def test_http_source_is_kept_as_read(data_copy: Path) -> None:
    # A page served only over http is cited at that address, never rewritten to an https one nobody read.
    replace(data_copy, DEAL, "url: https://news.example.org/bigcloud-labco\n", "url: http://news.example.org/bigcloud-labco\n")
    kg = computekg.load(data_copy)
    (source,) = kg.deals["bigcloud-labco-investment-2023"].status_history[0].sources
    assert source.url == "http://news.example.org/bigcloud-labco"
    assert b"<http://news.example.org/bigcloud-labco>" in kg.serialize("nt")


def test_a_syndicated_copy_names_its_site_and_its_origin(data_copy: Path) -> None:
    replace(data_copy, WAFERS, "    publisher: Example News\n    title: Fabco gpuco end", "    publisher: Example News (Reuters)\n    title: Fabco gpuco end")
    deal = computekg.load(data_copy).deals["fabco-gpuco-wafers-2024"]
    assert deal.status_history[-1].sources[0].publisher == "Example News (Reuters)"


def test_impossible_date(data_copy: Path) -> None:
    replace(data_copy, DEAL, "date: '2023-09-25'\n  sources", "date: '2023-02-30'\n  sources")
    assert problems_of(data_copy) == [
        ("data/deals/bigcloud-labco-investment-2023.yaml:22: status_history[0].date: '2023-02-30' is not a real date: "
         "check the month and day")
    ]


RATE_IN_PERCENT_A_YEAR = "measure: interest_rate is the yearly interest on a loan or note: give unit: percent and per: year"
# A price per share and a valuation are money, an interest rate is percent a year, a revenue share is
# percent, a monthly capacity
# is a rate already: a figure in another unit, or with a second 'per', is a mistake the loader names.
FIGURES_IN_A_UNIT_THEIR_MEASURE_CANNOT_HAVE = {
    "price per share in chips": (
        "- unit: chips\n  value: 12.5\n  per: share\n",
        "per: share is a price per share, so its unit is a currency, not 'chips': give the price's currency",
    ),
    "valuation in percent": (
        "- unit: percent\n  value: 5\n  measure: valuation\n",
        "measure: valuation is what a company is worth, so it is money in total: give a currency and no 'per'",
    ),
    "interest rate in dollars": (
        "- unit: usd\n  value: 7.75\n  per: year\n  measure: interest_rate\n",
        RATE_IN_PERCENT_A_YEAR,
    ),
    "interest rate with no year": (
        "- unit: percent\n  value: 7.75\n  measure: interest_rate\n",
        RATE_IN_PERCENT_A_YEAR,
    ),
    "revenue share in dollars": (
        "- unit: usd\n  value: 25\n  measure: revenue_share\n",
        "measure: revenue_share is a share of a whole: give unit: percent",
    ),
    "holders of a dollar figure": (
        "- unit: usd\n  value: 500000000\n  holders:\n  - bigcloud\n",
        "'holders' and 'stake_in' describe an equity stake, which is a percent amount: drop them, or give unit: percent and measure: amount",
    ),
    "monthly capacity per month": (
        "- unit: wafers_per_month\n  value: 900000\n  per: month\n",
        "unit: wafers_per_month is already a monthly rate: drop 'per: month' (or give unit: wafers with a per)",
    ),
}


@pytest.mark.parametrize("case", sorted(FIGURES_IN_A_UNIT_THEIR_MEASURE_CANNOT_HAVE))
def test_a_figure_in_a_unit_its_measure_cannot_have(data_copy: Path, case: str) -> None:
    figure, message = FIGURES_IN_A_UNIT_THEIR_MEASURE_CANNOT_HAVE[case]
    replace(data_copy, DEAL, "  qualifier: up_to\n", "  qualifier: up_to\n" + figure)
    assert problems_of(data_copy) == [f"data/deals/bigcloud-labco-investment-2023.yaml:13: quantities[1]: {message}"]


def test_a_stake_is_held_by_and_in_parties_of_its_deal(data_copy: Path) -> None:
    # GPUCo and FabCo take no part in BigCloud's investment in LabCo, so neither holds nor issues its stake.
    replace(data_copy, DEAL, "  - bigcloud\n  stake_in: labco\n", "  - bigcloud\n  - gpuco\n  stake_in: fabco\n")
    assert problems_of(data_copy) == [
        ("data/deals/bigcloud-labco-investment-2023.yaml:18: 'gpuco', a holder of this stake, "
         "is not a party of the deal: add it to 'parties' or correct the id"),
        ("data/deals/bigcloud-labco-investment-2023.yaml:19: 'fabco', the company of this stake, "
         "is not a party of the deal: add it to 'parties' or correct the id"),
    ]


def add_labco_stake(data: Path, wording: str) -> None:
    """Give LabCo a stake of 85% in itself beside BigCloud's 20%, worded as `wording` says."""
    stake = f"- unit: percent\n  value: 85\n{wording}  holders:\n  - labco\n  stake_in: labco\n"
    replace(data, DEAL, "status_history:", stake + "status_history:")


def test_stakes_in_one_company_add_up_to_at_most_all_of_it(data_copy: Path) -> None:
    # BigCloud's 20% and LabCo's own 85% would make 105% of LabCo.
    add_labco_stake(data_copy, "")
    assert problems_of(data_copy) == [
        ("data/deals/bigcloud-labco-investment-2023.yaml:20: the stakes in labco add up to 105% (bigcloud 20%, labco 85%): "
         "no company is more than wholly owned, so check each figure and its holder")
    ]


def test_disagreeing_reports_of_a_stake_count_at_their_least(data_copy: Path) -> None:
    # A second report putting BigCloud's stake at 15% beside the 20% leaves room for LabCo's 85%: reports may
    # disagree, and only a total that even the least readings pass is certainly wrong.
    add_labco_stake(data_copy, "")
    second_report = "- unit: percent\n  value: 15\n  holders:\n  - bigcloud\n  stake_in: labco\n"
    replace(data_copy, DEAL, "status_history:", second_report + "status_history:")
    stakes = computekg.load(data_copy).deals["bigcloud-labco-investment-2023"].quantities
    assert [(q.value, q.holders) for q in stakes if q.is_stake] == [(20, ["bigcloud"]), (85, ["labco"]), (15, ["bigcloud"])]


def test_a_ceiling_stake_adds_nothing_to_the_total(data_copy: Path) -> None:
    # "Up to 85%" promises no share at all, so beside BigCloud's 20% it is no contradiction.
    add_labco_stake(data_copy, "  qualifier: up_to\n")
    assert computekg.load(data_copy).deals["bigcloud-labco-investment-2023"].quantities[2].holders == ["labco"]


def test_part_of_names_a_known_deal_and_makes_no_cycle(data_copy: Path) -> None:
    wafers = "deals/fabco-gpuco-wafers-2024.yaml"
    write(data_copy, DEAL, (data_copy / DEAL).read_text(encoding="utf-8") + "part_of: gpuco-labco-chip-supply-2025\n")
    write(data_copy, GPU_DEAL, (data_copy / GPU_DEAL).read_text(encoding="utf-8") + "part_of: bigcloud-labco-investment-2023\n")
    write(data_copy, wafers, (data_copy / wafers).read_text(encoding="utf-8") + "part_of: fabco-gpuco-wafers-2023\n")
    assert problems_of(data_copy) == [
        ("data/deals/bigcloud-labco-investment-2023.yaml:37: part_of cycle bigcloud-labco-investment-2023 -> "
         "gpuco-labco-chip-supply-2025 -> bigcloud-labco-investment-2023: a deal cannot be part of itself; fix one 'part_of'"),
        ("data/deals/fabco-gpuco-wafers-2024.yaml:29: unknown deal 'fabco-gpuco-wafers-2023': "
         "add data/deals/fabco-gpuco-wafers-2023.yaml or correct the id"),
    ]


def test_a_part_shares_a_party_with_its_whole(data_copy: Path) -> None:
    # FabCo's wafers for GPUCo are no part of BigCloud's money for LabCo: no one takes part in both.
    wafers = "deals/fabco-gpuco-wafers-2024.yaml"
    text = (data_copy / wafers).read_text(encoding="utf-8")
    write(data_copy, wafers, text + "part_of: bigcloud-labco-investment-2023\n")
    line = text.count("\n") + 1
    assert problems_of(data_copy) == [
        (f"data/deals/fabco-gpuco-wafers-2024.yaml:{line}: part_of bigcloud-labco-investment-2023: the two deals share "
         "no party, but a part belongs to a party of its whole; check 'part_of' or the parties"),
    ]


def test_all_problems_reported_in_one_run(data_copy: Path) -> None:
    write(data_copy, LAB, "name: LabCo\nroles:\n- ai_lab\ncountry: US\nname: Again\n")
    replace(data_copy, "chips/gpu-x1.yaml", "status: shipping", "status: selling")
    replace(data_copy, "organizations/fabco.yaml", "country: TW", "country: Taiwan")
    problems = problems_of(data_copy)
    assert [p.split(":")[0] for p in problems] == [
        "data/chips/gpu-x1.yaml",
        "data/organizations/fabco.yaml",
        "data/organizations/labco.yaml",
    ]


def test_references_to_a_broken_file_are_not_reported_twice(data_copy: Path) -> None:
    write(data_copy, LAB, "name: LabCo\nroles: [ai_lab\n")
    problems = problems_of(data_copy)
    assert len(problems) == 1 and problems[0].startswith("data/organizations/labco.yaml:")


def test_load_error_message_lists_every_problem(data_copy: Path) -> None:
    write(data_copy, LAB, "name: LabCo\nroles:\n- ai_lab\n")
    with pytest.raises(computekg.LoadError) as caught:
        computekg.load(data_copy)
    assert str(caught.value) == (
        "1 problem in the data:\ndata/organizations/labco.yaml:1: missing required field 'country': add it"
    )
    assert caught.value.problems[0] == computekg.Problem(
        "data/organizations/labco.yaml", 1, "missing required field 'country': add it"
    )


def test_stray_file_and_folder_are_reported(data_copy: Path) -> None:
    write(data_copy, "organizations/notes.txt", "x")
    (data_copy / "companies").mkdir()
    assert problems_of(data_copy) == [
        "data/companies: unknown folder: records live in chips, deals, facilities, organizations",
        "data/organizations/notes.txt: not a .yaml record: rename it to <id>.yaml or move it out of data/",
    ]


def test_missing_data_folder(tmp_path: Path) -> None:
    assert problems_of(tmp_path / "nope") == [
        f"{tmp_path / 'nope'}: no such data folder: give the folder that holds organizations/, chips/, ..."
    ]


CHECKED_DEAL = "deals/gpuco-labco-chip-supply-2025.yaml"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("'2025-11-17'", ("sources_checked (2025-11-17) is before a source it covers was published (2025-11-18): "
                          "check the record again and give that day")),
         ("'2999-01-01'", "sources_checked (2999-01-01) is in the future: give the day the sources were read"),
        ("'2026-01'", "sources_checked: '2026-01' is not a day: write YYYY-MM-DD"),
    ],
)  # fmt: skip
def test_sources_checked_day(data_copy: Path, day: str, expected: str) -> None:
    replace(data_copy, CHECKED_DEAL, "sources_checked: '2026-01-10'", f"sources_checked: {day}")
    assert problems_of(data_copy) == [f"data/{CHECKED_DEAL}:36: {expected}"]


WAFERS = "deals/fabco-gpuco-wafers-2024.yaml"


def test_title_from_url_is_a_flag_that_is_only_set(data_copy: Path) -> None:
    replace(data_copy, WAFERS, "title_from_url: true", "title_from_url: false")
    assert problems_of(data_copy) == [
        (f"data/{WAFERS}:28: status_history[1].sources[0].title_from_url: 'false' is not allowed: "
         "this flag is only ever 'true'; leave it out otherwise")
    ]


@pytest.mark.parametrize("title", ["FABCO gpuco end", "Fabco-gpuco end", "Gpuco end", "Fabco gpuco…"])
def test_title_from_the_address_may_recase_and_cut_its_words(data_copy: Path, title: str) -> None:
    replace(data_copy, WAFERS, "title: Fabco gpuco end", f"title: {title}")
    deal = computekg.load(data_copy).deals["fabco-gpuco-wafers-2024"]
    assert deal.status_history[1].sources[0].title == title


@pytest.mark.parametrize("title", ["Fabco, gpuco end", "Fabco's gpuco end", "FabCo GPU end", "Gpuco fabco end", "Fabco gpuco end now"])
def test_title_from_the_address_adds_nothing(data_copy: Path, title: str) -> None:
    # Punctuation or words the address does not have are a guess at the headline, not its address.
    replace(data_copy, WAFERS, "title: Fabco gpuco end", f"title: {title}")
    assert problems_of(data_copy) == [
        (f"data/{WAFERS}:25: status_history[1].sources[0].title: title_from_url is set, so the title must be words of "
         "the address, in order, with no punctuation added ('fabco gpuco end'): copy them, or give the headline and "
         "drop title_from_url")
    ]


def test_same_source_with_and_without_a_seen_headline(data_copy: Path) -> None:
    # Cite the page again elsewhere, this time as if its headline had been seen.
    replace(data_copy, "facilities/campus-one.yaml", "url: https://news.example.org/campus-one\n  publisher",
            "url: https://news.example.org/fabco-gpuco-end\n  publisher")  # fmt: skip
    replace(data_copy, "facilities/campus-one.yaml", "title: Inside Campus One\n  date: '2025-06-24'",
            "title: Fabco gpuco end\n  date: '2026-02-10'")  # fmt: skip
    problems = problems_of(data_copy)
    assert (
        f"data/{WAFERS}:28: source https://news.example.org/fabco-gpuco-end has title_from_url 'true' here but "
        "not set in data/facilities/campus-one.yaml: make them the same"
    ) in problems


def test_one_event_curated_twice_is_named_until_linked(data_copy: Path) -> None:
    # Same parties, type and month of first report: the second file is named, with the first's file.
    twin = "deals/gpuco-labco-x1-order-2025.yaml"
    text = (data_copy / GPU_DEAL).read_text(encoding="utf-8").replace("  value: 1\n", "  value: 2\n")
    text = text.replace("  min: 10000000000\n  max: 15000000000\n", "  value: 9000000000\n")
    write(data_copy, twin, text)
    assert problems_of(data_copy) == [
        ("data/deals/gpuco-labco-x1-order-2025.yaml:4: gpuco-labco-chip-supply-2025 "
         "(data/deals/gpuco-labco-chip-supply-2025.yaml) has the same parties, type and first report (2025-01): "
         "one event curated twice? Merge them into one record, keeping every source, or link them with `related` "
         "if they are two events"),
    ]
    write(data_copy, twin, text + "related:\n- gpuco-labco-chip-supply-2025\n")
    computekg.load(data_copy)
    # A part of the first (its first tranche, say) is linked by part_of, which says the same.
    write(data_copy, twin, text + "part_of: gpuco-labco-chip-supply-2025\n")
    computekg.load(data_copy)


def test_facets_of_one_announcement_do_not_repeat_a_figure(data_copy: Path) -> None:
    # An investment announced with the supply deal and linked to it is a facet: the supply's
    # 1 GW and its $10-15bn range, carried again, would be summed twice.
    facet = "deals/gpuco-labco-x1-order-2025.yaml"
    text = (data_copy / GPU_DEAL).read_text(encoding="utf-8").replace("deal_type: chip_supply", "deal_type: investment")
    write(data_copy, facet, text + "related:\n- gpuco-labco-chip-supply-2025\n")
    repeated = "is also a figure of gpuco-labco-chip-supply-2025, a facet of the same announcement: keep each figure on the one facet it belongs to, and cite its pages there"  # fmt: skip
    assert problems_of(data_copy) == [
        f"data/deals/gpuco-labco-x1-order-2025.yaml:12: 1 gw {repeated}",
        f"data/deals/gpuco-labco-x1-order-2025.yaml:15: 10,000,000,000 to 15,000,000,000 usd {repeated}",
    ]
