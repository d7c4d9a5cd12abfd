"""Amounts for the persons the asker counted (`count:` on an amount node, SCHEMA.md): the total with the rate beside
it, a ceiling kept a ceiling, the rate alone (and no question) when nobody was counted; the ordinary rate of `cases`
(`default: true`) with the exception said; a standard raised by a share (`uplift: true`)."""
import datetime as dt

import pytest

from policies import default_policies, evaluate
from policies.render import amount_line

AS_OF = dt.date(2020, 6, 1)


def result(place, facts, bid):
    return evaluate(facts, place, as_of=AS_OF).by_id(bid)


def _amount_nodes(node):
    if isinstance(node, dict):
        if "type" in node:
            yield node
        for v in node.values():
            yield from _amount_nodes(v)
    elif isinstance(node, list):
        for v in node:
            yield from _amount_nodes(v)


def test_every_count_names_a_head_count_fact_and_every_cases_has_at_most_one_default():
    ps = default_policies()
    for b in ps.benefits.values():
        for node in _amount_nodes(b.amount.raw):
            if "count" in node:
                assert ps.vocab.facts[node["count"]].type == "count", b.id
            defaults = [c for c in node.get("cases") or [] if c.get("default")]
            assert len(defaults) <= 1, b.id
            if node.get("uplift"):
                assert node["type"] == "capped_cost" and "rate" in node, b.id


@pytest.mark.parametrize("place, facts, bid, line", [
    ("千阳县", {"referred_count": 5}, "qy.job_referral", "2500元（5人×每人500元）"),
    ("千阳县", {"students_count": 2}, "qy.yulu_technical_school", "每年6000元（2人×每生每年3000元）"),
    ("千阳县", {"new_hires": 15}, "qy.work_for_training", "最高54000元（15人×每人每月不超过600元×最长6个月）"),
    ("千阳县", {"new_hires": 15, "training_months": 3}, "qy.work_for_training",
     "最高27000元（15人×每人每月不超过600元×3个月）"),
    ("汉阴县", {"intern_count": 3, "internship_months": 8}, "ak.internship",
     "18000元（3人×每人每月1000元×6个月；见习月数8个月，按最长6个月计）"),
    ("长沙市", {"new_hires": 10}, "hn.post_subsidy",
     "每年1万元（10人×每人每年1000元；其中贫困地区的企业吸纳当地建档立卡贫困劳动力，每人每年1500元）"),
])
def test_a_total_says_the_persons_and_the_rate(place, facts, bid, line):
    assert amount_line(result(place, facts, bid)) == line


@pytest.mark.parametrize("place, bid, line", [
    ("千阳县", "qy.job_referral", "按实际介绍就业人数，每人500元"),
    # (and the most one person gets, each unit at its maximum)
    ("千阳县", "qy.work_for_training", "每人每月不超过600元，最长6个月（每人最多3600元）"),
    ("汉阴县", "ak.internship", "每人每月1000元，最长6个月（每人最多6000元）"),
])
def test_nobody_counted_the_rate_and_no_head_count_asked(place, bid, line):
    r = result(place, {}, bid)
    assert amount_line(r) == line
    assert not {"referred_count", "new_hires", "intern_count"} & set(r.amount.missing)


def test_a_ceiling_stays_a_ceiling_and_an_exact_total_is_exact():
    assert result("千阳县", {"new_hires": 4}, "qy.work_for_training").amount.up_to      # 不超过600元
    r = result("汉阴县", {"intern_count": 3}, "ak.internship")                           # months not said
    assert (r.amount.value, r.amount.up_to, r.amount.missing) == (18000, True, ["internship_months"])
    r = result("汉阴县", {"intern_count": 3, "internship_months": 4}, "ak.internship")
    assert (r.amount.value, r.amount.up_to) == (12000, False)


def test_the_ordinary_rate_is_the_answer_until_the_exception_is_said():
    r = result("长沙市", {}, "hn.post_subsidy")
    assert (r.amount.value, r.amount.range) == (1000, None)
    assert "employer_in_poor_area" in r.amount.missing         # still what decides it: never assumed
    assert result("长沙市", {"employer_in_poor_area": True}, "hn.post_subsidy").amount.value == 1500
    assert result("长沙市", {"employer_in_poor_area": False}, "hn.post_subsidy").amount.value == 1000


def test_a_standard_raised_by_a_share():
    r = result("郴州市", {"training_standard": 1500}, "hn.skills_training_uplift")
    assert r.amount.value == 2550 and amount_line(r) == "2550元（1500元上浮70%）"
    r = result("郴州市", {}, "hn.skills_training_uplift")
    assert r.amount.value is None and r.amount.unstated and r.amount.missing == []


def test_persons_counted_out_are_taken_from_the_head_count_and_said():
    from policies import evaluate
    facts = {"category": ["脱贫劳动力"], "employer_type": "人力资源服务机构", "agency_licensed": True,
             "registered_unemployed_referral": True, "labor_contract_signed": True, "contract_months": 12,
             "referred_count": 12}
    whole = next(r for r in evaluate(facts, "千阳县").results if r.benefit.id == "qy.job_referral")
    assert whole.amount.value == 6000
    part = next(r for r in evaluate(dict(facts, counted_out={"qy.job_referral": 3}), "千阳县").results
                if r.benefit.id == "qy.job_referral")
    assert part.amount.value == 4500 and "12人中3人已享受过，不计" in part.amount.basis


def test_groups_short_of_the_time_a_benefit_asks_for_are_not_counted():
    from policies import evaluate
    facts = {"category": ["脱贫劳动力"], "employer_type": "企业", "home_province": "本省", "labor_contract_signed": True,
             "insurance_paid": True, "months_employed": 13, "months_since_employment": 13, "new_hires": 5,
             "group_months": [[3, 13], [2, 10]]}
    r = evaluate(facts, "湖南省常德市", as_of=dt.date(2020, 6, 1)).by_id("hn.post_subsidy")
    assert r.status == "eligible" and r.amount.value == 3000
    assert "2人干了10个月，未满" in r.amount.basis
    # a time fact derived from the months (绥化 稳定就业1年以上), and a head-count that is an amount's unit
    facts = {"category": ["脱贫劳动力"], "employer_type": "就业帮扶车间", "months_employed": 13, "new_hires": 5,
             "group_months": [[2, 13], [3, 10]]}
    r = evaluate(facts, "黑龙江省绥化市北林区", as_of=dt.date(2020, 6, 1)).by_id("sh.startup_poverty_reward")
    assert r.amount.value == 2000
    # nobody reaches the time: the benefit is not theirs, and the count stays whole
    facts["group_months"] = [[2, 10], [3, 8]]
    facts["months_employed"] = 10
    r = evaluate(facts, "黑龙江省绥化市北林区", as_of=dt.date(2020, 6, 1)).by_id("sh.startup_poverty_reward")
    assert r.status == "ineligible"


@pytest.mark.parametrize("bid,groups,total,each", [
    ("qy.startup_training_syb", [[8, {"started_business_within_6_months": True}],
                                 [22, {"started_business_within_6_months": False}]], 42000, ["8人×", "22人×"]),
    ("qy.skill_appraisal", [[30, {"key_industry_catalog": True}], [20, {"key_industry_catalog": False}]], 13000,
     ["30人×每人300元", "20人×每人200元"]),
])
def test_groups_in_different_cases_are_each_paid_their_case(bid, groups, total, each):
    facts = {"category": "脱贫劳动力", "training_certificate": True, "got_qualification_certificate": True,
             "first_appraisal": True, "case_groups": groups}
    r = evaluate(facts, "千阳县", benefit_ids=[bid]).results[0]
    assert r.amount.value == total
    line = amount_line(r)
    assert all(w in line for w in each), line
    # every group in the same case: the document's rate, no sum
    same = [[n, dict(f, **{k: True for k in f})] for n, f in groups]
    r = evaluate(dict(facts, case_groups=same), "千阳县", benefit_ids=[bid]).results[0]
    assert r.amount.value != total


def test_groups_on_monthly_rates_without_the_months_are_the_sum_for_one_month():
    groups = [[4, {"post_type": "城镇公益性岗位-其它"}], [2, {"post_type": "城镇公益性岗位-社会公共管理类"}]]
    facts = {"post_type": "城镇公益性岗位-其它", "case_groups": groups}
    r = evaluate(facts, "千阳县", benefit_ids=["qy.urban_public_post"]).results[0]
    assert r.amount.value == 3200 and r.status == "eligible"
    line = amount_line(r)
    assert line.startswith("每月3200元") and "4人×每人每月500元" in line and "2人×每人每月600元" in line, line
    # the months said: the whole amount, not a month's
    r = evaluate(dict(facts, months_on_post=3), "千阳县", benefit_ids=["qy.urban_public_post"]).results[0]
    assert r.amount.value == 9600 and not amount_line(r).startswith("每月"), amount_line(r)


def test_each_course_said_in_a_message_is_judged_by_its_own_facts():
    facts = {"category": "脱贫劳动力", "training_type": "IYB", "training_certificate": True,
             "course_facts": {"IYB": {"training_certificate": True}, "SYB": {"training_hours": 60}}}
    ev = evaluate(facts, "千阳县", benefit_ids=["qy.startup_training_syb", "qy.startup_training_iyb"])
    syb, iyb = ev.by_id("qy.startup_training_syb"), ev.by_id("qy.startup_training_iyb")
    assert syb.status == "ineligible" and any("80课时" in x for x in syb.reasons), syb.reasons
    assert iyb.status != "ineligible"
    # without the courses, the SYB benefit fails only on being another course than the one said
    del facts["course_facts"]
    syb = evaluate(facts, "千阳县", benefit_ids=["qy.startup_training_syb"]).results[0]
    assert not any("80课时" in x for x in syb.reasons)


def test_each_group_short_of_the_time_is_said_with_its_months():
    facts = {"category": "脱贫劳动力", "agency_licensed": True, "referred_count": 23, "months_employed": 8,
             "months_since_employment": 8, "group_months": [[17, 8], [4, 2], [2, 5]]}
    r = evaluate(facts, "湖南省衡阳市耒阳市", benefit_ids=["hn.job_service_subsidy"]).results[0]
    assert r.amount.value == 3400
    assert "6人（4人干了2个月、2人干了5个月），未满" in amount_line(r), amount_line(r)


def test_hires_of_poor_and_low_income_together_are_no_count_for_a_benefit_of_the_poor_only():
    # "新招了脱贫户和低收入户一共163个": 以工代训 is for 脱贫人口 (含边缘户) only: the rate, and how many of them are 脱贫
    facts = {"category": ["脱贫劳动力", "农村低收入人口"], "employer_type": "就业帮扶基地", "new_hires": 163,
             "hired_poor_low_income_count": 163}
    r = result("千阳县", facts, "qy.work_for_training")
    assert r.amount.value is None and "hired_poor_count" in r.amount.missing
    # the 就业帮扶基地's award counts both kinds: the 163 stay its count
    base = result("千阳县", dict(facts, employer_recognized=True, labor_contract_signed=True, contract_months=12),
                  "qy.employment_base_award")
    assert base.amount.value == 300000
    # said apart ("120个脱贫户和43个低收入户"): the 脱贫 ones are the count
    r = result("千阳县", dict(facts, hired_poor_count=120, new_hires=120), "qy.work_for_training")
    assert r.amount.value == 120 * 600 * 6


def test_groups_in_cases_one_of_which_adds_a_second_rate_are_told_by_each_rate():
    # 安康 二、（三）8: 培训合格每人1200元, 实现创业的再给予每人800元 — 20 trained, 5 of them started a business
    groups = [[5, {"started_business_after_training": True}], [15, {"started_business_after_training": False}]]
    facts = {"category": "脱贫劳动力", "training_type": "创业培训", "training_certificate": True, "case_groups": groups}
    r = evaluate(facts, "汉阴县", benefit_ids=["ak.startup_training"]).results[0]
    assert r.amount.value == 28000
    line = amount_line(r)
    assert "20人×培训合格每人1200元=24000元" in line and "5人×实现创业再给每人800元=4000元" in line, line


def test_groups_in_cases_of_a_counted_rate_are_each_their_own_head_count():
    # the unit's whole count (new_hires 15) is not each group's: 12×1500 + 3×1000, not 12×(15×1500)
    facts = {"category": "脱贫劳动力", "labor_contract_signed": True, "months_employed": 13, "insurance_paid": True,
             "new_hires": 15, "employer_in_poor_area": True,
             "case_groups": [[12, {"employer_in_poor_area": True}], [3, {"employer_in_poor_area": False}]]}
    r = evaluate(facts, "花垣县", as_of=dt.date(2019, 6, 1), benefit_ids=["hn.post_subsidy"]).results[0]
    assert r.amount.value == 21000, amount_line(r)


def test_a_per_person_rate_of_no_count_is_paid_for_every_group_it_fits():
    # 妈 on a 保洁 post, 爸 a 劳动保障助理员: the insurance subsidy (每人每月15元) is both persons'
    groups = [[1, {"post_type": "农村公益性岗位-其它", "kin": "妈"}],
              [1, {"post_type": "农村公益性岗位-劳动保障助理员", "kin": "爸"}]]
    facts = {"post_type": "农村公益性岗位-劳动保障助理员", "case_groups": groups}
    r = evaluate(dict(facts, months_on_post=12), "千阳县", benefit_ids=["qy.rural_public_post_insurance"]).results[0]
    assert r.amount.value == 360 and "2人×" in amount_line(r)
    # the months not said: the two persons' sum for one month beside the rate
    r = evaluate(facts, "千阳县", benefit_ids=["qy.rural_public_post_insurance"]).results[0]
    assert r.amount.value is None and "2人合计每月30元" in amount_line(r)
    # one of the groups on an urban post (not this benefit's): not counted for both
    groups[0][1]["post_type"] = "城镇公益性岗位-其它"
    r = evaluate(dict(facts, months_on_post=12, case_groups=groups), "千阳县",
                 benefit_ids=["qy.rural_public_post_insurance"]).results[0]
    assert r.amount.value == 180


def test_head_counts_and_the_classes_they_count_are_the_vocabularys(tmp_path):
    """One owner for a unit's head-counts and the classes of the 1/3 rules (facts.yaml `people`, `counts`); an unknown
    class in `counts` is refused when the file loads."""
    from policies.model import PolicyDataError, load_vocabulary

    v = default_policies().vocab
    assert {"new_hires", "hired_poor_count", "hired_poor_low_income_count", "referred_count", "trainee_count",
            "intern_count"} <= set(v.people_counts)
    assert "staff_total" not in v.people_counts and "students_count" not in v.people_counts
    # the share of the staff counts the same people as the head-count it is made from (profile.DERIVED_FACTS)
    assert v.facts["poor_staff_one_third"].counts == v.facts["hired_poor_count"].counts == {"脱贫劳动力", "边缘户"}
    assert v.facts["poor_low_income_staff_one_third"].counts == v.facts["hired_poor_low_income_count"].counts
    assert "农村低收入人口" not in v.facts["hired_poor_count"].counts
    from policies.model import FACTS_FILE
    bad = tmp_path / "facts.yaml"
    bad.write_text(FACTS_FILE.read_text(encoding="utf-8").replace("counts: [脱贫劳动力, 边缘户]", "counts: [脱贫户口]", 1),
                   encoding="utf-8")
    with pytest.raises(PolicyDataError, match="counts unknown categories"):
        load_vocabulary(bad)
