"""Conversations survive a restart of the Rasa server (SQLite tracker store); the assistant refuses to start when its
conversation database cannot be reached (scripts/preflight.py, scripts/serve.sh)."""
from __future__ import annotations

import os
import subprocess
import time

import pytest

from tests.reliability.helpers import report, servers, start_all, stop_rasa, text_of
from scripts.servers import ROOT, free_port

QY = "千人社发〔2021〕141号"


@pytest.mark.servers
@pytest.mark.slow
def test_facts_survive_a_restart_and_a_crash_of_the_rasa_server(tmp_path):
    # own servers: the Rasa server is stopped, killed and started again on the same database
    a = servers(tmp_path / "a")
    t_start = start_all(a)
    later = []

    def again(name: str):
        """A new Rasa server on the first one's database, with the first one's action server."""
        s = servers(tmp_path / name, start_actions=False,
                    extra_env={"TRACKER_URL": a.env["TRACKER_URL"], "ACTION_ENDPOINT_URL": a.env["ACTION_ENDPOINT_URL"],
                               "ACTION_TOKEN": a.env["ACTION_TOKEN"]})
        later.append(s)
        return s

    try:
        u = "restart-user"
        r1 = text_of(a.say(u, "我是千阳的脱贫户"))
        assert "千阳县" in r1 and "脱贫劳动力" in r1, r1
        assert "实际交通费320元" in text_of(a.say(u, "车票320")), "fact not taken"

        # 1. orderly stop (SIGTERM) of the Rasa server, a new one on the same database: the facts are still there
        stop_rasa(a)
        b = again("b")
        t_restart = start_all(b)
        r2 = text_of(b.say(u, "去外省打工路费能报多少"))
        assert "千阳县" in r2 and "脱贫劳动力" in r2, r2          # the facts given before the restart
        assert QY in r2 and "320元" in r2, r2                     # the fare given before the restart, applied

        # 2. crash (SIGKILL) right after a turn: the turn's facts were already committed
        assert "680" in text_of(b.say(u, "车票680"))
        stop_rasa(b, kill=True)
        c = again("c")
        t_crash = start_all(c)
        r3 = text_of(c.say(u, "去外省打工路费能报多少"))
        assert "千阳县" in r3 and QY in r3 and "500元" in r3 and "实际交通费680元" in r3, r3
        users = [e["text"] for e in c.tracker(u)["events"] if e.get("event") == "user"]
        assert users == ["我是千阳的脱贫户", "车票320", "去外省打工路费能报多少", "车票680", "去外省打工路费能报多少"]
        report("restart", {"first_start_s": t_start, "restart_s": t_restart, "restart_after_crash_s": t_crash})
    finally:
        for s in later:
            s.stop()
        a.stop()


def _preflight(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([str(ROOT / ".venv/bin/python"), "scripts/preflight.py"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env={**os.environ, **env})


@pytest.mark.parametrize("url", [
    "postgresql://rasa:secret-pw@127.0.0.1:{port}/rasa",      # nothing listens there
    "sqlite:////nonexistent-dir/for/sure/rasa.db",             # a directory that does not exist
])
def test_preflight_fails_clearly_when_the_database_is_unreachable(url):
    url = url.format(port=free_port())
    t0 = time.time()
    p = _preflight({"TRACKER_URL": url, "LOCK_STORE_TYPE": "in_memory"})
    assert p.returncode == 1, (p.stdout, p.stderr)
    assert "cannot reach the conversation database" in p.stdout, p.stdout
    assert "secret-pw" not in p.stdout + p.stderr          # the password is never printed
    assert time.time() - t0 < 30


def test_preflight_fails_clearly_when_redis_is_unreachable(tmp_path):
    p = _preflight({"TRACKER_URL": f"sqlite:///{tmp_path / 'ok.db'}", "LOCK_STORE_TYPE": "redis",
                    "REDIS_HOST": "127.0.0.1", "REDIS_PORT": str(free_port())})
    assert p.returncode == 1 and "cannot reach Redis" in p.stdout, (p.stdout, p.stderr)


def test_serve_sh_refuses_to_start_without_its_database(tmp_path):
    rasa_port, actions_port = free_port(), free_port()
    env = {**os.environ, "TRACKER_DIALECT": "postgresql", "TRACKER_URL": f"postgresql://rasa:pw@127.0.0.1:{free_port()}/rasa",
           "RASA_PORT": str(rasa_port), "ACTIONS_PORT": str(actions_port), "RASA_TELEMETRY_ENABLED": "false"}
    t0 = time.time()
    p = subprocess.run(["timeout", "60", "scripts/serve.sh"], cwd=ROOT, env=env, capture_output=True, text=True,
                       timeout=90)
    took = time.time() - t0
    assert p.returncode == 1, (p.returncode, p.stdout[-500:], p.stderr[-500:])   # 124 would mean: it hung
    assert "cannot reach the conversation database" in p.stdout, p.stdout
    assert "is starting" not in p.stdout                      # it never announced itself
    # and nothing was left listening on its ports
    import socket
    for port in (rasa_port, actions_port):
        with socket.socket() as s:
            assert s.connect_ex(("127.0.0.1", port)) != 0, f"something listens on {port}"
    report("refuse_to_start", {"serve_sh_exit": p.returncode, "serve_sh_s": round(took, 1)})
