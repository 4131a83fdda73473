#!/usr/bin/env bash
# `make bench`: the headline timings on a 5,000-person company (override with
# WT_BENCH_PEOPLE), measured against the release build on this machine: the 12-week
# planning grid's first page (with and without its people's rows), a 52-week page, the
# rows of 20 expanded people, the project grid,
# a people search, project candidates, a department's projects, and the request rate of
# the grid and of health with `wrk` (installed from Debian when missing and permitted).
# Then the job system's throughput and latency (deploy/local/bench-jobs.sh). Prints tables;
# asserts nothing.
set -euo pipefail
ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
BIN="$ROOT/target/release"
PEOPLE="${WT_BENCH_PEOPLE:-5000}"
SAMPLES="${WT_BENCH_SAMPLES:-15}"
log() { printf '[bench] %s\n' "$*" >&2; }

cargo build --release --locked -p wt-api -p wt-worker
if ! command -v wrk >/dev/null 2>&1 && [[ "$(id -u)" -eq 0 && -z "${WT_NO_APT:-}" ]]; then
  log "installing wrk (apt-get) for the request-rate figures"
  apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; } || true
fi

export DATABASE_URL; DATABASE_URL="$(deploy/local/test-db.sh wt_bench --fresh)"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}" DEBUG=true RUST_LOG=warn
export QUEUE_NAMESPACE="bench-$$" RUN_MIGRATIONS_ON_START=false
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export PORT
"$BIN/wt-api" migrate
log "seeding $PEOPLE people"
seed_start=$(date +%s.%N)
"$BIN/wt-api" seed-demo --people "$PEOPLE" >&2
seed_seconds=$(python3 -c "print(f'{$(date +%s.%N) - $seed_start:.1f}')")
PASSWORD="bench-$(date +%s)-password"
"$BIN/wt-api" create-dev-user --username bench --password "$PASSWORD" --email bench@example.com --superuser >/dev/null

"$BIN/wt-api" serve >/dev/null 2>&1 &
API=$!
trap 'kill $API 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/api/health" && break; sleep 0.1; done
BASE="http://127.0.0.1:$PORT"
TOKEN="$(curl -s -X POST "$BASE/api/token" -H 'content-type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access"])')"

# median and p95 of SAMPLES timed requests (after one warm-up), in milliseconds
measure() {
  local url="$1" times
  curl -s -o /dev/null -H "authorization: Bearer $TOKEN" "$url"
  times="$(for _ in $(seq 1 "$SAMPLES"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "authorization: Bearer $TOKEN" "$url"; done)"
  python3 -c "
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.argv[1].split())
print(f'{statistics.median(t):8.1f} {t[int(len(t) * 0.95) - 1]:8.1f}')" "$times"
}

SIZE_OF() { curl -s -o /dev/null -w '%{size_download}' -H "authorization: Bearer $TOKEN" "$1"; }

printf '\nWorkload Tracker benchmark: %s people, release build, %s samples (seeded in %s s)\n\n' \
  "$PEOPLE" "$SAMPLES" "$seed_seconds"
printf '%-44s %8s %8s %10s\n' "request" "p50 ms" "p95 ms" "bytes"
for row in \
  "planning grid, 12 weeks|/api/assignments/grid?weeks=12" \
  "planning grid, 12 weeks + assignments|/api/assignments/grid?weeks=12&include=assignments" \
  "planning grid, 52 weeks|/api/assignments/grid?weeks=52" \
  "planning grid rows of 20 people, 12 weeks|/api/assignments/grid/rows?weeks=12&people=$(seq -s, 1 20)" \
  "project grid, 12 weeks|/api/assignments/project-grid?weeks=12" \
  "people search, 500 per page|/api/people?pageSize=500&search=an" \
  "project candidates, 4 weeks|/api/projects/1/candidates?weeks=4" \
  "projects staffed from a department|/api/projects?department=1&includeChildren=true" \
  "health|/api/health"; do
  name="${row%%|*}" path="${row#*|}"
  printf '%-44s %s %10s\n' "$name" "$(measure "$BASE$path")" "$(SIZE_OF "$BASE$path")"
done

if command -v wrk >/dev/null 2>&1; then
  printf '\n%-44s %12s\n' "throughput (wrk, 2 threads, 32 connections, 10 s)" "requests/s"
  for row in "health|/api/health" "planning grid, 12 weeks|/api/assignments/grid?weeks=12" \
             "people page of 100|/api/people?pageSize=100"; do
    name="${row%%|*}" path="${row#*|}"
    rate="$(wrk -t2 -c32 -d10s -H "Authorization: Bearer $TOKEN" "$BASE$path" 2>/dev/null \
      | awk '/Requests\/sec/ {print $2}')"
    printf '%-44s %12s\n' "$name" "${rate:-n/a}"
  done
else
  printf '\n(wrk is not installed: no request-rate figures)\n'
fi

BASE="$BASE" TOKEN="$TOKEN" BIN="$BIN" deploy/local/bench-jobs.sh
