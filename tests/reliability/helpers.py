"""Shared helpers of the reliability tests: servers on loopback, parallel start, figures."""
from __future__ import annotations

import json
import subprocess
import threading
import time
from pathlib import Path

from scripts.servers import ROOT, Servers

# Loopback only: SANIC_HOST for the action server (rasa-sdk reads it), --interface for the Rasa server.
# SANIC_KEEP_ALIVE_TIMEOUT: Sanic closes idle keep-alive connections after 5 s, while Rasa's aiohttp client keeps
# them for 15 s and reuses them; under load a reused connection the action server is just closing fails with
# "Cannot write to closing transport" and the turn's answer is lost (seen in ~5% of the turns at 200 senders).
# rasa-sdk itself later set KEEP_ALIVE_TIMEOUT=120 (rasa-sdk PR #1047); docs/reliability.md has the details.
SERVER_ENV = {"SANIC_HOST": "127.0.0.1", "SANIC_KEEP_ALIVE_TIMEOUT": "120"}
RASA_ARGS = ["--interface", "127.0.0.1"]
FIGURES: dict[str, dict] = {}
OUT = ROOT / "var" / "reliability"


def report(name: str, figures: dict) -> None:
    """Keep figures for the end-of-run summary and write them to var/reliability/<name>.json."""
    FIGURES[name] = figures
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")


def servers(workdir: Path, extra_env: dict | None = None, **kw) -> Servers:
    """A Servers object (scripts/servers.py) with our loopback and keep-alive settings; not started."""
    workdir.mkdir(parents=True, exist_ok=True)
    return Servers(workdir, extra_env={**SERVER_ENV, **(extra_env or {})}, rasa_args=RASA_ARGS, **kw)


def start_all(*group: Servers) -> float:
    """Start several Servers at once (model loading dominates; doing it in parallel saves minutes). Seconds taken."""
    t0, errors = time.time(), []

    def run(s):
        try:
            s.start()
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(s,)) for s in group]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=900)
    if errors or any(t.is_alive() for t in threads):
        for s in group:
            s.stop()
        raise RuntimeError(f"servers did not start: {errors}")
    return round(time.time() - t0, 1)


def stop_rasa(s: Servers, kill: bool = False) -> None:
    """Stop only the Rasa server of `s` (SIGTERM, or SIGKILL to simulate a crash); the action server keeps running."""
    import os
    import signal

    rasa = s.procs[-1]
    os.killpg(rasa.pid, signal.SIGKILL if kill else signal.SIGTERM)
    try:
        rasa.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(rasa.pid, signal.SIGKILL)
        rasa.wait(timeout=30)


def text_of(replies) -> str:
    return "\n".join((r.get("text") or "") for r in replies) if isinstance(replies, list) else str(replies)
