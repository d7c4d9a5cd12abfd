"""Held-out set 56's words (graded blind first): a post held to the end of a year, a claim handed in at the office
months later, the document and clause asked for, an amount of the last answer said back, a daughter called 女子 and 娃,
a group said by its parts before another county's people, a unit that was never what it said it was, and a unit's
money asked for by its worker before he has been there long enough."""
from assistant.extract import extract
from assistant.state import State
from assistant.turn import validity_or_turn

from .talk import TODAY, card, say

QY = "陕西省宝鸡市千阳县"


def _text(t):
    return "\n".join(r.text for r in t.replies)


def test_a_post_held_from_a_month_to_the_end_of_the_year_counts_both_months():
    e = extract("她爸是去年4月份上的岗，一直干到去年年底，这一年一共该拿多少", [], QY, TODAY)
    assert e.facts["months_employed"] == 9
    s = State()
    say(s, "ask_public_post", "来电的是千阳南寨镇的一个女的，说她家是脱贫户。她爸在村上当护林员，是村里给安排的公益岗。她问她爸一个月能拿多少")
    t = say(s, "correct", "她又问，你刚才说她爸那个400是一个月的还是一年的？她爸是去年4月份上的岗，一直干到去年年底，这一年一共该拿多少")
    assert card(t, "qy.rural_public_post").amount.value == 3600


def test_a_claim_handed_in_at_the_office_months_later_is_dated_then():
    e = extract("俺是千阳张家塬镇的脱贫户 去年正月十六就进了江苏昆山一个电子厂 签了一年整的合同 坐车花了六百八 去年九月回来才去镇上"
                "劳动保障所交的材料", [], QY, TODAY)
    assert e.facts["applied_months_ago"] == 15


def test_the_document_and_clause_asked_for_are_the_last_answers_cards_and_an_amount_said_back_is_no_fare():
    s = State()
    say(s, "ask_transport", "俺是千阳张家塬镇的脱贫户 去年正月十六就进了江苏昆山一个电子厂 签了一年整的合同 坐车花了六百八 交通那个能给多少")
    t = validity_or_turn(s, "你刚才说的500是交通那个吧？是一次给还是按月给？这都是哪个文件哪一条规定的", [], TODAY)
    assert "依据：千人社发〔2021〕141号 三、2" in _text(t)
    assert s.facts["transport_cost"] == 680
    assert 500 not in extract("你刚才说的500是交通那个吧", [], QY, TODAY).numbers


def test_a_daughter_called_nvzi_and_wa_is_one_person_and_keeps_her_class():
    s = State()
    say(s, "ask_internship", "我是汉阴的 屋里是建档立卡贫困户 女子去年六月大专毕业 今年三月到安康城里一个公司见习 听说见习有补贴一个月"
                             "一千 这钱是给娃的还是给公司的 能拿几个月啊 娃到现在都见习九个月了")
    assert "高校毕业生" in s.facts["category"]
    t = say(s, "bot_capabilities", "那你刚才说的一千是一个月的还是总共的？公司会不会把这钱转给娃？")
    assert card(t, "ak.internship").status == "eligible"


def test_a_group_said_by_its_parts_beside_another_countys_people():
    s = State()
    t = say(s, "nlu_fallback", "俺们是绥化望奎县的种植合作社，吸纳了本村建档立卡贫困户劳动力9个，干满一年多的6个，还有3个才干了八个来月；"
                               "另外从绥棱县过来的建档立卡户2个，也干了一年多了。还有5个低保户（没建档立卡）跟4个普通村民。那个创业扶贫"
                               "奖励补贴能拿多少")
    assert card(t, "sh.startup_poverty_reward").amount.value == 8000


def test_a_unit_that_was_never_registered_as_what_it_said_is_what_its_licence_says():
    e = extract("她又说刚才说错了，她们其实没认定过也没登记成非遗工坊，营业执照上就是个刺绣专业合作社。", [], QY, TODAY)
    assert e.facts["employer_type"] == "农民专业合作社" and "business_registered" not in e.facts


def test_a_units_money_asked_by_its_worker_before_he_has_been_there_long_enough():
    s = State()
    say(s, "ask_training_allowance", "来电人说他是湘西花垣县的建档立卡贫困户 去年十一月参加了县里的电工就业前技能培训 培训班办了半拉月")
    t = say(s, "nlu_fallback", "他五月份自己跑到长沙一个厂 签了两年合同 厂里给交社保 干到现在七个月了 他问长沙这个厂能拿啥")
    unit = next(r.text for r in t.replies if "单位能领的" in r.text)
    assert "✗岗位补贴" in unit and "再干5个月" in unit


def test_an_autonomous_prefecture_said_with_zhou_is_not_the_province_of_its_name():
    from policies import default_gazetteer
    g = default_gazetteer()
    assert [p.full_name for p in g.find_all("来电人说他是海南州共和县的建档立卡户")] == ["青海省海南藏族自治州"]
    assert [p.full_name for p in g.find_all("黔西南州")] == ["贵州省黔西南布依族苗族自治州"]
    assert [p.full_name for p in g.find_all("我是海南的")] == ["海南省"]
