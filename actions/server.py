"""The action server, closed to strangers: `python -m actions.server [--port 5055]` instead of `rasa run actions`.

`rasa run actions` binds to 0.0.0.0, allows every CORS origin and runs any tracker it is sent: anyone who reached
port 5055 got full answers for a forged conversation and wrote a forged row into the audit log. Here:
- it binds to 127.0.0.1 unless ACTIONS_HOST says otherwise (a split deployment, with the Rasa server elsewhere);
- every request but /health must carry the shared secret ACTION_TOKEN in the `X-Action-Token` header, which the Rasa
  server sends from endpoints.yml (`action_endpoint.headers`); without ACTION_TOKEN it refuses to start;
- no CORS, bodies are bounded, and an error reply never echoes the request body (rasa-sdk's handler does).
"""
from __future__ import annotations

import argparse
import hmac
import logging
import os
import sys

HEADER = "X-Action-Token"
MAX_BODY = 2 * 1024 * 1024      # a long conversation's tracker is well under this


def create_app(token: str):
    from rasa_sdk.endpoint import create_app as sdk_create_app
    from sanic import response

    import actions.actions as package

    app = sdk_create_app(package, cors_origins=None)
    expected = token.encode("utf-8")

    @app.middleware("request")
    async def _guard(request):
        if request.path == "/health":
            return None
        given = (request.headers.get(HEADER) or "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, expected):
            return response.json({"error": "forbidden"}, status=403)
        if len(request.body or b"") > MAX_BODY or request.headers.get("Content-Encoding"):
            return response.json({"error": "request too large or encoded"}, status=413)
        return None

    # rasa-sdk's own handler answers a 500 with str(exception) and the whole request body (the user's words)
    async def _error(request, exception: Exception):
        logging.getLogger("actions.server").error("action request failed: %s", type(exception).__name__,
                                                  exc_info=exception)
        return response.json({"error": "action server error"}, status=500)

    app.error_handler.add(Exception, _error)
    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTIONS_PORT", "5055")))
    parser.add_argument("--host", default=os.environ.get("ACTIONS_HOST", "127.0.0.1"))
    args = parser.parse_args(argv)
    token = os.environ.get("ACTION_TOKEN", "")
    if len(token) < 16:
        print("拒绝启动：没有设置 ACTION_TOKEN（至少16个字符）。\nRefusing to start: set ACTION_TOKEN (16+ characters) to "
              "the same value for the Rasa server (endpoints.yml) and the action server; scripts/serve.sh makes one.",
              file=sys.stderr)
        return 2
    from rasa_sdk import utils

    logging.basicConfig(level=logging.INFO)
    utils.update_sanic_log_level()
    app = create_app(token)
    logging.getLogger("actions.server").info("action server on http://%s:%d", args.host, args.port)
    app.run(args.host, args.port, workers=utils.number_of_sanic_workers(), access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
