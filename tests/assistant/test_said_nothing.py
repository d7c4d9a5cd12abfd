"""Never "the document has nothing on it" when it has: a two-part question whose one part the document lacks gets the
other part answered; a 扶贫车间 in 绥化 hears of the units' 创业扶贫奖励; a correction stays on the topic answered;
a place named later only as where someone is does not replace the home place; naming a category does not rule out
a status an office records (登记失业)."""
import datetime as dt

import pytest

from assistant.state import State
from assistant.turn import policy_turn
from policies import Profile, evaluate

TODAY = dt.date(2026, 11, 30)


def _say(state, intent, text):
    return policy_turn(state, intent, text, [], TODAY)


def _text(t):
    return "\n".join(r.text for r in t.replies)


def test_two_part_question_with_one_part_the_document_lacks_answers_the_other():
    s = State()
    t = _say(s, "ask_transport", "我们是宁陕的人力资源服务机构，准备组织一批贫困劳动力去省外。一是政府对我们组织劳务输出有没有补贴？"
                                 "二是工人的路费谁出，有没有交通补助？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert "ak.job_referral" in ids
    text = _text(t)
    # the travel part: that the document has none, and what it does say of getting people to work (免费输送到用工单位)
    assert "ak.placement_service" in ids and "交通补助：安政办发〔2016〕74号没有写这方面的补贴" in text


def test_a_workshop_in_suihua_hears_of_the_units_reward_not_that_there_is_nothing():
    s = State()
    t = _say(s, "ask_factory_job", "俺们在北林区开的扶贫车间，前年6月招了4个建档立卡的，一直干到现在没走，那个奖励咋申请？")
    text = _text(t)
    assert "里没有" not in text
    assert "sh.startup_poverty_reward" in [r.benefit.id for r in t.decision.stated]
    assert s.role == "employer"


def test_who_runs_a_workshop_is_an_employer():
    s = State()
    _say(s, "ask_what_can_i_get", "我在北林区开了个扶贫车间，用了12个贫困户，我这能拿啥奖励？")
    assert s.role == "employer"


def test_a_correction_after_an_answer_by_name_stays_on_the_named_topic():
    s = State()
    t = _say(s, "ask_job_seeking", "俺家在兰西，建档立卡的，闺女在县里职高念幼师专业，那个每年3000块的补助俺家有没有？")
    assert t.decision.stated[0].benefit.id == "sh.technical_school"
    t = _say(s, "correct", "俺问明白了，说错了，她念的是绥化技师学院，不是职高")
    assert "里没有" not in _text(t)
    assert "sh.technical_school" in [r.benefit.id for r in t.decision.stated]


def test_a_place_named_as_where_someone_is_does_not_replace_home():
    s = State()
    _say(s, "ask_job_seeking", "我儿子是千阳的脱贫户，今年九月去苏州厂里上班，签了一年合同，能领求职补贴吗")
    home = s.place
    t = _say(s, "ask_documents", "他人在苏州回不来，我是他妈，能替他办不？")
    assert s.place == home and "千阳" in home
    assert "暂未收录" not in _text(t) and "地点改为" not in _text(t)


def test_a_place_said_as_home_or_as_a_correction_still_replaces_it():
    s = State()
    _say(s, "ask_job_seeking", "千阳的脱贫户，签了一年合同，能领求职补贴吗")
    _say(s, "correct", "说错了，我是苏州的")
    assert "苏州" in s.place
    s = State()
    _say(s, "ask_job_seeking", "汉阴的脱贫户，签了一年合同，能领求职补贴吗")
    _say(s, "correct", "说错了，是千阳的")
    assert "千阳" in s.place
    # a new question about a person of another place ("千阳的脱贫户…") is theirs
    s = State()
    _say(s, "ask_transport", "我是长沙的贫困户，去广东打工路费能报吗")
    _say(s, "ask_transport", "千阳的脱贫户去外省打工车票680能报多少")
    assert "千阳" in s.place


@pytest.mark.parametrize("first,then", [
    # a date corrected, with the place the people went to
    ("我们是长沙的一家人力资源服务公司，有许可证。今年5月20号从湘西龙山拉了45个建档立卡的到山东济南的工厂，介绍补贴能拿多少",
     "不好意思，我刚才记错了，是6月20号到的济南，不是5月"),
    # another agency's place, in passing
    ("我是衡阳县的农村劳务经纪人，今年3月份介绍了15个建档立卡的去浙江义乌厂里，每个人能补几多",
     "那里头有一个，今年年初之前是长沙一家劳务公司介绍出去的，我这个还报得不"),
])
def test_a_place_named_in_passing_in_a_later_message_does_not_replace_home(first, then):
    s = State()
    _say(s, "ask_referral", first)
    home = s.place
    t = _say(s, "correct", then)
    assert s.place == home and "地点改为" not in _text(t), (home, s.place, _text(t))


def test_naming_a_category_does_not_rule_out_a_recorded_status():
    base = {"category": ["脱贫劳动力"], "category_exhaustive": True}
    def outcome(facts):
        res = {x.benefit.id: x for x in evaluate(Profile.from_facts(facts), "陕西省安康市宁陕县", as_of=TODAY).results}
        r = res["ak.job_referral"]
        return [o.value for o in r.met + r.failed + r.unknown + r.presumed
                if "登记失业" in str(getattr(o.condition, "note", ""))]

    assert outcome(base) == [None]
    assert outcome(dict(base, not_category=["登记失业人员"])) == [False]       # said not: ruled out
    assert outcome(dict(base, category=["脱贫劳动力", "登记失业人员"])) == [True]


def test_hunan_subsidies_are_for_hunan_poor_workers_not_another_provinces():
    # 湘人社发〔2017〕58号: 贫困劳动力 are 我省建档立卡农村贫困人口中的劳动者; 岗位补贴 for 吸纳本省建档立卡贫困劳动力
    s = State()
    t = _say(s, "ask_employer_subsidy", "我们是长沙的家政公司，招了几个贵州的贫困户，签了合同交了社保，做了一年多了，为啥不给岗位补贴")
    got = {r.benefit.id: r.status for r in t.decision.stated}
    assert got.get("hn.post_subsidy") == "ineligible"
    assert "外省的不在本文件范围" in _text(t)
    s = State()
    t = _say(s, "ask_employer_subsidy", "我们是长沙的家政公司，招了几个邵阳的贫困户，签了合同交了社保，做了一年多了，岗位补贴多少")
    got = {r.benefit.id: r.status for r in t.decision.stated}
    assert got.get("hn.post_subsidy") == "eligible"
    assert "本文件范围" not in _text(t)          # presumed by the place, not said


def test_a_worker_from_another_province_working_in_hunan():
    s = State()
    t = _say(s, "ask_employer_subsidy", "我是贵州铜仁的建档立卡户，在长沙一个公司上班一年多了，合同社保都有，公司说拿不到岗位补贴，为什么？")
    assert s.facts.get("home_province") == "外省"
    assert {r.benefit.id: r.status for r in t.decision.stated}.get("hn.post_subsidy") == "ineligible"


def test_an_agencys_placement_date_is_when_the_people_started_work():
    from assistant.extract import extract

    ex = extract("千阳的人力资源公司，前年免费给几个人介绍了活，都签了一年合同，当时忘了报职介补贴，现在还能报不", [], None, TODAY)
    assert ex.facts.get("months_since_employment", 0) > 12          # 前年: well over a year ago


def test_the_employment_year_follows_from_todays_date():
    p = Profile.from_facts({"months_since_employment": 14})
    assert p.dated(dt.date(2025, 11, 30)).facts["employment_year_ended"] is True
    assert p.dated(dt.date(2026, 12, 31)).facts["employment_year_ended"] is True
    assert Profile.from_facts({"months_since_employment": 3}).dated(dt.date(2025, 11, 30)).facts[
        "employment_year_ended"] is False
    assert "employment_year_ended" not in Profile.from_facts({}).dated(TODAY).facts
    said = Profile.from_facts({"months_since_employment": 14, "employment_year_ended": False})
    assert said.dated(TODAY).facts["employment_year_ended"] is False       # what was said stands


def test_what_the_text_says_besides_never_shows_the_clerks_notes():
    import re

    from assistant.answer_lines import plain_why
    from policies import default_policies

    for d in default_policies().documents:
        for item in d.not_encoded:
            shown = plain_why(item.get("why"))
            assert not re.search(r"[A-Za-z_]|编码|写入", shown), (d.id, item.get("what"), shown)
    s = State()
    t = _say(s, "ask_training_allowance", "怀化的培训机构，问两个：学员生活费补贴是打给学校还是学员？每天多少钱？")
    assert not re.search(r"[A-Za-z_]", _text(t).replace("IYB", "").replace("SYB", ""))


def test_a_course_runner_says_its_days_and_trainees_and_the_rate_asked_is_no_length():
    s = State()
    t = _say(s, "ask_training_allowance", "我们在兰西办了一期食用菌栽培培训，培训15天，来了30个贫困户，每天6个课时。"
                                          "按天给补贴的话标准是多少钱一天一人？")
    assert s.facts.get("training_days") == 15 and s.facts.get("trainee_count") == 30
    assert s.role == "employer"
    assert "sh.training_subsidy_institution" in [r.benefit.id for r in t.decision.stated]


def test_what_can_i_get_names_the_benefit_that_fits_but_fails_with_its_reason():
    s = State()
    t = _say(s, "ask_what_can_i_get", "我男人是千阳的脱贫户，今年六月去河北一个工地干活了，签的半年合同，能领啥补贴")
    text = _text(t)
    assert "✗一次性求职补贴" in text and "合同期限签到1年" in text
    stated = {r.benefit.id: r.status for r in t.decision.stated}
    assert stated.get("qy.job_seeking") == "ineligible"
    # a unit's benefit of another kind of unit is no "not for you because" line for a worker
    assert "✗社区工厂" not in text and "✗就业帮扶基地" not in text
    # what the unit the person works for receives: employers only, not an appraisal body
    assert "职业技能鉴定机构" not in text.split("单位能领的")[-1]


def test_a_plain_word_for_the_factory_keeps_the_kind_said_before_and_the_units_money_comes_first():
    s = State()
    _say(s, "ask_what_can_i_get", "俺是千阳的脱贫户，去年过完年就去县上社区工厂上班了，签了一年合同，能拿啥补贴不")
    assert s.facts.get("employer_type") == "社区工厂"
    t = _say(s, "inform", "那俺进了这厂子，厂子是不是能拿钱")
    assert s.facts.get("employer_type") == "社区工厂"
    assert t.decision.stated[0].benefit.id == "qy.community_factory_post"


def test_two_children_with_their_own_facts_each_get_their_own_status():
    s = State()
    t = _say(s, "ask_job_seeking", "俺两个娃都是千阳脱贫户，大的在西安上班签了一年合同，小的前年去了浙江签了两年，这会儿俩都还能领求职补贴不")
    text = _text(t)
    assert "大的：✓一次性求职补贴" in text and "小的：✗一次性求职补贴（已超过申请期限：须在就业后6个月内申请，已过约29个月）" in text
    statuses = [r.status for r in t.decision.stated if r.benefit.id == "qy.job_seeking"]
    assert "eligible" in statuses and "ineligible" in statuses
    # what one of them said is not kept as everyone's
    assert "months_since_employment" not in s.facts and s.role == "proxy"


def test_what_each_child_can_get_comes_first_with_why_not():
    s = State()
    t = _say(s, "ask_what_can_i_get", "我是千阳水沟镇的，我们家是脱贫户。问两个娃的事：儿子今年三月去西安一个物流公司上班，签了一年合同，"
                                      "一直忙着没顾上办补贴；女子今年八月去浙江义乌厂里，也签了一年，坐车花了620。他俩各能领啥补贴，能领多少？")
    first = _text(t).split("\n")
    assert first[0] == "分开说："
    assert first[1].startswith("儿子：✗") and "跨省" in first[1]
    assert first[2].startswith("女子：✓") and "500元（实际交通费620元" in first[2]
    by = {(r.benefit.id, r.status) for r in t.decision.stated}
    assert ("qy.cross_province_transport", "ineligible") in by and ("qy.cross_province_transport", "eligible") in by
    assert s.last_benefits[:2] == ["qy.job_seeking", "qy.cross_province_transport"]


def test_one_child_at_a_technical_school_is_one_student():
    s = State()
    t = _say(s, "ask_what_can_i_get", "我家在五指山，是建档立卡贫困户，也吃低保。大女儿今年刚从海南大学毕业，想自己开个奶茶店；"
                                      "小儿子在三亚技师学院读书，读的是扶贫班。两个孩子分别能有什么补贴，多少钱？")
    school = [r for r in t.decision.stated if r.benefit.id == "hi.technical_school"]
    assert school and all("2人" not in r.amount.text for r in school)


def test_a_couple_on_public_posts_each_get_their_own_rate():
    s = State()
    t = _say(s, "ask_public_post", "我在千阳县村上当劳动保障助理员，我老婆是脱贫户在村上扫路也是公益岗，我俩一个月加起来补贴到底是多少")
    text = _text(t)
    assert "您：✓农村公益性岗位补贴：每人每月800元" in text and "您老婆：✓农村公益性岗位补贴：每人每月400元" in text


def test_one_person_is_no_split():
    s = State()
    t = _say(s, "ask_job_seeking", "我是千阳的脱贫户，在西安上班签了一年合同，能领求职补贴不")
    assert "分开说" not in _text(t)


def test_no_benefit_id_in_any_text_a_user_can_see():
    import re

    from policies import default_policies

    ids = re.compile(r"\b[a-z]{2}\.[a-z_]+\b")
    for b in default_policies().benefits.values():
        texts = [b.name, b.payee_note or ""] + [getattr(c, "note", None) or "" for c in b.eligibility]
        texts += [str(getattr(n, "text", n)) for n in (b.notes or [])]
        for t in texts:
            assert not ids.search(t), (b.id, t)


def test_an_agency_saying_what_it_is_and_the_benefits_its_people_had_already():
    s = State()
    t = _say(s, "inform", "我们是千阳的劳务公司 有许可证的 今年免费介绍了20个人 其中12个签了一年合同 "
                          "这12个里头有3个今年已经领过求职补贴了 能拿多少")
    assert s.role == "employer"
    assert t.decision.stated[0].benefit.id.startswith("qy.job_referral")


def test_a_correction_naming_where_the_agencys_people_work_keeps_the_agency_and_its_place():
    s = State()
    _say(s, "ask_referral", "常德的劳务公司，有资质的，介绍了10个贫困户在厂里上班，干了半年多，能拿多少")
    place, kind = s.place, s.facts.get("employer_type")
    _say(s, "correct", "说错了，是送到长沙的厂，10个里头7个是建档立卡的")
    assert s.place == place and "常德" in place
    assert s.facts.get("employer_type") == kind == "人力资源服务机构"


def test_the_units_own_place_answers_for_the_unit():
    s = State()
    _say(s, "ask_employer_subsidy", "我们厂在湖南岳阳经开区，招了5个本省建档立卡的，干满一年了，岗位补贴多少？")
    assert "湖南" in s.place
    t = _say(s, "correct", "不好意思说错了，厂子是在江西萍乡，挨着湖南，工人是湖南的建档立卡户")
    assert "江西" in s.place
    assert not t.decision.stated and "暂未收录" in _text(t)


def test_where_a_worker_works_is_not_the_units_place_said_by_its_owner():
    from assistant.extract import extract

    ex = extract("我上班的厂子在东莞，我是千阳的脱贫户", [], None, TODAY)
    assert "千阳" in ex.place


def test_a_unit_chosen_as_hunans_model_unit_hears_of_its_award():
    s = State()
    t = _say(s, "ask_employer_subsidy", "来电人说他是株洲茶陵一家企业的，今年被评为湖南省精准就业扶贫爱心单位，问10万奖补之外，"
                                        "吸纳的25个建档立卡贫困劳动力的岗位补贴还能不能拿。")
    got = {r.benefit.id: r.status for r in t.decision.stated}
    assert got.get("hn.model_unit_award") == "eligible" and "hn.post_subsidy" in got


def test_a_benefits_words_inside_another_benefits_full_name_do_not_name_it():
    from assistant.decide import benefit_named
    from policies import default_policies

    b = default_policies().benefits
    said = "二是那个求职创业补贴1000块能不能跟它一起领"
    assert benefit_named(b["qy.startup_subsidy"], said) < 20 <= benefit_named(b["qy.graduate_job_search"], said)
    assert benefit_named(b["qy.startup_subsidy"], "听说还有个5000块的创业补贴") >= 20


def test_each_child_hears_what_their_own_words_point_at():
    s = State()
    t = _say(s, "ask_school_grant", "我屋里两个崽都是建档立卡的，在邵阳。大的17岁在长沙读技校，小的16岁初中毕业没读了。"
                                    "大的读技校有补贴吗？小的想学门手艺有么子政策？")
    lines = _text(t).split("\n")
    big = next(x for x in lines if x.startswith("大的："))
    small = next(x for x in lines if x.startswith("小的："))
    assert "技工院校" in big and "技能培训补贴" not in big
    assert "就业技能培训补贴" in small and "生活费补贴" in small


def test_a_free_service_whose_text_names_nobody_is_not_worded_as_given_to_nobody():
    from policies import default_policies
    from policies.render import payee_text

    b = default_policies().benefits["hn.two_after_technical_school"]
    assert "免费提供给文件未写明" not in payee_text(b, "proxy")


def test_where_and_when_someone_went_to_work_said_plainly():
    from assistant.extract import extract

    ex = extract("我是千阳的，去年去了广州，签了一年合同", [], None, TODAY)
    assert ex.work_place == "广州" and ex.facts.get("months_since_employment", 0) > 12


def test_the_personal_share_of_social_insurance_is_not_paying_it_oneself():
    from assistant.extract import extract

    assert extract("公司交了五险，个人缴纳部分自己出", [], None, TODAY).facts.get("insurance_paid") is True
    assert extract("社保单位交的，个人那部分我们代扣", [], None, TODAY).facts.get("insurance_paid") is True
    assert extract("社保是我自己按灵活就业交的", [], None, TODAY).facts.get("insurance_paid") is False
    assert extract("单位没给交社保，他个人交的", [], None, TODAY).facts.get("insurance_paid") is False


def test_how_long_an_owners_business_has_run():
    from assistant.extract import extract

    def months(t):
        return extract(t, [], None, TODAY).facts.get("months_since_registration")
    assert months("我在肇东开了个粮食加工厂，干了8个月了") == 8
    assert months("养殖场办起来一年多了") == 12
    assert months("合作社成立两年了") == 24
    assert months("我在厂里上班干了8个月，还开了个小卖部") is None


@pytest.mark.parametrize("said, paid", [
    ("社保还没来得及交", False), ("社保下个月开始交", False), ("五险都给交着呢", True), ("单位和个人的社保都交着", True),
    ("有的交了社保有的没交", None), ("12个人里8个交了社保", None), ("社保一直交着", True), ("没给他们上社保", False),
])
def test_social_insurance_as_said(said, paid):
    from assistant.extract import extract

    assert extract(said, [], None, TODAY).facts.get("insurance_paid") is paid


def test_a_units_correction_of_its_counts_is_read_without_a_hiring_word():
    s = State()
    _say(s, "ask_employer_subsidy", "我们是海口的企业，今年招了10个工人，签了合同交了社保，社保返还能拿多少")
    assert s.facts.get("new_hires") == 10
    _say(s, "correct", "说错了，10个里有6个是建档立卡贫困户，另外4个不是")
    assert s.facts.get("hired_poor_count") == 6 and s.facts.get("new_hires") == 6


def test_a_card_does_not_say_one_condition_twice():
    s = State()
    t = _say(s, "ask_startup", "肇东的贫困户，开了个小饭店，创业补贴和创业贷款能都要吗")
    card = next(c for c in _text(t).split("\n\n") if c.startswith("【一次性创业补贴】"))
    assert card.count("正常运营6个月以上") == 1


def test_what_the_referred_person_just_had_rules_out_the_agencys_subsidy():
    s = State()
    t = _say(s, "ask_referral", "千阳的职介公司，免费介绍了一个脱贫户签了一年合同，他自己领了求职补贴，我们还能领职介补贴吗")
    got = {r.benefit.id: r.status for r in t.decision.stated}
    assert got.get("qy.job_referral") == "ineligible"


def test_a_unit_asking_what_to_bring_hears_its_own_subsidys_list():
    from assistant.turn import documents_turn

    for said, bid in (("我在千阳县草碧镇村里租了个旧校舍搞服装加工，想认定成社区工厂，找哪个部门，要准备啥材料",
                       "qy.community_factory_post"),
                      ("来电人说她在千阳办了个非遗扶贫就业工方，做剪纸的，问补贴申请要准备啥材料", "qy.heritage_workshop_post")):
        s = State()
        t = documents_turn(s, said, [], TODAY)
        assert s.role == "employer" and t.decision.stated[0].benefit.id == bid


def test_who_works_in_a_workshop_the_village_built_is_a_worker():
    from assistant.understand import EMPLOYER_WORDS

    assert not EMPLOYER_WORDS.search("我们村里建了个扶贫车间，我在里面干活")
    assert EMPLOYER_WORDS.search("我在北林区开了个扶贫车间")


def test_suihua_free_training_by_the_courses_people_name():
    s = State()
    t = _say(s, "ask_what_can_i_get", "俺是安达的，家里建档立卡户。俺媳妇想学个育婴员，这有啥钱能给俺们？")
    assert "sh.free_training" in [r.benefit.id for r in t.decision.stated]


def test_each_case_of_an_amount_says_which_case_it_is():
    from policies import evaluate

    when = dt.date(2024, 6, 1)
    post = evaluate({"category": ["脱贫劳动力"]}, "千阳县", as_of=when, benefit_ids=["qy.rural_public_post"]).results[0]
    assert "劳动保障助理员岗位：每人每月800元" in post.amount.text and "其它岗位：每人每月400元" in post.amount.text
    syb = evaluate({"category": ["脱贫劳动力"], "training_type": "SYB", "training_certificate": True}, "千阳县", as_of=when,
                   benefit_ids=["qy.startup_training_syb"]).results[0]
    assert "在6个月内实现创业的：每人每期2500元" in syb.amount.text


def test_what_the_text_says_of_a_thing_named_with_shared_words_is_found():
    s = State()
    t = _say(s, "ask_factory_job", "我老公是衡阳的贫困户，在村里的扶贫车间做了半年，签了合同的，车间老板说他们有补贴拿，为什么我老公一分没有？")
    assert "文件还写到" in _text(t) and "就业扶贫车间" in _text(t)


def test_a_unit_of_two_kinds_hears_both_and_which_to_choose():
    s = State()
    t = _say(s, "ask_factory_job", "来电人说 他的厂子在千阳 既是认定的社区工厂又是就业帮扶基地 今年新招了8个脱贫户 都签了一年 问选哪个划算")
    assert s.facts.get("employer_type_also") == "就业帮扶基地"
    got = {r.benefit.id: r for r in t.decision.stated}
    assert "qy.employment_base_award" in got and "qy.community_factory_post" in got
    first = _text(t).split("\n\n")[0]
    assert first.startswith("不能同时享受") and "至少10人" in first and "选社区工厂吸纳脱贫劳动力就业一次性岗位补贴" in first
    s = State()
    t = _say(s, "ask_factory_job", "我们厂在千阳，既是认定的社区工厂又是就业帮扶基地，今年新招了12个脱贫户，都签了一年，选哪个划算")
    first = _text(t).split("\n\n")[0]
    assert "选就业帮扶基地一次性就业奖补" in first and "场地租赁费" in first


@pytest.mark.parametrize("said, also", [
    ("厂子同时认定为社区工厂和就业帮扶基地", "就业帮扶基地"), ("我们厂是社区工厂，去年又认定了就业帮扶基地", "就业帮扶基地"),
    ("社区工厂和帮扶基地两块牌子都有", "就业帮扶基地"), ("我们是社区工厂，不是帮扶基地", None), ("社区工厂跟帮扶基地的补贴有啥区别", None),
])
def test_a_second_kind_of_unit_as_said(said, also):
    from assistant.extract import extract

    assert extract(said, [], None, TODAY).facts.get("employer_type_also") == also


def test_a_school_leaver_of_this_year_is_an_ying_jie_school_leaver():
    s = State()
    t = _say(s, "ask_training", "来电人说她儿子今年刚初中毕业，明水的，家里是建档立卡户，孩子不想念高中了，想出去打工，问有没有啥培训。")
    assert "sh.labor_preparatory_training" in [r.benefit.id for r in t.decision.stated]


def test_the_part_the_document_has_comes_before_what_it_lacks():
    s = State()
    t = _say(s, "ask_transport", "俺娃要出去打工，白河的建档立卡户，政府管不管送到厂里？路费能补不")
    text = _text(t)
    assert text.startswith("【公共职业介绍机构免费输送到用工单位】")
    assert "问的交通补助：安政办发〔2016〕74号没有写这方面的补贴" in text and "里没有" not in text


def test_an_agencys_correction_tells_its_groups_apart():
    s = State()
    _say(s, "ask_referral", "额是千阳的劳务公司，免费带了6个脱贫户去江苏厂里，都签了一年合同，职介补贴咋算")
    t = _say(s, "correct", "哎说错了，有2个签的是8个月的，其余4个是一年")
    text = _text(t)
    assert "2人：✗职业介绍补贴" in text and "4人：✓职业介绍补贴：2000元" in text
    assert "一次性求职补贴" not in text.split("\n\n")[0]          # an agency hears its own money per group


def test_a_total_from_a_spoken_range_is_said_as_a_lower_bound():
    s = State()
    t = _say(s, "ask_referral", "千阳的人力资源公司，今年免费给十几个人介绍了活，都签了一年合同，职介补贴能报多少")
    first = _text(t).split("\n")[0]
    assert "至少5500元" in first and "按至少11人算" in first
    s = State()
    t = _say(s, "ask_referral", "千阳的人力资源公司，今年免费给12个人介绍了活，都签了一年合同，职介补贴能报多少")
    assert "至少" not in _text(t).split("\n")[0]


def test_a_worker_about_to_work_hears_what_a_unit_gets_for_hiring_them():
    s = State()
    t = _say(s, "ask_what_can_i_get", "我是琼中的贫困户，想去海口那边做工，政府有无什么补贴给我的哦？")
    text = _text(t)
    assert "单位能领的" in text and "hi.social_insurance_refund" in [r.benefit.id for r in t.decision.stated]
    s = State()
    t = _say(s, "ask_what_can_i_get", "我是琼中的贫困户，政府有无什么补贴给我的哦？")
    assert "单位能领的" not in _text(t)


def test_a_persons_line_for_a_benefit_without_a_card_says_who_receives_it():
    s = State()
    t = _say(s, "ask_school_grant", "我屋里两个崽都是建档立卡的，在邵阳。大的17岁在长沙读技校，小的16岁初中毕业没读了。"
                                    "大的读技校有补贴吗？小的想学门手艺有么子政策？")
    small = next(x for x in _text(t).split("\n") if x.startswith("小的："))
    # said on the line, or on the benefit's own card when the second question brought one
    assert "生活费补贴：每人每天20元×培训天数，钱发给劳动者本人" in small or \
        "【就业前技能培训生活费补贴】每人每天20元×培训天数，钱发给劳动者本人" in _text(t)


def test_a_huge_message_naming_many_groups_is_read_as_one_and_answered():
    s = State()
    _say(s, "ask_referral", "额是千阳的劳务公司，免费带了6个脱贫户去江苏厂里，都签了一年合同，职介补贴咋算")
    t = _say(s, "correct", "说错了，" + "有2个签的是8个月的，" * 3000)
    assert t.replies and all(r.text for r in t.replies)


def test_every_turn_takes_bad_input_without_a_traceback():
    from assistant.turn import documents_turn, where_turn
    bad = [None, 123, "", " ", "\x00\x01", "🙂" * 300, "那" * 5000, "这两个补贴能一起拿吗", "要等好久才能拿？拿好多？",
           "7月到13月", "十三月份办的执照", "0个里头有0个", "交了0个", "漏算了一个，一共零个人"]
    for b in bad:
        for fn in (policy_turn, documents_turn, where_turn):
            s = State()
            policy_turn(s, "ask_factory_job", "我们是千阳的社区工厂，招了12个脱贫户", [], TODAY)
            t = fn(s, "ask_factory_job", b, [], TODAY) if fn is policy_turn else fn(s, b, [], TODAY)
            assert t.replies and all(isinstance(r.text, str) and r.text for r in t.replies)


def test_an_agencys_two_questions_chartered_bus_and_placements_are_both_answered():
    s = State()
    t = _say(s, "ask_referral", "我们是长沙的一家人力资源服务公司，有营业执照和人力资源服务许可证。今年5月20号我们包了两台大巴，从湘西龙山"
                                "拉了45个建档立卡的到山东济南的工厂，到现在还有38个在干。想问两个事：包车的钱政府给不给报？这38个人的介绍补贴"
                                "能拿多少？")
    stated = {r.benefit.id: r for r in t.decision.stated}
    assert {"hn.transport_subsidy", "hn.job_service_subsidy"} <= set(stated)
    assert stated["hn.job_service_subsidy"].amount.value == 7600
    # the date corrected: not yet six months
    t = _say(s, "correct", "不好意思，我刚才记错了，是6月20号到的济南，不是5月")
    assert "济南" not in s.place and {r.benefit.id: r for r in t.decision.stated}["hn.job_service_subsidy"].status == \
        "ineligible"


def test_training_on_the_job_in_plain_words_is_the_work_for_training_subsidy_and_comes_first():
    s = State()
    t = _say(s, "ask_employer_subsidy", "俺们是千阳草壁镇一个奶山羊合作社，今年八月收了5个脱贫户来场里干活，都签了一年合同，俺们让技术员带着"
                                        "边干边教。其中老王前年在县上一个社区工厂已经享受过以工代训了。合作社能拿多少钱？")
    first = t.decision.stated[0]
    assert first.benefit.id == "qy.work_for_training" and first.status == "eligible", [r.benefit.id for r in t.decision.stated]
    assert "4人" in _text(t)


def test_one_more_person_is_added_to_the_count_and_the_benefit_named_again_comes_first():
    s = State()
    _say(s, "ask_employer_subsidy", "你好，我们是庆安县一个水稻种植合作社，去年4月份招了3个建档立卡贫困户来社里干活，一直干到现在，平时社里的"
                                    "技术员边干边教他们。问两个事：一是招贫困户有没有啥奖励，一个人给多少；二是边干边教这个有没有补贴？")
    t = _say(s, None, "还有一个也是建档立卡的，今年7月才来的，奖励那个他也能算上不？")
    first = t.decision.stated[0]
    assert first.benefit.id == "sh.startup_poverty_reward" and first.amount.value == 3000
    assert "再加1人，共4人" in _text(t) and "1人干了4个月" in _text(t)
    # "还有一个问题" is no person
    s2 = State()
    _say(s2, "ask_employer_subsidy", "我们是庆安县一个水稻种植合作社，去年4月份招了3个建档立卡贫困户，一直干到现在，招贫困户有啥奖励")
    _say(s2, None, "还有一个问题，奖励钱打到哪个账户")
    assert s2.facts.get("new_hires") == 3


def test_a_loan_asked_for_more_than_the_most_hears_the_most_and_a_factory_borrows_as_a_company():
    s = State()
    _say(s, "ask_employer_subsidy", "我们是汉阴县城关镇一个毛绒玩具厂，小微企业，今年新招了15个贫困户都签了两年合同，招贫困户有啥补贴")
    t = _say(s, "ask_startup_loan", "我们想扩厂，打算贷500万，分三年还，你们那个小额担保贷款能贷这么多不？")
    loan = {r.benefit.id: r for r in t.decision.stated}["ak.small_enterprise_loan"]
    assert loan.status == "eligible" and "您想贷500万元，超过了，最多贷300万元" in _text(t)
    assert s.facts["employer_type"] == "小微企业" and "单位类型改为" not in _text(t)
    # within the most: no such line
    s = State()
    t = _say(s, "ask_startup_loan", "我是汉阴的个体户，开了个饭馆，想贷个五万，能贷不")
    assert "超过了" not in _text(t) and s.facts["loan_wanted"] == 50000
    assert "您想贷5万元，在最高10万元以内" in _text(t)                  # within the most: said so


def test_a_workers_family_speaking_of_an_agencys_work_certificate_is_not_a_unit():
    s = State()
    _say(s, "ask_transport", "我爸是千阳张家塬镇的脱贫户，今年九月跟着劳务公司去新疆摘棉花，没签一年的合同，只有劳务公司开的用工证明。"
                             "去的时候火车票580。这路费能报不？")
    assert s.role == "proxy"
    t = _say(s, "ask_documents", "他人还在新疆，我能替我爸去镇上交材料不？要带些啥？")
    assert t.decision.stated[0].benefit.id == "qy.cross_province_transport"


def test_the_same_question_for_another_person_answers_everything_the_last_answer_stated():
    s = State()
    _say(s, "ask_transport", "俺是千阳南斋镇的脱贫户，今年过完年三月份去江苏昆山电子厂了，签了两年合同，坐火车一共花了386块。"
                             "现在那个路费补助跟500块的求职补贴还能领不")
    t = _say(s, "correct", "对咧，俺表妹也跟俺一搭去的，也签的两年。她屋是边缘户，车票也是386，她能报不")
    assert {"qy.cross_province_transport", "qy.job_seeking"} <= {r.benefit.id for r in t.decision.stated}


def test_a_kind_applied_for_besides_the_one_recognised_keeps_both_and_their_rule():
    s = State()
    _say(s, "ask_factory_job", "我是千阳南寨镇一个社区工厂的负责人，前年县人社局就认定过了。今年厂里一共18个工人，里头7个是脱贫户，都签了一年合同，"
                               "能拿多少补贴？")
    t = _say(s, "ask_factory_job", "对了，我们今年也往上报了就业帮扶基地，要是批下来了，基地那个一人2000和社区工厂这些能一起拿不？")
    assert s.facts["employer_type"] == "社区工厂" and "单位类型改为" not in _text(t)
    ids = [r.benefit.id for r in t.decision.stated]
    assert "qy.community_factory_post" in ids and "qy.employment_base_award" in ids and "不能同时享受" in _text(t)


def test_a_follow_up_naming_a_sum_in_words_or_a_part_of_a_benefit_is_about_that_benefit():
    from assistant.turn import where_turn
    s = State()
    _say(s, "ask_school_grant", "我家孩子今年初中毕业没考上高中，九月份去绥化的技工学校学汽修，我们家是建档立卡户，在北林区农村，"
                                "听说念技校家里一年能给三千")
    t = where_turn(s, "那这三千是打到孩子卡上还是给家里，上哪申请", [], TODAY)
    assert t.decision.stated[0].benefit.id == "sh.technical_school"
    t = _say(s, None, "闺女将来毕业了，学校管不管安排实习、推荐工作？")
    assert "sh.two_after_technical_school" in [r.benefit.id for r in t.decision.stated]


def test_a_unit_keeping_people_with_social_insurance_asks_for_the_social_insurance_subsidy():
    s = State()
    _say(s, "ask_internship", "我们是安康高新区一家食品公司，今年7月收了3个贫困家庭的大学毕业生来见习，打算见习8个月，见习补贴一共能给我们多少？")
    t = _say(s, None, "见习期间他们要是出了事谁管？见习完我们想留下2个签三年合同交社保，还有补贴没？")
    assert "ak.social_insurance_subsidy" in [r.benefit.id for r in t.decision.stated]


def test_a_cost_of_3000_is_not_the_3000_school_grant():
    t = _say(State(), "ask_employer_subsidy", "我在千阳县城开了个刺绣非遗工坊，登记注册过的。现在15个绣娘都在工坊里上班，其中4个脱贫户、"
                                               "2个农村低收入户，这6个都签了一年合同。工坊房租一年2万，水电一年3000左右。我这能补多少？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert "qy.yulu_technical_school" not in ids and "qy.heritage_workshop_post" in ids


def test_a_shop_asked_about_where_the_document_has_no_startup_grant_hears_its_loans():
    s = State()
    t = _say(s, "ask_startup_subsidy", "额是紫阳县蒿坪镇的建档立卡户，要是学好了修脚，就在镇上自己开个修脚店，还有啥帮扶没得")
    ids = [r.benefit.id for r in t.decision.stated]
    assert "ak.startup_loan_individual" in ids and "您可能能领这些" not in _text(t)


def test_a_trade_named_between_learn_and_craft_is_a_training():
    from policies.catalogue import default_catalogue
    assert default_catalogue().questions["ask_training"].words.search("额想去学个修脚手艺")


def test_a_school_of_final_year_students_and_who_receives_the_money_asked_next():
    s = State()
    t = _say(s, "ask_startup_loan", "我们是千阳县职业中专。明年夏天毕业的这一届里，有12个脱贫家庭的、5个低保家庭的，还有1个家里是普通户、没贷款，"
                                    "但特别想创业。求职创业补贴啥时候报？")
    first = t.decision.stated[0]
    assert first.benefit.id == "qy.graduate_job_search" and first.status != "ineligible"
    t = _say(s, None, "这钱最后是打给学校还是打给学生？")
    assert t.decision.stated and t.decision.stated[0].benefit.id == "qy.graduate_job_search"


def test_an_older_worker_asking_for_a_job_hears_of_work_relief():
    t = _say(State(), None, "来电人说他58岁了，是新化县的建档立卡户，前年搬到了易地扶贫搬迁安置点，年纪大了外面厂里都不要他，问政府能不能给他"
                            "安排个活干")
    assert "hn.work_relief_jobs" in [r.benefit.id for r in t.decision.stated]


def test_another_class_of_a_school_has_its_own_hours_and_people():
    s = State()
    t = _say(s, "ask_training_subsidy", "我们是县上承办创业培训的机构，今年6月结业了一期SYB，30个学员都是脱贫户，上满了80个课时，"
                                        "都拿到了创业培训合格证。到现在有8个已经办了执照开了店。这一期能拿多少培训补贴？")
    syb = next(r for r in t.decision.stated if r.benefit.id == "qy.startup_training_syb")
    assert syb.amount.value == 42000 and "8人×" in _text(t) and "22人×" in _text(t)     # 8 × 2500 + 22 × 1000
    _say(s, "correct", "哦不对，我翻了下台账，那一期实际只上了64个课时，不是80。")
    t = _say(s, None, "那我们还有一期IYB，20个人，也都拿了合格证，这个咋算？")
    iyb = next(r for r in t.decision.stated if r.benefit.id == "qy.startup_training_iyb")
    assert iyb.status != "ineligible" and iyb.amount.value == 20000, (iyb.status, iyb.amount)
    assert "training_hours" not in s.facts and s.facts["trainee_count"] == 20


def test_a_corrected_workplace_is_where_the_work_is_and_the_last_answer_is_given_again():
    s = State()
    _say(s, "ask_transport", "我千阳城关的，脱贫户，上个月到浙江宁波一个汽配厂上班了，签了一年合同，路费一共花了620。能领啥补贴？")
    t = _say(s, "correct", "哎不对不对，说错了，不是宁波，是汉中的厂子，路费就一百多块")
    assert s.place.endswith("千阳县") and s.facts["work_scope"] == "跨市"       # home stays; 汉中 is where the work is
    got = {r.benefit.id: r.status for r in t.decision.stated}
    assert got.get("qy.cross_province_transport") == "ineligible" and "qy.job_seeking" in got, got


@pytest.mark.parametrize("intent", [None, "ask_transport"])
def test_the_fares_and_meals_of_a_trainings_days_are_the_training_allowance_not_a_trip(intent):
    s = State()
    _say(s, "ask_training", "我们是一家培训学校，今年在千阳办了两期SYB创业培训，每期30个学员，脱贫户和返乡打工的都有，课时都够80，"
                            "学员全拿到了合格证。")
    t = _say(s, intent, "学员自己要不要掏学费？脱贫户学员来听课这些天的饭钱路费，能不能给发点？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert "qy.training_living_transport" in ids and "qy.cross_province_transport" not in ids, ids
    # a fare to go to work after a training stays a fare
    s = State()
    t = _say(s, "ask_transport", "我是千阳的脱贫户，培训完去江苏打工，路费能报多少")
    assert t.decision.stated[0].benefit.id == "qy.cross_province_transport"


def test_a_benefit_named_by_its_amount_is_the_one_asked_about():
    from assistant.decide import question_by_amount

    # 千阳 has a 500元 一次性求职补贴 and a 1000元 求职创业补贴: "一千块的求职补贴" is the latter
    assert question_by_amount("她问娃能不能领那个一千块的求职补贴", None)[0] == "ask_graduate_subsidy"
    assert question_by_amount("听说返乡创业有五千块 我这个现在能申请不", "陕西省宝鸡市千阳县")[0] == "ask_startup_subsidy"
    assert question_by_amount("路费花了620", "陕西省宝鸡市千阳县")[0] is None
    # a rate per person hired names a unit's benefit counted by its hires (湖南 岗位补贴 1500元 in 贫困地区)
    assert question_by_amount("车间老板讲政府每招一个补1500，他能分到么", "湖南省岳阳市平江县") == \
        ("ask_employer_subsidy", {"post_subsidy"})
    s = State()
    t = _say(s, "correct", "来电的是县职业中专一个学生的妈妈，娃腿有残疾，明年6月毕业，家里不是脱贫户也不是低保户。她问娃能不能"
                           "领那个一千块的求职补贴，是不是要她自己去人社局交材料。")
    first = t.decision.stated[0]
    assert first.benefit.id == "qy.graduate_job_search" and first.status == "eligible", \
        [(r.benefit.id, r.status) for r in t.decision.stated]
    assert s.facts.get("insurance_paid") is None          # "要她自己去人社局交材料" pays no social insurance
    # voice input: the space ends the question "能申请不"
    s = State()
    t = _say(s, None, "喂 你好 我是千阳南寨的 今年过完年回来了 在村里弄了个 快递驿站 营业执照是 今年四月十号办下来的 到现在一直开着 "
                      "听说返乡创业有五千块 我这个现在能申请不 要拿些啥")
    assert t.decision.stated and t.decision.stated[0].benefit.id == "qy.startup_subsidy"


def test_a_kind_a_unit_will_apply_for_is_not_recognised_yet():
    s = State()
    _say(s, "ask_factory_job", "我们是南寨镇一个做劳保手套的加工点，去年县上给认定成社区工厂了。现在一共27个工人，脱贫户有11个，"
                               "都签的一年合同。招脱贫户的岗位补贴能拿多少？")
    t = _say(s, "ask_factory_job", "听说就业帮扶基地一个人给2000，比这还多。我们再去申请个帮扶基地，两样一起拿行不行？")
    got = {r.benefit.id: r.status for r in t.decision.stated}
    assert s.facts["employer_type"] == "社区工厂" and s.facts["employer_type_also"] == "就业帮扶基地"
    assert got["qy.community_factory_post"] == "eligible" and got["qy.employment_base_award"] == "unknown", got


def test_days_missed_voice_input_and_a_training_the_employer_sends_to():
    s = State()
    t = _say(s, None, "我 老公 是 石们 县 的 建档立卡 贫困户 之前 冒 做过 事 上个月 去 县里 学 电焊 学了 15 天 中间 有 3 天 屋里 有事 "
                      "冒 去 听说 有 生活费 他 能 拿 几多")
    assert s.role == "proxy" and s.facts["training_days"] == 12         # 15 days, 3 of them missed
    s2 = State()
    _say(s2, None, "我是龙回县的 屋里是建档立卡户 在县里参加那个家政培训班 一共15天 我中间有3天屋里有事冇去 生活费一共能拿好多")
    assert s2.facts["training_days"] == 12                               # 冇去: missed too
    assert "240元" in _text(t) and "钱发给您本人" not in _text(t)          # his money, not the wife's
    t = _say(s, None, "他 明年 要是 进了 厂 厂里 还要 送 他 去 学 高级 焊工 那个 也 一天 二十 块 啵")
    got = {r.benefit.id: r.status for r in t.decision.stated}
    assert got.get("hn.training_living_allowance") == "ineligible", got   # 就业前 only: said why, not silence


def test_a_worker_placed_by_an_agency_is_a_worker_and_hears_their_own_list():
    s = State()
    _say(s, "ask_referral", "我是千阳水沟镇的脱贫户，今年4月经村里的劳务公司介绍到天津一个食品厂上班，签了一年合同。听说劳务公司介绍人"
                            "能拿补贴，那我自己那个500的求职补贴还能领不？")
    assert s.role == "worker" and s.facts.get("employer_type") != "人力资源服务机构"
    t = _say(s, "ask_what_can_i_get", "那我还有啥能领的么？")
    assert t.decision.stated[0].benefit.id == "qy.cross_province_transport", [r.benefit.id for r in t.decision.stated]
    # a worker asking about the unit's money hears the unit's benefits first
    s = State()
    t = _say(s, "ask_employer_subsidy", "我是贵州铜仁的建档立卡户，在长沙一个公司上班一年多了，合同社保都有，公司说拿不到岗位补贴，为什么？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert s.role == "worker" and {"hn.post_subsidy", "hn.social_insurance_subsidy"} <= set(ids[:3]), ids


def test_a_person_asking_what_policies_they_can_use_is_no_unit():
    s = State()
    t = _say(s, "ask_employer_subsidy", "我定按的，28岁，初中毕业，在厝里闲着，我同阿爸阿妈一户，是建档立卡户。不想做生意，就想出去做工，"
                                        "可是无手艺。有什么政策我能用？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert s.topic == "ask_what_can_i_get" and "hi.free_training" in ids and "hi.social_insurance_refund" not in ids[:1], ids


def test_a_unit_asking_for_a_bigger_loan_stays_the_borrower():
    s = State()
    _say(s, "ask_startup_loan", "石全县城关的一个社区工厂，做毛绒玩具的，有营业执照，算小微企业，五十几个人全是手工活，一多半是搬迁过来的"
                                "贫困户。想扩大生产贷点款，最多能贷好多？给不给贴息？")
    t = _say(s, "ask_startup_loan", "那我们想贷350万，分三年还，行不行？")
    assert t.decision.stated[0].benefit.id == "ak.small_enterprise_loan" and "改为个人" not in _text(t)
    assert "您想贷350万元，超过了，最多贷300万元" in _text(t)


def test_a_sum_heard_of_names_the_one_personal_benefit_of_that_amount():
    s = State()
    _say(s, "ask_school_grant", "俺娃今年秋上考到宝鸡一个技师学院咧，学数控的，俺屋是千阳水沟镇的脱贫户。听人谝说念技校一年给三千，"
                                "得是真的？这钱给谁，咋弄？")
    t = _say(s, "ask_graduate_subsidy", "她姐在西安念大学，明年夏天毕业，听说还有个一千块的，她能拿不？")
    assert t.decision.stated[0].benefit.id == "qy.graduate_job_search", [r.benefit.id for r in t.decision.stated]


@pytest.mark.parametrize("text,intent", [
    ("那这45个人以后做稳定了，我们介绍这块又怎么算？", "ask_referral"),
    ("要是出不去门儿，就想在家里整点手工活挣俩钱，有教这个的不？", "ask_training"),
    ("有没有人上村里来教？岁数这么大了人家还让学不？", "ask_training"),
    ("找工作给的那五百块跟路费补助，我能领哪个？", "ask_job_seeking"),
    ("那见习完了单位要是不留我咋办？我们家还是低保户，有没有兜底的工作？", "ask_public_post"),
])
def test_questions_named_by_plain_words(text, intent):
    from policies.catalogue import default_catalogue

    assert intent in default_catalogue().questions_named_all(text)


def test_a_test_missed_a_workplace_by_where_it_is_and_the_askers_own_money():
    s = State()
    _say(s, "ask_training", "帮我男人问一哈，他是镇坪的建档立卡户，上个月参加了县上的创业培训，考试也过了，打算明年开春在村里开个农家乐。"
                            "这个培训补贴有好多？开了以后还有没得别的？")
    assert "ak.startup_loan_individual" in (s.last_benefits or [])         # "还有没得别的": the rest too
    _say(s, None, "哎呀他刚给我说，考试那天他屋里有事没去，要等下一期补考。那这1200还有没得？")
    assert s.facts["training_certificate"] is False
    s = State()
    _say(s, "ask_transport", "我平江的贫困户，建档立卡的，去年过完年就在平江县城一个鞋厂上班，听人港出去打工有路费补，我能领啵？")
    _say(s, "correct", "哦搞错哒，我讲的是岳阳市里头，岳阳楼区那边的鞋厂，不在平江县城")
    assert s.place.endswith("平江县") and s.facts.get("work_scope") == "跨县"
    s = State()
    t = _say(s, "ask_referral", "我 是 江花 的 建档立卡 贫困户 去年 腊月 一个 劳务 经纪人 介绍 我 去 深圳 电子厂 做到 现在 他 讲 介绍 成功 "
                                "政府 给 200 块 要 我 分 他 一半 那 200 块 到底 是 给 哪个 的 我 自己 有 冒得")
    assert {"hn.job_service_subsidy", "hn.transport_subsidy"} <= {r.benefit.id for r in t.decision.stated}


def test_a_workplace_in_the_citys_district_after_a_correction_is_where_the_work_is():
    s = State()
    _say(s, "ask_transport", "我老公是沅陵县的建档立卡户，上个月到县城一个建材厂上班了，听村里讲出去打工有交通补助，他这个领得不咯？")
    _say(s, "correct", "哦我搞错了，不是县城，是怀化市里鹤城区那边的建材厂")
    assert s.place.endswith("沅陵县") and s.facts.get("work_scope") == "跨县"
    from policies.normalize import WHAT_ELSE

    assert WHAT_ELSE.search("培训完我要是去西安给人当保姆，跟家政公司签一年合同，还能领个啥？")


def test_a_household_asking_what_it_can_get_hears_what_each_ones_own_words_point_at():
    s = State()
    t = _say(s, "ask_what_can_i_get", "俺两口子都是望奎的建档立卡户，在家种那几亩地，一到冬天就猫冬没啥活干。俺闺女在绥化技师学院念书呢。"
                                      "你给唠唠，俺家还能领点啥？俺媳妇寻思学点啥手艺。")
    got = {r.benefit.id: r.status for r in t.decision.stated}
    assert got.get("sh.technical_school") == "eligible", got           # the daughter at a 技师学院: the family's 3000元
    assert "技工教育补助（农村建档立卡贫困家庭）：每生每年3000元" in _text(t)


def test_a_thing_the_text_names_taken_for_a_where_question_is_answered_from_the_text():
    from assistant.turn import where_turn
    s = State()
    _say(s, "ask_training", "我是青冈县的建档立卡户 在家带孩子出不去 村里说有教草编柳编的 这个学要交钱不")
    t = where_turn(s, "上回培训让我在个卡上签字 还给我留了一份 那玩意儿是嘎哈用的", [], TODAY)
    assert "技能扶贫联系卡" in t.replies[-1].text and "去哪办" not in t.replies[-1].text


def test_a_caller_asking_what_the_unit_gets_for_hiring_her_hears_of_its_money_not_an_award_to_be_selected_for():
    s = State()
    t = _say(s, "ask_transport", "来电人说她是邵东的建档立卡户，今年8月去长沙一家物业公司做保洁，签了合同也交了社保。她问两个事：一是车费能不能补，"
                                 "二是物业公司招她能不能拿补贴。")
    ids = [r.benefit.id for r in t.decision.stated]
    # both questions answered; the unit's post subsidy (not yet: 12 months at work) with what would change it
    assert "hn.transport_subsidy" in ids and "hn.post_subsidy" in ids
    post = next(r for r in t.decision.stated if r.benefit.id == "hn.post_subsidy")
    assert post.status == "ineligible" and "满12个月" in _text(t)


def test_a_planned_business_hears_its_startup_subsidy_as_its_own_once_it_has_run_six_months():
    # every reader of the text (tests/conversations/adjudication/round2) gives a business still to come as eligible,
    # with the six months of running spelled out as the condition
    s = State()
    t = _say(s, "ask_startup_subsidy", "俺是千阳的脱贫户，寻思在村口开个小卖部，开起来以后有啥补贴没")
    got = {r.benefit.id: r for r in t.decision.stated}
    assert got["qy.startup_subsidy"].status == "eligible", {k: r.status for k, r in got.items()}
    assert "领取前提" in _text(t) and "6个月" in _text(t)
    # a shop that runs and is three months old reaches its six months the same way (the blind writers of held-out sets
    # 16, 17 and 19 all give it as eligible, with the wait said)
    s = State()
    t = _say(s, "ask_startup_subsidy", "俺是千阳的脱贫户，三个月前在村口开了个小卖部，执照办了，能领创业补贴不")
    got = {r.benefit.id: r.status for r in t.decision.stated}
    assert got["qy.startup_subsidy"] == "eligible" and "再正常经营3个月满6个月" in _text(t), got


def test_an_agency_s_groups_by_time_corrected_are_recounted_and_one_claimed_elsewhere_stays_out():
    s = State()
    t = _say(s, "ask_referral", "我是耒阳的劳务经纪人，有资质的。今年2月带了12个建档立卡贫困劳动力去广东电子厂，现在9个还在干，"
                                "都干了9个多月了；3个干了一个月就回来了；还有1个是别的中介前年介绍出去过的，那个中介今年已经领过他的补贴了。"
                                "我能拿多少就业创业服务补贴？")
    r = next(r for r in t.decision.stated if r.benefit.id == "hn.job_service_subsidy")
    assert r.amount.value == 1800, r.amount.text
    t = _say(s, "correct", "说错了，还在干的是8个，不是9个，干了一个月就回来的是4个")
    r = next(r for r in t.decision.stated if r.benefit.id == "hn.job_service_subsidy")
    assert r.amount.value == 1600 and r.status == "eligible", (r.amount.text, r.status)


def test_one_of_a_group_by_time_who_had_the_subsidy_elsewhere_is_out_of_its_count():
    s = State()
    t = _say(s, "ask_referral", "我是新化县的劳务经纪人，有合法资质。今年四月带了10个建档立卡贫困劳动力去苏州，现在7个干满7个月了，"
                                "3个干了一个月就走了。干满的7个里头有2个今年已经被别的公司报过这个补贴了。能拿多少？")
    r = next(r for r in t.decision.stated if r.benefit.id == "hn.job_service_subsidy")
    assert r.amount.value == 1000, r.amount.text       # 5 × 200元


def test_an_agency_s_group_of_whom_some_had_the_job_seeking_subsidy_and_a_later_early_leaver():
    s = State()
    t = _say(s, "ask_referral", "我们是千阳的职介所，有许可证，免费介绍。今年介绍了8个脱贫户去浙江电子厂，都签了两年合同，其中3个人"
                                "自己已经领过一次性求职补贴了；另外还介绍了6个脱贫户去外县摘花椒，干了4个月。职业介绍补贴能拿多少？")
    got = {r.benefit.id: r for r in t.decision.stated}
    assert got["qy.job_referral"].amount.value == 2500, got["qy.job_referral"].amount.text        # 5 × 500元
    assert got["qy.job_referral_seasonal"].amount.value == 1200, got["qy.job_referral_seasonal"].amount.text
    t = _say(s, "correct", "对了，摘花椒那6个里头有2个干了一个月就回来了")
    got = {r.benefit.id: r for r in t.decision.stated}
    r = got["qy.job_referral_seasonal"]
    assert r.amount.value == 800 and r.status == "eligible", (r.amount.text, r.status)
    assert got["qy.job_referral"].status == "eligible"       # the contracts' time is not the pickers'


def test_a_wife_who_came_along_keeps_the_trip_s_scope_and_hears_her_own_fare():
    s = State()
    _say(s, "ask_transport", "俺是千阳的脱贫户，今年十月去浙江宁波厂里上班了，签了一年合同，车票花了三百，能报多少")
    t = _say(s, "inform", "那俺媳妇跟我一搭来的 她在旁边厂里干临时工 也就三个月 她的车票六百")
    r = next(r for r in t.decision.stated if r.benefit.id == "qy.cross_province_transport")
    assert r.status == "eligible" and r.amount.value == 500, (r.status, r.amount.text)


def test_some_of_a_unit_s_people_said_later_to_have_come_later_are_out_of_a_year_s_reward():
    s = State()
    _say(s, "ask_what_can_i_get", "我是绥化望奎县一个扶贫车间的负责人，雇了8个建档立卡贫困户，都干了一年多了，能拿啥奖励")
    t = _say(s, "correct", "说错了 8个里头有3个是今年五月才来的 还没满一年")
    r = next(r for r in t.decision.stated if r.benefit.id == "sh.startup_poverty_reward")
    assert r.amount.value == 5000, r.amount.text


def test_asking_for_a_job_to_be_found_hears_of_the_post_found_for_a_poor_family_s_graduate():
    s = State()
    t = _say(s, "ask_what_can_i_get", "我闺女前年从安康学院毕业，一直没找着工作，俺家是汉阴的低保户，能给她安排个工作不")
    assert t.decision.stated and t.decision.stated[0].benefit.id == "ak.public_post_placement", \
        [r.benefit.id for r in t.decision.stated]


def test_a_school_s_four_questions_get_the_school_s_money_and_the_trainees_each():
    s = State()
    t = _say(s, "ask_training", "我们是海伦的一家培训学校，想给村里贫困户办育婴员培训，一期12天。学员要交钱不？政府给学校怎么补？"
                                "学员的路费和饭钱有补贴没？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert {"sh.training_subsidy_institution", "sh.free_training", "sh.training_transport",
            "sh.training_living_allowance"} <= set(ids), ids


def _follow_up(first: tuple, then: tuple, bid: str):
    """The result for `bid` of the second of two messages, each (intent, text)."""
    s = State()
    _say(s, *first)
    return next(r for r in _say(s, *then).decision.stated if r.benefit.id == bid)


def test_a_loan_term_beyond_the_longest_asked_is_refused_and_said_beside_a_plan_is_noted():
    r = _follow_up(("ask_startup_loan", "我们是平利县的劳动密集型小微企业，招了30多个贫困户，想贷200万"),
                   ("ask_startup_loan", "那能不能贷三年？两年太紧了"), "ak.small_enterprise_loan")
    assert r.status == "ineligible" and any("最长2年" in x for x in r.reasons), (r.status, r.reasons)
    s = State()
    t = _say(s, "ask_startup_loan", "我们是平利县的劳动密集型小微企业，准备贷200万，贷3年，最多能贷多少、最长多久？")
    r = next(r for r in t.decision.stated if r.benefit.id == "ak.small_enterprise_loan")
    assert r.status != "ineligible" and "期限最长2年" in r.amount.text, (r.status, r.amount.text)


def test_an_agency_asking_whether_its_placed_people_can_also_take_the_job_seeking_subsidy_hears_one_of_two():
    r = _follow_up(("ask_referral", "我们是千阳一家有许可证的劳务公司，今年免费介绍了10个脱贫劳动力去西安厂里，都签了一年合同，"
                                    "职业介绍补贴能拿多少"),
                   ("ask_job_seeking", "那这10个人自己还能去领500块的求职补贴不？"), "qy.job_seeking")
    assert r.status == "ineligible" and any("二者只能享受其一" in x for x in r.reasons), (r.status, r.reasons)


def test_a_follow_up_after_several_persons_reads_each_benefit_for_the_one_it_fits():
    from assistant.turn import documents_turn
    s = State()
    _say(s, "inform", "俺是千阳县崔家头镇的 脱贫户 今年九月份去江苏昆山电子厂上班了 签了两年合同 从千阳坐车到宝鸡25块 宝鸡到昆山高铁540 "
                      "另外俺媳妇十月份在西安一个饭馆打工 签了半年的合同 俺俩能领啥补贴 一人多少")
    t = documents_turn(s, "那俺这两样上哪儿办 要带啥 有没有时间限制", [], TODAY)
    got = {r.benefit.id: r.status for r in t.decision.stated}
    # his: a year's contract and a job in another province (hers, half a year in 西安, fits neither)
    assert got == {"qy.job_seeking": "eligible", "qy.cross_province_transport": "eligible"}
    assert "persons_said" not in _text(t) and "contract_months" not in s.facts


def test_a_follow_up_naming_one_of_several_children_is_about_that_child():
    from assistant.turn import documents_turn
    s = State()
    _say(s, "ask_graduate", "我是千阳水沟镇的，脱贫户。闺女在县职业中专念书，明年六月毕业；儿子前年从西安一个大专毕业的，上学时办过"
                            "国家助学贷款，现在在家还没找着活。听说毕业生有个一千块的求职创业补贴，俩娃谁能领？")
    assert "脱贫劳动力" in s.facts["category"]         # said of the family: each child's, and kept for all
    t = documents_turn(s, "闺女那个要准备啥 交给谁", [], TODAY)
    first = t.decision.stated[0]
    assert (first.benefit.id, first.status) == ("qy.graduate_job_search", "eligible")


def _result(turn, bid):
    """The stated result of one benefit in a turn."""
    return next(r for r in turn.decision.stated if r.benefit.id == bid)


def test_a_where_question_with_a_whether_question_answers_the_whether_too():
    from assistant.turn import where_turn
    s = State()
    t = where_turn(s, "我是她哥。我妹是千阳崔家头镇的脱贫户，上个月在宝鸡市区一家超市找到活了，签了一年的合同。她上班忙，"
                      "我能替她去镇上申请那个求职补贴不？她去宝鸡有没有路费补助？", [], TODAY)
    got = {r.benefit.id: r.status for r in t.decision.stated}
    assert got.get("qy.cross_province_transport") == "ineligible"       # 宝鸡 is in the province
    assert "qy.job_seeking" in got and "去哪办" in t.replies[-1].text


def test_one_of_a_units_people_who_had_it_at_another_unit_is_out_of_the_count_only():
    s = State()
    _say(s, "ask_work_for_training", "俺们是千阳县水沟镇的苹果专业合作社，今年开春收了6个脱贫户来园子干活，边干边带着学修剪嫁接，"
                                     "到现在干了8个月了，以工代训补贴能给多少")
    t = _say(s, None, "哦对了，有一个是去年在别的社区工厂干过的，那边已经给他报过以工代训了")
    r = _result(t, "qy.work_for_training")
    assert r.status != "ineligible" and "18000元（5人×" in t.replies[-1].text
    assert s.facts.get("employer_type") == "农民专业合作社"


def test_a_second_course_this_year_gets_no_second_allowance():
    s = State()
    _say(s, "ask_training", "俺是千阳县的脱贫户，报了县上免费的育婴员培训，一共60天，培训期间管生活费跟路费，总共能给多少？")
    t = _say(s, None, "哎，俺今年三月份参加过一期电焊培训，那回已经领过这个钱了，这回还能给不？")
    r = _result(t, "qy.training_living_transport")
    assert r.status == "ineligible"


def test_others_of_a_category_are_not_the_person_and_a_job_found_in_the_county_is_local():
    from assistant.extract import extract
    e = extract("我是汉滨区的 不是贫困户 就是一般农户 上个月参加了电焊工培训 别个贫困户都说有1800的补贴 为啥子我没有",
                [], None, TODAY)
    assert "脱贫劳动力" not in e.categories and "脱贫劳动力" in e.not_categories
    e = extract("俺是永州道县的建档立卡户，去年过完年在县城里找了个活，每天从乡里坐车去，有没得交通补助", [], None, TODAY)
    assert e.facts.get("work_scope") == "本县" and e.facts.get("employed") is True


def test_a_unit_corrects_some_of_its_people_to_another_province():
    s = State()
    _say(s, "ask_employer_subsidy", "我们是长沙的一家物流公司，去年3月份招了6个湖南本省的建档立卡贫困户，签了劳动合同，社保也一直在交，"
                                    "到现在都干了一年半多了，岗位补贴一年能拿多少钱")
    t = _say(s, "correct", "不好意思搞错了，6个里面有2个是贵州来的贫困户，湖南本省的只有4个")
    assert s.facts.get("home_province") == "本省" and s.facts.get("hired_poor_count") == 6
    assert "4000元（4人×" in t.replies[-1].text


def test_people_of_another_city_of_the_province_at_a_poor_county_unit_get_the_ordinary_rate():
    s = State()
    t = _say(s, "ask_employer_subsidy", "我们在湘西保靖县办了个就业扶贫车间，保靖是贫困县。车间招了10个建档立卡贫困户，八个是保靖本县的，"
                                        "2个是衡阳过来的，都签了两年劳动合同，交了社保，到现在干满一年了。岗位补贴一年一共多少？")
    assert "14000元" in t.replies[-1].text
    t = _say(s, None, "社保补贴呢？我们给他们交了养老、医疗、失业，还有工伤，单位部分每人每月900多块，能补几年")
    r = _result(t, "hn.social_insurance_subsidy")
    assert r.status != "ineligible"


def test_never_registered_as_unemployed_is_no_registration():
    from assistant.extract import extract
    e = extract("这6个之前一直在家种地，没去登记过失业，能拿那个每人200的介绍补贴不", [], None, TODAY)
    assert "登记失业人员" in e.not_categories and "登记失业人员" not in e.categories


def test_a_units_correction_of_who_signed_a_year_puts_the_rest_out():
    s = State()
    _say(s, "ask_employment_base", "我们公司是县里认定的就业帮扶基地，做苹果深加工。今年新招了180个脱贫户和低收入户，都签了一年以上合同，"
                                   "按一人2000算能拿多少？")
    t = _say(s, "correct", "不对，我刚翻了下，签一年以上的只有140个，剩下40个签的是8个月")
    r = _result(t, "qy.employment_base_award")
    assert r.status != "ineligible" and "28万元" in t.replies[-1].text


def test_a_company_said_instead_of_a_shop_and_a_worker_back_from_years_away():
    from assistant.extract import extract
    e = extract("那要是俺当初注册的是个小公司不是个体户呢 能多给多少", [], None, TODAY)
    assert e.facts.get("business_type") == "小微企业"
    e = extract("来电人是绥化安达市人，不是贫困户，前些年一直在哈尔滨饭店打工，去年五一回村开了个小饭馆", [], None, TODAY)
    assert "农民工" in e.categories


def test_what_can_be_paid_and_where_in_one_message_with_a_fare_corrected_after():
    s = State()
    t = _say(s, "inform", "俺是千阳南寨镇的脱贫户 今年三月过完年去苏州电子厂上班了 签了两年合同 火车票汽车票加一块花了三百八 "
                          "能补点啥 上哪办")
    assert _result(t, "qy.cross_province_transport").status == "eligible"
    assert _result(t, "qy.job_seeking").status == "ineligible"        # 6 months past: said why, not left out
    assert "去哪办：户籍所在镇劳动保障事务所" in t.replies[-1].text
    t = _say(s, "correct", "说错了 票钱加一块是六百二")
    assert s.facts.get("transport_cost") == 620 and "500元（实际交通费620元" in t.replies[-1].text


def test_a_longer_term_asked_at_the_end_of_the_sentence_is_refused():
    s = State()
    _say(s, "ask_startup_loan", "我们是平利县的毛绒玩具厂，劳动密集型小微企业，现在厂里有23个贫困劳动力，都签了两年合同、交了社保。"
                                "想贷款扩大生产，能贷多少？")
    t = _say(s, None, "我们想贷3年，分期还轻松点，行不行")
    assert _result(t, "ak.small_enterprise_loan").status == "ineligible"


def test_what_if_of_a_fact_of_the_last_answer_keeps_that_answer():
    s = State()
    _say(s, "correct", "我们是千阳一个奶山羊养殖专业合作社，今年新招了6个人，边干边培训搞以工代训：4个是脱贫户，1个是边缘户，"
                       "还有1个脱贫户去年在别的社区工厂已经享受过以工代训补贴了。培训打算搞4个月，能补多少？")
    t = _say(s, "inform", "要是培训期拉长到8个月呢？")
    assert t.decision.stated[0].benefit.id == "qy.work_for_training"
    assert "18000元（5人×" in t.replies[-1].text


def test_more_placements_charged_for_are_not_added_and_the_free_ones_stay():
    s = State()
    _say(s, "ask_referral", "我们是汉滨区一家人力资源服务公司。前年下半年免费给十二个登记失业的贫困劳动者介绍到企业，都签了劳动合同，"
                            "到现在有9个干满一年了，另外3个干了半年左右就走了。职业介绍补贴能拿多少？")
    t = _say(s, "ask_referral", "哦对了还有5个，是收了每人300块中介费介绍过去的，也干满一年多了，这5个能一起报吗")
    assert _result(t, "ak.job_referral").status != "ineligible"
    assert t.replies[0].text.startswith("收了费介绍的5人不能报") and "1800元（9人×" in t.replies[-1].text


def test_the_ordinary_ones_of_a_class_or_of_interns_are_out_of_the_poor_ones_money():
    s = State()
    _say(s, "ask_training", "我们是石泉县的培训定点机构，想到乡镇上开电商培训班，专门招建档立卡贫困劳动力，培训补贴多少？")
    t = _say(s, "inform", "一个班四十个人，其中28个是建档立卡的，12个是一般农户，按1800算一共能报多少")
    assert "50400元（28人×" in t.replies[-1].text
    s = State()
    _say(s, "ask_internship", "我们是旬阳的一家建材公司，打算接收3个贫困家庭的高校毕业生来就业见习，见习期定8个月，一共能拿多少")
    t = _say(s, "correct", "说错了，3个里头只有2个是贫困家庭的，另外1个家里不是贫困户")
    assert "12000元（2人×" in t.replies[-1].text


def test_the_poor_counted_apart_from_the_others_are_not_counted_out_twice():
    from assistant.extract import extract
    e = extract("我们是明水县一个扶贫车间。现在12个工人，8个是建档立卡贫困户，都干了一年多了，剩下4个不是贫困户。", [], None, TODAY)
    assert e.facts.get("hired_poor_count") == 8 and not e.counted_not.get("sh.startup_poverty_reward")


def test_a_group_by_time_corrected_with_some_of_it_come_later():
    s = State()
    _say(s, "inform", "肇东一个扶贫车间，现在有8个贫困户在干活，6个是建档立卡的，都干了一年多了，另外2个是边缘户，来了半年。"
                      "吸纳这些人能拿多少奖励补贴")
    t = _say(s, "correct", "哦说错了，干满一年的只有4个，另外2个建档立卡的是今年二月才来的")
    groups = sorted(map(tuple, s.facts["group_months"]), key=lambda g: g[1])
    assert [g[0] for g in groups] == [2, 2, 4] and groups[0][1] == 6 and 6 < groups[1][1] < 12 and groups[2][1] == 12
    assert _result(t, "sh.startup_poverty_reward").status == "eligible" and "4000元" in t.replies[-1].text


def _amounts(t):
    return {r.benefit.id: (r.status, r.amount.value) for r in t.decision.stated}


def test_an_agencys_placements_charged_for_or_short_are_out_of_each_kinds_count():
    # five more charged for, with contracts like the twenty free ones; three seasonal ones back after two months
    t = _say(State(), "ask_referral", "我们是在千阳县注册的劳务派遣公司，有人社局发的许可证。今年免费给人介绍工作：20个农民工跟用人单位"
                                      "签了一年以上合同；另外6个脱贫劳动力去苹果园干季节工，干了4个月；还有3个脱贫劳动力季节工干了两个月"
                                      "就回来了。另外还有5个人是收了介绍费的，也签了一年合同。职业介绍补贴一共能报多少？")
    got = _amounts(t)
    assert got["qy.job_referral"] == ("eligible", 10000) and got["qy.job_referral_seasonal"] == ("eligible", 1200)


def test_a_kind_of_placement_said_to_be_charged_for_is_out_not_the_others():
    s = State()
    _say(s, "ask_referral", "我们是千阳县城一家有许可证的人力资源服务公司。今年免费给村里人介绍工作：18个人进了西安、苏州的厂，"
                            "都签了一年以上合同；另外7个脱贫户介绍去果园干季节工，干了4个月。职业介绍补贴一共能拿多少？")
    t = _say(s, "correct", "说错了，那7个季节工我们每人收了100块介绍费，不是免费的，这个还算不算")
    got = _amounts(t)
    assert got["qy.job_referral_seasonal"][0] == "ineligible" and got["qy.job_referral"] == ("eligible", 9000)


def test_those_still_at_work_a_year_on_are_counted_not_those_who_left():
    t = _say(State(), "ask_referral", "我们是安康城区一家人力资源服务公司。去年我们免费给登记失业的贫困劳动者介绍工作，送进企业签了劳动合同的"
                                      "一共23个，到现在干满一年的有17个，另外6个干了几个月就走了。这个职业介绍补贴我们能拿多少？")
    assert _amounts(t)["ak.job_referral"] == ("eligible", 3400)


def test_too_late_asked_of_the_topic_without_naming_it_answers_whether():
    s = State()
    _say(s, "ask_graduate_subsidy", "娃他妈问一下，俺家是千阳的脱贫户，儿子在县职业中专读三年级，明年6月毕业，听说有个求职创业补贴，能领多少")
    from assistant.turn import where_turn
    t = where_turn(s, "那他姐前年从职业中专毕业的，当时没申请，现在补申请中不中", [], dt.date(2026, 12, 2))
    got = {r.benefit.id: r.status for r in t.decision.stated}
    assert got.get("qy.graduate_job_search") == "ineligible"


def test_a_claim_put_off_to_next_year_is_not_this_years_second():
    s = State()
    t = _say(s, "ask_training_allowance", "我是千阳崔家头的脱贫户今年三月份参加过县上的10天面点培训当时领过生活费交通费了现在又报了一个"
                                          "60天的挖掘机培训下个礼拜开班这回生活费交通费还有没有能给多少")
    assert {r.benefit.id: r.status for r in t.decision.stated}["qy.training_living_transport"] == "ineligible"
    t = _say(s, "nlu_fallback", "那我要是等明年开春再报这个60天的呢")
    assert {r.benefit.id: r.status for r in t.decision.stated}["qy.training_living_transport"] == "eligible"
    # (a question of its own: the next message about this year is this year's again)
    t = _say(s, "ask_training_allowance", "那今年这个60天的还能领不")
    assert {r.benefit.id: r.status for r in t.decision.stated}["qy.training_living_transport"] == "ineligible"


def test_the_part_a_document_lacks_beside_a_part_it_speaks_of():
    t = _say(State(), "ask_transport", "我是海南陵水的贫困户，准备去广东打工，坐车坐船去广东的路费有补贴没？还有俺家医保个人交的那部分钱，国家能帮着出不？")
    text = "\n".join(r.text for r in t.replies)
    assert "问的交通补助：" in text and "没有写这方面的补贴" in text and "个人缴费补助" in text


def test_free_training_asked_beside_its_allowances_is_answered():
    t = _say(State(), "ask_training_allowance", "来电群众说他是安达市的普通农户，家里不是贫困户也不是建档立卡户，明年想学食用菌栽培，"
                                                "问有没有免费培训，培训期间给不给交通费和生活费补助。")
    got = {r.benefit.id: r.status for r in t.decision.stated}
    assert got.get("sh.free_training") == "ineligible" and got.get("sh.training_transport") == "ineligible"


def test_a_trip_to_work_is_not_paid_by_the_training_travel_money():
    import datetime as dt
    from assistant.state import State
    from assistant.turn import policy_turn
    t = policy_turn(State(), "ask_transport", "我明水县的建档立卡户今年开春去广东打工了来回车票好几百能给报路费不", [],
                    dt.date(2026, 12, 2))
    travel = next(r for r in t.decision.stated if r.benefit.id == "sh.training_transport")
    assert travel.status == "ineligible" and "外出务工" in travel.reasons[0]
    assert t.replies[0].text.startswith("问的交通补助")


def test_the_training_travel_money_stays_for_a_training():
    import datetime as dt
    from assistant.state import State
    from assistant.turn import policy_turn
    t = policy_turn(State(), "ask_transport", "我明水县的建档立卡户，下个月去县里参加养殖培训，来回车费能报不", [], dt.date(2026, 12, 2))
    travel = next(r for r in t.decision.stated if r.benefit.id == "sh.training_transport")
    assert travel.status == "eligible"


def test_the_rural_medical_insurance_by_its_local_name_is_answered_from_the_text():
    # "合疗" (新农合): 海南 政策措施2 names 贫困人口参加城乡居民基本医疗保险个人缴费补助 without an amount
    text = _text(_say(State(), "ask_other", "俺爸妈都是林高的建档立卡贫困户，年年交那个合疗个人那部分，有补助没？补多少？"))
    assert "个人缴费补助" in text and "没有写具体金额" in text
    assert "到期" in text or "可能已调整" in text


def test_an_agency_asking_for_a_paid_export_contract_is_told_what_the_text_says():
    # 安康 二、（二）7 委托人力资源服务机构开展劳务输出有偿服务合作 (业务经费从就业工作经费中列支, no standard)
    s = State()
    _say(s, "ask_referral", "我们是旬阳的劳务公司，有资质，给贫困户介绍工作")
    text = _text(_say(s, "inform", "那县上能不能跟我们签个合作，我们专门给县里组织贫困劳动力往外输出，县里给服务费？"))
    assert "有偿服务合作" in text


def test_the_validity_asked_beside_another_question_answers_both():
    # "问去申请劳动仲裁要不要交钱，还有他说这个扶贫的政策现在还算不算数": 安康 二、（四）19、20 (仲裁 绿色通道, 减免缓
    # 案件受理费) from the text, and the validity, not the validity alone
    from assistant.turn import validity_or_turn
    t = validity_or_turn(State(), "来电人是白河县的农民工，在安康市里一个工地干了大半年，包工头拖欠工资两万多，他家是贫困户，现在手上没钱，"
                                  "问去申请劳动仲裁要不要交钱，还有他说这个扶贫的政策现在还算不算数，到哪年截止", [], TODAY)
    text = _text(t)
    assert "绿色通道" in text and "受理费" in text
    assert "可能已调整" in text


def test_the_validity_alone_is_still_the_validity():
    from assistant.turn import validity_or_turn
    text = _text(validity_or_turn(State(), "我是平利的贫困户，这个政策现在还有效不", [], TODAY))
    assert "安政办发〔2016〕74号" in text and "可能已调整" in text


def test_who_pays_beside_the_papers_is_answered_and_not_said_to_be_missing():
    # "学员来回的路费是不是得我们学校出？申报的时候我们要准备点啥？": 绥化's 参加培训交通费补助 (钱发给劳动者本人) answers the
    # first question, then the papers; never "没有写这方面的补贴"
    from assistant.turn import documents_turn
    s = State()
    _say(s, "ask_training", "您好，我们是肇东市一家职业培训学校，想给乡下建档立卡贫困户办珠串加工、手工编织这种特色技能班。"
                            "学员要不要收费？政府给我们补多少钱一个人？")
    t = documents_turn(s, "学员来回的路费是不是得我们学校出？申报的时候我们要准备点啥？", [], TODAY)
    text = _text(t)
    assert "参加培训交通费补助" in text and "劳动者本人" in text
    assert "没有写这方面" not in text
