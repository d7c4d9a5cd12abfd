"""Where the servers spend their time under load: py-spy samples (collapsed stacks, `py-spy record -f raw`) sorted
into the parts of a turn. Used by scripts/bench.py; also usable on its own:

    .venv/bin/python scripts/bench_profile.py rasa var/bench/profile-rasa.txt
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (label, substrings of a frame; the first label any frame of a sample matches wins: order = specificity)
IDLE = ("serve (sanic/server/runners.py", "run_forever", "select (selectors.py", "_run_once (asyncio")
RASA_PARTS = [
    # jsonschema recurses deeply: py-spy may lose the bottom of such stacks, so its own frames count here too
    ("action response validation (jsonschema, in Rasa's RemoteAction)", ["_validate_action_result", "jsonschema/",
                                                                         "pyrsistent/"]),
    ("tracker store: save (SQLAlchemy; SQLite commit)", ["save (rasa/core/tracker_store.py", "save_tracker ("]),
    ("tracker store: read + deserialise the conversation",
     ["retrieve (rasa/core/tracker_store.py", "retrieve_full_tracker", "get_tracker (rasa/core/processor.py",
      "fetch_tracker", "tracker_store.py"]),
    ("NLU: DIET inference (TensorFlow)", ["diet_classifier.py"]),
    ("NLU: featurizers (regex, lexical, count vectors)", ["rasa/nlu/featurizers/"]),
    ("NLU: tokenizer (jieba)", ["rasa/nlu/tokenizers/", "jieba/", "bot/tokenizer.py"]),
    ("NLU: other components (regex entities, synonyms, fallback)", ["rasa/nlu/"]),
    ("dialogue policies (RulePolicy, Memoization)", ["rasa/core/policies/"]),
    ("graph runner (dask) + model plumbing", ["rasa/engine/", "dask/"]),
    ("action call: HTTP client + (de)serialising events", ["rasa/utils/endpoints.py", "aiohttp/", "deserialise_events",
                                                         "rasa/core/actions/"]),
    ("lock store", ["lock_store.py"]),
    ("REST channel + Sanic (HTTP, JSON)", ["bot/", "sanic/", "rasa/core/channels/"]),
]
ACTION_PARTS = [
    ("audit log write (SQLAlchemy; SQLite commit)", ["actions/audit.py"]),
    ("policy evaluation (policies/evaluator.py)", ["policies/evaluator.py"]),
    ("fact extraction (assistant/extract.py, policies/normalize.py)", ["assistant/extract.py", "policies/normalize.py",
                                                                   "policies/gazetteer.py", "cn2an/"]),
    ("dialogue + answer text (assistant/, policies/render.py)", ["assistant/", "actions/", "policies/"]),
    ("rasa-sdk + Sanic (HTTP, JSON, tracker object)", ["rasa_sdk/", "sanic/"]),
]


def py_spy() -> str | None:
    venv = ROOT / ".venv" / "bin" / "py-spy"
    return str(venv) if venv.exists() else shutil.which("py-spy")


def record(pid: int, seconds: float, out: Path, rate: int = 100) -> subprocess.Popen:
    """Start `py-spy record` of a running process (and its subprocesses); wait on the returned Popen."""
    return subprocess.Popen([py_spy(), "record", "-p", str(pid), "-d", str(int(seconds)), "-r", str(rate), "-f", "raw",
                             "-o", str(out), "--nonblocking", "--subprocesses"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def read_raw(path: Path) -> list[tuple[list[str], int]]:
    out = []
    for line in Path(path).read_text(errors="replace").splitlines():
        stack, _, n = line.rpartition(" ")
        if stack and n.isdigit():
            out.append((stack.split(";"), int(n)))
    return out


def breakdown(path: Path, parts) -> tuple[int, list[tuple[str, int]], list[tuple[str, int]]]:
    """(busy samples, [(part, samples)], [(leaf function, samples)]) of a raw py-spy file; samples of the event
    loop waiting for work are left out."""
    samples = read_raw(path)
    total = sum(n for _, n in samples)
    by_part: Counter = Counter()
    leaf: Counter = Counter()
    for frames, n in samples:
        if frames[-1].startswith(IDLE):      # the event loop waiting (uvloop's C code is not seen as idle)
            total -= n
            continue
        joined = ";".join(frames)
        label = next((lab for lab, keys in parts if any(k in joined for k in keys)), "other")
        by_part[label] += n
        leaf[frames[-1].split(":")[0] + ")" if ":" in frames[-1] else frames[-1]] += n
    return total, by_part.most_common(), leaf.most_common(12)


def main(argv: list[str]) -> int:
    which, path = argv[0], Path(argv[1])
    total, parts, leaves = breakdown(path, RASA_PARTS if which == "rasa" else ACTION_PARTS)
    print(f"{total} samples")
    for lab, n in parts:
        print(f"  {100 * n / max(total, 1):5.1f}%  {lab}")
    print("leaf functions:")
    for lab, n in leaves:
        print(f"  {100 * n / max(total, 1):5.1f}%  {lab}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
