"""The printable household checklists (入户清单): one A4 page per household — 户主 and members, what each can claim
with amount and payee (or why nothing), what to bring, where and by when, the validity warning of the documents that
apply, signature and date lines. HTML from the Jinja template templates/checklists.html.j2 with autoescape on
(everything from the ledger is escaped); written as it is rendered, so a big ledger is never one string in memory.
Problems with the ledger's cells are for the officer: the report's 问题 sheet, not the household's page."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterator

import jinja2

from policies.evaluator import ELIGIBLE, INELIGIBLE, UNKNOWN
from policies.model import Benefit, Document
from policies.render import cn_date, validity_line

from .report import Item, Person, Report

TEMPLATES = Path(__file__).resolve().parent / "templates"
MARK = {ELIGIBLE: "✓", UNKNOWN: "？", INELIGIBLE: "✗"}


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.globals.update(mark=MARK, places=_places, documents=_documents, householder=_householder,
                       claimable=_claimable, materials=_materials, payee_short=_payee_short, asks=_asks,
                       open_count=_open_count, ELIGIBLE=ELIGIBLE,
                       INELIGIBLE=INELIGIBLE)
    return env.get_template("checklists.html.j2")


def _places(members: list[Person]) -> str:
    return "、".join(dict.fromkeys(m.place_label or m.place_text or "（户籍地未填）" for m in members))


def _householder(members: list[Person]) -> str:
    return next((m.householder for m in members if m.householder), members[0].name if members else "")


def _documents(members: list[Person]) -> list[Document]:
    """The documents of the benefits this household can claim (or, with none, those covering its place)."""
    docs: dict[str, Document] = {}
    for m in members:
        for it in m.items:
            if it.status != INELIGIBLE:
                docs.setdefault(it.benefit.document.id, it.benefit.document)
    if not docs:
        for m in members[:1]:
            for d in m.documents:
                docs.setdefault(d.id, d)
    return list(docs.values())


def _claimable(members: list[Person]) -> list[tuple[Benefit, Item]]:
    """Each benefit someone in the household can claim or may claim, once."""
    seen: dict[str, tuple[Benefit, Item]] = {}
    for m in members:
        for it in m.items:
            if it.status != INELIGIBLE and it.benefit.id not in seen:
                seen[it.benefit.id] = (it.benefit, it)
    return list(seen.values())


def _open_count(members: list[Person]) -> int:
    return sum(1 for m in members for it in m.items if it.status != INELIGIBLE)


def _materials(b: Benefit) -> str:
    if b.documents and b.documents.items:
        return "；".join(b.documents.items)
    return f"文件未列申请材料，请向{b.document.contact_office}咨询"


def _payee_short(it: Item) -> str:
    """钱发给：劳动者本人 — without the document's long note (the payee's own words are on the report)."""
    text = it.payee_text
    cut = text.find("（")
    return text[:cut] if cut > 0 else text


def _asks(it: Item, labels: dict[str, str]) -> str:
    """What is still to be asked for an item, in the facts' short labels (合同期限、就业后月数)."""
    return "、".join(labels.get(f, f) for f in it.missing[:3]) or "见报告"


def _parts(rep: Report) -> Iterator[str]:
    """The page, a household at a time."""
    return _template().generate(date_text=cn_date(rep.as_of), households=rep.households, people=rep.people,
                                validity={d.id: validity_line(d, rep.as_of) for d in rep.policies.documents},
                                labels={f: spec.label for f, spec in rep.policies.vocab.facts.items()})


def checklists_html(rep: Report) -> str:
    return "".join(_parts(rep))


def write_html(rep: Report, path: Path | str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for part in _parts(rep):
            f.write(part)
