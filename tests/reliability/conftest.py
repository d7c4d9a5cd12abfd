"""Storage, scale-out and reliability tests (see docs/reliability.md).

Tests marked `scale` need PostgreSQL and Redis (started by scripts/services.sh) and several Rasa processes; they run
only when selected with `-m scale` (`make test-scale`; CI's `.ci/run` runs it after `make test`, which does not) and
are skipped otherwise.
Every server here listens on 127.0.0.1 only. Figures (counts, latencies, durations) are printed at the end of the
pytest run and written to var/reliability/<name>.json.
"""
from __future__ import annotations

import pytest

from tests.reliability.helpers import FIGURES


def pytest_collection_modifyitems(config, items):
    """Skip `scale` tests unless the -m expression names them (the `scale` marker is registered in tests/conftest.py)."""
    if "scale" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="scale-out test: run with `make test-scale` (pytest -m scale)")
    for item in items:
        if "scale" in item.keywords:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter):
    if not FIGURES:
        return
    terminalreporter.section("reliability figures")
    for name, figs in FIGURES.items():
        shown = ", ".join(f"{k}={v}" for k, v in figs.items() if not isinstance(v, (list, dict)))
        terminalreporter.write_line(f"{name}: {shown}")
