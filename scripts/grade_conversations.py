"""Grade the conversation suite (tests/conversations/*.yaml) on structure, not wording.

Long on purpose (about 900 lines): playing, mapping the writers' words and grading are one pass over the
suite and change together; the mapping data lives in tests/conversations/benefits.yaml.

Every conversation is played through the trained NLU model and the conversation core, in this process (no servers):
the model is loaded once (rasa.core.agent.load_agent) and each message is parsed for its intent and entities; the
intent is routed as data/rules.yml routes it, to the rasa-sdk action the action server would run (actions/actions.py,
run with a Tracker built from the slots, as Rasa's action server does); the slots are carried from turn to turn. The
date is pinned (ASSISTANT_TODAY=2026-11-30).

When the bot asks a question instead of answering, the grader answers "不清楚" (intent inform, not through the NLU)
until the bot answers (the core asks at most two questions per topic), and counts the questions. The answer is then
graded against the turn's `expect` (writer's benefit names and payee words are mapped to the policy data by
tests/conversations/benefits.yaml):

    wrong_amount        an expected benefit stated with another amount (numbers compared; a personalised total
                        must match when the writer gives one; "none stated" means no number may be given)
    wrong_payee         the data's payee of a stated benefit is not in the writer's payee class
    wrong_status        eligible / ineligible / unknown differs; no_amount_in_text: the bot gives no number. An answer
                        may carry `adjudicated: {status, readers, reason}`: the status that every one of several
                        independent readers of the source text gave where the writer gave another; both are accepted
    missing_answer      an expected benefit is not among the benefits stated (decision.stated; for benefits the data
                        does not encode, the reply text)
    said_none           the bot says there is nothing on the topic while the writer expects a benefit
    wrong_extra         something in `must_not_answer` was stated
    repeated_question   the bot asked for a fact in `must_not_ask`, or for one it already knew
    too_many_questions  more questions than `max_questions` before the answer
    no_ended_notice     `ended_notice: true` but no reply says the policy has ended
    invented_amount     doc none (no document covers the place), but a benefit or an amount was given
    bot_error           the action failed (the apology was sent)

A conversation passes only if none of its turns has a failure. Prints the pass rate overall, by document, by asker
and by kind of conversation, and the count of each failure kind; writes every failure to var/conversations/report.json.

    .venv/bin/python scripts/grade_conversations.py [--min-pass 0.30] [--only qy-001 ...] [--report PATH]
    .venv/bin/python scripts/grade_conversations.py --suggest     # candidate mappings for benefits.yaml
    .venv/bin/python scripts/grade_conversations.py --suite DIR --report var/conversations/heldout.json
                                                                  # a held-out set kept outside the repository

Exit code 0 whatever the pass rate, unless --min-pass is given and not met (1), or the grader itself fails (2).
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import logging
import os
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SUITE_DIR = ROOT / "tests" / "conversations"
MAP_FILE = SUITE_DIR / "benefits.yaml"
RULES_FILE = ROOT / "data" / "rules.yml"
DOMAIN_FILE = ROOT / "domain.yml"
MODEL = ROOT / "models" / "policy-assistant.tar.gz"
REPORT = ROOT / "var" / "conversations" / "report.json"
TODAY = "2026-11-30"
DONT_KNOW = "不清楚"          # the grader's answer to a question the script does not answer
MAX_AUTO_ANSWERS = 4

KINDS = ("wrong_amount", "wrong_payee", "wrong_status", "missing_answer", "said_none", "wrong_extra",
         "repeated_question", "too_many_questions", "no_ended_notice", "invented_amount", "bot_error")
ENDED_RE = re.compile(r"到期|可能已调整")
# "this document has nothing on that": answer() with no result for the topic, no document for the place, or
# nothing possible for "还能领啥" (assistant/turn.py, policies/render.py)
SAID_NONE_RE = re.compile(r"里没有.{0,40}这方面的补贴|暂未收录.{0,20}政策文件|暂时没有符合的补贴")
NO_AMOUNT_RE = re.compile(r"未写明?|未给|没有写|没写|无金额|按规定|另行制定|标准由")
ORGANISATION_WORDS = {"employer", "unit", "agency", "training_institution"}     # writers' payee words for organisations
MONEY_RE = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*(万)?\s*元")


# ------------------------------------------------------------------------------------------------- numbers
def money(text: str) -> list[float]:
    """Amounts in 元 written in the text: "500元", "1000元/人", "20万元" (bare numbers are not amounts)."""
    return [float(m.group(1)) * (10000 if m.group(2) else 1) for m in MONEY_RE.finditer(text or "")]


_NEGATED = re.compile(r"(?:不是|而不是|并非|不按)[^，,；;。）)]*$")
_NOT_APPLICABLE = re.compile(r"^\s*(?:标准)?不适用")
_TOTAL_BEFORE = re.compile(r"(?:共|即|合计|总共|一共|共计|最多|=|＝|为)\s*(?:约)?\s*$")
_TOTAL_AFTER = re.compile(r"^\s*[（(][^）)]*[×xX*+＋=＝][^）)]*[）)]")
NONE_WORDS = re.compile(r"^\s*(none|无|没有金额)", re.I)


@dataclass
class WriterAmount:
    text: str
    none: bool = False          # "none stated": the bot must give no number
    zero: bool = False          # "0元": not comparable (the status says it)
    all: list[float] = field(default_factory=list)        # every amount not negated
    primary: list[float] = field(default_factory=list)    # amounts outside brackets (else all)
    totals: list[float] = field(default_factory=list)     # personalised totals ("24000元 (12人×2000元)", "共6000元")

    @property
    def comparable(self) -> bool:
        return not self.none and not self.zero and bool(self.all)


def parse_writer_amount(text: Any) -> WriterAmount:
    s = "" if text is None else str(text)
    wa = WriterAmount(s)
    if NONE_WORDS.match(s):
        wa.none = True
        return wa
    if re.fullmatch(r"\s*0\s*元?\s*(（.*）)?\s*", s):
        wa.zero = True
        return wa
    depth_at = []
    depth = 0
    for ch in s:
        if ch in "（(":
            depth += 1
        depth_at.append(depth)
        if ch in "）)":
            depth = max(0, depth - 1)
    for m in MONEY_RE.finditer(s):
        v = float(m.group(1)) * (10000 if m.group(2) else 1)
        before, after = s[:m.start()], s[m.end():]
        if _NEGATED.search(before) or _NOT_APPLICABLE.match(after):
            continue
        wa.all.append(v)
        if depth_at[m.start()] == 0:
            wa.primary.append(v)
        total_word = _TOTAL_BEFORE.search(before[-4:])
        # "为" inside brackets states a rate ("（贫困地区企业…为1500元）"), not the total the writer worked out
        if total_word and total_word.group(0).strip() == "为" and depth_at[m.start()] > 0:
            total_word = None
        if total_word or _TOTAL_AFTER.match(after):
            wa.totals.append(v)
    if not wa.primary:
        wa.primary = list(wa.all)
    return wa


def _close(a: float, b: float) -> bool:
    return abs(a - b) < 0.5


def _inter(xs, ys) -> bool:
    return any(_close(x, y) for x in xs for y in ys)


def _subset(xs, ys) -> bool:
    return all(any(_close(x, y) for y in ys) for x in xs)


def bot_amount(r) -> dict:
    """The numbers the bot gives for one result: `main` (the value, or the range, or the rate in its words) and
    `all` (every amount in the amount line and its calculation)."""
    from policies.render import amount_line

    a = r.amount
    line = amount_line(r)
    every = money(line) + money(" ".join(a.steps)) + money(a.text)
    if a.value is not None:
        main, shape = [a.value], "value"
    elif a.range and a.range[0] > 0:
        main, shape = [x for x in a.range], "range"
    elif a.range:
        main, shape = [a.range[1]] + money(a.text), "ceiling"
    else:
        main, shape = money(a.text), "rate"
    if a.value is not None:
        every.append(a.value)
    if a.range:
        every += [x for x in a.range if x]
    computed = len(a.steps) > 1 or any("=" in x for x in a.steps)
    return {"main": main, "all": every, "shape": shape, "line": line, "computed": computed}


def amount_ok(wa: WriterAmount, bot: dict, status: str, part: bool = False) -> bool | None:
    """True / False, or None when the writer's amount cannot be compared."""
    if status == "not_eligible":    # the rate the person does not get: the bot may state it, or its own total
        return None if not wa.comparable else (not bot["main"] or _inter(bot["all"], wa.all))
    if wa.none:
        return not bot["main"]
    if not wa.comparable:
        return None
    if part:            # the writer names a part of what the data encodes as one benefit (1200 of 1200 + 800)
        return _inter(wa.primary[:1], bot["all"])
    if not bot["main"]:
        return False
    if len(set(wa.all)) >= 2 and _subset(wa.all, money(bot["line"])):
        # the writer states the rate in parts ("培训合格每人1200元；实现创业的再给予每人800元（合计最多2000元）")
        # and the bot's amount line states every one of them
        return True
    if len(set(wa.primary)) >= 2 and _subset(wa.primary, bot["all"]) and _inter(bot["main"][:1], wa.primary):
        # the writer states a per-person amount and the group's total ("每人最高750元（15天×50元），40人最高30000元"),
        # and the bot states both, its headline one of them ("最高3万元（40人×每人750元）")
        return True
    if wa.totals:
        main = bot["main"] if bot["shape"] != "ceiling" else bot["main"][:1]
        # a total only in brackets, beside a headline amount outside them ("79200元/年（…），期限不超过3年（3年最多
        # 237600元）"): the headline is the writer's answer too
        # (a total over the years of a period, not over persons: "每人5000元（3人…共15000元）" still wants the 15000)
        aside = not (set(wa.totals) & set(wa.primary)) and set(wa.primary) != set(wa.all) and \
            bool(re.search(r"[0-9一二两三四五]\s*年\s*[（(]?\s*(?:最多|共|合计|累计|总共|一共)", wa.text))
        # (the headline one of the writer's own figures outside brackets: "4人×约900元=每月约3600元，每年约43200元，期限
        # 不超过3年（最多约129600元）" and the bot's "每年43200元")
        return _inter(main, wa.totals) or (aside and _inter(main, wa.primary))
    if bot["shape"] == "value":
        # the writer gave the rate only: a total the bot worked out from the facts it was told is not compared
        return _inter(bot["main"], wa.primary) or (bot["computed"] and _inter(wa.primary, bot["all"]))
    if bot["shape"] == "range":
        return _subset(bot["main"], wa.all) and _inter(bot["main"], wa.primary)
    return _inter(bot["main"], wa.primary)


def cases_stated(members: list, hits: list) -> bool:
    """The writer splits one benefit of the data into its cases, an entry per case with that case's rate ("在6个月内实现创业
    的每人每期2500元" and "未实现创业的每人每期1000元"), and the bot's amount line for the benefit states every one of those
    rates: the same amount, said once."""
    if len(members) < 2:
        return False
    rates = []
    for a, _t in members:
        wa = parse_writer_amount(a.get("amount"))
        if a.get("status") in ("not_eligible", "no_amount_in_text") or not wa.comparable:
            continue
        rates.append(wa.primary[0])
    if len(set(rates)) < 2:
        return False
    return any(_subset(rates, money(bot_amount(r)["line"])) for r in hits)


_SUM_SAID = re.compile(r"(?:合计|一共|总共|共计)[：:]?\s*(?:每月|每年|每期)?\s*([0-9]+(?:\.[0-9]+)?)(万)?元")


def sum_said(members: list, text: str) -> bool:
    """The writer's total for several persons ("每月1200元（劳动保障助理员800元+其它岗位400元）") is said in the reply
    as a sum ("2人合计：每月1200元（800元+400元）"), beside each person's own amount."""
    said = [float(m.group(1)) * (10000 if m.group(2) else 1) for m in _SUM_SAID.finditer(text or "")]
    totals = [t for a, _t in members if a.get("status") != "not_eligible"
              for t in parse_writer_amount(a.get("amount")).totals]
    return bool(said and totals and _inter(said, totals))


# ------------------------------------------------------------------------------------------------- the mapping
@dataclass
class Target:
    """What a writer's benefit name stands for in the data."""
    ids: list[str] = field(default_factory=list)
    not_encoded: str | None = None
    said: str | None = None          # for not_encoded: words in the reply that show the bot talked about it
    part: bool = False

    @property
    def key(self) -> str:
        return "|".join(self.ids) if self.ids else f"not_encoded:{self.not_encoded}"


class Mapping:
    def __init__(self, data: dict):
        self.documents: dict[str, str] = data["documents"]
        self.payees: dict[str, Any] = data["payees"]
        self.facts: dict[str, list[str]] = {k: list(v or []) for k, v in (data.get("facts") or {}).items()}
        self.benefits: dict[str, dict[str, Any]] = data.get("benefits") or {}
        self.must_not: dict[str, dict[str, Any]] = data.get("must_not_answer") or {}
        self.organisation_money: set[str] = set()     # ids the writers always give to an organisation (learn())

    def learn(self, suite: list[dict]) -> "Mapping":
        """Note the benefits whose money every writer gives to an organisation (employer, unit, agency, training
        institution): the bot must never present those as the asker's own money."""
        words = defaultdict(set)
        for conv in suite:
            for t in conv.get("turns") or []:
                for a in (t.get("expect") or {}).get("answers") or []:
                    tg = self.target(conv.get("doc"), a.get("benefit"))
                    for i in (tg.ids if tg else []):
                        words[i].add(a.get("payee"))
        self.organisation_money = {i for i, w in words.items() if w and w <= ORGANISATION_WORDS}
        return self

    @classmethod
    def load(cls, path: Path = MAP_FILE) -> "Mapping":
        return cls(yaml.safe_load(path.read_text(encoding="utf-8")))

    def target(self, doc: str, name: str) -> Target | None:
        """What the writer's name stands for, in the data as it is now (an id the data does not have yet falls back
        to the entry's not_encoded reading)."""
        from policies import default_policies

        spec = (self.benefits.get(doc) or {}).get(name)
        if spec is None:
            return None
        if isinstance(spec, str):
            spec = {"ids": [spec]}
        elif isinstance(spec, list):
            spec = {"ids": spec}
        ids = list(spec.get("ids") or [])
        known = [i for i in ids if i in default_policies().benefits]
        if "not_encoded" in spec and not known:
            return Target(not_encoded=str(spec["not_encoded"]), said=spec.get("said"))
        return Target(ids=known or ids, part=bool(spec.get("part")))

    def problems(self) -> list[str]:
        """Ids the data does not have (without a not_encoded fallback) and data payee codes no writer word covers."""
        from policies import default_policies
        from policies.catalogue import default_catalogue

        pol = default_policies()
        out = []
        for doc, names in self.benefits.items():
            for name, spec in names.items():
                spec = {"ids": [spec]} if isinstance(spec, str) else {"ids": spec} if isinstance(spec, list) else spec
                missing = [i for i in spec.get("ids") or [] if i not in pol.benefits]
                if missing and "not_encoded" not in spec:
                    out.append(f"benefits.{doc}.{name}: no benefit {', '.join(missing)} in policies/data")
        for doc, lines in self.must_not.items():
            for line, spec in lines.items():
                for i in _as_list(spec.get("benefit") or []):
                    if i not in pol.benefits:
                        out.append(f"must_not_answer.{doc}.{line}: no benefit {i} in policies/data")
        covered = set()
        for v in self.payees.values():
            if isinstance(v, list):
                covered |= set(v)
            elif isinstance(v, dict):
                covered |= set(v.get("payees") or [])
        for code in default_catalogue().payees:
            if code not in covered and code != "unnamed":
                out.append(f"payee code {code} (policies/catalogue.yaml) is in no writer payee class")
        return out

    def payee_ok(self, word: str, benefit) -> bool | None:
        spec = self.payees.get(word)
        if spec is None or spec == "any":
            return None
        if benefit.payee == "unnamed":
            # the text names nobody (issue 13's data list: 安康 1800元 and 1200+800元, 海南 鉴定补贴): the bot says
            # "文件未写明钱发给谁" and names the office; a writer who reads a payee into the text is not contradicted
            return None
        if isinstance(spec, dict):
            return benefit.payee in spec.get("payees", []) and (not spec.get("kind") or benefit.kind == spec["kind"])
        return benefit.payee in spec

    def facts_of(self, key: str) -> list[str]:
        if key in self.facts:
            return self.facts[key]
        for pat, facts in self.facts.items():
            if pat.endswith("*") and key.startswith(pat[:-1]):
                return facts
        return []

    def must_not_spec(self, doc: str, text: str, conversation: str | None = None) -> dict | None:
        # ("<conversation id>: <line>": the same words written by another writer for another case)
        mine = (self.must_not.get(doc) or {}).get(f"{conversation}: {text}") if conversation else None
        return mine if mine is not None else (self.must_not.get(doc) or {}).get(text)


# ------------------------------------------------------------------------------------------------- playing
def routing_table(path: Path = RULES_FILE) -> dict[str, str]:
    """intent -> action, as data/rules.yml routes it (every rule there is one intent then one action)."""
    out = {}
    for rule in yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]:
        steps = rule.get("steps") or []
        intent = next((s["intent"] for s in steps if "intent" in s), None)
        action = next((s["action"] for s in steps if "action" in s), None)
        if intent and action:
            out[intent] = action
    return out


def canned_texts(path: Path = DOMAIN_FILE) -> dict[str, str]:
    domain = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {k: (v[0].get("text") or "") for k, v in (domain.get("responses") or {}).items() if v}


@dataclass
class Step:
    """One message to the bot and what came back."""
    text: str
    intent: str | None
    action: str
    replies: list[str]
    stated: list = field(default_factory=list)      # BenefitResult
    asked: str | None = None                         # the fact the bot asked for ("place", "topic", a fact name)
    known: bool = False                              # that fact was known (after this message) when it was asked
    error: bool = False
    auto: bool = False                               # the grader's "不清楚", not the writer's


class Player:
    """Plays messages through the real actions, keeping the slots between messages like the Rasa server."""

    def __init__(self, understand: Callable[[str], tuple[str | None, list[dict]]] | None = None):
        """`understand(text) -> (intent, entities)`: the NLU; without it, every message needs its intent given.
        The date is the caller's: ASSISTANT_TODAY (main() pins it)."""
        from actions import actions as acts
        from rasa_sdk import Action

        self.understand = understand
        self.routes = routing_table()
        self.canned = canned_texts()
        self.actions: dict[str, Any] = {}
        for obj in vars(acts).values():
            if isinstance(obj, type) and issubclass(obj, Action) and obj is not Action and \
                    obj.__module__ == acts.__name__:
                inst = obj()
                self.actions[inst.name()] = inst
        self.sorry = acts.SORRY
        self.questions = self._question_texts()
        self.reset()

    def reset(self) -> None:
        from assistant.state import State
        self.slots = State().to_slots()

    @staticmethod
    def _question_texts() -> dict[str, str]:
        from assistant.wording import ASK_PLACE, ASK_TOPIC
        from policies import default_policies
        out = {ASK_PLACE: "place", ASK_TOPIC: "topic"}
        for name, f in default_policies().vocab.facts.items():
            if f.question:
                out[f.question] = name
        return out

    def question_of(self, replies: list[str], action: str = "action_policy_turn") -> str | None:
        """The fact the bot's last reply asks for, or None when it answers: the core's pending_fact when the reply
        is its question (assistant/turn.ask_for), else the core's other question texts (topic, county)."""
        if not replies:
            return None
        last = replies[-1].strip()
        pending = self.slots.get("pending_fact")
        if pending:
            fact = "place" if pending.startswith("place") else pending
            if pending.startswith("place_confirm:") or any(last.endswith(q) for q, f in self.questions.items()
                                                           if f == fact):
                return fact
        for q, fact in self.questions.items():
            if last.endswith(q):
                return fact
        if re.search(r"只收录了.*的文件。您是.*的吗？$", last):
            return "place"
        if action in ("action_documents", "action_where_apply") and "先告诉我您是哪个县的" in last:
            # documents/where without a benefit in view ask for the county and the benefit
            return "topic" if self.slots.get("place") else "place"
        return None

    def _known(self, fact: str) -> bool:
        if fact == "place":
            return bool(self.slots.get("place"))
        if fact == "topic":
            return bool(self.slots.get("topic"))
        facts = self.slots.get("facts") or {}
        if fact == "category":
            return bool(facts.get("category"))
        return facts.get(fact) is not None

    def send(self, text: str, intent: str | None, entities: list[dict] | None = None, auto: bool = False) -> Step:
        from rasa_sdk import Tracker
        from rasa_sdk.executor import CollectingDispatcher
        from assistant.state import State

        action_name = self.routes.get(intent or "", "action_smalltalk")
        action = self.actions[action_name]
        captured = []
        if hasattr(action, "turn"):
            original = type(action).turn

            def turn(state, i, t, e, _orig=original, _self=action):
                result = _orig(_self, state, i, t, e)
                captured.append(result)
                return result
            action.turn = turn
        latest = {"intent": {"name": intent, "confidence": 1.0}, "entities": entities or [], "text": text}
        tracker = Tracker("grader", dict(self.slots), latest, [], False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        from actions import audit
        record = audit.record
        audit.record = lambda *a, **k: None            # the grader writes no audit rows
        try:
            events = action.run(dispatcher, tracker, {})
        finally:
            audit.record = record
            if "turn" in vars(action):
                del action.turn
        for e in events or []:
            if e.get("event") == "slot":
                self.slots[e["name"]] = e["value"]
            elif e.get("event") == "reset_slots":
                self.slots = State().to_slots()
        replies = []
        for m in dispatcher.messages:
            if m.get("text"):
                replies.append(m["text"])
            elif m.get("response"):
                replies.append(self.canned.get(m["response"], m["response"]))
        stated = [r for t in captured if t is not None for r in t.decision.stated]
        # a question asked alongside an answer counts too ("the rate in the first reply, with at most one question")
        asked = self.question_of(replies, action_name)
        return Step(text, intent, action_name, replies, stated, asked=asked,
                    known=bool(asked) and self._known(asked), error=self.sorry in replies, auto=auto)

    def turn(self, text: str, intent: str | None = None, entities: list[dict] | None = None) -> list[Step]:
        """One scripted user message, then "不清楚" to each question until the bot answers."""
        if intent is None and self.understand is not None:
            intent, entities = self.understand(text)
        steps = [self.send(text, intent, entities)]
        seen = set()
        # "不清楚" cannot give a place or a topic: the bot would only ask again
        while steps[-1].asked and not steps[-1].stated and steps[-1].asked not in ("topic", "place") and \
                len(steps) <= MAX_AUTO_ANSWERS:
            if steps[-1].asked in seen:
                break
            seen.add(steps[-1].asked)
            steps.append(self.send(DONT_KNOW, "inform", [], auto=True))
        return steps


# ------------------------------------------------------------------------------------------------- grading
@dataclass
class Failure:
    kind: str
    expected: Any
    got: Any

    def as_dict(self) -> dict:
        return {"kind": self.kind, "expected": self.expected, "got": self.got}


def _result_dict(r) -> dict:
    from policies.render import amount_line
    return {"id": r.benefit.id, "name": r.benefit.name, "status": r.status, "amount": amount_line(r),
            "payee": r.benefit.payee}


STATUS = {"eligible": "eligible", "not_eligible": "ineligible", "unknown": "unknown"}


def grade_turn(expect: dict, steps: list[Step], doc: str, mapping: Mapping, unmapped: Counter | None = None,
               max_questions_default: int = 0, conversation: str | None = None) -> list[Failure]:
    """The failures of one turn (the scripted message and the grader's answers to the bot's questions)."""
    from policies.catalogue import default_catalogue

    expect = expect or {}
    fails: list[Failure] = []
    text = "\n".join(r for s in steps for r in s.replies)
    stated = {}
    stated_all: dict[str, list] = {}        # a benefit stated for several persons ("大的：… 小的：…"): each result
    for s in steps:
        for r in s.stated:
            stated[r.benefit.id] = r
            stated_all.setdefault(r.benefit.id, []).append(r)
    if any(s.error for s in steps):
        fails.append(Failure("bot_error", "an answer", "the action failed (apology sent)"))

    # --- questions
    questions = [s for s in steps if s.asked]
    maxq = expect.get("max_questions", max_questions_default)
    if maxq is not None and len(questions) > maxq:
        fails.append(Failure("too_many_questions", maxq, [q.asked for q in questions]))
    forbidden = {}
    for key in expect.get("must_not_ask") or []:
        for f in mapping.facts_of(str(key)):
            forbidden.setdefault(f, key)
    flagged = set()
    for q in questions:
        if q.asked in flagged:
            continue
        flagged.add(q.asked)
        if q.asked in forbidden:
            fails.append(Failure("repeated_question", f"not to ask {forbidden[q.asked]}", q.asked))
        elif q.known:
            fails.append(Failure("repeated_question", f"not to ask {q.asked} (already known)", q.asked))

    # --- validity
    if expect.get("ended_notice") and not ENDED_RE.search(text):
        fails.append(Failure("no_ended_notice", "the policy has ended (到期 / 可能已调整)", text[-200:]))

    answers = expect.get("answers") or []
    if doc == "none":       # its must_not_answer lines all name other places' benefits: this check grades them
        invented = [_result_dict(r) for r in stated.values()]
        if invented or money(text):
            fails.append(Failure("invented_amount", "no benefit, no amount (no document covers the place)",
                                 invented or money(text)))
        return fails

    # --- expected benefits: entries naming the same benefit(s) are one group, missing or not together; the bot states
    # one status and amount per benefit, so those may match any entry naming that benefit (writers split employees
    # into sub-groups: "岗位补贴（12名本省满一年）" eligible, "岗位补贴（4名本省在岗半年）" not_eligible)
    entries = []
    for a in answers:
        t = mapping.target(doc, a["benefit"])
        if t is None:
            if unmapped is not None:
                unmapped[(doc, a["benefit"])] += 1
            continue
        entries.append((a, t))
    groups: dict[str, list[tuple[dict, Target]]] = {}
    for a, t in entries:
        groups.setdefault(t.key, []).append((a, t))
    if answers and SAID_NONE_RE.search(text):
        m = SAID_NONE_RE.search(text)
        fails.append(Failure("said_none", [a["benefit"] for a in answers], m.group(0)))
    for members in groups.values():
        t = members[0][1]
        names = [a["benefit"] for a, _ in members]
        if t.not_encoded:
            said = t.said and re.search(t.said, text)
            if not said:
                fails.append(Failure("missing_answer", names, f"not encoded ({t.not_encoded}); the reply does not "
                                                              f"mention it" + (f" (/{t.said}/)" if t.said else "")))
                continue
            if {a.get("status") for a, _ in members} == {"no_amount_in_text"} and not NO_AMOUNT_RE.search(text):
                fails.append(Failure("wrong_status", "no_amount_in_text", "mentioned without saying the text names "
                                                                          "no amount"))
            continue
        hits = [r for i in t.ids for r in stated_all.get(i, [])]
        if not hits:
            named = [i for i in t.ids if _named_only(i, text)]
            got = "named only in a documents/where reply (no amount, payee or status)" if named else \
                [_result_dict(r) for r in stated.values()]
            fails.append(Failure("missing_answer", {"benefits": names, "ids": t.ids}, got))
            continue
        related = [(a, o) for a, o in entries if set(o.ids) & set(t.ids)]
        got = [_result_dict(r) for r in hits] if len(hits) > 1 else _result_dict(hits[0])
        # status
        # a writer's status that independent readers of the text contested (`adjudicated`: each of them, reading
        # the source alone, gave another status): either reading is accepted
        wanted = [a.get("status") for a, _ in related] + \
            [a["adjudicated"]["status"] for a, _ in related if isinstance(a.get("adjudicated"), dict)]
        ok = any(w not in STATUS and w != "no_amount_in_text" for w in wanted) or any(
            (not bot_amount(r)["main"]) if w == "no_amount_in_text" else STATUS.get(w) == r.status
            for r in hits for w in wanted)
        if not ok:
            fails.append(Failure("wrong_status", {"benefits": names, "status": wanted}, got))
        # amount (not for no_amount_in_text: the status check says it)
        verdicts = [amount_ok(parse_writer_amount(a.get("amount")), bot_amount(r), a.get("status"), o.part)
                    for a, o in related if a.get("status") != "no_amount_in_text" for r in hits]
        verdicts = [v for v in verdicts if v is not None]
        # (the sum of a writer's entry that names this benefit with another, "职业介绍补贴（含季节性用工职业介绍补贴）",
        # said in the reply as a sum: the entries the verdicts were of)
        if verdicts and not any(verdicts) and (cases_stated(members, hits) or sum_said(related, text)):
            verdicts = [True]
        if verdicts and not any(verdicts):
            fails.append(Failure("wrong_amount", {"benefits": names, "amount": [a.get("amount") for a, _ in members]},
                                 got))
        # payee
        pv = [mapping.payee_ok(a.get("payee"), r.benefit) for a, _ in members for r in hits]
        pv = [v for v in pv if v is not None]
        if pv and not any(pv):
            fails.append(Failure("wrong_payee", {"benefits": names, "payee": [a.get("payee") for a, _ in members]},
                                 got))

    # --- must not answer
    cat = default_catalogue()
    for item in expect.get("must_not_answer") or []:
        spec = mapping.must_not_spec(doc, item, conversation)
        if spec is None:
            if unmapped is not None:
                unmapped[(doc, f"must_not_answer: {item}")] += 1
            continue
        if "ungradable" in spec:
            continue
        if spec.get("said_none"):
            m = SAID_NONE_RE.search(text)
            if m and not any(f.kind == "said_none" for f in fails):
                fails.append(Failure("said_none", f"not: {item}", m.group(0)))
            continue
        bad = [r for r in stated.values() if _violates(spec, r, cat)]
        if bad:
            fails.append(Failure("wrong_extra", f"not: {item}", [_result_dict(r) for r in bad]))
    # an organisation's money (as every writer has it) presented as the asker's own: a person's payee code that no
    # organisation class of benefits.yaml includes
    org_codes = {c for k in ORGANISATION_WORDS for c in _as_list(mapping.payees.get(k) or [])}
    for r in stated.values():
        b = r.benefit
        if b.id in mapping.organisation_money and cat.personal(b.payee) and b.kind != "loan" and \
                b.payee not in org_codes:
            fails.append(Failure("wrong_extra", "an employer's (organisation's) benefit, not the asker's own money",
                                 _result_dict(r)))
    return fails


def _as_list(x) -> list:
    return x if isinstance(x, list) else [x]


def _violates(spec: dict, r, cat) -> bool:
    """Does one stated result do what a `must_not_answer` check (benefits.yaml) forbids?"""
    b = r.benefit
    if spec.get("benefit") and b.id not in _as_list(spec["benefit"]):
        return False
    if spec.get("topic") and b.topic not in _as_list(spec["topic"]):
        return False
    if spec.get("document") and b.document.id != spec["document"]:
        return False
    amt = bot_amount(r)
    if ("amount" in spec or spec.get("any_amount")) and r.status == "ineligible":
        return False        # an amount said to be not for this person is not an amount given
    if "amount" in spec:
        said = {"value": amt["main"], "rate": amt["main"], "ceiling": amt["main"][:1]}.get(amt["shape"], [])
        return _inter(said, [float(x) for x in _as_list(spec["amount"])])
    if spec.get("any_amount"):
        return bool(amt["main"])
    if spec.get("personal"):
        return cat.personal(b.payee) and b.kind != "loan"
    if spec.get("payee_in"):
        return b.payee in _as_list(spec["payee_in"])
    if spec.get("exact"):
        return r.amount.value is not None and not r.amount.up_to
    if spec.get("not_loan"):
        return b.kind != "loan"
    if spec.get("ineligible"):
        return r.status == "ineligible"
    return r.status != "ineligible"


def _named_only(bid: str, text: str) -> bool:
    from policies import default_policies
    b = default_policies().benefits.get(bid)
    return bool(b) and f"【{b.name}】" in text


# ------------------------------------------------------------------------------------------------- the suite
def load_suite(paths: list[Path] | None = None) -> list[dict]:
    convs = []
    for p in paths or sorted(SUITE_DIR.glob("*.yaml")):
        if p.name == MAP_FILE.name:
            continue
        for c in yaml.safe_load(p.read_text(encoding="utf-8")) or []:
            c["_file"] = p.name
            convs.append(c)
    return convs


def play_conversation(conv: dict, player: Player, mapping: Mapping, unmapped: Counter | None = None) -> dict:
    player.reset()
    turns = []
    for i, t in enumerate(conv.get("turns") or []):
        steps = player.turn(t["user"])
        fails = grade_turn(t.get("expect") or {}, steps, conv.get("doc"), mapping, unmapped,
                           conversation=conv.get("id"))
        turns.append({
            "turn": i, "user": t["user"],
            "steps": [{"text": s.text, "intent": s.intent, "action": s.action, "replies": s.replies,
                       "stated": [_result_dict(r) for r in s.stated], "asked": s.asked, "auto": s.auto}
                      for s in steps],
            "failures": [f.as_dict() for f in fails],
        })
    return {"id": conv["id"], "doc": conv.get("doc"), "asker": conv.get("asker"), "kinds": conv.get("kinds") or [],
            "passed": all(not t["failures"] for t in turns), "turns": turns}


def rasa_understander(model: Path):
    """Load the model once; return (understand(text) -> (intent, entities), load seconds)."""
    logging.disable(logging.WARNING)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    import warnings
    warnings.filterwarnings("ignore")
    with contextlib.redirect_stderr(io.StringIO()):
        from rasa.core.agent import load_agent
    try:
        from rasa.utils.log_utils import configure_structlog
        configure_structlog(logging.ERROR)
    except Exception:   # older/newer Rasa: its debug lines are only noise here
        pass
    from bot.turns import clean_text     # the channels' clean-up and masking of what users type

    loop = asyncio.new_event_loop()
    t0 = time.perf_counter()
    noise = io.StringIO()          # Rasa, TensorFlow and matplotlib warn while loading: shown only if loading fails
    try:
        with contextlib.redirect_stderr(noise), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            agent = loop.run_until_complete(load_agent(model_path=str(model)))
    except Exception:
        sys.stderr.write(noise.getvalue()[-5000:])
        raise
    if agent is None or not agent.is_ready():
        raise RuntimeError(f"could not load the model {model}")
    load_s = time.perf_counter() - t0
    try:
        from rasa.utils.log_utils import configure_structlog
        configure_structlog(logging.ERROR)
    except Exception:
        pass

    def understand(text: str):
        clean, _ = clean_text(text)
        if clean is None:
            return None, []
        parsed = loop.run_until_complete(agent.parse_message(clean))
        return (parsed.get("intent") or {}).get("name"), parsed.get("entities") or []
    return understand, load_s


def summarize(results: list[dict]) -> dict:
    def rate(rows):
        n = len(rows)
        p = sum(1 for r in rows if r["passed"])
        return {"passed": p, "total": n, "rate": round(p / n, 4) if n else 0.0}

    by_doc, by_asker, by_kind = defaultdict(list), defaultdict(list), defaultdict(list)
    for r in results:
        by_doc[r["doc"]].append(r)
        by_asker[r["asker"]].append(r)
        for k in r["kinds"]:
            by_kind[k].append(r)
    counts, convs_with = Counter(), Counter()
    for r in results:
        kinds_here = set()
        for t in r["turns"]:
            for f in t["failures"]:
                counts[f["kind"]] += 1
                kinds_here.add(f["kind"])
        convs_with.update(kinds_here)
    turns = [t for r in results for t in r["turns"]]
    return {
        "overall": rate(results),
        "turns": {"passed": sum(1 for t in turns if not t["failures"]), "total": len(turns)},
        "by_document": {k: rate(v) for k, v in sorted(by_doc.items())},
        "by_asker": {k: rate(v) for k, v in sorted(by_asker.items())},
        "by_kind": {k: rate(v) for k, v in sorted(by_kind.items())},
        "failures": {k: {"count": counts[k], "conversations": convs_with[k]} for k in KINDS},
    }


def print_table(s: dict, out=sys.stdout) -> None:
    o = s["overall"]
    w = out.write
    w(f"conversation suite ({s.get('suite', 'tests/conversations')}): {o['passed']}/{o['total']} conversations pass strictly "
      f"({o['rate'] * 100:.1f}%); turns {s['turns']['passed']}/{s['turns']['total']}\n")
    for title, key in (("by document", "by_document"), ("by asker", "by_asker"), ("by kind", "by_kind")):
        w(f"  {title}:\n")
        for k, v in s[key].items():
            w(f"    {k:<22} {v['passed']:>4}/{v['total']:<4} {v['rate'] * 100:5.1f}%\n")
    w("  failures (count / conversations with it):\n")
    for k, v in s["failures"].items():
        w(f"    {k:<22} {v['count']:>5} / {v['conversations']}\n")


# ------------------------------------------------------------------------------------------------- suggestions
def suggest(mapping_path: Path = MAP_FILE, paths: list[Path] | None = None) -> None:
    """Print, for every writer benefit name not yet in benefits.yaml, the data benefits (and not_encoded entries)
    whose quotes overlap the writer's quotes most (longest common run of characters) and whose names are closest."""
    import difflib
    from policies import default_policies

    def norm(s):
        return re.sub(r"[\s，。、；：,.;:（）()“”\"'《》〔〕\-—]", "", s or "")

    def lcs(a, b):
        return difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size

    mapping = Mapping.load(mapping_path) if mapping_path.exists() else None
    pol = default_policies()
    docs = yaml.safe_load(mapping_path.read_text(encoding="utf-8"))["documents"] if mapping else {}
    names = defaultdict(list)
    for c in load_suite(paths):
        for t in c["turns"]:
            for a in (t.get("expect") or {}).get("answers") or []:
                names[(c["doc"], a["benefit"])].append(a)
    for (doc, name), items in sorted(names.items()):
        if mapping and mapping.target(doc, name) is not None:
            continue
        if doc not in docs:
            # (a conversation of a place no document covers that names a covered document's benefit: not mapped)
            print(f"{doc} | {name}  (not mapped: no document for doc {doc!r})")
            continue
        d = pol.by_doc[docs[doc]]
        qs = [norm(a.get("quote")) for a in items]
        cands = []
        for b in d.benefits:
            s = max((lcs(q, norm(x)) for q in qs for x in b.quotes), default=0)
            cands.append((s + 20 * difflib.SequenceMatcher(None, norm(name), norm(b.name)).ratio(), b.id))
        for ne in d.not_encoded:
            nq = ne.get("quote") or []
            nq = [nq] if isinstance(nq, str) else nq
            s = max((lcs(q, norm(x)) for q in qs for x in nq + [ne.get("what") or ""]), default=0)
            cands.append((s + 20 * difflib.SequenceMatcher(None, norm(name), norm(ne.get("what"))).ratio(),
                          f"not_encoded {ne.get('clause')}: {ne.get('what')}"))
        cands.sort(reverse=True)
        print(f"{doc} | {name}  ({len(items)}x, payee {items[0].get('payee')})")
        for score, what in cands[:3]:
            print(f"    {score:6.1f}  {what}")


def suite_today(suite: str | None) -> str:
    """The date a suite's writers wrote for: its folder's TODAY file ("2026-12-02"), else the suite's default."""
    f = Path(suite) / "TODAY" if suite else None
    if f is not None and f.is_file():
        said = f.read_text(encoding="utf-8").strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", said):
            return said
    return TODAY


# ------------------------------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=str(MODEL))
    ap.add_argument("--report", default=str(REPORT))
    ap.add_argument("--min-pass", type=float, default=None,
                    help="fail (exit 1) when the strict pass rate is below this (0.3 or 30 = 30%%)")
    ap.add_argument("--only", nargs="*", help="conversation ids")
    ap.add_argument("--suggest", action="store_true", help="print candidate mappings for unmapped benefit names")
    ap.add_argument("--today", default=None, help=f"the date answers are given for (default: the suite folder's "
                    f"TODAY file, the date its writers wrote for, else {TODAY})")
    ap.add_argument("--suite", default=None, help="a folder of conversation files instead of tests/conversations "
                    "(a held-out set kept outside the repository; mapped with tests/conversations/benefits.yaml)")
    args = ap.parse_args(argv)
    if args.suggest:
        suggest(paths=sorted(Path(args.suite).glob("*.yaml")) if args.suite else None)
        return 0
    os.environ["ASSISTANT_TODAY"] = args.today or suite_today(args.suite)
    try:
        t0 = time.perf_counter()
        convs = load_suite(sorted(Path(args.suite).glob("*.yaml")) if args.suite else None)
        if not convs:
            raise SystemExit(f"no conversations in {args.suite or SUITE_DIR}")
        mapping = Mapping.load().learn(convs)
        if args.only:
            convs = [c for c in convs if c["id"] in set(args.only)]
        problems = mapping.problems()
        for p in problems:
            print(f"benefits.yaml: {p}", file=sys.stderr)
        understand, load_s = rasa_understander(Path(args.model))
        player = Player(understand)
        unmapped: Counter = Counter()
        results = [play_conversation(c, player, mapping, unmapped) for c in convs]
        summary = summarize(results)
        summary.update({"suite": "held-out set (--suite)" if args.suite else "tests/conversations",
                        "as_of": os.environ["ASSISTANT_TODAY"], "model": str(args.model),
                        "model_load_s": round(load_s, 1), "seconds": round(time.perf_counter() - t0, 1),
                        "unmapped": [f"{d}: {n}" for (d, n) in sorted(unmapped)], "mapping_problems": problems})
        failures = [dict(conversation=r["id"], turn=t["turn"], **f, user=t["user"],
                         reply="\n".join(x for s in t["steps"] for x in s["replies"])[:800])
                    for r in results for t in r["turns"] for f in t["failures"]]
        rep = Path(args.report)
        rep.parent.mkdir(parents=True, exist_ok=True)
        rep.write_text(json.dumps({"summary": summary, "failures": failures, "conversations": results},
                                  ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    except Exception:
        logging.disable(logging.NOTSET)
        import traceback
        traceback.print_exc()
        print("grade_conversations: the grader failed", file=sys.stderr)
        return 2
    print_table(summary)
    if unmapped:
        print(f"  unmapped names (add them to {MAP_FILE.relative_to(ROOT)}): {len(unmapped)}")
        for (d, n), c in sorted(unmapped.items())[:20]:
            print(f"    {d}: {n} ({c}x)")
    rep = Path(args.report)
    shown = rep.relative_to(ROOT) if rep.is_relative_to(ROOT) else rep
    print(f"  {len(failures)} failures written to {shown} ({summary['seconds']}s, model load {summary['model_load_s']}s)")
    if args.min_pass is not None:
        floor = args.min_pass / 100 if args.min_pass > 1 else args.min_pass
        if summary["overall"]["rate"] < floor:
            print(f"strict pass rate {summary['overall']['rate'] * 100:.1f}% is below the floor {floor * 100:.1f}%")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
