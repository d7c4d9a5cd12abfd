"""A unit's people laid out one group per line or per numbered item, as a table:

    缝纫车间 26人 脱贫户14 其中签一年以上合同的12 另外2个签的半年
    包装组 9人 脱贫户5 都签的一年
    质检 4人 脱贫户0

Each row is read on its own (its head-count, the count of each class of people in it, and what is said of some or all
of that class: their contract, their time), then the rows are summed into the unit's head-counts (facts.yaml
`people: true`: staff_total, hired_poor_count, hired_poor_low_income_count, new_hires) and its groups by time
(Profile.group_months). The classes a count counts are those facts' `counts` (facts.yaml); the words of a class are
policies.normalize's; what a condition's words mean (签一年以上合同, 今年开春来的) is read by `extract.extract` itself.

`extract.extract` blanks the rows (same length, so the entities' offsets hold) and reads the rest of the message as
usual; `apply` then puts the table's sums in place of any head-count the rest said."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from policies import default_policies
from policies import normalize as nz
from policies import rx as re

_N = r"[0-9]+|[一二两三四五六七八九十]+|俩|仨"
# a row's own head-count ("26人", "12个人", "共9名"), not a class's ("脱贫户14人" is the class's)
_TOTAL = re.compile(rf"(?:共|一共|总共|总数)?\s*({_N})\s*(?:个人|人|名员工|名工人|个工人|名)(?![0-9])")
# a class's count right after its words ("脱贫户14", "建档立卡9个", "脱贫户的有5个")
_COUNT_AFTER = re.compile(rf"^\s*(?:的)?\s*(?:有|是|占|共)?\s*({_N})\s*(?:个|人|名|户)?")
# a class's count right before its words ("9个建档立卡", "5名脱贫户")
_COUNT_BEFORE = re.compile(rf"({_N})\s*(?:个|名|人)\s*(?:是)?\s*$")
# a class said to be none ("没有建档立卡的", "无脱贫户")
_NONE_BEFORE = re.compile(r"(?:没有|没|无|冇得|冇)\s*(?:一个)?\s*$")
# some of the class with what is said of them ("其中签一年以上合同的12", "其中干满一年多的7个", "其中12个签了一年合同")
_SOME_THEN = re.compile(rf"(?:其中|这里头|里头|里面)\s*([^0-9，。,；;？?\s]{{2,16}}?)的\s*(?:有|是)?\s*({_N})\s*(?:个|人|名)?")
_SOME_FIRST = re.compile(rf"(?:其中|这里头|里头|里面)\s*(?:有)?\s*({_N})\s*(?:个|人|名)\s*(?:是)?([^，。,；;？?\s]{{2,16}})")
# the rest with what is said of them ("另外2个签的半年", "剩下3个干了四个月")
_REST = re.compile(rf"(?:另外|另|其余|剩下|其他|余下)(?:的)?\s*({_N})\s*(?:个|人|名)\s*(?:是)?([^，。,；;？?\s]{{2,16}})")
# all of the class ("都签的一年", "都是今年开春来的", "全部签了一年合同")
_ALL = re.compile(r"(?:都|全|全部|全都)\s*(?:是)?([^，。,；;？?\s]{2,16})")
# a row's start: a numbered item ("1.", "2、", "（3）", "①")
_ITEM = re.compile(r"(?:^|(?<=[\s；;。，,：:]))(?:[0-9]{1,2}\s*[.、．:：)）](?![0-9])|[（(][0-9]{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩])")

# the facts a condition said of a group may carry (its contract, its time)
_CONTRACT = ("contract_months", "labor_contract_signed")
_TIME = ("months_employed", "months_since_employment")
ROW_FACTS = _CONTRACT + _TIME + ("insurance_paid",)


@dataclass
class Row:
    span: tuple[int, int]
    total: float | None = None
    # class ("poor" | "low" | "plain") -> head-count
    classes: dict = field(default_factory=dict)
    # (head-count, facts said of them, whether they were said or only implied as the rest of a "其中…")
    groups: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    placed: bool = False        # the row's people were placed by an agency ("送到广东东莞电子厂")


@dataclass
class Table:
    rows: list
    span: tuple[int, int]


def _count(word: str) -> float | None:
    n = 2 if word == "俩" else 3 if word == "仨" else nz.parse_count(word)
    return float(n) if n is not None else None


def _class_of(canon: str) -> str | None:
    """"poor" for the classes the count of the poor counts, "low" for those only the wider count counts (facts.yaml)."""
    facts = default_policies().vocab.facts
    poor = facts["hired_poor_count"].counts
    wide = facts["hired_poor_low_income_count"].counts
    return "poor" if canon in poor else "low" if canon in wide else None


def _row_spans(text: str) -> list[tuple[int, int]]:
    """The message's lines, and within a line its numbered items."""
    spans, at = [], 0
    for line in text.split("\n"):
        a, b = at, at + len(line)
        at = b + 1
        starts = [m.start() for m in _ITEM.finditer(text, a, b)]
        if len(starts) >= 2 or (starts and "\n" not in text):
            cuts = starts + [b]
            if cuts[0] > a:
                spans.append((a, cuts[0]))
            spans += [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]
        else:
            spans.append((a, b))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _facts_of(words: str, as_of: dt.date) -> dict:
    """What a group's words say of its contract and time ("签一年以上合同", "今年开春来的"), read by the message reader."""
    from .extract import extract
    got = extract(words, None, as_of=as_of, hiring=True, _nested=True)
    facts = {k: v for k, v in got.facts.items() if k in ROW_FACTS}
    if not re.search(r"合同|签", words):
        # (the time a group worked is no contract: "干了4个月就回来了")
        for k in _CONTRACT:
            facts.pop(k, None)
    if re.search(r"(?:没|没有|未|不)签", words):
        facts["labor_contract_signed"] = False
    return facts


def _read_row(text: str, span: tuple[int, int], as_of: dt.date) -> Row | None:
    a, b = span
    said = text[a:b]
    row = Row(span)
    used: list[tuple[int, int]] = []
    hits = []
    for s, e, canon in sorted(nz.category_words(said)):
        if hits and s < hits[-1][1]:
            continue
        hits.append((s, e, canon))
    hits += [(m.start(), m.end(), None) for m in re.finditer(nz.PLAIN_HOUSEHOLD_WORDS, said)]
    classes = []            # (class, count, end of its words and count)
    for s, e, canon in sorted(hits):
        kind = _class_of(canon) if canon else "plain"
        if canon and kind is None:
            continue
        after = _COUNT_AFTER.match(said[e:])
        before = _COUNT_BEFORE.search(said[max(0, s - 6):s])
        if _NONE_BEFORE.search(said[max(0, s - 4):s]):
            n, end = 0.0, e
        elif after and _count(after.group(1)) is not None:
            n, end = _count(after.group(1)), e + after.end()
            used.append((e + after.start(1), e + after.end()))
        elif before and _count(before.group(1)) is not None:
            n, end = _count(before.group(1)), e
            used.append((s - len(before.group(0)), s))
        else:
            continue
        classes.append((kind, n, end, canon))
    for m in _TOTAL.finditer(said):
        if any(not (m.end(1) <= x or m.start(1) >= y) for x, y in used):
            continue
        # (a class's count said with 人 after its words is the class's: "脱贫户14人")
        if any(end >= m.end() - 1 and end <= m.end() for _k, _n, end, _c in classes):
            continue
        row.total = _count(m.group(1))
        break
    if not classes:
        return row if row.total is not None else None
    for kind, n, _end, canon in classes:
        row.classes[kind] = row.classes.get(kind, 0.0) + n
        if canon and n and canon not in row.categories:
            row.categories.append(canon)
    # what is said of the counted class (the first class of the poor or the low-income with people in it)
    counted = [c for c in classes if c[0] in ("poor", "low") and c[1]]
    if not counted:
        return row
    whole = sum(c[1] for c in counted)
    tail = said[counted[0][2]:]
    some = _SOME_THEN.search(tail)
    some_n, some_words = (some.group(2), some.group(1)) if some else (None, None)
    if not some:
        some = _SOME_FIRST.search(tail)
        if some:
            some_n, some_words = some.group(1), some.group(2)
    rest = _REST.search(tail, some.end()) if some else None
    every = _ALL.search(tail) if not some else None
    if some and _count(some_n) is not None and _count(some_n) <= whole:
        n = _count(some_n)
        row.groups.append((n, _facts_of(some_words, as_of), True))
        if rest and _count(rest.group(1)) is not None and n + _count(rest.group(1)) <= whole:
            m = _count(rest.group(1))
            row.groups.append((m, _facts_of(rest.group(2), as_of), True))
            n += m
        if whole > n:
            row.groups.append((whole - n, {}, False))
    elif every:
        row.groups.append((whole, _facts_of(every.group(1), as_of), True))
    else:
        # what the row says after the count is said of all of them ("建档立卡贫困户12个，送到广东东莞电子厂，到现在干了一年多了")
        row.groups.append((whole, _facts_of(tail, as_of) if tail.strip("，,。 ") else {}, True))
    row.placed = bool(nz.PLACED_IN_ROW.search(said))
    if nz.NOT_AT_WORK.search(said):
        # (members who only hold shares, "拿地入股年底分红，不在社里上班": no one of the unit's people at work)
        row.groups = [(n, dict(f, at_work=False), s) for n, f, s in row.groups]
    return row


def find_table(text: str, as_of: dt.date) -> Table | None:
    """Two or more rows in a run, each with a head-count or a class's count, read; None when the message is no table."""
    if not isinstance(text, str) or ("\n" not in text and len(list(_ITEM.finditer(text))) < 2):
        return None
    rows, run = [], []
    for span in _row_spans(text):
        row = _read_row(text, span, as_of)
        # (a row of a head-count alone is short, "销售 3人": not a sentence that says the unit's whole staff, "现在厂里一共36个
        # 工人，情况是：")
        if row is not None and (row.classes or row.total is not None and len(text[span[0]:span[1]].strip()) <= 16 and
                                not re.search(r"[，,。；;：:？?]", text[span[0]:span[1]])):
            run.append(row)
        elif run:
            if len(run) > len(rows):
                rows = run
            run = []
    if len(run) > len(rows):
        rows = run
    if len(rows) < 2 or not any(r.classes for r in rows):
        return None
    return Table(rows, (rows[0].span[0], rows[-1].span[1]))


def blank(text: str, table: Table) -> str:
    """The message without its rows (same length: the entities' offsets hold)."""
    for r in table.rows:
        a, b = r.span
        text = text[:a] + "".join(c if c == "\n" else "　" for c in text[a:b]) + text[b:]
    return text


def _meets(facts: dict) -> bool:
    """A group counted for the unit's hires: at work in it, not on a contract said shorter than a year, nor without one
    (a group's time is the evaluator's to weigh, by Profile.group_months)."""
    if facts.get("at_work") is False or facts.get("labor_contract_signed") is False:
        return False
    months = facts.get("contract_months")
    return months is None or months >= 12


def apply(out, table: Table) -> None:
    """The table's sums as the unit's head-counts and groups (in place of those the rest of the message said)."""
    rows = table.rows
    poor = sum(r.classes.get("poor", 0.0) for r in rows)
    low = sum(r.classes.get("low", 0.0) for r in rows)
    groups = [g for r in rows for g in r.groups]
    school = out.facts.get("employer_type") == "培训机构" or out.facts.get("trainee_count") is not None
    if school:
        # a class's trainees by kind ("建档立卡贫困户 34人 / 一般农户 6人"): the poor among them are its count
        out.facts["trainee_count"] = float(sum(n for n, f, _s in groups if _meets(f)))
        _categories_of(out, rows)
        out.numbers = []
        return
    if all(r.total is not None for r in rows):
        out.facts["staff_total"] = float(sum(r.total for r in rows))
    # (those not at work in the unit are none of its staff's poor either)
    out.facts["hired_poor_count"] = float(poor - sum(n for n, f, _s in groups if f.get("at_work") is False))
    if low:
        out.facts["hired_poor_low_income_count"] = float(poor + low)
    # the rest of a "其中…" said of no condition of their own fail the one said of the others ("其中干满一年多的7个":
    # the other 2 have not): not counted
    said_of = [g for g in groups if g[2]]
    counted = [g for g in said_of if _meets(g[1])]
    # an agency's placements are its referred people; a unit's rows are its hires
    people = "referred_count" if any(r.placed for r in rows) or out.facts.get("referred_count") is not None and \
        out.facts.get("new_hires") is None else "new_hires"
    for k in ("referred_count", "new_hires"):
        out.facts.pop(k, None)
    out.facts[people] = float(sum(n for n, _f, _s in counted))
    contracts = {f.get("contract_months") for _n, f, _s in counted if f.get("contract_months")}
    if len(contracts) == 1:
        out.facts["contract_months"] = contracts.pop()
    if any(f.get("labor_contract_signed") for _n, f, _s in counted) or out.facts.get("contract_months"):
        out.facts["labor_contract_signed"] = True
    timed = [(n, f.get("months_employed", f.get("months_since_employment"))) for n, f, _s in counted]
    timed = [(n, m) for n, m in timed if m is not None]
    for k in _TIME:
        out.facts.pop(k, None)
    if timed:
        if len({m for _n, m in timed}) == 1 and sum(n for n, _m in timed) == out.facts[people]:
            for k in _TIME:
                out.facts[k] = timed[0][1]
        else:
            # (the unit's time is its longest group's, as when the groups are said in a sentence: those short of a
            # benefit's time are out of its count, Profile.group_months)
            out.group_months = [(float(n), float(m)) for n, m in timed]
            for k in _TIME:
                out.facts[k] = float(max(m for _n, m in timed))
    _categories_of(out, rows)
    out.numbers = []
    out.more_people = 0


def _categories_of(out, rows) -> None:
    for r in rows:
        for c in r.categories:
            if c not in out.categories:
                out.categories.append(c)
