"""How fast the privacy masker and the upload limits are (the timings that used to be asserted in
tests/security/test_privacy.py and tests/security/test_upload_security.py; the tests now check what happens, this
prints how long it takes):

    .venv/bin/python scripts/bench_security.py

- mask_pii over 10 000 typical messages (the NLU examples and a few with an ID and a phone number), best of 3;
- mask_pii on hostile long inputs (zero-width characters, separators, digits without end), each;
- the ledger reader (ledger.reading.read_xlsx, what the server's batch process runs) refusing a 200 000-row ledger
  (over the 50 000-row limit) and an .xlsx that unpacks to more than 64 MB: time until the refusal, in this process.
"""
from __future__ import annotations

import glob
import itertools
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MOBILE = "13912345678"


def typical_messages() -> list[str]:
    """10 000 messages: the NLU training examples (annotations removed) and a few carrying identifiers."""
    import yaml

    msgs = []
    for f in sorted(glob.glob(str(ROOT / "data" / "nlu" / "*.yml"))):
        for it in yaml.safe_load(open(f, encoding="utf-8")).get("nlu", []):
            for line in (it.get("examples") or "").splitlines():
                t = re.sub(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}", lambda m: m.group(1) or m.group(2),
                           line.strip()[2:])
                if t:
                    msgs.append(t)
    msgs += ["千阳的脱贫户去外省打工车票680能报多少", "我身份证610328199001011234 电话13912345678 千阳的脱贫户",
             "我在社区工厂干了一年能拿多少补贴", "电话139-1234-5678", "2024年3月15日进的厂，工资5000元"] * 20
    return list(itertools.islice(itertools.cycle(msgs), 10000))


HOSTILE = {"digit + zero-width space x500": "1\u200b" * 500, "'1 -' x333": "1 -" * 333, "'1 ' x500": "1 " * 500,
           "1000 digits": "1" * 1000, "'+(1' x333": "+(1" * 333, "phone numbers x83": (MOBILE + " ") * 83,
           "digits between 100 zero-width spaces": ("1" + "\u200b" * 100 + "a") * 10}


def many_rows(path: Path, rows: int) -> Path:
    """An .xlsx of `rows` identical ledger rows (openpyxl, write-only)."""
    from openpyxl import Workbook
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("台账")
    ws.append(["户号", "姓名", "户籍地", "人员类别", "就业状态"])
    for _ in range(rows):
        ws.append(["H1", "张三", "千阳县", "脱贫户", "已就业"])
    wb.save(path)
    return path


def unpacks_to(path: Path, size: int) -> Path:
    """A small .xlsx (zip) with one member of `size` bytes of spaces."""
    import zipfile
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b" " * size)
    return path


def best_of(fn, n: int = 3) -> float:
    best = float("inf")
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    from policies.privacy import mask_pii

    corpus = typical_messages()
    t = best_of(lambda: [mask_pii(m) for m in corpus])
    print(f"mask_pii: {len(corpus)} typical messages in {t * 1000:.1f} ms ({t / len(corpus) * 1e6:.1f} µs a message; "
          f"the test used to fail above 1 s)")
    for name, text in HOSTILE.items():
        t = best_of(lambda: mask_pii(text))
        print(f"mask_pii, hostile input ({name}, {len(text)} characters): {t * 1000:.2f} ms (the test's bound: 200 ms)")

    import tempfile

    from ledger.reading import MAX_ROWS, LedgerError, read_xlsx
    with tempfile.TemporaryDirectory() as d:
        for name, path, bound in (("a 200 000-row ledger", many_rows(Path(d) / "rows.xlsx", 200_000), "90 s"),
                                  ("an .xlsx unpacking to 65 MB", unpacks_to(Path(d) / "big.xlsx", 65 * 1024 * 1024),
                                   "15 s")):
            t0 = time.perf_counter()
            try:
                read_xlsx(path, max_rows=MAX_ROWS)
                outcome = "read"
            except LedgerError as e:
                outcome = f"refused ({str(e)[:24]}…)"
            print(f"ledger reader, {name} ({path.stat().st_size / 1000:.0f} KB): {outcome} in "
                  f"{time.perf_counter() - t0:.2f} s (the server test's bound was {bound})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
