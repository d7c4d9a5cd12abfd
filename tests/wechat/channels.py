"""Test-only variants of the WeChat channel, mounted beside the real one in the same Rasa server (one server start
for the whole e2e module). They differ only in settings given through their credentials entry:

    tests.wechat.channels.SlowWeChatInput:  {reply_timeout: 0.01}   → /webhooks/wechat_slow/webhook
    tests.wechat.channels.ShortWeChatInput: {max_reply_bytes: 300}  → /webhooks/wechat_short/webhook
"""
from bot.wechat import WeChatInput


class SlowWeChatInput(WeChatInput):
    @classmethod
    def name(cls) -> str:
        return "wechat_slow"


class ShortWeChatInput(WeChatInput):
    @classmethod
    def name(cls) -> str:
        return "wechat_short"
