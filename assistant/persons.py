"""Several people in one message, each with facts of their own: "大的在西安上班签了一年合同，小的前年去了浙江签了两年",
"我当劳动保障助理员…我老婆在村上扫路". Merged into one person they would give one status that fits neither, so the
message is cut where each person is named, each part is read on its own, and the asked benefits are evaluated for
each person: what the message says of all of them (the place, 脱贫户) holds for each, what it says of one is theirs.
"""
from __future__ import annotations

import datetime as dt
from policies import rx as re
from dataclasses import dataclass

from policies import default_policies, evaluate
from policies.catalogue import default_catalogue
from policies.evaluator import BenefitResult
from policies import normalize as nz
from policies.normalize import BOTH_OF_US as _BOTH
from policies.normalize import CHILD_OF_SEVERAL as _CHILD
from policies.normalize import COUNTED_GROUP as _GROUP
from policies.normalize import GRANDCHILD_TOLD as _GRANDCHILD
from policies.normalize import SAME_COURSE as _SAME_COURSE
from policies.normalize import SPOUSE as _SPOUSE
from policies.normalize import SPOUSE_OF_ANY as _SPOUSE_OF_ANY
from policies.normalize import TECH_SCHOOL
from policies.normalize import MY_CHILD as _MY_CHILD

from .extract import MAX_TEXT, extract
from .state import State

# at most this many persons or groups are told apart in one message (each is read on its own)
MAX_PERSONS = 6

# the facts that count the people a unit or an agency speaks of: one group's number replaces them for that group
_COUNTS = default_policies().vocab.people_counts    # a unit's head-counts (facts.yaml `people: true`)
# facts that belong to the message as a whole, never to one of the persons in it
_SHARED = frozenset({"employer_type", "agency_licensed", "registered_unemployed_referral", "home_province"})
# a person named by surname (老张, 小王, 张XX, 王哥), and a unit speaking of itself ("我们是安康城区一家建筑设计公司")
_BY_NAME = re.compile(r"(?:老|小)[\u4e00-\u9fff](?:本人)?|[\u4e00-\u9fff](?:XX|xx|ＸＸ|某某|某|哥|姐|叔|婶|嫂)(?:本人)?")
# the topics of a course's money and the course itself (policies/catalogue.yaml)
_TRAINING_TOPICS = frozenset({"training_allowance", "skills_training"})


@dataclass
class Person:
    label: str              # as the message names them: 大的, 小的, 您, 您爱人
    facts: dict             # everything that holds for them
    own: dict               # what the message says of them alone
    words: str = ""         # the message's words of them ("二女儿…想找个单位见习")


def _groups(text: str) -> list[tuple[str, str, float]]:
    """(label, words, number) of each counted group with words of its own, when there are two or more."""
    ms = list(_GROUP.finditer(text))
    out = []
    for i, m in enumerate(ms):
        n = nz.parse_count(m.group(1))
        end = ms[i + 1].start() if i + 1 < len(ms) else len(text)
        seg = re.split(r"[。？?！!]", text[m.start():end])[0]
        if n:
            out.append((f"{n:g}人", seg, float(n)))
    return out if len(out) >= 2 else []


# a son and a daughter named plainly ("我儿子去年6月…毕业…；我女儿26岁，初中毕业"): two persons
_SON_AND_DAUGHTER = re.compile(r"(?<![大小二老])(?:儿子|女儿|闺女)|(?<![\u4e00-\u9fff])女子(?=今年|去年|前年|在|去|是|也|读|上|毕业)")


# all of the persons named, said after them ("俩孩子都", "他俩都", "两个娃都")
# (a fact of theirs, not a question about them: "俩孩子都能有吗")
_ALL_OF_THEM = re.compile(r"(?:(?:俩|两个|仨|三个|几个)(?:孩子|娃子?|小孩|人)?|(?:他|她)(?:俩|们)|孩子们|娃们)都"
                          r"(?:寻思|想|打算|准备|在|去|念|上|读|考|是|要)(?![^，。,；;？?]{0,8}?(?:吗|么|不|没|[？?]))")




# the head of a household an officer or a child speaks of beside the children ("他们老汉五十五了", "老王自己在村里扫路",
# "符大哥自己在海口一家企业上班", "娃他爸今年三月到镇上的社区工厂上班"): a person of their own
_HEAD_OF_HOUSE = re.compile(r"(?:他们|她们|他|她|娃他|娃她|俺家|我家|额屋)?(?:老汉|老头子?|老爷子)(?=[^，。,；;？?]{0,3}"
                            r"(?:在|去|想|今年|前年|去年|是|也|五|六|四|[0-9]))|"
                            r"老[一-鿿](?:自己|本人|他自己)|[一-鿿]大哥(?:自己|本人)|娃他爸|娃她妈")




def _yours(label: str) -> str:
    """A person as the asker named them, said back to the asker ("俺男人" → "您男人", "我婆娘" → "您婆娘")."""
    return "您" if nz.MYSELF.fullmatch(label) else re.sub(r"^(?:我|俺|额)(?:家|屋里)?(?=\S)", "您", label)


def _one_at_school(text: str, kids: list) -> bool:
    """Of a son and a daughter, one at a technical school and the other not ("儿子在绥化技师学院读第二年…闺女前年回村开了
    个网店"): told apart (both at school, or going, are counted together for a school grant)."""
    segs = [text[m.start():(kids[i + 1].start() if i + 1 < len(kids) else len(text))] for i, m in enumerate(kids)]
    at = [bool(TECH_SCHOOL.search(seg)) for seg in segs]
    # (the other at a school too, "儿子在西安上大学本科": children at school, asked about together)
    other_school = any(re.search(r"大学|学校|学院|上学|读书|念书|本科|高中|初中|中专|职中", seg)
                       for seg, a in zip(segs, at) if not a)
    return sum(at) == 1 and not other_school and not _ALL_OF_THEM.search(text) and \
        not re.search(r"也(?:想|要|打算|准备)?(?:去)?(?:读|念|上)", text)


# persons an officer names one by one ("龙某今年3月…；石某去年10月…；吴某上个月…", "老李媳妇…；老李儿子…；老李本人…")
_NAMED_ONE = re.compile(r"(?<![\u4e00-\u9fff某])[\u4e00-\u9fff]某(?!某|些|个|种|天|地|处|公司|厂|单位)|"
                        r"老[\u4e00-\u9fff](?:家)?(?:的)?(?:媳妇|儿子|闺女|女儿|儿媳妇|本人|自己|弟弟|哥哥|妹妹|姐姐|老伴|爱人|男人|老婆)")


def _named_one_by_one(text: str) -> list[tuple[str, str]]:
    """Each person an officer names by name, with the words up to the next one named (a name said again adds to its
    words); [] unless two or more are named."""
    ms = list(_NAMED_ONE.finditer(text))
    if len({m.group(0) for m in ms}) < 2:
        return []
    # what is said of all of them after the last one ("…刘某，本县普通户，干了两年。都签了三年的劳动合同，社保都交了。"): everyone's
    tail = _ALL_AFTER.search(text, ms[-1].end())
    stop = tail.start() + 1 if tail else len(text)
    parts: dict[str, str] = {}
    together: list[str] = []        # names said together, before the words of all of them ("赵某、钱某 建档立卡 都是…")
    for i, m in enumerate(ms):
        end = ms[i + 1].start() if i + 1 < len(ms) else stop
        label = re.sub(r"(?<=老[\u4e00-\u9fff])(?:家)?(?:的)?", "", m.group(0), count=1)
        if i + 1 < len(ms) and re.fullmatch(r"\s*(?:、|和|跟|及|与|，|,)\s*", text[m.end():end]):
            together.append(label)
            continue
        words = text[m.start():end]
        for one in together + [label]:
            parts[one] = parts.get(one, "") + (words if one == label else one + words[len(m.group(0)):])
        together = []
    return [(label, words + text[stop:]) for label, words in parts.items()]


# a sentence of all the persons named one by one, after the last ("。都签了三年的劳动合同", "。他们都…")
_ALL_AFTER = re.compile(r"[。；;](?=(?:他们|她们|大家|这些人|这几个人?|这[0-9一二两三四五六七八九十]+个人?|以上|上面)?"
                        r"(?:都|全都|全部|全))")


def _segments(text: str) -> list[tuple[str, str]]:
    named = _named_one_by_one(text)
    if named:
        return named
    kids = list(_CHILD.finditer(text))
    if len({m.group(0) for m in kids}) < 2:
        plain = list(_SON_AND_DAUGHTER.finditer(text))
        # (children at school are counted for a school grant, students_count, not told apart)
        if len({nz.SAME_KIN.get(m.group(0), m.group(0)) for m in plain}) >= 2 and \
                (not TECH_SCHOOL.search(text) or _one_at_school(text, plain)):
            kids = plain
    if len({m.group(0) for m in kids}) >= 2:
        parts: dict[str, str] = {}          # each person's words, wherever the message names them again
        # a spouse named before the children ("她老公今年3月去广东东莞…大儿子…小儿子…"): a person of their own
        partner = _SPOUSE_OF_ANY.search(text, 0, kids[0].start()) or _HEAD_OF_HOUSE.search(text, 0, kids[0].start())
        if partner:
            parts[_yours(partner.group(0))] = text[partner.start():kids[0].start()]
        else:
            # or after them ("大女子…想学门手艺；二娃子…读全日制；我婆娘想去学个月嫂"): a person of their own, in turn
            # (or the head of the house, "…他们老汉五十五了，想在屋里开个小卖部", "老王自己在村里扫路")
            after = _SPOUSE_OF_ANY.search(text, kids[-1].end()) or _HEAD_OF_HOUSE.search(text, kids[-1].end()) or \
                _GRANDCHILD.search(text, kids[-1].end())
            if after is None:
                # (or the asker, at a clause's start: "…小儿子…学厨师；我自己四十六，想学修脚去外头干")
                me = next((m for m in nz.MYSELF.finditer(text, kids[-1].end())
                           if text[m.start() - 1] in "，,。；;！!？? "), None)
                after = me
            if after:
                kids = kids + [after]
        # what is said of all of them after the last one ("…二丫头今年高考没考上，俩孩子都寻思去念技校"): everyone's
        tail = ""
        every = _ALL_OF_THEM.search(text, kids[-1].end())
        if every:
            start = max(text.rfind(c, 0, every.start()) for c in "，,。；;！!？?") + 1
            tail, text = "，" + text[start:], text[:start]
        for i, m in enumerate(kids):
            end = kids[i + 1].start() if i + 1 < len(kids) else len(text)
            parts[_yours(m.group(0))] = parts.get(_yours(m.group(0)), "") + text[m.start():end]
        return [(label, words + tail) for label, words in parts.items()]
    # the asker's spouse and one child ("俺男人今年45…想去学电焊…还有俺女子去年大专毕业…见习"): two persons
    partner = _SPOUSE_OF_ANY.search(text)
    child = next(iter(kids), None) or next(_SON_AND_DAUGHTER.finditer(text), None) or _MY_CHILD.search(text)
    me = nz.MYSELF.search(text)
    if partner is None and me is not None and child is not None and me.start() > child.end():
        # "俺闺女在县里念普通高中，她有没有这个补助？还有俺自己想参加那个养殖技术培训": the asker is the other person
        partner = me
    first, second = sorted([partner, child], key=lambda m: m.start()) if partner and child else (None, None)
    # (or each in a sentence of their own: "俺对象今年52了…一天给多少钱啊？俺闺女今年初中毕业…能给补多少钱？")
    if partner and child and not (partner.start() <= child.start() < partner.end()) and \
            (re.search(r"还有|另外|两个人|俩人|两人|一个是|各(?:能|自|有|可以)", text) or
             re.search(r"[？?。！!；;](?:我|俺|额)?(?:家)?$", text[:second.start()]) and re.search(r"[？?]", text[first.start():second.start()])):
        # ("俺闺女": the asker's words for them, said back as 您闺女)
        mine = [text[m.start() - 1:m.end()] if m.start() and text[m.start() - 1] in "我俺额" else m.group(0)
                for m in (first, second)]
        return [(_yours(mine[0]), text[first.start():second.start()]),
                (_yours(mine[1]), text[second.start():])]
    spouse = _SPOUSE.search(text)
    if spouse and _BOTH.search(text):
        label = "您" + spouse.group(0)[1:].lstrip("家")
        by_clause = _each_by_pronoun(text, label)
        if by_clause:
            return by_clause
        head = text[:spouse.start()]
        if spouse.start() > 0 and re.search(r"我|俺", head):
            return [("您", head), (label, text[spouse.start():])]
    return []


# a clause of the asker alone ("我签的一年合同") or of the spouse alone ("她那个车间只跟她签了半年"), by its first word
_MY_CLAUSE = re.compile(r"(?:我|俺|额)(?!们|俩|两|家|屋|媳|老|男|对|爱|婆|堂)")
_THEIR_CLAUSE = re.compile(r"(?:她|他)(?!们|俩|两)|(?:我|俺|额)(?:家)?" + nz.SPOUSE_WORDS)


def _each_by_pronoun(text: str, label: str) -> list[tuple[str, str]]:
    """A couple told of together with a clause of each ("俺媳妇和我都是脱贫户。上个月俺俩一块去…上班了，我签的一年合同，
    她那个车间只跟她签了半年。…两张票一共花了760"): each person's words are the clauses said of both (都, 俩, or no one
    named) and their own; [] unless each of the two has a clause of their own with a fact in it."""
    clauses = [c for c in re.split(r"(?<=[，,。；;！!？?])", text) if c]
    mine, theirs, both = [], [], []
    for c in clauses:
        me, them = _MY_CLAUSE.match(c), _THEIR_CLAUSE.match(c)
        if me and not re.search(r"都|俩|两口子|一起|一块", c):
            mine.append(c)
        elif them and not re.search(r"都|俩|两口子|一起|一块|和我|跟我|和俺|跟俺", c):
            theirs.append(c)
        else:
            mine.append(c)
            theirs.append(c)
            both.append(c)
    own_me = [c for c in mine if c not in both]
    own_them = [c for c in theirs if c not in both]
    if not own_me or not own_them or not any(re.search(r"[0-9一二两三四五六七八九十半]", c) for c in own_me) or \
            not any(re.search(r"[0-9一二两三四五六七八九十半]", c) for c in own_them):
        return []
    return [("您", "".join(mine)), (label, "".join(theirs))]


def _household(text: str) -> list[tuple[str, str]]:
    """Each member of a household the asker tells of at the start of a clause (nz.HOUSEHOLD_MEMBER), with the words up to
    the next one named, and the asker's own words (before the first, or a clause of theirs after: "我想贷款能贷多少");
    [] unless two or more persons are told of. `text` keeps the message's pauses as commas."""
    marks = sorted([(m.start(1), m.group(1), False) for m in nz.HOUSEHOLD_MEMBER.finditer(text)] +
                   [(m.start(1), m.group(1), True) for m in nz.HOUSEHOLD_SELF.finditer(text)] +
                   # (the caller, when an operator speaks for one: "来电人说…老公…；她自己上个月…")
                   [(m.start(1) if m.group(1) else m.start(2), "来电人", False) for m in nz.HOUSEHOLD_CALLER.finditer(text)
                    if re.search(r"来电|打电话|打热线", text)] +
                   [(m.start(1), m.group(1), False) for m in nz.COUPLE_MEMBER.finditer(text) if nz.COUPLE_SAID.search(text)])
    marks.sort()
    if nz.A_UNIT_SPEAKS.search(text):
        # (a unit's people named one by one, "小王7月来的…小张8月来的", are its interns or hires, not a household)
        marks = [m for m in marks if not _BY_NAME.fullmatch(m[1])]
    if not any(not me for _, _, me in marks):
        return []
    parts: dict[str, list] = {}         # one person's key → [label, words]
    first = marks[0][0]
    if first > 0 and re.search(r"(?:我|俺|额)(?!们|家|屋)", text[:first]):
        parts["您"] = ["您", text[:first]]
    for i, (start, word, me) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        core = re.sub(r"^(?:我|俺|额|她|他)(?:家|屋里)?(?:的)?(?=\S)", "", word) if not me else "您"
        key = "您" if me else nz.SAME_KIN.get(core, core)
        label = "您" if me else re.sub(r"^(?:我|俺|额)", "您", re.sub(r"本人$", "", word))
        if re.fullmatch(nz.SPOUSE_WORDS + r"儿?|崽|伢子", label) and not re.search(r"来电|打电话|打热线|帮[^，。]{0,6}?问", text):
            label = "您" + label            # ("婆娘在宝鸡市区…": the asker's, said bare; a caller's is theirs)
        key = re.sub(r"本人$", "", key)
        # (not the next household's ordinal, "…干了十个多月；第二户 李XX…": no count of theirs)
        parts.setdefault(key, [label, ""])[1] += re.sub(r"第[一二三四五1-5]户[，,：:]?$", "", text[start:end])
    # one child named by a kin word and by a word for any child ("女子去年六月大专毕业…这钱是给娃的…娃到现在都见习九个月
    # 了"): one person, by the kin word
    kids = [k for k in parts if k in ("女儿", "儿子")]
    loose = [k for k in parts if k in _ANY_CHILD]
    if len(kids) == 1 and loose:
        for k in loose:
            parts[kids[0]][1] += parts.pop(k)[1]
    return [(label, words) for label, words in parts.values()] if len(parts) >= 2 else []


# words for a child of either sex, the same one as a son or a daughter named beside them
_ANY_CHILD = ("娃", "孩子", "娃儿", "娃娃", "娃子", "伢子", "崽")


def persons_in(text: str, state: State, as_of: dt.date, groups: bool = False) -> list[Person]:
    """The persons the message speaks of, each with their facts (the state's shared facts and their own), or []
    when it speaks of one person (or of a group that is not told apart)."""
    flat = re.sub(r"\s+", "", text if isinstance(text, str) else "")[:MAX_TEXT]
    segs = _segments(flat)
    named = bool(segs) and bool(_named_one_by_one(flat))
    household = False
    if len(segs) < 2:
        # (a pause between words, "签了一年合同 娃上个月去…", is where a clause ends)
        marked = re.sub(r"\s+", "", re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "，",
                                          text.strip() if isinstance(text, str) else ""))[:MAX_TEXT]
        segs = _household(marked)
        household = bool(segs)
    counted = {}
    # counted groups told apart in a correction ("说错了，有2个签的是8个月的，其余4个是一年"); a first message's groups
    # are read by extraction (the group the message is about)
    if len(segs) < 2 and groups and any(k in state.facts for k in _COUNTS):
        groups = _groups(flat)
        segs = [(label, seg) for label, seg, _ in groups]
        counted = {label: n for label, _, n in groups}
    if not 2 <= len(segs) <= MAX_PERSONS:
        return []               # one person, or more than a message can tell apart: read as one
    from .decide import PERSONS_SAID

    # what was said of each of them before ("儿媳妇今年五月办了营业执照…", then "那儿媳妇那个创业补贴…还赶趟不"): theirs still
    before = {p[0]: p[1] for p in state.facts.get(PERSONS_SAID) or []
              if isinstance(p, (list, tuple)) and len(p) == 2 and isinstance(p[0], str) and isinstance(p[1], dict)}
    own, nots = [], []
    for label, seg in segs:
        # a child named as 大的/小的 is read as a child ("大的读技校": a child at a technical school)
        ex = extract(("孩子" if _CHILD.fullmatch(label) else "") + seg, [], state.place, as_of)
        # (a household's members each at a unit of their own: "娃他爸…到镇上的社区工厂上班", "我屋里的在镇上一个企业做活路")
        # (not the agency that placed one of them: "一个人力资源公司免费介绍我去浙江宁波的厂里")
        facts = {k: v for k, v in ex.facts.items() if k not in _SHARED or household and k == "employer_type" and
                 v != "人力资源服务机构"}
        if named and ex.people_from and state.place and not state.place.startswith(ex.people_from):
            # a unit's person from elsewhere ("李某，贵州松桃过来的建档立卡", "王某，邵阳隆回的建档立卡"): not of the
            # province's own (湖南 我省建档立卡), nor a local hire of a unit in a poor area
            from policies import default_gazetteer
            home, here = default_gazetteer().find_all(ex.people_from), default_gazetteer().resolve(state.place).place
            if home and here:
                facts["home_province"] = "本省" if home[0].path[0] == here.path[0] else "外省"
            if state.facts.get("employer_in_poor_area"):
                facts["employer_in_poor_area"] = False
        elif named and state.facts.get("employer_in_poor_area"):
            facts["employer_in_poor_area"] = True       # (the others, of the unit's own place: local hires)
        gone_to = ex.work_place or (ex.place if ex.place and ex.place != state.place and re.search(r"去|到", seg)
                                    and not ex.place_as_home else None)
        if gone_to and state.place and "work_scope" not in facts:
            # where this one went to work ("大儿子上个月去上海"), from home: 跨省 or not
            from policies import default_gazetteer
            scope = default_gazetteer().scope(state.place, gone_to)
            if scope:
                facts["work_scope"] = scope
        if ex.categories:
            facts["category"] = list(ex.categories)
        # ("她弟弟不是建档立卡户": not of the household's class; kept apart from the facts said of them)
        # (not one who joins a business of the household's, "他弟弟也想一起入伙…不是贫困户": the partnership's case is
        # the household's)
        # (and a unit's people named one by one: "王某 普通户 干两年多了" is not of the class the others are)
        no = set(ex.not_categories) if (household or named) and "business_type" not in facts else set()
        if named and not ex.categories and nz.PLAIN_HOUSEHOLD.search(seg):
            no |= set(state.facts.get("category") or [])     # ("王某 普通户": none of the classes the others are)
        nots.append(no)
        if not counted:         # one person ("小儿子…读书。两个孩子分别能有什么"): one student, whatever the tail counts
            facts.pop("students_count", None)
        if household and isinstance(before.get(label), dict):
            facts = {**before[label], **facts}
        own.append(facts)
    if household:
        for (_label, seg), facts in zip(segs, own):
            for k in _COUNTS:       # ("…到课15天。问三个人培训期间的生活费…": the question's count, no one's hires)
                if (facts.get(k) or 0) > 1:
                    facts.pop(k)
            if "training_type" not in facts and _SAME_COURSE.search(seg):
                # "也跟她报了同一个家政班": the course of the one named before with one
                kind = next((f["training_type"] for f in own if f.get("training_type")), None)
                if kind:
                    facts["training_type"] = kind
    if household:               # one who only opens the message ("额是千阳崔家头镇的，额屋是脱贫户"): not a person asked of
        kept = [(seg, f, n) for seg, f, n in zip(segs, own, nots) if set(f) - {"category", "not_category"}]
        segs, own, nots = [s for s, _, _ in kept], [f for _, f, _ in kept], [n for _, _, n in kept]
    if counted:                 # "其余4个是一年" after "2个签的是8个月": the same kind of length as the group before
        _same_kind_of_length(segs, own)
    if sum(1 for f in own if f) < 2 or all(f == own[0] for f in own):
        return []               # nothing told apart: one answer fits all
    personal_keys = {k for f in own for k in f}
    base = {k: v for k, v in state.facts.items() if k not in personal_keys or k in ("category", "not_category")}
    if household:               # ("两户一起问下 都是建档立卡户…扶贫车间": households asked about, no unit's hires)
        base = {k: v for k, v in base.items() if k not in _COUNTS and k != "course_facts"}
    # (a class said of one member is theirs: "他闺女今年六月刚大学毕业" makes no one else a 高校毕业生, nor "大女子去年大学
    # 毕业…小儿子…初中毕业" her brother; the vocabulary's household classes, 建档立卡 or 低保, are the whole household's:
    # policies/facts.yaml)
    theirs = {c for f in own for c in f.get("category") or []} - default_policies().vocab.household_categories
    everyone = set.intersection(*(set(f.get("category") or []) for f in own)) if own else set()
    if base.get("category") and (household or _CHILD.fullmatch(segs[0][0] or "")):
        base["category"] = [c for c in base["category"] if c not in theirs - everyone]
    if "school_months" in personal_keys:    # each child's own years: one student each, not the family's sum
        for k in ("student_years", "students_count"):
            base.pop(k, None)
    # (each of a couple is one person now: "您俩2人情况一样" counts no one twice)
    if isinstance(base.get("case_groups"), list):
        base["case_groups"] = [g for g in base["case_groups"]
                               if not (isinstance(g, (list, tuple)) and len(g) == 2 and isinstance(g[1], dict) and
                                       g[1].get("kin") == "您俩")]
        if not base["case_groups"]:
            base.pop("case_groups")
    out = []
    seg_of = {label: seg for label, seg in segs}
    for (label, _), facts, no in zip(segs, own, nots or [set()] * len(own)):
        if label in counted:    # the group's own number for whatever the state counts
            facts.update({k: counted[label] for k in _COUNTS if k in state.facts})
        merged = dict(base)
        said = dict(facts)
        if "category" in facts:
            merged["category"] = sorted(set(base.get("category") or []) | set(facts.pop("category")))
        if no - set(facts.get("category") or []):
            merged["category"] = [c for c in merged.get("category") or [] if c not in no]
            merged["not_category"] = sorted(set(base.get("not_category") or []) | no)
            if named:           # (a unit's person's class, kept with them for persons_said)
                said["not_category"] = sorted(no - set(facts.get("category") or []))
        merged.update(facts)
        if not counted:         # one person: one student, whatever the message counts of the family
            merged.pop("students_count", None)
        out.append(Person(label, merged, said, seg_of.get(label, "")))
    return out


def _same_kind_of_length(segs, own) -> None:
    from .extract_numbers import _DURATION_RE

    kinds = {k for f in own for k in f if k in ("contract_months", "months_employed")}
    if len(kinds) != 1:
        return
    kind = kinds.pop()
    for (_, seg), facts in zip(segs, own):
        m = _DURATION_RE.search(seg)
        if kind not in facts and m:
            v = nz.parse_duration_months(m.group(0))
            if v:
                facts[kind] = v


def shared_facts(state: State, persons: list[Person]) -> dict:
    """The facts that hold for every person (what a card for all of them may read); the students among them counted
    ("老大念技校，老二也想去念": 2 students; "大女儿毕业了…小儿子在技师学院": 1)."""
    out = {k: v for k, v in state.facts.items() if all(p.facts.get(k) == v for p in persons)}
    # (the categories said of all of them, "我们家是脱贫户", beside each one's own: "闺女…中职", "儿子…大专")
    common = set.intersection(*(set(p.facts.get("category") or []) for p in persons)) if persons else set()
    if common and "category" not in out:
        out["category"] = sorted(common)
    if "category" not in out and state.facts.get("category"):
        # (one of them not of the class the others are, "她弟弟不是建档立卡户": the household's card is of its class, his
        # own line says his no)
        out["category"] = list(state.facts["category"])
    students = sum(1 for p in persons if p.facts.get("in_technical_school"))
    if "students_count" in state.facts and students or students >= 2:
        # ("大小子搁哈尔滨技师学院念书…二丫头…想上技校": the family's grant counts both, "每生每年")
        out["students_count"] = students
    return out


def evaluate_persons(persons: list[Person], place: str, ids: list[str], as_of: dt.date,
                     limit: int = 3, role: str | None = None,
                     failing: bool = False) -> list[tuple[Person, list[BenefitResult]]]:
    """For each person: the asked benefits where what they said bears on them, and the benefits their own words
    point at besides ("大的读技校" → school grants, "小的想学门手艺" → training), not ruled out (with `failing`, also
    those their own words rule out, last: "大的：✗一次性求职补贴（已超过申请期限）"); at most `limit`."""
    from .decide import _money, _only_variant_failed, personal, profile_of

    out = []
    for p in persons:
        facts = dict(p.facts)
        if nz.SPOUSE_LABEL.fullmatch(p.label) and "household_spouse" not in facts:
            facts["household_spouse"] = True        # ("我老公想去考个电工证": the household's husband, no child of it)
        ev = evaluate(profile_of(State(place=place, facts=facts)), place, as_of=as_of)
        own = set(p.own) - {"category"}
        cat = default_catalogue()
        q = cat.question_named_in(p.words) if p.words else None
        asked_topics = set(cat.topics_of(q)) if q and q != "ask_what_can_i_get" else set()

        def bears(r):
            facts = {f for o in r.met + r.failed + r.unknown + r.presumed for f in o.facts} | set(r.amount.missing)
            # (or what their amount is counted by: "娃…参加电焊培训 学了十五天" → 15天 of a daily allowance)
            # (or a training's own money and the training itself, for one said to take a course: "俺妈…在参加乡里办的
            # 巾帼家政培训…天天坐车去镇上上课" → 绥化's 参加培训交通费补助, which tests no fact of the course)
            course = "training_type" in own and r.benefit.topic in _TRAINING_TOPICS
            # (or named by their own words: "二女儿…想找个单位见习" → the 见习 subsidy)
            words = default_catalogue().benefit_words.get(r.benefit.id) if p.words else None
            return bool((facts | _amount_facts(r.benefit.amount)) & own) or course or \
                r.benefit.kind != "free_service" and (bool(words is not None and words.search(p.words)) or
                                                     r.benefit.topic in asked_topics)
        asked = [r for bid in ids for r in ev.results if r.benefit.id == bid]
        # (another variant of what they asked about, "须参加岗位技能提升培训", is not theirs to be told of)
        # (a free service they are out of, "须为就业转失业的" for one at work, tells them nothing)
        picked = [r for r in asked if bears(r) and not _only_variant_failed(r) and
                  not (r.status == "ineligible" and r.benefit.kind == "free_service")]
        own_kind = (lambda r: not personal(r)) if role == "employer" else personal   # noqa: E731
        more = [r for r in ev.results if r not in picked and own_kind(r) and bears(r) and
                (r.status != "ineligible" or failing and _fails_on_own(r, own) and not _only_variant_failed(r) and
                 r.benefit.kind != "free_service")]
        if not picked and not more:
            # nothing asked bears on them and nothing of theirs fits ("大伢在县里工业园的厂里做事" asked beside a
            # school grant for his brother): what their own words rule out, with why (本县: no transport subsidy)
            more = [r for r in ev.results if own_kind(r) and bears(r) and r.status == "ineligible" and
                    _fails_on_own(r, own) and not _only_variant_failed(r) and r.benefit.kind != "free_service"]
        picked = picked or ([] if more else asked[:1])
        # (money before a free service: "大伢在县里厂里做事" is told of the transport subsidy he does not get, not of the
        # unemployment help he does not need)
        more.sort(key=lambda r: ({"eligible": 0, "ineligible": 2}.get(r.status, 1), r.benefit.kind == "free_service",
                                 -_money(r)))
        # (a worker's employer's money that their job's words meet, "大伢子…签了两年合同 公司帮他交了社保 一直做到现在":
        # the unit's, said as the unit's, after their own; for a worker or one asking for them)
        # (for this one person, the unit's count of them is one: "老李本人…在村里的食用菌合作社干活")
        one = dict(p.facts)
        if own & {"employer_type", "months_employed", "months_since_employment"} and not any(k in p.own for k in _COUNTS):
            one.update({"new_hires": 1.0, "hired_poor_count": 1.0})
        ev_unit = evaluate(profile_of(State(place=place, facts=one)), place, as_of=as_of) if one != p.facts else ev
        taken = {x.benefit.id for x in picked + more}
        units = [r for r in ev_unit.results if role in (None, "worker", "proxy") and r.benefit.id not in taken and
                 not personal(r) and r.status == "eligible" and r.benefit.kind != "free_service" and
                 (bears(r) or own & {"employed", "months_employed", "months_since_employment"} and
                  any("employer_type" in o.facts for o in r.met))][:2]
        if failing and not units:
            # (or the one a fact of theirs leaves open: "一个人力资源公司免费介绍我去浙江…一直干到现在" → the agency's
            # 200元 once the job has lasted a year)
            units = [r for r in ev_unit.results if role in (None, "worker", "proxy") and r.benefit.id not in taken and
                     not personal(r) and r.status == "unknown" and len(r.unknown) == 1 and
                     r.benefit.kind != "free_service" and bears(r) and
                     set(_amount_facts(r.benefit.amount)) & set(p.own)][:1]
        if failing and "employer_type" in own and not units:
            # (or what their own words keep the unit out of: "老头今年四月份进了村里的扶贫车间…八个来月" → 满1年 not yet)
            # (or what their job's own words meet: "签了三年合同 厂里给交社保", for a unit's money that does not ask
            # which kind of unit)
            units = [r for r in ev_unit.results if role in (None, "worker", "proxy") and r.benefit.id not in taken and
                     not personal(r) and r.status == "ineligible" and r.benefit.kind != "free_service" and
                     not any("employer_type" in o.facts for o in r.failed) and
                     any({"employer_type", "labor_contract_signed", "insurance_paid"} & set(o.facts) for o in r.met) and
                     _fails_on_own(r, own - {"employer_type"}) and not _only_variant_failed(r)][:2]
        out.append((p, (picked + more)[:limit] + units))
    return out


def settle_cards(shown: list, persons: list[Person], place: str, as_of: dt.date) -> list:
    """The cards of a message about several persons, evaluated on what holds for all of them: one left open only by
    facts the persons were told apart by ("俺…保洁的公益岗…俺媳妇要是当上村里的劳动保障助理员" leaves 城镇公益性岗位 open on
    the post) is theirs to decide: dropped when it fits none of them, shown as it is for the first it fits."""
    if not persons:
        return shown
    from .decide import profile_of

    personal_keys = {k for p in persons for k in p.own}
    out = []
    for r in shown:
        open_on = {f for o in r.unknown for f in o.facts}
        # (or one failed only on a class one of them was told apart by: "大女子去年大学毕业…见习" makes the internship's
        # card hers, not a ✗ for the household)
        failed_on = {f for o in r.failed for f in o.facts}
        if r.status == "ineligible" and failed_on and failed_on <= personal_keys | {"category"}:
            theirs = [next(iter(evaluate(profile_of(State(place=place, facts=p.facts)), place, as_of=as_of,
                                         benefit_ids=[r.benefit.id]).results), None) for p in persons]
            fits = [x for x in theirs if x is not None and x.status == "eligible"]
            out.append(fits[0] if fits else r)
            continue
        if r.status != "unknown" or not open_on or not open_on <= personal_keys:
            out.append(r)
            continue
        theirs = [next(iter(evaluate(profile_of(State(place=place, facts=p.facts)), place, as_of=as_of,
                                     benefit_ids=[r.benefit.id]).results), None) for p in persons]
        fits = [x for x in theirs if x is not None and x.status == "eligible"]
        if fits:
            out.append(fits[0])
        elif any(x is None or x.status != "ineligible" for x in theirs):
            out.append(r)
    return out


def _amount_facts(a) -> set:
    """The facts an amount is counted by (its units, its cost), in all its parts and cases."""
    out = {f for f, _ in a.units or []} | ({a.cost_fact} if a.cost_fact else set()) | \
        ({a.raw["count"]} if isinstance(a.raw, dict) and isinstance(a.raw.get("count"), str) else set())
    for x in list(a.parts or []) + [sub for _, sub in a.cases or []]:
        out |= _amount_facts(x)
    return out


def _fails_on_own(r: BenefitResult, own: set) -> bool:
    """A result ruled out by a fact the person's own words gave (a deadline past their start, a job in the province),
    or by one worked out from theirs (稳定就业1年以上 from their months at the job)."""
    from policies.profile import DERIVED_FACTS

    return any((set(o.facts) | {s for f in o.facts for s in DERIVED_FACTS.get(f, ())}) & own for o in r.failed)


def persons_said(state: State) -> list[Person]:
    """The persons a household message told apart before (decide.PERSONS_SAID), each with the household's facts and
    their own, as persons_in made them."""
    from .decide import PERSONS_SAID, _NOT_EVALUATED

    said = [p for p in state.facts.get(PERSONS_SAID) or []
            if isinstance(p, (list, tuple)) and len(p) == 2 and isinstance(p[0], str) and isinstance(p[1], dict)]
    keys = {k for _, own in said for k in own}
    base = {k: v for k, v in state.facts.items()
            if k not in _NOT_EVALUATED and (k not in keys or k in ("category", "not_category"))}
    out = []
    for label, own in said:
        merged = dict(base)
        merged.update({k: v for k, v in own.items() if k != "category"})
        if own.get("category"):
            merged["category"] = sorted(set(base.get("category") or []) | set(own["category"]))
        if own.get("not_category"):     # ("王某 普通户": none of the classes the others are)
            merged["category"] = [c for c in merged.get("category") or [] if c not in own["not_category"]]
        out.append(Person(label, merged, dict(own)))
    return out


def household_total(state: State, as_of: dt.date) -> tuple[list[str], list[BenefitResult]]:
    """"那他们一家子三口加起来 总共能拿多少钱": each person's own money that fits them (a person is its payee, the amount
    stated), and what it comes to for the household; the benefits with no amount in the text said apart. Lines, and
    the results behind them; ([], []) when no household was told apart."""
    from policies.amounts import fmt_money
    from policies.render import payee_of_member
    from .decide import personal

    persons = persons_said(state)
    if len(persons) < 2 or not state.place:
        return [], []
    lines, results, parts, ceiling, unstated, loans = [], [], [], False, [], []
    for p, rs in evaluate_persons(persons, state.place, [], as_of, limit=4, role="proxy"):
        money = [r for r in rs if r.status == "eligible" and personal(r) and r.benefit.kind != "loan" and
                 r.amount.value]
        nameless = [r for r in rs if r.status == "eligible" and personal(r) and r.benefit.kind != "loan" and
                    not r.amount.value and r.benefit.kind != "free_service"]
        unstated += [f"{p.label}的{r.benefit.name}" for r in nameless]
        # (said below as named with no amount: stated too)
        results += [r for r in nameless if r.benefit.id not in {x.benefit.id for x in results}]
        # (a loan is to be paid back: said, not added: "王哥的创业担保贷款是贷款，要还，不算在内")
        borrowed = [r for r in rs if r.status == "eligible" and r.benefit.kind == "loan"]
        loans += [f"{p.label}的{r.benefit.name}" for r in borrowed[:1]]
        results += borrowed[:1]
        if not money:
            continue
        results += money
        ceiling = ceiling or any(r.amount.up_to for r in money)
        each = "＋".join(f"{r.benefit.name}{fmt_money(r.amount.value)}"
                        f"{'（每年）' if '每年' in (r.amount.total_per or r.amount.text) else ''}" for r in money)
        paid = list(dict.fromkeys(payee_of_member(r.benefit, _yours(p.label)) for r in money))
        lines.append(f"{p.label}：{each}，钱发给{'、'.join(paid)}")
        parts += [r.amount.value for r in money]
    if not parts:
        return [], []
    total = sum(parts)
    head = f"按各人说的情况，一家能算出金额的合计{'最多' if ceiling else ''}{fmt_money(total)}" \
           f"（{'+'.join(fmt_money(x).removesuffix('元') for x in parts)}）："
    tail = [f"另有{'、'.join(unstated[:3])}，文件未写金额，不算在内。"] if unstated else []
    tail += [f"{'、'.join(dict.fromkeys(loans))}是贷款（要按期还），不算在内。"] if loans else []
    return [head] + lines + tail, results
