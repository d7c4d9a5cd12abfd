"""Answer text: the channel's own words, splitting long answers and rendering Rasa's replies (buttons as numbers)."""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Dict, List, Optional, Tuple

WECHAT_TEXT_LIMIT = 2048          # bytes of UTF-8 in one text message (passive reply and 客服消息)

ASK_TEXT = "我只能看懂文字。请发文字问题，比如：找到工作有啥补贴。"
ASK_VOICE = "没听清这段语音。请发文字，或说普通话语音。"
UNKNOWN_MENU = "这个菜单还没开通。请直接发文字问题，比如：找到工作有啥补贴。"
EMPTY_ANSWER = "抱歉，这个问题我暂时答不上来。可以换个说法，或拨打人社服务热线12333。"
SORRY = "抱歉，系统出了点问题。请稍后再试，或拨打人社服务热线12333。"
HINT_MORE = "\n（内容较长，后面的部分马上发来；没收到请回复“继续”）"
HINT_NEXT = "\n（回复“继续”看下一段）"
HINT_UNSENT = "（之前的回答还有内容没发出去，回复“继续”查看）"
BUTTONS_HEAD = "回复数字："
CONTINUE_WORDS = {"继续", "继续。", "继续！", "继续吧"}

# Custom-menu CLICK keys (set the same keys when creating the menu) → the question the assistant answers.
MENU_QUESTIONS: Dict[str, str] = {
    "KEY_JOB": "找到工作有啥补贴",
    "KEY_TRANSPORT": "外出务工路费能报多少",
    "KEY_DOCS": "要带啥材料",
    "KEY_HUMAN": "转人工",
}

SENTENCE_ENDS = "。！？!?\n"
_SENTENCE = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』）)]*\n*|\n+|$)")
_SOFT_BREAKS = "；;，,、 "


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def _sentences(text: str) -> List[str]:
    return [m.group(0) for m in _SENTENCE.finditer(text) if m.group(0)]


def _hard_cut(text: str, max_bytes: int) -> Tuple[str, str]:
    """Cut a sentence that alone exceeds max_bytes: at the last comma-like break in the fitting prefix if that keeps
    at least half of it, else at the last whole character that fits."""
    size, cut = 0, 0
    for i, ch in enumerate(text):
        size += utf8_len(ch)
        if size > max_bytes:
            break
        cut = i + 1
    head = text[:cut]
    soft = max(head.rfind(c) for c in _SOFT_BREAKS)
    if soft >= 0 and soft + 1 >= len(head) // 2:
        cut = soft + 1
    return text[:cut], text[cut:]


def split_text(text: str, max_bytes: int = WECHAT_TEXT_LIMIT) -> List[str]:
    """Split text into parts of at most max_bytes UTF-8 bytes, at sentence ends (。！？!? or a line break) where
    possible. Parts are stripped of surrounding whitespace; nothing but that whitespace is lost."""
    if max_bytes < 8:
        raise ValueError("max_bytes too small")
    text = text.strip()
    if utf8_len(text) <= max_bytes:
        return [text] if text else []
    parts: List[str] = []
    current = ""
    for sentence in _sentences(text):
        if utf8_len(current + sentence) <= max_bytes or utf8_len((current + sentence).strip()) <= max_bytes:
            current += sentence
            continue
        if current.strip():
            parts.append(current.strip())
        current = sentence
        while utf8_len(current.strip()) > max_bytes:
            head, current = _hard_cut(current.strip(), max_bytes)
            parts.append(head.strip())
    if current.strip():
        parts.append(current.strip())
    return [p for p in parts if p]


def render_messages(messages: List[Dict[str, Any]]) -> Tuple[str, str, List[str]]:
    """Rasa's collected replies → (text, numbered button menu, the buttons' payloads in menu order)."""
    texts: List[str] = []
    titles: List[str] = []
    payloads: List[str] = []
    for m in messages:
        if m.get("text"):
            texts.append(str(m["text"]).strip())
        if m.get("image"):
            texts.append(f"图片：{m['image']}")
        if m.get("attachment"):
            texts.append(str(m["attachment"]))
        custom = m.get("custom")
        if isinstance(custom, dict) and isinstance(custom.get("text"), str):
            texts.append(custom["text"].strip())
        for b in m.get("buttons") or []:
            if not isinstance(b, dict):
                continue
            title = str(b.get("title") or b.get("payload") or "").strip()
            payload = str(b.get("payload") or b.get("title") or "").strip()
            if title and payload and payload not in payloads:
                titles.append(title)
                payloads.append(payload)
    text = "\n\n".join(t for t in texts if t)
    menu = (BUTTONS_HEAD + "\n" + "\n".join(f"{i} {t}" for i, t in enumerate(titles, 1))) if payloads else ""
    return text, menu, payloads


def menu_choice(text: str) -> Optional[int]:
    """"1", "２", " 3。" → the number; anything else → None."""
    t = unicodedata.normalize("NFKC", text).strip().rstrip("。.、")
    return int(t) if re.fullmatch(r"[0-9]{1,2}", t) else None
