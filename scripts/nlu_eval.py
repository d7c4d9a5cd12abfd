"""Evaluate the trained NLU model on the held-out file and print the figures (intent accuracy, macro F1, entity F1,
the confusions that matter). Exits non-zero when intent accuracy falls below --min-intent-acc (a floor that catches
a broken model; the figures themselves are reported, not asserted)."""
import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def entity_scores(out: Path) -> dict[str, dict]:
    """Micro-averaged entity scores per extractor from the *_report.json files `rasa test nlu` wrote into `out`."""
    scores = {}
    for rep in sorted(Path(out).glob("*_report.json")):
        if rep.name == "intent_report.json" or "response" in rep.name:
            continue
        data = json.loads(rep.read_text())
        m = data.get("micro avg") or data.get("weighted avg") or {}
        if m:
            scores[rep.stem.replace("_report", "")] = {"f1": m.get("f1-score"), "precision": m.get("precision"),
                                                       "recall": m.get("recall"), "support": m.get("support")}
    return scores


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(ROOT / "models" / "policy-assistant.tar.gz"))
    ap.add_argument("--nlu", default=str(ROOT / "tests" / "nlu" / "holdout.yml"))
    ap.add_argument("--out", default=str(ROOT / "var" / "nlu-results"))
    ap.add_argument("--min-intent-acc", type=float, default=0.0)
    args = ap.parse_args()
    rasa = str(Path(sys.executable).parent / "rasa")
    cmd = [rasa, "test", "nlu", "--model", args.model, "--nlu", args.nlu, "--out", args.out, "--no-plot"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=dict(os.environ))
    if proc.returncode != 0:
        print(proc.stdout[-3000:], proc.stderr[-3000:])
        return proc.returncode
    out = Path(args.out)
    intents = json.loads((out / "intent_report.json").read_text())
    acc = intents["accuracy"]
    macro = intents["macro avg"]["f1-score"]
    n = intents["macro avg"]["support"]
    print(f"NLU held-out ({Path(args.nlu).name}, {n} messages): intent accuracy {acc:.3f}, macro F1 {macro:.3f}")
    for extractor, m in entity_scores(out).items():
        print(f"  entities by {extractor}: micro F1 {m['f1'] or 0:.3f} "
              f"(precision {m['precision'] or 0:.3f}, recall {m['recall'] or 0:.3f})")
    errors = out / "intent_errors.json"
    if errors.is_file():
        pairs = {}
        for e in json.loads(errors.read_text()):
            key = (e["intent"], e["intent_prediction"]["name"])
            pairs[key] = pairs.get(key, 0) + 1
        top = sorted(pairs.items(), key=lambda kv: -kv[1])[:8]
        if top:
            print("  most frequent confusions (true -> predicted):")
            for (t, p), c in top:
                print(f"    {t} -> {p}: {c}")
    if acc < args.min_intent_acc:
        print(f"intent accuracy {acc:.3f} below the floor {args.min_intent_acc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
