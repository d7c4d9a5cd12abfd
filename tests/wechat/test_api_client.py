"""The customer-service API client and its access_token cache, against the fake WeChat API on loopback."""
import asyncio

import pytest

from bot.wechat.api import AccessTokenCache, HttpWeChatAPI, UnconfiguredWeChatAPI, WeChatAPI, WeChatAPIError
from scripts.servers import free_port
from tests.wechat import wx
from tests.wechat.stack import fake_wechat


@pytest.fixture()
def fake():
    yield from fake_wechat()


def run(coro):
    return asyncio.run(coro)


async def with_api(fake, body, secret=wx.SECRET, base=None):
    api = HttpWeChatAPI(wx.APPID, secret, base or fake.url, timeout=5)
    try:
        return await body(api)
    finally:
        await api.close()


def test_is_a_swappable_wechat_api():
    assert issubclass(HttpWeChatAPI, WeChatAPI) and issubclass(UnconfiguredWeChatAPI, WeChatAPI)
    with pytest.raises(WeChatAPIError):
        run(UnconfiguredWeChatAPI().send_text("oX", "hi"))


def test_token_is_fetched_once_and_shared_by_concurrent_sends(fake):
    async def body(api):
        await asyncio.gather(*(api.send_text(f"oUser{i}", f"第{i}条") for i in range(10)))
        await api.send_text("oUser0", "再来一条")

    run(with_api(fake, body))
    assert len(fake.tokens_issued) == 1
    assert len(fake.sent) == 11 and {s["token"] for s in fake.sent} == {"FAKE-TOKEN-1"}
    assert sorted(s["json"]["text"]["content"] for s in fake.sent)[0] == "再来一条"
    assert all(s["json"]["msgtype"] == "text" for s in fake.sent)
    assert "第1条".encode() in b"".join(s["raw"] for s in fake.sent)  # UTF-8, not \\u escapes


def test_expired_token_is_refreshed_once_and_the_send_retried(fake):
    async def body(api):
        await api.send_text("oA", "一")
        fake.expire_next = 1
        await asyncio.gather(api.send_text("oA", "二"), api.send_text("oB", "三"))

    run(with_api(fake, body))
    assert fake.tokens_issued == ["FAKE-TOKEN-1", "FAKE-TOKEN-2"]  # one refresh despite concurrent failures
    assert sorted(s["json"]["text"]["content"] for s in fake.sent) == ["一", "三", "二"]


def test_a_token_error_twice_in_a_row_gives_up(fake):
    async def body(api):
        fake.expire_next = 2
        with pytest.raises(WeChatAPIError) as e:
            await api.send_text("oA", "一")
        return e.value.errcode

    assert run(with_api(fake, body)) == 42001
    assert fake.sent == [] and len(fake.tokens_issued) == 2


def test_other_errors_are_raised_with_their_errcode(fake):
    fake.fail_send = 45015  # response out of time limit (48 h)

    async def body(api):
        with pytest.raises(WeChatAPIError) as e:
            await api.send_text("oA", "一")
        return e.value.errcode

    assert run(with_api(fake, body)) == 45015


def test_wrong_secret_and_unreachable_api(fake):
    async def bad_secret(api):
        with pytest.raises(WeChatAPIError) as e:
            await api.send_text("oA", "一")
        assert wx.SECRET not in str(e.value) and "wrong" not in str(e.value)

    run(with_api(fake, bad_secret, secret="wrong"))

    async def unreachable(api):
        with pytest.raises(WeChatAPIError):
            await api.send_text("oA", "一")

    run(with_api(fake, unreachable, base=f"http://127.0.0.1:{free_port()}"))


def test_cache_refreshes_before_expiry():
    now = [1000.0]
    fetched = []

    async def fetch():
        fetched.append(now[0])
        return f"T{len(fetched)}", 7200.0

    async def body():
        cache = AccessTokenCache(fetch, refresh_margin=300, clock=lambda: now[0])
        assert await cache.get() == "T1"
        now[0] += 6800  # 400 s before expiry: still fresh
        assert await cache.get() == "T1"
        now[0] += 150   # 250 s before expiry: inside the margin → refresh
        assert await cache.get() == "T2"
        cache.invalidate("T1")  # a stale token's failure does not discard the new one
        assert await cache.get() == "T2"
        cache.invalidate("T2")
        assert await cache.get() == "T3"

    run(body())
    assert len(fetched) == 3
