"""Facts said in passing that decide a benefit's status (eligible / not eligible / unknown), read as a hotline
operator with the source text open would read them. Sentences are our own, written from the documents' terms and
everyday speech."""
import datetime as dt

import pytest

from assistant.extract import extract

TODAY = dt.date(2026, 11, 30)


def ex(text):
    return extract(text, [], None, TODAY)


# ------------------------------------------------------------------------------------------------ where one works
def test_a_workplace_named_without_a_verb_is_where_one_works():
    e = ex("眉县的，在杭州服装厂，合同签了两年")
    assert e.work_place == "杭州"
    assert e.facts.get("employed") is True
    e = ex("俺娃在西安一家公司，签了一年合同")
    assert e.work_place == "西安" and e.facts.get("employed") is True


def test_an_employer_s_own_workplace_is_not_a_job():
    e = ex("我们在陇县开了个社区工厂，招了5个脱贫户")
    assert e.work_place is None and e.place and "陇县" in e.place
    assert "employed" not in ex("我们厂在千阳，有30个人").facts


# ------------------------------------------------------------------------------------------------ referrals
def test_a_free_referral_said_with_its_people_between():
    e = ex("我们职介所免费给登记失业的贫困劳动者介绍工作，有补贴吗")
    assert e.facts.get("registered_unemployed_referral") is True
    # the people referred were registered unemployed; the agency is not out of work
    assert "unemployed" not in e.facts and "employed" not in e.facts
    assert ex("我去年登记失业了").facts.get("unemployed") is True


# ------------------------------------------------------------------------------------------------ contracts
def test_an_employment_certificate_may_stand_for_the_contract():
    e = ex("在镇上面馆帮工，老板不签合同，能开个就业证明，行不行")
    assert "contract_months" not in e.facts
    assert ex("在镇上面馆帮工，老板不签合同").facts.get("contract_months") == 0


# ------------------------------------------------------------------------------------------------ training
def test_hours_of_another_course_are_not_the_course_asked_about():
    e = ex("问两个：IYB培训结业的一个人补多少；另外SYB班只排了50个课时行吗")
    assert e.facts.get("training_type") == "IYB"
    assert "training_hours" not in e.facts
    assert ex("我们SYB班只排了50个课时行吗").facts.get("training_hours") == 50


def test_a_training_certificate_is_not_an_appraisal_certificate():
    e = ex("培训结束发了个培训合格证，那个鉴定补贴咋没有")
    assert e.facts.get("got_qualification_certificate") is False
    assert ex("考了焊工证，鉴定补贴给不给").facts.get("got_qualification_certificate") is True


# ------------------------------------------------------------------------------------------------ who one is
def test_not_low_income_is_not_an_edge_household_either():
    e = ex("他不是贫困户也不是低收入户，就是普通打工的")
    assert {"脱贫劳动力", "农村低收入人口", "边缘户"} <= set(e.not_categories)


def test_a_school_leaver_is_not_a_college_graduate():
    e = ex("我闺女25岁，高中毕业后一直在家，能去见习不")
    assert "高校毕业生" in e.not_categories
    assert "高校毕业生" not in ex("我高中毕业后上了大专，前年毕业").not_categories


# ------------------------------------------------------------------------------------------------ dates
def test_a_month_said_without_its_year():
    e = ex("前年在外面打工，今年回来了，4月在村里办了执照开了个小超市")
    assert e.facts.get("months_since_registration") == 7
    assert ex("我10月份进的厂").facts.get("months_since_employment") == 1
    assert "months_since_registration" not in ex("干了三月就回来了").facts


def test_a_date_read_off_the_licence_is_the_registration():
    assert ex("我看了下执照，上面写的是去年11月").facts.get("months_since_registration") == 12


def test_a_job_started_said_as_shang_de_ban():
    e = ex("说错了，他去年八月是去学手艺，今年十月才去宁波上的班")
    assert e.facts.get("months_since_employment") == 1


# ------------------------------------------------------------------------------------------------ a business
def test_a_stall_without_a_licence_is_not_registered():
    assert ex("在街上摆摊卖烧饼两年了，没办执照，创业补贴能领不").facts.get("months_since_registration") == 0
    # a shop still planned is not yet registered, not never
    assert "months_since_registration" not in ex("想回老家开个网店，还没办执照，有啥扶持").facts


def test_a_farm_far_away_is_a_place_of_work():
    e = ex("前年在县上果品厂干了半年，去年又去内蒙古包头一个养殖场，签了两年合同")
    assert e.work_place and e.work_place.startswith("内蒙古")


def test_the_words_name_the_kind_of_employer_the_nlu_took_for_any_company():
    text = "我们是一家做香菇加工的农业企业，去年招了8个贫困劳动力"
    i = text.index("企业")
    e = extract(text, [{"entity": "employer_type", "value": "企业", "start": i, "end": i + 2}], None, TODAY)
    assert e.facts.get("employer_type") == "农业企业"
    e = extract("我在一家公司上班", [{"entity": "employer_type", "value": "企业", "start": 4, "end": 6}], None, TODAY)
    assert e.facts.get("employer_type") == "企业"


def test_registering_again_is_not_a_first_business():
    assert ex("我开过个体了，要是再注册个公司，还能拿那个一万的不").facts.get("first_business") is False
    assert ex("头一回创业，开了个小饭馆").facts.get("first_business") is True


def test_a_later_month_without_its_year_is_the_newer_job():
    e = ex("今年2月去山西工地干活，合同一年，8月又回来到县上社区工厂干，签了两年")
    assert e.facts.get("months_since_employment") == 3


# ------------------------------------------------------------------------------------------------ agencies
def test_an_agency_s_licence_and_registration():
    assert ex("我是个劳务经纪人，没注册公司，自己带了十几个脱贫户去摘棉花").facts.get("agency_licensed") is False
    assert ex("我是劳务经纪人，就我个人，冇得公司，带老乡出去做工").facts.get("agency_licensed") is False
    assert ex("我们搞了个劳务队，没有办营业执照，也没有人力资源服务许可证").facts.get("agency_licensed") is False
    assert ex("我们是有资质的劳务公司，介绍了10个贫困户").facts.get("agency_licensed") is True
    assert ex("我们是一家职介公司，免费介绍了3个脱贫户").facts.get("agency_licensed") is True
    # a broker who says nothing of a licence: unknown
    assert "agency_licensed" not in ex("我是农村劳务经纪人，介绍建档立卡贫困户出去务工有补贴吗").facts
    assert "agency_licensed" not in ex("没活干快一年了，去年12月办了执照开了个早餐店").facts


def test_an_agency_s_seasonal_group_says_its_own_job_and_months():
    e = ex("我们是有许可证的劳务公司，免费介绍了7个人，4个签了一年以上的合同，另外3个脱贫户去果园干了5个月季节工")
    assert e.facts.get("contract_months") == 12
    assert e.facts.get("seasonal_job") is True and e.facts.get("months_employed") == 5
    e = ex("我们职介公司免费介绍了10个人：6个脱贫户签了一年合同，4个脱贫户去果园摘苹果干了两个半月")
    assert e.facts.get("months_employed") == 2.5


def test_a_graduate_is_no_longer_in_the_final_year_at_school():
    e = ex("我是脱贫家庭的，今年7月从宝鸡一所大学毕业，在学校时没申请求职创业补贴")
    assert e.facts.get("final_year_student") is False
    assert ex("我明年毕业，现在大四").facts.get("final_year_student") is True
    # graduated, and nothing said of applying at school: the school year's window is past (超过规定时间的，不予办理);
    # one who claimed then says so
    assert ex("我闺女今年7月大学毕业了，求职创业补贴能领不").facts.get("final_year_student") is False


# ------------------------------------------------------------------------------------------------ received already
def test_a_benefit_already_received_this_year():
    assert "qy.cross_province_transport" in ex("今年已经领过一回跨省路费补助了，这回又去河南干活").received_this_year
    assert ex("他本人今年已经领了求职补贴，我们还能报职介补贴吗").received_this_year == ["qy.job_seeking"]
    # another year, not yet, or some of a group: not the person this year
    assert ex("前年领过一回求职补贴了 今年九月又换了个厂").received_this_year == []
    assert ex("今年还没领过求职补贴").received_this_year == []
    assert ex("这12个里头有3个今年已经领过求职补贴了").received_this_year == []


def test_a_job_that_ended_after_two_months_was_no_contract_of_a_year():
    e = ex("我们劳务公司免费介绍一个脱贫户去建筑队，他干了两个月就不干了，职介补贴能报吗")
    assert e.facts.get("contract_months") == 2
    # a contract said decides: it is not replaced by the months worked
    assert ex("签了一年合同，干了三个月就走了").facts.get("contract_months") == 12


def test_the_time_a_social_insurance_subsidy_has_been_had():
    e = ex("我们厂几个建档立卡员工的社保返还已经领满3年了，今年为啥不给返了")
    assert e.facts.get("insurance_subsidy_months_received") == 36
    assert "months_employed" not in e.facts
    # the year it began said between ("社保补贴从2018年起已经领满三年了")
    assert ex("社保补贴从2018年起已经领满三年了 问第四年还能不能继续领").facts.get("insurance_subsidy_months_received") == 36


def test_a_season_s_work_is_no_contract_of_a_year():
    e = ex("脱贫户，去新疆摘了三个月棉花，路费花了600，求职补贴有没有")
    assert e.facts.get("months_employed") == 3 and e.facts.get("contract_months") == 3
    assert ex("去果园摘了两个月苹果，签了一年合同").facts.get("contract_months") == 12


def test_a_school_leaver_not_gone_on_is_a_two_after_student():
    assert ex("我今年18，去年高中毕业没考上大学，一直在家").facts.get("two_after_student") is True
    assert ex("孙子16岁，今年初中毕业在家待着，想念技校").facts.get("two_after_student") is True
    assert ex("闺女在读大学，家里建档立卡").facts.get("two_after_student") is False
    # dialect negation (冒/冇 for 没) and "读完" for 毕业
    assert ex("我伢子今年十七岁，初中读完冒考上高中，想送他去读技校").facts.get("two_after_student") is True
    assert ex("崽今年初中毕业冇考上高中，想送他去读技工学校").facts.get("two_after_student") is True
    assert ex("我考上高中了").facts.get("two_after_student") is False
    # a grown-up who wants to learn a trade at a technical school: nothing said of school
    assert "two_after_student" not in ex("我是建档立卡户，想去技工学校学电焊，收费不").facts


def test_months_out_of_work():
    assert ex("我是低收入户，没活干快一年了，去年12月开了个早餐店").facts.get("months_unemployed") == 12
    assert "months_unemployed" not in ex("失业保险交了两年").facts


# ------------------------------------------------------------------------------------------------ social insurance
def test_insurance_never_stopped_or_owed_is_paid():
    for text in ("社保从来没有断缴", "没有拖欠社保", "工资社保都没拖过", "养老医疗失业都给交了，不欠", "失业、医疗都交了"):
        assert ex(text).facts.get("insurance_paid") is True, text
    for text in ("社保没交", "社保还没交", "没给他们交社保"):
        assert ex(text).facts.get("insurance_paid") is False, text


def test_unemployment_insurance_named_in_a_list_is_not_being_out_of_work():
    assert "unemployed" not in ex("养老医疗失业都给交了").facts
    assert "unemployed" not in ex("交了失业、医疗保险").facts
    assert ex("我失业了").facts.get("unemployed") is True


def test_work_for_training_not_had_before_said_after_its_name():
    for text in ("以工代训的补贴我们还没享受过", "以工代训以前没申请过", "没享受过以工代训"):
        assert ex(text).facts.get("had_work_for_training_before") is False, text
    assert ex("享受过以工代训了").facts.get("had_work_for_training_before") is True


# ------------------------------------------------------------------------------------------------ a job come back from
def test_a_job_of_an_earlier_year_come_back_from_is_not_the_work_now():
    e = ex("前年在外省干过活，今年回来了，3月在镇上办了执照开了个农资店")
    assert "work_scope" not in e.facts and "employed" not in e.facts
    assert e.facts.get("months_since_registration") == 8
    # a job taken after coming back is work now
    assert ex("去年在江苏打工，今年回来了，回来后在镇上厂里上班").facts.get("employed") is True
    assert ex("我在外省打工").facts.get("work_scope") == "跨省"


def test_not_found_a_job_yet_is_out_of_work_and_now_is_not_a_place_of_work():
    for text in ("她儿子去年大专毕业，到现在一直没找上工作", "一直没找着活", "还没找到工作"):
        f = ex(text).facts
        assert f.get("unemployed") is True and f.get("employed") is False, text
    assert ex("现在在厂里上班").facts.get("employed") is True


def test_the_personal_share_of_insurance_asked_about_is_not_insurance_paid_by_oneself():
    assert "insurance_paid" not in ex("社保补贴是怎么算的？他们个人交的那部分也能补吗").facts
    assert ex("社保是我自己交的").facts.get("insurance_paid") is False


# ------------------------------------------------------------------------------------------------ businesses
def test_a_business_of_earlier_years_makes_this_one_not_the_first():
    f = ex("我是北林区的贫困户，前几年开过一个五金店干黄了，今年年初又办执照开了个烧烤店，开了10个月了").facts
    assert f.get("first_business") is False and f.get("months_since_registration") == 10
    # the earlier one closed; the one running now is not said to have closed
    assert "operating_normally" not in f


def test_another_business_said_to_be_the_first_in_ones_name_is_the_first():
    assert ex("她想自个儿名下再开个小饭店，也是头一回").facts.get("first_business") is True
    assert ex("想再开个小饭店").facts.get("first_business") is False


def test_a_business_opened_this_year_and_run_for_months_is_dated_by_the_months():
    f = ex("今年又在镇上开了个五金店，个体的，正常干了7个月了").facts
    assert f.get("months_since_registration") == 7 and f.get("operating_normally") is True
    # a business that ran some months and closed: those months are not the time since registration
    f = ex("我去年开了个小超市，干了五个月就关门了").facts
    assert f.get("operating_normally") is False and f.get("months_since_registration") != 5


# ------------------------------------------------------------------------------------------------ whose place
def test_where_a_units_people_are_from_is_not_the_units_place():
    e = extract("哦我搞混了，那4个是我们湖南衡阳的，江西那几个是另一批临时工。", [], "湖南省郴州市", TODAY)
    assert e.place is None and e.people_from == "湖南省衡阳市"


def test_a_benefits_name_is_not_where_one_works_or_who_one_is():
    e = ex("额是千阳崔家头的脱贫户，这个月刚到宝鸡市里一个物流园上班，签了一年。路费花了四十来块，那个跨省交通补助额能领不？")
    assert "work_scope" not in e.facts and e.work_place == "宝鸡"
    # the NLU's 跨省 inside the benefit's name neither
    t = "那个跨省交通补助额能领不？"
    assert "work_scope" not in extract(t, [{"entity": "work_destination", "value": "跨省", "start": 2, "end": 4}], None,
                                       TODAY).facts
    e = ex("我们是儋州的一家物流公司，招了3个城里的低保户，不是建档立卡的，社保我们也交了。听说吸纳贫困人口社保能返还，这3个能不能算？")
    assert e.categories == ["低保家庭"] and "脱贫劳动力" in e.not_categories


def test_a_place_said_not_to_be_it_and_the_whole_name_of_a_place_of_work():
    e = extract("哎说岔咧，额是到甘肃平凉的物流园，不是宝鸡。车票二百六。", [], "陕西省宝鸡市千阳县崔家头镇", TODAY)
    assert e.place is None and e.work_place == "甘肃平凉"
    assert extract("我不是千阳的，是陇县的", [], None, TODAY).place == "陕西省宝鸡市陇县"


def test_home_said_as_we_are_beats_a_covered_place_named_later():
    e = ex("我们是广东湛江徐闻的 坐船就到海口了 家里以前是建档立卡贫困户 女儿在广州读技师学院 海南那边说一年补三千左右 我们广东这边补多少")
    assert e.place in ("广东省", "广东省湛江市")      # (湛江, named short before its county: the city)


def test_a_date_belongs_to_the_event_of_its_own_clause():
    f = ex("我前些年在西安打工，前年8月回千阳沙坝镇开了个农家乐，个体户执照就是那时候办的，一直开着到现在").facts
    assert f.get("months_since_registration") == 27 and "months_since_employment" not in f and "employed" not in f


def test_a_high_school_is_not_a_technical_school():
    assert extract("哦不对，他读的是县里的职业高中，不是技校。", [], None, TODAY).facts.get("in_technical_school") is False
    assert extract("他妹妹在县中学念高一，普通高中，也能有这3000不？", [], None, TODAY).facts.get("in_technical_school") is False
    assert extract("初中毕业没考上高中，想去念技校", [], None, TODAY).facts.get("in_technical_school") is True


def test_a_worker_from_a_place_no_document_covers_asking_for_travel_money_is_not_answered_from_the_place_of_work():
    from assistant.state import State
    from assistant.turn import policy_turn
    s = State()
    t = policy_turn(s, "ask_transport", "我是湖北恩施来凤的，也是建档立卡户，想去长沙打工，有路费补助冇？", [], TODAY)
    assert not t.decision.stated and "暂未收录湖北省" in t.replies[-1].text


def test_a_month_without_a_year_is_the_last_such_month():
    f = extract("今年五月参加了SYB创业培训，拿了合格证，八月份办了执照开了个农资店", [], None, TODAY).facts
    assert f["months_since_registration"] == 3
    # a space ends a clause in voice input: the date is the registration's, not the earlier job's
    f = extract("以前一直在广东东莞打工 去年五月回来办了营业执照开了个凉皮店 到现在一直开着", [], None, TODAY).facts
    assert f["months_since_registration"] == 18


def test_some_of_a_units_people_insured_are_the_ones_counted():
    e = extract("我们是文昌的一个椰子加工厂 今年招了8个建档立卡户 有几个没交社保 就交了3个 听说社保可以返", [], None, TODAY)
    assert e.facts["insurance_paid"] is True and e.counted_not["hi.social_insurance_refund"] == [5.0, "没交社保"]


def test_a_graduate_of_last_year_from_an_er_ben_at_home_since():
    e = extract("我是千阳的脱贫户 去年六月份从西安一个二本毕业的 学会计 考公没考上 一直在屋里", [], None, TODAY)
    assert "高校毕业生" in e.categories and e.facts["graduation_window"] is True
    assert e.facts["final_year_student"] is False and e.facts["unemployed"] is True
    assert "unemployed" not in extract("一直在家里种地", [], None, TODAY).facts


def test_the_longer_reading_of_an_amount_wins_over_the_nlus_shorter_one():
    text = "厂房一年租金6万，水电一年大概1万8。"
    s = text.index("1万8")
    ents = [{"entity": "money", "value": "1万", "start": s, "end": s + 2}]
    assert extract(text, ents, None, TODAY).facts["rent_utilities_cost"] == 78000


def test_a_factory_that_borrows_is_a_company_borrower():
    assert extract("年底想添几台机器扩大生产，厂子这种能贷多少款？", [], None, TODAY).facts.get("borrower_type") == "小微企业"


def test_heard_of_categories_work_found_in_a_park_and_a_dated_day():
    e = extract("我是千阳高崖镇的，我家没评上脱贫户，是村上说的那种监测户、边缘户。八月份在宝鸡市区物流园找了个分拣的活，"
                "签了一年合同。听说脱贫户找到工作给500块，我这种能领不？", [], None, TODAY)
    assert e.categories == ["边缘户"] and "脱贫劳动力" in e.not_categories
    assert e.work_place == "宝鸡" and e.facts["months_since_employment"] == 3
    f = extract("在大连干了七年装修，今年五月初回来了，5月8号办的个体户执照开了个烧烤店", [], None, TODAY).facts
    assert f["months_since_registration"] == 6


def test_a_span_of_months_is_its_length_and_interns_taken_on_are_counted():
    f = extract("今年7月到10月，收了6个脱贫户来社里干活，边干边教修剪嫁接，算是以工代训", [], None, TODAY).facts
    assert f["training_months"] == 4
    f = extract("我们是就业见习基地。今年7月接了4个贫困家庭的大学毕业生来见习，到现在快5个月了", [], None, TODAY).facts
    assert f["intern_count"] == 4 and f["internship_months"] == 5


def test_months_a_master_teaches_on_the_job_are_the_months_of_work_for_training():
    f = extract("收了5个脱贫户来场里干活，让技术员带着边干边教，打算带4个月", [], None, TODAY).facts
    assert f["training_months"] == 4 and f["new_hires"] == 5
    assert extract("要是带满6个月呢", [], None, TODAY).facts == {"training_months": 6}
    f = extract("带了20个人干了3个月", [], None, TODAY).facts       # people led: not teaching months
    assert "training_months" not in f and f["months_employed"] == 3


def test_a_processor_of_farm_produce_is_an_agricultural_enterprise():
    assert extract("我们是庆安县一家大米加工企业", [], None, TODAY).facts["employer_type"] == "农业企业"
    assert extract("我们是一家电子加工厂", [], None, TODAY).facts["employer_type"] == "企业"


def test_a_rules_time_is_not_how_long_anything_lasted():
    f = extract("今年五月参加了SYB创业培训，八月份办了执照开了个农资店。老师说培训完半年内开店的给2500", [], None, TODAY).facts
    assert f["months_since_registration"] == 3


def test_a_business_started_on_coming_back_from_work_elsewhere_is_dated_by_the_return():
    f = extract("对了，俺这农场是五年前从北京打工回来办的，注册的个体工商户，头一回自己干，一直开到现在。", [], None, TODAY).facts
    assert f["months_since_registration"] == 60 and "months_since_employment" not in f


def test_a_loan_named_by_its_most_is_not_the_sum_wanted():
    f = extract("那个10万块全额贴息的创业贷款他能贷不？合作社要是再贷那个300万的小微企业贷款，两个能一起贷不嘛？", [], None, TODAY).facts
    assert "loan_wanted" not in f
    assert extract("我想贷十五万开店", [], None, TODAY).facts["loan_wanted"] == 150000


def test_a_benefit_an_agency_already_claimed_for_the_person_is_had_this_year():
    e = extract("我是千阳的脱贫户，上个月经县上一个劳务公司介绍去西安工地上班了，签了一年合同。他们说已经拿我报了职业介绍补贴，"
                "那我自己那个500的求职补贴还能再报不", [], None, TODAY)
    assert "qy.job_referral" in e.received_this_year


def test_a_work_for_training_done_before_is_had_before():
    e = extract("我前年在县上社区工厂也搞过一回以工代训", [], None, TODAY)
    assert e.facts.get("had_work_for_training_before") is True


@pytest.mark.parametrize("text, age", [
    ("我千阳草碧的，今年25咧，在宝鸡上的中专", 25),        # a dialect particle after the age
    ("哎说错了 25是虚岁 我周岁才23", 23),                   # the age by the calendar, said after the other
])
def test_an_age_said_in_speech(text, age):
    assert extract(text, [], None, TODAY).facts.get("age") == age


def test_who_speaks_is_no_head_count_and_no_one_taking_them_on_is_out_of_work():
    f = extract("我一个男的 今年58了 那个 郴州汝城的 建档立卡户 身体还硬朗想做事 出去打工 厂里嫌我年纪大冇人要", [], None, TODAY).facts
    assert "new_hires" not in f and "hired_poor_count" not in f and f.get("unemployed") is True


def test_at_home_doing_nothing_is_out_of_work_and_a_tea_course_is_a_skills_training():
    assert extract("培训前在家里没做事", [], None, TODAY).facts.get("employed") is False
    assert extract("今年在县里参加了10天茶艺培训", [], None, TODAY).facts.get("training_type") == "就业技能培训"


def test_graduated_this_year_and_the_school_never_said_is_past_the_school_years_claim():
    f = extract("我女子今年7月从千阳县职业中专毕业了，咱屋是脱贫户，听人说中专毕业有1000块钱求职创业补贴，学校也没给说过，现在去人社局还能领不",
                [], None, TODAY).facts
    assert f.get("final_year_student") is False


@pytest.mark.parametrize("text, share", [
    ("我乐冬的建档立卡户，在澄迈一个厂做工，厂里每个月扣我社保300块。听讲贫困户的社保政府给返，返给我无？", "个人缴纳部分"),
    ("厂里每个月从我工资里扣社保320块，听说贫困户社保有补贴，我扣的这320能退给我啵？", "个人缴纳部分"),
    ("那厂里自己交的那块呢，养老医疗失业三样厂里一个月给我交680", "单位缴纳部分"),
    # the unit pays too: the question is the refund itself, not only the own share
    ("酒店给我交社保，我工资里每个月也扣三百多。听讲社保可以返还，是返给我吗？我扣的那三百多能退不", None),
    ("厂里说给我交的社保能返，是返给我吗？", None),
])
def test_which_share_of_the_insurance_is_asked(text, share):
    assert extract(text, [], None, TODAY).facts.get("insurance_share_asked") == share


@pytest.mark.parametrize("text, cats, nots", [
    # a category in what was heard ("听讲…", dialect) or spoken of in general ("只给贫困户") is not who the person is
    ("我是少阳县的，屋里不是贫困户，就是一般的农户。听讲贫困户学手艺每天有20块生活费，我咯样的有冇得？", [], ["脱贫劳动力"]),
    ("为么子只给贫困户咯？我屋里也冇几个钱", [], []),
    ("我是贫困户，听讲贫困户有补贴", ["脱贫劳动力"], []),
    # a university by its short name ("海师大毕业", "陕师大")
    ("我今年6月海师大毕业，家里是低保户", ["高校毕业生", "低保家庭"], []),
])
def test_categories_heard_of_or_in_general_and_short_university_names(text, cats, nots):
    e = extract(text, [], None, TODAY)
    assert sorted(e.categories) == sorted(cats) and e.not_categories == nots


def test_a_job_dated_by_the_lunar_month_and_a_school_application_missed():
    # (去年腊月 on 2026-11-30 is the twelfth lunar month of 2025: 2026-01-19 to 2026-02-16, its middle in February)
    f = ex("额是千阳草碑镇的脱贫户，去年腊月进的村上社区工厂，签了一年合同。").facts
    assert f.get("months_since_employment") == 9
    f = ex("我是千阳职教中心（职业中专）今年六月毕业的，家里是低保户。学校当时收材料我没交，现在补交还行不？").facts
    assert f.get("final_year_student") is False


def test_an_age_said_in_words_without_sui():
    assert ex("我儿子今年二十二，初中毕业就在外面瞎混").facts.get("age") == 22
    assert "age" not in ex("他们十个人都去了").facts


def test_a_length_not_reached_is_no_length():
    for text in ("那厂里招我进来 厂里是不是有钱拿 我还冇满一年", "我还没满一年", "不满半年就走了"):
        assert "months_employed" not in ex(text).facts, text
    assert ex("干满一年了").facts.get("months_employed") == 12


def test_a_job_taken_after_coming_back_is_dated_from_the_coming_back():
    f = extract("那个 我是 耒阳的 建档立卡户 嗯 前年腊月去的东莞 做了十个月 然后去年十月回来的 在耒阳 一个 就业扶贫车间 做 "
                "签了 两年的合同", [], None, TODAY).facts
    assert f["months_employed"] == 13 and f["work_scope"] == "本县"


def test_a_kind_of_unit_named_to_compare_with_is_not_the_units():
    assert "employer_type" not in extract("这钱在哪报、啥时候报？跟社区工厂一样吗？", [], None, TODAY).facts
    assert extract("我们是社区工厂，跟扶贫车间一样吗", [], None, TODAY).facts["employer_type"] == "社区工厂"


def test_a_question_about_the_provinces_award_says_no_award_was_had():
    assert "provincial_model_unit" not in extract("我们厂是华容县挂了牌的就业扶贫基地。想问两件事：一是听说省里评那个什么爱心单位能奖10万，"
                                                  "要怎么评、找哪个报？", [], None, TODAY).facts
    assert extract("我们去年被评为省里的爱心单位了", [], None, TODAY).facts["provincial_model_unit"] is True


# ------------------------------------------------------------------------------------------------ cases left open
@pytest.mark.parametrize("text, fact, value", [
    # a trip organised with a hired bus
    ("去的时候县里统一包的大巴车，没花钱", "organized_trip", True),
    ("我们上个礼拜包了一台大巴，把45个建档立卡户送到义乌", "organized_trip", True),
    ("他们厂派大巴到邵东接了26个工人", "organized_trip", True),
    ("自己坐高铁去的，车票480", "organized_trip", None),
    ("厂里包吃住", "organized_trip", None),
    # a loan had before
    ("2019年办过创业贷款贷了8万，前年已经还清了，现在想再贷一次", "loan_before", True),
    ("之前贷过一回，今年想扩大", "loan_before", True),
    ("我们以前没贷过款", "loan_before", False),
    ("去年3月开了个粉店，贷了5万的创业担保贷款，利息是不是全免", "loan_before", None),
    # a business that will not be registered; not yet is not never
    ("养鸡要是不办执照，就在自家院里养，那5000还给不", "business_registered", False),
    ("想回青冈老家开网店卖小米，还没办执照", "business_registered", None),
    # another agency claiming for the same persons
    ("另一个经纪人老刘也跟着一起带的这批人，他讲他也要报。这9个人我们两个是不是都可以各报一次", "another_claimant", True),
    ("路费补助我俩都能报不 各报多少", "another_claimant", None),
    # a second claim of a once-a-year benefit, not a second trip alone
    ("两口子十二月还要回来一趟再去，第二趟的车票能不能再报一回", "claim_again", True),
    ("今年第二次出去打工，交通补助能报吗", "claim_again", None),
    # a fare per person is a fare
    ("路费一个人四百八，问两口子能领啥", "transport_cost", 480.0),
    # 以工代训 had before, in another unit
    ("我前年在县上一个厂里也让报过一回以工代训，这回还能报不", "had_work_for_training_before", True),
])
def test_cases_the_texts_leave_open_are_read_when_said(text, fact, value):
    assert ex(text).facts.get(fact) == value if isinstance(value, float) else ex(text).facts.get(fact) is value


def test_the_licence_of_an_agency_that_placed_a_worker_is_not_known_to_his_family():
    assert "agency_licensed" not in ex("我爸去年被县里一个劳务公司介绍到浙江厂里，那个公司说能拿政府200块").facts
    # the agency speaking of itself is a registered company
    assert ex("我们是汉滨区一家人力资源公司，免费给贫困劳动者介绍工作").facts.get("agency_licensed") is True



def test_another_person_and_the_group_named_again_are_no_head_counts():
    e = ex("另一个经纪人老刘也跟着一起带的这批人，他讲他也要报。这9个人我们两个是不是都可以各报一次")
    assert "referred_count" not in e.facts and "new_hires" not in e.facts
    assert ex("我们带了12个建档立卡的去东莞").facts.get("referred_count") == 12


# ------------------------------------------------------------------------------------------------ a business to come
def test_a_business_still_to_come_is_planned_and_one_running_is_not():
    assert ex("我是脱贫户，打算在镇上开个卖农资的小店，开起来以后能补多少").facts.get("business_planned") is True
    assert ex("媳妇想回村里办个养鸡的个体户，执照还没办").facts.get("business_planned") is True
    assert ex("要是我不出去打工了 在家注册个小公司 有没有补贴").facts.get("business_planned") is True
    e = ex("前年十月在村里开了个小超市，执照办了一年多了")
    assert e.facts.get("business_planned") is False
    # a second shop planned beside one that runs: the running one is the person's business
    assert ex("开了个面馆，还想再开个分店").facts.get("business_planned") is False
    assert "business_planned" not in ex("我是千阳的脱贫户，在县上厂里上班").facts


# ------------------------------------------------------------------------------------------------ a course's test
def test_a_failed_test_is_no_certificate_and_a_resit_that_passes_is_one_on_its_way():
    assert ex("我侄子参加了SYB创业培训，结业考试没过").facts.get("training_certificate") is False
    assert ex("她上的电工班，考核没考过").facts.get("training_certificate") is False
    assert ex("等下个月补考要是过了呢").facts.get("training_certificate") is True
    assert ex("那天病了没去考，只能等补考").facts.get("training_certificate") is False


# ------------------------------------------------------------------------------------------------ a first business
def test_a_business_had_in_a_year_named_or_a_shop_opened_again_is_not_the_first():
    assert ex("我2018年在镇上开过一个修车铺，后来关了，今年又开了个五金店").facts.get("first_business") is False
    assert ex("早年办过个体执照，卖过衣服，现在回村开了个农家乐").facts.get("first_business") is False
    assert ex("去年回来又开了个小吃部，执照也办了").facts.get("first_business") is False
    assert ex("这是头一回开店，去年办的执照").facts.get("first_business") is True


# ------------------------------------------------------------------------------------------------ places
def test_a_town_of_hanbin_names_its_district():
    assert ex("我是关庙的，建档立卡户").place.endswith("汉滨区关庙镇")


def test_a_date_set_aside_as_another_job_s_is_not_this_one_s():
    e = ex("说错了，他是今年5月才进厂的，去年那个是别的厂的事")
    assert e.facts.get("months_since_employment") == 6, e.facts


def test_both_groups_of_new_hires_said_anew_in_a_correction():
    e = extract("说错了 脱贫的是80个 低收入的是20个", [], "陕西省宝鸡市千阳县", TODAY, hiring=True)
    assert (e.facts.get("hired_poor_count"), e.facts.get("new_hires")) == (80, 100), e.facts


def test_a_relative_s_post_gives_way_to_the_speaker_s_own():
    e = ex("她是千阳的脱贫户，村上让她干村里的护林公益岗，问一个月多少钱；她嫂子在村里当劳动保障助理员，问是不是一样多")
    assert e.facts.get("post_type") == "农村公益性岗位-其它"


def test_a_sleeper_fare_and_a_short_job_s_length():
    e = ex("她在隔壁厂干临时工 说好干到过年就回 也就三个月 她买的卧铺票四百八")
    assert e.facts.get("transport_cost") == 480 and e.facts.get("contract_months") == 3, e.facts


def test_a_school_leaver_of_an_earlier_year_is_not_this_year_s():
    assert ex("我是海伦的，去年初中毕业就在家待着").facts.get("fresh_graduate") is False
    assert ex("俺娃今年刚初中毕业").facts.get("fresh_graduate") is True


def test_the_case_asked_about_is_the_case_answered():
    # "要是…找不到工作，能去见习不": the question is about being out of work
    assert ex("他明年中专毕业，要是找不到工作，能去单位见习不").facts.get("unemployed") is True


def test_the_age_of_kin_said_after_them():
    from assistant.extract import extract
    e = extract("那我表哥呢 26了 初中毕业 一直在家闲着 他能去见习不", [], None, dt.date(2026, 11, 30))
    assert e.facts["age"] == 26


@pytest.mark.parametrize("text, first", [
    ("上个月参加了二十天的电焊工培训 还考了个焊工的职业资格证 考证的钱能报不", None),   # also took it: the first
    ("我焊工证已经有了，明年还想考个电工证", False),                                  # a retake planned
])
def test_a_certificate_taken_too_is_no_retake(text, first):
    assert extract(text, [], None, dt.date(2026, 11, 30)).facts.get("first_appraisal") is first


def test_an_age_is_no_date_and_a_job_not_found_or_planned_is_no_job():
    e = ex("侄子到现在一直没找到工作，今年二十三岁，想去县上参加就业见习")
    assert e.facts.get("age") == 23
    assert "months_since_employment" not in e.facts and "months_employed" not in e.facts
    assert "months_since_employment" not in ex("今年二十三岁，想去县上上班").facts
    assert ex("今年三月去县上上班了").facts.get("months_since_employment") is not None
    # the age now, said after next year's ("过完年就二十五了，现在是二十四")
    assert ex("她说记错了，侄子过完年就二十五了，现在是二十四").facts.get("age") == 24


def test_each_times_months_listed_count_the_times_of_a_season():
    e = ex("今年给同一个脱贫户免费介绍了三回季节性的活：采茶三个半月、果园四个月、冬天蔬菜大棚四个月")
    assert e.facts.get("times_this_year") == 3 and e.facts.get("months_employed") == 3.5
    # a time short of a season's three months is not one of them
    e = ex("今年给同一个脱贫户免费介绍了三回季节性的活：采茶两个月、果园四个月、大棚四个月")
    assert e.facts.get("times_this_year") == 2 and e.facts.get("months_employed") == 4


@pytest.mark.parametrize("text", ["明年6月毕业的这届学生，都在积极找工作", "他在宝鸡找工作呢"])
def test_looking_for_work_is_not_work(text):
    assert extract(text, [], None, TODAY).facts.get("employed") is None


def test_a_graduation_last_summer_from_a_college_by_its_short_name():
    # "去年夏天从杨凌职院毕业的，大专": graduated last year (毕业2年内, not 应届, no longer in the final year), a 高校毕业生;
    # and 年夏 of 去年夏天 is not 宁夏
    got = extract("我儿子去年夏天从杨凌职院毕业的，大专，到现在还没找下工作", [], None, TODAY)
    assert got.place is None
    assert "高校毕业生" in got.categories
    assert got.facts.get("graduation_window") is True and got.facts.get("fresh_graduate") is False
    assert got.facts.get("final_year_student") is False


@pytest.mark.parametrize("text, village, collateral", [
    ("我们村去年评上信用村了，我屋里有林权证能不能拿去抵押", True, True),
    ("俺们都冇得啥子抵押的，房子也是老房子", None, False),
    ("俺们村不是那个信用村，屋里有几亩承包地", False, True),
    ("俺们冇得担保人，贷款咋弄", None, None),
])
def test_the_ways_of_securing_a_loan(text, village, collateral):
    # 安康 二、（三）9: a recognised 信用乡村's recommendation, or a rural property to mortgage
    f = extract(text, [], None, TODAY).facts
    assert f.get("credit_village") is village and f.get("rural_collateral") is collateral


def test_the_collateral_measure_is_open_until_either_way_is_said():
    from policies import Profile, evaluate
    def status(**facts):
        p = Profile.from_facts(dict(category=["脱贫劳动力"], **facts))
        return next(r.status for r in evaluate(p, "陕西省安康市汉滨区", as_of=TODAY).results
                    if r.benefit.id == "ak.startup_loan_collateral")
    assert status() == "unknown"
    assert status(credit_village=True) == "eligible"
    assert status(credit_village=False, rural_collateral=True) == "eligible"
    assert status(credit_village=False, rural_collateral=False) == "ineligible"


@pytest.mark.parametrize("text", ["想跟两个老乡伙起在镇上开个修脚店", "跟表哥打伙开个饭馆"])
def test_going_in_together_in_dialect_is_a_partnership(text):
    f = extract(text, [], None, TODAY).facts
    assert f.get("business_type") == "合伙创业" and f.get("borrower_type") == "合伙"
