"""What a check gives: a Report of Person rows, each with its Items (one benefit, ready to print) and Problems (a
cell that could not be read), the per-benefit summary, the validity notes; the wording of amounts."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from policies.evaluator import ELIGIBLE, INELIGIBLE, UNKNOWN, BenefitResult, fmt_money
from policies.model import Benefit, Document, PolicySet
from policies.render import cn_date, validity_line


@dataclass(slots=True)
class Problem:
    line: int | None
    household: str
    name: str
    column: str
    value: str          # masked, shortened
    message: str        # full Chinese sentence, starting with 第N行 when it concerns a row


@dataclass
class Item:
    """One benefit for one person, ready to print."""
    benefit: Benefit
    status: str                 # eligible | unknown | ineligible
    status_text: str            # 符合 / 待确认：… / 不符合：…
    amount_text: str            # 500元 / 最高500元 / 1000～2500元 / words when the document gives no amount
    amount_detail: str          # with the calculation, for the checklist
    amount_value: float | None  # counted in totals: eligible, computed, not a loan
    payee_text: str             # 钱发给：劳动者本人 (policies.render.payee_text, as the console's card)
    where_when: str
    citation: str
    cautions: list[str] = field(default_factory=list)
    ended: bool = False
    missing: tuple[str, ...] = ()    # the facts still unknown (status unknown)

    @property
    def status_word(self) -> str:
        return {ELIGIBLE: "符合", UNKNOWN: "待确认", INELIGIBLE: "不符合"}[self.status]


@dataclass(slots=True)
class Person:
    line: int
    household: str
    name: str
    id_masked: str
    place_text: str             # as written (masked)
    place_label: str            # resolved full name, or ''
    documents: list[Document]
    coverage: str               # 千人社发〔2021〕141号（千阳县） / 暂未收录该地政策：…
    categories: list[str]
    categories_text: str
    employment_text: str
    remark: str
    items: list[Item]
    problems: list[Problem] = field(default_factory=list)
    facts: dict = field(default_factory=dict)      # what the row's cells said (fact → value)
    householder: str = ""                          # 户主 as the ledger names them, or ''
    signed_unknown: bool = False                   # a contract signed, its length not written
    next_step: str = ""                            # 下一步: what to ask or bring, what it is worth, where, by when
    reason: str = ""                               # why nothing can be claimed (rows with no claim)

    @property
    def covered(self) -> bool:
        return bool(self.documents)

    @property
    def total(self) -> float:
        return sum(i.amount_value for i in self.items if i.amount_value is not None)


@dataclass
class BenefitSummary:
    benefit: Benefit
    eligible: int = 0
    unknown: int = 0
    ineligible: int = 0
    total: float = 0.0
    ceiling_count: int = 0       # eligible people counted at the ceiling (最高…)
    uncomputed: int = 0          # eligible people whose amount could not be computed


@dataclass
class Report:
    as_of: dt.date
    source: str
    people: list[Person]
    notices: list[Problem]                # file-level
    policies: PolicySet
    seconds: dict[str, float] = field(default_factory=dict)
    matches: list = field(default_factory=list)     # how the ledger's headers were matched (columns.Match)

    @property
    def problems(self) -> list[Problem]:
        out = list(self.notices)
        for p in self.people:
            out += p.problems
        return out

    @property
    def households(self) -> list[tuple[str, list[Person]]]:
        order: dict[str, list[Person]] = {}
        for p in self.people:
            order.setdefault(p.household, []).append(p)
        return list(order.items())

    @property
    def summary(self) -> list[BenefitSummary]:
        by_id: dict[str, BenefitSummary] = {}
        for p in self.people:
            for it in p.items:
                s = by_id.get(it.benefit.id)
                if s is None:
                    s = by_id[it.benefit.id] = BenefitSummary(it.benefit)
                if it.status == ELIGIBLE:
                    s.eligible += 1
                    if it.amount_value is not None:
                        s.total += it.amount_value
                        if is_ceiling(it):
                            s.ceiling_count += 1
                    elif it.benefit.kind != "loan":
                        s.uncomputed += 1
                elif it.status == UNKNOWN:
                    s.unknown += 1
                else:
                    s.ineligible += 1
        order = {b: i for i, b in enumerate(self.policies.benefits)}
        return sorted(by_id.values(), key=lambda s: order.get(s.benefit.id, 1 << 20))

    @property
    def documents_used(self) -> list[Document]:
        seen = {}
        for p in self.people:
            for d in p.documents:
                seen.setdefault(d.id, d)
        return [d for d in self.policies.documents if d.id in seen]

    def validity_notes(self) -> list[str]:
        """The note that the policies have ended as of the check date, one line per document, via validity_line."""
        docs = list(self.policies.documents)
        ended = [d for d in docs if d.ended(self.as_of)]
        if len(ended) == len(docs):
            head = (f"注意：截至{cn_date(self.as_of)}，收录的全部{len(docs)}份政策文件都已到期（或属往年政策）。"
                    "本报告按原文件计算，只供入户核对参考，现行标准请向各地办理部门确认。")
        elif ended:
            head = (f"注意：截至{cn_date(self.as_of)}，收录的{len(docs)}份政策文件中有{len(ended)}份已到期（或属往年政策），"
                    "现行标准请向各地办理部门确认。")
        else:
            head = f"截至{cn_date(self.as_of)}，收录的{len(docs)}份政策文件均在有效期内。"
        shown = self.documents_used or docs         # only the documents that apply to people in the ledger
        return [head] + [f"{d.document_no}（{d.place_label}）：{validity_line(d, self.as_of)}" for d in shown]


def is_ceiling(it: Item) -> bool:
    return it.amount_text.startswith("最高")


def _money_num(x: float) -> str:
    return fmt_money(x)[:-1]   # '500元' → '500', '30万元' → '30万'


def amount_text(r: BenefitResult) -> str:
    """500元 · 最高500元 · 1000～2500元 · 最高20万元 · the document's words when it gives no amount."""
    a = r.amount
    if a.value is not None:
        return ("最高" if a.up_to else "") + fmt_money(a.value)
    if a.range:
        lo, hi = a.range
        if lo == 0:
            return "最高" + fmt_money(hi)
        lo_s, hi_s = fmt_money(lo), fmt_money(hi)
        if lo_s.endswith("万元") == hi_s.endswith("万元"):
            return f"{_money_num(lo)}～{hi_s}"
        return f"{lo_s}～{hi_s}"
    return a.text or "文件未列金额"


def amount_detail(r: BenefitResult) -> str:
    a = r.amount
    s = amount_text(r)
    if a.value is not None and a.steps and (len(a.steps) > 1 or "=" in a.steps[0]):
        s += f"（{'；'.join(a.steps)}）"
    elif a.value is None and a.text and a.text not in s:
        s += f"（{a.text}）"
    if r.benefit.kind == "loan":
        s += "（贷款额度，要还，不是补贴）"
    return s
