"""Security review of the operator console (bot/console/), each finding tested against the real Rasa server.

1. Crash vector: a lone surrogate ("s\\udfff") or NUL in any console input (sid, operator, text, fact values, comments,
   query and form fields, file names) is refused with a Chinese 400 before it reaches Rasa or SQLite; the server
   stays up (before: SQLite's UnicodeEncodeError reached Rasa's SQLTrackerStore.session_scope, which exits the process).
2. Bearer-token guesses are throttled like logins, from the same per-address budget.
3. A flood of failed logins from many addresses does not reset the throttle: memory stays bounded (oldest addresses
   evicted one at a time) and every attempt is paced while the global failure count is high.
4. Logout revokes the session server-side: the old cookie is refused afterwards (401 / redirect to the login).
5. `rasa run` reachable from other hosts refuses to start with the development token `dev-console-token`.

One server start for the module (scripts/servers.py: loopback, free ports, temporary SQLite) with the REST channel and
the console, a real CONSOLE_TOKEN and a small global failure budget (so the flood test needs tens, not thousands, of
requests). Requests come from several loopback addresses (127.0.0.x): the throttle keys on the client address.
"""
from __future__ import annotations

import http.client
import json
import re
import secrets
import socket
import time
from urllib.parse import quote, urlencode

import pytest

from bot.console import auth
from scripts.servers import Servers
from tests.security.refused_start import rasa_run_refused

# every test but two small unit tests uses the servers: the module is marked as a whole
pytestmark = [pytest.mark.servers, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

TOKEN = "sec-" + secrets.token_hex(12)
GLOBAL_LIMIT = 40          # CONSOLE_LOGIN_GLOBAL_MAX_FAILURES on the test server
MAX_ADDRESSES = 30         # CONSOLE_LOGIN_MAX_ADDRESSES
FLOOD_INTERVAL = 2.0       # CONSOLE_LOGIN_FLOOD_INTERVAL
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    """Own servers: a small login-failure budget, whose flood test would throttle a shared console."""
    work = tmp_path_factory.mktemp("console_security")
    creds = work / "credentials.yml"
    creds.write_text("rest:\nbot.console.channel.ConsoleInput: {}\n", encoding="utf-8")
    env = {"CONSOLE_TOKEN": TOKEN, "CONSOLE_LOGIN_GLOBAL_MAX_FAILURES": str(GLOBAL_LIMIT),
           "CONSOLE_LOGIN_MAX_ADDRESSES": str(MAX_ADDRESSES), "CONSOLE_LOGIN_FLOOD_INTERVAL": str(FLOOD_INTERVAL)}
    s = Servers(work, extra_env=env, credentials=str(creds), rasa_args=["-i", "127.0.0.1"]).start()
    yield s
    s.stop()


# ----------------------------------------------------------------------------------------------- a small HTTP client
class Resp:
    def __init__(self, status: int, headers: dict, body: bytes):
        self.status, self.headers, self.body = status, headers, body
        self.text = body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)

    def cookie(self, name: str) -> str | None:
        m = re.search(rf"{name}=([^;]*)", self.headers.get("set-cookie", ""))
        return m.group(1) if m else None


def call(srv, method: str, path: str, *, src: str = "127.0.0.1", body: bytes | str | None = None,
         headers: dict | None = None, timeout: float = 60) -> Resp:
    """One request from the loopback address `src` (the server sees it as the client address)."""
    c = http.client.HTTPConnection("127.0.0.1", srv.rasa_port, source_address=(src, 0), timeout=timeout)
    try:
        c.request(method, path, body=body.encode() if isinstance(body, str) else body, headers=headers or {})
        r = c.getresponse()
        return Resp(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
    finally:
        c.close()


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def login(srv, operator: str = "安全测试", token: str = TOKEN, src: str = "127.0.0.1", headers: dict | None = None):
    return call(srv, "POST", "/console/login", src=src, body=urlencode({"operator": operator, "token": token}),
                headers={**FORM, **(headers or {})})


class Operator:
    """A logged-in operator: the session cookie and the page's CSRF token."""

    def __init__(self, srv, name: str = "安全测试"):
        self.srv = srv
        r = login(srv, name)
        assert r.status == 303, (r.status, r.text[:300])
        self.cookie = r.cookie("console_session")
        page = self.get("/console/")
        assert page.status == 200, page.status
        self.csrf = re.search(r'<meta name="console-csrf" content="([^"]+)"', page.text).group(1)

    def headers(self, extra: dict | None = None) -> dict:
        h = {"Cookie": f"console_session={self.cookie}"}
        if getattr(self, "csrf", None):
            h["X-Console-CSRF"] = self.csrf
        return {**h, **(extra or {})}

    def get(self, path: str, **kw) -> Resp:
        return call(self.srv, "GET", path, headers=self.headers(kw.pop("headers", None)), **kw)

    def post_raw(self, path: str, raw: bytes, content_type: str = "application/json", **kw) -> Resp:
        return call(self.srv, "POST", path, body=raw,
                    headers=self.headers({"Content-Type": content_type, **kw.pop("headers", {})}), **kw)

    def post(self, path: str, payload) -> Resp:
        # json.dumps escapes a lone surrogate as \udfff (valid JSON): exactly what a hostile client sends
        return self.post_raw(path, json.dumps(payload).encode("ascii"))

    def new_call(self) -> str:
        r = self.post("/console/api/conversations", {})
        assert r.status == 200, r.text
        return r.json()["sid"]


@pytest.fixture(scope="module")
def op(srv) -> Operator:
    return Operator(srv)


def chinese_error(r: Resp, status: int) -> str:
    assert r.status == status, (r.status, r.text[:300])
    msg = r.json()["error"]
    assert CHINESE.search(msg) and "Traceback" not in r.text, msg
    return msg


def alive(srv) -> None:
    """The Rasa process is still running and still answers the chat and the console."""
    assert srv.procs[-1].poll() is None, srv.rasa_log.read_text(errors="replace")[-3000:]
    assert srv.say("still-alive", "你好")


# ----------------------------------------------------------------------------------------------- 1. crash vector
SURROGATE = "s\udfff"
BAD_JSON = [   # (path, payload with "SID" for a fresh writable conversation)
    ("/console/api/feedback", {"sid": SURROGATE, "kind": "wrong", "comment": "x", "answer": "y"}),   # the review's case
    ("/console/api/feedback", {"sid": "web-user\x00", "kind": "wrong", "comment": "x", "answer": "y"}),
    ("/console/api/feedback", {"sid": "SID", "kind": "wrong", "comment": "错了\udfff", "answer": "y"}),
    ("/console/api/feedback", {"sid": "SID", "kind": "wrong", "comment": "错了", "answer": "y\udc80"}),
    ("/console/api/feedback", {"sid": "SID", "kind": "wrong", "comment": "错了", "benefit_id": "qy.\udfff"}),
    ("/console/api/feedback", {"sid": "SID", "kind": "wrong\udfff", "comment": "错了", "answer": "y"}),
    ("/console/api/message", {"sid": "SID", "text": "千阳的\udfff"}),
    ("/console/api/message", {"sid": "SID", "text": "千阳的\x00"}),
    ("/console/api/message", {"sid": "console:a:" + SURROGATE, "text": "你好"}),
    ("/console/api/message", {"sid": "SID", "text": "你好", "extra\udfff": 1}),
    ("/console/api/slots", {"sid": "SID", "field": "place", "value": "千阳\udfff"}),
    ("/console/api/slots", {"sid": "SID", "field": "place\udfff", "value": "千阳"}),
    ("/console/api/slots", {"sid": "SID", "field": "category", "value": ["脱贫劳动力", "\ud800"]}),
    ("/console/api/slots", {"sid": "SID", "field": "contract_months", "value": "12\x00"}),
    ("/console/api/handover", {"sid": SURROGATE, "active": True}),
    ("/console/api/feedback/resolve", {"id": 1, "note": [[["\udfff"]]]}),
]


@pytest.mark.parametrize("path,payload", BAD_JSON, ids=[f"{p.rsplit('/', 1)[1]}-{i}" for i, (p, _) in
                                                        enumerate(BAD_JSON)])
def test_invalid_text_is_refused_with_400_and_the_server_stays_up(srv, op, path, payload):
    sid = op.new_call()
    payload = {k: (sid if v == "SID" else v) for k, v in payload.items()}
    msg = chinese_error(op.post(path, payload), 400)
    assert "无法识别的字符" in msg or "对话编号" in msg
    alive(srv)


def test_the_reviewed_request_no_longer_stops_the_server(srv, op):
    """The exact request from the review: JSON "s\\udfff" as the conversation id of a feedback."""
    raw = b'{"sid": "s\\udfff", "kind": "wrong", "comment": "x", "answer": "y"}'
    chinese_error(op.post_raw("/console/api/feedback", raw), 400)
    alive(srv)          # the process is running and answers a whole chat turn after the request: no wait needed
    # the console itself still works, and a valid feedback is still stored
    sid = op.new_call()
    r = op.post("/console/api/feedback", {"sid": sid, "kind": "wrong", "comment": "好的", "answer": "一段回答"})
    assert r.status == 200, r.text


@pytest.mark.parametrize("query", ["?sid=web%00user", "?sid=" + quote("s\udfff", errors="surrogatepass"),
                                   "?sid=" + "x" * 300])
def test_conversation_query_with_bad_sid(srv, op, query):
    r = op.get("/console/api/conversation" + query)
    assert r.status in (400, 404), r.text          # %ED%BF%BF is decoded with replacement characters: no such sid
    assert "Traceback" not in r.text and CHINESE.search(r.json()["error"])
    alive(srv)


@pytest.mark.parametrize("query", ["?scope=mine%00", "?limit=3%00"])
def test_list_query_with_nul(op, query):
    chinese_error(op.get("/console/api/conversations" + query), 400)


def test_login_form_with_nul_or_undecodable_fields(srv):
    r = login(srv, operator="王芳\x00")
    assert r.status == 400 and "set-cookie" not in r.headers
    r = login(srv, operator="王芳", token=TOKEN + "\x00")
    assert r.status == 400 and "set-cookie" not in r.headers and "无法识别的字符" in r.text
    # a multipart field in a codec that produces a lone surrogate
    boundary = "b0undary"
    raw = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"operator\"\r\n"
           f"Content-Type: text/plain; charset=unicode_escape\r\n\r\n\\udfff\r\n"
           f"--{boundary}\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n{TOKEN}\r\n--{boundary}--\r\n")
    r = call(srv, "POST", "/console/login", body=raw, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert r.status == 400 and "set-cookie" not in r.headers and "无法识别的字符" in r.text
    alive(srv)


def test_upload_file_name_with_nul_is_refused(srv, op):
    boundary = "b0undary"
    name = quote("台账\x00.csv")
    raw = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{op.csrf}\r\n"
           f"--{boundary}\r\nContent-Disposition: form-data; name=\"ledger\"; filename*=UTF-8''{name}\r\n"
           f"Content-Type: text/csv\r\n\r\n户号,姓名,户籍地\r\nH1,张三,千阳县\r\n--{boundary}--\r\n").encode()
    r = op.post_raw("/console/batch", raw, content_type=f"multipart/form-data; boundary={boundary}")
    assert r.status == 400 and "文件名" in r.text, r.text[-500:]
    alive(srv)


def raw_request(srv, head: bytes, src: str = "127.0.0.1") -> tuple[int, bytes]:
    """Send bytes as they are (Sanic decodes the request head with surrogateescape: raw bytes become surrogates)."""
    with socket.create_connection(("127.0.0.1", srv.rasa_port), timeout=30, source_address=(src, 0)) as c:
        c.sendall(head)
        data = b""
        while True:
            chunk = c.recv(65536)
            if not chunk:
                break
            data += chunk
    return int(data.split(b" ", 2)[1]), data


def test_raw_undecodable_bytes_in_headers(srv, op):
    host = f"127.0.0.1:{srv.rasa_port}".encode()
    # the operator name of a script: not a valid name → "api"; nothing undecodable reaches the store
    status, data = raw_request(srv, b"POST /console/api/conversations HTTP/1.1\r\nHost: " + host +
                               b"\r\nAuthorization: Bearer " + TOKEN.encode() +
                               b"\r\nX-Console-Operator: \xed\xbf\xbf\r\nContent-Type: application/json"
                               b"\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", src="127.0.0.31")
    assert status == 200 and b'"sid": "console:api:' in data.replace(b'":"', b'": "'), data[-300:]
    # a bearer token that is not text: a failed guess (401), not a 500
    status, data = raw_request(srv, b"GET /console/api/vocab HTTP/1.1\r\nHost: " + host +
                               b"\r\nAuthorization: Bearer \xff\xfe\r\nConnection: close\r\n\r\n", src="127.0.0.32")
    assert status == 401, data[-300:]
    # a cookie or CSRF header that is not text: not logged in / refused, not a 500
    status, data = raw_request(srv, b"GET /console/api/vocab HTTP/1.1\r\nHost: " + host +
                               b"\r\nCookie: console_session=\xed\xbf\xbf.x\r\nConnection: close\r\n\r\n")
    assert status == 401, data[-300:]
    status, data = raw_request(srv, b"GET /console/api/vocab HTTP/1.1\r\nHost: " + host + b"\r\nCookie: "
                               b"console_session=" + op.cookie.encode() + b"\r\nX-Console-CSRF: \xed\xbf\xbf"
                               b"\r\nConnection: close\r\n\r\n")
    assert status == 403, data[-300:]
    alive(srv)


# ----------------------------------------------------------------------------------------------- 2. bearer throttle
def bearer(srv, token: str, src: str, path: str = "/console/api/vocab") -> Resp:
    return call(srv, "GET", path, src=src, headers={"Authorization": f"Bearer {token}"})


def test_bearer_token_guesses_are_throttled(srv):
    a, b = "127.0.0.11", "127.0.0.12"
    codes = [bearer(srv, f"guess-{i}", a).status for i in range(10)]
    assert codes == [401] * 10
    r = bearer(srv, "guess-10", a)
    assert r.status == 429 and int(r.headers["retry-after"]) > 60 and "分钟后再试" in r.json()["error"]
    # blocked before the token is looked at: even the right token gets no answer from this address now
    assert bearer(srv, TOKEN, a).status == 429
    # pages with a bearer token are throttled too
    assert call(srv, "GET", "/console/review", src=a, headers={"Authorization": "Bearer x"}).status == 429
    # another address is not affected, and the right token works there
    assert bearer(srv, TOKEN, b).status == 200


def test_bearer_guesses_and_failed_logins_share_one_budget(srv):
    a = "127.0.0.13"
    assert [bearer(srv, f"g{i}", a).status for i in range(5)] == [401] * 5
    assert [login(srv, "王芳", f"g{i}", src=a).status for i in range(5)] == [401] * 5
    r = login(srv, "王芳", TOKEN, src=a)
    assert r.status == 429 and "set-cookie" not in r.headers and "分钟后再试" in r.text
    assert bearer(srv, TOKEN, a).status == 429


# ----------------------------------------------------------------------------------------------- 4. logout revokes
def test_logout_revokes_the_cookie_server_side(srv):
    first, other = Operator(srv, "登出甲"), Operator(srv, "登出乙")
    assert first.get("/console/api/vocab").status == 200
    old_cookie = first.cookie
    r = call(srv, "POST", "/console/logout", body=urlencode({"csrf": first.csrf}), headers=first.headers(FORM))
    assert r.status == 303 and r.headers["location"] == "/console/login" and "Max-Age=0" in r.headers["set-cookie"]
    # the browser would drop the cookie; a copy of it (stolen, or a second tab's) is refused from now on
    first.cookie = old_cookie
    chinese_error(first.get("/console/api/vocab"), 401)
    chinese_error(first.post("/console/api/conversations", {}), 401)
    page = first.get("/console/")
    assert page.status == 302 and page.headers["location"] == "/console/login"
    assert first.get("/console/review").status == 302
    # the login page no longer takes it for a session either
    assert first.get("/console/login").status == 200
    # the other operator's session is untouched
    assert other.get("/console/api/vocab").status == 200


def test_a_correctly_signed_cookie_without_a_server_side_session_is_refused(srv, monkeypatch):
    """Signed with the server's key, but never issued by a login (or issued before the session table existed)."""
    monkeypatch.setenv("CONSOLE_TOKEN", TOKEN)
    cookie, session = auth.new_session("伪造")
    h = {"Cookie": f"console_session={cookie}", "X-Console-CSRF": session.csrf}
    chinese_error(call(srv, "GET", "/console/api/vocab", headers=h), 401)
    assert call(srv, "GET", "/console/", headers=h).status == 302


def test_session_table_unit(tmp_path):
    from bot.console import store

    st = store.ConsoleStore(f"sqlite:///{tmp_path / 's.db'}")
    key = auth.session_key("ab" * 16)
    assert key != "ab" * 16 and not st.session_active(key)
    st.add_session(key, "王芳", 1000.0, 1000.0 + auth.SESSION_SECONDS)
    assert st.session_active(key, now=1001) and not st.session_active(key, now=1000 + auth.SESSION_SECONDS + 1)
    assert st.revoke_session(key) and not st.session_active(key, now=1001) and not st.revoke_session(key)
    # rows long expired are deleted at the next login (the table does not grow without end)
    st.add_session(auth.session_key("cd" * 16), "李四", 1000.0 + 3 * 86400, 1000.0 + 4 * 86400)
    with st.engine.connect() as c:
        assert c.execute(store.sa.select(store.sessions_table.c.operator)).scalars().all() == ["李四"]


def test_cookie_flags_and_secure_over_https(srv):
    r = login(srv, "王芳")
    c = r.headers["set-cookie"]
    assert r.status == 303 and "HttpOnly" in c and "SameSite=Strict" in c and "Path=/console" in c
    assert "Secure" not in c
    r = login(srv, "王芳", headers={"X-Forwarded-Proto": "https"})
    assert r.status == 303 and "Secure" in r.headers["set-cookie"]


# ----------------------------------------------------------------------------------------------- 3. flood
def test_throttle_unit_bounded_memory_no_reset_and_pacing():
    t = auth.LoginThrottle(limit=3, window=600, global_limit=50, flood_interval=2, max_addresses=100)
    for _ in range(3):
        t.fail("10.0.0.1", now=1000)
    assert t.blocked("10.0.0.1", now=1001)
    for i in range(100_000):                                   # a flood from many addresses
        if not t.blocked(f"10.1.{i >> 8 & 255}.{i & 255}", now=1001 + i * 0.001):
            t.fail(f"10.1.{i >> 8 & 255}.{i & 255}", now=1001 + i * 0.001)
    assert len(t.failures) <= 100                              # bounded memory
    now = 1001 + 100_000 * 0.001
    # not forgotten: nobody may guess at full speed, neither the first address nor a new one
    assert t.blocked("10.0.0.1", now=now) and t.blocked("10.9.9.9", now=now)
    allowed = 0
    for k in range(100):                                       # 10 s of attempts every 0.1 s from fresh addresses
        who, at = f"10.2.0.{k}", now + k * 0.1
        if not t.blocked(who, now=at):
            allowed += 1
            t.fail(who, now=at)
    assert allowed <= 6                                        # about one per flood_interval
    # the flood is over once the window has passed: normal again
    assert not t.blocked("10.9.9.9", now=now + 700)
    # IPv6: one /64 is one client
    assert auth.client_key("2001:db8::1") == auth.client_key("2001:db8::ffff:1") != auth.client_key("2001:db8:0:1::1")


def test_a_flood_of_failed_logins_does_not_reset_the_throttle(srv, op):
    """Run last in the module: it leaves the server paced for the rest of the window."""
    blocked = "127.0.0.21"
    assert [login(srv, "王芳", f"w{i}", src=blocked).status for i in range(10)] == [401] * 10
    assert login(srv, "王芳", "w10", src=blocked).status == 429
    # a flood: one failed login from each of many addresses (more addresses than the table keeps)
    statuses = []
    for i in range(2 * MAX_ADDRESSES + GLOBAL_LIMIT):
        statuses.append(login(srv, "王芳", "flood", src=f"127.4.{i // 250}.{i % 250 + 1}").status)
    assert set(statuses) <= {401, 429}
    assert 429 in statuses, statuses                               # before: 401 for every one of them
    first_paced = statuses.index(429)
    assert first_paced <= GLOBAL_LIMIT                             # the global budget was reached
    assert statuses[first_paced:].count(401) <= 3                  # then only about one attempt per 2 s got through
    # not forgotten: the address blocked before the flood still cannot guess at full speed
    burst = [login(srv, "王芳", f"x{i}", src=blocked).status for i in range(10)]
    assert burst.count(401) <= 1 and set(burst) <= {401, 429}, burst
    # paced, not locked: after the interval one attempt gets through; right after it everybody waits again
    time.sleep(FLOOD_INTERVAL + 0.2)
    assert login(srv, "王芳", "paced-1", src="127.5.0.1").status == 401
    r = login(srv, "王芳", "paced-2", src="127.5.0.2")
    assert r.status == 429 and "秒后再试" in r.text and int(r.headers["retry-after"]) <= FLOOD_INTERVAL + 1
    r = bearer(srv, "paced-3", "127.5.0.3")
    assert r.status == 429 and "秒后再试" in r.json()["error"]
    # the right token still logs in once its turn comes
    time.sleep(FLOOD_INTERVAL + 0.2)
    ok = login(srv, "王芳", TOKEN, src="127.5.0.4")
    assert ok.status == 303 and ok.cookie("console_session")
    # sessions made before the flood keep working (cookies are not throttled)
    assert op.get("/console/api/vocab").status == 200
    alive(srv)


# ----------------------------------------------------------------------------------------------- 5. dev token
@pytest.mark.parametrize("token", [None, auth.DEV_TOKEN])
def test_exposed_rasa_run_refuses_the_development_console_token(tmp_path, token):
    """The real `rasa run -i 0.0.0.0` with the console channel: refused while the blueprint is built, before anything
    is bound. (On loopback the development token is still accepted: tests/security/test_upload_security.py.)"""
    creds = tmp_path / "credentials.yml"
    creds.write_text("bot.console.channel.ConsoleInput: {}\n", encoding="utf-8")
    env = {k: v for k, v in Servers(tmp_path).env.items() if k != "CONSOLE_TOKEN"}
    if token is not None:
        env["CONSOLE_TOKEN"] = token
    text = rasa_run_refused(["-i", "0.0.0.0", "--credentials", str(creds)], env,
                            "rasa run -i 0.0.0.0 with the development console token")
    assert "拒绝启动" in text and "CONSOLE_TOKEN" in text and auth.DEV_TOKEN in text, text[-2000:]
    assert "Rasa server is up and running" not in text, text[-2000:]
