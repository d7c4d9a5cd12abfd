"""The console's pages outside the call screen's API: the page itself, login and logout, the static files.

    GET  /console/                 the console page (redirects to /console/login without a session)
    GET  /console/login, POST      login form (operator name + CONSOLE_TOKEN) → HttpOnly SameSite=Strict cookie
    POST /console/logout
    GET  /console/static/<file>    console.js, console.css, review.js (local files, no CDN)
"""
from __future__ import annotations

import logging
import math
import mimetypes
from typing import TYPE_CHECKING

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from . import auth, view, web
from .web import ConsoleError

if TYPE_CHECKING:
    from .channel import ConsoleInput

logger = logging.getLogger(__name__)


def routes(ch: "ConsoleInput") -> list[tuple]:
    page, st = ch._page, ch.store

    async def index_redirect(request: Request) -> HTTPResponse:
        return web.secure_headers(response.redirect(f"{web.PREFIX}/"))

    @page
    async def index(request: Request, session: auth.Session) -> HTTPResponse:
        return web.render("console.html", operator=session.operator, csrf=session.csrf,
                          boot={"operator": session.operator, "prefix": web.PREFIX, "vocab": view.vocabulary(),
                             "as_of": view.as_of_today().isoformat()})

    async def login_form(request: Request) -> HTTPResponse:
        try:
            session = await ch._session(request) if auth.bearer_of(request) is None else None
        except ConsoleError:
            session = None
        if session is not None:
            return web.secure_headers(response.redirect(f"{web.PREFIX}/"))
        return web.render("login.html", error=None, operator="", dev=auth.console_token() == auth.DEV_TOKEN)

    async def login(request: Request) -> HTTPResponse:
        who = auth.client_key(request.ip)
        dev = auth.console_token() == auth.DEV_TOKEN
        if not web.same_origin(request):
            return web.render("login.html", status=403, error="拒绝来自其他网站的登录请求", operator="", dev=dev)
        # asked before the token is looked at: a blocked guess is never checked
        wait = ch.throttle.retry_after(who)
        if wait:
            e = web.throttled(wait, login=True)
            resp = web.render("login.html", status=429, error=e.message, operator="", dev=dev)
            resp.headers["Retry-After"] = str(math.ceil(wait))
            return resp
        try:
            form = web.form_of(request)
        except ConsoleError as e:
            return web.render("login.html", status=e.status, error=e.message, operator="", dev=dev)
        operator = (form.get("operator") or "").strip()
        token = form.get("token") or ""
        if not auth.valid_operator(operator):
            return web.render("login.html", status=400, operator=operator[:20], dev=dev,
                              error="请填坐席名（1到20个字，可用汉字、字母、数字、-、_、.）")
        if not auth.check_token(token):
            ch.throttle.fail(who)
            logger.warning("console: failed login for operator %r from %s", operator, who)
            return web.render("login.html", status=401, error="口令不对", operator=operator, dev=dev)
        ch.throttle.ok(who)
        cookie, session = auth.new_session(operator)
        try:
            await web.db(st.add_session, auth.session_key(session.sid), operator, session.iat, session.expires)
        except ConsoleError as e:
            return web.render("login.html", status=e.status, error=e.message, operator=operator, dev=dev)
        resp = web.secure_headers(response.redirect(f"{web.PREFIX}/", status=303))
        auth.set_cookie(resp, cookie, secure=web.is_https(request))
        logger.info("console: operator %r logged in", operator)
        return resp

    async def logout(request: Request) -> HTTPResponse:
        # the cookie's own session only (a bearer token has nothing to log out of)
        session = auth.read_session_cookie(request.cookies.get(auth.COOKIE))
        try:
            form = web.form_of(request)
        except ConsoleError:
            form = {}
        resp = web.secure_headers(response.redirect(f"{web.PREFIX}/login", status=303))
        if session is not None and web.same_origin(request) and auth.csrf_ok(session, form.get("csrf")):
            try:
                await web.db(st.revoke_session, auth.session_key(session.sid))
            except ConsoleError as e:
                return web.render("message.html", status=e.status, title="退出失败", message=e.message,
                                  operator=None, csrf=None)
            auth.clear_cookie(resp)
            logger.info("console: operator %r logged out", session.operator)
        return resp


    async def static(request: Request, name: str) -> HTTPResponse:
        if name not in web.STATIC_FILES:
            return response.text("not found", status=404)
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        resp = response.raw((web.STATIC_DIR / name).read_bytes(), content_type=f"{mime}; charset=utf-8")
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Cache-Control"] = "no-cache"
        return resp


    return [
        (index_redirect, "", ["GET"], "index_redirect"),
        (index, "/", ["GET"], "index"),
        (login_form, "/login", ["GET"], "login_form"),
        (login, "/login", ["POST"], "login"),
        (logout, "/logout", ["POST"], "logout"),
        (static, "/static/<name:[A-Za-z0-9_.\\-]+>", ["GET"], "static"),
    ]
