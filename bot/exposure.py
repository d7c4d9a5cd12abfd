"""Who can reach this server, and what that forbids.

`rasa run` binds to 0.0.0.0 unless told otherwise (`-i/--interface`); `scripts/serve.sh` passes
`-i ${ASSISTANT_HOST:-127.0.0.1}`. A server whose interface is not a loopback address is *exposed*: anyone on the
county network can reach it. An exposed server must not run on the development secrets that the README prints
(`dev-wechat-token`, `dev-console-token`), and it must not serve Rasa's HTTP API (trackers, model upload) without
`--auth-token` or `--jwt-secret`. Both are refused at start-up with a message saying what to set.

The channels call `require_secret()` and `check_rasa_api()` while Rasa builds their blueprints, i.e. before the
server accepts its first request. Outside `rasa run` (unit tests that build a channel in-process) nothing is bound
and nothing is refused.
"""
from __future__ import annotations

import ipaddress
import logging
import os
import sys
from typing import Optional, Sequence

logger = logging.getLogger(__name__)

RASA_DEFAULT_INTERFACE = "0.0.0.0"      # rasa/cli/arguments/run.py: --interface default


class UnsafeStart(SystemExit):
    """Raised to stop `rasa run` before it serves anything; the message is printed as the exit reason."""


def _rasa_run_args(argv: Optional[Sequence[str]] = None) -> Optional[list]:
    """The arguments after `rasa run` when this process is a Rasa server, else None. Covers the `rasa` script and
    `python -m rasa` (whose argv[0] is .../rasa/__main__.py)."""
    argv = list(sys.argv if argv is None else argv)
    if not argv:
        return None
    prog = argv[0]
    is_rasa = "rasa" in os.path.basename(prog) or (
        os.path.basename(prog) == "__main__.py" and os.path.basename(os.path.dirname(prog)) == "rasa")
    args = argv[1:]
    if not is_rasa and os.path.basename(prog).startswith("python") and args[:2] == ["-m", "rasa"]:
        is_rasa, args = True, args[2:]
    if not is_rasa or not args or args[0] != "run" or (len(args) > 1 and args[1] == "actions"):
        return None
    return args[1:]


def is_loopback(host: str) -> bool:
    host = (host or "").strip().strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False        # a host name other than localhost: assume others can reach it


def _parsed(argv: Optional[Sequence[str]] = None):
    """`rasa run`'s options as Rasa itself reads them (abbreviations, attached values, the last of a repeated
    option), or None when this process is not a Rasa server."""
    args = _rasa_run_args(argv)
    if args is None:
        return None
    from rasa.__main__ import create_argument_parser

    try:
        ns, _ = create_argument_parser().parse_known_args(["run", *args])
    except SystemExit:          # Rasa will print its own usage error and stop
        return None
    return ns


def bound_interface(argv: Optional[Sequence[str]] = None) -> Optional[str]:
    """The interface this `rasa run` binds to, or None when this process is not a Rasa server."""
    ns = _parsed(argv)
    if ns is None:
        return None
    return getattr(ns, "interface", None) or RASA_DEFAULT_INTERFACE


def exposed(argv: Optional[Sequence[str]] = None) -> bool:
    """True when this process is a Rasa server reachable from other hosts."""
    host = bound_interface(argv)
    return host is not None and not is_loopback(host)


def require_secret(env_name: str, value: str, dev_default: str, argv: Optional[Sequence[str]] = None) -> None:
    """Refuse to start an exposed server whose secret `env_name` is unset or still the development default."""
    if (not value or value == dev_default) and exposed(argv):
        raise UnsafeStart(
            f"拒绝启动：服务器对其他主机开放（--interface {bound_interface(argv)}），但 {env_name} 未设置或仍是开发用的默认值。"
            f"\nRefusing to start: this server is reachable from other hosts but {env_name} is unset or the "
            f"development default {dev_default!r} printed in the README. Set {env_name} to a real secret, or bind "
            f"to 127.0.0.1 (ASSISTANT_HOST=127.0.0.1).")


def check_rasa_args(argv: Optional[Sequence[str]] = None) -> None:
    """Refuse `--enable-api` without `--auth-token`/`--jwt-secret` (Rasa's API reads and rewrites any user's
    conversation and replaces the model), and a wildcard `--cors "*"` (Rasa always allows credentials, so every
    site's pages could call the server with the visitor's cookies)."""
    ns = _parsed(argv)
    if ns is None:
        return
    if getattr(ns, "enable_api", False) and not (getattr(ns, "auth_token", None) or getattr(ns, "jwt_secret", None)):
        raise UnsafeStart(
            "拒绝启动：开启了 Rasa HTTP API（--enable-api）却没有设置 --auth-token 或 --jwt-secret。"
            "\nRefusing to start: --enable-api without --auth-token or --jwt-secret lets anyone who reaches the port "
            "read and rewrite every conversation and replace the model. Add --auth-token (see docs/security.md).")
    cors = getattr(ns, "cors", None) or []
    if isinstance(cors, str):
        cors = [cors]
    if any(str(c).strip() == "*" for c in cors):
        raise UnsafeStart(
            "拒绝启动：--cors \"*\" 允许任何网站带着凭据调用本服务器。"
            "\nRefusing to start: --cors \"*\" with Rasa's credentialed CORS lets every site call this server. "
            "Name the origins that need it, e.g. --cors https://console.example.gov.cn")


_checked = False


def check_server() -> None:
    """Run the start-up checks of a `rasa run` process once (called when our channels are loaded)."""
    global _checked
    if not _checked:
        check_rasa_args()
        _checked = True
