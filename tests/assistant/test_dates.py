"""Dates people say, read against the date answers are given for (issue: "前年十月办的执照" was read as 10 months)."""
import datetime as dt

import pytest

from assistant.extract import extract
from policies.normalize import dates_in, event_role

TODAY = dt.date(2026, 11, 30)


@pytest.mark.parametrize("text,months", [
    ("前年十月办的执照", 25), ("去年过完年出去打工", 21), ("24年5月进的厂", 30), ("2024.3开始上班", 32),
    ("上礼拜去咸阳厂里上班了", 0), ("三个月前", 3), ("今年3月份", 8), ("大前年底", 35), ("上个月刚进厂", 1),
    ("2025年12月", 11), ("执照 是 去年 五月份 办下来 的", 18),
    # a day said: months up to the end of today; a count before the month is no part of it ("他们3个8月1号来的")
    ("老王、老李4月1号来的，一直干到现在", 8), ("小刘他们3个8月1号来的", 4), ("6月20号到的", 5), ("10月31号", 1),
])
def test_dates_in_months_before_today(text, months):
    assert [m for _, _, m in dates_in(text, TODAY)] == [months]


@pytest.mark.parametrize("text", ["花了10.5元", "15.5", "干了一年", "2027年1月", "他10月去的", "签了两年合同"])
def test_not_a_date_of_the_past(text):
    assert dates_in(text, TODAY) == []


def test_event_role_by_nearest_word():
    t = "前年十月办的执照"
    (s, e, _), = dates_in(t, TODAY)
    assert event_role(t, s, e) == "months_since_registration"
    t = "去年三月开始打工"
    (s, e, _), = dates_in(t, TODAY)
    assert event_role(t, s, e) == "months_since_employment"


def test_extract_reads_a_date_as_time_since_not_as_a_duration():
    f = extract("前年十月办的执照 能领创业补贴不", [], None, TODAY).facts
    assert f["months_since_registration"] == 25          # not 10 (the "十月")
    f = extract("24年5月进的厂 签了两年合同", [], None, TODAY).facts
    assert f["months_since_employment"] == 30 and f["contract_months"] == 24
    f = extract("去年三月开始打工", [], None, dt.date(2026, 4, 1)).facts   # read against the given day
    assert f["months_since_employment"] == 13


def test_parts_of_a_year_and_months_back_said_loosely():
    import datetime as dt

    from policies import normalize as nz

    today = dt.date(2026, 11, 30)

    def months(t):
        got = nz.dates_in(t, today)
        return got[0][2] if got else None
    assert months("上上个月去的") == 2 and months("前两个月去的") == 2
    assert months("今年上半年去的") == 7            # April
    assert months("去年下半年去的") == 13           # October of last year
    assert months("去年夏天去的") == 16             # July of last year


def test_a_job_started_at_a_unit_named_at_length():
    from assistant.extract import extract
    f = extract("前年年底进了我们平江县村里的扶贫车间做鞋子", [], None, dt.date(2026, 11, 30)).facts
    assert f.get("months_since_employment") == 23 and f.get("months_employed") == 23


def test_a_job_at_a_restaurant_is_dated():
    from assistant.extract import extract
    e = extract("前年十月去西安一个饭店当帮厨，签了一年合同", [], None, dt.date(2026, 11, 30))
    assert e.facts.get("months_since_employment") == 25


def test_setting_out_from_home_again_dates_the_new_job():
    f = extract("他宁波那个厂干到今年夏天就不干了，在家歇了几个月，这个月初又从家里去了广东东莞，合同也是签的一年", [], None,
                dt.date(2026, 11, 30)).facts
    assert f["months_since_employment"] == 0 and f["contract_months"] == 12


def test_a_date_of_going_to_a_registered_unit_is_the_jobs_start_not_a_registration():
    from assistant.extract import extract
    e = extract("来电人说她是千阳县南寨镇的边缘户，去年12月进了县上一家登记注册的非遗刺绣工坊上班，签了两年合同。",
                [], None, dt.date(2026, 12, 2))
    assert e.facts.get("months_since_employment") == 12 and "months_since_registration" not in e.facts


def test_the_two_years_after_graduating_are_of_when_the_internship_began():
    import datetime as dt
    from assistant.extract import extract
    f = extract("我前年6月大专毕业一直没找到工作，去年3月到千阳县上人社认定的见习单位见习了半年，这个见习补贴咋算？", [], None,
                dt.date(2026, 12, 3)).facts
    assert f["graduation_window"] is True and f["internship_months"] == 6
    g = extract("我2021年6月大专毕业，一直没找到工作，现在想去见习", [], None, dt.date(2026, 12, 3)).facts
    assert g.get("graduation_window") is not True
