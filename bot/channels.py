"""The REST channel (same URL and JSON as Rasa's: POST /webhooks/rest/webhook {"sender", "message"}), hardened:
input checked and masked, a reply within a few seconds whatever happens behind, never a 5xx for bad input."""
from __future__ import annotations

import json
import logging
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request

from . import exposure, speedups
from .privacy import mask_in
from .textcheck import valid_id, valid_text
from .turns import MSG_BAD, run_turn

exposure.check_server()     # refuse an open Rasa API or wildcard CORS before anything is served (bot/exposure.py)
speedups.apply_server()     # channels are loaded by `rasa run` only, before the model: see bot/speedups.py

logger = logging.getLogger(__name__)
MAX_BODY = 64 * 1024


def _json(data, status: int = 200):
    """JSON with Chinese left readable (not \\u-escaped)."""
    return response.text(json.dumps(data, ensure_ascii=False), status=status,
                         content_type="application/json; charset=utf-8")


class SafeRestInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = Blueprint("safe_rest_webhook", __name__)

        @bp.route("/", methods=["GET"])
        async def health(request: Request):
            return _json({"status": "ok"})

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request):
            if len(request.body or b"") > MAX_BODY:
                return _json({"error": "消息太长"}, status=413)
            try:
                body = json.loads(request.body or b"")
            except (ValueError, UnicodeDecodeError, RecursionError):    # RecursionError: 20 000 nested "["
                return _json({"error": "请求不是合法的JSON"}, status=400)
            if not isinstance(body, dict):
                return _json({"error": "请求应为JSON对象"}, status=400)
            sender = body.get("sender")
            if sender is None:
                sender = "default"
            if isinstance(sender, bool) or not isinstance(sender, (str, int)) or not valid_id(str(sender)):
                return _json({"error": "sender 应为不超过128个字符的文字"}, status=400)
            message = body.get("message")
            if message is not None and not isinstance(message, str):
                return _json([{"recipient_id": str(sender), "text": MSG_BAD}])
            if message is not None and not valid_text(message, allow_nul=True):   # lone surrogates never reach Rasa
                return _json({"error": "消息里有无法识别的字符，请重新输入文字"}, status=400)
            metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else None
            if metadata is not None:
                try:            # stored with the user's message: masked, and only values that are valid text
                    metadata = mask_in(metadata)
                    json.dumps(metadata, ensure_ascii=False).encode("utf-8")
                except (ValueError, TypeError, RecursionError):
                    metadata = None
            agent = getattr(request.app.ctx, "agent", None)
            messages = await run_turn(on_new_message, agent, message, str(sender), self.name(), metadata)
            return _json(messages)

        return bp
