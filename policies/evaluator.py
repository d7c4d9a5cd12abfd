"""The three-valued evaluator: given what is known about a person or employer, say for each benefit
eligible / not eligible (and which condition fails) / unknown (and which facts are missing), with the amount and
its calculation, the payee, validity as of a date, documents, office and citations.

Plain Python, no Rasa: used by the actions, the console, the batch check and the CLI.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from .gazetteer import Gazetteer, Resolution, default_gazetteer
from .model import AnyOf, Amount, Benefit, Condition, Document, PolicySet, default_policies
from .quantities import parse_number_text

ELIGIBLE, INELIGIBLE, UNKNOWN = "eligible", "ineligible", "unknown"


# ----------------------------------------------------------------------------------------------- profile
@dataclass
class Profile:
    """What is known. Missing keys are unknown; nothing is assumed."""
    facts: dict[str, Any] = field(default_factory=dict)
    categories: set[str] = field(default_factory=set)          # categories known to apply
    not_categories: set[str] = field(default_factory=set)      # categories known not to apply
    categories_exhaustive: bool = False                        # the categories given are all there are
    received_this_year: set[str] = field(default_factory=set)  # benefit ids already received this calendar year
    received_ever: set[str] = field(default_factory=set)
    received_counts: Counter = field(default_factory=Counter)  # times each benefit was received this year

    @classmethod
    def from_facts(cls, facts: dict | None, policies: PolicySet | None = None, **kw) -> "Profile":
        """Build from a plain dict (CLI, batch, tests, slots). Values are converted to the fact's type; a value that
        cannot be read raises ValueError with a Chinese message naming the fact."""
        policies = policies or default_policies()
        vocab = policies.vocab
        facts = dict(facts or {})
        p = cls(**kw)
        cats = facts.pop("category", None)
        if cats is not None:
            for c in ([cats] if isinstance(cats, str) else cats):
                canon = vocab.canonical_category(str(c))
                if canon is None:
                    raise ValueError(f"不认识的人员类别：{c}")
                p.categories.add(canon)
        for c in facts.pop("not_category", None) or []:
            canon = vocab.canonical_category(str(c))
            if canon:
                p.not_categories.add(canon)
        if facts.pop("category_exhaustive", False):
            p.categories_exhaustive = True
        for key in ("received_this_year", "received_ever"):
            if key in facts:
                got = list(facts.pop(key) or [])
                getattr(p, key).update(got)
                if key == "received_this_year":
                    p.received_counts.update(got)
        for name, value in facts.items():
            if value is None or value == "":
                continue
            spec = vocab.facts.get(name)
            if spec is None:
                raise ValueError(f"不认识的情况：{name}")
            p.facts[name] = coerce(spec.type, value, spec.label, spec.choices)
        p.received_ever |= p.received_this_year
        p.derive()
        return p

    def derive(self) -> None:
        """Facts that follow from others (never overriding what was said): DERIVED_FACTS, in its order."""
        f = self.facts
        for name, (sources, rule) in _DERIVATIONS.items():
            if name not in f:
                value = rule(*map(f.get, sources))
                if value is not None:
                    f[name] = value


def _one_third(total, hired):
    return hired * 3 >= total if total and hired is not None else None


# Facts that follow from others: derived fact → (the facts it is computed from, the rule on their values, None when
# it cannot tell). Profile.derive() applies them in this order (a later rule may read an earlier result); a ledger
# keys its cached results on the sources too (ledger/check.py), so the sources must be all a rule reads.
_DERIVATIONS = {
    "labor_contract_signed": (("contract_months",), lambda months: None if months is None else months > 0),
    "poor_staff_one_third": (("staff_total", "hired_poor_count"), _one_third),
    # 脱贫人口 + 农村低收入人口 together: a share of the 脱贫 alone reaching 1/3 reaches it too
    "poor_low_income_staff_one_third": (
        ("staff_total", "hired_poor_low_income_count", "poor_staff_one_third"),
        lambda total, hired, poor_third: _one_third(total, hired) if total and hired is not None
        else (True if poor_third is True else None)),
    # 应届 (graduating this year) lies within 毕业年度和毕业2年内
    "graduation_window": (("fresh_graduate",), lambda fresh: True if fresh is True else None),
    "fresh_graduate": (("graduation_window",), lambda window: False if window is False else None),
    "employed": (("months_since_employment",), lambda months: None if months is None else True),
    # someone at work now is not out of work (就业转失业, 难以通过市场渠道实现就业)
    "unemployed": (("employed",), lambda employed: False if employed is True else None),
    # 稳定就业1年以上 (绥化): a year or more at the job
    "stable_employment": (("months_employed",), lambda months: None if months is None else months >= 12),
}
DERIVED_FACTS: dict[str, tuple[str, ...]] = {name: sources for name, (sources, _) in _DERIVATIONS.items()}


def coerce(ftype: str, value: Any, label: str = "", choices: tuple = ()):
    if ftype == "bool":
        from .normalize import yes_no          # the one word table

        v = yes_no(value)
        if v is None:
            raise ValueError(f"“{label}”应填是或否，收到：{value}")
        return v
    if ftype == "enum":
        s = str(value).strip()
        if choices and s not in choices:
            raise ValueError(f"“{label}”应为{('、'.join(choices))}之一，收到：{value}")
        return s
    # numeric
    if isinstance(value, bool):
        raise ValueError(f"“{label}”应填数字，收到：{value}")
    if isinstance(value, (int, float)):
        n = float(value)
    else:
        s = str(value).strip().rstrip("元人个月天岁%")
        n = parse_number_text(s)
        if n is None:
            raise ValueError(f"“{label}”应填数字，收到：{value}")
        if str(value).strip().endswith("%"):
            n = n / 100
    if n < 0:
        raise ValueError(f"“{label}”不能是负数：{value}")
    if ftype == "ratio" and n > 1:
        if n <= 100:
            n = n / 100  # 35 meaning 35%
        else:
            raise ValueError(f"“{label}”应在0到1（或0%到100%）之间：{value}")
    return n


# ----------------------------------------------------------------------------------------------- results
@dataclass
class ConditionOutcome:
    condition: Condition | AnyOf
    value: bool | None
    facts: list[str]

    @property
    def quotes(self) -> list[str]:
        return self.condition.quotes

    @property
    def deadline(self) -> bool:
        return isinstance(self.condition, Condition) and self.condition.deadline


@dataclass
class AmountResult:
    value: float | None            # the amount for this person, in 元, when it can be computed
    up_to: bool = False            # the value is a ceiling (不超过/最高)
    range: tuple[float, float] | None = None
    steps: list[str] = field(default_factory=list)
    text: str = ""                 # the rule in words, always present
    missing: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    unstated: bool = False         # the document gives no amount (amount type none): say so, do not invent one
    basis: str = ""                # a total for the persons the asker counted, in short: "5人×每人500元"
    total_per: str = ""            # the period of such a total, from the rate's words ("每年")


@dataclass
class BenefitResult:
    benefit: Benefit
    status: str
    met: list[ConditionOutcome]
    failed: list[ConditionOutcome]
    unknown: list[ConditionOutcome]
    amount: AmountResult
    ended: bool
    not_yet_valid: bool
    reasons: list[str] = field(default_factory=list)        # plain-language reasons for ineligible
    presumed: list[ConditionOutcome] = field(default_factory=list)  # unknown, taken as met (model.PRESUMED)
    partners: list[tuple[str, str, list[str]]] = field(default_factory=list)  # may-not-combine benefits

    @property
    def missing(self) -> list[str]:
        out: list[str] = []
        for o in self.unknown:
            out += [f for f in o.facts if f not in out]
        return out

    @property
    def deadline_passed(self) -> bool:
        return any(o.deadline for o in self.failed)

    @property
    def document(self) -> Document:
        return self.benefit.document


@dataclass
class Evaluation:
    as_of: dt.date
    resolution: Resolution | None
    documents: list[Document]
    results: list[BenefitResult]
    missing_ranked: list[tuple[str, float]]

    def by_id(self, bid: str) -> BenefitResult | None:
        return next((r for r in self.results if r.benefit.id == bid), None)

    @property
    def next_fact(self) -> str | None:
        return self.missing_ranked[0][0] if self.missing_ranked else None

    def possible(self) -> list[BenefitResult]:
        """Eligible or still possible ("what else can I get")."""
        return [r for r in self.results if r.status in (ELIGIBLE, UNKNOWN)]


# ----------------------------------------------------------------------------------------------- conditions
def _cond_facts(c) -> list[str]:
    if isinstance(c, AnyOf):
        out = []
        for alt in c.alternatives:
            for x in alt:
                out += [f for f in _cond_facts(x) if f not in out]
        return out
    return [c.fact]


def eval_condition(c, p: Profile) -> bool | None:
    v = _eval_condition(c, p)
    if v is False and getattr(c, "open", False):
        return None                # a list ending in 等: being outside it does not rule anyone out
    return v


def _eval_condition(c, p: Profile) -> bool | None:
    if isinstance(c, AnyOf):
        vals = [all_true([eval_condition(x, p) for x in alt]) for alt in c.alternatives]
        if any(v is True for v in vals):
            return True
        if all(v is False for v in vals):
            return False
        return None
    if c.fact == "category":
        wanted = set(c.value)
        if c.op == "any_of":
            if p.categories & wanted:
                return True
            if wanted <= p.not_categories or (p.categories_exhaustive and p.categories) or \
                    (p.categories_exhaustive and not p.categories):
                return False
            return None
        if c.op == "none_of":
            if p.categories & wanted:
                return False
            if wanted <= p.not_categories or p.categories_exhaustive:
                return True
            return None
    v = p.facts.get(c.fact)
    if v is None:
        return None
    op, target = c.op, c.value
    if op == "equals":
        return v == target
    if op == "any_of":
        return v in target
    if op == "none_of":
        return v not in target
    if op == "between":
        lo, hi = target
        return lo.value <= v <= hi.value
    t = target.value
    eps = 1e-9
    if op == "at_least":
        return v >= t - eps
    if op == "more_than":
        return v > t + eps
    if op == "at_most":
        return v <= t + eps
    if op == "less_than":
        return v < t - eps
    raise ValueError(op)


def all_true(vals: Iterable[bool | None]) -> bool | None:
    vals = list(vals)
    if any(v is False for v in vals):
        return False
    if any(v is None for v in vals):
        return None
    return True


# ----------------------------------------------------------------------------------------------- amounts
def fmt_money(x: float) -> str:
    """500 -> '500元'; 300000 -> '30万元'; 2.5 -> '2.5元'."""
    if x >= 10000 and round(x) % 10000 == 0:
        return f"{int(round(x)) // 10000}万元"
    if float(x).is_integer():
        return f"{int(x)}元"
    return f"{x:.2f}".rstrip("0").rstrip(".") + "元"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def eval_amount(a: Amount, p: Profile, policies: PolicySet) -> AmountResult:
    vocab = policies.vocab
    r = AmountResult(None, up_to=a.up_to, quotes=list(a.quotes))
    if a.type == "fixed":
        r.value = a.value.value
        r.text = f"{a.per or ''}{fmt_money(r.value)}"
        r.steps.append(r.text)
        _times_count(a, p, r, _rate_words(a.per, r.value))
    elif a.type == "per_unit" and _count_fact(a):
        _per_unit_counted(a, p, vocab, r)
    elif a.type == "per_unit":
        per = a.per or ""
        words = [f"{per}{'不超过' if a.up_to else ''}{fmt_money(a.value.value)}"]
        total = a.value.value
        steps = [fmt_money(a.value.value)]
        for fact, mx in a.units:
            label = vocab.facts[fact].label
            words.append(f"×{label}" + (f"（最多{mx.text}）" if mx else ""))
            v = p.facts.get(fact)
            if v is None:
                r.missing.append(fact)
                continue
            n = min(v, mx.value) if mx else v
            if mx and v > mx.value:
                steps.append(f"{label}{_num(v)}，按最多{_num(mx.value)}计")
            total *= n
            steps.append(f"×{_num(n)}")
        r.text = "".join(words)
        if a.cap:
            r.text += f"，最高{fmt_money(a.cap.value)}" + (f"（{a.cap_per}）" if a.cap_per else "")
        if not r.missing:
            r.steps.append(" ".join(steps) + f" = {fmt_money(total)}")
            if a.cap and total > a.cap.value:
                r.steps.append(f"超过上限{fmt_money(a.cap.value)}，按{fmt_money(a.cap.value)}计")
                total = a.cap.value
            r.value = total
        elif a.cap:
            r.range = (0, a.cap.value)
    elif a.type == "sum":
        parts = [eval_amount(x, p, policies) for x in a.parts]
        r.text = " + ".join(x.text for x in parts)
        r.up_to = a.up_to or any(x.up_to for x in parts)
        for x in parts:
            r.missing += [m for m in x.missing if m not in r.missing]
            r.quotes += [q for q in x.quotes if q not in r.quotes]
        if a.cap:
            r.text += f"，累计最高{fmt_money(a.cap.value)}" + (f"（{a.cap_per}）" if a.cap_per else "")
        if not r.missing and all(x.value is not None for x in parts):
            total = sum(x.value for x in parts)
            r.steps.append(" + ".join(fmt_money(x.value) for x in parts) + f" = {fmt_money(total)}")
            if a.cap and total > a.cap.value:
                r.steps.append(f"超过上限{fmt_money(a.cap.value)}，按{fmt_money(a.cap.value)}计")
                total = a.cap.value
            r.value = total
        elif a.cap:
            r.range = (0, a.cap.value)
    elif a.type == "capped_cost" and a.raw.get("uplift"):
        _uplift(a, p, vocab, r)
    elif a.type == "capped_cost":
        label = vocab.facts[a.cost_fact].label
        rate = a.rate.value if a.rate else 1.0
        r.text = ("不超过" if a.up_to else "") + \
            (f"{label}的{_num(rate * 100)}%" if rate != 1 else f"按{label}") + \
            (f"，最高{fmt_money(a.cap.value)}" if a.cap else "") + \
            (f"，补贴期限{'不超过' if a.period_at_most else ''}{a.period.text}" if a.period else "")
        r.up_to = a.up_to          # 不超过 in the document; a rate alone gives an exact amount
        v = p.facts.get(a.cost_fact)
        if v is None:
            r.missing.append(a.cost_fact)
            if a.cap:
                r.range = (0, a.cap.value)
        else:
            total = v * rate
            r.steps.append(f"{label}{fmt_money(v)}" + (f" × {_num(rate * 100)}% = {fmt_money(total)}" if rate != 1 else ""))
            if a.cap and total > a.cap.value:
                r.steps.append(f"超过上限{fmt_money(a.cap.value)}，按{fmt_money(a.cap.value)}计")
                total = a.cap.value
            elif a.cap:
                r.steps.append(f"不超过{fmt_money(a.cap.value)}，按实际{fmt_money(total)}计")
            r.value = total
            _times_count(a, p, r, f"每人{fmt_money(total)}")
            if r.basis and a.period:
                r.basis += f"；补贴期限{'不超过' if a.period_at_most else ''}{a.period.text}"
            if r.basis and re.search(r"每年|一年", vocab.facts[a.cost_fact].question):
                r.total_per = "每年"         # a yearly cost (单位每年为他缴的…): a yearly total
    elif a.type == "cases":
        subs = []
        for when, sub in a.cases:
            v = all_true(eval_condition(c, p) for c in when)
            subs.append((v, when, eval_amount(sub, p, policies)))
        r.text = "；".join(s.text for _, _, s in subs)
        chosen = None
        open_cases = []
        for v, when, s in subs:
            if v is True:
                chosen = s
                break
            if v is None:
                open_cases.append((when, s))
        # the document's ordinary rate (`default: true`, 按每人每年1000元标准 … 其中贫困地区的企业 … 1500元): while
        # its own conditions are unknown it is the answer, and the other open cases are said as the exceptions
        default = next((s for (_, _, s), raw in zip(subs, a.raw.get("cases") or []) if raw.get("default")), None)
        if chosen is None and default is not None and any(s is default for _, s in open_cases):
            others = [s for _, s in open_cases if s is not default]
            r.value, r.up_to, r.steps = default.value, default.up_to, list(default.steps)
            r.range, r.quotes = default.range, list(default.quotes) + r.quotes
            r.basis, r.total_per, r.unstated = default.basis, default.total_per, default.unstated
            r.missing = list(default.missing)
            for when, _ in open_cases:
                for c in when:
                    for f in _cond_facts(c):
                        if eval_condition(c, p) is None and f not in r.missing:
                            r.missing.append(f)
            exceptions = "；".join(s.text for s in others)
            r.text = default.text + (f"（其中{exceptions}）" if exceptions else "")
            if r.basis and exceptions:
                r.basis += f"；其中{exceptions}"
        elif chosen is not None and not open_cases:
            r.value, r.up_to, r.steps, r.missing = chosen.value, chosen.up_to, list(chosen.steps), list(chosen.missing)
            r.range, r.quotes = chosen.range, list(chosen.quotes) + r.quotes
            r.text, r.unstated = chosen.text, chosen.unstated
            r.basis, r.total_per = chosen.basis, chosen.total_per
        else:
            cands = [s for _, s in open_cases] + ([chosen] if chosen else [])
            for when, _ in open_cases:
                for c in when:
                    for f in _cond_facts(c):
                        if eval_condition(c, p) is None and f not in r.missing:
                            r.missing.append(f)
            vals = [s.value for s in cands if s.value is not None]
            if vals and len(vals) == len(cands):
                r.range = (min(vals), max(vals))
                if r.range[0] == r.range[1]:
                    r.value, r.range = r.range[0], None
            r.up_to = any(s.up_to for s in cands)
            r.unstated = bool(cands) and all(s.unstated for s in cands)
            if not cands:
                r.text = "不符合任何一档"
    elif a.type == "standard_percent":
        r.text = f"按{a.standard}的{_num(a.percent.value * 100)}%"
        r.steps.append(r.text)
    elif a.type == "loan":
        r.value = a.max.value
        r.up_to = True
        r.text = f"贷款最高{fmt_money(a.max.value)}" + (f"，期限最长{a.term_max.text}" if a.term_max else "") + \
            (f"，{a.interest}" if a.interest else "")
        r.steps.append(r.text)
    elif a.type == "none":
        r.text = a.text
        r.unstated = True
    if a.label:
        r.text = f"{a.label}：{r.text}"
    return r


# ----------------------------------------------------------------------------------------------- head-counts
# `count: <fact>` on an amount node (SCHEMA.md, Amounts): the amount is per person, and the asker may say for how
# many persons ("介绍了5个", "俩娃都念技校", "收3个见习"). Unknown, the answer is the rate as the document states it
# and nothing is asked; known, the answer is the total for them, with the rate beside it ("2500元（5人×每人500元）").
_UNIT_WORD = {"months": "个月", "days": "天", "count": "人", "hours": "课时", "years": "年"}


def _count_fact(a: Amount) -> str | None:
    return (a.raw or {}).get("count") if isinstance(a.raw, dict) else None


def _head_count(a: Amount, p: Profile) -> float | None:
    fact = _count_fact(a)
    v = p.facts.get(fact) if fact else None
    return float(v) if v is not None and v >= 1 else None


def _rate_words(per: str | None, value: float) -> str:
    """The rate of one person as the line shows it: the last words of `per` ("按实际介绍就业人数，每人" → "每人500元")."""
    per = re.split(r"[，,]", per or "")[-1]
    return f"{per}{fmt_money(value)}"


def _times_count(a: Amount, p: Profile, r: AmountResult, each: str) -> None:
    """Multiply a computed amount of one person by the head-count the asker gave (`count`)."""
    n = _head_count(a, p)
    if n is None or r.value is None:
        return
    total = r.value * n
    r.steps.append(f"{_num(n)}人×{fmt_money(r.value)} = {fmt_money(total)}")
    r.basis = f"{_num(n)}人×{each}"
    m = re.search(r"每(年|月|期)", a.per or "") if a.type == "fixed" else None
    r.total_per = m.group(0) if m else ""
    r.value = total


def _per_unit_counted(a: Amount, p: Profile, vocab, r: AmountResult) -> None:
    """`per_unit` with a head-count: the rate per person and unit ("每人每月不超过600元，最长6个月"); for N persons the
    total, a unit with a maximum that was not said counted at its maximum (the total is then a ceiling: 最多)."""
    rate = f"{a.per or ''}{'不超过' if a.up_to else ''}{fmt_money(a.value.value)}"
    words = [rate]
    for fact, mx in a.units:
        words.append(f"，最长{mx.text}" if mx else f"×{vocab.facts[fact].label}")
    r.text = "".join(words)
    n = _head_count(a, p)
    each = a.value.value
    factors, notes, complete, ceiling = [rate], [], True, a.up_to
    for fact, mx in a.units:
        spec = vocab.facts[fact]
        unit = _UNIT_WORD.get(spec.type, "")
        v = p.facts.get(fact)
        if v is None:
            r.missing.append(fact)
            if mx is None or n is None:
                complete = False
                continue
            k, ceiling = mx.value, True
            factors.append(f"最长{mx.text}")
            each *= k
            continue
        k = min(v, mx.value) if mx else v
        factors.append(f"{_num(k)}{unit}")
        if mx and v > mx.value:
            notes.append(f"{spec.label}{_num(v)}{unit}，按最长{mx.text}计")
        each *= k
    if a.cap:
        r.text += f"，最高{fmt_money(a.cap.value)}" + (f"（{a.cap_per}）" if a.cap_per else "")
    if not complete:
        return
    total = each * (n or 1)
    formula = "×".join(([f"{_num(n)}人"] if n else []) + [fmt_money(a.value.value)] + factors[1:])
    r.steps.append(f"{formula} = {fmt_money(total)}")
    r.steps += notes
    if a.cap and total > a.cap.value:
        r.steps.append(f"超过上限{fmt_money(a.cap.value)}，按{fmt_money(a.cap.value)}计")
        total = a.cap.value
    r.value, r.up_to = total, ceiling
    if n:
        r.basis = "；".join(["×".join([f"{_num(n)}人", rate] + factors[1:])] + notes)


def _uplift(a: Amount, p: Profile, vocab, r: AmountResult) -> None:
    """`capped_cost` with `uplift: true`: the standard the asker states raised by `rate` (在同类职业培训补贴标准基础上
    上浮70% → 1500元 × 170%). Unknown, the document's words (`text`), and nothing is asked: the standard is the
    place's own, which the document does not give."""
    label = vocab.facts[a.cost_fact].label
    rate = a.rate.value
    v = p.facts.get(a.cost_fact)
    r.text = a.raw.get("text") or f"在{label}基础上上浮{_num(rate * 100)}%"
    if v is None:
        r.unstated = True
        return
    each = v * (1 + rate)
    r.steps.append(f"{label}{fmt_money(v)}，上浮{_num(rate * 100)}%：{fmt_money(v)}×{_num(1 + rate)} = {fmt_money(each)}")
    r.value = each
    _times_count(a, p, r, f"每人{fmt_money(each)}")
    r.basis = "；".join(x for x in (r.basis, f"{fmt_money(v)}上浮{_num(rate * 100)}%") if x)


# ----------------------------------------------------------------------------------------------- benefits
def evaluate_benefit(b: Benefit, p: Profile, as_of: dt.date, policies: PolicySet) -> BenefitResult:
    met, failed, unknown, presumed = [], [], [], []
    for c in b.eligibility:
        v = eval_condition(c, p)
        o = ConditionOutcome(c, v, _cond_facts(c))
        if v is None and getattr(c, "presumed", None):
            presumed.append(o)
        else:
            (met if v is True else failed if v is False else unknown).append(o)
    reasons = []
    for o in failed:
        c = o.condition
        if getattr(c, "note", None):
            reasons.append(c.note)
        elif o.deadline:
            reasons.append("已超过申请期限")
        else:
            reasons.append(f"不符合“{policies.vocab.facts[o.facts[0]].label if o.facts and o.facts[0] in policies.vocab.facts else o.facts[0]}”条件")
    partners = policies.exclusive_partners(b.id)
    blocked = False
    for other, scope, _quotes in partners:
        taken = p.received_this_year if scope == "calendar_year" else p.received_ever
        if other in taken:
            blocked = True
            reasons.append(f"已享受{policies.benefits[other].name}，二者不能同时享受")
    for lim in b.limits:
        if lim.once_per == "year" and max(p.received_counts[b.id], b.id in p.received_this_year) >= lim.times:
            blocked = True
            reasons.append(f"今年已享受过（{lim.text}）")
        elif lim.once_per in ("lifetime", "period") and b.id in p.received_ever:
            blocked = True
            reasons.append(f"已享受过（{lim.text}）")
    status = INELIGIBLE if failed or blocked else UNKNOWN if unknown else ELIGIBLE
    return BenefitResult(
        benefit=b, status=status, met=met, failed=failed, unknown=unknown,
        amount=eval_amount(b.amount, p, policies), ended=b.document.ended(as_of),
        not_yet_valid=b.document.not_yet_valid(as_of), reasons=reasons, partners=partners, presumed=presumed,
    )


def rank_missing(results: list[BenefitResult], vocab_order: list[str]) -> list[tuple[str, float]]:
    """Facts still needed, ranked by how many candidate benefits they decide (eligibility counts 1, amount 0.5)."""
    score: Counter = Counter()
    for r in results:
        if r.status == UNKNOWN:
            for f in r.missing:
                score[f] += 1.0
        if r.status in (UNKNOWN, ELIGIBLE):
            for f in r.amount.missing:
                score[f] += 0.5
    order = {f: i for i, f in enumerate(vocab_order)}
    return sorted(score.items(), key=lambda kv: (-kv[1], order.get(kv[0], 999)))


def evaluate(
    facts: dict | Profile | None = None,
    place: str | None = None,
    *,
    documents: list[str] | None = None,
    as_of: dt.date | None = None,
    topics: Iterable[str] | None = None,
    benefit_ids: Iterable[str] | None = None,
    policies: PolicySet | None = None,
    gazetteer: Gazetteer | None = None,
) -> Evaluation:
    """Evaluate the benefits of the documents covering `place` (or the named `documents`), optionally only some topics.

    With a place that no document covers, the result has no documents and no results: the caller must say that no
    policy is on file for that place, never fall back to another region.
    """
    policies = policies or default_policies()
    as_of = as_of or dt.date.today()
    profile = facts if isinstance(facts, Profile) else Profile.from_facts(facts, policies)
    resolution = None
    if documents is not None:
        docs = [policies.by_doc[d] for d in documents]
    elif place is not None:
        gaz = gazetteer or default_gazetteer()
        resolution = gaz.resolve(place)
        docs = resolution.documents
    else:
        docs = list(policies.documents)
    topics = set(topics) if topics else None
    ids = set(benefit_ids) if benefit_ids else None
    results = []
    for d in docs:
        for b in d.benefits:
            if topics is not None and b.topic not in topics:
                continue
            if ids is not None and b.id not in ids:
                continue
            results.append(evaluate_benefit(b, profile, as_of, policies))
    order = list(policies.vocab.facts)
    return Evaluation(as_of, resolution, docs, results, rank_missing(results, order))
