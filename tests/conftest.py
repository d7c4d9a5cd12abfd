"""Test set-up shared by every test: the repo on sys.path, the markers (registered here and nowhere else), a guard
that keeps unmarked tests server-free, and the one shared running stack.

Markers (a module-level `pytestmark`; a module mixing fast and slow tests marks its slow tests one by one):
  servers  starts the real action server + Rasa server (needs the trained model)
  browser  drives Debian's chromium through Playwright (`make browser-deps`)
  scale    PostgreSQL + Redis + several Rasa processes: only with `-m scale` (`make test-scale`)
  slow     takes over ~30 s on its own (a test, or a module of heavy tests)
`make test-fast` runs `-m "not servers and not browser and not scale and not slow"`: no servers, no model.
"""
import os
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

MARKERS = {
    "servers": "starts the real action server + Rasa server (needs the trained model)",
    "browser": "drives Debian's chromium through Playwright (make browser-deps)",
    "scale": "scale-out test (PostgreSQL, Redis, several Rasa processes); runs only with `make test-scale` "
             "(pytest -m scale)",
    "slow": "takes over ~30 s on its own (a test, or a module of heavy tests)",
}

# The shared stack's secrets (test values, never used outside the tests).
CONSOLE_TOKEN = "test-console-token"
WECHAT_TOKEN = "test-wechat-token"
# A CORS allow-list naming another port of this host (a deployment's ASSISTANT_CORS may): the console must still
# refuse other origins by itself (wildcard "*" is refused at start-up: bot/exposure.py).
CORS_ORIGIN = "http://127.0.0.1:9"


def pytest_configure(config):
    for name, doc in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {doc}")
    config.option.strict_markers = True         # a misspelt marker is an error, not a test that runs everywhere


def wait_for(condition, timeout: float = 20.0, step: float = 0.05):
    """Poll `condition()` until it is true or `timeout` seconds have passed; returns its last value. The tests' way
    to wait for something to happen (never a fixed sleep)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(step)


# ------------------------------------------------------------------------- unmarked tests start no servers
_running: dict = {}      # the test being set up, run or torn down (servers may be started from helper threads)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _running["item"] = item
    try:
        yield
    finally:
        _running.pop("item", None)


def _guarded_start(start):
    def guarded(self):
        item = _running.get("item")
        if item is not None and not ({"servers", "scale"} & set(item.keywords)):
            pytest.fail(f"{item.nodeid} starts the Rasa server but is not marked `servers` (tests/conftest.py): "
                        f"`make test-fast` would run it", pytrace=False)
        return start(self)
    return guarded


from scripts import servers as _servers    # noqa: E402 - after sys.path is set

if not getattr(_servers.Servers.start, "_guarded", False):
    _servers.Servers.start = _guarded_start(_servers.Servers.start)
    _servers.Servers.start._guarded = True


def pytest_sessionfinish(session, exitstatus):
    """An empty selection is a mistake in a target or a marker, never a pass: fail instead of pytest's exit 5."""
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.config.get_terminal_writer().line("no tests were selected: check the paths and the -m expression",
                                                  red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# ------------------------------------------------------------------------------------- the shared stack
@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    """ONE action server + Rasa server for every test that can share it (scripts/servers.py: loopback, free ports, a
    temporary SQLite tracker store, Rasa's HTTP API open behind a random token to read trackers). All channels of
    credentials.yml (hardened REST, console, WeChat in 明文模式), CONSOLE_TOKEN and WECHAT_TOKEN set to the test values
    above, no WeChat AppID (so nothing is ever sent to the real WeChat API), and a CORS allow-list of one other
    loopback origin. Tests use their own sender ids, so they do not see each other's conversations.

    Tests that need a set-up of their own keep their own servers and say why where they start them."""
    s = _servers.Servers(tmp_path_factory.mktemp("stack"),
                         extra_env={"CONSOLE_TOKEN": CONSOLE_TOKEN, "WECHAT_TOKEN": WECHAT_TOKEN,
                                    "WECHAT_AES_KEY": "", "WECHAT_APPID": "", "WECHAT_APPSECRET": ""},
                         rasa_args=["--cors", CORS_ORIGIN]).start()
    yield s
    s.stop()
