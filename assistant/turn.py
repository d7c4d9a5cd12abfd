"""One turn of the conversation: a message (intent, text, entities) and the state in, replies and a decision out.
The rasa-sdk actions only move the state to and from slots (actions/actions.py)."""
from __future__ import annotations

import contextvars
import copy
import dataclasses
import datetime as dt
from policies import rx as re

from policies import ELIGIBLE, INELIGIBLE, UNKNOWN, default_gazetteer, default_policies, evaluate
from policies import normalize as nz
from policies.catalogue import default_catalogue
from policies.evaluator import Evaluation
from policies.amounts import fmt_money
from policies.render import (_cond_text, amount_line, citation, documents_text, no_policy_text, payee_text,
                             validity_line, where_line)
from policies.normalize import ANOTHER_PERSON, UNIT_MONEY, WHY_NOT
from policies.normalize import A_QUESTION as _A_QUESTION
from policies.normalize import AFFECTS_CLAIM as _AFFECTS_CLAIM
from policies.normalize import SCHOOL_YEARS_TOTAL as _SCHOOL_YEARS_TOTAL
from policies.normalize import YEARS_ASKED as _YEARS_ASKED

from . import decide, recount
from .clock import today
from .decide import MAX_CARDS, personal
from .extract import MAX_TEXT, _group_later, extract
from .extract_common import BUSINESS_FACTS, OUT_OF_PROVINCE
from .extract_work import weighed_kind
from .extract_groups import _FROM_ELSEWHERE, _SOME_NOT_POOR
from .persons import household_total, persons_in, shared_facts
from .state import OWNER_OWN, THEIRS_ASKED, WHAT_IF_BASE, YEARS_TOTAL_ASKED, Decision, Reply, State, Turn
from .answer_lines import (_about, also_in_text, asked_notes, benefits_total, combine_line, discontinued_lines,
                           mentioned_without_amount, person_lines, person_payee)
from .understand import ASKING as _ASKING
from .understand import (FACT_INTENTS, WHAT_ELSE, absorb, agency_own, apply_pending, effective_intent, is_question,
                         merge, question_in_words, question_part, role_of, unit_question, without_self_intro)
from .wording import (ASK_PLACE, ASK_TOPIC, NEXT_STEPS, buttons, fact_value_text, known_line, short_card, validity_footer,
                      what_would_change, ended_mark)


# A question beside a complete answer (the fact that decides the asked benefit)? Off: the card already gives the rate
# and what it depends on, and the conversation suite's hotline graders want no question in 340 of 388 turns
# (with it on: 171/318 strict, off: 189/318; docs/architecture.md). The user who wants the sum says the number.
ASK_BESIDE_ANSWER = False

# a unit's counts of its people (facts.yaml `people: true`) and its whole staff: the unit's, no person's own
_UNIT_COUNTS = frozenset(default_policies().vocab.people_counts) | {"staff_total"}


def _kind_weighed(state: State, shown: list, text: str, as_of: dt.date) -> list:
    """"我们也想去申请个就业帮扶基地…两边能一起拿吗？哪个划算" of a 社区工厂: the money of the other kind, as if the unit
    were that kind (its own conditions, its count), beside what it has now, for the document's one-of-two rule; [] when
    no kind is weighed or its money is shown already."""
    if not nz.COMBINE_Q.search(text or "") or not state.place or not shown:
        return []
    partners = {p[0] for r in shown for p in r.partners} - {r.benefit.id for r in shown}
    if not partners:
        return []
    profile = decide.profile_of(state)
    kind = weighed_kind(text)
    if kind and kind != state.facts.get("employer_type"):
        profile = dataclasses.replace(profile, facts={**profile.facts, "employer_type": kind})
        return [r for r in evaluate(profile, state.place, as_of=as_of, benefit_ids=sorted(partners)).results
                if kind in r.benefit.name or kind in r.benefit.payee_label][:1]
    # "那俺这500跟他们那个能一起拿不" (a worker beside the agency's money): the asker's own money named by its amount
    mine = {nz.parse_money(m.group(1) + "元") for m in nz.MY_AMOUNT.finditer(text)}
    return [r for r in evaluate(profile, state.place, as_of=as_of, benefit_ids=sorted(partners)).results
            if r.amount.value and r.amount.value in mine and personal(r)][:1] if mine else []




def ask_for(state: State, fact: str) -> Reply:
    from policies import default_policies

    state.pending_fact = fact
    if fact not in state.asked:
        state.asked.append(fact)
    if fact == "place":
        return Reply(ASK_PLACE)
    return Reply(default_policies().vocab.facts[fact].question)


def other_questions(state: State, text: str) -> list[str]:
    """The other questions of a two-part message ("有啥创业培训没得？贷款又能贷好多？"): each gets its own answer."""
    from .understand import ASKING, sums_the_last, training_days

    if not ASKING.search(text or "") or sums_the_last(text, state):
        return []               # ("他一年下来岗位补贴加保险补贴一共多少": one question, of what was just stated)
    # (not the words of who is asking: "我们是宝鸡的一所技工院校，想…办中期培训" asks about the training, not school grants)
    asked = without_self_intro(text)
    # ("进了技校学汽修": the trade of a pupil at a technical school, no training asked about)
    # ("想去省技师学院的扶贫班学汽修": so too)
    asked = re.sub(r"(?:进了|在|读|上|念|去)(?:了|个|的)?[^，。,；;？?]{0,4}?(?:技校|技工学校|技工院校|技师学院|职校|职业学校)"
                   r"(?:的[^，。,；;？?]{0,4}?班)?(?:里)?学[^，。,；;？?]{0,4}",
                   lambda m: "　" * len(m.group(0)), asked)
    # (the sentences that ask, when the others only tell: "…结业后半年内开店办了执照的有八个；…每个班能拿多少，总共多少？"
    # asks nothing of the start-up subsidy)
    # of a school's trainees' own business: what they did after the course, "结业后半年内开店办了执照的有八个", is the
    # condition of the school's SYB money, not a question of theirs)
    sentences = [c for c in re.split(r"(?<=[。！!；;？?])", asked) if c.strip()]
    asking = [c for c in sentences if _A_QUESTION.search(c)]
    cat = default_catalogue()
    in_questions = set(cat.questions_named_all("".join(asking))) if asking and len(asking) < len(sentences) else None
    named = [training_days(q, text, state) for q in cat.questions_named_all(asked)
             if in_questions is None or q in in_questions or state.facts.get("employer_type") != "培训机构" or
             q not in ("ask_startup_subsidy", "ask_startup_loan")]
    # (a worker's words of the unit's scheme, "跟着苏陕协作去江苏昆山电子厂上班", ask nothing of the unit's money unless
    # they ask about the unit: "厂子是不是能拿钱")
    named = [q for q in named if not (state.role in (None, "worker", "proxy") and q in cat.questions and
                                      cat.questions[q].role == "employer" and not UNIT_MONEY.search(text or "") and
                                      not _ASKS_OF_UNIT.search(text or "") and
                                      not nz.AGENCY_MONEY.search(re.sub(r"\s+", "", text or "")))]
    if _SCHOOL_YEARS_TOTAL.search(re.sub(r"\s+", "", asked)) and state.facts.get("in_technical_school") and \
            "ask_school_grant" not in named:
        named.insert(0, "ask_school_grant")     # "那闺女要是念三年，总共能补多少？念完出来找活…": the school's years
    if state.topic == "ask_startup_subsidy" and "ask_startup_loan" not in named and \
            re.search(r"扶持|帮扶|支持|(?:啥|什么)(?:政策|帮助|优惠)", asked):
        named.append("ask_startup_loan")        # "开个小卖店…能给点啥扶持不": a start-up's loan is its support too
    topic_q = cat.questions.get(state.topic or "")
    if UNIT_MONEY.search(text or "") and "ask_employer_subsidy" in cat.questions and \
            "ask_employer_subsidy" not in named and topic_q is not None and topic_q.role != "employer" and \
            state.role != "employer" and "ask_factory_job" in cat.questions and \
            not set(topic_q.topics) & set(cat.questions["ask_factory_job"].topics):
        # (a question of a 社区工厂's jobs has the unit's money in its own answer)
        named.append("ask_employer_subsidy")    # "那1500还有没？招她的公司有啥说法？": the unit's money too
    out = list(dict.fromkeys(q for q in named if q != state.topic and q != "ask_what_can_i_get"))[:2]
    if state.topic != "ask_what_can_i_get" and (WHAT_ELSE.search(re.sub(r"\s+", "", text or "")) or
                                              nz.NEVER_HAD.search(re.sub(r"\s+", "", text or ""))):
        out.append("ask_what_can_i_get")    # "路费能报多少，还有没有别的补贴": the rest of what they may get, after it
    return out


def _for_those_at_work(r) -> bool:
    """A training benefit only for those at work (岗位技能提升培训)."""
    return any(getattr(c, "fact", None) == "training_type" and set(getattr(c, "value", None) or ()) == {"岗位技能提升培训"}
               for c in r.benefit.eligibility)


def extra_cards(state: State, intents: list[str], shown: list, as_of: dt.date, text: str = "") -> list:
    """The top results for the other questions of the message, not already shown."""
    cat, out = default_catalogue(), []
    seen = {r.benefit.id for r in shown}
    for i, intent in enumerate(intents):
        # the places left on the screen (two kept for the main question when it has two), one kept for each question
        # after this one
        room = max(1, MAX_CARDS - min(len(shown), 2) - len(out) - (len(intents) - 1 - i))
        topics = cat.topics_for(intent, state.role, state.facts)
        ev = evaluate(decide.profile_of(state), state.place, as_of=as_of, topics=topics)
        if intent == "ask_what_can_i_get":
            # what fits them (eligible, then open), and what fits but fails on a date or a length, with its reason
            rest = [r for r in decide.possible(ev, state) if decide.fits(r, state) and r.benefit.id not in seen]
            rest += [r for r in decide.why_not(ev, state) if r.benefit.id not in seen and
                     (decide.personal(r) if state.role != "employer" else True)]
            for r in rest[:2]:
                seen.add(r.benefit.id)
                out.append(r)
            continue
        saved, state.topic = state.topic, intent
        try:
            # (the one the message names, "“技能+”那种中期培训", before the question's others)
            picked = [r for r in decide.named_first(decide.relevant(ev, state), text, state.place)
                      if r.benefit.id not in seen and not _theirs_not_the_units(r, state)]
            # ("那个吸纳一人一千的奖励我们能拿吗": the one its amount names first)
            by_amount = {b.id for b in decide.benefits_by_amount(text, state.place)}
            picked = sorted(picked, key=lambda r: r.benefit.id not in by_amount)
            if nz.AMOUNT_ASKED.search(text or ""):
                # ("儿子在三亚技师学院扶贫班读二年级…读技校一年能补多少": money asked, before the class he is in)
                picked = sorted(picked, key=lambda r: r.benefit.kind in ("free_service", "arrangement") or
                                r.amount.unstated and not r.amount.value)
            if state.role != "employer" and state.facts.get("employed") is not True and \
                    "training_type" not in state.facts:
                # ("退伍回来的…现在想出去广东打工…培训也有补贴": a person not at work hears of the training before a job
                # first, the one for those at work after it)
                picked = sorted(picked, key=_for_those_at_work)
            if state.role == "employer" and (_PAID_TO_US.search(text or "") or nz.AMOUNT_ASKED.search(text or "")):
                # ("培训补贴按什么标准给我们？学员来回车费…": the unit's own money first; "每个班能拿多少培训补贴": so too)
                picked = sorted(picked, key=lambda r: not decide.unit_own(r, state))
            words = default_catalogue().benefit_words
            said = [r for r in picked if words.get(r.benefit.id) is not None and words[r.benefit.id].search(text or "")]
            # ("学员生活费交通费补多少": the two its words name, each, when one of them had the room)
            picked = picked[:room] + ([r for r in said if r not in picked[:room]][:1]
                                      if any(r in said for r in picked[:room]) else [])
        finally:
            state.topic = saved
        for r in picked:
            seen.add(r.benefit.id)
            out.append(r)
    return out


# the end of a question said without its mark ("…十五天，有补助没"): a particle or a question word at the message's end
_OPEN_QUESTION = re.compile(r"(?:吗|么|没|不|呢|啥|多少|咋办|怎么办|咋弄|能行)\s*$")


# a question of what a unit gets ("物业公司招她能不能拿补贴", "老板招我有没有补贴")
_ASKS_OF_UNIT = re.compile(r"(?:厂|公司|单位|老板|车间|基地|企业|合作社|工坊)[^，。,；;？?]{0,8}?(?:能不能|能|可以|可不可以|有没有|有冇)"
                           r"[^，。,；;？?]{0,3}?(?:拿|领|得|有|申请|报)")
# a unit asking what it is paid ("培训补贴按每人多少钱给我们", "给我们学校补多少")
_PAID_TO_US = re.compile(r"(?:多少|几多|好多)(?:钱)?给(?:我们|俺们|咱们)(?:学校|机构|单位)?|"
                         r"(?:什么|啥|哪个|哪样)(?:标准|办法)(?:来)?(?:补|发)?给(?:我们|俺们|咱们)|"
                         # (a school: "培训补贴一人多少钱")
                         r"培训补贴(?:是)?(?:按人头|按人)?(?:一人|每人|一个人|一个学员|每个学员)(?:每天|一天|每期)?(?:能|可以)?(?:给|补)?"
                         r"(?:多少|几多|好多)|"
                         # ("想问学校这边按人头每人能拿多少培训补贴")
                         r"(?:学校|机构|我们|俺们)(?:这边|这块|这里)[^，。,；;？?]{0,10}?(?:能|可以)?(?:拿|领|得|补)(?:多少|几多|好多)|"
                         r"给(?:我们|俺们|咱们)(?:学校|机构|单位)?(?:怎么|咋)?(?:补|发)(?:多少|几多|好多)?")




def _question_count(text: str) -> int:
    """How many questions a message asks: its question marks, and a last one said without its mark."""
    text = (text or "").strip()
    marks = len(re.findall(r"[？?]", text))
    # (or its clauses that ask, several in one sentence: "还有社保补贴能补多少，以工代训一个月给多少？")
    clauses = sum(1 for c in re.split(r"[，,。；;？?！!\s]+", text) if re.search(r"多少|好多|几多|能不能|有没有|给不给", c))
    return max(marks + (1 if text and text[-1] not in "？?" and _OPEN_QUESTION.search(text) else 0), clauses)


# the months past the longest period asked about as such ("后头那2个月还有补贴不"), not the whole asked by its months
_PAST_MONTHS_ASKED = re.compile(r"(?:后头|后面|后边|剩下|多出来?|超出|超过)的?(?:那|这)?\s*[0-9一二两三四五六七八九十几]+\s*个月")


def _beyond_the_longest(r, text: str = ""):
    """A result whose amount was cut at the benefit's longest period ("按最长6个月计"), or whose longest period is
    shorter than the months asked for ("按12个月给报不" of 最长6个月), asked about the months past it: those months are not
    paid (the months within it are, as the amount says)."""
    said = (r.amount.text or "") + "".join(r.amount.steps or [])
    m = re.search(r"按最长\s*([0-9.]+)\s*个月", said)
    if m is None:
        cap = re.search(r"最长(?:不超过)?\s*([0-9.]+)\s*个月", said)
        asked = re.search(r"按\s*([0-9]+)\s*个月", text or "")
        m = cap if cap and asked and float(asked.group(1)) > float(cap.group(1)) else None
    if m is None or r.status == "ineligible":
        return r
    if not _PAST_MONTHS_ASKED.search(text or ""):
        # "能按八个月算不": the benefit is theirs, for the longest period (the amount says "按最长6个月计")
        return r
    if len([x for x in (r.amount.basis or "").split("；") if "人×" in x]) >= 2:
        # (groups at their months, one past the longest: the others' months are paid; the amount says why that one's
        # months stop: "1人×8个月（按最长6个月）")
        return dataclasses.replace(r, amount=dataclasses.replace(
            r.amount, basis=f"{r.amount.basis}；最长{m.group(1)}个月，超过的月份不补"))
    return dataclasses.replace(r, status="ineligible", reasons=[f"最长{m.group(1)}个月，超过的月份不补（前{m.group(1)}个月按上面的金额）"])






def _beyond_the_years(r, text: str = "", over_years: bool = False):
    """A yearly amount with a limit in years ("补贴期限不超过3年"), asked for more years than that ("社保能不能返五年"):
    the limit's total, and that the years past it get nothing. A school's yearly amount with no such limit, asked for
    the years of the school in all ("要是念三年，总共能补多少"): the years' total."""
    flat = re.sub(r"\s+", "", text or "")
    school = _SCHOOL_YEARS_TOTAL.search(flat)
    if school and r.status != INELIGIBLE and r.amount.value is not None and \
            (r.amount.total_per == "每年" or not r.amount.total_per and re.search(r"每(?:生|人)?每年", r.amount.text or "")) and \
            r.benefit.topic in ("school_grant", "technical_school") and \
            not re.search(r"期限不超过|最长", r.amount.text or ""):
        years = nz.parse_count(school.group(1))
        rate = re.search(r"每(?:生|人)?每年(?:约)?\s*([0-9]+)\s*元", r.amount.text or "")
        # (not an amount that is the years' total already: "还要就读的时间36个月" makes it)
        if years and years > 1 and rate and abs(float(rate.group(1)) - r.amount.value) < 0.5:
            v = r.amount.value
            return dataclasses.replace(r, amount=dataclasses.replace(
                r.amount, value=v * years, range=None, total_per="",
                basis=f"每年{fmt_money(v)}×{years:g}年"))
    m = _YEARS_ASKED.search(flat)
    cap = re.search(r"期限不超过\s*([0-9]+)\s*年", r.amount.text or "")
    if m is None and cap is not None and r.status != INELIGIBLE and r.amount.value is not None and \
            r.amount.total_per == "每年" and (over_years or nz.MOST_OVER_YEARS.search(flat)):
        # "最多能返多少钱，能返几年": the most over the years the text allows
        most, v = int(cap.group(1)), r.amount.value
        return dataclasses.replace(r, amount=dataclasses.replace(
            r.amount, value=v * most, range=None, total_per="",
            basis=f"最多{most}年：每年{fmt_money(v)}×{most}年"))
    if m is None or cap is None or r.status == INELIGIBLE or r.amount.value is None or r.amount.total_per != "每年":
        return r
    asked, most = nz.parse_count(m.group(1)), int(cap.group(1))
    if not asked or asked <= most:
        return r
    v = r.amount.value
    past = "、".join(f"第{y}年" for y in range(most + 1, int(asked) + 1))
    return dataclasses.replace(r, amount=dataclasses.replace(
        r.amount, value=v * most, range=None, total_per="",
        basis=f"最多{most}年：每年{fmt_money(v)}×{most}年；{past}没有"))


def _part_asked(r, text: str, state: State):
    """A part of a benefit asked about by its amount ("给了1200块…听人说还有800块，咋没给俺呢") that the amount leaves
    out because its case's condition fails (实现创业再给每人800元, no business started): that part, and why not; or,
    for a business still to come ("明年回石泉开个面馆，这800还给不给"), that part once the condition is met."""
    a = r.benefit.amount
    if a.type != "cases" or r.status == INELIGIBLE:
        return r
    planned = state.facts.get("business_planned") is True
    if r.amount.range and planned:
        said = {nz.parse_money(m.group(0)) for m in decide._AMOUNT_SAID.finditer(text or "")} | \
            {nz.parse_money(m.group(1) + "元") for m in decide._POINTED_AMOUNT.finditer(text or "")}
        for when, sub in a.cases:
            for part in (sub.parts if sub.type == "sum" else []):
                v = part.value.value if part.value is not None else None
                why = [c.note for c in when if getattr(c, "note", None)]
                if v in said and why and len(sub.parts) > 1 and part is not sub.parts[0]:
                    part_text = f"{re.split(r'[，,]', part.per or '')[-1]}{fmt_money(v)}"
                    return dataclasses.replace(r, amount=dataclasses.replace(
                        r.amount, value=v, range=None, text=f"{part_text}（{why[0]}以后申请）", steps=[], basis=""))
        return r
    if r.amount.range:
        return _case_asked(r, text)
    if r.amount.value is None:
        return r
    said = {nz.parse_money(m.group(0)) for m in decide._AMOUNT_SAID.finditer(text or "")} - {None}
    for when, sub in a.cases:
        whole = sum(x.value.value for x in sub.parts if x.value is not None) if sub.type == "sum" else None
        if whole is not None and abs(whole - r.amount.value) < 0.5:
            continue            # the case the amount is: every part of it is in it
        for part in (sub.parts if sub.type == "sum" else []):
            v = part.value.value if part.value is not None else None
            if v is None or v not in said or abs(v - r.amount.value) < 0.5:
                continue
            why = [c.note for c in when if getattr(c, "note", None)]
            if not why:
                continue
            part_text = f"{re.split(r'[，,]', part.per or '')[-1]}{fmt_money(v)}"
            return dataclasses.replace(r, status=INELIGIBLE, reasons=[f"{part_text}：须{why[0].lstrip('须')}"],
                                       amount=dataclasses.replace(r.amount, value=v, text=part_text, steps=[], basis=""))
    return r


def _case_asked(r, text: str):
    """One case of an amount that depends on a fact, asked about by its amount ("为啥俺们村有人说考完证领了三百块钱":
    the 300元 of 纳入重点产业…目录的, beside the 200元 of the others): that case first, with its condition and the other."""
    said = {nz.parse_money(m.group(0)) for m in decide._AMOUNT_SAID.finditer(text or "")} - {None}
    fixed = [(when, sub) for when, sub in r.benefit.amount.cases
             if sub.type == "fixed" and sub.value is not None and sub.value.value is not None]
    hit = [(when, sub) for when, sub in fixed if sub.value.value in said]
    if len(hit) != 1 or len(fixed) < 2 or \
            not set(r.amount.range) <= {sub.value.value for _w, sub in fixed}:
        return r                # (a total over a count of people is not one case's rate)
    when, sub = hit[0]
    cond = "；".join(q.rstrip("的") for c in when for q in c.quotes[:1] if not re.search(r"[0-9]+元", q))
    if not cond:
        return r
    others = "，".join(f"{o.per or ''}{fmt_money(o.value.value)}" for w, o in fixed if o is not sub)
    text_ = f"{sub.per or ''}{fmt_money(sub.value.value)}（{cond}的）；其他情况{others}"
    return dataclasses.replace(r, amount=dataclasses.replace(r.amount, value=sub.value.value, range=None, text=text_,
                                                             steps=[], basis=""))


def _per_quarter(r, text: str):
    """"一个季度能申报多少" of a sum by the month (城镇公益性岗位补贴 申请时间：按季度): three months of it."""
    a = r.amount
    if not re.search(r"季度", text or "") or a.value is None or a.total_per != "每月" or not a.basis or \
            r.status == INELIGIBLE:
        return r
    return dataclasses.replace(r, amount=dataclasses.replace(
        a, value=a.value * 3, total_per="每季度", basis=f"每月{fmt_money(a.value)}×3个月：{a.basis}"))


def _not_for_the_trip(r, text: str, state: State):
    """A trip to work asked about ("去广东打工了来回车票好几百能给报路费不") where the document's only travel money is
    for attending a training (绥化 三、（二）): that money is not for this trip, and the card says so."""
    if r.status == INELIGIBLE or not nz.TRIP_MONEY.search(text or "") or r.benefit.topic != "training_allowance" or \
            state.facts.get("training_type") or nz.TRAINING_SAID.search(text or "") or \
            not (nz.WORK_TRIP.search(text or "") or state.facts.get("employed") is True):
        return r
    return dataclasses.replace(r, status=INELIGIBLE, reasons=["这是参加培训期间的交通费补助，外出务工的路费不在此列"])


def _theirs_not_the_units(r, state: State) -> bool:
    """An employer's second question ("岗前培训国家补不补"): a trainee's money, or money the text gives no payee for,
    is not the unit's answer (a school's is: training subsidies are its business)."""
    # (a loan the unit borrows in its own name is the unit's: "厂里想贷款上条生产线…最多能贷多少")
    # (nor a person's loan asked of by a unit for its owner: "老板本人就是建档立卡贫困户…老板想贷20万分三年还")
    return state.role == "employer" and decide.asking_unit(state) not in ("school", "agency") and \
        (personal(r) or r.benefit.payee == "unnamed") and not decide.unit_loan(r) and \
        not (r.benefit.kind == "loan" and state.facts.get("borrower_type") == "个人")


def _named_by_the_same_words(r, q, text: str) -> bool:
    """The words that asked question `q` ("路费") also name this benefit (绥化's 参加培训交通费补助): the question is
    answered by it, whatever topic it is kept under."""
    words = default_catalogue().benefit_words.get(r.benefit.id)
    if q is None or q.words is None or words is None or not text:
        return False
    spans = [(m.start(), m.end()) for m in q.words.finditer(text)]
    return any(s < m.end() and m.start() < e for m in words.finditer(text) for s, e in spans)


def answer(state: State, ev: Evaluation, as_of: dt.date, decision: Decision,
           others: list[str] | None = None, text: str = "", persons: list | None = None) -> list[Reply]:
    named: list = []
    lacking = ""
    if not ev.results and ev.documents and others and others[0] != "ask_what_can_i_get":
        # one question of a two-part message has nothing in this document ("路费谁出，有没有交通补助"): the other is
        # answered, and this one is said plainly after it (a "能领啥" beside it: the list below says it first)
        cat = default_catalogue()
        if not mentioned_without_amount(state, ev):
            label = "、".join(cat.topics[t].label for t in cat.topics_of(state.topic)[:2])
            lacking = f"问的{label}：{ev.documents[0].document_no}没有写这方面的补贴。"
            asked_q = cat.questions.get(state.topic or "")
            state.topic, state.asked = others[0], []
            ev, others = decide.evaluate_topic(state, as_of), others[1:]
            if any(_named_by_the_same_words(r, asked_q, text) for r in ev.results):
                lacking = ""    # the other question's answer holds it ("学员来回的路费": 绥化's 参加培训交通费补助)
    if not ev.results and ev.documents:
        # the question's topic is not in this document, but the message names benefits that are ("扶贫车间…那个1000元的
        # 奖励", "3000块的补助", "培训那几天的路费"): those are the answer
        named = decide.named_elsewhere(state, [], text, as_of, limit=MAX_CARDS)
        asked_q = default_catalogue().questions.get(state.topic or "")
        if named and not lacking and not mentioned_without_amount(state, ev) and \
                not any(_named_by_the_same_words(r, asked_q, text) and
                        _not_for_the_trip(r, text, state).status != INELIGIBLE and
                        r.benefit.kind != "free_service" for r in named):
            # (not when what is named answers the question's own words: "学员来回的路费" is 绥化's 参加培训交通费补助)
            # "政府管不管送？路费能补多少": the part the document has is answered, the other said plainly after it
            cat = default_catalogue()
            label = "、".join(cat.topics[t].label for t in cat.topics_of(state.topic)[:2])
            lacking = f"问的{label}：{ev.documents[0].document_no}没有写这方面的补贴。"
        follow = default_catalogue().question_of_topic(named[0].benefit.topic) if named else None
        if follow:          # what was answered is the topic now: a correction next turn stays on it
            state.topic, state.asked = follow, []
    if not ev.results and not named:
        if not ev.documents:
            return [Reply(no_policy_text(state.place))]
        doc = ev.documents[0]
        cat = default_catalogue()
        mentioned = mentioned_without_amount(state, ev)
        if mentioned:
            return [mentioned]
        topic_name = "、".join(cat.topics[t].label for t in cat.topics_of(state.topic)[:2])
        allev = evaluate(decide.profile_of(state), state.place, as_of=as_of)
        # the other part of a two-part question the text speaks of without a benefit ("还有俺家医保个人交的那部分钱")
        also = also_in_text(allev, text or "", limit=1, by_words=True)
        # (said as one part of the question answered, like a two-part question's part the document lacks)
        none = f"问的{topic_name}：{doc.document_no}没有写这方面的补贴。" if also else \
            f"{doc.document_no}（{doc.place_label}）里没有{topic_name}这方面的补贴。"
        saved_topic = state.topic
        state.topic = "ask_what_can_i_get"
        rest = what_can_i_get(state, allev, as_of, decision)
        state.topic = saved_topic
        if len(rest) == 1 and rest[0].text.startswith("按您说的情况，暂时没有"):
            # nothing else fits either: the no, whom to ask, and the document's validity (not a list that is empty)
            return [Reply(none + "".join(f"\n{line}" for line in also) +
                          f"\n{validity_line(doc, as_of)}")]
        head = Reply(none + "".join(f"\n{line}" for line in also) + "\n下面是按您的情况可能能领的：")
        return [head] + rest
    # (a school's words of itself and the course it ran name no benefit: "家政培训机构…办了期巾帼家政月搜培训" is not
    # 免费参加巾帼家政培训 asked)
    school = decide.asking_unit(state) == "school"
    words = without_self_intro(nz.COURSE_RUN.sub("", text or "")) if school else text
    ordered = decide.named_first(decide.relevant(ev, state), words, state.place) if ev.results else named
    if school and not _FREE_ASKED.search(text or ""):
        # (a course free to its trainees after the money asked of: "巾帼家政的育婴员班" names the course; not when it
        # asks whether they pay, "学员要不要交学费": the free course is the answer)
        ordered = sorted(ordered, key=lambda r: r.benefit.kind == "free_service")
    # "我们代扣的个人那部分也补吗": the benefit that part of it is asked about answers first, with its no
    ordered = sorted(ordered, key=lambda r: not any(f.endswith("_asked") for o in r.failed for f in o.facts))
    if UNIT_MONEY.search(text or ""):       # "厂子是不是能拿钱": the unit's money first
        ordered = sorted(ordered, key=personal)
    elif state.role == "employer" and decide.asking_unit(state) == "school" and _PAID_TO_US.search(text or ""):
        # "想问培训补贴按每人多少钱给我们": a school's own money first, then its trainees'
        ordered = sorted(ordered, key=lambda r: not decide.unit_own(r, state))
    elif (_TRAINING_ASKED.search(text or "") or "培训" in (text or "") and _FREE_ASKED.search(text or "")) and \
            (not school or _FREE_ASKED.search(text or "")):
        # ("让这9个人去参加食用菌栽培培训，他们学的时候要花钱不": whether the course is free is asked too)
        # "有没有教开网店的培训": the training itself first, then its money (not a school's words of its own course,
        # unless it asks whether its trainees pay: "学员要不要交学费")
        # (a training for others, still open, "劳动预备制培训…须为应届初、高中毕业生", stays behind the money asked of:
        # "有没有免费培训？学的时候给不给补贴")
        ordered = sorted(ordered, key=lambda r: not (r.benefit.kind == "free_service" and "培训" in r.benefit.name and
                                                     (r.status == ELIGIBLE or decide.named_in(r, text) >= 20)))
    also = state.facts.get("employer_type_also")
    if also and nz.AS_KIND.search(text or ""):
        # "能不能改成按基地去领": the other kind's own money is the answer, first (its no too), beside the unit's own
        ordered = sorted(ordered, key=lambda r: also not in r.benefit.name)
    same = list(decision.same_asked) if state.place else []
    if same:
        # "那他姐呢 …她没出省": what was answered for him, each for her (its no too), before the rest
        # (after what she meets of her own: "那他姐呢 在西安念大专" hears of her 求职创业补贴 first)
        have = {r.benefit.id for r in ordered}
        add = evaluate(decide.profile_of(state), state.place, as_of=as_of,
                       benefit_ids=[i for i in same if i not in have]).results
        add = [r for r in add if r.benefit.id in same and r.benefit.id not in have]
        # (those of them the topic brought too come with them, not after the topic's others: "我弟也是这情况…他能拿不")
        add += [r for r in ordered if r.benefit.id in same and r.status != ELIGIBLE]
        ordered = [r for r in ordered if r not in add]
        at = next((k for k, r in enumerate(ordered) if r.status != ELIGIBLE), len(ordered))
        ordered = ordered[:at] + sorted(add, key=lambda r: same.index(r.benefit.id)) + ordered[at:]
    last = list(state.last_benefits or [])
    # (not when the message names another benefit's topic: "那就业见习呢？…见习补贴一共能拿多少，钱给谁" after 社保补贴)
    strong = default_catalogue().question_named_strongly(text or "") if isinstance(text, str) else None
    other_named = strong is not None and last and last[0] in default_policies().benefits and \
        default_policies().benefits[last[0]].topic not in default_catalogue().questions[strong].topics
    if last and (nz.AMOUNT_OR_WHEN.search(text or "") or nz.PAYEE_ASKED.search(text or "")) and \
            not decide.named_elsewhere(state, [], text, as_of) and not other_named:
        # "那到底一天能给多少钱": how much of what the last answer named, its money first, not a free service; "这钱最后是
        # 打给学校还是打给学生": the first benefit of the last answer, also when the question's topic did not bring it
        missing = [i for i in last[:1] if i not in {r.benefit.id for r in ordered}]
        if missing and nz.PAYEE_ASKED.search(text or ""):
            ordered = evaluate(decide.profile_of(state), state.place, as_of=as_of, benefit_ids=missing).results + ordered
        ordered = sorted(ordered, key=lambda r: (r.benefit.id not in last, r.benefit.kind == "free_service",
                                                 last.index(r.benefit.id) if r.benefit.id in last else 0))
    if last and decision.said:
        from policies.evaluator import benefit_count_fact
        # "比方说普通学员补1000块，贫困户学员能补多少？": the cost an amount of the last answer is reckoned from, said now:
        # that benefit, with its amount, first
        # (and the groups by category a per-person total counts: "低保那4个里头有2个…跟那6个是重的")
        costed = [i for i in last if (b := default_policies().benefits.get(i)) is not None and
                  (b.amount.cost_fact in decision.said or
                   ("category_groups" in decision.said and b.amount.type == "fixed" and not benefit_count_fact(b)))]
        have = {r.benefit.id for r in ordered}
        missing = [i for i in costed if i not in have]
        if missing:             # (one the question's topic already brought keeps its place)
            ordered = evaluate(decide.profile_of(state), state.place, as_of=as_of, benefit_ids=missing).results + ordered
    if last and ordered and ordered[0].benefit.id not in last:
        # "公司说要拿儿子的合同去申请职业介绍补贴…儿子这500到底还能不能领": the one of the last answer that may not be
        # had with the new first card, beside it (which of the two is the question)
        partners = {o for o, _rule, _q in default_policies().exclusive_partners(ordered[0].benefit.id)} & set(last)
        if partners:
            have = {r.benefit.id for r in ordered}
            missing = [i for i in partners if i not in have]
            if missing:
                ordered = ordered + evaluate(decide.profile_of(state), state.place, as_of=as_of,
                                             benefit_ids=missing).results
            ordered = ordered[:1] + sorted(ordered[1:], key=lambda r: r.benefit.id not in partners)
    if state.topic == "ask_training" and nz.COURSE_FEE.search(text or ""):
        # "那学费呢，我自己掏了1500块": the fee of the course is the training's own subsidy, before its living money
        ordered = sorted(ordered, key=lambda r: r.benefit.topic != "skills_training")
    named_by_amount = {b.id for b in decide.benefits_by_amount(text, state.place)}
    if named_by_amount:         # "那个吸纳一人一千的奖励我们能拿吗": the one its amount names, before the others of the topic
        # (also when it is not for their kind of unit: that, and why, is the answer)
        ordered = [r for r in ev.results if r.benefit.id in named_by_amount and r not in ordered] + ordered
        ordered = sorted(ordered, key=lambda r: r.benefit.id not in named_by_amount)
    if decision.pointed_first:
        have = {r.benefit.id for r in ordered}
        missing = [i for i in decision.pointed_first if i not in have]
        if missing:
            ordered = evaluate(decide.profile_of(state), state.place, as_of=as_of, benefit_ids=missing).results + ordered
        ordered = sorted(ordered, key=lambda r: r.benefit.id not in decision.pointed_first)
        if re.search(r"有没有钱|有钱没|给钱不|给不给钱|多少钱", text or ""):
            # (money asked of, beside the one put first: "她弟弟在省技师学院念书 有没有钱": no free place before the grants)
            ordered = sorted(ordered, key=lambda r: r.benefit.id not in decision.pointed_first and
                             r.benefit.kind == "free_service")
    shown = ordered[:MAX_CARDS]
    instead = decide.variant_instead(ev, state, as_of)
    if instead:                 # not for their kind of training, and the one for it
        shown = shown[:1] + instead[:MAX_CARDS - 1]
    if others:                  # each question of a two-part message gets its own answer
        asked_else = others[-1] == "ask_what_can_i_get"
        # a person asking of a unit's benefit by its name ("厂里说他没满一年，那个岗位补贴拿不到，是真的吗？他现在咋办？"):
        # the unit's other money, not asked about, gives way to the other questions' answers
        said = [r for r in shown if decide.named_in(r, text) or personal(r)] \
            if state.role != "employer" and any(decide.named_in(r, text) and not personal(r) for r in shown) else shown
        if state.role == "employer" and nz.AMOUNT_ASKED.search(text or "") and \
                any(r.benefit.kind != "free_service" for r in said):
            # ("机构这边按人头能拿多少钱？学员自己有没有生活费交通费": money asked twice; a free course is neither answer)
            said = [r for r in said if r.benefit.kind != "free_service"]
        extra = extra_cards(state, [q for q in others if q != "ask_what_can_i_get"], said, as_of, text)
        if extra and re.search(r"(?:补|给|领|拿)多少(?:钱)?|多少钱", text or "") and "免费" not in (text or "") and \
                not _FREE_ASKED.search(text or ""):
            # (not "有没有免费的培训？…注册个公司能给多少补贴": the free course is asked too)
            # ("在三亚技师学院读书…一年能补多少钱？…考证的钱能补不"): money asked, the money before a place in a class
            said.sort(key=lambda r: r.benefit.kind == "free_service")      # (in place: still the cards shown)
        if extra and state.role == "employer":
            # ("我们…免费办了三期…每个班能拿多少培训补贴、学员生活费交通费补多少，两后生那边有啥": the unit's own money
            # keeps its place beside the other questions' cards)
            said.sort(key=personal)         # (in place: still the cards shown)
        if extra:
            shown = said[:max(1, MAX_CARDS - len(extra))] if said is shown else said
            shown = shown + extra
        if asked_else:          # "还有没有别的补贴": what else fits them, in the places the question's own cards left
            room = MAX_CARDS - len(shown)
            more = [r for r in extra_cards(state, ["ask_what_can_i_get"], shown, as_of) if not decide.hiring_unsaid(r, state)]
            own = [r for r in more if not personal(r)]
            mine = [r for r in more if personal(r)]
            if state.role == "employer" and room <= 0 and own and any(personal(r) for r in shown):
                # "厂里能拿啥补贴，培训那一个礼拜有补贴没": the unit's own money, before a card of its people's
                shown = sorted(shown, key=personal)[:MAX_CARDS - 1] + own[:1]
            elif state.role in (None, "worker") and room <= 0 and mine and not any(personal(r) for r in shown) and \
                    re.search(r"(?:我|俺|额)自己", text or ""):
                # "两个厂都能拿不 我自己能拿啥": the asker's own money, in the place of the last of the units'
                shown = shown[:MAX_CARDS - 1] + mine[:1]
            else:
                shown += more[:max(0, room)]
    named = decide.named_elsewhere(state, shown, text, as_of)
    if state.role == "employer" and not _FREE_ASKED.search(text or "") and \
            (_GAVE_FREE.search(text or "") or others and nz.AMOUNT_ASKED.search(text or "")):
        # (nor a free course named in a unit's two questions of money: "机构这边按人头能拿多少钱？学员…生活费交通费")
        # ("我们…给贫困劳动力免费办了两期": the free course a school gave, said of itself, is not asked about)
        named = [r for r in named if r.benefit.kind != "free_service"]
    if named:                   # a benefit the message names by its words, outside what the question brought (and
        # the ones named among those it brought are kept before the others)
        base = decide.named_first(shown, text)
        if re.search(r"(?:补|给|领|拿)(?:多少|几多|好多)(?:钱)?|(?:多少|几多|好多)钱", text or ""):
            # ("在省技师学院扶贫班读书，一年能补多少钱？学费还要交不？", "老弟读书一年补几多"): money asked, the money before a
            # place in a class
            base = sorted(base, key=lambda r: r.benefit.kind == "free_service")
        if state.role == "employer":        # (a unit's own money kept before its people's)
            base = sorted(base, key=personal)
        # (a message of three questions or more — "学员要不要交钱？给学校怎么补？路费吃饭有没有补贴？" — gets a card more)
        # (and a long message of two questions that names more benefits than fit: "培训补贴按每人多少钱给我们？学员来回的交通费和
        # 吃饭的生活费，是不是得我们学校出？")
        asks = _question_count(text)
        cap = MAX_CARDS + (1 if asks >= 3 or (asks >= 2 and len(text or "") >= 80 and len(base) + len(named) > MAX_CARDS)
                           else 0)
        keep = base[:max(1, cap - len(named))]
        if shown and shown[0] not in keep:  # (the main question's own answer is never the one left out)
            keep = [shown[0]] + keep[:-1]
        shown = decide.named_first(keep + named, text)
        if len(shown) < MAX_CARDS and state.role != "employer" and not others and not any(personal(r) for r in named):
            # a unit's scheme named in passing ("跟着苏陕协作去江苏昆山电子厂上班"): the person's own money they meet first
            shown = shown[:1] + decide.also_met(state, shown, as_of)[:MAX_CARDS - len(shown)] + shown[1:]
    elif others:                # one a second question brought that the message names ("边干边教"): first
        shown = decide.named_first(shown, text)
    elif len(shown) < MAX_CARDS and state.role != "employer" and not others:
        # "我爸…在江苏打工签了一年合同…能替他办求职补贴吗": what else their own words make them meet (跨省就业的交通补助)
        shown = shown + decide.also_met(state, shown, as_of)[:MAX_CARDS - len(shown)]
    # a correction with one amount of the last answer pointed at as its only question ("哦说错了 小妹是去年六月毕业的
    # 不是今年 那个一千五还有没有"): that one, as it stands now, is the answer
    pointed = decide.said_again(state, text) if nz.CORRECTION.search(text or "") else []
    pointed_alone = bool(pointed) and bool(decide._POINTED_AMOUNT.search(text or "")) and \
        [bool(decide._POINTED_AMOUNT.search(c)) for c in re.split(r"[，,。；;？?！!\s]+", text or "")
         if nz.CLAUSE_ASKS.search(c)] == [True] and bool(state.place)
    if pointed_alone:
        shown = evaluate(decide.profile_of(state), state.place, as_of=as_of, benefit_ids=sorted(pointed)).results
    # some of the people of the last answer's benefits left out of their count, said beside another question ("哦对了，
    # 进厂那20个里头有5个我们收了每人200块服务费。另外这些人自己还能再领那个500的求职补贴不"): those benefits again, first
    # (with the others of their kind: the seasonal placements' money beside the factory ones')
    pol = default_policies().benefits
    kinds = {pol[i].topic for i in state.last_benefits or [] if i in decision.recounted and i in pol}
    recount = [i for i in state.last_benefits or [] if i in pol and pol[i].topic in kinds and
               i not in {r.benefit.id for r in shown}]
    if recount and state.place:
        again_ = evaluate(decide.profile_of(state), state.place, as_of=as_of, benefit_ids=recount).results[:2]
        shown = again_ + shown[:max(1, MAX_CARDS - len(again_))]   # (the question's own answer stays)
    # (or a correction that turns the start-up subsidy into a no, the person still to start a business: "哦我搞错了
    # 她是前年毕业的…现在才想回来开店" — the loan is what is left for it)
    lost_subsidy = bool(nz.CORRECTION.search(text or "")) and state.facts.get("business_planned") is True and \
        bool(shown) and all(r.benefit.topic == "startup_subsidy" and r.status == INELIGIBLE for r in shown)
    if len(shown) < MAX_CARDS and state.role != "employer" and not others and state.place and \
            (any(r.benefit.topic == "startup_subsidy" and r.status != INELIGIBLE for r in shown) or lost_subsidy) and \
            not any(r.benefit.topic == "startup_loan" for r in shown) and \
            (lost_subsidy or re.search(r"有(?:啥|什么|哪些|么子)|能(?:领|拿|享受)(?:啥|什么|哪些|么子)", text or "")):
        # "闺女…想回来开个奶茶店 有啥补贴没": the start-up loan (with its interest paid) goes with the start-up subsidy
        loans = [b.id for d in default_gazetteer().resolve(state.place).documents for b in d.benefits
                 if b.topic == "startup_loan" and b.kind == "loan"]
        got = [r for r in evaluate(decide.profile_of(state), state.place, as_of=as_of, benefit_ids=loans).results
               if r.status == ELIGIBLE]
        shown = shown + got[:1]
    if decision.form_what_if and any(r.benefit.topic == "startup_loan" for r in shown):
        # "额一个人弄能贷多少款…要是跟额表哥俩合伙弄呢": the loan of the form asked as a what-if, beside the one said
        loans = [b.id for d in default_gazetteer().resolve(state.place).documents for b in d.benefits
                 if b.topic == "startup_loan" and b.kind == "loan" and b.id not in {r.benefit.id for r in shown}]
        what_if = State(place=state.place, facts={**state.facts, "business_type": decision.form_what_if,
                                                  "borrower_type": nz.BORROWER_OF_FORM.get(decision.form_what_if, "合伙")})
        now = {r.benefit.id for r in evaluate(decide.profile_of(state), state.place, as_of=as_of,
                                              benefit_ids=loans).results if r.status == ELIGIBLE}
        got = [r for r in evaluate(decide.profile_of(what_if), state.place, as_of=as_of, benefit_ids=loans).results
               if r.status != INELIGIBLE and r.benefit.id not in now]
        shown = shown[:1] + got[:1] + shown[1:]
    by_amount = {b.id for b in decide.benefits_by_amount(text, state.place)}
    if by_amount:               # "那个一千块的求职补贴": the one its amount names, before others its words name
        shown = sorted(shown, key=lambda r: r.benefit.id not in by_amount)
    again = decide.said_again(state, text)
    now_no: list = []           # stated before, a no after the correction: said in one line above the cards
    corrected = bool(nz.CORRECTION.search(text or "")) and not ANOTHER_PERSON.search(text or "")
    hypo = bool(nz.HYPOTHETICAL.search(text or "")) and not corrected
    added = bool(nz.SUPPLEMENT.search(text or "")) and not corrected
    if again and not corrected and not added:  # "奖励那个他也能算上不": the one of the last answer named again, first
        shown = sorted(shown, key=lambda r: r.benefit.id not in again)
        if decide._POINTED_AMOUNT.search(text or "") and any(r.benefit.id in again for r in shown) and \
                [bool(decide._POINTED_AMOUNT.search(c)) for c in re.split(r"[，,。；;？?！!\s]+", text or "")
                 if nz.CLAUSE_ASKS.search(c)] == [True]:
            # "他也能拿那个一千二不": that one is the question, alone (not beside another: "开店钱不够能贷款不")
            shown = [r for r in shown if r.benefit.id in again]
    elif not others and not pointed_alone and (not named or added) and \
            (ANOTHER_PERSON.search(text or "") or corrected or hypo or added) and \
            (default_catalogue().question_named_in(text) in (None, state.topic) or
             # (a correction whose words name the question of money the last answer stated: "他办的是个体工商户的执照，
             # 不是公司" after 一次性创业补贴 was stated beside the loan)
             corrected and any(b is not None and b.topic in default_catalogue().topics_of(
                 default_catalogue().question_named_in(text))
                 for b in (default_policies().benefits.get(i) for i in state.last_benefits or []))):
        # "不是宁波，是汉中的厂子": a correction answers again what the last answer stated, as it stands now (a fact
        # added too: "来电人补充：店是跟他表哥合伙办的")
        # "俺表妹也跟俺一搭去的…她能报不": the same question for another person: everything the last answer stated
        # (one the last answer stated that is a no now comes first: "签一年以上合同的只有9个" turns the 30万元 said
        # before into a no, and that no is the answer; then what fits now, then the rest of the last answer)
        last = list(state.last_benefits or [])
        if nz.THESE_ALL.search(text or ""):     # ("这些补贴我们找哪儿报": all the conversation spoke of)
            said = state.facts.get(decide.STATED)
            last = [i for i in (said if isinstance(said, list) else []) if i in default_policies().benefits] + \
                [i for i in last if i not in (said or [])]
        ids = [i for i in last if i not in {r.benefit.id for r in shown}]
        more = evaluate(decide.profile_of(state), state.place, as_of=as_of, benefit_ids=ids).results if ids else []
        more = sorted(more, key=lambda r: ids.index(r.benefit.id))
        if corrected or hypo or added:   # ("要是我们还不是就业扶贫基地呢": the 爱心单位 said before, a no in that case)
            # (a no by what this message said: not one that was a no before, "已超过申请期限" after a fare corrected)
            was_no = set()
            if decision.before is not None:
                was = State(place=state.place, facts=decision.before)
                was_no = {r.benefit.id for r in evaluate(decide.profile_of(was), state.place, as_of=as_of,
                                                         benefit_ids=ids).results if r.status == INELIGIBLE} if ids else set()
            now_no = [r for r in more if r.status == INELIGIBLE and r.benefit.id not in was_no]
        shown = shown + [r for r in more if r not in now_no]
        if (corrected or hypo) and len(shown) > MAX_CARDS:
            # (a what-if too: "那要是签一年合同的脱贫户招了8个呢…这钱啥时候去哪报" keeps the rent said before, not a
            # card the last answer did not have)
            # (what the last answer stated, as it stands now, before one it did not: "那3个签的不是半年 是两年的合同"
            # keeps the rent card of the answer before)
            # (not before what the message itself asks: "要是他不念了，出去参加个技能培训，能补多少")
            shown = sorted(shown, key=lambda r: 0 if _spoken_of(r, text) else 1 if r.benefit.id in last else 2)
        if again:               # ("不是应届的": the word corrected names the one it changes: first)
            # (before the screen's room is cut: "小妹是去年六月毕业的…那个一千五还有没有" after her brother's school cards)
            shown = sorted(shown, key=lambda r: r.benefit.id not in again)
        shown = shown[:max(MAX_CARDS, len(shown) - len(more))]
    elif others and corrected and state.last_benefits:
        # "说错了，大娃今年都26了…那他还能享受不？要是他不念了…技能培训能补多少": what the last answer stated that the fact
        # corrected now rules out, said first; then the other question's answer
        ids = [i for i in state.last_benefits if i not in {r.benefit.id for r in shown}]
        said = decision.said or set()
        now_no = [r for r in (evaluate(decide.profile_of(state), state.place, as_of=as_of, benefit_ids=ids).results
                              if ids else [])
                  if r.status == INELIGIBLE and any(set(o.facts) & said for o in r.failed)]
    if shown and all(r.status == INELIGIBLE for r in shown) and state.role in ("worker", "proxy") and \
            not corrected and not hypo:
        # every card a no ("岗位技能提升培训 学了10天 她有生活费没得"): the money of the same course that fits, after them
        near = {t for r in shown for t in _NEIGHBOUR_TOPICS.get(r.benefit.topic, ())}
        fits = [r for r in (evaluate(decide.profile_of(state), state.place, as_of=as_of, topics=near).results
                            if near and state.place else [])
                if r.status == ELIGIBLE and r.benefit.id not in {x.benefit.id for x in shown}]
        shown = shown + fits[:1]
    if corrected and state.role == "employer" and not others and state.place and state.last_benefits and \
            any(decide.named_in(r, text) >= 20 for r in shown):
        # "说错了 五月那俩…签的是两年的合同 不是半年 那岗位补贴是不是多了": the one asked first, then the last answer's
        # headline as it stands now when the correction keeps it (the unit hears that its other money holds)
        gone = {r.benefit.id for r in shown + now_no}
        head = [i for i in state.last_benefits[:1] if i not in gone]
        kept = [r for r in evaluate(decide.profile_of(state), state.place, as_of=as_of, benefit_ids=head).results
                if r.status == ELIGIBLE] if head else []
        shown = shown[:MAX_CARDS - len(kept)] + kept
    before = list(state.last_benefits or [])
    if len(before) >= 2 and nz.COMBINE_Q.search(text or "") and nz.THESE_TWO.search(text or "") and \
            not {r.benefit.id for r in shown} >= set(before[:2]) and \
            sum(1 for r in shown if decide.named_in(r, text) >= 6) < 2:
        # (not when the message names the two: "还有那个岗位补贴跟社保补贴 这两个能一起拿不")
        # "这两个补贴能一起拿吗": the two the last answer stated come first, with their rule, then what else was asked
        pair = evaluate(decide.profile_of(state), state.place, as_of=as_of, benefit_ids=before[:2]).results
        shown = pair + [r for r in shown if r.benefit.id not in before[:2]][:max(1, MAX_CARDS - len(pair))]
    if nz.BEYOND_ASKED.search(text or ""):
        # "后头那2个月还有补贴不": the months past the longest period are the question, and they get nothing
        shown = [_beyond_the_longest(r, text) for r in shown]
    flat = re.sub(r"\s+", "", text or "")
    if nz.MOST_OVER_YEARS.search(flat):
        state.facts[YEARS_TOTAL_ASKED] = True
    elif not nz.CORRECTION.search(flat):
        state.facts.pop(YEARS_TOTAL_ASKED, None)
    over_years = bool(state.facts.get(YEARS_TOTAL_ASKED))
    shown = [_per_quarter(_not_for_the_trip(_part_asked(_beyond_the_years(r, text, over_years), text, state), text, state),
                          text) for r in shown]
    # "那要是再招5个脱贫户呢" (社区工厂, 11 new hires): the 基地's award it may choose instead, once recognised as one
    shown = shown + decide.choice_of_other_kind(state, shown, as_of)[:1]
    state.last_benefits = [r.benefit.id for r in now_no + shown]
    _remember_stated(state)
    state.pending_fact = None
    ended_here = discontinued_lines(shown, ev, text)
    ended_here = [(f"要是这样，{r.benefit.name}不符合：" if hypo else
                   f"按您补充的情况，{r.benefit.name}不符合：" if added else f"按您改的情况，{r.benefit.name}不符合了：") +
                  f"{'；'.join(r.reasons[:1]) or '不符合条件'}"
                  f"（{citation(r.benefit)}）" for r in now_no] + ended_here
    # the answer first (a small screen shows the first lines): the cards, then what was understood, the validity,
    # and at most one question about the fact that decides the most
    left_out: list = []
    shown = shown + _kind_weighed(state, shown, text, as_of)
    combine = combine_line(shown, text, before, left_out, place=state.place)
    if left_out:
        # asked for on top of the one the last answer stated ("社区工厂那边每人1000的岗位补贴能不能也一起申请"), and only
        # one may be had: the one worth less, asked for now, is the "不能" of the answer (asked of both in one message,
        # "车间的补贴和基地的奖补能一起拿不", each stays open as the choice it is)
        best = next((r for r in shown if r.benefit.id not in left_out and r.status != INELIGIBLE and
                     r.benefit.id in before and any(p[0] in left_out for p in r.partners)), None)
        if best is not None and not set(left_out) & set(before):
            shown = [dataclasses.replace(r, status=INELIGIBLE, reasons=[f"与{best.benefit.name}不能同时享受，"
                                                                        f"按您说的情况选{best.benefit.name}更多"])
                     if r.benefit.id in left_out else r for r in shown]
    if nz.KEPT_ON.search(text or "") and any(r.benefit.topic != "internship" for r in shown) and \
            not (len(nz.GROUP_BY_ITS_MONTHS.findall(text or "")) >= 2 and "见习" in (text or "")) and \
            not _INTERNSHIP_MONEY_ASKED.search(text or ""):
        # (not when the interns' own months are put right in the same message: "见习4个月的是2个，见习8个月的是3个。
        # 然后这8个月的3个人见习完我们都留下了": their subsidy, then the hires')
        # interns kept on with a contract: the unit's money for hiring them, not the internship's again
        shown = [r for r in shown if r.benefit.topic != "internship"]
        state.last_benefits = [r.benefit.id for r in now_no + shown]
    asked_if, shown = _condition_asked(shown, text, ev)
    if asked_if:
        ended_here = [asked_if] + ended_here
    again: list[str] = []
    if decision.again_days:
        # the course to come, beside the one had: a once-a-year allowance is not had again this year (said after the
        # cards of the course had)
        for r in shown:
            lim = next((x for x in r.benefit.limits if x.once_per == "year"), None)
            if lim is not None and r.status != INELIGIBLE:
                again.append(f"再去的那期（{fmt_money(decision.again_days).removesuffix('元')}天）：{r.benefit.name}"
                                  f"{lim.text.rstrip('。')}，今年不能再领（{citation(r.benefit)}）。")
                break
    if persons:                 # (what the persons' own facts decide is theirs: "城镇公益性岗位" for two on village posts)
        from .persons import settle_cards
        shown = settle_cards(shown, persons, state.place, as_of)
    total = benefits_total(shown, text)
    each, each_results = person_lines(persons or [], shown, state, as_of, text)
    # (each person's own, said in their lines, is of the last answer too: "大娃今年都26了…那他还能享受不")
    state.last_benefits += [i for i in dict.fromkeys(r.benefit.id for r in each_results) if i not in state.last_benefits]
    for r in shown:             # "还有2个…只签了半年的合同…这俩能算不": those added are not counted, and why
        if r.benefit.id in decision.added_short and r.status != INELIGIBLE:
            why, who = decision.added_short[r.benefit.id]
            no = dataclasses.replace(r, status=INELIGIBLE, reasons=[why])
            each.append(f"{who}，不算：{r.benefit.name}{why}（{citation(r.benefit)}）。")
            each_results.append(no)
    decision.stated = each_results + now_no + shown
    parts = ended_here + each + ([combine] if combine else []) + ([total] if total else []) + \
        [_about(short_card(r, state.role, as_of, state.facts), text) for r in shown] + again + asked_notes(shown, text)
    if lacking and shown and all(r.status == INELIGIBLE for r in shown):
        parts.insert(0, lacking)    # nothing shown is theirs: that the text has none comes first
    elif lacking:
        parts.append(lacking)
    hidden = len([r for r in ordered if r not in shown])
    if hidden:
        parts.append(f"另有{hidden}项相关补贴，回复“还能领啥”查看。")
    parts += also_in_text(ev, text)
    line = known_line(state)
    if line:
        parts.append(line)
    parts.append(validity_footer(shown, as_of, state.facts))
    # no question beside a complete answer: the card gives the rate and what it depends on ("每人每月800元×在岗月数",
    # "还要看：…"); the user who wants the sum says the number, and it is read whenever it comes
    nxt = decide.next_question(state, ev, focus=1) if ASK_BESIDE_ANSWER else None
    if nxt:
        parts.append(ask_for(state, nxt).text)
    return [Reply("\n\n".join(parts), buttons=buttons())]


def _remember_stated(state: State) -> None:
    """The benefits stated so far in the conversation (the last answer's last), at most 8."""
    said = state.facts.get(decide.STATED)
    said = [i for i in (said if isinstance(said, list) else []) if i not in state.last_benefits]
    state.facts[decide.STATED] = (said + list(state.last_benefits))[-8:]


def _remember_answered(state: State, results: list) -> None:
    """The benefits a where-or-papers answer was about, kept as stated in the conversation ("那我老婆呢…这两样她能领不"
    after "那跨省那个交通补助呢…要带啥去办")."""
    ids = [r.benefit.id for r in results]
    said = state.facts.get(decide.STATED)
    said = [i for i in (said if isinstance(said, list) else []) if i not in ids]
    if ids:
        state.facts[decide.STATED] = (said + ids)[-8:]


def _spoken_of_first(results: list, text: str) -> list:
    """The list's benefits the message speaks of ("小女子…想找个单位见习", "老公想学厨师") first; otherwise the order
    stands."""
    return sorted(results, key=lambda r: not _spoken_of(r, text))


def _spoken_of(r, text: str) -> bool:
    """The message speaks of this benefit: a question's words name its topic, or its own words are said."""
    cat = default_catalogue()
    w = cat.benefit_words.get(r.benefit.id)
    # ("劳务公司讲它能领两百块 是真的不": the money of the agency that placed them)
    return r.benefit.topic in {t for q in cat.questions_named_all(text or "") for t in cat.questions[q].topics} or \
        bool(w is not None and w.search(text or "")) or \
        (r.benefit.payee == "hr_agency" and bool(nz.AGENCY_PAID.search(re.sub(r"\s+", "", text or ""))))


def _condition_asked(shown: list, text: str, ev: Evaluation) -> tuple[str, list]:
    """"学员是不是必须考到证了才能拿这个补贴": whether the text makes it a condition of the benefit answered first. The
    condition and its clause when it does; when it does not, that the text does not say, whom to ask, and the benefit
    open on it (a clerk with the document open cannot say more)."""
    from policies.conditions import _cond_facts

    asked = nz.conditions_asked(text)
    if not asked or not shown:
        return "", shown
    r = shown[0]
    for facts, words in asked:
        for c in r.benefit.eligibility:
            if set(_cond_facts(c)) & set(facts):
                note = getattr(c, "note", None) or words
                return f"要。{r.benefit.name}：{note}（{citation(r.benefit)}）", shown
    words = "、".join(w for _, w in asked)
    offices = "、".join(dict.fromkeys(d.contact_office for d in ev.documents)) or "当地人社部门"
    why = f"文件没写须{words}"
    line = f"{r.benefit.name}：{why}才能领，是否有这个要求请向{offices}确认（电话12333）。"
    if r.status == ELIGIBLE:
        r = dataclasses.replace(r, status=UNKNOWN, reasons=[why])
    return line, [r] + shown[1:]


def _sources(facts) -> set:
    """The facts and the facts they are derived from (poor_staff_one_third: staff_total, hired_poor_count)."""
    from policies.profile import _DERIVATIONS
    out, todo = set(), list(facts or [])
    while todo:
        f = todo.pop()
        if f not in out:
            out.add(f)
            todo += list(_DERIVATIONS.get(f, ((),))[0])
    return out


def what_can_i_get(state: State, ev: Evaluation, as_of: dt.date, decision: Decision,
                   text: str = "", persons: list | None = None) -> list[Reply]:
    # ("社保能不能返五年": a yearly amount asked for more years than its limit)
    ev = dataclasses.replace(ev, results=[_beyond_the_years(r, text) for r in ev.results])
    poss = decide.possible(ev, state)
    if nz.NOT_KEPT.search(re.sub(r"\s+", "", text or "")):
        # ("那要是见习完了单位不要她 她还能领啥"): a post the text places such people in, first among what fits
        poss = sorted(poss, key=lambda r: not (r.benefit.topic == "public_welfare_post" and r.status == ELIGIBLE))
    # a benefit the message names ("能拿那个一个人1000元的奖励吗") is answered first, with its status and why not;
    # "为啥一个补贴都申请不下来" asks why not: the benefits that fit the situation but fail a condition come first
    # a benefit named as had already ("有3个今年已经领过求职补贴了") is history, not what is asked
    asked_words = re.sub(f"(?:{nz.HAD_BEFORE.pattern})[^，。,；;？?]{{0,10}}", "", text or "")
    named = [r for r in ev.results if decide.named_in(r, asked_words) >= 20][:2]
    by_amount = {b.id for b in decide.benefits_by_amount(text, state.place)} if state.facts.get(decide.PERSONS_SAID) else set()
    if not named and len(by_amount) == 1:
        # ("村里说一家只能领一份3000，俺家俩孩子是不是只能领一个" after a household message: the one its amount names)
        named = [r for r in ev.results if r.benefit.id in by_amount and r.status != INELIGIBLE]
    if decision.before is not None and state.last_benefits and \
            (nz.CORRECTION.search(text or "") or nz.SUPPLEMENT.search(text or "")):
        # "对了 俺2016年…也办过个体执照…这个影响不": what the last answer stated that the fact said now rules out, first
        pol = default_policies().benefits
        ids = [i for i in state.last_benefits if i in pol]
        was_no = {r.benefit.id for r in evaluate(decide.profile_of(State(place=state.place, facts=decision.before)),
                                                 state.place, as_of=as_of, benefit_ids=ids).results
                  if r.status == INELIGIBLE} if ids else set()
        changed = [r for r in ev.results if r.benefit.id in ids and r.status == INELIGIBLE and r.benefit.id not in was_no]
        named = changed[:2] + [r for r in named if r not in changed][:max(0, 2 - len(changed))]
    if WHY_NOT.search(text or ""):
        named += [r for r in decide.why_not(ev, state) if r not in named][:3 - len(named)]
    # a thing the document mentions that is no benefit in the data ("医保个人缴费有补助，是真的吗"), asked about and not
    # "还能领啥": what the text says of it and whom to ask, not a list of other benefits
    said = also_in_text(ev, text) if not named and not WHAT_ELSE.search(text or "") and \
        nz.QUESTION_WORDS.search(text or "") else []
    # a benefit with money that fits what the person said ("去广东一家家政公司上班了，路上花了300") is still the answer:
    # what the text says of the thing named comes first, above the list, not in place of it
    theirs_money = [r for r in poss if r.benefit.kind != "free_service" and r.status != INELIGIBLE and
                    decide.fits(r, state) and any(o.facts and o.facts[0] in state.facts and
                                                  o.facts[0] not in default_catalogue().target_group_facts
                                                  for o in r.met)]     # besides who they are
    if said and not theirs_money:
        offices = "、".join(dict.fromkeys(d.contact_office for d in ev.documents))
        lines = said + [f"文件没有写具体金额和办法，请向{offices}问清楚（电话12333）。"]
        if known_line(state):
            lines.append(known_line(state))
        lines += [validity_line(d, as_of) for d in ev.documents]
        state.last_benefits = []
        state.pending_fact = None
        return [Reply("\n".join(lines), buttons=buttons(NEXT_STEPS[2:]))]
    lines = list(said)
    # several people in the message ("儿子三月去西安…女子八月去浙江…他俩各能领啥"): each one's own, first, with why
    # not where their own words rule a benefit out; the cards and the list below hold what is said of all of them
    each, per_person = _each_persons_own(persons or [], state, as_of, text)
    if each:
        theirs_ids = {r.benefit.id for r in per_person}
        named = [r for r in named if r.benefit.id not in theirs_ids]
        poss = [r for r in poss if r.benefit.id not in theirs_ids][:3]
        lines += each
    for r in named:
        lines.append(short_card(r, state.role, as_of, state.facts))
    # ("小女子…大专刚毕业，想找个单位见习"): a unit's money for what the message speaks of is in the list too, said as the
    # unit's (见习补贴 goes to the 见习单位)
    # (and an internship the person meets every condition of, "儿子去年大学毕业，到现在还没找到工作": the unit is paid for
    # taking them on as an intern)
    units = [r for r in ev.results if r.status != INELIGIBLE and not personal(r) and r not in poss and r not in named and
             r.benefit.kind != "loan" and (_spoken_of(r, text) or (r.benefit.payee == "intern_unit" and
                                                                   r.status == ELIGIBLE))] \
        if state.topic == "ask_what_can_i_get" else []
    # (an internship they meet every condition of goes with what fits them, before what does not)
    fit_units = [r for r in units if not _spoken_of(r, text)]
    poss = [r for r in poss if r not in named]
    at = next((i for i, r in enumerate(poss) if not (r.status == ELIGIBLE and decide.fits(r, state)) or
               r.benefit.kind == "free_service"), len(poss))
    poss = _spoken_of_first(poss[:at] + fit_units[:1] + poss[at:] + [r for r in units if r not in fit_units][:2], text)
    if not poss and not named and state.role == "employer":
        # "社保无交，这样有无补贴给我们合作社": the unit's own benefits it fails, each with why
        named = [r for r in decide.why_not(ev, state)][:3]
    if not poss and not named and not each:
        return [Reply("按您说的情况，暂时没有符合的补贴。情况有变可以再告诉我，或问当地镇劳动保障事务所（12333）。")]
    if poss:
        lines.append("您可能能领这些（✓符合 ?还要确认）：" if not named and not each else "其他可能能领的（✓符合 ?还要确认）：")
    for i, r in enumerate(poss[:8], 1):
        mark = "✓" if r.status == "eligible" and decide.fits(r, state) else "?"
        lines.append(f"{i}. {mark}{r.benefit.name}：{amount_line(r)}，{payee_text(r.benefit, state.role)}")
    if len(poss) > 8:
        lines.append(f"……共{len(poss)}项")
    # what fits the situation but fails a condition ("签的半年合同": 求职补贴 needs a year): said with the reason, so
    # the one benefit the person had in mind is not silently left out
    own = (lambda r: not personal(r)) if state.role == "employer" else personal

    # (and one that fails only on where they work, "在村里的就业扶贫车间上班": no transport subsidy for a job at home)
    failing = [r for r in decide.why_not(ev, state) if r not in named and own(r) and
               (decide.failed_on_length(r) or
                state.role != "employer" and r.benefit.kind != "free_service" and r.failed and
                all(o.facts == ["work_scope"] for o in r.failed))][:2]
    if failing:
        lines.append("按您说的情况不符合的：")
        for r in failing:
            change = what_would_change(r, state.facts)
            lines.append(f"· ✗{r.benefit.name}：{'；'.join(r.reasons[:1]) or '不符合条件'}" + (f"（{change}）" if change else ""))
    # a correction that turns one the last answer stated into a no ("厂里一共是18个工人": 5 of 18 is under a third):
    # that no first, with why
    flipped = [r for r in ev.results if r.benefit.id in (state.last_benefits or []) and r.status == INELIGIBLE and
               r not in failing and r not in named and r.failed and
               all(_sources(o.facts) & set(decision.said or ()) for o in r.failed) and
               # (not one of another kind of unit: "厂里一共是18个工人" says the 厂 again, not a new kind)
               not any("employer_type" in o.facts for o in r.failed)] \
        if nz.CORRECTION.search(text or "") else []
    # ("她说不是建档立卡，就是低保" after the loan of 建档立卡 people was stated: that no again, with why)
    flipped = flipped or [r for r in ev.results if r.benefit.id in decision.pointed_first and r.status == INELIGIBLE and
                          r not in failing and r not in named]
    if flipped:
        block = ["按改后的情况，这些不符合了：" if nz.CORRECTION.search(text or "") else "按您说的情况，这项不符合："]
        for r in flipped[:2]:
            block.append(f"· ✗{r.benefit.name}：{'；'.join(r.reasons[:1]) or '不符合条件'}")
        lines[:0] = block
        failing = flipped[:2] + failing
    theirs = decide.employer_side(ev, state, text=text) if state.role != "employer" else []
    if not theirs and state.role != "employer" and UNIT_MONEY.search(text or ""):
        # "他问长沙这个厂能拿啥" of a job 7 months old: the unit's money it does not get yet, and when it would
        theirs = [r for r in decide.employer_side(ev, state, limit=3, text=text, failing=True)
                  if decide.failed_on_length(r)][:2]
    unit_first = bool(theirs and UNIT_MONEY.search(text or ""))     # "厂子是不是能拿钱": asked first, said first
    if theirs:                  # what the employer receives for taking the person on: theirs, said plainly
        block = ["单位能领的（钱发给单位，不是发给" + ("劳动者" if state.role == "proxy" else "您") + "个人）："]
        for r in theirs:
            if r.status == INELIGIBLE:
                change = what_would_change(r, state.facts)
                block.append(f"· ✗{r.benefit.name}：{amount_line(r)}，钱发给{r.benefit.payee_label}；"
                             f"{'；'.join(r.reasons[:1]) or '不符合条件'}" + (f"（{change}）" if change else ""))
                continue
            mark = "✓" if r.status == "eligible" else "?"
            block.append(f"· {mark}{r.benefit.name}：{amount_line(r)}，钱发给{r.benefit.payee_label}")
        if unit_first:
            lines[:0] = block
        else:
            lines += block
    if not said:                # "想在村里的扶贫车间做事，她有啥补贴": what the text says of the thing named besides
        lines += also_in_text(ev, text, limit=3, by_words=True)
    lines.append("想细问哪项，直接说名字，比如“交通补助”。")
    if known_line(state):       # what was understood, after the answer (a small screen shows the first lines)
        lines.append(known_line(state))
    lines.append(validity_footer(named + poss + theirs + per_person, as_of, state.facts))
    state.last_benefits = list(dict.fromkeys([r.benefit.id for r in per_person if r.status != INELIGIBLE] +
                                             [r.benefit.id for r in named + poss[:8]]))
    decision.stated = (named + theirs + poss[:8] + failing) if unit_first else (named + poss[:8] + failing + theirs)
    # each person's own, for the status the list could not give them all ("闺女：✓技工教育补助")
    decision.stated = [r for r in per_person] + [r for r in decision.stated
                                                 if r.benefit.id not in {x.benefit.id for x in per_person}]
    state.pending_fact = None
    return [Reply("\n".join(lines), buttons=buttons(NEXT_STEPS[:2]))]


def _names_the_money(text: str, topic: str, money: list) -> bool:
    """The message names no other question than the one answered ("咯个钱么子时候到账…培训费要我们自己出么" after the
    training money: the same)."""
    cat = default_catalogue()
    q = cat.questions.get(cat.question_named_in(text or "") or "")
    return q is None or q.intent == topic or any(b.topic in q.topics for b in money)


def _each_persons_own(persons: list, state: State, as_of: dt.date, text: str = "") -> tuple[list[str], list]:
    """"分开说：" and a line for each person with the benefits their own words point at (✓/?), and those their own
    words rule out (✗ with why); and the results behind the lines. Asked for the sum ("俺俩一共能拿多少钱"), the sum of
    the definite amounts they meet comes first ("2人合计：960元（您500元+460元）")."""
    from .persons import evaluate_persons

    lines, results, sums = [], [], []
    for p, rs in evaluate_persons(persons, state.place, [], as_of, role=state.role, failing=True):
        got = [r.amount.value for r in rs if r.status == ELIGIBLE and r.amount.value and not r.amount.range]
        if got:
            sums.append((p.label, got))
        if not rs:
            continue
        parts = []
        for r in rs:
            if r.status == INELIGIBLE:
                parts.append(f"✗{r.benefit.name}（{'；'.join(r.reasons[:1]) or '不符合条件'}）")
            else:
                # (what is still open for them: "?职业介绍补贴：200元…（还要看：被介绍人须实现就业1年以上）")
                notes = [_cond_text(o, default_policies()) for o in r.unknown] if r.status != "eligible" else []
                parts.append(f"{'✓' if r.status == 'eligible' else '?'}{r.benefit.name}：{amount_line(r)}，"
                             f"{person_payee(r.benefit, p.label, state.role)}" +
                             (f"（还要看：{notes[0]}）" if notes and notes[0] else ""))
        results += rs
        lines.append(f"{p.label}：" + "；".join(parts))
    if lines and sums and nz.TOTAL_ASKED.search(re.sub(r"\s+", "", text or "")):
        total = sum(v for _label, got in sums for v in got)
        lines.insert(0, f"{len(persons)}人合计：{fmt_money(total)}（" + "；".join(
            f"{label}{'+'.join(fmt_money(v) for v in got)}" for label, got in sums) + "）")
    return (["分开说："] + lines if lines else []), results


# the topic whose money a no of another is near ("有生活费没得" for a 岗位技能提升培训: its training subsidy)
_NEIGHBOUR_TOPICS = {"training_allowance": ("skills_training",)}
# whether there is a training to take ("有没有教开网店的培训", "有冇得培训", "有没有教的")
_TRAINING_ASKED = re.compile(r"(?:有没有|有冇得?|有没得|有无|有木有)[^，。,；;？?]{0,12}?(?:培训|教的|学的|教[^，。,；;？?]{0,6}的)")
# the persons a follow-up turns to (policies/normalize.py: the vocabulary's words for them)
_SWITCH, _FIRST_NAMED, _SWITCH_BARE = nz.PERSON_SWITCH, nz.PERSON_ASKED_FIRST, nz.PERSON_NAMED_ALONE
# another person asked of by the same question, no other question said ("那他姐呢 上个月底进了县上的社区工厂…")
_SWITCH_ALONE_ASKED = re.compile(rf"^\s*(?:那|还有|那么)\s*(?:我|俺|额|咱|他|她)?(?:家|屋里)?(?:的)?(?:{nz.RELATIVES}|{nz.KIN_MORE})\s*"
                                 r"(?:呢|咋样|怎么样|咋说)(?![^？?]*(?:多少|好多|啥|什么|么子|能不能|能.{0,6}不|吗|么|享受|有没有|得到不|资助|补助|补贴))")
# another person said to be in the same case, asked whether they get it too ("我弟也是这情况…他能拿不")
_SAME_CASE = re.compile(r"(?:也是|也)(?:这|一样的?)(?:个)?(?:情况|样)[^？?]*(?:能拿|能领|能不能|可以拿|可以领|有没有|有份)")
# the two benefits asked about before, asked of another ("这两样她能领不")
_THESE_TWO = re.compile(r"(?:这|那)(?:两|俩)(?:样|项|个|种|笔)(?:补贴|补助|钱)?")
# the money just answered, asked of another ("也有这个钱不", "这个补贴她能拿不")
_SAME_MONEY = re.compile(r"(?:也|还)?(?:有|能拿|能领|能得)(?:这个|这笔|那个)(?:钱|补贴|补助)|"
                         r"(?:这个|这笔)(?:钱|补贴|补助)(?:他|她)?(?:也|还)?(?:有|能|给|可以)")
_SELF_SWITCH, _CALLER_SWITCH = nz.SELF_AGAIN, nz.CALLER_AGAIN
# what holds for the household, not for one person of it
_HOUSEHOLD = frozenset({"category", "not_category", "category_exhaustive", "home_province"})
# a job's facts, the same for one who went along to it ("他弟弟跟他一块去的，同一个厂")
_JOB_FACTS = frozenset({"employed", "months_since_employment", "months_employed", "employer_type"})
# a job's terms, the same for one who says so ("合同社保跟我一样")
_TERMS_FACTS = frozenset({"labor_contract_signed", "contract_months", "insurance_paid"})
# a course's facts, the same for one who went along to it ("他跟我一起去学")
_TRAINING_FACTS = frozenset({"training_type", "training_days", "training_hours", "training_months", "training_standard"})
# a business's facts, the same for one who joins it ("他想跟我一起弄")


def _switch_label(text: str) -> str | None:
    """The person a message starts with, as the asker named them ("那我哥呢" → 您哥, "他弟弟也想问" → 他弟弟)."""
    who = _SWITCH.match(text or "") or _FIRST_NAMED.match(text or "")
    return (("您" if who.group(1) in "我俺额咱" else who.group(1)) + who.group(2)) if who else None


def _caller_by_pronoun(state: State, text: str) -> bool:
    """"她说介绍她那个就业服务公司也要拿她的名字报…跟她自己那个求职补贴能一起拿吗" after "她问那她老公呢": the caller
    again, by a pronoun that cannot be the relative asked for last."""
    label = state.facts.get(decide.ASKED_FOR)
    if not isinstance(label, str) or label in ("first", "self") or not _was_asked_for(state, "first"):
        return False
    kin = label[1:]
    return bool(nz.HE_KIN.search(kin) and re.search(r"她(?:自己|本人|自个)", text or "") or
                nz.SHE_KIN.search(kin) and re.search(r"他(?:自己|本人|自个)", text or ""))


def _was_asked_for(state: State, label: str) -> bool:
    people = state.facts.get(decide.PEOPLE)
    return isinstance(people, dict) and isinstance(people.get(label), dict) and state.facts.get(decide.ASKED_FOR) != label


# both persons asked about ("他俩的都要带啥", "两个人的")
_BOTH_ASKED = re.compile(r"(?:他|她)(?:们)?俩|(?:他|她)们(?:两个|二人)|两个人的|俩人的|两人的|他们两|她们两")


def _others_own(state: State, as_of: dt.date) -> list:
    """The money of their own the other persons asked about before have, by what was said of each (Profile of their
    facts): what they meet, in the order the topic shows it."""
    people = state.facts.get(decide.PEOPLE)
    now = state.facts.get(decide.ASKED_FOR)
    if not isinstance(people, dict) or not state.place:
        return []
    out = []
    for label, facts in people.items():
        if label == now or not isinstance(facts, dict) or not facts:
            continue
        other = dataclasses.replace(state, facts=dict(facts), asked=[], last_benefits=[])
        ev = evaluate(decide.profile_of(other), state.place, as_of=as_of)
        out += [r for r in decide.relevant(ev, other) if r.status == ELIGIBLE and personal(r) and
                r.benefit.kind != "free_service" and decide.fits(r, other)]
    return out


def _keep_person(state: State) -> dict:
    """Each person's facts said so far, by label, with the one asked about now kept under theirs (the asker "self"; the
    one an operator or a parent asked for first "first")."""
    people = state.facts.get(decide.PEOPLE)
    people = dict(people) if isinstance(people, dict) else {}
    now = state.facts.get(decide.ASKED_FOR)
    label = now if isinstance(now, str) and now else ("first" if state.role == "proxy" else "self")
    people[label] = {k: v for k, v in state.facts.items() if k not in (decide.PEOPLE, decide.ASKED_FOR, decide.PERSONS_SAID)}
    return people


# a unit saying it gave a course for free ("我们…给贫困劳动力免费办了两期"), and a question whether a course is free
_GAVE_FREE = re.compile(r"(?:我们|俺们|咱们)[^。？?]{0,20}?免费(?:办|开|培训|给|带)")
_FREE_ASKED = re.compile(r"要不要交|交不交|收不收|收费|是不是(?:必须)?免费|免费吗|免不免费|要(?:交|掏|花)钱|花不花钱|掏不掏钱")


# another unit than the one asking, named with its money asked ("县里一个扶贫车间想跟我们合作…车间能拿啥补贴")
_OTHER_UNIT_NAMED = re.compile(r"(?:县里|县上|村里|镇上|乡里|附近|隔壁|别的|另外|有)(?:有)?(?:一个|一家)"
                               r"(扶贫车间|帮扶车间|就业帮扶车间|社区工厂|合作社|企业|公司|厂子|工厂|基地)")
_ITS_MONEY = re.compile(r"(?:车间|工厂|厂子|厂里|公司|合作社|基地|企业|他们|人家)(?:能|可以|能够)(?:拿|领|得|享受)")


def _another_unit(state: State, text: str) -> bool:
    flat = re.sub(r"\s+", "", text or "")
    m = _OTHER_UNIT_NAMED.search(flat)
    return bool(state.role == "employer" and state.facts.get("employer_type") and m and
                _ITS_MONEY.search(flat, m.end()) and not re.search(r"(?:我们|俺们|咱们)(?:这|这个|的)?$", flat[:m.start()]))


def _switches_person(state: State, text: str, ex) -> bool:
    """A worker's follow-up about another person of the household that says that person's own facts (not one of
    those said before with their own case, "俺妈…俺爸…", then "那俺爸呢，也干满一年")."""
    labels = {g[1].get("kin") for g in state.facts.get("case_groups") or [] if isinstance(g[1], dict)}
    if labels & set(getattr(ex, "kin_named", None) or []):
        return False
    if _switch_label(text) == state.facts.get(decide.ASKED_FOR):
        return False            # ("来电人说她女儿今年23" after asking for her: the same one)
    if nz.PARTNERSHIP_SAID.search(text or "") and re.search(r"(?:跟|和|同)(?:我|俺|额)", text or "") and \
            re.search(r"贷", text or "") and not re.search(r"(?:他|她)(?:自己)?(?:能|可以)(?:拿|领|享受)", text or ""):
        # ("我表哥不是贫困户 他跟我合伙也能贷50万不": the asker's partner, in the asker's loan; not "她想跟我一起弄 她能拿啥
        # 补贴", her own)
        return False
    return bool(state.topic and state.role in (None, "worker", "proxy") and _SWITCH.match(text or "") and
                (ex.work_place or any(k not in _HOUSEHOLD for k in ex.facts) or nz.STAYS_HOME.search(text or "") or
                 # ("我老表不是建档立卡的…他有冇得那二十块一天": who they are, their own)
                 bool(ex.categories or ex.not_categories) or
                 # ("那我哥呢": nothing said of him yet; the asker's job is not his)
                 bool(_SWITCH_BARE.fullmatch(text or "")) or
                 # ("还有俺男人那个求职补贴…" after her own turn: the one she asked for first, back)
                 _first_named_again(state)))


def _first_named_again(state: State) -> bool:
    """The asker spoke of themself after asking for another first (the self-switch kept that one as "first"), and no
    one of the household was named by a label since: a relative named again is that first one."""
    people = state.facts.get(decide.PEOPLE)
    return state.role == "worker" and isinstance(people, dict) and isinstance(people.get("first"), dict) and \
        not any(k not in ("first", "self") for k in people)



def _agency_claims(state: State, text: str) -> None:
    """An agency that placed people asks whether they can also take a benefit of their own that is one of two with its
    own ("那签了一年合同的这15个人，自己还能再去领500块求职补贴不"): it claims its 职业介绍补贴 for them, so they cannot.
    Only for the benefit the message names; a list of what they get ("这8个人自己能领啥") keeps it, with the rule."""
    pol = default_policies()
    words = default_catalogue().benefit_words
    named = state.facts.get("employer_type") == "人力资源服务机构" and state.facts.get("referred_count") and any(
        b.payee == "worker" and words.get(bid) is not None and words[bid].search(text or "") and
        any(pol.benefits[o].payee == "hr_agency" for o, _s, _q in pol.exclusive_partners(bid))
        for bid, b in pol.benefits.items())
    if named:
        state.facts["agency_claims"] = True
    else:
        state.facts.pop("agency_claims", None)


# a what-if asked ("那要是下个月再招1个呢", "要是招2个呢"), and the facts it may change and give back after: a unit's
# counts, groups and times (not who a person is, where they work or a plan of their own)
_WHAT_IF = re.compile(r"要是|如果|假如|假设|万一|若是|等(?:到|那|这|他|她|明年|下个?月)")
_WHAT_IF_FACTS = _UNIT_COUNTS | frozenset({"students_count", "group_months", "counted_not", "contract_months",
                                          "months_employed", "months_since_employment", "internship_months",
                                          "training_months", "class_employment_rate", "class_placed_count",
                                          "certified_count", "startup_count"})


# the last what-if kept for the question asked now ("就按再招3个算", "按招了算的话")
_KEEP_WHAT_IF = re.compile(r"(?:就|都|还是)?按(?:照)?(?:刚才|上面|你说的)?(?:那样|这样|[^，。,；;？?]{1,10}?)(?:来)?算")


def _back_from_what_if(state: State) -> dict | None:
    """The facts the last what-if changed, as they were before it: a message after it speaks of things as they are.
    Returns that what-if's record (the facts as they were, and how many people it added)."""
    base = state.facts.pop(WHAT_IF_BASE, None)
    if not isinstance(base, dict) or not isinstance(base.get("facts"), dict):
        return None
    for k, v in base["facts"].items():
        if v is None:
            state.facts.pop(k, None)
        else:
            state.facts[k] = copy.deepcopy(v)
    return base


def _keep_what_if_base(state: State, before: dict | None, text: str, ex, intent: str | None) -> None:
    """A what-if of a unit's facts said ("那签半年那俩 下个月要是跟他俩续签成一年的呢"): what it changed, as it was."""
    if not before or not _WHAT_IF.search(text or "") or ex.correction or intent == "correct" or \
            isinstance(state.facts.get(WHAT_IF_BASE), dict):
        return
    changed = {k: copy.deepcopy(before.get(k)) for k in _WHAT_IF_FACTS
               if k in before or k in state.facts if state.facts.get(k) != before.get(k)}
    if changed and any(before.get(k) is not None for k in _WHAT_IF_FACTS):
        state.facts[WHAT_IF_BASE] = {"facts": changed, "more_people": float(getattr(ex, "more_people", 0) or 0)}


def new_caller(state: State, text) -> None:
    """An operator passing on the next caller ("现在这个大姐是…跟刚才那个不是一家"): a new conversation; nothing said of
    the one before is hers (the operator still speaks for someone)."""
    if isinstance(text, str) and (state.topic or state.place or state.facts) and nz.NEW_CALLER.search(text):
        role = state.role
        for k, v in dataclasses.asdict(State()).items():
            setattr(state, k, v)
        state.role = role


def policy_turn(state: State, intent: str | None, text: str, entities: list | None,
                as_of: dt.date | None = None) -> Turn:
    """A user message about benefits or facts → replies; updates state in place (and, asked "比刚才多多少", how much
    each amount changed since it was last stated)."""
    before = state.facts.get(decide.AMOUNTS_SAID)
    turn = _policy_turn_of(state, intent, text, entities, as_of)
    _amounts_changed(state, before if isinstance(before, dict) else {}, turn, text)
    _arrival(turn, text)
    return turn


def _arrival(turn: Turn, text) -> None:
    """Asked when the money comes or to which card ("那这钱啥时候到账 打到哪张卡上"): no text names a date or a card; the
    office that pays it says (after the answer, before the validity line)."""
    if not isinstance(text, str) or not nz.ARRIVAL_WHEN.search(text) or not turn.decision.stated or not turn.replies:
        return
    b = turn.decision.stated[0].benefit
    office = (b.apply.office if b.apply and b.apply.office else None) or b.document.contact_office
    turn.replies.insert(len(turn.replies) - 1 if len(turn.replies) > 1 else 1,
                        Reply(f"到账时间和打到哪张卡，文件没有写，办的时候问{office}。"))


def _group_said_here(text: str, m) -> bool:
    """"脱贫户10个，这10个里8个签的一年合同": the group some are of is said in this same message, before them (the
    message's own facts, no group said before)."""
    n = re.match(r"(?:那|这)\s*([0-9一二两三四五六七八九十]+)\s*个", m.group(0))
    return bool(n and re.search(rf"(?<![0-9一二两三四五六七八九十]){n.group(1)}\s*(?:个|名|位)", text[:m.start()]))


def _amounts_changed(state: State, before: dict, turn: Turn, text) -> None:
    """Keep each amount stated; when the message asks how much it changed ("那一共多少，比刚才多多少？" after a count was
    corrected), the change of each amount stated before comes first."""
    now = {r.benefit.id: r.amount.value for r in turn.decision.stated
           if r.status == ELIGIBLE and r.amount is not None and isinstance(r.amount.value, (int, float))}
    if not now:
        return
    asked = nz.CHANGE_ASKED.search(text) if isinstance(text, str) else None
    if asked:
        # ("比现在多多少" of a what-if: now, and then)
        then, was_word = ("现在", "到时") if "现在" in asked.group(0) else ("刚才", "现在")
        lines = []
        for bid, v in now.items():
            was = before.get(bid)
            if isinstance(was, (int, float)) and was != v:
                name = default_policies().benefits[bid].name
                lines.append(f"{name}比{then}{'多' if v > was else '少'}{fmt_money(abs(v - was))}"
                             f"（{then}{fmt_money(was)}，{was_word}{fmt_money(v)}）")
        if lines:
            turn.replies.insert(0, Reply("；".join(lines) + "。"))
    state.facts[decide.AMOUNTS_SAID] = dict(before, **now)


def _policy_turn_of(state: State, intent: str | None, text: str, entities: list | None,
                    as_of: dt.date | None = None) -> Turn:
    new_caller(state, text)
    if intent in (None, "nlu_fallback", "inform") and state.topic and state.place and isinstance(text, str) and \
            nz.PAPERS_QUESTION.search(text) and not nz.AMOUNT_OR_WHEN.search(text) and \
            not re.search(r"哪|啥时候|什么时候|之前|多会|(?:帮|替)(?:我|俺)|我人在|(?:我|俺)自己", text):
        # "那俺去镇上替他俩办中不中…都要拿些啥" not understood by the NLU: the papers of what was answered
        # (not beside where and when, "啥时候之前报，去哪报，要准备啥", nor the asker's own again, "我人在昆山…要带啥 能叫我
        # 媳妇帮我去交不": the turn's own answer says those)
        return documents_turn(state, text, entities, as_of)
    # ("就按再招3个算": the what-if said last stands for this question, as said; nothing more is added)
    kept = bool(isinstance(text, str) and _KEEP_WHAT_IF.search(text) and isinstance(state.facts.get(WHAT_IF_BASE), dict))
    was_what_if = None if kept else _back_from_what_if(state)
    if state.role == "employer" and state.topic and state.topic != "ask_what_can_i_get" and \
            isinstance(text, str) and nz.ANOTHER_UNIT.search(text):
        other = dataclasses.replace(state, facts=copy.deepcopy(state.facts), asked=list(state.asked or []),
                                    last_benefits=list(state.last_benefits or []))
        turn = _policy_turn(other, state.topic, text, entities, as_of)
        # (what he said is his: not "好的，…改为…" of the unit's facts)
        return Turn([r for r in turn.replies if not r.text.startswith("好的，")], turn.decision)
    if state.role == "employer" and state.topic and isinstance(text, str) and nz.OUR_OTHER_UNIT.search(text):
        # "我们老板在保靖县另外注册了一家加工厂…那个厂招了4个…这个厂能拿多少": that unit's own people, in its own place; the
        # first unit's facts stay
        return _other_unit_turn(state, text, entities, as_of)
    own = _group_takes_its_own(state, text, as_of)
    if own is not None:
        return own
    from_elsewhere = _from_elsewhere(state, text, entities, as_of)
    not_poor = None if from_elsewhere is not None else _not_poor_asked(state, text, entities, as_of)
    rest = _ANOTHER_QUESTION.search(text) if not_poor is not None and isinstance(text, str) else None
    if not_poor is not None and rest and _ASKING.search(text[rest.start():]):
        # "那为啥那四个不是脱贫户的不给？…另外培训完三个月内…我们学校的培训补贴按啥标准算": the why-not, then the other
        # question with the facts it says
        more = _policy_turn(state, None, text[rest.start():], entities, as_of)
        said = {r.benefit.id for r in not_poor.decision.stated}
        not_poor.decision.stated += [r for r in more.decision.stated if r.benefit.id not in said]
        return Turn(not_poor.replies + more.replies, not_poor.decision)
    elsewhere = from_elsewhere or not_poor or \
        _counted_out_asked(state, text, as_of) or _time_group_turn(state, text, entities, as_of)
    if elsewhere is not None:
        return elsewhere
    if state.role == "employer" and state.topic and state.topic != "ask_what_can_i_get" and \
            isinstance(text, str) and nz.SOME_OF_COUNTED.search(text) and nz.COUNTED_ASKED.search(text) and \
            nz.TIME_OF_SOME.search(text[nz.SOME_OF_COUNTED.search(text).start():]) and not nz.HAD_BEFORE.search(text) and \
            not nz.CORRECTION.search(text) and not _group_said_here(text, nz.SOME_OF_COUNTED.search(text)) and \
            not _SOME_NOT_POOR.search(text) and not nz.ANOTHER_CLASS.search(text):
        # (not of another class the school tells of, its own people: "还有一个SYB创业培训班…28人里24个…7个…开了店")
        # (not "那干了一年半的4个里头有1个…不是建档立卡的": one out of the unit's count, merged as such; the time is the
        # some's own, after them: not "满一年的那11个里头，有3个当时收过…介绍费", the group's)
        # "走了那仨里头有一个干了十一个月，这个也不给算": that one's case, of the topic; the unit's facts stay (and the
        # groups of the whole are not theirs)
        again = bool(re.search(r"(?:又|再)(?:把|给)?其中", text))
        # (those placed again, "又把其中3个介绍到…": the others' benefits as they were, those who had one out of it)
        facts = {k: v for k, v in copy.deepcopy(state.facts).items()
                 if k not in ("group_months", "counted_not") + (() if again else ("counted_out",))}
        if re.search(r"月(?:的)?那(?:一)?(?:个|位)(?!月)", text):
            for k in ("new_hires", "hired_poor_count", "intern_count", "referred_count"):
                if k in facts:
                    facts[k] = 1.0      # ("见习八个月那个…": the one of that group)
        other = dataclasses.replace(state, facts=facts, asked=list(state.asked or []),
                                    last_benefits=list(state.last_benefits or []))
        turn = _policy_turn(other, state.topic, text, entities, as_of)
        replies = [r for r in turn.replies if not r.text.startswith("好的，")]
        total = _with_the_rest(state, turn.decision.stated, text, as_of)
        return Turn(replies[:1] + ([Reply(total)] if total else []) + replies[1:], turn.decision)
    more_from = _FROM_ELSEWHERE.search(text) if state.role == "employer" and state.topic and isinstance(text, str) and \
        any(state.facts.get(k) for k in ("new_hires", "hired_poor_count")) and \
        not re.search(r"[0-9一二两三四五六七八九十]+\s*个", text[:_FROM_ELSEWHERE.search(text).start()]
                      if _FROM_ELSEWHERE.search(text) else "") else None
    turn = _policy_turn(state, intent, text, entities, as_of, was_what_if, kept)
    if more_from is not None:
        turn = _more_from_elsewhere(state, turn, more_from, as_of or today())
    if turn.decision.theirs_first:
        turn.decision.stated = turn.decision.theirs_first + [r for r in turn.decision.stated
                                                             if r not in turn.decision.theirs_first]
    return _with_where(turn, text, state.role)




# some of an agency's people who will take their own money ("昆山那五个人说他们自己也要回镇上申请那个一次性求职补贴…
# 他们领了的话，我们公司这五个人的职介补贴还能拿不")
_GROUP_TAKES_OWN = re.compile(r"(?:那|这)\s*([0-9一二两三四五六七八九十]+)\s*个(?:人)?[^。；;？?]{0,12}?(?:自己|本人)(?:也)?(?:要|想|打算|准备|会)"
                              r"[^，。,；;？?]{0,6}?(?:申请|领|报|拿)")


def _group_takes_its_own(state: State, text, as_of=None) -> Turn | None:
    """Some of the people an agency placed will take a benefit of their own that is one of two with the agency's: those
    are out of the agency's count (同一人同一年度二者只能享受其一), and what they get themselves, for the group."""
    if state.facts.get("employer_type") != "人力资源服务机构" or not state.place or not isinstance(text, str):
        return None
    flat = re.sub(r"\s+", "", text)
    m = _GROUP_TAKES_OWN.search(flat)
    n = nz.parse_count(m.group(1)) if m else None
    placed = state.facts.get("referred_count") or 0
    if not n or n >= placed:
        return None
    pol = default_policies()
    words = default_catalogue().benefit_words
    docs = {d.id for d in default_gazetteer().resolve(state.place).documents}
    theirs = [bid for bid, b in pol.benefits.items() if b.document.id in docs and b.payee == "worker" and
              words.get(bid) is not None and words[bid].search(flat[m.start():])]
    partners = {o: bid for bid in theirs for o, _s, _q in pol.exclusive_partners(bid) if pol.benefits[o].payee == "hr_agency"}
    if not partners:
        return None
    as_of = as_of or today()
    ex = extract(text, [], state.place, as_of)
    for k in ("transport_cost",):
        if ex.facts.get(k) is not None:
            state.facts[k] = ex.facts[k]
    counted_not = dict(state.facts.get("counted_not") or {})
    for o, bid in partners.items():
        counted_not[o] = [float(n), f"本人要领{pol.benefits[bid].name}（同一人同一年度二者只能享受其一）"]
    state.facts["counted_not"] = counted_not
    # (theirs, as they mean to take it: no claim of the agency's for them)
    facts = {k: v for k, v in copy.deepcopy(state.facts).items() if k not in ("agency_claims", "counted_not")}
    facts["planned_this_year"] = sorted(set(facts.get("planned_this_year") or []) | set(theirs))
    gaz = default_gazetteer()
    where = gaz.find_all(flat[max(0, m.start() - 8):m.start()])
    here = gaz.resolve(state.place).place
    if where and here is not None:
        # ("昆山那五个人": where they work, another province or not)
        facts["work_scope"] = "跨省" if where[0].path[:1] != here.path[:1] else facts.get("work_scope")
    them = dataclasses.replace(state, facts=facts, role="employer")
    months = state.facts.get("months_since_employment") or state.facts.get("months_employed") or 1
    own = _their_own_by_groups(them, text, as_of, groups=[[float(n), float(months)]], label=f"那{_fmt_n(n)}人")
    ev = evaluate(decide.profile_of(state), state.place, as_of=as_of,
                  benefit_ids=sorted(set(partners) | {i for i in state.last_benefits or [] if i in pol.benefits and
                                                      pol.benefits[i].payee == "hr_agency"}))
    cards = [r for r in ev.results if r.status != INELIGIBLE or r.benefit.id in partners]
    # (the agency's money for those few, with its no: they take theirs)
    for_them = {k: v for k, v in copy.deepcopy(state.facts).items() if k not in ("group_months", "counted_not", "counted_out")}
    for_them.update(referred_count=float(n), received_this_year=sorted(set(theirs)))
    for_them.pop("seasonal_referred_count", None)
    would = {r.benefit.id for r in evaluate(decide.profile_of(State(place=state.place, facts=dict(
        for_them, received_this_year=[]))), state.place, as_of=as_of, benefit_ids=sorted(partners)).results
        if r.status != INELIGIBLE}          # (only the money they would bring the agency otherwise)
    from policies.evaluator import benefit_count_fact
    # (those counted among the placements they are: not the seasonal ones' money for people on a contract)
    nos = [r for r in evaluate(decide.profile_of(State(place=state.place, facts=for_them)), state.place, as_of=as_of,
                               benefit_ids=sorted(partners)).results
           if r.status == INELIGIBLE and r.benefit.id in would and benefit_count_fact(r.benefit) == "referred_count"]
    lines = [f"同一人同一年度，{'、'.join(dict.fromkeys(pol.benefits[b].name for b in partners.values()))}与"
             f"{'、'.join(pol.benefits[o].name for o in partners)}只能享受其一：那{_fmt_n(n)}人自己领了，单位就不能再为他们领，"
             f"下面单位的钱不算他们。"]
    lines += [f"✗那{_fmt_n(n)}人的{r.benefit.name}（{citation(r.benefit)}）" for r in nos]
    replies = [Reply("\n".join(lines))] + [Reply(short_card(r, "employer", as_of, state.facts)) for r in cards]
    total = benefits_total(cards, text)
    if total:                   # ("要是那12个人都领了求职补贴，我们还能拿多少": the agency's sum without them)
        replies.append(Reply(total))
    results = list(cards) + nos
    if own:
        replies.append(Reply("\n".join(own[0])))
        results += own[1]
    state.last_benefits = [r.benefit.id for r in cards]
    _remember_stated(state)
    return Turn(replies, Decision(stated=results))


# another question after a why-not, in its own sentence ("…另外培训完三个月内…按啥标准算")
_ANOTHER_QUESTION = re.compile(r"(?<=[。？?！!；;，,\s])(?:另外|还有个?(?:事|问题)|再问(?:一下|个)?|顺便问(?:一下)?)")


def _from_elsewhere(state: State, text, entities=None, as_of=None) -> Turn | None:
    """"那贵州来的那两个呢", "贵州那俩也是正儿八经建档立卡的啊 凭啥不算": those of a unit's people from another province,
    left out of its count (Profile.counted_not), asked about: their own case (not the province's own 建档立卡), of the
    topic; the unit's facts stay."""
    if state.role != "employer" or not state.topic or not isinstance(text, str) or not state.place:
        return None
    out = [v for v in (state.facts.get("counted_not") or {}).values() if v and str(v[-1]).startswith(OUT_OF_PROVINCE)]
    if not out or not re.search(r"(?:那|这)(?:俩|仨|[0-9一二两三四五六七八九十]+\s*个)|(?:来|过来)的(?:那|这)", text):
        return None
    gaz = default_gazetteer()
    here = gaz.resolve(state.place).place
    said = gaz.find_all(text)
    if here is None or not said or said[0].path[0] == here.path[0]:
        return None
    if nz.CORRECTION.search(text) and re.search(r"不是[^，。,；;？?]{0,8}?的[，,\s]*(?:而)?是", text):
        return None             # ("哦说错了，那4个不是贵州的，是湘西花垣的": a correction of where they are from)
    n = out[0][0]
    facts = {k: v for k, v in copy.deepcopy(state.facts).items() if k not in ("group_months", "counted_not", "counted_out")}
    facts["home_province"] = "外省"
    for k in ("new_hires", "hired_poor_count"):
        if k in facts:
            facts[k] = n
    other = dataclasses.replace(state, facts=facts, place=state.place, asked=list(state.asked or []),
                                last_benefits=list(state.last_benefits or []))
    turn = _policy_turn(other, state.topic, text, entities, as_of)
    head = Reply(f"{said[0].name}来的那{int(n) if float(n).is_integer() else n}人不是{here.path[0]}的建档立卡贫困劳动力，"
                 f"本文件的单位补贴不算他们（文件只管本省建档立卡贫困人口）：")
    return Turn([head] + [r for r in turn.replies if not r.text.startswith("好的，")] + _short_groups_asked(state, text, n),
                turn.decision)


def _more_from_elsewhere(state: State, turn: Turn, m, as_of: dt.date) -> Turn:
    """"对了差点忘了 还有俩贵州来的建档立卡户…他俩能算进去不": more people, from another province, told after the unit's
    others: their no first (the province's own 建档立卡 only), then the unit's money as it stands."""
    gaz = default_gazetteer()
    here, home = gaz.resolve(state.place).place, gaz.find_all(m.group(2))
    n = 2.0 if m.group(1) == "俩" else 3.0 if m.group(1) == "仨" else nz.parse_count(m.group(1))
    if here is None or not home or home[0].path[0] == here.path[0] or not n:
        return turn
    facts = {k: v for k, v in copy.deepcopy(state.facts).items() if k not in ("group_months", "counted_not", "counted_out")}
    facts["home_province"] = "外省"
    for k in ("new_hires", "hired_poor_count"):
        if k in facts:
            facts[k] = float(n)
    ids = [i for i in state.last_benefits or [] if i in default_policies().benefits]
    got = [r for r in evaluate(decide.profile_of(State(place=state.place, facts=facts)), state.place, as_of=as_of,
                               benefit_ids=ids).results if r.status == INELIGIBLE]
    if not got:
        return turn
    lines = [f"{home[0].name}来的那{_fmt_n(n)}人不是{here.path[0]}的建档立卡贫困劳动力，不能算进去："]
    lines += [f"✗{r.benefit.name}：{'；'.join(r.reasons[:1]) or '不符合条件'}（{citation(r.benefit)}）" for r in got]
    turn.decision.stated = turn.decision.stated + got
    return Turn([Reply("\n".join(lines))] + [r for r in turn.replies if not r.text.startswith("好的，再加")],
                turn.decision)


# a group of the unit's people named again by its count ("那3个人…为啥不能算", "后来那4个又为啥不算")
_COUNT_NAMED_AGAIN = re.compile(r"(?:那|这)\s*([0-9一二两三四五六七八九十]+)\s*个")


# one of a unit's people named by name ("老赵为啥不算")
_ONE_BY_NAME = re.compile(r"((?:老|小)[\u4e00-\u9fff])(?:他|她)?(?:为啥|为什么|咋|凭啥|怎么)")


def _counted_out_asked(state: State, text, as_of=None) -> Turn | None:
    """"那3个人在我们这是新招的啊 为啥不能算": those of a unit's people left out of a benefit's count because they had it
    before (Profile.counted_out), asked why not: the benefit's own rule on those who had it, for them, the others' money
    as it stands."""
    if state.role != "employer" or not state.topic or not isinstance(text, str) or not state.place or \
            not WHY_NOT.search(text):
        return None
    out = state.facts.get("counted_out") or {}
    named = {nz.parse_count(m.group(1)) for m in _COUNT_NAMED_AGAIN.finditer(text)}
    person = _ONE_BY_NAME.search(text)
    if person:
        named.add(1)            # ("老赵为啥不算？求职补贴是他自己领的": one of them, by name)
    pol = default_policies().benefits
    hits = [(bid, n) for bid, n in out.items() if n in named and bid in pol and bid in (state.last_benefits or [])]
    if len(hits) != 1:
        return None
    bid, n = hits[0]
    b = pol[bid]
    words = default_catalogue().benefit_words
    other = next((o for o, _s, q in default_policies().exclusive_partners(bid)
                  if words.get(o) is not None and words[o].search(text)), None)
    if other is not None:
        # the one of two he took himself: the rule that makes it one of two, not one he had of this (二者之一)
        got = evaluate(decide.profile_of(state), state.place, as_of=as_of, benefit_ids=[bid]).results
        if not got:
            return None
        quote = next((q[0] for o, _s, q in default_policies().exclusive_partners(bid) if o == other and q), "").rstrip("。")
        who = person.group(1) if person else f"那{_fmt_n(n)}人"
        theirs = dataclasses.replace(got[0], status=INELIGIBLE, reasons=[f"本人已领{pol[other].name}，二者只能享受其一"])
        rest = [r for r in evaluate(decide.profile_of(state), state.place, as_of=as_of,
                                    benefit_ids=[i for i in state.last_benefits or [] if i in pol and i != bid and
                                                 pol[i].payee == b.payee]).results if r.status != INELIGIBLE]
        each = [got[0]] + rest
        total = sum(r.amount.value for r in each if r.amount.value) if all(r.amount.value for r in each) else None
        lines = [f"{who}不能算：{quote or pol[other].name + '与' + b.name + '只能享受其一'}。他本人领了{pol[other].name}，"
                 f"单位就不能再为他领{b.name}，谁领的都一样（{citation(b)}）。",
                 "其余的人照算：" + "；".join(f"{r.benefit.name}{amount_line(r)}" for r in each) +
                 (f"；合计{fmt_money(total)}" if total and len(each) > 1 else "") + "。"]
        lines += [validity_line(d, as_of) for d in default_gazetteer().resolve(state.place).documents]
        replies = [Reply("\n".join(lines))]
        if nz.WHERE_TO_APPLY.search(text) or nz.PAPERS_ASKED.search(text):
            # ("还有这钱最晚啥时候报、上哪儿报、要带啥": the papers and the place of the unit's money too)
            papers = [where_line(pol[i], papers=True)
                      for i in (state.last_benefits or []) if i in pol and pol[i].payee == b.payee][:2]
            if papers:
                replies.append(Reply("\n\n".join(papers)))
        return Turn(replies, Decision(stated=[theirs] + rest))
    rule = next((c for c in b.eligibility if getattr(c, "presumed", None) == "history"), None)
    if rule is None:
        return None
    got = evaluate(decide.profile_of(state), state.place, as_of=as_of, benefit_ids=[bid]).results
    if not got:
        return None
    theirs = dataclasses.replace(got[0], status=INELIGIBLE, reasons=[rule.note or "已享受过的不再享受"])
    lines = [f"那{_fmt_n(n)}人不能算：{b.name}写明“{rule.quotes[0] if rule.quotes else rule.note}”，只看本人以前享受过没有，"
             f"不看在哪个单位享受、是不是新招的（{citation(b)}）。",
             f"其余的人照算：{b.name}{amount_line(got[0])}。"]
    lines += [validity_line(d, as_of) for d in default_gazetteer().resolve(state.place).documents]
    decision = Decision(stated=[theirs])
    return Turn([Reply("\n".join(lines))], decision)


def _not_poor_asked(state: State, text, entities=None, as_of=None) -> Turn | None:
    """"那5个一般农户为啥不算？人家也一样上完课考过了啊": those of a unit's people who are not of the class its money counts,
    asked why not: the money just stated, for them (its no, and why), the unit's facts kept."""
    if state.role != "employer" or not state.topic or not isinstance(text, str) or not state.place or \
            not WHY_NOT.search(text) or not state.last_benefits:
        return None
    m = nz.NOT_POOR_NAMED.search(re.sub(r"\s+", "", text))
    n = nz.parse_count(re.sub(r"个$", "", m.group(1))) if m else None
    if not n:
        return None
    facts = {k: v for k, v in copy.deepcopy(state.facts).items()
             if k not in ("group_months", "counted_not", "counted_out", "case_groups", "category_groups")}
    facts["category"], facts["not_category"] = [], sorted(set(facts.get("category") or []))
    for k in ("new_hires", "hired_poor_count", "trainee_count", "referred_count", "intern_count"):
        if k in facts:
            facts[k] = float(n)
    ids = [i for i in state.last_benefits if i in default_policies().benefits]
    got = [r for r in evaluate(decide.profile_of(State(place=state.place, facts=facts)), state.place, as_of=as_of,
                               benefit_ids=ids).results if r.status == INELIGIBLE]
    if not got:
        return None
    lines = [f"那{_fmt_n(n)}个{m.group(2)}不在这项补贴的对象里，" +
             ("培训合格了也不算：" if state.topic == "ask_training" else "不算：")]
    lines += [f"✗{r.benefit.name}：{'；'.join(r.reasons[:1]) or '不符合条件'}（{citation(r.benefit)}）" for r in got]
    docs = default_gazetteer().resolve(state.place).documents
    lines += [validity_line(d, as_of) for d in docs]
    state.last_benefits = [r.benefit.id for r in got]
    _remember_stated(state)
    decision = Decision(stated=got)
    return Turn([Reply("\n".join(lines))], decision)


def _short_groups_asked(state: State, text: str, besides: float) -> list[Reply]:
    """A group of the unit's people short of the time a benefit stated asks for, named in the same why-not ("后来那4个又为啥
    不算"): its months, the time asked for, and that it counts once that is reached."""
    pol = default_policies().benefits
    asked = {nz.parse_count(m.group(1)) for m in _COUNT_NAMED_AGAIN.finditer(text)}
    asked.discard(besides)
    lines = []
    for n, months in state.facts.get("group_months") or []:
        if n not in asked:
            continue
        for bid in state.last_benefits or []:
            b = pol.get(bid)
            need = next((c.value for c in (b.eligibility if b else []) if getattr(c, "fact", None) == "months_employed"
                         and c.op == "at_least"), None)
            need = getattr(need, "value", need)
            if isinstance(need, (int, float)) and months < need:
                lines.append(f"那{_fmt_n(n)}人干了{_fmt_n(months)}个月，未满{_fmt_n(need)}个月（{b.name}须实际在岗"
                             f"{_fmt_n(need)}个月以上），满了以后可以算（{citation(b)}）。")
                break
    return [Reply("\n".join(lines))] if lines else []


# a group's time reached, as a what-if ("那湘西那俩要是再干4个月满12个月了呢", "要是干满一年了呢")
_WHAT_IF_FULL = r"(?:要是|如果|假如)[^，。,；;？?]{0,12}?(?:干满|做满|满了?\s*(?:[0-9一二两三四五六七八九十]+\s*个月|一年|1年|半年))"
_WHEN_READY = re.compile(r"(?:啥|什么|哪)(?:时候|会儿)|多会儿|多久|等到|要等|还得等|到时候")
# whether they get it then ("还能再补不"): a question of its own (another path says what the group adds)
_THEY_GET_IT = re.compile(r"(?:能|可以|给|补|算|报|领)[^，。,；;？?]{0,3}?(?:不|吗|么|没)\s*(?:[？?。]|$)|能不能|可不可以")
_GROUP_NAMED_AGAIN = re.compile(r"(?:那|这)[^，。,；;？?]{0,12}?(?:的)?(?:那|这)?\s*(?:(俩|仨)(?:个)?|"
                                r"([0-9一二两三四五六七八九十]+)\s*个)(?:人)?|"
                                # "那七月来的那个": one
                                r"(?:那|这)[^，。,；;？?]{1,12}?的(?:那|这)(一个|个|位)")
_TIME_FACTS = ("months_employed", "months_since_employment")


def _time_group_turn(state: State, text, entities=None, as_of=None) -> Turn | None:
    """"那9月份走的那7个呢 要等到啥时候才能报": a group of a unit's people said before, short of the time a benefit asks
    for, asked when it will count: the benefit for that group once the time is reached, and when that is."""
    if state.role != "employer" or not state.topic or not isinstance(text, str):
        return None
    # ("那湘西那俩要是再干4个月满12个月了呢": the time reached as a bare what-if)
    bare_what_if = bool(re.search(_WHAT_IF_FULL, text)) and not _THEY_GET_IT.search(text)
    more_said = nz.WHAT_IF_MORE.search(text)
    bare_what_if = bare_what_if or bool(more_said)
    if not _WHEN_READY.search(text) and not bare_what_if:
        return None
    groups = state.facts.get("group_months") or []
    m = _GROUP_NAMED_AGAIN.search(text)
    if not groups or not m:
        return None
    w = m.group(1) or m.group(2) or m.group(3)
    start, end = m.start(), m.end()
    # ("那干五个月那仨": the count said with its own 那, not the months that name them)
    own = re.compile(r"[^，。,；;？?]{0,10}?(?:那|这)\s*(俩|仨|[0-9一二两三四五六七八九十]+\s*个)(?:人)?").match(text, m.start() + 1)
    if own and m.group(2) and re.match(r"\s*(?:多)?月", text[m.end():]):
        w = own.group(1) if own.group(1) in ("俩", "仨") else own.group(1).rstrip("个").strip()
        end = own.end()
    n = 2.0 if w == "俩" else 3.0 if w == "仨" else 1.0 if w in ("一个", "个", "位") else nz.parse_count(w)
    same = [g for g in groups if g[0] == n]
    if len(same) > 1 and len({tuple(g) for g in same}) == 1:
        same = same[-1:]        # (alike groups, "3个干了4个月跑回来了…又补送了3个": the later one, still at work)
    if len(same) != 1:
        return None
    months = same[0][1]
    base = {k: v for k, v in copy.deepcopy(state.facts).items() if k not in ("group_months", "counted_not", "counted_out")}
    for k in ("new_hires", "referred_count", "hired_poor_count", "intern_count"):
        if k in base:
            base[k] = n
    base.update({k: months for k in _TIME_FACTS})
    now = evaluate(decide.profile_of(dataclasses.replace(state, facts=base)), state.place, as_of=as_of or today(),
                   benefit_ids=list(state.last_benefits or [])).results
    need, topic, waits = None, state.topic, None
    # (and the unit's others that wait for the time, when the last answer was of another topic: "这算不算以工代训")
    ids = set(state.last_benefits or [])
    now += [r for r in evaluate(decide.profile_of(dataclasses.replace(state, facts=base)), state.place,
                                as_of=as_of or today()).results
            if r.benefit.id not in ids and r.status == INELIGIBLE and decide.fits(r, state)]
    # (the time the money last stated waits for first: "那八月份那俩人干满一年以后呢" after 岗位补贴 and 社保补贴 is a year, not
    # the six months of another benefit of the place)
    if any(r.benefit.id in ids for r in now if r.status == INELIGIBLE or any(
            getattr(c, "fact", None) in _TIME_FACTS for c in r.benefit.eligibility)):
        now = [r for r in now if r.benefit.id in ids] + [r for r in now if r.benefit.id not in ids]
    stated_need = None
    for r in now:
        before = need
        if stated_need is not None and r.benefit.id not in ids:
            break
        for c in r.benefit.eligibility:
            if getattr(c, "fact", None) in _TIME_FACTS and getattr(c, "op", "") in ("at_least", "gte", "more_than") and \
                    getattr(getattr(c, "value", None), "value", None) and c.value.value > months:
                need = c.value.value if need is None else min(need, c.value.value)
            if getattr(c, "fact", None) == "stable_employment" and months < 12 and r.status == INELIGIBLE:
                need = 12.0 if need is None else min(need, 12.0)     # (稳定就业1年以上: a year, profile.py)
        if need != before and (waits is None or waits.status != INELIGIBLE and r.status == INELIGIBLE):
            waits = r
        if r.benefit.id in ids and need is not None:
            stated_need = need
    if need is None:
        return None
    if more_said and months + (nz.parse_count(more_said.group(2)) or 0) < need:
        return None             # (still short then: the answer of the months said is the plain one)
    if waits is not None and waits.benefit.id not in ids:
        topic = default_catalogue().question_of_topic(waits.benefit.topic) or topic
    base.update({k: float(need) for k in _TIME_FACTS})
    from .understand import _SUM_ASKED
    # ("到时候也能补吗？一共能拿多少": they too, with the others; not "那4个…到时候是不是就能报了 一共能拿多少", their own)
    # (or the time reached as a what-if, "那湘西那俩要是再干4个月满12个月了呢": the unit's whole then)
    whole = (_SUM_ASKED.search(text) and re.search(r"也(?:能|可以|给|补|算|有|报)", text) or bare_what_if) and \
        len(groups) >= 2
    if whole:
        # "要是干满一年了呢…一共能拿多少": the unit's whole amount once that group has the time, the others as they are
        base = copy.deepcopy(state.facts)
        base["group_months"] = [[g[0], float(need) if g is same[0] else g[1]] for g in groups]
    other = dataclasses.replace(state, facts=base, asked=list(state.asked or []),
                                last_benefits=list(state.last_benefits or []))
    if waits is not None and waits.benefit.id not in ids:
        # (the one that waits for the time is the answer, not the last answer's of another topic: "那这4个要是干到明年
        # 五月满一年了 是不是也能给那个1000" after a question of training)
        other.last_benefits, other.topic = [waits.benefit.id], topic
    # (the group's own words, "那9月份走的那7个", are what names them: not a date or a count of the unit's)
    rest = text[:start] + "　" * (end - start) + text[end:]
    if more_said:               # (the months said more are the group's, counted above: not everyone's months)
        rest = rest[:more_said.start()] + "　" * (more_said.end() - more_said.start()) + rest[more_said.end():]
    turn = _policy_turn(other, topic, rest, None, as_of)
    more = need - months
    # (the document's condition, not a promise: an ended policy is said to have ended before the amount)
    ended = any(getattr(r, "ended", False) for r in turn.decision.stated)
    head = Reply(f"那{_fmt_n(n)}人现在干了约{_fmt_n(months)}个月，按文件要满{_fmt_n(need)}个月才算，还差{_fmt_n(more)}个月"
                 + ("；该文件已到期，到时能不能报请问当地人社部门。按文件算" if ended else "。满了按文件算")
                 + ("，连同其他人一共：" if whole else "："))
    gain = _gained(state, turn.decision.stated, as_of) if nz.MORE_MONEY_ASKED.search(text) else None
    if gain:                    # ("能多报多少": the difference first)
        head = Reply(f"能多报{fmt_money(gain)}。" + head.text)
    return Turn([head] + [r for r in turn.replies if not r.text.startswith("好的，")], turn.decision)


def _gained(state: State, then: list, as_of, amounted_only: bool = False) -> float | None:
    """How much more the benefits of a what-if (then) come to than they do as the state stands; None when either side
    has no amount (with `amounted_only`, of those that have one on both sides)."""
    ids = [r.benefit.id for r in then if r.status != INELIGIBLE]
    if not ids or not state.place:
        return None
    now = {r.benefit.id: r for r in evaluate(decide.profile_of(state), state.place, as_of=as_of or today(),
                                             benefit_ids=ids).results}
    total = 0.0
    for r in then:
        if r.benefit.id not in ids:
            continue
        was = now.get(r.benefit.id)
        new_v = r.amount.value if r.amount is not None else None
        old_v = (was.amount.value if was is not None and was.amount is not None and was.status != INELIGIBLE else 0.0)
        if new_v is None or old_v is None:
            if amounted_only:
                continue
            return None
        total += new_v - old_v
    return total if total > 0 else None


def _fmt_n(v) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def _with_the_rest(state: State, some: list, text: str, as_of) -> str:
    """"那走了的那3个里头，有1个…又介绍…干了14个月…那总共能拿多少": the unit's amount with those asked about added, for
    the benefit their answer counts them for."""
    from .understand import _SUM_ASKED

    if not _SUM_ASKED.search(text or "") or not some:
        return ""
    first = some[0]
    if first.status != ELIGIBLE or first.amount is None or first.amount.value is None:
        return ""
    whole = evaluate(decide.profile_of(state), state.place, as_of=as_of or today(), benefit_ids=[first.benefit.id]).results
    if not whole or whole[0].status != ELIGIBLE or whole[0].amount is None or whole[0].amount.value is None:
        return ""
    total = whole[0].amount.value + first.amount.value
    return (f"合计：{first.benefit.name}原来算的{fmt_money(whole[0].amount.value)}，加上这次问的"
            f"{fmt_money(first.amount.value)}，一共{fmt_money(total)}。")


# what a unit's people are: another unit of the same asker has its own
_UNIT_PEOPLE = tuple(sorted(_UNIT_COUNTS)) + ("group_months", "counted_not", "counted_out", "months_employed",
                                              "months_since_employment", "employer_in_poor_area", "home_province")


def _other_unit_turn(state: State, text: str, entities, as_of) -> Turn:
    facts = {k: v for k, v in copy.deepcopy(state.facts).items() if k not in _UNIT_PEOPLE}
    other = dataclasses.replace(state, facts=facts, asked=list(state.asked or []),
                                last_benefits=list(state.last_benefits or []))
    place = extract(text, entities, None, as_of).place
    res = default_gazetteer().resolve(place) if place else None
    if res is not None and res.documents:
        other.place = place     # (the other unit's county, said: its document)
    elif res is not None and res.place is not None and state.place:
        # ("我们在凤翔区还有个分厂…能按千阳这个政策一块报不"): a unit in a place no document covers is not the first
        # one's document's; its own place's office says
        from .understand import _contains
        if not _contains(state.place, place) and not _contains(place, state.place):
            docs = default_gazetteer().resolve(state.place).documents
            mine = f"{docs[0].place_label}的文件管的是{docs[0].place_label}的单位，" if docs else ""
            return Turn([Reply(f"{mine}{res.place.full_name}的分厂（分公司）不在这份文件的范围内。"
                               + no_policy_text(res.place.full_name))], Decision())
    turn = _policy_turn(other, state.topic, text, entities, as_of)
    return Turn([r for r in turn.replies if not r.text.startswith("好的，")], turn.decision)


# set while another person's answer is worked out (_other_person_elsewhere): one level only
_ANSWERING_ANOTHER: contextvars.ContextVar[bool] = contextvars.ContextVar("answering_another", default=False)
# another person named after the first one of a message ("…还有他表哥在三亚 也是建档立卡的"): where their words begin
_ANOTHER_NAMED = re.compile(rf"(?:还有|另外|再就是|再一个)\s*(?:我|俺|他|她|咱)?(?:家)?(?:的)?(?:{nz.RELATIVES}|{nz.KIN_MORE})")


def _other_person_elsewhere(text: str, covered: list, intent: str | None, as_of: dt.date) -> Turn | None:
    """The answer for another person a message names after the one asked of, in a covered place of their own (the
    first is of a place no document covers): as if they had been asked of alone, in a conversation of their own."""
    m = _ANOTHER_NAMED.search(text or "")
    names = {p.full_name for p in covered}
    if m is None or _ANSWERING_ANOTHER.get() or \
            not any(p.full_name in names for p in default_gazetteer().find_all(text[m.end():MAX_TEXT])):
        return None     # (nor again inside that answer: its words may name a place of no document too)
    other, said = State(role="proxy"), text[m.start():]
    # (what is asked of them by its words, "能不能贷", before the message's question as the NLU heard it)
    token = _ANSWERING_ANOTHER.set(True)
    try:
        turn = policy_turn(other, default_catalogue().question_named_in(nz.heard_as(said)) or intent, said, None, as_of)
    finally:
        _ANSWERING_ANOTHER.reset(token)
    if not turn.decision.stated:
        return None
    return Turn([r for r in turn.replies if not r.text.startswith("好的，")], turn.decision)


def _with_where(turn: Turn, text, role: str | None = None) -> Turn:
    """"能补点啥 上哪办": the answer, then where to apply for what it says the person gets (each question answered)."""
    if not isinstance(text, str):
        return turn
    papers = any(m.group(0) not in ("证明", "复印件", "手续", "证件") for m in nz.PAPERS_ASKED.finditer(text))
    where = bool(nz.WHERE_TO_APPLY.search(text))
    # ("她问她能拿求职补贴不 还来得及吗 要带啥"): the papers alone asked beside the money, theirs too
    if any("去哪办" in r.text for r in turn.replies) if where else \
            (not papers or any("要带的材料" in r.text for r in turn.replies)):
        return turn
    # ("我们这个补贴啥时候报、报到哪、要带啥材料" after the workers' own asked of: the asker's own money first, with its
    # papers when they are asked for too)
    own = (lambda r: not personal(r)) if role == "employer" or nz.OUR_MONEY.search(text) else personal
    shown = sorted([r for r in turn.decision.stated if r.status != INELIGIBLE],
                   key=lambda r: not own(r))[:2]
    if not where:       # (the papers of the asker's own money: the factory's are the factory's to bring)
        shown = [r for r in shown if own(r) and r.benefit.documents]
    lines = [where_line(r.benefit, papers and bool(r.benefit.documents)) if where else documents_text(r.benefit)
             for r in shown]
    if not where and len(shown) == 2 and shown[0].benefit.documents == shown[1].benefit.documents:
        lines[1] = f"【{shown[1].benefit.name}】要带的材料：同上"     # (two of one kind: the same papers, said once)
    if lines:
        turn.replies.append(Reply("\n".join(lines)))
    return turn


# the head-counts of a unit's people: no one person's fact


# the internship's own money asked of, beside interns kept on ("见习补贴是给我们还是给学生，能拿多少？")
_INTERNSHIP_MONEY_ASKED = re.compile(r"见习补贴[^。？?]{0,12}?(?:多少|给谁|给我们|给单位|给学生|能拿|能领|咋算|怎么算)")


def _policy_turn(state: State, intent: str | None, text: str, entities: list | None,
                 as_of: dt.date | None = None, was_what_if: dict | None = None, kept_what_if: bool = False) -> Turn:
    as_of = as_of or today()
    decision = Decision()
    replies: list[Reply] = []
    text = text if isinstance(text, str) else ""
    last_stated = list(state.last_benefits or [])
    # (a training school's people are its trainees: "18个建档立卡的过了16个" passed an exam, no one was hired)
    # (and an operator speaking for a unit: "来电人称是…就业帮扶基地的负责人")
    hiring = state.role in ("employer", "proxy") and state.facts.get("employer_type") != "培训机构" and \
        any(k in state.facts for k in ("new_hires", "hired_poor_count", "staff_total"))
    ex = extract(text, entities, state.place, as_of, hiring=hiring)
    people_said = None          # (the message that told the unit's people, kept for a correction of several counts)
    if not ex.correction and len(text) >= 30 and (ex.group_months or ex.case_groups or ex.category_groups or any(
            k in ex.facts for k in ("new_hires", "hired_poor_count", "referred_count", "trainee_count"))):
        people_said = text[:MAX_TEXT]
    again = recount.recounted(state.facts.get(decide.PEOPLE_SAID), text, state.place, as_of, hiring)
    if again is not None:
        # "衡阳来的是3个，贵州的是5个；本县走的是3个不是2个，今年3月补的也是3个": that message read again, its counts put right
        ex, people_said = again
    if was_what_if and was_what_if.get("more_people") and _WHAT_IF.search(text) and not ex.more_people and \
            not ex.correction and ex.facts.get("new_hires"):
        # "要是招2个呢" after "那要是这个月再招1个脱贫户进来呢": 2 more instead of 1, beside those counted, of the
        # kinds the last what-if added to
        ex.more_people = float(ex.facts["new_hires"])
        for k in ("hired_poor_count", "hired_poor_low_income_count", "referred_count", "trainee_count", "intern_count"):
            if k in was_what_if["facts"] and state.facts.get(k):
                ex.facts[k] = ex.more_people
    more_months = nz.WHAT_IF_MORE.search(text) if isinstance(text, str) else None
    if more_months and not nz.dates_in(text[:more_months.start()], as_of):
        # (not "表妹…今年四月份进的…要是她再干四个月呢": the months more are hers, from her own start)
        # "要是那三个学生再见习三个月呢": that many months more than said before (4 + 3), not 3 in all
        added = nz.parse_count(more_months.group(2)) or 0
        for k in (("internship_months",) if more_months.group(1) == "见习" else _TIME_FACTS):
            if isinstance(state.facts.get(k), (int, float)) and ex.facts.get(k) == added:
                ex.facts[k] = float(state.facts[k]) + added
    if kept_what_if:
        # (the what-if said again as the one to go by: its people are counted already)
        ex.more_people = 0
        for k in _WHAT_IF_FACTS:
            ex.facts.pop(k, None)
    decision.said = set(ex.facts) | ({"category_groups"} if ex.category_groups or ex.counted_twice else set())
    decision.again_days = ex.again_days
    decision.added_short = ex.added_short      # (filled when the message is merged)
    decision.recounted = set(getattr(ex, "counted_not", None) or {})
    decision.form_what_if = ex.form_what_if
    # the words as meant (创业陪训 → 创业培训, 扶贫车问 → 扶贫车间; same length) for finding what is asked about
    text = nz.heard_as(text)
    heard = intent
    intent = effective_intent(intent, text, ex, state)
    if intent == "inform" and heard not in (None, "inform") and state.topic and heard != state.topic:
        # (a fact answered, heard as a question of one benefit just stated: that one comes first)
        topics = set(default_catalogue().topics_of(heard))
        pol = default_policies().benefits
        decision.pointed_first = [i for i in state.last_benefits or [] if i in pol and pol[i].topic in topics]
    if again is not None and state.last_benefits:
        # (several counts put right: the last answer's money those counts reckon comes again, as it stands now)
        from policies.evaluator import benefit_count_fact
        pol = default_policies().benefits
        changed = {k for k, v in ex.facts.items() if state.facts.get(k) != v}
        recounted = [i for i in state.last_benefits if i in pol and benefit_count_fact(pol[i]) in changed]
        decision.pointed_first = list(dict.fromkeys(list(decision.pointed_first or []) + recounted))
    if isinstance(text, str) and WHY_NOT.search(text) and state.last_benefits and state.place and \
            not decision.pointed_first:
        # "为啥不中？都是毕业生，凭啥别人家娃能领俺娃领不了": the no just said is the question, first
        decision.pointed_first = [r.benefit.id for r in evaluate(
            decide.profile_of(state), state.place, as_of=as_of,
            benefit_ids=[i for i in state.last_benefits if i in default_policies().benefits]).results
            if r.status == INELIGIBLE][:2]
    if isinstance(text, str) and _AFFECTS_CLAIM.search(text) and state.last_benefits and not decision.pointed_first:
        # "我们是跟厂里收招聘服务费的，工人一分钱没收，这影响领补贴不？另外工人坐车去东莞，车票有没有补助": the money of the
        # last answer, as it stands with what was said, first; then the other question
        # (not when what was said rules it out: "他2018年…开过一个小饭馆…这会影响补贴吗" is said as a no above the cards)
        pol = default_policies().benefits
        ids = [i for i in state.last_benefits if i in pol and pol[i].kind != "free_service"][:1]
        trial = dataclasses.replace(state, facts={**state.facts, **ex.facts})
        if ids and state.place and all(r.status != INELIGIBLE for r in evaluate(
                decide.profile_of(trial), state.place, as_of=as_of, benefit_ids=ids).results):
            decision.pointed_first = ids
    if intent in ("inform", "correct", None) and ex.not_categories and state.last_benefits and not decision.pointed_first:
        # "她说不是建档立卡，就是低保" after the loan of 建档立卡 people was stated: that one again, with its no
        pol = default_policies().benefits
        decision.pointed_first = [i for i in state.last_benefits if i in pol and any(
            getattr(c, "fact", None) == "category" and getattr(c, "op", None) == "any_of" and
            set(getattr(c, "value", None) or ()) <= set(ex.not_categories) for c in pol[i].eligibility)]
    new_cats = set(ex.categories or ()) - set(state.facts.get("category") or ())
    if new_cats and state.last_benefits and not decision.pointed_first and not ex.not_categories:
        # "是低保户 也是贫困户 两样都占 她弟弟在省技师学院念书 有没有钱" after a list with the graduate's 1500元 of 低保贫困
        # families open: that one, now met on the class said, first; then the question
        pol = default_policies().benefits
        decision.pointed_first = [i for i in state.last_benefits if i in pol and any(
            getattr(c, "fact", None) == "category" and getattr(c, "op", None) == "any_of" and
            set(getattr(c, "value", None) or ()) & new_cats for c in pol[i].eligibility)][:1]
    if state.topic == "ask_referral" and intent in ("inform", None) and nz.OWN_STAFF.search(text):
        # an agency speaking of the people it employs itself ("我们公司自己招的10个…合同跟我们公司签…社保是我们公司交的"):
        # an employer's money for them, not a placement's
        intent = "ask_employer_subsidy"
    if not is_question(intent):
        intent = question_in_words(intent, text, ex, state)
    intent = unit_question(agency_own(intent, ex, state, text), text, ex, state)
    if state.topic and _SWITCH.match(text) and not re.search(r"[？?]|吗|么|能不能|能否|可以|多少|啥|什么|咋|怎么|哪|几|"
                                                            r"[能有给补报领拿]不|呢", text):
        # "那俺媳妇跟我一搭来的 她在隔壁厂干临时工…": her facts, the question asked before, not a new topic
        intent = state.topic
    elif state.topic and _SWITCH.match(text) and re.search(r"(?:她|他)(?:那个|那|这个)?(?:也)?(?:能|可以)(?:领|拿|报|享受)", text) \
            and default_catalogue().question_named_in(text) in (None, state.topic):
        # "那俺媳妇呢 她前年也办过个照…干了四个来月就黄了 她那个能领不": the same question for her (her months are no job)
        intent = state.topic
    if ex.truncated:
        replies.append(Reply(f"您的消息太长，我只看了前{MAX_TEXT}个字。"))
    apply_pending(state, intent, text, ex)
    if _another_unit(state, text):
        # "县里一个扶贫车间想跟我们合作，车间上个月刚招了6个建档立卡的，车间能拿啥补贴": that unit's own facts, not the
        # asking school's courses and trainees; the place and who the people are stay
        state.facts = {k: v for k, v in state.facts.items() if k in _HOUSEHOLD}
        state.last_benefits = []
    switched = _switches_person(state, text, ex)
    if switched:
        # "那我媳妇呢 她也是…没出省 就在县城社区工厂干": her own job, not his; who the household is stays
        # ("那俺媳妇跟我一搭来的 她在隔壁厂干临时工": she came where he went; the rest of her job is her own)
        # ("上个月才跟过来进的同一个厂": the same factory as his)
        # (not "跟我一块回来的": home together, not to the same work)
        along = re.search(r"(?:跟|和|同|随)(?:我|俺|额)?[^，。,；;？?]{0,3}?(?:一搭|一起|一块|一道|一路)?(?:(?<!回)来|去|出来|过来)|"
                          r"同一(?:个|家)(?:厂|公司|单位|车间|工地)|(?:一个|一家)厂(?:里|子)?(?:上班|干|做)|"
                          # ("我表妹也在这个厂"): the asker's own workplace
                          r"也在(?:这个|这家|那个|那家|我们|俺们|我那|俺那)(?:厂|公司|单位|车间|工地|基地)", text or "") \
            and "work_scope" not in ex.facts and not ex.work_place
        # ("合同社保跟我一样"): the terms of the asker's own job are theirs too
        same_terms = along and nz.SAME_TERMS.search(text or "")
        # ("他跟我一起去学": the course the asker spoke of is theirs too)
        learns = along and re.search(r"学|培训|上课", text or "")
        # ("他弟弟跟他一块去的，同一个厂": the same job, from the same time; not "在隔壁厂干临时工")
        same_job = along and not re.search(r"隔壁|别的|另一|另外|其他|其它", text or "")
        # ("他媳妇那个公司要是招了两个…": the business said of her before is hers)
        joins = nz.JOINS_BUSINESS.search(text or "") or nz.THEIR_UNIT_AGAIN.search(text or "")
        label = _switch_label(text)
        stated_before = [i for i in state.facts.get(decide.STATED) or [] if i in default_policies().benefits]
        stated_before += [i for i in state.last_benefits or [] if i in default_policies().benefits and
                          i not in stated_before]
        people = _keep_person(state)
        state.facts = {k: v for k, v in state.facts.items() if k in _HOUSEHOLD or (along and k == "work_scope") or
                       (learns and k in _TRAINING_FACTS) or (same_job and k in _JOB_FACTS) or
                       (joins and (k in BUSINESS_FACTS or k == "employer_type")) or (same_terms and k in _TERMS_FACTS)}
        if isinstance(state.facts.get("category"), list):
            # (the household's register is theirs too; what one of them is, 高校毕业生 or 残疾人, is not: "那她哥呢")
            home = default_policies().vocab.household_categories
            state.facts["category"] = [c for c in state.facts["category"] if c in home]
            if len(state.facts["category"]) < len(people.get(next(iter(people), ""), {}).get("category") or []):
                state.facts.pop("category_exhaustive", None)
        back = _first_named_again(dataclasses.replace(state, facts={decide.PEOPLE: people}))
        if isinstance(people.get(label), dict) and not along:
            state.facts.update(people[label])   # (asked about before: "那我儿子呢" again)
        elif back and label not in people and not along:
            state.facts.update(people.pop("first"))     # (the one asked for first, named now: "还有俺男人那个…")
        state.facts[decide.PEOPLE] = people
        state.facts[decide.ASKED_FOR] = label
        state.role = "proxy"    # the money is hers: "钱发给劳动者本人", not "您本人"
        if _SWITCH_ALONE_ASKED.match(text or ""):
            decision.same_asked = [i for i in state.last_benefits or [] if i in default_policies().benefits]
        elif _SAME_CASE.search(text or "") and state.last_benefits:
            # "我弟也是这情况…也上了这个培训…他能拿不": what was answered for the asker, each for him (its no too)
            decision.same_asked = [i for i in state.last_benefits if i in default_policies().benefits]
            if decision.same_asked and intent == "ask_what_can_i_get":
                intent = default_catalogue().question_of_topic(
                    default_policies().benefits[decision.same_asked[0]].topic) or intent
        elif _THESE_TWO.search(text or "") and len(stated_before) >= 2 and len(state.last_benefits or []) < 2 and \
                not default_catalogue().question_named_in(text or ""):
            # (when the last answer was of one or none: of several, the question picks its own among them)
            # "那我老婆呢…这两样她能领不": the two benefits the conversation has been about, for her
            money = [i for i in stated_before if default_policies().benefits[i].kind != "free_service"]
            decision.same_asked = money[-2:] if len(money) >= 2 else stated_before[-2:]
    elif state.topic and state.role == "proxy" and _SELF_SWITCH.match(text or "") and \
            (not ex.empty() or _was_asked_for(state, "self")):
        # "那我呢？我是广西嫁过来的…想学个美容美发" after asking for her husband: her own facts, not his job
        people = _keep_person(state)
        state.facts = {k: v for k, v in state.facts.items() if k in _HOUSEHOLD}
        if isinstance(people.get("self"), dict):    # (what she said of herself before she asked for him, who she is
            state.facts = dict(people["self"])      # too: "我老表不是建档立卡的…" is his)
        state.facts[decide.PEOPLE] = people
        state.role = "worker"
    elif state.topic and state.role == "proxy" and (_CALLER_SWITCH.match(text or "") and _was_asked_for(state, "first") or
                                                    _caller_by_pronoun(state, text)):
        # "来电人又问他自己那个路费能报不" after "他弟弟也想问…": the caller's own facts again
        people = _keep_person(state)
        state.facts = dict(people["first"])
        state.facts[decide.PEOPLE] = people
    elif state.topic and not (ex.correction or intent == "correct") and \
            (ex.work_place or is_question(intent) or any(k not in _HOUSEHOLD for k in ex.facts)):
        one = decide.person_named(state, text)
        if one is not None and isinstance(one[1], dict):
            # "那大伢明年过完年要是去广东东莞打工咧" after "大伢在县里厂里做事…细伢子想读技校": his case, with what is new;
            # not his brother's course asked about just before ("俺男人那个培训的钱…": his training, not her internship)
            others = {k for p in state.facts.get(decide.PERSONS_SAID) or [] if p is not one and
                      isinstance(p, (list, tuple)) and len(p) == 2 and isinstance(p[1], dict) for k in p[1]}
            others -= set(one[1]) | _HOUSEHOLD
            state.facts = {k: v for k, v in state.facts.items() if k not in others}
            new = {k: v for k, v in ex.facts.items() if k not in _HOUSEHOLD}
            one[1].update(new)  # (what is said of them now is theirs: the next one named does not take it)
            ex.facts = {**{k: v for k, v in one[1].items() if k != "category"}, **ex.facts}
            # (and who they are of their own: "大女儿那个网店…" after "大女儿今年七月大学毕业", a 高校毕业生)
            ex.categories = list(dict.fromkeys(list(ex.categories or []) +
                                               [c for c in one[1].get("category") or [] if c not in ex.not_categories]))
            if not is_question(intent) and ex.work_place and not nz.TRIP_MONEY.search(text or ""):
                intent = "ask_what_can_i_get"      # (going to work somewhere: what that brings, not the topic before)
    if ex.others_not and not switched and not (ex.correction or intent == "correct"):
        # "他说店是跟他表哥合伙开的 表哥不是贫困户": the cousin is not poor; the caller, who is, stays so
        ex.not_categories = [c for c in ex.not_categories
                             if not (c in ex.others_not and c in (state.facts.get("category") or []))]
    groups_before = copy.deepcopy(state.facts.get("group_months")) if ex.group_later else None
    one = decide.person_named(state, text) if ex.correction or intent == "correct" else None
    if one is None and (ex.correction or intent == "correct") and ex.facts:
        # "不对 我说错了 办的不是个体户执照 是注册了个有限公司" after a household message: the one person whose facts
        # those are (the asker's shop, not the son's school)
        having = [p for p in state.facts.get(decide.PERSONS_SAID) or [] if isinstance(p, (list, tuple)) and len(p) == 2
                  and isinstance(p[1], dict) and set(ex.facts) & (set(p[1]) - {"category", "not_category"})]
        one = having[0] if len(having) == 1 else None
    age_fix = getattr(ex, "age_fix", None)
    if age_fix and one is not None and isinstance(one[1], dict) and one[1].get("age") == age_fix[0]:
        ex.facts["age"] = age_fix[1]        # "我弟不是二十四 是二十六": his age, said again
    elif age_fix and state.facts.get("age") == age_fix[0]:
        ex.facts["age"] = age_fix[1]
    one_before = dict(one[1]) if one is not None and isinstance(one[1], dict) else None
    if one is not None and isinstance(one[1], dict):
        # "说错了说错了，闺女办的不是个体户，是注册了个小公司": a fact of one of the persons said before, corrected; the
        # rest of what was said of her stands, and she is the one answered
        one[1].update({k: v for k, v in ex.facts.items() if k in one[1]})
        ex.facts = {**{k: v for k, v in one[1].items() if k != "category"}, **ex.facts}
        # (the others' facts are not hers: "小妹是去年六月毕业的" is not answered on her brother's school)
        others = {k for p in state.facts.get(decide.PERSONS_SAID) or [] if p is not one and
                  isinstance(p, (list, tuple)) and len(p) == 2 and isinstance(p[1], dict) for k in p[1]}
        state.facts = {k: v for k, v in state.facts.items() if k not in others - set(one[1]) - _HOUSEHOLD}
    split_said = bool(ex.group_split)     # (merged below: some of a group at their own months)
    decision.before = copy.deepcopy(state.facts)
    if one_before is not None:
        # (what held for that person before the correction: "票是618块 不是368" changes the fare, not his 求职补贴's
        # deadline, already past)
        decision.before.update({k: v for k, v in one_before.items() if k != "category"})
    notes = merge(state, ex, intent, text if isinstance(text, str) else "")
    if people_said:
        state.facts[decide.PEOPLE_SAID] = people_said
        if again is not None:
            notes = notes + ["好的，按您改的人数重新算了。"]
    if isinstance(text, str) and _WHAT_IF.search(text) and nz.ALL_REACH.search(text) and not ex.group_months and \
            any(k in ex.facts for k in ("referred_count", "new_hires")) and not ex.correction:
        # "那要是明年免费介绍20个，都干满一年呢": other people, all of whom reach the time: the groups and the ones
        # left out said of those before are not theirs (the what-if's base keeps them: _keep_what_if_base)
        for k in ("group_months", "counted_not"):
            state.facts.pop(k, None)
    if one is not None and isinstance(one[1], dict):
        # (what the correction came to for them is theirs when they are named again: "儿子不是在宁波，是在长沙打工" →
        # 跨市, not the 跨省 said first)
        one[1].update({k: copy.deepcopy(state.facts[k]) for k in list(one[1]) if k in state.facts})
    if state.topic:
        _keep_what_if_base(state, decision.before, text, ex, intent)
    _agency_claims(state, text)
    if ex.home_uncovered and (intent if is_question(intent) else state.topic) == "ask_transport":
        # travel money is the home county's (输出地): a worker from a place no document covers who goes to work in a
        # covered one is not answered from the place of work ("湖北来凤的…想去长沙打工，有路费补助冇")
        home = default_gazetteer().resolve(ex.home_uncovered).place
        if home is not None:
            state.place = home.full_name
            notes = [n for n in notes if not n.startswith("暂未收录")]
    doc = decide.only_document_named(text) if not state.place and is_question(intent) else None
    if doc is not None:
        # "我在村上当劳动保障助理员…一个月补多少": words only one document has; answered from it, the place to confirm
        state.place = "".join(doc.jurisdiction.values())
        where = doc.jurisdiction.get("county") or doc.jurisdiction.get("city") or doc.jurisdiction.get("province") or \
            doc.place_label
        notes.append(f"您没说是哪个县的。您说的只有{where}的文件有，先按它说；如果不是，告诉我您是哪个县的。\n")
    # (groups corrected by a condition, "170人里有40个签的是三个月的劳务协议", are out of a count: Extracted.counted_not)
    # (some of a group at their own months, "套袋那5个里头有2个干了两个半月…只有3个干满了4个月", are that group's parts,
    # not persons asked about in turn)
    before_persons = list(state.facts.get(decide.PERSONS_SAID) or [])
    persons = persons_in(text, state, as_of, groups=(ex.correction or intent == "correct") and not ex.counted_not) \
        if state.place and not (split_said and state.facts.get("group_months")) else []
    if persons:                 # what one of several persons said is theirs, not everyone's
        state.facts = shared_facts(state, persons)
        # (those said before and not named now stay: "娃他爸…" of the first message, when 儿媳妇 and 娃 are asked of later)
        now = [[p.label, p.own] for p in persons]
        state.facts[decide.PERSONS_SAID] = now + [
            p for p in before_persons if isinstance(p, (list, tuple)) and p and p[0] not in {q[0] for q in now}]
    named_again = [p[0] for p in before_persons if isinstance(p, (list, tuple)) and p and isinstance(p[0], str) and
                   len(p[0]) >= 2 and isinstance(text, str) and p[0] in text]
    if not persons and len(named_again) == 1 and (ex.correction or intent == "correct") and ex.facts and \
            len(before_persons) >= 2:
        # ("不对不对，王某签的也是一年的": one of those named before, corrected: theirs, and each one's line again)
        from .persons import persons_said as _said_persons
        for p in state.facts.get(decide.PERSONS_SAID) or []:
            if isinstance(p, list) and p and p[0] == named_again[0] and isinstance(p[1], dict):
                p[1].update({k: v for k, v in ex.facts.items() if k not in _UNIT_COUNTS})
        persons = _said_persons(state)
    if state.role == "employer" and not persons and len(named_again) >= 2:
        # ("那社保补贴呢？张某和王某，单位每个月给每人交…780块": a unit's people named before, asked of by name: their count)
        for k in ("new_hires", "hired_poor_count"):
            state.facts[k] = float(len(named_again))
    if state.role == "employer" and not persons and ex.facts.get("staff_total") and \
            "hired_poor_count" not in state.facts and "poor_staff_one_third" not in ex.facts:
        from .persons import persons_said as _said_persons
        staff = _said_persons(state)
        if len(staff) >= 2:
            # ("张某 脱贫户…李某 普通农户…赵某 边缘户…", then "厂里连这4个一共6个工人"): the poor among those named, of the
            # whole staff
            counted = default_policies().vocab.facts["poor_staff_one_third"].counts
            poor = sum(1 for p in staff if counted & set(p.facts.get("category") or []) and
                       not counted & set(p.facts.get("not_category") or []))
            state.facts["poor_staff_one_third"] = poor * 3 >= ex.facts["staff_total"]
    q = default_catalogue().questions.get(intent or "")
    if state.role == "employer" and state.topic and state.topic != intent and q is not None and q.role == "worker" and \
            q.words is not None and isinstance(text, str) and not q.words.search(text) and \
            (split_said or ex.correction) and not persons_in(text, state, as_of):
        # "邵阳那8个里头 有3个是今年五月份才进厂的…那现在能拿多少" (taken for a worker's question): the unit's people
        # corrected, the unit's question again
        intent = state.topic
    # (or asked why not, "那老二…他咋就不能也拿那三千" taken for a training question: the one that amount names)
    if (intent in ("ask_what_can_i_get", "nlu_fallback", None) or isinstance(text, str) and nz.WHY_NOT.search(text)) and \
            state.topic and state.topic != "ask_what_can_i_get" and \
            isinstance(text, str) and not WHAT_ELSE.search(re.sub(r"\s+", "", text)):
        # "他有冇得那二十块一天": a benefit of the last answer pointed at by its amount is the question, not everything
        again = decide.said_again(state, text)
        pointed = [i for i in again if decide._POINTED_AMOUNT.search(text)]
        if len(pointed) == 1:
            intent = default_catalogue().question_of_topic(default_policies().benefits[pointed[0]].topic) or intent
    money = [b for i in (last_stated or []) if (b := default_policies().benefits.get(i)) is not None and
             b.kind != "free_service"]
    if money and _SAME_MONEY.search(text) and not default_catalogue().question_named_in(text) and \
            state.topic == "ask_what_can_i_get":
        # "那俺孙女呢 她前年考上哈尔滨的大学了 念的本科 也有这个钱不": the money just answered, for her (its no too)
        decision.same_asked = [money[0].id]
        intent = default_catalogue().question_of_topic(money[0].topic) or intent
    elif money and state.topic and nz.MONEY_ARRIVAL.search(text or "") and \
            _names_the_money(text, state.topic, money) and not persons_in(text, state, as_of):
        # "那这钱是谁给发 打到娃卡上不 娃手里到底能落多少": the money just answered, when and to whom it is paid
        decision.same_asked = [b.id for b in money[:3]]
        intent = state.topic
    elif money and state.role == "proxy" and nz.THEIR_SHARE.search(text or "") and \
            not default_catalogue().question_named_in(text or ""):
        # "我表妹也在这个厂…厂里说她那份还报不了 为啥": the money just answered, for her (the unit's, when the unit
        # is who said so)
        if re.search(r"厂|公司|单位|老板|车间|基地", text or "") and "ask_employer_subsidy" in default_catalogue().questions:
            intent = "ask_employer_subsidy"
        else:
            decision.same_asked = [b.id for b in money[:2]]
            intent = default_catalogue().question_of_topic(money[0].topic) or intent
    if is_question(intent) and not state.topic and decide.ASKED_FOR not in state.facts and \
            role_of(intent, text, state.role) == "proxy" and _switch_label(text) and not persons:
        # "来电人说她女儿是千阳的…": the one asked for, said back on 我记下的 and not taken for another when named again
        state.facts[decide.ASKED_FOR] = _switch_label(text)
    if is_question(intent):
        if intent != state.topic:
            state.asked = []
        state.topic = intent
        state.role = role_of(intent, text, state.role)
        state.pending_fact = None
    elif state.topic and intent in FACT_INTENTS:
        state.role = role_of(intent, text, state.role)
    if notes:
        replies.append(Reply("".join(notes)))
    if not state.topic:
        line = known_line(state)
        replies.append(Reply((line + "。\n" if line else "") + ASK_TOPIC))
        return Turn(replies, decision)
    if not state.place:
        replies.append(ask_for(state, "place"))
        return Turn(replies, decision)
    gaz = default_gazetteer()
    res = gaz.resolve(state.place)
    if not res.documents:
        if res.narrower and len(res.narrower) == 1 and state.pending_fact != f"place_confirm:{res.narrower[0].place_label}":
            target = res.narrower[0]
            full = gaz.resolve(target.place_label).place.full_name
            state.pending_fact = f"place_confirm:{full}"
            replies.append(Reply(no_policy_text(state.place, res.narrower)))
            return Turn(replies, decision)
        state.pending_fact = None
        # a covered place's policy heard of ("听说千阳那边跨省打工给报五百块路费，我们陇县能不能按那个报"): that document is
        # its own place's, not theirs
        other = [p for p in gaz.find_all(text[:MAX_TEXT]) if gaz.resolve(p.full_name).documents and
                 not state.place.startswith(p.full_name)]
        heard = ""
        if other:
            label = gaz.resolve(other[0].full_name).documents[0].place_label
            whose = f"单位在{state.place}" if state.role == "employer" else f"您是{state.place}的" \
                if state.role in (None, "worker") else f"户口在{state.place}的"
            heard = f"{label}的文件只管{label}的人和单位，{whose}，不能按它领。\n"
        besides = _other_person_elsewhere(text, other, intent, as_of)
        if besides is not None:
            # "他老婆户口在广东徐闻…她能按海南这个贷不 还有他表哥在三亚 也是建档立卡的…能不能贷": the first in a line (her
            # place's own policy is for its office to say), then the other one, of the covered place, answered as asked of
            # them alone
            replies.append(Reply(heard + f"{state.place}的政策请向当地人社部门咨询（电话12333）。"))
            replies += besides.replies
            decision.stated = besides.decision.stated
        else:
            replies.append(Reply(heard + no_policy_text(state.place)))
        return Turn(replies, decision)
    # (or when and to whom the money just answered for them is paid: "咯个钱么子时候到账 打到哪张卡上": their sum again)
    # (not of one of them: "那她见习那个钱是直接打给她本人不")
    lines, each = household_total(state, as_of) if nz.HOUSEHOLD_TOTAL.search(re.sub(r"\s+", "", text)) or \
        nz.MONEY_ARRIVAL.search(text or "") and decision.same_asked and not re.search(r"[她他]", text or "") and \
        not ex.facts and \
        not any(p[0] in text for p in state.facts.get(decide.PERSONS_SAID) or []
                if isinstance(p, (list, tuple)) and p and isinstance(p[0], str) and len(p[0]) >= 2) else ([], [])
    if lines:
        # "那他们一家子三口加起来 总共能拿多少钱": each member's own money, and the household's sum
        decision.stated = each
        state.last_benefits = [r.benefit.id for r in each]
        docs = default_gazetteer().resolve(state.place).documents
        return Turn(replies + [Reply("\n".join(lines + [validity_line(d, as_of) for d in docs]))], decision)
    by_groups = _their_own_by_groups(state, text, as_of)
    more = float(getattr(ex, "more_people", 0) or 0)
    unit_q = default_catalogue().questions.get(
        default_catalogue().question_named_strongly(nz.THEIR_OWN_ASKED.split(text or "")[0]) or "") if by_groups else None
    if by_groups and (nz.UNIT_ITSELF_ASKED.search(re.sub(r"\s+", "", text or "")) or
                      # ("那以工代训呢？…按月能补多少？另外工人自己能拿啥不": the unit's money named strongly before theirs)
                      unit_q is not None and unit_q.role == "employer"):
        # the unit's own money asked too: its people's first, then the unit's answer as for any unit
        replies.append(Reply("\n".join(by_groups[0][:-len(default_gazetteer().resolve(state.place).documents) or None])))
        theirs = decision.theirs_first = by_groups[1]
        state.facts[THEIRS_ASKED] = True
    elif not by_groups and state.facts.get(THEIRS_ASKED) and more and _WHAT_IF.search(text) and not ex.correction and \
            (new := _their_own_by_groups(state, text, as_of, groups=[[more, 0.0]], label=f"新招的{_fmt_n(more)}人")):
        # "那要是再招5个脱贫户呢" after both were asked: the new people's own money first, then the unit's
        replies.append(Reply("\n".join(new[0][:-len(default_gazetteer().resolve(state.place).documents) or None])))
        theirs = decision.theirs_first = new[1]
    else:
        theirs = []
    if by_groups and not theirs:
        # "今年三月招了4个脱贫户，上个月又招了2个…先问下这6个工人他们自己能领啥补贴": each group's own money
        decision.stated = by_groups[1]
        state.last_benefits = [r.benefit.id for r in by_groups[1]]
        return Turn(replies + [Reply("\n".join(by_groups[0]))], decision)
    ev = decide.for_persons_said(state, decide.evaluate_topic(state, as_of), text, as_of)
    q = default_catalogue().questions.get(state.topic or "")
    named_topic = bool(q and q.words is not None and q.words.search(text))
    if state.topic != "ask_what_can_i_get" and WHAT_ELSE.search(text) and (ev.results or not named_topic) and \
            not any(r.benefit.topic in default_catalogue().topics_of(state.topic) for r in ev.results):
        # "有冇得么子补贴" with a question whose own benefits this document does not have: everything they may get.
        # A message that names the topic ("车票花了680，能领啥") hears first that the document has nothing on it.
        state.topic = "ask_what_can_i_get"
        ev = decide.for_persons_said(state, decide.evaluate_topic(state, as_of), text, as_of)
    if state.topic == "ask_what_can_i_get":
        nxt = decide.next_question(state, ev)
        if nxt and not decide.possible(ev, state) and not (state.role == "employer" and decide.why_not(ev, state)):
            replies.append(ask_for(state, nxt))
            return Turn(replies, decision)
        if state.role == "employer" and state.facts.get("business_type") and not state.facts.get("business_planned") and \
                (nz.OWNER_SAYS_POOR.search(re.sub(r"\s+", "", text or "")) or state.facts.get(OWNER_OWN) or
                 nz.OWNER_OWN_ASKED.search(re.sub(r"\s+", "", text or ""))):
            # "俺是望魁县的建档立卡贫困户…回村办了个养大鹅的家庭农场…雇了村里俩贫困户…俺能拿啥补贴": the owner's own
            # start-up money beside the farm's, first when met
            state.facts[OWNER_OWN] = True
            have = {r.benefit.id for r in ev.results}
            own = [r for r in evaluate(decide.profile_of(state), state.place, as_of=as_of,
                                       topics={"startup_subsidy"}).results
                   if r.benefit.id not in have and personal(r)]
            ev = dataclasses.replace(ev, results=own + list(ev.results))
        return Turn(replies + what_can_i_get(state, ev, as_of, decision, text, persons), decision)
    if groups_before and state.facts.get("group_months") != groups_before or \
            isinstance(state.facts.get(WHAT_IF_BASE), dict) and not isinstance((decision.before or {}).get(WHAT_IF_BASE), dict):
        # "那开春来的仨到明年开春也干满一年了…还能再领多少", "那回来的4个要是明年再由他送出去、干满6个月，他还能领吗": the
        # money stated before that the message's times or what-if change, first
        decision.pointed_first = _changed_by_groups(state, decision.before, as_of) + decision.pointed_first
    asked = other_questions(state, question_part(text, intent, ex, state))
    out = answer(state, ev, as_of, decision, asked, text, persons)
    if groups_before and state.facts.get("group_months") != groups_before:
        out = _what_the_group_adds(state, groups_before, decision, as_of) + out
    base = state.facts.get(WHAT_IF_BASE)
    if out and nz.MORE_MONEY_ASKED.search(text or "") and isinstance(base, dict) and \
            not isinstance((decision.before or {}).get(WHAT_IF_BASE), dict):
        # "那要是明年开春再招5个…干满一年能多拿多少": the difference the what-if makes, first
        facts = {k: v for k, v in state.facts.items() if k not in base["facts"]}
        facts.update({k: copy.deepcopy(v) for k, v in base["facts"].items() if v is not None})
        gain = _gained(dataclasses.replace(state, facts=facts), decision.stated, as_of, amounted_only=True)
        if gain:
            out[0] = dataclasses.replace(out[0], text=f"能多拿{fmt_money(gain)}（按文件算）。\n" + out[0].text)
    return Turn(replies + out, decision)


# a unit's facts, none of a person of it
_UNIT_ONLY = ("new_hires", "hired_poor_count", "hired_poor_low_income_count", "staff_total", "group_months", "counted_not",
              "counted_out", "case_groups", "rent_utilities_cost", "employer_recognized", "work_for_training_held",
              decide.STATED)


def _their_own_by_groups(state: State, text: str, as_of: dt.date, groups: list | None = None,
                         label: str | None = None) -> tuple[list[str], list] | None:
    """A unit asking what its people get themselves, its people said in groups by when they started (Profile.
    group_months): each group's own money at its own months (a deadline counted from its own start), the amount for
    the group; None when that is not what was asked. Given groups (people a what-if adds, asked of after both were
    asked: THEIRS_ASKED), theirs under the label given, whatever the message's words."""
    from .persons import Person, evaluate_persons
    from .understand import _THEIR_OWN

    flat = re.sub(r"\s+", "", text or "")
    given = groups is not None
    if not given:
        groups = state.facts.get("group_months") or []
        hired = state.facts.get("new_hires") or state.facts.get("hired_poor_count")
        months = state.facts.get("months_employed")
        if not groups and hired and months is not None and nz.UNIT_ITSELF_ASKED.search(flat):
            groups = [[hired, months]]      # ("这6个工人自己能领啥补贴，我们厂里又能领啥": one group, the unit's money after)
    if state.role not in ("employer", "proxy") or not state.place or not groups or \
            not state.facts.get("employer_type") or not (given or _THEIR_OWN.search(flat)) or \
            not state.facts.get("employed", True):
        return None
    base = {k: v for k, v in state.facts.items() if k not in _UNIT_ONLY}
    # (a group's head-count is its own, not the unit's: "13人×380元" is not the 5 of them's fares)
    counts = [k for k in ("referred_count", "seasonal_referred_count", "new_hires", "hired_poor_count", "intern_count",
                          "trainee_count") if k in base]
    seasonal = state.facts.get("seasonal_referred_count")
    contract = state.facts.get("referred_count")
    kinds = [{} for _ in groups]
    if not given and seasonal and contract and state.facts.get("seasonal_job") and \
            sum(float(n) for n, _ in groups) == float(seasonal):
        # an agency's placements on contracts beside its seasonal ones, the groups by time the seasonal ones' ("9个进厂签了
        # 一年以上的劳动合同…另外4个去县里苹果园干季节工干了4个月 还有2个…干了1个月就回家了"): the contract ones a group
        # of their own, on their contract; the seasonal ones on no contract of a year
        groups = [[contract, state.facts.get("months_since_employment") or max(m for _, m in groups)]] + list(groups)
        # (a seasonal job of some months is no contract of a year: its months are its term)
        kinds = [{"seasonal_job": False}] + [{"seasonal_job": True, "contract_months": float(m),
                                              "labor_contract_signed": None} for _, m in groups[1:]]
    persons = [Person(("签了合同的" if kind.get("seasonal_job") is False else
                       "干季节工约" if kind.get("seasonal_job") else "上班约") +
                      (f"{_fmt_n(n)}人" if kind.get("seasonal_job") is False else f"{_fmt_n(m)}个月的{_fmt_n(n)}人"),
                      {k: v for k, v in dict(base, months_employed=float(m), months_since_employment=float(m),
                                             **{k: float(n) for k in counts},
                                             employed=True, **kind).items() if v is not None},
                      dict({"months_employed": float(m), "months_since_employment": float(m), "employed": True},
                           # (a trip of theirs said for the group given: "车票一个人三百八")
                           **{k: base[k] for k in ("transport_cost", "work_scope") if given and base.get(k) is not None}))
               for (n, m), kind in zip(groups, kinds)]
    lines, results = [], []
    # (their own of the kind of money the unit was just told of: "那这几个娃自己能拿啥" after its 见习补贴 hears of the
    # interns' 人身意外伤害保险)
    pol = default_policies().benefits
    topics = {pol[i].topic for i in state.last_benefits or [] if i in pol}
    same = [b.id for d in default_gazetteer().resolve(state.place).documents for b in d.benefits if b.topic in topics]
    if nz.PAYEE_ASKED.search(flat) or decide._POINTED_AMOUNT.search(flat):
        same = []       # ("这1000块是打给公司还是直接给学生？学生每个月自己能拿多少": the money told of is the question)
    for (n, _m), (p, rs) in zip(groups, evaluate_persons(persons, state.place, [], as_of, role="proxy", failing=True)):
        have = {r.benefit.id for r in rs}
        rs = [r for r in rs if personal(r)] + \
            [r for r in (evaluate(decide.profile_of(State(place=state.place, facts=p.facts)), state.place, as_of=as_of,
                                  benefit_ids=same).results if same else [])
             if r.benefit.id not in have and personal(r) and r.status != INELIGIBLE]
        parts = []
        for r in rs:
            r = _for_the_group(r, float(n))
            results.append(r)
            if r.status == INELIGIBLE:
                parts.append(f"✗{r.benefit.name}（{'；'.join(r.reasons[:1]) or '不符合条件'}）")
            else:
                # (an ended document marked on the line itself, not only below: "按该文件条件符合（文件已于…到期）")
                parts.append(f"{'✓' if r.status == ELIGIBLE else '?'}{r.benefit.name}：{amount_line(r)}"
                             + (ended_mark(r, as_of) if r.status == ELIGIBLE else ""))
        if parts:
            lines.append(f"{p.label}：" + "；".join(parts))
    heads = [ln.split("：", 1)[0] for ln in lines]
    if len(lines) == len(groups) > 1 and len({ln.split("：", 1)[1] for ln in lines}) == 1:
        # (the same for every group, an amount not counted by them: "见习人员人身意外伤害保险" for each intern)
        lines, groups = [f"这{_fmt_n(sum(float(n) for n, _ in groups))}人：" + lines[0].split("：", 1)[1]], groups[:1]
        heads = []
    if not lines:
        return None
    # (the unit's own money just stated that the same person may not have beside theirs: "同一人同一年度…只能享受其一")
    pol = default_policies().benefits
    unit_said = [pol[i] for i in state.last_benefits or [] if i in pol]
    pairs = dict.fromkeys((r.benefit.name, o.name) for r in results if r.status != INELIGIBLE
                          for e in r.benefit.exclusions for o in unit_said if o.id == e.other)
    yearly = any(e.scope == "calendar_year" for r in results for e in r.benefit.exclusions)
    for a in dict.fromkeys(a for a, _ in pairs):
        lines.append(f"注意：同一人{'同一年度' if yearly else ''}，{a}与{'、'.join(b for x, b in pairs if x == a)}只能享受其一。")
    docs = default_gazetteer().resolve(state.place).documents
    if label:
        lines = [re.sub(r"^上班约[^：]*?：", label + "：", ln) for ln in lines]
    elif len(groups) == 1 and heads:        # (one group: no "分开说", the group said as "这6人")
        lines = [re.sub(r"^上班约[^：]*?的", "这", lines[0])]
    # (a service for them, no money: "他们自己能享受的", not money paid to them)
    head = "他们自己能享受的（不是给单位的）：" if results and all(r.benefit.kind == "free_service" for r in results) else \
        "工人自己能领的（钱发给他们本人，不是发给单位）："
    return ([head] + ([] if len(groups) == 1 else ["分开说："]) + lines +
            [validity_line(d, as_of) for d in docs], results)


def _for_the_group(r, n: float):
    """A person's fixed amount for a group of n such persons ("2人×每人每次500元=1000元")."""
    a = r.amount
    from policies.evaluator import benefit_count_fact

    if a is None or a.value is None or a.range or n <= 1 or a.basis or benefit_count_fact(r.benefit) or \
            r.benefit.amount.type not in ("fixed", "cases", "capped_cost"):
        return r
    each = fmt_money(a.value)
    per = each if r.benefit.amount.type == "capped_cost" else (a.text or each)     # (a cost of their own: its sum)
    amount = dataclasses.replace(a, value=a.value * n, basis=f"{_fmt_n(n)}人×{per}",
                                 steps=list(a.steps) + [f"{_fmt_n(n)}人×{each} = {fmt_money(a.value * n)}"])
    return dataclasses.replace(r, amount=amount)


def _changed_by_groups(state: State, before: dict | None, as_of: dt.date) -> list[str]:
    """The benefits stated so far whose amount the message (groups at new times) changes, of the facts before it."""
    ids = [i for i in state.facts.get(decide.STATED) or [] if i in default_policies().benefits]
    if not ids or not state.place or before is None:
        return []
    was = State(place=state.place, facts=copy.deepcopy(before))
    before = {r.benefit.id: r.amount.value for r in evaluate(decide.profile_of(was), state.place, as_of=as_of,
                                                              benefit_ids=ids).results}
    return [r.benefit.id for r in evaluate(decide.profile_of(state), state.place, as_of=as_of, benefit_ids=ids).results
            if r.amount.value and before.get(r.benefit.id) is not None and r.amount.value != before[r.benefit.id]]


def _what_the_group_adds(state: State, groups_before: list, decision: Decision, as_of: dt.date) -> list[Reply]:
    """"那前进村那俩要是干满一年了，还能再补不": a group of the unit at a time to come; what it adds to each amount
    stated (the amount as it stands now beside it)."""
    # (the facts before the message, when it said more than the groups' times: "俺再新招5个…都干满一年的话")
    was = State(place=state.place, facts=copy.deepcopy(decision.before) if decision.before is not None else
                {**copy.deepcopy(state.facts), "group_months": groups_before})
    ids = [r.benefit.id for r in decision.stated if r.amount.value]
    before = {r.benefit.id: r for r in evaluate(decide.profile_of(was), state.place, as_of=as_of,
                                                benefit_ids=ids).results} if ids else {}
    # the groups new or at new times (a multiset's difference: people added of a time another group has are new too)
    left, now = [list(x) for x in groups_before], []
    for g in state.facts.get("group_months") or []:
        if list(g) in left:
            left.remove(list(g))
        else:
            now.append(list(g))
    if not now:
        return []
    # the group alone at that time: its own amount (what it adds), stated beside the unit's whole (groups at one time:
    # together, "俺再新招5个…都干满一年的话" beside the 3 reaching it)
    n, months = now[0][0], now[0][1]
    if len({g[1] for g in now}) == 1:
        n = sum(g[0] for g in now)
    alone = {k: v for k, v in copy.deepcopy(state.facts).items()
             if k not in ("group_months", "counted_not", "counted_out", "case_groups")}
    for k in ("new_hires", "hired_poor_count", "referred_count", "intern_count"):
        if k in alone:
            alone[k] = float(n)
    alone.update(months_employed=float(months), months_since_employment=float(months))
    theirs = {r.benefit.id: r for r in evaluate(decide.profile_of(State(place=state.place, facts=alone)), state.place,
                                                as_of=as_of, benefit_ids=ids).results} if ids else {}
    lines, extra = [], []
    for r in list(decision.stated):
        b, own = before.get(r.benefit.id), theirs.get(r.benefit.id)
        more = r.amount.value - (b.amount.value or 0) if b is not None and b.status == r.status else None
        if more and more > 0 and own is not None and own.amount.value == more:
            lines.append(f"这{fact_value_text('new_hires', n)}干满了，{r.benefit.name}再补{fmt_money(more)}"
                         f"（{fact_value_text('new_hires', n)}×{fmt_money(more / n)}），一共{fmt_money(r.amount.value)}。")
            extra.append(own)
        elif more and more > 0:
            # (others beside the group at new times too, "俺再新招5个…都干满一年的话": what they all add)
            lines.append(f"按这么算，{r.benefit.name}比现在多{fmt_money(more)}，一共{fmt_money(r.amount.value)}。")
    decision.stated.extend(extra)
    return [Reply("\n".join(lines))] if lines else []


def _asked_benefits(state: State, text: str, as_of: dt.date) -> list:
    """What a follow-up ("要带啥", "去哪办") is about: the benefits the message names by their words, then the last
    ones stated or the topic's."""
    text = nz.heard_as(text)        # "非遗扶贫就业工方" is the 工坊
    named = decide.named_elsewhere(state, [], text, as_of) if state.place else []
    if not named and not state.topic and not state.last_benefits:
        # the first message asks where or what to bring and names the topic ("想认定成社区工厂，要准备啥材料")
        state.topic = default_catalogue().question_named_in(text)
        state.role = role_of(state.topic, text, state.role) if state.topic else state.role
    ids = {r.benefit.id for r in named}
    results = named + [r for r in _all_spoken_of(state, text, as_of) + decide.current_benefits(state, as_of)
                       if r.benefit.id not in ids and not ids.add(r.benefit.id)]
    # "闺女那个要准备啥": the benefits for the person named, of several said before (not when both are asked of: "俺跟小的
    # 住一块 大的在昆山回不来 俺能替他俩去镇上办不 要带啥")
    if not _BOTH_ASKED.search(text):
        results = decide.for_person_named(state, text, results, as_of) or results
    # ("那我妹那个一千块的 她要准备些啥材料": her own money the household message pointed at, the one its amount names
    # first)
    theirs = _own_money_of_named(state, text, as_of)
    if theirs:
        results = theirs[:1] + [r for r in results if r.benefit.id != theirs[0].benefit.id]
    return _chosen(results, text) or results


def _all_spoken_of(state: State, text: str, as_of: dt.date) -> list:
    """"这些都在哪儿办": every benefit stated so far in the conversation, in the order they were stated ([] when the
    message does not ask of them all)."""
    said = state.facts.get(decide.STATED)
    if not (nz.THESE_APPLY.search(text or "") or nz.THESE_ALL.search(text or "")) or not isinstance(said, list):
        return []
    last = state.last_benefits
    state.last_benefits = [i for i in said if i in default_policies().benefits]
    try:
        return decide.current_benefits(state, as_of)
    finally:
        state.last_benefits = last


def _how_many_asked(text: str) -> int:
    """How many benefits a where / papers answer covers: every one spoken of when the message asks of them all
    ("这些都在哪儿办"), at most 4; else 2."""
    return 4 if nz.THESE_APPLY.search(text or "") or nz.THESE_ALL.search(text or "") else 2


def _own_money_of_named(state: State, text: str, as_of: dt.date) -> list:
    """The money of their own that the person a follow-up names was told of in a household message (persons said
    before), the one an amount in the message names first; [] when it names none of them."""
    from .persons import evaluate_persons, persons_said

    one = decide.person_named(state, text) if state.place else None
    person = next((p for p in persons_said(state) if one is not None and p.label == one[0]), None)
    if person is None:
        return []
    got = evaluate_persons([person], state.place, [], as_of)
    theirs = [r for r in (got[0][1] if got else []) if r.status != INELIGIBLE and personal(r)]
    by_amount = {b.id for b in decide.benefits_by_amount(text, state.place)}
    return sorted(theirs, key=lambda r: r.benefit.id not in by_amount)


# one of the benefits just stated picked ("那就选基地 啥时候报", "还是要车间的吧"): by a word of its name
_CHOICE = re.compile(r"(?:选|挑|还是要|就要|就报|还是报)(?:那个|这个|那|这)?\s*([\u4e00-\u9fff]{2,4}?)(?:的|吧|了|那个|这个|[\s，,。！!？?]|$)|"
                     r"按\s*([\u4e00-\u9fff]{2,4}?)(?:的)?(?:报|申请|来)")


def _chosen(results: list, text: str) -> list:
    """The results a choice in the message names (those of the kind picked: "按社区工厂报" → its two), or [] when it
    names none or all."""
    for m in _CHOICE.finditer(text or ""):
        hits = [r for r in results if (m.group(1) or m.group(2)) in r.benefit.name]
        if 0 < len(hits) < len(results):
            return hits
    return []




# the one asked for first named again by the asker who then asked for themself ("那我老公那三百六找哪个领")
_FIRST_AGAIN = re.compile(rf"^\s*(?:那|哦|嗯|好)?[，,\s]*(?:我|俺|额|咱)(?:家|屋里)?(?:{nz.FAMILY_WORDS})")


def _back_to_first(state: State, text: str) -> None:
    """"那我老公那三百六找哪个领 要带么子" after "那我呢…" (her own case): his facts again, as they were."""
    people = state.facts.get(decide.PEOPLE)
    if state.role != "worker" or not isinstance(people, dict) or not isinstance(people.get("first"), dict) or \
            not _FIRST_AGAIN.match(text or ""):
        return
    people = _keep_person(state)
    first = dict(people["first"])
    state.facts = {**first, decide.PEOPLE: people}
    state.role = "proxy"
    said = first.get(decide.STATED)
    if isinstance(said, list):
        state.last_benefits = [i for i in said if i in default_policies().benefits]


def documents_turn(state: State, text: str, entities, as_of: dt.date | None = None) -> Turn:
    new_caller(state, text)
    as_of = as_of or today()
    text = text if isinstance(text, str) else ""        # (not text: nothing to read, never a traceback)
    _back_from_what_if(state)
    _back_to_first(state, text)
    if state.topic and nz.AMOUNT_OR_WHEN.search(text) and not nz.PAPERS_ASKED.search(text):
        # taken for "要带啥" but asks how much or how long ("要等好久才能拿？拿好多？"): the benefit's answer
        return policy_turn(state, state.topic, text, entities, as_of)
    asked = default_catalogue().question_named_in(text)
    # another question beside the papers ("学员来回的路费是不是得我们学校出？申报的时候我们要准备点啥"): its answer, then the
    # papers of what it states
    other = [c for c in re.split(r"[？?。！!]", text) if c.strip() and not nz.PAPERS_ASKED.search(c)]
    # (not "她要准备些啥材料 交给谁": where the papers go, not whom the money goes to)
    whose = any((nz.PAYEE_ASKED.search(c) or nz.WHO_PAYS.search(c)) and not re.search(r"(?:交|递|送)(?:给|到)(?:谁|哪)", c)
                for c in other)
    if (asked and not state.topic and nz.AMOUNT_ASKED.search(text)) or (whose and (asked or state.topic)):
        # "一次性奖补咋算？要准备啥材料" as the first message: the amount first, then the papers of what it states
        t = policy_turn(state, asked or state.topic, text, entities, as_of)
        papers = [documents_text(r.benefit) + (f"\n（这是{r.benefit.payee_label}申请时交的材料）"
                                               if state.role in ("worker", "proxy") and not personal(r) else "")
                  for r in t.decision.stated if r.status != INELIGIBLE][:1]
        if papers:
            t.replies.append(Reply(papers[0], buttons=[{"title": "去哪办", "payload": "/ask_where_apply"}]))
        return t
    absorb(state, text, entities)
    results = _asked_benefits(state, text, as_of)
    if not results and state.place and not default_gazetteer().resolve(state.place).documents:
        # ("那陇县自己有没有这种补贴？该上哪问，要带啥": a place of no document: whom to ask, no papers of ours)
        return Turn([Reply(no_policy_text(state.place))], Decision())
    if not results:
        return Turn([Reply("您想问哪项补贴的材料？先告诉我您是哪个县的、问的是啥补贴，比如“千阳的求职补贴要带啥”。")], Decision())
    own = (lambda r: not personal(r)) if state.role == "employer" else personal   # the asker's own money first
    named = [r for r in results if decide.named_in(r, text) >= 20]
    if state.place and decide.person_named(state, text) and results and personal(results[0]) and results[0] not in named:
        # ("那我妈那五千和合作社那两千到哪儿办": the money of the person named, first, beside the unit's)
        named.insert(0, results[0])
    mine = named + ([r for r in results if own(r) and r.status != INELIGIBLE and r not in named] or
                    [r for r in results if r.status != INELIGIBLE and r not in named] or
                    [r for r in results if r not in named])
    # a procedure the text spells out that is no benefit ("认定社区工厂咋弄，要交哪些材料"): what the text says, first
    # (not when the benefits just stated are asked of: "那这俩补贴要带啥材料")
    texts = also_in_text(decide.evaluate_topic(state, as_of), text, limit=1, by_words=True) \
        if state.place and not nz.THESE_ALL.search(text) else []
    mine = mine[:1 if texts else _how_many_asked(text)]
    if _BOTH_ASKED.search(text):
        # "那他俩的都要带啥": the papers of the other person asked about before too (his own money, not only hers)
        mine = mine[:1] + [r for r in _others_own(state, as_of) if r.benefit.id not in {x.benefit.id for x in mine}][:1] + \
            mine[1:]
        mine = mine[:3]
    # ("那这些补贴啥时候报 报到哪 要准备啥材料": when and where too, each question answered)
    where_too = bool(nz.WHEN_TO_APPLY.search(text) or nz.WHERE_ASKED.search(text))
    listed = []
    for r in mine:
        t = documents_text(r.benefit)
        if r.benefit.documents and r.benefit.documents in listed:   # (two of one kind: the same papers, said once)
            t = f"【{r.benefit.name}】要带的材料：同上"
        listed.append(r.benefit.documents)
        if where_too:
            t = where_line(r.benefit) + "\n" + t.split("】", 1)[1]
        if state.role in ("worker", "proxy") and not personal(r):
            t += f"\n（这是{r.benefit.payee_label}申请时交的材料）"
        texts.append(t)
    total = benefits_total(mine, text) if nz.THESE_ALL.search(text) else ""
    if total:                   # ("那这些补贴啥时候报…": what they come to, said again above the papers)
        texts.insert(0, total)
    texts.append(validity_footer(mine[:2], as_of, state.facts))
    _remember_answered(state, mine)
    return Turn([Reply("\n\n".join(texts), buttons=[{"title": "去哪办", "payload": "/ask_where_apply"}])],
                Decision(stated=mine))


# whether some of the unit's people can still take a benefit of their own ("自己还能回镇上再领500块的求职补贴不")
_STILL_CAN = re.compile(r"(?:自己|本人)[^，,。；;？?]{0,4}?还能[^，,。；;？?]{0,8}?(?:领|拿|报|申请)[^，,。；;？?]{0,14}?(?:不|吗|没|么)\s*(?:[？?]|$)")


def _clause_of(text: str, at: int) -> str:
    """The sentence of text that holds position at."""
    start = max(text.rfind(c, 0, at) for c in "？?。！!") + 1
    ends = [i for i in (text.find(c, at) for c in "？?。！!") if i >= 0]
    return text[start:min(ends) if ends else len(text)]


def where_turn(state: State, text: str, entities, as_of: dt.date | None = None) -> Turn:
    new_caller(state, text)
    as_of = as_of or today()
    text = text if isinstance(text, str) else ""
    _back_from_what_if(state)
    asked = default_catalogue().question_named_in(nz.heard_as(text)) if isinstance(text, str) else None
    if not asked and state.topic and nz.LATE_ASKED.search(text):
        asked = state.topic     # "那他姐前年毕业的，当时没申请，现在补申请中不中": still the topic of the last answer
    # "那9月份那3个干满半年以后呢？到时候这钱找哪里要？": a group of the unit at a time to come, then where
    later = bool(state.topic and state.facts.get("group_months") and _group_later(text))
    if later:
        asked = state.topic
    if asked and (later or nz.LATE_ASKED.search(text) or nz.AMOUNT_OR_WHEN.search(text) or nz.WHETHER_GIVEN.search(text)):
        # "听说还有个5000块的创业补贴…现在去还来得及不": whether the person still gets it, and by when; "技校这块一年能补
        # 多少钱？去哪申请？": the amount first, then where
        t = policy_turn(state, asked, text, entities, as_of)
        where = [where_line(r.benefit) for r in t.decision.stated[:2] if r.status != INELIGIBLE]
        if where and not nz.LATE_ASKED.search(text) and not any("去哪办" in r.text for r in t.replies):
            t.replies.append(Reply("\n".join(where)))
        return t
    still = _STILL_CAN.search(text)
    if still and state.role == "employer" and state.topic and \
            default_catalogue().question_named_in(_clause_of(text, still.start())):
        # "那去江苏那8个人自己还能回镇上再领500块的求职补贴不？我们这职介补贴钱打到哪…要啥材料": whether they can, then
        # where and with what papers the unit applies for its own
        t = policy_turn(state, default_catalogue().question_named_in(_clause_of(text, still.start())), text, entities,
                        as_of)
        mine = [r for r in t.decision.stated if r.status != INELIGIBLE and not personal(r)][:2]
        t.replies += [Reply(where_line(r.benefit, papers=True)) for r in mine]
        return t
    if text and state.topic and not nz.WHERE_ASKED.search(text) and \
            (nz.BEYOND_ASKED.search(text) or nz.WHEN_COUNTED.search(text)):
        # ("那七月来的那个，啥时候能给算上": when the one not counted yet will be, of the topic)
        # "社长能按12个月给报不" (taken for a where question): the months past the longest period, of the topic
        return policy_turn(state, state.topic, text, entities, as_of)
    if text and not nz.WHERE_ASKED.search(text) and state.place and \
            also_in_text(decide.evaluate_topic(state, as_of), text, limit=1, by_words=True):
        # "上回培训让我在个卡上签字…那玩意儿是嘎哈用的" (taken for a where question): what the text says of the thing
        return policy_turn(state, "inform", text, entities, as_of)
    absorb(state, text, entities)
    if state.place and not default_gazetteer().resolve(state.place).documents:
        # ("我是四川南冲的脱贫户 在成都送外卖…我在成都能申请不 找哪个部门"): no document of the place, and whom to ask
        return policy_turn(state, "inform", text, entities, as_of)
    results = _asked_benefits(state, text, as_of)
    if not results:
        return Turn([Reply("您想问哪项补贴在哪办？先告诉我您是哪个县的、问的是啥补贴。也可以直接问镇劳动保障事务所或拨打12333。")],
                    Decision())
    own = (lambda r: not personal(r)) if state.role == "employer" else personal
    # (the money with an amount before one the text names without any: "这钱是打给厂里还是…找谁报" of a unit's 6000元 and
    # its 社保补贴)
    money = bool(re.search(r"这(?:笔|些)?钱", text))
    mine = sorted([r for r in results if r.status != INELIGIBLE] or results,
                  key=lambda r: (decide.named_in(r, text) < 20, not own(r), money and r.amount.unstated))
    mine = mine[:_how_many_asked(text)]
    # ("去哪办 要带啥"): the papers too
    papers = any(m.group(0) != "手续" for m in nz.PAPERS_ASKED.finditer(text))
    out = [where_line(r.benefit, papers, procedure=True) for r in mine]
    total = benefits_total(mine, text) if nz.THESE_ALL.search(text) else ""
    if total:
        out.insert(0, total)
    out.append(validity_footer(mine[:2], as_of, state.facts))
    _remember_answered(state, mine)
    return Turn([Reply("\n\n".join(out), buttons=[{"title": "要带啥材料", "payload": "/ask_documents"}])],
                Decision(stated=mine))


def smalltalk_turn(state: State, intent: str | None, text: str, entities, as_of: dt.date | None = None) -> Turn | None:
    """Greetings, thanks, out of scope, the NLU's fallback: None when the usual response fits; a policy turn when the
    message tells facts, asks about money or asks again about the topic ("那这钱是谁发给我")."""
    from .understand import goes_to_core

    text = text if isinstance(text, str) else ""
    new_caller(state, text)
    told = intent in (None, "nlu_fallback") and state.topic and len(_CJK.findall(text)) >= 8 and \
        _PERSON_TOLD.search(text)
    if not told and not goes_to_core(state, text, extract(text, entities, state.place, as_of)):
        return None
    # (a sentence about the person in a conversation under way, "他腿脚不好出不了远门，屋里也没啥别的收入", that the NLU
    # could not place: the topic's answer again with all that is known, not "没太听明白")
    return policy_turn(state, "inform", text, entities, as_of)


_CJK = re.compile(r"[\u4e00-\u9fff]")
# words of someone's situation (themself, family, work, home)
_PERSON_TOLD = re.compile(r"我|俺|他|她|咱|家|屋里|儿子|女儿|闺女|娃|老公|媳妇|老婆|爸|妈|单位|厂|学校|学员|工人")


def validity_or_turn(state: State, text: str, entities, as_of: dt.date | None = None) -> Turn:
    """A message the NLU took for a validity question: the validity when it asks about it (or nothing else is going
    on); otherwise the conversation goes on ("来电人说她女儿今年23" answers the question asked before)."""
    from policies.normalize import VALIDITY_WORDS

    from .understand import goes_to_core

    from .understand import merge

    text = text if isinstance(text, str) else ""
    new_caller(state, text)
    ex = extract(text, entities, state.place, as_of)
    if nz.CITATION_ASKED.search(text) and state.last_benefits and state.place and \
            default_gazetteer().resolve(state.place).documents:
        # "这都是哪个文件哪一条规定的": the last answer's benefits again, each with its 文号 and clause (依据), and the
        # document's validity
        turn = policy_turn(state, state.topic or "inform", text, entities, as_of)
        if not any("依据" in r.text for r in turn.replies):
            # (a list of what may be had, with no card: the clause of each said after it, as asked, those met first)
            met = sorted((r for r in turn.decision.stated if r.status != INELIGIBLE), key=lambda r: r.status != ELIGIBLE)
            by_doc: dict[str, list] = {}
            for r in met:
                items = by_doc.setdefault(r.benefit.document.document_no, [])
                if f"{r.benefit.name} {r.benefit.clause}" not in items and sum(map(len, by_doc.values())) < 6:
                    items.append(f"{r.benefit.name} {r.benefit.clause}")
            turn.replies += [Reply(f"依据（{no}）：" + "；".join(items)) for no, items in by_doc.items() if items]
        return turn
    # the validity asked beside another question ("问去申请劳动仲裁要不要交钱，还有…政策现在还算不算数"): both, the
    # other first (its answer says the validity too)
    other = [c for c in re.split(r"[，,。；;？?！!\s]", text) if c.strip() and not VALIDITY_WORDS.search(c) and
             not re.search(r"政策|文件", c)]
    if VALIDITY_WORDS.search(text) and goes_to_core(state, text, ex) and \
            any(nz.QUESTION_WORDS.search(c) for c in other):
        turn = policy_turn(state, "inform", text, entities, as_of)
        if not any(re.search(r"到期|可能已调整|有效期", r.text) for r in turn.replies):
            turn.replies += validity_turn(state, as_of).replies
        return turn
    if VALIDITY_WORDS.search(text) or not goes_to_core(state, text, ex):
        if not ex.empty():
            merge(state, ex, "inform")      # "我是平利的…政策还有效不": the place (and facts) said are kept
        return validity_turn(state, as_of)
    # facts or a question about money ("我屋里是平利的贫困户…他还能享受不"): the conversation, not the validity
    return policy_turn(state, "inform", text, entities, as_of)


def validity_turn(state: State, as_of: dt.date | None = None) -> Turn:
    from policies import default_policies

    as_of = as_of or today()
    if not state.place:
        docs = default_policies().documents
        ended = sum(1 for d in docs if d.ended(as_of))
        if ended == len(docs):
            head = f"收录的{len(docs)}份文件都已到期或属于2020年以前的政策。"
        else:
            head = f"收录的{len(docs)}份文件中有{ended}份已到期或属于2020年以前的政策。"
        return Turn([Reply(head + "告诉我您是哪个县的，我说说那份文件的情况。")], Decision())
    res = default_gazetteer().resolve(state.place)
    if not res.documents:
        return Turn([Reply(no_policy_text(state.place))], Decision())
    lines = [f"{d.document_no}《{d.title}》\n{validity_line(d, as_of)}" for d in res.documents]
    return Turn([Reply("\n".join(lines))], Decision())
