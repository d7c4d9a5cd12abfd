"""Read the facts in one user message (NLU entities + its text) for the policy module.

Entities from the NLU model come first; the gazetteer and the category vocabulary are also run over the text as a
backstop, because a missed place or category would give a wrong answer. Numbers are assigned to a fact by the words
around them ("签了两年合同" → contract_months; "干了半年" → months_employed). The digits of a masked number
("610328********1234", policies/privacy.py) are never read as a number.

Words typed by ear ("见档立卡户", "边原户") are read as the term they sound like (policies/normalize.heard_as) before
anything else but places (the gazetteer has its own). A rate ("一天多少钱", "一个月1000") is not a duration or a count;
a plan ("想出去打工", "想认定成社区工厂") is not a fact that already holds.

Long on purpose (about 520 lines): `extract` is one pass over the message in which each reading depends on the
ones before it (places before numbers, numbers before head-counts); the word patterns live in the extract_* modules.

The words for each kind of fact are read in their own module, and `extract` here puts them together:
extract_common (the record `Extracted`, clauses, plans, rates), extract_numbers (shapes of durations, money, counts,
dates), extract_people (categories and head-counts), extract_work (where and whether someone works, the employer,
the public-welfare post), extract_business (training and the person's business), extract_phrases (yes/no facts
said in passing).
"""
from __future__ import annotations

import datetime as dt
from policies import rx as re

from policies import default_gazetteer, default_policies
from policies.catalogue import default_catalogue
from policies import normalize as nz
from policies.normalize import WHY_GROUP as _WHY_GROUP
from policies.normalize import CONTRACT_SWAP as _CONTRACT_SWAP
from policies.normalize import CONTRACT_LONGER as _CONTRACT_LONGER
from policies.normalize import PLACE_GROUP_NAMED as _PLACE_GROUP_NAMED
from policies.normalize import RUN_SINCE as _RUN_SINCE
from policies.gazetteer import short_name
from policies.privacy import masked_spans

from .clock import today
from .extract_business import (ANOTHERS_SHOP, _AFTER_TRAINING, _PARTNER_GONE, _TRAINING_CONTEXT, _TRAINING_NAMED, _TRAINING_WORD, _business,
                               _business_done, _training, business_planned, by_months_ago)
from .extract_common import Extracted, _clause_after, _clause_before, _is_rate, _planned, _role_in, _spans
from .extract_numbers import (_BENEFIT_BEFORE, _COUNT_RE, _DAYS_RE, _DURATION_RE, _ENTITY_UNIT, _GRAD_YEAR,
                              _INSURANCE_CTX_RE, _MONEY_CTX_RE, _MONEY_RE, _NOT_PERSONS, _YEAR_ALONE, _YEARLY_COSTS)
from .extract_groups import (referral_contract_parts, interns_by_span, interns_one_by_one, not_poor_group, _GROUP_FROM, _ORIGIN_LIST, listed_origins, origin_clauses, batch_contracts, contract_parts, groups_by_their_months, intern_batches, _SOME_OF_THEM, missed_of_the_count, not_poor_besides_groups, went_to, local_groups_by_time, _month_of_year, _other_province_group, _case_groups, kin_named, both_alike, names_as_counts, internship_until, certified_of_class, _charged_part, _charged_besides_groups, _count_out, _courses, _group_days, _group_months,
                             _insured_part, _named_again_short_contract, _not_poor_part, _other_province_groups,
                             _outside_the_groups, _registered_part, _settle_counted_out, _FROM_ELSEWHERE)
from .extract_people import _CORRECTION, _HIRE_CONTEXT, _categories, _count_facts, _head_counts, _others_words, _placements
from .extract_table import apply as apply_table, blank as blank_table, find_table
from .extract_phrases import BOOL_PHRASES, BUSINESS_BOOL_PHRASES, NO_FLIP, PAST_BUSINESS, PLAN_SENSITIVE
from .extract_work import (compared, someone_elses, _CROSS_PROVINCE, _ELSEWHERE, _POLICY_ELSEWHERE, _HOME_CONTEXT, _LOCAL_WORK, _NEIGHBOUR_AFTER, _NEIGHBOUR_BEFORE,
                           _NEIGHBOUR_NEXT, _PEOPLE_ELSEWHERE,
                           _NO_WORK, _OTHER_PROVINCE_PEOPLE, _PEOPLE_FROM, _SAME_PROVINCE_PEOPLE, _UNIT_PLACE,
                           _SOMEONE_ELSES, _UNIT_PLACE_CORRECTED, _UNIT_SET_UP,
                           _WORK_CONTEXT, _WORK_DONE, _WORK_NOT, _WORK_PLACE_RE, _employer_said, _post_type)

__all__ = ["MAX_TEXT", "Extracted", "extract", "BOOL_PHRASES", "BUSINESS_BOOL_PHRASES", "PLAN_SENSITIVE"]

MAX_TEXT = 500  # characters of a message that are interpreted; the rest is cut with a notice


# the persons of a place, said right after its name ("千阳的脱贫户", "石泉县的贫困户")
_PEOPLE_AFTER_PLACE = re.compile(r"(?:县|市|区|镇)?(?:的|人)?\s*(?:脱贫户|贫困户|建档立卡|立卡户|低保户|农民工|农户|村民|贫困家庭|"
                                 r"边缘户|老乡)")


# a place's people ("湖南过来的建档立卡户", "千阳的脱贫户", "绥化青冈来的") or its money ("湖南那个岗位补贴"), said after its name
_PEOPLE_OR_MONEY_OF = re.compile(r"(?:县|市|区|省)?(?:[\u4e00-\u9fff]{1,3}(?:县|区)的?(?=[^，。,；;？?]{0,4}?(?:脱贫|贫困|建档立卡|立卡户|低保)))?"
                                 r"(?:[^，。,；;？?]{0,4}?(?:过来|来)的|的?(?:脱贫户|脱贫劳动力|贫困户|贫困劳动力|贫困人口|建档立卡|立卡户|低保户|人)|"
                                 # ("3个安康白和县的贫困家庭学生": a county of it, typed by ear, before its people)
                                 r"[^，。,；;？?]{0,4}?(?:贫困家庭|脱贫家庭|建档立卡家庭)|"
                                 r"(?:那个|那边的?|的)[^，。,；;？?]{0,6}?(?:补贴|奖补|奖励|补助))")
# the money asked for there ("能去湖南申请吗", "能在千阳领"), not a place the unit is beside ("灵台就在千阳北边不远")
_ASKED_THERE = re.compile(r"(?:去|在|到|找)$")
_PLACE_OF_POLICY = re.compile(r"([^\s，,。；;的在去到那这]{2,6}?)(?:那边|那里|那儿)?的(?:政策|文件|规定|办法|标准)|"
                              # ("有没有千阳那个500块的求职补贴": a place named for its money)
                              r"([^\s，,。；;的在去到那这有]{2,6}?)(?:那边|那里|那儿)?(?:的)?那(?:个|种|份|笔)[^，。,；;？?]{0,8}?"
                              r"(?:补贴|补助|奖补|政策|钱)")
_BESIDE = re.compile(rf"(?:县|市|区)?(?:的)?(?:东|西|南|北)?(?:{nz.NEIGHBOUR_WORDS}|边|面|跟前|不远|挨着)")
# going back home to set up there ("想回西乡开个小超市", "回老家创业")
_BACK_TO_SET_UP = re.compile(r"回(?:了|到|去)?[^，。,；;？?]{0,6}?(?:开|办|创业|搞|养|种)")


def _positions(text: str, word: str):
    """Where `word` occurs in `text`."""
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


# the place of work said again: "我不是在慈利上班 是在常德市里的厂子", "不是在县里打工，是去的长沙"
_WORK_INSTEAD = re.compile(r"不是在\s*([\u4e00-\u9fff]{2,8}?)\s*(?:上班|打工|做事|干活|务工|做工)[，,\s]*(?:是|而是)\s*(?:在|去的?|到)?\s*"
                           r"([\u4e00-\u9fff]{2,8}?)(?:里|市里|城里|县里|的|上班|打工|做事|干活)")
# (where they went said not to be there: "他当时去的不是宝鸡 是江苏昆山的厂子", "去的地方不是西安，是新疆")
_WENT_INSTEAD = re.compile(r"(?:(?:去|到|跑)的?(?:地方)?\s*(?:不是|并非)|不是(?:去|到|跑)的?)\s*([\u4e00-\u9fff]{2,8}?)[，,\s]*"
                           # ("他不是去的江苏，是在咱宝鸡高新区的电子厂上班")
                           r"(?:是|而是)\s*(?:在|去的?|到)?\s*(?:咱们|咱|俺们|我们)?\s*"
                           r"([\u4e00-\u9fff]{2,8}?)(?=的|厂|那边|那儿|市里|城里|县里|高新区|开发区|工业园|[，,。；;？?\s]|$)")

# (the workplace said not to be there: "厂子不在昆山，是在宝鸡高新区")
_WORKPLACE_INSTEAD = re.compile(r"(?:厂子|厂里|工厂|厂|公司|单位|工地|上班的地方|干活的地方|打工的地方)\s*(?:不在|不是在)\s*"
                                r"([\u4e00-\u9fff]{2,8}?)[，,\s]*(?:是|而是)?\s*在\s*([\u4e00-\u9fff]{2,8}?)"
                                r"(?=高新区|开发区|工业园|园区|市里|城里|县里|县城|的|那边|这边|[，,。；;？?\s]|$)")


# a plan to stay and work in the county instead of going out ("要是不出去了 就在县城里找个活干呢")
_STAY_LOCAL_INSTEAD = re.compile(r"(?:不出去|不去外地|不去外面|不出门|不外出|不出省|不去了|不走了)(?:了|打工了)?[，,]?(?:就|只)?"
                                 r"(?:在|到)[^，。,；;？?]{0,6}?(?:本县|县城|县里|县上|镇上|乡里|村里|家门口|附近|本地|当地)"
                                 r"[^，。,；;？?]{0,6}?(?:找|干|做|上班|打工|务工)")


_WORK_BY_EAR = re.compile(r"(?:去|到|在)([\u4e00-\u9fff]{2})(?:一个|一家|的)[^，。,；;？?\s]{0,8}?(?:厂|公司|工地|饭店|酒店|餐馆)"
                          r"[^，。,；;？?\s]{0,4}?(?:上班|打工|干活|做工)")


# a person's second course of the year, its allowance asked again ("那额9月又报了个电焊班…这回生活费交通费还给不")
_SECOND_COURSE_ALLOWANCE = re.compile(r"(?:又|再)(?:报|参加|去学|学)(?:了)?(?:个|一个|一期)?[^，。,；;？?]{0,8}?(?:班|培训)"
                                      r"[^。？?]{0,16}?(?:生活费|交通费|生活补贴)[^。？?]{0,6}?(?:还|也|再)|"
                                      # "这个月县上还有个15天的面点班 俺再去还给生活费不"
                                      r"(?:还有|又有)(?:个|一个|一期)[^，。,；;？?]{0,12}?班[^？?]{0,8}?再(?:去|参加|报)[^？?]{0,4}?"
                                      r"(?:还|也)(?:给|有|能)|"
                                      # "那回已经领过这个钱了，这回还能给不" (this year's: not "去年")
                                      r"(?:那回|上回|上次|那次|之前|前面|上一期)[^，。,；;？?]{0,4}?(?:领|拿)(?:过|了)(?:这个|那个|这笔)?"
                                      r"(?:钱|补贴|补助|生活费|交通费)[^？?]{0,10}?(?:这回|这次|这期|再)[^？?]{0,3}?(?:还|也)?(?:能|给|可以|有)")


# a group's count said again ("低收入的是5个不是3个", "脱贫户不是6个，是8个")
_COUNT_FIX = re.compile(r"(脱贫|建档立卡|贫困|边缘|低收入|低保)[^，。,；;？?0-9一二两三四五六七八九十]{0,4}?(?:"
                        r"(?:是|有|其实是)?\s*([0-9一二两三四五六七八九十]+)\s*个?(?:人)?[，,]?\s*不是\s*([0-9一二两三四五六七八九十]+)\s*个?|"
                        r"不是\s*([0-9一二两三四五六七八九十]+)\s*个?(?:人)?[，,]?\s*(?:是|而是)\s*([0-9一二两三四五六七八九十]+)\s*个?)")


_PLAIN_COUNT_FIX = re.compile(_COUNT_FIX.pattern.replace("(脱贫|建档立卡|贫困|边缘|低收入|低保)", f"({nz.PLAIN_HOUSEHOLD_WORDS})", 1))
# the unit's head-count said again ("人数也说错了，是7个不是6个"): the count of its people said before, of its class
_HEADS_FIX = re.compile(r"(人数)(?:也|都)?(?:说错了|搞错了|弄错了|记错了|报错了)?[，,]?\s*(?:"
                        r"(?:是|有|其实是)\s*([0-9一二两三四五六七八九十]+)\s*个?(?:人)?[，,]?\s*不是\s*([0-9一二两三四五六七八九十]+)\s*个?|"
                        r"不是\s*([0-9一二两三四五六七八九十]+)\s*个?(?:人)?[，,]?\s*(?:是|而是)\s*([0-9一二两三四五六七八九十]+)\s*个?)")


_ONE_STUDENT_ASKED = re.compile(r"(?:一个|每个|一名|每名)(?:学生|娃|孩子|学员)[^，。,；;？?]{0,6}?(?:一共|总共|加起来|合计|能拿|能领|多少)")


# a job still to come ("下个月要去浙江宁波厂里", "过完年打算去广东打工")
_FUTURE_JOB = re.compile(r"(?:下个月|下月|下礼拜|下周|明年|过完年|年后|开春)(?:就)?(?:要|打算|准备|想)?(?:去|到)[^，。,；;？?]{0,10}?"
                         r"(?:厂|公司|工地|上班|打工|务工|干活)")


# a child named with the school it attends ("闺女在宝鸡技师学院上二年级", "儿子在海南大学读大二")
_CHILD_AT_SCHOOL = re.compile(rf"(?:{nz.CHILD_OF_SEVERAL.pattern}|闺女|女儿|儿子|女子|小子|丫头|娃)[^，,。；;？?]{{0,10}}?"
                              rf"({nz.TECH_SCHOOL_WORDS}|大学|本科|大专|专科|高中|初中|小学|大[一二三四])")


_GROUP_FIX = re.compile(r"([^，。,；;？?]{0,16}?)的?(?:是|有)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?!多?月|天|年|小时)(?:人)?"
                        r"(?:[，,\s]*(?:不是|并不是|而不是)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位))?")


_GROUP_FIX_OLD_FIRST = re.compile(r"([^，。,；;？?]{0,16}?)的?(?:不是|并不是)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)[，,\s]*"
                                  r"(?:是|而是)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?!多?月|天|年|小时)")


# a group's count corrected with its time after it ("是10个 干满半年"), and the rest short of it ("只有2个 没干满")
_GROUP_FIX_TIME_AFTER = re.compile(r"(?:是|有)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?\s*(?:都)?\s*(?:干满|做满|干够|干了|做了)(?:了)?\s*"
                                   r"((?:[0-9]+|[一二两三四五六七八九十]+)\s*个(?:多)?月|半年|一年)")
# ("干满半年的不是十九个，是二十一个，只有俩没满": the time before the count)
_GROUP_FIX_TIME_BEFORE = re.compile(r"(?:干满|做满|干够|做够)(?:了)?\s*((?:[0-9]+|[一二两三四五六七八九十]+)\s*个(?:多)?月|半年|一年)"
                                    r"(?:以上)?的\s*(?:不是\s*[0-9一二两三四五六七八九十]+\s*(?:个|名|位)[，,\s]*)?(?:而)?(?:是|有)\s*"
                                    r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)")
_GROUP_FIX_SHORT = re.compile(r"(?:只有|就|还有|另外|剩下)?\s*([0-9一二两三四五六七八九十]+\s*(?:个|名|位)|俩|仨)(?:人)?\s*"
                              r"(?:没|不|未)(?:干|做)?(?:满|够|到)")
GROUP_SHORT = -1.0      # a group corrected as the one short of the time of the other fix (_group_fixes)


# a unit about to apply for its recognition ("正准备去申请", "打算下个月去申请认定", "准备报认定")
_RECOGNITION_PLANNED = re.compile(r"(?:正|正在|马上|这就|打算|准备|计划|想|要|下个月|过两天|回头)(?:就)?(?:去|来)?(?:找[^，。,；;？?]{0,6}?)?"
                                  r"(?:申请|申报|报|办|跑)(?!了|过)|(?:打算|准备|计划|想|要)(?:去)?认定|"
                                  r"(?:等|要是|如果)?认定(?:了|下来|之后|以后)[^，。,；;？?]{0,4}?(?:能|可以|有)")  # "认定了能拿多少"


# "签一年以上合同的只有9个", "符合条件的就5个": of those counted before, only so many meet the condition
_ONLY_THOSE = re.compile(r"(?:签(?:了|过|的)?[^，。,；;？?]{0,8}?合同的|有合同的|符合条件的|够条件的|能算(?:上)?的)(?:人)?(?:里)?\s*"
                         r"(?:其实|实际)?(?:只有|就|才|只|是|有)(?:有)?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?!月)")


_MONTHS_FIX = re.compile(r"([0-9一二两三四五六七八九十]+)\s*个?(?:多)?月的(?:那|这)?(?:个|一个|位|俩|两个|几个|些)?(?:人)?[^，。,；;？?0-9]{0,4}?"
                         r"(?:其实|实际|实际上|应该)?是\s*([0-9一二两三四五六七八九十]+)\s*个?(?:多)?月")


# "等她俩干满一年了", "要是那3个干满半年": a group said before, at a time to come
# ("那今年五月来的那仨，等明年五月干满一年了": the date it reaches the time between)
_GROUP_LATER = re.compile(r"(?:等|到|要是|如果|假如)(?:到)?(?:(?:明年|今年|后年)\s*(?:[0-9一二三四五六七八九十]+\s*月(?:份|底|初)?)?|年底|年后)?"
                          r"(?:那)?(?:她|他|它)?(?:们)?(?:俩|两个|([0-9一二两三四五六七八九十]+)\s*个)?(?:人)?(?:都)?"
                          r"(?:干|做)(?:满|够|到)\s*((?:[0-9一二两三四五六七八九十半]+)\s*个?(?:多)?(?:月|年))")
# ("那9月份那3个干满半年以后呢": the group named, then the time to come)
_GROUP_LATER_AFTER = re.compile(r"(?:那|这)(?:俩|两个|([0-9一二两三四五六七八九十]+)\s*个)(?:人)?(?:都)?(?:干|做)(?:满|够|到)\s*"
                                r"((?:[0-9一二两三四五六七八九十半]+)\s*个?(?:多)?(?:月|年))(?:以后|之后|后|了以后)")
# ("那4个到明年四月就满一年了 到时候是不是就能报了": the group named, the date it reaches the time)
_GROUP_LATER_BY = re.compile(r"(?:那|这)(?:[^，。,；;？?\s]{1,6}?(?:来的|招的|进来的|补过去的|送过去的|补进来的|去的)(?:那|这)?)?"
                             r"(?:俩|仨|两个|([0-9一二两三四五六七八九十]+)\s*个)(?:人)?"
                             # ("那补过去的那3个，等明年2月满半年了": the group named, then the date it reaches the time)
                             r"[，,]?\s*(?:都|也)?(?:到|等到|等)[^，。,；;？?]{1,8}?"
                             r"(?:就|才|都)?(?:满|够)\s*((?:[0-9一二两三四五六七八九十半]+)\s*个?(?:多)?(?:月|年))")
_GROUP_NAMED = re.compile(r"(?:那|这)\s*(?:(?:今年|去年|前年)?\s*[0-9一二两三四五六七八九十]+\s*个?月(?:份)?)?(?:来的|招的|进来的)?(?:那|这)?\s*"
                          r"(俩|仨|两个|[0-9一二三四五六七八九十]+\s*个)")


_RENEWED = re.compile(r"(?:重新|再|续|改)签(?:成|了|个|为)?\s*(一|1|两|2|三|3)\s*年(?:的)?(?:劳动)?(?:合同)?|续签(?:了)?(?:合同)?(?:到|成)?\s*(一|1|两|2|三|3)\s*年")


def _renewed(said: str):
    """(count or None, months) of some on a short contract said before who sign a year's again ("那9月来的那3个 要是下个月
    跟他们重新签成一年的合同呢")."""
    m = _RENEWED.search(said)
    if not m:
        return None
    years = nz.parse_count(m.group(1) or m.group(2))
    w = _GROUP_NAMED.search(said[:m.start()])
    n = None
    if w:
        n = 2 if re.fullmatch(r"俩|两个", w.group(1)) else nz.parse_count(re.sub(r"\s*个$", "", w.group(1)))
    return (float(n) if n else None, 12.0 * (years or 1))


_CASE_FIX = re.compile(r"((?:没|还没|没有|未)?(?:开(?:了)?(?:店|业|张)|办(?:了)?(?:营业)?执照|创(?:了)?业|开起来|开)(?:了)?)的(?:人)?(?:其实|实际)?"
                       r"(?:是|有|只有)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位|人)")


def _case_fixes(said: str) -> list:
    """"开店的是8个不是5个", "开了店的是十一个 没开的是十九个": (started a business or not, the count now) each."""
    out = []
    for m in _CASE_FIX.finditer(said):
        n = nz.parse_count(m.group(2))
        if n:
            out.append((not re.match(r"没|还没|没有|未", m.group(1)), float(n)))
    return out


def _group_later(said: str):
    """(count or None, months) of a group said before at a time to come ("那今年五月来那俩…等她俩干满一年了")."""
    m = _GROUP_LATER.search(said) or _GROUP_LATER_AFTER.search(said) or _GROUP_LATER_BY.search(said)
    if not m:
        return None
    months = nz.parse_duration_months(m.group(2))
    if months is None:
        return None
    n = nz.parse_count(m.group(1)) if m.group(1) else None
    if n is None:
        w = re.search(r"俩|仨|两个", m.group(0)) or _GROUP_NAMED.search(said[:m.start()])
        if w:
            n = nz.parse_count(w.group(0)) if re.fullmatch(r"俩|仨|两个", w.group(0)) else \
                2 if re.fullmatch(r"俩|两个", w.group(1) or "") else nz.parse_count(re.sub(r"\s*个$", "", w.group(1)))
    return (float(n) if n else None, float(months))


# "签一年合同的是5个，签半年的就1个": the count of each contract corrected
_LONG_SHORT_FIX = re.compile(r"签(?:了|的)?\s*([一两二三1-3]\s*年|[0-9一二两三四五六七八九十]+\s*个月|半年)(?:的)?(?:劳动)?(?:合同)?(?:的)?"
                             r"(?:是|有)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)[，,、\s]*"
                             r"签(?:了|的)?\s*([一两二三1-3]\s*年|[0-9一二两三四五六七八九十]+\s*个月|半年)(?:的)?(?:劳动)?(?:合同)?(?:的)?"
                             r"(?:是|有|就|就是|只有)?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)")


def _contract_groups_fixed(out: Extracted, said: str) -> None:
    """A unit's hires on a contract of a year and on a shorter one, corrected ("签一年合同的是5个，签半年的就1个"): those
    on the year's contract are the hires counted, with its months; all of them are the unit's poor hired."""
    m = _LONG_SHORT_FIX.search(said)
    if not m:
        return
    (l1, n1), (l2, n2) = (m.group(1), m.group(2)), (m.group(3), m.group(4))
    mo1, mo2 = nz.parse_duration_months(l1), nz.parse_duration_months(l2)
    c1, c2 = nz.parse_count(n1), nz.parse_count(n2)
    if None in (mo1, mo2, c1, c2) or mo1 == mo2:
        return
    (long_mo, long_n), (_short_mo, short_n) = sorted([(mo1, c1), (mo2, c2)], reverse=True)
    if long_mo < 12:
        return
    out.facts["contract_months"] = float(long_mo)
    out.facts["new_hires"] = float(long_n)
    out.facts["hired_poor_count"] = float(long_n + short_n)
    out.contract_fix = (float(long_n), float(short_n), float(_short_mo))


def _group_fixes(said: str, as_of: dt.date | None = None) -> list:
    """A correction of a group's count, by its old count or by the time its people worked: "还在干的是10个，不是11个",
    "干了两个月就回来的是4个" -> [(10, 11, None), (4, None, 2)]; by the month they came ("三月份进厂的是2个": the
    months since then)."""
    # "东莞那边 我再核了一下 是10个 干满半年 只有2个 没干满": the count of the group by its time, said after the count,
    # and the rest short of that time (GROUP_SHORT: the group under it)
    m = _GROUP_FIX_TIME_AFTER.search(said)
    count, time = (m.group(1), m.group(2)) if m else (None, None)
    if m is None:
        m = _GROUP_FIX_TIME_BEFORE.search(said)
        count, time = (m.group(2), m.group(1)) if m else (None, None)
    short = _GROUP_FIX_SHORT.search(said, m.end()) if m else None
    few = nz.parse_count(re.sub(r"\s*(?:个|名|位)$", "", short.group(1))) if short else None
    if m and short and nz.parse_count(count) and nz.parse_duration_months(time) is not None and few:
        return [(float(nz.parse_count(count)), None, float(nz.parse_duration_months(time)), False),
                (float(few), None, GROUP_SHORT, False)]
    out = []
    # ("西安那边中途回家的不是2个，是4个": the old count first)
    flipped = [(m, nz.parse_count(m.group(3)), nz.parse_count(m.group(2))) for m in _GROUP_FIX_OLD_FIRST.finditer(said)]
    for m, new, old in flipped + [(m, nz.parse_count(m.group(2)), nz.parse_count(m.group(3)) if m.group(3) else None)
                                  for m in _GROUP_FIX.finditer(said) if not flipped]:
        d = _DURATION_RE.search(m.group(1))
        months = nz.parse_duration_months(d.group(0)) if d else None
        if d and _month_of_year(m.group(1), d):
            dated = nz.dates_in(m.group(1), as_of or today())
            months = dated[0][2] if dated else None
        if new and (old or months is not None or re.search(r"还在|留下|没走|坚持", m.group(1))):
            out.append((float(new), float(old) if old else None, float(months) if months is not None else None,
                        bool(re.search(r"还在|留下|没走|坚持|一直", m.group(1)))))
    return out


_SOME_LEFT_EARLY = re.compile(r"(?:([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?\s*(?:里头|里面|里边|当中|中间|中)\s*)?"
                              r"有\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?[^，。,；;？?0-9]{0,8}?(?:只|才)?干了\s*"
                              r"(不到|不满|没到|没满)?\s*([0-9一二两三四五六七八九十半]+\s*个?(?:多)?月|半年|一年)[^，。,；;？?]{0,3}?"
                              r"(?:就)?(?:回来|回家|回老家|回去|走|不干|跑|辞)")


_SOME_CAME_LATER = re.compile(r"(?:([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?\s*(?:里头|里面|里边|当中|中间|中)\s*)?"
                              r"有\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?(?:是)?[^，。,；;？?0-9]{1,10}?"
                              r"(?:才|刚)(?:来|进|到|招)")


def _group_left_early(out: Extracted, said: str, as_of: dt.date | None = None) -> None:
    """"摘苹果那5个里头有1个干了两个月就回来了", said of a group counted before: those few are out of its count, and
    their time is theirs, not everyone's (understand.merge)."""
    if any(out.facts.get(k) for k in _TOPIC_COUNTS if k != "hired_poor_count") and \
            not re.search(r"说错|搞错|记错|对了|补充|还有", said):
        return
    if out.group_fixes:
        return      # ("干满一年的是九个 有两个干了十个月就回家了": the groups corrected, _group_fixes)
    # (a few said by 俩/仨: "浙江那捌个里头有仨干了半年就回老家了")
    said = re.sub(r"(?<=有)(俩|仨)(?![个人])", lambda x: "2个" if x.group(1) == "俩" else "3个", said)
    m = _SOME_LEFT_EARLY.search(said)
    if m is not None:
        # ("有两个其实干了不到半年就走了": under the time said)
        few, months, why = nz.parse_count(m.group(2)), nz.parse_duration_months(m.group(4)), \
            "不到" if m.group(3) else "就回来了"
    else:
        # "6个里头有2个是今年开春才来的 还没到一年": some came later, their time since then
        m = _SOME_CAME_LATER.search(said)
        dated = [d for d in nz.dates_in(said, as_of or today()) if m and m.start(2) < d[0] < m.end()] if m else []
        if not dated:
            return
        few, months, why = nz.parse_count(m.group(2)), dated[0][2], "才来"
    if not few or months is None:
        return
    # (the group's kind when said: "还有3个脱贫劳动力季节工干了两个月就回来了" are of the seasonal placements)
    kind = "seasonal_referred_count" if re.search(r"季节", m.group(0)) else None
    out.group_short = (float(few), float(nz.parse_count(m.group(1))) if m.group(1) else None, float(months), why, kind)
    out.group_short_named = bool(m.group(1)) and \
        not re.search(r"[0-9一二两三四五六七八九十]+\s*(?:个|名|位)", said[:m.start()])


def _benefit_subgroups(out: Extracted, said: str, groups) -> None:
    """Some of a group said to take part in one benefit ("新招了9个脱贫户…其中6个脱贫户俺们搞以工代训带了4个月"): the
    rest of the group are out of that benefit's count."""
    from policies.evaluator import benefit_count_fact

    words = default_catalogue().benefit_words
    for g in groups:
        own = re.split(r"[，,。；;？?！!]", said[g.end:g.stop])[0]
        if g.parent is None or g.parent.value <= g.value or not g.takes:
            continue                # (not those who had it before: "这6个里有1个去年…享受过以工代训补贴")
        for bid, w in words.items():
            b = default_policies().benefits.get(bid)
            if w is None or b is None or not w.search(own) or \
                    benefit_count_fact(b) not in ("new_hires", "hired_poor_count", "trainee_count", "intern_count"):
                continue
            out.counted_not[bid] = [g.parent.value - g.value, "没参加" + re.sub(r"[（(].*", "", b.name).removesuffix("补贴")]


def _going_to_tech_school(said: str, m) -> bool:
    """A child just out of 初中/高中 who means to go to a technical school, said before the next child is named."""
    if m.group(1) not in ("初中", "高中"):
        return False
    own = re.split(nz.CHILD_OF_SEVERAL.pattern, said[m.end():])[0]
    return bool(re.search(rf"^[^。；;？?]{{0,16}}?(?:想|要|打算|准备)(?:去)?(?:念|读|上|考)(?:个)?(?:{nz.TECH_SCHOOL_WORDS})", own))


# a sentence that starts with some of a unit's people ("哦对了，有一个是去年在别的社区工厂干过的，那边已经给他报过以工代训了"):
# what they had is theirs, not the unit's or the asker's
_ONE_OF_THEM_FIRST = re.compile(r"\s*(?:(?:哦|噢|啊)?(?:对了|还有|另外|不过|但是)?[，,\s]*)*(?:其中|里头|里面)?(?:还)?有\s*"
                                r"(?:[0-9一两二三四五六七八九十]+\s*(?:个|名|位)|个)(?:人)?(?:是|呢|，|,)")


# the words that make a place one compared with, not the asker's ("隔壁千阳县的…", "人家邻县…")
_COMPARED_BEFORE = re.compile(r"(?:隔壁|邻县|邻近|旁边|附近|人家|别的地方|别处)的?\s*$")
_NUM = r"(?:[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千万半]+)"
_NOT_THIS_NUMBER = re.compile(rf"(?<!是)(?:不是|而不是|并不是)\s*({_NUM}\s*(天|个月|月|年|元|块|个|人|名|课时|小时|%))")


def _numbers_said_not(text: str) -> list[tuple[int, int]]:
    """The spans of numbers said not to be it, when another of the same unit is said beside them ("小张是5个月，不是4个
    月"): the one said instead counts."""
    out = []
    for m in _NOT_THIS_NUMBER.finditer(text or ""):
        unit = re.escape(m.group(2))
        rest = text[:m.start()] + "　" * (m.end() - m.start()) + text[m.end():]
        if re.search(rf"{_NUM}\s*{unit}", rest):
            out.append((m.start(1), m.end(1)))
    return out


_PAUSE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![共有是了给和跟按约近差把在到从于为这那])\s+(?=[\u4e00-\u9fff0-9])(?![的了个])")


# a job said to have ended at a date, its length said bare right after ("干到今年三月就回来了 五个多月")
_WORKED_UP_TO = re.compile(r"(?:干|做|上班|打工|务工)到[^，。,；;？?]{1,10}?(?:就|才)?(?:回来|回家|走|不干|辞职|辞工)了?(?:的)?[\s，,]*$")


def _share(words: str) -> float | None:
    """'三成' → 0.3, '一半' → 0.5, '三分之一' → 1/3, '百分之三十' / '30%' → 0.3."""
    w = re.sub(r"(?:的人)?(?:都)?(?:是|为|属于)?$", "", words)
    if re.fullmatch(r"[一二三四五六七八九]成", w):
        return nz.parse_count(w[0]) / 10
    if w in ("一半", "半数"):
        return 0.5
    m = re.fullmatch(r"百分之(.+)|([0-9]+)\s*[%％]", w)
    if m:
        n = nz.parse_count(m.group(1) or m.group(2))
        return n / 100 if n and n < 100 else None
    m = re.fullmatch(r"(.+)分之(.+)", w)
    if m:
        a, b = nz.parse_count(m.group(1)), nz.parse_count(m.group(2))
        return b / a if a and b and b < a else None
    return None


def _parts_as_counts(text: str) -> str:
    """A part of a whole said just before, as its count (same length, so the entities' offsets hold; a part too short to
    hold its count stays): a share ("一共三十个工人，三成是脱贫户" read as "…，9个脱贫户", when it is a whole number), and the
    rest after a part set apart ("一共24个绣娘，除了16个是一般农户，其余都是脱贫户" read as "…，8个是脱贫户")."""
    def counted(m):
        whole = nz.parse_count(m.group(1))
        if m.re is nz.SHARE_OF_WHOLE:
            share = _share(m.group(2))
            n = whole * share if whole and share else 0
            return (round(n), 2) if abs(n - round(n)) <= 1e-6 and round(n) >= 1 else (None, 2)
        part = nz.parse_count(m.group(2))
        return (whole - part, 3) if whole and part is not None and whole > part else (None, 3)

    for pattern in (nz.SHARE_OF_WHOLE, nz.REST_OF_WHOLE):
        for m in list(pattern.finditer(text))[::-1]:
            n, group = counted(m)
            count = f"{n:g}个" if n else ""
            a, b = m.span(group)
            if count and len(count) <= b - a:
                text = text[:a] + "　" * (b - a - len(count)) + count + text[b:]
    return text


def extract(text: str, entities: list[dict] | None, home_place: str | None = None,
            as_of: dt.date | None = None, hiring: bool = False, by_clause: bool = True,
            _nested: bool = False) -> Extracted:
    """Facts found in one message; dates ("前年十月办的执照") are read against `as_of` (default: today). `hiring`: the
    conversation is a unit's about the people it hires, so a count without a hiring word ("说错了，10个里有6个是建档立卡的")
    counts those people."""
    text = text if isinstance(text, str) else ""
    out = Extracted()
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
        out.truncated = True
    entities = [e for e in (entities or []) if isinstance(e, dict) and (e.get("end") or 0) <= len(text)]
    if not _nested:
        # a long voice message with no marks at all: a comma where its clauses most likely part (nz.voice_pauses), the
        # entities' offsets moved with the text
        text, pauses = nz.with_voice_pauses(text)
        if pauses:
            entities = [dict(e, start=(e.get("start") or 0) + sum(1 for p in pauses if p <= (e.get("start") or 0)),
                             end=(e.get("end") or 0) + sum(1 for p in pauses if p < (e.get("end") or 0)))
                        for e in entities]
    # a unit's people laid out one group per line or numbered item: read row by row (extract_table), the rest as usual
    rows = None if _nested else find_table(text, as_of or today())
    if rows:
        text = blank_table(text, rows)
        entities = [e for e in entities if not (rows.span[0] <= (e.get("start") or 0) < rows.span[1])]
    # an aside that lists where a group is from ("6个是湖南本省的建档立卡贫困户（邵阳、湘西的都有），2个是贵州的"): no fact
    # of its own, and it would part a count from the next group's (blanked, so the entities' offsets hold)
    text = _ASIDE_OF_PLACES.sub(lambda m: "　" * len(m.group(0)), text)
    # a WeChat space or a voice-input pause between two clauses is a comma ("一共12个人 今年招了7个脱贫户 3月份来的4个"),
    # not part of a word: each clause's numbers and dates are its own (same length, so the entities' offsets hold)
    # (not when every word or two is spaced, "我们是 长沙的 家政公司 招了 几个": a voice input's words, not its clauses)
    pieces = sorted(len(w) for w in re.split(r"\s+", text) if w)
    # (nor in a short follow-up, "那俺妈干满一年 总共能拿多少", whose words run on as one clause)
    if len(pieces) >= 4 and len(text) >= 40 and pieces[len(pieces) // 2] >= 6:
        text = _PAUSE.sub(lambda m: "，" + m.group(0)[1:], text)
    # hires who left and were replaced, the count said including those who replaced them ("11个…本来还招过两个脱贫户没签合
    # 同干了俩月就走了 后来又补了俩进来签了一年 这11个里头就包括补进来这俩"): the ones who left are no hires of the count and
    # what is said of them (no contract, two months) is theirs; the replacements are in the count, not more of it
    inside = _REPLACED_INSIDE.search(text)
    gone = _LEFT_BEFORE.search(text) if inside else None
    if gone:
        spans = [gone.span(), inside.span()]
        refill = _REFILLED.search(text, gone.end())
        if refill and refill.start() < inside.start():
            spans.append(refill.span())
        for a, b in spans:
            text = text[:a] + "　" * (b - a) + text[b:]
    # a correction that tells first what was so at an earlier time ("不对 我记错了 开春那会他是在县城工地上打零工 没签和同
    # 去昆山是上个月底才走的"): the earlier time's clauses, up to the clause of the next date, are no facts of now
    past = _EARLIER_THEN.search(text)
    if past and re.search(_CORRECTING, text[:past.start()]):
        later = nz.dates_in(text[past.end():], as_of or today())
        if later:
            at = past.end() + later[0][0]
            start = max(text.rfind(c, 0, at) for c in "，,。；;") + 1
            if start > past.end():
                text = text[:past.start()] + "　" * (start - past.start()) + text[start:]
    if re.search(_CORRECTING, text):
        # ("是八月底才去的昆山 之前在家摘苹果": what they did before the job said, a clause of no date of its own)
        for m in _BEFORE_THAT.finditer(text):
            if not nz.dates_in(m.group(0), as_of or today()):
                text = text[:m.start()] + "　" * (m.end() - m.start()) + text[m.end():]
    # a date said and put right at once ("去年腊月就在村里的木耳合作社干活 说错了 是前年腊月"): the one said wrong is no date
    fix = re.search(rf"(?:{nz.CORRECTION_WORDS})了?[，,\s]*(?:应该|其实)?是\s*", text)
    if fix:
        was = [d for d in nz.dates_in(text[:fix.start()], as_of or today())
               if not re.search(r"[，,。；;？?！!]", text[d[1]:fix.start()].rstrip("，, "))
               or fix.start() - d[1] <= 24]
        now = nz.dates_in(text[fix.end():fix.end() + 8], as_of or today())
        if was and now and now[0][0] == 0:
            # (the date put right stands where the wrong one was said, beside the words of what happened then, when it
            # fits there; the offsets of the text are kept)
            a, b = was[-1][0], was[-1][1]
            c, d = fix.end() + now[0][0], fix.end() + now[0][1]
            right = text[c:d]
            if len(right) <= b - a:
                text = text[:a] + right + "　" * (b - a - len(right)) + text[b:c] + "　" * (d - c) + text[d:]
            else:
                text = text[:a] + "　" * (b - a) + text[b:]
    text = _parts_as_counts(text)
    text = nz.digit_years(text)     # ("二零二五年三月": 2025年三月, the same length)
    policies = default_policies()
    gaz = default_gazetteer()
    # a masked number ("610328********1234", "139****5678") is nobody's count, amount or duration: its digits are
    # taken before any number is read
    taken: list[tuple[int, int]] = masked_spans(text)
    # a number said not to be it, beside the one that is ("这期是12天，不是10天", "是29个，不是22个"): not read
    taken.extend(_numbers_said_not(text))

    def free(s, e):
        return all(e <= a or s >= b for a, b in taken)

    # --- where the person works (跨省 …) and where they are from
    work_spans = []
    for e in _spans(entities, "work_destination"):
        val = str(e.get("value"))
        if _CROSS_PROVINCE.search(val) and (text[e["start"]:e["end"]] != val or _CROSS_PROVINCE.match(text, e["start"])):
            out.facts["work_scope"] = "跨省"
            work_spans.append((e["start"], e["end"]))
        elif _WORK_CONTEXT.search(text[max(0, e["start"] - 2):e["end"] + 6]) and \
                not _HOME_CONTEXT.search(text[max(0, e["start"] - 4):e["end"] + 2]):
            # a place is where someone works only when the words say so ("在广东打工"), not "我是广东的"
            out.work_place = val
            work_spans.append((e["start"], e["end"]))
    cross = _CROSS_PROVINCE.search(text)
    if cross and re.search(r"(?:没|没有|未|冇|不)(?:去|到)?$", text[max(0, cross.start() - 3):cross.start()]):
        # "没出省 就在县城社区工厂干": in the province, in the county when it says so
        if re.search(r"县城|县上|县里|本县|镇上|村上|村里|家门口", text):
            out.facts["work_scope"] = "本县"
    elif cross:
        out.facts["work_scope"] = "跨省"
    for m in _WORK_PLACE_RE.finditer(text):
        g = next(i for i in range(1, (m.re.groups or 0) + 1) if m.group(i))
        name = re.split(r"的|那边|这边|厂|工地|公司|里", m.group(g))[0] or m.group(g)
        if text.startswith("县城", m.end(g)) and gaz.find_all(name + "县"):
            name += "县"        # ("就在邵阳县城里找个活干": the county, its town said after it)
        if gaz.find_all(name) and not re.search(f"(?:{_HOME_CONTEXT.pattern})$", text[max(0, m.start(g) - 4):m.start(g)]):
            end = m.start(g) + len(name)
            # the rest of the place's name ("到甘肃平凉的物流园": 甘肃 and 平凉): all of it is where the work is
            tail = re.match(r"[^\s，,。；;的在去到]{2,4}?(?=的|那边|这边|一家|一个|[^\s，,。；;]{0,3}?(?:厂|工地|公司|酒店|饭店|宾馆|餐馆|工业园))",
                            text[end:])
            inner, outer = (gaz.find_all(tail.group(0)) if tail else []), gaz.find_all(name)
            if inner and outer and len(inner[0].path) > len(outer[0].path) and \
                    tuple(inner[0].path[:len(outer[0].path)]) == tuple(outer[0].path):
                name, end = text[m.start(g):end + tail.end()], end + tail.end()
            out.work_place = out.work_place or name
            work_spans.append((m.start(g), end))

    def in_work(s, e):
        return any(not (e <= a or s >= b) for a, b in work_spans)

    # a place named only as a neighbour ("就在海南对面", "跟湖南挨着") is not where the person is from
    for m in _NEIGHBOUR_AFTER.finditer(text):
        # (the edge of a town is in it: "搬到保亭县城边上的安置点")
        if gaz.find_all(m.group(1)) and not re.search(r"(?:县城|城区|城里|市区|镇上|城)$", m.group(1)):
            work_spans.append((m.start(1), m.end(1)))
    # the place married from ("我是广西嫁过来的"): the person lives here now
    for m in re.finditer(r"(?:从)?([^\s，,。的在是]{2,6}?)(?:那边|那里)?(?:嫁过来|嫁到这|嫁来|嫁到我们这)", text):
        if gaz.find_all(m.group(1)):
            work_spans.append((m.start(1), m.end(1)))
    for m in _NEIGHBOUR_BEFORE.finditer(text):
        g = 1 if m.group(1) else 2
        if gaz.find_all(m.group(g)):
            work_spans.append((m.start(g), m.end(g)))
    for m in list(_NEIGHBOUR_NEXT.finditer(text)) + list(_PEOPLE_ELSEWHERE.finditer(text)):
        if gaz.find_all(m.group(1)):
            work_spans.append((m.start(1), m.end(1)))
    # a place spoken of as elsewhere ("听说你们千阳那边给500", "安康那边补1800，我们这能补多少") is not home
    for m in _ELSEWHERE.finditer(text):
        g = m.lastindex
        if gaz.find_all(m.group(g)) and not _HOME_CONTEXT.search(text[max(0, m.start(g) - 4):m.start(g)]):
            work_spans.append((m.start(g), m.end(g)))
    for m in _POLICY_ELSEWHERE.finditer(text):
        for g in range(1, (m.re.groups or 0) + 1):
            if m.group(g) and gaz.find_all(m.group(g)):
                work_spans.append((m.start(g), m.end(g)))
    # where a unit's people are from ("那4个是我们湖南衡阳的", "工人都是贵州的"): theirs, not the unit's place
    people_at = None
    from_groups = []            # ("3个是贵州铜仁的": 3, 贵州): some of a unit's people from another province
    for m in _PEOPLE_ARE_FROM.finditer(text):
        g = 1 if m.group(1) else 2
        if gaz.find_all(m.group(g)):
            work_spans.append((m.start(g), m.end(g)))
            people_at = people_at or m.group(g)
            n = re.search(r"[0-9一二两三四五六七八九十]+", m.group(0)[:m.start(g) - m.start()])
            if n and nz.parse_count(n.group(0)):
                from_groups.append((nz.parse_count(n.group(0)), m.group(g)))
    # ("邵阳洞口来的2个", "贵州松桃过来的2个": the place before the count; not a list of them, "湖南本省的16个、江西的4个",
    # read as a whole: extract_groups._origin_groups)
    listed = [(x.start(), x.end()) for x in _ORIGIN_LIST.finditer(text)]
    for m in _GROUP_FROM.finditer(text):
        if any(a <= m.start(1) < b for a, b in listed) or went_to(text, m):
            continue            # (where they went, "介绍到浙江宁波电子厂的5个", is no place they are from)
        found = gaz.find_all(m.group(1))
        n = nz.parse_count(m.group(2))
        # (a group of people, not a unit of the place: "岚皋的一个合作社", "宁陕的 一个 种植合作社")
        # (or the date they came: "邵阳来的建档立卡3个去年10月进厂")
        people = re.match(r"(?:人|名)?\s*(?:[，,；;。、]|都|也|是|干|做|在|签|一直|建档|贫困|脱贫|$|"
                          r"(?:去年|今年|前年)?[0-9一二三四五六七八九十]{0,2}月?(?:份)?(?:初|底)?(?:就|才)?(?:进厂|进来|来的|来了))",
                          text[m.end():])
        # (the same people named again by their place: "贵州铜仁的2个…贵州的2个都干了一年半")
        again = bool(found) and any(k == n and _within(found[0].path, (gaz.find_all(w) or found)[0].path) for k, w in from_groups)
        # (its place stays a place read: "湖南本省的只有4个" says the province too)
        if found and n and people and not again and not any(s <= m.start(1) < e for s, e in work_spans):
            from_groups.append((n, m.group(1)))
    # where someone studies ("女儿在广州读技师学院") is not home; but when it is the only place said ("孙子在儋州读技校"),
    # a local school is the likeliest, and it is used, said as such (understand.merge)
    study_at = None
    for m in re.finditer(r"在([^\s，,。；;的在去到]{2,6}?)(?:的)?(?:读|念|上学|上大学|读书|念书|上技校|上高中)|"
                         # ("我女子前年从西安一个二本毕业的"): the school's city, not home
                         r"从([^\s，,。；;的在去到]{2,6}?)(?:的)?(?:一个|一所|一家)?[^\s，,。；;]{0,6}?"
                         r"(?:大学|学院|二本|一本|三本|大专|专科|技校|学校|职校|中专)(?:毕业|出来)", text):
        if m.group(1) is None:
            if gaz.find_all(m.group(2)):
                work_spans.append((m.start(2), m.end(2)))
                study_at = study_at or m.group(2)
            continue
        if gaz.find_all(m.group(1)):
            work_spans.append((m.start(1), m.end(1)))
            study_at = study_at or m.group(1)
    denied_place = False
    for m in re.finditer(r"(?:不是|并非|而不是|不在|没去|没在)([^\s，,。；;的在去到]{2,6})", text):
        if gaz.find_all(m.group(1)):                # "是到甘肃平凉的物流园，不是宝鸡": a place said not to be it
            work_spans.append((m.start(1), m.end(1)))
            denied_place = True
            # (and wherever it is named again: "不是东莞，东莞是我表哥")
            name = gaz.find_all(m.group(1))[0].path[-1]
            for again in re.finditer("|".join(re.escape(n) for n in {name, short_name(name)} if n), text):
                work_spans.append((again.start(), again.end()))
    for m in _PEOPLE_OF_PLACE.finditer(text):     # "江西那几个是另一批临时工": people of a place, not a place said
        if gaz.find_all(m.group(1)):
            work_spans.append((m.start(1), m.end(1)))
    for m in _SENT_PEOPLE.finditer(text):         # "去广东东莞的十五个": where some of them were sent, not a home
        if gaz.find_all(m.group(1)):
            work_spans.append((m.start(1), m.end(1)))
    for m in _FROM_ELSEWHERE.finditer(text):      # "还有俩贵州来的建档立卡户": where more of them are from
        if gaz.find_all(m.group(2)):
            work_spans.append((m.start(2), m.end(2)))
    # a place named for its document ("那千阳的政策我们陇县能不能参照着办"): not the person's, when another place is said
    doc_spans = [(m.start(g), m.end(g)) for m in _PLACE_OF_POLICY.finditer(text)
                 for g in (1, 2) if m.group(g) and gaz.find_all(m.group(g))]
    if doc_spans:
        rest = text
        for a, b in sorted(work_spans + doc_spans, reverse=True):
            rest = rest[:a] + "　" * (b - a) + rest[b:]
        if gaz.find_all(rest):
            work_spans += doc_spans
    place_names = [str(e["value"]) for e in _spans(entities, "place") if not in_work(e["start"], e["end"])]
    # backstop: any place in the text outside a work-place span
    stripped = text
    for a, b in sorted(work_spans, reverse=True):
        stripped = stripped[:a] + "　" * (b - a) + stripped[b:]
    if gaz.find_all(stripped):
        place_names.append(stripped)
    # the first place named, unless a later one lies inside it ("宝鸡一所技校，有几个千阳来的学生" is 千阳). Never the
    # covered one for being covered: "我是眉县的…听说你们千阳给500" is from 眉县, which no document covers
    found = [p for name in place_names for p in gaz.find_all(name)]      # in the order they are named
    # (the NLU's places come first in that list: "来电人在哈尔滨市道里区…听说绥化有…" is from 哈尔滨 when the NLU tagged
    # only 绥化)
    flat_named = re.sub(r"\s+", "", text)

    def _named_at(p) -> int:
        at = [flat_named.find(n) for n in (p.path[-1], short_name(p.path[-1])) if n and flat_named.find(n) >= 0]
        return min(at) if at else len(flat_named)
    found.sort(key=_named_at)
    if len({p.path[0] for p in found}) > 1:
        # a name of two provinces taken alone (the NLU's "资阳"): the one whose province the message names first
        flat_all = re.sub(r"\s+", "", text)
        found.sort(key=lambda p: not (len(p.path) > 1 and (short_name(p.path[0]) or p.path[0]) in flat_all and
                                      any(other.path[0] != p.path[0] and other.path[-1] == p.path[-1] or
                                          short_name(other.path[-1]) == short_name(p.path[-1])
                                          for other in found if other is not p)))
    if found:
        best = found[0]
        flat = re.sub(r"\s+", "", stripped)
        back = _BACK_HOME.search(flat)
        home_back = back and (gaz.find_all(back.group(1)) or gaz.find_by_sound(back.group(1)))
        if home_back:                                 # "今年开春回海轮老家了": the home gone back to
            best = home_back[0]
            out.place_as_home = True
        flat_text = re.sub(r"\s+", "", text)
        # said as home ("俺是千阳的") beats named first; in the words as said too, where the NLU took the home for a place
        # of work ("来电人说他是河南淅川县的…听亲戚说陕西千阳…给报五百块路费")
        # (the household register first: "她们一家在千阳县城租房住好几年了 就是户口还在陇县" is of 陇县)
        for m in sorted(list(_HOME_CONTEXT.finditer(flat)) +
                        [m for m in _HOME_CONTEXT.finditer(flat_text)
                         if not re.match(r"[在去到从]", flat_text[m.end():m.end() + 1])],
                        key=lambda m: not (m.group(0) in ("户口", "户籍") and
                                           re.match(r"(?:还|都|仍|仍然|一直)?(?:在|落在)", m.string[m.end():m.end() + 4]) and
                                           re.search(r"租房|住了|住在|在[^，。,；;？?]{0,8}?住", m.string))):
            src = flat if m.string is flat else flat_text
            # said as home, even a place no document covers ("我是湛江的…能享受海南那个贷款吗" is from 湛江)
            window = src[m.end():m.end() + 10]
            if m.group(0) in ("户口", "户籍") and not re.match(r"(?:是|在|落在|还在)", window):
                window = src[max(0, m.start() - 6):m.start()]    # ("凤翔户口的脱贫户": the place before it)
            lead = re.match(r"[\u4e00-\u9fff]{2,4}?(?:县|市|区)", window)
            # a county typed by ear before a place that is exact ("我是兰溪县榆林镇的", "我是海轮市海北镇的…从哈尔滨回来"),
            # or after its city ("我是宝鸡龙县东风镇的": 陇县)
            home = (gaz.find_by_sound(lead.group(0)) if lead and not gaz.find_all(lead.group(0)) else []) or \
                gaz.find_all(window)
            short = re.match(r"([\u4e00-\u9fff]{2,3}?)的", window)
            if not home and short:              # a home typed by ear before 的 ("来电的是海轮的一个大爷")
                home = gaz.find_by_sound(short.group(1))
            if home and lead and home[0].path[-1] and lead.group(0).startswith(short_name(home[0].path[-1]) or "\0"):
                rest = lead.group(0)[len(short_name(home[0].path[-1])):]
                if len(rest) >= 2 and not gaz.find_all(rest):
                    inner = [p for p in gaz.find_by_sound(rest) if tuple(p.path[:len(home[0].path)]) == tuple(home[0].path)]
                    if inner:
                        home = inner
            if home:
                best = home[0]
                # a county said after a province it is not in ("她是湖北旬阳的": 旬阳 is 陕西安康's): the county, the
                # province said wrong
                deeper = [h for h in home[1:] if len(best.path) == 1 and len(h.path) >= 3 and
                          tuple(h.path[:1]) != tuple(best.path)]
                if len(deeper) == 1 and not re.search(r"[，,。；;]", window[:window.find(short_name(deeper[0].path[-1]) or
                                                                                      deeper[0].path[-1]) + 1] or "，"):
                    best = deeper[0]
                out.place_as_home = True
                break
        for p in found:
            if len(p.path) > len(best.path) and tuple(p.path[:len(best.path)]) == tuple(best.path):
                best = p
        # the place moved to ("原来在南寨镇…今年三月搬到城关镇了"): where the unit is now
        moved = re.search(r"(?:搬到|搬去|迁到|迁去|挪到)(?:了)?\s*([^\s，,。；;的了]{2,8})", flat)
        # (a town of a common name, 城关镇, is found by its county's name before it)
        here = [p for p in (gaz.find_all(best.path[-2] + moved.group(1)) if moved and len(best.path) > 2 else [])
                if len(p.path) == len(best.path) and tuple(p.path[:-1]) == tuple(best.path[:-1])]
        if here:
            best = here[0]
        unit = _UNIT_PLACE.search(flat) or (_CORRECTION.search(flat) and _UNIT_PLACE_CORRECTED.search(flat))
        unit_at = gaz.find_all(unit.group(1)) if unit else []
        if unit_at:                 # the unit's own place answers for the unit ("厂子是在江西萍乡，工人是湖南的")
            best = unit_at[0]
            out.place_as_home = True
        out.place = best.full_name
        if not out.place_as_home:
            # the place of the person said ("千阳的脱贫户", "石泉县的贫困户"): theirs, as much as "我是千阳的"
            names = [n for part in best.path[-1:] for n in (part, short_name(part)) if n]
            if any(_PEOPLE_AFTER_PLACE.match(flat, i + len(n)) for n in names for i in _positions(flat, n)):
                out.place_as_home = True
    if out.place and found:
        # a place named to compare with ("隔壁千阳县的脱贫户都能领500块，…陈仓为啥不行"): not the asker's (another place
        # said is: "…我们陈仓的能领不")
        flat = re.sub(r"\s+", "", stripped)

        def said_to_compare(p) -> bool:
            names = [n for part in p.path[-1:] for n in (part, short_name(part)) if n]
            return any(_COMPARED_BEFORE.search(flat[max(0, i - 4):i]) for n in names for i in _positions(flat, n))
        chosen = gaz.resolve(out.place).place
        if chosen is not None and said_to_compare(chosen):
            rest = [p for p in found if p.full_name != out.place and not said_to_compare(p)]
            out.place_compared, out.place_as_home = out.place, False
            out.place = rest[0].full_name if rest else None
    set_up = _UNIT_SET_UP.search(re.sub(r"\s+", "", text))
    set_up_at = gaz.find_all(set_up.group(1)) if set_up else []
    if set_up_at:               # the unit's own place answers for the unit, a place no document covers too
        out.place, out.place_as_home = set_up_at[0].full_name, True
        if out.work_place and gaz.find_all(out.work_place) and gaz.find_all(out.work_place)[0] == set_up_at[0]:
            out.work_place = None
    # a unit of a place no document covers that asks about a covered place's money for its people ("我是东莞一家电子厂…
    # 招了20多个湖南过来的建档立卡户…湖南那个岗位补贴…能去湖南申请吗"): that document answers, for a unit outside it
    if out.place and not denied_place and nz.EMPLOYER_WORDS.search(re.sub(r"\s+", "", text)) and \
            not gaz.resolve(out.place).documents:
        flat_all = re.sub(r"\s+", "", text)
        # (the covered place is its people's home or where its money is asked for, not a place it is near: "离安康很近")
        covered = [p for p in gaz.find_all(text) if gaz.resolve(p.full_name).documents and
                   any(_PEOPLE_OR_MONEY_OF.match(flat_all, i + len(n)) or
                       _ASKED_THERE.search(flat_all[max(0, i - 3):i]) and not _BESIDE.match(flat_all, i + len(n))
                       for n in {p.path[-1], short_name(p.path[-1])} if n for i in _positions(flat_all, n))]
        hired_from = [p for p in gaz.find_all(text) if gaz.resolve(p.full_name).documents and any(
            re.search(rf"(?:招|雇|吸纳|用)(?:了)?{re.escape(n)}(?:县|市|区)?(?:的)?[0-9一二两三四五六七八九十]+\s*"
                      rf"(?:个|名)?(?:建档立卡|贫困|脱贫)", flat_all)
            for n in {p.path[-1], short_name(p.path[-1])} if n)]
        hires_them = bool(hired_from) and bool(re.search(r"岗位补贴|社保补贴|社会保险补贴|奖补", flat_all))
        covered = covered or (hired_from if hires_them else [])
        if covered:
            # (that document is its own place's units' money: the unit is answered from its own place, the covered one
            # named as not its: "哈尔滨呼兰区开了个养牛合作社…招了4个兰西的…绥化那边…能不能领")
            best = max(covered, key=lambda p: len(p.path))
            # (its people's own money: that document answers, for them; so does a conversation already of the covered
            # place, "来电人又问：那他们宁波的厂招了这26个湖南建档立卡的…" after a worker of 湖南: ✗ with why)
            # (and an agency's money for the people it sends is of their place: "西安的人力资源公司，跟安康几个县合作…")
            names = [n for n in {best.path[-1], short_name(best.path[-1])} if n]
            sends_its_people = re.search(nz.AGENCY_KINDS, flat_all) and any(
                re.search(rf"{re.escape(n)}(?:县|市|区)?的?[^，。,；;？?]{{0,4}}?(?:脱贫|贫困|建档立卡|立卡户|劳动力)", flat_all)
                for n in names)
            # (and a unit that hired that place's poor and asks for the document's money, hires_them: "重庆秀山…招了花垣县
            # 25个建档立卡贫困户…湖南那个…岗位补贴…她们厂能不能拿": that document answers, for a unit outside it)
            if hires_them and len(hired_from[0].path) > len(best.path):
                best = hired_from[0]        # (the county of the people hired: its document, its offices)
            if nz.PEOPLES_OWN_ASKED.search(flat_all) or home_place and gaz.resolve(home_place).documents or \
                    sends_its_people or hires_them:
                out.place, out.place_as_home = best.full_name, False
                out.facts["unit_location"] = "外地"
            else:
                out.place_compared = best.full_name
    elif out.place and gaz.resolve(out.place).documents and "unit_location" not in out.facts:
        # the unit asked about is of a place no document covers ("那他们宁波的厂招了这26个湖南建档立卡的，能不能拿湖南的
        # 岗位补贴"): a unit outside the covered place
        for m in _UNIT_OF_PLACE.finditer(re.sub(r"\s+", "", text)):
            at = gaz.find_all(m.group(1))
            if at and not gaz.resolve(at[0].full_name).documents and \
                    re.search(r"招|吸纳|雇|用了|接了|岗位补贴|社保补贴|单位|厂里|公司", text):
                out.facts["unit_location"] = "外地"
                break
    if out.place is None and study_at and not re.search(r"大学|本科|大专|研究生", text) and \
            not gaz.resolve(study_at).narrower:       # (宝鸡's school is not 千阳's: the county is asked)
        out.place = gaz.resolve(study_at).place.full_name
        out.place_of_study = True
    if out.place is None:           # typed by ear: 钱阳县, 按康, 湘谭
        # (a span blanked out, a place of work said by name, parts the words around it: "在西安电子厂" is no "在厂")
        heard = gaz.find_by_sound(re.sub("　+", "，", stripped))
        r = gaz.resolve(heard[0].full_name) if heard else None
        if r is not None and r.place is not None and (out.place is None or r.documents):
            out.place = r.place.full_name
    elif not gaz.resolve(out.place).documents and gaz.resolve(out.place).place is not None:
        # "我是千杨脱贫户…从县上坐班车到宝鸡": a covered county typed by ear inside the city said by its name
        city = gaz.resolve(out.place).place
        inside = [p for p in gaz.find_by_sound(stripped) if gaz.resolve(p.full_name).documents and
                  tuple(p.path[:len(city.path)]) == tuple(city.path)]
        if inside:
            out.place, out.place_as_home = inside[0].full_name, True
    elif gaz.resolve(out.place).place is not None and len(gaz.resolve(out.place).place.path) == 1:
        # "我 湖南龙回的": a county of the province said by name, typed by ear (its offices are the county's)
        prov = gaz.resolve(out.place).place
        inside = [p for p in gaz.find_by_sound(stripped) if len(p.path) > 1 and tuple(p.path[:1]) == tuple(prov.path)]
        if inside:
            out.place = inside[0].full_name
    if out.place is None and re.search(r"出岛|海南岛", stripped):
        out.place = gaz.find_all("海南")[0].full_name     # "组织贫困户出岛去广东做工": leaving the island is 海南's
    if out.place is None:
        # "我是随芬河的，就牡丹江那边": a home not found, said to be in a place's area: that place
        area = re.search(r"(?:我|俺|额|咱|他|她)(?:是|系)[^，,。；;？?]{2,8}?的[，,\s]*就(?:在)?([^\s，,。；;的]{2,6}?)(?:那边|那块|那片|那一片|那里)",
                         text)
        found = gaz.find_all(area.group(1)) if area else []
        if found:
            out.place = found[0].full_name
    if not out.work_place:
        # a place of work typed by ear ("上个月去苏洲一个电子厂上班了")
        typed = _WORK_BY_EAR.search(text)
        if typed and not gaz.find_all(typed.group(1)):
            heard = gaz.find_by_sound(typed.group(1) + "的")
            if heard:
                out.work_place = heard[0].full_name
    if out.work_place:
        out.work_place = re.split(r"一个|一家|那个|这个", out.work_place)[0] or out.work_place
        reg = re.search(r"(?:户口|户籍)(?:是|在)\s*(?:陕西|湖南|海南|黑龙江)?(?:省)?\s*([\u4e00-\u9fff]{2,4}?)(?:县|市|区)", text) \
            if out.place is None or gaz.resolve(out.place).place == gaz.resolve(out.work_place).place or \
            not gaz.resolve(out.place).documents else None
        heard = gaz.find_by_sound(reg.group(1) + "县的") if reg and not gaz.find_all(reg.group(1)) else []
        at = gaz.resolve(out.work_place).place
        if heard and gaz.resolve(heard[0].full_name).documents and at is not None and heard[0].path[:1] != at.path[:1]:
            # "户口在陕西千羊县…去湖南长沙…上班了": the home named by its household register, typed by ear, is the place
            out.place, out.place_as_home = heard[0].full_name, True
        work = gaz.resolve(out.work_place)
        known = out.place is None and home_place and gaz.resolve(home_place).documents
        # (not a worker going back home to set up there: "在安康城里打了三年工，想回西乡开个小超市" asks of home)
        # (nor a job of years ago: "我前几年在海口打过两年工 算不算海南的人")
        wp = re.escape(out.work_place)
        past_job = re.search(rf"(?:前几年|前些年|以前|之前|早些年|那几年|原来|早年)[^，。,；;？?]{{0,10}}?(?:在|去|到){wp}", text) or \
            re.search(rf"{wp}[^，。,；;？?]{{0,6}}?(?:打过|干过|做过|待过|呆过)", text)
        if work.documents and (out.place is None or not gaz.resolve(out.place).documents) and not known and \
                not past_job and not (out.place and _BACK_TO_SET_UP.search(re.sub(r"\s+", "", text))):
            # (a place already known and covered stays: "说错了，是送到长沙的厂" names where the people work)
            # the employer's place decides the employer's subsidies (湖南: 单位补贴找用人单位所在地): a worker from a
            # place no document covers, or who did not say where from, is answered from the place of work
            # (a place said as not gone to is no home: "我要是不去广州咯，就到邵阳市里头的厂里做")
            short = re.sub(r"(?:省|市|县|区|自治州|自治县)$", "", (out.place or "").split("省")[-1].split("市")[0] or
                           (out.place or "").split("省")[0])     # (a province alone: "不去广东了")
            # ("儿子不是在宁波，是在长沙打工": a place said to be wrong)
            denied = bool(short) and re.search(rf"(?:不|没|没有|别)(?:是)?(?:去|到|在)(?:了)?{re.escape(short)}", text)
            # (nor a place said as where people went: "去东莞那趟我们包了大巴" of an agency at 长沙)
            went = bool(short) and re.search(rf"(?:去|到|送到|送去|往|发往)\s*{re.escape(short)}", text)
            out.home_uncovered = None if denied or went else out.place
            out.place = work.place.full_name
        elif out.place and gaz.scope(out.place, out.work_place) == "本县" and \
                re.search(r"县城|县里|县上|镇上|村里|家门口|本县", text):
            out.facts["work_scope"] = "本县"    # "我屋是攸县的…上班就在攸县县城里头"

    # everything else is read from the words as heard: 见档立卡户 → 建档立卡户 (same length: positions hold)
    said = nz.heard_as(text)
    # "办过个照": a licence (执照) said short (个照 → 执照, same length)
    said = re.sub(r"(?<=[办领拿])([过了的]?)个照(?![片顾看相样])", r"\1执照", said)
    # whose 建档立卡 it is (湖南: 我省建档立卡…): a home in a place no document covers, "招了几个贵州的贫困户", "外省的"
    flat_said = re.sub(r"\s+", "", said)
    if _OTHER_PROVINCE_PEOPLE.search(flat_said):
        out.facts["home_province"] = "外省"
    elif _SAME_PROVINCE_PEOPLE.search(flat_said):
        out.facts["home_province"] = "本省"
    elif out.home_uncovered:
        out.people_from = out.home_uncovered
    elif people_at:
        out.people_from = gaz.find_all(people_at)[0].full_name
    else:
        for m in _PEOPLE_FROM.finditer(flat_said):
            home = gaz.find_all(m.group(1))
            if home:
                out.people_from = home[0].full_name
                break
    # (or a group's count said wrong and right: "西安那边中途回家的不是2个，是4个")
    out.correction = bool(_CORRECTION.search(said) or _GROUP_FIX_OLD_FIRST.search(said))
    # "那我要是等明年开春再报这个60天的呢": next year's claim, not this year's second one
    # ("那要是明年呢？明年要是再换个工作…能领不": next year's job and its claim)
    if re.search(r"(?:等|到|拖到|推到|放到)(?:了)?明年[^，。,；;？?]{0,6}?(?:再)?(?:报|去|参加|申请|领|学)|"
                 r"(?:要是|如果|假如)(?:是)?明年|明年(?:要是|如果|假如)(?:再)?(?:换|找|去|出去|上班|干)", said):
        out.facts["claim_next_year"] = True
    # "过期了还能补办不": a claim after its time (policies.evaluator: taken or not where the text sets no final date is
    # the office's to say)
    out.category_vague = bool(nz.VAGUE_HOUSEHOLD.search(said))
    late = nz.LATE_CLAIM.search(said)
    if late and not re.search(r"(?:文件|政策|规定|通知)[^，。,；;？?]{0,3}$", said[:late.start()]):
        out.facts["late_claim"] = True      # (not the document's end: "文件过期了还能领吗")
    # "一次性创业补帖现在能申请吗", "为啥乡里说创业补贴现在不能给我": whether it can be had now, not once time has run
    if re.search(r"现在(?:就)?(?:能|可以|能不能|可不可以|不能|不给|给不给|还不能)[^，。,；;]{0,3}?(?:申请|领|报|给|办|拿)", said):
        out.facts["asked_now"] = True
    term = re.search(r"贷(?:款)?(?:个|上)?\s*([0-9]+|[一二两三四五六七八九十]+|半)\s*年(?!前|底|初)|(?:贷款)?期限\s*(?:是|定|签)?\s*"
                     r"([0-9]+|[一二两三四五六七八九十]+)\s*年|"
                     # "贷款能不能分三年还"
                     r"(?<=贷款)[^，。,；;？?]{0,6}?分\s*([0-9]+|[一二两三四五六七八九十]+)\s*年(?:还|还清|还完)", said) or \
        (re.search(r"贷|利息|贴息|还款", said) and   # "三年行不行？两年太紧了。利息是不是…": a loan's term, asked alone
         re.match(r"\s*(?:那)?\s*([0-9]+|[一二两三四五六七八九十])\s*年(?=\s*(?:行不行|行吗|可以吗|可不可以|中不中|成不成|能行不))", said))
    if term:                    # "那能不能贷三年": the years asked for, against the loan's 期限最长
        years = 0.5 if term.group(1) == "半" else nz.parse_count(term.group(1) or term.group(2) or term.group(3))
        if years:
            out.facts["loan_term_wanted"] = float(years) * 12
            # ("我们想贷3年，分期还轻松点，行不行": asked at the end of the sentence)
            # ("想贷四百万扩大生产 贷三年 行不行": a plan of an amount and a term, asked of as a whole: the loan is
            # theirs within the text's limits, both said on the amount)
            plan = re.search(r"贷(?:款)?\s*[0-9一二两三四五六七八九十百千几]+\s*万", said)
            out.facts["loan_term_asked"] = not plan and bool(re.search(r"能不能|能否|可不可以|可以[^，。？?]{0,6}?吗|行不行|能[^，。？?]{0,6}?[不吗]",
                                                          _clause_before(said, term.start(), 8) + term.group(0) +
                                                          said[term.end():term.end() + 6]) or
                                                re.search(r"(?:行不行|行吗|中不中|可以吗|可不可以|能行不)\s*[？?]?\s*$",
                                                          re.split(r"[。？?！!]", said[term.end():])[0][:20]))
    only = _ONLY_THOSE.search(said)
    if only and (out.correction or re.search(r"只|才|就", only.group(0))) and nz.parse_count(only.group(1)):
        out.only_those = float(nz.parse_count(only.group(1)))
    more_started = nz.MORE_STARTED.search(said)
    if more_started and nz.parse_count(more_started.group(1)):
        out.case_more_started = float(nz.parse_count(more_started.group(1)))
    if out.correction:
        out.case_fixes = _case_fixes(said)
        out.group_fixes = _group_fixes(said, as_of)
        # "说错了 合格的是26个 有两个没考过": the class's certified, those its money counts
        passed = re.search(r"(?:培训|考核|考试|结业)?合格(?:的)?(?:人)?(?:其实|实际)?(?:是|有|只有)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位|人)", said)
        if passed and nz.parse_count(passed.group(1)) and "trainee_count" not in out.facts:
            out.facts["trainee_count"] = float(nz.parse_count(passed.group(1)))
            out.facts["training_certificate"] = True
        # "见习4个月的那个其实是5个月": a group's months corrected, its count the same
        for m in _MONTHS_FIX.finditer(said):
            was, now = nz.parse_count(m.group(1)), nz.parse_count(m.group(2))
            if was and now and was != now:
                out.month_fixes.append((float(was), float(now)))
        # "那俩不是今年六月，是去年六月招的": a group's start corrected, the months since it
        dates = [d for d in nz.dates_in(said, as_of or today())]
        # ("那个我说今年4月来的，其实是去年4月来的": the date said before, then the right one)
        if len(dates) == 2 and re.search(r"(?:不是|并不是|而不是|我说(?:的)?(?:是)?|说的是)\s*$",
                                         said[max(0, dates[0][0] - 4):dates[0][0]]) and \
                re.search(r"(?:是|而是)\s*$", said[dates[0][1]:dates[1][0]]) and dates[0][2] != dates[1][2]:
            out.month_fixes.append((float(dates[0][2]), float(dates[1][2])))
        elif len(dates) == 2 and re.search(r"(?:那|这)(?:个|俩|仨)?\s*[“\"']?\s*$", said[max(0, dates[0][0] - 4):dates[0][0]]) and \
                re.fullmatch(r"\s*[”\"']?\s*(?:以后|之后|后)?\s*[”\"']?\s*(?:来|进|招)的\s*[”\"']?\s*(?:其实|实际)?(?:是|而是)\s*",
                             said[dates[0][1]:dates[1][0]]) and dates[0][2] != dates[1][2]:
            # ("那个“今年五一后”来的其实是去年五一后来的": the group named by its date, dated again)
            out.month_fixes.append((float(dates[0][2]), float(dates[1][2])))
        # "开春来那个是前年开春来的": one group, named by its count, came at another date (the months since it)
        for d in dates:
            named = re.search(r"(?:那|这)\s*(个|俩|仨|[0-9一二两三四五六七八九十]+\s*个)(?:人)?\s*(?:其实|实际)?是\s*$",
                              said[max(0, d[0] - 10):d[0]])
            if named and re.match(r"(?:就|才)?(?:来|进|招|进来|进厂)(?:的|了)", said[d[1]:d[1] + 4]):
                n = 1 if named.group(1) == "个" else nz.parse_count(re.sub(r"\s*个$", "", named.group(1)))
                if n:
                    out.group_redated = (float(n), float(d[2]))
                break
    _group_left_early(out, said, as_of)
    if not out.correction:
        out.group_later = _group_later(said)
    out.renewed = _renewed(said)
    fix = _COUNT_FIX.search(said) or _HEADS_FIX.search(said) or _PLAIN_COUNT_FIX.search(said)
    if fix:
        # (the unit's plain households said again, "一般农户是18个不是16个": the rest of the whole, the other way)
        cls = "plain" if fix.re is _PLAIN_COUNT_FIX else "lowinc" if re.search(r"低收入|低保", fix.group(1)) else "poor"
        now, was = (nz.parse_count(fix.group(2)), nz.parse_count(fix.group(3))) if fix.group(2) else \
            (nz.parse_count(fix.group(5)), nz.parse_count(fix.group(4)))
        if now is not None and was is not None and now != was:
            out.count_fix = (cls, float(now - was))
    elif nz.GROUP_RECLASSED.search(said) and not nz.is_negated(said, nz.GROUP_RECLASSED.search(said).start(2)):
        # "要是那4个一般户其实也是农村低收入户呢": those 4 join that class's count
        m = nz.GROUP_RECLASSED.search(said)
        n = nz.parse_count(m.group(1))
        if n:
            out.count_fix = ("lowinc" if m.group(2) in ("低收入", "低保") else "poor", float(n))
    elif out.correction:
        again = re.search(r"(建档立卡|贫困|脱贫|低收入|低保)[^，。,；;？?0-9]{0,5}?(?:的)?(?:是|有|只有|就|才)\s*"
                          r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位|人)(?!月)", said)
        other = r"低收入|低保" if not re.search(r"低收入|低保", again.group(1) if again else "") else r"建档立卡|贫困|脱贫"
        both = again and re.search(rf"(?:{other})[^，。,；;？?0-9]{{0,5}}?[0-9一二两三四五六七八九十]+\s*(?:个|名|位|人)", said)
        # (one class's count; both said, "脱贫的是100个 低收入的是35个", are the class counts read as facts)
        if again and not both and nz.parse_count(again.group(2)) and not re.search(r"不是\s*$", said[:again.start(2)]):
            out.count_said = ("lowinc" if re.search(r"低收入|低保", again.group(1)) else "poor",
                              float(nz.parse_count(again.group(2))))
    out.in_addition = bool(re.search(r"也是|同时(?:也)?是|又是|另外(?:也)?是|补充", said)) and not out.correction
    more = nz.MORE_PEOPLE.search(said)
    out.more_people = (nz.parse_count(more.group(1)) or 0) if more else 0
    if out.more_people:
        # ("二十个学员一半是脱贫户，另外十个是城里的失业人员": the rest of a whole said in the message, not more people)
        before = [nz.parse_count(x) for x in re.findall(r"([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位)(?!月)",
                                                         said[:more.start()])]
        before = [x for x in before if x]
        if any(a + out.more_people == t for i, t in enumerate(before) for a in before[i + 1:]):
            out.more_people = 0
    out.another_course = bool(nz.ANOTHER_COURSE.search(said))
    out.class_said = bool(re.search(r"班|学员|参训|培训", said))
    # the place of work corrected ("我不是在慈利上班 是在常德市里的厂子"): where the job is, not the home
    work_instead = _WORK_INSTEAD.search(text) or _WORKPLACE_INSTEAD.search(text) or _WENT_INSTEAD.search(text)
    if work_instead and gaz.find_all(work_instead.group(2)):
        out.work_place = gaz.find_all(work_instead.group(2))[0].full_name
        if out.place and not out.place_as_home and any(p.full_name == out.place or p.full_name.startswith(out.place)
                                                       for p in gaz.find_all(work_instead.group(2))):
            out.place = None        # (the place said is the job's, not the person's)
    # the place itself corrected: "不是千阳的，是陇县的", "说错了，是汉阴的" (not "记错了，是6月到的济南": a date)
    said_instead = _PLACE_INSTEAD.search(text)
    if out.place and (denied_place or said_instead and
                      any(p.full_name == out.place for p in gaz.find_all(said_instead.group(1)))):
        out.place_corrected = True

    # --- categories (negation aware: 不是脱贫户)
    _categories(out, said, entities, policies)
    # "不是贫困户也不是低收入户": 边缘户, 低保 and 特困 are among the 农村低收入人口 (an ordinary worker)
    if "农村低收入人口" in out.not_categories:
        for c in ("边缘户", "低保家庭", "特困供养"):
            if c not in out.categories and c not in out.not_categories:
                out.not_categories.append(c)
    # "初中毕业一直在家": a school leaver, not a college graduate
    if "高校毕业生" not in out.categories and "高校毕业生" not in out.not_categories and \
            re.search(r"(?:初中|高中|小学|中专|职高|技校)(?:都)?(?:没)?毕业", said) and \
            not re.search(r"大学|大专|本科|专科|研究生|高职|学院", said):
        out.not_categories.append("高校毕业生")

    # --- employer / post / business / training types
    # The NLU's words for these are checked against the message: a 公司 where someone works is not their business,
    # 电工证 or 汽修店 is not a training, a bare 公益岗 says no kind of post; the words of the text come first.
    named = {}
    for ent, fn in (("employer_type", nz.employer_type), ("business_type", nz.business_type),
                    ("training_type", nz.training_type)):
        for e in _spans(entities, ent):
            v = fn(str(e["value"]))
            if v and ent == "employer_type" and (compared(text, e["start"], e["end"]) or someone_elses(text, e["start"]) or
                                                 nz.is_negated(text, e["start"])):
                continue            # "跟社区工厂一样吗": a kind compared with, not the unit's ("在别的社区工厂干过": another's;
                                    # "要是我们还不是就业扶贫基地呢": not theirs)
            if v:
                named[ent] = v
                break
    if "employer_type" in named:
        out.facts["employer_type"] = named["employer_type"]
        # "做木耳加工的农业企业": the NLU's bare 企业 for a kind the words name (农业企业, 合作社 …)
        said_kind = _employer_said(said)
        if named["employer_type"] == "企业" and said_kind not in (None, "企业", "小微企业"):
            out.facts["employer_type"] = said_kind
    fixed_kind = nz.UNIT_KIND_FIX.search(re.sub(r"\s+", "", said))
    if fixed_kind:
        # "营业执照其实是农业有限公司，不是合作社": the unit's kind corrected to a company
        out.facts["employer_type"] = "农业企业" if "农业" in fixed_kind.group(1) else "企业"
    kind = _post_type(said)                 # "保洁员" at a property company is not a public-welfare post
    if kind:
        out.facts["post_type"] = kind
    if kind and kind.startswith("农村") or "公益岗" in said or "公益性岗位" in said:
        # a post asked about, not held ("村上说让他当公益岗扫村道", "那公益岗他能干不"): the town places people on it
        if nz.POST_HELD.search(said):
            out.facts["post_placed"] = True
        elif nz.POST_ASKED_FOR.search(said):
            out.facts["post_placed"] = False
    _training(out, said)
    if "training_type" not in out.facts and "training_type" in named and _TRAINING_CONTEXT.search(said) and \
            not re.search(r"证|店|铺|馆|厂", next(str(e["value"]) for e in _spans(entities, "training_type"))):
        out.facts["training_type"] = named["training_type"]
    has_business = _business(out, said)
    if nz.NO_BUSINESS.search(said) and not has_business:
        out.business_dropped = True
    if has_business and not ANOTHERS_SHOP.search(said):
        planned = business_planned(said)
        if planned is not None:
            out.facts["business_planned"] = planned
    if has_business and "business_type" not in out.facts and "business_type" in named and not ANOTHERS_SHOP.search(said):
        out.facts["business_type"] = named["business_type"]
    if "employer_type" not in out.facts:
        kind = _employer_said(said)
        # the person's own shop or company is a business (business_type), not where they work
        # (nor a job of before, none now: "以前在外头工地上干 现在腰不行干不动重活了 想在家门口找个事做")
        if kind and nz.PAST_JOB_NONE_NOW.search(said):
            kind = None
        if kind and not (kind in ("企业", "小微企业") and has_business and "business_type" in out.facts):
            out.facts["employer_type"] = kind
        elif out.facts.get("business_type") == "小微企业" and _HIRE_CONTEXT.search(said):
            out.facts["employer_type"] = "企业"     # "在长沙开公司，招了几个建档立卡贫困户": the company hires
        elif has_business and nz.OWN_SHOP_RENT.search(said) and not nz.UNIT_OF_ITS_OWN_KIND.search(said):
            # "开了个面馆…门面房租水电能不能补": a shop of one's own is no 社区工厂 or 工坊 (whose rent the texts help)
            out.facts["employer_type"] = "其他"
    # --- head-counts, each bound to its noun; the words of groups the message is not about are not read as facts
    for m in re.finditer(r"(?:替|帮|给|为)(?:我|俺|他|她)?(?:家里|屋里|家)?(?:的)?\s*[0-9一二两三四五六七八九十]+\s*个(?:人)?\s*"
                         r"(?:问|咨询|打听|打电话)|(?:问|说)(?:一下|下|问)?(?:这|屋里|家里|屋头|俺家|我家|咱家|俺屋)?(?:的)?\s*[0-9一二两三四五六七八九十]+\s*个人|"
                         r"(?:屋里|家里|屋头|俺屋|俺家|我家|咱家)(?:的)?\s*[0-9一二两三四五六七八九十]+\s*(?:个)?(?:人|口人)(?:都|各)", said):
        taken.append((m.start(), m.end()))  # ("替家里三个人问", "问三个人…各能拿多少": the persons asked of, no head-count)
    groups, refs = _head_counts(said, free, policies)
    taken.extend(refs)
    _benefit_subgroups(out, said, groups)
    others = _others_words(said, groups)
    if out.group_fixes and len(others) == 1 and not _nested:
        # "本县的是7个不是9个，另外2个是今年3月才进来的": the rest of the group corrected, with their own time or contract
        a, b = others[0]
        n = re.match(r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)", said[a:b])
        if n and nz.parse_count(n.group(1)):
            own = extract(said[a:b], None, home_place, as_of, _nested=True).facts
            own = {k: v for k, v in own.items() if k in ("months_employed", "months_since_employment", "contract_months")}
            if own:
                out.rest_group = (float(nz.parse_count(n.group(1))), own)

    def theirs(s, e=None):
        return any(a <= s < b for a, b in others)

    # a job changed ("之前在海口餐馆干了半年没签合同也没交社保 今年三月跳到三亚一家酒店 签了合同酒店给交社保"): the
    # job's terms said of the job after the change are the person's now
    switch = max((m.end() for m in nz.JOB_SWITCH.finditer(said)), default=-1)
    for table, needs_business in ((BOOL_PHRASES, False), (BUSINESS_BOOL_PHRASES, True)):
        if needs_business and not has_business:
            continue
        for pat, fact, value in table:
            for m in re.finditer(pat, said):
                if 0 <= m.start() < switch and fact in ("insurance_paid", "labor_contract_signed") and \
                        any(f == fact and re.search(p2, said[switch:]) for p2, f, _v in table):
                    continue
                if 0 <= m.start() < switch and fact == "seasonal_job" and re.search(r"签[^，。,；;？?]{0,6}?合同", said[switch:]):
                    continue        # (a temporary job left for one with a contract: "…算临时工…回来进了…工厂 签了一年合同")
                if fact in PLAN_SENSITIVE and _planned(said, m.start()) and not (
                        # ("明年毕业了要是一时找不到工作，能去单位见习不": the case asked about is the one answered)
                        fact == "unemployed" and value is True and
                        re.search(r"(?:要是|如果|假如|万一)[^，。,；;？?]{0,8}$", _clause_before(said, m.start(), 12))) \
                        or theirs(m.start()) and fact != "agency_licensed":
                    continue        # (an agency's licence is the agency's, whoever has it: "经纪人带过去的（人家有资质的）")
                if re.search(r"(.)[不没]\1", said[max(0, m.start() - 3):m.start() + 3]) or \
                        isinstance(value, bool) and (re.match(r"(.)[不没]\1", said[m.end() - 1:m.end() + 2]) or
                                                     re.search(r"(.)[不没]\1", m.group(0))):
                    continue        # asked, not said: "在不在目录里", "交没交社保", "社保交没交她不清楚" (a yes or no; a
                    # question's own words are its fact: "个人那部分，算不算")
                if needs_business and fact == "operating_normally" and value is False and \
                        re.search(r"以前|之前|前些年|早些年|原来|那年|开过|办过", _clause_before(said, m.start(), 16)) and \
                        re.search(r"(?:又|再|重新|另外)[^，。,；;？?]{0,8}?(?:开|办|干)", said[m.end():]):
                    continue        # "前些年开过个小饭馆黄了，今年又开了个五金店": the earlier business closed
                if needs_business and fact == "operating_normally" and _PARTNER_GONE.search(said[max(0, m.start() - 8):m.end()]):
                    continue        # "表哥不干了": the partner leaves, the business goes on
                if needs_business and fact == "operating_normally" and value is False and re.search(
                        r"(?:里|中|当中|其中)(?:头|面|边)?(?:有)?\s*[0-9一二两三四五六七八九十]+\s*(?:个|名|位)(?!月)(?:人|工人|员工)?"
                        r"[^。；;？?]{0,14}$",
                        said[max(0, m.start() - 20):m.start()]):
                    continue        # "七个里有一个去年八月就不干了": a worker who left, not the business
                if needs_business and fact == "operating_normally" and value is False and \
                        re.search(r"(?:厂子|厂里|工厂|公司|单位|老板)[^，。,；;？?]{0,2}$", said[max(0, m.start() - 4):m.start()]) and \
                        re.search(r"(?:在|去|到)[^，。；;？?]{0,10}?(?:厂|公司|工地|单位)[^，。；;？?]{0,4}?(?:干了|上班|打工|做了|做工)",
                                  said[max(0, m.start() - 40):m.start()]):
                    continue        # "在哈尔滨厂里干了三个来月，厂子黄了就回来了": the employer closed, not a business
                neg = nz.is_negated(said, m.start())
                if neg and (not isinstance(value, bool) or (fact, value) in NO_FLIP):
                    continue        # (a choice said negated is no choice; "没考上大学" is no technical school)
                out.facts[fact] = (not value) if neg else value
                break
    if "insurance_paid" not in out.facts and _THEIR_INSURANCE_REFUNDED.search(said):
        out.facts["insurance_paid"] = True  # "这4个的社保也能返吗": a unit asks back what it pays for them
    vouched = re.search(r"备(?:了|过|哒)?案|有(?:人力资源服务)?(?:许可证|资质)|持证", said)
    if out.facts.get("agency_licensed") is False and vouched and not nz.is_negated(said, vouched.start()) and \
            re.search(r"(?:没|没有|冇得?|未|无)(?:开|注册|办)?(?:个|一个)?(?:公司)", said):
        # "在县人社局登记备了案的农村劳务经纪人，没开公司": a broker on record, no company needed (…农村劳务经纪人等市场主体)
        out.facts["agency_licensed"] = True
    if out.facts.get("first_business") is False and PAST_BUSINESS.search(said) and \
            not re.search(r"今年|现在|如今|又|再|新开|新办|这个店|这个厂|这个公司", said):
        # only an earlier business said ("前几年在村里开过个小卖店…后来黄了"): not the one the person runs now
        for k in ("business_type", "borrower_type", "operating_normally", "months_since_registration"):
            out.facts.pop(k, None)
    had = re.search(r"(?:已经|以前|之前|前年|去年|早就)[^，。,；;？?]{0,10}?(?:考|拿|取得|鉴定)(?:过|了|到)[^，。,；;？?]{0,6}?证", said)
    some_had = [x for x in re.finditer(r"([0-9一二两三四五六七八九十]+)\s*个",
                                       said[max(0, had.start() - 30):had.start()])] if had else []
    n_had = nz.parse_count(some_had[-1].group(1)) if some_had else None
    if out.facts.get("first_appraisal") is False and n_had:
        # "拿证的38个里还有3个…去年在别处已经鉴定拿过证": those 3 are out of the count, not everyone
        del out.facts["first_appraisal"]
        for bid, b in default_policies().benefits.items():
            if any(getattr(c, "fact", None) == "first_appraisal" for c in b.eligibility):
                out.counted_not[bid] = [float(n_had), "以前已鉴定拿过证"]
    units_share = re.search(r"(?:单位|公司|企业|酒店|厂里|我们)[^，。,；;？?]{0,8}?(?:交|缴)的(?:社保|保险)[^，。,；;？?]{0,4}?"
                            r"(?:能|可以)?(?:返|补|退)", said)
    if out.facts.get("insurance_share_asked") == "个人缴纳部分" and \
            (re.search(r"(?:厂里|单位|公司|企业|老板|酒店|厂子|车间)[^，。,；;？?]{0,4}?(?:给我|为我|帮我)(?:交|缴|买)", said) or
             # ("企业给贫困户交的社保能返，返多少…员工个人交的那部分能不能也返": the unit's share asked first, then the
             # worker's too; "厂里给这几个人交的社保能不能返，能返几年，个人交的那部分返不返")
             units_share and (re.search(r"也(?:返|补|退)|(?:能不能|可不可以)也", said) or
                              re.search(r"个人(?:交|缴)|(?:工人|员工|职工)(?:自己|个人)", said[units_share.end():]))):
        del out.facts["insurance_share_asked"]  # the unit pays too ("酒店给我交社保，我工资里也扣"): not only the own share
    if out.facts.get("insurance_share_asked") == "个人缴纳部分" and \
            re.search(r"社保[^，。,；;？?]{0,4}?(?:能不能|能|可以|可不可以)(?:也)?补|补几年|补多久|补多长", said):
        # "社保能不能也补 补几年 工人自己交的那块算不算": the unit's share asked first, the worker's beside it (the
        # amount's own words say the worker's share is not in it)
        del out.facts["insurance_share_asked"]
    if re.search(r"有的[^，。,；;？?]{0,8}?(?:交|缴|买|上)[^。；;？?]{0,10}?有的[^，。,；;？?]{0,3}?(?:没|不|未)|"
                 r"[0-9一二两三四五六七八九十几]+个(?:人)?(?:里|中|当中)[^，。,；;？?]{0,6}?(?:交|缴|上)了?社保", said):
        out.facts.pop("insurance_paid", None)   # "有的交了社保有的没交", "12个人里8个交了社保": not all, not none
    if out.facts.get("employer_type") == "人力资源服务机构" and nz.BROUGHT_BY_AGENCY.search(said) and \
            not re.search(r"(?:我们|俺们|咱们|我|俺)(?:是|这)[^，。,；;？?]{0,10}?(?:经纪人|中介|劳务公司|职介|介绍所|人力资源)", said):
        del out.facts["employer_type"]     # ("当时是村里劳务经纪人带我们出来的": who placed the worker, not the unit)
    # a unit of two kinds at once ("既是认定的社区工厂又是就业帮扶基地"): both kinds' subsidies are open to it
    kinds = [v for pat, v in nz.EMPLOYER_TYPES[:4] if re.search(pat, said)]
    if len(set(kinds)) >= 2 and re.search(r"既是|又是|也是|同时|还是|又认定|也认定|都有|两块牌子|都认定|"
                                            r"(?:认定为|认定成|是)[^，。,；;？?]{0,8}(?:和|跟|及)", said) and \
            not re.search(r"不是|没认定|还没", said) and \
            out.facts.get("employer_type") in kinds:
        out.facts["employer_type_also"] = next(k for k in kinds if k != out.facts["employer_type"])
    if out.facts.get("employer_type") == "企业" and re.search(
            r"普通(?:的)?(?:企业|公司|厂)|一般(?:的)?(?:企业|公司|厂)|(?:不是|还不是|没被?认定|没有被?认定)[^，。,；;？?]{0,6}?"
            r"(?:基地|车间|社区工厂|工坊)", said):
        out.kind_denied = True      # "就是普通企业": not the 基地 said before, nor recognised as one
        out.facts["employer_recognized"] = False
    # "今年又被县上认定成就业帮扶基地了", "我们今年也往上报了就业帮扶基地": one more kind (or one applied for), beside
    # the one said before (understand.merge keeps both)
    added = re.search(r"(?:又|也|还|同时)(?:被)?[^，。,；;？?]{0,4}?(?:认定|评|报|申报|申请|挂)(?:成|为|上|了|过的|着)|"
                      r"再(?:去)?(?:(?:申请|申报|报)(?:认定|评)?|认定|评)(?:一)?个|"     # "我们再去申请(认定)个帮扶基地"
                      # "镇上说我们也够就业帮扶基地的条件": its conditions met, not recognised as it yet
                      r"(?:也|还|同时)(?:能|可以)?(?:够|符合|达到|满足|够得上)(?=[^，。,；;？?]{0,12}?(?:的)?(?:条件|标准|资格))", said)
    named_kind = next((v for pat, v in nz.EMPLOYER_TYPES[:4] if re.match(rf"[^，。,；;？?]{{0,4}}?(?:{pat})", said[added.end():])),
                      None) if added else None
    as_kind = nz.AS_KIND.search(said) if not added else None
    if as_kind:
        # "那俺们能不能改成按基地去领": a unit of one kind asking to claim as another (the other's conditions decide; it
        # is not recognised as that kind)
        added = as_kind
        named_kind = "就业帮扶基地" if "基地" in as_kind.group(1) else "就业帮扶车间" if "车间" in as_kind.group(1) else "社区工厂"
        if "employer_type" in out.facts and not (
                "employer_type_also" in out.facts and named_kind in (out.facts["employer_type"], out.facts["employer_type_also"])):
            # (not a kind it was said to be recognised as: "…基地，厂里的车间也是认定的就业帮扶车间…按基地报和按车间报
            # 哪个钱多")
            out.facts["employer_type_also_planned"] = True
    if added and named_kind is None and re.search(r"报|申请", added.group(0)) and \
            re.match(r"[^，。,；;？?]{0,8}?(?:补贴|补助|奖补|贷款|资金)", said[added.end():]):
        added = None    # "也给他报了职介补贴": a subsidy applied for, not one more kind of unit
    if "employer_type" in out.facts and added:
        out.kind_added = True
        if added.group(0).startswith("再") or re.search(r"够|符合|达到|满足", added.group(0)):
            out.facts["employer_type_also_planned"] = True     # applied for later: not recognised as it yet
        kind = named_kind
        if kind and kind != out.facts["employer_type"] and "employer_type_also" not in out.facts:
            # the kind named right after ("我那个扶贫车间也被县上认定成就业帮扶基地了", "也往上报了就业帮扶基地"):
            # one more kind beside the unit's own
            out.facts["employer_type_also"] = kind
    # "今年刚初中毕业": an 应届 school leaver (绥化 劳动预备制培训 for 应届初、高中毕业生)
    if "fresh_graduate" not in out.facts and re.search(r"今年[^，。,；;？?]{0,4}?(?:刚|才)?\s*(?:初中|高中)\s*(?:刚|才)?\s*毕业|"
                                                       r"(?:初中|高中)\s*今年\s*(?:刚|才)?\s*毕业|应届(?:的)?(?:初中|高中)", said):
        out.facts["fresh_graduate"] = True
    elif "fresh_graduate" not in out.facts and re.search(r"(?:去年|前年|大前年|早几年|前几年|几年前|早就)[^，。,；;？?]{0,4}?"
                                                         r"(?:初中|高中)\s*(?:就)?毕业", said):
        out.facts["fresh_graduate"] = False     # "前年高中毕业没考上大学": not an 应届 school leaver
    if out.facts.get("employer_recognized") is False and _RECOGNITION_PLANNED.search(said):
        # "还没去人社认定社区工厂，正准备去申请": not recognised yet, about to apply: the plan (presumed: plan)
        del out.facts["employer_recognized"]
        out.facts["recognition_planned"] = True
    if out.facts.get("provincial_model_unit") is True:
        # the 湖南 爱心单位 are chosen from the recognised 就业扶贫基地 (二、（三）3 "…就业扶贫基地…从中认定"): a unit that was
        # chosen is such a base, whatever plain word it uses for itself ("一家企业")
        out.facts["employer_type"] = "就业帮扶基地"
        out.facts["employer_recognized"] = True
    if "training_certificate" not in out.facts and _TRAINING_WORD.search(said):
        m = re.search(r"拿(?:了|到)?证", said)
        if m and not nz.is_negated(said, m.start()):
            out.facts["training_certificate"] = True
    # a "两后生" (初中或高中毕业后未继续升学): a school leaver not gone on to a higher school, or a child at (or going to) a
    # technical school; a college student or graduate is not one
    # ("初中读完冒考上高中": 冒/冇 are 没 in 湖南 speech)
    unsaid = re.sub(r"(?:没|未|冇|冒|不|没有|冇得|没能)(?:考上|考起|上成|读成)(?:了)?(?:高中|大学|大专|本科)", "", said)
    m = re.search(r"(?:初中|高中)(?:刚|才|都)?(?:毕业|读完|念完|上完)", said)
    if m and not theirs(m.start()) and not re.search(r"(?:考上|上了|读了|念了)(?:了)?(?:高中|大学|大专|本科)|"
                                                  r"(?:在读|正在读|在上|正上|念着|读着)(?:高中|大学)", unsaid):
        out.facts["two_after_student"] = True
    elif re.search(r"孩子|儿子|女儿|闺女|娃|孙子|孙女|外孙|伢子|崽", said) and \
            re.search(r"技校|技工院校|技工学校|技工学院|技师学院", said):
        out.facts["two_after_student"] = True
    if re.search(r"(?:在读|正在读|在上|正上|念着|读着|考上|(?<!考)上)(?:高中|大学)|大学生|(?:大学|大专|本科|研究生)毕业", unsaid) and \
            not re.search(r"(?:初中|高中)(?:刚|才|都)?(?:毕业|读完|念完|上完)", said):
        out.facts["two_after_student"] = False
    # "培训完拿了个培训合格证，听说鉴定补贴有200": a training's certificate is not the appraisal's (职业资格证书)
    if "got_qualification_certificate" not in out.facts and re.search(r"鉴定", said) and \
            re.search(r"(?:培训)?合格证|结业证", said) and \
            not re.search(r"资格证|等级证|技能证|电工证|焊工证|上岗证|操作证|证书|鉴定(?:合格|通过)|通过(?:了)?鉴定", said):
        out.facts["got_qualification_certificate"] = False
    if out.facts.get("unemployed") is True and (
            nz.AT_WORK_SINCE_AFTER.search(re.sub(r"\s+", "", said)) or
            # ("去年没上班的时候参加了…培训…今年在长沙做家政上班了": out of work then, at work now)
            re.search(r"(?:没上班|没工作|没活干|失业|待业)(?:的时候|那会儿?|那阵子?|时)", said) and
            re.search(r"(?:今年|现在|如今|目前)[^。；;？?]{0,12}?(?:上班了|上着班|干着|打工了)", said)):
        out.facts["unemployed"], out.facts["employed"] = False, True
    if out.facts.get("unemployed") is True:
        out.facts.setdefault("employed", False)
    m = re.search(r"(?:周岁|实岁)(?:才|是|只有|刚)?([1-9][0-9])", said) or \
        re.search(r"(?<![0-9])([1-9][0-9])\s*(周)?岁", said) or \
        re.search(r"(?<![一二三四五六七八九十])([一二三四五六七八九]?十[一二三四五六七八九]?)(?:多)?(?:周)?岁", said)
    if m and free(m.start(1), m.end(1)):
        out.facts["age"] = nz.parse_count(m.group(1))           # "十九岁", "五十八岁", "五十多岁"
    else:
        # ("过完年就二十五了，现在是二十四": the age now)
        # (not an age said wrong, "孙子不是24，今年26了": the one after it)
        m = re.search(rf"(?:今年|现在|目前|眼下|我|她|他|{nz.RELATIVES})(?:(?!不是|不)[^，。,；;？?0-9]){{0,2}}?([1-9][0-9])"
                      r"(?:了|咧|啦|哒|嘞|喽|哩|$|[，。,\s])", said)
        if m and free(m.start(1), m.end(1)) and 14 <= int(m.group(1)) <= 80:
            out.facts["age"] = float(m.group(1))          # "我今年63了", "她今年23"
            taken.append((m.start(1), m.end(1)))
        else:           # "我儿子今年二十二，初中毕业…": the age in words, without 岁
            m = re.search(rf"(?:今年|现在|目前|眼下|我|她|他|{nz.RELATIVES})[^，。,；;？?0-9]{{0,2}}?"
                          r"([一二三四五六七八九]?十[一二三四五六七八九]?)(?:了|咧|啦|哒|嘞|喽|哩|$|[，。,\s])", said)
            n = nz.parse_count(m.group(1)) if m and free(m.start(1), m.end(1)) else None
            if n and 14 <= n <= 80:
                out.facts["age"] = float(n)
                taken.append((m.start(1), m.end(1)))

    born = None if "age" in out.facts else _BORN.search(said)
    if born and free(born.start(), born.end()):
        # "2000年6月生", "04年8月生的": the age today from the date of birth (the month decides the year's birthday)
        y = int(born.group(1))
        y = y if y >= 100 else 1900 + y if y >= 30 else 2000 + y
        mo = nz.parse_count(born.group(2)) if born.group(2) else None
        now = as_of or today()
        age = now.year - y - (1 if mo and mo > now.month else 0)
        if 0 < age < 100:
            out.facts["age"] = float(age)
            taken.append(born.span())

    # --- durations, money, counts, days: NLU entities first, then the regexes over the text
    def assign_numbers(kind, regex, parse, table, default_roles):
        # (not an entity across a pause, "十五天 一天都冇落": two clauses' words, each read by the regexes)
        cands = [(e["start"], e["end"], str(e["value"])) for e in _spans(entities, kind)
                 if _ENTITY_UNIT.get(kind, re.compile("")).search(str(e["value"])) and
                 not said[e["end"]:e["end"] + 1] == "级" and not re.search(r"\s", str(e["value"]).strip())]
        cands += [(m.start(), m.end(), m.group(0)) for m in regex.finditer(said)]
        for s, e, raw in sorted(cands, key=lambda c: (c[0], -c[1])):   # the longer reading first
            if not free(s, e):
                continue
            if _is_rate(said, s, e):
                taken.append((s, e))        # "一天多少钱", "一个月1000": a rate, neither a length nor a number
                continue
            if kind == "count" and not re.search(r"人", raw) and _NOT_PERSONS.match(said[e:e + 4]):
                taken.append((s, e))        # "6个课时", "一个村", "三个月" are not persons
                continue
            if kind == "duration" and re.fullmatch(r"[0-9]+月|[一二三四五六七八九十]+月", raw.strip()) and (
                    re.search(r"(?:到|至|从|在|于|年|是)\s*$", said[max(0, s - 2):s]) or
                    re.match(r"(?:中旬|上旬|下旬|初|底|末|份|号|[0-9]+日)", said[e:e + 2])):
                taken.append((s, e))        # "干到十一月中旬", "从三月份": a month of the year, not a length
                continue
            if kind == "days" and said[max(0, s - 1):s] == "第":
                taken.append((s, e))        # "五一过后第二天又送了8个": a day of the calendar, not a length
                continue
            if kind == "days" and re.match(r"\s*(?:(?:都|也)\s*(?:不|没|冇|莫)|(?:不|没|冇)(?:落|缺|拉|耽误|请假))", said[e:e + 4]):
                taken.append((s, e))        # "培训四十天 一天都不落": not a day missed, not a day's training
                continue
            if kind == "duration" and re.match(r"\s*(?:之内|以内|内)", said[e:e + 3]):
                taken.append((s, e))        # "培训完半年内开店的给2500": a rule's time, not how long anything lasted
                continue
            if kind == "duration" and re.search(r"(?:要是|如果|假如)[^，。,；;？?]{0,8}?再(?:干|做|上|待|见习)(?:上)?\s*$",
                                                said[max(0, s - 14):s]) and nz.dates_in(said[:s], as_of or today()):
                taken.append((s, e))        # "今年四月份进的…要是她再干四个月呢": more months, not the months since
                continue
            if kind == "duration" and re.search(r"(?:说|讲|讲的|说的)(?:是)?(?:过了|超过|超了|晚了)\s*$", said[max(0, s - 6):s]) and \
                    re.match(r"\s*(?:的|了)?(?:也|都)(?:能|可以|行|中)", said[e:e + 6]):
                taken.append((s, e))        # "村干部说过了半年也能想办法补办": what someone said of the rule, no time of hers
                continue
            if kind == "duration" and re.search(r"(?:不是|并不是|而不是)\s*$", said[max(0, s - 4):s]):
                taken.append((s, e))        # "合同其实只签了十个月，不是一年": the length said wrong before, not this one
                continue
            reach = re.search(r"(?:干|做|待|上)?(?:满|够|到)\s*$", said[max(0, s - 3):s])
            if kind == "duration" and reach and nz.is_negated(said, max(0, s - 3) + reach.start()):
                taken.append((s, e))        # "我还冇满一年": less than that, not that long
                continue
            v = parse(raw)
            if v is None:
                continue
            taken.append((s, e))
            if theirs(s) and not (kind == "duration" and "internship_months" not in out.facts and
                                  nz.role_for(table, said, s, e) == ["internship_months"]):
                # (the interns beside the hires: "招了8个贫困户…另外收了3个…大学毕业生来见习，到现在见习了4个月" are the
                # internship's months, whoever the message is about)
                continue                    # "…还有1个干了两个月就走了": another group's months
            roles = nz.role_for(table, said, s, e) or default_roles
            if kind == "duration" and roles is None and \
                    _WORKED_UP_TO.search(re.split(r"[。；;？?！!]", said[max(0, s - 24):s])[-1]):
                roles = ["months_employed"]     # "我在那干到今年三月就回来了 五个多月": how long that job lasted
            if kind == "duration" and (re.search(r"以工代训|边干边[教学带]", said[max(0, s - 16):s]) and
                                       (re.search(r"(?:搞|带|开展|做)(?:了)?\s*$", said[max(0, s - 4):s]) or
                                        # ("以工代训带他们干4个月")
                                        re.search(r"带(?:他们|她们|他|她|这些人|大家|着)(?:干|做|学)(?:了)?\s*$",
                                                  said[max(0, s - 6):s])) or
                                       # "一直带到明年四月份 满八个月了"
                                       re.search(r"带到[^，。,；;？?]{0,9}?满\s*$", said[max(0, s - 14):s])) and \
                    "training_months" not in ([roles] if isinstance(roles, str) else roles or []):
                # "搞以工代训 已经搞了四个月": the months of it (the 搞 of it, not of a job)
                # (a plan, "打算以工代训带他们干4个月", is no time at work yet)
                roles = [] if re.search(r"搞(?:了|满)\s*$", said[max(0, s - 3):s]) or \
                    re.search(r"打算|准备|计划", _clause_before(said, s)) else \
                    ([roles] if isinstance(roles, str) else list(roles or []))
                roles = roles + ["training_months"]
            if roles is None:
                out.numbers.append(v)
                continue
            roles = [roles] if isinstance(roles, str) else roles
            if "months_since_registration" in roles and re.match(r"[^，。,；;]{0,3}?(?:车|出租|货车|挖机|拖拉机)", said[e:e + 6]):
                roles = ["months_employed"]     # "开了10年出租车": driving is a job, not a shop
            if kind == "duration" and _NO_WORK.search(_clause_before(said, s) + said[e:e + 3]):
                # "没活干快一年了": a year out of work, not at work (连续失业超过3个月: 千阳's 就业困难人员)
                if re.search(r"(?:没活干|没(?:有)?(?:工作|事做|活路|活干)|冇得?(?:事做|工作|活干)|失业(?!保险|金|证)|待业|"
                             r"闲(?:了|着|在家)|在家闲)(?:了)?(?:都|快|已经|有|将近|差不多)?\s*$", _clause_before(said, s)):
                    out.facts["months_unemployed"] = v
                continue
            for r in roles:
                if dated.get(r, -1) > s:
                    continue                # a date said after it is the newer event ("干了半年…去年又去…")
                if r == "months_since_employment" and kind == "duration" and 0 <= dated.get(r, -1) < s and \
                        v < (out.facts.get(r) or 0) and not re.search(r"[。？?！!]", said[dated[r]:s]):
                    continue                # ("12月进了…厂…一直干了两年多": the time worked, not since the date said)
                out.facts[r] = v

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
            out.facts["final_year_student"] = False     # graduated: the school year's claim is past
    # a year said alone ("2019年办过贷款") is not 2019 years
    for m in _YEAR_ALONE.finditer(said):
        if free(m.start(), m.end()) and not re.match(r"\s*(?:[0-9]|[一二三四五六七八九十]+月)", said[m.end():m.end() + 3]):
            taken.append((m.start(), m.end()))
    # --- a span of months ("今年7月到10月", "从三月干到八月"): its length, for what the words near it say
    for m in _MONTH_SPAN.finditer(said):
        a, b = nz.parse_count(m.group(1)), nz.parse_count(m.group(2))
        if not (a and b and 1 <= a <= 12 and 1 <= b <= 12) or not free(m.start(), m.end()) or theirs(m.start()):
            continue
        n = b - a + 1 if b >= a else b + 12 - a + 1
        taken.append((m.start(), m.end()))
        roles = nz.role_for(nz.DURATION_ROLES, said, m.start(), m.end()) or ["months_employed"]
        roles = [roles] if isinstance(roles, str) else list(roles)
        if "以工代训" in said and "training_months" not in roles:
            roles.append("training_months")     # "今年7月到10月…算是以工代训": the months of it
        for r in roles:
            if r != "months_since_employment":
                out.facts[r] = float(n)
    # --- dates of events, before any duration is read: "前年十月" is a date, not 10 months
    training_dates, business_dates = [], []
    dated: dict[str, int] = {}              # fact -> where the date that gave it was said
    dated_value: dict[str, float] = {}      # fact -> the months ago that date gave
    dated_at: list[tuple[int, float]] = []  # (where, months ago) of every date
    for s, e, months in nz.dates_in(said, as_of or today()):
        if not free(s, e):
            continue
        taken.append((s, e))
        dated_at.append((s, months))
        if theirs(s) or nz.is_negated(said, s):
            continue                        # "不是去年十月，是今年十月才去的": the date said instead counts
        if re.match(r"(?:的)?(?:那个|那次|那回|那会儿?)?(?:是|说的是|是在)?(?:别的|别个|另一个|另外一个|另外的|以前的|之前的)"
                    r"[^，。,；;]{0,4}?(?:厂|单位|公司|地方|活|事)", said[e:e + 16]):
            continue                        # "前年那个是别的厂的事": a date set aside as another job's
        if len(dated_at) > 1 and _SOME_OF_THEM_SENTENCE.match(re.split(r"[。；;！!？?]", said[:s])[-1]):
            continue                        # "那17个里头有3个去年也是我介绍出去的": some of them, earlier; not everyone's
        if re.match(r"(?:份)?\s*(?:只是|只不过|那只是|还只是)", said[e:e + 5]):
            continue                        # "3月份只是租门面开始装修" (beside the licence's date): not the event
        if re.search(r"(?:干|做|上班|打工|务工|待)到\s*$", said[max(0, s - 4):s]) and \
                re.match(r"(?:份|底|初)?\s*(?:才|就)?(?:回来|回家|回的|不干|没干|走的|走了|辞)", said[e:e + 8]):
            out.job_ended_ago = float(months)   # "我是干到去年国庆才回来的": when the job ended, not when it began
            continue
        role = nz.event_role(said, s, e)
        after = _clause_after(said, e, 24)
        if re.match(r"[^，。,；;]{0,3}?(?:还|又|另外)?(?:招|雇|请)了(?:一)?个(?!脱贫|贫困|建档|边缘|低收入|低保|人)"
                    r"[\u4e00-\u9fff]{1,3}(?:[，。,；;\s]|$)", after) and nz.CORRECTION.search(said):
            continue                        # ("刚数错了 总共是28个人 上个月还招了个会计": one of the staff, not the hires' date)
        if re.match(r"\s*(?:已经|都|才|刚|刚满|满)?(?:[1-9][0-9]|[一二三四五六七八九]?十[一二三四五六七八九]?)(?:多)?(?:周)?岁", after):
            continue                        # "今年二十三岁，想去县上上班": an age, no date of an event
        if re.match(r"[^，。,；;]{0,8}?(?:参加|报|上|去学|学)[^，。,；;]{0,12}?培训|[^，。,；;]{0,4}?(?:培训|结业)", after) and \
                not re.match(r"[^，。,；;]{0,3}?(?:执照|注册|开了|办了)", after):
            training_dates.append(months)
            out.training_ago = months if out.training_ago is None else min(out.training_ago, float(months))
            continue                        # "前年十月份参加了创业培训": the training's date, not the shop's
        grad = re.match(r"(?:[^，。,；;]{0,10}?(?:大学|大专|本科|专科|研究生|高职|学院|一本|二本|三本))?[^，。,；;]{0,3}?毕业"
                        r"|(?:从)?[^，。,；;]{0,10}?(?:大学|大专|本科|专科|高职|学院|一本|二本|三本)毕业", after)
        if grad and not re.search(r"初中|高中|小学|中专|职高|技校", said[max(0, s - 4):s] + grad.group(0)):
            # "前年7月大学毕业": 毕业年度和毕业2年内 is 24 months from then; 应届 is this year
            out.facts["graduation_window"] = months <= 24
            out.facts["fresh_graduate"] = months < (as_of or today()).month
            _window_at_internship(out, said, months, as_of or today())
            if months >= 0:
                # graduated: its school year's claim ("毕业前一年下半年学期…超过规定时间的，不予办理") is past; one
                # claimed then says so ("当时学校报过了")
                out.facts["final_year_student"] = False
            continue
        if months >= 12 and re.match(r"(?:从)?[^，。,；;]{0,10}?(?:中专|中职|职高|职业高中|职业中专|技校|技工学校)[^，。,；;]{0,3}?毕业",
                                     after):
            # "前年从职业中专毕业的": graduated a year ago or more, its school year's claim is past
            out.facts["final_year_student"] = False
            continue
        if role is None:                    # the event word later in the clause: "今年9月到西安一家物流公司上班"
            role = _role_in(after)
        if role is None and re.match(r"[^，。,；;]{0,8}?(?:上的班|进的厂|打的工|干的活|开始干的)", after):
            role = "months_since_employment"   # "今年九月才去苏州上的班"
        if re.match(r"[^，。,；;]{0,4}?(?:组织|介绍|输送|送)了?[^，。,；;]{0,3}?[0-9一二两三四五六七八九十]+\s*(?:个|名|位)", after) and \
                out.facts.get("employer_type") == "人力资源服务机构":
            role = "months_since_employment"   # an agency's "今年三月份组织了15个…去东莞": their start
        licence = re.match(r"[^，。,；;？?]{0,12}[，,]?[^，。,；;？?]{0,4}?(?:办|领|拿|注册|申请)了?(?:个|一个|张)?[^，。,；;？?]{0,8}?执照",
                           said[e:e + 36])
        if role in (None, "months_since_employment") and licence and \
                not re.search(r"上班|打工|务工|进厂|培训|毕业|招|雇", licence.group(0)):
            role = "months_since_registration"  # "去年五月回村头一回自己干，办了个养牛的个体户执照": the licence's date
        if role is None and re.search(r"执照|注册", said[max(0, s - 16):s]) and \
                not re.search(r"上班|打工|务工|培训|毕业", said[max(0, s - 16):s]) and \
                not re.match(r"[^，。,；;]{0,3}?(?:刚|才|先)?(?:租|装修|看的|找的)", said[e:e + 8]) and \
                not nz.AGENCY_LICENCE.search(said[max(0, s - 30):s]):
            role = "months_since_registration"  # "我翻了下执照，上面写的是去年12月"
        if role is None and re.match(r"(?:份|底|初|中旬|上旬|下旬)?\s*(?:才|就)?(?:去|走|出去|过去)的", after):
            role = "months_since_employment"   # "是今年十月才去的", "去昆山是上个月底才走的"
        if role is None and re.match(r"\s*(?:才|就)?(?:去|到|跑)了?[^，。,；;]{1,8}?[，,]?\s*(?:签|合同)", said[e:e + 24]):
            role = "months_since_employment"   # "小的前年去了浙江签了两年"
        if role == "months_since_registration":
            w = re.search(nz.EVENT_ROLES[0][0], said[e:e + 20])
            if w and _planned(said, e + w.start()) and not _business_done(said):
                continue                    # "今年回来了，想开个面包店": a shop planned has no date yet
        if role == "months_since_registration":
            business_dates.append(months)
        if role and role in dated and re.fullmatch(r"\s*(?:今年|去年|前年|大前年)\s*", said[s:e]):
            continue                        # ("上个月…上班了 今年头一回出门": a year alone says no newer date)
        if role == "months_since_employment" and re.match(r"\s*(?:才|就)?(?:到家|回家|回的家|回来|回乡|返乡)", after):
            w = re.search(nz.EVENT_ROLES[1][0], after)
            if w and _planned(said, e + w.start()):
                continue                    # "去年年底到家 现在想出去广东打工": the date of coming home; the job is to come
        if role:                            # a later date is a newer event or a correction: it stands
            out.facts[role] = months
            dated[role] = s
            dated_value[role] = float(months)
            if role == "months_since_employment":       # started then and working since
                out.facts["months_employed"] = months
                dated["months_employed"] = s
    # a month said without its year ("今年回来了，3月在镇上办了执照"): of the year said last before it, else this year
    # (a month still ahead this year is last year's)
    for m in re.finditer(r"(?<![0-9年〇零一二三四五六七八九十个每])([0-9]{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?(?![0-9]|内|以内|之内|底前)",
                         said):
        if not free(m.start(), m.end()) or re.search(r"(?:干|做|了|到|学|培训)\s*$", said[max(0, m.start() - 2):m.start()]):
            continue
        month = nz.parse_count(m.group(1))
        role = nz.event_role(said, m.start(), m.end()) or _role_in(_clause_after(said, m.end(), 24))
        if not month or not 1 <= month <= 12 or role not in ("months_since_registration", "months_since_employment") or \
                dated.get(role, -1) > m.start() or theirs(m.start()) or _planned(said, m.start()):
            continue
        when = as_of or today()
        years = [(y.start(), y.group(0)) for y in re.finditer(r"大前年|前年|去年|今年|20[0-9]{2}\s*年", said[:m.start()])]
        if years and years[-1][1][0] == "2":
            # "2019年3月去长沙…干到11月就走了，12月进了另一个厂": 2019年12月 (after that date's month, else the next year)
            year = int(years[-1][1][:4])
            said_month = re.match(r"20[0-9]{2}\s*年\s*([0-9]{1,2}|十[一二]?|[一二三四五六七八九])月", said[years[-1][0]:])
            year += bool(said_month and (nz.parse_count(said_month.group(1)) or 0) > month)
            back = when.year - year
        else:
            back = {"今年": 0, "去年": 1, "前年": 2, "大前年": 3}[years[-1][1]] if years else (1 if month > when.month else 0)
        months = (back * 12) + when.month - month
        if months < 0:
            continue
        taken.append((m.start(), m.end()))
        out.facts[role] = float(months)
        dated[role] = m.start()
        if role == "months_since_registration":
            business_dates.append(float(months))
        else:
            out.facts["months_employed"] = float(months)
            dated["months_employed"] = m.start()
    # "前年六月介绍去深圳，干到前年十月就走了": worked from the one date to the other
    if len(dated_at) >= 2:
        for (s1, m1), (s2, m2) in zip(dated_at, dated_at[1:]):
            # (not when a later job's date is said after it: "从去年十一月在…社区工厂干到今年十月 上个月…去江苏昆山进了
            # 电子厂": the new job's)
            if re.search(r"(?:干|做|上班)到\s*$", said[max(0, s2 - 4):s2]) and m1 >= m2 and \
                    not dated.get("months_since_employment", -1) > s2:
                # (to the end of that month, both months counted: "去年4月份上的岗，一直干到去年年底" is 9 months)
                whole = bool(re.match(r"[^，。,；;？?\s]{0,5}?(?:底|年末)", said[s2:s2 + 7]))
                out.facts["months_employed"] = m1 - m2 + whole
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
        # "一是IYB培训…；二是我们SYB班只排了60个课时": the hours of another course than the one asked about
        course = _TRAINING_NAMED.search(_clause_before(said, m.start(), 16))
        other = course and out.facts.get("training_type") and \
            nz.training_type(course.group(0)) not in (None, out.facts["training_type"])
        if hours and not other:
            out.facts["training_hours"] = hours
            taken.append((m.start(1), m.end(1)))
    # "社保返还已经领满3年了": the time a social-insurance subsidy has been had (期限不超过3年), not time at work
    m = re.search(r"(?:社保|社会保险|返还|保险补贴)[^，。,；;？?]{0,14}?(?:领|享受|返还|返|拿|补|给)(?:了|满|够|过)(?:了)?\s*"
                  r"((?:[0-9]+|[一二两三四五六七八九十]+)\s*(?:个)?(?:年|月))", said)
    if m and free(m.start(1), m.end(1)) and not theirs(m.start()) and not nz.is_negated(said, m.start()):
        v = nz.parse_duration_months(m.group(1))
        if v:
            out.facts["insurance_subsidy_months_received"] = v
            taken.append((m.start(1), m.end(1)))
    # "学了15天 中间有3天屋里有事冒去": the days missed are not days of the training (read before the days are)
    missed = nz.DAYS_MISSED.search(said)
    gone = nz.parse_days(missed.group(missed.lastindex)) if missed else None
    if gone and free(missed.start(missed.lastindex), missed.end(missed.lastindex)):
        taken.append((missed.start(missed.lastindex), missed.end(missed.lastindex)))
    else:
        gone = None
    assign_numbers("days", _DAYS_RE, nz.parse_days, [(r"培训|学", "training_days")], "training_days")
    # (not when the days attended are said after them: "请了三天假 只上了十二天")
    # ("请了3天假 实际去上课是12天": the 12 are the days attended)
    attended = gone and re.search(r"(?:只|实际|就|一共|总共)?(?:去|来)?(?:上|来|去|到|参加|学|听)了?(?:课)?(?:的)?\s*(?:是|有|就)?\s*"
                                  r"(?:[0-9]+|[一二两三四五六七八九十]+)\s*天", said[missed.end():])
    # (or said before them: "报的二十天实际去了十八天有两天屋里有事没去": the 18 are the days he came)
    attended = attended or gone and re.search(r"实际(?:上|来|去|到|参加|学|听)了?(?:课)?\s*(?:[0-9]+|[一二两三四五六七八九十]+)\s*天",
                                              said[max(0, missed.start() - 16):missed.start()])
    if gone and out.facts.get("training_days") and gone < out.facts["training_days"] and not attended:
        out.facts["training_days"] -= gone
    elif gone and "training_days" not in out.facts and not attended and \
            not re.search(r"[0-9一二两三四五六七八九十]+\s*(?:个|名|位)[^，。,；;？?]{0,8}$", said[:missed.start()]):
        out.days_missed_own = float(gone)   # ("哦说错了 中间有三天屋里有事冇去": of the course said before)
    assign_numbers("duration", _DURATION_RE, nz.parse_duration_months, nz.DURATION_ROLES, None)
    # (a registration dated by its year alone, "今年又开了个五金店，正常干了7个月了", is dated by the months said)
    if has_business and ("months_since_registration" not in out.facts or
                         not re.search(r"(?<![0-9])[0-9一二三四五六七八九十]{1,2}\s*月(?:份)?(?!内|以内)", said)) and \
            "months_employed" in out.facts and out.facts.get("operating_normally") is not False and \
            not any(k in out.facts for k in ("new_hires", "hired_poor_count", "referred_count")) and \
            not _HIRED_SAID.search(said) and out.facts.get("employer_type") != "人力资源服务机构" and \
            "months_since_employment" not in dated and _business_done(said) and \
            not re.search(r"打工|打了|打过|上班|进厂|务工|帮工|给人|在[^，。,；;]{0,8}?(?:厂|公司|工地)(?:里)?(?:干|做)|"
                          # (a job before the business, "以前在北京干装修干了六年")
                          r"(?:以前|之前|原来|原先|早先|前些年|前几年)[^，。,；;]{0,10}?(?:干|做)", said):
        # "开了个粮食加工厂，干了8个月了": the owner's months are the business's, not a job's
        out.facts["months_since_registration"] = out.facts.pop("months_employed")
        out.facts.pop("months_since_employment", None)
    _itemised_insurance(out, said, taken)
    # --- money: a yearly cost said by the month is twelve of it; rent and utilities add up; the amount of a benefit
    #     someone heard of ("保险补贴十五块") is not a cost
    cands = [(e["start"], e["end"], str(e["value"])) for e in _spans(entities, "money")
             if re.search(r"[0-9０-９]|[元块万千百]", str(e["value"])) and
             not re.match(r"\s*(?:个|人|名|户|年|月|天|岁|号|期|批)", said[e["end"]:e["end"] + 2])]
    # (the model's "三百" of "三百八": the digit after a 百 or 千 is the tens or hundreds of the same amount)
    cands = [(s, e + 1, said[s:e + 1]) if re.search(r"[百千]$", said[s:e]) and
             re.match(r"[一二两三四五六七八九](?![十百千万0-9一二两三四五六七八九])", said[e:e + 2]) else (s, e, v)
             for s, e, v in cands]
    cands += [(m.start(), m.end(), m.group(0)) for m in _MONEY_RE.finditer(said)]
    cands += [(m.start(1), m.end(1), m.group(1)) for m in _MONEY_CTX_RE.finditer(said)]
    cands += [(m.start(m.lastindex), m.end(m.lastindex), m.group(m.lastindex)) for m in _INSURANCE_CTX_RE.finditer(said)]
    # a fare said after another with no unit ("火车票三百八 到了又坐大巴六十"): money too
    cands += [(m.start(1), m.end(1), m.group(1) + "元") for m in _FARE_MORE.finditer(said)]
    costs: dict[str, list[float]] = {}
    for s, e, raw in sorted(cands, key=lambda c: (c[0], -c[1])):   # the longer reading first: "1万8", not the NLU's "1万"
        if not free(s, e):
            continue
        m = re.fullmatch(r"([0-9]+)([万千])([0-9])", raw.strip())
        v = nz.parse_money(raw) if not m else \
            float(m.group(1)) * (10000 if m.group(2) == "万" else 1000) + float(m.group(3)) * (1000 if m.group(2) == "万" else 100)
        if v is None:
            continue
        if any(b.start(1) <= s < b.end(1) for b in nz.SAID_BACK_AMOUNT.finditer(said)):
            taken.append((s, e))    # "你刚才说的500是交通那个吧": the answer's own amount said back, no cost of theirs
            continue
        taken.append((s, e))
        role = nz.role_for(nz.MONEY_ROLES, said, s, e)
        if role is None and re.search(r"(?:加(?:一块|起来|一起|在一起)|合起来|算下来)(?:一共|总共)?(?:是|花了)?\s*$", said[max(0, s - 8):s]) and \
                re.search(r"车票|火车|大巴|班车|打车|高铁|动车|机票|路费|车费", re.split(r"[。？?！!；;]", said[:s])[-1]):
            role = "transport_cost"     # "三百八是火车票 到了宁波站又坐大巴又打车到厂里 加一起六百二": the trip's fares in all
        if role is None and re.search(r"(?:一人|每人|一个人|人均)\s*$", said[max(0, s - 4):s]) and \
                re.search(r"车票|路费|车费|机票", re.split(r"[。？?！!；;]", said[:s])[-1]):
            role = "transport_cost"     # ("火车票是我们公司先垫的，一人380块": a fare a head)
        if role is None and re.search(r"社保|五险|保险|养老|医疗", said[max(0, s - 24):s]) and \
                (re.search(r"月|年", _clause_before(said, s, 24)) or
                 re.search(r"每(?:个)?(?:人)?(?:每)?(?:个)?月", re.split(r"[。；;？?！!]", said[max(0, s - 40):s])[-1]) or
                 # ("今年单位给这9个建档立卡的交的社保（单位部分）一共三万八": a year's sum for a group of them)
                 re.search(r"(?:今年|去年|一年)[^，。；;？?]{0,30}?(?:给|为)(?:这|那)?\s*[0-9一二两三四五六七八九十]+\s*个"
                           r"[^，。；;？?]{0,30}?(?:一共|总共|合计|共)\s*$", said[max(0, s - 48):s])) and \
                not re.search(r"工资|月薪|收入|挣", _clause_before(said, s, 24)):
            # ("单位给每个人每月交的养老、医疗、失业加起来大概1100块")
            role = "insurance_contributions"    # "交社保，单位部分一个人一个月大概1100块": the unit's share, said after
        elif role is None and re.search(r"(?:(?:公司|厂里|单位|企业|我们)(?:自己)?(?:交|缴)的|单位(?:那)?部分|单位缴费)(?:是)?\s*"
                                        r"(?:每人|一个人)?\s*(?:每月|每个月|一个月)\s*$", said[max(0, s - 16):s]):
            # ("单位部分是每人每月980元": the unit's share said again)
            role = "insurance_contributions"    # "公司自己交的是每人每月690" (of the social insurance asked about)
        if theirs(s):
            continue
        if role is None or _BENEFIT_BEFORE.search(said[max(0, s - 6):s]) or _BENEFIT_AFTER.match(said[e:e + 10]) or \
                role != "insurance_contributions" and \
                re.search(r"(?:每|一)(?:个)?(?:天|日|人|月)(?:是|有|就|给|能|发)?\s*$", said[max(0, s - 4):s]) and \
                not (role == "transport_cost" and
                     (re.search(r"(?:车票|路费|车费|机票)(?:一人|每人|一个人|人均)\s*$", said[max(0, s - 8):s]) or
                      # ("火车票是我们公司先垫的，一人380块": a fare a head, the ticket said before in the sentence)
                      re.search(r"(?:一人|每人|一个人|人均)\s*$", said[max(0, s - 4):s]) and
                      re.search(r"车票|路费|车费|机票", re.split(r"[。？?！!；;]", said[:s])[-1]))) or \
                role == "transport_cost" and re.search(r"每天|每日|一天|每人每天", _clause_before(said, s)):
            out.numbers.append(v)       # "每个学员每天垫了生活费20块、路费30块": a day's money in a training, not a fare
            continue
        if role == "loan_wanted" and (re.match(r"\s*(?:块|元)?的[^，。,；;？?]{0,12}?贷", said[e:e + 16]) or
                                      re.search(r"(?:那个|这个|那种)\s*$", said[max(0, s - 3):s])):
            out.numbers.append(v)       # "那个300万的小微企业贷款": the loan named by its most, not the sum wanted
            continue
        # (the words after it up to the clause's end: "…一共780块，个人那块工资里扣300" is the unit's 780, then the worker's)
        if role == "insurance_contributions" and nz.PERSONAL_SHARE.search(
                _clause_before(said, s) + re.split(r"[，,。；;？?！!]", said[s:e + 6])[0]):
            out.numbers.append(v)       # "厂里每个月扣我社保300块": the worker's own share, not what the unit pays
            continue
        # the sentence before the number ("单位给每人每月交养老、医疗、失业再加工伤，一共大概780块")
        sentence = re.split(r"[。；;？?！!]", said[max(0, s - 40):s])[-1]
        if role in ("insurance_contributions", "company_insurance_contributions") and \
                re.search(r"(?:加|含|包括|还有|连)(?:上)?(?:了)?(?:工伤|生育)", sentence):
            out.numbers.append(v)       # a sum with 工伤/生育 in it: not the 养老、医疗、失业 the subsidy pays
            continue
        if role in ("insurance_contributions", "company_insurance_contributions") and \
                re.search(r"(?:工伤|生育)(?:险|保险)?[^，,。；;？?0-9]{0,6}$", said[max(0, s - 12):s]) and \
                not re.search(r"养老|医疗|失业", re.split(r"[，,。；;？?]", said[max(0, s - 12):s])[-1]):
            out.numbers.append(v)       # "…三项一共六百元，工伤另交二十元": 工伤 alone, not what the subsidy pays
            continue
        if role in ("insurance_contributions", "company_insurance_contributions") and costs.get(role) and \
                re.search(r"(?:这|那)\s*$", said[max(0, s - 1):s]):
            out.numbers.append(v)       # ("…今年这六千还能返不": the sum said before, pointed at again)
            continue
        if role in ("insurance_contributions", "company_insurance_contributions") and costs.get(role) and \
                re.search(r"给(?:他|她)(?:一个人)?[^，。；;？?]{0,3}?(?:交|缴)[^，。；;？?]{0,6}$", said[max(0, s - 14):s]):
            out.numbers.append(v)       # ("…这9个…一共三万八。还有1个…今年单位又给他交了六千": that one's, not the group's)
            continue
        group_sum = re.search(r"(?:给|为)(?:这|那)?\s*([0-9一二两三四五六七八九十]+)\s*个[^，。；;？?]{0,16}?(?:交|缴)[^，。；;？?]{0,12}?"
                              r"(?:一共|总共|合计|加起来|共)\s*$", said[max(0, s - 40):s]) \
            if role in ("insurance_contributions", "company_insurance_contributions") else None
        if group_sum and nz.parse_count(group_sum.group(1)) and nz.parse_count(group_sum.group(1)) > 1:
            v = v / nz.parse_count(group_sum.group(1))     # "给这9个…交的社保…一共三万八": each one's share of the sum
        if role in _YEARLY_COSTS and (re.search(r"月", said[max(0, s - 6):s]) or
                                      re.search(r"每(?:个)?月|一个月", _clause_before(said, s, 24)) or
                                      role != "rent_utilities_cost" and re.search(r"每(?:个)?月|一个月", sentence)) and \
                not re.search(r"年", said[max(0, s - 4):s]):
            v *= 12                         # "每人每月缴社保800" → 9600 a year
        if costs.get(role) and role != "loan_wanted" and re.search(r"(?:又|还|再|另外|加上)[^，,。；;？?0-9]{0,6}?(?:花了|花|掏了|付了|是)?\s*$",
                                         said[max(0, s - 8):s]):
            v += costs[role].pop()      # "火车票二百八 宝鸡坐班车又花了二十五": the two add up
        elif role == "transport_cost" and costs.get(role) and \
                re.search(r"[\u4e00-\u9fff]{1,4}到[\u4e00-\u9fff]{1,4}(?:坐)?(?:火车|班车|汽车|大巴|高铁|动车|飞机|车票|机票)?[^，,。；;？?0-9]{0,4}$",
                          said[max(0, s - 14):s]):
            v += costs[role].pop()      # "从县上坐班车到宝鸡18块 宝鸡到苏州火车三百五十六": one trip's legs
        if role == "transport_cost" and nz.TWO_TICKETS.search(said[max(0, s - 16):s]) and nz.BOTH_ALIKE.search(said):
            v /= 2                      # "俺俩一块去…两张票一共花了760": each one's fare, 380
        costs.setdefault(role, []).append(v)
    for role, values in costs.items():
        if role == "rent_utilities_cost" and len(values) >= 3 and abs(values[-1] - sum(values[:-1])) < 1:
            values = values[-1:]        # "房租一年两万四、水电一年一万四，一共三万八": the sum said after its parts
        out.facts[role] = sum(values) if role == "rent_utilities_cost" else values[-1]
    _count_facts(out, said, groups, hiring)
    # an agency's seasonal placements say their own job and how long it lasted ("另外3个脱贫户去苹果园干了4个月季节工",
    # "4个脱贫户去果园干了两个半月"), though the message is about the contract group: the seasonal benefit reads them
    if out.facts.get("seasonal_referred_count"):
        for g in _placements(said, [g for g in groups if g.parent is None and not g.total])[1]:
            out.facts.setdefault("seasonal_job", True)
            m = _DURATION_RE.search(said[g.end:g.stop])
            v = m and nz.parse_duration_months(m.group(0))
            if v and "months_employed" not in out.facts and \
                    re.search(r"(?:干|做|摘|采|上)(?:了|过)?\s*$", said[g.end:g.end + m.start()]):
                out.facts["months_employed"] = v
            break
    for g in groups:
        if free(g.start, g.end):
            taken.append((g.start, g.end))
            counted = {"staff_total", "new_hires", "referred_count", "seasonal_referred_count", "students_count",
                       "intern_count", "trainee_count"}
            if not (counted & set(out.facts)) or (len(groups) == 1 and len(said) <= 8):
                out.numbers.append(g.value)     # "3个", "收5个": an answer to the question asked
    assign_numbers("count", _COUNT_RE, nz.parse_count, [], None)
    # bare numbers ("12", "三百二") are kept for the question that was asked
    for m in re.finditer(r"(?<![0-9.])[0-9]{1,9}(?:\.[0-9]+)?(?![0-9.])", said):
        if free(m.start(), m.end()):
            out.numbers.append(float(m.group(0)))

    # "大小子在绥化技师学院念二年级 小闺女今年也考上技校了": each child named at (or going to) a technical school is a
    # student of the 每生每年 total
    # (or all of them at one: "俩小子都念技校一年能拿多少")
    both = re.search(r"(两|俩|2|三|仨|3)(?:个)?(?:娃|孩子|娃娃|人|学生)?(?:的)?(?:加起来|一共|总共|合起来|合计)|"
                     r"(两|俩|2|三|仨|3)(?:个)?(?:娃|孩子|娃娃|学生|小子|丫头|闺女|儿子|女儿|伢子?)(?:都|全)(?:在|去)?(?:念|读|上)", said)
    if ("students_count" not in out.facts or both and both.group(2) and out.facts["students_count"] < 2) and both and \
            nz.TECH_SCHOOL.search(said) and \
            not any(k in out.facts for k in ("new_hires", "referred_count", "trainee_count", "intern_count")):
        # "她哥在省技师学院读二年级…两个加起来一年有多少": the children at school, together
        n = both.group(1) or both.group(2)
        out.facts["students_count"] = float(nz.parse_count({"俩": "两", "仨": "三"}.get(n, n)))
    if "students_count" not in out.facts:
        at_school = {m.group(0) for m in nz.CHILD_OF_SEVERAL.finditer(said)
                     if nz.TECH_SCHOOL.search(re.split(r"[，,。；;？?]|\s{1,}(?=[大小老二])", said[m.end():m.end() + 16])[0])}
        if len(at_school) >= 2:
            out.facts["students_count"] = float(len(at_school))
    grades = list(re.finditer(r"[一二三1-3]\s*年级(?:的)?(?:有)?\s*([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位)", said))
    for i in range(1, len(grades)):
        if grades[i].start() - grades[i - 1].end() > 3:
            grades = grades[:i]     # (the years said together; a later "二年级有10个去考电工" is no count of them)
            break
    if "students_count" not in out.facts and grades and nz.TECH_SCHOOL.search(said) and \
            re.search(r"建档立卡|贫困|脱贫", said[max(0, grades[0].start() - 16):grades[0].start()]) and \
            all(nz.parse_count(g.group(1)) for g in grades):
        # "我们是琼中的一所技工学校…建档立卡家庭的学生一年级18个二年级12个": a school's poor students, by their years
        out.facts["students_count"] = float(sum(nz.parse_count(g.group(1)) for g in grades))
    if "students_count" not in out.facts and nz.TECH_SCHOOL.search(said) and re.search(r"全日制|技工班|技师班|中级工班", said):
        # "今年秋季全日制技工班招了十二个建档立卡贫困家庭的孩子，开学后退学了两个，剩下的都在读": the school's students now
        took = re.search(r"(?:招了|招收了?|录取了?|收了)\s*([0-9一二两三四五六七八九十百]+)\s*(?:个|名)[^，。,；;？?]{0,16}?"
                         r"(?:孩子|学生|娃|子女)", said)
        if took and nz.parse_count(took.group(1)):
            gone = re.search(r"退学(?:了)?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名)|"
                             r"([0-9一二两三四五六七八九十]+)\s*(?:个|名)[^，。,；;？?]{0,4}?退学", said[took.end():])
            n_gone = (nz.parse_count(gone.group(1) or gone.group(2)) or 0) if gone else 0
            if nz.parse_count(took.group(1)) > n_gone:
                out.facts["students_count"] = float(nz.parse_count(took.group(1)) - n_gone)
    if (out.facts.get("students_count") or 0) >= 2 and _ONE_STUDENT_ASKED.search(said):
        out.facts["students_count"] = 1.0     # a school's "一个学生三年一共多少": one student's total
    if out.facts.get("in_technical_school") is False and not (both and both.group(2)):
        # "大闺女去年九月上了绥化一个技工学校…小子今年上的县里普通高中": one child at a technical school, the other not;
        # the family's child at one is (the high school is the other child's)
        kinds = [bool(nz.TECH_SCHOOL.search(m.group(1))) for m in _CHILD_AT_SCHOOL.finditer(said)]
        if True in kinds and False in kinds:
            out.facts["in_technical_school"] = True
            out.facts["students_count"] = float(kinds.count(True))
    if (out.facts.get("students_count") or 0) >= 2 and not (both and both.group(2)):
        # "闺女在宝鸡技师学院上二年级，儿子在西安上大学本科": only the child at a technical school is its student
        # (not when all are said to be at one: "俩小子都念技校")
        # ("老二今年初中毕业在家待着，也想去念技校": leaving school for a technical one is going to one)
        kinds = [bool(nz.TECH_SCHOOL.search(m.group(1))) or _going_to_tech_school(said, m)
                 for m in _CHILD_AT_SCHOOL.finditer(said)]
        if True in kinds and False in kinds and kinds.count(True) < out.facts["students_count"]:
            out.facts["students_count"] = float(kinds.count(True))
    # an agency named as the one that placed or recruited the workers ("通过一个劳务公司招了30个"): its licence is not the
    # asking unit's
    if out.facts.get("agency_licensed") is True and _SOMEONE_ELSES.search(said) and \
            (out.facts.get("employer_type") not in (None, "人力资源服务机构") or not nz.EMPLOYER_WORDS.search(said)) and \
            not nz.AGENCY_VOUCHED.search(said):
        # (and the agency that placed a worker who asks, "我爸…被县里一个劳务公司介绍到浙江厂里": its licence is its own,
        # not known to the family)
        out.facts.pop("agency_licensed")
    # "念三年一共能拿多少": the years of school the 每生每年 total is asked for
    m = nz.SCHOOL_YEARS.search(said)
    each = [nz.parse_count(y.group(y.lastindex)) for y in nz.CHILD_SCHOOL_YEARS.finditer(said)]
    if m and m.lastindex == 3 and re.search(r"大学|本科|大专|研究生|高中|初中|小学", said):
        m = None                # years at a college or an ordinary school ("在大学读了四年"): no technical school's
    if m and m.lastindex == 1 and re.search(r"[，,]", m.group(0) + said[m.end():m.end() + 1]) and \
            (nz.CHILD_OF_SEVERAL.search(said) or re.search(r"弟弟|妹妹|哥哥|姐姐|俩孩子|两个孩子|俩娃|两个娃", said)):
        m = None                # ("她要是念三年，一共能给多少？她弟弟明年也要去…": one child's years, two children spoken of)
    if m and nz.parse_count(m.group(m.lastindex)) and len(each) <= 1:
        out.facts["school_months"] = nz.parse_count(m.group(m.lastindex)) * 12
        taken.append((m.start(m.lastindex), m.end(m.lastindex)))
    elif len(each) == 1 and each[0] and re.search(r"还有.{0,4}毕业", said):
        out.facts["school_months"] = each[0] * 12     # "大的还有一年就毕业了": that child's years still to come
    elif len(each) > 1 and all(each) and re.search(r"一共|总共|加起来|总的|算下来|多少|好多|几多", said):
        out.facts["student_years"] = sum(each)      # each child's own years, added up for the 每生每年 total
    # "第三次还能报不": which time of the year is asked; "介绍去果汁厂干了4个月；后来又给他介绍到另一个厂": one person
    # placed twice (a benefit the text allows twice a year)
    m = nz.OCCURRENCE_ASKED.search(said)
    if m and nz.parse_count(m.group(1)):
        out.facts["occurrence_asked"] = nz.parse_count(m.group(1))
    if nz.SECOND_CLAIMANT.search(said):
        out.facts["another_claimant"] = True
    was = re.search(r"不是\s*((?:[0-9]+|[一二两三四五六七八九十半]+)\s*个?(?:多)?月)", said)
    age = _AGE_FIX.search(said) if out.correction and "age" not in out.facts else None
    if age and all(14 <= (nz.parse_count(g) or 0) <= 80 for g in age.groups()):
        out.age_fix = (float(nz.parse_count(age.group(1))), float(nz.parse_count(age.group(2))))
    month_was = re.fullmatch(r"([0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*月", was.group(1)) \
        if out.correction and was else None
    dated_now = [d for d in nz.dates_in(said, as_of or today()) if not (was.start(1) <= d[0] < was.end(1)) and
                 re.search(r"月", said[d[0]:d[1]]) and "个" not in said[d[0]:d[1]]] if month_was else []
    since_was = ((as_of or today()).month - nz.parse_count(month_was.group(1))) % 12 \
        if month_was and nz.parse_count(month_was.group(1)) and nz.parse_count(month_was.group(1)) <= 12 else None
    if since_was is not None and len(dated_now) == 1 and since_was != dated_now[0][2]:
        # "长沙那7个我记错了 是五月中旬送过去的 不是九月": a month of the year corrected, the months since each
        out.months_fix = (float(since_was), float(dated_now[0][2]))
        for k in ("months_employed", "months_since_employment"):
            if out.facts.get(k) == dated_now[0][2]:
                out.facts.pop(k)
    elif out.correction and was and out.facts.get("months_employed") is not None:
        old = nz.parse_duration_months(was.group(1))
        if old is not None and old != out.facts["months_employed"]:
            out.months_fix = (float(old), float(out.facts["months_employed"]))
    elif out.correction and was:
        # "小张是5个月，不是4个月" (no word of work or internship beside it): the months said instead, of that one
        now = [nz.parse_duration_months(d.group(0)) for d in _DURATION_RE.finditer(said)
               if not (was.start(1) <= d.start() < was.end(1))]
        old = nz.parse_duration_months(was.group(1))
        if len(now) == 1 and now[0] is not None and old is not None and now[0] != old:
            out.months_fix = (float(old), float(now[0]))
    again = nz.CLAIM_AGAIN.search(said)
    past = list(re.finditer(r"去年|前年", said[:again.start()])) if again else []
    if past and not re.search(r"今年|这一年|本年", said[:again.start()]) and \
            re.search(r"上个?月|这个月|本月|前几天|最近|上礼拜|上周|前阵子?|这阵子?|刚", said[past[-1].end():again.end()]):
        again = None    # ("去年三月份去江苏…那会儿镇上给俺办了一次性求职补贴…上个月…这回还能再领一次500不": last year's, once a year)
                        # (not "去年三月去江苏…镇上已经给俺报了…九月份俺又换到浙江…这回还能再报不": the same year's)
    if again or (_SECOND_COURSE_ALLOWANCE.search(said) and not re.search(r"去年|前年", said)):
        out.facts["claim_again"] = True
        days = [nz.parse_count(d.group(1)) for d in _COURSE_DAYS.finditer(said)]
        if len(days) >= 2 and all(days) and out.another_course and days[0] != days[-1]:
            # "上个月参加了…培训，一共45天。…能补多少？这个月底还有个育婴员的班20天…还能再领一回不": the course had is
            # the one reckoned (its 45 days), the one to come is the claim again (Extracted.again_days)
            out.facts["training_days"] = float(days[0])
            out.again_days = float(days[-1])
            del out.facts["claim_again"]
    placed = nz.PLACED_TO.findall(said)
    one = (out.facts.get("seasonal_referred_count") or out.facts.get("referred_count") or 1) == 1
    if len(placed) >= 2 and re.search(r"又|再|后来|另一个|另外一个", said) and one:
        out.facts["times_this_year"] = len(placed)
    # "给他介绍了两回季节工…这三回每回都能报200吗": one person placed that many times, said as a number
    times = [nz.parse_count(x) for x in re.findall(r"(?:介绍|带|送)(?:了|过)?(?:他|她)?\s*([两二三四2-4])\s*(?:回|次|趟)", said) +
             re.findall(r"这\s*([两二三四2-4])\s*(?:回|次|趟)(?:每(?:回|次|趟)|都|各)", said)]
    # (not when a time is said to be shorter than the season a placement needs: "摘樱桃干了2个月…摘棉花干了4个月")
    spans = [nz.parse_duration_months(x) for x in re.findall(r"干了\s*([0-9一二两三四五六七八九十半]+\s*个(?:多)?月)", said)]
    # ("给村里6个脱贫户每人介绍了三回季节工": each of them that many times)
    each_one = re.search(r"(?:每人|每个人|每个|各)\s*(?:都)?(?:介绍|带|送)(?:了|过)?\s*[两二三四2-4]\s*(?:回|次|趟)", said)
    if times and (one or each_one) and max(t or 0 for t in times) >= 2 and not any(s is not None and s < 3 for s in spans):
        out.facts["times_this_year"] = max(max(t or 0 for t in times), out.facts.get("times_this_year") or 0)
    # each time's months listed ("三回季节性的活：采茶三个半月、果园四个月、冬天蔬菜大棚四个月"): the times that
    # reach a season's three months count, and the shortest of those is the months worked
    n_times = out.facts.get("times_this_year") or 0
    if n_times >= 2 and "months_employed" not in out.facts:
        each = [nz.parse_duration_months(x) for x in re.findall(r"(?<!合同)(?<!签了)(?<!签)([0-9一二两三四五六七八九十]+\s*个半?多?月)", said)]
        each = [x for x in each if x]
        if len(each) == n_times:
            season = [x for x in each if 3 <= x < 12]
            if season:
                out.facts["months_employed"] = min(season)
                out.facts["times_this_year"] = float(len(season))
    # --- a business started after a training (the documents' 实现创业), and within six months of it
    if has_business and _TRAINING_WORD.search(said):
        if _business_done(said):
            if not (training_dates and business_dates and max(business_dates) > min(training_dates)):
                out.facts.setdefault("started_business_after_training", True)
            if training_dates and business_dates:
                out.facts.setdefault("started_business_within_6_months",
                                     min(training_dates) - max(business_dates) <= 6)
            elif training_dates and not business_dates and min(training_dates) - by_months_ago(said) <= 6:
                # "今年6月结业…到现在有8个已经开了店": started by now, fewer than six months after the course ("到上个月底":
                # by a month ago)
                out.facts.setdefault("started_business_within_6_months", True)
        if after_training is not None:
            out.facts["started_business_within_6_months"] = after_training <= 6
            out.facts.setdefault("started_business_after_training", True)
    if re.search(r"(?:培训|学完)(?:后|以后|之后).{0,6}(?:开|办)(?:了|起)", said):
        out.facts.setdefault("started_business_within_6_months", True)
    if out.facts.get("business_planned") is True and "started_business_after_training" not in out.facts:
        # "那俺明年回石泉开个面馆": the business is still to come, not "never started"
        out.forget += ["started_business_after_training", "started_business_within_6_months"]
    # "考核合格了，给了1200块。后来店没开成": no business came of the training
    if _TRAINING_WORD.search(said) and re.search(r"(?:店|铺子?|厂|公司|生意|买卖|馆子?|摊子?)?(?:没|没有|冇|未)(?:能)?(?:开|办|干|搞|弄)(?:成|起来)", said) \
            and "started_business_after_training" not in out.facts:
        out.facts["started_business_after_training"] = False
        out.facts["started_business_within_6_months"] = False

    # "前年秋天从外地打工回屯子 头一回干买卖 开了个粮食收购点 办的个体执照 一直干到现在": the business has run since
    # the one time the message says before it
    if has_business and "months_since_registration" not in out.facts:
        run = _RUN_SINCE.search(said)
        dates = [d for d in nz.dates_in(said, as_of or today()) if run and d[1] <= run.start()]
        if run and len(dates) == 1 and dates[0][2] is not None and \
                re.search(r"执照|注册|登记|开了|办了|开的|办的", said[dates[0][1]:run.start()]):
            out.facts["months_since_registration"] = float(dates[0][2])
    # "摆摊卖凉皮一年多了，没办执照": a business not registered (工商注册登记) has no months since registration
    if has_business and "months_since_registration" not in out.facts:
        m = re.search(r"(?:没|没有|未|冇|还没)(?:去)?(?:办|领|拿|注册|登记|申请)(?:过|下)?(?:个)?(?:营业)?执照|"
                      # (not "没登记成非遗工坊": registered, not as that)
                      r"(?:没|没有|未|冇|还没)(?:去)?(?:工商)?(?:注册|登记)(?:过)?(?!失业|成|为)|无照|(?:没有|没)(?:营业)?执照", said)
        # not a shop still planned ("想回老家开网店，还没办执照": not yet, not never)
        # (nor a first business planned: "从来没办过执照 她想自己注册个小公司")
        if m and not theirs(m.start()) and not re.search(r"还没|想|打算|准备|计划|要是|如果", said[:m.end()]) and \
                not re.search(r"(?:想|打算|准备|计划|要)[^，。,；;？?]{0,4}?(?:去)?(?:注册|办|登记|开)", said[m.end():]):
            out.facts["months_since_registration"] = 0.0
            out.facts.setdefault("business_registered", False)
    # "下个月就去办个体执照": a registration soon, not "never registered" (the months since it are unknown again)
    if re.search(r"(?:下个月|下月|马上|过几天|这就|准备|打算|就要|要)(?:就)?(?:去)?(?:办|注册|登记|领)(?:个|一个)?(?:个体)?(?:工商)?"
                 r"(?:营业)?执照", said) and "months_since_registration" not in out.facts:
        out.forget.append("months_since_registration")
    # "介绍去建筑队，他干了两个月就不干了": a job that ended after a few months, with no contract said, was no contract of
    # a year or more (签订1年以上劳动合同): the months it lasted are the most it ran
    m = re.search(r"(?:干|做|上)(?:了)?\s*[0-9一二两三四五六七八九十半]+\s*(?:个)?(?:多)?(?:月|天|礼拜|星期|周)(?:就|便)?"
                  r"(?:不干了|不做了|走了|辞了|辞职了|跑了|回来了|回家了|没干了)", said)
    # So was a season's work ("去新疆摘了三个月棉花"): a seasonal job of a few months is no contract of a year
    if out.facts.get("seasonal_job") is True and "months_employed" not in out.facts:
        # ("干临时工 说好干到过年就回 也就四个月": the length of a short job said on its own)
        sm = re.search(r"(?:摘|采)(?:了)?\s*((?:[0-9]+|[一二两三四五六七八九十半]+)\s*(?:个)?(?:多)?月)", said) or \
            re.search(r"(?:也就|就|只|才|一共|总共)(?:干)?\s*((?:[0-9]+|[一二两三四五六七八九十半]+)\s*(?:个)?(?:多)?月)", said)
        if sm and not theirs(sm.start()):
            out.facts["months_employed"] = nz.parse_duration_months(sm.group(1))
    if m and not theirs(m.start()) and out.facts.get("months_since_employment") == out.facts.get("months_employed") and \
            not re.search(r"[0-9一二两三四五六七八九十几]+\s*(?:个|名|位)(?:人)?[^，。,；;？?]{0,4}$", said[:m.start()]):
        # ("我在那边干了四个月就回来了": how long a job lasted that has ended, not when it began; "前年腊月…去广东…干了四个
        # 月就回来了": it began at the date said)
        if "months_since_employment" in dated_value and dated_value["months_since_employment"] > out.facts["months_employed"]:
            out.facts["months_since_employment"] = dated_value["months_since_employment"]
        elif not nz.dates_in(said, as_of or today()):
            out.facts.pop("months_since_employment", None)
    if (m and not theirs(m.start()) or out.facts.get("seasonal_job") is True) and "contract_months" not in out.facts and \
            not re.search(r"合同|协议", said) and out.facts.get("months_employed") is not None and \
            out.facts["months_employed"] < 12:
        out.facts["contract_months"] = out.facts["months_employed"]
    # --- when a claim was handed in ("他是去年10月才去镇上申请一次性求职补贴", "车票去年11月就交到镇上了"): a deadline
    # counts the months to that day (policies.evaluator)
    for start, end, months in nz.dates_in(said, as_of or today()):
        if months is not None and months >= 0 and "applied_months_ago" not in out.facts and \
                re.match(r"(?:份)?(?:就|才|又|已经)?(?:去|到|跑)?(?:了)?"
                         # (or to the office, farther: "去年九月回来才去镇上劳动保障所交的材料")
                         r"(?:[^，。,；;？?]{0,6}?|[^，。,；;？?]{0,10}?(?:镇上|镇里|劳动保障所|劳动保障事务所|人社局|就业局)"
                         r"[^，。,；;？?]{0,4}?)"
                         r"(?:申请|交|报|递)(?!名|销|了?\s*[0-9一二两三四五六七八九十几]+\s*(?:个|名|位))",
                         said[end:]) and \
                not re.search(r"(?:要|想|打算|准备|才能|再)\s*$", said[max(0, start - 3):start]) and \
                not re.search(r"被(?:别的|别人|别个|别家|其他|其它|另外的?|另一个)", said[end:end + 12]):
            # (not another's claim: "其中1个今年年初已经被别的中介报过一次补贴了")
            since = out.facts.get("months_since_employment")
            if since is not None and "年" not in said[start:end] and since > months:
                # a month with no year ("去年7月…上班…9月份去镇上申请了"): the first such month after the job began
                now = (as_of or today()).year * 12 + (as_of or today()).month - 1
                months = since - ((now - months) - (now - since)) % 12
            out.facts["applied_months_ago"] = float(months)
    # a claim paid out ("去年3月…去山西…。年底镇上打了300交通补助"): handed in within its time, by the end of the year of
    # the job when said so, else soon after it began (the amount paid is asked about, not whether it was late)
    since = out.facts.get("months_since_employment")
    if since is not None and "applied_months_ago" not in out.facts:
        for m in nz.CLAIM_PAID.finditer(said):
            clause = _clause_before(said, m.start(), 12) + m.group(0) + _clause_after(said, m.end(), 10)
            if _HEARD_OF_OTHERS.search(_clause_before(said, m.start(), 12)) or not any(
                    w is not None and w.search(clause) for w in default_catalogue().benefit_words.values()):
                continue
            now = (as_of or today()).year * 12 + (as_of or today()).month - 1
            began = now - int(since)
            out.facts["applied_months_ago"] = float(now - (began // 12 * 12 + 11)) \
                if re.search(r"年底|年末|腊月|12月|十二月", m.group(0)) and now - (began // 12 * 12 + 11) >= 0 else float(since)
            break
    # --- benefits already received this year: their words in the clause of 领过/拿过/享受过
    # ("被别的公司介绍过两回季节工了": the two placements a year 季节性用工职业介绍补贴 allows, had)
    for m in re.finditer(r"(?:领|拿|享受|报)(?:过|了)(?:一回|一次|一遍)?|补过(?:一回|一次|一遍)?|批(?:下来)?了|发下来了|到账了|"
                         r"介绍过(?:两|2)(?:回|次)", said):
        before = re.split(r"\s", _clause_before(said, m.start(), 28))[-1]    # voice input: a space ends a clause
        clause = before + said[m.start():m.end()] + re.split(r"\s", _clause_after(said, m.end(), 14))[0]
        heard = _HEARD_OF_OTHERS.search(before)
        sentence = said[max(said.rfind(c, 0, m.start()) for c in "。！!？?；;\n") + 1:m.start()]
        if heard and not (heard.group(0) == "人家" and re.match(r"那边|那里|那儿", before[heard.end():]) and
                          _SOME_OF_COUNTED_AGAIN.search(sentence)):
            continue                        # "俺们村有人说考完证领了三百块钱": someone else's, heard of
            # (not the agency that claimed for one of a group: "这俩里头有一个…让别的中介介绍过一回 人家那边报过补贴了")
        # "今年已经领过", or just now "自己领了" (a 领过 without a year may be any year's)
        # ("劳务公司…已经拿我报了职业介绍补贴": done already, this year)
        recent = re.search(r"今年|这一年|本年|年内|已经", before) or re.match(r"(?:领|拿)了", m.group(0))
        if not recent or re.search(r"去年|前年", before) or theirs(m.start()) or \
                nz.is_negated(said, m.start()) or \
                re.search(r"(?:没|未|冇)(?:有)?\s*$", said[max(0, m.start() - 2):m.start()]) or _planned(said, m.start()) or \
                re.search(r"[0-9一二两三四五六七八九十几]+\s*(?:个|名|位)(?:人)?", before) or _of_a_group(said, m.start()) or \
                (_SOME_OF_THEM.search(before) and re.search(r"其中|里头|里面|里边|当中|中间", before)) or \
                (re.search(r"(?:其中|里头|里面|里边|当中)(?:有)?\s*[0-9一二两三四五六七八九十]+\s*(?:个|名|位)", sentence) and
                 not re.search(r"我|俺|咱|额|自己", before)) or \
                _ONE_OF_THEM_FIRST.match(said[max(said.rfind(c, 0, m.start()) for c in "。！!？?；;\n") + 1:]):
            _count_out(out, said, m, before, clause)
            continue                        # "这12个里头有3个今年已经领过求职补贴了": some of a group, not the person
        after = said[m.end():m.end() + 10]
        if re.match(r"[^，。,；;？?]{0,8}?(?:证|证书|执照|驾照)", after) and not re.match(r"[^，。,；;？?]{0,8}?(?:补贴|补助|奖)", after):
            continue                        # "都拿了创业培训合格证": a certificate, not a subsidy received
        for bid, words in default_catalogue().benefit_words.items():
            if words is not None and words.search(clause) and bid not in out.received_this_year:
                out.received_this_year.append(bid)
    # "今年7月…毕业了", "今年大学毕业了": graduated, so the claim of the school year before (毕业前一年下半年) is past
    if out.facts.get("fresh_graduate") and re.search(r"毕业了|毕的业|毕业的", said) and \
            not re.search(r"明年|还没毕业|快毕业|要毕业", said):
        out.facts["final_year_student"] = False
    # --- benefits meant to be taken ("他说想自己去领求职补贴"), said of someone besides the asker's question
    for m in re.finditer(r"(?:想|要|打算|准备)(?:自己|自个)?(?:去)?(?:领|拿|报|申请|申领)", said):
        clause = said[m.end():m.end() + 12]
        if nz.QUESTION_WORDS.search(said[m.end():m.end() + 16]) and not re.search(r"说|讲", said[max(0, m.start() - 4):m.start()]):
            continue                # "想领求职补贴，能领多少": the asker's own question, not a plan besides it
        for bid, words in default_catalogue().benefit_words.items():
            if words is not None and words.search(clause) and bid not in out.planned_this_year:
                out.planned_this_year.append(bid)
    # --- working now, and where
    # (work come back from, "在南方打工回来的", is history: "上个月刚注册了个公司" beside it dates no job)
    # (not a job not found, "到现在一直没找到工作", nor one still to come, "想去县上上班")
    if "months_since_employment" not in out.facts and any(
            not nz.is_negated(said, m.start()) and
            not re.search(r"(?:想|要|打算|准备|计划)[^，。,；;？?]{0,6}$", said[max(0, m.start() - 8):m.start()])
            for m in re.finditer(r"(?:进厂|上班|找到工作|找到活|入职|开始干|务工|打工)(?!回来|回乡|返乡|回家|回老家)", said)):
        recent = nz.recent_start_months(said)
        if recent is not None:
            out.facts["months_since_employment"] = recent
            out.facts.setdefault("months_employed", recent)
    m = re.search(r"没签|没有签|没合同|没有合同|不签合同|不跟.{0,2}签|不给.{0,2}签", said)
    # "老板不跟签合同，给开个就业证明行不行": an employment certificate (or agreement) may stand for the contract
    if m and not theirs(m.start()) and not re.search(r"就业证明|工作证明|在职证明|就业协议|劳务协议", said) and \
            not (m.start() < switch and out.facts.get("labor_contract_signed") is True):
        out.facts["contract_months"] = 0        # (not of a job left: "之前…没签合同…跳到…签了合同")
    for m in _WORK_DONE.finditer(said):
        # (nor a job planned after a place come home to: "去年年底到家 现在想出去广东打工")
        if _planned(said, m.start()) or _planned(said, m.end() - 2) or \
                _WORK_NOT.search(said[max(0, m.start() - 3):m.end() + 2]):
            continue
        if out.facts.get("unemployed") is True and out.facts.get("employed") is False:
            break                           # worked before, out of work now ("之前在厂里做了两年…现在冇得事做")
        past = nz.PAST_JOB_NONE_NOW.search(said)
        if past and past.start() <= m.start() < past.end():
            out.facts.setdefault("employed", False)     # ("以前在外头工地上干 现在…干不动重活了")
            break
        out.facts.setdefault("employed", True)
        break
    if "work_scope" not in out.facts:
        m = _LOCAL_WORK.search(said)
        if m and not _planned(said, m.start()):
            out.facts["work_scope"] = "本县"
        elif _STAY_LOCAL_INSTEAD.search(re.sub(r"\s+", "", said)):
            # "那要是不出去了 就在花垣县城里找个活干呢": a plan to work at home instead of going out
            out.facts["work_scope"] = "本县"
    # "前年在外省干过活，今年回来了": a job of an earlier year the person came back from is history, not where or
    # whether they work now (a new job said after it, "回来后在镇上厂里上班", is read by the words above)
    back = _CAME_BACK.search(said)
    if back and not re.search(r"(?:回来|回家|回乡|返乡|回老家)(?:后|以后|之后)?[^。；;]{0,12}?(?:上班|打工|干活|做工|务工|进厂)",
                              said[back.end() - 4:]):
        for k in ("work_scope", "employed", "months_since_employment", "months_employed"):
            out.facts.pop(k, None)
        out.work_place = None
    _back_to_a_job_here(out, said, as_of)
    # "去外面厂里人家嫌他年纪大不要他": turned away, not at work
    flat_said = re.sub(r"\s+", "", said)
    if nz.TURNED_AWAY.search(flat_said) and not re.search(r"现在(?:在|又在)[^，。,；;？?]{0,6}?(?:上班|干|做)", flat_said):
        for k in ("employed", "months_since_employment", "months_employed", "work_scope"):
            out.facts.pop(k, None)
        out.facts["employed"] = False
        out.work_place = None
    # "厂里一共60个人，脱贫户一共25个": who the staff are, no hiring said (understand.merge keeps hires said before)
    out.staff_only = bool(out.facts.get("staff_total") and out.facts.get("new_hires") is not None and
                          out.facts.get("new_hires") == out.facts.get("hired_poor_count") and
                          not re.search(r"招|新吸纳|新进|新来|雇|聘|吸纳了", said))
    if out.counted_out_topic:
        _count_out_of_topic(out, said)
    from_groups = from_groups or listed_origins(out, said)
    origin_clauses(out, said, from_groups)
    batch_contracts(out, said)
    contract_parts(out, said)
    referral_contract_parts(out, said)
    groups_by_their_months(out, said)
    intern_batches(out, said)
    interns_one_by_one(out, said, as_of)
    interns_by_span(out, said)
    _other_province_groups(out, from_groups, said)
    _insured_part(out, said)
    _charged_part(out, said)
    # (after those charged are out: "8个…其中2个我们收了介绍费，剩下6个没收钱；这6个里头有3个…领过…求职补贴")
    _settle_counted_out(out)
    _registered_part(out, said)
    missed_of_the_count(out, said)
    _not_poor_part(out, said)
    if hiring or nz.EMPLOYER_WORDS.search(flat_said):
        _named_again_short_contract(out, said)
    _group_months(out, said, as_of or today())
    internship_until(out, said, as_of or today())
    counted = None if out.group_months or not (hiring or nz.EMPLOYER_WORDS.search(flat_said)) else \
        names_as_counts(said, out.facts.get("new_hires"))
    if counted:                 # ("老李老王是去年六月来的 一直干到现在 小刘今年八月才来": 2 and 1 by their months)
        _group_months(out, counted, as_of or today())
    _left_at_a_month(out, said, as_of or today())
    _still_there_of_a_group(out, said, as_of or today())
    _poor_of_each_batch(out, said, as_of or today())
    _groups_of_a_year(out, said, as_of or today())
    _the_job_now(out, said, as_of or today())
    years = _YEARS_WORKED.search(said)
    if years and "months_employed" not in out.facts:
        # "2018年招了5个…一直干到2020年底": at least the years between (a whole year less when the end is not 年底)
        span = (int(years.group(2)) - int(years.group(1))) * 12 - (0 if years.group(3) else 6)
        if span > 0:
            out.facts["months_employed"] = float(span)
    _from_another_county(out, said, out.place or home_place)
    poor_of_class = _POOR_OF_THE_CLASS.search(said)
    if poor_of_class and nz.parse_count(poor_of_class.group(1)) and "trainee_count" not in out.facts:
        # "班里有18个是脱贫户": the class's poor, those its trainees' money counts (no hires)
        n = float(nz.parse_count(poor_of_class.group(1)))
        out.facts["trainee_count"] = n
        for k in ("new_hires", "hired_poor_count"):
            if out.facts.get(k) == n:
                out.facts.pop(k)
    if nz.STAYS_ON.search(said) and not out.group_months:
        out.facts["stay_planned"] = True
    _topic_out_of_the_groups(out)
    if getattr(out, "group_short_named", False):
        # ("七个里头有两个其实干了不到半年就走了": the group counted before, named again, is no new head-count)
        for k in _TOPIC_COUNTS:
            if out.facts.get(k) == out.group_short[1]:
                out.facts.pop(k)
    elif out.group_short and out.correction and out.group_short[1] is None and \
            len(re.findall(r"[0-9一二两三四五六七八九十]+\s*(?:个|名|位)(?![0-9一二两三四五六七八九十]*月)", said)) == 1:
        # ("说错了，有两个干了八个月就走了": the few of those counted before, no new head-count)
        for k in _TOPIC_COUNTS:
            if out.facts.get(k) == out.group_short[0]:
                out.facts.pop(k)
    whole = _WHOLE_NAMED_AGAIN.match(re.sub(r"\s+", "", said))
    if whole and nz.parse_count(whole.group(1)):
        # "4个里头有1个…已经享受过了 还有1个干了俩月就走了 剩下2个…干了8个月了": the head-count said before, named again
        # as a whole, then told apart by time (its groups' months; the "还有1个" is one of them, no one more)
        if not out.group_months and \
                not any(k in out.facts for k in ("new_hires", "referred_count", "hired_poor_count", "intern_count")):
            out.facts["new_hires"] = float(nz.parse_count(whole.group(1)))
            _group_months(out, said, as_of or today())
            out.facts.pop("new_hires")
        if out.group_months:
            out.more_people = 0
    in_groups = sum(n for n, _ in out.group_months)
    said_counts = {nz.parse_count(x) for x in re.findall(r"([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位)(?!月)", said)}
    # (not a total said of its own that holds more, "招了8个…湖南那6个里头有4个…另外2个今年4月才来")
    if out.more_people and out.group_months and out.more_people in {n for n, _ in out.group_months} and \
            any(out.facts.get(k) == in_groups or
                out.facts.get(k) == in_groups + out.more_people and in_groups + out.more_people not in said_counts
                for k in ("new_hires", "referred_count", "hired_poor_count", "intern_count")) and \
            in_groups in said_counts and \
            any(_DURATION_RE.search(re.split(r"[，,。；;？?！!]", said[m.end():])[0]) for m in nz.MORE_PEOPLE.finditer(said)):
        # "一共介绍了二十三个，干满半年的有十九个，另外四个两三个月就回来了": the rest of the 23, not 4 more
        for k in ("new_hires", "referred_count", "hired_poor_count", "intern_count"):
            if out.facts.get(k) == in_groups + out.more_people:
                out.facts[k] = in_groups
        out.more_people = 0
    if out.group_months and out.facts.get("contract_months") is not None and not re.search(r"合同|协议", said) and \
            out.facts["contract_months"] < max(mo for _, mo in out.group_months):
        # ("干了两个月就回来的2个" is one group's time, not the length of everyone's contract)
        out.facts.pop("contract_months")
    _charged_besides_groups(out, said)
    not_poor_group(out, said)
    not_poor_besides_groups(out)
    if out.correction:
        _contract_groups_fixed(out, said)
    _other_province_group(out, said, as_of, home_place)
    # (a list by where they are from that is the head-count itself, read with the groups by time: extract_groups)
    local_groups_by_time(out, from_groups or list(out.origin_groups))
    _out_of_a_time_group(out)
    _outside_the_groups(out)
    _group_days(out, said)
    if by_clause:       # not when reading one clause of a message for its groups
        seen: dict[str, Extracted] = {}

        def read(clause: str) -> Extracted:
            if clause not in seen:
                seen[clause] = extract(clause, [], home_place, as_of, hiring, by_clause=False)
            return seen[clause]
        _case_groups(out, said, read)
        both_alike(out, said)
        _category_groups(out, said, read)
        if out.category_groups and "students_count" not in out.facts and nz.TECH_SCHOOL.search(said) and \
                re.search(r"学生|在读|在校", said):
            # "技工班在读的学生里，农村建档立卡户家的有9个，低保户家的3个": a school's students by category, each group
            # its own status of the 每生每年 benefit
            out.facts["students_count"] = float(sum(n for n, _c in out.category_groups))
            _students_not_of_category(out)
        _courses(out, said, read)
        certified_of_class(out, said)
    # "那俩人到明年春天就干满一年了": people counted before, named again, not a new head-count
    # "还有走了的那2个，社保补贴能不能按他们交了的5个月算": one of the groups said before, named again
    again = _NAMED_AGAIN.search(said)
    counts = [m for m in _HEAD_COUNT_SAID.finditer(said) if not _NOT_PERSONS.match(said, m.end())]
    # (the one count is the group named again, not "招了花垣本地4个建档立卡的…这4个岗位补贴又咋算": said, then named)
    if again and len(counts) == 1 and not any(m.end() <= again.start() for m in _HEAD_COUNT_SAID.finditer(said)):
        for k in ("new_hires", "hired_poor_count", "hired_poor_low_income_count", "referred_count",
                  "seasonal_referred_count", "trainee_count", "intern_count"):
            out.facts.pop(k, None)
    if _FUTURE_JOB.search(said) and not any(k in out.facts for k in ("months_since_employment", "months_employed")):
        # "那下个月要去浙江宁波厂里": a job still to come, not the one said before: its dates are not that one's
        out.forget += ["months_since_employment", "months_employed"]
    _swapped(out, said)
    if out.facts.get("insurance_share_asked") == "工伤或生育保险" and not re.search(r"养老|医疗|医保|失业", said):
        # "工伤保险我们也交了，每人每月30块，能一起算进去补不": that insurance's money, not the contributions the
        # subsidy is of
        out.facts.pop("insurance_contributions", None)
    flat_part = re.sub(r"\s+", "", said)
    # ("邵阳那8个里头 有3个…": a WeChat space after 里头, a comma now, is no break in the words)
    flat_part = re.sub(r"(?<=里头|里面|里边|当中|中间)[，,](?=有|其中)", "", flat_part)
    some = _SOME_OF_NAMED.search(flat_part)
    if some and not out.categories and not out.not_categories and \
            re.match(r"[，,]?[^。？?]{0,4}?(?:自己|本人|他自个|她自个)", flat_part[some.end():]):
        # "去苏州那6个里头有一个，自己还想去镇上领…求职补贴": one of the people counted before, not a new count
        one = nz.parse_count(some.group(2))
        for k in ("new_hires", "hired_poor_count", "hired_poor_low_income_count", "referred_count",
                  "seasonal_referred_count", "trainee_count", "intern_count"):
            if out.facts.get(k) == one:
                out.facts.pop(k)
    # ("邵阳那8个里头 有3个是今年五月份才进厂的 不是去年三月": a correction by its "不是")
    if some and (out.correction or re.search(r"不是(?:大前年|前年|去年|今年)?\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})?\s*月|"
                                              r"不是(?:大前年|前年|去年)", flat_part[some.end():])):
        # "说错了，去年开春那5个里头有1个去年年底就走了，满打满算干了9个月": some of a group counted before, with their
        # own months (understand.merge splits that group)
        d = next((x for x in _DURATION_RE.finditer(flat_part[some.end():])), None)
        whole, part = nz.parse_count(some.group(1)), nz.parse_count(some.group(2))
        # "邵阳那8个里头 有3个是今年五月份才进厂的 不是去年三月": the date they came, the first said after them (its
        # "五月" is a month of the year, not five months)
        came = nz.dates_in(re.split(r"不是", flat_part[some.end():])[0], as_of or today())
        by_date = bool(came and (d is None or came[0][0] <= d.start() < came[0][1]))
        if by_date:
            months = float(came[0][2])
        else:
            months = nz.parse_duration_months(d.group(0)) if d else None
        if whole and part and part < whole and months is not None:
            out.group_split = (float(whole), float(part), float(months))
            out.group_came = by_date
    again = _SOME_OF_A_GROUP.search(flat_part) if not out.group_split and not out.correction else None
    if again and re.match(r"[^，。,；;？?]{0,12}?又", flat_part[again.end():]):
        # "那回来的四个里头 有两个今年三月又让俺们介绍去长沙一个厂 干到现在八个多月了": some of a group counted before,
        # placed again, with their own months now (understand.merge splits that group)
        rest = flat_part[again.end():]
        d = next((x for x in _DURATION_RE.finditer(rest) if not _month_of_year(rest, x) and
                  not re.search(r"(?:今年|去年|前年|明年)$", rest[:x.start()])), None)
        whole, part = nz.parse_count(again.group(1)), nz.parse_count(again.group(2))
        months = nz.parse_duration_months(d.group(0)) if d else None
        if whole and part and part < whole and months is not None:
            out.group_split = (float(whole), float(part), float(months))
            out.facts.pop("employer_type", None)    # (the factory they went to is not the asker)
    placed = _PLACE_GROUP_NAMED.search(flat_part)
    if placed and out.correction and out.month_fixes and default_gazetteer().find_all(placed.group(1)):
        # "邵阳那4个不是前年来的，是今年五月份才进厂的": a group of the unit's people named by where they are from, with
        # their own months now (understand.merge makes them a group by time)
        out.place_group = float(nz.parse_count(placed.group(2)) or 0) or None
    swap = _CONTRACT_SWAP.search(flat_part)
    if swap and out.correction and default_gazetteer().find_all(swap.group(2)):
        # "说错了，签8个月的是南寨那4个，崔家头那3个签的是一年半": the group on the short contract is another one
        months, n = nz.parse_duration_months(swap.group(1)), nz.parse_count(swap.group(3))
        if months and n:
            out.contract_swap = (float(n), float(months))
    origin = _ORIGIN_FIX.search(flat_part)
    if origin and out.correction and default_gazetteer().find_all(origin.group(1)) and \
            default_gazetteer().find_all(origin.group(3)) and nz.parse_count(origin.group(2)):
        # "铜仁那3个是我搞混了，他们户口是湖南怀化的": that group's home, not the unit's place
        out.origin_fix = (float(nz.parse_count(origin.group(2))), origin.group(3))
    instead = _ORIGIN_NOT.search(flat_part)
    if not origin and instead and out.correction and default_gazetteer().find_all(instead.group(2)) and \
            default_gazetteer().find_all(instead.group(3)) and nz.parse_count(instead.group(1)):
        # "那4个不是贵州的，是湘西花垣的": that group's home, not the unit's place
        out.origin_fix = (float(nz.parse_count(instead.group(1))), instead.group(3))
    longer = _CONTRACT_LONGER.search(flat_part)
    after = None if longer else nz.CONTRACT_LONGER_AFTER.search(flat_part)
    if longer or after:
        m = longer or after
        n = 2 if m.group(1) == "俩" else 3 if m.group(1) == "仨" else nz.parse_count(m.group(1))
        months, was = nz.parse_duration_months(m.group(2)), nz.parse_duration_months(m.group(3))
        if after:               # ("那3个签的不是半年 是两年的合同")
            months, was = was, months
        if n and months and was and months >= 12 > was:
            out.contract_longer = (float(n), float(months))
    why = _WHY_GROUP.search(flat_part)
    if why and nz.parse_count(why.group(2)):
        out.why_group = (float(nz.parse_count(why.group(2))), why.group(1) + "那" + why.group(2) + "人")
    out.short_in_count = bool(_SHORT_IN_COUNT.search(flat_part))
    out.kin_named = kin_named(flat_part)
    part = _PART_OF_A_COUNT.search(flat_part)
    if part and out.categories:
        whole, some = nz.parse_count(part.group(1)), nz.parse_count(part.group(2))
        if whole and some and some < whole:
            out.part_of = (whole, some)
            if out.more_people and some + out.more_people == whole:
                # "这12个人里有4个是前年来的…；另外8个是今年秋天来的临时工": the rest of the 12, not 8 more
                out.more_people = 0
                if re.search(r"(?:另外|其他|其余|剩下)[^，。,；;？?]{0,12}?(?:临时工|季节工|短工|零工|干完[^，。,；;？?]{0,4}?就走)", flat_part):
                    out.facts.pop("seasonal_job", None)     # the rest's short jobs, not the unit's kind of work
    out.year_asked = bool(_YEAR_ASKED.search(re.sub(r"\s+", "", said)))
    if out.count_fix:
        # ("低收入的是5个不是3个": the group's category word names the group, not who all of them are)
        out.categories = []
        out.numbers = []
        for k in ("new_hires", "hired_poor_count", "hired_poor_low_income_count", "staff_total"):
            out.facts.pop(k, None)
    elif out.correction:
        _both_groups_corrected(out, said)
    # (not when the interns' own subsidy is asked: "…完了留下来签了合同…见习补贴一共能拿多少")
    if nz.KEPT_ON.search(said) and out.facts.get("intern_count") and not re.search(r"见习(?:的)?补贴", said):
        out.facts["new_hires"] = out.facts.pop("intern_count")     # "见习完了…留下其中两个，签两年合同": hired now
    for facts, _ in nz.conditions_asked(said):
        for k in facts:         # "是不是一定要拿到合格证才行": asked about, not said
            if not re.search(r"已经|拿到了|考到了|签了|交了|办了", said[:nz.MUST_ASKED.search(said).start()]):
                out.facts.pop(k, None)
    if out.only_those and re.search(r"(?:其他|其余|剩下|别的)(?:的)?(?:人)?(?:都|全)?(?:是)?[^，。,；;？?]{0,8}?(?:临时工|季节工|短工|零工)", said):
        out.facts.pop("seasonal_job", None)     # the others' short jobs, not the unit's kind of work
    if out.facts.get("referred_count") and "new_hires" not in out.facts and _EMPLOYER_SIDE.search(said):
        # an agency asking of the unit it placed people in ("那车间那边呢？我们前年秋天送过去5个贫困户…"): that unit's hires
        out.facts["new_hires"] = out.facts["referred_count"]
    per_day = _HOURS_A_DAY.search(said)
    if per_day and "training_hours" not in out.facts and out.facts.get("training_days") and nz.parse_count(per_day.group(1)):
        # "一共上了十天 每天八个课时": the course's hours (创业培训时间应不少于80课时)
        out.facts["training_hours"] = float(out.facts["training_days"] * nz.parse_count(per_day.group(1)))
    started = _STARTED_OF_THE_CLASS.search(said)
    if started and "trainee_count" not in out.facts and nz.parse_count(started.group(1)):
        out.started_of_class = float(nz.parse_count(started.group(1)))
    if nz.OTHER_STANDARD_ASKED.search(said):
        # "能不能改按就业技能培训那个1800的标准报": the course had stays; the other one's standard is the question
        out.facts.pop("training_type", None)
    fixed = {n for _started, n in out.case_fixes or []}
    for k in ("trainee_count", "new_hires", "hired_poor_count"):
        if fixed and out.facts.get(k) in fixed and len(out.case_fixes) == 1:
            out.facts.pop(k)        # ("6个月内开店的是9个不是7个": that group's count, not the class's)
    for m in nz.SAID_BACK_AMOUNT.finditer(said):
        # "你刚才说的500是交通那个吧": the answer's own amount said back, no fact of the person's
        v = nz.parse_money(m.group(1)) or nz.parse_count(m.group(1))
        if v in out.numbers:
            out.numbers.remove(v)
    if rows:
        apply_table(out, rows)
    return out


_EMPLOYER_SIDE = re.compile(r"^\s*(?:那|那么)?(?:车间|厂里|厂子|厂家|企业|用人单位|基地|工坊|老板)(?:那边|那头|那块|那里)")
_HOURS_A_DAY = re.compile(r"(?:每天|一天|每日)(?:上)?(?:了)?\s*([0-9]+|[一二两三四五六七八九十]+)\s*(?:个)?(?:课时|学时|节课)")


# a unit's hires counted ("车间招了8个本村的建档立卡贫困户"): the months said of them are theirs, not the unit's
# ("雇了村里6个人常年干活", "一直用着5个建档立卡贫困户")
_HIRED_SAID = re.compile(r"(?:招|雇|吸纳|聘|用)(?:了|收了|用了|着)?[^，。,；;？?\d]{0,12}?\s*[0-9一二两三四五六七八九十几]+\s*(?:个|名|位)")
_REPLACED_INSIDE = re.compile(r"这\s*[0-9一二两三四五六七八九十]+\s*(?:个|名|位)(?:人)?(?:里头|里面|里边|当中|中间|中)?(?:就)?(?:包括|包含|含)(?:了)?"
                              r"(?:后来|后头|新)?(?:补|顶|换)(?:进来|上来|招|进)?的?(?:这|那)?(?:俩|仨|[0-9一二两三四五六七八九十]+\s*(?:个|名|位))")
_LEFT_BEFORE = re.compile(r"(?:本来|原来|原先|之前|先前|开始|起先)(?:还|也)?(?:招|雇|进|来)(?:过|了)[^。；;？?]{0,40}?"
                          r"(?:走了|不干了|辞了|跑了|离开了|辞职了|回家了|回去了)")
_REFILLED = re.compile(r"(?:后来|后头|之后|然后|接着)(?:又)?(?:补|顶|换|招)(?:了|上|进)?(?:俩|仨|[0-9一二两三四五六七八九十]+\s*(?:个|名|位))[^，,。；;？?]{0,14}")
_ASIDE_OF_PLACES = re.compile(r"[（(][^（）()0-9０-９一二两三四五六七八九十]{1,16}?(?:的)?(?:都有|都是|等地|等)[）)]")


# a year's sum asked ("一年下来…一共多少", "一年到头能拿多少", "全年总共多少钱")
_YEAR_ASKED = re.compile(r"(?:一年下来|一年到头|一整年|全年|一年)[^，,。；;]{0,14}?(?:一共|总共|合计|加起来|能拿|能领|给|补)?(?:多少|好多|几多)")


# counted people leaving and others, not counted, taking their places ("有两个脱贫的绣娘走了，换了两个普通村民进来")
_SWAP = re.compile(r"([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:是)?(脱贫|贫困|建档立卡|边缘|低收入|低保)[^，,。；;？?]{0,6}?"
                   r"(?:走了|离职了?|辞职了?|不干了|回家了|退出了?)[，,\s]*(?:又|再)?(?:换了|换成|换上|补了|招了|来了|进了)"
                   r"(?:个|了)?\s*([0-9一二两三四五六七八九十]+)?\s*(?:个|名|位)?(?:人)?[^，,。；;？?]{0,2}?"
                   r"(?:普通|一般|非贫困|不是贫困|不是脱贫|别的|其他)")


# one insurance and its monthly sum, in a list ("养老640、医疗320、失业28、工伤20")
_INSURANCE_ITEM = re.compile(r"(养老|医疗|医保|失业|工伤|生育)(?:保险)?(?:费)?(?:是|交|缴|交了|缴了)?\s*"
                             r"([0-9]+(?:\.[0-9]+)?)\s*(?:元|块)?(?![0-9个人年月天])")


def _itemised_insurance(out: Extracted, said: str, taken: list) -> None:
    """A unit's contributions said insurance by insurance each month ("单位给每个人每月交的是养老640、医疗320、失业28、
    工伤20"): the year's sum of those the subsidies pay (养老、医疗、失业), not 工伤 or 生育."""
    items = list(_INSURANCE_ITEM.finditer(said))
    if len(items) < 2 or nz.PERSONAL_SHARE.search(_clause_before(said, items[0].start(), 24)):
        return
    paid = [float(m.group(2)) for m in items if m.group(1) in ("养老", "医疗", "医保", "失业")]
    if not paid:
        return
    monthly = re.search(r"每(?:个)?月|一个月|月交|月缴", _clause_before(said, items[0].start(), 30) + said[items[0].start():items[-1].end()])
    out.facts["insurance_contributions"] = sum(paid) * (12 if monthly else 1)
    taken.extend((m.start(2), m.end(2)) for m in items)


def _window_at_internship(out: Extracted, said: str, grad_months: float, as_of: dt.date) -> None:
    """"前年6月大专毕业一直没找到工作，去年3月到…见习单位见习了半年": 毕业2年内 is of when the internship began, not of
    today."""
    for s, e, months in nz.dates_in(said, as_of):
        if months < grad_months and re.match(r"[^，。,；;？?]{0,16}?(?:见习|实习)", said[e:]):
            out.facts["graduation_window"] = grad_months - months <= 24
            return


# "前年十一月招了七个…，现在还有六个，另一个去年五月走了": those of a group still there, and the one who left then
_STILL_THERE = re.compile(r"(?:招了|招收了|雇了|来了|进了)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名)[^。；;？?]{0,40}?"
                          r"(?:现在|目前|如今)(?:还有|还剩|剩下|剩|还在的有)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名)"
                          r"[，,]?\s*(?:另外|另|其余|剩下)?(?:的)?(?:一个|两个|俩|[0-9一二两三四五六七八九十]+个)?[^。；;？?]{0,6}?"
                          rf"({nz.MONTH_DATE})[^。；;？?]{{0,4}}?"
                          r"(?:走了|离职|辞职|不干了|回家了|回去了)")


# "去年四月招了九个，里头建档立卡的七个": a batch hired at a date, and its poor
_BATCH_AND_POOR = re.compile(rf"({nz.MONTH_DATE})"
                             r"[^。；;？?，,]{0,4}?(?:又)?(?:招|雇|收|招收)了?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名)(?:人)?"
                             r"[，,]?\s*(?:里头|其中|里面|当中)?\s*(?:建档立卡|贫困|脱贫)(?:户)?(?:的)?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名)")
# "七个里有一个，去年八月就不干了，九月又补了一个建档立卡的": one of the batch's poor left at a date, one more came at a date
_BATCH_POOR_LEFT = re.compile(r"^[，,]?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名)(?:里|中)(?:头|面)?有\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名)"
                              rf"[，,]?\s*({nz.MONTH_DATE})"
                              r"[^。；;？?，,]{0,4}?(?:走了|不干了|离职|辞职|回家了)"
                              rf"(?:[，,]?\s*({nz.MONTH_DATE})"
                              r"[^。；;？?，,]{0,2}?(?:又)?补(?:了|招了|进了)?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名))?")


def _poor_of_each_batch(out: Extracted, said: str, as_of: dt.date) -> None:
    """Batches hired at their dates, each with its poor said after it ("去年四月招了九个，里头建档立卡的七个…去年十一月初招了
    四个建档立卡的三个"): the groups by time are the poor of each batch (and one of them who left, one more in their place)."""
    if not out.group_months:
        return
    groups = [list(g) for g in out.group_months]
    changed = False
    for m in _BATCH_AND_POOR.finditer(said):
        n, poor = nz.parse_count(m.group(2)), nz.parse_count(m.group(3))
        when = nz.dates_in(m.group(1), as_of)
        if not (n and poor and poor < n and when):
            continue
        mo = float(when[-1][2])
        at = next((i for i, g in enumerate(groups) if g[0] == n and abs(g[1] - mo) < 1), None)
        if at is None:
            continue
        parts = [[float(poor), mo]]
        left = _BATCH_POOR_LEFT.match(said[m.end():])
        if left and nz.parse_count(left.group(1)) == poor:
            k = nz.parse_count(left.group(2)) or 0
            gone = nz.dates_in(left.group(3), as_of)
            if 0 < k < poor and gone and mo - gone[-1][2] > 0:
                parts = [[float(poor - k), mo], [float(k), mo - float(gone[-1][2])]]
                came = [float(d[2]) for d in nz.dates_in(left.group(4), as_of)] if left.group(4) else []
                j = nz.parse_count(left.group(5)) if left.group(5) else None
                month_of = lambda w: nz.parse_count(re.search(r"([0-9]{1,2}|十[一二]|[一二三四五六七八九十])\s*月", w).group(1))  # noqa: E731
                if left.group(4) and not came and month_of(left.group(4)) and month_of(left.group(3)) and \
                        month_of(left.group(4)) > month_of(left.group(3)):
                    # ("去年八月就不干了，九月又补了一个": the month after, of the same year)
                    came = [float(gone[-1][2]) - (month_of(left.group(4)) - month_of(left.group(3)))]
                if came and j:
                    parts.append([float(j), came[-1]])
        groups[at:at + 1] = parts
        changed = True
    if changed:
        out.group_months = [tuple(g) for g in groups]
        total = float(sum(g[0] for g in groups))
        for k in ("hired_poor_count", "new_hires"):
            if k in out.facts:
                out.facts[k] = total


def _still_there_of_a_group(out: Extracted, said: str, as_of: dt.date) -> None:
    """Those of a group by time still there are the group; those who left at a month said are a group at the months
    they worked (Profile.group_months)."""
    m = _STILL_THERE.search(said)
    if m is None or not out.group_months:
        return
    n, kept = nz.parse_count(m.group(1)), nz.parse_count(m.group(2))
    left = nz.dates_in(m.group(3), as_of)
    if not (n and kept and kept < n and left):
        return
    at = next((i for i, (k, _mo) in enumerate(out.group_months) if k == n), None)
    if at is None:
        return
    mo = out.group_months[at][1]
    stayed = mo - float(left[-1][2])
    if stayed <= 0:
        return
    out.group_months[at:at + 1] = [(float(kept), mo), (float(n - kept), stayed)]


def _swapped(out: Extracted, said: str) -> None:
    """Counted people replaced by uncounted ones: a change of the counts said before, not new counts."""
    m = _SWAP.search(said)
    if m is None:
        return
    gone = nz.parse_count(m.group(1))
    came = nz.parse_count(m.group(3)) if m.group(3) else gone
    if not gone:
        return
    out.swaps.append((gone, "low_income" if m.group(2) in ("低收入", "低保") else "poor", came))
    for k in ("new_hires", "hired_poor_count", "hired_poor_low_income_count", "staff_total"):
        out.facts.pop(k, None)


_N = r"([0-9一二两三四五六七八九十百]+)\s*(?:个|人|名|位)"


def _both_groups_corrected(out: Extracted, said: str) -> None:
    """"说错了 脱贫的是100个 低收入的是35个": the unit's new hires, both groups said anew (and the 边缘户 beside them, who
    count with the 脱贫 ones: "脱贫户是13个，边缘户还是1个，低收入户是4个")."""
    pm = re.search(r"(?:脱贫|建档立卡|贫困)[^，,。；;0-9一二两三四五六七八九十]{0,4}?(?:的)?(?:还)?(?:是|有)\s*" + _N, said)
    lm = re.search(r"(?:低收入|低保)[^，,。；;0-9一二两三四五六七八九十]{0,4}?(?:的)?(?:还)?(?:是|有)\s*" + _N, said)
    if not (pm and lm):
        return
    em = re.search(r"(?:边缘|监测)[^，,。；;0-9一二两三四五六七八九十]{0,4}?(?:的)?(?:还)?(?:是|有)\s*" + _N, said)
    poor, low = nz.parse_count(pm.group(1)), nz.parse_count(lm.group(1))
    edge = (nz.parse_count(em.group(1)) or 0) if em else 0
    if poor and low:
        out.facts.update(hired_poor_count=float(poor + edge), hired_poor_low_income_count=float(poor + edge + low),
                         new_hires=float(poor + edge + low))
        out.numbers = []


_TOPIC_COUNTS = default_policies().vocab.people_counts    # a unit's head-counts (facts.yaml `people: true`)


def _topic_out_of_the_groups(out: Extracted) -> None:
    """Those who had the benefit, taken out of the whole before the groups by time made it whole again ("5个干了7个月了，3个
    干了4个月，还有1个干了半年多，但这个人今年已经有别的中介给领过一次补贴了"): out of the count of the benefits that count
    the groups (Profile.counted_not), when a group is just them."""
    if not out.topic_out_whole or not out.group_months or not out.place:
        return
    from policies.evaluator import benefit_count_fact

    total = sum(n for n, _ in out.group_months)
    facts = {k for k in _TOPIC_COUNTS if out.facts.get(k) == total}
    docs = {d.id for d in default_gazetteer().resolve(out.place).documents}
    for n in out.topic_out_whole:
        if not facts or not any(g == n for g, _ in out.group_months):
            continue
        for bid, b in default_policies().benefits.items():
            if b.document.id in docs and benefit_count_fact(b) in facts:
                out.counted_not.setdefault(bid, [n, "今年已经领过"])
    out.topic_out_whole = []


def _count_out_of_topic(out: Extracted, said: str) -> None:
    """Some of a group who had the benefit asked about before ("那25个里面有一个…已经领过补贴了"). A message that is only
    about them: its counts and dates are theirs (understand takes them out of the count of the benefits shown). A
    message that also says the group: they are out of the group's count here."""
    # (by sentence, and by the parts a semicolon sets apart: "…15个…，现在11个还在干；3个…；还有1个…已经领了他的补贴")
    sentences = [x for x in re.split(r"[。！!？?\n；;]", said) if x.strip()]
    if len(sentences) == 1:
        # (voice input and WeChat spaces, no sentence marks: "…组织了12个建档立卡的去东莞 有9个一直干到现在 … 不过其中1个
        # 今年年初已经被别的中介报过一次补贴了": its clauses, but those about some of them, "那25个里面有一个", are theirs)
        sentences = [x for x in re.split(r"[，,\s]+", said) if x.strip() and not _SOME_OF_THEM_SENTENCE.match(x) and
                     not re.match(r"\s*(?:那|这)\s*(?:[0-9一二两三四五六七八九十]+\s*个|俩|仨)", x) and
                     not re.search(r"[0-9一二两三四五六七八九十]+\s*个(?:人)?\s*(?:里头|里面|里边|当中|中间|之中|里)", x)]
    had = re.compile(rf"(?:{nz.HAD_BEFORE.pattern})|(?:补|报)过")
    if len(sentences) > 1:
        # (a sentence that tells the group and then the one who had it: "今年组织了9个…：5个干了7个月了…，还有1个干了半年
        # 多，但这个人今年已经有别的中介给领过一次补贴了。他问能拿多少": its clauses before that one are the group's)
        sentences = [c for x in sentences
                     for c in (re.split(r"[，,]+", x) if had.search(x) else [x])
                     if c.strip() and not _SOME_OF_THEM_SENTENCE.match(c) and
                     not re.match(r"\s*(?:那|这)\s*(?:[0-9一二两三四五六七八九十]+\s*个|俩|仨)", c) and
                     not re.search(r"[0-9一二两三四五六七八九十]+\s*个(?:人)?\s*(?:里头|里面|里边|当中|中间|之中|里)", c)]
    own = [x for x in sentences if not had.search(x)]
    if not any(_HEAD_COUNT_SAID.search(x) for x in own):
        for k in _TOPIC_COUNTS + ("months_since_employment", "months_employed"):
            out.facts.pop(k, None)
        return
    for n, group, _last_year in out.counted_out_topic:
        hit = False
        for k in _TOPIC_COUNTS:
            if out.facts.get(k) and (group is None or out.facts[k] == group) and out.facts[k] > n:
                out.facts[k] -= n
                hit = True
        if group is None and hit:
            out.topic_out_whole.append(n)
        if group is not None and (hit or any((out.facts.get(k) or 0) > group for k in _TOPIC_COUNTS)):
            out.group_out.append((n, group))     # of a group by time, read later (_out_of_a_time_group)
    out.counted_out_topic = []


def _out_of_a_time_group(out: Extracted) -> None:
    """"现在有9个已经干满6个多月了，3个干了两个月…满6个月的9个里头有1个…已经被别的中介报过这个补贴了": the one is out of
    the count of the benefits that count the unit's people (in the place's documents), beside those short of time."""
    if out.group_out and not out.group_months and out.place:
        _out_of_those_still_counted(out)
    if not out.group_out or not out.group_months or not out.place:
        return
    total = sum(n for n, _ in out.group_months)
    sizes = {g for g, _ in out.group_months}
    facts = {k for k in _TOPIC_COUNTS if out.facts.get(k) == total}
    if not facts:
        return
    from policies.evaluator import benefit_count_fact
    docs = {d.id for d in default_gazetteer().resolve(out.place).documents}
    for n, group in out.group_out:
        if group not in sizes:
            continue
        for bid, b in default_policies().benefits.items():
            if b.document.id in docs and benefit_count_fact(b) in facts:
                out.counted_out[bid] = out.counted_out.get(bid, 0) + n
    out.group_out = []


# someone else who had a benefit, heard of ("俺们村有人说…领了", "听别人讲他领过"): not the person's own
# the words of a correction (the vocabulary's: "不对 我记错了"; not "对不对", a question)
_CORRECTING = re.compile(rf"(?<!对)(?:{nz.CORRECTION_WORDS})(?!劲)")
# an earlier time told apart from now ("开春那会", "过完年那阵", "一开始的时候")
_EARLIER_THEN = re.compile(r"(?:开春|年初|过完年|过年|年前|之前|以前|原来|起先|一开始|开始)(?:那会儿?|那时候?|那阵子?|的时候)")
# two ages, the one said before and the one now ("我弟不是二十四 是二十六")
_AGE_FIX = re.compile(r"不是\s*([一二三四五六七八九十]{2,3}|[1-8][0-9])\s*(?:岁)?\s*[，,]?\s*(?:而)?(?:是|今年(?:都|已经)?(?:是)?|现在(?:都|已经)?(?:是)?)\s*"
                      r"([一二三四五六七八九十]{2,3}|[1-8][0-9])"
                      r"(?!\s*(?:个|月|年|天|号|元|块|人))")
# a clause of what someone did before the job said ("之前在家摘苹果", "原来在县城打零工")
_BEFORE_THAT = re.compile(r"(?:(?<=[，,。；;\s])|^)(?:之前|以前|原来|先前|在这之前|那之前)(?!那会|那时|那阵|的时候)[^，,。；;？?\s]*")
# "这俩里头", "那5个当中": the people of a group counted before
_SOME_OF_COUNTED_AGAIN = re.compile(rf"(?:俩|仨|{nz.COUNT_NUM}\s*{nz.HEAD_WORD})(?:人)?\s*{nz.AMONG_LONG}")
_HEARD_OF_OTHERS = re.compile(rf"(?:{nz.HEARSAY_WORDS})|(?:村里|村上|厂里|我们|俺们|咱们)?有人(?:说|讲|讲过|说过)?|别人|人家|邻居")


_GROUP_COUNT = re.compile(r"(?<![0-9一二两三四五六七八九十百])([0-9一二两三四五六七八九十百]+)\s*(?:个|名|位|人)(?![0-9]*\s*(?:月|年|天|小时|课时|多月|半月))")


# a course's length in days ("一共45天", "育婴员的班20天")
_COURSE_DAYS = re.compile(r"(?<![0-9一二两三四五六七八九十])([0-9]+|[一二两三四五六七八九十]+)\s*天(?!前|后|内|以内)")
# "低保那4个里头有2个家里同时也是脱贫户，跟那6个是重的": some of one group are of another group too
_COUNTED_TWICE = nz.some_of_a_count(between=r"(?:人|学生)?",
                                    tail=r"[^。？?]{0,20}?(?:重的|重了|重复|重叠|同时(?:也)?是|两头都|两边都)")


def _students_not_of_category(out: Extracted) -> None:
    """A school's students by category: those of a category a 每生 benefit is not for ("低保户家的3个" of a benefit for
    建档立卡 families) are out of its count (Profile.counted_not), said as such."""
    from policies.evaluator import benefit_count_fact
    for bid, b in default_policies().benefits.items():
        if benefit_count_fact(b) != "students_count":
            continue
        cond = next((c for c in b.eligibility
                     if getattr(c, "fact", None) == "category" and getattr(c, "op", None) == "any_of"), None)
        if cond is None:
            continue
        out_of = [(n, c) for n, c in out.category_groups if c not in set(cond.value)]
        if out_of and len(out_of) < len(out.category_groups):
            n = sum(x for x, _c in out_of)
            why = cond.note or f"本项只算{'、'.join(cond.value)}"
            out.counted_not[bid] = [float(n), f"是{'、'.join(c for _n, c in out_of)}（{why}）"]


def _category_groups(out: Extracted, said: str, read) -> None:
    """"这届学生里，低保家庭的12个、脱贫家庭的20个、残疾的2个，另外办了国家助学贷款的5个": people in groups by
    category, in one sentence, each group in its own clause with one count and one category of its own."""
    if len(out.categories) < 2 and not _COUNTED_TWICE.search(said):
        return
    for sentence in re.split(r"[。！!？?\n]", said):
        groups = []
        for seg in re.split(r"[、，,；;]", sentence):
            counts = _GROUP_COUNT.findall(seg)
            if len(counts) != 1:
                continue
            cats = read(seg).categories
            n = nz.parse_count(counts[0])
            if len(cats) == 1 and n:
                groups.append((float(n), cats[0]))
        if len(groups) >= 2 and len({c for _n, c in groups}) == len(groups):
            out.category_groups = groups
            return
    m = _COUNTED_TWICE.search(said)
    if m:
        whole, some = nz.parse_count(m.group(1)), nz.parse_count(m.group(2))
        if whole and some and some <= whole:
            out.counted_twice = (float(whole), float(some))


def _out_of_those_still_counted(out: Extracted) -> None:
    """"15个…干满半年的有11个，另外4个不到3个月就回来了…这11个里头有2个…领过补贴了": the 11 are the count of a benefit
    once those it does not count are out (Profile.counted_not): the 2 are out of it too."""
    from policies.evaluator import benefit_count_fact
    benefits = default_policies().benefits
    for n, group in out.group_out:
        for bid, (not_counted, _why) in list(out.counted_not.items()):
            fact = benefit_count_fact(benefits[bid]) if bid in benefits else None
            if fact and out.facts.get(fact) and out.facts[fact] - not_counted == group and group > n:
                out.counted_out[bid] = out.counted_out.get(bid, 0) + n
    out.group_out = []


def _of_a_group(said: str, at: int) -> bool:
    """Is the sentence up to `at` about some of a group ("留下来的10个里面有2个，…已经给那个中介补过一回了")?"""
    start = max(said.rfind(c, 0, at) for c in "。！!？?\n") + 1
    # (or of a head-count named again: "进电子厂那8个人里有3个，今年自己已经在镇上领过…")
    return bool(_SOME_OF_A_GROUP.search(said[start:at]) or _SOME_OF_NAMED.search(said[start:at]))


# "湘西的5个里有4个已经干了一年多，还有1个今年三月才进来": the groups of a count said
_SHORT_IN_COUNT = nz.some_of_a_count(tail=r"[^。？?]*?还有\s*[0-9一二两三四五六七八九十]+\s*个")
# "问清楚了 4个里头有1个…": the head-count said before, opening the message as a whole told apart
_WHOLE_NAMED_AGAIN = re.compile(rf"(?:[^，。,；;？?0-9一二两三四五六七八九十]{{0,6}}?[，,]?)?(?:那|这)?({nz.COUNT_NUM}){nz.HEAD_WORD}(?:人)?"
                                rf"{nz.AMONG_LONG}")
# "去苏州那6个里头有一个": some of a head-count named again
_SOME_OF_NAMED = nz.some_of_a_count(lead="(?:这|那)", tail="(?!月)")
# "这160个人里有100个是脱贫户": some of a head-count named again, by who they are
_PART_OF_A_COUNT = nz.some_of_a_count(lead="(?:这|那)", tail="(?:人)?是")
# "留下来的10个里面有2个"
_SOME_OF_A_GROUP = nz.some_of_a_count(among=nz.AMONG_LONG)
# people counted before, named again by a demonstrative ("那俩人", "走了的那2个", "剩下那6个人")
_NAMED_AGAIN = re.compile(r"(?:^|[，,。；;？?！!\s])(?:还有|至于|另外)?\s*(?:(?:走了|离职|辞职|留下|剩下|没走)的?\s*)?"
                          r"(?:那|这)(?:俩|仨|[0-9一二两三四五六七八九十]+\s*个)(?!月)")
# a head-count said in a message (not "5个月")
_HEAD_COUNT_SAID = re.compile(r"[0-9一二两三四五六七八九十俩仨]+\s*(?:个|名|位)|俩|仨")
# the home gone back to ("今年开春回海轮老家了", "回到千阳老家")
# a sentence about some of the people counted ("那17个里头有3个…", "其中2个…")
_SOME_OF_THEM_SENTENCE = re.compile(r"\s*(?:那|这)?\s*[0-9一二两三四五六七八九十]+\s*个(?:人)?\s*(?:里头|里面|里边|当中|中间|之中|中)|\s*其中")
_BACK_HOME = re.compile(r"回(?:到|了)?\s*([^\s，,。的]{2,4}?)\s*(?:老家|家乡|家里|村里)")
# a place said right after the words of a correction ("说错了，是汉阴的")
_PLACE_INSTEAD = re.compile(rf"(?:{nz.CORRECTION_WORDS})了?[，,。\s]*(?:应该|其实)?(?:是|在)\s*([^\s，,。的]{{2,8}}?)"
                            r"(?:的|人|县|市|区)")


# of a class said before, some who started a business ("考过的那30个里，已经有6个回去办了营业执照开了店")
_STARTED_OF_THE_CLASS = re.compile(r"(?:那|这)?\s*[0-9一二两三四五六七八九十]+\s*个(?:人|学员)?(?:里|里头|里面|中|当中)[，,]?(?:已经)?(?:有)?\s*"
                                   r"([0-9一二两三四五六七八九十]+)\s*个[^，,。；;？?0-9]{0,10}?"
                                   r"(?:开了店|开店了|办了执照|办了营业执照|创业了|实现了?创业|开起来了|当了老板|办了养殖场)")


# a unit asking back the insurance it pays for some of its people ("这4个的社保也能返吗", "那6个的社保还能接着返不")
_THEIR_INSURANCE_REFUNDED = re.compile(r"(?:这|那)\s*[0-9一二两三四五六七八九十]+\s*个(?:人)?的(?:社保|社会保险|保险)(?:费)?(?:也|还)?"
                                       r"(?:能|可以|能不能|可不可以)(?:接着)?(?:返|退)")


# a date of birth ("2000年6月生", "04年8月生的", "1998年出生")
_BORN = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2}|[0-9]{2})\s*年\s*(?:([0-9]{1,2}|十[一二]?|[一二三四五六七八九])\s*月(?:份)?)?"
                   r"(?:[0-9]{1,2}\s*(?:日|号))?\s*(?:出)?生(?!产|意|活|病|孩|娃|了个)")


# "今年7月到10月", "从三月份干到八月份": a span of months of this year or the last
_MONTH_SPAN = re.compile(r"(?:今年|去年)?(?:从)?([0-9]{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?(?:初|底)?(?:[^，。,；;？?0-9]{0,3}?)"
                         r"(?:到|至|～|-)([0-9]{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?(?:底|末)?")


# an amount said as a benefit's ("那个500块的求职补贴", "一千块的奖励"): what was heard of, not a cost
# (not a question after the cost: "水电一年1万2 这个能补不")
# (not across a space: "水电一年6000 这个岗位补贴能给多少" is a cost, then the next question)
_BENEFIT_AFTER = re.compile(r"(?:\s*(?:元|块钱|块))?(?:的|那个|这个)\s*(?!能|可以|可不可以|给不给|让不让)"
                            r"[^，,。；;？?！!\s]{0,6}?(?:补贴|补助|奖励|奖补|补)")


def _within(a: tuple, b: tuple) -> bool:
    """One place path within the other (贵州省 and 贵州省铜仁市)."""
    return a[:len(b)] == b or b[:len(a)] == a


_ORIGIN_FIX = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:来的|过来的|的)?那\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?"
                         r"[^。？?]{0,16}?(?:户口|户籍|老家|家)(?:都)?(?:是|在)\s*([\u4e00-\u9fff]{2,8}?)(?:的|人)")
_ORIGIN_NOT = re.compile(r"那\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?\s*(?:不是|并不是)\s*([\u4e00-\u9fff]{2,6}?)(?:来的|过来的|的)"
                         r"[，,\s]*(?:而)?是\s*([\u4e00-\u9fff]{2,8}?)(?:来的|过来的|的|人)")
_PEOPLE_ARE_FROM = re.compile(r"(?:(?:那|这)?\s*[0-9一二两三四五六七八九十几]+\s*(?:个|名|位)(?:人)?|他们|工人|这些人|那些人|招的人|"
                              # ("为啥不行啊，人可都是湖南的贫困户")
                              r"(?<=[，,。！!？?\s啊])人(?=可|倒|都|也|全))"
                              r"(?:可|倒)?(?:都|也|全)?是(?:我们|咱们|俺们)?([^\s，,。；;的]{2,8}?)(?:的|人|来的|过来的)"
                              # ("5个邵阳的，签了三年合同": the count, then where they are from)
                              r"|(?<![0-9一二两三四五六七八九十几])[0-9一二两三四五六七八九十]+\s*(?:个|名|位)"
                              r"([^\s，,。；;的是个月年天人]{2,6}?)(?:来的|过来的|的)(?=[，,、；;])")
# a unit of a place ("他们宁波的厂", "宁波一家服装厂", "我们东莞那个电子厂")
_UNIT_OF_PLACE = re.compile(r"(?:我们|俺们|咱们|他们|她们|人家|是)([^，,。；;的是们]{2,6}?)(?:的|这家|那家|一家|那个|这个)[^，,。；;]{0,4}?"
                            r"(?:厂|公司|企业|酒店|工地)")
_FARE_MORE = re.compile(r"(?:又|还|再)(?:坐|搭|打|转|倒)(?:了)?[^，。,；;？?0-9\s]{0,3}?(?:大巴|班车|汽车|客车|中巴|的士|出租|车)(?:花了|是|要)?\s*"
                        r"((?<![0-9])[0-9]{2,4}(?![0-9个人天月年])|[一二两三四五六七八九十百]{2,4})(?![个人天月年])")
_PEOPLE_OF_PLACE = re.compile(r"([^\s，,。；;的]{2,6}?)(?:的|来的|过来的)?(?:那|这)(?:(?:几|[0-9一二两三四五六七八九十]+)?(?:个|批|些)|仨|俩)"
                              r"(?:人)?"
                              # (not a place in it: "千阳城关镇那个移民搬迁安置小区")
                              r"(?![^\s，,。；;]{0,6}?(?:小区|安置点|社区|村|镇|乡|街道|工地|厂|公司|车间|基地|地方))")
# some of a unit's people, or of a class, from a county the document does not cover ("隔壁陇县来的脱贫户八个")
_FROM_COUNTY = re.compile(r"(?:隔壁|邻近|旁边|邻县|外县)?([\u4e00-\u9fff]{2,4}?)(?:县|市|区)?(?:来的|过来的)(?:脱贫户|贫困户|脱贫劳动力|建档立卡户|建档立卡贫困户|学员)?"
                          r"\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)")


def _from_another_county(out: Extracted, said: str, place: str | None) -> None:
    """Those of the people counted who come from outside the document's own area, in its province ("在千阳…办了一期…
    隔壁陇县来的脱贫户八个"): the text does not say whether they count, so they are out of each count of the document's
    money, with the reason (another province's people are _other_province_group's)."""
    gaz = default_gazetteer()
    here = gaz.resolve(place).place if place else None
    docs = gaz.resolve(place).documents if place else []
    if here is None or len(docs) != 1:
        return
    from policies.evaluator import benefit_count_fact
    counts = ("trainee_count", "new_hires", "hired_poor_count", "referred_count")
    for m in _FROM_COUNTY.finditer(said):
        found = gaz.find_all(m.group(1))
        n = nz.parse_count(m.group(2))
        if not found or not n or gaz.resolve(found[0].full_name).documents or found[0].path[:1] != here.path[:1]:
            continue
        if not any((out.facts.get(k) or 0) > n for k in counts):
            continue
        name = found[0].path[-1]
        for bid, b in default_policies().benefits.items():
            if b.document.id == docs[0].id and benefit_count_fact(b) in counts:
                out.counted_not.setdefault(bid, [float(n), f"是{name}的（不在本文件范围，能否享受文件未写，请问县人社局）"])


# people taken on in a year who worked to a later year ("2018年招了5个…一直干到2020年底")
_YEARS_WORKED = re.compile(r"((?:19|20)[0-9]{2})\s*年[^，。,；;？?]{0,6}?(?:招|进|来|上班|介绍|送)[^。；;？?]{0,40}?(?:一直)?(?:干|做)到\s*"
                           r"((?:19|20)[0-9]{2})\s*年\s*(底|末)?")
# the poor of a class said before ("班里有18个是脱贫户")
_POOR_OF_THE_CLASS = re.compile(r"(?:班里|班上|学员里|学员中|学员当中)(?:头|面|边)?(?:有)?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?:人)?"
                                r"(?:是|都是)(?:建档立卡|贫困户|脱贫户|脱贫劳动力|贫困劳动力)")
# a job left ("干到今年端午就辞了"), then another taken ("端午过后进了株洲一家厂"): the time at the one taken
_LEFT_A_JOB = re.compile(r"辞了|辞职|不干了|走了|回来了|没干了|跳槽")
_NOW_FOR = re.compile(r"(?:到现在|至今|到今天|已经)(?:干了|做了|干|做)?(?:有)?\s*((?:[0-9]+|[一二两三四五六七八九十半]+)\s*(?:个)?(?:多)?(?:月|年)(?:多)?)")


# a month named with no year, just before a job taken ("十一月在宁波又找了个厂")
_BARE_MONTH = re.compile(r"(?<![0-9一二两三四五六七八九十年])([0-9]{1,2}|十[一二]?|[一二三四五六七八九])\s*月(?:份)?(?:初|底|中)?"
                         r"[^，。,；;？?0-9一二两三四五六七八九十月]{0,8}$")


def _the_job_now(out: Extracted, said: str, as_of: dt.date) -> None:
    """Two jobs told one after the other, the first left: the months at work and since are those of the job now, said
    after the change (its date just before it, its months "到现在…")."""
    switches = list(nz.JOB_SWITCH.finditer(said))
    if not switches or out.group_months:
        return
    sw = switches[-1]
    if not _LEFT_A_JOB.search(said[:sw.start()]):
        return
    now = _NOW_FOR.search(said, sw.end())
    dated = [d for d in nz.dates_in(said[max(0, sw.start() - 12):sw.start()], as_of)]
    months = nz.parse_duration_months(now.group(1)) if now else None
    if months is not None:
        out.facts["months_employed"] = float(months)
    # (not a month of a year said before: "2019年3月去长沙…干到11月就走了，12月进了…另一个厂")
    bare = None if dated or re.search(r"(?:19|20)[0-9]{2}\s*年|去年|前年|大前年", said[:sw.start()]) else \
        _BARE_MONTH.search(said[max(0, sw.start() - 12):sw.start()])
    if bare:
        # ("…干到十月底就不干了，十一月在宁波又找了个厂": a month named alone, the latest one by now)
        month = nz.parse_count(bare.group(1))
        if month and 1 <= month <= 12:
            dated = [(0, 0, float((as_of.month - month) % 12))]
            if months is None:          # (the months of the job left are not the new one's)
                out.facts["months_employed"] = dated[0][2]
    if dated and dated[-1][2] is not None:
        out.facts["months_since_employment"] = float(dated[-1][2])
        out.facts.setdefault("months_employed", float(dated[-1][2]))
    elif months is not None:
        out.facts["months_since_employment"] = float(months)


# a year alone before the people placed or taken on ("2019年一共送出去二十三个", "前年招了5个")
_YEAR_OF_GROUPS = re.compile(r"(前年|去年|(?:19|20)[0-9]{2}\s*年)\s*(?:一共|总共|共|又|还)?\s*(?:免费)?\s*"
                             r"(?:送|介绍|输送|招|组织|安排|派)")


def _groups_of_a_year(out: Extracted, said: str, as_of: dt.date) -> None:
    """People told apart by how long they worked, all placed or taken on in a year said alone: they began no later than
    that year's end (not "half a year ago" for those who worked half a year)."""
    m = _YEAR_OF_GROUPS.search(said)
    if not m or not out.group_months:
        return
    word = re.sub(r"\s", "", m.group(1))
    year = as_of.year - 2 if word == "前年" else as_of.year - 1 if word == "去年" else int(word[:4])
    since = float((as_of.year - year) * 12 + as_of.month - 12)
    if since > (out.facts.get("months_since_employment") or 0) and since >= max(mo for _, mo in out.group_months):
        out.facts["months_since_employment"] = since


# some of the people by where they were sent ("去广东东莞的十五个，去长沙本省厂子的八个")
_SENT_PEOPLE = re.compile(r"(?:去|到|送到|送去|派到|派去|介绍到|介绍去|输送到)\s*([^\s，,。；;的]{2,12}?)\s*的\s*"
                          r"[0-9一二两三四五六七八九十]+\s*(?:个|名|位)(?!月)")
# a job taken after coming back from one elsewhere ("前年腊月去的东莞 做了十个月 然后去年十月回来的 在耒阳 一个 就业扶贫车间
# 做"): the date of coming back dates the job now, and its place is where they work
_BACK_THEN_WORK = re.compile(r"回来(?:的|了)?[，,]?(?:以后|之后|后)?(?:就)?(?:在|到|进)([^，,。；;？?在到进]{2,8}?)(?:的|这边|那边)?"
                             r"[^，,。；;？?]{0,8}?(?:车间|厂|公司|工厂|基地|合作社|工地|超市|饭店|酒店)(?:里|里头)?"
                             r"[^，,。；;？?]{0,4}?(?:做|干|上班|打工|做工|干活)")


def _back_to_a_job_here(out: Extracted, said: str, as_of: dt.date | None) -> None:
    flat = re.sub(r"\s+", "", said)
    m = _BACK_THEN_WORK.search(flat)
    if m is None:
        return
    dated = [(e, months) for s, e, months in nz.dates_in(flat, as_of or today()) if 0 <= m.start() - e <= 4]
    gaz = default_gazetteer()
    if dated:
        out.facts["months_since_employment"] = out.facts["months_employed"] = float(dated[-1][1])
        out.facts["employed"] = True
    place = m.group(1)
    if out.place and gaz.find_all(place):
        scope = gaz.scope(out.place, place)
        if scope:
            out.facts["work_scope"] = scope
            out.work_place = place


# a job of an earlier year and the coming back from it
_CAME_BACK = re.compile(r"(?:前年|去年|以前|之前|早些年|前些年|那几年|原来|早年)[^。；;？?]{0,12}?(?:打工|干活|干过|务工|上班|做工|做过工|"
                        r"(?:打|干)了[^，。,；;？?]{0,6}?(?:工|活))"
                        r"[^。；;？?]{0,12}?(?:回来了|回家了|回乡了|返乡了|回老家了|回来了?(?:，|,)|就回来|又回来|回来(?:创业|开|办|搞)|"
                        r"(?:回来|回家|回乡|返乡)\s*(?:在|到)|"
                        r"回(?:到|了)?[^，。,；;？?]{1,8}?(?:开了|办了|开个|开起|创业))|"
                        # ("他也是在南方打工回来的")
                        r"(?:打工|务工)(?:回来|返乡|回乡|回家)(?:的|了)")


# some of a unit's people who came at a date and left at a month said ("还有邵阳的建档立卡3个，今年3月份来的，干到8月就走了")
_LEFT_AT_MONTH = re.compile(r"([0-9一二两三四五六七八九十]+)\s*个[，,\s]*([^。；;，,]{2,10}?)(?:来的|进来的|进厂的|招的)[，,\s]*"
                            r"(?:干|做)到\s*([0-9一二两三四五六七八九十]+)\s*月(?:份|底|初)?(?:就|便)?"
                            r"(?:走了|离职了?|辞职了?|不干了|回家了|回去了|跑了|回来了)")


def _left_at_a_month(out: Extracted, said: str, as_of: dt.date) -> None:
    """One group of a unit's people that left at a month said, beside the others still at work: that group's months
    (Profile.group_months: the others at the months said of everyone)."""
    m = _LEFT_AT_MONTH.search(said)
    if not m or out.group_months:
        return
    n, end_month = nz.parse_count(m.group(1)), nz.parse_count(m.group(3))
    dated = nz.dates_in(m.group(2), as_of)
    total = out.facts.get("months_employed") or out.facts.get("months_since_employment")
    head = max([out.facts.get(k) or 0 for k in ("new_hires", "hired_poor_count", "referred_count")])
    if not n or not end_month or not 1 <= end_month <= 12 or len(dated) != 1 or not total or not head or head <= n:
        return
    now = as_of.year * 12 + as_of.month - 1
    start = now - int(dated[0][2])
    end = (start // 12) * 12 + int(end_month) - 1
    if end < start:
        end += 12
    worked = end - start
    if worked <= 0 or end > now or worked >= total:
        return
    out.group_months = [(float(head - n), float(total)), (float(n), float(worked))]
