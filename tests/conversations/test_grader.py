"""The conversation grader (scripts/grade_conversations.py) catches each kind of failure.

Each test plays a real turn through the actions and the conversation core with a given intent (no NLU model, so
these run in seconds) and grades it against hand-made expectations: one that the bot's answer meets, and one it
does not, which must be reported as the expected kind. Expected values are taken from what the bot stated where
possible, so the tests do not break when the policy data changes an amount or a payee.
"""
from __future__ import annotations

import pytest
import yaml

from policies.evaluator import fmt_money
from scripts import grade_conversations as gc

TODAY = "2026-11-30"
QY_TRANSPORT = "千阳的脱贫户，去江苏昆山电子厂打工，坐车花了680元，路费补贴能报多少"
NAME = "跨省交通补助（测试用名）"


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setenv("ASSISTANT_TODAY", TODAY)


@pytest.fixture(scope="module")
def mapping():
    """The real payee classes and fact keys, plus two names of our own."""
    data = yaml.safe_load(gc.MAP_FILE.read_text(encoding="utf-8"))
    data["benefits"] = {"qianyang": {NAME: "qy.cross_province_transport",
                                     "求职补贴（测试用名）": "qy.job_seeking",
                                     "免费服务（测试用名）": {"not_encoded": "test", "said": "免费输送"}},
                        "hainan": {"技校补助（测试用名）": "hi.technical_school"}}
    data["must_not_answer"] = {"qianyang": {"不许说跨省交通补助": {"benefit": "qy.cross_province_transport"},
                                            "不许给这个数": {"amount": 500},
                                            "不许当成个人的钱": {"benefit": "qy.cross_province_transport",
                                                            "personal": True},
                                            "不许说没有": {"said_none": True},
                                            "措辞问题": {"ungradable": "wording"}}}
    return gc.Mapping(data)


@pytest.fixture()
def player():
    return gc.Player()


def kinds(fails):
    return sorted({f.kind for f in fails})


def transport_turn(player):
    steps = player.turn(QY_TRANSPORT, "ask_transport", [])
    stated = {r.benefit.id: r for s in steps for r in s.stated}
    assert "qy.cross_province_transport" in stated, "the core should answer this turn with the transport subsidy"
    return steps, stated["qy.cross_province_transport"]


def answer(r, mapping, **over):
    """An expectation the bot's result meets."""
    payee = next(w for w, codes in mapping.payees.items() if isinstance(codes, list) and r.benefit.payee in codes)
    status = {"eligible": "eligible", "ineligible": "not_eligible", "unknown": "unknown"}[r.status]
    a = {"benefit": NAME, "amount": fmt_money(r.amount.value) if r.amount.value else "none stated", "payee": payee,
         "status": status}
    a.update(over)
    return a


def expect(*answers, **kw):
    e = {"answers": list(answers), "must_not_ask": ["place", "category"], "max_questions": 0, "ended_notice": True}
    e.update(kw)
    return e


def test_a_met_expectation_passes(player, mapping):
    steps, r = transport_turn(player)
    assert gc.grade_turn(expect(answer(r, mapping)), steps, "qianyang", mapping) == []


def test_wrong_amount(player, mapping):
    steps, r = transport_turn(player)
    assert r.amount.value == 500
    fails = gc.grade_turn(expect(answer(r, mapping, amount="600元")), steps, "qianyang", mapping)
    assert kinds(fails) == ["wrong_amount"]
    # a personalised total must match; "none stated" forbids any number
    assert kinds(gc.grade_turn(expect(answer(r, mapping, amount="1000元 (2人×500元)")), steps, "qianyang",
                               mapping)) == ["wrong_amount"]
    assert kinds(gc.grade_turn(expect(answer(r, mapping, amount="none stated")), steps, "qianyang",
                               mapping)) == ["wrong_amount"]
    assert gc.grade_turn(expect(answer(r, mapping, amount="500元（实际680元，超过500元按500元）")), steps,
                         "qianyang", mapping) == []


def test_wrong_payee(player, mapping):
    steps, r = transport_turn(player)
    other = next(w for w, codes in mapping.payees.items()
                 if isinstance(codes, list) and r.benefit.payee not in codes)
    fails = gc.grade_turn(expect(answer(r, mapping, payee=other)), steps, "qianyang", mapping)
    assert kinds(fails) == ["wrong_payee"]


def test_wrong_status(player, mapping):
    steps, r = transport_turn(player)
    other = "not_eligible" if r.status != "ineligible" else "eligible"
    assert kinds(gc.grade_turn(expect(answer(r, mapping, status=other)), steps, "qianyang", mapping)) == \
        ["wrong_status"]
    # no_amount_in_text: the bot must give no number
    assert kinds(gc.grade_turn(expect(answer(r, mapping, status="no_amount_in_text")), steps, "qianyang",
                               mapping)) == ["wrong_status"]
    # a status independent readers contested: their reading is accepted beside the writer's, and only theirs
    a = answer(r, mapping, status=other)
    a["adjudicated"] = {"status": {"eligible": "eligible", "ineligible": "not_eligible", "unknown": "unknown"}[r.status],
                        "readers": 3, "reason": "测试"}
    assert kinds(gc.grade_turn(expect(a), steps, "qianyang", mapping)) == []
    a["adjudicated"]["status"] = other
    assert kinds(gc.grade_turn(expect(a), steps, "qianyang", mapping)) == ["wrong_status"]


def test_missing_answer(player, mapping):
    steps, r = transport_turn(player)
    job = {"benefit": "求职补贴（测试用名）", "amount": "500元", "payee": "worker", "status": "eligible"}
    free = {"benefit": "免费服务（测试用名）", "amount": "免费", "payee": "unnamed", "status": "eligible"}
    for missing in (job, free):
        fails = gc.grade_turn(expect(answer(r, mapping), missing), steps, "qianyang", mapping)
        assert kinds(fails) == ["missing_answer"], missing


def test_said_none(player, mapping):
    steps = player.turn("我是三亚的建档立卡户，有见习补贴吗", "ask_internship", [])
    text = "\n".join(x for s in steps for x in s.replies)
    assert gc.SAID_NONE_RE.search(text), "the core should say 海南's document has no 见习 subsidy"
    exp = expect({"benefit": "技校补助（测试用名）", "amount": "每生每年3000元左右", "payee": "unnamed", "status": "unknown"},
                 max_questions=1)
    assert kinds(gc.grade_turn(exp, steps, "hainan", mapping)) == ["said_none"]
    assert kinds(gc.grade_turn(expect(must_not_answer=["不许说没有"]), steps, "qianyang", mapping)) == ["said_none"]


def test_wrong_extra(player, mapping):
    steps, r = transport_turn(player)
    for line in ("不许说跨省交通补助", "不许给这个数"):
        fails = gc.grade_turn(expect(answer(r, mapping), must_not_answer=[line]), steps, "qianyang", mapping)
        assert kinds(fails) == ["wrong_extra"], line
    # "presented as the asker's own money" (meant for an employer's benefit) catches a personal payee
    fails = gc.grade_turn(expect(answer(r, mapping), must_not_answer=["不许当成个人的钱"]), steps, "qianyang", mapping)
    assert kinds(fails) == ["wrong_extra"]
    # a line that is only wording is not graded
    assert gc.grade_turn(expect(answer(r, mapping), must_not_answer=["措辞问题"]), steps, "qianyang", mapping) == []
    # a benefit every writer gives to an organisation, presented as the asker's own money
    mapping.organisation_money = {r.benefit.id}
    try:
        fails = gc.grade_turn(expect(answer(r, mapping)), steps, "qianyang", mapping)
    finally:
        mapping.organisation_money = set()
    assert kinds(fails) == ["wrong_extra"]


def test_a_line_mapped_for_one_conversation_is_checked_so_there_only(player, mapping):
    steps, r = transport_turn(player)
    mapping.must_not["qianyang"]["c-1: 不许说跨省交通补助"] = {"benefit": "qy.job_seeking"}
    try:
        line = expect(answer(r, mapping), must_not_answer=["不许说跨省交通补助"])
        # (in c-1 the words are of the 求职补贴, which this turn does not state; elsewhere of the transport subsidy)
        assert gc.grade_turn(line, steps, "qianyang", mapping, conversation="c-1") == []
        assert kinds(gc.grade_turn(line, steps, "qianyang", mapping, conversation="c-2")) == ["wrong_extra"]
    finally:
        del mapping.must_not["qianyang"]["c-1: 不许说跨省交通补助"]


def test_repeated_question_and_too_many_questions(player, mapping):
    # (a benefit only one document has, "求职补贴", would be answered from it: here no benefit is named)
    steps = player.turn("我是脱贫户，找到工作了，能领多少补贴", "ask_job_seeking", [])
    assert steps[0].asked == "place"
    fails = gc.grade_turn(expect(), steps, "qianyang", mapping)
    assert {"repeated_question", "too_many_questions"} <= set(kinds(fails))
    # one question allowed and the place not known to the writer either: no failure of those kinds
    fails = gc.grade_turn(expect(max_questions=1, must_not_ask=[]), steps, "qianyang", mapping)
    assert not {"repeated_question", "too_many_questions"} & set(kinds(fails))


def test_grader_counts_a_question_asked_beside_an_answer(player, monkeypatch):
    """With the switch that asks beside an answer (assistant.turn.ASK_BESIDE_ANSWER), the bot answers at once and
    asks for the fact that decides the amount in the same reply: the question is counted (max_questions), and the
    grader does not answer it with "不清楚" (the answer is already there)."""
    monkeypatch.setattr("assistant.turn.ASK_BESIDE_ANSWER", True)
    steps = player.turn("我是千阳县的脱贫户，在外地上班，求职补贴能领多少", "ask_job_seeking", [])
    assert len(steps) == 1 and steps[0].stated, [s.replies for s in steps]
    assert steps[0].asked, steps[0].replies
    assert not any(s.auto for s in steps)


def test_no_ended_notice(player, mapping):
    steps, r = transport_turn(player)
    assert "no_ended_notice" not in kinds(gc.grade_turn(expect(answer(r, mapping)), steps, "qianyang", mapping))
    player.reset()
    asked = player.turn("我是脱贫户，找到工作了，能领多少补贴", "ask_job_seeking", [])
    fails = gc.grade_turn(expect(max_questions=1, must_not_ask=[]), asked, "qianyang", mapping)
    assert kinds(fails) == ["no_ended_notice"]


def test_invented_amount(player, mapping):
    """A benefit with an amount given for a conversation whose place no document covers."""
    steps, r = transport_turn(player)
    fails = gc.grade_turn({"answers": [], "max_questions": 0}, steps, "none", mapping)
    assert kinds(fails) == ["invented_amount"]
    player.reset()
    steps = player.turn("我是河南周口的脱贫户，去外省打工有没有路费补贴", "ask_transport", [])
    assert gc.grade_turn({"answers": [], "max_questions": 0}, steps, "none", mapping) == []


def test_smalltalk_routes_like_the_action_server(player):
    """Greetings get the canned reply unless they tell facts (actions.ActionSmalltalk)."""
    assert gc.routing_table()["greet"] == "action_smalltalk"
    assert gc.routing_table()["ask_documents"] == "action_documents"
    hello = player.turn("你好", "greet", [])
    assert hello[0].action == "action_smalltalk" and not hello[0].stated and hello[0].replies
    player.reset()
    facts = player.turn("我是千阳的脱贫户", "greet", [])
    assert "千阳" in facts[0].replies[-1] and facts[0].asked == "topic"


@pytest.mark.parametrize("text,primary,totals,none", [
    ("500元", [500], [], False),
    ("1000元/人", [1000], [], False),
    ("个人最高不超过20万元，期限最长不超过3年", [200000], [], False),
    ("24000元 (12人×2000元)", [24000], [24000], False),
    ("每生每年3000元；两个孩子每年共6000元", [3000, 6000], [6000], False),
    ("只能补一次，按一次行程实际交通费（不足500元按实际，如450元），不是两次合计770元", [500, 450], [], False),
    ("500元（实际680元，超过500元按500元）", [500], [], False),
    ("none stated（文件未写额度）", [], [], True),
    ("每人每年1000元（贫困地区企业吸纳当地建档立卡劳动力为1500元）", [1000], [], False),
    ("补贴为2000元", [2000], [2000], False),
])
def test_writer_amounts(text, primary, totals, none):
    wa = gc.parse_writer_amount(text)
    assert (wa.primary, wa.totals, wa.none) == (primary, totals, none)


def test_mapping_covers_the_suite():
    """Every benefit name and must_not_answer line of the suite is mapped, to benefits the data has (or with a
    not_encoded reading), and every payee the data uses belongs to a writer's payee class."""
    m = gc.Mapping.load()
    assert m.problems() == []
    missing = []
    for conv in gc.load_suite():
        for t in conv["turns"]:
            e = t.get("expect") or {}
            for a in e.get("answers") or []:
                if m.target(conv["doc"], a["benefit"]) is None:
                    missing.append(f"{conv['id']}: {a['benefit']}")
                if a.get("payee") not in m.payees:
                    missing.append(f"{conv['id']}: payee {a.get('payee')}")
            if conv["doc"] != "none":
                for line in e.get("must_not_answer") or []:
                    if m.must_not_spec(conv["doc"], line) is None:
                        missing.append(f"{conv['id']}: must_not_answer {line}")
    assert missing == []


def test_amount_in_parts_matches_a_line_stating_every_part():
    # the writer gives the rate in parts; the bot's line states each of them: the same amount
    bot = {"main": [1200.0], "all": [1200.0, 800.0, 2000.0], "shape": "value", "computed": False,
           "line": "培训合格每人1200元，实现创业再给每人800元（合计最多2000元）"}
    wa = gc.parse_writer_amount("培训合格每人1200元；实现创业的再给予每人800元（合计最多2000元）")
    assert gc.amount_ok(wa, bot, "eligible") is True
    # one part the line does not state: compared as before (the total 2000 is not the bot's value)
    wa = gc.parse_writer_amount("培训合格每人1200元；实现创业的再给予每人900元（合计最多2100元）")
    assert gc.amount_ok(wa, bot, "eligible") is False


def test_a_per_person_amount_and_a_group_total_match_a_line_stating_both():
    # "每人最高750元（…），40人最高30000元": the bot's total for the 40 with the 750 per head in its calculation
    bot = {"main": [30000.0], "all": [30000.0, 750.0], "shape": "ceiling", "computed": True,
           "line": "最高3万元（40人×每人750元）"}
    wa = gc.parse_writer_amount("每人最高750元（15天×(生活费20元+交通费30元)），40人最高30000元")
    assert gc.amount_ok(wa, bot, "eligible") is True
    # another group total (the bot counted 18 people, the writer 30): still wrong
    bot = {"main": [13500.0], "all": [13500.0, 750.0], "shape": "ceiling", "computed": True,
           "line": "最高13500元（18人×每人750元）"}
    wa = gc.parse_writer_amount("每人不超过750元（15天×(生活费20元+交通费30元)），家政班30人合计不超过22500元")
    assert gc.amount_ok(wa, bot, "eligible") is False


def test_a_benefit_split_into_its_cases_matches_a_line_stating_every_case():
    # the writer names SYB's two rates as two entries; the bot states the benefit once with both rates in its line
    from policies.evaluator import evaluate
    ev = evaluate({"category": "脱贫劳动力", "training_certificate": True}, "千阳县",
                  benefit_ids=["qy.startup_training_syb"])
    r = ev.results[0]
    line = gc.bot_amount(r)["line"]
    assert "2500元" in line and "1000元" in line, line
    both = [({"amount": "每人每期2500元", "status": "eligible"}, None),
            ({"amount": "每人每期1000元", "status": "eligible"}, None)]
    assert gc.cases_stated(both, [r]) is True
    # a rate the line does not state, one entry alone, or one rate twice: not this rule
    assert gc.cases_stated([both[0], ({"amount": "每人每期900元", "status": "eligible"}, None)], [r]) is False
    assert gc.cases_stated(both[:1], [r]) is False
    assert gc.cases_stated([both[0], both[0]], [r]) is False


def test_a_sum_for_several_persons_said_in_the_reply_matches_the_writers_total():
    members = [({"amount": "每月1200元 (劳动保障助理员800元+其它岗位400元)", "status": "eligible"}, None)]
    assert gc.sum_said(members, "2人合计：每月1200元（800元+400元）\n分开说：……") is True
    assert gc.sum_said(members, "2人合计：每月1000元（800元+200元）") is False
    # the writer's rate alone (no total) is not matched by a sum
    assert gc.sum_said([({"amount": "每人每月800元", "status": "eligible"}, None)], "合计：每月800元") is False


def test_a_suite_is_graded_for_the_date_its_writers_wrote_for(tmp_path):
    assert gc.suite_today(None) == gc.TODAY
    assert gc.suite_today(str(tmp_path)) == gc.TODAY
    (tmp_path / "TODAY").write_text("2026-12-02\n", encoding="utf-8")
    assert gc.suite_today(str(tmp_path)) == "2026-12-02"
    (tmp_path / "TODAY").write_text("next week", encoding="utf-8")
    assert gc.suite_today(str(tmp_path)) == gc.TODAY


def test_a_yearly_headline_matches_beside_a_bracketed_total_over_the_period_but_not_over_persons():
    bot = {"main": [79200.0], "all": [79200.0, 13200.0, 6600.0], "shape": "value", "computed": True,
           "line": "每年79200元（6人×每人13200元；补贴期限不超过3年；折合每月6600元）"}
    wa = gc.parse_writer_amount("79200元/年（6人×1100元×12个月），期限不超过3年（3年最多237600元）")
    assert gc.amount_ok(wa, bot, "eligible") is True
    # a total over persons in brackets is still the answer wanted
    bot = {"main": [5000.0], "all": [5000.0], "shape": "value", "computed": False, "line": "从事个体经营一次性5000元"}
    wa = gc.parse_writer_amount("每人5000元（3人各自领取，共15000元）")
    assert gc.amount_ok(wa, bot, "eligible") is False


def test_a_yearly_headline_matches_a_writers_chain_of_figures_beside_a_period_total_in_brackets():
    bot = {"main": [43200.0], "all": [43200.0, 10800.0, 3600.0], "shape": "value", "computed": True,
           "line": "每年43200元（4人×每人10800元；补贴期限不超过3年；折合每月3600元）"}
    wa = gc.parse_writer_amount("按单位实际缴纳的返还：4人×约900元=每月约3600元，每年约43200元，期限不超过3年（最多约129600元）")
    assert gc.amount_ok(wa, bot, "eligible") is True
    # another yearly amount is not one of the writer's figures
    bot = dict(bot, main=[32400.0], all=[32400.0, 10800.0, 2700.0])
    assert gc.amount_ok(wa, bot, "eligible") is False


def test_a_sum_of_two_benefits_said_in_the_reply_meets_the_writers_entry_of_both(player, mapping):
    # an agency's two referral subsidies: the writer's entry names both ("…（含季节性用工职业介绍补贴）") with their sum,
    # and another entry the one alone (0元 for two of its people); the reply's "合计：6500元（5500元+1000元）" is that sum
    player.turn("俺们是千阳的劳务公司，营业执照、职介许可证都有。今年6月到9月免费给人介绍活：13个脱贫劳动力进了宝鸡的厂子，都签了一年合同；"
                "还有5个脱贫户去苹果园干季节工，干了4个月；另外3个也去的果园，干了俩月就回来了。这能拿多少职业介绍补贴？", "ask_referral", [])
    steps = player.turn("对了，进厂那13个里有2个自己已经去镇上领了500块的一次性求职补贴。这俩俺们还能报不？一共比刚才少多少？",
                        "ask_referral", [])
    text = "\n".join(r for s in steps for r in s.replies)
    assert "6500元（5500元+1000元）" in text, text
    data = yaml.safe_load(gc.MAP_FILE.read_text(encoding="utf-8"))
    data["benefits"] = {"qianyang": {"介绍补贴（两人）": "qy.job_referral",
                                     "介绍补贴（两项合计）": ["qy.job_referral", "qy.job_referral_seasonal"]}}
    m = gc.Mapping(data)
    two = {"benefit": "介绍补贴（两人）", "amount": "0元", "payee": "agency", "status": "not_eligible"}
    both = {"benefit": "介绍补贴（两项合计）", "amount": "6500元（11人×500元+5人×200元）", "payee": "agency",
            "status": "eligible"}
    assert "wrong_amount" not in kinds(gc.grade_turn(expect(two, both), steps, "qianyang", m))
    # a sum the reply does not say is still wrong
    both["amount"] = "7000元（11人×500元+5人×300元）"
    assert "wrong_amount" in kinds(gc.grade_turn(expect(two, both), steps, "qianyang", m))
