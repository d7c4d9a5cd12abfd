#!/usr/bin/env python3
"""Load test of a running assistant through the REST channel (loopback; bounded: N senders x T turns, then stop).

Each sender has its own facts (a place under one of the five documents and its own fare / contract length /
training days / internship months / insurance amount) and every answer is checked against them:

  lost       a request that got no reply (connection error, timeout, non-200, empty list, no text)
  slow       the "系统正在忙" stand-in instead of the answer (the turn ran past ASSISTANT_REPLY_TIMEOUT)
  misrouted  a reply addressed to another sender, citing another document, or showing another place as the
             sender's facts (a reply meant for someone else)
  wrong      the sender's document number or amount is missing from an answer that must state it
  leaked     (tracker check of a sample of senders) a slot value, user message or event count that is not
             exactly this sender's own

    .venv/bin/python scripts/load_test.py --url http://127.0.0.1:5005 [--senders 200] [--turns 10]

Several --url (Rasa processes sharing one tracker store and a Redis lock store): sender i sends turn k to url
(i + k) mod n, so every conversation hops between the processes. Prints messages sent, failures by kind,
p50/p95/max latency, how many replies took longer than the channel's default reply timeout (4.5 s; the server
under test should run with a larger ASSISTANT_REPLY_TIMEOUT, or those become "slow") and the throughput;
--json FILE writes the same figures.
Exit status 0 only when nothing was lost, slow, misrouted, wrong or leaked.
"""
from __future__ import annotations

import argparse
import os
import asyncio
import json
import statistics
import sys
import time
import urllib.parse
from dataclasses import dataclass, field

import aiohttp

DOCS = {"qy": "千人社发〔2021〕141号", "ak": "安政办发〔2016〕74号", "sh": "绥人社发〔2019〕18号",
        "hn": "湘人社发〔2017〕58号", "hi": "关于做好劳务输出脱贫工作的通知"}
# Places as typed (towns, counties, cities, each resolving to one of the five documents); each must then appear in
# the "我记下的" line and in the place slot.
PLACES = {
    "qy": ["千阳", "崔家头镇", "南寨镇", "张家塬镇", "水沟镇", "草碧镇", "高崖镇", "千阳县"],
    "ak": ["汉阴", "石泉", "宁陕", "紫阳", "岚皋", "平利", "镇坪", "白河", "汉滨区", "安康"],
    "sh": ["海伦", "安达", "肇东", "望奎", "兰西", "青冈", "庆安", "明水", "绥棱", "北林区", "绥化"],
    "hn": ["长沙", "株洲", "湘潭", "衡阳", "邵阳", "岳阳", "常德", "张家界", "益阳", "郴州", "永州", "怀化", "娄底",
           "吉首"],
    "hi": ["海口", "三亚", "儋州", "五指山", "琼海", "文昌", "万宁", "东方", "澄迈", "临高", "定安", "屯昌"],
}
KINDS = ["qy_fare", "ak_intern", "sh_school", "hn_days", "hi_insurance", "qy_contract"]
BUSY = "系统正在忙"
DEFAULT_REPLY_TIMEOUT = 4.5   # bot/turns.py ASSISTANT_REPLY_TIMEOUT default


def money(x: int) -> str:
    return f"{x}元"  # the scenarios avoid multiples of 10000 (written 1万元)


@dataclass
class Turn:
    text: str
    has: list[str] = field(default_factory=list)     # must all appear in the reply
    doc: bool = True                                 # the reply must cite the sender's own document
    known: list[str] = field(default_factory=list)   # must appear in the "我记下的" line


@dataclass
class Sender:
    sid: str
    kind: str
    doc: str
    place: str
    turns: list[Turn]
    final: dict            # expected slot values after the last turn: {"place": short, fact: value}
    latencies: list[float] = field(default_factory=list)
    problems: list[tuple[str, int, str]] = field(default_factory=list)   # (kind, turn, detail)
    sent: int = 0
    replied: int = 0


def plan(i: int, turns: int, prefix: str) -> Sender:
    """Sender i's facts and script (deterministic): its own place and numbers, a different one every turn."""
    kind = KINDS[i % len(KINDS)]
    j = i // len(KINDS)
    dk = kind[:2]
    place = PLACES[dk][j % len(PLACES[dk])]
    sid = f"{prefix}-{i:04d}-{kind}"
    script: list[Turn] = []
    final: dict = {"place": place}

    if kind == "qy_fare":
        script += [Turn(f"我是{place}的脱贫户", doc=False, known=[place, "脱贫劳动力"]),
                   Turn("去外省打工路费能报多少", has=["跨省就业一次性交通补助", "最高500元"], known=[place])]
        for k in range(max(0, turns - 2)):
            fare = 600 + (j * 13 + k) % 400 if k % 4 == 3 else 101 + (j * 10 + k) % 390
            script.append(Turn(f"车票{fare}", has=[money(min(fare, 500))], known=[place, f"实际交通费{fare}元"]))
            final["transport_cost"] = float(fare)
    elif kind == "qy_contract":
        first = 12 + j % 25
        script += [Turn(f"我是{place}的脱贫户", doc=False, known=[place, "脱贫劳动力"]),
                   Turn(f"找到工作了 签了{first}个月合同 有求职补贴吗", doc=False),
                   Turn("是的", doc=False),
                   Turn("2个月前", has=["一次性求职补贴", "500元", "✓"], known=[place, f"劳动合同期限{first}个月"])]
        final["contract_months"] = float(first)
        for k in range(max(0, turns - 4)):
            n = 1 + (j + k) % 11 if k % 2 == 0 else 13 + (j + k) % 30
            script.append(Turn(f"签了{n}个月合同", has=["一次性求职补贴", "✓" if n >= 12 else "✗"],
                               known=[place, f"劳动合同期限{n}个月"]))
            final["contract_months"] = float(n)
    elif kind == "ak_intern":
        script += [Turn(f"我是{place}的脱贫户 大学毕业生", doc=False, known=[place, "高校毕业生"]),
                   Turn("就业见习补贴有多少", has=["就业见习补贴", "1000元"], known=[place])]
        for k in range(max(0, turns - 2)):
            m = 1 + (j + k) % 9
            script.append(Turn(f"见习了{m}个月", has=[money(1000 * min(m, 6))], known=[place, f"见习月数{m}个月"]))
            final["internship_months"] = float(m)
    elif kind == "hn_days":
        script += [Turn(f"我是{place}的脱贫户", doc=False, known=[place, "脱贫劳动力"]),
                   Turn("参加就业技能培训有生活费补贴吗", has=["就业前技能培训生活费补贴", "每人每天20元"], known=[place])]
        for k in range(max(0, turns - 2)):
            d = 3 + (j * 7 + k) % 88
            script.append(Turn(f"培训了{d}天", has=[money(20 * d)], known=[place, f"培训天数{d}天"]))
            final["training_days"] = float(d)
    elif kind == "hi_insurance":
        script += [Turn(f"我是{place}的脱贫户", doc=False, known=[place, "脱贫劳动力"]),
                   Turn("我们企业吸纳了脱贫户 给他们交了社保", doc=False)]
        for k in range(max(0, turns - 2)):
            x = 3001 + j * 97 + k * 13
            script.append(Turn(f"交了{x}元社保能返还多少", has=["社会保险返还", money(x)], known=[place, f"{x}元"]))
            final["insurance_contributions"] = float(x)
    elif kind == "sh_school":
        script += [Turn(f"我是{place}的脱贫户 孩子在技校上学", doc=False, known=[place, "脱贫劳动力"]),
                   Turn("孩子上技校有补助吗", has=["技工教育补助", "3000元"], known=[place])]
        again = [Turn("这政策还有效吗"), Turn("技校补助发给谁", has=["3000元", "学生或家长"], known=[place]),
                 Turn("孩子上技校有补助吗", has=["3000元"], known=[place])]
        for k in range(max(0, turns - 2)):
            script.append(again[k % len(again)])
    return Sender(sid, kind, DOCS[dk], place, script[:turns], final)


# -------------------------------------------------------------------------------------------- checking answers
def _known_line(text: str) -> str:
    for line in text.splitlines():
        if "我记下的" in line:
            return line
    return ""


def check_reply(s: Sender, n: int, turn: Turn, body) -> list[tuple[str, str]]:
    if not isinstance(body, list) or not body:
        return [("lost", f"empty reply {str(body)[:80]}")]
    problems = []
    others = [r.get("recipient_id") for r in body if r.get("recipient_id") != s.sid]
    if others:
        problems.append(("misrouted", f"addressed to {others[0]}"))
    text = "\n".join(r.get("text") or "" for r in body)
    if not text.strip():
        return problems + [("lost", "reply without text")]
    if BUSY in text:
        return problems + [("slow", "busy stand-in instead of the answer")]
    for no in DOCS.values():
        if no != s.doc and no in text:
            problems.append(("misrouted", f"cites {no}"))
    known = _known_line(text)
    if known:
        shown = known.split("：", 1)[-1].split("，")[0].rstrip("。")
        if shown.endswith(("省", "市", "县", "区", "镇", "州")) and s.place not in shown:
            problems.append(("misrouted", f"facts show {shown!r}, not {s.place}"))
    if turn.doc and s.doc not in text:
        problems.append(("wrong", f"no {s.doc}: {text[:80]!r}"))
    for h in turn.has:
        if h not in text:
            problems.append(("wrong", f"missing {h!r}: {text[:100]!r}"))
    for k in turn.known:
        if k not in known:
            problems.append(("wrong", f"facts line lacks {k!r}: {known[:100]!r}"))
    return problems


async def run_sender(session: aiohttp.ClientSession, urls: list[str], idx: int, s: Sender, timeout: float) -> None:
    for n, turn in enumerate(s.turns):
        url = urls[(idx + n) % len(urls)]
        t0 = time.perf_counter()
        s.sent += 1
        try:
            async with session.post(f"{url}/webhooks/rest/webhook", json={"sender": s.sid, "message": turn.text},
                                    timeout=aiohttp.ClientTimeout(total=timeout)) as r:
                raw = await r.read()
                status = r.status
        except (aiohttp.ClientError, asyncio.TimeoutError) as e:
            s.problems.append(("lost", n, f"{type(e).__name__}: {e}"[:120]))
            continue
        s.latencies.append(time.perf_counter() - t0)
        if status != 200:
            s.problems.append(("lost", n, f"HTTP {status}: {raw[:80]!r}"))
            continue
        try:
            body = json.loads(raw)
        except ValueError:
            s.problems.append(("lost", n, f"not JSON: {raw[:80]!r}"))
            continue
        s.replied += 1
        for kind, detail in check_reply(s, n, turn, body):
            s.problems.append((kind, n, detail))


async def check_tracker(session: aiohttp.ClientSession, url: str, s: Sender) -> list[str]:
    """The stored conversation holds exactly this sender's messages, in order, and only this sender's facts."""
    try:
        async with session.get(f"{url}/conversations/{urllib.parse.quote(s.sid)}/tracker",
                               params={"token": os.environ.get("RASA_API_TOKEN", "")},
                               timeout=aiohttp.ClientTimeout(total=60)) as r:
            t = await r.json(content_type=None)
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as e:
        return [f"tracker of {s.sid} unreadable: {e}"]
    out = []
    texts = [e.get("text") for e in t.get("events", []) if e.get("event") == "user"]
    expected = [turn.text for turn in s.turns]
    if texts != expected:
        out.append(f"{s.sid}: user events {len(texts)} != sent {len(expected)} or out of order: {texts[:3]}…")
    slots = t.get("slots") or {}
    if s.place not in (slots.get("place") or ""):
        out.append(f"{s.sid}: place slot {slots.get('place')!r}, expected {s.place}")
    facts = slots.get("facts") or {}
    for k, v in s.final.items():
        if k != "place" and facts.get(k) != v:
            out.append(f"{s.sid}: fact {k}={facts.get(k)!r}, expected {v!r}")
    return out


def pct(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


async def main_async(a) -> dict:
    senders = [plan(i, a.turns, a.prefix) for i in range(a.senders)]
    conn = aiohttp.TCPConnector(limit=0, force_close=False)
    async with aiohttp.ClientSession(connector=conn) as session:
        t0 = time.perf_counter()
        await asyncio.gather(*(run_sender(session, a.url, i, s, a.timeout) for i, s in enumerate(senders)))
        wall = time.perf_counter() - t0
        step = max(1, len(senders) // max(1, a.sample)) if a.sample else 0
        sample = senders[::step][:a.sample] if step else []
        leaks: list[str] = []
        for s in sample:
            leaks += await check_tracker(session, a.url[0], s)
    lat = [x for s in senders for x in s.latencies]
    counts = {k: 0 for k in ("lost", "slow", "misrouted", "wrong")}
    examples = []
    for s in senders:
        for kind, n, detail in s.problems:
            counts[kind] += 1
            if len(examples) < 15:
                examples.append(f"{s.sid} turn {n + 1}: {kind}: {detail}")
    sent = sum(s.sent for s in senders)
    return {"senders": len(senders), "turns": a.turns, "messages_sent": sent,
            "replies": sum(s.replied for s in senders), **counts, "leaked": len(leaks),
            "tracker_checked": len(sample), "failures": sum(counts.values()) + len(leaks),
            "wall_s": round(wall, 2), "throughput_msg_s": round(sent / wall, 2) if wall else None,
            "latency_p50_s": round(pct(lat, 0.50), 3), "latency_p95_s": round(pct(lat, 0.95), 3),
            "latency_max_s": round(max(lat), 3) if lat else None,
            "over_default_reply_timeout": sum(x >= DEFAULT_REPLY_TIMEOUT for x in lat),
            "latency_mean_s": round(statistics.mean(lat), 3) if lat else None,
            "examples": examples + leaks[:10]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", action="append", help="Rasa server on loopback (repeat for several processes; "
                                                   "default http://127.0.0.1:5005)")
    ap.add_argument("--senders", type=int, default=200)
    ap.add_argument("--turns", type=int, default=10)
    ap.add_argument("--timeout", type=float, default=300, help="seconds per request before it counts as lost")
    ap.add_argument("--sample", type=int, default=30, help="senders whose stored tracker is checked (0: none); "
                    "needs Rasa's API opened with RASA_API_TOKEN (scripts/serve.sh), the token read from that variable")
    ap.add_argument("--prefix", default=f"load{int(time.time()) % 100000}", help="sender id prefix")
    ap.add_argument("--json", help="also write the figures to this file")
    a = ap.parse_args(argv)
    a.url = [u.rstrip("/") for u in (a.url or ["http://127.0.0.1:5005"])]
    for u in a.url:
        host = urllib.parse.urlparse(u).hostname
        if host not in ("127.0.0.1", "localhost", "::1"):
            print(f"refusing to load-test {host}: loopback only", file=sys.stderr)
            return 2
    if not (1 <= a.senders <= 5000 and 1 <= a.turns <= 100):
        print("--senders 1..5000, --turns 1..100", file=sys.stderr)
        return 2
    r = asyncio.run(main_async(a))
    print(f"load test: {r['senders']} senders x {r['turns']} turns against {', '.join(a.url)}")
    print(f"  messages sent {r['messages_sent']}, replies {r['replies']}")
    print(f"  failures {r['failures']}: lost {r['lost']}, slow {r['slow']}, misrouted {r['misrouted']}, "
          f"wrong {r['wrong']}, leaked {r['leaked']} (trackers checked: {r['tracker_checked']})")
    print(f"  latency p50 {r['latency_p50_s']}s, p95 {r['latency_p95_s']}s, max {r['latency_max_s']}s; "
          f"throughput {r['throughput_msg_s']} msg/s over {r['wall_s']}s")
    print(f"  replies slower than the default {DEFAULT_REPLY_TIMEOUT}s reply timeout: "
          f"{r['over_default_reply_timeout']} of {r['replies']}")
    for e in r["examples"]:
        print("   ", e)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(r, f, ensure_ascii=False, indent=2)
    return 0 if r["failures"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
