"""Amounts, payees and statuses of ledger rows, checked against the source texts (policies/sources/*.txt).

千阳 (千人社发〔2021〕141号): 三、2 "实际产生交通费不足500元的按实际交通费补助，实际产生交通费超过500元的按500元补助";
二、（一）1 一次性求职补贴 "每人每次500元", contract "不低于1年", "实现转移就业后6个月内"; 二、（四）12 技工院校 "每生每年3000元";
二、（四）14 "生活费不超过20元、交通费不超过30元，每人每期累计不超过2500元".
"""
import pytest

import ledger
from policies.evaluator import ELIGIBLE, INELIGIBLE, UNKNOWN, evaluate

from ledger.report import amount_detail

from .ledgers import AS_OF, item, person, write_xlsx

ROWS = [
    person(姓名="跨省680", 就业状态="已就业", 就业地="浙江省宁波市", 合同期限="1年", 就业后月数="2", 交通费="680"),   # line 2
    person(姓名="跨省320", 就业状态="已就业", 就业地="外省", 交通费="320"),                                        # 3
    person(姓名="汉字车费", 就业状态="已就业", 就业地="广东东莞", 交通费="三百二"),                                  # 4
    person(姓名="本县", 就业状态="已就业", 就业地="本县", 交通费="680", 合同期限="1年", 就业后月数="1"),              # 5
    person(姓名="超期", 就业状态="已就业", 就业地="外省", 合同期限="两年", 就业后月数="7"),                          # 6
    person(姓名="合同短", 就业状态="已就业", 就业地="外省", 合同期限="6个月", 就业后月数="1"),                        # 7
    person(姓名="低保", 人员类别="低保户", 就业状态="已就业", 就业地="外省", 交通费="680"),                          # 8
    person(姓名="类别空", 人员类别=None, 就业状态="已就业", 就业地="外省", 交通费="680"),                            # 9
    person(姓名="已领", 就业状态="已就业", 就业地="外省", 交通费="680", 今年已享受="跨省就业一次性交通补助"),          # 10
    person(姓名="技校", 就业状态="未就业", 子女就读技校="是"),                                                    # 11
    person(姓名="培训10天", 就业状态="未就业", 是否参加培训="是", 培训类型="SYB", 培训天数="10", 今年已享受="无"),     # 12
    person(姓名="培训60天", 就业状态="未就业", 是否参加培训="是", 培训类型="就业技能培训", 培训天数="60天",
           今年已享受="无"),                                                                                 # 13
    person(姓名="西安", 就业状态="已就业", 就业地="西安", 交通费="680"),                                          # 14
    person(姓名="边缘户", 人员类别="边缘户", 就业状态="已就业", 就业地="江苏省苏州市", 交通费="499"),                  # 15
    person(姓名="编号已领", 就业状态="已就业", 就业地="外省", 交通费="680", 今年已享受="qy.cross_province_transport"),  # 16
]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = write_xlsx(tmp_path_factory.mktemp("amounts") / "台账.xlsx", ROWS)
    rep = ledger.check_ledger(path, AS_OF)
    return {p.name: p for p in rep.people}


def test_cross_province_fare_above_the_cap_gives_500_to_the_worker(report):
    it = item(report["跨省680"], "qy.cross_province_transport")
    assert (it.status, it.amount_value, it.amount_text) == (ELIGIBLE, 500, "500元")
    # who receives it: the console card's words for a worker (policies.render.payee_text), with the document's note
    assert it.payee_text == "钱发给：劳动者本人（跨省就业的脱贫劳动力本人（补助打入本人社保卡或银行卡），由县乡村振兴局兑付）"
    assert it.status_text == "符合"
    assert it.citation == "千人社发〔2021〕141号 三、2"


def test_fare_below_the_cap_is_paid_as_spent(report):
    it = item(report["跨省320"], "qy.cross_province_transport")
    assert (it.status, it.amount_value, it.amount_text) == (ELIGIBLE, 320, "320元")
    assert item(report["汉字车费"], "qy.cross_province_transport").amount_value == 320      # 三百二
    assert item(report["边缘户"], "qy.cross_province_transport").amount_value == 499         # 边缘户 counts as 脱贫


def test_job_seeking_subsidy_500_with_its_window(report):
    it = item(report["跨省680"], "qy.job_seeking")
    assert (it.status, it.amount_value) == (ELIGIBLE, 500)
    assert it.payee_text == "钱发给：劳动者本人（脱贫劳动力本人（可委托配偶、共同生活的父母、成年子女申请））"
    assert "户籍所在镇劳动保障事务所" in it.where_when and "6个月内" in it.where_when
    assert "还剩约4个月" in it.where_when
    assert report["跨省680"].total == 1000


def test_too_late_and_too_short_contract_are_not_eligible_with_the_reason(report):
    late = item(report["超期"], "qy.job_seeking")
    assert late.status == INELIGIBLE and late.status_text.startswith("不符合：已超过申请期限：须在就业后6个月内申请，已过约")
    short = item(report["合同短"], "qy.job_seeking")
    assert short.status == INELIGIBLE and "1年" in short.status_text
    assert short.amount_value is None            # not counted


def test_home_county_and_other_city_of_the_same_province_are_not_cross_province(report):
    for name in ("本县", "西安"):
        it = item(report[name], "qy.cross_province_transport")
        assert it.status == INELIGIBLE and it.status_text == "不符合：须为跨省就业", name


def test_categories_list_is_complete_so_other_groups_are_not_listed(report):
    # 低保户 only: the 脱贫 benefits are not for them → not listed at all
    assert item(report["低保"], "qy.cross_province_transport") is None
    # no category given: unknown, asks for it
    it = item(report["类别空"], "qy.cross_province_transport")
    assert it.status == UNKNOWN and it.status_text.startswith("待确认：") and "人员类别" in it.status_text


def test_already_received_this_year_by_name_or_id(report):
    for name in ("已领", "编号已领"):
        it = item(report[name], "qy.cross_province_transport")
        assert it.status == INELIGIBLE and "今年已享受过" in it.status_text, name


def test_technical_school_aid_goes_to_student_or_parent(report):
    it = item(report["技校"], "qy.yulu_technical_school")
    assert (it.status, it.amount_value) == (ELIGIBLE, 3000)
    assert it.payee_text == "钱发给：学生或家长（学生或家长向县人社局申请，县乡村振兴局发放（打入本人社保卡或家庭惠农一折通））"
    # the job benefits are not listed for someone not working
    assert item(report["技校"], "qy.job_seeking") is None


def test_training_allowance_20_plus_30_a_day_capped_at_2500(report):
    ten = item(report["培训10天"], "qy.training_living_transport")
    assert (ten.status, ten.amount_value, ten.amount_text) == (ELIGIBLE, 500, "最高500元")
    sixty = item(report["培训60天"], "qy.training_living_transport")
    assert (sixty.amount_value, sixty.amount_text) == (2500, "最高2500元")      # 60 × 50 = 3000 → cap 2500
    # employer/institution-side training subsidies are not on a household's list
    assert item(report["培训10天"], "qy.startup_training_syb") is None


def test_training_benefits_only_when_the_row_says_training(report):
    assert item(report["跨省680"], "qy.training_living_transport") is None


def test_amount_formats():
    syb = evaluate({"training_type": "SYB", "training_certificate": True, "training_hours": 80}, "千阳",
                   as_of=AS_OF).by_id("qy.startup_training_syb")
    assert ledger.amount_text(syb) == "1000～2500元"
    fare = evaluate({"category": ["脱贫劳动力"], "work_scope": "跨省"}, "千阳", as_of=AS_OF).by_id("qy.cross_province_transport")
    assert ledger.amount_text(fare) == "最高500元"
    # 三、9 "个人借款人贷款额度最高不超过20万元": a ceiling, in 万元, and a loan (repaid, never added to totals)
    loan = evaluate({"borrower_type": "个人"}, "千阳", as_of=AS_OF).by_id("qy.startup_loan_individual")
    assert ledger.amount_text(loan) == "最高20万元" and loan.amount.value == 200000
    assert amount_detail(loan) == "最高20万元（贷款额度，要还，不是补贴）"


@pytest.mark.parametrize("cell", ["脱贫户、残疾人", "脱贫户,残疾人", "脱贫户，残疾人", "脱贫户/残疾人", "脱贫户;残疾人", "脱贫户 残疾人"])
def test_category_separators(cell):
    rep = ledger.check_rows([person(人员类别=cell)], AS_OF)
    assert rep.people[0].categories == ["脱贫劳动力", "残疾人"]
    assert not rep.people[0].problems


def test_an_unknown_category_word_is_reported_and_the_list_is_no_longer_complete():
    rep = ledger.check_rows([person(人员类别="低保户、星级文明户", 就业状态="已就业", 就业地="外省", 交通费="680")], AS_OF)
    p = rep.people[0]
    assert p.categories == ["低保家庭"]
    assert any("“星级文明户”不是已知的人员类别" in x.message for x in p.problems)
    assert item(p, "qy.cross_province_transport").status == UNKNOWN


def test_other_places_use_their_own_document():
    rep = ledger.check_rows([
        person(户籍地="海伦市", 子女就读技校="是", 就业状态="未就业"),
        person(户籍地="三亚", 子女就读技校="是", 就业状态="未就业"),
        person(户籍地="长沙", 就业状态="未就业", 是否参加培训="是", 培训类型="就业技能培训", 培训天数="二十天"),
    ], AS_OF)
    hl, sy, cs = rep.people
    assert item(hl, "sh.technical_school").amount_value == 3000 and hl.documents[0].document_no == "绥人社发〔2019〕18号"
    assert item(sy, "hi.technical_school").amount_value == 3000
    assert item(cs, "hn.training_living_allowance").amount_value == 400      # 20元 × 20天
    assert item(cs, "qy.training_living_transport") is None                  # never another region's rule


def test_unknown_and_uncovered_places_say_no_policy_on_file():
    rep = ledger.check_rows([person(户籍地="火星村"), person(户籍地="广州市"), person(户籍地="宝鸡市")], AS_OF)
    for p in rep.people:
        assert p.coverage.startswith("暂未收录该地政策") and p.items == [], p.coverage
    assert any("火星村" in x.message for x in rep.people[0].problems)
    assert "千阳县" in rep.people[2].coverage


def test_payees_the_catalogue_counts_as_the_persons_own():
    """千阳 二、（二）8: "见习单位按月向见习人员发放生活补贴" — the trainee gets the money through the unit (catalogue payee
    intern_unit_pays_trainee, personal), so a graduate's row lists it, worded as such. 安康's training subsidies name
    no payee ("unnamed"): listed exactly when the chat counts them among the asker's own (assistant.decide.personal),
    and then never as "钱发给文件未写明发给谁" but as the card says it: 钱发给谁：文件未写明，请向…确认."""
    from assistant.decide import personal

    rep = ledger.check_rows([person(人员类别="高校毕业生", 就业状态="未就业"),
                             person(户籍地="汉阴", 人员类别="贫困户", 就业状态="未就业", 是否参加培训="是",
                                    培训类型="就业技能培训", 是否取得证书="是")], AS_OF)
    qy, hy = rep.people
    it = item(qy, "qy.internship")
    assert it.status == UNKNOWN and it.payee_text == (
        "钱发给：见习单位（由见习单位按月发给见习人员）（见习期间由见习单位按月向见习人员发放生活补贴；"
        "见习结束后县人社局统一拨付见习补贴给见习单位）")
    r = evaluate({"category": ["脱贫劳动力"], "training_type": "就业技能培训"}, "汉阴", as_of=AS_OF).by_id(
        "ak.skills_training")
    assert r.benefit.payee == "unnamed" and r.status != "ineligible"
    it = item(hy, "ak.skills_training")
    assert (it is not None) == personal(r)
    if it is not None:
        assert it.payee_text.startswith("钱发给谁：文件未写明，请向当地县区人力资源和社会保障局（就业服务机构）确认（")
    assert not any("文件未写明发给谁" in i.payee_text for p in rep.people for i in p.items)
