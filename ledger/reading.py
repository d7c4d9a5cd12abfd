"""Reading a ledger file (.xlsx, or .csv in UTF-8, UTF-8 with BOM or GBK) into rows of raw cells, within the upload
limits: at most MAX_ROWS people rows, and an .xlsx whose zip declares at most MAX_XLSX_UNPACKED bytes and
MAX_XLSX_MEMBERS files (checked before openpyxl opens it). The header row is found among the first rows by matching
each header to our columns (columns.suggest_columns; the officer's overrides win); merged cells are carried down;
合计 / 签字 / 说明 / title rows are skipped and said so. Only an unreadable file, an empty one, or one where no header
row can be found raises LedgerError (a Chinese message for the officer)."""
from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
from policies import rx as re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cells import Formula, shown
from .columns import COLUMNS, Match, suggest_columns
from .report import Problem

HEADER_SCAN_ROWS = 10
# Limits on what a ledger may hold (a 109 KB .xlsx can unpack to 200 000 rows): checked while reading, before the rows
# are evaluated. The CLI raises MAX_ROWS with --max-rows (the unpacked-size limit grows with it).
MAX_ROWS = 50_000                       # people rows (non-empty rows below the header)
MAX_XLSX_UNPACKED = 64 * 1024 * 1024    # bytes: all members of the .xlsx zip together, as its central directory says
MAX_XLSX_MEMBERS = 10_000               # files inside the .xlsx zip


class LedgerError(Exception):
    """The ledger as a whole cannot be read (message in Chinese, for the officer)."""


@dataclass(slots=True)
class RawRow:
    line: int                 # the row number the officer sees (sheet row / CSV line)
    cells: dict[str, Any]     # column name → raw value (str, number, bool, date, Formula, ("formula", value))


@dataclass
class Ledger:
    source: str
    rows: list[RawRow]
    notices: list[Problem] = field(default_factory=list)   # file-level remarks (ignored headers, missing columns)
    columns: list[str] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)     # how each header was matched (columns.suggest_columns)
    title: str = ""                                        # the text above the header row (a title naming the place)


def _find_header(rows: list[list[Any]], overrides: dict[str, str] | None = None) -> tuple[int, list[Match]] | None:
    """(index of the header row, the match of each of its headers): the row among the first HEADER_SCAN_ROWS whose
    headers match most of our columns (at least two)."""
    best = None
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        matches = suggest_columns(list(row), overrides)
        n = sum(1 for m in matches if m.column)
        if n >= 2 and (best is None or n > best[0]):
            best = (n, i, matches)
    return (best[1], best[2]) if best else None


def _wrong_headers_message(first_rows: list[list[Any]], where: str) -> str:
    seen = [str(h).strip() for h in (first_rows[0] if first_rows else []) if h is not None and str(h).strip()]
    got = "、".join(shown(h, 12) for h in seen[:8]) or "（空）"
    return (f"{where}表头不对：前{HEADER_SCAN_ROWS}行里没有找到列名（第一行是：{got}）。请在人员数据上面留一行列名，"
            "如 户号、姓名、身份证号、户籍地、人员类别、外出时间")


# Rows below the header that are not people: totals, signatures, notes, a repeated title (what they are, words)
_TOTAL = re.compile(r"^(合计|小计|总计|共计|累计|汇总)")
_SIGNATURE = re.compile(r"签字|签名|盖章|填表人|制表人|审核人|填报人|负责人|经办人|审核：|复核人|村支书|村主任")
_NOTE = re.compile(r"^(说明|注[:：]|注\d|备注[:：]|填表说明|附[:：])")


def _row_kind(vals: list[Any], name_index: int | None, headers: list[str]) -> str | None:
    """'合计行' / '签字行' / '说明行' / '标题行' / '重复的表头行' for a row that holds no person, else None."""
    texts = [re.sub(r"\s+", "", str(v)) for v in vals if v is not None and str(v).strip()]
    if not texts:
        return None
    name = vals[name_index] if name_index is not None and name_index < len(vals) else None
    name_text = re.sub(r"\s+", "", str(name)) if name is not None else ""
    if _TOTAL.match(texts[0]) or (name_text and _TOTAL.match(name_text)):
        return "合计行"
    if (_SIGNATURE.search(texts[0]) or (not name_text and any(_SIGNATURE.search(t) for t in texts))
            or any(re.search(r"[（(](签字|签名|盖章)[)）]|(签字|签名|盖章)[:：]", t) for t in texts)):
        return "签字行"
    if _NOTE.match(texts[0]) and (len(texts) == 1 or not name_text or _NOTE.match(name_text)):
        return "说明行"
    if sum(1 for t in texts if t in headers) >= 2:
        return "重复的表头行"
    if len(texts) == 1 and len(texts[0]) >= 8 and not name_text and re.search(r"台账|名单|明细|花名册|统计表|情况表", texts[0]):
        return "标题行"
    return None


def _fill_merged(table: list[list[Any]], merges: list[tuple[int, int, int, int]], first_row: int) -> None:
    """Carry merged cells down: every cell of a range spanning rows (below the header) gets its top-left value."""
    for min_col, min_row, max_col, max_row in merges:
        if max_row == min_row or max_row - 1 < first_row:
            continue
        top = table[min_row - 1] if min_row - 1 < len(table) else ()
        v = top[min_col - 1] if min_col - 1 < len(top) else None
        if v is None:
            continue
        for r in range(max(min_row - 1, first_row), min(max_row, len(table))):
            row = table[r]
            if row is _EMPTY_ROW:
                continue
            if len(row) < max_col:
                row.extend([None] * (max_col - len(row)))
            for c in range(min_col - 1, max_col):
                if row[c] is None:
                    row[c] = v


def _rows_from_table(table: list[list[Any]], source: str, where: str, line_of, *,
                     merges: list[tuple[int, int, int, int]] = (), overrides: dict[str, str] | None = None) -> Ledger:
    if not table or all(all(v is None or str(v).strip() == "" for v in r) for r in table):
        raise LedgerError(f"台账是空的：{source}")
    found = _find_header(table, overrides)
    if not found:
        raise LedgerError(_wrong_headers_message(table, where))
    hi, matches = found
    if merges:
        _fill_merged(table, merges, hi + 1)
    mapping = {m.index: m.column for m in matches if m.column}
    header_line = line_of(hi)
    title = "　".join(str(v).strip() for r in table[:hi] for v in r if v is not None and str(v).strip())
    notices = []
    unused = [m.header for m in matches if not m.column and m.how == "用不上"]
    if unused:
        notices.append(Problem(header_line, "", "", "表头", "",
                               f"第{header_line}行 表头“{'”“'.join(shown(u) for u in unused)}”核对用不上，没有读"))
    for m in matches:
        if not m.column and m.how != "用不上":
            why = "和前面的列重复" if m.how == "重复" else ("按您的指定" if m.how == "您指定" else "认不出是哪一项")
            notices.append(Problem(header_line, "", "", "表头", shown(m.header),
                                   f"第{header_line}行 表头“{shown(m.header)}”{why}，没有读"))
    have = set(mapping.values())
    for c in COLUMNS:
        if c.name in have:
            continue
        if c.name == "户号":
            by = next((h for h in ("户主", "序号", "与户主关系") if h in have), "")
            tail = f"，按“{by}”分户" if by else "，每行算一户"
        elif c.name == "姓名":
            tail = "，人员按行号称呼"
        elif c.name == "户籍地":
            tail = "，用标题里的地名" if title else "，无法确定用哪里的政策"
        elif c.name == "就业状态":
            tail = "：填了务工地点、务工月数、外出时间或签了合同的人按已就业，其余按未知处理"
        else:
            tail = "，它管的情况都按未知处理"
        notices.append(Problem(None, "", "", c.name, "", f"台账没有“{c.name}”列{tail}"))
    headers = [m.header for m in matches]
    name_index = next((j for j, col in mapping.items() if col == "姓名"), None)
    rows = []
    for k, r in enumerate(table[hi + 1:], start=hi + 1):
        if r is _EMPTY_ROW or _blank_row(r):
            continue
        kind = _row_kind(list(r), name_index, headers)
        if kind:
            said = shown("".join(str(v).strip() for v in r if v is not None)[:20], 20)
            notices.append(Problem(line_of(k), "", "", "", said, f"第{line_of(k)}行 是{kind}（{said}），已跳过，不算人"))
            continue
        cells = {name: (r[j] if j < len(r) else None) for j, name in mapping.items()}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells.values()):
            continue
        rows.append(RawRow(line_of(k), cells))
    if not rows:
        raise LedgerError(f"台账只有表头，没有人员数据：{source}")
    return Ledger(source, rows, notices, [mapping[j] for j in sorted(mapping)], matches, title)


def _blank_row(vals) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in vals)


_EMPTY_ROW: tuple = ()     # shared by all blank rows of a table (a sheet of empty rows costs no memory per row)


def too_many_rows(max_rows: int) -> LedgerError:
    return LedgerError(f"文件最多{max_rows}行，请分成几个文件上传")


def _row_counter(max_rows: int):
    """A function called with each row's values: counts the non-empty ones and raises LedgerError as soon as there
    are surely more than `max_rows` people rows (the header and title rows are among the first HEADER_SCAN_ROWS)."""
    n = 0

    def count(vals) -> bool:
        nonlocal n
        if _blank_row(vals):
            return False
        n += 1
        if n > max_rows + HEADER_SCAN_ROWS:
            raise too_many_rows(max_rows)
        return True

    return count


def _check_row_count(ledger: Ledger, max_rows: int) -> Ledger:
    if len(ledger.rows) > max_rows:
        raise too_many_rows(max_rows)
    return ledger


def check_xlsx_zip(path: Path, max_unpacked: int = MAX_XLSX_UNPACKED) -> None:
    """Refuse a zip bomb before openpyxl opens it: the sizes its central directory declares. Python's zipfile (which
    openpyxl reads with) never returns more bytes of a member than the declared size, so the sum bounds the work."""
    import zipfile
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as e:
        raise LedgerError(f"台账文件打不开：{path.name}（不是有效的 .xlsx 文件，或已损坏、加了密码：{type(e).__name__}）。"
                          "请在 Excel/WPS 里打开后另存为 .xlsx 再试") from None
    mb = 1024 * 1024
    if len(infos) > MAX_XLSX_MEMBERS:
        raise LedgerError(f"台账文件里的内容太多（{len(infos)}个部件，最多{MAX_XLSX_MEMBERS}个）：{path.name}。"
                          "请只保留台账工作表，另存为 .xlsx 后再试")
    total = sum(max(i.file_size, 0) for i in infos)
    if total > max_unpacked:
        raise LedgerError(f"台账文件解压后太大（约{total // mb}MB，最多{max_unpacked // mb}MB）：{path.name}。"
                          f"文件最多{MAX_ROWS}行，请删去多余的工作表和图片，或分成几个文件上传")


def read_csv(path: Path | str, data: bytes | None = None, *, max_rows: int = MAX_ROWS,
             overrides: dict[str, str] | None = None) -> Ledger:
    path = Path(path)
    if data is None:
        data = path.read_bytes()
    if not data.strip(b"\xef\xbb\xbf \r\n\t"):
        raise LedgerError(f"台账是空的：{path.name}")
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes almost anything
        raise LedgerError(f"台账文件的编码看不懂：{path.name}。请另存为 UTF-8 或 GBK 编码的 CSV")
    first = text.split("\n", 1)[0]
    delim = max([",", "\t", ";"], key=first.count) if any(d in first for d in ",\t;") else ","
    count = _row_counter(max_rows)
    table: list = []
    try:
        for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim):
            table.append(r if count(r) else _EMPTY_ROW)
    except csv.Error as e:
        raise LedgerError(f"CSV 台账格式有误：{path.name}（{e}）") from None
    return _check_row_count(_rows_from_table(table, path.name, "", lambda k: k + 1, overrides=overrides), max_rows)


def read_xlsx(path: Path | str, *, max_rows: int = MAX_ROWS, max_unpacked: int = MAX_XLSX_UNPACKED,
              overrides: dict[str, str] | None = None) -> Ledger:
    path = Path(path)
    check_xlsx_zip(path, max_unpacked)
    try:
        return _read_xlsx(path, max_rows, overrides)
    except (LedgerError, MemoryError):       # MemoryError: the caller's memory limit, not a damaged file
        raise
    except Exception as e:     # a damaged or password-protected file: openpyxl, zipfile or the XML parser gives up
        raise LedgerError(f"台账文件打不开：{path.name}（不是有效的 .xlsx 文件，或已损坏、加了密码：{type(e).__name__}）。"
                          "请在 Excel/WPS 里打开后另存为 .xlsx 再试") from None


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]{1,3}[0-9]{1,7}:[A-Z]{1,3}[0-9]{1,7})"')


def merged_ranges(path: Path, member: str | None) -> list[tuple[int, int, int, int]]:
    """The merged ranges of a sheet, (min_col, min_row, max_col, max_row), read from its XML in the zip (openpyxl's
    read-only mode does not keep them); the XML is scanned in pieces, never held whole."""
    import zipfile

    from openpyxl.utils.cell import range_boundaries

    if not member:
        return []
    out = []
    with zipfile.ZipFile(path) as zf:
        try:
            f = zf.open(member.lstrip("/"))
        except KeyError:
            return []
        with f:
            tail = b""
            while True:
                chunk = f.read(1 << 20)
                if not chunk:
                    break
                buf = tail + chunk
                if b"mergeCell" in buf:      # a tag cut at a piece's end is found whole with the next piece
                    out += [range_boundaries(m.decode()) for m in _MERGE.findall(buf)]
                tail = buf[-200:]
    return list(dict.fromkeys(out))


def _read_xlsx(path: Path, max_rows: int = MAX_ROWS, overrides: dict[str, str] | None = None) -> Ledger:
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        sheets = list(wb.worksheets)
        if not sheets:
            raise LedgerError(f"台账是空的：{path.name}")
        # the sheet named 台账, else the first sheet whose header row is found
        sheets.sort(key=lambda ws: ws.title != "台账")
        first_error = None
        for ws in sheets:
            table, formulas = [], []
            basic = (str, int, float, bool, dt.date, dt.time, dt.datetime, type(None))
            ws.reset_dimensions()    # do not trust the stored dimensions (some programs write them wrong)
            count = _row_counter(max_rows)
            for i, row in enumerate(ws.iter_rows(values_only=True)):
                if not count(row):
                    table.append(_EMPTY_ROW)
                    continue
                vals = list(row)
                for j, v in enumerate(vals):
                    if type(v) is str:
                        if v.startswith("="):
                            formulas.append((i, j))      # a formula (or a text that starts with "=": checked below)
                    elif not isinstance(v, basic):
                        vals[j] = str(getattr(v, "text", v))   # an array formula object
                        formulas.append((i, j))
                table.append(vals)
            if not table or all(all(v is None or str(v).strip() == "" for v in r) for r in table):
                first_error = first_error or LedgerError(f"台账是空的：{path.name}")
                continue
            if formulas:
                table = _resolve_formulas(path, ws.title, table, formulas)
            try:
                ledger = _rows_from_table(table, path.name, f"工作表“{ws.title}”的" if len(sheets) > 1 else "",
                                          lambda k: k + 1, overrides=overrides,
                                          merges=merged_ranges(path, getattr(ws, "_worksheet_path", None)))
            except LedgerError as e:
                first_error = first_error or e
                continue
            return _check_row_count(ledger, max_rows)
        raise first_error or LedgerError(f"台账是空的：{path.name}")
    finally:
        wb.close()


def _resolve_formulas(path: Path, title: str, table: list[list[Any]], formulas: list[tuple[int, int]]):
    """Formula cells: use the value Excel saved with the file; none saved → a Formula marker."""
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb[title]
        ws.reset_dimensions()
        cached = [list(r) for r in itertools.islice(ws.iter_rows(values_only=True), len(table))]
    finally:
        wb.close()
    for i, j in formulas:
        v = cached[i][j] if i < len(cached) and j < len(cached[i]) else None
        text = str(table[i][j])
        if v == text:
            continue          # a plain text that happens to start with "="
        table[i][j] = Formula(text) if v is None else ("formula", v, text)
    return table


def read_ledger(path: Path | str, *, max_rows: int = MAX_ROWS, max_unpacked: int | None = None,
                overrides: dict[str, str] | None = None) -> Ledger:
    """The ledger's rows. At most `max_rows` people rows; an .xlsx at most `max_unpacked` bytes unpacked (default:
    MAX_XLSX_UNPACKED, more when max_rows is raised above MAX_ROWS). Otherwise LedgerError, saying the limit."""
    path = Path(path)
    if max_unpacked is None:
        max_unpacked = int(MAX_XLSX_UNPACKED * max(1.0, max_rows / MAX_ROWS))
    if not path.exists():
        raise LedgerError(f"找不到台账文件：{path}")
    if path.is_dir():
        raise LedgerError(f"这是一个文件夹，不是台账文件：{path}")
    ext = path.suffix.lower()
    if ext in (".xlsx", ".xlsm"):
        if path.stat().st_size == 0:
            raise LedgerError(f"台账是空的：{path.name}")
        return read_xlsx(path, max_rows=max_rows, max_unpacked=max_unpacked, overrides=overrides)
    if ext in (".csv", ".txt"):
        return read_csv(path, max_rows=max_rows, overrides=overrides)
    if ext in (".xls", ".et", ".wps"):
        raise LedgerError(f"不支持 {ext} 格式：请在 Excel/WPS 里“另存为” .xlsx 后再导入（{path.name}）")
    raise LedgerError(f"只支持 .xlsx 或 .csv 台账：{path.name}")
