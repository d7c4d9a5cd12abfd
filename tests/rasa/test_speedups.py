"""The speed-ups of bot/speedups.py change how much work Rasa does, never what it answers.

Mostly fast unit tests; the two that need the model carry their own marks (`slow`: two model loads; `servers`)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.servers import MODEL, ROOT

PY = str(Path(sys.executable))


def _dump(speedups: str, out: Path) -> tuple[subprocess.Popen, Path]:
    env = dict(os.environ, POLICY_ASSISTANT_SPEEDUPS=speedups, PYTHONWARNINGS="ignore", TF_CPP_MIN_LOG_LEVEL="2",
               LOG_LEVEL="WARNING")
    proc = subprocess.Popen([PY, str(ROOT / "scripts" / "parse_dump.py"), str(out), str(MODEL),
                             "tests/nlu/holdout.yml", "data/nlu"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    return proc, out


def _result(started: tuple[subprocess.Popen, Path]) -> dict:
    proc, out = started
    log, _ = proc.communicate(timeout=600)
    assert proc.returncode == 0 and out.is_file(), log[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def both_loads(tmp_path_factory):
    if not MODEL.is_file():
        pytest.fail(f"no trained model at {MODEL}: run `make train` (make test does)")
    d = tmp_path_factory.mktemp("parses")
    rasa_own, ours = _dump("0", d / "rasa.json"), _dump("1", d / "ours.json")   # in parallel: two cores
    return _result(rasa_own), _result(ours)


@pytest.mark.slow
def test_fast_diet_load_gives_the_same_nlu_results_as_rasas_own_load(both_loads):
    rasa_own, ours = both_loads
    assert rasa_own["speedups"] == [] and "diet_load" in ours["speedups"]
    a, b = rasa_own["parses"], ours["parses"]
    assert len(a) == len(b) > 1500
    for x, y in zip(a, b):
        assert x["text"] == y["text"]
        assert [n for n, _ in x["intent"]] == [n for n, _ in y["intent"]], x["text"]
        for (_, p), (_, q) in zip(x["intent"], y["intent"]):
            assert abs(p - q) < 1e-5, (x["text"], x["intent"][:3], y["intent"][:3])
        assert [e[:5] for e in x["entities"]] == [e[:5] for e in y["entities"]], x["text"]
        for e, f in zip(x["entities"], y["entities"]):
            assert (e[5] is None) == (f[5] is None) and abs((e[5] or 0) - (f[5] or 0)) < 1e-5, x["text"]
    print(f"model load: Rasa's own {rasa_own['load_s']:.1f} s, ours {ours['load_s']:.1f} s")


def _remote_action():
    from rasa.core.actions.action import RemoteAction
    from rasa.utils.endpoints import EndpointConfig
    return RemoteAction("action_policy_turn", EndpointConfig("http://127.0.0.1:1/webhook"))


RESPONSES_OK = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "place", "value": "千阳县", "timestamp": None}],
     "responses": [{"text": "您好", "buttons": [{"title": "要带啥材料", "payload": "/ask_documents"}]}]},
    {"events": [], "responses": [{"text": 5}]},      # Rasa checks only that a response is an object
]
RESPONSES_BAD = [
    {"events": [{"event": "no_such_event"}], "responses": []},
    {"events": "slot", "responses": []},
    {"events": [], "responses": "您好"},
    {"events": [{"event": "slot", "name": 3, "value": "x"}]},
    {"events": [{"event": "bot", "timestamp": "昨天"}]},
    {"events": [{"event": "action", "name": 5}]},
]


def test_validator_built_once_accepts_and_rejects_exactly_as_rasa_does():
    from jsonschema import ValidationError

    from bot import speedups
    speedups.apply()
    action = _remote_action()
    rasa_own = speedups.ORIGINALS["RemoteAction._validate_action_result"]
    assert type(action)._validate_action_result is not rasa_own
    for r in RESPONSES_OK:
        assert action._validate_action_result(r) is True and rasa_own(action, r) is True
    for r in RESPONSES_BAD:
        with pytest.raises(ValidationError) as ours:
            action._validate_action_result(r)
        with pytest.raises(ValidationError) as theirs:
            rasa_own(action, r)
        assert ours.value.message == theirs.value.message, r
        assert list(ours.value.path) == list(theirs.value.path)


def test_sqlite_tracker_store_runs_in_wal_mode(tmp_path):
    import sqlalchemy as sa
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    from bot import speedups
    speedups.apply()
    db = tmp_path / "rasa.db"
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(db))
    assert type(store.engine.pool).__name__ == "QueuePool"       # not a new connection per session
    with store.engine.connect() as c:
        assert c.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(sa.text("PRAGMA synchronous")).scalar() == 1        # NORMAL
    # a plain connection opened later sees a WAL database (the mode is stored in the file)
    import sqlite3
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_sqlite_pooling_only_for_a_sqlite_file():
    from bot.speedups import sqlite_engine_kwargs
    assert sqlite_engine_kwargs("sqlite:///var/rasa.db")["poolclass"].__name__ == "QueuePool"
    for url in ("sqlite://", "sqlite:///:memory:", "postgresql://u:p@127.0.0.1:5432/rasa"):
        assert sqlite_engine_kwargs(url) == {}, url


def test_speedups_can_be_switched_off(monkeypatch):
    from bot import speedups
    monkeypatch.setenv("POLICY_ASSISTANT_SPEEDUPS", "0")
    assert not speedups.enabled()
    monkeypatch.setenv("POLICY_ASSISTANT_SPEEDUPS", "1")
    assert speedups.enabled()


# --- action server connections kept alive ---------------------------------------------------------------------

class _Peer:
    """A small HTTP server on loopback standing in for the action server: answers JSON, remembers the client port of
    every request (one port = one TCP connection), can be stopped and started again on the same port."""

    def __init__(self):
        from scripts.servers import free_port
        self.port = free_port()
        self.ports: list[int] = []
        self.runner = None

    async def start(self):
        from aiohttp import web

        async def webhook(request):
            self.ports.append(request.transport.get_extra_info("peername")[1])
            body = await request.json()
            if body.get("fail"):
                return web.json_response({"error": "no"}, status=400)
            return web.json_response({"events": [], "responses": [{"text": body.get("say", "")}]})

        app = web.Application()
        app.router.add_post("/webhook", webhook)
        self.runner = web.AppRunner(app, keepalive_timeout=120)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()

    async def stop(self):
        await self.runner.cleanup()


def test_action_calls_reuse_one_connection_and_survive_a_server_restart():
    import asyncio

    import aiohttp
    from rasa.utils.endpoints import ClientResponseError, EndpointConfig

    from bot import speedups
    speedups.apply()
    assert "http_keepalive" in speedups.applied()

    async def scenario():
        peer = _Peer()
        await peer.start()
        ep = EndpointConfig(f"http://127.0.0.1:{peer.port}/webhook")
        answers = [await ep.request(json={"say": f"第{i}条"}, method="post", timeout=30) for i in range(5)]
        assert [a["responses"][0]["text"] for a in answers] == [f"第{i}条" for i in range(5)]
        assert len(set(peer.ports)) == 1, peer.ports          # one kept-alive connection, not five
        # Rasa's own request() opens a new connection each time
        rasa_own = speedups.ORIGINALS["EndpointConfig.request"]
        for i in range(2):
            await rasa_own(ep, json={"say": "x"}, method="post", timeout=30)
        assert len(set(peer.ports)) == 3
        # an error status is Rasa's ClientResponseError, as before
        try:
            await ep.request(json={"fail": True}, method="post", timeout=30)
            raise AssertionError("no error raised for HTTP 400")
        except ClientResponseError as e:
            assert e.status == 400
        # the server restarts: the kept connection is dead, the next call still gets its answer
        await peer.stop()
        await peer.start()
        again = await ep.request(json={"say": "重启后"}, method="post", timeout=30)
        assert again["responses"][0]["text"] == "重启后"
        # the server is gone: the call fails with the same error as Rasa's (connection refused, not resent)
        await peer.stop()
        with pytest.raises(aiohttp.ClientConnectorError):
            await ep.request(json={"say": "x"}, method="post", timeout=30)
        with pytest.raises(aiohttp.ClientConnectorError):
            await rasa_own(ep, json={"say": "x"}, method="post", timeout=30)

    asyncio.run(scenario())


@pytest.mark.servers
def test_the_server_runs_tensorflow_on_one_thread(stack):
    # `rasa run` loads our channels before the model: TensorFlow is set to one thread before it starts
    stack.say("speedups-tf", "你好")
    log = stack.rasa_log.read_text(errors="replace")
    assert "TensorFlow runs on one thread" in log, log[-2000:]
    assert "TensorFlow threads left as they are" not in log


def test_speedups_can_be_switched_off_one_by_one(monkeypatch):
    from bot import speedups
    monkeypatch.setenv("POLICY_ASSISTANT_SPEEDUPS", "-tf_one_thread, -http_keepalive")
    assert speedups.enabled() and speedups.enabled("diet_load")
    assert not speedups.enabled("tf_one_thread") and not speedups.enabled("http_keepalive")
