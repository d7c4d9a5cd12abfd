"""Start the real action server and Rasa server (loopback, free ports, a temporary SQLite tracker store, Rasa's API behind
a random token): the one starter the tests, the recordings and the transcripts use."""
from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
MODEL = ROOT / "models" / "policy-assistant.tar.gz"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, proc: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} not up after {timeout}s:\n{log.read_text(errors='replace')[-3000:]}")


class Servers:
    def __init__(self, workdir: Path, extra_env: dict | None = None, rasa_args: list[str] | None = None,
                 credentials: str = "credentials.yml", start_actions: bool = True, api: bool = True):
        if not MODEL.is_file():
            raise RuntimeError(f"no trained model at {MODEL}: run `make train` (make test does)")
        self.workdir = workdir
        self.rasa_port, self.actions_port = free_port(), free_port()
        self.env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2",
                        MPLCONFIGDIR=str(workdir / "mpl"), ASSISTANT_TODAY=os.environ.get("ASSISTANT_TODAY", "2026-11-22"),
                        ACTION_ENDPOINT_URL=f"http://127.0.0.1:{self.actions_port}/webhook",
                        TRACKER_DIALECT="sqlite", TRACKER_URL=f"sqlite:///{workdir / 'rasa.db'}",
                        JIEBA_CACHE_DIR=str(workdir / "jieba"), LOCK_STORE_TYPE="in_memory",
                        SANIC_KEEP_ALIVE_TIMEOUT="120", SANIC_REQUEST_MAX_SIZE="8000000",
                        ACTION_TOKEN=secrets.token_urlsafe(24), ACTIONS_HOST="127.0.0.1",
                        REDIS_HOST="localhost", REDIS_PORT="6379", REDIS_DB="1")
        self.env.update(extra_env or {})
        self.rasa_args = rasa_args or []
        # Rasa's HTTP API is closed in production (scripts/serve.sh); tests open it behind a token to read trackers
        self.api_token = secrets.token_urlsafe(16)
        self.api = api
        self.credentials = credentials
        self.start_actions = start_actions
        self.procs: list[subprocess.Popen] = []

    def start(self) -> "Servers":
        try:
            return self._start()
        except BaseException:
            self.stop()         # a server that came up must not outlive a failed start
            raise

    def _start(self) -> "Servers":
        self.actions_log = self.workdir / "actions.log"
        self.rasa_log = self.workdir / "rasa.log"
        if self.start_actions:
            a = subprocess.Popen([str(VENV_BIN / "python"), "-m", "actions.server",
                                  "--port", str(self.actions_port)], cwd=ROOT, env=self.env,
                                 stdout=open(self.actions_log, "w"), stderr=subprocess.STDOUT, start_new_session=True)
            self.procs.append(a)
            _wait(f"http://127.0.0.1:{self.actions_port}/health", a, self.actions_log)
        r = subprocess.Popen([str(VENV_BIN / "rasa"), "run", "--model", str(MODEL), "-i", "127.0.0.1",
                              "--port", str(self.rasa_port), "--endpoints", "endpoints.yml",
                              "--credentials", self.credentials,
                              *(["--enable-api", f"--auth-token={self.api_token}"] if self.api else []),   # a token may start with "-"
                              *self.rasa_args], cwd=ROOT, env=self.env,
                             stdout=open(self.rasa_log, "w"), stderr=subprocess.STDOUT, start_new_session=True)
        self.procs.append(r)
        _wait(f"http://127.0.0.1:{self.rasa_port}/", r, self.rasa_log)    # "/" answers with the API closed too
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def post_json(self, path: str, payload, timeout: float = 30):
        data = json.dumps(payload, ensure_ascii=False).encode() if not isinstance(payload, bytes) else payload
        req = urllib.request.Request(self.url + path, data=data, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return resp.status, json.loads(resp.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode(errors="replace")

    def say(self, sender: str, message) -> list[dict]:
        status, body = self.post_json("/webhooks/rest/webhook", {"sender": sender, "message": message})
        assert status == 200, (status, body)
        return body

    def tracker_url(self, sender: str) -> str:
        """Rasa's tracker endpoint for `sender`, with the test server's API token."""
        quoted = urllib.parse.quote(sender, safe=":")    # Sanic does not unquote %3A in the path
        return f"{self.url}/conversations/{quoted}/tracker?token={self.api_token}"

    def tracker(self, sender: str) -> dict:
        with urllib.request.urlopen(self.tracker_url(sender), timeout=30) as r:
            return json.loads(r.read())

    def stop(self) -> None:
        for p in reversed(self.procs):
            if p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for p in self.procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
