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
    r = evaluate(WORKER, "千阳县", as_of=IN_FORCE).by_id("qy.job_seeking")
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
    assert {"contract_months", "months_since_employment"} <= set(r.missing)


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
