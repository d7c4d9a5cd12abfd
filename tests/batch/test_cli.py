"""`python -m ledger …`: exit codes and messages; the samples and the template in docs/."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

import ledger

from .ledgers import AS_OF, detail_records, person, sheet_rows, write_csv, write_xlsx

ROOT = Path(__file__).resolve().parents[2]


def run(*args, cwd=ROOT):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    p = subprocess.run([sys.executable, "-m", "ledger", *map(str, args)], cwd=cwd, env=env,
                       capture_output=True, text=True, encoding="utf-8", timeout=120)
    return p.returncode, p.stdout, p.stderr


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli")
    return write_xlsx(d / "台账.xlsx", [
        person(就业状态="已就业", 就业地="外省", 合同期限="1年", 就业后月数="2", 交通费="680"),
        person(户号="H2", 姓名="李四", 户籍地="火星村"),
    ])


def test_report_and_checklists(ledger_file, tmp_path):
    code, out, err = run(ledger_file, "-o", tmp_path / "报告.xlsx", "--as-of", "2026-11-22",
                         "--checklists", tmp_path / "清单.html")
    assert code == 0, err
    assert "共2户2人" in out and "符合2项" in out and "1000元" in out and "已写入" in out
    assert "全部5份政策文件都已到期" in out
    recs = detail_records(tmp_path / "报告.xlsx")
    assert [r["姓名"] for r in recs] == ["张三", "李四"]
    assert recs[1]["适用政策"].startswith("暂未收录该地政策")
    assert (tmp_path / "清单.html").read_text(encoding="utf-8").count('class="household"') == 2


def test_csv_report(ledger_file, tmp_path):
    code, out, err = run(ledger_file, "-o", tmp_path / "报告.csv", "--as-of", "2026-11-22")
    assert code == 0, err
    for name in ("报告.csv", "报告.汇总.csv", "报告.问题.csv"):
        assert (tmp_path / name).exists() and name in out


def test_csv_ledger_in_gbk(tmp_path):
    path = write_csv(tmp_path / "台账.csv", [person(就业状态="已就业", 就业地="外省", 交通费="320")], "gbk")
    code, out, err = run(path, "-o", tmp_path / "r.xlsx", "--as-of", "2026-11-22")
    assert code == 0, err
    assert "320元" in out


@pytest.mark.parametrize("make, args, message", [
    (None, ["不存在.xlsx", "-o", "{t}/r.xlsx"], "找不到台账文件"),
    ("wrong", ["{t}/w.xlsx", "-o", "{t}/r.xlsx"], "表头不对"),
    ("empty", ["{t}/e.csv", "-o", "{t}/r.xlsx"], "台账是空的"),
    ("header", ["{t}/h.xlsx", "-o", "{t}/r.xlsx"], "只有表头"),
    ("good", ["{t}/g.xlsx", "-o", "{t}/r.pdf"], "要以 .xlsx 或 .csv 结尾"),
    ("good", ["{t}/g.xlsx", "-o", "{t}/no/such/dir/r.xlsx"], "输出文件夹不存在"),
    ("good", ["{t}/g.xlsx", "-o", "{t}/g.xlsx"], "不能和台账是同一个文件"),
    ("good", ["{t}/g.xlsx", "-o", "{t}/r.xlsx", "--as-of", "2026-13-01"], "日期应写成 YYYY-MM-DD"),
])
def test_errors_exit_2_with_a_chinese_message(tmp_path, make, args, message):
    if make == "wrong":
        write_xlsx(tmp_path / "w.xlsx", [{"a": 1}], headers=["a", "b"])
    elif make == "empty":
        (tmp_path / "e.csv").write_bytes(b"")
    elif make == "header":
        write_xlsx(tmp_path / "h.xlsx", [])
    elif make == "good":
        write_xlsx(tmp_path / "g.xlsx", [person()])
    code, out, err = run(*[a.format(t=tmp_path) for a in args])
    assert code == 2, (out, err)
    assert message in err
    assert "Traceback" not in err
    if make == "good" and "--as-of" not in args:
        assert not (tmp_path / "r.xlsx").exists()


def test_malformed_cells_still_exit_0(tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", [person(合同期限="很久", 交通费="好多钱", 就业地="火星")])
    code, out, err = run(path, "-o", tmp_path / "r.xlsx", "--as-of", "2026-11-22")
    assert code == 0, err
    assert "输入问题3处" in out
    problems = [r[5] for r in sheet_rows(tmp_path / "r.xlsx", "问题")[1:]]
    assert "第2行 合同期限“很久”看不懂，按未知处理" in problems


# ----------------------------------------------------------------------------------------------- docs/
def test_template_has_every_column_and_reads_cleanly():
    path = ROOT / "docs" / "ledger-template.xlsx"
    assert sheet_rows(path, "台账")[0] == ledger.COLUMN_NAMES
    notes = sheet_rows(path, "填写说明")
    assert [r[0] for r in notes[1:len(ledger.COLUMNS) + 1]] == ledger.COLUMN_NAMES
    rep = ledger.check_ledger(path, AS_OF)
    assert len(rep.people) == 2 and not [p for p in rep.people if p.problems]


def test_samples_are_reproducible_and_up_to_date(tmp_path):
    """docs/sample-* are what scripts/make_batch_samples.py makes now (re-run it after changing the code or data)."""
    p = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_batch_samples.py"), "--out", str(tmp_path)],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    for name in ("ledger-template.xlsx", "sample-ledger.xlsx", "sample-report.xlsx", "sample-checklists.html"):
        assert (tmp_path / name).read_bytes() == (ROOT / "docs" / name).read_bytes(), \
            f"docs/{name} is stale: run .venv/bin/python scripts/make_batch_samples.py"


def test_sample_covers_the_five_places_an_unknown_one_and_bad_cells():
    rep = ledger.check_ledger(ROOT / "docs" / "sample-ledger.xlsx", AS_OF)
    docs = {d.id for p in rep.people for d in p.documents}
    assert docs == {"qianyang-2021-141", "ankang-2016-74", "suihua-2019-18", "hunan-2017-58",
                    "hainan-2016-labor-export"}
    assert any(not p.covered for p in rep.people)
    assert len(rep.problems) >= 5
    assert 10 <= len(rep.people) <= 15 and 5 <= len(rep.households) <= 7
