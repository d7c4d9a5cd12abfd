"""Ledgers written as villages keep them (tests/ledger/messy.py): read without rejecting the file, households counted
right, categories and start dates read for at least 95% of the people, and the rows that are not people skipped."""
from __future__ import annotations

import pytest

import ledger
from ledger.columns import match_lines, read_overrides, suggest_columns

from . import messy


@pytest.fixture(scope="module", params=sorted(messy.MAKERS))
def checked(request, tmp_path_factory):
    path, truth = messy.MAKERS[request.param](tmp_path_factory.mktemp("messy") / f"{request.param}.xlsx")
    return request.param, ledger.check_ledger(path, messy.AS_OF), truth


def test_messy_ledgers_are_read(checked):
    name, rep, truth = checked
    got = messy.measure(rep, truth)
    assert got["households"] == truth.households, got
    assert got["people"] == len(truth.people), got
    assert got["categories"] >= 0.95 and got["dates"] >= 0.95, got
    assert not any("docs/" in p.message or ".xlsx" in p.message for p in rep.problems)


def test_rows_that_are_not_people_are_skipped_and_said(checked):
    name, rep, truth = checked
    skipped = [n.message for n in rep.notices if "已跳过" in n.message]
    assert any("合计行" in m for m in skipped), skipped
    if name != "qianyang_householders":
        assert any("签字行" in m for m in skipped), skipped
    assert all(p.name in truth.people for p in rep.people)


def test_merged_cells_are_carried_down(tmp_path):
    path, truth = messy.qianyang_village(tmp_path / "q.xlsx")
    rep = ledger.check_ledger(path, messy.AS_OF)
    second = [p for p in rep.people if p.household == rep.people[0].household]
    assert len(second) == 2 and second[1].categories == ["脱贫劳动力"]          # 人员类型 merged over the household
    assert second[1].place_label.startswith("陕西省宝鸡市千阳县")                    # 住址 merged too
    assert second[0].householder == second[1].householder == second[0].name


def test_the_place_in_the_title_serves_a_ledger_without_a_place_column(tmp_path):
    path, truth = messy.changsha_village(tmp_path / "c.xlsx")
    rep = ledger.check_ledger(path, messy.AS_OF)
    assert all(p.place_label.startswith("湖南省长沙市") and p.covered for p in rep.people)


def test_a_job_place_or_months_means_working_and_a_plain_yes_means_signed(tmp_path):
    path, truth = messy.qianyang_village(tmp_path / "q.xlsx")
    rep = ledger.check_ledger(path, messy.AS_OF)
    head = rep.people[0]
    assert head.facts["employed"] is True and head.signed_unknown
    assert "contract_months" not in head.facts
    for p in rep.people:
        for it in p.items:
            assert "已经上班" not in it.status_text or "employed" not in p.facts, (p.name, it.status_text)


def test_column_match_is_suggested_and_can_be_overridden(tmp_path):
    headers = ["序号", "户主", "姓名", "人员类型", "外出时间", "务工时间(月)", "是否签合同", "性别", "乱七八糟"]
    got = {m.header: m.column for m in suggest_columns(headers)}
    assert got == {"序号": "序号", "户主": "户主", "姓名": "姓名", "人员类型": "人员类别", "外出时间": "就业后月数",
                   "务工时间(月)": "务工月数", "是否签合同": "合同期限", "性别": None, "乱七八糟": None}
    lines = match_lines(suggest_columns(headers))
    assert "外出时间 → 就业后月数（同义词）" in lines and "性别 → 核对用不上，不读" in lines
    mapping = tmp_path / "map.txt"
    mapping.write_text("外出时间=忽略\n乱七八糟 = 备注\n", encoding="utf-8")
    over = read_overrides(mapping)
    got = {m.header: m.column for m in suggest_columns(headers, over)}
    assert got["外出时间"] is None and got["乱七八糟"] == "备注"
    mapping.write_text("外出时间=什么列\n", encoding="utf-8")
    with pytest.raises(ValueError, match="不是可用的列名"):
        read_overrides(mapping)


def _item(person, bid):
    return next((i for i in person.items if i.benefit.id == bid), None)


def test_windows_remarks_reasons_and_next_steps(tmp_path):
    path, truth = messy.qianyang_village(tmp_path / "q.xlsx")
    rep = ledger.check_ledger(path, messy.AS_OF)
    fare = "qy.cross_province_transport"
    people = [p for p in rep.people if p.facts.get("work_scope") == "跨省" and _item(p, fare)]
    old = [p for p in people if p.facts["months_since_employment"] > 12 and "已享受" not in p.remark]
    this_year = [p for p in people if p.facts["months_since_employment"] < messy.AS_OF.month - 1 and not p.remark]
    assert old and this_year
    for p in old:        # went out in 2024 or 2025: the window (转移就业当年12月底前) has passed by 2026-11-22; the text
        # does not refuse a late claim ("为了保证当年兑付"), so the office is to say, as the chat says
        it = _item(p, fare)
        assert it.status != "ineligible" and any("已过申请期限" in c and "能否补报" in c for c in it.cautions), p.name
    for p in this_year:
        assert _item(p, fare).status != "ineligible", (p.name, _item(p, fare).status_text)
    had = [p for p in rep.people if "已享受跨省交通补助" in p.remark and _item(p, fare)]
    assert had and all("不要重复申请" in _item(p, fare).status_text for p in had)
    for p in rep.people:
        open_items = [i for i in p.items if i.status != "ineligible"]
        if open_items:
            assert p.next_step and "→ 可领" in p.next_step, p.name
        else:
            assert p.reason, p.name


def test_the_missing_facts_sheet_groups_people(tmp_path):
    from tests.batch.ledgers import sheet_rows

    path, truth = messy.changsha_village(tmp_path / "c.xlsx")
    rep = ledger.check_ledger(path, messy.AS_OF)
    ledger.write_xlsx(rep, tmp_path / "r.xlsx")
    rows = sheet_rows(tmp_path / "r.xlsx", "待补情况")
    assert rows[0][:3] == ["缺的情况", "要问的话", "台账列"]
    waiting = {p.name for p in rep.people if any(i.status == "unknown" for i in p.items)}
    assert waiting and {r[4] for r in rows[1:]} == waiting
    groups = [r[0] for r in rows[1:]]
    assert groups == sorted(groups, key=groups.index)            # each group's rows together


def test_the_cli_prints_the_match_and_takes_a_mapping_file(tmp_path):
    from tests.batch.test_cli import run

    path, truth = messy.qianyang_village(tmp_path / "村台账.xlsx")
    code, out, err = run(path, "-o", tmp_path / "r.xlsx", "--as-of", "2026-11-22")
    assert code == 0, err
    assert "外出时间 → 就业后月数（同义词）" in out and "务工时间(月) → 务工月数（按字面）" in out
    assert "共40户47人" in out
    (tmp_path / "对应.txt").write_text("外出时间=忽略\n备注=忽略\n", encoding="utf-8")
    code, out, err = run(path, "-o", tmp_path / "r2.xlsx", "--as-of", "2026-11-22", "--columns", tmp_path / "对应.txt")
    assert code == 0, err
    assert "外出时间 → 按您的指定不读" in out
    (tmp_path / "坏.txt").write_text("外出时间=乱写\n", encoding="utf-8")
    code, out, err = run(path, "-o", tmp_path / "r3.xlsx", "--columns", tmp_path / "坏.txt")
    assert code == 2 and "不是可用的列名" in err


def test_ids_stored_as_numbers_are_one_remark_for_the_column(tmp_path):
    path, truth = messy.qianyang_village(tmp_path / "q.xlsx")
    rep = ledger.check_ledger(path, messy.AS_OF)
    ids = [p.message for p in rep.problems if p.column == "身份证号"]
    assert ids == ["身份证号有47行（第4～50行）被存成了数字，后几位可能已经丢失：请把这一列设成“文本”后重新录入；打码照常，核对不受影响"]
    assert all(p.id_masked.startswith("610328********") for p in rep.people)
