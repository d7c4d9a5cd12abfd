"""Load and validate the policy data files (policies/data/*.yaml) and the fact vocabulary (policies/facts.yaml).

Long on purpose (about 560 lines): the rule objects and their one strict loader change together, and a clerk
reviewing the data format reads them side by side with policies/SCHEMA.md.

The loader is strict: a benefit without a quote, an unknown fact, payee, topic or benefit id, or an unreadable
quantity stops loading with a message naming the file and the benefit. Whether quotes really occur in the source
texts is checked separately by policies.check (the sources live outside the package).
"""
from __future__ import annotations

import datetime as dt
import os
from policies import rx as re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .catalogue import default_catalogue
from .quantities import Quantity, QuantityError, parse_quantity

PKG_DIR = Path(__file__).resolve().parent
DATA_DIR = PKG_DIR / "data"
FACTS_FILE = PKG_DIR / "facts.yaml"

# who receives the money and the kinds of benefit: owned by the catalogue (policies/catalogue.yaml)
PAYEES = {k: p.label for k, p in default_catalogue().payees.items()}
TOPICS = {k: t.label for k, t in default_catalogue().topics.items()}

KINDS = {"subsidy", "award", "loan", "allowance", "free_service"}
FACT_TYPES = {"bool", "enum", "category", "months", "count", "money", "ratio", "days", "hours", "years"}
# which quantity dimension a fact of each type compares with
TYPE_DIMENSION = {"months": "months", "count": "count", "money": "money", "ratio": "ratio", "days": "days",
                  "hours": "hours", "years": "years"}
COMPARATORS = ("at_least", "more_than", "at_most", "less_than", "between", "equals", "any_of", "none_of")
AMOUNT_TYPES = {"fixed", "per_unit", "sum", "capped_cost", "cases", "standard_percent", "loan", "none"}


class PolicyDataError(ValueError):
    pass


def _quotes(node: dict) -> list[str]:
    q = node.get("quote")
    if q is None:
        return []
    if isinstance(q, str):
        return [q]
    if isinstance(q, list) and all(isinstance(x, str) for x in q):
        return list(q)
    raise PolicyDataError(f"quote must be a string or a list of strings: {q!r}")


# ----------------------------------------------------------------------------------------------- facts vocabulary
@dataclass(frozen=True)
class Fact:
    name: str
    label: str
    type: str
    question: str
    choices: tuple[str, ...] = ()
    unit: str | None = None     # the word a value is said with when not the type's own (a count of times: 次)
    people: bool = False        # a count of a unit's people (hired, referred, trained): the unit's, not one person's
    counts: frozenset[str] = frozenset()   # the person categories a head-count or a share of the staff counts


@dataclass(frozen=True)
class Vocabulary:
    facts: dict[str, Fact]
    categories: dict[str, tuple[str, ...]]   # canonical -> aliases
    status_categories: frozenset[str] = frozenset()   # recorded by an office: not ruled out by naming other categories
    # category -> the categories naming it says nothing about (a disability says nothing of a household's 建档立卡 register)
    silent_on: dict = field(default_factory=dict)
    # a household's register (建档立卡, 低保 …), not who the person is (a graduate, a veteran): a correction naming one kind
    # leaves the other kind said before
    household_categories: frozenset[str] = frozenset()

    @property
    def people_counts(self) -> tuple[str, ...]:
        """The facts that count a unit's people (`people: true` in facts.yaml), in the file's order."""
        return tuple(n for n, f in self.facts.items() if f.people)

    def canonical_category(self, word: str) -> str | None:
        w = word.strip()
        if w in self.categories:
            return w
        for canon, aliases in self.categories.items():
            if w in aliases:
                return canon
        return None


def load_vocabulary(path: Path = FACTS_FILE) -> Vocabulary:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    facts = {}
    for name, spec in (raw.get("facts") or {}).items():
        t = spec.get("type")
        if t not in FACT_TYPES:
            raise PolicyDataError(f"facts.yaml: fact {name} has unknown type {t!r}")
        if not spec.get("question") or not spec.get("label"):
            raise PolicyDataError(f"facts.yaml: fact {name} needs a label and a question")
        facts[name] = Fact(name, spec["label"], t, spec["question"], tuple(spec.get("choices") or ()), spec.get("unit"),
                           bool(spec.get("people")), frozenset(spec.get("counts") or ()))
    cats, status, silent, household = {}, set(), {}, set()
    for name, spec in (raw.get("categories") or {}).items():
        cats[name] = tuple((spec or {}).get("aliases") or ())
        if (spec or {}).get("status"):
            status.add(name)
        if (spec or {}).get("household"):
            household.add(name)
        if (spec or {}).get("silent_on"):
            silent[name] = frozenset((spec or {}).get("silent_on"))
    for name, f in facts.items():
        if f.counts - set(cats):
            raise PolicyDataError(f"facts.yaml: fact {name} counts unknown categories {sorted(f.counts - set(cats))}")
    for name, others in silent.items():
        unknown = others - set(cats)
        if unknown:
            raise PolicyDataError(f"facts.yaml: category {name} silent_on unknown categories {sorted(unknown)}")
    return Vocabulary(facts, cats, frozenset(status), silent, frozenset(household))


# ----------------------------------------------------------------------------------------------- rule objects
@dataclass
class Condition:
    fact: str
    op: str
    value: Any                     # Quantity | (Quantity, Quantity) | bool | str | tuple[str, ...]
    raw_value: Any
    quotes: list[str]
    deadline: bool = False
    note: str | None = None
    open: bool = False             # the list ends in 等: a value outside it is unknown, not a failure
    presumed: str | None = None    # PRESUMED kinds: taken as met while unknown, and said so (see SCHEMA.md)


@dataclass
class AnyOf:
    """OR of alternative condition lists."""
    alternatives: list[list[Condition]]
    quotes: list[str]
    note: str | None = None
    presumed: str | None = None


# What an unknown `presumed` condition is taken as, and the words the answer puts before its note:
#   history  the text leaves out those who already had it (每年只享受1次, 已享受过…除外, 初次, 首次): met until the
#            person says otherwise — a clerk does not ask "have you had it before" before telling the rate
#   outcome  a result of taking part that the person is on the way to (培训合格, 取得证书, 班次就业率, 正常运营):
#            the benefit is theirs once it is reached — the answer says so instead of "still to be checked"
#   standard a standard the course itself is held to (创业培训不少于80课时): met by the course the person attends
#   scope    the document's own area (湖南: 我省建档立卡…): the person named by the place that brought them to this
#            document is from it, until the words name another province ("贵州的贫困户"); said by the place, not again
#   deadline (not a key of the data: every `deadline: true` condition) an application window whose date is not said:
#            the benefit is answered, with the window stated ("申请时限：…6个月内提出")
#   asked    a condition on what the person asks about, not on who they are (补单位部分，个人部分不补): met unless
#            they ask about what it leaves out; not said on the card
#   case     a case only the person's own words bring up: met until said, never asked, not on the card; said, it
#            decides (不办执照 fails 自工商登记注册之日起); with `open: true` a case the text leaves open (统一组织包车外出的
#            还能否另领, 就近在本县介绍算不算劳务输出, 贷过款的能否再贷) is unknown with the note, never not eligible
#   plan     a condition a business the person plans reaches in time (正常运营6个月以上): taken as met only while the
#            person speaks of the business as still to come (fact business_planned: "想开个网店", "还没办执照", "办下来
#            还有啥补贴"); the answer states it as 领取前提. For a business already running, the months since its
#            registration decide as usual. On the unit's recognition (employer_recognized), the plan is the unit's
#            application for it (fact recognition_planned: "还没去认定，正准备去申请")
# the fact that says a `presumed: plan` condition's plan is under way, by the condition's fact
PLAN_FACTS = {"employer_recognized": "recognition_planned"}
PRESUMED = {"history": "前提", "outcome": "领取前提", "standard": "前提", "scope": "", "deadline": "申请时限", "asked": "",
            "case": "", "plan": "领取前提"}


@dataclass
class Amount:
    type: str
    raw: dict
    quotes: list[str]
    value: Quantity | None = None
    per: str | None = None
    units: list[tuple[str, Quantity | None]] = field(default_factory=list)
    cap: Quantity | None = None
    cap_per: str | None = None
    up_to: bool = False
    period_at_most: bool = False   # the period is a maximum (补贴期限不超过三年)
    parts: list["Amount"] = field(default_factory=list)
    cost_fact: str | None = None
    rate: Quantity | None = None
    period: Quantity | None = None
    cases: list[tuple[list, "Amount"]] = field(default_factory=list)
    percent: Quantity | None = None
    standard: str | None = None
    max: Quantity | None = None
    term_max: Quantity | None = None
    interest: str | None = None
    text: str | None = None
    label: str | None = None


@dataclass
class Limit:
    text: str
    once_per: str | None
    quotes: list[str]
    times: int = 1          # how many times per period (每人每年不超过两次 -> 2)


@dataclass
class Exclusion:
    other: str
    scope: str
    quotes: list[str]


@dataclass
class Apply:
    who: str | None
    office: str | None
    window: str | None
    procedure: str | None
    quotes: list[str]


@dataclass
class Documents:
    items: list[str]
    quotes: list[str]


@dataclass
class Note:
    text: str
    quotes: list[str]
    words: re.Pattern | None = None     # how people ask about it ("有保险没"): the note is said when a message does


@dataclass
class Benefit:
    id: str
    name: str
    clause: str
    topic: str
    kind: str
    payee: str
    payee_note: str | None
    quotes: list[str]
    eligibility: list
    amount: Amount
    limits: list[Limit]
    exclusions: list[Exclusion]
    apply: Apply | None
    documents: Documents | None
    notes: list[Note]
    document: "Document" = field(repr=False, default=None)

    @property
    def payee_label(self) -> str:
        return PAYEES[self.payee]


@dataclass
class ExclusiveGroup:
    benefits: list[str]
    rule: str
    quotes: list[str]


@dataclass
class Document:
    id: str
    source: str
    document_no: str
    title: str
    issuer: str
    jurisdiction: dict[str, str]
    issued: dt.date | None
    published: dt.date | None      # only a publication date is printed (a newspaper), not the issue date
    published_in: str | None       # where it was published (海南日报T07版)
    valid_from: dt.date | None
    valid_to: dt.date | None
    validity_note: str
    validity_quotes: list[str]
    assumed_end: dt.date | None
    assumed_end_quotes: list[str]
    contact_office: str
    contact_phone: str
    exclusive_groups: list[ExclusiveGroup]
    not_encoded: list[dict]
    benefits: list[Benefit]
    path: Path

    @property
    def effective_end(self) -> dt.date | None:
        """The printed end date, or the end of the period the document belongs to when none is printed."""
        return self.valid_to or self.assumed_end

    def ended(self, as_of: dt.date) -> bool:
        end = self.effective_end
        return end is not None and as_of > end

    def not_yet_valid(self, as_of: dt.date) -> bool:
        return self.valid_from is not None and as_of < self.valid_from

    @property
    def place_label(self) -> str:
        j = self.jurisdiction
        return j.get("county") or j.get("city") or j.get("province") or ""


# ----------------------------------------------------------------------------------------------- parsing
class _Ctx:
    def __init__(self, path: Path, vocab: Vocabulary):
        self.path = path
        self.vocab = vocab
        self.where = ""

    def err(self, msg: str) -> PolicyDataError:
        return PolicyDataError(f"{self.path.name}: {self.where}: {msg}")

    def qty(self, raw, what: str) -> Quantity:
        try:
            return parse_quantity(raw)
        except QuantityError as e:
            raise self.err(f"{what}: {e}") from None


def _date(v, ctx: _Ctx, what: str) -> dt.date | None:
    if v is None:
        return None
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError:
        raise ctx.err(f"{what} is not a date (YYYY-MM-DD): {v!r}") from None


def _condition(node, ctx: _Ctx):
    if not isinstance(node, dict):
        raise ctx.err(f"a condition must be a mapping: {node!r}")
    if "any" in node:
        alts = node["any"]
        if not isinstance(alts, list) or not all(isinstance(a, list) for a in alts):
            raise ctx.err("`any` takes a list of condition lists")
        return AnyOf([[_condition(c, ctx) for c in alt] for alt in alts], _quotes(node), node.get("note"),
                     _presumed(node, ctx))
    name = node.get("fact")
    if name not in ctx.vocab.facts:
        raise ctx.err(f"unknown fact {name!r} (add it to facts.yaml)")
    fact = ctx.vocab.facts[name]
    ops = [k for k in COMPARATORS if k in node]
    if len(ops) != 1:
        raise ctx.err(f"condition on {name} needs exactly one of {', '.join(COMPARATORS)}")
    op = ops[0]
    raw = node[op]
    if op in ("any_of", "none_of"):
        if not isinstance(raw, list) or not raw:
            raise ctx.err(f"{op} takes a non-empty list")
        if fact.type == "category":
            for c in raw:
                if c not in ctx.vocab.categories:
                    raise ctx.err(f"unknown category {c!r} (see facts.yaml categories)")
        elif fact.type == "enum":
            for c in raw:
                if c not in fact.choices:
                    raise ctx.err(f"{c!r} is not a choice of fact {name}")
        else:
            raise ctx.err(f"{op} needs an enum or category fact, {name} is {fact.type}")
        value = tuple(raw)
    elif op == "equals":
        if fact.type == "bool" and not isinstance(raw, bool):
            raise ctx.err(f"{name} is a yes/no fact: equals: true or false")
        if fact.type == "enum" and raw not in fact.choices:
            raise ctx.err(f"{raw!r} is not a choice of fact {name}")
        value = raw
    else:
        dim = TYPE_DIMENSION.get(fact.type)
        if dim is None:
            raise ctx.err(f"{op} needs a numeric fact, {name} is {fact.type}")
        vals = raw if op == "between" else [raw]
        if op == "between" and (not isinstance(raw, list) or len(raw) != 2):
            raise ctx.err("between takes [low, high]")
        qs = []
        for v in vals:
            q = ctx.qty(v, f"{name} {op}")
            if q.dimension not in (dim, "number"):
                raise ctx.err(f"{name} is measured in {dim}, got {v!r}")
            qs.append(q)
        value = tuple(qs) if op == "between" else qs[0]
    is_open = bool(node.get("open", False))
    if is_open and op not in ("any_of", "equals") and not node.get("deadline"):
        raise ctx.err(f"open: true goes with any_of (a list ending in 等), equals (a case the text leaves open) or a "
                      f"deadline, not {op}")
    return Condition(name, op, value, raw, _quotes(node), bool(node.get("deadline", False)), node.get("note"),
                     is_open, _presumed(node, ctx))


def _presumed(node, ctx: _Ctx) -> str | None:
    kind = node.get("presumed")
    if kind is not None and kind not in PRESUMED:
        raise ctx.err(f"presumed: {kind!r} is not one of {', '.join(PRESUMED)}")
    if kind is not None and not node.get("note"):
        raise ctx.err("a presumed condition needs a note: the answer says what was presumed")
    return kind


def _amount(node, ctx: _Ctx) -> Amount:
    if not isinstance(node, dict):
        raise ctx.err("amount must be a mapping")
    t = node.get("type")
    if t not in AMOUNT_TYPES:
        raise ctx.err(f"amount type {t!r} unknown ({', '.join(sorted(AMOUNT_TYPES))})")
    a = Amount(type=t, raw=node, quotes=_quotes(node), per=node.get("per"), up_to=bool(node.get("up_to", False)),
               label=node.get("label"), cap_per=node.get("cap_per"))
    if "cap" in node:
        a.cap = ctx.qty(node["cap"], "cap")
    if t == "fixed":
        a.value = ctx.qty(node.get("value"), "value")
    elif t == "per_unit":
        a.value = ctx.qty(node.get("value"), "value")
        units = node.get("units") or []
        if not units:
            raise ctx.err("per_unit needs units: [{fact: …, max: …}]")
        for u in units:
            f = u.get("fact")
            if f not in ctx.vocab.facts:
                raise ctx.err(f"unknown fact {f!r} in units")
            a.units.append((f, ctx.qty(u["max"], "units max") if "max" in u else None))
    elif t == "sum":
        parts = node.get("parts") or []
        if len(parts) < 2:
            raise ctx.err("sum needs at least two parts")
        a.parts = [_amount(p, ctx) for p in parts]
    elif t == "capped_cost":
        f = node.get("cost_fact")
        if f not in ctx.vocab.facts:
            raise ctx.err(f"unknown cost_fact {f!r}")
        a.cost_fact = f
        a.rate = ctx.qty(node["rate"], "rate") if "rate" in node else None
        a.period = ctx.qty(node["period"], "period") if "period" in node else None
        a.period_at_most = bool(node.get("period_at_most", False))
        if a.period_at_most and a.period is None:
            raise ctx.err("period_at_most needs a period")
    elif t == "cases":
        cases = node.get("cases") or []
        if not cases:
            raise ctx.err("cases needs a list of {when, amount}")
        for c in cases:
            when = [_condition(x, ctx) for x in (c.get("when") or [])]
            a.cases.append((when, _amount(c.get("amount"), ctx)))
    elif t == "standard_percent":
        # (no `percent`: the standard itself, "补贴标准按该职业（工种）初级工标准执行")
        a.percent = ctx.qty(node.get("percent"), "percent") if node.get("percent") is not None else None
        a.standard = node.get("standard")
        if not a.standard:
            raise ctx.err("standard_percent needs `standard` (what the percentage applies to)")
        f = node.get("cost_fact")          # (optional: the standard as the asker states it, a money fact)
        if f is not None and f not in ctx.vocab.facts:
            raise ctx.err(f"unknown cost_fact {f!r}")
        a.cost_fact = f
    elif t == "loan":
        a.max = ctx.qty(node.get("max"), "max")
        a.term_max = ctx.qty(node["term_max"], "term_max") if "term_max" in node else None
        a.interest = node.get("interest")
    elif t == "none":
        a.text = node.get("text")
        if not a.text:
            raise ctx.err("amount type none needs `text`")
    if "value" in node and t not in ("fixed", "per_unit"):
        a.value = ctx.qty(node["value"], "value")
    return a


def _with_unit_scope(node: dict, scopes: list, ctx: _Ctx) -> dict:
    """A benefit paid to a unit gets the document's own area as a condition on the unit (`unit_scope`): a county's
    notice is for the units in the county ("所需资金从用人单位所在地就业补助资金中列支")."""
    extra = []
    for sc in scopes:
        if not isinstance(sc, dict) or not isinstance(sc.get("payees"), list):
            raise ctx.err("unit_scope items need `payees:` and a condition")
        if node.get("payee") in sc["payees"]:
            extra.append({k: v for k, v in sc.items() if k != "payees"})
    return dict(node, eligibility=list(node.get("eligibility") or []) + extra) if extra else node


def _benefit(node: dict, ctx: _Ctx, doc_prefix: str) -> Benefit:
    bid = node.get("id", "?")
    ctx.where = f"benefit {bid}"
    for key in ("id", "name", "clause", "topic", "kind", "payee", "amount"):
        if key not in node:
            raise ctx.err(f"missing `{key}`")
    if not _quotes(node):
        raise ctx.err("no quote: every benefit must carry the exact words of its source")
    if not bid.startswith(doc_prefix + "."):
        raise ctx.err(f"id must start with {doc_prefix}.")
    if node["topic"] not in TOPICS:
        raise ctx.err(f"unknown topic {node['topic']!r}")
    if node["kind"] not in KINDS:
        raise ctx.err(f"unknown kind {node['kind']!r}")
    if node["payee"] not in PAYEES:
        raise ctx.err(f"unknown payee {node['payee']!r} ({', '.join(PAYEES)})")
    limits = [Limit(x["text"], x.get("once_per"), _quotes(x), int(ctx.qty(x.get("times", 1), "times").value))
              for x in node.get("limits") or []]
    for lim in limits:
        if lim.once_per not in (None, "year", "lifetime", "period"):
            raise ctx.err(f"once_per must be year, lifetime or period: {lim.once_per!r}")
    excl = [Exclusion(x["other"], x.get("scope", "always"), _quotes(x)) for x in node.get("exclusions") or []]
    ap = node.get("apply")
    apply = Apply(ap.get("who"), ap.get("office"), ap.get("window"), ap.get("procedure"), _quotes(ap)) if ap else None
    dn = node.get("documents")
    docs = None
    if dn:
        items = dn.get("items") or []
        if not items or not all(isinstance(i, str) for i in items):
            raise ctx.err("documents.items must be a non-empty list of strings")
        docs = Documents(list(items), _quotes(dn))
    notes = [Note(x["text"], _quotes(x), re.compile(str(x["words"])) if x.get("words") else None)
             for x in node.get("notes") or []]
    return Benefit(
        id=bid, name=node["name"], clause=str(node["clause"]), topic=node["topic"], kind=node["kind"],
        payee=node["payee"], payee_note=node.get("payee_note"), quotes=_quotes(node),
        eligibility=[_condition(c, ctx) for c in node.get("eligibility") or []],
        amount=_amount(node["amount"], ctx), limits=limits, exclusions=excl, apply=apply, documents=docs, notes=notes,
    )


PREFIXES = {"qianyang": "qy", "hunan": "hn", "ankang": "ak", "suihua": "sh", "hainan": "hi"}


def load_document(path: Path, vocab: Vocabulary) -> Document:
    ctx = _Ctx(path, vocab)
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or "document" not in raw:
        raise ctx.err("needs a `document:` block")
    d = raw["document"]
    ctx.where = "document"
    for key in ("id", "source", "document_no", "title", "issuer", "jurisdiction", "contact_office"):
        if not d.get(key):
            raise ctx.err(f"missing `{key}`")
    if d["id"] != path.stem:
        raise ctx.err(f"id {d['id']!r} must equal the file name {path.stem!r}")
    prefix = PREFIXES.get(d["id"].split("-")[0])
    if prefix is None:
        raise ctx.err("unknown document family (add its id prefix to model.PREFIXES)")
    valid_to = _date(d.get("valid_to"), ctx, "valid_to")
    assumed_end = _date(d.get("assumed_end"), ctx, "assumed_end")
    if valid_to is None and assumed_end is None:
        raise ctx.err("give valid_to, or assumed_end when the text has no end date")
    doc = Document(
        id=d["id"], source=d["source"], document_no=d["document_no"], title=d["title"], issuer=d["issuer"],
        jurisdiction=dict(d["jurisdiction"]), issued=_date(d.get("issued"), ctx, "issued"),
        published=_date(d.get("published"), ctx, "published"), published_in=d.get("published_in"),
        valid_from=_date(d.get("valid_from"), ctx, "valid_from"), valid_to=valid_to,
        validity_note=d.get("validity_note") or ("文件未写明执行期限" if valid_to is None else ""),
        validity_quotes=_quotes({"quote": d.get("validity_quote")}),
        assumed_end=assumed_end, assumed_end_quotes=_quotes({"quote": d.get("assumed_end_quote")}),
        contact_office=d["contact_office"], contact_phone=str(d.get("contact_phone") or "12333"),
        exclusive_groups=[ExclusiveGroup(list(g["benefits"]), g.get("rule", ""), _quotes(g))
                          for g in d.get("exclusive_groups") or []],
        not_encoded=list(d.get("not_encoded") or []), benefits=[], path=path,
    )
    seen = set()
    scopes = d.get("unit_scope") or []
    for node in raw.get("benefits") or []:
        b = _benefit(_with_unit_scope(node, scopes, ctx), ctx, prefix)
        if b.id in seen:
            raise ctx.err(f"duplicate benefit id {b.id}")
        seen.add(b.id)
        b.document = doc
        doc.benefits.append(b)
    if not doc.benefits:
        raise PolicyDataError(f"{path.name}: no benefits")
    return doc


@dataclass
class PolicySet:
    vocab: Vocabulary
    documents: list[Document]

    def __post_init__(self):
        self.benefits = {b.id: b for d in self.documents for b in d.benefits}
        self.by_doc = {d.id: d for d in self.documents}
        for d in self.documents:
            for b in d.benefits:
                for e in b.exclusions:
                    if e.other not in self.benefits:
                        raise PolicyDataError(f"{d.path.name}: benefit {b.id}: exclusion names unknown {e.other}")
            for g in d.exclusive_groups:
                for bid in g.benefits:
                    if bid not in self.benefits:
                        raise PolicyDataError(f"{d.path.name}: exclusive group names unknown {bid}")

    def exclusive_partners(self, bid: str) -> list[tuple[str, str, list[str]]]:
        """(other benefit id, rule text, quotes) for every benefit that may not be combined with bid (worked out once
        per benefit: the data does not change while it is loaded)."""
        cache = self.__dict__.setdefault("_partners", {})
        if bid not in cache:
            cache[bid] = self._exclusive_partners(bid)
        return cache[bid]

    def _exclusive_partners(self, bid: str) -> list[tuple[str, str, list[str]]]:
        b = self.benefits[bid]
        out = [(e.other, e.scope, e.quotes) for e in b.exclusions]
        for d in self.documents:
            for b2 in d.benefits:
                for e in b2.exclusions:
                    if e.other == bid:
                        out.append((b2.id, e.scope, e.quotes))
            for g in d.exclusive_groups:
                if bid in g.benefits:
                    out += [(o, g.rule, g.quotes) for o in g.benefits if o != bid]
        seen, uniq = set(), []
        for o in out:
            if o[0] not in seen:
                seen.add(o[0])
                uniq.append(o)
        return uniq


def load_all(data_dir: Path | None = None) -> PolicySet:
    data_dir = Path(data_dir or os.environ.get("POLICY_DATA_DIR") or DATA_DIR)
    vocab = load_vocabulary()
    docs = [load_document(p, vocab) for p in sorted(data_dir.glob("*.yaml"))]
    if not docs:
        raise PolicyDataError(f"no policy files in {data_dir}")
    return PolicySet(vocab, docs)


@lru_cache(maxsize=1)
def default_policies() -> PolicySet:
    return load_all()
