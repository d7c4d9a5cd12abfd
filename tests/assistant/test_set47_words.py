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
