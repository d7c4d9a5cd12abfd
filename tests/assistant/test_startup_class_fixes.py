"""A training school's SYB class: its hours from the days and the hours a day ("一共上了十天 每天八个课时": 80课时), those
who opened a shop by the six months' end ("到十月底满六个月 有十二个开了店"), and the counts of those who did or did not
corrected ("开店的是8个不是5个", "开了店的是十一个 没开的是十九个")."""
import datetime as dt

from assistant.state import State
from assistant.turn import policy_turn

TODAY = dt.date(2026, 12, 4)


def _say(state, intent, text):
    return policy_turn(state, intent, text, [], TODAY)


def _syb(turn):
    return next(r for r in turn.decision.stated if r.benefit.id == "qy.startup_training_syb")


def test_hours_a_day_and_the_six_months_end_give_each_groups_amount_and_both_counts_corrected():
    s = State()
    t = _say(s, "ask_training", "我们是千阳县城的一家职业培训学校 今年四月份给县上办了一期SYB创业培训 三十个学员全是脱贫户 一共上了十天 "
                                "每天八个课时 三十个人都拿到了合格证 到十月底满六个月 有十二个开了店 剩下十八个还没开 这些总共能申请多少")
    assert s.facts["training_hours"] == 80
    assert _syb(t).amount.value == 12 * 2500 + 18 * 1000
    t = _say(s, "correct", "不好意思刚才说错了 开了店的是十一个 没开的是十九个")
    assert _syb(t).amount.value == 11 * 2500 + 19 * 1000
    assert "business_type" not in s.facts or s.facts.get("business_planned") is not True


def test_one_count_corrected_makes_the_other_the_rest_of_the_class():
    s = State()
    _say(s, "ask_training", "我们是千阳县的一家培训学校，上个月刚办完一期SYB创业培训，90课时、12天，30个学员全是脱贫劳动力，"
                            "都拿到了创业培训合格证。到现在已经有5个人办了营业执照开了店。创业培训补贴我们一共能拿多少？")
    t = _say(s, "correct", "不好意思说错了，开店的是8个不是5个，那补贴咋算")
    assert _syb(t).amount.value == 8 * 2500 + 22 * 1000
    assert "8人" in "\n".join(r.text for r in t.replies)


def test_a_business_within_six_months_of_the_training_and_its_date_corrected():
    s = State()
    t = _say(s, "ask_startup_subsidy", "来电人是千阳城关镇的，说他是脱贫劳动力，今年3月在县城办了个体工商户营业执照，开了个小吃店，一直正常营业到"
                                       "现在。他去年10月参加过县里组织的SYB创业培训，拿到了合格证。给他培训的那个机构是不是也能拿钱，拿多少？")
    assert s.facts["started_business_within_6_months"] is True      # 2025-10 → 2026-03: five months
    t = _say(s, "correct", "来电人又说记错了：营业执照是今年10月8号才批下来的，3月份只是租门面开始装修。培训机构那边有没有变化？")
    assert s.facts["started_business_within_6_months"] is False     # a year after the training
    assert s.facts["months_since_registration"] < 3
    assert "training_months_ago" not in " ".join(r.text for r in t.replies)
