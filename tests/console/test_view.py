"""The console's plain-Python parts, without servers: slots → panel / cards / checklist, corrections, the
transcript, sessions and CSRF tokens, the feedback store."""
from __future__ import annotations

import datetime as dt
import logging

import pytest

from bot.console import auth, store, view

AS_OF = dt.date(2026, 11, 22)
MISSION = {  # the slots after 我在社区工厂干了一年能拿多少补贴 → 千阳的 → 脱贫户
    "place": "陕西省宝鸡市千阳县",
    "facts": {"employer_type": "社区工厂", "months_employed": 12.0, "months_since_employment": 12.0,
              "employed": True, "category": ["脱贫劳动力"], "not_category": []},
    "topic": "ask_factory_job", "pending_fact": None, "asked": ["place", "category"],
    "last_benefits": ["qy.community_factory_post", "qy.job_seeking"], "role": "worker",
}


def card_named(v, name):
    return next(c for c in v["cards"] if c["name"] == name)


def test_mission_cards_amount_payee_conditions_citation_validity():
    v = view.build_view(MISSION, AS_OF)
    factory = card_named(v, "社区工厂吸纳脱贫劳动力就业一次性岗位补贴")
    assert "1000元" in factory["amount"]["line"]
    assert factory["payee"]["label"].startswith("社区工厂") and not factory["payee"]["personal"]
    assert "不是发给来电人个人" in factory["payee"]["text"]
    assert factory["citation"]["document_no"] == "千人社发〔2021〕141号" and factory["citation"]["quotes"]
    assert factory["ended"] and "到期" in factory["validity"]
    unknown_facts = {f["name"] for o in factory["conditions"]["unknown"] for f in o["facts"]}
    assert "employer_recognized" in unknown_facts
    questions = [q["question"] for o in factory["conditions"]["unknown"] for q in o["questions"]]
    assert any("认定" in q for q in questions)         # the question to ask, from facts.yaml
    assert factory["conditions"]["met"]
    seeking = card_named(v, "一次性求职补贴")
    assert seeking["payee"]["personal"] and seeking["status"] == "ineligible"
    assert seeking["conditions"]["failed"] and seeking["reasons"]
    # the panel: Chinese labels, known values, and the facts still needed with their questions
    p = v["panel"]
    assert p["place"]["value"] == "陕西省宝鸡市千阳县" and p["category"]["value"] == ["脱贫劳动力"]
    facts = {f["name"]: f for f in p["facts"]}
    assert facts["employer_type"]["label"] == "单位类型" and facts["employer_type"]["value"] == "社区工厂"
    assert facts["months_employed"]["display"] == "12个月"
    assert facts["employer_recognized"]["needed"] and facts["employer_recognized"]["question"]


def test_checklist_as_printed_office_window_and_wechat_length():
    v = view.build_view(MISSION, AS_OF)
    cl = v["checklists"][0]
    assert cl["items"] and any("复印件" in x for x in cl["items"]) and any("原件" in x for x in cl["items"])
    assert cl["office"] and cl["window"]
    assert cl["copy_bytes"] == len(cl["copy_text"].encode()) <= 2048
    assert cl["copy_text"].startswith("【") and "依据：千人社发〔2021〕141号" in cl["copy_text"]


def test_fit_bytes_drops_items_then_cuts():
    lines = ["标题"] + [f"{i}. 很长的一项材料名称" * 8 for i in range(40)] + ["依据：文号"]
    text = view.fit_bytes(lines, 2048, (1, 41))
    assert len(text.encode()) <= 2048 and "见原文件" in text and text.endswith("依据：文号")
    assert len(view.fit_bytes(["字" * 5000], 2048).encode()) <= 2048


def test_corrections_change_the_answer():
    hanyin = view.apply_edit(MISSION, "place", "汉阴", AS_OF)
    assert hanyin["place"] == "陕西省安康市汉阴县"
    v = view.build_view(hanyin, AS_OF)
    assert not any("千人社发" in c["citation"]["document_no"] for c in v["cards"])
    assert v["coverage"]["documents"][0]["document_no"].startswith("安政办发")
    # employed 2 months ago on a one-year contract: the job-seeking subsidy becomes possible, then eligible
    s = view.apply_edit(MISSION, "months_since_employment", "2", AS_OF)
    s = view.apply_edit(s, "contract_months", 12, AS_OF)
    assert card_named(view.build_view(s, AS_OF), "一次性求职补贴")["status"] == "eligible"
    # unknown again
    s = view.apply_edit(s, "contract_months", None, AS_OF)
    assert "contract_months" not in s["facts"]
    s = view.apply_edit(MISSION, "category", ["低保户"], AS_OF)
    assert s["facts"]["category"] == ["低保家庭"]


@pytest.mark.parametrize("field,value,words", [
    ("contract_months", "abc", "应填数字"),
    ("contract_months", -3, "负数"),
    ("employed", "也许", "是或否"),
    ("employer_type", "火箭厂", "之一"),
    ("category", ["火星人"], "不认识的人员类别"),
    ("category", 5, "人员类别"),
    ("place", "火星", "不认识这个地名"),
    ("place", 12, "地点应填地名"),
    ("topic", "ask_weather", "只能选"),
    ("role", "boss", "只能选"),
    ("no_such_fact", 1, "不认识要修改的项目"),
    ("not_category", ["脱贫劳动力"], "不认识要修改的项目"),
    (None, 1, "缺少要修改的项目"),
    ("contract_months", "1" * 200, "太长"),
    ("contract_months", [1, 2], "看不懂"),
])
def test_bad_corrections_say_why_in_chinese(field, value, words):
    with pytest.raises(view.EditError) as e:
        view.apply_edit(MISSION, field, value, AS_OF)
    assert words in str(e.value)


def test_transcript_marks_replies_withheld_during_handover():
    events = [
        {"event": "session_started", "timestamp": 1},
        {"event": "user", "text": "你好", "timestamp": 2, "metadata": {"console": {"handover": False}}},
        {"event": "bot", "text": "您好", "timestamp": 3, "data": {"buttons": [{"title": "去哪办", "payload": "/x"}]}},
        {"event": "user", "text": "<b>人工</b>", "timestamp": 4, "metadata": {"console": {"handover": True}}},
        {"event": "bot", "text": "机器人的话", "timestamp": 5},
        {"event": "slot", "name": "place", "value": "x"},
    ]
    t = view.transcript(events)
    assert [m["type"] for m in t] == ["session", "user", "bot", "user", "bot"]
    assert t[2]["buttons"] == [{"title": "去哪办", "payload": "/x"}] and not t[2]["suppressed"]
    assert t[3]["text"] == "<b>人工</b>" and t[4]["suppressed"]


def test_no_place_no_topic_and_uncovered_place():
    assert view.build_view({}, AS_OF)["hint"].startswith("还不知道来电人是哪个县")
    v = view.build_view({"place": "陕西省宝鸡市千阳县"}, AS_OF)
    assert v["coverage"]["covered"] and "问哪类补贴" in v["hint"] and not v["cards"]
    v = view.build_view({"place": "北京市", "topic": "ask_job_seeking"}, AS_OF)
    assert v["cards"] == [] and v["checklists"] == [] and v["hint"] is None
    assert v["panel"]["place"]["covered"] is False
    assert v["coverage"] == {"covered": False, "text": "暂未收录北京市的就业帮扶政策文件，不能给您报金额。"
                                                      "请向当地镇劳动保障事务所或县人社局咨询，也可拨打12333。"}


def test_vocabulary_has_labels_questions_topics():
    voc = view.vocabulary()
    names = {f["name"]: f for f in voc["facts"]}
    assert names["contract_months"]["label"] == "劳动合同期限" and names["contract_months"]["question"]
    assert "脱贫劳动力" in voc["categories"]
    assert ["ask_factory_job", "社区工厂/帮扶车间/基地/非遗工坊"] in voc["topics"]


# ----------------------------------------------------------------------------------------------- auth
def test_session_cookie_roundtrip_tamper_expiry(monkeypatch):
    monkeypatch.setenv("CONSOLE_TOKEN", "t1")
    c = auth.new_session_cookie("王芳", now=1000)
    s = auth.read_session_cookie(c, now=1000 + 60)
    assert s and s.operator == "王芳"
    assert auth.read_session_cookie(c, now=1000 + auth.SESSION_SECONDS + 1) is None          # expired
    payload, sig = c.split(".")
    assert auth.read_session_cookie(payload + "." + sig[:-2] + "AA", now=1001) is None       # bad signature
    assert auth.read_session_cookie("garbage", now=1001) is None
    assert auth.csrf_ok(s, s.csrf) and not auth.csrf_ok(s, "x") and not auth.csrf_ok(s, None)
    monkeypatch.setenv("CONSOLE_TOKEN", "t2")                                                # new token: logged out
    assert auth.read_session_cookie(c, now=1001) is None


def test_dev_token_only_when_unset_with_warning(monkeypatch, caplog):
    monkeypatch.delenv("CONSOLE_TOKEN", raising=False)
    monkeypatch.setattr(auth, "_warned", False)
    with caplog.at_level(logging.WARNING, logger="bot.console.auth"):
        assert auth.console_token() == "dev-console-token"
    assert "CONSOLE_TOKEN is not set" in caplog.text
    monkeypatch.setenv("CONSOLE_TOKEN", "secret")
    assert auth.console_token() == "secret" and not auth.check_token("dev-console-token")
    assert auth.check_token("secret") and not auth.check_token("") and not auth.check_token(None)


def test_login_throttle():
    t = auth.LoginThrottle(limit=3, window=60)
    for _ in range(3):
        assert not t.blocked("1.2.3.4", now=100)
        t.fail("1.2.3.4", now=100)
    assert t.blocked("1.2.3.4", now=110) and not t.blocked("5.6.7.8", now=110)
    assert not t.blocked("1.2.3.4", now=200)


# ----------------------------------------------------------------------------------------------- store
def test_store_handover_and_feedback(tmp_path):
    st = store.ConsoleStore(f"sqlite:///{tmp_path / 'x.db'}")
    assert st.handover("console:a:1")["active"] is False
    st.set_handover("console:a:1", True, "a")
    assert st.handover("console:a:1")["active"] and st.handed_over(["console:a:1", "console:a:2"]) == {"console:a:1"}
    st.set_handover("console:a:1", False, "b")
    h = st.handover("console:a:1")
    assert h["active"] is False and h["operator"] == "b"
    fid = st.add_feedback(operator="a", sender_id="console:a:1", kind="wrong", comment="金额不对",
                          benefit_id="qy.job_seeking", benefit_name="一次性求职补贴",
                          citation="千人社发〔2021〕141号 二、（一）1", answer="…", slots={"place": "千阳"})
    items = st.list_feedback()
    assert items[0].id == fid and items[0].comment == "金额不对" and items[0].slots == {"place": "千阳"}
    assert st.resolve_feedback(fid, "b") and st.list_feedback(include_resolved=False) == []
    assert not st.resolve_feedback(9999, "b")


def test_store_url_from_tracker_url(monkeypatch, tmp_path):
    monkeypatch.setenv("TRACKER_URL", f"sqlite:///{tmp_path / 'y.db'}")
    assert store.ConsoleStore().url.endswith("y.db")
    monkeypatch.delenv("TRACKER_URL")
    assert store.database_url().startswith("sqlite:///") and store.database_url().endswith("var/rasa.db")


@pytest.mark.parametrize("kind", ["sql", "memory"])
def test_recent_conversations_from_the_tracker_store(tmp_path, kind):
    import asyncio

    from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import BotUttered, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.empty()
    ts = SQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "t.db")) if kind == "sql" \
        else InMemoryTrackerStore(domain)

    async def run():
        for i, sid in enumerate(["console:a:1", "web-2", "console:b:3"]):
            t = DialogueStateTracker.from_events(sid, [UserUttered(f"第{i}句", timestamp=100 + i),
                                                       BotUttered("好", timestamp=100.5 + i),
                                                       UserUttered(f"再问{i}", timestamp=101 + i)])
            await ts.save(t)
        return (await store.recent_conversations(ts, limit=10),
                await store.recent_conversations(ts, limit=10, prefix="console:"))

    everything, console_only = asyncio.run(run())
    assert [r["sender_id"] for r in everything] == ["console:b:3", "web-2", "console:a:1"]
    assert everything[0]["user_messages"] == 2 and everything[0]["last_text"] == "再问2"
    assert [r["sender_id"] for r in console_only] == ["console:b:3", "console:a:1"]


def test_registered_in_credentials_and_mounted_at_console():
    import yaml
    from rasa.core.channels.channel import register
    from sanic import Sanic

    from bot.console.channel import ConsoleInput
    from scripts.servers import ROOT

    creds = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8"))
    assert "bot.console.channel.ConsoleInput" in creds
    app = Sanic("console_mount_test")
    register([ConsoleInput.from_credentials(creds["bot.console.channel.ConsoleInput"])], app, route="/webhooks/")
    paths = {"/" + r.path.lstrip("/") for r in app.router.routes}
    assert {"/console/", "/console/login", "/console/api/message", "/console/api/slots"} <= paths, paths
    assert not any(p.startswith("/webhooks/console") for p in paths)
