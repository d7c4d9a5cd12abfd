"""An agency's placements in groups: seasonal groups that worked different lengths of time are counted by the
benefit's time condition ("4个…摘棉花干了三个半月，还有2个…果园干了40天"); one of a group named again ("去苏州那6个里头
有一个") is not a new head-count; a unit's sums of two benefits are said together."""
import datetime as dt

from assistant.extract import extract
from assistant.state import State
from assistant.turn import policy_turn

TODAY = dt.date(2026, 12, 3)
FIRST = ("我们是千阳南寨镇的村级扶贫就业服务公司，有营业执照。今年免费给村里脱贫户介绍工作：6个人去苏州电子厂签了一年合同，"
         "4个人去新疆摘棉花干了三个半月，还有2个去陕北果园干了40天就回来了。职业介绍补贴一共能拿多少？")


def _stated(t):
    return {r.benefit.id: r for r in t.decision.stated}


def test_seasonal_groups_are_counted_by_the_time_each_worked():
    t = policy_turn(State(), "ask_referral", FIRST, [], TODAY)
    got = _stated(t)
    assert got["qy.job_referral"].amount.value == 3000
    assert got["qy.job_referral_seasonal"].amount.value == 800


def test_one_of_a_group_named_again_keeps_the_count_and_the_sum_is_said():
    s = State()
    policy_turn(s, "ask_referral", FIRST, [], TODAY)
    policy_turn(s, "ask_what_can_i_get", "去苏州那6个里头有一个，自己还想去镇上领500块钱求职补贴，我们这边也给他报了职介补贴，两个都能拿不",
                [], TODAY)
    assert s.facts["referred_count"] == 6
    t = policy_turn(s, "ask_where_apply", "那我们的职介补贴啥时候之前报，去哪报，要准备啥", [], TODAY)
    assert "合计：3800元" in "\n".join(r.text for r in t.replies)


def test_a_group_short_of_time_inside_a_count_and_contributions_by_insurance():
    s = State()
    t = policy_turn(s, "inform", "我们是长沙的一家服装厂，从前年开始招建档立卡贫困劳动力：湘西州的5个、贵州铜仁的2个，都签了两年劳动合同、"
                                 "交了社保。湘西的5个里有4个已经干了一年多，还有1个今年三月才进来；贵州的2个都干了一年半。岗位补贴能申请多少？",
                    [], TODAY)
    assert _stated(t)["hn.post_subsidy"].amount.value == 4000
    t = policy_turn(s, "inform", "我们单位给每个人每月交的是养老640、医疗320、失业28、工伤20，个人那部分另外从工资里扣。这4个人一年能补多少？",
                    [], TODAY)
    assert s.facts["insurance_contributions"] == (640 + 320 + 28) * 12
    assert _stated(t)["hn.social_insurance_subsidy"].amount.value == 47424


def test_appraised_people_by_catalogue_are_two_rates():
    t = policy_turn(State(), "ask_appraisal", "我们是一家职业技能鉴定机构。这个月给千阳的52个脱贫劳动力做了初次鉴定，48个人拿到了职业资格证书，"
                                              "其中20个是纳入重点产业职业资格和职业技能等级评定指导目录的工种，另外4个没考过。我们一共能拿多少？",
                    [], TODAY)
    assert _stated(t)["qy.skill_appraisal"].amount.value == 20 * 300 + 28 * 200


def test_some_of_a_class_who_missed_days_are_of_it_not_more():
    from assistant.extract import extract
    ex = extract("这期是就业前培训，课程15天。30个贫困学员里有5个人各缺了3天课，其余都是全勤。生活费补贴一共能有多少？", [])
    assert ex.facts["trainee_count"] == 30
    assert sorted(ex.group_days) == [(5.0, 12.0), (25.0, 15.0)]


def test_placements_each_closing_its_own_clause_add_up_and_those_charged_are_out():
    ex = extract("我们是千阳南寨镇的就业服务公司 有职介许可证 今年免费给脱贫户介绍工作 送西安建筑工地签一年合同的6个 "
                 "苏州电子厂签两年的4个 还有2个进县城饭店签了一年 这2个我们收了300块中介费 总共能报多少职业介绍补贴",
                 None, None, TODAY)
    assert ex.facts.get("referred_count") == 12
    assert ex.counted_not.get("qy.job_referral", [None])[0] == 2
