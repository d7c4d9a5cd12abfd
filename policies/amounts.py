"""Amounts: a benefit's money for this person or unit, with its calculation in words ("2500元（5人×每人500元）"),
a ceiling kept a ceiling, and no number where the text gives none. Part of the evaluator (policies/evaluator.py)."""
from __future__ import annotations

import copy
from policies import rx as re
from dataclasses import dataclass, field

from .conditions import _cond_facts, all_true, eval_condition
from .model import Amount, PolicySet
from .profile import Profile


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


def _capped(a: Amount, r: AmountResult, total: float) -> None:
    """The total, or the cap when the total is over it (said as a step)."""
    if a.cap and total > a.cap.value:
        r.steps.append(f"超过上限{fmt_money(a.cap.value)}，按{fmt_money(a.cap.value)}计")
        total = a.cap.value
    r.value = total


# the months of a counted person's own time that groups of them differ in ("2个见习满了6个月，1个干了3个月")
_GROUP_MONTH_UNITS = {"intern_count": "internship_months"}


def _by_month_groups(a: Amount, p: Profile, policies: PolicySet) -> AmountResult | None:
    """An amount per person and month for persons said in groups by months (Profile.group_months): each group's total
    at its own months, and the sum ("2人×6个月 + 1人×3个月"); per person and day for trainees in groups by the days they
    attended (Profile.group_days)."""
    fact = _count_fact(a)
    # (or a sum of such parts, 千阳's 生活费 and 交通费 a day, capped a head: each group at its own days)
    by_days = bool(p.group_days) and (a.type == "per_unit" and any(f == "training_days" for f, _ in a.units) or
                                      a.type == "sum" and any(x.type == "per_unit" and
                                                              any(f == "training_days" for f, _ in x.units)
                                                              for x in a.parts))
    # the amount's own months (以工代训's training_months), else the months of the counted persons' own kind
    unit = next((f for f, _ in a.units if f.endswith("_months")), None) if a.type == "per_unit" else None
    unit = "training_days" if by_days else unit or _GROUP_MONTH_UNITS.get(fact or "")
    groups = p.group_days if by_days else p.group_months
    if not unit or len(groups) < 2 or p.facts.get(fact) != sum(n for n, _ in groups):
        return None
    parts = []
    for n, months in groups:
        q = copy.copy(p)
        q.facts = dict(p.facts, **{fact: n, unit: months})
        q.group_months, q.group_days = [], []
        s = eval_amount(a, q, policies)
        if s.value is None or s.range:
            return None
        parts.append((n, months, s))
    r = copy.copy(parts[0][2])
    r.value = sum(s.value for _, _, s in parts)
    most = next((mx.value for f, mx in a.units if f == unit and mx is not None), None)
    # (a trainee's own amount said, each group's, when a head's cap holds it: "28人×60天（每人2500元，到上限）")
    each = [f"{_num(n)}人×{_num(m)}{'天' if by_days else '个月'}" +
            (f"（按最长{_num(most)}个月）" if most and m > most else "") +
            (f"（每人{fmt_money(s.value / n)}，到上限）" if by_days and n > 1 and a.cap is not None and
             abs(s.value / n - a.cap.value) < 1e-6 else "") + f"={fmt_money(s.value)}"
            for n, m, s in parts]
    r.steps = each + [" + ".join(fmt_money(s.value) for _, _, s in parts) + f" = {fmt_money(r.value)}"]
    r.basis = "；".join(each)
    r.total_per = ""
    return r


def eval_amount(a: Amount, p: Profile, policies: PolicySet) -> AmountResult:
    vocab = policies.vocab
    grouped = _by_month_groups(a, p, policies) if p.group_months or p.group_days else None
    if grouped is not None:
        return grouped
    r = AmountResult(None, up_to=a.up_to, quotes=list(a.quotes))
    if a.type == "fixed":
        r.value = a.value.value
        r.text = f"{a.per or ''}{fmt_money(r.value)}"
        r.steps.append(r.text)
        if not _times_student_years(a, p, r):
            _times_count(a, p, r, _rate_words(a.per, r.value))
            _times_school_years(a, p, r)
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
            _capped(a, r, total)
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
        counted = [x for x, raw in zip(parts, a.parts) if _count_fact(raw) and _head_count(raw, p) is not None]
        uncounted = [raw for raw in a.parts if _count_fact(raw) and _head_count(raw, p) is None]
        if counted and uncounted:
            # parts of their own head-counts (培训合格每人1200元 for the 20 who passed, 实现创业再给每人800元 for
            # those who started), one of them not said: each part as far as known, no total
            r.text = " + ".join(f"{x.basis}={fmt_money(x.value)}" if x in counted else x.text for x in parts)
        elif not r.missing and all(x.value is not None for x in parts):
            total = sum(x.value for x in parts)
            r.steps.append(" + ".join(fmt_money(x.value) for x in parts) + f" = {fmt_money(total)}")
            _capped(a, r, total)
            _times_count(a, p, r, f"每人{fmt_money(r.value)}")
            if counted and not r.basis:
                r.basis = " + ".join(f"{x.basis}={fmt_money(x.value)}" for x in parts)
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
                if r.value and r.value >= 12:   # (and by the month, as units pay it: "每人每月900元" → 每月18000元)
                    r.basis += f"；折合每月{fmt_money(round(r.value / 12, 2))}"
    elif a.type == "cases" and _by_case_groups(a, p, policies, r):
        pass
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
        elif chosen is None and _base_and_more(a, subs):
            # 培训合格每人1200元, 实现创业的再给予每人800元 while it is not known whether a business was started: the
            # base is what the person gets, the addition is said beside it (not a range 1200～2000)
            base, more, most = _base_and_more(a, subs)
            r.value, r.up_to, r.steps, r.range = base.value, base.up_to, list(base.steps), (base.value, most)
            r.quotes = list(base.quotes) + r.quotes
            r.text = f"{base.text}，{more}"
            for when, _ in open_cases:
                for c in when:
                    for f in _cond_facts(c):
                        if eval_condition(c, p) is None and f not in r.missing:
                            r.missing.append(f)
        else:
            # which case is which, in the text's words ("劳动保障助理员岗位：每人每月800元…；其它岗位：…")
            r.text = "；".join(_case_label(when, s) + s.text for _, when, s in subs)
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
            if not cands and subs:
                # what was said fits none of the cases by name (a 家庭农场: registered as an enterprise or as 个体): every
                # case, each with its name, the amount between the least and the most
                vals = [s.value for _, _, s in subs if s.value is not None]
                if vals and len(vals) == len(subs):
                    r.range = (min(vals), max(vals)) if min(vals) != max(vals) else None
                    r.value = vals[0] if r.range is None else None
                r.up_to = any(s.up_to for _, _, s in subs)
                facts = dict.fromkeys(f for _, when, _ in subs for c in when for f in _cond_facts(c))
                labels = "、".join(policies.vocab.facts[f].label for f in facts if f in policies.vocab.facts)
                r.text += f"；哪一档要看{labels}" if labels else ""
    elif a.type == "standard_percent":
        share = a.percent.value if a.percent is not None else 1.0
        whole = a.percent is None       # (the standard itself: "补贴标准按该职业（工种）初级工标准执行")
        r.text = f"按{a.standard}执行" if whole else f"按{a.standard}的{_num(share * 100)}%"
        v = p.facts.get(a.cost_fact) if a.cost_fact else None
        if v is None:
            r.steps.append(r.text)
        else:                   # the standard the asker states ("这个工种初级工补贴标准是1500元"): 1500元×120%
            each = v * share
            pct = _num(share * 100)
            r.steps.append(f"{vocab.facts[a.cost_fact].label}{fmt_money(v)}" +
                           ("" if whole else f"×{pct}% = {fmt_money(each)}"))
            r.value = each
            r.basis = fmt_money(v) if whole else f"{fmt_money(v)}×{pct}%"
            _times_count(a, p, r, f"每人{fmt_money(each)}" + ("（初级工标准）" if whole else f"（{fmt_money(v)}×{pct}%）"))
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


# ----------------------------------------------------------------------------------------------- case groups
def case_facts(policies: PolicySet) -> frozenset:
    """The facts that pick a case of an amount of a person (`type: cases`): the ones a unit's people may be said in
    groups by ("8个开了店，其他22个还没创业")."""
    found = getattr(policies, "_case_facts", None)
    if found is None:
        got = set()

        def walk(a: Amount) -> None:
            for x in a.parts or []:
                walk(x)
            # (a loan's cases, 海南's person's loan and partners' unstated one, are no amounts of a unit's people)
            money = not any(sub.type == "loan" for _, sub in a.cases or [])
            for when, sub in a.cases or []:
                for c in when:
                    if money:
                        got.update(_cond_facts(c))
                walk(sub)
        for d in policies.documents:
            for b in d.benefits:
                walk(b.amount)
        found = frozenset(got)
        policies._case_facts = found
    return found


def _by_case_groups(a: Amount, p: Profile, policies: PolicySet, r: AmountResult) -> bool:
    """A per-person amount in cases, for a unit's people said in groups that fall in different cases
    (Profile.case_groups): each group's head-count times its case's rate, and the sum. False (nothing done) unless at
    least two groups each pick a case and not every group picks the same one."""
    if not p.case_groups:
        return False
    parts, periods = [], []
    for n, said in p.case_groups:
        q = copy.copy(p)
        q.facts = dict(p.facts, **said)
        q.case_groups = []
        picked = None
        for when, sub in a.cases:
            if not any(set(_cond_facts(c)) & set(said) for c in when):
                continue
            if all_true(eval_condition(c, q) for c in when) is True:
                picked = sub
                break
        if picked is None:
            continue
        for x in (picked.parts if picked.type == "sum" else [picked]):
            if _count_fact(x):
                q.facts.pop(_count_fact(x), None)   # the group's own head-count is the count: the rate of one person
        s = eval_amount(picked, q, policies)
        period = None
        if s.value is None and picked.type == "per_unit" and picked.value is not None and not s.range:
            # 每人每月600元 while the months are not said: the groups' sum for one month ("每月3200元")
            m = re.search(r"每(年|月|天|期)", picked.per or "")
            s, period = copy.copy(s), (m.group(0) if m else None)
            s.value = picked.value.value if period else None
        if s.value is None or s.range or not _per_person(picked):
            return False
        parts.append((n, s, picked))
        periods.append(period or "")
    if len(parts) < 2 or len({id(x[2]) for x in parts}) < 2 or len(set(periods)) > 1:
        return False
    total = sum(n * s.value for n, s, _ in parts)
    # a case that is a sum of rates ("培训合格每人1200元" + "实现创业再给每人800元") is told by its rates, the heads of
    # each rate added up across the groups: 20人×1200元 + 5人×800元, as the text pays it
    rows: dict = {}
    for n, s, sub in parts:
        for x in (sub.parts if sub.type == "sum" else [sub]):
            v = x.value.value if sub.type == "sum" and x.value is not None else s.value
            per = re.split(r"[，,]", x.per or "")[-1]
            unit = re.search(r"每(月|天|年)$", per)
            if sub.type != "sum" and x.value is not None and abs(x.value.value - v) > 0.5 and unit and x.value.value:
                # a rate times the months said ("每人每月400元"×12): the person's sum, told by its rate and months
                per = f"{_rate_words(per, x.value.value)}×{_num(v / x.value.value)}{'个月' if unit.group(1) == '月' else unit.group(1)}"
            key = (per, v)
            rows[key] = rows.get(key, 0) + n
    each = [f"{_num(n)}人×{per if '×' in per else _rate_words(per, v)}={fmt_money(n * v)}" for (per, v), n in rows.items()]
    if abs(sum(n * v for (_, v), n in rows.items()) - total) > 0.5:
        each = [f"{_num(n)}人×{_rate_words(sub.per, s.value)}={fmt_money(n * s.value)}" for n, s, sub in parts]
        rows = {}
    r.value, r.up_to = total, any(s.up_to for _, s, _ in parts)
    r.text = "；".join(s.text for _, s, _ in parts)
    r.steps = each + [" + ".join([fmt_money(n * v) for (_, v), n in rows.items()] if rows else
                                 [fmt_money(n * s.value) for n, s, _ in parts]) + f" = {fmt_money(total)}"]
    r.basis = "；".join(each)
    r.total_per = periods[0]
    for _, s, _ in parts:
        r.quotes += [x for x in s.quotes if x not in r.quotes]
    return True


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


def _per_person(a: Amount) -> bool:
    """A rate for each person ("每人", "培训合格每人"), or a sum of such rates."""
    if a.type == "sum":
        return all(_per_person(x) for x in a.parts)
    return bool(re.search(r"每(人|生|名)", a.per or ""))


def _rate_words(per: str | None, value: float) -> str:
    """The rate of one person as the line shows it: the last words of `per` ("按实际介绍就业人数，每人" → "每人500元")."""
    per = re.split(r"[，,]", per or "")[-1]
    return f"{per}{fmt_money(value)}"


def _times_school_years(a: Amount, p: Profile, r: AmountResult) -> None:
    """每生每年 for the years of school asked about ("念三年一共能拿多少"): the rate times the years."""
    months = p.facts.get("school_months")
    if not (a.per or "").startswith("每生每年") or not months or r.value is None:
        return
    years = months / 12
    total = r.value * years
    r.steps.append(f"{fmt_money(r.value)}×{_num(years)}年 = {fmt_money(total)}")
    r.basis = (r.basis or _rate_words(a.per, a.value.value)) + f"×{_num(years)}年"
    r.total_per = ""
    r.value = total


def _times_student_years(a: Amount, p: Profile, r: AmountResult) -> bool:
    """每生每年 for each child's own years ("大的还有一年…小的还得念三年"): the rate times the years added up, in
    place of the head-count and the years of one child."""
    years = p.facts.get("student_years")
    if not (a.per or "").startswith("每生每年") or not years or r.value is None:
        return False
    total = r.value * years
    r.steps.append(f"{fmt_money(r.value)}×{_num(years)}个学年（各子女还要读的年数相加） = {fmt_money(total)}")
    r.basis = (r.basis or _rate_words(a.per, a.value.value)) + f"×{_num(years)}个学年（各子女年数相加）"
    r.total_per = ""
    r.value = total
    return True


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
        # one person, every unit not said has its maximum ("每人每月1000元，最长6个月"): the most a person gets
        most = a.value.value
        for fact, mx in a.units:
            v = p.facts.get(fact)
            most = most * (min(v, mx.value) if v is not None and mx else v if v is not None else mx.value if mx else 0)
        if n is None and most and not a.cap and all(mx or p.facts.get(f) is not None for f, mx in a.units):
            r.text += f"（每人最多{fmt_money(most)}）"
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


def _case_label(when, s: AmountResult) -> str:
    """A short name for a case of an amount, from its condition's note or quote: "在6个月内实现创业的：",
    "劳动保障助理员岗位：", "创办小微企业：" (nothing when the words say no more than the amount)."""
    c = when[0] if when else None
    if c is None:
        return ""
    note = getattr(c, "note", None)
    quote = (getattr(c, "quotes", None) or [""])[0]
    if note and len(note) <= 16 and not re.search(r"[0-9]+元", note):
        return f"{note}：" if note[:2] not in s.text else ""     # "从事个体经营一次性5000元" says it already
    m = re.match(r"(.{2,16}?)(?:每人|按每人|补贴标准)", quote)
    if m and re.search(r"[0-9]+\s*元", quote):
        label = m.group(1).rstrip("，,的")
        generic = re.search(r"补贴标准|标准为|^按", label)
        return f"{label}：" if label and not generic and label not in s.text else ""
    if quote.endswith("的") and len(quote) <= 24:
        return f"{quote}："
    return ""


def _base_and_more(a: Amount, subs) -> tuple | None:
    """Two open cases, one a fixed amount and the other that same amount plus another (1200元; 1200元 + 800元):
    (the base's result, the addition's words, both together), else None."""
    if len(subs) != 2 or any(v is not None for v, _, _ in subs):
        return None
    (_, a1), (_, a2) = a.cases
    (_, _, r1), (_, _, r2) = subs
    for fixed, fr, summed in ((a1, r1, a2), (a2, r2, a1)):
        if fixed.type == "fixed" and summed.type == "sum" and len(summed.parts) == 2 and fr.value is not None and \
                all(x.type == "fixed" for x in summed.parts) and summed.parts[0].value == fixed.value:
            extra = summed.parts[1]
            return fr, f"{extra.per or ''}{fmt_money(extra.value.value)}（合计最多{fmt_money(fr.value + extra.value.value)}）", \
                fr.value + extra.value.value
    return None


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
