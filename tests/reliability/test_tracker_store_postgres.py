"""The tracker store's speed-up `tracker_append` on PostgreSQL: the same rows and the same trackers as Rasa's own
SQLTrackerStore through every kind of turn (the script of tests/rasa/test_tracker_store_speedup.py), and the two
stores read each other's rows. A throw-away PostgreSQL from scripts/services.sh (`make test-scale`)."""
from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa

from tests.rasa.test_tracker_store_speedup import alternate, domain, rows, script
from tests.reliability.test_scale import services  # noqa: F401  (the fixture: PostgreSQL + Redis)

pytestmark = pytest.mark.scale


def _clear(store) -> None:
    with store.engine.begin() as c:
        c.execute(sa.text("DELETE FROM events"))


def test_our_store_stores_and_reads_exactly_what_rasas_store_does_on_postgresql(services):  # noqa: F811
    from rasa.core.tracker_store import SQLTrackerStore

    from bot import runtime_speedups
    from bot.tracker_store import SafeSQLTrackerStore

    runtime_speedups.apply()
    assert runtime_speedups.enabled("tracker_append")
    d = domain()
    rasa_store = SQLTrackerStore(d, host=services["TRACKER_URL"])
    ours = SafeSQLTrackerStore(d, host=services["TRACKER_URL"])
    assert ours.engine.dialect.name == "postgresql"
    try:
        _clear(rasa_store)
        seen_rasa: list = []
        asyncio.run(script(rasa_store, seen_rasa))
        rows_rasa = rows(rasa_store)
        _clear(rasa_store)
        seen_ours: list = []
        asyncio.run(script(ours, seen_ours, check_append=True))
        assert seen_ours == seen_rasa
        assert rows(ours) == rows_rasa and len(rows_rasa) == 16      # u2, and u1 after the erase

        assert len(asyncio.run(alternate(rasa_store, ours, "alt", 3)).events) == 1 + 4 * 6
    finally:
        _clear(rasa_store)
        rasa_store.engine.dispose()
        ours.engine.dispose()
