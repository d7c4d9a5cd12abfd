"""Deciding, with no wording: which benefits a question covers for this asker, which results are worth showing and
in what order, and which single fact to ask for next. The chat (assistant/turn.py), the operator console and the
ledger all ask here, so that they show one person the same benefits."""
from __future__ import annotations

import dataclasses
import datetime as dt
from policies import rx as re
from functools import lru_cache

from policies import ELIGIBLE, INELIGIBLE, UNKNOWN, default_policies, evaluate
from policies.catalogue import default_catalogue, had_before_at
from policies.evaluator import BenefitResult, Evaluation, Profile, rank_missing
from policies import normalize as nz
from policies.normalize import GENERIC_NAME_PARTS as _GENERIC_NAME_PARTS
from policies.normalize import GOING_TO_WORK, QUALIFY_ASKED, SHARED_NAME_PAIRS

from .state import (AMOUNTS_SAID, ASKED_FOR, PEOPLE_SAID, INTERN_ARRIVALS, OWNER_OWN, PEOPLE, STATED, THEIRS_ASKED, WHAT_IF_BASE,
                    YEARS_TOTAL_ASKED, State)

MAX_QUESTIONS = 2      # per topic: then the answer comes with what is still unknown
MAX_CARDS = 3          # answer cards in one chat reply
STATUS_RANK = {ELIGIBLE: 0, UNKNOWN: 1, INELIGIBLE: 2}
# what a message said of each of several persons ([[label, own facts], …]; assistant.persons), kept among the facts for
# the follow-ups about them ("那俺这两样上哪儿办"): no fact of the profile
PERSONS_SAID = "persons_said"
# how many months ago the training said was (understand.merge): the conversation's, not a fact of the rules
TRAINING_AGO = "training_months_ago"


def personal(result: BenefitResult) -> bool:
    """The asker may receive this money themselves (a worker, a graduate, a student's family …; or the text does
    not say to whom: then it is listed for the person too, and worded as unknown)."""
    return default_catalogue().listed_for_person(result.benefit.payee)


# the facts the core keeps for itself (who was said, what was stated), never evaluated
_NOT_EVALUATED = frozenset({PERSONS_SAID, TRAINING_AGO, PEOPLE, ASKED_FOR, STATED, WHAT_IF_BASE, THEIRS_ASKED, OWNER_OWN,
                            INTERN_ARRIVALS, YEARS_TOTAL_ASKED, AMOUNTS_SAID, PEOPLE_SAID})


def profile_of(state: State) -> Profile:
    facts = {k: v for k, v in state.facts.items() if k not in _NOT_EVALUATED}
    named = facts.pop("case_group_named", None)
    if named:                   # one of the family said before, named alone: that one's case, not the groups'
        one = [g for g in facts.get("case_groups") or [] if isinstance(g[1], dict) and g[1].get("kin") == named]
        if len(one) == 1:
            facts.pop("case_groups")
            facts.update({k: v for k, v in one[0][1].items() if k != "kin"})
    asked_for = state.facts.get(ASKED_FOR)
    if isinstance(asked_for, str) and nz.SPOUSE_LABEL.fullmatch(asked_for) and "household_spouse" not in facts:
        facts["household_spouse"] = True        # "那我老婆呢…考个证": the household's wife, no child of it
    if (facts.get("students_count") or 0) >= 1 and "in_technical_school" not in facts:
        # children counted as at a 技工院校 ("大的在技师学院学汽修", then "老大那个学校学制三年"): one is there
        facts["in_technical_school"] = True
    try:
        return Profile.from_facts(facts)
    except ValueError:
        # a stored value that no longer reads (should not happen): drop it rather than fail the turn
        clean = {}
        for k, v in facts.items():
            try:
                Profile.from_facts({k: v})
                clean[k] = v
            except ValueError:
                pass
        return Profile.from_facts(clean)


def evaluate_topic(state: State, as_of: dt.date) -> Evaluation:
    cat = default_catalogue()
    topics = cat.topics_for(state.topic, state.role, state.facts)
    also = state.facts.get("employer_type_also")
    if also:                    # a unit of two kinds: the topics of both
        topics |= cat.topics_for(state.topic, state.role, dict(state.facts, employer_type=also))
    ev = evaluate(profile_of(state), state.place, as_of=as_of, topics=topics)
    if also:
        ev = _as_either_kind(state, ev, also, topics, as_of)
    narrowed = cat.narrowed_by(state.topic, state.facts)
    if narrowed and narrowed[0] == "training_type" and not also and ev.documents and \
            not any(r.benefit.topic == narrowed[1] for r in ev.results):
        # the document has nothing of the kind the fact narrows to (绥化 has no startup training of its own: its free
        # trainings include 创业创新培训): the question's own topics
        wide = cat.topics_for(state.topic, state.role, {k: v for k, v in state.facts.items() if k != narrowed[0]})
        ev = evaluate(profile_of(state), state.place, as_of=as_of, topics=wide)
    q = cat.questions.get(state.topic or "")
    primary = set(cat.topics_of(state.topic))
    if q is not None and q.fallback_topics and ev.documents and not any(r.benefit.topic in primary for r in ev.results):
        # the document has none of the question's own benefits: what the question covers there instead
        ev = evaluate(profile_of(state), state.place, as_of=as_of, topics=topics | set(q.fallback_topics))
    return ev


def for_persons_said(state: State, ev: Evaluation, text: str, as_of: dt.date) -> Evaluation:
    """A follow-up naming none of the persons a household message told apart: a benefit failed only on a class one of
    them was told apart by ("大女子去年大学毕业…见习", then "那娃见习期间自己能拿啥": hers), or open only on what one
    of them said ("俺家俩孩子是不是只能领一个" of the two at school), is answered for the one it fits best."""
    if not state.facts.get(PERSONS_SAID) or person_named(state, text) is not None:
        return ev
    own = {k for p in state.facts.get(PERSONS_SAID) or [] if isinstance(p, (list, tuple)) and len(p) == 2 and
           isinstance(p[1], dict) for k in p[1]}
    # (open only on their facts when the message speaks of them all, not of others: "俺两口子…俺想学个月嫂" is the
    # parents' own case after the children's)
    # (or of the last answer's grounds: "这是哪个文件哪一条规定的" speaks of what each of them was told)
    of_them = bool(nz.THEM_ALL.search(text or "") or nz.CITATION_ASKED.search(text or ""))
    ev.results[:] = [_best_of_persons(state, r, as_of)
                     if r.status == INELIGIBLE and {f for o in r.failed for f in o.facts} == {"category"} or
                     of_them and r.status == UNKNOWN and r.unknown and {f for o in r.unknown for f in o.facts} <= own
                     else r for r in ev.results]
    return ev


_RANK = {ELIGIBLE: 0, UNKNOWN: 1, INELIGIBLE: 2}


def _as_either_kind(state: State, ev: Evaluation, also: str, topics, as_of: dt.date,
                    benefit_ids: list | None = None) -> Evaluation:
    """A unit that is two kinds at once (社区工厂 and 就业帮扶基地): each benefit as the kind it is best for."""
    other = State(place=state.place, facts=dict(state.facts, employer_type=also))
    if state.facts.get("employer_type_also_planned"):
        other.facts.pop("employer_recognized", None)    # "我们再去申请个帮扶基地": not recognised as one yet
    alt = {r.benefit.id: r for r in evaluate(profile_of(other), state.place, as_of=as_of, topics=topics,
                                             benefit_ids=benefit_ids).results}
    def better(a: BenefitResult, b: BenefitResult) -> bool:     # a rather than b: a better status, or as good with
        return (_RANK[a.status], len(a.failed)) < (_RANK[b.status], len(b.failed))   # fewer conditions failed
    ev.results[:] = [alt[r.benefit.id] if r.benefit.id in alt and better(alt[r.benefit.id], r) else r
                     for r in ev.results]
    return ev


def _best_of_persons(state: State, r: BenefitResult, as_of: dt.date) -> BenefitResult:
    """A benefit asked about again after a message of several persons ("俺…媳妇…俺俩能领啥", then "这两样上哪儿办"):
    its result for the person it fits best (what was said of all of them, and of that one)."""
    best = r
    for said in state.facts.get(PERSONS_SAID) or []:
        got = _for_one_person(state, said, [r.benefit.id], as_of)
        if got and (_RANK[got[0].status], len(got[0].failed)) < (_RANK[best.status], len(best.failed)):
            best = got[0]
    return best


def _for_one_person(state: State, said, ids: list[str], as_of: dt.date) -> list[BenefitResult]:
    """The benefits for one of the persons said before ([label, own facts]): what was said of all, and of them."""
    if not (isinstance(said, (list, tuple)) and len(said) == 2 and isinstance(said[1], dict)):
        return []
    facts = {k: v for k, v in state.facts.items() if k not in _NOT_EVALUATED}
    own = dict(said[1])
    if "category" in own:
        facts["category"] = sorted(set(facts.get("category") or []) | set(own.pop("category") or []))
    facts.update(own)
    try:
        return evaluate(profile_of(State(place=state.place, facts=facts)), state.place, as_of=as_of,
                        benefit_ids=ids).results
    except ValueError:
        return []


def person_named(state: State, text: str) -> list | None:
    """The one of the persons said before ([label, own facts]) a message names ("闺女那个要准备啥"), or None."""
    said = state.facts.get(PERSONS_SAID) or []
    norm = lambda w: nz.SAME_KIN.get(w, w)                   # noqa: E731
    words = {norm(w) for w in re.findall("|".join(sorted(set(nz.SAME_KIN) | set(nz.SAME_KIN.values()), key=len,
                                                         reverse=True)), text or "")}
    hits = []
    for one in said:
        if not (isinstance(one, (list, tuple)) and one and isinstance(one[0], str)):
            continue
        label = one[0].lstrip("您")
        if label and (label in (text or "") or norm(label[-2:]) in words):
            hits.append((len(label), label, one))
    # the one named first ("老陈又问…还有他媳妇…": 老陈); not a label said only inside another's ("娃他妈那个…" names her,
    # not "您娃", whose 娃 is inside her label)
    said = text or ""

    def at(label):
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(label), said)]
        longer = [(m.start(), m.end()) for _n, other, _o in hits if len(other) > len(label) and label in other
                  for m in re.finditer(re.escape(other), said)]
        free = [a for a, b in spans if not any(x <= a and b <= y for x, y in longer)]
        return min(free) if free else (None if spans else len(said))
    placed = [(at(label), i, one) for i, (_n, label, one) in enumerate(hits)]
    placed = [p for p in placed if p[0] is not None]
    return min(placed, key=lambda p: (p[0], p[1]))[2] if placed else None


def for_person_named(state: State, text: str, results: list[BenefitResult], as_of: dt.date) -> list[BenefitResult]:
    """A follow-up naming one of the persons said before ("闺女那个要准备啥"): the benefits for them, those that fit
    them first; [] when it names none of them."""
    one = person_named(state, text)
    if one is None:
        return []
    ids = [r.benefit.id for r in results]
    got = _for_one_person(state, one, ids, as_of)
    return sorted(got, key=lambda r: (_RANK[r.status], ids.index(r.benefit.id)))


def _on_people(r) -> bool:
    """A unit's benefit that turns on who its people are (their category, their province), not an award the unit is
    picked for."""
    return any(f in ("category", "home_province") for o in r.met + r.failed + r.unknown + r.presumed for f in o.facts)


def unit_loan(r: BenefitResult) -> bool:
    """A loan a unit borrows in its own name (劳动密集型小微企业): the unit's, when a unit asks about loans."""
    from policies.render import unit_borrower

    return unit_borrower(r.benefit)


def _only_variant_failed(r: BenefitResult) -> bool:
    """Failed only on facts that pick a variant of the benefit: "a different benefit", not "not entitled"."""
    variant = default_catalogue().variant_facts
    return (r.status == INELIGIBLE and bool(r.failed) and all(set(o.facts) <= variant for o in r.failed)
            and not r.reasons[len(r.failed):])


# the facts of a unit's hiring
_HIRING_SAID = ("new_hires", "hired_poor_count", "hired_poor_low_income_count", "staff_total", "insurance_paid")


def hiring_unsaid(r: BenefitResult, state: State) -> bool:
    """An employer's money for the people it hires, to a school that spoke of its students, not of hiring ("招了40个建档
    立卡贫困家庭的学生"): not for it."""
    return r.benefit.payee == "employer" and state.role == "employer" and asking_unit(state) == "school" and \
        not any(state.facts.get(k) for k in _HIRING_SAID)


def relevant(ev: Evaluation, state: State) -> list[BenefitResult]:
    """The results worth showing, in order. A worker sees the topic's main employer-side benefit first (so that
    "this money goes to the factory" is said plainly), then what they can get themselves."""
    cat = default_catalogue()
    q = cat.questions.get(state.topic or "")
    primary_topics = set(cat.topics_of(state.topic)) | set(q.fallback_topics if q else ())
    results = [r for r in ev.results if not _only_variant_failed(r)]
    if not results and ev.results:
        # every benefit of the question is of another variant than theirs ("进了厂…送他去学高级焊工，那个也一天二十块
        # 啵": the 就业前 training's allowance): that it is not for them, and why, is the answer
        results = [r for r in ev.results if r.status == INELIGIBLE][:2]
    if state.role == "employer":
        # (the unit's own money before its people's, of any status: a school asking "补贴按啥标准" about its course)
        # (an employer is not shown money the text names no payee for, beside its own or its people's: "1800元职业
        # 培训补贴" is not the factory's; a school's or an agency's is its business)
        if asking_unit(state) not in ("school", "agency") and any(r.benefit.payee != "unnamed" for r in results):
            results = [r for r in results if r.benefit.payee != "unnamed" or _no_money(r)]
        results = [r for r in results if not hiring_unsaid(r, state)] or results
        if asking_unit(state) == "employer" and state.facts.get("employer_type") != "技工院校":
            # (a school's own money is not a farm's or a factory's: "让这9个人去参加食用菌栽培培训…有补助没")
            results = [r for r in results if r.benefit.payee != "training_institution"] or results
        if asking_unit(state) not in ("school", "agency") and any(unit_loan(r) for r in results):
            # a factory asking "能贷好多款" hears of the loan in its own name, not a person's 10万 or a partnership's
            results = [r for r in results if not (r.benefit.kind == "loan" and personal(r) and not unit_loan(r))]
        # (the money that turns on who its people are before an award the unit is picked for: a 家政公司 asking why no
        # 岗位补贴 hears of 岗位补贴 and 社保补贴, not of the 爱心单位 10万 it may yet be picked for)
        # (a course free to the trainees is theirs, after the school's own money: "我们是定点培训机构…培训补贴一个人能给
        # 多少？学员的交通费、生活费…")
        return sorted(results, key=lambda r: (personal(r) and not unit_loan(r), r.benefit.kind == "free_service",
                                              not _on_people(r), STATUS_RANK[r.status], _no_money(r)))
    # within a status, money before what the text gives no amount for (a free service, 按规定): the asker's question
    # "能补多少" is answered by the benefits that have a number
    mine = sorted([r for r in results if personal(r)], key=lambda r: (STATUS_RANK[r.status], _no_money(r)))
    employer_side = [r for r in results if not personal(r) and r.benefit.topic in primary_topics]
    if state.topic == "ask_what_can_i_get":
        return mine
    if not mine:
        return employer_side
    if q is not None and q.role == "employer":
        # a worker asking about a unit's money ("公司说拿不到岗位补贴，为什么"): the unit's benefits, then their own;
        # one failed only on a time or a number ("干满12个月") is as near as one still open, and one with money first
        # (the unit's money that turns on who its people are before an award the unit is picked for: "长沙一个公司…
        # 贵州的建档立卡户…拿不到岗位补贴" hears of 岗位补贴 and 社保补贴 and why, not of the 爱心单位 10万 first)
        def rank(r):
            near = r.status == INELIGIBLE and failed_on_length(r)
            return not _on_people(r), STATUS_RANK[UNKNOWN] if near else STATUS_RANK[r.status], _no_money(r)
        return sorted(employer_side, key=rank)[:3] + mine
    # the person's own money first (what they asked about), then the topic's main employer-side benefit, said
    # plainly as the employer's ("钱发给社区工厂，不是发给您个人"), then the rest of their own
    # (three of their own that they meet come before it: "培训给不给钱" is answered by the trainee's own three)
    k = 3 if sum(1 for r in mine[:3] if r.status == ELIGIBLE) == 3 else 2
    return mine[:k] + employer_side[:1] + mine[k:]


def failed_on_length(r: BenefitResult) -> bool:
    """Failed only on a length, a number or a date ("合同半年", "在岗5个月"), not on being another kind."""
    return bool(r.failed) and all(getattr(o.condition, "deadline", False) or
                                  getattr(o.condition, "op", "") in ("at_least", "more_than", "at_most", "less_than",
                                                                     "between") or
                                  # (a length said as a yes or no, derived from the months: 稳定就业1年以上)
                                  getattr(o.condition, "fact", None) == "stable_employment" for o in r.failed)


def named_in(r: BenefitResult, text: str) -> int:
    """How plainly the message names this benefit: the longest piece (4+ characters) of its name, other than the
    words every benefit shares, found in the text ("爱心单位" names 湖南省精准就业扶贫爱心单位以奖代补资金)."""
    return benefit_named(r.benefit, text)


@lru_cache(maxsize=1)
def _all_names() -> tuple[str, ...]:
    return tuple(sorted({b.name for b in default_policies().benefits.values()}, key=len, reverse=True))


def _inside_other_name(b, text: str, s: int, e: int) -> bool:
    """The words at s:e lie inside another benefit's own name said in full ("求职创业补贴" holds "创业补贴")."""
    for name in _all_names():
        if name == b.name or len(name) <= e - s:
            continue
        at = text.find(name, max(0, e - len(name)))
        while at != -1 and at <= s:
            if at <= s and e <= at + len(name):
                return True
            at = text.find(name, at + 1)
    return False


# an amount said with its unit ("那个一千块的求职补贴", "返乡创业有五千块")
_AMOUNT_SAID = re.compile(r"(?<![0-9.])(?:[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千万]+)\s*(?:块|元)")
# a rate per person hired ("车间老板讲政府每招一个补1500", "招一个脱贫户给一千"): a unit's benefit by its amount
_HIRE_RATE = re.compile(r"(?:招|吸纳|雇|用)(?:了)?(?:贫困户|脱贫户|建档立卡户?|贫困劳动力)?(?:一个|1个|一名|1名|一人|1人)(?:人)?"
                        r"[^，。,；;？?\s]{0,6}?(?:补|给|奖|有)(?:贴|助)?\s*"
                        r"((?<![0-9.])[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千万]+)\s*(?:块|元)?|"
                        # "那个吸纳一人一千的奖励": the rate said as the benefit's name
                        r"(?:招|吸纳|雇|用)(?:了)?(?:一个|1个|一名|1名|一人|1人)\s*"
                        r"((?<![0-9.])[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千万]+)\s*(?:块|元)?的?(?:奖励|补贴|奖补|补助)")
_HIRE_COUNTS = ("new_hires", "hired_poor_count", "hired_poor_low_income_count")
# a sum heard to be given ("听说一年给三千", "听讲每年补3000块")
_HEARD_GIVEN = re.compile(rf"(?:{nz.HEARSAY_WORDS}|{nz.OFFICE_SAID_WORDS})[^，。,；;？?]{{0,8}}?"
                          r"(?:给|补|发|有|领|拿)")
_SUM_GIVEN = re.compile(r"(?:给|补|发)\s*([一二两三四五六七八九十]+[千百万][一二两三四五六七八九]?)(?![0-9一二两三四五六七八九十千百万]|\s*(?:块|元|个|人|天|月|年))")
# a sum said as a benefit's, without 元 ("有一千五的补贴", "有个1500的奖励")
_SUM_OF_A_BENEFIT = re.compile(r"(?:有|是|给|发)(?:个)?\s*((?<![0-9.])[0-9]{3,}|[一二两三四五六七八九十]+[千百万][一二两三四五六七八九]?)"
                               r"\s*的(?:补贴|补助|奖励|奖补|钱)|"
                               # ("村里说一家只能领一份3000": a share of a sum)
                               r"(?:领|拿|给)(?:一份|一个)\s*((?<![0-9.])[0-9]{3,}(?![0-9])|[一二两三四五六七八九十]+[千百万][一二两三四五六七八九]?)")
# whether a sum heard of is the person's, or why it has not come ("是给他的不", "咋一直没到手")
_WHOSE_ASKED = re.compile(r"是给(?:他|她|我|俺|额)(?:们)?(?:的)?(?:不|吗|么|没|嘛)|(?:没|冇|没有)(?:到手|收到|拿到|见到|发下来|领到)")
# a sum heard of, as a thing ("还有个一千块的", "那个五百块的"): a benefit named by its amount alone
_HEARD_OF_SUM = re.compile(r"(?:有个|那个|这个|一个)(?:[0-9]+|[一二两三四五六七八九十百千万]+)\s*(?:块|元)的")
# (and the words of who it is for, "贫困", "脱贫": "每招一个贫困户政府给1000块" does not name the 1000元 of 贫困家庭高校毕业生见习)
_NAME_PAIRS_NOT = frozenset({"补贴", "补助", "一次", "次性", "政策", "文件", "人员", "单位", "贫困", "困家", "家庭", "脱贫", "贫劳",
                             "劳动", "动力", "建档", "档立", "立卡", "困人", "人口"})


def _money_values(a) -> set[float]:
    """The amounts of money an amount node states (rates, caps, loan maxima), its parts' and cases' too."""
    out = {q.value for q in (a.value, a.cap, a.max) if q is not None and q.dimension == "money"}
    for x in list(a.parts) + [sub for _, sub in a.cases]:
        out |= _money_values(x)
    return out


def benefits_by_amount(text: str, place: str | None) -> list:
    """The benefits a message names by their amount and a word of their name beside it ("那个一千块的求职补贴" is
    千阳's 求职创业补贴, not the 500元 一次性求职补贴; "返乡创业有五千块" is its 一次性创业补贴), of the place's documents
    (of all, with no place said); not one the person says they had ("领了500块的求职补贴")."""
    said = [(nz.parse_money(m.group(0)), text[max(0, m.start() - 8):m.end() + 8]) for m in _AMOUNT_SAID.finditer(text or "")
            if not had_before_at(text, m.start())]
    # a sum given, said without 元 ("听说一年给三千")
    said += [(nz.parse_money(m.group(1) + "元"), text[max(0, m.start() - 8):m.end() + 8])
             for m in _SUM_GIVEN.finditer(text or "") if not had_before_at(text, m.start())]
    # a sum said as a benefit's, without 元 ("听说有一千五的补贴")
    said += [(nz.parse_money((m.group(1) or m.group(2)) + "元"), text[max(0, m.start() - 8):m.end() + 8])
             for m in _SUM_OF_A_BENEFIT.finditer(text or "") if not had_before_at(text, m.start())]
    said = [(v, near) for v, near in said if v]
    from policies import default_gazetteer

    rates = [nz.parse_money((m.group(1) or m.group(2)) + "元") for m in _HIRE_RATE.finditer(text or "")]
    if rates and place:
        # a unit's money by its rate per person hired: the unit's benefits of that amount, counted by the hires
        from policies.evaluator import benefit_count_fact

        hired = [b for d in default_gazetteer().resolve(place).documents for b in d.benefits
                 if benefit_count_fact(b) in _HIRE_COUNTS and any(v in _money_values(b.amount) for v in rates if v)]
        if hired:
            return hired
    if not said:
        return []
    docs = default_gazetteer().resolve(place).documents if place else default_policies().documents
    found, personal_amount, units_amount = [], [], []
    for d in docs:
        for b in d.benefits:
            values = _money_values(b.amount)
            pairs = {b.name[k:k + 2] for k in range(len(b.name) - 1)} - _NAME_PAIRS_NOT
            # the word of its name beside the amount ("一千块的求职补贴", "创业有五千块")
            if any(v in values and any(p in near for p in pairs if re.fullmatch(r"[\u4e00-\u9fff]{2}", p))
                   for v, near in said):
                found.append(b)
            elif any(v in values for v, _ in said) and default_catalogue().listed_for_person(b.payee) and \
                    (b.amount.type == "fixed" or _HEARD_GIVEN.search(text or "")):
                personal_amount.append(b)
            elif any(v in values for v, _ in said) and b.amount.type != "fixed":
                units_amount.append(b)
    # "听说还有个一千块的，她能拿不": with no word of a name, the one fixed sum a person gets of that amount
    if not found and place and len(personal_amount) == 1 and (_HEARD_OF_SUM.search(text or "") or
                                                               _HEARD_GIVEN.search(text or "")):
        return personal_amount
    # "听说有一千五的补贴 是给他的不": no sum of a person's of that amount; the one unit's rate of it (岗位补贴 每人每年
    # 1500元 for 贫困地区的企业吸纳当地…): whose money it is, is the answer
    if not found and not personal_amount and place and len(units_amount) == 1 and _WHOSE_ASKED.search(text or "") and \
            (_HEARD_OF_SUM.search(text or "") or _HEARD_GIVEN.search(text or "")):
        return units_amount
    return found


def question_by_amount(text: str, place: str | None) -> tuple[str | None, set[str]]:
    """The question of the one topic the benefits a message names by their amount are of (benefits_by_amount), and
    those topics."""
    topics = {b.topic for b in benefits_by_amount(text, place)}
    return (default_catalogue().question_of_topic(next(iter(topics))) if len(topics) == 1 else None), topics


_SCHOOL_SPEAKS = re.compile(r"(?:我们|俺们|咱们)(?:是|这)[^，。,；;？?]{0,12}?(?:培训机构|培训学校|培训中心|技工学校|技校|学校)")


def _named_apart(b, text: str, last: list) -> bool:
    """The benefit's own words are said at a place of the message that no word of the last answer's benefits covers
    ("岗位补贴、房租水电能补多少？…还有社保补贴能补多少": 社保补贴 is a question of its own, not another reading of 岗位补贴)."""
    cat = default_catalogue()
    words = cat.benefit_words.get(b.id)
    if words is None:
        return False
    theirs = [(m.start(), m.end()) for i in last for w in [cat.benefit_words.get(i)] if w is not None
              for m in w.finditer(text or "")]
    # (the last answer's benefits named by their own words too: "岗位补贴加保险补贴一共多少" names the last answer's two
    # by pieces of their names, and its 岗位补贴 is theirs, not a 社区工厂's)
    names = [default_policies().benefits[i].name for i in last if i in default_policies().benefits]
    return bool(theirs) and any(all(m.end() <= s or m.start() >= e for s, e in theirs) and
                                not any(m.group(0) in n for n in names) for m in words.finditer(text or ""))


def benefit_named(b, text: str) -> int:
    text = text or ""
    words = default_catalogue().benefit_words.get(b.id)
    # (a school's class named by its trade, "家政班20人培训10天", is not the trainees' free course asked about)
    school = bool(_SCHOOL_SPEAKS.search(text))
    if words is not None and any(not _inside_other_name(b, text, m.start(), m.end()) and not had_before_at(text, m.start())
                                 and not (school and text[m.end():m.end() + 1] == "班")
                                 for m in words.finditer(text)):
        return 20               # the catalogue's words for this benefit ("房租水电")
    if not (_name_grams(b.name) & _grams(text)):
        return 0                # no piece of 4 characters in common: the common case, without the longer search
    best = 0
    for part in _GENERIC_NAME_PARTS.split(b.name):
        for n in range(len(part), 3, -1):
            if n <= best:
                break
            if any(part[i:i + n] in text for i in range(len(part) - n + 1)):
                best = n
                break
    return best


@lru_cache(maxsize=256)
def _name_grams(name: str) -> frozenset[str]:
    return frozenset(p[i:i + 4] for p in _GENERIC_NAME_PARTS.split(name) for i in range(len(p) - 3))


@lru_cache(maxsize=64)
def _grams(text: str) -> frozenset[str]:
    return frozenset(text[i:i + 4] for i in range(len(text) - 3))


_POINTED_AMOUNT = re.compile(r"(?:这|那)(?:个)?\s*((?<![0-9.])[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千万]+)\s*(?:块|元)?(?:钱)?(?:的)?"
                             # ("他有冇得那二十块一天": the rate said by its day)
                             r"(?:还|也|能|可以|给|补|呢|咋|怎么|是|(?<=[块元钱])(?:一天|每天|一个月|每月|一年|每年)|"
                             # ("他也能拿那个一千二不": the amount asked of at the end)
                             r"(?:不|吗|么|没)?\s*(?:[？?]|$))")


def said_again(state: State, text: str) -> set[str]:
    """The benefits of the last answer a follow-up names by a word of its name no other of them has ("奖励那个他也能算上不"
    after 创业扶贫奖励补贴 and three trainings)."""
    last = [i for i in (state.last_benefits or []) if i in default_policies().benefits]
    # "这800还给不给": an amount of the last answer, pointed at
    pointed = {nz.parse_money(m.group(1) + "元") for m in _POINTED_AMOUNT.finditer(text or "")} - {None}
    by_amount = {i for i in last if pointed & _money_values(default_policies().benefits[i].amount)}
    if len(by_amount) == 1:
        return by_amount
    if len(last) < 2 or not text:
        return set()
    doc = default_policies().benefits[last[0]].document
    if any(benefit_named(b, text) >= 20 for b in doc.benefits):
        return set()            # the words name a benefit plainly ("爱心单位有10万": the province's): that one
    pairs = {i: {n[k:k + 2] for n in [default_policies().benefits[i].name] for k in range(len(n) - 1)} - SHARED_NAME_PAIRS
             for i in last}
    out = set()
    for i, own in pairs.items():
        unique = own - set().union(*(p for j, p in pairs.items() if j != i))
        if any(p in text for p in unique if re.fullmatch(r"[\u4e00-\u9fff]{2}", p)):
            out.add(i)
    return out if len(out) == 1 else set()


def only_document_named(text: str):
    """The one document a message's words belong to when no place was said: it names a benefit (by the catalogue's
    words or a piece of 6+ characters of its name: "劳动保障助理员", "求职创业补贴") in words that only that document's
    text has; None when no such words are said (words several documents have, "以工代训" of 千阳 and 绥化, tell
    nothing), or words of two documents are."""
    text = text or ""
    found = {d for d, words in default_catalogue().document_words.items() if words.search(text)}
    if len(found) == 1:         # a document's own words ("出岛", "社区工厂") outweigh a benefit's words found elsewhere
        doc_id = found.pop()
        return next(d for d in default_policies().documents if d.id == doc_id)
    for b in default_policies().benefits.values():
        phrase = _named_phrase(b, text)
        if phrase is None:
            continue
        docs = [d for d, words in _source_texts().items() if phrase in words]
        if len(docs) == 1:          # words several documents have ("保险补贴") tell nothing
            found.add(docs[0])
    if len(found) != 1:
        return None
    doc_id = found.pop()
    return next(d for d in default_policies().documents if d.id == doc_id)


def _named_phrase(b, text: str) -> str | None:
    words = default_catalogue().benefit_words.get(b.id)
    if words is not None:
        m = next((m for m in words.finditer(text) if not _inside_other_name(b, text, m.start(), m.end())), None)
        if m is not None and len(m.group(0)) >= 4:
            return m.group(0)
    best = ""
    for part in _GENERIC_NAME_PARTS.split(b.name):
        for n in range(len(part), max(len(best), 5), -1):
            piece = next((part[i:i + n] for i in range(len(part) - n + 1) if part[i:i + n] in text), None)
            if piece:
                best = piece
                break
    return best or None


@lru_cache(maxsize=1)
def _source_texts() -> dict[str, str]:
    """Each document's own text (policies/sources), without spaces and line breaks."""
    from pathlib import Path

    out = {}
    for d in default_policies().documents:
        f = Path(__file__).resolve().parent.parent / "policies" / "sources" / d.source
        out[d.id] = re.sub(r"\s+", "", f.read_text(encoding="utf-8")) if f.is_file() else ""
    return out


def named_elsewhere(state: State, shown: list[BenefitResult], text: str, as_of: dt.date,
                    limit: int = 2) -> list[BenefitResult]:
    """Benefits the message names by their words that the question's topic did not bring (a second question in the
    same message: "生活费给多少？还有考证要掏钱不"), for this asker, not ruled out, not already shown."""
    if not text or not state.place:
        return []
    seen = {r.benefit.id for r in shown}
    from policies import default_gazetteer

    docs = default_gazetteer().resolve(state.place).documents
    unit = state.facts.get("employer_type")
    # an agency's money named by a word of its work ("果园", "季节") is not a unit's of another kind that says it
    again = said_again(state, text)
    from .understand import training_days

    # "学员来听课这些天的饭钱路费": a training's days; its 路费 names no trip to work
    days = training_days("ask_transport", text, state) != "ask_transport"
    # words that name a benefit of the last answer as plainly name that one ("岗位补贴加保险补贴一共多少" after 农村公益性岗位补贴
    # and its 保险补贴), not another of the same words (社区工厂…一次性岗位补贴)
    benefits = default_policies().benefits
    last = max((benefit_named(benefits[i], text) for i in state.last_benefits or [] if i in benefits), default=0)
    # (a benefit named as had already, "他自己已经去镇上领了500块的一次性求职补贴了", is no question of it)
    asked = re.sub(f"(?:{nz.HAD_BEFORE.pattern})[^，。,；;？?]{{0,14}}", "", text)
    ids = [b.id for d in docs for b in d.benefits if b.id not in seen and
           (benefit_named(b, asked) >= 20 and (benefit_named(b, text) > last or b.id in (state.last_benefits or []) or
                                                _named_apart(b, text, state.last_benefits or [])) or
            b.id in again) and
           not (b.payee == "hr_agency" and unit and unit != "人力资源服务机构" and state.role == "employer") and
           # (a training school's trainees are no pupils of a 技校: "学员要不要交学费" asks of the course, not 免学费)
           # (nor a trainee's: "想学月嫂…学费要不要自己掏" asks of the course, not of 技工教育's 免学费)
           not (b.payee == "student_family" and state.facts.get("in_technical_school") is not True and
                (state.role == "employer" and unit == "培训机构" or state.facts.get("training_type"))) and
           not (days and b.topic == "transport")]
    if not ids:                 # the words first: only the benefits named are evaluated
        return []
    ev = evaluate(profile_of(state), state.place, as_of=as_of, benefit_ids=ids)
    # whoever receives it: the user named it, and the card says who gets the money
    out = []
    for r in ev.results:
        if _only_variant_failed(r):
            # the variant fact picks which benefit; a message that names the variant too ("去年上了技能培训，今年想报
            # 创业培训") asks about that variant: answered as it, not as "须参加创业培训". Asked whether they qualify
            # ("爱心单位有10万，我们公司够不够格"): the condition they fail is the answer
            named = _as_named_variant(state, r, text, as_of)
            if named is None and state.facts.get("employer_type") == "其他":
                # ("开了个面馆…门面房租水电能不能补": a shop of one's own, no 社区工厂 to become: not for it, and why)
                out.append(r)
                continue
            if named is None and _own_words(r, text) and not QUALIFY_ASKED.search(text) and \
                    all(state.facts.get(f) is not None for o in r.failed for f in o.facts):
                # asked by its own words, of a kind they said they are not ("在岗工人做技能提升培训…有没有每天20块的
                # 生活费"): that it is not for them, and why
                out.append(r)
                continue
            if named is None and not QUALIFY_ASKED.search(text):
                continue
            if named is None:
                # a unit's kind is what it is recognised as ("物流公司" may yet become a 就业扶贫基地): what it
                # takes, still to be seen, not a no
                named = dataclasses.replace(r, status=UNKNOWN, unknown=r.failed + r.unknown, failed=[], reasons=[])
            r = named
        out.append(r)
    return out[:limit]


def _own_words(r: BenefitResult, text: str) -> str | None:
    """The catalogue's words for this benefit in the message, when no other benefit of its document shares them
    ("岗位补贴" is the 社区工厂's and the 非遗工坊's: neither's own)."""
    cat = default_catalogue()
    words = cat.benefit_words.get(r.benefit.id)
    hit = words.search(text or "") if words is not None else None
    if hit is None or any(b.id != r.benefit.id and cat.benefit_words.get(b.id) is not None and
                          cat.benefit_words[b.id].search(hit.group(0)) for b in r.benefit.document.benefits):
        return None
    return hit.group(0)


def variant_instead(ev: Evaluation, state: State, as_of: dt.date) -> list[BenefitResult]:
    """When every benefit the question brought is of another variant than theirs ("进了厂…送他去学高级焊工，那个也一天
    二十块啵": the 就业前 training's allowance, he takes a 岗位技能提升 one): the document's benefits of the variant they
    said, which the question did not bring, not ruled out."""
    if not ev.results or not all(_only_variant_failed(r) for r in ev.results) or not state.place:
        return []
    from policies import default_gazetteer
    from policies.conditions import condition_facts

    variant = {f for r in ev.results for o in r.failed for f in o.facts}
    if not all(state.facts.get(f) is not None for f in variant):
        return []
    seen = {r.benefit.id for r in ev.results}
    ids = [b.id for d in default_gazetteer().resolve(state.place).documents for b in d.benefits
           if b.id not in seen and any(f in variant for c in b.eligibility for f in condition_facts(c))]
    if not ids:
        return []
    out = evaluate(profile_of(state), state.place, as_of=as_of, benefit_ids=ids).results
    return sorted([r for r in out if r.status != INELIGIBLE and (personal(r) or state.role == "employer")],
                  key=lambda r: STATUS_RANK[r.status])


def _as_named_variant(state: State, r: BenefitResult, text: str, as_of: dt.date) -> BenefitResult | None:
    facts = dict(state.facts)
    # the benefit named by the catalogue's own words for it ("学电焊那个补贴" is 安康's skills training): its variant
    # only words that say the variant itself ("学电焊那个补贴": a trade learnt); "生活费" names the benefit, not the
    # person's training, which stays what they said ("在岗工人做技能提升培训…有没有每天20块的生活费": not this one)
    if nz.OTHER_STANDARD_ASKED.search(text or ""):
        return None             # ("能不能改按就业技能培训那个1800的标准报": the variant named is not what they had)
    hit = _own_words(r, text)
    by_words = hit is not None and "学" in hit
    for o in r.failed:
        c = o.condition
        values = [v for v in (c.value if isinstance(getattr(c, "value", None), tuple) else ()) if isinstance(v, str)]
        # (a value denied is not named: "要是不合伙了，自己单干" is no partnership)
        # (nor one denied with whom: "不是跟表哥合伙，…就他自己一个人开")
        named = next((v for v in values if v in text and not nz.is_negated(text, text.index(v)) and
                      not re.search(r"(?:不是|没|没有)(?:跟|和|同)[^，。,；;？?]{0,6}$", text[:text.index(v)])), None) or \
            (values[0] if by_words and values else None)
        if named is None:
            return None         # the message does not name this variant: the failure stands, the card is not shown
        facts[c.fact] = named
    other = State(place=state.place, facts=facts, topic=state.topic, role=state.role)
    again = evaluate(profile_of(other), state.place, as_of=as_of, benefit_ids=[r.benefit.id]).results
    return again[0] if again and again[0].status != INELIGIBLE else None


def named_first(results: list[BenefitResult], text: str, place: str | None = None) -> list[BenefitResult]:
    """The benefits the message names come first: by their amount ("听说一年给三千"), then by name (a stable sort:
    otherwise the order stays)."""
    by_amount = {b.id for b in benefits_by_amount(text, place)} if place else set()
    return sorted(results, key=lambda r: (r.benefit.id not in by_amount, -named_in(r, text)))


def possible(ev: Evaluation, state: State) -> list[BenefitResult]:
    """For "还能领啥": what is not ruled out, the asker's own money first, ranked by fit: eligible before unknown,
    grants before loans (a loan is repaid), then by amount."""
    poss = [r for r in ev.results if r.status != INELIGIBLE]
    if state.role != "employer":
        poss = [r for r in poss if personal(r)] or poss
    else:                       # a unit, school or agency: what the unit receives (none: why not, not the workers')
        unit = asking_unit(state)
        poss = [r for r in poss if (not personal(r) or unit_own(r, state) or
                                    # a technical school asking of its students ("招了60个…学生，按人头能拿到什么"):
                                    # their grants, said as theirs
                                    (unit == "school" and state.facts.get("in_technical_school") is True and
                                     r.benefit.payee == "student_family") or
                                    # (and money for its students that names no payee, met by what the school said
                                    # of them beyond who they are: "8个拿到了职业资格证书" and 初次职业技能鉴定补贴)
                                    (unit == "school" and state.facts.get("in_technical_school") is True and
                                     r.benefit.payee == "unnamed" and r.status == ELIGIBLE and
                                     any(o.facts and o.facts[0] in state.facts and
                                         o.facts[0] not in default_catalogue().target_group_facts for o in r.met))) and
                not (r.benefit.payee == "hr_agency" and unit in ("school", "employer") and
                     state.facts.get("employer_type") != "企业") and not hiring_unsaid(r, state)]
    # money before a free service (a service asks nothing more than who the person is, so it always "fits")
    # (a school child's grants for a person who speaks for themself and said no school: after their own)
    school_kid = state.role == "worker" and state.facts.get("in_technical_school") is not True
    # a unit's own kind's money first: a school hears its training subsidies before an employer's 岗位补贴
    # (a company's own loan, 劳动密集型小微企业, last for a person who spoke of no business)
    no_business = state.role != "employer" and not any(state.facts.get(k) is not None for k in _BUSINESS_SAID)
    poss.sort(key=lambda r: (r.benefit.kind == "free_service", state.role == "employer" and not unit_own(r, state), school_kid and r.benefit.payee == "student_family",
                             no_business and unit_loan(r),
                             not (r.status == ELIGIBLE and fits(r, state)), not fits(r, state),
                             r.benefit.kind == "loan", -_money(r)))
    return poss


# facts only an agency's placements have
_AGENCY_FACTS = ("agency_licensed", "referred_count", "seasonal_referred_count", "registered_unemployed_referral")


def asking_unit(state: State) -> str | None:
    """The kind of unit that asks: a school or training institution, an agency (by its kind or by the placements it
    spoke of), an employer; None when it said nothing of itself."""
    kind = state.facts.get("employer_type")
    if kind == "培训机构":
        return "school"
    if kind == "人力资源服务机构" or any(state.facts.get(f) is not None for f in _AGENCY_FACTS):
        return "agency"
    return "employer" if kind else None


def unit_own(r: BenefitResult, state: State) -> bool:
    """This money goes to a unit of the asking unit's kind: a school's training subsidies (also those paid to the
    trainee or the school), an agency's referral money, an employer's subsidies for the people it employs."""
    payee = r.benefit.payee
    unit = asking_unit(state)
    if state.facts.get(OWNER_OWN) and r.benefit.topic == "startup_subsidy" and personal(r):
        return True         # the owner's own start-up money, he being poor himself
    p = default_catalogue().payees.get(payee)
    if unit in ("school", "agency"):        # (catalogue.yaml payees: `unit:` names whose own money it is)
        return p is not None and p.unit == unit
    return p is not None and not p.personal and not p.maybe_personal and (unit is None or
                                                                        not p.serves and payee != "hr_agency")


def why_not(ev: Evaluation, state: State) -> list[BenefitResult]:
    """The benefits that fit what the person said but fail a condition (for "为啥不给"): the asker's own kind of
    money, not a different variant, ranked by amount."""
    out = [r for r in ev.results if r.status == INELIGIBLE and not _only_variant_failed(r) and fits(r, state)
           and (not personal(r) if state.role == "employer" else True)]
    return sorted(out, key=lambda r: -_money(r))


# what says a person speaks of a business (their own, running or planned)
_BUSINESS_SAID = ("business_type", "business_planned", "borrower_type", "business_registered", "months_since_registration",
                  "loan_wanted", "loan_term_wanted", "loan_term_asked", "loan_before")


def fits(r: BenefitResult, state: State) -> bool:
    """Something the person said besides who they are bears on this benefit (they trained, run a shop, work, …), or
    the benefit asks nothing more. A 脱贫户 who said nothing of a training is not told "✓ 培训生活费2500元" first:
    that benefit is theirs only once they train."""
    if r.benefit.kind == "loan" and not any(state.facts.get(k) is not None for k in _BUSINESS_SAID):
        return False        # a loan is for a business: not theirs first until they speak of one
    facts = set()
    for o in r.met + r.failed + r.unknown + r.presumed:
        facts.update(o.facts)
    facts.update(r.amount.missing)
    facts -= set(default_catalogue().target_group_facts)
    return not facts or any(state.facts.get(f) is not None for f in facts)


# facts that say the person works for an employer (so the employer's own subsidies for them are worth naming)
EMPLOYMENT_FACTS = ("employer_type", "insurance_paid", "labor_contract_signed", "contract_months")




def employer_side(ev: Evaluation, state: State, limit: int = 3, text: str = "",
                  failing: bool = False) -> list[BenefitResult]:
    """For a worker who works (or is about to work) for an employer: the employer's subsidies for employing them, not
    ruled out (or, failing=True, those ruled out)."""
    if not any(f in state.facts for f in EMPLOYMENT_FACTS) and not GOING_TO_WORK.search(text or ""):
        return []
    payees = default_catalogue().payees
    out = [r for r in ev.results if r.benefit.payee in payees and payees[r.benefit.payee].employs and
           (r.status == INELIGIBLE) == failing and r.benefit.kind != "loan"]
    # a unit of a kind of its own (社区工厂, 基地, 工坊) hears its own subsidies before any employer's (以工代训)
    special = state.facts.get("employer_type") in default_catalogue().narrowing_values("employer_type")
    out.sort(key=lambda r: (special and r.benefit.payee == "employer", r.status != ELIGIBLE, -_money(r)))
    return out[:limit]


def also_met(state: State, shown: list[BenefitResult], as_of: dt.date) -> list[BenefitResult]:
    """The person's own money, with a definite amount, that they meet by a fact they said which none of the shown
    benefits tests (a job in another province besides the contract the asked 求职补贴 tests): worth a card."""
    from policies import default_gazetteer
    from policies.conditions import condition_facts

    tested = {f for r in shown for o in r.met + r.failed + r.unknown + r.presumed for f in o.facts}
    common = set(default_catalogue().target_group_facts) | {"category", "home_province"}
    ids = {r.benefit.id for r in shown}
    said = {f for f, v in state.facts.items() if v is not None} - tested - common
    if not said or not state.place:
        return []
    # (only the benefits that test such a fact are evaluated: most messages have none)
    cands = [b.id for d in default_gazetteer().resolve(state.place).documents for b in d.benefits
             if b.id not in ids and b.kind not in ("loan", "free_service") and default_catalogue().personal(b.payee) and
             any(f in said for c in b.eligibility for f in condition_facts(c))]
    if not cands:
        return []
    ev = evaluate(profile_of(state), state.place, as_of=as_of, benefit_ids=cands)
    out = [r for r in ev.results if r.benefit.id not in ids and r.status == ELIGIBLE and personal(r) and
           r.benefit.kind not in ("loan", "free_service") and not _no_money(r) and
           any(f not in tested and f not in common and state.facts.get(f) is not None
               for o in r.met for f in o.facts)]
    return sorted(out, key=lambda r: -_money(r))


def _no_money(r: BenefitResult) -> bool:
    """The text names no amount (a free service, 按规定, a standard set elsewhere)."""
    return bool(r.amount.unstated)


def _money(r: BenefitResult) -> float:
    """What the result is worth for ranking: its amount, the top of its range, or 0 when the text names none."""
    a = r.amount
    if a.value is not None:
        return float(a.value)
    if a.range:
        return float(a.range[1])
    m = _RATE.search(a.text or "")         # a rate times something unknown ("每人每月400元×在岗月数"): the rate
    return float(m.group(1)) * (10000 if m.group(2) else 1) if m else 0.0


_RATE = re.compile(r"([0-9]+(?:\.[0-9]+)?)(万)?元")


def next_question(state: State, ev: Evaluation, focus: int = MAX_CARDS) -> str | None:
    """The fact that decides the most among the first `focus` results to be shown, unless enough was asked already.
    With an answer (focus=1) only the fact that decides the asked benefit itself is worth a question."""
    if len(state.asked) >= MAX_QUESTIONS:
        return None
    shown = [r for r in relevant(ev, state)[:focus] if r.status == UNKNOWN]
    if not shown:
        return None
    # a unit, a school or an agency asks for the people it takes on: who those people must be is a condition the
    # answer states ("学员须为脱贫劳动力"), not a question about the asker
    skip = default_catalogue().target_group_facts if state.role == "employer" else frozenset()
    for fact, _score in rank_missing(shown, list(default_policies().vocab.facts)):
        if fact not in state.asked and fact not in skip:
            return fact
    return None


def shown_ids(state: State, as_of: dt.date) -> list[str]:
    """The benefits the bot talks about for the current state (what `last_benefits` holds after a correction)."""
    from policies import default_gazetteer

    if not state.place or not state.topic or not default_gazetteer().resolve(state.place).documents:
        return []
    return [r.benefit.id for r in relevant(evaluate_topic(state, as_of), state)[:MAX_CARDS]]


def current_benefits(state: State, as_of: dt.date) -> list[BenefitResult]:
    """The benefits a follow-up ("要带啥", "去哪办") is about: the last ones stated, else the topic's."""
    if not state.place:
        return []
    ids = state.last_benefits
    if not ids and state.topic:
        ids = [r.benefit.id for r in relevant(evaluate_topic(state, as_of), state)[:MAX_CARDS]]
    if not ids:
        return []
    ev = evaluate(profile_of(state), state.place, as_of=as_of, benefit_ids=ids)
    if state.facts.get("employer_type_also"):   # a unit of two kinds: each benefit as the kind it is best for
        ev = _as_either_kind(state, ev, state.facts["employer_type_also"], None, as_of, benefit_ids=ids)
    if state.facts.get(PERSONS_SAID):          # several persons said before: each benefit for the one it fits best
        ev.results[:] = [_best_of_persons(state, r, as_of) for r in ev.results]
    order = {bid: i for i, bid in enumerate(ids)}
    return sorted(ev.results, key=lambda r: order.get(r.benefit.id, 99))


def choice_of_other_kind(state: State, shown: list[BenefitResult], as_of: dt.date) -> list[BenefitResult]:
    """The money of another kind of unit that a document lets a unit choose instead of its own (千阳: 同时符合社区工厂
    （就业帮扶车间）、就业帮扶基地政策的，可选择享受其中最为优惠的一类): a 社区工厂 whose new hires reach the 基地's count hears
    of the 基地's award too — not yet its own (the unit is still to be recognised as that kind), with the choice on its
    card. Only where the unit's own benefit that excludes it is stated as met, and the other's conditions on the people
    are met."""
    if state.role != "employer" or not state.place or state.facts.get("employer_type_also"):
        return []
    kind = state.facts.get("employer_type")
    pol = default_policies().benefits
    have = {r.benefit.id for r in shown}
    others: list[tuple[str, str, float | None]] = []
    for r in shown:
        if r.status != ELIGIBLE:
            continue
        for e in r.benefit.exclusions:
            b = pol.get(e.other)
            if e.scope != "always" or b is None or b.id in have or any(b.id == o[0] for o in others):
                continue
            kinds = [v for c in b.eligibility if getattr(c, "fact", None) == "employer_type" and c.op == "any_of"
                     for v in c.value]
            if kinds and kind and kind not in kinds:
                others.append((b.id, kinds[0], r.amount.value))
    out = []
    for bid, other_kind, own in others:
        facts = {k: v for k, v in state.facts.items() if k not in ("employer_recognized", "recognition_planned")}
        facts["employer_type"] = other_kind
        got = evaluate(profile_of(State(place=state.place, facts=facts)), state.place, as_of=as_of,
                       benefit_ids=[bid]).results
        # (its only open condition the recognition: everything said of the people meets it)
        # (and only one that would bring more than the unit's own it excludes: "其中最为优惠的一类")
        if got and got[0].status == UNKNOWN and not got[0].failed and \
                all(set(o.facts) <= {"employer_recognized"} for o in got[0].unknown) and \
                own is not None and got[0].amount.value is not None and got[0].amount.value > own:
            out.append(got[0])
    return out
