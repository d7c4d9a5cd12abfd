"""Record real conversations with the running assistant (REST channel) into docs/transcripts.md, one per policy
document. `--start` starts the servers itself (as the tests do); otherwise it talks to --url (e.g. after `make run`)."""
import argparse
import json
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONVERSATIONS = [
    ("千人社发〔2021〕141号 — 千阳县", [
        "我在社区工厂干了一年能拿多少补贴", "千阳的", "脱贫户 签了一年合同", "那要带啥材料"]),
    ("湘人社发〔2017〕58号 — 湖南省", [
        "我们长沙的厂招了3个建档立卡贫困户 签了合同 干满一年了 社保也交了 有啥补贴", "签的两年", "不是贫困地区",
        "这政策现在还有吗"]),
    ("安政办发〔2016〕74号 — 安康市", [
        "我是汉阴的贫困户 想参加创业培训 有补贴吗", "拿到合格证了", "去哪办"]),
    ("绥人社发〔2019〕18号 — 绥化市", [
        "你好", "海伦的 建档立卡户 娃上技校有补助没", "要带啥材料"]),
    ("海南省《关于做好劳务输出脱贫工作的通知》 — 海南省", [
        "我是三亚的贫困户 想开个小店 能贷多少款", "不对 我是广东的", "那我老家是五指山的"]),
]


def say(url, sender, text):
    req = urllib.request.Request(f"{url}/webhooks/rest/webhook",
                                 data=json.dumps({"sender": sender, "message": text}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read())


def record(url) -> str:
    out = ["# Transcripts", "",
           "Real conversations through the REST channel (`scripts/transcripts.py`), answers as of the date the",
           "assistant was told (ASSISTANT_TODAY, default today). One per policy document.", ""]
    for i, (title, turns) in enumerate(CONVERSATIONS, 1):
        out += [f"## {i}. {title}", ""]
        sender = f"transcript-{i}"
        for t in turns:
            out.append(f"**用户**：{t}  ")
            for m in say(url, sender, t):
                text = (m.get("text") or "").replace("\n", "  \n")
                out.append(f"**助手**：{text}  ")
                if m.get("buttons"):
                    out.append("〔按钮：" + " / ".join(b["title"] for b in m["buttons"]) + "〕  ")
            out.append("")
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://localhost:5005")
    ap.add_argument("--start", action="store_true", help="start the servers (needs a trained model)")
    ap.add_argument("-o", "--out", default=str(ROOT / "docs" / "transcripts.md"))
    args = ap.parse_args()
    servers = None
    if args.start:
        from scripts.servers import Servers
        servers = Servers(Path(tempfile.mkdtemp(prefix="transcripts-"))).start()
        args.url = servers.url
    try:
        text = record(args.url)
    finally:
        if servers:
            servers.stop()
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
