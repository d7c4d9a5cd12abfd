"""The shapes of numbers in a message (assistant/extract.py): durations, money, counts, days, a year said alone, a year
of graduation, and the unit an NLU number must carry."""
from __future__ import annotations

from policies import rx as re

from policies import normalize as nz

_DURATION_RE = re.compile(
    # "一年零两个月", "1年3个月": years and months together
    r"(?:[0-9０-９]+|[一二两三四五六七八九十俩仨]+)\s*年(?:零|又)?\s*(?:[0-9０-９]+|[一二两三四五六七八九十俩仨]+)\s*个(?:多)?月|"
    r"(?:[0-9０-９]+(?:\.[0-9]+)?|[一二两三四五六七八九十半俩仨]+)\s*(?:个来月|来个月|个多月|个半月|个月|多月|月|年半|多年|年多|年(?!级))|半年")
_MONEY_RE = re.compile(r"(?:[0-9０-９]+(?:\.[0-9]+)?万?|[一二两三四五六七八九十百千万]{2,})\s*(?:元|块钱|块)"
                       r"|[0-9０-９]+(?:\.[0-9]+)?万(?![0-9人个名户])"
                       # "贷个三十万", "五万" (not "千万别", "万一")
                       r"|(?<![一二两三四五六七八九十百千万])(?:[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九]百|"
                       # ("一年三万二": 32000, the thousands said without 千)
                       r"[一二两三四五六七八九])万(?:[一二两三四五六七八九]千?(?![0-9人个名户一二两三四五六七八九十百千]))?"
                       r"(?![0-9人个名户一])")
# a bare number right after a money word: "车票680", "路费花了三百二"
_MONEY_CTX_RE = re.compile(r"(?:(?:单程票|来回票|往返票|(?<=[，,、\s])票|车票|路费|车费|机票|房租|租金|水电|社保|保险|火车票?|班车|汽车票?|大巴|高铁|动车|卧铺票?|硬卧票?|软卧票?|硬座票?|坐票|站票|船票|票钱)(?:费)?(?:一人|每人|一个人|人均)?"
                           r"(?:一年|每年|一个月|每月|每个月|一年下来)?"
                           # ("票钱加一块是六百二")
                           r"(?:加(?:一块|起来|一起|在一起)|合起来|算下来)?"
                           r"(?:也)?(?:花了|是|要|共|一共|大概|差不多|交)?|花了|花费了?|掏了|付了|"
                           # ("又坐大巴又打车到厂里 加一起六百二": the sum of the fares said before it)
                           r"(?<=[\s，,])(?:加(?:一块|起来|一起|在一起)|合起来|算下来)(?:一共|总共)?(?:是|花了)?)\s*([0-9]+(?:\.[0-9]+)?(?:[千万][0-9一二三四五六七八九]?)?"
                           r"|[一二两三四五六七八九十百千万]{2,})")
# a bare number of monthly social insurance ("都给他们交了社保，每人每月980", "厂里一个月给我交680")
_INSURANCE_CTX_RE = re.compile(r"(?:社保|保险|五险|养老|医疗)[^，。；;？?0-9]{0,12}?[，,]?\s*(?:每人|一个人|每个人)?\s*"
                               r"(?:每月|每个月|一个月|一月)\s*(?:给(?:我|他|她|他们|她们)?)?\s*(?:交|缴|是|大概|差不多)?\s*"
                               r"([0-9]+(?:\.[0-9]+)?)(?![0-9.]|\s*(?:个|人|天|年|号|%))"
                               # "公司自己交的是每人每月690" (the social insurance asked about)
                               r"|(?:公司|厂里|单位|企业)(?:自己)?(?:交|缴)的(?:是)?\s*(?:每人|一个人)?\s*(?:每月|每个月|一个月)\s*"
                               r"([0-9]+(?:\.[0-9]+)?)(?![0-9.]|\s*(?:个|人|天|年|号|%))"
                               # ("社保都给交了，公司那部分每人每月一千零五十": the unit's share, said in words too)
                               r"|(?:公司|厂里|单位|企业)(?:自己)?(?:那|这)(?:部分|块|一块|份)(?:是)?\s*(?:每人|一个人)?\s*"
                               r"(?:每月|每个月|一个月)\s*(?:交|缴|是)?\s*"
                               r"([0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千零]{2,})(?![0-9.一二两三四五六七八九十百千零]|\s*(?:个|人|天|年|号|%))")
_COUNT_RE = re.compile(r"(?:[0-9]+(?:来|余|多)?|[一二两三四五六七八九十百几来]+|俩|仨)\s*(?:个人|个|名|人|位)(?!月)")
# a number of days, not a rate's unit ("多少钱一天一人", "一天给多少"): those name no duration
_DAYS_RE = re.compile(r"(?<![每钱元块第])(?:[0-9]+|[一二两三四五六七八九十百]+)\s*(?:天|日)(?!\s*(?:一人|每人|一个人|给|补|多少|能))")
# a year said alone ("2019年办过贷款") is a date, not a duration of 2019 years
_YEAR_ALONE = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}\s*年")
# a number of persons is followed by a person (or by what they did); these words after "个" are not persons
_NOT_PERSONS = re.compile(r"\s*(?:月|半月|半年|多月|课时|小时|钟头|星期|礼拜|村|镇|乡|县|市|省|厂|店|证|期|批|班|项|回|次|字|点|岗|单位|公司|"
                          r"企业|合作社|基地|车间|工坊|地方|事|问题|条件|孩子他|学校|机构|部门|工地|项目|农家乐|小|大|补贴|补助|政策|文件|工作日)")

_GRAD_YEAR = re.compile(r"(?<![0-9一二三四五六七八九十〇零了干做满])(?:20)?([12][0-9]|二[〇零一二三四五六七八九])\s*年"
                        r"(?:的)?(?:[^，。,；;？?]{0,8}?)毕业")
# an NLU number is taken for what it says it is only when it carries its unit ("三个" is not a duration)
_ENTITY_UNIT = {"duration": re.compile(r"月|年|周|星期|礼拜"), "days": re.compile(r"天|日"),
                "count": re.compile(r"[0-9一二两三四五六七八九十百几]")}

_BENEFIT_BEFORE = re.compile(r"(?:补贴|补助|奖补|奖励|补帖|返还)(?:是|有|就是|能|说是|大概|一共)?\s*$|"
                             r"(?:能|可以|可|会|给|要)(?:补|奖)(?:个|上)?\s*$")      # "一个人能补1000块不": the amount heard of
_YEARLY_COSTS = {"insurance_contributions", "company_insurance_contributions", "rent_utilities_cost"}


# the place's own standard a document raises by a share (湖南 上浮70%): "当地同类培训补贴标准是每人1500元"
# ("本地这个工种就业技能培训补贴标准是1200元一人", "这个工种初级工补贴标准是1500元")
_STANDARD_RE = re.compile(r"(?:同类|当地|本地|本来|原本|我们这|这边|普通学员|一般学员|普通人|一般人|工种|初级工|平常|平时|一般|普通)[^，。,；;？?]{0,16}?标准[^，。,；;？?0-9]{0,4}?(?:每人|一人|1人|一个人)?"
                          r"[^，。,；;？?0-9]{0,2}?([0-9]{3,}(?:\.[0-9]+)?|"
                          # ("同类职业培训补贴标准电工是每人一千二，家政每人八百": in words too)
                          r"[一二两三四五六七八九]千(?:[一二两三四五六七八九](?:百)?)?|[一二两三四五六七八九]百(?:[一二三四五六七八九]十)?)"
                          r"\s*(?:元|块|(?=[\s，。,；;？?]|$))")


# ("比方说同一个工种普通学员补1000块，贫困户学员能补多少": the standard said as what an ordinary trainee gets)
_ORDINARY_GETS = re.compile(r"(?:普通学员|一般学员|普通人|一般人|普通的)[^，。,；;？?0-9]{0,4}?(?:补|给|发|能补|能拿)(?:个)?\s*"
                            r"([0-9]{3,}(?:\.[0-9]+)?|[一二两三四五六七八九十]+[千百][一二两三四五六七八九]?百?)\s*(?:元|块)")


# a second class's standard said after the first ("…电工是每人一千二，家政每人八百")
_ANOTHER_STANDARD = re.compile(r"[^。；;？?！!]{0,12}?(?:每人|一人|一个人)(?:是)?\s*(?:[0-9]{3,}|[一二两三四五六七八九][千百])")


def training_standard(said: str) -> float | None:
    """The same-type training subsidy standard the asker states (元 per person), or None."""
    m = _STANDARD_RE.search(said or "")
    if m and _ANOTHER_STANDARD.match(re.split(r"[。；;？?！!]", said[m.end():])[0]):
        return None     # ("标准电工是每人一千二，家政每人八百": one for each class, none for all of them)
    if m:
        return float(m.group(1)) if m.group(1)[0].isdigit() else nz.parse_money(m.group(1) + "元")
    m = _ORDINARY_GETS.search(said or "")
    return nz.parse_money(m.group(1) + "元") if m else None
