"""An agency's placements in groups: seasonal groups that worked different lengths of time are counted by the
benefit's time condition ("4个…摘棉花干了三个半月，还有2个…果园干了40天"); one of a group named again ("去苏州那6个里头
有一个") is not a new head-count; a unit's sums of two benefits are said together."""
import datetime as dt

from assistant.state import State
from assistant.turn import policy_turn

TODAY = dt.date(2026, 12, 3)
FIRST = ("我们是千阳南寨镇的村级扶贫就业服务公司，有营业执照。今年免费给村里脱贫户介绍工作：6个人去苏州电子厂签了一年合同，"
         "4个人去新疆摘棉花干了三个半月，还有2个去陕北果园干了40天就回来了。职业介绍补贴一共能拿多少？")


def _stated(t):
    return {r.benefit.id: r for r in t.decision.stated}


def test_seasonal_groups_are_counted_by_the_time_each_worked():
    t = policy_turn(State(), "ask_referral", FIRST, [], TODAY)
    got = _stated(t)
    assert got["qy.job_referral"].amount.value == 3000
    assert got["qy.job_referral_seasonal"].amount.value == 800


def test_one_of_a_group_named_again_keeps_the_count_and_the_sum_is_said():
    s = State()
    policy_turn(s, "ask_referral", FIRST, [], TODAY)
    policy_turn(s, "ask_what_can_i_get", "去苏州那6个里头有一个，自己还想去镇上领500块钱求职补贴，我们这边也给他报了职介补贴，两个都能拿不",
                [], TODAY)
    assert s.facts["referred_count"] == 6
    t = policy_turn(s, "ask_where_apply", "那我们的职介补贴啥时候之前报，去哪报，要准备啥", [], TODAY)
    assert "合计：3800元" in "\n".join(r.text for r in t.replies)
