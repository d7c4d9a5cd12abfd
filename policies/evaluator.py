"""The three-valued evaluator: given what is known about a person or employer, say for each benefit
eligible / not eligible (and which condition fails) / unknown (and which facts are missing), with the amount and
its calculation, the payee, validity as of a date, documents, office and citations.

Plain Python, no Rasa: used by the actions, the console, the batch check and the CLI.
"""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from policies import rx as re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

# the evaluator's parts (profile, conditions, amounts); their names stay importable from here, as before the split
from .amounts import AmountResult, eval_amount, fmt_money  # noqa: F401
from .conditions import _cond_facts, all_true, eval_condition  # noqa: F401
from .gazetteer import Gazetteer, Resolution, default_gazetteer
from .model import PLAN_FACTS, AnyOf, Benefit, Condition, Document, PolicySet, default_policies
from .profile import DATED_FACTS, DERIVED_FACTS, Profile, coerce  # noqa: F401

ELIGIBLE, INELIGIBLE, UNKNOWN = "eligible", "ineligible", "unknown"

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


# ----------------------------------------------------------------------------------------------- benefits
def _not_yet_open(c, p: Profile) -> bool:
    """An application window (deadline: true) that the time said has not reached yet: waiting opens it."""
    if not getattr(c, "deadline", False) or c.op not in ("between", "at_least", "more_than"):
        return False
    v = p.facts.get(c.fact)
    low = c.value[0].value if c.op == "between" else c.value.value
    return isinstance(v, (int, float)) and v < low


def _reached_in_time(c, p: Profile) -> bool:
    """A business's months the text counts (正常运营6个月以上), not reached yet by a business that is running: like a
    business still planned (presumed: plan), it reaches them by running on, and the subsidy is theirs then."""
    if getattr(c, "presumed", None) != "plan" or c.op not in ("at_least", "more_than") or \
            c.fact != "months_since_registration":
        return False
    v = p.facts.get(c.fact)
    return isinstance(v, (int, float)) and v < c.value.value and p.facts.get("operating_normally") is not False and \
        p.facts.get("business_registered") is not False and p.facts.get("asked_now") is not True


def _stays_on(c, p: Profile) -> bool:
    """A time at work the text asks for (实际在岗12个月), not reached yet by one who says they mean to stay in the job
    (fact stay_planned): reached by staying on."""
    if getattr(c, "fact", None) != "months_employed" or c.op not in ("at_least", "more_than") or \
            p.facts.get("stay_planned") is not True or p.group_months:
        return False
    v = p.facts.get(c.fact)
    return isinstance(v, (int, float)) and v < c.value.value


def _course_of(b: Benefit, p: Profile) -> Profile:
    """The profile with the facts of the course a benefit is for, when the message said two courses each with its own
    facts (Profile.course_facts): SYB's 60课时 are SYB's, not the IYB course's asked about beside it."""
    if not p.course_facts:
        return p
    for c in b.eligibility:
        if getattr(c, "fact", None) != "training_type" or getattr(c, "op", None) not in ("any_of", "equals"):
            continue
        wanted = c.value if c.op == "any_of" else (c.value,)
        for course, said in p.course_facts.items():
            if course in wanted:
                q = copy.copy(p)
                q.facts = {k: v for k, v in p.facts.items() if k not in _COURSE_OWN}
                q.facts.update(said)
                if course in p.course_group_days:   # (its trainees by the days each attended)
                    q.group_days = list(p.course_group_days[course])
                return q
    return p


# the facts of a course: not carried from one course said in a message to another
_COURSE_OWN = frozenset({"training_type", "training_hours", "training_days", "training_certificate",
                         "class_employment_rate", "class_placed_count", "started_business_within_6_months", "started_business_after_training",
                         "trainee_count", "started_business_count", "training_standard"})


def evaluate_benefit(b: Benefit, p: Profile, as_of: dt.date, policies: PolicySet) -> BenefitResult:
    p = _course_of(b, p)
    counted = _counted_for_conditions(b, p)
    cfact = benefit_count_fact(b) if counted is not p else None
    met, failed, unknown, presumed = [], [], [], []
    next_year = p.facts.get("claim_next_year") is True
    applied = p.facts.get("applied_months_ago")
    since = p.facts.get("months_since_employment")
    handed_in = None
    if applied is not None and since is not None and applied <= since:
        # a claim handed in then ("去年7月上班，9月份去镇上申请了"): a deadline counts the months to that day
        handed_in = copy.copy(p)
        handed_in.facts = dict(p.facts, months_since_employment=since - applied)
    for c in b.eligibility:
        if next_year and getattr(c, "fact", None) == "received_allowance_this_year":
            continue            # "等明年开春再报": this year's claim is not next year's
        if next_year and getattr(c, "deadline", False) and getattr(c, "fact", None) == "months_since_employment":
            # "明年要是再换个工作…能领不": next year's job, its window counted from it (stated on the card)
            presumed.append(ConditionOutcome(c, None, _cond_facts(c)))
            continue
        if handed_in is not None and getattr(c, "deadline", False) and getattr(c, "fact", None) == "months_since_employment":
            v = eval_condition(c, handed_in)
            (met if v is True else failed if v is False else unknown).append(ConditionOutcome(c, v, _cond_facts(c)))
            continue
        v = eval_condition(c, counted if cfact and getattr(c, "fact", None) == cfact else p)
        if v is None:
            v = _by_case_groups(c, p)
        if v is None:
            v = _by_month_groups(c, p)
        o = ConditionOutcome(c, v, _cond_facts(c))
        if v is None and getattr(c, "deadline", False) and getattr(c, "open", False) and p.facts.get(c.fact) is not None:
            unknown.append(o)   # a date the text sets without refusing later applications, passed: ask the office
            continue
        # unknown and presumed (model.PRESUMED), or an application window whose date is not said: the benefit is
        # answered as the person's, with the window stated ("补贴申请应于实现转移就业后6个月内提出")
        if v is None and (getattr(c, "presumed", None) or getattr(c, "deadline", False)) and \
                not (getattr(c, "open", False) and p.facts.get(c.fact) is not None) and \
                not (getattr(c, "presumed", None) == "plan" and
                     p.facts.get(PLAN_FACTS.get(getattr(c, "fact", None), "business_planned")) is not True):
            presumed.append(o)  # (a value said outside an open list, "外地" of a unit: to be confirmed, not presumed)
        elif v is False and (_not_yet_open(c, p) or _reached_in_time(c, p)):
            presumed.append(o)  # a window that opens later (第7至12个月期间申报): theirs, to apply when it opens;
                                # a business open four months reaches its six months by waiting (said on the card)
        elif v is False and _stays_on(c, p):
            # a job the person means to keep ("到现在五个多月 打算一直干下去"): the months at work are reached by staying,
            # said on the card as what the money waits for (领取前提)
            presumed.append(ConditionOutcome(dataclasses.replace(c, presumed="outcome"), v, _cond_facts(c)))
        else:
            (met if v is True else failed if v is False else unknown).append(o)
    reasons = []
    for o in failed:
        c = o.condition
        if getattr(c, "note", None):
            reasons.append(c.note)
        elif o.deadline:
            reasons.append("已超过申请期限" + _past_by(c, p, policies.vocab))
        else:
            reasons.append(f"不符合“{policies.vocab.facts[o.facts[0]].label if o.facts and o.facts[0] in policies.vocab.facts else o.facts[0]}”条件")
    partners = policies.exclusive_partners(b.id)
    blocked = False
    for other, scope, quotes in partners:
        # (next year's claim: this year's other benefit does not bar it, "同一年度…二者之一")
        taken = (set() if next_year else p.received_this_year) if scope == "calendar_year" else p.received_ever
        if other in taken:
            blocked = True
            reasons.append(f"已享受{policies.benefits[other].name}，二者不能同时享受")
        elif p.facts.get("agency_claims") is True and b.payee == "worker" and policies.benefits[other].payee == "hr_agency" \
                and b.id not in p.planned_this_year and not any(x.startswith("介绍他们的机构") for x in reasons):
            # (not when the person means to take it himself: "他说想自己去领求职补贴", the agency's is the question)
            # an agency asking whether the people it placed can also take the 求职补贴: not once it claims for them
            blocked = True
            reasons.append(f"介绍他们的机构申领了{policies.benefits[other].name}的，本人就不能再领（二者只能享受其一）")
        elif other in p.planned_this_year and not next_year:
            # "他说想自己去领求职补贴": the other one is meant to be taken; this one turns on that (二者之一)
            note = f"若领了{policies.benefits[other].name}，本项就不能再享受（二者只能享受其一）"
            unknown.append(ConditionOutcome(Condition("planned_this_year", "none_of", (other,), (other,), list(quotes),
                                                      note=note), None, []))
    asked_time = p.facts.get("occurrence_asked")
    for lim in b.limits:
        if lim.once_per == "year" and next_year:
            continue
        if lim.once_per == "year" and asked_time and asked_time > lim.times and lim.times > 1:
            blocked = True      # "年底又介绍他去干了三个半月，第三次还能报不": past the times a year allows
            reasons.append(f"{lim.text}，这是第{_num(asked_time)}次")
        elif lim.once_per == "year" and lim.times == 1 and p.facts.get("claim_again") is True:
            blocked = True      # "两口子十二月还要回来一趟再去，第二趟的车票能不能再报一回"
            reasons.append(f"{lim.text}，今年报过的不能再报")
        elif lim.once_per == "year" and lim.times == 1 and p.facts.get("another_claimant") is True:
            blocked = True      # "另一个经纪人…也要报…我们两个是不是都可以各报一次": one claim a year for each person
            reasons.append(f"{lim.text}，同一批人不能由两家各报一次")
        elif lim.once_per == "year" and max(p.received_counts[b.id], b.id in p.received_this_year) >= lim.times:
            blocked = True
            reasons.append(f"今年已享受过（{lim.text}）")
        elif lim.once_per in ("lifetime", "period") and b.id in p.received_ever:
            blocked = True
            reasons.append(f"已享受过（{lim.text}）")
    away = p.counted_not.get(b.id)
    head = p.facts.get(benefit_count_fact(b)) if benefit_count_fact(b) else None
    if away and away[1].startswith("收了费") and isinstance(head, (int, float)) and head > 0 and away[0] >= head:
        # every one of those counted is out of it ("那7个季节工我们每人收了100块介绍费"): none is paid for
        blocked = True
        reasons.append(f"{_num(head)}人都{away[1]}")
    term = p.facts.get("loan_term_wanted")
    loan = _loan_of(b, p)
    over_term = loan is not None and term and loan.term_max and term > loan.term_max.value
    if over_term and p.facts.get("loan_term_asked"):
        # "那能不能贷三年？两年还款太紧了": not for longer than the text allows (a plan said beside other questions,
        # "准备贷500万，贷3年，最长多久", hears the longest on the amount instead)
        blocked = True
        reasons.append(f"贷款期限最长{loan.term_max.text}，贷{_num(term / 12) + '年' if term % 12 == 0 else _num(term) + '个月'}不行")
    if p.facts.get("late_claim") is True and not failed and not blocked and b.kind in ("subsidy", "award", "allowance") \
            and not any(getattr(c, "deadline", False) and not getattr(c, "open", False) for c in b.eligibility) \
            and not any(getattr(o.condition, "deadline", False) for o in unknown):
        # a claim asked after its time ("过期了还能补办不") of money whose text refuses no late claim: taken or not is the
        # office's to say (a final date the text sets, "超过该期限的…不再受理", decides it as any condition does; an open
        # date past, "为了保证当年兑付…12月底前", says so itself)
        window = b.apply.window if b.apply is not None and b.apply.window else None
        note = (f"文件写的申请时间是{window}，没写过了时间是否还受理" if window else "文件没写申请期限，也没写过了时间还能不能补办") + \
            "，能否补办须向经办部门确认"
        unknown.append(ConditionOutcome(Condition("late_claim", "equals", False, False,
                                                  list(b.apply.quotes) if b.apply is not None else [], note=note), None, []))
    status = INELIGIBLE if failed or blocked else UNKNOWN if unknown else ELIGIBLE
    alike = _persons_alike(p)
    amount = _amount_of(b, _counted_as_persons(b, p, alike), policies)
    _times_a_year(b, p, amount)
    _for_each_group(b, p, amount)
    _rest_for_persons(b, p, alike, amount)
    wanted = p.facts.get("loan_wanted")
    if loan is not None and wanted and loan.max and wanted > loan.max.value:
        # "打算贷500万，能贷这么多不": not that much; the most the text allows, said on the amount
        amount.text += f"（您想贷{fmt_money(wanted)}，超过了，最多贷{fmt_money(loan.max.value)}）"
    elif loan is not None and wanted and loan.max:
        # "要贷五万块": within what the text allows; "要是贷五百万，利息是全贴吗": the part past the interest the text
        # subsidises ("财政部门承担300万元以内的贷款贴息") is said
        within = f"（您想贷{fmt_money(wanted)}，在最高{fmt_money(loan.max.value)}以内"
        cap = re.search(r"([0-9]+(?:\.[0-9]+)?)\s*万元以内的?(?:贷款)?贴息", str(loan.raw.get("interest") or ""))
        if cap and wanted > float(cap.group(1)) * 10000:
            over = wanted - float(cap.group(1)) * 10000
            within += f"；其中{cap.group(1)}万元以内贴息，超出的{fmt_money(over)}不在贴息范围"
        amount.text += within + "）"
    if over_term and not p.facts.get("loan_term_asked"):
        amount.text += f"（您想贷{_num(term / 12) + '年' if term % 12 == 0 else _num(term) + '个月'}，期限最长{loan.term_max.text}）"
    return BenefitResult(
        benefit=b, status=status, met=met, failed=failed, unknown=unknown,
        amount=amount, ended=b.document.ended(as_of),
        not_yet_valid=b.document.not_yet_valid(as_of), reasons=reasons, partners=partners, presumed=presumed,
    )


def _loan_of(b: Benefit, p: Profile):
    """A loan's own terms (its 最高, 期限): the benefit's amount, or the case of it that is a loan and that the facts do
    not rule out (海南's person's loan; partners' is not stated)."""
    if b.amount.type == "loan":
        return b.amount
    for when, sub in (b.amount.cases or []) if b.amount.type == "cases" else []:
        if sub.type == "loan" and all_true(eval_condition(c, p) for c in when) is not False:
            return sub
    return None


def _times_a_year(b: Benefit, p: Profile, r) -> None:
    """A benefit the text allows more than once a year (每人每年不超过两次), had that many times by the same person
    ("介绍去果汁厂干了4个月；后来又…另一个厂干了5个月"): the amount times the times, at most the times allowed."""
    times = p.facts.get("times_this_year")
    lim = next((x for x in b.limits if x.once_per == "year" and x.times > 1), None)
    if not times or times < 2 or lim is None or r.value is None or (p.facts.get("occurrence_asked") or 0) > lim.times:
        return                  # (the time asked about is past what is allowed: that one time is not paid)
    n = min(times, lim.times)
    total = r.value * n
    r.steps.append(f"{fmt_money(r.value)}×{_num(n)}次 = {fmt_money(total)}" +
                   (f"（{lim.text}，第{_num(lim.times + 1)}次起不能再报）" if times > lim.times else ""))
    r.basis = (r.basis or fmt_money(r.value)) + f"×{_num(n)}次"
    r.value = total


def _by_case_groups(c, p: Profile) -> bool | None:
    """A condition on a fact every group of persons says for itself and the whole does not (Profile.case_groups: "5个是
    各人开的个体店，另外3个合伙开了个农家乐"): met when some group meets it, failed when none does."""
    fact = getattr(c, "fact", None)
    if not p.case_groups or not fact or fact in p.facts or \
            not all(isinstance(f, dict) and fact in f for _n, f in p.case_groups):
        return None
    got = []
    for _n, f in p.case_groups:
        q = copy.copy(p)
        q.facts = dict(p.facts, **{k: v for k, v in f.items() if k != "kin"})
        got.append(eval_condition(c, q))
    return True if True in got else False if all(g is False for g in got) else None


def _by_month_groups(c, p: Profile) -> bool | None:
    """A condition on the time at work, said of a unit's groups of people and not of the whole (Profile.group_months:
    "7个干满一年了，3个才干了9个月"): met when some group meets it (those short of it are out of the count,
    _short_of_time), failed when none does."""
    facts = set(_cond_facts(c))
    if not p.group_months or not facts or not facts <= set(_TIME_FACTS) | {"stable_employment"} or \
            any(f in p.facts for f in facts):
        return None
    got = []
    for _n, months in p.group_months:
        q = copy.copy(p)
        q.facts = dict(p.facts, **{f: months for f in _TIME_FACTS})
        q.facts.setdefault("stable_employment", months >= 12)
        got.append(eval_condition(c, q))
    return True if True in got else False if all(g is False for g in got) else None


# the head-counts of a unit's people (its hires, staff, placements, interns, trainees)
_UNIT_HEAD_COUNTS = ("new_hires", "hired_poor_count", "hired_poor_low_income_count", "staff_total", "referred_count",
                     "seasonal_referred_count", "intern_count", "trainee_count")


def _for_each_group(b: Benefit, p: Profile, r) -> None:
    """A per-person amount of no head-count of its own, for persons said in groups that each meet its conditions
    ("她妈在村上干保洁的公益性岗位，她爸是劳动保障助理员…俩人一年…一共多少": the 农村公益性岗位保险补贴 of both):
    the rate times the heads. A rate in cases is paid by the groups' cases already (amounts._by_case_groups)."""
    from .amounts import _per_person

    if not (p.case_groups or p.category_groups or _persons_alike(p)) or b.amount.type == "cases" or \
            benefit_count_fact(b) or not _per_person(b.amount):
        return
    groups = p.case_groups or p.category_groups or [(_persons_alike(p), {})]
    if p.case_groups and p.facts.get("employer_type") == "培训机构" and b.payee != "training_institution":
        return                  # a school's class in groups (开了店的5个，没开的11个): each trainee's own money, not the school's
    if not p.case_groups and any(p.facts.get(k) for k in _UNIT_HEAD_COUNTS):
        return                  # a unit's people by category (its hires): not persons each asking for themselves
    heads = sum(n for n, _said in groups)
    if heads < 2 or not float(heads).is_integer():
        return
    named = {c for _n, c in p.category_groups}
    for _n, said in groups:
        q = copy.copy(p)
        if isinstance(said, dict):
            q.facts = dict(p.facts, **{k: v for k, v in said.items() if k != "kin"})
        else:                   # a group by category: its own category, and those said of everyone
            q.categories = (p.categories - named) | {said}
        if any(eval_condition(c, q) is False for c in b.eligibility):
            return              # a group this benefit is not for: whose heads count is not known
    if r.value is not None and not r.range:
        total = r.value * heads
        r.steps.append(f"{_num(heads)}人×{fmt_money(r.value)} = {fmt_money(total)}")
        r.basis = f"{_num(heads)}人×每人{fmt_money(r.value)}"
        r.value = total
    elif r.value is None and b.amount.type == "per_unit" and b.amount.value is not None:
        m = re.search(r"每(月|年|天)", b.amount.per or "")
        if m:                   # 每人每月15元 while the months are not said: the heads' sum for one month
            r.text += f"（{_num(heads)}人合计{m.group(0)}{fmt_money(b.amount.value.value * heads)}）"


def _persons_alike(p: Profile) -> float:
    """The persons of one case the asker speaks of together ("我跟我堂客都…都去", extract_groups.both_alike): one case group
    of the family (`kin`), two or more heads; 0 otherwise (a unit's groups are its hires, counted by their own facts)."""
    return p.persons_alike if p.persons_alike >= 2 and not p.case_groups else 0.0


def _count_facts_of(raw) -> set:
    """Every head-count fact an amount (its cases and parts) is multiplied by."""
    out = set()
    if isinstance(raw, dict):
        if isinstance(raw.get("count"), str):
            out.add(raw["count"])
        raw = list(raw.values())
    if isinstance(raw, list):
        for x in raw:
            out |= _count_facts_of(x)
    return out


def _counted_as_persons(b: Benefit, p: Profile, alike: float) -> Profile:
    """A rate counted by a head-count the persons alike did not say (a course's trainees): counted for them."""
    unsaid = {f: alike for f in _count_facts_of(b.amount.raw) if f in HEAD_COUNTS and p.facts.get(f) is None}
    if not alike or not unsaid:
        return p
    q = copy.copy(p)
    q.facts = dict(p.facts, **unsaid)
    return q


def _rest_for_persons(b: Benefit, p: Profile, alike: float, r) -> None:
    """The persons alike, a rate in parts whose later part waits on a case not yet said ("培训合格每人1200元，实现创业再给每人
    800元"): that part for them too, as a step ("实现创业再给2人×800元 = 1600元")."""
    if not alike or not r.range or r.value is None or b.amount.type != "cases":
        return
    top = max((sub for _when, sub in b.amount.cases if sub.type == "sum"), default=None,
              key=lambda sub: sum(x.value.value for x in sub.parts if x.value is not None))
    for x in (top.parts[1:] if top is not None else []):
        if x.value is not None and re.search(r"每(人|生|名)$", x.per or ""):
            each = x.value.value
            r.steps.append(f"{re.sub(r'每(人|生|名)$', '', x.per)}{_num(alike)}人×{fmt_money(each)} = "
                           f"{fmt_money(each * alike)}")


def _amount_of(b: Benefit, p: Profile, policies: PolicySet):
    """The benefit's amount for this profile; the persons said to be out of its count (Profile.counted_out) are taken
    from the head-count first, and the amount says so."""
    out = p.counted_out.get(b.id) or 0
    away, why = p.counted_not.get(b.id) or (0, "")
    fact = benefit_count_fact(b)
    n = p.facts.get(fact) if fact else None
    if fact == "new_hires" and n is not None and p.facts.get("hired_poor_count") is None and \
            (p.facts.get("hired_poor_low_income_count") or 0) >= n and not_for_low_income(b):
        # "新招了脱贫户和低收入户一共163个", for a benefit of 脱贫人口 only: how many of them count is not said
        q = copy.copy(p)
        q.facts = {k: v for k, v in p.facts.items() if k != fact}
        r = eval_amount(b.amount, q, policies)
        r.missing = ["hired_poor_count"] + [m for m in r.missing if m not in (fact, "hired_poor_count")]
        return r
    poor = p.facts.get("hired_poor_count")
    if fact == "new_hires" and n is not None and poor is not None and poor < n and not_for_low_income(b) and \
            p.facts.get("hired_poor_low_income_count") == n:
        # the new hires are 脱贫 and 低收入 together ("新招了16个，其中脱贫户11个、农村低收入户5个"): a benefit of 脱贫人口
        # only counts its 11
        p = copy.copy(p)
        p.facts = dict(p.facts, new_hires=poor)
        n = poor
        if why.startswith("是农村低收入人口"):
            away = 0            # (the 低收入 said out of the count are out of it already: 12, not 12 - 3)
    notes = [f"{_num(n)}人中{_num(out)}人已享受过，不计"] if out and n is not None else []
    if away and n is not None and out + away < n:
        notes.append(f"{_num(away)}人{why}，不计")
        out += away
    short = _short_of_time(b, p) if n is not None else (0, None)
    if short[0] and short[0] + out < n:
        out += short[0]
        notes.append(f"{_num(short[0])}人{short[1]}，不计")
    if not out or n is None or out >= n:
        return eval_amount(b.amount, p, policies)
    q = copy.copy(p)
    q.facts = dict(p.facts, **{fact: n - out})
    alone = [g for g in p.group_months if g[0] == away]
    if away and away == out and len(alone) == 1 and sum(g[0] for g in p.group_months) == n:
        # the ones out of it are a group of their own ("3个见习了4个月…还有1个家里不是贫困户的见习了5个月"): the
        # other groups at their own months
        q.group_months = [g for g in p.group_months if g is not alone[0]]
    r = eval_amount(b.amount, q, policies)
    r.steps += notes
    if r.basis:
        r.basis += "；" + "；".join(notes)
    return r


def _counted_for_conditions(b: Benefit, p: Profile) -> Profile:
    """The profile whose head-count leaves out the persons said to be out of the benefit's count (had it before, a
    contract too short): "新招了11个…那3个签的是半年": a minimum of 10 new hires is not reached by 8."""
    away = (p.counted_out.get(b.id) or 0) + (p.counted_not.get(b.id) or (0, ""))[0]
    if not away:
        return p
    fact = benefit_count_fact(b)
    n = p.facts.get(fact) if fact else None
    if not n or away >= n:
        return p
    q = copy.copy(p)
    q.facts = dict(p.facts, **{fact: n - away})
    return q


def not_for_low_income(b: Benefit) -> bool:
    """The benefit's people are named, and 农村低收入人口 are not among them."""
    cats = next((c.value for c in b.eligibility if getattr(c, "fact", None) == "category"), None)
    return isinstance(cats, tuple) and "农村低收入人口" not in cats


# the facts that count persons (a unit's hires, an agency's placements, a school's trainees …)
HEAD_COUNTS = frozenset({"new_hires", "referred_count", "seasonal_referred_count", "trainee_count", "intern_count",
                         "hired_poor_count", "hired_poor_low_income_count", "students_count",
                         "started_business_count"})


def benefit_count_fact(b: Benefit) -> str | None:
    """count_fact_of the benefit's amount, worked out once per benefit object (its data does not change)."""
    cached = b.__dict__.get("_count_fact", _UNSET)
    if cached is _UNSET:
        cached = b.__dict__["_count_fact"] = count_fact_of(b.amount.raw)
    return cached


_UNSET = object()


def count_fact_of(raw) -> str | None:
    """The head-count fact an amount (or any of its cases and parts) is multiplied by."""
    if isinstance(raw, dict):
        if isinstance(raw.get("count"), str):
            return raw["count"]
        for u in raw.get("units") or []:         # "每吸纳1人一次性1000元 × 新吸纳人数": a unit that is people
            if isinstance(u, dict) and u.get("fact") in HEAD_COUNTS:
                return u["fact"]
        raw = list(raw.values())
    if isinstance(raw, list):
        for x in raw:
            f = count_fact_of(x)
            if f:
                return f
    return None


_TIME_FACTS = ("months_employed", "months_since_employment")


def _short_of_time(b: Benefit, p: Profile) -> tuple[float, str | None]:
    """How many of a unit's people (Profile.group_months) have not worked the time the benefit asks for, and the
    condition's words."""
    if not p.group_months:
        return 0, None
    short, groups, why = 0.0, [], None
    said = p.facts.get("months_employed")
    for count, months in p.group_months:
        q = copy.copy(p)
        q.facts = dict(p.facts, **{f: months for f in _TIME_FACTS})
        if said is not None and p.facts.get("stable_employment") == (said >= 12) or \
                said is None and "stable_employment" not in p.facts:
            q.facts["stable_employment"] = months >= 12     # derived from the months (profile.py), so the group's
        for c in b.eligibility:
            if _cond_facts(c) and set(_cond_facts(c)) <= set(_TIME_FACTS) | {"stable_employment"} and \
                    eval_condition(c, q) is False:
                short += count
                groups.append((count, months))
                why = why or getattr(c, "note", None) or "时间要求"
                break
    if not groups:
        return 0, None
    # "6人干了2个月，未满（…）", or each group: "4人干了2个月、2人干了5个月，未满（…）" (the count is said before it)
    if len(groups) == 1:
        return short, f"干了{_num(groups[0][1])}个月，未满（{why}）"
    each = "、".join(f"{_num(n)}人干了{_num(m)}个月" for n, m in groups)
    return short, f"（{each}），未满（{why}）"


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


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
    profile = profile.dated(as_of)
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


def _past_by(c, p, vocab) -> str:
    """How far past a window counted in months a person is ("：须在就业后6个月内申请，已过约9个月"), or ""."""
    v = p.facts.get(getattr(c, "fact", None))
    limit = getattr(c, "value", None)
    f = vocab.facts.get(getattr(c, "fact", None))
    label = f.label if f is not None else ""
    if getattr(c, "op", None) != "at_most" or not isinstance(v, (int, float)) or isinstance(v, bool) or \
            getattr(limit, "dimension", None) != "months" or not label.endswith("已过月数") and not label.endswith("后月数"):
        return ""
    since = re.sub(r"(?:已过)?月数$", "", label)
    return f"：须在{since}{limit.text}内申请，已过约{float(v):g}个月"
