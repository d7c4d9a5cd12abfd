"""People said in groups by category ("低保家庭的12个、脱贫家庭的20个"): a per-person amount with no head-count of its
own counts the groups whose category it is for (Profile.category_groups)."""
import datetime as dt

from assistant.state import State
from assistant.turn import policy_turn


def _graduate_job_search(text):
    t = policy_turn(State(), "ask_graduate", text, [], dt.date(2026, 12, 3))
    return {r.benefit.id: r for r in t.decision.stated}["qy.graduate_job_search"]


def test_graduates_in_groups_by_category_count_for_the_per_person_subsidy():
    # a school: "低保家庭的12个、脱贫家庭的20个、残疾的2个，另外办了国家助学贷款的5个": each group is of a category the
    # 求职创业补贴 is for, so the 1000元 each is for all 39
    got = _graduate_job_search("我们是千阳县职业中专，明年6月毕业的这届学生里，低保家庭的12个、脱贫家庭的20个、残疾的2个，"
                               "另外办了国家助学贷款的5个，几类人不重复，都在积极找工作。求职创业补贴一共能给多少？")
    assert got.amount.value == 39000 and got.benefit.payee == "graduate"


def test_a_group_the_subsidy_is_not_for_leaves_the_rate_per_person():
    # the 退役军人 are none of the categories 求职创业补贴 is for: their heads do not count, and the total is not known
    got = _graduate_job_search("我们是千阳县职业中专，明年6月毕业的学生里，低保家庭的12个、退役军人家庭的3个。求职创业补贴一共能给多少？")
    assert got.amount.value == 1000


def test_some_of_one_group_counted_in_another_too_are_counted_once():
    # "低保家庭的学生4个，脱贫家庭的6个，还有1个办了国家助学贷款的" (11), then "低保那4个里头有2个家里同时也是脱贫户，跟那6个
    # 是重的": 9 graduates, 9000元
    s = State()
    first = policy_turn(s, "ask_graduate", "我们是千阳县职业中专，明年6月毕业的这届里，低保家庭的学生4个，脱贫家庭的6个，还有1个办了国家"
                                           "助学贷款的，都想毕业后找工作或者创业。求职创业补贴一人多少？", [], dt.date(2026, 12, 3))
    assert {r.benefit.id: r for r in first.decision.stated}["qy.graduate_job_search"].amount.value == 11000
    t = policy_turn(s, "inform", "说错了，低保那4个里头有2个家里同时也是脱贫户，跟那6个是重的。", [], dt.date(2026, 12, 3))
    assert t.decision.stated[0].benefit.id == "qy.graduate_job_search"
    assert t.decision.stated[0].amount.value == 9000
