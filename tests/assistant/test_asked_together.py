"""Asked for one benefit on top of another that excludes it (千阳 四、5 "不得同时享受或交叉享受二类政策"): the one worth
less, asked for now, is the "不能" of the answer; asked of both in one message, each stays open as a choice. A part of a
head-count named by category ("这160个人里有100个是脱贫户") counts for the benefit of that category, and the whole
stays where every category said counts."""
import datetime as dt

from assistant.state import State
from assistant.turn import policy_turn

TODAY = dt.date(2026, 12, 2)


def _say(state, intent, text):
    return policy_turn(state, intent, text, [], TODAY)


def _stated(t):
    return {r.benefit.id: r for r in t.decision.stated}


def test_the_factory_subsidy_asked_on_top_of_the_base_award_is_the_one_left_out():
    s = State()
    first = _say(s, "ask_employer_subsidy", "我们公司是千阳县人社局认定的就业帮扶基地，今年新招了160个脱贫户和农村低收入的劳动力，"
                                            "都签了一年以上的劳动合同，一次性就业奖补能拿多少？")
    assert _stated(first)["qy.employment_base_award"].amount.value == 300000
    t = _say(s, "ask_factory_job", "我们厂同时也是认定过的社区工厂，这160个人里有100个是脱贫户，社区工厂那边每人1000的岗位补贴"
                                   "能不能也一起申请？")
    got = _stated(t)
    assert s.facts.get("employer_type_also") == "社区工厂"
    assert s.facts["new_hires"] == 160 and s.facts["hired_poor_count"] == 100
    assert got["qy.employment_base_award"].status == "eligible" and got["qy.employment_base_award"].amount.value == 300000
    assert got["qy.community_factory_post"].status == "ineligible"
    assert got["qy.community_factory_post"].amount.value == 100000
    assert "就业帮扶基地一次性就业奖补" in got["qy.community_factory_post"].reasons[0]


def test_both_asked_in_one_message_stay_open_as_choices():
    t = _say(State(), "ask_factory_job", "千阳的，我那个扶贫车间也被县上认定成就业帮扶基地了，今年新招了12个脱贫户都签了一年合同，"
                                         "车间的补贴和基地的奖补能一起拿不")
    got = _stated(t)
    assert got["qy.employment_base_award"].status == "eligible"
    assert got["qy.community_factory_post"].status == "eligible"
    assert "只能选一项" in "\n".join(r.text for r in t.replies)


def test_a_part_of_a_count_said_first_is_the_count_for_its_category():
    s = State()
    _say(s, "ask_employer_subsidy", "我们是千阳的社区工厂，今年招了10个人，都签了一年合同")
    _say(s, "inform", "这10个人里有6个是脱贫户")
    assert s.facts.get("hired_poor_count") == 6


def test_a_second_sign_and_one_more_claim_asked_by_its_amount():
    s = State()
    _say(s, "inform", "我们企业是千阳县人社局认定的就业帮扶基地，今年新招了脱贫劳动力120人、农村低收入劳动力40人，都签了一年以上的"
                      "劳动合同。这个一次性就业奖补能拿多少？")
    t = _say(s, "ask_factory_job", "我们厂同时也挂着就业帮扶车间的牌子，能不能再按社区工厂那个每人1000块另外报一份？")
    assert s.facts["employer_type"] == "就业帮扶基地" and s.facts["employer_type_also"] in ("就业帮扶车间", "社区工厂")
    text = "\n".join(r.text for r in t.replies)
    assert "改为" not in text and "只能选一项" in text
    assert _stated(t)["qy.community_factory_post"].status == "ineligible"


def test_one_of_a_family_named_after_their_posts_gets_their_own_amount():
    s = State()
    _say(s, "ask_public_post", "俺妈在村里干公益岗扫马路 一个月给多少钱？俺爸要是去当村里的劳动保障助理员又给多少？俺们是千阳草碧镇的")
    t = _say(s, "inform", "那俺妈干满一年 总共能拿多少")
    assert _stated(t)["qy.rural_public_post"].amount.value == 4800
    t = _say(s, "inform", "那俺爸呢，也干满一年")
    assert _stated(t)["qy.rural_public_post"].amount.value == 9600


def test_a_quarters_sum_is_three_months_of_the_monthly_sum():
    t = _say(State(), "ask_public_post", "我们是千阳县城关镇的一个社区，开发了5个城镇公益性岗位：2个是社会公共管理类的，3个是保洁。"
                                         "一个季度能申报多少补贴？找哪儿报？")
    post = _stated(t)["qy.urban_public_post"]
    assert post.amount.value == 3 * (2 * 600 + 3 * 500) and post.amount.total_per == "每季度"
    monthly = _stated(_say(State(), "ask_public_post", "我们是千阳县城关镇的一个社区，开发了5个城镇公益性岗位：2个是社会公共管理类的，"
                                                       "3个是保洁。一个月能补多少？"))["qy.urban_public_post"]
    assert monthly.amount.value == 2700


def test_what_was_understood_names_each_of_the_family_by_who_they_are():
    t = _say(State(), "ask_public_post", "俺妈在村里干公益岗扫马路 一个月给多少钱？俺爸要是去当村里的劳动保障助理员又给多少？俺们是千阳草碧镇的")
    line = next(x for r in t.replies for x in r.text.split("\n") if x.startswith("我记下的"))
    assert "妈：公益性岗位类型农村公益性岗位-其它" in line and "爸：公益性岗位类型农村公益性岗位-劳动保障助理员" in line


def test_the_rest_of_a_count_named_as_others_is_no_more_people():
    s = State()
    _say(s, "ask_employer_subsidy", "青冈县一个扶贫车间，招了12个贫困户边干边学，以工代训补贴一个人一个月给多少")
    t = _say(s, "inform", "吸纳贫困户那个1000块钱的奖励呢？这12个人里有4个是前年来的，一直干到现在；"
                          "另外8个是今年秋天来的临时工，干完这一季就走。")
    got = _stated(t)
    assert s.facts.get("new_hires") == 4
    assert got["sh.startup_poverty_reward"].amount.value == 4000
    assert "共20人" not in "\n".join(r.text for r in t.replies)


def test_a_second_kind_whose_conditions_are_met_is_a_choice_not_a_correction():
    # "我们也够就业帮扶基地的条件…两边能一起拿不": the 社区工厂 stays, the 基地 is one more kind (not yet recognised),
    # and "两边" asks about the pair the document keeps apart: the rule first, with the side worth more
    s = State()
    _say(s, "ask_factory_job", "我们是千阳张家塬镇的社区工厂，县上已经认定了。厂里一共30个工人，今年新招了12个脱贫户，都签的一年合同。"
                               "厂房一年租金4万，水电一年1万2左右。能补多少钱？")
    t = _say(s, "inform", "镇上说我们也够就业帮扶基地的条件，那个一个人给2000，两边能一起拿不？")
    assert s.facts["employer_type"] == "社区工厂" and s.facts.get("employer_type_also") == "就业帮扶基地"
    first = t.replies[0].text
    assert first.startswith("不能同时享受") and "38000元" in first and "改为" not in first
    got = _stated(t)
    assert got["qy.employment_base_award"].status == "ineligible"
    assert got["qy.community_factory_post"].status == "eligible"
