"""村就业信息员的台账批量核对 — the village officer's check of a household ledger (台账).

    python -m ledger 台账.xlsx -o 报告.xlsx [--as-of 2026-11-22] [--checklists 入户清单.html] [--max-rows 50000]

Reads a ledger (.xlsx, or .csv in UTF-8, UTF-8 with BOM or GBK), one row per person, and for every person lists the
benefits they (or their household: a student's parent, a borrower, an entrepreneur) can apply for, with status,
amount, who receives the money, where and when to apply, the citation, and the documents to bring. Plain Python,
no Rasa import; the same evaluator, word table and catalogue as the chat (docs/architecture.md). The columns and
rules for the officer: docs/ledger-template.md.

    columns.py     the column schema: header names and aliases, notes and examples, which column a fact comes from
    reading.py     .xlsx / .csv → raw rows, within the upload limits (rows, the zip's unpacked size and members)
    cells.py       one cell → facts and problems (the word table), masking of ID and phone numbers
    check.py       rows → people: which benefits, status, amount, payee (BatchChecker, check_rows, check_ledger)
    reads.py       what a benefit's result depends on (the cache key), and which failures mean "not for you"
    report.py      Report, Person, Item, Problem; the wording of amounts
    tables.py      明细 / 汇总 / 问题 as tables
    writers.py     the report as .xlsx or as three CSV files (with the formula-injection guard)
    checklists.py  the printable household checklists (templates/checklists.html.j2, autoescaped)
    __main__.py    the command line

Bad cells never stop the run: each is reported per row (sheet 问题, e.g. "第5行 合同期限“很久”看不懂，按未知处理") and the
row is evaluated with what is readable. Only an unreadable file, an empty one, or one without the required headers
raises LedgerError (a Chinese message).
"""
from .cells import mask_id, mask_text
from .check import BatchChecker, check_ledger, check_rows
from .checklists import checklists_html, write_html
from .columns import COLUMN_NAMES, COLUMNS, MAX_NAME, MAX_REMARK
from .reading import MAX_ROWS, MAX_XLSX_MEMBERS, MAX_XLSX_UNPACKED, LedgerError, read_ledger
from .report import Item, Person, Problem, Report, amount_text
from .tables import problems_table, summary_head, summary_table
from .writers import csv_safe, write_csv, write_xlsx

__all__ = ["BatchChecker", "COLUMNS", "COLUMN_NAMES", "Item", "LedgerError", "MAX_NAME", "MAX_REMARK", "MAX_ROWS",
           "MAX_XLSX_MEMBERS", "MAX_XLSX_UNPACKED", "Person", "Problem", "Report", "amount_text", "check_ledger",
           "check_rows", "checklists_html", "csv_safe", "mask_id", "mask_text", "problems_table", "read_ledger",
           "summary_head", "summary_table", "write_csv", "write_html", "write_xlsx"]
