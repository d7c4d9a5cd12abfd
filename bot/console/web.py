"""The console's web plumbing, shared by every route module: limits, security headers, JSON and page responses,
request checks (origin, JSON bodies, query and form fields), the sender-id rules and the database call wrapper.

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
import re
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlparse

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from ..textcheck import valid_id, valid_text
from . import view

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
STATIC_FILES = {"console.js", "console-cards.js", "console.css", "review.js"}
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

jinja = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                    autoescape=select_autoescape(["html", "htm", "xml"], default=True),
                    trim_blocks=True, lstrip_blocks=True)


def fmt_time(ts: float | None) -> str:
    if not ts:
        return ""
    return dt.datetime.fromtimestamp(float(ts)).strftime("%Y-%m-%d %H:%M")


jinja.filters["time"] = fmt_time


class ConsoleError(Exception):
    def __init__(self, status: int, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.status, self.message, self.retry_after = status, message, retry_after


def throttled(wait: float, login: bool = False) -> ConsoleError:
    if wait > 60:
        msg = f"口令错误次数太多，请{math.ceil(wait / 60)}分钟后再试"
    else:
        msg = f"{'登录' if login else '口令'}尝试太频繁，请{math.ceil(wait)}秒后再试"
    return ConsoleError(429, msg, retry_after=wait)


# ----------------------------------------------------------------------------------------------- helpers
def secure_headers(resp: HTTPResponse) -> HTTPResponse:
    for k, v in SECURITY_HEADERS.items():
        resp.headers.setdefault(k, v)
    return resp


def reply_json(data: Any, status: int = 200) -> HTTPResponse:
    return secure_headers(response.json(data, status=status, dumps=functools.partial(json.dumps, ensure_ascii=False,
                                                                                     default=str)))


def error(status: int, message: str, retry_after: float | None = None) -> HTTPResponse:
    resp = reply_json({"error": message}, status)
    if retry_after:
        resp.headers["Retry-After"] = str(math.ceil(retry_after))
    return resp


def render(name: str, status: int = 200, **ctx) -> HTTPResponse:
    html = jinja.get_template(name).render(prefix=PREFIX, **ctx)
    return secure_headers(response.html(html, status=status))


def is_https(request: Request) -> bool:
    proto = (request.headers.get("x-forwarded-proto") or request.scheme or "").split(",")[0].strip().lower()
    return proto == "https"


def same_origin(request: Request) -> bool:
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


def check_json(value: Any, depth: int = 0) -> None:
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
            check_json(v, depth + 1)
    elif isinstance(value, list):
        for v in value:
            check_json(v, depth + 1)


def body_of(request: Request) -> dict:
    try:
        data = request.json
    except Exception:  # noqa: BLE001  (sanic raises InvalidUsage on bad JSON)
        raise ConsoleError(400, "请求内容不是有效的 JSON") from None
    if data is None:
        raise ConsoleError(400, "请求内容为空，应为 JSON 对象")
    if not isinstance(data, dict):
        raise ConsoleError(400, "请求内容应为 JSON 对象")
    check_json(data)
    return data


def check_args(request: Request) -> None:
    """Query parameters: valid text, bounded (percent-decoding may give NUL)."""
    for k, vs in request.args.items():
        if not valid_text(k, MAX_FIELD) or not all(valid_text(v, MAX_ARG) for v in vs):
            raise ConsoleError(400, BAD_TEXT)


def form_of(request: Request) -> dict:
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


def files_of(request: Request) -> dict:
    try:
        return request.files or {}
    except Exception:  # noqa: BLE001
        raise ConsoleError(400, "上传的文件看不懂，请重新选择文件上传") from None


def agent_of(request: Request):
    agent = getattr(request.app.ctx, "agent", None)
    if agent is None or not agent.is_ready():
        raise ConsoleError(503, "助手模型还没有加载好，请稍后再试")
    return agent


def sid_of(value: Any, *, writable: bool = True) -> str:
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


async def db(fn: Callable, *args, **kw):
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(None, functools.partial(fn, *args, **kw))
    except ConsoleError:
        raise
    except Exception:  # noqa: BLE001
        logger.exception("console database call failed")
        raise ConsoleError(503, "坐席台数据库暂时连不上，请稍后再试") from None


def text_of(value: Any, max_chars: int, missing: str, too_long: str) -> str:
    """A stripped, non-empty, valid text of at most `max_chars` characters, else ConsoleError(400)."""
    if not isinstance(value, str) or not value.strip():
        raise ConsoleError(400, missing)
    if not valid_text(value):
        raise ConsoleError(400, BAD_TEXT)
    value = value.strip()
    if len(value) > max_chars:
        raise ConsoleError(400, too_long)
    return value


def slots_of(tracker) -> dict:
    keys = view.State().to_slots().keys()
    return {k: tracker.get_slot(k) for k in keys} if tracker is not None else {}
