"""The bundled data's site builds, and opens offline in headless Chromium without errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import computekg
import pytest
from computekg.graph.site import build_site

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_bundled_site_opens_offline(tmp_path: Path) -> None:
    kg = computekg.load()
    build_site(kg, tmp_path)
    nodes = kg.nx.number_of_nodes()
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for page_path, expected_nodes in (("index.html", None), ("graph.html", nodes), ("org/anthropic.html", None)):
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            problems: list[str] = []
            page.on("pageerror", lambda e, seen=problems: seen.append(str(e)))
            page.on("console", lambda m, seen=problems: seen.append(m.text) if m.type == "error" else None)
            page.on("request", lambda r, seen=problems: seen.append(r.url) if not r.url.startswith(tmp_path.as_uri()) else None)
            page.goto((tmp_path / page_path).as_uri())
            page.wait_for_load_state("load")
            if expected_nodes is not None:
                assert page.evaluate("window.computekg.nodeView.length") == expected_nodes
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / f"bundled-{page_path.replace('/', '-')}.png"))
            assert problems == [], page_path
            page.close()
        browser.close()
