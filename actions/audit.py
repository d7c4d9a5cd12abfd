"""Audit log of answers given: when, on which channel, to whom (masked), which benefits and amounts were stated, and
which policy document versions they came from, so an answer can be traced later. Same database as the
conversations (TRACKER_URL; AUDIT_DB_URL overrides), through SQLAlchemy. Never breaks an answer: a failure is logged.

Rows are written by one background thread, several per commit, so that the answer does not wait for the database:
the synchronous commit was 70% of the action server's time under load (BENCHMARKS.md). A row is queued in memory
for milliseconds; the queue is written out when the process exits normally (atexit), and `flush()` waits for it.
If the queue is full (the database is far behind), `record` writes the row itself rather than dropping it."""
from __future__ import annotations

import atexit
import datetime as dt
import json
import logging
import os
import queue
import threading

import sqlalchemy as sa
from sqlalchemy.orm import declarative_base, sessionmaker

from policies.privacy import mask_pii, mask_sender

from .db import sqlite_engine_kwargs, sqlite_pragmas

logger = logging.getLogger(__name__)
Base = declarative_base()


class AnswerAudit(Base):
    __tablename__ = "answer_audit"
    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    created_at = sa.Column(sa.DateTime, nullable=False, index=True)
    channel = sa.Column(sa.String(32))
    user = sa.Column(sa.String(64), index=True)          # masked: channel prefix + hash, never the id itself
    # intent and place pass through the one masker (policies/privacy.py): a number typed into a slot stays masked
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
            engine = sa.create_engine(url, pool_pre_ping=True, **sqlite_engine_kwargs(url))
            if engine.dialect.name == "sqlite":     # shared with the tracker store: WAL, see bot/speedups.py
                sa.event.listen(engine, "connect", lambda conn, _record: sqlite_pragmas(conn))
            Base.metadata.create_all(engine, checkfirst=True)
            _session_factory = sessionmaker(bind=engine)
        return _session_factory


QUEUE_MAX = 10_000      # rows waiting; beyond this `record` writes synchronously (back-pressure, nothing dropped)
BATCH_MAX = 200         # rows per commit
_queue: "queue.Queue[dict]" = queue.Queue(maxsize=QUEUE_MAX)
_writer: threading.Thread | None = None


def _write(rows: list[dict]) -> None:
    try:
        factory = session_factory()
        if factory is None:
            return
        with factory() as session:
            session.add_all([AnswerAudit(**r) for r in rows])
            session.commit()
    except Exception:  # noqa: BLE001 - the answer matters more than its audit row
        logger.exception("could not write %d row(s) to the audit log", len(rows))


def _run_writer() -> None:
    while True:
        first = _queue.get()
        rows = [first]
        while len(rows) < BATCH_MAX:
            try:
                rows.append(_queue.get_nowait())
            except queue.Empty:
                break
        try:
            _write(rows)
        finally:
            for _ in rows:
                _queue.task_done()


def _ensure_writer() -> None:
    global _writer
    if _writer is None or not _writer.is_alive():
        with _lock:
            if _writer is None or not _writer.is_alive():
                _writer = threading.Thread(target=_run_writer, name="audit-writer", daemon=True)
                _writer.start()


def flush(timeout: float = 10.0) -> bool:
    """Wait until every queued row is written (or failed and logged). False if still busy after `timeout` s."""
    if _writer is None:
        return True
    done = threading.Event()

    def waiter():
        _queue.join()
        done.set()

    threading.Thread(target=waiter, daemon=True).start()
    return done.wait(timeout)


atexit.register(flush, 5.0)


def reset() -> None:
    """Write out what is queued, then forget the engine (tests that switch databases)."""
    global _session_factory
    flush()
    with _lock:
        _session_factory = None


def record(sender_id: str, channel: str | None, intent: str | None, place: str | None, results, as_of: dt.date) -> bool:
    """Queue one answer for the audit log. `results` are the policy module's BenefitResults that the answer stated."""
    try:
        if not results or not _url():
            return False
        benefits = [{"id": r.benefit.id, "name": r.benefit.name, "status": r.status, "amount": r.amount.value,
                     "up_to": r.amount.up_to, "payee": r.benefit.payee} for r in results]
        docs = {}
        for r in results:
            d = r.benefit.document
            docs[d.id] = {"id": d.id, "document_no": d.document_no,
                          "valid_to": (d.valid_to or d.assumed_end).isoformat() if (d.valid_to or d.assumed_end) else None,
                          "ended": d.ended(as_of)}
        row = dict(created_at=dt.datetime.utcnow(), channel=mask_pii(str(channel or ""))[:32],
                   user=mask_sender(sender_id),
                   intent=mask_pii(str(intent or ""))[:64], place=mask_pii(str(place or ""))[:64], as_of=as_of,
                   benefits=json.dumps(benefits, ensure_ascii=False),
                   documents=json.dumps(list(docs.values()), ensure_ascii=False))
        _ensure_writer()
        try:
            _queue.put_nowait(row)
        except queue.Full:
            logger.warning("audit log queue full: writing synchronously")
            _write([row])
        return True
    except Exception:  # noqa: BLE001 - the answer matters more than its audit row
        logger.exception("could not write the audit log")
        return False
