"""Run `rasa ...` with experimental speed-ups applied in-process, to measure them before anyone changes the code
(scripts/bench.py, part `experiments`). Nothing here is used by the assistant itself.

    BENCH_PATCH=jsonschema,sqlite-wal .venv/bin/python scripts/bench_patches.py run --model ... (same args as rasa)

Patches (comma-separated in BENCH_PATCH; empty = plain Rasa):
  jsonschema  Rasa's RemoteAction._validate_action_result calls jsonschema.validate() on every action response,
              which checks the (large) response schema itself each time before validating the response. Build the
              validator once (schema checked once) and validate with it: the same schema, the same error
              (best_match), done once per process instead of once per action call.
  sqlite-wal  every SQLite connection (Rasa's tracker store, the actions' audit log) in WAL mode with
              synchronous=NORMAL: the audit log writer in the action server no longer blocks the Rasa server's
              reads and writes of the same file (a rollback-journal lock makes one wait, SQLite's busy handler
              sleeps), and a commit costs no fsync of the journal.
  no-audit    the actions' audit log write skipped (an upper bound for moving it off the request path).
"""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.getcwd())
PATCHES = set(filter(None, os.environ.get("BENCH_PATCH", "").split(",")))


def patch_jsonschema() -> None:
    import jsonschema
    from jsonschema.exceptions import ValidationError, best_match
    from rasa.core.actions import action as rasa_action

    validator = {}

    def _validate_action_result(self, result):
        v = validator.get("v")
        if v is None:
            spec = self.action_response_format_spec()
            cls = jsonschema.validators.validator_for(spec)
            cls.check_schema(spec)
            v = validator["v"] = cls(spec)
        error = best_match(v.iter_errors(result))
        if error is not None:
            assert isinstance(error, ValidationError)
            error.message += (". Failed to validate Action server response from API, make sure your response from "
                              "the Action endpoint is valid.")
            raise error
        return True

    rasa_action.RemoteAction._validate_action_result = _validate_action_result


def patch_sqlite_wal() -> None:
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _pragmas(dbapi_conn, _record):
        if type(dbapi_conn).__module__.startswith("sqlite3"):
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()


def patch_no_audit() -> None:
    import actions.audit as audit
    audit.record = lambda *a, **k: False


def main() -> None:
    unknown = PATCHES - {"jsonschema", "sqlite-wal", "no-audit"}
    if unknown:
        raise SystemExit(f"unknown BENCH_PATCH {sorted(unknown)}")
    if "jsonschema" in PATCHES:
        patch_jsonschema()
    if "sqlite-wal" in PATCHES:
        patch_sqlite_wal()
    if "no-audit" in PATCHES and "actions" in sys.argv[1:3]:
        patch_no_audit()
    from rasa.__main__ import main as rasa_main
    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
