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


def test_a_schema_of_another_shape_is_not_sped_up():
    from rasa.core.actions.action import RemoteAction
    spec = RemoteAction.action_response_format_spec()
    twice = copy.deepcopy(spec)
    twice["properties"]["events"]["items"]["oneOf"].append(twice["properties"]["events"]["items"]["oneOf"][0])
    assert runtime_speedups.dispatch_checker(twice) is None
    no_required = copy.deepcopy(spec)
    del no_required["properties"]["events"]["items"]["required"]
    assert runtime_speedups.dispatch_checker(no_required) is None


# --- graph_sequential, tf_concrete_call: the model through Rasa's code and ours ---------------------------------

def _rasa_own_graph_and_tf(on: bool) -> None:
    """Switch the NLU/policy graph runner and DIET's call between ours (on) and Rasa's own."""
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.utils.tensorflow.models import RasaModel
    if not hasattr(_rasa_own_graph_and_tf, "ours"):
        _rasa_own_graph_and_tf.ours = (DaskGraphRunner.run, RasaModel._rasa_predict)
    run, predict = _rasa_own_graph_and_tf.ours if on else (runtime_speedups.ORIGINALS["DaskGraphRunner.run"],
                                                          runtime_speedups.ORIGINALS["RasaModel._rasa_predict"])
    DaskGraphRunner.run, RasaModel._rasa_predict = run, predict


@pytest.mark.slow
def test_the_model_gives_the_same_results_through_our_graph_runner_and_tensorflow_call():
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
