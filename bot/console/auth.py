"""Console authentication: one shared token (env CONSOLE_TOKEN), a signed session cookie, a CSRF header token.

* Login: the operator gives a name and the token. On success the server sets ``console_session``: HttpOnly,
  SameSite=Strict, Path=/console, 12 hours, Secure when the request came over https.
* The cookie value is ``<payload>.<signature>``: payload = base64url(JSON {op, iat, n}); signature = HMAC-SHA256 with a
  key derived from the token (changing CONSOLE_TOKEN logs everybody out).
* CSRF: every API call made with the cookie must also carry the header ``X-Console-CSRF`` = HMAC(key, "csrf:" +
  payload). The page gets it in a <meta> tag; another site can neither read it nor send the SameSite cookie.
  Form posts (logout, batch upload) carry it in a hidden field instead.
* Scripts may skip the cookie and send ``Authorization: Bearer <CONSOLE_TOKEN>`` (no CSRF needed: browsers never
  add that header by themselves).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import time
from dataclasses import dataclass

logger = logging.getLogger(__name__)

DEV_TOKEN = "dev-console-token"
COOKIE = "console_session"
CSRF_HEADER = "X-Console-CSRF"
SESSION_SECONDS = 12 * 3600
OPERATOR_RE = re.compile(r"^[\w.\-]{1,20}$")    # \w: letters (Chinese too), digits, underscore

_warned = False


def console_token() -> str:
    """CONSOLE_TOKEN, or the documented development default (with a warning in the log, once)."""
    global _warned
    tok = os.environ.get("CONSOLE_TOKEN") or ""
    if tok:
        return tok
    if not _warned:
        _warned = True
        logger.warning("CONSOLE_TOKEN is not set: the operator console accepts the development token %r. "
                       "Set CONSOLE_TOKEN before exposing this server to anyone.", DEV_TOKEN)
    return DEV_TOKEN


def _key() -> bytes:
    return hashlib.sha256(b"console-session-v1:" + console_token().encode()).digest()


def _b64(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def _unb64(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def _sign(msg: str) -> str:
    return _b64(hmac.new(_key(), msg.encode(), hashlib.sha256).digest())


def check_token(given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(str(given).encode(), console_token().encode())


def valid_operator(name: str | None) -> bool:
    return bool(name) and bool(OPERATOR_RE.match(name))


@dataclass
class Session:
    operator: str
    payload: str            # the signed part of the cookie; the CSRF token is derived from it
    via_bearer: bool = False

    @property
    def csrf(self) -> str:
        return _sign("csrf:" + self.payload)


def new_session_cookie(operator: str, now: float | None = None) -> str:
    payload = _b64(json.dumps({"op": operator, "iat": int(now or time.time()), "n": secrets.token_hex(8)},
                              ensure_ascii=False).encode())
    return f"{payload}.{_sign(payload)}"


def read_session_cookie(value: str | None, now: float | None = None) -> Session | None:
    if not value or value.count(".") != 1:
        return None
    payload, sig = value.split(".")
    if not hmac.compare_digest(sig.encode(), _sign(payload).encode()):
        return None
    try:
        data = json.loads(_unb64(payload))
        op, iat = str(data["op"]), int(data["iat"])
    except (ValueError, KeyError, TypeError):
        return None
    now = now or time.time()
    if not valid_operator(op) or iat > now + 60 or now - iat > SESSION_SECONDS:
        return None
    return Session(op, payload)


def session_from_request(request) -> Session | None:
    """The cookie session, or a bearer-token session for scripts. None: not logged in."""
    auth = request.headers.get("authorization") or ""
    if auth.lower().startswith("bearer "):
        if check_token(auth[7:].strip()):
            op = request.headers.get("x-console-operator") or "api"
            return Session(op if valid_operator(op) else "api", "", via_bearer=True)
        return None
    return read_session_cookie(request.cookies.get(COOKIE))


def csrf_ok(session: Session, given: str | None) -> bool:
    if session.via_bearer:
        return True
    return bool(given) and hmac.compare_digest(str(given).encode(), session.csrf.encode())


def set_cookie(response, value: str, secure: bool) -> None:
    response.cookies[COOKIE] = value
    c = response.cookies[COOKIE]
    c["httponly"] = True
    c["samesite"] = "Strict"
    c["path"] = "/console"
    c["max-age"] = SESSION_SECONDS
    if secure:
        c["secure"] = True


def clear_cookie(response) -> None:
    response.cookies[COOKIE] = ""
    c = response.cookies[COOKIE]
    c["httponly"] = True
    c["samesite"] = "Strict"
    c["path"] = "/console"
    c["max-age"] = 0


class LoginThrottle:
    """At most `limit` failed logins per client address in `window` seconds (in memory, per process)."""

    def __init__(self, limit: int = 10, window: float = 600):
        self.limit, self.window = limit, window
        self.failures: dict[str, list[float]] = {}

    def blocked(self, who: str, now: float | None = None) -> bool:
        now = now or time.time()
        recent = [t for t in self.failures.get(who, []) if now - t < self.window]
        self.failures[who] = recent
        return len(recent) >= self.limit

    def fail(self, who: str, now: float | None = None) -> None:
        self.failures.setdefault(who, []).append(now or time.time())
        if len(self.failures) > 10000:       # bound memory
            self.failures.clear()

    def ok(self, who: str) -> None:
        self.failures.pop(who, None)
