"""Data-driven cases (tests/policy_cases/*.yaml), written from the source texts independently of the data files."""
import datetime as dt
from pathlib import Path

import pytest
import yaml

from policies import evaluate
from policies.catalogue import default_catalogue
from policies.model import default_policies
from policies.render import amount_line, payee_text, validity_line

CASE_DIR = Path(__file__).resolve().parent.parent / "policy_cases"
CASE_FILES = sorted(p for p in CASE_DIR.glob("*.yaml") if p.name != "places.yaml")


def _load():
    cases = []
    for f in CASE_FILES:
        for i, c in enumerate(yaml.safe_load(f.read_text(encoding="utf-8")) or []):
            cases.append(pytest.param(c, id=f"{f.stem}-{i}-{c.get('name', '')[:40]}"))
    return cases


CASES = _load()


def test_there_are_cases_for_every_document():
    stems = {f.stem for f in CASE_FILES}
    assert {"qianyang", "hunan", "ankang", "suihua", "hainan"} <= stems


def test_every_benefit_has_an_eligible_case():
    policies = default_policies()
    covered = set()
    for p in CASES:
        for bid, exp in (p.values[0].get("expect") or {}).items():
            if exp.get("status") == "eligible":
                covered.add(bid)
    missing = sorted(set(policies.benefits) - covered)
    assert not missing, f"benefits without an eligible case: {missing}"


@pytest.mark.parametrize("case", CASES)
def test_case(case):
    as_of = case.get("as_of")
    if isinstance(as_of, str):
        as_of = dt.date.fromisoformat(as_of)
    facts = dict(case.get("facts") or {})
    if facts.get("category") is not None and "category_exhaustive" not in facts:
        facts["category_exhaustive"] = True   # a case's categories are all the person's categories (unless it says not)
    if case.get("received_this_year"):
        facts["received_this_year"] = case["received_this_year"]
    ev = evaluate(facts, case["place"], as_of=as_of)
    assert ev.documents, f"place {case['place']} resolved to no document"
    for bid, exp in case["expect"].items():
        r = ev.by_id(bid)
        assert r is not None, f"{bid} not evaluated for {case['place']}"
        ctx = f"{bid}: status={r.status} reasons={r.reasons} missing={r.missing} amount={r.amount}"
        if "status" in exp:
            assert r.status == exp["status"], ctx
        if "amount" in exp:
            assert r.amount.value is not None, ctx
            assert r.amount.value == pytest.approx(exp["amount"]), ctx
        if "amount_range" in exp:
            assert r.amount.range is not None, ctx
            assert list(r.amount.range) == pytest.approx(exp["amount_range"]), ctx
        if "up_to" in exp:
            assert r.amount.up_to == exp["up_to"], ctx
        if "payee" in exp:
            assert r.benefit.payee == exp["payee"], ctx
        if "failed" in exp:
            assert exp["failed"] in [f for o in r.failed for f in o.facts], ctx
        if "missing" in exp:
            allmissing = set(r.missing) | set(r.amount.missing)
            assert set(exp["missing"]) <= allmissing, ctx
        if "presumed" in exp:                 # unknown, taken as met and said so (policies/model.PRESUMED)
            assert set(exp["presumed"]) == {f for o in r.presumed for f in o.facts}, ctx
        if "ended" in exp:
            assert r.ended == exp["ended"], ctx
        if "amount_none" in exp:              # the document states no amount: none is given
            assert (r.amount.value is None and r.amount.range is None and r.amount.unstated) == exp["amount_none"], ctx
        for word in exp.get("amount_says") or []:
            assert word in amount_line(r), f"{ctx} amount_line={amount_line(r)}"
        for word in exp.get("amount_never") or []:
            assert word not in amount_line(r), f"{ctx} amount_line={amount_line(r)}"
        if "personal" in exp:                 # the asker receives the money (themselves or passed on to them)
            assert default_catalogue().personal(r.benefit.payee) == exp["personal"], ctx
        for role, words in (exp.get("payee_says") or {}).items():      # the chat's words for this asker
            said = payee_text(r.benefit, role)
            for word in words:
                assert word in said, f"{ctx} payee_text({role})={said}"
        for role, words in (exp.get("payee_never") or {}).items():
            said = payee_text(r.benefit, role)
            for word in words:
                assert word not in said, f"{ctx} payee_text({role})={said}"
        for word in exp.get("validity_says") or []:
            assert word in validity_line(r.document, ev.as_of), f"{ctx} {validity_line(r.document, ev.as_of)}"
        for word in exp.get("validity_never") or []:
            assert word not in validity_line(r.document, ev.as_of), f"{ctx} {validity_line(r.document, ev.as_of)}"
