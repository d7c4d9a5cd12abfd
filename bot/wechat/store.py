"""Per-process state of the WeChat channel."""
from __future__ import annotations

import time
from collections import OrderedDict
from typing import Any, Callable, Tuple


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
