"""Ledgers written the way village offices keep them (not from our template), made with openpyxl: a title row above
the headers, merged cells, headers such as 序号 / 人员类型 / 务工时间(月) / 是否签合同 / 外出时间, ID numbers stored as
numbers, dates written 2024.3, 2024年3月, 24年5月, 2024/3/15, as Excel serials or 今年/去年, and 合计 / 说明 / signature
rows at the bottom. Each maker returns the file and the truth: the households, and per person the categories and the
start date the officer wrote (as months before the check date), to measure how much of it the check reads."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

AS_OF = dt.date(2026, 11, 22)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = ["建国", "秀英", "志强", "桂兰", "海燕", "春生", "玉梅", "小军", "红霞", "国庆", "金凤", "晓东", "翠花", "永刚",
         "丽娟", "德明", "淑芬", "文博", "雪梅", "长林"]


def names(n: int) -> list[str]:
    out = []
    for k in range(n):
        out.append(SURNAMES[k % len(SURNAMES)] + GIVEN[(k * 7 + k // len(SURNAMES)) % len(GIVEN)])
    assert len(set(out)) == n
    return out


def id_number(k: int, birth_year: int = 1985) -> int:
    """A made-up 18-digit ID with a valid check digit that is a digit (so Excel can store it as a number)."""
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    for seq in range(k * 10 % 990 + 1, 1000):
        body = f"610328{birth_year}{(k % 12) + 1:02d}{(k % 27) + 1:02d}{seq:03d}"
        check = "10X98765432"[sum(int(c) * x for c, x in zip(body, w)) % 11]
        if check != "X":
            return int(body + check)
    raise AssertionError


def months_before(year: int, month: int, as_of: dt.date = AS_OF) -> float:
    return float((as_of.year - year) * 12 + as_of.month - month)


@dataclass
class Truth:
    households: int
    people: dict[str, dict] = field(default_factory=dict)   # name → {"categories": [...], "months": float | None}


# the ways a start date is written, with (year, month) it means; cycled through the workers
def date_styles(as_of: dt.date = AS_OF):
    serial = (dt.date(2025, 4, 10) - dt.date(1899, 12, 30)).days
    return [
        ("2024.3", (2024, 3)),
        ("2024年3月", (2024, 3)),
        ("24年5月", (2024, 5)),
        ("2024/3/15", (2024, 3)),
        (serial, (2025, 4)),                               # an Excel serial stored as a plain number
        (dt.datetime(2025, 9, 1), (2025, 9)),              # a real date cell
        ("今年3月", (as_of.year, 3)),
        ("去年10月", (as_of.year - 1, 10)),
        ("2025.10", (2025, 10)),
        ("2026年2月份", (2026, 2)),
        ("2023.12", (2023, 12)),
    ]


def _merge_down(ws, col: int, first: int, last: int) -> None:
    if last > first:
        ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)


def qianyang_village(path: Path, households: int = 40) -> tuple[Path, Truth]:
    """千阳县: 序号 and 户主 merged per household, 人员类型 and 住址 merged, 外出时间 in every style, IDs as numbers."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    headers = ["序号", "户主", "姓名", "与户主关系", "身份证号", "人员类型", "住址", "外出时间", "务工地点", "务工时间(月)",
               "是否签合同", "交通费(元)", "备注"]
    ws.append(["千阳县崔家头镇南庄村脱贫劳动力外出务工台账"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws.append(["填报单位：南庄村委会", None, None, None, None, None, None, None, None, "填报日期：2026年11月"])
    ws.append(headers)
    cats = ["脱贫户", "脱贫户", "监测户", "边缘户", "脱贫户", "一般户"]
    places = ["浙江宁波", "江苏苏州", "本县", "西安", "广东东莞", "外省"]
    contracts = ["是", "1年", "否", "一年", "是", "两年", None]
    styles = date_styles()
    people = names(households + 10)
    truth = Truth(households)
    k = 0
    row = 4
    for h in range(households):
        size = 2 if h % 6 == 0 else 1          # 40 households → 47 people
        first = row
        cat = cats[h % len(cats)]
        for m in range(size):
            name = people[k]
            date, ym = styles[k % len(styles)]
            working = not (m == 1 and h % 12 == 0)     # some second members stay at home
            remark = None
            if k % 9 == 4:
                remark = "已享受跨省交通补助"
            elif k % 9 == 7:
                remark = "电话13812345678"
            ws.append([h + 1 if m == 0 else None, people[k - m] if m == 0 else None, name,
                       "户主" if m == 0 else "妻子", id_number(k),
                       cat if m == 0 else None, "千阳县崔家头镇南庄村" if m == 0 else None,
                       date if working else None, places[k % len(places)] if working else None,
                       (k % 14) + 1 if working and k % 5 else None,
                       contracts[k % len(contracts)] if working else None,
                       [680, 320, None, 450][k % 4] if working else None, remark])
            truth.people[name] = {"categories": [] if cat == "一般户" else [_cat(cat)],
                                  "months": months_before(*ym) if working else None}
            k += 1
            row += 1
        for col in (1, 2, 6, 7):
            _merge_down(ws, col, first, row - 1)
    ws.append(["合计", None, f"{k}人", None, None, None, None, None, None, None, None, None, None])
    ws.append(["说明：外出时间按离村时间填写，务工时间按月计。"])
    ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=len(headers))
    ws.append(["填表人：", None, "李会计", None, "村支书（签字）：", None, None, "日期：", None, "2026年11月20日"])
    wb.save(path)
    return path, truth


def changsha_village(path: Path, households: int = 12) -> tuple[Path, Truth]:
    """湖南长沙: no place column (the title names it), 户号 only on each household's first row (no merge), 身份 on
    every row, 就业情况 words, 外出务工时间 mixed, 劳动合同 是/否/签了, 备注 已领, a 小计 and a 合计 row, signatures."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["长沙县黄花镇新桥村建档立卡贫困劳动力转移就业台账（2026年）"])
    ws.merge_cells("A1:J1")
    ws.append(["户号", "姓名", "性别", "身份证号码", "身份", "就业情况", "务工地", "外出务工时间", "劳动合同", "备注"])
    styles = date_styles()
    people = names(households * 3 + 60)[60:]
    truth = Truth(households)
    k = 0
    cats = ["建档立卡户", "脱贫户", "非贫困户", "建档立卡户、残疾人"]
    for h in range(households):
        size = (h % 3) + 1
        for m in range(size):
            name = people[k]
            date, ym = styles[(k + 3) % len(styles)]
            working = m < 2
            cat = cats[h % len(cats)]
            ws.append([f"{h + 1:03d}" if m == 0 else None, name, "男" if m == 0 else "女", id_number(k + 100),
                       cat, "务工" if working else "上学", ["广东深圳", "本县", "长沙市", "浙江义乌"][k % 4] if working else None,
                       date if working else None, ["是", "否", "签了", "2年"][k % 4] if working else None,
                       "已领转移就业交通补助" if k % 7 == 2 else None])
            expected = [] if cat == "非贫困户" else (["脱贫劳动力", "残疾人"] if "残疾人" in cat else ["脱贫劳动力"])
            truth.people[name] = {"categories": expected, "months": months_before(*ym) if working else None}
            k += 1
        if h == 5:
            ws.append(["小计", None, None, None, None, None, None, None, None, None])
    ws.append(["合计", f"共{households}户{k}人", None, None, None, None, None, None, None, None])
    ws.append(["制表人：王某某", None, None, "审核人（签字）：", None, None, "村委会（盖章）", None, None, None])
    wb.save(path)
    return path, truth


def qianyang_householders(path: Path, households: int = 15) -> tuple[Path, Truth]:
    """千阳县 again, kept by 户主: no 户号 or 序号 column, 户主姓名 merged over the household, a 户籍所在地 column,
    人员属性 merged, 务工时长 in words, 是否签订劳动合同, 就业时间 as Excel serials and dates, 务工单位 (a job place
    but no employment-status column), a blank spacer row between households and two title rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2026年"
    ws.append(["附件2"])
    ws.append(["千阳县张家塬镇脱贫人口就业帮扶明细表"])
    ws.merge_cells("A2:J2")
    ws.append(["户主姓名", "家庭成员", "公民身份号码", "户籍所在地", "人员属性", "务工单位所在地", "就业时间", "务工时长",
               "是否签订劳动合同", "交通费用"])
    styles = date_styles()
    people = names(households * 2 + 120)[120:]
    truth = Truth(households)
    k = 0
    row = 4
    for h in range(households):
        size = 1 + (h % 2)
        first = row
        cat = ["脱贫户", "边缘户", "监测对象"][h % 3]
        for m in range(size):
            name = people[k]
            date, ym = styles[(k + 5) % len(styles)]
            if isinstance(date, str) and k % 3 == 0:
                serial = (dt.date(ym[0], ym[1], 5) - dt.date(1899, 12, 30)).days
                date = serial
            ws.append([people[k - m] if m == 0 else None, name, str(id_number(k + 300)),
                       "千阳县张家塬镇" if m == 0 else None, cat if m == 0 else None,
                       ["上海", "陕西省宝鸡市", "新疆乌鲁木齐", "千阳县城"][k % 4], date,
                       ["8个月", "1年", "半年", "3个月"][k % 4], ["是", "否"][k % 2], ["500元", "二百", 800][k % 3]])
            truth.people[name] = {"categories": [_cat(cat)], "months": months_before(*ym)}
            k += 1
            row += 1
        for col in (1, 4, 5):
            _merge_down(ws, col, first, row - 1)
        if h == 7:
            ws.append([None] * 10)
            row += 1
    ws.append(["合  计", None, None, None, None, None, None, None, None, None])
    ws.append(["注：本表由村就业信息员填写，镇劳动保障所审核。"])
    ws.append(["信息员签字：", None, None, "日期："])
    wb.save(path)
    return path, truth


def _cat(word: str) -> str:
    return {"脱贫户": "脱贫劳动力", "监测户": "边缘户", "边缘户": "边缘户", "监测对象": "边缘户",
            "建档立卡户": "脱贫劳动力"}[word]


MAKERS = {"qianyang_village": qianyang_village, "changsha_village": changsha_village,
          "qianyang_householders": qianyang_householders}


def measure(rep, truth: Truth) -> dict:
    """How much of the truth a report read: households, people, the share of people whose categories are read right
    and the share of written start dates read (months since employment, within a month)."""
    by_name = {p.name: p for p in rep.people}
    cat_ok = dates_total = dates_ok = 0
    for name, t in truth.people.items():
        p = by_name.get(name)
        if p is None:
            continue
        if sorted(p.categories) == sorted(t["categories"]) and (p.categories or p.categories_text == "（无）"):
            cat_ok += 1
        if t["months"] is not None:
            dates_total += 1
            got = (getattr(p, "facts", None) or {}).get("months_since_employment")
            if got is not None and abs(got - t["months"]) <= 1:
                dates_ok += 1
    n = len(truth.people)
    return {"households": len(rep.households), "people": len(rep.people), "expected_households": truth.households,
            "expected_people": n, "categories": round(cat_ok / n, 3), "dates": round(dates_ok / max(dates_total, 1), 3)}
