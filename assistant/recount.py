"""Several of a unit's counts put right in one message ("等下，我看错表了：衡阳来的是3个，贵州的是5个；本县走的是3个不是
2个，今年3月补的也是3个"): the message that told the people (kept by the core, PEOPLE_SAID) is read again with each count
put right where its words name it, and its groups, head-counts and times stand in place of those said before.

One count put right is left to the correction handlers of understand.py (they know a count from its word alone); this
reads only a message with two or more counts, each named by words of its own (a place, a month, a category, who left
or came), found in the clause of one count of the message kept."""
from __future__ import annotations

import datetime as dt

from policies import default_gazetteer
from policies import normalize as nz
from policies import rx as re

from .extract import MAX_TEXT, Extracted, extract

_NUM = r"[0-9]+|[一二两三四五六七八九十]+|俩|仨"
# one count put right: its words, the count now, and the count said before when the message says it
# ("衡阳来的是3个", "本县走的是3个不是2个", "缺2天的是4个人", "今年3月补的也是3个", "那批建档立卡的是四个不是三个")
_ITEM = re.compile(rf"(?P<words>[^，。,；;：:？?！!\s]{{2,16}}?)(?:的)?\s*(?:应该|其实|实际)?(?:也|还|都)?(?:是|有)\s*"
                   rf"(?P<now>{_NUM})\s*(?:个|名|位|人)(?:人)?"
                   rf"(?:[，,]?\s*(?:不是|而不是|不是说的)\s*(?P<was>{_NUM})\s*(?:个|名|位|人)?)?")
# a count of the message kept
_COUNT = re.compile(rf"(?P<n>{_NUM})(?=\s*(?:个|名|位|人))")
_CORRECTING = re.compile(nz.CORRECTION_WORDS + r"|看错|记错|算错|数错|不对|更正|改一下|重新算")


def _count(word: str) -> float | None:
    n = 2 if word == "俩" else 3 if word == "仨" else nz.parse_count(word)
    return float(n) if n else None


def _keys(words: str, as_of: dt.date) -> list[str]:
    """The words that name a count: its places, its month, its kind of people, what they did."""
    keys = [k for k in nz.COUNT_NAMING_WORDS if k in words]
    gaz = default_gazetteer()
    for n in (4, 3, 2):
        for i in range(len(words) - n + 1):
            w = words[i:i + n]
            if gaz.find_all(w) and not any(w in k for k in keys):
                keys.append(w)
    keys += [m.group(0) for m in re.finditer(r"(?:[0-9]{1,2}|十[一二]|[一二三四五六七八九十])\s*月", words)]
    keys += [m.group(0) for m in re.finditer(r"去年|今年|前年", words)]
    # (a length said of them: "缺2天的", "干了5个月就走的")
    keys += [re.sub(r"\s+", "", m.group(0)) for m in re.finditer(rf"(?:{_NUM})\s*(?:天|个月)", words)]
    return keys


def _clause_at(text: str, at: int, pauses: list[int] = ()) -> tuple[int, int]:
    """The clause around `at`: parted by the text's marks and by a voice message's pauses (nz.voice_pauses)."""
    a = max([text.rfind(c, 0, at) + 1 for c in "，,。；;：:！!？?\n"] + [p for p in pauses if p <= at])
    ends = [i for i in (text.find(c, at) for c in "，,。；;！!？?\n") if i >= 0] + [p for p in pauses if p > at]
    return a, min(ends) if ends else len(text)


def items_of(text: str) -> list[tuple[str, float, float | None]]:
    """The counts a message puts right: (their words, the count now, the count said before or None)."""
    out = []
    for m in _ITEM.finditer(text or ""):
        now = _count(m.group("now"))
        was = _count(m.group("was")) if m.group("was") else None
        words = re.sub(rf"^(?:{nz.CORRECTION_WORDS}|看错了?表?|记错了?|不对|等下|等一下|哦|哎|我|俺|其实|应该)+", "",
                       m.group("words"))
        if now and len(words) >= 2:
            out.append((words, now, was))
    return out


def reread(said_before: str | None, text: str, as_of: dt.date) -> str | None:
    """The message kept, with each count the new message puts right put right in it; None when this message is not
    such a correction or a count's words are found nowhere in it."""
    if not isinstance(said_before, str) or not said_before or not isinstance(text, str):
        return None
    items = items_of(text)
    # (put right by its words, or by the count it is not: "去年十一月那批建档立卡的是四个不是三个")
    if len(items) < 2 or not (_CORRECTING.search(text) or any(was is not None for _w, _n, was in items)):
        return None
    pauses = nz.voice_pauses(said_before)     # (a voice message's clauses, as extract reads them)
    # (counts named only by who they are, "脱贫户是5个不是8个，低收入的还是4个", are the parts of a total said with them:
    # understand's correction handlers put those right, and the total with them)
    if all(set(_keys(w, as_of)) <= set(nz.COUNT_NAMING_CATEGORIES) for w, _n, _was in items):
        return None
    counts = [(m.start("n"), m.end("n"), _count(m.group("n"))) for m in _COUNT.finditer(said_before)]
    counts = [c for c in counts if c[2]]
    changed = {}
    for words, now, was in items:
        keys = _keys(words, as_of)
        if not keys:
            return None
        best, best_score = None, 0.0
        for s, e, n in counts:
            if (s, e) in changed:
                continue
            a, b = _clause_at(said_before, s, pauses)
            clause = said_before[a:b]
            score = sum(1.0 for k in keys if k in clause)
            score += 0.5 * sum(1 for k in keys if k in said_before[max(0, s - 12):s])
            if was is not None:
                score += 2.0 if n == was else -1.0
            elif n == now:
                score += 0.25       # ("边缘户还是1个": said again as it was)
            if score > best_score:
                best, best_score = (s, e, n), score
        if best is None or best_score < 1.0:
            return None
        changed[(best[0], best[1])] = now
    out = said_before
    for (s, e), now in sorted(changed.items(), reverse=True):
        out = out[:s] + f"{now:g}" + out[e:]
    return out if out != said_before else None


def recounted(said_before: str | None, text: str, place: str | None, as_of: dt.date, hiring: bool) -> \
        tuple[Extracted, str] | None:
    """The people of the message kept, read again with the counts put right (and that message), or None."""
    again = reread(said_before, text, as_of)
    if again is None:
        return None
    ex = extract(again[:MAX_TEXT], [], place, as_of, hiring=hiring)
    heads = ("new_hires", "hired_poor_count", "referred_count", "trainee_count", "staff_total", "intern_count")
    if not any(k in ex.facts for k in heads) and not ex.group_months:
        return None
    return ex, again
