"""The layers of docs/architecture.md, read from the code's own imports: no module imports upward.

    policies   the rules, the catalogue and the one vocabulary          imports nothing of ours
    assistant  the conversation core                                    policies
    actions    rasa-sdk actions, the audit log                          assistant, policies
    ledger     the village ledger check                                 assistant, policies
    bot        Rasa-side channels, console, tokenizer                   everything below
    scripts    tools, benchmarks                                        everything but tests

and neither `policies` nor `assistant` imports Rasa, rasa-sdk or Sanic.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RANK = {"policies": 0, "assistant": 1, "actions": 2, "ledger": 2, "bot": 3, "scripts": 4}
FRAMEWORKS = ("rasa", "rasa_sdk", "sanic", "tensorflow")
FRAMEWORK_FREE = ("policies", "assistant", "ledger")


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    pkg = path.relative_to(ROOT).parts[0]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:                           # relative: inside its own package
                out.append((node.lineno, pkg))
            elif node.module:
                out.append((node.lineno, node.module))
    return out


def _violations() -> list[str]:
    bad = []
    for pkg, rank in RANK.items():
        for path in sorted((ROOT / pkg).rglob("*.py")):
            for line, mod in _imports(path):
                top = mod.split(".")[0]
                where = f"{path.relative_to(ROOT)}:{line} imports {mod}"
                if top in RANK and RANK[top] > rank:
                    bad.append(f"{where} (upward: {pkg} is below {top})")
                if top in RANK and top != pkg and RANK[top] == rank:
                    bad.append(f"{where} (sideways: {pkg} and {top} are beside each other)")
                if top == "tests":
                    bad.append(f"{where} (code never imports the tests)")
                if pkg in FRAMEWORK_FREE and top in FRAMEWORKS:
                    bad.append(f"{where} ({pkg} is plain Python: no {top})")
    return bad


def test_no_module_imports_upward_or_a_framework_into_the_core():
    assert _violations() == []


def test_the_check_sees_a_violation(tmp_path, monkeypatch):
    """The rule is not vacuous: an upward import in a module of the lowest layer is reported."""
    probe = ROOT / "policies" / "_layer_probe.py"
    probe.write_text("import bot.turns\nfrom rasa.core import agent\n", encoding="utf-8")
    try:
        found = _violations()
    finally:
        probe.unlink()
    assert any("_layer_probe.py:1 imports bot.turns (upward" in v for v in found), found
    assert any("_layer_probe.py:2 imports rasa.core" in v for v in found), found
