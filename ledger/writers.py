"""The report files: .xlsx (sheets 明细, 汇总, 问题) and the same as three CSV files. Everything from the ledger is
already masked (ledger/check.py); the CSV writer puts a ' before a cell a spreadsheet would run as a formula, and the
.xlsx writer stores every text as text, never as a formula."""
from __future__ import annotations

import csv
import datetime as dt
import html
from policies import rx as re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from .report import Report
from .tables import SLOT_HEADERS, detail_table, missing_table, problems_table, summary_head, summary_table

# ----------------------------------------------------------------------------------------------- xlsx
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_COL_LETTERS: list[str] = []


def _col(j: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    while len(_COL_LETTERS) <= j:
        n, s = len(_COL_LETTERS) + 1, ""
        while n:
            n, r = divmod(n - 1, 26)
            s = chr(65 + r) + s
        _COL_LETTERS.append(s)
    return _COL_LETTERS[j]


@dataclass
class _Sheet:
    name: str
    rows: list[tuple[list[Any], int]] = field(default_factory=list)   # (values, style id)
    widths: list[float] = field(default_factory=list)
    freeze: tuple[int, int] | None = None                             # (columns, rows) kept in view

    def add(self, values: list[Any], style: int = 0) -> None:
        self.rows.append((values, style))


def _sheet_xml(sh: _Sheet) -> Iterator[str]:
    """The worksheet's XML, a row at a time."""
    esc = html.escape
    yield ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">')
    if sh.freeze:
        xs, ys = sh.freeze
        pane = "bottomRight" if xs and ys else ("bottomLeft" if ys else "topRight")
        attrs = (f' xSplit="{xs}"' if xs else "") + (f' ySplit="{ys}"' if ys else "")
        yield (f'<sheetViews><sheetView workbookViewId="0"><pane{attrs} topLeftCell="{_col(xs)}{ys + 1}" '
               f'activePane="{pane}" state="frozen"/><selection pane="{pane}"/></sheetView></sheetViews>')
    if sh.widths:
        yield "<cols>" + "".join(f'<col min="{j}" max="{j}" width="{w}" customWidth="1"/>'
                                 for j, w in enumerate(sh.widths, start=1)) + "</cols>"
    yield "<sheetData>"
    for i, (values, style) in enumerate(sh.rows, start=1):
        st = f' s="{style}"' if style else ""
        cells = []
        for j, v in enumerate(values):
            if v is None or v == "":
                continue
            ref = f"{_col(j)}{i}"
            if isinstance(v, bool):
                cells.append(f'<c r="{ref}" t="b"{st}><v>{int(v)}</v></c>')
            elif isinstance(v, (int, float)):
                cells.append(f'<c r="{ref}"{st}><v>{v!r}</v></c>')
            else:
                t = str(v)
                if _XML_ILLEGAL.search(t):
                    t = _XML_ILLEGAL.sub("", t)
                cells.append(f'<c r="{ref}" t="inlineStr"{st}><is><t xml:space="preserve">{esc(t[:32000], False)}'
                             f"</t></is></c>")
        yield f'<row r="{i}">{"".join(cells)}</row>'
    yield "</sheetData></worksheet>"


_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>'
    '<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
    '<alignment wrapText="1" vertical="top"/></xf>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')
STYLE_HEADER, STYLE_BOLD = 1, 2
_CHUNK = 1 << 20            # characters of XML compressed at a time
_ZIP64_ROWS = 400_000       # a sheet this long may pass 2 GiB of XML: give its zip entry 64-bit sizes


def _save_xlsx(path: Path | str, sheets: list[_Sheet], stamp: dt.date) -> None:
    """A plain SpreadsheetML package (inline strings, two styles). openpyxl's writer costs ~12 µs a cell, which made
    writing the report of 10 000 rows slower than checking them, and XlsxWriter (constant_memory) ~11 µs; this
    writes the same cells at ~4 µs (scripts/bench_batch.py --writers). The zip entries carry `stamp` as their date,
    so the same input gives the same bytes."""
    import zipfile
    n = len(sheets)
    ns = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    parts = {
        "[Content_Types].xml": head + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        + "".join(f'<Override PartName="/xl/worksheets/sheet{k}.xml" '
                  'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                  for k in range(1, n + 1)) + "</Types>",
        "_rels/.rels": head + f'<Relationships {ns}><Relationship Id="rId1" Type="{rel}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": head + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'xmlns:r="{rel}"><bookViews><workbookView/></bookViews><sheets>'
        + "".join(f'<sheet name="{html.escape(sh.name)}" sheetId="{k}" r:id="rId{k}"/>'
                  for k, sh in enumerate(sheets, start=1)) + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": head + f"<Relationships {ns}>"
        + "".join(f'<Relationship Id="rId{k}" Type="{rel}/worksheet" Target="worksheets/sheet{k}.xml"/>'
                  for k in range(1, n + 1))
        + f'<Relationship Id="rId{n + 1}" Type="{rel}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": _STYLES,
    }
    for k, sh in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{k}.xml"] = sh
    stamp_t = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name, part in parts.items():
            info = zipfile.ZipInfo(name, stamp_t)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            if isinstance(part, str):
                z.writestr(info, part.encode("utf-8"), compresslevel=6)
                continue
            # a worksheet is streamed into the zip in chunks: memory stays flat however long the report
            with z.open(info, "w", force_zip64=len(part.rows) > _ZIP64_ROWS) as f:
                chunk, size = [], 0
                for piece in _sheet_xml(part):
                    chunk.append(piece)
                    size += len(piece)
                    if size > _CHUNK:
                        f.write("".join(chunk).encode("utf-8"))
                        chunk, size = [], 0
                f.write("".join(chunk).encode("utf-8"))


def write_xlsx(rep: Report, path: Path | str) -> None:
    """Sheets 明细 (one row per person), 汇总 (the validity note, then per-benefit counts and totals), 问题, and
    待补情况 (people grouped by the fact still missing)."""
    detail = _Sheet("明细", freeze=(3, 1))
    headers, rows = detail_table(rep)
    widths = {"行号": 6, "户号": 10, "姓名": 10, "身份证号": 21, "户籍地": 18, "适用政策": 30, "人员类别": 16, "就业状态": 9,
              "符合项数": 6, "待确认项数": 6, "本人合计（元）": 10, "下一步": 40, "没有可领的原因": 30, "输入问题": 40, "备注": 24, "政策有效期": 40}
    slot_w = dict(zip(SLOT_HEADERS, [24, 36, 12, 10, 18, 36, 26]))
    detail.widths = [widths.get(h) or slot_w.get(h.rstrip("0123456789"), 14) for h in headers]
    detail.add(headers, STYLE_HEADER)
    for r in rows:
        detail.add(r)

    summary = _Sheet("汇总", widths=[34, 30, 22, 10, 10, 10, 16, 40])
    for k, line in enumerate(summary_head(rep)):
        summary.add([line], STYLE_BOLD if k in (0, 2) else 0)
    summary.add([])
    sh, srows = summary_table(rep)
    summary.add(sh, STYLE_HEADER)
    for r in srows[:-1]:
        summary.add(r)
    summary.add(srows[-1], STYLE_BOLD)

    problems = _Sheet("问题", widths=[6, 10, 10, 12, 24, 80], freeze=(0, 1))
    ph, prows = problems_table(rep)
    problems.add(ph, STYLE_HEADER)
    for r in prows:
        problems.add(r)
    if not prows:
        problems.add([None, None, None, None, None, "没有发现输入问题"])
    missing = _Sheet("待补情况", widths=[24, 50, 14, 12, 10, 6, 40], freeze=(0, 1))
    mh, mrows = missing_table(rep)
    missing.add(mh, STYLE_HEADER)
    for r in mrows:
        missing.add(r)
    if not mrows:
        missing.add(["没有要补问的情况"])
    _save_xlsx(path, [detail, summary, problems, missing], rep.as_of)


# ----------------------------------------------------------------------------------------------- csv
# What a spreadsheet may take for a formula when it opens a CSV: a cell starting with = + - @ (also the full-width
# ＝ ＋ － ＠), a tab or a carriage return, after any leading spaces. "-2+3+cmd|' /C calc'!A0" and "=HYPERLINK(…)"
# are formulas; a plain number such as -5, +3 or 3.5 is not and stays a number.
_CSV_FORMULA = re.compile(r"^[\s\u3000]*[=+\-@＝＋－＠]|^[\t\r\n]")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def csv_safe(v: Any) -> Any:
    """A cell that a spreadsheet would run as a formula when it opens the CSV gets a leading ' (shown as text)."""
    if v is None:
        return ""
    if isinstance(v, str) and _CSV_FORMULA.match(v) and not _PLAIN_NUMBER.fullmatch(v):
        return "'" + v
    return v


def csv_paths(path: Path | str) -> tuple[Path, Path, Path]:
    """X.csv (明细), X.汇总.csv, X.问题.csv."""
    path = Path(path)
    stem = path.with_suffix("")
    return path, Path(f"{stem}.汇总.csv"), Path(f"{stem}.问题.csv")


def write_csv(rep: Report, path: Path | str) -> list[Path]:
    """Three UTF-8 (BOM, opens in Excel) files: 明细, 汇总 (with the validity note on top), 问题."""
    p_detail, p_summary, p_problems = csv_paths(path)

    def dump(p: Path, headers, rows, head_lines=()):
        with open(p, "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            for line in head_lines:
                w.writerow([csv_safe(line)])
            if head_lines:
                w.writerow([])
            w.writerow([csv_safe(h) for h in headers])
            for r in rows:
                w.writerow([csv_safe(v) for v in r])

    dump(p_detail, *detail_table(rep))
    dump(p_summary, *summary_table(rep), head_lines=summary_head(rep))
    dump(p_problems, *problems_table(rep))
    return [p_detail, p_summary, p_problems]
