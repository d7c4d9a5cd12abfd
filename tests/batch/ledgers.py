"""Helpers for the batch tests: write real ledger files, read real report files."""
from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl

import ledger
from ledger.tables import SLOT_HEADERS

AS_OF = dt.date(2026, 11, 22)
HEADERS = ledger.COLUMN_NAMES


def valid_id(region: str = "610328", birth: str = "19850312", seq: str = "031") -> str:
    body = region + birth + seq
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * k for c, k in zip(body, w)) % 11]


def person(**cells) -> dict:
    """A ledger row: a 千阳 脱贫 worker unless told otherwise."""
    row = {"户号": "H1", "姓名": "张三", "身份证号": valid_id(), "户籍地": "千阳县", "人员类别": "脱贫户"}
    row.update(cells)
    return row


def write_xlsx(path: Path, rows: list[dict], headers: list[str] | None = None, title_rows: list[list] = ()) -> Path:
    headers = headers or HEADERS
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    for t in title_rows:
        ws.append(t)
    ws.append(headers)
    for r in rows:
        ws.append([r.get(h) for h in headers])
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[dict], encoding: str, headers: list[str] | None = None) -> Path:
    headers = headers or HEADERS
    lines = [",".join(headers)]
    for r in rows:
        lines.append(",".join("" if r.get(h) is None else str(r.get(h)) for h in headers))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def sheet_rows(path: Path, name: str) -> list[list]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return [list(r) for r in wb[name].iter_rows(values_only=True)]
    finally:
        wb.close()


def detail_records(path: Path) -> list[dict]:
    """明细 as dicts, with the benefit slots gathered into a list of dicts per person."""
    rows = sheet_rows(path, "明细")
    head = rows[0]
    out = []
    for r in rows[1:]:
        r = list(r) + [None] * (len(head) - len(r))
        rec = {h: v for h, v in zip(head, r) if not h.rstrip("0123456789") in SLOT_HEADERS}
        items = []
        k = 1
        while f"项目{k}" in head:
            vals = {h: r[head.index(f"{h}{k}")] for h in SLOT_HEADERS}
            if vals["项目"]:
                items.append(vals)
            k += 1
        rec["items"] = items
        out.append(rec)
    return out


def summary_records(path: Path) -> tuple[list[str], list[dict]]:
    """(the lines above the table, the table rows as dicts) of 汇总."""
    rows = sheet_rows(path, "汇总")
    i = next(k for k, r in enumerate(rows) if r and r[0] == "项目")
    head = rows[i]
    notes = [r[0] for r in rows[:i] if r and r[0]]
    return notes, [dict(zip(head, list(r) + [None] * len(head))) for r in rows[i + 1:] if r and r[0]]


def all_text_in_xlsx(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


def item(rep_person, bid: str):
    return next((i for i in rep_person.items if i.benefit.id == bid), None)
