"""A fake WeChat API server on loopback: /cgi-bin/token and /cgi-bin/message/custom/send, recording what it gets."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class FakeWeChat:
    def __init__(self, appid: str, secret: str):
        self.appid, self.secret = appid, secret
        self.lock = threading.Lock()
        self.tokens_issued: list[str] = []
        self.valid_tokens: set[str] = set()
        self.sent: list[dict] = []          # {"token", "json", "raw"} of accepted custom/send calls
        self.rejected: list[dict] = []      # custom/send calls answered with an errcode
        self.fail_send: int | None = None   # errcode every send gets (e.g. 48001 api unauthorized)
        self.expire_next = 0                # this many sends report 42001 (access_token expired)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        # a short poll interval: stop() (server.shutdown) waits for it, once per test that uses a fake
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> "FakeWeChat":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def sent_to(self, openid: str) -> list[str]:
        with self.lock:
            return [s["json"]["text"]["content"] for s in self.sent if s["json"].get("touser") == openid]

    def rejected_for(self, openid: str) -> list[dict]:
        with self.lock:
            return [r for r in self.rejected if r["json"].get("touser") == openid]

    def wait_sent(self, openid: str, count: int = 1, timeout: float = 20) -> list[str]:
        deadline = time.time() + timeout
        while time.time() < deadline:
            got = self.sent_to(openid)
            if len(got) >= count:
                return got
            time.sleep(0.05)
        raise AssertionError(f"fake WeChat API got {self.sent_to(openid)!r} for {openid}, wanted {count}")

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _json(self, obj: dict) -> None:
                body = json.dumps(obj).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                u = urlparse(self.path)
                q = {k: v[0] for k, v in parse_qs(u.query).items()}
                if u.path != "/cgi-bin/token":
                    return self._json({"errcode": 404, "errmsg": "not found"})
                if q.get("grant_type") != "client_credential" or q.get("appid") != fake.appid \
                        or q.get("secret") != fake.secret:
                    return self._json({"errcode": 40013, "errmsg": "invalid appid or secret"})
                with fake.lock:
                    token = f"FAKE-TOKEN-{len(fake.tokens_issued) + 1}"
                    fake.tokens_issued.append(token)
                    fake.valid_tokens.add(token)
                self._json({"access_token": token, "expires_in": 7200})

            def do_POST(self):
                u = urlparse(self.path)
                q = {k: v[0] for k, v in parse_qs(u.query).items()}
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if u.path != "/cgi-bin/message/custom/send":
                    return self._json({"errcode": 404, "errmsg": "not found"})
                record = {"token": q.get("access_token"), "raw": raw, "json": json.loads(raw.decode("utf-8"))}
                with fake.lock:
                    if record["token"] not in fake.valid_tokens:
                        fake.rejected.append(record)
                        return self._json({"errcode": 40001, "errmsg": "invalid credential"})
                    if fake.expire_next > 0:
                        fake.expire_next -= 1
                        fake.valid_tokens.discard(record["token"])
                        fake.rejected.append(record)
                        return self._json({"errcode": 42001, "errmsg": "access_token expired"})
                    if fake.fail_send:
                        fake.rejected.append(record)
                        return self._json({"errcode": fake.fail_send, "errmsg": "api unauthorized"})
                    fake.sent.append(record)
                self._json({"errcode": 0, "errmsg": "ok"})

        return Handler
