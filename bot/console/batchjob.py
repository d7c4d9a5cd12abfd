"""One ledger check in a process of its own: ``python -m bot.console.batchjob WORKDIR``.

The console (ledger.BatchRunner.run_isolated) writes the upload and a job.json into WORKDIR and starts this module
with the venv's python. Before it reads anything, the process bounds itself: address space (RLIMIT_AS, default
1536 MB), CPU seconds (RLIMIT_CPU, a backstop behind the console's wall-clock limit), a lower scheduling priority
(the chat goes first), and it dies with the server (PR_SET_PDEATHSIG). It then runs the ledger package (check_ledger,
write_xlsx, checklists_html, the summary tables) and writes result.json:

    {"ok": true, "head": [...], "matches": [[header, column, how], ...], "summary_headers": [...], "summary_rows": [...], "problem_headers": [...],
     "problem_rows": [...first 100...], "problem_count": N, "files": ["report.xlsx", "checklists.html"]}
    {"ok": false, "error": "<中文说明>", "kind": "input" | "memory" | "unavailable"}

Exit status 0 whenever result.json was written. Nothing from Rasa is imported here (no TensorFlow in this process).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
import traceback
from pathlib import Path

SHOWN_PROBLEMS = 100


def limit_self(memory_mb: int, cpu_seconds: int, nice: int = 10) -> None:
    import resource

    mem = int(memory_mb) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
    cpu = max(int(cpu_seconds), 1)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    try:
        os.nice(nice)
    except OSError:
        pass
    try:   # die with the server (Linux); not essential: RLIMIT_CPU and the console's timeout bound the job anyway
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, int(signal.SIGKILL))    # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001
        pass


def _write(work: Path, data: dict) -> None:
    tmp = work / "result.json.tmp"
    tmp.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    tmp.replace(work / "result.json")


def write_outputs(batch, rep, work: Path) -> dict:
    """The report and the printable checklists into `work`, and what the result page shows (both ways of running)."""
    batch.write_xlsx(rep, work / "report.xlsx")
    (work / "checklists.html").write_text(batch.checklists_html(rep), encoding="utf-8")
    headers, rows = batch.problems_table(rep)
    summary_headers, summary_rows = batch.summary_table(rep)
    matches = [[m.header, m.column, m.how] for m in getattr(rep, "matches", None) or []]
    return {"files": ["report.xlsx", "checklists.html"], "head": list(batch.summary_head(rep)), "matches": matches,
            "summary_headers": summary_headers, "summary_rows": summary_rows, "problem_headers": headers,
            "problem_rows": rows[:SHOWN_PROBLEMS], "problem_count": len(rows)}


def run_job(work: Path) -> dict:
    job = json.loads((work / "job.json").read_text(encoding="utf-8"))
    src = work / job["file"]
    try:
        try:
            import ledger as batch
        except ImportError as e:
            return {"ok": False, "kind": "unavailable", "error": f"批量核对模块（ledger/）还没有装上：{e}"}
        as_of = dt.date.fromisoformat(job["as_of"]) if job.get("as_of") else None
        kw = {"max_rows": int(job["max_rows"])} if job.get("max_rows") else {}
        if job.get("columns"):
            kw["overrides"] = dict(job["columns"])     # the officer's column match (bot/console/ledger.py)
        try:
            rep = batch.check_ledger(src, as_of, **kw)
        except batch.LedgerError as e:
            return {"ok": False, "kind": "input", "error": str(e).replace(src.name, job["name"])}
        rep.source = job["name"]
        return {"ok": True, **write_outputs(batch, rep, work)}
    finally:
        src.unlink(missing_ok=True)      # the ledger holds ID numbers: keep only the (masked) outputs


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    work = Path(argv[0])
    job = json.loads((work / "job.json").read_text(encoding="utf-8"))
    limit_self(job.get("memory_mb", 1536), job.get("cpu_seconds", 600))
    try:
        result = run_job(work)
    except MemoryError:
        result = {"ok": False, "kind": "memory", "error": "memory"}
    except Exception:  # noqa: BLE001
        traceback.print_exc()
        return 1
    _write(work, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
