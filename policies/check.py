"""The quote checker: every rule's words occur in the source text and every number of a rule occurs in its quote.

Run as `python -m policies check`. Sources: policies/sources/ (a copy of ../shared/policy-docs, kept identical by a
test) or the folder named by POLICY_SOURCE_DIR.
"""
from __future__ import annotations

import os
from policies import rx as re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import DATA_DIR, PKG_DIR, load_all
from .quantities import numbers_in, quantity_digits, squash

SOURCE_DIR = PKG_DIR / "sources"
# keys whose values are quantities that must show in the node's quote
NUMERIC_KEYS = ("value", "cap", "max", "at_least", "more_than", "at_most", "less_than", "between", "percent", "rate",
                "period", "term_max", "times")
# keys that hold nested rule nodes (each checked on its own)
NESTED_KEYS = ("eligibility", "amount", "limits", "exclusions", "apply", "documents", "notes", "parts", "cases",
               "when", "any", "exclusive_groups")


@dataclass
class Problem:
    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.message}"


def source_dir() -> Path:
    return Path(os.environ.get("POLICY_SOURCE_DIR") or SOURCE_DIR)


def _as_list(q) -> list[str]:
    if q is None:
        return []
    return [q] if isinstance(q, str) else [x for x in q if isinstance(x, str)]


def check_file(path: Path, src_dir: Path | None = None) -> tuple[list[Problem], int]:
    """Return (problems, number of quotes checked) for one data file."""
    src_dir = src_dir or source_dir()
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc = raw.get("document") or {}
    problems: list[Problem] = []
    src_path = src_dir / str(doc.get("source", ""))
    if not src_path.is_file():
        return [Problem(path.name, "document", f"source text {src_path.name} not found in {src_dir}")], 0
    source = squash(src_path.read_text(encoding="utf-8"))
    checked = 0

    def check_quote(q: str, where: str):
        nonlocal checked
        checked += 1
        if not squash(q):
            problems.append(Problem(path.name, where, "empty quote"))
        elif squash(q) not in source:
            problems.append(Problem(path.name, where, f"quote not found in {src_path.name}: {q}"))

    def walk(node, where: str, inherited: list[str]):
        if isinstance(node, list):
            for i, x in enumerate(node):
                walk(x, f"{where}[{i}]", inherited)
            return
        if not isinstance(node, dict):
            return
        own = _as_list(node.get("quote"))
        for q in own:
            check_quote(q, where)
        quotes = own or inherited
        nums = []
        for k in NUMERIC_KEYS:
            if k in node:
                vals = node[k] if isinstance(node[k], list) else [node[k]]
                for v in vals:
                    nums += quantity_digits(v)
        for u in node.get("units") or []:
            if isinstance(u, dict) and "max" in u:
                nums += quantity_digits(u["max"])
        if nums:
            if not quotes:
                problems.append(Problem(path.name, where, f"numbers {nums} have no quote"))
            else:
                have = set().union(*(numbers_in(q) for q in quotes))
                missing = [n for n in nums if n not in have]
                if missing:
                    problems.append(Problem(path.name, where, f"number(s) {missing} not in the quote(s) {quotes}"))
        for k in NESTED_KEYS:
            if k in node:
                walk(node[k], f"{where}.{k}", quotes)
        if "items" in node and isinstance(node["items"], list):
            for i, item in enumerate(node["items"]):
                if isinstance(item, str) and squash(item) not in source:
                    problems.append(Problem(path.name, f"{where}.items[{i}]", f"document item not verbatim in source: {item}"))

    for key in ("validity_quote", "assumed_end_quote"):
        for q in _as_list(doc.get(key)):
            check_quote(q, f"document.{key}")
    walk(doc.get("exclusive_groups") or [], "document.exclusive_groups", [])
    walk(doc.get("unit_scope") or [], "document.unit_scope", [])
    for i, ne in enumerate(doc.get("not_encoded") or []):
        for q in _as_list((ne or {}).get("quote")):
            check_quote(q, f"document.not_encoded[{i}]")
        if (ne or {}).get("words") is not None:
            try:
                re.compile(str(ne["words"]))
            except re.error as e:
                problems.append(Problem(path.name, f"document.not_encoded[{i}].words", f"not a regular expression: {e}"))
    for b in raw.get("benefits") or []:
        for i, n in enumerate(b.get("notes") or []):
            if isinstance(n, dict) and n.get("words") is not None:
                try:
                    re.compile(str(n["words"]))
                except re.error as e:
                    problems.append(Problem(path.name, f"{b.get('id', '?')}.notes[{i}].words",
                                            f"not a regular expression: {e}"))
    for b in raw.get("benefits") or []:
        bid = b.get("id", "?")
        bq = _as_list(b.get("quote"))
        if not bq:
            problems.append(Problem(path.name, bid, "benefit has no quote"))
        walk(b, bid, [])
    return problems, checked


def check_all(data_dir: Path | None = None, src_dir: Path | None = None) -> tuple[list[Problem], dict]:
    data_dir = Path(data_dir or DATA_DIR)
    problems: list[Problem] = []
    stats = {"files": 0, "quotes": 0, "benefits": 0}
    try:
        ps = load_all(data_dir)  # structural validation first
        stats["benefits"] = len(ps.benefits)
    except Exception as e:  # report, then still check quotes file by file
        problems.append(Problem("(load)", "-", str(e)))
    for p in sorted(data_dir.glob("*.yaml")):
        pr, n = check_file(p, src_dir)
        problems += pr
        stats["files"] += 1
        stats["quotes"] += n
    return problems, stats
