"""Mask personal identifiers people type: 身份证号 and phone numbers never reach the tracker store, logs or the audit
log in full, and are never echoed back."""
from __future__ import annotations

import re

# 18-digit ID (last may be X) or 15-digit old ID; not part of a longer digit run
_ID = re.compile(r"(?<![0-9])([1-9][0-9]{5})(?:[0-9]{8}|[0-9]{5})([0-9]{3}[0-9Xx])(?![0-9Xx])|"
                 r"(?<![0-9])([1-9][0-9]{5})[0-9]{6}([0-9]{3})(?![0-9])")
# mainland mobile numbers, optionally +86 / spaced / dashed
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[-\s]?)?(1[3-9][0-9])[-\s]?([0-9]{4})[-\s]?([0-9]{4})(?![0-9])")
# landlines such as 0917-1234567
_LANDLINE = re.compile(r"(?<![0-9])(0[1-9][0-9]{1,2})-?([0-9]{7,8})(?![0-9])")


def mask_pii(text: str) -> str:
    """'610328199001011234' -> '610328********1234'; '13912345678' -> '139****5678'."""
    if not text:
        return text
    def id_repl(m: re.Match) -> str:
        if m.group(1):
            return f"{m.group(1)}********{m.group(2)}"
        return f"{m.group(3)}*****{m.group(4)}"
    text = _ID.sub(id_repl, text)
    text = _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)
    text = _LANDLINE.sub(lambda m: f"{m.group(1)}-****{m.group(2)[-3:]}", text)
    return text


def mask_sender(sender_id: str) -> str:
    """A user id for logs and the audit log: channel prefix and a short stable hash, never the id itself."""
    import hashlib

    sender_id = str(sender_id or "")
    prefix = sender_id.split(":", 1)[0] + ":" if ":" in sender_id else ""
    return prefix + hashlib.sha256(sender_id.encode("utf-8")).hexdigest()[:12]
