"""Groups of a unit's people, each with what is said of it: how long each group has worked ("三个干了九个月、两个才干了
两个月", "到现在还在做的有22个，另外8个做了两三个月就走了"), and the persons of a count who are out of a benefit's count
because something said of them fails one of its conditions (already had it, from another province, not insured,
charged for the placement). Read by `extract.extract` after the head-counts; the evaluator takes them out of the
count (Profile.group_months, counted_out, counted_not)."""
from __future__ import annotations

import datetime as dt
import itertools
from policies import rx as re

from policies import default_gazetteer, default_policies
from policies import normalize as nz
from policies.normalize import ROUND as _ROUND
from policies.normalize import INTERN_BATCH as _INTERN_BATCH
from policies.normalize import BATCH as _BATCH
from policies.catalogue import default_catalogue
from policies.evaluator import not_for_low_income, benefit_count_fact

from policies.amounts import case_facts

from .extract_business import _business_done
from .extract_common import OUT_OF_PROVINCE, OUT_OF_PROVINCE_FULL, Extracted, clauses_of
from .extract_people import _categories
from .clock import today
from .extract_numbers import _DURATION_RE, training_standard
from .state import INTERN_ARRIVALS

# a group counted and how long it has worked ("三个干了九个月、两个才干了两个月", "5个到现在都干了半年多了 另外2个干了三个月")
_GROUP_WORKED = re.compile(r"(?:干|做|上班|在岗|稳定干|干满|干够|做满|上岗|来|进来|到岗|见习|见(?=了)|实习|帮工|打工|务工|干活|摘棉花|采茶|"
                           # ("3个从三月干到现在，满8个月了")
                           r"(?<![不未没])满)(?:了|满|够|到)?[^，。,；;？?]{0,4}?$")
# a date and the group taken on then ("去年10月招了3个…今年1月又招了2个")
# a group named by its time, then counted ("干了一年多的是五个", "八月来的就一个")
_WORKED_THEN_COUNT = re.compile(r"(?:干了|做了|干满|干够|干|做)\s*((?:[0-9]+|[一二两三四五六七八九十半]+)\s*(?:个)?(?:多)?(?:月|年)(?:多)?)(?:了)?的"
                                r"(?:是|有|就|就是|只有|才)?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)")
_MONTH_CAME_COUNT = re.compile(r"(?<![0-9一二两三四五六七八九十年])([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:份)?(?:初|底|中)?(?:才|刚)?"
                               r"(?:来|进|招|上岗|到岗|进厂|来厂)的(?:是|有|就|就是|只有|才)?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)")
_CAME_THEN_COUNT = re.compile(r"^(?:才|刚)?(?:来|进|招|上岗|到岗|进厂|来厂|去)的(?:是|有|就|就是|只有|才)?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)")
_GROUP_TAKEN = re.compile(r"^[^，。,；;？?]{0,6}?(?:招|收|送|介绍|带|输送|吸纳|招进|安排|又来|组织)(?:了|进|来|去)?[^，。,；;？?0-9一二两三四五六七八九十]{0,12}?"
                          r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)")
# the count before the verb ("前年11月免费给6个…建档立卡贫困户介绍进了昆山一家电子厂")
_GROUP_GIVEN = re.compile(r"^[^，。,；;？?]{0,6}?给\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)[^，。,；;？?]{0,24}?"
                          r"(?:介绍|送|安排|带)")


# "到现在还在做的有22个，另外8个做了两三个月就走了", "现在还有5个在干，另外2个干了几个月就走了"
_N = r"([0-9一二两三四五六七八九十]+)"
_STAYED = re.compile(rf"(?:还在|一直在?|到现在还?在?)(?:做|干|上班)(?:的)?(?:有|是)?\s*{_N}\s*个|"
                     rf"(?:还有|现在还有|还剩|现在还剩|剩下|到现在还有|目前还有)\s*{_N}\s*个(?:人)?(?:还|一直)?在(?:做|干|上班|"
                     r"厂里|厂子|公司|那边|那儿|那里|那(?=干|做|上班)|车间|工地|基地)|"
                     # "剩下6个一直做到现在", "其他5个一直在", "现在还剩6个一直干着", "到现在有10个一直在做"
                     rf"(?:还有|现在还有|还剩|现在还剩|剩下|其他|其余|余下|到现在有|现在有|目前有)\s*{_N}\s*个(?:人)?(?:都|也)?"
                     r"(?:还|一直)(?:在)?(?:做|干|上班|待|在)|"
                     # "6个一直干到现在"
                     # (not "其中3个一直干到现在": some of a group, _STAYED_OF_GROUP)
                     rf"(?<!其中)(?<!里头)(?<!里面)(?<!当中)(?<!其中有)(?<!里头有)(?<!里面有)(?<!当中有)(?<![0-9]个里有)"
                     rf"{_N}\s*个(?:人)?\s*(?:都|也)?一直在?(?:做|干|上班|待)"
                     r"(?:到现在|到今天|到如今|至今|着)|"
                     # "13个到现在还在做"
                     rf"{_N}\s*个(?:人)?\s*(?:到现在|现在|目前|至今)(?:都|也)?(?:还|一直)在?(?:做|干|上班)|"
                     # "到现在17个还在做"
                     rf"(?:到现在|现在|目前|至今)\s*{_N}\s*个(?:人)?\s*(?:都|也)?(?:还|一直)在?(?:做|干|上班)|"
                     # "到现在干满一年的有17个", "干到现在满一年以上的有6个"
                     rf"(?:到现在|现在|目前|至今)(?:干|做)(?:满|够)[^，。,；;？?0-9]{{0,4}}?的(?:有|是)\s*{_N}\s*个|"
                     # ("到现在干满6个月以上的18个": the time with its number, no 有)
                     rf"(?:到现在|现在|目前|至今)(?:干|做)(?:满|够)\s*(?:[0-9一二两三四五六七八九十]+\s*个(?:多)?月|一年|半年)"
                     rf"(?:以上)?的(?:有|是)?\s*{_N}\s*个|"
                     rf"(?:干|做)到(?:现在|今天|如今)(?:都)?(?:满|够|超过)[^，。,；;？?0-9]{{0,6}}?的(?:有|是)\s*{_N}\s*个|"
                     # "干满一年的有十一个" (of the people said before, no "到现在")
                     rf"(?<![到在今])(?:干|做)(?:满|够)(?:了)?\s*(?:一年|1年|半年|[0-9一二两三四五六七八九十]+\s*个(?:多)?月)(?:以上)?的"
                     rf"(?:有|是)?\s*{_N}\s*个")
# ("另外四个两三个月就回来了": the time and the leaving, no verb of work)
_LEFT = re.compile(rf"{_N}\s*个(?:人)?[^，。；;？?]{{0,6}}?(?:(?:做|干)了?\s*(不到|没到|没满|不满)?|(不到|没到|没满|不满))?\s*"
                   r"(?:(一两|两三|三四|四五|几|[0-9一二两三四五六七八九十]+)\s*个(?:多)?月|(半年))"
                   r"(?:就|便)?(?:走了|离职|辞职|不干了|回家了|回去了|跑了|跑回来了|跑回去了|回来了)")
# after a group's date, the months it worked before it left ("前年来的，干了十个月就走了")
# ("一个去年秋天来的 没干俩月就走了": less than that, gone)
# the rest of a unit's people, with the time they worked ("其他人每次都干满了半年以上", "其余的都干了一年多")
_REST_WORKED = re.compile(r"(?:其他|其余|剩下|别的|余下)(?:的)?(?:人|几个|那些)?(?:每次|也|都|全)*(?:在岗|稳定)?"
                          r"((?:干|做|待)(?:满|够|了)*\s*[^，。,；;？?]{1,8})")
_GONE_AFTER = re.compile(r"^(?:来的|进来的|进厂的|招的)[，,\s]*(?:没|不到|没到)?(?:干|做)(?:了|满|够)?\s*"
                         r"((?:[0-9一二两三四五六七八九十]+)\s*个(?:多)?月|俩月|半年)"
                         r"(?:就|便)?(?:走了|离职|辞职|不干了|回家了|回去了|跑了|回来了)")
# the time before the count ("干了4个月走了的4个", "干了两个月就回来的2个")
_LEFT_BEFORE = re.compile(r"(?:做|干)了?\s*(不到|没到|没满|不满)?\s*(?:(一两|两三|三四|四五|几|[0-9一二两三四五六七八九十]+)\s*个(?:多)?月|"
                          r"(半年))(?:就|便)?(?:(?:走了|离职了?|辞职了?|不干了|回家了?|回去了?|跑了|跑回来了?|回来了?)的(?:有|是)?|"
                          # ("干了不到半年走了3个": the count right after the leaving)
                          r"(?:走了|跑了|回去了|辞了))\s*"
                          rf"{_N}\s*个")
# "剩下的一直干到现在": the rest of a head-count said, still at work, their count not said
_REST_STAYED = re.compile(r"(?:剩下|其余|其他|余下)的?(?:人)?(?:都|也)?(?:还|一直)(?:在)?(?:做|干|上班|待|在)")
# "4个建档立卡贫困户在社里干活，其中3个一直干到现在": of a group said, the ones still at work since
_STAYED_OF_GROUP = re.compile(rf"[^。；;？?]{{0,30}}?(?:其中|里头|里面|当中)(?:有)?\s*{_N}\s*个(?:人)?\s*(?:都|也)?(?:一直|还)在?"
                              r"(?:做|干|上班|待)(?:到现在|到今天|到如今|至今|着)")
_SPAN_UPPER = {"一两": 2, "两三": 3, "三四": 4, "四五": 5}


def _stayed_and_left(out: Extracted, said: str, as_of: dt.date) -> bool:
    """A unit's people who stayed since the date said and those who left after a few months: each group's months
    (Profile.group_months); a group that left after "几个月" is out of the count of every benefit with a time
    condition (Profile.counted_not), said as they said it. Others taken on at a later date said ("今年3月又招了4个")
    are a group of their own."""
    taken = []                  # (months since, head-count) of each group taken on at a date said
    for start, end, months in nz.dates_in(said, as_of):
        if re.match(r"\s*(?:到|至|-|—|~)", said[end:]):
            continue            # ("今年2月到4月组织了20个": a span of months, not the date they went)
        m = _GROUP_TAKEN.match(said[end:]) or _GROUP_GIVEN.match(said[end:])
        if m and nz.parse_count(m.group(1)) and re.search(r"月|春|夏|秋|冬|初|底|过完年|过年", said[start:end]):
            taken.append((float(months), float(nz.parse_count(m.group(1)))))
    # the months since the first group was taken on ("去年10月招了8个…有2个做了5个月就走了": 13, not the 5 of those who left)
    total = taken[0][0] if taken else out.facts.get("months_since_employment")
    stay = _STAYED.search(said)
    # (count, 不到, span of months, 半年) of each group that left
    left = [(m.group(1), m.group(2) or m.group(3), m.group(4), m.group(5)) for m in _LEFT.finditer(said)] + \
        [(m.group(4), m.group(1), m.group(2), m.group(3)) for m in _LEFT_BEFORE.finditer(said)]
    rest = None if stay or not left else _REST_STAYED.search(said)
    if rest:
        # ("招了20个…干了不到半年走了3个，剩下的一直干到现在": the rest of the head-count, those who left taken out)
        head = max([out.facts.get(k) or 0 for k in ("new_hires", "referred_count", "hired_poor_count")])
        gone = sum(nz.parse_count(c) or 0 for c, *_ in left)
        if total and head and 0 < gone < head:
            stay = re.match(r"(.*)", str(int(head - gone)))
    if not total or not stay:
        return False
    n_stay = nz.parse_count(next(g for g in stay.groups() if g))
    if not n_stay:
        return False
    least = next((nz.parse_duration_months(d.group(0)) for d in _DURATION_RE.finditer(stay.group(0))), None)
    # ("到现在还在干的有12个都干了八个多月了": their time said right after them)
    since = re.match(rf"\s*(?:都|也)?(?:已经)?(?:干|做)(?:了|满|够)?\s*({_DURATION_RE.pattern})", said[stay.end():])
    if since and least is None:
        least = nz.parse_duration_months(since.group(1))
    if least and least > total:
        total = least           # "现在干满一年以上的有6个" with no month said of when: at least the year
    if not left:
        keys = [k for k in ("new_hires", "referred_count", "hired_poor_count") if k in out.facts]
        head = max([out.facts[k] for k in keys] or [0])
        # "去年开春用了6个…到现在有4个一直干着…另外2个是今年五月份才来的": the others came later, a group of their own
        later = [(float(nz.parse_count(w.group(1))), float(mo)) for st, en, mo in nz.dates_in(said, as_of)
                 for w in [re.search(r"([0-9一二两三四五六七八九十]+)\s*个(?:人)?(?:是)?\s*$", said[max(0, st - 8):st])]
                 if w and nz.parse_count(w.group(1)) and re.match(r"\s*(?:才|刚)(?:来|进|到|招)", said[en:en + 4])]
        if len(later) == 1 and later[0][0] == head - n_stay and later[0][1] < total:
            out.group_months = [(float(n_stay), float(total)), later[0]]
            out.facts["months_employed"] = float(total)
            for k in keys:
                out.facts[k] = float(head)
            return True
        # "拉了45个…到现在还有38个在干": the others left at a time not said, out of the count of every benefit
        # with a time at work
        said_counts = {nz.parse_count(m.group(1)) for m in re.finditer(rf"{_N}\s*(?:个|名|位)", said)}
        if head - n_stay in said_counts and head - n_stay > n_stay:
            for k in keys:          # the ones still there counted as more people besides the total: the total
                if out.facts[k] == head:
                    out.facts[k] = head - n_stay
            head -= n_stay
        if head > n_stay:
            out.facts["months_employed"] = float(total)
            _out_of_timed(out, head - n_stay, "已经不干了")
            return True
        return False
    groups, vague = [(float(n_stay), float(total))], 0.0
    groups += [(n, mo) for mo, n in taken[1:] if mo != total]
    for count, short_of, span, half in left:
        n = nz.parse_count(count)
        months = 6.0 if half else _SPAN_UPPER.get(span) or (None if span == "几" else nz.parse_count(span))
        if not n:
            continue
        if months and short_of:
            months -= 1         # "干了不到半年就走了": short of it
        if months is None:
            vague += n
        else:
            groups.append((float(n), float(months)))
    out.group_months = groups if len(groups) > 1 else []
    out.facts["months_employed"] = float(total)
    out.facts["months_since_employment"] = max(float(total), out.facts.get("months_since_employment") or 0)
    everyone = sum(n for n, _ in groups) + vague
    for k in ("new_hires", "referred_count", "hired_poor_count"):
        if k in out.facts and out.facts[k] < everyone:
            out.facts[k] = everyone         # "介绍了15个…13个到现在还在做，2个做了两个月就回来了": all fifteen
    if vague:
        _out_of_timed(out, vague, "干了几个月就走了")
    return True


def _out_of_timed(out: Extracted, n: float, why: str) -> None:
    """n of a unit's people who left are out of the count of every benefit with a time at work (Profile.counted_not)."""
    if not out.place:
        return
    docs = {d.id for d in default_gazetteer().resolve(out.place).documents}
    for bid, b in default_policies().benefits.items():
        if b.document.id in docs and any(getattr(c, "fact", None) in ("months_employed", "stable_employment")
                                         for c in b.eligibility):
            was = out.counted_not.get(bid)
            if was and str(was[1]).startswith(OUT_OF_PROVINCE) and not str(why).startswith(OUT_OF_PROVINCE) and \
                    (out.facts.get("new_hires") or 0) > n + was[0]:
                # ("10个是湖南邵阳的，2个是贵州的…邵阳那10个里有3个干了两个来月就走了": both are out, each for its own
                # reason)
                out.counted_not[bid] = [n + was[0], f"（{n:g}人{why}、{was[0]:g}人{OUT_OF_PROVINCE}）"]
                continue
            out.counted_not[bid] = [n, why]


def _month_of_year(seg: str, x) -> bool:
    """"20个九月份去苏州", "10个八月初去新疆": a month of the year (a date), not a number of months."""
    return bool(re.fullmatch(r"[0-9一二三四五六七八九十]+\s*月", x.group(0)) and
                re.match(r"份|初|底|中|上旬|中旬|下旬|[0-9一二三四五六七八九十]+\s*(?:号|日)|(?:去|来|进|到|出去|走)", seg[x.end():]))


# an internship said to run to a month to come ("七月初就去了…单位说让他一直见习到明年四月底"): its months from the start
_INTERN_FROM = re.compile(r"(今年|去年)?\s*([0-9一二三四五六七八九十]+)\s*月(?:初|份|中|底)?\s*(?:就)?(?:去|来|开始|进)")
_INTERN_UNTIL = re.compile(r"见习到\s*(明年|今年)?\s*([0-9一二三四五六七八九十]+)\s*月(底|末|初|中)?")


def internship_until(out, said: str, as_of: dt.date) -> None:
    """The months of an internship from the month it started to the month it is to run to (Profile internship_months),
    when both are said as months of the year."""
    until, start = _INTERN_UNTIL.search(said), _INTERN_FROM.search(said)
    if not until or not start or "internship_months" in out.facts:
        return
    m0, m1 = nz.parse_count(start.group(2)), nz.parse_count(until.group(2))
    if not m0 or not m1 or not 1 <= m0 <= 12 or not 1 <= m1 <= 12:
        return
    y0 = as_of.year - (1 if start.group(1) == "去年" else 0)
    y1 = as_of.year + (1 if until.group(1) == "明年" else 0)
    months = (y1 - y0) * 12 + (m1 - m0) + (1 if until.group(3) in ("底", "末") else 0)
    if 0 < months <= 36:
        out.facts["internship_months"] = float(months)


# "邵阳的4个、怀化的2个、贵州铜仁的1个": a unit's people counted by where they are from
_ORIGIN_ITEM = r"([\u4e00-\u9fff]{2,6}?)(?:那边|那块|那里)?的\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)"
_ORIGIN_LIST = re.compile(rf"{_ORIGIN_ITEM}(?:\s*[、，,和跟]\s*(?:还有)?{_ORIGIN_ITEM})+")
_LEFT_MORE = re.compile(r"(?:另外|另)?还有\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)[^，。,；;？?]{0,12}?(?:做|干)了?\s*"
                        r"([0-9一二两三四五六七八九十半]+\s*个?(?:多)?月|半年)(?:就|便)?(?:走了|离职|辞职|不干了|回家了|回去了|跑了)")


def origin_place(name: str, here):
    """The places a list item's words name as where people are from: the unit's own for "本县" and the like."""
    name = re.sub(r"^(?:是|有|从|来自)|(?:那边|那块)?(?:过来|来)$", "", name)
    if name in nz.HERE_WORDS and here is not None:
        return [here]
    return default_gazetteer().find_all(name)


# "本县那12个里有2个干了5个月就走了": some of one item of the list who left
_ITEM_LEFT = re.compile(r"(?:(?P<at>[\u4e00-\u9fff]{2,6}?)(?:来|过来)?(?:的)?)?(?:那|这)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?"
                        r"(?:里|中|当中)(?:头|面|边)?(?:有)?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)[^，。,；;？?]{0,12}?"
                        r"(?:走了|离职了?|辞职了?|不干了|回家了|回去了|跑了)")
# "今年3月又补招了2个本县的建档立卡": taken on in their place, at a date
_REFILLED_AFTER = re.compile(r"[，,]?\s*([^，。,；;？?]{0,10}?)(?:又|再)?(?:补招|补进|补了|补上|补充|又招|又补)了?\s*"
                             r"(?P<n>[0-9一二两三四五六七八九十]+)\s*(?:个|名|位)")


def _origin_groups(out: Extracted, said: str, as_of: dt.date) -> bool:
    """A unit's people counted by where they are from ("去年3月招了一批建档立卡贫困户：邵阳的4个、怀化的2个、贵州铜仁的
    1个…到现在一直在岗。另外还有一个…干了10个月就走了"): all of them are the head-count; those from another province
    than the unit's are out of the count of a benefit for the province's own 建档立卡 (Profile.counted_not); one more
    said to have left after some months is a group of its own (Profile.group_months). True when the groups were read."""
    m = _ORIGIN_LIST.search(said)
    if not m or not out.place:
        return False
    gaz = default_gazetteer()
    here = gaz.resolve(out.place).place
    items = [(x.group(1), nz.parse_count(x.group(2))) for x in re.finditer(_ORIGIN_ITEM, m.group(0))]
    homes = [origin_place(name, here) for name, _ in items]
    if len(items) < 2 or not all(n for _, n in items) or not all(homes) or here is None:
        return False
    out.origin_groups = [(float(n), h[0].full_name) for (_, n), h in zip(items, homes)]
    total = float(sum(n for _, n in items))
    # some of one item who left, and as many taken on since ("本县那12个里有2个干了5个月就走了，今年3月又补招了2个本县的")
    gone = _ITEM_LEFT.search(said, m.end())
    item_gone = next((i for i, (name, n) in enumerate(items) if gone and nz.parse_count(gone.group(2)) == n and
                      (not gone.group("at") or origin_place(gone.group("at"), here) == homes[i])), None) \
        if gone else None
    refill = _REFILLED_AFTER.search(said, gone.end()) if item_gone is not None else None
    if item_gone is None:
        gone = None
    if max([out.facts.get(k) or 0 for k in ("new_hires", "hired_poor_count", "referred_count")]) >= total or \
            (gone is None and re.search(r"[0-9一二两三四五六七八九十]+\s*个(?:人)?(?:里|中|当中)", said[m.end():])):
        return False            # counted already, or some of a group said by name again ("湘西的5个里有4个"): the groups
        # of those words (extract_people) read it
    other = float(sum(n for (_, n), h in zip(items, homes) if h[0].path[0] != here.path[0]))
    words = re.split(r"[。；;？?！!]", said[:m.start()])[-1]
    if not re.search(r"招|吸纳|介绍|送|输送|带|用了|在(?:厂|车间|基地|社)", words):
        return False
    for k in ("staff_total",):
        if out.facts.get(k) in {float(n) for _, n in items}:
            out.facts.pop(k)
    keys = ["referred_count"] if re.search(r"介绍|送|输送|带", words) and not re.search(r"招|吸纳", words) else \
        ["new_hires"] + (["hired_poor_count"] if re.search(r"脱贫|贫困|建档", words) else [])
    left = _LEFT_MORE.search(said, m.end())
    n_left = float(nz.parse_count(left.group(1)) or 0) if left else 0.0
    months_left = nz.parse_duration_months(left.group(2)) if left else None
    for k in keys:
        out.facts[k] = total + n_left
    if other and other < total:
        out.facts["home_province"] = "本省"
        for bid, b in default_policies().benefits.items():
            if any(getattr(c, "fact", None) == "home_province" for c in b.eligibility):
                out.counted_not[bid] = [other, OUT_OF_PROVINCE_FULL]
    dated = [d for d in nz.dates_in(words, as_of)]
    if dated and gone is not None:
        since = float(dated[-1][2])
        n_gone = float(nz.parse_count(gone.group(3)) or 0)
        came = [d for d in nz.dates_in(refill.group(0), as_of)] if refill else []
        n_came = float(nz.parse_count(refill.group("n")) or 0) if refill else 0.0
        if 0 < n_gone < items[item_gone][1]:
            # (those who left are no hires now; those taken on in their place are, at their own months)
            for k in keys:
                out.facts[k] = total - n_gone + (n_came if came else 0)
            out.group_months = [(total - n_gone, since)] + ([(n_came, float(came[-1][2]))] if came and n_came else [])
            out.origin_groups = [(n - (n_gone if i == item_gone else 0), h[0].full_name)
                                 for i, ((_, n), h) in enumerate(zip(items, homes))]
            out.facts["months_employed"] = out.facts["months_since_employment"] = since
            return True
    if dated and n_left and months_left is not None:
        since = float(dated[-1][2])
        out.group_months = [(total, since), (n_left, float(months_left))]
        out.facts["months_employed"] = since
        out.facts["months_since_employment"] = since
    elif dated:
        out.facts["months_employed"] = out.facts["months_since_employment"] = float(dated[-1][2])
    return True


# "另外还有两个贵州松桃过来的贫困户，也干了一年多": more of a unit's people, from another province
_FROM_ELSEWHERE = re.compile(r"(?:另外|此外|还有|另)(?:还有|还)?(?:有|(?:招|雇|收|用|请)(?:了)?)?\s*([0-9一二两三四五六七八九十]+(?=\s*个)|俩|仨)\s*(?:个)?(?:人)?(?:是)?(?:从)?"
                             r"([\u4e00-\u9fff]{2,8}?)(?:过来|来|那边来|那边过来)?的(?:[^，。,；;？?0-9]{0,6}?)"
                             r"(?:贫困户|建档立卡|脱贫户|贫困劳动力)")


def _out_of_the_provinces_own(out: Extracted, n: float) -> None:
    """n of a unit's people are from another province: the others are the province's own (home_province), and those n
    are out of the count of each benefit for the province's own 建档立卡."""
    out.facts["home_province"] = "本省"
    for bid, b in default_policies().benefits.items():
        if any(getattr(c, "fact", None) == "home_province" for c in b.eligibility):
            out.counted_not.setdefault(bid, [n, OUT_OF_PROVINCE_FULL])


def _other_province_group(out: Extracted, said: str, as_of: dt.date | None = None, home_place: str | None = None) -> None:
    """More of a unit's people said after the others, from another province than the unit's ("本县的…另外还有两个贵州松桃
    过来的贫困户，也干了一年多"): in the head-count, with their own months, and out of each benefit for the province's own
    建档立卡 (Profile.counted_not); the others are the province's own."""
    m = _FROM_ELSEWHERE.search(said)
    if not m and out.place and out.group_months and \
            not any(str(v[1]).startswith(OUT_OF_PROVINCE) for v in out.counted_not.values()):
        _other_province_group_counted(out, said)
    if not m or not (out.place or home_place):
        return
    gaz = default_gazetteer()
    here, home = gaz.resolve(out.place or home_place).place, gaz.find_all(m.group(2))
    n = 2.0 if m.group(1) == "俩" else 3.0 if m.group(1) == "仨" else nz.parse_count(m.group(1))
    if not n or here is None or not home or home[0].path[0] == here.path[0]:
        return
    if not out.group_months and not out.place and \
            not re.search(r"[0-9一二两三四五六七八九十]+\s*个", said[:m.start()]) and \
            not any(k in out.facts for k in ("new_hires", "hired_poor_count", "referred_count")):
        # "对了差点忘了 还有俩贵州来的建档立卡户…他俩能算进去不" after the unit's people were counted: more of them,
        # out of the province's own benefits
        out.more_people = float(n)
        out.facts["new_hires"] = out.facts["hired_poor_count"] = float(n)
        out.people_from = None                  # (theirs, not the unit's people's)
        _out_of_the_provinces_own(out, float(n))
        out.facts.pop("home_province", None)    # (the others stay who they were)
        for k in ("contract_months", "labor_contract_signed", "insurance_paid"):
            out.facts.pop(k, None)              # (theirs, not the unit's others')
        return
    if not out.group_months:
        # "前年十月招了七个湖南本省的建档立卡贫困户…另外还招了两个贵州过来的贫困户": one time for all; the others are
        # in the head-count (added when it is the first group's alone) and out of the province's own benefits
        first = [nz.parse_count(x.group(1)) for x in re.finditer(r"([0-9一二两三四五六七八九十]+)\s*个", said[:m.start()])]
        if len(first) != 1 or not first[0]:
            return
        for k in ("new_hires", "hired_poor_count"):
            if out.facts.get(k) == first[0]:
                out.facts[k] = first[0] + n
        if not any(out.facts.get(k) == first[0] + n for k in ("new_hires", "hired_poor_count")):
            return
        _out_of_the_provinces_own(out, float(n))
        return
    clause = re.split(r"[。；;？?！!]", said[m.end():])[0]
    d = next((x for x in _DURATION_RE.finditer(clause) if not _month_of_year(clause, x)), None)
    months = nz.parse_duration_months(d.group(0)) if d else None
    # ("另外还有3个贵州来的建档立卡户，去年3月进厂的": the months since the date they came, not 3 months)
    came = next((x for x in nz.dates_in(clause, as_of or dt.date.today())
                 if re.match(r"(?:就|才|刚)?(?:进来|进厂|进|来|招|上岗|到岗|上班)", clause[x[1]:])), None)
    if came is not None and d is None:
        months = came[2]
    total = sum(g for g, _ in out.group_months)
    if (float(n), float(months or 0)) in {(float(g), float(mo)) for g, mo in out.group_months}:
        total = -1          # (the group is among those read by their time already: not added again)
    elif months is not None:
        out.group_months = list(out.group_months) + [(float(n), float(months))]
    for k in ("new_hires", "hired_poor_count"):
        if out.facts.get(k) == total:
            out.facts[k] = total + n
    _out_of_the_provinces_own(out, float(n))


# "贵州松桃那边过来的建档立卡2个也一样签合同": a group of the unit's people, from a place said before its count
_GROUP_FROM = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:那边|那块|那里)?(?:过来|来)?的(?:建档立卡|贫困户|脱贫户|贫困劳动力)?(?:的)?"
                         r"[^，。,；;？?0-9一二两三四五六七八九十]{0,4}?([0-9一二两三四五六七八九十]+)\s*个")


def went_to(said: str, m: re.Match) -> bool:
    """The place of a group said as where they went ("介绍到浙江宁波电子厂的5个"), not where they are from (_GROUP_FROM)."""
    return bool(re.match(r"(?:介绍|送|派)?(?:到|去|在|进)", m.group(1)) or re.search(r"(?:到|去|在|进)$", said[:m.start(1)]))


def _other_province_group_counted(out: Extracted, said: str) -> None:
    """A group already counted by its time, said to be from another province than the unit's: out of each benefit
    for the province's own 建档立卡 (Profile.counted_not)."""
    gaz = default_gazetteer()
    here = gaz.resolve(out.place).place
    for m in _GROUP_FROM.finditer(said):
        if went_to(said, m):
            continue
        home = gaz.find_all(m.group(1))
        n = nz.parse_count(m.group(2))
        # (the group with the time said of it right there: "贵州的2个都干了一年半", not another group of as many)
        clause = re.split(r"[。；;？?！!]", said[m.end():])[0]
        times = {float(nz.parse_duration_months(d.group(0)) or 0) for d in _DURATION_RE.finditer(clause)
                 if not re.match(r"(?:的)?(?:劳动)?合同", clause[d.end():])}
        if here is None or not home or home[0].path[0] == here.path[0] or \
                not n or not any(g == n and mo in times for g, mo in out.group_months):
            continue
        _out_of_the_provinces_own(out, float(n))
        return


_N_ = r"([0-9一二两三四五六七八九十]+)"


def _batches_by_time(out: Extracted, said: str, marks: list) -> bool:
    """"头一批10个建档立卡贫困户去广东…干了7个月；第二批6个建档立卡户去浙江…干了4个月；第三批4个不是建档立卡的普通农户
    …干了一年": batches sent, each with its head-count, who they are and how long they have worked; the 建档立卡 ones
    by their months (Profile.group_months), the others in no count of the 建档立卡. True when read."""
    groups, others = [], 0.0
    for i, mk in enumerate(marks):
        seg = said[mk.end():marks[i + 1].start() if i + 1 < len(marks) else len(said)]
        seg = re.split(r"[。？?]", seg)[0]
        size = re.search(rf"{_N_}\s*(?:个|名|位)(?!月)", seg)
        n = nz.parse_count(size.group(1)) if size else None
        d = next((x for x in _DURATION_RE.finditer(seg) if _GROUP_WORKED.search(seg[:x.start()]) and
                  not re.match(r"(?:的)?(?:劳动)?合同", seg[x.end():])), None)
        if not n or d is None:
            return False
        if re.search(r"不是(?:建档立卡|贫困|脱贫)|普通|一般|非贫困", seg):
            others += n
            continue
        if not re.search(r"建档立卡|贫困|脱贫", seg):
            return False
        groups.append((float(n), float(nz.parse_duration_months(d.group(0)))))
    if len(groups) < 2 or len({m for _, m in groups}) < 2:
        return False
    out.group_months = groups
    poor_total = sum(n for n, _ in groups)
    key = "referred_count" if out.facts.get("employer_type") == "人力资源服务机构" or \
        re.search(r"介绍|输送|组织|送", said) else "new_hires"
    for k in ("new_hires", "referred_count", "hired_poor_count", "hired_poor_low_income_count"):
        out.facts.pop(k, None)
    out.facts[key] = out.facts["hired_poor_count"] = poor_total
    longest = max(m for _, m in groups)
    out.facts["months_employed"] = out.facts["months_since_employment"] = longest
    return True


# people sent to two places or more, each place its own count ("送去 广东东莞 12个 都是建档立卡的 其中9个 干满了半年以上 3个
# 干了2个月 就跑了  送去 长沙 8个 5个是建档立卡 3个是普通农户 这8个 都干了8个多月")
_SENT_TO = re.compile(r"(?:送去|送到|输送到|输送去|介绍到|介绍去|派到|派去)\s*([\u4e00-\u9fff]{2,8}?)\s*"
                      r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?!月)")
_TIMED_PART = re.compile(r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?\s*(?:都|也)?\s*(?:稳定)?(?:干|做)(?:满|了|够)*\s*"
                         r"((?:[0-9]+|[一二两三四五六七八九十半]+)\s*(?:个)?(?:多)?(?:月|年)(?:多)?|半年)")


def _sent_to_places(out: Extracted, said: str) -> bool:
    """An agency's people said place by place, each place's count with who of them are 建档立卡 and how long each part
    has worked: the 建档立卡 of each place by their months (Profile.group_months), the others in no count of the
    建档立卡. True when read."""
    marks = list(_SENT_TO.finditer(said))
    if len(marks) < 2:
        return False
    groups, poor_total = [], 0.0
    for i, mk in enumerate(marks):
        seg = said[mk.end():marks[i + 1].start() if i + 1 < len(marks) else len(said)]
        seg = re.split(r"[？?]|请问|想问|问一下", seg)[0]
        n = nz.parse_count(mk.group(2))
        some = re.search(rf"{_N_}\s*(?:个|名|位)\s*(?:是|都是)?\s*(?:建档立卡|贫困户|脱贫户)", seg)
        if re.search(r"(?:都|全)是\s*(?:建档立卡|贫困|脱贫)", seg):
            p = n
        elif some:
            p = nz.parse_count(some.group(1))
        else:
            return False
        if not n or not p or p > n:
            return False
        parts = [(nz.parse_count(x.group(1)), nz.parse_duration_months(x.group(2)), x) for x in _TIMED_PART.finditer(seg)]
        if any(c is None or mo is None for c, mo, _ in parts) or not parts:
            return False
        whole = [mo for c, mo, x in parts if c == n and (len(parts) == 1 or re.search(r"(?:这|那)\s*$", seg[:x.start()]))]
        if whole:
            groups.append((float(p), float(whole[0])))
        elif sum(c for c, _, _ in parts) == p == n:
            groups += [(float(c), float(mo)) for c, mo, _ in parts]
        else:
            return False
        poor_total += p
    if len(groups) < 2 or len({mo for _, mo in groups}) < 2:
        return False
    out.group_months = groups
    for k in ("new_hires", "referred_count", "hired_poor_count", "hired_poor_low_income_count"):
        out.facts.pop(k, None)
    out.facts["referred_count"] = out.facts["hired_poor_count"] = poor_total
    out.facts["months_employed"] = out.facts["months_since_employment"] = max(mo for _, mo in groups)
    return True


def _batches(out: Extracted, said: str, as_of: dt.date) -> bool:
    """Batches of people sent (or taken on) at different dates, each with its own 建档立卡 and those still there ("第一批
    3月初走的12个人其中建档立卡的8个 到现在建档立卡的还剩5个在厂里 走了的3个都是干了一两个月就跑了 第二批…"): the 建档立卡
    of each batch by how long they have worked (Profile.group_months), the others out of the count. True when read."""
    marks = list(_BATCH.finditer(said))
    if len(marks) < 2:
        return False
    if _batches_by_time(out, said, marks):
        return True
    groups, poor_total = [], 0.0
    for i, mk in enumerate(marks):
        seg = said[mk.end():marks[i + 1].start() if i + 1 < len(marks) else len(said)]
        dates = nz.dates_in(seg, as_of)
        size = re.search(rf"{_N_}\s*(?:个|名|位)", seg)
        if not dates or not size:
            return False
        months = float(dates[0][2])
        n = nz.parse_count(size.group(1)) or 0
        poor = re.search(rf"(?:其中|里(?:头|面)?(?:有)?)\s*(?:是)?(?:建档立卡|贫困户|脱贫户)[^0-9一二两三四五六七八九十，。]{{0,4}}?{_N_}\s*个|"
                         rf"(?:其中|里(?:头|面)?(?:有)?)\s*{_N_}\s*个(?:是)?(?:建档立卡|贫困户|脱贫户)", seg)
        p = nz.parse_count(poor.group(1) or poor.group(2)) if poor else (n if re.search(r"全是|都是", seg) and
                                                                          re.search(r"建档立卡|贫困|脱贫", seg) else None)
        if not p:
            return False
        stay = re.search(rf"(?:还剩|还有|剩下)\s*{_N_}\s*个|{_N_}\s*个(?:人)?\s*(?:都|也)?还在", seg)
        kept = nz.parse_count(stay.group(1) or stay.group(2)) if stay else (p if re.search(r"(?:都|也)(?:还)?在", seg) else None)
        if kept is None or kept > p:
            return False
        groups.append((float(kept), months))
        if kept < p:
            left = _LEFT.search(seg) or re.search(r"(?:干|做)了?\s*(一两|两三|三四|[0-9一二两三四五六七八九十]+)\s*个(?:多)?月"
                                                r"(?:就)?(?:跑|走|回)", seg)
            span = left.group(4) if left and left.re is _LEFT else left.group(1) if left else None
            gone = _SPAN_UPPER.get(span or "") or (nz.parse_count(span) if span else None)
            groups.append((float(p - kept), float(gone if gone is not None else 0)))
        poor_total += p
    out.group_months = groups
    key = "referred_count" if out.facts.get("employer_type") == "人力资源服务机构" or \
        re.search(r"介绍|输送|组织|送", said) else "new_hires"
    for k in ("new_hires", "referred_count", "hired_poor_count", "hired_poor_low_income_count", "staff_total"):
        out.facts.pop(k, None)
    out.facts[key] = out.facts["hired_poor_count"] = poor_total
    longest = max(m for _, m in groups)
    out.facts["months_employed"] = out.facts["months_since_employment"] = longest
    if "合同" not in said:
        out.facts.pop("contract_months", None)
    return True


def _came_before_count(said: str, at: int, as_of: dt.date) -> float | None:
    """"还有今年4月进来的本乡3个": the months since the date said before a count (at its position), when they came then."""
    before = said[max(0, at - 16):at]
    came = next((x for x in nz.dates_in(before, as_of)
                 if re.fullmatch(r"(?:就|才|刚)?(?:进来|进厂|进|来|招|上岗|到岗)的[^，。,；;？?0-9一二两三四五六七八九十]{0,4}",
                                 before[x[1]:]) or
                 # ("三月份进来4个签的一年合同": a month's date, the count right after its verb)
                 re.search(r"月", before[x[0]:x[1]]) and
                 re.fullmatch(r"(?:份)?(?:就|才|刚|又)?(?:进来|进厂|进来了)(?:有)?\s*", before[x[1]:])), None)
    return float(came[2]) if came is not None else None


_ARRIVED_THEN_COUNT = re.compile(r"(?:份|号|日|底|初)?\s*(?:以后|之后|后)?\s*(?:就|才|刚|又|还)?(?:来了|进来了?|到了|进厂了?|招了|又来了)\s*"
                                 r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)")


# one more of the count who stayed a short time ("还有1个是秋收时候来帮了一个来月的临时工"): (count, the time)
_SHORT_STAY = re.compile(r"还有\s*([0-9一二两三四五六七八九十]+)\s*个[^。；;？?0-9]{0,16}?(?:干|帮|做)(?:了)?\s*"
                         r"((?:[0-9一二两三四五六七八九十半]+|一)\s*个?(?:来|多)?月)")


def _arrived_by_dates(out: Extracted, said: str, as_of: dt.date) -> bool:
    """A unit's people said by the dates they came ("其中5个前年就来了一直干到现在，2个是今年五一以后来的"): each group's
    months since its date, when they are two or more and make up the head-count."""
    groups, counted_after = [], []
    for start, end, months in nz.dates_in(said, as_of):
        count = re.search(r"([0-9一二两三四五六七八九十]+)\s*个(?:人)?(?:是|都是)?(?:在)?\s*$", said[max(0, start - 10):start])
        # ("今年五一以后来的": the date read is 今年, its day after it)
        came = re.match(r"\s*(?:五一|国庆|春节|过完年|过年|开春|年后|[^，。,；;？?\s]{0,2}?月(?:份)?)?"
                        # ("8个是去年十月去的，4个是今年7月才去的": the ones an agency sent, by when they went)
                        r"(?:就|才|刚)?(?:以后|之后|后|底|初)?(?:就|才|刚)?(?:来|进|到厂|招|上班|开始干|去(?:的|了))",
                        said[end:end + 10])
        if count and came and nz.parse_count(count.group(1)):
            # ("还有一个前年来的，干了十个月就走了": the months worked before leaving, not the time since)
            gone = _GONE_AFTER.match(said[end:])
            left = nz.parse_duration_months(gone.group(1)) if gone else None
            groups.append((float(nz.parse_count(count.group(1))), float(left if left is not None else months)))
            continue
        # ("去年3月份来了5个 9月份来了4个 12月20号又来了3个": the count after the date and its coming)
        after = _ARRIVED_THEN_COUNT.match(said[end:end + 14])
        if after and nz.parse_count(after.group(1)):
            groups.append((float(nz.parse_count(after.group(1))), float(months)))
            counted_after.append(groups[-1][0])
    keys = [k for k in ("new_hires", "referred_count", "hired_poor_count") if k in out.facts]
    head = max([out.facts[k] for k in keys] or [0])
    if len(counted_after) >= 2 and len(counted_after) == len(groups) and head in counted_after:
        head = sum(counted_after)       # (the first group's count read as the head-count: all of them are)
        out.more_people = 0
    short = _SHORT_STAY.search(said)
    if short and len(groups) >= 2 and nz.parse_count(short.group(1)) and \
            sum(n for n, _ in groups) + nz.parse_count(short.group(1)) == head:
        # "…今年五一后来了1个，这几个都一直干着；还有1个是秋收时候来帮了一个来月的临时工": one of the count, there a
        # month or so
        stay = nz.parse_duration_months(short.group(2))
        if stay:
            groups.append((float(nz.parse_count(short.group(1))), float(stay)))
    if len(groups) < 2 or len({m for _, m in groups}) < 2 or not head or sum(n for n, _ in groups) != head:
        return False
    out.group_months = groups
    out.facts["months_employed"] = out.facts["months_since_employment"] = max(m for _, m in groups)
    for k in keys:              # (the whole, not the first group's count: "7个…5个是前年开春就来的")
        out.facts[k] = float(head)
    return True


_NEXT_COUNT = re.compile(r"(?<![0-9一二两三四五六七八九十])[0-9一二两三四五六七八九十]+\s*(?:个|名|位)(?!(?:多|半|来)?月)")


# a head-count said the northern way, 俩 two and 仨 three standing for a number of people ("还有仨也是建档立卡的",
# "另外俩是屯里一般户"): not "我俩"/"咱俩" (the speakers), not "俩月" (a length of time), not "俩个"/"俩人" (said already)
_SPOKEN_COUNT = re.compile(r"(?<![我你他她咱俺们0-9一二两三四五六七八九十])(俩|仨)(?![个月人年0-9一二两三四五六七八九十]|多月|半月)")


def _group_months(out: Extracted, said: str, as_of: dt.date) -> None:
    """Groups of a unit's people that have worked for different lengths of time: each group's head-count and months
    (Extracted.group_months), and the longest as the months worked, so that a benefit with a minimum time counts the
    groups that reach it (policies.evaluator: the others are out of its count)."""
    # (a count said with 俩/仨 read as the digits and 个 it stands for: the positions here are this function's own)
    said = _SPOKEN_COUNT.sub(lambda m: "2个" if m.group(1) == "俩" else "3个", said)
    if not any(k in out.facts for k in ("new_hires", "referred_count", "hired_poor_count", "hired_poor_low_income_count",
                                        "intern_count")):
        return
    if sent_batches(out, said, as_of) or sent_batches_by_length(out, said) or _sent_to_places(out, said) or _batches(out, said, as_of) or _origin_groups(out, said, as_of) or \
            _stayed_and_left(out, said, as_of) or \
            _named_one_by_one(out, said) or _arrived_by_dates(out, said, as_of):
        return
    groups: list[tuple[float, float]] = []
    ms = list(nz.COUNTED_GROUP.finditer(said))
    for i, m in enumerate(ms):
        n = nz.parse_count(m.group(1))
        seg = re.split(r"[。？?！!；;]", said[m.end():ms[i + 1].start() if i + 1 < len(ms) else len(said)])[0]
        # (up to the next head-count: "8个脱贫户去江苏…签了一年劳动合同 4个一般农民工… 还有5个…干了4个月": the 4 months
        # are the 5's)
        seg = _NEXT_COUNT.split(seg)[0]
        # "三个干了九个月", "2个两个月就走了" (the time right after the count)
        # (not the time of the next count, said before it: "9个，干满一年多的6个，还有3个…")
        d = next((x for x in _DURATION_RE.finditer(seg)
                  if (_GROUP_WORKED.search(seg[:x.start()]) or not seg[:x.start()].strip("都才只就 ")) and
                  not _month_of_year(seg, x) and not re.match(r"(?:的)?(?:劳动)?合同", seg[x.end():]) and
                  not (re.fullmatch(r"(?:多|了)?的\s*", seg[x.end():]) and
                       re.match(r"\s*[0-9一二两三四五六七八九十]+\s*(?:个|名|位)", said[m.end() + len(seg):]))), None)
        months = nz.parse_duration_months(d.group(0)) if d else None
        # "本村的5个去年8月进来的": the time since the date they came, when no length of time is said
        # (not the next group's date, said just before its count: "三月份进来4个签的一年合同，七月份进来3个…")
        came = next((x for x in nz.dates_in(seg, as_of) if d is None and
                     re.match(r"(?:就|才|刚)?(?:进来|进厂|进|来|招|上岗|到岗|上班)", seg[x[1]:]) and
                     not (i + 1 < len(ms) and seg == said[m.end():ms[i + 1].start()] and
                          re.fullmatch(r"(?:就|才|刚|又|还)?(?:进来|进厂|进|来|招|上岗|到岗|上班)(?:了|的)?\s*",
                                       seg[x[1]:]))), None)
        if came is not None:
            months = came[2]
        if months is None:
            months = _came_before_count(said, m.start(1), as_of)
        if n and months is not None:
            groups.append((float(n), float(months)))
    if groups:
        # "还有今年4月进来的本乡3个，也签了合同": a count with no time after it, the date it came before it
        starts = {m.start(1) for m in ms}
        for x in re.finditer(r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)", said):
            if x.start(1) in starts:
                continue
            months = _came_before_count(said, x.start(1), as_of)
            if months is None and re.match(r"\s*[，,]\s*都", said[x.end():]):
                # "本村建档立卡贫困户7个，都是去年就来了，到现在干了一年多": the time said of all of them after the count
                seg = re.split(r"[。；;？?！!]|[0-9一二两三四五六七八九十]+\s*(?:个|名|位)", said[x.end():])[0]
                d = next((y for y in _DURATION_RE.finditer(seg) if _GROUP_WORKED.search(seg[:y.start()]) and
                          not _month_of_year(seg, y)), None)
                months = nz.parse_duration_months(d.group(0)) if d else None
            if months is None and re.match(r"\s*[，,]", said[x.end():]) and \
                    re.search(r"(?:户|劳动力|贫困人口|员工|工人)\s*$", said[max(0, x.start() - 3):x.start()]):
                # "招了本县的建档立卡贫困户5个，合同签的三年，社保都交了 到现在都在岗一年多了": the count closing its clause,
                # its time in the clauses after it, before the next count
                seg = _NEXT_COUNT.split(re.split(r"[。；;？?！!]", said[x.end():])[0])[0]
                d = next((y for y in _DURATION_RE.finditer(seg) if _GROUP_WORKED.search(seg[:y.start()]) and
                          not _month_of_year(seg, y) and not re.match(r"(?:的)?(?:劳动)?合同", seg[y.end():])), None)
                months = nz.parse_duration_months(d.group(0)) if d else None
            if months is not None and nz.parse_count(x.group(1)):
                groups.append((float(nz.parse_count(x.group(1))), float(months)))
    # ("…有两个只干了两个月就回来了…其他人每次都干满了半年以上": the rest of those said, with their own time)
    whole = max([out.facts[k] for k in ("new_hires", "referred_count", "hired_poor_count") if out.facts.get(k)] or [0])
    rest = _REST_WORKED.search(said) if len(groups) == 1 and whole > groups[0][0] else None
    if rest:
        d = next(iter(_DURATION_RE.finditer(rest.group(1))), None)
        months = nz.parse_duration_months(d.group(0)) if d else None
        if months is not None and months != groups[0][1]:
            groups = groups + [(float(whole - groups[0][0]), float(months))]
    first = groups
    if True:        # (by the dates said too: the reading that counts more people stands)
        found = {}          # by where the count is said
        year_only = set()   # of a year alone ("今年招了6个…老王、老李4月1号来的"): the whole, when the others are its parts
        dated = nz.dates_in(said, as_of)
        for start, end, months in dated:
            if not re.search(r"月|春|夏|秋|冬|初|底|礼拜|星期|周|过完年|过年|年中|半年", said[start:end]):
                m = _GROUP_TAKEN.match(said[end:])
                if m:
                    year_only.add(end + m.start(1))
            if not re.search(r"月|春|夏|秋|冬|初|底|礼拜|星期|周|过完年|过年|年中|半年", said[start:end]) and \
                    not (len(dated) > 1 and re.match(r"[还又也再]?(?:送|招|介绍|带)", said[end:])) and \
                    not re.match(r"才(?:进|来|到|招|上|去)", said[end:]):
                continue        # a year alone ("今年免费介绍了20个人") dates everyone, not a group; unless another group is
                # dated too ("上礼拜送了15个…另外前年还送了8个"), or a group said to have come only then ("5个是今年才进厂的")
            m = _GROUP_TAKEN.match(said[end:]) or _CAME_THEN_COUNT.match(said[end:])   # "去年10月招了3个", "八月来的就一个"
            if m and nz.parse_count(m.group(1)):
                found[end + m.start(1)] = (float(nz.parse_count(m.group(1))), float(months))
            # "还有一个前年来的，干了十个月就走了": the months worked before leaving, not the time since the date
            gone = _GONE_AFTER.match(said[end:])
            count = re.search(r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?(?:是)?\s*$", said[max(0, start - 8):start])
            if gone and count and nz.parse_count(count.group(1)) and nz.parse_duration_months(gone.group(1)):
                found[max(0, start - 8) + count.start(1)] = (float(nz.parse_count(count.group(1))),
                                                             float(nz.parse_duration_months(gone.group(1))))
            # "老王、老李4月1号来的": persons named, the count of their names
            names = re.search(r"(?:(?:老|小|大)[\u4e00-\u9fff][、和跟]){1,5}(?:老|小|大)[\u4e00-\u9fff](?:两个|俩|他们)?\s*$",
                              said[max(0, start - 20):start])
            if names and re.match(r"[^，。,；;？?]{0,4}?(?:来|招|进|上岗|上班|到岗)", said[end:]):
                found[max(0, start - 20) + names.start()] = (float(len(re.findall(r"(?:老|小|大)[\u4e00-\u9fff]",
                                                                               names.group(0)))), float(months))
            # "2个今年春天才来", "两个建档立卡贫困户前年开春就来了"
            m = re.search(r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?(?:是)?(?:[^，。,；;？?0-9一二两三四五六七八九十]{2,8}?"
                          r"(?:户|人|劳动力|工人|员工))?\s*$", said[max(0, start - 16):start])
            if m and nz.parse_count(m.group(1)) and re.match(r"[^，。,；;？?]{0,4}?(?:来|招|进|上岗|上班|到岗)", said[end:]):
                # (not over the months worked before leaving, read just above: "一个去年秋天来的 没干俩月就走了")
                found.setdefault(max(0, start - 16) + m.start(1), (float(nz.parse_count(m.group(1))), float(months)))
            # "3个建档立卡贫困户从2024年5月一直干到现在": the group, its class, since then
            m = re.search(r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?[^，。,；;？?0-9]{0,8}?(?:从|自)\s*$",
                          said[max(0, start - 16):start])
            if m and nz.parse_count(m.group(1)) and re.match(r"(?:开始)?(?:就)?(?:一直)?(?:干|做|上班|在)(?:到|着)?", said[end:]):
                found.setdefault(max(0, start - 16) + m.start(1), (float(nz.parse_count(m.group(1))), float(months)))
        for m in _WORKED_THEN_COUNT.finditer(said):     # "干了一年多的是五个": the time, then the count
            d, n = nz.parse_duration_months(m.group(1)), nz.parse_count(m.group(2))
            if d is not None and n:
                found.setdefault(m.start(2), (float(n), float(d)))
        for m in _MONTH_CAME_COUNT.finditer(said):      # "八月来的就一个": a month of this year (or the last)
            mo, n = nz.parse_count(m.group(1)), nz.parse_count(m.group(2))
            if mo and 1 <= mo <= 12 and n and not re.search(r"年\s*$", said[max(0, m.start() - 2):m.start()]):
                found.setdefault(m.start(2), (float(n), float((as_of.month - int(mo)) % 12)))
        for m in ms:                                    # "4个在社里稳定干了一年多了" beside them
            if m.start(1) not in found:
                # (or in the clause right after it: "另外从绥棱县过来的建档立卡户2个，也干了一年多了")
                seg = re.split(r"[，,。？?！!；;]", re.sub(r"^[，,]\s*(?=(?:也|都|才|已经|一直)?(?:干|做))", "",
                                                          said[m.end():]))[0]
                # ("另外四个两三个月就回来了": the time they stayed, said before they left)
                d = next((x for x in _DURATION_RE.finditer(seg) if _GROUP_WORKED.search(seg[:x.start()]) or
                          not seg[:x.start()].strip("都才只就 ") and
                          re.match(r"\s*(?:就|便|后)?(?:回来|回家|走|跑|不干|辞)", seg[x.end():])), None)
                if d and found:
                    found[m.start(1)] = (float(nz.parse_count(m.group(1))), float(nz.parse_duration_months(d.group(0))))
        for k in sorted(found):
            # "前年开春招了4个…其中3个一直干到现在…还有1个是今年七月份才来的": the group is the ones who stayed, and the
            # one said later to have come only then is the rest of the four
            stay = _STAYED_OF_GROUP.match(said[k:])
            n, mo = found[k]
            m_ = nz.parse_count(stay.group(1)) if stay else None
            if m_ and m_ < n and any(kk > k and found[kk][0] == n - m_ and found[kk][1] < mo for kk in found):
                found[k] = (float(m_), mo)
        for k in year_only & set(found):
            others = sum(v[0] for kk, v in found.items() if kk != k)
            if others and found[k][0] >= others:
                del found[k]
        keys = sorted(found)
        for i, k in enumerate(keys):
            # "去年八月招了6个…其中一个做了十个月走了": some of the group said before, not more people
            if i and re.search(r"(?:其中|里头|里面|里边|当中|中间)(?:有)?\s*$", said[max(0, k - 4):k]):
                prev = next((kk for kk in reversed(keys[:i]) if found[kk][0] > found[k][0]), None)
                if prev is not None:
                    found[prev] = (found[prev][0] - found[k][0], found[prev][1])
        for k in sorted(found):
            # "7月份还介绍了6个脱贫户去苹果园当季节工，4个干满了4个月，2个干了俩月就回来了": the dated group is the parts
            # that follow it in its sentence, each with its own time
            end = min([said.find(c, k) for c in "。；;？?！!" if said.find(c, k) >= 0] or [len(said)])
            parts = [kk for kk in sorted(found) if k < kk < end]
            if k in found and len(parts) >= 2 and sum(found[kk][0] for kk in parts) == found[k][0] and \
                    all(found[kk][1] <= found[k][1] for kk in parts):
                del found[k]
        by_date = [found[k] for k in sorted(found)]
        # ("两个建档立卡贫困户前年开春就来了一直干到现在，还有一个贫困户今年8月份才来": the groups by their dates hold
        # the two of 前年, which no length of time follows)
        most = max([out.facts[k] for k in ("new_hires", "referred_count", "hired_poor_count", "staff_total",
                                           "intern_count") if out.facts.get(k)] or [float("inf")])
        groups = by_date if len(first) < 2 or (len(by_date) >= 2 and sum(n for n, _ in first) <
                                               sum(n for n, _ in by_date) <= most) else first
    untimed = 0.0
    by_part, left = _parts_with_time(said)
    total_said = max([out.facts[k] for k in ("new_hires", "referred_count", "hired_poor_count", "staff_total")
                      if out.facts.get(k)] or [0])
    if len(by_part) >= 2 and (len(by_part) > len(groups) or
                              len(by_part) == len(groups) and sum(n for n, _ in by_part) > sum(n for n, _ in groups)) and \
            (not total_said or sum(n for n, _ in by_part) + left <= total_said or len(groups) < 2 or
             total_said in {n for n, _ in by_part}):
        # (each part's own time, said after its contract: the reading that holds more of the groups)
        groups, untimed = by_part, left
    said_total = max([out.facts[k] for k in ("new_hires", "referred_count", "hired_poor_count",
                                             "hired_poor_low_income_count", "intern_count") if k in out.facts] or [0])
    if out.facts.get("hired_poor_count") in {n for n, _ in groups} and said_total == out.facts.get(
            "hired_poor_low_income_count"):
        # ("招了5个建档立卡…今年5月又招了2个建档立卡的；还有1个是低保户": the 6 of 5 poor and 1 low-income is no total of
        # the groups of the poor)
        said_total = out.facts["hired_poor_count"]
    # (groups that add up to more than a total said of its own, "介绍了20个人：…", are not these groups)
    # (a total that is the sum of some of the groups was read from their counts, not said: "本村的5个…贵州那边过来的2个…
    # 还有今年4月进来的本乡3个" is read as 7 before the third group is seen)
    sums = {sum(n for n, _ in c) for k in range(2, len(groups)) for c in itertools.combinations(groups, k)}
    if len(groups) < 2 or len({mo for _, mo in groups}) < 2 or \
            0 < said_total < sum(n for n, _ in groups) and said_total not in {n for n, _ in groups} | sums:
        return
    total = sum(n for n, _ in groups)
    if out.facts.get("referred_count") and out.facts.get("seasonal_referred_count") and \
            out.facts["referred_count"] in {n for n, _ in groups} and out.facts["referred_count"] < total:
        return                  # ("介绍了6个…都签的一年合同…又介绍了4个…干季节工": the two kinds, each its own count)
    out.group_months = groups
    was = out.facts.get("new_hires")
    said_counts = {nz.parse_count(x) for x in re.findall(r"([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位)(?!月)", said)}
    # (a part of the count named by its number, the groups within it: "招了8个…湖南那6个里头有4个…另外2个…")
    named_part = {nz.parse_count(x) for x in re.findall(r"(?:那|这)\s*([0-9一二两三四五六七八九十百]+)\s*个(?:人)?\s*(?:里头|里面|里边|"
                                                        r"当中|中间|之中|里)", said)}
    seasonal_only = out.facts.get("seasonal_referred_count") in {total + untimed} | {n for n, _ in groups} and \
        (out.facts.get("referred_count") or 0) > total + untimed
    # ("脱贫户12个…签的一年劳动合同；脱贫户8个去新疆摘棉花，季节工…；还有6个…签了一年合同": the groups are both kinds,
    # each kind counted apart already)
    both_kinds = bool(out.facts.get("referred_count") and out.facts.get("seasonal_referred_count")) and \
        abs(out.facts["referred_count"] + out.facts["seasonal_referred_count"] - total - untimed) < 0.5
    for k in ("new_hires", "referred_count", "hired_poor_count", "intern_count"):
        if (seasonal_only or both_kinds) and k == "referred_count":
            continue            # (the groups are the seasonal placements; the contract ones are counted apart)
        if k in ("new_hires", "hired_poor_count") and out.facts.get("intern_count") == total + untimed and \
                "见习" in said:
            continue            # (the groups are the interns'; hires said beside them are counted apart)
        if k in out.facts and out.facts[k] < total + untimed:
            out.facts[k] = total + untimed  # "招了5个…三个干了九个月、两个…": all five, not the first group
        elif k in out.facts and out.facts[k] > total + untimed and total + untimed in said_counts and \
                total + untimed not in {n for n, _ in groups} and total + untimed not in named_part and \
                out.facts[k] - total - untimed in {sum(c) for r in range(1, len(groups) + 1)
                                                   for c in itertools.combinations([n for n, _ in groups], r)}:
            # ("招了10个建档立卡贫困户：湘西来的5个…；贵州来的2个…；还有3个…": the groups are the 10 said, not 10 more)
            out.facts[k] = total + untimed
    whole = max([out.facts.get(k) or 0 for k in ("new_hires", "hired_poor_count")])
    if total + untimed in named_part and whole > total + untimed and whole in said_counts:
        # (the groups are of a part named by its number, "招了8个…湖南那6个里头有4个…另外2个": the 8 are the count)
        for k in ("new_hires", "hired_poor_count"):
            if k in out.facts:
                out.facts[k] = whole
    short = _NAMED_AGAIN_SHORT.search(said)
    n_short = nz.parse_count(short.group(2)) if short else None
    if was and short and (was < total and n_short == total - was or
                          # ("3月招了5个…都签的一年合同 七月份又招了两个脱贫户签的半年": the 7 counted, 2 of them short)
                          was == total and n_short in {n for n, _ in groups} and n_short < total) and \
            (nz.parse_duration_months(short.group(3)) or 12) < 12 and out.place:
        # "3月份来的4个签的一年合同，9月份来的3个只签了半年": the 4 were the count of a year's contract; the 3 now in it
        # by their months are out of each benefit that asks for a contract of a year
        docs = {d.id for d in default_gazetteer().resolve(out.place).documents}
        for bid, b in default_policies().benefits.items():
            if b.document.id in docs and any(getattr(c, "fact", None) == "contract_months" for c in b.eligibility):
                out.counted_not.setdefault(bid, [float(total - was), f"只签了{short.group(3)}"])
    seasonal = out.facts.get("seasonal_referred_count")
    if seasonal and seasonal < total and seasonal in {n for n, _ in groups} and \
            out.facts.get("employer_type") == "人力资源服务机构" and "referred_count" not in out.facts and \
            re.search(r"进厂|进了厂|工厂|进企业|上班", said):
        # "组织了22个…去浙江嘉兴进厂：14个…干了6个月以上；5个去摘葡萄…": all of them placed, the seasonal ones a part
        out.facts["referred_count"] = total
    elif seasonal and seasonal < total and seasonal in {n for n, _ in groups} and not both_kinds and \
            out.facts.get("referred_count") != total:
        # "10个去采茶干了4个月，另外4个干了两个月就回来了": the seasonal placements are both groups
        out.facts["seasonal_referred_count"] = total
    if not re.search(r"合同|协议", said):
        out.facts.pop("contract_months", None)  # one group's short job ("2个干了三个月就回来了") is not everyone's contract
    longest = max(mo for _, mo in groups)
    out.facts["months_employed"] = longest
    out.facts["months_since_employment"] = max(longest, out.facts.get("months_since_employment") or 0)


def _parts_with_time(said: str) -> tuple[list[tuple[float, float]], float]:
    """A unit's people said part by part, each part its own sentence with one head-count and the time it worked
    ("花垣本地的4个，签了两年合同，干了14个月了，社保都交着；邵阳隆回县来的3个，也签两年，干了13个月…；贵州松桃过来的2个，
    也是建档立卡的；还有1个…干了8个月"): each part's count and months, and how many were said with no time (counted, no
    group of their own). A part whose count is all the others' ("招了10个建档立卡贫困户：…") is their total."""
    parts: list[tuple[float, float | None]] = []
    for part in re.split(r"[。；;：:？?！!]", said):
        counts = [x for x in re.finditer(r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?!多?月|半月|课时|小时|厂|公司|单位|"
                                         r"地方|车间|工地|活|基地|店|[^，,]{0,8}?(?:合作社|公司|企业|学校|机构|工厂|车间))",
                                         part)
                  if nz.parse_count(x.group(1))]
        if len(counts) == 2 and re.search(r"(?:其中|里头|里面|里边|当中)(?:有)?\s*$", part[:counts[1].start()]):
            counts = counts[:1]     # ("…的4个，签了合同干满一年了，但其中1个没做过失业登记": some of the part's own)
        if len(counts) != 1 or re.search(r"(?:那|这)\s*$", part[:counts[0].start()]) or \
                re.search(r"多少|几个|吗|啥|什么|怎么|咋|能不能|可不可以|给不给", part):
            continue            # (none, or more than one; a group named again, "贵州那两个为啥人家说不算"; a question,
            # "一个人一个月给多少")
        rest = part[counts[0].end():]
        times = [x for x in _DURATION_RE.finditer(rest)
                 if re.search(r"(?:干|做|上班|在岗|干满|干够|做满|来)(?:了|满|够)?$", rest[:x.start()])
                 and not _month_of_year(rest, x) and not re.match(r"(?:的)?(?:劳动)?合同", rest[x.end():])]
        n = float(nz.parse_count(counts[0].group(1)))
        if len(times) == 1 and nz.parse_duration_months(times[0].group(0)) is not None:
            parts.append((n, float(nz.parse_duration_months(times[0].group(0)))))
        elif not times:
            parts.append((n, None))
    whole, timed = sum(n for n, _ in parts), sum(n for n, mo in parts if mo is not None)
    parts = [(n, mo) for n, mo in parts if not (mo is None and n in (whole - n, timed))]
    return [(n, mo) for n, mo in parts if mo is not None], sum(n for n, mo in parts if mo is None)


# "其中有1个前年在别的厂已经享受过以工代训补贴", "这12个里头有3个今年已经领过求职补贴了": how many of a unit's people
_SOME_OF_THEM = re.compile(r"(?:有|其中|里头|里面|里边|当中|中间)\s*([0-9一二两三四五六七八九十]+\s*(?:个|名|位)|俩|仨)(?:人)?|"
                           # one of them by name ("其中老王前年在社区工厂已经享受过以工代训了")
                           r"(?:其中|里头|里面|里边|当中|中间|还有)(?:的)?\s*(?:有)?(?:个)?(?:老|小|大)[\u4e00-\u9fff]")


_OF_GROUP = re.compile(r"(这|那)?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?\s*(里头|里面|里边|当中|中间|之中|里)")


def _count_out(out: Extracted, said: str, m: re.Match, before: str, clause: str) -> None:
    """Some of the persons a unit counts already had a benefit: they are not counted for it, nor for the benefits it
    excludes for the same person (一个自然年度内…二者之一); the benefit's own no-repeat fact is not the unit's."""
    some = list(_SOME_OF_THEM.finditer(before))
    after = clause[len(before):]
    if not some:
        # "留下来的10个里面有2个，今年开年…别的中介介绍他们去过长沙，已经给那个中介补过一回了": the persons named at the
        # start of the sentence, clauses before
        start = max(said.rfind(c, 0, m.start()) for c in "。！!？?；;\n") + 1
        some = list(_SOME_OF_THEM.finditer(said[start:m.start()]))[:1]
        before = said[start:m.start()] if some else before
    if not some or nz.is_negated(said, m.start()):
        return
    n = nz.parse_count(some[-1].group(1)) if some[-1].group(1) else 1
    if not n:
        return
    policies = default_policies()
    start = max(said.rfind(c, 0, m.start()) for c in "。！!？?；;\n") + 1
    # (each one's own: "5个去年…领过一回…；另外有2个今年上半年别的…报过了" is last year's for the 5 only)
    last_year = bool(re.search(r"去年|前年|上一年|头一年|往年", said[start:m.end()]) and
                     not re.search(r"今年", said[start:m.end()]))
    if last_year:
        out.had_last_year = True
    # "这12个里头有3个": some of the group of 12 (the benefit that counts those 12), else of whoever is counted
    # (a bare 里 only after a head-count of an earlier message named again: "进电子厂那8个人里有3个"; not "其中6个脱贫户
    # …这6个里有1个", a part of this message's count)
    def groups_in(text: str) -> list:
        return [x for x in _OF_GROUP.finditer(text) if x.group(3) != "里" or
                x.group(1) and len(re.findall(rf"(?<![0-9一二两三四五六七八九十]){x.group(2)}\s*(?:个|名|位)", said)) <= 1]
    of = (groups_in(before[:some[-1].start() + 2]) or [None])[0]
    if of is None:              # (the group said further back in the sentence than the clause read)
        start = max(said.rfind(c, 0, m.start()) for c in "。！!？?；;\n") + 1
        of = (groups_in(said[start:m.start()]) or [None])[-1]
    group = nz.parse_count(of.group(2)) if of else None
    if group is None and (re.match(r"其中|里头|里面|当中", some[-1].group(0)) or
                          re.search(r"(?:其中|里头|里面|里边|当中)\s*$", before[:some[-1].start()])):
        # "介绍了7个脱贫户去江苏工厂，都签了…合同，其中2个人…领过一次性求职补贴了": of the 7 said before it in the sentence
        start = max(said.rfind(c, 0, m.start()) for c in "。！!？?；;\n") + 1
        at = said.find(some[-1].group(0), start)
        counts = list(re.finditer(r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?!月|小时|课时|多月|半月)", said[start:at])) \
            if at >= 0 else []
        if counts and (nz.parse_count(counts[-1].group(1)) or 0) > n:
            group = nz.parse_count(counts[-1].group(1))
    named = False
    # "有4个…已经把那个500块的求职补贴领了": the benefit said between 把 and the verb
    held = re.search(r"把([^，。,；;？?]{1,16})$", before)
    for bid, words in default_catalogue().benefit_words.items():
        if words is None or bid not in policies.benefits or \
                not (words.search(after) or (held and words.search(held.group(1)))):
            continue
        named = True
        ids = [bid] + [o for o, _scope, _q in policies.exclusive_partners(bid)]
        sentence = said[max(said.rfind(c, 0, m.start()) for c in "。！!？?；;\n") + 1:m.start()]
        if re.search(r"合同|协议", sentence) and not re.search(r"季节", sentence):
            # ("6个人…签了一年合同，不过其中老张…领过…求职补贴": one of the contract placements, not of the seasonal ones)
            from policies.evaluator import benefit_count_fact
            ids = [i for i in ids if i not in policies.benefits or
                   benefit_count_fact(policies.benefits[i]) != "seasonal_referred_count"]
        out.counted_out_pending.append((ids, n, group, last_year))
        if bid.endswith("work_for_training"):
            out.facts.pop("had_work_for_training_before", None)
    if not named and re.search(r"(?:给|帮)[^，。,；;？?]{0,8}?(?:补|报|领)过|(?:补|报|领|拿)过一(?:回|次)|"
                               # ("那家公司已经领过这俩人的补贴了")
                               r"(?:领|拿|享受|报)(?:过|了)(?:他|她|他们|(?:这|那)(?:俩|仨|[0-9一二两三四五六七八九十]+\s*个)(?:人)?)?"
                               r"(?:的)?(?:这个|那个|这笔|那笔)?"
                               r"(?:[0-9一二两三四五六七八九十百]+\s*(?:块|元)|补贴|补助|钱)", clause):
        # "已经给那个中介补过一回了": no benefit named, the one asked about (Extracted.counted_out_topic)
        out.counted_out_topic.append((n, group, last_year))


_OF_THE_COUNTED = re.compile(r"(?:这|那)?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?\s*(?:里面|里头|里边|当中|中间|之中|里)(?:有)?")


def _away_and_elsewhere(unit, from_groups: list) -> tuple[float, float]:
    """How many of a unit's people said by where they are from are of another province, and how many of another
    county (or city) of the unit's province."""
    gaz = default_gazetteer()
    away = elsewhere = 0.0
    for n, where in from_groups:
        found = gaz.find_all(where)
        if found and found[0].path[0] != unit.path[0]:
            away += n
        elif found and len(unit.path) >= 3 and (len(found[0].path) >= 3 and found[0].path[2] != unit.path[2] or
                                                len(found[0].path) == 2 and found[0].path[1] != unit.path[1]):
            elsewhere += n      # of the province, another county (or city: "2个是衡阳过来的" at a unit in 湘西)
    return away, elsewhere


def origin_clauses(out: Extracted, said: str, from_groups: list) -> None:
    """"邵阳隆回的8个，签了三年合同…都干了一年多了；贵州铜仁过来的5个，…合同社保都一样；还有湘西花垣的3个，干了半年就
    回去了": groups by where they are from, each in a clause of its own with its own time or contract; no total said.
    All of them are the unit's hires: each group at its months (one "一样" as the group before it); a group on a
    contract shorter than a year out of each benefit that asks for one ("崔家头镇过来的3个签的8个月")."""
    if len(from_groups) < 2 or out.group_months:
        return
    total = sum(n for n, _ in from_groups)
    counted = max([out.facts.get(k) or 0 for k in ("new_hires", "hired_poor_count")])
    if not counted or counted >= total or counted not in {n for n, _ in from_groups}:
        return
    starts = []
    for n, where in from_groups:
        num = {1: "(?:1|一)", 2: "(?:2|两|二)"}.get(int(n), "") + r"[0-9一二两三四五六七八九十]*\s*个"
        m = re.search(re.escape(where) + r"[^，。,；;？?]{0,6}?的\s*" + num, said) or \
            re.search(r"(?<![0-9一二两三四五六七八九十])" + num + re.escape(where) + r"(?:来的|过来的|的)", said)  # ("5个邵阳的")
        if m is None:
            return
        starts.append(m.end())
    if starts != sorted(starts):
        return
    worked, contracts, last, last_c = [], [], None, None
    for i, (n, _) in enumerate(from_groups):
        clause = said[starts[i]:(starts[i + 1] if i + 1 < len(starts) else len(said))]
        clause = re.split(r"[？?]|(?:吸纳|那个|这个)[^，。,；;\s]{0,8}?补贴", clause)[0]
        times = list(_DURATION_RE.finditer(clause))
        signed = [x for x in times if re.match(r"(?:的)?(?:劳动)?合同", clause[x.end():]) or
                  re.search(r"签(?:了|的)?\s*$", clause[:x.start()])]
        d = next((x for x in times if x not in signed), None)
        same = re.search(r"一样|也是|同样", clause)
        months = nz.parse_duration_months(d.group(0)) if d else (last if same else None)
        contract = nz.parse_duration_months(signed[0].group(0)) if signed else (last_c if same else None)
        worked.append((float(n), months))
        contracts.append((float(n), contract))
        last, last_c = months, contract
    if all(mo is not None for _, mo in worked) and len({mo for _, mo in worked}) >= 2:
        out.group_months = [(n, float(mo)) for n, mo in worked]
        out.facts["months_employed"] = max(mo for _, mo in worked)
    elif all(c is not None for _, c in contracts) and len({c for _, c in contracts}) >= 2 and \
            any(c < 12 for _, c in contracts) and any(c >= 12 for _, c in contracts):
        short = [(n, c) for n, c in contracts if c < 12]
        for bid, b in default_policies().benefits.items():
            if any(getattr(c, "fact", None) == "contract_months" for c in b.eligibility):
                out.counted_not[bid] = [sum(n for n, _ in short), f"只签了{short[0][1]:g}个月"]
        out.facts["contract_months"] = min(c for _, c in contracts if c >= 12)
    else:
        return
    for k in ("new_hires", "hired_poor_count"):
        if k in out.facts:
            out.facts[k] = float(total)




_HIRED_ROUND = re.compile(r"[0-9一二两三四五六七八九十]+\s*(?:个|名|位)[^，。,；;？?]{0,8}?(?:建档立卡|贫困|脱贫|边缘|普通|一般)"
                          r"[^；;？?]{0,12}?签(?:了|的)?\s*(?:[0-9一二两三四五六七八九十半]+\s*(?:年|个月)|长期)")


_MORE_OF_THEM = re.compile(r"(?:又|还|再|另外又?)(?:招|收|雇|吸纳|来|进)(?:了|进|来)?\s*[0-9一二两三四五六七八九十]+\s*(?:个|名|位)"
                           r"[^；;？?]{0,12}?签(?:了|的)?\s*(?:[0-9一二两三四五六七八九十半]+\s*(?:年|个月)|长期)")


def batch_contracts(out: Extracted, said: str) -> None:
    """"今年一共招了三拨人 第一拨7个脱贫户 都签的一年合同 第二拨三个也是脱贫户 不过只签了半年 第三拨是镇上的八个普通户":
    rounds of hires, each with its own category and contract. The 脱贫 ones are the unit's count; those of them on a
    contract shorter than a year are out of each benefit that asks for one; the ordinary ones are in no count."""
    if out.group_months or out.counted_not:
        return
    said = _SPOKEN_COUNT.sub(lambda m: "2个" if m.group(1) == "俩" else "3个", said)
    marks = list(_ROUND.finditer(said))
    if len(marks) >= 2:
        segs = [said[mk.end():marks[i + 1].start() if i + 1 < len(marks) else len(said)] for i, mk in enumerate(marks)]
    else:
        # "去年三月招了4个脱贫户，都签的一年合同；五月又招了两个脱贫户，签的半年合同；还有3个本村一般户签了一年": the
        # rounds are the clauses of a list, each with its count, category and contract
        segs = re.split(r"[；;]", said)
        segs[0] = re.split(r"[。！!？?]", segs[0])[-1]
        # ("前年招了四个脱贫劳动力，签的两年合同；去年国庆后又招了仨，签的半年合同": a round after one of the poor, its
        # class not said again, is of them too)
        segs = [x for i, x in enumerate(segs) if _HIRED_ROUND.search(x) or
                i and _HIRED_ROUND.search(segs[i - 1]) and _MORE_OF_THEM.search(x)]
        if len(segs) < 2:
            return
    poor, short, contracts = 0.0, 0.0, []
    was_poor = False
    for seg in segs:
        seg = re.split(r"[？?。]|(?:现在|目前)(?:厂里|社里|车间里|公司)?(?:总共|一共)|想问|请问", seg)[0]
        size = re.search(r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)", seg)
        n = nz.parse_count(size.group(1)) if size else None
        if not n:
            return
        if re.search(r"普通|一般|非贫困|不是(?:建档立卡|贫困|脱贫)", seg):
            was_poor = False
            continue            # not 脱贫: in no count of the unit's 脱贫 hires
        if not re.search(r"建档立卡|贫困|脱贫|边缘", seg) and not (was_poor and _MORE_OF_THEM.search(seg)):
            return
        was_poor = True
        signed = [x for x in _DURATION_RE.finditer(seg) if re.search(r"签(?:了|的)?\s*$", seg[:x.start()])]
        c = nz.parse_duration_months(signed[0].group(0)) if signed else None
        if c is None:
            return
        poor += n
        contracts.append(c)
        if c < 12:
            short += n
    if not poor or not short or short >= poor:
        return
    for bid, b in default_policies().benefits.items():
        if any(getattr(c, "fact", None) == "contract_months" for c in b.eligibility):
            out.counted_not[bid] = [short, f"只签了{min(contracts):g}个月"]
    out.facts["contract_months"] = min(c for c in contracts if c >= 12)
    for k in ("months_employed", "months_since_employment"):
        if out.facts.get(k) in contracts:
            out.facts.pop(k)    # (the contract's months, not time at work)
    for k in ("new_hires", "hired_poor_count"):
        out.facts[k] = poor





# the parts of a unit's poor hires by the contract each signed ("脱贫户9个…6个签的一年合同 2个签的三年 还有1个签的半年")
_CONTRACT_PART = re.compile(r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?\s*(?:都|也|只)?签(?:了|的)?\s*"
                            r"((?:[0-9]+|[一二两三四五六七八九十]+)\s*(?:年|个月)|半年)")


def contract_parts(out: Extracted, said: str) -> None:
    """The unit's poor hires, said as a whole, then in parts by their contracts, the parts adding up to the whole: the
    ones on a year's contract or more are the hires counted (new_hires), all of them the poor hired."""
    if out.group_months or out.counted_not or out.case_groups:
        return
    whole = out.facts.get("hired_poor_count")
    found = list(_CONTRACT_PART.finditer(said))
    parts = [(nz.parse_count(m.group(1)), nz.parse_duration_months(m.group(2))) for m in found]
    if not whole or len(parts) < 2 or any(n is None or c is None for n, c in parts) or \
            sum(n for n, _ in parts) != whole:
        return
    long_ = [(n, c) for n, c in parts if c >= 12]
    short = sum(n for n, c in parts if c < 12)
    if not long_ or not short:
        return
    # (as a unit's poor hired said with some on a shorter contract, "脱贫户7个，里头5个签的一年合同，2个签的半年": the
    # hires a year's contract counts, the poor hired all of them)
    out.facts["contract_months"] = float(min(c for _, c in long_))
    out.facts["new_hires"] = float(sum(n for n, _ in long_))
    for k in ("months_employed", "months_since_employment"):
        if out.facts.get(k) in {c for _, c in parts}:
            out.facts.pop(k)    # (a contract's months, not time at work)


# "七个…签的一年合同 三个…签了两年 五个在咱县上超市签的半年合同": an agency's placements, each with its contract
_PLACED_CONTRACT = re.compile(r"(?<![0-9一二两三四五六七八九十])([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?!月)[^，,。；;？?]{0,24}?"
                              r"签(?:了|的)?\s*(一年|两年|三年|半年|[0-9一二两三四五六七八九十]+\s*个月|[0-9一二两三]+\s*年)"
                              r"(?:的)?(?:劳动)?(?:合同)?")


def referral_contract_parts(out: Extracted, said: str) -> None:
    """An agency's placements in parts by their contracts: those on less than a year are out of the count of each
    benefit for the placements on a year's contract or more (Profile.counted_not)."""
    from policies.evaluator import benefit_count_fact
    if out.facts.get("employer_type") != "人力资源服务机构" or not out.facts.get("referred_count") or out.counted_not:
        return
    parts = [(nz.parse_count(m.group(1)), nz.parse_duration_months(m.group(2))) for m in _PLACED_CONTRACT.finditer(said)]
    if len(parts) < 2 or any(not n or c is None for n, c in parts):
        return
    short = sum(n for n, c in parts if c < 12)
    if not short or sum(n for n, _ in parts) != out.facts["referred_count"]:
        return
    out.facts["contract_months"] = float(min(c for _, c in parts if c >= 12)) if any(c >= 12 for _, c in parts) else \
        out.facts.get("contract_months")
    for bid, b in default_policies().benefits.items():
        if benefit_count_fact(b) == "referred_count" and any(getattr(c, "fact", None) == "contract_months"
                                                              for c in b.eligibility):
            out.counted_not[bid] = [float(short), "签的合同不满1年"]


# each group named by its months ("见习4个月的是2个，见习8个月的是3个", "干了一年的有5个，干了半年的有2个")
_GROUP_BY_ITS_MONTHS = nz.GROUP_BY_ITS_MONTHS


def groups_by_their_months(out: Extracted, said: str) -> None:
    """"不好意思刚才说反了，见习4个月的是2个，见习8个月的是3个": a unit's people as groups, each named by its months (the
    groups said before are replaced); the months of everyone are then the groups'."""
    if out.group_months:
        return
    groups = []
    for m in _GROUP_BY_ITS_MONTHS.finditer(said):
        months, n = nz.parse_duration_months(m.group(1)), nz.parse_count(m.group(2))
        if months is None or not n:
            return
        groups.append((float(n), float(months)))
    if len(groups) < 2 or len({mo for _, mo in groups}) < 2:
        return
    out.group_months = groups
    longest = max(mo for _, mo in groups)
    for k in ("internship_months", "months_employed", "months_since_employment"):
        if k in out.facts:
            out.facts[k] = longest
    if re.search(r"见习", said) and "internship_months" not in out.facts:
        out.facts["internship_months"] = longest


def intern_batches(out: Extracted, said: str) -> None:
    """"今年七月来了两批见习的 一批3个…见习协议签了八个月…另一批2个…见习四个月": a unit's interns in batches, each with
    its own months (Profile.group_months: the subsidy counts each batch's months up to its longest)."""
    if not re.search(r"见习", said) or out.group_months:
        return
    marks = list(_INTERN_BATCH.finditer(said))
    if len(marks) < 2:
        return
    groups = []
    for i, mk in enumerate(marks):
        seg = said[mk.end():marks[i + 1].start() if i + 1 < len(marks) else len(said)]
        seg = re.split(r"[？?]|(?:见习补贴|补贴)(?:能|可以|一共|总共)", seg)[0]
        # (after the last batch, "还有1个小伙子在我们这见习了8个月": one more of their own; "另外我们还招了10个…进厂":
        # hires, not interns)
        parts = re.split(r"[，,；;。]\s*(?=(?:还有|另外)[^，,。；;]{0,8}?[0-9一二两三四五六七八九十]+\s*(?:个|名|位))", seg)
        for j, part in enumerate(parts if i == len(marks) - 1 else parts[:1]):
            size = re.search(r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)", part[:12])
            months = [x for x in _DURATION_RE.finditer(part) if re.search(r"见习|签", part[max(0, x.start() - 8):x.start()])]
            n = nz.parse_count(size.group(1)) if size else None
            m = nz.parse_duration_months(months[0].group(0)) if months else None
            if j and (not n or m is None or "见习" not in part):
                continue
            if not n or m is None:
                return
            groups.append((float(n), float(m)))
    out.group_months = groups
    out.facts["intern_count"] = sum(n for n, _ in groups)
    out.facts["internship_months"] = max(m for _, m in groups)
    # (the interns' counts and months are no hires' count or contract: hires said of their own stay)
    for k, said_of in (("new_hires", "n"), ("hired_poor_count", "n"), ("contract_months", "m")):
        if out.facts.get(k) in ({n for n, _ in groups} | {out.facts["intern_count"]} if said_of == "n" else {m for _, m in groups}):
            out.facts.pop(k)


# a batch of people sent out by an agency ("第一批三月份送了15个去广东东莞", "8月份我们又补送了3个建档立卡的过去")
_SENT_BATCH = re.compile(r"(?:送|派|输送|组织|介绍|带)(?:了|过)?(?:出)?(?:去|过去)?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)")
# some of a batch who came back early ("有4个干了两个月就跑回来了", "有2个干了四个多月走了")
_BATCH_LEFT = re.compile(r"有\s*([0-9一二两三四五六七八九十]+|俩|仨)\s*(?:个|名|位)?[^，。,；;？?0-9]{0,10}?干了\s*"
                         r"([0-9一二两三四五六七八九十半]+\s*个?(?:多)?月|半年)[^，。,；;？?]{0,4}?(?:就)?(?:跑|回|走|辞|不干)")
# the poor of a batch, said of it ("其中建档立卡贫困户20个")
# ("里头建档立卡的20个，其他6个是一般农户")
_BATCH_POOR = re.compile(r"(?:其中|里头|里面|当中)(?:有)?(?:建档立卡|贫困|脱贫)[^，。,；;？?0-9]{0,6}?([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)|"
                         r"(?:其中|里头|里面|当中)\s*(?:有)?([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?(?:是|都是)(?:建档立卡|贫困|脱贫)")


# the poor of a batch said with no 其中 ("送了20个去长沙，建档立卡8个", "里头建档立卡咯10个")
_BATCH_POOR_BARE = re.compile(r"(?:里头|里面|当中)?(?:建档立卡|贫困户|脱贫户)(?:的|咯|户)?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)")
# how long some of a batch or all of it worked ("其中3个做了两个月就回来了", "另外5个做了七个多月", "都做满半年了")
_BATCH_SOME_WORKED = re.compile(r"(?:其中|另外|有)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)[^，。,；;？?0-9]{0,4}?(?:做|干)(?:了|满)\s*"
                                r"([0-9一二两三四五六七八九十半]+\s*个?(?:多)?月|半年|一年)")
_BATCH_ALL_WORKED = re.compile(r"都(?:做|干)(?:了|满|够)\s*([0-9一二两三四五六七八九十半]+\s*个?(?:多)?月|半年|一年)")


def sent_batches_by_length(out: Extracted, said: str) -> bool:
    """An agency's batches, each with its poor counted and how long they worked, no dates ("第一批送了15个人去本县工业园，
    里头建档立卡咯10个，都做满半年了；第二批送了20个去长沙，建档立卡8个，其中3个做了两个月就回来了，另外5个做了七个多月；
    …其他人都不是建档立卡的"): the poor of each batch by their months (Profile.group_months), the others not counted."""
    if out.facts.get("employer_type") != "人力资源服务机构" or len(re.findall(r"第[一二三四五]批", said)) < 2:
        return False
    marks = [m for m in _SENT_BATCH.finditer(said) if nz.parse_count(m.group(1))]
    if len(marks) < 2:
        return False
    groups, total = [], 0.0
    for i, mk in enumerate(marks):
        seg = said[mk.end():marks[i + 1].start() if i + 1 < len(marks) else len(said)]
        poor = _BATCH_POOR.search(seg) or _BATCH_POOR_BARE.search(seg)
        n = nz.parse_count(mk.group(1))
        few = nz.parse_count(next(g for g in poor.groups() if g)) if poor else None
        if not few or few > n:
            return False
        some = [(nz.parse_count(m.group(1)), nz.parse_duration_months(m.group(2))) for m in _BATCH_SOME_WORKED.finditer(seg)]
        whole = _BATCH_ALL_WORKED.search(seg)
        if some and all(k and mo for k, mo in some) and sum(k for k, _ in some) == few:
            groups += [(float(k), float(mo)) for k, mo in some]
        elif whole and not some and nz.parse_duration_months(whole.group(1)):
            groups.append((float(few), float(nz.parse_duration_months(whole.group(1)))))
        else:
            return False
        total += few
    out.group_months = groups
    out.group_short = None
    out.more_people = 0
    for k in ("referred_count", "hired_poor_count"):
        out.facts[k] = total
    out.facts["months_employed"] = out.facts["months_since_employment"] = max(mo for _, mo in groups)
    out.facts.pop("contract_months", None)
    return True


def sent_batches(out: Extracted, said: str, as_of: dt.date) -> bool:
    """An agency's people sent out in batches, each from its own date, some of a batch back early ("第一批三月份送了15个
    去广东东莞电子厂，有4个干了两个月就跑回来了，其余的到现在还在干；第二批五月初送了10个去浙江宁波，有2个干了四个多月
    走了"): the groups by their months (Profile.group_months), the rest of each batch at work since its date."""
    if out.facts.get("employer_type") != "人力资源服务机构" and not re.search(r"第[一二三]批", said):
        return False
    # (not people said not to be poor: "另外还带了3个不是建档立卡的" count for nothing)
    marks = [m for m in _SENT_BATCH.finditer(said) if nz.parse_count(m.group(1)) and
             not re.match(r"[^，。,；;？?]{0,3}?(?:不是|非)", said[m.end():])]
    if not marks:
        return False
    dates = nz.dates_in(said, as_of)
    groups, total, lefts = [], 0.0, 0
    for i, mk in enumerate(marks):
        start = max(said.rfind(c, 0, mk.start()) for c in "，,。；;：:") + 1
        seg = said[mk.start():marks[i + 1].start() if i + 1 < len(marks) else len(said)]
        seg = re.split(r"[。；;](?=[^。；;]*(?:第[一二三四五]批|[0-9一二两三四五六七八九十]+\s*月))", seg)[0] \
            if i + 1 == len(marks) else seg
        when = [d for d in dates if start <= d[0] < mk.start()]
        if not when:
            return False
        n = nz.parse_count(mk.group(1))
        poor = _BATCH_POOR.search(seg)
        few = nz.parse_count(poor.group(1) or poor.group(2)) if poor else None
        if few and few < n:
            n = few         # (the batch's poor are its count: "30个人…其中建档立卡贫困户20个", "其中10个是建档立卡贫困户")
        since = float(when[-1][2])
        gone = 0.0
        for lm in _BATCH_LEFT.finditer(seg):
            k = 2 if lm.group(1) == "俩" else 3 if lm.group(1) == "仨" else nz.parse_count(lm.group(1))
            mo = nz.parse_duration_months(lm.group(2))
            if not k or mo is None or k + gone >= n:
                return False
            groups.append((float(k), float(mo)))
            gone += k
            lefts += 1
        groups.append((float(n - gone), since))
        total += n
    if not lefts or re.search(r"季节", said):
        return False            # (batches of kinds, "签的一年合同…又介绍了4个…干季节工", are each kind's count)
    out.group_months = [g for g in groups if g[0] > 0]
    out.group_short = None
    out.more_people = 0
    for k in ("referred_count", "new_hires", "hired_poor_count"):
        if k in out.facts or k == "referred_count":
            out.facts[k] = total
    out.facts["months_employed"] = max(mo for _, mo in out.group_months)
    out.facts["months_since_employment"] = max(g[1] for g in out.group_months)
    return True


# a span of months ("今年三月到八月", "从去年十月见习到今年六月"), the months both ends included
INTERN_SPAN = re.compile(r"(?:今年|去年)?(?:从)?([0-9]{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?(?:初|底)?[^，。,；;？?0-9]{0,4}?"
                         r"(?:到|至)(?:今年|明年)?([0-9]{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?(?:底|末)?")


# one of a unit's interns told of by itself ("一个去年九月来的，见习了8个月…；一个今年十月刚来，说好见习6个月"), and the
# months of its internship (done or agreed)
_ONE_INTERN = re.compile(r"(?:^|[：:；;，,。])\s*(?:还有|另外)?(?:一|另一)(?:个|位|名)")
_ITS_INTERNSHIP = re.compile(r"见习(?:了|期)?(?:定|是|为)?\s*((?:[0-9]+|[一二两三四五六七八九十半]+)\s*个?(?:多)?月|半年)")


def interns_one_by_one(out: Extracted, said: str, as_of: dt.date | None = None) -> None:
    """"接了2个贫困家庭的大学毕业生来见习：一个去年九月来的，见习了8个月…；一个今年十月刚来，说好见习6个月": the unit's
    interns each with the months of its own internship (Profile.group_months, as for interns_by_span), when they are
    the count said."""
    whole = re.search(r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)[^，。,；;？?]{0,16}?见习", said)
    marks = [m.end() for m in _ONE_INTERN.finditer(said)]
    if not whole or len(marks) < 2 or nz.parse_count(whole.group(1)) != len(marks):
        return
    groups, arrivals = [], []
    for i, at in enumerate(marks):
        part = said[at:marks[i + 1] if i + 1 < len(marks) else len(said)]
        m = _ITS_INTERNSHIP.search(part)
        months = nz.parse_duration_months(m.group(1)) if m else None
        if not months:
            return
        groups.append((1.0, float(months)))
        came = nz.dates_in(part[:m.start()], as_of or today())
        arrivals.append(came[0][2] if came else None)
    out.group_months = groups
    if all(a is not None for a in arrivals) and len(set(arrivals)) == len(arrivals):
        out.facts[INTERN_ARRIVALS] = arrivals       # (by when each came: a correction may name one so)
    out.facts["intern_count"] = float(len(groups))
    out.facts["internship_months"] = max(m for _, m in groups)
    # (the interns' count is no hires' count, nor the months of a group the unit's hires: "另外还招了6个…" stay)
    for k in ("new_hires", "hired_poor_count", "staff_total"):
        if out.facts.get(k) in (1.0, float(len(groups))):
            out.facts.pop(k)
    for k in ("months_employed", "months_since_employment"):
        out.facts.pop(k, None)


def interns_by_span(out: Extracted, said: str) -> None:
    """"今年三月到八月接了两个…见习，还有一个…从去年十月见习到今年六月": a unit's interns by the spans of months each
    group was with it (Profile.group_months, as intern_batches: the subsidy counts each group's months up to its
    longest)."""
    if not re.search(r"见习", said) or out.group_months:
        return
    groups = []
    for clause in re.split(r"[，,。；;？?]", said):
        m = INTERN_SPAN.search(clause)
        if not m:
            continue
        a, b = nz.parse_count(m.group(1)), nz.parse_count(m.group(2))
        size = re.findall(r"(?:^|[^0-9一二两三四五六七八九十第])([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?!月)", clause)
        if not (a and b and 1 <= a <= 12 and 1 <= b <= 12):
            continue
        if not size:
            # ("还有一个也是贫困家庭的，从去年十月见习到今年六月": the group named in the clause before)
            before = said[:said.find(clause)]
            size = re.findall(r"(?:还有|另外)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)[^，。,；;？?]{0,12}[，,]\s*$", before)
        if len(size) != 1 or not nz.parse_count(size[0]):
            return
        groups.append((float(nz.parse_count(size[0])), float(b - a + 1 if b >= a else b + 12 - a + 1)))
    if len(groups) < 2:
        return
    out.group_months = groups
    out.facts["intern_count"] = sum(n for n, _ in groups)
    out.facts["internship_months"] = max(m for _, m in groups)
    out.more_people = 0
    for k in ("new_hires", "hired_poor_count", "staff_total"):
        if out.facts.get(k) in {n for n, _ in groups} | {out.facts["intern_count"]}:
            out.facts.pop(k)
    for k in ("months_employed", "months_since_employment"):
        if out.facts.get(k) in {m for _, m in groups}:
            out.facts.pop(k)


def listed_origins(out: Extracted, said: str) -> list:
    """The groups of a list by where they are from ("13个建档立卡贫困劳动力：花垣本县的6个，邵阳来的4个，贵州松桃过来的3个"),
    when they make up the head-count said before them (_origin_groups reads a list that is the count itself)."""
    m = _ORIGIN_LIST.search(said)
    counted = max([out.facts.get(k) or 0 for k in ("new_hires", "hired_poor_count")])
    if not m or not counted or re.search(r"[0-9一二两三四五六七八九十]+\s*个(?:人)?(?:里|中|当中)", said[m.end():]):
        return []               # (some of a group named again: "本省16个里12个…", extract_people reads those words)
    gaz = default_gazetteer()
    got = []
    here = gaz.resolve(out.place).place if out.place else None
    for x in re.finditer(_ORIGIN_ITEM, m.group(0)):
        n = nz.parse_count(x.group(2))
        found = origin_place(x.group(1), here)
        if n and found:
            got.append((float(n), found[0].full_name))
    return got if len(got) >= 2 and sum(n for n, _ in got) == counted else []


def local_groups_by_time(out: Extracted, from_groups: list) -> None:
    """"本县的4个，都干了一年多；邵阳洞口来的2个，也干满一年多；还有1个贵州铜仁的…；另外本县还有1个才干了8个月" at a
    unit of a 贫困县: the groups by their time make the count, those of another county of the province are at the
    ordinary rate (湖南's 1500元 is for the 当地 poor), those of another province out (_other_province_groups)."""
    unit = default_gazetteer().resolve(out.place).place if out.place and from_groups else None
    # (groups by place read before the groups by time were, _other_province_groups, are read again with them)
    if unit is None or any(set(f) != {"employer_in_poor_area"} for _, f in out.case_groups) or \
            out.facts.get("employer_in_poor_area") is not True:
        return
    away, elsewhere = _away_and_elsewhere(unit, from_groups)
    away = max([away] + [v[0] for v in out.counted_not.values() if str(v[1]).startswith(OUT_OF_PROVINCE)])
    # (the groups' people who are out are in no case: those short of the year its rates ask (实际在岗12个月), of
    # another province)
    short = sum(n for n, mo in out.group_months if mo < 12)
    counted = max([sum(n for n, _ in out.group_months)] + [out.facts.get(k) or 0 for k in ("new_hires", "hired_poor_count")])
    local = counted - elsewhere - away - short
    if elsewhere and local > 0:
        out.case_groups = [(local, {"employer_in_poor_area": True}), (elsewhere, {"employer_in_poor_area": False})]


def _other_province_groups(out: Extracted, from_groups: list, said: str = "") -> None:
    """"8个建档立卡贫困户，其中5个是湖南本省的，3个是贵州铜仁的": the 3 are out of the count of every benefit whose text
    is for the province's own people (home_province 本省), when others of the unit's people are counted too."""
    if not from_groups or not out.place:
        return
    gaz = default_gazetteer()
    unit = gaz.resolve(out.place).place
    if unit is None:
        return
    away, elsewhere = _away_and_elsewhere(unit, from_groups)
    counted = max([out.facts.get(k) or 0 for k in ("new_hires", "hired_poor_count", "referred_count",
                                                   "hired_poor_low_income_count")] or [0])
    of = _OF_THE_COUNTED.search(said)
    if counted <= away + elsewhere and of and (nz.parse_count(of.group(1)) or 0) > away + elsewhere:
        # "不好意思搞错了，6个里面有2个是贵州来的": of the unit's people counted before, said again
        counted = float(nz.parse_count(of.group(1)))
        out.facts["hired_poor_count"] = out.facts["new_hires"] = counted
    if elsewhere and out.facts.get("employer_in_poor_area") is True and counted > elsewhere + away and \
            not out.case_groups:
        # "本县的建档立卡贫困户12个，还有3个是怀化麻阳县过来的" at a unit of a 贫困县: 湖南's 1500元 is for the 当地 poor
        # it hires; the 3 of another county are at the ordinary rate
        out.case_groups = [(counted - elsewhere - away, {"employer_in_poor_area": True}),
                           (elsewhere, {"employer_in_poor_area": False})]
    if not away or counted <= away:
        return                  # all of them from elsewhere: home_province says it
    said_counts = [nz.parse_count(x) or 0 for x in re.findall(r"([0-9一二两三四五六七八九十]+)\s*个(?!月|多月|半月)", said)]
    besides = [nz.parse_count(m.group(1)) for m in
               re.finditer(r"(?:另外|还有)(?:还有|还)?\s*([0-9一二两三四五六七八九十]+)\s*个", said)]
    if away in besides and away in said_counts and sum(said_counts) - away == counted:
        # "去年10月招了8个…今年3月又招了四个…另外还有3个贵州来的": the 3 are besides the 12, out of the count as well
        for k in ("new_hires", "hired_poor_count"):
            if out.facts.get(k) == counted:
                out.facts[k] = counted + away
    out.facts["home_province"] = "本省"
    docs = {d.id for d in gaz.resolve(out.place).documents}
    for bid, b in default_policies().benefits.items():
        if b.document.id in docs and any("home_province" in getattr(c, "facts", ()) or getattr(c, "fact", None) == "home_province"
               for c in b.eligibility):
            out.counted_not[bid] = [away, OUT_OF_PROVINCE]


# "有几个没交社保，就交了3个", "12个人里8个交了社保", "只给3个买了社保": how many of a unit's people are insured
_INSURED_SOME = re.compile(r"(?:就|只|只有|才)?(?:给)?\s*(?:交|缴|买|上)了\s*([0-9一二两三四五六七八九十]+)\s*个|"
                           r"(?:里|中|就|只|只有|才)(?:给)?\s*([0-9一二两三四五六七八九十]+)\s*个(?:人)?(?:交|缴|买|上)了")


_UNINSURED_SOME = re.compile(r"(?:([0-9一二两三四五六七八九十]+)\s*个(?:人)?)?(?:里|中|里头|里面|当中|其中)(?:有)?\s*([0-9一二两三四五六七八九十]+)\s*个"
                             r"[^。；;？?]{0,16}?(?:社保[^，,。；;？?]{0,3}?(?:没|未|冇|无)(?:有)?(?:给)?(?:交|缴|买|上)|"
                             # "其中1个他自己不肯交社保，我们就没给他交"
                             r"(?:不肯|不愿|不想|不要)(?:意)?(?:交|缴|买|上)社保)")


# "还有1个去年10月来的，他自己不肯交社保要拿现钱，我们就冇给他交": some beside the others, not insured
_UNINSURED_BESIDE = re.compile(r"(?:还有|另外(?:还有)?|剩下的?|其余的?)\s*([0-9一二两三四五六七八九十]+)\s*个[^。；;？?]{0,30}?"
                               r"(?:(?:没|未|冇|无|不肯|不愿|不想|不要)(?:有)?(?:给(?:他|她|他们|她们)?)?(?:交|缴|买|上)|"
                               r"社保[^，,。；;？?]{0,3}?(?:没|未|冇|无)(?:有)?(?:给)?(?:交|缴|买|上))")


def _insured_part(out: Extracted, said: str) -> None:
    """Some of a unit's people insured, the others not: the benefits that ask for insurance count the insured."""
    if not re.search(r"社保|保险", said):
        return
    m = _INSURED_SOME.search(said)
    paid = nz.parse_count(m.group(1) or m.group(2)) if m else None
    counted = max([out.facts.get(k) or 0 for k in ("new_hires", "hired_poor_count", "hired_poor_low_income_count")])
    unpaid = _UNINSURED_SOME.search(said)
    if paid is None and unpaid and nz.parse_count(unpaid.group(2)):
        whole = nz.parse_count(unpaid.group(1)) if unpaid.group(1) else counted
        counted = counted or whole or 0
        paid = (whole or counted) - nz.parse_count(unpaid.group(2))     # "20个里有5个…社保也没给交"
        if re.search(r"没签|临时工|季节工", unpaid.group(0)):    # (what is said of those 5 is not said of all)
            for k, v in (("labor_contract_signed", False), ("contract_months", 0), ("seasonal_job", True)):
                if out.facts.get(k) == v:
                    out.facts.pop(k)
    beside = _UNINSURED_BESIDE.search(said) if paid is None and not unpaid else None
    if beside and nz.parse_count(beside.group(1)) and counted:
        paid = counted - nz.parse_count(beside.group(1))
    if not paid or not 0 < paid < counted:
        return
    out.facts["insurance_paid"] = True
    if out.facts.get("new_hires") == paid:
        # the hires counted are the insured already ("招了8个…其中5个签了劳动合同、交了社保…另外3个…没交社保"): the
        # others are not in the count to be taken out of it
        return
    # (a message that names no place, "20个里有5个…社保也没给交", is of the place said before: every document's)
    docs = {d.id for d in default_gazetteer().resolve(out.place).documents} if out.place else None
    for bid, b in default_policies().benefits.items():
        if (docs is None or b.document.id in docs) and \
                any(getattr(c, "fact", None) == "insurance_paid" for c in b.eligibility):
            out.counted_not[bid] = [counted - paid, "没交社保"]


# "那9个里头有2个当时收了100块钱报名费": some of an agency's placements were not free
_CHARGED_SOME = re.compile(r"(?:里头|里面|里边|当中|中间|之中|中|其中|(?<=批|伙|拨|些)里)[\s，,]*(?:有)?\s*([0-9一二两三四五六七八九十]+)\s*个(?:人)?"
                           # ("昆山那批里有2个，我们当时每人收了300块服务费")
                           r"(?:[，,]\s*(?:我们|俺们|咱们)?(?:当时|那时|那会)?)?"
                           # ("那14个里头 有4个是后来补进去的 当时收了每人300块介绍费")
                           r"[^，。,；;？?]{0,8}?(?:[\s，,]\s*(?:我们|俺们|咱们)?(?:当时|那时|那会)[^，。,；;？?]{0,2}?)?"
                           r"收(?:了|过)[^，。,；;？?]{0,10}?(?:钱|费)")


# more placements said after the others, charged for ("哦对了还有5个，是收了每人300块中介费介绍过去的"): no free placements
_CHARGED_MORE = re.compile(r"(?:还有|另外(?:还有)?)\s*([0-9一二两三四五六七八九十]+)\s*个(?:人)?"
                           # ("还有2个进县城饭店签了一年 这2个我们收了300块中介费": the count named again)
                           r"(?:[^。；;？?]{0,8}?|[^。；;？?]{0,16}?(?:这|那)\s*\1\s*个(?:人)?[^，。,；;？?]{0,6}?)"
                           r"收(?:了|过)[^，。,；;？?]{0,10}?(?:钱|费)")


# a kind of placement charged for ("说错了，那7个季节工我们每人收了100块介绍费"): those placements only, not the others
_CHARGED_KIND = re.compile(r"(?:那|这)?\s*([0-9一二两三四五六七八九十]+)\s*个(?:人)?(?:去)?[^，。,；;？?0-9]{0,6}?季节(?:工|性)"
                           r"[^，。,；;？?]{0,10}?收(?:了|过|取)[^，。,；;？?]{0,10}?(?:钱|费)")


def _charged_out(out: Extracted, n: float, count_fact: str | None = None) -> None:
    """n placements charged for are out of every benefit for a free placement (of those counted by count_fact)."""
    from policies.evaluator import benefit_count_fact
    for bid, b in default_policies().benefits.items():
        if (count_fact is None or benefit_count_fact(b) == count_fact) and \
                any(getattr(c, "fact", None) == "registered_unemployed_referral" for c in b.eligibility):
            out.counted_not[bid] = [n, "收了费（不是免费介绍）"]


def _charged_besides_groups(out: Extracted, said: str) -> None:
    """"干满一年的有6个；今年三月份才进厂的有3个；另外还有2个我们当时收了200块介绍费": the groups said before make the
    count (Extracted.group_months); the charged ones said after them are besides them, counted with the placements and
    out of the free placements' money."""
    more = _CHARGED_MORE.search(said)
    n = float(nz.parse_count(more.group(1)) or 0) if more else 0
    if not n or not out.group_months or out.facts.get("referred_count") != sum(g for g, _ in out.group_months) or \
            not any(v[0] == n and str(v[1]).startswith("收了费") for v in out.counted_not.values()) or \
            len(re.findall(r"[0-9一二两三四五六七八九十]+\s*个(?!月)", said[:more.start()])) != len(out.group_months):
        return
    out.facts["referred_count"] += n
    if out.facts.get("registered_unemployed_referral") is False:
        out.facts["registered_unemployed_referral"] = True     # (the groups said before them were free)


# the charged ones said first, the free ones after ("5个收了300块介绍费…剩下10个没收钱")
_CHARGED_FIRST = re.compile(r"(?<![0-9一二两三四五六七八九十])([0-9一二两三四五六七八九十]+)\s*个(?:人)?(?:是)?(?:我们)?收了[^，。,；;？?]{0,10}?(?:钱|费)")
_FREE_REST = re.compile(r"(?:剩下|其余|另外)(?:的)?\s*([0-9一二两三四五六七八九十]+)\s*个(?:人)?[^，。,；;？?：:]{0,3}?(?:没收|免费|不收|没要)")


def _charged_part(out: Extracted, said: str) -> None:
    """Some of an agency's placements were charged for: they are out of the benefits for a free placement."""
    first, rest = _CHARGED_FIRST.search(said), _FREE_REST.search(said)
    if first and rest and first.start() < rest.start() and out.facts.get("referred_count") and \
            (nz.parse_count(first.group(1)) or 0) < out.facts["referred_count"]:
        # "5个收了300块介绍费，这5个都签了一年合同。剩下10个没收钱：…": those 5 out of the free placements' money,
        # the rest free
        out.facts["registered_unemployed_referral"] = True
        _charged_out(out, float(nz.parse_count(first.group(1))), "referred_count")
        return
    kind = _CHARGED_KIND.search(said)
    if kind and nz.parse_count(kind.group(1)):
        if out.facts.get("registered_unemployed_referral") is False:
            out.facts.pop("registered_unemployed_referral")     # (the others stay free)
        _charged_out(out, float(nz.parse_count(kind.group(1))), "seasonal_referred_count")
        return
    more = _CHARGED_MORE.search(said)
    if more and out.more_people and not any(out.facts.get(k) for k in ("referred_count", "new_hires", "hired_poor_count")):
        # (the free ones said before stay free; these are not added to them)
        out.facts.pop("registered_unemployed_referral", None)
        out.more_people = 0
        out.charged_more = nz.parse_count(more.group(1)) or 0
        return
    total = re.search(r"(?:一共|总共|共)[^，。,；;？?]{0,6}?([0-9一二两三四五六七八九十]+)\s*个", said[:more.start()]) if more else None
    if more and total and nz.parse_count(total.group(1)) == out.facts.get("referred_count") and \
            nz.parse_count(more.group(1)):
        # "一共介绍成了12个…还有5个人我们是收了200块介绍费的": the 5 are besides the 12 said as a whole; counted with
        # the placements, and out of the free placements' money
        out.facts["referred_count"] += float(nz.parse_count(more.group(1)))
        _charged_out(out, float(nz.parse_count(more.group(1))), "referred_count")
        return
    if more and out.facts.get("referred_count") and nz.parse_count(more.group(1)) and \
            nz.parse_count(more.group(1)) < out.facts["referred_count"]:
        # "免费给人介绍工作：20个…签了一年以上合同…另外还有5个人是收了介绍费的，也签了一年合同": counted with the
        # placements, and out of the free placements' money (the count before them stays free)
        charged = float(nz.parse_count(more.group(1)))
        before = {nz.parse_count(x) for x in re.findall(r"([0-9一二两三四五六七八九十]+)\s*个(?!月)", said[:more.start()])}
        was = out.facts["referred_count"]
        if was + charged in before and re.search(r"其中[^，。,；;？?]{0,3}?[0-9一二两三四五六七八九十]+\s*个[^，。,；;？?]{0,3}?"
                                                 r"(?:没收|免费|不收|没要)", said[:more.start()]):
            # "给10个…介绍了工作…其中8个没收钱…还有2个当时收了每人300块中介费": the placements are the 10 said first
            for k in ("referred_count", "hired_poor_count"):
                if out.facts.get(k) == was:
                    out.facts[k] = was + charged
        if out.facts.get("registered_unemployed_referral") is False:
            # (the others were free: said so, or said apart from those charged, "另外还有5个人是收了…")
            out.facts["registered_unemployed_referral"] = True
        _charged_out(out, charged, "referred_count")
        return
    m = _CHARGED_SOME.search(said)
    n = nz.parse_count(m.group(1)) if m else None
    if not n:
        return
    out.facts.pop("registered_unemployed_referral", None)
    if re.search(r"免费|没收|不收|没要钱|没要", said[:m.start()] + said[m.end():]):
        out.facts["registered_unemployed_referral"] = True     # "剩下免费的32个": the others were free, as said
    # ("进厂那20个里头有5个我们收了…服务费": of the placements in a factory, not the seasonal ones)
    near = said[max(0, m.start() - 12):m.start()]
    kind = "referred_count" if re.search(r"进厂|厂里|厂子|签(?:了)?[^，。,；;？?]{0,4}?合同", near) and \
        not re.search(r"季节|摘|果园|采", near) else None
    _charged_out(out, float(n), kind)
    # "还在干的那4个里头有1个当时我们收了他…介绍费": only some of those said before, not a new count of placements
    others = [x for x in re.finditer(r"([0-9一二两三四五六七八九十]+)\s*个", said)
              if x.start() != m.start(1) and said[max(0, x.start() - 1):x.start()] not in ("这", "那")]
    if not others:
        for k in ("referred_count", "new_hires", "hired_poor_count"):
            if out.facts.get(k) == n:
                out.facts.pop(k)


# "30个里头有20个走之前在镇上登记过失业…另外10个没登记过": some of the placements are 登记失业人员
_REGISTERED_SOME = re.compile(r"(?:里头|里面|里边|当中|中间|之中|中|其中)(?:有)?\s*([0-9一二两三四五六七八九十]+)\s*个(?:人)?"
                              r"[^，。,；;？?]{0,12}?(?:登记(?:过|了)?失业|(?:做|办|搞)(?:过|了)失业登记)")


def _registered_part(out: Extracted, said: str) -> None:
    """Some of the persons counted are registered unemployed (登记失业人员), the others not: the benefits for
    登记失业人员 alone count those."""
    m = _REGISTERED_SOME.search(said)
    n = nz.parse_count(m.group(1)) if m else None
    counted = max([out.facts.get(k) or 0 for k in ("new_hires", "hired_poor_count", "referred_count")])
    if not n or not 0 < n < counted:
        return
    # ("但其中1个没做过失业登记": the 1 is not registered, the others are)
    unregistered = n if re.search(r"(?:没|未|没有)(?:有)?(?:在[^，。,；;？?]{0,6}?)?(?:做|办|搞|登记)", m.group(0)) else counted - n
    status = default_policies().vocab.status_categories
    for bid, b in default_policies().benefits.items():
        if any(getattr(c, "fact", None) == "category" and getattr(c, "op", None) == "any_of" and
               set(c.value) <= status for c in b.eligibility):
            out.counted_not[bid] = [unregistered, "没登记失业"]


# "那6个干满一年的里头有1个不是建档立卡户，是一般户": some of the persons counted are not of the category
_SOME_NOT_POOR = re.compile(r"(?:里头|里面|里边|当中|中间|之中|中|其中|另外|剩下|其余|(?<=[个人])里)(?:有|的)?\s*([0-9一二两三四五六七八九十]+)\s*个(?:人)?"
                            # ("4个里头有1个后来村里说他不是建档立卡的")
                            r"(?:[^，。,；;？?0-9]{0,8}?(?:说|讲|查|核)[^，。,；;？?0-9]{0,3}?)?"
                            # ("还有1个是普通户不是建档立卡的")
                            r"(?:是(?:普通|一般)(?:的)?(?:农户|村民|农民|群众|户|人)?[，,、]?)?"
                            # ("东莞那20个里头有2个其实不是建档立卡户")
                            r"(?:其实|实际上|实际|原来|后来发现)?(?:家里|家)?(?:不是|并非|不属于|没有|没)(?:建档立卡|贫困|脱贫)|"
                            # "其中28个是建档立卡的，12个是一般农户": the ordinary ones said beside the poor
                            r"(?:建档立卡|贫困|脱贫)[^，。,；;？?]{0,4}[，,、]\s*(?:另外|剩下|其余|还有)?(?:的)?\s*"
                            r"([0-9一二两三四五六七八九十]+)\s*个(?:人)?(?:是|都是)?(?:一般|普通)(?:的)?(?:农户|村民|农民|群众|户|人|劳动力)|"
                            # "还有1个是普通户不是建档立卡的"
                            r"还有\s*([0-9一二两三四五六七八九十]+)\s*个(?:人)?是(?:一般|普通)(?:的)?(?:农户|村民|农民|群众|户|人)?"
                            r"[，,、]?(?:不是|并非)(?:建档立卡|贫困|脱贫)|"
                            # "另外还招了3个普通村民，不是贫困户"
                            r"(?:另外|还)(?:还)?(?:招|雇|用|收|有)(?:了)?\s*([0-9一二两三四五六七八九十]+)\s*个(?:一般|普通)(?:的)?"
                            r"(?:农户|村民|农民|群众|户|人)[，,、]?\s*(?:都)?(?:不是|并非)(?:建档立卡|贫困|脱贫)|"
                            # "还有3个也是建档立卡的…；另外2个是屯里一般户": the ordinary ones in a clause of their own
                            r"(?<![0-9一二两三四五六七八九十])(?:另外|剩下|其余)(?:的)?\s*([0-9一二两三四五六七八九十]+)\s*个(?:人)?"
                            r"(?:是|都是)[^，。,；;？?0-9]{0,4}?(?:一般|普通)(?:的)?(?:农户|村民|农民|群众|户|人|劳动力)")


# "3个见习了4个月，2个见习了8个月，还有1个家里不是贫困户的见习了5个月": a group of their own by their time, not poor
_NOT_POOR_GROUP = re.compile(r"还有\s*([0-9一二两三四五六七八九十]+)\s*个(?:人)?(?:家里|家)?(?:不是|并非)(?:建档立卡|贫困|脱贫)"
                             r"[^，。,；;？?]{0,8}?(?:见习|干|做|实习)(?:了)?\s*([0-9一二两三四五六七八九十半]+\s*(?:个多月|个月|年))")


def not_poor_besides_groups(out: Extracted) -> None:
    """Those said not to be 建档立卡 beside a unit's groups by time that make its count ("4个人…干了一年多了，还有1个干了
    8个月就不干了，另外2个是一般农户不是建档立卡的"): not in the count, so not taken out of it."""
    counts = {n for n, _ in out.group_months}
    whole = sum(n for n, _ in out.group_months)
    if not out.group_months or out.facts.get("new_hires") != whole:
        return
    for bid, v in list(out.counted_not.items()):
        if v[1] == "不是建档立卡户" and v[0] not in counts:
            del out.counted_not[bid]


def not_poor_group(out: Extracted, said: str) -> None:
    """A group by its time said not to be poor ("…还有1个家里不是贫困户的见习了5个月"): out of the count of each
    benefit for 脱贫劳动力, as a part said not poor is (Profile.group_months, the evaluator's group alone)."""
    g = _NOT_POOR_GROUP.search(said)
    months = g and nz.parse_duration_months(g.group(2))
    if not g or out.counted_not or \
            (float(nz.parse_count(g.group(1)) or 0), months) not in {tuple(x) for x in out.group_months}:
        return
    _not_poor_part(out, said, (g, nz.parse_count(g.group(1))))


def _not_poor_part(out: Extracted, said: str, found=None) -> None:
    """Some of the persons counted are not 建档立卡 (脱贫): they are out of the count of each benefit for 脱贫劳动力,
    and who the others are stands (not "none of them is poor")."""
    if found is None:       # (a count said with 俩/仨: "另外俩是屯里一般户")
        said = _SPOKEN_COUNT.sub(lambda x: "2个" if x.group(1) == "俩" else "3个", said)
    m = _SOME_NOT_POOR.search(said) if found is None else found[0]
    n = (nz.parse_count(m.group(1) or m.group(2) or m.group(3) or m.group(4) or m.group(5)) if m else None) if found is None \
        else found[1]
    if not n:
        return
    said_counts = {nz.parse_count(x) for x in re.findall(r"([0-9一二两三四五六七八九十百]+)\s*(?:个(?!月)|名|位|人)", said)}
    # (not a group named again, "3个里头只有2个是贫困家庭的": those the count said before holds)
    said_counts -= {nz.parse_count(x) for x in re.findall(r"([0-9一二两三四五六七八九十百]+)\s*个(?:人)?\s*"
                                                          r"(?:里头|里面|里边|当中|中间|之中|里)", said)}
    counts = ("new_hires", "hired_poor_count", "referred_count", "trainee_count", "intern_count")
    poor = [out.facts[k] for k in counts if out.facts.get(k) and out.facts[k] + n in said_counts]
    if poor and not any(out.facts.get(k) == p + n for p in poor for k in counts):
        return                  # "12个工人，8个是建档立卡贫困户…剩下4个不是": the 8 counted are the poor already
    both = out.facts.get("hired_poor_low_income_count")
    if both and both + n in said_counts and out.facts.get("new_hires") in (out.facts.get("hired_poor_count"), both):
        return                  # ("新招了12个…脱贫户5个 农村低收入户3个 剩下4个是一般户": the 5 and the 3 counted already)
    # (but a count of them all kept beside them, "40个学员里25个是建档立卡…15个是普通农民": the 15 are out of it for
    # each benefit of the poor)
    if "脱贫劳动力" in out.not_categories:
        out.not_categories.remove("脱贫劳动力")
    whole = re.search(r"(?:那|这)[^，。,；;？?0-9]{0,8}?([0-9一二两三四五六七八九十]+)\s*个[^，。,；;？?]{0,12}?$", said[:m.start()])
    if whole:                   # "那6个干满一年的里头": a group named before, not a new count of the unit's people
        for k in ("new_hires", "hired_poor_count", "referred_count"):
            if out.facts.get(k) in (nz.parse_count(whole.group(1)), n):     # (or the one of them)
                out.facts.pop(k)
    # who they are instead ("另外2个不是脱贫户的农民工"): a benefit for them too counts them
    near = said[m.start():m.end() + 12]
    theirs = {c for w, c in (("农民工", "农民工"), ("登记失业", "登记失业人员"), ("失业人员", "登记失业人员"),
                             ("边缘户", "边缘户")) if w in near}
    # (placed on a contract of a year or more, "也签了两年合同": of the contract placements, not the seasonal ones)
    clause = re.split(r"[。；;？?！!]", said[m.start():])[0]
    # (or said of them all before, in the same sentence: "12个人介绍进了宝鸡的厂子，都签了一年以上的合同，12个里头5个是
    # 脱贫户，其余7个是普通农民工")
    sentence = re.split(r"[。；;？?！!]", said[:m.start()])[-1] + clause
    contract = re.search(r"签[^，。,；;？?]{0,6}?(?:[一两二三四五1-5]\s*年|长期)[^，。,；;？?]{0,4}?合同", sentence)
    for bid, b in default_policies().benefits.items():
        if contract and benefit_count_fact(b) == "seasonal_referred_count":
            continue
        if any(getattr(c, "fact", None) == "category" and getattr(c, "op", None) == "any_of" and
               "脱贫劳动力" in c.value and not theirs & set(c.value) for c in b.eligibility):
            out.counted_not[bid] = [float(n), "不是建档立卡户"]
    # (not when other groups are said after to be of the category: "…3个不是建档立卡的…；长沙10个都是建档立卡；新加坡3个是
    # 建档立卡")
    later = re.search(r"(?:都|全)是[^，。,；;？?]{0,4}?(?:建档立卡|贫困户|脱贫户)|[0-9一二两三四五六七八九十]+\s*个(?:是)?"
                      r"(?:建档立卡|贫困户|脱贫户)", said[m.end():])
    if whole and out.categories and not re.search(r"(?:都|全)是", said[:m.start()]) and not later:
        out.categories = []     # ("那…4个里头有1个…不是建档立卡的，是边缘户": that one's, not who the unit's people are)


# "那两个低保户是上个月才来的，只签了半年": some of a unit's people named again, with a contract shorter than a year
# (or some said beside the others: "还有20个脱贫的只签了3个月临时协议")
_NAMED_AGAIN_SHORT = re.compile(r"(?:^|[，,。；;！!？?：:\s])(?:[^，,。；;！!？?\s0-9]{0,6}?(?<=户|的|工|人)|"
                                # ("170人里有40个签的是三个月的劳务协议")
                                r"[0-9一二两三四五六七八九十百]+\s*(?:个|名)?人)?"
                                # ("有7个签了一年合同 2个只签了半年": the others after a group's contract; "3月份来的4个签的一年
                                # 合同，9月份来的3个只签了半年": the others, said by when they came)
                                r"((?<=合同，|合同,|协议，)[0-9一二两三四五六七八九十]{1,2}\s*月份?(?:底|初|中)?(?:来|进|招|进来|招进来)(?:的)?|"
                                # ("；7月又招了2个脱贫户，只签了半年": a group hired after the others)
                                r"(?:[0-9一二两三四五六七八九十]{1,2}\s*月份?(?:底|初|中)?)?(?:又|再)(?:招|吸纳|雇|聘)(?:了|进)?|"
                                r"那|这|还有|另外(?:还有)?|其中|剩下的?|里(?:头|面|边)?有|(?<=合同\s)|(?<=合同，)|(?<=合同,)|(?<=协议\s)|"
                                r"(?<=协议，))"
                                r"\s*([0-9一二两三四五六七八九十]+|俩|仨)\s*"
                                r"个?(?:人)?[^。；;？?]{0,24}?(?:(?:只|就|才)签(?:了|的)?|签(?:了|的)?(?:是|也就|只有)|"
                                # ("七月份进来3个签的半年": the short contract right after its count)
                                r"(?<=个|户)签的)\s*"
                                r"(半年|[0-9一二两三四五六七八九十]+\s*个月)")


def _named_again_short_contract(out: Extracted, said: str) -> None:
    """Some of a unit's people named again ("那两个低保户…只签了半年"): out of the count of each benefit that asks for a
    contract of a year; what is said of them (their category, contract, months) is not the unit's."""
    m = _NAMED_AGAIN_SHORT.search(said)
    if not m:
        return
    if re.search(r"(?<=个)签的\s*(?:半年|[0-9一二两三四五六七八九十]+\s*个月)$", m.group(0)) and \
            re.search(r"里头|里面|里边|其中|当中", re.split(r"[。；;？?！!]", said[:m.start(2)])[-1]):
        return                  # ("脱贫户7个，里头5个签的一年合同，2个签的半年": parts of a group, counted by their contracts)
    n = 2.0 if m.group(2) == "俩" else 3.0 if m.group(2) == "仨" else nz.parse_count(m.group(2))
    some = re.match(r"\s*个?(?:人)?(?:里头|里面|里边|当中|中间|之中|中)(?:有|的)?\s*([0-9一二两三四五六七八九十]+|俩|仨)\s*个",
                    said[m.end(2):])
    if some:                    # "低收入户那5个里头有2个签的是半年的": the 2 of the 5
        n = 2.0 if some.group(1) == "俩" else 3.0 if some.group(1) == "仨" else nz.parse_count(some.group(1))
    else:
        # "其中5个签了一年合同，1个脱贫户只签了8个月": the count nearest the short contract is theirs
        sign = re.search(r"(?:只|就|才)?签(?:了|的)?(?:是|也就|只有)?\s*(?:半年|[0-9一二两三四五六七八九十]+\s*个月)\s*$",
                         said[:m.end()])
        nearer = [x for x in re.finditer(r"[，,\s]\s*([0-9一二两三四五六七八九十]+|俩|仨)\s*个(?!月)",
                                         said[m.end(2):sign.start() if sign else m.end()])]
        if nearer:
            x = nearer[-1].group(1)
            n = 2.0 if x == "俩" else 3.0 if x == "仨" else nz.parse_count(x)
    months = nz.parse_duration_months(m.group(3))
    if not n or months is None or months >= 12:
        return
    counted = max([out.facts.get(k) or 0 for k in ("new_hires", "hired_poor_count", "hired_poor_low_income_count",
                                                   "referred_count")] or [0])
    beside = m.group(1) not in ("那", "这")
    whole = re.search(r"([0-9一二两三四五六七八九十百]+)\s*(?:个|名)?人\s*(?:里|中|当中)", said[:m.end(2)])
    if beside and counted <= n and whole and (nz.parse_count(whole.group(1)) or 0) > n:
        counted = nz.parse_count(whole.group(1))    # "170人里有40个…": the whole said again (its count said before)
        for k in ("new_hires", "hired_poor_count", "hired_poor_low_income_count", "referred_count"):
            if out.facts.get(k) in (n, counted - n):
                out.facts[k] = float(counted)       # (the 40 or the other 130 are of the 170, not the count)
    first = re.search(r"(?:只有|只|就|才)\s*([0-9一二两三四五六七八九十百]+)\s*(?:个|名|人)[^，,。；;？?]{0,6}?[，,\s]\s*$",
                      said[:m.start() + 1]) if beside and counted <= n and m.group(1).startswith("剩下") else None
    if first and nz.parse_count(first.group(1)):
        # "签一年以上的只有140个，剩下40个签的是8个月": the whole is the two (the count said before); the 40 are out
        counted = nz.parse_count(first.group(1)) + n
        for k in ("new_hires", "hired_poor_count", "hired_poor_low_income_count", "referred_count"):
            if out.facts.get(k) in (n, counted - n):
                out.facts[k] = float(counted)
    if beside and counted <= n:
        return                  # not some beside others: everyone
    said_at = [(x.start(), nz.parse_count(x.group(1)))
               for x in re.finditer(r"([0-9一二两三四五六七八九十百]+)\s*(?:个(?!月)|名|位|人)", said[:m.end()])]
    if said_at and said_at[-1][1] == n:
        said_at.pop()           # (the short group's own count)
    # "脱贫户15个，里头12个签的一年以上，另外3个只签了半年": not in the 12 counted (a whole said first, then the 12
    # beside them; not "今年新招了6个人：…其中5个签了一年合同，1个脱贫户只签了8个月": the 6 counted hold the one)
    outside = beside and any(any(w == out.facts[k] and any(v >= w + n for at, v in said_at if at < q)
                                 for q, w in said_at)
                             for k in ("new_hires", "hired_poor_count", "hired_poor_low_income_count", "referred_count")
                             if out.facts.get(k))
    docs = {d.id for d in default_gazetteer().resolve(out.place).documents} if out.place else None
    # "低收入户那5个里头有2个…": low-income people are in no count of a benefit for 脱贫 people only
    low_income = bool(re.search(r"低收入", said[max(0, m.start() - 8):m.end(2)]))
    if outside and out.facts.get("new_hires") and out.facts.get("hired_poor_count") == out.facts["new_hires"] + n and \
            not low_income:
        # "今年新招了10个脱贫劳动力，8个签了一年合同，2个只签了半年": all ten are hired (以工代训 counts them); the two
        # are out of each benefit that asks for a year's contract
        out.facts["new_hires"] += n
        outside = False
    for bid, b in default_policies().benefits.items():
        if low_income and not_for_low_income(b):
            continue
        if not outside and (docs is None or b.document.id in docs) and \
                any(getattr(c, "fact", None) == "contract_months" for c in b.eligibility):
            out.counted_not[bid] = [float(n), f"只签了{m.group(3)}"]
    if beside:                  # the others' contracts stand (a year or more, said or not)
        if out.facts.get("contract_months") == months:
            out.facts.pop("contract_months")
            rest = said[:m.start()] + said[m.end():]
            year = re.search(r"签(?:了|的)?\s*(一|1|两|2|三|3)\s*年(?:以上)?|(一|1|两|2|三|3)\s*年(?:以上)?(?:的)?(?:劳动)?合同", rest)
            if year:            # "都签了一年以上合同；还有20个…只签了3个月": the others' year
                out.facts["contract_months"] = 12.0 * (nz.parse_count(year.group(1) or year.group(2)) or 1)
        return
    for k in ("contract_months", "months_since_employment", "months_employed", "new_hires", "hired_poor_count",
              "hired_poor_low_income_count", "employed"):
        out.facts.pop(k, None)
    out.categories, out.not_categories = [], []


def _outside_the_groups(out: Extracted) -> None:
    """"收了6个…3个干了8个月；2个干了4个月；还有1个…已经享受过": the one who had it is none of the groups counted (their
    sum is the count), so the count is not made smaller by them again."""
    if not out.group_months:
        return
    policies = default_policies()
    for bid, n in list(out.counted_out.items()):
        fact = benefit_count_fact(policies.benefits[bid]) if bid in policies.benefits else None
        counted = out.facts.get(fact) if fact else None
        if counted and sum(g[0] for g in out.group_months) == counted and \
                any(out.facts.get(k) == counted + n for k in ("hired_poor_count", "hired_poor_low_income_count",
                                                              "staff_total")):
            del out.counted_out[bid]


def once_a_year_only(b) -> bool:
    """A benefit whose only limit on repeats is once a year (每人每年只享受一次): last year's does not count."""
    return bool(b.limits) and all(lim.once_per == "year" for lim in b.limits)


def _settle_counted_out(out: Extracted) -> None:
    """Each benefit a group's already-served persons are out of, once the head-counts are read: a group named by its
    size ("这12个里头") is the one whose benefit counts that many."""
    policies = default_policies()
    docs = {d.id for d in default_gazetteer().resolve(out.place).documents} if out.place else None
    for bids, n, group, last_year in out.counted_out_pending:
        for bid in bids:
            if docs and policies.benefits[bid].document.id not in docs:
                continue            # another document's benefit of the same words
            if last_year and once_a_year_only(policies.benefits[bid]):
                continue            # ("去年…领过补贴": once a year, so this year's counts them)
            fact = benefit_count_fact(policies.benefits[bid])
            # (a count said in an earlier message, "这25个里头有3个…": the benefit's count is not in this one; the
            # conversation's count is checked when merged, understand.merge)
            # (or the rest of that count once those out of it are: "8个…其中2个我们收了介绍费，剩下6个没收钱；这6个里头有
            # 3个…领过…求职补贴")
            rest = out.facts[fact] - float((out.counted_not.get(bid) or [0])[0] or 0) \
                if fact and out.facts.get(fact) is not None else None
            if group is not None and (fact is None or out.facts.get(fact, group) != group and rest != group):
                continue
            if group is not None and fact not in out.facts:
                out.counted_out_of[bid] = (fact, group)
            out.counted_out[bid] = out.counted_out.get(bid, 0) + n
    out.counted_out_pending = []


# a unit's people named one by one ("老张是建档立卡户，跟俺干两年多了；老李也是建档立卡户…八个月；还有一个是低保户"): each
# a group of one, with their own category and time worked
# a run of hires named by surname that starts a clause and says when they came ("老李老王是去年六月来的…小刘今年八月才来")
_NAMES_RUN = re.compile(r"(?<![\u4e00-\u9fff])((?:(?:老|小)(?![家孩时区伙板人])[\u4e00-\u9fff][、和跟与]?){1,6}?)"
                        r"(?=(?:是|都是|都|也是)?(?:今年|去年|前年|上个月|这个月|上月|[0-9一二三四五六七八九十]+月))")


def names_as_counts(said: str, hired: float | None) -> str | None:
    """The message with each run of hires named by surname said as their count ("老李老王是去年六月来的" → "2个是去年六月
    来的"), for their groups by months; None unless the names are two runs or more and add up to the hires said."""
    runs = list(_NAMES_RUN.finditer(said))
    counts = [len(re.findall(r"(?:老|小)[\u4e00-\u9fff]", m.group(1))) for m in runs]
    if len(runs) < 2 or not hired or sum(counts) != hired:
        return None
    out = said
    for m, n in sorted(zip(runs, counts), key=lambda x: -x[0].start()):
        out = out[:m.start()] + f"{n}个" + out[m.end():]
    return out


_NAMED_ONE = re.compile(r"(?:老|小|大)[\u4e00-\u9fff](?=是|也是|呢|，|,|他|她|干|在|跟|和|、|[0-9]|来|刚|才|见习|实习)|"
                        r"(?:老|小)(?![家孩时区伙板人])[\u4e00-\u9fff](?=都|也)|还有一个|另一个|另外一个")


def _named_one_by_one(out: Extracted, said: str) -> bool:
    """Each of a unit's people named one by one is a group of one: those of the poor are counted, each with the
    months they worked (Profile.group_months), when two or more are named so."""
    marks = list(_NAMED_ONE.finditer(said))
    if len(marks) < 2:
        return False
    if all(m.group(0) in ("还有一个", "另一个", "另外一个") for m in marks) and \
            re.search(r"([两俩二三四五六七八九十]|[2-9]|[0-9]{2,})\s*(?:个|名|位)", said[:marks[0].start()]):
        return False        # "两个建档立卡贫困户前年开春就来了…还有一个…另外一个…": groups, not persons one by one
    if out.facts.get("intern_count"):
        # "小王7月来的，见习6个月；小张…见习8个月；小李…见习3个月": each intern's own months of internship; named
        # more than once ("小张、小李、小王都是建档立卡贫困家庭的，小张见习了8个月，小李6个月"), each at the mark that
        # says their months; one not of a poor family ("还有一个小赵家里不是贫困户") is not counted
        spans = [said[m.start():marks[i + 1].start() if i + 1 < len(marks) else len(said)] for i, m in enumerate(marks)]
        # (见习 said: "见习6个月", "见习8月"; not said, a length with 个: "小李6个月", never a month of the year "7月来的")
        month_re = r"^[^。；;？?]{0,20}?(?:见习(?:了|期)?\s*((?:[0-9]+|[一二两三四五六七八九十半]+)\s*个?(?:多)?月|半年|一年)|" \
                   r"(?<![0-9一二两三四五六七八九十])((?:[0-9]+|[一二两三四五六七八九十半]+)\s*个(?:多)?月|半年|一年))"
        person: dict[str, float | None] = {}
        not_poor = set()
        for i, (m, x) in enumerate(zip(marks, spans)):
            name = m.group(0)
            if name in ("还有一个", "另一个", "另外一个"):
                name = f"#{i}"      # one more, named after it or not ("还有一个小赵家里不是贫困户，见习了6个月")
            clause = re.split(r"[。；;]", x)[0]
            got = re.search(r"^[^。；;？?]{0,20}?见习(?:了|期)?满?\s*((?:[0-9]+|[一二两三四五六七八九十半]+)\s*个?(?:多)?月|半年|一年)",
                            clause) or re.search(month_re, clause)
            if got:
                person[name] = nz.parse_duration_months(got.group(1) or got.group(2))
            elif re.fullmatch(r"\s*[和跟与、]\s*", x[len(m.group(0)):]):
                person[name] = None         # "小李和小张都见习满8个月": the months of the one named with them
        for i, m in enumerate(marks[:-1]):
            if m.group(0) in person and person[m.group(0)] is None and person.get(marks[i + 1].group(0)) is not None:
                person[m.group(0)] = person[marks[i + 1].group(0)]
            if re.search(r"不是(?:建档立卡)?贫困|非贫困", re.split(r"[。；;]", x)[0]):
                not_poor.add(name)
        months = [mo for who, mo in person.items() if who not in not_poor]
        if len(person) == out.facts["intern_count"] and None not in months and len(months) >= 2 and \
                (len(set(months)) > 1 or not_poor):
            out.group_months = [(1.0, float(mo)) for mo in months]
            out.facts["intern_count"] = float(len(months))
            out.facts["internship_months"] = float(max(months))
            return True
    poor = []
    for i, m in enumerate(marks):
        seg = said[m.start():marks[i + 1].start() if i + 1 < len(marks) else len(said)]
        seg = re.split(r"[。？?！!]", seg)[0]
        who = Extracted()
        _categories(who, seg, [], default_policies())    # the one reading of categories, negation aware
        if "脱贫劳动力" not in who.categories:
            continue
        d = _DURATION_RE.search(seg)
        months = nz.parse_duration_months(d.group(0)) if d else None
        if months is None:
            return False        # one of the poor without a time: the message's own months stand
        poor.append(months)
    if len(poor) < 1 or len(poor) == len(marks) and len(set(poor)) < 2:
        return False
    out.facts["hired_poor_count"] = float(len(poor))
    out.facts["new_hires"] = float(len(poor))
    out.facts.pop("hired_poor_low_income_count", None)
    if len(poor) > 1:
        out.group_months = [(1.0, float(m)) for m in poor]
    out.facts["months_employed"] = float(max(poor))
    return True


# a group counted in its own clause ("有8个人办了执照开了店", "其他22个还没创业", "30个是重点产业目录里的工种")
# the whole a group is of, said before it ("30人里有12个…"): not a group of its own
_WHOLE_OF = re.compile(r"[0-9一二两三四五六七八九十百]+\s*(?:个|名|位|人)(?:人)?\s*(?:里头|里面|里边|当中|中间|之中|里|中)"
                       r"(?=\s*(?:有)?\s*[0-9一二两三四五六七八九十百]+\s*(?:个|名|位|人)|"
                       # ("拿证的16个里结业后6个月内开店办厂的有5个": the group's words before its count)
                       r"[^，,。；;？?]{0,16}?的有\s*[0-9一二两三四五六七八九十百]+\s*(?:个|名|位|人)(?!月|多月))")
_CASE_COUNT = re.compile(r"([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位|人)(?!月|多月|课时|小时|工作日|星期|礼拜|班|期|批|工种|专业)")
# words of a clause that may say a case of an amount (a business started or not, a catalogue's trade, a post's kind, a
# job): only such clauses are read for their groups
_CASE_HINT = re.compile(r"开|店|执照|创业|目录|重点|普通|工种|岗|保洁|管理|个体|公司|企业|就业|上班|没|未|脱贫|贫困|低收入|"
                        r"建档|边缘|毕业|失业|退役")
# a class's trainees by their certificate ("15人考核合格…2人不合格"): of one course only (two courses' certificates are
# each course's own: _courses)
_CERT_HINT = re.compile(r"合格|证")
_WITHIN_6 = re.compile(r"半年(?:之|以)?(?:内|里)|半年(?:当中|之中)|(?:6|六)个月(?:之|以)?(?:内|里)|"
                       # ("到十月底满六个月 有十二个开了店": by the six months' end)
                       r"(?:到|截至|截止)[^，。,；;？?]{0,8}?(?:满|够)(?:6|六)个月|"
                       # a course that ended lately ("上个月刚结束一期SYB创业培训班"): whoever started by now did so within six
                       r"(?:上个月|上月|这个月|本月|上礼拜|上周|前几天|前两天|[一二两三四五1-5]个(?:多)?月前)(?:才|刚)?(?:刚)?"
                       r"(?:结束|结业|培训完|学完|办完)")
_NOT_STARTED = re.compile(r"(?:没|还没|未|没有|尚未)(?:有)?(?:去)?(?:创业|开店|开起|办起|办执照|开业|干起来|实现创业|动静|开张|开干)|"
                          # ("剩下11个到现在还没干"): nothing started yet
                          r"(?:到现在|至今|现在)(?:都|也)?还没(?:干|弄|动)(?![活满够过])")
_THE_REST = re.compile(r"\s*(?:剩下|剩余|其余|其他|其它|另外|别的)")
_STARTED = re.compile(r"开了(?:个|家)?(?:店|厂|公司)|办了(?:营业)?执照|开始创业|创业了|开起来了|办起来了|实现(?:了)?创业|当(?:上)?了?老板")
# a group's own time from the course's end to its start ("6个结业后两三个月就办了营业执照", "3个是结业后第8个月才开的")
_STARTED_AFTER = re.compile(r"(?:结业|培训|毕业|结束)(?:后|以后|之后)?\s*(?:第)?\s*([0-9一二两三四五六七八九十半]+\s*个(?:多)?月)")


# some of a group named before had the benefit already ("普通工种里有5个人去年已经…领过鉴定补贴了", "剩下32个里有2个前些年
# 已经享受过"): they are not counted again (the benefits are once a person)
_SOME_HAD = re.compile(r"([^，。,；;？?]{1,12}?)(?:里|里头|里面|当中|中间|之中)(?:还)?(?:有|的)?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?"
                       rf"([^，。,；;？?]{{0,30}}?)(?:{nz.HAD_BEFORE.pattern})")


def _without_those_who_had(groups: list, said: str, read) -> list:
    """The groups less the people of each said to have had the benefit before."""
    groups = list(groups)
    for m in _SOME_HAD.finditer(said):
        some = nz.parse_count(m.group(2))
        where = m.group(1)
        said_n = [nz.parse_count(c.group(1)) for c in _CASE_COUNT.finditer(where)]
        facts = read(where).facts
        # what is said of those who had it ("还有3个（都不是目录里的工种）"): the group they are of
        own = read(re.sub(r"[（）()]", "，", m.group(3))).facts
        for i, (n, f) in enumerate(groups):
            shared = [k for k in f if k in facts]
            theirs = [k for k in f if k in own]
            if some and some < n and ((said_n and said_n[-1] == n) or
                                      (not said_n and shared and all(facts[k] == f[k] for k in shared)) or
                                      (said_n and said_n[-1] not in [g[0] for g in groups] and theirs and
                                       all(own[k] == f[k] for k in theirs))):
                groups[i] = (n - some, f)
                break
    return groups


# family members named each with their own post ("她妈在村上干保洁的公益性岗位她爸是村里的劳动保障助理员")
_KIN = re.compile(rf"(?:(?:她|他|我|俺|额)(?:家)?|(?<=[，,。；;\s]))(?:{nz.FAMILY_WORDS})")


def kin_word(word: str) -> str:
    """"俺妈", "她父亲", "我家老伴": the kin word alone, in one spelling (妈 for 母亲, 男人 for 老公)."""
    bare = re.sub(r"^(?:她|他|我|俺|额)?(?:家)?", "", word)
    return nz.SAME_KIN.get(bare, bare)


def kin_named(said: str) -> list[str]:
    return [kin_word(m.group(0)) for m in _KIN.finditer(said)]


def both_alike(out: Extracted, said: str) -> None:
    """The asker and their spouse, both alike in what is asked ("我跟我堂客都是建档立卡贫困户…我两个都冇上班 都去"): one
    group of 2 persons of one case (Profile.case_groups), so a person's amount is counted for both. Not a unit's
    message, nor one with groups of its own."""
    if out.case_groups or not nz.BOTH_ALIKE.search(said) or nz.EMPLOYER_WORDS.search(said) or \
            any(not re.fullmatch(nz.SPOUSE_WORDS, k) for k in kin_named(said)):
        return                  # (nor a household of more: "俺闺女在绥化技师学院念书")
    out.case_groups = [(2.0, {"kin": "您俩"})]
    for k in ("new_hires", "hired_poor_count", "referred_count"):
        if out.facts.get(k) == 2:
            out.facts.pop(k)    # ("我两个都冇上班": the two of them, not two hired)


def _kin_posts(out: Extracted, said: str, read) -> bool:
    """Two or more of a family, each with a public-welfare post of another kind: one group each (1 person, its post)."""
    if "post_type" not in out.facts or "post_type" not in case_facts(default_policies()):
        return False
    kin = list(_KIN.finditer(said))
    starts = [m.start() for m in kin]
    posts = []
    for i, a in enumerate(starts):
        kind = read(said[a:starts[i + 1] if i + 1 < len(starts) else len(said)]).facts.get("post_type")
        if kind:
            posts.append((kind, kin_word(kin[i].group(0))))
    if len(posts) < 2 or len({k for k, _ in posts}) < 2:
        return False
    # (each with who they are, for a follow-up naming one of them: "那俺妈干满一年总共能拿多少")
    out.case_groups = [(1.0, {"post_type": k, "kin": who}) for k, who in posts]
    posts = [k for k, _ in posts]
    if len({k.split("-")[0] for k in posts}) > 1:
        out.facts.pop("post_type", None)    # (town and village posts: no one kind holds for both)
    return True


def _case_groups(out: Extracted, said: str, read) -> None:
    """A unit's people said in groups, each in its own clause, that differ in a fact picking a case of an amount
    (policies.amounts.case_facts): "8个人开了店，其他22个还没创业" (SYB 2500元 / 1000元), "30个是重点产业目录的工种，20个是
    普通工种" (鉴定 300元 / 200元). `read` reads one clause alone with the one vocabulary (assistant.extract)."""
    if _kin_posts(out, said, read):
        return
    # ("30人里有12个在6个月内开了店": the 12 are the group; the 30 they are of is the class said before)
    parts = [_WHOLE_OF.sub("", c) for c in clauses_of(said, r"[，,。；;：:]")]
    one_course = not _two_courses(said)
    clauses = []
    for i, c in enumerate(parts):
        had = _SOME_HAD.search("，".join(parts[i:i + 2]))
        if len(list(_CASE_COUNT.finditer(c))) != 1 or (had and had.start(2) < len(c)):
            continue            # (the ones of a group who had it already are not a group of their own)
        if re.match(r"\s*(?:不是|并不是|而不是|倒不是)", c):
            continue            # ("不是自己一个人开小卖部，是跟他表哥两个人合伙开": what is denied, no group)
        # what the next clauses say of the same people ("2个当社区网格员，算社会公共管理类的") belongs to them
        for more in parts[i + 1:]:
            if _CASE_COUNT.search(more) or not _CASE_HINT.search(more) or _THE_REST.match(more):
                break           # ("…有9个办了执照开始创业，剩下的还没创业": the rest are other people)
            c += "，" + more
        if _CASE_HINT.search(c) or (_CERT_HINT.search(c) and one_course):
            clauses.append(c)
    # "42个拿到了职业资格证书，其中12个的工种在重点产业目录里": the other 30 are ordinary trades
    of_them = re.search(r"([0-9一二两三四五六七八九十百]+)\s*个(?:[，,](?![^，,。；;？?]{0,4}?个)[^，,。；;？?]{0,4})?[^，,。；;？?]{0,12}?(?:证书|资格证|证)[，,]\s*其中\s*"
                        r"([0-9一二两三四五六七八九十百]+)\s*个[^，,。；;？?]{0,10}?(?:在|属于|是)?(?:纳入)?(?:重点产业)?[^，,。；;？?]{0,20}?目录(?:里|内|上|中|的)",
                        said) or \
        re.search(r"(?:证书|资格证|证)的?\s*([0-9一二两三四五六七八九十百]+)\s*(?:个|名|人)[，,]\s*其中\s*"
                  r"([0-9一二两三四五六七八九十百]+)\s*(?:个|名|人)[^，,。；;？?]{0,10}?(?:在|属于|是)?(?:纳入)?(?:重点产业)?[^，,。；;？?]{0,20}?目录(?:里|内|上|中|的)",
                  said)         # "拿到职业资格证书的47人，其中30人的工种在重点产业职业资格目录里"
    if of_them and "key_industry_catalog" in case_facts(default_policies()):
        whole, some = nz.parse_count(of_them.group(1)), nz.parse_count(of_them.group(2))
        if whole and some and some < whole:
            out.case_groups = _without_those_who_had([(float(some), {"key_industry_catalog": True}),
                                                      (float(whole - some), {"key_industry_catalog": False})], said, read)
            out.facts.pop("key_industry_catalog", None)
        return
    if len(clauses) < 2 and not (clauses and out.facts.get("trainee_count")):
        return                  # (one clause of a class said before: "30个学员…有9个人办了执照开了店")
    wanted = case_facts(default_policies())
    # a post's kind is read from the place words of the whole message ("6个城镇公益性岗位：4个做保洁…"): each group
    # keeps the town or village said for all
    whole_post = out.facts.get("post_type") or ""
    where = "城镇" if whole_post.startswith("城镇") else "农村" if whole_post.startswith("农村") else ""
    within_6 = bool(_WITHIN_6.search(said)) or out.facts.get("started_business_within_6_months") is True
    # each started group's own months after the course (one of them past six: the six months decide for all)
    own_months = {i: nz.parse_duration_months(m.group(1)) for i, c in enumerate(clauses)
                  if (m := _STARTED_AFTER.search(c)) and (_STARTED.search(c) or _business_done(c) or
                                                          re.search(r"(?:才|就)(?:开|办)(?:的|了)", c[m.end():])) and
                  not _NOT_STARTED.search(c)}
    own_months = {i: v for i, v in own_months.items() if v is not None}
    within_6 = within_6 or bool(own_months)
    groups = []
    for i, clause in enumerate(clauses):
        counts = list(_CASE_COUNT.finditer(clause))
        n = nz.parse_count(counts[0].group(1))
        if not n:
            continue
        got = read(clause).facts
        if where:
            got = {**got, "post_type": read(f"{where}公益性岗位，{clause}").facts.get("post_type", whole_post)}
        facts = {k: got[k] for k in wanted if k in got}
        if "started_business_within_6_months" in wanted:
            if _NOT_STARTED.search(clause):
                facts["started_business_within_6_months"] = False
                facts["started_business_after_training"] = False
            elif _STARTED.search(clause) or _business_done(clause) or i in own_months:
                facts["started_business_after_training"] = True
                if i in own_months:
                    facts["started_business_within_6_months"] = own_months[i] <= 6
                elif within_6:
                    facts["started_business_within_6_months"] = True
        if facts:
            groups.append((float(n), facts))
    # "30个学员…有8个已经办了执照开了店": the other 22 have not (yet) started one ("后面有5个真开了店", no time said: 安康's
    # 800元 after the training)
    key = "started_business_within_6_months" if within_6 else "started_business_after_training"
    started = [n for n, f in groups if f.get(key) is True]
    trainees = out.facts.get("trainee_count")
    if not one_course and len(started) == 1:
        # (two courses: the rest are of the course its started said of, "二是SYB创业培训班15人…12个考核合格了，合格的里头
        # 已经有5个开了店": 7 of the 12, not of the other course's 20)
        trainees = _trainees_of_course(said, started[0]) or trainees
    # "30个学员…27个拿到了合格证，拿证的里头有9个…开始创业": the others are the rest of those with a certificate
    certified = [n for n, f in groups if f.get("training_certificate") is True and key not in f]
    if trainees and len(certified) == 1 and started and started[0] < certified[0] < trainees:
        groups = [(n, f) for n, f in groups if n != certified[0] or key in f]
        trainees = certified[0]
    # "…另外3个没拿到证": those who started or not are of the certified; the uncertified a group of their own
    uncertified = [(n, f) for n, f in groups if f.get("training_certificate") is False and key not in f] \
        if trainees and trainees != out.facts.get("trainee_count") else []
    if len(started) == 1 and trainees and trainees > started[0] and \
            not any(f.get(key) is False for _, f in groups):
        cert = {"training_certificate": True} if uncertified else {}
        groups = [(started[0], {"started_business_after_training": True, **({key: True} if within_6 else {}), **cert}),
                  (trainees - started[0], {"started_business_after_training": False,
                                           **({key: False} if within_6 else {}), **cert})] + uncertified
    elif uncertified:
        groups = [(n, {**f, "training_certificate": True} if key in f else f) for n, f in groups]
    # "开发了6个岗位：4个做保洁，2个当网格员": the 6 are all of them, not a group of their own
    groups = [(n, f) for i, (n, f) in enumerate(groups)
              if not (len(groups) >= 3 and n == sum(m for j, (m, _) in enumerate(groups) if j != i))]
    keys = {k for _, f in groups for k in f}
    split = {k for k in keys if len({repr(f[k]) for _, f in groups if k in f}) >= 2}
    groups = [(n, f) for n, f in groups if split & set(f)]
    if len(groups) >= 2 and split:
        out.case_groups = groups = _without_those_who_had(groups, said, read)
        total = sum(n for n, _ in groups)
        if out.facts.get("new_hires") in [n for n, _ in groups] and out.facts["new_hires"] < total:
            out.facts["new_hires"] = total      # "安置…：4个做保洁，2个当网格员": 6 placed, not the first group's 4
        for k in split:         # not one value for the whole message ("20个是普通工种" last): each group has its own
            if k == "post_type" and where:
                continue        # all of them town (or village) posts: that much holds for the whole message
            out.facts.pop(k, None)
        if "business_type" in split and out.facts.get("borrower_type") in nz.BORROWER_OF_FORM.values():
            # "5个是各人开的个体店，另外3个合伙开了个农家乐，都想贷款": each group borrows as its own form does
            out.facts.pop("borrower_type")
            out.case_groups = [(n, {**f, "borrower_type": nz.BORROWER_OF_FORM[f["business_type"]]}
                                if f.get("business_type") in nz.BORROWER_OF_FORM else f) for n, f in out.case_groups]



# two courses in one message, each in its own clauses ("一是IYB培训结业的一个人补多少；二是我们SYB班只排了60个课时",
# "想去学个挖掘机，再学学咋创业"): each course's own facts, for the benefits of that course (Profile.course_facts)
_LEARN_STARTUP = re.compile(r"学[学个点下]?(?:咋|怎么|如何|一下)?(?:创业|开店|做生意|当老板)")
_COURSE_FACTS = ("training_hours", "training_days", "training_certificate", "class_employment_rate", "class_placed_count",
                 "started_business_within_6_months", "started_business_after_training", "started_business_count")
# a class's trainees of the poor, said after the class ("建档立卡贫困户25个", "20个全是建档立卡贫困户")
_POOR_OF_CLASS = re.compile(r"^(?:其中|里头|里面)?(?:建档立卡|贫困|脱贫)[^，,。；;0-9]{0,6}?([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位|人)|"
                            r"^(?:其中|里头|里面|里边)?(?:有)?([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位)(?:人|学员)?(?:全|都)?(?:是)?"
                            r"(?:建档立卡|贫困|脱贫)")
# some of a class who started a business ("其中6个已经开了店", "有3个办了执照")
_STARTED_OF_CLASS = re.compile(r"(?:其中|里头|里面|有)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位|人)(?:人|学员)?[^，,。；;0-9]{0,6}?"
                               r"(?:开了店|开店了|开起了|开起来了|办了执照|办起了|创业了|实现了?创业|当了老板|自己干起来)|"
                               # (the started said first: "合格的里头已经开了店办了执照的有6个")
                               r"(?:其中|里头|里面)[^，,。；;0-9]{0,4}?(?:开了店|开起了店|办了执照|创业了|实现了?创业)"
                               r"[^，,。；;0-9]{0,8}?的(?:有|是)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位|人)")
# a course's money had already ("领过一次生活费补贴300块")
_HAD_ITS_MONEY = re.compile(r"(?:领过|拿过|已经领了|已领|享受过|补过)[^，,。；;？?]{0,6}?(?:补贴|补助|钱)")
# a kind of course said beside its general name ("办了一期SYB…都拿了创业培训合格证"): one course, not two
_GENERAL_OF = {"SYB": "创业培训", "IYB": "创业培训", "网络创业": "创业培训"}


# a clause that names a course, or says something of one (its hours, days, certificate, the jobs after it)
_COURSE_HINT = re.compile(r"培训|SYB|IYB|syb|iyb|学(?:个|门|点|学|一下|咋|怎么)|(?:开|办)了?(?:一|两|几|[0-9]+)?期")
# the trade a course teaches, said before its kind ("电工就业技能培训班", "焊工岗位技能提升培训班")
_TRADE_OF_COURSE = re.compile(r"([\u4e00-\u9fff]{2})(?:初级|中级|高级)?(?:就业技能|岗位技能提升|技能提升|就业前)(?:培训)?班?")
_COURSE_SAID = re.compile(r"课时|学时|天|证|就业率|%|百分|创业|开了|办了|合格")


_CERTIFIED = re.compile(r"([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位)(?:人|学员|学生)?\s*(?:都|最后|最终)?(?:考过了?|通过了?|考试通过了?)?"
                        r"(?:拿到|拿了|取得|考到|考取|考下)"
                        r"(?:了)?[^，,。；;]{0,6}?证|"
                        # "40个学员，38个培训合格"
                        r"([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位|人)(?:人|学员|学生)?\s*(?:都|最后|最终)?(?:培训|考核|结业|考试)?合格|"
                        # "考核合格了24个"
                        r"(?:培训|考核|结业|考试)合格(?:了|的)?(?:有)?\s*([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位|人)")


def certified_of_class(out: Extracted, said: str) -> None:
    """One class, some of its trainees with the certificate ("20个学员，考下来15个拿到合格证"): the class's money counts
    those with it (each course of two: _courses)."""
    # (or the people a village's officer counts for a class: "组织15个建档立卡贫困户参加了…创业培训，考试合格了12个", the
    # certified said after; a school's "考核合格三十六个" of its 40 keeps the 40 it trained)
    trainees = out.facts.get("trainee_count")
    officer = not trainees and out.class_said and bool(out.facts.get("training_type"))
    trainees = trainees or (out.facts.get("new_hires") if officer else None)
    if not trainees or out.course_facts:
        return
    got = [nz.parse_count(m.group(1) or m.group(2) or (m.group(3) if officer else None)) for m in _CERTIFIED.finditer(said)]
    got = [g for g in got if g]
    passed = [g for g in out.case_groups if g[1] == {"training_certificate": True}]
    failed = [g for g in out.case_groups if g[1] == {"training_certificate": False}]
    if len(out.case_groups) == 2 and len(passed) == 1 and len(failed) == 1 and passed[0][0] + failed[0][0] == trainees:
        # "建档立卡那15个里头12个培训合格，3个没合格；合格的12个里头已经有4个自己开了店": the class's money counts the 12, and
        # of them the 4 who started a business
        out.case_groups = []
        got = [passed[0][0]]
    if out.case_groups:
        # "贫困户里十八个考试合格拿了证 现在已经有七个开了店" of 20: the class's groups by a business started are of the 18
        started = [g for g in out.case_groups if g[1] == {"started_business_after_training": True}]
        rest = [g for g in out.case_groups if g[1] == {"started_business_after_training": False}]
        if len(got) == 1 and got[0] and got[0] < trainees and len(out.case_groups) == 2 and len(started) == 1 and \
                len(rest) == 1 and started[0][0] + rest[0][0] == trainees and started[0][0] <= got[0]:
            out.facts["trainee_count"] = float(got[0])
            out.facts["training_certificate"] = True
            out.case_groups = [started[0]] + ([(float(got[0]) - started[0][0], rest[0][1])] if got[0] > started[0][0] else [])
        return
    if len(got) == 1 and got[0] and got[0] < trainees:
        out.facts["trainee_count"] = float(got[0])
        out.facts["training_certificate"] = True
        # "15人考核合格，其中4人已经开了店实现创业，2人不合格": those of the certified who started a business
        started = _STARTED_OF_CLASS.search(said)
        n = nz.parse_count(started.group(1) or started.group(2)) if started else None
        if n and n <= got[0]:
            out.facts["started_business_count"] = float(n)
            out.facts["started_business_after_training"] = True


def _two_courses(said: str) -> bool:
    """Two courses said each with its head-count ("一是电焊工就业技能培训班30人…二是SYB创业培训班15人")."""
    kinds = {k.upper() for k in re.findall(r"SYB|IYB|syb|iyb|网络创业|就业技能|岗位技能|实用技能|中期技能", said)}
    return len(kinds) >= 2 or bool(re.search(r"(?:另外|还|又)(?:办|开)了?(?:一|两|[0-9]+)?期", said)) or \
        sum(1 for c in clauses_of(said) if _COURSE_HINT.search(c) and
            re.search(r"[0-9一二两三四五六七八九十百]+\s*(?:个|名|位|人)(?!月|多月|课时|小时|天)", c)) >= 2


def _trainees_of_course(said: str, started: float) -> float | None:
    """Of two courses in a message, the head-count (those with the certificate, said so) of the course in whose clauses
    `started` of its trainees are said to have started a business."""
    count = None
    for clause in clauses_of(said):
        if _COURSE_HINT.search(clause):
            n = re.search(r"([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位|人)(?!月|多月|课时|小时|天)", clause)
            count = float(nz.parse_count(n.group(1)) or 0) if n else None
        certified = _CERTIFIED.search(clause)
        k = nz.parse_count(certified.group(1) or certified.group(2)) if certified else None
        if k and count and k < count:
            count = float(k)
        done = _STARTED_OF_CLASS.search(clause)
        if done and nz.parse_count(done.group(1) or done.group(2)) == started:
            return count
    return None


def _courses(out: Extracted, said: str, read) -> None:
    clauses = clauses_of(said)
    if sum(1 for c in clauses if _COURSE_HINT.search(c)) < 2:
        return
    courses: dict[str, dict] = {}
    trades: dict[str, str] = {}     # a course's trade ("电工就业技能培训班": 电工) → its kind
    current = None
    others = set()              # how many of a class are not of the poor (out of its count already)
    for clause in clauses:
        poor = _POOR_OF_CLASS.search(clause)
        if current and _REST_CAME_ALL.search(clause) and not _COURSE_HINT.search(clause):
            courses[current]["_rest_all"] = True    # "…有2个只来了10天就没来了，其余的都上满了": the others, every day
            continue
        # (not some of the poor by their days: "建档立卡的里面有2个只来了10天就没来了")
        if current and poor and nz.parse_count(poor.group(1) or poor.group(2)) and not _COURSE_HINT.search(clause) and \
                not _GROUP_DAYS.search(clause):
            # "一个月嫂就业技能培训班，建档立卡贫困户25个、一般农户10个": the course's trainees of the poor
            n = float(nz.parse_count(poor.group(1) or poor.group(2)))
            if n < courses[current].get("trainee_count", n + 1):
                # "电焊工就业技能培训班30人，里面20个是建档立卡贫困劳动力": the class's poor are counted
                if "trainee_count" in courses[current]:
                    others.add(courses[current]["trainee_count"] - n)
                courses[current]["trainee_count"] = n
            continue
        alone = re.fullmatch(r"\s*(?:共|一共|总共)?([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位)?(?:学员|人)\s*", clause) or \
            re.fullmatch(r"\s*(?:学员|学生|参训人员|参训|人数)(?:共|一共|总共|有)?\s*([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位|人)(?:人)?\s*",
                         clause)   # ("学员30人")
        missed = _SOME_MISSED.search(clause) if current else None
        if missed and nz.parse_count(missed.group(1)) and nz.parse_count(missed.group(2)) and \
                not _COURSE_HINT.search(clause):
            # "一个是电工就业技能培训班，学员30人…课程15天，其中2个人各缺了5天课": that course's trainees by their days
            courses[current]["_missed"] = (float(nz.parse_count(missed.group(1))), float(nz.parse_count(missed.group(2))))
            continue
        if current and alone and nz.parse_count(alone.group(1)):
            # "办了一期SYB，30个学员，80课时": the course's trainees, said alone after it
            courses[current].setdefault("trainee_count", float(nz.parse_count(alone.group(1))))
            continue
        started = _STARTED_OF_CLASS.search(clause)
        if current and started and nz.parse_count(started.group(1) or started.group(2)) and \
                not _COURSE_HINT.search(clause) and not _COURSE_SAID.search(clause):
            # "还有一个创业培训班(SYB)，12个全是建档立卡的，都考核合格了，其中3个已经开起了店": of that course
            courses[current]["started_business_count"] = float(nz.parse_count(started.group(1) or started.group(2)))
            courses[current]["started_business_after_training"] = True
            continue
        if current and _HAD_ITS_MONEY.search(clause):
            courses[current]["_had"] = True     # "…就业前技能培训，上了15天，领过一次生活费补贴300块": a course had
        all_of = re.match(r"\s*([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位)(?:人|学员|学生|工人)?(?:都|全)(?:是)?", clause)
        if current and all_of and not _COURSE_HINT.search(clause) and "trainee_count" not in courses[current] and \
                nz.parse_count(all_of.group(1)):
            # "…岗位技能提升培训班，20个都是本县建档立卡的": the course's trainees, all of one kind
            courses[current]["trainee_count"] = float(nz.parse_count(all_of.group(1)))
        if current and not _COURSE_HINT.search(clause):
            # "28个本省贫困学员里25个上满了30天" "3个上了10天就走了": that course's trainees by the days they came
            courses[current].setdefault("_days", []).extend(
                [float(nz.parse_count(m.group(1)) or 0), float(nz.parse_count(m.group(2)) or 0)]
                for m in _GROUP_DAYS.finditer(clause))
        if not (_COURSE_HINT.search(clause) or _COURSE_SAID.search(clause)):
            continue
        got = dict(read(clause).facts)
        if got.get("trainee_count") == 1 and (re.search(r"一(?:个|期)[^，,。；;0-9]{0,12}?班", clause) or
                                              not re.search(r"(?:1|一)\s*(?:个|名|位)?\s*(?:人|学员|学生)", clause)):
            got.pop("trainee_count")        # "一个SYB创业培训班", "给县里一家厂子…办的…班": one class, not one trainee
        started = _STARTED_OF_CLASS.search(clause)
        if started and nz.parse_count(started.group(1) or started.group(2)):
            # "其中6个已经开了店": those of the class who started a business
            got["started_business_count"] = float(nz.parse_count(started.group(1) or started.group(2)))
            got["started_business_after_training"] = True
        kind = got.get("training_type") or ("创业培训" if _LEARN_STARTUP.search(clause) else None)
        if kind and current and _GENERAL_OF.get(current) == kind and re.search(r"合格证|证", clause) and \
                not re.search(r"另外|还|又", clause):
            kind = current      # ("一期SYB，30个学员…28个拿到了创业培训合格证": that course's certificate, not another)
        if kind:
            current = kind
            courses.setdefault(kind, {})
            trade = _TRADE_OF_COURSE.search(clause)
            if trade:
                trades.setdefault(trade.group(1), kind)
        if current:
            for k in _COURSE_FACTS:
                if k in got:
                    courses[current].setdefault(k, got[k])
            said_n = re.search(r"([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位|人)(?:人|学员|学生)?[^，,。；;]{0,6}?(?:拿|取得|考|合格|结业|参加|参训)",
                               clause)
            n = got.get("trainee_count") or got.get("new_hires") or (nz.parse_count(said_n.group(1)) if said_n else None)
            if n and not started:   # (those who opened a shop are some of the trainees, not the course's count)                   # "另外还办了一期IYB…15个人拿了证": that course's own trainees
                courses[current].setdefault("trainee_count", n)
            # "IYB班20人…18个拿到了合格证，2个没拿到": the course's money counts those with the certificate
            certified = _CERTIFIED.search(clause)
            k = nz.parse_count(next(g for g in certified.groups() if g)) if certified else None
            if k and k < (courses[current].get("trainee_count") or 0):
                courses[current]["trainee_count"] = k
    for kind, general in _GENERAL_OF.items():
        if kind in courses and general in courses:
            courses[kind] = dict(courses.pop(general), **courses[kind])
    standard = next(((clause, training_standard(clause)) for clause in clauses if training_standard(clause)), None)
    named = {kind for t, kind in trades.items() if standard and t in standard[0]}
    if len(courses) >= 2 and len(named) == 1:
        # "我们这里电工初级培训的补贴标准是每人1200元" beside an 电工 class and a 焊工 class: the 电工 class's standard;
        # the other's is not said
        courses[named.pop()]["training_standard"] = standard[1]
        out.facts.pop("training_standard", None)
    had = [k for k, c in courses.items() if c.pop("_had", False)]
    if had and len(courses) > len(had) and re.search(r"(?:再|又|这回|这次|另外)[^，,。；;？?]{0,4}?(?:报|参加|学|上)", said):
        for k in had:           # (a course had, its money taken, beside one to come: the one asked about is the new one)
            del courses[k]
    for c in courses.values():
        n, d = c.pop("_missed", (None, None))
        whole, days = c.get("trainee_count"), c.get("training_days")
        if n and whole and days and n < whole and d < days:
            c["group_days"] = [[whole - n, days], [n, days - d]]
        by_days = [g for g in c.pop("_days", []) if g[0] and g[1]]
        if c.pop("_rest_all", False) and by_days and whole and days and whole > sum(n for n, _ in by_days) and \
                all(d < days for _, d in by_days):
            by_days.append([whole - sum(n for n, _ in by_days), days])
        if len(by_days) >= 2 and "group_days" not in c and len({d for _, d in by_days}) >= 2 and \
                whole == sum(n for n, _ in by_days) and (days is None or max(d for _, d in by_days) <= days):
            c["group_days"] = by_days
    if len(courses) >= 2:
        out.course_facts = courses
        if any("group_days" in c for c in courses.values()):
            out.group_days = []         # (the groups by days are that course's, not of both courses' trainees)
        # ("SYB班30个人，里头26个是建档立卡的…另外4个不是贫困户": the 4 are out of the class's count already)
        out.counted_not = {k: v for k, v in out.counted_not.items() if not (v[0] in others and v[1] == "不是建档立卡户")}
        if out.case_groups and all(set(f) <= {"started_business_after_training", "started_business_within_6_months",
                                              "training_certificate"} for _, f in out.case_groups) and \
                sum(n for n, _ in out.case_groups) not in {c.get("trainee_count") for c in courses.values()}:
            # (who of a class started a business, counted against both classes' trainees: that course's own count)
            out.case_groups = []
        if any("started_business_count" in c for c in courses.values()):
            for k in ("business_type", "borrower_type", "business_planned"):
                out.facts.pop(k, None)      # (a class's trainees who opened shops: no business of the asker's)


# a class's trainees by the days they attended ("30个20天全到 10个只到了15天")
_GROUP_DAYS = re.compile(r"([0-9一二两三四五六七八九十]+)\s*个(?:脱贫户|贫困户|建档立卡(?:户)?|脱贫劳动力|贫困劳动力)?(?:的)?"
                         r"(?:学员|人)?\s*(?:只|就|才)?(?:到了|来了|上了|上满了?|上完了?|来满了?|"
                         r"参加了|实际到课|到课)?\s*"
                         r"([0-9一二两三四五六七八九十]+)\s*天")
_EVERY_DAY = re.compile(r"([0-9一二两三四五六七八九十]+)\s*个(?:学员|人)?\s*(?:都)?(?:天天(?:都)?(?:到|来)|每天都(?:到|来)|全勤|满勤|"
                        r"一天(?:都)?(?:没落|不落|没缺|没少))")
_EVERY_DAY_AFTER = re.compile(r"(?:全勤|满勤|天天(?:都)?(?:到|来)|每天都(?:到|来))的(?:有|是)?\s*([0-9一二两三四五六七八九十]+)\s*个")
# some who missed days of the class ("3个人中间家里有事各缺了5天", "3个人每人缺了2天"): they attended the class's days less
# those
_GROUP_MISSED = re.compile(r"([0-9一二两三四五六七八九十]+)\s*个(?:学员|人)?[^，。,；;？?0-9]{0,10}?(?:各|每人|每个人|每个)?(?:都)?"
                           r"(?:缺|请假|请了假|落|少|耽误)(?:了)?(?:课)?\s*"
                           r"([0-9一二两三四五六七八九十]+)\s*天")
# the rest of a class there every day ("其余的都上满了", "其他人都是全勤")
_REST_CAME_ALL = re.compile(r"(?:其余|其他|剩下|别的)(?:的)?(?:人|学员)?(?:都|全)(?:是)?(?:上满了?|来满了?|上完了?|天天(?:都)?(?:到|来)|全勤|满勤)")
_CLASS_DAYS = re.compile(r"(?:培训(?:了|时间)?(?:是|为|共|一共)?[，,]?|课程(?:是|为|共|一共)?|(?:班|课)(?:一共|总共|共)?(?:开了|办了|上了|是|为))\s*"
                         r"([0-9一二两三四五六七八九十]+)\s*天|"
                         r"([0-9一二两三四五六七八九十]+)\s*天的(?:培训|课)")
# days missed said again ("不是请3天 是请了5天假")
_MISSED_CORRECTED = re.compile(rf"不是(?:{nz.MISSED_VERBS})?(?:了)?\s*([0-9一二两三四五六七八九十]+)\s*天[^，。,；;？?0-9]{{0,4}}?"
                               rf"(?:是|而是)\s*(?:{nz.MISSED_VERBS})?(?:了)?\s*([0-9一二两三四五六七八九十]+)\s*天")
# (the days now first: "请假请的是5天，不是3天")
_MISSED_CORRECTED_NOW_FIRST = re.compile(rf"(?:{nz.MISSED_VERBS})(?:假|课)?(?:{nz.MISSED_VERBS})?(?:了|的)?(?:是|有)?\s*"
                                         rf"([0-9一二两三四五六七八九十]+)\s*天[，,]?\s*(?:不是|并不是|而不是)\s*"
                                         rf"([0-9一二两三四五六七八九十]+)\s*天")
# some of a class who missed days ("有2个学员中途请了3天假", "其中3个缺了两天课")
# (or said beside those who came every day: "25个人10天全勤，5个人各缺了2天")
# those who missed days said as who they are ("缺课的是3个人，每人缺了4天")
_MISSED_ARE = re.compile(r"(?:缺课|请假|缺勤|没来齐)的(?:是|有)\s*([0-9一二两三四五六七八九十]+)\s*个(?:学员|人)?[，,]?\s*"
                         rf"(?:每人|每个人|每个|各|都)?(?:各)?(?:{nz.MISSED_VERBS})(?:了)?\s*([0-9一二两三四五六七八九十]+)\s*天")
_SOME_MISSED = re.compile(r"(?:(?:有|其中|里头有|里面有)|(?<=全勤[，,、])|(?<=全到[，,、])|(?<=没缺[，,、]))\s*"
                          r"([0-9一二两三四五六七八九十]+)\s*个(?:学员|人)?[^，。,；;？?]{0,8}?"
                          rf"(?:{nz.MISSED_VERBS})(?:了)?\s*([0-9一二两三四五六七八九十]+)\s*天")


# the days those who missed some came after all, said right after ("请了5天假，只来了10天")
_CAME_AFTER_MISSED = re.compile(r"(?:假|课)?[，,、]?\s*(?:只|就|才|实际)?(?:来了|上了|到了|参加了|学了|来|上)\s*"
                                r"([0-9一二两三四五六七八九十]+)\s*天")

_SOME_OF_CLASS = nz.some_of_a_count(between=r"[^，,。；;？?0-9]{0,6}?")


def missed_of_the_count(out: Extracted, said: str) -> None:
    """"…40个学员，其中25个是建档立卡…有2个贫困户学员各缺了3天课": the 2 who missed days are of the 25 said before, not 2
    more (_group_days then makes the groups by days)."""
    m = _SOME_MISSED.search(said)
    n = nz.parse_count(m.group(1)) if m else None
    if not n:
        return
    before = {nz.parse_count(x) for x in re.findall(r"([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位)(?!月)", said[:m.start()])}
    for k in ("trainee_count", "hired_poor_count", "new_hires"):
        if out.facts.get(k) and out.facts[k] - n in before and out.facts[k] not in before:
            out.facts[k] -= n


def _group_days(out: Extracted, said: str) -> None:
    """Trainees in groups by the days they attended, when the groups add up to the class (Profile.group_days); some
    of a class said before who missed days (understand.merge makes the groups)."""
    groups = [(float(nz.parse_count(m.group(1)) or 0), float(nz.parse_count(m.group(2)) or 0))
              for m in _GROUP_DAYS.finditer(said)]
    # "培训15天，…30个天天到，2个只来了10天": those who came every day attended the class's days
    class_days = _CLASS_DAYS.search(said)
    days = nz.parse_count(class_days.group(1) or class_days.group(2)) if class_days else None
    if days:
        groups += [(float(nz.parse_count(m.group(1)) or 0), float(days)) for m in _EVERY_DAY.finditer(said)]
        # ("全勤的20个": the count said after)
        groups += [(float(nz.parse_count(m.group(1)) or 0), float(days)) for m in _EVERY_DAY_AFTER.finditer(said)]
        groups += [(float(nz.parse_count(m.group(1)) or 0), float(days - (nz.parse_count(m.group(2)) or 0)))
                   for m in _GROUP_MISSED.finditer(said) if (nz.parse_count(m.group(2)) or 0) < days]
    groups = [g for g in groups if g[0] and g[1]]
    trainees = out.facts.get("trainee_count") or out.facts.get("new_hires")
    if days and groups and trainees and _REST_CAME_ALL.search(said) and trainees > sum(n for n, _ in groups) and \
            all(d < days for _, d in groups):
        # "培训25天，建档立卡的里面有2个只来了10天就没来了，其余的都上满了": the others of the class its days
        groups.append((float(trainees - sum(n for n, _ in groups)), float(days)))
    inside = _SOME_OF_CLASS.search(said)
    whole, some = (nz.parse_count(inside.group(1)), nz.parse_count(inside.group(2))) if inside else (None, None)
    if whole and some and some < whole:
        # "30个贫困学员里有5个人各缺了3天课，其余都是全勤": the 5 are of the 30, not 5 more
        for k in ("trainee_count", "new_hires", "hired_poor_count"):
            if out.facts.get(k) == whole + some:
                out.facts[k] = float(whole)
        big = next((g for g in groups if g[0] == whole), None)
        small = next((g for g in groups if g[0] == some), None)
        if len(groups) == 2 and big and small and big is not small:
            groups = [(whole - some, big[1]), small]
    trainees = out.facts.get("trainee_count") or out.facts.get("new_hires")
    if len(groups) >= 2 and len({d for _, d in groups}) >= 2 and \
            (trainees == sum(n for n, _ in groups) or trainees in [n for n, _ in groups] or trainees is None):
        # (a count that is one group's, "有16个人天天都来了，有4个人只来了10天", is no class of its own: the groups are it)
        out.group_days = groups
        out.facts["training_days"] = max(d for _, d in groups)
        for k in ("trainee_count", "new_hires"):
            if k in out.facts:
                out.facts[k] = sum(n for n, _ in groups)
        return
    m = _MISSED_CORRECTED.search(said)
    first = _MISSED_CORRECTED_NOW_FIRST.search(said)
    was_now = (m.group(1), m.group(2)) if m else (first.group(2), first.group(1)) if first else None
    if was_now and nz.parse_count(was_now[0]) is not None and nz.parse_count(was_now[1]) is not None:
        out.days_missed_more = float(nz.parse_count(was_now[1]) - nz.parse_count(was_now[0]))
        out.facts.pop("training_days", None)
        return
    m = _SOME_MISSED.search(said) or _MISSED_ARE.search(said)
    if m and nz.parse_count(m.group(1)) and nz.parse_count(m.group(2)):
        n, d = float(nz.parse_count(m.group(1))), float(nz.parse_count(m.group(2)))

        # the class said in the same message ("10天，学员20个…其中5个人各请假缺了3天"): its groups by days now
        class_days = [nz.parse_count(x.group(1)) for x in re.finditer(r"([0-9一二两三四五六七八九十]+)\s*天", said)
                      if not (m.start() <= x.start() < m.end())]
        # (their days at class said after the days missed, "1个请了5天假，只来了10天": the class's are both)
        came = _CAME_AFTER_MISSED.match(said[m.end():])
        if came and nz.parse_count(came.group(1)):
            class_days = [nz.parse_count(came.group(1)) + d]
        class_days = [x for x in class_days if x]
        if trainees and class_days and n < trainees and d < max(class_days):
            whole = float(max(class_days))
            out.group_days = [(trainees - n, whole), (n, whole - d)]
            out.facts["training_days"] = whole
            return
        out.days_missed_by = (n, d)
        for k in ("trainee_count", "new_hires", "hired_poor_count", "training_days"):
            out.facts.pop(k, None)          # theirs, not the class's
        if class_days and d < max(class_days):
            # ("培训一共10天…有2个学员各缺了2天课" of a class counted before): the class's days, said beside
            out.facts["training_days"] = float(max(class_days))
