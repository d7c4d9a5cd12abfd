"""The household checklists printed by Debian's chromium (Playwright's print-to-PDF, as the console's browser tests
use it): a 40-household ledger kept the village way prints on 40 A4 pages (a household whose page overflowed would
go on to a second page: nothing is cut off)."""
from __future__ import annotations

import os
import re

import pytest

import ledger

from . import messy

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (requirements-dev.txt)")
if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing: run `make browser-deps` (make test does)", allow_module_level=True)


@pytest.mark.parametrize("maker", sorted(messy.MAKERS))
def test_one_a4_page_per_household(tmp_path, maker):
    path, truth = messy.MAKERS[maker](tmp_path / f"{maker}.xlsx")
    rep = ledger.check_ledger(path, messy.AS_OF)
    html = tmp_path / "checklists.html"
    ledger.write_html(rep, html)
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        try:
            page = browser.new_page(viewport={"width": 794, "height": 1123})
            page.goto(html.as_uri())
            pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
        finally:
            browser.close()
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert len(rep.households) == truth.households
    assert pages == truth.households, (pages, truth.households)     # a page that overflowed would add one
