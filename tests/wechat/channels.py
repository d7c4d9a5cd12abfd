"""Test-only variants of the WeChat channel, mounted beside the real one in the same Rasa server (one server start
for a whole test module). They differ only in settings given through their credentials entry:

    tests.wechat.channels.SlowWeChatInput:  {reply_timeout: 0}      → /webhooks/wechat_slow/webhook
    tests.wechat.channels.ShortWeChatInput: {max_reply_bytes: 300}  → /webhooks/wechat_short/webhook
    tests.wechat.channels.SafeWeChatInput:  {aes_key: …}            → /webhooks/wechat_safe/webhook  (安全模式)
    tests.wechat.channels.PlainWeChatInput: {aes_key: ""}           → /webhooks/wechat_plain/webhook (明文模式)
    tests.wechat.channels.DevWeChatInput:   {token: dev-wechat-token, aes_key: ""} → /webhooks/wechat_dev/webhook
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


class SafeWeChatInput(WeChatInput):
    @classmethod
    def name(cls) -> str:
        return "wechat_safe"


class PlainWeChatInput(WeChatInput):
    @classmethod
    def name(cls) -> str:
        return "wechat_plain"


class DevWeChatInput(WeChatInput):
    @classmethod
    def name(cls) -> str:
        return "wechat_dev"
