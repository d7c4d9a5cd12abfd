"""What every part of reading one message shares (assistant/extract.py): the record of what was found, the NLU
entities of one kind, the clause around a word, a plan ("想…", "要是…") or a rate ("一天多少") that is not a fact, and
the event a date belongs to."""
from __future__ import annotations

from policies import rx as re
from dataclasses import dataclass, field
from typing import Any

from policies import normalize as nz

@dataclass
class Extracted:
    place: str | None = None
    work_place: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    categories: list[str] = field(default_factory=list)
    not_categories: list[str] = field(default_factory=list)
    # of those, the ones said only of someone else ("表哥不是贫困户"): not the asker's, when the asker is one already
    others_not: list[str] = field(default_factory=list)
    numbers: list[float] = field(default_factory=list)       # numbers with no role (answers to a question)
    truncated: bool = False
    home_uncovered: str | None = None   # the home place said, when no document covers it and the place of work is used
    place_as_home: bool = False         # the place was said as home ("我是…的", "老家…"), not just named
    place_of_study: bool = False        # the only place said is where a child studies ("孙子在儋州读技校"): used for it
    correction: bool = False            # the message corrects something said before ("说错了", "不对")
    in_addition: bool = False           # it adds to what was said ("她家也是低保户", "来电人补充"), not instead
    place_compared: str | None = None   # a covered place named to compare with ("隔壁千阳县的都能领"), not the asker's
    place_corrected: bool = False       # the place itself is corrected ("不是千阳的，是陇县的", "说错了，是汉阴的")
    more_people: float = 0              # people besides those counted before ("还有一个也是建档立卡的", "又招了2个")
    another_course: bool = False        # it is about another class or course than the one said before ("还有一期IYB")
    class_said: bool = False            # it speaks of a class or its trainees ("家政班里有30个是脱贫户")
    # how many of a class said before found work, said alone ("3个月内就业的是29个，不是22个"): understand.merge makes
    # it the class's employment rate over the trainees counted before
    class_placed: float | None = None
    # facts taken by default, not said ("要是贷五百万": a person borrows unless a unit is named): what was said before stays
    defaults: list = field(default_factory=list)
    recount: bool = False               # it corrects a unit's head-count only ("漏算了一个，一共十个人")
    # a group's count said again ("低收入的是5个不是3个"): (poor | lowinc, how many more); the other counts stand
    count_fix: tuple | None = None
    # a correction that says the count of the poor again with no count it replaces ("不好意思数错了，建档立卡的是23个"):
    # (class, the count now); understand.merge takes the difference from the count said before
    count_said: tuple | None = None
    # the persons counted out had the benefit in a year before this ("去年…当时也领过补贴"): a benefit once a year
    # counts them again
    had_last_year: bool = False
    business_dropped: bool = False      # the business said before is given up ("她要是先不开店，去海口找个班上呢")
    kind_denied: bool = False           # the unit is not of the kind said before ("要是我们还不是就业扶贫基地呢？就是普通企业")
    kind_added: bool = False            # a unit recognised as one more kind ("今年又被县上认定成就业帮扶基地了")
    # a part of a head-count said before, by category ("这160个人里有100个是脱贫户"): (the whole, the part)
    part_of: tuple | None = None
    # the group short of time is some of the count said ("湘西的5个里有4个已经干了一年多，还有1个今年三月才进来")
    # the household named loosely ("家里有扶贫卡", "俺家是享受政策的"): which register it is on is not said
    category_vague: bool = False
    # of a class said before, those who started a business ("考过的那30个里，已经有6个…开了店"): their count
    started_of_class: float | None = None
    short_in_count: bool = False
    kin_named: list = field(default_factory=list)   # the kin the message names ("那俺妈干满一年…": 妈)
    people_from: str | None = None      # where the 建档立卡 person (or the workers hired) is from: "贵州的贫困户"
    # benefits the person says they already received this calendar year ("今年已经领过一回跨省路费补助了"), as benefit
    # ids of every document whose words (catalogue benefit_words) name them: Profile.received_this_year, which the
    # limits (每人每年只能享受一次) and exclusions (一个自然年度内…二者之一) read
    received_this_year: list[str] = field(default_factory=list)
    # benefits the person means to take ("他说想自己去领求职补贴"): an exclusive one (二者之一) then turns on that
    planned_this_year: list[str] = field(default_factory=list)
    # benefit id -> persons of a unit's count who are not counted for it (Profile.counted_out)
    counted_out: dict[str, float] = field(default_factory=dict)
    # benefit id -> [persons, why] of a unit's count who fail one of its conditions, said of some of them: from another
    # province ("是外省的"), not insured ("没交社保") — Profile.counted_not
    counted_not: dict[str, list] = field(default_factory=dict)
    # benefit id -> (count fact, group size) of a counted_out said of a group counted in an earlier message
    counted_out_of: dict[str, tuple] = field(default_factory=dict)
    # (benefit ids, persons, size of their group or None, whether they had it last year)
    counted_out_pending: list = field(default_factory=list)
    staff_only: bool = False            # the counts say who a unit's staff are, not whom it hired
    # a class's trainees by the days each attended: [(head-count, days)] (Profile.group_days)
    group_days: list = field(default_factory=list)
    # (persons, days) of a class said before who missed that many days ("有2个学员中途请了3天假")
    days_missed_by: tuple | None = None
    # days missed said again ("不是请3天 是请了5天假"): how many more (or fewer) than said before
    days_missed_more: float = 0.0
    days_missed_own: float = 0.0        # days of the course the person missed, said alone ("中间有三天冇去")
    # (persons, size of their group or None, whether it was last year) who already had the benefit asked about, not named
    # ("已经给那个中介补过一回了")
    counted_out_topic: list = field(default_factory=list)
    # a group's count corrected ("还在干的是10个，不是11个", "干了两个月就回来的是4个"): (new count, old count or None,
    # the group's months or None), for understand.merge to apply to the groups said before (Profile.group_months)
    group_fixes: list = field(default_factory=list)
    # the rest of a group corrected, said with facts of its own ("本县的是7个不是9个，另外2个是今年3月才进来的"):
    # (count, their facts: months, contract), for understand
    rest_group: tuple | None = None
    # a group's months corrected ("见习4个月的那个其实是5个月"): (old months, new months), for understand.merge
    month_fixes: list = field(default_factory=list)
    # some said before to be on a short contract, to sign a year's now or soon ("那9月来的那3个 要是下个月跟他们重新签成
    # 一年的合同呢"): (their count or None, the contract's months), for understand.merge to count them again
    renewed: tuple | None = None
    # the counts of those who started a business or not corrected ("开店的是8个不是5个", "开了店的是十一个 没开的是十九个"):
    # [(started or not, the count now)], for understand.merge to apply to the groups said before (Profile.case_groups)
    case_fixes: list = field(default_factory=list)
    # more of a class's trainees to start a business ("还有三个能把店开起来"), for understand._fix_case_groups
    case_more_started: float = 0
    # how many months ago the training said was (the latest), for understand.merge to tell a business started within six
    # months of it when the business's date is said (or corrected) later
    training_ago: float | None = None
    # how many months ago a job said before ended ("我是干到去年国庆才回来的"), for understand.merge to count the months it
    # lasted from its start said before
    job_ended_ago: float | None = None
    # a group said before reaching a time to come ("等她俩干满一年了，那一千块还给不"): (its count or None, the months),
    # for understand.merge to count that group at those months (Profile.group_months)
    group_later: tuple | None = None
    # (count, months) of one group said before whose date is corrected ("开春来那个是前年开春来的")
    group_redated: tuple | None = None
    # of the people counted before, only so many meet the condition ("签一年以上合同的只有9个，其他都是临时工"): that
    # many, for understand.merge to count instead of everyone
    only_those: float | None = None
    # some of a group by time who had the benefit asked about ("满6个月的9个里头有1个…已经被别的中介报过"): (n, group),
    # out of the count once the groups by time are read (extract._out_of_a_time_group)
    group_out: list = field(default_factory=list)
    # those of the whole who had the benefit asked about, taken out before the groups by time were read ("…还有1个干了
    # 半年多，但这个人今年已经有别的中介给领过一次补贴了"): their number, for the groups' count (extract)
    topic_out_whole: list = field(default_factory=list)
    # the sum over a year asked ("他一年下来岗位补贴加保险补贴一共多少"): a public-welfare post's months are 12 then
    # (understand.merge, when the talk is of such a post and its months were not said)
    year_asked: bool = False
    # some of a unit's counted people replaced by others not counted ("要是明年有两个脱贫的绣娘走了，换了两个普通村民进来"):
    # (persons out, "poor" | "low_income", persons in), for understand.merge to apply to the counts said before
    swaps: list = field(default_factory=list)
    # a form of business asked as a what-if beside the one said ("一个人弄…要是跟表哥合伙呢"): that form's loan too
    form_what_if: str | None = None
    # some of a group said before left early ("摘苹果那5个里头有1个干了两个月就回来了"): (m, group or None, months)
    group_short: tuple | None = None
    # the group of group_short said as some of a head-count named again ("七个里头有两个…"), no new head-count
    group_short_named: bool = False
    # groups of a unit's people by how long they have worked: [(head-count, months)] (Profile.group_months)
    group_months: list = field(default_factory=list)
    # groups of a unit's people that fall in different cases of an amount: [(head-count, {fact: value})]
    # (Profile.case_groups)
    case_groups: list = field(default_factory=list)
    # people said in groups by category, each once ("低保家庭的12个、脱贫家庭的20个、残疾的2个"): [(head-count, category)]
    # (Profile.category_groups)
    category_groups: list = field(default_factory=list)
    # some of a group by category who are also in another ("低保那4个里头有2个家里同时也是脱贫户，跟那6个是重的"):
    # (the group's head-count, how many of them are counted twice)
    counted_twice: tuple | None = None
    # a second course to come, asked whether its allowance can be had again this year ("这个月底还有个…班20天…还能
    # 再领一回不"): its days, beside the course had (whose days are training_days)
    again_days: float | None = None
    # people added on a shorter contract than the others' (set when merged, understand._more_people): {benefit id:
    # (the condition they fail, how they were said)}
    added_short: dict = field(default_factory=dict)
    # the months of one group corrected ("走的那个是干了一年零一个月才走的，不是八个月"): (the months said before, now)
    months_fix: tuple | None = None
    # an age corrected with no 岁 said ("我弟不是二十四 是二十六"): (said before, now), for the person whose age it was
    age_fix: tuple | None = None
    # some of a group counted before corrected with their own months ("那5个里头有1个…干了9个月"): (the group's count,
    # how many of it, their months), for understand.merge to split that group (Profile.group_months)
    group_split: tuple | None = None
    group_came: bool = False            # group_split's months are since the date they came ("今年五月份才进厂的")
    place_group: float | None = None    # a group named by its place in a correction of its months ("邵阳那4个…")
    origin_groups: list = field(default_factory=list)     # (count, place) of a list of a unit's people by where from
    # the group on the short contract said again as another ("签8个月的是南寨那4个"): (how many, the contract's months)
    contract_swap: tuple | None = None
    # a group on a short contract said again with a longer one ("五月那俩…签的是两年的合同 不是半年"): (how many, months)
    contract_longer: tuple | None = None
    # where a group named by its place is really from ("铜仁那3个是我搞混了，他们户口是湖南怀化的"): (how many, the place)
    origin_fix: tuple | None = None
    # a correction of the hires on a year's contract and on a shorter one: (long count, short count, short months)
    contract_fix: tuple | None = None
    # a group counted before asked why it is not counted ("南寨那4个为啥不给"): (how many, the words naming it)
    why_group: tuple | None = None
    # more placements said after the others, charged for ("还有5个，是收了…中介费"): out of every free-placement benefit
    charged_more: float = 0.0
    # two courses said in one message, each with its own facts: {training type: {fact: value}} (Profile.course_facts)
    course_facts: dict = field(default_factory=dict)
    # facts said before that this message makes unknown again ("下个月就去办个体执照": not yet registered, but soon)
    forget: list = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.place or self.facts or self.categories or self.not_categories or self.work_place)


# why some of a unit's people are out of a benefit for the province's own 建档立卡 (Profile.counted_not): the short
# reason and the full one; the turn knows such a group by the short one at the start
# the facts of a person's business (policies/facts.yaml "business / start-up"): those of one who joins it, and those
# that go with a business given up
BUSINESS_FACTS = frozenset({"business_type", "business_planned", "business_registered", "months_since_registration",
                            "operating_normally", "borrower_type"})
OUT_OF_PROVINCE = "是外省的"
OUT_OF_PROVINCE_FULL = OUT_OF_PROVINCE + "建档立卡贫困劳动力（不是本省的）"


def _spans(entities, name):
    for e in entities or []:
        if e.get("entity") == name and e.get("value") is not None:
            yield e

# a clause: what lies between two of these
_CLAUSE_END = "，,。；;！!？?\n（()）"



def clauses_of(said: str, marks: str = r"[，,。；;\n①②③④⑤⑥⑦⑧⑨⑩]") -> list[str]:
    """A message's clauses: parted by its marks, or, when it has none (WeChat voice or typing with spaces for commas:
    "这半年里十二个已经开店办了执照 剩下十八个还没创业"), by its spaces."""
    parts = re.split(marks, said)
    if len(parts) == 1 and not re.search(r"[，,。；;！!？?、]", said):
        parts = [x for x in re.split(r"\s+", said) if x]
    return parts


def _clause_before(text: str, start: int, limit: int = 20) -> str:
    """The words of the clause before `start` (back to a comma or a full stop, at most `limit` characters)."""
    a = start
    while a > 0 and start - a < limit and text[a - 1] not in _CLAUSE_END:
        a -= 1
    return text[a:start]


def _clause_after(text: str, end: int, limit: int = 20) -> str:
    b = end
    while b < len(text) and b - end < limit and text[b] not in _CLAUSE_END:
        b += 1
    return text[end:b]

# a plan or a question about what may happen, not a fact that holds ("想认定成社区工厂", "打算签合同", "要是合格了")
_PLAN = re.compile(r"(?:想|打算|准备|计划|寻思|考虑|希望|最好|申请|能不能|能否|可不可以|如果|要是|假如|万一|将来)[^，,。；;]{0,6}$")



def _planned(text: str, start: int) -> bool:
    return bool(_PLAN.search(_clause_before(text, start, 10)))

# a rate, not an amount of time or people: "一天多少", "一个月1000", "每人补多少", "一个人政府补贴多少钱"
_RATE_AFTER = re.compile(r"[^，。,；;？?]{0,4}?(?:多少|几|好多|给|补|发|报|领|拿|[0-9０-９]|[一二两三四五六七八九十][十百千万]|"
                         r"[一二两三四五六七八九十百千]+(?:块|元))")
_RATE_UNITS = re.compile(r"(?:每|一)(?:个)?(?:天|日|月|年|人|名|位)|每个人|一个人|每天|每月|每年|每人")



def _is_rate(text: str, s: int, e: int) -> bool:
    """'一天'/'一个月'/'每人' followed by an amount or by how much: a rate, not a length or a head-count."""
    raw = re.sub(r"\s+", "", text[s:e])
    if not _RATE_UNITS.fullmatch(raw) and not re.fullmatch(r"(?:每|一)(?:个)?(?:天|日|月|年|人|名|位)", raw):
        return False
    if re.search(r"(?:满|够|了|干|签|做|待|闲)\s*$", text[max(0, s - 2):s]):
        return False                        # "干满一年能给多少": a length said, then the question
    return bool(_RATE_AFTER.match(text[e:e + 8])) or text[max(0, s - 1):s] == "每" or \
        bool(re.search(r"(?:钱|元|块|[0-9])\s*$", text[max(0, s - 2):s])) or \
        bool(re.match(r"\s*(?:一人|每人|一个人)", text[e:e + 4]))     # "多少钱一天一人"



def _role_in(words: str) -> str | None:
    """The fact of the event word that comes first in `words` (nz.EVENT_ROLES)."""
    best = None
    for pat, role in nz.EVENT_ROLES:
        m = re.search(pat, words or "")
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), role)
    return best[1] if best else None

