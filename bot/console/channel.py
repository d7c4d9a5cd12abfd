"""The operator console as a Rasa custom input channel (credentials.yml: ``bot.console.channel.ConsoleInput: {}``).

How it is mounted: Rasa (rasa.core.channels.channel.register) mounts each channel's blueprint at
``urljoin("/webhooks/", channel.url_prefix())``. urljoin keeps an absolute path as it is, so returning "/console" from
url_prefix() mounts the blueprint at /console (the blueprint also carries url_prefix="/console" for callers that pass
no route). Everything is served by the same Rasa server:

    GET  /console/                 the console page (redirects to /console/login without a session)
    GET  /console/login, POST      login form (operator name + CONSOLE_TOKEN) → HttpOnly SameSite=Strict cookie
    POST /console/logout
    GET  /console/review           answers marked wrong / outdated
    GET  /console/batch, POST      ledger upload (ledger/), GET /console/batch/<id>/<file> downloads
    GET  /console/static/<file>    console.js, console.css (local files, no CDN)
    /console/api/...               JSON API: cookie + X-Console-CSRF header (or Authorization: Bearer <token>);
                                   401 without a session, 403 on a CSRF mismatch, 429 while token guesses are
                                   throttled, 4xx with {"error": "<中文>"} on bad input

Every value a request brings (JSON strings and keys, query and form fields, file names) must be valid UTF-8 text
without NUL (bot/textcheck.valid_text) and is bounded in length; anything else is refused with a Chinese 400 before
it reaches Rasa or a database: SQLite raises UnicodeEncodeError on a lone surrogate such as "s\\udfff", and Rasa's
SQLTrackerStore.session_scope takes that ValueError for a missing schema and exits the process.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import functools
import json
import logging
import math
import mimetypes
import os
import re
import secrets
import time
from pathlib import Path
from typing import Any, Awaitable, Callable
from urllib.parse import quote, urlparse

from jinja2 import Environment, FileSystemLoader, select_autoescape
from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from .. import exposure
from ..privacy import mask_pii, mask_sender
from ..textcheck import valid_id, valid_text
from ..turns import run_turn
from . import auth, ledger, store, view

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
STATIC_FILES = {"console.js", "console.css", "review.js"}
PREFIX = "/console"

CONSOLE_SID_RE = re.compile(r"^console:[\w.\-]{1,20}:[A-Za-z0-9_\-]{1,40}$")
MAX_SID = 255
MAX_MESSAGE = 2000
MAX_COMMENT = 1000
MAX_ANSWER = 8000
MAX_FIELD = 64               # characters of a field name / benefit id
MAX_ARG = 1000               # characters of a query or form value (other limits are smaller)
MAX_JSON_DEPTH = 10
BAD_TEXT = "内容里有无法识别的字符（如残缺的代理字符或空字符 NUL），请删掉后再试"
REPLY_TIMEOUT = 30.0         # seconds the console waits for the bot's answer (the REST channel waits less)

SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}

_jinja = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                     autoescape=select_autoescape(["html", "htm", "xml"], default=True),
                     trim_blocks=True, lstrip_blocks=True)


def _fmt_time(ts: float | None) -> str:
    if not ts:
        return ""
    return dt.datetime.fromtimestamp(float(ts)).strftime("%Y-%m-%d %H:%M")


_jinja.filters["time"] = _fmt_time


class ConsoleError(Exception):
    def __init__(self, status: int, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.status, self.message, self.retry_after = status, message, retry_after


def _throttled(wait: float, login: bool = False) -> ConsoleError:
    if wait > 60:
        msg = f"口令错误次数太多，请{math.ceil(wait / 60)}分钟后再试"
    else:
        msg = f"{'登录' if login else '口令'}尝试太频繁，请{math.ceil(wait)}秒后再试"
    return ConsoleError(429, msg, retry_after=wait)


# ----------------------------------------------------------------------------------------------- helpers
def _secure_headers(resp: HTTPResponse) -> HTTPResponse:
    for k, v in SECURITY_HEADERS.items():
        resp.headers.setdefault(k, v)
    return resp


def _json(data: Any, status: int = 200) -> HTTPResponse:
    return _secure_headers(response.json(data, status=status, dumps=functools.partial(json.dumps, ensure_ascii=False,
                                                                                       default=str)))


def _error(status: int, message: str, retry_after: float | None = None) -> HTTPResponse:
    resp = _json({"error": message}, status)
    if retry_after:
        resp.headers["Retry-After"] = str(math.ceil(retry_after))
    return resp


def _render(name: str, status: int = 200, **ctx) -> HTTPResponse:
    html = _jinja.get_template(name).render(prefix=PREFIX, **ctx)
    return _secure_headers(response.html(html, status=status))


def _is_https(request: Request) -> bool:
    proto = (request.headers.get("x-forwarded-proto") or request.scheme or "").split(",")[0].strip().lower()
    return proto == "https"


def _same_origin(request: Request) -> bool:
    """False for a request another origin started: an Origin header naming another host (every cross-origin fetch and
    form post sends one), or a fetch that the browser marks same-site / cross-site. The Rasa server may run with a
    permissive CORS setting (scripts/serve.sh: --cors "*"), so the console refuses such requests itself; a
    same-site page on another port would otherwise get the SameSite cookie sent along."""
    origin = request.headers.get("origin")
    if origin is not None:
        if origin == "null" or urlparse(origin).netloc.lower() != (request.headers.get("host") or "").lower():
            return False
    site = request.headers.get("sec-fetch-site")
    mode = request.headers.get("sec-fetch-mode")
    if site in ("cross-site", "same-site") and mode != "navigate":
        return False
    return True


def _check_json(value: Any, depth: int = 0) -> None:
    """Every string (and key) in a JSON body is valid text (bot/textcheck.valid_text), nesting is shallow."""
    if depth > MAX_JSON_DEPTH:
        raise ConsoleError(400, "请求内容嵌套太深")
    if isinstance(value, str):
        if not valid_text(value):
            raise ConsoleError(400, BAD_TEXT)
    elif isinstance(value, dict):
        for k, v in value.items():
            if not valid_text(k, MAX_FIELD):
                raise ConsoleError(400, BAD_TEXT)
            _check_json(v, depth + 1)
    elif isinstance(value, list):
        for v in value:
            _check_json(v, depth + 1)


def _body(request: Request) -> dict:
    try:
        data = request.json
    except Exception:  # noqa: BLE001  (sanic raises InvalidUsage on bad JSON)
        raise ConsoleError(400, "请求内容不是有效的 JSON") from None
    if data is None:
        raise ConsoleError(400, "请求内容为空，应为 JSON 对象")
    if not isinstance(data, dict):
        raise ConsoleError(400, "请求内容应为 JSON 对象")
    _check_json(data)
    return data


def _check_args(request: Request) -> None:
    """Query parameters: valid text, bounded (percent-decoding may give NUL)."""
    for k, vs in request.args.items():
        if not valid_text(k, MAX_FIELD) or not all(valid_text(v, MAX_ARG) for v in vs):
            raise ConsoleError(400, BAD_TEXT)


def _form(request: Request) -> dict:
    """The first value of each form field; every one valid text and bounded, else ConsoleError(400)."""
    try:
        form = request.form or {}
    except Exception:  # noqa: BLE001  (undecodable form data)
        raise ConsoleError(400, "提交的表单看不懂，请刷新页面后再试") from None
    out = {}
    for k, vs in form.items():
        if not valid_text(k, MAX_FIELD) or not all(valid_text(v, MAX_ARG) for v in vs):
            raise ConsoleError(400, BAD_TEXT)
        out[k] = vs[0] if vs else ""
    return out


def _files(request: Request) -> dict:
    try:
        return request.files or {}
    except Exception:  # noqa: BLE001
        raise ConsoleError(400, "上传的文件看不懂，请重新选择文件上传") from None


def _agent(request: Request):
    agent = getattr(request.app.ctx, "agent", None)
    if agent is None or not agent.is_ready():
        raise ConsoleError(503, "助手模型还没有加载好，请稍后再试")
    return agent


def _sid(value: Any, *, writable: bool = True) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConsoleError(400, "缺少对话编号（sid）")
    sid = value.strip()
    if len(sid) > MAX_SID:
        raise ConsoleError(400, "对话编号太长")
    if not valid_id(sid, MAX_SID):
        raise ConsoleError(400, "对话编号里有无法识别的字符")
    if writable and not CONSOLE_SID_RE.match(sid):
        raise ConsoleError(403, "只能在坐席台自己的对话（console:坐席:来电）里发消息或修改")
    return sid


async def _db(fn: Callable, *args, **kw):
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(None, functools.partial(fn, *args, **kw))
    except ConsoleError:
        raise
    except Exception:  # noqa: BLE001
        logger.exception("console database call failed")
        raise ConsoleError(503, "坐席台数据库暂时连不上，请稍后再试") from None


def _text(value: Any, max_chars: int, missing: str, too_long: str) -> str:
    """A stripped, non-empty, valid text of at most `max_chars` characters, else ConsoleError(400)."""
    if not isinstance(value, str) or not value.strip():
        raise ConsoleError(400, missing)
    if not valid_text(value):
        raise ConsoleError(400, BAD_TEXT)
    value = value.strip()
    if len(value) > max_chars:
        raise ConsoleError(400, too_long)
    return value


def _slots_of(tracker) -> dict:
    keys = view.State().to_slots().keys()
    return {k: tracker.get_slot(k) for k in keys} if tracker is not None else {}


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
                raise _throttled(wait)
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
        if not await _db(self.store.session_active, auth.session_key(session.sid)):
            return None
        return session

    def url_prefix(self) -> str:
        # absolute: urljoin("/webhooks/", "/console") == "/console", so the console lives at /console/
        return PREFIX

    # ------------------------------------------------------------------------------------------- decorators
    def _api(self, handler: Callable[..., Awaitable[HTTPResponse]]):
        """Session (401), other origins and CSRF header (403), Chinese JSON errors, never a traceback."""

        @functools.wraps(handler)
        async def wrapped(request: Request, *args, **kw) -> HTTPResponse:
            try:
                session = await self._session(request)
                if session is None:
                    return _error(401, "未登录或登录已过期，请先登录坐席台")
                if not session.via_bearer and not _same_origin(request):
                    return _error(403, "拒绝来自其他网站的请求")
                if not auth.csrf_ok(session, request.headers.get(auth.CSRF_HEADER.lower())):
                    return _error(403, "请求校验失败（CSRF），请刷新页面后再试")
                _check_args(request)
                return await handler(request, session, *args, **kw)
            except ConsoleError as e:
                return _error(e.status, e.message, e.retry_after)
            except Exception:  # noqa: BLE001
                logger.exception("console API %s failed", request.path)
                return _error(500, "坐席台内部出错了，请稍后再试；问题已记入日志")

        return wrapped

    def _page(self, handler: Callable[..., Awaitable[HTTPResponse]]):
        @functools.wraps(handler)
        async def wrapped(request: Request, *args, **kw) -> HTTPResponse:
            if not _same_origin(request):
                return _render("message.html", status=403, title="拒绝访问", message="拒绝来自其他网站的请求。",
                               operator=None, csrf=None)
            try:
                session = await self._session(request)
            except ConsoleError as e:
                resp = _render("message.html", status=e.status, title="出错了", message=e.message, operator=None,
                               csrf=None)
                if e.retry_after:
                    resp.headers["Retry-After"] = str(math.ceil(e.retry_after))
                return resp
            if session is None or session.via_bearer and request.method != "GET":
                return _secure_headers(response.redirect(f"{PREFIX}/login"))
            try:
                _check_args(request)
                return await handler(request, session, *args, **kw)
            except ConsoleError as e:
                return _render("message.html", status=e.status, title="出错了", message=e.message,
                               operator=session.operator, csrf=session.csrf)
            except Exception:  # noqa: BLE001
                logger.exception("console page %s failed", request.path)
                return _render("message.html", status=500, title="出错了", message="坐席台内部出错了，问题已记入日志。",
                               operator=session.operator, csrf=session.csrf)

        return wrapped

    # ------------------------------------------------------------------------------------------- conversation data
    async def _conversation(self, agent, sid: str) -> dict:
        tracker = await agent.tracker_store.retrieve(sid)
        if tracker is None and not CONSOLE_SID_RE.match(sid):
            raise ConsoleError(404, "没有这个对话")
        slots = _slots_of(tracker)
        events = [e.as_dict() for e in tracker.events] if tracker is not None else []
        data = view.build_view(slots)
        data["sid"] = sid
        data["writable"] = bool(CONSOLE_SID_RE.match(sid))
        data["exists"] = tracker is not None
        data["transcript"] = view.transcript(events)
        data["handover"] = await _db(self.store.handover, sid)
        return data

    # ------------------------------------------------------------------------------------------- blueprint
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # A server reachable from other hosts must not accept the development token printed in the README.
        exposure.require_secret("CONSOLE_TOKEN", os.environ.get("CONSOLE_TOKEN") or "", auth.DEV_TOKEN)
        bp = Blueprint("console", url_prefix=PREFIX)
        api, page = self._api, self._page
        st = self.store

        # ---------------------------------------------------------------- pages
        async def index_redirect(request: Request) -> HTTPResponse:
            return _secure_headers(response.redirect(f"{PREFIX}/"))

        @page
        async def index(request: Request, session: auth.Session) -> HTTPResponse:
            return _render("console.html", operator=session.operator, csrf=session.csrf,
                           boot={"operator": session.operator, "prefix": PREFIX, "vocab": view.vocabulary(),
                                 "as_of": view.as_of_today().isoformat()})

        async def login_form(request: Request) -> HTTPResponse:
            try:
                session = await self._session(request) if auth.bearer_of(request) is None else None
            except ConsoleError:
                session = None
            if session is not None:
                return _secure_headers(response.redirect(f"{PREFIX}/"))
            return _render("login.html", error=None, operator="", dev=auth.console_token() == auth.DEV_TOKEN)

        async def login(request: Request) -> HTTPResponse:
            who = auth.client_key(request.ip)
            dev = auth.console_token() == auth.DEV_TOKEN
            if not _same_origin(request):
                return _render("login.html", status=403, error="拒绝来自其他网站的登录请求", operator="", dev=dev)
            # asked before the token is looked at: a blocked guess is never checked
            wait = self.throttle.retry_after(who)
            if wait:
                e = _throttled(wait, login=True)
                resp = _render("login.html", status=429, error=e.message, operator="", dev=dev)
                resp.headers["Retry-After"] = str(math.ceil(wait))
                return resp
            try:
                form = _form(request)
            except ConsoleError as e:
                return _render("login.html", status=e.status, error=e.message, operator="", dev=dev)
            operator = (form.get("operator") or "").strip()
            token = form.get("token") or ""
            if not auth.valid_operator(operator):
                return _render("login.html", status=400, operator=operator[:20], dev=dev,
                               error="请填坐席名（1到20个字，可用汉字、字母、数字、-、_、.）")
            if not auth.check_token(token):
                self.throttle.fail(who)
                logger.warning("console: failed login for operator %r from %s", operator, who)
                return _render("login.html", status=401, error="口令不对", operator=operator, dev=dev)
            self.throttle.ok(who)
            cookie, session = auth.new_session(operator)
            try:
                await _db(st.add_session, auth.session_key(session.sid), operator, session.iat, session.expires)
            except ConsoleError as e:
                return _render("login.html", status=e.status, error=e.message, operator=operator, dev=dev)
            resp = _secure_headers(response.redirect(f"{PREFIX}/", status=303))
            auth.set_cookie(resp, cookie, secure=_is_https(request))
            logger.info("console: operator %r logged in", operator)
            return resp

        async def logout(request: Request) -> HTTPResponse:
            # the cookie's own session only (a bearer token has nothing to log out of)
            session = auth.read_session_cookie(request.cookies.get(auth.COOKIE))
            try:
                form = _form(request)
            except ConsoleError:
                form = {}
            resp = _secure_headers(response.redirect(f"{PREFIX}/login", status=303))
            if session is not None and _same_origin(request) and auth.csrf_ok(session, form.get("csrf")):
                try:
                    await _db(st.revoke_session, auth.session_key(session.sid))
                except ConsoleError as e:
                    return _render("message.html", status=e.status, title="退出失败", message=e.message,
                                   operator=None, csrf=None)
                auth.clear_cookie(resp)
                logger.info("console: operator %r logged out", session.operator)
            return resp

        @page
        async def review(request: Request, session: auth.Session) -> HTTPResponse:
            only_open = request.args.get("open") == "1"
            items = await _db(st.list_feedback, include_resolved=not only_open)
            return _render("review.html", operator=session.operator, csrf=session.csrf, items=items,
                           only_open=only_open, kinds=store.KINDS)

        def batch_ctx(session: auth.Session, as_of: str | None = None) -> dict:
            return dict(operator=session.operator, csrf=session.csrf, result=None, available=ledger.available(),
                        unavailable=_batch_unavailable_reason(), as_of=as_of or view.as_of_today().isoformat(),
                        max_mb=ledger.MAX_UPLOAD_BYTES // 1024 // 1024, max_rows=ledger.max_rows())

        @page
        async def batch_form(request: Request, session: auth.Session) -> HTTPResponse:
            return _render("batch.html", error=None, **batch_ctx(session))

        @page
        async def batch_upload(request: Request, session: auth.Session) -> HTTPResponse:
            ctx = batch_ctx(session)
            try:
                form = _form(request)
            except ConsoleError as e:
                return _render("batch.html", status=e.status, error=e.message, **ctx)
            ctx["as_of"] = (form.get("as_of") or "").strip()[:20] or ctx["as_of"]
            if not _same_origin(request) or not auth.csrf_ok(session, form.get("csrf")):
                return _render("batch.html", status=403, error="请求校验失败（CSRF），请刷新页面后再试", **ctx)
            try:
                f = _files(request).get("ledger")
            except ConsoleError as e:
                return _render("batch.html", status=e.status, error=e.message, **ctx)
            if f is None or not f.body:
                return _render("batch.html", status=400, error="请选择台账文件（.xlsx 或 .csv）", **ctx)
            if not valid_text(f.name or "", ledger.MAX_NAME_CHARS * 4):
                return _render("batch.html", status=400, error="文件名里有无法识别的字符或太长，请改名后再上传", **ctx)
            try:
                as_of = dt.date.fromisoformat(ctx["as_of"])
            except ValueError:
                return _render("batch.html", status=400, error=f"核对日期应写成 YYYY-MM-DD：{ctx['as_of'][:20]}", **ctx)
            try:
                # a separate process with its own memory and time limits: the chat is not held up (ledger.py)
                result = await self.batch.run_isolated(f.name, f.body, as_of)
            except ledger.BatchUnavailable as e:
                return _render("batch.html", status=503, error=str(e), **ctx)
            except ledger.BatchBusy as e:
                return _render("batch.html", status=429, error=str(e), **ctx)
            except ledger.BatchInputError as e:
                return _render("batch.html", status=400, error=str(e), **ctx)
            except Exception:  # noqa: BLE001
                logger.exception("console batch check failed")
                return _render("batch.html", status=500, **ctx,
                               error="台账核对出错了，问题已记入日志；可以把台账发给维护人员。")
            ctx["result"] = result
            return _render("batch.html", error=None, **ctx)

        @page
        async def batch_file(request: Request, session: auth.Session, rid: str, fname: str) -> HTTPResponse:
            res = self.batch.get(rid)
            path = res.files.get(fname) if res else None
            if path is None or not path.is_file():
                raise ConsoleError(404, "找不到这个核对结果（服务器重启后结果会清空，请重新上传）")
            if fname.endswith(".xlsx"):
                name = Path(res.source).stem + "-核对报告.xlsx"
                resp = await response.file(str(path), mime_type=(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})
                return _secure_headers(resp)
            # streamed from the file (a 50 000-row ledger's checklists are tens of MB)
            resp = await response.file(str(path), mime_type="text/html; charset=utf-8")
            # the batch module's own escaped HTML with an inline <style>: no scripts at all
            resp.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
            return _secure_headers(resp)

        async def static(request: Request, name: str) -> HTTPResponse:
            if name not in STATIC_FILES:
                return response.text("not found", status=404)
            mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
            resp = response.raw((STATIC_DIR / name).read_bytes(), content_type=f"{mime}; charset=utf-8")
            resp.headers["X-Content-Type-Options"] = "nosniff"
            resp.headers["Cache-Control"] = "no-cache"
            return resp

        # ---------------------------------------------------------------- API
        @api
        async def api_vocab(request: Request, session: auth.Session) -> HTTPResponse:
            return _json(view.vocabulary())

        @api
        async def api_conversations(request: Request, session: auth.Session) -> HTTPResponse:
            agent = _agent(request)
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
            handed = await _db(st.handed_over, [r["sender_id"] for r in rows])
            for r in rows:
                r["handover"] = r["sender_id"] in handed
                r["writable"] = bool(CONSOLE_SID_RE.match(r["sender_id"]))
                r["time"] = _fmt_time(r["last"])
                r["last_text"] = (r["last_text"] or "")[:60]
            return _json({"conversations": rows})

        @api
        async def api_new_conversation(request: Request, session: auth.Session) -> HTTPResponse:
            sid = f"console:{session.operator}:{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(2)}"
            return _json({"sid": sid, "view": await self._conversation(_agent(request), sid)})

        @api
        async def api_conversation(request: Request, session: auth.Session) -> HTTPResponse:
            sid = _sid(request.args.get("sid"), writable=False)
            return _json(await self._conversation(_agent(request), sid))

        @api
        async def api_message(request: Request, session: auth.Session) -> HTTPResponse:
            body = _body(request)
            sid = _sid(body.get("sid"))
            text = body.get("text")
            if not isinstance(text, str):
                raise ConsoleError(400, "请填来电人说的话（text）")
            text = _text(text, MAX_MESSAGE, "请先输入来电人说的话", f"来电人的话太长（最多{MAX_MESSAGE}字），请分几次输入")
            agent = _agent(request)
            handover = await _db(st.handover, sid)
            meta = {"console": {"operator": session.operator, "handover": handover["active"]}}
            # the shared turn (bot/turns.py): personal identifiers masked before Rasa stores the text, long text
            # cut with a notice, a reply even when the action server is slow; the operator can wait longer
            messages = await run_turn(on_new_message, agent, text, sid, self.name(), meta, timeout=REPLY_TIMEOUT)
            replies = [{"text": m.get("text") or "", "buttons": m.get("buttons") or []} for m in messages]
            data = await self._conversation(agent, sid)
            suppressed = handover["active"]
            return _json({"replies": [] if suppressed else replies, "suppressed": len(replies) if suppressed else 0,
                          "view": data})

        @api
        async def api_slots(request: Request, session: auth.Session) -> HTTPResponse:
            body = _body(request)
            sid = _sid(body.get("sid"))
            field = body.get("field")
            if "value" not in body:
                raise ConsoleError(400, "缺少新的值（value）；要改成“未知”请传 null")
            if isinstance(field, str) and len(field) > MAX_FIELD:
                raise ConsoleError(400, "要修改的项目名太长")
            value = body.get("value")
            if isinstance(value, list) and len(value) > 50 or isinstance(value, dict):
                raise ConsoleError(400, "新的值看不懂")
            agent = _agent(request)
            from rasa.shared.core.events import SlotSet

            async with agent.lock_store.lock(sid):
                tracker = await agent.processor.fetch_tracker_with_initial_session(
                    sid, output_channel=CollectingOutputChannel())
                before = _slots_of(tracker)
                try:
                    after = view.apply_edit(before, field, body.get("value"))
                except view.EditError as e:
                    raise ConsoleError(400, str(e)) from None
                changed = [k for k, v in after.items() if before.get(k) != v]
                for k in changed:
                    tracker.update(SlotSet(k, after[k]), agent.domain)
                await agent.tracker_store.save(tracker)
            logger.info("console: %s set %s on %s", session.operator, field, mask_sender(sid))
            return _json({"changed": changed, "view": await self._conversation(agent, sid)})

        @api
        async def api_handover(request: Request, session: auth.Session) -> HTTPResponse:
            body = _body(request)
            sid = _sid(body.get("sid"))
            active = body.get("active")
            if not isinstance(active, bool):
                raise ConsoleError(400, "active 应为 true（转人工）或 false（交回机器人）")
            state = await _db(st.set_handover, sid, active, session.operator)
            logger.info("console: %s %s %s", session.operator, "took over" if active else "handed back",
                        mask_sender(sid))
            return _json({"sid": sid, "handover": state})

        @api
        async def api_feedback_add(request: Request, session: auth.Session) -> HTTPResponse:
            body = _body(request)
            sid = _sid(body.get("sid"), writable=False)
            kind = body.get("kind")
            if kind not in store.KINDS:
                raise ConsoleError(400, "请选择问题类型：答案有误（wrong）或政策过时（outdated）")
            comment = _text(body.get("comment"), MAX_COMMENT, "请写一句说明：哪里不对、应该是什么",
                            f"说明太长（最多{MAX_COMMENT}字）")
            comment = mask_pii(comment)
            if len(comment) > MAX_COMMENT:
                raise ConsoleError(400, f"说明太长（最多{MAX_COMMENT}字）")
            agent = _agent(request)
            tracker = await agent.tracker_store.retrieve(sid)
            slots = _slots_of(tracker)
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
                    (mask_pii(answer.strip()[:MAX_ANSWER]) if isinstance(answer, str) and answer.strip() else None)
            elif isinstance(answer, str) and answer.strip():
                answer = mask_pii(answer.strip()[:MAX_ANSWER])
            else:
                raise ConsoleError(400, "请说明标记的是哪条答案（benefit_id 或 answer）")
            fid = await _db(st.add_feedback, operator=session.operator, sender_id=sid, kind=kind, comment=comment,
                            benefit_id=bid, benefit_name=name, citation=cite, answer=answer, slots=slots)
            logger.info("console: %s marked %s on %s as %s", session.operator, bid or "a reply", mask_sender(sid), kind)
            return _json({"id": fid, "ok": True})

        @api
        async def api_feedback_list(request: Request, session: auth.Session) -> HTTPResponse:
            items = await _db(st.list_feedback, include_resolved=request.args.get("open") != "1")
            return _json({"feedback": [{**f.__dict__, "kind_label": f.kind_label, "time": _fmt_time(f.created_at)}
                                       for f in items]})

        @api
        async def api_feedback_resolve(request: Request, session: auth.Session) -> HTTPResponse:
            body = _body(request)
            fid = body.get("id")
            if not isinstance(fid, int) or isinstance(fid, bool):
                raise ConsoleError(400, "缺少反馈编号（id）")
            resolved = body.get("resolved", True)
            if not isinstance(resolved, bool):
                raise ConsoleError(400, "resolved 应为 true 或 false")
            if not await _db(st.resolve_feedback, fid, session.operator, resolved):
                raise ConsoleError(404, "没有这条反馈")
            return _json({"id": fid, "resolved": resolved})

        routes = [
            (index_redirect, "", ["GET"], "index_redirect"),
            (index, "/", ["GET"], "index"),
            (login_form, "/login", ["GET"], "login_form"),
            (login, "/login", ["POST"], "login"),
            (logout, "/logout", ["POST"], "logout"),
            (review, "/review", ["GET"], "review"),
            (batch_form, "/batch", ["GET"], "batch_form"),
            (batch_upload, "/batch", ["POST"], "batch_upload"),
            (batch_file, "/batch/<rid:[0-9a-f]{16}>/<fname:report\\.xlsx|checklists\\.html>", ["GET"], "batch_file"),
            (static, "/static/<name:[A-Za-z0-9_.\\-]+>", ["GET"], "static"),
            (api_vocab, "/api/vocab", ["GET"], "api_vocab"),
            (api_conversations, "/api/conversations", ["GET"], "api_conversations"),
            (api_new_conversation, "/api/conversations", ["POST"], "api_new_conversation"),
            (api_conversation, "/api/conversation", ["GET"], "api_conversation"),
            (api_message, "/api/message", ["POST"], "api_message"),
            (api_slots, "/api/slots", ["POST"], "api_slots"),
            (api_handover, "/api/handover", ["POST"], "api_handover"),
            (api_feedback_add, "/api/feedback", ["POST"], "api_feedback_add"),
            (api_feedback_list, "/api/feedback", ["GET"], "api_feedback_list"),
            (api_feedback_resolve, "/api/feedback/resolve", ["POST"], "api_feedback_resolve"),
        ]
        for handler, uri, methods, name in routes:
            bp.add_route(handler, uri, methods=methods, name=name, strict_slashes=True)
        return bp


def _batch_unavailable_reason() -> str | None:
    try:
        ledger.load_batch()
        return None
    except ledger.BatchUnavailable as e:
        return str(e)
