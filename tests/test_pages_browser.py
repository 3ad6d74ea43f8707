"""The site in a real browser: headless Chromium (Debian's) driven by Playwright, pages opened from disk.

Screenshots go to test-output/screenshots/ for a person to look at.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import computekg
import pytest
from computekg.graph.site import build_site
from helpers import FIXTURE_DATA
from pages_helpers import IMG_PAYLOAD, add_hostile_records

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
SHOTS = Path(__file__).resolve().parent.parent / "test-output" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]  # fmt: skip


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(FIXTURE_DATA, data)
    add_hostile_records(data)
    labco = data / "organizations" / "labco.yaml"
    labco.write_text(labco.read_text(encoding="utf-8").replace("- LabCo AI\n", "- LabCo AI\n- 实验室公司\n- Laboratoire Société\n"), encoding="utf-8")
    out = tmp_path_factory.mktemp("site")
    build_site(computekg.load(data), out)
    return out


class Visit:
    """One page, with everything it logged and every request it made."""

    def __init__(self, browser: object, site: Path, page_path: str) -> None:
        self.site = site
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", self._route)
        self.page.goto((site / page_path).as_uri())
        self.page.wait_for_load_state("load")

    def _route(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        inside = url.startswith(self.site.as_uri() + "/")
        if not inside:
            self.outside.append(url)
            route.abort()  # type: ignore[attr-defined]
        else:
            route.continue_()  # type: ignore[attr-defined]

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"))

    def close(self) -> None:
        assert self.errors == [], self.errors
        assert self.outside == [], self.outside
        assert self.page.evaluate("window.__xss") is None, "an injection payload ran"
        self.page.close()


def drawn_pixels(visit: Visit) -> int:
    """How many pixels of the graph canvas are not blank."""
    return visit.page.evaluate(
        """() => { const c = document.querySelector('#graph canvas'); const d = c.getContext('2d')
               .getImageData(0, 0, c.width, c.height).data; let n = 0;
               for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++; return n; }"""
    )


def test_index_search_finds_aliases_and_links_to_pages(browser: object, site: Path) -> None:
    visit = Visit(browser, site, "index.html")
    visit.page.fill("#search", "labco ai")
    results = visit.page.locator("#results a")
    assert results.all_inner_texts() == ["LabCo"]
    assert results.first.get_attribute("href") == "org/labco.html"
    visit.page.fill("#search", "img src")
    assert visit.page.locator("#results a").all_inner_texts() == [f"Evil {IMG_PAYLOAD} Corp", f"Evil invests {IMG_PAYLOAD}"]
    for typed in ("实验室", "societe", "ＬＡＢＯＲＡＴＯＩＲＥ"):  # another script, an accent left off, full-width letters
        visit.page.fill("#search", typed)
        assert visit.page.locator("#results a").all_inner_texts() == ["LabCo"], typed
    visit.shot("index")
    visit.page.fill("#search", "labco ai")
    results.first.click()
    visit.page.wait_for_url("**/org/labco.html")
    visit.close()


def test_whole_graph_draws_every_node_and_filters(browser: object, site: Path) -> None:
    visit = Visit(browser, site, "graph.html")
    page = visit.page
    assert page.evaluate("window.computekg.nodeView.length") == 7 + 3 + 1
    assert drawn_pixels(visit) > 2000
    edges_before = page.evaluate("window.computekg.edgeView.length")
    page.uncheck("input.filter-status[value='in_talks']")
    assert page.evaluate("window.computekg.edgeView.length") == edges_before - 1
    page.select_option("#filter-type", "investment")
    deal_edges = page.evaluate("window.computekg.edgeView.get().filter(e => e.deal).map(e => e.deal).sort()")
    assert deal_edges == ["bigcloud-labco-investment-2023", "evil-corp-labco-investment-2025"]
    page.uncheck("input.filter-kind[value='chips']")
    assert page.evaluate("window.computekg.nodeView.length") == 7 + 1
    visit.shot("graph-filtered")
    visit.close()


def test_clicking_a_node_opens_its_page(browser: object, site: Path) -> None:
    visit = Visit(browser, site, "graph.html")
    point = visit.page.evaluate(
        """() => { const k = window.computekg; const p = k.network.getPositions(['gpuco'])['gpuco'];
               const d = k.network.canvasToDOM(p); const r = document.querySelector('#graph canvas').getBoundingClientRect();
               return [r.left + d.x, r.top + d.y]; }"""
    )
    visit.page.mouse.click(point[0], point[1])
    visit.page.wait_for_url("**/org/gpuco.html")
    assert visit.page.locator("h1").inner_text() == "GPUCo"
    visit.close()


def test_entity_pages_render_hostile_text_inertly(browser: object, site: Path) -> None:
    visit = Visit(browser, site, "org/evil-corp.html")
    assert visit.page.locator("h1").inner_text() == f"Evil {IMG_PAYLOAD} Corp"
    assert visit.page.locator("img").count() == 0
    assert visit.page.evaluate("window.computekg.nodeView.length") == 2
    assert drawn_pixels(visit) > 500
    visit.shot("org-hostile")
    visit.close()
    deal = Visit(browser, site, "deal/evil-corp-labco-investment-2025.html")
    assert "</script><script>window.__xss=2</script>" in deal.page.locator("blockquote").first.inner_text()
    deal.shot("deal-hostile")
    deal.close()


def test_org_page_with_deal_table(browser: object, site: Path) -> None:
    visit = Visit(browser, site, "org/labco.html")
    rows = visit.page.locator("table.deals tbody tr")
    assert rows.count() == 4
    assert visit.page.evaluate("window.computekg.nodeView.length") == 6
    visit.shot("org-labco")
    visit.close()
