"""Personal identifiers masked before storage; a user can erase their conversation; faults give a clear message."""
import time

import pytest

from scripts.servers import Servers
from tests.conftest import wait_for

pytestmark = pytest.mark.servers


def text_of(replies):
    return "\n".join(r.get("text") or "" for r in replies)


def stored_texts(stack, sender):
    return [e.get("text") or "" for e in stack.tracker(sender)["events"] if e.get("event") in ("user", "bot")]


def test_id_and_phone_numbers_are_masked_before_storage(stack):
    u = "e2e-pii"
    reply = text_of(stack.say(u, "我身份证610328199001011234 电话13912345678 千阳的脱贫户"))
    texts = " ".join(stored_texts(stack, u))
    assert "610328199001011234" not in texts and "13912345678" not in texts
    assert "610328********1234" in texts and "139****5678" in texts
    assert "610328199001011234" not in reply and "13912345678" not in reply


def test_delete_my_records_erases_the_stored_conversation(stack):
    u = "e2e-erase"
    stack.say(u, "我是千阳的脱贫户在外省打工")
    assert stored_texts(stack, u)
    r = text_of(stack.say(u, "删除我的记录"))
    assert "删除" in r
    assert wait_for(lambda: stored_texts(stack, u) == []), stored_texts(stack, u)
    # and the facts are gone: the next question asks for the place again
    assert "哪个县" in text_of(stack.say(u, "找到工作有啥补贴"))


def test_bad_requests_are_4xx_with_a_chinese_message(stack):
    for payload in [b"not json", b"[1,2]", {"sender": "x" * 500, "message": "hi"}, {"sender": "", "message": "hi"}]:
        status, body = stack.post_json("/webhooks/rest/webhook", payload)
        assert 400 <= status < 500, (payload, status)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in str(body))
    status, body = stack.post_json("/webhooks/rest/webhook", {"sender": "e2e-type", "message": 12345})
    assert status == 200 and "文字" in body[0]["text"]


@pytest.fixture(scope="module")
def no_action_server(tmp_path_factory):
    """Own servers: the Rasa server without its action server (the shared stack's action server is up)."""
    s = Servers(tmp_path_factory.mktemp("noactions"), start_actions=False).start()
    yield s
    s.stop()


def test_action_server_down_gives_a_clear_message_within_5_seconds(no_action_server):
    t0 = time.time()
    r = text_of(no_action_server.say("e2e-down", "千阳的脱贫户找到工作有啥补贴"))
    assert time.time() - t0 < 5
    assert "12333" in r
    # small talk also goes through the action server (it keeps facts told in passing): still a clear reply
    r2 = text_of(no_action_server.say("e2e-down", "你好"))
    assert "12333" in r2
