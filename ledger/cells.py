"""One cell of the ledger: its text and kind (text, number, date, formula, true/false), what it says as facts, and
what is wrong with it. Every word is read with the one word table (policies/normalize.py); numbers are masked with
the one masker (policies/privacy.py)."""
from __future__ import annotations

import datetime as dt
import operator
from policies import rx as re
from dataclasses import dataclass, field
from typing import Any, Callable

from policies import normalize as nz
from policies import privacy
from policies.gazetteer import Gazetteer, Resolution
from policies.model import Document, PolicySet

from .columns import FACT_OF, MAX_SHOWN

OPEN_ENDED_MONTHS = 120.0   # 无固定期限 / 长期 contract: counts as "at least 1 year"; shown as such

# ----------------------------------------------------------------------------------------------- masking
# One masker for the whole project: policies/privacy.py (the same masked forms as the chat channels and the audit log).
SPACES = re.compile(r"\s+")
ID18 = re.compile(r"\d{17}[\dXx]")
ID15 = re.compile(r"\d{15}")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)

# an ID cell as the characters to check and mask (NFKC, separators and zero-width characters dropped)
id_digits = privacy.id_digits
# 610328199001011234 → 610328********1234 (15 digits: 6 + ***** + 4); anything else: all but the last 2
mask_id = privacy.mask_id
mask_id_digits = privacy.mask_id_chars


def mask_text(text: Any) -> str:
    """ID numbers, mobile and landline numbers, and any other run of 7+ digits (bank cards) inside free text."""
    return privacy.mask_pii(str(text if text is not None else ""))


def id_checksum_ok(s: str) -> bool:
    total = sum(map(operator.mul, map(int, s[:17]), _ID_WEIGHTS))
    return "10X98765432"[total % 11] == s[17].upper()


def shown(text: str, limit: int = MAX_SHOWN) -> str:
    t = mask_text(text)
    if len(t) > limit:
        return f"{t[:limit]}…（共{len(t)}字）"
    return t


# ----------------------------------------------------------------------------------------------- raw cells
class Formula:
    """A formula cell with no value saved in the file."""

    def __init__(self, text: str):
        self.text = text


@dataclass
class Parsed:
    facts: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)   # message tails: "看不懂，按未知处理"
    flag: Any = None                                 # column-specific (gate, category list …)


BLANK = Parsed()                     # an empty cell says nothing (shared: never changed)

_ODD_CHARS = re.compile("[\u3000\ufeff\u200b\xa0\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ODD_SPACE = re.compile("[\u3000\ufeff\u200b\xa0]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(s: str) -> str:
    """Odd spaces to spaces, control characters (copy-paste debris, illegal in XML) removed."""
    if _ODD_CHARS.search(s):
        s = _CONTROL.sub("", _ODD_SPACE.sub(" ", s))
    return s.strip()


def cell_text(v: Any) -> tuple[str, str]:
    """(text, kind): kind '' | 'date' | 'formula' (no saved value) | 'number' | 'bool'."""
    if v is None:
        return "", ""
    if type(v) is str:
        return _clean(v), ""
    if isinstance(v, tuple) and len(v) == 3 and v[0] == "formula":
        text, kind = cell_text(v[1])
        return text, kind
    if isinstance(v, Formula):
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


# ----------------------------------------------------------------------------------------------- cells → facts
# A cell that says "none": a "no" of the word table (无, 否, 没有, /, - …), or a form's not-applicable mark.
_NOT_APPLICABLE = {"——", "无此项", "不适用", "暂无"}


def _says_none(t: str) -> bool:
    return t in _NOT_APPLICABLE or nz.yes_no(t) is False

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


SIGNED_WORDS = {"已签", "签了", "签订", "已签订", "有合同", "有", "签", "签过", "已签合同", "签了合同"}


def _start_date(text: str, kind: str, raw: Any, as_of: dt.date) -> tuple[str, Any]:
    """A start date written any way a village writes one, as a (kind, value) the months parser takes: ('date', date)
    for a date cell or an Excel serial, ('months', n) for a date in words (policies.normalize.date_cell_months),
    ('future', text), or ('', None) when the cell is not a date."""
    if kind == "date":
        d = _as_date(raw)
        return ("date", d) if d is not None else ("", None)
    if kind == "number":
        try:
            n = float(text)
        except ValueError:
            return "", None
        d = nz.excel_serial_date(n) if n.is_integer() else None
        if d is not None:
            return "date", d
        if not (2000 <= n < 2100 and not n.is_integer()):      # 2024.3 stored as a number
            return "", None
    if kind not in ("", "number"):
        return "", None
    m = nz.date_cell_months(text, as_of)
    if m is not None:
        return "months", m
    if nz.looks_like_date(text):
        return "future", text
    return "", None


def _parse_months(text: str, kind: str, raw: Any, fact: str, as_of: dt.date, *, date_means_start: bool = False,
                  bare_unit_warning: bool = False, none_is_zero: bool = False, signed_unknown: bool = False,
                  date_is_start: bool = False) -> Parsed:
    p = Parsed()
    if date_means_start or date_is_start:
        how, value = _start_date(text, kind, raw, as_of)
        if how == "date":
            kind, raw = "date", value
        elif how == "months":
            p.facts[fact] = float(value)
            if date_is_start:
                p.notes.append(f"填的是日期，按开始上班到核对日算，共{int(value)}个月")
            if kind == "number" and text.endswith(".1"):      # Excel keeps 2024.10 typed as a number as 2024.1
                p.notes.append(f"按{text[:-2]}年1月算；如果是{text[:-2]}年10月，请把这一格设成“文本”后写 {text}0")
            p.flag = ("start", float(value))
            return p
        elif how == "future":
            p.notes.append(f"在核对日{as_of.isoformat()}之后或看不懂，按未知处理")
            return p
    if kind == "date":
        d = _as_date(raw)
        if (date_means_start or date_is_start) and d is not None:
            if d > as_of:
                p.notes.append(f"是{d.isoformat()}，在核对日{as_of.isoformat()}之后，按未知处理")
            else:
                m = float(_months_between(d, as_of))
                p.facts[fact] = m
                p.flag = ("start", m)
                if date_is_start:     # a date in a months column: say how it was read
                    p.notes.append(f"填的是日期，按{d.isoformat()}开始算到核对日，共{int(m)}个月")
            return p
        p.notes.append("是日期，看不懂，按未知处理（请填月数，如 12个月）")
        return p
    if kind == "formula":
        p.notes.append("是公式，表格里没有保存计算结果，按未知处理（请在Excel里打开并保存，或直接填数）")
        return p
    t = re.sub(r"\s+", "", text)
    if none_is_zero and (_says_none(t) or t in {"没签", "未签", "没有签", "未签订", "没签合同"}):
        p.facts[fact] = 0.0
        if signed_unknown:
            p.facts["labor_contract_signed"] = False
        return p
    if signed_unknown and (t in SIGNED_WORDS or (nz.yes_no(t) is True and not t.isdigit())):
        p.facts["labor_contract_signed"] = True       # signed, how long is not written: 合同期限 stays unknown
        p.flag = "signed"
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
        p.notes.append(f"没写单位，按{num_text(n)}个月处理；如果是{num_text(n)}年，请写“{num_text(n)}年”")
    p.facts[fact] = float(n)
    return p


def num_text(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _parse_number(text: str, kind: str, fact: str, parser, what: str = "") -> Parsed:
    p = Parsed()
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


def _parse_yes_no(text: str, kind: str, fact: str | None) -> Parsed:
    p = Parsed()
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
    (r"^(已就业|就业|在岗|务工|打工|上班|外出务工|已务工|灵活就业|已上班|有工作|在外务工|转移就业|自主创业|创业)", (True, False)),
]
# a bare yes or no (the word table's): 是 → working; 否 / 无 → not working, whether looking for work is not said
_EMPLOYED_YES_NO = {True: (True, False), False: (False, None)}


def _parse_employment(text: str, kind: str) -> Parsed:
    p = Parsed()
    if kind in ("date", "formula", "number"):
        p.notes.append("应填 已就业 / 未就业 / 失业，看不懂，按未知处理")
        return p
    t = re.sub(r"\s+", "", text)
    said = next((v for pat, v in _EMPLOYED_WORDS if re.search(pat, t)), None) or _EMPLOYED_YES_NO.get(nz.yes_no(t))
    if said is not None:
        emp, unemp = said
        p.facts["employed"] = emp
        if unemp is not None:
            p.facts["unemployed"] = unemp
        p.flag = emp
        return p
    p.notes.append("应填 已就业 / 未就业 / 失业，看不懂，按未知处理")
    return p


_ORDINARY = {"一般户", "普通户", "一般", "普通", "非贫困户"}     # "none of the categories", besides a plain no


def _parse_categories(text: str, kind: str, policies: PolicySet) -> Parsed:
    """flag = (categories, not_categories, exhaustive)."""
    p = Parsed()
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
        if w in _ORDINARY or _says_none(w):
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
        p.notes.append(f"里的“{shown(w)}”不是已知的人员类别，已忽略（其余类别照常使用，但不再当作完整名单）")
    p.flag = (cats, [c for c in nots if c not in cats], not unknown)
    return p


def _parse_training_type(text: str, kind: str) -> Parsed:
    p = Parsed()
    if kind in ("date", "formula", "number", "bool"):
        p.notes.append("看不懂，按未知处理")
        return p
    t = re.sub(r"\s+", "", text)
    if _says_none(t):
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


def _parse_certificate(text: str, kind: str) -> Parsed:
    t = re.sub(r"\s+", "", text)
    if kind == "" and re.search(r"资格|等级证|技能证|鉴定", t) and not re.search(r"^(无|没|未)", t):
        return Parsed({"got_qualification_certificate": True, "training_certificate": True}, flag=True)
    if kind == "" and re.search(r"合格证|结业证|培训证", t) and not re.search(r"^(无|没|未)", t):
        return Parsed({"training_certificate": True}, flag=True)
    return _parse_yes_no(text, kind, "training_certificate")


BORROWER_OF = {"个体工商户": "个人", "合伙创业": "合伙", "小微企业": "小微企业"}


def _parse_choice(text: str, kind: str, fact: str, read, hint: str) -> Parsed:
    """A cell naming one of a fact's choices (创业形式, 公益岗类型): 无/否 → not applicable; unreadable → noted."""
    p = Parsed()
    t = re.sub(r"\s+", "", text)
    if kind in ("", "bool") and _says_none(t):
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


def _parse_business(text: str, kind: str) -> Parsed:
    p = _parse_choice(text, kind, "business_type", nz.business_type,
                      "个体工商户、小微企业、合伙创业、农民专业合作社、家庭农场")
    if p.facts.get("business_type") in BORROWER_OF:
        p.facts["borrower_type"] = BORROWER_OF[p.facts["business_type"]]
    return p


def _parse_post(text: str, kind: str) -> Parsed:
    return _parse_choice(text, kind, "post_type", nz.post_type,
                         "农村公益性岗位-其它、护林员、劳动保障助理员、城镇公益性岗位 等")


def parse_cell(col: str, text: str, kind: str, raw: Any, as_of: dt.date, policies: PolicySet) -> Parsed:
    """What one non-empty cell of a fact column says; the fact is the one its header names (FACT_OF)."""
    fact = FACT_OF.get(col)
    if col == "人员类别":
        return _parse_categories(text, kind, policies)
    if col == "就业状态":
        return _parse_employment(text, kind)
    if col == "合同期限":
        p = _parse_months(text, kind, raw, fact, as_of, bare_unit_warning=True, none_is_zero=True, signed_unknown=True)
        if p.facts.get(fact):
            p.facts["labor_contract_signed"] = True
        return p
    if col in ("务工月数", "在岗月数"):      # a date here is when the work began
        return _parse_months(text, kind, raw, fact, as_of, none_is_zero=True, date_is_start=True)
    if col in ("就业后月数", "营业执照月数"):
        return _parse_months(text, kind, raw, fact, as_of, date_means_start=True)
    if col == "交通费":
        if _says_none(re.sub(r"\s+", "", text)):
            return Parsed({fact: 0.0})
        return _parse_number(text, kind, fact, nz.parse_money)
    if col == "培训天数":
        return _parse_number(text, kind, fact, nz.parse_days)
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
        return _parse_yes_no(text, kind, fact)
    return Parsed()


def parse_work_scope(text: str, kind: str, home: Resolution | None,
                     resolve: Callable[[str], Resolution]) -> Parsed:
    """就业地: a scope word, or a place compared with the row's 户籍地."""
    p = Parsed()
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
        w = resolve(t)
        if w.place is None:
            p.notes.append("不认识这个地名，是否跨省按未知处理（可写 本县/外县/外市/外省 或省市县名）")
        elif home is None or home.place is None:
            pass   # the row's own place is unknown: nothing to compare with (reported on 户籍地)
        else:
            scope = Gazetteer.scope_of(home.place, w.place)      # the one comparison of home and work places
            if scope:
                p.facts["work_scope"] = scope
            else:
                p.notes.append(f"只写到{'省' if len(w.place.path) == 1 else '市'}（{w.place.full_name}），"
                               "能确定不跨省，但无法判断是否跨县、跨市，按未知处理")
    return p


def parse_received(text: str, kind: str, documents: tuple[Document, ...], policies: PolicySet) -> Parsed:
    """今年已享受: benefit names or ids of the row's documents; flag = the ids."""
    p = Parsed(flag=[])
    words = nz.split_list(text) if kind in ("", "bool") else []
    if kind in ("date", "formula", "number"):
        p.notes.append("看不懂，按今年没有享受过处理")
    benefits = [b for d in documents for b in d.benefits]
    got: list[str] = []
    for w in words:
        if _says_none(w):
            continue
        if w in policies.benefits:
            ids = [w]
        else:
            ids = [b.id for b in benefits if b.name == w] or \
                  [b.id for b in benefits if w in b.name or (len(b.name) >= 4 and b.name in w)]
        if len(ids) == 1:
            got.append(ids[0])
        elif not ids:
            if documents:
                p.notes.append(f"里的“{shown(w)}”不是本地政策里的补贴名称，已忽略")
        else:
            names = "、".join(policies.benefits[i].name for i in ids[:4])
            p.notes.append(f"里的“{shown(w)}”可能是{names}，请写全称；已忽略")
    p.flag = got
    if words and kind in ("", "bool"):
        p.facts["received_allowance_this_year"] = any(
            policies.benefits[i].topic == "training_allowance" for i in got)
    return p
