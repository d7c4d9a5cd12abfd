"""Check, before starting, that the conversation database (TRACKER_URL) and, when configured, Redis can be reached.
Prints a clear message and exits 1 otherwise (Rasa itself would fall back to keeping conversations in memory)."""
import os
import sys


def main() -> int:
    url = os.environ.get("TRACKER_URL", "")
    if not url:
        print("ERROR: TRACKER_URL is not set (e.g. sqlite:///var/rasa.db or postgresql://user:pw@host:5432/db)")
        return 1
    try:
        import sqlalchemy as sa

        engine = sa.create_engine(url, connect_args={"connect_timeout": 5} if url.startswith("postgres") else {})
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except Exception as e:  # noqa: BLE001 - any failure means: cannot start
        safe = url.split("@")[-1] if "@" in url else url
        print(f"ERROR: cannot reach the conversation database ({safe}): {type(e).__name__}: {str(e).splitlines()[0]}")
        print("Start the database, or fix TRACKER_URL (see README), then start again.")
        return 1
    if os.environ.get("LOCK_STORE_TYPE", "in_memory") == "redis":
        try:
            import redis

            redis.StrictRedis(host=os.environ.get("REDIS_HOST", "localhost"), port=int(os.environ.get("REDIS_PORT", 6379)),
                              socket_timeout=5).ping()
        except Exception as e:  # noqa: BLE001
            print(f"ERROR: cannot reach Redis for the lock store: {type(e).__name__}: {e}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
