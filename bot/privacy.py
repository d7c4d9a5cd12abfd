"""Mask personal identifiers people type: 身份证号 and phone numbers never reach the tracker store, logs or the audit
log in full, and are never echoed back.

The masker itself is policies/privacy.py (one masker for the channels, the audit log and the ledger report);
it is re-exported here for the Rasa side. `mask_sender` (user ids in logs) lives here."""
from __future__ import annotations

import hashlib

from policies.privacy import mask_id, mask_in, mask_pii, masked_spans  # noqa: F401  (re-exported)

__all__ = ["mask_pii", "mask_in", "mask_id", "masked_spans", "mask_sender"]


def mask_sender(sender_id: str) -> str:
    """A user id for logs and the audit log: channel prefix and a short stable hash, never the id itself."""
    sender_id = str(sender_id or "")
    prefix = sender_id.split(":", 1)[0] + ":" if ":" in sender_id else ""
    return prefix + hashlib.sha256(sender_id.encode("utf-8")).hexdigest()[:12]
