"""Command line for operators and tests.

  python -m policies check                       verify every quote and number against the source texts
  python -m policies list [--json]               every benefit (the review and audit surface)
  python -m policies explain --place 千阳县 --fact 身份=脱贫劳动力 --fact 合同月数=12 [--topic …] [--as-of …]
  python -m policies place 汉阴                   which documents cover a place

The village officer's ledger check is a package of its own, above this one: python -m ledger (ledger/__main__.py).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from .check import check_all
from .evaluator import evaluate
from .gazetteer import default_gazetteer
from .model import PAYEES, PolicyDataError, default_policies
from .normalize import FACT_ALIASES     # Chinese names accepted by --fact, besides the fact ids and their labels
from .render import explain, no_policy_text


def _fact_name(key: str, policies) -> str:
    if key in policies.vocab.facts or key in ("category", "not_category", "received_this_year"):
        return key
    if key in FACT_ALIASES:
        return FACT_ALIASES[key]
    for name, f in policies.vocab.facts.items():
        if f.label == key:
            return name
    raise SystemExit(f"不认识的情况：{key}（可用：{', '.join(policies.vocab.facts)}）")


def _parse_facts(pairs: list[str], policies) -> dict:
    facts: dict = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise SystemExit(f"--fact 应写成 名称=值：{pair}")
        k, v = pair.split("=", 1)
        name = _fact_name(k.strip(), policies)
        if name in ("category", "not_category", "received_this_year"):
            facts.setdefault(name, []).extend(x for x in v.replace("，", ",").split(",") if x)
        else:
            facts[name] = v.strip()
    return facts


def benefit_json(b) -> dict:
    d = b.document
    return {
        "id": b.id, "name": b.name, "clause": b.clause, "topic": b.topic, "kind": b.kind,
        "document_id": d.id, "document_no": d.document_no, "jurisdiction": d.jurisdiction,
        "valid_from": d.valid_from.isoformat() if d.valid_from else None,
        "valid_to": d.valid_to.isoformat() if d.valid_to else None,
        "validity_note": d.validity_note,
        "payee": b.payee, "payee_label": PAYEES[b.payee], "payee_note": b.payee_note,
        "amount": b.amount.raw,
        "quotes": sorted({q for q in _all_quotes(b)}),
        "documents": b.documents.items if b.documents else [],
        "office": b.apply.office if b.apply else None,
        "window": b.apply.window if b.apply else None,
    }


def _all_quotes(b):
    yield from b.quotes
    for c in b.eligibility:
        yield from c.quotes
    yield from b.amount.quotes
    for x in b.limits + b.exclusions + b.notes:
        yield from x.quotes
    if b.apply:
        yield from b.apply.quotes
    if b.documents:
        yield from b.documents.quotes


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m policies", description="就业帮扶政策规则")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("check", help="check quotes and numbers against the source texts")
    pl = sub.add_parser("list", help="list every benefit")
    pl.add_argument("--json", action="store_true")
    pe = sub.add_parser("explain", help="evaluate a profile and print the Chinese answer")
    pe.add_argument("--place", required=True)
    pe.add_argument("--fact", action="append", default=[], help="名称=值, e.g. 身份=脱贫劳动力 合同月数=12")
    pe.add_argument("--topic", action="append")
    pe.add_argument("--as-of", type=dt.date.fromisoformat)
    pe.add_argument("--json", action="store_true")
    pp = sub.add_parser("place", help="which documents cover a place")
    pp.add_argument("name")
    args = ap.parse_args(argv)

    if args.cmd == "check":
        problems, stats = check_all()
        for p in problems:
            print(p)
        print(f"{stats['files']} files, {stats['benefits']} benefits, {stats['quotes']} quotes checked, "
              f"{len(problems)} problem(s)")
        return 1 if problems else 0
    try:
        policies = default_policies()
    except PolicyDataError as e:
        print(f"policy data error: {e}", file=sys.stderr)
        return 2
    if args.cmd == "list":
        items = [benefit_json(b) for b in policies.benefits.values()]
        if args.json:
            json.dump(items, sys.stdout, ensure_ascii=False, indent=1)
            print()
        else:
            for d in policies.documents:
                print(f"{d.document_no}  {d.place_label}  ({len(d.benefits)})")
                for b in d.benefits:
                    print(f"  {b.id:40s} {b.name}  → {PAYEES[b.payee]}")
        return 0
    if args.cmd == "place":
        r = default_gazetteer().resolve(args.name)
        if r.place is None:
            print(f"不认识的地名：{args.name}")
            return 1
        print(f"{r.place.full_name}（{r.place.level}）")
        if r.documents:
            for d in r.documents:
                print(f"  {d.document_no} {d.title}")
        else:
            print("  " + no_policy_text(r.place.full_name, r.narrower))
        return 0
    if args.cmd == "explain":
        try:
            facts = _parse_facts(args.fact, policies)
            ev = evaluate(facts, args.place, as_of=args.as_of, topics=args.topic)
        except ValueError as e:
            print(f"输入有误：{e}", file=sys.stderr)
            return 2
        if args.json:
            json.dump([{"id": r.benefit.id, "status": r.status, "amount": r.amount.value, "up_to": r.amount.up_to,
                        "payee": r.benefit.payee, "missing": r.missing, "ended": r.ended, "reasons": r.reasons}
                       for r in ev.results], sys.stdout, ensure_ascii=False, indent=1)
            print()
        else:
            print(explain(ev, policies))
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
