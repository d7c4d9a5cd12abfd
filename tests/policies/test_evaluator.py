"""Evaluator semantics on the real data: three-valued logic, ranking, exclusions, validity, bad input."""
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from policies import ELIGIBLE, INELIGIBLE, UNKNOWN, evaluate
from policies.evaluator import Profile, fmt_money
from policies.model import default_policies
from policies.render import benefit_card, explain

ROOT = Path(__file__).resolve().parents[2]
IN_FORCE = dt.date(2024, 6, 1)
TODAY = dt.date(2026, 11, 22)
WORKER = {"category": ["脱贫劳动力"], "employed": True, "contract_months": 12, "months_since_employment": 2}


def test_eligible_worker_gets_500_yuan_paid_to_the_worker():
    # 500元 is for those who are not 高校毕业生 (for 脱贫家庭 graduates: 按省市有关规定执行, 二、（一）1)
    r = evaluate(dict(WORKER, not_category=["高校毕业生"]), "千阳县", as_of=IN_FORCE).by_id("qy.job_seeking")
    assert (r.status, r.amount.value, r.benefit.payee, r.ended) == (ELIGIBLE, 500, "worker", False)


def test_aliases_of_the_category_count():
    for word in ("脱贫户", "建档立卡户", "贫困户"):
        facts = dict(WORKER, category=[word])
        assert evaluate(facts, "千阳", as_of=IN_FORCE).by_id("qy.job_seeking").status == ELIGIBLE


def test_boundary_of_the_contract_length_and_the_window():
    assert evaluate(dict(WORKER, contract_months=11), "千阳", as_of=IN_FORCE).by_id("qy.job_seeking").status == INELIGIBLE
    assert evaluate(dict(WORKER, months_since_employment=6), "千阳", as_of=IN_FORCE).by_id("qy.job_seeking").status == ELIGIBLE
    late = evaluate(dict(WORKER, months_since_employment=7), "千阳", as_of=IN_FORCE).by_id("qy.job_seeking")
    assert late.status == INELIGIBLE and late.deadline_passed


def test_unknown_facts_are_reported_not_assumed():
    r = evaluate({"category": ["脱贫劳动力"]}, "千阳", as_of=IN_FORCE).by_id("qy.job_seeking")
    assert r.status == UNKNOWN
    assert "contract_months" in r.missing
    # an application window whose date is not said is stated with the answer, not asked (policies/model.PRESUMED)
    assert "months_since_employment" in {f for o in r.presumed for f in o.facts}
    late = evaluate({"category": ["脱贫劳动力"], "contract_months": 12, "months_since_employment": 8}, "千阳",
                    as_of=IN_FORCE).by_id("qy.job_seeking")
    assert late.status == "ineligible" and late.deadline_passed            # a date said still decides


def test_missing_facts_are_ranked_by_how_many_benefits_they_decide():
    ev = evaluate({}, "千阳", as_of=IN_FORCE)
    ranked = [f for f, _ in ev.missing_ranked]
    assert ranked[0] == "category"          # decides the most benefits of 千阳
    counts = dict(ev.missing_ranked)
    assert counts["category"] >= counts.get("contract_months", 0)


def test_ended_policy_is_flagged_and_says_so():
    ev = evaluate(WORKER, "千阳", as_of=TODAY)
    r = ev.by_id("qy.job_seeking")
    assert r.ended
    card = benefit_card(r, TODAY)
    assert "已于2025年12月31日到期" in card and "确认" in card


def test_documents_without_end_date_say_so_and_count_as_ended_today():
    for place in ("安康", "绥化", "海南"):
        ev = evaluate({}, place, as_of=TODAY)
        assert ev.results and all(r.ended for r in ev.results), place
        assert "文件未写明执行期限" in benefit_card(ev.results[0], TODAY)


def test_every_document_is_ended_today():
    ev = evaluate({}, None, as_of=TODAY)
    assert ev.results and all(r.ended for r in ev.results)


def test_place_without_policy_gives_no_numbers():
    ev = evaluate(WORKER, "广东省深圳市", as_of=IN_FORCE)
    assert ev.results == [] and ev.documents == []
    text = explain(ev)
    assert "暂未收录" in text and "元" not in text


def test_same_year_exclusion_of_job_seeking_and_job_referral():
    facts = dict(WORKER, received_this_year=["qy.job_referral"])
    r = evaluate(facts, "千阳", as_of=IN_FORCE).by_id("qy.job_seeking")
    assert r.status == INELIGIBLE and any("不能同时享受" in x for x in r.reasons)


def test_once_a_year():
    facts = dict(WORKER, received_this_year=["qy.job_seeking"])
    assert evaluate(facts, "千阳", as_of=IN_FORCE).by_id("qy.job_seeking").status == INELIGIBLE


def test_community_factory_and_base_are_never_both():
    policies = default_policies()
    partners = [o for o, _, _ in policies.exclusive_partners("qy.community_factory_post")]
    assert "qy.employment_base_award" in partners


@pytest.mark.parametrize("facts", [
    {"contract_months": "abc"}, {"contract_months": -3}, {"employed": "maybe"}, {"category": ["外星人"]},
    {"shoe_size": 3}, {"class_employment_rate": 500},
])
def test_bad_input_is_a_clear_chinese_message(facts):
    with pytest.raises(ValueError) as e:
        Profile.from_facts(facts)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(e.value))


def test_numbers_in_chinese_are_read():
    p = Profile.from_facts({"contract_months": "十二", "transport_cost": "三百二"})
    assert p.facts["contract_months"] == 12 and p.facts["transport_cost"] == 320
    assert p.facts["labor_contract_signed"] is True   # derived: a contract of 12 months was signed


def test_money_format():
    assert [fmt_money(x) for x in (500, 300000, 2500, 10000000, 12.5)] == ["500元", "30万元", "2500元", "1000万元", "12.5元"]


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "policies", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_cli_list_json_has_the_audit_fields():
    out = _cli("list", "--json")
    assert out.returncode == 0, out.stderr
    items = json.loads(out.stdout)
    assert len(items) == len(default_policies().benefits)
    for it in items:
        for key in ("id", "name", "document_no", "jurisdiction", "valid_from", "valid_to", "payee", "quotes", "documents"):
            assert key in it, key
        assert it["quotes"], it["id"]


def test_cli_explain_prints_the_chinese_answer():
    out = _cli("explain", "--place", "千阳县", "--fact", "身份=脱贫劳动力", "--fact", "合同月数=12",
               "--fact", "employed=是", "--fact", "就业月数=2", "--topic", "job_seeking", "--as-of", "2024-06-01")
    assert out.returncode == 0, out.stderr
    assert "500元" in out.stdout and "千人社发〔2021〕141号" in out.stdout


def test_cli_bad_fact_is_a_message_not_a_traceback():
    out = _cli("explain", "--place", "千阳", "--fact", "合同月数=很久")
    assert out.returncode == 2 and "Traceback" not in out.stderr and "数字" in out.stderr


# ----------------------------------------------------------------------------------------------- review fixes
def test_the_factory_share_question_counts_only_poor_labour_the_workshop_share_both():
    facts = default_policies().vocab.facts
    factory = facts["poor_staff_one_third"].question + facts["hired_poor_count"].question
    assert "或农村低收入人口" not in factory and "不算" in factory
    workshop = facts["poor_low_income_staff_one_third"].question + facts["hired_poor_low_income_count"].question
    assert "脱贫人口和农村低收入人口" in workshop
    rules = {c.fact for b in ("qy.community_factory_rent", "qy.heritage_workshop_rent")
             for c in default_policies().benefits[b].eligibility}
    assert {"poor_staff_one_third", "poor_low_income_staff_one_third"} <= rules


def test_poor_share_reaching_a_third_carries_over_to_the_wider_count_but_not_back():
    p = Profile.from_facts({"staff_total": 30, "hired_poor_count": 10})
    assert p.facts["poor_staff_one_third"] is True and p.facts["poor_low_income_staff_one_third"] is True
    p = Profile.from_facts({"staff_total": 30, "hired_poor_low_income_count": 10})
    assert p.facts["poor_low_income_staff_one_third"] is True and "poor_staff_one_third" not in p.facts


def test_an_open_list_leaves_others_unknown_and_needs_any_of(tmp_path):
    from policies.model import PolicyDataError, load_document, load_vocabulary

    r = evaluate({"category": ["退役军人"], "category_exhaustive": True, "first_business": True,
                  "business_type": "个体工商户", "months_since_registration": 7, "operating_normally": True},
                 "绥化市", as_of=dt.date(2019, 9, 1)).by_id("sh.startup_subsidy")
    assert r.status == UNKNOWN and r.missing == ["category"]
    src = (ROOT / "policies" / "data" / "suihua-2019-18.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "suihua-2019-18.yaml"
    bad.write_text(src.replace("none_of: [机关事业单位, 人力资源服务机构]",
                               "none_of: [机关事业单位, 人力资源服务机构]\n        open: true"), encoding="utf-8")
    with pytest.raises(PolicyDataError, match="open: true goes with any_of"):
        load_document(bad, load_vocabulary())


def test_unnamed_payee_is_worded_as_not_stated_on_every_surface():
    from policies.render import payee_line, payee_text

    b = default_policies().benefits["hi.skill_appraisal"]
    for role in ("worker", "employer", None):
        said = payee_text(b, role)
        assert said.startswith("文件未写明钱发给谁，请向") and said.endswith("确认"), said
        card = payee_text(b, role, style="card")
        assert "文件未写明" in card and "不是发给来电人个人" not in card and "钱发给：" not in card
    assert payee_line(b).startswith("钱发给谁：文件未写明")


def test_money_passed_on_by_the_intern_unit_is_the_trainees_without_being_paid_to_them_directly():
    from policies.render import payee_text

    b = default_policies().benefits["qy.internship"]
    said = payee_text(b, "worker")
    assert "见习单位" in said and "见习人员" in said and "不是发给您个人" not in said and "您本人" not in said
    assert "不是发给来电人个人" not in payee_text(b, "worker", style="card")


def test_no_amount_in_the_text_is_marked_unstated():
    ev = evaluate({"category": ["脱贫劳动力"], "work_scope": "跨省"}, "湖南省", as_of=dt.date(2018, 3, 1))
    r = ev.by_id("hn.transport_subsidy")
    assert r.status == ELIGIBLE and r.amount.value is None and r.amount.unstated and "文件未写明金额" in r.amount.text
    assert not ev.by_id("hn.post_subsidy").amount.unstated


def test_a_newspaper_date_is_shown_as_published_not_issued():
    from policies.render import validity_line

    doc = default_policies().by_doc["hainan-2016-labor-export"]
    assert doc.issued is None and doc.published == dt.date(2016, 10, 17)
    line = validity_line(doc, TODAY)
    assert "刊发：2016年10月17日" in line and "印发：" not in line and "文件未写明执行期限" in line
    assert "印发：2016年6月17日" in validity_line(default_policies().by_doc["ankang-2016-74"], TODAY)


@pytest.mark.parametrize("facts", [
    {"case_groups": "x"}, {"case_groups": [[1, "x"]]}, {"case_groups": [[2, {"key_industry_catalog": "maybe"}]]},
    {"course_facts": [1]}, {"course_facts": {"SYB": {"training_hours": "abc"}}}, {"course_facts": {"外星课": {}}},
])
def test_groups_and_courses_that_cannot_be_read_are_left_out_not_a_traceback(facts):
    p = Profile.from_facts(facts)
    assert p.case_groups == [] and p.course_facts == {}


def test_a_kind_no_case_names_gets_every_case_with_the_fact_that_picks_one():
    # 绥化 一次性创业补贴: 创办企业10000元、从事个体经营5000元; a 家庭农场 may be registered as either
    facts = {"category": ["脱贫劳动力"], "business_type": "家庭农场", "first_business": True,
             "months_since_registration": 20, "operating_normally": True}
    a = evaluate(facts, "望奎县", as_of=IN_FORCE).by_id("sh.startup_subsidy").amount
    assert a.range == (5000, 10000) and a.value is None
    assert "10000元" in a.text.replace("1万元", "10000元") and "5000元" in a.text and "创业形式" in a.text
    one = evaluate(dict(facts, business_type="个体工商户"), "望奎县", as_of=IN_FORCE).by_id("sh.startup_subsidy").amount
    assert one.value == 5000 and one.range is None


def test_a_minimum_head_count_is_met_by_those_counted_only():
    # 千阳 就业帮扶基地 奖补: 新吸纳…至少10人; 11 hired, 3 of them on a half-year contract, leaves 8
    facts = {"category": ["脱贫劳动力", "农村低收入人口"], "employer_type": "就业帮扶基地", "employer_recognized": True,
             "new_hires": 11, "contract_months": 12}
    assert evaluate(facts, "千阳县", as_of=IN_FORCE).by_id("qy.employment_base_award").status == ELIGIBLE
    short = dict(facts, counted_not={"qy.employment_base_award": [3, "只签了半年"]})
    r = evaluate(short, "千阳县", as_of=IN_FORCE).by_id("qy.employment_base_award")
    assert r.status == INELIGIBLE and r.amount.value == 16000
