"""Hook from the console's batch upload form to the batch ledger check (policies/batch.py, another engineer's module).

    policies.batch.check_ledger(path, as_of) -> Report          (LedgerError: a Chinese message for the user)
    policies.batch.write_xlsx(report, path)                    the report workbook (明细 / 汇总 / 问题)
    policies.batch.checklists_html(report) -> str              printable household checklists (escaped HTML)
    policies.batch.summary_head / summary_table / problems_table(report)   the summary lines and tables

HOOK: when policies.batch cannot be imported (not written yet, or broken) the form says the batch check is not
available and the rest of the console keeps working; the console test for it is skipped only on ImportError.
"""
from __future__ import annotations

import datetime as dt
import logging
import secrets
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
ALLOWED_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt")
KEEP_RESULTS = 20


class BatchUnavailable(RuntimeError):
    pass


class BatchInputError(ValueError):
    """The uploaded ledger cannot be used; the message is Chinese."""


def load_batch():
    """policies.batch, or BatchUnavailable."""
    try:
        from policies import batch
    except ImportError as e:   # HOOK: the module is not there yet
        raise BatchUnavailable(f"批量核对模块（policies/batch.py）还没有装上：{e}") from None
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


@dataclass
class BatchResult:
    id: str
    source: str
    created: float
    head: list[str] = field(default_factory=list)
    summary_headers: list[str] = field(default_factory=list)
    summary_rows: list[list] = field(default_factory=list)
    problem_headers: list[str] = field(default_factory=list)
    problem_rows: list[list] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)     # "report.xlsx" / "checklists.html" -> path


class BatchRunner:
    def __init__(self, root: Path | None = None):
        self._root = Path(root) if root else None
        self.results: dict[str, BatchResult] = {}

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

    def run(self, filename: str, data: bytes, as_of: dt.date | None) -> BatchResult:
        batch = load_batch()
        name = Path(filename or "").name or "台账"
        suffix = Path(name).suffix.lower()
        if not data:
            raise BatchInputError("上传的文件是空的")
        if len(data) > MAX_UPLOAD_BYTES:
            raise BatchInputError(f"文件太大（最大{MAX_UPLOAD_BYTES // 1024 // 1024}MB）")
        if suffix not in ALLOWED_SUFFIXES:
            raise BatchInputError("只支持 .xlsx 或 .csv 台账（.xls 请在 Excel/WPS 里另存为 .xlsx）")
        rid = secrets.token_hex(8)
        work = self.root / rid
        work.mkdir(parents=True)
        src = work / f"ledger{suffix}"
        src.write_bytes(data)
        try:
            rep = batch.check_ledger(src, as_of)
        except batch.LedgerError as e:
            shutil.rmtree(work, ignore_errors=True)
            raise BatchInputError(str(e).replace(src.name, name)) from None
        rep.source = name
        res = BatchResult(rid, name, time.time())
        out = work / "report.xlsx"
        batch.write_xlsx(rep, out)
        res.files["report.xlsx"] = out
        if hasattr(batch, "checklists_html"):
            html_path = work / "checklists.html"
            html_path.write_text(batch.checklists_html(rep), encoding="utf-8")
            res.files["checklists.html"] = html_path
        if hasattr(batch, "summary_head"):
            res.head = list(batch.summary_head(rep))
        if hasattr(batch, "summary_table"):
            res.summary_headers, res.summary_rows = batch.summary_table(rep)
        if hasattr(batch, "problems_table"):
            res.problem_headers, res.problem_rows = batch.problems_table(rep)
        src.unlink(missing_ok=True)         # the ledger holds ID numbers: keep only the (masked) outputs
        self.results[rid] = res
        self._prune()
        return res

    def get(self, rid: str) -> BatchResult | None:
        return self.results.get(rid)
