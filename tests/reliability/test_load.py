"""Load: scripts/load_test.py against one Rasa server + action server (SQLite tracker store), 200 concurrent senders
with their own facts; nothing lost, nothing routed to the wrong sender, no sender's facts visible to another.

`make test` (plain pytest): 200 senders x 3 turns. `make test-scale` (-m scale): the full 200 senders x 10 turns.
The server runs with a long reply timeout so that every answer can be checked; the script reports how many replies
took longer than the default 4.5 s (they would get the "系统正在忙" stand-in in production).
"""
from __future__ import annotations

import json
import os
import subprocess
import time

import pytest

from tests.reliability.helpers import report, servers, start_all
from scripts.servers import ROOT

LOAD_ENV = {"ASSISTANT_REPLY_TIMEOUT": "600"}

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Own servers: a long reply timeout, so that every answer under load is checked (not the busy stand-in)."""
    s = servers(tmp_path_factory.mktemp("load"), extra_env=LOAD_ENV)
    took = start_all(s)
    s.start_seconds = took
    yield s
    s.stop()


def run_load(urls: list[str], senders: int, turns: int, out, prefix: str, timeout: int = 1200,
             api_token: str = "") -> dict:
    cmd = [str(ROOT / ".venv/bin/python"), "scripts/load_test.py", "--senders", str(senders), "--turns", str(turns),
           "--json", str(out), "--prefix", prefix, "--sample", "40"]
    for u in urls:
        cmd += ["--url", u]
    t0 = time.time()
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                       env=dict(os.environ, RASA_API_TOKEN=api_token))
    assert out.exists(), (p.returncode, p.stdout[-2000:], p.stderr[-2000:])
    r = json.loads(out.read_text(encoding="utf-8"))
    r["test_duration_s"] = round(time.time() - t0, 1)
    r["exit"] = p.returncode
    r["output"] = p.stdout
    return r


def check(r: dict, senders: int, turns: int) -> None:
    assert r["messages_sent"] == senders * turns
    assert r["replies"] == r["messages_sent"], r["output"]
    assert (r["lost"], r["misrouted"], r["leaked"]) == (0, 0, 0), r["output"]
    assert (r["wrong"], r["slow"]) == (0, 0), r["output"]
    assert r["tracker_checked"] >= 30 and r["exit"] == 0, r["output"]


def test_200_concurrent_senders_3_turns(server, tmp_path):
    r = run_load([server.url], 200, 3, tmp_path / "load.json", "load3", api_token=server.api_token)
    report("load_200x3", {k: v for k, v in r.items() if k not in ("output", "examples")})
    check(r, 200, 3)


@pytest.mark.scale
def test_200_concurrent_senders_10_turns(server, tmp_path):
    r = run_load([server.url], 200, 10, tmp_path / "load.json", "load10", api_token=server.api_token)
    report("load_200x10", {k: v for k, v in r.items() if k not in ("output", "examples")})
    check(r, 200, 10)
