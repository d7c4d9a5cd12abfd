"""A household told of clause by clause, each member by the asker's word for them (娃他爸, 娃, 儿媳妇, 我屋里的, 我娃子,
俺家老头), each answered on their own facts, the unit one of them works at heard of as the unit's; what was said of them
stays theirs when a later message names them; and the words around a job or a trip that decide a benefit (a job kept
after being out of work, a job's end date, where one went said instead, a hired bus to a factory, the asker's own loan,
the papers asked for in words the NLU may not place)."""
import datetime as dt

from assistant.extract import extract
from assistant.state import State
from .talk import TODAY, card as _card, ids as _ids, say as _say


# a household of three, each named at a clause's start: the husband at a workshop, the son at a course, the
# daughter-in-law with a shop
_HOUSEHOLD = ("额是千阳南寨镇的 额屋是脱贫户 娃他爸今年四月到镇上的社区工厂上班咧 签了一年合同 娃上个月去县上参加厨师培训 "
              "学了十天 结业咧 儿媳妇今年五月办了营业执照 开了个小饭馆 一直开着哩 这都能给啥钱")


def _text(t):
    return "\n".join(r.text for r in t.replies)


def _line(text, label):
    return text.split(f"\n{label}：")[1].split("\n")[0]


def test_three_members_each_named_at_a_clause_start_are_answered_each_on_their_own_facts():
    s = State()
    t = _say(s, "ask_what_can_i_get", _HOUSEHOLD)
    text = _text(t)
    assert "\n娃他爸：" in text and "\n娃：" in text and "\n儿媳妇：" in text
    assert "✓技能培训生活和交通费补贴：最高500元" in _line(text, "娃")          # 10 days × (20元 + 30元)
    assert "✓一次性创业补贴：每人一次性5000元" in _line(text, "儿媳妇")
    assert "✗一次性求职补贴（已超过申请期限" in _line(text, "娃他爸")            # April: past the six months
    assert "您" not in [p[0] for p in s.facts["persons_said"]]     # "额是千阳…额屋是脱贫户" only opens the message


def test_a_later_message_naming_one_of_them_keeps_what_was_said_of_her():
    s = State()
    _say(s, "ask_what_can_i_get", _HOUSEHOLD)
    t = _say(s, "nlu_fallback", "那儿媳妇那个创业补贴 额们想过了年再去办 还赶趟不 娃这个月还想再报个面点班 生活费还能再拿不")
    assert _card(t, "qy.startup_subsidy").status == "eligible"
    assert _card(t, "qy.training_living_transport").status == "ineligible"      # once a year


def test_the_asker_placed_by_an_agency_hears_of_its_money_still_open_and_the_wife_of_her_units():
    s = State()
    t = _say(s, "ask_what_can_i_get", "我是旬阳白柳镇的贫困户 我前年在镇上登记了失业 后来县上一个人力资源公司免费介绍我去"
                                      "浙江宁波的厂里 签了合同一直干到现在 我屋里的在镇上一个企业做活路 签了两年合同 "
                                      "企业给她交社保 我娃子十九了 想去安康技师学院读书 我们一家能享受啥子")
    text = _text(t)
    mine = _line(text, "您")
    assert mine.startswith("?职业介绍补贴：200元") and "钱发给人力资源服务机构" in mine and "还要看：" in mine
    assert "吸纳困难人员就业社会保险补贴" in _line(text, "您屋里的") and "钱发给用人单位" in _line(text, "您屋里的")
    assert "您娃子：" in text


def test_a_member_at_a_workshop_hears_why_the_workshops_reward_is_not_yet_for_him():
    s = State()
    t = _say(s, "ask_school_grant", "俺家是兰西县的建档立卡贫困户 俺闺女前年初中毕业在家待着 今年十七 想去念技校 "
                                    "还有俺家老头今年五月份进了村里的扶贫车间干活 干到现在七个来月了 这里头有没有俺家老头的份")
    text = _text(t)
    assert "✗创业扶贫奖励补贴（被吸纳人员须稳定就业1年以上）" in _line(text, "您家老头")


def test_a_card_the_members_own_facts_decide_is_theirs_not_left_open():
    s = State()
    t = _say(s, "ask_public_post", "俺是千阳草碧镇的脱贫户 村上给俺安排了个护林员的公益岗 一个月给多少 俺媳妇要是当上村里的"
                                   "劳动保障助理员 一个月又给多少")
    assert "qy.urban_public_post" not in _ids(t)     # both on village posts: the town posts are neither's


def test_a_job_kept_since_after_being_registered_out_of_work_is_a_job_now():
    ex = extract("我前年在镇上登记了失业，后来县上一个人力资源公司免费介绍我去浙江宁波的厂里，签了合同一直干到现在", [], None, TODAY)
    assert ex.facts["employed"] is True and ex.facts["unemployed"] is False
    assert "months_since_registration" not in ex.facts           # 登记了失业 is no business registered


def test_a_jobs_end_date_said_later_gives_how_long_it_lasted():
    s = State()
    _say(s, "ask_referral", "我是湖南花垣县的建档立卡贫困户 前年腊月县里人社局挂了牌的那个劳务公司介绍我去广东东莞的电子厂 "
                            "在那边干了四个月就回来了 劳务公司讲他们也能领钱 是真的不")
    assert s.facts["months_employed"] == 4 and s.facts["months_since_employment"] >= 23
    t = _say(s, "correct", "哦不对 我记岔了 我是干到去年国庆才回来的 那他们能领不")
    assert s.facts["months_employed"] >= 9
    assert _card(t, "hn.job_service_subsidy").status == "eligible"     # the 挂了牌 agency's licence vouched for


def test_where_one_went_said_instead_is_the_job_not_the_home():
    s = State()
    _say(s, "ask_job_seeking", "千阳草碧镇的脱贫户 去年3月去宝鸡一个厂子 签了一年合同 一次性求职补贴能拿不")
    t = _say(s, "nlu_fallback", "那要是他当时去的不是宝鸡 是江苏昆山的厂子呢 别的都一样 路费六百来块 能多拿啥")
    assert s.place.startswith("陕西省宝鸡市千阳县") and s.facts["work_scope"] == "跨省"
    assert "暂未收录" not in _text(t)


def test_the_askers_own_loan_asked_is_one_persons_though_a_child_may_join_later():
    ex = extract("我是五指山的建档立卡贫困户 想回村里养猪 我个人能贷多少 还有我女儿今年刚大学毕业 也想回来跟我一起干", [],
                 None, TODAY)
    assert ex.facts["borrower_type"] == "个人" and ex.facts.get("business_type") != "合伙创业"


def test_a_hired_bus_to_a_factory_is_a_trip_to_work_beside_a_trainings_days():
    s = State()
    t = _say(s, "ask_training_allowance", "我是湖南花垣县的建档立卡贫困户 前年腊月劳务公司包了一台车带我们去广东东莞的电子厂 "
                                          "走之前在县里参加了十二天的电焊培训 车费一个人二百六 这个车费政府补不补 培训那几天有冒得生活费")
    assert "hn.transport_subsidy" in _ids(t) and "hn.training_living_allowance" in _ids(t)


def test_the_papers_asked_for_in_words_the_nlu_did_not_place_are_the_papers():
    s = State()
    _say(s, "ask_transport", "俺是千阳张家塬镇的脱贫户 俺儿媳妇今年九月去新疆摘棉花 车票六百八 干了两个来月 老板给写了个证明 "
                             "路费能报不")
    t = _say(s, "nlu_fallback", "那俺去镇上替她办中不中 都要拿些啥")
    assert "要带的材料" in _text(t) and "交通费票据" in _text(t)


def test_a_holiday_dates_a_month():
    ex = extract("我是去年国庆去的广东打工", [], None, dt.date(2026, 12, 4))
    assert ex.facts["months_since_employment"] == 14


def test_a_workshops_hires_by_class_with_pauses_and_its_whole_staff_said_after():
    s = State()
    t = _say(s, "ask_employer_subsidy", "千阳城关镇一个县上认定过的社区工厂 今年新招了12个 签的都是一年合同 其中脱贫户5个 "
                                        "农村低收入户3个 剩下4个是一般户 厂里一共30个工人 问岗位补贴和房租水电补贴能拿多少")
    assert s.facts["staff_total"] == 30 and s.facts["new_hires"] == 5
    assert _card(t, "qy.community_factory_post").amount.value == 5000      # the 4 ordinary are not among the 5
    assert _card(t, "qy.community_factory_rent").status == "ineligible"      # 5 of 30 is under a third


def test_a_units_branch_registered_is_no_business_started_and_its_hires_months_are_theirs():
    ex = extract("他说他们在隆回县还注册了个子公司 隆回是贫困县 子公司那边也招了隆回本地的贫困户 同样3个满一年 合同社保都有",
                 [], None, TODAY)
    assert "months_since_registration" not in ex.facts and "business_type" not in ex.facts
    assert ex.facts["months_employed"] == 12 and ex.facts["new_hires"] == 3


def test_the_units_share_asked_beside_the_workers_own_is_still_the_units_subsidy():
    ex = extract("长沙那边公司还问 社保能不能也补 补几年 工人自己交的那块算不算", [], None, TODAY)
    assert "insurance_share_asked" not in ex.facts


def test_the_school_grant_asked_beside_the_class_he_is_in_is_the_money():
    s = State()
    t = _say(s, "ask_appraisal", "来电人说她是琼中县的建档立卡贫困户 儿子在三亚技师学院扶贫班读一年级 学汽修 上个月考了个汽车维修工的"
                                 "职业资格证 她问儿子读技校一年能补多少 考证的钱能不能补 去哪领")
    assert "hi.technical_school" in _ids(t)


def test_both_sons_said_at_a_technical_school_are_two_students():
    ex = extract("那俺小小子明年初中毕业 考不上高中也去念技校 俩小子都念技校一年能拿多少", [], "黑龙江省绥化市兰西县", TODAY)
    assert ex.facts["students_count"] == 2


def test_the_bus_money_of_a_training_is_its_transport_allowance():
    s = State()
    t = _say(s, "ask_training_allowance", "俺是绥化兰西县的建档立卡贫困户 俺闺女这阵子在县里参加巾帼家政培训学育婴员 天天坐客车"
                                          "来回跑 俺二小子在绥化技师学院念一年级 闺女培训给不给车钱饭钱 小子念技校补助一年多少")
    assert "sh.training_transport" in _ids(t)[:3]


def test_a_units_ordinary_hires_supposed_low_income_join_that_count():
    s = State()
    _say(s, "ask_employer_subsidy", "千阳城关镇一个县上认定过的社区工厂 今年新招了12个 签的都是一年合同 其中脱贫户5个 "
                                    "农村低收入户3个 剩下4个是一般户 厂里一共30个工人 问岗位补贴能拿多少")
    t = _say(s, "ask_employer_subsidy", "要是那4个一般户其实也是农村低收入户呢 哪个划算")
    assert s.facts["hired_poor_low_income_count"] == 12
    assert s.facts["new_hires"] == 5 and "好的" in t.replies[0].text
    assert _card(t, "qy.community_factory_post").amount.value == 5000     # the 5 poor only


def test_ordinary_hires_said_not_poor_are_no_class_joined():
    ex = extract("另外2个是一般农户不是建档立卡的", [], "黑龙江省绥化市望奎县", TODAY)
    assert ex.count_fix is None
