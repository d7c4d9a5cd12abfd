"""SQLite connection settings shared by the audit log (actions/audit.py) and the tracker store (bot/speedups.py):
WAL with synchronous=NORMAL and a busy timeout, and pooled connections to a SQLite file."""
from __future__ import annotations


def sqlite_pragmas(dbapi_connection) -> None:
    """WAL + synchronous=NORMAL + a busy timeout, on a raw sqlite3 connection (a no-op for other drivers)."""
    if not type(dbapi_connection).__module__.startswith("sqlite3"):
        return
    cur = dbapi_connection.cursor()
    try:
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=5000")
    finally:
        cur.close()


def sqlite_engine_kwargs(url) -> dict:
    """create_engine() arguments that pool connections to a SQLite file ({} for other databases and :memory:)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import QueuePool

    u = make_url(url)
    if u.get_backend_name() != "sqlite" or u.database in (None, "", ":memory:") or "mode=memory" in str(u):
        return {}
    # a pooled connection may be handed to another thread, never to two at once (the pool's job)
    return {"poolclass": QueuePool, "connect_args": {"check_same_thread": False}}
