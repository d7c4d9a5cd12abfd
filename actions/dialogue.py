"""One dialogue turn about benefits, as plain Python: state in, messages and new state out.

The rasa-sdk actions (actions/actions.py) only move this state to and from slots. The policy module decides what
is missing; the turn asks for the single fact that decides the most (at most MAX_QUESTIONS per topic, the place
always first because no amount may be given without the place's own document), then answers.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from policies import ELIGIBLE, INELIGIBLE, UNKNOWN, default_gazetteer, default_policies, evaluate
from policies import normalize as nz
from policies.evaluator import WORKER_TOPICS_FOR, BenefitResult, Evaluation, Profile, rank_missing
from policies.model import TOPICS
from policies.render import amount_line, apply_line, citation, documents_text, no_policy_text, validity_line

from .facts import MAX_TEXT, extract

MAX_QUESTIONS = 2
MAX_CARDS = 3

TOPICS_BY_INTENT: dict[str, list[str]] = {
    "ask_job_seeking": ["job_seeking"],
    "ask_transport": ["transport"],
    "ask_factory_job": ["community_factory", "employment_base", "heritage_workshop"],
    "ask_public_post": ["public_welfare_post"],
    "ask_internship": ["internship"],
    "ask_startup_subsidy": ["startup_subsidy", "startup_reward"],
    "ask_startup_loan": ["startup_loan"],
    "ask_training": ["skills_training", "startup_training", "training_allowance"],
    "ask_training_allowance": ["training_allowance"],
    "ask_appraisal": ["skill_appraisal"],
    "ask_school_grant": ["technical_school"],
    "ask_employer_subsidy": ["post_subsidy", "social_insurance", "work_for_training", "community_factory",
                             "employment_base", "heritage_workshop", "startup_reward", "model_unit_award"],
    "ask_referral": ["job_referral"],
    "ask_graduate_subsidy": ["graduate_job_search", "internship", "startup_subsidy"],
    "ask_what_can_i_get": list(TOPICS),
}
FOLLOWUP_INTENTS = {"ask_documents", "ask_where_apply", "ask_validity"}
FACT_INTENTS = {"inform", "correct", "affirm", "deny"}
PERSONAL_PAYEES = {"worker", "graduate", "student_family", "entrepreneur", "borrower"}
# facts that only pick which variant of a benefit applies: failing one of them means "a different benefit", not
# "you are not entitled", so such results are not shown
SELECTOR_FACTS = {"training_type", "post_type", "business_type", "borrower_type", "employer_type"}
NEXT_STEPS = [("要带啥材料", "/ask_documents"), ("去哪办", "/ask_where_apply"), ("还能领啥", "/ask_what_can_i_get")]


@dataclass
class State:
    place: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)   # fact -> value; plus category / not_category lists
    topic: str | None = None
    pending_fact: str | None = None
    asked: list[str] = field(default_factory=list)
    last_benefits: list[str] = field(default_factory=list)
    role: str | None = None

    @classmethod
    def from_slots(cls, slots: dict) -> "State":
        s = cls()
        for k in asdict(s):
            v = slots.get(k)
            if v is not None:
                setattr(s, k, v if not isinstance(getattr(s, k), (list, dict)) else type(getattr(s, k))(v))
        return s

    def to_slots(self) -> dict:
        return asdict(self)


@dataclass
class Reply:
    text: str
    buttons: list[dict] = field(default_factory=list)


# --------------------------------------------------------------------------------------------------- formatting
def fact_value_text(name: str, value) -> str:
    vocab = default_policies().vocab
    f = vocab.facts.get(name)
    if f is None:
        return str(value)
    if f.type == "bool":
        return "是" if value else "否"
    if f.type == "months":
        v = float(value)
        return f"{int(v)}个月" if v.is_integer() else f"{v:g}个月"
    if f.type == "money":
        from policies.evaluator import fmt_money
        return fmt_money(float(value))
    if f.type == "ratio":
        return f"{float(value) * 100:g}%"
    if f.type in ("count",):
        return f"{float(value):g}人"
    if f.type == "days":
        return f"{float(value):g}天"
    if f.type == "years":
        return f"{float(value):g}岁"
    return str(value)


def known_line(state: State) -> str:
    vocab = default_policies().vocab
    parts = []
    if state.place:
        parts.append(state.place)
    cats = state.facts.get("category") or []
    if cats:
        parts.append("、".join(cats))
    for name, value in state.facts.items():
        if name in ("category", "not_category", "category_exhaustive") or name not in vocab.facts:
            continue
        parts.append(f"{vocab.facts[name].label}{fact_value_text(name, value)}")
    return "我记下的：" + "，".join(parts) if parts else ""


def payee_phrase(r: BenefitResult, role: str | None) -> str:
    b = r.benefit
    if b.kind == "loan":
        return "这是贷款（要按期还），贷给借款人" + ("（您本人）" if role != "employer" else "")
    if b.payee in PERSONAL_PAYEES and role != "employer":
        who = "您本人" if b.payee == "worker" else b.payee_label
        return f"钱发给{who}"
    s = f"钱发给{b.payee_label}"
    if role == "worker" and b.payee not in PERSONAL_PAYEES:
        s += "，不是发给您个人"
    return s


def short_card(r: BenefitResult, role: str | None) -> str:
    b = r.benefit
    lines = [f"【{b.name}】{amount_line(r)}，{payee_phrase(r, role)}"]
    if r.status == ELIGIBLE:
        lines.append("✓ 按您说的情况符合条件")
        if b.apply and b.apply.window:
            lines.append(f"申请时间：{b.apply.window}")
    elif r.status == INELIGIBLE:
        lines.append("✗ " + "；".join(dict.fromkeys(r.reasons)))
    else:
        needs = []
        for o in r.unknown:
            c = o.condition
            needs.append(getattr(c, "note", None) or (o.quotes[0] if o.quotes else ""))
        lines.append("还要看：" + "；".join(x for x in dict.fromkeys(needs) if x))
    lines.append(f"依据：{citation(b)}")
    return "\n".join(lines)


def validity_footer(results: list[BenefitResult], as_of: dt.date) -> str:
    seen, out = set(), []
    for r in results:
        d = r.benefit.document
        if d.id not in seen:
            seen.add(d.id)
            out.append(validity_line(d, as_of))
    return "\n".join(out)


# --------------------------------------------------------------------------------------------------- the turn
def _role(intent: str, text: str, previous: str | None) -> str:
    if intent in ("ask_employer_subsidy", "ask_referral"):
        return "employer"
    if re.search(r"我们(厂|公司|企业|基地|车间|工坊|合作社)|招了|吸纳|老板|企业主|厂长|我们社区工厂|我办的", text or ""):
        return "employer"
    if intent in TOPICS_BY_INTENT:
        return "worker"
    return previous or "worker"


def _apply_pending(state: State, intent: str | None, text: str, ex) -> None:
    """Use the answer to the question we asked."""
    pf = state.pending_fact
    if not pf:
        return
    vocab = default_policies().vocab
    if pf.startswith("place_confirm:"):
        if intent == "affirm":
            state.place = pf.split(":", 1)[1]
        return
    if pf == "place":
        return
    if pf == "category":
        if intent == "deny" and not ex.categories:
            state.facts["category_exhaustive"] = True
        return
    f = vocab.facts.get(pf)
    if f is None or pf in ex.facts:
        return
    if f.type == "bool":
        if intent == "affirm":
            ex.facts[pf] = True
        elif intent == "deny":
            ex.facts[pf] = False
        return
    if f.type == "enum":
        v = None
        if pf == "work_scope":
            if re.search(r"本县|县里|县城|家门口|本地|附近|村里|镇上", text):
                v = "本县"
            elif re.search(r"外县|别的县", text):
                v = "跨县"
            elif re.search(r"外市|别的市|市外", text):
                v = "跨市"
        else:
            fn = {"employer_type": nz.employer_type, "post_type": nz.post_type, "business_type": nz.business_type,
                  "training_type": nz.training_type}.get(pf)
            v = fn(text) if fn else None
            if v is None:
                v = next((c for c in f.choices if c in text), None)
        if v in f.choices:
            ex.facts[pf] = v
        return
    # numeric: an unassigned number in the answer
    if ex.numbers:
        n = ex.numbers[0]
        if f.type == "ratio" and n > 1:
            n = n / 100
        ex.facts[pf] = n
    else:
        parse = {"months": nz.parse_duration_months, "money": nz.parse_money, "count": nz.parse_count,
                 "days": nz.parse_days}.get(f.type)
        v = parse(text) if parse else None
        if v is not None:
            ex.facts[pf] = v


def _merge(state: State, ex, intent: str | None) -> list[str]:
    """Merge extracted facts into the state; return plain notes about corrections."""
    notes = []
    if ex.place and ex.place != state.place:
        if state.place and intent in ("correct", "inform", "deny"):
            notes.append(f"好的，地点改为{ex.place}。")
        state.place = ex.place
        state.pending_fact = None if state.pending_fact and state.pending_fact.startswith("place") else state.pending_fact
    cats = list(state.facts.get("category") or [])
    notcats = list(state.facts.get("not_category") or [])
    if ex.categories or ex.not_categories:
        if intent == "correct" and ex.categories:
            cats = []
        for c in ex.not_categories:
            if c in cats:
                cats.remove(c)
            if c not in notcats:
                notcats.append(c)
        for c in ex.categories:
            if c not in cats:
                cats.append(c)
            if c in notcats:
                notcats.remove(c)
        state.facts["category"] = cats
        state.facts["not_category"] = notcats
        state.facts.pop("category_exhaustive", None)
    for k, v in ex.facts.items():
        old = state.facts.get(k)
        if old is not None and old != v:
            notes.append(f"好的，{default_policies().vocab.facts[k].label}改为{fact_value_text(k, v)}。")
        state.facts[k] = v
    if ex.work_place and state.place:
        gaz = default_gazetteer()
        home, work = gaz.resolve(state.place).place, gaz.resolve(ex.work_place).place
        if home and work:
            if home.path[0] != work.path[0]:
                state.facts["work_scope"] = "跨省"
            elif len(home.path) > 1 and len(work.path) > 1 and home.path[1] != work.path[1]:
                state.facts["work_scope"] = "跨市"
    return notes


def profile_of(state: State) -> Profile:
    facts = {k: v for k, v in state.facts.items()}
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
    topics = set(TOPICS_BY_INTENT.get(state.topic or "", []))
    if state.role == "worker":
        for t in list(topics):
            topics.update(WORKER_TOPICS_FOR.get(t, []))
    if state.facts.get("employer_type") in ("社区工厂", "就业帮扶车间") and state.topic == "ask_factory_job":
        topics -= {"employment_base", "heritage_workshop"}
    elif state.facts.get("employer_type") == "就业帮扶基地" and state.topic == "ask_factory_job":
        topics -= {"community_factory", "heritage_workshop"}
    elif state.facts.get("employer_type") == "非遗扶贫就业工坊" and state.topic == "ask_factory_job":
        topics -= {"community_factory", "employment_base"}
    return evaluate(profile_of(state), state.place, as_of=as_of, topics=topics)


def relevant(ev: Evaluation, state: State) -> list[BenefitResult]:
    """The results worth showing, in order. A worker sees the topic's main employer-side benefit first (so that
    "this money goes to the factory" is said plainly), then what they can get themselves."""
    rank = {ELIGIBLE: 0, UNKNOWN: 1, INELIGIBLE: 2}
    primary_topics = set(TOPICS_BY_INTENT.get(state.topic or "", []))
    results = [r for r in ev.results
               if not (r.status == INELIGIBLE and r.failed and all(set(o.facts) <= SELECTOR_FACTS for o in r.failed)
                       and not r.reasons[len(r.failed):])]
    if state.role == "employer":
        return sorted(results, key=lambda r: (rank[r.status], r.benefit.payee in PERSONAL_PAYEES))
    personal = sorted([r for r in results if r.benefit.payee in PERSONAL_PAYEES], key=lambda r: rank[r.status])
    employer_side = [r for r in results if r.benefit.payee not in PERSONAL_PAYEES and r.benefit.topic in primary_topics]
    main = employer_side[:1]
    if state.topic == "ask_what_can_i_get":
        return personal
    return main + personal if personal else employer_side


def ask_for(state: State, fact: str) -> Reply:
    vocab = default_policies().vocab
    state.pending_fact = fact
    if fact not in state.asked:
        state.asked.append(fact)
    if fact == "place":
        return Reply("您是哪个县（区）的？比如：千阳县、汉阴县、海伦市。")
    return Reply(vocab.facts[fact].question)


def answer(state: State, ev: Evaluation, as_of: dt.date) -> list[Reply]:
    results = ev.results
    if not results:
        if not ev.documents:
            return [Reply(no_policy_text(state.place))]
        doc = ev.documents[0]
        topic_name = "、".join(TOPICS[t] for t in TOPICS_BY_INTENT.get(state.topic or "", [])[:2])
        head = Reply(f"{doc.document_no}（{doc.place_label}）里没有{topic_name}这方面的补贴。下面是按您的情况可能能领的：")
        allev = evaluate(profile_of(state), state.place, as_of=as_of)
        saved_topic = state.topic
        state.topic = "ask_what_can_i_get"
        rest = what_can_i_get(state, allev, as_of)
        state.topic = saved_topic
        return [head] + rest
    ordered = relevant(ev, state)
    shown = ordered[:MAX_CARDS]
    state.stated = shown          # not a slot: read by the action for the audit log
    state.last_benefits = [r.benefit.id for r in shown]
    state.pending_fact = None
    parts = []
    line = known_line(state)
    if line:
        parts.append(line)
    parts += [short_card(r, state.role) for r in shown]
    if len(ordered) > MAX_CARDS:
        parts.append(f"另有{len(ordered) - MAX_CARDS}项相关补贴，回复“还能领啥”查看。")
    parts.append(validity_footer(shown, as_of))
    return [Reply("\n\n".join(parts), buttons=[{"title": t, "payload": p} for t, p in NEXT_STEPS])]


def what_can_i_get(state: State, ev: Evaluation, as_of: dt.date) -> list[Reply]:
    poss = [r for r in ev.results if r.status != INELIGIBLE]
    if state.role != "employer":
        poss = [r for r in poss if r.benefit.payee in PERSONAL_PAYEES] or poss
    if not poss:
        return [Reply("按您说的情况，暂时没有符合的补贴。情况有变可以再告诉我，或问当地镇劳动保障事务所（12333）。")]
    lines = [known_line(state)] if known_line(state) else []
    lines.append("您可能能领这些（✓符合 ?还要确认）：")
    poss.sort(key=lambda r: (r.status != ELIGIBLE,))
    for i, r in enumerate(poss[:8], 1):
        mark = "✓" if r.status == ELIGIBLE else "?"
        lines.append(f"{i}. {mark}{r.benefit.name}：{amount_line(r)}")
    if len(poss) > 8:
        lines.append(f"……共{len(poss)}项")
    lines.append("想细问哪项，直接说名字，比如“交通补助”。")
    lines.append(validity_footer(poss, as_of))
    state.last_benefits = [r.benefit.id for r in poss[:8]]
    state.stated = poss[:8]
    state.pending_fact = None
    return [Reply("\n".join(lines), buttons=[{"title": t, "payload": p} for t, p in NEXT_STEPS[:2]])]


# words that name a topic unambiguously: they override the NLU intent among the ask_* intents
STRONG_TOPIC_WORDS = [
    (r"贷款|能贷|贷多少|贴息", "ask_startup_loan"), (r"路费|车费|车票|交通补助|交通补贴", "ask_transport"),
    (r"技校|技工院校|技工学校|雨露计划", "ask_school_grant"), (r"见习", "ask_internship"),
    (r"公益岗|公益性岗位", "ask_public_post"), (r"技能鉴定|职业资格证", "ask_appraisal"),
    (r"以工代训", "ask_employer_subsidy"),
]
# a message asking something has one of these; a message without them only tells facts
QUESTION_WORDS = re.compile(r"补贴|补助|补帖|奖补|钱|领|贷|报|政策|多少|能拿|有啥|有什么|啥|什么|吗|么|没有|不|咋|怎么|哪|\?|？")


def _effective_intent(intent: str | None, text: str, ex, state: State) -> str | None:
    """Correct the NLU intent with what the words plainly say."""
    if intent in TOPICS_BY_INTENT and intent != "ask_what_can_i_get":
        for pat, strong in STRONG_TOPIC_WORDS:
            if re.search(pat, text):
                return strong
        if state.topic and not ex.empty() and not QUESTION_WORDS.search(text):
            return "inform"        # "那我老家是五指山的": facts, no question: keep the topic
    return intent


def policy_turn(state: State, intent: str | None, text: str, entities: list | None,
                as_of: dt.date | None = None) -> list[Reply]:
    """A user message about benefits or facts → replies; updates state in place."""
    as_of = as_of or dt.date.today()
    replies: list[Reply] = []
    text = text if isinstance(text, str) else ""
    ex = extract(text, entities, state.place)
    intent = _effective_intent(intent, text, ex, state)
    if ex.truncated:
        replies.append(Reply(f"您的消息太长，我只看了前{MAX_TEXT}个字。"))
    _apply_pending(state, intent, text, ex)
    notes = _merge(state, ex, intent)
    if intent in TOPICS_BY_INTENT:
        if intent != state.topic:
            state.asked = []
        state.topic = intent
        state.role = _role(intent, text, state.role)
        state.pending_fact = None
    elif state.topic and intent in FACT_INTENTS:
        state.role = _role(intent, text, state.role)
    if notes:
        replies.append(Reply("".join(notes)))
    if not state.topic:
        line = known_line(state)
        replies.append(Reply((line + "。\n" if line else "") +
                             "您想问哪方面的补贴？比如：求职补贴、交通补助、社区工厂、公益岗、创业补贴、技能培训。"))
        return replies
    if not state.place:
        replies.append(ask_for(state, "place"))
        return replies
    res = default_gazetteer().resolve(state.place)
    if not res.documents:
        if res.narrower and len(res.narrower) == 1 and state.pending_fact != f"place_confirm:{res.narrower[0].place_label}":
            target = res.narrower[0]
            full = default_gazetteer().resolve(target.place_label).place.full_name
            state.pending_fact = f"place_confirm:{full}"
            replies.append(Reply(no_policy_text(state.place, res.narrower)))
            return replies
        state.pending_fact = None
        replies.append(Reply(no_policy_text(state.place)))
        return replies
    ev = evaluate_topic(state, as_of)
    if state.topic == "ask_what_can_i_get":
        nxt = _next_question(state, ev)
        if nxt:
            replies.append(ask_for(state, nxt))
            return replies
        return replies + what_can_i_get(state, ev, as_of)
    nxt = _next_question(state, ev)
    if nxt:
        replies.append(ask_for(state, nxt))
        return replies
    return replies + answer(state, ev, as_of)


def _next_question(state: State, ev: Evaluation) -> str | None:
    if len(state.asked) >= MAX_QUESTIONS:
        return None
    shown = relevant(ev, state)[:MAX_CARDS]
    if not any(r.status == UNKNOWN for r in shown):
        return None
    for fact, _score in rank_missing(shown, list(default_policies().vocab.facts)):
        if fact not in state.asked:
            return fact
    return None


# --------------------------------------------------------------------------------------------------- follow-ups
TOPIC_WORDS = [
    (r"求职", "ask_job_seeking"), (r"交通|路费|车费|车票", "ask_transport"),
    (r"社区工厂|车间|帮扶基地|非遗", "ask_factory_job"), (r"公益岗|公益性岗位", "ask_public_post"),
    (r"见习", "ask_internship"), (r"贷款", "ask_startup_loan"), (r"创业补贴|开店|个体", "ask_startup_subsidy"),
    (r"生活费", "ask_training_allowance"), (r"培训", "ask_training"), (r"鉴定|考证", "ask_appraisal"),
    (r"技校|技工|雨露", "ask_school_grant"), (r"以工代训|岗位补贴|社保补贴", "ask_employer_subsidy"),
]


def _absorb(state: State, text: str, entities) -> None:
    """A follow-up such as "千阳的求职补贴要带啥" also names a place and a topic: take them in."""
    ex = extract(text or "", entities, state.place)
    _merge(state, ex, "inform")
    for pat, intent in TOPIC_WORDS:
        if re.search(pat, text or ""):
            if intent != state.topic:
                state.topic, state.last_benefits, state.asked = intent, [], []
                state.role = _role(intent, text, state.role)
            break


def _current_benefits(state: State, as_of: dt.date) -> list[BenefitResult]:
    if not state.place:
        return []
    ids = state.last_benefits
    if not ids and state.topic:
        ev = evaluate_topic(state, as_of)
        ids = [r.benefit.id for r in relevant(ev, state)[:MAX_CARDS]]
    if not ids:
        return []
    ev = evaluate(profile_of(state), state.place, as_of=as_of, benefit_ids=ids)
    order = {bid: i for i, bid in enumerate(ids)}
    return sorted(ev.results, key=lambda r: order.get(r.benefit.id, 99))


def documents_turn(state: State, text: str, entities, as_of: dt.date | None = None) -> list[Reply]:
    as_of = as_of or dt.date.today()
    _absorb(state, text, entities)
    results = _current_benefits(state, as_of)
    if not results:
        return [Reply("您想问哪项补贴的材料？先告诉我您是哪个县的、问的是啥补贴，比如“千阳的求职补贴要带啥”。")]
    mine = [r for r in results if r.benefit.payee in PERSONAL_PAYEES and r.status != INELIGIBLE] or \
        [r for r in results if r.status != INELIGIBLE] or results
    texts = []
    for r in mine[:2]:
        t = documents_text(r.benefit)
        if state.role == "worker" and r.benefit.payee not in PERSONAL_PAYEES:
            t += f"\n（这是{r.benefit.payee_label}申请时交的材料）"
        texts.append(t)
    return [Reply("\n\n".join(texts), buttons=[{"title": "去哪办", "payload": "/ask_where_apply"}])]


def where_turn(state: State, text: str, entities, as_of: dt.date | None = None) -> list[Reply]:
    as_of = as_of or dt.date.today()
    _absorb(state, text, entities)
    results = _current_benefits(state, as_of)
    if not results:
        return [Reply("您想问哪项补贴在哪办？先告诉我您是哪个县的、问的是啥补贴。也可以直接问镇劳动保障事务所或拨打12333。")]
    mine = [r for r in results if r.status != INELIGIBLE] or results
    out = []
    for r in mine[:2]:
        b = r.benefit
        s = f"【{b.name}】{apply_line(b)}"
        if b.apply and b.apply.procedure:
            s += f"\n办法：{b.apply.procedure}"
        out.append(s)
    out.append(validity_footer(mine[:2], as_of))
    return [Reply("\n\n".join(out), buttons=[{"title": "要带啥材料", "payload": "/ask_documents"}])]


def validity_turn(state: State, as_of: dt.date | None = None) -> list[Reply]:
    as_of = as_of or dt.date.today()
    if not state.place:
        return [Reply("收录的5份文件都已到期或属于2020年以前的政策。告诉我您是哪个县的，我说说那份文件的情况。")]
    res = default_gazetteer().resolve(state.place)
    if not res.documents:
        return [Reply(no_policy_text(state.place))]
    lines = [f"{d.document_no}《{d.title}》\n{validity_line(d, as_of)}" for d in res.documents]
    return [Reply("\n".join(lines))]
