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
   (so an invalid reply raises the same error with the same message). Schemas made only of type, const, properties,
   required and items (the reply without the oneOf, 21 of the 23 branches) are checked by plain Python functions
   built from them once (`compile_schema`) instead of jsonschema's validator (~2% of the server's CPU under load).
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
   tracker_connection (with tracker_append): those statements on a Core connection instead of an ORM session.
7. tf_flat_call (with tf_concrete_call): the traced graph is called with the batch's arrays converted to tensors,
   without the structured call's canonicalisation against the signature (nest flattening, packing, the checks of
   missing, unexpected and mistyped arguments: ~0.3 ms per message, a fifth of running the graph). Each array must
   have the signature's dtype and rank and the sizes it fixes, else the structured call is made as before (and
   raises what it raises); TensorFlow converts each array as the structured call does (`convert_to_eager_tensor`)
   and runs the same `_call_flat` with the same captured inputs.
8. count_vectors: CountVectorsFeaturizer counts a message's words and character n-grams with sklearn's
   `CountVectorizer.transform`, which builds a CSR matrix (checking its format), sorts it, and is then turned into a
   COO matrix (expanding and checking again): 4 times per message (2 featurizers, sequence and sentence). Here the
   same analyzer (`build_analyzer()`) gives the same features, counted against the same vocabulary, and the COO
   matrix is built directly with the rows and columns in the order the sorted CSR matrix has them, the same counts
   (1 when `binary`) and the same dtypes (the vectorizer's, scipy's index dtype). A vectorizer of another class or
   without a fitted dict vocabulary goes to Rasa's own code (so its errors are Rasa's).
9. domain_empty: before every prediction Rasa's processor asks `domain.is_empty()`, which builds a new empty Domain
   (`Domain.from_dict({})`: default intents, actions, slots) only to compare its dict with this one's (~0.2 ms per
   message). Here the empty domain's dict is built once, on the first call, and compared as before.
10. action_body: Rasa sends the action server, on every action call, every event of the session and the whole
   domain (8 kB for a first message, 28 kB after 10 turns, 73 kB after 30), serialised, written and parsed again by
   the action server. Our actions (actions/actions.py) read only the slots, `latest_message`, `sender_id` and
   `get_latest_input_channel()` (the input channel of the last user event), and never the domain. Here the body is
   the one `_action_call_format` builds (the same tracker state: slots, latest message, …) with only the events
   from the last user message on (all of them when there is none) and without the domain (as Rasa's
   `enable_selective_domain` leaves it out): 3.6 kB whatever the length, built in ~0.06 ms instead of 0.09-1.1. An action
   that needs older events or the domain must switch this off (POLICY_ASSISTANT_SPEEDUPS=-action_body) or read them
   itself; tests/rasa/test_runtime_speedups.py runs every action of actions/actions.py on both bodies and compares.
11. feature_copies: DIET's input is built from copies of the message's features that deep-copy their matrices only
   to throw the copies away: `Message._combine_features` deep-copies the first featurizer's Features and then
   replaces its matrix with the joined one (when more featurizers follow: here 4), and `_create_fake_features`
   (model_data_utils) deep-copies each Features and then replaces its matrix with an empty one. Here those copies
   deep-copy every attribute but the matrix that is replaced (a single Features is still copied whole), so the
   Features made are equal attribute by attribute; nothing of the message's own features is shared with anything
   that is changed afterwards (the join builds a new matrix).
12. past_states_once: RulePolicy asks for the tracker's past states twice after a user message (with and without
   the user's text; `_prediction_states` edits only its own result), and each time Rasa replays every event of the
   session on a fresh tracker (`domain.states_for_tracker_history`). Here a tracker keeps the states of its last
   request per (domain, omit_unset_slots, ignore_rule_only_turns) while its events are the same (same number, same
   last event object: Rasa only appends to a tracker's events or replaces them) and rule_only_data is equal; every
   caller gets its own copy (states are edited in place by `_choose_last_user_input`). States holding anything but
   text, numbers, None and tuples of those are not kept.
13. rule_keys: RulePolicy finds the rules that apply (`_get_possible_keys`, twice per prediction) by calling
   `_is_rule_applicable` for every rule and every past turn, which each time reverses the rule's parsed states and
   turns its lists into tuples again (~0.12 ms per call with the 60 rules of the model). Here each rule's states are
   read once into that form (last turn first, lists as tuples, which values must be equal and which must be unset)
   and the same tests are made in the same order of turns: a rule shorter than the turns looked at still applies,
   a conversation start matches only a rule's start, and otherwise every value of the rule's state must be equal
   (or, for SHOULD_NOT_BE_SET, unset) in the conversation's state (~0.05 ms). A subclass with its own
   `_is_rule_applicable`, `_does_rule_match_state` or `_rule_key_to_state` keeps Rasa's loop.
14. debug_args: Rasa deep-copies the arguments of its structlog debug records (the events of every action, the
   prediction's events, the message's entities, the dialogue states given to Memoization and RulePolicy) and builds
   the slots' debug text, on every message, also when the server logs at INFO and structlog drops the record
   unread. Here, in the modules whose only use of `copy` is that (rasa.core.processor, policies.memoization,
   policies.rule_policy: checked on their source when applied), `copy.deepcopy` hands back the object itself when
   the module's logger is a structlog filtering logger whose `debug` is the no-op, and copies as before otherwise;
   `MessageProcessor._log_slots` does nothing in that case (its record would be dropped).
15. coo_direct: RegexFeaturizer turns its dense pattern matrices into COO matrices (`coo_matrix(dense)`) and
   LexicalSyntacticFeaturizer builds one from (data, (rows, cols)) with a shape: 3 per message, each converting and
   checking its arrays again (`_check`). Here `scipy.sparse.coo_matrix` as those two modules see it builds the same
   matrix directly (the non-zero entries in row-major order, canonical, for a dense array; the arrays converted
   to scipy's index dtype for the triplet form), after the same checks of dtypes and bounds; any other call, and
   any input the checks do not pass, is scipy's own (with its errors).
16. listen_no_copy: before running an action Rasa copies the tracker (`tracker.copy()`: every event of the session
   replayed on a new tracker) so that the policy's events can be dropped if the action rejects. ActionListen (run
   after every answer) reads nothing and returns no events; when the prediction brings no events the copy is the
   tracker itself for that call (Rasa's `_run_action` does the rest as before).
17. prior_states_once (with past_states_once): RulePolicy and MemoizationPolicy ask for different past states
   (with and without rule-only turns), and Rasa replays every event of the session on a fresh tracker for each
   (`Domain.states_for_tracker_history` over `generate_all_prior_trackers`). Here the replay is made once per
   tracker and omit_unset_slots: what that loop reads of each prior tracker (hide_rule_turn, followup action,
   latest action name, active loop name, the previous action's sub-state and `get_active_state`), copied at the
   time, is kept with the tracker's past states, and Rasa's loop runs on it for each request (rule-only features
   removed, user input substituted, previous action replaced, states cleaned, each on a new copy). A domain whose
   class has its own `states_for_tracker_history`, and states holding anything copy_states does not keep, go to
   Rasa's own.
18. gc_freeze: a server process holds ~545 000 objects once the model is loaded (TensorFlow, Rasa, the model,
   the domain), and every full (generation 2) collection of Python's garbage collector walks all of them: 210 ms
   of CPU, in which the server answers nothing, every few hundred messages (~0.7 ms per message on average, and
   the tail of the latency). Here, when an Agent has loaded a model, the garbage of loading is collected and what
   is alive is frozen (`gc.freeze()`: moved to the permanent generation, which collections do not walk), so full
   collections walk only what was made since. Nothing else changes: objects made later are collected as before;
   a frozen object is never freed by the collector, which matters only for one that becomes cyclic garbage, and
   loading another model first unfreezes (`gc.unfreeze()`) so that the old model can be collected.
"""
from __future__ import annotations

import logging
import numbers
import threading

from . import speedups

logger = logging.getLogger(__name__)
NAMES = ("graph_sequential", "event_types", "action_validation_dispatch", "tf_concrete_call", "sparse_hstack",
         "tracker_append", "tf_flat_call", "count_vectors", "domain_empty", "action_body",
         "tracker_connection", "feature_copies", "past_states_once", "rule_keys",
         "debug_args", "coo_direct", "listen_no_copy",
         "prior_states_once", "gc_freeze")
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
                         ("tf_concrete_call", _tf_concrete_call), ("sparse_hstack", _sparse_hstack),
                         ("count_vectors", _count_vectors), ("domain_empty", _domain_empty),
                         ("action_body", _action_body), ("feature_copies", _feature_copies),
                         ("past_states_once", _past_states_once), ("rule_keys", _rule_keys),
                         ("debug_args", _debug_args),
                         ("coo_direct", _coo_direct), ("listen_no_copy", _listen_no_copy),
                         ("gc_freeze", _gc_freeze)):
            if name not in _applied and enabled(name):
                fn()
                _applied.add(name)
        for name in ("tracker_append", "tracker_connection"):
            if enabled(name):
                _applied.add(name)              # checked by bot/tracker_store.py on every call
        if enabled("prior_states_once") and "past_states_once" in _applied:
            from rasa.shared.core.domain import Domain
            ORIGINALS.setdefault("Domain.states_for_tracker_history", Domain.states_for_tracker_history)
            _applied.add("prior_states_once")   # checked by past_states_once on every call
        if enabled("tf_flat_call") and "tf_concrete_call" in _applied:
            _applied.add("tf_flat_call")        # checked by tf_concrete_call when it keeps a model's graph


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
    outer_v = compile_schema(outer) or cls(outer).is_valid
    by_name = {n: compile_schema(b) or cls(b).is_valid for n, b in zip(names, branches)}

    def check(result) -> bool:
        if not isinstance(result, dict) or not outer_v(result):
            return False
        events = result.get("events")
        for event in events if isinstance(events, list) else ():
            valid = by_name.get(event.get("event"))
            if valid is None or not valid(event):
                return False
        return True

    return check


# JSON Schema's types as jsonschema's type checker tells them (no "integer": its float rules are not copied here)
_JSON_TYPES = {"string": lambda x: isinstance(x, str), "null": lambda x: x is None,
               "boolean": lambda x: isinstance(x, bool), "object": lambda x: isinstance(x, dict),
               "array": lambda x: isinstance(x, list),
               "number": lambda x: isinstance(x, numbers.Number) and not isinstance(x, bool)}


def compile_schema(schema):
    """A Python function `instance -> bool`, what jsonschema's `is_valid` says, for a schema made only of the keywords
    `type` (of _JSON_TYPES), `const` (a string), `properties`, `required` and `items` (one schema), as Rasa's action
    response schema is without its oneOf; None for any other schema (then jsonschema's validator is used).
    tests/rasa/test_runtime_speedups.py compares it with jsonschema on valid and broken replies."""
    if type(schema) is not dict or not set(schema) <= {"type", "const", "properties", "required", "items"}:
        return None
    checks = []
    if "type" in schema:
        types = [schema["type"]] if isinstance(schema["type"], str) else schema["type"]
        if not isinstance(types, list) or not types or not all(isinstance(t, str) and t in _JSON_TYPES for t in types):
            return None
        tests = [_JSON_TYPES[t] for t in types]
        checks.append(lambda x: any(t(x) for t in tests))
    if "const" in schema:
        const = schema["const"]
        if not isinstance(const, str):
            return None
        checks.append(lambda x: isinstance(x, str) and x == const)
    if "properties" in schema:
        if type(schema["properties"]) is not dict:
            return None
        props = [(k, compile_schema(sub)) for k, sub in schema["properties"].items()]
        if any(f is None for _, f in props):
            return None
        checks.append(lambda x: not isinstance(x, dict) or all(f(x[k]) for k, f in props if k in x))
    if "required" in schema:
        required = schema["required"]
        if not isinstance(required, list) or not all(isinstance(r, str) for r in required):
            return None
        checks.append(lambda x: not isinstance(x, dict) or all(r in x for r in required))
    if "items" in schema:
        item = compile_schema(schema["items"])
        if item is None:
            return None
        checks.append(lambda x: not isinstance(x, list) or all(item(e) for e in x))
    return lambda x: all(c(x) for c in checks)


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

def flat_caller(function):
    """`batch -> outputs of function(batch)` (the traced graph called with one list of tensors, as DIET's is) that
    converts the numpy arrays to tensors and calls the graph without the structured-signature checks and
    canonicalisation done by `function(batch)`, or returns None for a batch it is not sure of (then `function(batch)`
    must be called). None instead of a caller when the function's signature is not one list of plain tensors."""
    import numpy as np
    from tensorflow.python.eager import context
    from tensorflow.python.framework import ops
    from tensorflow.python.framework.constant_op import convert_to_eager_tensor
    from tensorflow.python.framework.tensor_spec import TensorSpec

    try:
        args, kwargs = function.structured_input_signature
        specs = tuple(args[0]) if len(args) == 1 and not kwargs and isinstance(args[0], (list, tuple)) else ()
    except (AttributeError, TypeError, ValueError):
        return None
    if not specs or not all(type(s) is TensorSpec for s in specs) or len(function.inputs) != len(specs) + len(
            function.captured_inputs):
        return None
    if any(s.shape.rank is None for s in specs):
        return None
    # per input: its dtype, the numpy dtype it must have, its rank and the sizes the signature fixes
    wanted = tuple((s.dtype, np.dtype(s.dtype.as_numpy_dtype), s.shape.rank,
                    tuple((i, d) for i, d in enumerate(s.shape.as_list()) if d is not None)) for s in specs)

    def call(batch):
        if type(batch) not in (tuple, list) or len(batch) != len(wanted):
            return None
        tensors = []
        for value, (dtype, np_dtype, rank, fixed) in zip(batch, wanted):
            if not isinstance(value, np.ndarray) or value.dtype != np_dtype or value.ndim != rank or any(
                    value.shape[i] != d for i, d in fixed):
                return None
            tensors.append(convert_to_eager_tensor(value, context.context(), dtype))
        if not context.executing_eagerly() or ops.get_default_graph().building_function:
            return None
        return function._call_flat(tensors, function.captured_inputs)

    return call


def _tf_concrete_call() -> None:
    import weakref

    from rasa.utils.tensorflow import models
    from rasa.shared.constants import DIAGNOSTIC_DATA

    rasa_predict = ORIGINALS["RasaModel._rasa_predict"] = models.RasaModel._rasa_predict
    concrete: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()   # model -> (tf.function, graph, flat call)

    def _rasa_predict(self, batch_in):
        known = concrete.get(self)
        if known is None or known[0] is not self._tf_predict_step or self._run_eagerly:
            outputs = rasa_predict(self, batch_in)          # Rasa's own call (traces the function the first time)
            step = self._tf_predict_step
            if step is not None and not self._run_eagerly:
                function = step.get_concrete_function()
                concrete[self] = (step, function, flat_caller(function) if enabled("tf_flat_call") else None)
            return outputs
        self._training = False
        raw = known[2](batch_in) if known[2] is not None else None
        if raw is None:
            raw = known[1](batch_in)
        outputs = models.tf_utils.sync_to_numpy_or_python_type(raw)
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
    return checked_coo(data, row, col, shape)


def checked_coo(data, row, col, shape: tuple):
    """`coo_matrix((data, (row, col)), shape=shape)` for arrays this module built and so knows to pass coo_matrix's
    checks unchanged: 1-d, row and col of scipy's index dtype for `shape` and inside it, data of a native dtype, all of
    one length. The checks (`_check`: ~30 µs, most of a small matrix's cost) are left out; the object has the same
    attributes (tests/rasa/test_runtime_speedups.py compares them)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse._data import _data_matrix

    m = coo_matrix.__new__(coo_matrix)
    _data_matrix.__init__(m)
    m._shape = shape
    m.row, m.col, m.data = row, col, data
    m.has_canonical_format = False
    return m


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


# --- 8. word and n-gram counts straight into a COO matrix -------------------------------------------------------

def countable(vectorizer) -> bool:
    """A fitted sklearn CountVectorizer (not a subclass) with a non-empty dict vocabulary."""
    from sklearn.feature_extraction.text import CountVectorizer

    vocabulary = getattr(vectorizer, "vocabulary_", None)
    return type(vectorizer) is CountVectorizer and type(vocabulary) is dict and bool(vocabulary)


def count_coo(vectorizer, docs: list):
    """`vectorizer.transform(docs)`, indices sorted, `.tocoo()` (what CountVectorsFeaturizer makes of a message's
    tokens) for a fitted sklearn CountVectorizer; None for anything else."""
    import numpy as np
    from scipy.sparse._sputils import get_index_dtype

    if not countable(vectorizer) or isinstance(docs, str):
        return None
    vocabulary = vectorizer.vocabulary_
    analyze = vectorizer.build_analyzer()
    rows, cols, counts = [], [], []
    for i, doc in enumerate(docs):
        counter: dict = {}
        for feature in analyze(doc):
            j = vocabulary.get(feature)
            if j is not None:
                counter[j] = counter.get(j, 0) + 1
        for j in sorted(counter):
            rows.append(i)
            cols.append(j)
            counts.append(counter[j])
    if vectorizer.binary:
        counts = [1] * len(counts)
    shape = (len(docs), len(vocabulary))
    idx = get_index_dtype(maxval=max(shape))
    return checked_coo(np.array(counts, dtype=np.intc).astype(vectorizer.dtype), np.array(rows, dtype=idx),
                       np.array(cols, dtype=idx), shape)


def _count_vectors() -> None:
    from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
        DENSE_FEATURIZABLE_ATTRIBUTES, CountVectorsFeaturizer)

    rasa_create = ORIGINALS["CountVectorsFeaturizer._create_features"] = CountVectorsFeaturizer._create_features

    def _create_features(self, attribute, all_tokens):
        vectorizer = self.vectorizers.get(attribute) if self.vectorizers else None
        if not countable(vectorizer):
            return rasa_create(self, attribute, all_tokens)
        sequence_features, sentence_features = [], []
        for tokens in all_tokens:                   # as Rasa's loop, with count_coo for transform + tocoo
            if not tokens:
                sequence_features.append(None)
                sentence_features.append(None)
                continue
            sequence_features.append(count_coo(vectorizer, tokens))
            sentence_features.append(count_coo(vectorizer, [" ".join(tokens)])
                                     if attribute in DENSE_FEATURIZABLE_ATTRIBUTES else None)
        return sequence_features, sentence_features

    CountVectorsFeaturizer._create_features = _create_features


# --- 9. the empty domain built once -----------------------------------------------------------------------------

def _domain_empty() -> None:
    from rasa.shared.core.domain import Domain

    ORIGINALS["Domain.is_empty"] = Domain.is_empty
    empty: list = []

    def is_empty(self) -> bool:
        if not empty:
            empty.append(Domain.empty().as_dict())
        return self.as_dict() == empty[0]

    Domain.is_empty = is_empty


# --- 10. the action call carries what the actions read ----------------------------------------------------------

def _action_body() -> None:
    import rasa
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.trackers import EventVerbosity

    ORIGINALS["RemoteAction._action_call_format"] = RemoteAction._action_call_format

    def _action_call_format(self, tracker, domain):
        """Rasa's body (`RemoteAction._action_call_format`) without the domain and with the events from the last
        user message on."""
        state = tracker.current_state(EventVerbosity.NONE)
        events = list(tracker.events)
        last_user = next((i for i in range(len(events) - 1, -1, -1) if events[i].type_name == "user"), 0)
        state["events"] = [e.as_dict() for e in events[last_user:]]
        return {"next_action": self._name, "sender_id": tracker.sender_id, "tracker": state,
                "version": rasa.__version__}

    RemoteAction._action_call_format = _action_call_format


# --- 11. features copied without the matrices that are replaced at once -----------------------------------------

def copy_features_but_matrix(features):
    """A deep copy of a Features object except its matrix, which is shared (for a caller that replaces it)."""
    import copy

    new = copy.copy(features)
    memo = {id(features.features): features.features}
    for k, v in features.__dict__.items():
        if k != "features":
            new.__dict__[k] = copy.deepcopy(v, memo)
    return new


def _feature_copies() -> None:
    import copy

    import numpy as np
    import scipy.sparse
    from rasa.shared.nlu.training_data.message import Message
    from rasa.utils.tensorflow import model_data_utils

    ORIGINALS["Message._combine_features"] = Message.__dict__["_combine_features"]
    ORIGINALS["model_data_utils._create_fake_features"] = model_data_utils._create_fake_features

    def _combine_features(features, featurizers):
        combined_features = None
        for f in features:
            if combined_features is None:      # its matrix is replaced by the join when more features follow
                combined_features = copy.deepcopy(f) if len(features) == 1 else copy_features_but_matrix(f)
                combined_features.origin = featurizers
            else:
                combined_features.combine_with_features(f)
        return combined_features

    def _create_fake_features(all_features):
        example_features = next(iter([list_of_features for list_of_list_of_features in all_features
                                      for list_of_features in list_of_list_of_features
                                      if list_of_features is not None]))
        fake_features = []
        for _features in example_features:     # Rasa's loop, the copy without the matrix it replaces
            new_features = copy_features_but_matrix(_features)
            if _features.is_dense():
                new_features.features = np.zeros((0, _features.features.shape[-1]), _features.features.dtype)
            if _features.is_sparse():
                new_features.features = scipy.sparse.coo_matrix((0, _features.features.shape[-1]),
                                                                _features.features.dtype)
            fake_features.append(new_features)
        return fake_features

    Message._combine_features = staticmethod(_combine_features)
    model_data_utils._create_fake_features = _create_fake_features


# --- 12. a tracker's past states computed once per set of events ------------------------------------------------

PAST_STATES = "_policy_assistant_past_states"   # tracker attribute: (number of events, last event, {args: kept})
_PLAIN = (str, int, float, bool, type(None))


def copy_states(states):
    """A copy of Rasa's states (a list of {sub-state: {key: value}}) sharing only immutable values; None when a
    value is not plain (text, number, None, or a tuple of those)."""
    out = []
    for state in states:
        if type(state) is not dict:
            return None
        copied = {}
        for name, sub in state.items():
            if type(sub) is not dict:
                return None
            for v in sub.values():
                if not (isinstance(v, _PLAIN) or (type(v) is tuple and all(isinstance(x, _PLAIN) for x in v))):
                    return None
            copied[name] = dict(sub)
        out.append(copied)
    return out


def _past_states_once() -> None:
    import copy

    from rasa.shared.core.trackers import DialogueStateTracker

    rasa_past_states = ORIGINALS["DialogueStateTracker.past_states"] = DialogueStateTracker.past_states

    def past_states(self, domain, omit_unset_slots=False, ignore_rule_only_turns=False, rule_only_data=None):
        events = self.events
        n = len(events)
        last = events[-1] if n else None
        memo = self.__dict__.get(PAST_STATES)
        if memo is None or memo[0] != n or memo[1] is not last:
            memo = (n, last, {})
            setattr(self, PAST_STATES, memo)
        key = (id(domain), bool(omit_unset_slots), bool(ignore_rule_only_turns))
        kept = memo[2].get(key)
        if kept is not None and kept[0] is domain and kept[1] == rule_only_data:
            return copy_states(kept[2])
        states = None
        if "prior_states_once" in _applied:
            states = states_from_turns(self, domain, omit_unset_slots, ignore_rule_only_turns, rule_only_data,
                                       memo[2])
        if states is None:
            states = rasa_past_states(self, domain, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
        copied = copy_states(states)
        if copied is not None:
            memo[2][key] = (domain, copy.deepcopy(rule_only_data), copied)
        return states

    DialogueStateTracker.past_states = past_states


# --- 13. the rules' states read once ----------------------------------------------------------------------------

def rule_turns(rule_key: str):
    """A rule's states as `_is_rule_applicable` reads them, last turn first: per turn (whether it has a previous
    action, ((state type, ((key, value as compared, value is set and not SHOULD_NOT_BE_SET, value is
    SHOULD_NOT_BE_SET), ...)), ...)); lists as tuples, as Rasa converts them before comparing."""
    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET

    turns = []
    for state in reversed(RulePolicy._rule_key_to_state(rule_key)):
        subs = []
        for state_type, sub in state.items():
            values = []
            for key, value in sub.items():
                if isinstance(value, list):
                    value = tuple(value)
                values.append((key, value, bool(value) and value != SHOULD_NOT_BE_SET, value == SHOULD_NOT_BE_SET))
            subs.append((state_type, tuple(values)))
        turns.append((bool(state.get(PREVIOUS_ACTION)), tuple(subs)))
    return tuple(turns)


def possible_rule_keys(lookup, states: list, turns_of) -> set:
    """RulePolicy._get_possible_keys(lookup, states): the keys of `lookup` whose rule applies to `states`
    (`turns_of(key)` is `rule_turns(key)`)."""
    from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET

    possible = [(key, turns_of(key)) for key in lookup.keys()]
    for i, state in enumerate(reversed(states)):
        if not possible:
            break
        has_previous = bool(state.get(PREVIOUS_ACTION))
        kept = []
        for key, turns in possible:
            if i < len(turns):
                rule_has_previous, subs = turns[i]
                if rule_has_previous != has_previous:      # one of them a conversation start, the other not
                    continue
                if has_previous and not _rule_state_matches(subs, state, SHOULD_NOT_BE_SET):
                    continue
            kept.append((key, turns))
        possible = kept
    return {key for key, _ in possible}


def _rule_state_matches(subs, conversation_state, should_not_be_set) -> bool:
    """RulePolicy._does_rule_match_state for a rule state read by rule_turns."""
    for state_type, values in subs:
        conversation_sub_state = conversation_state.get(state_type, {})
        for key, value, must_equal, must_be_unset in values:
            current = conversation_sub_state.get(key)
            if (must_equal and current != value) or (must_be_unset and current and current != should_not_be_set):
                return False
    return True


def _rule_keys() -> None:
    from rasa.core.policies.rule_policy import RulePolicy

    rasa_keys = ORIGINALS["RulePolicy._get_possible_keys"] = RulePolicy._get_possible_keys
    own = (RulePolicy._is_rule_applicable, RulePolicy._does_rule_match_state, RulePolicy._rule_key_to_state)
    parsed: dict = {}

    def turns_of(key):
        turns = parsed.get(key)
        if turns is None:
            if len(parsed) > 100_000:           # rule keys come from the trained model: bounded, but be safe
                parsed.clear()
            turns = parsed[key] = rule_turns(key)
        return turns

    def _get_possible_keys(self, lookup, states):
        cls = type(self)
        if cls._is_rule_applicable is not own[0] or cls._does_rule_match_state is not own[1] or \
                cls._rule_key_to_state is not own[2]:
            return rasa_keys(self, lookup, states)  # a subclass that reads rules its own way
        return possible_rule_keys(lookup, states, turns_of)

    RulePolicy._get_possible_keys = _get_possible_keys


# --- 14. debug-log arguments not built when debug records are dropped -------------------------------------------

DEBUG_COPY_MODULES = ("rasa.core.processor", "rasa.core.policies.memoization", "rasa.core.policies.rule_policy")


def copies_only_for_debug_logs(source: str) -> bool:
    """True when every use of the name `copy` in a module's source is `copy.deepcopy(...)` given as a keyword
    argument to `structlogger.debug(...)` (apart from `import copy`)."""
    import ast

    tree = ast.parse(source)
    allowed: set = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "debug" and \
                isinstance(node.func.value, ast.Name) and node.func.value.id == "structlogger":
            for kw in node.keywords:
                v = kw.value
                if isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute) and v.func.attr == "deepcopy" and \
                        isinstance(v.func.value, ast.Name) and v.func.value.id == "copy":
                    allowed.add(id(v.func.value))
    uses = [n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "copy"]
    return bool(uses) and all(id(n) in allowed for n in uses)


def debug_logged(module) -> bool:
    """Whether `module.structlogger.debug(...)` would do anything: False only when its logger is one of structlog's
    filtering loggers whose `debug` is the no-op (Rasa's configure_structlog below DEBUG)."""
    if not _STRUCTLOG_NOP:
        import logging

        import structlog

        _STRUCTLOG_NOP.append(structlog.make_filtering_bound_logger(logging.CRITICAL).debug)
    return getattr(type(module.structlogger.bind()), "debug", None) is not _STRUCTLOG_NOP[0]


_STRUCTLOG_NOP: list = []


class DebugArgumentCopy:
    """Stands for the `copy` module in a Rasa module that copies only debug-log arguments: `deepcopy` copies when
    the module's debug records are logged and otherwise hands back the object (the record, and so the copy, is
    dropped unread); everything else is the `copy` module's."""

    def __init__(self, module, real_copy):
        self._module, self._copy = module, real_copy

    def deepcopy(self, x, memo=None):
        return self._copy.deepcopy(x, memo) if debug_logged(self._module) else x

    def __getattr__(self, name):
        return getattr(self._copy, name)


def _debug_args() -> None:
    import copy
    import importlib
    import inspect

    from rasa.core.processor import MessageProcessor

    for name in DEBUG_COPY_MODULES:
        module = importlib.import_module(name)
        if module.__dict__.get("copy") is copy and hasattr(module, "structlogger") and \
                copies_only_for_debug_logs(inspect.getsource(module)):
            ORIGINALS[f"{name}.copy"] = copy
            module.copy = DebugArgumentCopy(module, copy)
    processor = importlib.import_module("rasa.core.processor")
    rasa_log_slots = ORIGINALS["MessageProcessor._log_slots"] = MessageProcessor.__dict__["_log_slots"].__func__

    def _log_slots(tracker) -> None:
        if debug_logged(processor):            # else the slots' text is built only for a record that is dropped
            rasa_log_slots(tracker)

    MessageProcessor._log_slots = staticmethod(_log_slots)


# --- 15. the featurizers' COO matrices built directly -----------------------------------------------------------

def dense_coo(dense):
    """`scipy.sparse.coo_matrix(dense)` for a 2-d numpy array of a native numeric dtype (None for anything else):
    the non-zero entries in row-major order, as scipy takes them (`nonzero()`), in canonical format."""
    import numpy as np
    from scipy.sparse._sputils import get_index_dtype

    if type(dense) is not np.ndarray or dense.ndim != 2 or dense.dtype.kind not in "biuf" or \
            not dense.dtype.isnative:
        return None
    row, col = dense.nonzero()
    idx = get_index_dtype(maxval=max(dense.shape))
    m = checked_coo(dense[row, col], row.astype(idx, copy=False), col.astype(idx, copy=False),
                    tuple(int(n) for n in dense.shape))
    m.has_canonical_format = True
    return m


def triplet_coo(data, row, col, shape):
    """`scipy.sparse.coo_matrix((data, (row, col)), shape=shape)` for 1-d numpy arrays of one length, integer
    indices inside `shape` and data of a native numeric dtype (None for anything else, so that scipy raises what
    it raises)."""
    import numpy as np
    from scipy.sparse._sputils import get_index_dtype

    if not all(type(a) is np.ndarray and a.ndim == 1 for a in (data, row, col)) or not len(data) == len(row) == \
            len(col) or type(shape) is not tuple or len(shape) != 2 or not all(type(n) is int and n >= 0 for n in shape):
        return None
    if data.dtype.kind not in "biuf" or not data.dtype.isnative:
        return None
    if len(row):
        if row.dtype.kind not in "iu" or col.dtype.kind not in "iu" or row.min() < 0 or col.min() < 0 or \
                row.max() >= shape[0] or col.max() >= shape[1]:
            return None
    idx = get_index_dtype(maxval=max(shape))
    return checked_coo(data, row.astype(idx), col.astype(idx), shape)     # np.array(..., dtype=idx): a new array


class DirectCOO:
    """Stands for the `scipy` module in a Rasa featurizer module: `scipy.sparse.coo_matrix` of a dense array or of
    (data, (row, col)) with a shape is built by dense_coo / triplet_coo; any other call, and everything else, is
    scipy's."""

    def __init__(self, real_scipy):
        self._scipy = real_scipy
        self.sparse = _DirectSparse(real_scipy.sparse)

    def __getattr__(self, name):
        return getattr(self._scipy, name)


class _DirectSparse:
    def __init__(self, real_sparse):
        self._sparse = real_sparse

    def coo_matrix(self, arg1, shape=None, dtype=None, copy=False):
        m = None
        if dtype is None and not copy:
            if shape is None:
                m = dense_coo(arg1)
            elif type(arg1) is tuple and len(arg1) == 2 and type(arg1[1]) is tuple and len(arg1[1]) == 2:
                m = triplet_coo(arg1[0], arg1[1][0], arg1[1][1], shape)
        return m if m is not None else self._sparse.coo_matrix(arg1, shape=shape, dtype=dtype, copy=copy)

    def __getattr__(self, name):
        return getattr(self._sparse, name)


COO_MODULES = ("rasa.nlu.featurizers.sparse_featurizer.regex_featurizer",
               "rasa.nlu.featurizers.sparse_featurizer.lexical_syntactic_featurizer")


def _coo_direct() -> None:
    import importlib

    import scipy.sparse

    for name in COO_MODULES:
        module = importlib.import_module(name)
        if module.__dict__.get("scipy") is scipy:
            ORIGINALS[f"{name}.scipy"] = scipy
            module.scipy = DirectCOO(scipy)


# --- 16. no copy of the conversation for action_listen ----------------------------------------------------------

def _listen_no_copy() -> None:
    from rasa.core.actions.action import ActionListen
    from rasa.core.processor import MessageProcessor

    rasa_run_action = ORIGINALS["MessageProcessor._run_action"] = MessageProcessor._run_action
    listen_run = ActionListen.run

    def same_tracker(tracker):
        return lambda: tracker

    async def _run_action(self, action, tracker, output_channel, nlg, prediction):
        if type(action) is not ActionListen or ActionListen.run is not listen_run or prediction.events or \
                "copy" in tracker.__dict__:
            return await rasa_run_action(self, action, tracker, output_channel, nlg, prediction)
        # Rasa's _run_action, whose `tracker.copy()` (for ActionListen.run, which reads nothing and returns []) is
        # the tracker itself: no policy events are added to it, and nothing else of Rasa's code calls copy() here
        tracker.copy = same_tracker(tracker)
        try:
            return await rasa_run_action(self, action, tracker, output_channel, nlg, prediction)
        finally:
            del tracker.copy

    MessageProcessor._run_action = _run_action


# --- 17. one replay of the conversation for all of a message's past states --------------------------------------

def prior_turns(tracker, domain, omit_unset_slots: bool):
    """What Domain.states_for_tracker_history reads of each tracker that generate_all_prior_trackers yields:
    (hide_rule_turn, followup_action, latest_action_name, active_loop_name, previous action sub-state, active
    state), copied at the time; None when a state holds anything copy_states does not keep."""
    turns = []
    for tr, hide_rule_turn in tracker.generate_all_prior_trackers():
        previous = domain._get_prev_action_sub_state(tr)
        state = copy_states([domain.get_active_state(tr, omit_unset_slots=omit_unset_slots)])
        kept_previous = copy_states([{"previous": previous}]) if previous is not None else [{"previous": None}]
        if state is None or kept_previous is None:
            return None
        turns.append((hide_rule_turn, tr.followup_action, tr.latest_action_name, tr.active_loop_name,
                      kept_previous[0]["previous"], state[0]))
    return turns


def states_from_turns(tracker, domain, omit_unset_slots, ignore_rule_only_turns, rule_only_data, kept: dict):
    """Domain.states_for_tracker_history(tracker, ...) computed from prior_turns, which are kept (in `kept`, the
    tracker's past_states_once memo) for the next call with the same domain and omit_unset_slots; None when the
    turns cannot be kept (then Rasa's own is called)."""
    from rasa.shared.core.constants import PREVIOUS_ACTION

    if type(domain).states_for_tracker_history is not ORIGINALS["Domain.states_for_tracker_history"]:
        return None                             # a domain that makes its states its own way
    key = ("turns", id(domain), bool(omit_unset_slots))
    entry = kept.get(key)
    if entry is None or entry[0] is not domain:
        turns = prior_turns(tracker, domain, omit_unset_slots)
        if turns is None:
            return None
        entry = kept[key] = (domain, turns)
    # Rasa's loop over the prior trackers, on the kept turns (each state a new copy)
    states: list = []
    last_ml_action_sub_state = None
    turn_was_hidden = False
    for hide_rule_turn, followup_action, latest_action_name, active_loop_name, previous, state in entry[1]:
        if ignore_rule_only_turns:
            if not turn_was_hidden:
                last_ml_action_sub_state = previous
            if not followup_action and not latest_action_name == active_loop_name:
                turn_was_hidden = hide_rule_turn
            if turn_was_hidden:
                continue
        state = {name: dict(sub) for name, sub in state.items()}
        if ignore_rule_only_turns:
            domain._remove_rule_only_features(state, rule_only_data)
            if states:
                domain._substitute_rule_only_user_input(state, states[-1])
            if last_ml_action_sub_state:
                state[PREVIOUS_ACTION] = dict(last_ml_action_sub_state)
        states.append(domain._clean_state(state))
    return states


# --- 18. the loaded model kept out of the garbage collector's full collections ----------------------------------

def _gc_freeze() -> None:
    import gc

    from rasa.core.agent import Agent

    rasa_load_model = ORIGINALS["Agent.load_model"] = Agent.load_model

    def load_model(self, model_path, fingerprint=None) -> None:
        gc.unfreeze()              # what an earlier load froze can be collected again once it is garbage
        rasa_load_model(self, model_path, fingerprint)
        gc.collect()               # the garbage of loading is collected, not frozen
        gc.freeze()                # what is alive now (modules, the model, the domain) leaves the collected generations

    Agent.load_model = load_model
