"""Deleting a user's stored conversation from Rasa's tracker store (used when a WeChat user unsubscribes).

Works for Rasa's SQLTrackerStore (deletes the sender's rows from its `events` table) and InMemoryTrackerStore, also
when they are wrapped the way Rasa wraps them (`agent.tracker_store` is a FailSafeTrackerStore around the configured
store, possibly around an AwaitableTrackerStore). Other tracker stores (Redis, Mongo, DynamoDB) are not handled: the
function logs a warning and returns False for them.
"""
from __future__ import annotations

import logging
from typing import Any, Iterator, List

logger = logging.getLogger(__name__)


def _stores(tracker_store: Any) -> Iterator[Any]:
    """The wrapped store(s): follows `_tracker_store` through wrappers and includes an existing fallback store."""
    seen: List[int] = []
    todo = [tracker_store]
    while todo:
        store = todo.pop(0)
        if store is None or id(store) in seen:
            continue
        seen.append(id(store))
        inner = getattr(store, "_tracker_store", None)
        fallback = getattr(store, "_fallback_tracker_store", None)  # not the property: that would create one
        if inner is not None:
            todo.append(inner)
            if fallback is not None:
                todo.append(fallback)
            continue
        yield store


def _mask(sender_id: str) -> str:
    return (sender_id[:7] + "***") if sender_id.startswith("wx:") else (sender_id[:4] + "***")


async def erase_conversation(tracker_store: Any, sender_id: str) -> bool:
    """Delete every stored event of `sender_id`. True when every underlying store could be erased."""
    from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore

    handled_all, found = True, False
    for store in _stores(tracker_store):
        found = True
        if isinstance(store, SQLTrackerStore):
            with store.session_scope() as session:
                deleted = (session.query(store.SQLEvent)
                           .filter(store.SQLEvent.sender_id == sender_id)
                           .delete(synchronize_session=False))
                session.commit()
            logger.info("erased %d stored events of %s", deleted, _mask(sender_id))
        elif isinstance(store, InMemoryTrackerStore):
            existed = store.store.pop(sender_id, None) is not None
            logger.info("erased in-memory conversation of %s (%s)", _mask(sender_id),
                        "found" if existed else "none stored")
        else:
            handled_all = False
            logger.warning("cannot erase conversations from a %s; %s's conversation was kept",
                           type(store).__name__, _mask(sender_id))
    return found and handled_all
