"""A question about a training and the money while in it: the training that fits, then the allowances asked of (not a
training for other people still open); and a question whose words a benefit of another topic answers (绥化's
参加培训交通费补助 for "学员来回的路费") is not told the document has nothing on it. A case put ("要是我们还不是就业扶贫基地
呢") says first what the last answer stated that would be a no then."""
import datetime as dt

import pytest

from assistant.state import State
from assistant.turn import policy_turn
from .talk import card as _card

TODAY = dt.date(2026, 12, 3)


def _say(state, intent, text):
    return policy_turn(state, intent, text, [], TODAY)


def _said(intent, text):
    """The replies' text to a first message."""
    return "\n".join(r.text for r in _say(State(), intent, text).replies)


def test_the_money_while_in_training_comes_before_a_training_for_others():
    s = State()
    _say(s, "inform", "我是庆安县的建档立卡贫困户")
    t = _say(s, "ask_training", "我在家闲着呢，想学学种木耳，有没有免费培训？学的时候给不给补贴")
    ids = [r.benefit.id for r in t.decision.stated]
    assert ids[0] == "sh.free_training"
    assert {"sh.training_transport", "sh.training_living_allowance"} <= set(ids), ids
    # the 劳动预备制培训 (须为应届初、高中毕业生) is not one of the three cards
    assert "sh.labor_preparatory_training" not in ids


@pytest.mark.parametrize("intent, text, said, not_said", [
    # a question whose words a benefit of another topic answers ("学员来回的路费": 绥化's 参加培训交通费补助) is not told
    # the document has nothing on it
    ("ask_training", "我们是肇东市一家职业培训学校 今年接了市里的育婴员培训 学员全是建档立卡贫困劳动力 "
                     "培训补贴一个人能给多少？学员来回的路费是不是得我们出", "参加培训交通费补助", "没有写这方面的补贴"),
    # a mother for her son, "去年大学毕业，到现在还没找到工作…建档立卡贫困户": 安康's 见习补贴 (paid to the 见习单位) is
    # in the list; the 劳动密集型小微企业 loan (a company's) is not
    ("ask_what_can_i_get", "来电的是镇平县一位大姐，说她儿子去年大学毕业，到现在还没找到工作。她家是建档立卡贫困户，"
                           "也是低保户，孩子他爸是残疾人。问孩子能给安排个啥工作，政府有没有补贴", "见习补贴",
     "劳动密集型小微企业小额担保贷款"),
])
def test_what_is_said_and_what_is_not(intent, text, said, not_said):
    replies = _said(intent, text)
    assert said in replies and not_said not in replies


def test_a_case_put_says_first_what_the_last_answer_stated_that_would_be_a_no():
    s = State()
    _say(s, "ask_employer_subsidy", "我们是常德的一家食品企业，已经是认定的就业扶贫基地，今年吸纳了80多个建档立卡贫困劳动力，"
                                    "听说能评精准就业扶贫爱心单位拿10万，怎么评？")
    t = _say(s, "ask_factory_job", "要是我们还不是就业扶贫基地呢？就是普通企业")
    text = "\n".join(r.text for r in t.replies)
    got = {r.benefit.id: r for r in t.decision.stated}
    assert got["hn.model_unit_award"].status == "ineligible"
    assert "要是这样，湖南省精准就业扶贫爱心单位以奖代补不符合" in text
    assert s.facts["employer_type"] == "企业"


def test_an_amount_someone_else_had_asked_about_is_that_case_and_not_the_persons_own():
    # "俺们村有人说考完证领了三百块钱": someone else's, heard of (not "已享受过"); the 300元 is the case of 纳入重点产业…目录的,
    # said beside the other case's 200元
    s = State()
    _say(s, "ask_training", "俺是千阳高崖镇的脱贫户，在县上参加了电焊培训，下个月要去考焊工证，头一回考。鉴定费要俺自己掏不？")
    t = _say(s, "inform", "那为啥俺们村有人说考完证领了三百块钱？")
    got = {r.benefit.id: r for r in t.decision.stated}["qy.skill_appraisal"]
    assert got.status == "eligible"
    assert got.amount.value == 300 and "重点产业" in got.amount.text and "200元" in got.amount.text
    assert "已享受过" not in "\n".join(r.text for r in t.replies)


def test_the_standard_said_as_an_ordinary_trainees_money_brings_the_uplift_back_with_its_amount():
    # 湖南 上浮70%: "比方说同一个工种普通学员补1000块，贫困户学员能补多少？" beside a question of the living allowance:
    # both are answered, the uplift with 1700元
    s = State()
    _say(s, "ask_training", "我们是株洲一家职业培训学校，专门给建档立卡贫困劳动力做就业技能培训，补贴标准是多少？能不能直接拨给我们学校？")
    t = _say(s, "ask_training", "比方说同一个工种普通学员补1000块，贫困户学员能补多少？学员那个每天的生活费是不是也给我们学校？")
    got = {r.benefit.id: r for r in t.decision.stated}
    assert "hn.training_living_allowance" in got
    assert got["hn.skills_training_uplift"].amount.value == 1700


def test_a_longer_term_asked_alone_and_another_loan_compared_with_keep_the_units_loan():
    # "三年行不行？…利息是不是也跟个人创业贷款一样全给免了": the term asked of the small-enterprise loan (最长2年: no), and
    # the personal loan only compared with (the borrower stays the unit)
    s = State()
    _say(s, "ask_loan", "俺们是汉阴县一家做服装加工的小厂，四十来个工人大部分是附近的贫困户，想贷点款扩大生产，能贷多少？贷多久？有贴息没")
    t = _say(s, "ask_loan", "三年行不行？两年太紧了。利息是不是也跟个人创业贷款一样全给免了")
    assert s.facts["borrower_type"] == "小微企业"
    got = {r.benefit.id: r for r in t.decision.stated}
    assert got["ak.small_enterprise_loan"].status == "ineligible"
    assert "改为" not in t.replies[0].text


def test_a_school_that_enrolled_students_is_not_shown_an_employers_money_for_hiring():
    # "招了40个建档立卡贫困家庭的学生": students, not hires; the school hears of the students' aid, not of 企业吸纳…社会保险返还
    t = _say(State(), "nlu_fallback", "我们是海南省技师学院，今年按要求开了扶贫班，招了40个建档立卡贫困家庭的学生，学校这边能拿到什么补贴？"
                                      "每个学生那3000块是拨给学校吗？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert "hi.social_insurance_refund" not in ids
    assert "hi.technical_school" in ids and "hi.school_aid_national" in ids


def test_a_technical_schools_class_of_students_is_counted_for_their_per_student_grant():
    # "技师学院…开了扶贫班，招了60个贫困地区的学生，其中建档立卡贫困家庭子女45个。学校按人头能拿到什么补贴": a class of
    # students (not trainees, not hires): the 每生每年3000元左右 for the 45, said as the students'
    s = State()
    t = _say(s, "ask_what_can_i_get", "我们是海南省技师学院，今年按要求开了扶贫班，招了60个贫困地区的学生，其中建档立卡贫困家庭子女45个。"
                                      "学校按人头能拿到什么补贴？")
    assert s.facts.get("students_count") == 45 and "staff_total" not in s.facts and "trainee_count" not in s.facts
    got = {r.benefit.id: r for r in t.decision.stated}
    assert got["hi.technical_school"].amount.value == 135000
    assert "hi.social_insurance_refund" not in got


def test_the_course_had_is_reckoned_and_the_one_to_come_is_the_claim_again():
    # "上个月…培训，一共45天。…生活费交通费能补多少？这个月底还有个育婴员的班20天…还能再领一回不": 45天 → 2250元 for the
    # course had; the 20-day course to come gets no second claim this year (每年只享受1次)
    s = State()
    t = _say(s, "ask_training", "俺是千阳县草碧镇的脱贫户，上个月参加了县上办的中式烹调就业技能培训，一共45天。培训期间的生活费交通费"
                                "能补多少？这个月底还有个育婴员的班20天，俺还想去，还能再领一回不？")
    got = {r.benefit.id: r for r in t.decision.stated}["qy.training_living_transport"]
    assert got.status == "eligible" and got.amount.value == 2250
    assert s.facts["training_days"] == 45 and "claim_again" not in s.facts
    assert "今年不能再领" in "\n".join(r.text for r in t.replies)


def test_people_added_on_a_shorter_contract_are_not_counted_and_the_others_contract_stands():
    # 6 on a one-year contract, then "还有2个也是贫困户 只签了半年的合同…这俩能算不": the two are not counted (须签1年以上),
    # the six's contract stands
    s = State()
    _say(s, "ask_employer_subsidy", "你好 我们是旬阳县一个社区工厂 做毛绒玩具的 今年招了6个建档立卡贫困户 都签了一年的劳动合同 社保也给交了 "
                                    "我们这边能给多少")
    t = _say(s, "inform", "哦对了 还有2个也是贫困户 只签了半年的合同 社保也交着 这俩能算不")
    assert s.facts["contract_months"] == 12 and s.facts["new_hires"] == 8
    text = "\n".join(r.text for r in t.replies)
    assert "新加的2人只签了6个月，不算" in text and "劳动合同期限改为" not in text
    assert any(r.benefit.id == "ak.social_insurance_subsidy" and r.status == "ineligible" for r in t.decision.stated)


def test_an_agency_speaking_of_its_own_staff_hears_of_an_employers_money():
    # a labour company asked of placements, then "我们公司自己招的10个建档立卡贫困户…合同跟我们公司签…社保是我们公司交的":
    # 海南's 企业吸纳建档立卡贫困人口社会保险返还, its own as their employer
    s = State()
    _say(s, "ask_referral", "我们是海口一家劳务公司，今年从白沙、临高组织了30个贫困户出来到海口的工地和酒店上班，政府对我们这种每介绍一个人给多少钱？")
    t = _say(s, "inform", "那我们公司自己招的10个建档立卡贫困户呢，合同跟我们公司签，派到酒店做保洁，社保是我们公司交的")
    got = {r.benefit.id: r for r in t.decision.stated}
    assert got["hi.social_insurance_refund"].status == "eligible"


def test_the_months_of_one_group_corrected_count_that_group_again():
    # 4 at work over a year, 1 who left after 8 months; "走的那个是干了一年零一个月才走的，不是八个月": all 5 count
    # for 湖南 岗位补贴 (5×1000元)
    s = State()
    _say(s, "ask_employer_subsidy", "你好，我们是长沙望城的一家电子厂，前年3月招了5个怀化沅陵的建档立卡贫困户，都签的两年合同，社保也一直在交。"
                                    "现在有4个干到现在一年多了，还有1个干了八个月就走了。我们厂能申请哪些补贴，一共多少？")
    t = _say(s, "inform", "哦不对，我刚问了人事，走的那个是干了一年零一个月才走的，不是八个月")
    months = [g[1] for g in s.facts["group_months"]]
    assert 8 not in months and 13 in months
    assert {r.benefit.id: r for r in t.decision.stated}["hn.post_subsidy"].amount.value == 5000


def test_days_of_the_course_missed_said_in_a_follow_up_are_not_paid():
    s = State()
    first = _say(s, "ask_training", "我是湖南邵阳隆回的建档立卡户 上个月参加了县里的电焊培训 学了20天 有生活费没")
    assert _card(first, "hn.training_living_allowance").amount.value == 400
    t = _say(s, "ask_training", "对了 我请了两天假没去 那能拿多少")
    assert _card(t, "hn.training_living_allowance").amount.value == 360     # 18 days × 20元
    assert s.facts["training_days"] == 18


def test_a_no_to_the_allowance_of_a_course_brings_the_courses_own_subsidy_that_fits():
    s = State()
    t = _say(s, "ask_training_allowance", "我是湖南衡阳衡南的建档立卡户 在县里服装厂上班 厂里让我去参加岗位技能提升培训 学了12天 有没有生活费")
    assert _card(t, "hn.training_living_allowance").status == "ineligible"
    assert _card(t, "hn.post_skill_upgrade_training").status == "eligible"
