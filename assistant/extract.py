"""Read the facts in one user message (NLU entities + its text) for the policy module.

Entities from the NLU model come first; the gazetteer and the category vocabulary are also run over the text as a
backstop, because a missed place or category would give a wrong answer. Numbers are assigned to a fact by the words
around them ("签了两年合同" → contract_months; "干了半年" → months_employed). The digits of a masked number
("610328********1234", policies/privacy.py) are never read as a number.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from policies import default_gazetteer, default_policies
from policies import normalize as nz
from policies.catalogue import default_catalogue
from policies.privacy import masked_spans

from .clock import today

MAX_TEXT = 500  # characters of a message that are interpreted; the rest is cut with a notice

_DURATION_RE = re.compile(
    r"(?:[0-9０-９]+(?:\.[0-9]+)?|[一二两三四五六七八九十半]+)\s*(?:个多月|个半月|个月|多月|月|年半|多年|年多|年)|半年")
_MONEY_RE = re.compile(r"(?:[0-9０-９]+(?:\.[0-9]+)?万?|[一二两三四五六七八九十百千万]{2,})\s*(?:元|块钱|块)")
# a bare number right after a money word: "车票680", "路费花了三百二"
_MONEY_CTX_RE = re.compile(r"(?<=车票|路费|车费|机票|房租|租金|水电)(?:花了|是|要|共|一共|大概|差不多)?\s*"
                           r"([0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千万]{2,})")
_COUNT_RE = re.compile(r"(?:[0-9]+|[一二两三四五六七八九十百]+)\s*(?:个人|个|名|人)(?!月)")
_DAYS_RE = re.compile(r"(?:[0-9]+|[一二两三四五六七八九十百]+)\s*(?:天|日)")
_CROSS_PROVINCE = re.compile(r"外省|省外|跨省|出省")
_WORK_CONTEXT = re.compile(r"(在|去|到|跑).{0,8}(打工|务工|上班|干活|工作|做工|进厂)")
_HOME_CONTEXT = re.compile(r"(我是|俺是|咱是|老家|户口|户籍|家在|家是|住在|来自)")
_NEIGHBOUR_AFTER = re.compile(r"([^\s，,。的在]{2,6}?)(?:的)?(?:旁边|对面|隔壁|附近|边上)")
_NEIGHBOUR_BEFORE = re.compile(r"(?:挨着|靠近|紧挨|邻近|跟|和)([^\s，,。的]{2,6}?)(?:挨着|交界|接壤|搭界|连着)")


# Yes/no facts said in passing ("社保也交了", "娃在技校上学"). (pattern, fact, value); a negation right before the
# match flips the value ("没交社保", "不是贫困地区").
BOOL_PHRASES = [
    (r"社保(也|都)?(交|缴)了|(交|缴)了社保|(交|缴)着社保|有社保|(交|缴)纳(了)?社(会)?保(险)?", "insurance_paid", True),
    (r"贫困地区|贫困县", "employer_in_poor_area", True),
    (r"(上|读|念|在)(技校|技工院校|技工学校|技师学院)", "in_technical_school", True),
    (r"(拿到|取得|有)(了)?(培训)?合格证", "training_certificate", True),
    (r"(拿到|取得|考到|考了)(了)?(职业资格证|资格证|职业技能等级证|证书)", "got_qualification_certificate", True),
    (r"第一次(鉴定|考证)|初次(鉴定|考证)", "first_appraisal", True),
    (r"(正常)?(营业|经营)(着|中)|还在(开|干|经营)|正常(营业|经营|运营)", "operating_normally", True),
    (r"(关门|倒闭|停业|不干了)", "operating_normally", False),
    (r"签了(劳动)?合同|签合同了|有(劳动)?合同|签过合同", "labor_contract_signed", True),
    (r"认定(过|了)|是认定的|经过认定", "employer_recognized", True),
    (r"第一次(创业|开店|办厂|当老板)|头一回(开|办)|首次(创业|创办)", "first_business", True),
    (r"(培训|学完)(后|以后|之后).{0,6}(开|办)(了|起)", "started_business_within_6_months", True),
    (r"失业|没(有)?工作|没活干|待业|找不到工作", "unemployed", True),
    (r"季节(性)?(工|用工|活)|临时工", "seasonal_job", True),
    (r"今年(刚)?毕业|应届|毕业(还)?(不到|没满|不满)(两|2)年", "graduation_window", True),
    (r"享受过以工代训|领过以工代训", "had_work_for_training_before", True),
    (r"(今年)?(已经)?(领|拿|享受)过(培训)?(生活费|交通费)(补贴)?", "received_allowance_this_year", True),
]

TRAINING_RE = re.compile(r"SYB|IYB|syb|iyb|(网络创业|创业|技能|家政|电工|焊工|育婴|月嫂|种植|养殖|电商|厨师|中期)[^，。,\s]{0,3}培训")
POST_RE = re.compile(r"劳动保障助理员|协理员|护林员|保洁员|护路员|巡河员|城镇公益性岗位|城镇公益岗|农村公益性岗位|公益岗|公益性岗位")
BUSINESS_RE = re.compile(r"个体(户|工商户)?|开(个|了个|了)?(小)?店|小店|摆摊|门面|合伙|公司|企业|合作社|家庭农场")
STARTUP_CONTEXT = re.compile(r"创业|开店|办厂|开厂|贷款|贷|执照|个体|当老板|做生意|小店|摆摊")


@dataclass
class Extracted:
    place: str | None = None
    work_place: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    categories: list[str] = field(default_factory=list)
    not_categories: list[str] = field(default_factory=list)
    numbers: list[float] = field(default_factory=list)       # numbers with no role (answers to a question)
    truncated: bool = False

    def empty(self) -> bool:
        return not (self.place or self.facts or self.categories or self.not_categories or self.work_place)


def _spans(entities, name):
    for e in entities or []:
        if e.get("entity") == name and e.get("value") is not None:
            yield e


def extract(text: str, entities: list[dict] | None, home_place: str | None = None,
            as_of: dt.date | None = None) -> Extracted:
    """Facts found in one message; dates ("前年十月办的执照") are read against `as_of` (default: today)."""
    text = text if isinstance(text, str) else ""
    out = Extracted()
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
        out.truncated = True
    entities = [e for e in (entities or []) if isinstance(e, dict) and (e.get("end") or 0) <= len(text)]
    policies = default_policies()
    gaz = default_gazetteer()
    # a masked number ("610328********1234", "139****5678") is nobody's count, amount or duration: its digits are
    # taken before any number is read
    taken: list[tuple[int, int]] = masked_spans(text)

    def free(s, e):
        return all(e <= a or s >= b for a, b in taken)

    # --- where the person works (跨省 …) and where they are from
    work_spans = []
    for e in _spans(entities, "work_destination"):
        val = str(e.get("value"))
        if _CROSS_PROVINCE.search(val):
            out.facts["work_scope"] = "跨省"
            work_spans.append((e["start"], e["end"]))
        elif _WORK_CONTEXT.search(text[max(0, e["start"] - 2):e["end"] + 6]) and \
                not _HOME_CONTEXT.search(text[max(0, e["start"] - 4):e["end"] + 2]):
            # a place is where someone works only when the words say so ("在广东打工"), not "我是广东的"
            out.work_place = val
            work_spans.append((e["start"], e["end"]))
    if _CROSS_PROVINCE.search(text):
        out.facts["work_scope"] = "跨省"
    for m in re.finditer(r"(?:在|去|到)([^\s，,。在去到]{2,8}?)(?:打工|务工|上班|干活)", text):
        if gaz.find_all(m.group(1)):
            out.work_place = out.work_place or m.group(1)
            work_spans.append((m.start(1), m.end(1)))

    def in_work(s, e):
        return any(not (e <= a or s >= b) for a, b in work_spans)

    # a place named only as a neighbour ("就在海南对面", "跟湖南挨着") is not where the person is from
    for m in _NEIGHBOUR_AFTER.finditer(text):
        if gaz.find_all(m.group(1)):
            work_spans.append((m.start(1), m.end(1)))
    for m in _NEIGHBOUR_BEFORE.finditer(text):
        if gaz.find_all(m.group(1)):
            work_spans.append((m.start(1), m.end(1)))
    place_names = [str(e["value"]) for e in _spans(entities, "place") if not in_work(e["start"], e["end"])]
    # backstop: any place in the text outside a work-place span
    stripped = text
    for a, b in sorted(work_spans, reverse=True):
        stripped = stripped[:a] + "　" * (b - a) + stripped[b:]
    if gaz.find_all(stripped):
        place_names.append(stripped)
    for name in place_names:
        r = gaz.resolve(name)
        if r.place is not None:
            out.place = r.place.full_name
            break
    if out.place is None:           # typed by ear: 钱阳县, 按康, 湘谭
        heard = gaz.find_by_sound(stripped)
        if heard:
            r = gaz.resolve(heard[0].full_name)
            out.place = r.place.full_name if r.place else None

    # --- categories (negation aware: 不是脱贫户)
    cat_hits = []
    for e in _spans(entities, "category"):
        c = nz.category(str(e["value"]), policies)
        if c:
            cat_hits.append((e["start"], c))
    for canon, aliases in policies.vocab.categories.items():
        for word in sorted((canon,) + aliases, key=len, reverse=True):
            for m in re.finditer(re.escape(word), text):
                cat_hits.append((m.start(), canon))
    seen = set()
    for start, c in sorted(cat_hits):
        if (start, c) in seen:
            continue
        seen.add((start, c))
        if nz.is_negated(text, start):
            if c not in out.not_categories:
                out.not_categories.append(c)
        elif c not in out.categories:
            out.categories.append(c)
    out.categories = [c for c in out.categories if c not in out.not_categories]

    # --- employer / post / business / training types
    for ent, fact, fn in (("employer_type", "employer_type", nz.employer_type), ("post_type", "post_type", nz.post_type),
                          ("business_type", "business_type", nz.business_type),
                          ("training_type", "training_type", nz.training_type)):
        for e in _spans(entities, ent):
            v = fn(str(e["value"]))
            if v:
                out.facts[fact] = v
                break
    if "employer_type" not in out.facts:
        # backstop for the employer kinds that pick a benefit (社区工厂 vs 就业帮扶基地 …: the catalogue's narrowing)
        kind = nz.employer_type(text)
        if kind in default_catalogue().narrowing_values("employer_type"):
            out.facts["employer_type"] = kind
    if "training_type" not in out.facts:
        m = TRAINING_RE.search(text)
        if m:
            out.facts["training_type"] = nz.training_type(m.group(0))
    if "post_type" not in out.facts:
        m = POST_RE.search(text)
        if m:
            out.facts["post_type"] = nz.post_type(m.group(0))
    if STARTUP_CONTEXT.search(text):
        m = BUSINESS_RE.search(text)
        if m and "business_type" not in out.facts:
            out.facts["business_type"] = nz.business_type(m.group(0))
        if "borrower_type" not in out.facts and re.search("贷", text):
            bt = out.facts.get("business_type")
            out.facts["borrower_type"] = ("合伙" if bt == "合伙创业" else "小微企业" if bt == "小微企业" else
                                          "个人" if bt in ("个体工商户",) or re.search(r"个人|自己", text) else None)
            if out.facts["borrower_type"] is None:
                del out.facts["borrower_type"]
    for pat, fact, value in BOOL_PHRASES:
        for m in re.finditer(pat, text):
            neg = nz.is_negated(text, m.start())
            out.facts[fact] = (not value) if neg else value
            break
    m = re.search(r"(?<![0-9])([1-9][0-9])\s*(周)?岁", text)
    if m and free(m.start(1), m.end(1)):
        out.facts["age"] = float(m.group(1))

    # --- durations, money, counts, days: NLU entities first, then the regexes over the text
    def assign_numbers(kind, regex, parse, table, default_roles):
        cands = [(e["start"], e["end"], str(e["value"])) for e in _spans(entities, kind)]
        cands += [(m.start(), m.end(), m.group(0)) for m in regex.finditer(text)]
        for s, e, raw in sorted(cands):
            if not free(s, e):
                continue
            v = parse(raw)
            if v is None:
                continue
            taken.append((s, e))
            roles = nz.role_for(table, text, s, e) or default_roles
            if roles is None:
                out.numbers.append(v)
                continue
            for r in ([roles] if isinstance(roles, str) else roles):
                out.facts[r] = v

    # --- dates of events, before any duration is read: "前年十月" is a date, not 10 months
    for s, e, months in nz.dates_in(text, as_of or today()):
        if not free(s, e):
            continue
        taken.append((s, e))
        role = nz.event_role(text, s, e)
        if role and role not in out.facts:
            out.facts[role] = months
            if role == "months_since_employment":       # started then and working since
                out.facts.setdefault("months_employed", months)
    assign_numbers("days", _DAYS_RE, nz.parse_days, [(r"培训|学", "training_days")], "training_days")
    assign_numbers("duration", _DURATION_RE, nz.parse_duration_months, nz.DURATION_ROLES, None)
    assign_numbers("money", _MONEY_RE, nz.parse_money, nz.MONEY_ROLES, None)
    for m in _MONEY_CTX_RE.finditer(text):
        s, e = m.start(1), m.end(1)
        if free(s, e):
            v = nz.parse_money(m.group(1))
            role = nz.role_for(nz.MONEY_ROLES, text, s, e)
            if v is not None and role:
                taken.append((s, e))
                out.facts[role] = v
    assign_numbers("count", _COUNT_RE, nz.parse_count, nz.COUNT_ROLES, None)
    if "new_hires" in out.facts and re.search("脱贫|贫困|建档", text):
        out.facts.setdefault("hired_poor_count", out.facts["new_hires"])
    # bare numbers ("12", "三百二") are kept for the question that was asked
    for m in re.finditer(r"(?<![0-9.])[0-9]{1,9}(?:\.[0-9]+)?(?![0-9.])", text):
        if free(m.start(), m.end()):
            out.numbers.append(float(m.group(0)))
    if "months_since_employment" not in out.facts and re.search(r"进厂|上班|找到工作|找到活|入职|开始干|务工|打工", text):
        recent = nz.recent_start_months(text)
        if recent is not None:
            out.facts["months_since_employment"] = recent
            out.facts.setdefault("months_employed", recent)
    if re.search(r"没签|没有签|没合同|没有合同|不签合同", text):
        out.facts["contract_months"] = 0
    if re.search(r"(干了|上班|打工|务工|进厂|在.{0,6}(工厂|车间|基地|厂)(干|上班))", text) and \
            not re.search(r"没(有)?(上班|工作|打工)|还没", text):
        out.facts.setdefault("employed", True)
    return out
