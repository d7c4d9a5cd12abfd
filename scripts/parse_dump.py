"""Load the trained model the way the server does and print, as JSON, the NLU result of every message of the given
NLU files (intent ranking, entities) and the load time. Used by tests/rasa/test_speedups.py to compare Rasa's own
model load with ours (POLICY_ASSISTANT_SPEEDUPS=0 / 1).

    .venv/bin/python scripts/parse_dump.py OUT.json MODEL.tar.gz tests/nlu/holdout.yml data/nlu

(written to a file: Rasa, TensorFlow and jieba also write to stdout, from other threads)
"""
from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    out_path, model, *files = sys.argv[1:]
    sys.path.insert(0, str(ROOT))
    from rasa.core.agent import load_agent
    from rasa.shared.nlu.training_data.loading import load_data

    texts = [m.get("text") for f in files for m in load_data(f).intent_examples if m.get("text")]

    async def run() -> dict:
        t = time.perf_counter()
        agent = await load_agent(model_path=model)
        load_s = time.perf_counter() - t
        out = []
        for x in texts:
            r = await agent.parse_message(x)
            out.append({"text": x,
                        "intent": [[d["name"], d["confidence"]] for d in r["intent_ranking"]],
                        "entities": [[e["entity"], e["start"], e["end"], e.get("value"), e.get("extractor"),
                                      e.get("confidence_entity")] for e in r["entities"]]})
        from bot import speedups
        return {"load_s": load_s, "speedups": sorted(speedups.applied()), "parses": out}

    Path(out_path).write_text(json.dumps(asyncio.run(run()), ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
