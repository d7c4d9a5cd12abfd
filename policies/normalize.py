"""The one word table: from what people type to facts. Durations, money, counts, categories, employer, post,
business and training types, negation, yes/no, work scope words, and which fact a number belongs to (by the words
around it), and the words of asking (a question, a follow-up, who asks: the end of the file). The chat
(assistant/extract.py, understand.py, turn.py), the console and the ledger all read words here; plain Python.

Long on purpose (about 640 lines): this is the one word table the structure issue asked for; cutting it would
make two owners of the same words again.

    parse_duration_months("一年半") == 18      parse_money("三百二") == 320      parse_count("12个人") == 12
"""
from __future__ import annotations

import datetime as dt
import functools
from policies import rx as re
import warnings

import cn2an
from lunardate import LunarDate

from .model import PolicySet, default_policies
from .quantities import parse_number_text

_CN_DIGITS = "零〇一二两三四五六七八九十百千万"
_NUM = rf"[0-9０-９.{_CN_DIGITS}]+"
_FW = str.maketrans("０１２３４５６７８９．", "0123456789.")


MAX_NUMBER = 1e8   # larger numbers in a message are not a fare, a head-count or a duration: treated as unreadable


_CN_ONE = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"": 1, "十": 10, "百": 100, "千": 1000, "万": 10000}
# a spoken range or approximation: "七八个月" (7 to 8), "两三个", "三四十", "十几个", "二十几", "十来个", "三十多"
_RANGE = re.compile(r"([一二两三四五六七八九])([二三四五六七八九])([十百千万]?)")
_ABOUT = re.compile(r"([一二两三四五六七八九]?)十(几|来|多)")
# a count said as a spoken range inside a sentence ("十几个人", "七八个"): its total is a lower bound
SPOKEN_RANGE_COUNT = re.compile(r"[一二两三四五六七八九]?十(?:几|来|多)|[一二两三四五六七八九][二三四五六七八九]十?(?=个|人|名|户)")


def _spoken_range(s: str) -> float | None:
    """The lower end of a spoken range: '七八' → 7, '三四十' → 30, '十几' → 11, '二十几' → 21, '十来' → 10."""
    m = _RANGE.fullmatch(s)
    if m and _CN_ONE[m.group(2)] == _CN_ONE[m.group(1)] + 1:
        return float(_CN_ONE[m.group(1)] * _CN_UNIT[m.group(3)])
    m = _ABOUT.fullmatch(s)
    if m:
        tens = _CN_ONE.get(m.group(1), 1) * 10
        return float(tens + (1 if m.group(2) in "几多" else 0))
    return None


def _num(s: str) -> float | None:
    s = (s or "").translate(_FW).strip()
    if not s or len(s) > 12 or "*" in s or "＊" in s:     # part of a masked number (610328********1234)
        return None
    spoken = _spoken_range(s)
    if spoken is not None:
        return spoken
    n = parse_number_text(s)
    if n is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                n = float(cn2an.cn2an(s, "smart"))
            except Exception:
                return None
    if n is None or n != n or abs(n) > MAX_NUMBER:
        return None
    return n


def parse_duration_months(text: str) -> float | None:
    """'一年'→12, '半年'→6, '一年半'→18, '三个多月'→3, '12个月'→12, '两年'→24, '一年多'→12, '1.5年'→18, '6月'→6."""
    if text is None:
        return None
    # (northern speech: 俩 two, 仨 three — "干了俩月", "一年也就干仨月")
    t = re.sub(r"\s+", "", str(text)).translate(_FW)
    if re.search(r"[0-9][一二两三四五六七八九十]|[一二两三四五六七八九十][0-9]", t):
        return None             # "800一个月": an amount and a rate run together, no length
    # (only standing alone: "我俩一个月" is the two of us and one month)
    t = re.sub(r"(?<![0-9.一二两三四五六七八九十])(俩|仨)(?![0-9.一二两三四五六七八九十俩仨])",
               lambda m: "两" if m.group(1) == "俩" else "三", t)
    if not t:
        return None
    if re.fullmatch(r"半年(?:多|左右)?", t):
        return 6.0
    m = re.fullmatch(rf"({_NUM})年(?:零|又)?({_NUM})个(?:多)?月", t)     # "一年零两个月" → 14
    if m:
        y, mo = _num(m.group(1)), _num(m.group(2))
        return None if y is None or mo is None else y * 12 + mo
    m = re.fullmatch(rf"({_NUM})年半", t)
    if m:
        n = _num(m.group(1))
        return None if n is None else n * 12 + 6
    m = re.fullmatch(rf"({_NUM})(?:个)?(?:多)?年(?:多|左右)?", t)
    if m:
        n = _num(m.group(1))
        return None if n is None else n * 12
    m = re.fullmatch(rf"({_NUM})(?:个)?(?:多|半|来)?(?:个)?月(?:多|左右)?", t)
    if m:
        n = _num(m.group(1))
        if n is None:
            return None
        return n + (0.5 if "半" in t else 0)
    m = re.fullmatch(rf"({_NUM})(?:个)?(?:星期|周)", t)
    if m:
        n = _num(m.group(1))
        return None if n is None else round(n * 7 / 30, 2)
    n = _num(t)  # a bare number: months
    return n


def parse_money(text: str) -> float | None:
    """'680'→680, '三百二'→320, '500块'→500, '2万'→20000, '1.5万元'→15000, '两千五'→2500."""
    if text is None:
        return None
    t = re.sub(r"[\s,，]", "", str(text)).translate(_FW)
    t = re.sub(r"(元|块钱|块|圆|人民币|多)$", "", t)
    t = re.sub(r"(元|块钱|块|圆|多)$", "", t)
    if not t:
        return None
    m = re.fullmatch(r"([0-9.]+)万", t)
    if m:
        return float(m.group(1)) * 10000
    return _num(t)


def parse_count(text: str) -> float | None:
    """'10个'→10, '十二个人'→12, '30人'→30."""
    if text is None:
        return None
    t = re.sub(r"\s+", "", str(text)).translate(_FW)
    t = re.sub(r"(个人|个|人|名|位|户|多)+$", "", t)
    t = re.sub(r"(?<=[0-9])(?:来|余|多)$", "", t)     # "200来个", "30余人": about that many
    t = {"俩": "2", "仨": "3"}.get(t, t)                # "里头有俩人", "仨"
    return _num(t)


# "N个(人)里(有)M个": M of a count of N said in the message. One base pattern for every reading of it (some of a
# group named again, part of a count by who they are, a group short of time, days missed by part of a class); group
# 1 is N, group 2 is M. `lead` comes before N ("这|那": the count named again), `between` after N's measure word,
# `inside` is the word for "among", `tail` follows M's measure word.
COUNT_NUM = r"[0-9一二两三四五六七八九十百]+"
HEAD_WORD = r"(?:个|名|位)"
AMONG = r"(?:里头|里面|里边|当中|中间|之中|里|中)"
AMONG_LONG = r"(?:里头|里面|里边|当中|中间|之中)"    # without the bare 里/中, for the loosest readings


def some_of_a_count(lead: str = "", between: str = r"(?:人)?", among: str = AMONG, tail: str = "") -> re.Pattern:
    return re.compile(rf"{lead}({COUNT_NUM})\s*{HEAD_WORD}{between}\s*{among}(?:有)?\s*({COUNT_NUM})\s*{HEAD_WORD}{tail}")


def parse_days(text: str) -> float | None:
    """'15天'→15, '二十天'→20, '一个月'→30."""
    if text is None:
        return None
    t = re.sub(r"\s+", "", str(text)).translate(_FW)
    m = re.fullmatch(rf"({_NUM})(?:天|日)", t)
    if m:
        return _num(m.group(1))
    months = parse_duration_months(t)
    if months is not None and re.search("月|年", t):
        return months * 30
    return _num(t)


# the words that name a technical school (a child "在技校念书", "考上技校")
TECH_SCHOOL_WORDS = r"技校|技工|技师学院|技工学校|技工院校"
TECH_SCHOOL = re.compile(TECH_SCHOOL_WORDS)
# the words a school or training institution names itself by ("我们是肇东的驾校", "株洲的一家培训公司")
SCHOOL_UNIT_WORDS = (r"培训机构|培训的(?:机构|学校|公司)|培训学校|培训中心|培训公司|培训定点机构|定点机构|驾校|驾驶(?:员)?(?:培训)?学校|职业学校|职校|"
                     r"技校|技工学校|技师学院|职业中专|职业技术学院|培训基地")


# --------------------------------------------------------------------------------------------------- words → enums
# the words of a labour agency (人力资源服务机构), of its kind below and where its money comes from: the place of the
# people it sends (湖南: 服务补贴找劳动力输出地)
AGENCY_KINDS = r"劳务公司|劳务派遣|派遣公司|中介|职介|职业介绍所|职业介绍机构|人力资源|人力公司|劳务经纪|就业服务公司"
EMPLOYER_TYPES = [
    (r"社区工厂|村镇工厂|社区工场", "社区工厂"),
    (r"就业帮扶车间|帮扶车间|扶贫车间|扶贫工厂", "就业帮扶车间"),
    (r"就业帮扶基地|帮扶基地|扶贫基地|就业扶贫基地", "就业帮扶基地"),
    (r"非遗", "非遗扶贫就业工坊"),
    (r"合作社", "农民专业合作社"),
    (r"家庭农场", "家庭农场"),
    (r"种养大户|养殖大户|种植大户|种粮大户|(?:茶园|果园|大棚|养殖|种植|养猪|养牛|养羊|养鸡)的?大户", "种养大户"),
    (r"农业企业|农业公司|农业(?:开发|科技)公司|农产品加工(?:企业|公司|厂)|"
     r"(?:大米|稻米|粮食|玉米|杂粮|果蔬|蔬菜|水果|苹果|木耳|食用菌|山货|乳品|肉类)[^，。,；;]{0,2}?加工(?:企业|公司|厂)|"
     # ("注册了一个小公司做杂粮加工")
     r"(?:公司|企业)[^，。,；;]{0,2}?(?:做|搞|干)(?:大米|稻米|粮食|玉米|杂粮|果蔬|蔬菜|水果|苹果|木耳|食用菌|山货|乳品|肉类)"
     r"[^，。,；;]{0,2}?加工", "农业企业"),
    (AGENCY_KINDS, "人力资源服务机构"),
    (r"机关单位|事业单位|政府部门|行政机关", "机关事业单位"),
    (r"小微企业", "小微企业"),
    (r"企业|公司|工厂|厂(?!长)|车间|工地|建筑队|酒店|宾馆|饭店|餐馆|物流|快递|超市|商场|物业|养殖场|加工", "企业"),
]

# the employer words the NLU's lookup table holds (scripts/gen_nlu_lookups.py writes data/nlu/generated.yml from
# here); every one of them is read by EMPLOYER_TYPES above (tests/policies/test_normalize_words.py)
EMPLOYER_LOOKUP_WORDS = ("社区工厂", "村镇工厂", "就业帮扶车间", "帮扶车间", "扶贫车间", "就业帮扶基地", "帮扶基地", "就业扶贫基地",
                         "非遗工坊", "非遗扶贫就业工坊", "合作社", "家庭农场")

# the kind of a public-welfare post (公益性岗位), read from the whole message: the place (城镇/社区 or 村) and the work
POST_TYPES = [
    (r"劳动保障助理员|协理员", "农村公益性岗位-劳动保障助理员"),
    # ("在县城社区干公益岗，搞社区管理的", "街道的协管员", "社区网格员": management work, not an office's name 管理局)
    (r"(?:城镇|社区(?!工厂)|街道|居委会|县城|城区).*(?:社会公共管理|公共管理|管理类|管理(?!局|所|站|处|办|费|部门)|协管|网格员)|"
     r"社会公共管理", "城镇公益性岗位-社会公共管理类"),
    (r"城镇|社区(?!工厂)|街道|居委会|城区", "城镇公益性岗位-其它"),
    (r"护林|保洁|护路|护河|巡河|河道|扫路|扫街|打扫|卫生|村|公益|农村", "农村公益性岗位-其它"),
]
# words that make a message about a public-welfare post: the post itself, or village work the documents name as one
POST_WORDS = re.compile(r"公益性岗位|公益岗|公益性岗|劳动保障助理员|协理员|护林员|生态护林|护路员|巡河员|河道管护|社会公共管理|公共管理类|"
                        r"村[^，。,；;？?]{0,4}?(?:保洁|扫路|扫地|打扫卫生|护林|护路|巡河)")

# a public-welfare post asked for or offered, not yet held; and one held now
# ("村上说让他当公益岗扫村道": offered, not yet held; "村上叫俺干保洁公益岗 一个月才给四百" is held)
_POST_NOUN = r"(?:公益|保洁|护林|岗)"
POST_ASKED_FOR = re.compile(rf"(?:说让|说叫|想让|想安排|要安排|能不能安排)(?:他|她|我|俺|娃)?(?:去)?(?:当|干|上|做)[^，。,；;？?]{{0,8}}?"
                            rf"(?:{_POST_NOUN}|扫)|"
                            rf"(?:想|能不能|能否|可不可以|能)(?:去)?(?:当|干|上|做)[^，。,；;？?]{{0,6}}?{_POST_NOUN}|"
                            # ("想寻个公益岗", "想找个公益性岗位": one wanted)
                            rf"(?:想|要|打算|准备)(?:去)?(?:寻|找|谋|申请|弄)(?:个|一个|份)?[^，。,；;？?]{{0,4}}?{_POST_NOUN}|"
                            r"(?:能|可以)(?:干|当|上)(?:不|吗|么)|还让(?:干|当|上)(?:不|吗|么)|能不能(?:干|当|上)")
POST_HELD = re.compile(rf"(?:已经|一直|现在|目前|正)(?:在)?[^，。,；;？?]{{0,6}}?(?:当|干|上|做)(?:着|了)?[^，。,；;？?]{{0,6}}?{_POST_NOUN}|"
                       # ("村上安排她干村里的保洁公益岗": placed by the village)
                       rf"(?<![想要能])安排(?:了)?(?:他|她|我|俺|娃)?(?:去)?(?:当|干|上|做)(?:了)?[^，。,；;？?]{{0,8}}?{_POST_NOUN}|"
                       r"(?:当|干|上|做)了[^，。,；;？?]{0,4}?(?:[0-9一二两三四五六七八九十半]+\s*(?:个)?(?:多)?(?:月|年))|"
                       r"在(?:村|镇|乡)[^，。,；;？?]{0,4}?(?:当|干|做)(?:着)?[^，。,；;？?]{0,4}?(?:公益|保洁|护林)")
# a job meant to be kept ("打算一直干下去")
STAYS_ON = re.compile(r"(?:打算|准备|想|计划|要)(?:在这|在那|在这里|在那里|在厂里)?(?:一直|长期|长久|长)(?:干|做)(?:下去)?|一直干下去|长期干下去")

BUSINESS_TYPES = [
    (r"合伙|入伙|搭伙|合股|伙着|一起(?:搞|干|办|开|整)|一块(?:搞|干|办|开|整)", "合伙创业"),
    (r"个体|开店|摆摊|小店|门面|铺子|店|铺|馆|超市|小卖部|农家乐|民宿|摊|网店|驿站|网点|档口|作坊|诊所|理发|美发"
     r"|养殖场|养鸡场|养猪场|养牛场|养羊场|鱼塘|大棚|果园|茶园", "个体工商户"),
    (r"合作社", "农民专业合作社"),
    (r"家庭农场", "家庭农场"),
    (r"企业|公司|厂|车间", "小微企业"),       # ("办了个缝纫车间…营业执照是今年四月办的": a workshop of one's own)
]
# a business someone has, started or plans: the verb and the kind of place ("开了个农家乐", "整了个小养猪场", "办个公司")
BUSINESS_PLACE = (r"(?:小)?(?:店|铺子?|馆子?|超市|小卖部|农家乐|民宿|摊子?|网店|驿站|网点|档口|作坊|养殖场|养鸡场|养猪场"
                  # (not a unit's branch: "他们在隆回县还注册了个子公司")
                  r"|养牛场|养羊场|养蜂场|鱼塘|加工(?:厂|坊|点)?|(?<![子分])(?:厂子?|公司)|合作社|家庭农场|门面|诊所|工作室)")
BUSINESS_RE = re.compile(r"(?:开(?!春|学|始|会|车|心|除|完|刀|票|证明|口|工(?!厂))|办|搞|整|弄|干|经营|注册|盘|租)(?:了|起|起来了|下)?\s?(?:个|一个|一家|家|了个|间|一间)?\s?"
                         r"[^，。,；;！!？?\s]{0,6}?" + BUSINESS_PLACE)

# training of people at work to raise their skills ("已经在厂里上班的贫困户，来学提升技能的"): 岗位技能提升培训
UPGRADE_TRAINING = re.compile(r"(?:学|来学)(?:一下)?提升技能|技能提升|岗位技能提升|提升培训|在岗(?:人员|职工)?(?:的)?(?:技能)?培训|"
                              # "要是进了厂，厂里还要送他去学高级焊工": a training the employer sends its worker to
                              r"(?:厂里|单位|公司|企业|老板)(?:还)?(?:这个月|下个月|今年|过段时间)?(?:要|会)?(?:送|派|安排)"
                              r"[^，。,；;？?]{0,4}?(?:去)?(?:学|培训|考)|"
                              # "考高一级的叉车证", "学高级焊工": a higher grade of the trade one has
                              r"(?:考|学|升)(?:个)?(?:高一级|高一等|更高一级|上一级|高级(?!中|职))")
TRAINING_TYPES = [
    (r"SYB|syb|创办你的企业", "SYB"),
    (r"IYB|iyb|改善你的企业", "IYB"),
    # an e-commerce course alone ("开个电商班") may teach a job (客服, 运营); starting one's own shop online is 网络创业
    (r"网络创业|电商创业|创业[^，。,；;？?]{0,4}电商|网店|直播带货|(?:做|搞|干|开)电商", "网络创业"),
    # ("开店的培训", "学做生意的培训": a course of starting one's own business)
    (r"创业|开店|开铺子|做生意", "创业培训"),
    (r"中期|技能\+", "中期技能培训"),
    (UPGRADE_TRAINING.pattern, "岗位技能提升培训"),
    (r"种植|养殖|实用", "实用技能培训"),
    (r".", "就业技能培训"),
]


def _match(table, text: str) -> str | None:
    for pat, value in table:
        if re.search(pat, text or ""):
            return value
    return None


def employer_type(text: str) -> str | None:
    return _match(EMPLOYER_TYPES, text)


def post_type(text: str) -> str | None:
    return _match(POST_TYPES, text)


def business_type(text: str) -> str | None:
    return _match(BUSINESS_TYPES, text)


def training_type(text: str) -> str | None:
    return _match(TRAINING_TYPES, text)


# Person categories as people say them; the documents' names and their aliases are in facts.yaml. Each pattern is a
# way of saying the category the documents use: "屋头是贫困家庭", "当过兵的", "刚大学毕业", "吃低保的".
_NOT_COLLEGE = r"(?:(?!高中|初中|没考|没上|中专|职高|技校|技工|技师)[^。？?！!])"
CATEGORY_WORDS = [
    (r"建档立卡|立卡户|建档户|建卡户|(?:精准)?扶贫(?:户|对象)|脱贫(?:户|家庭|人口|劳动力|学员|学生|对象|群众|人员|的)"
     r"|贫困(?:户|家庭|人口|劳动力|劳动者|学生|群众|对象|子女|学员|人员|妇女|群体|职工|员工|工人)", "脱贫劳动力"),
    (r"边缘(?:户|易致贫|人口|家庭|劳动力)|监测(?:户|对象)|防返贫监测", "边缘户"),
    (r"低收入(?:户|人口|家庭|劳动力|群体|人群|人员|的)", "农村低收入人口"),
    (r"(?<!最)低保", "低保家庭"),
    (r"特困|五保", "特困供养"),
    (r"残疾(?!人就业保障金)|残障|聋哑|盲人|肢残|智障|残联", "残疾人"),
    (rf"(?:大学|大专|本科|专科|高职|研究生|高校|职业技术学院|职业学院|职院|(?<!技师|技工)学院|一本|二本|三本|师大|师院|(?<![技中])大(?=毕业)){_NOT_COLLEGE}{{0,10}}?毕业|应届(?:大学)?生"
     # ("去年夏天从杨凌职院毕业的，大专": the degree said after)
     r"|大学生|大学毕业|(?:大专|本科|专科|高职)生|毕业(?:的|了)?[，,]\s*(?:是|读的|念的|上的)?(?:大专|本科|专科|高职)(?![^，。,；;？?]{0,4}?(?:没|不))"
     # a university by its short name ("我海大今年6月毕业的": 海南大学)
     r"|(?<![老最长])(?:海|西|北|南|湘|川|黑|延|吉|鲁|浙|武|陕师|华师|华科|中南|湖|哈工|东北|西北|西工|西电|长安)大(?=[^，。,；;？?！!]{0,8}?毕业)",
     "高校毕业生"),
    (r"(?:中专|中职|职高|职中|职业高中|职业中专)[^？?！!]{0,14}?毕业|"
     # "县职业中专一个学生的妈妈，娃腿有残疾，明年6月毕业": the student's graduation said later
     r"(?:中专|中职|职高|职中|职业高中|职业中专)[^？?！!。]{0,4}?学生[^？?！!。]{0,20}?毕业|"
     # a final-year student (毕业年度) of one: "在咱县职业中专念最后一年"
     r"(?:中专|中职|职高|职中|职业高中|职业中专)[^，。,；;？?！!]{0,4}?(?:念|读|上)(?:的)?(?:最后一年|毕业班|三年级)", "中职毕业生"),
    (r"退役|退伍|复员|转业军人|当过兵|当了[^，。,；;]{0,3}?兵|当兵(?:的|回来|退下来)|老兵|部队(?:上)?(?:退|回来|下来|转业)",
     "退役军人"),
    (r"就业困难|零就业|大龄失业", "就业困难人员"),
    (r"登记(?:过|了)?失业|失业登记|失业证|领(?:着)?失业(?:保险)?金", "登记失业人员"),
    (r"农民工|外出务工人员|返乡(?:创业|农民工|人员)|"
     # a worker back from years of work away who set up at home ("前些年一直在外头打工，今年四月份回千阳县城开了个面馆")
     r"(?:(?:在外(?:头|面|地|边)|外出|出去|南方|外省|广东|浙江|江苏|北京|上海)(?:一直)?|"
     # ("前些年一直在哈尔滨饭店打工，去年五一回村开了个小饭馆")
     r"(?:前些年|前几年|这些年|那些年|早些年|常年|多年)[^，。？?！!]{0,12}?)"
     # ("我在浙江打了十来年工，今年八月回千阳城关镇办了个体执照")
     # ("额在外头打咧十几年工 今年过完年回千阳咧 上个月在水沟镇把营业执照办下来咧": said in dialect, the licence later)
     # ("以前在北京干装修干了六年，前年开春回老家在镇上开了个小超市": a trade worked at away)
     r"(?:打工|务工|打(?:了|咧|哒|嘞)[^，。,；;？?！!]{0,5}?工|干[^，。,；;？?！!]{1,4}?干了[^，。,；;？?！!]{1,4}?年)[^。？?！!]{0,16}?"
     r"(?:回来|回乡|返乡|回到|回家|回)(?:[^。？?！!]{0,10}?(?:开|办|搞|整|干)(?:了|起)|"
     r"[^。？?！!]{0,24}?(?:执照|营业执照)(?:给)?(?:办|批)下来|"
     # ("前年上南方打工去了 今年开春回来了 寻思在屯里开个小卖店": back, and about to set up)
     r"[^。？?！!]{0,8}?(?:想|寻思|打算|准备|琢磨)[^。？?！!]{0,8}?(?:开|办|搞|整)(?:个|一个|家|一家))|"
     # ("他也是在南方打工回来的 不是贫困户 头一回创业")
     r"(?:在外(?:头|面|地|边)|外出|出去|南方|外省|广东|浙江|江苏|北京|上海)(?:一直)?(?:打工|务工)(?:回来|返乡|回乡)(?:的|了)|"
     # ("在大连干了十来年装修 前年十月回的老家 去年三月办了个家庭农场")
     r"在[\u4e00-\u9fff]{2,4}?(?:干|做)了[^，。,；;？?！!]{0,4}?年[^，。,；;？?！!]{0,6}?[，,\s][^。？?！!]{0,8}?"
     r"(?:回来|回乡|返乡|回的老家|回老家|回了老家|回的家)[^。？?！!]{0,14}?(?:开|办|搞|整)(?:了|起)",
     "农民工"),
    (r"搬迁户|易地搬迁|移民搬迁|扶贫搬迁|搬迁(?:安置|社区|群众)", "易地搬迁户"),
    (r"助学贷款", "国家助学贷款"),
]


# words that contain a category's name but name no person ("最低保障", "残疾人就业保障金", "贫困地区")
NOT_CATEGORY_WORDS = re.compile(r"最低保障|残疾人就业保障金|贫困地区|贫困县|贫困村|"
                                # a benefit named by whom it is for ("听说吸纳贫困人口社保能返还"), not who the people are
                                r"吸纳(?:建档立卡)?(?:贫困|脱贫)(?:人口|劳动力)(?=[^，。,；;？?\d]{0,4}?(?:社保|补贴|奖补|返还|政策))")


def category_words(text: str):
    """(start, end, category) for every way of saying a person category in `text` (CATEGORY_WORDS)."""
    for pat, canon in CATEGORY_WORDS:
        for m in re.finditer(pat, text or ""):
            yield m.start(), m.end(), canon


def category(word: str, policies: PolicySet | None = None) -> str | None:
    policies = policies or default_policies()
    w = re.sub(r"\s+", "", word or "")
    canon = policies.vocab.canonical_category(w)
    if canon:
        return canon
    for c, aliases in policies.vocab.categories.items():  # 脱贫户劳动力, 建档立卡贫困户家庭 …
        for a in (c,) + aliases:
            if len(a) >= 2 and a in w:
                return c
    for _, _, c in category_words(w):                     # 贫困家庭, 当过兵的, 大专毕业
        return c
    return None


NEGATION = re.compile(r"(不是|不算|不属于|没有|还没|没|没去|没有去|从没|未|并非|非|不在|不|冇得|冇|没得|莫得|没进|没纳入|没录入|没评上|没评为|没被|"
                      # ("也没贷过助学贷款", "没申请过助学贷款")
                      r"(?:也|都|从)?没(?:有)?(?:贷|借|办|申请|申办)(?:过|了)?)$")


# --------------------------------------------------------------------------------------------------- typed by ear
# Words of this table typed by ear or by a voice keyboard: 边原户 (边缘户), 见档立卡 (建档立卡), 社区工场, 合做社,
# 就业扶贫基底, 低收入护. A run of characters that reads like a term (pinyin, tones ignored) is read as that term;
# only terms of three or more characters, so that ordinary words are not taken.
SOUND_TERMS = ["建档立卡", "脱贫户", "贫困户", "边缘户", "监测户", "低收入户", "低保户", "残疾人", "退役军人", "退伍军人", "挖掘机",
               "社区工厂", "扶贫车间", "帮扶车间", "就业帮扶车间", "扶贫基地", "帮扶基地", "就业帮扶基地", "就业扶贫基地",
               "非遗扶贫就业工坊", "就业工坊", "合作社", "家庭农场", "种养大户", "劳务公司", "人力资源", "公益岗",
               "公益性岗位", "劳动保障助理员", "合格证", "营业执照", "技工学校", "技师学院", "创业培训", "以工代训",
               "易地搬迁", "搬迁户", "高校毕业生", "应届毕业生",
               # ("酒店给他交社宝"; "交通不住有没有")
               "交社保", "交通补助", "交通补贴"]


def _sound_index() -> dict[int, dict[tuple, str]]:
    idx = getattr(_sound_index, "cache", None)
    if idx is None:
        from pypinyin import lazy_pinyin

        idx = {}
        for term in SOUND_TERMS:
            idx.setdefault(len(term), {})[tuple(_folded(p) for p in lazy_pinyin(term))] = term
        _sound_index.cache = idx
    return idx


@functools.lru_cache(maxsize=8192)
def _reading(ch: str) -> str:
    from pypinyin import lazy_pinyin

    return _folded(lazy_pinyin(ch)[0])


def _folded(reading: str) -> str:
    """A reading with the back nasal as the front one (ping → pin, sheng → shen, bang → ban): a voice keyboard and many
    accents do not tell them apart ("脱平户" for 脱贫户)."""
    return reading[:-1] if reading.endswith(("ang", "eng", "ing")) else reading


# characters typed for others that look alike (read as the one meant, inside a term only): 扶贫车问 → 扶贫车间
_LOOKALIKE = {"问": "间", "囗": "口", "己": "已", "帅": "师"}


# numbers written in the capital (financial) digits ("前年招了肆个", "贰拾个", "柒个"): the ordinary digits (same length),
# only where a measure word follows, so that words made of them stay ("陆续", "队伍", "收拾")
_CAPITAL_DIGITS = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")
# (a run of numerals, then the measure word after it: one pass, no backtracking over long runs of digits)
_NUMERAL_RUN = re.compile(r"[壹贰叁肆伍陆柒捌玖拾佰仟零〇一二两三四五六七八九十百千]+")
_MEASURE_AFTER = re.compile(r"\s*(?:个|名|位|人|元|块|万|月|年|天|岁|户|批|次|期|家|项|份|倍)")


@functools.lru_cache(maxsize=1)
def _to_simplified():
    import opencc
    return opencc.OpenCC("t2s")


# characters that are simplified too, kept as typed ("乾县" is a county of 咸阳, not 干县)
_KEEP_AS_TYPED = "乾"


def simplified(text: str) -> str:
    """A message typed in traditional characters ("跟我弟兩個人合夥開 最多能貸多少") in simplified ones, the way the NLU,
    the word lists and the gazetteer read; simplified text is left as it is (OpenCC's t2s)."""
    if not isinstance(text, str) or not re.search(r"[\u4e00-\u9fff]", text):
        return text
    out = _to_simplified().convert(text)
    if len(out) != len(text):
        return out
    return "".join(a if a in _KEEP_AS_TYPED else b for a, b in zip(text, out))


def plain_text(text: str) -> str:
    """What the channels hand on (bot/turns.clean_text, the actions): traditional characters as simplified ones, then
    capital digits as plain ones (plain_digits)."""
    return plain_digits(simplified(text))


def plain_digits(text: str) -> str:
    """'前年招了肆个…又招了仨' → '前年招了四个…又招了仨': capital digits before a measure word as ordinary ones; a length in
    weeks as its days ('培训了两个礼拜' → '培训了14天': a course's days are counted by the day)."""
    if not isinstance(text, str):
        return text
    if re.search(r"[壹贰叁肆伍陆柒捌玖拾佰仟]", text):
        out, at = [], 0
        for m in _NUMERAL_RUN.finditer(text):
            if re.search(r"[壹贰叁肆伍陆柒捌玖拾佰仟]", m.group(0)) and _MEASURE_AFTER.match(text, m.end()):
                out.append(text[at:m.start()] + m.group(0).translate(_CAPITAL_DIGITS))
                at = m.end()
        text = "".join(out) + text[at:]
    if re.search(r"礼拜|星期|周", text):
        text = _WEEKS.sub(lambda m: f"{int(_num(m.group(1)) * 7)}天" if _num(m.group(1)) else m.group(0), text)
    return text


# a household named loosely, its register not said ("有扶贫卡", "俺家是享受政策的", "政策户"): 低保 or 建档立卡 is to ask
VAGUE_HOUSEHOLD = re.compile(r"扶贫卡|贫困卡|享受(?:国家|扶贫|帮扶)?政策的|(?:是|算)?政策户|吃政策的|有政策的(?:户|家)")


# a claim asked under another benefit's standard ("能不能改按就业技能培训那个1800的标准报", "换成按…算行不行"): what was had
# stays what it was
OTHER_STANDARD_ASKED = re.compile(r"(?:能不能|可不可以|能否|可以|能)(?:改|换)(?:成|为)?(?:按|照)[^，。,；;？?]{0,16}?(?:标准|那个|来)(?:报|算|申请|给)")


# the group that left named in a correction ("走的是4个不是3个", "回来的其实是5个")
LEFT_GROUP_NAMED = re.compile(r"(?:走|跑|回来|回去|回家|离开|辞职|辞工|不干)(?:了)?的(?:那些|那几个)?(?:人)?(?:其实)?(?:是|有|只有|不是)")


# a claim asked after its time: "过期了还能补办不", "过了年再交还能办不", "没去领…现在还能补领吗", "晚了一年还给不给"
# words before a count that ask of a group said before ("想问下8个脱贫户这个比例够不够"), not of more people
ASKED_OF_AGAIN = re.compile(r"(?:想问(?:一)?下|问(?:一)?下|请问(?:一下)?|想问问|问问)\s*$")

LATE_CLAIM = re.compile(r"(?:过期|过了期|误了|错过|耽误|晚了|迟了|超期|过了(?:时间|期限|日子|申请期|年|一年|好久))[^，。,；;]{0,10}?"
                        r"(?:还|能|可以|可不可以|行不行|给不给)[^，。,；;]{0,4}?(?:补办|补领|补报|补申请|补发|补交|补|办|报|领|交|申请|给)|"
                        r"(?:还能|能不能|可不可以|还可以)\s*(?:补办|补领|补报|补申请|补发|补回来|补回)|"
                        # ("村干部说过了半年也能想办法补办": what was said of a late claim)
                        r"(?:过了|超过|超了)[^，。,；;]{0,4}?(?:也|都)(?:能|可以)[^，。,；;]{0,5}?(?:补办|补领|补报|补申请|补发)")


# a claim paid out ("年底镇上打了300交通补助", "补助已经发下来了"): by when, if said, and the paying
CLAIM_PAID = re.compile(r"(?:(?:当年|那年)?(?:年底|年末|腊月|12月|十二月)(?:的时候)?)?(?:镇上|镇里|村里|村上|乡里|县上|县里|人社局|上面)?"
                        r"(?:给(?:他|她|我|俺)?)?(?:打了|发了|补了|打过来|打到卡上|到账了|发下来了)")


# a length in weeks ("两个礼拜", "三周", "1个星期"), not a day of the week ("礼拜六"), an age (周岁) or an anniversary
# (周年), nor one of a rate ("每周", "一周三次")
_WEEKS = re.compile(r"(?<![每第上下这那])([0-9]{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:个)?\s*(?:礼拜|星期|周)"
                    r"(?![一二三四五六七日天末岁年内以之里])(?!\s*(?:[0-9一二两三四五六七八九十]+\s*(?:次|回|天|节)))")


def heard_as(text: str) -> str:
    """`text` with every run that sounds like a term of SOUND_TERMS written as that term (same length, so positions
    do not move): '见档立卡户' → '建档立卡户', '边原户' → '边缘户'; a look-alike inside a term too ('扶贫车问')."""
    if not isinstance(text, str):
        return ""
    # (a loan typed by its sound: "能代多少款", "想代款" → 贷, before the terms: same length)
    text = re.sub(r"代(?=(?:多少|点|些|笔|个)?款)", "贷", text or "")
    # (an internship typed by its sound: "找个单位检习一哈" → 见习; two characters, so by this word alone)
    text = re.sub(r"[检件建](?=习)", "见", text)
    # (低保 typed by its sound: "俺家也是底保"; two characters, so by this word alone)
    text = re.sub(r"底保", "低保", text)
    # (社保 typed by its sound: "也交了设保", "我自己交的那份设保"; two characters, so by this word alone)
    text = re.sub(r"[设摄涉射]保", "社保", text)
    return _heard_as(text)


@functools.lru_cache(maxsize=256)   # the same message is read by extraction and by the turn: worked out once
def _heard_as(text: str) -> str:
    if not re.search(r"[\u4e00-\u9fff]", text):
        return text
    chars = list(text)
    readings = [_reading(_LOOKALIKE.get(ch, ch)) if "\u4e00" <= ch <= "\u9fff" else None for ch in chars]
    for n, terms in sorted(_sound_index().items(), reverse=True):
        for i in range(len(chars) - n + 1):
            key = tuple(readings[i:i + n])
            if None in key:
                continue
            term = terms.get(key)
            if term and "".join(chars[i:i + n]) != term:
                chars[i:i + n] = list(term)
    return "".join(chars)


def is_negated(text: str, start: int) -> bool:
    """Is the word at `start` negated ('不是脱贫户', '没签', '并非', '还没交社保')? The three characters before it."""
    return bool(NEGATION.search((text or "")[max(0, start - 3):start]) or
                # ("也不是啥监测户", "不是什么贫困户")
                _NEGATED_VAGUELY.search((text or "")[max(0, start - 5):start]) or
                # ("没登记成非遗工坊", "没被认定为社区工厂")
                _NEGATED_NAMING.search((text or "")[max(0, start - 6):start]))


# (as that kind: "还没认定社区工厂" is one to be recognised, still of that kind)
_NEGATED_NAMING = re.compile(r"(?:没|没有|未|不是|并非)(?:被)?(?:登记|注册|认定|评|挂牌)(?:成|为)(?:过)?$")


_NEGATED_VAGUELY = re.compile(r"(?:不是|不算|不属于|并非)(?:啥子?|什么|么子|哪门子)$")


# --------------------------------------------------------------------------------------------------- dates
# When something happened, said the way people say it, read against the date answers are given for:
# "前年十月" (two years back, October), "去年过完年", "24年5月", "2024.3", "上礼拜", "三个月前". The ledger's date
# cells (2024年3月, 2024/3/15, Excel serials) are read by the ledger; these are the words of a sentence.
_YEAR_WORDS = {"今年": 0, "去年": 1, "前年": 2, "大前年": 3}
_MONTH = r"(?:[0-9]{1,2}|十[一二]?|[一二三四五六七八九])"
_DATE_RE = re.compile(
    rf"(?P<rel>大前年|前年|去年|今年)\s*(?:的)?\s*(?:(?P<rm>{_MONTH})\s*月(?:份)?|(?P<rpart>正月|腊月|冬月|年初|年底|年末|年中|过完年|春节后|开春|过年后|上半年|下半年|夏天|秋天|冬天|春天|国庆|五一|中秋|端午|底|初(?![中一二三]))"
    # "去年开春四月份": the month said after the season is the date
    rf"(?:\s*(?:的)?\s*(?P<rm2>{_MONTH})\s*月(?:份)?)?)?"
    rf"|(?:(?P<y>20[0-9]{{2}})(?:年|\.|/|-)|(?P<y2>[12][0-9])年)(?P<m>{_MONTH})(?:月(?:份)?)?(?![0-9])"
    rf"|(?P<ago>{_NUM})(?:个)?(?:多)?(?P<unit>年|月|星期|礼拜|周)(?:以)?前"
    # a month with no year ("八月份办了执照", "3月初来的"): the last such month up to today
    rf"|(?<![0-9一二三四五六七八九十年])(?<![一二两三四五六七八九十几]个)(?P<bm>{_MONTH})月(?:份|初|底|中旬|上旬|下旬|[0-9一二三四五六七八九十]{{1,3}}(?:号|日))"
    r"|(?P<near>上上个月|上个月|上月|这个月|本月|上礼拜|上星期|上周|这礼拜|这周|前几天|这几天|这两天|前天|昨天|今天|刚刚|半年前"
    r"|前两个月|前俩月|前几个月)"
    # a lunar month or a festival with no year ("正月十五过后", "正月初八进了厂", "端午后又跳到长沙"): the last one before today
    r"|(?P<lm>正月|腊月|冬月)(?P<lday>初[一二三四五六七八九十]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|三十|"
    r"十[一二三四五六七八九]?)?|(?P<fest>元宵|端午|中秋)")
# the lunar month and day of a festival, and of a lunar month said alone (its middle)
_LUNAR = {"正月": (1, 15), "冬月": (11, 15), "腊月": (12, 15), "元宵": (1, 15), "端午": (5, 5), "中秋": (8, 15)}


def _lunar_day(words: str) -> int | None:
    """"初八" → 8, "十五" → 15, "廿三" → 23."""
    if words.startswith("初"):
        return _num(words[1:]) if words[1:] != "十" else 10
    return _num(words.replace("廿", "二十"))
# the lunar months people date by: 正月 falls mostly in February, 冬月 about December (腊月: by the lunar calendar, dates_in)
_PART_MONTH = {"正月": 2, "冬月": 12, "腊月": 12, "年初": 1, "初": 1, "过完年": 2, "春节后": 2, "过年后": 2, "开春": 3, "春天": 4, "上半年": 4, "年中": 6,
               "夏天": 7, "下半年": 10, "秋天": 10, "冬天": 12, "底": 12, "年底": 12, "年末": 12,
               # the holidays people date by ("干到去年国庆才回来")
               "国庆": 10, "五一": 5, "中秋": 9, "端午": 6}
_NEAR_MONTHS = {"上个月": 1, "上月": 1, "上上个月": 2, "前两个月": 2, "前俩月": 2, "前几个月": 3, "半年前": 6}


# what a date is the date of, by the words near it (the nearest wins; see event_role)
EVENT_ROLES = [
    (r"执照|注册|登记(?!了?失业)|开店|开业|营业|办厂|开厂|创业(?!培训|贷|补|担保)|个体|(?:回来|回乡|返乡|回家)(?:后)?(?:办|开|搞|整)(?:的|了|起)"
     r"|(?:开|办|整|搞)(?:了|起)?(?:个|家|一个|一家)?[^，。,；;]{0,4}?"
     r"(?:店|铺|馆|超市|小卖部|农家乐|民宿|网店|驿站|网点|作坊|养殖场|养鸡场|养猪场|养牛场|养羊场|家庭农场|农场|牧场|公司|厂)",
     "months_since_registration"),
    # 就业 names a job, not the documents' 就业扶贫/就业帮扶/就业补贴/就业见习/就业困难/就业创业服务/就业技能
    (r"上班|进厂|进的厂|打工(?!回)|务工(?!回)|入职|上岗|就业(?![扶帮补见困创服技前])|找到(工作|活)|找了(?:个|份)?[^，。,；;]{0,4}?(?:活|工作)|干活|开始干|出去干"
     r"|(?:去|到|进)(?:了|的)?.{0,16}?(厂|场|工地|公司|基地|酒店|饭店|饭馆|餐馆|宾馆|车间|工坊)|换了?(个|份)?(厂|工作|活|单位|公司)"
     # a job taken up ("八月份到北京给一个小区当保安")
     r"|(?:去|到|进)(?:了)?[^，。,；;]{1,14}?当(?:了)?(?:保安|保姆|服务员|保洁|厨师|司机|店员|收银员|月嫂|护工)"
     r"|招(?:了|的|进|来|过)|(?:新|再)招(?=[0-9一二两三四五六七八九十几])|吸纳(?:了|过)|雇(?:了|的|过|着)|(?:一直)用着|聘(?:了|的|用了|过)|包(?:了)?[^，。,；;]{0,3}?(?:大巴|客车|专车|车)"
     r"|(?:到|去)的[\u4e00-\u9fff]{2,4}(?=[，,。；;！!\s]|$)|(?:才|刚)来的|(?:才|刚)来(?:了|上班|干活|(?=[，。,；;！!\s]|$))|^\s*(?:就)?来(?:的|了)"
     r"|(?:才|刚|就)?进来(?:了|的)"
     # worked from then on ("从前年开春一直干到现在")
     r"|一直(?:在)?[^，。,；;]{0,6}?(?:干|做|上班)到(?:现在|今天|如今|眼下|目前)|(?:干|做)到(?:现在|今天|如今|眼下|目前)"
     # set out from home again ("这个月初又从家里去了广东东莞"): a job gone to
     r"|(?:又|再)?从家(?:里|里头)?(?:又|再)?(?:出发)?(?:去|到)(?:了)?"
     r"|介绍(?:了|的)?(?:活|工作|工|岗位)|介绍(?:了|的)?[^，。,；;]{0,6}?(?:去|到|进)"
     # an agency's placement ("前年3月给江苏昆山一个电子厂送过去30个贫困户")
     r"|给[^，。,；;]{0,10}?(?:厂|场|工地|公司|企业)(?:里)?(?:送|输送|介绍|推荐|派)|送(?:过)?去了?[0-9一二三四五六七八九十几]", "months_since_employment"),
]


def event_role(text: str, start: int, end: int) -> str | None:
    """The fact a date belongs to: the event word nearest to it, up to 6 characters before or 10 after. A word after
    is read with the characters that follow it (so that "登记失业" cut at "登记" is still not a registration)."""
    before, after = (text or "")[max(0, start - 6):start], (text or "")[end:end + 20]
    if re.search(EVENT_ROLES[0][0] + "|" + EVENT_ROLES[1][0], after[:16]):
        # an event word of the date's own clause: a word before the last comma is another clause's ("在西安打工，
        # 前年8月回千阳开了个农家乐" dates the 农家乐)
        before = re.split(r"[，,。；;！!？?\s]", before)[-1]      # (voice input: a space ends a clause too)
    best = None
    for pat, role in EVENT_ROLES:
        for m in re.finditer(pat, before):
            d = len(before) - m.end()
            if best is None or d < best[0]:
                best = (d, role)
        for m in re.finditer(pat, after):
            if m.start() < 10 and (best is None or m.start() < best[0]):
                best = (m.start(), role)
    return best[1] if best else None


def _month_number(s: str) -> int | None:
    n = _num(s)
    return int(n) if n is not None and 1 <= n <= 12 and float(n).is_integer() else None


def dates_in(text: str, today: dt.date) -> list[tuple[int, int, float]]:
    """(start, end, whole months from then until `today`) for every date said in `text`; a date after today is
    skipped (a plan, not an event). "去年十月" on 2026-11-30 → 13."""
    out = []
    t = (text or "").translate(_FW)
    last = None         # (year, month) of the last date said with its year ("2019年3月…干到11月…12月进了")
    last_end = 0        # where that date ended
    for m in _DATE_RE.finditer(t):
        g = m.groupdict()
        if g["rel"]:
            year = today.year - _YEAR_WORDS[g["rel"]]
            month = _month_number(g["rm"]) if g["rm"] else _month_number(g["rm2"]) if g["rm2"] else \
                _PART_MONTH.get(g["rpart"] or "")
            if g["rpart"] in ("正月", "端午", "中秋") and not (g["rm"] or g["rm2"]):
                # that year's lunar date ("今年正月十五过后": 元宵, early March), its day if said
                lmonth, lday = _LUNAR[g["rpart"]]
                said_day = re.match(r"初[一二三四五六七八九十]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|三十|十[一二三四五六七八九]?",
                                    t[m.end():m.end() + 3]) if g["rpart"] == "正月" else None
                lday = (_lunar_day(said_day.group(0)) if said_day else None) or lday
                try:
                    solar = LunarDate(year, lmonth, lday).to_solar_date()
                except ValueError:      # ("正月三十" of a year whose 正月 has 29 days): its last day
                    solar = LunarDate(year, lmonth, 29).to_solar_date()
                year, month = solar.year, solar.month
                if solar <= today:
                    end = today + dt.timedelta(days=1)
                    months = (end.year - year) * 12 + (end.month - month) - (1 if end.day < solar.day else 0)
                    last, last_end = (year, month), m.end()
                    out.append((m.start(), m.end(), float(months)))
                continue
            if g["rpart"] == "腊月" and not (g["rm"] or g["rm2"]):
                # the twelfth lunar month of that year falls in January or February of the next ("去年腊月底" said in
                # 2026-12 is 2026-02, just before that Spring Festival): its day in the solar calendar
                end = re.match(r"底|末|根|尾", t[m.end():m.end() + 1])
                first = re.match(r"初", t[m.end():m.end() + 1])
                solar = LunarDate(year, 12, 28 if end else 5 if first else 15).to_solar_date()
                year, month = solar.year, solar.month
            if month is None:       # "去年" alone: the year only; count from its middle
                month = 6 if g["rel"] != "今年" else max(1, (today.month + 1) // 2)
            else:
                last, last_end = (year, month), m.end()
        elif g["y"] or g["y2"]:
            year = int(g["y"]) if g["y"] else 2000 + int(g["y2"])
            month = _month_number(g["m"])
            if month is None or year < 2000:
                continue
            last, last_end = (year, month), m.end()
        elif g.get("bm"):
            month = _month_number(g["bm"])
            if month is None:
                continue
            year = today.year if month <= today.month else today.year - 1
            # (last year's months said in a row, "去年3月份来了5个 9月份来了4个 12月20号又来了3个": of that year)
            in_a_row = last is not None and last[0] == today.year - 1 and month >= last[1] and \
                m.start() - last_end <= 12 and not re.search(r"今年|现在|如今", t[last_end:m.start()])
            if last is not None and (last[0] + (month < last[1]), month) < (today.year, today.month + 1) and \
                    (last[0] < today.year - 1 or in_a_row):
                # a month said after a date of an earlier year is of that year, or of the next after its month
                # ("2019年3月去长沙…干到11月就走了，12月进了另一个厂": 2019年12月, not last December)
                year = last[0] + (month < last[1])
                last, last_end = (year, month), m.end()
        elif g.get("lm") or g.get("fest"):
            lmonth, lday = _LUNAR[g["lm"] or g["fest"]]
            lday = _lunar_day(g["lday"]) if g.get("lday") else lday
            solar = None
            for year in (today.year, today.year - 1, today.year - 2):
                try:
                    when = LunarDate(year, lmonth, lday or 15).to_solar_date()
                except ValueError:
                    continue
                if when <= today:
                    solar = when
                    break
            if solar is None:
                continue
            end = today + dt.timedelta(days=1)
            months = (end.year - solar.year) * 12 + (end.month - solar.month) - (1 if end.day < solar.day else 0)
            last, last_end = (solar.year, solar.month), m.end()
            out.append((m.start(), m.end(), float(max(months, 0))))
            continue
        elif g["ago"]:
            n = _num(g["ago"])
            if n is None or n > 50:
                continue
            months = n * 12 if g["unit"] == "年" else n if g["unit"] == "月" else round(n * 7 / 30, 2)
            out.append((m.start(), m.end(), float(months)))
            continue
        else:
            out.append((m.start(), m.end(), float(_NEAR_MONTHS.get(g["near"], 0))))
            continue
        months = (today.year - year) * 12 + (today.month - month)
        day = re.search(r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:号|日)$", m.group(0))
        day = _num(day.group(1)) if day else None
        part = re.match(r"份?(底|末|下旬|中旬)", t[m.end():m.end() + 3]) if day is None and not g["rpart"] else None
        if part:            # "今年七月底回来开了个店" on 12-04: four whole months, not five
            day = {"底": 28, "末": 28, "下旬": 25, "中旬": 15}[part.group(1)]
        if day and months >= 0:
            # a day said: whole months up to the end of today ("4月1号来的，一直干到现在" on 11-30 is 8 months)
            end = today + dt.timedelta(days=1)
            months = (end.year - year) * 12 + (end.month - month) - (1 if end.day < day else 0)
        if months < 0:
            continue
        out.append((m.start(), m.end(), float(months)))
    return out


# --------------------------------------------------------------------------------------------------- context roles
DURATION_ROLES = [
    (r"合同|协议|签了|签的|签|(?:说|讲|定)(?:好)?(?:了)?(?:能|要)?干", ["contract_months"]),   # ("说干一年": the length agreed)
    (r"执照|注册|登记(?!失业)|开店|开业|营业|开了|办厂|创业(?!培训|贷|补|担保)|个体|办起来|开起来|建起来|干起来|成立|开张",
     ["months_since_registration"]),
    (r"见习(?:满|够|了)?", ["internship_months"]),
    (r"以工代训|边干边[教学带]|培训期(?:拉长|延长|改)?(?:到|为|成)?|师带徒|传帮带|(?:师傅|技术员|老师傅)?带(?:满|够|了)?(?!动|来|回|孩|娃|薪|头|着孩|人)", ["training_months"]),
    (r"公益岗|公益性岗位|护林|保洁|助理员", ["months_on_post"]),
    (r"干了|干满|干够|搞了|搞满|干活|上班|打工|打了|务工|在岗|做了|工作|上岗|就业(?![扶帮补见困创服技前])|进厂|厂里|干|(?<![签册照业张领受拿补])满",
     ["months_employed", "months_since_employment"]),
]
MONEY_ROLES = [
    # ("说错了 票是618块": the ticket said before; not 发票, 彩票, 门票)
    (r"车票|票钱|票价|路费|车费|车钱|交通|机票|火车|汽车|大巴|班车|客车|高铁|动车|坐车|坐的车|路上|趟车|倒车|转车|换车|包车|打车|卧铺|硬卧|软卧|硬座|船票|"
     r"(?<![发彩股门投粮邮支汇])票(?=是|钱|加|一共|总共|花)", "transport_cost"),
    (r"房租|租金|租赁|水电", "rent_utilities_cost"),
    (r"社保|保险", "insurance_contributions"),
    (r"贷", "loan_wanted"),
]
# Numbers of persons (assistant/extract.py binds each to its noun): the words that make one the whole staff, and the
# words that make the persons counted hires or placements (a unit that hires, an agency that places, a school that
# trains) rather than, say, one's children.
COUNT_ROLES = [
    (r"员工|职工|工人|绣娘|女工|一共|总共|全厂|厂里有|共有|全部|总人数|总数", "staff_total"),
    (r"招|吸纳|雇|收(?!费|钱|入|到|益|据|款)|用了|用着|用(?=[^，。,；;？?]{0,10}?(?:干活|做活|做工))|接收|接(?:了|来|进)|聘|介绍|带了|带动|带着|组织|送了|送到|输出|安置|培训|学员|员工|工人|"
     r"职工|绣娘|我们(?:厂|公司|单位|基地|车间|合作社|这)|厂里|车间里|基地里|工坊", "new_hires"),
]


def _window(text: str, start: int, end: int, before: int = 8, after: int = 4) -> str:
    text = text or ""
    return text[max(0, start - before):start] + " " + text[end:end + after]


def role_for(table, text: str, start: int, end: int):
    """The fact a number belongs to: the keyword nearest to it, before or after ("签了一年合同" → contract even
    when "进厂" came earlier); on a tie the word after wins ("干了一年合同" reads as a contract)."""
    text = text or ""
    b0 = max(0, start - 8)
    # (within the sentence: "合同我们签的都是三年的。干了8个月那个…" — the 干 of the next sentence is not this number's)
    before = re.split(r"[。？?！!；;]", text[b0:start])[-1]
    after = re.split(r"[。？?！!；;]", text[end:end + 4])[0]
    best = None
    for pat, role in table:
        for m in re.finditer(pat, before):
            d = (len(before) - m.end(), 1)
            if best is None or d < best[0]:
                best = (d, role)
        for m in re.finditer(pat, after):
            d = (m.start(), 0)
            if best is None or d < best[0]:
                best = (d, role)
    return best[1] if best else None


RECENT_START = [(r"上个月|上月", 1), (r"这个月|本月|这两天|刚刚|刚(进厂|上班|找到|入职|开始)", 0)]


def recent_start_months(text: str) -> float | None:
    """'上个月刚进厂' → 1 month since starting work; '这个月刚上班' → 0."""
    for pat, months in RECENT_START:
        if re.search(pat, text or ""):
            return float(months)
    return None


# =================================================================================================== ledger cells
# Small helpers for one cell of the village officer's household ledger (ledger/). Kept separate from the
# dialogue helpers above: a ledger cell holds one value, not a sentence.

_LIST_SEP = re.compile(r"[、,，/／;；|｜\s]+")


def split_list(text) -> list[str]:
    """'脱贫户、残疾人' / '脱贫户,残疾人' / '脱贫户 / 残疾人' → ['脱贫户', '残疾人'] (empty pieces dropped)."""
    if text is None:
        return []
    return [w for w in _LIST_SEP.split(str(text).strip()) if w]


_DATE_CELL_REST = re.compile(r"^(?:[./\-][0-9]{1,2}(?:日|号)?|[0-9]{1,2}(?:日|号)|日|号|左右|前后|初|底)?$")
_DATE_CELL_LOOK = re.compile(r"^(?:20)?[0-9]{2}(?:年|\.|/|-)[0-9]{1,2}|^(?:今年|去年|前年|大前年)")
EXCEL_EPOCH = dt.date(1899, 12, 30)       # day 0 of Excel's (1900) date system, as its serial numbers count


def date_cell_months(text, today: dt.date) -> float | None:
    """A cell holding one date ('2024.3', '2024年3月', '24年5月', '2024/3/15', '今年3月', '去年10月'): whole months from
    then until `today` (dates_in's reading). None when the cell is not one date, or the date is after `today`."""
    t = re.sub(r"\s+", "", str(text or "")).translate(_FW)
    found = dates_in(t, today)
    if len(found) != 1 or found[0][0] != 0 or not _DATE_CELL_REST.match(t[found[0][1]:]):
        return None
    return found[0][2]


def looks_like_date(text) -> bool:
    """'2027.3', '2024年13月': written as a date, whether or not it can be used."""
    return bool(_DATE_CELL_LOOK.match(re.sub(r"\s+", "", str(text or "")).translate(_FW)))


def excel_serial_date(n: float) -> dt.date | None:
    """An Excel date serial stored as a plain number (45352 → 2024-03-01); None outside 1982–2064."""
    if not 30000 <= n <= 60000:
        return None
    return EXCEL_EPOCH + dt.timedelta(days=int(n))


_YES_WORDS = {"是", "有", "对", "已", "已经", "参加", "已参加", "参加了", "参加过", "取得", "已取得", "拿到", "已拿到",
              "合格", "在读", "就读", "签了", "√", "✓", "✔", "y", "yes", "true", "1", "是的"}
_NO_WORDS = {"否", "无", "没有", "没", "未", "不", "不是", "未参加", "没参加", "没有参加", "未取得", "没取得", "没拿到",
             "没有取得", "不合格", "×", "✗", "✘", "n", "no", "false", "0", "-", "—", "／", "/"}


def yes_no(text) -> bool | None:
    """'是'/'√'/'已参加' → True; '否'/'无'/'×' → False; anything else (or empty) → None."""
    if text is None or isinstance(text, bool):
        return text
    t = re.sub(r"\s+", "", str(text)).lower()
    if t in _YES_WORDS:
        return True
    if t in _NO_WORDS:
        return False
    return None


_SCOPE_WORDS = [
    (r"外省|省外|跨省|出省", "跨省"),
    (r"外市|市外|跨市|出市|别的市", "跨市"),
    (r"外县|县外|跨县|出县|外区|别的县", "跨县"),
    (r"本县|县内|县里|本区|区内|本地|本乡|本镇|本村|乡里|镇上|村里|县城|家门口|附近", "本县"),
]


# the unit's own place said as such, as where some of its people are from ("本县的12个", "本地的6个")
HERE_WORDS = ("本县", "本地", "当地", "县里", "县上", "本乡", "本镇", "本村", "村里", "本市", "咱县", "我们县", "咱们县",
              "俺们县")
# the words that tell which of a unit's counts a correction puts right (assistant/recount.py): who they are, what they
# did, the kind of class or contract, where ("本县走的是3个", "缺2天的是4个人", "全日制那批招的是十四个")
COUNT_NAMING_CATEGORIES = ("建档立卡", "贫困", "脱贫", "低收入", "边缘", "一般", "低保")
COUNT_NAMING_WORDS = COUNT_NAMING_CATEGORIES + (
    "走", "回来", "回家", "离开", "不干", "补", "全勤", "缺", "合格", "没过", "开店", "开了", "创业", "季节", "签", "合同",
    "见习", "本县", "本地", "外省", "全日制", "退学", "短训", "学完", "没学完")


def work_scope_word(text) -> str | None:
    """The work_scope a ledger word states: '外省' → 跨省, '本县' → 本县; a place name → None (compare places)."""
    return _match(_SCOPE_WORDS, re.sub(r"\s+", "", str(text or "")))


# =================================================================================================== fact names
# Chinese names of facts, besides each fact's own label in facts.yaml: the names `python -m policies explain --fact`
# takes and the ledger's column headers (ledger/columns.py) are this one table. A name never contradicts a label of
# facts.yaml: 在岗月数 is the label of months_on_post (the months on a public-welfare post), so it names that fact;
# the months in an ordinary job are 务工月数 (months_employed, labelled 已在岗月数).
FACT_ALIASES = {
    "身份": "category", "人员类别": "category", "类别": "category", "人员身份": "category",
    "就业状态": "employed", "就业情况": "employed", "是否就业": "employed",
    "就业地": "work_scope", "务工地": "work_scope", "就业地点": "work_scope", "务工地点": "work_scope",
    "合同期限": "contract_months", "合同月数": "contract_months", "劳动合同期限": "contract_months",
    "合同年限": "contract_months",
    "务工月数": "months_employed", "已务工月数": "months_employed",
    "就业后月数": "months_since_employment", "就业月数": "months_since_employment",
    "转移就业后月数": "months_since_employment",
    "交通费": "transport_cost", "路费": "transport_cost", "车票费": "transport_cost",
    "培训类型": "training_type", "培训天数": "training_days",
    "是否取得证书": "training_certificate", "取得证书": "training_certificate",
    "创业形式": "business_type",
    "营业执照月数": "months_since_registration", "执照月数": "months_since_registration",
    "营业执照登记月数": "months_since_registration",
    "公益岗类型": "post_type", "公益性岗位": "post_type", "公益岗": "post_type",
    "在岗月数": "months_on_post", "公益岗在岗月数": "months_on_post",
    "子女就读技校": "in_technical_school", "子女就读技工院校": "in_technical_school", "子女上技校": "in_technical_school",
    "今年已享受": "received_this_year", "已享受": "received_this_year", "今年已享受补贴": "received_this_year",
    "单位类型": "employer_type",
}

# --------------------------------------------------------------------------------------------------- asking
# What a message asks and who asks it (assistant/understand.py, turn.py and decide.py read these): the words of a
# question, of a follow-up, of an employer or a family member speaking, and the name parts every benefit shares.

# parts of benefit names that say nothing about which benefit is meant
GENERIC_NAME_PARTS = re.compile(r"就业扶贫|就业帮扶|脱贫劳动力?|贫困劳动力?|建档立卡|一次性|补贴|补助|奖补|资金|贫困家庭|"
                                r"湖南省|[（(][^）)]*[）)]|“|”")

# the characters and two-character words every benefit's name shares (就业扶贫, 建档立卡, 补贴 …): a piece of a name
# made of them names no benefit in particular (assistant/answer_lines.also_in_text, assistant/decide.said_again)
SHARED_NAME_CHARS = frozenset("就业扶贫帮建档立卡脱困劳动力家庭补贴助奖资金一次性工作人员")
SHARED_NAME_PAIRS = frozenset({"补贴", "补助", "就业", "培训", "贫困", "扶贫", "一次", "次性", "劳动", "动力", "劳力", "职业",
                               "创业", "政策", "人员", "家庭", "建档", "立卡", "帮扶", "脱贫", "吸纳", "单位", "文件",
                               # (the words of whom a benefit is for: "招贫困户" names none of them)
                               "困户", "贫户", "档立", "卡户", "困劳", "贫劳", "困家"})

# a message asking something has one of these; a message without them only tells facts
QUESTION_WORDS = re.compile(r"补贴|补助|补帖|奖补|钱|领|贷|报|政策|多少|能拿|有啥|有什么|啥|什么|吗|么|没有|不|咋|怎么|哪|\?|？|"
                            r"呢(?=[？?。！!\s]*$)")   # "那我要是自己开个扶贫车间…呢": a question

# an employer, a unit, a training school or an agency asking about what it receives (the catalogue's non-personal
# payees): the money is theirs, not a worker's
# businesses people run that hire like a company does ("我们是海口的一家酒店"): units, besides the kinds the texts name
SERVICE_UNITS = r"酒店|宾馆|饭店|酒楼|餐馆|超市|商场"
EMPLOYER_WORDS = re.compile(
    r"(?:我们|俺们|咱们)(?:(?:原来|以前|现在|也|都)?是[^，。,；;在去到进]{0,16}?的?|这个|这家|那个)?(厂|公司|企业|基地|车间|工坊|合作社|单位|学校|培训学校|培训机构|技校|职校|驾校|院校|学院|机构|中介|职介|"
    rf"劳务公司|人力资源|家庭农场|社区工厂|扶贫车间|帮扶车间|{SERVICE_UNITS}|物业)|"
    # "我们是在千阳设点开班的一所技工学校": a unit described, the place inside
    r"(?:我们|俺们|咱们)是[^，。,；;？?]{0,20}?的(?:一所|一家|一个)[^，。,；;？?]{0,6}?(?:厂|公司|企业|合作社|学校|技工学校|技校|"
    rf"技工院校|职校|学院|机构|劳务公司|{SERVICE_UNITS})|"
    r"我是[^，。,；;？?]{0,12}(老板|厂长|负责人|老师|校长|经纪人|中介|理事长|社长|站长|经理|总经理|董事长|主任)|"
    r"(公司|厂|企业|基地|车间|工坊|合作社|单位|学校|机构|劳务公司|职介|中介)(的)?(老板|负责人|厂长|会计)|"
    r"招了|招收|吸纳|聘用|雇了|用工(?!证明|合同|协议|单位|岗位|信息|需求)|我的员工|我们的员工|我们的工人|我办的|我开的(厂|公司|店)|"
    r"(?<![读上念考进去到送])(培训机构|培训学校|技工学校|人力资源公司|人力资源服务机构|劳务经纪人|职业中介|职介公司|职介所|劳务公司|中介公司|劳务派遣公司)[，,的]|"
    # "我在北林区开了个扶贫车间", "俺们开的扶贫车间", "用了12个贫困户": who runs a workshop and employs people
    r"(?:(?:我|俺|咱|他|她)(?:们)?|(?<=[，,]))(?:在[^，。,；;？?]{1,8}?)?(开|办|建|搞)(了|的)?(个|一个|一家|家)?[^，。,；;？?]{0,12}?"
    r"(扶贫车间|帮扶车间|社区工厂|工坊|车间|厂子|工厂|加工厂|基地)|"
    r"认定(成|为)(社区工厂|就业帮扶车间|帮扶车间|就业帮扶基地|帮扶基地|非遗扶贫就业工坊|工坊)|"
    r"用了[0-9一二三四五六七八九十两几]+个|"
    # "我们在兰西办了一期食用菌栽培培训": who runs the course
    r"(?:我们|俺们|咱们)(?:在[^，。,；;]{1,6})?(?:办|开|举办)了?(?:一|几|两|[0-9]+)?期[^，。,；;]{0,10}培训")

# a message about money is a question about benefits, whatever the NLU took it for ("除了贷款还有啥补贴能领")
# who receives the money asked ("这钱最后是打给学校还是打给学生")
PAYEE_ASKED = re.compile(r"钱[^，。？?]{0,6}?(?:打给|发给|给谁|打到|发到|到谁)|(?:打给|发给)(?:谁|学校|学生|学员|工人|个人|单位|本人|我们|厂里|公司)")
# a question about the money just answered: when it comes, to which card, who pays it out, what is left in hand
# ("那这钱啥时候到账 打到哪张卡上 谁给发呀", "咯个钱么子时候到账", "娃手里到底能落多少"): the same benefits again
MONEY_ARRIVAL = re.compile(r"(?:这|那|咯|该)(?:个|笔)?(?:钱|补贴|补助)[^，。？?]{0,8}?(?:到账|打到|打给|发给|谁给|谁发|哪个发|"
                           r"么子时候|啥时候|什么时候|几时|卡上|到手)|到账|打到哪|哪张卡|(?:手里|手上)[^，。？?]{0,6}?落")
# when the money comes or to which card ("啥时候到账", "打到哪张卡上"): the texts name no date or card
ARRIVAL_WHEN = re.compile(r"到账|(?:么子|啥|什么)时候(?:能)?(?:到|发|给|打|拿到|领到)|几时(?:到|发|给|打)|哪张卡|哪个卡|"
                          r"打到[^，。,；;？?]{0,4}?卡")
# who pays a cost ("路费是不是得我们学校出", "这钱谁出")
WHO_PAYS = re.compile(r"(?:谁|我们|俺们|学校|单位|厂里|公司|自己|个人)[^，。？?]{0,4}?(?:出|掏|付|垫)(?:钱)?(?:吗|嘛|不|呢|$)")
# a unit's own staff, said by an agency ("我们公司自己招的", "合同跟我们公司签", "社保是我们公司交的")
OWN_STAFF = re.compile(r"(?:我们|俺们|咱们)(?:公司|单位|厂里)?自己(?:招|雇|聘|用)|合同(?:是)?跟(?:我们|俺们)(?:公司|单位)?签|"
                       r"社保(?:是)?(?:我们|俺们)(?:公司|单位)?(?:交|缴)")
MONEY_QUESTION = re.compile(r"补贴|补助|补帖|奖补|贷款|能贷|领.{0,4}(钱|啥|什么)|能报|报销|" + PAYEE_ASKED.pattern)

PAPERS_ASKED = re.compile(r"材料|带啥|带什么|带些啥|要啥|要什么|证件|资料|复印件|手续|准备啥|准备什么|证明|表格|填啥|"
                          # ("俺去镇上替他俩办…都要拿些啥": what to take along to apply, not what they get)
                          r"(?:要|得|需要)(?:拿|带|准备|交)(?:些|点|上)?(?:啥|什么|哪些|么子)")
# a short question that goes on with the topic under discussion ("那这俩能一块领不", "要是就业的是28个呢",
# "那这钱是谁发给我", "也能补吗"): it asks again about the same benefits, with what it adds
FOLLOW_UP = re.compile(r"^(?:那|那要是|要是|如果|假如|若是|还有|另外)|是谁|给谁|谁发|谁领|打给谁|发给谁|一[块起搭](?:领|拿|享受|办)?|"
                       r"同时|也能|也可以|还能|能不能|行不行|可以不|可不可以|是不是|有没有|要不要|多少|几个|几年|每年|多久|多长时间|咋|怎么|"
                       r"呢[？?]?$|吗[？?]?$|不[？?]?$|没[？?]?$|还是[^，。,；;]{1,12}?[？?]|么子|啥子|" + PAPERS_ASKED.pattern)

# a question about the documents' validity itself ("这政策现在还有效吗")
VALIDITY_WORDS = re.compile(r"有效|到期|过期|失效|截止|期限|还能用|还管用|还算数|还执行|作废|现在还有|还在执行|哪年的|啥时候的|新政策|最新")

# someone asking for another person: a family member ("我帮我妈问的", "俺闺女是…") or an operator typing a caller's
# words ("来电人说他是…"): the money goes to that person, not to the one asking
# the words that put a place beside another ("千阳旁边", "灵台就在千阳北边不远"): near it, not in it
NEIGHBOUR_WORDS = r"旁边|对面|隔壁|附近|边上"
# the relatives people ask for ("我儿子", "俺表妹也…", "她能报不") — PROXY_WORDS and ANOTHER_PERSON
RELATIVES = (r"妈|爸|娘|爹|老公|老婆|媳妇|男人|对象|儿子|女儿|闺女|娃儿|娃|崽|孩子|弟弟|哥哥|姐姐|妹妹|孙子|孙女|表妹|表弟|表哥|表姐|"
             r"堂弟|堂妹|老汉儿?|老倌子?|堂客|老伴|婆娘|叔叔|叔|舅舅|舅|姑姑|小姨|大伯|婶子|侄子|侄女|外甥|老大|老二|老三|老四|老幺")
# more persons the asker may ask for in a follow-up besides RELATIVES ("我老表不是建档立卡的…他有冇得…", "我哥26了")
KIN_MORE = r"老表|老弟|老妹|老哥|老姐|姐夫|妹夫|嫂子|弟媳|表嫂|堂哥|堂姐|亲戚|邻居|发小|老乡|朋友|哥们|同村的|哥|弟|姐|妹"
# a follow-up turning to another person, to the asker, or to an operator's caller (assistant/turn.py); an operator's
# words may lead ("来电人又问…")
# (the caller named as she or he by an operator too: "她问那她老公呢", "他又问他老婆呢")
_CALLER_LEAD = r"(?:(?:来电人?(?:又|还)?(?:问|说|讲)?|(?:她|他)(?:又|还)?(?:问|说|讲))(?:了)?[，,：:\s]*)?"
_KIN_ANY = rf"{RELATIVES}|{KIN_MORE}"
# another person named at the start of a follow-up ("那我媳妇呢", "还有俺儿子", "我老表不是…", "他弟弟也想问", "还有俺男人那个
# 求职补贴"): who
# (group 1) and which kin (group 2)
PERSON_SWITCH = re.compile(rf"^\s*{_CALLER_LEAD}(?:那|还有|那么)?\s*(我|俺|额|咱|他|她)(?:家|屋里)?(?:的)?({_KIN_ANY})"
                           r"(?:呢|也|她|他|跟|和|没|不是|是|今年|去年|前年|在|去|想|要|刚|才|已经|都|那个|那份|[，,\s])")
# a share of a whole said just before ("一共三十个工人，三成是脱贫户", "招了20个，一半是建档立卡的", "三分之一是低保户"): the
# whole (group 1), then the share (group 2) and what follows it; exact shares only ("一半以上" is not a count)
# a whole, some of it set apart, and the rest said of ("一共24个绣娘，除了16个是一般农户，其余都是脱贫户"): the rest counted
REST_OF_WHOLE = re.compile(r"([0-9]+|[一二两三四五六七八九十百]+)\s*(?:个|名|位)?(?:人|工人|员工|职工|学员|学生|绣娘|工|社员)"
                           r"[，,\s]*除了?\s*([0-9]+|[一二两三四五六七八九十百]+)\s*(?:个|名|位)[^，。,；;？?]{0,12}?[，,\s]*"
                           r"((?:其余|剩下|其他|余下)(?:的)?(?:人)?(?:都|全)?)(?=是|为|属于)")
SHARE_OF_WHOLE = re.compile(r"([0-9]+|[一二两三四五六七八九十百]+)\s*(?:(?:个|名|位)(?:人|工人|员工|职工|学员|学生|工)?|人)"
                            r"(?:[^，。,；;？?0-9一二两三四五六七八九十]{0,12}[，,\s])?\s*"
                            # ("考试合格了12个，合格的里头三分之一…": the whole named again before the share)
                            r"(?:(?:[^，。,；;？?0-9一二两三四五六七八九十]{1,4}?的)?(?:其中|里头|里面|当中))?(?:有)?\s*"
                            r"((?:[一二三四五六七八九]成(?![年本绩])|一半|半数|(?:[一二三四五六七八九十]|[0-9]+)分之(?:[一二三四五六七八九十]|[0-9]+)|"
                            r"百分之(?:[一二三四五六七八九十]+|[0-9]+)|[0-9]+\s*[%％])(?:的人)?(?:都)?(?:是|为|属于)?)"
                            r"(?![以多左上])")
# a hotline operator passing on the next, unrelated caller ("现在这个大姐是千阳崔家头镇的 跟刚才那个不是一家", "下一个来电
# 是…"): a conversation of its own, nothing said of the caller before is hers
_CALLER_NOUN = r"大姐|大哥|大爷|大妈|大娘|阿姨|来电人?|老乡|小伙子?|姑娘|叔|婶"
NEW_CALLER = re.compile(r"(?:另|下|新|又)一?(?:个|位)(?:新的?)?来电|换了?一?(?:个|位)来电|(?:又|新)(?:来|打进来|进来|接)了?一?(?:个|位)来电|"
                        r"(?:跟|和|同)(?:刚才|前面|上一个|上面|之前)(?:那个|那位|的)?(?:来电人?|大哥|大姐|大爷|大妈|人)?(?:的)?"
                        r"(?:不是一家|不是一个人|不是一起的|不是亲戚)|"
                        # (of a person: not "这个补贴跟之前的没关系吧", a question of the benefits)
                        r"(?:跟|和|同)(?:刚才|前面|上一个|上面|之前)(?:那个|那位|的)?(?:来电人?|大哥|大姐|大爷|大妈|大娘|阿姨|人)"
                        r"(?:的)?(?:没(?:有|啥)?关系|不相干|两码事)|"
                        rf"(?:刚才|前面|上一个)(?:那个|那位)[^。？?]{{0,30}}?(?:现在|这会儿?|接下来)(?:这个|这位)(?:{_CALLER_NOUN})|"
                        rf"(?:现在|这会儿?|接下来)(?:这个|这位)(?:{_CALLER_NOUN})[^。？?]{{0,30}}?(?:跟|和|同)(?:刚才|前面|上一个)(?:那个|那位)")
# the person a first message asks for ("来电人说她女儿是千阳的…", "我儿子今年…")
PERSON_ASKED_FIRST = re.compile(rf"^\s*{_CALLER_LEAD}(我|俺|额|咱|他|她)(?:家)?(?:的)?({_KIN_ANY})"
                                r"(?![\u4e00-\u9fff]{0,2}(?:的厂|的店|的公司|厂里|店里))")
# another person named alone ("那我哥呢")
PERSON_NAMED_ALONE = re.compile(rf"\s*{_CALLER_LEAD}(?:那|还有|那么)?\s*(?:我|俺|额|咱|他|她)(?:家|屋里)?(?:的)?(?:{_KIN_ANY})\s*"
                                r"(?:呢|咋样|怎么样|咋说|能领不|能不能领|行不|中不)\s*[？?]*\s*")
# an agency's licence vouched for by one it placed ("县里人社局挂了牌的那个劳务公司", "正规的中介", "有资质的劳务公司")
AGENCY_VOUCHED = re.compile(r"(?:人社|劳动局|人力资源和社会保障局)[^，。,；;？?]{0,4}?挂(?:了|过)?(?:的)?牌|"
                            r"(?:有|具有|持)(?:合法)?(?:资质|许可证)[^，。,；;？?]{0,4}?(?:的)?(?:劳务|人力|中介|职介)|"
                            r"正规(?:的)?(?:劳务|人力|中介|职介)|"
                            # ("劳务经纪人带过去的（人家有资质的）": the one who placed them said to be licensed)
                            r"(?:经纪人|中介|劳务公司|人力公司|职介)[^。；;？?]{0,10}?(?:人家|他们|他|她)(?:是)?(?:有|具有|持)(?:合法)?(?:资质|许可证|执照)")
# a household of no poor register, as people name it (the longer words first: "普通农户" before "普通户")
PLAIN_HOUSEHOLD_WORDS = r"一般农户|普通农户|普通户|一般户|非贫困户"
# some of a unit's ordinary hires said (or supposed) to be of a class after all ("要是那4个一般户其实也是农村低收入户呢"):
# that class's count grows by them
# a group of a unit's people named by a class no money of the poor counts, asked of ("那5个一般农户为啥不算")
NOT_POOR_NAMED = re.compile(r"(?:那|这)\s*((?:[0-9一二两三四五六七八九十]+)\s*个|俩|仨)\s*(" + PLAIN_HOUSEHOLD_WORDS + r"|普通村民|"
                            r"普通居民|城镇居民|普通学员|一般学员|普通工人|普通员工|"
                            # ("那为啥那四个不是脱贫户的不给")
                            r"不是(?:脱贫户|贫困户|建档立卡户?|脱贫劳动力)的)")
GROUP_RECLASSED = re.compile(r"([0-9一二两三四五六七八九十]+)\s*个(?:人)?(?:是)?(?:一般|普通)(?:的)?(?:户|农户|村民|农民|人)?"
                             r"[^，。,；;？?0-9不没非]{0,6}?(?:其实|实际上|要是|如果)?(?:也)?(?:都)?(?<![不没非])(?:是|算)(?:农村)?"
                             r"(低收入|低保|脱贫|建档立卡|贫困)")
# the asker's own loan asked ("我个人能贷多少", "俺自己能贷多少"): one person's loan, whoever joins later
OWN_LOAN_ASKED = re.compile(r"(?:我|俺|额)(?:个人|自己|一个人)(?:能|可以|最多|最高)?(?:贷|借)")
# the other person joining the asker's business ("他想跟我一起弄", "跟我合伙开"): its facts are theirs too
JOINS_BUSINESS = re.compile(r"(?:跟|和|同)(?:我|俺|额|他|她)(?:们)?[^，。,；;？?]{0,4}?(?:一起|一块儿?|一道|一搭|合伙|搭伙|合起来)"
                            r"[^，。,；;？?]{0,2}?(?:弄|干|搞|做|开|办|创业)")
# a partnership in the message ("跟我表哥合伙开", "几个人合伙办")
PARTNERSHIP_SAID = re.compile(r"合伙|入伙|搭伙|合股|(?:跟|和|同)(?:我|俺|额)(?:们)?[^，。,；;？?]{0,4}?(?:一起|一块儿?)(?:弄|干|搞|做|开|办)")


# the course a school says it ran ("办了期巾帼家政月搜培训"): its description, not a benefit named
COURSE_RUN = re.compile(r"(?:办|开|搞)(?:了)?(?:一|1|两|2)?(?:期|个)[^，。,；;？?]{0,12}?(?:培训|班)")
# a school asking its own training subsidy ("机构这期按啥标准拿培训补贴", "培训补贴按多少给学校")
SCHOOL_OWN_MONEY = re.compile(r"(?:机构|学校|我们|俺们|咱们)[^，。,；;？?]{0,8}?(?:拿|领|报)[^，。,；;？?]{0,3}?培训补贴|"
                              r"培训补贴[^，。,；;？?]{0,6}?(?:给|拨给|发给)(?:学校|机构|我们)")
# the asker turning to themself after asking for someone else ("那我呢", "那我自己呢")
SELF_AGAIN = re.compile(r"^\s*(?:那|还有|那么)?\s*(?:我|俺|额)(?:自己|本人|自个儿|自个)?\s*(?:呢|也)|"
                        # "我人在昆山过年才回去 要带啥 能叫我媳妇帮我去交不": his own, with the one asked for before
                        # to act for him
                        r"^\s*(?:那)?\s*(?:我|俺|额)(?:人)?(?:还|现在)?在[^，。,；;？?]{1,12}?(?=.*(?:帮|替|代)(?:我|俺|额))")
# an operator turning back to the caller after asking for the caller's relative ("来电人又问他自己那个路费能报不")
CALLER_AGAIN = re.compile(rf"^\s*{_CALLER_LEAD}(?:那)?\s*(?:他|她)(?:自己|本人|自个)|^\s*(?:那)?\s*来电人(?:自己|本人)")
# a relative's kin by whether she or he is meant: "她自己" said while a husband is asked for is the (woman) caller
HE_KIN = re.compile(r"老公|男人|丈夫|儿子|爸|爹|父亲|哥|弟|孙子|姐夫|妹夫|公公|老汉")
SHE_KIN = re.compile(r"老婆|媳妇|妻子|堂客|婆娘|女儿|闺女|妈|娘|母亲|姐|妹|孙女|嫂子|弟媳|婆婆")
# one person by several words ("女子" is a daughter in 陕西; "闺女", "丫头"): the word a message's persons are told by
SAME_KIN = {"母亲": "妈", "父亲": "爸", "爹": "爸",
            "女子": "女儿", "闺女": "女儿", "丫头": "女儿", "女娃": "女儿", "男娃": "儿子", "小子": "儿子", "老婆": "媳妇",
            "爱人": "媳妇", "老公": "男人", "丈夫": "男人"}
# an agency's or a broker's licence ("劳务经纪人 办了营业执照的"): the agency registered, no business of the person's
AGENCY_LICENCE = re.compile(r"((?:经纪人|中介|人力资源|劳务公司|职介)(?:[^，。,；;？?]{0,10}?|[^，。,；;？?]{0,6}?[，,]\s*))"
                            r"(?:办了|办过|领了|有)(?:营业)?执照(?:的)?"   # "劳务公司，有营业执照"
                            # "营业执照和人力资源服务许可证都有", "营业执照职介许可证都有": a unit's papers
                            r"|(?:有|办了)?(?:营业)?执照(?:和|跟|、|及|以及)?\s*[^，。,；;？?]{0,10}?许可证(?:也|都)?"
                            r"(?:有|齐全|齐|办了|办齐了)?(?:的)?")
PROXY_WORDS = re.compile(
    rf"(我|俺|额|咱)(是)?(帮|替|给)(我|俺)?(的)?({RELATIVES}|弟|哥|姐|妹)|"
    rf"(我|俺|额)(家|屋里|屋头)?(的)?(两个|俩|几个|三个)?({RELATIVES})"
    r"(都|也)?(是|在|去|今年|前年|去年|想|要|他|她|刚|上|从|大学|高中|初中|考)|"
    r"来电人(说|是|问|又)|来电的|帮人问|替人问|来电(?:群众|者|市民|村民|老乡|人员)|(?:群众|村民|老乡|市民)来电|"
    # a village's employment-information officer asking for a household ("我是…村的就业信息员 帮老张家问一下")
    r"(?:就业)?信息员|(?:帮|替)[^，。,；;？?]{1,6}?家问|"
    # ("帮我爸跟我弟问一哈")
    rf"^(?:帮|替)(?:我|俺|额)(?:的)?(?:{RELATIVES}|弟|哥|姐|妹)|"
    # an operator's caller and the caller's family ("他家在千阳…父亲在村里当…")
    rf"(?:他|她)(?:家)?(?:的)?({RELATIVES})(?:都|也)?(?:是|在|去|当|干)")

ASKING = re.compile(r"补贴|补助|补帖|奖补|奖励|贷款|能贷|钱|领|报销|能报|多少|有啥|有什么|有没有|有无|能不能|能否|可以.{0,6}吗|吗|咋|怎么|哪|"
                    r"办(些|点)?啥|办什么|能办|帮(些|点)?啥|\?|？|"
                    # "有么子帮扶冇", "有冇办法", "问政府能给安排点啥" (湖南 么子/冇 for 什么/没)
                    r"有么子|有冇|有冒得|有没得|么子|(?:有|想|没)(?:啥|什么|么子)?办法|安排(?:点|些)?(?:啥|什么|么子)|"
                    # "能返还社保不", "可以报不，" (a yes/no question by its closing 不)
                    # (voice input: a space ends the clause: "我这个现在能申请不 要拿些啥")
                    r"(?:能|可以|可不可以|行|会|给)[^，。,；;？?\s]{1,12}?(?:不|没)(?=\s*(?:[，。,；;！!]|$)|\s)|"
                    # ("生活费按天补好多 总共有好多 培训费要我自己出冇": 湖南 好多/几多 for 多少, a closing 冇 for 没)
                    r"(?:好多|几多)(?:钱)?(?=\s*(?:[，。,；;！!]|$)|\s)|[^，。,；;？?\s]{1,12}?冇(?=\s*(?:[，。,；;！!]|$))")

# the papers asked for in so many words ("都要拿些啥", "要带啥材料", "准备哪些资料"): a question of the papers, whatever the
# NLU made of the message
PAPERS_QUESTION = re.compile(r"(?:要|得|需要)(?:拿|带|准备|交)(?:些|点|上)?(?:啥|什么|哪些|么子)|(?:带|准备)(?:些|点)?(?:啥|什么|哪些)(?!补|钱)|"
                             r"(?:啥|什么|哪些|么子)(?:材料|资料|证件|手续)")
# "还能领点啥", "俺能替她办些啥", "有啥补贴" without naming one: everything the person may get
# "这两个补贴能一起拿吗": the two the last answer named
# no benefit had before ("以前啥补贴也没领过"): what else they may get is worth saying beside the answer
NEVER_HAD = re.compile(r"(?:啥|什么|任何|一样)(?:子)?(?:补贴|补助|钱)?(?:都|也)(?:没|没有|冇|没得|莫得)(?:领|拿|享受|申请|得)(?:过|到)|"
                       r"(?:没|没有|从没|从来没|从来没有|冇)(?:领|拿|享受)(?:过|到过)(?:啥|什么|任何|别的|一分)(?:补贴|补助|钱)")
# all the benefits the conversation spoke of ("这些补贴我们找哪儿报", "上面说的这几个补贴")
THESE_ALL = re.compile(r"(?:这些|这几个|这几项|这几样|那些|那几个|这俩|这两个|这两项|那俩|那两个|上面(?:说的)?(?:这些|那些|几个)?|"
                       r"前面(?:说的)?|刚才(?:说的)?)"
                       r"(?:的)?(?:补贴|补助|钱|政策|奖补)")
# a clause of a message that asks something ("他也能拿那个一千二不", "还给不给")
CLAUSE_ASKS = re.compile(r"吗|么|[不没](?:啊|呀|哦|咧)?$|([\u4e00-\u9fff])[不没]\1|啥|什么|多少|好多|能不能|可不可以|咋|怎么|哪|几|"
                         r"有冇|冇得|没得")
# when to apply asked ("啥时候报", "几时截止")
# a count of someone's children ("她家俩孩子", "两个娃"): a family's, not a unit's hires
KIDS_COUNTED = re.compile(r"(俩|[0-9两三四五]+\s*个)(?:孩子|娃娃|娃子|娃|儿子|女儿|闺女|子女|小孩)")
# who borrows for a form of business, a group's own (个体工商户 → 个人; the vocabulary of business_type / borrower_type)
BORROWER_OF_FORM = {"个体工商户": "个人", "合伙创业": "合伙", "小微企业": "小微企业"}
# a loan asked in the unit's own name beside the partners' ("我们三个合伙能贷多少…要是用厂子的名义贷又能贷多少")
IN_THE_UNITS_NAME = re.compile(r"(?:用|以|拿)(?:厂子|厂里|厂|公司|企业|店里|店)(?:的)?名义(?:来|去)?(?:贷|借|申请|办)")
# a person not kept on or not finding work ("见习完了单位不要她", "一直没找到工作"): a placement in a post fits them first
NOT_KEPT = re.compile(r"(?:单位|公司|厂里|厂子|人家)(?:也)?(?:不要|不留|没留|不收)|没(?:被)?留下|找不(?:到|着)(?:工作|活)|"
                      r"没找(?:到|着)(?:工作|活)|一直(?:在家|在屋头|在屋里)?(?:闲着|耍起|耍着|没事干)")
# how much more a what-if brings ("要是当时干满3个月再回来 能多报多少", "能多拿多少")
# how much an amount changed since the last answer ("比刚才多多少", "一共比刚才少多少", "比现在多多少", "少了多少")
CHANGE_ASKED = re.compile(r"比(?:刚才|刚刚|才将|原来|之前|先前|上回|前面|头先|现在)(?:的|算的|说的)?(?:还)?(?:多|少)(?:了)?"
                          r"(?:多少|好多|几多|几个钱|多钱|几百|几千)|(?:多|少)了(?:多少|好多|几多)")
MORE_MONEY_ASKED = re.compile(r"(?:能|可以|会|还能)?多(?:报|拿|领|给|补|得)(?:多少|好多|几多|几个钱|多钱)|多(?:出|了)(?:多少|好多)(?:钱)?")
# every benefit spoken of so far asked of by where, when or what to bring ("这些都在哪儿办 啥时候截止", "这些啥时候报、找谁报")
THESE_APPLY = re.compile(r"(?:这些|那些|这几个|这几项|这几样|上面(?:说的)?(?:这些|那些)|刚才说的(?:这些|那些)?)(?:都|补贴|补助|钱|政策|奖补|的)*"
                         r"(?=[^。？?！!]{0,6}?(?:哪|啥时候|什么时候|几时|找谁|找哪|咋|怎么|去报|报到|在哪|截止|材料|带啥))")
WHEN_TO_APPLY = re.compile(r"(?:啥|什么|哪个)时候|几时|多会儿|哪天|截止")
THESE_TWO = re.compile(r"(?:这|那)(?:两|俩|二)(?:个|样|项|种)?(?:补贴|补助|钱|政策)?|两(?:个|项|样)(?:补贴|补助)")
WHAT_ELSE = re.compile(r"(?:还|又|都|自己|本人|他|她|我)?(?:能|可以|能够)(?:给)?(?:领|拿|享受|办|要|补)(?:点|些|到|个)?(?:啥子?|什么|哪些|么子|么个|莫子|撒)|"
                       # "那200块到底是给哪个的，我自己有冒得": what the asker gets themselves
                       r"(?:我|俺|额)自己(?:有|能拿|能领|能得)(?:冇得|没得|没有|无|冒得|啥|什么|么子|哪些)|"
                       r"(?:还有|有)(?:没有|没得|冇得|冒得)(?:别的|其他|其它)(?=\s*(?:[？?，,。！!]|$))|"
                       r"(?:还有|有)(?:没有|没得|冇得|冒得)?(?:别的|其他|其它)(?:的)?(?:啥|什么|哪些)?(?:能|可以)(?:享受|领|拿|办|申请)|"
                       r"有(?:些)?(?:冇得|没得|没有|无|冇|冒得)?(?:啥子?|什么|哪些|么子|么个)(?:补贴|补助|政策|帮扶|扶持|支持|好处|钱)(?!.{0,3}(?:吗|没|不))|"
                       # "还有啥补贴没": what else, asked with its no
                       r"还有(?:啥子?|什么|哪些|么子)(?:别的|其他|其它)?(?:补贴|补助|政策|好处)|"
                       # ("他这岁数还有政策没"): whether any is there for the person (not "…培训，有补贴不": of the one named)
                       r"(?:还有|有)(?:政策|帮扶)(?:没|没有|吗|冇|没得|冒得)(?=\s*(?:[？?，,。！!]|$))|"
                       r"还能领啥|能领啥|(?:还有|有)(?:啥|什么|哪些|么子)(?:能|可以)?(?:帮|扶持|支持)(?:的|我|俺|他|她|他的|她的|我的|俺的)?(?=\s*(?:[？?，,。！!]|$))|(?:啥|什么)(?:也|都)没(?:有|得)|(?:啥|什么|么子)(?:也|都)(?:拿|领|得)不(?:到|着)|(?:还有|有)(?:没有|没得|冇得)?(?:别的|其他|其它|另外的?)(?:啥|什么)?(?:补贴|补助|政策|钱|好处)")

# the unit's own money asked beside its people's ("这6个工人自己能领啥补贴，我们厂里又能领啥")
UNIT_ITSELF_ASKED = re.compile(r"(?:我们|俺们|咱们|我|俺)(?:的)?(?:厂|公司|单位|车间|合作社|工厂|基地|店)?(?:里|这边|本身)?(?:又|还|自己)?"
                               r"(?:能|可以)(?:领|拿|报|享受|有)(?:啥|什么|哪些|么子)|"
                               # ("厂里拿的跟工人拿的分别是啥": both, side by side)
                               r"(?:厂里|厂子|单位|公司|车间|基地|我们|俺们)(?:能)?(?:拿|领)的(?:跟|和|与|同)(?:工人|员工|他们|个人)")
# a unit asking about its people's own money ("那这12个人自己能领啥", "工人他们自己有啥补贴")
# ("那这几个娃自己能拿啥": a unit's interns called its kids)
THEIR_OWN_ASKED = re.compile(r"(?:(?:这|那)(?:些)?\s*(?:[0-9一二两三四五六七八九十几]+\s*个)?(?:人|工人|学员|员工|学生|娃|娃子|孩子|毕业生|见习生|年轻人)|"
                             r"他们|她们|工人|员工|学员|"
                            # ("学生每个月自己能拿多少": a unit's interns or students, their own money)
                            r"(?:学生|见习生|见习人员|学徒)(?:每个月|每月|一个月|每人)?)"
                            r"(?:他们|她们)?(?:自己|本人|个人)[^，。,；;？?]{0,6}?(?:能|可以|有)(?:再|也|还)?(?:去)?(?:领|拿|享受|啥|什么|没有|补)")
# a unit asking of its people's own money in looser words ("国家资助政策他们能享受吗", "学生自己能领啥"): a covered place's
# document answers for its people, the unit elsewhere
PEOPLES_OWN_ASKED = re.compile(r"(?:他们|她们|学生|学员|工人|员工)(?:自己|本人|个人)?(?:能不能|可不可以|能|可以)?(?:享受|领|拿)")

# a question about the unit's money ("厂子是不是能拿钱", "老板那边能领啥")
UNIT_MONEY = re.compile(r"(?:厂子|厂里|厂家|(?:这个|那个|这家|那家)厂|公司|单位|老板|车间|基地|工坊|酒店|企业|合作社)(?:那边|这边)?"
                        r"(?:是不是|能不能|可不可以|有没有)?(?:能|可以)?"
                        r"(?:拿|领|得|有)(?:到)?(?:钱|补贴|补助|奖补|啥|什么好处|啥好处|么子好处|好处)|"
                        # "招她的公司有啥说法": the money of the unit that hires the person asked for
                        r"(?:招|雇|用|请)(?:了)?(?:她|他|我|俺|人)的(?:厂子|厂|公司|单位|老板|企业)[^，。,；;？?]{0,3}?"
                        r"(?:有|能|给)(?:啥|什么|么子)?(?:说法|好处|补贴|钱)|"
                        # "车间这个还差多久能领": when the unit's money comes, asked by its worker
                        r"(?:车间|厂里|厂子|公司|单位|基地|工坊)(?:的)?(?:这个|那个|这笔|那笔)(?:钱|补贴)?(?:还)?"
                        r"(?:差多久|差几个月|要多久|(?:啥|什么)时候)(?:才)?(?:能|可以)?(?:领|拿|报)|"
                        # "车间一直没去县上认定过，能直接报不": whether the unit can apply
                        r"(?:车间|基地|工坊|社区工厂)[^。？?]{0,16}?(?:能|可以)(?:直接)?(?:报|申请|申报)(?:不|吗|么|没|$)")

# words of something heard from others ("听说", "人家讲"): hearsay, not the person's own fact
HEARSAY_WORDS = r"听说|听人说|别人说|据说|听讲|听人讲|听别人讲|人家讲|人家说|听见说|都说"
# what the village or town said ("村里说一家只能领一份3000"): heard from an office, a sum it named
OFFICE_SAID_WORDS = r"(?:村里|村上|村干部|镇上|镇里|乡里)(?:的人)?(?:说|讲)"
# a follow-up speaking of all the persons a household message told of ("俺家俩孩子是不是只能领一个"), not of others
THEM_ALL = re.compile(r"孩子|娃|他们|她们|他俩|她俩|姐弟|兄妹|姐妹|兄弟|两个都|俩都")
# the words of asking where or to whom ("去哪办", "找谁", "在哪申请", "哪个部门")
# where to apply asked beside another question ("能补点啥 上哪办"): the office, in the same answer
WHERE_TO_APPLY = re.compile(r"(?:上|去|到|在|找)哪(?:儿|里|个地方|块|个部门)?(?:办|报|申请|领|弄|交)|找谁(?:办|报|申请|领)?|"
                            # ("报到哪", "交到哪里")
                            r"(?:报|交|送|递|申请)(?:到|去|给)哪|"
                            r"(?:哪个|啥|什么)部门(?:办|报|申请|管)?")
WHERE_ASKED = re.compile(r"哪|找谁|问谁|什么地方|啥地方|啥部门|什么部门|谁管|谁办|谁发|咋办|怎么办|咋申请|怎么申请|咋领|怎么领|咋弄|手续")

# a worker asking about the money of whoever found them the job ("那带俺们去的那个经纪人能领钱不", "中介能拿补贴不")
AGENCY_MONEY = re.compile(r"(?:经纪人|中介|劳务公司|职介|介绍所|带队的|带俺们去的|带我们去的)(?:那边|他们|她们|他|她)?"
                          r"(?:是不是|能不能|可不可以|有没有)?(?:能|可以)?(?:拿|领|得|有)(?:到)?(?:钱|补贴|补助|奖补|啥)")

# more of a class's trainees starting a business ("那要是创业班又有两个下个月把店开起来了呢", "合格的里头下个月估计还有三个能
# 把店开起来": a plan counts as met)
MORE_STARTED = re.compile(r"(?:(?:又|再|还)(?:能|会)?有?|(?:剩下|其余|其他)(?:的)?(?:那)?)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)"
                          r"(?:人|学员)?[^，,。；;？?0-9]{0,10}?(?:开起来|开起了|开了店|开店|开张|创业|办了执照|办起来|办下执照)")

# a business said before given up ("她要是先不开店，去海口找个班上呢", "不创业了"): not one not yet started ("还没开店")
NO_BUSINESS = re.compile(r"(?<![还没])(?:先|就|暂时|干脆)?不(?:开店|开了|创业了?|干买卖|做生意|开(?:这个|那个)?(?:店|厂|公司))"
                         r"(?![^，。,；;？?]{0,3}?(?:行|可以|中|能))")
# the terms of the asker's own job said to be another's too ("我表妹也在这个厂…合同社保跟我一样")
SAME_TERMS = re.compile(r"(?:合同|社保|保险|五险|待遇)[^，。,；;？?]{0,6}?(?:跟|和|同)(?:我|俺|额)(?:的)?(?:都)?一样")
# the share of the money just answered that is the other person's ("厂里说她那份还报不了")
THEIR_SHARE = re.compile(r"(?:她|他)(?:的)?那(?:份|一份)")
# all of the people of a what-if reaching the time ("都干满一年呢")
ALL_REACH = re.compile(r"都(?:能)?(?:干满|干够|做满|满了?|待满|干到)")
# more months said as a what-if ("那干五个月那仨，要是再干七个月呢"): the group's months then
WHAT_IF_MORE = re.compile(r"(?:要是|如果|假如)[^，。,；;？?]{0,12}?再(干|做|上|待|见习)(?:上)?\s*([0-9一二两三四五六七八九十]+)\s*个(?:多)?月")
# the asker's own money named by its amount ("俺这500", "我那1000块")
MY_AMOUNT = re.compile(r"(?:我|俺|额)(?:这|那)(?:个)?\s*([0-9]+|[一二两三四五六七八九十百千]+)(?:块|元)?")
# a relative's own ("那我爸自己", "我哥本人"): the money is theirs, asked for by the family
KIN_OWN = re.compile(rf"(?:我|俺|额)(?:家)?(?:的)?(?:{RELATIVES}|{KIN_MORE})(?:自己|本人|自个)")
# the kinds of unit a unit speaking of itself names ("我们厂", "我们是安康城区一家建筑设计公司")
UNIT_NOUNS = rf"(?:公司|企业|工厂|厂|合作社|车间|工坊|基地|机构|学校|学院|技校|单位|中心|农场|{SERVICE_UNITS})"
# a job of before and none now ("以前在外头工地上干 现在腰不行干不动重活了 想在家门口找个事做"): no employer now
PAST_JOB_NONE_NOW = re.compile(r"(?:以前|原来|过去|早些年|前些年|之前|早先)[^，。,；;？?]{0,12}?(?:干|做|打工|上班)"
                               r"[^。；;？?]{0,16}?(?:现在|如今|这两年)[^，。,；;？?]{0,8}?"
                               r"(?:干不动|干不了|做不动|做不了|不干了|没干了|没活|没事做|在家|闲着)")

# the rent of one's own shop asked ("开了个面馆…门面房租水电能不能补")
OWN_SHOP_RENT = re.compile(r"(?:店|馆|铺|门面|摊)[^。？?]{0,30}?(?:房租|租金|水电)|(?:门面|店面|铺面)(?:的)?(?:房租|租金|钱)")
# a unit, not a shop of one's own (社区工厂, 车间, 工坊, 基地, 厂, 合作社): its rent is asked of as a unit's
UNIT_OF_ITS_OWN_KIND = re.compile(r"社区工厂|车间|工坊|基地|工厂|加工厂|厂子|合作社")

# the document and clause asked for ("这都是哪个文件哪一条规定的", "依据是啥")
CITATION_ASKED = re.compile(r"哪(?:个|份|一个)?文件|哪(?:一)?条|第几条|哪个规定|哪条规定|依据(?:是)?(?:啥|什么|哪)|文号")

# an amount of the last answer said back ("你刚才说的500是交通那个吧", "您说的那个1000是一个月的吗")
SAID_BACK_AMOUNT = re.compile(r"(?:你|您|你们)(?:刚才|刚刚|上面|前面|之前|才)?(?:说|讲)的(?:那个|这个)?\s*"
                              r"([0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千万]+)\s*(?:块|元)?")

# the asker's unit's own money named ("我们这个补贴啥时候报", "俺们的钱找哪要")
OUR_MONEY = re.compile(r"(?:我们|俺们|咱们|我们单位|我们公司|我们厂)(?:这个|这笔|的|这块|这边的)?(?:补贴|钱|奖补|补助)")
# "我们厂", "俺的车间": the asker's own unit named right after "we" (its counts are its people, not a family's)
OUR_UNIT = re.compile(rf"(?:我们|俺们|咱们|我|俺)(?:这个|这家|的)?{UNIT_NOUNS}")
# a unit speaking of itself anywhere in the message ("我们是…公司", "您好，我是…合作社的"): the people it names one by
# one ("小王7月来的…小张8月来的") are its interns or hires, not a household
A_UNIT_SPEAKS = re.compile(rf"(?:我们|俺们|咱们)(?:是|这)?[^，。,；;？?]{{0,14}}?{UNIT_NOUNS}|"
                           rf"^(?:你好|您好)?[，,]?(?:我|俺)是[^，。,；;？?]{{0,14}}?{UNIT_NOUNS}|"
                           # ("俺场里雇了屯里三个贫困户 老李老王…": the asker's own place of work hiring)
                           r"(?:我|俺|咱|额)(?:们)?(?:的)?(?:场|厂|店|社|园|棚)(?:里|子里|子)[^，。,；;？?]{0,4}?(?:雇|招|用|请|吸纳)")
# the whole household's money asked ("那他们一家子三口加起来 总共能拿多少钱", "全家一共能领多少")
HOUSEHOLD_TOTAL = re.compile(r"(?:一家子?|全家|一家人|他们家|他家|俺家|我家|[两三四五六几]口(?:人)?)[^，。,；;？?]{0,10}?"
                             r"(?:加起来|加一块|加到一起|总共|一共|合计|合起来|统共)")

# a worker asking about what the unit pays for them ("厂里给我交的那个社保钱能补给我不"): the unit's money, asked by the worker
UNIT_PAYS_FOR_ME = re.compile(r"(?:厂里|厂子|公司|单位|老板|车间|基地)(?:给|帮|替)(?:我|俺|额)(?:交|缴|买|上)|"
                              r"(?:补|退|返|发)给(?:我|俺|额)(?!们)")

# the unit's money asked of as the asker's own or the unit's ("是厂里拿还是分给我", "为啥不给我")
MINE_OR_THE_UNITS = re.compile(r"还是(?:分|发|给|打)(?:给)?(?:我|俺|额)(?!们)|(?:为啥|为什么|咋)不(?:分|发|给)(?:给)?(?:我|俺|额)(?!们)")

# the money an agency gets, spoken of by the one it placed ("中介说政府每个人给他们200块")
AGENCY_PAID = re.compile(r"(?:经纪人|中介|劳务公司|职介|介绍所|服务公司|人力资源公司)[^。？?]{0,12}?(?:给|拿|领|补|报)[^。？?]{0,8}?"
                         r"(?:[0-9一二两三四五六七八九十百]+\s*(?:块|元)|钱|补贴|补助)|"
                         # "介绍他的那个公司说它能领钱"
                         r"(?:介绍|推荐)(?:他|她|我|俺|额)(?:的|去的)?(?:那个|那家)?(?:公司|中介|人)[^。？?]{0,6}?(?:能|可以)?"
                         r"(?:拿|领|得|报)(?:到)?(?:钱|补贴|补助)")


# the person asked about placed by an agency ("经村里的就业服务公司介绍去江苏", "中介介绍他去浙江")
PLACED_BY = re.compile(r"经[^，。,；;？?]{0,12}?(?:介绍|推荐)|(?:经纪人|中介|公司|介绍所)[^，。,；;？?]{0,4}?(?:介绍|推荐|带|送)"
                       r"(?:她|他|我|俺|额)")
# the agency that brought the speaker to the job ("当时是村里劳务经纪人带我们出来的", "是中介介绍俺去的"): who placed them,
# not what they are or whom they work for
BROUGHT_BY_AGENCY = re.compile(r"(?:经纪人|中介|劳务公司|职介|介绍所)[^，。,；;？?]{0,4}?(?:带|领|介绍|送)(?:我们|俺们|咱们|我|俺|额)"
                               r"(?:出来|出去|过来|过去|去|来|进)")
# a question why something is not given ("为啥不给", "咋申请不下来", "为什么我老公一分没有")
# interns kept on after the internship, with a contract ("见习完了我们想把表现好的那两个留下来，签两年劳动合同"): hired
# now, no longer interns
KEPT_ON = re.compile(r"(?:见习|实习)(?:完|结束|期满|到期)[^。？?]{0,16}?(?:留|签|招)|留(?:下|用)[^。？?]{0,12}?(?:签|合同|社保)")
# whether something is a condition of a benefit ("学员是不是必须考到证了才能拿这个补贴", "要不要交社保才给补"): the
# clause asked about, and the facts its words name (CONDITION_WORDS); a hypothetical, not a fact said
MUST_ASKED = re.compile(r"(?:是不是|是否|是必须|必须|一定(?:要|得)|非得|非要|要不要|需不需要|得不得)[^，。,；;？?]{0,14}?"
                        r"(?:才能|才可以|才给|才有|才行|才算|才发)")
CONDITION_WORDS = [
    (r"证|合格|结业", ("training_certificate", "got_qualification_certificate"), "取得证书（培训合格）"),
    (r"合同", ("labor_contract_signed", "contract_months"), "签劳动合同"),
    (r"社保|保险", ("insurance_paid",), "交社保"),
    (r"认定", ("employer_recognized",), "经认定"),
    (r"执照|注册|登记", ("business_registered",), "办执照（登记注册）"),
    (r"户口|户籍|本地人", ("home_province",), "本地户籍"),
]


def conditions_asked(text: str) -> list[tuple[tuple, str]]:
    """The facts a "是不是必须X才能…" question asks about, with the plain words for X."""
    m = MUST_ASKED.search(text or "")
    if not m:
        return []
    return [(facts, words) for pat, facts, words in CONDITION_WORDS if re.search(pat, m.group(0))]


WHY_NOT = re.compile(r"(为啥|为什么|为何|咋|怎么|凭啥|凭什么)[^，。？?]{0,12}(不给|不能|没有|没给|拿不到|领不到|申请不下来|不行|不批|报不了|一分|"
                     # (dialect: "为啥不中", "为啥不得行", "凭啥俺娃领不了")
                     # ("为啥贵州那3个不算", "凭啥他们不计")
                     r"不中|不得行|领不了|拿不了|不算|不计)")

# a benefit named as had already ("有3个今年已经领过求职补贴了"): history, not the question asked
HAD_BEFORE = re.compile(r"(?:领过|领了|拿过|拿了|享受过|享受了|报过|已经领|已领|贷了|贷过|办过|已经[^，。,；;？?]{0,4}?报了)")
# months beyond a benefit's longest period asked about ("后头那2个月还有补贴不", "社长能按12个月给报不")
BEYOND_ASKED = re.compile(r"(?:后头|后面|后边|剩下|多出来?|超出|超过)的?(?:那|这)?\s*[0-9一二两三四五六七八九十几]+\s*个月|"
                          r"按\s*[0-9一二两三四五六七八九十]+\s*个月(?:给)?(?:报|算|补|发)|(?:能|可以)?一直(?:领|拿|补|报)到")
# the fee of a course ("学费", "培训费"): of a training when the person takes one, not of a technical school
COURSE_FEE = re.compile(r"学费|培训费|报名费")
# a school or course the person will not take ("要是不读技校，先去学汽修"): not the question asked
NOT_TAKEN = re.compile(r"(?:不|没|冇|不想|不打算)(?:去)?(?:读|上|念|进)(?:了)?")
# a question whether it is too late to apply ("现在去还来得及不", "还能补报吗"): the benefit's status and window
# "爱心单位有10万，我们公司够不够格": asked whether they qualify for a benefit they name
QUALIFY_ASKED = re.compile(r"够不够格|够格|够资格|有没有资格|有资格|符不符合|能不能评|能评上|评得上|评不评得上")
# "拿好多", "要等好久才能拿": a question of amount or time, not of papers; and the words that ask for papers
# more people besides those a unit spoke of before ("还有一个也是建档立卡的", "又招了2个", "另外还有3个"), not "还有一个问题"
# (not the rest of a count said as not of its class: "其中建档立卡贫困户20个，另外10个不是")
MORE_PEOPLE = re.compile(r"(?:还有|另外(?:还有)?|[又再](?:新)?(?:招|来|雇|收|进|介绍|送)(?:了|进)?)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)"
                         r"(?!问题|事|补贴|政策|情况|地方|班|期|课|项|样|条|批次|(?:人)?(?:都|也)?(?:不是|并不是|不算))")
# one or some of a unit's people counted before, asked about by their own time ("走了那仨里头有一个干了十一个月…这个也不给
# 算", "那七月来的那个，啥时候能给算上"): their case, not the unit's facts
SOME_OF_COUNTED = re.compile(r"(?:那|这)(?:仨|俩|[0-9一二两三四五六七八九十]+\s*个)(?:人)?(?:里头|里面|里边|当中|中间|里)[，,]?(?:有)?\s*"
                             r"(?:[0-9一二两三四五]|一)\s*个|"
                             # "摘棉花那4个回来以后，9月份我们又把其中3个介绍到洛川摘苹果": some of them placed again
                             r"(?:那|这)(?:仨|俩|[0-9一二两三四五六七八九十]+\s*个)(?:人)?[^。？?]{0,16}?(?:又|再)(?:把|给)?其中\s*"
                             r"(?:[0-9一二两三四五]|一)\s*个|"
                             r"^\s*(?:那|这)[^，。,；;？?]{1,8}?的那(?:一)?(?:个|位|俩|仨)(?!月)|"
                             # "见习八个月那个为啥只给算六个月": one of a unit's groups named by its time
                             r"^\s*[^，。,；;？?那这]{1,6}?[0-9一二两三四五六七八九十]+\s*个(?:多)?月(?:的)?那(?:一)?(?:个|位)(?!月)")
COUNTED_ASKED = re.compile(r"(?<!满打满)算(?!满)|能(?:再)?拿|能(?:再)?报|能(?:再)?领|给不给")
# (by their own time: "干了十一个月", "七月来的"; not "有3个已经领了求职补贴", a fact of the unit's count that stays)
TIME_OF_SOME = re.compile(r"[0-9一二两三四五六七八九十半]+\s*个?(?:多)?月|半年|[0-9一二两三四五六七八九十]+\s*年")
# when one of a unit's people not counted yet will be ("那七月来的那个，啥时候能给算上"): the benefit's own question
WHEN_COUNTED = re.compile(r"(?:啥|什么|哪)(?:时候|会儿)(?:才)?(?:能|可以)?(?:给)?(?:(?:算|计)(?:上|进|进去|数)|(?:报|申请|领)(?!名))")
# the money of a training's days ("学员来听课这些天的饭钱路费", "培训那几天的车费饭钱"): the training allowance, not
# travel to work
TRAINING_DAYS = re.compile(r"培训|学员|上课|听课|上的课|学的时候|学手艺|学技术|开班|去[^，。,；;？?]{0,6}?学|"
                           r"学(?:个|门)?(?:电工|电焊|焊工|厨师|开车|挖机|挖掘机|月嫂|育婴|家政|理发|面点|修车|汽修)")
DAYS_MONEY = re.compile(r"饭钱|吃饭|伙食|饭费|生活费|住宿|这些天|那几天|这几天|期间|(?:每天|一天)[^，。,；;？?]{0,4}?(?:多少|几多|好多|钱|块|元)")
# social insurance the worker pays ("厂里每个月扣我社保300块", "从我工资里扣", "我个人交的那部分"): not the unit's
PERSONAL_SHARE = re.compile(r"扣我|从我[^，。,；;]{0,6}?扣|(?<!给)我(?:自己|个人|本人)?(?:交|缴|出)的|"
                            r"(?<!厂里)(?<!厂)(?<!单位)(?<!公司)(?<!企业)(?<!老板)(?:自己|个人)(?:交|缴|出|部分|那部分|那块)|"
                            r"代扣|扣的这|扣了我")
# days of a training missed ("中间有3天屋里有事冒去", "请了2天假", "缺了两天课"); MISSED_VERBS: 请/缺/落
MISSED_VERBS = r"请|缺|落"
DAYS_MISSED = re.compile(r"(?:有|其中|中间有)?\s*((?:[0-9]+|[一二两三四五六七八九十]+)\s*天)(?:(?![0-9一二两三四五六七八九十]+\s*天)[^，。,；;？?]){0,10}?(?:没|冒|冇|未|没有|没得)\s*(?:去|来|上课|参加)|"
                          rf"(?:{MISSED_VERBS})(?:了)?\s*((?:[0-9]+|[一二两三四五六七八九十]+)\s*天)")
# turned away by employers ("厂里人家嫌他年纪大不要他", "出去找活都不要")
TURNED_AWAY = re.compile(r"(?:人家|厂里|厂子|老板|单位|公司|都)(?:也|都)?(?:嫌[^，。,；;？?]{0,6}?)?(?:不要|不收|不招|不用)(?:他|她|我|俺|人)?")
# the years of school a total is asked for ("念三年一共能拿多少", "还得念三年")
# (a WeChat space, read as a comma, may come between: "念三年 国家能给补多少")
SCHOOL_YEARS = re.compile(r"(?:念|读|上)\s*([0-9一二两三四五六]+)\s*年(?![级班工])(?=[^，。,；;？?]{0,6}?(?:一共|总共|加起来|能拿|能领|多少|好多|几多)|"
                          # (a total asked after the comma is the last alternative's: "念三年，总共能补多少")
                          r"[，,](?![^。；;？?]{0,16}?(?:一共|总共|加起来))[^，。,；;？?]{0,8}?(?:能拿|能领|能给|多少|好多|几多))|"
                          r"还(?:得|要)(?:再)?(?:念|读|上)\s*([0-9一二两三四五六]+)\s*年|"
                          # the years a child has been at school ("儿子念了三年，2021年秋天入学"), not a job's ("上了三年班")
                          r"(?:念|读)(?:了|过|完)\s*([0-9一二两三四五六]+)\s*年(?![级班工])|"
                          # "三年制的…三年下来一共多少": the years the total is asked for
                          r"(?<![0-9一二两三四五六七八九十])([二两三四五六2-6])\s*年(?:下来|读完|念完|算下来)?\s*(?:一共|总共|加起来|合计)|"
                          # "那个3000是一回性的还是年年有？他学制三年": whether it is every year, over the course's years
                          r"(?:一回性|一次性|年年|每年)[^。]{0,20}?学制\s*([二两三四五六2-6])\s*年|"
                          r"学制\s*([二两三四五六2-6])\s*年[^。]{0,20}?(?:一回性|一次性|年年|每年|一共|总共)|"
                          # ("这40个孩子读两年，这个每年3000的补助一共多少": the total asked in the clause after)
                          r"(?:念|读|上)\s*([0-9一二两三四五六]+)\s*年[，,\s]+(?=[^。；;？?]{0,16}?(?:一共|总共|加起来)(?:能拿|能领|是)?(?:多少|好多|几多))")
# one child's years of school still to come ("小的还得念三年", "大的还有一年就毕业了"), not a grade ("念二年级")
CHILD_SCHOOL_YEARS = re.compile(r"(?:念|读|上)\s*([0-9一二两三四五六]+)\s*年(?!级)|还有\s*([0-9一二两三四五六]+)\s*年\s*(?:就)?毕业")
# which time of the year a benefit is asked for ("第三次还能报不")
OCCURRENCE_ASKED = re.compile(r"第\s*([二两三四五六2-6])\s*(?:次|回|趟)(?=[^，。,；;]{0,8}?(?:报|领|申请|享受|补|给|算))")
# a second claim of the year asked about ("第二趟的车票能不能再报一回", "今年还能再领一次不"): not a second trip alone
# ("还能不能再申请一次性求职补贴": 一次性 names the benefit, not a second time)
CLAIM_AGAIN = re.compile(r"(?:第\s*[二两2]\s*(?:次|回|趟)|又|再)[^，。,；;？?]{0,10}?(?:再|还)(?:能|可以)?(?:报|领|申请|享受)(?:一|1)(?:次|回|趟)(?!性)|"
                         r"(?:能不能|能|可以|可不可以)再(?:给(?:我|俺|咱)(?:们)?)?(?:报|领|申请|算)(?:一|1)(?:次|回|趟)(?!性)|"
                         # had this year, then asked again: "干满半年已经拿过补贴了…又是我介绍的…我还能再拿200不"
                         r"已经?(?:拿|领|报|申请)过[^？?]{0,60}?(?:还|又)(?:能|可以)?再(?:拿|领|报|申请)|"
                         # ("镇上已经给俺报了…九月份俺又换到浙江宁波…这回还能再报不")
                         r"已经(?:给(?:我|俺|额|咱)(?:们)?)?(?:拿|领|报|办|申请)了[^？?]{0,60}?(?:这回|这次|这趟)(?:还|又)(?:能|可以)?再(?:拿|领|报|申请)")
# another agency claiming for the same persons ("另一个经纪人老刘也跟着一起带的这批人，他讲他也要报", "我们两个是不是都可以
# 各报一次"): the second claim of the year for each of them
SECOND_CLAIMANT = re.compile(r"(?:另(?:外)?(?:一)?(?:个|家|位)|别的|别家)\s*(?:经纪人|中介|劳务公司|公司|机构|人力资源)"
                             r"[^。？?]{0,30}?(?:也要报|也报|也想报|也能报|也去报|也要领|也想领|要报)")
# one placement of a person by an agency ("介绍去果汁厂", "给他介绍到另一个厂")
PLACED_TO = re.compile(r"介绍(?:他|她)?(?:去|到)")
# a group placed somewhere by the one asking (an agency's placements, not its hires: "建档立卡贫困户12个，送到广东东莞电子厂")
PLACED_IN_ROW = re.compile(r"送到|送去|送往|介绍到|介绍去|介绍进|输送到|输出到|带到|带去")
# people of a unit who do not work in it ("入社社员…拿地入股年底分红，不在社里上班")
NOT_AT_WORK = re.compile(r"不在(?:社|厂|公司|车间|基地|单位)?(?:里|内)?(?:上班|干活|做事|务工)|(?:只|光)(?:是)?(?:入股|分红)|"
                         r"入股分红|年底分红|不干活|不上班")
# a message that corrects what was said before ("不对", "说错了", "搞错哒")
# a case put to the bot ("要是我们还不是就业扶贫基地呢"): the last answer as it would stand then
HYPOTHETICAL = re.compile(r"^\s*(?:那)?(?:要是|如果|假如|若是|假设|万一)")
# ("东莞那边 我再核了一下 是10个": checked again, the number said now)
CORRECTION_WORDS = r"不对|说错|搞错|弄错|记错|写错|打错|更正|纠正|说混|看错|算错|填错|听错|数错|讲错|搞混|记混|" \
    r"(?:再|又|重新)核(?:对|实)?了?(?:一)?下|核(?:对|实)了一下|重新(?:数|算|核)了|" \
    r"整差|整错|记岔|说岔|看岔|弄岔|搞岔|岔劈|改口"     # (dialect: "整差了 …俺记岔劈了", "俺把数看岔了")
CORRECTION = re.compile(CORRECTION_WORDS)
# a fact added to the case said before ("来电人补充：…", "忘了说了，…")
# (or a fact said and asked whether it changes anything: "对了 俺2016年…也办过个体执照…这个影响不")
SUPPLEMENT = re.compile(r"补充|忘了说|忘说了|漏说了|还得说一下|再说一下|又想起来|想起来了|刚想起来|"
                        r"(?:这个|这)?影响不|有没有影响|有影响(?:不|吗|没)|影响吗|影不影响|会不会影响")
# another class or course of the same school, asked after one ("那我们还有一期IYB，20个人"): its own hours, days and people
ANOTHER_COURSE = re.compile(r"(?:还有|另外(?:还有)?|另|又(?:办|开|搞)了?|还(?:办|开|搞)了)\s*(?:一|1|个)?\s*(?:期|个班|个培训班|批学员)|另一期|另一个班|"
                            # a class still to come ("明年我们还想办一期两个月的中期培训")
                            r"(?:还|再)(?:想|要|打算|准备|计划)(?:办|开|搞)\s*(?:一|1|个)?\s*(?:期|个班|个培训班)|"
                            # "另外还有个IYB班15个人": a class named by its course
                            r"(?:还有|另外(?:还有)?|又(?:办|开|搞)了?)\s*(?:一)?个\s*(?:SYB|IYB|syb|iyb|[\u4e00-\u9fff]{1,6}?)班")
# the same question asked for another person ("俺表妹也跟俺一搭去的…她能报不", "那我老婆呢")
# people the asker knows who are not of the household ("我村里还有个伙计", "听湖南的亲戚讲")
ACQUAINTANCES = r"伙计|朋友|老乡|同学|熟人|工友|邻居|同行|哥们|兄弟|亲戚"
# a class said of an acquaintance's household, not the asker's ("她女儿同学家是建档立卡的，说人家就能贷十万")
ACQUAINTANCE_CLASS = re.compile(rf"(?:{ACQUAINTANCES}|隔壁)(?:家|家里|那家)(?:是|也是|都是|就是|人是)?(?:个|的)?$")
# a unit asking for someone else of its kind ("我村里还有个伙计，也是自己跑着带人出去打工，可他没注册公司…他能领这个补贴不")
ANOTHER_UNIT = re.compile(rf"(?:还有|有)(?:个|一个|位)(?:{ACQUAINTANCES})[^？?]{{0,40}}?(?:他|她)(?:能|可以|也能)"
                          r"(?:领|拿|报|享受|申请)(?:这个|那个)?(?:补贴|补助|钱)?")
# another unit of the same asker ("我们老板在保靖县另外注册了一家加工厂", "我们另一个厂"): its own people and place
OUR_OTHER_UNIT = re.compile(r"(?:另外|另|又|还|单独|独立)(?:注册|开|办|成立|建)(?:了)?(?:一|1)?(?:家|个)[^，。,；;？?]{0,6}?(?:厂|公司|车间|合作社|基地|工坊)|"
                            # (the asker's own: not "又给他介绍到另一个厂", a job's)
                            r"(?:我们|俺们|咱们|老板)(?:的|还有|有)?(?:另一|另外一)(?:家|个)(?:分)?(?:厂|公司|车间|合作社|基地|工坊)|"
                            # ("我们在花垣县还有个单独注册的子公司")
                            r"(?:还有|另有|另外有)(?:一)?(?:个|家)[^，。,；;？?]{0,8}?(?:子公司|分公司|分厂)")
# the other person of the household is at home, not at the asker's job ("她在屋里看娃和老人，走不开，想在家门口挣点钱")
STAYS_HOME = re.compile(r"(?:她|他)[^，。,；;？?]{0,4}?在(?:屋里|家里?|屋头|家头)|走不开|(?:没|没有|冇|不)(?:上班|工作|出去|出门)|"
                        r"(?:在|就在)家门口")
ANOTHER_PERSON = re.compile(rf"(?:她|他)(?:能|可以|也能|也可以)(?:报|领|拿|享受|申请)|(?:那|还有)?(?:我|俺|咱)?(?:{RELATIVES})(?:呢|也)|"
                            # "她老公…能不能也领一份"
                            r"(?:能不能|可不可以)也(?:领|报|拿|享受|申请)|也(?:能|可以)?(?:领|报|拿)一份")
# the sum asked for ("我俩一个月加起来多少", "两个娃一共能拿多少")
TOTAL_ASKED = re.compile(r"加起来|加一起|加到一起|一共|总共|合计|共计|统共|拢共|总的|一起算")
AMOUNT_OR_WHEN = re.compile(r"多少|好多|几多|多少钱|等好久|等多久|多长时间|多久|啥时候能|什么时候能")
# an amount asked beside the papers ("一次性奖补咋算？要准备啥材料")
AMOUNT_ASKED = re.compile(r"咋算|怎么算|如何算|多少|好多|几多|能拿|能领|能补|给多少|补多少|有多少")
# whether a benefit is there at all ("她去宝鸡有没有路费补助？"): its answer, not only where to apply
WHETHER_GIVEN = re.compile(r"(?:有没有|有没得|有冇得?|有无)[^，,。；;？?]{0,8}?(?:补助|补贴|钱|奖补|路费|车费)")
LATE_ASKED = re.compile(r"来得及|来不来得及|赶得上|赶不赶得上|(?:还|现在)(?:能|可以)(?:补)?(?:报|申请|领|办)|补报|补申请|"
                        r"晚(?:了|不晚)|过期|过了(?:申请)?(?:时间|期限|时限)")
# "选哪个划算": which of two benefits that exclude each other is better
WHICH_BETTER = re.compile(r"选哪个|哪个划算|哪个合算|哪个更划算|哪个多|报哪个|申请哪个")
# a worker about to work for someone ("想去海口那边做工", "准备出去打工")
GOING_TO_WORK = re.compile(r"(?:想|要|准备|打算)(?:去|到|出去)?[^，。,；;？?]{0,8}?(?:做工|打工|上班|务工|干活|找活|找工作|进厂)")
# several people in one message (assistant/persons.py): one of several children, the asker's spouse with the asker,
# and the groups a unit or an agency counts, each with its own contract or time ("有2个签的是8个月的，其余4个是一年")
CHILD_OF_SEVERAL = re.compile(r"大的|老大|大儿子|大女儿|大闺女|大娃|大崽|大孩子|小的|老二|老小|老幺|小儿子|小女儿|小闺女|小娃|小崽|"
                              r"二娃|二儿子|二女儿|小孩子|大小子|二小子|小小子|老儿子|二闺女|大丫头|二丫头|小丫头|"
                              r"老三|老四|三娃|三儿子|三女儿|三闺女|三丫头|"
                              # (湖南: 大伢 the elder, 细伢子 / 满伢 the younger)
                              r"大伢子|大伢|细伢子|细伢|小伢子|小伢|满伢子|满伢|二伢子|二伢|细的|细崽|"
                              # (陕南: 大女子 the elder daughter, 二娃子 the second child)
                              r"大女子|二女子|小女子|大娃子|二娃子|小娃子|"
                              # (海南 / 粤: 大仔 the elder son, 小妹 / 细妹 the younger daughter)
                              r"大仔|二仔|细仔|小仔|大妹|细妹|小妹|"
                              # (湖南: 妹子 the daughter beside 大伢子; 重庆/四川: 大娃儿 the elder, 幺妹 the youngest)
                              r"妹子|大娃儿|幺妹|幺儿")
# (the longest word first: "二娃子" is not "二娃" and a 子 left over)
CHILD_OF_SEVERAL = re.compile("|".join(sorted(CHILD_OF_SEVERAL.pattern.split("|"), key=len, reverse=True)))
# a trip's money asked ("来回车票好几百能给报路费不"), a trip to work, and a training said (turn: 绥化's training travel)
TRIP_MONEY = re.compile(r"路费|车费|车票|机票|交通费|交通补")
# going out to work said just before the trip's money ("培训完我准备去广东佛山打工 路费有没有补助", "去广东东莞进厂了…问有没有路费
# 补助"): the trip to the job, not the training's days
# (or gone to a factory in a hired bus: "劳务公司包了一台车带我们一车人去广东东莞的电子厂")
_TO_WORK = re.compile(r"打工|务工|进厂|上班|做工|做事|找工作|(?:去|到)(?:了)?[^，。,；;？?\s]{1,12}?的?(?:电子厂|工厂|厂子|工地)|"
                      r"包(?:了)?[^，。,；;？?\s]{0,3}?(?:大巴|客车|专车|车)")


def trip_to_work(text: str) -> bool:
    # ("那要是去邵阳市里的厂呢 算不算跨区": whether a job's move is far enough for the travel money)
    return any(_TO_WORK.search((text or "")[max(0, m.start() - 60):m.start()]) for m in TRIP_MONEY.finditer(text or "")) or \
        bool(re.search(r"算(?:不算)?跨(?:县|区|市|省)", text or ""))
WORK_TRIP = re.compile(r"打工|务工|上班|做工|干活|进厂")
TRAINING_SAID = re.compile(r"培训|学(?:了|个|门|手艺|技术|厨|电|焊)|班|课")
SPOUSE_WORDS = r"(?:老婆|媳妇|爱人|男人|老公|对象|老伴|丈夫|婆娘|堂客)"
# the family a person speaks of: spouse, parents, children, siblings ("她妈…她爸…", "她老公能领不", "是俺哥的名")
FAMILY_WORDS = rf"(?:{SPOUSE_WORDS}|妈|爸|娘|爹|母亲|父亲|儿子|女儿|闺女|哥|姐|弟|妹)"
# the business of the person switched to, spoken of before ("他媳妇那个公司要是招了…"): its facts are theirs
THEIR_UNIT_AGAIN = re.compile(rf"(?:他|她|我|俺)?(?:的)?{FAMILY_WORDS}?(?:的)?(?:那个|那家|这个|这家)"
                              r"(?:公司|厂子|厂|店|合作社|企业|车间|养殖场)")
SPOUSE = re.compile(r"(?:我|俺)(?:家)?" + SPOUSE_WORDS)
# a person asked about named as the household's husband or wife ("您老婆", "您老公", "她男人"): no child of the household
# (海南's 贫困家庭子女)
SPOUSE_LABEL = re.compile(r"(?:您|我|俺|额|他|她)?(?:家|屋里)?(?:的)?(?:老婆|媳妇儿?|爱人|男人|老公|丈夫|婆娘|堂客|老伴儿?)")
# one of a unit's people said to be of no poor household ("王某 普通户 干两年多了", "刘某，本县普通户")
PLAIN_HOUSEHOLD = re.compile(PLAIN_HOUSEHOLD_WORDS + r"|不是(?:建档立卡|贫困户|脱贫户)")
# the unit's kind corrected to a company ("营业执照其实是农业有限公司，不是合作社", "我们是公司不是个体户")
UNIT_KIND_FIX = re.compile(r"(?:其实|实际上?|本来)?是([^，。,；;？?]{0,8}?(?:有限公司|有限责任公司|公司|企业))[，,]?(?:不是|并不是|而不是)"
                           r"(?:农民专业)?(?:合作社|个体户?|个体工商户|家庭农场)")
# some of a unit's staff by the place of their household register ("里头7个是千阳县户口的脱贫户", "有3个户籍在凤翔")
STAFF_REGISTERED_AT = re.compile(r"[0-9一二两三四五六七八九十几]+\s*(?:个|名|位)(?:人|工人|员工)?(?:是|的)?[^，。,；;？?]{0,10}?(?:户口|户籍)")
# the asker speaking of themself beside a relative ("还有俺自己想参加…培训"): a person of their own (persons)
MYSELF = re.compile(r"(?:俺|我|额)自己|(?:俺|我)本人")
# a spouse named by the caller for someone else too ("她老公今年3月去广东东莞"): an operator speaking for a caller
SPOUSE_OF_ANY = re.compile(r"(?:她|他|我|俺)(?:家)?" + SPOUSE_WORDS)
# the asker and their spouse, both alike in what is asked ("我们两口子都是建档立卡贫困户", "我跟我堂客都…都去 培训二十天",
# "那我俩先都去参加创业培训"): two persons of one case, each paid a person's amount (not who they both are: "俺两口子都是
# 建档立卡户" says the household's class)
BOTH_ALIKE = re.compile(rf"(?:(?:我|俺|咱|额)(?:们)?(?:家)?两口子?|(?:我|俺|咱|额)(?:们)?(?:俩|两个|两人|两口)(?!个?(?:孩子|娃|崽|伢))(?:人)?|"
                        rf"(?:我|俺|额)(?:跟|和|同|与)(?:我|俺|额)?(?:家)?(?:的)?{SPOUSE_WORDS}(?:俩|两个|两人)?)"
                        r"[^，。,；;？?]{0,4}?(?:都|一起|一块)(?!是|算|属于|为)")
# the fare of two tickets said in one sum ("两张票一共花了760", "俩人的车票加起来七百六"): two persons' fares, when two
# travel together (BOTH_ALIKE, "俺俩一块去"): each one's is half of it
TWO_TICKETS = re.compile(r"(?:两|2|俩)\s*(?:张|个人的?|人的?)\s*(?:火车|汽车|大巴|高铁|动车|飞机)?(?:票|车票|机票|路费|车费)"
                         r"(?:钱)?[^，。,；;？?0-9]{0,8}$")
# a course's trainees who left at some days and the rest who came every day, said again in a correction ("电工班中途走
# 的是5个不是3个，都是上了8天走的，其余23个上满30天"): (left, their days), (the rest, their days)
LEFT_AT_DAYS = re.compile(r"(?:走|离开|退出|退学|没上完)的(?:是)?\s*([0-9一二两三四五六七八九十]+)\s*个[^。？?]{0,12}?"
                          r"(?:上了|来了|到了|上)\s*([0-9一二两三四五六七八九十]+)\s*天")
REST_AT_DAYS = re.compile(r"(?:其余|剩下|其他|另外)(?:的)?\s*([0-9一二两三四五六七八九十]+)\s*个[^，。,；;？?0-9]{0,4}?"
                          r"(?:上满|来满|上完|上了|到了)(?:了)?\s*([0-9一二两三四五六七八九十]+)\s*天")
# a group said to be 农村低收入人口 put right as no such people ("他说的那3个“低收入”其实是本村一般户，不在农村低收入人口名单
# 里"): (the group's count)
LOW_INCOME_DENIED = re.compile(r"([0-9一二两三四五六七八九十]+)\s*个\s*[“\"']?(?:农村)?低收入(?:人口|户|的)?[”\"']?"
                               r"[^。？?]{0,6}?(?:其实|实际上?)?(?:是|算)(?:本村|村里)?(?:的)?(?:一般户|普通户|普通农户|一般农户|"
                               r"普通村民|一般村民)")
# another class of a school, told of with its own people ("还有一个SYB创业培训班", "另外还办了一期IYB")
ANOTHER_CLASS = re.compile(r"(?:还有|另外|又|另)(?:还)?(?:办了|开了|搞了)?(?:一|1)(?:个|期)[^，。,；;？?]{0,12}?(?:班|培训)")
BOTH_OF_US = re.compile(r"俩|两个|两人|二人|加起来|一共|合计|两口子|我们两")
COUNTED_GROUP = re.compile(r"(?:有|其中|其余|剩下|另外|还有)?(?<![0-9一二两三四五六七八九十另每这那])([0-9一二两三四五六七八九十]+)个"
                           r"(?!多?月|半月|厂|公司|单位|地方|车间|工地|活)(?:人)?(?:是|都)?(?=[^，。,；;？?]{0,12}?"
                           r"(?:签|合同|干了|干满|干够|做了|上班|在岗|[0-9一二两三四五六七八九十半]+(?:个)?(?:月|年))"
                           # "25个脱贫户去新疆摘棉花，干了4个月": the time in the clause right after
                           # ("6个是建档立卡的，都干了一年多了，另外2个是边缘户，来了半年")
                           # ("20个，到现在稳定干了8个月")
                           r"|[^，。,；;？?]{0,16}?[，,]\s*(?:到现在|到目前|现在|目前|一直)?(?:都|也|才|只|已经|都已经)?(?:稳定|稳稳)?"
                           r"(?:干了|干满|干够|做了|摘了|待了|来了)\s*"
                           r"[0-9一二两三四五六七八九十半]+(?:个)?(?:月|年))")

# a unit of one kind asking to claim as another ("那俺们能不能改成按基地去领", "要是按帮扶车间来算呢"): the kind (group 1)
AS_KIND = re.compile(r"(?:改成|换成|算成|当成|改为)?按(?:照)?((?:就业帮扶|帮扶|扶贫|就业扶贫)?(?:基地|车间)|社区工厂|社区工场)"
                     r"[^，。,；;？?]{0,3}?(?:去|来)?(?:领|报|申请|算|享受)")
# "这两个补贴能一起拿吗", "能叠起来不", "冲突不": a question whether benefits combine
COMBINE_Q = re.compile(r"一起(拿|领|享受|报|申请)|同时(拿|领|享受|报|申请)|一块(领|拿|办)|都(能)?(拿|领|享受)|叠(起来|加)|兼得|冲突|"
                       r"另外(再)?(报|领|申请)一份|再(报|领|申请)一份|"
                       + WHICH_BETTER.pattern)


# --- a unit's groups and batches, and a few words of time and schooling (the words of assistant/ modules)
# a group named by its place and asked why it is left out ("南寨那4个为啥不给")
WHY_GROUP = re.compile(r"([\u4e00-\u9fff]{0,6}?)(?:来的|过来的|的)?(?:那|这)\s*([0-9一二两三四五六七八九十]+)\s*个(?:人)?\s*"
                       r"(?:为啥|为什么|咋|怎么|凭啥|为何)(?:就)?(?:不|没)")
# the short contract said again of another group ("签8个月的是南寨那4个")
CONTRACT_SWAP = re.compile(r"签(?:了|的)?\s*((?:[0-9]+|[一二两三四五六七八九十半]+)\s*(?:个)?(?:多)?(?:月|年)(?:半)?)(?:劳动)?(?:合同)?的"
                           r"(?:其实)?(?:是|为)\s*([\u4e00-\u9fff]{2,6}?)(?:来的|过来的|的)?(?:那|这)\s*([0-9一二两三四五六七八九十]+)\s*个")
# a group said again with a longer contract than before ("五月那俩脱贫户签的是两年的合同 不是半年")
# ("去年那仨签的也是一年的，不是半年")
CONTRACT_LONGER = re.compile(r"(?:那|这)\s*(俩|仨|[0-9一二两三四五六七八九十]+\s*(?:个|名|位))[^，。,；;？?]{0,8}?签(?:了|的)?(?:也|都)?(?:是)?\s*"
                             r"((?:[0-9]+|[一二两三四五六七八九十]+)\s*(?:年|个月))(?:的)?(?:劳动)?(?:合同)?[，,\s]*(?:不是|而不是)\s*"
                             r"(半年|(?:[0-9]+|[一二两三四五六七八九十半]+)\s*(?:个)?月)")
# the same, the short contract first ("那3个签的不是半年 是两年的合同"): the count, the months it was, the months it is
CONTRACT_LONGER_AFTER = re.compile(r"(?:那|这)\s*(俩|仨|[0-9一二两三四五六七八九十]+\s*(?:个|名|位))[^，。,；;？?]{0,8}?签(?:了|的)?\s*"
                                   r"(?:不是|并不是)\s*(半年|(?:[0-9]+|[一二两三四五六七八九十半]+)\s*(?:个)?月)(?:的)?(?:合同)?[，,\s]*"
                                   r"(?:而)?是\s*((?:[0-9]+|[一二两三四五六七八九十]+)\s*(?:年|个月))(?:的)?(?:劳动)?合同")
# a group named by its place ("邵阳那4个", "贵州来的那3个")
PLACE_GROUP_NAMED = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:来的|过来的|的)?那\s*([0-9一二两三四五六七八九十]+)\s*个")
# a job taken after being out of work and kept to now ("我前年在镇上登记了失业 后来县上一个人力资源公司免费介绍我去浙江宁波的
# 厂里 签了合同一直干到现在"): at work now (the registration is what they were when placed)
AT_WORK_SINCE_AFTER = re.compile(r"(?:后来|之后|然后|再后来)[^。；;？?]{0,40}?(?:一直(?:干|做|上班)(?:到现在|到今天|至今|着)|"
                                 r"(?:干|做|上班)到(?:现在|如今|今天))")
# a business running since a time said before ("一直干到现在", "开到现在", "一直开着")
RUN_SINCE = re.compile(r"一直(?:干|开|做|经营|营业)(?:到现在|到今天|至今|着)|(?:干|开|做|经营)到(?:现在|如今|今天)")
# a group named by its date ("那四月来的那4个")
GROUP_BY_ITS_DATE = re.compile(r"(?:那|这)?[^，,。；;？?\s]{0,8}?(?:来|进来|招|进厂)的(?:那|这)\s*([0-9一二两三四五六七八九十]+|俩|仨)\s*(?:个)?")
# a batch's months or count corrected ("第二批…其实是见习了4个月…不是3个月", "第一批是4个人")
BATCH_MONTHS_FIX = re.compile(r"第([一二两三1-3])\s*(?:批|拨)[^。；;？?]{0,16}?(?:其实|实际)?(?:是)?(?:见习|干)(?:了)?\s*"
                              r"((?:[0-9]+|[一二两三四五六七八九十半]+)\s*个?(?:多)?月)[^。；;？?]{0,10}?不是\s*"
                              r"((?:[0-9]+|[一二两三四五六七八九十半]+)\s*个?(?:多)?月)")
BATCH_COUNT_FIX = re.compile(r"第([一二两三1-3])\s*(?:批|拨)(?:其实|实际)?(?:是|有)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)")
# the years of a school asked with their total ("那闺女要是念三年，总共能补多少")
SCHOOL_YEARS_TOTAL = re.compile(r"(?:念|读|上)(?:上|满|完)?\s*([0-9一二两三四五六七八九十]+)\s*年[^。？?]{0,10}?(?:总共|一共|加起来|合计|总的|全部)")
# the years a benefit is asked for ("能返几年", "补满3年")
# the most a yearly benefit comes to over the years it runs, asked ("最多能返多少钱，能返几年", "三年一共能返多少")
# (not "能返多少、返几年" alone: the yearly amount and its years, as one writer reads it)
MOST_OVER_YEARS = re.compile(r"(?:最多|最高|一共|总共)(?:能|可以)?(?:返|补)(?:多少|好多|几多)[^。？?]{0,12}?(?:几年|多少年|多长时间)|"
                             r"(?:几年|多少年|多长时间)[^。？?]{0,12}?(?:一共|总共|最多)(?:能|可以)?(?:返|补)(?:多少|好多)")
YEARS_ASKED = re.compile(r"(?:返|补|领|拿|享受|给|报)(?:上|满|够)?\s*([0-9一二两三四五六七八九十]+)\s*年(?!以上|以内|内|前|底|初)")
# the asker's child ("俺女子", "我家儿子")
# a member of a household named at the start of a clause when an asker tells of several of them, each with their own
# facts ("娃他爸今年三月到镇上的社区工厂上班咧 签了一年合同 娃上个月去县上参加电焊培训…儿媳妇今年五月办了营业执照",
# "我屋里的在镇上一个企业做活路…我娃子二十二了", "俺闺女前年高中毕业…还有俺家老头今年四月份进了村里的扶贫车间"):
# the asker's (or the caller's) word for them, said at a clause's start and followed by what they did
_HOUSEHOLD_OWN = r"(?:我|俺|额|她|他)(?:家|屋里)?(?:的)?"
_HOUSEHOLD_BARE = (r"娃他爸|娃他妈|娃她妈|娃她爸|孩子他爸|孩子他妈|孩子她妈|儿媳妇|儿媳|女婿|"
                   # ("大儿子在宝鸡技师学院上学", "二闺女", "小孙子")
                   r"(?:大|二|三|四|小)?(?:孙子|孙女|儿子|女儿|闺女)|(?:大|二|三|小)(?:小子|丫头|娃)|"
                   r"娃子|娃儿|孩子|老伴儿?|老头子?|老太婆|老婆子|媳妇儿?|娃|老公|丈夫|婆娘|堂客|"
                   # (a son in 湖南, "我崽学电焊")
                   r"崽|伢子|"
                   # (a daughter in 陕西, said bare: "女子去年六月大专毕业")
                   r"(?:大|二|小)?女子(?=今年|去年|前年|上个?月|在|是|考|读|念|大学|大专|毕业)|"
                   # one named by the surname an officer or operator knows them by ("老张本人今年过完年就去…")
                   r"(?:老|小)(?!家|板|师|乡|人|年|是|在|公|婆|头|伴|太|大|二|三|四|幺|的|子|弟|妹|哥|姐|爸|妈|娘|爹|说|讲|问|要|也|还|都)"
                   r"[\u4e00-\u9fff](?:本人)?|"
                   # or by a name kept out of a record ("第一户 张XX 去年腊月进了…", "王某某")
                   r"[\u4e00-\u9fff](?:XX|xx|ＸＸ|某某|某)(?:本人)?|"
                   # or by surname and kinship ("王哥想在村里开个小民宿", "李姐")
                   r"(?<![他她我俺额家大二三四小老])[\u4e00-\u9fff](?:哥|姐|叔|婶|嫂)(?=想|今年|去年|前年|在|是|已经|刚|打算|准备|要)")
_HOUSEHOLD_OWNED = (rf"屋里的|屋里人|老婆|婆娘|男人|老公|爱人|对象|丈夫|堂客|女子|丫头|小子|老母亲|老父亲|母亲|父亲|老娘|老爹|"
                    rf"爸|妈|爹|娘|公公|婆婆|哥哥?|"
                    rf"弟弟?|姐姐?|妹妹?|{_HOUSEHOLD_BARE}")
_HOUSEHOLD_NEXT = (r"(?=[^，。,；;！!？?]{0,2}?(?:今年|去年|前年|大前年|上个?月|上礼拜|上周|这个月|这阵子?|这段时间|最近|眼下|现在|前些?年|在|去|到|是|想|打算|准备|"
                   r"要|也|已经|刚|还|才|参加|学|开|办|考|读|念|进|干|做|当|跟|和|那个|[0-9一二两三四五六七八九十]|"
                   # ("俺娃初中毕业，今年八月底…去江苏": where their schooling ended, then what they did)
                   r"(?:初中|高中|中专|职高|技校|大专|大学)(?:毕业|没毕业|念完|读完|上完)))")
# the husband and the wife of a couple said of as such ("两口子都是建档立卡贫困户。男的前年…；女的去年三月去长沙…"): each a
# household member at a clause's start, only beside words of a couple (a unit's "女的有5个" are its staff)
COUPLE_SAID = re.compile(r"两口子|俩口子|夫妻|夫妇|两公婆|公婆俩")
COUPLE_MEMBER = re.compile(r"(?:^|(?<=[，。,；;！!？?、：:]))(?:还有|另外|然后|那)?((?:男|女)(?:的|方))(?=[^，。,；;！!？?]{0,2}?"
                           r"(?:今年|去年|前年|大前年|上个?月|在|去|到|是|想|打算|准备|也|已经|刚|还|参加|学|开|办|进|干|做|当))")
HOUSEHOLD_MEMBER = re.compile(rf"(?:^|(?<=[，。,；;！!？?、：:]))(?:还有|另外|然后|再就是|再有|那|第[一二三四五1-5]户[，,：:]?)?"
                              rf"((?:{_HOUSEHOLD_OWN}(?:{_HOUSEHOLD_OWNED}))|(?:{_HOUSEHOLD_BARE}))"
                              rf"(?!们|俩|两个|仨){_HOUSEHOLD_NEXT}")
# the asker at a clause's start beside the household members they tell of ("我想贷款能贷多少", "我前年在镇上登记了失业")
# (what follows the asker or the caller named at a clause's start: a time, or what they did or mean to do)
_PERSON_CLAUSE_NEXT = (r"今年|去年|前年|大前年|上个?月|上礼拜|上周|前些?年|前阵子?|这阵子?|前几天|最近|在|想|打算|准备|要|也|已经|刚|还|"
                       r"参加|登记|办|开|干|当|学(?!校)|"
                       # ("额是今年6月10号去的江苏昆山电子厂": when the asker went)
                       r"是(?:今年|去年|前年|上个?月|[0-9一二三四五六七八九十]+月)")
HOUSEHOLD_SELF = re.compile(r"(?:^|(?<=[，。,；;！!？?、]))(?:还有|另外|然后|那)?((?:我|俺|额)(?:自己|本人|自个儿?)?)"
                            rf"(?={_PERSON_CLAUSE_NEXT}|是[^，。,；;！!？?]{{0,10}}?(?:户|人员|军人|毕业生|学生))")
# the caller an operator speaks for, at a clause's start beside the household members told of ("…老公今年三月份去广东…；
# 她自己上个月在县里参加了缝纫工就业前技能培训")
HOUSEHOLD_CALLER = re.compile(r"(?:^|(?<=[，。,；;！!？?、]))(?:还有|另外|然后|那)?((?:她|他)(?:自己|本人|自个儿?))"
                              rf"(?={_PERSON_CLAUSE_NEXT}|是)|"
                              # ("来电人说她和老公都是…。她上个月参加了…培训…；她老公…；她弟弟…": the caller plainly)
                              r"(?:^|(?<=[。；;！!？?]))((?:她|他))(?=今年|去年|前年|上个?月|上礼拜|上周|前阵子?|前几天|最近|已经|刚|参加|登记)")
MY_CHILD = re.compile(r"(?<=我|俺|额)(?:家|屋里)?(?:女子|女儿|闺女|儿子|娃|丫头|小子)")
# a worker's change of job ("今年三月跳到三亚一家酒店", "12月进了长沙经开区另一个厂", "后来换到一家物流公司"): the job
# after it is the one whose terms count now
JOB_SWITCH = re.compile(r"跳(?:槽)?到|换(?:到|成)(?:了)?|换了(?:个|一个|家|一家)|转到|后来(?:又)?(?:去|到|进)(?:了)?|"
                        # ("临时工干到十月底就不干了，十一月在宁波又找了个厂")
                        r"(?:又|重新)找了(?:个|一个|家|一家)(?=[^，。,；;？?]{0,4}?(?:厂|车间|公司|单位|活|工作))|"
                        r"又(?:去|到|进)了|进了[^，。,；;？?]{0,12}?(?:另|别)(?:一|外)?(?:个|家)|"
                        # ("…去江苏苏州电子厂干了三个月 没签合同…国庆过完回来进了俺村的社区工厂 签了一年合同")
                        r"回来(?:后|以后|之后)?(?:就)?(?:进了|进|去了|到了)(?=[^，。,；;？?]{0,10}?(?:厂|车间|公司|基地|合作社))|"
                        # ("…干到今年端午就辞了 八个多月 端午过后进了株洲一家厂")
                        r"(?:过后|以后|之后)(?:又)?(?:进了|去了|到了)(?=[^，。,；;？?]{0,10}?(?:厂|车间|公司|基地|合作社))")
# a grandchild told of after the children ("大儿子…；二女儿…；孙子今年24岁，在安康技师学院全日制读书"): a person of their own
GRANDCHILD_TOLD = re.compile(r"(?<=[，。,；;！!？?、])(?:孙子|孙女|外孙女?|重孙)")
# the same course as another member's ("也跟她报了同一个家政班")
SAME_COURSE = re.compile(r"(?:同一个|同一期|同一批|同个|一样的)[^，。,；;？?]{0,4}?(?:班|培训|课)")
# an owner who is poor himself, and his own loan ("老板本人就是建档立卡贫困户…老板想再贷点款扩大养殖")
OWNER_POOR = re.compile(r"(?:老板|法人|负责人)(?:本人|自己)?(?:就|也)?是[^，。,；;？?]{0,6}?(?:建档立卡|贫困户|脱贫户|贫困人口)")
# an owner who says he is poor himself, in the first person ("俺是望魁县的建档立卡贫困户…回村办了个…家庭农场")
OWNER_SAYS_POOR = re.compile(r"(?:我|俺|额|咱)(?:自己|本人)?(?:家)?(?:就|也)?是[^，。,；;？?]{0,8}?(?:建档立卡|贫困户|脱贫户|贫困人口|贫困劳动力)")
# the owner asking of their own start-up beside the unit's money ("问一下我自己创业有啥补贴公司招这些贫困户有啥奖励")
OWNER_OWN_ASKED = re.compile(r"(?:我|俺|额)(?:自己|本人|个人)(?:创业|开店|办厂|办企业|开公司|办公司|当老板)[^。？?]{0,6}?"
                             r"(?:有啥|有什么|有没有|能拿|能领|给不给|补贴|补助)")
OWNER_LOAN = re.compile(r"(?:老板|法人|负责人)(?:本人|自己)?[^，。,；;？?]{0,8}?贷")
# children counted by a parent ("两个崽，大的在长沙…细的…", "俺家俩娃"): the asker speaks for them
MY_CHILDREN = re.compile(r"(?:两|俩|三|仨|几)\s*个?\s*(?:崽|伢子?|娃子?|娃儿|孩子|小孩|儿子|女儿|闺女|丫头|子女|细伢子)|"
                         r"(?<=我|俺|额)(?:家|屋里)?(?:的)?(?:孩子|娃|崽|伢)")
# each group named by its months ("见习4个月的是2个，见习8个月的是3个", "干了一年的有5个，干了半年的有2个")
GROUP_BY_ITS_MONTHS = re.compile(r"(?:见习|干|做|来)(?:了|满)?\s*([0-9一二两三四五六七八九十半]+\s*(?:个多月|个月|年))的(?:是|有)\s*"
                                 r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)")
# rounds of hires ("第一拨7个脱贫户…第二拨三个…") and interns in batches ("一批3个…另一批2个")
ROUND = re.compile(r"第\s*([一二两三四五六七八九十1-9])\s*(?:拨|批|波|伙)")
INTERN_BATCH = re.compile(r"(?:第[一二两三1-3]|另一|另外一|头一|后一|(?<![0-9一二两三四五六七八九十])一)\s*(?:批|拨)")
# "第一批3月初走的12个人其中建档立卡的8个…第二批5月初走的10个…": placements (or hires) said batch by batch
BATCH = re.compile(r"第([一二两三四五六七八九十1-9])批|(?:头一|首)批")


# a sentence that asks something (not one that only tells)
A_QUESTION = re.compile(r"[？?]|吗|嘛|多少|几多|好多|能不能|能否|可不可以|行不行|中不中|有没有|有冇|有没得|咋|怎么|哪|啥|什么|么子|"
                        r"(?:不|没|冇)\s*[。！!；;]?\s*$")


# whether what was just said changes the money answered before ("这影响领补贴不", "影不影响拿补贴", "补贴还能照拿不")
AFFECTS_CLAIM = re.compile(r"(?:影响|影不影响|有没有影响|有影响)[^，。,；;？?]{0,4}?(?:领|拿|申请|享受|报)?[^，。,；;？?]{0,2}?(?:补贴|补助|奖补)|"
                           r"(?:补贴|补助|奖补)(?:还)?(?:能|可以)?(?:照|照样|照常)(?:拿|领|给|发)")


# a month, of a year said or not ("去年四月", "九月", "今年3月份", "十一月初"): as a date a group came or left
MONTH_DATE = r"(?:去年|今年|前年)?\s*(?:[0-9]{1,2}|十[一二]|[一二三四五六七八九十])\s*月(?:份|初|底|中旬)?"


# ------------------------------------------------------------------------------------------- voice input, no marks
# A long voice message with no punctuation at all ("…去年四月招了九个里头建档立卡的七个七个里有一个去年八月就不干了九月又
# 补了一个…"): where its clauses most likely part, read as commas (voice_pauses), so each clause's counts and dates are
# its own. Only a run of text with no mark at all is read so; a message with commas or spaces keeps its own.
VOICE_MIN_LEN = 40
_VOICE_MARKS = re.compile(r"[，,。.；;！!？?、：:\s\n（）()“”\"']")
# words that open a clause of their own (not after a word they belong to: "给我们", "在去年")
_VOICE_OPENERS = re.compile(
    r"后来|然后|剩下(?:的)?|另外|另有|其他|其余|其中|现在|目前|到现在|问一下|想问|请问|我想问|这两期|这两样|这些(?:人|工人|学员)的|"
    # (not 都: what all of them did is of the group just said, "其中十个是…电子厂都签了一年合同")
    r"那这|我们(?!的|这|那)|俺们|咱们|我自己|也是|也都|一直干到|一直干|公司招|还办了|又办了|"
    r"又招|又补|又送|还有(?!多少|没有)|头一回|第一次")
_VOICE_GLUE_BEFORE = "给跟让帮和对向把被从在到于是就也都又还才刚我俺他她咱你您们那这"
_VOICE_GLUE_WORDS = ("除了", "到了", "直到", "等到")
# a time that opens a clause ("去年四月招了", "九月又补了", "今年3月份又招了")
_VOICE_TIME = re.compile(r"(?:去年|今年|前年|上个月|这个月|前些年|前几年|年初|年底|(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年)"
                         r"|(?<![0-9〇零一二两三四五六七八九十个年])(?:[0-9]{1,2}|十[一二]|[一二三四五六七八九十])月(?:份|初|中旬|底|中)?")
# a count that opens a clause: with "among" or all of them after it ("三十二个学员里头", "十五个人全是", "七个里有")
_VOICE_COUNT = re.compile(rf"{COUNT_NUM}{HEAD_WORD}(?:人|学员|工人|学生)?(?:{AMONG}(?:头|面)?(?:有)?)")
# a count just hired or sent, then "among them" ("去年四月招了九个里头建档立卡的七个"): the among opens the next clause
_VOICE_HIRED_AMONG = re.compile(rf"(?<=了){COUNT_NUM}{HEAD_WORD}(?:人)?(?={AMONG_LONG}|里)")
_VOICE_DATE_RUN = re.compile(r"(?:去年|今年|前年|(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年)?"
                             r"(?:(?:[0-9]{1,2}|十[一二]|[一二三四五六七八九十])月(?:份|初|中旬|底|中)?)?")
_VOICE_GREETING = re.compile(r"^(?:喂|哎|诶)?(?:你好|您好|喂)(?:啊|呀)?")


def voice_pauses(text: str) -> list[int]:
    """The places where a long voice message with no marks most likely parts into clauses (a comma goes before each)."""
    if not isinstance(text, str) or len(text) < VOICE_MIN_LEN or _VOICE_MARKS.search(text):
        return []
    at = set()
    g = _VOICE_GREETING.match(text)
    if g and g.end() < len(text):
        at.add(g.end())

    def glued(s: int, extra: str = "") -> bool:
        before = text[max(0, s - 2):s]
        if before == "现在":
            return False        # ("一直干到现在我们今年8月份…": 在 ends a word there)
        return text[s - 1] in _VOICE_GLUE_BEFORE + extra or before in _VOICE_GLUE_WORDS

    for rx, extra in ((_VOICE_OPENERS, ""), (_VOICE_TIME, ""), (_VOICE_COUNT, "的了个")):
        for m in rx.finditer(text):
            s = m.start()
            # (what a count did after it is its clause: "剩下7个一直干到现在")
            more = "个" if rx is _VOICE_OPENERS and m.group(0).startswith("一直") else ""
            if rx is _VOICE_OPENERS and m.group(0) in ("其余", "其他", "其余的", "其他的") and \
                    "除了" in text[max([0] + [a for a in at if a < s]):s]:
                continue        # ("除了五个在县城的其余都去了…": the rest of the whole, one clause)
            if s > 0 and not glued(s, extra + more):
                at.add(s)
    for m in _VOICE_HIRED_AMONG.finditer(text):
        at.add(m.end())
    # a count said again at once ("建档立卡的七个七个里有一个"): the second opens a clause
    for m in re.finditer(rf"({COUNT_NUM}{HEAD_WORD})(?=\1)", text):
        at.add(m.end())
    out = []
    for s in sorted(at):
        # (not inside a date, "去年四月"; nor after a clause that is only a time, "九月又补了")
        if out and (s - out[-1] < 2 or _VOICE_DATE_RUN.fullmatch(text, out[-1], s)):
            continue
        if _VOICE_TIME.match(text, s) and re.search(r"(?:去年|今年|前年)$", text[max(0, s - 2):s]):
            continue
        out.append(s)
    return out


def with_voice_pauses(text: str) -> tuple[str, list[int]]:
    """The text with a comma at each of its voice pauses, and the pauses (offsets in the text as said)."""
    at = voice_pauses(text)
    if not at:
        return text, []
    parts, last = [], 0
    for s in at:
        parts.append(text[last:s])
        last = s
    parts.append(text[last:])
    return "，".join(parts), at


# a year said in Chinese digits ("二零二五年三月回来注册了个农业公司"): in Arabic digits, the same length, for dates_in
_DIGIT_YEAR = re.compile(r"(?<![0-9〇零一二三四五六七八九十])([〇零一二三四五六七八九]{4})(?=年)")
_CN_DIGIT = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}


def digit_years(text: str) -> str:
    """Years said digit by digit in Chinese ("二零二五年") in Arabic digits ("2025年"); nothing else changes."""
    if not isinstance(text, str):
        return text
    def one(m):
        y = "".join(_CN_DIGIT[c] for c in m.group(1))
        return y if 1990 <= int(y) <= 2100 else m.group(1)
    return _DIGIT_YEAR.sub(one, text)
