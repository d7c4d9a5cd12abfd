"""bot.storage.erase_conversation on Rasa's SQL and in-memory tracker stores, wrapped as Rasa wraps them."""
import asyncio

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def tracker(sender_id, *texts):
    from rasa.shared.core.events import ActionExecuted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    events = []
    for t in texts:
        events += [ActionExecuted("action_listen"), UserUttered(t)]
    return DialogueStateTracker.from_events(sender_id, events)


def users(t):
    return [e.text for e in t.events if e.type_name == "user"] if t else []


async def scenario(store):
    from bot.storage import erase_conversation

    await store.save(tracker("wx:oAAA", "你好", "千阳的"))
    await store.save(tracker("wx:oBBB", "别删我"))
    assert users(await store.retrieve("wx:oAAA")) == ["你好", "千阳的"]
    assert await erase_conversation(store, "wx:oAAA") is True
    assert users(await store.retrieve("wx:oAAA")) == []
    assert users(await store.retrieve("wx:oBBB")) == ["别删我"]
    assert await erase_conversation(store, "wx:never-seen") is True


def test_sql_tracker_store(tmp_path):
    from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore
    from rasa.shared.core.domain import Domain

    sql = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "t.db"))
    asyncio.run(scenario(FailSafeTrackerStore(sql)))
    with sql.session_scope() as session:
        assert session.query(sql.SQLEvent).filter(sql.SQLEvent.sender_id == "wx:oAAA").count() == 0
        assert session.query(sql.SQLEvent).filter(sql.SQLEvent.sender_id == "wx:oBBB").count() > 0


def test_in_memory_tracker_store():
    from rasa.core.tracker_store import AwaitableTrackerStore, FailSafeTrackerStore, InMemoryTrackerStore
    from rasa.shared.core.domain import Domain

    asyncio.run(scenario(FailSafeTrackerStore(AwaitableTrackerStore(InMemoryTrackerStore(Domain.empty())))))
    asyncio.run(scenario(InMemoryTrackerStore(Domain.empty())))


def test_unsupported_store_says_so():
    from bot.storage import erase_conversation

    class Other:
        pass

    assert asyncio.run(erase_conversation(Other(), "wx:oAAA")) is False
