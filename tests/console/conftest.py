"""Fixtures for the operator console tests: a logged-in client of the console on the shared stack (tests/conftest.py:
one action server + Rasa server with every channel of credentials.yml, CONSOLE_TOKEN set, a CORS allow-list of one
other loopback origin), and the browser settings."""
from __future__ import annotations

import re

import pytest
import requests

from scripts.servers import ROOT
from tests.conftest import CONSOLE_TOKEN as TOKEN

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


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
def console(stack) -> Console:
    return Console(stack.url)
