"""A unit's groups said by where they are from, each with its own contract, then corrected by group ("签8个月的是南寨
那4个") and asked why one is left out ("南寨那4个为啥不给") beside another question; the unit's costs said after a group
("另外厂房租金一年4万") are the unit's, not the group's."""

from assistant.state import State
from .talk import card as _card, say as _say

_UNIT = ("你好 我们是张家塬镇的社区工厂 前年县上认定过的 做手套加工 现在总共27个工人 去年新招的脱贫户有三拨 "
         "张家塬本村的6个签了两年合同 崔家头镇过来的3个签的8个月 南寨镇的4个签了一年 吸纳脱贫户那个一次性岗位补贴能拿多少 "
         "另外厂房租金一年4万 水电一年1万2 这个能补不")


def _text(t):
    return "\n".join(r.text for r in t.replies)


def test_the_units_rent_after_a_group_clause_adds_to_its_utilities():
    s = State()
    t = _say(s, "ask_employer_subsidy", _UNIT)
    assert s.facts["rent_utilities_cost"] == 52000
    assert _card(t, "qy.community_factory_rent").status == "eligible"
    assert "26000元" in _text(t)                      # (40000元 + 12000元) × 50%
    assert "1万元" in _text(t) and "3人只签了8个月" in _text(t)


def test_the_short_contract_said_again_of_another_group_moves_the_people_out():
    s = State()
    _say(s, "ask_employer_subsidy", _UNIT)
    t = _say(s, "correct", "哦不对 说错了 签8个月的是南寨那4个 崔家头那3个签的是一年半 那现在岗位补贴一共多少")
    text = _text(t)
    assert "9000元" in text and "4人只签了8个月" in text
    assert s.facts["new_hires"] == 13 and s.facts["contract_months"] == 12   # the others' contract as it was


def test_a_group_asked_why_is_said_out_with_its_reason_and_the_other_question_answered():
    s = State()
    _say(s, "ask_employer_subsidy", _UNIT)
    _say(s, "correct", "哦不对 说错了 签8个月的是南寨那4个 崔家头那3个签的是一年半 那现在岗位补贴一共多少")
    t = _say(s, "ask_employer_subsidy", "南寨那4个为啥不给 人家也是脱贫户啊？还有这13个人进厂我们都搞了以工代训 带了4个月 "
                                        "其中张家塬有2个前些年在别的合作社已经享受过以工代训了 这个能补多少")
    text = _text(t)
    assert text.startswith("南寨那4人只签了8个月，不算") and "一年" in text.split("\n")[0]
    assert "26400元" in text                         # 11 × 4 months × 600元
    assert s.facts["new_hires"] == 13                 # "南寨那4个" names a group; it is not a new count
    assert any(r.benefit.id == "qy.community_factory_post" and r.status == "ineligible" for r in t.decision.stated)
