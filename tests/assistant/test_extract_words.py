"""What extract() reads from plain and dialect speech: categories, training certificates, businesses, borrowers,
employment, posts, employers, rates vs lengths, spoken ranges, words typed by ear. Sentences are our own, written from
the documents' terms and everyday speech."""
import datetime as dt

import pytest

from assistant.extract import extract

TODAY = dt.date(2026, 11, 30)


def ex(text):
    return extract(text, [], None, TODAY)


# ------------------------------------------------------------------------------------------------ categories
@pytest.mark.parametrize("text, category", [
    ("我们屋里是贫困家庭，想问问补贴", "脱贫劳动力"),
    ("俺家是脱贫家庭的", "脱贫劳动力"),
    ("学员全是建档立卡的", "脱贫劳动力"),
    ("他是立卡户", "脱贫劳动力"),
    ("我是贫困劳动者", "脱贫劳动力"),
    ("我家是监测户", "边缘户"),
    ("我们是低收入家庭", "农村低收入人口"),
    ("家里吃低保的", "低保家庭"),
    ("我是五保户", "特困供养"),
    ("我腿有残疾，办了残疾证", "残疾人"),
    ("我前年大专毕业的", "高校毕业生"),
    ("女儿今年本科毕业", "高校毕业生"),
    ("我是应届生", "高校毕业生"),
    ("我当过兵，前几年回来的", "退役军人"),
    ("他是退伍回来的", "退役军人"),
    ("我家是零就业家庭", "就业困难人员"),
    ("我在人社登记了失业，有失业证", "登记失业人员"),
    ("我们是移民搬迁安置过来的", "易地搬迁户"),
    ("孩子职业中专明年毕业", "中职毕业生"),
    # a worker back from years away who set up at home
    ("我在浙江打了十来年工，今年八月回村办了个体执照开了家面馆", "农民工"),
    ("他也是在南方打工回来的 不是贫困户 头一回创业", "农民工"),
])
def test_categories_in_plain_speech(text, category):
    assert category in ex(text).categories


def test_a_school_that_is_not_college_is_not_a_graduate():
    e = ex("没考上大学，高中毕业就在家了")
    assert "高校毕业生" not in e.categories
    assert "高校毕业生" not in ex("我在技师学院毕业的").categories


def test_a_poor_area_is_not_a_person():
    assert ex("我们厂在贫困县").categories == []


def test_words_typed_by_ear_read_as_the_term():
    assert ex("我是见档立卡户").categories == ["脱贫劳动力"]
    assert ex("家里是边原户").categories == ["边缘户"]
    assert "农村低收入人口" in ex("我是低收入护，不是脱贫户").categories
    assert ex("县上认定的社区工场").facts.get("employer_type") == "社区工厂"
    assert ex("我们是个合做社").facts.get("employer_type") == "农民专业合作社"


def test_a_negation_about_someone_else_is_not_the_persons():
    e = ex("我男人是建档立卡户，想跟他表哥一起干，他表哥不是贫困户")
    assert e.categories == ["脱贫劳动力"] and e.not_categories == []
    e = ex("收了7个脱贫户，还有3个是低保户不是建档立卡的")
    assert "脱贫劳动力" in e.categories and "脱贫劳动力" not in e.not_categories


def test_a_negated_category_run_is_negated_as_a_whole():
    e = ex("我不是建档立卡贫困家庭的")
    assert e.categories == [] and e.not_categories == ["脱贫劳动力"]


def test_a_correction_after_the_yes_makes_it_a_no():
    e = ex("我是贫困户，哦说错了，不是贫困户，是低保户")
    assert "脱贫劳动力" in e.not_categories and "低保家庭" in e.categories


# ------------------------------------------------------------------------------------------------ training
@pytest.mark.parametrize("text", ["创业培训上完了，考试合格了", "我参加的培训，结业考核合格", "学了一个月，培训合格",
                                  "去年的电工培训拿了合格证", "我们班15个人合格"])
def test_training_passed(text):
    assert ex(text).facts.get("training_certificate") is True


@pytest.mark.parametrize("text", ["培训完了但是考试没合格", "培训考核不合格", "参加了培训，还没拿到合格证"])
def test_training_not_passed(text):
    assert ex(text).facts.get("training_certificate") is False


def test_a_plan_to_pass_is_not_a_pass():
    assert "training_certificate" not in ex("要是培训合格了能给多少").facts


@pytest.mark.parametrize("text, kind", [
    ("我想学开叉车", "就业技能培训"),
    ("去县里学了半个月厨师", "就业技能培训"),
    ("娃想学门手艺", "就业技能培训"),
    ("村里办了个缝纫培训班", "就业技能培训"),
    ("报了个网店培训", "网络创业"),
    # an e-commerce class alone may teach a job; one to start a shop online is 网络创业
    ("镇上开了个电商班，学客服和打包发货", "就业技能培训"),
    ("报了个电商创业班", "网络创业"),
    ("想学做电商卖自家的核桃", "网络创业"),
    ("我参加过SYB", "SYB"),
])
def test_training_kinds(text, kind):
    assert ex(text).facts.get("training_type") == kind


def test_a_school_word_is_not_a_training():
    assert "training_type" not in ex("学费要交多少").facts


# ------------------------------------------------------------------------------------------------ business
@pytest.mark.parametrize("text", ["今年五月开了个小卖部", "在村口开了家理发店", "去年整了个养鸡场", "开了个民宿，执照也拿了"])
def test_a_shop_is_an_individual_business(text):
    assert ex(text).facts.get("business_type") == "个体工商户"


def test_the_date_of_a_shop_is_its_registration():
    assert ex("今年三月在镇上开了个小饭馆").facts.get("months_since_registration") == 8
    assert ex("去年十二月办的执照，开了个早点铺").facts.get("months_since_registration") == 11


def test_a_training_date_is_not_the_shops():
    e = ex("去年五月参加了创业培训，今年二月开了个网店")
    assert e.facts.get("months_since_registration") == 9
    assert e.facts.get("started_business_after_training") is True
    assert e.facts.get("started_business_within_6_months") is False


def test_opened_months_after_the_certificate():
    e = ex("SYB培训拿证以后第4个月就开了店")
    assert e.facts.get("started_business_within_6_months") is True
    assert "months_since_registration" not in e.facts
    assert ex("培训结业后过了9个月才开的店").facts.get("started_business_within_6_months") is False
    # "完了两个月就办了执照": the months after the course, said without 后
    e = ex("参加SYB创业培训，学了10天拿了合格证，完了两个月就办了个体执照开了农资店")
    assert e.facts.get("started_business_within_6_months") is True
    assert ex("参加了SYB培训拿了证，八个月才办了执照").facts.get("started_business_within_6_months") is False


@pytest.mark.parametrize("text, borrower", [
    ("我想自个儿开个早餐店，贷款能贷多少", "个人"),
    ("一个人搞养殖，想贷点款", "个人"),
    ("我们老两口想贷款养牛", "个人"),
    ("我跟我表弟合伙办个米粉厂，能贷多少", "合伙"),
    ("不是我一个人干，是跟村里两个兄弟一起搞", "合伙"),
    ("以公司名义贷款行不行", "小微企业"),
])
def test_borrower(text, borrower):
    assert ex(text).facts.get("borrower_type") == borrower


def test_a_student_loan_is_not_a_business():
    e = ex("我大学办了助学贷款")
    assert "borrower_type" not in e.facts and "国家助学贷款" in e.categories


@pytest.mark.parametrize("text, fact, value", [
    ("店一直开着呢", "operating_normally", True),
    ("小超市去年就关门了", "operating_normally", False),
    ("开了个修鞋铺，以前从来没做过买卖", "first_business", True),
    ("开了个面馆，头一回干", "first_business", True),
    ("以前开过店，这回又开了个菜店", "first_business", False),
])
def test_business_yes_no(text, fact, value):
    assert ex(text).facts.get(fact) is value


def test_leaving_a_job_is_not_a_business_closing():
    assert "operating_normally" not in ex("他在厂里干了三个月就不干了").facts


def test_a_company_not_registered_is_no_business():
    assert "business_type" not in ex("我没注册公司，就自己带人出去干活").facts


# ------------------------------------------------------------------------------------------------ work
@pytest.mark.parametrize("text", ["上礼拜去宝鸡厂里上班了", "他现在在工地上干活", "今年四月到杭州一家饭店打工",
                                  "经人介绍到鞋厂上班"])
def test_working(text):
    assert ex(text).facts.get("employed") is True


@pytest.mark.parametrize("text", ["我想出去打工，有啥补贴", "打算去广州做工", "出去打工有没有路费"])
def test_a_plan_is_not_work(text):
    assert ex(text).facts.get("employed") is not True


def test_out_of_work():
    e = ex("厂子倒了，现在冇得事做")
    assert e.facts.get("unemployed") is True and e.facts.get("employed") is False
    assert "unemployed" not in ex("单位给交了失业保险").facts


def test_a_date_then_the_job_later_in_the_clause():
    e = ex("今年7月到苏州一家电子公司上班")
    assert e.facts.get("months_since_employment") == 4


def test_work_in_the_home_county():
    assert ex("就在县城的厂里上班").facts.get("work_scope") == "本县"


def test_the_work_place_by_a_factory_word():
    assert ex("我是千阳的，前年去深圳电子厂").work_place == "深圳"


@pytest.mark.parametrize("text, fact, value", [
    ("社保一直在交", "insurance_paid", True),
    ("单位给他们上了社保", "insurance_paid", True),
    ("社保还没交", "insurance_paid", False),
    ("签了三年的劳动合同", "labor_contract_signed", True),
    ("老板不跟我签合同", "labor_contract_signed", False),
    ("镇上已经给认定了", "employer_recognized", True),
    ("还没去人社局认定过", "employer_recognized", False),
    ("免费给他们介绍的活", "registered_unemployed_referral", True),
    ("经常给千阳的脱贫户介绍工作，免费的，签了一年合同的有10个", "registered_unemployed_referral", True),
    ("介绍一个人收了二百块中介费", "registered_unemployed_referral", False),
    ("他今年又想考个电工证", "first_appraisal", False),
    ("娃在西安技师学院读二年级", "in_technical_school", True),
    ("孙子想去念技校", "in_technical_school", True),
    ("闺女在武汉读本科", "in_technical_school", False),
    ("去新疆摘了三个月棉花", "seasonal_job", True),
    ("我今年刚毕业", "graduation_window", True),
    ("明年夏天毕业", "final_year_student", True),
])
def test_yes_no_facts(text, fact, value):
    assert ex(text).facts.get(fact) is value


def test_a_plan_to_be_recognized_is_not_recognition():
    assert "employer_recognized" not in ex("想把厂子认定成社区工厂").facts


# ------------------------------------------------------------------------------------------------ posts, employers
@pytest.mark.parametrize("text, kind", [
    ("我在村里当劳动保障助理员", "农村公益性岗位-劳动保障助理员"),
    ("在村上扫路，是公益岗", "农村公益性岗位-其它"),
    ("我是脱贫户，在公益岗上干", "农村公益性岗位-其它"),
    ("街道开发的城镇公益性岗位，社会公共管理类的", "城镇公益性岗位-社会公共管理类"),
    ("社区里的公益岗，打扫卫生", "城镇公益性岗位-其它"),
    ("她闺女在县城社区干公益岗，搞社区管理的", "城镇公益性岗位-社会公共管理类"),
    ("在县城社区干公益岗，找县劳动就业管理局问过", "城镇公益性岗位-其它"),
])
def test_post_kinds(text, kind):
    assert ex(text).facts.get("post_type") == kind


def test_a_cleaner_at_a_company_is_not_a_public_post():
    assert "post_type" not in ex("我们物业公司招了几个保洁员").facts


def test_a_bare_public_post_says_no_kind():
    assert "post_type" not in ex("公益岗一个月多少钱").facts


@pytest.mark.parametrize("text, kind", [
    ("我们是搞果园的大户", "种养大户"),
    ("我在一家家政公司上班", "企业"),
    ("我们是电子厂", "企业"),
    ("我们合作社招了人", "农民专业合作社"),
    ("我们是劳务派遣公司", "人力资源服务机构"),
    ("另外那个劳务公司说他们介绍一个人能拿200，那我们企业能不能也拿这200", "企业"),    # the other one is not the asker
])
def test_employer_kinds(text, kind):
    assert ex(text).facts.get("employer_type") == kind


def test_a_word_of_whom_a_benefit_is_for_does_not_name_it_by_its_amount():
    from assistant.decide import benefits_by_amount
    place = "陕西省安康市旬阳市"
    assert not benefits_by_amount("听说企业每招一个贫困户政府给1000块，我们该找哪个部门要？", place)
    assert [b.id for b in benefits_by_amount("那个每月1000块的见习补贴我们能拿吗", place)] == ["ak.internship"]


def test_a_training_school_is_not_a_government_unit():
    assert ex("我们是一家职业培训学校").facts.get("employer_type") != "机关事业单位"


# ------------------------------------------------------------------------------------------------ numbers
def test_a_rate_is_not_a_length():
    e = ex("在县里学了25天面点，一天给多少")
    assert e.facts.get("training_days") == 25
    e = ex("见习了四个月，一个月1200")
    assert e.facts.get("internship_months") == 4
    assert "months_on_post" not in ex("公益岗一个月给多少").facts


def test_a_length_before_the_question_stays_a_length():
    assert ex("干满一年能给多少").facts.get("months_employed") == 12


def test_a_rate_per_person_is_not_a_head_count():
    e = ex("培训一个人补多少钱")
    assert 1.0 not in e.numbers and "new_hires" not in e.facts


@pytest.mark.parametrize("text, fact, value", [
    ("在工地干了七八个月", "months_employed", 7),
    ("招了十几个建档立卡的", "new_hires", 11),
    ("签了两三年的合同", "contract_months", 24),
])
def test_spoken_ranges(text, fact, value):
    assert ex(text).facts.get(fact) == value


def test_a_year_alone_is_not_a_duration():
    e = ex("2018年贷过一次款，已经还清了")
    assert "months_since_registration" not in e.facts and 24216.0 not in e.numbers


def test_not_persons_after_a_classifier():
    e = ex("每天上6个课时")
    assert "new_hires" not in e.facts and 6.0 not in e.numbers


def test_age_said_without_the_word():
    assert ex("我今年58了，还能领不").facts.get("age") == 58


# ------------------------------------------------------------------------------------------------ head-counts
def counts(text):
    f = ex(text).facts
    return {k: f[k] for k in ("staff_total", "new_hires", "hired_poor_count", "hired_poor_low_income_count") if k in f}


def test_each_number_to_its_own_noun():
    assert counts("合作社收了7个脱贫户和3个低保户") == {"new_hires": 7, "hired_poor_count": 7,
                                                 "hired_poor_low_income_count": 10}
    assert counts("车间招了4个本村的脱贫户和2个外村的脱贫户") == {"new_hires": 6, "hired_poor_count": 6}


def test_a_noun_before_its_number():
    assert counts("工坊一共18个人，其中脱贫户4个、监测户2个") == {"staff_total": 18, "new_hires": 6, "hired_poor_count": 6}


def test_low_income_counts_for_a_workshop_and_a_base():
    c = counts("我们非遗工坊总共15个工人，其中脱贫户3个、低收入户2个")
    assert c["new_hires"] == 5 and c["hired_poor_low_income_count"] == 5 and c["hired_poor_count"] == 3


def test_one_noun_for_both_kinds():
    assert counts("基地今年吸纳了40个脱贫户和低收入户") == {"new_hires": 40, "hired_poor_low_income_count": 40}


def test_a_subset_named_after_the_whole():
    assert counts("厂里招了10个人，其中6个是脱贫户，4个不是") == {"new_hires": 6, "hired_poor_count": 6}
    assert counts("招了9个贫困劳动力，其中建档立卡的5个") == {"new_hires": 5, "hired_poor_count": 5}


def test_others_are_not_counted_as_poor():
    c = counts("车间用了10个贫困户，其中7个是建档立卡的，剩下3个刚来，也不是建档立卡的")
    assert c == {"new_hires": 7, "hired_poor_count": 7}


def test_the_group_the_message_is_about_and_its_conditions():
    e = ex("招了6个脱贫户，5个签了两年合同交了社保，还有1个没签合同干了一个月就走了")
    assert e.facts["new_hires"] == 5 and e.facts["hired_poor_count"] == 6
    assert e.facts["contract_months"] == 24 and e.facts["insurance_paid"] is True
    assert "months_employed" not in e.facts


def test_groups_with_different_months():
    # everyone is counted, each group with its months; a benefit with a minimum time counts the groups that reach it
    e = ex("我们公司招了7个建档立卡的，都签了合同，四个干了十个月、三个才干了一个月")
    assert e.facts["new_hires"] == 7 and e.facts["months_employed"] == 10 and e.facts["hired_poor_count"] == 7
    assert e.group_months == [(4.0, 10.0), (3.0, 1.0)]


def test_a_group_named_again_with_its_subgroup():
    e = ex("招了12个脱贫户，其中本县的9个、外县的3个。本县9个里7个在岗满一年了，另外2个才来三个月")
    assert e.facts["new_hires"] == 9 and e.facts["months_employed"] == 12 and e.facts["hired_poor_count"] == 12
    assert e.group_months == [(7.0, 12.0), (2.0, 3.0)]


def test_the_rest_completes_its_own_group():
    e = ex("介绍了10个人，其中6个签了一年合同，这6个里头有1个领过求职补贴，剩下4个是脱贫户干了季节工")
    assert e.facts["referred_count"] == 6 and e.facts["hired_poor_count"] == 4        # placed, not hired
    assert e.facts["seasonal_referred_count"] == 4 and "new_hires" not in e.facts


def test_the_same_condition_for_all_is_no_subgroup():
    e = ex("员工30个，脱贫户8个都签了一年，另外还有2个边缘户也签了一年")
    assert e.facts["new_hires"] == 10 and e.facts["contract_months"] == 12 and e.facts["staff_total"] == 30


def test_not_a_count_of_persons():
    assert counts("我是一个社区工厂的老板，问两个问题") == {}
    assert counts("我家两个孩子都是建档立卡的") == {}
    assert 2.0 in ex("我家两个孩子都是建档立卡的").numbers


def test_a_bare_count_is_an_answer():
    assert ex("收5个").numbers == [5.0]


# ------------------------------------------------------------------------------------------------ costs
def test_rent_and_utilities_add_up():
    assert ex("房租一年2万，水电一年5000").facts["rent_utilities_cost"] == 25000
    assert ex("房租每年1万5，水电一年3千").facts.get("rent_utilities_cost") == 18000
    assert ex("租的房子一年三万二，水电一年四千。").facts.get("rent_utilities_cost") == 36000     # 三万二 is 32000


def test_a_monthly_contribution_is_twelve_a_year():
    assert ex("单位每人每月缴社保600块").facts["insurance_contributions"] == 7200


def test_the_amount_of_a_benefit_is_not_a_cost():
    assert "insurance_contributions" not in ex("听说还有个保险补贴十五块").facts


# ------------------------------------------------------------------------------------------------ more words
def test_out_of_work_months_are_not_work():
    e = ex("没活干大半年了，上个月开了个小吃店")
    assert "months_employed" not in e.facts


def test_the_newer_job_by_its_date():
    e = ex("前年在砖厂干了三个月，去年过完年又去河南一个养殖场，签了两年合同")
    assert e.facts["months_since_employment"] == 21 and e.facts["months_employed"] == 21


def test_a_new_factory_is_work():
    assert ex("今年八月又换了个厂").facts.get("months_since_employment") == 3


def test_a_school_grade_is_not_a_duration():
    assert 24.0 not in ex("老大读二年级").numbers


def test_school_leavers_are_not_graduates():
    f = ex("小儿子初中刚毕业，明年高中毕业的是老二").facts
    assert "graduation_window" not in f and "final_year_student" not in f


def test_age_in_chinese_numerals():
    assert ex("我爸六十一岁了").facts["age"] == 61
    assert ex("五十多岁了还能干").facts["age"] == 50


def test_a_shop_said_with_spaces():
    assert ex("想开个 水果店").facts.get("business_type") == "个体工商户"


def test_a_shop_open_later_is_a_plan():
    assert "started_business_after_training" not in ex("想报个创业培训，店开起来以后有啥补贴").facts


def test_going_to_a_technical_school_after_leaving_school():
    assert ex("初中毕业 没读书了 想去 技工学校").facts.get("in_technical_school") is True


def test_the_graduation_date_decides_the_window():
    f = ex("女儿2023年6月大学毕业，一直没找到工作").facts
    assert f["graduation_window"] is False and f["fresh_graduate"] is False
    f = ex("我今年7月本科毕业的").facts
    assert f["graduation_window"] is True and f["fresh_graduate"] is True
    assert "graduation_window" not in ex("儿子去年初中毕业").facts


def test_a_business_one_runs_is_not_where_one_works():
    assert "employer_type" not in ex("前年注册了个养猪的公司").facts
    assert ex("前年注册了个养猪的公司").facts.get("business_type") == "小微企业"


def test_points_of_a_question_are_not_persons():
    assert counts("我们是中介 问一下 一个是 要不要建档立卡的 二个是 要干多久") == {}
    assert counts("培训机构问两个：补贴给谁？") == {}


def test_a_registration_cut_by_the_window_is_read_whole():
    f = ex("上礼拜 介绍了 六个 登记失业的 贫困户 去西安的 厂子").facts
    assert "months_since_registration" not in f and f.get("months_since_employment") == 0


def test_more_ways_of_saying_who():
    assert ex("俺家是精准扶贫户").categories == ["脱贫劳动力"]
    assert "高校毕业生" in ex("我是大专生，今年毕业").categories


def test_a_short_graduation_year():
    f = ex("我是二三年大学毕业的").facts
    assert f["graduation_window"] is False and f["fresh_graduate"] is False
    f = ex("我是25年毕业的本科生").facts
    assert f["graduation_window"] is True and f["fresh_graduate"] is False
    assert ex("他在厂里干了24年").facts.get("months_employed") == 288


def test_a_planned_shop_has_no_date():
    f = ex("在外面打了三年工，今年回来了，想开个面包店").facts
    assert "months_since_registration" not in f and f.get("months_employed") == 36


def test_an_aid_agreement_is_not_a_labour_contract():
    assert "labor_contract_signed" not in ex("合作社跟20户贫困户签了帮扶协议").facts
    assert ex("签了一年的劳务协议").facts.get("labor_contract_signed") is True


def test_a_person_subset_does_not_undo_the_whole():
    assert counts("公司吸纳了十五名贫困劳动力，其中残疾人两名") == {"new_hires": 15, "hired_poor_count": 15}


def test_households_counted():
    assert counts("带动了十几户贫困户种花椒") == {"new_hires": 11, "hired_poor_count": 11}


def test_village_cleaning_is_a_public_post():
    assert ex("我在村里当保洁员，每月能领多少").facts.get("post_type") == "农村公益性岗位-其它"


def test_training_then_the_trade():
    assert ex("给贫困户免费培训考驾照").facts.get("training_type") == "就业技能培训"


def test_a_subset_of_another_poor_category_keeps_the_whole():
    assert counts("合作社带了12户脱贫户养羊，其中边缘户3户") == {"new_hires": 12, "hired_poor_count": 12}


def test_spent_on_the_fare():
    assert ex("老汉儿去浙江打工，坐火车花了四百五").facts.get("transport_cost") == 450


def test_an_old_soldier():
    assert ex("我是老兵退下来的").categories == ["退役军人"]


def test_work_place_trimmed_to_the_place():
    assert ex("春节后去苏州的厂里上班了").work_place == "苏州"
    assert ex("去年去的上海，在饭店干").work_place == "上海"
    assert ex("她老公过完年想去长沙做事，那样他自己能有么子补贴？").work_place == "长沙"


def test_arrived_at_the_factory_and_still_there():
    f = ex("今年3月到的厂，一直干到现在").facts
    assert f.get("months_since_employment") == 8 and f.get("employed") is True


def test_graduated_more_than_two_years_ago():
    assert ex("我大专毕业两年多了").facts.get("graduation_window") is False
    assert ex("本科毕业才半年").facts.get("graduation_window") is True


def test_fare_words():
    assert ex("去的新疆，坐车花了三百八").facts.get("transport_cost") == 380
    assert ex("去广东坐大巴花了260").facts.get("transport_cost") == 260
    assert ex("去的时候倒了几趟车一共花了380块").facts.get("transport_cost") == 380
    assert ex("包大巴送一批人去江苏，车费一人大概320，是我们公司垫的").facts.get("transport_cost") == 320


# ------------------------------------------------------------------------------------------------ NLU entities checked
def ent(text, name, word):
    i = text.index(word)
    return {"entity": name, "value": word, "start": i, "end": i + len(word)}


def test_a_company_one_works_at_is_not_ones_business():
    t = "我在西安一家公司上班"
    assert "business_type" not in extract(t, [ent(t, "business_type", "公司")], None, TODAY).facts
    t = "我自己注册了一家公司"
    assert extract(t, [ent(t, "business_type", "公司")], None, TODAY).facts["business_type"] == "小微企业"


def test_a_certificate_or_a_shop_is_not_a_training():
    t = "刚考了个焊工证"
    assert "training_type" not in extract(t, [ent(t, "training_type", "焊工证")], None, TODAY).facts
    t = "开了个美发店"
    assert "training_type" not in extract(t, [ent(t, "training_type", "美发")], None, TODAY).facts


def test_the_text_names_the_training_better_than_the_nlu():
    t = "给在岗职工办岗位技能提升培训"
    assert extract(t, [ent(t, "training_type", "技能")], None, TODAY).facts["training_type"] == "岗位技能提升培训"


def test_a_bare_post_entity_says_no_kind():
    t = "那公益岗一个月多少"
    assert "post_type" not in extract(t, [ent(t, "post_type", "公益岗")], None, TODAY).facts


def test_nlu_numbers_need_their_unit():
    t = "招了5个脱贫户，四个干了半年，一个干了两个月"
    f = extract(t, [ent(t, "duration", "四个"), ent(t, "money", "5")], None, TODAY).facts
    assert f["months_employed"] == 6 and "transport_cost" not in f


def test_more_than_half_a_year():
    assert ex("干了半年多").facts["months_employed"] == 6


def test_a_certificate_entity_beside_an_appraisal_is_not_a_training():
    t = "刚考了个电工证，听说有鉴定补贴"
    assert "training_type" not in extract(t, [ent(t, "training_type", "电工证")], None, TODAY).facts


def test_a_school_grade_entity_is_not_a_duration():
    t = "老大念二年级"
    assert 24.0 not in extract(t, [ent(t, "duration", "二年")], None, TODAY).numbers


def test_a_daily_rate_is_not_a_fare():
    assert "transport_cost" not in ex("学员生活交通费是不是每天50").facts


def test_worked_from_one_date_to_another():
    f = ex("前年三月介绍了一个脱贫户去宁波，他干到前年八月就回来了").facts
    assert f["months_employed"] == 5


def test_paid_by_oneself_is_not_paid_by_a_unit():
    f = ex("我没在厂里，社保是我自己交的").facts
    assert f.get("insurance_paid") is False and "employer_type" not in f


def test_model_units():
    assert ex("我们厂去年被评为湖南省精准就业扶贫爱心单位").facts.get("provincial_model_unit") is True
    f = ex("今年被县里评为精准就业扶贫爱心单位").facts
    assert f.get("local_model_unit") is True and "months_since_employment" not in f


def test_a_company_owner_who_hires_is_an_employer():
    assert ex("我在县上开了个公司，招了几个建档立卡户").facts.get("employer_type") == "企业"


def test_a_correction_to_the_home_county():
    assert ex("不对，是县城里头的厂子").facts.get("work_scope") == "本县"


def test_a_year_reached_is_time_at_work():
    f = ex("签了三年合同，满一年了").facts
    assert f["contract_months"] == 36 and f["months_employed"] == 12


def test_registered_for_half_a_year_is_the_registration():
    f = ex("弄了个粮食加工，注册满半年了").facts
    assert f.get("months_since_registration") == 6 and "months_employed" not in f


def test_look_alike_characters_inside_a_term():
    assert ex("我是扶贫车问的老板").facts.get("employer_type") == "就业帮扶车间"


def test_months_after_the_certificate_before_the_shop():
    f = ex("参加了创业培训拿了合格证，4个月后开了个理发店").facts
    assert f["started_business_within_6_months"] is True and "months_since_registration" not in f


def test_the_employment_rate_of_a_class():
    f = ex("我们办的焊工班，25个人考核合格，3个月内就业了20个").facts
    assert f["class_employment_rate"] == 0.8 and "months_employed" not in f
    assert ex("一期面点班40人都合格，3个月后就业了10个").facts["class_employment_rate"] == 0.25


def test_hires_counted_up_again():
    assert ex("又招了2个脱贫户，算上就是12个了").facts["new_hires"] == 12


def test_training_hours():
    assert ex("我们的创业培训班排了80个课时").facts["training_hours"] == 80
    assert "training_hours" not in ex("每天6个课时").facts


def test_a_date_said_instead_of_another():
    f = ex("不是前年八月，是去年八月才去的").facts
    assert f["months_since_employment"] == 15


def test_a_share_of_the_staff():
    assert ex("厂里脱贫户占了一半").facts["poor_staff_one_third"] is True
    assert ex("脱贫户还不到三分之一").facts["poor_staff_one_third"] is False


def test_graduated_is_past_the_last_school_year():
    # the 求职创业补贴 is applied for in the last school year (超过规定时间的，不予办理): a graduate is past it
    assert ex("今年7月从师范大学毕业").facts.get("final_year_student") is False


@pytest.mark.parametrize("text", ["最低保障工资是多少", "我们公司交了残疾人就业保障金"])
def test_words_that_only_contain_a_category(text):
    assert ex(text).categories == []


def test_a_company_loan_even_said_with_ziji():
    assert ex("我们公司自己想贷款扩大生产").facts.get("borrower_type") == "小微企业"


def test_driving_for_years_is_a_job():
    f = ex("我开了10年出租车").facts
    assert "months_since_registration" not in f and f.get("months_employed") == 120


def test_a_village_is_not_a_staff():
    assert "staff_total" not in ex("村里一共300户人家").facts


def test_a_university_is_not_a_training():
    assert "training_type" not in ex("我在大学当保安").facts


def test_years_of_a_refund_are_not_years_at_work():
    assert "months_employed" not in ex("员工的社保返还已经领满3年了").facts


def test_points_of_a_question_both():
    assert counts("问一下 一个是 要啥条件 二个是 给多少") == {}


def test_the_date_of_hiring_is_the_start_of_work():
    f = ex("前年6月招了4个建档立卡的，一直干到现在").facts
    assert f["months_since_employment"] == 29 and f["new_hires"] == 4


def test_a_company_one_runs_and_hires_for():
    assert ex("他在县上开公司，招了几个脱贫户").facts.get("employer_type") == "企业"


def test_a_cooperative_founded_together_is_a_cooperative():
    f = ex("想带村里几户贫困户一起搞个合作社").facts
    assert f.get("business_type") == "农民专业合作社" and f.get("borrower_type") != "合伙"
    assert ex("跟我姐夫合伙办个合作社").facts.get("business_type") == "合伙创业"


@pytest.mark.parametrize("text", ["我们是三亚技师学院，按要求开了扶贫班招贫困学生", "我们是绥化的一所技工学校，招了不少建档立卡贫困家庭的学生"])
def test_a_technical_school_asking_speaks_of_its_students(text):
    assert extract(text, [], None).facts.get("in_technical_school") is True


def test_a_school_leaver_of_this_year_said_with_spaces():
    assert ex("我 今年 高中 刚 毕业 明水县 的 不想 念了 想 去 南方 打工").facts.get("fresh_graduate") is True


def test_a_school_leaver_of_this_summer_not_gone_to_university_is_at_no_school():
    f = ex("俺孙子今年夏天高中毕业，没考上大学，想跟屯里人去南方打工")
    assert f.facts.get("fresh_graduate") is True and f.facts.get("two_after_student") is True
    assert "in_technical_school" not in f.facts
    assert ex("他在读大学").facts.get("in_technical_school") is False


@pytest.mark.parametrize("text", ["到现在一年多了还没找下正经工作，一直在屋帮忙", "毕业了一直没寻着工作"])
def test_no_job_found_in_dialect_is_unemployed(text):
    assert ex(text).facts.get("unemployed") is True


def test_a_job_place_said_with_spaces():
    assert ex("他 上个月 去 上海 工地 了 签了 一年 的 合同 我们 是 草碧 的 边缘户").work_place == "上海"


def test_people_at_work_learning_to_raise_their_skills_take_the_upgrade_training():
    e = ex("还有一个班是已经在厂里上班的贫困户，来学提升技能的，也是上浮70%？也有生活费吗？")
    assert e.facts.get("training_type") == "岗位技能提升培训" and not e.more_people     # "还有一个班" is no person


def test_a_company_registered_is_a_small_enterprise_whatever_its_shop():
    assert ex("我说差了，执照是去年五月办的，办的是有限公司不是个体，上个月搬到县城新门脸儿了").facts["business_type"] == "小微企业"
    assert ex("我开了个小饭馆，个体的").facts["business_type"] == "个体工商户"


def test_a_higher_vocational_college_is_no_technical_school():
    assert ex("他哥在西安上的是高职，就是大专，那也能一年拿三千不").facts.get("in_technical_school") is False


def test_the_askers_own_unit_kind_comes_before_another_unit_named_later():
    assert ex("我们是绥化市里一家人力资源服务公司，打算给乡下的扶贫车间介绍贫困户去上班").facts["employer_type"] == "人力资源服务机构"
    # a plain 企业 of one's own does not hide the kind it is recognised as
    assert ex("我们是城关镇一家做苹果浓缩汁的企业，前年县人社局认定的就业帮扶基地").facts["employer_type"] == "就业帮扶基地"


@pytest.mark.parametrize("text", [
    "额是紫杨县蒿坪镇滴建档立卡户，前年冬里在县上学了二十来天修脚，证也考下咧",     # the days before the trade
    "我们是岚皋县的一家培训定点机构，想到四季镇、南宫山镇那些贫困户多的村里去开班，就地培训",  # a class in the villages
])
def test_a_trade_or_a_village_class_is_a_skills_training(text):
    assert extract(text, [], None, TODAY).facts.get("training_type") == "就业技能培训"


@pytest.mark.parametrize("text, months", [
    ("我跟车间签了三年合同，车间帮我交了社保，做了一年零两个月了", 14),
    ("在厂里干了1年3个月", 15),
    ("干了两年零一个月", 25),
])
def test_years_and_months_said_together_are_one_duration(text, months):
    assert extract(text, [], None, TODAY).facts.get("months_employed") == months


def test_an_apprenticeship_with_someone_is_no_training_course():
    assert "training_type" not in extract("前年在西安跟人学了两年修脚，去年回来了，想在镇上开个足浴店", [], None, TODAY).facts


def test_an_earlier_business_is_not_the_one_run_now():
    f = ex("哦对了 忘说了 我前几年在村里开过个小卖店 也办过执照 后来黄了 这个有影响不").facts
    assert f == {"first_business": False}
    assert ex("以前从来没干过买卖，前年十月办的个体执照开了个修车铺").facts.get("first_business") is not False


def test_a_length_agreed_is_the_contract_not_the_time_worked():
    f = ex("上个月在县城一个公司找了个看大门的活，公司给开了就业证明，说干一年").facts
    assert f["contract_months"] == 12 and f["months_since_employment"] == 1


def test_an_agencys_subsidy_approved_is_had_this_year():
    e = extract("今年8月通过劳务公司介绍去了宝鸡一个厂，劳务公司说给我报的职业介绍补贴已经批下来了", [], "千阳县", TODAY)
    assert "qy.job_referral" in e.received_this_year


def test_a_higher_grade_the_company_sends_one_to_is_an_upgrade_training():
    f = ex("在长沙一个物流园开叉车，合同签了两年。公司这个月送我们去考高一级的叉车证，要培训十天").facts
    assert f["training_type"] == "岗位技能提升培训"


def test_a_job_in_the_county_town_at_a_shop_is_in_the_county():
    assert ex("他是桑植县的建档立卡户，今年开春在桑植县城一家超市当理货员").facts.get("work_scope") == "本县"


def test_the_unit_asked_about_of_a_place_no_document_covers_is_outside_it():
    # (in a conversation of the covered place: that document answers, ✗ for a unit outside it; asked first, the unit's
    # own place answers, the covered one named as not its)
    said = "来电人又问：那他们宁波的厂招了这26个湖南建档立卡的，能不能拿湖南的岗位补贴？"
    nlu = [{"entity": "work_destination", "value": "宁波", "start": 9, "end": 11}]
    f = extract(said, nlu, "湖南省湘西土家族苗族自治州花垣县", TODAY).facts
    assert f.get("unit_location") == "外地"
    e = extract(said, nlu, None, TODAY)
    assert e.place == "浙江省宁波市" and e.place_compared == "湖南省" and "unit_location" not in e.facts
    assert "unit_location" not in ex("我是邵东的，在宁波一家厂打工").facts


def test_a_worker_back_from_work_away_who_set_up_at_home_is_a_migrant_worker():
    e = extract("我前些年一直在外头打工，今年四月份回千阳县城开了个面馆，办了个体户执照", [], None, TODAY)
    assert "农民工" in e.categories
    assert "农民工" not in extract("我在外头打工，想问路费能报不", [], None, TODAY).categories


def test_work_wished_for_is_no_job():
    assert "employed" not in ex("屋里老娘病了走不开，最好就在屋门口做事，有冇得这种的？").facts


def test_the_speakers_own_post_not_the_one_of_someone_they_compare_with():
    f = ex("我在村里扫路，是公益岗。我们村那个劳动保障助理员人家一个月拿得多，我咋才这点").facts
    assert f.get("post_type") == "农村公益性岗位-其它"
    assert "training_type" not in ex("我在村上干保洁，是公益岗").facts     # a place and a job, no course
    assert ex("村上那个劳动保障助理员拿得多，我能不能换成干那个公益岗").facts.get("post_type") == "农村公益性岗位-劳动保障助理员"


@pytest.mark.parametrize("text,months", [("一年也就干仨月", 3), ("干了俩月就走了", 2), ("在厂里干了仨个月", 3)])
def test_northern_two_and_three_in_a_length(text, months):
    assert ex(text).facts.get("months_employed") == months


def test_the_two_of_us_is_no_length():
    from policies.normalize import parse_duration_months
    assert parse_duration_months("俩一个月") is None and parse_duration_months("仨月") == 3


def test_a_job_taken_up_far_away_is_work_there_since_that_month():
    e = extract("俺是千阳水沟镇的脱贫户，今年八月份到北京给一个小区当保安，签了一年合同", [], None, TODAY)
    assert e.work_place == "北京" and e.facts.get("months_since_employment") == 3


def test_workers_who_came_in_a_month_are_at_work_since():
    f = ex("车间12个工人：7个是本县建档立卡的，去年6月就进来了，都签了两年劳动合同").facts
    assert f.get("months_employed") == 17


def test_a_units_monthly_contributions_said_before_the_sum_and_a_sum_with_work_injury_in_it():
    assert ex("我们单位给每人每月交养老、医疗、失业，一共大概780块").facts.get("insurance_contributions") == 9360
    # 工伤 is no part of what the subsidy pays: the sum is not taken as its cost
    assert "insurance_contributions" not in ex("单位给每人每月交养老、医疗、失业再加工伤，一共大概780块").facts


def test_a_certificate_had_before_makes_this_no_first_appraisal():
    assert ex("去年我在县上已经考过一个电工初级证了，这回还算第一次不").facts.get("first_appraisal") is False


def test_the_final_school_year_spoken_of_as_past_is_not_now():
    assert "final_year_student" not in ex("他上大四的时候学校说过有个求职创业补贴，当时没报").facts
    assert ex("娃今年上大四，明年毕业").facts.get("final_year_student") is True


def test_one_person_placed_several_times_said_as_a_number():
    f = ex("老刘是脱贫户，今年给他介绍了两回季节工，下个月还想介绍他去冷库干3个月。这三回每回都能报200吗？").facts
    assert f.get("times_this_year") == 3


def test_times_said_as_a_number_are_not_counted_when_one_was_too_short_a_season():
    f = ex("今年给同一个脱贫户介绍了两回季节工：先去摘樱桃干了2个月，后来去新疆摘棉花干了4个月").facts
    assert f.get("times_this_year") != 2


def test_an_appraisal_of_the_years_before_said_by_its_time():
    assert ex("我去年考电工证的时候也是没掏钱，这回考焊工还免费不").facts.get("first_appraisal") is False
    assert "first_appraisal" not in ex("明年考电工证的时候要带啥").facts


def test_a_pay_said_with_its_rate_after_a_digit_is_no_length():
    from policies.normalize import parse_duration_months
    assert parse_duration_months("800一个月") is None and parse_duration_months("八个月") == 8
    f = ex("俺在村上干保洁，800一个月，干了半年了").facts
    assert f.get("months_employed") != 800 and f.get("months_employed") != 810


def test_the_other_post_wanted_when_switching_is_the_post_asked_about():
    said = "俺是千阳的脱贫户，在村上干保洁公益岗。俺要是换去干那个劳动保障助理员，能拿多少"
    assert ex(said).facts.get("post_type") == "农村公益性岗位-劳动保障助理员"
    # without a switch, another person's post gives way to the speaker's own
    other = "俺是千阳的脱贫户，在村上干保洁公益岗。那个劳动保障助理员人家能拿多少"
    assert ex(other).facts.get("post_type") != "农村公益性岗位-劳动保障助理员"


def test_only_the_child_at_a_technical_school_is_its_student():
    f = ex("俺家是千阳水沟镇的脱贫户，闺女在宝鸡技师学院上二年级，儿子在西安上大学本科。俩娃上学有啥补助没？").facts
    assert f.get("students_count") == 1
    assert ex("大小子在绥化技师学院念二年级 小闺女今年也考上技校了，两个加起来一年多少").facts.get("students_count") == 2


def test_partners_who_register_a_company_start_a_company():
    f = ex("不办个体户了，是她丈夫跟亲戚合伙注册一个餐饮小公司。").facts
    assert (f.get("business_type"), f.get("borrower_type")) == ("小微企业", "合伙")
    assert ex("想跟俩兄弟合伙在村里搞个奶山羊养殖场").facts.get("business_type") == "合伙创业"


def test_a_place_typed_by_sound_after_coming_back():
    assert extract("俺在外头打了十来年工，今年回千杨了，想搞个养殖场", [], None, TODAY).place.endswith("千阳县")


def test_a_second_course_of_the_year_asks_its_allowance_again():
    assert ex("那额9月又报了个电焊班，学了15天，这回生活费交通费还给不？").facts.get("claim_again") is True
    assert "claim_again" not in ex("额今年4月参加了育婴员培训，培训了20天，生活费交通费一天给多少").facts


def test_family_members_each_with_their_own_post():
    e = ex("来电人说她妈在千阳高崖镇村上干保洁的公益性岗位她爸是村里的劳动保障助理员两个都是农村公益性岗位问俩人一年下来补贴一共多少钱")
    assert sorted(f["post_type"] for _, f in e.case_groups) == ["农村公益性岗位-其它", "农村公益性岗位-劳动保障助理员"]


def test_a_business_had_before_in_another_place_makes_this_no_first_one():
    f = ex("我是兰西的 前些年在哈尔滨开过一个修车铺 后来黄了 去年过完年回屯里又开了个修车铺 个体户执照也办了").facts
    assert f.get("first_business") is False


def test_learning_the_trade_on_the_job_names_work_for_training():
    from policies.catalogue import load_catalogue
    assert load_catalogue().benefit_words["sh.work_for_training"].search("招了4个贫困户干活，一边干一边带着学手艺")


def test_an_agency_of_an_uncovered_place_placing_a_covered_places_poor_asks_under_their_document():
    e = ex("我们是西安的人力资源公司，跟安康几个县合作搞劳务输出，去年带了40个安康的贫困劳动力去江苏厂里。职业介绍补贴我们能拿不")
    assert e.place == "陕西省安康市" and e.facts.get("unit_location") == "外地"


def test_a_college_and_schooling_that_ended_before_it():
    assert "高校毕业生" in ex("我儿子去年6月宝鸡文理学院毕业，到现在没找到工作").categories
    assert "高校毕业生" in ex("我女儿26岁，初中毕业，在家闲着也没工作").not_categories
    assert "高校毕业生" not in ex("大儿子在技师学院毕业了").categories


def test_a_son_and_a_daughter_named_plainly_are_two_persons():
    from assistant.persons import _segments
    segs = _segments("问一下就业见习：我儿子去年6月宝鸡文理学院毕业，到现在没找到工作；我女儿26岁，初中毕业，在家闲着也没工作。")
    assert [label for label, _ in segs] == ["儿子", "女儿"]
    assert _segments("闺女在宝鸡技师学院上二年级，儿子在西安上大学本科。俩娃上学有啥补助没？") == []


def test_a_covered_county_typed_by_ear_inside_the_city_said_by_name():
    e = ex("我是千杨脱贫户 上个月去苏洲一个电子厂上班了 签了一年合同 从县上坐班车到宝鸡18块 宝鸡到苏州火车三百五十六 这能补啥")
    assert e.place == "陕西省宝鸡市千阳县" and e.work_place == "江苏省苏州市"
    assert e.facts.get("transport_cost") == 374        # one trip's two legs


def test_a_small_company_registered_and_anothers_shop():
    assert ex("去年腊月回来注册了个小公司做大米加工，到现在一直开着").facts.get("business_type") == "小微企业"
    assert "business_type" not in ex("说错了，那饭店执照是俺哥的名，俺就是帮着看店，俺自己这是头一回办执照").facts


def test_a_partner_gone_makes_one_borrower_and_the_business_goes_on():
    e = ex("不好意思说错了，来电人说表哥不干了，还是他自己一个人开")
    assert e.facts.get("borrower_type") == "个人" and "operating_normally" not in e.facts
    assert "business_type" in e.forget


def test_one_graduated_years_ago_is_no_final_year_student():
    f = ex("她又问，她侄子前年就从职业中专毕业了，也是咱县的低保户，当时没申请，现在还能补办不？").facts
    assert f.get("final_year_student") is False


def test_a_schools_next_startup_class_and_those_who_opened_a_shop():
    e = ex("那我们下个月再开一期创业培训班，20个人全是建档立卡的，要是全部培训合格，后面有5个真开了店，又能算多少")
    assert "first_business" not in e.facts          # 再开一期创业培训班 is another class, not a second business
    assert sorted(e.case_groups, key=lambda g: g[0]) == [(5, {"started_business_after_training": True}),
                                                         (15, {"started_business_after_training": False})]


def test_anothers_post_in_a_clause_of_the_same_sentence_is_not_the_speakers():
    # the speaker sweeps the road (其它岗位, 400元); the 劳动保障助理员 of the next village is compared with
    for t in ("来电群众是千阳张家塬镇的脱贫户，在村里干公益性岗位扫马路，说每个月补贴才400块，隔壁村干劳动保障助理员的一个月800，问为啥差这么多",
              "还有我爸在村里干公益岗扫路，一个月才给400，人家村上的劳动保障协理员一个月给800，是不是给我爸少发了？"):
        assert ex(t).facts["post_type"] == "农村公益性岗位-其它"
    assert ex("我在村上当劳动保障助理员，一个月给多少").facts["post_type"] == "农村公益性岗位-劳动保障助理员"


@pytest.mark.parametrize("text,at_school", [
    ("那二娃在县上念高中，明年考大学，也有这三千不", False),
    ("儿子今年初中毕业没考上高中，想去念技校", True),
    ("孩子不想念高中了，想出去打工", None),
])
def test_a_child_at_high_school_is_at_no_technical_school(text, at_school):
    assert ex(text).facts.get("in_technical_school") is at_school


def test_work_come_back_from_dates_no_job():
    f = ex("他也是在南方打工回来的 头一回创业 上个月刚注册了个公司").facts
    assert f.get("months_since_registration") == 1 and "months_since_employment" not in f and "employed" not in f


def test_one_time_named_in_a_benefit_is_no_second_claim():
    # "一次性求职补贴" names the benefit; "再报一次" is a second time
    assert "claim_again" not in ex("劳务公司已经给他报了职业介绍补贴，他还能不能再申请一次性求职补贴").facts
    assert ex("两口子十二月还要再去一趟，车票能不能再报一次").facts.get("claim_again") is True


@pytest.mark.parametrize("text, months", [
    # the months the hired people worked, not the farm's own months
    ("自己开了个家庭农场，雇了村里6个人常年干活，都干了一年半多了", 18),
    ("我们合作社从去年3月到现在一直用着5个建档立卡贫困户劳动力，都签了合同", 20),
])
def test_months_worked_by_the_people_a_unit_keeps(text, months):
    f = ex(text).facts
    assert f.get("months_employed") == months and "months_since_registration" not in f


def test_a_graduation_year_in_full_is_not_a_year_alone():
    f = ex("来电人是海南儋州的，2022年大学毕业，家里是低保贫困户").facts
    assert f.get("fresh_graduate") is False and f.get("graduation_window") is False


def test_a_secondary_school_left_a_year_ago_is_past_its_school_years_claim():
    assert ex("那他姐前年从职业中专毕业的，当时没申请").facts.get("final_year_student") is False


def test_a_start_up_planned_alone_is_one_persons_loan():
    f = ex("2022年大学毕业，家里是建档立卡户，现在想回村创业").facts
    assert f.get("borrower_type") == "个人"
    assert "borrower_type" not in ex("我们公司想扩大规模，招些贫困户").facts


def test_the_test_a_course_ends_with_is_the_first_not_a_second():
    assert ex("那烹调班结束还要考个中式烹调师的证，考证要俺掏钱不？").facts.get("first_appraisal") is True
    assert ex("那我明年还想考个焊工证 第二个证还有没有").facts.get("first_appraisal") is False


def test_work_injury_insurance_asked_of_is_not_the_contributions_subsidised():
    f = ex("工伤保险我们也交了，每人每月30块，能一起算进去补不").facts
    assert f.get("insurance_share_asked") == "工伤或生育保险" and "insurance_contributions" not in f


def test_a_sole_traders_loan_to_grow_is_the_persons_loan():
    from assistant.extract import extract
    ex = extract("我是平利县的建档立卡贫困户去年参加了县上办的创业培训拿到合格证了今年开春在镇上开了个农家乐营业执照也办了个体户"
                 "想问下培训补贴一共能拿多少另外还想贷点款扩大规模能贷多少利息咋算上哪办", [])
    assert ex.facts["business_type"] == "个体工商户" and ex.facts["borrower_type"] == "个人"
    company = extract("我们厂想扩大规模，打算贷500万", [])
    assert company.facts.get("borrower_type") == "小微企业"


def test_turned_away_with_also_is_not_at_work():
    from assistant.extract import extract
    assert extract("他又补充说自己56岁了，要是养蜂搞不成，外面厂里也不要他，还有啥路子", []).facts.get("employed") is False
