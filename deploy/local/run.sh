#!/usr/bin/env bash
# `make run`: build, bring up PostgreSQL + Redis, migrate, run the api and the worker in the
# foreground; Ctrl-C stops them and the project-local servers this run started.
#
# Environment (all optional):
#   WT_SKIP_BUILD=1     skip both builds        WT_SKIP_CARGO=1 / WT_SKIP_FRONTEND=1: one of them
#   WT_BIN_DIR          where wt-api and wt-worker are (default <root>/target/release)
#   WT_HEALTH_TIMEOUT   seconds to wait for /api/health (default 60)
#   WT_KEEP_SERVICES=1  leave PostgreSQL/Redis running on exit
#   PORT                api port (default 8000; also read from .env)
#   plus everything deploy/local/services.sh reads (DATABASE_URL, REDIS_URL, WT_ROOT, ...)
set -euo pipefail

# shellcheck source=services.sh source-path=SCRIPTDIR
. "$(dirname -- "${BASH_SOURCE[0]}")/services.sh"

log() { printf '[run] %s\n' "$*" >&2; }
die() { printf '[run] error: %s\n' "$*" >&2; exit 1; }

ROOT="$(stack_root)"
cd -- "$ROOT"
BIN_DIR="${WT_BIN_DIR:-$ROOT/target/release}"
API_PID="" WORKER_PID="" CLEANED=0 SERVICES_UP=0

# ---------------------------------------------------------------- build

if [[ -z "${WT_SKIP_BUILD:-}" && -z "${WT_SKIP_CARGO:-}" ]]; then
  log "cargo build --release -p wt-api -p wt-worker"
  cargo build --release -p wt-api -p wt-worker
fi
if [[ -z "${WT_SKIP_BUILD:-}" && -z "${WT_SKIP_FRONTEND:-}" ]]; then
  if [[ -f frontend/package.json ]]; then
    command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js 20+ (e.g. apt-get install -y nodejs npm)"
    if [[ ! -d frontend/node_modules ]] \
      || { [[ -f frontend/package-lock.json ]] && [[ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]]; }; then
      log "npm ci (frontend)"
      (cd frontend && npm ci --no-audit --no-fund)
    fi
    log "npm run build (frontend)"
    (cd frontend && npm run build)
  else
    log "no frontend/package.json yet: skipping the frontend build"
  fi
fi
for b in wt-api wt-worker; do
  [[ -x "$BIN_DIR/$b" ]] || die "$BIN_DIR/$b not found: build it (cargo build --release -p $b) or set WT_BIN_DIR"
done

# ---------------------------------------------------------------- stop everything

# stop_children: SIGTERM the api and the worker, wait up to 10 s, then SIGKILL.
stop_children() {
  local pids=() pid i
  for pid in $API_PID $WORKER_PID; do
    kill -0 "$pid" 2>/dev/null && pids+=("$pid")
  done
  ((${#pids[@]})) || return 0
  log "stopping wt-api and wt-worker"
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "${pids[@]}" 2>/dev/null || break   # true while any still runs
    sleep 0.1
  done
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      log "pid $pid did not stop within 10 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
}

cleanup() {
  ((CLEANED)) && return 0
  CLEANED=1
  trap '' INT TERM HUP
  stop_children
  if ((SERVICES_UP)) && [[ -z "${WT_KEEP_SERVICES:-}" ]]; then
    stack_down_started || true
  fi
}

# shellcheck disable=SC2317  # called from traps
on_signal() {
  printf '\n' >&2
  log "$1: shutting down"
  cleanup
  log "stopped"
  exit 0
}

trap 'on_signal interrupted' INT
trap 'on_signal terminated' TERM HUP
trap 'rc=$?; cleanup; exit "$rc"' EXIT

# ---------------------------------------------------------------- services, config, migrate

SERVICES_UP=1
stack_up || die "could not bring up PostgreSQL and Redis"
stack_export_dotenv "$ROOT/.env"
PORT="${PORT:-8000}"
export PORT

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "port $PORT is already in use: stop what runs there or set PORT"
fi

log "wt-api migrate"
"$BIN_DIR/wt-api" migrate || die "migration failed"
# A first admin with a random password, printed once, unless an admin exists.
"$BIN_DIR/wt-api" create-demo-admin || die "could not check for an admin account"
# A demo company on an empty database, so a first start shows a living product.
"$BIN_DIR/wt-api" seed-demo --if-empty || die "could not load the demo data"

# ---------------------------------------------------------------- run

"$BIN_DIR/wt-api" serve &
API_PID=$!
"$BIN_DIR/wt-worker" &
WORKER_PID=$!
log "started wt-api (pid $API_PID) and wt-worker (pid $WORKER_PID)"

# child_died: set DIED to the first child that is no longer running
child_died() {
  DIED=""
  if ! kill -0 "$API_PID" 2>/dev/null; then DIED=wt-api; DIED_PID=$API_PID
  elif ! kill -0 "$WORKER_PID" 2>/dev/null; then DIED=wt-worker; DIED_PID=$WORKER_PID
  fi
  [[ -n "$DIED" ]]
}

fail_child() {
  local rc=0
  wait "$DIED_PID" 2>/dev/null || rc=$?
  if [[ "$DIED" == wt-api ]]; then API_PID=""; else WORKER_PID=""; fi
  # Both binaries exit 0 only when asked to stop (Ctrl-C reaches the whole process
  # group, so they may see it before this script's trap runs): that is a clean stop.
  if ((rc == 0)); then
    log "$DIED stopped; stopping the rest"
  else
    log "$DIED exited (status $rc); stopping the rest"
  fi
  cleanup
  exit "$rc"
}

# health: print "<http status> <body>" for GET /api/health, or fail if nothing answers
health() {
  local url="http://127.0.0.1:$PORT/api/health" out
  if command -v curl >/dev/null 2>&1; then
    out="$(curl -s --max-time 3 -w '\n%{http_code}' "$url" 2>/dev/null)" || return 1
    printf '%s %s\n' "${out##*$'\n'}" "${out%$'\n'*}"
  else
    # shellcheck disable=SC2016  # expanded by the inner bash
    timeout 5 bash -c '
      exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
      printf "GET /api/health HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n" "$1" >&3
      IFS=" " read -r _ code _ <&3 || exit 1
      body="$(sed "1,/^\r\{0,1\}$/d" <&3)"
      printf "%s %s\n" "$code" "$body"
    ' _ "$PORT" 2>/dev/null
  fi
}

timeout_s="${WT_HEALTH_TIMEOUT:-60}"
deadline=$((SECONDS + timeout_s))
answer=""
while :; do
  child_died && fail_child
  if answer="$(health)" && [[ "${answer%% *}" =~ ^[1-5][0-9][0-9]$ ]]; then break; fi
  if ((SECONDS >= deadline)); then
    log "wt-api did not answer on http://127.0.0.1:$PORT/api/health within $timeout_s s"
    cleanup
    exit 1
  fi
  sleep 0.5
done

code="${answer%% *}" body="${answer#* }"
case "$code" in
  200) ;;
  503) log "warning: /api/health says 503 (not everything is up yet): $body" ;;
  *) log "warning: /api/health answered $code: $body" ;;
esac
line="================================================================"
printf '\n%s\n  Workload Tracker is running:  http://127.0.0.1:%s\n' "$line" "$PORT" >&2
printf '  database %s | redis %s\n  Ctrl-C stops it.\n%s\n\n' \
  "$(stack__redact "$DATABASE_URL")" "$(stack__redact "$REDIS_URL")" "$line" >&2

while ! child_died; do
  sleep 1
done
fail_child
