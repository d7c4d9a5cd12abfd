"""The report files: ID and phone masking everywhere, HTML escaping, CSV input encodings and CSV output, summary
totals against the detail rows, the validity note."""
import csv
import re

import pytest

import ledger
from policies.evaluator import fmt_money

from .ledgers import (AS_OF, all_text_in_xlsx, detail_records, person, sheet_rows, summary_records, valid_id,
                      write_csv, write_xlsx)

ID1 = valid_id("610328", "19900101", "123")
ID2 = valid_id("610921", "19820119", "017")
PHONE = "13812345678"


# ----------------------------------------------------------------------------------------------- masking
def test_mask_id_rules():
    assert ledger.mask_id(ID1) == ID1[:6] + "********" + ID1[-4:]
    assert ledger.mask_id("610328199001011234") == "610328********1234"
    assert ledger.mask_id("61032819900101123X") == "610328********123X"
    assert ledger.mask_id("610328900101123") == "610328*****1123"          # old 15-digit number
    assert ledger.mask_id("12345") == "***45"                              # not an ID: all but the last 2
    assert ledger.mask_id("张三的身份证") == "****份证"
    assert ledger.mask_id("ab") == "**" and ledger.mask_id("") == ""


def test_mask_text_rules():
    t = ledger.mask_text(f"户主电话{PHONE}，座机0917-5212345，身份证{ID1}，卡号6222021234567890123")
    assert PHONE not in t and "138****5678" in t
    assert "5212345" not in t and "0917-" in t
    assert ID1 not in t and ID1[:6] + "********" + ID1[-4:] in t
    assert "6222021234567890123" not in t and t.endswith("0123")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("out")
    rows = [person(户号="H1", 姓名="<script>alert('x')</script>", 身份证号=ID1, 备注=f"电话{PHONE}，另一个号{ID2}",
                   就业状态="已就业", 就业地="外省", 合同期限="1年", 就业后月数="2", 交通费="680"),
            person(户号="H1", 姓名=f"误填{ID2}", 身份证号=f" {ID2} ", 户籍地=None, 就业状态="未就业", 子女就读技校="是"),
            person(户号="H2 & <b>", 姓名="王五", 身份证号="6103281990", 户籍地="火星村"),
            person(户号="H3", 姓名="赵六", 身份证号=ID2, 户籍地="汉阴", 就业状态="已就业", 子女就读技校="是")]
    path = write_xlsx(d / "台账.xlsx", rows)
    rep = ledger.check_ledger(path, AS_OF)
    ledger.write_xlsx(rep, d / "r.xlsx")
    ledger.write_html(rep, d / "c.html")
    files = ledger.write_csv(rep, d / "r.csv")
    return {"rep": rep, "xlsx": d / "r.xlsx", "html": (d / "c.html").read_text(encoding="utf-8"),
            "csv": [f.read_text(encoding="utf-8-sig") for f in files], "dir": d}


def test_no_full_id_or_phone_in_any_output(outputs):
    texts = {"xlsx": all_text_in_xlsx(outputs["xlsx"]), "html": outputs["html"], "csv": "".join(outputs["csv"])}
    for where, text in texts.items():
        for secret in (ID1, ID2, PHONE, "6103281990"):
            assert secret not in text, (where, secret)
        assert "610328********" + ID1[-4:] in text, where
        if where != "html":          # the household's page prints no 备注 (the officer's notes)
            assert "138****5678" in text, where


def test_masked_id_in_the_detail_sheet(outputs):
    recs = detail_records(outputs["xlsx"])
    assert recs[0]["身份证号"] == ID1[:6] + "********" + ID1[-4:]
    assert recs[1]["身份证号"] == ID2[:6] + "********" + ID2[-4:]      # spaces around it do not matter
    assert recs[2]["身份证号"] == "********90"                           # not an ID: all but the last 2
    assert any("不像身份证号" in (r or [None] * 6)[5] for r in sheet_rows(outputs["xlsx"], "问题")[1:])


def test_html_escapes_everything_from_the_ledger(outputs):
    h = outputs["html"]
    # Jinja's autoescape (markupsafe): ' is &#39;, " is &#34;
    assert "<script>" not in h and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in h
    assert "H2 &amp; &lt;b&gt;" in h and "<b>H2" not in h


def test_html_one_page_per_household_with_what_to_bring_and_validity(outputs):
    h = outputs["html"]
    assert h.count('<section class="household') == 3
    assert "page-break-after: always" in h
    # the fare item: amount, payee, where/when, documents as printed, citation, validity warning, signature lines
    for text in ("<b>500元</b> · 钱发给：劳动者本人", "户籍所在镇劳动保障事务所",
                 "转移就业当年12月底前", "交通费票据", "本人开通金融功能的社保卡复印件或银行卡复印件（需在复印件上注明开户名、开户行信息）",
                 "千人社发〔2021〕141号 三、2", "该政策已于2025年12月31日到期", "户主签字：", "信息员签字：", "日期："):
        assert text in h, text
    assert "qy." not in h and "台账要核对的地方" not in h          # no internal ids, no officer-only problems
    # 雨露计划 on the second member: paid to the student or parent, its documents
    assert "钱发给：学生或家长" in h and "入学通知书或录取通知书复印件" in h
    assert "暂未收录该地政策" in h
    # a benefit whose document lists no documents says so and names the office
    assert "文件未列申请材料，请向当地县区人力资源和社会保障局（就业服务机构）咨询" in h


def test_summary_totals_equal_the_sum_of_the_detail_rows(outputs):
    _summary_matches_detail(outputs["xlsx"])


def _summary_matches_detail(path):
    recs = detail_records(path)
    _, summary = summary_records(path)
    by_name: dict[tuple, list] = {}      # (name, citation): two documents may use the same name
    for r in recs:
        for it in r["items"]:
            by_name.setdefault((it["项目"], it["依据"]), []).append(it)
        assert (r["本人合计（元）"] or 0) == sum(it["金额（元）"] or 0 for it in r["items"])
    total_row = summary[-1]
    assert total_row["项目"] == "合计"
    for s in summary[:-1]:
        items = by_name[(s["项目"], s["依据"])]
        assert s["符合（人）"] == sum(1 for i in items if i["状态"] == "符合")
        assert s["待确认（人）"] == sum(1 for i in items if i["状态"].startswith("待确认"))
        assert s["不符合（人）"] == sum(1 for i in items if i["状态"].startswith("不符合"))
        assert (s["符合者金额合计（元）"] or 0) == sum(i["金额（元）"] or 0 for i in items if i["状态"] == "符合")
    assert total_row["符合者金额合计（元）"] == sum(r["本人合计（元）"] or 0 for r in recs)
    assert total_row["符合（人）"] == sum(s["符合（人）"] for s in summary[:-1])
    assert sum(len(v) for v in by_name.values()) == sum(s["符合（人）"] + s["待确认（人）"] + s["不符合（人）"]
                                                        for s in summary[:-1])
    return recs, summary


def test_summary_on_a_bigger_mixed_ledger(tmp_path):
    import importlib.util
    from pathlib import Path
    script = Path(__file__).resolve().parents[2] / "scripts" / "bench_batch.py"
    spec = importlib.util.spec_from_file_location("bench", script)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    rep = ledger.check_rows(bench.synthetic_rows(600), AS_OF)
    ledger.write_xlsx(rep, tmp_path / "r.xlsx")
    recs, summary = _summary_matches_detail(tmp_path / "r.xlsx")
    assert len(recs) == 600 and summary[-1]["符合者金额合计（元）"] > 0
    assert summary[-1]["符合者金额合计（元）"] == sum(p.total for p in rep.people)


def test_validity_note_in_the_summary(outputs):
    notes, _ = summary_records(outputs["xlsx"])
    text = "\n".join(notes)
    assert "截至2026年11月22日，收录的全部5份政策文件都已到期" in text
    assert "千人社发〔2021〕141号（千阳县）：有效期：2021年9月6日至2025年12月31日。⚠该政策已于2025年12月31日到期" in text
    assert "现行标准请向" in text
    assert "湘人社发〔2017〕58号" not in text      # only the documents that apply to people in the ledger


def test_validity_note_is_computed_from_the_date():
    import datetime as dt
    rep = ledger.check_rows([person()], dt.date(2024, 6, 1))
    head = rep.validity_notes()[0]
    assert "有4份已到期" in head and "全部" not in head


def test_loans_are_not_added_to_money_totals():
    rep = ledger.check_rows([person(户籍地="海伦市", 人员类别="脱贫户", 创业形式="个体工商户", 营业执照月数="8")], AS_OF)
    loan = next(i for i in rep.people[0].items if i.benefit.id == "sh.startup_loan")
    assert loan.status_text == "符合" and loan.amount_text.startswith("最高") and loan.amount_value is None
    assert rep.people[0].total == sum(i.amount_value or 0 for i in rep.people[0].items if i.benefit.kind != "loan")


# ----------------------------------------------------------------------------------------------- CSV in and out
@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk", "utf-8"])
def test_csv_input_encodings(tmp_path, encoding):
    rows = [person(姓名="张三", 就业状态="已就业", 就业地="浙江省宁波市", 交通费="680", 备注="户主"),
            person(姓名="李四", 户号="H2", 户籍地="汉阴", 人员类别="贫困户、残疾人", 就业状态="未就业")]
    path = write_csv(tmp_path / f"台账-{encoding}.csv", rows, encoding)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    rep = ledger.check_ledger(path, AS_OF)
    a, b = rep.people
    assert (a.name, a.household, a.remark) == ("张三", "H1", "户主")
    assert next(i for i in a.items if i.benefit.id == "qy.cross_province_transport").amount_value == 500
    assert b.categories == ["脱贫劳动力", "残疾人"] and b.place_label == "陕西省安康市汉阴县"
    assert not a.problems and not b.problems


def test_csv_output_three_files(outputs):
    detail, summary, problems = outputs["csv"]
    head = next(csv.reader([detail.splitlines()[0]]))
    assert head[:4] == ["行号", "户号", "姓名", "身份证号"]
    assert "注意：截至2026年11月22日" in summary and "项目,依据" in summary and "qy." not in summary
    assert "第4行" in problems
    assert (outputs["dir"] / "r.汇总.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_csv_output_does_not_carry_formulas(tmp_path):
    rep = ledger.check_rows([person(姓名="=HYPERLINK(\"http://x\")", 备注="+1+2")], AS_OF)
    detail = ledger.write_csv(rep, tmp_path / "r.csv")[0].read_text(encoding="utf-8-sig")
    row = next(csv.reader([detail.splitlines()[1]]))
    assert row[2] == "'=HYPERLINK(\"http://x\")" and "'+1+2" in row


# benefits without money in the sample rows (policies/data since the free services were encoded)
FREE_SERVICES = {("千人社发〔2021〕141号 二、（四）12", "技工教育免学费、助学金"),
                 ("安政办发〔2016〕74号 二、（二）6", "公共职业介绍机构免费输送到用工单位"),
                 ("安政办发〔2016〕74号 二、（四）15", "贫困劳动力就业信息服务（专场招聘、入户就业指导、村就业信息员代办）")}


def test_amount_column_uses_arabic_digits_with_yuan(outputs):
    """Each amount as the source text gives it (千人社发〔2021〕141号; 安政办发〔2016〕74号), in Arabic digits with 元."""
    recs = detail_records(outputs["xlsx"])
    got = {(r["行号"], it["依据"], it["项目"]): (it["金额"], it["金额（元）"]) for r in recs for it in r["items"]}
    got = {k[:2]: v for k, v in got.items() if (k[1], k[2]) not in FREE_SERVICES}
    assert got == {
        # 二、（一）1 一次性求职补贴 "每人每次500元"
        (2, "千人社发〔2021〕141号 二、（一）1"): ("500元", 500),
        # 三、2 fare 680元: "实际产生交通费超过500元的按500元补助"
        (2, "千人社发〔2021〕141号 三、2"): ("500元", 500),
        # 二、（四）12 雨露计划 "每生每年3000元"
        (3, "千人社发〔2021〕141号 二、（四）12"): ("3000元", 3000),
        # 二、（二）8 见习 "生活补贴每人每月1200元，人身意外伤害保险补贴每人每月25元": months unknown, the rule in words
        (3, "千人社发〔2021〕141号 二、（二）8"): (
            "生活补贴（由见习单位按月发给见习人员）：每人每月1200元×见习月数（最多12个月） + "
            "人身意外伤害保险补贴（拨付见习单位）：每人每月25元×见习月数（最多12个月）", None),
        # 安康 二、（一）3 only widens the age for the national aid: no amount in the text
        (5, "安政办发〔2016〕74号 二、（一）3"): ("按国家资助政策执行；本条只把享受年龄放宽，文件未写资助金额", None),
    }
    for amount, _ in got.values():
        assert not re.search(r"[一二三四五六七八九十百千]元", amount), amount
    # what the documents offer without money is said as such, with no amount counted
    free = {(it["依据"], it["项目"]): (it["金额"], it["金额（元）"]) for r in recs for it in r["items"]
            if (it["依据"], it["项目"]) in FREE_SERVICES}
    assert set(free) == set(FREE_SERVICES) and all(v is None and "元" not in a[:4] for a, v in free.values()), free
    assert fmt_money(500) == "500元"
