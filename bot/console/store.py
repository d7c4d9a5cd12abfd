"""The console's own tables, in the same database as the tracker store (URL from TRACKER_URL, as the Makefile and
scripts/serve.sh set it; sqlite:///<repo>/var/rasa.db when unset), plus the list of recent conversations read from the
tracker store itself.

    console_handover   sender_id → handed over to a human (flag), by whom, since when
    console_feedback   an answer marked wrong / outdated, with the operator's comment and a snapshot of the answer
    console_sessions   logged-in operator sessions (hash of the cookie's session id); logout revokes one
    console_edits      the fields an operator set on a call (JSON value): the caller's next sentence does not undo them

Every value that reaches these tables has been checked by the channel (bot/textcheck.valid_text: UTF-8 text, no NUL,
bounded): SQLite raises UnicodeEncodeError on a lone surrogate.
"""
from __future__ import annotations

import json
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]

metadata = sa.MetaData()

handover_table = sa.Table(
    "console_handover", metadata,
    sa.Column("sender_id", sa.String(255), primary_key=True),
    sa.Column("active", sa.Boolean, nullable=False, default=False),
    sa.Column("operator", sa.String(64)),
    sa.Column("updated_at", sa.Float, nullable=False),
)

feedback_table = sa.Table(
    "console_feedback", metadata,
    sa.Column("id", sa.Integer, sa.Sequence("console_feedback_id_seq"), primary_key=True),
    sa.Column("created_at", sa.Float, nullable=False, index=True),
    sa.Column("operator", sa.String(64), nullable=False),
    sa.Column("sender_id", sa.String(255), nullable=False, index=True),
    sa.Column("benefit_id", sa.String(64)),
    sa.Column("benefit_name", sa.String(255)),
    sa.Column("citation", sa.String(255)),
    sa.Column("kind", sa.String(16), nullable=False),          # wrong | outdated
    sa.Column("comment", sa.Text, nullable=False),
    sa.Column("answer", sa.Text),                              # the card as text, when it was marked
    sa.Column("slots", sa.Text),                               # JSON of the conversation's slots, when it was marked
    sa.Column("resolved", sa.Boolean, nullable=False, default=False),
    sa.Column("resolved_by", sa.String(64)),
    sa.Column("resolved_at", sa.Float),
)

sessions_table = sa.Table(
    "console_sessions", metadata,
    sa.Column("id", sa.String(64), primary_key=True),          # auth.session_key(sid): a hash, not the id itself
    sa.Column("operator", sa.String(64), nullable=False),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("expires_at", sa.Float, nullable=False, index=True),
    sa.Column("revoked_at", sa.Float),
)

edits_table = sa.Table(
    "console_edits", metadata,
    sa.Column("sender_id", sa.String(255), primary_key=True),
    sa.Column("field", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),               # JSON
    sa.Column("operator", sa.String(64)),
    sa.Column("updated_at", sa.Float, nullable=False),
)

KINDS = {"wrong": "答案有误", "outdated": "政策过时"}
SESSION_ROWS_KEPT = 24 * 3600      # seconds an expired or revoked session row is kept before it is deleted


def database_url() -> str:
    url = os.environ.get("TRACKER_URL")
    if url:
        return url
    return f"sqlite:///{ROOT / 'var' / 'rasa.db'}"


def _redacted(url: str) -> str:
    try:
        return repr(sa.engine.make_url(url))     # hides the password
    except Exception:  # noqa: BLE001
        return "(unreadable database URL)"


@dataclass
class Feedback:
    id: int
    created_at: float
    operator: str
    sender_id: str
    benefit_id: str | None
    benefit_name: str | None
    citation: str | None
    kind: str
    comment: str
    answer: str | None
    slots: dict
    resolved: bool
    resolved_by: str | None
    resolved_at: float | None

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


class ConsoleStore:
    def __init__(self, url: str | None = None):
        self.url = url or database_url()
        self._engine: sa.engine.Engine | None = None
        self._lock = threading.Lock()

    @property
    def engine(self) -> sa.engine.Engine:
        with self._lock:
            if self._engine is None:
                url = sa.engine.make_url(self.url)
                kw: dict[str, Any] = {"future": True}
                if url.get_backend_name() == "sqlite":
                    kw["connect_args"] = {"timeout": 15}
                    if url.database:
                        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
                else:
                    kw["pool_pre_ping"] = True
                engine = sa.create_engine(url, **kw)
                metadata.create_all(engine)
                logger.info("console tables ready in %s", _redacted(self.url))
                self._engine = engine
            return self._engine

    # ------------------------------------------------------------------------------------------- handover
    def handover(self, sender_id: str) -> dict:
        with self.engine.connect() as c:
            row = c.execute(sa.select(handover_table).where(handover_table.c.sender_id == sender_id)).first()
        if row is None:
            return {"active": False, "operator": None, "since": None}
        return {"active": bool(row.active), "operator": row.operator, "since": row.updated_at}

    def handed_over(self, sender_ids: list[str]) -> set[str]:
        if not sender_ids:
            return set()
        with self.engine.connect() as c:
            rows = c.execute(sa.select(handover_table.c.sender_id).where(
                handover_table.c.sender_id.in_(sender_ids), handover_table.c.active.is_(True))).all()
        return {r.sender_id for r in rows}

    def set_handover(self, sender_id: str, active: bool, operator: str) -> dict:
        now = time.time()
        with self.engine.begin() as c:
            n = c.execute(handover_table.update().where(handover_table.c.sender_id == sender_id)
                          .values(active=active, operator=operator, updated_at=now)).rowcount
            if not n:
                c.execute(handover_table.insert().values(sender_id=sender_id, active=active, operator=operator,
                                                         updated_at=now))
        return {"active": active, "operator": operator, "since": now}

    # ------------------------------------------------------------------------------------------- operator edits
    def edits(self, sender_id: str) -> dict[str, Any]:
        """field → the value the operator set, for one call."""
        with self.engine.connect() as c:
            rows = c.execute(sa.select(edits_table.c.field, edits_table.c.value)
                             .where(edits_table.c.sender_id == sender_id)).all()
        out = {}
        for r in rows:
            try:
                out[r.field] = json.loads(r.value)
            except ValueError:
                continue
        return out

    def set_edit(self, sender_id: str, field: str, value: Any, operator: str) -> None:
        """Remember the operator's value of a field (None: forget it, the caller's words may fill it again)."""
        with self.engine.begin() as c:
            c.execute(edits_table.delete().where(edits_table.c.sender_id == sender_id, edits_table.c.field == field))
            if value is not None:
                c.execute(edits_table.insert().values(sender_id=sender_id, field=field, operator=operator,
                                                      value=json.dumps(value, ensure_ascii=False),
                                                      updated_at=time.time()))

    def forget_edits(self, sender_id: str) -> None:
        """Forget every field the operator set on a call (the caller asked for their record to be erased)."""
        with self.engine.begin() as c:
            c.execute(edits_table.delete().where(edits_table.c.sender_id == sender_id))

    # ------------------------------------------------------------------------------------------- sessions
    def add_session(self, key: str, operator: str, created_at: float, expires_at: float) -> None:
        with self.engine.begin() as c:
            c.execute(sessions_table.delete().where(sessions_table.c.expires_at < created_at - SESSION_ROWS_KEPT))
            c.execute(sessions_table.insert().values(id=key, operator=operator, created_at=created_at,
                                                     expires_at=expires_at, revoked_at=None))

    def session_active(self, key: str, now: float | None = None) -> bool:
        now = now or time.time()
        with self.engine.connect() as c:
            row = c.execute(sa.select(sessions_table.c.expires_at, sessions_table.c.revoked_at)
                            .where(sessions_table.c.id == key)).first()
        return row is not None and row.revoked_at is None and row.expires_at > now

    def revoke_session(self, key: str) -> bool:
        with self.engine.begin() as c:
            n = c.execute(sessions_table.update().where(sessions_table.c.id == key,
                                                        sessions_table.c.revoked_at.is_(None))
                          .values(revoked_at=time.time())).rowcount
        return bool(n)

    # ------------------------------------------------------------------------------------------- feedback
    def add_feedback(self, *, operator: str, sender_id: str, kind: str, comment: str, benefit_id: str | None,
                     benefit_name: str | None, citation: str | None, answer: str | None, slots: dict) -> int:
        with self.engine.begin() as c:
            res = c.execute(feedback_table.insert().values(
                created_at=time.time(), operator=operator, sender_id=sender_id, kind=kind, comment=comment,
                benefit_id=benefit_id, benefit_name=benefit_name, citation=citation, answer=answer,
                slots=json.dumps(slots, ensure_ascii=False, default=str), resolved=False))
            return int(res.inserted_primary_key[0])

    def list_feedback(self, include_resolved: bool = True, limit: int = 500) -> list[Feedback]:
        q = sa.select(feedback_table).order_by(feedback_table.c.id.desc()).limit(limit)
        if not include_resolved:
            q = q.where(feedback_table.c.resolved.is_(False))
        with self.engine.connect() as c:
            rows = c.execute(q).all()
        out = []
        for r in rows:
            try:
                slots = json.loads(r.slots or "{}")
            except ValueError:
                slots = {}
            out.append(Feedback(r.id, r.created_at, r.operator, r.sender_id, r.benefit_id, r.benefit_name,
                                r.citation, r.kind, r.comment, r.answer, slots, bool(r.resolved), r.resolved_by,
                                r.resolved_at))
        return out

    def resolve_feedback(self, fid: int, operator: str, resolved: bool = True) -> bool:
        with self.engine.begin() as c:
            n = c.execute(feedback_table.update().where(feedback_table.c.id == fid).values(
                resolved=resolved, resolved_by=operator if resolved else None,
                resolved_at=time.time() if resolved else None)).rowcount
        return bool(n)


# ----------------------------------------------------------------------------------------------- recent conversations
def _inner_store(tracker_store):
    """Rasa wraps the configured store (AwaitableTrackerStore → FailSafeTrackerStore → the real one)."""
    seen = 0
    ts = tracker_store
    while ts is not None and hasattr(ts, "_tracker_store") and seen < 5:
        ts = ts._tracker_store
        seen += 1
    return ts


def _user_text(data: str | None) -> str:
    try:
        return str((json.loads(data or "{}") or {}).get("text") or "")
    except ValueError:
        return ""


def _place_of(datas) -> str | None:
    """The latest value of the `place` slot among slot events' data (newest first)."""
    for data in datas:
        try:
            e = json.loads(data or "{}") or {}
        except ValueError:
            continue
        if e.get("name") == "place":
            return e.get("value") if isinstance(e.get("value"), str) else None
    return None


async def recent_conversations(tracker_store, limit: int = 30, prefix: str | None = None) -> list[dict]:
    """The most recently active conversations: sender id, last activity, number of user messages, first and last
    user text, the place.

    With Rasa's SQL tracker store this is one grouped query on its `events` table (and three small ones per call);
    with any other store it falls back to keys() + retrieve() (bounded)."""
    from rasa.core.tracker_store import SQLTrackerStore

    inner = _inner_store(tracker_store)
    out: list[dict] = []
    if isinstance(inner, SQLTrackerStore):
        E = inner.SQLEvent
        last = sa.func.max(E.timestamp).label("last")
        users = sa.func.sum(sa.case((E.type_name == "user", 1), else_=0)).label("users")
        with inner.session_scope() as session:
            q = session.query(E.sender_id, last, users).group_by(E.sender_id)
            if prefix:
                q = q.filter(E.sender_id.like(prefix.replace("%", r"\%").replace("_", r"\_") + "%", escape="\\"))
            rows = q.order_by(last.desc()).limit(limit).all()
            for sid, ts, n in rows:
                said = session.query(E.data).filter(E.sender_id == sid, E.type_name == "user")
                first = said.order_by(E.id.asc()).limit(1).scalar()
                latest = said.order_by(E.id.desc()).limit(1).scalar()
                places = session.query(E.data).filter(E.sender_id == sid, E.type_name == "slot",
                                                      E.data.like('%"place"%')).order_by(E.id.desc()).limit(20)
                out.append({"sender_id": sid, "last": ts, "user_messages": int(n or 0), "last_text": _user_text(latest),
                            "first_text": _user_text(first), "place": _place_of(d for (d,) in places)})
        return out
    keys = list(await tracker_store.keys())
    if prefix:
        keys = [k for k in keys if k.startswith(prefix)]
    for sid in keys[:200]:
        t = await tracker_store.retrieve(sid)
        if t is None:
            continue
        users = [e for e in t.events if getattr(e, "type_name", "") == "user"]
        out.append({"sender_id": sid, "last": t.events[-1].timestamp if t.events else None,
                    "user_messages": len(users), "last_text": users[-1].text if users else "",
                    "first_text": users[0].text if users else "", "place": t.get_slot("place")})
    out.sort(key=lambda r: r["last"] or 0, reverse=True)
    return out[:limit]
