"""The check: each ledger row becomes facts for the same evaluator the chat uses, and the benefits its 户籍地's
documents pay to the person or household are listed with status, amount, payee, where and when, and citation.

Long on purpose (about 640 lines): a row is read, evaluated and explained (reasons, next step, windows, remarks)
in one pass with its caches; reading cells lives in ledger/cells.py and writing in ledger/writers.py.

Which benefits a row lists: those of the documents covering its 户籍地 that the chat counts as the asker's own money
(assistant.decide.personal: the catalogue's payees); by the topic's ledger group (policies/catalogue.yaml): training benefits only when
the row says training, start-up benefits only with a 创业形式, public-post benefits only with a 公益岗类型,
technical-school aid only with 子女就读技校=是, job benefits not when 就业状态 says 未就业/失业. Among those: eligible
(符合), possible (待确认：what to ask) and not eligible (不符合：why) — but not the ones meant for another group (a
condition on a variant fact or a target-group fact of the catalogue fails).

One loaded PolicySet and gazetteer serve the whole ledger; every per-value step is cached (see BatchChecker).
"""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
from policies import rx as re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from assistant.decide import personal
from policies.catalogue import default_catalogue
from policies.evaluator import ELIGIBLE, INELIGIBLE, UNKNOWN, BenefitResult, Profile, evaluate_benefit
from policies.gazetteer import Gazetteer, Resolution, default_gazetteer
from policies.model import Benefit, Condition, Document, PolicySet, default_policies
from policies.render import apply_line, citation, payee_text

from .cells import (BLANK, ID15, ID18, SPACES, Parsed, cell_text, id_checksum_ok, id_digits, mask_id, mask_id_digits,
                    mask_text, num_text, parse_cell, parse_received, parse_work_scope, shown)
from .columns import FACT_COLUMN, FACT_COLUMNS, HEADER_LOOKUP, MAX_NAME, MAX_PLACE, MAX_REMARK, header_key
from .reading import MAX_ROWS, RawRow, read_ledger
from .reads import Candidate, benefit_reads, is_selector
from .report import Item, Person, Problem, Report, amount_detail, amount_text

__all__ = ["BatchChecker", "Item", "Person", "Problem", "Report", "check_ledger", "check_rows"]



@dataclass
class _Home:
    """What a row's 户籍地 gives: the documents covering it and the words for the report."""
    resolution: Resolution | None
    documents: tuple[Document, ...]
    label: str                  # resolved full name, or ''
    coverage: str               # 千人社发〔2021〕141号（千阳县） / 暂未收录该地政策：…
    shown: str                  # the place as written, masked
    problem: str = ""           # the tail of the row's problem message about the place, if any
    doc_ids: tuple[str, ...] = field(init=False)

    def __post_init__(self):
        self.doc_ids = tuple(d.id for d in self.documents)


_NO_HOME = _Home(None, (), "", "暂未收录该地政策：户籍地为空，无法确定用哪里的政策", "")


_NOT_CACHED = object()
_STATUS_RANK = {ELIGIBLE: 0, UNKNOWN: 1, INELIGIBLE: 2}


def _status_rank(it: Item) -> int:
    return _STATUS_RANK[it.status]


class BatchChecker:
    """Evaluates ledger rows against one loaded PolicySet and gazetteer; caches every per-value step."""

    def __init__(self, as_of: dt.date | None = None, policies: PolicySet | None = None,
                 gazetteer: Gazetteer | None = None, default_place: str = ""):
        self.as_of = as_of or dt.date.today()
        self.default_place = default_place      # a place named in the title, for rows with no 户籍地
        # a ledger without a 就业状态 column: a job place, months at work or a contract mean working (check_rows)
        self.infer_employed = False
        base = policies or default_policies()
        self.base_policies = base
        # a shallow copy whose exclusive_partners is memoised (it scans every document on each call)
        fast = copy.copy(base)
        fast.exclusive_partners = functools.lru_cache(maxsize=None)(base.exclusive_partners)
        self.policies = fast
        if gazetteer is None:
            gazetteer = default_gazetteer() if policies is None else Gazetteer(base)
        self.gaz = gazetteer
        self._place_cache: dict[str, Resolution] = {}
        self._home_cache: dict[tuple[str, str], _Home] = {}
        self._text_cells: dict[tuple[str, str], tuple[str, Parsed]] = {}
        self._cell_cache: dict[tuple, Parsed] = {}
        self._masked: dict[str, str] = {}
        self._scope_cache: dict[tuple, Parsed] = {}
        self._received_cache: dict[tuple, Parsed] = {}
        self._candidates_cache: dict[tuple, list[Candidate]] = {}
        self._item_cache: dict[tuple, Item | None] = {}
        self._reads: dict[str, Candidate] = {}
        catalogue = default_catalogue()
        self._own: dict[str, bool] = {}
        self._groups = {g: catalogue.ledger_topics(g) for g in ("employment", "training", "startup", "post", "school")}
        self.eval_cache_hits = 0
        self.evaluations = 0

    # -- places
    def resolve(self, text: str) -> Resolution:
        r = self._place_cache.get(text)
        if r is None:
            r = self.gaz.resolve(text) if len(text) <= MAX_PLACE else Resolution(text, None)
            self._place_cache[text] = r
        return r

    def _home(self, place_text: str, kind: str) -> _Home:
        """What a (non-empty) 户籍地 gives; the same few places fill a whole ledger, so each is worked out once."""
        key = (place_text, kind)
        home = self._home_cache.get(key)
        if home is None:
            home = self._home_cache[key] = self._home_uncached(place_text, kind)
        return home

    def _home_uncached(self, place_text: str, kind: str) -> _Home:
        masked = mask_text(place_text)[:MAX_PLACE]
        if kind in ("date", "formula", "number", "bool") or len(place_text) > MAX_PLACE:
            return _Home(None, (), "", "暂未收录该地政策：户籍地看不懂", masked, "看不懂，无法确定用哪里的政策")
        res = self.resolve(place_text)
        if res.place is None:
            return _Home(res, (), "", f"暂未收录该地政策（户籍地“{shown(place_text)}”不在地名表里）", masked,
                         "不认识这个地名，暂未收录该地政策；请写到县（区、市），如 千阳县")
        label = res.place.full_name
        docs = tuple(res.documents)
        if docs:
            return _Home(res, docs, label, "；".join(f"{d.document_no}（{d.place_label}）" for d in docs), masked)
        if res.narrower:
            names = "、".join(d.place_label for d in res.narrower)
            return _Home(res, (), label, f"暂未收录该地政策：{label}本身没有收录的文件，只收录了{names}的文件", masked,
                         f"只写到{label}，请写到县（区），如 {names}")
        return _Home(res, (), label, f"暂未收录该地政策：暂未收录{label}的就业帮扶政策文件，请向当地人社部门咨询（12333）",
                     masked)

    def _mask(self, text: str) -> str:
        """mask_text, remembered: household ids, remarks and employment words repeat down a ledger."""
        masked = self._masked.get(text)
        if masked is None:
            masked = self._masked[text] = mask_text(text)
        return masked

    # -- cells
    def _cell_parse(self, col: str, raw: Any) -> tuple[str, Parsed]:
        """(text, what it says) for one fact cell. A text cell, nearly every cell of a ledger, is cached on the value
        as typed, so a value seen before costs one look-up; numbers, dates and formulas go through cell_text each
        time."""
        if type(raw) is str:
            got = self._text_cells.get((col, raw))
            if got is None:
                got = self._text_cells[(col, raw)] = self._cell_parse_value(col, raw)
            return got
        return self._cell_parse_value(col, raw)

    def _cell_parse_value(self, col: str, raw: Any) -> tuple[str, Parsed]:
        text, kind = cell_text(raw)
        if not text:
            return text, BLANK
        key = (col, text, kind, raw if kind == "date" else None)
        p = self._cell_cache.get(key)
        if p is None:
            p = parse_cell(col, text, kind, raw, self.as_of, self.base_policies)
            self._cell_cache[key] = p
        return text, p

    def _work_scope(self, text: str, kind: str, home: Resolution | None) -> Parsed:
        key = (text, kind, home.place if home else None)
        p = self._scope_cache.get(key)
        if p is None:
            p = self._scope_cache[key] = parse_work_scope(text, kind, home, self.resolve)
        return p

    def _received(self, text: str, kind: str, home: _Home) -> Parsed:
        key = (text, kind, home.doc_ids)
        p = self._received_cache.get(key)
        if p is None:
            p = self._received_cache[key] = parse_received(text, kind, home.documents, self.base_policies)
        return p

    # -- candidates and evaluation
    def _candidates(self, home: _Home, gates: tuple) -> list[Candidate]:
        key = (home.doc_ids, gates)
        c = self._candidates_cache.get(key)
        if c is not None:
            return c
        employed, training, startup, post, school = gates
        closed = {g for g, is_open in (("employment", employed is not False), ("training", training),
                                       ("startup", startup), ("post", post), ("school", school)) if not is_open}
        shut = frozenset().union(*(self._groups[g] for g in closed))
        c = []
        for d in home.documents:
            for b in d.benefits:
                if b.topic not in shut and self._persons_own(b):
                    c.append(self._benefit_reads(b))
        self._candidates_cache[key] = c
        return c

    def _persons_own(self, b: Benefit) -> bool:
        """Whether the chat lists this benefit among the asker's own money (the same rule for every surface: it
        depends on the benefit's payee only, so it is asked once, with a result for no facts at all)."""
        own = self._own.get(b.id)
        if own is None:
            own = self._own[b.id] = personal(evaluate_benefit(b, Profile(), self.as_of, self.policies))
        return own

    def _benefit_reads(self, b: Benefit) -> Candidate:
        """A benefit with what its result depends on: the facts it reads, the person categories its conditions name
        (a condition on categories asks only whether the person is, is not, or may be one of those), and the benefit
        ids whose receipt matters to it."""
        got = self._reads.get(b.id)
        if got is None:
            got = self._reads[b.id] = benefit_reads(b, self.policies)
        return got

    def _items(self, home: _Home, gates, facts, cats, nots, exhaustive, received) -> list[Item]:
        """Each benefit's item is cached on just what that benefit reads: its facts, whether the person is (or is
        not) one of the categories it names, what was received of it and its partners. Rows that differ only in
        things a benefit ignores share its result (a ledger repeats the same few values a lot)."""
        cats_set, nots_set = frozenset(cats), frozenset(nots)
        # the categories the ones named say nothing about (Profile.from_facts: 残疾人 leaves 建档立卡 open)
        silent = self.base_policies.vocab.status_categories.union(
            *(self.base_policies.vocab.silent_on.get(c, frozenset()) for c in cats if not nots))
        rec = frozenset(received)
        profile = None
        items = []
        cache = self._item_cache
        for b, names, named, ids in self._candidates(home, gates):
            cat_key = None if named is None else (cats_set & named, nots_set & named, exhaustive, silent & named)
            key = (b.id, tuple(map(facts.get, names)), cat_key, rec & ids)
            it = cache.get(key, _NOT_CACHED)
            if it is not _NOT_CACHED:
                self.eval_cache_hits += 1
            else:
                if profile is None:
                    profile = Profile.from_facts(
                        dict(facts, category=list(cats), not_category=list(nots), category_exhaustive=exhaustive,
                             received_this_year=list(received)), self.base_policies).dated(self.as_of)
                self.evaluations += 1
                r = evaluate_benefit(b, profile, self.as_of, self.policies)
                if r.status == INELIGIBLE and any(is_selector(o.condition) for o in r.failed):
                    it = None   # not in the target group, or another kind of training/post/business: not listed
                else:
                    it = self._item(r, profile)
                cache[key] = it
            if it is not None:
                items.append(it)
        items.sort(key=_status_rank)
        return items

    def _item(self, r: BenefitResult, profile: Profile) -> Item:
        b = r.benefit
        vocab = self.base_policies.vocab
        if r.status == ELIGIBLE:
            st = "符合"
        elif r.status == UNKNOWN:
            asks = []
            for f in r.missing:
                spec = vocab.facts.get(f)
                q = spec.question if spec else f
                if f == "age" and b.topic in self._groups["school"]:
                    q = "在技工院校上学的孩子今年多大？"
                col = FACT_COLUMN.get(f)
                asks.append(q + (f"（台账“{col}”列）" if col else ""))
            st = "待确认：" + _join_asks(list(dict.fromkeys(asks)))
        else:
            st = "不符合：" + "；".join(dict.fromkeys(r.reasons))
        value = r.amount.value if (r.status == ELIGIBLE and b.kind != "loan") else None
        cautions = []
        if r.partners and r.status != INELIGIBLE:
            names = "、".join(dict.fromkeys(self.base_policies.benefits[o].name for o, _, _ in r.partners
                                            if o in self.base_policies.benefits))
            if names:
                cautions.append(f"与{names}不能同时享受")
        if r.status == ELIGIBLE and r.amount.missing:
            need = "、".join(vocab.facts[f].label for f in r.amount.missing if f in vocab.facts)
            if need:
                cautions.append(f"金额要看{need}")
        where = apply_line(b)
        for o in r.met:
            c = o.condition
            if isinstance(c, Condition) and c.deadline and c.op == "at_most" and c.fact in profile.facts:
                left = c.value.value - profile.facts[c.fact]
                where += f"（已过{num_text(profile.facts[c.fact])}个月，还剩约{num_text(left)}个月）"
        # who receives the money, in the words the console's card uses for a worker (policies/render.py)
        return Item(b, r.status, st, amount_text(r), amount_detail(r), value,
                    payee_text(b, "worker", style="card"), where, citation(b), cautions, r.ended,
                    tuple(dict.fromkeys(r.missing)) if r.status == UNKNOWN else ())

    # -- what the ledger knows beyond the facts: the year work began, the remark, what to do next
    def _history(self, items: list[Item], start_months: float | None, remark: str) -> list[Item]:
        """Application windows in calendar terms (转移就业当年12月底前) read against the start date written in the
        ledger, and a 备注 saying a benefit was had (已领 / 已享受 …): those items become 不符合 with the reason."""
        had = _HAD.search(remark) if remark else None
        out = []
        for it in items:
            b = it.benefit
            if had and _names_benefit(remark[had.start():], b):
                # (said first: had already is the plainer reason, also where a window has closed too)
                out.append(_ruled_out(it, f"备注写着“{shown(remark[had.start():], 16)}”，不要重复申请"))
                continue
            if it.status == INELIGIBLE:
                out.append(it)
                continue
            window = (b.apply.window or "") if b.apply else ""
            m = _YEAR_WINDOW.search(window)
            if m:
                month = int(m.group(1))
                if start_months is not None:
                    total = self.as_of.year * 12 + self.as_of.month - 1 - int(start_months)
                    year = total // 12
                    if (self.as_of.year, self.as_of.month) > (year, month):
                        late = f"已过申请期限（{window}：{year}年外出的，{year}年{month}月底前申请）"
                        if any(getattr(c, "deadline", False) and getattr(c, "open", False) for c in b.eligibility):
                            # (a window the text does not close, “为了保证当年兑付…”: past it, the office says whether
                            # a late claim is taken, as the chat says)
                            it = dataclasses.replace(it, cautions=it.cautions + [
                                f"{late}；文件未写过期不再受理，能否补报请问{(b.apply.office if b.apply else '') or b.document.contact_office}"])
                            out.append(it)
                            continue
                        out.append(_ruled_out(it, late))
                        continue
                else:
                    it = dataclasses.replace(it, cautions=it.cautions + [f"{window}申请：请问清是哪一年外出的"])
            out.append(it)
        out.sort(key=_status_rank)
        return out

    def _next_step(self, person: Person) -> None:
        """下一步 for a row with something to claim or ask ('问清合同期限 → 可领500元，12月底前报…'), or why it has
        nothing to claim."""
        vocab = self.base_policies.vocab
        open_items = [i for i in person.items if i.status != INELIGIBLE]
        if not person.covered:
            person.reason = person.coverage
            return
        if not open_items:
            reasons = [i.status_text.removeprefix("不符合：") for i in person.items]
            if reasons:
                person.reason = "；".join(dict.fromkeys(reasons))
            elif person.facts.get("employed") is False:
                said = f"就业状态为“{person.employment_text}”" if person.employment_text else "未就业"
                person.reason = f"{said}：就业类补贴不列；台账没写培训、创业、公益岗或技校，这几类也不列"
            elif person.categories_text == "（无）":
                person.reason = "人员类别为一般户，不是这些补贴的对象"
            else:
                person.reason = "按台账填的情况，本人和本户没有可以申请的项目"
            return
        unknown = [i for i in open_items if i.status == UNKNOWN]
        if unknown:
            it = min(unknown, key=lambda i: (len(i.missing), -(i.amount_value or 0)))
            labels = "、".join(dict.fromkeys(vocab.facts[f].label if f in vocab.facts else f for f in it.missing[:2]))
            head = f"问清{labels}"
        else:
            it = open_items[0]
            head = "带齐材料"
        step = f"{head} → 可领{it.amount_text}（{it.benefit.name}）"
        if len(open_items) > 1:
            step += f"等{len(open_items)}项"
        if it.benefit.apply and (it.benefit.apply.window or it.benefit.apply.office):
            ap = it.benefit.apply
            step += "，" + (f"{_short_window(ap.window)}" if ap.window else "") + (f"报{ap.office}" if ap.office else "")
        person.next_step = step

    # -- one row
    def check_row(self, row: RawRow, household: str, inherited_place: str) -> Person:
        line, cells = row.line, row.cells
        problems: list[Problem] = []
        name_text, _ = cell_text(cells.get("姓名"))
        name = mask_text(name_text)
        if len(name) > MAX_NAME:
            problems.append(Problem(line, household, name[:MAX_NAME], "姓名", shown(name),
                                    f"第{line}行 姓名太长（共{len(name)}字），只保留前{MAX_NAME}字"))
            name = name[:MAX_NAME] + "…"
        if not name:
            name = f"（第{line}行，未填姓名）"
            problems.append(Problem(line, household, name, "姓名", "", f"第{line}行 姓名为空"))

        def report(col: str, text: str, tail: str):
            said = shown(text) if col != "身份证号" else mask_id(text)
            problems.append(Problem(line, household, name, col, said, f"第{line}行 {col}“{said}”{tail}"))

        # ID
        raw_id = cells.get("身份证号")
        id_text, id_kind = cell_text(raw_id)
        s = id_digits(id_text)
        id_masked = mask_id_digits(s)
        if id_text:
            # stored as a number: Excel keeps 15 digits, so an 18-digit ID whose check digit still fits was kept whole
            if isinstance(raw_id, float) or (id_kind == "number" and len(s) > 15
                                             and not (ID18.fullmatch(s) and id_checksum_ok(s))):
                report("身份证号", id_text, "被存成了数字，后几位可能已经丢失，请把这一列设成“文本”后重新录入")
            elif ID18.fullmatch(s):
                if not id_checksum_ok(s):
                    report("身份证号", id_text, "校验位不对，请核对")
            elif not ID15.fullmatch(s):
                report("身份证号", id_text, "不像身份证号（应为18位），请核对")

        # place
        place_text, place_kind = cell_text(cells.get("户籍地"))
        place_text = SPACES.sub("", place_text)
        if not place_text and inherited_place:
            place_text = inherited_place
        if not place_text and self.default_place:
            place_text = self.default_place
        if place_text:
            home = self._home(place_text, place_kind)
            if home.problem:
                report("户籍地", place_text, home.problem)
        else:
            home = _NO_HOME
            problems.append(Problem(line, household, name, "户籍地", "", f"第{line}行 户籍地为空，无法确定用哪里的政策"))

        # facts from the cells
        facts: dict[str, Any] = {}
        flags: dict[str, Any] = {}      # column → its column-specific flag (Parsed.flag), for the cells filled in
        employment_text = ""
        for col in FACT_COLUMNS:
            raw = cells.get(col)
            if raw is None or raw == "":
                continue
            text, p = self._cell_parse(col, raw)
            if not text:
                continue
            for tail in p.notes:
                report(col, text, tail)
            facts.update(p.facts)
            flags[col] = p.flag
            if col == "就业状态":
                employment_text = self._mask(text)[:MAX_NAME]
        cats, nots, exhaustive = flags.get("人员类别") or ([], [], False)
        categories_text = "、".join(cats) if cats else ("（无）" if exhaustive else "")
        training = flags.get("是否参加培训")
        if training is False and facts.get("training_type"):
            report("是否参加培训", "否", f"，但培训类型写了“{facts['training_type']}”，按没参加培训处理")
        training_any = bool(flags.get("培训类型")) or bool(facts.get("got_qualification_certificate"))
        training_gate = training is True or (training is None and training_any)
        # work place (needs the home place)
        raw_work = cells.get("就业地")
        if raw_work is not None:
            wtext, wkind = cell_text(raw_work)
            if wtext:
                wp = self._work_scope(wtext, wkind, home.resolution)
                for tail in wp.notes:
                    report("就业地", wtext, tail)
                facts.update(wp.facts)
        # working, when a ledger that keeps no 就业状态 column says where or how long someone works
        if self.infer_employed and "employed" not in facts and (
                (raw_work is not None and cell_text(raw_work)[0])
                or facts.get("months_employed") or "months_since_employment" in facts
                or facts.get("contract_months") or facts.get("labor_contract_signed")):
            facts["employed"] = True
            facts.setdefault("unemployed", False)
            flags["就业状态"] = True
            employment_text = employment_text or "已就业（按务工信息）"
        # already received this year
        received: list[str] = []
        raw_rec = cells.get("今年已享受")
        if raw_rec is not None:
            rtext, rkind = cell_text(raw_rec)
            if rtext:
                rp = self._received(rtext, rkind, home)
                for tail in rp.notes:
                    report("今年已享受", rtext, tail)
                received = rp.flag or []
                facts.update(rp.facts)

        # remark
        remark_text, _ = cell_text(cells.get("备注"))
        remark = self._mask(remark_text)
        if len(remark) > MAX_REMARK:
            problems.append(Problem(line, household, name, "备注", shown(remark),
                                    f"第{line}行 备注太长（共{len(remark)}字），报告里只保留前{MAX_REMARK}字"))
            remark = remark[:MAX_REMARK] + "…"

        items: list[Item] = []
        if home.documents:
            gate_key = (flags.get("就业状态"), training_gate, bool(flags.get("创业形式")), bool(flags.get("公益岗类型")),
                        flags.get("子女就读技校") is True)
            try:
                items = self._items(home, gate_key, facts, cats, nots, exhaustive, received)
            except ValueError as e:    # a value the evaluator refuses: report it, evaluate with the categories only
                problems.append(Problem(line, household, name, "", "", f"第{line}行 {e}，这一行只按人员类别核对"))
                items = self._items(home, gate_key, {}, cats, nots, exhaustive, received)
        if items:
            start = flags.get("就业后月数")
            items = self._history(items, start[1] if isinstance(start, tuple) else None, remark)
        person = Person(line, household, name, id_masked, home.shown, home.label, list(home.documents),
                        home.coverage, cats, categories_text, employment_text, remark, items, problems)
        person.facts = facts
        person.signed_unknown = flags.get("合同期限") == "signed"
        self._next_step(person)
        return person

    def check(self, rows: Iterable[RawRow]) -> list[Person]:
        """People, grouped into households by 户号; without one, by 户主 (a new name starts a household), by the
        row saying 户主 in 与户主关系, or by 序号 (merged or written on a household's first row); else a row is a
        household. A household's 户籍地 written once holds for its other rows."""
        people = []
        household, last_place, householder = "", "", ""
        pending_no_household = False
        hh_count = 0
        for row in rows:
            cells = row.cells
            hh_text, _ = cell_text(cells.get("户号"))
            hh_text = self._mask(hh_text)
            if len(hh_text) > MAX_NAME:
                hh_text = hh_text[:MAX_NAME] + "…"
            head_text = self._mask(cell_text(cells.get("户主"))[0])[:MAX_NAME]
            serial = cell_text(cells.get("序号"))[0][:MAX_NAME]
            relation = SPACES.sub("", cell_text(cells.get("与户主关系"))[0])
            if "户号" in cells:
                new_household = bool(hh_text) and hh_text != household
                key = hh_text
            elif "户主" in cells:
                new_household = bool(head_text) and head_text != householder
                key = f"户主：{head_text}" if head_text else ""
            elif "与户主关系" in cells:
                new_household = relation in ("户主", "本人") or not household
                key = ""
            elif "序号" in cells:
                new_household = bool(serial) and serial != household.removeprefix("序号")
                key = f"序号{serial}" if serial else ""
            else:
                new_household, key = True, ""
            if new_household:
                hh_count += 1
                household = key or f"第{hh_count}户"
                householder = head_text
            elif not household:
                household = "（未填户号）"
                pending_no_household = True
            place_text, _ = cell_text(cells.get("户籍地"))
            if new_household:
                last_place = ""
            person = self.check_row(row, household, last_place)
            person.householder = head_text or (person.name if relation in ("户主", "本人") else "")
            if place_text:
                last_place = SPACES.sub("", place_text)
            if pending_no_household:
                person.problems.insert(0, Problem(row.line, household, person.name, "户号", "",
                                                  f"第{row.line}行 户号为空（上面也没有户号），归入“（未填户号）”"))
                pending_no_household = False
            people.append(person)
        return people


_HAD = re.compile(r"已领|已享受|领过|享受过|已申请|已发放|已办理|已经领|已补贴|已兑现")
_YEAR_WINDOW = re.compile(r"当年(\d{1,2})月底前")


def _names_benefit(text: str, b: Benefit) -> bool:
    """Whether a remark's words name the benefit: its name, or its last four characters (交通补助, 求职补贴)."""
    name = re.sub(r"[（(][^）)]*[）)]", "", b.name)
    keys = {name, name.removeprefix("一次性"), name[-4:]}
    return any(len(k) >= 4 and k in text for k in keys)


def _ruled_out(it: Item, why: str) -> Item:
    return dataclasses.replace(it, status=INELIGIBLE, status_text=f"不符合：{why}", amount_value=None)


def _short_window(window: str) -> str:
    """转移就业当年12月底前 → 12月底前 (the 下一步 column is short)."""
    return re.sub(r"^.*当年", "", window)


_ID_AS_NUMBER = "被存成了数字"
ID_AS_NUMBER_ROWS = 5      # this many rows or more: one remark for the column instead of one per row


def _ids_as_numbers(people: list[Person]) -> list[Problem]:
    """A whole 身份证号 column stored as numbers is one remark (with its rows), not one per person."""
    hit = [p for p in people if any(x.column == "身份证号" and _ID_AS_NUMBER in x.message for x in p.problems)]
    if len(hit) < ID_AS_NUMBER_ROWS:
        return []
    for p in hit:
        p.problems = [x for x in p.problems if not (x.column == "身份证号" and _ID_AS_NUMBER in x.message)]
    lines = [p.line for p in hit]
    where = f"第{lines[0]}～{lines[-1]}行" if lines == list(range(lines[0], lines[-1] + 1)) else \
        "第" + "、".join(map(str, lines[:20])) + ("…行" if len(lines) > 20 else "行")
    return [Problem(None, "", "", "身份证号", "",
                    f"身份证号有{len(hit)}行（{where}）{_ID_AS_NUMBER}，后几位可能已经丢失：请把这一列设成“文本”后重新录入；"
                    "打码照常，核对不受影响")]


def _join_asks(asks: list[str]) -> str:
    """Questions one after another: '…吗？（台账“X”列）；…' — no '；' right after a question mark."""
    out = ""
    for a in asks:
        if out and not out.endswith(("？", "?")):
            out += "；"
        out += a
    return out


# ----------------------------------------------------------------------------------------------- entry points
def check_rows(rows: Iterable[RawRow | dict], as_of: dt.date | None = None, *, policies: PolicySet | None = None,
               gazetteer: Gazetteer | None = None, source: str = "", notices: list[Problem] | None = None,
               checker: BatchChecker | None = None, default_place: str = "") -> Report:
    """Check rows already in memory: RawRow, or plain dicts {column name: value} (numbered from line 2)."""
    checker = checker or BatchChecker(as_of, policies, gazetteer, default_place)
    norm = []
    mappings: dict[tuple, tuple[list[tuple[Any, str]], bool]] = {}   # keys → ([(key, column)], keys are the columns)
    for k, r in enumerate(rows, start=2):
        if isinstance(r, RawRow):
            norm.append(r)
        else:
            keys = tuple(r)
            got = mappings.get(keys)
            if got is None:
                m, seen = [], set()
                for h in keys:
                    name = HEADER_LOOKUP.get(header_key(h))
                    if name and name not in seen:
                        seen.add(name)
                        m.append((h, name))
                got = mappings[keys] = (m, len(m) == len(keys) and all(h == name for h, name in m))
            m, same = got
            norm.append(RawRow(k, dict(r) if same else {name: r[h] for h, name in m}))
    t0 = time.perf_counter()
    checker.infer_employed = not any("就业状态" in r.cells for r in norm)
    people = checker.check(norm)
    rep = Report(checker.as_of, source, people, list(notices or []) + _ids_as_numbers(people), checker.base_policies)
    rep.seconds["check"] = time.perf_counter() - t0
    return rep


def check_ledger(path: Path | str, as_of: dt.date | None = None, *, max_rows: int = MAX_ROWS,
                 overrides: dict[str, str] | None = None, **kw) -> Report:
    """Read and check a ledger file. `overrides`: header as written → our column (or 忽略), the officer's own
    column match (columns.read_overrides)."""
    t0 = time.perf_counter()
    ledger = read_ledger(path, max_rows=max_rows, overrides=overrides)
    t1 = time.perf_counter()
    if "checker" not in kw and ledger.title:
        kw.setdefault("default_place", _title_place(ledger.title, kw.get("gazetteer")))
    rep = check_rows(ledger.rows, as_of, source=ledger.source, notices=ledger.notices, **kw)
    rep.matches = ledger.matches
    rep.seconds["read"] = t1 - t0
    return rep


def _title_place(title: str, gazetteer: Gazetteer | None) -> str:
    """The place a title names (千阳县崔家头镇南庄村…台账 → 千阳县崔家头镇), or ''."""
    if not title:
        return ""
    gaz = gazetteer or default_gazetteer()
    for part in title.split("　"):
        part = SPACES.sub("", part)[:MAX_PLACE]
        res = gaz.resolve(part) if part else None
        if res is not None and res.place is not None:
            return res.place.full_name
    return ""
