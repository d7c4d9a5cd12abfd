#!/usr/bin/env bash
# Throwaway PostgreSQL + Redis on loopback for the scale-out tests (tests/reliability) and for trying the shared,
# multi-process set-up by hand. Nothing to install by hand: missing packages are installed with apt-get (Debian).
#
#   scripts/services.sh install          apt-get install postgresql redis-server when missing (root)
#   scripts/services.sh start [DIR]      install if needed, start both in DIR (default: a new temp dir), print
#                                        the environment for Rasa on stdout:  eval "$(scripts/services.sh start)"
#   scripts/services.sh stop [DIR]       stop both and delete DIR (default: $SERVICES_DIR)
#
# PostgreSQL: initdb into DIR/pg as the `postgres` OS user (runuser when we are root), listening on 127.0.0.1 and
# a free port only, unix socket in DIR/sock; database `rasa`, user `rasa` with a random password.
# Redis: 127.0.0.1 and a free port only, no persistence (--save '' --appendonly no), daemonized.
# Everything it prints besides the KEY=value lines goes to stderr. Every wait is bounded.
set -euo pipefail

log() { echo "services.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
MARK=".reliability-services"

pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

have_all() { pg_bin >/dev/null && command -v redis-server >/dev/null 2>&1 && command -v psql >/dev/null 2>&1; }

install() {
  have_all && return 0
  [ "$(id -u)" -eq 0 ] || die "postgresql and redis-server are missing; run 'scripts/services.sh install' as root"
  command -v apt-get >/dev/null 2>&1 || die "no apt-get: install PostgreSQL (initdb, pg_ctl, psql) and redis-server"
  local pkgs=()
  { pg_bin >/dev/null && command -v psql >/dev/null 2>&1; } || pkgs+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || pkgs+=(redis-server)
  log "installing ${pkgs[*]} (apt-get) ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # policy-rc.d 101: the packages must not start their own system-wide services
  local prc=/usr/sbin/policy-rc.d created=0
  if [ ! -e "$prc" ]; then printf '#!/bin/sh\nexit 101\n' >"$prc"; chmod +x "$prc"; created=1; fi
  apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >&2 || { [ $created -eq 1 ] && rm -f "$prc"; die "apt-get install failed"; }
  [ $created -eq 1 ] && rm -f "$prc"
  have_all || die "still missing after apt-get install"
}

free_port() {
  local py
  py="$(command -v python3 || true)"; [ -n "$py" ] || py="$(dirname "$0")/../.venv/bin/python"
  "$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

as_pg() {  # run a PostgreSQL server program as the postgres OS user (it refuses to run as root)
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  install
  local dir="${1:-}"
  if [ -z "$dir" ]; then dir="$(mktemp -d "${TMPDIR:-/tmp}/reliability-services.XXXXXX")"; fi
  mkdir -p "$dir"; dir="$(cd "$dir" && pwd)"
  [ -z "$(ls -A "$dir")" ] || [ -e "$dir/$MARK" ] || die "$dir is not empty and not ours"
  touch "$dir/$MARK"; chmod 755 "$dir"
  local bin pg_port redis_port pw
  bin="$(pg_bin)"
  pg_port="$(free_port)"; redis_port="$(free_port)"
  pw="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  mkdir -p "$dir/pg" "$dir/sock" "$dir/redis"
  : >"$dir/postgres.log"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir/pg" "$dir/sock" "$dir/postgres.log"; fi
  chmod 700 "$dir/pg"

  log "PostgreSQL: initdb in $dir/pg, 127.0.0.1:$pg_port"
  as_pg "$bin/initdb" -D "$dir/pg" -U postgres -A trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { tail -20 "$dir/initdb.log" >&2; die "initdb failed"; }
  cat >>"$dir/pg/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$dir/sock'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  # local (unix socket, DIR/sock only) trusted for set-up; TCP on 127.0.0.1 needs the password
  as_pg "$bin/pg_ctl" -D "$dir/pg" -l "$dir/postgres.log" -w -t 60 start >/dev/null 2>&1 \
    || { tail -20 "$dir/postgres.log" >&2; die "PostgreSQL did not start"; }
  psql -h "$dir/sock" -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt \
    -c "CREATE USER rasa PASSWORD '$pw'" -c "CREATE DATABASE rasa OWNER rasa" >&2 \
    || die "could not create the rasa database"

  log "Redis: 127.0.0.1:$redis_port"
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$dir/redis" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >&2 || die "redis-server failed"
  local i ok=0
  for i in $(seq 1 100); do
    if redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG; then ok=1; break; fi
    sleep 0.1
  done
  [ $ok -eq 1 ] || { tail -20 "$dir/redis.log" >&2; die "Redis did not answer"; }

  cat >"$dir/env" <<ENV
SERVICES_DIR=$dir
TRACKER_DIALECT=postgresql
TRACKER_URL=postgresql://rasa:$pw@127.0.0.1:$pg_port/rasa
LOCK_STORE_TYPE=redis
REDIS_HOST=127.0.0.1
REDIS_PORT=$redis_port
REDIS_DB=1
PG_PORT=$pg_port
ENV
  cat "$dir/env"
  log "started; stop with: scripts/services.sh stop $dir"
}

stop() {
  local dir="${1:-${SERVICES_DIR:-}}"
  [ -n "$dir" ] || die "which directory? scripts/services.sh stop DIR (or SERVICES_DIR=...)"
  [ -d "$dir" ] || { log "$dir: nothing to stop"; return 0; }
  [ -e "$dir/$MARK" ] || die "$dir was not made by scripts/services.sh start; not touching it"
  local bin
  if [ -f "$dir/pg/postmaster.pid" ] && bin="$(pg_bin)"; then
    as_pg "$bin/pg_ctl" -D "$dir/pg" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || { log "pg_ctl stop failed; killing the postmaster"; kill -9 "$(head -1 "$dir/pg/postmaster.pid")" 2>/dev/null || true; }
  fi
  if [ -f "$dir/redis.pid" ]; then
    local pid i
    pid="$(cat "$dir/redis.pid")"
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
}

case "${1:-}" in
  install) install ;;
  start) shift; start "${1:-}" ;;
  stop) shift; stop "${1:-}" ;;
  *) echo "usage: $0 install | start [DIR] | stop [DIR]" >&2; exit 2 ;;
esac
