"""The fields of one call as the operator sees and corrects them: the value of a field in the slots, its words,
what a caller's sentence changed, an operator's typed value read with the chat's own word table, and the labelled
facts of the review page.

The corrections themselves go through the core (assistant.edit.apply_edit); numbers typed in the panel ("1年",
"一年半", "半年", "680块", "十二个人") are read by the parsers of policies/normalize.py, the same ones the chat's
extraction and the ledger use, before the core checks them.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from assistant.edit import EditError, apply_edit
from assistant.wording import fact_value_text
from policies import default_gazetteer, default_policies
from policies import normalize as nz
from policies.catalogue import default_catalogue

SPECIAL_FIELDS = ("place", "topic", "role", "category")
HIDDEN_FACTS = {"not_category", "category_exhaustive"}
# a typed number of each kind is read as the chat reads it (the core's coerce takes plain numbers)
TYPED_PARSERS = {"months": nz.parse_duration_months, "money": nz.parse_money, "count": nz.parse_count,
                 "days": nz.parse_days}


def _vocab():
    return default_policies().vocab


def label_of(field: str) -> str:
    if field == "place":
        return "地点"
    if field == "topic":
        return "问的是"
    if field == "role":
        return "谁来领"
    f = _vocab().facts.get(field)
    return f.label if f else field


def fields_of(slots: dict) -> list[str]:
    """The fields a call has a value for: the special ones, then every fact except the hidden ones."""
    facts = (slots or {}).get("facts") or {}
    return list(SPECIAL_FIELDS) + [k for k in facts if k not in HIDDEN_FACTS and k != "category"]


def value_of(slots: dict, field: str) -> Any:
    slots = slots or {}
    if field in ("place", "topic", "role"):
        return slots.get(field)
    value = (slots.get("facts") or {}).get(field)
    if field == "category":
        return list(value) if value else None
    return value


def display(field: str, value: Any) -> str:
    """The words for a field's value ("未知" when there is none)."""
    if value is None or value == []:
        return "未知"
    if field == "place":
        res = default_gazetteer().resolve(value)
        return res.place.name if res.place else str(value)
    if field == "topic":
        q = default_catalogue().questions.get(value)
        return q.label if q else "其他问题"
    if field == "role":
        return default_catalogue().roles.get(value, "未知")
    if field == "category":
        return "、".join(value) if isinstance(value, list) else str(value)
    return fact_value_text(field, value)


def changes(before: dict, after: dict) -> list[dict]:
    """The fields whose value differs between two sets of slots, with their words before and after."""
    out = []
    seen = set()
    for field in fields_of(before) + fields_of(after):
        if field in seen:
            continue
        seen.add(field)
        a, b = value_of(before, field), value_of(after, field)
        if a != b:
            out.append({"field": field, "label": label_of(field), "before": display(field, a),
                        "after": display(field, b)})
    return out


def read_typed(field: Any, value: Any) -> Any:
    """An operator's typed value as the chat would read it: "1年" → 12, "一年半" → 18 (months), "680块" → 680.
    Anything the word table cannot read is passed on unchanged, for the core to refuse in Chinese."""
    spec = _vocab().facts.get(field) if isinstance(field, str) else None
    parser = TYPED_PARSERS.get(spec.type) if spec else None
    if parser is None or not isinstance(value, str) or not value.strip():
        return value
    n = parser(value.strip())
    return value if n is None else n


def edit(slots: dict, field: Any, value: Any, as_of: dt.date | None = None) -> dict:
    """The slots after the operator's correction, through the core (EditError in Chinese when it cannot be used)."""
    return apply_edit(slots, field, read_typed(field, value), as_of)


def restore(slots: dict, locked: dict[str, Any], as_of: dt.date | None = None) -> tuple[dict, list[dict]]:
    """Put back every field the operator set that a caller's sentence changed. Returns the slots and, for each field
    put back, what the caller's words would have made it and what it stays."""
    kept = []
    for field, value in locked.items():
        now = value_of(slots, field)
        if now == value:
            continue
        try:
            slots = apply_edit(slots, field, value, as_of)
        except EditError:
            continue                 # a kept value the vocabulary no longer knows: the caller's words stand
        kept.append({"field": field, "label": label_of(field), "caller": display(field, now),
                     "caller_value": now, "kept": display(field, value)})
    return slots, kept


def review_rows(slots: dict) -> list[tuple[str, str]]:
    """The facts of a call as labelled Chinese lines for the review page (no internal names)."""
    slots = slots or {}
    rows = [(label_of(f), display(f, value_of(slots, f))) for f in ("place", "topic", "role")]
    facts = slots.get("facts") or {}
    vocab = _vocab()
    cat_label = vocab.facts["category"].label if "category" in vocab.facts else "人员类别"
    rows.append((cat_label, display("category", value_of(slots, "category"))))
    if facts.get("not_category"):
        rows.append(("不属于", "、".join(facts["not_category"])))
    for name, value in facts.items():
        if name in HIDDEN_FACTS or name == "category" or name not in vocab.facts:
            continue
        rows.append((label_of(name), display(name, value)))
    return rows
