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
