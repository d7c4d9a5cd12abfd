"""Read the facts in one user message (NLU entities + its text) for the policy module.

Entities from the NLU model come first; the gazetteer and the category vocabulary are also run over the text as a
backstop, because a missed place or category would give a wrong answer. Numbers are assigned to a fact by the words
around them ("签了两年合同" → contract_months; "干了半年" → months_employed). The digits of a masked number
("610328********1234", policies/privacy.py) are never read as a number.

Words typed by ear ("见档立卡户", "边原户") are read as the term they sound like (policies/normalize.heard_as) before
anything else but places (the gazetteer has its own). A rate ("一天多少钱", "一个月1000") is not a duration or a count;
a plan ("想出去打工", "想认定成社区工厂") is not a fact that already holds.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from policies import default_gazetteer, default_policies
from policies import normalize as nz
from policies.privacy import masked_spans

from .clock import today

MAX_TEXT = 500  # characters of a message that are interpreted; the rest is cut with a notice

_DURATION_RE = re.compile(
    r"(?:[0-9０-９]+(?:\.[0-9]+)?|[一二两三四五六七八九十半俩仨]+)\s*(?:个多月|个半月|个月|多月|月|年半|多年|年多|年(?!级))|半年")
_MONEY_RE = re.compile(r"(?:[0-9０-９]+(?:\.[0-9]+)?万?|[一二两三四五六七八九十百千万]{2,})\s*(?:元|块钱|块)"
                       r"|[0-9０-９]+(?:\.[0-9]+)?万(?![0-9人个名户])")
# a bare number right after a money word: "车票680", "路费花了三百二"
_MONEY_CTX_RE = re.compile(r"(?:(?:车票|路费|车费|机票|房租|租金|水电)(?:费)?(?:一年|每年|一个月|每月|每个月|一年下来)?"
                           r"(?:花了|是|要|共|一共|大概|差不多|交)?|花了|花费了?|掏了|付了)\s*([0-9]+(?:\.[0-9]+)?(?:[千万][0-9一二三四五六七八九]?)?"
                           r"|[一二两三四五六七八九十百千万]{2,})")
_COUNT_RE = re.compile(r"(?:[0-9]+|[一二两三四五六七八九十百几来]+|俩|仨)\s*(?:个人|个|名|人|位)(?!月)")
_DAYS_RE = re.compile(r"(?:[0-9]+|[一二两三四五六七八九十百]+)\s*(?:天|日)")
# a year said alone ("2019年办过贷款") is a date, not a duration of 2019 years
_YEAR_ALONE = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}\s*年")
# a number of persons is followed by a person (or by what they did); these words after "个" are not persons
_NOT_PERSONS = re.compile(r"\s*(?:月|半月|半年|多月|课时|小时|钟头|星期|礼拜|村|镇|乡|县|市|省|厂|店|证|期|批|班|项|回|次|字|点|岗|单位|公司|"
                          r"企业|合作社|基地|车间|工坊|地方|事|问题|条件|孩子他|学校|机构|部门|工地|项目|农家乐|小|大)")
# a rate, not an amount of time or people: "一天多少", "一个月1000", "每人补多少", "一个人政府补贴多少钱"
_RATE_AFTER = re.compile(r"[^，。,；;？?]{0,4}?(?:多少|几|好多|给|补|发|报|领|拿|[0-9０-９]|[一二两三四五六七八九十][十百千万]|"
                         r"[一二两三四五六七八九十百千]+(?:块|元))")
_RATE_UNITS = re.compile(r"(?:每|一)(?:个)?(?:天|日|月|年|人|名|位)|每个人|一个人|每天|每月|每年|每人")
_CROSS_PROVINCE = re.compile(r"外省|省外|跨省|出省")
_WORK_VERBS = r"(?:打工|务工|上班|干活|工作|做工|做事|进厂|干|做|摘|采)"
_WORK_CONTEXT = re.compile(r"(在|去|到|跑).{0,8}" + _WORK_VERBS)
# where someone works: "在广东打工", "去深圳电子厂", "到西安一家物流公司", "在东莞厂里做" (group 1 the place)
_WORK_PLACE_RE = re.compile(
    r"(?:在|去|到|跑)(?:了|的)?([^\s，,。在去到]{2,8}?)(?:那边|这边)?(?:打工|务工|上班|干活|做工|摘|采)"
    r"|去的([^\s，,。在去到]{2,6}?)(?=[，,。；;\s]|$)"
    r"|(?:去|到|跑|进)(?:了|的)?([^\s，,。在去到]{2,8}?)(?:的)?(?:一家|一个)?[^\s，,。]{0,6}?(?:厂|工地|公司|酒店|果园|矿|餐馆|饭店)"
    r"|在([^\s，,。在去到]{2,8}?)(?:的)?(?:一家|一个)?[^\s，,。]{0,6}?(?:厂|工地|公司|酒店|车间|果园|基地)(?:里)?"
    r"(?:上班|打工|干活|做|干|工作)")
_HOME_CONTEXT = re.compile(r"(我是|俺是|咱是|额是|老家|户口|户籍|家在|家是|住在|来自)")
_NEIGHBOUR_AFTER = re.compile(r"([^\s，,。的在]{2,6}?)(?:的)?(?:旁边|对面|隔壁|附近|边上)")
_NEIGHBOUR_BEFORE = re.compile(r"(?:挨着|靠近|紧挨|邻近|跟|和)([^\s，,。的]{2,6}?)(?:挨着|交界|接壤|搭界|连着)")
_LOCAL_WORK = re.compile(r"(?:在|去|到|是)[^，。,；;\s]{0,4}?(?:本县|县城|县里|县上|镇上|乡里|村里|村上|家门口|附近|本地|当地|本乡|本镇)"
                         r"[^，。,；;]{0,10}?(?:" + _WORK_VERBS + r"|厂|公司|工地|车间|基地)")

# a clause: what lies between two of these
_CLAUSE_END = "，,。；;！!？?\n（()）"
# a plan or a question about what may happen, not a fact that holds ("想认定成社区工厂", "打算签合同", "要是合格了")
_PLAN = re.compile(r"(?:想|打算|准备|计划|寻思|考虑|希望|申请|能不能|能否|可不可以|如果|要是|假如|万一|将来)[^，,。；;]{0,6}$")
# words that say the negated category is someone else's ("他弟弟不是贫困户", "还有4个是低保户不是建档立卡的")
_OTHERS = re.compile(r"弟弟|哥哥|姐姐|妹妹|他弟|他哥|她弟|她哥|老表|另外|其余|剩下|还有|别的|其他|其它|有的|"
                     r"[0-9一二两三四五六七八九十几俩仨]+\s*(?:个|名|位|人)")
_CORRECTION = re.compile(r"不对|说错|搞错|弄错|记错|更正|纠正|说混")


# the words between a year and 毕业 that make it a school leaver's, not a graduate's ("初中刚毕业")
_NOT_SCHOOL = r"(?:(?!初中|高中|小学|中考|高考)[^，。,；;？?])"

# Yes/no facts said in passing ("社保也交了", "娃在技校上学"). (pattern, fact, value); a negation right before the
# match flips the value ("没交社保", "不是贫困地区"). For one fact a later pattern that matches overrides an earlier
# one (the "no" patterns come after the "yes" ones). Facts in PLAN_SENSITIVE are not taken from a plan.
BOOL_PHRASES = [
    (r"社保[^，。,；;？?]{0,5}?(交|缴|买|上)(了|着|的|过)?|(交|缴|买|上)(了|着)?[^，。,；;]{0,3}?"
     r"(社保|社会保险|五险|养老保险|失业保险)|有社保|(交|缴)纳(了)?社(会)?保(险)?", "insurance_paid", True),
    (r"社保[^，。,；;？?]{0,3}?(没|没有|未|冇)(交|缴|买|上)|(没|没有|未|不)(给)?[^，。,；;]{0,2}?(交|缴|买|上)社保",
     "insurance_paid", False),
    # paid by the person, not by a unit ("社保是我自己按灵活就业交的")
    (r"(自己|个人|本人)[^，。,；;？?]{0,8}?(交|缴)(的)?(社保|保险)?|社保[^，。,；;？?]{0,6}?(自己|个人)(交|缴)|灵活就业",
     "insurance_paid", False),
    (r"贫困地区|贫困县", "employer_in_poor_area", True),
    # at a technical school (技工院校) or going to one; a university is not one
    (r"(上|读|念|考上|考了|在)[^，。,；;？?]{0,8}?(大学|本科|大专|研究生)(?!毕业)", "in_technical_school", False),
    (r"(上|读|念|在|进|考上|考进|考了|去|学|报)(?:(?!上|读|念|在|进|去|学|报)[^，。,；;？?]){0,10}?"
     r"(技校|技工院校|技工学校|技工学院|技师学院|技工院)"
     r"|(技校|技工院校|技工学校|技工学院|技师学院)[^，。,；;？?]{0,4}?(读|念|上学|学习|学|就读|在读|一年级|二年级|三年级)",
     "in_technical_school", True),
    # the training's certificate (合格证), from passing its test: "考核合格了", "结业考核合格", "20个人合格"
    (r"(拿到|取得|有|拿了|领了|考了|发了|拿)(了)?(个|张)?(培训)?(合格证|结业证)|(培训|考核|考试|结业|学习|学完)"
     r"[^，。,；;？?]{0,5}?(合格|通过)|合格了|都合格|全部合格|全合格|[0-9一二两三四五六七八九十百]+\s*(个)?(人|名|个)"
     r"[^，。,；;？?]{0,3}?合格", "training_certificate", True),
    (r"(没|没有|未|冇)(考)?(合格|通过|拿到合格证|拿到证)|不合格", "training_certificate", False),
    (r"(拿到|取得|考到|考了|考取|拿了|有)(了)?(个|一个|张)?[^，。,；;？?]{0,4}?(职业资格证|资格证|等级证|技能证|电工证|焊工证|"
     r"上岗证|操作证|证书)|鉴定(合格|通过)|通过(了)?鉴定", "got_qualification_certificate", True),
    (r"第一次(鉴定|考证|考)|初次(鉴定|考证)|头一回(鉴定|考证|考)", "first_appraisal", True),
    (r"(又|再|还)(想|要|去|能)?(考|鉴定|参加鉴定)|考高级|二次鉴定|第二次(鉴定|考)", "first_appraisal", False),
    (r"签(了|过|的|订|好)?[^，。,；;？?]{0,8}?(合同|(?<!帮扶|合作|对接|租赁|购销|服务)协议)|合同(也|都)?(签|有)(了|过|的)|有(劳动)?合同",
     "labor_contract_signed", True),
    (r"没签|没有签|未签|不签|没合同|没有合同|不跟.{0,2}签|不给.{0,2}签|不和.{0,2}签", "labor_contract_signed", False),
    (r"认定(过|了|的|成|为|下来)|已(经)?认定|经(过)?认定|被认定|是认定的", "employer_recognized", True),
    (r"(没|没有|未|还没|不是)[^，。,；;？?]{0,8}?认定|认定不了", "employer_recognized", False),
    (r"失业(?!保险|青年|人员|登记|证)|没(有)?(工作|活干|事做|事干|就业)|冇得?(工作|事做|活干|事干)|没得(工作|活路|事做|活干)|"
     r"待业|找不到(工作|活)|没找到(工作|活)|在家闲|闲在家|被辞|辞退|下岗|未就业|没上班|不上班", "unemployed", True),
    (r"季节(性)?(工|用工|活|岗位)|临时工|摘(了)?[^，。,；;]{0,4}?(棉花|苹果|茶叶)|采茶", "seasonal_job", True),
    (rf"今年(刚)?(大学|大专|本科|研究生)?毕业|应届|毕业(还)?(不到|没满|不满)(两|2)年|去年{_NOT_SCHOOL}{{0,6}}?毕业|"
     rf"(?<!初中)(?<!高中)(?<!小学)刚(刚)?(从)?{_NOT_SCHOOL}{{0,8}}?毕业", "graduation_window", True),
    (r"毕业(都)?(好几|三|四|五|[3-9])年|毕业[^，。,；;？?]{0,2}?(两|2)年多", "graduation_window", False),
    (r"毕业(才|刚)?(一年|半年|几个月|[1-9一二三四五六七八九十]个月|一年多)", "graduation_window", True),
    (rf"今年{_NOT_SCHOOL}{{0,10}}?毕业|应届", "fresh_graduate", True),
    (rf"去年{_NOT_SCHOOL}{{0,6}}?毕业|前年{_NOT_SCHOOL}{{0,6}}?毕业", "fresh_graduate", False),
    (rf"明年{_NOT_SCHOOL}{{0,6}}?毕业|还有一年(就)?毕业|大四", "final_year_student", True),
    # the share of 脱贫 workers in the staff (社区工厂: 不低于员工总数1/3)
    (r"(脱贫|贫困|建档立卡)[^，。,；;？?]{0,6}?(占(了)?|有)[^，。,；;？?]{0,3}?(一半|半数|多半|大半|三分之一以上|超过三分之一|"
     r"三分之一|1/3|[四五六七八九]成)", "poor_staff_one_third", True),
    (r"(脱贫|贫困|建档立卡)[^，。,；;？?]{0,6}?(不到|不够|不足|没到|没有)[^，。,；;？?]{0,3}?(三分之一|1/3)", "poor_staff_one_third", False),
    (r"享受过以工代训|领过以工代训", "had_work_for_training_before", True),
    # the documents' 湖南省精准就业扶贫爱心单位 (chosen by the province) and the local 精准就业扶贫爱心单位
    (r"(评为|评上|评成|认定为|被评|是)[^，。,；;？?]{0,3}?(湖南)?省[^，。,；;？?]{0,10}?爱心(单位|企业)", "provincial_model_unit", True),
    (r"(评为|评上|评成|认定为|被评|是)[^，。,；;？?]{0,3}?(市|州|县|区|当地|市里|县里)[^，。,；;？?]{0,10}?爱心(单位|企业)|"
     r"(市|州|县|区|当地|市里|县里)[^，。,；;？?]{0,3}?(评为|评上|评成|认定为)(?:(?!省)[^，。,；;？?]){0,10}?爱心(单位|企业)",
     "local_model_unit", True),
    (r"(今年)?(已经)?(领|拿|享受)过(培训)?(生活费|交通费)(补贴)?", "received_allowance_this_year", True),
    # a referral given free of charge (免费职业介绍), or paid for
    (r"免费[^，。,；;？?]{0,10}?(介绍|推荐|带|送|输出|组织|安排)|(没|不|冇)收[^，。,；;？?]{0,4}?(钱|费)|不收费|分文不取",
     "registered_unemployed_referral", True),
    (r"收(了|取)?[^，。,；;？?]{0,6}?(中介费|介绍费|服务费|好处费)|收了[^，。,；;？?]{0,6}?(块|元)",
     "registered_unemployed_referral", False),
    (r"稳定(就业|干|工作|上班)[^，。,；;？?]{0,4}?(满|够|了)?(一|1|两|2|三|3)年", "stable_employment", True),
]
# these need a business in the message ("一直开着", "头一回干", "不干了" say nothing without one)
BUSINESS_BOOL_PHRASES = [
    (r"(正常)?(营业|经营)(着|中)|还在(开|干|经营|营业)|正常(营业|经营|运营)|一直[^，。,；;？?]{0,2}?(开|干|营业|经营|做)(着|呢|的)|"
     r"(开|干)着(呢|的|哩|嘞)|还开着|没关门", "operating_normally", True),
    (r"关门|倒闭|停业|歇业|黄了|干不下去|不开了|不干了|转让了", "operating_normally", False),
    (r"第一次(创业|开店|办厂|当老板|干|做|开|办|整)|头一回|头一次|首次(创业|创办)|初次创业|以前(从来)?(没|没有|从没)(干|做|开|办|整)过|"
     r"从来没(干|做|开|办)过|从没(干|做|开|办)过", "first_business", True),
    (r"(以前|之前|原来|早先|前些年)(也)?(开|办|干|做)过(店|厂|公司|个体|买卖|生意|企业)|不是(第一次|头一回)|第二次(创业|开店)",
     "first_business", False),
]
PLAN_SENSITIVE = {"insurance_paid", "training_certificate", "labor_contract_signed", "employer_recognized",
                  "operating_normally", "got_qualification_certificate", "unemployed"}

_TRAINING_NAMED = re.compile(r"SYB|IYB|syb|iyb|创办你的企业|改善你的企业|技能\+|(网络创业|创业|技能|家政|电工|焊工|育婴|月嫂|种植|养殖|电商|"
                             r"厨师|中期|岗位技能提升|提升)[^，。,\s]{0,3}培训")
# trades people train for (the documents' 家政服务员、月嫂、育婴员、养老护理员、种植、养殖、食用菌栽培、农产品加工、手工编织、
# 剪纸 … and everyday ones): "学了20天月嫂", "想学开挖掘机", "学门手艺", "办了个修脚培训班"
_TRADES = (r"电工|焊工|电焊|焊接|育婴|月嫂|家政|保姆|养老护理|护理|护工|厨师|面点|烹饪|烹调|厨艺|挖掘机|挖机|叉车|装载机|驾驶|开车|"
           r"驾照|修脚|足浴|按摩|推拿|美容|美发|理发|保安|缝纫|服装|裁缝|刺绣|编织|手工|剪纸|珠串|草编|柳编|汽修|修车|维修|数控|"
           r"车工|钳工|电脑|计算机|网店|电商|直播|种植|养殖|食用菌|木耳|香菇|茶叶|果树|修剪|嫁接|农机|砌筑|瓦工|木工|钢筋|架子工|"
           r"水电工|油漆|装修|保育|收银|快递|西点|烘焙|技术|手艺|技能")
_TRAINING_TRADE = re.compile(rf"(?:(?<![大中小上同留放开])学|参加|报|上|培训)(?:了|个|门|点|过|一门|一点)?[^，。,；;？?\s]{{0,4}}?({_TRADES})"
                             rf"|({_TRADES})[^，。,；;？?\s]{{0,4}}?(?:培训|班|课)")
_TRAINING_WORD = re.compile(r"培训|学员|结业|SYB|IYB|syb|iyb")
_BUSINESS_HYPOTHETICAL = re.compile(r"\s*(?:以后|之后|的话|了以后|起来以后)")
_BUSINESS_DONE = re.compile(r"(?:开|办|整|搞|弄|干|注册|盘)(?:了|起来了|起来|下来了|好了)|执照(?:也|都)?(?:办|拿|下来)|办(?:了|好了|下来了)?"
                            r"(?:营业)?执照|注册(?:了|好了|过)|营业执照|开(?:着|了)(?:呢)?")
_STARTUP_CONTEXT = re.compile(r"创业(?!培训)|开店|办厂|开厂|(?<!助学)贷|执照|个体|当老板|做生意|做买卖|小店|摆摊|注册")
_PERSONAL = re.compile(r"自个儿|自各儿|自己|个人|一个人|我一个|单干|独自|自家")
_COMPANY_LOAN = re.compile(r"(?:公司|企业)(?:的)?名义|以(?:公司|企业)|(?:公司|企业)(?:想|要|去)?贷")
_WORK_DONE = re.compile(r"(?:干了|做了|干过|做过|上班了|进了厂|进厂了|上岗了|入职了|找到(?:了)?(?:工作|活)|已经(?:上班|就业|工作|干)|"
                        r"在[^，。,；;？?]{0,12}?(?:上班|打工|干活|做事|做工|务工|工作|帮工|摘|(?:干|做)(?:了|着|过)|"
                        r"(?:干|做)(?=[，,。；;？?！!\s]|$))|"
                        r"(?:去|到|进)[^，。,；;？?]{0,12}?(?:上班|打工|干活|做工|务工|做事|干|做)(?:了|的)|"
                        r"(?:去|到|进)[^，。,；;？?]{1,12}?(?:上班|打工|干活|做工|务工)(?!有|能|可以|的话|吗|要|咋|怎么)|"
                        r"(?:去|到|进)(?:了)?[^，。,；;？?]{0,8}?(?:厂|工地|公司|酒店)(?:里)?(?:上班|打工|干活|做|干)?了|"
                        r"换了?(?:个|份|一个|一份)?(?:厂|工作|活|单位|公司)|一直(?:在)?(?:干|做|上班)|(?:干|做)到现在)")
_AFTER_TRAINING = re.compile(r"(?:培训|学完|结业|拿证|合格)[^，。,；;？?]{0,6}?(?:后|以后|之后)[^，。,；;？?]{0,3}?(?:第)?"
                             r"([0-9一二两三四五六七八九十半]+)(?:个)?(?:多)?月[^，。,；;？?]{0,6}?(?:开|办|注册)"
                             r"|(?:培训|结业|合格证|拿证)[^。？?]{0,16}?[，,]\s*(?:过了|又过了)?"
                             r"([0-9一二两三四五六七八九十半]+)(?:个)?(?:多)?月(?:后|以后|之后)[^，。,；;？?]{0,4}?(?:就|才)?(?:开|办|注册)")
_PARTNERS = re.compile(r"合伙|入伙|搭伙|合股|(?:跟|和|与)[^，。,；;？?]{0,8}?(?:一起|一块|两个|几个|俩|仨)(?:搞|干|开|办|整)")
# a business spoken of by its state: "店一直开着呢", "小超市去年就关门了"
_BUSINESS_STATE = re.compile(nz.BUSINESS_PLACE + r"[^，。,；;？?]{0,6}?(?:开着|关门|倒闭|停业|歇业|营业|经营|开张|不开了|黄了|转让)")
_GRAD_YEAR = re.compile(r"(?<![0-9一二三四五六七八九十〇零了干做满])(?:20)?([12][0-9]|二[〇零一二三四五六七八九])\s*年"
                        r"(?:的)?(?:[^，。,；;？?]{0,8}?)毕业")
# an NLU number is taken for what it says it is only when it carries its unit ("三个" is not a duration)
_ENTITY_UNIT = {"duration": re.compile(r"月|年|周|星期|礼拜"), "days": re.compile(r"天|日"),
                "count": re.compile(r"[0-9一二两三四五六七八九十百几]")}
_TRAINING_CONTEXT = re.compile(r"培训|学(?:了|过|习|门|点|个|会|手艺|技术|开)|班|课|SYB|IYB|syb|iyb")
_NO_WORK = re.compile(r"没活干|没(有)?(工作|事做|活路)|冇得?(事做|工作|活干)|失业|待业|闲(了|着|在家)|在家闲|没上班|不上班")
_BENEFIT_BEFORE = re.compile(r"(?:补贴|补助|奖补|奖励|补帖|返还)(?:是|有|就是|能|说是|大概|一共)?\s*$")
_YEARLY_COSTS = {"insurance_contributions", "company_insurance_contributions", "rent_utilities_cost"}
_WORK_NOT = re.compile(r"没(有)?(上班|工作|打工|去成|去)|还没|不要|冇得?(事做|工作)|没活|被辞|辞退")


@dataclass
class Extracted:
    place: str | None = None
    work_place: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    categories: list[str] = field(default_factory=list)
    not_categories: list[str] = field(default_factory=list)
    numbers: list[float] = field(default_factory=list)       # numbers with no role (answers to a question)
    truncated: bool = False

    def empty(self) -> bool:
        return not (self.place or self.facts or self.categories or self.not_categories or self.work_place)


def _spans(entities, name):
    for e in entities or []:
        if e.get("entity") == name and e.get("value") is not None:
            yield e


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


def _employer_said(said: str) -> str | None:
    """The kind of employer the words name, not one said with a no ("我没在厂里")."""
    for pat, value in nz.EMPLOYER_TYPES:
        for m in re.finditer(pat, said):
            if not (nz.is_negated(said, m.start()) or re.search(r"(?:没|不|未)(?:在|去|到|进)\s*$", said[max(0, m.start() - 3):m.start()])):
                return value
    return None


def _business_done(said: str) -> bool:
    """A business that has started ("开了个…", "执照办下来了"), not one planned or imagined ("店开起来以后")."""
    return any(not _planned(said, d.start()) and not nz.is_negated(said, d.start()) and
               not _BUSINESS_HYPOTHETICAL.match(said[d.end():d.end() + 5]) for d in _BUSINESS_DONE.finditer(said))


def _role_in(words: str) -> str | None:
    """The fact of the event word that comes first in `words` (nz.EVENT_ROLES)."""
    best = None
    for pat, role in nz.EVENT_ROLES:
        m = re.search(pat, words or "")
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), role)
    return best[1] if best else None


def _planned(text: str, start: int) -> bool:
    return bool(_PLAN.search(_clause_before(text, start, 10)))


def _is_rate(text: str, s: int, e: int) -> bool:
    """'一天'/'一个月'/'每人' followed by an amount or by how much: a rate, not a length or a head-count."""
    raw = re.sub(r"\s+", "", text[s:e])
    if not _RATE_UNITS.fullmatch(raw) and not re.fullmatch(r"(?:每|一)(?:个)?(?:天|日|月|年|人|名|位)", raw):
        return False
    if re.search(r"(?:满|够|了|干|签|做|待|闲)\s*$", text[max(0, s - 2):s]):
        return False                        # "干满一年能给多少": a length said, then the question
    return bool(_RATE_AFTER.match(text[e:e + 8])) or text[max(0, s - 1):s] == "每"


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
    yes: dict[str, int] = {}
    no: dict[str, int] = {}
    others: set[str] = set()
    for start, c in sorted(set(hits)):
        if nz.is_negated(said, start):
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
        out.categories.append(c)
    out.not_categories = [c for c in sorted(no, key=no.get) if c not in out.categories]
    out.not_categories += [c for c in sorted(others) if c not in yes and c not in out.not_categories]


# --------------------------------------------------------------------------------------------------- head-counts
# "招了6个脱贫户和4个低收入户", "一共24个绣娘，其中脱贫户5个、边缘户2个", "5个贫困户里4个签了一年合同…还有1个干了两个月就走了":
# every number of persons is bound to its own noun (the words after it, or before it: "脱贫户5个"), and groups are
# nested by 其中 / 里头 / brackets / a colon, with siblings after 另外 / 剩下 / 还有. A group that names nobody
# ("三个干了九个月") is part of the people last named. When sibling groups each say their own conditions, the message is
# about the first of them (its count, contract and months); the others' conditions are not read as facts.
_PERSON_COUNT = re.compile(r"(?:[0-9]+|[一二两三四五六七八九十百几来]+)\s*(?:个人|个|名|位|户|人)(?![月年天半多])|俩|仨")
_SENTENCE_END = "。！!？?；;\n"
# what follows "N个" when it does not count persons: a place of work, an organisation, a thing
_THINGS = re.compile(r"(?:(?!签|干|做|在|满|来|走|去|是|都|也|有|没|才|只|已|领|拿|考|进|到|上|里)[^，,。、；;！!？?]){0,5}?"
                     r"(?:工厂|工场|社区|厂|公司|企业|合作社|基地|车间|工坊|农场|大户|机构|学校|学院|部门|单位|店|铺|馆|超市|问题|事|"
                     r"东西|地方|项目|证|班|期|批|岗位|补贴|政策|条件)")
_SIBLING = re.compile(r"另外|剩下|还有|其余|其他|余下|别的|另有")
_PERSON_WORDS = re.compile(r"人|工|学员|学生|绣娘|老乡|村民|农民|劳动力|劳动者|见习生|毕业生|大学生|孩子|娃|阿姐|妇女|老人|小伙|姑娘|"
                           r"兄弟|户")
_OTHER_WORDS = re.compile(r"一般|普通|不是|非(?!遗)|不算")
_HIRE_CONTEXT = re.compile(dict((role, pat) for pat, role in nz.COUNT_ROLES)["new_hires"])
_CONDITION = re.compile(r"签|合同|协议|干|做|满|在岗|社保|来了|才来|走了|没去|季节工|领过|享受过|一年|个月|半年")
_TOTAL_WORDS = re.compile(dict((role, pat) for pat, role in nz.COUNT_ROLES)["staff_total"])
# a staff is a unit's: the words of one (a whole village's households are not a staff)
_EMPLOYER_CONTEXT = re.compile(r"我们|厂|公司|基地|车间|工坊|合作社|单位|企业|培训|班|学员|员工|职工|工人|绣娘|老板")


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


def _class_of(words: str, policies) -> str | None:
    """Which people a group's words name: 脱贫劳动力 (含边缘户) → poor; 农村低收入人口, 低保, 特困 → lowinc; both →
    mixed; a category said with a no ("不是建档立卡的"), 一般, 普通 → other; persons with no category → person."""
    found, negated = _cats_of(words, policies)
    poor = bool(found & {"脱贫劳动力", "边缘户"})
    low = bool(found & {"农村低收入人口", "低保家庭", "特困供养"})
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
    words = said[g.end:g.stop]
    if re.match(r"[^，,、]{0,6}?(?:都|也|全|同样|一样)", words):
        return ""
    m = re.search(r"[，,、]\s*(?:都|全|全部|一律|均)", words)
    return words[:m.start()] if m else words


def _head_counts(said: str, free, policies) -> tuple[list[_Group], list[tuple[int, int]]]:
    """The groups of persons a message counts (and where it names a group again)."""
    mentions = []
    for m in _PERSON_COUNT.finditer(said):
        s, e, raw = m.start(), m.end(), m.group(0)
        if not free(s, e) or _is_rate(said, s, e):
            continue
        if not re.search(r"人|户", raw) and _NOT_PERSONS.match(said[e:e + 4]):
            continue
        v = 2.0 if raw == "俩" else 3.0 if raw == "仨" else nz.parse_count(raw)
        if v is None or v <= 0 or (raw in ("俩", "仨") and not _class_of(said[e:e + 6], policies)):
            continue
        if raw.endswith("个") and _THINGS.match(re.sub(r"\s+", "", said[e:e + 8])):
            continue                        # "一个社区工厂", "两个问题", "一个 培训学校": not persons
        if re.search(r"(?:问|说|讲|提|有)\s*$", said[max(0, s - 2):s]) and re.match(r"\s*[：:，,]|\s*事", said[e:e + 2]):
            continue                        # "问两个：", "有两个事"
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
        if re.match(r"[^，。,；;！!？?]{0,6}?(?:里头|里面|里边|里|中)", after):
            g.ref = next((h for h in reversed(groups) if h.value == v and h.ref is None), None)
            if g.ref is not None:               # "本省16个里12个": the 16 named before
                groups.append(g)
                continue
        # its noun: the words after it up to a list mark, or before it ("其中脱贫户5个")
        noun = re.split(r"[、及与跟（(]|和(?=\s*[0-9一二两三四五六七八九十几])|[，,](?!\s*(?:也|都)?(?:是|不是))", after,
                        maxsplit=1)[0]
        before = re.split(r"[、，,。；;！!？?和及（(：:]", said[max(last.end if last else 0, s - 8):s])[-1]
        g.cls = _class_of(noun, policies) or _class_of(before, policies) or \
            ("person" if re.search(r"人", said[s:e]) else None)
        g.cats = frozenset(_cats_of(noun, policies)[0] or _cats_of(before, policies)[0])
        if g.cls is None and _class_of(after, policies) in ("poor", "lowinc", "mixed", "other"):
            g.cls = _class_of(after, policies)  # "剩下4个刚来俩月，也不是建档立卡的"
        g.total = bool(_TOTAL_WORDS.search(said[max(0, s - 6):s] + noun[:4])) and \
            not re.search(r"招|吸纳|新|介绍|带", said[max(0, s - 4):s]) and not re.match(r"\s*(?:户|人家)", said[e - 1:e + 2]) and \
            bool(_EMPLOYER_CONTEXT.search(said))
        prev = next((h for h in reversed(groups) if h.ref is None), None)
        closed = bool(re.search(r"[）)]", between))
        qi = said.rfind("其中", 0, s)
        if last is not None and last.ref is not None and re.search(r"里|中", between):
            g.parent = last.ref                 # "5个贫困户里4个"
        elif last is not None and re.search(r"[（(：:]", between):
            g.parent = last.ref or last         # "8个是建档立卡的（4个新邵本地…", "介绍了15个人：8个…"
        elif prev is not None and qi >= 0 and not any(ch in _SENTENCE_END for ch in said[qi:s]) and \
                not _SIBLING.search(between):
            g.parent = prev.parent if prev.start > qi else prev     # "其中5个是…、3个是…"
        elif prev is not None and (_SIBLING.search(between) or
                                   (prev.parent is not None and not any(ch in _SENTENCE_END for ch in between))):
            g.parent = prev.parent
            if closed and g.parent is not None:
                g.parent = g.parent.parent
            if re.search(r"剩下|其余|余下", between):     # "剩下8个": what is left of the group it completes
                p = prev.parent
                while p is not None and p.value - sum(k.value for k in p.children) != v:
                    p = p.parent
                g.parent = p if p is not None else g.parent
        elif g.cls is None:                     # "三个干了九个月": of the people last named
            g.parent = next((h for h in reversed(groups) if h.parent is None and h.ref is None and
                             h.cls is not None and not h.total), None)
        if g.parent is not None:
            g.parent.children.append(g)
        groups.append(g)
    refs = [(g.start, g.end) for g in groups if g.ref is not None]
    groups = [g for g in groups if g.ref is None]
    # the group the message is about: of sibling groups that each say their own conditions, the first; the deepest
    # such family wins ("5个贫困户里4个签了合同…还有1个…")
    families: dict[int, list[_Group]] = {}
    for g in groups:
        families.setdefault(id(g.parent), []).append(g)
    chosen = None
    for sibs in families.values():
        with_cond = [g for g in sibs if _CONDITION.search(_own_words(said, g))]
        if len(sibs) >= 2 and len(with_cond) >= 2 and (chosen is None or with_cond[0].start > chosen.start):
            chosen = with_cond[0]
    if chosen is not None:
        chosen.main = True
    return groups, refs


def _others_words(said: str, groups: list[_Group]) -> list[tuple[int, int]]:
    """The words of the sibling groups of the one the message is about."""
    main = next((g for g in groups if g.main), None)
    if main is None:
        return []
    return [(g.start, g.start + len(_own_words(said, g)) + (g.end - g.start))
            for g in groups if g.parent is main.parent and g is not main]


def _leaf_counts(g: _Group, inherited: str | None) -> dict[str, float]:
    """How many people of each class a group holds: its subgroups' classes when they name them, else its own ("其中
    残疾人两名" says something of two of them, not who the others are)."""
    cls = g.cls or inherited
    classed = [k for k in g.children if _names_class(k)]
    if classed and cls in ("poor", "lowinc") and all(k.cls == cls and not k.cats <= g.cats for k in classed) and \
            sum(k.value for k in g.children) < g.value:
        return {cls: g.value}           # "12户脱贫户，其中边缘户3户": three of the twelve, all of them poor
    if classed:
        out: dict[str, float] = {}
        for k in g.children:
            for c, n in _leaf_counts(k, cls).items():
                out[c] = out.get(c, 0) + n
        return out
    return {cls or "person": g.value}


def _names_class(g: _Group) -> bool:
    return g.cls in ("poor", "lowinc", "mixed", "other") or any(_names_class(k) for k in g.children)


def _count_facts(out: Extracted, said: str, groups: list[_Group]) -> None:
    """staff_total, hired_poor_count, hired_poor_low_income_count and new_hires from the groups of persons."""
    # a class and how many of it found work ("30个人考核合格，3个月内就业了18个"): the class's employment rate
    passed = next((g for g in groups if re.match(r"[^，。,；;？?]{0,4}?(?:考核|考试|结业)?(?:都)?合格", said[g.end:g.stop])), None)
    placed = next((g for g in groups if passed is not None and g.start > passed.start and
                   re.search(r"就业(?:了)?\s*$", said[max(0, g.start - 4):g.start])), None)
    if passed is not None and placed is not None and placed.value <= passed.value:
        out.facts["class_employment_rate"] = round(placed.value / passed.value, 4)
    totals = [g for g in groups if g.total and g.parent is None and
              not re.search(r"(?:算上|加上|加起来|合起来)(?:就|一共|总共)?(?:是|有)?\s*$", said[max(0, g.start - 6):g.start])]
    hire = bool(_HIRE_CONTEXT.search(said)) or bool(re.search(r"算上|加上", said))
    if not groups or not (hire or totals):
        return
    if totals:
        out.facts["staff_total"] = totals[0].value
    by_class: dict[str, float] = {}
    for g in groups:
        if g.parent is None and not g.total:
            for c, n in _leaf_counts(g, None).items():
                by_class[c] = by_class.get(c, 0) + n
        elif g.parent is None and g.total:
            for c, n in _leaf_counts(g, None).items():
                if c != "person":
                    by_class[c] = by_class.get(c, 0) + n
    poor, low, mixed = by_class.get("poor", 0), by_class.get("lowinc", 0), by_class.get("mixed", 0)
    if poor:
        out.facts["hired_poor_count"] = poor
    if low or mixed:
        out.facts["hired_poor_low_income_count"] = poor + low + mixed
    main = next((g for g in groups if g.main), None)
    # "还有1个边缘户也签了一年，算上就是10个了": the new number of hires
    total_now = next((g for g in groups if re.search(r"(?:算上|加上|加起来|合起来|这样)(?:就|一共|总共)?(?:是|有)?\s*$",
                                                     said[max(0, g.start - 6):g.start])), None)
    if total_now is not None:
        out.facts["new_hires"] = total_now.value
        return
    if main is not None:
        out.facts["new_hires"] = main.value
    elif mixed or (low and out.facts.get("employer_type") in ("就业帮扶基地", "非遗扶贫就业工坊")):
        out.facts["new_hires"] = poor + low + mixed
    elif poor:
        out.facts["new_hires"] = poor
    elif hire:
        persons = [g for g in groups if g.parent is None and not g.total and g.cls in ("person", None)]
        if persons:
            out.facts["new_hires"] = persons[0].value


def _post_type(said: str) -> str | None:
    """The kind of public-welfare post the message speaks of, if it says enough: the place (城镇/社区 or 村) or the
    work; failing those, the people each kind is for (农村: 脱贫劳动力; 城镇: 就业困难人员, 大龄失业, 零就业家庭)."""
    if not nz.POST_WORDS.search(said):
        return None
    kind = nz.post_type(said)
    if kind and not (kind == "农村公益性岗位-其它" and not re.search(r"护林|保洁|护路|护河|巡河|河道|扫路|扫街|打扫|卫生|村|农村",
                                                                  said)):
        return kind
    if re.search(r"就业困难|大龄|零就业|失业", said):
        return "城镇公益性岗位-其它"
    if re.search(r"脱贫|贫困|建档立卡|边缘户|乡|镇", said):
        return "农村公益性岗位-其它"
    return None


def _training(out: Extracted, said: str) -> None:
    m = _TRAINING_NAMED.search(said)
    if m:
        out.facts["training_type"] = nz.training_type(m.group(0))
        return
    m = _TRAINING_TRADE.search(said)
    if m and not re.match(r"学(?:校|费|生|院|历|员)", said[m.start():m.start() + 2]):
        out.facts["training_type"] = nz.training_type(m.group(1) or m.group(2))


def _business(out: Extracted, said: str) -> bool:
    """The person's business (started or planned): its kind, the borrower for a loan, whether it has started. Returns
    whether the message speaks of a business."""
    m = next((m for m in nz.BUSINESS_RE.finditer(said) if not nz.is_negated(said, m.start())), None)
    startup = any(not nz.is_negated(said, s.start()) for s in _STARTUP_CONTEXT.finditer(said))
    partners = _PARTNERS.search(said)
    if not (m or startup or partners or _BUSINESS_STATE.search(said)):
        return False
    if m and "business_type" not in out.facts:
        near = said[max(0, m.start() - 12):m.end() + 2]
        joint = r"合伙|入伙|搭伙|合股" if re.search(r"合作社|家庭农场", m.group(0)) else r"合伙|入伙|搭伙|合股|一起|一块"
        kind = nz.business_type(said[max(0, m.start() - 8):m.end()] if re.search(joint, near) else m.group(0))
        if kind == "小微企业" and re.search(r"个体", said):
            kind = "个体工商户"
        if kind:
            out.facts["business_type"] = kind
    elif startup and "business_type" not in out.facts:
        kind = nz.business_type(said) if re.search(r"个体|合伙|入伙|合作社|家庭农场|公司|企业|摆摊|小店|开店", said) else None
        if kind:
            out.facts["business_type"] = kind
    # partnership said later in its own words ("是跟我兄弟两个合伙搞"), or denied ("不是我一个人搞")
    for pm in _PARTNERS.finditer(said):
        if nz.is_negated(said, pm.start()):
            continue
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
    elif _COMPANY_LOAN.search(said) or (bt == "小微企业" and loan and (
            not _PERSONAL.search(said) or re.search(r"我们(?:这个|这家)?(?:公司|企业|厂)", said))):
        out.facts.setdefault("borrower_type", "小微企业")
    elif bt == "个体工商户" or (loan and bt is None) or _PERSONAL.search(said):
        pm = _PERSONAL.search(said)
        if pm and nz.is_negated(said, pm.start()):
            pass
        elif loan or bt == "个体工商户" or (pm and re.search(r"搞|干|开|办|整|创业", said[pm.end():pm.end() + 4])):
            out.facts.setdefault("borrower_type", "个人")
    return True


def extract(text: str, entities: list[dict] | None, home_place: str | None = None,
            as_of: dt.date | None = None) -> Extracted:
    """Facts found in one message; dates ("前年十月办的执照") are read against `as_of` (default: today)."""
    text = text if isinstance(text, str) else ""
    out = Extracted()
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
        out.truncated = True
    entities = [e for e in (entities or []) if isinstance(e, dict) and (e.get("end") or 0) <= len(text)]
    policies = default_policies()
    gaz = default_gazetteer()
    # a masked number ("610328********1234", "139****5678") is nobody's count, amount or duration: its digits are
    # taken before any number is read
    taken: list[tuple[int, int]] = masked_spans(text)

    def free(s, e):
        return all(e <= a or s >= b for a, b in taken)

    # --- where the person works (跨省 …) and where they are from
    work_spans = []
    for e in _spans(entities, "work_destination"):
        val = str(e.get("value"))
        if _CROSS_PROVINCE.search(val):
            out.facts["work_scope"] = "跨省"
            work_spans.append((e["start"], e["end"]))
        elif _WORK_CONTEXT.search(text[max(0, e["start"] - 2):e["end"] + 6]) and \
                not _HOME_CONTEXT.search(text[max(0, e["start"] - 4):e["end"] + 2]):
            # a place is where someone works only when the words say so ("在广东打工"), not "我是广东的"
            out.work_place = val
            work_spans.append((e["start"], e["end"]))
    if _CROSS_PROVINCE.search(text):
        out.facts["work_scope"] = "跨省"
    for m in _WORK_PLACE_RE.finditer(text):
        g = next(i for i in (1, 2, 3, 4) if m.group(i))
        name = re.split(r"的|那边|这边|厂|工地|公司|里", m.group(g))[0] or m.group(g)
        if gaz.find_all(name) and not _HOME_CONTEXT.search(text[max(0, m.start() - 4):m.start()]):
            out.work_place = out.work_place or name
            work_spans.append((m.start(g), m.start(g) + len(name)))

    def in_work(s, e):
        return any(not (e <= a or s >= b) for a, b in work_spans)

    # a place named only as a neighbour ("就在海南对面", "跟湖南挨着") is not where the person is from
    for m in _NEIGHBOUR_AFTER.finditer(text):
        if gaz.find_all(m.group(1)):
            work_spans.append((m.start(1), m.end(1)))
    for m in _NEIGHBOUR_BEFORE.finditer(text):
        if gaz.find_all(m.group(1)):
            work_spans.append((m.start(1), m.end(1)))
    place_names = [str(e["value"]) for e in _spans(entities, "place") if not in_work(e["start"], e["end"])]
    # backstop: any place in the text outside a work-place span
    stripped = text
    for a, b in sorted(work_spans, reverse=True):
        stripped = stripped[:a] + "　" * (b - a) + stripped[b:]
    if gaz.find_all(stripped):
        place_names.append(stripped)
    for name in place_names:
        r = gaz.resolve(name)
        if r.place is not None:
            out.place = r.place.full_name
            break
    if out.place is None:           # typed by ear: 钱阳县, 按康, 湘谭
        heard = gaz.find_by_sound(stripped)
        if heard:
            r = gaz.resolve(heard[0].full_name)
            out.place = r.place.full_name if r.place else None

    # everything else is read from the words as heard: 见档立卡户 → 建档立卡户 (same length: positions hold)
    said = nz.heard_as(text)

    # --- categories (negation aware: 不是脱贫户)
    _categories(out, said, entities, policies)

    # --- employer / post / business / training types
    # The NLU's words for these are checked against the message: a 公司 where someone works is not their business,
    # 电工证 or 汽修店 is not a training, a bare 公益岗 says no kind of post; the words of the text come first.
    named = {}
    for ent, fn in (("employer_type", nz.employer_type), ("business_type", nz.business_type),
                    ("training_type", nz.training_type)):
        for e in _spans(entities, ent):
            v = fn(str(e["value"]))
            if v:
                named[ent] = v
                break
    if "employer_type" in named:
        out.facts["employer_type"] = named["employer_type"]
    kind = _post_type(said)                 # "保洁员" at a property company is not a public-welfare post
    if kind:
        out.facts["post_type"] = kind
    _training(out, said)
    if "training_type" not in out.facts and "training_type" in named and _TRAINING_CONTEXT.search(said) and \
            not re.search(r"证|店|铺|馆|厂", next(str(e["value"]) for e in _spans(entities, "training_type"))):
        out.facts["training_type"] = named["training_type"]
    has_business = _business(out, said)
    if has_business and "business_type" not in out.facts and "business_type" in named:
        out.facts["business_type"] = named["business_type"]
    if "employer_type" not in out.facts:
        kind = _employer_said(said)
        # the person's own shop or company is a business (business_type), not where they work
        if kind and not (kind in ("企业", "小微企业") and has_business and "business_type" in out.facts):
            out.facts["employer_type"] = kind
        elif out.facts.get("business_type") == "小微企业" and _HIRE_CONTEXT.search(said):
            out.facts["employer_type"] = "企业"     # "在长沙开公司，招了几个建档立卡贫困户": the company hires
    # --- head-counts, each bound to its noun; the words of groups the message is not about are not read as facts
    groups, refs = _head_counts(said, free, policies)
    taken.extend(refs)
    others = _others_words(said, groups)

    def theirs(s, e=None):
        return any(a <= s < b for a, b in others)

    for table, needs_business in ((BOOL_PHRASES, False), (BUSINESS_BOOL_PHRASES, True)):
        if needs_business and not has_business:
            continue
        for pat, fact, value in table:
            for m in re.finditer(pat, said):
                if fact in PLAN_SENSITIVE and _planned(said, m.start()) or theirs(m.start()):
                    continue
                neg = nz.is_negated(said, m.start())
                out.facts[fact] = (not value) if neg else value
                break
    if "training_certificate" not in out.facts and _TRAINING_WORD.search(said):
        m = re.search(r"拿(?:了|到)?证", said)
        if m and not nz.is_negated(said, m.start()):
            out.facts["training_certificate"] = True
    if out.facts.get("unemployed") is True:
        out.facts.setdefault("employed", False)
    m = re.search(r"(?<![0-9])([1-9][0-9])\s*(周)?岁", said) or \
        re.search(r"(?<![一二三四五六七八九十])([一二三四五六七八九]?十[一二三四五六七八九]?)(?:多)?(?:周)?岁", said)
    if m and free(m.start(1), m.end(1)):
        out.facts["age"] = nz.parse_count(m.group(1))           # "十九岁", "五十八岁", "五十多岁"
    else:
        m = re.search(r"(?:今年|我|她|他|孩子|娃|儿子|女儿|闺女|孙子)[^，。,；;？?0-9]{0,2}?([1-9][0-9])(?:了|$|[，。,\s])", said)
        if m and free(m.start(1), m.end(1)) and 14 <= int(m.group(1)) <= 80:
            out.facts["age"] = float(m.group(1))          # "我今年63了", "她今年23"
            taken.append((m.start(1), m.end(1)))

    # --- durations, money, counts, days: NLU entities first, then the regexes over the text
    def assign_numbers(kind, regex, parse, table, default_roles):
        cands = [(e["start"], e["end"], str(e["value"])) for e in _spans(entities, kind)
                 if _ENTITY_UNIT.get(kind, re.compile("")).search(str(e["value"])) and
                 not said[e["end"]:e["end"] + 1] == "级"]
        cands += [(m.start(), m.end(), m.group(0)) for m in regex.finditer(said)]
        for s, e, raw in sorted(cands):
            if not free(s, e):
                continue
            if _is_rate(said, s, e):
                taken.append((s, e))        # "一天多少钱", "一个月1000": a rate, neither a length nor a number
                continue
            if kind == "count" and not re.search(r"人", raw) and _NOT_PERSONS.match(said[e:e + 4]):
                taken.append((s, e))        # "6个课时", "一个村", "三个月" are not persons
                continue
            v = parse(raw)
            if v is None:
                continue
            taken.append((s, e))
            if theirs(s):
                continue                    # "…还有1个干了两个月就走了": another group's months
            roles = nz.role_for(table, said, s, e) or default_roles
            if roles is None:
                out.numbers.append(v)
                continue
            roles = [roles] if isinstance(roles, str) else roles
            if "months_since_registration" in roles and re.match(r"[^，。,；;]{0,3}?(?:车|出租|货车|挖机|拖拉机)", said[e:e + 6]):
                roles = ["months_employed"]     # "开了10年出租车": driving is a job, not a shop
            if kind == "duration" and _NO_WORK.search(_clause_before(said, s) + said[e:e + 3]):
                continue                    # "没活干快一年了": a year out of work, not at work
            for r in roles:
                if dated.get(r, -1) > s:
                    continue                # a date said after it is the newer event ("干了半年…去年又去…")
                out.facts[r] = v

    # a year said alone ("2019年办过贷款") is not 2019 years
    for m in _YEAR_ALONE.finditer(said):
        if free(m.start(), m.end()) and not re.match(r"\s*(?:[0-9]|[一二三四五六七八九十]+月)", said[m.end():m.end() + 3]):
            taken.append((m.start(), m.end()))
    # a year of graduation said short ("24年毕业的", "二五年大学毕业"): 毕业年度和毕业2年内 from July of that year
    for m in _GRAD_YEAR.finditer(said):
        if not free(m.start(1), m.end(1)):
            continue
        y = m.group(1)
        year = 2000 + (int(y) if y.isdigit() else 20 + "〇一二三四五六七八九".index(y[1].replace("零", "〇")))
        taken.append((m.start(1), m.end(1) + 1))
        months = ((as_of or today()).year - year) * 12 + ((as_of or today()).month - 7)
        if 0 <= months:
            out.facts["graduation_window"] = months <= 24
            out.facts["fresh_graduate"] = year == (as_of or today()).year
    # --- dates of events, before any duration is read: "前年十月" is a date, not 10 months
    training_dates, business_dates = [], []
    dated: dict[str, int] = {}              # fact -> where the date that gave it was said
    dated_at: list[tuple[int, float]] = []  # (where, months ago) of every date
    for s, e, months in nz.dates_in(said, as_of or today()):
        if not free(s, e):
            continue
        taken.append((s, e))
        dated_at.append((s, months))
        if theirs(s) or nz.is_negated(said, s):
            continue                        # "不是去年十月，是今年十月才去的": the date said instead counts
        role = nz.event_role(said, s, e)
        after = _clause_after(said, e, 24)
        if re.match(r"[^，。,；;]{0,8}?(?:参加|报|上|去学|学)[^，。,；;]{0,6}?培训|[^，。,；;]{0,4}?培训", after) and \
                not re.match(r"[^，。,；;]{0,3}?(?:执照|注册|开了|办了)", after):
            training_dates.append(months)
            continue                        # "前年十月份参加了创业培训": the training's date, not the shop's
        grad = re.match(r"(?:[^，。,；;]{0,10}?(?:大学|大专|本科|专科|研究生|高职|学院))?[^，。,；;]{0,3}?毕业", after)
        if grad and not re.search(r"初中|高中|小学|中专|职高|技校", said[max(0, s - 4):s] + grad.group(0)):
            # "前年7月大学毕业": 毕业年度和毕业2年内 is 24 months from then; 应届 is this year
            out.facts["graduation_window"] = months <= 24
            out.facts["fresh_graduate"] = months < (as_of or today()).month
            continue
        if role is None:                    # the event word later in the clause: "今年9月到西安一家物流公司上班"
            role = _role_in(after)
        if role is None and re.match(r"\s*(?:才|就)?(?:去|走|出去|过去)的", after):
            role = "months_since_employment"   # "是今年十月才去的"
        if role == "months_since_registration":
            w = re.search(nz.EVENT_ROLES[0][0], said[e:e + 20])
            if w and _planned(said, e + w.start()) and not _business_done(said):
                continue                    # "今年回来了，想开个面包店": a shop planned has no date yet
        if role == "months_since_registration":
            business_dates.append(months)
        if role:                            # a later date is a newer event or a correction: it stands
            out.facts[role] = months
            dated[role] = s
            if role == "months_since_employment":       # started then and working since
                out.facts["months_employed"] = months
                dated["months_employed"] = s
    # "前年六月介绍去深圳，干到前年十月就走了": worked from the one date to the other
    if len(dated_at) >= 2:
        for (s1, m1), (s2, m2) in zip(dated_at, dated_at[1:]):
            if re.search(r"(?:干|做|上班)到\s*$", said[max(0, s2 - 4):s2]) and m1 >= m2:
                out.facts["months_employed"] = m1 - m2
                out.facts["months_since_employment"] = m1
                dated["months_employed"] = s2
    # "拿证以后第8个月才开了店": months from the training to the shop, not since the shop opened
    after_training = None
    m = _AFTER_TRAINING.search(said)
    g = (1 if m.group(1) else 2) if m else 0
    if m and free(m.start(g), m.end(g)):
        after_training = 6.0 if m.group(g) == "半" else nz.parse_duration_months(m.group(g) + "个月")
        taken.append((m.start(g), m.end(g) + 3))
    # a window, not a length: "培训完3个月内就业了18个"
    for m in re.finditer(r"([0-9一二两三四五六七八九十半]+)\s*(?:个)?月(?:以内|之内|内|(?:后|以后|之后)(?=[^，。,；;？?]{0,3}?就业))", said):
        if free(m.start(1), m.end(1)) and not re.search(r"(?:干|做)了?\s*$", said[max(0, m.start() - 2):m.start()]):
            taken.append((m.start(), m.end()))
    # hours of a training ("SYB班只排了60个课时"), not hours a day
    m = re.search(r"(?<![每天])([0-9]+|[一二两三四五六七八九十百]+)\s*(?:个)?(?:课时|学时)", said)
    if m and free(m.start(1), m.end(1)) and not re.search(r"(?:每|一)(?:天|日)\S{0,2}$", said[max(0, m.start() - 4):m.start()]):
        hours = nz.parse_count(m.group(1))
        if hours:
            out.facts["training_hours"] = hours
            taken.append((m.start(1), m.end(1)))
    assign_numbers("days", _DAYS_RE, nz.parse_days, [(r"培训|学", "training_days")], "training_days")
    assign_numbers("duration", _DURATION_RE, nz.parse_duration_months, nz.DURATION_ROLES, None)
    # --- money: a yearly cost said by the month is twelve of it; rent and utilities add up; the amount of a benefit
    #     someone heard of ("保险补贴十五块") is not a cost
    cands = [(e["start"], e["end"], str(e["value"])) for e in _spans(entities, "money")
             if re.search(r"[0-9０-９]|[元块万千百]", str(e["value"])) and
             not re.match(r"\s*(?:个|人|名|户|年|月|天|岁|号|期|批)", said[e["end"]:e["end"] + 2])]
    cands += [(m.start(), m.end(), m.group(0)) for m in _MONEY_RE.finditer(said)]
    cands += [(m.start(1), m.end(1), m.group(1)) for m in _MONEY_CTX_RE.finditer(said)]
    costs: dict[str, list[float]] = {}
    for s, e, raw in sorted(cands):
        if not free(s, e):
            continue
        m = re.fullmatch(r"([0-9]+)([万千])([0-9])", raw.strip())
        v = nz.parse_money(raw) if not m else \
            float(m.group(1)) * (10000 if m.group(2) == "万" else 1000) + float(m.group(3)) * (1000 if m.group(2) == "万" else 100)
        if v is None:
            continue
        taken.append((s, e))
        role = nz.role_for(nz.MONEY_ROLES, said, s, e)
        if theirs(s):
            continue
        if role is None or _BENEFIT_BEFORE.search(said[max(0, s - 6):s]) or \
                re.search(r"(?:每|一)(?:个)?(?:天|日|人|月)(?:是|有|就|给|能|发)?\s*$", said[max(0, s - 4):s]):
            out.numbers.append(v)
            continue
        if role in _YEARLY_COSTS and re.search(r"月", said[max(0, s - 6):s]) and not re.search(r"年", said[max(0, s - 4):s]):
            v *= 12                         # "每人每月缴社保800" → 9600 a year
        costs.setdefault(role, []).append(v)
    for role, values in costs.items():
        out.facts[role] = sum(values) if role == "rent_utilities_cost" else values[-1]
    _count_facts(out, said, groups)
    for g in groups:
        if free(g.start, g.end):
            taken.append((g.start, g.end))
            if not ({"staff_total", "new_hires"} & set(out.facts)) or (len(groups) == 1 and len(said) <= 8):
                out.numbers.append(g.value)     # "3个", "收5个": an answer to the question asked
    assign_numbers("count", _COUNT_RE, nz.parse_count, [], None)
    # bare numbers ("12", "三百二") are kept for the question that was asked
    for m in re.finditer(r"(?<![0-9.])[0-9]{1,9}(?:\.[0-9]+)?(?![0-9.])", said):
        if free(m.start(), m.end()):
            out.numbers.append(float(m.group(0)))

    # --- a business started after a training (the documents' 实现创业), and within six months of it
    if has_business and _TRAINING_WORD.search(said):
        if _business_done(said):
            if not (training_dates and business_dates and max(business_dates) > min(training_dates)):
                out.facts.setdefault("started_business_after_training", True)
            if training_dates and business_dates:
                out.facts.setdefault("started_business_within_6_months",
                                     min(training_dates) - max(business_dates) <= 6)
        if after_training is not None:
            out.facts["started_business_within_6_months"] = after_training <= 6
            out.facts.setdefault("started_business_after_training", True)
    if re.search(r"(?:培训|学完)(?:后|以后|之后).{0,6}(?:开|办)(?:了|起)", said):
        out.facts.setdefault("started_business_within_6_months", True)

    # --- working now, and where
    if "months_since_employment" not in out.facts and re.search(r"进厂|上班|找到工作|找到活|入职|开始干|务工|打工", said):
        recent = nz.recent_start_months(said)
        if recent is not None:
            out.facts["months_since_employment"] = recent
            out.facts.setdefault("months_employed", recent)
    m = re.search(r"没签|没有签|没合同|没有合同|不签合同|不跟.{0,2}签|不给.{0,2}签", said)
    if m and not theirs(m.start()):
        out.facts["contract_months"] = 0
    for m in _WORK_DONE.finditer(said):
        if _planned(said, m.start()) or _WORK_NOT.search(said[max(0, m.start() - 3):m.end() + 2]):
            continue
        if out.facts.get("unemployed") is True and out.facts.get("employed") is False:
            break                           # worked before, out of work now ("之前在厂里做了两年…现在冇得事做")
        out.facts.setdefault("employed", True)
        break
    if "work_scope" not in out.facts:
        m = _LOCAL_WORK.search(said)
        if m and not _planned(said, m.start()):
            out.facts["work_scope"] = "本县"
    return out
