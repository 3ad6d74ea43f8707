"""Reading the figure a quote gives, in the ways the cited pages write numbers."""

from __future__ import annotations

import pytest
from computekg.graph.figures import (
    dollar_conversions,
    figure_is_quoted,
    figures_written,
    qualifier_is_worded,
    states,
    unrecorded_wordings,
    unsourced_figures,
    unworded_bounds,
    wordings,
)
from computekg.schemas.models import Quantity


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        (1.5e9, "Nvidia will invest $1.5 billion in the start-up"),
        (1500, "a 1,500MW campus"),
        (9.9e9, "unterstützt der Bund die Ansiedlung mit 9,9 Milliarden Euro"),
        (6.93e8, "6억9,300만 달러(약 9,733억 원)를 유치했다"),
        (1.459e12, "정부가 1조4590억원을 투입하는 사업"),
        (15000, "첨단 GPU 1만5000장 이상을 확보"),
        (4e10, "на сумму ¥40 млрд (около $5,7 млрд)"),
        (5e11, "as much as half a trillion dollars' worth of AI infrastructure"),
        (7, "a seven-year, $38 billion agreement"),
        (10, "over the next decade"),
        (4, "一筆為期四年的 13 億美元合約"),
        (1.3e9, "一筆為期四年的 13 億美元合約"),
        (6.19e8, "an initial public offering that raised US$619mil"),
        (2.5e10, "Oracle raised US$25bil in its bond sale"),
        (3e8, "in talks to raise $300–350 million"),  # a range's first number takes the second's scale
        (1.5e9, "valuing it at 1.5 to 2 billion dollars"),
        (1.8e11, "will jointly invest up to Rs 18,000 crore"),
        (1e13, "to invest Rs 10 lakh crore over seven years"),  # a lakh crore is 10^12
        (1.5e12, "a Rs 1.5 lakh-crore plan"),
        (1, "bring one gigawatt of power online by 2026"),
        (1.204e9, "about $1.2 billion"),  # a rounding of the same figure
        (36000, "environ 36 000 GPU Nvidia B200"),
        (3.2e11, "MI455X содержит 320 миллиардов транзисторов"),
        (100, "the first phase reaches by 2026 100 MW"),  # spaced digits may be two numbers
        (2.28e13, "a semiconductor foundry deal worth 22-point-eight trillion won"),  # decimals spelled out
        (1.25, "a rate of 1-point-2-5 percent"),
        (1e8, "senilai sekitar US$100 juta (Rp1,67 triliun)"),
        (1.67e12, "senilai sekitar US$100 juta (Rp1,67 triliun)"),
        (2.1e9, "với tổng vốn đầu tư khoảng 2,1 tỷ USD"),
        # number words of other languages, before a scale or a span of years
        (12, "un contrat d’allocation de production nucléaire (CAPN) sur douze ans"),
        (6e9, "una inversión aproximada de seis mil millones de pesos"),
        (6e9, "una inversión de 6 mil millones de pesos"),
        (5.275e9, "GE Vernova pagará 5 mil 275 millones de dólares al cierre"),  # thousands of millions in two parts
        (2.5e9, "um aporte de 2 mil 500 milhões de reais"),
        (5e8, "un investimento di oltre mezzo miliardo di euro"),
        (5e8, "un demi-milliard d'euros"),
        (12, "ein Vertrag über zwölf Jahre"),
        (2e10, "a multi-year OpenAI deal valued at more than £16 (about $20) billion"),  # a scale after a bracket
        (1.6e10, "a multi-year OpenAI deal valued at more than £16 (about $20) billion"),
        (72, "Helios's six dozen MI400s will come equipped with 432 GB of HBM4"),
    ],
)
def test_a_quote_states_its_figure(value: float, quote: str) -> None:
    assert states(value, quote)


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        (360, "the expansion will add 160 MW of critical IT load"),
        (5e10, "the facilities, located in Texas and New York, will come online throughout 2026"),
        (1.5e9, "a 1,500MW campus"),  # the M of MW is not a million
        (1.2e9, "approximately 1.208 billion yuan"),  # another figure, not a rounding
        (2e9, "The funding package includes equity (approximately $2.5 billion)"),
        (3e8, "Phase 300 - 350 MW"),  # a unit is no scale
        (3e8, "300 GPUs and $350 million"),  # only a range's first number takes the scale after it
        (2, "due to strong demand, the campus reaches 5 GW"),  # "due" is a number only before a scale
        (6, "dentro de seis meses"),  # nor is "seis" before another word
        (6e6, "una inversión de 6 mil millones de pesos"),  # "mil millones" is a thousand million, not "mil"
        (1e6, "to invest Rs 10 lakh crore over seven years"),  # not a lakh alone
        (2e10, "£16 (note 20) billion"),  # only a conversion, not any bracket, shares the scale
        (275, "a 276 MW campus"),  # within the tolerance, but neither figure rounds the other
        (46225, "pinta-ala on samat 46 255 mm2"),
    ],
)
def test_a_quote_without_the_figure_does_not_state_it(value: float, quote: str) -> None:
    assert not states(value, quote)


SOURCE = {"url": "https://news.example.org/x", "publisher": "Example News", "title": "X", "date": "2025-01-02", "kind": "news_report"}


def figure(quotes: list[str], **fields: object) -> Quantity:
    return Quantity(**fields, sources=[{**SOURCE, "quote": quote} for quote in quotes])


def test_a_range_is_quoted_by_either_end_and_only_by_a_quote() -> None:
    assert figure_is_quoted(figure(["for $4.5bn to $5bn"], unit="usd", min=4.5e9, max=5e9))
    assert not figure_is_quoted(figure(["a campus of 1.2 GW"], unit="gw", value=2))
    assert not figure_is_quoted(Quantity(unit="gw", value=2, sources=[SOURCE]))


@pytest.mark.parametrize(
    ("qualifier", "value", "quote"),
    [
        ("up_to", 1.2, "the campus can scale up to 1.2 GW"),
        ("up_to", 5.5e9, "for an initial $3.25bn, potentially rising to $5.5bn"),
        ("up_to", 5, "o complexo poderá alcançar uma demanda de até 5 GW"),  # Portuguese "até"
        ("approximately", 51e9, "a valuation near HK$51 billion"),
        ("approximately", 700e6, "per una cifra stimata intorno ai 700 milioni di dollari"),
        ("approximately", 15e9, "o investimento previsto gira em torno de R$ 15 bilhões"),
        ("approximately", 22e6, "стоимостью примерно 22 млн долларов"),  # Russian "roughly"
        ("approximately", 100e6, "senilai sekitar US$100 juta"),  # Indonesian "about"
        ("approximately", 2.1e9, "với tổng vốn đầu tư khoảng 2,1 tỷ USD"),  # Vietnamese "about"
        ("up_to", 5e8, "investasi hingga US$500 juta"),  # Indonesian "up to"
        ("approximately", 16.5e9, "worth 22-point-eight trillion won, or around 16-point-five billion U.S. dollars"),
        ("more_than", 4e9, "a valuation north of $4 billion"),
        ("more_than", 2e11, "um aporte superior a R$ 200 bilhões"),
        ("more_than", 7e8, "Das wäre dann eine Summe von insgesamt gut 700 Millionen Dollar."),  # "a good $700m"
        ("at_least", 50, "power generation of 50 megawatts or greater"),
        ("less_than", 30000, "ordered over 100,000 chips but received fewer than 30,000 by July"),
        ("less_than", 1e9, "a round of under $1 billion"),
        ("exactly", 12e9, "Amazon announced plans to build a $12 billion data center"),
        ("exactly", 31000, "up to 8,000 GPUs now and 31,000 GPUs over time"),  # the 31,000 itself is bare
        ("up_to", 1.5e9, "jusqu\u2019\u00e0\u202f1,5\u00a0milliard d\u2019euros"),  # French spacing
        ("approximately", 6e9, "una inversión aproximada de seis mil millones de pesos"),
        ("more_than", 3e9, "Right of first offer could raise contract value to >$3.0B."),
        ("more_than", 2e10, "a $20B-plus Master Relationship Agreement with OpenAI"),
        ("more_than", 5e8, "un investimento di oltre mezzo miliardo di euro"),
        ("up_to", 42e9, "集團將以不超過420億元的價格採購AI算力雲端業務營業用資訊設備"),  # Chinese "not exceeding"
    ],
)
def test_a_qualifier_worded_by_its_quote_passes(qualifier: str, value: float, quote: str) -> None:
    assert qualifier_is_worded(figure([quote], unit="usd", value=value, qualifier=qualifier))


@pytest.mark.parametrize(
    ("qualifier", "value", "quote"),
    [
        ("up_to", 31000, "with the potential of 31,000 GPUs"),  # no word says "up to"
        ("approximately", 2.3e9, "in a deal with an enterprise value of $2.3 billion"),
        ("more_than", 1e9, "the deal brings in $1 billion a year"),
        ("exactly", 2600, "to provide more than 2,600 megawatts of energy"),  # every mention is qualified
        ("exactly", 8000, "OpenAI will explore offtake up to 8,000 GPUs"),
        ("less_than", 30000, "more than 30,000 chips were received"),  # a floor, not a ceiling
        ("less_than", 5e9, "an investment of no less than $5 billion"),
        ("less_than", 5e9, "инвестиции не менее $5 млрд"),
        ("more_than", 42e9, "以不超過420億元的價格採購"),  # "not exceeding" is a ceiling, not "exceeding"
    ],
)
def test_a_qualifier_its_quotes_do_not_word_fails(qualifier: str, value: float, quote: str) -> None:
    assert not qualifier_is_worded(figure([quote], unit="usd", value=value, qualifier=qualifier))


def test_one_quote_with_the_wording_is_enough() -> None:
    both = figure(["more than 2,600 megawatts", "2,600 megawatts of zero-carbon energy"], unit="mw", value=2600)
    assert qualifier_is_worded(both)


@pytest.mark.parametrize(
    ("value", "quote", "expected"),
    [
        (6.6e9, "up to $6.6 billion in direct funding", {"up_to"}),
        (6.6e9, "has finalized a $6.6 billion subsidy", {"exactly"}),
        (6e9, "a round which aims to raise nearly $6 billion", {"approximately"}),
        (1.2, "plans to develop a 1.2 GW power campus", {"exactly"}),
        (1200, "about 1,200 MW, later up to 1,200 MW", {"approximately", "up_to"}),
        (3e4, "received fewer than 30,000 by July", {"less_than"}),
        (1e9, "raised less than $1 billion", {"less_than"}),
        (5e9, "an investment of no less than $5 billion", {"at_least"}),
        (9.9e9, "mit 9,9 Milliarden Euro", {"exactly"}),
        (2e8, "targeting funding of between $150 million and $200 million", set()),  # a range's end
        (500, "a 500-600 MW campus", set()),
        (3e10, "it expects US$25 billion to US$30 billion from offtake", set()),  # a range's end after its currency
        (3.5e8, "from $300 million to €350 million", set()),
        (12, "over 12 Year Contract Terms", set()),  # "over" may span, not qualify
        (1, "Phase 1 of the project", set()),  # a small number with no unit is no figure
        (12, "a 1.2 GW campus", set()),  # no loose reading: 1.2 is not twelve
        (4.98e10, "for about $50 billion", set()),  # no rounding: another wording of another number
        (1.2e9, "a stake of $1.2 billion or more", set()),  # qualified, but not just before: unsure
        (5e9, "a roundabout $5 billion route", set()),  # "about" only as a whole word
        (5e9, "a loan of up\u00a0to $5 billion", {"up_to"}),  # a non-breaking space, as copied pages have
        (3e9, "could raise contract value of >$3.0B", {"more_than"}),  # signs, as filings' summaries write them
        (3e9, "could raise contract value to >$3.0B", {"more_than"}),  # "to" a signed figure is no range
        (5e8, "a valuation of ≥$500M", {"at_least"}),
        (1e9, "a seed round of <$1B", {"less_than"}),
        (2e10, "a $20B-plus Master Relationship Agreement with OpenAI", set()),  # qualified after the number
    ],
)
def test_wordings_read_how_a_quote_gives_a_value(value: float, quote: str, expected: set[str]) -> None:
    assert wordings(value, quote) == expected


def test_a_wording_no_figure_records_is_reported_with_its_quote() -> None:
    ceiling = figure(["up to $6.6 billion in direct funding"], unit="usd", value=6.6e9, qualifier="up_to")
    award = "has finalized a $6.6 billion subsidy"
    assert unrecorded_wordings([ceiling], [ceiling.sources[0].quote, award]) == [(6.6e9, "exactly", award)]
    # Once the bare wording has its own entry, nothing is missing.
    assert unrecorded_wordings([ceiling, figure([award], unit="usd", value=6.6e9)], [award]) == []
    # "up to roughly" words both; recording the ceiling is enough.
    assert unrecorded_wordings([ceiling], ["up to roughly $6.6 billion"]) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Nvidia to invest up to $100 billion in OpenAI", [("$100 billion", 1e11)]),
        ("India approves HCL-Foxconn unit at Rs 3,706 crore", [("Rs 3,706 crore", 3.706e10)]),
        ("Babcock & Wilcox to build 1.2 GW of gas-fired power", [("1.2 GW", 1.2)]),
        # Energy is its own figure, not a power figure followed by an "h".
        ("Entergy's 350 MW, 1,400 MWh battery; 1.1 gigawatt-hours", [("350 MW", 350), ("1,400 MWh", 1400), ("1.1 gigawatt-hours", 1.1)]),
        ("TotalEnergies to supply Google 1.5 TWh over 15 years", [("1.5 TWh", 1.5), ("15 years", 15)]),
        # "orders" holds no rupee sign; a thousands-grouped count is a figure with or without its unit.
        ("ByteDance orders 20,000 H200 GPUs and a 49% stake", [("20,000", 2e4), ("49%", 49)]),
        # So is a number with its scale word: "2 million" orders, "54 billion" transistors.
        (
            "More than 2 million orders and about 700,000 in stock; 54 billion transistors",
            [("2 million", 2e6), ("700,000", 7e5), ("54 billion", 5.4e10)],
        ),
        ("Samsung-Tesla deal worth 22-point-eight trillion won", [("22.8 trillion won", 2.28e13)]),
        # Model numbers are no figures.
        ("Sales of H20 and MI308 chips; Huawei Ascend 950PR chips", []),
        # Counts, areas, compute and terms are figures too, with the unit after a space or a hyphen.
        (
            "A 104-acre site of 750,000 square feet with 3,000 jobs, 4 exaFLOPS and 200 million IOPS, on a 20-year lease",
            [
                ("104-acre", 104), ("750,000 square feet", 7.5e5), ("3,000 jobs", 3e3), ("4 exaFLOPS", 4),
                ("200 million IOPS", 2e8), ("20-year", 20),
            ],
        ),
        # A word may stand between a count and its unit, and a team's size is a count; a year is no count.
        (
            "A 250-person team and a 300-member unit; 600 direct jobs and 140 Tensix cores, 2024 citing people",
            [("250-person", 250), ("300-member", 300), ("600 direct jobs", 600), ("140 Tensix cores", 140)],
        ),
        # Specifications are figures too: a process node, memory, rack power, a distance.
        (
            "A 3 nm GB300 part with 288 GB of HBM3E, 60 kW racks and a 2-nanometre line 85 km offshore",
            [("3 nm", 3), ("288 GB", 288), ("60 kW", 60), ("2-nanometre", 2), ("85 km", 85)],
        ),
        # A number with two or more decimals is a figure whatever follows it (an exchange ratio); a version is not.
        (
            "Holders receive 0.3575 Axcelis shares each, down from 2.319, on Llama 3.1 and GPT-4.5",
            [("0.3575 Axcelis shares", 0.3575), ("2.319", 2.319)],
        ),
        # A number word is a figure with a scale after it, not alone.
        (
            "Two plans: seven trillion yen, half a million units and several hundred million dollars",
            [("seven trillion", 7e12), ("half a million", 5e5)],
        ),
        # A summary is read the same way, sentence after sentence; a year or a date is no figure.
        (
            "In March 2025 the partners agreed a 1 GW campus. It will host 100,000 GPUs, and the lab takes a 10% stake.",
            [("1 GW", 1), ("100,000 GPUs", 1e5), ("10%", 10)],
        ),
    ],
)
def test_the_figures_our_text_writes(name: str, expected: list[tuple[str, float]]) -> None:
    got = figures_written(name)
    assert [text for text, _ in got] == [text for text, _ in expected]
    for (_, values), (_, value) in zip(got, expected, strict=True):
        assert value in values


def test_a_name_figure_must_be_recorded_or_quoted() -> None:
    name = "Japan plans about ¥930 billion for Rapidus, ¥630 billion of it in fiscal 2026"
    quote = "subsidies of around 630 billion yen in fiscal 2026 and roughly 300 billion yen in fiscal 2027"
    # A sum the curator worked out is neither a figure nor in a quote; the ¥630 billion is both.
    assert unsourced_figures(name, [630e9, 300e9], [quote]) == ["¥930 billion"]
    assert unsourced_figures(name, [], [quote]) == ["¥930 billion"]
    assert unsourced_figures(name, [930e9], []) == ["¥630 billion"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # Our own text is English: a comma groups thousands and a point is decimal, never the other way.
        ("creating 2,000 jobs", {2000.0}),
        ("a 1.5 GW campus", {1.5}),
        ("12,500.5 GPUs", {12500.5}),
        # A figure with its scale is only the scaled value: "$100 million" is not the 100 of "$100 billion".
        ("¥2.5 billion", {2.5e9}),
    ],
)
def test_our_text_is_read_as_english(text: str, values: set[float]) -> None:
    [(_, got)] = figures_written(text)
    assert got == values


def test_a_summary_figure_is_not_sourced_by_a_reading_it_does_not_have() -> None:
    # "2,000 jobs" once passed on "The two plans", reading 2,000 as two; and ¥2.5 billion on a quote's 25.
    assert unsourced_figures("creating 2,000 jobs", [], ["The two plans secured approval"]) == ["2,000 jobs"]
    assert unsourced_figures("a ¥2.5 billion subsidy", [], ["25 companies joined"]) == ["¥2.5 billion"]
    assert unsourced_figures("creating 2,000 jobs", [], ["to create 2,000 new jobs"]) == []
    assert unsourced_figures("$100 million for schools", [], ["a $100 billion plan"]) == ["$100 million"]
    assert unsourced_figures("€70 million from the state", [], ["Het Rijk draagt 70 miljoen euro bij"]) == []


def test_a_summary_figure_may_round_a_page_figure_but_not_alter_its_digits() -> None:
    # "46,225 mm²" once passed on a quote's "46 255 mm2": within the tolerance, but every digit written is a claim.
    assert unsourced_figures("on 46,225 mm² of silicon", [], ["pinta-ala on samat 46 255 mm2"]) == ["46,225"]
    assert unsourced_figures("a 275 MW campus", [], ["a 276 MW campus"]) == ["275 MW"]
    assert unsourced_figures("a 276 MW campus", [], ["a 276 MW campus"]) == []
    # Rounding to fewer digits than the page gives is fine, from a quote or a recorded figure.
    assert unsourced_figures("$6.5 billion", [], ["worth $6.48 billion"]) == []
    assert unsourced_figures("$100 million", [100_400_000], []) == []
    # 33.7 times a billion is not exactly 33,700,000,000 in floating point; it still reads as written.
    assert unsourced_figures("to €33.7 billion", [], ["hasta los 33.700 millones de euros"]) == []


@pytest.mark.parametrize(
    ("text", "quote", "unsourced"),
    [
        # A measure is stated only by a quote giving that kind of unit, in any language the pages use.
        ("a 300 MW campus", "$350 million at close and $300 million escrowed", ["300 MW"]),
        ("a 300 MW campus", "a 300-megawatt campus", []),
        ("a 20-year agreement", "a pre-order for 20 microreactors", ["20-year"]),
        ("a 20-year agreement", "un contrat d'une durée de 20 ans", []),
        ("a 13-hectare site", "Auf dem 13 Hektar großen Gelände", []),
        ("14 km from the city", "A solo 14 kilómetros del centro", []),
        ("a 50% joint venture", "a 50:50 joint venture", []),
        ("80 GB of HBM3", "with 80 billion transistors", ["80 GB"]),
        # A count is no measure: any quote stating the number serves.
        ("20,000 GPUs", "orders for 20,000 H200", []),
    ],
)
def test_a_measure_is_stated_with_its_kind_of_unit(text: str, quote: str, unsourced: list[str]) -> None:
    assert unsourced_figures(text, [], [quote]) == unsourced


@pytest.mark.parametrize(
    ("quote", "unit", "value", "quoted"),
    [
        # A recorded measure is quoted only by a quote giving its number with that kind of unit.
        ("$350 million at close and $300 million escrowed", "mw", 300, False),
        ("a 300-megawatt campus", "mw", 300, True),
        ("구미시에 60㎿ 규모 AI DC를 건립한다", "mw", 60, True),
        ("outline a 50-50 venture", "percent", 50, True),
        ("orders for 50 GPUs in 2025-2026", "percent", 50, False),
        ("a pre-order for 20 microreactors", "years", 20, False),
        ("a 20-year power purchase agreement", "years", 20, True),
        # Money and counts need only the number.
        ("$300 million escrowed", "usd", 3e8, True),
        ("orders for 20,000 H200", "chips", 20000, True),
    ],
)
def test_a_recorded_measure_is_quoted_with_its_kind_of_unit(quote: str, unit: str, value: float, quoted: bool) -> None:
    assert figure_is_quoted(figure([quote], unit=unit, value=value)) is quoted


@pytest.mark.parametrize(
    ("text", "quote", "unworded"),
    [
        # A bound our text writes must be a page's: "$65 billion" does not give "more than $65 billion".
        ("an investment of more than $65 billion", "an overall investment of $65 billion", ["$65 billion"]),
        ("an investment of more than $65 billion", "planned investment of more than $65 billion", []),
        ("a processor with up to 136 cores", "a 136-core processor", ["136 cores"]),
        ("up to 136 cores", "as many as 136 cores", []),
        # A page's floor gives our "more than", in its own words and languages, hyphenated or not.
        ("more than 1.5 exaflops", "a performance of greater than 1.5 exaflops", []),
        ("campuses of more than 100 MW each", "multiple greater-than-100-megawatt campuses", []),
        ("compresses models by more than 90%", "capaz de comprimir los modelos por encima del 90%", []),
        ("at least 2 GW", "more than 2 GW", []),
        # "up to" is a ceiling; a floor does not give it.
        ("up to 2 GW", "more than 2 GW", ["2 GW"]),
        # A bare number, or "under" in "under 20-year agreements", is no bound of ours.
        ("a $65 billion plan under 20-year agreements", "a $70 billion plan", []),
    ],
)
def test_a_bound_our_text_writes_is_one_a_page_gives(text: str, quote: str, unworded: list[str]) -> None:
    assert unworded_bounds(text, [], [quote]) == unworded


def test_a_bound_is_given_by_a_recorded_figure_with_that_qualifier() -> None:
    ceiling = Quantity(unit="gw", value=2, qualifier="up_to", sources=[SOURCE])
    bare = Quantity(unit="gw", value=2, sources=[SOURCE])
    assert unworded_bounds("up to 2 GW", [ceiling], []) == []
    assert unworded_bounds("up to 2 GW", [bare], []) == ["2 GW"]


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("will invest 19 trillion won ($13 billion) to build", ["($13 billion)"]),
        ("S$13.8 billion (approximately US$10.9 billion), including leverage", ["(approximately US$10.9 billion)"]),
        ("6 bilhões de pesos mexicanos (US$ 327 milhões), começará", ["(US$ 327 milhões)"]),
        # Local dollars in brackets and brackets without a figure are not a dollar conversion.
        ("NT$17.6 billion (HK$4.4 billion)", []),
        ("raised $1.5 billion (the largest round) from", []),
        ("A$14 billion (S$12 billion)", []),
    ],
)
def test_a_dollar_conversion_is_a_bracketed_us_dollar_figure(quote: str, found: list[str]) -> None:
    assert dollar_conversions(quote) == found
