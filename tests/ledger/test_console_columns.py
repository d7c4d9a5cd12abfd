"""The console's ledger upload with the officer's column match (bot/console/ledger.py): the suggested match comes
back with the result, a changed match is applied, and it is remembered for the next upload — in this process and in
the separate, limited process the console really uses (bot/console/batchjob.py)."""
from __future__ import annotations

import asyncio

from bot.console import ledger as console_ledger

from . import messy


def test_a_changed_match_is_applied_and_remembered(tmp_path):
    path, truth = messy.qianyang_village(tmp_path / "村台账.xlsx")
    data = path.read_bytes()
    runner = console_ledger.BatchRunner(tmp_path / "work", columns_file=tmp_path / "columns.json")
    first = runner.run("村台账.xlsx", data, messy.AS_OF)
    got = {h: c for h, c, _ in first.matches}
    assert got["外出时间"] == "就业后月数" and got["人员类型"] == "人员类别"
    assert "忽略" in first.column_choices and "户主" in first.column_choices

    form = {"csrf": "x", "col:外出时间": "忽略", "col:人员类型": "乱填的列", "other": "1"}
    columns = console_ledger.columns_from_form(form)
    assert columns == {"外出时间": "忽略"}                     # only our columns (or 忽略) are taken
    second = runner.run("村台账.xlsx", data, messy.AS_OF, columns)
    assert {h: (c, how) for h, c, how in second.matches}["外出时间"] == (None, "您指定")

    # the next upload, in the console's separate process, without the form: the match is remembered
    again = console_ledger.BatchRunner(tmp_path / "work2", columns_file=tmp_path / "columns.json")
    third = asyncio.run(again.run_isolated("村台账.xlsx", data, messy.AS_OF))
    assert {h: (c, how) for h, c, how in third.matches}["外出时间"] == (None, "您指定")
    assert any("共40户47人" in line for line in third.head)
    assert not any("qy." in str(c) for r in third.summary_rows for c in r)


def test_the_result_page_offers_the_match_to_change(tmp_path):
    from bot.console import web

    path, truth = messy.changsha_village(tmp_path / "台账.xlsx")
    runner = console_ledger.BatchRunner(tmp_path / "work", columns_file=tmp_path / "columns.json")
    res = runner.run("台账.xlsx", path.read_bytes(), messy.AS_OF)
    body = web.render("batch.html", error=None, operator="王芳", csrf="c", result=res, available=True,
                      unavailable=None, as_of="2026-11-22", max_mb=5, max_rows=50000).body.decode()
    assert 'id="batch-columns-form"' in body and body.count("<select") == len(res.matches)
    assert '<select name="col:外出务工时间">' in body and "就业后月数（同义词）" in body
    assert "qy." not in body and "hn." not in body and "docs/" not in body
