"""Three speed-ups for the Rasa server, found by profiling (`make bench`, BENCHMARKS.md) and applied at start-up.

They change how much work Rasa does, never what it answers; tests/rasa/test_speedups.py proves that for each.
`apply()` is called when our channels or tokenizer are imported, which every server and `rasa shell` run does before
the model is loaded. Set POLICY_ASSISTANT_SPEEDUPS=0 to run plain Rasa (for comparison and bug reports).

1. DIET loads without a training step. Rasa's RasaModel.load() runs `model.fit()` on one example only to create the
   weights, then overwrites them from the checkpoint. Tracing the training graph was 68% of start-up (18 of 22 s) and
   ~450 MB of memory. Here the checkpoint is read first (TensorFlow restores each variable as it is created) and the
   one prediction Rasa already makes at load creates every variable that prediction uses. Variables used only in
   training (optimizer slots) are left unread, which is why the restore status is marked `expect_partial`.
   Fine-tuning (`rasa train --finetune`) and models other than DIET keep Rasa's own path.
2. Action responses are validated with a validator built once. Rasa's RemoteAction calls jsonschema.validate() on
   every action server reply, which first checks the large response schema itself: 34% of the server's CPU under load.
   Same schema, same error (jsonschema's best_match) and the same message as Rasa's.
3. SQLite connections use WAL and synchronous=NORMAL, and are pooled. The tracker store and the actions' audit log
   share one SQLite file; with a rollback journal each commit waits for the other process's lock and fsyncs the
   journal. WAL lets readers and one writer run together; with synchronous=NORMAL a commit survives a crash of the
   process (SIGKILL), only a power cut can lose the last commits. SQLAlchemy 1.4 opens a new connection for every
   session on a file database (NullPool); Rasa opens two sessions per message, so the tracker store's engine gets a
   QueuePool, as SQLAlchemy 2.0 does by default. Other databases (PostgreSQL) are untouched.
"""
from __future__ import annotations

import logging
import os
import threading

logger = logging.getLogger(__name__)
_applied: set[str] = set()
_lock = threading.Lock()
ORIGINALS: dict[str, object] = {}     # Rasa's own functions, kept for comparison (tests, bug reports)


def enabled() -> bool:
    return os.environ.get("POLICY_ASSISTANT_SPEEDUPS", "1").strip().lower() not in {"0", "false", "no", "off"}


def apply() -> None:
    """Apply every speed-up once per process (idempotent, thread-safe)."""
    if not enabled():
        return
    with _lock:
        for name, fn in (("diet_load", _fast_diet_load), ("action_validation", _validate_once),
                         ("sqlite_wal", _sqlite_wal)):
            if name not in _applied:
                fn()
                _applied.add(name)


def applied() -> frozenset[str]:
    return frozenset(_applied)


# --- 1. DIET load without a training step -----------------------------------------------------------------------

def _fast_diet_load() -> None:
    import tensorflow as tf
    from rasa.nlu.classifiers.diet_classifier import DIET
    from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY

    rasa_load = ORIGINALS["DIET.load"] = DIET.load.__func__     # RasaModel.load, Rasa's own

    def load(cls, model_file_name, model_data_example, predict_data_example=None, finetune_mode=False,
             *args, **kwargs):
        if finetune_mode or predict_data_example is None:
            return rasa_load(cls, model_file_name, model_data_example, predict_data_example, finetune_mode,
                             *args, **kwargs)
        model = cls(*args, **kwargs)
        config = kwargs.get("config", {})
        # compiled as Rasa does, so that the checkpoint's structure (model + optimizer) matches
        model.compile(optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)),
                      run_eagerly=config.get(RUN_EAGERLY))
        status = model.load_weights(model_file_name)      # deferred: each variable is restored when created
        model.run_inference(predict_data_example)          # creates (and so restores) the variables; traces predict
        status.expect_partial()                            # optimizer slots are for training only
        return model

    DIET.load = classmethod(load)


# --- 2. action response validator built once --------------------------------------------------------------------

def _validate_once() -> None:
    import jsonschema
    from jsonschema.exceptions import ValidationError, best_match
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    ORIGINALS["RemoteAction._validate_action_result"] = RemoteAction._validate_action_result
    cache: dict[str, object] = {}

    def _validate_action_result(self, result) -> bool:
        validator = cache.get("validator")
        if validator is None:
            spec = self.action_response_format_spec()
            cls = jsonschema.validators.validator_for(spec)
            cls.check_schema(spec)                          # what jsonschema.validate() does on every call
            validator = cache["validator"] = cls(spec)
        error = best_match(validator.iter_errors(result))  # what jsonschema.validate() raises
        if error is not None:
            assert isinstance(error, ValidationError)
            error.message += (". Failed to validate Action server response from API, make sure your response from "
                              f"the Action endpoint is valid. For more information about the format visit "
                              f"{DOCS_BASE_URL}/custom-actions")
            raise error
        return True

    RemoteAction._validate_action_result = _validate_action_result


# --- 3. SQLite in WAL mode --------------------------------------------------------------------------------------

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


def _sqlite_wal() -> None:
    from rasa.core import tracker_store
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    event.listen(Engine, "connect", lambda conn, _record: sqlite_pragmas(conn))
    rasa_kwargs = ORIGINALS["tracker_store.create_engine_kwargs"] = tracker_store.create_engine_kwargs

    def create_engine_kwargs(url):
        return {**rasa_kwargs(url), **sqlite_engine_kwargs(url)}

    tracker_store.create_engine_kwargs = create_engine_kwargs
