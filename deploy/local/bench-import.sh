#!/usr/bin/env bash
# `make bench`, part three: spreadsheet imports through the real api and worker (release
# build). A people-and-hours workbook of 100,000 rows (99,999 people and the header) x 12
# columns, written by the tests' own builders (the wt-transfer example bench_workbooks),
# is uploaded to POST /api/imports/people as a dry run, then for real; then a zip bomb (a
# 64 MiB sheet in a few hundred kilobytes). Each runs on a freshly started worker serving
# the imports queue, whose peak resident size (VmHWM) is read from /proc before it stops.
# Prints wall time (upload to job finished, as a client sees it) and the worker's peak,
# with the targets beside them. Asserts nothing.
set -euo pipefail
ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
BIN="$ROOT/target/release"
ROWS="${WT_BENCH_IMPORT_ROWS:-99999}"
log() { printf '[bench] %s\n' "$*" >&2; }

cargo build --release --locked -p wt-api -p wt-worker
WORK="$(mktemp -d)"
API="" WORKER=""
cleanup() {
  [[ -n "$WORKER" ]] && kill -TERM "$WORKER" 2>/dev/null || true
  [[ -n "$API" ]] && kill -TERM "$API" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
log "writing the workbooks ($ROWS people)"
cargo run --release --locked --quiet -p wt-transfer --example bench_workbooks -- "$WORK" "$ROWS"

export DATABASE_URL; DATABASE_URL="$(deploy/local/test-db.sh wt_bench_import --fresh)"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}" DEBUG=true RUST_LOG=warn
export QUEUE_NAMESPACE="bench-import-$$" RUN_MIGRATIONS_ON_START=false BACKUPS_DIR="$WORK/backups"
export SCHEDULE_WARM_CACHE=off SCHEDULE_HOUSEKEEPING=off
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export PORT
"$BIN/wt-api" migrate
PASSWORD="bench-$(date +%s)-password"
"$BIN/wt-api" create-dev-user --username bench --password "$PASSWORD" --email bench@example.com --superuser >/dev/null
"$BIN/wt-api" serve >/dev/null 2>&1 &
API=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do curl -s -o /dev/null "$BASE/api/health" && break; sleep 0.1; done
TOKEN="$(curl -s -X POST "$BASE/api/token" -H 'content-type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access"])')"

sql() { psql -X -q -At "$DATABASE_URL" -c "$1"; }
now() { date +%s.%N; }
kib() { awk -v field="$1:" '$1 == field {print $2}' "/proc/$WORKER/status"; }

start_worker() {
  WORKER_QUEUES=imports "$BIN/wt-worker" >/dev/null 2>&1 &
  WORKER=$!
  sleep 1
}
stop_worker() {
  kill -TERM "$WORKER" 2>/dev/null || true
  wait "$WORKER" 2>/dev/null || true
  WORKER=""
}

# Uploads $1 with the form fields $2..; prints "seconds state idle_kib peak_kib error".
import_on_fresh_worker() {
  local file="$1" start id state idle peak
  shift
  start_worker
  idle="$(kib VmRSS)"
  start="$(now)"
  id="$(curl -s -X POST "$BASE/api/imports/people" -H "authorization: Bearer $TOKEN" \
    -F "file=@$file" "$@" | python3 -c 'import json,sys; print(json.load(sys.stdin)["jobId"])')"
  for _ in $(seq 1 6000); do
    state="$(sql "SELECT state FROM jobs WHERE id = $id")"
    [[ "$state" == succeeded || "$state" == failed || "$state" == cancelled ]] && break
    sleep 0.02
  done
  local seconds; seconds="$(python3 -c "print(f'{$(now) - $start:.2f}')")"
  peak="$(kib VmHWM)"
  stop_worker
  printf '%s %s %s %s %s\n' "$seconds" "$state" "$idle" "$peak" \
    "$(sql "SELECT coalesce(error_code, '-') FROM jobs WHERE id = $id")"
}

mib() { python3 -c "print(f'{$1 / 1024:.0f}')"; }

log "dry run"
read -r dry_s dry_state _ dry_peak _ <<<"$(import_on_fresh_worker "$WORK/people-and-hours.xlsx" -F dryRun=true)"
log "real import"
read -r real_s real_state _ real_peak _ <<<"$(import_on_fresh_worker "$WORK/people-and-hours.xlsx")"
people="$(sql "SELECT count(*) FROM people")"
log "zip bomb"
read -r bomb_s bomb_state bomb_idle bomb_peak bomb_code <<<"$(import_on_fresh_worker "$WORK/bomb.xlsx")"

printf '\nImports: %s rows x 12 columns (%s KiB .xlsx), release build, one worker\n\n' \
  "$((ROWS + 1))" "$(( $(stat -c %s "$WORK/people-and-hours.xlsx") / 1024 ))"
printf '%-48s %8s %12s %24s\n' "import" "wall s" "worker MiB" "target"
printf '%-48s %8s %12s %24s\n' "dry run ($dry_state)" "$dry_s" "$(mib "$dry_peak") peak" "< 10 s, < 200 MiB"
printf '%-48s %8s %12s %24s\n' "real import ($real_state, $people people)" "$real_s" "$(mib "$real_peak") peak" "< 10 s, < 200 MiB"
printf '%-48s %8s %12s %24s\n' "zip bomb ($bomb_state: $bomb_code)" "$bomb_s" "+$(mib "$((bomb_peak - bomb_idle))")" "< 1 s, < 64 MiB extra"
