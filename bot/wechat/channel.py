"""WeChat Official Account (微信公众号) input channel: `bot.wechat.WeChatInput`, name "wechat".

Serves  /webhooks/wechat/webhook  (GET: URL verification, POST: messages and events) and speaks WeChat's server
protocol (see docs/wechat.md for connecting a real 公众号):

* every request is signed: sha1 of the sorted [token, timestamp, nonce]; a bad or missing signature or a timestamp
  further than WECHAT_MAX_TIMESTAMP_SKEW seconds from now → 403. Safe mode (encrypt_type=aes) also checks
  msg_signature over the Encrypt element, decrypts (bot/wechat/crypto.py) and encrypts the reply. When
  WECHAT_AES_KEY is set, every message POST must be in safe mode (encrypt_type=aes + msg_signature), else 403: a
  plaintext POST would let anyone who saw one signed URL bypass the message signature (downgrade).
* a signed (timestamp, nonce) is remembered for the skew window: the same pair again with the same message is a
  WeChat retry (answered by the de-duplication below), with a different message a replay (403). The `openid` WeChat
  adds to the query must equal the message's FromUserName (403).
* `rasa run` on an interface other hosts can reach refuses to start with the development token (bot/exposure.py).
* the XML body is parsed without DTDs or entities (any <!DOCTYPE / <!ENTITY → 400), at most WECHAT body limit
  (64 KB → 413); malformed XML or missing fields → 400. Unexpected errors answer "success", never a 500.
* WeChat waits 5 s for the passive reply and retries the same message up to three times. Each message is processed
  once (keyed by MsgId, events by FromUserName + CreateTime + Event); a retry waits for the first processing. If the
  answer is not ready within WECHAT_REPLY_TIMEOUT (default 4 s) the reply is "success" and the answer goes out through
  the customer-service message API (客服消息, `WeChatAPI`), whose access_token is cached and refreshed centrally.
* text over WeChat's 2048-byte limit is split at sentence ends; the first part is the passive reply, the rest goes
  through the customer-service API, or, if that fails, is kept per user and sent on "继续".
* Rasa buttons become numbered text ("回复数字：1 要带啥材料 …"); a reply of just "1"/"2" sends that button's payload.

The conversation id (sender_id) is "wx:<openid>"; logs show OpenIDs masked (first 4 characters + ***).

State kept in this process: the de-duplication table, each user's last button menu and undelivered remainders.
With several Rasa processes, route each user to one process (e.g. nginx `hash $arg_openid`); see docs/wechat.md.
"""
from __future__ import annotations

import abc
import asyncio
import hashlib
import json
import logging
import os
import re
import time
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, List, Mapping, Optional, Tuple
from xml.parsers import expat

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import InputChannel, UserMessage

from .. import exposure
from ..storage import erase_conversation
from ..turns import run_turn
from .crypto import WeChatCrypto, WeChatCryptoError, check_signature

logger = logging.getLogger(__name__)

DEFAULT_TOKEN = "dev-wechat-token"
DEFAULT_API_BASE = "https://api.weixin.qq.com"
WECHAT_TEXT_LIMIT = 2048          # bytes of UTF-8 in one text message (passive reply and 客服消息)
TURN_LIMIT = 60.0                 # a Rasa turn still running after this is answered with bot/turns.py's "busy" text

ASK_TEXT = "我只能看懂文字。请发文字问题，比如：找到工作有啥补贴。"
ASK_VOICE = "没听清这段语音。请发文字，或说普通话语音。"
UNKNOWN_MENU = "这个菜单还没开通。请直接发文字问题，比如：找到工作有啥补贴。"
EMPTY_ANSWER = "抱歉，这个问题我暂时答不上来。可以换个说法，或拨打人社服务热线12333。"
SORRY = "抱歉，系统出了点问题。请稍后再试，或拨打人社服务热线12333。"
HINT_MORE = "\n（内容较长，后面的部分马上发来；没收到请回复“继续”）"
HINT_NEXT = "\n（回复“继续”看下一段）"
HINT_UNSENT = "（之前的回答还有内容没发出去，回复“继续”查看）"
BUTTONS_HEAD = "回复数字："
CONTINUE_WORDS = {"继续", "继续。", "继续！", "继续吧"}

# Custom-menu CLICK keys (set the same keys when creating the menu) → the question the assistant answers.
MENU_QUESTIONS: Dict[str, str] = {
    "KEY_JOB": "找到工作有啥补贴",
    "KEY_TRANSPORT": "外出务工路费能报多少",
    "KEY_DOCS": "要带啥材料",
    "KEY_HUMAN": "转人工",
}

_OPENID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def mask(openid: Optional[str]) -> str:
    """An OpenID (or wx:<openid>) for logs: first 4 characters of the OpenID + ***."""
    if not openid:
        return "?"
    if openid.startswith("wx:"):
        return "wx:" + openid[3:7] + "***"
    return openid[:4] + "***"


# ---------------------------------------------------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------------------------------------------------
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


# ---------------------------------------------------------------------------------------------------------------------
# XML in and out
# ---------------------------------------------------------------------------------------------------------------------
class BadXML(ValueError):
    """The body is not the flat <xml> document WeChat sends."""


_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)", re.IGNORECASE)


def parse_xml(data: bytes, max_elements: int = 256, max_depth: int = 4) -> Dict[str, str]:
    """Parse WeChat's flat <xml><Name>value</Name>…</xml> into {Name: value} (first occurrence of each child).

    No DTD, no entity declarations, no external entities: they are refused before and during parsing.
    """
    if not data or not data.strip():
        raise BadXML("empty body")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise BadXML("body is not UTF-8") from None
    if _DTD.search(data):
        raise BadXML("DTD or entity declarations are not accepted")

    def refuse(*_args: Any) -> None:
        raise BadXML("DTD or entity declarations are not accepted")

    fields: Dict[str, str] = {}
    depth = 0
    count = 0
    current: List[str] = []
    parser = expat.ParserCreate(encoding="UTF-8")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.NotationDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.buffer_text = True

    def start(name: str, _attrs: Any) -> None:
        nonlocal depth, count, current
        count += 1
        if count > max_elements:
            raise BadXML("too many elements")
        if depth == 0 and name != "xml":
            raise BadXML("root element is not <xml>")
        depth += 1
        if depth > max_depth:
            raise BadXML("nested too deeply")
        if depth == 2:
            current = []

    def end(name: str) -> None:
        nonlocal depth
        if depth == 2 and name not in fields:
            fields[name] = "".join(current)
        depth -= 1

    def chars(text: str) -> None:
        if depth == 2:
            current.append(text)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    try:
        parser.Parse(data, True)
    except expat.ExpatError as e:
        raise BadXML(f"malformed XML ({expat.ErrorString(e.code)})") from None
    return fields


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def cdata(text: str) -> str:
    text = _XML_INVALID.sub("", text)
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def text_reply_xml(to_user: str, from_user: str, content: str, create_time: Optional[int] = None) -> str:
    """A passive text reply (ToUserName = the user's OpenID, FromUserName = the 公众号's original id)."""
    create_time = int(time.time()) if create_time is None else create_time
    return (f"<xml><ToUserName>{cdata(to_user)}</ToUserName><FromUserName>{cdata(from_user)}</FromUserName>"
            f"<CreateTime>{create_time}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            f"<Content>{cdata(content)}</Content></xml>")


# ---------------------------------------------------------------------------------------------------------------------
# Answer text: splitting and rendering Rasa's replies
# ---------------------------------------------------------------------------------------------------------------------
SENTENCE_ENDS = "。！？!?\n"
_SENTENCE = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』）)]*\n*|\n+|$)")
_SOFT_BREAKS = "；;，,、 "


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def _sentences(text: str) -> List[str]:
    return [m.group(0) for m in _SENTENCE.finditer(text) if m.group(0)]


def _hard_cut(text: str, max_bytes: int) -> Tuple[str, str]:
    """Cut a sentence that alone exceeds max_bytes: at the last comma-like break in the fitting prefix if that keeps
    at least half of it, else at the last whole character that fits."""
    size, cut = 0, 0
    for i, ch in enumerate(text):
        size += utf8_len(ch)
        if size > max_bytes:
            break
        cut = i + 1
    head = text[:cut]
    soft = max(head.rfind(c) for c in _SOFT_BREAKS)
    if soft >= 0 and soft + 1 >= len(head) // 2:
        cut = soft + 1
    return text[:cut], text[cut:]


def split_text(text: str, max_bytes: int = WECHAT_TEXT_LIMIT) -> List[str]:
    """Split text into parts of at most max_bytes UTF-8 bytes, at sentence ends (。！？!? or a line break) where
    possible. Parts are stripped of surrounding whitespace; nothing but that whitespace is lost."""
    if max_bytes < 8:
        raise ValueError("max_bytes too small")
    text = text.strip()
    if utf8_len(text) <= max_bytes:
        return [text] if text else []
    parts: List[str] = []
    current = ""
    for sentence in _sentences(text):
        if utf8_len(current + sentence) <= max_bytes or utf8_len((current + sentence).strip()) <= max_bytes:
            current += sentence
            continue
        if current.strip():
            parts.append(current.strip())
        current = sentence
        while utf8_len(current.strip()) > max_bytes:
            head, current = _hard_cut(current.strip(), max_bytes)
            parts.append(head.strip())
    if current.strip():
        parts.append(current.strip())
    return [p for p in parts if p]


def render_messages(messages: List[Dict[str, Any]]) -> Tuple[str, str, List[str]]:
    """Rasa's collected replies → (text, numbered button menu, the buttons' payloads in menu order)."""
    texts: List[str] = []
    titles: List[str] = []
    payloads: List[str] = []
    for m in messages:
        if m.get("text"):
            texts.append(str(m["text"]).strip())
        if m.get("image"):
            texts.append(f"图片：{m['image']}")
        if m.get("attachment"):
            texts.append(str(m["attachment"]))
        custom = m.get("custom")
        if isinstance(custom, dict) and isinstance(custom.get("text"), str):
            texts.append(custom["text"].strip())
        for b in m.get("buttons") or []:
            if not isinstance(b, dict):
                continue
            title = str(b.get("title") or b.get("payload") or "").strip()
            payload = str(b.get("payload") or b.get("title") or "").strip()
            if title and payload and payload not in payloads:
                titles.append(title)
                payloads.append(payload)
    text = "\n\n".join(t for t in texts if t)
    menu = (BUTTONS_HEAD + "\n" + "\n".join(f"{i} {t}" for i, t in enumerate(titles, 1))) if payloads else ""
    return text, menu, payloads


def menu_choice(text: str) -> Optional[int]:
    """"1", "２", " 3。" → the number; anything else → None."""
    t = unicodedata.normalize("NFKC", text).strip().rstrip("。.、")
    return int(t) if re.fullmatch(r"[0-9]{1,2}", t) else None


# ---------------------------------------------------------------------------------------------------------------------
# Customer-service message API (客服消息) with a central access_token cache
# ---------------------------------------------------------------------------------------------------------------------
class WeChatAPIError(Exception):
    def __init__(self, message: str, errcode: Optional[int] = None):
        super().__init__(message)
        self.errcode = errcode


class WeChatAPI(abc.ABC):
    """What the channel needs from WeChat's API: push a text to a user outside the passive reply.
    Swap in another implementation (a queue, a different HTTP client, a fake) through `WeChatInput(api=...)`."""

    @abc.abstractmethod
    async def send_text(self, openid: str, text: str) -> None:
        """Deliver `text` (≤ 2048 bytes) to `openid`; raise WeChatAPIError on failure."""

    async def close(self) -> None:
        """Release connections (called when the server stops)."""


class UnconfiguredWeChatAPI(WeChatAPI):
    """Used when WECHAT_APPID / WECHAT_APPSECRET are not set: every send fails, so answers wait for “继续”."""

    async def send_text(self, openid: str, text: str) -> None:
        raise WeChatAPIError("WECHAT_APPID / WECHAT_APPSECRET not set: customer-service messages are off")


class AccessTokenCache:
    """One access_token for the process: fetched on first use, refreshed `refresh_margin` seconds before it expires
    or when the API says it is invalid (invalidate), one refresh at a time under an asyncio lock."""

    def __init__(self, fetch: Callable[[], Awaitable[Tuple[str, float]]], refresh_margin: float = 300.0,
                 clock: Callable[[], float] = time.monotonic):
        self._fetch = fetch
        self._margin = refresh_margin
        self._clock = clock
        self._token: Optional[str] = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()
        self.refreshes = 0

    def _fresh(self) -> bool:
        return self._token is not None and self._clock() < self._expires_at

    async def get(self) -> str:
        if self._fresh():
            return self._token  # type: ignore[return-value]
        async with self._lock:
            if self._fresh():  # another caller refreshed it while we waited
                return self._token  # type: ignore[return-value]
            token, expires_in = await self._fetch()
            self.refreshes += 1
            self._token = token
            self._expires_at = self._clock() + max(expires_in - min(self._margin, expires_in / 2), 1.0)
            return token

    def invalidate(self, token: str) -> None:
        """Forget `token` (only if it is still the cached one, so concurrent failures cause one refresh)."""
        if token == self._token:
            self._token = None
            self._expires_at = 0.0


class HttpWeChatAPI(WeChatAPI):
    """The real API over aiohttp: GET /cgi-bin/token, POST /cgi-bin/message/custom/send."""

    TOKEN_ERRORS = {40001, 40014, 42001}  # invalid credential, invalid access_token, access_token expired

    def __init__(self, appid: str, appsecret: str, api_base: str = DEFAULT_API_BASE, timeout: float = 10.0):
        self._appid = appid
        self._secret = appsecret
        self._base = api_base.rstrip("/")
        self._timeout = timeout
        self._session: Any = None
        self.tokens = AccessTokenCache(self._fetch_token)

    async def _http(self) -> Any:
        import aiohttp

        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self._timeout))
        return self._session

    async def _call(self, method: str, path: str, params: Dict[str, str], body: Optional[bytes] = None) -> Dict:
        import aiohttp

        session = await self._http()
        headers = {"Content-Type": "application/json; charset=utf-8"} if body is not None else None
        try:
            async with session.request(method, self._base + path, params=params, data=body,
                                       headers=headers) as r:
                raw = await r.read()
                if r.status != 200:
                    raise WeChatAPIError(f"{path}: HTTP {r.status}")
        except (aiohttp.ClientError, asyncio.TimeoutError) as e:
            raise WeChatAPIError(f"{path}: {type(e).__name__}") from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise WeChatAPIError(f"{path}: response is not JSON") from None
        if not isinstance(data, dict):
            raise WeChatAPIError(f"{path}: unexpected response")
        return data

    async def _fetch_token(self) -> Tuple[str, float]:
        data = await self._call("GET", "/cgi-bin/token",
                                {"grant_type": "client_credential", "appid": self._appid, "secret": self._secret})
        token = data.get("access_token")
        if not token:
            raise WeChatAPIError(f"access_token request failed: errcode {data.get('errcode')} "
                                 f"{data.get('errmsg', '')}".strip(), data.get("errcode"))
        try:
            expires_in = float(data.get("expires_in", 7200))
        except (TypeError, ValueError):
            expires_in = 7200.0
        logger.info("WeChat access_token refreshed (valid %ds)", expires_in)
        return str(token), expires_in

    async def send_text(self, openid: str, text: str) -> None:
        body = json.dumps({"touser": openid, "msgtype": "text", "text": {"content": text}},
                          ensure_ascii=False).encode("utf-8")
        for attempt in (1, 2):
            token = await self.tokens.get()
            data = await self._call("POST", "/cgi-bin/message/custom/send", {"access_token": token}, body)
            try:
                code = int(data.get("errcode", 0) or 0)
            except (TypeError, ValueError):
                code = -1
            if code == 0:
                return
            if code in self.TOKEN_ERRORS and attempt == 1:
                logger.info("WeChat said the access_token is invalid (errcode %d); refreshing", code)
                self.tokens.invalidate(token)
                continue
            raise WeChatAPIError(f"custom/send failed: errcode {code} {data.get('errmsg', '')}".strip(), code)

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


# ---------------------------------------------------------------------------------------------------------------------
# Per-process state
# ---------------------------------------------------------------------------------------------------------------------
class TTLStore:
    """A small in-process dict whose entries expire after `ttl` seconds; at most `max_items` (oldest dropped).
    This is the per-process store the multi-worker caveat in docs/wechat.md is about."""

    def __init__(self, ttl: float, max_items: int = 20000, clock: Callable[[], float] = time.monotonic):
        self.ttl = ttl
        self.max_items = max_items
        self._clock = clock
        self._data: "OrderedDict[str, Tuple[float, Any]]" = OrderedDict()

    def _prune(self) -> None:
        now = self._clock()
        while self._data:
            key, (stamp, _) = next(iter(self._data.items()))
            if now - stamp > self.ttl or len(self._data) > self.max_items:
                self._data.popitem(last=False)
            else:
                break

    def get(self, key: str) -> Any:
        item = self._data.get(key)
        if item is None:
            return None
        if self._clock() - item[0] > self.ttl:
            del self._data[key]
            return None
        return item[1]

    def set(self, key: str, value: Any) -> None:
        self._data.pop(key, None)
        self._data[key] = (self._clock(), value)
        self._prune()

    def pop(self, key: str) -> Any:
        item = self._data.pop(key, None)
        return None if item is None else item[1]

    def __len__(self) -> int:
        return len(self._data)


@dataclass
class Answer:
    parts: List[str] = field(default_factory=list)
    payloads: List[str] = field(default_factory=list)  # the numbered buttons (menu at the end of the last part)


@dataclass
class _Turn:
    """One incoming message, however many times WeChat sends it."""
    task: "asyncio.Task[Answer]"
    delivery: Optional[str] = None   # None, "passive" (answered in the HTTP reply) or "async" (customer-service API)
    rest_scheduled: bool = False


@dataclass
class Incoming:
    to_user: str        # the 公众号's original id (gh_…)
    openid: str
    create_time: int
    msg_type: str
    fields: Dict[str, str]

    @classmethod
    def from_fields(cls, f: Dict[str, str]) -> "Incoming":
        missing = [k for k in ("ToUserName", "FromUserName", "CreateTime", "MsgType") if not (f.get(k) or "").strip()]
        if missing:
            raise ValueError(f"missing {', '.join(missing)}")
        openid = f["FromUserName"].strip()
        if not _OPENID.match(openid):
            raise ValueError("FromUserName is not an OpenID")
        try:
            create_time = int(f["CreateTime"].strip())
        except ValueError:
            raise ValueError("CreateTime is not a number") from None
        msg_type = f["MsgType"].strip().lower()
        if msg_type == "text" and "Content" not in f:
            raise ValueError("text message without Content")
        if msg_type == "event" and not (f.get("Event") or "").strip():
            raise ValueError("event without Event")
        return cls(f["ToUserName"].strip(), openid, create_time, msg_type, f)

    @property
    def sender_id(self) -> str:
        return "wx:" + self.openid

    @property
    def dedup_key(self) -> str:
        msg_id = (self.fields.get("MsgId") or self.fields.get("MsgID") or "").strip()
        if msg_id:
            return f"m:{self.openid}:{msg_id}"
        if self.msg_type == "event":
            return (f"e:{self.openid}:{self.create_time}:{self.fields.get('Event', '').strip().lower()}:"
                    f"{self.fields.get('EventKey', '').strip()}")
        return f"t:{self.openid}:{self.create_time}:{self.msg_type}"


# ---------------------------------------------------------------------------------------------------------------------
# The channel
# ---------------------------------------------------------------------------------------------------------------------
class WeChatInput(InputChannel):
    """Rasa input channel for a WeChat Official Account (公众号) in plaintext, compatible or safe mode."""

    @classmethod
    def name(cls) -> str:
        return "wechat"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> "WeChatInput":
        return cls(WeChatSettings.load(credentials or {}))

    def __init__(self, settings: Optional[WeChatSettings] = None, api: Optional[WeChatAPI] = None):
        self.settings = settings or WeChatSettings.load()
        s = self.settings
        self.crypto = WeChatCrypto(s.token, s.aes_key, s.appid) if s.aes_key else None
        if api is None:
            if s.appid and s.appsecret:
                api = HttpWeChatAPI(s.appid, s.appsecret, s.api_base)
            else:
                logger.warning("WECHAT_APPID / WECHAT_APPSECRET not set: slow or long answers cannot be pushed "
                               "through the customer-service API; users get them on “继续”.")
                api = UnconfiguredWeChatAPI()
        self.api = api
        # (timestamp, nonce) → fingerprint of the message first received with it. A signed query is accepted while
        # its timestamp is within ±skew of the clock, i.e. for at most 2 × skew seconds after it is first seen.
        self.nonces = TTLStore(ttl=2 * s.max_timestamp_skew + 1, max_items=100000)
        # dedup: WeChat retries within ~15 s; kept at least as long as a replayed query could still be accepted, so a
        # replay of a whole request (same query, same body) is answered from the first processing, never run again.
        self.turns = TTLStore(ttl=max(600.0, 2 * s.max_timestamp_skew + 1), max_items=50000)
        self.menus = TTLStore(ttl=86400.0, max_items=50000)  # sender_id → button payloads of the last answer
        self.pending = TTLStore(ttl=86400.0, max_items=50000)  # sender_id → parts not yet delivered
        self._background: set = set()
        workers = os.environ.get("SANIC_WORKERS", "1")
        if workers.strip() not in ("", "1"):
            logger.warning("SANIC_WORKERS=%s: the WeChat channel's de-duplication, button menus and pending "
                           "remainders are kept per process; see docs/wechat.md (multi-worker).", workers)

    # -- request checks ----------------------------------------------------------------------------------------------
    def _check_query(self, request: Request) -> Optional[str]:
        args = request.args
        sig, timestamp, nonce = args.get("signature"), args.get("timestamp"), args.get("nonce")
        if not sig or not timestamp or not nonce:
            return "missing signature, timestamp or nonce"
        if not check_signature(self.settings.token, sig, timestamp, nonce):
            return "bad signature"
        try:
            ts = int(timestamp)
        except ValueError:
            return "timestamp is not a number"
        if abs(time.time() - ts) > self.settings.max_timestamp_skew:
            return "stale timestamp"
        return None

    def _check_mode(self, request: Request) -> Optional[str]:
        """With WECHAT_AES_KEY set, only safe-mode (or compatible-mode) POSTs are accepted: encrypt_type=aes and a
        msg_signature, which is checked over the Encrypt element once the body is read."""
        if self.crypto is None:
            return None
        if (request.args.get("encrypt_type") or "").strip().lower() != "aes":
            return ("plaintext message while WECHAT_AES_KEY is set (only encrypt_type=aes is accepted; set 消息加解密方式 "
                    "to 安全模式, or unset WECHAT_AES_KEY for 明文模式)")
        if not (request.args.get("msg_signature") or "").strip():
            return "encrypt_type=aes without msg_signature"
        return None

    def _check_replay(self, request: Request, raw_fields: Dict[str, str]) -> Optional[str]:
        """Remember the signed (timestamp, nonce) with a fingerprint of the body. WeChat retries a message it got no
        answer for with the same query and the same body: that passes (the de-duplication answers it). The same query
        with another body is a replay of a signature someone saw (in plaintext mode the signature does not cover the
        body): refused. Called only for requests whose signatures (and msg_signature) checked out."""
        key = f"{request.args.get('timestamp')}\n{request.args.get('nonce')}"
        canonical = json.dumps(raw_fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        fingerprint = hashlib.sha256(canonical.encode("utf-8")).digest()
        seen = self.nonces.get(key)
        if seen is None:
            self.nonces.set(key, fingerprint)
            return None
        if seen != fingerprint:
            return "timestamp and nonce already used with a different message (replayed signature)"
        return None

    async def _read_body(self, request: Request) -> Optional[bytes]:
        """The body, or None if it exceeds the limit (stops reading as soon as it does)."""
        limit = self.settings.max_body_bytes
        declared = request.headers.get("content-length")
        if declared is not None:
            try:
                if int(declared) > limit:
                    return None
            except ValueError:
                return None
        if request.body or request.stream is None:  # body already read (a non-streaming route)
            body = request.body or b""
            return None if len(body) > limit else body
        chunks: List[bytes] = []
        size = 0
        async for chunk in request.stream:
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
        return b"".join(chunks)

    # -- blueprint ---------------------------------------------------------------------------------------------------
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # Built by `rasa run` before it binds: a server other hosts can reach must not run on the development token
        # printed in the README (anyone could sign requests, e.g. a forged unsubscribe that erases a conversation).
        exposure.require_secret("WECHAT_TOKEN", self.settings.token, DEFAULT_TOKEN)
        if self.crypto is not None:
            logger.info("WeChat channel %s: WECHAT_AES_KEY is set, message POSTs must be in safe mode "
                        "(encrypt_type=aes)", self.name())
        bp = Blueprint(f"{self.name()}_webhook")

        @bp.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @bp.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            reason = self._check_query(request)
            if reason:
                logger.warning("WeChat URL verification refused: %s", reason)
                return response.text("forbidden", status=403)
            echostr = request.args.get("echostr")
            if echostr is None:
                return response.text("missing echostr", status=400)
            logger.info("WeChat URL verification succeeded")
            return response.text(echostr)

        @bp.route("/webhook", methods=["POST"], stream=True)
        async def receive(request: Request) -> HTTPResponse:
            started = time.monotonic()
            try:
                return await self._receive(request, on_new_message, started)
            except Exception:  # never a 500: WeChat would retry and then tell the user the service failed
                logger.exception("WeChat webhook: unexpected error")
                return response.text("success")

        @bp.listener("after_server_stop")
        async def close_api(*_: Any) -> None:
            await self.api.close()

        return bp

    async def _receive(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                       started: float) -> HTTPResponse:
        reason = self._check_query(request) or self._check_mode(request)
        if reason:
            logger.warning("WeChat message refused (403): %s", reason)
            return response.text("forbidden", status=403)
        body = await self._read_body(request)
        if body is None:
            logger.warning("WeChat message refused (413): body over %d bytes", self.settings.max_body_bytes)
            return response.text("payload too large", status=413)
        try:
            fields = parse_xml(body)
        except BadXML as e:
            logger.warning("WeChat message refused (400): %s", e)
            return response.text("bad request", status=400)
        raw_fields = fields

        safe = False
        encrypt_type = (request.args.get("encrypt_type") or "raw").strip().lower()
        if encrypt_type == "aes":
            if self.crypto is None:
                logger.error("WeChat sent an encrypted message but WECHAT_AES_KEY is not set (safe mode needs it)")
                return response.text("bad request", status=400)
            encrypted = (fields.get("Encrypt") or "").strip()
            if not encrypted:
                logger.warning("WeChat message refused (400): encrypt_type=aes without Encrypt")
                return response.text("bad request", status=400)
            if not check_signature(self.settings.token, request.args.get("msg_signature"),
                                   request.args.get("timestamp"), request.args.get("nonce"), encrypted):
                logger.warning("WeChat message refused (403): bad msg_signature")
                return response.text("forbidden", status=403)
            try:
                plain = self.crypto.decrypt(encrypted)
                fields = parse_xml(plain.encode("utf-8"))
            except (WeChatCryptoError, BadXML) as e:
                logger.warning("WeChat message refused (400): %s", e)
                return response.text("bad request", status=400)
            safe = True
        elif encrypt_type != "raw":
            logger.warning("WeChat message refused (400): unknown encrypt_type")
            return response.text("bad request", status=400)

        try:
            incoming = Incoming.from_fields(fields)
        except ValueError as e:
            logger.warning("WeChat message refused (400): %s", e)
            return response.text("bad request", status=400)

        # WeChat adds openid=<sender> to the query of message pushes. It is not covered by any signature, so it proves
        # nothing on its own, but when present it must name the message's sender (a replayed or hand-made query for
        # one user carrying another user's message is refused). It is not required: WeChat's documentation
        # (消息加解密说明, 接入指引) shows it in the safe-mode example URL but not in the plaintext-mode one, and lists no
        # such parameter; requiring it could refuse genuine pushes while an attacker could add any value anyway.
        query_openid = request.args.get("openid")
        if query_openid is not None and query_openid.strip() != incoming.openid:
            logger.warning("WeChat message refused (403): query openid %s is not the sender %s", mask(query_openid),
                           mask(incoming.openid))
            return response.text("forbidden", status=403)

        reason = self._check_replay(request, raw_fields)
        if reason:
            logger.warning("WeChat message refused (403): %s (sender %s)", reason, mask(incoming.openid))
            return response.text("forbidden", status=403)

        content = await self._passive_reply(incoming, on_new_message, request, started)
        if not content:
            return response.text("success")
        xml = text_reply_xml(incoming.openid, incoming.to_user, content)
        if safe:
            xml = self.crypto.encrypt_reply(xml)  # type: ignore[union-attr]
        return response.text(xml, content_type="application/xml; charset=utf-8")

    # -- de-duplicated processing and delivery -----------------------------------------------------------------------
    def _spawn(self, coro: Awaitable[Any]) -> "asyncio.Task[Any]":
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return task

    async def _passive_reply(self, incoming: Incoming, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                             request: Request, started: float) -> Optional[str]:
        key = incoming.dedup_key
        turn: Optional[_Turn] = self.turns.get(key)
        if turn is None:
            turn = _Turn(self._spawn(self._answer(incoming, on_new_message, request.app)))
            self.turns.set(key, turn)
            logger.info("WeChat %s from %s", incoming.msg_type, mask(incoming.openid))
        else:
            logger.info("WeChat retry of a %s from %s: answered from the first processing", incoming.msg_type,
                        mask(incoming.openid))
        if turn.delivery == "async":
            return None
        remaining = self.settings.reply_timeout - (time.monotonic() - started)
        try:
            answer: Answer = await asyncio.wait_for(asyncio.shield(turn.task), timeout=max(remaining, 0.0))
        except asyncio.TimeoutError:
            if turn.delivery is None:
                turn.delivery = "async"
                logger.info("WeChat answer for %s not ready in %.2fs: replying later via customer-service API",
                            mask(incoming.openid), self.settings.reply_timeout)
                self._spawn(self._deliver_when_ready(incoming, turn))
                return None
            if turn.delivery == "async" or not turn.task.done():
                return None
            answer = turn.task.result()
        if not answer.parts:
            return None
        turn.delivery = "passive"
        if len(answer.parts) > 1 and not turn.rest_scheduled:
            turn.rest_scheduled = True
            self._spawn(self._deliver(incoming.openid, incoming.sender_id, answer.parts[1:], answer.payloads))
        return answer.parts[0]

    async def _deliver_when_ready(self, incoming: Incoming, turn: _Turn) -> None:
        answer = await turn.task
        if answer.parts:
            await self._deliver(incoming.openid, incoming.sender_id, answer.parts, answer.payloads)

    async def _deliver(self, openid: str, sender_id: str, parts: List[str], payloads: List[str]) -> None:
        """Send parts in order through the customer-service API; keep what could not be sent for “继续”."""
        for i, part in enumerate(parts):
            try:
                await self.api.send_text(openid, part)
            except Exception as e:  # WeChatAPIError, or anything a swapped-in client raises
                rest = [p.replace(HINT_MORE, "") for p in parts[i:]]
                self.pending.set(sender_id, {"parts": rest, "notified": False, "menu": payloads})
                logger.warning("WeChat customer-service message to %s failed (%s); %d part(s) kept for “继续”",
                               mask(openid), e, len(rest))
                return
        logger.info("WeChat: %d part(s) delivered to %s via customer-service API", len(parts), mask(openid))

    # -- what to answer ----------------------------------------------------------------------------------------------
    def _route(self, incoming: Incoming) -> Tuple[str, Optional[str]]:
        """(kind, text): kind is "rasa" (ask the assistant), "reply" (fixed text), "continue", "erase" or "none"."""
        f = incoming.fields
        t = incoming.msg_type
        if t == "text":
            content = (f.get("Content") or "").strip()
            if not content:
                return "reply", ASK_TEXT
            if content in CONTINUE_WORDS and self.pending.get(incoming.sender_id):
                return "continue", None
            n = menu_choice(content)
            payloads = self.menus.get(incoming.sender_id) if n is not None else None
            if payloads and 1 <= n <= len(payloads):  # type: ignore[operator]
                return "rasa", payloads[n - 1]  # type: ignore[index]
            return "rasa", content
        if t == "voice":
            recognition = (f.get("Recognition") or "").strip()
            return ("rasa", recognition) if recognition else ("reply", ASK_VOICE)
        if t == "event":
            event = (f.get("Event") or "").strip().lower()
            if event == "subscribe":
                return "rasa", "/greet"
            if event == "unsubscribe":
                return "erase", None
            if event == "click":
                question = MENU_QUESTIONS.get((f.get("EventKey") or "").strip())
                return ("rasa", question) if question else ("reply", UNKNOWN_MENU)
            return "none", None  # VIEW, LOCATION, SCAN, TEMPLATESENDJOBFINISH, …: nothing to say
        return "reply", ASK_TEXT  # image, location, link, video, shortvideo, file, anything new

    async def _answer(self, incoming: Incoming, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                      app: Any) -> Answer:
        sender_id = incoming.sender_id
        try:
            kind, text = self._route(incoming)
            if kind == "none":
                return Answer()
            if kind == "erase":
                await self._erase(app, sender_id)
                return Answer()
            if kind == "continue":
                return self._continue(sender_id)
            if kind == "reply":
                return self._finish(sender_id, text or "")
            messages = await self._ask_rasa(on_new_message, app, sender_id, text or "", incoming)
            reply, menu, payloads = render_messages(messages)
            if payloads:
                self.menus.set(sender_id, payloads)
            else:
                self.menus.pop(sender_id)
            return self._finish(sender_id, reply or ("" if menu else EMPTY_ANSWER), menu, payloads)
        except Exception:
            logger.exception("WeChat: answering %s failed", mask(incoming.openid))
            return Answer([SORRY])

    async def _ask_rasa(self, on_new_message: Callable[[UserMessage], Awaitable[Any]], app: Any, sender_id: str,
                        text: str, incoming: Incoming) -> List[Dict[str, Any]]:
        """One turn through bot/turns.py, shared by every channel: length check, 身份证号/phone masking before Rasa
        stores anything, erase-on-request ({"erase_conversation": true} from action_delete_my_data)."""
        metadata = {"wechat": {"msg_type": incoming.msg_type,
                               "event": (incoming.fields.get("Event") or None),
                               "msg_id": (incoming.fields.get("MsgId") or None)}}
        agent = getattr(getattr(app, "ctx", None), "agent", None)
        # our own deadline is handled by the caller (passive reply or customer-service API); this only bounds a stuck turn
        return await run_turn(on_new_message, agent, text, sender_id, self.name(), metadata, timeout=TURN_LIMIT)

    def _finish(self, sender_id: str, text: str, menu: str = "", payloads: Optional[List[str]] = None) -> Answer:
        """The answer as parts within the byte limit; the button menu is kept in one piece at the end."""
        limit = self.settings.max_reply_bytes
        pending = self.pending.get(sender_id)
        if pending and not pending.get("notified"):
            pending["notified"] = True
            text = HINT_UNSENT + "\n" + text
        whole = "\n\n".join(t for t in (text, menu) if t)
        if utf8_len(whole) <= limit:
            return Answer([whole], list(payloads or []))
        room = limit - utf8_len(HINT_MORE)
        parts = split_text(text, room)
        if menu:
            if parts and utf8_len(parts[-1] + "\n\n" + menu) <= room:
                parts[-1] += "\n\n" + menu
            else:
                parts.extend(split_text(menu, room))
        parts[0] += HINT_MORE
        return Answer(parts, list(payloads or []))

    def _continue(self, sender_id: str) -> Answer:
        pending = self.pending.pop(sender_id) or {"parts": []}
        parts = list(pending.get("parts") or [])
        if not parts:
            return Answer(["没有更多内容了。还有啥想问的，直接发文字就行。"])
        first, rest = parts[0], parts[1:]
        if rest:
            self.pending.set(sender_id, {"parts": rest, "notified": True, "menu": pending.get("menu")})
            first += HINT_NEXT
        elif pending.get("menu"):  # the numbered menu was in this last part: numbers refer to it again
            self.menus.set(sender_id, pending["menu"])
        return Answer([first])

    async def _erase(self, app: Any, sender_id: str) -> None:
        self.menus.pop(sender_id)
        self.pending.pop(sender_id)
        agent = getattr(getattr(app, "ctx", None), "agent", None)
        store = getattr(agent, "tracker_store", None)
        if store is None:
            logger.warning("WeChat unsubscribe from %s: no tracker store to erase", mask(sender_id))
            return
        lock_store = getattr(agent, "lock_store", None)
        if lock_store is not None:
            async with lock_store.lock(sender_id):  # not while a message of this user is being processed
                await erase_conversation(store, sender_id)
        else:
            await erase_conversation(store, sender_id)
        logger.info("WeChat unsubscribe: conversation of %s erased", mask(sender_id))
