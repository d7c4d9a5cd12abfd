"""End to end: the real Rasa server + action server with the WeChat channel, driven with requests signed exactly as
WeChat signs them, and a fake WeChat API (token + customer-service messages) on loopback that records what it gets.

One server start for the module. Besides the real channel (/webhooks/wechat/webhook, configured by WECHAT_* env, in
明文模式: no WECHAT_AES_KEY) the same server mounts test-only variants (tests/wechat/channels.py): `wechat_slow`
(reply_timeout 0: no answer is waited for, so every answer is "slow"; with 0.01 s a fast canned answer such as
"转人工" could win the race), `wechat_short` (max_reply_bytes 300, so real answers are long enough to be split) and
`wechat_safe` (the EncodingAESKey of WeChat's sample: 安全模式, where plaintext POSTs are refused).
"""
from __future__ import annotations

import re
import threading
import time

import pytest

from tests.conftest import wait_for
from tests.wechat import wx
from tests.wechat.stack import fake_wechat, hook, wechat_servers
from bot.wechat.text import HINT_MORE

pytestmark = [pytest.mark.servers, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

TRANSPORT_Q = "千阳的脱贫户去外省打工车票680能报多少"
USED_OPENIDS: list[str] = []


def oid(tag: str) -> str:
    o = wx.new_openid(tag)
    USED_OPENIDS.append(o)
    return o


@pytest.fixture(scope="module")
def fake():
    yield from fake_wechat()


@pytest.fixture(scope="module")
def rasa(tmp_path_factory, fake):
    """Own servers: the WeChat API base is the fake above, and test-only channel variants are mounted."""
    s = wechat_servers(tmp_path_factory.mktemp("wechat"), fake,
                       "tests.wechat.channels.SlowWeChatInput:\n  reply_timeout: 0\n"
                       "tests.wechat.channels.ShortWeChatInput:\n  max_reply_bytes: 300\n"
                       f"tests.wechat.channels.SafeWeChatInput:\n  aes_key: {wx.AES_KEY}\n",
                       {"WECHAT_TOKEN": wx.TOKEN, "WECHAT_AES_KEY": ""})
    yield s
    s.stop()


def post(rasa, body: bytes, channel: str = "wechat", params: dict | None = None) -> tuple[int, str]:
    return wx.request(hook(rasa, channel), "POST", params if params is not None else wx.signed(), body)


def ask(rasa, openid: str, content: str, channel: str = "wechat", msg_id: int | None = None) -> dict:
    status, body = post(rasa, wx.text(openid, content, msg_id), channel)
    assert status == 200, (status, body)
    assert body != "success", f"expected a passive reply to {content!r}"
    return wx.parse_reply(body)


def user_texts(rasa, sender_id: str) -> list[str]:
    return [e.get("text") for e in rasa.tracker(sender_id).get("events", []) if e.get("event") == "user"]


# ---------------------------------------------------------------------------------------------------------------------
# signatures and timestamps
# ---------------------------------------------------------------------------------------------------------------------
def test_url_verification_echoes_echostr(rasa):
    status, body = wx.request(hook(rasa), "GET", wx.signed(echostr="4321987654321"))
    assert (status, body) == (200, "4321987654321")


def test_forged_or_missing_signature_is_403_for_get_and_post(rasa):
    openid = oid("forged")
    good = wx.signed(echostr="1")
    forged = dict(good, signature="0" * 40)
    wrong_token = wx.signed(token="not-the-token", echostr="1")
    missing = {k: v for k, v in good.items() if k != "signature"}
    for params in (forged, wrong_token, missing, {}):
        assert wx.request(hook(rasa), "GET", params)[0] == 403, params
        assert post(rasa, wx.text(openid, "你好"), params=params)[0] == 403, params
    assert user_texts(rasa, "wx:" + openid) == []  # nothing reached the assistant


def test_stale_timestamp_is_403(rasa):
    openid = oid("stale")
    for ts in (int(time.time()) - 3600, int(time.time()) + 3600):
        params = wx.signed(timestamp=str(ts), echostr="1")  # correctly signed, but an hour off
        assert wx.request(hook(rasa), "GET", params)[0] == 403
        assert post(rasa, wx.text(openid, "你好"), params=params)[0] == 403
    assert wx.request(hook(rasa), "GET", wx.signed(timestamp="yesterday", echostr="1"))[0] == 403


# ---------------------------------------------------------------------------------------------------------------------
# messages
# ---------------------------------------------------------------------------------------------------------------------
def test_text_message_gets_passive_xml_reply(rasa):
    openid = oid("text")
    reply = ask(rasa, openid, "你好")
    assert reply["ToUserName"] == openid and reply["FromUserName"] == wx.GH_ID
    assert reply["MsgType"] == "text" and abs(int(reply["CreateTime"]) - time.time()) < 60
    assert "政策助手" in reply["Content"]
    assert user_texts(rasa, "wx:" + openid) == ["你好"]


def test_retries_of_one_message_are_processed_once(rasa):
    openid = oid("retry")
    body = wx.text(openid, TRANSPORT_Q, msg_id=wx.new_msg_id())
    results: list[tuple[int, str]] = []

    def send():
        results.append(post(rasa, body))  # WeChat signs each retry afresh; the body (MsgId) is the same

    threads = [threading.Thread(target=send) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    send()  # a late retry, after the first processing finished
    assert [r[0] for r in results] == [200, 200, 200]
    contents = {wx.parse_reply(r[1])["Content"] for r in results}
    assert len(contents) == 1 and "500元" in contents.pop()
    assert user_texts(rasa, "wx:" + openid) == [TRANSPORT_Q]


def test_buttons_become_numbers_and_a_digit_picks_one(rasa):
    openid = oid("buttons")
    content = ask(rasa, openid, TRANSPORT_Q)["Content"]
    assert "500元" in content
    menu = content[content.index("回复数字："):]
    assert re.search(r"^1 要带啥材料$", menu, re.M) and re.search(r"^2 去哪办$", menu, re.M), menu
    answer = ask(rasa, openid, "1")["Content"]
    assert "要带的材料" in answer and "复印件" in answer
    assert user_texts(rasa, "wx:" + openid)[-1] == "/ask_documents"
    # a number that is not on the menu is just text
    ask(rasa, openid, "9")
    assert user_texts(rasa, "wx:" + openid)[-1] == "9"


def test_voice_uses_recognition_or_asks_for_text(rasa):
    openid = oid("voice")
    with_text = wx.message(openid, "voice", MediaId="media1", Format="amr", Recognition="你好",
                           MsgId=wx.new_msg_id())
    status, body = post(rasa, with_text)
    assert status == 200 and "政策助手" in wx.parse_reply(body)["Content"]
    without = wx.message(openid, "voice", MediaId="media2", Format="amr", MsgId=wx.new_msg_id())
    status, body = post(rasa, without)
    assert status == 200 and "请发文字，或说普通话语音" in wx.parse_reply(body)["Content"]
    assert user_texts(rasa, "wx:" + openid) == ["你好"]


def test_image_and_other_media_ask_for_text(rasa):
    openid = oid("media")
    bodies = [
        wx.message(openid, "image", PicUrl="http://example.invalid/a.jpg", MediaId="m", MsgId=wx.new_msg_id()),
        wx.message(openid, "location", Location_X=23.1, Location_Y=113.3, Scale=20, Label="某地",
                   MsgId=wx.new_msg_id()),
        wx.message(openid, "link", Title="t", Description="d", Url="http://example.invalid", MsgId=wx.new_msg_id()),
        wx.message(openid, "video", MediaId="m", ThumbMediaId="t", MsgId=wx.new_msg_id()),
        wx.message(openid, "shortvideo", MediaId="m", ThumbMediaId="t", MsgId=wx.new_msg_id()),
        wx.message(openid, "file", Title="f", FileKey="k", MsgId=wx.new_msg_id()),
    ]
    for b in bodies:
        status, body = post(rasa, b)
        assert status == 200 and "请发文字" in wx.parse_reply(body)["Content"], body
    assert user_texts(rasa, "wx:" + openid) == []


def test_subscribe_gets_the_welcome(rasa):
    openid = oid("sub")
    status, body = post(rasa, wx.event(openid, "subscribe", key=""))
    reply = wx.parse_reply(body)
    assert status == 200 and reply["ToUserName"] == openid
    assert "政策助手" in reply["Content"] and "补贴" in reply["Content"]


def test_unsubscribe_deletes_the_stored_conversation(rasa):
    openid = oid("unsub")
    sender = "wx:" + openid
    ask(rasa, openid, "我是千阳的脱贫户")
    ask(rasa, openid, "去外省打工路费能报多少")
    assert len(user_texts(rasa, sender)) == 2
    status, body = post(rasa, wx.event(openid, "unsubscribe"))
    assert (status, body) == (200, "success")
    assert user_texts(rasa, sender) == []
    # the facts are gone too: a new question starts from scratch
    ask(rasa, openid, "找到工作有啥补贴")
    assert user_texts(rasa, sender) == ["找到工作有啥补贴"]


def test_delete_my_records_erases_the_conversation(rasa):
    openid = oid("erase")
    ask(rasa, openid, "我是千阳的脱贫户")
    assert user_texts(rasa, "wx:" + openid)
    reply = ask(rasa, openid, "删除我的记录")["Content"]
    assert "删除" in reply and "erase_conversation" not in reply
    assert user_texts(rasa, "wx:" + openid) == []


def test_id_and_phone_numbers_are_masked_before_storage(rasa):
    openid = oid("pii")
    reply = ask(rasa, openid, "我身份证610328199001011234 电话13912345678 千阳的脱贫户")["Content"]
    stored = " ".join(user_texts(rasa, "wx:" + openid))
    assert "610328199001011234" not in stored and "13912345678" not in stored
    assert "610328********1234" in stored and "139****5678" in stored
    assert "610328199001011234" not in reply and "13912345678" not in reply


def test_menu_clicks_ask_the_mapped_question(rasa):
    openid = oid("click")
    status, body = post(rasa, wx.event(openid, "CLICK", key="KEY_HUMAN"))
    assert status == 200 and "12333" in wx.parse_reply(body)["Content"]
    status, body = post(rasa, wx.event(openid, "CLICK", key="KEY_JOB", create_time=int(time.time()) + 1))
    assert status == 200 and wx.parse_reply(body)["Content"]
    assert user_texts(rasa, "wx:" + openid) == ["转人工", "找到工作有啥补贴"]
    status, body = post(rasa, wx.event(openid, "CLICK", key="KEY_NOPE", create_time=int(time.time()) + 2))
    assert status == 200 and "菜单还没开通" in wx.parse_reply(body)["Content"]
    status, body = post(rasa, wx.event(openid, "VIEW", key="https://example.invalid/"))
    assert (status, body) == (200, "success")


def test_event_retries_are_deduplicated_by_sender_and_create_time(rasa):
    openid = oid("evretry")
    body = wx.event(openid, "CLICK", key="KEY_HUMAN", create_time=int(time.time()))
    first, second = post(rasa, body), post(rasa, body)
    # the same answer (the reply's own CreateTime is the second it is sent, which may tick between the two)
    assert first[0] == second[0] == 200
    assert wx.parse_reply(first[1])["Content"] == wx.parse_reply(second[1])["Content"]
    assert user_texts(rasa, "wx:" + openid) == ["转人工"]


# ---------------------------------------------------------------------------------------------------------------------
# safe mode
# ---------------------------------------------------------------------------------------------------------------------
def safe_params(encrypt: str, openid: str = "mycreate", **over) -> dict:
    params = wx.signed(encrypt_type="aes", openid=openid)
    params["msg_signature"] = wx.signature(wx.TOKEN, params["timestamp"], params["nonce"], encrypt)
    params.update(over)
    return params


def test_safe_mode_round_trip_with_the_official_sample(rasa):
    # WeChat's official sample ciphertext (token QDG6eK, appid wx5823bf96d3bd56c7), signed with a fresh timestamp
    body = f"<xml><ToUserName>{wx.cdata(wx.APPID)}</ToUserName><Encrypt>{wx.cdata(wx.OFFICIAL_ENCRYPT)}</Encrypt></xml>"
    status, reply = post(rasa, body.encode(), channel="wechat_safe", params=safe_params(wx.OFFICIAL_ENCRYPT))
    assert status == 200, reply
    envelope = wx.parse_reply(reply)
    assert set(envelope) == {"Encrypt", "MsgSignature", "TimeStamp", "Nonce"}
    assert envelope["MsgSignature"] == wx.signature(wx.TOKEN, envelope["TimeStamp"], envelope["Nonce"],
                                                    envelope["Encrypt"])
    inner = wx.parse_reply(wx.crypto().decrypt_message(envelope["MsgSignature"], envelope["TimeStamp"],
                                                       envelope["Nonce"], envelope["Encrypt"]))
    assert inner["ToUserName"] == "mycreate" and inner["FromUserName"] == wx.APPID
    assert inner["MsgType"] == "text" and inner["Content"]
    assert user_texts(rasa, "wx:mycreate") == ["hello"]


def test_safe_mode_chinese_message_and_bad_envelopes(rasa):
    openid = oid("safe")
    plain = wx.text(openid, "你好").decode()
    enc = wx.crypto().encrypt(plain)
    body = f"<xml><ToUserName>{wx.cdata(wx.GH_ID)}</ToUserName><Encrypt>{wx.cdata(enc)}</Encrypt></xml>".encode()
    status, reply = post(rasa, body, channel="wechat_safe", params=safe_params(enc, openid=openid))
    envelope = wx.parse_reply(reply)
    inner = wx.parse_reply(wx.crypto().decrypt_message(envelope["MsgSignature"], envelope["TimeStamp"],
                                                       envelope["Nonce"], envelope["Encrypt"]))
    assert status == 200 and "政策助手" in inner["Content"] and inner["ToUserName"] == openid
    # msg_signature over a different Encrypt, or missing → 403
    assert post(rasa, body, "wechat_safe", params=safe_params(enc, openid, msg_signature="f" * 40))[0] == 403
    assert post(rasa, body, "wechat_safe",
                params={k: v for k, v in safe_params(enc, openid).items() if k != "msg_signature"})[0] == 403
    # encrypted for another appid → 400
    other = wx.WeChatCrypto(wx.TOKEN, wx.AES_KEY, "wxotherappid000000").encrypt(plain)
    body2 = f"<xml><Encrypt>{wx.cdata(other)}</Encrypt></xml>".encode()
    assert post(rasa, body2, "wechat_safe", params=safe_params(other, openid))[0] == 400
    # garbage ciphertext (correctly signed) → 400; no Encrypt → 400
    for junk in ("bm90IGNpcGhlcnRleHQ=", "not base64!!", "A" * 64):
        b = f"<xml><Encrypt>{wx.cdata(junk)}</Encrypt></xml>".encode()
        assert post(rasa, b, "wechat_safe", params=safe_params(junk, openid))[0] == 400, junk
    assert post(rasa, wx.text(openid, "你好"), "wechat_safe", params=safe_params("", openid))[0] == 400
    # the plaintext message itself, without encrypt_type=aes, is refused by the safe-mode channel (no downgrade)
    assert post(rasa, wx.text(openid, "你好"), "wechat_safe", params=wx.signed(openid=openid))[0] == 403
    assert user_texts(rasa, "wx:" + openid) == ["你好"]


# ---------------------------------------------------------------------------------------------------------------------
# hostile input
# ---------------------------------------------------------------------------------------------------------------------
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<xml><ToUserName>gh</ToUserName><FromUserName>oX</FromUserName><CreateTime>1</CreateTime>
<MsgType>text</MsgType><Content>&lol3;</Content><MsgId>1</MsgId></xml>"""
XXE = b"""<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xml><ToUserName>gh</ToUserName><FromUserName>oX</FromUserName><CreateTime>1</CreateTime>
<MsgType>text</MsgType><Content>&xxe;</Content><MsgId>2</MsgId></xml>"""
PARAM_ENTITY = b"""<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]><xml/>"""
HIDDEN_DOCTYPE_UTF16 = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><xml/>'.encode("utf-16")


def test_hostile_or_broken_xml_is_refused_never_500(rasa):
    openid = oid("hostile")
    now = int(time.time())
    cases = {
        "billion laughs": (BILLION_LAUGHS, 400),
        "external entity": (XXE, 400),
        "parameter entity": (PARAM_ENTITY, 400),
        "utf-16 doctype": (HIDDEN_DOCTYPE_UTF16, 400),
        "huge body": (b"<xml><Content>" + b"A" * (70 * 1024) + b"</Content></xml>", 413),
        "very huge body": (b"<xml>" + b" " * (3 * 1024 * 1024) + b"</xml>", 413),
        "not XML": (b"hello, this is not xml", 400),
        "JSON": (b'{"ToUserName": "gh"}', 400),
        "empty": (b"", 400),
        "truncated": (wx.text(openid, "你好")[:-10], 400),
        "wrong root": (b"<root><ToUserName>gh</ToUserName></root>", 400),
        "not UTF-8": (b"<xml><Content>\xff\xfe\xfa</Content></xml>", 400),
        "undefined entity": (b"<xml><Content>&nope;</Content></xml>", 400),
        "missing MsgType": (f"<xml><ToUserName>gh</ToUserName><FromUserName>{openid}</FromUserName>"
                            f"<CreateTime>{now}</CreateTime><Content>hi</Content></xml>".encode(), 400),
        "missing FromUserName": (b"<xml><ToUserName>gh</ToUserName><CreateTime>1</CreateTime>"
                                 b"<MsgType>text</MsgType><Content>hi</Content></xml>", 400),
        "text without Content": (wx.message(openid, "text", MsgId=wx.new_msg_id()), 400),
        "event without Event": (wx.message(openid, "event"), 400),
        "bad CreateTime": (wx.message(openid, "text", create_time="soon", Content="hi"), 400),  # type: ignore[arg-type]
        "odd FromUserName": (wx.text("../../etc/passwd", "你好"), 400),
        "deep nesting": (b"<xml>" + b"<a>" * 50 + b"</a>" * 50 + b"</xml>", 400),
    }
    for name, (body, expected) in cases.items():
        status, reply = post(rasa, body)
        assert status == expected, (name, status, reply[:200])
        assert "root:" not in reply and "Traceback" not in reply, name
    # a signature-less huge body is refused before it is read
    assert post(rasa, b"A" * (3 * 1024 * 1024), params={})[0] == 403
    # the server is fine afterwards
    assert "政策助手" in ask(rasa, openid, "你好")["Content"]
    assert "Traceback" not in rasa.rasa_log.read_text(errors="replace")


# ---------------------------------------------------------------------------------------------------------------------
# slow answers, long answers, the customer-service API
# ---------------------------------------------------------------------------------------------------------------------
def test_slow_answer_replies_success_then_arrives_through_the_api(rasa, fake):
    openid = oid("slow")
    body = wx.text(openid, TRANSPORT_Q, msg_id=wx.new_msg_id())
    assert post(rasa, body, channel="wechat_slow") == (200, "success")
    sent = fake.wait_sent(openid)
    assert len(sent) == 1 and "500元" in sent[0] and "回复数字" in sent[0]
    last = [s for s in fake.sent if s["json"]["touser"] == openid][-1]
    assert last["json"]["msgtype"] == "text" and last["token"] in fake.tokens_issued
    assert "500元".encode() in last["raw"]  # UTF-8 JSON, not \\u escapes
    # WeChat's retry of the same message: still "success", not processed or delivered again
    assert post(rasa, body, channel="wechat_slow") == (200, "success")
    # then another message of the same user: its turn comes after any turn of the retry (one user's turns are
    # processed in order), so once its answer has arrived, a delivery of the retry would have arrived before it
    assert post(rasa, wx.text(openid, "转人工", msg_id=wx.new_msg_id()), channel="wechat_slow") == (200, "success")
    sent = fake.wait_sent(openid, count=2)
    assert len(sent) == 2 and "12333" in sent[1] and "500元" not in sent[1], sent
    assert user_texts(rasa, "wx:" + openid) == [TRANSPORT_Q, "转人工"]


def test_expired_access_token_is_refreshed_once_and_the_send_retried(rasa, fake):
    openid = oid("expire")
    issued = len(fake.tokens_issued)
    fake.expire_next = 1
    assert post(rasa, wx.text(openid, TRANSPORT_Q), channel="wechat_slow") == (200, "success")
    sent = fake.wait_sent(openid)
    assert "500元" in sent[0]
    assert len(fake.tokens_issued) == issued + 1  # one refresh
    assert len(fake.rejected_for(openid)) == 1    # the 42001 attempt


def test_long_answer_is_split_at_sentence_ends_rest_through_the_api(rasa, fake):
    original = ask(rasa, oid("longref"), TRANSPORT_Q)["Content"]  # the whole answer, through the real channel
    openid = oid("long")
    content = ask(rasa, openid, TRANSPORT_Q, channel="wechat_short")["Content"]  # 300-byte parts
    assert "后面的部分马上发来" in content
    menu = "1 要带啥材料\n2 去哪办\n3 还能领啥"                     # the end of the answer: the last part has arrived
    rest = wait_for(lambda: (lambda got: got if got and got[-1].endswith(menu) else None)(fake.sent_to(openid)))
    assert rest, fake.sent_to(openid)
    parts = [content.replace(HINT_MORE, "")] + rest
    assert len(parts) >= 2 and fake.sent_to(openid) == rest                  # and nothing after it
    assert all(len(p.encode("utf-8")) <= 300 for p in [content] + parts)
    pos = 0
    for p in parts:  # in order, nothing lost, each cut at a sentence end or a line break
        start = original.index(p, pos)
        assert original[pos:start].strip() == ""
        pos = start + len(p)
        assert pos == len(original) or p[-1] in "。！？" or original[pos] == "\n", p[-15:]
    assert pos == len(original)
    assert parts[-1].endswith("1 要带啥材料\n2 去哪办\n3 还能领啥")  # the button menu stays in one piece


def test_when_the_api_fails_the_rest_comes_on_continue(rasa, fake):
    openid = oid("cont")
    fake.fail_send = 48001  # e.g. an unverified 订阅号 without the customer-service API
    try:
        kept = "part(s) kept for “继续”"                       # logged once the undelivered parts are kept
        kept_before = rasa.rasa_log.read_text(errors="replace").count(kept)
        first = ask(rasa, openid, TRANSPORT_Q, channel="wechat_short")["Content"]
        assert wait_for(lambda: fake.rejected_for(openid), timeout=10)
        assert wait_for(lambda: rasa.rasa_log.read_text(errors="replace").count(kept) > kept_before, timeout=10)
        # another question first: its answer says something is still waiting
        other = ask(rasa, openid, "转人工", channel="wechat_short")["Content"]
        assert other.startswith("（之前的回答还有内容没发出去，回复“继续”查看）") and "12333" in other
        got = [first]
        for _ in range(10):
            c = ask(rasa, openid, "继续", channel="wechat_short")["Content"]
            got.append(c)
            if "回复“继续”看下一段" not in c:
                break
    finally:
        fake.fail_send = None
    assert len(got) >= 2 and "回复数字" in got[-1]
    for c in got:
        assert len(c.encode("utf-8")) <= 300
    # "继续" consumed locally: never reached the assistant
    assert user_texts(rasa, "wx:" + openid) == [TRANSPORT_Q, "转人工"]
    # the numbers on the menu that came with the last part work
    assert "要带的材料" in ask(rasa, openid, "1", channel="wechat_short")["Content"]
    assert user_texts(rasa, "wx:" + openid)[-1] == "/ask_documents"
    # nothing pending any more: "继续" is an ordinary message again
    ask(rasa, openid, "继续", channel="wechat_short")
    assert user_texts(rasa, "wx:" + openid)[-1] == "继续"


def test_openids_are_never_logged_in_full(rasa):
    log = rasa.rasa_log.read_text(errors="replace")
    assert USED_OPENIDS
    for o in USED_OPENIDS:
        assert o not in log, o
    assert wx.AES_KEY not in log and wx.SECRET not in log and "FAKE-TOKEN" not in log
