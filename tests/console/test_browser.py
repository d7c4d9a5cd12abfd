"""The console in a real browser (tests/console/browser.py: Debian's chromium through Playwright), at 1600×1000:
login, the mission dialogue's cards, corrections (a refused value stays typed and marked; 一年半 is read), copying
the checklist, marking an answer and the review page's labelled facts, handover without a stale status, caller text
shown as text, an operator's edit surviving the caller's next sentence, the cards naming what the reply names,
shortcuts and call titles. Screen sizes and errors: test_browser_screens.py."""
from __future__ import annotations

import re

import pytest

from .browser import FARE, card, edit, expect, new_call, new_context, open_facts, say, shot
from .conftest import TOKEN

pytestmark = [pytest.mark.servers, pytest.mark.browser]


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
    # "社区工厂" is a word only 千阳's text has: the rate at once, the county to confirm said first
    expect(page.locator("#transcript")).to_contain_text("您没说是哪个县的")
    expect(page.locator("#transcript li.msg.bot").last).to_contain_text("1000元")
    say(page, "千阳的")
    expect(page.locator("#transcript li.msg.bot").last).to_contain_text("1000元")
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
    open_facts(page)
    edit_bad = page.locator("input[data-fact='contract_months']")
    with page.expect_response(lambda r: "/api/slots" in r.url) as resp:
        edit_bad.fill("很久很久")
        edit_bad.press("Tab")
    assert resp.value.status == 400
    expect(page.locator("#panel-error")).to_contain_text("应填数字")
    # the typed value stays where it was typed, marked, until it is put right
    expect(edit_bad).to_have_value("很久很久")
    expect(page.locator(".field[data-field='contract_months']")).to_have_class(re.compile("invalid"))
    expect(edit_bad).to_have_attribute("aria-invalid", "true")
    # the panel reads what the chat reads: 一年半 is 18 months
    edit(page, "input[data-fact='contract_months']", "一年半")
    expect(page.locator("input[data-fact='contract_months']")).to_have_value("18")
    expect(page.locator(".field[data-field='contract_months']")).not_to_have_class(re.compile("invalid"))
    expect(page.locator("#panel-error")).to_be_hidden()


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
    # the call's facts in Chinese, labelled: no JSON, no \u escapes, no internal names
    row.locator("details summary").click()
    facts = row.locator("dl.slots")
    expect(facts.locator("dt", has_text="问的是")).to_have_count(1)
    expect(facts).to_contain_text("千阳县")
    expect(facts).to_contain_text("脱贫劳动力")
    text = facts.text_content()
    assert not re.search(r"ask_|\\u|[{}\[\]]|_", text), text
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
    expect(page.locator("#say-status")).not_to_contain_text("人工接管中")       # no stale status
    expect(page.locator("#say-status")).to_contain_text("已交回机器人")
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


# ----------------------------------------------------------------------------------------------- operator edits
def test_operator_edit_survives_the_next_caller_sentence(page):
    new_call(page)
    say(page, FARE)
    expect(page.locator("#field-topic")).to_have_value("ask_transport")
    expect(page.locator("#changes")).to_contain_text("地点")              # what the bot took from the sentence
    edit(page, "#field-topic", "ask_job_seeking")
    expect(page.locator(".field[data-field='topic'] .badge.lock")).to_have_count(1)
    say(page, "那创业贷款能贷多少")
    # the operator's 问的是 stays, and the page says what the caller's words would have made it
    expect(page.locator("#field-topic")).to_have_value("ask_job_seeking")
    kept = page.locator("#kept")
    expect(kept).to_be_visible()
    expect(kept).to_contain_text("问的是")
    expect(kept).to_contain_text("创业")
    expect(card(page, "一次性求职补贴")).to_have_count(1)
    shot(page, "console-kept.png")
    # the operator may take the caller's words after all
    with page.expect_response(lambda r: "/api/slots" in r.url) as resp:
        kept.locator("button.use-caller").click()
    assert resp.value.status == 200
    expect(kept).to_be_hidden()
    expect(page.locator("#field-topic")).not_to_have_value("ask_job_seeking")
    expect(page.locator(".field[data-field='topic'] .badge.lock")).to_have_count(0)


def test_cards_are_the_bots_answer(page):
    """汉阴's document has no fare subsidy: the bot lists what else the caller may get, and the cards show the same."""
    new_call(page)
    say(page, "我是汉阴的脱贫户，去外省打工车票花了680，能领啥")
    reply = page.locator("#transcript li.msg.bot .text").last.text_content()
    cards = page.locator("#cards article.card")
    expect(cards.first).to_be_visible()
    names = cards.locator("h3.card-name").all_text_contents()
    said = [n for n in names if n in reply]
    assert said and names[0] in reply, (names, reply)
    expect(page.locator("#cards")).not_to_contain_text("暂无答案卡片")


def test_shortcuts(page):
    new_call(page)
    say(page, "千阳的脱贫户找到工作有啥补贴")
    first = page.locator("#sid").text_content()
    with page.expect_response(lambda r: "/api/handover" in r.url):
        page.keyboard.press("Alt+KeyH")
    expect(page.locator("#handover-status")).to_contain_text("人工接管中")
    with page.expect_response(lambda r: "/api/handover" in r.url):
        page.keyboard.press("Alt+KeyH")
    expect(page.locator("#handover-status")).to_have_text("机器人答复中")
    page.keyboard.press("Alt+KeyC")
    expect(page.locator("#copy-status")).to_contain_text("已复制")
    with page.expect_response(lambda r: "/api/conversations" in r.url and r.request.method == "POST"):
        page.keyboard.press("Alt+KeyN")
    expect(page.locator("#sid")).not_to_have_text(first)
    expect(page.locator("#say-text")).to_be_focused()
    # calls are listed by time, place and first words, not by raw ids
    page.click("#refresh-list")
    titled = page.locator("#conversation-list .conv-title", has_text="千阳县 · 千阳的脱贫户找到工作有啥补贴")
    expect(titled.first).to_be_visible()
    assert not page.locator("#conversation-list .conv-title").first.text_content().startswith("console:")
