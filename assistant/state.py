"""What the core keeps between messages (State, stored by Rasa as slots), what it says (Reply), and what it decided
(Decision: the results shown, for the audit log and the console)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from policies.evaluator import BenefitResult


# hidden facts (not the vocabulary's: never evaluated, never in 我记下的): each person's facts kept while the asker asks
# for another ("那我老表呢…", "他弟弟也想问…"), back when they are asked about again ("那我呢", "来电人他自己…"): by label,
# "self" the asker, "first" the one an operator or a parent first asked for; and the person asked for now, as named
PEOPLE = "people_asked"
# the benefits the conversation stated so far, the last last ("这些补贴我们找哪儿报")
STATED = "benefits_stated"
ASKED_FOR = "asked_for"
# the facts a what-if changed ("那要是下个月再招1个脱贫户、签一年呢"), as they were before it: back when the next message
# is asked ("行吧。岗位补贴啥时候报", or another what-if, "要是招2个呢", of the facts as they are)
WHAT_IF_BASE = "what_if_base"
# a unit's interns told of one by one, the months since each came (extract_groups.interns_one_by_one), in the order of
# their groups by months: a correction names one by when it came ("去年九月来的那个只见习了4个月")
INTERN_ARRIVALS = "intern_arrivals"
# a unit asked what its people get themselves beside its own money ("这6个工人自己能领啥补贴，我们厂里又能领啥"): more
# people asked of later ("那要是再招5个脱贫户呢") are answered with their own money too
THEIRS_ASKED = "theirs_asked"
# an owner who said he is poor himself ("俺是…建档立卡贫困户…回村办了个…家庭农场"): his own start-up money is the unit's
# owner's too (decide.unit_own)
OWNER_OWN = "owner_own"
# the most a yearly benefit comes to over its years asked ("最多能返多少钱，能返几年"): a correction after it ("说错了…
# 那应该是多少") is answered the same way
YEARS_TOTAL_ASKED = "years_total_asked"
# the last amount stated of each benefit ({benefit id: total}): "比刚才多多少" after a count or a time changes
AMOUNTS_SAID = "amounts_said"
# the message that told a unit's people, read again when several of its counts are put right (assistant/recount.py)
PEOPLE_SAID = "people_said"


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
            v = (slots or {}).get(k)
            if v is not None:
                setattr(s, k, v if not isinstance(getattr(s, k), (list, dict)) else type(getattr(s, k))(v))
        if not isinstance(s.facts, dict):
            s.facts = {}
        return s

    def to_slots(self) -> dict:
        return asdict(self)


@dataclass
class Reply:
    text: str
    buttons: list[dict] = field(default_factory=list)


@dataclass
class Decision:
    """The outcome of one turn besides its words: the benefits stated (in the order shown), for the audit log."""
    stated: list[BenefitResult] = field(default_factory=list)
    # the facts this message said (their keys): a cost the last answer's amount waited for brings that benefit back
    said: set = field(default_factory=set)
    # a second course to come asked of beside the one had (Extracted.again_days): its days
    again_days: float | None = None
    # people added on a shorter contract (Extracted.added_short): {benefit id: (the condition they fail, their words)}
    added_short: dict = field(default_factory=dict)
    # a form of business asked as a what-if (Extracted.form_what_if)
    form_what_if: str | None = None
    # the facts before this message was merged: a no after a correction is new only when it was no no before
    before: dict | None = None
    # benefits some of whose people this message leaves out of their count (Extracted.counted_not: "有5个我们收了服务费")
    recounted: set = field(default_factory=set)
    # the benefits stated for the person asked about before, asked again of another ("那他姐呢"): hers, each with its
    # status (a no too: "她没出省" has no 跨省 transport)
    same_asked: list = field(default_factory=list)
    # a unit's people's own money answered before the unit's own, when both are asked ("这6个工人自己能领啥补贴，我们厂里
    # 又能领啥"): stated first, whatever the rest of the turn states
    theirs_first: list = field(default_factory=list)
    # a fact answered that the NLU heard as a question of one benefit just stated ("有证 上个月刚拿的…头一回考" heard as
    # ask_appraisal after 初次鉴定补贴 was stated): that benefit first in the answer
    pointed_first: list = field(default_factory=list)


@dataclass
class Turn:
    replies: list[Reply]
    decision: Decision
