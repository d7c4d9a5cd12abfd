"""Words of workers, brokers and operators: a broker's group told in one sentence with the one another agency claimed
for; "有正规资质"; a worker back from years away in dialect; "检习" typed by ear; a company instead of a sole trader."""
from assistant.state import State
from policies import normalize as nz

from .talk import card, say


def test_a_brokers_groups_beside_the_one_another_agency_claimed_for():
    s = State()
    t = say(s, "ask_referral", "来电人是郴州汝城县的农村劳务经纪人，有正规资质，他说今年组织了9个建档立卡贫困户去东莞厂里：5个干了7个月了，"
                               "3个干了4个月，还有1个干了半年多，但这个人今年已经有别的中介给领过一次补贴了。他问能拿多少")
    assert s.facts["referred_count"] == 9 and s.facts["agency_licensed"] is True
    r = card(t, "hn.job_service_subsidy")
    assert r.status == "eligible" and r.amount.value is not None     # the groups by time counted, not the bare rate


def test_the_one_another_agency_claimed_for_is_out_of_the_groups_count():
    s = State()
    t = say(s, "ask_referral", "来电人是郴州汝城县的农村劳务经纪人，有正规资质，他说今年组织了9个建档立卡贫困户去东莞厂里：5个干了7个月了，"
                               "3个干了4个月，还有1个干了半年多，但这个人今年已经有别的中介给领过一次补贴了。他问能拿多少")
    assert card(t, "hn.job_service_subsidy").amount.value == 1000    # 5 × 200元: the 3 short, the 1 claimed for


def test_a_worker_back_from_years_away_said_in_dialect():
    words = [c for _, _, c in nz.category_words("额在外头打咧十几年工 今年过完年回千阳咧 上个月在水沟镇把营业执照办下来咧")]
    assert words == ["农民工"]
    words = [c for _, _, c in nz.category_words("前年上南方打工去了 今年开春回来了 寻思在屯里开个小卖店")]
    assert words == ["农民工"]


def test_a_returned_worker_leaves_the_household_register_open():
    s = State()
    t = say(s, "ask_startup_subsidy", "俺是绥棱的 前年上南方打工去了 今年开春回来了 寻思在屯里开个小卖店 整个个体户 这玩意儿有啥补贴没 "
                                      "能贷多少款啊")
    assert card(t, "sh.startup_loan").status == "unknown"            # 建档立卡 not said: open, not refused


def test_an_internship_typed_by_ear():
    assert nz.heard_as("想先找个单位检习一哈") == "想先找个单位见习一哈"


def test_a_company_instead_of_a_sole_trader():
    s = State()
    say(s, "ask_startup_subsidy", "俺是绥棱的 前年上南方打工去了 今年开春回来了 寻思在屯里开个小卖店 整个个体户 这玩意儿有啥补贴没")
    t = say(s, "ask_startup_subsidy", "俺家也是建档立卡贫困户 那要是不整个体 整个公司收杂粮搞加工呢 能多给点不")
    assert s.facts["business_type"] == "小微企业"
    assert card(t, "sh.startup_subsidy").amount.value == 10000


def test_one_persons_loan_and_partners_in_one_run_on_message():
    s = State()
    t = say(s, "ask_startup_loan", "俺是旬阳县的建档立卡贫困户想在镇上开个小饭馆一个人最多能贷多少钱要是跟村里另外两个人合伙一起干呢"
                                   "利息要俺自己出不")
    got = {r.benefit.id for r in t.decision.stated}
    assert {"ak.startup_loan_individual", "ak.startup_loan_partnership"} <= got     # both halves answered


def test_an_agencys_people_by_when_they_went_and_a_what_if_of_others_who_all_reach_the_year():
    s = State()
    t = say(s, "ask_referral", "我们是汉滨区一家人力资源服务公司，免费给12个登记失业的贫困户介绍到浙江厂里打工，都签了劳动合同。"
                               "8个是去年十月去的，4个是今年7月才去的，职业介绍补贴能拿多少？")
    assert card(t, "ak.job_referral").amount.value == 1600             # the 8 of a year, not the 4 of 5 months
    t = say(s, "inform", "噢对了 那8个里头有3个我们是收了介绍费的")
    assert card(t, "ak.job_referral").amount.value == 1000
    t = say(s, "ask_referral", "那要是明年免费介绍20个，都干满一年呢")
    assert card(t, "ak.job_referral").amount.value == 4000             # other people: none of those left out
    say(s, "ask_referral", "那现在这些人能拿多少")
    assert s.facts["group_months"] == [[8.0, 14.0], [4.0, 5.0]]        # the what-if gone, the groups as they were


def test_two_questions_asked_in_hunan_speech():
    s = State()
    t = say(s, "ask_training_allowance", "我是衡阳祁东的建档立卡贫困户 上礼拜县里办了个就业前的电工培训 报的15天的班 我请了两天假 "
                                         "实际去了13天 生活费按天补好多 总共有好多 培训费要我自己出冇")
    assert card(t, "hn.training_living_allowance").amount.value == 260      # 13 days × 20元
    assert "hn.skills_training_uplift" in [r.benefit.id for r in t.decision.stated]     # the fee asked too
