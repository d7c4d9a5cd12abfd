"""Whose head-count a number is (assistant/extract_people._whose_counts): an agency's placements (with a contract, or
in seasonal work), a family's children at a technical school, a unit's interns, a school's trainees; and the
same-type training standard a school states. Each is the fact an amount is multiplied by (`count:` in the policy
data). Sentences are our own, written from the documents' terms and everyday speech."""
import datetime as dt

import pytest

from assistant.extract import extract

TODAY = dt.date(2026, 11, 30)
COUNTS = ("new_hires", "referred_count", "seasonal_referred_count", "students_count", "intern_count", "trainee_count")


def counts(text):
    f = extract(text, [], None, TODAY).facts
    return {k: f[k] for k in COUNTS if k in f}


# ------------------------------------------------------------------------------------------------ agencies
@pytest.mark.parametrize("text, want", [
    # one group: all of them placed
    ("额是劳务公司，免费带了6个脱贫户去江苏厂里，都签了一年合同", {"referred_count": 6}),
    ("我们职介公司免费介绍了10个登记失业的贫困劳动者到饭店上班，都干满一年了", {"referred_count": 10}),
    ("人力公司 免费介绍了5个农民工 他们是跟劳务派遣公司签的合同 一年的", {"referred_count": 5}),
    # a group placed without a contract is neither kind
    ("劳务公司，6月送了18个脱贫户去常州的电子厂，都签的一年合同；8月初又带了9个脱贫户去新疆摘棉花；还有3个去西安饭馆，没签合同，"
     "干了俩月就不干了", {"referred_count": 18, "seasonal_referred_count": 9}),
    # groups: those with a contract and those in seasonal work, each its own count
    ("我们人力资源公司免费给村里8个人介绍了活，5个签了一年以上的合同，另外3个脱贫户去苹果园干了4个月季节工",
     {"referred_count": 5, "seasonal_referred_count": 3}),
    ("免费介绍了15个人：8个脱贫户签了一年合同，4个脱贫户去果园干了两个半月，还有3个是登记失业的签了两年",
     {"referred_count": 11, "seasonal_referred_count": 4}),
    ("服务公司免费介绍了3个一般农民工（不是贫困户）去果园摘苹果干了4个月，还有2个非脱贫农民工签了一年合同",
     {"referred_count": 2, "seasonal_referred_count": 3}),
    # subgroups that each say how long they worked: all of them are counted, each group with its months
    # (test_groups_by_time_worked below; a benefit with a minimum time counts the groups that reach it)
    ("我们职介公司去年免费介绍了20个登记失业的贫困户到企业上班，都签了劳动合同。现在14个干满一年了，4个干了8个月，"
     "2个两个月就走了", {"referred_count": 20}),
    # only seasonal work said: nobody is counted as placed with a contract
    ("人力资源公司免费给一个脱贫户介绍去果汁厂干季节工，干了4个月", {"seasonal_referred_count": 1}),
])
def test_an_agency_counts_whom_it_placed_not_hires(text, want):
    assert counts(text) == want


def test_a_unit_that_hires_keeps_its_hires_even_through_an_agency():
    assert counts("职介介绍来的，我们厂招了5个脱贫户，都签了一年") == {"new_hires": 5}


# ------------------------------------------------------------------------------------------------ families
@pytest.mark.parametrize("text, n", [
    ("俺屋里俩娃都念技工学校，俺是千阳的脱贫户", 2),
    ("俺家两个孩子都在技工学校念书，俺家是建档立卡的", 2),
    ("我家三个孩子，都在技校上学", 3),
])
def test_children_at_school(text, n):
    assert counts(text) == {"students_count": n}


def test_children_not_at_school_are_no_count():
    assert counts("我家两个孩子都是建档立卡的") == {}


# ------------------------------------------------------------------------------------------------ interns, trainees
def test_interns_are_interns_not_hires():
    assert counts("我们打算收3个，见习期定8个月，一共能拿多少？") == {"intern_count": 3}


@pytest.mark.parametrize("text, n", [
    ("我们办了个修脚技能培训班，一共30个学员，其中18个是建档立卡贫困户，12个不是", 18),
    ("我们办了个月嫂培训班，学员里有20个建档立卡贫困劳动力", 20),
])
def test_a_school_counts_its_trainees(text, n):
    assert counts(text) == {"trainee_count": n}


@pytest.mark.parametrize("text", [
    "我们培训学校在镇上开了个电工班，报名25个学员，15个建档立卡户、10个普通农户",
    "我们职业培训学校招了40个学员，其中25个是建档立卡的",
])
def test_a_schools_class_is_no_staff_it_hired(text):
    f = extract(text, [], None, TODAY).facts
    assert not {"staff_total", "hired_poor_count", "new_hires"} & set(f), f


def test_a_unit_hiring_for_work_still_counts_its_hires():
    assert extract("我们是家政公司，招了20个建档立卡的来培训后上岗", [], None, TODAY).facts.get("new_hires") == 20


def test_the_standard_a_school_states():
    f = extract("当地同类培训补贴标准是每人1500元，学员里有20个建档立卡贫困劳动力", [], None, TODAY).facts
    assert f["training_standard"] == 1500 and f["trainee_count"] == 20
    assert "training_standard" not in extract("培训补贴标准是多少", [], None, TODAY).facts
    assert extract("培训费呢 我们这边同类工种的补贴标准是每人1800 建档立卡的能上浮好多", [], None, TODAY).facts[
        "training_standard"] == 1800


# ------------------------------------------------------------------------------------------------ some already served
def test_some_of_a_units_people_who_had_the_benefit_are_not_counted_for_it():
    e = extract("千阳的合作社，招了5个脱贫户，算以工代训，干了4个月了。其中有1个前年在别的厂已经享受过以工代训补贴", [], None,
                TODAY)
    assert e.counted_out == {"qy.work_for_training": 1}
    # one of the five had it, not the unit: the benefit's no-repeat fact is not the unit's
    assert "had_work_for_training_before" not in e.facts


def test_some_of_a_named_group_are_out_of_that_groups_benefit_and_its_exclusive_partners():
    e = extract("我们是千阳的劳务公司 有许可证的 今年免费介绍了20个人 其中12个签了一年合同 这12个里头有3个今年已经领过求职补贴了 "
                "剩下8个是脱贫户 去干了4个月季节工", [], None, TODAY)
    assert e.facts["referred_count"] == 12 and e.facts["seasonal_referred_count"] == 8
    # 求职补贴 and 职业介绍补贴 are one or the other per person: the 3 are out of the referral of the 12, and the
    # seasonal referral of the other 8 is untouched
    assert e.counted_out.get("qy.job_referral") == 3
    assert "qy.job_referral_seasonal" not in e.counted_out


# ------------------------------------------------------------------------------------------------ groups by time worked
@pytest.mark.parametrize("text, groups", [
    ("我们株洲的公司，招了5个建档立卡的，都签了两年合同、交了社保，三个干了九个月、两个才干了两个月", [(3, 9), (2, 2)]),
    ("我是怀化溆浦的农村劳务经纪人 今年带了7个建档立卡的去长沙工地和厂里 5个到现在都干了半年多了 另外2个干了三个月就回来了",
     [(5, 6), (2, 3)]),
    # by the date each group was taken on
    ("常德一家食品厂。我们去年10月招了3个本省建档立卡的，今年1月又招了2个，都签了劳动合同、交了社保，一直在岗", [(3, 13), (2, 10)]),
    # interns, "见了" for 见习了
    ("我们是安康的见习基地，今年接收了3个贫困家庭的高校毕业生来见习：一个见了8个月，另外两个各见习了4个月", [(1, 8), (2, 4)]),
])
def test_groups_by_time_worked(text, groups):
    e = extract(text, [], None, TODAY)
    assert e.group_months == [(float(n), float(m)) for n, m in groups]
    # the longest time is the time worked; everyone is counted
    assert e.facts["months_employed"] == max(m for _, m in groups)
    assert max(e.facts.get(k, 0) for k in COUNTS) == sum(n for n, _ in groups)


def test_one_time_for_everyone_is_no_groups():
    assert extract("招了5个建档立卡的，都干了九个月", [], None, TODAY).group_months == []


def test_a_group_dated_by_when_it_came():
    e = extract("庆安一个水稻种植合作社，前后用了6个建档立卡贫困家庭的劳动力，4个在社里稳定干了一年多了，2个今年春天才来，干了8个月",
                [], None, TODAY)
    assert e.group_months == [(4.0, 12.0), (2.0, 8.0)]   # the months said ("干了8个月"), not those from "今年春天" and e.facts["new_hires"] == 6


def test_a_year_alone_dates_everyone_not_a_group():
    e = extract("我们公司在千阳，有许可证，今年下半年免费介绍了15个人：8个脱贫户签了一年合同，4个脱贫户去果园干了两个半月，"
                "还有3个是县城登记失业的签了两年", [], None, TODAY)
    assert e.group_months == [] and e.facts["referred_count"] == 11


def test_people_counted_before_named_again_are_no_new_count():
    assert not set(COUNTS) & set(extract("那俩人到明年春天就干满一年了，到时候还能报不？", [], None, TODAY).facts)
    assert extract("那我们又招了2个", [], None, TODAY).facts.get("new_hires", 2) == 2


def test_a_group_said_before_named_again_does_not_recount_the_hires():
    s, text = _conv(("ask_employer_subsidy", "我们是长沙一家企业，去年10月招了8个建档立卡户，都签了两年合同，社保一进来就交了。"
                                             "后面有2个做了5个月就走了，剩下6个一直做到现在。岗位补贴一年能拿多少？"),
                    ("inform", "还有走了的那2个，社保补贴能不能按他们交了的5个月算？"))
    assert s.facts["new_hires"] == 8 and "改为2人" not in text
    assert extract("这两个补贴能一起拿吗？还有走了的那2个呢", [], None, TODAY, hiring=True).facts.get("new_hires") is None
    assert extract("那我们又招了2个", [], None, TODAY, hiring=True).facts.get("new_hires") == 2


# ------------------------------------------------------------------------------------------------ across messages
def _conv(*messages):
    from assistant.state import State
    from assistant.turn import policy_turn
    s, t = State(), None
    for intent, text in messages:
        t = policy_turn(s, intent, text, [], TODAY)
    return s, "\n".join(r.text for r in t.replies)


def test_some_of_a_group_counted_in_an_earlier_message_are_out_of_its_benefit_only():
    s, text = _conv(("ask_referral", "我们是千阳的劳务公司，有许可证。今年七月以后给25个脱贫户免费介绍到江苏的厂里，都签了一年合同；"
                                     "还有10个脱贫户八月初送去新疆摘棉花，干到十一月中旬回来。能拿多少职业介绍补贴？"),
                    ("inform", "这25个里头有3个人自己已经去镇上领了500块的求职补贴，这3个我们还能报吗？"))
    assert "11000元（22人×每人500元" in text          # the 25 of the contract placements, less the 3
    assert "2000元（10人×每人200元）" in text          # not the 10 seasonal ones
    assert s.facts["counted_out"] == {"qy.job_referral": 3.0}


def test_some_of_a_group_who_had_the_benefit_asked_about_unnamed_are_out_of_it():
    s, text = _conv(("inform", "我是永顺县的农村劳务经纪人，有营业执照的。今年3月带了14个建档立卡户去宁波的鞋厂，到现在有10个一直在做，"
                               "另外3个做了两个月就回来了，1个做了4个月走了。听说每介绍一个有200块，我咯能拿好多？"),
                    ("ask_referral", "哦对了，留下来的10个里面有2个，今年开年的时候别的中介介绍他们去过长沙，已经给那个中介补过一回了。"))
    assert "1600元（8人×每成功介绍1人200元" in text and "改为" not in text
    assert s.facts["counted_out"] == {"hn.job_service_subsidy": 2.0} and s.facts["months_employed"] == 8


def test_who_the_staff_are_said_later_keeps_the_hires_said_before():
    s, text = _conv(("ask_factory_job", "来电人是千阳一家服装厂老板，说他厂子既是认定的社区工厂，又被认定成了就业帮扶基地，今年新招了12个脱贫户，"
                                        "都签了一年合同，问两边的补贴能不能都领"),
                    ("ask_factory_job", "他说厂里一共60个人，脱贫户一共25个，房租一年10万，水电一年2万，以前没领过房租水电补贴，问哪个划算"))
    assert s.facts["new_hires"] == 12 and s.facts["hired_poor_count"] == 25 and s.facts["staff_total"] == 60
    assert "24000元（2000元 ×12 = 24000元）" in text
    assert extract("厂里一共60个人，脱贫户一共25个", [], None, TODAY, hiring=True).staff_only
    assert not extract("厂里一共60个人，今年新招了25个脱贫户", [], None, TODAY, hiring=True).staff_only


def test_a_group_that_came_only_this_year_and_the_others_said_free():
    e = extract("我们是汉滨区的一家人力资源服务公司。去年3月到现在，给35个在人社登记了失业的贫困户介绍进了企业，都签了劳动合同。"
                "不过其中3个当时收了200块介绍费，剩下免费的32个里面，有27个已经干满一年多了，还有5个是今年才进厂的。", [],
                "陕西省安康市汉滨区", TODAY)
    assert [n for n, _ in e.group_months] == [27.0, 5.0] and e.group_months[1][1] < 12
    assert e.facts["registered_unemployed_referral"] is True and e.counted_not["ak.job_referral"][0] == 3


def test_interns_named_one_by_one_each_with_their_months():
    s, text = _conv(("ask_internship", "我们是安康城区一家建筑设计公司，今年接了3个贫困家庭的大学生来见习，都是建档立卡户家的娃、今年刚毕业："
                                       "小王7月来的，见习6个月；小张8月来的，他想见习8个月；小李9月来的，见习3个月。见习补贴我们一共最多能拿好多？"))
    assert "15000元（1人×6个月=6000元；1人×8个月（按最长6个月）=6000元；1人×3个月=3000元）" in text


def test_persons_named_and_dated_and_one_who_had_it_before():
    s, text = _conv(("ask_employer_subsidy", "我是张家塬镇一个苹果合作社的负责人，今年招了6个脱贫户边干边教技术：老王、老李4月1号来的，"
                                             "一直干到现在；小刘他们3个8月1号来的；还有老赵，前年在别的厂子已经享受过以工代训。这以工代训一共能补多少？"))
    assert s.facts["group_months"] == [[2.0, 8.0], [3.0, 4.0]] and s.facts["counted_out"] == {"qy.work_for_training": 1}
    assert "14400元（2人×8个月（按最长6个月）=7200元；3人×4个月=7200元；6人中1人已享受过，不计）" in text


def test_a_workshops_staff_its_poor_named_again_and_some_with_a_short_contract():
    s, text = _conv(("ask_factory_job", "我在千阳办了个刺绣的非遗扶贫就业工坊，登记注册过了。现在21个绣娘，脱贫户7个、村里低保户2个，"
                                        "这9个都签了一年合同，另外12个是一般村民。房租一年两万四，水电三千。按政策能补多少？"))
    assert s.role == "employer" and s.facts["staff_total"] == 21 and s.facts["new_hires"] == 9
    assert "9000元（1000元 ×9 = 9000元）" in text
    from assistant.turn import policy_turn
    t = policy_turn(s, "correct", "哎我记错了，那两个低保户是上个月才来的，只签了半年", [], TODAY)
    text = "\n".join(r.text for r in t.replies)
    assert "7000元（1000元 ×7 = 7000元；2人只签了半年，不计）" in text and "改为" not in text
    assert "脱贫劳动力" in s.facts["category"] and s.facts.get("contract_months") != 6


def test_some_of_a_subgroup_had_a_benefit_and_the_seasonal_groups_together():
    s, text = _conv(("ask_referral", "我们是千阳有职介许可证的劳务公司，今年免费给人介绍工作：脱贫劳动力18个签了一年以上合同；普通农民工7个签了两年；"
                                     "还有脱贫的10个去采茶干了4个月，另外4个干了两个月就回来了。职业介绍补贴一共能拿多少？"))
    assert "2000元（10人×每人200元；4人干了2个月" in text and "12500元（25人×每人500元）" in text
    from assistant.turn import policy_turn
    t = policy_turn(s, "correct", "哦对，那18个里头有3个自己已经去镇上领了五百块求职补贴，这个有影响不？", [], TODAY)
    assert "11000元（22人×每人500元；25人中3人已享受过，不计）" in t.replies[-1].text


def test_some_beside_the_others_with_a_short_contract_are_out_of_the_count():
    e = extract("我们企业是千阳县上认定的就业帮扶基地，今年新招了脱贫劳动力128个、农村低收入劳动力35个，都签了一年以上合同；"
                "还有20个脱贫的只签了3个月临时协议。按一个人两千能拿多少？", [], "陕西省宝鸡市千阳县", TODAY)
    assert e.counted_not["qy.employment_base_award"] == [20.0, "只签了3个月"] and e.facts["contract_months"] == 12
    # some beside a group counted without them: all are hired (以工代训 counts them), and the three are out of each
    # benefit that asks for a year's contract
    e = extract("我在崔家头镇村里的老学校办了个服装加工厂，去年县上认定成社区工厂了。现在一共36个工人，脱贫户15个，里头12个签的一年以上合同，"
                "另外3个只签了半年。今年能拿多少补贴？", [], "陕西省宝鸡市千阳县", TODAY)
    assert e.facts["new_hires"] == 15 and e.counted_not["qy.community_factory_post"] == [3.0, "只签了半年"]
    assert "qy.work_for_training" not in e.counted_not
    # all of them: not some beside others
    e = extract("我们厂招了5个脱贫户，都只签了半年合同", [], "陕西省宝鸡市千阳县", TODAY)
    assert not e.counted_not and e.facts["contract_months"] == 6


def test_a_class_by_the_days_each_attended():
    s, text = _conv(("ask_training_allowance", "我们是永州零陵的一所民办职业培训学校，下个月办一期15天的电工培训班，学员里有20个是建档立卡贫困户，"
                                               "都还没找到工作。全勤的话20个人一共多少？"),
                    ("ask_training_allowance", "有2个学员中途请了3天假，他们的生活费怎么算？"))
    assert "5880元（18人×15天=5400元；2人×12天=480元）" in text and s.facts["trainee_count"] == 20
    s, text = _conv(("inform", "我们是永州一家职业培训学校 上个月开了个挖掘机班 40个学员全是建档立卡的 都还冇找到事做 学20天。"
                               "到课情况：30个20天全到 10个只到了15天。每天20块的生活费一共能发好多？"))
    assert "15000元（30人×20天=12000元；10人×15天=3000元）" in text


def test_days_missed_said_again_correct_the_days():
    s, text = _conv((None, "我是龙回县的建档立卡户 上个月去县里报了个电焊班 想学好了出去找事做 讲的是学15天 中间屋里有事请了3天假 "
                           "那个每天有生活费的 我能拿好多"),
                    ("correct", "哦 我搞错了 不是请3天 是请了5天假"))
    assert s.facts["training_days"] == 10 and "200元（20元×10天" in text


def test_a_recount_of_a_units_hires_keeps_who_they_are():
    s, text = _conv(("ask_employer_subsidy", "我们是千阳县认定的就业帮扶基地，今年新招了8个脱贫户、1个低收入户，都签了一年以上的合同，"
                                             "能领那个一人2000的奖补吗？"),
                    ("correct", "等等，低收入户是两个，漏算了一个，一共十个人"))
    assert s.facts["hired_poor_low_income_count"] == 10 and "脱贫劳动力" in s.facts["category"]
    assert "2万元（2000元 ×10 = 2万元）" in text


def test_groups_dated_by_the_new_year_and_a_month_of_the_year_is_not_a_length():
    f = extract("我们扶贫车间招过5个建档立卡贫困户：3个是去年过完年来的，一直干到现在；1个是今年三月来的", [], None, TODAY)
    assert (3.0, 21.0) in f.group_months and (1.0, 8.0) in f.group_months
    f = extract("10个脱贫户八月初送去新疆摘棉花，干到十一月中旬回来", [], None, TODAY)
    assert f.facts.get("months_employed") != 11


def test_those_who_stayed_and_those_who_left_after_a_few_months():
    e = extract("我们是娄底新化的一家劳务公司。去年3月组织了30个建档立卡贫困劳动力去浙江义乌厂里，到现在还在做的有22个，"
                "另外8个做了两三个月就走了。", [], None, TODAY)
    assert e.group_months == [(22.0, 20.0), (8.0, 3.0)]
    e = extract("我们是庆安县一家大米加工企业，去年过完年招了7个建档立卡的，现在还有5个在干，另外2个干了几个月就走了", [], None, TODAY)
    assert e.counted_not["sh.startup_poverty_reward"] == [2.0, "干了几个月就走了"]


def test_some_of_those_named_before_are_the_ones_asked_about():
    f = extract("走了的那8个里头有3个，今年4月我们又把他们介绍到长沙的厂里，做到现在7个多月了，这3个今年还能报不？", [], None,
                TODAY, hiring=True).facts
    assert f["referred_count"] == 3 and f["months_employed"] == 7


def test_the_innermost_group_that_says_every_condition_is_counted_and_some_charged_are_out():
    s, text = _conv(("ask_referral", "我们是汉滨区一家人力资源服务公司。去年三四月份免费给20个贫困户介绍到苏州、深圳的电子厂，都签了劳动合同，"
                                     "到现在干满一年的有12个，这12个里头之前在人社所登记过失业的有9个。能拿多少职业介绍补贴？"))
    assert "1800元（9人×每介绍成功1人200元）" in text and "登记失业人员" in s.facts["category"]
    from assistant.turn import policy_turn
    t = policy_turn(s, "correct", "不好意思，刚翻了台账，那9个里头有2个当时收了100块钱报名费，这俩还算不算", [], TODAY)
    assert "1400元（7人×每介绍成功1人200元；2人收了费（不是免费介绍），不计）" in t.replies[-1].text


def test_a_units_people_named_one_by_one_are_groups_of_one():
    e = extract("俺是青岗县开家庭农场的，雇了仨人：老张是建档立卡户，跟俺干两年多了；老李也是建档立卡户，今年开春来的，"
                "干到上冻就回家了，八个月；还有一个是低保户，不是建档立卡的，干了一年半。听说雇贫困户给奖励", [], None, TODAY)
    assert e.facts["hired_poor_count"] == 2 and e.group_months == [(1.0, 24.0), (1.0, 8.0)]


@pytest.mark.parametrize("text,groups", [
    ("我们承办SYB创业培训，30个脱贫劳动力都拿了合格证。结业后半年内有8个人办了执照开了店，其他22个还没创业",
     [(8.0, "started_business_within_6_months", True), (22.0, "started_business_within_6_months", False)]),
    ("今年给50个脱贫劳动力做了鉴定，30个是纳入重点产业目录的工种，20个是普通工种",
     [(30.0, "key_industry_catalog", True), (20.0, "key_industry_catalog", False)]),
])
def test_groups_in_different_cases_of_an_amount(text, groups):
    e = extract(text, [], None, TODAY)
    assert [(n, f, facts[f]) for (n, facts), (_, f, _) in zip(e.case_groups, groups)] == groups
    # the fact that differs is each group's, not one value for the whole message
    assert not {f for _, f, _ in groups} & set(e.facts)


def test_posts_of_two_kinds_said_after_their_total_are_two_groups_of_town_posts():
    e = extract("我们是社区居委会，今年开发了6个城镇公益性岗位，安置的都是失业人员：4个做保洁，2个当社区网格员，"
                "算社会公共管理类的。每人每月补多少？", [], None, TODAY)
    assert e.case_groups == [(4.0, {"post_type": "城镇公益性岗位-其它"}),
                             (2.0, {"post_type": "城镇公益性岗位-社会公共管理类"})]
    assert e.facts["post_type"].startswith("城镇") and e.facts["new_hires"] == 6   # all six, all town posts


def test_a_class_counted_after_a_total_is_its_total_now_not_more():
    f = extract("他说那他再招3个脱贫户，也签一年，总共23个人、7个脱贫户，房租能补了吧？", [], None, TODAY).facts
    assert (f["staff_total"], f["hired_poor_count"], f["new_hires"]) == (23, 7, 7)
    f = extract("现在20个工人里有4个脱贫户，签的一年合同", [], None, TODAY).facts
    assert (f["staff_total"], f["hired_poor_count"]) == (20, 4)


def test_groups_whose_time_is_said_in_the_next_clause_are_groups_by_time():
    e = extract("7月底又组织了25个脱贫户去新疆摘棉花，干了4个月这个月刚回来；还有5个去甘肃摘苹果，干了两个月就跑回来了",
                [], None, TODAY)
    assert e.group_months == [(25.0, 4.0), (5.0, 2.0)]


@pytest.mark.parametrize("text,fact,n", [
    ("那今年9月我们又免费介绍了12个人去西安一个物流园，也是一年合同", "referred_count", 12),      # 一个物流园: no person
    ("我们是一家职业培训学校，准备到双乳镇一个贫困户多的村里办月嫂培训班，招40个建档立卡的妇女", "trainee_count", 40),    # a village, no person
    ("现在15个绣娘，其中4个脱贫户、2个农村低收入户，这6个都签了一年合同", "hired_poor_low_income_count", 6),
])
def test_places_are_no_persons(text, fact, n):
    assert extract(text, [], None, TODAY).facts[fact] == n


def test_a_date_someone_came_is_when_they_started_and_internship_months_are_theirs():
    f = extract("厂里还雇了俩建档立卡户 今年三月来的 一直干着", [], None, TODAY).facts
    assert f["months_employed"] == 8
    f = extract("今年7月接了3个今年毕业的大学生来见习，打算让他们见习满6个月", [], None, TODAY).facts
    assert f["internship_months"] == 6 and "months_employed" not in f


@pytest.mark.parametrize("text,yearly", [
    ("去年招了12个建档立卡户，都给他们交了社保，每人每月980", 980 * 12),
    ("那厂里自己交的那块呢，养老医疗失业三样厂里一个月给我交680，厂里一年能补好多？", 680 * 12),
    ("哦说错了，980是连工人自己那块加在一起的，公司自己交的是每人每月690。", 690 * 12),
    ("我们公司每个月给他们交社保，单位部分一个人一个月大概1100块", 1100 * 12),
    ("厂里每个月从我工资里扣社保320块，我扣的这320能退给我啵？", None),        # the worker's own share
])
def test_the_units_monthly_social_insurance_is_a_yearly_cost_and_the_workers_share_is_not_it(text, yearly):
    f = extract(text, [], None, TODAY).facts
    assert f.get("insurance_contributions") == yearly, f
    assert f.get("insurance_paid") is not False          # "公司自己交的": the unit pays, not the person


def test_a_unit_named_with_one_is_no_person_and_a_class_counted_after_has_is_counted():
    f = extract("我们是南寨镇一个做劳保手套的加工点，去年县上给认定成社区工厂了。现在一共27个工人，脱贫户有11个，都签的一年合同",
                [], None, TODAY).facts
    assert (f["staff_total"], f["hired_poor_count"]) == (27, 11) and f["employer_recognized"] is True
    assert extract("我有两个事想问", [], None, TODAY).facts == {}                   # "有两个事": no persons
    f = extract("原先挂的是扶贫车间的牌子，现在换成就业帮扶车间了。今年招了3个脱贫户", [], None, TODAY).facts
    assert f["employer_recognized"] is True                                         # a sign hung: recognised
    f = extract("这期家政培训40个学员全是建档立卡户，普通学员补贴标准是每人1500元，贫困户每人能算多少", [], None, TODAY).facts
    assert f["training_standard"] == 1500


def test_those_still_at_work_and_those_who_left_and_an_earlier_date_of_some_of_them():
    said = ("今年三月我带了23个来阳的建档立卡户去东莞电子厂，到现在17个还在做；4个做了两个月就回来了，2个做了五个月走了。"
            "那17个里头有3个去年也是我介绍出去的，去年领过一回补贴。")
    e = extract(said, [], None, TODAY)
    assert e.group_months == [(17.0, 8.0), (4.0, 2.0), (2.0, 5.0)]        # "去年" of 3 of them dates nobody's start
    assert e.facts["months_since_employment"] == 8 and e.facts["referred_count"] == 23


def test_turned_away_by_employers_is_not_at_work():
    f = extract("来电人说 他是 郴州 汝城 的 贫困户 今年 五十八岁 了 去外面 厂里 人家 嫌他 年纪大 不要 他", [], None, TODAY).facts
    assert f["employed"] is False and "months_employed" not in f and f["age"] == 58
    assert extract("我们厂不要求学历，招了3个脱贫户", [], None, TODAY).facts.get("employed") is not False


def test_the_years_of_school_a_total_is_asked_for():
    assert extract("他要是念技校，那三千是只给一回还是年年给？念三年一共能拿多少？", [], None, TODAY).facts["school_months"] == 36
    # each child's own years: no one total
    assert "school_months" not in extract("大的还有一年就毕业了，小的还得念三年，算下来总共还能拿多少", [], None, TODAY).facts
    assert "school_months" not in extract("在大学读了四年", [], None, TODAY).facts


def test_classes_are_no_persons_and_a_days_money_in_a_training_is_no_fare():
    f = extract("我们学校在千阳办了两个就业技能培训班，学员都是脱贫户。一个家政班40人，全部考核合格", [], None, TODAY).facts
    assert f["trainee_count"] == 40
    f = extract("家政班培训了10天，我们给每个学员每天垫了生活费20块、路费30块，这个能报回来吗？", [], None, TODAY).facts
    assert f["training_days"] == 10 and "transport_cost" not in f
    assert extract("去深圳打工路费花了300", [], None, TODAY).facts["transport_cost"] == 300


@pytest.mark.parametrize("text,n", [("明年打算再招200来个，全是脱贫户", 200), ("招了30余人", 30), ("再招20多个", 20)])
def test_about_so_many_persons_is_that_many(text, n):
    assert extract(text, [], None, TODAY).facts["new_hires"] == n


def test_one_case_for_everyone_or_no_time_said_is_no_case_groups():
    assert extract("30个都是重点产业目录里的工种，20个是电工", [], None, TODAY).case_groups == []
    # started a business, but not said to be within the six months: no case is picked for them
    e = extract("SYB培训结业后有8个人开了店，其他22个还没创业", [], None, TODAY)
    assert all(f.get("started_business_within_6_months") is not True for _, f in e.case_groups)


def test_a_question_of_the_form_a_not_a_is_no_fact():
    assert "key_industry_catalog" not in extract("电工在不在目录里", [], None, TODAY).facts
    assert "insurance_paid" not in extract("交没交社保我不清楚", [], None, TODAY).facts
    assert extract("社保没交", [], None, TODAY).facts["insurance_paid"] is False


def test_a_certificate_got_is_no_subsidy_received():
    assert extract("今年办了一期SYB，都拿了创业培训合格证", [], None, TODAY).received_this_year == []
    assert extract("今年已经领过创业培训补贴了", [], None, TODAY).received_this_year != []


def test_two_courses_in_one_message_each_keep_their_own_facts():
    e = extract("千阳的培训机构问两个事：一是IYB培训结业拿了合格证的一个人补多少；二是我们SYB班只排了60个课时行不行", [], None, TODAY)
    assert e.course_facts == {"IYB": {"training_certificate": True}, "SYB": {"training_hours": 60.0}}
    assert set(extract("想去学个挖掘机，再学学咋创业，这两样有补贴不", [], None, TODAY).course_facts) == {"就业技能培训", "创业培训"}
    # one course named by its kind and its general name ("SYB … 创业培训合格证") is one course
    assert extract("今年办了一期SYB，80课时上满，都拿了创业培训合格证", [], None, TODAY).course_facts == {}


def test_those_still_there_said_after_the_count_of_everyone():
    # "15个…13个到现在还在做，2个做了两个月就回来了": fifteen, in two groups
    e = extract("我是衡阳县的农村劳务经纪人，在县人社局备了案的。今年3月份介绍了15个建档立卡的去浙江义乌厂里，13个到现在还在做，"
                "2个做了两个月就回来了", [], None, TODAY)
    assert e.facts["referred_count"] == 15 and e.group_months == [(13.0, 8.0), (2.0, 2.0)]
    assert e.facts["agency_licensed"] is True          # 备案 with the bureau
    # "拉了45个…到现在还有38个在干": 45 placed, 7 left at a time not said (out of a benefit with a time at work)
    e = extract("我们是长沙的一家人力资源服务公司，有许可证。今年5月20号我们包了两台大巴，从湘西龙山拉了45个建档立卡的到山东济南的"
                "工厂，到现在还有38个在干", [], None, TODAY)
    assert e.facts["referred_count"] == 45 and e.counted_not["hn.job_service_subsidy"] == [7.0, "已经不干了"]
    assert e.facts["months_since_employment"] == 6


def test_one_of_them_named_who_had_a_benefit_elsewhere_is_counted_out_and_is_not_the_unit():
    e = extract("俺们是草壁镇一个奶山羊合作社，今年八月收了5个脱贫户来场里干活，都签了一年合同，俺们让技术员带着边干边教，打算带4个月。"
                "其中老王前年在县上一个社区工厂已经享受过以工代训了。合作社能拿多少钱？", [], None, TODAY)
    assert e.counted_out == {"qy.work_for_training": 1} and "had_work_for_training_before" not in e.facts
    assert e.facts["employer_type"] == "农民专业合作社"


def test_the_unit_staff_of_whom_some_are_poor_is_the_staff_total():
    e = extract("我在千阳县城开了个刺绣非遗工坊，登记注册过的。现在15个绣娘都在工坊里上班，其中4个脱贫户、2个农村低收入户，这6个都签了"
                "一年合同。工坊房租一年2万，水电一年3000左右。我这能补多少？", [], None, TODAY)
    assert e.facts["staff_total"] == 15 and e.facts["hired_poor_low_income_count"] == 6


def test_a_schools_enrolment_is_its_trainees():
    e = extract("我们是安康城区一家培训定点机构，打算下个月在兰皋县佐龙镇那边村里开个家政培训班，招50个建档立卡的", [], None, TODAY)
    assert e.facts.get("trainee_count") == 50 and "new_hires" not in e.facts
    # a unit that hires and trains is still a unit that hires
    assert extract("我们厂招了5个贫困户，边干边教", [], None, TODAY).facts.get("new_hires") == 5


@pytest.mark.parametrize("text, times, asked", [
    # one person placed twice in a year (a benefit allowed twice a year pays twice)
    ("今年免费给一个脱贫户介绍去果汁厂干季节工，干了4个月；后来又给他介绍到另一个厂干了5个月季节工，能报几回", 2, None),
    # the time asked about
    ("年底又介绍他去干了三个半月，第三次还能报不", None, 3),
    # one placement, and an ordinal that is not a time of a benefit
    ("免费介绍了一个脱贫户去苹果园干了4个月", None, None),
    ("我是第二次来问了，介绍了5个人去厂里", None, None),
    # several persons placed once each: not one person's times
    ("免费介绍了3个脱贫户去果园，又介绍了2个到砖厂", None, None),
])
def test_the_times_one_person_was_placed_and_the_time_asked(text, times, asked):
    f = extract(text, [], None, TODAY).facts
    assert f.get("times_this_year") == times and f.get("occurrence_asked") == asked


def test_an_agencys_placements_some_registered_unemployed_count_for_the_benefit_of_those_alone():
    e = extract("那300是厂里给我们的招聘费，工人一分钱没掏。30个里头有20个走之前在镇上登记过失业，这20个现在都还在干，"
                "另外10个没登记过。", [], "陕西省安康市汉滨区", TODAY)
    assert e.facts.get("registered_unemployed_referral") is True      # the workers paid nothing: a free placement
    assert e.facts.get("agency_licensed") is not False                # "没登记过" is of the 10 persons, not the agency
    assert "unemployed" not in e.facts                                # "登记过失业" before they left: not out of work now
    assert e.counted_not.get("ak.job_referral") == [10, "没登记失业"]


def test_an_agencys_placement_is_dated_by_the_words_send_to_a_factory():
    e = extract("我们是汉滨区一家人力资源服务公司，前年3月给江苏昆山一个电子厂送过去30个贫困户，合同都签了", [], None, TODAY)
    assert e.facts.get("months_since_employment") == 32


@pytest.mark.parametrize("text, poor, new_hires", [
    # the staff's poor people and this year's new hires apart: a one-time post subsidy counts the new ones
    ("我们是县上认定的社区工厂。厂里一共45个工人，脱贫户18个，今年新招了7个脱贫户，都签了一年合同。", 18, 7),
    ("非遗扶贫就业工坊，一共20个绣娘，脱贫户5个、农村低收入户3个；今年新招的6个里头4个脱贫户、2个低收入户，都签了一年合同。", 5, 6),
    # only new hires said: all of them
    ("认定的就业帮扶基地，今年新招了15个脱贫户、4个农村低收入户，都签了两年劳动合同", 15, 19),
])
def test_the_staff_and_the_new_hires_are_told_apart(text, poor, new_hires):
    f = extract(text, [], "陕西省宝鸡市千阳县", TODAY).facts
    assert f.get("hired_poor_count") == poor and f.get("new_hires") == new_hires


def test_some_of_a_group_named_before_not_poor_are_out_of_its_count_and_the_rest_stay_poor():
    e = extract("哎我刚才说错了，那6个干满一年的里头有1个不是建档立卡户，是一般户", [], "黑龙江省绥化市北林区", TODAY)
    assert e.counted_not.get("sh.startup_poverty_reward") == [1, "不是建档立卡户"]
    assert "脱贫劳动力" not in e.not_categories and "new_hires" not in e.facts


def test_a_month_or_so_is_a_month():
    e = extract("那去年秋收我还雇了十几个贫困户干了一个来月，这个算不", [], None, TODAY)
    assert e.facts.get("months_employed") == 1


def test_a_technical_schools_new_students_are_students_not_hires():
    f = extract("我们是绥化市区的一所技工学校，今年秋季招了35个建档立卡贫困家庭的两后生，每生每年三千是拨给学校还是给学生家里？",
                [], None, TODAY).facts
    assert f.get("students_count") == 35 and "new_hires" not in f and "months_since_employment" not in f


def test_those_still_at_the_factory_and_those_who_left_early_are_groups_by_time():
    e = extract("我是永州宁远的劳务经纪人，有执照的，今年2月到4月组织了20个建档立卡贫困户去广东佛山的厂里做事，现在还有16个在厂里，"
                "都干满半年了，另外4个做了两三个月就走了。", [], None, TODAY)
    assert e.group_months == [(16.0, 6.0), (4.0, 3.0)] or e.group_months == [[16.0, 6.0], [4.0, 3.0]]


def test_each_course_of_a_school_counts_its_own_trainees():
    e = extract("我们机构今年4月结业了一期SYB创业培训，上满了80个课时，30个学员都拿了创业培训合格证，结业后半年内有8个办了执照开了店；"
                "另外还办了一期IYB，也是80课时，15个人拿了证。", [], "陕西省宝鸡市千阳县", TODAY)
    assert e.course_facts["SYB"]["trainee_count"] == 30 and e.course_facts["IYB"]["trainee_count"] == 15


def test_some_of_a_units_people_not_insured_are_out_of_its_count_and_the_rest_are_insured():
    e = extract("刚核对了一下，20个里有5个是临时工，没签合同，社保也没给交，那只剩15个能返了吧", [], None, TODAY)
    assert e.facts.get("insurance_paid") is True and "labor_contract_signed" not in e.facts
    assert e.counted_not.get("hi.social_insurance_refund") == [5, "没交社保"]


def test_a_monthly_insurance_said_with_the_kinds_is_a_yearly_cost():
    e = extract("社保那块呢？我们单位给每个人每月交的养老、医疗、失业加起来大概1100块，工伤另外交。", [], None, TODAY)
    assert e.facts.get("insurance_contributions") == 13200 and e.facts.get("insurance_paid") is not False


def test_those_in_the_key_industry_catalogue_and_the_other_certificate_holders_are_two_cases():
    e = extract("今年给50个脱贫户学员做了初次鉴定，42个拿到了职业资格证书，其中12个的工种在重点产业目录里；剩下8个只拿了培训合格证。",
                [], "陕西省宝鸡市千阳县", TODAY)
    assert sorted(e.case_groups, key=lambda g: g[0]) == [(12.0, {"key_industry_catalog": True}),
                                                         (30.0, {"key_industry_catalog": False})]


def test_interns_in_groups_by_months_are_all_the_interns():
    e = extract("今年接了3个今年刚毕业的大学生见习，2个见习满了6个月，1个干了3个月。", [], "陕西省宝鸡市千阳县", TODAY)
    assert e.facts.get("intern_count") == 3 and [tuple(g) for g in e.group_months] == [(2.0, 6.0), (1.0, 3.0)]


@pytest.mark.parametrize("text, want", [
    ("今年鉴定了42个，42个拿到了职业资格证书，其中10个是重点产业目录里的工种；剩下32个里有2个前些年已经享受过鉴定补贴。",
     [(10.0, {"key_industry_catalog": True}), (30.0, {"key_industry_catalog": False})]),
    ("50个都拿到了证：30个是纳入重点产业目录的工种，20个是普通工种，但普通工种里有5个人去年已经领过鉴定补贴了。",
     [(15.0, {"key_industry_catalog": False}), (30.0, {"key_industry_catalog": True})]),
    # none said to have had it: the groups stay whole
    ("50个都拿到了证：30个是纳入重点产业目录的工种，20个是普通工种。",
     [(20.0, {"key_industry_catalog": False}), (30.0, {"key_industry_catalog": True})]),
])
def test_those_of_a_group_who_had_the_benefit_before_are_not_counted_again(text, want):
    e = extract(text, [], "陕西省宝鸡市千阳县", TODAY)
    assert sorted(e.case_groups, key=lambda g: g[0]) == want


def test_a_schools_class_counts_the_students_of_the_category():
    f = extract("我们是丹州一所技工学校，今年开了个扶贫班，40个学生，其中26个是建档立卡家庭的，8个是低保户但不是建档立卡，6个是一般家庭。"
                "每生每年3000左右的补助，我们这个班一年总共能有几多？", [], None, TODAY).facts
    assert f["students_count"] == 26 and "new_hires" not in f and "hired_poor_count" not in f
    assert counts("俺家俩娃都念技工学校")["students_count"] == 2


@pytest.mark.parametrize("text, head, groups", [
    # those still there since the date said, those who left, and a later group: each with its own months
    ("我们是扶贫车间，去年10月招了8个建档立卡的，现在还剩6个一直干着，另2个干了5个月就走了，今年3月又招了4个",
     12, [(6.0, 13.0), (4.0, 8.0), (2.0, 5.0)]),
    # the months of those who left are not everyone's ("去年10月…后面有2个做了5个月就走了，剩下6个一直做到现在")
    ("我们企业去年10月招了8个建档立卡户，都签了两年合同。后面有2个做了5个月就走了，剩下6个一直做到现在。",
     8, [(6.0, 13.0), (2.0, 5.0)]),
    ("我们酒店今年1月招了6个建档立卡户，都交了社保。有一个做了5个月就走了，其他5个一直在。", 6, [(5.0, 10.0), (1.0, 5.0)]),
])
def test_those_who_stayed_those_who_left_and_those_taken_on_later_are_groups_by_time(text, head, groups):
    e = extract(text, [], None, TODAY)
    assert e.facts["new_hires"] == head and sorted(e.group_months, reverse=True) == sorted(groups, reverse=True)


def test_case_groups_said_with_more_words_between():
    # "一共26个，发的都是职业资格证书，其中8个是纳入重点产业目录的工种": 8 and 18
    e = extract("鉴定站，给千阳来的脱贫户做初次鉴定，这个月通过取证的一共26个，发的都是职业资格证书，其中8个是纳入重点产业目录的工种。",
                [], None, TODAY)
    assert sorted(e.case_groups, key=lambda g: g[0]) == [(8.0, {"key_industry_catalog": True}),
                                                         (18.0, {"key_industry_catalog": False})]
    # a class said before, and those of it who started a business in half a year ("半年里")
    e = extract("我们机构承办SYB创业培训，今年5月结业的那期30个学员，都上满80课时拿了合格证，到现在半年里有9个人办了执照开了店。",
                [], None, TODAY)
    assert [(n, f["started_business_within_6_months"]) for n, f in e.case_groups] == [(9.0, True), (21.0, False)]


def test_groups_dated_one_by_a_week_and_one_by_a_year_are_groups_by_time():
    e = extract("我们益阳的人力资源公司，有资质的。上礼拜送了15个建档立卡的去厂里；另外前年还送了8个，都干满一年了，当时没申请。",
                [], None, TODAY)
    assert e.facts["referred_count"] == 23 and sorted(e.group_months) == [(8.0, 29.0), (15.0, 0.0)]
    # a year alone, one group: it dates everyone ("今年免费介绍了20个人")
    assert extract("今年免费介绍了20个人去厂里", [], None, TODAY).group_months == []


@pytest.mark.parametrize("text, n", [
    ("俺家是绥陵县的建档立卡户 大小子在绥化技师学院念二年级 小闺女今年也考上技校了 听说一年给3000 是按人头给还是一家给一份", 2),
    ("大儿子在技校，小儿子也在技校念书", 2),
    # one child at a technical school, the other at an ordinary one: no count of two
    ("大小子在绥化一个技工学校念书，二闺女在县一中念高三", None),
])
def test_children_each_named_at_a_technical_school_are_counted(text, n):
    assert extract(text, [], None, TODAY).facts.get("students_count") == n


def test_an_agency_that_recruited_for_the_unit_is_not_the_unit_and_a_rate_counts_nobody():
    f = extract("我们是旬阳市的一家建筑公司，今年通过一个劳务公司招了30个建档立卡贫困劳动力上工地，听说企业每招一个贫困户政府给1000块",
                [], None, TODAY).facts
    assert f["employer_type"] == "企业" and "agency_licensed" not in f and f["new_hires"] == 30


def test_low_income_hires_said_as_的_count_for_a_base():
    f = extract("我们是千阳的就业帮扶基地。今年新招了8个脱贫户和3个农村低收入的，都签了一年以上的合同", [], None, TODAY).facts
    assert f["hired_poor_count"] == 8 and f["hired_poor_low_income_count"] == 11 and f["new_hires"] == 11


def test_one_of_a_group_said_in_the_same_message_who_had_the_benefit_is_out_of_its_count():
    f = extract("我是溆浦县的劳务经纪人，有营业执照的，今年三月份组织了30个建档立卡的去佛山家具厂。现在25个还在做，3个做了两个月"
                "就回来了，还有2个联系不上。那25个里面有一个今年一月份别个经纪人介绍过、已经领过补贴了。我能拿好多服务补贴？", [],
                None, TODAY).facts
    assert f["hired_poor_count"] == 30
    from assistant.state import State
    from assistant.turn import policy_turn
    t = policy_turn(State(), "inform", "我是溆浦县的劳务经纪人，有营业执照的，今年三月份组织了30个建档立卡的去佛山家具厂。现在25个还在做，"
                    "3个做了两个月就回来了，还有2个联系不上。那25个里面有一个今年一月份别个经纪人介绍过、已经领过补贴了。我能拿好多服务补贴？",
                    [], TODAY)
    # the 25 still there less the one who had it; the 3 who left after two months short of 6 months
    assert "24人×200元 = 4800元" in t.decision.stated[0].amount.steps


@pytest.mark.parametrize("text,days", [
    ("一共十五天 我屋里伢崽发烧请了三天假 只上了十二天", 12),   # the days attended, said after the days missed
    ("学了15天 中间有3天屋里有事冒去", 12),                      # voice input: a space ends the clause of the days
    ("学了15天，中间有3天屋里有事冒去", 12),
])
def test_the_days_of_a_training_attended(text, days):
    assert extract(text, [], None, TODAY).facts["training_days"] == days


def test_a_fare_said_after_another_without_a_unit_adds_up():
    assert extract("火车票三百八 到了又坐大巴六十 票都留着呢", [], None, TODAY).facts["transport_cost"] == 440


def test_some_of_a_group_with_their_own_months_are_taken_from_it():
    e = extract("我在凤凰搞旅游公司，去年八月招了6个建档立卡户，都签了合同。其中一个做了十个月走了，其他5个到现在都在。", [],
                None, TODAY)
    assert e.facts["new_hires"] == 6 and sorted(e.group_months) == [(1.0, 10.0), (5.0, 15.0)]


def test_some_named_again_whose_contract_was_half_a_year_are_out_of_a_years_count():
    e = extract("不好意思说错了，那3个低收入的签的是半年的劳务协议，不是一年", [], "千阳县", TODAY, hiring=True)
    assert e.counted_not["qy.employment_base_award"] == [3.0, "只签了半年"]


def test_two_children_at_school_asked_for_together():
    assert counts("她哥在省技师学院读二年级，也能拿吗？两个加起来一年有多少？") == {"students_count": 2}
    assert "students_count" not in counts("两个加起来一年有多少？")       # no school named: not children at school


def test_one_placed_twice_this_year_already_is_out_of_the_seasonal_count():
    e = extract("今年7月免费介绍了6个脱贫户去县里苹果冷库干季节工，干了4个月。其中有1个人今年上半年已经被别的公司介绍过两回季节工了。"
                "这回能报多少？", [], "千阳县", TODAY)
    assert e.counted_out.get("qy.job_referral_seasonal") == 1
    e = extract("今年7月免费介绍了6个脱贫户去县里苹果冷库干季节工，干了4个月。其中有1个人今年上半年被别的公司介绍过一回。",
                [], "千阳县", TODAY)
    assert "qy.job_referral_seasonal" not in e.counted_out          # once: a second placement is still allowed


def test_a_sibling_at_a_technical_school_too_makes_two_students():
    from assistant.extract import extract
    import datetime as dt
    assert extract("他妹今年也考上技校了，那俺家一年能给多少？", [], None, dt.date(2026, 11, 30)).facts.get("students_count") == 2
    assert "students_count" not in extract("他妹今年初中毕业了", [], None, dt.date(2026, 11, 30)).facts


def test_a_month_of_the_year_after_a_count_is_a_date_not_months_worked():
    e = extract("今年免费给脱贫户介绍了30个人：20个九月份去苏州电子厂，签了一年合同；10个八月初去新疆摘棉花，干到十一月中旬回来，"
           "三个多月", [], None, TODAY)
    assert e.facts.get("referred_count") == 20 and e.facts.get("seasonal_referred_count") == 10
    assert (20.0, 9.0) not in e.group_months


def test_stayed_and_left_with_the_count_before_the_verb_and_half_a_year():
    e = extract("前年11月免费给6个在人社登记失业的建档立卡贫困户介绍进了江苏昆山一家电子厂，都签了劳动合同。现在还有4个在干，"
           "1个干了半年就走了，还有1个去年过完年就回来了", [], None, TODAY)
    assert (4.0, 24.0) in e.group_months and (1.0, 6.0) in e.group_months
    assert e.facts.get("registered_unemployed_referral") is True        # 免费给6个…介绍


# ------------------------------------------------------------------------------------------------ 脱贫 and 低收入 apart
def _stated(t, bid):
    return next(r for r in t.decision.stated if r.benefit.id == bid)


def test_a_workshop_that_is_also_a_base_counts_each_benefits_own_people():
    from assistant.state import State
    from assistant.turn import policy_turn

    s = State()
    t = policy_turn(s, "ask_factory_job", "我们是千阳张家塬镇的就业帮扶车间，今年也认定成了就业帮扶基地。新招了13个，其中脱贫户9个、"
                                          "农村低收入户4个，都签了一年以上合同。两边政策哪个划算？", [], TODAY)
    # the base counts 脱贫 and 低收入 together (13×2000), the workshop's post subsidy 脱贫 only (9×1000)
    assert _stated(t, "qy.employment_base_award").amount.value == 26000
    assert _stated(t, "qy.community_factory_post").amount.value == 9000
    t = policy_turn(s, "correct", "不对，低收入户那4个里头有1个签的是半年的", [], TODAY)
    assert _stated(t, "qy.employment_base_award").amount.value == 24000
    assert _stated(t, "qy.community_factory_post").amount.value == 9000


def test_a_unit_described_before_its_name_is_no_person():
    f = extract("我们是凤翔区一个做竹编的非遗扶贫就业工坊，工坊一共20个人，里头脱贫户5个、农村低收入户2个，这7个都签了一年合同",
                [], None, TODAY).facts
    assert f["new_hires"] == 7 and f["hired_poor_low_income_count"] == 7
    # (a child said by one is still one child at school)
    assert extract("俺家一个娃在县上的技工学校念书", [], None, TODAY).facts.get("students_count") == 1


def test_one_beside_the_others_not_insured_is_out_of_the_insured_count():
    e = extract("我们是株洲一家物流公司，招了5个建档立卡户，4个去年9月来的，合同社保都有；还有1个他自己不肯交社保，我们就没给他交",
                [], None, TODAY)
    assert e.facts.get("insurance_paid") is True
    # the 4 insured are the hires counted: the 1 is not in that count, and not taken out of it again (4, not 3)
    assert e.facts["new_hires"] == 4 and "hn.post_subsidy" not in e.counted_not
    e = extract("我们是株洲一家物流公司，招了5个建档立卡户，合同都签了；其中1个他自己不肯交社保，我们就没给他交", [], None, TODAY)
    assert e.facts["new_hires"] == 5 and e.counted_not.get("hn.post_subsidy") == [1.0, "没交社保"]


def test_some_who_were_appraised_before_are_out_of_their_own_group():
    f = extract("我们鉴定站这个月给30个脱贫劳动力做了鉴定，都拿到了职业资格证书，其中10个的工种在重点产业目录里，20个是目录外的普通工种。"
                "拿证的30个里还有2个（都不是目录里的工种）前年在外地已经鉴定拿过证", [], None, TODAY)
    assert "first_appraisal" not in f.facts       # not everyone: the 2 are out of the count
    assert sorted((n, g["key_industry_catalog"]) for n, g in f.case_groups) == [(10, True), (18, False)]


def test_groups_by_months_and_one_beside_them_who_had_it():
    e = extract("我们是千阳张家塬镇的一个养猪专业合作社。今年收了5个脱贫户来干活，边干边教，就是以工代训。2个从四月干到现在，满7个月了；"
                "2个干了3个月就走了；还有1个说他前年在别的厂已经享受过以工代训了", [], None, TODAY)
    assert e.facts.get("employer_type") == "农民专业合作社"      # the other one's 厂 is not the asker's
    assert sorted(e.group_months) == [(2.0, 3.0), (2.0, 7.0)]
    assert not e.counted_out        # the one who had it is none of the 4 counted


def test_trainees_who_came_every_day_attended_the_class_days():
    e = extract("我们培训学校这期电工班培训12天，建档立卡的20个学员里头18个天天到，2个只来了8天", [], None, TODAY)
    assert sorted(e.group_days) == [(2.0, 8.0), (18.0, 12.0)]


def test_seasonal_work_said_before_the_count_and_some_who_had_the_job_seeking_subsidy():
    e = extract("我们是千阳有许可证的劳务公司，今年免费介绍了：西安一个厂10个，都签了一年合同；新疆摘棉花4个脱贫户，干了4个月回来了",
                [], None, TODAY)
    assert e.facts.get("referred_count") == 10 and e.facts.get("seasonal_referred_count") == 4
    e = extract("西安那10个里，有3个自己回村上已经把那个500块的求职补贴领了，这3个我们还能报不？", [], "陕西省宝鸡市千阳县", TODAY)
    assert e.counted_out.get("qy.job_referral") == 3 and not e.received_this_year


def test_the_new_ones_by_their_new_contracts_beside_the_staff():
    f = extract("我在千阳办了个竹编的非遗扶贫就业工坊，登记注册过的。现在25个工人，脱贫户7个、低收入户2个；今年新签一年合同的有4个，"
                "都是脱贫户。能补点啥？", [], None, TODAY).facts
    assert f.get("new_hires") == 4 and f.get("staff_total") == 25 and f.get("hired_poor_low_income_count") == 9


def test_an_agency_total_told_by_its_groups_is_no_staff():
    f = extract("我们是一家有职介许可的人力资源服务公司，今年免费给28个人介绍了工作：20个脱贫户跟厂里签了一年以上合同；"
                "5个脱贫户去新疆摘棉花干了4个月；还有3个去了两个月就回来了", [], None, TODAY).facts
    assert (f.get("referred_count"), f.get("seasonal_referred_count")) == (20, 5) and "staff_total" not in f


def test_a_category_before_a_workplace_is_persons_not_a_thing():
    # "20个脱贫户跟厂里…": the 20 are people, though a 厂 follows within a few words
    assert counts("免费介绍了工作：20个脱贫户跟厂里签了一年以上合同").get("referred_count") == 20


def test_a_school_of_a_startup_class_counts_the_rest_of_those_with_a_certificate():
    e = extract("我们是千阳县承办创业培训的机构。办了一期SYB班，80课时，30个学员都是脱贫劳动力，27个拿到了创业培训合格证。"
                "拿证的里头有9个在6个月内办了执照开始创业，剩下的还没创业。能申请多少？", [], None, TODAY)
    assert e.facts.get("employer_type") == "培训机构" and "hired_poor_count" not in e.facts
    assert sorted((n, f["started_business_within_6_months"]) for n, f in e.case_groups) == [(9, True), (18, False)]


def test_the_trainees_without_a_certificate_are_a_group_of_their_own():
    # counted "到上个月底" for a class that ended six months before today: those who started did so within six months
    said = ("我们是县上承办SYB创业培训的机构。今年五月底结业的一个班，30个学员，上满了88个课时，27个拿到了创业培训合格证。"
            "到上个月底，拿证的里面有9个已经开了店办了执照，剩下18个还没开；另外3个没拿到证。这个班能申请多少补贴？")
    e = extract(said, [], None, dt.date(2026, 12, 2))
    assert "training_certificate" not in e.facts
    assert sorted((n, f.get("training_certificate"), f.get("started_business_within_6_months"))
                  for n, f in e.case_groups) == [(3, False, None), (9, True, True), (18, True, False)]


def test_a_second_course_counts_its_trainees_with_a_certificate():
    e = extract("今年有一期SYB班30人，全都拿了创业培训合格证，6个月内有12个人开了店，另外18个还没开。"
                "还有一期IYB班20人，18个拿到了合格证，2个没拿到。", [], None, TODAY)
    assert e.course_facts["IYB"]["trainee_count"] == 18


def test_appraised_people_in_and_out_of_the_catalogue_said_after_the_certificate():
    e = extract("我们是职业技能鉴定机构：拿到职业资格证书的47人，其中30人的工种在重点产业职业资格目录里，17人不在。"
                "30人里头有3个以前已经享受过鉴定补贴", [], None, TODAY)
    assert sorted(e.case_groups, key=lambda g: -g[0]) == [(27, {"key_industry_catalog": True}),
                                                          (17, {"key_industry_catalog": False})]


def test_new_hires_said_with_their_class_first_are_apart_from_the_staffs_poor():
    e = extract("我们是千阳县认定的就业帮扶车间，今年又被认定成了就业帮扶基地。厂里总共80人，脱贫户一共20个。"
                "今年新招的有脱贫户16个、农村低收入人口6个，都签的一年合同。", [], None, TODAY)
    assert (e.facts.get("staff_total"), e.facts.get("hired_poor_count"), e.facts.get("new_hires")) == (80, 20, 22)
    assert e.counted_not.get("qy.community_factory_post", [0])[0] == 6     # the workshop's post subsidy: 脱贫 only


def test_villagers_of_a_category_are_persons_and_the_staffs_costs_are_read():
    e = extract("我们是做刺绣的非遗扶贫就业工坊，今年新招了5个脱贫户4个村里的低收入户都签了一年的劳动合同工坊现在一共24个人"
                "房租一年3万6水电一年6千", [], None, TODAY)
    assert (e.facts.get("hired_poor_low_income_count"), e.facts.get("new_hires")) == (9, 9)
    assert e.facts.get("rent_utilities_cost") == 42000


def test_a_group_count_corrected_changes_the_counts_that_hold_it():
    from assistant.state import State
    from assistant.turn import policy_turn
    s = State()
    policy_turn(s, "ask_employer_subsidy", "你好，我们是千阳一家苹果深加工企业，县上认定的就业帮扶基地。今年新招了脱贫劳动力6个、"
                                           "农村低收入劳动力3个，都签了一年的劳动合同。年底能申请多少一次性奖补？", [], TODAY)
    assert s.facts.get("employer_type") == "就业帮扶基地" and s.facts.get("new_hires") == 9
    policy_turn(s, "correct", "不好意思说错了，低收入的是5个不是3个。", [], TODAY)
    assert s.facts.get("new_hires") == 11 and s.facts.get("hired_poor_count") == 6
    assert "脱贫劳动力" in s.facts.get("category")


def test_a_group_with_its_own_people_in_brackets_keeps_the_words_after_them():
    f = extract("我们是有职介许可证的人力资源服务公司，今年免费帮人找工作：9个农民工（里面有4个脱贫户）签了两年劳动合同；"
                "另外4个脱贫户去外地果园干季节工，干了4个月", [], None, TODAY).facts
    assert f.get("referred_count") == 9 and f.get("registered_unemployed_referral") is True


def test_each_of_several_placed_that_many_times():
    f = extract("我们是扶贫就业服务公司，给村里6个脱贫户每人介绍了三回季节工，每回都干了三个多月，一分钱没收", [], None, TODAY).facts
    assert f.get("times_this_year") == 3 and f.get("seasonal_referred_count") == 6


def test_more_people_for_the_same_benefit_keep_its_topic():
    from assistant.state import State
    from assistant.understand import effective_intent
    s = State()
    s.topic = "ask_referral"
    text = "俺们在别的村还有个点，那边给每人收了100块介绍费，那些人能一起报不？"
    assert effective_intent("ask_what_can_i_get", text, extract(text, [], None, TODAY), s) == "ask_referral"


def test_some_of_a_class_who_missed_days_said_with_the_class():
    e = extract("我们是永州一家培训机构，上个月办了期就业前技能培训，10天，学员20个都是建档立卡贫困劳动力，其中5个人各请假缺了3天",
                [], None, TODAY)
    assert sorted(e.group_days) == [(5, 7), (15, 10)] and e.facts.get("trainee_count") == 20
    assert "months_since_employment" not in e.facts      # 就业前技能培训 is a course, not a job


def test_a_benefit_once_a_year_had_last_year_counts_this_year():
    from assistant.state import State
    from assistant.turn import policy_turn
    s = State()
    policy_turn(s, "ask_referral", "我们是衡阳一家有正规资质的人力资源公司，今年上半年组织了15个建档立卡贫困劳动力去广东厂里上班，"
                                   "到现在有11个稳定干满6个月以上了，其他4个干了两三个月就回来了。能拿多少补贴", [], TODAY)
    t = policy_turn(s, None, "这11个里面有3个是去年也经我们介绍出去过、当时也领过补贴的，今年这次还能算不", [], TODAY)
    r = next(r for r in t.decision.stated if r.benefit.id == "hn.job_service_subsidy")
    assert r.amount.value == 2200


def test_a_group_working_since_a_date_beside_one_that_left():
    e = extract("我是肇东的养牛大户，雇了6个人：3个建档立卡贫困户从2024年5月一直干到现在；1个建档立卡的干了7个月就走了；"
                "还有2个是村里的一般户", [], None, TODAY)
    assert sorted(e.group_months) == [(1, 7), (3, 30)]


def test_the_years_of_school_a_total_is_asked_for():
    f = extract("闺女今年初中毕业想去念技校学汽修，三年制的。国家一年给补多少，三年下来一共多少？", [], None, TODAY).facts
    assert f.get("school_months") == 36
    assert "school_months" not in extract("闺女想去念技校学汽修，三年制的，一年给补多少", [], None, TODAY).facts


def test_interns_named_one_by_one_with_their_months():
    e = extract("我是汉滨区一家电商公司的，今年招了两个贫困家庭的大学毕业生来见习，小王见习了4个月，小李见习了8个月。"
                "见习补贴咋算", [], None, TODAY)
    assert sorted(e.group_months) == [(1, 4), (1, 8)]


def test_a_school_asking_one_students_total():
    f = extract("我们是肇东的一所技工学校，今年秋季招了45个建档立卡贫困家庭的学生，学制三年。那个每生每年3000块是打到学校账上"
                "还是给学生家里？一个学生三年一共多少", [], None, TODAY).facts
    assert (f.get("students_count"), f.get("school_months")) == (1, 36)
    f = extract("我们是肇东的一所技工学校，今年秋季招了45个建档立卡贫困家庭的学生，一年一共能拿多少", [], None, TODAY).facts
    assert f.get("students_count") == 45 and "school_months" not in f


def test_two_children_one_at_a_technical_school_and_one_going_are_two_students():
    e = extract("俺家是建档立卡户，俩娃，大的在技师学院念一年级，小的今年初中刚毕业，打算去读技校", [], None, TODAY)
    assert e.facts.get("students_count") == 2
    # one at college is not a technical school's student
    e = extract("俺家是建档立卡户，俩娃，大的在技师学院念一年级，小的今年高中毕业考上了大学", [], None, TODAY)
    assert e.facts.get("students_count") == 1


def test_groups_dated_after_their_class_are_counted_by_the_time_they_have_worked():
    e = extract("我们合作社用着5个人：三个脱贫户去年三月就来了一直干着，还有一个脱贫户今年9月才来，另外一个是一般户", [], None, TODAY)
    assert sorted(e.group_months) == [(1.0, 2.0), (3.0, 20.0)], e.group_months
    assert e.facts.get("hired_poor_count") == 4


def test_a_poor_county_unit_s_hires_from_another_county_are_at_the_ordinary_rate():
    # 湖南 二、（三）1: 贫困地区的企业吸纳当地建档立卡贫困劳动力 1500元, others 1000元
    e = extract("我们是凤凰县的扶贫车间，凤凰是贫困县，招了本县的建档立卡户10个，还有2个是怀化沅陵县过来的建档立卡户",
                [], None, TODAY)
    assert sorted(e.case_groups) == [(2, {"employer_in_poor_area": False}), (10, {"employer_in_poor_area": True})]


def test_some_of_a_group_said_to_take_part_in_one_benefit_count_for_it_alone():
    e = extract("我们是千阳认定的就业帮扶基地，今年新招了8个脱贫户、3个农村低收入户，都签了一年合同。其中5个脱贫户我们搞以工代训"
                "带了3个月", [], None, TODAY)
    assert e.facts.get("hired_poor_count") == 8 and e.facts.get("new_hires") == 11      # all the new hires still count
    assert e.counted_not.get("qy.work_for_training", [None])[0] == 3                      # 8 - 5 not in the training
    # a subgroup said for the days it missed is not one taking part in another benefit
    e = extract("我们办了期培训，学员20个都是建档立卡贫困劳动力，其中5个人各请假缺了3天，生活费补贴一共多少", [], None, TODAY)
    assert not e.counted_not


def test_the_count_nearest_a_short_contract_is_the_one_out_of_a_year_s_count():
    for text in ("我们是千阳的社区工厂，今年新招了8个脱贫户，其中6个签了一年合同，2个脱贫户只签了半年",
                 "我们是千阳的非遗扶贫就业工坊，今年新招了8个人：6个脱贫户、2个农村低收入户，其中7个签了一年合同，1个脱贫户只签了半年"):
        e = extract(text, [], None, TODAY)
        bid = "qy.community_factory_post" if "社区工厂" in text else "qy.heritage_workshop_post"
        kept = e.facts["new_hires"] - e.counted_not.get(bid, [0])[0]
        assert kept == (6 if "社区工厂" in text else 7), (e.facts, e.counted_not)


def test_an_aside_listing_where_a_group_is_from_does_not_part_the_groups():
    f = extract("我们是长沙的一家物流公司。去年招了10个人：6个是湖南本省的建档立卡贫困户（邵阳、湘西的都有），2个是贵州的建档立卡贫困户，"
                "2个是普通人。都签了两年劳动合同", [], None, TODAY)
    assert f.facts["hired_poor_count"] == 8 and f.counted_not["hn.post_subsidy"] == [2.0, "是外省的"]
    # an aside with a count of its own is read
    f = extract("招了10个人（其中3个是建档立卡的）", [], None, TODAY)
    assert f.facts.get("hired_poor_count") == 3


def test_hires_counted_as_the_insured_are_not_counted_out_again():
    t = ("我们是湘西花垣县的就业扶贫车间，注册了公司的，花垣是贫困县。车间招了8个本村的建档立卡贫困户，其中5个签了劳动合同、交了社保，"
         "干了一年多了；另外3个是计件做的，没签合同也没交社保。岗位补贴一年能给多少？")
    f = extract(t, [], None, TODAY)
    assert f.facts["new_hires"] == 5 and "hn.post_subsidy" not in f.counted_not
    # the months are the hires', not the registered company's
    assert f.facts["months_employed"] == 12 and "months_since_registration" not in f.facts


@pytest.mark.parametrize("text,n", [
    ("另外我们学校也有职业技能鉴定资质，这批里有30个人是头一回考，拿到了初级电焊工职业资格证，鉴定补贴能给多少？", 30),
    ("我们学校也是职业技能鉴定机构，第一个班里有15个人第一次考电工，拿到了职业资格证书，鉴定补贴给多少，找谁报？", 15),
])
def test_an_appraisal_institution_counts_the_persons_it_appraised(text, n):
    f = extract(text, [], None, TODAY).facts
    assert f["appraised_count"] == n and "trainee_count" not in f


def test_a_person_appraised_is_no_count():
    assert "appraised_count" not in extract("我是千阳的脱贫户，第一次参加鉴定拿了电工证，有补贴吗", [], None, TODAY).facts


def test_groups_by_days_said_without_the_class_make_the_class():
    f = extract("培训15天，有16个人天天都来了，有4个人只来了10天，生活费怎么算？一共多少？", [], None, TODAY)
    assert sorted(f.group_days) == [(4.0, 10.0), (16.0, 15.0)]
    assert f.facts.get("trainee_count") in (None, 20) and f.facts["training_days"] == 15
    # a count the words give one group is not the class
    f = extract("培训15天，学员里有16个人天天都来了，有4个人只来了10天", [], None, TODAY)
    assert f.facts.get("trainee_count") in (None, 20)


# ------------------------------------------------------------------------------------------------ units, WeChat style
def _facts(text):
    return extract(text, [], None, TODAY)


def test_a_wechat_space_ends_the_staffs_noun():
    # "一共四十个工人 脱贫劳动力十五个": forty workers, fifteen of them 脱贫 (not 40 + 15 脱贫)
    e = _facts("我们是千阳一个就业帮扶车间 一共四十个工人 脱贫劳动力十五个 这十五个都是今年新招的 都签了一年合同 能补多少")
    assert e.facts["staff_total"] == 40 and e.facts["hired_poor_count"] == 15 and e.facts["new_hires"] == 15


def test_the_new_ones_said_after_their_count():
    e = _facts("俺们是高崖镇的就业帮扶车间，同时也是县上认定的就业帮扶基地。厂里一共60人，脱贫户就12个，都是今年新招的，"
               "另外今年还新招了4个农村低收入户，这16个都签了一年合同。一共多少钱？")
    assert e.facts["new_hires"] == 16 and e.facts["hired_poor_count"] == 12
    assert e.counted_not["qy.community_factory_post"][0] == 4     # the 低收入 are no 脱贫 hires


def test_a_short_contract_after_the_others_contract_and_the_costs_after_a_space():
    e = _facts("我们是千阳做刺绣的非遗扶贫就业工坊 一共15个绣娘 今年新招了9个 里头5个脱贫户4个低收入户 有7个签了一年合同 "
               "2个只签了半年 场地租金一年两万 水电一年四千 能补啥")
    assert e.facts["new_hires"] == 7 and e.facts["rent_utilities_cost"] == 24000


def test_two_who_had_it_said_as_lia_and_the_months_of_the_training():
    e = _facts("俺们是千阳的苹果专业合作社 今年招了八个脱贫户来园子干活 边干边教修剪嫁接 搞以工代训 已经搞了四个月 "
               "里头有俩人去年在别的厂子享受过以工代训 这个补贴咋算")
    assert e.counted_out.get("qy.work_for_training") == 2 and e.facts.get("training_months") == 4


def test_a_day_not_missed_is_no_days_count():
    assert _facts("那她要是不读技校 先去县里参加个就业技能培训呢 培训四十天 一天都不落").facts["training_days"] == 40


def test_groups_and_courses_of_a_message_with_spaces_for_commas():
    e = _facts("我们机构在千阳办了一期SYB创业培训 30个人 八十个课时 都拿到了创业培训合格证 结业半年了 这半年里十二个已经开店"
               "办了执照 剩下十八个还没创业 另外还办了一期IYB 二十人也都拿证了 一共能拿多少补贴")
    assert sorted(n for n, _ in e.case_groups) == [12, 18]
    assert e.course_facts["IYB"]["trainee_count"] == 20


def test_an_agencys_contract_and_seasonal_placements_each_keep_their_count():
    e = _facts("我们是千阳张家塬镇的村级扶贫就业服务公司，执照手续都齐，给人介绍工作一分钱不收。今年九月介绍了6个脱贫户去西安比亚迪，"
               "都签的一年合同，其中有一个人自己已经在镇上领了500块的求职补贴；八月中旬又介绍了4个脱贫户去县上苹果冷库干季节工，"
               "干到现在三个多月了，还有2个不是脱贫户的普通农民工也跟着去冷库干季节工。我们这些一共能拿多少职介补贴？")
    assert e.facts["referred_count"] == 6 and e.facts["seasonal_referred_count"] == 4
    # the one who had the 求职补贴 is of the six with a contract, not of the seasonal four
    assert e.counted_out.get("qy.job_referral") == 1 and "qy.job_referral_seasonal" not in e.counted_out


def test_a_brokers_licence_is_no_business_and_the_month_he_placed_them_is_their_start():
    e = _facts("我是绍阳隆回的农村劳务经纪人 办了营业执照的 今年三月份组织了15个建档立卡贫困户去东莞电子厂 到现在还有11个在那干 "
               "另外4个干了两个月就跑回来了 我一共能拿多少")
    assert e.facts["agency_licensed"] is True and "months_since_registration" not in e.facts
    # (the 4 who ran back after two months are a group of their own, out of the count by their months)
    assert e.facts["months_employed"] == 8 and sorted(tuple(g) for g in e.group_months) == [(4.0, 2.0), (11.0, 8.0)]
    again = _facts("还有个事 这11个里头有2个 今年年初别的中介已经帮他们领过一回补贴了 这影响我不")
    assert again.counted_out_topic == [(2, 11, False)]     # (of this year: "今年年初")


def test_parents_each_on_their_own_post_named_without_a_pronoun():
    e = _facts("来电群众说他家在千阳崔家头镇，父亲在村里当劳动保障助理员，母亲在村上干保洁，都是农村公益性岗位，问俩人每月各补多少钱")
    assert sorted(f["post_type"] for _, f in e.case_groups) == ["农村公益性岗位-其它", "农村公益性岗位-劳动保障助理员"]


def test_a_schools_class_counts_only_those_with_the_certificate():
    e = extract("还有一期IYB，也是80课时，报了20个学员，最后16个拿到合格证，这个咋算", [], None, TODAY)
    assert e.facts.get("trainee_count") == 16 and e.facts.get("training_certificate") is True
    e = extract("还有一期IYB，20个学员，2个没拿到证", [], None, TODAY)
    assert e.facts.get("trainee_count") != 2


def test_a_schools_category_count_after_a_course_ended_is_its_trainees():
    e = extract("我们是千阳县承办创业培训的机构，今年四月份结业了一期SYB，88个课时，30个脱贫劳动力都拿到了创业培训合格证，"
                "结业后6个月内有12个人办了执照开始创业。我们能拿多少培训补贴？", [], None, TODAY)
    assert e.facts.get("trainee_count") == 30 and "hired_poor_count" not in e.facts
    assert sorted(n for n, _ in e.case_groups) == [12, 18]


def test_groups_said_as_what_they_are_are_parts_of_the_count_before_and_keep_their_months():
    e = extract("肇东一个扶贫车间，现在有8个贫困户在干活，6个是建档立卡的，都干了一年多了，另外2个是边缘户，来了半年。"
                "吸纳这些人能拿多少奖励补贴", [], None, TODAY)
    assert e.facts.get("hired_poor_count") == 8
    assert sorted(e.group_months) == [(2, 6), (6, 12)]


# ------------------------------------------------------------------------------------------------ "N个里有M个"
@pytest.mark.parametrize("pattern, text, want", [
    ("_SOME_OF_NAMED", "去苏州那6个里头有一个自己开了店", ("6", "一")),
    ("_PART_OF_A_COUNT", "这160个人里有100个是脱贫户", ("160", "100")),
    ("_SOME_OF_A_GROUP", "留下来的10个里面有2个", ("10", "2")),
    ("_SHORT_IN_COUNT", "湘西的5个里有4个已经干了一年多，还有1个今年三月才进来", ("5", "4")),
    # not a head-count: "6个月里有3个月"
    ("_SOME_OF_NAMED", "那6个月里有3个月没上班", None),
    # the loosest reading does not take a bare 里
    ("_SOME_OF_A_GROUP", "厂里10个里有2个", None),
])
def test_some_of_a_count_shares_one_base_pattern(pattern, text, want):
    import assistant.extract as ex
    m = getattr(ex, pattern).search(text)
    assert (m.groups() if m else None) == want


@pytest.mark.parametrize("text, added", [
    ("我们是劳务中介，还有个扶贫车间，也给他报了职介补贴", False),       # a subsidy applied for, not one more kind
    ("我那个扶贫车间也被县上认定成就业帮扶基地了", True),
    ("我们是社区工厂，能不能再去申请个基地，两头都拿？", True),
])
def test_one_more_kind_of_unit_is_not_a_subsidy_applied_for(text, added):
    ex = extract(text, [], None, TODAY)
    if "employer_type" in ex.facts:
        assert ex.kind_added is added
    else:
        assert not added


def test_an_agencys_licence_after_a_comma_is_not_a_business():
    f = extract("我们是县里的劳务公司，有营业执照，去年输送了50个人去广东", [], None, TODAY).facts
    assert f.get("employer_type") == "人力资源服务机构"
    assert "business_type" not in f
    # the person's own licence, with a subject of its own, is still theirs
    f = extract("中介帮我找过工作，我自己开了个小卖部，有营业执照", [], None, TODAY).facts
    assert f.get("business_type") == "个体工商户"


@pytest.mark.parametrize("text", [
    "我们培训学校给千阳县人社局承办了一期SYB创业培训，80课时，30个学员全部拿到创业培训合格证。培训结束半年了，"
    "30人里有12个在6个月内开了店办了执照。培训补贴能拿多少？",
    "我们培训学校承办了一期SYB创业培训，30个学员全部拿到合格证，有12个在6个月内开了店",
])
def test_a_class_by_outcome_is_the_whole_class_in_two_groups(text):
    # 千阳 二、（三）11: 2500元 for those who started a business within 6 months, 1000元 for the others
    e = extract(text, [], None, TODAY)
    assert e.facts["trainee_count"] == 30 and "staff_total" not in e.facts
    assert [(n, f.get("started_business_within_6_months")) for n, f in e.case_groups] == [(12.0, True), (18.0, False)]


def test_two_splits_of_the_same_hires_count_them_once():
    # by category (4 + 2 = 6), then by contract (5 a year, 1 of eight months): six hires, the one short contract out
    said = ("我们是千阳的非遗扶贫就业工坊。今年新招了6个人：4个脱贫户、2个农村低收入户，其中5个签了一年合同，"
            "1个脱贫户只签了8个月。工坊一共24个员工，脱贫户和低收入户加起来7个。")
    e = extract(said, [], None, TODAY)
    assert e.facts["new_hires"] == 6 and e.facts["hired_poor_low_income_count"] == 7
    assert e.counted_not["qy.heritage_workshop_post"][0] == 1
    # the short ones beside the counted ("9个人：5个…签的一年合同，2个…只签了半年"): not in the 5
    e = extract("社区工厂，今年一共招了9个人：5个脱贫劳动力签的一年合同，2个脱贫劳动力只签了半年，2个是一般村民。", [], None, TODAY)
    assert e.facts["new_hires"] - e.counted_not["qy.community_factory_post"][0] == 5


def test_some_of_those_still_counted_who_had_the_subsidy_are_out_of_it_too():
    # 15 placed, 4 back within 3 months (not counted), "干满半年的11个里头有2个…领过补贴了": the 11 are who is counted,
    # so the 2 are out of the same count: 9 for the agency's 就业创业服务补贴
    ex = extract("我是怀化的农村劳务经纪人，有营业执照，今年过完年带了15个建档立卡贫困劳动力去广东电子厂，到现在干满半年的有11个，"
                 "另外4个不到3个月就回来了。干满半年的11个里头有2个今年上半年已经被别的中介介绍过一次、领过补贴了。"
                 "我能拿多少服务补贴？", [], None, TODAY)
    assert ex.facts["referred_count"] == 15
    # (the 4 back within 3 months: out of the count, as a group short of six months or as counted out)
    assert (ex.counted_not.get("hn.job_service_subsidy") or [0])[0] == 4 or \
        any(n == 4 and months < 6 for n, months in ex.group_months)
    assert ex.counted_out.get("hn.job_service_subsidy") == 2


@pytest.mark.parametrize("text", ["不好意思说错了 干了一年多的是五个 八月来的就一个 那能给多少",
                                  "干了一年多的有五个，八月来的就一个"])
def test_groups_named_by_their_time_then_counted(text):
    # "干了一年多的是五个", "八月来的就一个" (as of 2026-11-30: 3 months): the time first, then the count
    ex = extract(text, [], None, TODAY, hiring=True)
    assert ex.group_months == [(5.0, 12.0), (1.0, 3.0)]
    assert ex.facts["new_hires"] == 6


def test_interns_named_more_than_once_each_with_their_months_and_one_not_poor_left_out():
    # "小张、小李、小王都是建档立卡贫困家庭的，小张见习了8个月，小李6个月，小王4个月；还有一个小赵家里不是贫困户，见习了6个月":
    # the three of poor families at their own months; 小赵 is not counted (安康 见习补贴 is for 贫困家庭高校毕业生)
    ex = extract("我们是汉阴县城一家做农产品电商的公司，去年接了4个高校毕业生来见习。小张、小李、小王都是建档立卡贫困家庭的，"
                 "小张见习了8个月，小李6个月，小王4个月；还有一个小赵家里不是贫困户，见习了6个月。见习补贴我们公司一共能拿多少？",
                 [], None, TODAY)
    assert ex.facts["intern_count"] == 3
    assert sorted(ex.group_months) == [(1.0, 4.0), (1.0, 6.0), (1.0, 8.0)]


def test_those_of_a_group_who_stayed_are_the_group_and_one_come_later_is_the_rest():
    e = extract("我们是绥棱县一家种植专业合作社，前年开春招了4个建档立卡贫困户在社里干活，其中3个一直干到现在，两年多了；"
                "还有1个是今年七月份才来的。", [], None, TODAY)
    assert sorted(e.group_months) == [(1.0, 4.0), (3.0, 32.0)]
    # (when the one come later is not the rest of the four, the four stay one group)
    e = extract("前年开春招了4个建档立卡贫困户，其中3个一直干到现在；还有2个是今年七月份才来的。", [], None, TODAY)
    assert (4.0, 32.0) in e.group_months


def test_a_second_child_named_by_its_place_who_will_go_to_technical_school_too_is_counted():
    assert counts("那要是二闺女高中不念了，明年秋天也去上技校呢？到时候俺家一年能拿多少") == {"students_count": 2}
    assert "students_count" not in counts("二闺女在肇东一中念高一。")


@pytest.mark.parametrize("text, fact, value", [
    ("不好意思说错了，这期是12天，不是10天。", "training_days", 12),
    ("这个工种初级工补贴标准是1500元。", "training_standard", 1500),
    ("本地这个工种就业技能培训补贴标准是1200元一人。", "training_standard", 1200),
])
def test_the_number_said_instead_and_a_standard_said_by_its_trade(text, fact, value):
    assert extract(text, [], "千阳县", TODAY).facts[fact] == value


def test_a_number_said_not_to_be_it_is_still_read_when_nothing_else_of_its_unit_is_said():
    assert extract("培训不是10天吗", [], "千阳县", TODAY).facts.get("training_days") == 10


def test_a_classs_certified_trainees_and_its_placed_said_alone():
    e = extract("40个学员，38个培训合格，结业后3个月内就业了22个。", [], "千阳县", TODAY)
    assert e.facts["trainee_count"] == 38 and e.facts["class_employment_rate"] == round(22 / 38, 4)
    e = extract("不对不对，刚对了花名册，3个月内就业的是29个，不是22个", [], "千阳县", TODAY)
    assert e.class_placed == 29 and "class_employment_rate" not in e.facts


def test_those_who_stayed_a_year_with_no_start_month_said_count_the_year_and_those_who_left_are_apart():
    e = extract("前年我们免费给在就业局登记失业的贫困户介绍工作，一共介绍了8个人，都跟企业签了劳动合同。现在干满一年以上的有6个，"
                "另外2个干了四个月就走了。", [], "汉滨区", TODAY)
    assert sorted(e.group_months) == [(2.0, 4.0), (6.0, 12.0)] and e.facts["months_employed"] == 12


def test_a_group_with_a_long_aside_before_its_months_is_a_group():
    e = extract("车间吸纳了7个建档立卡贫困劳动力：4个是花垣本县的，干满一年多了；2个是贵州松桃那边过来的建档立卡户，也干了一年多；"
                "还有1个本县的才干了8个月。", [], "花垣县", TODAY, hiring=True)
    assert sorted(e.group_months) == [(1.0, 8.0), (2.0, 12.0), (4.0, 12.0)]


def test_one_person_placed_at_another_factory_is_not_a_second_group():
    e = extract("今年免费给一个脱贫户介绍去果汁厂干季节工，干了4个月；后来又给他介绍到另一个厂干了5个月季节工", [], "千阳县", TODAY)
    assert len(e.group_months) < 2


def test_a_number_is_read_with_the_words_of_its_own_sentence():
    assert extract("合同我们签的都是三年的。干了8个月那个等满一年能不能再报？", [], "花垣县", TODAY,
                   hiring=True).facts.get("contract_months") == 36


def test_a_broker_on_record_in_hunan_dialect_is_licensed():
    assert extract("我是邵阳隆回县在人社局备哒案的劳务经纪人", [], None, TODAY).facts.get("agency_licensed") is True


def test_the_units_share_corrected_after_a_misread_sheet():
    e = extract("哦不好意思，我看错表了，单位部分是每人每月980元", [], "海口市", TODAY, hiring=True)
    assert e.correction and e.facts.get("insurance_contributions") in (980, 980 * 12)


def test_some_of_a_count_of_an_earlier_message_who_had_job_seeking_are_out_of_that_groups_benefit_only():
    s, text = _conv(("ask_referral", "您好，我们是千阳县一家有职介许可证的人力资源服务公司。今年免费给脱贫劳动力介绍工作：8个人进了江苏一家电子厂，"
                                     "都签了两年劳动合同；5个人介绍去果园干季节工，干了4个月；还有2个也是季节工，干了两个月就回来了。"
                                     "我们总共能申请多少职业介绍补贴？"),
                    ("inform", "对了，进电子厂那8个人里有3个，今年自己已经在镇上领过500块的求职补贴了，这3个我们还能报吗？"))
    assert "2500元（5人×每人500元" in text and "1000元（5人×每人200元" in text


@pytest.mark.parametrize("text, place, compared", [
    ("隔壁千阳县的脱贫户都能领500块，我们陈仓的能领不", "陕西省宝鸡市陈仓区", "陕西省宝鸡市千阳县"),
    ("来电人说隔壁千阳县的脱贫户都能领500块，同样是宝鸡的，陈仓为啥不行？", None, "陕西省宝鸡市千阳县"),
    ("我是千阳县的脱贫户", "陕西省宝鸡市千阳县", None),
])
def test_a_place_named_to_compare_with_is_not_the_askers(text, place, compared):
    e = extract(text, [], None, TODAY)
    assert (e.place, e.place_compared) == (place, compared)


@pytest.mark.parametrize("text, fact, value", [
    ("电工班平常的补贴标准是一个人1200元。", "training_standard", 1200),
    ("大娃那个3000是一回性的还是年年有？他学制三年", "school_months", 36),
])
def test_a_standard_said_as_the_usual_one_and_a_courses_years_asked_of_every_year(text, fact, value):
    assert extract(text, [], "千阳县", TODAY).facts[fact] == value


def test_a_second_claim_for_the_same_people_said_as_给我算一次():
    assert extract("这两个人能再给我算一次不", [], "隆回县", TODAY).facts.get("claim_again") is True


def test_a_branch_registered_on_its_own_is_another_unit():
    from policies import normalize as nz
    assert nz.OUR_OTHER_UNIT.search("另外我们在花垣县单独注册了一家分公司")
    assert not nz.OUR_OTHER_UNIT.search("我们公司单独给他们开了个培训班")


def test_some_who_missed_days_said_beside_those_who_came_every_day():
    e = extract("30个人，学10天。学员生活费怎么算：25个人10天全勤，5个人各缺了2天。", [], "株洲市", TODAY)
    assert sorted(e.group_days) == [(5.0, 8.0), (25.0, 10.0)]


def test_placements_charged_for_said_besides_a_whole_are_added_and_counted_out():
    e = extract("我们是汉滨区的一家人力资源服务公司。从前年下半年开始免费给登记失业的贫困劳动者介绍工作，一共介绍成了12个，都跟厂里签了"
                "劳动合同。到现在有9个干满一年多了，另外3个干了七八个月就走了。还有5个人我们是收了200块介绍费的，也都干满一年了。",
                [], "汉滨区", TODAY)
    assert e.facts["referred_count"] == 17 and e.counted_not["ak.job_referral"][0] == 5
