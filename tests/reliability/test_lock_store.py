"""bot/lock_store.py: conversation locks shared by processes through a real Redis (scripts/services.sh), with every
change to a lock atomic. Several OS processes hammer one conversation's lock at once, as Sanic workers and Rasa
processes do; no two turns hold it at the same time, none is lost, and the lock is gone at the end.
The selection of the store from endpoints.yml runs without Redis."""
from __future__ import annotations

import asyncio
import multiprocessing as mp
import time

import pytest
from rasa.core.lock_store import InMemoryLockStore, LockStore
from rasa.utils.endpoints import EndpointConfig

from bot.lock_store import AtomicRedisLockStore, ConfiguredLockStore
from tests.reliability.test_scale import services  # noqa: F401  (the fixture: PostgreSQL + Redis)

PROCS, TURNS = 4, 12


def _store(port: int, db: int) -> AtomicRedisLockStore:
    return AtomicRedisLockStore(host="127.0.0.1", port=port, db=db)


def _turns(port: int, db: int, cid: str, worker: int, out) -> None:
    """One process: TURNS turns of conversation `cid`, each inside the lock, as Rasa's agent takes it."""
    import redis

    store = _store(port, db)
    red = redis.StrictRedis(host="127.0.0.1", port=port, db=db)
    seen, errors = [], []

    async def turn(k: int) -> None:
        try:
            async with store.lock(cid, lock_lifetime=60, wait_time_in_seconds=0.005) as lock:
                inside = red.incr(f"test:inside:{cid}")       # how many turns hold the lock right now
                seen.append((inside, worker, k))
                await asyncio.sleep(0.002)
                red.decr(f"test:inside:{cid}")
        except Exception as e:  # noqa: BLE001 - reported to the test
            errors.append(f"{worker}/{k}: {type(e).__name__}: {e}")

    async def main() -> None:
        await asyncio.gather(*(turn(k) for k in range(TURNS)))

    asyncio.run(main())
    out.put((worker, seen, errors))


@pytest.mark.scale
def test_turns_of_one_conversation_in_several_processes_never_overlap(services):  # noqa: F811
    port, db = int(services["REDIS_PORT"]), int(services["REDIS_DB"])
    cid = f"lock-test-{time.time_ns()}"
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=_turns, args=(port, db, cid, w, out)) for w in range(PROCS)]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    errors = [e for _, _, errs in results for e in errs]
    seen = [s for _, ss, _ in results for s in ss]
    assert not errors, errors[:5]
    assert len(seen) == PROCS * TURNS                                  # every turn got the lock
    assert max(inside for inside, _, _ in seen) == 1, sorted(seen)[-5:]   # never two at once
    assert _store(port, db).get_lock(cid) is None                     # nobody waits: the lock is deleted


@pytest.mark.scale
def test_a_ticket_issued_while_the_last_one_is_cleaned_up_survives(services):  # noqa: F811
    """cleanup() deletes the lock only when nobody waits, in the same transaction: a ticket issued by another process
    just before is kept (Rasa's cleanup reads, then deletes, and can delete it)."""
    port, db = int(services["REDIS_PORT"]), int(services["REDIS_DB"])
    a, b = _store(port, db), _store(port, db)
    cid = f"lock-clean-{time.time_ns()}"
    t1 = a.issue_ticket(cid, 60)
    t2 = b.issue_ticket(cid, 60)
    a.cleanup(cid, t1)
    lock = b.get_lock(cid)
    assert lock is not None and [t.number for t in lock.tickets] == [t2] and not lock.is_locked(t2)
    b.cleanup(cid, t2)
    assert a.get_lock(cid) is None


def test_endpoints_pick_the_in_memory_store_or_the_atomic_redis_store():
    def make(store, **kw):
        return LockStore.create(EndpointConfig(type="bot.lock_store.ConfiguredLockStore", store=store, **kw))

    assert isinstance(make("in_memory"), InMemoryLockStore)
    assert isinstance(make(""), InMemoryLockStore)
    r = make("redis", url="127.0.0.1", port="6390", db="3")           # constructing does not connect
    assert isinstance(r, AtomicRedisLockStore)
    kw = r.red.connection_pool.connection_kwargs
    assert (kw["host"], kw["port"], kw["db"]) == ("127.0.0.1", 6390, 3)
    with pytest.raises(ValueError, match="LOCK_STORE_TYPE"):
        make("memcached")
    assert isinstance(ConfiguredLockStore(None), InMemoryLockStore)
