"""Three speed-ups for the Rasa server, found by profiling (`make bench`, BENCHMARKS.md) and applied at start-up.

They change how much work Rasa does, never what it answers; tests/rasa/test_speedups.py proves that for each.
`apply()` is called when our channels or tokenizer are imported, which every server and `rasa shell` run does before
the model is loaded. Set POLICY_ASSISTANT_SPEEDUPS=0 to run plain Rasa (for comparison and bug reports), or switch
single ones off by name: POLICY_ASSISTANT_SPEEDUPS=-tf_one_thread,-http_keepalive (names: NAMES below).

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
4. Calls to the action server reuse their connections. Rasa's EndpointConfig.request opens a new aiohttp
   ClientSession, and so a new TCP connection, for every action call (~10% of the server's CPU under load). Here each
   endpoint has one session per event loop, made by Rasa's own EndpointConfig.session() (same headers, auth,
   timeout), and connections are kept alive (aiohttp closes an idle one after 15 s; scripts/serve.sh keeps the action
   server's side open for 120 s). A request that finds its kept-alive connection closed by the server (it restarted)
   is sent once more on a new connection; a server that cannot be reached fails at once, as before. Endpoints with
   their own CA file keep Rasa's path.
5. A server runs TensorFlow on one thread (`apply_server()`, called by our channels, so by `rasa run` and not by
   `rasa train`). The model is small: one message is a few small matrix products, which gain nothing from being split
   across threads, while TensorFlow's idle pool threads spin and take the second core from the action server and the
   next request. On 2 cores at 50 messages/s offered, p95 was 575 and 95 ms (two runs) with TensorFlow's default
   threads, 47 and 46 ms with one.
   TF_INTRA_OP_PARALLELISM_THREADS / TF_INTER_OP_PARALLELISM_THREADS, when set, win (Rasa applies them itself).
"""
from __future__ import annotations

import logging
import os
import threading

logger = logging.getLogger(__name__)
_applied: set[str] = set()
_lock = threading.Lock()
ORIGINALS: dict[str, object] = {}     # Rasa's own functions, kept for comparison (tests, bug reports)


NAMES = ("diet_load", "action_validation", "sqlite_wal", "http_keepalive", "tf_one_thread")


def enabled(name: str | None = None) -> bool:
    """All speed-ups, or the one named, switched on by POLICY_ASSISTANT_SPEEDUPS (default: all on)."""
    value = os.environ.get("POLICY_ASSISTANT_SPEEDUPS", "1").strip().lower()
    if value in {"0", "false", "no", "off"}:
        return False
    off = {w.strip()[1:] for w in value.split(",") if w.strip().startswith("-")}
    return name not in off


def apply() -> None:
    """Apply every speed-up once per process (idempotent, thread-safe)."""
    if not enabled():
        return
    with _lock:
        for name, fn in (("diet_load", _fast_diet_load), ("action_validation", _validate_once),
                         ("sqlite_wal", _sqlite_wal), ("http_keepalive", _pooled_endpoint_requests)):
            if name not in _applied and enabled(name):
                fn()
                _applied.add(name)


def apply_server() -> None:
    """apply(), and what only a server wants: TensorFlow on one thread (see 5. above)."""
    apply()
    if not enabled():
        return
    with _lock:
        if "tf_one_thread" not in _applied and enabled("tf_one_thread") and _tf_one_thread():
            _applied.add("tf_one_thread")


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

from actions.db import sqlite_engine_kwargs, sqlite_pragmas  # noqa: E402,F401  (shared with the audit log)


def _sqlite_wal() -> None:
    from rasa.core import tracker_store
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    event.listen(Engine, "connect", lambda conn, _record: sqlite_pragmas(conn))
    rasa_kwargs = ORIGINALS["tracker_store.create_engine_kwargs"] = tracker_store.create_engine_kwargs

    def create_engine_kwargs(url):
        return {**rasa_kwargs(url), **sqlite_engine_kwargs(url)}

    tracker_store.create_engine_kwargs = create_engine_kwargs


# --- 4. action server connections kept alive ---------------------------------------------------------------------

def _pooled_endpoint_requests() -> None:
    import asyncio
    import weakref

    import aiohttp
    from aiohttp import ContentTypeError
    from rasa.utils.endpoints import ClientResponseError, EndpointConfig, concat_url

    rasa_request = ORIGINALS["EndpointConfig.request"] = EndpointConfig.request
    sessions: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict]" = weakref.WeakKeyDictionary()

    def session_for(endpoint: EndpointConfig) -> aiohttp.ClientSession:
        per_loop = sessions.setdefault(asyncio.get_running_loop(), {})
        key = (endpoint.url, tuple(sorted(endpoint.headers.items())), tuple(sorted(endpoint.basic_auth.items())))
        session = per_loop.get(key)
        if session is None or session.closed:
            session = per_loop[key] = endpoint.session()
        return session

    async def request(self, method="post", subpath=None, content_type="application/json", compress=False, **kwargs):
        if self.cafile:
            return await rasa_request(self, method, subpath, content_type, compress, **kwargs)
        # what Rasa's request() does, on a kept session
        headers = {}
        if content_type:
            headers["Content-Type"] = content_type
        if "headers" in kwargs:
            headers.update(kwargs.pop("headers"))
        if self.headers:
            headers.update(self.headers)
        url = concat_url(self.url, subpath)
        params = self.combine_parameters(kwargs)
        for attempt in (1, 2):
            session = session_for(self)
            try:
                async with session.request(method, url, headers=headers, params=params, compress=compress,
                                           **kwargs) as response:
                    if response.status >= 400:
                        raise ClientResponseError(response.status, response.reason, await response.content.read())
                    try:
                        return await response.json()
                    except ContentTypeError:
                        return None
            except aiohttp.ClientConnectorError:
                raise                      # cannot connect at all: no second try
            except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError):
                if attempt == 2:
                    raise
                logger.debug("kept-alive connection to %s was closed by the server; sending again", url)
        return None   # not reached

    EndpointConfig.request = request


# --- 5. TensorFlow on one thread in a server ------------------------------------------------------------------

def _tf_one_thread() -> bool:
    from rasa.constants import ENV_CPU_INTER_OP_CONFIG, ENV_CPU_INTRA_OP_CONFIG

    if os.environ.get(ENV_CPU_INTRA_OP_CONFIG) or os.environ.get(ENV_CPU_INTER_OP_CONFIG):
        return False                               # the operator chose; Rasa applies it
    import tensorflow as tf
    try:
        tf.config.threading.set_intra_op_parallelism_threads(1)
        tf.config.threading.set_inter_op_parallelism_threads(1)
    except RuntimeError as e:                      # TensorFlow already started: keep its defaults
        logger.warning("TensorFlow threads left as they are: %s", e)
        return False
    logger.info("TensorFlow runs on one thread (bot/speedups.py)")
    return True
