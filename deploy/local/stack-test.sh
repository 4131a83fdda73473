#!/usr/bin/env bash
# The production stack, proven as plain processes on loopback: nginx (Debian's package)
# with the shipped deploy/nginx config, two `wt-api serve` and two `wt-worker` with
# production settings (DEBUG=false, cookie refresh mode, CSP enforced), a fresh database
# (deploy/local/test-db.sh) and the local Redis under a namespace of this run. Every check
# goes through nginx and prints one PASS/FAIL line; the exit status is 1 when any failed.
#
# Needs PostgreSQL and Redis answering (DATABASE_URL / REDIS_URL, as `make test` starts
# them), the debug binaries (or WT_BIN_DIR) and the built web app (built here when
# frontend/dist is missing). Installs nginx with apt-get when missing, as test.sh
# installs Chromium. Everything it starts is stopped on exit; its files live in a temp dir
# (kept, with every log, when STACK_TEST_KEEP=1).
set -euo pipefail
ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN_DIR="${WT_BIN_DIR:-$ROOT/target/debug}"
cd "$ROOT"
# shellcheck source=deploy/local/services.sh
. deploy/local/services.sh
# shellcheck source=deploy/local/stack-checks.sh
. deploy/local/stack-checks.sh
log() { printf '[stack-test] %s\n' "$*" >&2; }
die() { printf '[stack-test] error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- prerequisites

command -v nginx >/dev/null 2>&1 || stack_install nginx \
  || die "install nginx (sudo apt-get install -y nginx), then run again"
for tool in curl openssl python3 psql redis-cli; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing"
done
for bin in wt-api wt-worker; do
  [[ -x "$BIN_DIR/$bin" ]] || die "$BIN_DIR/$bin is missing: cargo build --workspace (or set WT_BIN_DIR)"
done
if [[ ! -f frontend/dist/index.html ]]; then
  log "building the web app (frontend/dist)"
  make --no-print-directory build-frontend >/dev/null
fi

# ---------------------------------------------------------------- the stack

T="$(mktemp -d)"
# nginx's workers run as nobody when this runs as root: they must reach the temp paths.
chmod 755 "$T"
mkdir -p "$T/work" "$T/logs" "$T/ssl" "$T/backups" "$T/resp"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
WEB_PORT="$(free_port)" TLS_PORT="$(free_port)"
API_PORTS=("$(free_port)" "$(free_port)")
METRICS_PORTS=("$(free_port)" "$(free_port)")
BASE="http://127.0.0.1:$WEB_PORT"
NAMESPACE="stack-test-$$"

declare -A PIDS=()
cleanup() {
  local status=$?
  for name in "${!PIDS[@]}"; do kill "${PIDS[$name]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  redis-cli -u "$REDIS_URL" --scan --pattern "$NAMESPACE*" 2>/dev/null \
    | xargs -r redis-cli -u "$REDIS_URL" del >/dev/null 2>&1 || true
  if ((status != 0)); then
    for file in "$T"/logs/*.log; do
      log "$(basename "$file") (tail):"; tail -n 15 "$file" >&2 || true
    done
  fi
  if [[ -n "${STACK_TEST_KEEP:-}" ]]; then log "kept $T"; else rm -rf "$T"; fi
  exit "$status"
}
trap cleanup EXIT INT TERM

export DATABASE_URL
DATABASE_URL="$(deploy/local/test-db.sh "${STACK_TEST_DB:-wt_stack_test}" --fresh)"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
# Production settings, as the guide's .env has them.
export DEBUG=false AUTH_ENFORCED=true COOKIE_REFRESH_AUTH=true
export CSP_ENABLED=true CSP_REPORT_ONLY=false CSP_REPORT_URI=/csp-report/
export SECRET_KEY="$(openssl rand -hex 32)" ALLOWED_HOSTS=127.0.0.1,localhost
export RUN_MIGRATIONS_ON_START=false CACHE_BACKEND=redis QUEUE_NAMESPACE="$NAMESPACE"
export BACKUPS_DIR="$T/backups" STATIC_DIR="$ROOT/frontend/dist" HOST=127.0.0.1
# Small enough to prove the api's own upload limit; every export becomes a job.
export PEOPLE_UPLOAD_MAX_BYTES=1048576 EXPORT_INLINE_MAX_ROWS=0
export WORKER_HEARTBEAT_SECONDS=2 WORKER_DRAIN_SECONDS=2 RUST_LOG=info
# nginx runs on this host: the client address it passes on is believed from it alone.
export TRUSTED_PROXIES=127.0.0.1
# The check below makes its own backup; no nightly one may start meanwhile.
export SCHEDULE_BACKUP=off

# Each process runs in the empty work dir, so no .env of the checkout is read.
wt_api() { (cd "$T/work" && "$BIN_DIR/wt-api" "$@"); }

start_api() { # INDEX
  local i="$1"
  (cd "$T/work" && PORT="${API_PORTS[$i]}" exec "$BIN_DIR/wt-api" serve) >>"$T/logs/api$i.log" 2>&1 &
  PIDS[api$i]=$!
}

wait_for() { # WHAT URL: until anything answers at URL
  local what="$1" url="$2"
  for _ in $(seq 1 150); do
    curl -s -o /dev/null "$url" && return 0
    sleep 0.1
  done
  die "$what did not start ($url)"
}

wt_api migrate >/dev/null 2>>"$T/logs/cli.log" || die "migrations failed"
wt_api seed-demo --people 5 --weeks 4 >/dev/null || die "seed-demo failed"
ADMIN_USER=stack-admin ADMIN_PASSWORD="stack-$(openssl rand -hex 8)-Pw"
wt_api create-dev-user --username "$ADMIN_USER" --password "$ADMIN_PASSWORD" \
  --email stack-admin@example.com --superuser >/dev/null || die "create-dev-user failed"

for i in 0 1; do
  start_api "$i"
  wait_for "api $i" "http://127.0.0.1:${API_PORTS[$i]}/api/health"
done
for i in 0 1; do
  # One scheduler, as in production; the other worker only runs jobs.
  scheduler=$([[ $i == 0 ]] && echo true || echo false)
  (cd "$T/work" && METRICS_ADDR="127.0.0.1:${METRICS_PORTS[$i]}" WORKER_SCHEDULER="$scheduler" \
    exec "$BIN_DIR/wt-worker") >>"$T/logs/worker$i.log" 2>&1 &
  PIDS[worker$i]=$!
done

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
  -keyout "$T/ssl/privkey.pem" -out "$T/ssl/fullchain.pem" 2>/dev/null
deploy/local/nginx-render.sh "$T/nginx" --port "$WEB_PORT" --root "$ROOT/frontend/dist" \
  --upstream "127.0.0.1:${API_PORTS[0]}" --upstream "127.0.0.1:${API_PORTS[1]}" \
  --tls-port "$TLS_PORT" --ssl-dir "$T/ssl"
NGINX=(nginx -p "$T/nginx" -c "$T/nginx/nginx.conf")
check "nginx -t accepts the shipped config (HTTP and HTTPS servers)" \
  "${NGINX[@]}" -t -q
"${NGINX[@]}" -g 'daemon off;' >"$T/logs/nginx-access.log" 2>"$T/logs/nginx-error.log" &
PIDS[nginx]=$!
wait_for nginx "$BASE/"
# Healthy once both apis reach PostgreSQL and Redis and a worker heartbeats.
healthy=0
for _ in $(seq 1 100); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health")" == 200 ]] && healthy=1 && break
  sleep 0.2
done
((healthy)) || die "the stack did not become healthy: $(curl -s "$BASE/health")"
log "nginx :$WEB_PORT (https :$TLS_PORT), api :${API_PORTS[*]}, workers up"

# ---------------------------------------------------------------- the checks

run_checks
summary
