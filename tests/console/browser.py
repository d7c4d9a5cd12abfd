"""The browser side of the console tests: Playwright driving Debian's chromium (/usr/bin/chromium, `make
browser-deps`; never `playwright install`), what the `browser` and `page` fixtures of conftest.py are made of, and the
steps the tests share (log in, new call, say, edit a field in the facts drawer, find a card, take a screenshot into
test-artifacts/, git-ignored). Imported by test_browser.py and test_browser_screens.py."""
from __future__ import annotations

import os
import re

import pytest

from .conftest import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, TOKEN

playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (requirements-dev.txt)")
expect = playwright_api.expect

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing: run `make browser-deps` (make test does)", allow_module_level=True)

TIMEOUT = 60_000


def launch():
    """Debian's chromium, headless (a generator: the browser, then closed)."""
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def new_context(browser, base, width=1600, height=1000):
    ctx = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN", base_url=base)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    ctx.set_default_timeout(TIMEOUT)
    return ctx


def login(page, operator="王芳"):
    page.goto("/console/login")
    page.fill("#operator", operator)
    page.fill("#token", TOKEN)
    page.click("#login-button")
    page.wait_for_url(re.compile(r".*/console/#sid=console"))
    expect(page.locator("#sid")).to_contain_text(f"console:{operator}:")


def logged_in_page(browser, base):
    """A page logged in as 王芳 that records dialogs and script errors (a generator: the page, then closed)."""
    ctx = new_context(browser, base)
    pg = ctx.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    login(pg)
    yield pg
    ctx.close()


def shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=False)


def new_call(page):
    with page.expect_response(lambda r: "/api/conversations" in r.url and r.request.method == "POST"):
        page.click("#new-call")
    expect(page.locator("#transcript li.msg.bot")).to_have_count(0)


def say(page, text):
    page.fill("#say-text", text)
    with page.expect_response(lambda r: "/api/message" in r.url, timeout=TIMEOUT) as resp:
        page.click("#say-send")
    assert resp.value.status == 200, resp.value.text()
    expect(page.locator("#say-text")).to_have_value("")


def open_facts(page):
    if not page.locator("#facts-drawer").is_visible():
        page.click("#facts-toggle")
    expect(page.locator("#facts-drawer")).to_be_visible()


def close_facts(page):
    page.keyboard.press("Escape")


def edit(page, selector, value, status=200):
    open_facts(page)
    with page.expect_response(lambda r: "/api/slots" in r.url) as resp:
        loc = page.locator(selector)
        if loc.evaluate("e => e.tagName") == "SELECT":
            loc.select_option(value)
        else:
            loc.fill(value)
            loc.press("Tab")
    assert resp.value.status == status, resp.value.text()
    if status == 200:
        close_facts(page)


def card(page, name):
    return page.locator("#cards article.card", has=page.locator("h3.card-name", has_text=name))



FARE = "千阳的脱贫户去外省打工车票680能报多少"


def inside(page, selector):
    """The element's box lies within the viewport."""
    box = page.locator(selector).first.bounding_box()
    vp = page.viewport_size
    assert box is not None, selector
    return (box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= vp["width"] + 1
            and box["y"] + box["height"] <= vp["height"] + 1), (selector, box, vp)


def say_enter(page, text):
    """Type and press Enter, as in WeChat."""
    page.fill("#say-text", text)
    with page.expect_response(lambda r: "/api/message" in r.url, timeout=TIMEOUT) as resp:
        page.press("#say-text", "Enter")
    assert resp.value.status == 200, resp.value.text()
    expect(page.locator("#say-text")).to_have_value("")
