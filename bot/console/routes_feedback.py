"""Answers marked wrong or outdated: the review page and the feedback API.

    GET  /console/review               the marked answers, newest first (?open=1: only the open ones)
    POST /console/api/feedback         mark a card (benefit_id) or a bot reply (answer) wrong / outdated
    GET  /console/api/feedback         the same list as JSON
    POST /console/api/feedback/resolve mark one handled / reopen it
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sanic.request import Request
from sanic.response import HTTPResponse

from ..privacy import mask_pii, mask_sender
from . import auth, edits, store, view, web
from .web import ConsoleError

if TYPE_CHECKING:
    from .channel import ConsoleInput

logger = logging.getLogger(__name__)


def routes(ch: "ConsoleInput") -> list[tuple]:
    api, page, st = ch._api, ch._page, ch.store

    @page
    async def review(request: Request, session: auth.Session) -> HTTPResponse:
        only_open = request.args.get("open") == "1"
        items = await web.db(st.list_feedback, include_resolved=not only_open)
        return web.render("review.html", operator=session.operator, csrf=session.csrf, items=items,
                          only_open=only_open, kinds=store.KINDS,
                          fact_rows=edits.review_rows)

    @api
    async def api_feedback_add(request: Request, session: auth.Session) -> HTTPResponse:
        body = web.body_of(request)
        sid = web.sid_of(body.get("sid"), writable=False)
        kind = body.get("kind")
        if kind not in store.KINDS:
            raise ConsoleError(400, "请选择问题类型：答案有误（wrong）或政策过时（outdated）")
        comment = web.text_of(body.get("comment"), web.MAX_COMMENT, "请写一句说明：哪里不对、应该是什么",
                              f"说明太长（最多{web.MAX_COMMENT}字）")
        comment = mask_pii(comment)
        if len(comment) > web.MAX_COMMENT:
            raise ConsoleError(400, f"说明太长（最多{web.MAX_COMMENT}字）")
        agent = web.agent_of(request)
        tracker = await agent.tracker_store.retrieve(sid)
        slots = web.slots_of(tracker)
        bid = body.get("benefit_id")
        answer = body.get("answer")
        name = cite = None
        if bid is not None:
            if not isinstance(bid, str) or bid not in view.default_policies().benefits:
                raise ConsoleError(400, "不认识这个补贴项目（benefit_id）")
            b = view.default_policies().benefits[bid]
            name, cite = b.name, view.citation(b)
            current = view.build_view(slots)
            answer = next((c["text"] for c in current["cards"] if c["id"] == bid), None) or \
                (mask_pii(answer.strip()[:web.MAX_ANSWER]) if isinstance(answer, str) and answer.strip() else None)
        elif isinstance(answer, str) and answer.strip():
            answer = mask_pii(answer.strip()[:web.MAX_ANSWER])
        else:
            raise ConsoleError(400, "请说明标记的是哪条答案（benefit_id 或 answer）")
        fid = await web.db(st.add_feedback, operator=session.operator, sender_id=sid, kind=kind, comment=comment,
                           benefit_id=bid, benefit_name=name, citation=cite, answer=answer, slots=slots)
        logger.info("console: %s marked %s on %s as %s", session.operator, bid or "a reply", mask_sender(sid), kind)
        return web.reply_json({"id": fid, "ok": True})

    @api
    async def api_feedback_list(request: Request, session: auth.Session) -> HTTPResponse:
        items = await web.db(st.list_feedback, include_resolved=request.args.get("open") != "1")
        return web.reply_json({"feedback": [{**f.__dict__, "kind_label": f.kind_label, "time": web.fmt_time(f.created_at)}
                                            for f in items]})

    @api
    async def api_feedback_resolve(request: Request, session: auth.Session) -> HTTPResponse:
        body = web.body_of(request)
        fid = body.get("id")
        if not isinstance(fid, int) or isinstance(fid, bool):
            raise ConsoleError(400, "缺少反馈编号（id）")
        resolved = body.get("resolved", True)
        if not isinstance(resolved, bool):
            raise ConsoleError(400, "resolved 应为 true 或 false")
        if not await web.db(st.resolve_feedback, fid, session.operator, resolved):
            raise ConsoleError(404, "没有这条反馈")
        return web.reply_json({"id": fid, "resolved": resolved})

    return [
        (review, "/review", ["GET"], "review"),
        (api_feedback_add, "/api/feedback", ["POST"], "api_feedback_add"),
        (api_feedback_list, "/api/feedback", ["GET"], "api_feedback_list"),
        (api_feedback_resolve, "/api/feedback/resolve", ["POST"], "api_feedback_resolve"),
    ]
