"""Is a user-controlled value safe to hand to Rasa and the tracker store?

A lone surrogate ("s\\udfff", legal in JSON and in a Python str) cannot be encoded as UTF-8. SQLite then raises
UnicodeEncodeError, a ValueError, and Rasa's `SQLTrackerStore.session_scope` takes every ValueError for a missing
schema and exits the whole process. Every channel checks sender ids, conversation ids and texts with `valid_text`
before anything reaches Rasa, and refuses them with a 400 otherwise.
"""
from __future__ import annotations

from typing import Any

MAX_ID_CHARS = 128


def valid_text(value: Any, max_chars: int | None = None, allow_nul: bool = False) -> bool:
    """A str that encodes as UTF-8 (no lone surrogates) and holds no NUL (unless `allow_nul`: a message's control
    characters are dropped by bot/turns.clean_text anyway); at most `max_chars` characters."""
    if not isinstance(value, str) or (not allow_nul and "\x00" in value):
        return False
    if max_chars is not None and len(value) > max_chars:
        return False
    try:
        value.encode("utf-8", "strict")
    except UnicodeEncodeError:
        return False
    return True


def valid_id(value: Any, max_chars: int = MAX_ID_CHARS) -> bool:
    """A sender / conversation id: valid text, not blank, no control characters, bounded."""
    return (valid_text(value, max_chars) and bool(value.strip())
            and not any(ord(ch) < 32 or ord(ch) == 127 for ch in value))
