"""A unit's new hires announced as a list after a colon, each group by its class and contract; another kind of unit
weighed beside the one it is ("我们也想去申请个就业帮扶基地…两边能一起拿吗？哪个划算"): the document's one-of-two rule,
with the other kind's money evaluated as that kind, and the unit's own kind kept."""
from assistant.state import State

from .talk import card, ids, say

_FACTORY = ("你好，我们是千阳南寨镇的社区工厂，县上认定过的，做服装加工。今年新招的人是这样：脱贫户3个，签了一年合同；"
            "边缘户4个，也签的一年；还有2个脱贫户只签了半年；另外6个是一般村民，不是脱贫户也不是低收入的，签的一年。"
            "岗位补贴一共能拿多少？")


def _text(turn):
    return "\n".join(r.text for r in turn.replies)


def test_every_group_of_the_listed_new_hires_counts():
    s = State()
    t = say(s, "ask_factory_job", _FACTORY)
    r = card(t, "qy.community_factory_post")
    assert r.status == "eligible"
    assert r.amount.value == 7000           # 3 + 4 on a one-year contract; the half-year two and the villagers not
    assert s.facts["new_hires"] == 9


def test_a_kind_weighed_beside_the_units_own_gets_the_one_of_two_rule():
    s = State()
    say(s, "ask_factory_job", _FACTORY)
    t = say(s, "correct", "说错了，签一年的脱贫户是五个不是三个。还有我们也想去申请个就业帮扶基地，听说那边一个人两千，"
                          "两边能一起拿吗？哪个划算")
    text = _text(t)
    assert s.facts["employer_type"] == "社区工厂"          # still a community factory: the base only weighed
    assert "改为就业帮扶基地" not in text
    assert card(t, "qy.community_factory_post").amount.value == 9000
    base = card(t, "qy.employment_base_award")
    assert base.status == "ineligible"                     # 9 new hires, the base needs 10
    assert "至少10人" in " ".join(base.reasons)
    assert "\n不能同时享受：社区工厂吸纳脱贫劳动力就业一次性岗位补贴和就业帮扶基地一次性就业奖补只能选一项" in text
    assert {"qy.community_factory_post", "qy.employment_base_award"} <= set(ids(t))


def test_a_worker_placed_by_an_agency_asks_whether_her_money_and_the_agencys_combine():
    s = State()
    say(s, "ask_job_seeking", "俺是千阳的脱贫户 今年九月份到县上一个社区工厂上班了 签的一年合同 听人说有个求职补贴 能给多少钱")
    t = say(s, "ask_job_referral", "还有个事 俺是村上劳务公司给介绍去的 没收俺钱 他们说他们也能领个介绍补贴 "
                                   "那俺这500跟他们那个能一起拿不")
    text = _text(t)
    assert "人力资源服务机构" not in s.facts.get("employer_type", "")   # the agency placed her: she is no agency
    assert "改为" not in text
    assert card(t, "qy.job_seeking").status == "eligible"             # her 500, named by its amount
    assert card(t, "qy.job_referral").status != "eligible"            # the agency's licence was not said
    assert "职业介绍补贴和一次性求职补贴只能选一项" in text


def test_more_months_of_one_group_as_a_what_if():
    s = State()
    say(s, "ask_startup_reward", "俺们是望奎县一个种植合作社，这两年吸纳了：4个建档立卡贫困户，干了一年半了；3个建档立卡的，干了五个月；"
                                 "还有2个不是贫困户的。合作社能拿啥奖励，多少钱？")
    t = say(s, "ask_work_for_training", "那干五个月那仨，要是再干七个月呢？还有俺们边干边教他们种木耳，这算以工代训不，给钱不")
    assert _text(t).startswith("那3人现在干了约5个月，按文件要满12个月才算，还差7个月")
    r = card(t, "sh.startup_poverty_reward")
    assert r.status == "eligible" and r.amount.value == 7000        # the three reach a year: all seven count
    assert "sh.work_for_training" in ids(t)
    assert s.facts["group_months"] == [[4.0, 18.0], [3.0, 5.0]]     # what-if only: the groups' months stay


def test_the_interns_months_beside_the_hires():
    s = State()
    t = say(s, "ask_employer_subsidy", "俺们是紫阳县一个做富硒茶的小微企业，今年招了8个贫困户，签的两年合同，社保也给交了；另外收了3个贫困家庭的"
                                       "大学毕业生来见习，到现在见习了4个月。企业能拿啥补贴，各拿多少？")
    assert s.facts["internship_months"] == 4
    assert card(t, "ak.internship").amount.value == 12000           # 3 × 4 months × 1000元


def test_a_schools_two_questions_of_money_leave_out_the_free_course():
    s = State()
    t = say(s, "ask_training_allowance", "我们是海伦市的定点培训机构，给贫困户办了个家政培训班，25个人，一共15天。机构这边按人头能拿多少钱？"
                                         "学员自己有没有生活费交通费，一天多少")
    assert {"sh.training_transport", "sh.training_living_allowance", "sh.training_subsidy_institution"} <= set(ids(t))
    assert "sh.free_training" not in ids(t)


def test_the_rest_of_a_class_opening_shops_as_a_what_if():
    s = State()
    say(s, "ask_training", "我们是汉滨区一家定点培训学校，今年给建档立卡贫困户办了两期：一期电焊就业技能培训30个人，一期SYB创业培训"
                           "20个人，都考核合格了，创业班里已经有6个开了店。按人头算学校这边能拿多少补贴？")
    t = say(s, "ask_startup_subsidy", "要是创业班剩下那14个 过三个月也都开了店呢 创业这块一共能到多少")
    text = _text(t)
    assert text.count("要是再有14人开起店，多11200元（14人×800元）") == 1    # said once
    assert card(t, "ak.startup_training").amount.value == 40000             # 20×1200 + 20×800
