"""Model-side timings for scripts/bench.py, run in a fresh process so that nothing is warm:

    .venv/bin/python scripts/bench_model.py MODEL.tar.gz [--nlu tests/nlu/holdout.yml] [--repeat 2]

prints one JSON object: import_s (importing Rasa + TensorFlow), load_s (rasa.core.agent.load_agent, what the server
does at start), first_parse_s (the first message: lazy initialisation), parse_ms (every later message of the NLU
file through agent.parse_message, in-process, no HTTP), components_ms (mean time per message of each graph node of
the NLU pipeline, from a timing wrapper around rasa.engine.graph.GraphNode.__call__) and the process's peak RSS.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--nlu", default=str(ROOT / "tests" / "nlu" / "holdout.yml"))
    ap.add_argument("--repeat", type=int, default=2, help="passes over the NLU file")
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)

    t0 = time.perf_counter()
    from rasa.core.agent import load_agent      # pulls in TensorFlow
    from rasa.engine import graph
    from rasa.shared.nlu.training_data.loading import load_data
    import_s = time.perf_counter() - t0

    texts = [m.get("text") for m in load_data(a.nlu).intent_examples if m.get("text")]

    async def run() -> dict:
        t = time.perf_counter()
        agent = await load_agent(model_path=a.model)
        load_s = time.perf_counter() - t
        t = time.perf_counter()
        await agent.parse_message(texts[0])
        first_s = time.perf_counter() - t

        spent: dict[str, float] = defaultdict(float)
        orig = graph.GraphNode.__call__

        def timed(self, *args):
            t1 = time.perf_counter()
            try:
                return orig(self, *args)
            finally:
                spent[self._node_name] += time.perf_counter() - t1

        graph.GraphNode.__call__ = timed
        lat = []
        for _ in range(max(1, a.repeat)):
            for x in texts:
                t = time.perf_counter()
                await agent.parse_message(x)
                lat.append((time.perf_counter() - t) * 1000)
        graph.GraphNode.__call__ = orig
        n = len(lat)
        comps = {k: v * 1000 / n for k, v in sorted(spent.items(), key=lambda kv: -kv[1])}
        return {"load_s": load_s, "first_parse_s": first_s, "parse_ms": lat, "components_ms": comps}

    out = asyncio.run(run())
    out.update(import_s=import_s, messages=len(texts), peak_rss_mb=peak_rss_mb())
    print("BENCH_JSON " + json.dumps(out))   # other libraries also write to stdout
    return 0


if __name__ == "__main__":
    sys.exit(main())
