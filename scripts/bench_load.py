"""Load generators for scripts/bench.py: realistic multi-turn conversations through the REST channel (loopback only).

- sequential(): one user, no load, each message sent when the previous reply arrived;
- open_loop(): messages arrive at a fixed rate whatever the server does (independent users). Send times are
  scheduled up front and latency is taken from the *scheduled* time, so a server that falls behind is charged for
  the queueing it causes (no coordinated omission). Each simulated user sends the next turn of its conversation a
  fixed think time after the previous one, answered or not (a slow answer is queued behind by Rasa's lock store);
- closed_loop(): C users, each sending its next message as soon as the previous reply arrives: the saturation
  throughput of the set-up.

Every reply is checked: HTTP 200 with a non-empty list of bot messages; the "系统正在忙" stand-in (the turn ran past
ASSISTANT_REPLY_TIMEOUT) and the apology of a failed turn are counted apart.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import time
import urllib.parse
from dataclasses import dataclass, field

import aiohttp

# The conversations (each one a distinct user; the turns in order).
CONVERSATIONS: list[list[str]] = [
    ["我在社区工厂干了一年能拿多少补贴", "千阳的", "脱贫户 签了一年合同", "那要带啥材料"],
    ["千阳的脱贫户去外省打工车票680能报多少", "去哪办"],
    ["我是汉阴的贫困户 想参加创业培训 有补贴吗", "拿到合格证了"],
    ["海伦的 建档立卡户 娃上技校有补助没"],
    ["我是三亚的贫困户 想开个小店 能贷多少款"],
    ["我们长沙的厂招了3个建档立卡贫困户 签了合同 干满一年了 社保也交了 有啥补贴", "签的两年"],
]
BUSY = "系统正在忙"              # bot/turns.py MSG_SLOW: the reply came after ASSISTANT_REPLY_TIMEOUT
FAILED = ("抱歉，这次没能给出答案", "抱歉，系统出了点问题")   # MSG_NOTHING, actions' SORRY


def messages_per_round() -> int:
    return sum(len(c) for c in CONVERSATIONS)


def check_loopback(url: str) -> None:
    host = urllib.parse.urlparse(url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"refusing to send load to {host}: loopback only")


@dataclass
class Result:
    """One load run: latencies in seconds of the messages answered, and what went wrong."""
    kind: str
    offered_rate: float | None = None
    duration_s: float = 0.0           # the window the messages were sent in
    wall_s: float = 0.0               # until the last reply
    sent: int = 0
    latencies: list[float] = field(default_factory=list)
    all_answered: int = 0             # closed loop: replies including the warm-up (for CPU per message)
    errors: int = 0                   # connection error, timeout, non-200, empty or unreadable reply
    busy: int = 0                     # the stand-in instead of the answer
    failed: int = 0                   # an apology instead of the answer
    max_send_lag_s: float = 0.0       # how late the generator sent a scheduled message (should be ~0)
    examples: list[str] = field(default_factory=list)

    @property
    def answered(self) -> int:
        """Messages answered in time (latencies holds inf for the others)."""
        return sum(1 for x in self.latencies if x != float("inf"))

    def throughput(self) -> float:
        """Answered messages per second (window: first send to last reply)."""
        return self.answered / self.wall_s if self.wall_s else 0.0

    def to_dict(self) -> dict:
        d = {k: getattr(self, k) for k in ("kind", "offered_rate", "duration_s", "wall_s", "sent", "errors", "busy",
                                           "failed", "max_send_lag_s")}
        d.update(answered=self.answered, throughput=self.throughput(), latencies=self.latencies,
                 examples=self.examples[:5])
        return d


INF = float("inf")


async def _post(session: aiohttp.ClientSession, url: str, sender: str, text: str, timeout: float,
                res: Result) -> bool:
    """Send one message; True when it was answered in time (not an error, not the busy stand-in); the latency is
    the caller's to record."""
    try:
        async with session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                                timeout=aiohttp.ClientTimeout(total=timeout)) as r:
            raw = await r.read()
            status = r.status
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as e:
        res.errors += 1
        res.examples.append(f"{sender}: {type(e).__name__} {e}"[:160])
        return False
    if status != 200:
        res.errors += 1
        res.examples.append(f"{sender}: HTTP {status} {raw[:80]!r}")
        return False
    try:
        body = json.loads(raw)
    except ValueError:
        res.errors += 1
        return False
    text_out = "\n".join((m.get("text") or "") for m in body if isinstance(m, dict)) if isinstance(body, list) else ""
    if not text_out.strip():
        res.errors += 1
        res.examples.append(f"{sender}: empty reply to {text!r}")
        return False
    if BUSY in text_out:
        res.busy += 1
        return False
    if any(f in text_out for f in FAILED):
        res.failed += 1
        res.examples.append(f"{sender}: apology for {text!r}")
    return True


def _session() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0, force_close=False))


async def sequential(url: str, prefix: str, rounds: int = 2, timeout: float = 90) -> Result:
    """One user at a time, no load: every conversation `rounds` times, a fresh sender each time."""
    check_loopback(url)
    res = Result("sequential")
    async with _session() as session:
        t0 = time.perf_counter()
        for r in range(rounds):
            for i, conv in enumerate(CONVERSATIONS):
                sender = f"{prefix}-{r}-{i}"
                for text in conv:
                    res.sent += 1
                    t = time.perf_counter()
                    ok = await _post(session, url, sender, text, timeout, res)
                    res.latencies.append(time.perf_counter() - t if ok else INF)
        res.wall_s = res.duration_s = time.perf_counter() - t0
    return res


def schedule(rate: float, duration: float, think_s: float, prefix: str) -> list[tuple[float, str, str]]:
    """(send offset in s, sender, text) for every message of an open-loop run, fixed up front.

    Message k goes out at k / rate. round(rate * think_s) users are active at once, served round-robin, so each
    user's next turn comes think_s after its previous one; a user who has finished its conversation is replaced by
    a new user (new sender id) with the next conversation."""
    n = max(1, int(round(rate * duration)))
    slots = max(1, int(round(rate * think_s)))
    conv_ids = itertools.count()
    active: list[list] = [[None, None, 0] for _ in range(slots)]    # sender, conversation, next turn
    out = []
    for k in range(n):
        slot = active[k % slots]
        if slot[0] is None or slot[2] >= len(slot[1]):
            c = next(conv_ids)
            slot[0], slot[1], slot[2] = f"{prefix}-{c}", CONVERSATIONS[c % len(CONVERSATIONS)], 0
        out.append((k / rate, slot[0], slot[1][slot[2]]))
        slot[2] += 1
    return out


async def open_loop(url: str, rate: float, duration: float, prefix: str, think_s: float = 4.0,
                    timeout: float = 120) -> Result:
    check_loopback(url)
    plan = schedule(rate, duration, think_s, prefix)
    res = Result("open", offered_rate=rate, duration_s=len(plan) / rate)
    loop = asyncio.get_running_loop()

    async def one(t_sched: float, sender: str, text: str):
        ok = await _post(session, url, sender, text, timeout, res)
        res.latencies.append(loop.time() - t_sched if ok else INF)   # from the scheduled time, not the actual send

    async with _session() as session:
        t0 = loop.time() + 0.2
        tasks = []
        for off, sender, text in plan:
            t_sched = t0 + off
            delay = t_sched - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            res.max_send_lag_s = max(res.max_send_lag_s, loop.time() - t_sched)
            res.sent += 1
            tasks.append(asyncio.ensure_future(one(t_sched, sender, text)))
        await asyncio.gather(*tasks)
        res.wall_s = loop.time() - t0
    return res


async def closed_loop(url: str, users: int, duration: float, prefix: str, warmup: float = 3.0,
                      timeout: float = 120) -> Result:
    """`users` users sending back to back for warmup + duration seconds; only replies that arrive inside the
    measured window (after the warm-up) count toward the throughput and the latencies."""
    check_loopback(url)
    res = Result("closed")
    loop = asyncio.get_running_loop()
    conv_ids = itertools.count()
    async with _session() as session:
        start = loop.time()
        w0, w1 = start + warmup, start + warmup + duration

        async def user(u: int):
            while loop.time() < w1:
                c = next(conv_ids)
                sender = f"{prefix}-{u}-{c}"
                for text in CONVERSATIONS[c % len(CONVERSATIONS)]:
                    if loop.time() >= w1:
                        return
                    t = loop.time()
                    tmp = Result("x")
                    ok = await _post(session, url, sender, text, timeout, tmp)
                    t_end = loop.time()
                    res.all_answered += ok
                    if w0 <= t_end <= w1:      # a reply inside the measured window
                        res.sent += 1
                        res.errors += tmp.errors
                        res.busy += tmp.busy
                        res.failed += tmp.failed
                        res.examples += tmp.examples
                        if ok:
                            res.latencies.append(t_end - t)

        await asyncio.gather(*(user(u) for u in range(users)))
    res.duration_s = res.wall_s = duration
    return res


def percentiles(xs: list[float], qs=(50, 95, 99)) -> dict[int, float]:
    if not xs:
        return {q: float("nan") for q in qs}
    import numpy as np
    a = np.asarray(xs)
    return {q: float(np.percentile(a, q)) for q in qs}
