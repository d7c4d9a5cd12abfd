"""Speed-ups for the Rasa server that touch only how a running server answers, never training, found by profiling
(`scripts/bench.py --only profile,experiments`; BENCHMARKS.md). Same switch as bot/speedups.py:
POLICY_ASSISTANT_SPEEDUPS=0 runs plain Rasa, POLICY_ASSISTANT_SPEEDUPS=-graph_sequential,-tracker_append switches
single ones off (names: NAMES below).

They live here and not in bot/speedups.py because that file is imported by the tokenizer, so the Makefile retrains the
model whenever it changes; nothing here runs during `rasa train` (no server, no tracker store). `apply()` is called
when bot/tracker_store.py is imported, which `rasa run` does (endpoints.yml names our tracker store) before it loads
the model; tests and the floor benchmark call it themselves. Each has a test comparing it with Rasa's own code
(tests/rasa/test_runtime_speedups.py, tests/rasa/test_tracker_store_speedup.py).

1. graph_sequential: the NLU and policy graphs run node after node in a fixed order. Rasa's DaskGraphRunner builds a
   dask graph, works out the minimal schema for the targets (a recursive walk) and runs dask's synchronous scheduler
   on every message (~9% of the server's CPU under load for about fifteen plain function calls). Here the order of
   the nodes each set of targets needs is computed once; every node is called with exactly the inputs dask would
   give it (the parents' `(name, output)` pairs, an input's `(name, value)`, the bare name for a need nothing
   provides) and the result is the same `{target: output}` dict. Errors propagate as before (a RuntimeError
   becomes Rasa's GraphRunError).
2. event_types: `Event.resolve_by_type` walked every subclass of Event (inspect.isabstract on each) for every event
   it deserialises: the stored conversation on every read, the action server's events on every call. Here the first
   matching class is remembered per type name; the table is rebuilt when a new Event subclass is defined.
3. action_validation_dispatch: a valid action server reply is recognised without jsonschema's `oneOf` over 23 event
   schemas (which builds an error object for every branch an event does not match, for every event). Each branch
   of that oneOf fixes `event` to a different constant and `event` is required, so an event satisfies the oneOf
   exactly when it satisfies the branch named by its `event`: the reply is checked against the schema without the
   oneOf and each event against its own branch. Anything that does not pass is handed to the validator as before
   (so an invalid reply raises the same error with the same message).
4. tf_concrete_call: DIET's prediction calls TensorFlow's traced function directly. Rasa's `_rasa_predict` calls a
   `tf.function` with a fixed input signature, which on every call canonicalises the inputs against the signature
   and looks up its one traced graph again (~1 ms of Python per message, as much as a third of running the graph).
   Here, after Rasa's own first call has traced it, that graph (`get_concrete_function()`, the one the tf.function
   dispatches to) is called directly with the same inputs; the outputs go through the same conversion as Rasa's.
   Eager mode (`run_eagerly`) and a model whose traced function changes keep Rasa's path.
5. sparse_hstack: a message's sparse features (count vectors of words and character n-grams, lexical, regex) are
   joined side by side with scipy's `hstack`, i.e. `bmat`, which wraps the two matrices in an object array, converts
   and checks each block again and then checks the result (~7% of the server's CPU for 5 joins per message). For
   two COO matrices with the same number of rows this builds the same COO matrix directly: the same data, rows and
   columns (the second's shifted by the first's width), in the same order and with the same dtypes as bmat chooses
   (scipy's upcast and get_index_dtype). Anything else goes to Rasa's own code.
6. tracker_append: bot/tracker_store.py (save only the new events; read the current session with one statement).
"""
from __future__ import annotations

import logging
import threading

from . import speedups

logger = logging.getLogger(__name__)
NAMES = ("graph_sequential", "event_types", "action_validation_dispatch", "tf_concrete_call", "sparse_hstack",
         "tracker_append")
ORIGINALS = speedups.ORIGINALS          # Rasa's own functions, kept for comparison (tests, bug reports)
_applied: set[str] = set()
_lock = threading.Lock()


def enabled(name: str | None = None) -> bool:
    return speedups.enabled(name)


def apply() -> None:
    """Apply every speed-up of this module once per process (idempotent, thread-safe)."""
    if not enabled():
        return
    with _lock:
        for name, fn in (("graph_sequential", _sequential_graph), ("event_types", _event_types),
                         ("action_validation_dispatch", _validation_dispatch),
                         ("tf_concrete_call", _tf_concrete_call), ("sparse_hstack", _sparse_hstack)):
            if name not in _applied and enabled(name):
                fn()
                _applied.add(name)
        if enabled("tracker_append"):
            _applied.add("tracker_append")      # checked by bot/tracker_store.py on every call


def applied() -> frozenset[str]:
    return frozenset(_applied)


# --- 1. graph nodes in a fixed order ----------------------------------------------------------------------------

def _sequential_graph() -> None:
    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.runner.dask import DaskGraphRunner

    ORIGINALS["DaskGraphRunner.run"] = DaskGraphRunner.run

    def plan(self, run_targets: list[str]) -> list[tuple[str, tuple[str, ...]]]:
        """(node, its needs) for every node the targets depend on, parents first."""
        cache = self.__dict__.setdefault("_sequential_plans", {})
        key = tuple(run_targets)
        order = cache.get(key)
        if order is None:
            nodes = self._graph_schema.minimal_graph_schema(run_targets).nodes
            order, done = [], set()

            def visit(name: str) -> None:
                if name in done or name not in nodes:
                    return
                done.add(name)
                for need in nodes[name].needs.values():
                    visit(need)
                order.append((name, tuple(nodes[name].needs.values())))

            for t in run_targets:
                visit(t)
            order = cache[key] = order
        return order

    def run(self, inputs=None, targets=None):
        run_targets = targets if targets else self._graph_schema.target_names
        order = plan(self, list(run_targets))
        results: dict = {}
        if inputs:
            keys = {name for name, _ in order}          # the keys of Rasa's dask graph, as it adds the inputs
            for input_name, input_value in inputs.items():
                if isinstance(input_value, str) and input_value in keys:
                    raise GraphRunError(
                        f"Input value '{input_value}' clashes with a node name. Make sure that none of the input "
                        f"names passed to the `run` method are the same as node names in the graph schema.")
                results[input_name] = (input_name, input_value)
                keys.add(input_name)
        nodes = self._instantiated_nodes
        try:
            for name, needs in order:
                if inputs and name in inputs:            # an input replaces a node of the same name (as in dask)
                    continue
                results[name] = nodes[name](*[results.get(n, n) for n in needs])
            return dict(results[t] for t in run_targets)
        except RuntimeError as e:
            raise GraphRunError("Error running runner.") from e

    DaskGraphRunner.run = run


# --- 2. event classes by type name ------------------------------------------------------------------------------

def _event_types() -> None:
    from rasa.shared.core.events import Event

    rasa_resolve = ORIGINALS["Event.resolve_by_type"] = Event.resolve_by_type
    table: dict = {}
    parent_hook = Event.__dict__.get("__init_subclass__")

    def __init_subclass__(cls, **kwargs):
        table.clear()                      # a new event class may come first for its type name: look again
        if parent_hook is not None:
            parent_hook.__func__(cls, **kwargs)
        else:
            super(Event, cls).__init_subclass__(**kwargs)

    def resolve_by_type(type_name, default=None):
        try:
            return table[type_name]
        except (KeyError, TypeError):
            pass
        try:
            cls = rasa_resolve(type_name, None)
        except ValueError:
            cls = None
        if cls is not None or type_name == "topic":
            try:
                table[type_name] = cls
            except TypeError:              # an unhashable type name: not remembered
                pass
            return cls
        return rasa_resolve(type_name, default)    # the default, or Rasa's own error

    Event.__init_subclass__ = classmethod(__init_subclass__)
    Event.resolve_by_type = staticmethod(resolve_by_type)


# --- 3. action server replies checked event by event ------------------------------------------------------------

def dispatch_checker(spec: dict):
    """A function `result -> bool` that is True only for replies valid under `spec` (Rasa's action response
    schema), checking each event against the one oneOf branch its `event` names; None when the schema does not
    have that shape (then nothing is sped up)."""
    import copy

    import jsonschema

    try:
        items = spec["properties"]["events"]["items"]
        branches = items["oneOf"]
        names = [b["properties"]["event"]["const"] for b in branches]
    except (KeyError, TypeError):
        return None
    if "event" not in items.get("required", ()) or len(set(names)) != len(names) or not all(
            isinstance(n, str) for n in names):
        return None
    outer = copy.deepcopy(spec)
    del outer["properties"]["events"]["items"]["oneOf"]
    cls = jsonschema.validators.validator_for(spec)
    cls.check_schema(spec)
    outer_v = cls(outer)
    by_name = {n: cls(b) for n, b in zip(names, branches)}

    def check(result) -> bool:
        if not isinstance(result, dict) or not outer_v.is_valid(result):
            return False
        events = result.get("events")
        for event in events if isinstance(events, list) else ():
            v = by_name.get(event.get("event"))
            if v is None or not v.is_valid(event):
                return False
        return True

    return check


def _validation_dispatch() -> None:
    from rasa.core.actions.action import RemoteAction

    current = ORIGINALS["RemoteAction._validate_action_result (before dispatch)"] = \
        RemoteAction._validate_action_result
    cache: dict = {}

    def _validate_action_result(self, result) -> bool:
        check = cache.get("check", False)
        if check is False:
            check = cache["check"] = dispatch_checker(self.action_response_format_spec())
        if check is not None and check(result):
            return True
        return current(self, result)       # invalid (or not sure): the full validation and its error

    RemoteAction._validate_action_result = _validate_action_result


# --- 4. DIET's traced graph called directly ---------------------------------------------------------------------

def _tf_concrete_call() -> None:
    import weakref

    from rasa.utils.tensorflow import models
    from rasa.shared.constants import DIAGNOSTIC_DATA

    rasa_predict = ORIGINALS["RasaModel._rasa_predict"] = models.RasaModel._rasa_predict
    concrete: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()   # model -> (its tf.function, the graph)

    def _rasa_predict(self, batch_in):
        known = concrete.get(self)
        if known is None or known[0] is not self._tf_predict_step or self._run_eagerly:
            outputs = rasa_predict(self, batch_in)          # Rasa's own call (traces the function the first time)
            step = self._tf_predict_step
            if step is not None and not self._run_eagerly:
                concrete[self] = (step, step.get_concrete_function())
            return outputs
        self._training = False
        outputs = models.tf_utils.sync_to_numpy_or_python_type(known[1](batch_in))
        if DIAGNOSTIC_DATA in outputs:
            outputs[DIAGNOSTIC_DATA] = self._empty_lists_to_none_in_dict(outputs[DIAGNOSTIC_DATA])
        return outputs

    models.RasaModel._rasa_predict = _rasa_predict


# --- 5. sparse features joined without bmat ---------------------------------------------------------------------

def hstack_coo(a, b):
    """scipy.sparse.hstack([a, b]) for two COO matrices with the same number of rows (None otherwise)."""
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse._sputils import get_index_dtype, upcast

    if type(a) is not coo_matrix or type(b) is not coo_matrix or a.shape[0] != b.shape[0] or 0 in a.shape \
            or 0 in b.shape:
        return None
    shape = (a.shape[0], a.shape[1] + b.shape[1])
    idx = get_index_dtype(maxval=max(shape))
    data = np.concatenate((a.data, b.data)).astype(upcast(a.dtype, b.dtype), copy=False)
    row = np.concatenate((a.row.astype(idx, copy=False), b.row.astype(idx, copy=False)))
    col = np.concatenate((a.col.astype(idx, copy=False), np.add(b.col, a.shape[1], dtype=idx)))
    return coo_matrix((data, (row, col)), shape=shape)


def _sparse_hstack() -> None:
    from rasa.shared.nlu.training_data.features import Features

    rasa_combine = ORIGINALS["Features._combine_sparse_features"] = Features._combine_sparse_features

    def _combine_sparse_features(self, additional_features) -> None:
        joined = hstack_coo(self.features, additional_features.features)
        if joined is None:
            rasa_combine(self, additional_features)       # Rasa's checks, errors and hstack
            return
        self.features = joined
        self._cached_fingerprint = None

    Features._combine_sparse_features = _combine_sparse_features
