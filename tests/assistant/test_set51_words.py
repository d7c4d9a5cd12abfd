"""Held-out sets 50 and 51's words: hires who left and were replaced, a course in weeks, a claim asked after its time, a
household named loosely, a unit's share of insurance asked beside the worker's, hires added at a base, work from a date
until now, trainees who missed days, interns by spans of months, an agency's batches, a date of birth, two children at
two schools."""
from assistant.extract import extract
from assistant.state import State
from policies.normalize import plain_digits

from .talk import TODAY, card, say


def _text(t):
    return "\n".join(r.text for r in t.replies)


_REPLACED = ("你好 我们是张家塬镇一个做手套的社区工厂 今年五月份县上才给认定下来 厂里现在一共30个工人 脱贫户占三分之一多点 11个 "
             "都是认定以后招的 都签了一年的合同 本来还招过两个脱贫户没签合同干了俩月就走了 后来又补了俩进来签了一年 "
             "这11个里头就包括补进来这俩 厂房租金一年两万四 水电一年六千左右 想问岗位补贴能拿多少 房租水电能补多少")


def test_hires_who_left_and_were_replaced_are_no_hires_of_the_count():
    e = extract(_REPLACED, [], "陕西省宝鸡市千阳县", TODAY)
    assert e.facts["new_hires"] == 11 and e.facts["contract_months"] == 12
    assert e.facts["labor_contract_signed"] is True       # the "没签合同" was of the two who left
    t = say(State(), "ask_factory_job", _REPLACED)
    assert card(t, "qy.community_factory_post").amount.value == 11000


def test_a_course_in_weeks_is_counted_by_its_days_less_those_missed():
    assert plain_digits("整整两个礼拜 礼拜六礼拜天也上课") == "整整14天 礼拜六礼拜天也上课"
    assert plain_digits("18周岁，上礼拜去的，一周三次课") == "18周岁，上礼拜去的，一周三次课"
    s = State()
    t = say(s, "ask_training_allowance", plain_digits(
        "我是隆回县的，屋里是建档立卡贫困户。我崽今年五月份参加了县里搞的挖机就业前技能培训，两个礼拜，天天都上课冇得休息，"
        "中间他请了两天假回屋里插秧。培训期间的生活费和来回路费能补好多钱？"))
    assert s.facts["training_days"] == 12
    assert card(t, "hn.training_living_allowance").amount.value == 240


def test_a_claim_asked_after_its_time_is_the_offices_to_say_where_the_text_sets_no_final_date():
    s = State()
    say(s, "ask_training_allowance", "我是隆回县的建档立卡贫困户，今年五月参加了就业前技能培训，一共12天。生活费能补多少")
    t = say(s, "ask_validity", "那个时候冇人跟我们讲有这个钱，现在都十二月了，过期了还能补办不？要找哪个？")
    r = card(t, "hn.training_living_allowance")
    assert r.status == "unknown" and r.amount.value == 240
    assert "没写申请期限" in _text(t)
    t = say(s, None, "那这个补贴是给我崽本人的吧")
    assert card(t, "hn.training_living_allowance").status == "eligible"      # a question of that message only
    # (a final date the text sets decides it: the 求职补贴 within 6 months of the job)
    s = State()
    t = say(s, None, "俺是千阳县的脱贫户，上个月去江苏昆山电子厂上班了，签的一年合同。要是过了年再交，还能补办不？")
    assert card(t, "qy.job_seeking").status == "eligible"
    # (the document's end is no late claim)
    assert "late_claim" not in extract("文件过期了还能领吗", [], None, TODAY).facts


def test_a_household_named_loosely_leaves_its_register_to_be_said():
    s = State()
    t = say(s, None, "来电人是琼中县的，说家里“有扶贫卡”，女儿今年七月大学毕业，想回镇上开个奶茶店。问有啥创业补贴，能贷多少款。")
    assert card(t, "hi.graduate_startup_subsidy").status == "unknown"
    assert card(t, "hi.startup_loan").status == "unknown"
    t = say(s, "correct", "问清楚了，是低保户，没有建档立卡。")
    assert card(t, "hi.graduate_startup_subsidy").status == "eligible"
    assert card(t, "hi.startup_loan").status == "ineligible"


def test_a_units_share_asked_with_the_workers_own_is_the_units_refund():
    t = say(State(), "ask_employer_subsidy", "来电人说他们厂在海口，做椰子食品加工的，今年招了6个建档立卡贫困户，都签了合同，厂里给他们交了社保。"
                                             "问厂里给这几个人交的社保能不能返，能返几年，个人交的那部分返不返")
    assert card(t, "hi.social_insurance_refund").status == "eligible"


def test_hires_added_at_a_base_count_as_its_new_hires():
    s = State()
    say(s, None, "俺们是千阳县上认定的就业帮扶基地，今年新招了9个人，6个脱贫户、3个村里的低收入户，都签了一年以上的劳务协议。"
                 "那个一次性就业奖补说是一个人2000，俺们能拿多少？")
    t = say(s, "correct", "哎说错了，刚翻了花名册，漏了一个，是10个：脱贫户6个，低收入户4个")
    assert card(t, "qy.employment_base_award").amount.value == 20000
    t = say(s, None, "那要是年底前再招两个低收入户呢？也签一年的")
    assert card(t, "qy.employment_base_award").amount.value == 24000


def test_work_from_a_date_until_now_is_its_months():
    e = extract("有2个是常年在社里干的，从前年开春一直干到现在", [], "黑龙江省绥化市望奎县", TODAY)
    assert e.facts["months_employed"] >= 30
    t = say(State(), None, "俺们是望奎县的种植合作社，雇过一些建档立卡贫困户。有2个是常年在社里干的，从前年开春一直干到现在。"
                           "能给俺们合作社啥补贴不？")
    assert card(t, "sh.startup_poverty_reward").status == "eligible"


def test_trainees_who_missed_days_are_a_group_of_their_own():
    e = extract("二十个学员都是建档立卡贫困户，课程15天。有17个人天天到，3个人中间家里有事各缺了5天。", [], "湖南省怀化市", TODAY)
    assert sorted(e.group_days) == [(3.0, 10.0), (17.0, 15.0)]
    t = say(State(), "ask_training", "我们是怀化的一家职业培训学校，给县里办了一期贫困劳动力电工就业技能培训班，二十个学员都是建档立卡贫困户，"
                                     "都还没就业，课程15天。有17个人天天到，3个人中间家里有事各缺了5天。学员那个生活费补贴一共多少")
    assert card(t, "hn.training_living_allowance").amount.value == 5700


def test_interns_by_the_spans_of_months_they_were_with_the_unit():
    said = ("来电的是汉阴县一家农业公司的人事，说他们单位是就业见习基地，今年三月到八月接了两个贫困家庭的大学毕业生见习，"
            "还有一个也是贫困家庭的，从去年十月见习到今年六月。问这三个人一共能拿多少")
    e = extract(said, [], None, TODAY)
    assert sorted(e.group_months) == [(1.0, 9.0), (2.0, 6.0)] and e.facts["intern_count"] == 3
    assert card(say(State(), "ask_internship", said), "ak.internship").amount.value == 18000


def test_an_agencys_batches_each_from_its_date_some_back_early():
    said = ("我们是邵阳的劳务公司，有人力资源服务许可证。今年分两批组织建档立卡贫困户出去打工：第一批三月份送了15个去广东东莞电子厂，"
            "有4个干了两个月就跑回来了，其余的到现在还在干；第二批五月初送了10个去浙江宁波，有2个干了四个多月走了，剩下的都还在。"
            "按文件我们公司能拿多少补贴？")
    e = extract(said, [], None, TODAY)
    assert e.facts["referred_count"] == 25
    assert sorted(e.group_months) == [(2.0, 4.0), (4.0, 2.0), (8.0, 7.0), (11.0, 9.0)]
    assert card(say(State(), None, said), "hn.job_service_subsidy").amount.value == 3800
    t = say(State(), None, "我们是隆回县一家人力资源服务公司，有正规资质。今年3月份组织了30个人去东莞电子厂，其中建档立卡贫困户20个，"
                           "另外10个不是。7月份有3个建档立卡的干了4个月跑回来了，8月份我们又补送了3个建档立卡的过去，现在都还在干。"
                           "那个介绍贫困户就业的服务补贴，现在报能报多少？")
    assert card(t, "hn.job_service_subsidy").amount.value == 3400


def test_an_age_from_a_date_of_birth():
    assert extract("闺女属龙的，2000年6月生", [], None, TODAY).facts["age"] == 26
    assert extract("属猴的，04年8月生的", [], None, TODAY).facts["age"] == 22
    assert "age" not in extract("2019年生了个娃", [], None, TODAY).facts
    s = State()
    t = say(s, None, "来电人是旬阳县的建档立卡贫困户，说闺女属龙的，2000年6月生，高中毕业后在外头打了几年工，现在想去安康技师学院上全日制，"
                     "问还能不能享受国家资助政策。")
    assert card(t, "ak.technical_school_age").status == "ineligible"


def test_one_child_at_a_technical_school_and_one_at_a_high_school():
    t = say(State(), None, "俺家在海伦市乡下，是建档立卡贫困户。俩孩子，大闺女去年九月上了绥化一个技工学校学汽修，全日制的；"
                           "小子今年上的县里普通高中。一年能给俺们补多少钱？")
    r = card(t, "sh.technical_school")
    assert r.status == "eligible" and r.amount.value == 3000


def test_a_units_money_and_its_workers_own_asked_side_by_side():
    s = State()
    say(s, "ask_factory_job", "你好，我们是千阳县南寨镇的社区工厂，前年县上就认定过了。今年8月以后陆续新招了10个脱贫户，都是咱县上的，"
                              "都签了一年的劳动合同。厂里现在连他们一共31个人，脱贫户就这10个。想问下今年能报啥补贴？")
    t = say(s, "ask_what_can_i_get", "那这些工人自己能拿到钱不？厂里拿的跟工人拿的分别是啥，给我捋一下")
    assert "这10人：✓一次性求职补贴：5000元" in _text(t)


def test_a_claim_under_another_courses_standard_keeps_the_course_had():
    s = State()
    say(s, None, "您好，我们是安康汉滨区的一家定点培训学校。今年上半年办了一期创业培训班，三十个学员全是建档立卡贫困户，"
                 "全部考核合格拿了创业培训合格证。到现在有7个回去自己开了店，有11个出去打工上班了。这一期按文件能给多少补贴？")
    t = say(s, None, "那出去打工的那11个，能不能改按就业技能培训那个1800的标准报？他们也算就业了嘛")
    assert s.facts["training_type"] == "创业培训"
    assert card(t, "ak.skills_training").status == "ineligible"


def test_a_day_not_missed_is_no_days_count():
    e = extract("他媳妇也是贫困户，没工作，下个月想去参加家政就业技能培训，要培训20天，要是一天不落全去了，生活费给多少？", [], None, TODAY)
    assert e.facts["training_days"] == 20


def test_those_who_left_said_after_the_leaving_and_the_rest_still_there():
    s = State()
    t = say(s, None, "俺们是绥化望奎县的种植合作社，前年开春招了20个建档立卡贫困户来地里干活，干了不到半年走了3个，剩下的一直干到现在，"
                     "都两年多了。俺们吸纳贫困户这个，有啥奖励没？能给多少？")
    assert card(t, "sh.startup_poverty_reward").amount.value == 17000
    t = say(s, "correct", "哎不对，俺刚问了会计，走的是4个不是3个，那得是多少")
    assert card(t, "sh.startup_poverty_reward").amount.value == 16000
    assert s.facts["new_hires"] == 20


def test_a_class_by_those_who_passed_then_those_of_them_in_business():
    s = State()
    t = say(s, None, "您好，我们是汉阴县一家培训学校，上个月办了一期SYB创业培训班，报名40人，全是建档立卡贫困户。中途有5个没学完就走了，"
                     "剩下35个参加结业考试，30个考过拿了合格证，5个没过。这个班按政策能拿多少补贴？")
    assert card(t, "ak.startup_training").amount.value == 36000
    t = say(s, None, "考过的那30个里，已经有6个回去办了营业执照开了店。这6个是不是还能再加？加完一共多少？")
    assert card(t, "ak.startup_training").amount.value == 40800


def test_the_later_of_two_alike_groups_reaching_its_time():
    s = State()
    say(s, None, "我们是隆回县一家人力资源服务公司，有正规资质。今年3月份组织了30个人去东莞电子厂，其中建档立卡贫困户20个，另外10个不是。"
                 "7月份有3个建档立卡的干了4个月跑回来了，8月份我们又补送了3个建档立卡的过去，现在都还在干。那个服务补贴现在报能报多少？")
    t = say(s, "ask_where_apply", "那补过去的那3个，等明年2月满半年了还能报不？钱找哪里要？")
    assert "再补600元（3人×200元）" in _text(t)


def test_a_place_of_work_by_name_leaves_no_place_heard_around_it():
    assert extract("在西安电子厂打工", [], None, TODAY).place is None        # "在　　　　厂" is no 安达
    assert extract("我是钱阳县的", [], None, TODAY).place == "陕西省宝鸡市千阳县"


def test_a_broker_vouched_for_by_a_family_and_a_broker_on_record_without_a_company():
    t = say(State(), None, "我是耒阳的，屋里老倌子走咯好几年哒，就我一个人在屋里。崽在广东东莞电子厂打工，我们是建档立卡贫困户，"
                           "是村里那个劳务经纪人带过去的（人家有资质的），做了八个多月哒，一直在那个厂。那个经纪人讲他也能领钱，是真的啵？")
    assert card(t, "hn.job_service_subsidy").status == "eligible"
    t = say(State(), None, "我是湘西花垣县的，自己一个人跑劳务，在县人社局登记备了案的农村劳务经纪人，没开公司。去年帮村里7个建档立卡贫困户"
                           "介绍到广东东莞的厂里，现在干满半年以上的有5个，另外2个干了两个月就回来了。我这种个人的能拿补贴不？")
    r = card(t, "hn.job_service_subsidy")
    assert r.status == "eligible" and r.amount.value == 1000


def test_a_unit_asking_back_the_insurance_of_some_pays_it():
    t = say(State(), None, "你好，我们是三亚的一家酒店。前年招了6个建档立卡贫困户当服务员，他们的社保去年已经给我们返还过一次了。"
                           "今年我们又新招了4个建档立卡的，这4个的社保也能返吗？")
    assert card(t, "hi.social_insurance_refund").status == "eligible"


def test_a_fare_a_head_said_after_the_ticket_and_a_company_heard_of_is_no_business_run():
    assert extract("火车票是我们公司先垫的，一人380块，后来从他们头一个月工资里扣回来了。", [], None, TODAY).facts["transport_cost"] == 380
    e = extract("我肇东的 建档立卡贫困户 头一回做买卖 去年五月办的营业执照 开了个小超市 个体户 一直开着呢 听说一次性创业补贴开公司给一万 "
                "我这种个体的是不是就拿不到一万了 能给多少", [], None, TODAY)
    assert e.facts["business_type"] == "个体工商户"


def test_next_years_job_is_claimed_next_year():
    s = State()
    t = say(s, None, "来电人是千阳县南寨镇的脱贫劳动力。他说今年三月经朋友介绍去宝鸡一个厂子上班，签了一年合同，四月份已经在镇上领过500块求职补贴了。"
                     "七月份他辞了，九月份又通过县上一家劳务公司（有职介许可证，没收他钱）介绍到西安一家物流公司，也签了一年合同。他问这回还能不能再领500")
    assert card(t, "qy.job_seeking").status == "ineligible"
    t = say(s, None, "他又问：那要是明年呢？明年要是再换个工作，还是这家劳务公司免费介绍，也签一年合同，能领不？")
    assert card(t, "qy.job_seeking").status == "eligible"


def test_an_operator_relaying_a_schools_words_keeps_the_school_the_asker():
    s = State()
    say(s, None, "来电人说他们是绥化北林区一家培训学校，刚给建档立卡贫困户办完一期家政培训，问学员来回的车费和培训期间的饭钱上面补不补")
    assert s.facts["employer_type"] == "培训机构"
    t = say(s, None, "来电人又问学校自己的培训补贴怎么算，能给多少（备注：学员都是免费学的，没收钱）")
    assert s.role == "employer" and "sh.training_subsidy_institution" in [r.benefit.id for r in t.decision.stated]


def test_last_years_arrivals_month_by_month_and_what_is_said_of_all():
    t = say(State(), None, "你好我们是长沙雨花区的一个建筑工程队 去年从邵阳隆回县招了一批建档立卡贫困户 去年3月份来了5个 9月份来了4个 "
                           "12月20号又来了3个 合同都签的两年 社保也一直在交 人到现在都还在 现在能申请岗位补贴不 一个人多少钱")
    assert card(t, "hn.post_subsidy").amount.value == 9000     # the 3 of 2025-12-20 short of their year


def test_a_poor_share_said_as_a_percentage():
    share = {t: extract(t, [], None, TODAY).facts.get("poor_staff_one_third")
             for t in ("脱贫户占了百分之四十", "脱贫户占了40%", "脱贫户占了33.5%", "脱贫户占了百分之三十", "脱贫户占了33%", "脱贫户占了8%")}
    assert share == {"脱贫户占了百分之四十": True, "脱贫户占了40%": True, "脱贫户占了33.5%": True,
                     "脱贫户占了百分之三十": False, "脱贫户占了33%": False, "脱贫户占了8%": False}
