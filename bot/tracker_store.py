"""Rasa's SQL tracker store, without its process exit on a bad value.

`SQLTrackerStore.session_scope` wraps every use of a session in `except ValueError: print_error_and_exit(...)`,
meant for a missing PostgreSQL schema (`ensure_schema_exists` raises ValueError(schema)). But SQLite also raises a
ValueError (UnicodeEncodeError) for a sender id holding a lone surrogate, and then one HTTP request stopped the
server for everyone. Here only the schema check keeps Rasa's exit; any error while the session is in use fails that
one request (FailSafeTrackerStore and the channels turn it into a reply), never the process.

Named in endpoints.yml (`tracker_store: type: bot.tracker_store.SafeSQLTrackerStore`), Rasa's extension point for
tracker stores. If this module could not be imported, Rasa would silently keep conversations in memory; the
tests check that the running server uses this class and that conversations survive a restart.
"""
from __future__ import annotations

import contextlib
import logging
from typing import Generator

from rasa.core.tracker_store import SQLTrackerStore, ensure_schema_exists
import rasa.shared.utils.cli

logger = logging.getLogger(__name__)


class TrackerStoreError(RuntimeError):
    """A tracker-store operation failed for one request (bad value, database error)."""


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
