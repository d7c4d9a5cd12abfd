"""The set-up shared by the tests that start their own servers with WeChat channels (tests/wechat/test_wechat_e2e.py,
tests/security/test_wechat_security.py) or talk to the fake WeChat API (tests/wechat/test_api_client.py).

    @pytest.fixture(scope="module")
    def fake():
        yield from fake_wechat()                          # the fake WeChat API on loopback

    s = wechat_servers(workdir, fake, variants, env)     # the real channel + test-only variants
"""
from __future__ import annotations

from pathlib import Path

from scripts.servers import Servers
from tests.wechat import wx
from tests.wechat.fake_wechat import FakeWeChat


def fake_wechat():
    """The fake WeChat API (token + customer-service messages) on loopback, stopped afterwards: the body of a fixture
    (`yield from fake_wechat()`)."""
    f = FakeWeChat(wx.APPID, wx.SECRET).start()
    yield f
    f.stop()


def wechat_servers(workdir: Path, fake: FakeWeChat, variants: str, env: dict) -> Servers:
    """Started servers with the real WeChat channel (bot.wechat.WeChatInput, configured by WECHAT_* in `env`) and the
    test-only `variants` beside it (their credentials.yml entries: tests/wechat/channels.py). The WeChat API base is
    `fake`; answers wait up to 4 s before going out as customer-service messages; timestamps may be 300 s off."""
    creds = workdir / "credentials.yml"
    creds.write_text("rest:\n"
                     "bot.wechat.WeChatInput: {}\n" + variants)
    env = {"WECHAT_APPID": wx.APPID, "WECHAT_APPSECRET": wx.SECRET, "WECHAT_API_BASE": fake.url,
           "WECHAT_REPLY_TIMEOUT": "4.0", "WECHAT_MAX_TIMESTAMP_SKEW": "300", **env}
    return Servers(workdir, extra_env=env, credentials=str(creds)).start()


def hook(rasa: Servers, channel: str = "wechat") -> str:
    """The webhook of a WeChat channel (`channel`: its name) on the servers."""
    return f"{rasa.url}/webhooks/{channel}/webhook"
