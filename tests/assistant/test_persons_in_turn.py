"""Two persons of a household asked about in turn: an amount of one said before asked why another cannot have it, the
days one came said before the days missed, and the first person named again after the asker asked for themself."""

from assistant.extract import extract
from assistant.state import State
from assistant.turn import documents_turn

from .talk import TODAY, card as _card, say as _say


def test_the_days_come_said_before_the_days_missed_are_the_days():
    ex = extract("我老公是建档立卡贫困户他没上班上个月在县里参加电焊培训报的十五天实际去了十二天有三天屋里有事没去", None, None, TODAY)
    assert ex.facts.get("training_days") == 12


def test_why_another_cannot_have_an_amount_said_before_is_that_benefit():
    s = State()
    _say(s, "ask_school_grant", "俺家是千阳城关的脱贫户 老大在宝鸡一个技工学校念书 今年上一年级 听说技校学生一年给三千 是真的不 "
                                "老二在县职业中专念书 明年毕业 这俩都能拿啥")
    t = _say(s, "ask_training", "那老二念的职业中专不也是学技术的么 他咋就不能也拿那三千")
    assert t.decision.stated[0].benefit.id == "qy.yulu_technical_school"


def test_the_first_person_named_again_after_the_asker_asked_for_herself():
    s = State()
    _say(s, "nlu_fallback", "我是邵阳新邵的我老公是建档立卡贫困户他没上班上个月在县里参加电焊培训报的十五天实际去了十二天"
                            "有三天屋里有事没去听说一天有三十块钱是不是")
    _say(s, "inform", "那我呢 我在县里鞋厂上了两年班了 厂里组织我们搞岗位技能提升培训 我也是贫困户 我有生活费冇")
    t = documents_turn(s, "那我老公那二百四找哪个领 要带么子", [], TODAY)
    assert s.role == "proxy" and s.facts.get("training_days") == 12
    assert "hn.training_living_allowance" in [r.benefit.id for r in t.decision.stated]
