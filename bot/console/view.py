"""What the console shows for one conversation, computed from the tracker's slots by the conversation core.

Plain Python (no Sanic, no Rasa server): the channel hands in the slots and the tracker's events and gets JSON-ready
dicts back. The core decides which benefits are relevant (assistant/decide.py), the same decision as the bot's
reply, so the operator sees what the bot reasons about, in full: every condition met / not met / still unknown
with the question to ask, the calculation, the payee, the citation with its quotes and the validity.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from assistant.clock import today as as_of_today
from assistant.decide import current_benefits, evaluate_topic, personal, relevant, shown_ids
from assistant.edit import EditError, apply_edit  # noqa: F401  (the console's corrections go through the core)
from assistant.state import State
from assistant.wording import fact_value_text
from policies import ELIGIBLE, INELIGIBLE, UNKNOWN, default_gazetteer, default_policies
from policies.catalogue import default_catalogue
from policies.evaluator import BenefitResult, fmt_money
from policies.model import AnyOf
from policies.render import amount_line, benefit_card, citation, no_policy_text, payee_text, validity_line

WECHAT_BYTES = 2048          # one WeChat message, as the operator pastes it
MAX_SHOWN_CARDS = 6
MAX_TRANSCRIPT = 200         # messages

ROLE_LABELS = default_catalogue().roles
STATUS_TEXT = {ELIGIBLE: "符合条件", UNKNOWN: "还需确认", INELIGIBLE: "不符合"}
SPECIAL_FIELDS = ("place", "topic", "role", "category")
HIDDEN_FACTS = {"not_category", "category_exhaustive"}


def state_of(slots: dict) -> State:
    return State.from_slots(slots or {})


def topic_label(intent: str | None) -> str:
    q = default_catalogue().questions.get(intent or "")
    return q.label if q else (intent or "未知")


# ----------------------------------------------------------------------------------------------- the panel
def _vocab():
    return default_policies().vocab


def fact_spec(name: str) -> dict:
    f = _vocab().facts[name]
    return {"name": name, "label": f.label, "type": f.type, "question": f.question, "choices": list(f.choices)}


def vocabulary() -> dict:
    """Everything the page needs to draw the edit controls (sent once, in the page)."""
    vocab = _vocab()
    docs = default_policies().documents
    return {
        "facts": [fact_spec(n) for n in vocab.facts if n != "category"],
        "categories": list(vocab.categories),
        "category_label": vocab.facts["category"].label if "category" in vocab.facts else "人员类别",
        "topics": [[k, q.label] for k, q in default_catalogue().questions.items()],
        "roles": [[k, v] for k, v in ROLE_LABELS.items()],
        "places": [d.place_label for d in docs],
    }


def _missing_ranked(results: list[BenefitResult]) -> list[str]:
    out: list[str] = []
    for r in results:
        if r.status == UNKNOWN:
            out += [f for f in r.missing if f not in out]
    for r in results:
        if r.status != INELIGIBLE:
            out += [f for f in r.amount.missing if f not in out]
    return out


def panel(state: State, shown: list[BenefitResult]) -> dict:
    """The structured panel: place, topic, role, categories, and the facts (known ones and the ones still needed)."""
    vocab = _vocab()
    res = default_gazetteer().resolve(state.place) if state.place else None
    cats = list(state.facts.get("category") or [])
    needed = [f for f in _missing_ranked(shown) if f in vocab.facts and f != "category"]
    facts = []
    for name, value in state.facts.items():
        if name in HIDDEN_FACTS or name == "category" or name not in vocab.facts:
            continue
        d = fact_spec(name)
        d.update(value=value, display=fact_value_text(name, value), needed=False)
        facts.append(d)
    for name in needed:
        if name not in state.facts:
            d = fact_spec(name)
            d.update(value=None, display="未知", needed=True)
            facts.append(d)
    pending = None
    if state.pending_fact:
        pf = state.pending_fact
        if pf == "place":
            pending = {"fact": "place", "label": "地点", "question": "您是哪个县（区）的？"}
        elif pf.startswith("place_confirm:"):
            pending = {"fact": "place", "label": "地点", "question": f"您是{pf.split(':', 1)[1]}的吗？"}
        elif pf in vocab.facts:
            pending = {"fact": pf, "label": vocab.facts[pf].label, "question": vocab.facts[pf].question}
    return {
        "place": {"label": "地点", "value": state.place, "display": state.place or "未知",
                  "covered": bool(res and res.documents)},
        "topic": {"label": "问的是", "value": state.topic,
                  "display": topic_label(state.topic)},
        "role": {"label": "谁来领", "value": state.role, "display": ROLE_LABELS.get(state.role or "", "未知")},
        "category": {"label": vocab.facts["category"].label if "category" in vocab.facts else "人员类别",
                     "value": cats, "display": "、".join(cats) or "未知",
                     "not": list(state.facts.get("not_category") or []),
                     "needed": "category" in _missing_ranked(shown) and not cats,
                     "question": vocab.facts["category"].question if "category" in vocab.facts else ""},
        "facts": facts,
        "pending": pending,
    }


# ----------------------------------------------------------------------------------------------- answer cards
def _cond_text(o) -> str:
    c = o.condition
    note = getattr(c, "note", None)
    if note:
        return note
    if o.quotes:
        return o.quotes[0]
    f = o.facts[0] if o.facts else ""
    return _vocab().facts[f].label if f in _vocab().facts else f


def _condition(o, with_questions: bool = False) -> dict:
    vocab = _vocab()
    d = {"text": _cond_text(o), "quotes": list(o.quotes), "facts": [
        {"name": f, "label": vocab.facts[f].label if f in vocab.facts else f} for f in o.facts]}
    if with_questions:
        d["questions"] = [{"fact": f, "label": vocab.facts[f].label, "question": vocab.facts[f].question}
                          for f in o.facts if f in vocab.facts]
        if isinstance(o.condition, AnyOf):
            d["any_of"] = True
    return d


def card(r: BenefitResult, as_of: dt.date, role: str | None, said: bool) -> dict:
    b, a = r.benefit, r.amount
    doc = b.document
    vocab = _vocab()
    return {
        "id": b.id,
        "name": b.name,
        "status": r.status,
        "status_text": STATUS_TEXT[r.status],
        "said_by_bot": said,
        "amount": {
            "line": amount_line(r),
            "headline": (("最高" if a.up_to else "") + fmt_money(a.value)) if a.value is not None else amount_line(r),
            "rule": a.text,
            "steps": list(a.steps),
            "value": a.value,
            "up_to": a.up_to,
            "missing": [{"fact": f, "label": vocab.facts[f].label, "question": vocab.facts[f].question}
                        for f in a.missing if f in vocab.facts],
            "quotes": list(a.quotes),
        },
        "payee": {"code": b.payee, "label": b.payee_label, "note": b.payee_note,
                  "personal": personal(r), "text": payee_text(b, role, style="card")},
        "conditions": {
            "met": [_condition(o) for o in r.met],
            "failed": [_condition(o) for o in r.failed],
            "unknown": [_condition(o, with_questions=True) for o in r.unknown],
        },
        "reasons": list(dict.fromkeys(r.reasons)),
        "partners": [default_policies().benefits[o].name for o, _, _ in r.partners if o in default_policies().benefits],
        "limits": [x.text for x in b.limits],
        "notes": [n.text for n in b.notes],
        "citation": {"document_no": doc.document_no, "clause": b.clause, "title": doc.title, "issuer": doc.issuer,
                     "text": citation(b), "quotes": list(b.quotes)},
        "validity": validity_line(doc, as_of),
        "ended": r.ended,
        "not_yet_valid": r.not_yet_valid,
        "apply": _apply(b),
        "text": benefit_card(r, as_of, detail=True),
    }


def _apply(b) -> dict:
    ap = b.apply
    return {"who": ap.who if ap else None, "office": ap.office if ap else None, "window": ap.window if ap else None,
            "procedure": ap.procedure if ap else None, "contact_office": b.document.contact_office,
            "contact_phone": b.document.contact_phone}


# ----------------------------------------------------------------------------------------------- checklist
def fit_bytes(lines: list[str], limit: int = WECHAT_BYTES, shrinkable: tuple[int, int] | None = None) -> str:
    """Join lines; when over `limit` UTF-8 bytes, drop lines from the shrinkable range (the material list) from its
    end, saying how many were left out, and as a last resort cut the text."""
    text = "\n".join(lines)
    if len(text.encode()) <= limit:
        return text
    if shrinkable:
        lo, hi = shrinkable
        items = lines[lo:hi]
        for keep in range(len(items) - 1, 0, -1):
            trial = lines[:lo] + items[:keep] + [f"……还有{len(items) - keep}项，见原文件"] + lines[hi:]
            text = "\n".join(trial)
            if len(text.encode()) <= limit:
                return text
    b = text.encode()[: limit - len("…".encode())]
    return b.decode(errors="ignore") + "…"


def checklist(r: BenefitResult, as_of: dt.date, role: str | None) -> dict:
    b = r.benefit
    ap = _apply(b)
    items = list(b.documents.items) if b.documents else []
    lines = [f"【{b.name}】申请材料（按文件原文）："]
    if items:
        lines += [f"{i}. {x}" for i, x in enumerate(items, 1)]
    else:
        lines.append(f"文件未列申请材料，请向{b.document.contact_office}咨询。")
    first, last = 1, len(lines)
    if ap["who"]:
        lines.append(f"谁来办：{ap['who']}")
    lines.append(f"去哪办：{ap['office'] or '文件未写明，请问' + b.document.contact_office}")
    if ap["window"]:
        lines.append(f"时间：{ap['window']}")
    side_note = None
    if role in ("worker", "proxy") and not personal(r):
        side_note = f"这是{b.payee_label}申请时交的材料，钱发给{b.payee_label}"
        lines.append(f"（{side_note}）")
    lines.append(f"依据：{citation(b)}")
    lines.append(validity_line(b.document, as_of))
    text = fit_bytes(lines, WECHAT_BYTES, (first, last) if items else None)
    return {"benefit_id": b.id, "name": b.name, "items": items, "who": ap["who"], "office": ap["office"],
            "window": ap["window"], "procedure": ap["procedure"], "contact_office": b.document.contact_office,
            "contact_phone": b.document.contact_phone, "note": side_note, "citation": citation(b),
            "validity": validity_line(b.document, as_of), "ended": r.ended,
            "copy_text": text, "copy_bytes": len(text.encode())}


def _checklist_order(shown: list[BenefitResult]) -> list[BenefitResult]:
    """As the bot's documents answer does: the caller's own benefits first, then any not ruled out."""
    mine = [r for r in shown if personal(r) and r.status != INELIGIBLE]
    rest = [r for r in shown if r.status != INELIGIBLE and r not in mine]
    tail = [r for r in shown if r not in mine and r not in rest]
    return mine + rest + tail


# ----------------------------------------------------------------------------------------------- evaluation
def stated(state: State, as_of: dt.date) -> list[BenefitResult]:
    """The benefits of the bot's last answer, in its order: `last_benefits`, which the core keeps with every answer
    (and recomputes after an operator's correction), evaluated for the current facts."""
    if not state.last_benefits:
        return []
    return current_benefits(state, as_of)


def evaluate_state(state: State, as_of: dt.date) -> dict:
    """Coverage message, the answer cards and the checklists for the current slots. The cards are the bot's own
    decision: first the benefits its last answer stated, then the others the core finds relevant to the question."""
    out: dict[str, Any] = {"coverage": None, "cards": [], "checklists": [], "hint": None, "shown": []}
    if not state.place:
        out["hint"] = "还不知道来电人是哪个县（区）的：先问地点，或在“地点”一栏填上。"
        return out
    res = default_gazetteer().resolve(state.place)
    if not res.documents:
        out["coverage"] = {"covered": False, "text": no_policy_text(state.place, res.narrower or None)}
        return out
    out["coverage"] = {"covered": True, "documents": [
        {"document_no": d.document_no, "title": d.title, "place": d.place_label,
         "validity": validity_line(d, as_of), "ended": d.ended(as_of)} for d in res.documents]}
    said = stated(state, as_of)
    if not state.topic and not said:
        out["hint"] = "还不知道来电人问哪类补贴：在“问的是”一栏选一项。"
        return out
    ordered = relevant(evaluate_topic(state, as_of), state) if state.topic else []
    said_ids = {r.benefit.id for r in said}
    others = [r for r in ordered if r.benefit.id not in said_ids]
    if not said and not others:
        out["hint"] = f"{state.place}的文件里没有这方面的补贴。"
        return out
    shown = (said + others)[:max(MAX_SHOWN_CARDS, len(said))]
    out["shown"] = shown
    out["cards"] = [card(r, as_of, state.role, r.benefit.id in said_ids) for r in shown]
    out["checklists"] = [checklist(r, as_of, state.role) for r in _checklist_order(shown)]
    if said and not ordered:
        out["hint"] = f"文件里没有“{topic_label(state.topic)}”这方面的补贴；下面是机器人按来电人情况列出的。"
    elif len(said) + len(others) > len(shown):
        out["hint"] = f"另有{len(said) + len(others) - len(shown)}项相关补贴未显示。"
    return out


def _warning(validity: str) -> str | None:
    """The warning of a validity line, short: "⚠该政策已于2025年12月31日到期" or "⚠属2020年前的政策"."""
    if "⚠" not in validity:
        return None
    return "⚠" + validity.split("⚠", 1)[1].split("，", 1)[0].rstrip("。")


def conclusion(cards: list[dict], hint: str | None, role: str | None, coverage: dict | None = None) -> dict:
    """The one line pinned above everything: 可领 X 元 → 钱发给谁 → ⚠已到期, for the first card (the bot's first
    stated benefit)."""
    if not cards:
        uncovered = coverage and not coverage.get("covered") and coverage.get("text")
        return {"status": None, "text": uncovered or hint or "还没有答案：先把来电人说的话输进来。", "parts": []}
    c = cards[0]
    a = c["amount"]
    amount = a["headline"] if a["value"] is not None else a["line"].split("（")[0]
    if c["status"] == ELIGIBLE:
        money = f"可领 {amount}"
    elif c["status"] == UNKNOWN:
        money = f"可能可领 {amount}（还要确认）"
    else:
        money = "不符合" + (f"：{c['reasons'][0]}" if c["reasons"] else "")
    p = c["payee"]
    if p["code"] == "unnamed":
        payee = "钱发给谁：文件未写明"
    else:
        payee = f"钱发给{p['label']}" + ("（不是来电人）" if role in ("worker", "proxy") and not p["personal"] else "")
    parts = [{"kind": "name", "text": c["name"]}, {"kind": "amount", "text": money},
             {"kind": "payee", "text": payee, "personal": p["personal"]}]
    warn = _warning(c["validity"])
    if warn:
        parts.append({"kind": "validity", "text": warn})
    more = len(cards) - 1
    return {"status": c["status"], "benefit_id": c["id"], "parts": parts, "more": more,
            "text": " → ".join(x["text"] for x in parts[1:]) + (f"（另有{more}项，见卡片）" if more else "")}


def build_view(slots: dict, as_of: dt.date | None = None) -> dict:
    as_of = as_of or as_of_today()
    state = state_of(slots)
    ev = evaluate_state(state, as_of)
    shown = ev.pop("shown")
    return {"as_of": as_of.isoformat(), "slots": state.to_slots(), "panel": panel(state, shown),
            "conclusion": conclusion(ev["cards"], ev["hint"], state.role, ev["coverage"]), **ev}


def bot_card_ids(state: State, as_of: dt.date) -> list[str]:
    """The benefits the bot would now talk about (what `last_benefits` should hold after a correction)."""
    return shown_ids(state, as_of)


# ----------------------------------------------------------------------------------------------- calls
TITLE_WORDS = 16             # characters of the caller's first words in a call's title


def call_title(ts: float | None, place: str | None, first_text: str | None, now: dt.datetime | None = None) -> str:
    """A call as the list names it: time, place, the caller's first words ("14:05 · 千阳县 · 我在社区工厂干了一年…")."""
    from .edits import display

    parts = []
    if ts:
        when, now = dt.datetime.fromtimestamp(float(ts)), now or dt.datetime.now()
        parts.append(when.strftime("%H:%M") if when.date() == now.date() else when.strftime("%m-%d %H:%M"))
    parts.append(display("place", place) if place else "地点未知")
    words = " ".join((first_text or "").split())
    parts.append(words[:TITLE_WORDS] + ("…" if len(words) > TITLE_WORDS else "") if words else "还没说话")
    return " · ".join(parts)


# ----------------------------------------------------------------------------------------------- transcript
def transcript(events: list[dict], limit: int = MAX_TRANSCRIPT) -> list[dict]:
    """User and bot messages from the tracker's events (dicts as Event.as_dict gives them). Bot messages that
    followed a user message sent while the conversation was handed over are marked `suppressed`."""
    out: list[dict] = []
    suppressed = False
    for e in events:
        t = e.get("event")
        if t == "user":
            meta = (e.get("metadata") or {}).get("console") or {}
            suppressed = bool(meta.get("handover"))
            out.append({"type": "user", "text": e.get("text") or "", "time": e.get("timestamp"),
                        "operator": meta.get("operator"), "handover": suppressed,
                        "intent": ((e.get("parse_data") or {}).get("intent") or {}).get("name")})
        elif t == "bot":
            data = e.get("data") or {}
            out.append({"type": "bot", "text": e.get("text") or "", "time": e.get("timestamp"),
                        "buttons": [{"title": str(b.get("title") or ""), "payload": str(b.get("payload") or "")}
                                    for b in data.get("buttons") or [] if isinstance(b, dict)],
                        "suppressed": suppressed})
        elif t == "session_started":
            out.append({"type": "session", "text": "新的会话", "time": e.get("timestamp")})
    return out[-limit:]
