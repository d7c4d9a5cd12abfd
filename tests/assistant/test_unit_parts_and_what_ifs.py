"""Parts of a unit's people said with their own facts (placements charged for said after the groups, interns named two
at a time, a school's two classes each with its own trainees and those who opened shops), a form of business asked as a
what-if beside the one said, and a county name misread (花恒 for 花垣)."""
import datetime as dt

from assistant.extract import extract
from assistant.state import State
from assistant.turn import policy_turn
from policies import default_gazetteer

TODAY = dt.date(2026, 12, 4)


def _say(state, intent, text):
    return policy_turn(state, intent, text, [], TODAY)


def _card(turn, bid):
    return next(r for r in turn.decision.stated if r.benefit.id == bid)


def _ids(turn):
    return [r.benefit.id for r in turn.decision.stated]


def test_placements_charged_for_said_after_the_groups_are_besides_them():
    s = State()
    t = _say(s, "ask_employer", "我们是汉阴县的一家职业介绍所，前年起帮村里登记失业的贫困户找厂子，大部分没收钱。"
                                "签了合同干满一年的有5个；今年四月份才去的有2个；另外还有3个当时收了100块介绍费。"
                                "职业介绍补贴我们能报多少？")
    card = _card(t, "ak.job_referral")
    assert s.facts["referred_count"] == 10          # 5 + 2 + the 3 charged for, not 7
    assert card.amount.value == 1000                # the 5 of a year, free: 5 × 200元
    assert card.status == "eligible"                # the others were free, as said ("大部分没收钱")
    # a correction of the groups by the month they came: the months since then, not "四月" as 4 months
    t = _say(s, "correct", "不好意思说错了，干满一年的是6个，四月份去的是1个")
    assert sorted(tuple(g) for g in s.facts["group_months"]) == [(1.0, 8.0), (6.0, 12.0)]
    assert _card(t, "ak.job_referral").amount.value == 1200


def test_interns_named_two_at_a_time_share_the_months_said_after_them():
    t = _say(State(), "ask_employer", "我们厂在安康市汉滨区，是见习基地，今年带了3个贫困家庭的应届大学生见习：小刘见习了3个月就走了，"
                                      "小陈跟小赵都见习满7个月，见习补贴一共多少？")
    card = _card(t, "ak.internship")
    assert card.amount.value == 15000               # 3 + 6 + 6 months (7 counted at the longest 6) × 1000元


def test_named_interns_words_are_not_taken_for_names():
    ex = extract("大家都见习了6个月，小孩也在", None)
    assert not ex.group_months


def test_a_partnership_asked_as_a_what_if_shows_both_loans_and_keeps_the_one_said():
    s = State()
    t = _say(s, "ask_startup_loan", "我是岚皋的建档立卡户，想回村开个小超市，我一个人干能贷多少？要是跟我弟合伙干呢？")
    ids = _ids(t)
    assert "ak.startup_loan_individual" in ids and "ak.startup_loan_partnership" in ids
    assert ids.index("ak.startup_loan_individual") < ids.index("ak.startup_loan_partnership")
    assert s.facts["business_type"] == "个体工商户" and s.facts["borrower_type"] == "个人"


def test_a_partnership_given_up_is_one_persons_shop_not_the_partnership_named():
    s = State()
    _say(s, "ask_startup_loan", "我是白河的建档立卡户，想跟两个朋友合伙开个农家乐，能贷多少款？")
    t = _say(s, "ask_startup_loan", "那要是不合伙了，我自己单干开个小吃店能贷多少？")
    assert s.facts["business_type"] == "个体工商户" and s.facts["borrower_type"] == "个人"
    assert "ak.startup_loan_individual" in _ids(t)
    assert all(r.status != "eligible" for r in t.decision.stated if r.benefit.id == "ak.startup_loan_partnership")


def test_two_classes_each_count_their_own_trainees_and_those_who_opened_shops():
    s = State()
    t = _say(s, "ask_training", "我们是石泉县的定点培训学校。这期开了两个班：一个家政服务就业技能培训班，建档立卡贫困户18个、"
                                "普通农户5个；一个SYB创业培训班，15个都是建档立卡贫困户，都考试合格拿了证，其中4个已经开了店。"
                                "补贴总共怎么算")
    skills = _card(t, "ak.skills_training")
    startup = _card(t, "ak.startup_training")
    assert skills.amount.value == 32400             # 18 × 不超过1800元 (not the 5 of ordinary farmers, not the SYB class)
    assert startup.amount.value == 21200            # 15 × 1200元 + 4 × 800元
    assert "4人" in startup.amount.basis and "15人" in startup.amount.basis
    assert "business_type" not in s.facts           # the trainees' shops are no business of the school's
    t = _say(s, "correct", "说错了，开了店的是5个不是4个")
    assert _card(t, "ak.startup_training").amount.value == 22000


def test_a_county_misread_by_a_lookalike_character_is_the_county():
    assert extract("我们是花恒县的一个扶贫车间", None).place == default_gazetteer().find_all("花垣县")[0].full_name
