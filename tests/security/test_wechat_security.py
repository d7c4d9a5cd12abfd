"""Security review of the WeChat channel (bot/wechat/), each finding tested against the real Rasa server.

1. 安全模式 downgrade: with WECHAT_AES_KEY set, a plaintext POST (no encrypt_type=aes / msg_signature) is refused.
2. Replay: a signed (timestamp, nonce) reused with another body is refused; WeChat's retries (same query, same body)
   are still answered once by the de-duplication. The same in safe mode.
3. The query `openid` must name the message's FromUserName.
4. `rasa run` on an interface other hosts can reach refuses to start with the development token `dev-wechat-token`;
   on loopback the development token still works.
5. A forged unsubscribe (unsigned, signed with the development token, downgraded, replayed) erases nothing.

One server start for the module (scripts/servers.py: loopback, free ports, temporary SQLite). Its channels:
`wechat` (the real channel, WECHAT_* env: a non-default token and the sample EncodingAESKey → 安全模式),
`wechat_plain` (the same token, no AES key → 明文模式) and `wechat_dev` (明文模式 with the development token, allowed
because the server is bound to 127.0.0.1) — tests/wechat/channels.py.
"""
from __future__ import annotations

import logging
import re
import secrets
import sys
import threading
import time

import pytest

from bot import exposure
from bot.wechat import WeChatInput
from bot.wechat.settings import DEFAULT_TOKEN, WeChatSettings
from scripts.servers import VENV_BIN, Servers
from tests.security.refused_start import rasa_run_refused
from tests.wechat import wx
from tests.wechat.stack import fake_wechat, hook, wechat_servers

# every test but two small unit tests uses the servers: the module is marked as a whole
pytestmark = [pytest.mark.servers, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

TOKEN = "sec" + secrets.token_hex(8)     # the server's real token (not the development default)
QUESTION = "千阳的脱贫户去外省打工车票680能报多少"


@pytest.fixture(scope="module")
def fake():
    yield from fake_wechat()


@pytest.fixture(scope="module")
def rasa(tmp_path_factory, fake):
    """Own servers: the real channel in 安全模式 (WECHAT_AES_KEY set), plus plaintext and development-token variants."""
    s = wechat_servers(tmp_path_factory.mktemp("wechat_security"), fake,
                       "tests.wechat.channels.PlainWeChatInput:\n  aes_key: ''\n"
                       f"tests.wechat.channels.DevWeChatInput:\n  aes_key: ''\n  token: {DEFAULT_TOKEN}\n",
                       {"WECHAT_TOKEN": TOKEN, "WECHAT_AES_KEY": wx.AES_KEY})
    yield s
    s.stop()


def post(rasa, body: bytes, params: dict, channel: str = "wechat") -> tuple[int, str]:
    return wx.request(hook(rasa, channel), "POST", params, body)


def user_texts(rasa, openid: str) -> list[str]:
    tracker = rasa.tracker("wx:" + openid)
    assert tracker.get("sender_id") == "wx:" + openid, tracker.get("sender_id")
    return [e.get("text") for e in tracker.get("events", []) if e.get("event") == "user"]


def ask_safe(rasa, openid: str, content: str) -> dict:
    """A text message sent as WeChat sends it in 安全模式; returns the decrypted passive reply."""
    body, params = wx.safe_request(wx.text(openid, content), token=TOKEN, openid=openid)
    status, reply = post(rasa, body, params)
    assert status == 200 and reply != "success", (status, reply[:300])
    return wx.open_reply(reply, token=TOKEN)


def ask_plain(rasa, openid: str, content: str, channel: str = "wechat_plain", token: str = TOKEN) -> dict:
    status, reply = post(rasa, wx.text(openid, content), wx.signed(token, openid=openid), channel)
    assert status == 200 and reply != "success", (status, reply[:300])
    return wx.parse_reply(reply)


def log_text(rasa) -> str:
    return rasa.rasa_log.read_text(errors="replace")


# ---------------------------------------------------------------------------------------------------------------------
# 1. 安全模式 downgrade
# ---------------------------------------------------------------------------------------------------------------------
def test_plaintext_post_is_refused_when_an_aes_key_is_set(rasa):
    openid = wx.new_openid("down")
    message = wx.text(openid, "你好")
    # correctly signed with the real token, exactly as a plaintext-mode push would be: refused
    for params in (wx.signed(TOKEN, openid=openid),
                   wx.signed(TOKEN, openid=openid, encrypt_type="raw"),
                   wx.signed(TOKEN, openid=openid, encrypt_type="AES-but-not"),
                   wx.signed(TOKEN, openid=openid, encrypt_type="aes")):          # aes without msg_signature
        status, reply = post(rasa, message, params)
        assert status == 403, (params, status, reply[:200])
        assert "政策助手" not in reply
    # compatible mode (兼容模式) sends the plaintext fields *and* Encrypt: still refused without encrypt_type=aes
    enc_body, _ = wx.safe_request(message, token=TOKEN, openid=openid)
    compat = message.replace(b"</xml>", enc_body[enc_body.index(b"<Encrypt>"):enc_body.index(b"</xml>")] + b"</xml>")
    assert post(rasa, compat, wx.signed(TOKEN, openid=openid))[0] == 403
    assert user_texts(rasa, openid) == []
    assert "plaintext message while WECHAT_AES_KEY is set" in log_text(rasa)
    # the same message in safe mode is answered (so the refusals above were about the mode, nothing else)
    reply = ask_safe(rasa, openid, "你好")
    assert reply["ToUserName"] == openid and "政策助手" in reply["Content"]
    assert user_texts(rasa, openid) == ["你好"]


def test_safe_mode_still_accepts_compatible_mode_and_url_verification(rasa):
    # URL verification (GET) is signed with signature/timestamp/nonce only, in every mode
    status, body = wx.request(hook(rasa), "GET", wx.signed(TOKEN, echostr="7391046285"))
    assert (status, body) == (200, "7391046285")
    assert wx.request(hook(rasa), "GET", wx.signed(DEFAULT_TOKEN, echostr="1"))[0] == 403
    # 兼容模式: plaintext fields and Encrypt, encrypt_type=aes + msg_signature; the encrypted copy is what counts
    openid = wx.new_openid("compat")
    enc_body, params = wx.safe_request(wx.text(openid, "你好"), token=TOKEN, openid=openid)
    outer = wx.text(openid, "删除我的记录")        # plaintext copy that differs: ignored, never acted on
    compat = outer.replace(b"</xml>", enc_body[enc_body.index(b"<Encrypt>"):enc_body.index(b"</xml>")] + b"</xml>")
    status, reply = post(rasa, compat, params)
    assert status == 200 and "政策助手" in wx.open_reply(reply, token=TOKEN)["Content"]
    assert user_texts(rasa, openid) == ["你好"]


# ---------------------------------------------------------------------------------------------------------------------
# 2. replay of a signed query with another body; WeChat's retries
# ---------------------------------------------------------------------------------------------------------------------
def test_plaintext_replayed_signature_with_another_body_is_refused(rasa):
    alice, mallory = wx.new_openid("alice"), wx.new_openid("mal")
    query = wx.signed(TOKEN)          # what an eavesdropper sees of Alice's push (the signature covers no body)
    status, reply = post(rasa, wx.text(alice, "你好"), query, "wechat_plain")
    assert status == 200 and "政策助手" in wx.parse_reply(reply)["Content"]
    # the same signed query with other bodies: another user's message, Alice's own unsubscribe, Alice's other text
    for body in (wx.text(mallory, "我是千阳的脱贫户"), wx.event(alice, "unsubscribe"), wx.text(alice, "删除我的记录"),
                 wx.text(alice, "你好")):       # same text, new MsgId: a different message
        status, reply = post(rasa, body, query, "wechat_plain")
        assert status == 403, (body[:120], status, reply[:200])
    assert user_texts(rasa, mallory) == []
    assert user_texts(rasa, alice) == ["你好"]
    assert "replayed signature" in log_text(rasa)
    # a fresh signature for the same messages is fine (the refusal was the reuse, nothing else)
    assert post(rasa, wx.text(mallory, "你好"), wx.signed(TOKEN), "wechat_plain")[0] == 200
    assert user_texts(rasa, mallory) == ["你好"]


def test_wechat_retries_with_the_same_query_and_body_are_answered_once(rasa):
    openid = wx.new_openid("retry")
    body = wx.text(openid, QUESTION, msg_id=wx.new_msg_id())
    query = wx.signed(TOKEN, openid=openid)     # WeChat's retry repeats the query and the body
    results: list[tuple[int, str]] = []

    def send():
        results.append(post(rasa, body, query, "wechat_plain"))

    threads = [threading.Thread(target=send) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    send()                                       # the third try, after the first processing finished
    assert [r[0] for r in results] == [200, 200, 200], results
    contents = {wx.parse_reply(r[1])["Content"] for r in results}
    assert len(contents) == 1 and "500元" in contents.pop()
    assert user_texts(rasa, openid) == [QUESTION]
    # a retry body that WeChat serialises differently (line breaks between elements, no CDATA) is the same message
    relaid = re.sub(rb"(</[A-Za-z]+>)(?=<)", rb"\1\n", body).replace(b"<![CDATA[text]]>", b"text")
    assert relaid != body
    status, reply = post(rasa, relaid, query, "wechat_plain")
    assert status == 200 and "500元" in wx.parse_reply(reply)["Content"]
    assert user_texts(rasa, openid) == [QUESTION]


def test_event_retry_with_the_same_query_is_deduplicated_not_refused(rasa):
    openid = wx.new_openid("evretry")
    body = wx.event(openid, "CLICK", key="KEY_HUMAN", create_time=int(time.time()))
    query = wx.signed(TOKEN, openid=openid)
    first, second = post(rasa, body, query, "wechat_plain"), post(rasa, body, query, "wechat_plain")
    # (the same answer: each reply is stamped with the second it is sent, CreateTime, which may differ by one)
    a, b = wx.parse_reply(first[1]), wx.parse_reply(second[1])
    assert first[0] == second[0] == 200 and a["Content"] == b["Content"] and a["ToUserName"] == b["ToUserName"]
    assert "12333" in a["Content"]
    assert user_texts(rasa, openid) == ["转人工"]


def test_safe_mode_reused_nonce_with_another_body_is_refused(rasa):
    openid, other = wx.new_openid("sreplay"), wx.new_openid("sother")
    body, params = wx.safe_request(wx.text(openid, "你好"), token=TOKEN, openid=openid)
    status, reply = post(rasa, body, params)
    assert status == 200 and "政策助手" in wx.open_reply(reply, token=TOKEN)["Content"]
    # WeChat's retry (same query, same Encrypt) is answered from the first processing
    status, reply = post(rasa, body, params)
    assert status == 200 and "政策助手" in wx.open_reply(reply, token=TOKEN)["Content"]
    assert user_texts(rasa, openid) == ["你好"]
    # the captured query with another Encrypt: msg_signature does not match
    forged, _ = wx.safe_request(wx.event(openid, "unsubscribe"), token=TOKEN)
    assert post(rasa, forged, params)[0] == 403
    # even correctly msg-signed (only the token holder can), a second message on a used (timestamp, nonce) is refused
    again, again_params = wx.safe_request(wx.text(other, "你好"), token=TOKEN, timestamp=params["timestamp"],
                                          nonce=params["nonce"], openid=other)
    assert post(rasa, again, again_params)[0] == 403
    # 兼容模式: the same Encrypt with a changed plaintext copy is another body, too
    changed = body.replace(b"</xml>", b"<Content><![CDATA[x]]></Content></xml>")
    assert post(rasa, changed, params)[0] == 403
    assert user_texts(rasa, other) == []
    assert user_texts(rasa, openid) == ["你好"]


# ---------------------------------------------------------------------------------------------------------------------
# 3. query openid vs FromUserName
# ---------------------------------------------------------------------------------------------------------------------
def test_query_openid_must_be_the_sender(rasa):
    victim, sender = wx.new_openid("victim"), wx.new_openid("sender")
    # plaintext: a query for one user carrying another user's message
    status, _ = post(rasa, wx.text(sender, "你好"), wx.signed(TOKEN, openid=victim), "wechat_plain")
    assert status == 403
    status, _ = post(rasa, wx.event(victim, "unsubscribe"), wx.signed(TOKEN, openid=sender), "wechat_plain")
    assert status == 403
    # safe mode: the same check after decryption
    body, params = wx.safe_request(wx.text(sender, "你好"), token=TOKEN, openid=victim)
    assert post(rasa, body, params)[0] == 403
    assert user_texts(rasa, sender) == [] and user_texts(rasa, victim) == []
    assert "is not the sender" in log_text(rasa)
    # matching, and absent (WeChat documents no openid in plaintext mode), are accepted
    assert "政策助手" in ask_plain(rasa, sender, "你好")["Content"]
    status, reply = post(rasa, wx.text(sender, "你好"), wx.signed(TOKEN), "wechat_plain")
    assert status == 200 and "政策助手" in wx.parse_reply(reply)["Content"]
    assert user_texts(rasa, sender) == ["你好", "你好"]


# ---------------------------------------------------------------------------------------------------------------------
# 5. forged unsubscribe erases nothing
# ---------------------------------------------------------------------------------------------------------------------
def test_forged_unsubscribe_erases_nothing_in_safe_mode(rasa):
    openid = wx.new_openid("keep")
    ask_safe(rasa, openid, "我是千阳的脱贫户")
    ask_safe(rasa, openid, "去外省打工路费能报多少")
    before = user_texts(rasa, openid)
    assert len(before) == 2
    unsub = wx.event(openid, "unsubscribe")
    attempts = {
        "unsigned": (unsub, {}),
        "dev token, plaintext": (unsub, wx.signed(DEFAULT_TOKEN, openid=openid)),
        "real token, plaintext (downgrade)": (unsub, wx.signed(TOKEN, openid=openid)),
        "dev token, safe mode": wx.safe_request(unsub, token=DEFAULT_TOKEN, openid=openid),
    }
    body, params = wx.safe_request(unsub, token=TOKEN, openid=openid)
    attempts["wrong msg_signature"] = (body, dict(params, msg_signature="0" * 40))
    attempts["msg_signature signed with the dev token"] = (
        body, dict(params, msg_signature=wx.signature(DEFAULT_TOKEN, params["timestamp"], params["nonce"],
                                                      wx.parse_reply(body.decode())["Encrypt"])))
    for name, (b, p) in attempts.items():
        status, reply = post(rasa, b, p)
        assert status == 403, (name, status, reply[:200])
    # an unsubscribe erases before it is answered (the genuine one below shows it): no wait needed
    assert user_texts(rasa, openid) == before
    # a genuine unsubscribe does erase: the check above would have seen an erasure
    status, _ = post(rasa, *wx.safe_request(unsub, token=TOKEN, openid=openid))
    assert status == 200
    assert user_texts(rasa, openid) == []


def test_forged_unsubscribe_erases_nothing_in_plaintext_mode(rasa):
    openid = wx.new_openid("keep2")
    captured = wx.signed(TOKEN, openid=openid)          # the signed query of one of the user's messages
    status, _ = post(rasa, wx.text(openid, "我是千阳的脱贫户"), captured, "wechat_plain")
    assert status == 200
    ask_plain(rasa, openid, "去外省打工路费能报多少")
    before = user_texts(rasa, openid)
    assert len(before) == 2
    unsub = wx.event(openid, "unsubscribe")
    for name, params in {"unsigned": {}, "dev token": wx.signed(DEFAULT_TOKEN, openid=openid),
                         "forged signature": dict(wx.signed(TOKEN, openid=openid), signature="f" * 40),
                         "replayed query": captured}.items():
        status, reply = post(rasa, unsub, params, "wechat_plain")
        assert status == 403, (name, status, reply[:200])
    # an unsubscribe erases before it is answered (the genuine one below shows it): no wait needed
    assert user_texts(rasa, openid) == before
    # a genuine unsubscribe does erase: the checks above would have seen an erasure
    assert post(rasa, unsub, wx.signed(TOKEN, openid=openid), "wechat_plain") == (200, "success")
    assert user_texts(rasa, openid) == []


# ---------------------------------------------------------------------------------------------------------------------
# 4. the development token
# ---------------------------------------------------------------------------------------------------------------------
def test_loopback_server_still_runs_on_the_development_token(rasa):
    # `make run` binds 127.0.0.1 without WECHAT_TOKEN: the dev token keeps working there (wechat_dev channel)
    openid = wx.new_openid("dev")
    assert "政策助手" in ask_plain(rasa, openid, "你好", channel="wechat_dev", token=DEFAULT_TOKEN)["Content"]
    assert user_texts(rasa, openid) == ["你好"]
    # ... and the real channels do not accept it
    assert post(rasa, wx.text(openid, "你好"), wx.signed(DEFAULT_TOKEN), "wechat_plain")[0] == 403


RASA = str(VENV_BIN / "rasa")


@pytest.mark.parametrize("argv, token, refused_", [
    ([RASA, "run", "-i", "0.0.0.0"], "", True),
    ([RASA, "run", "--interface", "0.0.0.0"], DEFAULT_TOKEN, True),
    ([RASA, "run", "--interface=10.1.2.3"], DEFAULT_TOKEN, True),
    ([RASA, "run"], "", True),                                   # Rasa's default interface is 0.0.0.0
    ([RASA, "run", "-i", "0.0.0.0"], "a-real-token-0123", False),
    ([RASA, "run", "-i", "127.0.0.1"], DEFAULT_TOKEN, False),
    ([RASA, "run", "--interface", "localhost"], "", False),
    ([sys.executable, "-m", "pytest"], DEFAULT_TOKEN, False),     # not a server: nothing is bound
])
def test_require_secret_unit(argv, token, refused_):
    if refused_:
        with pytest.raises(exposure.UnsafeStart) as e:
            exposure.require_secret("WECHAT_TOKEN", token, DEFAULT_TOKEN, argv=argv)
        assert "WECHAT_TOKEN" in str(e.value) and "拒绝启动" in str(e.value)
    else:
        exposure.require_secret("WECHAT_TOKEN", token, DEFAULT_TOKEN, argv=argv)


def test_channel_checks_the_token_when_its_blueprint_is_built(monkeypatch, caplog):
    async def handler(_message):
        return None

    with caplog.at_level(logging.WARNING, logger="bot.wechat"):
        settings = WeChatSettings.load(environ={})
    assert settings.token == DEFAULT_TOKEN and "WECHAT_TOKEN is not set" in caplog.text
    channel = WeChatInput(settings)
    monkeypatch.setattr(sys, "argv", [RASA, "run", "-i", "0.0.0.0", "--port", "5005"])
    with pytest.raises(exposure.UnsafeStart, match="WECHAT_TOKEN"):
        channel.blueprint(handler)
    monkeypatch.setattr(sys, "argv", [RASA, "run", "-i", "127.0.0.1", "--port", "5005"])
    assert channel.blueprint(handler) is not None            # loopback: the dev token is allowed, with the warning
    real = WeChatInput(WeChatSettings.load(environ={"WECHAT_TOKEN": "a-real-token-0123"}))
    monkeypatch.setattr(sys, "argv", [RASA, "run", "-i", "0.0.0.0", "--port", "5005"])
    assert real.blueprint(handler) is not None


@pytest.mark.parametrize("token", [None, DEFAULT_TOKEN])
def test_exposed_rasa_run_refuses_to_start_with_the_development_token(tmp_path, token):
    """The real `rasa run -i 0.0.0.0`: refused while the channels are set up, before anything is bound."""
    creds = tmp_path / "credentials.yml"
    creds.write_text("bot.wechat.WeChatInput: {}\n")
    # the test servers' environment (temporary SQLite, …; nothing is started here), without any WECHAT_* setting
    env = {k: v for k, v in Servers(tmp_path).env.items() if not k.startswith("WECHAT_")}
    if token is not None:
        env["WECHAT_TOKEN"] = token
    text = rasa_run_refused(["-i", "0.0.0.0", "--credentials", str(creds)], env,
                            "rasa run -i 0.0.0.0 with the development token")
    assert "拒绝启动" in text and "WECHAT_TOKEN" in text and DEFAULT_TOKEN in text, text[-2000:]
    assert "Rasa server is up and running" not in text and "Traceback" not in text, text[-2000:]
