"""Held-out set 55's words: a group asked of again and the rate of one more, a staff with its poor said after a
correction, an agency's placements of both kinds and those said before its seasonal ones, a school's class told apart
by who is poor and by who found work, a plan of 以工代训, a branch in a place no document covers, the rest of the whole
once some left, a job after one that ended, traditional characters, a question of any policy at all, children at a
technical school, a household register elsewhere, a shop's rent, where and with what papers the unit applies."""
from assistant.extract import extract
from assistant.state import State
from assistant.turn import where_turn
from policies.normalize import plain_text

from .talk import TODAY, card, ids, say

QY = "陕西省宝鸡市千阳县"


def _text(t):
    return "\n".join(r.text for r in t.replies)


def test_a_group_asked_of_again_is_no_more_people_and_one_more_asked_of_is_the_rate():
    text = ("你好，我们是千阳县崔家头镇的扶贫车间，县上已经认定过了，做手套加工的。现在车间一共30个人，里头8个是脱贫户，这8个都签了"
            "一年的劳动合同。想问下8个脱贫户这个比例够不够拿那个场地租金水电费补贴？我们一年房租3万6，水电1万2左右。另外招一个脱贫户"
            "车间能拿多少钱")
    assert extract(text, [], QY, TODAY).facts["hired_poor_count"] == 8
    s = State()
    t = say(s, "ask_factory_job", text)
    assert card(t, "qy.community_factory_rent").status == "ineligible"     # 8 of 30 is under a third
    assert card(t, "qy.community_factory_post").amount.value == 8000


def test_the_whole_staff_with_its_poor_said_after_a_correction_is_no_count_of_new_hires():
    e = extract("哦说错了，不是再招2个，是再招3个，都签一年合同。这样一共33个人里头11个脱贫户，场地补贴一年能补多少？", [], QY, TODAY)
    assert e.facts["staff_total"] == 33 and e.facts["new_hires"] == 11


def test_an_agencys_contract_placements_and_seasonal_ones_are_each_counted_apart():
    e = extract("我们是千阳县城的一家劳务公司，有营业执照也有人力资源服务许可证，给人介绍工作一分钱不收。今年介绍出去的有这么几拨：脱贫户"
                "12个去了江苏昆山电子厂，签的一年劳动合同；脱贫户8个去新疆摘棉花，季节工，干了四个月回来了；脱贫户5个在咱县里果园套袋，"
                "干了俩月；还有6个不是脱贫户的农民工，在宝鸡市区工地签了一年合同。", [], QY, TODAY)
    assert e.facts["referred_count"] == 18 and e.facts["seasonal_referred_count"] == 13


def test_an_agencys_placements_said_before_its_seasonal_ones_are_counted_by_their_months():
    s = State()
    t = say(s, "inform", "我们是衡阳市祁东县一家有资质的人力资源服务公司，今年组织建档立卡贫困劳动力出去务工：送到广东东莞电子厂20个，"
                         "到现在稳定干了8个月；省内长沙工地6个，干了5个月；去新疆摘棉花的季节工10个，干了3个月就回来了。按地方分开算，"
                         "就业创业服务补贴能拿多少？")
    assert card(t, "hn.job_service_subsidy").amount.value == 4000
    t = say(s, "correct", "不好意思说错了，长沙那6个已经干了7个月了，不是5个月。还有东莞那20个里头有2个其实不是建档立卡户，是一般农户。"
                          "那现在一共多少？")
    assert card(t, "hn.job_service_subsidy").amount.value == 4800


def test_a_schools_class_told_apart_by_who_is_poor_and_by_who_found_work():
    text = ("我们是千阳县一家职业培训学校，今年8月底结束了一期中式烹调师就业技能培训班，一共培训了15天。学员40个，28个是脱贫劳动力、12个"
            "不是；考核合格36个，脱贫户里有3个没过，非脱贫的有1个没过。到现在三个多月了，这三个月里上岗了22个。想问按人头学校能拿多少培训"
            "补贴？那28个脱贫户的生活费交通费咋算，谁来发")
    e = extract(text, [], QY, TODAY)
    assert e.facts["trainee_count"] == 28 and e.facts["class_placed_count"] == 22
    assert round(e.facts["class_employment_rate"], 2) == 0.61
    s = State()
    t = say(s, "ask_training", text)
    assert card(t, "qy.training_living_transport").amount.value == 21000
    t = say(s, "ask_appraisal", "那要是三个月里只上岗了10个呢？还有，学员里有30个人第一次考取了中式烹调师初级职业资格证书")
    assert s.facts["trainee_count"] == 28 and s.facts["class_placed_count"] == 10
    assert s.facts["class_employment_rate"] < 0.3


def test_a_plan_of_work_for_training_is_its_months_not_a_time_at_work():
    e = extract("上个月新招了6个脱贫户 都签了一年合同 这6个以前都没享受过以工代训 厂里打算以工代训带他们干4个月", [], QY, TODAY)
    assert e.facts["training_months"] == 4 and e.facts["months_employed"] == 1


def test_a_branch_in_a_place_no_document_covers_is_not_the_first_units_document():
    s = State()
    say(s, "ask_employer_subsidy", "你好 我们是千阳县南寨镇的服装社区工厂 县人社局认定过的 上个月新招了6个脱贫户 都签了一年合同 "
                                   "我想问下岗位补贴")
    t = say(s, "nlu_fallback", "对了，我们在凤翔区还有个分厂，那边也招了4个脱贫户，签的也是一年合同，这4个能按千阳这个政策一块报不？")
    assert "不在这份文件的范围" in _text(t) and not t.decision.stated


def test_the_rest_of_the_whole_once_some_left_and_those_of_another_province_are_both_out():
    s = State()
    t = say(s, "inform", "我们是长沙市望城区的一家食品厂。去年9月招了12个建档立卡贫困户，10个是湖南邵阳的，2个是贵州的，都签了两年"
                         "劳动合同，厂里也给交了社保。结果邵阳那10个里有3个干了两个来月就走了，其余9个一直干到现在。岗位补贴和社保补贴"
                         "我们一共能拿多少？")
    assert card(t, "hn.post_subsidy").amount.value == 7000


def test_a_job_after_one_that_ended_dates_the_job_now():
    e = extract("我是千阳南寨镇的脱贫户 从去年十一月在咱县上的社区工厂干到今年十月 上个月跟老乡去江苏昆山进了电子厂 火车票汽车票"
                "加起来六百二", [], QY, TODAY)
    assert e.facts["months_since_employment"] <= 1


def test_traditional_characters_are_read_as_simplified_and_a_county_named_with_them_stays():
    assert plain_text("那要是跟我弟兩個人合夥開呢 最多能貸多少") == "那要是跟我弟两个人合伙开呢 最多能贷多少"
    assert plain_text("乾县的 招了肆个") == "乾县的 招了四个"


def test_any_policy_asked_for_an_older_man_out_of_work_now():
    s = State()
    t = say(s, "nlu_fallback", "俺老公五十八了 邵阳隆回县的建档立卡贫困户 以前在外头工地上干 现在腰不行干不动重活了 想在家门口找个事做 "
                               "他这岁数还有政策没")
    assert card(t, "hn.work_relief_jobs").status == "eligible"


def test_children_at_a_technical_school_told_apart_from_the_one_at_university_then_all_of_them():
    s = State()
    t = say(s, "ask_school_grant", "俺家是明水县的 建档立卡贫困户 仨娃 一个上大学 俩在绥化念技工学校 一年能给多少补助")
    assert card(t, "sh.technical_school").amount.value == 6000
    t = say(s, "ask_school_grant", "说错了 老大不是上大学 是在哈尔滨念技师学院 仨都是技校 那一年多少")
    assert card(t, "sh.technical_school").amount.value == 9000


def test_where_asked_of_a_place_no_document_covers_says_so():
    s = State()
    t = where_turn(s, "我是四川南冲的脱贫户 在成都送外卖快两年了 听老乡说有500块一次性求职补贴 还有路费补助 我在成都能申请不 找哪个部门",
                   [], TODAY)
    assert "暂未收录" in _text(t) and "先告诉我您是哪个县的" not in _text(t)


def test_a_household_register_elsewhere_is_the_home_not_the_county_lived_in():
    e = extract("她又说 她们一家在千阳县城租房住好几年了 就是户口还在陇县 这样算不算千阳的", [], None, TODAY)
    assert e.place.endswith("陇县")


def test_a_class_denied_vaguely_and_a_trade_worked_away_before_a_business_at_home():
    assert extract("他说家里不是贫困户 也不是啥监测户 就是普通打工回来的", [], None, TODAY).not_categories == \
        ["脱贫劳动力", "边缘户"]
    e = extract("来电人说他是望奎县的 在大连干了十来年装修 前年十月回的老家 去年三月办了个家庭农场养大鹅 执照是个体户的", [], None,
                TODAY)
    assert "农民工" in e.categories


def test_one_of_two_hired_who_left_before_two_months_is_counted_by_them():
    e = extract("他还说 农场雇了俩本村的建档立卡贫困户 一个去年四月来的干到现在 一个去年秋天来的 没干俩月就走了", [],
                "黑龙江省绥化市望奎县", TODAY)
    assert sorted(mo for _, mo in e.group_months)[0] == 2


def test_a_class_said_now_settles_a_benefit_the_last_answer_left_open():
    s = State()
    say(s, "ask_startup_loan", "我家在琼中县 是建档立卡贫困户 闺女今年六月大学毕业 想回来开个奶茶店 有啥补贴 能贷多少款")
    t = say(s, "ask_school_grant", "是低保户 也是贫困户 两样都占 她弟弟在省技师学院念书 有没有钱")
    assert ids(t)[0] == "hi.graduate_startup_subsidy" and card(t, "hi.graduate_startup_subsidy").status == "eligible"
    assert "hi.technical_school" in ids(t) and "hi.school_aid_national" in ids(t)     # money asked: no free place first


def test_the_rent_of_a_shop_of_ones_own_is_not_a_community_factorys():
    s = State()
    t = say(s, "ask_startup_loan", "来电人说她儿子前些年在西安打工 今年三月十号回千阳城关镇开了个面馆 个体户营业执照就是那天办下来的 "
                                   "一直开着 问一次性创业补贴现在能不能领 门面房租水电能不能补")
    assert card(t, "qy.community_factory_rent").status == "ineligible"


def test_where_and_with_what_papers_the_unit_applies_after_its_workers_own_money():
    s = State()
    say(s, "ask_referral", "我们是千阳县城的一家劳务公司，有营业执照也有人力资源服务许可证，给人介绍工作一分钱不收。今年介绍了脱贫户12个"
                           "去江苏昆山电子厂，签的一年劳动合同。职业介绍补贴能拿多少")
    t = say(s, "nlu_fallback", "那昆山那12个人，我们报了职介补贴以后，他们自己还能领那个500块的求职补贴不？路费能补不？还有我们这个"
                               "补贴啥时候报、报到哪、要带啥材料")
    where = t.replies[-1].text
    assert where.startswith("【职业介绍补贴】去哪办") and "要带的材料" in where
