"""One cell or one sheet at a time: the date habits of village ledgers (read with the one word table,
policies/normalize.py), a plain 是 in a contract column, and households built without a 户号 column."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

import ledger
from ledger.cells import cell_text, parse_cell
from policies import normalize as nz
from policies.model import default_policies

AS_OF = dt.date(2026, 11, 22)


@pytest.mark.parametrize("text, months", [
    ("2024.3", 32), ("2024年3月", 32), ("24年5月", 30), ("2024/3/15", 32), ("2024-03-15", 32), ("2024.3.15", 32),
    ("2026年2月份", 9), ("今年3月", 8), ("去年10月", 13), ("2023.12", 35),
])
def test_date_habits(text, months):
    assert nz.date_cell_months(text, AS_OF) == months
    got = parse_cell("就业后月数", *cell_text(text), text, AS_OF, default_policies())
    assert got.facts == {"months_since_employment": months} and not got.notes


@pytest.mark.parametrize("raw, months", [(2024.3, 32), (45352, 32), (dt.datetime(2025, 9, 1), 14)])
def test_numbers_and_date_cells_as_start_dates(raw, months):
    got = parse_cell("就业后月数", *cell_text(raw), raw, AS_OF, default_policies())
    assert got.facts == {"months_since_employment": months}


def test_not_dates():
    for text in ("5", "1年", "2024年3月到2025年", "2027.3"):
        assert nz.date_cell_months(text, AS_OF) is None, text
    assert nz.excel_serial_date(45352) == dt.date(2024, 3, 1) and nz.excel_serial_date(12) is None
    later = parse_cell("就业后月数", *cell_text("2027.3"), "2027.3", AS_OF, default_policies())
    assert not later.facts and "之后" in later.notes[0]


def test_a_plain_yes_in_a_contract_column_is_signed_with_the_length_unknown():
    p = default_policies()
    yes = parse_cell("合同期限", *cell_text("是"), "是", AS_OF, p)
    assert yes.facts == {"labor_contract_signed": True} and yes.flag == "signed" and not yes.notes
    no = parse_cell("合同期限", *cell_text("否"), "否", AS_OF, p)
    assert no.facts["contract_months"] == 0
    bare = parse_cell("合同期限", *cell_text("1"), "1", AS_OF, p)      # a bare number is months, with the warning
    assert bare.facts["contract_months"] == 1 and "没写单位" in bare.notes[0]


def _sheet(path, headers, rows, merges=()):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["某县某村务工人员花名册"])
    ws.append(headers)
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


def test_households_by_relation_and_by_merged_serial(tmp_path):
    rel = _sheet(tmp_path / "r.xlsx", ["姓名", "与户主关系", "户籍地", "人员类型"],
                 [["甲", "户主", "千阳县", "脱贫户"], ["乙", "妻", None, "脱贫户"], ["丙", "本人", "千阳县", "一般户"],
                  ["丁", "子", None, "一般户"], ["戊", "户主", "千阳县", "脱贫户"]])
    rep = ledger.check_ledger(rel, AS_OF)
    assert [len(m) for _, m in rep.households] == [2, 2, 1]
    assert rep.people[1].place_label.startswith("陕西省宝鸡市千阳县")          # the household's place holds for all
    serial = _sheet(tmp_path / "s.xlsx", ["序号", "姓名", "户籍地", "身份"],
                    [[1, "甲", "千阳县", "脱贫户"], [None, "乙", None, None], [None, "丙", None, None],
                     [2, "丁", "千阳县", "边缘户"], [3, "戊", "千阳县", "脱贫户"]],
                    merges=["A3:A5", "C3:C5", "D3:D5"])
    rep = ledger.check_ledger(serial, AS_OF)
    assert [len(m) for _, m in rep.households] == [3, 1, 1]
    assert [p.categories for p in rep.people[:3]] == [["脱贫劳动力"]] * 3


def test_a_person_whose_remark_mentions_a_signature_is_still_a_person(tmp_path):
    path = _sheet(tmp_path / "x.xlsx", ["户号", "姓名", "户籍地", "人员类型", "备注"],
                  [[1, "甲", "千阳县", "脱贫户", "本人已签字"], [2, "乙", "千阳县", "脱贫户", "合计两人"],
                   ["合计", None, None, None, None], ["填表人：", "张某", None, "审核人（签字）：", None]])
    rep = ledger.check_ledger(path, AS_OF)
    assert [p.name for p in rep.people] == ["甲", "乙"]
    assert [n.message[:12] for n in rep.notices if "已跳过" in n.message] == ["第5行 是合计行（合计）", "第6行 是签字行（填表人"]


def test_a_number_2024_1_may_have_been_october():
    got = parse_cell("就业后月数", *cell_text(2024.1), 2024.1, AS_OF, default_policies())
    assert got.facts == {"months_since_employment": 34} and "2024年10月" in got.notes[0]
