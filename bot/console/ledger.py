"""Hook from the console's batch upload form to the village ledger check (the ledger/ package).

    ledger.check_ledger(path, as_of) -> Report          (LedgerError: a Chinese message for the user)
    ledger.write_xlsx(report, path)                    the report workbook (明细 / 汇总 / 问题)
    ledger.checklists_html(report) -> str              printable household checklists (escaped HTML)
    ledger.summary_head / summary_table / problems_table(report)   the summary lines and tables

HOOK: when the ledger package cannot be imported (broken) the form says the batch check is not available and the
rest of the console keeps working; the console test for it is skipped only on ImportError.

Limits (a 109 KB .xlsx once unpacked to 200 000 rows and held the server for 50 s at 1.9 GB): the upload is at most
MAX_UPLOAD_BYTES (5 MB; Sanic's own request limit is 8 MB); the ledger package refuses an .xlsx whose zip declares more
than 64 MB unpacked and any ledger of more than 50 000 rows. The check runs in a separate process
(bot/console/batchjob.py) with its own memory limit (CONSOLE_BATCH_MEMORY_MB, 1536), a time limit
(CONSOLE_BATCH_TIMEOUT, 300 s) and a lower priority, one at a time (a second upload waits, a third is refused), so
the chat on the same server keeps answering.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import os
import secrets
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_NAME_CHARS = 100
ALLOWED_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt")
KEEP_RESULTS = 20
ROOT = Path(__file__).resolve().parents[2]


def _env_int(name: str, default: int) -> int:
    try:
        v = int(os.environ.get(name) or default)
        return v if v > 0 else default
    except ValueError:
        return default


class BatchUnavailable(RuntimeError):
    pass


class BatchInputError(ValueError):
    """The uploaded ledger cannot be used; the message is Chinese."""


class BatchBusy(RuntimeError):
    """Too many checks running or waiting; the message is Chinese."""


def load_batch():
    """The ledger package, or BatchUnavailable."""
    try:
        import ledger as batch
    except ImportError as e:   # HOOK: the package is missing or broken
        raise BatchUnavailable(f"批量核对模块（ledger/）还没有装上：{e}") from None
    for name in ("check_ledger", "write_xlsx", "LedgerError"):
        if not hasattr(batch, name):
            raise BatchUnavailable(f"批量核对模块缺少 {name}，请联系维护人员")
    return batch


def available() -> bool:
    try:
        load_batch()
        return True
    except BatchUnavailable:
        return False


def max_rows() -> int:
    try:
        return int(load_batch().MAX_ROWS)
    except (BatchUnavailable, AttributeError):
        return 50_000


# The officer's column match (ledger/columns.py): the form's fields "col:<header as written>" = our column or 忽略.
# What was confirmed is remembered (CONSOLE_LEDGER_COLUMNS, default var/ledger-columns.json) for the next upload.
COLUMN_FIELD = "col:"
MAX_REMEMBERED = 500


def column_choices() -> list[str]:
    try:
        from ledger.columns import COLUMN_NAMES, HOUSEHOLD_COLUMNS, IGNORE
    except ImportError:
        return []
    return [*COLUMN_NAMES, *HOUSEHOLD_COLUMNS, IGNORE]


def columns_from_form(form) -> dict[str, str]:
    """{header: column} from the upload form's col:<header> fields; unknown columns and odd headers are dropped."""
    allowed = set(column_choices())
    out = {}
    for key in list(form.keys()) if hasattr(form, "keys") else []:
        if not key.startswith(COLUMN_FIELD):
            continue
        header = key[len(COLUMN_FIELD):].strip()
        value = form.get(key)
        value = (value[0] if isinstance(value, list) else value or "").strip()
        if header and len(header) <= 40 and value in allowed:
            out[header] = value
    return out


class ColumnMemory:
    """The column matches officers confirmed, one JSON file {header: column}; the latest confirmation wins."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path or os.environ.get("CONSOLE_LEDGER_COLUMNS") or ROOT / "var" / "ledger-columns.json")

    def load(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        allowed = set(column_choices())
        return {str(k): v for k, v in data.items() if v in allowed} if isinstance(data, dict) else {}

    def remember(self, columns: dict[str, str]) -> None:
        if not columns:
            return
        data = self.load()
        for k, v in columns.items():
            data.pop(k, None)
            data[k] = v
        data = dict(list(data.items())[-MAX_REMEMBERED:])
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")
            tmp.replace(self.path)
        except OSError as e:       # not remembered: the check itself is done
            logger.warning("console batch: column match not saved: %s", e)


@dataclass
class BatchResult:
    id: str
    source: str
    created: float
    head: list[str] = field(default_factory=list)
    summary_headers: list[str] = field(default_factory=list)
    summary_rows: list[list] = field(default_factory=list)
    problem_headers: list[str] = field(default_factory=list)
    problem_rows: list[list] = field(default_factory=list)       # the first 100
    problem_count: int = 0
    files: dict[str, Path] = field(default_factory=dict)     # "report.xlsx" / "checklists.html" -> path
    seconds: float = 0.0
    matches: list[list] = field(default_factory=list)     # [header, our column or None, how] per header
    column_choices: list[str] = field(default_factory=column_choices)


class BatchRunner:
    def __init__(self, root: Path | None = None, *, timeout: float | None = None, memory_mb: int | None = None,
                 concurrent: int = 1, waiting: int = 1, columns_file: Path | None = None):
        self._root = Path(root) if root else None
        self.columns = ColumnMemory(columns_file)
        self.results: dict[str, BatchResult] = {}
        self.timeout = float(timeout or _env_int("CONSOLE_BATCH_TIMEOUT", 300))
        self.memory_mb = int(memory_mb or _env_int("CONSOLE_BATCH_MEMORY_MB", 1536))
        self.concurrent, self.waiting = concurrent, waiting
        self._sem: asyncio.Semaphore | None = None
        self._queued = 0

    @property
    def root(self) -> Path:
        """A private temporary folder, made on first use (the server's start-up leaves nothing behind)."""
        if self._root is None:
            self._root = Path(tempfile.mkdtemp(prefix="console-batch-"))
        return self._root

    def _prune(self) -> None:
        for rid in sorted(self.results, key=lambda k: self.results[k].created)[:-KEEP_RESULTS]:
            shutil.rmtree(self.root / rid, ignore_errors=True)
            self.results.pop(rid, None)

    @staticmethod
    def check_upload(filename: str, data: bytes) -> tuple[str, str]:
        """(the name to show, the suffix) of an acceptable upload, else BatchInputError. The name has been checked
        for valid text by the channel."""
        name = Path((filename or "").replace("\\", "/")).name.strip() or "台账"
        if len(name) > MAX_NAME_CHARS:
            raise BatchInputError(f"文件名太长（最多{MAX_NAME_CHARS}个字），请改短后再上传")
        suffix = Path(name).suffix.lower()
        if not data:
            raise BatchInputError("上传的文件是空的")
        if len(data) > MAX_UPLOAD_BYTES:
            raise BatchInputError(f"文件太大：最大{MAX_UPLOAD_BYTES // 1024 // 1024}MB，请分成几个文件上传")
        if suffix not in ALLOWED_SUFFIXES:
            raise BatchInputError("只支持 .xlsx 或 .csv 台账（.xls 请在 Excel/WPS 里另存为 .xlsx）")
        return name, suffix

    def _new_work(self, suffix: str, data: bytes) -> tuple[str, Path, Path]:
        rid = secrets.token_hex(8)
        work = self.root / rid
        work.mkdir(parents=True)
        src = work / f"ledger{suffix}"
        src.write_bytes(data)
        return rid, work, src

    def _finish(self, rid: str, name: str, work: Path, data: dict, started: float) -> BatchResult:
        res = BatchResult(rid, name, time.time(), head=list(data.get("head") or []),
                          summary_headers=list(data.get("summary_headers") or []),
                          summary_rows=list(data.get("summary_rows") or []),
                          problem_headers=list(data.get("problem_headers") or []),
                          problem_rows=list(data.get("problem_rows") or []),
                          problem_count=int(data.get("problem_count") or len(data.get("problem_rows") or [])),
                          seconds=time.time() - started, matches=list(data.get("matches") or []))
        for f in data.get("files") or []:
            if f in ("report.xlsx", "checklists.html") and (work / f).is_file():
                res.files[f] = work / f
        self.results[rid] = res
        self._prune()
        return res

    # ------------------------------------------------------------------------------------------- in a child process
    def _overrides(self, columns: dict[str, str] | None) -> dict[str, str]:
        """The remembered column matches, with the ones given now on top."""
        return {**self.columns.load(), **(columns or {})}

    async def run_isolated(self, filename: str, data: bytes, as_of: dt.date | None,
                           columns: dict[str, str] | None = None) -> BatchResult:
        """Check the ledger in a separate process (bot/console/batchjob.py) with its own memory and time limits,
        without blocking the event loop. One check at a time; one more may wait; more are refused (BatchBusy).
        `columns`: the officer's column match (columns_from_form), remembered for the next upload."""
        load_batch()
        name, suffix = self.check_upload(filename, data)
        if self._sem is None:
            self._sem = asyncio.Semaphore(self.concurrent)
        if self._queued >= self.concurrent + self.waiting:
            raise BatchBusy("正在核对别的台账，请等几分钟后再上传")
        self._queued += 1
        try:
            async with self._sem:
                res = await self._run_child(name, suffix, data, as_of, self._overrides(columns))
        finally:
            self._queued -= 1
        self.columns.remember(columns or {})
        return res

    async def _run_child(self, name: str, suffix: str, data: bytes, as_of: dt.date | None,
                         columns: dict[str, str] | None = None) -> BatchResult:
        rid, work, src = self._new_work(suffix, data)
        started = time.time()
        job = {"file": src.name, "name": name, "as_of": as_of.isoformat() if as_of else None,
               "memory_mb": self.memory_mb, "cpu_seconds": int(self.timeout) + 30, "columns": columns or {}}
        (work / "job.json").write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "HOME", "TMPDIR",
                                                              "ASSISTANT_TODAY", "PYTHONHASHSEED")}
        env.update(PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.console.batchjob", str(work), cwd=str(ROOT), env=env,
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
        try:
            _, err = await asyncio.wait_for(proc.communicate(), timeout=self.timeout)
        except asyncio.TimeoutError:
            proc.kill()
            await proc.wait()
            shutil.rmtree(work, ignore_errors=True)
            logger.warning("console batch: %s stopped after %.0f s", rid, self.timeout)
            raise BatchInputError(f"台账核对超时（超过{self.timeout:.0f}秒）已停止。文件最多{max_rows()}行，"
                                  "请分成几个较小的文件上传") from None
        except asyncio.CancelledError:     # the request went away: do not leave the child running
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
            shutil.rmtree(work, ignore_errors=True)
            raise
        src.unlink(missing_ok=True)
        result_path = work / "result.json"
        try:
            result = json.loads(result_path.read_text(encoding="utf-8")) if result_path.is_file() else None
        except ValueError:
            result = None
        if result is None or not result.get("ok"):
            shutil.rmtree(work, ignore_errors=True)
        if result is None or (result.get("kind") == "memory"):
            tail = (err or b"")[-2000:].decode("utf-8", "replace")
            logger.warning("console batch: %s ended with status %s (memory limit %d MB): %s", rid, proc.returncode,
                           self.memory_mb, tail)
            if result is not None or proc.returncode in (-9, -24) or "MemoryError" in tail:
                raise BatchInputError(f"台账太大，核对时超出了内存限制（{self.memory_mb}MB）。文件最多{max_rows()}行，"
                                      "请分成几个较小的文件上传")
            raise RuntimeError(f"batch job failed with status {proc.returncode}: {tail}")
        if not result.get("ok"):
            if result.get("kind") == "unavailable":
                raise BatchUnavailable(result.get("error") or "批量核对暂不可用")
            raise BatchInputError(result.get("error") or "台账不能核对")
        return self._finish(rid, name, work, result, started)

    # ------------------------------------------------------------------------------------------- in this process
    def run(self, filename: str, data: bytes, as_of: dt.date | None,
            columns: dict[str, str] | None = None) -> BatchResult:
        """The same check in this process (tools and tests; the console uses run_isolated)."""
        batch = load_batch()
        name, suffix = self.check_upload(filename, data)
        rid, work, src = self._new_work(suffix, data)
        started = time.time()
        try:
            rep = batch.check_ledger(src, as_of, overrides=self._overrides(columns))
        except batch.LedgerError as e:
            shutil.rmtree(work, ignore_errors=True)
            raise BatchInputError(str(e).replace(src.name, name)) from None
        finally:
            src.unlink(missing_ok=True)         # the ledger holds ID numbers: keep only the (masked) outputs
        rep.source = name
        from .batchjob import write_outputs

        res = self._finish(rid, name, work, write_outputs(batch, rep, work), started)
        self.columns.remember(columns or {})
        return res

    def get(self, rid: str) -> BatchResult | None:
        return self.results.get(rid)
