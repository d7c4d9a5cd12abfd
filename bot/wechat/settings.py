"""Settings of the WeChat channel: the WECHAT_* environment variables, overridden by the channel's credentials.yml
entry (docs/wechat.md, Settings)."""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional

from .text import WECHAT_TEXT_LIMIT

logger = logging.getLogger(__name__)

DEFAULT_TOKEN = "dev-wechat-token"
DEFAULT_API_BASE = "https://api.weixin.qq.com"

_ENV = {
    "token": "WECHAT_TOKEN",
    "appid": "WECHAT_APPID",
    "appsecret": "WECHAT_APPSECRET",
    "aes_key": "WECHAT_AES_KEY",
    "api_base": "WECHAT_API_BASE",
    "reply_timeout": "WECHAT_REPLY_TIMEOUT",
    "max_timestamp_skew": "WECHAT_MAX_TIMESTAMP_SKEW",
}


@dataclass
class WeChatSettings:
    token: str = DEFAULT_TOKEN
    appid: str = ""
    appsecret: str = ""
    aes_key: str = ""
    api_base: str = DEFAULT_API_BASE
    reply_timeout: float = 4.0
    max_timestamp_skew: float = 300.0
    max_body_bytes: int = 64 * 1024
    max_reply_bytes: int = WECHAT_TEXT_LIMIT

    @classmethod
    def load(cls, overrides: Optional[Mapping[str, Any]] = None,
             environ: Optional[Mapping[str, str]] = None) -> "WeChatSettings":
        """From the WECHAT_* environment variables; keys in `overrides` (the channel's credentials.yml entry, e.g.
        `reply_timeout: 3.5`) win over the environment."""
        environ = os.environ if environ is None else environ
        raw: Dict[str, Any] = {k: environ.get(v) for k, v in _ENV.items()}
        for k, v in (overrides or {}).items():
            if k in _ENV or k in ("max_body_bytes", "max_reply_bytes"):
                raw[k] = v
            else:
                logger.warning("wechat channel: unknown setting %r in credentials ignored", k)
        s = cls()
        token = (str(raw["token"]).strip() if raw.get("token") is not None else "")
        if token:
            s.token = token
        else:
            logger.warning("WECHAT_TOKEN is not set: using the development token %r. Set WECHAT_TOKEN to the Token "
                           "configured in the 公众号 admin before going live.", DEFAULT_TOKEN)
        s.appid = str(raw.get("appid") or "").strip()
        s.appsecret = str(raw.get("appsecret") or "").strip()
        s.aes_key = str(raw.get("aes_key") or "").strip()
        base = str(raw.get("api_base") or DEFAULT_API_BASE).strip().rstrip("/")
        if not re.match(r"^https?://", base):
            raise ValueError("WECHAT_API_BASE must start with http:// or https://")
        s.api_base = base
        # 0 = never wait: every answer goes out through the customer-service API
        s.reply_timeout = _number(raw.get("reply_timeout"), 4.0, "WECHAT_REPLY_TIMEOUT", lo=0.0, hi=4.5)
        s.max_timestamp_skew = _number(raw.get("max_timestamp_skew"), 300.0, "WECHAT_MAX_TIMESTAMP_SKEW", lo=1.0,
                                       hi=86400.0)
        s.max_body_bytes = int(_number(raw.get("max_body_bytes"), 64 * 1024, "max_body_bytes", lo=1024,
                                       hi=1024 * 1024))
        s.max_reply_bytes = int(_number(raw.get("max_reply_bytes"), WECHAT_TEXT_LIMIT, "max_reply_bytes", lo=200,
                                        hi=WECHAT_TEXT_LIMIT))
        if s.aes_key and not s.appid:
            raise ValueError("WECHAT_AES_KEY is set but WECHAT_APPID is not: safe mode needs the appid to check "
                             "decrypted messages")
        return s


def _number(value: Any, default: float, name: str, lo: float, hi: float) -> float:
    if value is None or str(value).strip() == "":
        return float(default)
    try:
        x = float(value)
    except (TypeError, ValueError):
        logger.warning("%s=%r is not a number; using %s", name, value, default)
        return float(default)
    if x != x or x < lo:  # NaN or too small
        logger.warning("%s=%r is below %s; using %s", name, value, lo, default)
        return float(default)
    if x > hi:
        logger.warning("%s=%r is above %s; using %s", name, value, hi, hi)
        return float(hi)
    return x

