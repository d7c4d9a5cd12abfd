"""The printable household checklists (入户清单): one page per household, large type, what to bring for each
benefit, the validity warning of each document. HTML from the Jinja template templates/checklists.html.j2 with
autoescape on (everything from the ledger is escaped); written as it is rendered, so a big ledger is never one
string in memory."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterator

import jinja2

from policies.evaluator import ELIGIBLE, INELIGIBLE, UNKNOWN
from policies.model import Document
from policies.render import cn_date, validity_line

from .report import Person, Report

TEMPLATES = Path(__file__).resolve().parent / "templates"
MARK = {ELIGIBLE: "✓ 符合条件", UNKNOWN: "？ 还要确认", INELIGIBLE: "✗ 不符合"}


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, undefined=jinja2.StrictUndefined,
                             finalize=lambda v: "" if v is None else v)
    return env.get_template("checklists.html.j2")


def _places(members: list[Person]) -> str:
    return "、".join(dict.fromkeys(m.place_label or m.place_text or "（户籍地未填）" for m in members))


def _documents(members: list[Person]) -> list[Document]:
    docs: dict[str, Document] = {}
    for m in members:
        for d in m.documents:
            docs.setdefault(d.id, d)
    return list(docs.values())


def _count(m: Person, status: str) -> int:
    return sum(1 for i in m.items if i.status == status)


def _parts(rep: Report) -> Iterator[str]:
    return _template().generate(
        as_of=rep.as_of, households=rep.households, people=rep.people, places=_places, documents=_documents,
        count=_count, mark=MARK, cn_date=cn_date, validity_line=validity_line,
        ELIGIBLE=ELIGIBLE, UNKNOWN=UNKNOWN, INELIGIBLE=INELIGIBLE)


def checklists_html(rep: Report) -> str:
    return "".join(_parts(rep))


def write_html(rep: Report, path: Path | str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for part in _parts(rep):
            f.write(part)
