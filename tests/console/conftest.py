"""Fixtures for the operator console tests: a logged-in client of the console on the shared stack (tests/conftest.py:
one action server + Rasa server with every channel of credentials.yml, CONSOLE_TOKEN set, a CORS allow-list of one
other loopback origin), and the browser settings."""
from __future__ import annotations

import http.client
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

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


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium through Playwright (tests/console/browser.py), one per module."""
    from .browser import launch

    yield from launch()


@pytest.fixture(scope="module")
def page(browser, stack):
    """A page of the console on the shared stack, logged in as 王芳, one per module."""
    from .browser import logged_in_page

    yield from logged_in_page(browser, stack.url)


class Relay:
    """A plain HTTP relay in front of the shared stack, on its own port. The browser talks to it; a test stops it to
    see what an operator sees when the server is gone (connection refused), or sets `upstream_down` to answer as a
    reverse proxy does when the Rasa server behind it is down (502, an HTML page). The shared stack keeps running."""

    HOP = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "upgrade"}

    def __init__(self, upstream: str):
        import socket

        self.upstream = urlparse(upstream)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.upstream_down = False
        self.server = None

    def start(self) -> "Relay":
        relay = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def relay(self):
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                if relay.upstream_down:
                    page = b"<html><body><center><h1>502 Bad Gateway</h1></center></body></html>"
                    self.send_response(502)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", str(len(page)))
                    self.end_headers()
                    self.wfile.write(page)
                    return
                conn = http.client.HTTPConnection(relay.upstream.hostname, relay.upstream.port, timeout=120)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in Relay.HOP}
                conn.request(self.command, self.path, body=body or None, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                self.send_response(resp.status)
                for k, v in resp.getheaders():
                    if k.lower() not in Relay.HOP and k.lower() != "content-length":
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                conn.close()

            do_GET = do_POST = do_HEAD = relay

        ThreadingHTTPServer.allow_reuse_address = True
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None
