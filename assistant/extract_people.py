"""Who the message is about (assistant/extract.py): person categories, negation aware, and the numbers of persons
(head-counts), each bound to its noun and nested in groups."""
from __future__ import annotations

from policies import rx as re
import dataclasses
from dataclasses import dataclass, field

from policies import normalize as nz
from policies.catalogue import default_catalogue

from .extract_common import Extracted, _clause_before, _is_rate, _spans
from .extract_numbers import _DURATION_RE, _NOT_PERSONS, training_standard

# words that say the negated category is someone else's ("他弟弟不是贫困户", "还有4个是低保户不是建档立卡的")
_OTHERS = re.compile(r"弟弟|哥哥|姐姐|妹妹|他弟|他哥|她弟|她哥|老表|表哥|表弟|表姐|表妹|堂哥|堂弟|兄弟|姐夫|妹夫|合伙人|"
                     r"朋友|亲戚|邻居|另外|其余|剩下|还有|别的|其他|其它|有的|"
                     r"[0-9一二两三四五六七八九十几俩仨]+\s*(?:个|名|位|人)")
_CORRECTION = nz.CORRECTION
# the people a unit hires or brings along, named by their category ("带贫困户干活", "招建档立卡的"), and the asker
# said not to be one himself ("老板自己不是贫困户")
_HIRED_ONES = re.compile(r"(?:带|招|雇|吸纳|收|用|安置)(?:了|些|几个|一些|点)?$")
_SELF_NOT = re.compile(r"(?:自己|自个|本人|自家)[^，。,；;？?]{0,3}$")
_SOME_OF_THOSE = re.compile(r"\s*[^，。,；;？?0-9]{0,8}?(?:那|这)\s*([0-9一二两三四五六七八九十]+)\s*个(?:人)?"
                            r"(?:里头|里面|里边|当中|中间|之中|中)(?:有|的)?\s*([0-9一二两三四五六七八九十]+)\s*个")
_THOSE_WHO = re.compile(r"(?:这|那)\s*([0-9一二两三四五六七八九十]+)\s*个(?:人)?(?:里头|里面|里边|当中|中间|之中|中)"
                        r"[^，。,；;？?]{2,20}?的(?:有|是)\s*([0-9一二两三四五六七八九十]+)\s*个")
_RECOUNT = re.compile(r"漏算|少算|多算|算错|数错|漏了|少说了|多说了|少报|漏报")



_NOT_LISTED_AFTER = re.compile(r"(?:的时候)?(?:的)?(?:名单|名册)?(?:里|上|里头|里面)?(?:都|也)?(?:没有|没|冇得?)(?:他|她|我|俺|额)(?!们)")


def _categories(out: Extracted, said: str, entities, policies) -> None:
    """Person categories, negation aware ("不是脱贫户"); a negated category said of someone else ("他弟弟不是贫困户",
    "还有4个是低保户不是建档立卡的") is not the person's; said both ways, the "yes" stands unless a correction
    ("哦不对，不是…") comes between."""
    said = nz.NOT_CATEGORY_WORDS.sub(lambda m: "　" * len(m.group(0)), said)
    spans = []
    for e in _spans(entities, "category"):
        c = nz.category(str(e["value"]), policies)
        if c and "　" not in said[e["start"]:e["end"]]:
            spans.append((e["start"], e["end"], c))
    for canon, aliases in policies.vocab.categories.items():
        for word in sorted((canon,) + aliases, key=len, reverse=True):
            for m in re.finditer(re.escape(word), said):
                spans.append((m.start(), m.end(), canon))
    spans += list(nz.category_words(said))
    # one mention per run of words for one category ("建档立卡贫困户", "建档立卡的贫困家庭"): the negation before the
    # run is the run's
    hits = []
    last: dict[str, list] = {}
    for s, e, c in sorted(spans):
        run = last.get(c)
        if run and s <= run[1] + (1 if said[run[1]:s] in ("的", "") else 0):
            run[1] = max(run[1], e)
            continue
        last[c] = [s, e]
        hits.append((s, c))
    ends = {s: e for s, e, _ in spans}
    yes: dict[str, int] = {}
    no: dict[str, int] = {}
    others: set[str] = set()
    prev_no_end = None
    for start, c in sorted(set(hits)):
        # "没被列成监测户、边缘户": a no with a listing verb before the word, and carried over a list of such words
        # (or a no after the word: "评贫困户没有他", "建档立卡名单里没有她")
        negated = nz.is_negated(said, start) or bool(_LISTED_NO.search(said[max(0, start - 8):start])) or \
            bool(_NOT_LISTED_AFTER.match(said[ends.get(start, start):])) or (
            prev_no_end is not None and re.fullmatch(r"[、/和或及也]{1,2}", said[prev_no_end:start] or "x") is not None)
        prev_no_end = max(ends.get(start, start), start) if negated else None
        if not negated and c != "农民工" and _HEARSAY.search(_clause_before(said, start)):
            continue                # "听说脱贫户找到工作给500块": the category in what was heard, not who they are
        if not negated and nz.ACQUAINTANCE_CLASS.search(_clause_before(said, start)):
            continue                # "她女儿同学家是建档立卡的": an acquaintance's household, not theirs
        if negated:
            if _OTHERS.search(_clause_before(said, start)):
                others.add(c)               # said of someone else: a "no" only when nobody is said to be one
                continue
            no.setdefault(c, start)
            no[c] = max(no[c], start)
        else:
            yes.setdefault(c, start)
    for c, at in sorted(yes.items(), key=lambda kv: kv[1]):
        if c in no and no[c] > at and _CORRECTION.search(said[at:no[c]]):
            continue
        if c in no and _HIRED_ONES.search(said[max(0, at - 6):at]) and _SELF_NOT.search(_clause_before(said, no[c])):
            continue                # "开个分厂带贫困户干活，老板自己不是贫困户": those he would hire are, he is not
        out.categories.append(c)
    out.not_categories = [c for c in sorted(no, key=no.get) if c not in out.categories]
    out.others_not = [c for c in sorted(others) if c not in yes and c not in out.not_categories]
    out.not_categories += out.others_not
    # "26岁，初中毕业，在家闲着": schooling that ended before college is no 高校毕业生
    if "高校毕业生" not in out.categories and "高校毕业生" not in out.not_categories and \
            re.search(r"(?:初中|高中|小学)(?:都)?(?:刚)?(?:没)?毕业", said) and \
            not re.search(r"大学|大专|本科|专科|高职|学院|研究生", said):
        out.not_categories.append("高校毕业生")



# --------------------------------------------------------------------------------------------------- head-counts
# "招了6个脱贫户和4个低收入户", "一共24个绣娘，其中脱贫户5个、边缘户2个", "5个贫困户里4个签了一年合同…还有1个干了两个月就走了":
# every number of persons is bound to its own noun (the words after it, or before it: "脱贫户5个"), and groups are
# nested by 其中 / 里头 / brackets / a colon, with siblings after 另外 / 剩下 / 还有. A group that names nobody
# ("三个干了九个月") is part of the people last named. When sibling groups each say their own conditions, the message is
# about the first of them (its count, contract and months); the others' conditions are not read as facts.
_PERSON_COUNT = re.compile(r"(?:[0-9]+(?:来|余|多)?|[一二两三四五六七八九十百几来]+)\s*(?:个人|个|名|位|户|人)(?![月年天半多]|[来把余][月天年])|俩|仨|"
                           # a couple taken on ("雇了一对建档立卡的两口子"): two persons
                           r"一对(?=[^，。,；;？?]{0,8}?(?:两口子|夫妻|夫妇|小两口))")
_SENTENCE_END = "。！!？?；;\n"
# what follows "N个" when it does not count persons: a place of work, an organisation, a thing
# ("9个跟企业签了一年的劳动合同": persons who signed with a unit, not units)
_THINGS = re.compile(r"(?!跟|和|与|同)(?:(?!签|干|做|在|满|来|走|去|是|都|也|有|没|才|只|已|领|拿|考|进|到|上|里)[^，,。、；;！!？?]){0,6}?"
                     r"(?:工厂|工场|社区|厂|公司|企业|合作社|基地|车间|工坊|农场|大户|机构|学校|学院|部门|单位|店|铺|馆|超市|问题|事|物流园|工业园|园区|"
                     r"工地|酒店|医院|"
                     r"东西|地方|项目|证|班|期|批|岗位|补贴|政策|条件)")
_SIBLING = re.compile(r"另外|剩下|还有|其余|其他|余下|别的|另有")
_PERSON_WORDS = re.compile(r"人|工|学员|学生|绣娘|老乡|村民|农民|劳动力|劳动者|见习生|毕业生|大学生|孩子|娃|阿姐|妇女|老人|小伙|姑娘|"
                           r"兄弟|户|小子|闺女|丫头|伢子?|儿子|女儿")
_HEARSAY = re.compile(nz.HEARSAY_WORDS + "|"
                      # a category spoken of in general ("为么子只给贫困户咯"): not who the person is
                      r"(?:只|光|专门|就|都)(?:是)?(?:给|管|补|照顾)$|"
                      # other people of a category ("别个贫困户都说有1800的补贴"): not who the person is
                      r"(?:别个|别人家?|旁人|邻居|隔壁|人家)(?:的|家)?$")
# a no before a category with a listing verb between ("没被列成监测户", "也没评上贫困户", "不属于低保户")
_LISTED_NO = re.compile(r"(?:不是|没有|没|未|不)(?:被)?(?:列成|列为|列入|评为|评上|评成|认定为|认定成|算作|算成|划为|划成|纳入|定为|定成|"
                        r"属于|当成)$")
_OTHER_WORDS = re.compile(r"一般|普通|(?<!是)不是|非(?!遗)|不算")
_HIRE_CONTEXT = re.compile(dict((role, pat) for pat, role in nz.COUNT_ROLES)["new_hires"])
_CONDITION = re.compile(r"签|合同|协议|干|做|满|在岗|社保|来了|才来|走了|没去|季节工|领过|享受过|一年|个月|半年")
_TOTAL_WORDS = re.compile(dict((role, pat) for pat, role in nz.COUNT_ROLES)["staff_total"])
# a staff is a unit's: the words of one (a whole village's households are not a staff)
_EMPLOYER_CONTEXT = re.compile(r"我们|厂|公司|招|雇|房租|基地|车间|工坊|合作社|单位|企业|培训|班|学员|员工|职工|工人|绣娘|老板")


# the words of a count's own clause before it, ending in 的 ("苏州电子厂签两年的4个", "进县城饭店的2个")
_OWN_CLAUSE_BEFORE = re.compile(r"[\u4e00-\u9fff]{3,}的$")


@dataclass(eq=False)
class _Group:
    start: int
    end: int
    value: float
    cls: str | None = None          # poor | lowinc | mixed | other | person | None (part of the people last named)
    parent: "_Group | None" = None
    total: bool = False             # the whole staff ("一共30个工人")
    stop: int = 0                   # its words run from its number to the next number or the end of the sentence
    ref: "_Group | None" = None     # a number naming an earlier group again ("本省16个里…")
    main: bool = False              # the group the message is about
    cats: frozenset = frozenset()   # the categories its words name
    children: list = field(default_factory=list)
    takes: bool = False             # its own clause names a benefit it takes part in ("其中6个…搞以工代训")


def _class_of(words: str, policies) -> str | None:
    """Which people a group's words name: 脱贫劳动力 (含边缘户) → poor; 农村低收入人口, 低保, 特困 → lowinc; both →
    mixed; a category said with a no ("不是建档立卡的"), 一般, 普通 → other; persons with no category → person."""
    found, negated = _cats_of(words, policies)
    counts = policies.vocab.facts
    poor = bool(found & counts["hired_poor_count"].counts)
    low = bool(found & (counts["hired_poor_low_income_count"].counts - counts["hired_poor_count"].counts))
    if poor or low:
        return "mixed" if poor and low else "poor" if poor else "lowinc"
    if negated or _OTHER_WORDS.search(words):
        return "other"
    if found or _PERSON_WORDS.search(words):
        return "person"
    return None


def _cats_of(words: str, policies) -> tuple[set, bool]:
    """The categories words name (and whether one is said with a no)."""
    found, negated = set(), False
    hits = list(nz.category_words(words))
    for canon, aliases in policies.vocab.categories.items():
        for word in (canon,) + aliases:
            i = words.find(word)
            if i >= 0:
                hits.append((i, i + len(word), canon))
    for s, _, c in hits:
        if nz.is_negated(words, s):
            negated = True
        else:
            found.add(c)
    return found, negated


def _own_words(said: str, g: _Group) -> str:
    """A group's own words, up to a condition said of all ("，都签了一年合同"); none when it says the same as the
    others ("7个都签了一年", "2个边缘户也签了一年")."""
    words = _group_clause(said, g)
    if re.match(r"[^，,、]{0,6}?(?:都|也|全|同样|一样)", words):
        return ""
    m = re.search(r"[，,、]\s*(?:都|全|全部|一律|均)", words)
    return words[:m.start()] if m else words


def _group_clause(said: str, g: _Group) -> str:
    """The words after a group's count up to the next group, the unit's costs or the question."""
    words = said[g.end:g.stop]
    # (a WeChat space or a comma before the unit's costs or the question ends them: "2个只签了半年 场地租金一年两万 水电一年四千 能补啥")
    # ("南寨镇的4个签了一年 另外厂房租金一年4万": "另外" before the costs too)
    words = re.split(r"(?<=\S)(?:\s+|[，,]\s*)(?=(?:另外|此外|还有)?(?:场地|厂房|房租|租金|租房|水电)|场地|厂房|房租|租金|租房|水电|能补|能拿|能给|能领|能不能|可以|请问|咋|怎么|啥|有没有|有啥|"
                     r"多少|一共|总共|我们|俺们|咱们|这个|那个|厂里|厂子里|社里|车间里|全厂|整个|连我|算上|加上)", words, maxsplit=1)[0]
    return words


# a household speaking of its own ("屋里俩娃", "我家两个孩子"), and a unit speaking of its own ("我们学校招了35个娃")
_HOUSEHOLD = re.compile(r"屋里|家里|俺家|我家|咱家|俺屋|我屋|家中|屋头|家头")


def _persons_before_a_pause(said: str, s: int, e: int, policies) -> bool:
    """A count ended by a WeChat pause, of persons by the words before it ("今年新招了12个 厂里一共30个工人", "其中脱贫户5个
    厂里…"): persons, whatever the next clause begins with."""
    return said[e:e + 1].isspace() and bool(re.search(r"(?:招|雇|聘|吸纳)(?:了|进)?\s*$", said[max(0, s - 4):s]) or
                                            _class_of(said[max(0, s - 6):s], policies))


def _head_counts(said: str, free, policies) -> tuple[list[_Group], list[tuple[int, int]]]:
    """The groups of persons a message counts (and where it names a group again)."""
    mentions = []
    for m in _PERSON_COUNT.finditer(said):
        s, e, raw = m.start(), m.end(), m.group(0)
        if not free(s, e) or _is_rate(said, s, e):
            continue
        if raw in ("一个", "一名", "一位", "一人", "1个", "1人") and (
                re.search(r"每[^，。,；;？?]{0,3}$", said[max(0, s - 4):s]) or
                re.match(r"[^，。,；;？?]{0,6}?(?:给|补|奖)(?:[0-9]+|[一二两三四五六七八九十百千]+)(?:块|元)?", said[e:e + 14])):
            continue                        # "企业每招一个贫困户政府给1000块", "招一个脱贫户给一千": a rate, not a person
        if raw in ("一个", "一名", "一位", "1个") and re.search(r"(?:招|吸纳|雇|聘|多招|再招)\s*$", said[max(0, s - 3):s]) and \
                re.match(r"[^，。,；;？?]{0,8}?(?:能|可以|可)(?:拿|领|补|得|给)(?:到)?(?:多少|几多|好多|啥)", said[e:e + 16]):
            continue                        # "另外招一个脱贫户车间能拿多少钱": the rate asked, not one more hired
        if raw in ("一个", "1个") and re.search(r"(?:挑|选|拿|报|领|择)(?:其中)?\s*$", said[max(0, s - 3):s]) and \
                re.match(r"\s*(?:[？?，,。]|$|吗|呢|还是|行|就)", said[e:e + 2]):
            continue                        # "还是只能挑一个？": one of two benefits chosen, not a person
        # (hired are persons, whatever the next clause begins with: "今年新招了12个 厂里一共30个工人")
        if not re.search(r"人|户", raw) and _NOT_PERSONS.match(said[e:e + 4]) and \
                not _persons_before_a_pause(said, s, e, policies) and \
                not re.match(r"\s*(?:村|镇|乡)(?:里|上|子里)的?[^，。,；;？?0-9]{0,3}?(?:脱贫|贫困|低收入|建档|边缘|低保)", said[e:e + 12]):
            continue                        # ("4个村里的低收入户": persons of the village, not villages)
        v = 2.0 if raw in ("俩", "一对") else 3.0 if raw == "仨" else nz.parse_count(raw)
        # (a group of a list said by 俩/仨 with what they did: "还有仨去新疆摘棉花")
        if v is None or v <= 0 or (raw in ("俩", "仨") and not _class_of(said[e:e + 6], policies) and
                                   not (re.search(r"(?:还有|另外|又有|其中|剩下|另)\s*$", said[max(0, s - 3):s]) and
                                        re.match(r"\s*(?:去|到|在|干|做|签|进|都|也)", said[e:e + 2]))):
            continue
        if raw == "一对" and not _class_of(said[e:e + 12], policies):
            continue
        if said[max(0, s - 1):s] in ("这", "那") and \
                re.match(r"\s*(?:[，,]|我|俺|你|他|她|咱|都|能|可以|要)", said[e:e + 3]):
            continue                        # "这9个人我们两个是不是都可以各报一次", "新疆那10个人，下个月…": the group
            #                                 said before, named again
        if raw in ("一个", "一位", "一名") and said[max(0, s - 2):s].endswith(("另", "另外")) and \
                re.match(r"\s*(?:经纪人|中介|老板|人|师傅|老师|同事|朋友|亲戚|老乡)", said[e:e + 4]):
            continue                        # "另一个经纪人老刘也跟着一起带的": another person, not a head-count
        if raw.endswith("个") and _THINGS.match(re.sub(r"\s+", "", said[e:e + 8])) and \
                not _persons_before_a_pause(said, s, e, policies) and \
                not re.match(r"\s*(?:脱贫|贫困|建档|低收入|边缘|低保|农民工|工人|员工|学员)", said[e:e + 5]):
            continue                        # "一个社区工厂", "两个问题", "一个 培训学校": not persons
        if raw in ("两个", "二个", "俩", "这两个", "那两个") and \
                re.match(r"\s*(?:是不是|能不能|可不可以)?(?:都|也)?(?:能|可以)?(?:一起|一块|一搭|同时)?(?:都)?(?:各)?"
                         r"(?:报|领|拿|享受|申请|要)", said[e:e + 10]):
            continue                        # "是不是两个都能报": two benefits, not two persons
        if raw in ("一个", "一") and re.search(r"(?:我|俺|额|咱)\s*$", said[max(0, s - 2):s]) and \
                re.match(r"\s*(?:男的|女的|人|妇女|老汉|婆娘|寡妇|单身)", said[e:e + 4]):
            continue                        # "我一个男的", "俺一个妇女家": who speaks, not a head-count
        if re.match(r"\s*(?:伢子|伢|娃娃|娃|孩子|娃子|崽|小孩|儿子|女儿|闺女|姑娘|子女)", said[e:e + 4]) and \
                _HOUSEHOLD.search(said) and not nz.OUR_UNIT.search(said) and _HIRE_CONTEXT.search(said) and \
                not re.match(r"\s*\S{1,3}?\s*都\s*(?:在|念|读|上|考)", said[e:e + 10]):
            # (a count that would be read as a unit's hires, one of them at work; not "俩娃都念技工学校", "俩孩子 大的在
            # 技师学院…": the children at school, counted for a school grant)
            continue                        # "屋里俩娃 老大…老二…", "两个伢子": a family's children, not a unit's people
        if re.match(r"[^，。,；;]{1,6}?多的?(?:村|镇|乡|地方|山区)", said[e:e + 12]):
            continue                        # "一个贫困户多的村里": a village, not a person
        if raw in ("一个", "一家") and re.match(r"[^，。,；;？?娃孩儿女人]{1,10}?的[^，。,；;？?的]{0,8}?(?:加工点|加工厂|加工坊|厂|厂子|公司|"
                                             r"作坊|车间|合作社|企业|店|工坊|基地|养殖场|农场)", said[e:e + 24]):
            continue                        # "一个做劳保手套的加工点", "一个做刺绣的非遗扶贫就业工坊": a unit, not a person
        if re.search(r"(?:问|说|讲|提|有)\s*$", said[max(0, s - 2):s]) and re.match(r"\s*[：:，,]|\s*事", said[e:e + 2]) and \
                not (re.search(r"有\s*$", said[max(0, s - 2):s]) and
                     (_class_of(said[max(0, s - 8):s], policies) or
                      re.match(r"\s*[，,]\s*(?:都|也|全)(?:是)?", said[e:e + 4]) and _class_of(said[e:e + 12], policies))):
            continue                        # "问两个：", "有两个事" (not "脱贫户有11个，")
        if re.match(r"\s*是", said[e:e + 2]) and raw in ("一个", "二个", "两个", "三个") and \
                re.search(r"一个\s*是", said) and re.search(r"(?:二|两)个\s*是", said):
            continue                        # "一个是…二个是…": points of a question, not persons
        mentions.append((s, e, v))
    groups: list[_Group] = []
    for i, (s, e, v) in enumerate(mentions):
        nxt = mentions[i + 1][0] if i + 1 < len(mentions) else len(said)
        stop = next((j for j in range(e, nxt) if said[j] in _SENTENCE_END), nxt)
        g = _Group(s, e, v, stop=stop)
        last = groups[-1] if groups else None
        between = said[last.end:s] if last else said[:s]
        after = said[e:stop]
        if re.search(r"(?:这|那)\s*$", said[max(0, s - 2):s]) and len(groups) >= 2:
            # "脱贫户7个、村里低保户2个，这9个都签了一年合同": the groups just named, together, named again
            tail = [h for h in groups if h.ref is None][-2:]
            if len(tail) == 2 and sum(h.value for h in tail) == v and tail[0].cls != tail[1].cls:
                g.ref = tail[-1]
                groups.append(g)
                continue
        if re.search(r"(?:这|那)\s*$", said[max(0, s - 2):s]) and \
                re.match(r"(?:人)?\s*(?:为啥|为什么|咋|怎么|凭啥|为何)(?:就)?不", said[e:e + 8]):
            g.ref = g                           # "南寨那4个为啥不给": a group counted before, asked about
            groups.append(g)
            continue
        if re.match(r"[^，。,；;！!？?]{0,6}?(?:里头|里面|里边|里|中)", after):
            g.ref = next((h for h in reversed(groups) if h.value == v and h.ref is None), None)
            if g.ref is not None:               # "本省16个里12个": the 16 named before
                groups.append(g)
                continue
        # its noun: the words after it up to a list mark, or before it ("其中脱贫户5个")
        # (a WeChat space ends it too, "四十个工人 脱贫劳动力十五个", unless what follows says what they are: "12个 都是脱贫户")
        noun = re.split(r"[、及与跟（(]|和(?=\s*[0-9一二两三四五六七八九十几])|[，,](?!\s*(?:也|都)?(?:是|不是))|"
                        r"(?<=\S)\s+(?!\s*(?:也|都|全)?(?:是|不是))", after, maxsplit=1)[0]
        # (the last words before it, not a group's noun before a WeChat space: "4个低收入户 有7个签了一年合同")
        before = ([w for w in re.split(r"\s+", re.split(r"[、，,。；;！!？?和及（(：:]",
                                                          said[max(last.end if last else 0, s - 8):s])[-1]) if w] or [""])[-1]
        g.cls = _class_of(noun, policies) or _class_of(before, policies) or \
            ("person" if re.search(r"人", said[s:e]) else None)
        g.cats = frozenset(_cats_of(noun, policies)[0] or _cats_of(before, policies)[0])
        if g.cls is None and _class_of(after, policies) in ("poor", "lowinc", "mixed", "other") and \
                not re.match(r"\s*[，,]\s*\S{1,6}?(?:里|中|当中)(?:头|面|边)?(?:有)?", after):
            # (not a group of another said after it: "考核合格36个，脱贫户里有3个没过")
            g.cls = _class_of(after, policies)  # "剩下4个刚来俩月，也不是建档立卡的"
        if nz.ASKED_OF_AGAIN.search(said[max(0, s - 6):s]) or re.search(r"(?:这|那)\s*$", said[max(0, s - 2):s]):
            # "里头8个是脱贫户…想问下8个脱贫户这个比例够不够": the group said before, asked of, not 8 more
            g.ref = next((h for h in reversed(groups) if h.ref is None and h.value == v and g.cls and h.cls == g.cls),
                         None)
            if g.ref is not None:
                groups.append(g)
                continue
        g.total = bool(_TOTAL_WORDS.search(said[max(0, s - 6):s] + noun[:4])) and \
            not re.search(r"招|吸纳|新|介绍|带", re.sub(r"连?新(?:带|和|加|的)?旧(?:的)?|新老|新旧", "", said[max(0, s - 10):s])[-4:]) and \
            not re.match(r"\s*(?:户|人家)", said[e - 1:e + 2]) and \
            bool(_EMPLOYER_CONTEXT.search(said))
        prev = next((h for h in reversed(groups) if h.ref is None), None)
        own_clause = re.split(r"[，,。；;？?！!、]", said[e:])[0]
        g.takes = bool(_TAKES_PART.search(own_clause)) and not nz.HAD_BEFORE.search(own_clause) and \
            any(w is not None and w.search(own_clause) for w in default_catalogue().benefit_words.values())
        closed = bool(re.search(r"[）)]", between))
        qi = said.rfind("其中", 0, s)
        of_class = re.fullmatch(r"\s*[，,；;]?\s*(\S{1,6}?)(?:里|中|当中)(?:头|面|边)?(?:有)?\s*", between)
        of_class = _class_of(of_class.group(1), policies) if of_class else None
        of_class = next((h for h in reversed(groups) if of_class and h.ref is None and h.cls == of_class and
                         h.value > v and h is not last), None)
        if last is not None and last.ref is not None and re.search(r"里|中", between):
            g.parent = last.ref                 # "5个贫困户里4个"
        elif of_class is not None:
            g.parent = of_class                 # "28个是脱贫劳动力…考核合格36个，脱贫户里有3个没过": of the 28
        elif last is not None and (last.cls in (None, "person") or g.cls in (None, "person", last.cls)) and \
                re.fullmatch(r"\s*(?:人|学员|工人|学生)?[，,]?\s*(?:里头|里面|里边|当中|之中)(?:有)?"
                             r"(?:[^，。,；;？?0-9一二两三四五六七八九十]{2,8}?(?:的)?(?:有|是)?)?\s*", between):
            # "今年新招的6个里头4个脱贫户、2个低收入户"; "脱贫户6个，里头4个签的一年合同，2个签的半年"; "32个学员里头
            # 建档立卡贫困户20个"
            g.parent = last
        elif last is not None and re.search(r"[（(：:]", between):
            g.parent = last.ref or last         # "8个是建档立卡的（4个新邵本地…", "介绍了15个人：8个…"
        elif prev is not None and qi >= 0 and not any(ch in _SENTENCE_END for ch in said[qi:s]) and \
                not _SIBLING.search(between) and not (g.total and re.search(r"一共|总共|全厂|厂里|共有", between)):
            # (not the whole staff said after: "其中脱贫户5个 …厂里一共30个工人")
            g.parent = prev.parent if prev.start > qi else prev     # "其中5个是…、3个是…"
            if prev.start < qi and (prev.value <= v or (g.cls in ("poor", "lowinc") and prev.cls not in (None, g.cls, "mixed"))):
                # "新招了9个脱贫户、4个农村低收入户…。其中6个脱贫户…": of the group it can be part of, by size and class
                g.parent = next((h for h in reversed(groups) if h.ref is None and h.start < qi and h.value > v and
                                 (g.cls is None or h.cls in (None, g.cls, "mixed"))), g.parent)
        elif prev is not None and (_SIBLING.search(between) or
                                   (prev.parent is not None and not any(ch in _SENTENCE_END for ch in between) and
                                    # (not the whole staff said after the parts of the hires: "两个签的半年，厂里连他们
                                    # 一共二十一个工人")
                                    not (g.total and re.search(r"连|算上|加上|一共|总共", between + said[s - 2:s])))):
            g.parent = prev.parent
            if closed and g.parent is not None:
                g.parent = g.parent.parent
            if re.search(r"剩下|其余|余下", between):     # "剩下8个": what is left of the group it completes
                p = prev.parent
                while p is not None and p.value - sum(k.value for k in p.children) != v:
                    p = p.parent
                if p is None:
                    # ("12个…10个是湖南邵阳的，2个是贵州的…邵阳那10个里有3个干了两个来月就走了，其余9个": the rest of the
                    # whole once those 3 are out)
                    p = prev.parent.parent if prev.parent is not None else None
                    while p is not None and p.value - prev.value != v:
                        p = p.parent
                g.parent = p if p is not None else g.parent
        elif g.cls is None and not _NEW_HIRES.search(said[max(0, s - 6):s]) and \
                not _OWN_CLAUSE_BEFORE.search(re.split(r"[，,。；;！!？?、\s]", said[last.end if last else 0:s])[-1]):
            # "三个干了九个月": of the people last named (not a count closing a clause of its own, "送西安建筑工地签一年
            # 合同的6个 苏州电子厂签两年的4个": another group, said by what it did)
            # (not "今年新招的6个里头…": new hires, not some of the staff named before)
            g.parent = next((h for h in reversed(groups) if h.parent is None and h.ref is None and
                             h.cls is not None and not h.total), None)
        if re.search(r"除了?\s*$", said[max(0, s - 3):s]) and prev is not None:
            # "给二十个…贫困户介绍了工作除了五个在县城的其余都去了江苏昆山…都签了劳动合同": some of the group before, set
            # apart; what follows 其余 is said of the rest, not of them
            g.parent = next((h for h in reversed(groups) if h.ref is None and h.value > v), g.parent)
            rest = re.search(r"(?:的)?(?:其余|其他|剩下|剩余|余下|别的)", said[e:g.stop])
            if rest:
                g.stop = e + rest.start()
                # ("招了二十个服务员，除了五个是三亚本地的普通户，其余都是…建档立卡贫困户": the rest, counted, of what
                # they are said to be)
                at = e + rest.end()
                end = next((j for j in range(at, len(said)) if said[j] in _SENTENCE_END), len(said))
                # (said to be of a class: "其余都是…"; not "其余都去了江苏昆山…", where they went)
                cls = _class_of(said[at:end], policies) if re.match(r"(?:的)?(?:人)?(?:都|也|全)?(?:是|为|属于)", said[at:]) \
                    else None
                if g.parent is not None and g.parent.value > v and cls in ("poor", "lowinc", "other") and cls != g.cls:
                    groups.append(g)
                    g.parent.children.append(g)
                    r = _Group(e + rest.start(), at, g.parent.value - v, cls=cls, parent=g.parent, stop=end,
                               cats=frozenset(_cats_of(said[at:end], policies)[0]))
                    g.parent.children.append(r)
                    groups.append(r)
                    continue
        if g.parent is not None and re.search(r"(?:另外|此外|还|又)(?:还|又)?(?:新)?(?:招|吸纳|雇|聘)(?:了)?\s*$", said[max(0, s - 8):s]) and \
                any("见习" in _own_words(said, h) for h in (g.parent, *g.parent.children)):
            # ("去年接了3个…大学毕业生来见习…另外还招了4个贫困劳动力，签了两年合同": hires beside the interns, not some
            # of them)
            g.parent = None
        if g.parent is not None:
            g.parent.children.append(g)
        groups.append(g)
    refs = [(g.start, g.end) for g in groups if g.ref is not None]
    groups = [g for g in groups if g.ref is None]
    for i, g in enumerate(groups):
        # "现在21个绣娘，脱贫户7个、村里低保户2个…另外12个是一般村民": the groups after it add up to it, the whole staff
        later = [h for h in groups[i + 1:] if h.parent is None]
        # (or the first of them, in its sentence: "学员40个，28个是脱贫劳动力、12个不是；考核合格36个…")
        run, k = 0.0, 0
        while k < len(later) and run < g.value and "。" not in said[g.end:later[k].start]:
            run, k = run + later[k].value, k + 1
        if k >= 2 and abs(run - g.value) < 0.5 and k < len(later):
            later = later[:k]
        if g.parent is None and not g.total and g.cls in ("person", None) and not g.children and len(later) >= 2 and \
                sum(h.value for h in later) == g.value and any(h.cls in ("poor", "lowinc", "mixed") for h in later) and \
                _EMPLOYER_CONTEXT.search(said):
            g.total = True
            for h in later:
                h.parent = g
                g.children.append(h)
        # "8个贫困户在干活，6个是建档立卡的…，另外2个是边缘户": the groups after it, each said as what they are, are its
        # parts
        elif g.parent is None and g.cls in ("poor", "mixed") and not g.children and len(later) >= 2 and \
                sum(h.value for h in later) == g.value and all(h.cls in ("poor", "lowinc", "mixed") for h in later) and \
                all(re.match(r"\s*(?:人)?(?:是|都是)", said[h.end:h.end + 3]) for h in later):
            for h in later:
                h.parent = g
                g.children.append(h)
    for g in groups:
        # "15个绣娘都在工坊里上班，其中4个脱贫户、2个农村低收入户": the people of the unit, of whom some are poor
        if g.parent is None and not g.total and g.cls in ("person", None) and g.children and \
                any(c.cls in ("poor", "lowinc", "mixed") for c in g.children) and \
                sum(c.value for c in g.children) < g.value and _EMPLOYER_CONTEXT.search(said):
            g.total = True
    # the group the message is about: of sibling groups that each say their own conditions, the first; the deepest
    # such family wins ("5个贫困户里4个签了合同…还有1个…")
    families: dict[int, list[_Group]] = {}
    for g in groups:
        families.setdefault(id(g.parent), []).append(g)
    chosen = None
    for sibs in families.values():
        # (the first group's "都" before any other is said is of them: "招了六个脱贫户，都签的一年劳动合同，另外还有四个
        # 本村一般村民签了半年")
        # (only beside a group of another class said with its own conditions; not "一共20个 都是…的 现在有14个干满一年了
        # 另外6个…", the parts of the same people)
        with_cond = [g for g in sibs if _CONDITION.search(_own_words(said, g)) or
                     (g is sibs[0] and g.cls in ("poor", "lowinc") and
                      re.match(r"[^，,、]{0,6}?[，,]\s*都", _group_clause(said, g)) and
                      _CONDITION.search(_group_clause(said, g)) and
                      any(h.cls == "other" and _CONDITION.search(_own_words(said, h)) for h in sibs[1:]))]
        if len(sibs) >= 2 and len(with_cond) >= 2 and (chosen is None or with_cond[0].start > chosen.start):
            chosen = with_cond[0]
    if chosen is not None:
        chosen.main = True
    return groups, refs


def _others_words(said: str, groups: list[_Group]) -> list[tuple[int, int]]:
    """The words of the sibling groups of the one the message is about."""
    main = next((g for g in groups if g.main), None)
    if main is None:
        # (no group the message is about: "认定以后签两年合同的是6个不是8个…另外2个是10月份来的 只签了半年": the
        # group said after the others with 另外 has words of its own)
        spans = []
        for g in groups:
            if not g.total and \
                    re.search(r"(?:另外|其余|剩下|剩余)(?:的)?(?:还有)?\s*$", said[max(0, g.start - 4):g.start]) and \
                    any(h.start < g.start for h in groups if h is not g):
                end = g.start + len(_own_words(said, g)) + (g.end - g.start)
                spans.append((g.start, end))
        return spans
    # (not the whole staff's: "一共24个人房租一年3万6" says the unit's costs, not a group's conditions)
    spans = []
    for g in groups:
        if g.parent is not main.parent or g is main or g.total:
            continue
        end = g.start + len(_own_words(said, g)) + (g.end - g.start)
        # (not past a clause said of all of them: "12月20号又来了3个 合同都签的两年 社保也一直在交")
        every = re.search(r"[，,。；;\s][^，,。；;\s]{0,8}?(?:都|全都|全部|也都|均)", said[g.end:end])
        spans.append((g.start, g.end + every.start() if every else end))
    return spans


# a group said to take part in something ("其中6个脱贫户俺们搞以工代训带了4个月")
_TAKES_PART = re.compile(r"搞|参加|开展|进行|安排(?:了)?(?:去)?|(?:做|带)了")


def _leaf_counts(g: _Group, inherited: str | None) -> dict[str, float]:
    """How many people of each class a group holds: its subgroups' classes when they name them, else its own ("其中
    残疾人两名" says something of two of them, not who the others are)."""
    cls = g.cls or inherited
    # ("9个脱贫户…其中6个脱贫户俺们搞以工代训": six of the nine who take part in one benefit, not who the nine are)
    classed = [k for k in g.children if _names_class(k) and not k.takes]
    if classed and cls in ("poor", "lowinc") and all(k.cls == cls and not k.cats <= g.cats for k in classed) and \
            sum(k.value for k in g.children) < g.value:
        return {cls: g.value}           # "12户脱贫户，其中边缘户3户": three of the twelve, all of them poor
    if classed:
        kids = list(g.children)
        if sum(k.value for k in kids) > g.value:
            # two splits of the same people ("6个人：4个脱贫户、2个低收入户，其中5个签了一年合同，1个脱贫户只签了8个月"):
            # the first that makes up the whole says who they are; the other is of the same people again
            run = 0.0
            for i, k in enumerate(kids):
                run += k.value
                if abs(run - g.value) < 0.5:
                    kids = kids[:i + 1]
                    break
        out: dict[str, float] = {}
        for k in kids:
            for c, n in _leaf_counts(k, cls).items():
                out[c] = out.get(c, 0) + n
        return out
    return {cls or "person": g.value}


def _on_contract(said: str, g: _Group) -> _Group:
    """A group of new hires without its parts said to have no contract, when other parts signed one ("又招了7个：4个脱贫户
    签了一年合同…，1个脱贫户是临时工没签合同，2个是本村的"): the hires on a contract are the ones a hire's money counts."""
    kids = [k for k in g.children if k.parent is g]
    signed = [k for k in kids if re.search(r"签[^，。,；;？?]{0,6}?(?:合同|协议)", _own_words(said, k)) and
              not re.search(r"没签|未签|不签|冇签", _own_words(said, k))]
    none = [k for k in kids if re.search(r"没签|未签|不签|冇签|临时工", _own_words(said, k))]
    if not signed or not none:
        return g
    return dataclasses.replace(g, children=[k for k in g.children if k not in none],
                               value=g.value - sum(k.value for k in none))


def _names_class(g: _Group) -> bool:
    return g.cls in ("poor", "lowinc", "mixed", "other") or any(_names_class(k) for k in g.children)


# Whose head-count it is: an agency's placements, a unit's interns, a school's trainees, a family's children at
# school; each is its own fact (policies/facts.yaml), the count an amount is multiplied by (`count:` in the data)
_HIRE_VERBS = re.compile(r"招|吸纳|雇|聘|录用|(?<!季节性)(?<!季节)用工")    # (not "季节性用工": the seasonal work an agency places people in)
_REFERRAL = re.compile(r"介绍|职介|输送|劳务公司|劳务派遣|人力资源|人力公司|中介|经纪人|带了?[^，。,；;]{0,10}?去|"
                       r"送了?[^，。,；;]{0,10}?(?:去|到)|输出")
_INTERNS = re.compile(r"见习")
# a training school or institution speaking of its own courses
_SCHOOL_ASKS = re.compile(rf"(?:我们|俺们|咱们)(?:是)?[^，。,；;]{{0,12}}?(?:{nz.SCHOOL_UNIT_WORDS}|培训班)")
_TRAINEES = re.compile(r"学员|培训班|培训学校|参训|参加培训|来培训|结业|(?:人|名)参加(?!工作)|办了?(?:一|几|两|[0-9]+)?期|办班|开班|开了?[^，。,；;]{0,6}班|"
                       r"(?:SYB|IYB|syb|iyb)班|(?:一|两|几|[0-9]+)期(?:的)?(?:SYB|IYB|syb|iyb|网络创业|创业培训)|(?:一|这|那|每)个班")
# a class's head-count named by its trainees ("30个学员", "参训学员40名")
_CLASS_OF = re.compile(r"([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位)?\s*(?:学员|参训人员|参训学员|培训学员)|"
                       r"(?:学员|参训人员|参训学员)(?:一共|共|总共)?\s*([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位|人)")
_CHILDREN = re.compile(r"\s*(?:的)?(?:孩子|娃|儿子|女儿|闺女|子女|小孩|学生|小子|丫头|伢子?)")
_SCHOOL = re.compile(rf"{nz.TECH_SCHOOL_WORDS}|职业学校|职校|念书|上学|读书|就读")
# what a placement says of itself: a contract ("5个签了一年以上的合同") or a seasonal job ("3个去苹果园干了4个月季节工")
_CONTRACT_SAID = re.compile(r"签|合同|协议")
_NO_CONTRACT_SAID = re.compile(r"(?:没|没有|未|不|冇)(?:签|订)(?:过|了)?(?:劳动)?(?:合同|协议)?|(?:没|冇)(?:有|得)?(?:劳动)?合同")
# a sibling at a technical school too ("他妹今年也考上技校了", "老二也在技校念")
# ("那要是二闺女高中不念了，明年秋天也去上技校呢": a second child, by its place among the children, said before its plan)
_SIBLING_AT_SCHOOL_TOO = re.compile(r"(?:妹妹?|弟弟?|哥哥?|姐姐?|老二|老三|老大|小的|大的|"
                                    r"[二三小]闺女|[二三小](?:小子|儿子|女儿|丫头|娃))[^。；;？?]{0,14}?也[^，。,；;？?]{0,4}?"
                                    r"(?:考上|在|念|上|读|进)(?:了)?[^，。,；;？?]{0,4}?(?:技校|技工|技师学院|职校)|"
                                    # ("那他妹妹明年初中毕业也想去读，两个孩子都能补吗": the school the other one is at)
                                    r"(?:妹妹?|弟弟?|哥哥?|姐姐?)[^。；;？?]{0,14}?也(?:想|要|打算|准备)(?:去)?(?:读|念|上)"
                                    r"(?=[，,。？?]|$)[^？?]{0,6}?(?:两个|俩)(?:孩子|娃|小孩|都)")
_SEASONAL_SAID = re.compile(r"季节|果园|摘|采|农忙")


# the persons an appraisal institution appraised ("这批里有30个人是头一回考，拿到了初级电焊工职业资格证", "第一个班里有15个人第一次
# 考电工，拿到了职业资格证书")
_APPRAISED = re.compile(r"([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位)(?:人|学员|学生)?(?:是)?[^，。,；;？?]{0,4}?"
                        r"(?:第一次|头一回|头一次|初次|首次)?(?:参加|去)?(?:鉴定|考(?!核|试合格)|拿(?:到)?(?:了)?[^，。,；;？?]{0,8}?证|取得)")


def _appraised_count(out: Extracted, said: str) -> None:
    """A message about an appraisal (鉴定) that counts the persons appraised: appraised_count, not a class's trainees."""
    if not re.search(r"鉴定|职业资格证|技能等级证", said):
        return          # (or the certificate of one: "20个人是头一回去考电焊工职业资格证，都考下来了")
    m = _APPRAISED.search(said)
    n = nz.parse_count(m.group(1)) if m else None
    if not n:
        return
    out.facts["appraised_count"] = n
    if out.facts.get("trainee_count") == n:
        out.facts.pop("trainee_count")      # the class's own count is what was said of it before


def _count_facts(out: Extracted, said: str, groups: list[_Group], hiring: bool = False) -> None:
    """The head-counts of a message as facts: those of a unit that hires (_hire_counts), then whose they are
    (_whose_counts)."""
    _hire_counts(out, said, groups, hiring)
    _whose_counts(out, said, groups)
    every = _ALL_AT_TECH_SCHOOL.search(said)
    if every and "new_hires" not in out.facts:
        # ("说错了 老大不是上大学 是在哈尔滨念技师学院 仨都是技校": all of the children, at a technical school)
        out.facts["students_count"] = 2.0 if every.group(1) == "俩" else 3.0 if every.group(1) == "仨" else \
            nz.parse_count(every.group(1).rstrip("个"))
    if out.class_placed and out.facts.get("trainee_count") == out.class_placed and \
            not any(g.value == out.class_placed and not re.search(r"(?:就业|上岗|找到工作)(?:的|了)(?:是|有)?\s*$",
                                                               said[max(0, g.start - 5):g.start]) for g in groups):
        out.facts.pop("trainee_count")      # "那要是三个月里只上岗了10个呢": the class's placed, not its trainees
    whole = _CLASS_OF.search(said)
    n = nz.parse_count(whole.group(1) or whole.group(2)) if whole else None
    if n and 0 < (out.facts.get("trainee_count") or 0) < n and not _HIRE_VERBS.search(said) and \
            re.match(r"\s*(?:全部|全都|都|全)", said[whole.end():]):
        out.facts["trainee_count"] = n      # "30个学员全部拿到合格证，有12个…开了店": the class is the 30
    _appraised_count(out, said)
    if "students_count" not in out.facts and _SIBLING_AT_SCHOOL_TOO.search(said):
        out.facts["students_count"] = 2     # "他妹今年也考上技校了": the child spoken of and a sibling
    # "干满一年的有12个，这12个里头…登记过失业的有9个": the innermost group, which says every condition, is counted
    chain = list(_THOSE_WHO.finditer(said))
    if chain:
        whole, some = nz.parse_count(chain[-1].group(1)), nz.parse_count(chain[-1].group(2))
        if whole and some and some < whole:
            for k in ("new_hires", "referred_count", "hired_poor_count", "trainee_count", "intern_count"):
                if (out.facts.get(k) or 0) > some:
                    out.facts[k] = some
    # "走了的那8个里头有3个，…这3个今年还能报不": some of a group named before are the ones asked about
    m = _SOME_OF_THOSE.match(said)
    if m:
        whole, some = nz.parse_count(m.group(1)), nz.parse_count(m.group(2))
        if whole and some and some < whole:
            for k in ("new_hires", "referred_count", "hired_poor_count", "trainee_count", "intern_count"):
                if out.facts.get(k) == whole:
                    out.facts[k] = some
    if "trainee_count" in out.facts and _SCHOOL_ASKS.search(said) and _TRAINEES.search(said) and \
            not re.search(r"(?:招|雇|聘|用)[^，。,；;？?]{0,8}?(?:工人|员工|职工|上班|干活)", said):
        # a school's class ("报名30个学员，18个建档立卡户"): its trainees, not a staff it hired
        for k in ("staff_total", "hired_poor_count", "hired_poor_low_income_count", "new_hires"):
            out.facts.pop(k, None)
    standard = training_standard(said)
    if standard is not None:
        out.facts["training_standard"] = standard
    kids = nz.KIDS_COUNTED.search(said)
    n = (2.0 if kids.group(1) == "俩" else nz.parse_count(kids.group(1).rstrip("个"))) if kids else None
    if n and all(g.value == n for g in groups):
        # "我们员工里有个阿姐…她家俩孩子今年大学刚毕业": someone's children, not the unit's hires
        for k in ("new_hires", "hired_poor_count", "staff_total"):
            if out.facts.get(k) == n:
                out.facts.pop(k)



# some of the children said at a technical school ("仨娃 一个上大学 俩在绥化念技工学校")
_SOME_AT_TECH_SCHOOL = re.compile(r"(?<![0-9一二两三四五六七八九十])(俩|仨|[0-9一二两三四五]个)(?:都)?(?:在[^，。,；;？?\s]{0,6}?)?"
                                  r"(?:念|读|上)(?:的)?(?:技工|技校|技师|职校|职高|中专)")


_ALL_AT_TECH_SCHOOL = re.compile(r"(?<![0-9一二两三四五六七八九十])(俩|仨|[0-9一二两三四五]个)(?:娃|孩子|娃娃|伢子)?\s*都\s*(?:是|在)?"
                                 r"(?:念|读|上)?(?:的)?(?:技工|技校|技师|职校|中专)")


def _whose_counts(out: Extracted, said: str, groups: list[_Group]) -> None:
    """A head-count that is not a unit's new hires: a family's children at school (students_count), a unit's interns
    (intern_count), a school's trainees (trainee_count), an agency's placements (referred_count: those said to have
    signed a contract; seasonal_referred_count: those placed in seasonal work). The hires' count (new_hires) is then
    not kept: the persons are not hired by the one who speaks."""
    f = out.facts
    interns = [g for g in groups if g.parent is None and "见习" in _own_words(said, g)]
    hires = [g for g in groups if g.parent is None and g not in interns and
             re.search(r"(?:招|吸纳|雇|聘)(?:了)?\s*$", said[max(0, g.start - 6):g.start])]
    if interns and hires:
        # "接了3个…大学毕业生来见习…另外还招了4个贫困劳动力": the interns' count apart; the hires are the hires
        f["intern_count"] = float(sum(g.value for g in interns))
        return
    whole = _CLASS_OF.search(said)
    if whole and "staff_total" in f and "trainee_count" not in f and not _HIRE_VERBS.search(said) and \
            nz.parse_count(whole.group(1) or whole.group(2)) == f["staff_total"]:
        f["trainee_count"] = f.pop("staff_total")   # "30个学员全部拿到合格证": the class, not a unit's staff
    if not groups or _HIRE_VERBS.search(said):
        if groups and _INTERNS.search(said) and "new_hires" in f:
            f["intern_count"] = f.pop("new_hires")      # "我们打算收3个，见习期定8个月"
            if not f.get("employed"):
                f.setdefault("unemployed", True)
        elif groups and _SCHOOL_ASKS.search(said) and _SCHOOL.search(said) and "new_hires" in f and \
                re.search(r"学生|两后生|新生|招生|子女|孩子|娃", said) and \
                (not _TRAINEES.search(said) or
                 # ("技师学院…开了扶贫班，招了60个…学生": a technical school's class of students, not trainees)
                 (nz.TECH_SCHOOL.search(said) and not re.search(r"学员|培训班|培训学校|参训|参加培训", said))):
            # a technical school's "今年秋季招了35个建档立卡贫困家庭的两后生": its students, not hires
            f["students_count"] = f.pop("new_hires")
            f.pop("hired_poor_count", None)
            for k in ("months_since_employment", "months_employed", "employed", "staff_total"):
                f.pop(k, None)
        elif groups and _SCHOOL_ASKS.search(said) and _TRAINEES.search(said) and "new_hires" in f:
            f["trainee_count"] = f.pop("new_hires")     # a school's "开个家政培训班，招50个建档立卡的": its trainees
        return
    kids = [g for g in groups if g.parent is None and _CHILDREN.match(said[g.end:g.end + 4])]
    if kids and _SCHOOL.search(said):
        f["students_count"] = sum(g.value for g in kids)        # "俩娃都念技工学校"
        some = _SOME_AT_TECH_SCHOOL.search(said[kids[0].end:])
        n = (2.0 if some.group(1) == "俩" else 3.0 if some.group(1) == "仨" else
             nz.parse_count(some.group(1).rstrip("个"))) if some else None
        if n and n < f["students_count"]:
            f["students_count"] = n     # "仨娃 一个上大学 俩在绥化念技工学校": the two at a technical school
        poor = f.get("hired_poor_count")
        if _SCHOOL_ASKS.search(said) and poor and poor < f["students_count"]:
            # a school's class ("40个学生，其中26个是建档立卡家庭的"): the students of the category are counted
            f["students_count"] = poor
            for k in ("new_hires", "hired_poor_count", "hired_poor_low_income_count", "staff_total"):
                f.pop(k, None)
        return
    if _INTERNS.search(said) and "new_hires" in f:
        f["intern_count"] = f.pop("new_hires")
        if not f.get("employed"):
            f.setdefault("unemployed", True)        # graduates taken on as interns are not in a job (未就业)
    elif _TRAINEES.search(said) and "new_hires" in f:
        f["trainee_count"] = f.pop("new_hires")     # "学员里有20个建档立卡贫困劳动力"
        # "学员40个，28个是脱贫劳动力、12个不是；考核合格36个，脱贫户里有3个没过…": the class's poor, told apart
        split = [c for g in groups if g.total and g.parent is None and
                 re.search(r"学员|参训|培训", said[max(0, g.start - 6):g.start] + said[g.end:g.end + 3])
                 for c in g.children if c.cls == "poor"]
        if len(split) == 1:
            f["trainee_count"] = split[0].value
    elif _TRAINEES.search(said) and len([g for g in groups if g.parent is None and not g.total]) == 1 and \
            not _REFERRAL.search(said):
        # "另外还有个IYB班15个人": a class and its people, no hiring said
        f["trainee_count"] = next(g.value for g in groups if g.parent is None and not g.total)
    elif _REFERRAL.search(said):
        # ("免费给28个人介绍了工作：20个…签了…合同；5个…摘棉花": the 28 are all placed, told by their groups)
        contract, seasonal = _placements(said, [g for g in groups if g.parent is None and (not g.total or g.children)])
        if any(g.total and g.children for g in groups if g.parent is None):
            f.pop("staff_total", None)          # an agency's people placed, not its staff
        # ("一共送出去二十三个：去广东东莞的十五个，去长沙…的八个": the total said, its parts by place)
        hires = f.pop("new_hires", None) or sum(g.value for g in groups if g.parent is None and not g.total) or \
            sum(g.value for g in groups if g.parent is None)
        # ("正月一批十二个，五月一批十个，九月一批八个": the batches sent, all of them placed)
        batches = [g for g in groups if g.parent is None and not g.total and
                   re.search(r"(?:一|第[一二三四五六七八九十]|头一|另一|又一)(?:批|拨|趟)\s*$", said[max(0, g.start - 4):g.start])]
        if len(batches) >= 2:
            hires = sum(g.value for g in batches)
        if contract:
            f["referred_count"] = sum(g.value for g in contract)
        elif not seasonal:
            f["referred_count"] = hires             # "免费介绍了10个登记失业的贫困劳动者"
        else:
            # ("送到广东东莞电子厂20个，到现在稳定干了8个月；省内长沙工地6个，干了5个月；去新疆摘棉花的季节工10个…": the
            # others placed, beside the seasonal ones, said with no contract either way)
            # (said before the seasonal ones, not the rest of them: "10个去采茶干了4个月，另外4个干了两个月就回来了")
            placed = [g for g in groups if g.parent is None and not g.total and g not in seasonal and
                      not _NO_CONTRACT_SAID.search(said[g.end:g.stop]) and g.cls != "other" and
                      g.start < min(h.start for h in seasonal)]
            if placed:
                # every one placed, the seasonal ones and those after them too (each counted by the time it worked:
                # "…14个到现在稳定干了6个月以上；5个去摘葡萄，干了3个月就回来了；3个干了不到1个月")
                f["referred_count"] = sum(g.value for g in groups if g.parent is None and not g.total and g.cls != "other")
        if seasonal:
            # (the seasonal placements counted are of 脱贫劳动力, the only ones its benefit is for: "还有2个不是脱贫户的
            # 普通农民工也跟着去冷库干季节工" are not among them)
            f["seasonal_referred_count"] = sum(g.value for g in seasonal if g.cls != "other") or \
                sum(g.value for g in seasonal)
            _seasonal_months(out, said, [g for g in seasonal if g.cls != "other"] or seasonal)


_DAYS_WORKED = re.compile(r"(?:干|做|待|摘)(?:了)?\s*([0-9]+|[一二两三四五六七八九十]+)\s*天")


# what follows a month's name ("七月底", "五月份") and what comes before a time worked said without 个 ("干了俩月")
_MONTH_NAMED = re.compile(r"[份底初中末号]|上旬|下旬")
_TIME_WORKED_BEFORE = re.compile(r"(?:干|做|待|摘|了|整整|满|够)\s*$")


def _seasonal_months(out: Extracted, said: str, seasonal: list) -> None:
    """Seasonal placements in groups that worked different lengths of time ("4个人去新疆摘棉花干了三个半月，还有2个去
    陕北果园干了40天就回来了"): each group's months (Extracted.group_months), so that the benefit's time condition
    counts the groups that reach it."""
    if len(seasonal) < 2 or out.group_months:
        return
    groups = []
    for g in seasonal:
        words = said[g.end:g.stop]
        # (a month's name is no time worked: "七月底去新疆摘棉花…干到十一月底整整4个月", "五月份去果园套袋 干了两个月")
        d = next((x for x in _DURATION_RE.finditer(words) if not _MONTH_NAMED.match(words, x.end()) and
                  ("个" in x.group(0) or _TIME_WORKED_BEFORE.search(words[:x.start()]))), None)
        days = _DAYS_WORKED.search(words)
        if d and (not days or d.start() < days.start()):
            months = nz.parse_duration_months(d.group(0))
        elif days:
            months = round((nz.parse_count(days.group(1)) or 0) / 30, 1)
        else:
            return
        if months is None:
            return
        groups.append((float(g.value), float(months)))
    if len({m for _, m in groups}) >= 2:
        out.group_months = groups
        # (the time said of everyone is the longest group's: "…干了5个月，另外2个…干了俩月就回来了" is no 2 months of all)
        longest = max(m for _, m in groups)
        for k in ("months_employed", "months_since_employment"):
            if out.facts.get(k) is not None and out.facts[k] < longest:
                out.facts[k] = longest


def _placements(said: str, groups: list[_Group]) -> tuple[list[_Group], list[_Group]]:
    """The groups an agency placed with a contract and those placed in seasonal work, each group by its own words
    ("5个签了一年以上的合同，另外3个…干了4个月季节工"); a group that says neither ("介绍了15个人：") is told by its
    subgroups, and the subgroups of a group that says it are part of it ("6个签了一年合同，这6个里头有1个…")."""
    contract, seasonal = [], []

    def walk(gs, inherited):
        for g in gs:
            # (and the job said just before the count: "新疆摘棉花6个脱贫户，干了4个月")
            # (voice input: a space too; and the words that start another group's clause, "…都签了一年合同剩下六个八月
            #去新疆摘棉花": the contract is the group's before)
            before = re.split(r"[，,。；;：:\s]|剩下|剩余|其余|另外|还有", said[max(0, g.start - 12):g.start])[-1]
            words = before + said[g.end:g.stop]
            # ("9个农民工（里面有4个脱贫户）签了两年劳动合同": the words after the brackets of its own people are its own)
            bracket = re.match(r"[^（(，,。；;]{0,10}[（(][^）)]*[）)]([^；;。？?]*)", said[g.end:])
            if g.children and bracket and g.children[0].start < g.end + bracket.start(1):
                words += bracket.group(1)
            # ("3个去西安饭馆，没签合同，干了俩月": placed without a contract, neither kind)
            kind = "none" if _NO_CONTRACT_SAID.search(words) else "contract" if _CONTRACT_SAID.search(words) else \
                "seasonal" if _SEASONAL_SAID.search(words) else None
            if kind in ("contract", "seasonal") and kind != inherited:
                # a subgroup of another kind is counted too: "3个…（不是贫困户）去果园干了4个月，还有2个…签了一年合同"
                # reads the 2 as inside the brackets' group. When its subgroups each say their own conditions, the
                # message is about the first of them ("20个…都签了劳动合同。现在14个干满一年了，4个干了8个月"): that
                # one is counted, as its facts are the ones read
                # ("…签了一年以上劳动合同，其中2个人自己已经…领过一次性求职补贴了": a subgroup who had a benefit is out of
                # a count, not the one the message is about)
                main = next((k for k in g.children if k.main and not nz.HAD_BEFORE.search(said[k.end:k.stop])), None)
                root = g
                while root.parent is not None:
                    root = root.parent
                if kind == "contract" and root is not g and \
                        re.search(r"[，,]\s*(?:都|全|全部|一律)[^，,。；;]{0,6}?签", said[g.end:g.stop]):
                    # ("其中8个…登记 另外4个没登记过 都跟厂里签了两年的劳动合同": said of all of them, not of the 4)
                    main = root
                (contract if kind == "contract" else seasonal).append(main or g)
            walk(g.children, kind or inherited)

    walk(groups, None)
    return contract, seasonal


# the new ones said after their count ("脱贫户就12个，都是今年新招的")
_NEW_AFTER = re.compile(r"[^，。,；;？?]{0,4}?[，,]?\s*(?:都|也|全|全部)(?:是)?(?:今年|去年|刚|才)?(?:新招|新吸纳|新进|新来|招进来|刚招)")
# the new hires announced as a list ("今年新招的人是这样：…", "新招的工人情况如下：")
_NEW_LISTED = re.compile(r"(?:新招|新吸纳|新进|新来|新雇|新聘)(?:了|的|进来的)?(?:人|工人|员工|人员)?(?:是这样(?:的)?|情况(?:是)?|如下|有这些|有)?\s*[:：]|"
                         # ("去年十月招了一批人：湘西凤凰的…10个…；贵州铜仁的…4个…；还有邵阳的…3个")
                         r"(?:招|雇|聘)了(?:一批|一些|几批|几拨|一拨|这么些)(?:人|工人|员工|人员)?\s*[:：]")
_NEW_HIRES = re.compile(r"(?:新招|新吸纳|新进|新来|新雇|新聘|又招|又吸纳|又雇|又聘)(?:了|的|进来的|进来)?(?:有)?\s*"
                        # ("今年新招的有脱贫户16个": the class said before its count)
                        r"(?:(?:脱贫|建档立卡|贫困|边缘|农村低收入|低收入)(?:户|人口|劳动力)?)?\s*$")


LOW_INCOME_OUT = "是农村低收入人口（本项只算脱贫劳动力）"


def low_income_out(low: float) -> dict:
    """The 农村低收入人口 among a unit's new hires, out of the count of each benefit of 脱贫 people only (counted_not)."""
    from policies.evaluator import benefit_count_fact, not_for_low_income
    from policies import default_policies
    return {bid: [float(low), LOW_INCOME_OUT] for bid, b in default_policies().benefits.items()
            if not_for_low_income(b) and benefit_count_fact(b) == "new_hires"}


def counts_low_income(kind: str | None) -> bool:
    return kind in ("就业帮扶基地", "非遗扶贫就业工坊")


def _counts_low_income(out: Extracted) -> bool:
    """A unit whose benefits count 农村低收入人口 with the 脱贫 among its new hires (千阳's 就业帮扶基地 and 非遗扶贫就业工坊),
    also when it is one besides another kind ("就业帮扶车间…又被认定成了就业帮扶基地")."""
    return counts_low_income(out.facts.get("employer_type")) or counts_low_income(out.facts.get("employer_type_also"))


# how many of a class found work, said alone ("3个月内就业的是29个", "结业后就业了25个")
_CLASS_PLACED = re.compile(r"(?:3|三)个月(?:内|里|之内)[^，。,；;？?]{0,4}?(?:就业|上岗|找到工作)(?:的|了)(?:是|有)?\s*"
                           r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|人)")


_PLACED_OF_CLASS = re.compile(r"(?:3|三)个月内[^，。,；;？?]{0,4}?([0-9一二两三四五六七八九十]+)\s*(?:个|名)(?:人|学员)?\s*(?:里|中|当中)(?:头|面|边)?"
                              r"[^，。,；;？?0-9]{0,2}?(?:找到工作|找到活|就业|上班)(?:了)?(?:的)?(?:有|是)?\s*"
                              r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|人)")


def _hire_counts(out: Extracted, said: str, groups: list[_Group], hiring: bool = False) -> None:
    """staff_total, hired_poor_count, hired_poor_low_income_count and new_hires from the groups of persons."""
    # a class and how many of it found work ("30个人考核合格，3个月内就业了18个"): the class's employment rate
    # (or after it: "考核合格36个…这三个月里上岗了22个")
    passed = next((g for g in groups if re.match(r"[^，。,；;？?]{0,4}?(?:考核|考试|结业)?(?:都)?合格", said[g.end:g.stop]) or
                   re.search(r"(?:考核|考试|结业)合格(?:的)?(?:有|是)?\s*$", said[max(0, g.start - 7):g.start])), None)
    placed = next((g for g in groups if passed is not None and g.start > passed.start and
                   re.search(r"(?:就业|上岗)(?:了)?\s*$", said[max(0, g.start - 4):g.start])), None)
    if passed is not None and placed is not None and placed.value <= passed.value:
        out.facts["class_employment_rate"] = round(placed.value / passed.value, 4)
        out.facts["class_placed_count"] = placed.value
    elif passed is None:
        alone = _CLASS_PLACED.search(said)
        of_all = _PLACED_OF_CLASS.search(said)
        whole, some = (nz.parse_count(of_all.group(1)), nz.parse_count(of_all.group(2))) if of_all else (None, None)
        if whole and some and some <= whole:
            # "培训完三个月内三十个人里找到工作的有十八个": the class's rate, of all of it; no one hired
            out.facts["class_employment_rate"] = round(some / whole, 4)
            out.facts["class_placed_count"] = float(some)
            return
        if alone and nz.parse_count(alone.group(1)):
            out.class_placed = float(nz.parse_count(alone.group(1)))
    # (not the rest of them, "剩下那二十一个工人既不是脱贫户也不是低收入户": a part of the staff, not all of it)
    totals = [g for g in groups if g.total and g.parent is None and
              not re.search(r"(?:算上|加上|加起来|合起来)(?:就|一共|总共)?(?:是|有)?\s*$", said[max(0, g.start - 6):g.start]) and
              not re.search(r"(?:剩下|剩余|其余|其他|其它|余下)(?:的)?(?:那|这)?(?:些)?\s*$", said[max(0, g.start - 6):g.start])]
    hire = hiring or bool(_HIRE_CONTEXT.search(said)) or bool(re.search(r"算上|加上", said))
    if not groups or not (hire or totals):
        return
    if totals:
        out.facts["staff_total"] = totals[0].value
    by_class: dict[str, float] = {}
    # "再招3个脱贫户…总共23个人、7个脱贫户": a class counted in a list after a total is that class's total now, not more
    listed = {g.cls: g for t in groups if t.total and t.parent is None for g in groups
              if g.parent is None and not g.total and g.cls in ("poor", "lowinc", "mixed") and g.start > t.start and
              re.fullmatch(r"\s*[、，,和]\s*(?:其中|里头|里面|里边)?\s*(?:有)?\s*", said[t.end:g.start])}
    # (interns beside hires, "接了3个…大学毕业生来见习…另外还招了4个贫困劳动力": the interns are no hires)
    interns = {id(g) for g in groups if g.parent is None and "见习" in _own_words(said, g)}
    if not any(g.parent is None and id(g) not in interns for g in groups):
        interns = set()
    for g in groups:
        if g.parent is None and not g.total:
            if g.cls in listed and listed[g.cls] is not g and g.start < listed[g.cls].start:
                continue
            if id(g) in interns:
                continue
            for c, n in _leaf_counts(g, None).items():
                by_class[c] = by_class.get(c, 0) + n
        elif g.parent is None and g.total:
            for c, n in _leaf_counts(g, None).items():
                if c != "person":
                    by_class[c] = by_class.get(c, 0) + n
    # "脱贫户18个，今年新招了7个脱贫户", "今年新招的6个里头4个脱贫户、2个低收入户": the staff's people and the new hires
    # apart (the staff's count is who works there now; the new ones are the hires a one-time subsidy counts)
    new: list[_Group] = []
    for g in groups:            # (and the groups listed with a new one: "新招了15个脱贫户、4个农村低收入户")
        if g.parent is None and not g.total and (_NEW_HIRES.search(said[max(0, g.start - 12):g.start]) or
                                                 # "脱贫户就12个，都是今年新招的，另外今年还新招了4个…"
                                                 _NEW_AFTER.match(said[g.end:g.end + 16]) or
                                                 # "今年新签一年合同的有5个": the new ones, by their new contracts
                                                 re.search(r"新签(?:了)?[^，。,；;？?]{0,6}?(?:合同|协议)(?:的)?(?:有|是)?\s*$",
                                                           said[max(0, g.start - 14):g.start]) or
                                                 new and not re.search(r"[，,。；;！!？?]", said[new[-1].end:g.start]) or
                                                 # ("新招了 脱贫户8个 农村低收入的4个": the next of a list, its class
                                                 # before its count)
                                                 new and re.fullmatch(r"[，,、\s]*(?:还有|另外)?[\u4e00-\u9fff]{0,8}",
                                                                      said[new[-1].end:g.start]) and
                                                 re.search(r"脱贫|贫困|建档立卡|低收入|边缘|低保",
                                                           said[new[-1].end:g.start])):
            new.append(g)
    listed = _NEW_LISTED.search(said)
    if listed:
        # "今年新招的人是这样：脱贫户3个…；边缘户4个…；还有2个脱贫户只签了半年；另外6个是一般村民…。": every group of
        # the list the colon opens is a new hire (up to the sentence's end)
        end = said.find("。", listed.end())
        end = len(said) if end < 0 else end
        new += [g for g in groups if g.parent is None and not g.total and listed.end() <= g.start < end and g not in new]
        new.sort(key=lambda g: g.start)
    old = [g for g in groups if g.parent is None and g not in new]
    if new and all(re.search(r"又(?:招|吸纳|雇|聘)", said[max(0, g.start - 12):g.start]) for g in new):
        # "今年3月份招了4个脱贫户…7月又招了2个脱贫户…9月招了3个边缘户": 又 adds to those hired before them this
        # year, each a new hire too (not a staff and its new ones)
        hired = [g for g in old if not g.total and
                 re.search(r"(?:招|吸纳|雇|聘)(?:了|的|进)?\s*$", said[max(0, g.start - 4):g.start])]
        # (not those whose one-time money was had already, "去年开春招了5个脱贫户，岗位补贴去年12月已经报过领过了；今年
        # 五一后又招了7个…": no new hires now, and counted in the staff said after, not beside it)
        had = [g for g in hired if nz.HAD_BEFORE.search(re.split(r"[；;。！!？?]", said[g.end:])[0])]
        hired = [g for g in hired if g not in had]
        old = [g for g in old if g not in had]
        if hired:
            new = sorted(new + hired, key=lambda g: g.start)
            old = [g for g in old if g not in hired]
    if new and any(_names_class(g) for g in old):
        by_class = {}
        for g in old:
            for c, n in _leaf_counts(g, None).items():
                if not (g.total and c == "person"):
                    by_class[c] = by_class.get(c, 0) + n
        fresh: dict[str, float] = {}
        for g in new:
            for c, n in _leaf_counts(_on_contract(said, g), None).items():
                fresh[c] = fresh.get(c, 0) + n
    elif len(new) >= 2:
        # "今年新招了5个脱贫户4个村里的低收入户": the new ones, each group by its class
        fresh = {}
        for g in new:
            for c, n in _leaf_counts(g, None).items():
                fresh[c] = fresh.get(c, 0) + n
    else:
        fresh = None
    poor, low, mixed = by_class.get("poor", 0), by_class.get("lowinc", 0), by_class.get("mixed", 0)
    if poor:
        out.facts["hired_poor_count"] = poor
    if low or mixed:
        out.facts["hired_poor_low_income_count"] = poor + low + mixed
    if fresh:
        poor, low, mixed = fresh.get("poor", 0), fresh.get("lowinc", 0), fresh.get("mixed", 0)
        if poor and by_class and set(by_class) <= {"other", "person"} and "hired_poor_count" not in out.facts and \
                "hired_poor_low_income_count" not in out.facts:
            # ("…招了5个脱贫户…又招了两个脱贫户…另外还有3个是村里的普通农户": none of the others is poor, the new
            # ones are the unit's poor)
            out.facts["hired_poor_count"] = poor
        if mixed or (low and _counts_low_income(out)):
            out.facts["new_hires"] = poor + low + mixed
            if poor and low and not mixed:
                # "新招的有脱贫户16个、农村低收入人口6个": a benefit of 脱贫 people only counts the 16
                for bid, v in low_income_out(low).items():
                    out.counted_not.setdefault(bid, v)
        elif poor or low:
            out.facts["new_hires"] = poor or low
        elif fresh.get("person"):
            out.facts["new_hires"] = fresh["person"]   # "新签一年合同的有5个，都是脱贫户": the new ones, whoever they are
        if out.facts.get("new_hires"):
            return
    main = next((g for g in groups if g.main), None)
    top = main
    while top is not None and top.parent is not None:
        top = top.parent
    if top is not None and id(top) in interns:
        main = None             # (some of the interns by their months: not the hires)
    # "还有1个边缘户也签了一年，算上就是10个了": the new number of hires
    # (not the whole staff with its poor said of it: "这样一共33个人里头11个脱贫户")
    total_now = next((g for g in groups if re.search(r"(?:算上|加上|加起来|合起来|这样)(?:就|一共|总共)?(?:是|有)?\s*$",
                                                     said[max(0, g.start - 6):g.start]) and
                      not (g.total and any(c.cls in ("poor", "lowinc", "mixed") for c in g.children))), None)
    recount_total = totals[0] if totals else next(
        (g for g in groups if re.search(r"(?:一共|总共|合计|总计|共)(?:是|有)?\s*$", said[max(0, g.start - 4):g.start])),
        None)
    if total_now is None and recount_total is not None and _RECOUNT.search(said) and \
            re.search(r"脱贫|贫困|建档立卡|低收入|边缘|低保", said):
        # "低收入户是两个，漏算了一个，一共十个人": a recount of the hires, not the whole staff
        # (not a recount of the staff with no class of hires said: "刚数错了 总共是28个人 上个月还招了个会计")
        total_now = recount_total
        out.facts.pop("staff_total", None)
        out.recount = True
        if "hired_poor_low_income_count" in out.facts or low:
            out.facts["hired_poor_low_income_count"] = total_now.value
    if total_now is not None:
        out.facts["new_hires"] = total_now.value
        return
    if main is not None:
        out.facts["new_hires"] = main.value
    elif mixed or (low and _counts_low_income(out)):
        out.facts["new_hires"] = poor + low + mixed
    elif poor:
        out.facts["new_hires"] = poor
    elif hire:
        # (not those named only as villagers, "车间又添了9个本村的，一共33个": ordinary people, no hire a subsidy counts)
        persons = [g for g in groups if g.parent is None and not g.total and g.cls in ("person", None) and
                   not re.match(r"\s*(?:都|全)?(?:是)?(?:本村|村里|本地|附近|周边)(?:的|人)\s*(?:[，,。；;]|$)", said[g.end:])]
        if persons:
            out.facts["new_hires"] = persons[0].value

