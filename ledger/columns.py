"""The ledger's columns: Chinese header names and their aliases, the note and two examples of each (the template and
its 填写说明 sheet are made from these), which column a fact comes from, and how much of a cell is kept. A fact
column's header is a name of its fact in the one table of fact names (policies/normalize.FACT_ALIASES), and every
other name of that fact there is accepted as its header too.

Column matching (suggest_columns): villages keep their own headers (序号, 户主, 人员类型, 外出时间, 务工时间(月),
是否签合同 …). Each header is matched to one of our columns by its name, a synonym (SYNONYMS) or the words in it
(HEADER_WORDS); headers we know but do not need (性别, 联系电话 …) are set aside without a complaint. The officer
may override any match (a mapping file for the CLI, the console's form): Match.how says where each one came from."""
from __future__ import annotations

from policies import rx as re
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


# ----------------------------------------------------------------------------------------------- column matching
# Columns that are not in the template but say how people form households.
HOUSEHOLD_COLUMNS = ("户主", "序号", "与户主关系")
IGNORE = "忽略"          # an override that drops a column
# What a village's headers mean, besides the template's names and the fact names (header_key applied).
SYNONYMS: dict[str, str] = {
    "户主": "户主", "户主姓名": "户主", "户主名字": "户主",
    "序号": "序号", "编号": "序号", "户序号": "序号", "户序": "序号", "No": "序号", "NO": "序号", "no": "序号",
    "与户主关系": "与户主关系", "与户主的关系": "与户主关系", "家庭关系": "与户主关系", "关系": "与户主关系",
    "家庭成员": "姓名", "成员姓名": "姓名", "人员姓名": "姓名", "劳动力姓名": "姓名", "务工人员姓名": "姓名",
    "家庭成员姓名": "姓名", "成员": "姓名",
    "身份证号码": "身份证号", "公民身份号码": "身份证号", "证件号码": "身份证号", "身份证": "身份证号",
    "住址": "户籍地", "家庭住址": "户籍地", "地址": "户籍地", "现住址": "户籍地", "户籍所在地": "户籍地", "所在村": "户籍地",
    "村组": "户籍地", "家庭地址": "户籍地", "户口所在地": "户籍地", "所属村": "户籍地", "村别": "户籍地", "村名": "户籍地",
    "人员类型": "人员类别", "人员属性": "人员类别", "户类型": "人员类别", "户属性": "人员类别", "家庭类型": "人员类别",
    "户类别": "人员类别", "贫困户属性": "人员类别", "脱贫户属性": "人员类别", "户别": "人员类别", "人口类型": "人员类别",
    "就业状况": "就业状态", "务工情况": "就业状态", "是否务工": "就业状态", "是否外出": "就业状态", "是否外出务工": "就业状态",
    "务工状态": "就业状态", "劳动力状态": "就业状态",
    "务工地址": "就业地", "外出地点": "就业地", "就业地址": "就业地", "务工单位所在地": "就业地", "务工去向": "就业地",
    "外出务工地点": "就业地", "务工所在地": "就业地", "就业去向": "就业地", "务工区域": "就业地", "务工省份": "就业地",
    "是否签合同": "合同期限", "是否签订劳动合同": "合同期限", "劳动合同": "合同期限", "是否签订合同": "合同期限",
    "签订合同": "合同期限", "合同签订情况": "合同期限", "合同": "合同期限", "签订劳动合同": "合同期限",
    "务工时长": "务工月数", "外出月数": "务工月数", "务工时间（月）": "务工月数", "务工月份": "务工月数",
    "外出时间": "就业后月数", "外出务工时间": "就业后月数", "就业时间": "就业后月数", "务工开始时间": "就业后月数",
    "上班时间": "就业后月数", "入职时间": "就业后月数", "外出日期": "就业后月数", "离村时间": "就业后月数",
    "转移就业时间": "就业后月数", "就业日期": "就业后月数", "务工时间": "就业后月数", "外出年月": "就业后月数",
    "交通费用": "交通费", "车费": "交通费", "往返路费": "交通费", "路费金额": "交通费", "车票": "交通费",
    "已享受政策": "今年已享受", "已享受补贴": "今年已享受", "享受政策情况": "今年已享受", "享受政策": "今年已享受",
    "情况说明": "备注", "其他": "备注",
}
# Headers we know and leave aside (said once, not as a problem).
UNUSED_HEADERS = {"性别", "年龄", "民族", "文化程度", "学历", "联系电话", "电话", "手机号", "手机", "联系方式", "健康状况",
                  "出生日期", "出生年月", "劳动技能", "政治面貌", "组别", "组", "务工单位", "单位名称", "工作单位", "从事工种",
                  "工种", "月收入", "月工资", "收入", "工资", "务工收入", "银行卡号", "开户行", "社保卡号", "培训意愿",
                  "就业意愿", "帮扶责任人", "帮扶人", "是否劳动力", "劳动力", "家庭人口", "人口数"}
# The words inside a header, when neither its name nor a synonym is known (the first that matches wins).
HEADER_WORDS: list[tuple[str, str]] = [
    (r"身份证|身份号码", "身份证号"),
    (r"户主", "户主"),
    (r"^(户号|户编号)|户.*编[号码]", "户号"),
    (r"序号|编号", "序号"),
    (r"合同", "合同期限"),
    (r"(务工|外出|打工|就业|工作).*(时长|月数|几个月)|[（(]月[）)]", "务工月数"),
    (r"(务工|外出|打工|就业|上班|入职|离村|转移).*(时间|日期|年月)", "就业后月数"),
    (r"(务工|就业|外出|打工).*(地|去向|省|区域)", "就业地"),
    (r"住址|地址|户籍|户口|所在村", "户籍地"),
    (r"类别|类型|属性|身份", "人员类别"),
    (r"(就业|务工).*(情况|状态|状况)|是否(就业|务工|外出)", "就业状态"),
    (r"交通|路费|车费|车票", "交通费"),
    (r"已享受|已领", "今年已享受"),
    (r"姓名|名字", "姓名"),
    (r"备注|说明", "备注"),
]
KNOWN_COLUMNS = set(COLUMN_NAMES) | set(HOUSEHOLD_COLUMNS)


@dataclass(frozen=True)
class Match:
    index: int             # the column's position in the sheet (0-based)
    header: str            # as written
    column: str | None     # our column, or None (left aside)
    how: str               # 列名 / 同义词 / 按字面 / 用不上 / 认不出 / 您指定


def _raw_key(h: Any) -> str:
    return re.sub(r"\s+", "", str(h or "")).strip("*＊:：")


def match_header(h: Any) -> tuple[str | None, str]:
    """(our column or None, how) for one header as written."""
    raw = _raw_key(h)
    key = header_key(h)
    if not key:
        return None, "认不出"
    months_unit = re.search(r"[（(](个)?月(数)?[）)]", raw) and re.search(r"时间|时长|务工|外出|就业", raw)
    for k in (raw, key):
        if k in HEADER_LOOKUP:
            return HEADER_LOOKUP[k], "列名"
        if k in SYNONYMS:
            if months_unit and SYNONYMS[k] == "就业后月数":      # 务工时间(月): how many months, not when
                return "务工月数", "按字面"
            return SYNONYMS[k], "同义词"
    if months_unit:
        return "务工月数", "按字面"
    if key in UNUSED_HEADERS or raw in UNUSED_HEADERS:
        return None, "用不上"
    for pat, col in HEADER_WORDS:
        if re.search(pat, raw):
            return col, "按字面"
    return None, "认不出"


def suggest_columns(headers: list[Any], overrides: dict[str, str] | None = None) -> list[Match]:
    """A match for every non-empty header. `overrides` (header as written → our column, or 忽略) win; otherwise a
    column already taken by an earlier header (or by an override) is not matched twice."""
    overrides = {_raw_key(k): v for k, v in (overrides or {}).items()}
    out: list[Match] = []
    taken = {v for v in overrides.values() if v in KNOWN_COLUMNS}
    for j, h in enumerate(headers):
        if h is None or not str(h).strip():
            continue
        written = str(h).strip()
        raw = _raw_key(h)
        if raw in overrides:
            col = overrides[raw]
            out.append(Match(j, written, col if col in KNOWN_COLUMNS else None, "您指定"))
            continue
        col, how = match_header(h)
        if col is not None and col in taken:
            col, how = None, "重复"
        if col is not None:
            taken.add(col)
        out.append(Match(j, written, col, how))
    return out


def match_lines(matches: list[Match]) -> list[str]:
    """The match as the officer reads it: 外出时间 → 就业后月数（同义词）."""
    lines = []
    for m in matches:
        if m.column:
            lines.append(f"{m.header} → {m.column}（{m.how}）")
        elif m.how == "用不上":
            lines.append(f"{m.header} → 核对用不上，不读")
        elif m.how == "重复":
            lines.append(f"{m.header} → 和前面的列重复，不读")
        elif m.how == "您指定":
            lines.append(f"{m.header} → 按您的指定不读")
        else:
            lines.append(f"{m.header} → 认不出，不读（可在对应文件里指定）")
    return lines


def read_overrides(path) -> dict[str, str]:
    """A mapping file: lines `表头=列名` (or `表头 → 列名`, `表头: 列名`), or a JSON object; 列名 忽略 drops a column.
    A ValueError names the line that is wrong."""
    import json
    from pathlib import Path

    text = Path(path).read_text(encoding="utf-8-sig")
    if text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except ValueError as e:
            raise ValueError(f"对应文件不是有效的 JSON：{e}") from None
        pairs = [(str(k), str(v)) for k, v in data.items()]
    else:
        pairs = []
        for n, line in enumerate(text.splitlines(), start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = re.split(r"\s*(?:=|→|->|：|:)\s*", line, maxsplit=1)
            if len(parts) != 2 or not parts[0]:
                raise ValueError(f"对应文件第{n}行看不懂：{line[:30]}（应写成 表头=列名）")
            pairs.append((parts[0], parts[1]))
    out = {}
    for header, col in pairs:
        col = col.strip() or IGNORE
        if col in ("不读", "不用", "无"):
            col = IGNORE
        if col != IGNORE and col not in KNOWN_COLUMNS:
            raise ValueError(f"对应文件里“{header}”对应的“{col}”不是可用的列名（可用：{'、'.join(COLUMN_NAMES)}、"
                             f"{'、'.join(HOUSEHOLD_COLUMNS)}，或“{IGNORE}”）")
        out[header] = col
    return out
