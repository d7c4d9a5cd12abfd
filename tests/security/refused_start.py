"""The one runner of the start-up refusals (tests/security): the real `rasa run` must stop by itself, before serving,
when it would be unsafe (an open API without a token, wildcard CORS, development tokens on an interface other hosts
reach)."""
from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import pytest

from scripts.servers import MODEL, ROOT, VENV_BIN, free_port


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a LISTEN socket on `port`, from /proc/net/tcp{,6} (no traffic sent)."""
    found = set()
    for name in ("tcp", "tcp6"):
        try:
            lines = Path(f"/proc/net/{name}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            local, state = parts[1], parts[3]
            addr, p = local.split(":")
            if state == "0A" and int(p, 16) == port:
                found.add(addr)
    return found


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def rasa_run_refused(args: list[str], env: dict, what: str) -> str:
    """Run the real `rasa run --model MODEL --port PORT --endpoints endpoints.yml ARGS` in its own session, with
    exactly `env`. It must exit non-zero by itself within 240 s (else it is killed and the test fails, naming `what`)
    and leave its port closed. Returns its output (stdout and stderr together)."""
    port = free_port()
    proc = subprocess.Popen([str(VENV_BIN / "rasa"), "run", "--model", str(MODEL), "--port", str(port),
                             "--endpoints", "endpoints.yml", *args],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        out, _ = proc.communicate()
        pytest.fail(f"{what} did not stop:\n" + out.decode("utf-8", "replace"))
    text = out.decode("utf-8", "replace")
    assert proc.returncode != 0, text[-2000:]
    assert not listening_addresses(port), "it bound the port before refusing"
    assert not port_open(port)
    return text
