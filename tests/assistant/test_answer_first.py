"""The reply's shape: the answer first, at most one question, an ended policy marked on the card, the way to a "yes"
when time can give it, and a topic the document names without an amount answered from its text."""
import datetime as dt
import re

import pytest

from assistant.state import State
from assistant.turn import policy_turn
from assistant.extract import extract

TODAY = dt.date(2026, 11, 30)


def _say(state, intent, text):
    return policy_turn(state, intent, text, [], TODAY)


def test_the_rate_comes_in_the_first_reply_with_at_most_one_question():
    s = State()
    t = _say(s, "ask_factory_job", "我们是千阳的社区工厂 吸纳脱贫户就业能拿多少补贴")
    text = t.replies[-1].text
    assert text.startswith("【社区工厂吸纳脱贫劳动力就业一次性岗位补贴】") and "1000元" in text.split("\n")[0]
    assert t.decision.stated and text.count("？") <= 1
    assert "文件已于2025年12月31日到期" in text or "到期" in text


def test_ended_policy_is_marked_on_the_card_itself():
    s = State()
    t = _say(s, "ask_public_post", "我是千阳的脱贫户 在村里当保洁员公益岗 干了2个月了 能领多少")
    card = t.replies[-1].text.split("\n\n")[0]
    assert "✓ 按该文件条件符合（文件已于2025年12月31日到期）" in card


def test_why_not_and_what_would_change_it():
    s = State()
    t = _say(s, "ask_job_seeking", "千阳的脱贫户 在社区工厂干了3个月 合同签了半年 求职补贴能领吗")
    text = t.replies[-1].text
    assert "✗" in text and "合同期限签到1年（不低于1年）就可以申请" in text


def test_a_topic_named_without_an_amount_is_answered_from_the_text():
    s = State()
    t = _say(s, "ask_public_post", "我紫阳的低保户 那公益岗一个月给好多钱？")
    text = "\n".join(r.text for r in t.replies)
    assert "里没有" not in text and "公益性岗位补贴" in text and "文件未给" in text and "12333" in text
    assert "ak." not in text                      # no internal ids


def test_two_part_question_answers_both():
    s = State()
    t = _say(s, "ask_startup_loan", "我紫阳的，屋头是建档立卡贫困户，想开个小饭馆，有啥创业培训没得？贷款又能贷好多嘛？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert any(i.startswith("ak.startup_loan") for i in ids) and "ak.startup_training" in ids


def test_a_question_the_nlu_missed_is_found_from_the_words():
    s = State()
    t = _say(s, "correct", "千阳的脱贫户 去浙江打工 车票680 路费能报多少")
    assert t.decision.stated and "500元" in t.replies[-1].text


def test_a_factory_question_where_the_document_has_no_factory_benefits_gets_the_employers_subsidies():
    # 湖南's text has no 社区工厂 benefits of its own: a 扶贫车间 hiring 建档立卡 workers is an employer (岗位补贴)
    s = State()
    t = _say(s, "ask_factory_job", "我帮我妈问的 她是湘西吉首的 贫困户 想在 村里的 扶贫车间 做事 那个 她有啥补贴")
    ids = [r.benefit.id for r in t.decision.stated]
    assert "hn.post_subsidy" in ids
    assert "钱发给用人单位" in t.replies[-1].text and "到期" in t.replies[-1].text


def test_the_benefit_the_message_names_comes_first():
    s = State()
    t = _say(s, "ask_employer_subsidy", "我们是常德的就业扶贫基地，一是怎么才能评上“爱心单位”？二是那10万奖补去哪里申请")
    assert t.decision.stated[0].benefit.id in ("hn.model_unit_award", "hn.local_model_unit_award")


def test_a_presumed_condition_is_said_not_asked():
    # 每年只享受1次 is taken as met while unknown (policies/SCHEMA.md, presumed) and said on the card
    s = State()
    t = _say(s, "ask_training_allowance", "千阳脱贫户，参加了15天的技能培训，生活费交通费能给多少")
    card = t.replies[-1].text.split("\n\n")[0]
    assert "技能培训生活和交通费补贴" in card and "✓" in card and "前提：每年只享受1次" in card


def test_a_follow_up_the_nlu_missed_goes_on_with_the_topic():
    from assistant.turn import smalltalk_turn

    s = State()
    _say(s, "ask_public_post", "我是千阳的脱贫户 在村里扫路 就是那个公益岗")
    t = smalltalk_turn(s, "nlu_fallback", "那这钱是谁发给我", [], TODAY)
    assert t is not None and "钱发给您本人" in t.replies[-1].text
    assert smalltalk_turn(State(), "greet", "你好", [], TODAY) is None        # small talk stays small talk
    # more said of the person, no fact we read: the topic's answer again, not "没太听明白"; the papers asked for
    t = smalltalk_turn(s, "nlu_fallback", "他腿脚不好出不了远门，屋里也没啥别的收入，我们弟兄俩都在外地", [], TODAY)
    assert t is not None and t.decision.stated[0].benefit.id == "qy.rural_public_post"
    assert smalltalk_turn(s, "nlu_fallback", "要交么子材料", [], TODAY) is not None
    assert smalltalk_turn(s, "nlu_fallback", "哈哈", [], TODAY) is None
    assert smalltalk_turn(State(), "nlu_fallback", "他腿脚不好出不了远门，屋里也没啥别的收入", [], TODAY) is None     # no topic


@pytest.mark.parametrize("first,then,bid,amount", [
    ("来电人说她是庆安县的，家里是建档立卡户，儿子念过技工学校，念技校每年有3000块补助，问能领不",
     "来电人说儿子念了三年，2021年秋天入学，2024年夏天毕业", "sh.technical_school", 9000),
])
def test_a_childs_years_at_school_said_after_make_the_total(first, then, bid, amount):
    from assistant.turn import smalltalk_turn

    s = State()
    _say(s, "ask_school_grant", first)
    t = smalltalk_turn(s, "nlu_fallback", then, [], TODAY)
    r = next(r for r in t.decision.stated if r.benefit.id == bid)
    assert r.amount.value == amount


def test_a_fact_taken_for_a_validity_question_answers_the_question_asked():
    from assistant.turn import validity_or_turn

    s = State()
    _say(s, "ask_internship", "来电人说她女儿是千阳脱贫家庭的大学毕业生，想去见习，有补贴吗")
    t = validity_or_turn(s, "来电人说她女儿今年23", [], TODAY)
    assert t.decision.stated and t.decision.stated[0].benefit.id == "qy.internship"
    t = validity_or_turn(s, "这个政策现在还有效吗", [], TODAY)
    assert not t.decision.stated and "2025年12月31日" in t.replies[-1].text
    # the first message, facts and a question about a benefit: answered, the place kept (not "告诉我您是哪个县的")
    s = State()
    t = validity_or_turn(s, "我屋里是平利的贫困户，大娃今年24了，在安康技师学院读全日制。听人说国家资助过了年龄就莫得了，"
                            "他还能享受不？", [], TODAY)
    assert s.place.endswith("平利县") and "ak.technical_school_age" in [r.benefit.id for r in t.decision.stated]
    # a validity question that names the place: the place is kept and its document's validity said
    s = State()
    t = validity_or_turn(s, "我是汉阴的，你们说的这些政策现在还有效吗", [], TODAY)
    assert s.place.endswith("汉阴县") and "告诉我您是哪个县" not in t.replies[-1].text


def test_what_can_i_get_puts_what_fits_before_what_needs_an_activity():
    # a 脱贫户 working in another province: the job benefits fit; a training allowance needs a training first
    s = State()
    t = _say(s, "ask_what_can_i_get", "千阳的脱贫户，在江苏打工，合同签了一年，上个月去的，还能领啥")
    ids = [r.benefit.id for r in t.decision.stated]
    assert ids.index("qy.job_seeking") < ids.index("qy.training_living_transport")
    assert "?技能培训生活和交通费补贴" in t.replies[-1].text


def test_a_unit_is_not_asked_who_its_people_are():
    # a training school asks for its trainees: the trainees' category is a condition on the card, not a question
    s = State()
    t = _say(s, "ask_training", "我们是海口一家职业培训学校，想给贫困地区的劳动力办培训，一个人政府补贴多少钱？")
    assert t.decision.stated and "您属于" not in t.replies[-1].text and s.pending_fact != "category"


def test_a_benefit_named_by_its_words_gets_its_card_even_outside_the_topic():
    # 房租水电 is the 场地租赁费、水电费补贴 (policies/catalogue.yaml benefit_words)
    s = State()
    t = _say(s, "ask_factory_job", "千阳这边县上认定的社区工厂，厂里脱贫户占了一半，房租水电补贴咋申请")
    assert t.decision.stated[0].benefit.id == "qy.community_factory_rent"
    s = State()
    t = _say(s, "ask_training_allowance", "额是千阳的脱贫户，在县里学了20天月嫂，生活费交通费一天给多少？还有考育婴员证要掏钱不")
    ids = [r.benefit.id for r in t.decision.stated]
    assert "qy.training_living_transport" in ids and "qy.skill_appraisal" in ids


def test_a_benefit_named_where_the_question_has_no_topic_is_the_answer_not_a_none():
    # 绥化 has no 社区工厂 benefits, but the 1000元 reward for a 扶贫车间 hiring 建档立卡 people is named by its words
    s = State()
    t = _say(s, "ask_factory_job", "俺们在北林区开的扶贫车间，招了4个建档立卡的，一直干了一年多，那个一个人1000的奖励咋申请？")
    text = "\n".join(r.text for r in t.replies)
    assert "里没有" not in text and t.decision.stated[0].benefit.id == "sh.startup_poverty_reward"


def test_what_else_can_be_had_after_a_topic():
    s = State()
    _say(s, "ask_referral", "我爸是岳阳平江的贫困户，去年被县里一个劳务公司介绍到浙江厂里，那个公司说能拿政府200块")
    t = _say(s, "inform", "那我爸自己能领点啥？")
    assert s.topic == "ask_what_can_i_get" and "您可能能领这些" in t.replies[-1].text


def test_a_policy_the_document_ends_is_said_to_have_ended():
    s = State()
    t = _say(s, "ask_factory_job", "千阳以前认定的就业扶贫基地，原来那个扶贫基地的补助现在还给不给")
    first = t.replies[-1].text.split("\n")[0]
    assert "原就业扶贫基地补助政策不再延续" in first and "二、（二）5" in first
    s = State()
    t = _say(s, "ask_factory_job", "我们是千阳县认定的就业帮扶基地，新招了12个脱贫户，奖补多少")
    assert "不再延续" not in t.replies[-1].text           # not said to someone who did not ask about the old policy


def test_someone_asking_for_another_person_is_not_told_the_money_is_theirs():
    s = State()
    t = _say(s, "ask_what_can_i_get", "我爸是千阳的脱贫户，在江苏打工签了一年合同，上个月刚去的，能领啥")
    text = t.replies[-1].text
    assert s.role == "proxy" and "钱发给劳动者本人" in text and "您本人" not in text
    assert text.startswith("您可能能领这些")                     # the answer first, what was understood after it
    s = State()
    t = _say(s, "ask_what_can_i_get", "我是千阳的脱贫户，在江苏打工签了一年合同，上个月刚去的，能领啥")
    assert s.role == "worker" and "钱发给您本人" in t.replies[-1].text


def test_a_named_benefit_is_answered_in_what_else_and_in_documents_even_when_not_for_them():
    s = State()
    t = _say(s, "ask_what_can_i_get", "肇东的服装厂，雇了5个农民工，都是普通人不是贫困户，干了两年了，能拿那个一个人1000元的奖励吗？")
    first = t.decision.stated[0]
    assert first.benefit.id == "sh.startup_poverty_reward" and first.status == "ineligible"
    assert "✗" in t.replies[-1].text.split("\n\n")[0] or "✗" in t.replies[-1].text.split("\n")[1]
    from assistant.turn import documents_turn
    s = State()
    t = documents_turn(s, "我们是千阳县认定的就业帮扶基地，年底报一次性就业奖补，要准备哪些材料", [], TODAY)
    assert t.decision.stated[0].benefit.id == "qy.employment_base_award"


def test_naming_another_variant_answers_that_variant():
    # 去年上了技能培训 (training_type 就业技能培训), 今年想报创业培训: the 创业培训 card answers as 创业培训
    s = State()
    t = _say(s, "ask_training", "汉阴的建档立卡户问一下，我去年参加了电工培训，享受过技能培训补贴了，今年又想报创业培训，这两个补贴能不能都拿？")
    r = next(r for r in t.decision.stated if r.benefit.id == "ak.startup_training")
    assert r.status != "ineligible"


def test_why_not_shows_what_fits_but_fails_with_the_reason():
    s = State()
    t = _say(s, "ask_what_can_i_get", "我们株洲的公司，招了5个建档立卡的，都签了两年合同、交了社保，都才干了九个月，为啥一个补贴都申请不下来？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert "hn.post_subsidy" in ids and "✗" in t.replies[-1].text and "12个月" in t.replies[-1].text


def test_what_the_text_says_that_is_no_benefit_is_said_as_the_text_says_it():
    s = State()
    t = _say(s, "ask_referral", "我们是受岚皋县委托做劳务输出的人力资源公司，跟县里签了有偿服务合作，介绍出去的都没收钱，有啥补贴")
    text = t.replies[-1].text
    assert "文件还写到" in text and "有偿服务合作的业务经费" in text and "ak." not in text


def test_can_i_have_both_is_answered_from_the_exclusion_rule():
    s = State()
    t = _say(s, "ask_referral", "千阳的职介公司，免费给一个脱贫户介绍了活签了一年，他说想自己去领求职补贴，那我们这边职介补贴和他的求职补贴能一起拿不")
    first = t.replies[-1].text.split("\n")[0]
    assert first.startswith("不能同时享受：") and "二者之一" in first
    s = State()
    t = _say(s, "ask_job_seeking", "千阳的脱贫户，去新疆打工，合同一年，坐车花了三百八，求职补贴和路费补助能一块领不")
    assert "文件没有写二者不能同时享受" in t.replies[-1].text.split("\n")[0]


def test_a_benefit_already_had_this_year_is_not_offered_again():
    s = State()
    t = _say(s, "ask_transport", "额千阳脱贫户，今年已经领过一回跨省路费补助了，这回又跑到河南干活，还能再领一回不")
    r = next(r for r in t.decision.stated if r.benefit.id == "qy.cross_province_transport")
    assert r.status == "ineligible" and "qy.cross_province_transport" in s.facts["received_this_year"]


def test_what_can_be_had_in_dialect_where_the_question_has_no_benefit_of_its_own():
    # 湖南 has no 求职补贴: "有冇得么子补贴" gets the list of what the person may get (the 交通补助 for 跨省 work)
    s = State()
    t = _say(s, "ask_job_seeking", "我崽是常德的建档立卡户，在广东打工两年了，屋里想问下有冇得么子补贴？")
    assert s.topic == "ask_what_can_i_get" and "hn.transport_subsidy" in [r.benefit.id for r in t.decision.stated]


def test_too_late_asked_of_a_benefit_gets_its_status_and_window_not_only_the_office():
    from assistant.turn import where_turn
    s = State()
    t = where_turn(s, "我是千阳县城关镇的脱贫户，去年五月在镇上开了个农家乐，执照办了，还贷了10万创业贷款，听说还有个5000块的"
                      "创业补贴，去年年底忙忘了没去报，现在去还来得及不", [], TODAY)
    text = t.replies[-1].text
    # the loan is history ("贷了10万"); the subsidy is the question, and its window has passed
    assert text.startswith("【一次性创业补贴】") and "创业担保贷款" not in text
    assert "✗ 须在创业实体登记注册后第7至12个月期间申报" in text


def test_a_yes_no_question_closed_by_bu_is_a_question():
    s = State()
    t = _say(s, "correct", "我们是文昌的农业公司，招了5个贫困户来干活，社保都给交了，干了5个月，能返还社保不")
    assert t.replies[-1].text.startswith("【企业吸纳建档立卡贫困人口社会保险返还】")


def test_what_else_with_a_wish_named_lists_everything_not_only_the_wish():
    s = State()
    t = _say(s, "ask_startup_subsidy", "我是千阳县南寨镇的脱贫户，前年在外省干过活，今年回来了，3月在镇上办了执照开了个农资店，"
                                       "一直开着，还想贷点款扩大一下，能享受啥")
    text = t.replies[-1].text
    assert "✓一次性创业补贴" in text and "✓创业担保贷款（个人）" in text
    # the job of two years ago is not a cross-province job now
    assert "✓跨省就业一次性交通补助" not in text


def test_a_unit_of_another_kind_is_not_shown_an_agencys_money_for_a_word_of_its_work():
    s = State()
    t = _say(s, "ask_employer_subsidy", "千阳南寨镇的合作社，招了5个脱贫户来果园干活，算以工代训，干了4个月了。其中有1个前年在"
                                        "别的厂已经享受过以工代训补贴。以工代训补贴最多能报多少？")
    text = t.replies[-1].text
    assert text.startswith("【以工代训补贴】最高14400元（4人×") and "季节性用工职业介绍补贴" not in text


def test_a_correction_of_where_the_people_are_from_keeps_the_units_place():
    s = State()
    _say(s, "ask_employer_subsidy", "我们是郴州的一家电子厂，前年招了4个江西过来的建档立卡贫困户，签了合同也交了社保，干了快两年了，"
                                    "岗位补贴能拿吗？")
    assert s.facts.get("home_province") == "外省"
    t = _say(s, "correct", "哦我搞混了，那4个是我们湖南衡阳的，江西那几个是另一批临时工。")
    assert s.place == "湖南省郴州市" and s.facts.get("home_province") == "本省"
    assert "【岗位补贴】每年4000元" in t.replies[-1].text


def test_a_job_in_the_home_city_is_not_cross_province_and_a_corrected_place_of_work_is():
    s = State()
    t = _say(s, "ask_transport", "额是千阳崔家头的脱贫户，这个月刚到宝鸡市里一个物流园上班，签了一年。路费花了四十来块，那个跨省交通补助额能领不？")
    assert "✗ 须为跨省就业" in t.replies[-1].text and s.facts.get("work_scope") == "跨县"
    t = _say(s, "correct", "哎说岔咧，额是到甘肃平凉的物流园，不是宝鸡。车票二百六。")
    assert s.place == "陕西省宝鸡市千阳县崔家头镇" and s.facts.get("work_scope") == "跨省"
    assert t.replies[-1].text.startswith("【跨省就业一次性交通补助】260元")


def test_a_unit_asking_about_its_people_later_stays_the_unit_and_keeps_its_question():
    from assistant.understand import role_of
    assert role_of("ask_transport", "那俩人到明年春天就干满一年了，到时候还能报不？", "employer") == "employer"
    # (a child asking for her father: his money, "钱发给劳动者本人", not the asker's own)
    assert role_of("ask_what_can_i_get", "那我爸自己能领点啥？去哪领？", "employer") == "proxy"
    assert role_of("ask_what_can_i_get", "那我们单位自己还能领啥", "employer") == "employer"
    s = State()
    _say(s, "ask_employer_subsidy", "庆安一个水稻种植合作社，前后用了6个建档立卡贫困家庭的劳动力，4个在社里稳定干了一年多了，"
                                    "2个今年春天才来，干了8个月。创业扶贫奖励补贴能拿多少？")
    assert s.facts["new_hires"] == 6
    t = _say(s, "ask_transport", "那俩人到明年春天就干满一年了，到时候还能报不？")
    text = "\n".join(r.text for r in t.replies)
    assert s.topic == "ask_employer_subsidy" and s.facts["new_hires"] == 6 and "交通补助" not in text
    # (the two at their year: what they add, and the unit's total then)
    assert "再补2000元（2人×1000元），一共6000元" in text


def test_an_event_after_the_documents_end_is_said_to_be_outside_it():
    s = State()
    t = _say(s, "ask_job_seeking", "我是千阳文家坡的脱贫户，今年三月签了一年合同去西安一个保安公司，求职补贴能领吗")
    assert "您说的上班时间（约2026年3月）在文件到期之后，这份文件管不到那时的事" in t.replies[-1].text
    s = State()
    t = _say(s, "ask_job_seeking", "我是千阳的脱贫户，2025年3月签了一年合同去西安一个保安公司，求职补贴能领吗")
    assert "文件到期之后" not in t.replies[-1].text


def test_words_only_one_documents_text_has_answer_from_it_without_a_place():
    from assistant.decide import only_document_named
    assert only_document_named("我在村上干农村公益性岗位，一个月补多少").id == "qianyang-2021-141"
    assert only_document_named("介绍了两回季节工，能报几次季节性的介绍补贴").id == "qianyang-2021-141"
    # words several documents have tell nothing: 以工代训 (千阳, 绥化), 求职创业补贴 (千阳, 海南's text), 创业补贴
    for text in ("以工代训能补多少", "听人说有个求职创业补贴一千块", "我想问问创业补贴有多少", "找到工作有啥补贴"):
        assert only_document_named(text) is None, text
    s = State()
    t = _say(s, "ask_public_post", "我在村上干农村公益性岗位打扫卫生，我媳妇在村上当劳动保障助理员，我俩都是脱贫户。想问下我们一个月各补多少？")
    text = "\n".join(r.text for r in t.replies)
    assert "您没说是哪个县的。您说的只有千阳县的文件有，先按它说" in text and "800元" in text and "400元" in text
    assert s.place == "陕西省宝鸡市千阳县"
    # a province's document: the province is named
    s = State()
    t = _say(s, "ask_training", "我们机构2016年承接过那个1200万的专项技能培训，当时培训了300人，一共10天，按每人多少钱结算的？")
    text = "\n".join(r.text for r in t.replies)
    assert "您说的只有海南省的文件有" in text and "1200万元" in text
    s = State()
    t = _say(s, "ask_employer_subsidy", "以工代训能补多少")
    assert "哪个县" in t.replies[-1].text and not s.place


def test_a_final_year_student_of_a_vocational_school_is_a_graduate_of_this_year():
    from assistant.extract import extract
    e = extract("额娃在咱县职业中专念最后一年咧，屋里是低保户，娃想毕业了出去寻工作。", [], None, TODAY)
    assert "中职毕业生" in e.categories and e.facts.get("final_year_student") is True


def test_a_trade_to_learn_is_a_skills_training_attended_free():
    # "想学挖掘机": not a startup training, so no 创业补贴; the school's subsidy is said as what it means for the person
    s = State()
    t = _say(s, "ask_training", "来电人说 他是千阳的脱贫户 想学挖掘鸡 问学技术有没有补助 还有考证要不要交钱")
    ids = [r.benefit.id for r in t.decision.stated]
    text = t.replies[-1].text
    assert "qy.startup_subsidy" not in ids and "qy.skills_training" in ids
    assert "免费参加培训" in text and "对个人免收鉴定费用" in text and "200元" in text
    assert "初级工标准的120%" not in text        # not the school's rate table
    # a school asking about its own money still gets its rate cases
    s = State()
    t = _say(s, "ask_training", "我们是千阳的培训学校，给脱贫户办挖掘机就业技能培训，补贴怎么算")
    assert "120%" in "\n".join(r.text for r in t.replies)


def test_words_only_one_document_has_answer_a_question_without_a_place():
    # "就业帮扶基地" and "脱贫户" are words of 千阳's 2021 text only: the rate, with the place to confirm said first
    s = State()
    t = _say(s, "ask_employer_subsidy", "我们公司是县上认定的就业帮扶基地，今年新招了8个脱贫户，都签了一年以上的合同，能领多少奖补")
    text = "\n".join(r.text for r in t.replies)
    assert "您没说是哪个县的" in text and "千阳" in text and "2000元" in text
    assert any(r.benefit.id == "qy.employment_base_award" for r in t.decision.stated)
    # words two documents have (见习: 安康 and 千阳) decide nothing: the place is asked
    s = State()
    t = _say(s, "ask_internship", "我们是见习单位，收了3个应届大学生来见习，补多少")
    assert not t.decision.stated and "哪个县" in t.replies[-1].text


def test_the_only_place_said_is_where_the_child_studies():
    s = State()
    t = _say(s, "ask_school_grant", "我孙子在儋州读技校，家里是建档立卡贫困户，他一年能补多少？")
    text = "\n".join(r.text for r in t.replies)
    assert "先按孩子上学的海南省儋州市说" in text and any(r.benefit.id == "hi.technical_school" for r in t.decision.stated)
    # a home said beside it wins, and the school's place is not used
    s = State()
    t = _say(s, "ask_school_grant", "女儿在广州读技师学院，我们是千阳的脱贫户，有啥补助")
    assert s.place.endswith("千阳县") and "先按孩子上学" not in "\n".join(r.text for r in t.replies)


def test_a_strong_word_names_the_question_before_a_plain_one():
    # "边干边学手艺" is a plain training word; "以工代训" names the employer's benefit
    s = State()
    _say(s, "ask_employer_subsidy", "我们是望奎县的扶贫车间，招了5个建档立卡贫困户")
    t = _say(s, "nlu_fallback", "我们平时也带着她们边干边学手艺，这个算以工代训不？能补多少")
    assert t.decision.stated[0].benefit.id == "sh.work_for_training"


def test_what_else_is_answered_after_the_question_asked():
    s = State()
    t = _say(s, "ask_transport", "来电人说他是千阳城关镇的脱贫户，今年10月8号去广州一个物流公司上班了，签的一年合同，"
                                 "去的时候大巴加火车票一共花了520块。他问路费能报多少，还有没有别的补贴")
    ids = [r.benefit.id for r in t.decision.stated]
    assert ids[0] == "qy.cross_province_transport" and "qy.job_seeking" in ids
    # a cost said in two parts adds up; a benefit that fits but whose window has passed is named with its reason
    s = State()
    t = _say(s, "ask_transport", "额是千阳南寨的 脱贫户 今年正月十五一过就去上海松江一个电子厂了 签了一年合同 "
                                 "火车票二百八 宝鸡坐班车又花了二十五 这能领些啥补助不")
    text = t.replies[-1].text
    assert "305元" in text and "【一次性求职补贴】" in text and "已超过申请期限" in text


def test_people_from_another_province_are_out_of_a_benefit_for_the_provinces_own():
    s = State()
    t = _say(s, "ask_employer_subsidy", "长沙一家物流公司。我们招了8个建档立卡贫困户，其中5个是湖南本省的，3个是贵州铜仁的，"
                                        "都签了两年合同、交了社保，到现在都干满一年了。岗位补贴能拿多少？")
    text = t.replies[-1].text
    assert "每年5000元（5人×每人每年1000元" in text and "3人是外省的，不计" in text
    # "这两个补贴能一起拿吗": the two stated before, with the rule; "够不够格" of a named benefit gets its failed condition
    t = _say(s, "ask_job_seeking", "这两个补贴能一起拿吗？还有听说评上那个爱心单位有10万，我们公司够不够格？")
    text = "\n".join(r.text for r in t.replies)
    assert "岗位补贴、社会保险补贴：文件没有写二者不能同时享受" in text
    assert "【湖南省精准就业扶贫爱心单位以奖代补】" in text and "还要看：须为就业扶贫基地" in text


def test_a_document_without_travel_money_answers_with_its_free_transfer_and_two_trainings_both_named():
    s = State()
    _say(s, "ask_training", "额是紫阳县的建档立卡户，四十三了，想学个修脚的手艺出去挣钱")
    t = _say(s, "ask_transport", "那额出去打工的路费给报不？村里人说有的地方给几百块钱的交通补助")
    text = t.replies[-1].text
    assert "里没有" not in text and "【公共职业介绍机构免费输送到用工单位】" in text and "没有写这方面的补贴" in text
    s = State()
    t = _say(s, "ask_training", "我是汉滨区的建档立卡户 前年学了电焊 考了证 去年又参加了创业培训 也合格了 "
                                "学电焊那个补贴跟创业培训的补贴 能不能一起拿")
    ids = {r.benefit.id for r in t.decision.stated}
    assert {"ak.skills_training", "ak.startup_training"} <= ids and "文件没有写二者不能同时享受" in t.replies[-1].text
    # a training's "生活费路费" is not travel to work
    s = State()
    t = _say(s, "ask_training", "我是千阳水沟镇的脱贫户，想学个育婴员，学十五天。培训期间是不是还给生活费路费，一天给多少")
    assert "qy.cross_province_transport" not in {r.benefit.id for r in t.decision.stated}


def test_how_much_and_how_long_taken_for_papers_is_answered_as_the_benefit():
    from assistant.turn import documents_turn
    s = State()
    _say(s, "ask_factory_job", "我们是沅陵的一个扶贫车间，招了6个建档立卡的妇女，还没签合同也没买社保")
    t = documents_turn(s, "那我要是从这个月起跟她们6个签一年的合同、买社保，要等好久才能拿？拿好多？", [], TODAY)
    text = t.replies[-1].text
    assert "文件未列申请材料" not in text and "每年6000元（6人×每人每年1000元" in text and "12个月" in text
    # the personal share taken from a wage means the unit pays insurance
    from assistant.extract import extract
    assert extract("老板讲政府给厂里补社保，那我工资里扣的那部分社保，政府补不补我？", [], None, TODAY).facts["insurance_paid"]


def test_one_more_kind_of_unit_keeps_both_and_classes_are_compared_by_their_sums():
    s = State()
    _say(s, "ask_factory_job", "我们是千阳崔家头镇一个社区工厂，去年县上认定过的。现在总共32个工人，其中12个是脱贫户，都是今年新招的，"
                               "都签了一年合同。厂房一年租金6万，水电一年大概1万8。今年能申请多少补贴？")
    t = _say(s, "ask_factory_job", "我们今年又被县上认定成就业帮扶基地了，基地那个一人两千，是不是两个都能报？哪个划算？")
    text = "\n".join(r.text for r in t.replies)
    assert s.facts["employer_type"] == "社区工厂" and s.facts["employer_type_also"] == "就业帮扶基地"
    assert "不能同时享受" in text and "＝最多51000元）更多" in text and "24000元" in text


def test_how_much_as_a_follow_up_is_about_the_money_the_last_answer_named():
    s = State()
    _say(s, "ask_training", "俺是海伦的建档立卡户，寻思学个月嫂。听说给贫困户免费培训，是真的不？学那几天来回跑城里的车钱和吃饭钱给不给整？")
    t = _say(s, "ask_training", "那到底一天能给多少钱啊？屯里人说一天五十，是不是这么回事")
    ids = [r.benefit.id for r in t.decision.stated]
    assert set(ids[:2]) == {"sh.training_transport", "sh.training_living_allowance"}


def test_a_benefit_asked_by_its_words_for_a_kind_they_are_not_says_why_not():
    s = State()
    t = _say(s, "ask_training", "我们是株洲的一家培训公司，跟几家工厂合作给在岗工人做技能提升培训，里面有十几个是建档立卡的。"
                                "这些人培训有没有每天20块的生活费？")
    text = t.replies[-1].text
    assert "【就业前技能培训生活费补贴】" in text and "✗ 须为就业前技能培训" in text


def test_a_business_too_young_is_theirs_once_it_has_run_its_months():
    # "能领不": theirs once it has run six months (when, said); "现在能申请吗": not yet
    t = _say(State(), "ask_startup_subsidy", "我是千阳的脱贫户，八月份办了执照开了个农资店，一直开着。一次性创业补贴能领不")
    card = next(r for r in t.decision.stated if r.benefit.id == "qy.startup_subsidy")
    text = t.replies[-1].text
    assert card.status == "eligible" and "再正常经营3个月满6个月，在创业实体登记注册后7至12个月期间申报" in text
    assert "须自工商注册登记之日起正常运营6个月以上" not in text
    t = _say(State(), "ask_startup_subsidy", "我是千阳的脱贫户，八月份办了执照开了个农资店，一次性创业补贴现在能申请吗")
    card = next(r for r in t.decision.stated if r.benefit.id == "qy.startup_subsidy")
    assert card.status == "ineligible" and "再正常经营3个月满6个月" in t.replies[-1].text


def test_a_business_run_without_a_licence_does_not_reach_its_months():
    t = _say(State(), "ask_startup_subsidy", "千阳的脱贫户，在集市上摆摊卖凉皮一年多了，没办执照，能不能领一次性创业补贴")
    card = next(r for r in t.decision.stated if r.benefit.id == "qy.startup_subsidy")
    assert card.status == "ineligible" and "不办执照的不在此列" in t.replies[-1].text


def test_the_sum_for_several_persons_when_asked_for_it():
    text = "我在千阳县村上当劳动保障助理员，我老婆是脱贫户在村上扫路也是公益岗，我俩一个月加起来补贴多少"
    reply = "\n".join(r.text for r in _say(State(), "ask_public_post", text).replies)
    assert "2人合计：每月1200元（800元+400元）" in reply, reply
    # not asked for a sum: each person's own amount only
    reply = "\n".join(r.text for r in _say(State(), "ask_public_post", text.replace("加起来", "各自")).replies)
    assert "合计" not in reply and "800元" in reply and "400元" in reply


def test_a_thing_the_document_mentions_without_a_benefit_is_answered_from_its_text():
    # 安康's 司法救助 (减免缓案件受理费), asked in a worker's own words, and 海南's 医保个人缴费补助: what the text says and
    # whom to ask, not a list of other benefits
    for text, words in (("我是安康紫阳的农民工，老板欠工资不给，打官司要交钱吗", "减免缓案件受理费"),
                        ("我是海南五指山的贫困户，看病的医保钱有人帮着交吗", "个人缴费补助")):
        reply = "\n".join(r.text for r in _say(State(), None, text).replies)
        assert "文件还写到" in reply and words in reply and "12333" in reply, reply
        assert "您可能能领这些" not in reply
    # "还能领啥" is still the list
    reply = "\n".join(r.text for r in _say(State(), "ask_what_can_i_get", "我是海南五指山的贫困户，还能领啥").replies)
    assert "您可能能领这些" in reply


def test_an_agency_asking_about_government_bought_services_hears_what_the_text_says():
    s = State()
    _say(s, "ask_referral", "我们是在千阳注册的劳务派遣公司，许可证照齐全。今年8月给城关镇12个普通农民工派到宝鸡高新区一家厂，签了两年合同，"
                            "没收介绍费。这也能算职介补贴不")
    reply = "\n".join(r.text for r in _say(s, None, "另外听说县上把公共就业服务纳入政府购买服务了，我们想接这活，一年能给多少钱？").replies)
    assert "政府购买服务指导性目录" in reply and "四、4" in reply, reply


@pytest.mark.parametrize("place,text,said", [
    ("汉阴县", "我开了个小店，店面太小了租金又贵，政府有没有便宜的场地给我们这种人用", "孵化示范基地"),
    ("新化县", "我要是一边领失业金一边去参加个培训，培训的钱哪个出", "失业保险基金"),
    ("绥棱县", "乡里让俺去村里那个公益讲堂讲讲俺咋开店脱的贫，这玩意儿给钱不", "公益大讲堂"),
])
def test_what_the_text_says_of_a_thing_named_in_peoples_words(place, text, said):
    s = State()
    s.place = {"汉阴县": "陕西省安康市汉阴县", "新化县": "湖南省娄底市新化县", "绥棱县": "黑龙江省绥化市绥棱县"}[place]
    reply = "\n".join(r.text for r in _say(s, None, text).replies)
    assert said in reply, reply


def test_a_thing_named_in_passing_does_not_hide_the_benefits_that_fit():
    # "家政公司" is also a word of 湖南's 家庭服务业 line; the worker's own travel money still comes in the list
    s = State()
    reply = "\n".join(r.text for r in _say(s, "ask_what_can_i_get", "我是新化的贫困户，去年去广东一家家政公司上班了，路上花了300，"
                                                                     "有没有补贴").replies)
    assert "转移就业交通补助" in reply and "您可能能领这些" in reply
    assert "training_type" not in s.facts           # working at a 家政公司 is no 家政 course


def test_a_broker_asking_what_he_may_get_hears_the_agencys_own_money_and_why_not():
    state = State()
    t = policy_turn(state, "correct", "我是紫阳城关镇的劳务经纪人，就我个人，没注册公司，每年带二三十个老乡出去干修脚足浴，"
                                      "一分钱不收他们的，这种政府给补贴没", [], TODAY)
    first = t.decision.stated[0]
    assert first.benefit.id == "ak.job_referral" and first.status == "ineligible"
    assert not any(r.benefit.payee in ("employer", "intern_unit") for r in t.decision.stated)


def test_a_unit_that_fails_its_own_benefit_hears_why_not_the_workers_benefits():
    state = State()
    t = policy_turn(state, "ask_what_can_i_get", "我们是万宁的槟榔种植合作社，请了本村十几个贫困户摘槟榔，按天给工钱，社保无交，"
                                                 "这样有无补贴给我们合作社", [], TODAY)
    assert t.decision.stated and all(r.benefit.payee not in ("worker", "student_family") for r in t.decision.stated)
    refund = next(r for r in t.decision.stated if r.benefit.id == "hi.social_insurance_refund")
    assert refund.status == "ineligible"


def test_a_registration_planned_after_none_makes_the_startup_subsidy_open_again():
    state = State()
    policy_turn(state, "ask_startup_subsidy", "来电人说她是北林区四方台镇的贫困户，在家开网店卖黏豆包快一年了，没办营业执照，问有没有创业补贴", [], TODAY)
    assert state.facts.get("months_since_registration") == 0
    t = policy_turn(state, "ask_startup_subsidy", "来电人说那她下个月就去办个体执照，最早啥时候能领", [], TODAY)
    assert "months_since_registration" not in state.facts
    # a licence still to be taken: the six months of operation run from it, a condition the business reaches (the
    # writers' convention: a condition planned counts as met, said on the card)
    got = next(r for r in t.decision.stated if r.benefit.id == "sh.startup_subsidy")
    assert got.status == "eligible" and "6个月" in "\n".join(x.text for x in t.replies)


def test_a_story_of_a_past_job_with_what_can_i_get_asks_everything_not_the_jobs_topic():
    state = State()
    t = policy_turn(state, "ask_factory_job", "我是常德石门的建档立卡户，在常德市里一个就业扶贫基地做了一年半包装工，上个月厂里裁人把我裁了，"
                                              "现在在领失业金。我想去学个厨师，大概要培训25天，学了好找事做。我这情况能领么子？", [], TODAY)
    assert state.topic == "ask_what_can_i_get" and state.facts.get("employed") is False
    ids = [r.benefit.id for r in t.decision.stated]
    assert "hn.training_living_allowance" in ids and "hn.unemployment_support" in ids


def test_a_category_said_as_also_adds_to_who_they_are():
    state = State()
    policy_turn(state, "correct", "来电人说她是琼海的，家里是建档立卡户。儿子今年读海南省技师学院一年级", [], TODAY)
    t = policy_turn(state, "correct", "来电人补充：她家也是低保户", [], TODAY)
    assert set(state.facts["category"]) == {"脱贫劳动力", "低保家庭"}
    assert all(r.status != "ineligible" for r in t.decision.stated if r.benefit.id == "hi.technical_school")


def test_a_household_story_asking_what_they_all_can_get_is_not_the_first_topic_named():
    state = State()
    policy_turn(state, "correct", "来电人说她是琼海的，家里是建档立卡户。儿子今年读海南省技师学院一年级，女儿今年7月大学毕业在家准备开网店，"
                                  "丈夫在海口工地打零工，家里还有个67岁的阿婆。她问一家人都能领什么", [], TODAY)
    assert state.topic == "ask_what_can_i_get"


def test_an_agency_told_the_worker_means_to_take_the_other_benefit_hears_it_turns_on_that():
    state = State()
    t = policy_turn(state, "ask_referral", "千阳的职介公司，免费给一个脱贫户介绍了活签了一年，他说想自己去领求职补贴，那我们这边职介补贴还报得了不",
                    [], TODAY)
    assert state.role == "employer"
    r = next(r for r in t.decision.stated if r.benefit.id == "qy.job_referral")
    assert r.status == "unknown" and "二者只能享受其一" in t.replies[-1].text


def test_each_of_a_familys_workers_is_told_their_own_fare_and_whether_it_crossed_a_province():
    state = State()
    t = policy_turn(state, "ask_transport", "来电人说她家是千阳城关镇的脱贫户，三个人出去打工：她老公今年3月去广东东莞，车费650；"
                                            "大儿子上个月去上海，车费380；小儿子今年8月去西安，车费120。问路费各能报多少", [], TODAY)
    text = t.replies[-1].text
    assert "她老公：✓跨省就业一次性交通补助：500元" in text and "大儿子：✓跨省就业一次性交通补助：380元" in text
    assert "小儿子：✗" in text


def test_no_subsidy_then_what_else_can_help_lists_the_rest_own_money_before_a_schoolchilds():
    state = State()
    t = policy_turn(state, None, "我是担州的，家里是建档立卡户也是低保户，我前年大学毕业，一直在海口上班，现在想自己出来做电商卖农产品。"
                                 "那个1500的创业补贴还能拿吗？拿不了的话还有啥能帮的", [], TODAY)
    ids = [r.benefit.id for r in t.decision.stated]
    assert ids[0] == "hi.graduate_startup_subsidy" and "hi.startup_loan" in ids
    assert ids.index("hi.startup_loan") < ids.index("hi.technical_school")


@pytest.mark.parametrize("text", [
    "我们在" + "宝" * 2000 + "开了个社区工厂", "那" + "6个" * 300 + "里头有1个不是建档立卡户", "扣我社保" + "9" * 40 + "块，返给我无？",
    "第九九九九次还能报不", "大的还有99999年毕业，小的还得念三年，总共多少", "她老公去" + "东莞" * 200 + "车费650；大儿子去上海；小儿子去西安",
    "拿不了的话还有啥能帮的" * 80, "<script>alert(1)</script>我这情况能领么子？", "20个里有500个社保没给交", "今年新招的0个里头0个脱贫户",
    # this session's readings: a unit's school, had-before groups, couples, seasons, parts asked, a unit set up far away
    "我们是" + "丹" * 300 + "州一所技工学校", "里头有" + "9" * 30 + "个人去年在别的站已经鉴定过一回了", "一对" + "两口子" * 400,
    "去年开春" + "四" * 50 + "月份来的", "那工伤保险" * 300 + "算不算", "明年要是扩产招99999999999个呢，是不是就能拿40万",
    "剩下" + "6" * 40 + "个一直做到现在", "我是湖南人，在" + "千" * 100 + "阳开了个车间",
])
def test_hostile_input_through_this_sessions_readings_gets_a_reply(text):
    from assistant.turn import smalltalk_turn

    for intent in (None, "correct", "ask_what_can_i_get", "ask_job_seeking"):
        t = policy_turn(State(place="陕西省宝鸡市千阳县", role="employer"), intent, text, [], TODAY)
        assert t.replies and all(r.text.strip() for r in t.replies)
    t = smalltalk_turn(State(place="陕西省宝鸡市千阳县", topic="ask_public_post"), "nlu_fallback", text, [], TODAY)
    assert t is None or (t.replies and all(r.text.strip() for r in t.replies))


def test_a_school_hears_its_own_training_money_first():
    s = State()
    _say(s, "ask_training", "我们是湘西龙山县的一家培训机构，听说培训搞得好有100万的奖补，我们机构能申请吗？")
    t = _say(s, "inform", "那我们机构自己能拿到什么？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert s.role == "employer" and s.facts["employer_type"] == "培训机构"
    assert ids[0] == "hn.skills_training_uplift" and "hn.job_service_subsidy" not in ids      # no agency's money
    # a driving school is a school speaking of itself; a child at a technical school is no unit
    s = State()
    t = _say(s, "ask_training", "我们是肇东的驾校，给贫困户培训开车考驾照，能不能按贫困劳动力培训申请培训补贴？")
    assert s.role == "employer" and t.decision.stated[0].benefit.id == "sh.training_subsidy_institution"
    s = State()
    _say(s, "ask_technical_school", "我是肇东的贫困户，儿子在技校读书，有补助吗")
    assert s.facts.get("employer_type") is None and s.role != "employer"


@pytest.mark.parametrize("follow_up", ["那工伤保险，还有我们代扣的个人那部分，算不算？", "工伤保险费包不包括", "我们代扣的个人那部分也补吗"])
def test_a_part_of_the_benefit_shown_asked_about_gets_that_benefit_with_why_not(follow_up):
    s = State()
    _say(s, "ask_employer_subsidy", "我们是岳阳的一家合作社，吸纳了5个本省建档立卡贫困劳动力，签了两年合同，满一年了，社保都交了，能申请社保补贴吗？")
    t = _say(s, "ask_what_can_i_get", follow_up)
    first = t.decision.stated[0]
    assert s.topic == "ask_employer_subsidy" and first.benefit.id == "hn.social_insurance_subsidy"
    assert first.status == "ineligible" and "工伤、生育保险费不在此列" in t.replies[-1].text


def test_more_hires_said_later_grow_the_staff_and_the_counts_each_rule_reads():
    s = State()
    t = _say(s, "ask_factory_job", "我们是登记注册的千阳刺绣非遗扶贫就业工坊，一共18个绣娘，其中脱贫户和低收入户5个，都是今年新招的，"
                                   "签的一年合同。房租一年2万4，水电一年6千。能补多少")
    assert s.role == "employer" and "钱发给您本人" not in t.replies[-1].text          # a workshop, not a worker
    t = _say(s, "ask_factory_job", "那要是这个月底之前再招2个脱贫户进来，也签一年呢")
    got = {r.benefit.id: r for r in t.decision.stated}
    assert (s.facts["staff_total"], s.facts["hired_poor_low_income_count"], s.facts["new_hires"]) == (20, 7, 7)
    assert got["qy.heritage_workshop_post"].amount.value == 7000 and got["qy.heritage_workshop_rent"].status == "eligible"
    # "招200个呢，是不是就能拿40万": 200 hires asked about (a question, not persons who are "不是" poor)
    s = State()
    _say(s, "ask_factory_job", "我们公司在千阳，是县人社局认定的就业帮扶基地。今年新招了脱贫户和低收入户一共23个，都签了一年劳动合同。能拿多少奖补")
    t = _say(s, "ask_factory_job", "明年要是扩产招200个呢，是不是就能拿40万")
    r = next(r for r in t.decision.stated if r.benefit.id == "qy.employment_base_award")
    assert r.amount.value == 300000


def test_a_benefit_named_by_its_short_words_comes_first():
    s = State()
    _say(s, "ask_factory_job", "我们公司在千阳，是县人社局认定的就业帮扶基地。今年新招了脱贫户23个，都签了一年劳动合同。能拿多少奖补")
    t = _say(s, "ask_employer_subsidy", "我们有一半人是苏州那边苏陕协作对接过来的订单带来的，苏陕协作那头还有奖励没有？给多少")
    assert t.decision.stated[0].benefit.id == "qy.su_shaan_cooperation_award"


def test_someone_from_elsewhere_who_set_up_a_workshop_is_its_owner():
    s = State()
    t = _say(s, "ask_factory_job", "我是湖南人，在千阳开了个车间，原来叫扶贫车间咯，现在改成就业帮扶车间了。改了名以后还有么子政策冇得？")
    assert s.role == "employer" and s.place == "陕西省宝鸡市千阳县"
    assert "钱发给您本人" not in t.replies[-1].text and t.decision.stated[0].benefit.id == "qy.community_factory_post"


def test_a_unit_asking_what_the_nlu_took_for_a_workers_question_hears_its_own_money():
    # 绥化 has no 求职补贴: a family farm that took on a couple is told its own reward, not "没有求职补贴"
    s = State()
    t = _say(s, "ask_job_seeking", "俺家在兰西办了个家庭农场 种了60垧苞米 雇了一对建档立卡的两口子 去年开春四月份来的 一直干到现在 "
                                   "这能给奖励不 给多少")
    first = t.decision.stated[0]
    assert s.role == "employer" and first.benefit.id == "sh.startup_poverty_reward" and first.status == "eligible"
    assert s.facts["new_hires"] == 2 and s.facts["months_employed"] == 19       # 一对…两口子; 去年开春四月份
    assert "里没有" not in t.replies[0].text


def test_each_part_of_a_two_part_question_is_answered_the_loan_by_its_money():
    s = State()
    t = _say(s, "ask_public_post", "来电人说她是白河县的贫困户，她男人是残疾人，儿子今年6月从西安一个大学毕业，到现在没找到工作，问能不能给儿子"
                                   "安排个公益岗；她自己想在村口开个小卖部，想贷5万块钱")
    ids = [r.benefit.id for r in t.decision.stated]
    assert "ak.startup_loan_individual" in ids and "ak.public_post_subsidy" in ids
    # a school's college graduates in a one-year 中级工班
    t = _say(State(), "ask_school_grant", "我们是安康一所技工学校，今年秋季招的中级工班有18个学生，其中6个是贫困家庭出来的大专毕业生，"
                                          "这6个能不能按1年制读，有没有补贴？")
    assert t.decision.stated[0].benefit.id == "ak.graduate_technical_training"


def test_an_agency_asking_about_placements_who_had_a_workers_benefit_hears_its_own():
    s = State()
    _say(s, "ask_referral", "我们是千阳县城一家有许可证的劳务派遣公司，今年免费给28个脱贫户介绍到苏州、宁波的厂里，都签了一年以上合同。"
                            "职介补贴一共能拿多少")
    t = _say(s, "ask_factory_job", "28个里头有5个今年自己也去镇上领了求职补贴，这5个我们还能报不")
    first = t.decision.stated[0]
    assert s.topic == "ask_referral" and s.role == "employer"
    assert first.benefit.id == "qy.job_referral" and first.amount.value == 23 * 500


def test_free_training_asked_also_hears_of_the_free_training_information():
    t = _say(State(), "ask_training", "我儿子在文昌老家咯，我们家是贫困户来的，他想学点手艺去外面做工嘛，有没有免费的培训的哦？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert {"hi.free_training", "hi.free_employment_service"} <= set(ids[:2])


def test_another_class_named_by_its_course_counts_its_own_trainees():
    s = State()
    _say(s, "ask_training", "我们机构承办人社的SYB创业培训，今年5月结业的那期30个学员，都上满80课时拿了合格证，千阳的，"
                            "到现在半年里有9个人办了执照开了店。这一期补贴能拿多少")
    t = _say(s, "inform", "另外还有个IYB班15个人，也都拿了合格证")
    r = next(r for r in t.decision.stated if r.benefit.id == "qy.startup_training_iyb")
    assert r.amount.value == 15 * 1000


def test_what_else_asked_in_words_the_nlus_question_does_not_have():
    from assistant.understand import effective_intent
    from assistant.extract import extract
    s = State(place="陕西省宝鸡市千阳县", topic="ask_work_for_training")
    for text, nlu in (("那额自己能拿点啥不", "ask_startup_subsidy"), ("那我现在还没找到活，有没有别的能享受的", "ask_job_seeking")):
        assert effective_intent(nlu, text, extract(text, [], s.place, TODAY), s) == "ask_what_can_i_get", text
    # the question's own words keep it
    text = "那创业补贴我能拿点啥"
    assert effective_intent("ask_startup_subsidy", text, extract(text, [], s.place, TODAY), s) != "ask_what_can_i_get"


def test_a_follow_up_about_another_person_of_the_household_says_their_own_job():
    s = State()
    _say(s, "ask_transport", "哎 我是千阳南寨镇的脱贫户，今年三月份自个跑到江苏昆山一个电子厂上班，签了两年合同，去的时候倒了几趟车一共花了380块。"
                             "听人说车费能报，还有个找到活就给的钱，这两个都咋弄嘛")
    assert s.facts["work_scope"] == "跨省" and s.facts["transport_cost"] == 380
    t = _say(s, "ask_factory_job", "那我媳妇呢 她也是俺屋里的脱贫劳力 没出省 就在县城社区工厂干 也签的一年")
    text = "\n".join(r.text for r in t.replies)
    assert s.facts["work_scope"] == "本县" and "transport_cost" not in s.facts and "脱贫劳动力" in s.facts["category"]
    assert "✗ 须为跨省就业" in text and "您本人" not in text


def test_whether_a_workshop_can_apply_puts_the_workshops_money_first():
    s = State()
    t = _say(s, "ask_factory_job", "俺们村那个扶贫车间是做劳保手套的，前些年有补贴，听说现在改名了，还有没有补贴？车间一直没去县上认定过，"
                                   "能直接报不？俺这是千杨县南寨镇")
    assert t.replies[-1].text.startswith("【社区工厂")


def test_a_wife_asking_about_her_husbands_employer_stays_a_proxy():
    s = State()
    _say(s, None, "我老倌子是攸县的建档立卡户 在株洲市里一个建材厂做了快一年了 厂里冇跟他签合同 也冇买社保 这三个月工钱都冇发 么子办咯")
    assert s.role == "proxy"
    _say(s, "ask_employer_subsidy", "厂里老板讲 他招贫困户政府有补贴的 那他凭么子不跟我老倌签合同")
    assert s.role == "proxy" and "hn.post_subsidy" in s.last_benefits and "hn.job_info_service" not in s.last_benefits


def test_a_worker_asking_whether_the_factory_gets_money_is_answered_with_the_employers_money():
    s = State()
    _say(s, None, "华容的 建档立卡 现在在长沙一个机械厂上班8个月了 厂里要送我去学数控 学一个月 这个有冇补贴")
    _say(s, "ask_job_seeking", "那厂里招我进来 厂里是不是有钱拿 我还冇满一年")
    assert s.topic == "ask_employer_subsidy" and "hn.post_subsidy" in s.last_benefits


def test_a_kind_of_training_the_document_has_no_benefit_of_falls_back_to_its_trainings():
    s = State()
    t = _say(s, "inform", "我是庆安县的脱贫户，二十六，前两年在哈尔滨打工，去年回村了。想在网上卖我们这的大米和黏豆包，有没有教开网店的培训？")
    assert "sh.free_training" in s.last_benefits      # 绥化's free trainings include 创业创新培训


def test_an_uncle_asked_for_is_someone_else():
    s = State(place="陕西省宝鸡市千阳县")
    t = _say(s, None, "我叔也是边缘户，五十出头，在家闲了大半年了找不到活，有啥能帮他的")
    assert s.role == "proxy" and "您本人" not in t.replies[-1].text


def test_a_school_leaver_of_this_summer_is_shown_the_training_for_school_leavers():
    # an 应届 school leaver: 绥化's 劳动预备制培训 (for 应届初、高中毕业生) is theirs, not one to ask about
    s = State()
    t = _say(s, "ask_training", "俺孙子今年夏天高中毕业，没考上大学，想跟屯里人去南方打工。俺家是明水县的脱贫户。他出去之前有啥培训没？")
    r = next(r for r in t.decision.stated if r.benefit.id == "sh.labor_preparatory_training")
    assert r.status == "eligible"


def test_the_subsidy_named_by_what_it_is_for_and_its_sum_is_answered_too():
    s = State()
    t = _say(s, "ask_transport", "俺是千阳的脱贫户，去新疆摘棉花，火车票560块，这车票能报不？那个找到活给五百的补贴有没有俺的份")
    text = t.replies[-1].text
    assert "【跨省就业一次性交通补助】" in text and "【一次性求职补贴】" in text


def test_a_worker_asking_about_the_brokers_money_gets_the_brokers_subsidy_as_the_brokers():
    s = State()
    _say(s, "ask_transport", "俺是千阳的脱贫户，跟着一个劳务经纪人去新疆摘棉花，火车票560块，这车票能报不")
    t = _say(s, "ask_what_can_i_get", "那带俺们去的那个经纪人能领钱不？")
    first = t.replies[-1].text.split("\n\n")[0]
    assert "职业介绍补贴" in first and "不是发给您个人" in first and s.role == "worker"


def test_how_much_and_where_in_one_message_gets_both():
    from assistant.turn import where_turn
    s = State()
    t = where_turn(s, "我儿子是千阳的，家里是脱贫户，今年去宝鸡上技校了，技校这块一年能补多少钱？去哪申请？", [], TODAY)
    texts = [r.text for r in t.replies]
    assert any("3000元" in x for x in texts) and "去哪办：县人社局" in texts[-1]
    t = where_turn(State(), "我儿子在宁夏泾源县，家里是脱贫户，技校这块一年能补多少钱？去哪申请？", [], TODAY)
    assert "暂未收录" in t.replies[-1].text and "元" not in t.replies[-1].text


def test_a_sum_heard_of_without_a_unit_names_its_benefit_first():
    s = State()
    t = _say(s, "ask_training", "我兰西县的 今年十九 去年高中毕业没考上大学 家里是建档立卡贫困户 想去念技工学校学汽修 学费得多少钱 "
                                "听说一年给三千 是真的吗")
    assert t.decision.stated[0].benefit.id == "sh.technical_school"
    assert "3000元" in t.replies[-1].text.split("\n\n")[0]


def test_an_agency_that_also_hired_for_itself_gets_the_units_money_for_those():
    s = State()
    _say(s, "ask_referral", "我们是海口的劳务公司，从琼中、保亭带了20个建档立卡的人到海口工厂上班，都做满半年了。海南这边介绍一个给我们多少？")
    t = _say(s, None, "那我们公司自己也招了3个建档立卡的当司机，签了合同交了社保，这个有没有？")
    assert "【企业吸纳建档立卡贫困人口社会保险返还】" in t.replies[-1].text


def test_a_follow_up_ending_in_呢_is_a_question():
    s = State()
    _say(s, "ask_referral", "我是安达这边的劳务经纪人，常年组织村里贫困户出去打工。我们中介介绍一个人有补贴没？")
    t = _say(s, "ask_factory_job", "那我要是自己开个扶贫车间，招贫困户进来干活呢")
    assert "【创业扶贫奖励补贴】" in t.replies[-1].text


def test_a_school_asking_two_things_gets_its_own_money_for_each():
    s = State()
    t = _say(s, "ask_appraisal", "我们是宝鸡的一所技工院校，想到千阳设点办“技能+”那种中期培训，培训要多长时间才算？补贴按啥标准？"
                                 "另外学校有个职业技能鉴定站，给千阳脱贫户第一次考证的，鉴定补贴找谁要、一个人多少钱？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert s.role == "employer" and "qy.skill_appraisal" in ids and "qy.mid_term_skills_training" in ids
    assert "qy.yulu_technical_school" not in ids            # "我们是…技工院校" says who asks, not a school-grant question


def test_the_asker_turning_to_themself_is_not_given_the_spouses_job():
    s = State()
    _say(s, None, "我老公是建档立卡户，在海口一家物业公司当保安，去年八月进去的，公司有帮他交社保。政府会返社保的钱吗？")
    _say(s, "ask_training", "那我呢？我是广西嫁过来的，户口没迁过来，不在建档立卡名单上，想学个美容美发，能免费培训吗？")
    assert s.role == "worker" and "months_employed" not in s.facts and "insurance_paid" not in s.facts


def test_news_of_jobs_asked_for_reaches_the_job_information_service():
    s = State()
    _say(s, None, "我是株洲炎陵的建档立卡户，上个月厂里把我们一批人辞了，现在冇得事做，政府能帮么子？")
    t = _say(s, "ask_employer_subsidy", "屋里老娘病了走不开，最好就在屋门口做事，有冇得这种的？有招工的消息能不能告诉我")
    assert "hn.job_info_service" in [r.benefit.id for r in t.decision.stated]


def test_a_school_the_child_will_not_go_to_is_not_the_question():
    s = State()
    _say(s, "ask_school_grant", "我屋里是磁利县的建档立卡户，崽今年初中毕业冇考上高中，想送他去读技工学校，听讲贫困户读技校国家有补，"
                                "一年补几多？")
    assert s.role == "worker"                   # "去读技工学校，" is where the child goes, not who asks
    t = _say(s, "ask_training", "那他要是不读技校，先去县里参加个一两个月的汽修培训再出去做事呢？有冇钱？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert s.topic == "ask_training" and "hn.skills_training_uplift" in ids


@pytest.mark.parametrize("intent", ["ask_startup_subsidy", "ask_school_grant"])
def test_the_fee_of_a_course_is_the_trainings_own_subsidy(intent):
    s = State()
    _say(s, None, "我是叙浦县的建档立卡贫困户，前年十月去县里参加了个电工培训班，讲的是二十天，实际只去了十六天，听讲每天有生活费，"
                  "我能拿好多钱咯？")
    t = _say(s, intent, "那学费呢，我自己掏了1500块，这个钱能退回来不")
    assert [r.benefit.id for r in t.decision.stated][0] == "hn.skills_training_uplift"


def test_an_allowance_not_for_their_kind_of_training_comes_with_the_one_for_it():
    s = State()
    _say(s, "ask_training_allowance", "我老公是石门县的建档立卡贫困户，上个月去县里学电焊，学了15天，听说有生活费，他能拿几多")
    t = _say(s, "ask_training", "他明年要是进了厂，厂里还要送他去学高级焊工，那个也一天二十块啵")
    ids = [r.benefit.id for r in t.decision.stated]
    assert ids[0] == "hn.training_living_allowance" and t.decision.stated[0].status == "ineligible"
    assert "hn.post_skill_upgrade_training" in ids


def test_what_else_money_for_me_beside_the_units():
    s = State()
    _say(s, "ask_transport", "我是平江的建档立卡户，就在本镇上的扶贫车间做鞋子，听人家讲出去打工有交通补助，我这种有冇得咯")
    t = _say(s, "ask_factory_job", "我跟车间签了三年合同，车间帮我交了社保，做了一年零两个月了，那我这边还有么子钱？车间那边是不是也能拿")
    ids = [r.benefit.id for r in t.decision.stated]
    assert "hn.post_subsidy" in ids and "hn.post_skill_upgrade_training" in ids


def test_a_unit_asking_what_it_can_get_and_about_its_own_training_hears_its_own_money():
    s = State()
    t = _say(s, "ask_training", "我们是汉阴县涧池镇一个做毛绒玩具的厂子，县上认定的吸纳农村劳动力转移就业示范基地，贫困户有23个，都签了"
                                "两年的合同，社保也都交了。新来的上岗前我们自己培训了一个礼拜。想问厂里能拿啥补贴，培训那一个礼拜有补贴没")
    ids = [r.benefit.id for r in t.decision.stated]
    assert "ak.demo_base_pre_job_training" in ids and "ak.social_insurance_subsidy" in ids
    assert "ak.skills_training" not in ids          # 1800元 names no payee: not said to be the factory's
    t = _say(s, "ask_startup_loan", "我们想再上一条生产线，能贷好多款？")
    assert t.decision.stated[0].benefit.id == "ak.small_enterprise_loan"      # the loan in the unit's own name first
    assert "ak.startup_loan_individual" not in [r.benefit.id for r in t.decision.stated]     # not a person's 10万
    t = _say(s, "ask_job_seeking", "镇上说我们涧池是示范镇，也有奖励，那个钱能分给厂里不？")
    assert "示范乡镇的公共就业服务经费奖励" in t.replies[-1].text


def test_someone_asking_to_be_taken_to_work_for_free_hears_of_the_free_placement():
    s = State()
    t = _say(s, "ask_what_can_i_get", "喂 那个 我想问一哈 我是旬阳白柳镇的 贫困户 想出去打工 克江苏那边 有没得人 帮忙 送过去 不要钱的那种")
    assert t.decision.stated[0].benefit.id == "ak.placement_service"


def test_a_school_leaver_going_to_work_hears_of_the_labour_preparatory_training():
    s = State()
    t = _say(s, None, "来电人说她儿子今年初中毕业，家里是安达的建档立卡户，孩子不想念了想去北京打工。她问有没有啥培训，还有孩子去北京的路费能不能报")
    assert "sh.labor_preparatory_training" in [r.benefit.id for r in t.decision.stated]


def test_an_agencys_groups_and_those_who_had_the_job_seeking_subsidy():
    s = State()
    t = _say(s, "ask_referral", "我是千阳的劳务经纪人，在县上注册了个人力资源服务公司，许可证也有。今年免费给32个脱贫户介绍到苏州厂里，"
                                "都签了一年合同；还介绍了15个去新疆摘棉花，干了4个月；另外3个去宝鸡果园帮工一个半月。这些能补多少？")
    text = t.replies[-1].text
    assert "3000元（15人×每人200元" in text and "16000元（32人×每人500元）" in text
    t = _say(s, "ask_factory_job", "32个人里头有4个自己去镇上领了那个找工作的500块，这4个还能算我的不？")
    assert s.topic == "ask_referral" and s.facts.get("work_scope") != "本县"        # an errand at the town office
    assert "14000元（28人×每人500元" in t.replies[-1].text


def test_a_correction_of_the_job_to_the_home_county_rules_out_the_travel_subsidy():
    s = State()
    _say(s, "ask_transport", "我是株州茶陵县的建档立卡户，今年四月跑到长沙一个物流公司上班了，听说跨地方打工有路费补，我能领不？")
    t = _say(s, "correct", "哎呀我讲错了，我屋是攸县的，不是茶陵，上班也不在长沙，就在攸县县城里头")
    assert s.facts["work_scope"] == "本县" and t.decision.stated[0].status == "ineligible"


def test_a_wife_at_home_is_not_given_her_husbands_job():
    s = State()
    _say(s, "ask_factory_job", "我千阳高崖镇的，脱贫户，今年四十三。今年3月10号到的江苏常州一个厂子，签了一年合同，坐车前前后后花了"
                               "六百多，票都在。你给我说说我还能领啥？")
    t = _say(s, "ask_factory_job", "那我老婆呢？她在屋里看娃和老人，走不开，想在家门口挣点钱，她能领个啥？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert ids[0] == "qy.rural_public_post"
    assert all(r.status != "eligible" for r in t.decision.stated if r.benefit.id == "qy.cross_province_transport")
    assert "transport_cost" not in s.facts


def test_a_household_with_no_one_at_work_asking_for_a_job_hears_the_post_and_what_the_text_says():
    s = State()
    t = _say(s, None, "来电人是南寨镇易地搬迁安置点的脱贫户，说两口子都没工作，从今年五月到现在一直闲着，娃还小，问政府能不能给安排个活，有啥帮扶。")
    text = t.replies[-1].text
    assert t.decision.stated[0].benefit.id == "qy.rural_public_post"
    assert "四、1" in text and "五、（三）3" in text         # 就业困难人员, “零就业”脱贫户1个月内至少1人就业


def test_a_renamed_workshop_asking_about_its_policies_and_its_insurance():
    s = State()
    t = _say(s, "ask_factory_job", "我们原来是崔家头镇的扶贫车间，现在牌子换成就业帮扶车间了，以前那些政策还有没有？另外给脱贫户交的社保有没有补贴？")
    assert s.role == "employer"
    assert "qy.employer_social_insurance" in [r.benefit.id for r in t.decision.stated]


def test_a_schools_second_class_of_workers_upgrading_gets_the_upgrade_subsidy_and_the_allowance_it_is_not():
    s = State()
    _say(s, "ask_training", "我们是衡阳市的一家职业培训学校，下个月开个电工班，30个学员都是建档立卡贫困户，目前都还没工作，培训15天。"
                            "问一下：贫困户的培训补贴是不是比普通学员高？")
    t = _say(s, "ask_job_seeking", "另外还有个班，是给已经在厂里上班的贫困户搞技能提升的，那个补贴怎么算？学员也有每天20块吗？")
    got = {r.benefit.id: r.status for r in t.decision.stated}
    assert got.get("hn.post_skill_upgrade_training") == "eligible" and got.get("hn.training_living_allowance") == "ineligible"


def test_a_cooperatives_chairman_asking_two_things_gets_both():
    s = State()
    t = _say(s, "ask_startup_subsidy", "我是明水县一个种植合作社的理事长，我自己不是贫困户。问俩事：一是合作社用贫困户干活有没有补贴？"
                                       "二是合作社能不能办那个创业担保贷款？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert s.role == "employer" and "sh.startup_poverty_reward" in ids and "sh.startup_loan" in ids


def test_what_a_worker_who_will_learn_a_trade_and_go_can_get_is_everything():
    s = State()
    t = _say(s, None, "我是永顺县的建档立卡户，男的，三十五岁，一直在屋里种田，想先出去学门手艺，再去浙江进厂。我这种情况有些么子补助可以领？")
    assert s.topic == "ask_what_can_i_get"


def test_a_parent_asking_what_the_sons_hotel_gets_hears_the_units_money():
    s = State()
    _say(s, "ask_appraisal", "我仔是屯昌的建档立卡户，在省技师学院读完了，今年头一次去考，拿到了电工证，考证交的钱能补吗？")
    t = _say(s, None, "他现在在海口一个酒店上班，签了三年合同，酒店给他交社保。这样酒店能得什么好处？")
    assert [r.benefit.id for r in t.decision.stated][0] == "hi.social_insurance_refund"


def test_a_unit_asking_what_else_after_its_interns_stay():
    s = State()
    _say(s, None, "我们是石泉县城的一家电商公司，今年6月1号收了3个贫困家庭的大学毕业生来见习，说好的见习8个月。见习补贴我们一共能拿好多？")
    t = _say(s, None, "见习完了我们打算留一个，正式签三年合同，还有啥补贴没？")
    assert "ak.social_insurance_subsidy" in [r.benefit.id for r in t.decision.stated]


def test_months_past_the_longest_period_asked_about_are_not_paid():
    s = State()
    _say(s, "ask_internship", "我们是安康高新区的一家电子厂，想接收4个贫困家庭的应届大学毕业生来见习，见习半年，那个见习补贴一共能拿多少？")
    t = _say(s, "ask_internship", "要是有两个娃我们想让他多见习两个月，见习8个月，后头那2个月还有补贴不")
    r = next(r for r in t.decision.stated if r.benefit.id == "ak.internship")
    assert r.status == "ineligible" and "最长6个月" in t.replies[-1].text and "12000元" in t.replies[-1].text


def test_an_agency_asking_about_the_people_it_hired_itself_hears_the_employers_money():
    s = State()
    _say(s, "ask_referral", "我们是海口的劳务公司，经常介绍贫困户去岛外的厂打工。介绍成功一个有无补贴？")
    t = _say(s, "correct", "那我们公司自己招进来、签了合同派到酒店上班的，社保是我们公司交的，这些人都是建档立卡户，有无什么？")
    assert [r.benefit.id for r in t.decision.stated][0] == "hi.social_insurance_refund"


def test_the_2500_heard_of_after_a_start_up_course_is_the_schools():
    s = State()
    _say(s, None, "我们家是千阳南寨镇的边缘户，不是脱贫户。我想学那个教人开店的培训，好像叫SYB，要交钱不？上课那些天给不给生活费？")
    t = _say(s, "ask_training", "要是学完半年内我真把店开起来了，听说能给2500，这钱是给我的吧？")
    assert t.decision.stated[0].benefit.id == "qy.startup_training_syb" and "个人不领钱" in t.replies[-1].text


def test_twelve_months_asked_of_a_six_month_subsidy_taken_for_a_where_question():
    from assistant.turn import where_turn
    s = State()
    _say(s, "ask_employer_subsidy", "俺在千阳一个苹果合作社干活，俺是脱贫户。社长说要给俺们报以工代训补贴，说一个月六百，这钱到底是给俺的还是给社长的？")
    t = where_turn(s, "那俺要是在社里干满一年，社长能按12个月给报不", [], TODAY)
    r = next(r for r in t.decision.stated if r.benefit.id == "qy.work_for_training")
    # theirs, for the longest period only (two held-out writers: h16-qy-011, h17-qy-109)
    assert r.status != "ineligible" and "最长6个月" in t.replies[-1].text


def test_a_unit_asking_for_another_of_its_kind_keeps_its_own_facts():
    s = State()
    _say(s, "ask_referral", "我是千阳的劳务经纪人，在县上注册了个人力资源服务公司，许可证也有。今年免费给32个脱贫户介绍到苏州厂里，"
                            "都签了一年合同。这些能补多少？")
    t = _say(s, "ask_what_can_i_get", "我村里还有个伙计，也是自己跑着带人出去打工，可他没注册公司，就一个人，他能领这个补贴不？")
    r = next(r for r in t.decision.stated if r.benefit.id == "qy.job_referral")
    assert r.status == "ineligible"
    assert s.facts["agency_licensed"] is True and s.facts["referred_count"] == 32 and s.topic == "ask_referral"


def test_a_total_asked_of_two_benefits_is_summed():
    s = State()
    t = _say(s, "inform", "我们机构今年上半年办了一期SYB，30个学员，80课时，全都拿到了创业培训合格证，结业半年内有6个人办了营业执照；"
                          "还办了一期IYB，也是80课时，20个人都拿了合格证。补贴总共能拿多少？")
    assert "合计：59000元（39000元+2万元）" in t.replies[-1].text
    t = _say(State(), "inform", "我们机构今年办了一期SYB，30个学员，80课时，全都拿到了创业培训合格证；还办了一期IYB，20个人都拿了合格证。"
                                "补贴各是多少？")
    assert "合计" not in t.replies[-1].text


@pytest.mark.parametrize("intent, text, words", [
    # a guarantor asked about: 千阳's 信用村 (逐步取消反担保)
    ("ask_startup_loan", "我是千阳高崖镇的脱贫户，跟村里两个人合伙弄了个冷库，想扩建，贷款要不要找人担保", "反担保"),
    # a trip organised by the county asked about: 有组织劳务输出、便利出行服务
    ("ask_transport", "我是千阳水沟镇的脱贫户，明年开春还想出去，县上有没有组织包车一起走的", "便利出行"),
    # someone to guide a new business: 安康's 大众创业专家团体
    ("ask_startup_loan", "我是安康紫阳的贫困户，明年想开个农家乐，能贷款不，我啥子都不懂，有没得人指导一哈", "专家"),
    # a village lecture: 绥化's 公益大讲堂进乡村活动
    (None, "我是绥棱县的贫困户，村里说下个月请致富带头人来讲课，那个去听给钱不", "公益大讲堂"),
])
def test_a_thing_the_text_mentions_named_in_everyday_words_is_said_from_the_text(intent, text, words):
    reply = "\n".join(r.text for r in _say(State(), intent, text).replies)
    assert "文件还写到" in reply and words in reply, reply


def test_a_covered_places_policy_heard_of_by_someone_from_elsewhere_is_not_theirs():
    reply = "\n".join(r.text for r in _say(State(), "ask_transport",
                                          "我是宝鸡龙县东风镇的脱贫户，今年过完年去上海一个工地干活了。听说千阳那边跨省打工"
                                          "给报五百块路费，我们陇县能不能按那个报").replies)
    assert "千阳县的文件只管千阳县的人" in reply and "陇县" in reply and "500元" not in reply


def test_words_only_one_document_has_answer_without_a_place():
    t = _say(State(), "ask_school_grant", "我们是省技师学院招生办的，今年扶贫班招了40个建档立卡家庭的孩子，每生每年3000块左右的补助是打给学校还是给学生")
    assert "海南" in "\n".join(r.text for r in t.replies)


def test_a_second_claim_asked_holds_for_that_question_only():
    s = State()
    _say(s, "ask_transport", "我是千阳草碧镇的脱贫户，今年九月去广东东莞厂里，签了一年合同，车票480")
    t = _say(s, "ask_transport", "十二月还要回来一趟再去，第二趟的车票能不能再报一回")
    assert t.decision.stated[0].status == "ineligible"
    t = _say(s, "ask_transport", "那这一趟的车票呢")
    assert t.decision.stated[0].status == "eligible"


def test_a_documents_own_words_outweigh_a_benefits_words_found_elsewhere():
    from assistant.decide import only_document_named

    # "扶贫就业服务公司" is 千阳's own word; "免费培训" is words 安康's text has too
    doc = only_document_named("我们是村上办的扶贫就业服务公司，出去前能不能先给他们免费培训一下")
    assert doc is not None and doc.id == "qianyang-2021-141"
    # leaving the island ("出岛") is 海南's
    t = _say(State(), "ask_referral", "我们劳务公司跟乡镇合作，组织贫困户出岛去广东做工，出去前能不能先给他们免费培训一下")
    assert "海南" in t.replies[0].text and "安康" not in t.replies[0].text


def test_the_hires_said_before_and_the_poor_among_them():
    s = State()
    _say(s, "ask_factory_job", "俺们海轮市这边一个扶贫车间，做手工编织的。上个月新招了12个贫困户，边干边教")
    _say(s, "ask_employer_subsidy", "12个里头有8个是建档立卡的，要是都干满一年，车间还有别的钱不？")
    assert s.facts.get("new_hires") == 8 and "staff_total" not in s.facts


def test_more_placements_free_where_the_first_were_charged():
    s = State()
    _say(s, "ask_referral", "我们是千阳村上办的扶贫就业服务公司，执照和许可都办了。上个月给村里5个脱贫户介绍到县城饭店当服务员，"
                            "签了两年合同，每人收了100块信息费，这能报职业介绍补贴不")
    t = _say(s, "ask_referral", "另外还有3个，我们一分钱没收，介绍去西安工地，签的一年，这3个呢")
    card = next(r for r in t.decision.stated if r.benefit.id == "qy.job_referral")
    assert card.amount.value == 1500, card.amount.text


def test_a_technical_school_running_classes_asks_about_their_training_money_not_school_grants():
    s = State()
    t = policy_turn(s, "inform", "我们是在千阳设点开班的一所技工学校。上个月结束一个电工班，30人，合格28人，就业了12个。这个班的培训补贴咋算？",
                    [], TODAY)
    assert s.role == "employer"
    assert [r.benefit.id for r in t.decision.stated][0] == "qy.skills_training"
    # the class's poor trainees are its count, not hires; a class still to come has none of its people yet
    t = policy_turn(s, "ask_training_allowance", "电工班里有20个是脱贫户，培训了10天，我们每人每天垫了生活费20、路费30，能报回来不？",
                    [], TODAY)
    assert s.facts.get("trainee_count") == 20 and "new_hires" not in s.facts
    allowance = next(r for r in t.decision.stated if r.benefit.id == "qy.training_living_transport")
    assert allowance.amount.value == 10000
    t = policy_turn(s, "ask_training_allowance", "明年我们还想办一期两个月的中期培训，60天，生活交通费按60天算是3000块吧？", [], TODAY)
    allowance = next(r for r in t.decision.stated if r.benefit.id == "qy.training_living_transport")
    assert allowance.amount.value == 2500 and "trainee_count" not in s.facts


def test_a_pupil_learning_a_trade_at_a_technical_school_hears_of_the_school_grants_with_money():
    s = State()
    t = policy_turn(s, "ask_training", "俺家是海伦农村的建档立卡户，闺女今年初中毕业，九月份进了技校学美发。学费要交不？每年还有补助没？",
                    [], TODAY)
    assert "training_type" not in s.facts
    assert "sh.technical_school" in [r.benefit.id for r in t.decision.stated]


def test_a_benefit_named_by_its_rate_is_answered_also_when_not_for_the_askers_kind_of_unit():
    s = State()
    t = policy_turn(s, "nlu_fallback", "我们是海伦的劳务公司，派出去的人里有建档立卡的，那个吸纳一人一千的奖励我们能拿吗？", [], TODAY)
    reward = [r for r in t.decision.stated if r.benefit.id == "sh.startup_poverty_reward"]
    assert reward and reward[0].status == "ineligible"


def test_two_courses_in_one_message_each_counted_with_its_own_people():
    s = State()
    t = policy_turn(s, "ask_training", "我们是千阳的一家培训学校，六月结束了一期SYB创业培训，80课时，20个学员都拿了合格证，结束后半年里有4个开了店；"
                                       "九月份又办了一期IYB，10个人也都拿证了。这两期能申请多少补贴？", [], TODAY)
    amounts = {r.benefit.id: r.amount.value for r in t.decision.stated}
    assert amounts.get("qy.startup_training_syb") == 4 * 2500 + 16 * 1000
    assert amounts.get("qy.startup_training_iyb") == 10 * 1000


def test_a_companys_follow_up_loan_keeps_the_company_as_borrower_and_hears_the_part_past_the_interest_subsidy():
    s = State()
    policy_turn(s, "ask_startup_loan", "我们是千阳县注册的一家小微企业，做核桃加工的，想贷款扩厂。企业最多能贷多少，利息贴不贴", [], TODAY)
    t = policy_turn(s, "ask_startup_loan", "要是贷四百万，利息是全贴吗", [], TODAY)
    assert s.facts.get("borrower_type") == "小微企业"
    loan = next(r for r in t.decision.stated if r.benefit.id == "qy.startup_loan_small_enterprise")
    assert "超出的100万元不在贴息范围" in loan.amount.text


def test_a_unit_asking_what_its_people_get_themselves_hears_their_own_money():
    s = State()
    policy_turn(s, "ask_referral", "我是千阳的劳务经纪人，没注册公司。上个月带了8个脱贫户去江苏昆山电子厂，都签了一年合同，没收钱。我能领介绍补贴不",
                [], TODAY)
    t = policy_turn(s, "nlu_fallback", "那这8个人自己能领啥", [], TODAY)
    ids = [r.benefit.id for r in t.decision.stated]
    # their own money first; a unit's (以工代训) only as the unit's, not in their list
    assert ids[0] == "qy.job_seeking" and "1. ✓以工代训" not in "\n".join(r.text for r in t.replies)


def test_the_same_question_for_another_case_keeps_its_topic_and_a_place_not_gone_to_is_no_home():
    s = State()
    policy_turn(s, "ask_transport", "我屋里是新化县的建档立卡户，过完年想去深圳那边打工，出省有路费补啵？", [], TODAY)
    t = policy_turn(s, "ask_factory_job", "那我要是不去深圳咯，就到娄底市里头的厂里做，还算不算", [], TODAY)
    assert s.topic == "ask_transport" and s.facts.get("home_province") != "外省"
    assert "hn.transport_subsidy" in [r.benefit.id for r in t.decision.stated]


def test_a_schools_next_class_counted_without_a_category_is_its_trainees():
    s = State()
    _say(s, "ask_training", "我们是千阳县承办创业培训的机构。上半年办了一期SYB班，80课时，30个学员都是脱贫劳动力，都拿到了合格证")
    t = _say(s, "ask_training", "还有一期IYB班，20个人全部拿证了，这个咋算？")
    assert s.facts.get("trainee_count") == 20 and "staff_total" not in s.facts
    assert "20人×每人每期1000元" in t.replies[-1].text


def test_a_correction_of_who_the_person_is_leaves_the_households_register():
    s = State()
    _say(s, "ask_school_grant", "我是安康技师学院招生办的，有个贫困户家的学生今年26岁了，想来我们这读全日制，能享受国家资助政策不")
    _say(s, "correct", "那他其实是大专毕业的，要是来读我们1年制的中级工班呢")
    assert {"脱贫劳动力", "高校毕业生"} <= set(s.facts.get("category"))
    s = State()
    _say(s, "ask_what_can_i_get", "我是千阳的低保户，想问问有啥补贴")
    _say(s, "correct", "说错了，我是脱贫户")
    assert s.facts.get("category") == ["脱贫劳动力"]


def test_a_household_list_holds_what_the_message_speaks_of_first():
    s = State()
    t = _say(s, "ask_what_can_i_get", "我是汉滨区的，屋里是建档立卡户。问下：我老公想学厨师；大儿子在技工学校读全日制，今年24了；"
                                      "小女子23，大专刚毕业，想找个单位见习。他们几个各能享受啥子")
    text = t.replies[-1].text
    assert "就业见习补贴" in text and "钱发给见习单位" in text
    listed = [line for line in text.split("\n") if re.match(r"[0-9]+\. ", line)]
    assert "培训" in listed[0] and len(listed) <= 8


def test_words_people_use_for_a_school_or_a_course_name_it():
    from policies.catalogue import load_catalogue
    words = load_catalogue().benefit_words
    assert words["ak.free_training"].search("儿子今年高考没考上，问娃娃能去哪里免费学门技术")
    assert words["ak.graduate_technical_training"].search("她现在想再去读技工学校学个中级工要读几年")


def test_the_place_of_work_corrected_is_the_jobs_not_the_home():
    from assistant.extract import extract
    e = extract("说错了 我不是在慈利上班 是在常德市里的厂子 那我自己有冇得钱拿", [], None, TODAY)
    assert e.work_place == "湖南省常德市" and e.place is None
    s = State()
    _say(s, "ask_employer_subsidy", "我是张家界慈利的建档立卡户，在本县一个厂里做了一年多了，厂里说有个岗位补贴，我能拿好多")
    _say(s, "correct", "说错了 我不是在慈利上班 是在常德市里的厂子 那我自己有冇得钱拿")
    assert s.place.endswith("慈利县") and s.facts.get("work_scope") != "本县"


def test_a_spouse_asking_for_the_same_thing_keeps_its_topic():
    s = State()
    _say(s, "ask_transport", "来电人说她是娄底新化县的建档立卡贫困户，在新化县城一个鞋厂上班，问有没有交通补贴")
    t = _say(s, "ask_factory_job", "她又问，那她老公在长沙工地上做事，她老公能领不")
    assert t.decision.stated[0].benefit.id == "hn.transport_subsidy"


def test_a_job_still_to_come_is_not_dated_by_the_one_before():
    s = State()
    _say(s, "ask_job_seeking", "来电的是千阳高崖镇脱贫劳动力，去年三月进县城超市上班，签了一年合同，现在才知道有求职补贴，问还能不能补办，为啥不给")
    assert s.facts.get("months_since_employment")
    t = _say(s, None, "他说那下个月要去浙江宁波厂里，那边说签两年合同，这回能拿啥，路费咋补")
    assert "months_since_employment" not in s.facts
    transport = next(r for r in t.decision.stated if r.benefit.id == "qy.cross_province_transport")
    assert transport.status != "ineligible"


def test_a_wife_asking_of_the_employers_subsidy_and_what_next_hears_each_part_as_hers():
    # three questions: the 岗位补贴 the factory said he cannot get, what to do now he was laid off, the cooking course
    s = State()
    t = _say(s, "correct", "我老公是汉寿县的建档立卡贫困户，在常德一个厂里做了10个月，签了合同也交了社保，上个月厂里裁员把他辞了。"
                           "厂里说他没满一年，那个岗位补贴拿不到，是真的吗？他现在咋办？他想去学厨师，半个月的班，十五天，有补助没")
    ids = [r.benefit.id for r in t.decision.stated]
    assert s.role == "proxy"
    assert ids[0] == "hn.post_subsidy" and t.decision.stated[0].status == "ineligible"
    assert "hn.unemployment_support" in ids and "hn.training_living_allowance" in ids
    assert "hn.social_insurance_subsidy" not in ids       # the unit's other money, not asked about
    text = t.replies[-1].text
    assert "钱发给用人单位，不是发给劳动者个人" in text and "300元" in text


def test_counted_people_replaced_by_uncounted_ones_lower_the_counts_said_before():
    # the 1/3 rule of the 非遗工坊's rent: 6 of 15 (4 脱贫 + 2 低收入) meet it; two 脱贫 replaced by two ordinary villagers
    # leave 4 of 15, which does not
    s = State()
    _say(s, "ask_factory_job", "来电人是千阳绣娘非遗扶贫就业工坊的负责人，工坊已经登记注册了，现在一共15个绣娘，其中脱贫人口4个、"
                               "农村低收入人口2个，今年都签了一年合同，另外9个是普通村民。她问能补多少钱，房租水电能不能补")
    rent = lambda t: next(r for r in t.decision.stated if r.benefit.id == "qy.heritage_workshop_rent")  # noqa: E731
    assert s.facts["hired_poor_low_income_count"] == 6
    t = _say(s, "ask_factory_job", "她又问，要是明年有两个脱贫的绣娘走了，换了两个普通村民进来，房租水电还能补不")
    assert s.facts["hired_poor_count"] == 2 and s.facts["hired_poor_low_income_count"] == 4 and s.facts["staff_total"] == 15
    assert rent(t).status == "ineligible"
    # three leave and only one comes: the staff shrinks by two
    s2 = State(place=s.place, facts={"staff_total": 15, "hired_poor_count": 4, "hired_poor_low_income_count": 6},
               topic=s.topic, role=s.role)
    _say(s2, "ask_factory_job", "要是有3个低收入的走了，换了1个普通的进来呢")
    assert s2.facts["hired_poor_count"] == 4 and s2.facts["hired_poor_low_income_count"] == 3 and s2.facts["staff_total"] == 13


def test_a_years_sum_of_a_post_and_its_insurance_is_twelve_months_of_each():
    s = State()
    _say(s, "ask_public_post", "千阳张家塬镇的脱贫户，在村里干公益性岗位扫马路，有没有保险补贴")
    # the NLU hears "还能领啥"; the sum asked is of the two benefits just stated, not of everything
    t = _say(s, "ask_what_can_i_get", "他问那他一年下来岗位补贴加保险补贴一共多少")
    by_id = {r.benefit.id: r for r in t.decision.stated}
    assert set(by_id) == {"qy.rural_public_post", "qy.rural_public_post_insurance"}
    assert by_id["qy.rural_public_post"].amount.value == 4800 and by_id["qy.rural_public_post_insurance"].amount.value == 180
    # a year asked after the months so far is a year ("干了3个月，一年下来一共多少")
    s2 = State()
    t = _say(s2, "ask_public_post", "千阳的脱贫户，在村里扫路的公益岗干了3个月，一年下来一共多少")
    assert next(r for r in t.decision.stated if r.benefit.id == "qy.rural_public_post").amount.value == 4800
    # the months on the post known before are never replaced by the year
    s3 = State(place=s.place, facts={"category": ["脱贫劳动力"], "post_type": "农村公益性岗位-其它", "months_on_post": 5},
               topic="ask_public_post", role="worker")
    t = _say(s3, "ask_public_post", "一年下来一共多少")
    assert next(r for r in t.decision.stated if r.benefit.id == "qy.rural_public_post").amount.value == 2000


def test_groups_on_different_posts_are_told_by_rate_and_months():
    reply = _say(State(), "inform", "来电人说她妈在千阳高崖镇村上干保洁的公益性岗位她爸是村里的劳动保障助理员两个都是农村公益性岗位"
                                    "问俩人一年下来补贴一共多少钱").replies[-1]
    text = reply.text
    assert "14400元" in text and "每人每月400元×12个月=4800元" in text and "每人每月800元×12个月=9600元" in text


def test_the_part_of_a_benefit_asked_about_by_its_amount_is_answered_with_its_condition():
    # 安康 创业培训: 1200元 for passing, 800元 more for starting a business; the shop never opened
    s = State()
    t = _say(s, "ask_startup_training", "俺石泉的，建档立卡户。前年参加了创业培训，考核合格了，给了1200块。后来店没开成，一直在西安工地上干活。"
                                        "听人说还有800块，咋没给俺呢？")
    r = next(r for r in t.decision.stated if r.benefit.id == "ak.startup_training")
    assert r.status == "ineligible" and r.amount.value == 800 and "实现创业" in r.reasons[0]
    # a shop planned: that part once it opens, not a no
    t = _say(s, "ask_startup_loan", "那俺明年回石泉开个面馆，这800还给不给？开店钱不够能贷款不")
    ids = [r.benefit.id for r in t.decision.stated]
    r = next(r for r in t.decision.stated if r.benefit.id == "ak.startup_training")
    assert r.status == "eligible" and r.amount.value == 800 and any(i.startswith("ak.startup_loan") for i in ids)
    # the business started: the whole, both parts
    s = State()
    t = _say(s, "ask_startup_training", "来电人在安康城区汉滨区开小饭馆，建档立卡贫困户。前年参加了创业培训拿了合格证，当时领了1200块培训补贴；"
                                        "去年3月饭馆开起来了，问后面说的那800块还能领不")
    r = next(r for r in t.decision.stated if r.benefit.id == "ak.startup_training")
    assert r.status == "eligible" and r.amount.value == 2000


def test_an_edge_household_not_in_the_register_is_not_hainans_poor():
    s = State()
    _say(s, "ask_startup_loan", "来电人是临高的建档立卡整体搬迁户，想在镇上开个修摩托车的铺子，问创业贷款能不能贷15万")
    t = _say(s, "correct", "来电人又更正了：他家是搬迁了，但不是建档立卡的，是后来村里报的边缘户，没进建档立卡系统")
    assert "脱贫劳动力" in s.facts["not_category"] and "边缘户" in s.facts["category"]
    assert next(r for r in t.decision.stated if r.benefit.id == "hi.startup_loan").status == "ineligible"


def test_a_base_that_is_also_a_factory_counts_each_benefits_own_people_once():
    # 12 脱贫 + 3 低收入: the base's award counts 15, the factory's post subsidy the 12 (not 12 - 3 again)
    s = State()
    t = _say(s, "inform", "我们公司在千阳高崖镇，去年县上既认定我们是就业帮扶基地，又认定是社区工厂。今年新招了12个脱贫户、3个农村低收入的，"
                          "都签了一年以上合同。听说基地是每人2000，社区工厂是每人1000，两样能不能一起拿？不能的话拿哪个划算")
    by_id = {r.benefit.id: r for r in t.decision.stated}
    assert s.facts["employer_recognized"] is True
    assert by_id["qy.community_factory_post"].amount.value == 12000 and by_id["qy.employment_base_award"].amount.value == 30000
    # the counts said again for another case: the 低收入 said before do not stay out of the new count
    t = _say(s, "inform", "那假如今年只招到7个脱贫户、1个低收入的呢，也都签的一年")
    by_id = {r.benefit.id: r for r in t.decision.stated}
    assert by_id["qy.community_factory_post"].amount.value == 7000
    assert by_id["qy.employment_base_award"].status == "ineligible"      # 8 hires, fewer than 10


def test_a_schools_class_by_days_attended_gets_each_groups_living_allowance():
    s = State()
    _say(s, "ask_training", "我们是衡阳一家职业培训学校，准备给二十个建档立卡贫困劳动力办一期育婴员就业技能培训，他们都还没上班。"
                            "我们这边育婴员同类培训补贴标准是每人1000块，贫困劳动力能按多少补？")
    t = _say(s, "ask_training", "培训15天，有16个人天天都来了，有4个人只来了10天，生活费怎么算？一共多少？是发给我们还是学员？")
    by_id = {r.benefit.id: r for r in t.decision.stated}
    assert by_id["hn.training_living_allowance"].amount.value == 5600       # 16×15×20 + 4×10×20
    assert by_id["hn.skills_training_uplift"].amount.value == 34000 and s.facts["trainee_count"] == 20


def test_a_groups_months_corrected_change_that_group_only():
    s = State()
    _say(s, "ask_internship", "我们是安康高新区一家公司，是就业见习基地。去年接收了3个贫困家庭的高校毕业生来见习，一个见习了4个月，"
                              "另外两个各见习了8个月。见习补贴一共能领多少？")
    t = _say(s, "correct", "不好意思说错了，见习4个月的那个其实是5个月，另外两个没错")
    assert s.facts["group_months"] == [[1.0, 5.0], [2.0, 8.0]]
    assert next(r for r in t.decision.stated if r.benefit.id == "ak.internship").amount.value == 17000   # 5000 + 2×6000
    # a group's start said again by its date
    s = State()
    _say(s, "ask_employer_subsidy", "我们是明水县一个扶贫车间，做手工编织的。现在12个工人，8个是建档立卡贫困户，其中6个跟我们干了一年多了，"
                                    "另外2个是今年六月才招进来的，剩下4个不是贫困户。问下吸纳贫困户能给多少奖励？")
    t = _say(s, "correct", "不好意思说错了，那俩不是今年六月，是去年六月招的，一直干到现在")
    assert next(r for r in t.decision.stated if r.benefit.id == "sh.startup_poverty_reward").amount.value == 8000


def test_a_class_that_ended_lately_counts_who_started_within_six_months():
    s = State()
    t = _say(s, "ask_training", "我们是千阳县的创业培训定点机构，上个月刚结束一期SYB创业培训班，30个学员，上了十天共88个课时，全部拿到了"
                                "创业培训合格证。到现在有8个人已经办了营业执照开始干了，另外22个还没动静。这期培训补贴怎么算，能拿多少？")
    assert next(r for r in t.decision.stated if r.benefit.id == "qy.startup_training_syb").amount.value == 42000


def test_a_worker_asking_whose_the_brokers_money_is_hears_it_is_the_agencys():
    s = State()
    t = _say(s, "ask_transport", "我是少阳隆回的，屋里是建档立卡贫困户，去年过完年经一个劳务经纪人介绍去广东东莞电子厂做事，到现在一直在那里。"
                                 "听讲有路费补助，有冇得？好多钱？那个经纪人讲介绍我有补贴，那个钱是给我的啵？")
    r = next(r for r in t.decision.stated if r.benefit.id == "hn.job_service_subsidy")
    assert r.benefit.payee == "hr_agency" and "不是发给您个人" in t.replies[-1].text


def test_a_school_asking_what_it_is_paid_and_of_its_trainees_money_hears_each():
    s = State()
    t = _say(s, "ask_training", "您好，我们是肇东市一家家政培训学校，今年打算跟市妇联合作办“巾帼家政培训”，计划招40名农村贫困妇女学月嫂、"
                                "育婴员，每期15天。想问培训补贴按每人多少钱给我们？学员来回的交通费和吃饭的生活费，是不是得我们学校出？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert {"sh.training_subsidy_institution", "sh.training_transport", "sh.training_living_allowance"} <= set(ids)


def test_a_units_scheme_named_in_passing_does_not_push_out_the_workers_own_money():
    stated = _say(State(), "ask_transport", "额是千阳张家塬镇的脱贫户，上个月跟着苏陕协作去江苏昆山电子厂上班咧，签了两年合同，"
                                            "火车票加汽车票一共花了386块。听说有补贴，额能拿多少钱？到哪达去办，要拿啥东西").decision.stated
    assert [r.benefit.id for r in stated][:2] == ["qy.cross_province_transport", "qy.job_seeking"]
    assert all(r.benefit.id != "qy.work_for_training" for r in stated)    # no question about the unit's money was asked


def test_busy_at_the_factory_is_no_one_who_cannot_leave_home():
    s = State()
    _say(s, "ask_transport", "俺是千阳南寨镇的脱贫户 上个月十号跟村里几个人一搭去苏州电子厂了 签了两年合同 火车票加汽车票一共花了三百六十块 "
                             "听说有补贴 能拿多少钱")
    t = _say(s, "ask_documents", "俺这两天在厂里走不开 让俺媳妇拿上材料去镇上替俺交中不中")
    assert "农村公益性岗位" not in t.replies[-1].text


def test_a_training_schools_trainees_fee_is_the_free_course_not_a_technical_schools_tuition():
    said = [("ask_training", "您好，我们是肇东市一家家政培训学校，今年打算跟市妇联合作办“巾帼家政培训”，计划招40名农村贫困妇女学"
                             "月嫂、育婴员，每期15天。想问培训补贴按每人多少钱给我们？"),
            ("ask_documents", "学员要不要交学费？培训完了我们这边要办啥手续、做啥登记？")]
    state = State()
    last = [_say(state, intent, words) for intent, words in said][-1]
    cards = [r.text.split("】")[0] for r in last.replies if r.text.startswith("【")]
    assert any("贫困劳动力免费参加各类培训" in c for c in cards) and not any("技工教育国家助学金" in c for c in cards)


def test_a_unit_of_two_kinds_picking_one_hears_where_to_apply_for_that_one():
    from assistant.turn import where_turn
    s = State()
    _say(s, "inform", "俺们是高崖镇的就业帮扶车间，同时也是县上认定的就业帮扶基地。厂里一共60人，脱贫户就12个，都是今年新招的，"
                      "另外今年还新招了4个农村低收入户，这16个都签了一年合同。两个能不能一起拿？一共多少钱？")
    t = where_turn(s, "那就选基地 啥时候报 找谁", [], TODAY)
    assert [(r.benefit.id, r.status) for r in t.decision.stated] == [("qy.employment_base_award", "eligible")]
    s2 = State()
    _say(s2, "inform", "我们是千阳城关镇的社区工厂，去年年底县上认定的，总共30个工人，其中12个脱贫户都是今年招的，都签了一年以上合同。"
                       "厂房一年租金4万，水电一年1万2。今年能拿多少补贴？")
    _say(s2, "inform", "我们厂子今年也被县上认定成就业帮扶基地了，两边的补贴能一块儿领吗？")
    t = where_turn(s2, "那就按社区工厂报。啥时候报？找谁？", [], TODAY)
    assert {r.benefit.id for r in t.decision.stated} == {"qy.community_factory_post", "qy.community_factory_rent"}


def test_the_same_benefit_asked_for_a_spouse_who_works_in_the_home_county():
    s = State()
    _say(s, None, "来电人：湘西州泸溪县的建档立卡户，女的，打算去吉首市里的工厂上班，问有没有路费补助，能给多少")
    t = _say(s, None, "她又问：她老公就在泸溪县城打零工，能不能也领一份")
    r = next(r for r in t.decision.stated if r.benefit.id == "hn.transport_subsidy")
    assert r.status == "ineligible" and s.facts.get("work_scope") == "本县"


def test_an_operators_correction_of_some_of_a_units_hires_with_a_short_contract():
    s = State()
    _say(s, None, "来电人称是千阳县城关镇一家就业帮扶基地的负责人，县人社局去年认定的，今年新吸纳脱贫劳动力和农村低收入劳动力一共170人，"
                  "说都签了一年以上劳动合同，问一次性就业奖补能拿多少")
    t = _say(s, "correct", "来电人更正：170人里有40个签的是三个月的劳务协议，其余130个是一年合同，那现在能拿多少")
    r = next(r for r in t.decision.stated if r.benefit.id == "qy.employment_base_award")
    assert r.status == "eligible" and "2000元 ×130 = 26万元" in r.amount.steps


def test_what_to_bring_for_a_list_naming_one_of_it_is_for_the_list_that_one_first():
    from assistant.turn import documents_turn
    s = State()
    _say(s, "ask_what_can_i_get", "我是替我老公问的他是千阳草碧镇的脱贫户上个月初去的江苏昆山电子厂签了一年合同坐火车加大巴一共花了"
                                  "四百一十二块钱能领啥补贴我能替他去镇上办不")
    t = documents_turn(s, "那都要带啥去 交通那个是不是这个月底就截了", [{"entity": "benefit", "value": "交通补助"}], TODAY)
    assert [r.benefit.id for r in t.decision.stated] == ["qy.cross_province_transport", "qy.job_seeking"]


def test_an_online_shop_asked_about_beside_a_course_and_its_licence_planned_after_all():
    s = State()
    t = _say(s, "ask_training", "我是绥陵县的贫困户今年想在快手上卖自己家采的木耳蘑菇听说有网络创业培训要钱不要培训完了我开网店政府给补贴不"
                                "我不想办执照太麻烦")
    r = next(r for r in t.decision.stated if r.benefit.id == "sh.startup_subsidy")
    assert r.status == "ineligible"             # no licence, no 创业补贴
    t = _say(s, None, "那我下个月去办个个体执照呢 以前没干过")
    r = next(r for r in t.decision.stated if r.benefit.id == "sh.startup_subsidy")
    assert r.status != "ineligible" and s.facts.get("business_registered") is True


def test_a_post_asked_to_be_arranged_is_the_placement_on_a_public_post():
    t = _say(State(), "correct", "我女子前年从西安一个二本毕业的，我们家是建档立卡贫困户，也吃低保，在安康兰皋县，"
                                 "到现在还没找到正经工作，政府能给安排个岗位不")
    assert t.decision.stated[0].benefit.id == "ak.public_post_placement"
    assert "陕西省安康市" in t.replies[-1].text and "西安市" not in t.replies[-1].text.split("我记下的")[-1]


@pytest.mark.parametrize("text", [
    "我是千阳的脱贫户，中介帮我找的工作，去江苏厂里上班了，签了一年合同，能有啥补贴",
    "俺是千阳的贫困户，找了个中介，去苏州电子厂上班了，能领啥",
])
def test_a_worker_placed_by_an_agency_is_the_worker_not_the_agency(text):
    from assistant.understand import role_of
    assert role_of("ask_what_can_i_get", text, None) == "worker"
    assert extract(text, [], None, dt.date(2026, 11, 30)).facts.get("employer_type") != "人力资源服务机构"
    s = State()
    t = _say(s, "ask_what_can_i_get", text)
    first = t.replies[-1].text.split("\n")[1]
    assert "钱发给您本人" in first and "职业介绍补贴" not in first


def test_an_agency_saying_what_it_did_for_a_worker_stays_the_agency():
    from assistant.understand import role_of
    text = "我们中介给他找了个厂，签了一年合同，能拿啥补贴"
    assert role_of("ask_what_can_i_get", text, None) == "employer"
    assert extract(text, [], None, dt.date(2026, 11, 30)).facts.get("employer_type") == "人力资源服务机构"


def test_only_so_many_of_those_counted_meet_the_condition():
    # 千阳 二、（二）5: a base's award needs at least 10 new hires with a contract of a year or more
    s = State()
    t = _say(s, "ask_employer_subsidy", "我们企业是千阳县人社局认定的就业帮扶基地，今年新招了脱贫户和农村低收入户一共170个人，"
                                        "都签了一年以上合同，按一人2000算是不是能拿34万？")
    assert "30万元" in t.replies[-1].text and "✓" in t.replies[-1].text
    t = _say(s, "correct", "不对不对，会计刚说了，签一年以上合同的只有9个，其他都是干几天的临时工")
    text = "\n".join(r.text for r in t.replies)
    assert s.facts["new_hires"] == 9 and "seasonal_job" not in s.facts
    # the 30万元 said before is a no now, and says why, before anything else the answer holds
    first = text.split("\n")[1]
    assert "就业帮扶基地一次性就业奖补不符合" in first and "至少10人" in first and "二、（二）5" in first, text
    assert "✓" not in re.search(r"就业帮扶基地一次性就业奖补[^\n]*", text).group(0)


def test_a_condition_asked_of_this_benefit_stays_on_the_benefit_just_stated():
    s = State()
    _say(s, "ask_training", "我们是平利县的培训定点机构，想到乡下一个行政村开个电商培训班，报名30人，其中25个是建档立卡贫困劳动力，"
                            "5个是一般村民。培训补贴最多能补多少？")
    assert s.last_benefits[0] == "ak.skills_training"
    t = _say(s, "ask_appraisal", "学员是不是必须考到证了才能拿这个补贴？")
    assert t.decision.stated[0].benefit.id == "ak.skills_training"


def test_a_correction_says_again_everything_the_last_answer_stated():
    # 海南: the graduate's 1500元 is for 应届 graduates only; the loan does not depend on it
    s = State()
    _say(s, "ask_graduate_subsidy", "我闺女是海南大学今年的应届毕业生，我们家是低保贫困户，她想在海口开个奶茶店，有啥补助？")
    assert {"hi.graduate_startup_subsidy", "hi.startup_loan"} <= set(s.last_benefits)
    t = _say(s, "correct", "哦我说错了，她是前年毕业的，毕业后一直在家，不是应届的")
    stated = {r.benefit.id: r.status for r in t.decision.stated}
    assert stated.get("hi.graduate_startup_subsidy") == "ineligible" and stated.get("hi.startup_loan") == "eligible"


def test_a_model_the_document_names_without_money_is_answered_from_its_text():
    # 安康 二、（三）11: "能人大户+公司（合作社）+贫困户", with 小额担保贷款 named and no amount
    s = State()
    t = _say(s, "ask_employer_subsidy", "我是石泉县的种养大户，牵头搞了个魔芋合作社，带了10个贫困户在社里干活，都签了两年劳动合同，"
                                        "社里给他们交社保。我们这是“能人大户+合作社+贫困户”的模式，政府能给啥扶持？")
    text = "\n".join(r.text for r in t.replies)
    assert "文件还写到（安政办发〔2016〕74号 二、（三）11）" in text and "小额担保贷款" in text


def test_a_unit_about_to_apply_for_recognition_is_told_its_money_once_recognised():
    # 千阳 二、（二）4 "实行先认定，年终申报补贴": a factory about to apply is answered as recognised, the recognition
    # its condition; asked how to be recognised, the text's procedure and papers come first
    s = State()
    t = _say(s, "ask_factory_job", "来电人是个老板，说他在千阳水沟镇开了个服装加工厂，租的是村里闲置的老学校，还没去人社认定社区工厂，"
                                   "正准备去申请。厂里一共30个工人，招了5个脱贫户，其中3个签了一年合同，2个只签了半年。他问能补多少钱")
    post = next(r for r in t.decision.stated if r.benefit.id == "qy.community_factory_post")
    assert post.status == "eligible" and post.amount.value == 3000
    assert "须先经县人社部门认定" in "\n".join(r.text for r in t.replies)
    from assistant.turn import documents_turn
    t = documents_turn(s, "他问认定社区工厂咋弄，找哪儿，要交哪些材料", [], TODAY)
    first = t.replies[0].text.split("\n")[0]
    assert "社区工厂认定" in first and "5日内实地考察" in first and "认定申请表" in first
    # said not recognised, with no plan: the condition fails as before
    s = State()
    t = _say(s, "ask_factory_job", "我在千阳开了个社区工厂，没认定过，招了5个脱贫户签了一年合同，能补多少")
    post = next(r for r in t.decision.stated if r.benefit.id == "qy.community_factory_post")
    assert post.status == "ineligible"


def test_what_is_said_of_all_the_children_after_the_last_holds_for_each():
    # 绥化 三、（三）: 3000元 a year for each child of a 建档立卡 family at a technical school
    from assistant.persons import persons_in
    s = State(place="黑龙江省绥化市望奎县")
    text = "我们家是望奎县农村的建档立卡贫困户，大小子去年初中毕业就没念，二丫头今年高考没考上，俩孩子都寻思去念技校。上技校国家给啥补助？"
    ps = persons_in(text, s, TODAY)
    assert [p.label for p in ps] == ["大小子", "二丫头"] and all(p.own.get("in_technical_school") for p in ps)
    t = _say(State(), "ask_school_grant", text + "一年能补多少钱")
    # each child's 3000元, and the family's 6000元
    grants = sorted(r.amount.value for r in t.decision.stated if r.benefit.id == "sh.technical_school")
    assert grants[0] == 3000 and grants[-1] == 6000


def test_whether_a_thing_is_a_condition_is_answered_from_the_benefits_conditions():
    # 安康 二、（一）2 names no certificate for its 1800元: the text does not say, and whom to ask; the benefit is open
    s = State()
    _say(s, "ask_training", "我们是平利县的培训定点机构，想到乡下一个行政村开个电商培训班，报名30人，其中25个是建档立卡贫困劳动力，"
                            "5个是一般村民。培训补贴最多能补多少？")
    t = _say(s, "ask_appraisal", "学员是不是必须考到证了才能拿这个补贴？")
    first = t.replies[-1].text.split("\n")[0]
    assert "文件没写须取得证书" in first and "12333" in first
    assert t.decision.stated[0].benefit.id == "ak.skills_training" and t.decision.stated[0].status == "unknown"
    # a condition the benefit has is said, with its clause, and the fact is not taken as said
    s = State()
    t = _say(s, "ask_referral", "我们是千阳的劳务公司，免费给10个脱贫户介绍了工作，是不是必须签合同才能领职业介绍补贴")
    first = t.replies[-1].text.split("\n")[0]
    assert first.startswith("要。职业介绍补贴") and "1年以上劳动合同" in first and "二、（一）2" in first
    assert "labor_contract_signed" not in s.facts


def test_a_loan_is_not_first_for_someone_who_spoke_of_no_business():
    s = State()
    _say(s, "ask_factory_job", "我儿子是桑植县的建档立卡贫困户 我们桑植是贫困县 他在村里的就业扶贫车间上班一年多了 签了合同 "
                               "车间给他交了社保 听说政府有个岗位补贴一年1500 这钱是不是该发给我儿子")
    t = _say(s, None, "那我儿子自己能拿点啥子")
    first = t.replies[-1].text.split("\n")[1]
    assert "贷款" not in first, t.replies[-1].text
    # who speaks of a business hears of the loan among the first
    s = State()
    t = _say(s, "ask_what_can_i_get", "我是桑植县的建档立卡贫困户，想在村里开个小卖部，能拿点啥子")
    assert "贷款" in "\n".join(t.replies[-1].text.split("\n")[1:4])


@pytest.mark.parametrize("text", [
    "来电群众说他家在千阳崔家头镇，父亲在村里当劳动保障助理员，母亲在村上干保洁，都是农村公益性岗位，问俩人每月各补多少钱",
    "群众来电，他爸在千阳村里当劳动保障助理员，问一个月补多少",
])
def test_an_operators_caller_speaking_of_family_is_asked_for_not_the_asker(text):
    from assistant.understand import role_of
    assert role_of("ask_public_post", text, None) == "proxy"
    t = _say(State(), "ask_public_post", text)
    assert "钱发给您本人" not in "\n".join(r.text for r in t.replies)


def test_another_unit_of_the_same_kind_said_by_a_plain_word_is_no_crash():
    s = State(place="陕西省宝鸡市千阳县")
    _say(s, "ask_employer_subsidy", "我们公司是千阳县人社局认定的就业帮扶基地，今年新招了脱贫户和低收入户一共160个人，"
                                    "都签了一年以上合同，一次性奖补咋算")
    t = _say(s, "ask_factory_job", "我们另一个小厂也认定了基地，今年只新招了8个脱贫户，能拿不？")
    base = next(r for r in t.decision.stated if r.benefit.id == "qy.employment_base_award")
    assert base.status == "ineligible" and "至少10人" in "；".join(base.reasons)


def test_an_amount_and_the_papers_asked_in_a_first_message_get_both():
    from assistant.turn import documents_turn
    s = State()
    t = documents_turn(s, "我们公司是县人社局认定的就业帮扶基地，今年新招了脱贫户和低收入户一共160个人，都签了一年以上合同，"
                          "一次性奖补咋算？要准备啥材料", [], TODAY)
    text = "\n".join(r.text for r in t.replies)
    assert "30万元" in text and "要带的材料" in text and "一次性就业奖补申请表" in text
    assert "文件还写到" not in text         # the recognition procedure is said when asked about, not here


def test_a_city_and_its_county_named_short_beside_a_place_of_work_is_home():
    ex = extract("俺儿是周口沈丘的贫困户，在郑州进厂干活，签了一年合同，中不中领点补贴？", [], None, TODAY)
    assert ex.place == "河南省周口市"
    t = _say(State(), "ask_employer_subsidy", "俺儿是周口沈丘的贫困户，在郑州进厂干活，签了一年合同，中不中领点补贴？")
    assert "暂未收录河南省周口市" in t.replies[0].text


def test_how_many_years_asked_goes_on_with_the_topic():
    s = State()
    _say(s, "ask_employer_subsidy", "来电的是花垣县一家食品厂的会计，说他们花垣是国家级贫困县，厂里前年三月招了10个建档立卡贫困劳动力，"
                                    "都签了劳动合同交了社保，都干满一年了，问岗位补贴一年能拿多少")
    t = _say(s, "nlu_fallback", "会计又问，这钱是每年都能领吗？最多能领几年？")
    assert any(r.benefit.id == "hn.job_post_subsidy" for r in t.decision.stated) or "岗位补贴" in t.replies[-1].text
    assert "没太听明白" not in t.replies[-1].text


@pytest.mark.parametrize("text, place", [
    ("我是四川资阳安岳的 建档立卡贫困户 现在在成都龙泉驿一个汽车厂打工", "四川省资阳市"),
    ("我是益阳资阳区的贫困户", "湖南省益阳市资阳区"),
])
def test_a_name_of_two_provinces_is_the_one_whose_province_is_said(text, place):
    assert extract(text, [], None, TODAY).place == place


def test_a_place_of_an_uncovered_province_with_a_covered_namesake_gets_no_amount():
    # 四川资阳 (no document) and 湖南益阳资阳区 (湖南's document): the province said decides
    from policies import default_gazetteer
    assert default_gazetteer().resolve("四川省资阳市").documents == []
    t = _say(State(), "inform", "我是四川资阳安岳的 建档立卡贫困户 现在在成都龙泉驿一个汽车厂打工 签了一年合同 有啥子就业补贴可以领")
    assert not t.decision.stated and "暂未收录" in t.replies[0].text


def test_interns_kept_on_with_a_contract_hear_the_units_money_for_hiring_not_the_internship_again():
    s = State()
    _say(s, "ask_internship", "我们是安康高新区的一家电子企业，是就业见习基地。今年接收了3个贫困家庭的高校毕业生来见习：一个见了8个月，"
                              "另外两个各见习了4个月。见习补贴一共能给多少？")
    t = _say(s, "ask_internship", "见习完了我们想留下其中两个，签两年劳动合同、给交社保，这样还有啥补贴没")
    ids = [r.benefit.id for r in t.decision.stated]
    assert "ak.internship" not in ids and "ak.social_insurance_subsidy" in ids
    assert s.facts.get("new_hires") == 2


def test_whether_another_of_the_family_can_have_it_too_stays_on_the_benefit():
    # 湖南 二、（二）6: 一次性交通补助 for 跨区域 work only
    s = State()
    _say(s, "ask_transport", "来电人是湘西州花垣县的建档立卡户，说他跟他老婆两个过完年去浙江打工，问路费能补多少")
    t = _say(s, "ask_what_can_i_get", "他还说他弟弟也是建档立卡户，在花垣县城里打工，没出县，能不能也领")
    r = t.decision.stated[0]
    assert r.benefit.id == "hn.transport_subsidy" and r.status == "ineligible"


def test_a_trainees_fee_question_beside_fare_and_meals_hears_of_both_allowances_not_a_technical_school():
    state = State()
    t = _say(state, "ask_training", "来电人是庆安县的贫困户，女的，四十来岁，想学月嫂、育婴员。她问学费要不要自己掏？"
                                    "去县里上课来回车费和吃饭有没有补助，各补多少钱？")
    ids = [r.benefit.id for r in t.decision.stated]
    assert {"sh.training_transport", "sh.training_living_allowance", "sh.free_training"} <= set(ids)
    assert "sh.school_aid_national" not in ids


def test_when_one_not_counted_yet_will_be_is_asked_of_the_units_benefit_not_where_to_apply():
    from assistant.turn import where_turn
    s = State()
    _say(s, "ask_employer_subsidy", "我们是绥棱县一家种植专业合作社，前年开春招了4个建档立卡贫困户在社里干活，其中3个一直干到现在，"
                                    "两年多了；还有1个是今年七月份才来的。想问合作社能领啥奖励，一共多少钱？")
    t = where_turn(s, "那七月来的那个，啥时候能给算上？", [], TODAY)
    assert "sh.startup_poverty_reward" in [r.benefit.id for r in t.decision.stated]


def test_the_placed_of_a_class_corrected_alone_is_its_rate_over_the_trainees_counted_before():
    s = State()
    t = _say(s, "ask_training", "我们是在千阳开展就业技能培训的机构，今年8月底结束一期家政服务员培训班，40个学员，38个培训合格，"
                                "结业后3个月内就业了22个。这个工种初级工补贴标准是1500元。我们这期能拿多少培训补贴？")
    assert "68400元" in t.replies[0].text
    t = _say(s, "correct", "不对不对，刚对了花名册，3个月内就业的是29个，不是22个")
    assert "79800元" in "\n".join(r.text for r in t.replies) and "68400元" not in "\n".join(r.text for r in t.replies)


def test_one_of_those_who_left_asked_about_is_their_case_and_the_units_facts_stay():
    s = State()
    t = _say(s, "ask_employer_subsidy", "你好，我们是兰西县的一个扶贫车间，做草柳编的。前年开春招了9个建档立卡贫困户，干到现在满一年以上的"
                                        "有6个，另外3个干了几个月就走了。像我们这样能拿多少奖励？")
    reward = next(r for r in t.decision.stated if r.benefit.id == "sh.startup_poverty_reward")
    assert reward.amount.value == 6000
    before = dict(s.facts)
    t = _say(s, "inform", "走了那仨里头有一个干了十一个月，就差一个月，这个也不给算？")
    reward = next(r for r in t.decision.stated if r.benefit.id == "sh.startup_poverty_reward")
    assert reward.status == "ineligible"
    assert s.facts["months_employed"] == before["months_employed"] and s.facts["new_hires"] == before["new_hires"]


def test_a_named_interns_months_corrected_and_the_units_own_loan_asked_beside_another_question():
    s = State()
    _say(s, "inform", "我们是石泉县一家毛绒玩具厂，去年接收了3个贫困家庭的大学毕业生来见习：小张见习了4个月，小李8个月，小王6个月。"
                      "见习补贴一共能拿多少？钱是给厂里还是给学生？")
    t = _say(s, "correct", "不好意思说错了，小张是5个月，不是4个月")
    internship = next(r for r in t.decision.stated if r.benefit.id == "ak.internship")
    assert internship.amount.value == 17000
    t = _say(s, "ask_employer_subsidy", "后来小李小王我们正式留下了，签了两年合同，也给交了社保，这块还有补贴没？另外厂里想贷款上条"
                                        "生产线，我们四十来个工人，算劳动密集型小微企业，最多能贷多少？")
    assert "ak.small_enterprise_loan" in [r.benefit.id for r in t.decision.stated]


def test_a_fact_added_to_the_case_answers_again_what_the_last_answer_stated():
    s = State()
    _say(s, "inform", "来电人千阳县张家塬镇人，脱贫户，今年3月在镇上注册了个体户开农家乐，一直正常营业。问：能领啥创业补贴，"
                      "现在能不能申请，去哪申请带啥？另外想贷款扩大经营，能贷多少？")
    t = _say(s, "inform", "来电人补充：店不是他一个人开的，是跟他表哥合伙办的，营业执照上是合伙企业。")
    ids = [r.benefit.id for r in t.decision.stated]
    assert "qy.startup_subsidy" in ids and "qy.startup_loan_partnership" in ids


def test_another_unit_of_the_same_asker_is_answered_with_its_own_people_and_place_and_the_first_units_facts_stay():
    s = State()
    _say(s, "ask_employer_subsidy", "我们是长沙的一家物流公司，2025年初招了8个湘西来的建档立卡贫困劳动力，都签了两年的劳动合同，社保也一直"
                                    "在交。到现在有6个干满一年多了，另外2个干了8个月就辞职了。请问岗位补贴和社保补贴各能拿多少？")
    place, hires = s.place, s.facts["new_hires"]
    t = _say(s, "inform", "那我们老板在保靖县另外注册了一家加工厂，保靖是国家级贫困县，那个厂招了4个保靖本地的贫困户，也都签的两年合同、"
                          "干满一年了，社保照交。这个厂能拿多少？")
    post = next(r for r in t.decision.stated if r.benefit.id == "hn.post_subsidy")
    assert post.amount.value == 6000
    assert s.place == place and s.facts["new_hires"] == hires


def test_some_of_a_group_corrected_with_their_own_months_split_that_group():
    s = State()
    t = _say(s, "ask_employer_subsidy", "我们是绥化望奎县的一个农民种植合作社。去年开春招了5个建档立卡贫困户到社里干活，一直干到现在一年半"
                                        "多了；今年5月又招了2个建档立卡的；还有1个是低保户，不是建档立卡。这个吸纳贫困户的奖励补贴能给多少？")
    reward = next(r for r in t.decision.stated if r.benefit.id == "sh.startup_poverty_reward")
    assert reward.amount.value == 5000
    t = _say(s, "correct", "哎刚才说错了，去年开春那5个里头有1个去年年底就走了，满打满算干了9个月。那奖励补贴是多少？")
    reward = next(r for r in t.decision.stated if r.benefit.id == "sh.startup_poverty_reward")
    assert reward.amount.value == 4000 and reward.status == "eligible"


@pytest.mark.parametrize("text", [
    "我是邵阳隆回的建档立卡贫困户 上个月参加了县里办的电工就业前技能培训 一共15天 中间我请了两天假 生活费一天给多少 我总共能拿好多 "
    "还有培训完我准备去广东佛山打工 路费有没有补助",
    "来电人是常德桃源县的一位大姐，她家是建档立卡贫困户。她女儿今年过完年去广东东莞进厂了，走之前在县里参加了7天的就业前技能培训，"
    "每天都去了。她问有没有路费补助和培训生活费。",
])
def test_the_fare_to_a_job_beside_a_trainings_days_is_the_trip_to_work(text):
    t = _say(State(), "inform", text)
    ids = [r.benefit.id for r in t.decision.stated]
    assert "hn.transport_subsidy" in ids and "hn.training_living_allowance" in ids


def test_an_agencys_groups_placed_in_seasonal_work_and_one_of_them_who_had_job_seeking():
    s = State()
    t = _say(s, "ask_referral", "我们是钱阳县一家经营性人力资源服务机构，营业执照和人力资源服务许可证都有。今年免费给脱贫劳动力介绍工作："
                                "7个进了宝鸡的厂，都签了一年以上劳动合同；4个今年3月到6月中旬去新疆棉田季节性用工，干了3个半月；还有2个"
                                "去工地干了两个月就回来了。职业介绍补贴能拿多少？")
    amounts = {r.benefit.id: r.amount.value for r in t.decision.stated}
    assert amounts["qy.job_referral"] == 3500 and amounts["qy.job_referral_seasonal"] == 800
    t = _say(s, "ask_referral", "对了，那7个里头有1个，他自己已经去镇上领了500块的一次性求职补贴了，这个人我们还能报不？")
    assert s.role == "employer" and "qy.job_seeking" not in [r.benefit.id for r in t.decision.stated]
    assert {r.benefit.id: r.amount.value for r in t.decision.stated}["qy.job_referral"] == 3000


def test_one_of_those_who_left_placed_again_is_counted_and_the_total_said_when_asked():
    s = State()
    _say(s, "ask_referral", "你好，我们是汉滨区的一家人力资源服务公司。从前年下半年开始免费给登记失业的贫困劳动者介绍工作，一共介绍成了"
                            "12个，都跟厂里签了劳动合同。到现在有9个干满一年多了，另外3个干了七八个月就走了。还有5个人我们是收了200块"
                            "介绍费的，也都干满一年了。想问下职业介绍补贴我们公司能拿多少钱")
    t = _say(s, "ask_referral", "那走了的那3个里头，有1个后来我们又免费给他介绍到另一个厂，签了合同，现在干了14个月了，这个能算不？"
                                "那总共能拿多少？")
    text = "\n".join(r.text for r in t.replies)
    assert "一共2000元" in text and s.facts["referred_count"] == 17
