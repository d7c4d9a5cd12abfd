"""A worker who asks in a follow-up for someone else ("我老表不是建档立卡的…他有冇得那二十块一天", "俺表哥没去培训
他也能拿那个一千二不"): that person's facts answer, the card says the money is theirs, the asker's own facts are kept
and come back when the asker turns to themself ("那我呢"); an amount of the last answer pointed at alone is that
benefit's question, alone."""

from assistant.state import ASKED_FOR, PEOPLE, State
from .talk import card as _card, say as _say

_HUNAN = "我是怀化溆浦的建档立卡户 下个月想去县里搞的挖机培训 学开挖机 二十天 有么子补贴啵"
_ANKANG = ("俺是安康旬阳的 建档立卡贫困户 想在镇上开个小饭馆 听说有创业贷款 能贷多少 利息要俺自己出不",
           "俺上个月去县上参加了创业培训 拿了合格证 这个有钱没 等饭馆开起来还给不")


def _text(t):
    return "\n".join(r.text for r in t.replies)


def test_a_cousin_not_registered_poor_is_answered_on_his_own_category_and_his_money_is_his():
    s = State()
    first = _say(s, "ask_training", _HUNAN)
    assert _card(first, "hn.training_living_allowance").status == "eligible"
    t = _say(s, "ask_training", "我老表不是建档立卡的 他跟我一起去学 他有冇得那二十块一天")
    text = _text(t)
    assert _card(t, "hn.training_living_allowance").status == "ineligible"
    assert "您本人" not in text and "劳动者本人" in text
    assert "我记下的（您老表）" in text
    assert s.facts["training_days"] == 20            # he went along to the same course
    assert "脱贫劳动力" in s.facts[PEOPLE]["self"]["category"]   # the asker is still 建档立卡


def test_the_asker_turning_to_themself_gets_their_own_facts_back():
    s = State()
    _say(s, "ask_training", _HUNAN)
    _say(s, "ask_training", "我老表不是建档立卡的 他跟我一起去学 他有冇得那二十块一天")
    t = _say(s, "ask_training", "那我呢")
    text = _text(t)
    assert _card(t, "hn.training_living_allowance").status == "eligible"
    assert "400元" in text and "您本人" in text and "（您老表）" not in text
    assert ASKED_FOR not in s.facts
    assert s.facts["category"] == ["脱贫劳动力"]


def test_a_cousin_without_the_course_is_told_of_the_amount_pointed_at_alone_and_the_asker_keeps_his_certificate():
    s = State()
    _say(s, "ask_startup_loan", _ANKANG[0])
    _say(s, "ask_training", _ANKANG[1])
    t = _say(s, "ask_training", "俺表哥没去培训 他也能拿那个一千二不")
    assert [r.benefit.id for r in t.decision.stated] == ["ak.startup_training"]
    assert t.decision.stated[0].status == "ineligible"
    assert "好的，是否取得培训合格证改为否" not in _text(t)     # his, not a correction of the asker's
    assert s.facts[PEOPLE]["self"]["training_certificate"] is True
    back = _say(s, "ask_training", "那我呢")
    assert _card(back, "ak.startup_training").status == "eligible"


def test_an_amount_pointed_at_beside_another_question_keeps_both_answered():
    s = State()
    _say(s, "ask_training", "俺是安康石泉的贫困户 上个月参加了创业培训 拿了合格证 这个有钱没")
    t = _say(s, "ask_training", "那俺明年回石泉开个面馆，这800还给不给？开店钱不够能贷款不")
    ids = [r.benefit.id for r in t.decision.stated]
    assert "ak.startup_training" in ids and "ak.startup_loan_individual" in ids


def test_another_person_named_alone_is_not_answered_on_the_askers_job():
    s = State()
    _say(s, "ask_job_seeking", "我是千阳的脱贫户 今年八月去西安上班 签了一年合同 能领求职补贴不")
    t = _say(s, "inform", "那我哥呢")
    assert _card(t, "qy.job_seeking").status == "unknown"      # his job not said yet
    assert "劳动者本人" in _text(t) and "您本人" not in _text(t)
    later = _say(s, "inform", "他去年在宁波上班 签的两年")
    assert _card(later, "qy.job_seeking").status == "ineligible"   # past the 6 months to apply
    assert s.facts[PEOPLE]["self"]["months_since_employment"] == 4


def test_one_farming_at_home_has_gone_to_no_job():
    s = State()
    _say(s, "ask_job_seeking", "我是千阳的脱贫户 今年八月去西安上班 签了一年合同 能领求职补贴不")
    t = _say(s, "inform", "俺姐夫在家种地 他不是贫困户")
    assert s.facts["employed"] is False
    assert _card(t, "qy.job_seeking").status == "ineligible"
    # farming said of the years before the job is no job now
    s2 = State()
    _say(s2, "ask_job_seeking", "我是千阳的脱贫户 以前在家种地 今年八月去西安上班了 签了一年合同 能领求职补贴不")
    assert s2.facts["employed"] is True


_CALLER = "来电人说他是千阳的脱贫户 今年八月去西安上班 签了一年合同 问能领求职补贴不"


def test_an_operator_asks_for_the_callers_brother_then_for_the_caller_again():
    s = State()
    _say(s, "ask_job_seeking", _CALLER)
    brother = _say(s, "inform", "他弟弟也想问 去年十月去的苏州 签了两年 能领不")
    assert _card(brother, "qy.job_seeking").status == "ineligible"      # 14 months: past the 6 to apply
    assert "我记下的（他弟弟）" in _text(brother)
    back = _say(s, "inform", "来电人又问他自己那个路费能报不")
    assert _card(back, "qy.cross_province_transport").status == "ineligible"   # 西安 is in the province
    assert s.facts["months_since_employment"] == 4 and s.facts["work_scope"] == "跨市"


def test_the_one_asked_for_first_named_again_is_the_same_one():
    s = State()
    first = _say(s, "ask_internship", "来电人说她女儿是千阳的，前年7月大学毕业，到现在一直没工作，问能不能参加就业见习拿补贴")
    assert "我记下的（她女儿）" in _text(first)
    _say(s, "inform", "来电人说她女儿今年23")
    assert s.facts["age"] == 23 and s.facts[ASKED_FOR] == "她女儿"
    assert "graduation_window" in s.facts                    # what was said of her stays


def test_one_who_went_along_to_the_same_factory_has_the_same_job():
    s = State()
    _say(s, "ask_what_can_i_get", "我老公是千阳县水沟镇的脱贫户，今年8月去江苏昆山一个电子厂上班了，签了两年合同，车票一共花了380块，"
                                  "我能替他去办补贴不？能办哪些？")
    t = _say(s, "inform", "他弟弟跟他一块去的，同一个厂，也签了两年，也是脱贫户，车票花了620。我能一块替他弟把这些办了不？")
    assert s.facts["months_since_employment"] == 4 and s.facts["work_scope"] == "跨省"
    assert s.facts["transport_cost"] == 620
    assert _card(t, "qy.cross_province_transport").status == "eligible"


def test_a_sister_joining_the_askers_business_has_its_facts_and_one_who_does_not_join_has_not():
    s = State()
    _say(s, "ask_startup_loan", "我是琼中的建档立卡户 打算在镇上开个小卖部 能贷多少")
    t = _say(s, "ask_startup_subsidy", "我妹今年夏天刚大学毕业 家里是低保户 她想跟我一起弄 她能拿啥补贴")
    assert _card(t, "hi.graduate_startup_subsidy").status == "eligible"
    assert "我记下的（您妹）" in _text(t)
    other = State()
    _say(other, "ask_startup_loan", "我是琼中的建档立卡户 打算在镇上开个小卖部 能贷多少")
    t = _say(other, "ask_startup_subsidy", "我妹今年夏天刚大学毕业 家里是低保户 她能拿啥补贴")
    assert _card(t, "hi.graduate_startup_subsidy").status == "unknown"    # her own business is not said


def test_a_correction_asking_only_after_an_amount_pointed_at_answers_that_one_and_the_loan_left():
    s = State()
    _say(s, "ask_startup_subsidy", "我家在儋州 是建档立卡户 也吃低保 女儿今年大学毕业 想回来开个小超市 有啥补贴")
    t = _say(s, "correct", "不对 女儿是前年毕业的 那个一千五还有没有")
    assert _card(t, "hi.graduate_startup_subsidy").status == "ineligible"
    assert [r.benefit.id for r in t.decision.stated] == ["hi.graduate_startup_subsidy", "hi.startup_loan"]


def test_a_wife_working_at_a_restaurant_in_the_county_town_works_in_the_county():
    s = State()
    _say(s, "ask_transport", "俺是千阳的脱贫户 上个月去江苏苏州进厂了 签了一年合同 车票花了400 路费能报不")
    t = _say(s, "ask_transport", "那我媳妇呢 她在县城饭馆洗碗 签的半年合同")
    assert s.facts["work_scope"] == "本县"
    assert _card(t, "qy.cross_province_transport").status == "ineligible"


def test_a_worker_brought_by_a_broker_asking_what_he_gets_himself_hears_his_own_money():
    s = State()
    _say(s, "ask_employer_subsidy", "我是湘西花垣的建档立卡户 去年10月进的长沙一个厂 签了合同 厂里有交社保 老板讲招我们贫困户政府补他钱")
    t = _say(s, "ask_referral", "那我自己有么子 当时是村里劳务经纪人带我们出来的")
    assert s.facts.get("employer_type") != "人力资源服务机构"      # who brought him, not whom he works for
    assert "hn.transport_subsidy" in [r.benefit.id for r in t.decision.stated]
