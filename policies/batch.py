"""村就业信息员的台账批量核对 — the village officer's batch check of a household ledger (台账).

    python -m policies batch 台账.xlsx -o 报告.xlsx [--as-of 2026-11-22] [--checklists 入户清单.html]

Reads a ledger (.xlsx, or .csv in UTF-8, UTF-8 with BOM or GBK), one row per person, and for every person lists the
benefits they (or their household: a student's parent, a borrower, an entrepreneur) can apply for, with status,
amount, who receives the money, where and when to apply, the citation, and the documents to bring. Plain Python,
no Rasa import; uses one loaded PolicySet and the gazetteer for the whole ledger.

Ledger columns (Chinese headers; the header row may sit below a title row; column order is free; see
docs/ledger-template.md and docs/ledger-template.xlsx). Required: 户号, 姓名, 户籍地. Missing optional columns make
the facts they carry unknown (→ 待确认).

    户号          household id; may be written on the first row of a household only (blank rows below inherit it)
    姓名          name
    身份证号       ID number; MASKED in every output (610328********1234; anything else: all but the last 2 chars)
    户籍地         county/town (千阳县, 千阳县崔家头镇, 汉阴, 海伦市 …) → the policy documents covering it (gazetteer);
                  blank → inherited from the row above in the same household; unknown → 暂未收录该地政策
    人员类别       categories, separated by 、 , ， / ; — the list is taken as complete (categories_exhaustive);
                  无/一般户 → none of them; 非低保 → known not to apply
    就业状态       已就业 / 未就业 / 失业                       → employed, unemployed
    就业地         place name, or 本县/外县/外市/外省            → work_scope (跨省 by comparing provinces)
    合同期限       1年, 12个月, 两年, 无固定期限, 无             → contract_months (无 = 0; a bare number = months)
    务工月数       months in the current job                    → months_employed
    就业后月数     months since starting the job (or the start date) → months_since_employment
    交通费         actual fare, 元                              → transport_cost
    是否参加培训   是/否                                        → shows training benefits
    培训类型       SYB, IYB, 网络创业, 就业技能培训, 中期技能培训, 岗位技能提升培训 …  → training_type
    培训天数       days                                         → training_days
    是否取得证书   是/否 (培训合格证); 职业资格证书 → also got_qualification_certificate
    创业形式       个体工商户/小微企业/合伙创业/农民专业合作社/家庭农场 → business_type (+ borrower_type); shows start-up benefits
    营业执照月数   months since registration (or the registration date) → months_since_registration
    公益岗类型     农村公益性岗位-其它, 护林员, 劳动保障助理员, 城镇公益性岗位 … → post_type; shows public-post benefits
    在岗月数       months on the public-welfare post            → months_on_post
    子女就读技校   是/否                                        → in_technical_school; shows technical-school aid
    今年已享受     benefit names or ids received this year      → received_this_year (and received_allowance_this_year)
    备注           free text; phone, ID and card numbers masked in every output

Which benefits a row lists: those of the documents covering its 户籍地 whose money goes to the person or household
(payee worker, graduate, student_family, entrepreneur, borrower — employer-, institution- and agency-side subsidies are
applied for by them, not by the household); training benefits only when the row says training, start-up benefits only
with a 创业形式, public-post benefits only with a 公益岗类型, technical-school aid only with 子女就读技校=是, job benefits
not when 就业状态 says 未就业/失业. Among those: eligible (符合), possible (待确认：what to ask) and not eligible
(不符合：why) — but not the ones meant for another group (a condition on the person category, or on the kind of
training, post, business or employer, fails). Amounts: 500元, 最高500元, 1000～2500元 (fmt_money); loans are shown
but never added to money totals.

Outputs: write_xlsx (sheets 明细 one row per person, 汇总 with the validity note on top, 问题), write_csv (the same as
three CSV files), write_html (the printable checklist, one page per household). Everything from the ledger is masked
(mask_id, mask_text) and, in HTML, escaped.

Bad cells never stop the run: each is reported per row (sheet 问题, e.g. "第5行 合同期限“很久”看不懂，按未知处理") and the
row is evaluated with what is readable. Only an unreadable file, an empty one, or one without the required headers
raises LedgerError (a Chinese message).
"""
from __future__ import annotations

import copy
import csv
import datetime as dt
import functools
import html
import io
import itertools
import operator
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from . import normalize as nz
from . import privacy
from .evaluator import ELIGIBLE, INELIGIBLE, UNKNOWN, BenefitResult, Profile, evaluate_benefit, fmt_money
from .gazetteer import Gazetteer, Resolution, default_gazetteer
from .model import AnyOf, Benefit, Condition, Document, PolicySet, default_policies
from .render import apply_line, citation, cn_date, validity_line

PERSONAL_PAYEES = {"worker", "graduate", "student_family", "entrepreneur", "borrower"}   # as actions/dialogue.py
EMPLOYMENT_TOPICS = {"job_seeking", "transport", "job_referral", "post_subsidy", "social_insurance"}
TRAINING_TOPICS = {"skills_training", "training_allowance", "startup_training", "skill_appraisal", "work_for_training"}
STARTUP_TOPICS = {"startup_loan", "startup_subsidy", "startup_reward"}
POST_TOPICS = {"public_welfare_post"}
SCHOOL_TOPICS = {"technical_school"}

MAX_SHOWN = 20        # characters of a bad value quoted in a problem message
MAX_REMARK = 200      # characters of 备注 kept in the outputs
MAX_NAME = 30         # characters of 姓名 / 户号 kept
MAX_PLACE = 60        # a longer 户籍地/就业地 is not looked up
HEADER_SCAN_ROWS = 10
# Limits on what a ledger may hold (a 109 KB .xlsx can unpack to 200 000 rows): checked while reading, before the rows
# are evaluated. The CLI raises MAX_ROWS with --max-rows (the unpacked-size limit grows with it).
MAX_ROWS = 50_000                       # people rows (non-empty rows below the header)
MAX_XLSX_UNPACKED = 64 * 1024 * 1024    # bytes: all members of the .xlsx zip together, as its central directory says
MAX_XLSX_MEMBERS = 10_000               # files inside the .xlsx zip
OPEN_ENDED_MONTHS = 120.0   # 无固定期限 / 长期 contract: counts as "at least 1 year"; shown as such


class LedgerError(Exception):
    """The ledger as a whole cannot be read (message in Chinese, for the officer)."""


# ----------------------------------------------------------------------------------------------- columns
@dataclass(frozen=True)
class Column:
    name: str
    aliases: tuple[str, ...]
    note: str
    examples: tuple[str, str]
    required: bool = False


COLUMNS: list[Column] = [
    Column("户号", ("户编号", "家庭编号", "户主编号", "户代码"),
           "同一户的人填同一个户号；只写在每户第一行也可以（下面几行留空，沿用上一行）", ("QY-001", "QY-001"), True),
    Column("姓名", ("名字",), "本人姓名", ("张三", "李四"), True),
    Column("身份证号", ("身份证", "身份证号码", "公民身份号码", "证件号码"),
           "只用于核对本人，所有输出都打码（保留前6位和后4位）。请把这一列设成“文本”格式，否则Excel会把后几位变成0",
           ("610328198503120315", "610328198709210420")),      # made up, with valid check digits
    Column("户籍地", ("户籍所在地", "户口所在地", "户籍"),
           "县（区、市）或镇，如 千阳县、千阳县崔家头镇、汉阴、海伦市、长沙、三亚。同一户可只写第一行", ("千阳县", ""), True),
    Column("人员类别", ("类别", "人员身份", "身份"),
           "可写多个，用 、 , ， / ; 分隔，如 脱贫户、残疾人。填了就当作完整名单（没写的类别按“不属于”算）；"
           "写“无”或“一般户”表示都不属于；不填按“未知”", ("脱贫户", "脱贫户、高校毕业生")),
    Column("就业状态", ("就业情况", "是否就业"), "已就业 / 未就业 / 失业", ("已就业", "未就业")),
    Column("就业地", ("务工地", "就业地点", "务工地点"),
           "地名（如 浙江省宁波市、西安）或 本县 / 外县 / 外市 / 外省；与户籍地比较，判断是否跨省", ("浙江省宁波市", "")),
    Column("合同期限", ("劳动合同期限", "合同年限"),
           "如 1年、12个月、两年、无固定期限；没签写“无”；只写数字按“月”算", ("1年", "")),
    Column("务工月数", ("已务工月数",), "这份工作已经干了几个月", ("5", "")),
    Column("就业后月数", ("就业月数", "转移就业后月数"),
           "从开始上班到核对日过了几个月（也可填上班日期）；用来判断申请期限", ("2", "")),
    Column("交通费", ("路费", "车票费"), "去务工地实际花的车票钱，单位元", ("680", "")),
    Column("是否参加培训", ("参加培训",), "是 / 否；不填按没参加，不列培训类补贴", ("否", "是")),
    Column("培训类型", (), "SYB、IYB、网络创业、就业技能培训、中期技能培训、岗位技能提升培训 等", ("", "SYB")),
    Column("培训天数", (), "如 10、10天", ("", "10")),
    Column("是否取得证书", ("取得证书",), "是 / 否（培训合格证）；写“职业资格证书”表示通过了职业技能鉴定", ("", "是")),
    Column("创业形式", (), "个体工商户、小微企业、合伙创业、农民专业合作社、家庭农场；没创业写“无”或不填", ("", "个体工商户")),
    Column("营业执照月数", ("执照月数", "营业执照登记月数"), "营业执照办下来几个月（也可填登记日期）", ("", "8")),
    Column("公益岗类型", ("公益性岗位", "公益岗"),
           "如 农村公益性岗位-其它、护林员、保洁员、劳动保障助理员、城镇公益性岗位；没有写“无”或不填", ("", "")),
    Column("在岗月数", ("公益岗在岗月数",), "在公益性岗位上干了（或打算干）几个月", ("", "")),
    Column("子女就读技校", ("子女就读技工院校", "子女上技校"), "是 / 否：家里有孩子在技工院校（技校）上学", ("否", "否")),
    Column("今年已享受", ("已享受", "今年已享受补贴"),
           "今年已经领过的补贴，写名称或编号，如 一次性求职补贴；多个用 、 分隔；没有写“无”", ("无", "")),
    Column("备注", ("说明",), "随便写；电话号码、身份证号、银行卡号在报告里会打码", ("电话13812345678", "")),
]
COLUMN_NAMES = [c.name for c in COLUMNS]
REQUIRED = [c.name for c in COLUMNS if c.required]

# which column a fact comes from (for "待确认" hints)
FACT_COLUMN = {
    "category": "人员类别", "employed": "就业状态", "unemployed": "就业状态", "work_scope": "就业地",
    "contract_months": "合同期限", "months_employed": "务工月数", "months_since_employment": "就业后月数",
    "transport_cost": "交通费", "training_type": "培训类型", "training_days": "培训天数",
    "training_certificate": "是否取得证书", "got_qualification_certificate": "是否取得证书",
    "business_type": "创业形式", "borrower_type": "创业形式", "months_since_registration": "营业执照月数",
    "post_type": "公益岗类型", "months_on_post": "在岗月数", "in_technical_school": "子女就读技校",
    "received_allowance_this_year": "今年已享受",
}


def _header_key(h: Any) -> str:
    s = re.sub(r"\s+", "", str(h or ""))
    s = re.sub(r"[（(][^）)]*[）)]", "", s)          # 交通费（元）→ 交通费
    return s.strip("*＊:：")


_HEADER_LOOKUP: dict[str, str] = {}
for _c in COLUMNS:
    _HEADER_LOOKUP[_c.name] = _c.name
    for _a in _c.aliases:
        _HEADER_LOOKUP.setdefault(_a, _c.name)


# ----------------------------------------------------------------------------------------------- masking
# One masker for the whole project: policies/privacy.py (the same masked forms as the chat channels and the audit log).
_SPACES = re.compile(r"\s+")
_ID18 = re.compile(r"\d{17}[\dXx]")
_ID15 = re.compile(r"\d{15}")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)

# an ID cell as the characters to check and mask (NFKC, separators and zero-width characters dropped)
_id_digits = privacy.id_digits
# 610328199001011234 → 610328********1234 (15 digits: 6 + ***** + 4); anything else: all but the last 2
mask_id = privacy.mask_id
_mask_id_digits = privacy.mask_id_chars


def mask_text(text: Any) -> str:
    """ID numbers, mobile and landline numbers, and any other run of 7+ digits (bank cards) inside free text."""
    return privacy.mask_pii(str(text if text is not None else ""))


def _id_checksum_ok(s: str) -> bool:
    total = sum(map(operator.mul, map(int, s[:17]), _ID_WEIGHTS))
    return "10X98765432"[total % 11] == s[17].upper()


def _shown(text: str, limit: int = MAX_SHOWN) -> str:
    t = mask_text(text)
    if len(t) > limit:
        return f"{t[:limit]}…（共{len(t)}字）"
    return t


# ----------------------------------------------------------------------------------------------- reading
class _Formula:
    """A formula cell with no value saved in the file."""

    def __init__(self, text: str):
        self.text = text


@dataclass(slots=True)
class RawRow:
    line: int                 # the row number the officer sees (sheet row / CSV line)
    cells: dict[str, Any]     # column name → raw value (str, number, bool, date, _Formula, ("formula", value))


@dataclass
class Ledger:
    source: str
    rows: list[RawRow]
    notices: list["Problem"] = field(default_factory=list)   # file-level remarks (ignored headers, missing columns)
    columns: list[str] = field(default_factory=list)


def _find_header(rows: list[list[Any]]) -> tuple[int, dict[int, str], list[str]] | None:
    """(index of the header row, {column index: column name}, unknown headers) — the row with most known headers."""
    best = None
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        mapping, unknown = {}, []
        for j, h in enumerate(row):
            if h is None or str(h).strip() == "":
                continue
            name = _HEADER_LOOKUP.get(_header_key(h))
            if name and name not in mapping.values():
                mapping[j] = name
            else:
                unknown.append(str(h).strip())
        if len(mapping) >= 2 and (best is None or len(mapping) > len(best[1])):
            best = (i, mapping, unknown)
    return best


def _wrong_headers_message(first_rows: list[list[Any]], where: str) -> str:
    seen = [str(h).strip() for h in (first_rows[0] if first_rows else []) if h is not None and str(h).strip()]
    got = "、".join(_shown(h, 12) for h in seen[:8]) or "（空）"
    return (f"{where}表头不对：没有找到模板的列名（第一行是：{got}）。台账第一行应是列名，至少要有"
            f"“{'”“'.join(REQUIRED)}”，可用的列名见 docs/ledger-template.xlsx")


def _rows_from_table(table: list[list[Any]], source: str, where: str, line_of) -> Ledger:
    if not table or all(all(v is None or str(v).strip() == "" for v in r) for r in table):
        raise LedgerError(f"台账是空的：{source}")
    found = _find_header(table)
    if not found:
        raise LedgerError(_wrong_headers_message(table, where))
    hi, mapping, unknown = found
    missing = [c for c in REQUIRED if c not in mapping.values()]
    if missing:
        raise LedgerError(f"{where}缺少必填的列：{'、'.join(missing)}。请对照 docs/ledger-template.xlsx 的表头")
    header_line = line_of(hi)
    notices = []
    for u in unknown:
        notices.append(Problem(header_line, "", "", "表头", _shown(u),
                               f"第{header_line}行 表头“{_shown(u)}”不是模板里的列，已忽略"))
    for c in COLUMNS:
        if c.name not in mapping.values():
            notices.append(Problem(None, "", "", c.name, "", f"台账没有“{c.name}”列，它管的情况都按未知处理"))
    rows = []
    for k, r in enumerate(table[hi + 1:], start=hi + 1):
        cells = {name: (r[j] if j < len(r) else None) for j, name in mapping.items()}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells.values()):
            continue
        rows.append(RawRow(line_of(k), cells))
    if not rows:
        raise LedgerError(f"台账只有表头，没有人员数据：{source}")
    return Ledger(source, rows, notices, [mapping[j] for j in sorted(mapping)])


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


def read_csv(path: Path | str, data: bytes | None = None, *, max_rows: int = MAX_ROWS) -> Ledger:
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
    return _check_row_count(_rows_from_table(table, path.name, "", lambda k: k + 1), max_rows)


def read_xlsx(path: Path | str, *, max_rows: int = MAX_ROWS, max_unpacked: int = MAX_XLSX_UNPACKED) -> Ledger:
    path = Path(path)
    check_xlsx_zip(path, max_unpacked)
    try:
        return _read_xlsx(path, max_rows)
    except (LedgerError, MemoryError):       # MemoryError: the caller's memory limit, not a damaged file
        raise
    except Exception as e:     # a damaged or password-protected file: openpyxl, zipfile or the XML parser gives up
        raise LedgerError(f"台账文件打不开：{path.name}（不是有效的 .xlsx 文件，或已损坏、加了密码：{type(e).__name__}）。"
                          "请在 Excel/WPS 里打开后另存为 .xlsx 再试") from None


def _read_xlsx(path: Path, max_rows: int = MAX_ROWS) -> Ledger:
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
                                          lambda k: k + 1)
            except LedgerError as e:
                first_error = first_error or e
                continue
            return _check_row_count(ledger, max_rows)
        raise first_error or LedgerError(f"台账是空的：{path.name}")
    finally:
        wb.close()


def _resolve_formulas(path: Path, title: str, table: list[list[Any]], formulas: list[tuple[int, int]]):
    """Formula cells: use the value Excel saved with the file; none saved → a _Formula marker."""
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
        table[i][j] = _Formula(text) if v is None else ("formula", v, text)
    return table


def read_ledger(path: Path | str, *, max_rows: int = MAX_ROWS, max_unpacked: int | None = None) -> Ledger:
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
        return read_xlsx(path, max_rows=max_rows, max_unpacked=max_unpacked)
    if ext in (".csv", ".txt"):
        return read_csv(path, max_rows=max_rows)
    if ext in (".xls", ".et", ".wps"):
        raise LedgerError(f"不支持 {ext} 格式：请在 Excel/WPS 里“另存为” .xlsx 后再导入（{path.name}）")
    raise LedgerError(f"只支持 .xlsx 或 .csv 台账：{path.name}")


# ----------------------------------------------------------------------------------------------- cells → facts
@dataclass(slots=True)
class Problem:
    line: int | None
    household: str
    name: str
    column: str
    value: str          # masked, shortened
    message: str        # full Chinese sentence, starting with 第N行 when it concerns a row


@dataclass
class _Parsed:
    facts: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)   # message tails: "看不懂，按未知处理"
    flag: Any = None                                 # column-specific (gate, category list …)


_ODD_CHARS = re.compile("[\u3000\ufeff\u200b\xa0\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ODD_SPACE = re.compile("[\u3000\ufeff\u200b\xa0]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(s: str) -> str:
    """Odd spaces to spaces, control characters (copy-paste debris, illegal in XML) removed."""
    if _ODD_CHARS.search(s):
        s = _CONTROL.sub("", _ODD_SPACE.sub(" ", s))
    return s.strip()


def _cell(v: Any) -> tuple[str, str]:
    """(text, kind): kind '' | 'date' | 'formula' (no saved value) | 'number' | 'bool'."""
    if v is None:
        return "", ""
    if type(v) is str:
        return _clean(v), ""
    if isinstance(v, tuple) and len(v) == 3 and v[0] == "formula":
        text, kind = _cell(v[1])
        return text, kind
    if isinstance(v, _Formula):
        return v.text, "formula"
    if isinstance(v, bool):
        return ("是" if v else "否"), "bool"
    if isinstance(v, int):
        return str(v), "number"
    if isinstance(v, float):
        if v != v:  # NaN
            return "", ""
        if v.is_integer() and abs(v) < 1e15:
            return str(int(v)), "number"
        return (f"{v:.6f}".rstrip("0").rstrip(".") if abs(v) < 1e15 else f"{v:.0f}"), "number"
    if isinstance(v, dt.datetime):
        if v.time() == dt.time(0):
            return v.date().isoformat(), "date"
        return v.isoformat(sep=" "), "date"
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat(), "date"
    return _clean(str(v)), ""


_NONE_WORDS = {"无", "没有", "没", "否", "不", "未", "/", "／", "-", "—", "——", "无此项", "不适用", "暂无"}
_MONTHS_IN = re.compile(r"[年月周星期天日]")


def _months_between(start: dt.date, end: dt.date) -> float:
    return (end.year - start.year) * 12 + (end.month - start.month) - (1 if end.day < start.day else 0)


def _as_date(raw: Any) -> dt.date | None:
    if isinstance(raw, tuple) and len(raw) == 3:
        raw = raw[1]
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    return None


def _parse_months(text: str, kind: str, raw: Any, fact: str, as_of: dt.date, *, date_means_start: bool = False,
                  bare_unit_warning: bool = False, none_is_zero: bool = False) -> _Parsed:
    p = _Parsed()
    if kind == "date":
        d = _as_date(raw)
        if date_means_start and d is not None:
            if d > as_of:
                p.notes.append(f"是{d.isoformat()}，在核对日{as_of.isoformat()}之后，按未知处理")
            else:
                m = float(_months_between(d, as_of))
                p.facts[fact] = m
                p.notes.append(f"填的是日期，按{d.isoformat()}开始算到核对日，共{int(m)}个月")
            return p
        p.notes.append("是日期，看不懂，按未知处理（请填月数，如 12个月）")
        return p
    if kind == "formula":
        p.notes.append("是公式，表格里没有保存计算结果，按未知处理（请在Excel里打开并保存，或直接填数）")
        return p
    t = re.sub(r"\s+", "", text)
    if none_is_zero and t in _NONE_WORDS | {"没签", "未签", "没有签", "未签订", "没签合同"}:
        p.facts[fact] = 0.0
        return p
    if re.search(r"无固定期限|长期|无期限|不定期", t):
        p.facts[fact] = OPEN_ENDED_MONTHS
        return p
    if len(t) > 40:
        p.notes.append("太长，看不懂，按未知处理")
        return p
    n = nz.parse_duration_months(t)
    if n is None:
        p.notes.append("看不懂，按未知处理")
        return p
    if n < 0:
        p.notes.append("不能是负数，按未知处理")
        return p
    if n > 600:
        p.notes.append("太大了，看不懂，按未知处理")
        return p
    if bare_unit_warning and not _MONTHS_IN.search(t) and 0 < n <= 5:
        p.notes.append(f"没写单位，按{_num_text(n)}个月处理；如果是{_num_text(n)}年，请写“{_num_text(n)}年”")
    p.facts[fact] = float(n)
    return p


def _num_text(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _parse_number(text: str, kind: str, fact: str, parser, what: str = "") -> _Parsed:
    p = _Parsed()
    if kind == "date":
        p.notes.append("是日期，看不懂，按未知处理")
        return p
    if kind == "formula":
        p.notes.append("是公式，表格里没有保存计算结果，按未知处理（请在Excel里打开并保存，或直接填数）")
        return p
    t = re.sub(r"\s+", "", text)
    if len(t) > 30:
        p.notes.append("太长，看不懂，按未知处理")
        return p
    n = parser(t)
    if n is None:
        p.notes.append("看不懂，按未知处理")
    elif n < 0:
        p.notes.append("不能是负数，按未知处理")
    else:
        p.facts[fact] = float(n)
    return p


def _parse_yes_no(text: str, kind: str, fact: str | None) -> _Parsed:
    p = _Parsed()
    if kind == "formula":
        p.notes.append("是公式，表格里没有保存计算结果，按未知处理")
        return p
    v = nz.yes_no(text) if kind != "date" else None
    if v is None:
        p.notes.append("应填“是”或“否”，看不懂，按未知处理")
        return p
    if fact:
        p.facts[fact] = v
    p.flag = v
    return p


_EMPLOYED_WORDS = [
    (r"^(未就业|无业|待业|没有?工作|没上班|在家|闲置|未务工|没务工)$", (False, True)),
    (r"失业", (False, True)),
    (r"^(在校|上学|学生|读书|在读|退休|无劳动能力|丧失劳动能力|务农|种地|务农在家|老人|儿童|幼儿|学龄前)", (False, None)),
    (r"^(已就业|就业|在岗|务工|打工|上班|外出务工|已务工|灵活就业|已上班|是|有工作|在外务工|转移就业|自主创业|创业)", (True, False)),
    (r"^(否|无|没)$", (False, None)),
]


def _parse_employment(text: str, kind: str) -> _Parsed:
    p = _Parsed()
    if kind in ("date", "formula", "number"):
        p.notes.append("应填 已就业 / 未就业 / 失业，看不懂，按未知处理")
        return p
    t = re.sub(r"\s+", "", text)
    for pat, (emp, unemp) in _EMPLOYED_WORDS:
        if re.search(pat, t):
            p.facts["employed"] = emp
            if unemp is not None:
                p.facts["unemployed"] = unemp
            p.flag = emp
            return p
    p.notes.append("应填 已就业 / 未就业 / 失业，看不懂，按未知处理")
    return p


_NOT_CATEGORY = {"无", "没有", "否", "一般户", "普通户", "一般", "普通", "非贫困户", "/", "-", "—", "不是"}


def _parse_categories(text: str, kind: str, policies: PolicySet) -> _Parsed:
    """flag = (categories, not_categories, exhaustive)."""
    p = _Parsed()
    if kind in ("date", "formula", "number", "bool"):
        p.notes.append("看不懂，按未知处理（应写 脱贫户、低保户、残疾人 等）")
        p.flag = ([], [], False)
        return p
    if len(text) > 100:
        p.notes.append("太长，看不懂，按未知处理")
        p.flag = ([], [], False)
        return p
    cats, nots, unknown = [], [], []
    for w in nz.split_list(text):
        if w in _NOT_CATEGORY:
            continue
        neg = re.match(r"^(非|不是|未|没有|不属于)(.+)$", w)
        c = nz.category(neg.group(2) if neg else w, policies)
        if c is None:
            unknown.append(w)
        elif neg:
            if c not in nots:
                nots.append(c)
        elif c not in cats:
            cats.append(c)
    for w in unknown:
        p.notes.append(f"里的“{_shown(w)}”不是已知的人员类别，已忽略（其余类别照常使用，但不再当作完整名单）")
    p.flag = (cats, [c for c in nots if c not in cats], not unknown)
    return p


def _parse_training_type(text: str, kind: str) -> _Parsed:
    p = _Parsed()
    if kind in ("date", "formula", "number", "bool"):
        p.notes.append("看不懂，按未知处理")
        return p
    t = re.sub(r"\s+", "", text)
    if t in _NONE_WORDS:
        p.flag = False
        return p
    if len(t) > 40:
        p.notes.append("太长，看不懂，按未知处理")
        return p
    for pat, value in nz.TRAINING_TYPES[:-1]:        # all but the catch-all
        if re.search(pat, t):
            p.facts["training_type"] = value
            p.flag = True
            return p
    if re.search(r"培训|技能|技术|电工|焊|厨|烹饪|家政|育婴|月嫂|保育|护理|养老|挖掘|驾驶|缝纫|美容|美发|维修|电商", t):
        p.facts["training_type"] = "就业技能培训"
        p.flag = True
        return p
    p.notes.append("看不懂，按未知处理（可写 SYB、IYB、就业技能培训、岗位技能提升培训 等）")
    return p


def _parse_certificate(text: str, kind: str) -> _Parsed:
    t = re.sub(r"\s+", "", text)
    if kind == "" and re.search(r"资格|等级证|技能证|鉴定", t) and not re.search(r"^(无|没|未)", t):
        return _Parsed({"got_qualification_certificate": True, "training_certificate": True}, flag=True)
    if kind == "" and re.search(r"合格证|结业证|培训证", t) and not re.search(r"^(无|没|未)", t):
        return _Parsed({"training_certificate": True}, flag=True)
    return _parse_yes_no(text, kind, "training_certificate")


BORROWER_OF = {"个体工商户": "个人", "合伙创业": "合伙", "小微企业": "小微企业"}


def _parse_choice(text: str, kind: str, fact: str, read, hint: str) -> _Parsed:
    """A cell naming one of a fact's choices (创业形式, 公益岗类型): 无/否 → not applicable; unreadable → noted."""
    p = _Parsed()
    t = re.sub(r"\s+", "", text)
    if kind in ("", "bool") and (t in _NONE_WORDS or t == "否"):
        p.flag = False
        return p
    if kind in ("date", "formula", "number") or len(t) > 40:
        p.notes.append(f"看不懂，按未知处理（可写 {hint}）")
        return p
    p.flag = True   # something was written: they did start a business / hold a post
    v = read(t)
    if v is None:
        p.notes.append(f"看不懂，按未知处理（可写 {hint}）")
        return p
    p.facts[fact] = v
    return p


def _parse_business(text: str, kind: str) -> _Parsed:
    p = _parse_choice(text, kind, "business_type", nz.business_type,
                      "个体工商户、小微企业、合伙创业、农民专业合作社、家庭农场")
    if p.facts.get("business_type") in BORROWER_OF:
        p.facts["borrower_type"] = BORROWER_OF[p.facts["business_type"]]
    return p


def _parse_post(text: str, kind: str) -> _Parsed:
    return _parse_choice(text, kind, "post_type", nz.post_type,
                         "农村公益性岗位-其它、护林员、劳动保障助理员、城镇公益性岗位 等")


# ----------------------------------------------------------------------------------------------- results
@dataclass
class Item:
    """One benefit for one person, ready to print."""
    benefit: Benefit
    status: str                 # eligible | unknown | ineligible
    status_text: str            # 符合 / 待确认：… / 不符合：…
    amount_text: str            # 500元 / 最高500元 / 1000～2500元 / words when the document gives no amount
    amount_detail: str          # with the calculation, for the checklist
    amount_value: float | None  # counted in totals: eligible, computed, not a loan
    payee_text: str             # 钱发给劳动者本人
    where_when: str
    citation: str
    cautions: list[str] = field(default_factory=list)
    ended: bool = False

    @property
    def status_word(self) -> str:
        return {ELIGIBLE: "符合", UNKNOWN: "待确认", INELIGIBLE: "不符合"}[self.status]


@dataclass(slots=True)
class Person:
    line: int
    household: str
    name: str
    id_masked: str
    place_text: str             # as written (masked)
    place_label: str            # resolved full name, or ''
    documents: list[Document]
    coverage: str               # 千人社发〔2021〕141号（千阳县） / 暂未收录该地政策：…
    categories: list[str]
    categories_text: str
    employment_text: str
    remark: str
    items: list[Item]
    problems: list[Problem] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return bool(self.documents)

    @property
    def total(self) -> float:
        return sum(i.amount_value for i in self.items if i.amount_value is not None)


@dataclass
class BenefitSummary:
    benefit: Benefit
    eligible: int = 0
    unknown: int = 0
    ineligible: int = 0
    total: float = 0.0
    ceiling_count: int = 0       # eligible people counted at the ceiling (最高…)
    uncomputed: int = 0          # eligible people whose amount could not be computed


@dataclass
class Report:
    as_of: dt.date
    source: str
    people: list[Person]
    notices: list[Problem]                # file-level
    policies: PolicySet
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def problems(self) -> list[Problem]:
        out = list(self.notices)
        for p in self.people:
            out += p.problems
        return out

    @property
    def households(self) -> list[tuple[str, list[Person]]]:
        order: dict[str, list[Person]] = {}
        for p in self.people:
            order.setdefault(p.household, []).append(p)
        return list(order.items())

    @property
    def summary(self) -> list[BenefitSummary]:
        by_id: dict[str, BenefitSummary] = {}
        for p in self.people:
            for it in p.items:
                s = by_id.get(it.benefit.id)
                if s is None:
                    s = by_id[it.benefit.id] = BenefitSummary(it.benefit)
                if it.status == ELIGIBLE:
                    s.eligible += 1
                    if it.amount_value is not None:
                        s.total += it.amount_value
                        if _is_ceiling(it):
                            s.ceiling_count += 1
                    elif it.benefit.kind != "loan":
                        s.uncomputed += 1
                elif it.status == UNKNOWN:
                    s.unknown += 1
                else:
                    s.ineligible += 1
        order = {b: i for i, b in enumerate(self.policies.benefits)}
        return sorted(by_id.values(), key=lambda s: order.get(s.benefit.id, 1 << 20))

    @property
    def documents_used(self) -> list[Document]:
        seen = {}
        for p in self.people:
            for d in p.documents:
                seen.setdefault(d.id, d)
        return [d for d in self.policies.documents if d.id in seen]

    def validity_notes(self) -> list[str]:
        """The note that the policies have ended as of the check date, one line per document, via validity_line."""
        docs = list(self.policies.documents)
        ended = [d for d in docs if d.ended(self.as_of)]
        if len(ended) == len(docs):
            head = (f"注意：截至{cn_date(self.as_of)}，收录的全部{len(docs)}份政策文件都已到期（或属往年政策）。"
                    "本报告按原文件计算，只供入户核对参考，现行标准请向各地办理部门确认。")
        elif ended:
            head = (f"注意：截至{cn_date(self.as_of)}，收录的{len(docs)}份政策文件中有{len(ended)}份已到期（或属往年政策），"
                    "现行标准请向各地办理部门确认。")
        else:
            head = f"截至{cn_date(self.as_of)}，收录的{len(docs)}份政策文件均在有效期内。"
        return [head] + [f"{d.document_no}（{d.place_label}）：{validity_line(d, self.as_of)}" for d in docs]


def _is_ceiling(it: Item) -> bool:
    return it.amount_text.startswith("最高")


def _money_num(x: float) -> str:
    return fmt_money(x)[:-1]   # '500元' → '500', '30万元' → '30万'


def amount_text(r: BenefitResult) -> str:
    """500元 · 最高500元 · 1000～2500元 · 最高20万元 · the document's words when it gives no amount."""
    a = r.amount
    if a.value is not None:
        return ("最高" if a.up_to else "") + fmt_money(a.value)
    if a.range:
        lo, hi = a.range
        if lo == 0:
            return "最高" + fmt_money(hi)
        lo_s, hi_s = fmt_money(lo), fmt_money(hi)
        if lo_s.endswith("万元") == hi_s.endswith("万元"):
            return f"{_money_num(lo)}～{hi_s}"
        return f"{lo_s}～{hi_s}"
    return a.text or "文件未列金额"


def _amount_detail(r: BenefitResult) -> str:
    a = r.amount
    s = amount_text(r)
    if a.value is not None and a.steps and (len(a.steps) > 1 or "=" in a.steps[0]):
        s += f"（{'；'.join(a.steps)}）"
    elif a.value is None and a.text and a.text not in s:
        s += f"（{a.text}）"
    if r.benefit.kind == "loan":
        s += "（贷款额度，要还，不是补贴）"
    return s


# ----------------------------------------------------------------------------------------------- the batch
# the columns read into facts, in the order they are read (and their problems reported)
FACT_COLUMNS = ("人员类别", "就业状态", "合同期限", "务工月数", "就业后月数", "交通费", "是否参加培训", "培训类型", "培训天数",
                "是否取得证书", "创业形式", "营业执照月数", "公益岗类型", "在岗月数", "子女就读技校")
_BLANK = _Parsed()                     # an empty cell says nothing (shared: never changed)


@dataclass
class _Home:
    """What a row's 户籍地 gives: the documents covering it and the words for the report."""
    resolution: Resolution | None
    documents: tuple[Document, ...]
    label: str                  # resolved full name, or ''
    coverage: str               # 千人社发〔2021〕141号（千阳县） / 暂未收录该地政策：…
    shown: str                  # the place as written, masked
    problem: str = ""           # the tail of the row's problem message about the place, if any
    doc_ids: tuple[str, ...] = field(init=False)

    def __post_init__(self):
        self.doc_ids = tuple(d.id for d in self.documents)


_NO_HOME = _Home(None, (), "", "暂未收录该地政策：户籍地为空，无法确定用哪里的政策", "")


class _Candidate(NamedTuple):
    """A benefit a row may list, with what its result depends on (the key of its cached item)."""
    benefit: Benefit
    facts: tuple[str, ...]          # the facts it reads, categories apart
    categories: frozenset[str] | None   # the categories its conditions name; None: it reads no categories
    received_ids: frozenset[str]    # benefit ids whose receipt this year matters to it


_NOT_CACHED = object()
_STATUS_RANK = {ELIGIBLE: 0, UNKNOWN: 1, INELIGIBLE: 2}


def _status_rank(it: Item) -> int:
    return _STATUS_RANK[it.status]


class BatchChecker:
    """Evaluates ledger rows against one loaded PolicySet and gazetteer; caches every per-value step."""

    def __init__(self, as_of: dt.date | None = None, policies: PolicySet | None = None,
                 gazetteer: Gazetteer | None = None):
        self.as_of = as_of or dt.date.today()
        base = policies or default_policies()
        self.base_policies = base
        # a shallow copy whose exclusive_partners is memoised (it scans every document on each call)
        fast = copy.copy(base)
        fast.exclusive_partners = functools.lru_cache(maxsize=None)(base.exclusive_partners)
        self.policies = fast
        if gazetteer is None:
            gazetteer = default_gazetteer() if policies is None else Gazetteer(base)
        self.gaz = gazetteer
        self._place_cache: dict[str, Resolution] = {}
        self._home_cache: dict[tuple[str, str], _Home] = {}
        self._text_cells: dict[tuple[str, str], tuple[str, _Parsed]] = {}
        self._cell_cache: dict[tuple, _Parsed] = {}
        self._masked: dict[str, str] = {}
        self._scope_cache: dict[tuple, _Parsed] = {}
        self._received_cache: dict[tuple, _Parsed] = {}
        self._candidates_cache: dict[tuple, list[_Candidate]] = {}
        self._item_cache: dict[tuple, Item | None] = {}
        self._reads: dict[str, _Candidate] = {}
        self.eval_cache_hits = 0
        self.evaluations = 0

    # -- places
    def resolve(self, text: str) -> Resolution:
        r = self._place_cache.get(text)
        if r is None:
            r = self.gaz.resolve(text) if len(text) <= MAX_PLACE else Resolution(text, None)
            self._place_cache[text] = r
        return r

    def _home(self, place_text: str, kind: str) -> _Home:
        """What a (non-empty) 户籍地 gives; the same few places fill a whole ledger, so each is worked out once."""
        key = (place_text, kind)
        home = self._home_cache.get(key)
        if home is None:
            home = self._home_cache[key] = self._home_uncached(place_text, kind)
        return home

    def _home_uncached(self, place_text: str, kind: str) -> _Home:
        shown = mask_text(place_text)[:MAX_PLACE]
        if kind in ("date", "formula", "number", "bool") or len(place_text) > MAX_PLACE:
            return _Home(None, (), "", "暂未收录该地政策：户籍地看不懂", shown, "看不懂，无法确定用哪里的政策")
        res = self.resolve(place_text)
        if res.place is None:
            return _Home(res, (), "", f"暂未收录该地政策（户籍地“{_shown(place_text)}”不在地名表里）", shown,
                         "不认识这个地名，暂未收录该地政策；请写到县（区、市），如 千阳县")
        label = res.place.full_name
        docs = tuple(res.documents)
        if docs:
            return _Home(res, docs, label, "；".join(f"{d.document_no}（{d.place_label}）" for d in docs), shown)
        if res.narrower:
            names = "、".join(d.place_label for d in res.narrower)
            return _Home(res, (), label, f"暂未收录该地政策：{label}本身没有收录的文件，只收录了{names}的文件", shown,
                         f"只写到{label}，请写到县（区），如 {names}")
        return _Home(res, (), label, f"暂未收录该地政策：暂未收录{label}的就业帮扶政策文件，请向当地人社部门咨询（12333）",
                     shown)

    def _mask(self, text: str) -> str:
        """mask_text, remembered: household ids, remarks and employment words repeat down a ledger."""
        masked = self._masked.get(text)
        if masked is None:
            masked = self._masked[text] = mask_text(text)
        return masked

    # -- cells
    def _cell_parse(self, col: str, raw: Any) -> tuple[str, _Parsed]:
        """(text, what it says) for one fact cell. A text cell, nearly every cell of a ledger, is cached on the value
        as typed, so a value seen before costs one look-up; numbers, dates and formulas go through _cell each time."""
        if type(raw) is str:
            got = self._text_cells.get((col, raw))
            if got is None:
                got = self._text_cells[(col, raw)] = self._cell_parse_value(col, raw)
            return got
        return self._cell_parse_value(col, raw)

    def _cell_parse_value(self, col: str, raw: Any) -> tuple[str, _Parsed]:
        text, kind = _cell(raw)
        if not text:
            return text, _BLANK
        key = (col, text, kind, raw if kind == "date" else None)
        p = self._cell_cache.get(key)
        if p is None:
            p = self._parse_uncached(col, text, kind, raw)
            self._cell_cache[key] = p
        return text, p

    def _parse_uncached(self, col: str, text: str, kind: str, raw: Any) -> _Parsed:
        as_of = self.as_of
        if col == "人员类别":
            return _parse_categories(text, kind, self.base_policies)
        if col == "就业状态":
            return _parse_employment(text, kind)
        if col == "合同期限":
            return _parse_months(text, kind, raw, "contract_months", as_of, bare_unit_warning=True, none_is_zero=True)
        if col == "务工月数":
            return _parse_months(text, kind, raw, "months_employed", as_of, none_is_zero=True)
        if col == "就业后月数":
            return _parse_months(text, kind, raw, "months_since_employment", as_of, date_means_start=True)
        if col == "营业执照月数":
            return _parse_months(text, kind, raw, "months_since_registration", as_of, date_means_start=True)
        if col == "在岗月数":
            return _parse_months(text, kind, raw, "months_on_post", as_of, none_is_zero=True)
        if col == "交通费":
            if re.sub(r"\s+", "", text) in _NONE_WORDS:
                return _Parsed({"transport_cost": 0.0})
            return _parse_number(text, kind, "transport_cost", nz.parse_money)
        if col == "培训天数":
            return _parse_number(text, kind, "training_days", nz.parse_days)
        if col == "是否参加培训":
            return _parse_yes_no(text, kind, None)
        if col == "培训类型":
            return _parse_training_type(text, kind)
        if col == "是否取得证书":
            return _parse_certificate(text, kind)
        if col == "创业形式":
            return _parse_business(text, kind)
        if col == "公益岗类型":
            return _parse_post(text, kind)
        if col == "子女就读技校":
            return _parse_yes_no(text, kind, "in_technical_school")
        return _Parsed()

    def _work_scope(self, text: str, kind: str, home: Resolution | None) -> _Parsed:
        key = (text, kind, home.place if home else None)
        p = self._scope_cache.get(key)
        if p is not None:
            return p
        p = _Parsed()
        t = re.sub(r"\s+", "", text)
        word = nz.work_scope_word(t) if kind == "" else None
        if kind in ("date", "formula", "number", "bool"):
            p.notes.append("看不懂，是否跨省按未知处理")
        elif word:
            p.facts["work_scope"] = word
        elif re.search(r"本市|市内", t):
            p.notes.append("只说明在本市内，无法判断是否跨县，按未知处理（可写 本县/外县 或具体地名）")
        elif re.search(r"本省|省内", t):
            p.notes.append("只说明在省内，无法判断是否跨县、跨市，按未知处理（可写 本县/外县/外市 或具体地名）")
        else:
            w = self.resolve(t)
            if w.place is None:
                p.notes.append("不认识这个地名，是否跨省按未知处理（可写 本县/外县/外市/外省 或省市县名）")
            elif home is None or home.place is None:
                pass   # the row's own place is unknown: nothing to compare with (reported on 户籍地)
            else:
                hp, wp = home.place.path, w.place.path
                if hp[0] != wp[0]:
                    p.facts["work_scope"] = "跨省"
                elif len(hp) > 1 and len(wp) > 1 and hp[1] != wp[1]:
                    p.facts["work_scope"] = "跨市"
                elif len(hp) > 2 and len(wp) > 2:
                    p.facts["work_scope"] = "本县" if hp[2] == wp[2] else "跨县"
                else:
                    p.notes.append(f"只写到{'省' if len(wp) == 1 else '市'}（{w.place.full_name}），"
                                   "能确定不跨省，但无法判断是否跨县、跨市，按未知处理")
        self._scope_cache[key] = p
        return p

    def _received(self, text: str, kind: str, home: _Home) -> _Parsed:
        key = (text, kind, home.doc_ids)
        p = self._received_cache.get(key)
        if p is not None:
            return p
        docs = home.documents
        p = _Parsed(flag=[])
        words = nz.split_list(text) if kind in ("", "bool") else []
        if kind in ("date", "formula", "number"):
            p.notes.append("看不懂，按今年没有享受过处理")
        benefits = [b for d in docs for b in d.benefits]
        got: list[str] = []
        for w in words:
            if w in _NONE_WORDS:
                continue
            if w in self.base_policies.benefits:
                ids = [w]
            else:
                ids = [b.id for b in benefits if b.name == w] or \
                      [b.id for b in benefits if w in b.name or (len(b.name) >= 4 and b.name in w)]
            if len(ids) == 1:
                got.append(ids[0])
            elif not ids:
                if docs:
                    p.notes.append(f"里的“{_shown(w)}”不是本地政策里的补贴名称，已忽略")
            else:
                names = "、".join(self.base_policies.benefits[i].name for i in ids[:4])
                p.notes.append(f"里的“{_shown(w)}”可能是{names}，请写全称；已忽略")
        p.flag = got
        if words and kind in ("", "bool"):
            p.facts["received_allowance_this_year"] = any(
                self.base_policies.benefits[i].topic == "training_allowance" for i in got)
        self._received_cache[key] = p
        return p

    # -- candidates and evaluation
    def _candidates(self, home: _Home, gates: tuple) -> list[_Candidate]:
        key = (home.doc_ids, gates)
        c = self._candidates_cache.get(key)
        if c is not None:
            return c
        employed, training, startup, post, school = gates
        c = []
        for d in home.documents:
            for b in d.benefits:
                if b.payee not in PERSONAL_PAYEES:
                    continue
                t = b.topic
                if t in EMPLOYMENT_TOPICS and employed is False:
                    continue
                if t in TRAINING_TOPICS and not training:
                    continue
                if t in STARTUP_TOPICS and not startup:
                    continue
                if t in POST_TOPICS and not post:
                    continue
                if t in SCHOOL_TOPICS and not school:
                    continue
                c.append(self._benefit_reads(b))
        self._candidates_cache[key] = c
        return c

    def _benefit_reads(self, b: Benefit) -> _Candidate:
        """A benefit with what its result depends on: the facts it reads, the person categories its conditions name
        (a condition on categories asks only whether the person is, is not, or may be one of those), and the benefit
        ids whose receipt matters to it."""
        got = self._reads.get(b.id)
        if got is None:
            got = self._reads[b.id] = self._benefit_reads_uncached(b)
        return got

    def _benefit_reads_uncached(self, b: Benefit) -> _Candidate:
        facts: list[str] = []
        categories: set[str] = set()
        _collect_facts(b.eligibility, facts, categories)
        _collect_amount_facts(b.amount, facts, categories)
        # facts Profile.derive() computes from others
        for derived, sources in (("labor_contract_signed", ["contract_months"]),
                                 ("employed", ["months_since_employment"]),
                                 ("poor_staff_one_third", ["staff_total", "hired_poor_count"])):
            if derived in facts:
                facts += [f for f in sources if f not in facts]
        ids = {b.id} | {o for o, _, _ in self.policies.exclusive_partners(b.id)}
        return _Candidate(b, tuple(f for f in facts if f != "category"),
                          frozenset(categories) if "category" in facts else None, frozenset(ids))

    def _items(self, home: _Home, gates, facts, cats, nots, exhaustive, received) -> list[Item]:
        """Each benefit's item is cached on just what that benefit reads: its facts, whether the person is (or is
        not) one of the categories it names, what was received of it and its partners. Rows that differ only in
        things a benefit ignores share its result (a ledger repeats the same few values a lot)."""
        cats_set, nots_set = frozenset(cats), frozenset(nots)
        rec = frozenset(received)
        profile = None
        items = []
        cache = self._item_cache
        for b, names, named, ids in self._candidates(home, gates):
            cat_key = None if named is None else (cats_set & named, nots_set & named, exhaustive)
            key = (b.id, tuple(map(facts.get, names)), cat_key, rec & ids)
            it = cache.get(key, _NOT_CACHED)
            if it is not _NOT_CACHED:
                self.eval_cache_hits += 1
            else:
                if profile is None:
                    profile = Profile.from_facts(
                        dict(facts, category=list(cats), not_category=list(nots), category_exhaustive=exhaustive,
                             received_this_year=list(received)), self.base_policies)
                self.evaluations += 1
                r = evaluate_benefit(b, profile, self.as_of, self.policies)
                if r.status == INELIGIBLE and any(_is_selector(o.condition) for o in r.failed):
                    it = None   # not in the target group, or another kind of training/post/business: not listed
                else:
                    it = self._item(r, profile)
                cache[key] = it
            if it is not None:
                items.append(it)
        items.sort(key=_status_rank)
        return items

    def _item(self, r: BenefitResult, profile: Profile) -> Item:
        b = r.benefit
        vocab = self.base_policies.vocab
        if r.status == ELIGIBLE:
            st = "符合"
        elif r.status == UNKNOWN:
            asks = []
            for f in r.missing:
                spec = vocab.facts.get(f)
                q = spec.question if spec else f
                if f == "age" and b.topic in SCHOOL_TOPICS:
                    q = "在技工院校上学的孩子今年多大？"
                col = FACT_COLUMN.get(f)
                asks.append(q + (f"（台账“{col}”列）" if col else ""))
            st = "待确认：" + _join_asks(list(dict.fromkeys(asks)))
        else:
            st = "不符合：" + "；".join(dict.fromkeys(r.reasons))
        value = r.amount.value if (r.status == ELIGIBLE and b.kind != "loan") else None
        cautions = []
        if r.partners and r.status != INELIGIBLE:
            names = "、".join(dict.fromkeys(self.base_policies.benefits[o].name for o, _, _ in r.partners
                                            if o in self.base_policies.benefits))
            if names:
                cautions.append(f"与{names}不能同时享受")
        if r.status == ELIGIBLE and r.amount.missing:
            need = "、".join(vocab.facts[f].label for f in r.amount.missing if f in vocab.facts)
            if need:
                cautions.append(f"金额要看{need}")
        where = apply_line(b)
        for o in r.met:
            c = o.condition
            if isinstance(c, Condition) and c.deadline and c.op == "at_most" and c.fact in profile.facts:
                left = c.value.value - profile.facts[c.fact]
                where += f"（已过{_num_text(profile.facts[c.fact])}个月，还剩约{_num_text(left)}个月）"
        return Item(b, r.status, st, amount_text(r), _amount_detail(r), value,
                    f"钱发给{b.payee_label}", where, citation(b), cautions, r.ended)

    # -- one row
    def check_row(self, row: RawRow, household: str, inherited_place: str) -> Person:
        line, cells = row.line, row.cells
        problems: list[Problem] = []
        name_text, _ = _cell(cells.get("姓名"))
        name = mask_text(name_text)
        if len(name) > MAX_NAME:
            problems.append(Problem(line, household, name[:MAX_NAME], "姓名", _shown(name),
                                    f"第{line}行 姓名太长（共{len(name)}字），只保留前{MAX_NAME}字"))
            name = name[:MAX_NAME] + "…"
        if not name:
            name = f"（第{line}行，未填姓名）"
            problems.append(Problem(line, household, name, "姓名", "", f"第{line}行 姓名为空"))

        def report(col: str, text: str, tail: str):
            shown = _shown(text) if col != "身份证号" else mask_id(text)
            problems.append(Problem(line, household, name, col, shown, f"第{line}行 {col}“{shown}”{tail}"))

        # ID
        raw_id = cells.get("身份证号")
        id_text, id_kind = _cell(raw_id)
        s = _id_digits(id_text)
        id_masked = _mask_id_digits(s)
        if id_text:
            if isinstance(raw_id, float) or (id_kind == "number" and len(s) > 15):
                report("身份证号", id_text, "被存成了数字，后几位可能已经丢失，请把这一列设成“文本”后重新录入")
            elif _ID18.fullmatch(s):
                if not _id_checksum_ok(s):
                    report("身份证号", id_text, "校验位不对，请核对")
            elif not _ID15.fullmatch(s):
                report("身份证号", id_text, "不像身份证号（应为18位），请核对")

        # place
        place_text, place_kind = _cell(cells.get("户籍地"))
        place_text = _SPACES.sub("", place_text)
        if not place_text and inherited_place:
            place_text = inherited_place
        if place_text:
            home = self._home(place_text, place_kind)
            if home.problem:
                report("户籍地", place_text, home.problem)
        else:
            home = _NO_HOME
            problems.append(Problem(line, household, name, "户籍地", "", f"第{line}行 户籍地为空，无法确定用哪里的政策"))

        # facts from the cells
        facts: dict[str, Any] = {}
        flags: dict[str, Any] = {}      # column → its column-specific flag (_Parsed.flag), for the cells filled in
        employment_text = ""
        for col in FACT_COLUMNS:
            raw = cells.get(col)
            if raw is None or raw == "":
                continue
            text, p = self._cell_parse(col, raw)
            if not text:
                continue
            for tail in p.notes:
                report(col, text, tail)
            facts.update(p.facts)
            flags[col] = p.flag
            if col == "就业状态":
                employment_text = self._mask(text)[:MAX_NAME]
        cats, nots, exhaustive = flags.get("人员类别") or ([], [], False)
        categories_text = "、".join(cats) if cats else ("（无）" if exhaustive else "")
        training = flags.get("是否参加培训")
        if training is False and facts.get("training_type"):
            report("是否参加培训", "否", f"，但培训类型写了“{facts['training_type']}”，按没参加培训处理")
        training_any = bool(flags.get("培训类型")) or bool(facts.get("got_qualification_certificate"))
        training_gate = training is True or (training is None and training_any)
        # work place (needs the home place)
        raw_work = cells.get("就业地")
        if raw_work is not None:
            wtext, wkind = _cell(raw_work)
            if wtext:
                wp = self._work_scope(wtext, wkind, home.resolution)
                for tail in wp.notes:
                    report("就业地", wtext, tail)
                facts.update(wp.facts)
        # already received this year
        received: list[str] = []
        raw_rec = cells.get("今年已享受")
        if raw_rec is not None:
            rtext, rkind = _cell(raw_rec)
            if rtext:
                rp = self._received(rtext, rkind, home)
                for tail in rp.notes:
                    report("今年已享受", rtext, tail)
                received = rp.flag or []
                facts.update(rp.facts)

        # remark
        remark_text, _ = _cell(cells.get("备注"))
        remark = self._mask(remark_text)
        if len(remark) > MAX_REMARK:
            problems.append(Problem(line, household, name, "备注", _shown(remark),
                                    f"第{line}行 备注太长（共{len(remark)}字），报告里只保留前{MAX_REMARK}字"))
            remark = remark[:MAX_REMARK] + "…"

        items: list[Item] = []
        if home.documents:
            gate_key = (flags.get("就业状态"), training_gate, bool(flags.get("创业形式")), bool(flags.get("公益岗类型")),
                        flags.get("子女就读技校") is True)
            try:
                items = self._items(home, gate_key, facts, cats, nots, exhaustive, received)
            except ValueError as e:    # a value the evaluator refuses: report it, evaluate with the categories only
                problems.append(Problem(line, household, name, "", "", f"第{line}行 {e}，这一行只按人员类别核对"))
                items = self._items(home, gate_key, {}, cats, nots, exhaustive, received)
        return Person(line, household, name, id_masked, home.shown, home.label, list(home.documents),
                      home.coverage, cats, categories_text, employment_text, remark, items, problems)

    def check(self, rows: Iterable[RawRow]) -> list[Person]:
        people = []
        household, last_place = "", ""
        pending_no_household = False
        for row in rows:
            hh_text, _ = _cell(row.cells.get("户号"))
            hh_text = self._mask(hh_text)
            if len(hh_text) > MAX_NAME:
                hh_text = hh_text[:MAX_NAME] + "…"
            new_household = bool(hh_text) and hh_text != household
            if hh_text:
                household = hh_text
            elif not household:
                household = "（未填户号）"
                pending_no_household = True
            place_text, _ = _cell(row.cells.get("户籍地"))
            if new_household:
                last_place = ""
            person = self.check_row(row, household, last_place)
            if place_text:
                last_place = _SPACES.sub("", place_text)
            if pending_no_household:
                person.problems.insert(0, Problem(row.line, household, person.name, "户号", "",
                                                  f"第{row.line}行 户号为空（上面也没有户号），归入“（未填户号）”"))
                pending_no_household = False
            people.append(person)
        return people


# facts that say which kind of person/training/post/business a benefit is for: failing one means "not for you",
# not "you missed a condition", so such a benefit is not listed at all
SELECTOR_FACTS = {"category", "training_type", "post_type", "business_type", "borrower_type", "employer_type"}


def _join_asks(asks: list[str]) -> str:
    """Questions one after another: '…吗？（台账“X”列）；…' — no '；' right after a question mark."""
    out = ""
    for a in asks:
        if out and not out.endswith(("？", "?")):
            out += "；"
        out += a
    return out


def _collect_facts(conds, out: list[str], categories: set[str] | None = None) -> None:
    """The facts the conditions read, into `out`; and the person categories they name, into `categories`."""
    for c in conds:
        if isinstance(c, AnyOf):
            for alt in c.alternatives:
                _collect_facts(alt, out, categories)
            continue
        if c.fact not in out:
            out.append(c.fact)
        if c.fact == "category" and c.op in ("any_of", "none_of") and categories is not None:
            categories.update(c.value)


def _collect_amount_facts(a, out: list[str], categories: set[str] | None = None) -> None:
    for f, _ in a.units:
        if f not in out:
            out.append(f)
    if a.cost_fact and a.cost_fact not in out:
        out.append(a.cost_fact)
    for p in a.parts:
        _collect_amount_facts(p, out, categories)
    for when, sub in a.cases:
        _collect_facts(when, out, categories)
        _collect_amount_facts(sub, out, categories)


def _is_selector(c) -> bool:
    if isinstance(c, AnyOf):
        return any(_is_selector(x) for alt in c.alternatives for x in alt)
    return c.fact in SELECTOR_FACTS


# ----------------------------------------------------------------------------------------------- entry points
def check_rows(rows: Iterable[RawRow | dict], as_of: dt.date | None = None, *, policies: PolicySet | None = None,
               gazetteer: Gazetteer | None = None, source: str = "", notices: list[Problem] | None = None,
               checker: BatchChecker | None = None) -> Report:
    """Check rows already in memory: RawRow, or plain dicts {column name: value} (numbered from line 2)."""
    checker = checker or BatchChecker(as_of, policies, gazetteer)
    norm = []
    mappings: dict[tuple, tuple[list[tuple[Any, str]], bool]] = {}   # keys → ([(key, column)], keys are the columns)
    for k, r in enumerate(rows, start=2):
        if isinstance(r, RawRow):
            norm.append(r)
        else:
            keys = tuple(r)
            got = mappings.get(keys)
            if got is None:
                m, seen = [], set()
                for h in keys:
                    name = _HEADER_LOOKUP.get(_header_key(h))
                    if name and name not in seen:
                        seen.add(name)
                        m.append((h, name))
                got = mappings[keys] = (m, len(m) == len(keys) and all(h == name for h, name in m))
            m, same = got
            norm.append(RawRow(k, dict(r) if same else {name: r[h] for h, name in m}))
    t0 = time.perf_counter()
    people = checker.check(norm)
    rep = Report(checker.as_of, source, people, list(notices or []), checker.base_policies)
    rep.seconds["check"] = time.perf_counter() - t0
    return rep


def check_ledger(path: Path | str, as_of: dt.date | None = None, *, max_rows: int = MAX_ROWS, **kw) -> Report:
    t0 = time.perf_counter()
    ledger = read_ledger(path, max_rows=max_rows)
    t1 = time.perf_counter()
    rep = check_rows(ledger.rows, as_of, source=ledger.source, notices=ledger.notices, **kw)
    rep.seconds["read"] = t1 - t0
    return rep


# ----------------------------------------------------------------------------------------------- writing: tables
FIXED_HEADERS = ["行号", "户号", "姓名", "身份证号", "户籍地", "适用政策", "人员类别", "就业状态", "符合项数", "待确认项数",
                 "本人合计（元）", "输入问题", "备注", "政策有效期"]
SLOT_HEADERS = ["项目", "状态", "金额", "金额（元）", "钱发给", "去哪办、何时办", "依据"]
SUMMARY_HEADERS = ["项目", "编号", "依据", "钱发给", "符合（人）", "待确认（人）", "不符合（人）", "符合者金额合计（元）", "说明"]
PROBLEM_HEADERS = ["行号", "户号", "姓名", "列", "填的内容（已打码）", "问题"]


def _num_cell(x: float | None):
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 2)


def detail_table(rep: Report) -> tuple[list[str], list[list[Any]]]:
    slots = max((len(p.items) for p in rep.people), default=0)
    headers = FIXED_HEADERS + [f"{h}{i}" for i in range(1, slots + 1) for h in SLOT_HEADERS]
    validity_by_doc: dict[str, str] = {}
    rows = []
    for p in rep.people:
        vlines = []
        for d in p.documents:
            if d.id not in validity_by_doc:
                validity_by_doc[d.id] = validity_line(d, rep.as_of)
            vlines.append(validity_by_doc[d.id])
        n_el = sum(1 for i in p.items if i.status == ELIGIBLE)
        n_un = sum(1 for i in p.items if i.status == UNKNOWN)
        row = [p.line, p.household, p.name, p.id_masked, p.place_label or p.place_text, p.coverage, p.categories_text,
               p.employment_text, n_el, n_un, _num_cell(p.total) if p.items else None,
               "；".join(x.message for x in p.problems) or None, p.remark or None, "\n".join(vlines) or None]
        for it in p.items:
            row += [it.benefit.name, it.status_text, it.amount_text, _num_cell(it.amount_value), it.payee_text,
                    it.where_when, it.citation]
        rows.append(row)
    return headers, rows


def summary_table(rep: Report) -> tuple[list[str], list[list[Any]]]:
    rows = []
    tot = [0, 0, 0, 0.0]
    for s in rep.summary:
        b = s.benefit
        notes = []
        if b.kind == "loan":
            notes.append("贷款额度，要还，不计入金额合计")
        if s.ceiling_count:
            notes.append(f"其中{s.ceiling_count}人按最高额计")
        if s.uncomputed:
            notes.append(f"{s.uncomputed}人金额未能计算（文件未列金额或缺少数额）")
        rows.append([b.name, b.id, citation(b), b.payee_label, s.eligible, s.unknown, s.ineligible, _num_cell(s.total),
                     "；".join(notes) or None])
        tot[0] += s.eligible
        tot[1] += s.unknown
        tot[2] += s.ineligible
        tot[3] += s.total
    rows.append(["合计", None, None, None, tot[0], tot[1], tot[2], _num_cell(tot[3]), "各项目人次相加（一人可有多项）"])
    return SUMMARY_HEADERS, rows


def summary_head(rep: Report) -> list[str]:
    people = rep.people
    households = len(rep.households)
    uncovered = sum(1 for p in people if not p.covered)
    lines = [f"就业帮扶补贴台账核对汇总（核对日期：{cn_date(rep.as_of)}；台账：{mask_text(rep.source)}）",
             f"共{households}户{len(people)}人；其中{uncovered}人的户籍地暂未收录政策；输入问题{len(rep.problems)}处（见“问题”表）。"]
    lines += rep.validity_notes()
    lines.append("只列钱发给本人或本户（学生家长、毕业生、创业者、借款人）的项目；发给用人单位、培训机构、职介机构的补贴由单位申请，不在此列。")
    return lines


def problems_table(rep: Report) -> tuple[list[str], list[list[Any]]]:
    return PROBLEM_HEADERS, [[p.line, p.household or None, p.name or None, p.column or None, p.value or None,
                              p.message] for p in rep.problems]


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


def _sheet_xml(sh: _Sheet) -> str:
    esc = html.escape
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">']
    if sh.freeze:
        xs, ys = sh.freeze
        pane = "bottomRight" if xs and ys else ("bottomLeft" if ys else "topRight")
        attrs = (f' xSplit="{xs}"' if xs else "") + (f' ySplit="{ys}"' if ys else "")
        out.append(f'<sheetViews><sheetView workbookViewId="0"><pane{attrs} topLeftCell="{_col(xs)}{ys + 1}" '
                   f'activePane="{pane}" state="frozen"/><selection pane="{pane}"/></sheetView></sheetViews>')
    if sh.widths:
        out.append("<cols>" + "".join(f'<col min="{j}" max="{j}" width="{w}" customWidth="1"/>'
                                      for j, w in enumerate(sh.widths, start=1)) + "</cols>")
    out.append("<sheetData>")
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
        out.append(f'<row r="{i}">{"".join(cells)}</row>')
    out.append("</sheetData></worksheet>")
    return "".join(out)


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


def _save_xlsx(path: Path | str, sheets: list[_Sheet], stamp: dt.date) -> None:
    """A plain SpreadsheetML package (inline strings, two styles). openpyxl's writer costs ~12 µs a cell, which made
    writing the report of 10 000 rows slower than checking them; this writes the same cells directly. The zip
    entries carry `stamp` as their date, so the same input gives the same bytes."""
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
        parts[f"xl/worksheets/sheet{k}.xml"] = _sheet_xml(sh)
    stamp_t = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, stamp_t)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"), compresslevel=6)


def write_xlsx(rep: Report, path: Path | str) -> None:
    """Sheets 明细 (one row per person), 汇总 (the validity note, then per-benefit counts and totals), 问题."""
    detail = _Sheet("明细", freeze=(3, 1))
    headers, rows = detail_table(rep)
    widths = {"行号": 6, "户号": 10, "姓名": 10, "身份证号": 21, "户籍地": 18, "适用政策": 30, "人员类别": 16, "就业状态": 9,
              "符合项数": 6, "待确认项数": 6, "本人合计（元）": 10, "输入问题": 40, "备注": 24, "政策有效期": 40}
    slot_w = dict(zip(SLOT_HEADERS, [24, 36, 12, 10, 18, 36, 26]))
    detail.widths = [widths.get(h) or slot_w.get(h.rstrip("0123456789"), 14) for h in headers]
    detail.add(headers, STYLE_HEADER)
    for r in rows:
        detail.add(r)

    summary = _Sheet("汇总", widths=[34, 24, 30, 22, 10, 10, 10, 16, 40])
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
    _save_xlsx(path, [detail, summary, problems], rep.as_of)


# What a spreadsheet may take for a formula when it opens a CSV: a cell starting with = + - @ (also the full-width
# ＝ ＋ － ＠), a tab or a carriage return, after any leading spaces. "-2+3+cmd|' /C calc'!A0" and "=HYPERLINK(…)"
# are formulas; a plain number such as -5, +3 or 3.5 is not and stays a number.
_CSV_FORMULA = re.compile(r"^[\s\u3000]*[=+\-@＝＋－＠]|^[\t\r\n]")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _csv_safe(v: Any) -> Any:
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
                w.writerow([_csv_safe(line)])
            if head_lines:
                w.writerow([])
            w.writerow([_csv_safe(h) for h in headers])
            for r in rows:
                w.writerow([_csv_safe(v) for v in r])

    dump(p_detail, *detail_table(rep))
    dump(p_summary, *summary_table(rep), head_lines=summary_head(rep))
    dump(p_problems, *problems_table(rep))
    return [p_detail, p_summary, p_problems]


# ----------------------------------------------------------------------------------------------- writing: checklists
_CSS = """
@page { size: A4; margin: 15mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei", sans-serif;
       font-size: 16pt; line-height: 1.5; color: #000; background: #fff; margin: 0; }
.household { page-break-after: always; break-after: page; padding: 8mm 4mm; }
.household:last-child { page-break-after: auto; break-after: auto; }
h1 { font-size: 22pt; margin: 0 0 4mm; }
h2 { font-size: 19pt; margin: 6mm 0 2mm; border-bottom: 2px solid #000; }
h3 { font-size: 17pt; margin: 4mm 0 1mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
th, td { border: 1px solid #000; padding: 1mm 2mm; text-align: left; vertical-align: top; }
.warn { border: 3px solid #000; padding: 2mm 3mm; margin: 3mm 0; font-weight: bold; }
.item { border: 1px solid #000; padding: 2mm 3mm; margin: 2mm 0; page-break-inside: avoid; break-inside: avoid; }
.status { font-weight: bold; }
.small { font-size: 13pt; }
ol { margin: 1mm 0 1mm 8mm; padding: 0; }
.check { font-size: 20pt; }
@media screen { body { max-width: 210mm; margin: auto; } .household { border-bottom: 4px dashed #999; } }
"""

_MARK = {ELIGIBLE: "✓ 符合条件", UNKNOWN: "？ 还要确认", INELIGIBLE: "✗ 不符合"}


def _e(x: Any) -> str:
    return html.escape("" if x is None else str(x), quote=True)


def _documents_html(b: Benefit) -> str:
    if not b.documents:
        return f"<p>要带的材料：文件未列申请材料，请向{_e(b.document.contact_office)}咨询。</p>"
    lis = "".join(f"<li>□ {_e(x)}</li>" for x in b.documents.items)
    return f"<p>要带的材料（按文件原文）：</p><ol>{lis}</ol>"


def checklists_html(rep: Report) -> str:
    return "\n".join(_checklist_parts(rep))


def _checklist_parts(rep: Report) -> Iterable[str]:
    """The checklist page by page (a household at a time), so a big ledger is never one string in memory."""
    yield from ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>就业帮扶补贴入户清单（{_e(cn_date(rep.as_of))}）</title>", f"<style>{_CSS}</style></head><body>"]
    for hh, members in rep.households:
        out = ['<section class="household">']
        places = "、".join(dict.fromkeys(m.place_label or m.place_text or "（户籍地未填）" for m in members))
        out.append(f"<h1>就业帮扶补贴入户清单　户号：{_e(hh)}</h1>")
        out.append(f"<p>户籍地：{_e(places)}　　核对日期：{_e(cn_date(rep.as_of))}</p>")
        docs: dict[str, Document] = {}
        for m in members:
            for d in m.documents:
                docs.setdefault(d.id, d)
        for d in docs.values():
            out.append(f'<div class="warn">{_e(d.document_no)}：{_e(validity_line(d, rep.as_of))}</div>')
        out.append("<table><tr><th>姓名</th><th>身份证号</th><th>人员类别</th><th>就业状态</th><th>符合条件</th>"
                   "<th>还要确认</th></tr>")
        for m in members:
            n_el = sum(1 for i in m.items if i.status == ELIGIBLE)
            n_un = sum(1 for i in m.items if i.status == UNKNOWN)
            out.append(f"<tr><td>{_e(m.name)}</td><td>{_e(m.id_masked)}</td><td>{_e(m.categories_text or '未填')}</td>"
                       f"<td>{_e(m.employment_text or '未填')}</td><td>{n_el}项</td><td>{n_un}项</td></tr>")
        out.append("</table>")
        for m in members:
            out.append(f"<h2>{_e(m.name)}</h2>")
            if m.remark:
                out.append(f'<p class="small">备注：{_e(m.remark)}</p>')
            if not m.covered:
                out.append(f"<p><b>{_e(m.coverage)}</b></p>")
            elif not m.items:
                out.append("<p>按台账填的情况，暂时没有本人或本户可以申请的项目。情况有变化请重新核对。</p>")
            for it in m.items:
                b = it.benefit
                out.append('<div class="item">')
                out.append(f'<h3><span class="check">{_e(_MARK[it.status])}</span>：{_e(b.name)}</h3>')
                if it.status != ELIGIBLE:
                    out.append(f'<p class="status">{_e(it.status_text)}</p>')
                if it.status != INELIGIBLE:
                    out.append(f"<p>金额：<b>{_e(it.amount_detail)}</b></p>")
                    out.append(f"<p><b>{_e(it.payee_text)}</b>" + (f"；{_e(b.payee_note)}" if b.payee_note else "")
                               + "</p>")
                    out.append(f"<p>{_e(it.where_when)}</p>")
                    for c in it.cautions:
                        out.append(f"<p>注意：{_e(c)}</p>")
                    if it.ended:
                        d = b.document
                        out.append(f"<p>⚠ 政策已到期或属往年政策：去办之前先向{_e(d.contact_office)}确认现在还能不能办"
                                   f"（电话{_e(d.contact_phone)}）。</p>")
                    out.append(_documents_html(b))
                out.append(f'<p class="small">依据：{_e(it.citation)}</p>')
                out.append("</div>")
            if m.problems:
                lis = "".join(f"<li>{_e(x.message)}</li>" for x in m.problems)
                out.append(f'<div class="small"><p>台账要核对的地方：</p><ul>{lis}</ul></div>')
        out.append('<p class="small">本清单按村就业台账自动生成，只列钱发给本人或本户的项目；是否符合以办理部门审核为准。'
                   "咨询电话 12333。</p>")
        out.append("</section>")
        yield "\n".join(out)
    if not rep.people:
        yield "<p>台账里没有人员。</p>"
    yield "</body></html>"


def write_html(rep: Report, path: Path | str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        first = True
        for part in _checklist_parts(rep):
            if not first:
                f.write("\n")
            f.write(part)
            first = False


# ----------------------------------------------------------------------------------------------- CLI
def parse_as_of(text: str) -> dt.date:
    import argparse
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写成 YYYY-MM-DD，例如 2026-11-22（收到：{text}）") from None


def add_arguments(p) -> None:
    p.add_argument("ledger", help="台账文件（.xlsx 或 .csv）")
    p.add_argument("-o", "--output", required=True, help="报告文件：.xlsx（明细/汇总/问题三张表）或 .csv")
    p.add_argument("--as-of", type=parse_as_of, help="核对日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--checklists", help="入户清单 HTML 文件（每户一页，可直接打印）")


def run(args) -> int:
    """The `batch` subcommand. 0: report written; 2: the ledger or an output path cannot be used."""
    out = Path(args.output)
    ext = out.suffix.lower()
    if ext not in (".xlsx", ".csv"):
        print(f"错误：报告文件要以 .xlsx 或 .csv 结尾：{out}", file=sys.stderr)
        return 2
    ledger = Path(args.ledger)
    targets = [out] + ([Path(args.checklists)] if args.checklists else [])
    for t in targets:
        try:
            if t.resolve() == ledger.resolve():
                print(f"错误：输出文件不能和台账是同一个文件：{t}", file=sys.stderr)
                return 2
        except OSError:
            pass
        if not t.parent.exists():
            print(f"错误：输出文件夹不存在：{t.parent}", file=sys.stderr)
            return 2
    try:
        rep = check_ledger(ledger, args.as_of, max_rows=getattr(args, "max_rows", None) or MAX_ROWS)
    except LedgerError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    try:
        if ext == ".xlsx":
            write_xlsx(rep, out)
            written = [out]
        else:
            written = write_csv(rep, out)
        if args.checklists:
            write_html(rep, args.checklists)
            written.append(Path(args.checklists))
    except OSError as e:
        print(f"错误：无法写入报告（文件是否正在被 Excel 打开？）：{e}", file=sys.stderr)
        return 2
    rep.seconds["write"] = time.perf_counter() - t0
    n_el = sum(1 for p in rep.people for i in p.items if i.status == ELIGIBLE)
    n_un = sum(1 for p in rep.people for i in p.items if i.status == UNKNOWN)
    total = sum(p.total for p in rep.people)
    print(f"核对日期 {rep.as_of.isoformat()}：共{len(rep.households)}户{len(rep.people)}人；符合{n_el}项"
          f"（可计金额合计{fmt_money(total)}），待确认{n_un}项；输入问题{len(rep.problems)}处。")
    print(rep.validity_notes()[0])
    for w in written:
        print(f"已写入：{w}")
    return 0
