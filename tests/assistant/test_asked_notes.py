"""A benefit's note is said when the message asks about it by its words (`notes[].words`, policies/SCHEMA.md): the
乡村公益性岗位's 意外伤害商业保险 and labour contract, asked "有保险没"; and not said when nothing asks for it. A unit
asking whether its workers' own share of social insurance is returned gets 海南's rule (only the unit's share)."""
import datetime as dt

from assistant.state import State
from assistant.turn import policy_turn

TODAY = dt.date(2026, 11, 30)


def _say(state, intent, text):
    return policy_turn(state, intent, text, [], TODAY)


def _text(t):
    return "\n".join(r.text for r in t.replies)


def test_a_public_post_asked_about_insurance_hears_of_the_accident_insurance_and_the_contract():
    t = _say(State(), "ask_public_post", "我是千阳南寨镇的脱贫户，村里叫我去扫路当公益岗，干这个给上保险不？")
    text = _text(t)
    assert "qy.rural_public_post" in [r.benefit.id for r in t.decision.stated]
    assert "意外伤害商业保险" in text and "每次签订期限不超过1年" in text


def test_the_note_is_not_said_when_nothing_asks_for_it():
    t = _say(State(), "ask_public_post", "我是千阳南寨镇的脱贫户，村里叫我去扫路当公益岗，一个月多少钱")
    assert "qy.rural_public_post" in [r.benefit.id for r in t.decision.stated]
    assert "意外伤害商业保险" not in _text(t)


def test_a_unit_asking_of_its_workers_own_share_hears_it_is_not_returned():
    s = State()
    _say(s, "ask_employer_subsidy", "我们在三亚开酒店，招了5个建档立卡贫困户，给他们交了社保，社保能返吗")
    t = _say(s, "ask_startup_subsidy", "员工个人缴的那部分也能返不？")
    refund = [r for r in t.decision.stated if r.benefit.id == "hi.social_insurance_refund"]
    assert refund and refund[0].status == "ineligible"
    assert s.facts.get("insurance_paid") is True
