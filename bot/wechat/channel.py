"""The WeChat input channel itself (`bot.wechat.WeChatInput`): request checks, replayed signatures, de-duplicated
processing of WeChat's retries, the passive reply and delivery through the customer-service API. What to answer a
message is `replies.Replies`; the overview of the protocol is the package docstring (bot/wechat/__init__.py)."""
from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import time
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, List, Optional

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import InputChannel, UserMessage

from .. import exposure
from .api import HttpWeChatAPI, UnconfiguredWeChatAPI, WeChatAPI
from .crypto import WeChatCrypto, WeChatCryptoError, check_signature
from .message import Answer, Incoming, mask
from .replies import Replies
from .settings import DEFAULT_TOKEN, WeChatSettings
from .store import TTLStore
from .text import HINT_MORE
from .xml import BadXML, parse_xml, text_reply_xml

logger = logging.getLogger(__name__)


@dataclass
class _Turn:
    """One incoming message, however many times WeChat sends it."""
    task: "asyncio.Task[Answer]"
    delivery: Optional[str] = None   # None, "passive" (answered in the HTTP reply) or "async" (customer-service API)
    rest_scheduled: bool = False


class WeChatInput(Replies, InputChannel):
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
