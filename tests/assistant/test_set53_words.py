"""Held-out sets 51 to 53's words: a couple told of together with a clause of each (his contract, hers), two tickets in
one sum, an agency asking of the fares of the persons it sent, one person placed again the same year after a claim."""
from assistant.extract import extract
from assistant.persons import persons_in
from assistant.state import State

from .talk import TODAY, card, say


def _text(t):
    return "\n".join(r.text for r in t.replies)


_COUPLE = ("俺是千阳县的，俺媳妇和我都是脱贫户。上个月俺俩一块去江苏昆山电子厂上班了，我签的一年合同，她那个车间只跟她签了半年。"
           "从宝鸡坐火车过去，两张票一共花了760，这路费能报多少？还有啥补贴不")


def test_two_tickets_in_one_sum_are_each_ones_fare_when_two_travel_together():
    e = extract(_COUPLE, [], "陕西省宝鸡市千阳县", TODAY)
    assert e.facts["transport_cost"] == 380
    # (one who travels alone with two tickets pays both)
    e = extract("我是千阳县的脱贫户，上个月去江苏上班，两张票一共花了760", [], "陕西省宝鸡市千阳县", TODAY)
    assert e.facts["transport_cost"] == 760


def test_a_couple_with_a_clause_of_each_are_two_persons_each_with_their_own_contract():
    s = State()
    s.place = "陕西省宝鸡市千阳县"
    ps = persons_in(_COUPLE, s, TODAY)
    assert [p.label for p in ps] == ["您", "您媳妇"]
    assert [p.facts.get("contract_months") for p in ps] == [12, 6]
    s = State()
    t = say(s, "ask_transport", _COUPLE)
    text = _text(t)
    mine, hers = [line for line in text.split("\n") if line.startswith(("您：", "您媳妇："))]
    assert "✓一次性求职补贴" in mine and "✗一次性求职补贴" in hers
    # each one's fare once, not "2人×": and her money is hers
    assert "380元" in hers and "2人×" not in hers and "钱发给您媳妇本人" in hers
    # (a couple alike in everything is one case of two: no split)
    assert persons_in("我和我媳妇都是千阳的脱贫户，俺俩上个月一块去江苏上班了，都签了一年合同", State(), TODAY) == []


def test_an_agency_asking_of_the_fares_of_those_it_sent_hears_the_total_paid_to_each():
    s = State()
    t = say(s, None, "我们是千阳县城关镇的一家劳务公司，有营业执照和人社局发的职介许可证。今年9月组织了县里8个脱贫劳动力去江苏昆山"
                     "电子厂上班，都签了一年合同。火车票是我们公司先垫的，一人380块。听说有个交通补助，这钱我们公司能领不？")
    r = card(t, "qy.cross_province_transport")
    assert r.status == "eligible" and r.amount.value == 3040
    assert "8人×每人380元" in _text(t) and "钱发给劳动者本人" in _text(t)


def test_one_placed_again_the_same_year_after_a_claim_is_no_second_claim():
    assert extract("今年年初我介绍他去长沙一个厂，干满半年已经拿过补贴了，6月底他换了厂，又是我介绍的，等他干满半年我还能再拿200不",
                   [], None, TODAY).facts.get("claim_again") is True
    s = State()
    say(s, None, "我是湘西花垣县的，在县人社局登记备了案的农村劳务经纪人。去年帮村里7个建档立卡贫困户介绍到广东东莞的厂里，现在干满"
                 "半年以上的有5个，另外2个干了两个月就回来了。能拿补贴不？")
    t = say(s, "ask_referral", "还有一个，今年年初我介绍他去长沙一个厂，干满半年已经拿过补贴了，6月底他换了厂，又是我介绍的，到现在也快"
                               "半年了，等他干满半年我还能再拿200不？")
    assert card(t, "hn.job_service_subsidy").status == "ineligible"
    assert "今年报过的不能再报" in _text(t)
    # the groups said before are as they were: the 2 who came back are not taken to have reached 6 months
    assert [2.0, 2.0] in [list(g) for g in s.facts["group_months"]]


def test_an_entity_across_a_pause_leaves_each_clause_its_own_days():
    text = "上个月镇上办了个家政培训 去了十五天 一天都冇落 听讲一天有二十块钱生活费 她能拿好多"
    at = text.index("十五天")
    spanning = [{"entity": "days", "start": at, "end": at + 6, "value": text[at:at + 6]}]
    assert extract(text, spanning, "湖南省娄底市新化县", TODAY).facts["training_days"] == 15


def test_lunar_months_and_festivals_are_dated_by_the_lunar_calendar():
    import datetime as dt

    from policies.normalize import dates_in
    day = dt.date(2026, 12, 7)
    assert dates_in("正月十五过后他统一带到深圳宝安一个电子厂", day)[0][2] == 9      # 2026-03-03
    assert dates_in("端午后又跳到长沙", day)[0][2] == 5                             # 2026-06-19
    assert dates_in("腊月二十三回来的", day)[0][2] == 9                             # 2026-02-10
    assert dates_in("今年正月十五过后去的", day)[0][2] == 9
    assert dates_in("去年中秋", day)[0][2] == 14                                    # 2025-10-06


def test_people_signed_up_are_no_claim_handed_in():
    e = extract("他说去年11月在村里报了八个人，六个是建档立卡贫困户", [], "湖南省邵阳市隆回县", TODAY)
    assert "applied_months_ago" not in e.facts
    assert extract("车票去年11月就交到镇上了", [], None, TODAY).facts["applied_months_ago"] == 13


def test_a_date_put_right_in_the_same_message_is_the_one_read():
    e = extract("他腿脚不利索有残疾证 去年腊月就在村里的木耳合作社干活 说错了 是前年腊月 到现在快两年了一直没断过", [],
                "黑龙江省绥化市绥棱县", TODAY)
    assert e.facts["months_employed"] >= 22
    s = State()
    t = say(s, None, "俺家那口子的事想问问 合作社说吸纳他能领一千块 这钱是给俺家的还是给合作社的 俺们是绥棱县上集镇的建档立卡"
                     "贫困户 他腿脚不利索有残疾证 去年腊月就在村里的木耳合作社干活 说错了 是前年腊月 到现在快两年了一直没断过")
    assert card(t, "sh.startup_poverty_reward").status == "eligible"


def test_a_child_at_a_vocational_high_school_is_not_at_a_technical_school():
    assert extract("她还说小闺女在县里职高读会计，也能拿这三千不。", [], None, TODAY).facts["vocational_high_school"] is True


def test_a_certificate_not_yet_taken_asked_of_once_it_is_is_the_appraisal():
    s = State()
    say(s, "ask_where_apply", "来电人是琼中县湾岭镇的一位母亲，家里是建档立卡贫困户。她儿子去年初中毕业，秋季进了省技师学院的扶贫班学电工。"
                              "她问每年那个三千块的补助能不能领，钱打到谁卡上，要带什么，啥时候截止。")
    t = say(s, "ask_appraisal", "来电人最后问，儿子电工证还没考，打算明年考，考下来有没有补贴，补多少。")
    assert t.decision.stated[0].benefit.id == "hi.skill_appraisal"


def test_another_of_the_household_keeps_its_register_not_what_the_first_one_is():
    s = State()
    say(s, "ask_internship", "我女子见习的补贴一个月好多钱 钱是打她卡上不 我们是紫阳县洞河镇的贫困户 她去年夏天大专毕业 "
                             "到现在莫得找到正式工作 安康城里一家公司喊她去见习 说见习五个月")
    t = say(s, "ask_training", "那她哥呢 小时候摔的腿有残疾 今年二十六了 一直在屋头 想去安康技师学院读个全日制 学个手艺 "
                               "国家那个资助他享受得到不")
    assert "高校毕业生" not in s.facts["category"] and "脱贫劳动力" in s.facts["category"]
    first = t.decision.stated[0]
    assert first.benefit.id == "ak.technical_school_age" and first.status == "ineligible"


def test_these_two_asked_of_another_after_a_where_answer_are_the_two_asked_about():
    s = State()
    say(s, "ask_job_seeking", "我想问一下那个求职补贴五百块的今年换了厂还能不能再领一回 我是千阳县张家塬镇的脱贫户 今年正月十五过了"
                              "就去了苏州昆山一个电子厂 签了一年的合同 四月份镇上已经给我发了五百块")
    from assistant.turn import where_turn
    where_turn(s, "那跨省那个交通补助呢 这个我还没报过 车票加起来一千来块 要带啥去办 啥时候截止", [], TODAY)
    t = say(s, "inform", "那我老婆呢 她腊月跟我一块回来的 过了正月十五在宝鸡市里一个饭馆端盘子 没签合同 就干了三个多月 "
                         "这两样她能领不")
    assert {r.benefit.id: r.status for r in t.decision.stated} == {"qy.job_seeking": "ineligible",
                                                                  "qy.cross_province_transport": "ineligible"}
    assert extract("过了正月十五在宝鸡市里一个饭馆端盘子", [], None, TODAY).work_place == "宝鸡"


def test_a_sum_said_after_its_parts_is_not_added_to_them():
    e = extract("房租一年两万四、水电一年一万四，一共三万八，今年能拿多少", [], "陕西省宝鸡市千阳县", TODAY)
    assert e.facts["rent_utilities_cost"] == 38000
    assert extract("房租一年两万四、水电一年一万四", [], None, TODAY).facts["rent_utilities_cost"] == 38000


_TWO_CLASSES = ("我们是沅陵县的一家职业培训学校，今年办了两个班。一个是电工就业前技能培训班，30天，报名40人：28个湖南本地的建档立卡"
                "贫困户、4个贵州天柱过来的建档立卡户、8个本地非贫困户。28个本省贫困学员里25个上满了30天，3个上了10天就走了。另一个是给"
                "县里一家厂子在岗工人办的岗位技能提升培训班，20个都是本县建档立卡的，上了15天。两个班的培训补贴怎么算？学员生活费补贴能给多少？")


def test_a_course_of_two_keeps_its_trainees_by_the_days_they_came_and_their_correction():
    e = extract(_TWO_CLASSES, [], "湖南省怀化市沅陵县", TODAY)
    assert e.course_facts["就业技能培训"]["group_days"] == [[25, 30], [3, 10]]
    assert e.course_facts["岗位技能提升培训"] == {"training_days": 15, "trainee_count": 20}
    s = State()
    t = say(s, None, _TWO_CLASSES)
    assert card(t, "hn.training_living_allowance").amount.value == 15600
    t = say(s, "correct", "刚才算错了，电工班中途走的是5个不是3个，都是上了8天走的，其余23个上满30天。那生活费一共多少？")
    assert card(t, "hn.training_living_allowance").amount.value == 14600


def test_groups_by_their_dates_with_one_there_a_month_and_a_group_dated_again():
    s = State()
    t = say(s, None, "俺们是庆安县一家大米加工厂，算农业企业。厂里12个人，7个建档立卡贫困户、2个残疾人、剩下3个本村的。7个贫困户里："
                     "前年秋天来了3个（有一个是俺亲侄子），去年开春来了2个，今年五一后来了1个，这几个都一直干着；还有1个是秋收时候来帮了"
                     "一个来月的临时工。听说吸纳贫困户有奖励，一个人给多少？")
    assert card(t, "sh.startup_poverty_reward").amount.value == 5000
    t = say(s, "correct", "哎呀说错了，那个“今年五一后”来的其实是去年五一后来的，一直干到现在。那一共多少？")
    assert card(t, "sh.startup_poverty_reward").amount.value == 6000


def test_a_left_groups_count_said_wrong_then_right_takes_from_those_still_there():
    e = extract("等一下，西安那边中途回家的不是2个，是4个。补贴钱打给谁", [], "陕西省安康市汉阴县", TODAY)
    assert e.correction and e.group_fixes == [(4.0, 2.0, None, False)]
    s = State()
    say(s, "ask_referral", "我们是汉阴县一家有资质的人力资源服务公司。去年开春免费给30个人介绍了工作，都签了劳动合同：18个去了苏州电子厂，"
                           "12个去了西安。30个里24个是在县上登记了失业的贫困户（苏州15个、西安9个），另外6个不是贫困户。西安那9个贫困户里有"
                           "2个干了4个月就回家了，再没上班，其余的一直干到现在。职业介绍补贴能拿多少？")
    t = say(s, "correct", "等一下，西安那边中途回家的不是2个，是4个。补贴钱打给谁，找哪个部门报？")
    assert card(t, "ak.job_referral").amount.value == 4000


def test_interns_told_one_by_one_each_with_the_months_of_their_internship():
    s = State()
    say(s, "ask_employer_subsidy", "我们是石泉县的一个蚕桑专业合作社，前年腊月招了5个、去年开春又招了7个，12个人里7个贫困户，都签了两年合同，"
                                   "社保都给交着。社保补贴能补多少？")
    t = say(s, "ask_internship", "那就业见习呢？我们合作社还接了2个贫困家庭的大学毕业生来见习：一个去年九月来的，见习了8个月，完了留下来签了"
                                 "合同；一个今年十月刚来，说好见习6个月，表现好也打算留。见习补贴一共能拿多少，钱给谁？")
    assert t.decision.stated[0].benefit.id == "ak.internship"
    assert card(t, "ak.internship").amount.value == 12000
    t = say(s, "correct", "哦说错了，去年九月来的那个只见习了4个月就提前转正签合同了。那一共多少？")
    assert card(t, "ak.internship").amount.value == 4000 + 6000       # that one at 4 months, the other as it was


def test_a_units_insurance_asked_to_be_returned_after_another_topic_is_the_units_insurance():
    s = State()
    say(s, "ask_referral", "来电人是海口一家人力资源公司的经理。他说公司去年开春从五指山、白沙免费组织了27个建档立卡贫困户出去务工：15个"
                           "在海口的酒店、10个去了广东佛山的工厂、2个去了新加坡，现在都还在干。他问按人头能拿多少职业介绍补贴？")
    t = say(s, "correct", "他又说，在海口酒店的15个里有6个是他们公司自己签劳动合同派遣过去的，社保也是公司交；今年公司给这5个建档立卡的"
                          "交社保单位部分一共2.6万，给那个低保户交了5千多。这个能不能返？返多少？")
    assert t.decision.stated[0].benefit.id == "hi.social_insurance_refund"


def test_a_day_of_the_calendar_is_no_length_and_a_groups_no_leaves_the_others_class():
    e = extract("今年五一过后第二天又送了8个建档立卡的去东莞", [], "湖南省长沙市", TODAY)
    assert "training_days" not in e.facts
    e = extract("东莞那20个里3个不是建档立卡的，其余干到现在；长沙10个都是建档立卡。", [], "湖南省长沙市", TODAY)
    assert e.categories == ["脱贫劳动力"] and e.counted_not["hn.job_service_subsidy"] == [3.0, "不是建档立卡户"]


_BASE_AND_WORKSHOP = ("来电人是千阳县城关镇一家农产品加工公司的负责人。公司去年被县人社局认定为就业帮扶基地，厂里的车间也是认定的就业帮扶"
                      "车间。今年开春到五一后陆续新招了14个人：8个脱贫户、3个农村低收入人口、3个本村一般户，14个人都签了一年以上劳动合同。"
                      "公司现在职工一共30人，除这8个外没有别的脱贫户。厂房租金加水电一年大概两万二。他问：按基地报和按车间报哪个钱多？")


def test_a_unit_of_two_recognised_kinds_asked_which_to_claim_as_and_a_low_income_group_put_right():
    s = State()
    t = say(s, "inform", _BASE_AND_WORKSHOP)
    assert "employer_type_also_planned" not in s.facts
    assert card(t, "qy.community_factory_post").status == "eligible"
    assert card(t, "qy.employment_base_award").amount.value == 22000
    t = say(s, "correct", "来电人更正：他说的那3个“低收入”其实是本村一般户，不在农村低收入人口名单里。那现在该选哪个？")
    assert card(t, "qy.employment_base_award").status == "ineligible"       # 8 new hires, fewer than 10
    assert s.facts["new_hires"] == 8 and "农村低收入人口" not in s.facts["category"]


def test_another_class_of_the_school_is_its_own_and_a_started_groups_count_put_right_keeps_the_class():
    s = State()
    say(s, "ask_training", "我们是千阳县城一家职业培训学校，今年八月办了一期中式面点师就业技能培训班，培训20天。报名40人，37人结业，35人考核"
                           "合格。这个班能拿多少培训补贴？")
    t = say(s, "ask_training", "还有一个SYB创业培训班，今年五一后开的，上了10天、每天8课时。报名30人，2人中途退出没拿证，28人拿到创业培训"
                               "合格证。28人里24个是千阳本县、县人社局组织来的脱贫户等学员，4个是陇县来的。千阳这24个里有7个结业后6个月内"
                               "办了营业执照开了店，其余17个没开。这个班能拿多少？")
    assert card(t, "qy.startup_training_syb").amount.value == 7 * 2500 + 17 * 1000
    assert s.facts["training_type"] == "SYB"            # the class told of now is the conversation's
    t = say(s, "correct", "不好意思，刚才说错了，6个月内开店的是9个不是7个。那这个班一共多少？")
    assert card(t, "qy.startup_training_syb").amount.value == 9 * 2500 + 15 * 1000


def test_a_units_insurance_said_as_the_sum_for_a_group_is_that_groups_sum():
    text = ("我们是琼中的一家种植公司。前年腊月招了4个建档立卡贫困户，去年开春又招了5个建档立卡的。今年单位给这9个建档立卡的交的社保"
            "（单位部分）一共三万八。还有1个建档立卡的是2022年12月来的，今年单位又给他交了六千。社保能返多少？今年这六千还能返不？")
    at = [i for i in range(len(text)) if text.startswith("六千", i)]
    entities = [{"entity": "money", "start": i, "end": i + 2, "value": "六千"} for i in at]
    e = extract(text, entities, "海南省琼中黎族苗族自治县", TODAY)
    assert round(e.facts["insurance_contributions"] * 9) == 38000
    t = say(State(), "ask_employer_subsidy", text)
    assert round(card(t, "hi.social_insurance_refund").amount.value) == 38000


def test_a_brother_in_the_same_case_but_not_on_the_register_hears_each_benefit_for_him():
    e = extract("不过他不是贫困户 他户口早几年就迁出去单立户了 评贫困户没有他 他能拿不", [], "陕西省安康市汉阴县", TODAY)
    assert e.categories == [] and e.not_categories == ["脱贫劳动力"]
    s = State()
    say(s, "ask_startup_subsidy", "创业培训那个补贴到底是一千二还是两千 还有贷款最多能贷好多利息要自己出不 我是汉阴县涧池镇的建档立卡贫困户 "
                                  "正月十五过了镇上办创业培训我去了 考试过了拿了合格证 端午前办了个体执照在镇上开了个小吃店 现在还开着")
    t = say(s, "ask_what_can_i_get", "我弟也是这情况 也上了这个培训拿了证 也开了个店 不过他不是贫困户 评贫困户没有他 他能拿不")
    assert t.decision.stated[0].benefit.id == "ak.startup_training"
    assert card(t, "ak.startup_training").status == "ineligible"


def test_an_operators_caller_who_speaks_for_a_school_is_the_school():
    s = State()
    say(s, None, "来电人是绥化市一所技工学校招生办的老师。他说学校现在在校的农村建档立卡贫困家庭学生有：前年秋季入学的12个，今年秋季"
                 "入学的15个。他问按每生每年3000元，学校今年能领多少，钱是不是打到学校账上？")
    assert s.role == "employer"
    t = say(s, "ask_training", "他又说，学校今年暑假给周边村里的贫困户办了一期草柳编特色技能培训班，40个人，前后花了三万八。他问这个班能报"
                               "多少，三万八能不能全报，学员来回的路费和饭钱有没有补贴、谁出？")
    assert "sh.training_subsidy_institution" in [r.benefit.id for r in t.decision.stated]


def test_a_batch_whose_money_was_had_and_a_temporary_worker_are_not_new_hires_on_contract():
    s = State()
    t = say(s, "ask_factory_job", "俺是千阳南寨镇一个社区工厂的老板，厂子前年就让县人社局认定了。去年开春招了5个脱贫户，岗位补贴去年12月已经"
                                  "报过领过了；今年五一后又招了7个：4个脱贫户签了一年合同（里头有一个是俺外甥），1个脱贫户是临时工没签合同，"
                                  "2个是本村的。现在厂里一共24个人，脱贫户算下来10个，还有2个残疾人，剩下都是本村的。今年能拿多少？")
    assert card(t, "qy.community_factory_post").amount.value == 4000
    assert s.facts["hired_poor_count"] == 10 and s.facts["staff_total"] == 24


def test_a_unit_of_two_recognised_kinds_is_neither_applied_for_whichever_kind_the_nlu_names():
    text = "公司去年被县人社局认定为就业帮扶基地，厂里的车间也是认定的就业帮扶车间。他问：按基地报和按车间报哪个钱多？"
    at = text.index("就业帮扶基地")
    for entities in ([], [{"entity": "employer_type", "start": at, "end": at + 6, "value": "就业帮扶基地"}]):
        e = extract(text, entities, "陕西省宝鸡市千阳县", TODAY)
        assert {e.facts["employer_type"], e.facts["employer_type_also"]} == {"就业帮扶基地", "就业帮扶车间"}
        assert "employer_type_also_planned" not in e.facts


def test_a_lunar_day_a_month_does_not_have_is_its_last_day_not_a_crash():
    import datetime as dt

    from policies.normalize import dates_in
    for year in range(2018, 2028):
        day = dt.date(year, 12, 1)
        assert dates_in("今年正月三十来的", day) and dates_in("正月三十来的", day)
