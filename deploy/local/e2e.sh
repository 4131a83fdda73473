#!/usr/bin/env bash
# End-to-end tests against the real built stack: a fresh database, the built wt-api and
# wt-worker on a free port, the built web app, and real Chromium driven by the frontend's
# e2e suite. Everything started here is stopped on exit.
set -euo pipefail
ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN_DIR="${WT_BIN_DIR:-$ROOT/target/debug}"
cd "$ROOT"
log() { printf '[e2e] %s\n' "$*" >&2; }

# E2E_DB lets two runs on one machine use separate databases.
DATABASE_URL="$(deploy/local/test-db.sh "${E2E_DB:-wt_e2e}" --fresh)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export DATABASE_URL PORT
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
export DEBUG=true RUN_MIGRATIONS_ON_START=true STATIC_DIR="$ROOT/frontend/dist"
export QUEUE_NAMESPACE="e2e-$$" WORKER_HEARTBEAT_SECONDS=2 RUST_LOG="${RUST_LOG:-warn}"
LOGS="$(mktemp -d)"

pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if ((status != 0)); then
    log "api log (tail):"; tail -n 30 "$LOGS/api.log" >&2 || true
    log "worker log (tail):"; tail -n 30 "$LOGS/worker.log" >&2 || true
  fi
  rm -rf "$LOGS"
  exit "$status"
}
trap cleanup EXIT INT TERM

# The api migrates the fresh database before it listens; the worker starts after that.
(cd "$LOGS" && exec "$BIN_DIR/wt-api" serve >"$LOGS/api.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/api/health" && break
  sleep 0.2
done
curl -s -o /dev/null "http://127.0.0.1:$PORT/api/health" || { log "the api did not start"; exit 1; }
(cd "$LOGS" && exec "$BIN_DIR/wt-worker" >"$LOGS/worker.log" 2>&1) &
pids+=($!)
log "api and worker up on port $PORT"

# The admin the sign-in tests use, made through the guide's own command.
export E2E_ADMIN_USER=e2e-admin E2E_ADMIN_PASSWORD="e2e-$(date +%s)-Passw0rd"
"$BIN_DIR/wt-api" create-dev-user --username "$E2E_ADMIN_USER" --password "$E2E_ADMIN_PASSWORD" \
  --email e2e-admin@example.com --superuser >/dev/null

cd frontend
E2E_BASE_URL="http://127.0.0.1:$PORT" E2E_API_LOG="$LOGS/api.log" npm run --silent e2e -- "$@"
