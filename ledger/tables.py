"""The report as tables (the writers and the console's result page read these): 明细 one row per person, 汇总 with
the validity note on top, 问题 one row per cell that could not be read."""
from __future__ import annotations

from typing import Any

from policies.evaluator import ELIGIBLE, UNKNOWN
from policies.render import citation, cn_date, validity_line

from .cells import mask_text
from .report import Report

FIXED_HEADERS = ["行号", "户号", "姓名", "身份证号", "户籍地", "适用政策", "人员类别", "就业状态", "符合项数", "待确认项数",
                 "本人合计（元）", "下一步", "没有可领的原因", "输入问题", "备注", "政策有效期"]
SLOT_HEADERS = ["项目", "状态", "金额", "金额（元）", "钱发给", "去哪办、何时办", "依据"]
SUMMARY_HEADERS = ["项目", "依据", "钱发给", "符合（人）", "待确认（人）", "不符合（人）", "符合者金额合计（元）", "说明"]
PROBLEM_HEADERS = ["行号", "户号", "姓名", "列", "填的内容（已打码）", "问题"]


def num_cell(x: float | None):
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 2)


def detail_table(rep: Report) -> tuple[list[str], list[list[Any]]]:
    slots = max((len(p.items) for p in rep.people), default=0)
    headers = FIXED_HEADERS + [f"{h}{i}" for i in range(1, slots + 1) for h in SLOT_HEADERS]
    validity_by_doc: dict[str, str] = {}
    rows = []
    for p in rep.people:
        vlines = []
        for d in p.documents:
            if d.id not in validity_by_doc:
                validity_by_doc[d.id] = validity_line(d, rep.as_of)
            vlines.append(validity_by_doc[d.id])
        n_el = sum(1 for i in p.items if i.status == ELIGIBLE)
        n_un = sum(1 for i in p.items if i.status == UNKNOWN)
        row = [p.line, p.household, p.name, p.id_masked, p.place_label or p.place_text, p.coverage, p.categories_text,
               p.employment_text, n_el, n_un, num_cell(p.total) if p.items else None, p.next_step or None,
               p.reason or None,
               "；".join(x.message for x in p.problems) or None, p.remark or None, "\n".join(vlines) or None]
        for it in p.items:
            row += [it.benefit.name, it.status_text, it.amount_text, num_cell(it.amount_value), it.payee_text,
                    it.where_when, it.citation]
        rows.append(row)
    return headers, rows


def summary_table(rep: Report) -> tuple[list[str], list[list[Any]]]:
    rows = []
    tot = [0, 0, 0, 0.0]
    for s in rep.summary:
        b = s.benefit
        notes = []
        if b.kind == "loan":
            notes.append("贷款额度，要还，不计入金额合计")
        if s.ceiling_count:
            notes.append(f"其中{s.ceiling_count}人按最高额计")
        if s.uncomputed:
            notes.append(f"{s.uncomputed}人金额未能计算（文件未列金额或缺少数额）")
        rows.append([b.name, citation(b), b.payee_label, s.eligible, s.unknown, s.ineligible, num_cell(s.total),
                     "；".join(notes) or None])
        tot[0] += s.eligible
        tot[1] += s.unknown
        tot[2] += s.ineligible
        tot[3] += s.total
    rows.append(["合计", None, None, tot[0], tot[1], tot[2], num_cell(tot[3]), "各项目人次相加（一人可有多项）"])
    return SUMMARY_HEADERS, rows


def summary_head(rep: Report) -> list[str]:
    people = rep.people
    households = len(rep.households)
    uncovered = sum(1 for p in people if not p.covered)
    lines = [f"就业帮扶补贴台账核对汇总（核对日期：{cn_date(rep.as_of)}；台账：{mask_text(rep.source)}）",
             f"共{households}户{len(people)}人；其中{uncovered}人的户籍地暂未收录政策；输入问题{len(rep.problems)}处（见“问题”表）。"]
    lines += rep.validity_notes()
    lines.append("只列钱发给本人或本户（学生家长、毕业生、创业者、借款人）的项目；发给用人单位、培训机构、职介机构的补贴由单位申请，不在此列。")
    return lines


def problems_table(rep: Report) -> tuple[list[str], list[list[Any]]]:
    return PROBLEM_HEADERS, [[p.line, p.household or None, p.name or None, p.column or None, p.value or None,
                              p.message] for p in rep.problems]


MISSING_HEADERS = ["缺的情况", "要问的话", "台账列", "户号", "姓名", "行号", "问清后可能领的项目"]


def missing_table(rep: Report) -> tuple[list[str], list[list[Any]]]:
    """待补情况: the people whose claims wait for facts, grouped by the one fact missing (a person missing several is
    under 还缺几项), biggest group first, so the officer can collect each fact in one round."""
    from .columns import FACT_COLUMN

    vocab = rep.policies.vocab
    groups: dict[tuple[str, ...], list] = {}
    for p in rep.people:
        unknown = [i for i in p.items if i.status == UNKNOWN]
        missing = tuple(dict.fromkeys(f for i in unknown for f in i.missing))
        if missing:
            groups.setdefault(missing if len(missing) == 1 else ("",) + missing, []).append((p, unknown))
    rows = []
    for key, people in sorted(groups.items(), key=lambda kv: (len(kv[0]) > 1, -len(kv[1]))):
        facts = [f for f in key if f]
        label = "、".join(vocab.facts[f].label if f in vocab.facts else f for f in facts)
        what = label if len(facts) == 1 else f"还缺几项：{label}"
        ask = "；".join(vocab.facts[f].question for f in facts if f in vocab.facts)
        cols = "、".join(dict.fromkeys(FACT_COLUMN[f] for f in facts if f in FACT_COLUMN)) or None
        for p, unknown in people:
            rows.append([what, ask, cols, p.household, p.name, p.line, "、".join(i.benefit.name for i in unknown)])
    return MISSING_HEADERS, rows
