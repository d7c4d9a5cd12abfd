"""What is known about a person or a unit (Profile), the facts that follow from others (DERIVED_FACTS) and reading a
value as a fact's type (coerce). Part of the evaluator (policies/evaluator.py); plain Python, no Rasa."""
from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .model import PolicySet, default_policies
from .quantities import parse_number_text


# ----------------------------------------------------------------------------------------------- profile
@dataclass
class Profile:
    """What is known. Missing keys are unknown; nothing is assumed."""
    facts: dict[str, Any] = field(default_factory=dict)
    categories: set[str] = field(default_factory=set)          # categories known to apply
    not_categories: set[str] = field(default_factory=set)      # categories known not to apply
    categories_exhaustive: bool = False                        # the categories given are all there are
    status_categories: frozenset = frozenset()   # categories the given ones do not rule out (facts.yaml status: true)
    received_this_year: set[str] = field(default_factory=set)  # benefit ids already received this calendar year
    planned_this_year: set[str] = field(default_factory=set)   # benefit ids the person means to take this year
    received_ever: set[str] = field(default_factory=set)
    received_counts: Counter = field(default_factory=Counter)  # times each benefit was received this year
    # benefit id -> how many of the persons a unit counts for it are not counted ("其中有1个已经享受过以工代训补贴":
    # 以工代训 for the others only; "这12个里头有3个领过求职补贴": 职业介绍补贴 for 9)
    counted_out: dict = field(default_factory=dict)
    # benefit id -> (persons, why) of the count who fail one of its conditions ("是外省的", "没交社保")
    counted_not: dict = field(default_factory=dict)
    # a unit's people in groups by how long they have worked, [(head-count, months)]: a benefit that asks for a time
    # at work counts the groups that reach it ("三个干了九个月、两个才干了两个月")
    group_months: list = field(default_factory=list)
    # a class's trainees in groups by the days each attended, [(head-count, days)]: "18个全勤15天，2个请了3天假" is
    # 18 at 15 days and 2 at 12 (a per-day amount sums the groups)
    group_days: list = field(default_factory=list)
    # a unit's people in groups that differ in a fact that picks a case of an amount, [(head-count, {fact: value})]:
    # "8个开了店，其他22个还没创业" is 8 at 2500元 and 22 at 1000元 (policies/amounts.py, cases)
    case_groups: list = field(default_factory=list)
    # people said in groups by category, each once ("低保家庭的12个、脱贫家庭的20个"): [(head-count, category)]; a
    # per-person amount with no head-count of its own counts the groups whose category it is for
    category_groups: list = field(default_factory=list)
    # persons of one case the asker speaks of together ("我跟我堂客都…都去"): how many; a person's amount is for each
    persons_alike: float = 0.0
    # two courses said in one message, each with its own facts, {training type: {fact: value}} ("一是IYB…；二是我们SYB班只
    # 排了60个课时"): a benefit of one of those courses is judged by that course's facts
    course_facts: dict = field(default_factory=dict)
    # a course's own trainees by the days each attended ({training type: [(head-count, days)]}): "电工班30人…其中2个人
    # 各缺了5天课" beside another course
    course_group_days: dict = field(default_factory=dict)

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
            # (and what the categories named say nothing about: "残疾人家庭" leaves 建档立卡 open; not once the person
            # has spoken of those, "家里不是脱贫户也不是低保户")
            p.status_categories = vocab.status_categories.union(
                *(vocab.silent_on.get(c, frozenset()) for c in p.categories if not p.not_categories))
        for bid, n in dict(facts.pop("counted_out", None) or {}).items():
            if bid in policies.benefits and isinstance(n, (int, float)) and n > 0:
                p.counted_out[bid] = float(n)
        for bid, v in dict(facts.pop("counted_not", None) or {}).items():
            if bid in policies.benefits and isinstance(v, (list, tuple)) and len(v) == 2 and \
                    isinstance(v[0], (int, float)) and v[0] > 0 and isinstance(v[1], str):
                p.counted_not[bid] = (float(v[0]), v[1][:60])
        for g in facts.pop("group_months", None) or []:
            if isinstance(g, (list, tuple)) and len(g) == 2 and all(isinstance(x, (int, float)) for x in g) and g[0] > 0:
                p.group_months.append((float(g[0]), float(g[1])))
        for g in facts.pop("group_days", None) or []:
            if isinstance(g, (list, tuple)) and len(g) == 2 and all(isinstance(x, (int, float)) for x in g) and g[0] > 0:
                p.group_days.append((float(g[0]), float(g[1])))
        for g in facts.pop("category_groups", None) or []:
            if isinstance(g, (list, tuple)) and len(g) == 2 and isinstance(g[0], (int, float)) and g[0] > 0:
                canon = vocab.canonical_category(str(g[1]))
                if canon:
                    p.category_groups.append((float(g[0]), canon))
        groups = facts.pop("case_groups", None)
        for g in (groups if isinstance(groups, list) else ()):
            if isinstance(g, (list, tuple)) and len(g) == 2 and isinstance(g[0], (int, float)) and g[0] > 0 and \
                    isinstance(g[1], dict):
                said = {k: v for k, v in g[1].items() if k in vocab.facts and v is not None}
                try:
                    said = {k: coerce(vocab.facts[k].type, v, vocab.facts[k].label, vocab.facts[k].choices)
                            for k, v in said.items()}
                except ValueError:
                    continue
                if said:
                    p.case_groups.append((float(g[0]), said))
                elif g[1].get("kin") and len(groups) == 1 and g[0] >= 2:
                    p.persons_alike = float(g[0])     # (one group of the family with no case of its own)
        tt = vocab.facts.get("training_type")
        courses = facts.pop("course_facts", None)
        for course, said in (courses.items() if isinstance(courses, dict) else ()):
            if tt is None or course not in (tt.choices or []) or not isinstance(said, dict):
                continue
            days = said.get("group_days")
            try:
                said = {k: coerce(vocab.facts[k].type, v, vocab.facts[k].label, vocab.facts[k].choices)
                        for k, v in said.items() if k in vocab.facts and v is not None}
            except ValueError:
                continue
            p.course_facts[course] = dict(said, training_type=course)
            # the course's trainees by the days they attended (its own Profile.group_days)
            groups = [(float(g[0]), float(g[1])) for g in days or [] if isinstance(g, (list, tuple)) and len(g) == 2 and
                      all(isinstance(x, (int, float)) and not isinstance(x, bool) and x > 0 for x in g)]
            if len(groups) >= 2:
                p.course_group_days[course] = groups
        for bid in facts.pop("planned_this_year", None) or []:
            if isinstance(bid, str):
                p.planned_this_year.add(bid)
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

    def dated(self, as_of) -> "Profile":
        """This profile with the facts that follow from today's date (DATED_FACTS), unless said: a copy when any."""
        f = self.facts
        m = f.get("months_since_employment")
        if m is None or "employment_year_ended" in f:
            return self
        p = copy.copy(self)
        applied = f.get("applied_months_ago")
        if applied is not None and applied <= m:
            # handed in then ("去年2月去上班…车票去年11月就交到镇上了"): the year of the move had ended by then or not
            now = as_of.year * 12 + as_of.month - 1
            p.facts = dict(f, employment_year_ended=(now - int(applied)) // 12 > (now - int(m)) // 12)
            return p
        # started in an earlier calendar year than today's ("前年十月" on 2026-11-30: 25 months >= 11)
        p.facts = dict(f, employment_year_ended=m >= as_of.month)
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
    # a child at a 技工院校 is not at a 职高 (职业高中)
    "vocational_high_school": (("in_technical_school",), lambda tech: False if tech is True else None),
    # months counted from the registration: it was registered
    "business_registered": (("months_since_registration",), lambda months: None if months is None else True),
    # someone at work now is not out of work (就业转失业, 难以通过市场渠道实现就业)
    "unemployed": (("employed",), lambda employed: False if employed is True else None),
    # what a unit pays into social insurance, said once ("单位每人每月缴社保800块"): 海南's rule names it without 险种
    "company_insurance_contributions": (("insurance_contributions",), lambda paid: paid),
    # a sum the unit pays into social insurance says that it pays (单位依法为其缴纳社会保险费)
    "insurance_paid": (("insurance_contributions",), lambda paid: True if paid else None),
    # 稳定就业1年以上 (绥化): a year or more at the job
    "stable_employment": (("months_employed",), lambda months: None if months is None else months >= 12),
    # the months of a 以工代训 said: it was held
    "work_for_training_held": (("training_months",), lambda months: None if months is None else months > 0),
}
DERIVED_FACTS: dict[str, tuple[str, ...]] = {name: sources for name, (sources, _) in _DERIVATIONS.items()}
# facts that follow from others and today's date (Profile.dated, applied by evaluate with its as_of)
DATED_FACTS: dict[str, tuple[str, ...]] = {"employment_year_ended": ("months_since_employment",)}


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
