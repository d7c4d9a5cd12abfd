"""Start the real action server + Rasa server for scripts/bench.py and watch their memory and CPU (Linux /proc).

Like scripts/servers.py (whose helpers it reuses: free loopback ports, a temporary SQLite tracker store), plus what a
benchmark needs: the time from starting the Rasa process to its first answered message, any tracker store / lock
store (PostgreSQL + Redis for the scale-out set-up), SANIC_WORKERS, and the process trees of both servers for RSS
and CPU accounting.
"""
from __future__ import annotations

import json
import secrets
import os
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from scripts.servers import ROOT, VENV_BIN, _wait, free_port

CLK_TCK = os.sysconf("SC_CLK_TCK")
WARMUP_MESSAGE = "你好"


# ------------------------------------------------------------------------------------------------- /proc helpers
def tree(pid: int) -> list[int]:
    """pid and all its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                try:
                    kids = Path(f"/proc/{p}/task/{task}/children").read_text().split()
                except OSError:
                    continue
                todo += [int(k) for k in kids]
        except OSError:
            pass
    return out


def status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])       # utime + stime
        except (OSError, IndexError, ValueError):
            pass
    return total / CLK_TCK


def mb(kb: int | float) -> float:
    """kB (KiB) of /proc to MB (10^6 bytes)."""
    return kb * 1024 / 1e6


class Monitor:
    """Samples the summed VmRSS of each process tree every `interval` seconds; peak() also reads VmHWM (each
    process's own peak RSS since it started)."""

    def __init__(self, groups: dict[str, int], interval: float = 0.5):
        self.groups = groups
        self.interval = interval
        self.peak_rss_kb = {g: 0 for g in groups}
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self):
        for g, pid in self.groups.items():
            rss = sum(status_kb(p, "VmRSS") for p in tree(pid))
            self.peak_rss_kb[g] = max(self.peak_rss_kb[g], rss)

    def start(self) -> "Monitor":
        self._t.start()
        return self

    def stop(self):
        self._stop.set()
        self._t.join(timeout=5)
        self.sample()

    def hwm_kb(self) -> dict[str, dict[int, int]]:
        return {g: {p: status_kb(p, "VmHWM") for p in tree(pid)} for g, pid in self.groups.items()}

    def cpu(self) -> dict[str, float]:
        return {g: cpu_seconds(tree(pid)) for g, pid in self.groups.items()}


# ------------------------------------------------------------------------------------------------- the servers
def post(url: str, sender: str, text: str, timeout: float = 5.0):
    data = json.dumps({"sender": sender, "message": text}, ensure_ascii=False).encode()
    req = urllib.request.Request(url + "/webhooks/rest/webhook", data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, json.loads(r.read() or b"null")


class Stack:
    """One action server and one Rasa server (1..n Sanic workers) on free loopback ports."""

    def __init__(self, workdir: Path, model: Path, env: dict | None = None, workers: int = 1,
                 rasa_cmd: list[str] | None = None, label: str = ""):
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.model = Path(model)
        self.label = label
        self.rasa_port, self.actions_port = free_port(), free_port()
        self.rasa_cmd = rasa_cmd or [str(VENV_BIN / "rasa")]
        self.env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2", PYTHONHASHSEED="0",
                        MPLCONFIGDIR=str(self.workdir / "mpl"), ASSISTANT_TODAY="2026-11-22",
                        ACTION_ENDPOINT_URL=f"http://127.0.0.1:{self.actions_port}/webhook",
                        TRACKER_DIALECT="sqlite", TRACKER_URL=f"sqlite:///{self.workdir / 'rasa.db'}",
                        LOCK_STORE_TYPE="in_memory", REDIS_HOST="localhost", REDIS_PORT="6379", REDIS_DB="1",
                        ASSISTANT_REPLY_TIMEOUT="30", ACTION_TOKEN=secrets.token_urlsafe(24))
        self.env.pop("SANIC_WORKERS", None)
        self.env.update(env or {})
        self.workers = workers
        if workers > 1:
            self.env["SANIC_WORKERS"] = str(workers)
        self.actions: subprocess.Popen | None = None
        self.rasa: subprocess.Popen | None = None
        self.actions_start_s = self.rasa_first_answer_s = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def start_actions(self) -> None:
        log = self.workdir / "actions.log"
        t0 = time.perf_counter()
        self.actions = subprocess.Popen(
            [str(VENV_BIN / "python"), "-m", "actions.server", "--port", str(self.actions_port)],
            cwd=ROOT, env=self.env, stdout=open(log, "w"), stderr=subprocess.STDOUT, start_new_session=True)
        _wait(f"http://127.0.0.1:{self.actions_port}/health", self.actions, log, timeout=120)
        self.actions_start_s = time.perf_counter() - t0

    def start_rasa(self, timeout: float = 300) -> float:
        """Start the Rasa server; return seconds from process start to the first answered message."""
        log = self.workdir / "rasa.log"
        t0 = time.perf_counter()
        self.rasa = subprocess.Popen(
            [*self.rasa_cmd, "run", "--model", str(self.model), "-i", "127.0.0.1", "--port", str(self.rasa_port),
             "--endpoints", "endpoints.yml", "--credentials", "credentials.yml"],
            cwd=ROOT, env=self.env, stdout=open(log, "w"), stderr=subprocess.STDOUT, start_new_session=True)
        deadline = t0 + timeout
        while time.perf_counter() < deadline:
            if self.rasa.poll() is not None:
                raise RuntimeError(f"Rasa server exited:\n{log.read_text(errors='replace')[-3000:]}")
            try:
                status, body = post(self.url, f"warmup-{self.rasa_port}", WARMUP_MESSAGE, timeout=3)
                if status == 200 and isinstance(body, list) and body:
                    self.rasa_first_answer_s = time.perf_counter() - t0
                    return self.rasa_first_answer_s
            except (urllib.error.URLError, ConnectionError, OSError, ValueError):
                pass
            time.sleep(0.1)
        raise RuntimeError(f"Rasa server gave no answer within {timeout}s:\n{log.read_text(errors='replace')[-3000:]}")

    def start(self) -> "Stack":
        self.start_actions()
        self.start_rasa()
        if self.workers > 1:       # every worker must have its model loaded before load is sent
            self._warm_all_workers()
        return self

    def _warm_all_workers(self, timeout: float = 240) -> None:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            kids = [p for p in tree(self.rasa.pid) if p != self.rasa.pid]
            ready = [p for p in kids if status_kb(p, "VmRSS") > 500_000]
            if len(ready) >= self.workers:
                break
            time.sleep(0.5)
        for i in range(8):          # a few messages so that each worker has answered once
            try:
                post(self.url, f"warmup-{self.rasa_port}-{i}", WARMUP_MESSAGE, timeout=60)
            except (urllib.error.URLError, OSError, ValueError):
                pass

    def groups(self) -> dict[str, int]:
        return {"rasa": self.rasa.pid, "actions": self.actions.pid}

    def stop(self) -> None:
        for p in (self.rasa, self.actions):
            if p is not None and p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for p in (self.rasa, self.actions):
            if p is None:
                continue
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                p.wait(timeout=10)

    def wait_idle(self, max_s: float = 30, cores: float = 0.15) -> bool:
        """Wait until the Rasa server uses less than `cores` CPU (a backlog from an overload run is done)."""
        deadline = time.perf_counter() + max_s
        while time.perf_counter() < deadline:
            c0 = cpu_seconds(tree(self.rasa.pid))
            time.sleep(1.0)
            if cpu_seconds(tree(self.rasa.pid)) - c0 < cores:
                return True
        return False
