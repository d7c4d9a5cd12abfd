"""Audit log of answers given: when, on which channel, to whom (masked), which benefits and amounts were stated, and
which policy document versions they came from, so an answer can be traced later. Same database as the
conversations (TRACKER_URL; AUDIT_DB_URL overrides), through SQLAlchemy. Never breaks an answer: a failure is logged."""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import threading

import sqlalchemy as sa
from sqlalchemy.orm import declarative_base, sessionmaker

from bot.privacy import mask_sender

logger = logging.getLogger(__name__)
Base = declarative_base()


class AnswerAudit(Base):
    __tablename__ = "answer_audit"
    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    created_at = sa.Column(sa.DateTime, nullable=False, index=True)
    channel = sa.Column(sa.String(32))
    user = sa.Column(sa.String(64), index=True)          # masked: channel prefix + hash, never the id itself
    intent = sa.Column(sa.String(64))
    place = sa.Column(sa.String(64))
    as_of = sa.Column(sa.Date)
    benefits = sa.Column(sa.Text)    # JSON: [{id, name, status, amount, up_to, payee}]
    documents = sa.Column(sa.Text)   # JSON: [{id, document_no, valid_to, ended}]


_lock = threading.Lock()
_session_factory = None


def _url() -> str | None:
    return os.environ.get("AUDIT_DB_URL") or os.environ.get("TRACKER_URL") or None


def session_factory():
    global _session_factory
    with _lock:
        if _session_factory is None:
            url = _url()
            if not url:
                return None
            engine = sa.create_engine(url, pool_pre_ping=True)
            Base.metadata.create_all(engine, checkfirst=True)
            _session_factory = sessionmaker(bind=engine)
        return _session_factory


def reset() -> None:
    """Forget the engine (tests that switch databases)."""
    global _session_factory
    with _lock:
        _session_factory = None


def record(sender_id: str, channel: str | None, intent: str | None, place: str | None, results, as_of: dt.date) -> bool:
    """Store one answer. `results` are the policy module's BenefitResults that the answer stated."""
    try:
        factory = session_factory()
        if factory is None or not results:
            return False
        benefits = [{"id": r.benefit.id, "name": r.benefit.name, "status": r.status, "amount": r.amount.value,
                     "up_to": r.amount.up_to, "payee": r.benefit.payee} for r in results]
        docs = {}
        for r in results:
            d = r.benefit.document
            docs[d.id] = {"id": d.id, "document_no": d.document_no,
                          "valid_to": (d.valid_to or d.assumed_end).isoformat() if (d.valid_to or d.assumed_end) else None,
                          "ended": d.ended(as_of)}
        row = AnswerAudit(created_at=dt.datetime.utcnow(), channel=(channel or "")[:32], user=mask_sender(sender_id),
                          intent=(intent or "")[:64], place=(place or "")[:64], as_of=as_of,
                          benefits=json.dumps(benefits, ensure_ascii=False),
                          documents=json.dumps(list(docs.values()), ensure_ascii=False))
        with factory() as session:
            session.add(row)
            session.commit()
        return True
    except Exception:  # noqa: BLE001 - the answer matters more than its audit row
        logger.exception("could not write the audit log")
        return False
