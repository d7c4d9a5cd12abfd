"""Conversation locks shared by several processes, without Rasa's read-modify-write race.

Rasa OSS 3.6's RedisLockStore changes a conversation's lock by reading it (GET), changing it in the process, and
writing it back (SET). Two processes doing that at once overwrite each other (RasaHQ/rasa#9213): two messages get
the same ticket and are processed at the same time (one turn's events are then not stored), a served ticket comes
back and blocks the queue until its 60 s lifetime ends, or a waiting message's ticket vanishes and it gets no
answer. Here every change to a lock (issue a ticket, finish one, drop expired ones, delete an empty lock) is one
Redis transaction: WATCH the key, read, change, MULTI/EXEC, and start again when another process changed the key
in between (redis-py's `Redis.transaction`).

endpoints.yml names `ConfiguredLockStore`, which gives the in-memory store for one process (LOCK_STORE_TYPE
in_memory, the default) and `AtomicRedisLockStore` when processes share Redis (LOCK_STORE_TYPE redis).
"""
from __future__ import annotations

import json
import logging
from typing import Any, Callable, Optional, Text

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, LockStore, RedisLockStore

logger = logging.getLogger(__name__)

KINDS = ("in_memory", "redis")


class AtomicRedisLockStore(RedisLockStore):
    """RedisLockStore whose every change to a lock is a single optimistic Redis transaction."""

    def _change(self, conversation_id: Text,
                change: Callable[[Optional[TicketLock]], tuple[Any, Optional[TicketLock], bool]]) -> Any:
        """Apply `change(lock or None) -> (result, lock to store or None to delete, write?)` atomically."""
        key = self.key_prefix + conversation_id

        def txn(pipe) -> Any:
            raw = pipe.get(key)                      # immediate: the pipeline is watching `key`
            lock = TicketLock.from_dict(json.loads(raw)) if raw else None
            result, new, write = change(lock)
            pipe.multi()
            if write:
                if new is None:
                    pipe.delete(key)
                else:
                    pipe.set(key, new.dumps())
            return result

        return self.red.transaction(txn, key, value_from_callable=True)

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def change(lock):
            lock = lock or self.create_lock(conversation_id)
            return lock.issue_ticket(lock_lifetime), lock, True

        try:
            return self._change(conversation_id, change)
        except Exception as e:  # noqa: BLE001 - the base class reports any failure the same way
            raise LockError(f"Error while acquiring lock. Error:\n{e}")

    def update_lock(self, conversation_id: Text) -> None:
        def change(lock):
            if lock is None:
                return None, None, False
            lock.remove_expired_tickets()
            return None, lock, True

        self._change(conversation_id, change)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        def change(lock):
            if lock is None:
                return None, None, False
            lock.remove_ticket_for(ticket_number)
            return None, lock, True

        self._change(conversation_id, change)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Remove the ticket, and the lock when nobody else waits, in one step: a ticket issued in between by
        another process is never deleted with the lock."""
        def change(lock):
            if lock is None:
                return None, None, False
            lock.remove_ticket_for(ticket_number)
            return None, (lock if lock.is_someone_waiting() else None), True

        self._change(conversation_id, change)


class ConfiguredLockStore(LockStore):
    """What endpoints.yml names: `store: ${LOCK_STORE_TYPE}` picks the in-memory store (one process) or the atomic
    Redis store (several processes or Sanic workers; `url`, `port`, `db`, and optionally `password`, `key_prefix`)."""

    def __new__(cls, endpoint_config=None, **_: Any) -> LockStore:   # type: ignore[misc]
        kw = dict(getattr(endpoint_config, "kwargs", None) or {})
        kind = str(kw.pop("store", "") or "in_memory").strip()
        if kind == "in_memory":
            return InMemoryLockStore()
        if kind != "redis":
            raise ValueError(f"LOCK_STORE_TYPE must be one of {', '.join(KINDS)}, not {kind!r}")
        host = getattr(endpoint_config, "url", None) or "localhost"
        args = {k: kw[k] for k in ("password", "username", "key_prefix") if kw.get(k)}
        return AtomicRedisLockStore(host=host, port=int(kw.get("port") or 6379), db=int(kw.get("db") or 1), **args)
