"""The console's pages and JSON API over HTTP, against the real Rasa server and action server (no browser):
mounting, login and cookie, 401 / CSRF, bad input → clear Chinese error JSON (never a 500), corrections, handover,
feedback and the review page, the batch upload."""
from __future__ import annotations

import re

import pytest
import requests

from .conftest import TOKEN, Console

pytestmark = pytest.mark.servers

CHINESE = re.compile(r"[\u4e00-\u9fff]")

API_GETS = ["/console/api/vocab", "/console/api/conversations", "/console/api/conversation?sid=console:a:b",
            "/console/api/feedback"]
API_POSTS = ["/console/api/conversations", "/console/api/message", "/console/api/slots", "/console/api/handover",
             "/console/api/feedback", "/console/api/feedback/resolve"]


def chinese_error(r, status):
    assert r.status_code == status, (r.status_code, r.text[:300])
    body = r.json()
    assert isinstance(body, dict) and CHINESE.search(body["error"]), body
    assert "Traceback" not in r.text
    return body["error"]


# ----------------------------------------------------------------------------------------------- mounting, login
def test_console_is_mounted_on_the_rasa_server(stack):
    base = stack.url
    r = requests.get(base + "/console", allow_redirects=False, timeout=10)
    assert r.status_code == 302 and r.headers["location"].endswith("/console/")
    r = requests.get(base + "/console/", allow_redirects=False, timeout=10)
    assert r.status_code == 302 and r.headers["location"] == "/console/login"
    r = requests.get(base + "/console/login", timeout=10)
    assert r.status_code == 200 and 'name="token"' in r.text and "坐席台登录" in r.text
    assert "script-src 'self'" in r.headers["content-security-policy"]
    js = requests.get(base + "/console/static/console.js", timeout=10)
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert not re.search(r"\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write", js.text)
    assert requests.get(base + "/console/static/../channel.py", timeout=10).status_code == 404
    # the same server still talks over REST
    assert stack.say("console-test-rest", "你好")


@pytest.mark.parametrize("path", API_GETS)
def test_api_get_needs_login(stack, path):
    chinese_error(requests.get(stack.url + path, timeout=10), 401)
    r = requests.get(stack.url + path, headers={"Authorization": "Bearer wrong"}, timeout=10)
    chinese_error(r, 401)


@pytest.mark.parametrize("path", API_POSTS)
def test_api_post_needs_login(stack, path):
    chinese_error(requests.post(stack.url + path, json={"sid": "console:a:b"}, timeout=10), 401)


def test_pages_redirect_to_login(stack):
    for path in ("/console/review", "/console/batch"):
        r = requests.get(stack.url + path, allow_redirects=False, timeout=10)
        assert r.status_code == 302 and r.headers["location"] == "/console/login"


def test_login_wrong_token_and_bad_name(stack):
    base = stack.url
    r = requests.post(base + "/console/login", data={"operator": "王芳", "token": "nope"}, allow_redirects=False,
                      timeout=10)
    assert r.status_code == 401 and "口令不对" in r.text and "set-cookie" not in r.headers
    r = requests.post(base + "/console/login", data={"operator": "<script>", "token": TOKEN}, allow_redirects=False,
                      timeout=10)
    assert r.status_code == 400 and "set-cookie" not in r.headers and "<script>" not in r.text
    r = requests.post(base + "/console/login", data={"operator": "王芳", "token": TOKEN},
                      headers={"Origin": "http://evil.example"}, allow_redirects=False, timeout=10)
    assert r.status_code == 403 and "set-cookie" not in r.headers


def test_login_cookie_is_httponly_samesite_and_logout_clears_it(stack):
    base = stack.url
    r = requests.post(base + "/console/login", data={"operator": "王芳", "token": TOKEN}, allow_redirects=False,
                      timeout=10)
    assert r.status_code == 303 and r.headers["location"] == "/console/"
    cookie = r.headers["set-cookie"]
    assert cookie.startswith("console_session=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "Path=/console" in cookie and "Max-Age=43200" in cookie
    c = Console(base, "登出测试")
    r = c.http.post(base + "/console/logout", data={"csrf": c.csrf}, allow_redirects=False, timeout=10)
    assert r.status_code == 303 and "Max-Age=0" in r.headers["set-cookie"]


def test_csrf_header_required_and_cross_site_refused(console, stack):
    r = console.http.get(stack.url + "/console/api/vocab", timeout=10)         # cookie, no header
    chinese_error(r, 403)
    r = console.http.get(stack.url + "/console/api/vocab", headers={"X-Console-CSRF": "forged"}, timeout=10)
    chinese_error(r, 403)
    sid = console.new_call()
    r = console.post("/console/api/handover", {"sid": sid, "active": True}, headers={"Origin": "http://evil.example"})
    chinese_error(r, 403)
    assert console.get("/console/api/vocab").status_code == 200
    # the server allows CORS from http://127.0.0.1:9: a page on another port of the same host (same site, so the SameSite cookie
    # would go along) must not read the console, nor the page holding the CSRF token
    other = {"Origin": "http://127.0.0.1:9"}
    chinese_error(console.get("/console/api/vocab", headers=other), 403)
    assert console.http.get(stack.url + "/console/", headers=other, timeout=10).status_code == 403
    fetch_meta = {"Sec-Fetch-Site": "same-site", "Sec-Fetch-Mode": "cors"}
    chinese_error(console.get("/console/api/vocab", headers=fetch_meta), 403)
    same = {"Origin": stack.url, "Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "cors"}
    assert console.get("/console/api/vocab", headers=same).status_code == 200


def test_bearer_token_for_scripts(stack):
    h = {"Authorization": f"Bearer {TOKEN}", "X-Console-Operator": "script"}
    r = requests.post(stack.url + "/console/api/conversations", json={}, headers=h, timeout=30)
    assert r.status_code == 200 and r.json()["sid"].startswith("console:script:")


# ----------------------------------------------------------------------------------------------- the conversation
def test_mission_over_the_api_then_correct_the_place(console):
    sid = console.new_call()
    assert sid.startswith(f"console:{console.operator}:")
    console.say(sid, "我在社区工厂干了一年能拿多少补贴")
    console.say(sid, "千阳的")
    d = console.say(sid, "脱贫户")
    text = "\n".join(r["text"] for r in d["replies"])
    assert "1000元" in text and "一次性求职补贴" in text
    v = d["view"]
    names = [c["name"] for c in v["cards"]]
    factory = next(c for c in v["cards"] if "社区工厂" in c["name"])
    assert "1000元" in factory["amount"]["line"] and factory["payee"]["label"].startswith("社区工厂")
    assert "一次性求职补贴" in names
    assert v["panel"]["place"]["value"].endswith("千阳县") and v["panel"]["category"]["value"] == ["脱贫劳动力"]
    assert [m["type"] for m in v["transcript"]].count("user") == 3
    # correct the place: set on the tracker, evaluated again at once
    r = console.post("/console/api/slots", {"sid": sid, "field": "place", "value": "汉阴"})
    assert r.status_code == 200, r.text
    v2 = r.json()["view"]
    assert "place" in r.json()["changed"] and v2["panel"]["place"]["value"] == "陕西省安康市汉阴县"
    assert not any(c["citation"]["document_no"].startswith("千人社发") for c in v2["cards"])
    # the corrected slot is in the tracker: reading the conversation again shows it
    v3 = console.get(f"/console/api/conversation?sid={sid}").json()
    assert v3["panel"]["place"]["value"] == "陕西省安康市汉阴县"
    # and the bot goes on from the corrected facts
    back = console.post("/console/api/slots", {"sid": sid, "field": "place", "value": "千阳县"}).json()["view"]
    assert any("社区工厂" in c["name"] for c in back["cards"])
    listed = console.get("/console/api/conversations?scope=mine").json()["conversations"]
    assert any(c["sender_id"] == sid and c["last_text"] == "脱贫户" for c in listed)


def test_operator_edits_win_over_the_callers_next_sentence(console):
    sid = console.new_call()
    d = console.say(sid, "千阳的脱贫户去外省打工车票680能报多少")
    changed = {c["field"]: c for c in d["changes"]}
    assert changed["place"]["after"] == "千阳县" and changed["topic"]["before"] == "未知"
    assert d["kept"] == [] and d["view"]["conclusion"]["parts"]
    r = console.post("/console/api/slots", {"sid": sid, "field": "topic", "value": "ask_job_seeking"})
    assert r.status_code == 200 and r.json()["view"]["locked"] == ["topic"]
    d = console.say(sid, "那创业贷款能贷多少")
    assert d["view"]["panel"]["topic"]["value"] == "ask_job_seeking"            # the operator's question stays
    (kept,) = d["kept"]
    assert kept["field"] == "topic" and kept["caller_value"] != "ask_job_seeking" and "创业" in kept["caller"]
    assert any(c["field"] == "topic" for c in d["changes"])                       # and the change is said
    assert "qy.job_seeking" in [c["id"] for c in d["view"]["cards"]]
    # the caller's words after all: applied, and no longer held
    r = console.post("/console/api/slots", {"sid": sid, "field": "topic", "value": kept["caller_value"],
                                            "keep": False})
    assert r.status_code == 200 and r.json()["view"]["locked"] == []
    assert r.json()["view"]["panel"]["topic"]["value"] == kept["caller_value"]
    chinese_error(console.post("/console/api/slots", {"sid": sid, "field": "topic", "value": None, "keep": "no"}), 400)
    # typed as the chat says it
    r = console.post("/console/api/slots", {"sid": sid, "field": "contract_months", "value": "一年半"})
    assert r.status_code == 200 and r.json()["view"]["slots"]["facts"]["contract_months"] == 18
    listed = console.get("/console/api/conversations?scope=mine").json()["conversations"]
    title = next(c["title"] for c in listed if c["sender_id"] == sid)
    assert "千阳县 · 千阳的脱贫户去外省打工车票680" in title and "console:" not in title
    # the caller asks for their record to be erased: the operator's fields are not put back, and are forgotten
    d = console.say(sid, "删除我的记录")
    assert d["kept"] == [] and d["view"]["exists"] is False and d["view"]["locked"] == []
    assert d["view"]["panel"]["place"]["value"] is None


def test_personal_numbers_are_masked_before_storage(console):
    sid = console.new_call()
    console.say(sid, "我的身份证610328199001011234，电话13912345678，千阳的")
    user = [m for m in console.get(f"/console/api/conversation?sid={sid}").json()["transcript"] if m["type"] == "user"]
    assert "610328199001011234" not in user[-1]["text"] and "13912345678" not in user[-1]["text"]


def test_handover_suppresses_bot_replies(console):
    sid = console.new_call()
    r = console.post("/console/api/handover", {"sid": sid, "active": True})
    assert r.status_code == 200 and r.json()["handover"]["active"] is True
    d = console.say(sid, "千阳的脱贫户去外省打工车票680能报多少")
    assert d["replies"] == [] and d["suppressed"] >= 1 and d["view"]["handover"]["active"]
    bots = [m for m in d["view"]["transcript"] if m["type"] == "bot"]
    assert bots and all(m["suppressed"] for m in bots)
    assert d["view"]["cards"]                     # the operator still sees the answer cards
    listed = console.get("/console/api/conversations?scope=mine").json()["conversations"]
    assert next(c for c in listed if c["sender_id"] == sid)["handover"] is True
    console.post("/console/api/handover", {"sid": sid, "active": False})
    d = console.say(sid, "去哪办")
    assert d["replies"] and d["suppressed"] == 0


def test_feedback_is_stored_and_listed_for_review(console, stack):
    sid = console.new_call()
    console.say(sid, "千阳的脱贫户找到工作有啥补贴")
    comment = "标准已调整 <script>alert(1)</script>"
    r = console.post("/console/api/feedback", {"sid": sid, "benefit_id": "qy.job_seeking", "kind": "outdated",
                                               "comment": comment})
    assert r.status_code == 200, r.text
    fid = r.json()["id"]
    listed = console.get("/console/api/feedback").json()["feedback"]
    item = next(f for f in listed if f["id"] == fid)
    assert item["comment"] == comment and item["benefit_name"] == "一次性求职补贴" and item["kind_label"] == "政策过时"
    assert item["citation"].startswith("千人社发〔2021〕141号") and item["answer"]
    page = console.http.get(stack.url + "/console/review", timeout=10)
    assert page.status_code == 200 and "一次性求职补贴" in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text and "<script>alert(1)" not in page.text
    r = console.post("/console/api/feedback/resolve", {"id": fid, "resolved": True})
    assert r.status_code == 200
    assert all(f["id"] != fid for f in console.get("/console/api/feedback?open=1").json()["feedback"])
    # a bot reply (not a card) can be marked too
    r = console.post("/console/api/feedback",
                     {"sid": sid, "answer": "机器人说的一段话", "kind": "wrong", "comment": "错了"})
    assert r.status_code == 200


# ----------------------------------------------------------------------------------------------- bad input
BAD_POSTS = [
    ("/console/api/message", {}, 400),
    ("/console/api/message", {"sid": 5, "text": "你好"}, 400),
    ("/console/api/message", {"sid": "", "text": "你好"}, 400),
    ("/console/api/message", {"sid": "someone-else", "text": "你好"}, 403),
    ("/console/api/message", {"sid": "console:a:" + "x" * 300, "text": "你好"}, 400),
    ("/console/api/message", {"sid": "SID", "text": None}, 400),
    ("/console/api/message", {"sid": "SID", "text": 123}, 400),
    ("/console/api/message", {"sid": "SID", "text": "   "}, 400),
    ("/console/api/message", {"sid": "SID", "text": "啊" * 3000}, 400),
    ("/console/api/slots", {"sid": "SID", "field": "place"}, 400),
    ("/console/api/slots", {"sid": "SID", "field": "place", "value": "火星"}, 400),
    ("/console/api/slots", {"sid": "SID", "field": "contract_months", "value": "很久"}, 400),
    ("/console/api/slots", {"sid": "SID", "field": "category", "value": {"a": 1}}, 400),
    ("/console/api/slots", {"sid": "SID", "field": ["x"], "value": 1}, 400),
    ("/console/api/slots", {"sid": "SID", "field": "pending_fact", "value": "x"}, 400),
    ("/console/api/handover", {"sid": "SID", "active": "yes"}, 400),
    ("/console/api/handover", {"sid": "SID"}, 400),
    ("/console/api/feedback", {"sid": "SID", "kind": "bad", "comment": "x", "benefit_id": "qy.job_seeking"}, 400),
    ("/console/api/feedback", {"sid": "SID", "kind": "wrong", "comment": "", "benefit_id": "qy.job_seeking"}, 400),
    ("/console/api/feedback", {"sid": "SID", "kind": "wrong", "comment": "x" * 1001, "benefit_id": "qy.job_seeking"},
     400),
    ("/console/api/feedback", {"sid": "SID", "kind": "wrong", "comment": "x", "benefit_id": "no.such"}, 400),
    ("/console/api/feedback", {"sid": "SID", "kind": "wrong", "comment": "x"}, 400),
    ("/console/api/feedback/resolve", {"id": "1"}, 400),
    ("/console/api/feedback/resolve", {"id": True}, 400),
    ("/console/api/feedback/resolve", {"id": 987654}, 404),
    ("/console/api/feedback/resolve", {"id": 1, "resolved": "no"}, 400),
]


@pytest.mark.parametrize("path,payload,status", BAD_POSTS)
def test_bad_input_gets_a_chinese_error_not_a_500(console, path, payload, status):
    sid = console.new_call()
    payload = {k: (sid if v == "SID" else v) for k, v in payload.items()}
    chinese_error(console.post(path, payload), status)


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b"", b"null", "\"文字\"".encode()])
def test_unreadable_bodies(console, raw):
    r = console.http.post(console.base + "/console/api/message", data=raw, timeout=10,
                          headers={"X-Console-CSRF": console.csrf, "Content-Type": "application/json"})
    chinese_error(r, 400)


@pytest.mark.parametrize("query,status", [("", 400), ("?sid=", 400), ("?sid=web-user-never-seen", 404),
                                          ("?sid=" + "x" * 300, 400)])
def test_bad_conversation_queries(console, query, status):
    chinese_error(console.get("/console/api/conversation" + query), status)


@pytest.mark.parametrize("query", ["?scope=everyone", "?limit=many"])
def test_bad_list_queries(console, query):
    chinese_error(console.get("/console/api/conversations" + query), 400)


def test_other_channels_conversations_are_read_only(console, stack):
    stack.say("web-user-1", "我是千阳的")
    v = console.get("/console/api/conversation?sid=web-user-1").json()
    assert v["writable"] is False and v["panel"]["place"]["value"].endswith("千阳县")
    chinese_error(console.post("/console/api/slots", {"sid": "web-user-1", "field": "place", "value": "汉阴"}), 403)


# ----------------------------------------------------------------------------------------------- batch upload
LEDGER = ("户号,姓名,身份证号,户籍地,人员类别,就业状态,就业地,合同期限,就业后月数\n"
          "H001,张三,610328199001011234,千阳县,脱贫户,已就业,外省,1年,2\n"
          "H002,李四,,汉阴县,一般户,未就业,,,\n")


def test_batch_upload(console, stack):
    base = stack.url
    form = console.http.get(base + "/console/batch", timeout=10)
    assert form.status_code == 200 and 'name="ledger"' in form.text
    r = console.http.post(base + "/console/batch", data={"csrf": console.csrf, "as_of": "2026-11-22"},
                          files={"ledger": ("台账.csv", LEDGER.encode("utf-8"), "text/csv")}, timeout=120)
    assert r.status_code == 200, r.text[-2000:]
    assert 'id="batch-result"' in r.text and "台账.csv" in r.text and "到期" in r.text
    assert "610328199001011234" not in r.text
    link = re.search(r'href="(/console/batch/[0-9a-f]{16}/report\.xlsx)"', r.text).group(1)
    x = console.http.get(base + link, timeout=30)
    assert x.status_code == 200 and x.content[:2] == b"PK"
    lists = console.http.get(base + link.replace("report.xlsx", "checklists.html"), timeout=30)
    assert lists.status_code == 200 and "张三" in lists.text and "default-src 'none'" in lists.headers[
        "content-security-policy"]
    # a bad file: a Chinese message on the page, not a 500; no CSRF field: refused
    r = console.http.post(base + "/console/batch", data={"csrf": console.csrf},
                          files={"ledger": ("台账.xls", b"junk", "application/octet-stream")}, timeout=30)
    assert r.status_code == 400 and "xlsx" in r.text
    r = console.http.post(base + "/console/batch", data={}, files={"ledger": ("台账.csv", LEDGER.encode(), "text/csv")},
                          timeout=30)
    assert r.status_code == 403
