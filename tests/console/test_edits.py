"""The console's plain-Python decisions about one call, without servers: the cards are the bot's own answer, the
conclusion line, typed values read with the chat's word table, an operator's fields put back after the caller's
sentence, the changes a sentence made, call titles, the review page's labelled facts."""
from __future__ import annotations

import datetime as dt
import json

from assistant.state import State
from assistant.turn import policy_turn
from bot.console import edits, store, view

AS_OF = dt.date(2026, 11, 22)


def turn(text: str, intent: str, state: State | None = None):
    state = state or State()
    t = policy_turn(state, intent, text, [], AS_OF)
    return state, t


def test_cards_are_what_the_bot_stated_even_off_topic():
    # 汉阴's document has no fare subsidy: the bot answers with what else the caller may get (the issue's
    # "能领啥 with a fare": the cards used to say 暂无答案卡片 while the reply listed the items)
    state, t = turn("我是汉阴的脱贫户，去外省打工车票花了680，能领啥", "ask_transport")
    stated = [r.benefit.id for r in t.decision.stated]
    assert stated
    v = view.build_view(state.to_slots(), AS_OF)
    assert [c["id"] for c in v["cards"]][:len(stated)] == stated
    assert all(c["said_by_bot"] for c in v["cards"][:len(stated)])
    assert "没有" in v["hint"]
    assert v["conclusion"]["benefit_id"] == stated[0]


def test_conclusion_line_amount_payee_warning():
    state, t = turn("我是千阳的脱贫户，去外省打工车票花了680，能领多少", "ask_transport")
    v = view.build_view(state.to_slots(), AS_OF)
    c = v["conclusion"]
    assert c["benefit_id"] == t.decision.stated[0].benefit.id == "qy.cross_province_transport"
    kinds = {p["kind"]: p["text"] for p in c["parts"]}
    assert kinds["amount"] == "可领 500元"
    assert kinds["payee"].startswith("钱发给")
    assert kinds["validity"].startswith("⚠") and "到期" in kinds["validity"]
    assert c["text"].startswith("可领 500元 → 钱发给")
    # nothing known yet: the line says what to do
    empty = view.build_view({}, AS_OF)["conclusion"]
    assert not empty["parts"] and "县" in empty["text"]


def test_conclusion_says_when_the_money_is_not_the_callers():
    mission = {"place": "陕西省宝鸡市千阳县", "topic": "ask_factory_job", "role": "worker",
               "facts": {"employer_type": "社区工厂", "category": ["脱贫劳动力"], "employed": True},
               "last_benefits": ["qy.community_factory_post"]}
    c = view.build_view(mission, AS_OF)["conclusion"]
    payee = next(p for p in c["parts"] if p["kind"] == "payee")
    assert "社区工厂" in payee["text"] and "不是来电人" in payee["text"] and not payee["personal"]


def test_typed_values_are_read_as_the_chat_reads_them():
    assert edits.read_typed("contract_months", "1年") == 12
    assert edits.read_typed("contract_months", "一年半") == 18
    assert edits.read_typed("contract_months", "半年") == 6
    assert edits.read_typed("transport_cost", "680块") == 680
    assert edits.read_typed("contract_months", "很久很久") == "很久很久"      # left for the core to refuse
    assert edits.read_typed("employed", "是") == "是"                         # not a number: unchanged
    s = edits.edit({"place": "千阳"}, "contract_months", "一年半", AS_OF)
    assert s["facts"]["contract_months"] == 18


def test_restore_puts_back_the_operators_fields_and_says_so():
    state, _ = turn("千阳的脱贫户去外省打工车票680能报多少", "ask_transport")
    operator = edits.edit(state.to_slots(), "topic", "ask_job_seeking", AS_OF)
    locked = {"topic": edits.value_of(operator, "topic")}
    # the caller's next sentence names another question
    after_state = State.from_slots(operator)
    turn("那创业贷款能贷多少", "ask_startup_loan", after_state)
    said = after_state.to_slots()
    assert said["topic"] == "ask_startup_loan"
    restored, kept = edits.restore(said, locked, AS_OF)
    assert restored["topic"] == "ask_job_seeking"
    assert kept == [{"field": "topic", "label": "问的是", "caller": edits.display("topic", "ask_startup_loan"),
                     "caller_value": "ask_startup_loan", "kept": edits.display("topic", "ask_job_seeking")}]
    # the cards follow the operator's question (the core recomputed what the bot now talks about)
    assert "qy.job_seeking" in [c["id"] for c in view.build_view(restored, AS_OF)["cards"]]
    # nothing to put back when the caller agrees
    assert edits.restore(restored, locked, AS_OF) == (restored, [])


def test_changes_of_a_sentence_in_words():
    state, _ = turn("千阳的脱贫户去外省打工车票680能报多少", "ask_transport")
    ch = {c["field"]: c for c in edits.changes({}, state.to_slots())}
    assert ch["place"]["before"] == "未知" and ch["place"]["after"] == "千阳县"
    assert ch["category"]["after"] == "脱贫劳动力"
    assert ch["transport_cost"]["label"] and ch["transport_cost"]["after"].startswith("680")
    assert "ask_" not in json.dumps(ch, ensure_ascii=False)


def test_call_titles_time_place_first_words():
    now = dt.datetime(2026, 11, 22, 15, 0)
    ts = dt.datetime(2026, 11, 22, 14, 5).timestamp()
    assert view.call_title(ts, "陕西省宝鸡市千阳县", "我在社区工厂干了一年能拿多少补贴呀师傅", now) == \
        "14:05 · 千阳县 · 我在社区工厂干了一年能拿多少补贴…"
    earlier = dt.datetime(2026, 11, 20, 9, 30).timestamp()
    assert view.call_title(earlier, None, "", now) == "11-20 09:30 · 地点未知 · 还没说话"


def test_review_rows_are_labelled_chinese():
    state, _ = turn("千阳的脱贫户去外省打工车票680能报多少", "ask_transport")
    rows = dict(edits.review_rows(state.to_slots()))
    assert rows["地点"] == "千阳县" and rows["问的是"] == edits.display("topic", "ask_transport")
    assert rows["谁来领"] != "未知" and "脱贫劳动力" in rows.values()
    text = json.dumps(rows, ensure_ascii=False)
    assert "ask_" not in text and "\\u" not in text and "_" not in text


def test_store_remembers_the_operators_fields(tmp_path):
    st = store.ConsoleStore(f"sqlite:///{tmp_path / 'x.db'}")
    assert st.edits("console:a:1") == {}
    st.set_edit("console:a:1", "topic", "ask_job_seeking", "a")
    st.set_edit("console:a:1", "category", ["脱贫劳动力"], "a")
    st.set_edit("console:a:1", "topic", "ask_transport", "b")                # the latest value counts
    assert st.edits("console:a:1") == {"topic": "ask_transport", "category": ["脱贫劳动力"]}
    assert st.edits("console:a:2") == {}
    st.set_edit("console:a:1", "topic", None, "a")                           # made unknown: forgotten
    assert st.edits("console:a:1") == {"category": ["脱贫劳动力"]}
    st.forget_edits("console:a:1")
    assert st.edits("console:a:1") == {}
