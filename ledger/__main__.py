"""python -m ledger 台账.xlsx -o 报告.xlsx [--as-of 2026-11-22] [--checklists 入户清单.html] [--max-rows 50000]
                 [--columns 对应.txt]

Prints how each header of the ledger was matched to our columns (外出时间 → 就业后月数（同义词）); a mapping file
(--columns: lines 表头=列名, or 表头=忽略) overrides any match.

Exit status 0: the report was written (single bad cells included: see the 问题 sheet); 2: the ledger cannot be read,
or an output path cannot be used (a Chinese message on standard error).
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from policies.evaluator import ELIGIBLE, UNKNOWN, fmt_money
from policies.model import PolicyDataError, default_policies

from .check import check_ledger
from .checklists import write_html
from .columns import match_lines, read_overrides
from .reading import MAX_ROWS, LedgerError
from .writers import write_csv, write_xlsx


def parse_as_of(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写成 YYYY-MM-DD，例如 2026-11-22（收到：{text}）") from None


def _positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n <= 0:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}")
    return n


def add_arguments(p) -> None:
    p.add_argument("ledger", help="台账文件（.xlsx 或 .csv）")
    p.add_argument("-o", "--output", required=True, help="报告文件：.xlsx（明细/汇总/问题三张表）或 .csv")
    p.add_argument("--as-of", type=parse_as_of, help="核对日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--checklists", help="入户清单 HTML 文件（每户一页，可直接打印）")
    p.add_argument("--max-rows", type=_positive_int, default=MAX_ROWS,
                   help=f"台账最多多少行（默认{MAX_ROWS}；更大的台账要更多内存和时间）")
    p.add_argument("--columns", help="列的对应文件：每行 表头=列名（或 表头=忽略），改掉程序猜的对应")


def run(args) -> int:
    """0: report written; 2: the ledger or an output path cannot be used."""
    out = Path(args.output)
    ext = out.suffix.lower()
    if ext not in (".xlsx", ".csv"):
        print(f"错误：报告文件要以 .xlsx 或 .csv 结尾：{out}", file=sys.stderr)
        return 2
    ledger = Path(args.ledger)
    targets = [out] + ([Path(args.checklists)] if args.checklists else [])
    for t in targets:
        try:
            if t.resolve() == ledger.resolve():
                print(f"错误：输出文件不能和台账是同一个文件：{t}", file=sys.stderr)
                return 2
        except OSError:
            pass
        if not t.parent.exists():
            print(f"错误：输出文件夹不存在：{t.parent}", file=sys.stderr)
            return 2
    overrides = None
    if getattr(args, "columns", None):
        try:
            overrides = read_overrides(args.columns)
        except (OSError, ValueError) as e:
            print(f"错误：列的对应文件用不了：{e}", file=sys.stderr)
            return 2
    try:
        rep = check_ledger(ledger, args.as_of, max_rows=getattr(args, "max_rows", None) or MAX_ROWS,
                           overrides=overrides)
    except LedgerError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    print("列的对应（不对的话用 --columns 对应文件 改，每行 表头=列名）：")
    for line in match_lines(rep.matches):
        print(f"  {line}")
    t0 = time.perf_counter()
    try:
        if ext == ".xlsx":
            write_xlsx(rep, out)
            written = [out]
        else:
            written = write_csv(rep, out)
        if args.checklists:
            write_html(rep, args.checklists)
            written.append(Path(args.checklists))
    except OSError as e:
        print(f"错误：无法写入报告（文件是否正在被 Excel 打开？）：{e}", file=sys.stderr)
        return 2
    rep.seconds["write"] = time.perf_counter() - t0
    n_el = sum(1 for p in rep.people for i in p.items if i.status == ELIGIBLE)
    n_un = sum(1 for p in rep.people for i in p.items if i.status == UNKNOWN)
    total = sum(p.total for p in rep.people)
    print(f"核对日期 {rep.as_of.isoformat()}：共{len(rep.households)}户{len(rep.people)}人；符合{n_el}项"
          f"（可计金额合计{fmt_money(total)}），待确认{n_un}项；输入问题{len(rep.problems)}处。")
    print(rep.validity_notes()[0])
    for w in written:
        print(f"已写入：{w}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m ledger", description="就业帮扶补贴台账批量核对")
    add_arguments(ap)
    args = ap.parse_args(argv)
    try:
        default_policies()
    except PolicyDataError as e:
        print(f"policy data error: {e}", file=sys.stderr)
        return 2
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
