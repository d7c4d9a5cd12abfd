"""Plain, short Simplified Chinese for evaluation results (WeChat screens are small)."""
from __future__ import annotations

import datetime as dt
from policies import rx as re

from .evaluator import ELIGIBLE, INELIGIBLE, UNKNOWN, BenefitResult, Evaluation, fmt_money
from .model import PRESUMED, Benefit, Document, PolicySet, default_policies


def cn_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def validity_line(doc: Document, as_of: dt.date) -> str:
    """Validity, and a plain warning when the policy has ended as of `as_of`."""
    if doc.valid_to:
        period = f"有效期：{cn_date(doc.valid_from or doc.issued)}至{cn_date(doc.valid_to)}"
    elif doc.issued is None and doc.published is not None:
        # only the newspaper's publication date is printed: never call it the issue date
        period = f"{doc.published_in or ''}刊发：{cn_date(doc.published)}（通知本身的印发日期未载明），文件未写明执行期限"
    else:
        start = doc.issued or doc.valid_from
        period = f"印发：{cn_date(start)}，文件未写明执行期限"
    if doc.ended(as_of):
        if doc.valid_to:
            warn = f"该政策已于{cn_date(doc.valid_to)}到期"
        else:
            warn = f"属{doc.effective_end.year}年前的政策，可能已调整"
        return f"{period}。⚠{warn}，现行标准请向{doc.contact_office}确认（电话{doc.contact_phone}）。"
    if doc.not_yet_valid(as_of):
        return f"{period}。该日期时政策尚未实施。"
    return period + "。"


def citation(b: Benefit) -> str:
    return f"{b.document.document_no} {b.clause}"


def amount_line(r: BenefitResult) -> str:
    a = r.amount
    if a.value is not None and a.basis:
        # a total for the persons (or the standard) the asker gave, the rate beside it: "2500元（5人×每人500元）",
        # "最高54000元（15人×每人每月不超过600元×最长6个月）"
        return f"{a.total_per}{'最高' if a.up_to else ''}{fmt_money(a.value)}（{a.basis}）"
    if a.value is not None:
        computed = len(a.steps) > 1 or (a.steps and "=" in a.steps[0])
        if not computed and a.text and fmt_money(a.value) in a.text:
            # a rate as the document states it: 每人每年1000元, 贷款最高20万元 …
            return ("最高" if a.up_to and "最高" not in a.text else "") + a.text
        s = ("最高" if a.up_to else "") + fmt_money(a.value)
        if computed:
            s += f"（{'；'.join(a.steps)}）"
        return s
    if a.range:
        lo, hi = a.range
        if lo == 0:
            return f"最高{fmt_money(hi)}（{a.text}）"
        return f"{fmt_money(lo)}～{fmt_money(hi)}（{a.text}）"
    return a.text


# The payee of a benefit whose document does not say who receives the money (catalogue.yaml `unnamed`)
UNNAMED = "unnamed"


def unit_borrower(b: Benefit) -> bool:
    """A loan a unit borrows in its own name (劳动密集型小微企业贷款: borrower_type 小微企业 only)."""
    return b.kind == "loan" and any(getattr(c, "fact", None) == "borrower_type" and getattr(c, "op", None) == "any_of" and
                                    tuple(getattr(c, "value", None) or ()) == ("小微企业",) for c in b.eligibility)


def payee_line(b: Benefit) -> str:
    if b.kind == "free_service":        # a service or a free place, not money: never "钱发给"
        note = b.payee_note or ""
        if b.payee == UNNAMED:
            return "免费（不是发钱），文件未写明具体给谁" + (f"（{note}）" if note else "")
        return f"免费提供给：{b.payee_label}" + ("" if "不是发钱" in note else "（不是发钱）") + (f"（{note}）" if note else "")
    if b.payee == UNNAMED:
        s = f"钱发给谁：文件未写明，请向{b.document.contact_office}确认"
    else:
        s = f"钱发给：{b.payee_label}"
    if b.payee_note:
        s += f"（{b.payee_note}）"
    return s


def payee_text(b: Benefit, role: str | None, style: str = "chat") -> str:
    """Who receives the money, worded once for every surface.

    style "chat": the bot speaking to the asker ("钱发给您本人", "钱发给用人单位，不是发给您个人");
    style "card": the operator reading about a caller ("钱发给：用人单位（…）。不是发给来电人个人")."""
    from .catalogue import default_catalogue

    personal = default_catalogue().personal(b.payee)
    if b.kind == "free_service":
        if style == "card":
            return payee_line(b)
        if b.payee == UNNAMED:
            return "免费（不是发钱），文件未写明具体给谁"
        who = "您本人" if personal and role == "worker" and b.payee == "worker" else b.payee_label
        return f"免费提供给{who}（不是发钱）"
    if b.payee == UNNAMED:
        # neither "to you" nor "not to you": the document does not say
        return payee_line(b) if style == "card" else f"文件未写明钱发给谁，请向{b.document.contact_office}确认"
    if style == "card":
        s = payee_line(b)
        if role in ("worker", "proxy") and not personal:
            s += "。不是发给来电人个人"
        return s
    if b.kind == "loan":
        if unit_borrower(b):    # (劳动密集型小微企业: the enterprise borrows in its own name, not the person)
            return "这是贷款（要按期还），贷给企业（以企业名义申请）"
        return "这是贷款（要按期还），贷给借款人" + ("（您本人）" if role == "worker" else "")
    if personal and role != "employer":
        # "proxy": someone asking for another person (family, an operator): the money is that person's, not theirs
        who = "您本人" if b.payee == "worker" and role != "proxy" else b.payee_label
        return f"钱发给{who}"
    s = f"钱发给{b.payee_label}"
    if role == "worker" and not personal:
        s += "，不是发给您个人"
    elif role == "proxy" and not personal:
        s += "，不是发给劳动者个人"
    return s


def payee_of_member(b: Benefit, who: str) -> str:
    """Whom a named member's own money goes to, for a household's lines ("老张" → "老张本人"; a school grant "学生或家长"):
    the catalogue's `member` wording of the payee with the member's name, its label where it has none."""
    from .catalogue import default_catalogue

    payee = default_catalogue().payees.get(b.payee)
    if payee is None or not payee.member:
        return b.payee_label
    return payee.member.format(who=re.sub(r"本人$", "", who))


def free_to_person_line(r, role: str | None) -> str | None:
    """For a person (or someone asking for one): a training or an appraisal they have free, paid to the school, said as
    what it means for them ("…免费参加培训，个人不领钱；补贴…拨付培训机构"), with the school's rate only where the text
    gives a number ("机构的补贴：200元～300元"); None when the benefit is not such."""
    from .catalogue import default_catalogue

    b = r.benefit
    payee = default_catalogue().payees.get(b.payee)
    if role not in ("worker", "proxy") or payee is None or not payee.serves or \
            not re.search(r"免费|免收", b.payee_note or ""):
        return None
    amount = amount_line(r)
    return f"【{b.name}】{b.payee_note}" + (f"；机构的补贴：{amount}" if re.search(r"\d元", amount) else "")


def apply_line(b: Benefit) -> str:
    ap = b.apply
    if not ap or not (ap.office or ap.window):
        return f"去哪办：文件未写明，请问{b.document.contact_office}"
    parts = []
    if ap.office:
        parts.append(f"去哪办：{ap.office}")
    if ap.window:
        parts.append(f"时间：{ap.window}")
    return "；".join(parts)


def where_line(b: Benefit, papers: bool = False, procedure: bool = False) -> str:
    """Where and by when to apply for one benefit ("【name】去哪办：…；时间：…"), with its procedure and the papers to
    bring when asked for: the one wording of "where" that every answer uses."""
    s = f"【{b.name}】{apply_line(b)}"
    if procedure and b.apply and b.apply.procedure:
        s += f"\n办法：{b.apply.procedure}"
    if papers:
        s += "\n" + documents_text(b).split("】", 1)[1]
    return s


def documents_text(b: Benefit) -> str:
    if not b.documents:
        return f"【{b.name}】文件未列申请材料，请向{b.document.contact_office}咨询。"
    lines = [f"【{b.name}】要带的材料："]
    lines += [f"{i}. {item}" for i, item in enumerate(b.documents.items, 1)]
    return "\n".join(lines)


def _cond_text(o, policies: PolicySet) -> str:
    c = o.condition
    note = getattr(c, "note", None)
    if note:
        return note
    q = o.quotes[0] if o.quotes else ""
    if o.facts and o.facts[0] in policies.vocab.facts:
        return q or policies.vocab.facts[o.facts[0]].label
    return q


def presumed_line(r: BenefitResult, skip: set | frozenset = frozenset()) -> str:
    """What was taken as met without being said (model.PRESUMED): '领取前提：须培训合格；前提：每年只享受1次'; notes in
    `skip` (said already on the card) are left out."""
    if r.status == INELIGIBLE or not r.presumed:
        return ""
    by_kind: dict[str, list[str]] = {}
    for o in r.presumed:
        kind = getattr(o.condition, "presumed", None) or "deadline"
        if not PRESUMED[kind]:
            continue            # scope: the place said already says it
        note = getattr(o.condition, "note", None) or (o.quotes[0] if o.quotes else "")
        if kind == "deadline" and o.value is None and r.benefit.apply and r.benefit.apply.window:
            # a window whose date was not said: the window, once, not each of its ends ("还不到" and "已超过")
            note = f"须在{r.benefit.apply.window}申请"
        if note not in skip:
            by_kind.setdefault(kind, []).append(note)
    by_label: dict[str, list[str]] = {}     # kinds with one label ("outcome", "plan": 领取前提) said under it once
    for k, v in sorted(by_kind.items(), key=lambda kv: kv[0] != "outcome"):
        by_label.setdefault(PRESUMED[k], []).extend(v)
    return "；".join(f"{label}：{'；'.join(dict.fromkeys(v))}" for label, v in by_label.items())


STATUS_WORD = {ELIGIBLE: "符合条件", INELIGIBLE: "不符合", UNKNOWN: "还需确认"}


def benefit_card(r: BenefitResult, as_of: dt.date, policies: PolicySet | None = None, detail: bool = False) -> str:
    """A short answer for one benefit: amount, payee, key condition, apply, citation, validity."""
    policies = policies or default_policies()
    b = r.benefit
    head = f"【{b.name}】{amount_line(r)}"
    lines = [head, payee_line(b)]
    if r.status == INELIGIBLE:
        lines.append("✗ " + "；".join(dict.fromkeys(r.reasons)))
    elif r.status == UNKNOWN:
        need = [_cond_text(o, policies) for o in r.unknown]
        lines.append("还要看：" + "；".join(dict.fromkeys(need)))
    else:
        lines.append("✓ 按您说的情况符合条件")
    if presumed_line(r):
        lines.append(presumed_line(r))
    if r.partners and r.status != INELIGIBLE:
        names = "、".join(policies.benefits[o].name for o, _, _ in r.partners if o in policies.benefits)
        lines.append(f"注意：与{names}不能同时享受")
    lines.append(apply_line(b))
    if detail:
        for o in r.met:
            lines.append(f"  ✓ {_cond_text(o, policies)}")
        for o in r.failed:
            lines.append(f"  ✗ {_cond_text(o, policies)}")
        for o in r.unknown:
            lines.append(f"  ? {_cond_text(o, policies)}")
        for n in b.notes:
            lines.append(f"  注：{n.text}")
    lines.append(f"依据：{citation(b)}")
    lines.append(validity_line(b.document, as_of))
    return "\n".join(lines)


def no_policy_text(place_name: str | None, narrower: list[Document] | None = None) -> str:
    if narrower:
        names = "、".join(d.place_label for d in narrower)
        return f"{place_name}本身没有收录的文件，只收录了{names}的文件。您是{names}的吗？"
    where = place_name or "这个地方"
    return (f"暂未收录{where}的就业帮扶政策文件，不能给您报金额。"
            "请向当地镇劳动保障事务所或县人社局咨询，也可拨打12333。")


def explain(ev: Evaluation, policies: PolicySet | None = None, detail: bool = True) -> str:
    policies = policies or default_policies()
    out = []
    if ev.resolution is not None and not ev.documents:
        place = ev.resolution.place
        return no_policy_text(place.full_name if place else ev.resolution.query, ev.resolution.narrower)
    order = {ELIGIBLE: 0, UNKNOWN: 1, INELIGIBLE: 2}
    for r in sorted(ev.results, key=lambda r: order[r.status]):
        out.append(f"[{STATUS_WORD[r.status]}] " + benefit_card(r, ev.as_of, policies, detail=detail))
    if ev.next_fact:
        out.append("下一步要问：" + policies.vocab.facts[ev.next_fact].question)
    return "\n\n".join(out)
