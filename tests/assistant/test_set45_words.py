"""A unit that asked what its people get themselves beside its own money, asked of more people to come: their own
money too."""
from assistant.extract import extract
from assistant.state import State

from .talk import TODAY, card, ids, say

_FACTORY = ("你好，我们是千杨南寨镇的社区工厂，前年县人社局给认定过的，做手套加工。厂里现在一共18个工人（包括新招的），"
            "上个月新招了6个脱贫户，都签了一年的劳动合同。厂房租金一年24000，水电一年6000左右。"
            "想问下这6个工人自己能领啥补贴，我们厂里又能领啥？")


def test_more_people_asked_of_after_both_were_asked_hear_their_own_money():
    s = State()
    say(s, "ask_eligibility", _FACTORY)
    t = say(s, "ask_eligibility", "那要是再招5个脱贫户呢，也签一年合同")
    assert ids(t)[0] == "qy.job_seeking" and card(t, "qy.job_seeking").amount.value == 2500
    assert card(t, "qy.community_factory_post").amount.value == 11000
    assert "新招的5人：✓一次性求职补贴：2500元" in "\n".join(r.text for r in t.replies)


def test_more_people_asked_of_by_a_unit_that_asked_only_its_own_money_hear_only_the_units():
    s = State()
    say(s, "ask_eligibility", _FACTORY.replace("想问下这6个工人自己能领啥补贴，我们厂里又能领啥？", "我们厂里能领啥？"))
    t = say(s, "ask_eligibility", "那要是再招5个脱贫户呢，也签一年合同")
    assert "qy.job_seeking" not in ids(t) and card(t, "qy.community_factory_post").amount.value == 11000


_COOP = ("俺是绥化望奎县的贫困户 前年牵头办了个黑木耳合作社 现在带着本屯八个建档立卡贫困户干活 有5个干了一年多了 "
         "还有3个是今年开春才来的 合作社能领啥补贴不 俺自己还想贷点款扩大大棚 能贷多少 利息谁出")


def test_a_group_reaching_its_year_and_new_hires_of_that_time_add_together():
    s = State()
    assert card(say(s, "ask_startup_loan", _COOP), "sh.startup_poverty_reward").amount.value == 5000
    t = say(s, "ask_how_much", "那开春来的仨到明年开春也干满一年了 俺再新招5个贫困户 都干满一年的话 这八个人还能再领多少")
    assert ids(t)[0] == "sh.startup_poverty_reward"
    assert [r.amount.value for r in t.decision.stated if r.benefit.id == "sh.startup_poverty_reward"] == [13000, 8000]
    assert "这8人干满了，创业扶贫奖励补贴再补8000元（8人×1000元），一共13000元。" in "\n".join(r.text for r in t.replies)


_BROKER = ("来电人是邵阳隆回县的农村劳务经纪人，办了营业执照、正规备案的。他说今年4月组织了本县14个建档立卡贫困户去广东东莞电子厂打工，"
           "其中10个一直干到现在七个多月了，4个干了5个月就回来了。这10个里有2个今年年初通过另一家劳务公司去长沙干过，"
           "那家公司已经领过这俩人的补贴了。他问他能领多少钱，到哪里领？另外这些工人自己去广东有没有路费补贴")


def test_a_what_if_that_changes_money_stated_before_brings_it_first():
    s = State()
    assert "hn.job_service_subsidy" in ids(say(s, "ask_eligibility", _BROKER))
    t = say(s, "ask_eligibility", "他又问：那回来的4个要是明年再由他送出去、干满6个月，他还能领吗？还有他这回包了辆大巴把人送过去，"
                                  "花了四千多，能补不")
    assert ids(t)[:2] == ["hn.job_service_subsidy", "hn.transport_subsidy"]
    assert card(t, "hn.job_service_subsidy").amount.value == 800


_TWO_SONS = ("我屋里是湘西花园县的建档立卡贫困户，两个崽，大的在长沙一个厂里上班，合同签了两年，做满一年多了，厂里帮他交了社保；"
             "细的今年正月跟村里一个劳务经纪人去了浙江义乌，做了八个多月了。两个崽能领么子补贴，钱打到哪个卡上？")


def test_two_sons_told_apart_the_broker_one_went_with_is_not_the_asker_and_each_ones_money_is_his():
    s = State()
    t = say(s, "correct", _TWO_SONS)
    text = "\n".join(r.text for r in t.replies)
    assert s.facts.get("employer_type") != "人力资源服务机构" and s.role != "employer"
    elder = next(ln for ln in text.splitlines() if ln.startswith("大的："))
    younger = next(ln for ln in text.splitlines() if ln.startswith("细的："))
    assert s.role == "proxy" and "✓岗位补贴" in elder and "✓社会保险补贴" in elder and "钱发给劳动者本人" in elder
    assert "✓转移就业交通补助" in younger and "您本人" not in text


def test_a_classs_groups_by_their_own_months_after_the_course_pick_the_syb_rate_each():
    e = extract("拿证的26个里头：6个结业后两三个月就办了营业执照开了店；3个是结业后第8个月才开的；剩下17个到现在也没创业。", [],
                "陕西省宝鸡市千阳县", TODAY)
    assert [(n, f.get("started_business_within_6_months")) for n, f in e.case_groups] == [(6, True), (3, False), (17, False)]
    s = State()
    t = say(s, "ask_training_subsidy", "您好，我们是千阳县城的一家培训学校。今年1月结业了一期SYB创业培训班，80课时分10天上完，30个学员全是脱贫户。"
                                       "考核下来26个拿到了创业培训合格证，4个没考过、没拿证。拿证的26个里头：6个结业后两三个月就办了营业执照"
                                       "开了店；3个是结业后第8个月才开的；剩下17个到现在也没创业。想问下学校这期一共能拿多少培训补贴")
    assert card(t, "qy.startup_training_syb").amount.value == 35000
