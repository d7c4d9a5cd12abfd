"""A worker's "搞了一年多" is time at work (湘 dialect); "有冇啥子钱能拿" asks what else there is; one of a unit's groups
named by its time ("见习八个月那个为啥只给算六个月") is answered for that one."""
import datetime as dt

from assistant.extract import extract
from assistant.state import State
from assistant.turn import policy_turn
from policies import normalize as nz

TODAY = dt.date(2026, 12, 4)


def test_gao_le_is_time_at_work_but_not_in_a_work_for_training():
    assert extract("在长沙一家物流公司搞了一年多咯 签了合同", [], None, TODAY).facts.get("months_employed") == 12
    e = extract("今年招了八个脱贫户 边干边教修剪嫁接 搞以工代训 已经搞了四个月", [], None, TODAY)
    assert e.facts.get("training_months") == 4 and e.facts.get("months_employed") != 4


def test_what_else_asked_with_a_dialect_no():
    assert nz.WHAT_ELSE.search("那俺自己出来打工 有冇啥子钱能拿")
    assert not nz.WHAT_ELSE.search("那俺自己出来打工 有冇得这个补贴吗")


def test_one_of_a_group_named_by_its_time_is_answered_for_that_one():
    s = State()
    policy_turn(s, "ask_internship", "我们是寻阳县的一家电子厂 今年招了五个贫困户 都签的两年合同 社保也都给交上了 另外还收了两个贫困家庭"
                                     "去年毕业的大学生来厂里见习 一个见习了四个月 一个见习了八个月 这些厂里能拿啥补贴", [], TODAY)
    t = policy_turn(s, "ask_internship", "见习八个月那个为啥只给算六个月 人家实打实在我们这干了八个月呢", [], TODAY)
    card = next(r for r in t.decision.stated if r.benefit.id == "ak.internship")
    assert card.amount.value == 6000
    assert s.facts.get("intern_count") == 2       # the unit's interns stay


def test_an_agency_asking_of_the_unit_it_placed_people_in_counts_them_as_that_units_hires():
    e = extract("那车间那边呢？我们前年秋天送过去5个贫困户，在北林区一个扶贫车间一直干到现在", [], "黑龙江省绥化市北林区", TODAY)
    assert e.facts.get("new_hires") == e.facts.get("referred_count") == 5
    assert "new_hires" not in extract("我们前年秋天送过去5个贫困户，在北林区一个扶贫车间一直干到现在", [],
                                      "黑龙江省绥化市北林区", TODAY).facts


def test_a_correction_that_turns_a_stated_benefit_into_a_no_says_so_first():
    s = State()
    policy_turn(s, "ask_employer_subsidy", "我们是催家头镇一家已经认定的社区工厂，做手套加工的。厂里一共12个工人，其中5个是脱贫劳动力，"
                                           "都签了一年的劳动合同。厂房租金一年36000，水电一年大概14000。能拿哪些补贴，各多少？", [], TODAY)
    assert "qy.community_factory_rent" in s.last_benefits
    t = policy_turn(s, "correct", "不好意思说错了，厂里一共是18个工人，脱贫劳动力还是那5个", [], TODAY)
    text = "\n".join(r.text for r in t.replies)
    assert "不符合了" in text and "1/3" in text
    rent = next(r for r in t.decision.stated if r.benefit.id == "qy.community_factory_rent")
    assert rent.status == "ineligible"
    assert "非遗扶贫就业工坊生产经营场地" not in text.split("您可能能领这些")[0]


def test_a_start_up_subsidy_asked_brings_the_start_up_loan_the_person_meets():
    s = State()
    t = policy_turn(s, "ask_graduate_subsidy", "我是儋州那大镇的 我家是低保户也是建档立卡贫困户 闺女今年夏天海南大学毕业 想回来开个奶茶店 "
                                               "有啥补贴没", [], TODAY)
    ids = [r.benefit.id for r in t.decision.stated]
    assert ids[0] == "hi.graduate_startup_subsidy" and "hi.startup_loan" in ids


def test_some_of_a_group_placed_again_are_answered_on_their_own_and_the_rest_stays():
    s = State()
    policy_turn(s, "ask_agency_subsidy", "我们是千阳县一家经营性人力资源服务机构，营业执照和人力资源服务许可证都有。今年免费给脱贫劳动力介绍工作："
                                         "7个进了宝鸡的厂，都签了一年以上劳动合同；4个今年3月到6月中旬去新疆棉田季节性用工，干了3个半月；"
                                         "还有2个去工地干了两个月就回来了。职业介绍补贴能拿多少？", [], TODAY)
    policy_turn(s, "inform", "对了，那7个里头有1个，他自己已经去镇上领了500块的一次性求职补贴了，这个人我们还能报不？", [], TODAY)
    t = policy_turn(s, "inform", "还有，摘棉花那4个回来以后，9月份我们又把其中3个介绍到洛川摘苹果，到现在也干了3个月出头了，"
                                 "这3个今年还能再报一次不？", [], TODAY)
    seasonal = next(r for r in t.decision.stated if r.benefit.id == "qy.job_referral_seasonal")
    assert seasonal.amount.value == 600         # 每人每年不超过两次: the second time for these 3
    referral = next(r for r in t.decision.stated if r.benefit.id == "qy.job_referral")
    assert referral.amount.value == 3000        # the one who had 求职补贴 stays out
    assert s.facts.get("contract_months") == 12 # the unit's facts stay as said


def test_a_jobs_length_said_bare_after_it_ended_is_the_time_worked():
    ex = extract("我在那干到今年三月就回来了 五个多月 为啥经纪人拿不到", None, None, TODAY)
    assert ex.facts.get("months_employed") == 5
    s = State()
    policy_turn(s, "ask_transport", "我是湖南溆浦的建档立卡贫困户 去年国庆过后经劳务经纪人介绍去广东打工", [], TODAY)
    t = policy_turn(s, "ask_referral", "介绍我的那个经纪人说他拿不到那200块 我在那干到今年三月就回来了 五个多月 为啥拿不到", [], TODAY)
    assert next(r for r in t.decision.stated if r.benefit.id == "hn.job_service_subsidy").status == "ineligible"
