"""The ledger upload pages (the check itself is ledger/, run in a separate process by bot/console/ledger.py).

    GET  /console/batch, POST      ledger upload form; POST runs the check and shows the result
    GET  /console/batch/<id>/<file> the report workbook or the printable checklists
"""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from ..textcheck import valid_text
from . import auth, ledger, view, web
from .web import ConsoleError

if TYPE_CHECKING:
    from .channel import ConsoleInput

logger = logging.getLogger(__name__)


def routes(ch: "ConsoleInput") -> list[tuple]:
    page = ch._page

    def batch_ctx(session: auth.Session, as_of: str | None = None) -> dict:
        return dict(operator=session.operator, csrf=session.csrf, result=None, available=ledger.available(),
                    unavailable=_batch_unavailable_reason(), as_of=as_of or view.as_of_today().isoformat(),
                    max_mb=ledger.MAX_UPLOAD_BYTES // 1024 // 1024, max_rows=ledger.max_rows())

    @page
    async def batch_form(request: Request, session: auth.Session) -> HTTPResponse:
        return web.render("batch.html", error=None, **batch_ctx(session))

    @page
    async def batch_upload(request: Request, session: auth.Session) -> HTTPResponse:
        ctx = batch_ctx(session)
        try:
            form = web.form_of(request)
        except ConsoleError as e:
            return web.render("batch.html", status=e.status, error=e.message, **ctx)
        ctx["as_of"] = (form.get("as_of") or "").strip()[:20] or ctx["as_of"]
        if not web.same_origin(request) or not auth.csrf_ok(session, form.get("csrf")):
            return web.render("batch.html", status=403, error="请求校验失败（CSRF），请刷新页面后再试", **ctx)
        try:
            f = web.files_of(request).get("ledger")
        except ConsoleError as e:
            return web.render("batch.html", status=e.status, error=e.message, **ctx)
        if f is None or not f.body:
            return web.render("batch.html", status=400, error="请选择台账文件（.xlsx 或 .csv）", **ctx)
        if not valid_text(f.name or "", ledger.MAX_NAME_CHARS * 4):
            return web.render("batch.html", status=400, error="文件名里有无法识别的字符或太长，请改名后再上传", **ctx)
        try:
            as_of = dt.date.fromisoformat(ctx["as_of"])
        except ValueError:
            return web.render("batch.html", status=400, error=f"核对日期应写成 YYYY-MM-DD：{ctx['as_of'][:20]}", **ctx)
        try:
            # a separate process with its own memory and time limits: the chat is not held up (ledger.py)
            result = await ch.batch.run_isolated(f.name, f.body, as_of, ledger.columns_from_form(form))
        except ledger.BatchUnavailable as e:
            return web.render("batch.html", status=503, error=str(e), **ctx)
        except ledger.BatchBusy as e:
            return web.render("batch.html", status=429, error=str(e), **ctx)
        except ledger.BatchInputError as e:
            return web.render("batch.html", status=400, error=str(e), **ctx)
        except Exception:  # noqa: BLE001
            logger.exception("console batch check failed")
            return web.render("batch.html", status=500, **ctx,
                              error="台账核对出错了，问题已记入日志；可以把台账发给维护人员。")
        ctx["result"] = result
        return web.render("batch.html", error=None, **ctx)

    @page
    async def batch_file(request: Request, session: auth.Session, rid: str, fname: str) -> HTTPResponse:
        res = ch.batch.get(rid)
        path = res.files.get(fname) if res else None
        if path is None or not path.is_file():
            raise ConsoleError(404, "找不到这个核对结果（服务器重启后结果会清空，请重新上传）")
        if fname.endswith(".xlsx"):
            name = Path(res.source).stem + "-核对报告.xlsx"
            resp = await response.file(str(path), mime_type=(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})
            return web.secure_headers(resp)
        # streamed from the file (a 50 000-row ledger's checklists are tens of MB)
        resp = await response.file(str(path), mime_type="text/html; charset=utf-8")
        # the batch module's own escaped HTML with an inline <style>: no scripts at all
        resp.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
        return web.secure_headers(resp)

    return [
        (batch_form, "/batch", ["GET"], "batch_form"),
        (batch_upload, "/batch", ["POST"], "batch_upload"),
        (batch_file, "/batch/<rid:[0-9a-f]{16}>/<fname:report\\.xlsx|checklists\\.html>", ["GET"], "batch_file"),
    ]


def _batch_unavailable_reason() -> str | None:
    try:
        ledger.load_batch()
        return None
    except ledger.BatchUnavailable as e:
        return str(e)