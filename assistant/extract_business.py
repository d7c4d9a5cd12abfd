"""Training and the person's business, as a message says them (assistant/extract.py): the kind of training, the kind
of business and who borrows for it, whether it has started, and when it started after a training."""
from __future__ import annotations

from policies import rx as re

from policies import normalize as nz

from .extract_common import Extracted, _planned

_TRAINING_NAMED = re.compile(r"SYB|IYB|syb|iyb|创办你的企业|改善你的企业|技能\+|(网络创业|创业|开店|开铺子|做生意|技能|家政|电工|焊工|育婴|月嫂|种植|养殖|电商|"
                             r"厨师|中期|岗位技能提升|提升)[^，。,\s]{0,3}培训")
# trades people train for (the documents' 家政服务员、月嫂、育婴员、养老护理员、种植、养殖、食用菌栽培、农产品加工、手工编织、
# 剪纸 … and everyday ones): "学了20天月嫂", "想学开挖掘机", "学门手艺", "办了个修脚培训班"
_TRADES = (r"电工|焊工|电焊|焊接|育婴|月嫂|家政|保姆|养老护理|护理|护工|厨师|面点|烹饪|烹调|厨艺|挖掘机|挖机|叉车|装载机|驾驶|开车|"
           r"驾照|修脚|足浴|按摩|推拿|美容|美发|理发|保安|缝纫|服装|裁缝|刺绣|编织|手工|剪纸|珠串|草编|柳编|汽修|修车|维修|数控|"
           r"车工|钳工|电脑|计算机|网店|电商|直播|种植|养殖|食用菌|木耳|香菇|茶叶|果树|修剪|嫁接|农机|砌筑|瓦工|木工|钢筋|架子工|"
           r"水电工|油漆|装修|保育|收银|快递|西点|烘焙|茶艺|插花|花艺|陶艺|竹编|藤编|木雕|根雕|酿酒|糕点|小吃|面食|保洁|物业|"
           r"安全员|施工员|技术|手艺|技能")
_TRAINING_TRADE = re.compile(rf"(?:(?<![大中小上同留放开])学|(?<=县上|镇上|乡上|村上|市上|区上)学|参加|报|"
                             # ("在村上干保洁": a place, not a course taken)
                             rf"(?<![村镇县乡区市街路楼早晚马身手])上|培训)(?:了|个|门|点|过|一门|一点)?"
                             # ("学了二十来天修脚": the days of it before the trade)
                             rf"(?:[0-9一二两三四五六七八九十百几来多半]+(?:个)?(?:天|日|周|星期|月|期|课时)(?:的)?)?"
                             rf"[^，。,；;？?\s]{{0,4}}?({_TRADES})"
                             rf"|({_TRADES})[^，。,；;？?\s]{{0,4}}?(?:培训|(?<![上加值])班|课)")
# a school's class held where the poor live ("到村里开培训班", "下乡办班"): the documents' 就业技能培训 on the spot
_VILLAGE_CLASS = re.compile(r"(?:到|去|在|下)(?:[^，。,；;？?]{0,4}?)(?:村|乡|镇)[^，。,；;？?]{0,6}?(?:开|办|设)[^，。,；;？?]{0,3}?"
                            r"(?:培训)?(?:班|点)|(?:村|乡|镇)(?:里|上|头)?(?:去|来)?(?:开|办|设)(?:个|了)?(?:培训)?(?:班|点)|"
                            r"下乡(?:开|办)(?:培训)?班|就地(?:就近)?培训")
_TRAINING_WORD = re.compile(r"培训|学员|结业|SYB|IYB|syb|iyb")
# (after the words of a business started: "开起来以后", and "开起来能补多少": once it runs, asked of)
_BUSINESS_HYPOTHETICAL = re.compile(r"\s*(?:以后|之后|的话|了以后|起来以后)")
_ONCE_IT_RUNS = re.compile(r"开起来\s*(?:了)?\s*(?:能|可以|还能|有|给)")
_BUSINESS_DONE = re.compile(r"(?:开|办|整|搞|弄|干|注册|盘)(?:了|起来了|起来|下来了|好了)|执照(?:也|都)?(?:办|拿|下来)|办(?:了|好了|下来了)?"
                            r"(?:营业)?执照|注册(?:了|好了|过)|营业执照|开(?:着|了)(?:呢)?")
_STARTUP_CONTEXT = re.compile(r"创业(?!培训|服务)|开店|办厂|开厂|(?<!助学)贷|执照|个体|当老板|做生意|做买卖|小店|摆摊|注册")
_PERSONAL = re.compile(r"自个儿|自各儿|自己|个人|一个人|我一个|单干|独自|自家")
# ("厂子这种能贷多少款", "我们厂能贷多少": the factory borrows)
_COMPANY_LOAN = re.compile(r"(?:公司|企业)(?:的)?名义|以(?:公司|企业)|(?:公司|企业|厂子|厂里|我们厂|工厂)(?:这种|这样的)?(?:想|要|去|能|可以)?贷|"
                           # "我们想扩厂，打算贷500万": the factory borrows to grow
                           r"扩(?:厂|建|产|大生产|大规模|规模)[^。；;？?]{0,10}?贷")



def _company_loan(said: str, bt: str | None) -> bool:
    """A loan a company takes; growing a 个体户's business ("开了个农家乐…办了个体户…还想贷点款扩大规模") is the
    person's loan."""
    m = _COMPANY_LOAN.search(said)
    return bool(m) and not (bt == "个体工商户" and m.group(0).startswith("扩"))


_AFTER_TRAINING = re.compile(r"(?:培训|学完|结业|拿证|合格)[^，。,；;？?]{0,6}?(?:后|以后|之后)[^，。,；;？?]{0,3}?(?:第)?"
                             r"([0-9一二两三四五六七八九十半]+)(?:个)?(?:多)?月[^，。,；;？?]{0,6}?(?:开|办|注册)"
                             r"|(?:培训|结业|合格证|拿证)[^。？?]{0,16}?[，,]\s*(?:过了|又过了|完了(?:又过了)?)?"
                             # ("学了10天拿了合格证，完了两个月就办了个体执照")
                             r"([0-9一二两三四五六七八九十半]+)(?:个)?(?:多)?月(?:(?:后|以后|之后)|(?<=月)(?=就|才))"
                             r"[^，。,；;？?]{0,4}?(?:就|才)?(?:开|办|注册)")
# "到上个月底，…有9个已经开了店": the count was made a month before today
_BY_LAST_MONTH = re.compile(r"(?:到|截至|截止到?)\s*上个?月(?:底|末)?")


def by_months_ago(said: str) -> float:
    """How many months before today the user's count of businesses was made (0: now)."""
    return 1.0 if _BY_LAST_MONTH.search(said) else 0.0


# ("跟两个老乡伙起在镇上开个修脚店": 伙起/打伙, 川陕 words for going in together)
_PARTNERS = re.compile(r"合伙|入伙|搭伙|合股|打伙|(?:跟|和|与)[^，。,；;？?]{0,8}?(?:伙起|伙着)|"
                       r"(?:跟|和|与)[^，。,；;？?]{0,8}?(?:一起|一块|两个|几个|俩|仨)(?:搞|干|开|办|整)")
# a business spoken of by its state: "店一直开着呢", "小超市去年就关门了"
_BUSINESS_STATE = re.compile(nz.BUSINESS_PLACE + r"[^，。,；;？?]{0,6}?(?:开着|关门|倒闭|停业|歇业|营业|经营|开张|不开了|黄了|转让)")

# "那我们想贷350万": a unit speaking (its borrower said before stays), not a couple ("我们两口子")
_WE_A_UNIT = re.compile(r"(?:我们|俺们|咱们)(?!两口子|老两口|俩|夫妻|一家|家|两个|二人)")
_TRAINING_CONTEXT = re.compile(r"培训|学(?:了|过|习|门|点|个|会|手艺|技术|开)|班|课|SYB|IYB|syb|iyb")



# a business still to come, the person's own plan or a "what if": "想办个个体户养牛", "打算在村里注册个小公司",
# "还没办执照", "店开起来以后有啥补贴", "办下来还有啥补贴", "要是不见习了 自己开个网店"
_BUSINESS_PLANNED = re.compile(
    r"(?:想|打算|准备|计划|寻思|考虑|琢磨)(?:着|要|去)?[^，。,；;？?]{0,8}?(?:开|办|搞|整|注册|创业|做个体|干个体|当老板)|"
    r"(?:要是|如果|假如|万一)[^，。,；;？?]{0,10}?(?:开|办|注册|创业)(?:个|一个|一家|家)|"
    # a time still to come ("那俺明年回石泉开个面馆", "过了年回去开个店")
    r"(?:明年|下个月|下半年|过(?:了|完)?年|开春|年后|以后|将来|到时候)[^，。,；;？?]{0,8}?(?:开|搞|整)(?:个|一个|一家|家|起)|"
    # a licence still to be taken ("那我下个月去办个个体执照呢", "下个月就去办个体执照"): the months the text counts
    # run from the registration, so they are still to come, as for a business planned
    r"(?:明年|下个月|下半年|过(?:了|完)?年|开春|年后|回头|过几天|这两天)(?:就)?(?:去)?(?:办|领|注册|登记)(?:个|一个)?"
    r"[^，。,；;？?]{0,4}?(?:执照|登记)|"
    r"还(?:没|未|冇|没有)(?:开|办|注册|登记|领)|(?:开|办|搞|整)(?:起来|下来|成)(?:了)?(?:以后|之后|后|还|的话)")


def business_planned(said: str) -> bool | None:
    """Whether the business the message speaks of is still to come (True) or running (False); None when it does not
    say. For `presumed: plan` (policies/model.py): the six months a planned business will run are a 领取前提."""
    plans = [m.start() for m in _BUSINESS_PLANNED.finditer(said) if not nz.is_negated(said, m.start()) or
             m.group(0).startswith("还")]

    def in_plan(d):     # ("要是不见习了 自己开个网店办个营业执照": the licence is the plan's)
        return any(p <= d.start() and not re.search(r"[，。,；;？?]", said[p:d.start()]) for p in plans)
    if any(not in_plan(d) for d in _done(said)):
        return False
    return True if plans else None


def _done(said: str) -> list:
    return [d for d in _BUSINESS_DONE.finditer(said) if not _planned(said, d.start()) and not nz.is_negated(said, d.start())
            and not _BUSINESS_HYPOTHETICAL.match(said[d.end():d.end() + 5]) and not _ONCE_IT_RUNS.match(said, d.start())
            and not _a_jobs_time(said, d)]


def _a_jobs_time(said: str, d) -> bool:
    """"前年大专毕业在西安干了两年 现在想回来…开个农家乐": a time worked somewhere, no business of one's own."""
    clause = re.split(r"[，。,；;？?！!\s]", said[:d.start()])[-1]
    return bool(re.fullmatch(r"(?:干|搞|弄)了", d.group(0)) and
                re.match(r"\s*[0-9一二两三四五六七八九十半]+\s*(?:个)?(?:多)?(?:年|月)", said[d.end():]) and
                re.search(r"在", clause) and not re.search(nz.BUSINESS_PLACE, clause))


def _business_done(said: str) -> bool:
    """A business that has started ("开了个…", "执照办下来了"), not one planned or imagined ("店开起来以后")."""
    return bool(_done(said))



def _training(out: Extracted, said: str) -> None:
    if nz.UPGRADE_TRAINING.search(re.sub(r"\s+", "", said)):     # people at work learning to raise their skills
        out.facts["training_type"] = "岗位技能提升培训"
        return
    m = _TRAINING_NAMED.search(said)
    if m:
        out.facts["training_type"] = nz.training_type(m.group(0))
        return
    m = _TRAINING_TRADE.search(said)
    # ("前年在西安跟人学了两年修脚": an apprenticeship with someone, not a training course)
    if m and re.search(r"跟(?:着)?(?:人|师傅|老师傅|亲戚|朋友|老乡|他|她|我)[^，。,；;？?]{0,3}$", said[max(0, m.start() - 6):m.start()]):
        m = None
    # ("进了技校学汽修": a trade learned at a technical school, a pupil's course, not a training)
    if m and re.search(r"(?:进了|在|读|上|念)(?:了|个|的)?(?:技校|技工学校|技工院校|技师学院|职校|职业学校|中专)(?:里)?\s*$",
                       said[max(0, m.start() - 8):m.start()]):
        m = None
    if m and not re.match(r"学(?:校|费|生|院|历|员)", said[m.start():m.start() + 2]):
        # the words around the trade say what kind ("电商创业班" starts a shop, "电商班" may teach a job)
        out.facts["training_type"] = nz.training_type(m.group(0) + said[m.end():m.end() + 3])
    elif _VILLAGE_CLASS.search(said) and not re.search(r"创业|SYB|IYB|syb|iyb", said):
        out.facts["training_type"] = "就业技能培训"    # (ankang 二、（一）2: 定点机构在乡镇、行政村开设培训点或培训班)


# a what-if just before the words of a partnership ("要是跟额表哥俩合伙弄呢")
_WHAT_IF_BEFORE = re.compile(r"(?:要是|如果|假如|万一|若是|换成)[^，。,；;？?]{0,10}$")
_SOLO = re.compile(r"(?:自己|自个儿?|一个人|单干|独自)(?:一个人)?(?:单)?(?:开|干|办|搞|整|做|弄)|单干|"
                   # ("一个人最多能贷多少钱要是跟村里另外两个人合伙一起干呢": one person's loan, then partners)
                   r"一个人(?:最多|最高)?(?:能|可以)?贷")
_PARTNER_GONE = re.compile(r"(?:表哥|表弟|哥|弟|朋友|老乡|亲戚|合伙人|伙计|那人|他|她)[^，。,；;？?]{0,3}?(?:不干了|不搞了|退出|不合伙|不入伙|不参与|撤了)|"
                           r"不(?:跟|和)[^，。,；;？?]{0,6}?合伙了?|不合伙了")


# another's shop, not the person's own ("那饭店执照是俺哥的名，俺就是帮着看店")
ANOTHERS_SHOP = re.compile(rf"(?:是|在|挂)(?:俺|我|额|咱)(?:家)?(?:{nz.FAMILY_WORDS}|叔|舅|姑|亲戚)[^，。,；;？?]{{0,3}}?(?:的|名下)|"
                           r"帮着?(?:人|他|她|别人)?(?:看|管|照看)(?:店|铺|摊)")


# a thing compared with ("跟个人创业贷款一样", "像人家开店那样"): not the person's own
_COMPARED_WITH = re.compile(r"(?:跟|和|像|同|比照|参照)[^，。,；;？?]{1,12}?(?:一样|那样|似的|一个样)")


def _business(out: Extracted, said: str) -> bool:
    """The person's business (started or planned): its kind, the borrower for a loan, whether it has started. Returns
    whether the message speaks of a business."""
    # "我是农村劳务经纪人 办了营业执照的": the agency's licence, no business of the person's
    said = nz.AGENCY_LICENCE.sub(r"\1", said)
    # "他们在隆回县还注册了个子公司": a unit's branch, no business started
    said = re.sub(r"(?:注册|成立|开|办|设)(?:了|的)?(?:个|一个|一家|家)?(?:子公司|分公司|分厂|分支机构)", "", said)
    # "利息是不是也跟个人创业贷款一样全给免了": another loan it is compared with, not the borrower
    said = _COMPARED_WITH.sub("", said)
    # "表哥不干了，还是他自己一个人开": the partner gone, one person's business, one borrower
    if _SOLO.search(said) and _PARTNER_GONE.search(said):
        out.facts["borrower_type"] = "个人"
        # (the business of one, not the partnership given up: "不是跟表哥合伙…就他自己一个人开，办个体")
        shop = next((m for m in nz.BUSINESS_RE.finditer(said) if not nz.is_negated(said, m.start()) and
                     nz.business_type(m.group(0)) != "合伙创业"), None)
        kind = nz.business_type(shop.group(0)) if shop else None
        if kind is None and re.search(r"(?:办|开|整|注册|登记|弄)(?:个|成|的)?个体", said):
            kind = "个体工商户"
        if kind in ("个体工商户",):
            out.facts["business_type"] = kind       # "要是不合伙了，自己单干开个小卖部": one person's shop
        else:
            out.forget.append("business_type")
        return True
    m = next((m for m in nz.BUSINESS_RE.finditer(said) if not nz.is_negated(said, m.start())), None)
    startup = any(not nz.is_negated(said, s.start()) for s in _STARTUP_CONTEXT.finditer(said))
    partners = _PARTNERS.search(said)
    if not (m or startup or partners or _BUSINESS_STATE.search(said)):
        return False
    company = re.search(r"有限(?:责任)?公司|(?:办|注册|登记|整|开|搞)(?:的|了)?(?:是个|成个|是|个|成)?(?:一家|一个)?(?:小)?公司", said)
    if company and (re.search(r"(?:听说|听人说|说是|据说)[^，。,；;？?]{0,12}$", said[:company.start()]) or
                    re.match(r"(?:的)?(?:给|能给|补|能补|才给)", said[company.end():])):
        company = None          # ("听说一次性创业补贴开公司给一万": the rule heard of, not the business run)
    if company and not nz.is_negated(said, company.start()) and "business_type" not in out.facts and \
            not re.search(r"合伙|入伙|合股", said):
        out.facts["business_type"] = "小微企业"       # "办的是有限公司不是个体": a company, whatever shop it runs
    # ("那饭店执照是俺哥的名，俺就是帮着看店"): another's shop, not the person's own
    theirs = ANOTHERS_SHOP.search(said)
    if m and "business_type" not in out.facts and not theirs:
        near = said[max(0, m.start() - 12):m.end() + 2]
        joint = r"合伙|入伙|搭伙|合股" if re.search(r"合作社|家庭农场", m.group(0)) else r"合伙|入伙|搭伙|合股|一起|一块"
        kind = nz.business_type(said[max(0, m.start() - 8):m.end()] if re.search(joint, near) else m.group(0))
        # (not "要是不整个体 整个公司…": the sole trader given up for the company)
        if kind == "小微企业" and any(not nz.is_negated(said, x.start()) and
                                     not re.search(r"不(?:整|开|办|搞|弄|干|做)(?:个|成)?$", said[max(0, x.start() - 4):x.start()])
                                     for x in re.finditer(r"个体", said)):
            kind = "个体工商户"
        # (or "办的个体工商户执照": the licence's kind said before it)
        registered = re.search(r"(?:执照|登记|注册)[^，。,；;？?]{0,6}?个体|个体(?:工商户)?(?:的)?(?:营业)?执照", said)
        if kind == "家庭农场" and registered and not nz.is_negated(said, registered.start()):
            kind = "个体工商户"     # "办了个养牛的家庭农场 营业执照是个体工商户": registered as a sole trader
        if kind:
            out.facts["business_type"] = kind
    elif startup and "business_type" not in out.facts:
        # ("车间的营业直照是今年四月办的": a workshop of one's own, licensed)
        kind = nz.business_type(said) if re.search(r"个体|合伙|入伙|合作社|家庭农场|公司|企业|摆摊|小店|开店|"
                                                   r"(?:车间|厂)(?:子)?的(?:营业)?(?:执照|直照)", said) else None
        if kind:
            out.facts["business_type"] = kind
    if nz.IN_THE_UNITS_NAME.search(said) and "小微企业" in said and out.facts.get("business_type") != "小微企业":
        out.form_what_if = "小微企业"   # (the small enterprise's own loan, beside the one of the form said)
    # partnership said later in its own words ("是跟我兄弟两个合伙搞"), or denied ("不是我一个人搞")
    for pm in _PARTNERS.finditer(said):
        if nz.is_negated(said, pm.start()):
            continue
        if _SOLO.search(said[:pm.start()]) and (_WHAT_IF_BEFORE.search(said[max(0, pm.start() - 12):pm.start()]) or
                                               # ("一个人单干的能贷多少，有两个想合伙开的又能贷多少": both asked)
                                               re.match(r"[^，。,；;？?]{0,8}?(?:又|呢)", said[pm.end():])) or \
                nz.OWN_LOAN_ASKED.search(said[:pm.start()]) or \
                _WHAT_IF_BEFORE.search(said[max(0, pm.start() - 12):pm.start()]) and \
                re.search(r"(?:最多|最高)?(?:能|可以)贷(?:多少|几)", said[:pm.start()]):
            # ("开个农家乐 创业担保贷款最多能贷多少 利息谁出 要是跟我表哥合伙开能贷多少": the loan asked, then partners)
            # ("…听讲政府有创业贷款 我个人能贷多少…我女儿…也想回来跟我一起干": their own loan asked, the partner later)
            # "额一个人弄能贷多少款…要是跟额表哥俩合伙弄呢": one person's business, and partners asked as a what-if
            out.form_what_if = "合伙创业"
            if "business_type" not in out.facts or out.facts["business_type"] == "合伙创业":
                out.facts["business_type"] = "个体工商户"
            break
        if not re.match(r"合伙|入伙|搭伙|合股", pm.group(0)) and \
                out.facts.get("business_type") in ("农民专业合作社", "家庭农场"):
            break                           # "带几个贫困户一起搞个合作社": a cooperative is joint by nature
        out.facts["business_type"] = "合伙创业"
        break
    # the borrower of a start-up loan: a person unless a partnership or a company is named
    loan = re.search(r"贷", said)
    bt = out.facts.get("business_type")
    if bt == "合伙创业":
        out.facts.setdefault("borrower_type", "合伙")
        joint_company = re.search(r"(?:注册|成立|办|开)(?:了)?(?:一)?(?:个|家)?[^，。,；;？?]{0,6}?(?:公司|企业)", said)
        if joint_company and not nz.is_negated(said, joint_company.start()):
            out.facts["business_type"] = "小微企业"      # "跟亲戚合伙注册一个餐饮小公司": partners, and a company
    elif loan and nz.OWNER_POOR.search(said) and nz.OWNER_LOAN.search(said):
        # "老板本人就是建档立卡贫困户…老板想再贷点款扩大养殖": the owner's own start-up loan, as a poor person
        out.facts["borrower_type"] = "个人"
    elif _company_loan(said, bt) or (bt == "小微企业" and loan and (
            not _PERSONAL.search(said) or re.search(r"我们(?:这个|这家)?(?:公司|企业|厂)", said))):
        out.facts.setdefault("borrower_type", "小微企业")
    elif bt == "个体工商户" or (loan and bt is None and not _WE_A_UNIT.search(said)) or _PERSONAL.search(said):
        pm = _PERSONAL.search(said)
        if pm and nz.is_negated(said, pm.start()):
            pass
        elif loan or bt == "个体工商户" or (pm and re.search(r"搞|干|开|办|整|创业", said[pm.end():pm.end() + 4])):
            if "borrower_type" not in out.facts and not pm and bt is None:
                out.defaults.append("borrower_type")     # no one named as the borrower
            out.facts.setdefault("borrower_type", "个人")
    elif startup and not partners and bt is None and "borrower_type" not in out.facts and \
            not _WE_A_UNIT.search(said) and not nz.EMPLOYER_WORDS.search(said):
        # "现在想回村创业": one person's start-up, the borrower of a start-up loan if there is one
        out.defaults.append("borrower_type")
        out.facts["borrower_type"] = "个人"
    return True

