"""Generate the ledger template and the worked sample of the village officer batch check (docs/).

    .venv/bin/python scripts/make_batch_samples.py [--as-of 2026-11-22] [--out docs]

Writes docs/ledger-template.xlsx (headers, 2 example rows, a 填写说明 sheet), docs/sample-ledger.xlsx (12 people in
6 households: 千阳, 汉阴, 海伦, 长沙, 三亚 and an unknown place, with a few malformed cells), and its outputs
docs/sample-report.xlsx and docs/sample-checklists.html, made by the same code as
`python -m ledger docs/sample-ledger.xlsx -o docs/sample-report.xlsx --as-of 2026-11-22
 --checklists docs/sample-checklists.html`. The .xlsx files get fixed timestamps so a re-run with the same --as-of
gives byte-identical files. All names and ID numbers are invented (the ID numbers have valid check digits).
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import ledger  # noqa: E402
from ledger.__main__ import parse_as_of  # noqa: E402
from ledger.cells import id_checksum_ok  # noqa: E402

FIXED_TIME = (2026, 1, 1, 0, 0, 0)


def fake_id(region: str, birth: str, seq: str) -> str:
    """A made-up ID number with a valid check digit: region (6) + birth date (8) + sequence (3)."""
    body = region + birth + seq
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * k for c, k in zip(body, w)) % 11]


def reproducible(path: Path) -> None:
    """Rewrite an .xlsx with fixed zip timestamps and fixed document dates (openpyxl stamps the save time)."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                              rb"\g<1>2026-01-01T00:00:00Z\g<3>", data)
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


def _sheet(wb, title, headers, rows, widths=None, text_columns=()):
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    ws = wb.create_sheet(title)
    ws.append(headers)
    for c in ws[1]:
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True, vertical="top")
    for r in rows:
        ws.append(r)
    for j, h in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(j)].width = (widths or {}).get(h, max(8, len(str(h)) * 2 + 2))
        if h in text_columns:
            for row in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                for c in row:
                    c.number_format = "@"
    ws.freeze_panes = "C2"
    return ws


WIDTHS = {"身份证号": 21, "户籍地": 16, "人员类别": 18, "就业地": 14, "今年已享受": 16, "备注": 24, "培训类型": 12,
          "创业形式": 12, "公益岗类型": 14}


def make_template(path: Path) -> None:
    import openpyxl
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    headers = ledger.COLUMN_NAMES
    examples = [[c.examples[0] for c in ledger.COLUMNS], [c.examples[1] for c in ledger.COLUMNS]]
    assert all(id_checksum_ok(r[headers.index("身份证号")]) for r in examples)
    _sheet(wb, "台账", headers, [[v if v != "" else None for v in r] for r in examples], WIDTHS, ("身份证号",))
    notes = wb.create_sheet("填写说明")
    notes.append(["列名", "必填", "怎么填", "例子"])
    for c in ledger.COLUMNS:
        notes.append([c.name, "必填" if c.required else "", c.note, "；".join(x for x in c.examples if x) or ""])
    notes.append([])
    notes.append(["说明", "", "一人一行；同一户填同一个户号。表头必须和上面的列名一致（顺序随意，可以少列，少的列按“未知”处理）。"
                  "填不准的格子会在报告的“问题”表里逐行列出，不会中断核对。", ""])
    notes.append(["命令", "", "python -m ledger 台账.xlsx -o 报告.xlsx --checklists 入户清单.html", ""])
    for col, w in zip("ABCD", (14, 6, 90, 30)):
        notes.column_dimensions[col].width = w
    wb.save(path)
    reproducible(path)


def sample_rows() -> list[dict]:
    """12 people, 6 households. Malformed on purpose: 合同期限“很久”, a wrong ID check digit, an ID typed as a
    number, 是否参加培训“也许”, an unknown category word, a formula without a saved value, a start date instead of
    months, an unknown place."""
    qy, hy, hl, cs, sy = "610328", "610921", "231283", "430102", "460200"
    return [
        # 千阳县崔家头镇 — a 脱贫 household: cross-province worker (fare 680 → 500), wife at home county, son in training
        dict(户号="QY-001", 姓名="张建国", 身份证号=fake_id(qy, "19780506", "013"), 户籍地="千阳县崔家头镇", 人员类别="脱贫户",
             就业状态="已就业", 就业地="浙江省宁波市", 合同期限="1年", 务工月数="2", 就业后月数="2", 交通费="680",
             是否参加培训="否", 子女就读技校="否", 今年已享受="无", 备注="户主，电话13912345678"),
        dict(户号=None, 姓名="王秀兰", 身份证号=fake_id(qy, "19800211", "028")[:-1] + "0", 户籍地=None, 人员类别="脱贫户",
             就业状态="已就业", 就业地="本县", 合同期限="很久", 就业后月数="3", 是否参加培训="否", 子女就读技校="是",
             今年已享受="无", 备注="女儿在宝鸡技师学院读书"),
        dict(户号=None, 姓名="张小军", 身份证号=fake_id(qy, "20010817", "015"), 户籍地=None, 人员类别="脱贫户、高校毕业生",
             就业状态="未就业", 是否参加培训="是", 培训类型="SYB", 培训天数="10天", 是否取得证书="是", 今年已享受="无"),
        dict(户号=None, 姓名="张晓红", 身份证号=fake_id(qy, "19990302", "024"), 户籍地=None, 人员类别="边缘户",
             就业状态="已就业", 就业地="外省", 合同期限="两年", 就业后月数=dt.date(2026, 9, 15), 交通费="三百二",
             今年已享受="一次性求职补贴"),
        # 汉阴县
        dict(户号="HY-001", 姓名="陈志强", 身份证号=float(fake_id(hy, "19820119", "017")), 户籍地="汉阴", 人员类别="贫困户",
             就业状态="已就业", 就业地="江苏苏州", 合同期限="12个月", 就业后月数="4", 交通费="=300+200",
             子女就读技校="是"),
        dict(户号=None, 姓名="陈芳", 身份证号=fake_id(hy, "19850707", "020"), 户籍地=None, 人员类别="低保户、五保户",
             就业状态="未就业", 是否参加培训="也许", 备注="联系电话 0915-5212345"),
        # 海伦市
        dict(户号="HL-001", 姓名="刘强", 身份证号=fake_id(hl, "19790923", "011"), 户籍地="海伦市", 人员类别="建档立卡贫困户、农民工",
             就业状态="已就业", 就业地="本县", 创业形式="个体工商户", 营业执照月数="8"),
        dict(户号=None, 姓名="刘丽", 身份证号=fake_id(hl, "19811130", "026"), 户籍地=None, 人员类别="脱贫户",
             就业状态="未就业", 子女就读技校="是"),
        # 长沙
        dict(户号="CS-001", 姓名="周伟", 身份证号=fake_id(cs, "19900615", "019"), 户籍地="长沙", 人员类别="建档立卡贫困劳动力",
             就业状态="未就业", 是否参加培训="是", 培训类型="就业技能培训", 培训天数="二十天"),
        dict(户号=None, 姓名="周敏", 身份证号=fake_id(cs, "19930408", "027"), 户籍地=None, 人员类别="脱贫户",
             就业状态="已就业", 就业地="本县", 合同期限="1年", 务工月数="14", 是否参加培训="是", 培训类型="岗位技能提升培训"),
        # 三亚
        dict(户号="SY-001", 姓名="黄海", 身份证号=fake_id(sy, "19760101", "035"), 户籍地="三亚", 人员类别="脱贫户",
             就业状态="已就业", 就业地="本市", 是否参加培训="是", 是否取得证书="职业资格证书", 子女就读技校="是"),
        # a place no policy on file covers / the gazetteer does not know
        dict(户号="XX-001", 姓名="赵六", 身份证号="12345", 户籍地="东海镇", 人员类别="脱贫户", 就业状态="已就业",
             就业地="外省", 交通费="500"),
    ]


def make_sample_ledger(path: Path) -> None:
    import openpyxl
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    headers = ledger.COLUMN_NAMES
    rows = [[r.get(h) for h in headers] for r in sample_rows()]
    ws = _sheet(wb, "台账", headers, rows, WIDTHS)
    idcol = headers.index("身份证号") + 1
    for row in ws.iter_rows(min_row=2, min_col=idcol, max_col=idcol):
        for c in row:
            if isinstance(c.value, str):
                c.number_format = "@"
    datecol = headers.index("就业后月数") + 1
    for row in ws.iter_rows(min_row=2, min_col=datecol, max_col=datecol):
        for c in row:
            if isinstance(c.value, (dt.date, dt.datetime)):
                c.number_format = "yyyy-mm-dd"
    wb.save(path)
    reproducible(path)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--as-of", type=parse_as_of, default=dt.date(2026, 11, 22))
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    args = ap.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    make_template(out / "ledger-template.xlsx")
    sample = out / "sample-ledger.xlsx"
    make_sample_ledger(sample)
    rep = ledger.check_ledger(sample, args.as_of)
    rep.source = sample.name
    ledger.write_xlsx(rep, out / "sample-report.xlsx")
    reproducible(out / "sample-report.xlsx")
    ledger.write_html(rep, out / "sample-checklists.html")
    for name in ("ledger-template.xlsx", "sample-ledger.xlsx", "sample-report.xlsx", "sample-checklists.html"):
        print(f"wrote {out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
