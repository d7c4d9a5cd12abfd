"""What to answer one incoming message: routing (text, voice, events, numbered choices, “继续”), one turn through
bot/turns.py, the answer cut into parts within WeChat's byte limit, and erasing on unsubscribe. The half of the
channel that does not touch HTTP."""
from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Tuple

from rasa.core.channels.channel import UserMessage

from ..storage import erase_conversation
from ..turns import run_turn
from .message import Answer, Incoming, mask
from .settings import WeChatSettings
from .store import TTLStore
from .text import (ASK_TEXT, ASK_VOICE, CONTINUE_WORDS, EMPTY_ANSWER, HINT_MORE, HINT_NEXT, HINT_UNSENT, MENU_QUESTIONS,
                   SORRY, UNKNOWN_MENU, menu_choice, render_messages, split_text, utf8_len)

logger = logging.getLogger(__name__)

TURN_LIMIT = 60.0                 # a Rasa turn still running after this is answered with bot/turns.py's "busy" text


class Replies:
    """Mixed into WeChatInput, which provides `settings`, the per-process stores `menus` (sender_id → button payloads
    of the last answer) and `pending` (sender_id → parts not yet delivered), and `name()`."""

    settings: WeChatSettings
    menus: TTLStore
    pending: TTLStore

    # -- what to answer ----------------------------------------------------------------------------------------------
    def _route(self, incoming: Incoming) -> Tuple[str, Optional[str]]:
        """(kind, text): kind is "rasa" (ask the assistant), "reply" (fixed text), "continue", "erase" or "none"."""
        f = incoming.fields
        t = incoming.msg_type
        if t == "text":
            content = (f.get("Content") or "").strip()
            if not content:
                return "reply", ASK_TEXT
            if content in CONTINUE_WORDS and self.pending.get(incoming.sender_id):
                return "continue", None
            n = menu_choice(content)
            payloads = self.menus.get(incoming.sender_id) if n is not None else None
            if payloads and 1 <= n <= len(payloads):  # type: ignore[operator]
                return "rasa", payloads[n - 1]  # type: ignore[index]
            return "rasa", content
        if t == "voice":
            recognition = (f.get("Recognition") or "").strip()
            return ("rasa", recognition) if recognition else ("reply", ASK_VOICE)
        if t == "event":
            event = (f.get("Event") or "").strip().lower()
            if event == "subscribe":
                return "rasa", "/greet"
            if event == "unsubscribe":
                return "erase", None
            if event == "click":
                question = MENU_QUESTIONS.get((f.get("EventKey") or "").strip())
                return ("rasa", question) if question else ("reply", UNKNOWN_MENU)
            return "none", None  # VIEW, LOCATION, SCAN, TEMPLATESENDJOBFINISH, …: nothing to say
        return "reply", ASK_TEXT  # image, location, link, video, shortvideo, file, anything new

    async def _answer(self, incoming: Incoming, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                      app: Any) -> Answer:
        sender_id = incoming.sender_id
        try:
            kind, text = self._route(incoming)
            if kind == "none":
                return Answer()
            if kind == "erase":
                await self._erase(app, sender_id)
                return Answer()
            if kind == "continue":
                return self._continue(sender_id)
            if kind == "reply":
                return self._finish(sender_id, text or "")
            messages = await self._ask_rasa(on_new_message, app, sender_id, text or "", incoming)
            reply, menu, payloads = render_messages(messages)
            if payloads:
                self.menus.set(sender_id, payloads)
            else:
                self.menus.pop(sender_id)
            return self._finish(sender_id, reply or ("" if menu else EMPTY_ANSWER), menu, payloads)
        except Exception:
            logger.exception("WeChat: answering %s failed", mask(incoming.openid))
            return Answer([SORRY])

    async def _ask_rasa(self, on_new_message: Callable[[UserMessage], Awaitable[Any]], app: Any, sender_id: str,
                        text: str, incoming: Incoming) -> List[Dict[str, Any]]:
        """One turn through bot/turns.py, shared by every channel: length check, 身份证号/phone masking before Rasa
        stores anything, erase-on-request ({"erase_conversation": true} from action_delete_my_data)."""
        metadata = {"wechat": {"msg_type": incoming.msg_type,
                               "event": (incoming.fields.get("Event") or None),
                               "msg_id": (incoming.fields.get("MsgId") or None)}}
        agent = getattr(getattr(app, "ctx", None), "agent", None)
        # our own deadline is handled by the caller (passive reply or customer-service API); this only bounds a stuck turn
        return await run_turn(on_new_message, agent, text, sender_id, self.name(), metadata, timeout=TURN_LIMIT)

    def _finish(self, sender_id: str, text: str, menu: str = "", payloads: Optional[List[str]] = None) -> Answer:
        """The answer as parts within the byte limit; the button menu is kept in one piece at the end."""
        limit = self.settings.max_reply_bytes
        pending = self.pending.get(sender_id)
        if pending and not pending.get("notified"):
            pending["notified"] = True
            text = HINT_UNSENT + "\n" + text
        whole = "\n\n".join(t for t in (text, menu) if t)
        if utf8_len(whole) <= limit:
            return Answer([whole], list(payloads or []))
        room = limit - utf8_len(HINT_MORE)
        parts = split_text(text, room)
        if menu:
            if parts and utf8_len(parts[-1] + "\n\n" + menu) <= room:
                parts[-1] += "\n\n" + menu
            else:
                parts.extend(split_text(menu, room))
        parts[0] += HINT_MORE
        return Answer(parts, list(payloads or []))

    def _continue(self, sender_id: str) -> Answer:
        pending = self.pending.pop(sender_id) or {"parts": []}
        parts = list(pending.get("parts") or [])
        if not parts:
            return Answer(["没有更多内容了。还有啥想问的，直接发文字就行。"])
        first, rest = parts[0], parts[1:]
        if rest:
            self.pending.set(sender_id, {"parts": rest, "notified": True, "menu": pending.get("menu")})
            first += HINT_NEXT
        elif pending.get("menu"):  # the numbered menu was in this last part: numbers refer to it again
            self.menus.set(sender_id, pending["menu"])
        return Answer([first])

    async def _erase(self, app: Any, sender_id: str) -> None:
        self.menus.pop(sender_id)
        self.pending.pop(sender_id)
        agent = getattr(getattr(app, "ctx", None), "agent", None)
        store = getattr(agent, "tracker_store", None)
        if store is None:
            logger.warning("WeChat unsubscribe from %s: no tracker store to erase", mask(sender_id))
            return
        lock_store = getattr(agent, "lock_store", None)
        if lock_store is not None:
            async with lock_store.lock(sender_id):  # not while a message of this user is being processed
                await erase_conversation(store, sender_id)
        else:
            await erase_conversation(store, sender_id)
        logger.info("WeChat unsubscribe: conversation of %s erased", mask(sender_id))
