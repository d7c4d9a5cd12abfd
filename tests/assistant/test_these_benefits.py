""""这些补贴" after a correction: every benefit the conversation stated, not only the last answer's."""

import datetime as dt

from assistant.state import STATED, State
from assistant.turn import documents_turn, where_turn
from .talk import say as _say

_SCHOOL = ("我们是千阳县一家培训学校，上个月刚结束一期SYB创业培训，88个课时，30个学员都是脱贫劳动力，全部拿到了创业培训合格证。"
           "到现在有12个已经办了执照开始干了，其余18个还没动静。这一期我们学校能申请多少补贴？")


def test_these_benefits_after_a_correction_are_all_the_conversation_stated():
    s = State()
    _say(s, "inform", _SCHOOL)
    second = _say(s, "ask_training_allowance", "那学员上课那些天的生活费交通费呢？这期一共上了11天。是我们先垫着发给学员吗？一个人最多能发多少？")
    assert [r.benefit.id for r in second.decision.stated] == ["qy.training_living_transport"]
    assert "qy.startup_training_syb" in s.facts[STATED]
    t = _say(s, "correct", "哦对了说错了，30个里头有2个其实是边缘户，不是脱贫户，这俩影响补贴不？这些补贴我们找哪儿报？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert "qy.training_living_transport" in ids and "qy.startup_training_syb" in ids
    syb = next(r for r in t.decision.stated if r.benefit.id == "qy.startup_training_syb")
    assert syb.status == "eligible" and "48000元" in "\n".join(r.text for r in t.replies)


def test_without_those_words_a_correction_answers_the_last_answer_only():
    s = State()
    _say(s, "inform", _SCHOOL)
    _say(s, "ask_training_allowance", "那学员上课那些天的生活费交通费呢？这期一共上了11天。一个人最多能发多少？")
    t = _say(s, "correct", "说错了 这期一共上了10天")
    assert [r.benefit.id for r in t.decision.stated] == ["qy.training_living_transport"]


def test_part_of_a_class_of_another_kind_is_both_kinds_and_where_is_answered():
    s = State()
    _say(s, "inform", _SCHOOL)
    _say(s, "ask_training_allowance", "那学员上课那些天的生活费交通费呢？这期一共上了11天。一个人最多能发多少？")
    t = _say(s, "correct", "哦对了说错了，30个里头有2个其实是边缘户，不是脱贫户，这俩影响补贴不？这些补贴我们找哪儿报？")
    assert set(s.facts["category"]) == {"脱贫劳动力", "边缘户"}
    assert "staff_total" not in s.facts and "hired_poor_count" not in s.facts     # trainees, not a school's staff
    assert s.facts["trainee_count"] == 30
    assert "去哪办：县人社局" in t.replies[-1].text


_AGENCY = ("我们是千阳县一家劳务派遣公司 营业执照和人力资源服务许可证都有 今年给人介绍工作一分钱没收 介绍了两拨 一拨是脱贫户14个 "
           "七月去江苏昆山电子厂 签了一年合同 另一拨是脱贫户9个 九月去新疆摘棉花 干了两个月 这些能报多少")


def test_when_where_and_papers_asked_together_are_each_answered_and_the_same_papers_said_once():
    s = State()
    _say(s, "ask_referral", _AGENCY)
    t = documents_turn(s, "那这些补贴啥时候报 报到哪 要准备啥材料", [], dt.date(2026, 12, 4))
    text = "\n".join(r.text for r in t.replies)
    assert "去哪办：所在镇劳动保障事务所" in text and "时间：完成职介工作后6个月内" in text
    assert text.count("职介许可证复印件") == 1 and "要带的材料：同上" in text
    assert text.split("\n")[0].endswith("合计：8800元（1800元+7000元）")


def test_where_and_papers_asked_as_a_where_question_gets_the_papers_too():
    s = State()
    _say(s, "ask_referral", _AGENCY)
    t = where_turn(s, "去哪办 要带啥", [], dt.date(2026, 12, 4))
    text = "\n".join(r.text for r in t.replies)
    assert "去哪办：" in text and "职介许可证复印件" in text


def test_an_agency_asking_for_money_to_send_people_out_in_batches_hears_what_the_text_says_of_it():
    s = State()
    _say(s, "ask_referral", "我们是旬阳的劳务公司 有营业执照和职介许可证 去年免费介绍了20个贫困户去浙江厂里 都签了合同 干满一年了 能报多少")
    t = _say(s, "ask_referral", "那明年我们想成批组织贫困户去浙江打工，县上给不给钱？一个人给多少，找谁谈？")
    text = "\n".join(r.text for r in t.replies)
    assert "有偿服务合作" in text and "二、（二）7" in text


_FARE = "千杨县张家塬的 脱贫户 今年过完年三月初去的浙江宁波 在电子厂上班 合同签的一年 车票花了三百八 以前啥补贴也没领过 这个路费能报不"


def test_no_benefit_had_before_brings_what_else_with_how_far_past_its_window():
    s = State()
    t = _say(s, "ask_transport", _FARE)
    text = "\n".join(r.text for r in t.replies)
    assert t.decision.stated[0].benefit.id == "qy.cross_province_transport"
    seeking = next(r for r in t.decision.stated if r.benefit.id == "qy.job_seeking")
    assert seeking.status == "ineligible"
    assert "须在就业后6个月内申请，已过约9个月" in text


def test_a_no_said_before_is_not_said_to_be_new_after_a_correction():
    s = State()
    _say(s, "ask_transport", _FARE)
    t = _say(s, "correct", "哦说错了 三百八是火车票 到了宁波站又坐大巴又打车到厂里 加一起六百二 票都留着呢")
    text = "\n".join(r.text for r in t.replies)
    assert "不符合了" not in text and "500元（实际交通费620元" in text


def test_social_insurance_asked_as_a_second_question_by_a_unit_is_answered():
    s = State()
    t = _say(s, "ask_internship", "你好，我们是安康汉阴县的一家食品加工厂，今年接收了贫困家庭的高校毕业生来见习：第一批4个，见习满6个月；"
                                  "第二批2个，见习3个月。另外我们还招了10个建档立卡贫困户进厂，签的两年劳动合同，都给交了社保。"
                                  "请问见习补贴一共能拿多少？社保这块有没有补贴？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert ids[0] == "ak.internship" and "ak.social_insurance_subsidy" in ids


def test_days_missed_by_some_beside_the_class_days_said_in_the_same_follow_up():
    s = State()
    _say(s, "ask_training", "我们是衡阳县的一家培训学校 办了一期电焊就业技能培训班 25个学员都是建档立卡贫困户 当地同类培训补贴标准每人1200元 能补多少")
    t = _say(s, "ask_training_allowance", "培训一共10天，学员的生活费是不是也打给我们学校？有2个学员各缺了2天课，这期生活费一共多少")
    text = "\n".join(r.text for r in t.replies)
    assert "4920元" in text                       # 23 × 10 days × 20元 + 2 × 8 days × 20元
    assert s.facts["training_days"] == 10


def test_a_units_people_said_by_the_dates_they_came_each_count_their_own_months():
    s = State()
    t = _say(s, "ask_employer_subsidy", "俺们是旺奎县的一个种植合作社，这几年陆续用了建档立卡贫困户7个，其中5个前年就来了一直干到现在，"
                                        "2个是今年五一以后来的。听说有个创业扶贫奖励补贴，俺们能拿多少？")
    reward = next(r for r in t.decision.stated if r.benefit.id == "sh.startup_poverty_reward")
    assert reward.amount.value == 5000                  # the 2 of this May are short of a year
    assert s.facts["new_hires"] == 7
