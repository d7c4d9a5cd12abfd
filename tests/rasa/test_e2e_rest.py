"""End to end: the real Rasa server and action server (the shared stack), talked to through the REST channel."""
import re

import pytest

pytestmark = pytest.mark.servers


def text_of(replies):
    return "\n".join(r.get("text") or "" for r in replies)


def test_mission_example_over_rest(stack):
    u = "e2e-mission"
    r1 = text_of(stack.say(u, "我在社区工厂干了一年能拿多少补贴"))
    assert "哪个县" in r1
    r2 = text_of(stack.say(u, "千阳的"))
    assert "1000元" in r2 and "哪一类" not in r2        # the rate at once, no question beside the answer
    r3 = text_of(stack.say(u, "脱贫户 签了一年合同"))
    assert "1000元" in r3 and "不是发给您个人" in r3 and "一次性求职补贴" in r3
    assert "千人社发〔2021〕141号" in r3 and "到期" in r3
    r4 = text_of(stack.say(u, "那要带啥材料"))
    assert "材料" in r4 and "复印件" in r4


def test_buttons_offer_the_next_step(stack):
    replies = stack.say("e2e-buttons", "千阳的脱贫户去外省打工车票680能报多少")
    assert any(r.get("buttons") for r in replies), replies
    assert "500元" in text_of(replies)


def test_facts_survive_and_users_are_isolated(stack):
    stack.say("e2e-a", "我是千阳的脱贫户")
    stack.say("e2e-b", "我是长沙的")
    ra = text_of(stack.say("e2e-a", "去外省打工路费能报多少"))
    rb = text_of(stack.say("e2e-b", "找到工作有啥补贴"))
    assert "千人社发" in ra and "湘人社发" not in ra
    assert "千人社发" not in rb


def test_out_of_scope_and_greeting_get_answers(stack):
    assert "政策助手" in text_of(stack.say("e2e-c", "你好"))
    r = text_of(stack.say("e2e-c", "明天天气咋样"))
    assert r and "12333" in r


def test_odd_input_gets_a_reply_not_an_error(stack):
    for msg in ["", "   ", "🙂🙂🙂", "<script>alert(1)</script>", "啊" * 3000, "12345678901234567890"]:
        status, body = stack.post_json("/webhooks/rest/webhook", {"sender": "e2e-odd", "message": msg})
        assert status == 200, (msg[:20], status, body)
        assert "Traceback" not in str(body)
    r = text_of(stack.say("e2e-odd", "千阳的脱贫户去外省打工车票680能报多少"))
    assert re.search(r"500元", r)   # the conversation still works after odd input
