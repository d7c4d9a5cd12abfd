"""Understanding one message in the light of the conversation so far: the answer to the question the bot asked,
the facts to merge (with corrections said back), who is asking, and which question the words plainly name.
Facts are read from the text by assistant/extract.py."""
from __future__ import annotations

import re

from policies import default_gazetteer, default_policies
from policies import normalize as nz
from policies.catalogue import default_catalogue

from .extract import Extracted, extract
from .state import State
from .wording import fact_value_text

FACT_INTENTS = {"inform", "correct", "affirm", "deny"}
FOLLOWUP_INTENTS = {"ask_documents", "ask_where_apply", "ask_validity"}
# a message asking something has one of these; a message without them only tells facts
QUESTION_WORDS = re.compile(r"补贴|补助|补帖|奖补|钱|领|贷|报|政策|多少|能拿|有啥|有什么|啥|什么|吗|么|没有|不|咋|怎么|哪|\?|？")
EMPLOYER_WORDS = re.compile(r"我们(厂|公司|企业|基地|车间|工坊|合作社)|招了|吸纳|老板|企业主|厂长|我们社区工厂|我办的")


def is_question(intent: str | None) -> bool:
    return intent in default_catalogue().questions


def role_of(intent: str | None, text: str, previous: str | None) -> str:
    """Who is asking: an employer (by the question or the words) or a worker."""
    q = default_catalogue().questions.get(intent or "")
    if q is not None and q.role == "employer":
        return "employer"
    if EMPLOYER_WORDS.search(text or ""):
        return "employer"
    if q is not None:
        return "worker"
    return previous or "worker"


def effective_intent(intent: str | None, text: str, ex: Extracted, state: State) -> str | None:
    """Correct the NLU intent with what the words plainly say."""
    if is_question(intent) and intent != "ask_what_can_i_get":
        strong = default_catalogue().question_named_strongly(text)
        if strong:
            return strong
        if state.topic and not ex.empty() and not QUESTION_WORDS.search(text):
            return "inform"        # "那我老家是五指山的": facts, no question: keep the topic
    return intent


def apply_pending(state: State, intent: str | None, text: str, ex: Extracted) -> None:
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
        if pf == "work_scope":
            v = nz.work_scope_word(text)
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


def merge(state: State, ex: Extracted, intent: str | None) -> list[str]:
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
        scope = default_gazetteer().scope(state.place, ex.work_place)
        if scope in ("跨省", "跨市"):
            state.facts["work_scope"] = scope
    return notes


def absorb(state: State, text: str, entities) -> None:
    """A follow-up such as "千阳的求职补贴要带啥" also names a place and a topic: take them in."""
    ex = extract(text or "", entities, state.place)
    merge(state, ex, "inform")
    intent = default_catalogue().question_named_in(text or "")
    if intent and intent != state.topic:
        state.topic, state.last_benefits, state.asked = intent, [], []
        state.role = role_of(intent, text, state.role)
