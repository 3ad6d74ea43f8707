"""Site benchmark: build the pages for synthetic data and time the whole graph in headless Chromium.

    python3 tests/benchmarks/bench_pages.py 12500     # records: a fifth organizations, a fifth chips -> 5,000 nodes
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import computekg
from bench_pipeline import generate, timed
from computekg.graph.site import build_site


def open_in_chromium(page_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        start = time.perf_counter()
        page.goto(page_path.as_uri())
        page.wait_for_function("window.computekg !== undefined", timeout=600_000)
        page.evaluate("window.computekg.network.redraw()")
        drawn = time.perf_counter() - start
        nodes = page.evaluate("window.computekg.nodeView.length")
        start = time.perf_counter()
        page.uncheck("input.filter-kind[value='chips']")
        page.evaluate("window.computekg.network.redraw()")
        filtered = time.perf_counter() - start
        print(f"chromium: {nodes:,} nodes drawn in {drawn:.2f} s; a filter redraws in {filtered:.2f} s; errors {errors}")
        page.screenshot(path=str(Path(tempfile.gettempdir()) / "bench-graph.png"))
        browser.close()


def main(total: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate(root / "data", total)
        kg = timed("load", lambda: computekg.load(root / "data"))
        pages = timed("build site", lambda: build_site(kg, root / "site"))
        size = (root / "site" / "graph.html").stat().st_size
        print(f"{len(pages):,} pages; graph.html {size / 1e6:.1f} MB")
        open_in_chromium(root / "site" / "graph.html")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12_500)
