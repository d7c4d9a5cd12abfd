"""WeChat Official Account (微信公众号) input channel: `bot.wechat.WeChatInput` (credentials.yml names this path)."""
from .channel import *  # noqa: F401,F403  (transitional: the channel is being cut into modules)
from .channel import WeChatInput  # noqa: F401
