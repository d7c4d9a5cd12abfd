"""Customer-service message API (客服消息) with a central access_token cache."""
from __future__ import annotations

import abc
import asyncio
import json
import logging
import time
from typing import Any, Awaitable, Callable, Dict, Optional, Tuple

from .settings import DEFAULT_API_BASE

logger = logging.getLogger(__name__)


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
