"""The speed-ups of bot/runtime_speedups.py give what Rasa's own code gives: each is compared with the function it
replaces (kept in ORIGINALS). Fast unit tests, and one `slow` test with the trained model (NLU results and policy
predictions of the same agent, Rasa's own code against ours)."""
from __future__ import annotations

import asyncio
import copy

import pytest

from bot import runtime_speedups
from scripts.servers import MODEL

runtime_speedups.apply()


def test_all_are_applied_and_can_be_switched_off_by_name(monkeypatch):
    assert set(runtime_speedups.applied()) == set(runtime_speedups.NAMES)
    monkeypatch.setenv("POLICY_ASSISTANT_SPEEDUPS", "-tracker_append,-tf_concrete_call")
    assert not runtime_speedups.enabled("tracker_append") and not runtime_speedups.enabled("tf_concrete_call")
    assert runtime_speedups.enabled("graph_sequential")
    monkeypatch.setenv("POLICY_ASSISTANT_SPEEDUPS", "0")
    assert not runtime_speedups.enabled() and not runtime_speedups.enabled("graph_sequential")


# --- event_types ------------------------------------------------------------------------------------------------

def test_event_classes_are_found_as_rasa_finds_them():
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    rasa_own = runtime_speedups.ORIGINALS["Event.resolve_by_type"]
    assert Event.resolve_by_type is not rasa_own
    names = {c.type_name for c in all_subclasses(Event)} | {"topic"}
    for _ in range(2):                      # the second time from the table
        for name in sorted(names):
            assert Event.resolve_by_type(name) is rasa_own(name), name
    assert Event.resolve_by_type("no_such_event", default=Event) is Event
    for bad in ("no_such_event", None):
        with pytest.raises(ValueError) as ours:
            Event.resolve_by_type(bad)
        with pytest.raises(ValueError) as theirs:
            rasa_own(bad)
        assert str(ours.value) == str(theirs.value)
    with pytest.raises(ValueError):
        Event.resolve_by_type(["unhashable"])

    # an event class defined later is found, also for a name looked up (and missed) before
    from rasa.shared.core.events import SlotSet
    assert Event.resolve_by_type("policy_assistant_test", default=SlotSet) is SlotSet

    class PolicyAssistantTestEvent(SlotSet):
        type_name = "policy_assistant_test"

    assert Event.resolve_by_type("policy_assistant_test") is PolicyAssistantTestEvent is rasa_own(
        "policy_assistant_test")
    assert Event.resolve_by_type("slot") is rasa_own("slot")


# --- action_validation_dispatch ---------------------------------------------------------------------------------

def _every_event() -> list[dict]:
    from rasa.shared.core.events import (ActionExecuted, ActiveLoop, AllSlotsReset, BotUttered, FollowupAction,
                                         SessionStarted, SlotSet, UserUttered)
    evs = [UserUttered("千阳的", {"name": "inform", "confidence": 0.9},
                       [{"entity": "place", "value": "千阳", "start": 0, "end": 2}],
                       {"intent": {"name": "inform", "confidence": 0.9}, "entities": [], "text": "千阳的"}),
           ActionExecuted("action_policy_turn", policy="RulePolicy", confidence=1.0), SlotSet("place", "千阳县"),
           SlotSet("facts", {"身份": ["脱贫劳动力"]}), BotUttered("您好", {"buttons": [{"title": "a", "payload": "/b"}]}),
           AllSlotsReset(), FollowupAction("action_listen"), ActiveLoop(None), SessionStarted()]
    return [e.as_dict() for e in evs]


def _responses() -> tuple[list, list]:
    from tests.rasa.test_speedups import RESPONSES_BAD, RESPONSES_OK
    every = _every_event()
    ok = RESPONSES_OK + [{"events": every, "responses": [{"text": "好"}]},
                         {"events": [{"event": "slot", "name": "x", "value": None, "timestamp": None}]},
                         {"responses": []}, {}]
    bad = RESPONSES_BAD + [
        {"events": every + [{"event": "slot", "value": 1}]},                       # slot without a name
        {"events": every + [{"event": "user", "text": 5}]},
        {"events": [{"event": "bot", "metadata": "x"}]},
        {"events": [{"name": "x"}]},                                              # no event type
        {"events": [{"event": 7}]}, {"events": [5]}, {"events": [{"event": "slot", "name": "x"}]},
        {"events": [{"event": "action", "confidence": "高"}]},
        {"events": [{"event": "user", "parse_data": {"entities": [{"start": 0}]}}]},
        {"responses": [5]}, [], "events",
    ]
    # every event with each of its properties given a wrong type: the branch must catch what the oneOf caught
    for e in every:
        for k in e:
            if k != "event":
                for wrong in (5, "x", [1], {"a": 1}, None, True):
                    x = copy.deepcopy(e)
                    x[k] = wrong
                    (ok if _rasa_valid({"events": [x]}) else bad).append({"events": [x]})
    return ok, bad


def _rasa_valid(result) -> bool:
    import jsonschema
    from rasa.core.actions.action import RemoteAction
    try:
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
        return True
    except jsonschema.ValidationError:
        return False


def test_replies_are_accepted_and_refused_exactly_as_rasa_does():
    from jsonschema import ValidationError
    from rasa.core.actions.action import RemoteAction
    from rasa.utils.endpoints import EndpointConfig

    from bot import speedups
    rasa_own = speedups.ORIGINALS.get("RemoteAction._validate_action_result") or \
        runtime_speedups.ORIGINALS["RemoteAction._validate_action_result (before dispatch)"]
    check = runtime_speedups.dispatch_checker(RemoteAction.action_response_format_spec())
    assert check is not None
    action = RemoteAction("action_policy_turn", EndpointConfig("http://127.0.0.1:1/webhook"))
    ok, bad = _responses()
    assert len(ok) > 20 and len(bad) > 40
    for r in ok:
        assert _rasa_valid(r) and check(r), r
        assert action._validate_action_result(r) is True
    for r in bad:
        assert not _rasa_valid(r), r
        assert not check(r), r
        with pytest.raises(ValidationError) as ours:
            action._validate_action_result(r)
        with pytest.raises(ValidationError) as theirs:
            rasa_own(action, r)
        assert ours.value.message == theirs.value.message, r


def _broken(value, rng, depth: int = 0):
    """`value` with one part replaced, removed or added (JSON values of every type)."""
    kinds = [None, True, False, 0, 1, -2.5, float("nan"), "", "x", "slot", [], [1, "a"], {}, {"a": 1}, {"event": "bot"}]
    if isinstance(value, dict) and value and rng.random() < 0.8:
        key = rng.choice(sorted(value))
        out = dict(value)
        what = rng.random()
        if what < 0.2:
            del out[key]
        elif what < 0.3:
            out[f"extra{depth}"] = rng.choice(kinds)
        else:
            out[key] = _broken(value[key], rng, depth + 1) if rng.random() < 0.5 else copy.deepcopy(rng.choice(kinds))
        return out
    if isinstance(value, list) and value and rng.random() < 0.8:
        out = list(value)
        i = rng.randrange(len(out))
        out[i] = _broken(out[i], rng, depth + 1) if rng.random() < 0.6 else copy.deepcopy(rng.choice(kinds))
        return out
    return copy.deepcopy(rng.choice(kinds))


def test_compiled_schemas_say_what_jsonschema_says():
    import random

    import jsonschema
    from rasa.core.actions.action import RemoteAction

    spec = RemoteAction.action_response_format_spec()
    outer = copy.deepcopy(spec)
    del outer["properties"]["events"]["items"]["oneOf"]
    branches = spec["properties"]["events"]["items"]["oneOf"]
    schemas = [outer] + branches + [{}, {"type": ["number", "null"]}, {"const": "x"}, {"items": {"type": "object"}},
                                    {"required": ["a"], "properties": {"a": {"type": "boolean"}}}]
    compiled = [(s, runtime_speedups.compile_schema(s)) for s in schemas]
    assert sum(f is not None for _, f in compiled) >= 20
    assert runtime_speedups.compile_schema({"type": "integer"}) is None
    assert runtime_speedups.compile_schema({"oneOf": [{}]}) is None
    assert runtime_speedups.compile_schema({"const": 1}) is None
    ok, bad = _responses()
    samples = ok + bad + [e for r in ok + bad if isinstance(r, dict) and isinstance(r.get("events"), list)
                          for e in r["events"]]
    rng = random.Random(15)
    for _ in range(4000):
        samples.append(_broken(rng.choice(samples), rng))
    cls = jsonschema.validators.validator_for(spec)
    n = 0
    for schema, fast in compiled:
        if fast is None:
            continue
        validator = cls(schema)
        for x in samples:
            assert fast(x) == validator.is_valid(x), (schema, x)
            n += 1
    assert n > 50_000
    check = runtime_speedups.dispatch_checker(spec)
    full = cls(spec)
    assert sum(check(x) for x in samples) > 100
    for x in samples:
        assert check(x) == full.is_valid(x), x


def test_a_schema_of_another_shape_is_not_sped_up():
    from rasa.core.actions.action import RemoteAction
    spec = RemoteAction.action_response_format_spec()
    twice = copy.deepcopy(spec)
    twice["properties"]["events"]["items"]["oneOf"].append(twice["properties"]["events"]["items"]["oneOf"][0])
    assert runtime_speedups.dispatch_checker(twice) is None
    no_required = copy.deepcopy(spec)
    del no_required["properties"]["events"]["items"]["required"]
    assert runtime_speedups.dispatch_checker(no_required) is None


# --- sparse_hstack -----------------------------------------------------------------------------------------------

def test_sparse_features_are_joined_exactly_as_scipys_hstack_joins_them():
    import numpy as np
    import scipy.sparse as sp
    from rasa.shared.nlu.training_data.features import Features

    rasa_own = runtime_speedups.ORIGINALS["Features._combine_sparse_features"]
    assert Features._combine_sparse_features is not rasa_own
    for i in range(120):
        rows, c1, c2 = 1 + i % 23, 1 + (i * 37) % 4000, 1 + (i * 91) % 3000
        dt1, dt2 = [np.float32, np.float64, np.int64][i % 3], [np.float32, np.float64][i % 2]
        a = sp.random(rows, c1, density=0.02 * (i % 4), format="coo", dtype=dt1, random_state=i)
        b = sp.random(rows, c2, density=0.05, format="coo", dtype=dt2, random_state=i + 1)
        ours, theirs = (Features(a.copy(), "sequence", "text", "x") for _ in range(2))
        ours._combine_sparse_features(Features(b.copy(), "sequence", "text", "y"))
        rasa_own(theirs, Features(b.copy(), "sequence", "text", "y"))
        assert _same_coo(theirs.features, ours.features)
    # other formats and mismatched rows: Rasa's own code (same result, same error)
    f = Features(sp.csr_matrix(np.eye(3)), "sequence", "text", "x")
    f._combine_sparse_features(Features(sp.coo_matrix(np.ones((3, 2))), "sequence", "text", "y"))
    assert f.features.shape == (3, 5)
    with pytest.raises(ValueError, match="sequence dimensions do not match"):
        Features(sp.coo_matrix(np.eye(3)), "sequence", "text", "x")._combine_sparse_features(
            Features(sp.coo_matrix(np.eye(2)), "sequence", "text", "y"))


# --- tf_flat_call -----------------------------------------------------------------------------------------------

def test_the_flat_call_gives_what_the_structured_call_gives_and_declines_what_it_is_not_sure_of():
    import numpy as np
    import tensorflow as tf

    v = tf.Variable(np.arange(3, dtype=np.float32))

    def step(batch):
        a, b, c = batch
        return {"s": tf.reduce_sum(a, axis=-1) + v[0], "b": tf.cast(b, tf.float32) * 2.0, "c": [c + v, a[:, 0]]}

    sig = [[tf.TensorSpec([None, None, 3], tf.float32), tf.TensorSpec([None], tf.int64),
            tf.TensorSpec([3], tf.float32)]]
    function = tf.function(step, input_signature=sig).get_concrete_function()
    call = runtime_speedups.flat_caller(function)
    assert call is not None
    rng = np.random.default_rng(3)
    for n in range(1, 6):
        batch = (rng.random((n, n + 2, 3), dtype=np.float32), rng.integers(0, 9, n + 1),
                 rng.random(3, dtype=np.float32))
        for b in (batch, list(batch)):
            ours, theirs = call(b), function(b)
            flat_o, flat_t = tf.nest.flatten(ours), tf.nest.flatten(theirs)
            assert tf.nest.map_structure(lambda _: 0, ours) == tf.nest.map_structure(lambda _: 0, theirs)
            assert all(x.dtype == y.dtype and np.array_equal(x.numpy(), y.numpy()) for x, y in zip(flat_o, flat_t))
    ok = (np.ones((2, 4, 3), np.float32), np.arange(5), np.ones(3, np.float32))
    # another dtype, rank or fixed size, too few arrays, not arrays: the structured call's business
    for bad in ((np.ones((2, 4, 3), np.float64),) + ok[1:], (np.ones((2, 4, 2), np.float32),) + ok[1:],
                (np.ones((4, 3), np.float32),) + ok[1:], ok[:2], (tf.constant(ok[0]),) + ok[1:], "abc"):
        assert call(bad) is None
    # a signature that is not one list of tensors: no flat caller
    two = tf.function(lambda a, b: a + b, input_signature=[tf.TensorSpec([None], tf.float32)] * 2)
    assert runtime_speedups.flat_caller(two.get_concrete_function()) is None


# --- count_vectors ----------------------------------------------------------------------------------------------

COUNT_DOCS = ["千阳 的 脱贫户 签 了 一年 合同", "社区工厂 干 了 一年 能 拿 多少 补贴", "补帖", "__NUMBER__ 个 人", "a b a b a",
              "", "   ", "Ärger über ÜBER", "zzz 未见过 的 字", "一" * 50]


def _same_coo(x, y) -> bool:
    """The same matrix object: every attribute (arrays: dtype, shape, values, byte order) equal."""
    import numpy as np
    if type(x) is not type(y) or x.__dict__.keys() != y.__dict__.keys():
        return False
    for k, a in x.__dict__.items():
        b = y.__dict__[k]
        if isinstance(a, np.ndarray):
            if not (isinstance(b, np.ndarray) and a.dtype == b.dtype and a.shape == b.shape
                    and a.dtype.isnative == b.dtype.isnative and np.array_equal(a, b)):
                return False
        elif type(a) is not type(b) or a != b:
            return False
    return True


def test_a_checked_coo_matrix_is_the_one_scipy_builds():
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse._sputils import get_index_dtype

    for shape, dtype, n in (((3, 7), np.int64, 5), ((1, 70_000), np.float32, 9), ((4, 2), np.float64, 0)):
        rng = np.random.default_rng(n)
        idx = get_index_dtype(maxval=max(shape))
        row = rng.integers(0, shape[0], n).astype(idx)
        col = rng.integers(0, shape[1], n).astype(idx)
        data = rng.random(n).astype(dtype)
        ours = runtime_speedups.checked_coo(data, row, col, shape)
        assert _same_coo(ours, coo_matrix((data, (row, col)), shape=shape))
        assert np.array_equal(ours.toarray(), coo_matrix((data, (row, col)), shape=shape).toarray())


def test_counts_are_the_matrices_sklearn_gives():
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer

    configs = [{}, {"analyzer": "char_wb", "ngram_range": (1, 3)}, {"analyzer": "char", "ngram_range": (2, 4)},
               {"binary": True}, {"dtype": np.float32, "lowercase": False}, {"token_pattern": r"(?u)\b\w+\b"},
               {"analyzer": "char_wb", "ngram_range": (1, 3), "max_features": 40, "binary": True}]
    for config in configs:
        vectorizer = CountVectorizer(**config).fit(COUNT_DOCS[:5] + ["千阳 补贴 合同 __OOV__"])
        for docs in (COUNT_DOCS, COUNT_DOCS[:1], ["", "还没"], [" ".join(COUNT_DOCS)], COUNT_DOCS[3].split()):
            theirs = vectorizer.transform(docs)
            theirs.sort_indices()
            assert _same_coo(runtime_speedups.count_coo(vectorizer, docs), theirs.tocoo()), (config, docs)
    # not sure: sklearn's own (None here)
    assert runtime_speedups.count_coo(CountVectorizer(), COUNT_DOCS) is None                    # not fitted
    assert runtime_speedups.count_coo(CountVectorizer().fit(COUNT_DOCS), "a string") is None


def test_the_featurizer_makes_the_features_rasa_makes():
    from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
    from sklearn.feature_extraction.text import CountVectorizer

    rasa_own = runtime_speedups.ORIGINALS["CountVectorsFeaturizer._create_features"]
    assert CountVectorsFeaturizer._create_features is not rasa_own
    featurizer = CountVectorsFeaturizer.__new__(CountVectorsFeaturizer)     # _create_features reads vectorizers only
    for vectorizers in ({"text": CountVectorizer(analyzer="char_wb", ngram_range=(1, 3)).fit(COUNT_DOCS),
                         "intent": CountVectorizer().fit(["inform greet", "ask_what_can_i_get"])},
                        {"text": None}, {}):
        featurizer.vectorizers = vectorizers
        for attribute, all_tokens in (("text", [d.split() for d in COUNT_DOCS]), ("text", [[]]),
                                      ("intent", [["inform"], ["greet", "zzz"]]), ("response", [["x"]])):
            if attribute not in vectorizers and vectorizers:
                continue
            ours, theirs = featurizer._create_features(attribute, all_tokens), rasa_own(featurizer, attribute,
                                                                                        all_tokens)
            assert len(ours[0]) == len(theirs[0]) and len(ours[1]) == len(theirs[1])
            for x, y in zip(ours[0] + ours[1], theirs[0] + theirs[1]):
                assert (x is None and y is None) or _same_coo(x, y)


# --- feature_copies ---------------------------------------------------------------------------------------------

def _features_list(seed: int) -> list:
    import numpy as np
    import scipy.sparse as sp
    from rasa.shared.nlu.training_data.features import Features

    rng = np.random.default_rng(seed)
    rows = 1 + seed % 5
    out = []
    for i in range(1 + seed % 4):
        if seed % 3 == 2:
            m = rng.random((rows, 3 + i)).astype(np.float32)                     # dense
        else:
            m = sp.random(rows, 5 + 7 * i, density=0.3, format="coo", random_state=seed + i,
                          dtype=[np.float64, np.int64][i % 2])
        f = Features(m, "sequence", "text", ["RegexFeaturizer", f"CountVectorsFeaturizer{i}"] if i % 2 else f"F{i}")
        if i == 1:
            f.fingerprint()                                                    # a cached fingerprint is copied too
        out.append(f)
    return out


def _same_features(x, y) -> bool:
    import numpy as np
    if type(x) is not type(y) or x.__dict__.keys() != y.__dict__.keys():
        return False
    for k, a in x.__dict__.items():
        b = y.__dict__[k]
        if k == "features":
            if isinstance(a, np.ndarray):
                if not (isinstance(b, np.ndarray) and a.dtype == b.dtype and np.array_equal(a, b)):
                    return False
            elif not _same_coo(a.tocoo() if a.format != "coo" else a, b.tocoo() if b.format != "coo" else b):
                return False
        elif a != b:
            return False
    return True


def test_features_are_combined_and_faked_as_rasa_does_it():
    import numpy as np
    from rasa.shared.nlu.training_data.message import Message
    from rasa.utils.tensorflow import model_data_utils

    own_combine = runtime_speedups.ORIGINALS["Message._combine_features"].__func__
    own_fake = runtime_speedups.ORIGINALS["model_data_utils._create_fake_features"]
    assert Message._combine_features is not own_combine and model_data_utils._create_fake_features is not own_fake
    for seed in range(24):
        features = _features_list(seed)
        before = [copy.deepcopy(f) for f in features]
        for featurizers in ([], ["CountVectorsFeaturizer1"]):
            ours, theirs = Message._combine_features(features, featurizers), own_combine(features, featurizers)
            assert _same_features(ours, theirs)
            assert ours is not features[0] and ours.features is not features[0].features
        ours = model_data_utils._create_fake_features([[features, None], [None]])
        theirs = own_fake([[features, None], [None]])
        assert len(ours) == len(theirs) and all(_same_features(a, b) for a, b in zip(ours, theirs))
        assert all(a is not f and a.features is not f.features for a, f in zip(ours, features))
        # the message's own features are unchanged
        assert all(_same_features(f, b) for f, b in zip(features, before))
    assert Message._combine_features([], []) is None is own_combine([], [])
    # a join that fails fails as Rasa's (and leaves the features as they were)
    bad = _features_list(0)[:1] + _features_list(2)[:1]
    with pytest.raises(ValueError) as ours_error:
        Message._combine_features(bad, [])
    with pytest.raises(ValueError) as theirs_error:
        own_combine(bad, [])
    assert str(ours_error.value) == str(theirs_error.value)
    assert isinstance(bad[1].features, np.ndarray)


# --- past_states_once -------------------------------------------------------------------------------------------

def test_past_states_are_rasas_however_often_they_are_asked_for():
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    rasa_own = runtime_speedups.ORIGINALS["DialogueStateTracker.past_states"]
    assert DialogueStateTracker.past_states is not rasa_own
    domain = Domain.load("domain.yml")
    tracker = DialogueStateTracker("u", domain.slots)
    argsets = [{}, {"omit_unset_slots": True}, {"ignore_rule_only_turns": True},
               {"ignore_rule_only_turns": True, "rule_only_data": {"slots": ["asked"], "active_loops": []}},
               {"ignore_rule_only_turns": True, "rule_only_data": {"slots": [], "active_loops": []}}]
    events = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]
    for i, (intent, text, entities, channel) in enumerate(ACTION_TURNS[0] + ACTION_TURNS[1]):
        events += [UserUttered(text, {"name": intent, "confidence": 0.9}, entities, input_channel=channel),
                   ActionExecuted("action_policy_turn", policy="RulePolicy", confidence=1.0,
                                  hide_rule_turn=bool(i % 2)),
                   SlotSet("place", ["千阳县", "三亚市"][i % 2]), SlotSet("facts", {"n": i}),
                   BotUttered(f"答{i}"), ActionExecuted("action_listen", hide_rule_turn=bool(i % 3))]
    checked = 0
    for e in events:
        tracker.update(e)
        for _ in range(2):                          # the second time from what the tracker kept
            for args in argsets:
                ours, theirs = tracker.past_states(domain, **args), rasa_own(tracker, domain, **args)
                assert ours == theirs, args
                if ours:                            # a caller edits its states: the next caller is not affected
                    ours[-1].clear()
                    ours[0]["extra"] = {"x": 1}
                checked += 1
    assert checked == 2 * len(argsets) * len(events)
    # a copy of the tracker (deepcopy, as Rasa's tracker.copy()) and a tracker whose last event was replaced
    twin = tracker.copy()
    assert twin.past_states(domain) == rasa_own(tracker, domain)
    twin.events[-1] = ActionExecuted("action_documents")
    assert twin.past_states(domain) == rasa_own(twin, domain) != rasa_own(tracker, domain)
    # another domain: not mixed up
    other = Domain.from_dict({"intents": ["greet"], "actions": ["action_policy_turn"]})
    assert tracker.past_states(other) == rasa_own(tracker, other)
    assert runtime_speedups.copy_states([{"slots": {"x": [1]}}]) is None       # a list value: not kept


# --- domain_empty -----------------------------------------------------------------------------------------------

def test_a_domain_is_empty_when_rasa_says_it_is():
    from rasa.shared.core.domain import Domain

    rasa_own = runtime_speedups.ORIGINALS["Domain.is_empty"]
    assert Domain.is_empty is not rasa_own
    domains = [Domain.empty(), Domain.from_dict({}), Domain.load("domain.yml"),
               Domain.from_dict({"intents": ["greet"]}), Domain.from_dict({"responses": {"utter_x": [{"text": "x"}]}}),
               Domain.from_dict({"slots": {"place": {"type": "text", "mappings": [{"type": "custom"}]}}})]
    for _ in range(2):
        assert [d.is_empty() for d in domains] == [rasa_own(d) for d in domains] == [True, True] + [False] * 4


# --- action_body --------------------------------------------------------------------------------------------------

# (intent, text, entities, input channel): two conversations' turns, each followed by every custom action
ACTION_TURNS = [
    [("greet", "你好", [], "rest"), ("ask_transport", "千阳的脱贫户去浙江打工 车票680 能报多少", [], "rest"),
     ("inform", "签了一年合同", [{"entity": "duration", "value": "一年", "start": 2, "end": 4}], "rest"),
     ("ask_documents", "要带什么材料", [], "rest"), ("ask_where_apply", "去哪里办", [], "wechat"),
     ("ask_validity", "这个政策什么时候到期", [], "wechat"), ("thanks", "谢谢", [], "wechat"),
     ("delete_my_data", "删除我的记录", [], "wechat")],
    [("ask_employer_subsidy", "我们长沙的厂招了3个建档立卡贫困户 签了合同 干满一年了 社保也交了 有啥补贴",
      [{"entity": "place", "value": "长沙", "start": 2, "end": 4}], "rest"),
     ("ask_what_can_i_get", "还能领啥", [], "rest"), ("deny", "不是", [], "rest"),
     ("ask_startup_loan", "我是三亚的贫困户 想开个小店 能贷多少款",
      [{"entity": "place", "value": "三亚", "start": 2, "end": 4}], "rest")],
]


def test_the_actions_answer_the_trimmed_action_body_as_they_answer_rasas(tmp_path, monkeypatch):
    import yaml
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import (ActionExecuted, BotUttered, SessionStarted, UserUttered, Event)
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig
    from rasa_sdk.executor import ActionExecutor

    from actions import audit

    monkeypatch.setenv("AUDIT_DB_URL", f"sqlite:///{tmp_path / 'audit.db'}")
    monkeypatch.setenv("ASSISTANT_TODAY", "2026-11-22")
    audit.reset()
    rasa_own = runtime_speedups.ORIGINALS["RemoteAction._action_call_format"]
    assert RemoteAction._action_call_format is not rasa_own
    domain = Domain.load("domain.yml")
    names = yaml.safe_load(open("domain.yml", encoding="utf-8"))["actions"]
    executor = ActionExecutor()
    executor.register_package("actions")
    endpoint = EndpointConfig("http://127.0.0.1:1/webhook")
    compared, slot_events, texts = 0, 0, []
    try:
        for c, turns in enumerate(ACTION_TURNS):
            tracker = DialogueStateTracker(f"wx:action-body-{c}", domain.slots)
            for e in (ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")):
                tracker.update(e)
            for intent, text, entities, channel in turns:
                tracker.update(UserUttered(text, {"name": intent, "confidence": 0.9}, entities,
                                           {"intent": {"name": intent, "confidence": 0.9}, "entities": entities,
                                            "text": text}, input_channel=channel))
                rule_action = None
                for name in names:
                    action = RemoteAction(name, endpoint)
                    full, ours = rasa_own(action, tracker, domain), action._action_call_format(tracker, domain)
                    events = full["tracker"]["events"]
                    assert "domain" in full and "domain" not in ours
                    assert {k: v for k, v in ours.items()} == {k: v for k, v in full.items() if k != "domain"} | {
                        "tracker": ours["tracker"]}
                    assert {k: v for k, v in ours["tracker"].items() if k != "events"} == {
                        k: v for k, v in full["tracker"].items() if k != "events"}
                    tail = ours["tracker"]["events"]
                    assert tail == events[len(events) - len(tail):] and tail[0]["event"] == "user"
                    assert not any(e["event"] == "user" for e in tail[1:])
                    theirs_out = asyncio.run(executor.run(copy.deepcopy(full)))
                    ours_out = asyncio.run(executor.run(copy.deepcopy(ours)))
                    assert ours_out == theirs_out, (name, text)
                    compared += 1
                    slot_events += sum(e.get("event") == "slot" for e in theirs_out.get("events") or [])
                    texts += [r.get("text") for r in theirs_out.get("responses") or [] if r.get("text")]
                    if rule_action is None and theirs_out.get("events") is not None:
                        rule_action = (name, theirs_out)
                # the conversation goes on with what the first action did (slots, replies), as in a server
                name, out = rule_action
                tracker.update(ActionExecuted(name))
                for e in out["events"]:
                    tracker.update(Event.from_parameters(e))
                for r in out["responses"]:
                    if r.get("text"):
                        tracker.update(BotUttered(r["text"]))
                tracker.update(ActionExecuted("action_listen"))
    finally:
        audit.reset()
    assert compared == len(names) * sum(len(t) for t in ACTION_TURNS)
    from actions.actions import SORRY
    assert slot_events > 10 and len(texts) > 20 and SORRY not in texts and any("500元" in t for t in texts)
    # no user message yet: every event
    tracker = DialogueStateTracker("x", domain.slots)
    tracker.update(ActionExecuted("action_session_start"))
    body = RemoteAction("action_smalltalk", endpoint)._action_call_format(tracker, domain)
    assert body["tracker"]["events"] == rasa_own(RemoteAction("action_smalltalk", endpoint), tracker,
                                                  domain)["tracker"]["events"]


# --- graph_sequential, tf_concrete_call, sparse_hstack: the model through Rasa's code and ours ------------------

def _rasa_own_graph_and_tf(on: bool) -> None:
    """Switch the NLU/policy graph runner, DIET's call and the feature join between ours (on) and Rasa's own."""
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.shared.nlu.training_data.features import Features
    from rasa.utils.tensorflow.models import RasaModel
    from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
    from rasa.shared.nlu.training_data.message import Message
    from rasa.utils.tensorflow import model_data_utils
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.core.policies.rule_policy import RulePolicy
    if not hasattr(_rasa_own_graph_and_tf, "ours"):
        _rasa_own_graph_and_tf.ours = (DaskGraphRunner.run, RasaModel._rasa_predict,
                                       Features._combine_sparse_features, CountVectorsFeaturizer._create_features,
                                       Message.__dict__["_combine_features"], model_data_utils._create_fake_features,
                                       DialogueStateTracker.past_states, RulePolicy._get_possible_keys)
    o = runtime_speedups.ORIGINALS
    funcs = _rasa_own_graph_and_tf.ours if on else (o["DaskGraphRunner.run"], o["RasaModel._rasa_predict"],
                                                    o["Features._combine_sparse_features"],
                                                    o["CountVectorsFeaturizer._create_features"],
                                                    o["Message._combine_features"],
                                                    o["model_data_utils._create_fake_features"],
                                                    o["DialogueStateTracker.past_states"],
                                                    o["RulePolicy._get_possible_keys"])
    (DaskGraphRunner.run, RasaModel._rasa_predict, Features._combine_sparse_features,
     CountVectorsFeaturizer._create_features, Message._combine_features,
     model_data_utils._create_fake_features, DialogueStateTracker.past_states, RulePolicy._get_possible_keys) = funcs


@pytest.mark.slow
def test_the_model_gives_the_same_results_through_our_graph_runner_tensorflow_call_counts_and_features():
    if not MODEL.is_file():
        pytest.fail(f"no trained model at {MODEL}: run `make train` (make test does)")
    from rasa.core.agent import load_agent
    from rasa.core.channels.channel import UserMessage
    from rasa.shared.nlu.training_data.loading import load_data

    texts = [m.get("text") for m in load_data("tests/nlu/holdout.yml").intent_examples if m.get("text")]
    texts += ["", "   ", "/greet", "a" * 300, "我在社区工厂干了一年能拿多少补贴"]

    async def run_all(on: bool):
        _rasa_own_graph_and_tf(on)
        agent = await load_agent(model_path=str(MODEL))
        parses = [await agent.parse_message(t) for t in texts]
        preds = []
        for i, t in enumerate(texts[:60]):                 # the policy graph: the next action after each message
            sender = f"u{i}"
            await agent.processor.log_message(UserMessage(t, sender_id=sender))
            tracker = await agent.processor.get_tracker(sender)
            preds.append(agent.processor._predict_next_with_tracker(tracker))
        return parses, preds

    try:
        theirs = asyncio.run(run_all(False))
        ours = asyncio.run(run_all(True))
    finally:
        _rasa_own_graph_and_tf(True)
    assert len(ours[0]) == len(theirs[0]) > 200
    assert ours[0] == theirs[0]                            # exactly equal: the same graph on the same inputs

    def pred(p):
        return (p.max_confidence_index, p.policy_name, list(p.probabilities), p.events, p.is_end_to_end_prediction,
                p.is_no_user_prediction, p.hide_rule_turn, p.action_metadata)
    assert [pred(p) for p in ours[1]] == [pred(p) for p in theirs[1]]


# --- rule_keys --------------------------------------------------------------------------------------------------

def _random_rules_and_states(seed: int):
    """Rule keys (JSON, as RulePolicy stores them) and conversation states drawn from the same small vocabulary,
    with conversation starts, lists, SHOULD_NOT_BE_SET and empty values."""
    import json
    import random

    from rasa.shared.core.constants import SHOULD_NOT_BE_SET
    rng = random.Random(seed)
    values = {("user", "intent"): ["inform", "greet", "ask_documents"],
              ("user", "entities"): [("place",), ("place", "category"), ()],
              ("prev_action", "action_name"): ["action_listen", "action_policy_turn", "utter_greet"],
              ("slots", "place"): [(1.0,), (0.0,), SHOULD_NOT_BE_SET],
              ("slots", "asked"): [(1.0,), SHOULD_NOT_BE_SET, ""],
              ("active_loop", "name"): [SHOULD_NOT_BE_SET, "form_x"]}

    def state(start: bool, for_rule: bool) -> dict:
        out: dict = {}
        for (sub, key), choices in values.items():
            if (sub == "prev_action" and start) or rng.random() < (0.5 if for_rule else 0.2):
                continue
            v = rng.choice(choices)
            out.setdefault(sub, {})[key] = list(v) if for_rule and isinstance(v, tuple) else v
        return out

    def states(n: int, for_rule: bool) -> list:
        return [state(i == 0 and rng.random() < 0.5, for_rule) for i in range(n)]

    rules = {json.dumps(states(rng.randint(1, 4), True), sort_keys=True): f"action_{i}" for i in range(60)}
    convs = [states(rng.randint(0, 6), False) for _ in range(200)]
    # a rule's own states as a conversation's (lists read back as tuples), and with a turn before them
    for key in list(rules)[:20]:
        own = [{s: {k: tuple(v) if isinstance(v, list) else v for k, v in sub.items()} for s, sub in st.items()}
               for st in json.loads(key)]
        convs += [own, states(1, False) + own]
    return rules, convs


def test_the_rules_that_apply_are_the_ones_rasa_finds():
    from rasa.core.policies.rule_policy import RulePolicy

    rasa_own = runtime_speedups.ORIGINALS["RulePolicy._get_possible_keys"]
    assert RulePolicy._get_possible_keys is not rasa_own
    policy = RulePolicy.__new__(RulePolicy)             # the methods involved read no attribute of the policy
    found = 0
    for seed in range(5):
        rules, convs = _random_rules_and_states(seed)
        for states in convs:
            ours = policy._get_possible_keys(rules, states)
            assert ours == rasa_own(policy, rules, states), states
            found += len(ours)
        assert policy._get_possible_keys({}, convs[0]) == set()
    assert found > 100                                  # the draws do make rules apply

    class OwnMatching(RulePolicy):                      # a subclass matching its own way keeps Rasa's loop
        @staticmethod
        def _does_rule_match_state(rule_state, conversation_state) -> bool:
            return True

    other = OwnMatching.__new__(OwnMatching)
    rules, convs = _random_rules_and_states(9)
    assert all(other._get_possible_keys(rules, s) == rasa_own(other, rules, s) for s in convs)


# --- debug_args -------------------------------------------------------------------------------------------------

class _RecordingLogger:
    """A structlog-like logger whose debug records are kept."""

    def __init__(self):
        self.records = []

    def bind(self):
        return self

    def debug(self, event, **kw):
        self.records.append((event, kw))


def test_debug_log_arguments_are_copied_only_for_records_that_are_logged(monkeypatch):
    import copy
    import importlib
    import inspect
    import logging

    import structlog
    from rasa.core.processor import MessageProcessor
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    for name in runtime_speedups.DEBUG_COPY_MODULES:
        module = importlib.import_module(name)
        assert isinstance(module.copy, runtime_speedups.DebugArgumentCopy), name
        assert runtime_speedups.ORIGINALS[f"{name}.copy"] is copy
    # a module that copies anything else keeps the copy module
    assert runtime_speedups.copies_only_for_debug_logs("import copy\nstructlogger.debug('x', a=copy.deepcopy(b))\n")
    assert not runtime_speedups.copies_only_for_debug_logs(
        "import copy\nstructlogger.debug('x', a=copy.deepcopy(b))\nc = copy.deepcopy(d)\n")
    assert not runtime_speedups.copies_only_for_debug_logs("import copy\nlogger.debug('x', copy.deepcopy(b))\n")
    assert not runtime_speedups.copies_only_for_debug_logs(inspect.getsource(importlib.import_module(
        "rasa.core.actions.action")))                  # copies a user event for its own use

    processor = importlib.import_module("rasa.core.processor")
    value = {"events": [{"event": "slot", "value": ["千阳县"]}]}
    recorder = _RecordingLogger()
    monkeypatch.setattr(processor, "structlogger", recorder)          # debug records logged: real copies
    copied = processor.copy.deepcopy(value)
    assert copied == value and copied is not value and copied["events"][0] is not value["events"][0]
    monkeypatch.setattr(processor, "structlogger", structlog.make_filtering_bound_logger(logging.INFO)(None, [], {}))
    assert processor.copy.deepcopy(value) is value                      # dropped: not copied
    assert processor.copy.copy is copy.copy

    # the slots' debug line: the same record when logged, none when not (as Rasa's, whose record is dropped)
    domain = Domain.load("domain.yml")
    tracker = DialogueStateTracker("u", domain.slots)
    tracker.slots["place"].value = "千阳县"
    rasa_log_slots = runtime_speedups.ORIGINALS["MessageProcessor._log_slots"]
    theirs, ours = _RecordingLogger(), _RecordingLogger()
    monkeypatch.setattr(processor, "structlogger", theirs)
    rasa_log_slots(tracker)
    monkeypatch.setattr(processor, "structlogger", ours)
    MessageProcessor._log_slots(tracker)
    assert ours.records == theirs.records and "千阳县" in ours.records[0][1]["slot_values"]
    quiet = structlog.make_filtering_bound_logger(logging.INFO)(None, [], {})
    monkeypatch.setattr(processor, "structlogger", quiet)
    assert not runtime_speedups.debug_logged(processor)
    MessageProcessor._log_slots(tracker)                               # nothing built, nothing logged


# --- coo_direct -------------------------------------------------------------------------------------------------

def test_the_featurizers_matrices_are_the_ones_scipy_builds():
    import importlib

    import numpy as np
    import scipy.sparse
    from scipy.sparse import coo_matrix

    for name in runtime_speedups.COO_MODULES:
        assert isinstance(importlib.import_module(name).scipy, runtime_speedups.DirectCOO), name
    direct = runtime_speedups.DirectCOO(scipy).sparse
    rng = np.random.default_rng(3)
    for shape in ((1, 9), (7, 9), (3, 70_000), (0, 4), (5, 0)):
        for dtype in (np.float64, np.float32, np.int64, bool):
            dense = (rng.random(shape) < 0.2).astype(dtype) * (rng.integers(1, 4, shape) if dtype is not bool else 1)
            dense = dense.astype(dtype)
            assert _same_coo(direct.coo_matrix(dense), coo_matrix(dense)), (shape, dtype)
            n = int(rng.integers(0, 6)) if 0 not in shape else 0
            rows, cols = list(rng.integers(0, max(shape[0], 1), n)), list(rng.integers(0, max(shape[1], 1), n))
            data = np.ones(len(rows)).astype(dtype)
            args = ((data, (np.array(rows), np.array(cols))),)
            assert _same_coo(direct.coo_matrix(*args, shape=shape), coo_matrix(*args, shape=shape)), (shape, dtype)
    # what the fast path is not sure of goes to scipy, with scipy's result or error
    assert _same_coo(direct.coo_matrix(np.eye(3), dtype=np.float32), coo_matrix(np.eye(3), dtype=np.float32))
    assert _same_coo(direct.coo_matrix(coo_matrix(np.eye(2))), coo_matrix(coo_matrix(np.eye(2))))
    assert _same_coo(direct.coo_matrix([[0, 1], [2, 0]]), coo_matrix([[0, 1], [2, 0]]))
    for bad_rows in ([5], [-1]):
        with pytest.raises(ValueError) as ours:
            direct.coo_matrix((np.ones(1), (np.array(bad_rows), np.array([0]))), shape=(2, 2))
        with pytest.raises(ValueError) as theirs:
            coo_matrix((np.ones(1), (np.array(bad_rows), np.array([0]))), shape=(2, 2))
        assert str(ours.value) == str(theirs.value)
    assert direct.csr_matrix is scipy.sparse.csr_matrix


# --- listen_no_copy, coo_direct: with the trained model ----------------------------------------------

def _without_ids(value):
    """Events as dicts without what differs between two runs of the same conversation (times, message ids)."""
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k not in ("timestamp", "message_id")}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


@pytest.mark.slow
def test_featurizer_matrices_and_listen_without_copy_give_what_rasa_gives():
    if not MODEL.is_file():
        pytest.fail(f"no trained model at {MODEL}: run `make train` (make test does)")
    import importlib

    from rasa.core.actions.action import ActionListen, ActionBotResponse
    from rasa.core.agent import load_agent
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    from rasa.core.policies.policy import PolicyPrediction
    from rasa.core.processor import MessageProcessor
    from rasa.shared.core.events import BotUttered, SlotSet

    o = runtime_speedups.ORIGINALS
    agent = asyncio.run(load_agent(model_path=str(MODEL)))
    texts = ["我在社区工厂干了一年能拿多少补贴", "千阳的", "脱贫户 签了一年合同", "那要带啥材料", "", "/greet",
             "我们长沙的厂招了3个建档立卡贫困户 签了合同 干满一年了 社保也交了 有啥补贴", "a" * 300]

    parsed = [asyncio.run(agent.parse_message(t)) for t in texts]
    assert all(p["intent"]["name"] for p in parsed[:4])

    # coo_direct: the same parses with scipy's own constructors in the featurizers
    modules = [importlib.import_module(n) for n in runtime_speedups.COO_MODULES]
    for m in modules:
        m.scipy = o[f"{m.__name__}.scipy"]
    try:
        assert [asyncio.run(agent.parse_message(t)) for t in texts] == parsed
    finally:
        for m in modules:
            m.scipy = runtime_speedups.DirectCOO(o[f"{m.__name__}.scipy"])

    # listen_no_copy: action_listen (and another action) run on twin trackers through Rasa's _run_action and ours
    async def run(fn, action, events):
        sender = f"listen-{len(senders)}"
        senders.append(sender)
        await agent.processor.log_message(UserMessage("千阳的脱贫户 签了一年合同", sender_id=sender))
        tracker = await agent.processor.get_tracker(sender)
        tracker.update(SlotSet("place", "千阳县"))
        tracker.update(BotUttered("好"))
        out = CollectingOutputChannel()
        prediction = PolicyPrediction.for_action_name(agent.domain, action.name(), "RulePolicy")
        prediction.events = events
        again = await fn(agent.processor, action, tracker, out, agent.processor.nlg, prediction)
        return again, [e.as_dict() for e in tracker.events][1:], tracker.current_state(), \
            [{k: v for k, v in m.items() if k != "recipient_id"} for m in out.messages], tracker.__dict__.keys()

    assert MessageProcessor._run_action is not o["MessageProcessor._run_action"]
    senders: list = []
    for action, events in ((ActionListen(), []), (ActionListen(), [SlotSet("asked", ["合同月数"])]),
                           (ActionBotResponse("utter_greet") if "utter_greet" in agent.domain.responses else
                            ActionListen(), [])):
        ours = asyncio.run(run(MessageProcessor._run_action, action, events))
        theirs = asyncio.run(run(o["MessageProcessor._run_action"], action, events))
        strip = _without_ids(ours[1]), _without_ids(theirs[1])
        assert strip[0] == strip[1] and ours[0] == theirs[0] and ours[3] == theirs[3], action.name()
        assert "copy" not in ours[4] and len(strip[0]) > 5


# --- prior_states_once ------------------------------------------------------------------------------------------

def test_states_from_one_replay_are_the_states_rasa_replays_for():
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import (ActionExecuted, ActiveLoop, BotUttered, FollowupAction, SessionStarted,
                                         SlotSet, UserUttered)
    from rasa.shared.core.trackers import DialogueStateTracker

    assert "prior_states_once" in runtime_speedups.applied()
    rasa_own = runtime_speedups.ORIGINALS["Domain.states_for_tracker_history"]
    domain = Domain.load("domain.yml")
    argsets = [(False, False, None), (True, False, None), (False, True, None), (True, True, None),
               (False, True, {"slots": ["asked"], "active_loops": ["form_x"]}),
               (False, True, {"slots": [], "active_loops": []})]
    events = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]
    for i, (intent, text, entities, channel) in enumerate(ACTION_TURNS[0] + ACTION_TURNS[1]):
        events += [UserUttered(text, {"name": intent, "confidence": 0.9}, entities, input_channel=channel),
                   ActionExecuted("action_policy_turn", policy="RulePolicy", hide_rule_turn=bool(i % 2)),
                   SlotSet("place", ["千阳县", "三亚市"][i % 2]), SlotSet("asked", ["合同月数"] if i % 3 else None),
                   BotUttered(f"答{i}")]
        if i == 1:                              # a loop and a follow-up action on the way
            events += [ActiveLoop("form_x"), ActionExecuted("form_x", hide_rule_turn=True),
                       FollowupAction("action_documents"), ActionExecuted("action_documents", hide_rule_turn=True),
                       ActiveLoop(None)]
        events.append(ActionExecuted("action_listen", hide_rule_turn=bool(i % 3)))
    tracker = DialogueStateTracker("u", domain.slots)
    checked = 0
    for e in events:
        tracker.update(e)
        kept: dict = {}
        for _ in range(2):                      # the second time from the kept turns
            for omit, ignore, rule_only in argsets:
                ours = runtime_speedups.states_from_turns(tracker, domain, omit, ignore, rule_only, kept)
                assert ours == rasa_own(domain, tracker, omit, ignore, rule_only), (e, omit, ignore, rule_only)
                for state in ours:              # a caller edits its states: the kept turns are not affected
                    state.clear()
                checked += 1
    assert checked == 2 * len(argsets) * len(events)
    # a domain of a class with its own states_for_tracker_history: not computed here

    class OwnDomain(Domain):
        def states_for_tracker_history(self, *args, **kwargs):
            return []

    own = OwnDomain.load("domain.yml")
    assert type(own) is OwnDomain and runtime_speedups.states_from_turns(tracker, own, False, False, None, {}) is None
    assert tracker.past_states(own) == []


# --- gc_freeze --------------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_a_loaded_model_is_frozen_and_answers_as_with_rasas_own_load():
    if not MODEL.is_file():
        pytest.fail(f"no trained model at {MODEL}: run `make train` (make test does)")
    import gc
    import time

    from rasa.core.agent import Agent, load_agent

    rasa_own, ours_load = runtime_speedups.ORIGINALS["Agent.load_model"], Agent.load_model
    assert ours_load is not rasa_own
    texts = ["我在社区工厂干了一年能拿多少补贴", "千阳的", "那要带啥材料", "海伦的 建档立卡户 娃上技校有补助没", ""]
    try:
        gc.unfreeze()
        ours = asyncio.run(load_agent(model_path=str(MODEL)))
        frozen = gc.get_freeze_count()
        assert frozen > 100_000                             # the model and everything alive then
        t0 = time.process_time()
        gc.collect()
        full_collection = time.process_time() - t0
        parsed = [asyncio.run(ours.parse_message(t)) for t in texts]

        class Cycle:                                        # garbage made after the freeze is still collected
            pass

        a, b = Cycle(), Cycle()
        a.other, b.other = b, a
        del a, b
        assert gc.collect() >= 2

        Agent.load_model = rasa_own                         # Rasa's own load: nothing frozen (apart from before)
        gc.unfreeze()
        theirs = asyncio.run(load_agent(model_path=str(MODEL)))
        assert gc.get_freeze_count() == 0
        t0 = time.process_time()
        gc.collect()
        assert time.process_time() - t0 > full_collection   # a full collection walks the model again
        assert [asyncio.run(theirs.parse_message(t)) for t in texts] == parsed
        assert parsed[0]["intent"]["name"]
    finally:
        Agent.load_model = ours_load
        gc.unfreeze()
