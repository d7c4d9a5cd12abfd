"""Evaluate the trained NLU model on the held-out file and print the figures (intent accuracy, macro F1, entity F1,
the confusions that matter). Exits non-zero when a figure falls below its floor: --min-intent-acc, --min-macro-f1,
--min-entity-f1 (the Makefile sets them just under the measured values, so that a regression fails)."""
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
    ap.add_argument("--min-intent-acc", type=float, default=0.0, help="floor for the intent accuracy")
    ap.add_argument("--min-macro-f1", type=float, default=0.0, help="floor for the intents' macro-averaged F1")
    ap.add_argument("--min-entity-f1", action="append", default=[], metavar="[EXTRACTOR=]F1",
                    help="floor for the entities' micro F1: of one extractor (DIETClassifier=0.9), or of every "
                         "extractor (a bare number); repeatable")
    args = ap.parse_args()
    entity_floors: dict[str | None, float] = {}
    for spec in args.min_entity_f1:
        name, _, value = spec.rpartition("=")
        try:
            entity_floors[name or None] = float(value)
        except ValueError:
            ap.error(f"--min-entity-f1 {spec!r}: expected F1 or EXTRACTOR=F1")
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
    entities = entity_scores(out)
    for extractor, m in entities.items():
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
    below = []
    if acc < args.min_intent_acc:
        below.append(f"intent accuracy {acc:.3f} below the floor {args.min_intent_acc}")
    if macro < args.min_macro_f1:
        below.append(f"intent macro F1 {macro:.3f} below the floor {args.min_macro_f1}")
    for name, floor in entity_floors.items():
        if (name is None and not entities) or (name is not None and name not in entities):
            below.append(f"no entity figures for {name or 'any extractor'} (reported: {', '.join(entities) or 'none'})")
        for extractor, m in entities.items():
            if name in (None, extractor) and (m["f1"] or 0) < floor:
                below.append(f"entity micro F1 of {extractor} {m['f1'] or 0:.3f} below the floor {floor}")
    for line in below:
        print(line)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
