"""The console in a real browser: Playwright driving Debian's chromium (/usr/bin/chromium, `make browser-deps`;
never `playwright install`). Screenshots go to test-artifacts/ (git-ignored)."""
from __future__ import annotations

import os
import re

import pytest

from .conftest import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, TOKEN

pytestmark = [pytest.mark.servers, pytest.mark.browser]

playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (requirements-dev.txt)")
expect = playwright_api.expect

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing: run `make browser-deps` (make test does)", allow_module_level=True)

TIMEOUT = 60_000


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def new_context(browser, base):
    ctx = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="zh-CN", base_url=base)
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


@pytest.fixture(scope="module")
def page(browser, stack):
    ctx = new_context(browser, stack.url)
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


def edit(page, selector, value):
    with page.expect_response(lambda r: "/api/slots" in r.url) as resp:
        loc = page.locator(selector)
        if loc.evaluate("e => e.tagName") == "SELECT":
            loc.select_option(value)
        else:
            loc.fill(value)
            loc.press("Tab")
    assert resp.value.status == 200, resp.value.text()


def card(page, name):
    return page.locator("#cards article.card", has=page.locator("h3.card-name", has_text=name))


# ----------------------------------------------------------------------------------------------- tests
def test_login_required(browser, stack):
    ctx = new_context(browser, stack.url)
    pg = ctx.new_page()
    pg.goto("/console/")
    assert pg.url.endswith("/console/login")                      # redirected without a session
    assert pg.request.get("/console/api/vocab").status == 401      # the API says 401
    pg.fill("#operator", "王芳")
    pg.fill("#token", "wrong-token")
    pg.click("#login-button")
    expect(pg.locator("#login-error")).to_have_text("口令不对")
    shot(pg, "console-login.png")
    pg.fill("#token", TOKEN)
    pg.click("#login-button")
    pg.wait_for_url(re.compile(r".*/console/#sid=console"))
    assert pg.request.get("/console/api/vocab").status == 403      # the cookie alone is not enough: CSRF header
    cookies = {c["name"]: c for c in ctx.cookies()}
    assert cookies["console_session"]["httpOnly"] and cookies["console_session"]["sameSite"] == "Strict"
    assert pg.evaluate("document.cookie") == ""                   # HttpOnly: scripts cannot read it
    ctx.close()


def test_mission_answer_cards(page):
    new_call(page)
    say(page, "我在社区工厂干了一年能拿多少补贴")
    expect(page.locator("#transcript li.msg.bot").last).to_contain_text("哪个县")
    say(page, "千阳的")
    expect(page.locator("#transcript li.msg.bot").last).to_contain_text("哪一类")
    say(page, "脱贫户")
    factory = card(page, "社区工厂")
    expect(factory).to_have_count(1)
    expect(factory.locator(".amount-line")).to_contain_text("1000元")
    expect(factory.locator(".payee")).to_contain_text("钱发给：社区工厂")
    expect(factory.locator(".citation")).to_contain_text("千人社发〔2021〕141号")
    expect(factory.locator(".validity")).to_contain_text("到期")
    expect(factory.locator(".conds.unknown")).to_contain_text("要问：")
    expect(card(page, "一次性求职补贴")).to_have_count(1)
    expect(page.locator("#field-place")).to_have_value("陕西省宝鸡市千阳县")
    expect(page.locator("#field-category input[value='脱贫劳动力']")).to_be_checked()
    expect(page.locator(".field[data-field='employer_type'] .label")).to_have_text("单位类型")
    shot(page, "console-mission.png")


def test_correcting_the_panel_changes_the_cards(page):
    new_call(page)
    say(page, "我在社区工厂干了一年能拿多少补贴")
    say(page, "千阳的")
    say(page, "脱贫户")
    seeking = card(page, "一次性求职补贴")
    expect(seeking.locator(".badge.status")).to_have_text("不符合")
    # started two months ago, on a one-year contract: the job-seeking subsidy becomes payable
    edit(page, "input[data-fact='months_since_employment']", "2")
    edit(page, "input[data-fact='contract_months']", "12")
    expect(seeking.locator(".badge.status")).to_have_text("符合条件")
    shot(page, "console-corrected.png")
    # another county: 千阳's cards go, 安康's document is named
    edit(page, "#field-place", "汉阴")
    expect(page.locator("#field-place")).to_have_value("陕西省安康市汉阴县")
    expect(page.locator("#cards .docno", has_text="千人社发")).to_have_count(0)
    expect(page.locator("#coverage")).to_contain_text("安政办发")
    # a value that cannot be used: a Chinese message, nothing changed
    edit_bad = page.locator("input[data-fact='contract_months']")
    with page.expect_response(lambda r: "/api/slots" in r.url) as resp:
        edit_bad.fill("很久很久")
        edit_bad.press("Tab")
    assert resp.value.status == 400
    expect(page.locator("#panel-error")).to_contain_text("应填数字")


def test_copy_checklist(page):
    new_call(page)
    say(page, "千阳的脱贫户找到工作有啥补贴")
    expect(page.locator("#checklist .checklist-card")).to_have_count(1)
    expect(page.locator("#checklist ol.items li").first).to_be_visible()
    expect(page.locator("#checklist .office")).to_contain_text("去哪办：")
    page.click("#copy-checklist")
    expect(page.locator("#copy-status")).to_contain_text("已复制")
    clip = page.evaluate("navigator.clipboard.readText()")
    assert clip.startswith("【") and "申请材料" in clip and "依据：" in clip and "复印件" in clip
    assert len(clip.encode("utf-8")) <= 2048
    assert clip == page.locator("#copy-preview").text_content()
    shot(page, "console-checklist.png")


def test_mark_wrong_then_listed_on_review_page(page):
    new_call(page)
    say(page, "千阳的脱贫户找到工作有啥补贴")
    c = card(page, "一次性求职补贴")
    c.locator("button.mark-wrong").click()
    form = c.locator("form.feedback-form")
    form.locator("select[name='kind']").select_option("outdated")
    form.locator("textarea[name='comment']").fill("2026年起标准已调整，<b>请核实</b>")
    with page.expect_response(lambda r: "/api/feedback" in r.url) as resp:
        form.locator("button[type='submit']").click()
    assert resp.value.status == 200
    expect(form.locator(".status")).to_contain_text("已记录")
    page.goto("/console/review")
    row = page.locator("tr.feedback-row", has_text="2026年起标准已调整").first
    expect(row).to_contain_text("一次性求职补贴")
    expect(row).to_contain_text("政策过时")
    expect(row.locator("td.comment")).to_have_text("2026年起标准已调整，<b>请核实</b>")   # shown as text
    shot(page, "console-review.png")
    row.locator("button.resolve").click()
    page.wait_for_load_state()
    expect(page.locator("tr.feedback-row.resolved", has_text="2026年起标准已调整")).to_have_count(1)
    page.goto("/console/")
    expect(page.locator("#sid")).to_contain_text("console:")


def test_handover_toggle(page):
    new_call(page)
    expect(page.locator("#handover-status")).to_have_text("机器人答复中")
    with page.expect_response(lambda r: "/api/handover" in r.url):
        page.click("#handover-toggle")
    expect(page.locator("#handover-status")).to_contain_text("人工接管中")
    expect(page.locator("#handover-banner")).to_be_visible()
    expect(page.locator("#handover-toggle")).to_have_text("交回机器人")
    say(page, "千阳的脱贫户去外省打工车票680能报多少")
    expect(page.locator("#say-status")).to_contain_text("没有显示")
    expect(page.locator("#transcript li.msg.bot.suppressed").first).to_be_visible()
    expect(page.locator("#transcript li.msg.bot:not(.suppressed)")).to_have_count(0)
    expect(page.locator("#cards article.card").first).to_be_visible()     # the operator still sees the answers
    page.click("#refresh-list")
    expect(page.locator("#conversation-list li.current .badge.human")).to_have_text("人工")
    shot(page, "console-handover.png")
    with page.expect_response(lambda r: "/api/handover" in r.url):
        page.click("#handover-toggle")
    expect(page.locator("#handover-status")).to_have_text("机器人答复中")
    expect(page.locator("#handover-banner")).to_be_hidden()
    say(page, "去哪办")
    expect(page.locator("#transcript li.msg.bot:not(.suppressed)")).not_to_have_count(0)


def test_caller_text_is_shown_as_text_not_html(page):
    new_call(page)
    evil = "<img src=x onerror=alert(1)>"
    say(page, evil)
    user = page.locator("#transcript li.msg.user .text").last
    expect(user).to_have_text(evil)
    assert page.locator("#transcript img").count() == 0
    assert page.locator("#conversation-list img").count() == 0
    page.click("#refresh-list")
    expect(page.locator("#conversation-list li.current .conv-last")).to_have_text(evil)
    assert page.locator("#conversation-list img").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == [], page.dialogs
    shot(page, "console-xss.png")
    assert page.errors == [], page.errors
