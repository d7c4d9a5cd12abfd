"""The custom actions. Each reads the slots into a State, runs one turn of the conversation core (assistant/), and
writes the state back. Any unexpected error becomes a plain Chinese apology with the hotline, never a traceback or
silence."""
from __future__ import annotations

import logging
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from assistant.clock import today
from assistant.state import Decision, Reply, State, Turn
from assistant.turn import documents_turn, policy_turn, smalltalk_turn, validity_or_turn, where_turn
from policies.normalize import plain_text

from . import audit

logger = logging.getLogger(__name__)
ERASE_WORDS = re.compile(r"删|清除|清空|注销|别存|不要存|不要保存|别保存|忘掉|忘了我|抹掉")
SORRY = "抱歉，系统出了点问题，没能算出来。请稍后再试，或拨打12333、联系镇劳动保障事务所。"


def _send(dispatcher: CollectingDispatcher, replies: list[Reply]) -> None:
    for r in replies:
        if r.buttons:
            dispatcher.utter_message(text=r.text, buttons=r.buttons)
        else:
            dispatcher.utter_message(text=r.text)


def _slot_events(before: dict, state: State) -> list[dict]:
    after = state.to_slots()
    return [SlotSet(k, v) for k, v in after.items() if before.get(k) != v]


class _StateAction:
    """Mixin (not an Action itself: rasa-sdk registers every Action subclass as an action)."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[dict]:
        before = {k: tracker.get_slot(k) for k in State().to_slots()}
        state = State.from_slots(before)
        msg = tracker.latest_message or {}
        intent = (msg.get("intent") or {}).get("name")
        # (traditional characters and capital digits as the channel's clean-up writes them: bot/turns.clean_text)
        text = plain_text(msg.get("text") or "")
        entities = msg.get("entities") or []
        try:
            turn = self.turn(state, intent, text, entities)
        except Exception:  # never leave the user with silence or a traceback
            logger.exception("action %s failed", self.name())
            dispatcher.utter_message(text=SORRY)
            return []
        if turn is None:            # the core has nothing to add: the usual response for the intent
            dispatcher.utter_message(response=self.response_for(intent))
            return []
        _send(dispatcher, turn.replies)
        if turn.decision.stated:
            audit.record(tracker.sender_id, tracker.get_latest_input_channel(), intent, state.place,
                         turn.decision.stated, today())
        return _slot_events(before, state)

    def turn(self, state: State, intent, text, entities) -> Turn | None:
        raise NotImplementedError

    def response_for(self, intent) -> str:
        return "utter_default"


class ActionPolicyTurn(_StateAction, Action):
    def name(self) -> str:
        return "action_policy_turn"

    def turn(self, state, intent, text, entities):
        return policy_turn(state, intent, text, entities, today())


class ActionDocuments(_StateAction, Action):
    def name(self) -> str:
        return "action_documents"

    def turn(self, state, intent, text, entities):
        return documents_turn(state, text, entities, today())


class ActionWhereApply(_StateAction, Action):
    def name(self) -> str:
        return "action_where_apply"

    def turn(self, state, intent, text, entities):
        return where_turn(state, text, entities, today())


class ActionValidity(_StateAction, Action):
    def name(self) -> str:
        return "action_validity"

    def turn(self, state, intent, text, entities):
        return validity_or_turn(state, text, entities, today())


SMALLTALK_RESPONSES = {
    "greet": "utter_greet", "goodbye": "utter_goodbye", "thanks": "utter_thanks",
    "bot_capabilities": "utter_capabilities", "human_handoff": "utter_handoff", "out_of_scope": "utter_out_of_scope",
    "nlu_fallback": "utter_default",
}


class ActionSmalltalk(_StateAction, Action):
    """Greetings, thanks, out of scope …: the usual response, unless the message tells facts ("我是崔家头镇的脱贫户"
    taken for a greeting by the model) or asks about money: then it goes to the conversation core, so nothing the
    user said is lost."""

    def name(self) -> str:
        return "action_smalltalk"

    def turn(self, state, intent, text, entities):
        return smalltalk_turn(state, intent, text, entities, today())

    def response_for(self, intent) -> str:
        return SMALLTALK_RESPONSES.get(intent, "utter_default")


class ActionDeleteMyData(_StateAction, Action):
    def name(self) -> str:
        return "action_delete_my_data"

    def run(self, dispatcher, tracker, domain):
        text = (tracker.latest_message or {}).get("text") or ""
        if not ERASE_WORDS.search(text):
            # erasing is irreversible: only when the words ask for it (an ID number alone is not a request); a
            # message taken for it that asks about the policy ("报补贴的时候学员信息得咋弄") goes to the core
            return super().run(dispatcher, tracker, domain)
        dispatcher.utter_message(text="好的，您告诉我的情况和聊天记录都已删除。需要时可以重新告诉我。")
        # the channel erases the stored conversation once this turn is over (bot/turns.py)
        dispatcher.utter_message(json_message={"erase_conversation": True})
        return [AllSlotsReset()]

    def turn(self, state, intent, text, entities):
        return smalltalk_turn(state, "nlu_fallback", text, entities, today()) or \
            Turn([Reply("没太明白。要删除您的聊天记录，请说“删除我的记录”。")], Decision())
