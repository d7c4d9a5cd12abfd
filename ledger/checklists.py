"""The printable household checklists (入户清单): one page per household, large type, what to bring for each
benefit, the validity warning of each document. HTML from the Jinja templates templates/checklists.html.j2 (the
page, a household at a time) and templates/checklist_item.html.j2 (one benefit) with autoescape on (everything from
the ledger is escaped); written as it is rendered, so a big ledger is never one string in memory."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterator

import jinja2

from policies.evaluator import ELIGIBLE, INELIGIBLE, UNKNOWN
from policies.model import Document
from policies.render import cn_date, validity_line

from .report import Item, Person, Report

TEMPLATES = Path(__file__).resolve().parent / "templates"
MARK = {ELIGIBLE: "✓ 符合条件", UNKNOWN: "？ 还要确认", INELIGIBLE: "✗ 不符合"}


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.globals.update(mark=MARK, places=_places, documents=_documents, counts=_counts, ELIGIBLE=ELIGIBLE,
                       INELIGIBLE=INELIGIBLE)
    return env.get_template("checklists.html.j2")


def _places(members: list[Person]) -> str:
    return "、".join(dict.fromkeys(m.place_label or m.place_text or "（户籍地未填）" for m in members))


def _documents(members: list[Person]) -> list[Document]:
    docs: dict[str, Document] = {}
    for m in members:
        for d in m.documents:
            docs.setdefault(d.id, d)
    return list(docs.values())


def _counts(m: Person) -> tuple[int, int]:
    """(eligible, still to be confirmed) items of one person."""
    statuses = [i.status for i in m.items]
    return statuses.count(ELIGIBLE), statuses.count(UNKNOWN)


def _parts(rep: Report) -> Iterator[str]:
    """The page, a household at a time. The checker shares one Item among all the rows it is the same for, so each
    Item's block is rendered once (kept with the Item, for this page only)."""
    template = _template()
    module = template.environment.get_template("checklist_item.html.j2").make_module()
    blocks: dict[int, tuple[Item, str]] = {}

    def item_html(it: Item) -> str:
        got = blocks.get(id(it))
        if got is None:
            got = blocks[id(it)] = (it, module.item(it))
        return got[1]

    return template.generate(date_text=cn_date(rep.as_of), households=rep.households, people=rep.people,
                             validity={d.id: validity_line(d, rep.as_of) for d in rep.documents_used},
                             item_html=item_html)


def checklists_html(rep: Report) -> str:
    return "".join(_parts(rep))


def write_html(rep: Report, path: Path | str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for part in _parts(rep):
            f.write(part)
