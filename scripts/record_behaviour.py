"""Record what the assistant says, so that a restructuring can show it says the same afterwards.

    .venv/bin/python scripts/record_behaviour.py -o var/behaviour/before.json      # needs the trained model
    .venv/bin/python scripts/record_behaviour.py -o var/behaviour/after.json
    .venv/bin/python scripts/record_behaviour.py --compare var/behaviour/before.json var/behaviour/after.json

Recorded, with ASSISTANT_TODAY pinned:
- every conversation of tests/rasa/stories.yml and scripts/transcripts.py, and every message of
  tests/nlu/holdout.yml as a conversation of its own, played through the real servers (REST channel, bot/turns.py);
  for each: the replies of every turn, and the operator console's cards for the final state (bot/console/view.py);
- the ledger check of docs/sample-ledger.xlsx and of a generated 500-row ledger: the CSV report rows and the
  printable checklists' text.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import json
import re
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AS_OF = "2026-11-22"


def conversations() -> list[tuple[str, list[str]]]:
    out = []
    stories = yaml.safe_load((ROOT / "tests/rasa/stories.yml").read_text(encoding="utf-8"))["stories"]
    for st in stories:
        turns = [s["user"].strip() for s in st["steps"] if "user" in s]
        out.append((f"story: {st['story']}", turns))
    from scripts.transcripts import CONVERSATIONS

    out += [(f"transcript: {title}", list(turns)) for title, turns in CONVERSATIONS]
    holdout = yaml.safe_load((ROOT / "tests/nlu/holdout.yml").read_text(encoding="utf-8"))["nlu"]
    for block in holdout:
        if "intent" not in block:
            continue
        for line in block["examples"].splitlines():
            line = line.strip()
            if line.startswith("- "):
                text = re.sub(r"\[([^\]]+)\]\{[^}]*\}|\[([^\]]+)\]\([^)]*\)", lambda m: m.group(1) or m.group(2),
                              line[2:].strip())
                out.append((f"holdout {block['intent']}: {text}", [text]))
    return out


def _cards(slots: dict) -> list[dict]:
    from bot.console.view import build_view

    view = build_view(slots, as_of=dt.date.fromisoformat(AS_OF))
    keep = ("id", "name", "status", "amount", "payee", "said")
    return [{k: c.get(k) for k in keep if k in c} for c in view.get("cards", [])]


def record_conversations(servers) -> dict:
    out = {}
    for i, (name, turns) in enumerate(conversations()):
        sender = f"rec-{i}"
        replies = []
        for t in turns:
            replies.append([{k: m[k] for k in ("text", "buttons", "custom") if k in m} for m in servers.say(sender, t)])
        slots = servers.tracker(sender).get("slots") or {}
        out[name] = {"turns": turns, "replies": replies, "cards": _cards(slots)}
    return out


def _ledger_rows(n: int) -> list[dict]:
    """A deterministic mixed ledger: places, categories, durations and cells of every kind the template has."""
    import random

    import ledger as batch

    rnd = random.Random(20261122)
    places = ["千阳县", "汉阴县", "海伦市", "长沙市", "三亚市", "西安市", "安康市汉滨区", "绥化市北林区"]
    cats = ["脱贫户", "边缘户", "低保", "建档立卡贫困户", "高校毕业生", "退役军人", "", "残疾人"]
    rows = []
    for i in range(n):
        row = {}
        for c in batch.COLUMNS:
            ex = [e for e in c.examples if e not in (None, "")]
            row[c.name] = rnd.choice(ex) if ex and rnd.random() < 0.6 else None
        row.update({"户号": f"H{i // 3}", "姓名": f"人{i}", "户籍地": rnd.choice(places), "人员类别": rnd.choice(cats)})
        rows.append(row)
    return rows


def record_ledgers(tmp: Path) -> dict:
    import openpyxl

    import ledger as batch

    as_of = dt.date.fromisoformat(AS_OF)
    out = {}
    gen = tmp / "generated.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(batch.COLUMN_NAMES)
    for r in _ledger_rows(500):
        ws.append([r.get(h) for h in batch.COLUMN_NAMES])
    wb.save(gen)
    for name, path in (("sample-ledger", ROOT / "docs/sample-ledger.xlsx"), ("generated-500", gen)):
        rep = batch.check_ledger(path, as_of)
        paths = batch.write_csv(rep, tmp / f"{name}.csv")
        tables = {}
        for p in paths:
            with open(p, encoding="utf-8-sig", newline="") as f:
                tables[p.name.replace(name, "")] = list(csv.reader(f))
        text = re.sub(r"<[^>]+>", " ", batch.checklists_html(rep))
        text = re.sub(r"\s+", " ", html.unescape(text)).strip()
        out[name] = {"csv": tables, "checklists_text": text}
    return out


def compare(a: dict, b: dict) -> int:
    diffs = 0
    for section in ("conversations", "ledgers"):
        ka, kb = set(a.get(section, {})), set(b.get(section, {}))
        for k in sorted(ka ^ kb):
            print(f"{section}: only in {'first' if k in ka else 'second'}: {k}")
            diffs += 1
        for k in sorted(ka & kb):
            if a[section][k] != b[section][k]:
                diffs += 1
                print(f"{section}: differs: {k}")
                for part in a[section][k]:
                    if a[section][k][part] != b[section][k].get(part):
                        print(f"   {part}:\n     before {json.dumps(a[section][k][part], ensure_ascii=False)[:600]}"
                              f"\n     after  {json.dumps(b[section][k].get(part), ensure_ascii=False)[:600]}")
    n = sum(len(a.get(s, {})) for s in ("conversations", "ledgers"))
    print(f"{n} recordings compared, {diffs} differ")
    return 1 if diffs else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--out", default=str(ROOT / "var/behaviour/now.json"))
    ap.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    ap.add_argument("--no-servers", action="store_true", help="ledgers only")
    args = ap.parse_args()
    if args.compare:
        a, b = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args.compare)
        return compare(a, b)
    import os

    os.environ["ASSISTANT_TODAY"] = AS_OF
    tmp = Path(tempfile.mkdtemp(prefix="behaviour-"))
    result = {"as_of": AS_OF, "ledgers": record_ledgers(tmp), "conversations": {}}
    if not args.no_servers:
        from scripts.servers import Servers

        servers = Servers(tmp / "servers").start() if (tmp / "servers").mkdir() is None else None
        try:
            result["conversations"] = record_conversations(servers)
        finally:
            servers.stop()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"wrote {args.out}: {len(result['conversations'])} conversations, {len(result['ledgers'])} ledgers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
