"""The operator console as a Rasa custom input channel (credentials.yml: ``bot.console.channel.ConsoleInput: {}``).

How it is mounted: Rasa (rasa.core.channels.channel.register) mounts each channel's blueprint at
``urljoin("/webhooks/", channel.url_prefix())``. urljoin keeps an absolute path as it is, so returning "/console" from
url_prefix() mounts the blueprint at /console (the blueprint also carries url_prefix="/console" for callers that pass
no route). Everything is served by the same Rasa server; the routes live by concern:

    routes_pages.py     /console/, login, logout, static files
    routes_calls.py     /console/api/… of the call screen: calls, messages, corrections, handover
    routes_feedback.py  /console/review and /console/api/feedback…
    routes_batch.py     /console/batch (ledger upload)
    web.py              limits, headers, request checks shared by all of them

/console/api/... is a JSON API: cookie + X-Console-CSRF header (or Authorization: Bearer <token>); 401 without a
session, 403 on a CSRF mismatch, 429 while token guesses are throttled, 4xx with {"error": "<中文>"} on bad input.
This module holds the channel: who the session is, the two decorators (API and page), and one call's data.
"""
from __future__ import annotations

import functools
import logging
import math
import os
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from .. import exposure
from . import auth, ledger, routes_batch, routes_calls, routes_feedback, routes_pages, store, view, web
from .web import ConsoleError

logger = logging.getLogger(__name__)

# ----------------------------------------------------------------------------------------------- the channel
class ConsoleInput(InputChannel):
    """热线坐席台. Sender ids: console:<operator>:<caller-session>."""

    @classmethod
    def name(cls) -> str:
        return "console"

    @classmethod
    def from_credentials(cls, credentials: dict | None) -> "ConsoleInput":
        auth.console_token()   # warn at start-up when CONSOLE_TOKEN is unset
        return cls()

    def __init__(self) -> None:
        self.store = store.ConsoleStore()
        self.batch = ledger.BatchRunner()
        self.throttle = auth.LoginThrottle()

    async def _session(self, request: Request) -> auth.Session | None:
        """The request's session, or None. A bearer token is throttled like a login (ConsoleError 429 while this
        address, or under a flood everybody, must wait; a wrong token counts as a failure). A cookie counts only while
        its server-side session is active (not logged out, not expired)."""
        if auth.bearer_of(request) is not None:
            who = auth.client_key(request.ip)
            wait = self.throttle.retry_after(who)
            if wait:
                raise web.throttled(wait)
            session = auth.bearer_session(request)
            if session is None:
                self.throttle.fail(who)
                logger.warning("console: wrong bearer token from %s", who)
                return None
            self.throttle.ok(who)
            return session
        session = auth.read_session_cookie(request.cookies.get(auth.COOKIE))
        if session is None:
            return None
        if not await web.db(self.store.session_active, auth.session_key(session.sid)):
            return None
        return session

    def url_prefix(self) -> str:
        # absolute: urljoin("/webhooks/", "/console") == "/console", so the console lives at /console/
        return web.PREFIX

    # ------------------------------------------------------------------------------------------- decorators
    def _api(self, handler: Callable[..., Awaitable[HTTPResponse]]):
        """Session (401), other origins and CSRF header (403), Chinese JSON errors, never a traceback."""

        @functools.wraps(handler)
        async def wrapped(request: Request, *args, **kw) -> HTTPResponse:
            try:
                session = await self._session(request)
                if session is None:
                    return web.error(401, "未登录或登录已过期，请先登录坐席台")
                if not session.via_bearer and not web.same_origin(request):
                    return web.error(403, "拒绝来自其他网站的请求")
                if not auth.csrf_ok(session, request.headers.get(auth.CSRF_HEADER.lower())):
                    return web.error(403, "请求校验失败（CSRF），请刷新页面后再试")
                web.check_args(request)
                return await handler(request, session, *args, **kw)
            except ConsoleError as e:
                return web.error(e.status, e.message, e.retry_after)
            except Exception:  # noqa: BLE001
                logger.exception("console API %s failed", request.path)
                return web.error(500, "坐席台内部出错了，请稍后再试；问题已记入日志")

        return wrapped

    def _page(self, handler: Callable[..., Awaitable[HTTPResponse]]):
        @functools.wraps(handler)
        async def wrapped(request: Request, *args, **kw) -> HTTPResponse:
            if not web.same_origin(request):
                return web.render("message.html", status=403, title="拒绝访问", message="拒绝来自其他网站的请求。",
                                  operator=None, csrf=None)
            try:
                session = await self._session(request)
            except ConsoleError as e:
                resp = web.render("message.html", status=e.status, title="出错了", message=e.message, operator=None,
                                  csrf=None)
                if e.retry_after:
                    resp.headers["Retry-After"] = str(math.ceil(e.retry_after))
                return resp
            if session is None or session.via_bearer and request.method != "GET":
                return web.secure_headers(response.redirect(f"{web.PREFIX}/login"))
            try:
                web.check_args(request)
                return await handler(request, session, *args, **kw)
            except ConsoleError as e:
                return web.render("message.html", status=e.status, title="出错了", message=e.message,
                                  operator=session.operator, csrf=session.csrf)
            except Exception:  # noqa: BLE001
                logger.exception("console page %s failed", request.path)
                return web.render("message.html", status=500, title="出错了", message="坐席台内部出错了，问题已记入日志。",
                                  operator=session.operator, csrf=session.csrf)

        return wrapped

    # ------------------------------------------------------------------------------------------- conversation data
    async def _conversation(self, agent, sid: str) -> dict:
        tracker = await agent.tracker_store.retrieve(sid)
        if tracker is None and not web.CONSOLE_SID_RE.match(sid):
            raise ConsoleError(404, "没有这个对话")
        slots = web.slots_of(tracker)
        events = [e.as_dict() for e in tracker.events] if tracker is not None else []
        data = view.build_view(slots)
        data["sid"] = sid
        data["writable"] = bool(web.CONSOLE_SID_RE.match(sid))
        data["exists"] = tracker is not None
        data["transcript"] = view.transcript(events)
        said = [m for m in data["transcript"] if m["type"] == "user"]
        data["title"] = view.call_title(said[0]["time"] if said else None, slots.get("place"),
                                        said[0]["text"] if said else "")
        data["handover"] = await web.db(self.store.handover, sid)
        data["locked"] = sorted(await web.db(self.store.edits, sid))
        return data

    # ------------------------------------------------------------------------------------------- blueprint
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # A server reachable from other hosts must not accept the development token printed in the README.
        exposure.require_secret("CONSOLE_TOKEN", os.environ.get("CONSOLE_TOKEN") or "", auth.DEV_TOKEN)
        bp = Blueprint("console", url_prefix=web.PREFIX)
        routes = (routes_pages.routes(self) + routes_feedback.routes(self) + routes_batch.routes(self)
                  + routes_calls.routes(self, on_new_message))
        for handler, uri, methods, name in routes:
            bp.add_route(handler, uri, methods=methods, name=name, strict_slashes=True)
        return bp
