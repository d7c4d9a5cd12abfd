"""bot/tracker_store.SafeSQLTrackerStore with the speed-up `tracker_append` stores and reads exactly what Rasa's own
SQLTrackerStore does: the same rows, the same trackers, through every kind of turn (new conversation, new turns, a
new session, the same tracker saved twice, a tracker the store has not seen, an erased conversation), and each
store reads what the other wrote. On SQLite here; tests/reliability/test_tracker_store_postgres.py runs the same
script on PostgreSQL (`make test-scale`)."""
from __future__ import annotations

import asyncio

import pytest
import sqlalchemy as sa

from bot import runtime_speedups
from bot.storage import erase_conversation
from bot.tracker_store import STORED, SafeSQLTrackerStore, unsaved_events


def domain():
    from rasa.shared.core.domain import Domain
    return Domain.from_yaml("""
version: "3.1"
intents: [inform, greet]
slots:
  place: {type: any, mappings: [{type: custom}]}
  facts: {type: any, mappings: [{type: custom}]}
""")


def turn(i: int, place: str = "千阳县") -> list:
    from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
    t = 1_700_000_000 + i * 10
    parse = {"intent": {"name": "inform", "confidence": 0.9}, "entities": [], "text": f"第{i}句"}
    return [UserUttered(f"第{i}句", parse["intent"], [], parse, timestamp=t, input_channel="rest"),
            ActionExecuted("action_policy_turn", policy="RulePolicy", confidence=1.0, timestamp=t + 1),
            SlotSet("place", place, timestamp=t + 2), SlotSet("facts", {"n": i}, timestamp=t + 2),
            BotUttered(f"答{i}", {"buttons": None}, timestamp=t + 3),
            ActionExecuted("action_listen", timestamp=t + 4)]


def session_start(t: float) -> list:
    from rasa.shared.core.events import ActionExecuted, SessionStarted
    return [ActionExecuted("action_session_start", timestamp=t), SessionStarted(timestamp=t + 0.5)]


def rows(store) -> list[tuple]:
    with store.engine.connect() as c:
        return [tuple(r) for r in c.execute(sa.text(
            "SELECT sender_id, type_name, timestamp, intent_name, action_name, data FROM events ORDER BY id"))]


def dump(tracker) -> list | None:
    return None if tracker is None else [e.as_dict() for e in tracker.events]


async def script(store, out: list, check_append: bool = False) -> None:
    """One sequence of turns through `store`; what it reads after each step is appended to `out`."""
    from rasa.shared.core.trackers import DialogueStateTracker
    d = store.domain
    # a new conversation (the processor creates the tracker, adds the session start, the first turn)
    tr = DialogueStateTracker("u1", d.slots)
    for e in session_start(1_699_999_990) + turn(0):
        tr.update(e)
    await store.save(tr)
    out.append(dump(await store.retrieve("u1")))
    # three more turns, each read, extended and saved
    for i in (1, 2, 3):
        tr = await store.retrieve("u1")
        if check_append:
            assert unsaved_events(tr) == []
        for e in turn(i):
            tr.update(e)
        if check_append:
            assert len(unsaved_events(tr)) == 6
        await store.save(tr)
        out.append(dump(await store.retrieve("u1")))
    # the same tracker saved twice (nothing new the second time), then once more with one event
    await store.save(tr)
    out.append(dump(await store.retrieve("u1")))
    tr.update(turn(4)[0])
    await store.save(tr)
    out.append(dump(await store.retrieve("u1")))
    # a new session in the same tracker object (expired session: Rasa adds the start events), saved, then a turn
    tr = await store.retrieve("u1")
    for e in session_start(1_700_000_100) + turn(11, place="汉阴县"):
        tr.update(e)
    await store.save(tr)
    out.append(dump(await store.retrieve("u1")))
    out.append(dump(await store.retrieve_full_tracker("u1")))
    tr = await store.retrieve("u1")
    for e in turn(12):
        tr.update(e)
    await store.save(tr)
    out.append(dump(await store.retrieve("u1")))
    # a tracker the store did not read (built from all events elsewhere): saved as Rasa does
    tr2 = DialogueStateTracker.from_dict("u1", out[-1], d.slots)
    for e in turn(13):
        tr2.update(e)
    await store.save(tr2)
    out.append(dump(await store.retrieve("u1")))
    # another user beside, then the first one erased (bot/storage.py) and starting again
    tr3 = DialogueStateTracker("u2", d.slots)
    for e in session_start(1_699_999_000) + turn(20):
        tr3.update(e)
    await store.save(tr3)
    assert await erase_conversation(store, "u1")
    out.append(dump(await store.retrieve("u1")))
    out.append(dump(await store.retrieve("u2")))
    tr = DialogueStateTracker("u1", d.slots)
    for e in session_start(1_700_001_000) + turn(30):
        tr.update(e)
    await store.save(tr)
    out.append(dump(await store.retrieve("u1")))
    out.append(dump(await store.retrieve("nobody")))


def make_stores(tmp_path, dialect="sqlite", url=None):
    from rasa.core.tracker_store import SQLTrackerStore
    d = domain()
    if url is None:
        return (SQLTrackerStore(d, dialect="sqlite", db=str(tmp_path / "rasa.db")),
                SafeSQLTrackerStore(d, dialect="sqlite", db=str(tmp_path / "ours.db")))
    return SQLTrackerStore(d, host=url[0]), SafeSQLTrackerStore(d, host=url[1])


def compare(rasa_store, ours) -> None:
    runtime_speedups.apply()
    assert runtime_speedups.enabled("tracker_append")
    seen_rasa, seen_ours = [], []
    asyncio.run(script(rasa_store, seen_rasa))
    asyncio.run(script(ours, seen_ours, check_append=True))
    assert seen_ours == seen_rasa
    assert rows(ours) == rows(rasa_store)
    assert len(seen_ours[-3]) > 0 and seen_ours[-4] is None and seen_ours[-1] is None


def test_our_store_stores_and_reads_exactly_what_rasas_store_does(tmp_path):
    rasa_store, ours = make_stores(tmp_path)
    compare(rasa_store, ours)


async def alternate(rasa_store, ours, sender: str, turns: int):
    """A conversation whose turns are read and written by one store or the other; both read the same after each."""
    from rasa.shared.core.trackers import DialogueStateTracker
    tr = DialogueStateTracker(sender, ours.domain.slots)
    for e in session_start(1_699_999_990) + turn(0):
        tr.update(e)
    await ours.save(tr)
    pairs = [(rasa_store, ours), (ours, rasa_store), (ours, ours), (rasa_store, rasa_store), (ours, rasa_store)]
    for i, (reader, writer) in enumerate(pairs[:turns], start=1):
        t = await reader.retrieve(sender)
        for e in turn(i):
            t.update(e)
        await writer.save(t)
        assert dump(await rasa_store.retrieve(sender)) == dump(await ours.retrieve(sender))
    return await rasa_store.retrieve(sender)


def test_each_store_reads_what_the_other_wrote(tmp_path):
    from rasa.core.tracker_store import SQLTrackerStore
    d = domain()
    db = str(tmp_path / "shared.db")
    rasa_store, ours = SQLTrackerStore(d, dialect="sqlite", db=db), SafeSQLTrackerStore(d, dialect="sqlite", db=db)
    final = asyncio.run(alternate(rasa_store, ours, "u", 5))
    assert len(final.events) == 1 + 6 * 6          # SessionStarted (action_session_start is before it) + 6 turns
    assert [e.as_dict().get("text") for e in final.events if e.type_name == "user"] == [f"第{i}句" for i in range(6)]


def test_switched_off_it_is_rasas_own_save(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICY_ASSISTANT_SPEEDUPS", "-tracker_append")
    rasa_store, ours = make_stores(tmp_path)
    seen_rasa, seen_ours = [], []
    asyncio.run(script(rasa_store, seen_rasa))
    asyncio.run(script(ours, seen_ours))
    assert seen_ours == seen_rasa and rows(ours) == rows(rasa_store)
    tr = asyncio.run(ours.retrieve("u1"))
    assert not hasattr(tr, STORED)          # nothing of the speed-up was used


def test_a_tracker_changed_behind_the_store_is_saved_the_way_rasa_does(tmp_path):
    """If the events the store saw are no longer the tracker's first ones, it does not guess."""
    _, ours = make_stores(tmp_path)

    async def go():
        from rasa.shared.core.trackers import DialogueStateTracker
        tr = DialogueStateTracker("u", ours.domain.slots)
        for e in session_start(1_699_999_990) + turn(0):
            tr.update(e)
        await ours.save(tr)
        t = await ours.retrieve("u")
        assert unsaved_events(t) == []
        t.events[-1] = turn(9)[4]           # the last stored event replaced, not appended to
        assert unsaved_events(t) is None
        for e in turn(1):
            t.update(e)
        await ours.save(t)                  # Rasa's count: the 6 events after the 7 stored
        return await ours.retrieve("u")

    final = asyncio.run(go())
    assert len(final.events) == 13
    assert final.events[6].as_dict() == turn(0)[5].as_dict()     # the stored event, not the replacement


@pytest.mark.parametrize("env", [{"POLICY_ASSISTANT_SPEEDUPS": "-tracker_connection"},      # ORM sessions
                                 {"POSTGRESQL_SCHEMA": "public"}])      # Rasa's schema check: sessions too
def test_on_orm_sessions_it_stores_and_reads_the_same(tmp_path, monkeypatch, env):
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    rasa_store, ours = make_stores(tmp_path)
    compare(rasa_store, ours)


@pytest.mark.parametrize("speedups", ["1", "-tracker_connection", "-tracker_append"])
def test_a_value_the_database_refuses_fails_that_request_only(tmp_path, monkeypatch, speedups):
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.tracker_store import TrackerStoreError
    monkeypatch.setenv("POLICY_ASSISTANT_SPEEDUPS", speedups)
    _, ours = make_stores(tmp_path)
    bad = DialogueStateTracker("u\ud800", ours.domain.slots)          # a lone surrogate: SQLite cannot encode it
    for e in session_start(1_699_999_990) + turn(0):
        bad.update(e)
    with pytest.raises(TrackerStoreError):
        asyncio.run(ours.save(bad))
    with pytest.raises(TrackerStoreError):
        asyncio.run(ours.retrieve("u\ud800"))
    good = DialogueStateTracker("u", ours.domain.slots)
    for e in session_start(1_699_999_990) + turn(0):
        good.update(e)
    asyncio.run(ours.save(good))                                    # the store still works
    assert len(asyncio.run(ours.retrieve("u")).events) == len(good.events) - 1   # the session from SessionStarted
