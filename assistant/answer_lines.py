"""The lines an answer is made of besides its cards: what the text says beyond the benefits ("文件还写到…"), what a
document names without an amount, the answer to "能一起拿吗", a policy the document ends, each person's status when a
message speaks of several, and a total from a spoken range said as a lower bound (assistant/turn.py puts them together)."""
from __future__ import annotations

import datetime as dt
from policies import rx as re
from functools import lru_cache

from policies import INELIGIBLE
from policies import normalize as nz
from policies.catalogue import default_catalogue
from policies.evaluator import Evaluation, fmt_money
from policies.normalize import COMBINE_Q
from policies.render import amount_line, payee_of_member, payee_text, validity_line

from . import decide
from .clock import today
from .decide import personal
from .state import Reply, State


# the data's notes for clerks name benefit ids ("见 ak.small_enterprise_loan") and say where a thing is encoded
# ("已写入 … 的 payee_note", "已编码在…"): never shown to users
_INTERNAL_REF = re.compile(r"[（(][^（）()]*\b[a-z]{2}\.[a-z_]+[^（）()]*[）)]|\b[a-z]{2}\.[a-z_]+\b")
_FOR_CLERKS = re.compile(r"[A-Za-z_]|编码|写入|已作为")


def plain_why(why: str) -> str:
    """A `not_encoded` item's reason, as a user may read it: without benefit ids and without the clauses that tell a
    clerk where the data keeps it."""
    text = _INTERNAL_REF.sub("", str(why or ""))
    parts = [p for p in re.split(r"(?<=[；。])", text) if p.strip()]
    kept = [p for p in parts if not _FOR_CLERKS.search(p)]
    return "".join(kept).rstrip("。；，").strip()


def mentioned_without_amount(state: State, ev: Evaluation) -> Reply | None:
    """What the document says on the asked topic when it names no amount (kept under `not_encoded` in the data, with
    its clause and quote): said as the text says it, with the office to ask — never "the document has nothing"."""
    q = default_catalogue().questions.get(state.topic or "")
    if q is None:
        return None
    words = [w for w in (q.words, q.strong_words) if w is not None]
    labels = [default_catalogue().topics[t].label for t in q.topics]
    out = []
    for doc in ev.documents:
        for item in doc.not_encoded:
            text = f"{item.get('what', '')} {item.get('quote', '')}"
            if any(w.search(text) for w in words) or any(lb and lb in text for lb in labels):
                why = plain_why(item.get("why")) or "文件未写明金额"
                out.append(f"{doc.document_no} {item.get('clause', '')}写到：{item.get('what', '')}。"
                           f"{why}。具体怎么办、给多少，请问{doc.contact_office}"
                           f"（电话{doc.contact_phone}）。")
        if out:
            out.append(validity_line(doc, today()))
            break
    return Reply("\n\n".join(out)) if out else None


@lru_cache(maxsize=16)
def _benefit_name_grams(doc_id: str) -> frozenset[str]:
    """Words a benefit's own name has ("社区工厂") point at that benefit, not at what the text says besides."""
    from policies import default_policies

    from .decide import _GENERIC_NAME_PARTS

    doc = next(d for d in default_policies().documents if d.id == doc_id)
    # (and the offices' names: "劳动保障助理员" names no 认定程序 of the 镇劳动保障事务所)
    offices = [d.contact_office for d in default_policies().documents]
    return frozenset(p[i:i + 4] for name in [b.name for b in doc.benefits] + offices
                     for p in _GENERIC_NAME_PARTS.split(name) for i in range(len(p) - 3))




@lru_cache(maxsize=16)
def _item_pieces(doc_id: str) -> tuple[frozenset[str], ...]:
    """For each `not_encoded` item of a document: four characters of what it is, two of them not the words every
    benefit shares ("扶贫车间" counts, "困劳动力" not), and not words of a benefit's name or an office's."""
    from policies import default_policies

    doc = next(d for d in default_policies().documents if d.id == doc_id)
    named = _benefit_name_grams(doc_id)
    return tuple(frozenset({g for p in re.split(r"[，,。；;、（）()“”\s]", str(item.get("what") or ""))
                            for g in (p[i:i + 4] for i in range(len(p) - 3))
                            if sum(ch not in nz.SHARED_NAME_CHARS for ch in g) >= 2} - named)
                 for item in doc.not_encoded)


def also_in_text(ev: Evaluation, text: str, limit: int = 3, by_words: bool = False) -> list[str]:
    """What else the document says on a thing the message names that is no benefit anyone can claim (a government
    budget, a programme, a permission: `not_encoded`), said as the text says it: "文件还写到（二、（二）7）：…".
    `by_words`: only the items the message names by the words people use for them (`words`)."""
    from .decide import _grams

    grams = _grams(re.sub(r"\s+", "", text or ""))
    if not grams:
        return []
    out = []
    for doc in ev.documents:
        for item, pieces in zip(doc.not_encoded, _item_pieces(doc.id)):
            if item.get("status") == "discontinued":
                continue
            what = str(item.get("what") or "")
            words = item.get("words")
            # (a procedure, said only when asked about in its words: `asked_only`)
            hits = 0 if by_words or item.get("asked_only") else len(pieces & grams)
            if words and re.search(str(words), text or ""):
                hits += 3           # the words people use for it ("打官司" for 减免缓案件受理费等司法救助)
            if hits:
                why = plain_why(item.get("why"))
                # that the text names no money for it, unless its reason says so or the item is a sum of its own
                # (a budget of 1200万元 is no amount for anyone to claim, but it is an amount)
                none = "" if re.search(r"未写|未给|没有写|没写|无金额|不是补贴|[0-9]+万?元", f"{why}{what}") else "文件未写金额。"
                out.append((-hits, len(out), f"文件还写到（{doc.document_no} {item.get('clause', '')}）：{what}。" +
                            (f"{why}。" if why else "") + none))
    return [line for _, _, line in sorted(out)[:limit]]     # the items the message names most plainly first


def asked_notes(shown: list, text: str, limit: int = 2) -> list[str]:
    """What the text says besides a shown benefit's amount that the message asks about by the words of a note
    (`notes[].words`): "有保险没" gets the 乡村公益性岗位's 意外伤害商业保险 and its 劳动合同 of at most a year."""
    out = []
    for r in shown:
        for n in r.benefit.notes:
            if n.words is not None and n.words.search(text or "") and all(n.text not in o for o in out):
                out.append(f"另外，文件写到（{r.benefit.name}）：{n.text.rstrip('。')}。")
    return out[:limit]


def combine_line(shown: list, text: str, before: list | None = None, left_out: list | None = None,
                 place: str | None = None) -> str:
    """The answer to "can I have both": the document's exclusion rule between the benefits shown (and, when both amounts
    are known, which one is worth more), or that the text names no such rule between them. "这两个补贴能一起拿吗" asks
    about the two the last answer stated (`before`, their ids). When both were asked for together ("…能不能也一起申请")
    and one side is worth more, the ids of the other side are added to `left_out`: that is the "不能" of the answer."""
    if not COMBINE_Q.search(text or "") or len(shown) < 2:
        return ""
    from policies import default_policies

    pol = default_policies()
    ids = [r.benefit.id for r in shown]
    # named plainly: by the catalogue's words for it, or by six characters of its own name (not just "社区工厂"); "选哪个
    # 划算" asks about the ones shown
    which = nz.WHICH_BETTER.search(text or "")
    asked = list(shown) if which else [r for r in shown if decide.named_in(r, text) >= 6]
    if not asked and place:     # named by its amount ("按社区工厂那个每人1000块")
        by_amount = {b.id for b in decide.benefits_by_amount(text, place)}
        asked = [r for r in shown if r.benefit.id in by_amount][:1]
    if len(asked) < 2 and before and nz.THESE_TWO.search(text or ""):
        asked = [r for b in before for r in shown if r.benefit.id == b][:2]
    if len(asked) < 2 and re.search(r"两边|两头|两样|两家|两种|两块", text or ""):
        # "两边能一起拿不" (a unit of two kinds): the first pair shown that the document keeps apart
        asked = next(([r, o] for r in shown for o in shown
                      if o is not r and any(p[0] == o.benefit.id for p in r.partners)), asked)
    elif len(asked) == 1 and before:
        # one named, on top of the one the last answer stated that excludes it ("能不能再按社区工厂那个每人1000块另外报
        # 一份"): the pair
        asked += [r for r in shown if r.benefit.id in before and r is not asked[0] and
                  any(p[0] == r.benefit.id for p in asked[0].partners)][:1]
    for r in asked:
        for other, rule, quotes in r.partners:
            if other in ids and other != r.benefit.id:
                o = next(x for x in shown if x.benefit.id == other)
                said = next((q for q in quotes if len(q) <= 60), "") or (rule if len(rule) > 8 else "")
                line = f"不能同时享受：{r.benefit.name}和{o.benefit.name}只能选一项" + (f"（原文：{said.rstrip('。')}）" if said else "") + "。"
                a, b = decide._money(r), decide._money(o)
                fails = [x for x in (r, o) if x.status == INELIGIBLE]
                if len(fails) == 1:         # one of the two is not open to them: the other is the choice
                    ok = o if fails[0] is r else r
                    line += (f"按您说的情况，{fails[0].benefit.name}不符合（{'；'.join(fails[0].reasons[:1])}），"
                             f"选{ok.benefit.name}（{amount_line(ok)}）。")
                elif r.amount.value is not None and o.amount.value is not None and a != b:
                    # each side is a class: the other benefits that exclude the same partner go with it (社区工厂:
                    # 岗位补贴 and 场地租赁费、水电费); compared by the class's sum when every amount is known
                    def side(x, y):
                        return [x] + [z for z in shown if z not in (r, o) and z.status != INELIGIBLE and
                                      any(p[0] == y.benefit.id for p in z.partners)]
                    sr, so = side(r, o), side(o, r)
                    known = all(z.amount.value is not None for z in sr + so)
                    ta = sum(decide._money(z) for z in sr) if known else a
                    tb = sum(decide._money(z) for z in so) if known else b
                    better_side, worse_side = (sr, so) if ta > tb else (so, sr)
                    better, worse = better_side[0], worse_side[0]

                    def said_as(zs):
                        if len(zs) == 1:
                            return f"{zs[0].benefit.name}（{amount_line(zs[0])}）"
                        most = lambda z: "最多" if z.amount.up_to else ""      # noqa: E731 (a ceiling: 不超过)
                        parts = "＋".join(f"{z.benefit.name}{most(z)}{fmt_money(decide._money(z))}" for z in zs)
                        total = fmt_money(sum(decide._money(z) for z in zs))
                        return f"{zs[0].benefit.name}一类（{parts}＝{'最多' if any(most(z) for z in zs) else ''}{total}）"
                    if left_out is not None and not which and (not known or ta != tb):
                        left_out += [z.benefit.id for z in worse_side if z.status != INELIGIBLE]
                    if known and ta != tb:
                        line += f"按您说的情况，选{said_as(better_side)}更多，比{said_as(worse_side)}多。"
                    else:
                        line += f"按您说的情况，选{better.benefit.name}（{amount_line(better)}）更多"
                        also = worse_side[1:]
                        line += (f"；{worse.benefit.name}一类还有{'、'.join(x.benefit.name for x in also)}，比较时一并算上。"
                                 if also else "。")
                return line
    if len(asked) < 2 or len({r.benefit.document.id for r in asked[:2]}) != 1 or \
            not all(pol.benefits.get(r.benefit.id) for r in asked[:2]):
        return ""               # only when the message names both: never about a pair it did not ask about
    return f"{asked[0].benefit.name}、{asked[1].benefit.name}：文件没有写二者不能同时享受，条件都符合的可以分别申请。"


def discontinued_lines(shown: list, ev: Evaluation, text: str) -> list[str]:
    """A policy the document ends (not_encoded with status discontinued, e.g. 原就业扶贫基地补助) said first when the
    message asks about it ("原来那个扶贫基地的补助还给不给") or when the benefit that replaced it is shown."""
    out = []
    shown_ids = {r.benefit.id for r in shown}
    for doc in ev.documents:
        for item in doc.not_encoded:
            if item.get("status") != "discontinued":
                continue
            what = str(item.get("what") or "")
            core = re.sub(r"^原|补助$|补贴$", "", what)
            asked = bool(core) and (core in (text or "") or (re.search(r"原来|以前|之前|过去|老的|原先", text or "")
                                                             and item.get("replaced_by") in shown_ids))
            if asked:
                out.append(f"{item.get('quote') or what + '不再延续。'}（{doc.document_no} {item.get('clause', '')}）"
                           "下面是现在的规定：")
    return out


def person_lines(persons: list, shown: list, state: State, as_of: dt.date, text: str = "") -> tuple[list[str], list]:
    """Each person of the message with the asked benefits' status for them ("大的：✓一次性求职补贴 每人每次500元",
    "小的：✗一次性求职补贴（已超过申请期限）"), and the results behind the lines; asked for the sum ("我俩一个月加起来"),
    the sum of their amounts of the same period."""
    from policies import default_policies
    from policies.render import _cond_text

    from .persons import evaluate_persons

    own = (lambda r: not personal(r)) if state.role == "employer" else personal   # noqa: E731
    ids = [r.benefit.id for r in shown if own(r)][:2] or [r.benefit.id for r in shown][:1]
    if not persons or not ids:
        return [], []
    lines, results = ["分开说："], []
    carded = {r.benefit.id for r in shown}
    per_person = evaluate_persons(persons, state.place, ids, as_of, role=state.role, failing=True)
    total = _persons_total([rs[0] for _, rs in per_person if rs]) if nz.TOTAL_ASKED.search(text or "") else None
    for p, rs in per_person:
        parts = []
        for r in rs:
            if state.role == "employer" and r.status not in ("eligible", "ineligible") and not personal(r) and \
                    not _counts_persons(r.benefit):
                continue            # (the unit's own, open on what the unit is, "爱心单位以奖代补": not one person's)
            # a benefit with no card below says here who receives it
            who = "" if r.benefit.id in carded else f"，{person_payee(r.benefit, p.label, state.role)}"
            if r.status == "eligible":
                parts.append(f"✓{r.benefit.name}：{amount_line(r)}{who}")
            elif r.status == "ineligible":
                parts.append(f"✗{r.benefit.name}（{'；'.join(r.reasons[:1]) or '不符合条件'}）")
            else:
                notes = [_cond_text(o, default_policies()) for o in r.unknown]
                parts.append(f"?{r.benefit.name}（还要看：{notes[0] if notes and notes[0] else '还需确认'}）{who}")
            results.append(r)
        lines.append(f"{p.label}：" + "；".join(parts))
    if state.role == "employer":
        more = _units_sum(per_person, state, as_of)
        lines += [line for line, _ in more]
        results += [r for _, r in more if r is not None]
    if total:
        lines.insert(0, total)
    return ["\n".join(lines)], results


def _counts_persons(benefit) -> bool:
    from policies.evaluator import benefit_count_fact

    return bool(benefit_count_fact(benefit))


def _units_sum(per_person, state: State, as_of: dt.date) -> list[tuple[str, object]]:
    """A unit's people named one by one ("张某 建档立卡 去年国庆来的；李某…"): for each of its own benefits paid per
    person, those it is met for and what they come to ("按各人算：张某、赵某、钱某符合，3000元（3人×每人1000元）")."""
    from policies import ELIGIBLE, evaluate
    from policies.evaluator import benefit_count_fact

    got: dict[str, list] = {}
    for p, rs in per_person:
        for r in rs:
            if r.status == ELIGIBLE and not personal(r) and benefit_count_fact(r.benefit):
                got.setdefault(r.benefit.id, []).append((p, r))
    out = []
    for bid, met in got.items():
        each = []                   # each one's own amount, counted as one person
        for p, r in met:
            try:
                one = evaluate(decide.profile_of(State(place=state.place, facts=dict(
                    p.facts, **{benefit_count_fact(r.benefit): 1.0}))), state.place, as_of=as_of, benefit_ids=[bid]).results
            except ValueError:
                one = []
            if not one or one[0].status != ELIGIBLE or not one[0].amount.value:
                break
            each.append((p.label, one[0]))
        else:
            if len({r.amount.value for _, r in each}) == 1:
                # (all at one rate: the unit's amount for them all, "3000元（3人×每人1000元）")
                first = next(p for p, _ in met)
                try:
                    again = evaluate(decide.profile_of(State(place=state.place, facts=dict(
                        first.facts, **{benefit_count_fact(met[0][1].benefit): float(len(met))}))), state.place,
                        as_of=as_of, benefit_ids=[bid]).results
                except ValueError:
                    continue
                if again and again[0].status == ELIGIBLE and again[0].amount.value:
                    who = "、".join(label for label, _ in each)
                    out.append((f"【{again[0].benefit.name}】按各人算：{who}符合，{amount_line(again[0])}", again[0]))
                continue
            # (at rates of their own: "张某1500元＋王某1000元＝2500元")
            total = sum(r.amount.value for _, r in each)
            per = (each[0][1].amount.total_per or "")
            parts = "＋".join(f"{label}{fmt_money(r.amount.value)}" for label, r in each)
            out.append((f"【{each[0][1].benefit.name}】按各人算：{per}{parts}＝{fmt_money(total)}", None))
    return out


def person_payee(benefit, label: str, role: str | None) -> str:
    """Who receives one person's money, said on that person's line: another person's (label "您媳妇") is theirs, not
    "您本人"."""
    if label != "您" and role in (None, "worker") and benefit.kind != "loan" and \
            default_catalogue().personal(benefit.payee):
        return f"钱发给{payee_of_member(benefit, label)}"
    return payee_text(benefit, role)


# one person's amount of a period: "每人每月800元×在岗月数" → (每月, 800), "每年6000元（2人×…）" → (每年, 6000)
_PERIOD_AMOUNT = re.compile(r"^(?:每人|每生)?(每月|每年|每期|每次)?([0-9]+(?:\.[0-9]+)?)(万)?元")


def benefits_total(shown: list, text: str) -> str:
    """"补贴总共能拿多少" of two or more benefits that each come to a definite sum of the same period, to the same
    receiver: their sum, said after the cards ("合计：59000元（39000元+20000元）")."""
    rs = [r for r in shown if r.status == "eligible" and r.amount.value is not None and not r.amount.up_to and
          not r.amount.range and not r.amount.unstated]
    pers = {r.amount.total_per for r in rs if r.amount.total_per}
    if len(rs) < 2 or len({r.benefit.payee for r in rs}) != 1 or len(pers) > 1:
        return ""
    if not nz.TOTAL_ASKED.search(text or "") and any(personal(r) for r in rs):
        return ""               # (a unit's, a school's or an agency's sums: said together, as its clerk would)
    vals = [float(r.amount.value) for r in rs]
    # (a period only when each sum is of it: "每年"; a sum said of one course and one "每期" is just a sum)
    per = pers.pop() if pers and all(r.amount.total_per for r in rs) else ""
    return f"{'、'.join(r.benefit.name for r in rs)}合计：{per}{fmt_money(sum(vals))}（{'+'.join(fmt_money(v) for v in vals)}）"


def _persons_total(rs: list) -> str | None:
    """The sum of the persons' amounts of one benefit, when every one of them gets it and each amount is of the same
    period: "2人合计：每月1200元（800元+400元）"."""
    if len(rs) < 2 or any(r.status != "eligible" for r in rs) or len({r.benefit.id for r in rs}) != 1:
        return None
    got = [_PERIOD_AMOUNT.match(amount_line(r)) for r in rs]
    if not all(got) or len({m.group(1) or "" for m in got}) != 1:
        return None
    vals = [float(m.group(2)) * (10000 if m.group(3) else 1) for m in got]
    period = got[0].group(1) or ""
    return f"{len(rs)}人合计：{period}{fmt_money(sum(vals))}（{'+'.join(fmt_money(v) for v in vals)}）"


def _about(card: str, text: str) -> str:
    """A total worked out from a number said as a spoken range ("十几个人" read as 11) is a lower bound, said so:
    "至少5500元（按至少11人算：11人×每人500元）"."""
    for m in nz.SPOKEN_RANGE_COUNT.finditer(text or ""):
        n = nz.parse_count(m.group(0) + "个")
        if not n:
            continue
        head, sep, rest = card.partition("\n")
        hit = re.search(rf"^(【[^】]*】)(最高)?([0-9.]+万?元)（{n:g}人×", head)
        if hit:
            head = f"{hit.group(1)}至少{hit.group(3)}（您说的是{m.group(0)}人，按至少{n:g}人算：{n:g}人×" + head[hit.end():]
            card = head + sep + rest
    return card
