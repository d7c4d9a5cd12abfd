"""Held-out set 48's words: a claim again of last year's benefit, the parts of a unit's poor hires by contract, a staff
recounted, a list of hires with the class before the count, some of a group who had a benefit, and why they are out."""
from assistant.extract import extract
from assistant.state import State

from .talk import TODAY, card, ids, say


def _text(t):
    return "\n".join(r.text for r in t.replies)


def test_a_benefit_had_last_year_may_be_had_again_this_year_and_only_it_is_barred_when_had_this_year():
    s = State()
    t = say(s, "ask_job_seeking", "俺是千阳张家塬镇的脱贫户，去年三月份去江苏昆山电子厂干活，签了一年合同，那会儿镇上给俺办了一次性求职补贴500块。"
                                  "上个月俺又换到浙江嘉兴一个厂，又签了一年，这回还能再领一次500不？坐车花了二百六，路费能报不")
    assert card(t, "qy.job_seeking").status == "eligible"
    assert card(t, "qy.cross_province_transport").status == "eligible"
    t = say(s, "inform", "哎呀说错了 头一回去江苏不是去年 是今年三月份 过完年就走了 那回就领了求职补贴 路费没报")
    assert card(t, "qy.job_seeking").status == "ineligible"
    assert card(t, "qy.cross_province_transport").status == "eligible"


_GLOVES = ("你好 我们在千阳县崔家头镇村上老学校里办了个手套加工厂 还没认定社区工厂 打算这个月就去镇上申请 现在员工一共27个 脱贫户9个 "
           "都是今年下半年招的 6个签的一年合同 2个签的三年 还有1个签的半年 厂房租金一年3万 水电一年8000 认定下来能拿多少补贴")


def test_a_units_poor_hires_in_parts_by_contract_and_its_staff_recounted():
    e = extract(_GLOVES, [], None, TODAY)
    assert e.facts["new_hires"] == 8 and e.facts["hired_poor_count"] == 9
    s = State()
    t = say(s, "ask_factory_job", _GLOVES)
    assert card(t, "qy.community_factory_post").amount.value == 8000
    assert card(t, "qy.community_factory_rent").status == "eligible"
    months = s.facts.get("months_employed")
    t = say(s, "inform", "哦不对 刚数错了 总共是28个人 上个月还招了个会计 我没算进去")
    assert s.facts["staff_total"] == 28
    assert s.facts.get("months_employed") == months and "改为1个月" not in _text(t)   # (the accountant's month)
    assert card(t, "qy.community_factory_rent").status == "ineligible"
    assert card(t, "qy.community_factory_post").amount.value == 8000


_BASE = ("千阳南寨镇 服装厂  我们厂是认定过的就业帮付车间  今年5月又认定了就业帮扶基地  今年新招了 脱贫户8个 农村低收入的4个  "
         "都签的一年以上合同  车间的岗位补贴和基地的奖补  两个都能报吗  各多少")


def test_a_list_of_new_hires_with_the_class_before_the_count_and_some_of_a_group_who_had_it():
    e = extract(_BASE, [], None, TODAY)
    assert e.facts["hired_poor_low_income_count"] == 12 and e.facts["hired_poor_count"] == 8
    s = State()
    t = say(s, "ask_employer_subsidy", _BASE)
    assert card(t, "qy.employment_base_award").amount.value == 24000
    t = say(s, "ask_employer_subsidy", "还有个事 这8个脱贫的都带着搞了6个月以工代训  里头有3个去年在别的厂干过 那边已经领过以工代训补贴了  "
                                       "以工代训能报多少")
    assert card(t, "qy.work_for_training").amount.value == 18000
    t = say(s, "ask_employer_subsidy", "那3个人在我们这是新招的啊 为啥不能算")
    assert ids(t) == ["qy.work_for_training"] and card(t, "qy.work_for_training").status == "ineligible"
    assert "不看在哪个单位享受" in _text(t)


_FARM = "俺们是兰西县的家庭农场 雇了六个长工 其中4个是建档立卡贫困户家的 3个干了一年多了 还有1个今年开春才来的 另外俩是屯里普通户 这个创业扶贫奖励补贴能给多少"


def test_a_group_redated_in_dialect_and_the_ordinary_two_asked_why_not():
    s = State()
    t = say(s, "ask_employer_subsidy", _FARM)
    assert card(t, "sh.startup_poverty_reward").amount.value == 3000
    t = say(s, "correct", "整差了 开春来那个是前年开春来的 俺记岔劈了")
    assert card(t, "sh.startup_poverty_reward").amount.value == 4000
    t = say(s, "correct", "那俩普通户也干了两年多了 凭啥不算")
    assert card(t, "sh.startup_poverty_reward").status == "ineligible" and "那2个普通户" in _text(t)


def test_an_agencys_factory_placements_with_a_seasonal_part_are_all_placements():
    s = State()
    t = say(s, "ask_referral", "来电人是湘西凤凰县的农村劳务经纪人，说自己手续正规。今年3月他组织了22个建档立卡贫困劳动力去浙江嘉兴进厂："
                               "14个到现在稳定干了6个月以上；5个去摘葡萄，干了3个月就回来了；3个干了不到1个月。14个里头有2个今年年初已经由"
                               "县里另一家劳务公司报过补贴了。他能拿多少？")
    assert card(t, "hn.job_service_subsidy").amount.value == 2400


def test_persons_who_signed_with_a_unit_are_persons_and_a_class_certified_corrected():
    s = State()
    t = say(s, "ask_referral", "我们是汉阴县城一家人力资源服务公司，去年三月份免费给15个贫困户介绍了工作，都是在人社登记了失业的。9个跟企业"
                               "签了一年的劳动合同，到现在都干了一年多了；另外6个去茶厂采茶，干了3个月季节工。职业介绍补贴能拿好多？")
    assert card(t, "ak.job_referral").amount.value == 1800
    s = State()
    say(s, "ask_training", "安康汉滨区的定点培训机构 今年上半年办了一期SYB创业培训 30个学员全是建档立卡贫困户 考核合格28个 到现在有10个"
                           "已经办执照开了店 开店那10个都是考过的 这期能申请多少补贴")
    t = say(s, "inform", "哦 说错了 合格的是26个 有两个没考过 开店那10个还是都在合格里头")
    assert card(t, "ak.startup_training").amount.value == 39200


_GEESE = ("俺是望魁县的建档立卡贫困户，在哈尔滨打了五年工，去年三月份回村办了个养大鹅的家庭农场，办的个体工商户执照，一直干着呢。"
          "雇了村里俩贫困户喂鹅，一个去年四月就来了，一个今年八月才来。俺能拿啥补贴？")


def test_an_owner_poor_himself_hears_his_own_start_up_money_and_a_business_before_turns_it_to_a_no():
    s = State()
    t = say(s, "ask_what_can_i_get", _GEESE)
    assert ids(t)[0] == "sh.startup_subsidy" and card(t, "sh.startup_subsidy").status == "eligible"
    assert card(t, "sh.startup_poverty_reward").amount.value == 1000
    t = say(s, "correct", "对了 俺2016年在哈尔滨开过个烧烤摊 也办过个体执照 干了一年多黄了 这个影响不")
    assert ids(t)[0] == "sh.startup_subsidy" and card(t, "sh.startup_subsidy").status == "ineligible"


def test_insurance_typed_by_ear():
    e = extract("来电人五指山市的建档立卡贫困户 在海口一个酒店当保安 签了三年合同 酒店给他交社宝", [], None, TODAY)
    assert e.facts.get("insurance_paid") is True


def test_a_home_by_its_household_register_typed_by_ear_beside_a_place_of_work_named():
    e = extract("来电人说他户口在陕西千羊县 是脱贫户 上个月经老乡介绍自己去湖南长沙一个电子场上班了 今年头一回出门 签了两年合同 车票花了385",
                [], None, TODAY)
    assert e.place == "陕西省宝鸡市千阳县" and e.facts["months_since_employment"] == 1


def test_the_years_of_school_said_before_the_total_asked_in_the_next_clause():
    s = State()
    say(s, "ask_school_grant", "您好，我们是三亚一所技工学校，今年秋季开了个扶贫班，招了40个建档立卡贫困户家的孩子。请问学校这边能拿到什么钱？")
    t = say(s, "ask_school_grant", "那这40个孩子读两年，这个每年3000的补助一共多少？")
    assert card(t, "hi.technical_school").amount.value == 240000
