"""How the chat words what the core decided: the facts it understood, short answer cards, the validity footer.
Payees, amounts, citations and validity are worded in policies/render.py, for every surface."""
from __future__ import annotations

import datetime as dt

from policies import ELIGIBLE, INELIGIBLE, default_policies
from policies.evaluator import BenefitResult, fmt_money
from policies.render import amount_line, citation, free_to_person_line, payee_text, presumed_line, validity_line

from .state import ASKED_FOR, State

HIDDEN_FACTS = ("category", "not_category", "category_exhaustive", "loan_term_asked", "agency_claims", "asked_now", "claim_next_year",
                "late_claim")
ASK_PLACE = "您是哪个县（区）的？比如：千阳县、汉阴县、海伦市。"
ASK_TOPIC = "您想问哪方面的补贴？比如：求职补贴、交通补助、社区工厂、公益岗、创业补贴、技能培训。"
NEXT_STEPS = [("要带啥材料", "/ask_documents"), ("去哪办", "/ask_where_apply"), ("还能领啥", "/ask_what_can_i_get")]


def fact_value_text(name: str, value) -> str:
    vocab = default_policies().vocab
    f = vocab.facts.get(name)
    if f is None:
        return str(value)
    if f.type == "bool":
        return "是" if value else "否"
    if f.unit and isinstance(value, (int, float)):
        return f"{float(value):g}{f.unit}"
    if f.type == "months":
        v = float(value)
        return f"{int(v)}个月" if v.is_integer() else f"{v:g}个月"
    if f.type == "money":
        return fmt_money(float(value))
    if f.type == "ratio":
        return f"{float(value) * 100:g}%"
    if f.type in ("count",):
        return f"{float(value):g}人"
    if f.type == "days":
        return f"{float(value):g}天"
    if f.type == "years":
        return f"{float(value):g}岁"
    return str(value)


def known_line(state: State) -> str:
    vocab = default_policies().vocab
    parts = []
    if state.place:
        parts.append(state.place)
    cats = state.facts.get("category") or []
    if cats:
        parts.append("、".join(cats))
    groups = state.facts.get("case_groups") or []
    in_groups = {k for _, f in groups for k in f}
    for name, value in state.facts.items():
        if name in HIDDEN_FACTS or name in in_groups or name not in vocab.facts:
            continue
        if name == "business_planned" and not value:
            continue        # (a business that runs says so by its own facts; only a plan is worth the line)
        if name == "employer_type_also" and state.facts.get("employer_type_also_planned"):
            parts.append(f"想按{value}算（未认定）")    # asked of or applied for, not recognised as it
            continue
        parts.append(f"{vocab.facts[name].label}{fact_value_text(name, value)}")
    if groups:          # "4人：公益性岗位类型城镇公益性岗位-其它；2人：…", a family's by who they are ("妈：…；爸：…")
        def one(n, f) -> str:
            said = "，".join(f"{vocab.facts[k].label}{fact_value_text(k, v)}" for k, v in f.items() if k in vocab.facts)
            if f.get("kin") and float(n) != 1 and not said:
                return f"{f['kin']}{float(n):g}人情况一样"     # persons alike ("我跟我堂客都…"): 您俩2人情况一样
            return (f"{f['kin']}：" if f.get("kin") and float(n) == 1 else f"{float(n):g}人：") + said
        parts.append("；".join(one(n, f) for n, f in groups))
    who = state.facts.get(ASKED_FOR)
    head = f"我记下的（{who}）：" if isinstance(who, str) and who else "我记下的："
    return head + "，".join(parts) if parts else ""


def ended_mark(r: BenefitResult, as_of: dt.date) -> str:
    """On the card itself, not only in the footer: the document's conditions are met, but it has ended."""
    d = r.benefit.document
    if not d.ended(as_of):
        return ""
    if d.valid_to:
        return f"（文件已于{d.valid_to.year}年{d.valid_to.month}月{d.valid_to.day}日到期）"
    return f"（属{d.effective_end.year}年前的政策，可能已调整）"


def what_would_change(r: BenefitResult, facts: dict) -> str:
    """For a "no" that time can turn into a "yes": how much longer ("再干3个月满6个月就可以申请")."""
    from policies.model import Condition

    out = []
    if any(getattr(o.condition, "fact", None) in ("unit_location", "home_province") for o in r.failed):
        return ""               # (time does not change where the unit is: "县外的工厂不在本文件范围")
    # failed conditions, and those taken as reached by waiting (a business running four of its six months)
    for o in list(r.failed) + [x for x in r.presumed if x.value is False]:
        c = o.condition
        if not isinstance(c, Condition) or c.deadline or c.op not in ("at_least", "more_than"):
            continue
        have, need = facts.get(c.fact), getattr(c.value, "value", None)
        dim = getattr(c.value, "dimension", "")
        if not isinstance(have, (int, float)) or need is None or dim != "months" or have >= need:
            continue
        if c.fact not in ("months_employed", "months_on_post", "internship_months", "training_months",
                          "contract_months", "months_since_registration"):
            continue
        left = need - have + (1 if c.op == "more_than" else 0)
        if c.fact == "contract_months":
            out.append(f"合同期限签到{c.value.text}（不低于{c.value.text}）就可以申请")
        elif c.fact == "months_since_registration":
            window = f"，在{r.benefit.apply.window}申报" if r.benefit.apply and r.benefit.apply.window else ""
            out.append(f"再正常经营{left:g}个月满{need:g}个月{window}")
        else:
            out.append(f"再干{left:g}个月满{need:g}个月就可以申请")
    return "；".join(dict.fromkeys(out))


def short_card(r: BenefitResult, role: str | None, as_of: dt.date | None = None, facts: dict | None = None) -> str:
    b = r.benefit
    # a training or an appraisal the person has free, paid to the school: what it means for them (policies/render.py)
    money = amount_line(r)
    computed = r.amount.basis or any("=" in x for x in r.amount.steps)
    if r.status == INELIGIBLE and r.failed and r.amount.value is not None and computed and r.amount.text and \
            fmt_money(r.amount.value) not in r.amount.text:
        # a total for the persons said, of a benefit they do not get ("8人×每人每天20元×10天"): the standard only,
        # never a sum that reads as money to be had
        money = f"不能领（标准：{r.amount.text}）"
    lines = [free_to_person_line(r, role) or f"【{b.name}】{money}，{payee_text(b, role)}"]
    if r.status == ELIGIBLE:
        mark = ended_mark(r, as_of) if as_of else ""
        lines.append("✓ 按该文件条件符合" + mark if mark else "✓ 按您说的情况符合条件")
        change = what_would_change(r, facts or {})
        if change:
            lines.append(f"（{change}）")
        elif b.apply and b.apply.window:
            lines.append(f"申请时间：{b.apply.window}")
    elif r.status == INELIGIBLE:
        lines.append("✗ " + "；".join(dict.fromkeys(r.reasons)))
        change = what_would_change(r, facts or {})
        if change:
            lines.append(f"（{change}）")
    else:
        needs = []
        for o in r.unknown:
            c = o.condition
            needs.append(getattr(c, "note", None) or (o.quotes[0] if o.quotes else ""))
        # each note once, also when one note holds another's words ("须就业3个月以上不足一年；就业满一年的…")
        parts = [p for x in needs if x for p in x.split("；")] or list(r.reasons)   # (open on a thing asked)
        lines.append("还要看：" + "；".join(p for p in dict.fromkeys(parts) if p))
    # a note already said under 还要看 is not said again as a 前提
    said = set(lines[-1].removeprefix("还要看：").split("；")) if r.status not in (ELIGIBLE, INELIGIBLE) else set()
    if r.status == ELIGIBLE and lines[-1].startswith("（"):
        # the months still to run, said above: not said again as the conditions they come from
        said |= {getattr(o.condition, "note", "") for o in r.presumed
                 if o.value is False and getattr(o.condition, "fact", None) == "months_since_registration"}
    presumed = presumed_line(r, skip=said)
    if presumed:
        lines.append(presumed)
    partners = [default_policies().benefits[o].name for o, _, _ in r.partners if o in default_policies().benefits]
    if partners:                # an exclusion rule: the answer to "能一起拿吗" is on the card
        lines.append(f"注意：与{'、'.join(dict.fromkeys(partners))}不能同时享受")
    lines.append(f"依据：{citation(b)}")
    return "\n".join(lines)


def validity_footer(results: list[BenefitResult], as_of: dt.date, facts: dict | None = None) -> str:
    seen, out = set(), []
    for r in results:
        d = r.benefit.document
        if d.id not in seen:
            seen.add(d.id)
            out.append(validity_line(d, as_of) + after_end_line(d, as_of, facts or {}))
    return "\n".join(out)


# what the person did, by the fact that dates it
_DATED_EVENTS = (("months_since_employment", "上班"), ("months_since_registration", "办执照"))


def after_end_line(doc, as_of: dt.date, facts: dict) -> str:
    """"您说的上班时间（约2026年3月）在文件到期之后…": an event said to be after the document's end date is not one
    the document speaks of (a document with its own end date only)."""
    if not doc.valid_to:
        return ""
    for fact, word in _DATED_EVENTS:
        m = facts.get(fact)
        if isinstance(m, (int, float)) and 0 <= m < 240:
            total = as_of.year * 12 + as_of.month - 1 - int(m)
            year, month = divmod(total, 12)
            if dt.date(year, month + 1, 1) > doc.valid_to:
                return (f"您说的{word}时间（约{year}年{month + 1}月）在文件到期之后，这份文件管不到那时的事，"
                        f"按什么政策办请问{doc.contact_office}。")
    return ""


def buttons(steps=NEXT_STEPS) -> list[dict]:
    return [{"title": t, "payload": p} for t, p in steps]
