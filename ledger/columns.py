"""The ledger's columns: Chinese header names and their aliases, the note and two examples of each (the template and
its 填写说明 sheet are made from these), which column a fact comes from, and how much of a cell is kept. A fact
column's header is a name of its fact in the one table of fact names (policies/normalize.FACT_ALIASES), and every
other name of that fact there is accepted as its header too."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from policies.normalize import FACT_ALIASES

MAX_SHOWN = 20        # characters of a bad value quoted in a problem message
MAX_REMARK = 200      # characters of 备注 kept in the outputs
MAX_NAME = 30         # characters of 姓名 / 户号 kept
MAX_PLACE = 60        # a longer 户籍地/就业地 is not looked up


@dataclass(frozen=True)
class Column:
    name: str
    aliases: tuple[str, ...]      # other headers; a fact column's come from FACT_ALIASES
    note: str
    examples: tuple[str, str]
    required: bool = False


COLUMNS: list[Column] = [
    Column("户号", ("户编号", "家庭编号", "户主编号", "户代码"),
           "同一户的人填同一个户号；只写在每户第一行也可以（下面几行留空，沿用上一行）", ("QY-001", "QY-001"), True),
    Column("姓名", ("名字",), "本人姓名", ("张三", "李四"), True),
    Column("身份证号", ("身份证", "身份证号码", "公民身份号码", "证件号码"),
           "只用于核对本人，所有输出都打码（保留前6位和后4位）。请把这一列设成“文本”格式，否则Excel会把后几位变成0",
           ("610328198503120315", "610328198709210420")),      # made up, with valid check digits
    Column("户籍地", ("户籍所在地", "户口所在地", "户籍"),
           "县（区、市）或镇，如 千阳县、千阳县崔家头镇、汉阴、海伦市、长沙、三亚。同一户可只写第一行", ("千阳县", ""), True),
    Column("人员类别", (),
           "可写多个，用 、 , ， / ; 分隔，如 脱贫户、残疾人。填了就当作完整名单（没写的类别按“不属于”算）；"
           "写“无”或“一般户”表示都不属于；不填按“未知”", ("脱贫户", "脱贫户、高校毕业生")),
    Column("就业状态", (), "已就业 / 未就业 / 失业", ("已就业", "未就业")),
    Column("就业地", (),
           "地名（如 浙江省宁波市、西安）或 本县 / 外县 / 外市 / 外省；与户籍地比较，判断是否跨省", ("浙江省宁波市", "")),
    Column("合同期限", (),
           "如 1年、12个月、两年、无固定期限；没签写“无”；只写数字按“月”算", ("1年", "")),
    Column("务工月数", (), "这份工作已经干了几个月", ("5", "")),
    Column("就业后月数", (),
           "从开始上班到核对日过了几个月（也可填上班日期）；用来判断申请期限", ("2", "")),
    Column("交通费", (), "去务工地实际花的车票钱，单位元", ("680", "")),
    Column("是否参加培训", ("参加培训",), "是 / 否；不填按没参加，不列培训类补贴", ("否", "是")),
    Column("培训类型", (), "SYB、IYB、网络创业、就业技能培训、中期技能培训、岗位技能提升培训 等", ("", "SYB")),
    Column("培训天数", (), "如 10、10天", ("", "10")),
    Column("是否取得证书", (), "是 / 否（培训合格证）；写“职业资格证书”表示通过了职业技能鉴定", ("", "是")),
    Column("创业形式", (), "个体工商户、小微企业、合伙创业、农民专业合作社、家庭农场；没创业写“无”或不填", ("", "个体工商户")),
    Column("营业执照月数", (), "营业执照办下来几个月（也可填登记日期）", ("", "8")),
    Column("公益岗类型", (),
           "如 农村公益性岗位-其它、护林员、保洁员、劳动保障助理员、城镇公益性岗位；没有写“无”或不填", ("", "")),
    Column("在岗月数", (), "在公益性岗位上干了（或打算干）几个月", ("", "")),
    Column("子女就读技校", (), "是 / 否：家里有孩子在技工院校（技校）上学", ("否", "否")),
    Column("今年已享受", (),
           "今年已经领过的补贴，写名称或编号，如 一次性求职补贴；多个用 、 分隔；没有写“无”", ("无", "")),
    Column("备注", ("说明",), "随便写；电话号码、身份证号、银行卡号在报告里会打码", ("电话13812345678", "")),
]
COLUMN_NAMES = [c.name for c in COLUMNS]
REQUIRED = [c.name for c in COLUMNS if c.required]

# the columns read into facts, in the order they are read (and their problems reported)
FACT_COLUMNS = ("人员类别", "就业状态", "合同期限", "务工月数", "就业后月数", "交通费", "是否参加培训", "培训类型", "培训天数",
                "是否取得证书", "创业形式", "营业执照月数", "公益岗类型", "在岗月数", "子女就读技校")

# the fact a column's header names (policies/normalize.FACT_ALIASES), for the columns that carry one
FACT_OF = {c.name: FACT_ALIASES[c.name] for c in COLUMNS if c.name in FACT_ALIASES}
# facts a column sets besides the one its header names (how its cells are read: ledger/cells.py)
ALSO_SETS = {"unemployed": "就业状态", "got_qualification_certificate": "是否取得证书", "borrower_type": "创业形式",
             "received_allowance_this_year": "今年已享受"}
# which column a fact comes from (for "待确认" hints)
FACT_COLUMN = {fact: col for col, fact in FACT_OF.items()} | ALSO_SETS


def header_key(h: Any) -> str:
    s = re.sub(r"\s+", "", str(h or ""))
    s = re.sub(r"[（(][^）)]*[）)]", "", s)          # 交通费（元）→ 交通费
    return s.strip("*＊:：")


HEADER_LOOKUP: dict[str, str] = {}
for _c in COLUMNS:
    HEADER_LOOKUP[_c.name] = _c.name
    for _a in _c.aliases:
        HEADER_LOOKUP.setdefault(_a, _c.name)
for _c in COLUMNS:      # the other names of a fact column's fact
    for _a, _f in FACT_ALIASES.items():
        if _f == FACT_OF.get(_c.name):
            HEADER_LOOKUP.setdefault(_a, _c.name)
