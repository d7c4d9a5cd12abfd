"""Formula injection through the village ledger report (the ledger package: ledger/writers.py, ledger/checklists.py).

A ledger cell such as `-2+3+cmd|' /C calc'!A0` or `=HYPERLINK(...)` must reach the report as text: in the CSV files
a cell starting with = + - @ (or their full-width forms), a tab or a carriage return gets a leading ' unless it is a
plain number; the XLSX report writes every text as an inline string (never a formula); the HTML checklist escapes
everything from the ledger."""
from __future__ import annotations

import csv
import re
import zipfile

import openpyxl
import pytest

import ledger
from tests.batch.ledgers import AS_OF, person, write_xlsx

DDE = "-2+3+cmd|' /C calc'!A0"
HYPERLINK = '=HYPERLINK("http://e.x","点")'
AT = "@SUM(1+1)*cmd|' /C calc'!A0"
PLUS = "+1+cmd|' /C notepad'!A0"
TAB = "\t=1+1"
FW = "＝1+1"
PAYLOADS = [DDE, HYPERLINK, AT, PLUS, TAB, FW]


@pytest.mark.parametrize("value", [DDE, HYPERLINK, AT, PLUS, TAB, "\r=1+1", "\n=1+1", " =1+1", "　=1+1", FW, "－1+1",
                                   "＋1", "＠x", "-", "-x", "+", "=", "@", "-1e5+1"])
def test_formula_looking_cells_become_text(value):
    assert ledger.csv_safe(value) == "'" + value


@pytest.mark.parametrize("value", [-5, 3.5, 0, "-5", "3.5", "+3", "-0.5", ".5", "1e5", "张三", "千阳县", "500元",
                                   "第3行 合同期限“=1+1”看不懂", "'=already quoted"])
def test_plain_numbers_and_ordinary_text_stay(value):
    assert ledger.csv_safe(value) == value


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    d = tmp_path_factory.mktemp("inj")
    rows = [person(户号=DDE, 姓名=HYPERLINK, 备注=AT, 就业状态="已就业", 就业地="外省", 合同期限="1年", 交通费="680"),
            person(户号="H2", 姓名=PLUS, 户籍地=FW, 合同期限="=1+2", 备注=TAB),
            person(户号="H3", 姓名="<img src=x onerror=alert(1)>", 备注='"><script>alert(1)</script>', 户籍地="-1+1")]
    path = write_xlsx(d / "台账.xlsx", rows)
    rep = ledger.check_ledger(path, AS_OF)
    ledger.write_xlsx(rep, d / "r.xlsx")
    ledger.write_html(rep, d / "c.html")
    files = ledger.write_csv(rep, d / "r.csv")
    return {"rep": rep, "dir": d, "csv": files, "xlsx": d / "r.xlsx", "html": (d / "c.html").read_text("utf-8")}


def _csv_cells(path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [c for row in csv.reader(f) for c in row]


def test_no_csv_cell_can_start_a_formula(report):
    dangerous = re.compile(r"^[\s\u3000]*[=+\-@＝＋－＠]|^[\t\r\n]")
    plain = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
    seen = set()
    for path in report["csv"]:
        for cell in _csv_cells(path):
            assert not (dangerous.match(cell) and not plain.fullmatch(cell)), (path.name, cell)
            seen.add(cell)
    # the payloads are there, as text
    for p in (DDE, HYPERLINK, AT, PLUS, FW):
        assert "'" + p in seen, p
    assert "'=1+1" in seen                               # the tab-led remark: the reader strips the tab


def test_csv_numbers_stay_numbers(report):
    with open(report["csv"][0], encoding="utf-8-sig", newline="") as f:
        recs = list(csv.DictReader(f))
    assert recs[0]["行号"] == "2" and recs[0]["金额（元）1"] == "500"


def test_the_problem_sheet_quotes_a_formula_typed_into_a_cell(report):
    cells = _csv_cells(report["csv"][2])
    assert "'=1+2" in cells                              # 填的内容（已打码） of 合同期限 "=1+2"


def test_xlsx_writes_every_text_as_an_inline_string_never_a_formula(report):
    with zipfile.ZipFile(report["xlsx"]) as z:
        sheets = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any("<f>" in s or "<f " in s for s in sheets)
    wb = openpyxl.load_workbook(report["xlsx"])
    try:
        found = {}
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if isinstance(c.value, str) and c.value in PAYLOADS:
                        found[c.value] = c.data_type
    finally:
        wb.close()
    assert set(found) >= {DDE, HYPERLINK, AT, PLUS}, found
    assert set(found.values()) == {"s"}                  # text, not "f" (formula)


def test_html_escapes_the_ledger_text(report):
    h = report["html"]
    assert "<img" not in h and "<script>" not in h and "&lt;img src=x onerror=alert(1)&gt;" in h
    assert "alert(1)</script>" not in h                   # 备注 is the officer's: not on the household's page
    assert "=HYPERLINK(&#34;http://e.x&#34;,&#34;点&#34;)" in h
