"""The servers closed to strangers (docs/security.md), each vector tried against the real processes:

- no request stops the Rasa server: lone surrogates and NULs in sender ids, messages and metadata, deep nesting,
  garbage bodies, on every entry point; the server still answers afterwards and its process is alive;
- Rasa's HTTP API is closed the way scripts/serve.sh starts it, and needs the token where a test opens it;
- an open API without a token, wildcard CORS, or development secrets on a non-loopback interface refuse to start;
- the action server listens on loopback only and refuses calls without the shared secret: no forged answer, no
  forged audit row;
- the tracker store turns a bad value into one failed request, never a process exit.
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import uuid
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from policies.privacy import mask_sender
from scripts.servers import ROOT, VENV_BIN, Servers, free_port
from tests.conftest import CONSOLE_TOKEN, wait_for
from tests.security.refused_start import listening_addresses, rasa_run_refused

# every test but three small unit tests uses the servers: the module is marked as a whole
pytestmark = pytest.mark.servers


def _req(url: str, method: str = "GET", body: bytes | None = None, headers: dict | None = None,
         timeout: float = 30) -> tuple[int, bytes]:
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def _alive(s: Servers) -> None:
    """The Rasa process is running and still answers an ordinary question."""
    rasa_proc = s.procs[-1]
    assert rasa_proc.poll() is None, s.rasa_log.read_text(errors="replace")[-2000:]
    from bot.turns import MSG_NOTHING, MSG_SLOW

    reply = s.say(f"alive-{uuid.uuid4().hex[:8]}", "千阳的脱贫户找到工作有啥补贴")
    texts = [m.get("text") or "" for m in reply]
    assert texts and MSG_NOTHING not in texts and MSG_SLOW not in texts, reply   # answered by the action server


LOOPBACK_HEX = {"0100007F", "00000000000000000000000001000000"}     # 127.0.0.1, ::1


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Own servers, started the way scripts/serve.sh starts them: channels only, Rasa's HTTP API closed (the shared
    stack opens it behind a token)."""
    s = Servers(tmp_path_factory.mktemp("sec"), api=False, extra_env={"CONSOLE_TOKEN": CONSOLE_TOKEN}).start()
    yield s
    s.stop()


# --------------------------------------------------------------------------------------------- no process exit
CRASH_BODIES = [
    # lone surrogates (valid JSON escapes, not encodable as UTF-8: SQLite raised, Rasa exited)
    b'{"sender":"s\\udfff","message":"hi"}',
    b'{"sender":"ok-sender","message":"\\ud800 \xe4\xbd\xa0\xe5\xa5\xbd"}',
    b'{"sender":"ok-sender2","message":"hi","metadata":{"k":"\\udfff","\\udfff":1}}',
    b'{"sender":"nul\\u0000id","message":"hi"}',
    b'{"sender":"ok-sender3","message":"a\\u0000b"}',
    b"[" * 20000,
    b'{"sender":' + b"[" * 20000 + b"}",
    b"\xff\xfe\x00garbage",
    b'{"sender":true,"message":"hi"}',
    b'{"sender":{"a":1},"message":"hi"}',
]


def test_rest_crash_vectors_fail_one_request_not_the_server(stack):
    url = stack.url + "/webhooks/rest/webhook"
    for body in CRASH_BODIES:
        status, raw = _req(url, "POST", body, {"Content-Type": "application/json"})
        assert status in (200, 400), (body[:60], status, raw[:200])
        if status == 400:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in json.loads(raw)["error"]), raw   # a Chinese message
        assert stack.procs[-1].poll() is None, f"Rasa exited after {body[:60]!r}"
    _alive(stack)


def test_console_and_wechat_crash_vectors(stack):
    bearer = {"Authorization": f"Bearer {CONSOLE_TOKEN}", "X-Console-Operator": "sec",
              "Content-Type": "application/json"}
    for path, body in [
        ("/console/api/feedback", b'{"sid":"s\\udfff","verdict":"wrong","note":"x"}'),
        ("/console/api/feedback", b'{"sid":"console:sec:x","verdict":"wrong","note":"\\udfff"}'),
        ("/console/api/say", b'{"sid":"s\\udfff","text":"hi"}'),
        ("/console/api/say", b'{"sid":"console:sec:y","text":"\\udfff"}'),
        ("/console/api/conversations", b"[" * 20000),
    ]:
        status, raw = _req(stack.url + path, "POST", body, bearer)
        assert status < 500, (path, body[:60], status, raw[:300])
        assert stack.procs[-1].poll() is None, f"Rasa exited after {path} {body[:60]!r}"
    # WeChat: a character reference to a lone surrogate, unsigned and signed-looking
    xml = ("<xml><ToUserName>gh</ToUserName><FromUserName>o&#xDFFF;</FromUserName><CreateTime>1</CreateTime>"
           "<MsgType>text</MsgType><Content>hi</Content><MsgId>1</MsgId></xml>").encode()
    status, _ = _req(stack.url + "/webhooks/wechat/webhook?signature=x&timestamp=1&nonce=1", "POST", xml)
    assert status < 500
    assert stack.procs[-1].poll() is None
    _alive(stack)


def test_tracker_store_error_fails_one_call_not_the_process(tmp_path):
    """The wrapped store raises an ordinary error for a value SQLite cannot take; Rasa's own exits (SystemExit)."""
    import asyncio

    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.tracker_store import SafeSQLTrackerStore, TrackerStoreError

    domain = Domain.empty()
    bad = DialogueStateTracker.from_events("s\udfff", [UserUttered("hi")])
    good = DialogueStateTracker.from_events("fine", [UserUttered("hi")])
    safe = SafeSQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "safe.db"))
    with pytest.raises(TrackerStoreError):
        asyncio.run(safe.save(bad))
    asyncio.run(safe.save(good))                                # the store still works afterwards
    assert asyncio.run(safe.retrieve("fine")) is not None
    plain = SQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "plain.db"))
    with pytest.raises(SystemExit):                             # what stopped the server before
        asyncio.run(plain.save(bad))


def test_running_server_uses_the_safe_tracker_store(stack):
    """A wrong class path in endpoints.yml would make Rasa fall back to memory silently; the log says which."""
    stack.say("store-check", "你好")
    db = sqlite3.connect(stack.env["TRACKER_URL"].replace("sqlite:///", ""))
    assert db.execute("select count(*) from events where sender_id='store-check'").fetchone()[0] > 0
    assert "not found. Using `InMemoryTrackerStore`" not in stack.rasa_log.read_text(errors="replace")


# --------------------------------------------------------------------------------------- Rasa's HTTP API closed
API_CALLS = [
    ("GET", "/conversations/alive-check/tracker", None),
    ("POST", "/conversations/alive-check/tracker/events", b'{"event":"slot","name":"place","value":"x"}'),
    ("PUT", "/conversations/alive-check/tracker/events", b"[]"),
    ("PUT", "/model", b'{"model_file":"/etc/passwd"}'),
    ("DELETE", "/model", None),
    ("POST", "/model/train", b"{}"),
    ("POST", "/model/parse", b'{"text":"hi"}'),
    ("GET", "/status", None),
]


def test_api_closed_as_served(served):
    served.say("api-closed", "我是千阳的")
    for method, path, body in API_CALLS:
        status, raw = _req(served.url + path, method, body, {"Content-Type": "application/json"})
        assert status in (401, 403, 404, 405), (method, path, status, raw[:200])
    _alive(served)          # the model is still loaded (DELETE /model did nothing)


def test_api_needs_the_token_where_opened(stack):
    s = stack                           # the test servers open the API behind a random token
    sender = f"api-token-{uuid.uuid4().hex[:8]}"
    s.say(sender, "我是千阳的")
    for method, path, body in API_CALLS:
        status, _ = _req(s.url + path, method, body, {"Content-Type": "application/json"})
        assert status in (401, 403), (method, path, status)
        status, _ = _req(s.url + path + ("&" if "?" in path else "?") + "token=wrong", method, body,
                         {"Content-Type": "application/json"})
        assert status in (401, 403), (method, path, status)
    tracker = s.tracker(sender)                                 # with the token it works (the control)
    assert [e["text"] for e in tracker["events"] if e["event"] == "user"] == ["我是千阳的"]
    status, raw = _req(s.url + "/", "GET", None, {"Origin": "http://evil.example"})
    assert b"access-control-allow-origin" not in raw.lower()
    _alive(s)           # the model is still loaded (DELETE /model without the token did nothing)


# ------------------------------------------------------------------------------------------ refusals at start-up
def _start_refused(tmp_path: Path, args: list[str], env: dict | None = None) -> str:
    """Run `rasa run ARGS`; it must exit non-zero by itself, before serving. Returns its output."""
    full_env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2",
                    ACTION_ENDPOINT_URL="http://127.0.0.1:9/webhook", ACTION_TOKEN="x" * 20,
                    TRACKER_DIALECT="sqlite", TRACKER_URL=f"sqlite:///{tmp_path / 'r.db'}",
                    LOCK_STORE_TYPE="in_memory", REDIS_HOST="localhost", REDIS_PORT="6379", REDIS_DB="1",
                    MPLCONFIGDIR=str(tmp_path / "mpl"), **(env or {}))
    for k in ("WECHAT_TOKEN", "CONSOLE_TOKEN"):
        if not (env or {}).get(k):
            full_env.pop(k, None)
    return rasa_run_refused(["--credentials", "credentials.yml", *args], full_env, f"rasa run {' '.join(args)}")


def test_open_api_without_token_refused(tmp_path):
    out = _start_refused(tmp_path, ["-i", "127.0.0.1", "--enable-api"],
                         env={"WECHAT_TOKEN": "w" * 20, "CONSOLE_TOKEN": "c" * 20})
    assert "--auth-token" in out


def test_wildcard_cors_refused(tmp_path):
    out = _start_refused(tmp_path, ["-i", "127.0.0.1", "--cors", "*"],
                         env={"WECHAT_TOKEN": "w" * 20, "CONSOLE_TOKEN": "c" * 20})
    assert "--cors" in out


def test_exposed_with_development_tokens_refused(tmp_path):
    out = _start_refused(tmp_path, ["-i", "0.0.0.0"])
    assert "WECHAT_TOKEN" in out or "CONSOLE_TOKEN" in out


def test_exposure_rules():
    from bot import exposure

    run = ["/x/.venv/bin/rasa", "run", "--model", "m"]
    assert exposure.exposed(run) and exposure.exposed(run + ["-i", "192.0.2.1"])
    assert not exposure.exposed(run + ["-i", "127.0.0.1"]) and not exposure.exposed(run + ["--interface=::1"])
    assert not exposure.exposed(["pytest", "-q"]) and not exposure.exposed(["/x/rasa", "run", "actions"])
    # python -m rasa: argv[0] is rasa/__main__.py; and argparse takes the last -i
    assert exposure.exposed(["/x/site-packages/rasa/__main__.py", "run", "-i", "0.0.0.0"])
    assert exposure.exposed(run + ["-i", "127.0.0.1", "-i", "0.0.0.0"])
    assert not exposure.exposed(run + ["-i", "0.0.0.0", "--interface", "127.0.0.1"])
    # read as Rasa's own parser reads them: attached values and abbreviated options
    assert exposure.exposed(run + ["-i", "127.0.0.1", "-i0.0.0.0"])
    assert exposure.exposed(run + ["-i", "127.0.0.1", "--inter", "0.0.0.0"])
    with pytest.raises(exposure.UnsafeStart):
        exposure.check_rasa_args(run + ["--enable-api", "--auth-tok="])
    with pytest.raises(exposure.UnsafeStart):
        exposure.require_secret("CONSOLE_TOKEN", "", "dev", run)
    with pytest.raises(exposure.UnsafeStart):
        exposure.require_secret("CONSOLE_TOKEN", "dev", "dev", run + ["-i", "0.0.0.0"])
    exposure.require_secret("CONSOLE_TOKEN", "dev", "dev", run + ["-i", "127.0.0.1"])
    exposure.require_secret("CONSOLE_TOKEN", "a-real-secret", "dev", run)
    with pytest.raises(exposure.UnsafeStart):
        exposure.check_rasa_args(run + ["--enable-api"])
    exposure.check_rasa_args(run + ["--enable-api", "--auth-token", "t"])
    with pytest.raises(exposure.UnsafeStart):
        exposure.check_rasa_args(run + ["--cors", "https://a.example", "*"])
    exposure.check_rasa_args(run + ["--cors", "https://a.example"])


# ------------------------------------------------------------------------------------------------ action server
def _forged_call(sender: str) -> bytes:
    tracker = {"sender_id": sender, "slots": {"place": "千阳县"}, "latest_message": {
        "text": "千阳的脱贫户找到工作有啥补贴", "intent": {"name": "ask_subsidy", "confidence": 1.0}, "entities": []},
        "events": [], "paused": False, "followup_action": None, "active_loop": {},
        "latest_action_name": "action_listen"}
    return json.dumps({"next_action": "action_policy_turn", "sender_id": sender, "tracker": tracker,
                       "domain": {}, "version": "3.6.2"}, ensure_ascii=False).encode()


def _audit_rows(s: Servers, sender: str) -> int:
    """Rows of the audit log for `sender` (stored as policies.privacy.mask_sender(sender))."""
    db = sqlite3.connect(s.env["TRACKER_URL"].replace("sqlite:///", ""))
    try:
        return db.execute("select count(*) from answer_audit where user = ?", (mask_sender(sender),)).fetchone()[0]
    except sqlite3.OperationalError:        # no table yet: nothing was ever written
        return 0
    finally:
        db.close()


def test_action_server_loopback_only_and_token_required(stack):
    assert listening_addresses(stack.actions_port) <= LOOPBACK_HEX, listening_addresses(stack.actions_port)
    assert listening_addresses(stack.rasa_port) <= LOOPBACK_HEX
    url = f"http://127.0.0.1:{stack.actions_port}"
    forged, control = f"forged-{uuid.uuid4().hex[:8]}", f"forged-control-{uuid.uuid4().hex[:8]}"
    for headers in ({}, {"X-Action-Token": "wrong"}, {"X-Action-Token": stack.env["ACTION_TOKEN"][:-1]}):
        status, raw = _req(url + "/webhook", "POST", _forged_call(forged),
                           {"Content-Type": "application/json", **headers})
        assert status == 403, (headers, status, raw[:200])
        assert _req(url + "/actions", headers=headers)[0] == 403
    # the control: the same call with the shared secret is answered (so the 403s above are the guard's doing)
    status, raw = _req(url + "/webhook", "POST", _forged_call(control),
                       {"Content-Type": "application/json", "X-Action-Token": stack.env["ACTION_TOKEN"]})
    assert status == 200, raw[:300]
    # the audit writer is one queue, written in order: once the control's row is in, a row queued by a forged call
    # before it would be in too
    assert wait_for(lambda: _audit_rows(stack, control) > 0), "the control call wrote no audit row"
    assert _audit_rows(stack, forged) == 0
    status, raw = _req(url + "/webhook", "POST", b"not json{",
                       {"Content-Type": "application/json", "X-Action-Token": stack.env["ACTION_TOKEN"]})
    assert b"not json" not in raw          # an error never echoes the request body
    assert _req(url + "/health")[0] == 200
    _alive(stack)


def test_action_server_refuses_to_start_without_token():
    env = {k: v for k, v in os.environ.items() if k != "ACTION_TOKEN"}
    p = subprocess.run([str(VENV_BIN / "python"), "-m", "actions.server", "--port", str(free_port())],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode != 0 and "ACTION_TOKEN" in p.stderr
