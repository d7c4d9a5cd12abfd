"""The date answers are given for: today, or ASSISTANT_TODAY=YYYY-MM-DD (tests, replaying a day). The one place
"today" is read."""
from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    pinned = os.environ.get("ASSISTANT_TODAY")
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            pass
    return dt.date.today()
