"""An operator's correction of one field (place, question, asker, category or a fact), applied through the core:
the same vocabulary and checks as the chat, and `last_benefits` recomputed as the bot would now answer."""
from __future__ import annotations

import datetime as dt
from typing import Any

from policies import default_gazetteer, default_policies
from policies.catalogue import default_catalogue
from policies.evaluator import coerce

from .clock import today as as_of_today
from .decide import shown_ids
from .state import State

MAX_FACT_TEXT = 100          # characters of a typed fact value
HIDDEN_FACTS = {"not_category", "category_exhaustive"}


class EditError(ValueError):
    """A correction that cannot be applied; the message is Chinese and shown to the operator."""


def apply_edit(slots: dict, field: Any, value: Any, as_of: dt.date | None = None) -> dict:
    """The slots after the operator corrects one field. Raises EditError (Chinese) for a value that cannot be used.

    `value` None or "" makes the field unknown again."""
    as_of = as_of or as_of_today()
    if not isinstance(field, str) or not field:
        raise EditError("缺少要修改的项目（field）")
    vocab = default_policies().vocab
    state = State.from_slots(slots or {})
    facts = dict(state.facts)
    empty = value is None or (isinstance(value, str) and not value.strip()) or value == []
    if isinstance(value, str):
        value = value.strip()
        if len(value) > MAX_FACT_TEXT:
            raise EditError(f"填的内容太长（最多{MAX_FACT_TEXT}个字）")
    if field == "place":
        if empty:
            state.place = None
        else:
            if not isinstance(value, str):
                raise EditError("地点应填地名，比如：千阳县、汉阴县、海伦市")
            res = default_gazetteer().resolve(value)
            if res.place is None:
                raise EditError(f"不认识这个地名：{value}。请填县（区）名，比如：千阳县、汉阴县、海伦市")
            state.place = res.place.full_name
        if state.pending_fact and state.pending_fact.startswith("place"):
            state.pending_fact = None
    elif field == "topic":
        if empty:
            state.topic = None
        elif value not in default_catalogue().questions:
            raise EditError(f"“问的是”只能选：{'、'.join(q.label for q in default_catalogue().questions.values())}")
        else:
            if value != state.topic:
                state.asked = []
            state.topic = value
    elif field == "role":
        if empty:
            state.role = None
        elif value not in default_catalogue().roles:
            raise EditError("“谁来领”只能选：劳动者本人 或 用人单位")
        else:
            state.role = value
    elif field == "category":
        if empty:
            facts.pop("category", None)
        else:
            raw = [value] if isinstance(value, str) else value
            if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
                raise EditError("人员类别应为类别名称的列表，比如 [\"脱贫劳动力\"]")
            if len(raw) > len(vocab.categories):
                raise EditError("人员类别太多")
            canon = []
            for c in raw:
                cc = vocab.canonical_category(c)
                if cc is None:
                    raise EditError(f"不认识的人员类别：{c}。可选：{'、'.join(vocab.categories)}")
                if cc not in canon:
                    canon.append(cc)
            facts["category"] = canon
            facts["not_category"] = [c for c in facts.get("not_category") or [] if c not in canon]
        facts.pop("category_exhaustive", None)
    elif field in vocab.facts and field not in HIDDEN_FACTS:
        spec = vocab.facts[field]
        if empty:
            facts.pop(field, None)
        else:
            if isinstance(value, (list, dict)):
                raise EditError(f"“{spec.label}”的值看不懂")
            try:
                facts[field] = coerce(spec.type, value, spec.label, spec.choices)
            except ValueError as e:
                raise EditError(str(e)) from None
            if spec.type in ("months", "money", "count", "days", "hours", "years") and facts[field] > 1e9:
                raise EditError(f"“{spec.label}”的数太大：{value}")
    else:
        raise EditError(f"不认识要修改的项目：{field}")
    state.facts = facts
    if state.pending_fact == field:
        state.pending_fact = None
    state.last_benefits = shown_ids(state, as_of)
    return state.to_slots()
