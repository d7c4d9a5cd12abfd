"""Fixtures for the operator console tests: the real action server + Rasa server (scripts/servers.py) with a temporary
credentials file holding the REST channel and the console channel, and a known CONSOLE_TOKEN."""
from __future__ import annotations

import pytest
import requests

from scripts.servers import ROOT, Servers

TOKEN = "test-console-token"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def console_servers(tmp_path_factory):
    work = tmp_path_factory.mktemp("console")
    creds = work / "credentials.yml"
    creds.write_text("rest:\nbot.console.channel.ConsoleInput: {}\n", encoding="utf-8")
    # a CORS allow-list naming another port of this host (a deployment's ASSISTANT_CORS may): the console must still
    # refuse other origins by itself (wildcard "*" is refused at start-up: bot/exposure.py)
    s = Servers(work, extra_env={"CONSOLE_TOKEN": TOKEN}, credentials=str(creds),
                rasa_args=["--cors", "http://127.0.0.1:9"]).start()
    yield s
    s.stop()


class Console:
    """A logged-in browser-like client for the JSON API (cookie + CSRF header), built on requests."""

    def __init__(self, base: str, operator: str = "测试坐席"):
        self.base = base
        self.http = requests.Session()
        r = self.http.post(f"{base}/console/login", data={"operator": operator, "token": TOKEN},
                           allow_redirects=False, timeout=30)
        assert r.status_code == 303, (r.status_code, r.text[:300])
        page = self.http.get(f"{base}/console/", timeout=30)
        assert page.status_code == 200
        import re
        m = re.search(r'<meta name="console-csrf" content="([^"]+)"', page.text)
        assert m, page.text[:500]
        self.csrf = m.group(1)
        self.operator = operator

    def get(self, path: str, **kw):
        headers = {"X-Console-CSRF": self.csrf, **kw.pop("headers", {})}
        return self.http.get(self.base + path, headers=headers, timeout=60, **kw)

    def post(self, path: str, payload=None, **kw):
        headers = {"X-Console-CSRF": self.csrf, **kw.pop("headers", {})}
        return self.http.post(self.base + path, json=payload, headers=headers, timeout=60, **kw)

    def new_call(self) -> str:
        r = self.post("/console/api/conversations", {})
        assert r.status_code == 200, r.text
        return r.json()["sid"]

    def say(self, sid: str, text: str) -> dict:
        r = self.post("/console/api/message", {"sid": sid, "text": text})
        assert r.status_code == 200, r.text
        return r.json()


@pytest.fixture(scope="session")
def console(console_servers) -> Console:
    return Console(console_servers.url)
