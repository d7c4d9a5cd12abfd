"""Malformed ledgers: the whole file (clear Chinese error) and single cells (reported per row, never a crash)."""
import datetime as dt
import re
import zipfile

import openpyxl
import pytest

import ledger
from ledger import LedgerError
from policies.evaluator import ELIGIBLE, UNKNOWN

from .ledgers import AS_OF, HEADERS, item, person, sheet_rows, write_csv, write_xlsx


# ----------------------------------------------------------------------------------------------- whole file
def test_empty_files(tmp_path):
    (tmp_path / "a.xlsx").write_bytes(b"")
    (tmp_path / "a.csv").write_bytes(b"")
    (tmp_path / "bom.csv").write_bytes(b"\xef\xbb\xbf\r\n")
    wb = openpyxl.Workbook()
    wb.save(tmp_path / "blank.xlsx")
    for name in ("a.xlsx", "a.csv", "bom.csv", "blank.xlsx"):
        with pytest.raises(LedgerError, match="台账是空的"):
            ledger.read_ledger(tmp_path / name)


def test_header_only(tmp_path):
    with pytest.raises(LedgerError, match="只有表头，没有人员数据"):
        ledger.read_ledger(write_xlsx(tmp_path / "h.xlsx", []))
    with pytest.raises(LedgerError, match="只有表头"):
        ledger.read_ledger(write_csv(tmp_path / "h.csv", [], "utf-8-sig"))


def test_wrong_headers_name_what_is_expected(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", [{"name": "x", "age": 3}], headers=["name", "age", "phone"])
    with pytest.raises(LedgerError) as e:
        ledger.read_ledger(path)
    msg = str(e.value)
    assert "表头不对" in msg and "户号" in msg and "姓名" in msg and "户籍地" in msg and "name" in msg


def test_a_missing_place_column_never_rejects_the_file(tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", [{"户号": "1", "姓名": "甲", "人员类别": "脱贫户"}],
                      headers=["户号", "姓名", "人员类别"])
    rep = ledger.check_ledger(path, AS_OF)
    assert any("台账没有“户籍地”列" in n.message for n in rep.notices)
    assert [x.message for x in rep.people[0].problems] == ["第2行 户籍地为空，无法确定用哪里的政策"]
    assert not any("docs/" in x.message for x in rep.problems)


def test_not_a_spreadsheet(tmp_path):
    (tmp_path / "x.xlsx").write_bytes(b"this is not a zip file at all")
    with pytest.raises(LedgerError, match="打不开"):
        ledger.read_ledger(tmp_path / "x.xlsx")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(LedgerError, match="另存为"):
        ledger.read_ledger(tmp_path / "old.xls")
    with pytest.raises(LedgerError, match="找不到台账文件"):
        ledger.read_ledger(tmp_path / "nope.xlsx")


def test_title_rows_above_the_header_and_extra_columns(tmp_path):
    path = write_xlsx(tmp_path / "t.xlsx", [person(序号=1)], headers=["序号"] + HEADERS,
                      title_rows=[["某某村就业信息台账（2026年）"], []])
    led = ledger.read_ledger(path)
    assert [r.line for r in led.rows] == [4]          # the row number the officer sees in Excel
    assert next(m for m in led.matches if m.header == "序号").column == "序号"    # a household column of villages


def test_missing_optional_columns_are_noted_not_fatal(tmp_path):
    path = write_xlsx(tmp_path / "o.xlsx", [{"户号": "1", "姓名": "甲", "户籍地": "千阳"}], headers=["户号", "姓名", "户籍地"])
    rep = ledger.check_ledger(path, AS_OF)
    assert any("台账没有“合同期限”列" in n.message for n in rep.notices)
    assert rep.people[0].coverage.startswith("千人社发〔2021〕141号")


# ----------------------------------------------------------------------------------------------- single cells
def test_unreadable_contract_is_reported_and_the_row_still_evaluated(tmp_path):
    rows = [person(), person(), person(), person(姓名="李四", 就业状态="已就业", 就业地="外省", 合同期限="很久", 交通费="680")]
    rep = ledger.check_ledger(write_xlsx(tmp_path / "c.xlsx", rows), AS_OF)
    p = rep.people[3]
    assert [x.message for x in p.problems] == ["第5行 合同期限“很久”看不懂，按未知处理"]
    assert item(p, "qy.cross_province_transport").amount_value == 500
    assert item(p, "qy.job_seeking").status == UNKNOWN


def test_a_10000_character_cell(tmp_path):
    huge = "很" * 10000
    rows = [person(姓名=huge, 合同期限=huge, 备注=huge, 户籍地="千阳县", 就业地=huge, 人员类别="脱贫户"),
            person(户号="H2", 户籍地=huge)]
    path = write_xlsx(tmp_path / "big.xlsx", rows)
    rep = ledger.check_ledger(path, AS_OF)
    a, b = rep.people
    msgs = " ".join(x.message for x in a.problems)
    assert "姓名太长（共10000字）" in msgs and "备注太长" in msgs and "合同期限" in msgs and "看不懂" in msgs
    assert len(a.name) <= ledger.MAX_NAME + 1 and len(a.remark) <= ledger.MAX_REMARK + 1
    assert b.coverage.startswith("暂未收录该地政策")
    out = tmp_path / "r.xlsx"
    ledger.write_xlsx(rep, out)
    ledger.write_html(rep, tmp_path / "r.html")
    assert huge[:300] not in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert all(len(str(v)) < 2000 for r in sheet_rows(out, "问题") for v in r if v)


def _with_cached_value(path, cell_ref: str, value: str):
    """Give a formula cell the value Excel would have saved (openpyxl cannot write one)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    name = "xl/worksheets/sheet1.xml"
    xml = parts[name].decode()
    xml, n = re.subn(rf'(<c r="{cell_ref}"[^>]*>)<f>([^<]*)</f><v\s*/?>(?:</v>)?',
                     rf"\g<1><f>\g<2></f><v>{value}</v>", xml)
    assert n == 1, xml[:500]
    parts[name] = xml.encode()
    with zipfile.ZipFile(path, "w") as z:
        for k, v in parts.items():
            z.writestr(k, v)


def test_formulas_use_the_saved_value_or_are_reported(tmp_path):
    rows = [person(姓名="有结果", 就业状态="已就业", 就业地="外省", 交通费="=340*2"),
            person(姓名="无结果", 就业状态="已就业", 就业地="外省", 交通费="=SUM(1,2)")]
    path = write_xlsx(tmp_path / "f.xlsx", rows)
    col = openpyxl.utils.get_column_letter(HEADERS.index("交通费") + 1)
    _with_cached_value(path, f"{col}2", "680")
    rep = ledger.check_ledger(path, AS_OF)
    saved, unsaved = rep.people
    assert item(saved, "qy.cross_province_transport").amount_value == 500
    assert not saved.problems
    assert any("公式" in x.message and "没有保存计算结果" in x.message for x in unsaved.problems)
    assert item(unsaved, "qy.cross_province_transport").status == ELIGIBLE
    assert item(unsaved, "qy.cross_province_transport").amount_value is None   # fare unknown → not counted


def test_numbers_stored_as_text_as_numbers_and_full_width(tmp_path):
    rows = [person(姓名="文本", 就业状态="已就业", 就业地="外省", 交通费="680", 合同期限="12", 就业后月数="2"),
            person(姓名="数字", 就业状态="已就业", 就业地="外省", 交通费=680, 合同期限=12, 就业后月数=2.0),
            person(姓名="全角", 就业状态="已就业", 就业地="外省", 交通费="６８０元", 合同期限="１年", 就业后月数="２个月"),
            person(姓名="裸数字", 就业状态="已就业", 就业地="外省", 合同期限=1, 就业后月数=2)]
    rep = ledger.check_ledger(write_xlsx(tmp_path / "n.xlsx", rows), AS_OF)
    for p in rep.people[:3]:
        assert item(p, "qy.cross_province_transport").amount_value == 500, p.name
        assert item(p, "qy.job_seeking").status == ELIGIBLE, p.name
        assert not p.problems, (p.name, p.problems)
    bare = rep.people[3]
    assert any("没写单位，按1个月处理" in x.message for x in bare.problems)
    assert "1年" in item(bare, "qy.job_seeking").status_text       # 1 month < 1 year: not eligible, says why


def test_dates_in_cells(tmp_path):
    rows = [person(姓名="上班日期", 就业状态="已就业", 就业地="外省", 合同期限="1年", 就业后月数=dt.date(2026, 9, 15)),
            person(姓名="日期合同", 就业状态="已就业", 就业地="外省", 合同期限=dt.datetime(2026, 1, 12), 交通费=dt.date(2026, 3, 1)),
            person(姓名="未来日期", 就业状态="已就业", 就业地="外省", 就业后月数=dt.date(2027, 1, 1))]
    rep = ledger.check_ledger(write_xlsx(tmp_path / "d.xlsx", rows), AS_OF)
    start, contract, future = rep.people
    assert item(start, "qy.job_seeking").status == ELIGIBLE            # 2026-09-15 → 2 months before 2026-11-22
    assert start.facts["months_since_employment"] == 2 and not start.problems    # a start date is what it holds
    msgs = [x.message for x in contract.problems]
    assert any(m.startswith("第3行 合同期限“2026-01-12”是日期") for m in msgs)
    assert any(m.startswith("第3行 交通费“2026-03-01”是日期") for m in msgs)
    assert any("在核对日2026-11-22之后" in x.message for x in future.problems)


def test_booleans_and_yes_no_words(tmp_path):
    rows = [person(姓名="TRUE", 子女就读技校=True, 就业状态="未就业"), person(姓名="勾", 子女就读技校="√", 就业状态="未就业"),
            person(姓名="否", 子女就读技校=False, 就业状态="未就业"), person(姓名="乱填", 子女就读技校="也许", 就业状态="未就业")]
    rep = ledger.check_ledger(write_xlsx(tmp_path / "b.xlsx", rows), AS_OF)
    t, v, f, bad = rep.people
    assert item(t, "qy.yulu_technical_school").amount_value == 3000
    assert item(v, "qy.yulu_technical_school").amount_value == 3000
    assert item(f, "qy.yulu_technical_school") is None
    assert bad.problems[0].message == "第5行 子女就读技校“也许”应填“是”或“否”，看不懂，按未知处理"


def test_household_and_place_carry_down_and_blank_rows_are_skipped(tmp_path):
    rows = [person(户号="A", 户籍地="千阳县"), person(户号=None, 户籍地=None, 姓名="乙"), {},
            person(户号="B", 户籍地="汉阴", 姓名="丙"), person(户号=None, 户籍地=None, 姓名="丁")]
    rep = ledger.check_ledger(write_xlsx(tmp_path / "h.xlsx", rows), AS_OF)
    assert [(p.name, p.household, p.place_label[-3:]) for p in rep.people] == [
        ("张三", "A", "千阳县"), ("乙", "A", "千阳县"), ("丙", "B", "汉阴县"), ("丁", "B", "汉阴县")]
    assert [h for h, _ in rep.households] == ["A", "B"]


def test_control_characters_and_odd_values_do_not_break_the_report(tmp_path):
    rows = [person(姓名="王\x0b五\x00", 备注="a\x1fb", 就业状态=12, 人员类别=3.5, 就业地=dt.date(2026, 1, 1),
                   今年已享受="补贴", 培训类型="很久", 是否参加培训="是", 创业形式="???", 公益岗类型="随便")]
    rep = ledger.check_rows(rows, AS_OF)
    cols = {x.column for x in rep.people[0].problems}
    assert {"就业状态", "人员类别", "就业地", "今年已享受", "培训类型", "创业形式", "公益岗类型"} <= cols
    out = tmp_path / "r.xlsx"
    ledger.write_xlsx(rep, out)
    assert sheet_rows(out, "明细")[1][2] == "王五"


def test_fact_columns_are_named_by_the_one_table_of_fact_names():
    """A fact column's header and its aliases come from policies/normalize.FACT_ALIASES (the CLI reads the same
    table), and a name there never contradicts a fact's label in facts.yaml."""
    from ledger.columns import FACT_COLUMN, FACT_OF, HEADER_LOOKUP
    from policies import default_policies
    from policies.normalize import FACT_ALIASES

    vocab = default_policies().vocab
    for word, fact in FACT_ALIASES.items():
        assert fact in vocab.facts or fact == "received_this_year", (word, fact)
        for other, spec in vocab.facts.items():
            assert spec.label != word or other == fact, (word, fact, other)
    assert FACT_OF["在岗月数"] == "months_on_post" and FACT_OF["务工月数"] == "months_employed"
    for word, fact in FACT_ALIASES.items():
        if fact in FACT_OF.values():
            assert FACT_OF[HEADER_LOOKUP[word]] == fact, word
    assert FACT_COLUMN["unemployed"] == "就业状态" and FACT_COLUMN["contract_months"] == "合同期限"


def test_none_and_yes_no_words_are_the_word_tables():
    rows = [person(姓名="甲", 就业状态="已就业", 就业地="外省", 交通费="不适用", 合同期限="no"),
            person(姓名="乙", 就业状态="没有", 子女就读技校="×", 今年已享受="无")]
    a, b = ledger.check_rows(rows, AS_OF).people
    assert not a.problems and not b.problems
    assert item(a, "qy.cross_province_transport").amount_value == 0              # 不适用: no fare
    assert "1年" in item(a, "qy.job_seeking").status_text                        # no contract: 0 months < 1 year
    assert b.employment_text == "没有" and item(b, "qy.job_seeking") is None     # not working: no job benefits
