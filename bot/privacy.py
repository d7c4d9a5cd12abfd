"""Mask personal identifiers people type: 身份证号 and phone numbers never reach the tracker store, logs or the audit
log in full, and are never echoed back.

The masker itself is policies/privacy.py (one masker for the channels, the audit log and the ledger report);
it is re-exported here for the Rasa side. `mask_sender` (user ids in logs) too."""
from __future__ import annotations

from policies.privacy import mask_id, mask_in, mask_pii, mask_sender, masked_spans  # noqa: F401  (re-exported)

__all__ = ["mask_pii", "mask_in", "mask_id", "masked_spans", "mask_sender"]
