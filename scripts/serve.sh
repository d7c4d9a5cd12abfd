#!/usr/bin/env bash
# Start the action server and the Rasa server (REST channel, SQLite tracker store by default) and say where to talk.
# Usage: scripts/serve.sh [--shell]   (the Makefile sets the environment; see `make run`)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
RASA_PORT="${RASA_PORT:-5005}"
ACTIONS_PORT="${ACTIONS_PORT:-5055}"
MODEL="${MODEL:-models/policy-assistant.tar.gz}"
mkdir -p var/log
# third-party deprecation warnings (pkg_resources, distutils, SQLAlchemy 2.0) say nothing to the person running it
export PYTHONWARNINGS="${PYTHONWARNINGS:-ignore::DeprecationWarning}" SQLALCHEMY_SILENCE_UBER_WARNING=1
# Rasa reuses connections to the action server for up to 15 s; Sanic's default 5 s keep-alive closes them under it
# and turns are lost under load ("Cannot write to closing transport"). Keep them open longer.
export SANIC_KEEP_ALIVE_TIMEOUT="${SANIC_KEEP_ALIVE_TIMEOUT:-120}"
export ACTION_ENDPOINT_URL="${ACTION_ENDPOINT_URL:-http://127.0.0.1:${ACTIONS_PORT}/webhook}"
# Who can reach what (docs/security.md): the Rasa server on loopback unless ASSISTANT_HOST says otherwise (behind an
# HTTPS reverse proxy for WeChat), the action server on loopback unless ACTIONS_HOST says otherwise, and a shared
# secret between the two (a fresh one each start unless ACTION_TOKEN is set, e.g. for a split deployment).
ASSISTANT_HOST="${ASSISTANT_HOST:-127.0.0.1}"
export ACTIONS_HOST="${ACTIONS_HOST:-127.0.0.1}"
export ACTION_TOKEN="${ACTION_TOKEN:-$("$VENV/bin/python" -c 'import secrets; print(secrets.token_urlsafe(32))')}"
# Sanic reads request bodies up to this size before any handler sees them (its default is 100 MB)
export SANIC_REQUEST_MAX_SIZE="${SANIC_REQUEST_MAX_SIZE:-8000000}"
# Rasa's HTTP API (trackers, model, training) stays closed unless RASA_API_TOKEN is set; then it needs that token.
API_ARGS=()
if [ -n "${RASA_API_TOKEN:-}" ]; then API_ARGS=(--enable-api --auth-token "$RASA_API_TOKEN"); fi
CORS_ARGS=()
if [ -n "${ASSISTANT_CORS:-}" ]; then CORS_ARGS=(--cors $ASSISTANT_CORS); fi
export TRACKER_DIALECT="${TRACKER_DIALECT:-sqlite}"
export TRACKER_URL="${TRACKER_URL:-sqlite:///$PWD/var/rasa.db}"
export LOCK_STORE_TYPE="${LOCK_STORE_TYPE:-in_memory}" REDIS_HOST="${REDIS_HOST:-localhost}"
export REDIS_PORT="${REDIS_PORT:-6379}" REDIS_DB="${REDIS_DB:-1}"

# Fail now, clearly, if the conversation database cannot be reached (Rasa would silently keep conversations in memory).
"$VENV/bin/python" scripts/preflight.py || exit 1

"$VENV/bin/python" -m actions.server --port "$ACTIONS_PORT" >var/log/actions.log 2>&1 &
ACT_PID=$!
trap 'kill $ACT_PID 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:${ACTIONS_PORT}/health" >/dev/null 2>&1 && break
  kill -0 $ACT_PID 2>/dev/null || { echo "action server failed to start, see var/log/actions.log" >&2; tail -20 var/log/actions.log >&2; exit 1; }
  sleep 1
done

if [ "${1:-}" = "--shell" ]; then
  "$VENV/bin/rasa" shell --model "$MODEL" --endpoints endpoints.yml
  exit $?
fi

cat <<MSG

  就业帮扶政策助手 is starting on http://${ASSISTANT_HOST}:${RASA_PORT}  (operator console: /console/)
  Talk to it (REST channel):
    curl -s -XPOST http://${ASSISTANT_HOST}:${RASA_PORT}/webhooks/rest/webhook \\
         -H 'Content-Type: application/json' \\
         -d '{"sender":"test-user","message":"我在社区工厂干了一年能拿多少补贴"}'
  Terminal chat: make shell        Logs: var/log/        Conversations: ${TRACKER_URL%%\?*}
  Stop: Ctrl-C

MSG
exec "$VENV/bin/rasa" run --model "$MODEL" -i "$ASSISTANT_HOST" --port "$RASA_PORT" --endpoints endpoints.yml \
  --credentials credentials.yml "${API_ARGS[@]}" "${CORS_ARGS[@]}"
