"""The console at the sizes it is used at (tests/console/browser.py: Debian's chromium through Playwright): after a
reply, the conclusion line, the first card and the input box are inside the viewport at 1280×720, 1366×768 and
1920×1080 (sent with Enter; Shift+Enter makes a new line); nothing scrolls sideways at 1024 px or on a 768 px tablet,
where the call list and the facts panel are drawers. A stopped server (a relay in front of the shared stack,
stopped) gives a Chinese error with 重试, a proxy's 502 a Chinese message, and 重试 sends the same words once the
server is back. Screenshots: test-artifacts/console-<width>x<height>.png."""
from __future__ import annotations

import pytest

from .browser import (FARE, TIMEOUT, close_facts, expect, inside, login, new_context, open_facts,
                      say_enter, shot)
from .conftest import Relay

pytestmark = [pytest.mark.servers, pytest.mark.browser]


@pytest.mark.parametrize("width,height", [(1280, 720), (1366, 768), (1920, 1080)])
def test_conclusion_and_first_card_on_screen(browser, stack, width, height):
    ctx = new_context(browser, stack.url, width, height)
    pg = ctx.new_page()
    login(pg, "李娜")
    # Shift+Enter makes a new line, Enter sends
    pg.fill("#say-text", "千阳的脱贫户")
    pg.press("#say-text", "Shift+Enter")
    pg.type("#say-text", "去外省打工车票680能报多少")
    expect(pg.locator("#say-text")).to_have_value("千阳的脱贫户\n去外省打工车票680能报多少")
    with pg.expect_response(lambda r: "/api/message" in r.url, timeout=TIMEOUT):
        pg.press("#say-text", "Enter")
    expect(pg.locator("#say-text")).to_have_value("")
    conclusion = pg.locator("#conclusion")
    expect(conclusion).to_contain_text("可领 500元")
    expect(conclusion).to_contain_text("钱发给")
    expect(conclusion).to_contain_text("⚠")
    expect(conclusion.locator(".conc-validity")).to_contain_text("到期")
    first = "#cards article.card"
    expect(pg.locator(first).first.locator("h3.card-name")).to_have_text("跨省就业一次性交通补助")
    for sel in ("#conclusion", f"{first} h3.card-name", f"{first} .amount-line", f"{first} .payee",
                f"{first} .validity", "#say-text", "#say-send"):
        ok, *why = inside(pg, sel)
        assert ok, why
    # the input box is still there after more replies
    say_enter(pg, "要带啥材料")
    ok, *why = inside(pg, "#say-text")
    assert ok, why
    ok, *why = inside(pg, f"{first} h3.card-name")
    assert ok, why
    shot(pg, f"console-{width}x{height}.png")
    # the facts drawer opens beside the cards, its fields on screen (a column of its own at 1920)
    open_facts(pg)
    for sel in ("#field-place", "#field-topic", "#facts-drawer .col-head h2"):
        ok, *why = inside(pg, sel)
        assert ok, why
    shot(pg, f"console-{width}x{height}-facts.png")
    ctx.close()


@pytest.mark.parametrize("width,height", [(1024, 768), (768, 1024)])
def test_narrow_screens_do_not_clip(browser, stack, width, height):
    ctx = new_context(browser, stack.url, width, height)
    pg = ctx.new_page()
    login(pg, "李娜")
    say_enter(pg, FARE)
    expect(pg.locator("#conclusion")).to_contain_text("可领 500元")
    # no sideways scrolling, no column squeezed to a few characters
    assert pg.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")
    for sel in ("#transcript", "#cards article.card", "#conclusion"):
        assert pg.locator(sel).first.bounding_box()["width"] >= 280, sel
    ok, *why = inside(pg, "#conclusion")
    assert ok, why
    # the call list and the facts panel are drawers
    pg.click("#calls-toggle")
    expect(pg.locator("#conversation-list li.conv").first).to_be_visible()
    pg.keyboard.press("Escape")
    expect(pg.locator("#calls")).to_be_hidden()
    open_facts(pg)
    for sel in ("#field-place", "#field-topic"):
        ok, *why = inside(pg, sel)
        assert ok, why
    shot(pg, f"console-{width}x{height}-facts.png")
    close_facts(pg)
    shot(pg, f"console-{width}x{height}.png")
    ctx.close()


# ----------------------------------------------------------------------------------------------- errors
def test_chinese_error_with_retry_when_the_server_is_stopped(browser, stack):
    relay = Relay(stack.url).start()
    ctx = new_context(browser, relay.url, 1280, 720)
    pg = ctx.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    try:
        login(pg, "赵强")
        relay.stop()                                           # the server is gone
        pg.fill("#say-text", FARE)
        pg.press("#say-text", "Enter")
        alert = pg.locator("#alert")
        expect(alert).to_be_visible()
        expect(alert).to_contain_text("连不上坐席台服务器")
        assert "Failed to fetch" not in alert.text_content()
        expect(pg.locator("#say-text")).to_have_value(FARE)     # what was typed is not lost
        expect(pg.locator("#alert-retry")).to_be_visible()
        shot(pg, "console-error-stopped.png")
        # a proxy in front answers 502 while the assistant behind it is down
        relay.start()
        relay.upstream_down = True
        pg.click("#alert-retry")
        expect(alert).to_contain_text("服务器暂时没有响应（502）")
        # back again: 重试 sends the same words
        relay.upstream_down = False
        with pg.expect_response(lambda r: "/api/message" in r.url, timeout=TIMEOUT) as resp:
            pg.click("#alert-retry")
        assert resp.value.status == 200
        expect(alert).to_be_hidden()
        expect(pg.locator("#conclusion")).to_contain_text("可领 500元")
        expect(pg.locator("#say-text")).to_have_value("")
        assert pg.errors == [], pg.errors
    finally:
        relay.stop()
        ctx.close()
