"""Held-out set 47's words and the leftovers of earlier sets taken up in session 45."""
from assistant.state import State

from .talk import card, ids, say

_FACTORY = ("你好，我们是千杨南寨镇的社区工厂，前年县人社局给认定过的，做手套加工。厂里现在一共20个工人（包括新招的），"
            "原来没有脱贫户，上个月新招了6个脱贫户，都签了一年的劳动合同。厂房租金一年24000，水电一年6000左右。我们厂里能领啥？")


def test_a_community_factory_reaching_ten_new_hires_hears_of_the_base_award_it_may_choose_instead():
    s = State()
    t = say(s, "ask_factory_job", _FACTORY)
    assert "qy.employment_base_award" not in ids(t)          # 6 new hires: not the base's count
    t = say(s, "ask_factory_job", "那要是再招5个脱贫户呢，也签一年合同")
    base = card(t, "qy.employment_base_award")
    assert base.status == "unknown" and base.amount.value == 22000
    assert ids(t).index("qy.community_factory_post") < ids(t).index("qy.employment_base_award")


def _text(t):
    return "\n".join(r.text for r in t.replies)


def test_days_attended_said_after_the_days_missed_are_the_days():
    from assistant.extract import extract
    from .talk import TODAY
    e = extract("说错了 中间家里有事请了3天假 实际去上课是12天", [], None, TODAY)
    assert e.facts["training_days"] == 12


def test_a_class_by_pass_and_start_counts_the_passed_and_of_them_the_started():
    s = State()
    t = say(s, "ask_training", "俺们是安康汉滨区的一家培训学校，今年在镇上办了两期创业培训，一共二十个学员：十五个是建档立卡贫困户，"
                               "五个是一般农户。建档立卡那15个里头12个培训合格，3个没合格；合格的12个里头已经有4个自己开了店。"
                               "按文件这些能补多少，总共多少钱？")
    assert card(t, "ak.startup_training").amount.value == 17600


_CHANGSHA = ("你好，我们是长沙经开区的一家电子厂。去年3月招了6个建档立卡贫困户，都是邵阳、湘西的，签的两年合同，社保一直在交，"
             "到现在都在岗；今年3月又招了4个，也是邵阳湘西的建档立卡户，合同社保一样；另外还有3个贵州来的建档立卡户，去年3月进厂的。"
             "我们厂能拿啥补贴，一共多少？")


def test_a_group_from_another_province_dated_by_the_month_it_came():
    s = State()
    t = say(s, "ask_employer_subsidy", _CHANGSHA)
    assert card(t, "hn.post_subsidy").amount.value == 6000
    t = say(s, "ask_employer_subsidy", "为啥贵州那3个不算？他们也是建档立卡户，干得比后来那4个还久。后来那4个又为啥不算？")
    assert card(t, "hn.post_subsidy").status == "ineligible"


_HENGYANG = ("你好 我们是 衡阳 一家 有正规资质的 人力资源服务公司 去年 组织 衡阳各县的 贫困户 出去打工  送去 广东东莞 12个 都是建档立卡的 "
             "其中9个 干满了半年以上 3个 干了2个月 就跑了  送去 长沙 8个 5个是建档立卡 3个是普通农户 这8个 都干了8个多月  请问 按人头 "
             "我们能拿多少 补贴")


def test_an_agencys_people_by_the_places_it_sent_them_and_a_places_groups_corrected():
    s = State()
    t = say(s, "ask_referral", _HENGYANG)
    assert card(t, "hn.job_service_subsidy").amount.value == 2800
    t = say(s, "inform", "等下 东莞那边 我再核了一下 是10个 干满半年 只有2个 没干满")
    assert card(t, "hn.job_service_subsidy").amount.value == 3000
    assert s.facts["referred_count"] == 17


def test_a_group_reaching_its_year_by_a_date_to_come():
    s = State()
    say(s, "ask_employer_subsidy", "俺们是绥化望奎县的种植合作社，前年开春招了五个建档立卡贫困户来社里干活，一直干到现在；今年五月份又招了"
                                   "仨贫困户；还有俩是屯里普通户。听说有个啥创业扶贫奖励补贴，俺们社能整多少钱？")
    t = say(s, "ask_employer_subsidy", "那今年五月来的那仨，等明年五月干满一年了，还能给补不？")
    assert card(t, "sh.startup_poverty_reward").amount.value == 8000


def test_an_agencys_seasonal_placements_get_no_job_seeking_money_and_the_contract_ones_hear_the_choice():
    s = State()
    say(s, "ask_referral", "我们是千阳县城一家劳务公司营业执照职介许可证都有 今年7月份给脱贫户免费介绍工作一共介绍了15个 9个进厂签了"
                           "一年以上的劳动合同其中5个在江苏昆山4个在西安 另外4个去县里苹果园干季节工干了4个月 还有2个也是季节工干了"
                           "1个月就回家了 这些能拿多少职介补贴")
    t = say(s, "ask_what_can_i_get", "那工人自己能拿啥 咋领")
    text = _text(t)
    assert "4500元（9人" in text and "2000元（4人" not in text and "1000元（2人" not in text
    assert "只能享受其一" in text


def test_why_not_of_another_provinces_group_and_a_group_short_of_its_year():
    s = State()
    say(s, "inform", _CHANGSHA)
    t = say(s, "correct", "为啥贵州那3个不算？他们也是建档立卡户，干得比后来那4个还久。后来那4个又为啥不算？")
    assert card(t, "hn.post_subsidy").status == "ineligible"
    assert "那4人干了9个月，未满12个月" in _text(t)


_SCHOOL = ("俺们是安康汉滨区的一家培训学校，今年在镇上办了两期创业培训，一共二十个学员：十五个是建档立卡贫困户，五个是一般农户。"
           "建档立卡那15个里头12个培训合格，3个没合格；合格的12个里头已经有4个自己开了店。按文件这些能补多少，总共多少钱？")


def test_why_not_of_a_units_people_not_of_the_class_its_money_counts():
    s = State()
    say(s, "ask_training", _SCHOOL)
    t = say(s, "correct", "那5个一般农户为啥不算？人家也一样上完课考过了啊")
    assert card(t, "ak.startup_training").status == "ineligible"
    assert "5个一般农户" in _text(t) and s.facts["trainee_count"] == 12


def test_a_units_interns_own_are_of_the_kind_just_told():
    s = State()
    say(s, "ask_internship", "你好，我们是安康汉音县的一家农业科技公司，今年接了3个贫困家庭的大学毕业生来我们这儿见习：小王见习了4个月，"
                             "小李见习了8个月，小张6个月。我们单位能拿多少见习补贴？")
    t = say(s, "ask_what_can_i_get", "那这几个娃自己能拿啥？")
    assert ids(t)[0] == "ak.internship_insurance"
    assert "钱发给他们本人" not in _text(t)


_TWO_CHILDREN = ("俺们是千阳的脱贫户 大娃去年腊月底去江苏昆山电子厂了 签了一年合同 火车票汽车票加起来368块 票都留着呢 二女子上个月在宝鸡"
                 "市里超市上班 也签了一年的合同 俩娃能领啥补贴")


def test_the_twelfth_lunar_month_of_last_year_is_january_or_february_of_this_one():
    from policies import normalize as nz
    import datetime as dt
    # (the lunar year 2025's 腊月 runs 2026-01-19 to 2026-02-16; its end is just before that Spring Festival)
    assert nz.dates_in("去年腊月底去江苏", dt.date(2026, 12, 6))[0][2] == 10
    assert nz.dates_in("前年腊月开的店", dt.date(2026, 12, 6))[0][2] == 23
    s = State()
    t = say(s, "ask_what_can_i_get", _TWO_CHILDREN)
    assert "大娃：✓跨省就业一次性交通补助：368元" in _text(t)     # the year of the move is 2026: its December still to come


def test_a_ticket_corrected_for_one_of_two_children_is_his_and_his_old_no_is_no_new_no():
    s = State()
    say(s, "ask_what_can_i_get", _TWO_CHILDREN)
    t = say(s, "inform", "哎呀说错了 票是618块 不是368 俺把数看岔了")
    assert ids(t)[0] == "qy.cross_province_transport"
    assert card(t, "qy.cross_province_transport").amount.value == 500
    assert "不符合了" not in _text(t)
