"""What a benefit's result depends on, so that a ledger's rows can share it: the facts its conditions and amount read
(and the facts those are derived from), the person categories its conditions name, the benefits whose receipt this
year matters to it; and whether a failed condition means the benefit is not meant for this person at all."""
from __future__ import annotations

from typing import NamedTuple

from policies.catalogue import default_catalogue
from policies.evaluator import DATED_FACTS, DERIVED_FACTS
from policies.model import AnyOf, Benefit, PolicySet

# Facts that say which benefit is meant for this person: the catalogue's variant facts (which kind of training, post,
# business, borrower or employer: failing one means "a different benefit") and its target-group facts (the person
# category). The chat says a real "不符合" on a target-group fact, because the asker named that benefit; the ledger
# lists what each person can claim, so it leaves out a benefit failing either kind: it is not meant for this person.
SELECTOR_FACTS = default_catalogue().variant_facts | default_catalogue().target_group_facts


class Candidate(NamedTuple):
    """A benefit a row may list, with what its result depends on (the key of its cached item)."""
    benefit: Benefit
    facts: tuple[str, ...]          # the facts it reads, categories apart
    categories: frozenset[str] | None   # the categories its conditions name; None: it reads no categories
    received_ids: frozenset[str]    # benefit ids whose receipt this year matters to it


def benefit_reads(b: Benefit, policies: PolicySet) -> Candidate:
    """A benefit with what its result depends on: the facts it reads, the person categories its conditions name
    (a condition on categories asks only whether the person is, is not, or may be one of those), and the benefit
    ids whose receipt matters to it."""
    facts: list[str] = []
    categories: set[str] = set()
    _collect_facts(b.eligibility, facts, categories)
    _collect_amount_facts(b.amount, facts, categories)
    # facts Profile.derive() computes from others, and what those are computed from in turn
    for f in facts:              # grows while it is walked
        for source in DERIVED_FACTS.get(f, ()) + DATED_FACTS.get(f, ()):
            if source not in facts:
                facts.append(source)
    ids = {b.id} | {o for o, _, _ in policies.exclusive_partners(b.id)}
    return Candidate(b, tuple(f for f in facts if f != "category"),
                     frozenset(categories) if "category" in facts else None, frozenset(ids))


def _collect_facts(conds, out: list[str], categories: set[str] | None = None) -> None:
    """The facts the conditions read, into `out`; and the person categories they name, into `categories`."""
    for c in conds:
        if isinstance(c, AnyOf):
            for alt in c.alternatives:
                _collect_facts(alt, out, categories)
            continue
        if c.fact not in out:
            out.append(c.fact)
        if c.fact == "category" and c.op in ("any_of", "none_of") and categories is not None:
            categories.update(c.value)


def _collect_amount_facts(a, out: list[str], categories: set[str] | None = None) -> None:
    for f, _ in a.units:
        if f not in out:
            out.append(f)
    if a.cost_fact and a.cost_fact not in out:
        out.append(a.cost_fact)
    for p in a.parts:
        _collect_amount_facts(p, out, categories)
    for when, sub in a.cases:
        _collect_facts(when, out, categories)
        _collect_amount_facts(sub, out, categories)


def is_selector(c) -> bool:
    """A condition on a selector fact (inside an any-of too): failing it means "not meant for this person"."""
    if isinstance(c, AnyOf):
        return any(is_selector(x) for alt in c.alternatives for x in alt)
    return c.fact in SELECTOR_FACTS
