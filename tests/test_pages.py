"""The static site, checked as files: content, links, escaping, offline assets, determinism."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import computekg
import pytest
from computekg.graph.site import build_site, safe_href, script_json
from helpers import FIXTURE_DATA
from pages_helpers import IMG_PAYLOAD, SCRIPT_PAYLOAD, add_hostile_records


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.assets: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")
        if tag in ("script", "img", "iframe") and values.get("src"):
            self.assets.append(values["src"] or "")
        if tag == "link" and values.get("href"):
            self.assets.append(values["href"] or "")
        self._in_script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_site(computekg.load(FIXTURE_DATA), out)
    return out


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def test_pages_for_every_record_at_readable_paths(site: Path) -> None:
    pages = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    assert pages == sorted([
        "index.html", "graph.html",
        *(f"org/{o}.html" for o in ["bigcloud", "bigcloud-chips", "fabco", "gpuco", "labco", "memco"]),
        *(f"deal/{d}.html" for d in ["bigcloud-labco-investment-2023", "fabco-gpuco-wafers-2024",
                                     "gpuco-labco-chip-supply-2025", "labco-memco-custom-chip-2026"]),
        *(f"chip/{c}.html" for c in ["cloud-asic", "gpu-x1", "memco-hbm9"]),
        "facility/campus-one.html",
    ])  # fmt: skip


def test_every_local_link_resolves_and_nothing_loads_from_outside(site: Path) -> None:
    for page in site.rglob("*.html"):
        links = parse(page)
        for asset in links.assets:
            assert not re.match(r"^[a-z]+:", asset), f"{page}: loads {asset} from outside the site"
            assert (page.parent / asset).resolve().is_file(), f"{page}: missing asset {asset}"
        for href in links.hrefs:
            if re.match(r"^https?://", href):
                continue
            assert not re.match(r"^[a-z]+:", href), f"{page}: odd link {href}"
            assert (page.parent / href).resolve().is_file(), f"{page}: broken link {href}"


def test_org_page_content(site: Path) -> None:
    text = (site / "org/labco.html").read_text()
    assert "<h1>LabCo</h1>" in text
    assert 'href="../deal/gpuco-labco-chip-supply-2025.html">GPUCo supplies X1 GPUs to LabCo</a>' in text
    assert '<a href="https://news.example.org/gpuco-labco" rel="noopener noreferrer nofollow" title="GPUCo and LabCo sign GPU X1 supply deal">Example News</a>' in text
    assert "up to 4 billion USD" in text and "10 billion to 15 billion USD" in text
    timeline = re.findall(r"<li><time>([^<]+)</time>", text)
    assert timeline == sorted(timeline) and len(timeline) == 5
    payload = json.loads(re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', text, re.DOTALL).group(1))
    assert sorted(n["id"] for n in payload["nodes"]) == ["bigcloud", "campus-one", "gpuco", "labco", "memco"]
    assert payload["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in payload["nodes"])
    talks = next(e for e in payload["edges"] if e.get("deal") == "labco-memco-custom-chip-2026")
    assert talks["dashes"] is True and talks["status"] == "in_talks"


def test_deal_page_shows_parties_history_and_sources(site: Path) -> None:
    text = (site / "deal/gpuco-labco-chip-supply-2025.html").read_text()
    assert re.findall(r"<li><time>([^<]+)</time> <span class=\"status status-(\w+)\">", text) == [
        ("2025-01", "rumored"), ("2025-11-18", "signed")
    ]
    assert '<td><a href="../org/gpuco.html">GPUCo</a></td><td>supplier</td>' in text
    assert "report citing anonymous sources" in text


def test_a_stake_names_its_holders_and_company(site: Path) -> None:
    held = 'about 20 % held by <a href="../org/bigcloud.html">BigCloud</a> in <a href="../org/labco.html">LabCo</a>'
    deal = (site / "deal/bigcloud-labco-investment-2023.html").read_text()
    assert f"<li>{held} <small>(BigCloud&#39;s stake in LabCo once the investment closes.)</small>" in deal
    # Both the holder's and the company's pages list it with its deal; a party to neither page has none.
    for org in ("bigcloud", "labco"):
        text = (site / f"org/{org}.html").read_text()
        stakes = re.search(r'<h2>Equity stakes</h2>\n<ul class="stakes">\n(.*?)</ul>', text, re.DOTALL).group(1)
        assert stakes.startswith(f'<li>{held} · <a href="../deal/bigcloud-labco-investment-2023.html">') and stakes.count("<li>") == 1
    assert "Equity stakes" not in (site / "org/gpuco.html").read_text()


def test_related_deals_link_both_ways_whichever_file_lists_them(data_copy: Path, tmp_path: Path) -> None:
    deal = data_copy / "deals" / "gpuco-labco-chip-supply-2025.yaml"
    deal.write_text(deal.read_text(encoding="utf-8") + "related:\n- bigcloud-labco-investment-2023\n", encoding="utf-8")
    out = tmp_path / "site"
    build_site(computekg.load(data_copy), out)
    listed = '<h2>Related deals</h2><ul><li><a href="../deal/{}.html">'
    assert listed.format("bigcloud-labco-investment-2023") in (out / "deal/gpuco-labco-chip-supply-2025.html").read_text()
    assert listed.format("gpuco-labco-chip-supply-2025") in (out / "deal/bigcloud-labco-investment-2023.html").read_text()
    assert "Related deals" not in (out / "deal/fabco-gpuco-wafers-2024.html").read_text()


def test_a_part_and_its_whole_link_each_other(data_copy: Path, tmp_path: Path) -> None:
    deal = data_copy / "deals" / "gpuco-labco-chip-supply-2025.yaml"
    deal.write_text(deal.read_text(encoding="utf-8") + "part_of: bigcloud-labco-investment-2023\n", encoding="utf-8")
    out = tmp_path / "site"
    build_site(computekg.load(data_copy), out)
    part = (out / "deal/gpuco-labco-chip-supply-2025.html").read_text()
    whole = (out / "deal/bigcloud-labco-investment-2023.html").read_text()
    assert '<h2>Part of</h2><p><a href="../deal/bigcloud-labco-investment-2023.html">' in part
    assert '<h2>Parts</h2>' in whole and '<li><a href="../deal/gpuco-labco-chip-supply-2025.html">' in whole.split("<h2>Parts</h2>")[1]
    assert "<h2>Parts</h2>" not in part and "<h2>Part of</h2>" not in whole


def test_a_chip_page_gives_the_node_size_its_name_does_not_say(data_copy: Path, tmp_path: Path) -> None:
    process_row = re.compile(r"<tr><th>Process</th><td>([^<]*)</td></tr>")
    chip = data_copy / "chips" / "gpu-x1.yaml"
    out = tmp_path / "site"
    build_site(computekg.load(data_copy), out)
    assert process_row.findall((out / "chip/gpu-x1.html").read_text()) == ["4nm"]
    chip.write_text(chip.read_text(encoding="utf-8").replace("process_node: 4nm", "process_node: N4P (TSMC)"), encoding="utf-8")
    build_site(computekg.load(data_copy), out)
    assert process_row.findall((out / "chip/gpu-x1.html").read_text()) == ["N4P (TSMC), 4 nm class"]


def test_pages_say_whether_a_second_reader_checked_the_sources(site: Path) -> None:
    checked = (site / "deal/gpuco-labco-chip-supply-2025.html").read_text()
    assert '<p class="review">Every claim on this page was checked against its sources by a second reader on ' \
        "<time>2026-01-10</time>.</p>" in checked
    for page in ("deal/bigcloud-labco-investment-2023.html", "chip/gpu-x1.html", "facility/campus-one.html", "org/labco.html"):
        assert '<p class="review">Not yet checked against its sources by a second reader.</p>' in (site / page).read_text()


def test_a_party_no_cited_page_names_says_so(site: Path) -> None:
    # FabCo is named only by "Fabco gpuco end", a title made from an address; GPUCo by a seen headline.
    text = (site / "deal/fabco-gpuco-wafers-2024.html").read_text()
    rows = dict(re.findall(r'<tr><td><a href="../org/(\w+).html">.*?</td>(.*?)</tr>', text))
    assert "(no cited quote or headline names it)" in rows["fabco"]
    assert "names it" not in rows["gpuco"]
    assert "(no cited quote or headline names it)" not in (site / "deal/gpuco-labco-chip-supply-2025.html").read_text()


def test_a_product_no_cited_page_names_says_so(site: Path) -> None:
    # "GPU X1" is in a seen headline of the supply deal; the wafer deal's pages say only "the X1".
    marker = "(no cited quote or headline names it)"
    for deal, marked in (("fabco-gpuco-wafers-2024", True), ("gpuco-labco-chip-supply-2025", False)):
        [item] = re.findall(r'<li><a href="../chip/gpu-x1.html">.*?</li>', (site / f"deal/{deal}.html").read_text())
        assert (marker in item) is marked


def test_a_title_taken_from_the_address_says_so(site: Path) -> None:
    text = (site / "deal/fabco-gpuco-wafers-2024.html").read_text()
    assert re.search(r'>Fabco gpuco end</a> <small class="derived"[^>]*>\(title from the address\)</small>', text)
    assert "(title from the address)" not in (site / "deal/gpuco-labco-chip-supply-2025.html").read_text()


def test_script_json_cannot_close_its_element() -> None:
    text = str(script_json({"name": SCRIPT_PAYLOAD, "x": "a & b <!--"}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": SCRIPT_PAYLOAD, "x": "a & b <!--"}


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "//evil.example", "/etc/passwd", "", None])
def test_only_http_addresses_become_links(url: str | None) -> None:
    assert safe_href(url) is None


def test_hostile_text_is_escaped_everywhere(data_copy: Path, tmp_path: Path) -> None:
    add_hostile_records(data_copy)
    out = tmp_path / "site"
    build_site(computekg.load(data_copy), out)
    for page in out.rglob("*.html"):
        text = page.read_text()
        assert IMG_PAYLOAD not in text, page
        assert SCRIPT_PAYLOAD not in text, page
        assert 'href="javascript:' not in text.lower(), page
    org = (out / "org/evil-corp.html").read_text()
    assert "<h1>Evil &lt;img src=x onerror=window.__xss=1&gt; Corp</h1>" in org
    assert "<p>javascript:window.__xss=3</p>" in org


def test_same_data_same_bytes(tmp_path: Path) -> None:
    kg = computekg.load(FIXTURE_DATA)
    build_site(kg, tmp_path / "a")
    build_site(computekg.load(FIXTURE_DATA), tmp_path / "b")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert files
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_pages_forbid_inline_scripts_and_outside_connections(site: Path) -> None:
    """Defence in depth: even if a payload slipped through escaping, the browser would not run it."""
    for page in site.rglob("*.html"):
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page.read_text()).group(1)
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["script-src"] == "'self'", page
        assert directives["connect-src"] == "'none'" and directives["default-src"] == "'self'", page


def test_figures_read_as_reported() -> None:
    from computekg.graph.site import quantity_text
    from computekg.schemas.models import Quantity

    assert quantity_text(Quantity(unit="usd", value=4e9, qualifier="up_to")) == "up to 4 billion USD"
    assert quantity_text(Quantity(unit="krw", value=2.1e10)) == "21 billion KRW"
    assert quantity_text(Quantity(unit="gw", min=1, max=3, per="year")) == "1 to 3 GW per year"
    assert quantity_text(Quantity(unit="chips", value=260000, qualifier="approximately")) == "about 260,000 chips"
    assert quantity_text(Quantity(unit="wafers", value=10000, per="year")) == "10,000 wafers per year"
    assert quantity_text(Quantity(unit="chips", value=30000, qualifier="less_than")) == "less than 30,000 chips"
    assert quantity_text(Quantity(unit="hkd", value=116.2, per="share")) == "116.2 HKD per share"
    assert quantity_text(Quantity(unit="racks", value=500, qualifier="approximately")) == "about 500 racks"
    assert quantity_text(Quantity(unit="servers", value=10000)) == "10,000 servers"
    assert quantity_text(Quantity(unit="brl", value=2e11, qualifier="more_than")) == "more than 200 billion BRL"
    assert quantity_text(Quantity(unit="thb", value=1.268e11, qualifier="approximately")) == "about 126.8 billion THB"
    assert quantity_text(Quantity(unit="gigawatt_hours", value=1093, per="year")) == "1,093 GWh per year"
    assert quantity_text(Quantity(unit="megawatt_hours", value=1400)) == "1,400 MWh"
    assert quantity_text(Quantity(unit="terawatt_hours", value=1.5)) == "1.5 TWh"
    assert quantity_text(Quantity(unit="zar", value=5.4e9)) == "5.4 billion ZAR"
    assert quantity_text(Quantity(unit="mxn", value=6e9, qualifier="approximately")) == "about 6 billion MXN"
    assert quantity_text(Quantity(unit="usd", value=0.0001, per="share")) == "0.0001 USD per share"
    assert quantity_text(Quantity(unit="usd", value=3.8e11, measure="valuation")) == "380 billion USD valuation"
    rate = Quantity(unit="percent", value=7.75, per="year", measure="interest_rate")
    assert quantity_text(rate) == "7.75 % per year interest rate"
    assert quantity_text(Quantity(unit="percent", value=25, measure="revenue_share")) == "25 % of revenue"
    assert quantity_text(Quantity(unit="percent", value=72, measure="proportion", qualifier="approximately")) == "about 72 % share"


def test_every_unit_but_a_currency_has_a_written_label() -> None:
    from computekg.graph.site import UNIT_LABELS
    from computekg.schemas.enums import CURRENCY_UNITS, Unit

    # Currencies print as their ISO 4217 code; anything else needs a label, or it would print as "WAFERS".
    unlabelled = [u.value for u in Unit if u.value not in UNIT_LABELS and u not in CURRENCY_UNITS]
    assert unlabelled == []


def test_every_qualifier_has_a_written_label() -> None:
    from computekg.graph.site import QUALIFIER_LABELS
    from computekg.schemas.enums import Qualifier

    # A qualifier with no label would stop the page build with a KeyError.
    assert set(QUALIFIER_LABELS) == {q.value for q in Qualifier}


def test_the_legend_gives_every_organization_role_the_colour_its_nodes_get(site: Path) -> None:
    from computekg.graph.visual import ROLE_COLOURS
    from computekg.schemas.enums import OrgRole

    legend = re.search(r'<p class="legend">(.*?)</p>', (site / "index.html").read_text(encoding="utf-8"), re.DOTALL)
    assert legend
    shown = {label: colour for colour, label in re.findall(r'background:(#[0-9a-f]{6})"></span> ([a-z ]+?)\s*$', legend.group(1), re.MULTILINE)}
    assert set(ROLE_COLOURS) == {role.value for role in OrgRole}
    assert shown == {role.replace("_", " "): colour for role, colour in ROLE_COLOURS.items()}
    assert shown["bank"] != shown["investor"]
