"""Conditions, three-valued: True (met), False (failed), None (unknown). Part of the evaluator (policies/evaluator.py)."""
from __future__ import annotations

from typing import Iterable

from .model import AnyOf
from .profile import Profile


# ----------------------------------------------------------------------------------------------- conditions
def condition_facts(c) -> list[str]:
    """The facts a condition (or each alternative of an any-of) reads."""
    return _cond_facts(c)


def _cond_facts(c) -> list[str]:
    if isinstance(c, AnyOf):
        out = []
        for alt in c.alternatives:
            for x in alt:
                out += [f for f in _cond_facts(x) if f not in out]
        return out
    return [c.fact]


def eval_condition(c, p: Profile) -> bool | None:
    v = _eval_condition(c, p)
    if v is False and getattr(c, "open", False):
        return None                # a list ending in 等: being outside it does not rule anyone out
    return v


def _eval_condition(c, p: Profile) -> bool | None:
    if isinstance(c, AnyOf):
        vals = [all_true([eval_condition(x, p) for x in alt]) for alt in c.alternatives]
        if any(v is True for v in vals):
            return True
        if all(v is False for v in vals):
            return False
        return None
    if c.fact == "category":
        wanted = set(c.value)
        if c.op == "any_of":
            if p.categories & wanted:
                return True
            if wanted <= p.not_categories:
                return False
            if p.categories_exhaustive and not wanted <= p.status_categories:
                return False
            return None
        if c.op == "none_of":
            if p.categories & wanted:
                return False
            if wanted <= p.not_categories or p.categories_exhaustive:
                return True
            return None
    v = p.facts.get(c.fact)
    if v is None:
        return None
    op, target = c.op, c.value
    if op == "equals":
        return v == target
    if op == "any_of":
        return v in target
    if op == "none_of":
        return v not in target
    if op == "between":
        lo, hi = target
        return lo.value <= v <= hi.value
    t = target.value
    eps = 1e-9
    if op == "at_least":
        return v >= t - eps
    if op == "more_than":
        return v > t + eps
    if op == "at_most":
        return v <= t + eps
    if op == "less_than":
        return v < t - eps
    raise ValueError(op)


def all_true(vals: Iterable[bool | None]) -> bool | None:
    vals = list(vals)
    if any(v is False for v in vals):
        return False
    if any(v is None for v in vals):
        return None
    return True
