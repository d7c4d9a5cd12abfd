"""Hostile and odd input through the REST channel (tests/data/hostile_messages.txt, one Python string literal per
line): every message gets a proper Chinese reply within 5 seconds, never a 5xx, a traceback, a Python repr or an
ID / phone number echoed in full; long input is cut with a notice; and the same sender's next normal message is
still answered correctly (every 20th: a full question whose answer is known: 500元 for a 千阳 脱贫户's cross-province
fare of 680), so odd input does not corrupt the conversation state."""
from __future__ import annotations

import ast
import json
import re
import time
import urllib.error
import urllib.request
from collections import Counter

import pytest

from bot.turns import MAX_CHARS, MSG_CUT, MSG_SLOW
from tests.reliability.helpers import report, text_of
from scripts.servers import ROOT

DATA = ROOT / "tests" / "data" / "hostile_messages.txt"
FULL_QUESTION = "千阳的脱贫户去外省打工车票680能报多少"
NORMAL = "你好"
BLOCK = 20            # messages per sender; the last of each block is followed by FULL_QUESTION

CJK = re.compile(r"[\u4e00-\u9fff]")
# what must never reach a user: Python internals
LEAK = re.compile(r"Traceback|File \"|\w+Error\b|\w+Exception\b|object at 0x|<class '|<function |\bNone\b|"
                  r"\{'\w+': |\['|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|sqlalchemy|psycopg|sanic|rasa\.", re.I)
# personal identifiers (after removing the separators people type)
PII = [re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9Xx])"),   # 18-digit ID
       re.compile(r"(?<![0-9])[1-9][0-9]{14}(?![0-9])"),            # 15-digit ID
       re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])"),            # mobile
       re.compile(r"(?<![0-9])0[1-9][0-9]{1,2}[0-9]{7,8}(?![0-9])")]  # landline with area code
SEP = re.compile(r"[\s\-+()（）]")


def load_messages() -> list[tuple[str, str]]:
    """(group, message) for every message line; '## name' lines start a group."""
    out, group = [], "?"
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            group = line[3:].strip()
        elif line.strip() and not line.startswith("#"):
            value = ast.literal_eval(line)
            assert isinstance(value, str), line[:60]
            out.append((group, value))
    return out


def identifiers(message: str) -> list[str]:
    flat = SEP.sub("", message)
    return [m.group(0) for rx in PII for m in rx.finditer(flat)]


def cleaned_length(message: str) -> int:
    """Length of the text the channel passes on (bot/turns.py clean_text: control characters dropped, stripped)."""
    return len("".join(ch for ch in message if ch in "\n\t" or ord(ch) >= 32).strip())


def post(url: str, sender: str, message: str):
    payload = {"sender": sender, "message": message}
    try:   # UTF-8 as a browser sends it; lone surrogates can only travel as \\u escapes
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        data = json.dumps(payload).encode("ascii")
    req = urllib.request.Request(url + "/webhooks/rest/webhook", data=data,
                                 headers={"Content-Type": "application/json"})
    t0 = time.time()
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            raw, status = r.read(), r.status
    except urllib.error.HTTPError as e:
        raw, status = e.read(), e.code
    took = time.time() - t0
    try:
        body = json.loads(raw)
    except ValueError:
        body = raw.decode("utf-8", "replace")
    return status, body, took


def _unencodable(message: str) -> bool:
    try:
        message.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


def problems_with(message: str, status: int, body, took: float) -> list[str]:
    if status == 400 and _unencodable(message):
        # not UTF-8 text (a lone surrogate): refused before Rasa sees it, with a Chinese message (docs/security.md)
        ok = isinstance(body, dict) and CJK.search(str(body.get("error") or ""))
        return [] if ok else [f"HTTP 400 without a Chinese message: {str(body)[:100]}"]
    if status != 200:
        return [f"HTTP {status}: {str(body)[:100]}"]
    if not isinstance(body, list) or not body or not all(isinstance(r, dict) for r in body):
        return [f"not a non-empty list of messages: {str(body)[:100]}"]
    text = text_of(body)
    out = []
    if not CJK.search(text):
        out.append(f"no Chinese text: {text[:100]!r}")
    m = LEAK.search(text)
    if m:
        out.append(f"internals in the reply ({m.group(0)!r}): {text[:160]!r}")
    flat = SEP.sub("", text)
    for ident in identifiers(message):
        if ident in flat:
            out.append(f"identifier {ident[:4]}… echoed in full")
    if cleaned_length(message) > MAX_CHARS and MSG_CUT.format(n=MAX_CHARS) not in text:
        out.append("long input without the cut notice")
    if MSG_SLOW in text or took >= 5:
        out.append(f"no answer within 5 s ({took:.1f}s)")
    return out


def test_the_checks_catch_what_they_must():
    ok = [{"recipient_id": "x", "text": "您好！我是就业帮扶政策助手。"}]
    assert problems_with("你好", 200, ok, 0.1) == []
    assert problems_with("你好", 500, "Internal Server Error", 0.1)
    assert problems_with("你好", 200, [], 0.1)
    assert problems_with("你好", 200, [{"text": "hello"}], 0.1)
    for leak in ["Traceback (most recent call last):", "KeyError: 'place'", "<class 'dict'>", "{'place': None}",
                 "对象 <object at 0x7f>", "\\u5343"]:
        assert problems_with("你好", 200, [{"text": "您好" + leak}], 0.1), leak
    assert problems_with("我身份证610328199001011234", 200, [{"text": "您的身份证610328199001011234"}], 0.1)
    assert problems_with("电话139-1234-5678", 200, [{"text": "回电 139 1234 5678"}], 0.1)
    assert problems_with("电话139-1234-5678", 200, [{"text": "回电 139****5678"}], 0.1) == []
    assert problems_with("啊" * 1001, 200, ok, 0.1)                  # no cut notice
    assert problems_with("你好", 200, [{"text": MSG_SLOW}], 0.1)
    assert problems_with("你好", 200, ok, 5.2)


def test_the_message_file_covers_every_kind_of_odd_input():
    msgs = load_messages()
    groups = Counter(g for g, _ in msgs)
    assert len(msgs) >= 200, len(msgs)
    for needed in ["empty", "10 000", "emoji", "English", "traditional", "pinyin", "bare numbers", "ID numbers",
                   "phone", "HTML", "SQL", "XML", "control", "very long numbers", "absurd amounts", "mixed scripts",
                   "RTL", "zero-width", "JSON", "format strings", "path traversal", "null bytes", "shell"]:
        assert any(needed.lower() in g.lower() for g in groups), needed
    bodies = [m for _, m in msgs]
    assert "" in bodies and any(len(m) >= 10000 for m in bodies) and any("\x00" in m for m in bodies)
    assert {"干了-3个月", "路费100万", "签了999年合同", "{0}{1}%s%d"} <= set(bodies)
    assert any("<!ENTITY lol9" in m for m in bodies)                      # billion laughs


@pytest.mark.servers
@pytest.mark.slow
def test_every_hostile_message_gets_a_proper_reply_and_the_conversation_goes_on(stack):
    msgs = load_messages()
    failures, lat, counts = [], [], Counter()
    apologies, long_numbers, erased, slowest = [], [], [], (0.0, "")
    t0 = time.time()
    for i, (group, message) in enumerate(msgs):
        sender = f"hostile-{i // BLOCK:02d}"
        status, body, took = post(stack.url, sender, message)
        lat.append(took)
        counts["tried"] += 1
        bad = problems_with(message, status, body, took)
        if bad:
            failures.append(f"#{i} [{group}] {message[:40]!r}: {'; '.join(bad)}")
            continue
        counts["replied"] += 1
        text = text_of(body)
        counts["cut_notice"] += MSG_CUT.format(n=MAX_CHARS) in text
        counts["masked_ids"] += bool(identifiers(message))
        if "抱歉" in text:                      # a plain apology (an action failed or nothing to say): allowed
            apologies.append(f"#{i} {message[:30]!r}")
        if re.search(r"[0-9]{12,}", SEP.sub("", text)):   # an absurd number repeated back: allowed, reported
            long_numbers.append(f"#{i} {message[:30]!r}")
        if "已删除" in text:                    # the conversation was erased: reported (expected only when asked)
            erased.append(f"#{i} {message[:30]!r}")
        if took > slowest[0]:
            slowest = (took, f"#{i} {message[:30]!r}")
        # the same sender's next normal message is still answered correctly
        last_of_block = i % BLOCK == BLOCK - 1 or i == len(msgs) - 1
        follow = FULL_QUESTION if last_of_block else NORMAL
        status, body, took = post(stack.url, sender, follow)
        bad = problems_with(follow, status, body, took)
        text = text_of(body)
        if last_of_block:
            counts["spot_checks"] += 1
            if not ("500元" in text and "千人社发〔2021〕141号" in text):
                bad.append(f"full question not answered with 500元: {text[:160]!r}")
        elif "政策助手" not in text:
            bad.append(f"greeting not answered: {text[:100]!r}")
        counts["follow_ups"] += 1
        if bad:
            failures.append(f"after #{i} [{group}] {message[:40]!r}: {'; '.join(bad)}")
        else:
            counts["follow_ups_ok"] += 1
    lat.sort()
    figures = {"messages_tried": counts["tried"], "groups": len({g for g, _ in msgs}),
               "replied_properly": counts["replied"], "follow_ups": counts["follow_ups"],
               "follow_ups_correct": counts["follow_ups_ok"], "spot_checks_500": counts["spot_checks"],
               "cut_notices": counts["cut_notice"], "with_id_or_phone": counts["masked_ids"],
               "apologies": len(apologies), "long_numbers_echoed": len(long_numbers), "erasures": len(erased),
               "failures": len(failures),
               "latency_max_s": round(lat[-1], 2), "latency_p95_s": round(lat[int(0.95 * (len(lat) - 1))], 2),
               "duration_s": round(time.time() - t0, 1), "slowest": slowest[1], "apology_for": apologies,
               "long_numbers_for": long_numbers, "erased_after": erased, "failure_examples": failures[:20]}
    report("hostile", figures)
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures[:30])
    assert counts["cut_notice"] == sum(cleaned_length(m) > MAX_CHARS for _, m in msgs) > 0
    assert counts["spot_checks"] == (len(msgs) + BLOCK - 1) // BLOCK


@pytest.mark.servers
def test_a_body_over_64kb_is_refused_with_a_chinese_message_not_a_5xx(stack):
    status, body, _ = post(stack.url, "hostile-big", "啊" * 30000)      # 90 KB of UTF-8
    assert status == 413 and "太长" in str(body), (status, str(body)[:100])
