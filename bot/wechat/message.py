"""One incoming WeChat message (checked fields, conversation id, de-duplication key) and the answer to it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional

_OPENID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def mask(openid: Optional[str]) -> str:
    """An OpenID (or wx:<openid>) for logs: first 4 characters of the OpenID + ***."""
    if not openid:
        return "?"
    if openid.startswith("wx:"):
        return "wx:" + openid[3:7] + "***"
    return openid[:4] + "***"


@dataclass
class Answer:
    parts: List[str] = field(default_factory=list)
    payloads: List[str] = field(default_factory=list)  # the numbered buttons (menu at the end of the last part)


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
