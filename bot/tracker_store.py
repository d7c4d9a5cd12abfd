"""Rasa's SQL tracker store, without its process exit on a bad value, and (switchable) with cheaper reads and saves.

`SQLTrackerStore.session_scope` wraps every use of a session in `except ValueError: print_error_and_exit(...)`,
meant for a missing PostgreSQL schema (`ensure_schema_exists` raises ValueError(schema)). But SQLite also raises a
ValueError (UnicodeEncodeError) for a sender id holding a lone surrogate, and then one HTTP request stopped the
server for everyone. Here only the schema check keeps Rasa's exit; any error while the session is in use fails that
one request (FailSafeTrackerStore and the channels turn it into a reply), never the process.

Speed-up `tracker_append` (bot/runtime_speedups.py; POLICY_ASSISTANT_SPEEDUPS=-tracker_append gives Rasa's own):
- save: Rasa's `save()` first counts, with an ORM query holding a subquery, the stored events of the current session
  and then adds the tracker's events beyond that count through the ORM unit of work. Here the tracker remembers how
  many of its events are stored (set when it is read or saved here, checked against its last stored event), and only
  the events after those are inserted, in one executemany. For a tracker this store did not read or save (a new
  conversation's, or one whose events were changed otherwise) the stored events are counted as Rasa counts them,
  with one prepared statement.
- read: the same rows as Rasa's `_retrieve` (the events of the latest session: timestamp ≥ the latest
  session_started, or all when there is none; ordered by id), with one prepared SQL statement instead of an ORM query
  rebuilt and re-keyed for SQLAlchemy's compiled cache on every message.
Speed-up `tracker_connection` (POSTGRESQL_SCHEMA unset): those statements run on a Core connection of the same
engine (one transaction per save) instead of an ORM session, whose bookkeeping (`_connection_for_bind`, autobegin,
close) cost about as much as the statement itself on SQLite.
Same rows in the same table, so PostgreSQL, SQLite, the Redis lock store, erasing (bot/storage.py) and Rasa's own
store on the same database keep working; tests/rasa/test_tracker_store_speedup.py compares both.

Named in endpoints.yml (`tracker_store: type: bot.tracker_store.SafeSQLTrackerStore`), Rasa's extension point for
tracker stores. If this module could not be imported, Rasa would silently keep conversations in memory; the
tests check that the running server uses this class and that conversations survive a restart.
"""
from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
from typing import Any, Generator, Optional

import sqlalchemy as sa
from rasa.core.constants import POSTGRESQL_SCHEMA
from rasa.core.tracker_store import SQLTrackerStore, ensure_schema_exists
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
import rasa.shared.utils.cli

from . import runtime_speedups

logger = logging.getLogger(__name__)

runtime_speedups.apply()    # Rasa creates the tracker store before it loads the model: see bot/runtime_speedups.py

STORED = "_policy_assistant_stored"     # attribute of a tracker: (events stored, the last of them)


class TrackerStoreError(RuntimeError):
    """A tracker-store operation failed for one request (bad value, database error)."""


def mark_stored(tracker: DialogueStateTracker, count: Optional[int] = None) -> None:
    """Remember that the first `count` (default: all) events of `tracker` are in the store."""
    events = tracker.events
    n = len(events) if count is None else count
    setattr(tracker, STORED, (n, events[n - 1] if n else None))


def unsaved_events(tracker: DialogueStateTracker) -> Optional[list]:
    """The events added since this store read or saved `tracker`; None when that is not known for sure."""
    mark = getattr(tracker, STORED, None)
    if mark is None:
        return None
    n, last = mark
    events = tracker.events
    if len(events) < n or (n and events[n - 1] is not last) or (n == 0 and last is not None):
        return None
    return list(itertools.islice(events, n, None))


def event_row(sender_id: str, event) -> dict[str, Any]:
    """The `events` row Rasa's SQLTrackerStore.save writes for `event`."""
    data = event.as_dict()
    return {"sender_id": sender_id, "type_name": event.type_name, "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"), "data": json.dumps(data)}


class SafeSQLTrackerStore(SQLTrackerStore):
    @contextlib.contextmanager
    def session_scope(self) -> Generator["Session", None, None]:  # noqa: F821 - sqlalchemy's Session
        session = self.sessionmaker()
        try:
            try:
                ensure_schema_exists(session)
            except ValueError as e:     # the case Rasa's exit is meant for: keep it (a set-up error, at start-up)
                rasa.shared.utils.cli.print_error_and_exit(
                    f"Requested PostgreSQL schema '{e}' was not found in the database. Create it or unset "
                    f"POSTGRESQL_SCHEMA. Exiting application.")
            try:
                yield session
            except ValueError as e:     # e.g. UnicodeEncodeError from SQLite: this request fails, the server stays
                session.rollback()
                logger.error("tracker store refused a value: %s", type(e).__name__)
                raise TrackerStoreError(f"tracker store refused a value ({type(e).__name__})") from None
        finally:
            session.close()

    # --- speed-up `tracker_append` ---------------------------------------------------------------------------

    @property
    def _statements(self) -> tuple:
        st = self.__dict__.get("_fast_statements")
        if st is None:
            table = self.SQLEvent.__table__
            name = self.engine.dialect.identifier_preparer.format_table(table)
            # Rasa's _event_query(fetch_events_from_all_sessions=False), as one statement
            where = (f"FROM {name} e WHERE e.sender_id = :sender_id AND "
                     f"(e.timestamp >= (SELECT max(s.timestamp) FROM {name} s WHERE s.sender_id = :sender_id AND "
                     f"s.type_name = :session_started) OR NOT EXISTS (SELECT 1 FROM {name} s WHERE s.sender_id = "
                     f":sender_id AND s.type_name = :session_started AND s.timestamp IS NOT NULL))")
            st = self.__dict__["_fast_statements"] = (sa.text(f"SELECT e.data {where} ORDER BY e.id"),
                                                      sa.text(f"SELECT count(*) {where}"), table.insert())
        return st

    @contextlib.contextmanager
    def statement_scope(self, write: bool = False) -> Generator[Any, None, None]:
        """Where the statements of `tracker_append` run: an ORM session from `session_scope` (committed by the
        caller), or with speed-up `tracker_connection` a Core connection from the same engine and pool, without the
        ORM session's bookkeeping, in a transaction committed on leaving when `write` (rolled back on an error), and
        with session_scope's handling of a refused value. Rasa's schema check needs a session: with
        POSTGRESQL_SCHEMA set the session is used."""
        if not runtime_speedups.enabled("tracker_connection") or os.environ.get(POSTGRESQL_SCHEMA):
            with self.session_scope() as session:
                yield session
                if write:
                    session.commit()
            return
        with self.engine.connect() as connection:
            try:
                if write:
                    with connection.begin():
                        yield connection
                else:
                    yield connection
            except ValueError as e:     # as session_scope: this request fails, the server stays
                logger.error("tracker store refused a value: %s", type(e).__name__)
                raise TrackerStoreError(f"tracker store refused a value ({type(e).__name__})") from None

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> Optional[DialogueStateTracker]:
        if fetch_events_from_all_sessions or not runtime_speedups.enabled("tracker_append"):
            tracker = await super()._retrieve(sender_id, fetch_events_from_all_sessions)
            return tracker
        query = self._statements[0]
        with self.statement_scope() as db:
            rows = db.execute(query, {"sender_id": sender_id, "session_started": SessionStarted.type_name}).fetchall()
        if not (self.domain and rows):
            logger.debug("Can't retrieve tracker matching sender id '%s' from SQL storage.", sender_id)
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, [json.loads(data) for (data,) in rows], self.domain.slots)
        if len(tracker.events) == len(rows):    # every row became an event: the stored count is known
            mark_stored(tracker)
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        if not runtime_speedups.enabled("tracker_append"):
            await super().save(tracker)
            return
        await self.stream_events(tracker)
        _, count, insert = self._statements
        new = unsaved_events(tracker)
        with self.statement_scope(write=True) as db:
            if new is None:     # not read or saved here (e.g. a new tracker): Rasa's count of the stored events
                stored = db.execute(count, {"sender_id": tracker.sender_id,
                                            "session_started": SessionStarted.type_name}).scalar()
                new = list(itertools.islice(tracker.events, stored, len(tracker.events)))
            if new:
                db.execute(insert, [event_row(tracker.sender_id, e) for e in new])
        mark_stored(tracker)
        logger.debug("Tracker with sender_id '%s' stored to database", tracker.sender_id)
