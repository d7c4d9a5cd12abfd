"""Time the village officer batch check on synthetic ledgers (no assertion on timing; prints the figures).

    .venv/bin/python scripts/bench_batch.py                 # 10 000 and 100 000 rows, check only
    .venv/bin/python scripts/bench_batch.py -n 10000 --write   # also write report.xlsx + checklists.html (temp dir)
    .venv/bin/python scripts/bench_batch.py -n 10000 --xlsx    # also write the ledger as .xlsx and read it back
    .venv/bin/python scripts/bench_batch.py -n 10000 --profile # cProfile of the check, top 25 by cumulative time
    .venv/bin/python scripts/bench_batch.py -n 100000 --writers  # the report .xlsx: our SpreadsheetML writer vs
                                                              # XlsxWriter (constant_memory), side by side

Each figure is wall-clock seconds and, in brackets, CPU seconds of this process (the wall time inflates when other
programs share the machine). Rows are generated in memory with a fixed seed: households of 1–5 people across the
five covered places, some uncovered and unknown places, every column filled with a realistic mix of good, odd and malformed values.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import ledger  # noqa: E402
from policies.model import default_policies  # noqa: E402
from policies.gazetteer import default_gazetteer  # noqa: E402

AS_OF = dt.date(2026, 11, 22)
PLACES = [("千阳县", "610328"), ("千阳县崔家头镇", "610328"), ("千阳", "610328"), ("汉阴", "610921"), ("汉阴县", "610921"),
          ("海伦市", "231283"), ("长沙", "430102"), ("三亚", "460200"), ("广州市", "440101"), ("宝鸡市", "610301"),
          ("东海镇", "110101")]
PLACE_WEIGHTS = [30, 10, 5, 10, 5, 10, 8, 8, 2, 1, 1]
CATEGORIES = ["脱贫户", "边缘户", "低保户", "一般户", "脱贫户、残疾人", "建档立卡贫困户、农民工", "脱贫户、高校毕业生",
              "", "无", "监测户", "五保户"]
EMPLOYMENT = ["已就业", "已就业", "未就业", "失业", "", "务工", "上学"]
WORK = ["本县", "外省", "外县", "浙江省宁波市", "江苏苏州", "西安", "广东东莞", "", "义乌小商品城", "本市"]
CONTRACT = ["1年", "12个月", "两年", "6个月", "无", "", "很久", "3", "无固定期限"]
TRAINING = ["", "SYB", "就业技能培训", "岗位技能提升培训", "电焊", "IYB", "网络创业"]
BUSINESS = ["", "", "", "个体工商户", "合伙创业", "小微企业", "家庭农场", "开了个小卖部"]
POSTS = ["", "", "", "", "护林员", "保洁员", "劳动保障助理员", "城镇公益性岗位"]
RECEIVED = ["", "无", "", "一次性求职补贴", "跨省就业一次性交通补助", "培训补贴"]
SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高"
GIVEN = "建国秀兰小军晓红志强芳伟敏海丽明华军平刚英杰玲"


def _id(rng: random.Random, region: str) -> str:
    birth = f"{rng.randint(1950, 2008)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    body = region + birth + f"{rng.randint(0, 999):03d}"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * k for c, k in zip(body, w)) % 11]


def synthetic_rows(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    rows: list[dict] = []
    hh = 0
    while len(rows) < n:
        hh += 1
        place, region = rng.choices(PLACES, PLACE_WEIGHTS)[0]
        for k in range(rng.randint(1, 5)):
            if len(rows) >= n:
                break
            employed = rng.choice(EMPLOYMENT)
            trained = rng.random() < 0.2
            row = {
                "户号": f"H{hh:06d}" if k == 0 or rng.random() < 0.5 else None,
                "姓名": rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2)),
                "身份证号": _id(rng, region) if rng.random() < 0.97 else rng.choice(["12345", "", "6103281990"]),
                "户籍地": place if k == 0 or rng.random() < 0.3 else None,
                "人员类别": rng.choice(CATEGORIES),
                "就业状态": employed,
                "就业地": rng.choice(WORK) if employed in ("已就业", "务工", "") else "",
                "合同期限": rng.choice(CONTRACT),
                "务工月数": str(rng.randint(0, 30)) if rng.random() < 0.6 else "",
                "就业后月数": str(rng.randint(0, 14)) if rng.random() < 0.7 else "",
                "交通费": str(rng.choice([0, 120, 320, 499, 500, 680, 1200])) if rng.random() < 0.6 else "",
                "是否参加培训": "是" if trained else rng.choice(["否", "", "否"]),
                "培训类型": rng.choice(TRAINING) if trained else "",
                "培训天数": f"{rng.randint(3, 60)}天" if trained else "",
                "是否取得证书": rng.choice(["是", "否", "职业资格证书"]) if trained else "",
                "创业形式": rng.choice(BUSINESS),
                "营业执照月数": str(rng.randint(1, 24)) if rng.random() < 0.15 else "",
                "公益岗类型": rng.choice(POSTS),
                "在岗月数": str(rng.randint(1, 12)) if rng.random() < 0.1 else "",
                "子女就读技校": "是" if rng.random() < 0.08 else rng.choice(["否", ""]),
                "今年已享受": rng.choice(RECEIVED),
                "备注": rng.choice(["", "", "电话13812345678", "长期在外", "户主"]),
            }
            rows.append(row)
    return rows


class Timer:
    def __enter__(self):
        self.w, self.c = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self.w, time.process_time() - self.c

    def __str__(self):
        return f"{self.wall:.2f} s (cpu {self.cpu:.2f} s)"


def bench(n: int, write: bool, xlsx: bool, profile: bool) -> None:
    default_policies(), default_gazetteer()        # loading the policy data is not part of a row's cost
    t0 = time.perf_counter()
    rows = synthetic_rows(n)
    t_gen = time.perf_counter() - t0
    if profile:
        import cProfile
        import pstats
        pr = cProfile.Profile()
        pr.enable()
    checker = ledger.BatchChecker(AS_OF)
    with Timer() as t_check:
        rep = ledger.check_rows(rows, checker=checker)
    if profile:
        pr.disable()
        pstats.Stats(pr).sort_stats("cumulative").print_stats(25)
    items = sum(len(p.items) for p in rep.people)
    print(f"{n} rows ({len(rep.households)} households, {items} listed benefits, {len(rep.problems)} input problems; "
          f"generated in {t_gen:.2f}s)")
    print(f"  check:  {t_check}, {n / t_check.wall:,.0f} rows/s wall, {n / max(t_check.cpu, 1e-9):,.0f} rows/s cpu "
          f"(benefit results: {checker.evaluations} evaluated, {checker.eval_cache_hits} from cache)")
    if write or xlsx:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            if write:
                with Timer() as t_x:
                    ledger.write_xlsx(rep, tmp / "report.xlsx")
                with Timer() as t_h:
                    ledger.write_html(rep, tmp / "checklists.html")
                print(f"  write:  report.xlsx {t_x} ({(tmp / 'report.xlsx').stat().st_size / 1e6:.1f} MB), "
                      f"checklists.html {t_h} ({(tmp / 'checklists.html').stat().st_size / 1e6:.1f} MB)")
            if xlsx:
                import openpyxl
                wb = openpyxl.Workbook(write_only=True)
                ws = wb.create_sheet("台账")
                ws.append(ledger.COLUMN_NAMES)
                for r in rows:
                    ws.append([r.get(h) or None for h in ledger.COLUMN_NAMES])   # blank cells are absent in real files
                wb.save(tmp / "ledger.xlsx")
                with Timer() as t_r:
                    led = ledger.read_ledger(tmp / "ledger.xlsx", max_rows=max(n, ledger.MAX_ROWS))   # as --max-rows
                with Timer() as t_c:
                    ledger.check_rows(led.rows, AS_OF)
                print(f"  ledger.xlsx ({(tmp / 'ledger.xlsx').stat().st_size / 1e6:.1f} MB): read {t_r} + check {t_c}"
                      f" = {t_r.wall + t_c.wall:.2f} s (cpu {t_r.cpu + t_c.cpu:.2f} s)")


def xlsxwriter_report(rep, path) -> None:
    """The report of ledger.write_xlsx (same sheets, cells, widths, frozen panes, two bold styles) through XlsxWriter in
    constant_memory mode (rows streamed to temporary files, inline strings); every text written as a string."""
    import xlsxwriter

    from ledger.tables import SLOT_HEADERS, detail_table, problems_table, summary_head, summary_table
    from ledger.writers import _XML_ILLEGAL

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                         "strings_to_formulas": False, "strings_to_urls": False,
                                         "default_format_properties": {"font_name": "等线", "font_size": 11}})
    head_fmt = wb.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    bold = wb.add_format({"bold": True})

    def put(ws, i, values, fmt=None):
        for j, v in enumerate(values):
            if v is None or v == "":
                continue
            if isinstance(v, bool):
                ws.write_boolean(i, j, v, fmt)
            elif isinstance(v, (int, float)):
                ws.write_number(i, j, v, fmt)
            else:
                t = str(v)
                if _XML_ILLEGAL.search(t):
                    t = _XML_ILLEGAL.sub("", t)
                ws.write_string(i, j, t[:32000], fmt)

    detail = wb.add_worksheet("明细")
    headers, rows = detail_table(rep)
    widths = {"行号": 6, "户号": 10, "姓名": 10, "身份证号": 21, "户籍地": 18, "适用政策": 30, "人员类别": 16, "就业状态": 9,
              "符合项数": 6, "待确认项数": 6, "本人合计（元）": 10, "输入问题": 40, "备注": 24, "政策有效期": 40}
    slot_w = dict(zip(SLOT_HEADERS, [24, 36, 12, 10, 18, 36, 26]))
    for j, h in enumerate(headers):
        detail.set_column(j, j, widths.get(h) or slot_w.get(h.rstrip("0123456789"), 14))
    detail.freeze_panes(1, 3)
    put(detail, 0, headers, head_fmt)
    for i, r in enumerate(rows, start=1):
        put(detail, i, r)
    summary = wb.add_worksheet("汇总")
    for j, w in enumerate([34, 24, 30, 22, 10, 10, 10, 16, 40]):
        summary.set_column(j, j, w)
    i = 0
    for k, line in enumerate(summary_head(rep)):
        put(summary, i, [line], bold if k in (0, 2) else None)
        i += 1
    i += 1
    sh, srows = summary_table(rep)
    put(summary, i, sh, head_fmt)
    for r in srows[:-1]:
        i += 1
        put(summary, i, r)
    put(summary, i + 1, srows[-1], bold)
    problems = wb.add_worksheet("问题")
    for j, w in enumerate([6, 10, 10, 12, 24, 80]):
        problems.set_column(j, j, w)
    problems.freeze_panes(1, 0)
    ph, prows = problems_table(rep)
    put(problems, 0, ph, head_fmt)
    for i, r in enumerate(prows or [[None, None, None, None, None, "没有发现输入问题"]], start=1):
        put(problems, i, r)
    wb.close()


def _trimmed(row) -> list:
    """A row without its trailing empty cells (a sheet's stated dimension pads rows read back with openpyxl)."""
    row = list(row)
    while row and row[-1] is None:
        row.pop()
    return row


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _timed_in_child(write, rep, path) -> dict:
    """Run write(rep, path) in a forked child (the report is shared, not copied): wall and CPU seconds of the write,
    the child's peak resident memory (VmHWM) above its resident memory when it started."""
    import json
    import os
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:            # child
        os.close(r)
        try:
            Path("/proc/self/clear_refs").write_text("5")     # restart the peak (VmHWM) from the current RSS
        except OSError:
            pass
        base = _status_kb("VmRSS")
        t0, c0 = time.perf_counter(), time.process_time()
        write(rep, path)
        out = {"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0,
               "peak_mb": (_status_kb("VmHWM") - base) / 1024, "size_mb": Path(path).stat().st_size / 1e6}
        os.write(w, json.dumps(out).encode())
        os._exit(0)
    os.close(w)
    data = b""
    while chunk := os.read(r, 65536):
        data += chunk
    os.waitpid(pid, 0)
    return json.loads(data)


def compare_writers(n: int, rounds: int = 3) -> None:
    """The report of an n-row ledger written by each writer, alternately, `rounds` times; best and median."""
    import statistics

    import openpyxl
    if importlib.util.find_spec("xlsxwriter") is None:
        print("XlsxWriter is not installed (not a dependency: the report keeps its own writer); to measure: "
              ".venv/bin/pip install xlsxwriter")
        return

    rep = ledger.check_rows(synthetic_rows(n), AS_OF)
    writers = {"SpreadsheetML (ledger.writers)": ledger.write_xlsx, "XlsxWriter constant_memory": xlsxwriter_report}
    got: dict[str, list[dict]] = {k: [] for k in writers}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(rounds):
            for name, write in writers.items():
                got[name].append(_timed_in_child(write, rep, Path(tmp) / "report.xlsx"))
        same = None
        if n <= 20000:                           # the same cells either way (reading 100 000 rows back is slow)
            sheets = []
            for name, write in writers.items():
                write(rep, Path(tmp) / f"{len(name)}.xlsx")
                wb = openpyxl.load_workbook(Path(tmp) / f"{len(name)}.xlsx", read_only=True)
                sheets.append([[_trimmed(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets])
                wb.close()
            same = sheets[0] == sheets[1]
    print(f"{n} rows, report .xlsx ({sum(len(p.items) for p in rep.people)} listed benefits), {rounds} rounds each, "
          f"alternating; every write in a forked child of this process:")
    for name, runs in got.items():
        walls, cpus = [r["wall"] for r in runs], [r["cpu"] for r in runs]
        print(f"  {name:32s} wall best {min(walls):.2f} s, median {statistics.median(walls):.2f} s; "
              f"cpu best {min(cpus):.2f} s, median {statistics.median(cpus):.2f} s; "
              f"peak memory +{max(r['peak_mb'] for r in runs):.0f} MB; file {runs[0]['size_mb']:.1f} MB")
    if same is not None:
        print(f"  cells read back with openpyxl: {'identical' if same else 'DIFFERENT'}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="benchmark the ledger check (ledger/)")
    ap.add_argument("-n", type=int, action="append", help="rows (repeatable; default 10000 and 100000)")
    ap.add_argument("--write", action="store_true", help="also time writing the xlsx report and the html checklists")
    ap.add_argument("--xlsx", action="store_true", help="also time reading the ledger from an .xlsx file")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of the check")
    ap.add_argument("--writers", action="store_true",
                    help="only compare the report writers: ours (SpreadsheetML) and XlsxWriter (pip install xlsxwriter)")
    args = ap.parse_args(argv)
    for n in args.n or [10000, 100000]:
        if args.writers:
            compare_writers(n)
        else:
            bench(n, args.write, args.xlsx, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
