"""A loan planned as a whole ("想贷四百万 贷三年 行不行") is the unit's within the text's limits, both limits said on the
amount; children at a 技工院校 counted before keep the school grant theirs in a follow-up ("老大那个学校学制三年…");
a third child ("老三") is a person of their own."""
import datetime as dt

from assistant.state import State
from assistant.turn import policy_turn

TODAY = dt.date(2026, 12, 2)


def _say(state, intent, text):
    return policy_turn(state, intent, text, [], TODAY)


def _stated(t):
    return {r.benefit.id: r for r in t.decision.stated}


def _text(t):
    return "\n".join(r.text for r in t.replies)


def test_a_loan_plan_of_amount_and_term_is_answered_within_the_limits():
    t = _say(State(), "ask_startup_loan", "我们在石泉县开了个小服装加工厂 算劳动密集型小微企业 六十几个工人大半是贫困户 想贷四百万扩大生产 "
                                          "贷三年 行不行 有没有贴息")
    loan = _stated(t)["ak.small_enterprise_loan"]
    assert loan.status == "eligible"
    assert "最多贷300万元" in loan.amount.text and "期限最长2年" in loan.amount.text


def test_the_term_asked_alone_is_still_refused():
    s = State()
    _say(s, "ask_startup_loan", "我们在石泉县开了个小服装加工厂 算劳动密集型小微企业 想贷款扩大生产")
    t = _say(s, "ask_startup_loan", "那能不能贷三年？两年还款太紧了")
    assert _stated(t)["ak.small_enterprise_loan"].status == "ineligible"


def test_a_child_at_a_technical_school_keeps_the_grant_in_a_follow_up():
    s = State()
    _say(s, "ask_school_grant", "你好 我是兰西县的 家里是建档立卡贫困户 俩孩子 大的在技师学院学汽修 小的今年九月刚上的县一中 念高中 "
                                "听说念技校国家给补助 俩孩子都能有吗 一年多少钱")
    t = _say(s, "inform", "老大那个学校学制三年 今年念的二年级 三年下来一共能拿多少 钱是给孩子还是给家里")
    grant = _stated(t)["sh.technical_school"]
    assert grant.status == "eligible" and grant.amount.value == 9000


def test_a_third_child_is_a_person_of_their_own():
    t = _say(State(), "ask_training", "石泉的，我家三个娃都在建档立卡户口上。老大参加了就业技能培训；老二创业培训合格了，还开了个门面；"
                                      "老三在技工学校全日制读书，今年23岁。他们各自能享受啥子？")
    lines = _text(t)
    assert "老三：" in lines
    third = lines.split("老三：")[1].split("\n")[0]
    assert "技工院校贫困家庭子女享受国家资助政策年龄放宽" in third


def test_paying_back_over_three_years_asked_is_the_term():
    s = State()
    _say(s, "ask_startup_loan", "我们是安康市的一家毛绒玩具厂，劳动密集型小微企业，厂里带了二十多个贫困户上班。现在想贷500万扩产能，"
                                "小额担保贷款能贷不？")
    t = _say(s, "ask_startup_loan", "那利息是不是全免？贷款能不能分三年还")
    assert s.facts["loan_term_wanted"] == 36
    assert _stated(t)["ak.small_enterprise_loan"].status == "ineligible"
