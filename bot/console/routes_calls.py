"""The call screen's JSON API: the word lists, recent calls, one call, what the caller said, an operator's
correction, handover.

    GET  /console/api/vocab            labels, choices and questions for the facts panel
    GET  /console/api/conversations    recent calls (?scope=console|mine|all)
    POST /console/api/conversations    a new call
    GET  /console/api/conversation     one call (?sid=)
    POST /console/api/message          what the caller said → the bot's replies and the new view
    POST /console/api/slots            an operator's correction of one field
    POST /console/api/handover         转人工 / 交回机器人
"""
from __future__ import annotations

import logging
import secrets
import time
from typing import TYPE_CHECKING, Any, Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic.request import Request
from sanic.response import HTTPResponse

from ..privacy import mask_sender
from ..turns import run_turn
from . import auth, edits, store, view, web
from .web import ConsoleError

if TYPE_CHECKING:
    from .channel import ConsoleInput

logger = logging.getLogger(__name__)


def routes(ch: "ConsoleInput", on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> list[tuple]:
    api, st = ch._api, ch.store

    @api
    async def api_vocab(request: Request, session: auth.Session) -> HTTPResponse:
        return web.reply_json(view.vocabulary())

    @api
    async def api_conversations(request: Request, session: auth.Session) -> HTTPResponse:
        agent = web.agent_of(request)
        scope = request.args.get("scope") or "all"
        prefix = {"all": None, "console": "console:", "mine": f"console:{session.operator}:"}.get(scope)
        if scope not in ("all", "console", "mine"):
            raise ConsoleError(400, "scope 只能是 all、console 或 mine")
        try:
            limit = int(request.args.get("limit") or 30)
        except ValueError:
            raise ConsoleError(400, "limit 应为数字") from None
        limit = max(1, min(limit, 200))
        rows = await store.recent_conversations(agent.tracker_store, limit=limit, prefix=prefix)
        handed = await web.db(st.handed_over, [r["sender_id"] for r in rows])
        for r in rows:
            r["handover"] = r["sender_id"] in handed
            r["writable"] = bool(web.CONSOLE_SID_RE.match(r["sender_id"]))
            r["time"] = web.fmt_time(r["last"])
            r["last_text"] = (r["last_text"] or "")[:60]
            r["title"] = view.call_title(r["last"], r.pop("place", None), r.pop("first_text", ""))
        return web.reply_json({"conversations": rows})

    @api
    async def api_new_conversation(request: Request, session: auth.Session) -> HTTPResponse:
        sid = f"console:{session.operator}:{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(2)}"
        return web.reply_json({"sid": sid, "view": await ch._conversation(web.agent_of(request), sid)})

    @api
    async def api_conversation(request: Request, session: auth.Session) -> HTTPResponse:
        sid = web.sid_of(request.args.get("sid"), writable=False)
        return web.reply_json(await ch._conversation(web.agent_of(request), sid))

    async def save_slots(agent, sid: str, change: Callable[[dict], dict]) -> tuple[dict, dict]:
        """Under the call's lock: the slots, `change` applied to them, the changed ones saved. (before, after)."""
        from rasa.shared.core.events import SlotSet

        async with agent.lock_store.lock(sid):
            tracker = await agent.processor.fetch_tracker_with_initial_session(
                sid, output_channel=CollectingOutputChannel())
            before = web.slots_of(tracker)
            after = change(before)
            changed = [k for k, v in after.items() if before.get(k) != v]
            for k in changed:
                tracker.update(SlotSet(k, after[k]), agent.domain)
            if changed:
                await agent.tracker_store.save(tracker)
        return before, after

    @api
    async def api_message(request: Request, session: auth.Session) -> HTTPResponse:
        body = web.body_of(request)
        sid = web.sid_of(body.get("sid"))
        text = body.get("text")
        if not isinstance(text, str):
            raise ConsoleError(400, "请填来电人说的话（text）")
        text = web.text_of(text, web.MAX_MESSAGE, "请先输入来电人说的话", f"来电人的话太长（最多{web.MAX_MESSAGE}字），请分几次输入")
        agent = web.agent_of(request)
        handover = await web.db(st.handover, sid)
        meta = {"console": {"operator": session.operator, "handover": handover["active"]}}
        before = web.slots_of(await agent.tracker_store.retrieve(sid))
        # the shared turn (bot/turns.py): personal identifiers masked before Rasa stores the text, long text
        # cut with a notice, a reply even when the action server is slow; the operator can wait longer
        messages = await run_turn(on_new_message, agent, text, sid, ch.name(), meta, timeout=web.REPLY_TIMEOUT)
        replies = [{"text": m.get("text") or "", "buttons": m.get("buttons") or []} for m in messages]
        # the fields the operator set stay as set: what the caller's words changed in them is put back and said;
        # unless the caller had their record erased (删除我的记录): then nothing is put back, and the fields are forgotten
        locked = await web.db(st.edits, sid)
        if locked and await agent.tracker_store.retrieve(sid) is None:
            await web.db(st.forget_edits, sid)
            locked = {}
        kept: list[dict] = []

        def put_back(slots: dict) -> dict:
            restored, kept[:] = edits.restore(slots, locked)
            return restored

        if locked:
            said, _ = await save_slots(agent, sid, put_back)
        else:
            said = web.slots_of(await agent.tracker_store.retrieve(sid))
        data = await ch._conversation(agent, sid)
        suppressed = handover["active"]
        return web.reply_json({"replies": [] if suppressed else replies, "suppressed": len(replies) if suppressed else 0,
                               "changes": edits.changes(before, said), "kept": kept, "view": data})

    @api
    async def api_slots(request: Request, session: auth.Session) -> HTTPResponse:
        body = web.body_of(request)
        sid = web.sid_of(body.get("sid"))
        field = body.get("field")
        if "value" not in body:
            raise ConsoleError(400, "缺少新的值（value）；要改成“未知”请传 null")
        if isinstance(field, str) and len(field) > web.MAX_FIELD:
            raise ConsoleError(400, "要修改的项目名太长")
        value = body.get("value")
        if isinstance(value, list) and len(value) > 50 or isinstance(value, dict):
            raise ConsoleError(400, "新的值看不懂")
        keep = body.get("keep", True)
        if not isinstance(keep, bool):
            raise ConsoleError(400, "keep 应为 true（保留坐席改的值）或 false")
        agent = web.agent_of(request)

        def correct(slots: dict) -> dict:
            try:
                return edits.edit(slots, field, value)
            except edits.EditError as e:
                raise ConsoleError(400, str(e)) from None

        before, after = await save_slots(agent, sid, correct)
        # remembered, so that the caller's next sentence does not undo it (unknown again: the caller's words may)
        await web.db(st.set_edit, sid, field, edits.value_of(after, field) if keep else None, session.operator)
        logger.info("console: %s set %s on %s", session.operator, field, mask_sender(sid))
        return web.reply_json({"changed": [k for k, v in after.items() if before.get(k) != v],
                               "changes": edits.changes(before, after), "view": await ch._conversation(agent, sid)})

    @api
    async def api_handover(request: Request, session: auth.Session) -> HTTPResponse:
        body = web.body_of(request)
        sid = web.sid_of(body.get("sid"))
        active = body.get("active")
        if not isinstance(active, bool):
            raise ConsoleError(400, "active 应为 true（转人工）或 false（交回机器人）")
        state = await web.db(st.set_handover, sid, active, session.operator)
        logger.info("console: %s %s %s", session.operator, "took over" if active else "handed back",
                    mask_sender(sid))
        return web.reply_json({"sid": sid, "handover": state})

    return [
        (api_vocab, "/api/vocab", ["GET"], "api_vocab"),
        (api_conversations, "/api/conversations", ["GET"], "api_conversations"),
        (api_new_conversation, "/api/conversations", ["POST"], "api_new_conversation"),
        (api_conversation, "/api/conversation", ["GET"], "api_conversation"),
        (api_message, "/api/message", ["POST"], "api_message"),
        (api_slots, "/api/slots", ["POST"], "api_slots"),
        (api_handover, "/api/handover", ["POST"], "api_handover"),
    ]
