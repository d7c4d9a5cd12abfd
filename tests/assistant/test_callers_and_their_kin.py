"""An operator speaking for a caller and the caller's kin ("她问那她老公呢", "跟她自己那个求职补贴能一起拿吗"); a worker placed
by an agency asking what she gets; a partner not poor beside a poor asker; and facts said in passing that the words
must read right: a post corrected in the same message, an exam after a course, a family farm registered as a sole
trader, a course still to be taken, "交没交" asked, a place said to be wrong, a covered place asked about from an
uncovered home."""

from assistant.extract import extract
from assistant.state import State
from assistant.turn import documents_turn

from .talk import TODAY, card as _card, ids as _ids, say as _say

_PLACED = ("来电人说她是千阳县南寨镇的脱贫户 上个月经村里的就业服务公司介绍去江苏昆山一个电子厂上班了 签了两年合同 "
           "那个公司没收她钱 坐车过去花了六百四 她问能领啥补助 上哪领")


def test_a_worker_placed_by_an_agency_hears_of_her_own_money():
    s = State()
    t = _say(s, "ask_referral", _PLACED)
    assert s.role == "proxy"
    assert _card(t, "qy.job_seeking").status == "eligible"
    assert _card(t, "qy.cross_province_transport").amount.value == 500


def test_the_operator_turns_to_the_callers_husband_and_back_to_her():
    s = State()
    _say(s, "ask_referral", _PLACED)
    t = _say(s, "ask_factory_job", "她问那她老公呢 她老公也是脱贫户 前年过完年就在宝鸡市里工地上干 一直干到现在 没签合同 "
                                   "他能不能也领这两个")
    assert _card(t, "qy.cross_province_transport").status == "ineligible"     # 宝鸡 is no other province
    assert s.facts.get("transport_cost") is None                             # her fare is not his
    t = _say(s, "ask_referral", "她说介绍她那个村里的就业服务公司也要拿她的名字报职业介绍补贴 跟她自己那个求职补贴能一起拿吗")
    assert s.facts.get("contract_months") == 24 and s.facts.get("work_scope") == "跨省"     # hers again
    assert _card(t, "qy.job_seeking").status == "eligible"
    assert _card(t, "qy.job_referral").status == "eligible"


def test_a_site_in_a_city_is_where_the_work_is():
    assert extract("前年过完年就在宝鸡市里工地上干 一直干到现在", None, None, TODAY).work_place == "宝鸡"


def test_a_partner_not_poor_leaves_the_poor_asker_poor():
    s = State()
    _say(s, "ask_training", "来电人说他是紫阳县蒿坪镇的建档立卡贫困户 想回来自己开个修脚店 上个月参加了县上的SYB创业培训 "
                            "拿了合格证 他问培训有补贴没 开店能贷多少款")
    t = _say(s, "ask_startup_subsidy", "他说店是跟他表哥合伙开的 表哥不是贫困户 那能贷多少")
    assert s.facts["category"] == ["脱贫劳动力"]
    assert _card(t, "ak.startup_loan_partnership").status == "eligible"
    t = _say(s, "ask_training", "他又问他老婆呢 他老婆也想去学月嫂 参加县上的就业技能培训 有补贴没")
    assert _card(t, "ak.skills_training").status == "eligible"        # the household is poor


def test_a_post_corrected_in_the_same_message_is_the_one_said_last():
    ex = extract("俺是千阳张家原镇的脱贫户 在村上干公益岗 扫路搞保洁 一个月能给多少钱？哎说错了 俺干的是村上那个劳动保障助理员的岗 "
                 "不是保洁", None, None, TODAY)
    assert ex.facts.get("post_type") == "农村公益性岗位-劳动保障助理员"
    # another's post in a sentence of its own still gives way to the speaker's
    ex = extract("俺在村里干公益岗扫马路。俺村那个劳动保障助理员人家一个月800", None, None, TODAY)
    assert ex.facts.get("post_type") == "农村公益性岗位-其它"


def test_an_exam_taken_after_a_course_is_the_first():
    assert extract("那俺爸要是再去考个中式面点师的证 要交钱不", None, None, TODAY).facts.get("first_appraisal") is True
    assert extract("我已经考过焊工证了，想再考个电工证", None, None, TODAY).facts.get("first_appraisal") is False


def test_a_family_farm_registered_as_a_sole_trader():
    ex = extract("他爸前年头一回在屯里办了个养牛的家庭农场 营业执照是个体工商户 一直正常干着呢", None, None, TODAY)
    assert ex.facts.get("business_type") == "个体工商户"
    assert ex.facts.get("months_since_registration", 0) >= 12


def test_a_course_still_to_be_taken_has_no_failed_certificate():
    ex = extract("说错了，我表哥他们不搞了，就我一个人开，那能贷好多？另外我还没参加过创业培训，去培训有钱拿不？",
                 None, None, TODAY)
    assert "training_certificate" not in ex.facts and "agency_licensed" not in ex.facts
    assert extract("俺表哥没去培训", None, None, TODAY).facts.get("training_certificate") is False


def test_insurance_asked_not_said():
    ex = extract("儿子在长沙那个厂签了劳动合同，已经干了一年多，社保交没交她不清楚", None, None, TODAY)
    assert "insurance_paid" not in ex.facts


def test_a_place_said_to_be_wrong_is_no_home():
    ex = extract("来电人纠正：说错了，儿子不是在宁波，是在长沙打工，那路费还能补不", None, None, TODAY)
    assert ex.home_uncovered is None and ex.people_from is None


def test_a_covered_place_asked_about_from_an_uncovered_home_is_no_move():
    s = State()
    _say(s, "ask_transport", "俺是宝鸡陇县的脱贫户 去年腊月去浙江义乌打工 车票花了三百八 听人说千阳有跨省交通补助 俺们陇县能领不")
    t = _say(s, "ask_what_can_i_get", "千阳不也归宝鸡管吗 宝鸡市里有没有一样的政策")
    assert "陇县" in s.place and not _ids(t)


def test_the_agencys_money_asked_of_by_the_one_it_placed_is_answered():
    s = State()
    t = _say(s, "ask_what_can_i_get", "我老公是汉阴县的贫困户 之前在家没活干 去镇上登记了失业 去年八月份县上一个人力资源公司没收钱"
                                      "把他介绍到西安一个物流公司 签了两年合同 干到现在一年多了 他自己能领啥补贴不 "
                                      "介绍他的那个公司说它能领钱 是真的吗")
    assert "ak.job_referral" in _ids(t)


def test_a_units_words_reported_by_a_family_keep_the_family_the_asker():
    s = State()
    _say(s, "inform", "我是千阳县张家塬的 俺屋是脱贫户 俺儿子今年三月份去江苏昆山电子厂了 签了两年合同 车票一共花了四百二十块 "
                      "他那个求职补贴和路费能报不")
    _say(s, "nlu_fallback", "那他媳妇呢 她也是脱贫户 上个月刚进的县上那个社区工厂 厂里说是人社局认定过的 签了一年 "
                            "厂里说招了她厂里能拿一千 这一千是给她的不")
    assert s.role == "proxy"
    t = documents_turn(s, "那俺这当婆婆的替他俩去镇上一块办了中不中 都要带啥", [], TODAY)
    assert {"qy.job_seeking", "qy.cross_province_transport"} <= set(_ids(t))
