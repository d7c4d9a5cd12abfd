"""One user message through the agent, the same way for every channel (REST, WeChat, console):

- the text is checked (type, length) and personal identifiers are masked before Rasa sees or stores it;
- a reply comes within REPLY_TIMEOUT seconds even when the action server is down or slow (the turn goes on in the
  background, so the conversation state stays consistent), and an empty answer becomes a plain message;
- a bot message carrying {"erase_conversation": true} (from action_delete_my_data) erases the user's stored
  conversation once the turn has finished and its lock is released.
"""
from __future__ import annotations

import asyncio
import logging
import os
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from policies.normalize import plain_text

from .privacy import mask_pii, mask_sender
from .textcheck import valid_id, valid_text

logger = logging.getLogger(__name__)

MAX_CHARS = int(os.environ.get("ASSISTANT_MAX_CHARS", "1000"))
REPLY_TIMEOUT = float(os.environ.get("ASSISTANT_REPLY_TIMEOUT", "4.5"))
ERASE_KEY = "erase_conversation"

MSG_EMPTY = "您好像没有输入内容。可以直接问，比如：“千阳的脱贫户找到工作有啥补贴”。"
MSG_CUT = "您的消息太长，只看了前{n}个字。"
MSG_SLOW = "系统正在忙，答案稍后就到。请稍等一会儿再发“继续”，或拨打12333。"
MSG_NOTHING = "抱歉，这次没能给出答案。请换个说法再问一次，或拨打12333、联系镇劳动保障事务所。"
MSG_BAD = "消息格式不对，请发文字。"


def clean_text(text: Any) -> tuple[str | None, list[str]]:
    """(text for Rasa or None when there is nothing to process, notices to show the user)."""
    if text is None or not isinstance(text, str) or not valid_text(text, allow_nul=True):
        return None, [MSG_BAD if text is not None else MSG_EMPTY]
    text = "".join(ch for ch in text if ch in "\n\t" or ord(ch) >= 32).strip()
    if not text:
        return None, [MSG_EMPTY]
    notices = []
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        notices.append(MSG_CUT.format(n=MAX_CHARS))
    # (numbers in capital digits, "招了肆个", read as the ordinary ones by the NLU and the core)
    return mask_pii(plain_text(text)), notices


async def run_turn(on_new_message: Callable[[UserMessage], Awaitable[Any]], agent, text: Any, sender_id: str,
                   input_channel: str, metadata: dict | None = None,
                   timeout: float | None = None) -> list[dict]:
    """Process one message; return the bot messages (dicts with text / buttons / image …)."""
    if not valid_id(sender_id):     # every channel checks first; this keeps a bad id from the tracker store anyway
        logger.warning("refused a turn for an invalid sender id")
        return [{"recipient_id": "", "text": MSG_BAD}]
    clean, notices = clean_text(text)
    out = [{"recipient_id": sender_id, "text": n} for n in notices]
    if clean is None:
        return out
    collector = CollectingOutputChannel()
    msg = UserMessage(clean, collector, sender_id, input_channel=input_channel, metadata=metadata)
    task = asyncio.ensure_future(on_new_message(msg))
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=timeout if timeout is not None else REPLY_TIMEOUT)
    except asyncio.TimeoutError:
        logger.warning("slow turn for %s: replying before the answer is ready", mask_sender(sender_id))
        task.add_done_callback(lambda t: _after(t, agent, sender_id, collector))
        return out + [{"recipient_id": sender_id, "text": MSG_SLOW}]
    except Exception:
        logger.exception("turn failed for %s", mask_sender(sender_id))
        return out + [{"recipient_id": sender_id, "text": MSG_NOTHING}]
    messages = await _finish(agent, sender_id, collector.messages)
    if not messages:
        messages = [{"recipient_id": sender_id, "text": MSG_NOTHING}]
    return out + messages


def _after(task: asyncio.Task, agent, sender_id: str, collector: CollectingOutputChannel) -> None:
    if task.cancelled() or task.exception() is not None:
        return
    asyncio.ensure_future(_finish(agent, sender_id, collector.messages))


async def _finish(agent, sender_id: str, messages: list[dict]) -> list[dict]:
    """Act on control payloads (erase) and drop them from what the user sees."""
    keep, erase = [], False
    for m in messages:
        custom = m.get("custom")
        if isinstance(custom, dict) and custom.get(ERASE_KEY):
            erase = True
            continue
        keep.append(m)
    if erase and agent is not None:
        from .storage import erase_conversation  # bot/storage.py

        await erase_conversation(agent.tracker_store, sender_id)
        logger.info("erased the conversation of %s at their request", mask_sender(sender_id))
    return keep
