"""The catalogue (policies/catalogue.yaml): questions people ask, the topics each covers, payees, and which facts only
select a variant of a benefit. The one owner of this knowledge: the conversation core, the console, the ledger, the
data loader and the Rasa training data all read it here.
"""
from __future__ import annotations

from policies import rx as re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

CATALOGUE_FILE = Path(__file__).resolve().parent / "catalogue.yaml"
LEDGER_GROUPS = {"employment", "training", "startup", "post", "school", "none"}
ROLES = ("worker", "employer")        # a question's usual asker; a chat may also have "proxy" (asks for another)


class CatalogueError(ValueError):
    pass


@dataclass(frozen=True)
class Payee:
    id: str
    label: str
    personal: bool
    maybe_personal: bool = False      # the text does not say who receives it: listed for a person too
    employs: bool = False             # the unit a worker works for (its subsidies for taking the person on)
    serves: bool = False              # a school or appraisal body paid for serving the person (free to them)
    unit: str | None = None           # the kind of asking unit this money is its own for: school | agency
    member: str | None = None         # a named person's own money, said of them ("{who}本人"); else the label


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    ledger_group: str


@dataclass(frozen=True)
class Question:
    """What a user asks about: an NLU intent, the topics it covers and the words that name it."""
    intent: str
    label: str
    topics: tuple[str, ...]
    role: str
    words: re.Pattern | None          # names the question in a follow-up ("那交通补助呢")
    strong_words: re.Pattern | None   # names it beyond doubt: overrides the NLU's guess among questions
    fallback_topics: tuple[str, ...] = ()   # what it covers in a document that has none of `topics`


@dataclass(frozen=True)
class Catalogue:
    payees: dict[str, Payee]
    topics: dict[str, Topic]
    questions: dict[str, Question]            # in matching order
    worker_addons: dict[str, tuple[str, ...]]
    narrowing: dict[str, dict[str, dict[str, tuple[str, ...]]]]
    variant_facts: frozenset[str]
    target_group_facts: frozenset[str]
    roles: dict[str, str]
    benefit_words: dict[str, re.Pattern] = field(default_factory=dict)   # benefit id -> the words people call it by
    document_words: dict[str, re.Pattern] = field(default_factory=dict)  # document id -> words only its text has

    # -- payees
    def personal(self, payee: str) -> bool:
        p = self.payees.get(payee)
        return bool(p and p.personal)

    def listed_for_person(self, payee: str) -> bool:
        """Shown among a person's own benefits: paid to them, or the text does not say to whom."""
        p = self.payees.get(payee)
        return bool(p and (p.personal or p.maybe_personal))

    @property
    def personal_payees(self) -> frozenset[str]:
        return frozenset(k for k, p in self.payees.items() if p.personal)

    # -- questions and topics
    def topics_of(self, intent: str | None) -> tuple[str, ...]:
        q = self.questions.get(intent or "")
        return q.topics if q else ()

    def topics_for(self, intent: str | None, role: str | None, facts: dict) -> set[str]:
        """The topics a question covers for this asker: a worker also hears what they get themselves
        (worker_addons); a fact such as the employer's type can narrow the question to one topic."""
        topics = set(self.topics_of(intent))
        # narrowed first, so that a topic narrowed away brings none of its additions ("想学挖掘机" is a skills
        # training: no 创业补贴 through the startup training it is not)
        for fact, by_value in self.narrowing.get(intent or "", {}).items():
            values = [facts.get(fact)]
            if fact == "training_type":         # two courses said in one message: both courses' topics
                values += list(facts.get("course_facts") or {})
            kept = [by_value[v] for v in values if isinstance(v, str) and v in by_value]
            if kept:
                keep = set().union(*kept)
                topics -= {t for t in self.topics_of(intent) if t not in keep}
        if role in ("worker", "proxy"):
            for t in list(topics):
                topics.update(self.worker_addons.get(t, ()))
        return topics

    def narrowed_by(self, intent: str | None, facts: dict) -> tuple[str, str] | None:
        """The fact that narrows the question (topics_for) and the first topic it keeps ("创业培训": startup_training),
        or None."""
        for fact, by_value in self.narrowing.get(intent or "", {}).items():
            v = facts.get(fact)
            if isinstance(v, str) and by_value.get(v):
                return fact, by_value[v][0]
        return None

    def question_of_topic(self, topic: str) -> str | None:
        """The question whose own topics include `topic` (first in catalogue order; not the catch-all ones)."""
        for q in self.questions.values():
            if topic in q.topics and len(q.topics) < len(self.topics):
                return q.intent
        return None

    def question_named_in(self, text: str) -> str | None:
        """The question a follow-up names by its words: one its strong words name ("这个算以工代训不" beside "学手艺"),
        else the first match in catalogue order."""
        for q in self.questions.values():
            if q.strong_words is not None and _asked(q.strong_words, text):
                return q.intent
        for q in self.questions.values():
            if q.words is not None and _asked(q.words, text):
                return q.intent
        return None

    def questions_named_all(self, text: str) -> list[str]:
        """Every question a message names by its words, in the order the message names them ("有啥创业培训没得？贷款
        又能贷好多？" → training, then loan); a question whose words lie inside another's match is not counted."""
        hits = []
        for q in self.questions.values():
            for pat in (q.words, q.strong_words):
                if pat is None:
                    continue
                for m in pat.finditer(text or ""):
                    if not had_before_at(text or "", m.start()) and not given_up_at(text or "", m.start(), m.end()):
                        hits.append((m.start(), -(m.end() - m.start()), m.end(), q.intent))
        hits.sort()
        out, covered = [], []
        for start, _, end, intent in hits:
            if any(a <= start and end <= b for a, b in covered):
                continue
            covered.append((start, end))
            if intent not in out:
                out.append(intent)
        return out

    def question_named_strongly(self, text: str) -> str | None:
        for q in self.questions.values():
            if q.strong_words is not None and _asked(q.strong_words, text):
                return q.intent
        return None

    def narrowing_values(self, fact: str) -> frozenset[str]:
        """The values of `fact` that narrow some question to some of its topics (社区工厂, 就业帮扶基地 …)."""
        return frozenset(v for by_fact in self.narrowing.values() for v in by_fact.get(fact, {}))

    def ledger_topics(self, group: str) -> frozenset[str]:
        return frozenset(t for t, v in self.topics.items() if v.ledger_group == group)


def _pattern(raw) -> re.Pattern | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or not raw:
        raise CatalogueError(f"words must be a regular expression: {raw!r}")
    return re.compile(raw)


@lru_cache(maxsize=1)
def _had_before() -> re.Pattern:
    """A benefit named as had already ("有3个今年已经领过求职补贴了") is history, not the question asked (the words are
    policies/normalize.py's HAD_BEFORE; imported here late, normalize reads the policies that read this catalogue)."""
    from .normalize import HAD_BEFORE, NOT_TAKEN

    # "贷了10万创业贷款", "领过一回求职补贴": an amount or a count between the words and the name; "要是不读技校": a
    # school the person will not go to
    return re.compile(f"(?:{HAD_BEFORE.pattern})(?:那个|这个|那|这)?(?:[0-9一二两三四五六七八九十百千万几.]+(?:万|块|元|回|次|笔)?(?:的)?)?(?:创业|一次性|个人)?\\s*$|"
                      f"(?:{NOT_TAKEN.pattern})\\s*$")


def _asked(pat: re.Pattern, text: str) -> bool:
    return any(not had_before_at(text or "", m.start()) and not given_up_at(text or "", m.start(), m.end())
               for m in pat.finditer(text or ""))


def given_up_at(text: str, start: int, end: int) -> bool:
    """The words at start:end name what the person gives up ("那我要是不见习了，自己开个网店"): not the question."""
    return bool(re.search(r"不(?:去|再|想)?\s*$", text[max(0, start - 3):start])) and \
        bool(re.match(r"\s*了", text[end:end + 2]))


def had_before_at(text: str, start: int) -> bool:
    """The words at `start` name a benefit the person already had ("贷了10万创业贷款", "领过求职补贴")."""
    return bool(_had_before().search(text[max(0, start - 16):start]))


def load_catalogue(path: Path = CATALOGUE_FILE) -> Catalogue:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    payees = {k: Payee(k, v["label"], bool(v["personal"]), bool(v.get("maybe_personal", False)), bool(v.get("employs")),
                       bool(v.get("serves")), v.get("unit"), v.get("member"))
              for k, v in raw["payees"].items()}
    topics = {}
    for k, v in raw["topics"].items():
        if v.get("ledger_group") not in LEDGER_GROUPS:
            raise CatalogueError(f"topic {k}: ledger_group must be one of {sorted(LEDGER_GROUPS)}")
        topics[k] = Topic(k, v["label"], v["ledger_group"])
    questions = {}
    for intent, v in raw["questions"].items():
        ts = tuple(topics) if v.get("topics") == "all" else tuple(v.get("topics") or ())
        unknown = [t for t in ts if t not in topics]
        if unknown or not ts:
            raise CatalogueError(f"question {intent}: unknown or no topics {unknown}")
        if v.get("role") not in ROLES:
            raise CatalogueError(f"question {intent}: role must be one of {ROLES}")
        fb = tuple(v.get("fallback_topics") or ())
        if any(t not in topics for t in fb):
            raise CatalogueError(f"question {intent}: unknown fallback topics {fb}")
        questions[intent] = Question(intent, v["label"], ts, v["role"], _pattern(v.get("words")),
                                     _pattern(v.get("strong_words")), fb)
    addons = {}
    for t, extra in (raw.get("worker_addons") or {}).items():
        if t not in topics or any(x not in topics for x in extra):
            raise CatalogueError(f"worker_addons {t}: unknown topic")
        addons[t] = tuple(extra)
    narrowing: dict = {}
    for intent, by_fact in (raw.get("narrowing") or {}).items():
        if intent not in questions:
            raise CatalogueError(f"narrowing: unknown question {intent}")
        narrowing[intent] = {}
        for fact, by_value in by_fact.items():
            narrowing[intent][fact] = {}
            for value, ts in by_value.items():
                if any(t not in questions[intent].topics for t in ts):
                    raise CatalogueError(f"narrowing {intent}/{fact}/{value}: a topic outside the question")
                narrowing[intent][fact][value] = tuple(ts)
    words = {bid: _pattern(str(w)) for bid, w in (raw.get("benefit_words") or {}).items()}
    doc_words = {did: _pattern(str(w)) for did, w in (raw.get("document_words") or {}).items()}
    return Catalogue(payees, topics, questions, addons, narrowing, frozenset(raw.get("variant_facts") or ()),
                     frozenset(raw.get("target_group_facts") or ()), dict(raw.get("roles") or {}), words, doc_words)


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    return load_catalogue()
