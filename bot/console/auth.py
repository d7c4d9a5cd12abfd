"""Console authentication: one shared token (env CONSOLE_TOKEN), a signed session cookie backed by a server-side
session table, a CSRF header token, and a throttle on every token guess.

* Login: the operator gives a name and the token. On success the server records a new session (table
  ``console_sessions``, store.py) and sets ``console_session``: HttpOnly, SameSite=Strict, Path=/console, 12 hours,
  Secure when the request came over https.
* The cookie value is ``<payload>.<signature>``: payload = base64url(JSON {op, iat, sid}); signature = HMAC-SHA256
  with a key derived from the token (changing CONSOLE_TOKEN logs everybody out). ``sid`` names the server-side
  session: logout revokes it, and a cookie whose session is revoked, expired or unknown is refused.
* CSRF: every API call made with the cookie must also carry the header ``X-Console-CSRF`` = HMAC(key, "csrf:" +
  payload). The page gets it in a <meta> tag; another site can neither read it nor send the SameSite cookie.
  Form posts (logout, batch upload) carry it in a hidden field instead.
* Scripts may skip the cookie and send ``Authorization: Bearer <CONSOLE_TOKEN>`` (no CSRF needed: browsers never
  add that header by themselves). Wrong bearer tokens count as failed logins (LoginThrottle).
* The development token ``dev-console-token`` is accepted only while CONSOLE_TOKEN is unset; a server reachable
  from other hosts refuses to start with it (bot/exposure.py, called from the channel's blueprint).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import json
import logging
import os
import re
import secrets
import time
from collections import OrderedDict, deque
from dataclasses import dataclass

from ..textcheck import valid_text

logger = logging.getLogger(__name__)

DEV_TOKEN = "dev-console-token"
COOKIE = "console_session"
CSRF_HEADER = "X-Console-CSRF"
SESSION_SECONDS = 12 * 3600
OPERATOR_RE = re.compile(r"^[\w.\-]{1,20}$")    # \w: letters (Chinese too), digits, underscore
SESSION_ID_RE = re.compile(r"^[0-9a-f]{32}$")
MAX_TOKEN = 512                                 # characters of a token given at login / in a bearer header

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
    if not given or not valid_text(given, MAX_TOKEN):
        return False
    return hmac.compare_digest(given.encode(), console_token().encode())


def valid_operator(name: str | None) -> bool:
    return bool(name) and valid_text(name, 20) and bool(OPERATOR_RE.match(name))


def session_key(sid: str) -> str:
    """What the session table stores for a session id (a hash: the table alone does not give a usable cookie)."""
    return hashlib.sha256(b"console-sid:" + sid.encode()).hexdigest()


@dataclass
class Session:
    operator: str
    payload: str            # the signed part of the cookie; the CSRF token is derived from it
    via_bearer: bool = False
    sid: str = ""           # server-side session id ("" for bearer sessions)
    iat: int = 0

    @property
    def csrf(self) -> str:
        return _sign("csrf:" + self.payload)

    @property
    def expires(self) -> float:
        return self.iat + SESSION_SECONDS


def new_session(operator: str, now: float | None = None) -> tuple[str, Session]:
    """A new cookie value and its session (the caller records session.sid in the session table)."""
    sid = secrets.token_hex(16)
    iat = int(now or time.time())
    payload = _b64(json.dumps({"op": operator, "iat": iat, "sid": sid}, ensure_ascii=False).encode())
    return f"{payload}.{_sign(payload)}", Session(operator, payload, sid=sid, iat=iat)


def new_session_cookie(operator: str, now: float | None = None) -> str:
    return new_session(operator, now)[0]


def read_session_cookie(value: str | None, now: float | None = None) -> Session | None:
    """The session a cookie names, when its signature and age are right (the caller still asks the session table
    whether it was revoked)."""
    if not value or not valid_text(value, 1024) or value.count(".") != 1:
        return None
    payload, sig = value.split(".")
    if not hmac.compare_digest(sig.encode(), _sign(payload).encode()):
        return None
    try:
        data = json.loads(_unb64(payload))
        op, iat, sid = str(data["op"]), int(data["iat"]), str(data["sid"])
    except (ValueError, KeyError, TypeError):
        return None
    now = now or time.time()
    if not valid_operator(op) or not SESSION_ID_RE.match(sid) or iat > now + 60 or now - iat > SESSION_SECONDS:
        return None
    return Session(op, payload, sid=sid, iat=iat)


def bearer_of(request) -> str | None:
    """The token of an ``Authorization: Bearer …`` header ("" when the header is there but empty), else None."""
    auth = request.headers.get("authorization") or ""
    if auth[:7].lower() != "bearer ":
        return None
    return auth[7:].strip()


def bearer_session(request) -> Session | None:
    """A session for a script that sent the right bearer token, else None. Callers throttle it (LoginThrottle)."""
    if not check_token(bearer_of(request)):
        return None
    op = request.headers.get("x-console-operator") or "api"
    return Session(op if valid_operator(op) else "api", "", via_bearer=True)


def csrf_ok(session: Session, given: str | None) -> bool:
    if session.via_bearer:
        return True
    return bool(given) and valid_text(given, 200) and hmac.compare_digest(given.encode(), session.csrf.encode())


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


def client_key(ip: str | None) -> str:
    """The throttle's key for a client address: the address itself, or its /64 for IPv6 (one host has them all)."""
    ip = (ip or "?").strip()
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return ip[:64]
    if addr.version == 6:
        if addr.ipv4_mapped:
            return str(addr.ipv4_mapped)
        return str(ipaddress.ip_network(f"{addr}/64", strict=False))
    return str(addr)


def _env_num(name: str, default: float) -> float:
    try:
        v = float(os.environ.get(name) or default)
        return v if v > 0 else default
    except ValueError:
        return default


class LoginThrottle:
    """Failed token guesses (logins and bearer tokens), per process, in bounded memory, without a reset.

    * Per address (IPv6: per /64): `limit` failures in `window` seconds block that address until the oldest of them
      is `window` seconds old.
    * Globally: once `global_limit` failures happened within `window` (a flood, e.g. from many addresses), every
      attempt from any address is paced: after each failure nobody may try again for `flood_interval` seconds. The
      pacing lasts as long as the failure count in the window stays high; successful logins do not count.
    * Memory: at most `max_addresses` addresses, each with at most `limit` timestamps; when full, the address whose
      last failure is oldest is evicted (one at a time, never the whole table), and the global count (one counter
      per `bucket` seconds) still holds what it did.

    Callers ask ``retry_after(who)`` before checking a token (so a blocked guess is never verified), then report
    ``fail(who)`` or ``ok(who)``. Defaults come from CONSOLE_LOGIN_MAX_FAILURES (10), CONSOLE_LOGIN_WINDOW (600),
    CONSOLE_LOGIN_GLOBAL_MAX_FAILURES (100), CONSOLE_LOGIN_FLOOD_INTERVAL (2), CONSOLE_LOGIN_MAX_ADDRESSES (10000).
    """

    def __init__(self, limit: int | None = None, window: float | None = None, global_limit: int | None = None,
                 flood_interval: float | None = None, max_addresses: int | None = None, bucket: float = 10.0):
        self.limit = int(limit or _env_num("CONSOLE_LOGIN_MAX_FAILURES", 10))
        self.window = float(window or _env_num("CONSOLE_LOGIN_WINDOW", 600))
        self.global_limit = int(global_limit or _env_num("CONSOLE_LOGIN_GLOBAL_MAX_FAILURES", 100))
        self.flood_interval = float(flood_interval or _env_num("CONSOLE_LOGIN_FLOOD_INTERVAL", 2.0))
        self.max_addresses = int(max_addresses or _env_num("CONSOLE_LOGIN_MAX_ADDRESSES", 10000))
        self.bucket = float(bucket)
        self.failures: OrderedDict[str, deque] = OrderedDict()   # address → recent failure times, oldest address first
        self._buckets: deque = deque()                           # [bucket start, failures] over the last window
        self._next_slot = 0.0                                    # under a flood: nobody tries before this time
        self._warned_at = float("-inf")

    def _global_failures(self, now: float) -> int:
        while self._buckets and now - self._buckets[0][0] >= self.window + self.bucket:
            self._buckets.popleft()
        return sum(n for start, n in self._buckets if now - start < self.window + self.bucket)

    def flooded(self, now: float | None = None) -> bool:
        return self._global_failures(now or time.time()) >= self.global_limit

    def retry_after(self, who: str, now: float | None = None) -> float:
        """0 when `who` may try a token now, else the seconds to wait."""
        now = now or time.time()
        q = self.failures.get(who)
        if q is not None:
            while q and now - q[0] >= self.window:
                q.popleft()
            if not q:
                del self.failures[who]
            elif len(q) >= self.limit:
                return max(q[0] + self.window - now, 0.001)
        if now < self._next_slot and self.flooded(now):
            return self._next_slot - now
        return 0.0

    def blocked(self, who: str, now: float | None = None) -> bool:
        return self.retry_after(who, now) > 0

    def fail(self, who: str, now: float | None = None) -> None:
        now = now or time.time()
        q = self.failures.pop(who, None)
        if q is None:
            q = deque(maxlen=self.limit)
        q.append(now)
        self.failures[who] = q                        # most recent last
        while len(self.failures) > self.max_addresses:
            self.failures.popitem(last=False)         # evict the address whose last failure is oldest
        start = now - now % self.bucket
        if self._buckets and self._buckets[-1][0] == start:
            self._buckets[-1][1] += 1
        else:
            self._buckets.append([start, 1])
        if self.flooded(now):
            self._next_slot = max(self._next_slot, now) + self.flood_interval
            if now - self._warned_at >= self.window:
                self._warned_at = now
                logger.warning("console: %d failed logins in %.0f s: every login attempt is now paced (one per "
                               "%.0f s after each failure)", self._global_failures(now), self.window,
                               self.flood_interval)

    def ok(self, who: str) -> None:
        self.failures.pop(who, None)
