"""Tracker fixtures: drive the real actions (and the real policy module) as Rasa's action server would."""
import datetime as dt

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from assistant.state import State

TODAY = "2026-11-22"


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setenv("ASSISTANT_TODAY", TODAY)


class Conversation:
    """Keeps the slots between turns like the Rasa server does, and runs one action per user message."""

    def __init__(self, sender="test-user"):
        self.sender = sender
        self.slots = State().to_slots()
        self.events = []

    def tracker(self, intent, text, entities=None):
        latest = {"intent": {"name": intent, "confidence": 0.99}, "entities": entities or [], "text": text}
        return Tracker(self.sender, dict(self.slots), latest, list(self.events), False, None, {}, "action_listen")

    def run(self, action, intent, text, entities=None):
        dispatcher = CollectingDispatcher()
        events = action.run(dispatcher, self.tracker(intent, text, entities), {})
        for e in events:
            if e.get("event") == "slot":
                self.slots[e["name"]] = e["value"]
            if e.get("event") == "reset_slots":
                self.slots = State().to_slots()
        self.events += events
        return dispatcher.messages, events

    def say(self, intent, text, entities=None):
        from actions.actions import (ActionDocuments, ActionPolicyTurn, ActionValidity, ActionWhereApply)
        action = {"ask_documents": ActionDocuments(), "ask_where_apply": ActionWhereApply(),
                  "ask_validity": ActionValidity()}.get(intent, ActionPolicyTurn())
        msgs, _ = self.run(action, intent, text, entities)
        return "\n".join(m.get("text") or "" for m in msgs)


@pytest.fixture
def convo():
    return Conversation()
