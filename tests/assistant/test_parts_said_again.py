"""Parts of what was said, said again: the workplace said not to be where it was, a class's part not poor and one of
the poor who missed days, a unit's people counted by a part named by its number, and a group short of the time asked
what the unit gets in all once it has it."""

from assistant.extract import extract
from assistant.state import State
from assistant.turn import documents_turn

from .talk import TODAY, card as _card, say as _say

_ZHUZHOU = ("株洲一家厂的人事来电，说厂里陆续招了10个建档立卡贫困户，7个是湖南的，3个是江西的，都签了两年合同，社保都交着。"
            "湖南那7个里头有5个已经干了一年多，另外2个今年5月才来，干了7个月。厂里能拿多少岗位补贴")


def test_the_workplace_said_not_to_be_there_is_where_the_job_is():
    ex = extract("说错了，厂子不在宁波，是在宝鸡市区，宁波那是我堂哥去的", None, None, TODAY)
    assert ex.work_place and "宝鸡" in ex.work_place and not ex.place
    s = State()
    t = _say(s, "ask_transport", "我是千阳县崔家头镇的脱贫户，上个月去浙江宁波一个厂上班了，签了一年合同，车票花了420块，能补多少")
    assert _card(t, "qy.cross_province_transport").status == "eligible"
    t = _say(s, "correct", "说错了，厂子不在宁波，是在宝鸡市区，宁波那是我堂哥去的。那我现在能拿多少")
    assert s.facts.get("work_scope") != "跨省"
    assert "qy.cross_province_transport" not in [r.benefit.id for r in t.decision.stated if r.status == "eligible"]


def test_a_class_with_a_part_not_poor_and_some_of_the_poor_who_missed_days():
    s = State()
    _say(s, "ask_training", "我们是衡阳县的一家职业培训学校，办了一期就业前的焊工培训，一个班25个人，都是还没上班的贫困户，学12天。"
                            "焊工本来的培训补贴标准是每人1000元。这个班能补多少？学员生活费怎么算？")
    t = _say(s, "correct", "刚才说错了，25个人里有5个不是建档立卡的，是普通农民；建档立卡那20个里有2个各请了3天假，只来了9天，"
                           "其余都来齐了。现在一共能补多少")
    assert s.facts.get("training_days") == 12
    living = _card(t, "hn.training_living_allowance")
    assert living.amount.value == 18 * 12 * 20 + 2 * 9 * 20       # the 5 not poor are out; the 2 at their 9 days
    assert _card(t, "hn.skills_training_uplift").amount.value == 20 * 1700


def test_the_days_come_after_days_missed_are_not_the_class_days():
    ex = extract("有1个请了4天假，只来了11天，其他都来齐了", None, None, TODAY)
    assert ex.days_missed_by == (1.0, 4.0) and ex.facts.get("training_days") == 15


def test_a_units_people_counted_by_a_part_named_by_its_number():
    s = State()
    t = _say(s, "ask_employer", _ZHUZHOU)
    assert s.facts.get("new_hires") == 10
    post = _card(t, "hn.post_subsidy")
    assert post.amount.value == 5 * 1000        # the 3 of 江西 and the 2 of 7 months are out
    # the short group asked what the unit gets in all once it has the year
    t = _say(s, "ask_employer", "那两个干了7个月的，要是干满一年了呢，一共能拿多少")
    assert _card(t, "hn.post_subsidy").amount.value == 7 * 1000


def test_a_short_group_asked_when_it_counts_and_the_sum_is_the_units_whole_amount():
    s = State()
    _say(s, "ask_employer", _ZHUZHOU)
    t = _say(s, "ask_employer", "那2个干了7个月的，到时候干满一年了也能补吗？一共能拿多少")
    assert _card(t, "hn.post_subsidy").amount.value == 7 * 1000     # the 5 and the 2, not the 2 alone
    assert "一共" in t.replies[0].text
    # asked of the group alone, its own amount
    s2 = State()
    _say(s2, "ask_employer", _ZHUZHOU)
    t = _say(s2, "ask_employer", "那2个干了7个月的，到时候干满一年了也能补吗")
    assert _card(t, "hn.post_subsidy").amount.value == 2 * 1000


def test_a_plan_to_stay_in_the_county_instead_of_going_out_is_no_transfer():
    assert extract("那要是不出去了 就在县城里找个活干呢 车费还补不", None, None, TODAY).facts.get("work_scope") == "本县"
    # a plan alone to go looking in the county is not said to be instead of going out
    assert extract("想在县城里找个活干", None, None, TODAY).facts.get("work_scope") is None
    s = State()
    t = _say(s, "ask_transport", "我是邵阳县的建档立卡户 过完年想去浙江义乌打工 车费能补不")
    assert _card(t, "hn.transport_subsidy").status == "eligible"
    t = _say(s, "ask_transport", "那要是不出去了 就在邵阳县城里找个活干呢 车费还补不")
    assert _card(t, "hn.transport_subsidy").status == "ineligible"


def test_a_child_named_by_birth_order_with_an_age_without_years():
    assert extract("那老大呢 二十七了 也想去", None, None, TODAY).facts.get("age") == 27
    s = State()
    t = _say(s, "ask_school_grant", "俺家是汉滨区的贫困户 老二今年二十三 想去技工学校念全日制 国家那个资助还能享受不")
    assert _card(t, "ak.technical_school_age").status == "eligible"
    t = _say(s, "ask_school_grant", "那老大呢 二十七了 也想去")
    assert _card(t, "ak.technical_school_age").status == "ineligible"


def test_spring_is_no_business_opened():
    assert "business_type" not in extract("俺屋娃今年开春去浙江宁波厂里上班了", None, None, TODAY).facts
    assert extract("想回来开个小厂", None, None, TODAY).facts.get("business_type") == "小微企业"


def test_another_person_asked_the_same_hears_each_benefit_said_before_with_its_no():
    s = State()
    t = _say(s, "ask_transport", "俺是千阳县南寨镇的 俺儿子上个月去江苏苏州厂里上班了 签的一年合同 俺家是脱贫户 坐车花了四百二 能补点啥")
    assert _card(t, "qy.cross_province_transport").status == "eligible"
    t = _say(s, "inform", "那他妹呢 上个月底进了县上的社区工厂 也签了一年 她没出省")
    assert _card(t, "qy.cross_province_transport").status == "ineligible"       # hers: she did not leave the province
    assert _card(t, "qy.job_seeking").status == "eligible"
    # the papers of both asked together: hers and his own money's
    t = documents_turn(s, "那他俩的都要带啥", [], TODAY)
    assert {"qy.job_seeking", "qy.cross_province_transport"} <= {r.benefit.id for r in t.decision.stated}


def test_a_units_rate_heard_of_by_a_workers_family_is_said_as_the_units():
    from assistant.decide import benefits_by_amount

    said = "我男人是新化的建档立卡户 前年进的株洲一个厂 签了两年合同 厂里交社保 听说有一千五的补贴 是给他的不 咋没到手"
    assert [b.id for b in benefits_by_amount(said, "湖南省娄底市新化县")] == ["hn.post_subsidy"]
    t = _say(State(), "inform", said)
    first = t.decision.stated[0]
    assert first.benefit.id == "hn.post_subsidy" and first.benefit.payee == "employer"
    # a unit's sum heard of without asking whose it is stays unnamed (the question may be of another benefit)
    assert benefits_by_amount("闺女去年大学毕业 还没找到工作 听说一个月给她1000块 是真的不", "陕西省安康市镇坪县") == []
    # a person's own sum of that amount is that one, not a unit's
    assert [b.id for b in benefits_by_amount("听说有五千的补贴 我能拿不", "陕西省宝鸡市千阳县")] == ["qy.startup_subsidy"]


def test_two_courses_each_with_its_own_days_missed_and_standard():
    s = State()
    t = _say(s, "ask_training", "我们是株洲县的一家培训学校。这个月办了两个班：一个是挖机就业技能培训班，学员20人，都是还没就业的建档立卡"
                                "贫困劳动力，课程10天，其中3个人各缺了2天课；另一个是叉车岗位技能提升培训班，15人，都是已经在厂里上班的"
                                "建档立卡贫困劳动力。我们这里挖机初级培训的补贴标准是每人1000元。挖机班的培训补贴和生活费一共怎么算？")
    assert _card(t, "hn.training_living_allowance").amount.value == 17 * 10 * 20 + 3 * 8 * 20
    assert _card(t, "hn.skills_training_uplift").amount.value == 20 * 1700
    # the standard said is the 挖机 class's: the 叉车 class's is not said
    assert _card(t, "hn.post_skill_upgrade_training").amount.value is None
    t = _say(s, "correct", "刚对了考勤，说错了：挖机班缺课的是4个人，每人缺了3天。生活费重新算一下")
    assert _card(t, "hn.training_living_allowance").amount.value == 16 * 10 * 20 + 4 * 7 * 20


def test_interns_and_hires_beside_them_are_counted_apart():
    said = ("我们是紫阳县一家茶叶公司。去年接了2个贫困家庭的大学毕业生来见习，一个见习了5个月，一个见习了3个月。"
            "另外还招了6个贫困劳动力，签了三年合同，社保也给交了。这两块公司能拿到啥补贴")
    ex = extract(said, None, "employer", TODAY)
    assert ex.facts.get("intern_count") == 2 and ex.facts.get("new_hires") == 6
    assert ex.facts.get("labor_contract_signed") is True and ex.facts.get("insurance_paid") is True
    t = _say(State(), "ask_employer", said)
    assert _card(t, "ak.internship").amount.value == 8000           # 5 + 3 months × 1000元
    assert "ak.social_insurance_subsidy" in [r.benefit.id for r in t.decision.stated]


def test_a_class_with_few_of_it_placed_is_paid_for_those_placed_at_the_standard_said():
    s = State()
    _say(s, "ask_training", "我们是千阳县一家职业技能培训学校。今年5月办了一期家政服务员就业技能培训，25个学员，20个考核合格，"
                            "培训结束后3个月内就业了14个。家政服务员初级工本地标准按每人1200元算。这一期培训补贴我们能拿多少？")
    t = _say(s, "ask_training", "还有一期焊工班，12个人都合格了，3个月内只就业了3个，焊工初级工标准每人1600元，这期咋算？")
    card = _card(t, "qy.skills_training")
    assert card.amount.value == 3 * 1600        # 25%: only the 3 placed, at the standard itself


def test_some_of_an_agencys_placements_charged_said_after_a_clause_of_their_own():
    s = State()
    t = _say(s, "ask_referral", "你好 我们是汉阴的一家职介所 去年免费给镇上做过失业登记的贫困户介绍到江苏的厂子上班 一共15个 都签了劳动合同 "
                                "现在有12个干满一年了 另外3个干了几个月就回来了 职业介绍补贴咋算")
    assert _card(t, "ak.job_referral").amount.value == 12 * 200
    t = _say(s, "correct", "说错了 干满一年的那12个里头 有3个是后来补进去的 当时收了每人200块介绍费 剩下的是真没收 一共能拿多少")
    card = _card(t, "ak.job_referral")
    assert card.status == "eligible" and card.amount.value == 9 * 200


def test_one_moved_between_two_groups_by_time_keeps_the_whole():
    s = State()
    t = _say(s, "ask_employer", "我是绥化兰西县一个种植合作社的理事长，2024年开春合作社招了8个建档立卡贫困户：本村的5个一直在社里干，"
                                "到现在都干一年多了；外村过来的3个干了7个月就回家了。合作社吸纳贫困户有啥奖励，能拿多少钱")
    assert _card(t, "sh.startup_poverty_reward").amount.value == 5000
    t = _say(s, "correct", "更正一下：干了一年多的是6个，不是5个，外村来的只有2个。那能拿多少")
    assert sorted(tuple(g) for g in s.facts["group_months"])[0][0] == 2
    assert _card(t, "sh.startup_poverty_reward").amount.value == 6000
