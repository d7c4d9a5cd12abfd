"""The quote checker passes on the real data and catches what it must catch."""
import copy
import filecmp
from pathlib import Path

import pytest
import yaml

from policies.check import SOURCE_DIR, check_all, check_file
from policies.model import DATA_DIR, PolicyDataError, load_all

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "policy-docs"
QY = DATA_DIR / "qianyang-2021-141.yaml"


def test_all_quotes_and_numbers_check_out():
    problems, stats = check_all()
    assert stats["files"] == 5
    assert stats["benefits"] >= 40
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/policy-docs not beside this clone")
def test_vendored_sources_equal_shared_policy_docs():
    for p in SHARED.glob("*.txt"):
        assert filecmp.cmp(p, SOURCE_DIR / p.name, shallow=False), p.name
    assert sorted(x.name for x in SHARED.glob("*.txt")) == sorted(x.name for x in SOURCE_DIR.glob("*.txt"))


def _write(tmp_path, data) -> Path:
    p = tmp_path / QY.name
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return p


@pytest.fixture
def qy():
    return yaml.safe_load(QY.read_text(encoding="utf-8"))


def _job_seeking(data):
    return next(b for b in data["benefits"] if b["id"] == "qy.job_seeking")


def test_checker_catches_a_quote_not_in_the_source(tmp_path, qy):
    _job_seeking(qy)["amount"]["quote"] = "每人每次800元"
    problems, _ = check_file(_write(tmp_path, qy))
    assert any("quote not found" in p.message for p in problems)


def test_checker_catches_a_number_not_in_its_quote(tmp_path, qy):
    _job_seeking(qy)["amount"]["value"] = "800元"   # quote still says 500元
    problems, _ = check_file(_write(tmp_path, qy))
    assert any("800" in p.message and "not in the quote" in p.message for p in problems)


def test_checker_reads_chinese_numerals_in_quotes(tmp_path, qy):
    b = _job_seeking(qy)
    b["eligibility"][2] = {"fact": "contract_months", "at_least": "1年", "quote": "签订不低于一年期限劳动合同的"}
    problems, _ = check_file(_write(tmp_path, qy))
    assert not [p for p in problems if "not in the quote" in p.message]
    b["eligibility"][2]["at_least"] = "2年"
    problems, _ = check_file(_write(tmp_path, qy))
    assert any("not in the quote" in p.message for p in problems)


def test_checker_catches_a_document_item_not_in_the_source(tmp_path, qy):
    _job_seeking(qy)["documents"]["items"].append("户口本原件")
    problems, _ = check_file(_write(tmp_path, qy))
    assert any("document item" in p.message for p in problems)


def test_checker_catches_words_of_a_not_encoded_item_that_are_no_regex(tmp_path, qy):
    item = qy["document"]["not_encoded"][0]
    item["words"] = "讨薪|打官司"
    problems, _ = check_file(_write(tmp_path, qy))
    assert not [p for p in problems if ".words" in p.where]
    item["words"] = "讨薪|(打官司"
    problems, _ = check_file(_write(tmp_path, qy))
    assert any(".words" in p.where for p in problems)


def test_loader_refuses_a_benefit_without_a_quote(tmp_path, qy):
    del _job_seeking(qy)["quote"]
    _write(tmp_path, qy)
    with pytest.raises(PolicyDataError, match="no quote"):
        load_all(tmp_path)


def test_loader_refuses_an_unknown_fact_or_payee(tmp_path, qy):
    bad = copy.deepcopy(qy)
    _job_seeking(bad)["eligibility"][1]["fact"] = "shoe_size"
    _write(tmp_path, bad)
    with pytest.raises(PolicyDataError, match="unknown fact"):
        load_all(tmp_path)
    bad = copy.deepcopy(qy)
    _job_seeking(bad)["payee"] = "mayor"
    _write(tmp_path, bad)
    with pytest.raises(PolicyDataError, match="unknown payee"):
        load_all(tmp_path)
