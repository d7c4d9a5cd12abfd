"""Held-out set 59's words (graded blind first): how much an amount changed since the last answer ("比刚才多多少"); a
class's poor trainees corrected by count; one group of a unit at the time it reaches ("那等那俩也干满12个月了"); some of
a group named by its time who were charged a fee; those served last year (counted again: once a year) beside those
served this year by another (out); a school year asked after three; a unit's groups said in the message that counts
them; 社保 typed as 设保; a worker asking when the workshop's money comes."""
from assistant.extract import extract
from assistant.state import State
from assistant.understand import question_in_words
from policies import normalize as nz

from .talk import card, said, say


def test_a_fee_charged_to_some_of_a_group_named_by_its_time_leaves_the_others_out_as_they_were():
    s = State()
    t = say(s, "ask_referral", "我们是旬阳的人力资源服务公司。从去年下半年到今年3月，免费给建档立卡贫困户介绍工作，都是在镇上登记了失业的，"
                               "跟厂里签了劳动合同的一共15个：11个是去年签的，到现在干满一年了；4个是今年3月才上岗的。职业介绍补贴咋算？")
    assert card(t, "ak.job_referral").amount.value == 2200
    t = say(s, None, "对了，满一年的那11个里头，有3个当时收过他们每人200块介绍费。这3个还能算不？那一共还剩多少？")
    assert card(t, "ak.job_referral").amount.value == 1600            # 8 of the 11; the 4 of March still out
    assert "加上这次问的" not in said(t)


def test_a_classes_poor_trainees_corrected_by_count_and_the_change_said_first():
    s = State()
    say(s, "ask_training", "你好，我们是邵阳的一家职业培训学校，开了一期就业前的家政服务员培训，15天，40个学员，建档立卡贫困劳动力25个，"
                           "其他15个不是。我们这儿家政这个工种同类培训补贴标准是每人1000元。贫困户学员每人能补多少、这25个一共多少？另外生活费咋算？")
    t = say(s, "correct", "哦对不住，我刚数错了，建档立卡的是28个不是25个，其他是12个。那一共多少，比刚才多多少？")
    assert s.facts["trainee_count"] == 28
    assert card(t, "hn.skills_training_uplift").amount.value == 47600
    assert card(t, "hn.training_living_allowance").amount.value == 8400
    first = t.replies[0].text
    assert "比刚才多5100元" in first and "比刚才多900元" in first
    # (no change asked, none said)
    t = say(s, "correct", "其他是12个没错")
    assert "比刚才" not in said(t)


def test_one_group_at_the_time_it_reaches_is_a_what_if_and_the_others_keep_theirs():
    s = State()
    t = say(s, None, "我们是长沙县一家电子厂 招了湘西那边的建档立卡贫困户七个 边缘户3个 贫困户里头有俩是今年7月份才来的干了不到半年 "
                     "另外5个是去年过完年来的 合同都签了社保都交了 岗位补贴能拿多少")
    assert card(t, "hn.post_subsidy").amount.value == 5000
    t = say(s, None, "那等那俩也干满12个月了 一共能拿多少 比现在多多少")
    assert card(t, "hn.post_subsidy").amount.value == 7000
    assert "比现在多2000元" in t.replies[0].text
    t = say(s, "ask_employer_subsidy", "那社保补贴呢")
    assert card(t, "hn.post_subsidy").amount.value == 5000             # as things are now again


def test_last_years_ones_count_again_this_years_served_by_another_do_not():
    s = State()
    say(s, None, "我们是株洲的人力资源服务公司，有正规资质。今年春节后组织了30个建档立卡贫困户去东莞进厂，现在干满6个月还在干的有22个，"
                 "另外8个不到半年就走了。就业创业服务补贴我们能拿多少？")
    t = say(s, "ask_referral", "还有，这22个里头有5个去年也是我们介绍出去的，去年已经领过一回这个补贴；另外有2个今年上半年别的劳务经纪人"
                               "已经给报过了。这些还能算吗？一共多少？")
    assert card(t, "hn.job_service_subsidy").amount.value == 4000


def test_a_school_year_asked_after_three_years_were():
    s = State()
    say(s, "ask_school_grant", "俺家是随化市望奎县的建档立卡贫困户，闺女今年十六，初中毕业没考上高中，想去念技校。听说有补助，一年给多少？")
    t = say(s, "ask_school_grant", "要是念三年呢 总共能给多少")
    assert card(t, "sh.technical_school").amount.value == 9000
    t = say(s, None, "俺家还有个大小子今年二十了，前年高中毕业没考上大学，一直在家帮着干活。他要是也去念技校，俩孩子一年一共能给多少")
    assert card(t, "sh.technical_school").amount.value == 6000


def test_a_units_groups_said_in_the_message_that_counts_them_are_its_facts():
    s = State()
    say(s, "ask_factory_job", "你好，我们是千阳张家塬镇的社区工厂，县上已经给认定过了。想问下社区工厂吸纳脱贫户的那个补贴标准是多少？"
                              "你先说标准，人数我回头再算")
    t = say(s, "inform", "好，那我算一下。厂里现在一共22个工人，脱贫户10个，这10个里8个签的一年合同，2个签的半年。厂房租金一年24000，"
                         "水电一年差不多6000。今年能拿多少？")
    assert card(t, "qy.community_factory_post").amount.value == 8000
    assert s.facts["staff_total"] == 22 and s.facts["new_hires"] == 8
    t = say(s, "ask_factory_job", "镇上还让我们再报个就业帮扶基地，说那个一个人给2000。两个能一起拿不？不能的话哪个划算？")
    assert card(t, "qy.employment_base_award").status == "ineligible"      # 8 hires, the base needs 10
    assert card(t, "qy.community_factory_post").status == "eligible"


def test_social_insurance_typed_by_its_sound_and_a_workers_question_of_the_workshops_money():
    assert nz.heard_as("签了一年合同也交了设保") == "签了一年合同也交了社保"
    text = "我是邵阳隆回的建档立卡贫困户，在县里扶贫车间上班签了一年合同，干了五个月了，车间这个还差多久能领"
    ex = extract(text, [], None)
    assert question_in_words("inform", text, ex, State()) == "ask_employer_subsidy"
    assert extract("签了一年合同也交了设保", [], "湖南省邵阳市隆回县").facts.get("insurance_paid") is True


def test_a_township_and_an_old_city_name_are_their_places():
    from policies import default_gazetteer

    assert default_gazetteer().resolve("俺是蒿坪镇王家河村的").place.full_name == "陕西省安康市紫阳县蒿坪镇"
    assert default_gazetteer().resolve("我家在通什那边").place.full_name == "海南省五指山市"
    assert default_gazetteer().resolve("我在双桥那边").place is None          # (a town's name of many counties)


def test_the_place_of_work_corrected_from_another_province_to_the_city():
    s = State()
    t = say(s, "ask_transport", "来电人说他是千阳县的脱贫户，户口在崔家头镇。上个月经县上一家劳务公司免费介绍，去江苏昆山一个电子厂上班了，"
                                "签了一年的劳动合同。还有出省打工报路费那个，他火车票加大巴一共花了五六百")
    assert card(t, "qy.cross_province_transport").status == "eligible"
    t = say(s, "correct", "来电人说刚才我说错了，他不是去的江苏，是在咱宝鸡高新区的电子厂上班，没出陕西。其他都对。那路费那个还能报不？")
    assert s.facts["work_scope"] != "跨省"
    assert card(t, "qy.cross_province_transport").status == "ineligible"


def test_a_partnership_given_up_for_a_business_of_ones_own_is_no_partnership():
    s = State()
    say(s, "ask_startup_loan", "来电人说他是汉阴县的建档立卡贫困户，上个月参加了县上办的创业培训，拿到合格证了。他打算过完年跟两个表哥合伙"
                               "在镇上开个农家乐，想贷个小三十万。他问培训这块能给多少钱，贷款最多能贷多少、利息咋弄。")
    t = say(s, "correct", "来电人说刚才我说错了，不是跟表哥合伙，表哥们不干了，就他自己一个人开，办个体。那还能贷小三十万不？")
    assert s.facts["business_type"] == "个体工商户" and s.facts["borrower_type"] == "个人"
    assert card(t, "ak.startup_loan_individual").status == "eligible"
    assert card(t, "ak.startup_loan_partnership").status == "ineligible"


def test_a_schools_syb_class_in_groups_by_certificate_and_start():
    s = State()
    t = say(s, "ask_training", "您好，我们是千阳县的一家培训学校，承办了县人社局组织的SYB创业培训，今年4月份结的业，一期30个人，每人都上够了"
                               "80课时。学员里脱贫劳动力18个，另外12个是返乡农民工和城里的待业青年。脱贫的18个里16个拿到了创业培训合格证，"
                               "2个没考过；拿证的16个里结业后6个月内开店办厂的有5个，剩下11个到现在还没干。我们机构按人头每个能拿多少？"
                               "脱贫的这些一共多少？")
    assert card(t, "qy.startup_training_syb").amount.value == 23500          # 5×2500 + 11×1000
    own = [r for r in t.decision.stated if r.benefit.id == "qy.startup_subsidy"]
    assert not own or own[0].amount.value == 5000                          # the trainee's own, not the class's sum


def test_an_agencys_sum_without_those_who_take_their_own():
    s = State()
    say(s, "ask_referral", "你好，我们是千阳县城关镇的劳务派遣公司，有营业执照和人力资源服务许可证。上季度免费给脱贫劳动力介绍了工作："
                           "江苏昆山电子厂12个，签的两年合同；宝鸡高新区物业公司6个，签一年；新疆摘棉花8个，季节工，干了4个月。职业介绍补贴能拿多少？")
    t = say(s, None, "那江苏那12个人说他们自己也要去镇上领500块的求职补贴，还有那个跨省的交通补助，这跟我们冲突不？要是那12个人都领了"
                     "求职补贴，我们还能拿多少？")
    assert card(t, "qy.job_referral").amount.value == 3000
    assert "合计：4600元（3000元+1600元）" in said(t)
