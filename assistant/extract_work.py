"""Where and whether someone works, as a message says it (assistant/extract.py): the place of work (跨省, 本县, a
town named beside 打工), a place named as home or as a neighbour, work done or not, the kind of employer and of
public-welfare post."""
from __future__ import annotations

from policies import rx as re

from policies import normalize as nz

# ("跨省交通补助" names a benefit, not where the person works)
_CROSS_PROVINCE = re.compile(r"外省|省外|跨省(?!(?:就业)?(?:的)?(?:一次性)?(?:交通|路费|车费|补助|补贴))|出省")
_WORK_VERBS = r"(?:打工|打零工|打短工|打散工|务工|上班|干活|工作|做工|做事|进厂|干|做|摘|采)"
_WORK_CONTEXT = re.compile(r"(在|去|到|跑).{0,8}" + _WORK_VERBS)
# where someone works: "在广东打工", "去深圳电子厂", "到西安一家物流公司", "在东莞厂里做" (group 1 the place)
_WORK_PLACE_RE = re.compile(
    r"(?:在|去|到|跑)(?:了|的)?([^\s，,。在去到]{2,8}?)(?:那边|这边)?(?:打工|打零工|打短工|打散工|务工|上班|上的班|干活|干的活|做工|做事|摘|采)"
    # a job named ("在哈尔滨送快递", "在广州做了十年餐饮", "在海口开出租")
    # ("到北京给一个小区当保安": whom for between)
    r"|(?:在|去|到)(?:了)?\s*([^\s，,。在去到]{2,6}?)\s*(?:一直|那边|这边)?\s*(?:给(?:一个|一家|个|家)?[^\s，,。给]{0,6}?)?"
    r"(?:送快递|送外卖|开出租|开车|跑车|当(?:了)?(?:保安|保姆|服务员|保洁|厨师|司机|店员|收银员|月嫂|护工)|"
    r"做(?:了)?[^\s，,。]{0,4}?(?:餐饮|生意|保洁|装修|家政|服务员)|干(?:了)?[^\s，,。]{0,4}?(?:装修|建筑|工地))"
    # the years of it between ("在 深圳 打了 五六年 工", "在哈尔滨打了好几年工")
    r"|(?:在|去|到|跑)(?:了|的)?\s*([^\s，,。在去到]{2,8}?)\s*(?:那边|这边)?\s*(?:打|干|做|务)(?:了|过)?\s*"
    r"[^\s，,。]{0,5}?(?:年|个月|月)\s*(?:的)?\s*(?:工|活)"
    # a job found or sought at a place ("在宝鸡市区一家超市找到活了", "回来在宝鸡市区找个活干")
    r"|(?:在|去|到)([^\s，,。在去到]{2,6}?)(?:市区|城区|市里|城里|县城|那边)?(?:一家|一个|的|家)?[^\s，,。]{0,6}?"
    r"(?:找到|找了|找个|找份|找点)(?:了)?(?:个|份)?(?:活|工作|事)"
    # a site or a factory at a place ("就在宝鸡市里工地上干", "在咸阳一个厂里上班")
    r"|(?:在|去|到)([^\s，,。在去到]{2,6}?)(?:市区|城区|市里|城里|县城|那边)?(?:的)?(?:一个|一家|个|家)?"
    r"(?:工地|厂里|厂子里|工厂|车间|饭馆|饭店|餐馆|酒店|宾馆|超市)(?:上|里)?(?:干|做|上班|端盘子|洗碗|打杂|当服务员)"
    # the place said again for the job ("上班也不在长沙，就在攸县县城里头")
    r"|(?:上班|打工|干活|做事|做工|务工)[^。？?]{0,12}?[，,]\s*(?:就|是|只|都)在([^\s，,。在去到]{2,8}?)(?:县城|城里|市里|镇上)?"
    r"(?:里头|里面|里|这边)?(?=[，,。；;！!\s]|$)"
    r"|去的([^\s，,。在去到]{2,6}?)(?=[，,。；;\s]|$)|去([^\s，,。在去到是]{2,6}?)是[^，,。\s]{0,8}?(?:才|就)?(?:走|去|出去|过去)的|(?:去|到|跑)了([^\s，,。在去到]{2,6}?)(?=[，,；;\s][^，,。]{0,3}签)|(?:介绍|送|带)[^，,。]{0,8}?(?:去|到)([^\s，,。在去到]{2,4}?)签"
    # (not across another going: "出去打工 去浙江那边的厂子" is 浙江)
    r"|(?:去|到|跑|进)(?:了|的)?\s*([^\s，,。在去到]{2,8}?)\s*(?:的)?(?:一家|一个)?[^\s，,。去到]{0,6}?(?:厂|工地|公司|酒店|果园|矿|餐馆|饭店|场|"
    r"物流园|工业园|园区|开发区)"
    r"|在([^\s，,。在去到]{2,8}?)(?:的)?(?:一家|一个)?[^\s，,。]{0,6}?(?:厂|工地|公司|酒店|车间|果园|基地|物流园|工业园|园区)(?:里)?"
    r"(?:上班|打工|干活|做|干|工作|找了(?:个|份)?[^\s，,。]{0,4}?(?:活|工作|事))"
    # the place and the workplace alone, as a clause of its own: "千阳的，在苏州电子厂，合同签了一年"
    r"|(?<![我咱俺他她]们)(?<!厂子|公司|企业|基地|车间|工厂)在([^\s，,。在去到有开办]{2,6}?)(?:的)?(?:一家|一个)?(?:(?!有|开|办)[^\s，,。]){0,5}?"
    r"(?:电子厂|服装厂|工厂|厂|工地|公司|酒店|车间|果园)(?:里)?(?=[，,。；;！!]|$)"
    # a workplace said by where it is ("岳阳楼区那边的鞋厂")
    r"|([^\s，,。在去到里]{2,6}?)(?:那边|那儿|那块)的[^\s，,。]{0,4}?(?:鞋厂|电子厂|服装厂|工厂|厂|工地|公司|酒店|车间)"
    # a workplace corrected: "不是宁波，是汉中的厂子"
    r"|(?:不是|并非)\s*[^\s，,。]{2,6}?\s*[，,]\s*(?:是|在)\s*([^\s，,。在去到]{2,6}?)(?:的|那边的?)?\s*(?:厂子|厂|工地|公司|单位|那边)")
# whose 建档立卡 it is: "招了几个贵州的贫困户", "我是铜仁籍的建档立卡户" (group 1 the place); "外省的贫困户", "本省建档立卡"
_PEOPLE_FROM = re.compile(r"([^\s，,。的在去到]{2,6}?)(?:的|籍)(?:建档立卡|贫困户|贫困劳动力|脱贫户|贫困人口|脱贫劳动力)")
_OTHER_PROVINCE_PEOPLE = re.compile(r"(?:外省|省外)(?:的|籍)?(?:建档立卡|贫困|脱贫)")
_SAME_PROVINCE_PEOPLE = re.compile(r"(?:本省|省内|我省)(?:的|籍)?(?:建档立卡|贫困|脱贫)")
# where the asker's own unit is ("我们厂在湖南岳阳", "说错了，厂子是在江西萍乡"): the place whose document answers a unit
_UNIT_PLACE = re.compile(r"(?:我们|俺们|咱们|我的|俺的|我家|咱家)(?:这个|那个|的)?(?:厂子|厂|公司|企业|车间|工坊|合作社|基地|单位)"
                         r"(?:是)?(?:开|办|建|设)?在([^\s，,。；;]{2,8})")
# a unit set up in a place ("我们在宝鸡陇县东风镇开了个社区工厂", "我们是江苏过来在千阳县工业园区设厂的企业"): the unit's place
_UNIT_SET_UP = re.compile(r"(?:(?:我们|俺们|咱们|额们|我|俺|咱|额)[^，。,；;？?]{0,10}?|(?<=[，,])\s*)在([^\s，,。；;？?在]{2,8}?)(?:的)?(?:工业园区?|园区|开发区|产业园)?"
                          r"(?:里)?(?:开|办|建|设|搞|整)(?:了|起|的)?(?:个|一个|一家|家)?[^，。,；;？?]{0,6}?"
                          r"(?:厂|公司|企业|车间|工坊|合作社|基地)")
_UNIT_PLACE_CORRECTED = re.compile(r"(?:厂子|厂|公司|企业|车间|工坊|合作社|基地|单位)(?:是)(?:开|办|建|设)?在([^\s，,。；;]{2,8})")
_HOME_CONTEXT = re.compile(r"(我是|俺是|咱是|额是|我们是|咱们是|俺们是|额们是|(?<=说)(?:他|她)是|老家|户口|户籍|家在|家是|住在|来自|"
                           # an operator's caller ("来电人是广东湛江徐闻县的", "来电的是海伦的一个大爷")
                           r"来电(?:人|的|群众|者)?(?:说)?(?:他|她)?是)")
_NEIGHBOUR_AFTER = re.compile(rf"([^\s，,。的在]{{2,6}}?)(?:的)?(?:{nz.NEIGHBOUR_WORDS})")
_ELSEWHERE = re.compile(r"(?:你们|人家|听说|听人说)?([^\s，,。的在去到]{2,6}?)(?:那边|那里|那儿)(?!的)|"
                        # a place that has what the asker's does not ("那为啥千阳有俺们冇"): compared, not home
                        r"(?:为啥|为什么|咋|凭啥|怎么)([^\s，,。的在去到有]{2,6}?)(?:都|就|能)?有[^，。,；;？?]{0,4}?"
                        r"(?:俺们|我们|咱们|俺|我|咱)(?:这|这边|这里)?(?:冇|没|没有|冒|就没|不)")
_NEIGHBOUR_BEFORE = re.compile(r"(?:挨着|靠近|紧挨|邻近|跟|和)([^\s，,。的]{2,6}?)(?:挨着|交界|接壤|搭界|连着)"
                               r"|(?:离|距|距离)([^\s，,。的]{2,6}?)(?:很近|不远|挺近|比较近|近)")
# a place named as what the home is next to ("湖北通城县的，挨到岳阳平江"): not the home
_NEIGHBOUR_NEXT = re.compile(r"(?:挨到|挨着|挨近|靠近|靠着|紧挨着?|紧邻|邻近|贴着)([^\s，,。的]{2,6})")
# a place whose policy is asked of ("宝鸡不是有个千阳的政策吗"): the policy's place and the place around it, not home;
# one asked to count as ("算不算海南的人", "能按海南那个办不"); one moved away from ("户口是前年才从千阳崔家头迁到凤翔的")
_POLICY_ELSEWHERE = re.compile(r"([^\s，,。的在去到]{2,6}?)(?:不是|是不是|好像|听说)有(?:个|一个)?(?:([^\s，,。的在去到有]{2,6}?)的)?"
                               r"(?:政策|文件|补贴|补助)(?:吗|嘛|么|不|没)?|"
                               r"算不算([^\s，,。的在去到]{2,6}?)的|(?:能|可以)?按([^\s，,。的在去到]{2,6}?)(?:那个|那边|的)"
                               r"(?:政策|文件)?(?:办|算|领)|"
                               r"从([^\s，,。的在去到]{2,8}?)(?:迁|搬|转)(?:到|去|走|出)")
# a place named as that of the people who told them ("我听湖南的亲戚讲他们那里一天补20块"): not the home
_PEOPLE_ELSEWHERE = re.compile(rf"([^\s，,。的在是听]{{2,6}}?)(?:那边)?的(?:{nz.ACQUAINTANCES})")
_LOCAL_WORK = re.compile(r"(?:在|去|到|是|进(?:了|的))[^，。,；;\s]{0,4}?(?:本县|县城|县里|县上|镇上|乡里|村里|村上|家门口|附近|本地|当地|本乡|本镇|"
                         r"县(?:工业园|开发区|产业园|园区))"
                         # (not an errand at the office: "自己去镇上领了那个找工作的500块"; not the agency that found the job
                         # elsewhere: "是县上一家劳务公司介绍过去的")
                         r"(?!(?:去)?(?:领|办|报|申请|问|交|登记|注册))(?![^，。,；;]{0,6}?(?:" + nz.AGENCY_KINDS + r")[^，。,；;]{0,3}?(?:介绍|送|推荐|帮|给|找))[^，。,；;]{0,10}?(?:" + _WORK_VERBS + r"|厂|公司|工地|车间|基地|超市|商店|饭店|饭馆|馆子|店里|酒店|餐馆|端盘子|洗碗|打杂|当(?!地)|找(?:了|到)(?:个|份)?(?:活|工作|事))")

_WORK_DONE = re.compile(r"(?:干了|做了|干过|做过|上班了|进了厂|进厂了|上岗了|入职了|找到(?:了)?(?:工作|活)|找了(?:个|份)(?:活|工作|事)|已经(?:上班|就业|工作|干)|"
                        r"(?<!现)(?<!正)(?<!实)(?<!存)在[^，。,；;？?]{0,12}?(?:上班|打工|干活|做事|做工|务工|工作|帮工|摘|(?:干|做)(?:了|着|过)|"
                        r"(?:干|做)(?=[，,。；;？?！!\s]|$))|"
                        r"(?:去|到|进)[^，。,；;？?]{0,12}?(?:上班|打工|干活|做工|务工|做事|干|做)(?:了|的)|"
                        r"(?:去|到|进)[^，。,；;？?]{1,12}?(?:上班|打工|干活|做工|务工)(?!有|能|可以|的话|吗|要|咋|怎么)|"
                        r"(?:去|到|进)(?:了)?[^，。,；;？?]{0,8}?(?:厂|工地|公司|酒店)(?:里)?(?:上班|打工|干活|做|干)?了|"
                        r"(?<![我咱俺他她]们)(?<!厂|司|业|地|间)在(?:(?!有|开|办)[^，。,；;？?\s]){2,10}?(?:厂|工地|公司|酒店|车间|果园)(?:里)?(?=[，,。；;！!]|$)|"
                        r"换了?(?:个|份|一个|一份)?(?:厂|工作|活|单位|公司)|一直(?:在)?(?:干|做|上班)|(?:干|做)到现在|"
                        # a job taken up ("今年八月份到北京给一个小区当保安")
                        r"(?:去|到|进)(?:了)?[^，。,；;？?]{1,14}?当(?:了)?(?:保安|保姆|服务员|保洁|厨师|司机|店员|收银员|月嫂|"
                        r"护工)(?!有|能|可以|的话|吗|要|咋|怎么))")

_NO_WORK = re.compile(r"没活干|没(有)?(工作|事做|活路)|冇得?(事做|工作|活干)|失业|待业|闲(了|着|在家)|在家闲|没上班|不上班")

_WORK_NOT = re.compile(r"没(有)?(上班|工作|打工|去成|去|做事|干活|做工)|没(?:有)?找(?:上|到|着)|找不(?:上|到|着)|还没|不要|冇得?(事做|工作)|没活|被辞|辞退|"
                       r"找(?:个|份)?(?:工作|活|事)(?![了到])")    # "都在积极找工作": looking for work, none yet



# a clause of someone's past elsewhere ("其中老王前年在县上一个社区工厂已经享受过以工代训了"): its unit is not the asker's
_SOMEONE_ELSES = re.compile(r"(?:其中|里头|里面|当中|还有|另外)[^，。,；;？?]{0,20}?(?:享受过|领过|拿过|干过|待过|做过)|"
                            # the agency that placed a worker ("经村里的劳务公司介绍到天津一个食品厂上班"): not the asker's
                            r"(?:经|由|通过|跟着|靠|被)[^，。,；;？?]{0,8}?(?:劳务公司|人力资源|职介|中介|劳务经纪人|经纪人)[^，。,；;？?]{0,4}?"
                            r"(?:介绍|推荐|带|送|招)|"
                            # the agency a worker went out with ("细的今年正月跟村里一个劳务经纪人去了浙江义乌")
                            r"跟(?:着)?[^，。,；;？?]{0,8}?(?:劳务公司|中介|劳务经纪人|经纪人)(?:一起|一块)?(?:出去|去|走|到)|"
                            # heard of ("听说劳务公司介绍人能拿补贴"): someone else's money
                            r"听(?:说|人说)[^，。,；;？?]{0,6}?(?:劳务公司|人力资源|职介|中介|劳务经纪人|经纪人)|"
                            # the agency that served the speaker ("中介帮我找的工作", "找了个中介介绍的"), unless it is
                            # their own ("我们中介给他找了个厂")
                            r"(?<!我们)(?<!俺们)(?<!咱们)(?<!我是)(?<!我家)(?<!我这)(?<!们是)"
                            r"(?:劳务公司|人力资源公司|人力公司|职介所?|中介|劳务经纪人|经纪人)[^，。,；;？?]{0,3}?"
                            r"(?:帮|给|替)(?:我|俺|额|咱|他|她|孩子|娃)|"
                            r"(?:找|托)(?:了|的)?\s*(?:个|一个|家|一家)?\s*(?:劳务公司|人力资源公司|人力公司|职介所?|中介|劳务经纪人|经纪人)|"
                            # the agency that placed the speaker ("俺是村上劳务公司给介绍去的"): not the asker
                            r"(?<!我们)(?<!俺们)(?<!咱们)(?:劳务公司|人力资源公司|人力公司|职介所?|中介|劳务经纪人|经纪人)"
                            r"(?:给|帮)?(?:介绍|推荐|送)(?:去|过去|进去|过来|来)的|"
                            # that other one ("另外那个劳务公司说他们介绍一个人能拿200"): not the asker
                            r"(?:那个|那家|另外(?:那|一)?(?:个|家)?|别的|人家)\s*(?:劳务公司|人力资源|职介|中介|劳务经纪人|经纪人)|"
                            # another unit ("去年在别的社区工厂干过的"): not the asker's
                            # (the kinds of unit are the vocabulary's: policies.normalize.EMPLOYER_TYPES)
                            r"(?:别的|别家|其他|其它|另一家|另外一家|以前的|原来的)\s*(?:"
                            + "|".join(pat for pat, _kind in nz.EMPLOYER_TYPES) + r"|基地|工坊)")


# the asker's own unit said ("我们是绥化市里一家人力资源服务公司"): its kind, when it is more than a plain 企业, before
# another unit named later ("…给乡下的扶贫车间介绍贫困户")
_OWN_UNIT = re.compile(r"(?:我们|俺们|咱们|额们)(?:是|这)[^，。,；;？?]{0,16}|"
                       # an operator's caller speaking of its unit ("来电人说他们是绥化北林区一家培训学校")
                       r"来电(?:人|的|者)?(?:说)?(?:他们|她们)(?:是|这)[^，。,；;？?]{0,16}")
# a school or training institution speaking of itself ("我们是肇东的驾校"): its own kind, said only of the asker (a
# child "在技校读书" is no unit)
_OWN_SCHOOL = re.compile(nz.SCHOOL_UNIT_WORDS)


_COMPARED = re.compile(r"(?:跟|和|同|像|与)([^，。,；;？?跟和同像与]{2,8}?)(?:的)?(?:一样|那样|似的|差不多|一个样|相同)|"
                       # "我们也想去申请个就业帮扶基地…两边能一起拿吗": another kind weighed beside what the unit is
                       r"(?:也|还|再|另外)(?:想|打算|准备)(?:去|再)?(?:申请|办|评|认定|报|弄|挂)(?:个|一个)?([^，。,；;？?]{2,8}?)(?=[，。,；;？?]|$)")


def compared(said: str, start: int, end: int) -> bool:
    """A kind named only to compare with ("跟社区工厂一样吗", "像扶贫车间那样"): not what the unit is."""
    return any(m.start(g) <= start and end <= m.end(g) for m in _COMPARED.finditer(said) for g in (1, 2)
               if m.group(g))


def weighed_kind(said: str) -> str | None:
    """The kind of unit weighed beside what the unit is ("我们也想去申请个就业帮扶基地" → 就业帮扶基地), else None."""
    for m in _COMPARED.finditer(said):
        if m.group(2):
            kind = nz.employer_type(m.group(2))
            if kind:
                return kind
    return None


def someone_elses(said: str, at: int) -> bool:
    """Whether the words at `at` name a unit that is not the asker's ("在别的社区工厂干过", "经村里的劳务公司介绍")."""
    return any(m.start() <= at < m.end() for m in _SOMEONE_ELSES.finditer(said))


def _employer_said(said: str) -> str | None:
    """The kind of employer the words name, not one said with a no ("我没在厂里"), nor one of someone's past."""
    own = _OWN_UNIT.search(said)
    if own and _OWN_SCHOOL.search(own.group(0)):
        return "培训机构"
    if own:
        kind = next((v for pat, v in nz.EMPLOYER_TYPES if re.search(pat, own.group(0))), None)
        program = re.search(r"(?:认定|评上|挂牌)[^，。,；;？?]{0,8}?(社区工厂|就业帮扶车间|帮扶车间|扶贫车间|就业帮扶基地|帮扶基地|扶贫基地|非遗)", said)
        if kind in ("农业企业", "小微企业") and program and not nz.is_negated(said, program.start()):
            kind = None         # "一家苹果深加工企业，县上认定的就业帮扶基地": the kind the county named it
        if kind not in (None, "企业", "其他"):
            return kind
    past = [(m.start(), m.end()) for m in _SOMEONE_ELSES.finditer(said)]
    for pat, value in nz.EMPLOYER_TYPES:
        for m in re.finditer(pat, said):
            if any(a <= m.start() < b for a, b in past) or compared(said, m.start(), m.end()):
                continue
            if not (nz.is_negated(said, m.start()) or re.search(r"(?:没|不|未)(?:在|去|到|进)\s*$", said[max(0, m.start() - 3):m.start()])):
                return value
    return None



# a post someone else has ("俺村那个劳动保障助理员也是公益岗，人家一个月800"): not the speaker's
# (and a relative's: "她嫂子在村里当劳动保障助理员，问是不是跟她一样多")
_OTHERS_POST = re.compile(r"人家|别人|旁人|他们|隔壁|邻村|别的村|其他村|那个[^，。,；;？?]{0,8}?(?:助理员|保洁|护林|扫路|保安)|"
                          rf"^\s*(?:她|他|我|俺|额)(?:家)?(?:{nz.FAMILY_WORDS}|嫂子|嫂|弟媳|姐夫|妹夫|婆婆|公公|大伯|小叔子?)"
                          r"[^，。,；;？?]{0,6}?(?:在|当|干|是)")


# the speaker's own post said as such ("俺干的是村上那个劳动保障助理员的岗")
_MINE_POST = re.compile(r"(?:俺|我|额)(?:干|当|做|在)的(?:是|就是)")


def _post_type(said: str) -> str | None:
    """The kind of public-welfare post the message speaks of, if it says enough: the place (城镇/社区 or 村) or the
    work; failing those, the people each kind is for (农村: 脱贫劳动力; 城镇: 就业困难人员, 大龄失业, 零就业家庭).
    A sentence about someone else's post gives way to one about the speaker's own."""
    if not nz.POST_WORDS.search(said):
        return None
    sentences = [s for s in re.split(r"[。？?！!；;]", said) if nz.post_type(s)]
    own = [s for s in sentences if not _OTHERS_POST.search(s) or _MINE_POST.search(s)]
    fixed = [s for s in own if nz.CORRECTION.search(s) and _MINE_POST.search(s)]
    if fixed and _post_kind(fixed[-1]):
        return _post_kind(fixed[-1])    # "…扫路搞保洁…？哎说错了 俺干的是村上那个劳动保障助理员的岗 不是保洁"
    if len(own) in (0, len(sentences)):
        # in one sentence, a clause of another's ("在村里干公益性岗位扫马路，…隔壁村干劳动保障助理员的一个月800")
        sentences = [s for s in re.split(r"[，,。？?！!；;]", said) if nz.post_type(s)]
        own = [s for s in sentences if not _OTHERS_POST.search(s)]
    # ("俺要是换去干那个…": the other's post is the one wanted)
    if own and len(own) < len(sentences) and not re.search(r"换(?:去|成|到)?(?:干)?那个|换成|改(?:去)?干|调(?:去|到)", said):
        kind = _post_kind("。".join(own))
        if kind:
            return kind
    return _post_kind(said)


def _post_kind(said: str) -> str | None:
    kind = nz.post_type(said)
    if kind and not (kind == "农村公益性岗位-其它" and not re.search(r"护林|保洁|护路|护河|巡河|河道|扫路|扫街|打扫|卫生|村|农村",
                                                                  said)):
        return kind
    if re.search(r"就业困难|大龄|零就业|失业", said):
        return "城镇公益性岗位-其它"
    if re.search(r"脱贫|贫困|建档立卡|边缘户|乡|镇", said):
        return "农村公益性岗位-其它"
    return None

