#!/usr/bin/env bash
# `make bench`, part two: the job system's whole path (HTTP enqueue -> PostgreSQL ledger ->
# Redis -> worker -> succeeded) with empty jobs (probes of no steps), against the release
# build. Prints jobs per second with one and with two worker processes (a burst enqueued
# by wrk, timed from the first job created to the last one finished, from the ledger),
# and the added latency of one empty job on an idle system (created to finished, p50 and
# p95 over sequential jobs). Asserts nothing.
#
# Run by deploy/local/bench.sh with BASE, TOKEN, BIN, DATABASE_URL, REDIS_URL and
# QUEUE_NAMESPACE set, while its api serves.
set -euo pipefail
: "${BASE:?}" "${TOKEN:?}" "${BIN:?}" "${DATABASE_URL:?}"
log() { printf '[bench] %s\n' "$*" >&2; }
BURST_SECONDS="${WT_BENCH_JOB_SECONDS:-5}"
LATENCY_JOBS="${WT_BENCH_LATENCY_JOBS:-200}"
CONCURRENCY="${WT_BENCH_WORKER_CONCURRENCY:-16}"

workers=()
stop_workers() {
  for pid in "${workers[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${workers[@]}"; do wait "$pid" 2>/dev/null || true; done
  workers=()
}
trap stop_workers EXIT
start_workers() {
  local count="$1" i
  for ((i = 0; i < count; i++)); do
    WORKER_QUEUES=maintenance WORKER_CONCURRENCY="$CONCURRENCY" WORKER_SCHEDULER=$((i == 0)) \
      SCHEDULE_WARM_CACHE=off SCHEDULE_HOUSEKEEPING=off "$BIN/wt-worker" >/dev/null 2>&1 &
    workers+=($!)
  done
  sleep 1
}
sql() { psql -X -q -At "$DATABASE_URL" -c "$1"; }
drain_wait() {
  local i
  for ((i = 0; i < 600; i++)); do
    [[ "$(sql "SELECT count(*) FROM jobs WHERE kind = 'probe' AND state IN ('queued','running')")" == 0 ]] && return 0
    sleep 0.2
  done
  log "jobs still unfinished after two minutes"; return 1
}

POST_LUA="$(mktemp --suffix=.lua)"
cat >"$POST_LUA" <<'LUA'
wrk.method = "POST"
wrk.body = '{"steps":0}'
wrk.headers["Content-Type"] = "application/json"
LUA

# jobs per second through the whole path with $1 workers
throughput() {
  sql "DELETE FROM jobs WHERE kind = 'probe'" >/dev/null
  start_workers "$1"
  wrk -t2 -c16 -d"${BURST_SECONDS}s" -s "$POST_LUA" -H "Authorization: Bearer $TOKEN" \
    "$BASE/api/jobs/probe" >/dev/null 2>&1
  drain_wait
  stop_workers
  sql "SELECT count(*) FILTER (WHERE state = 'succeeded'), count(*),
              round((count(*) / extract(epoch FROM max(finished_at) - min(created_at)))::numeric, 0)
       FROM jobs WHERE kind = 'probe'"
}

# created-to-finished of sequential empty jobs on an idle system, p50 and p95 in ms
latency() {
  local i
  sql "DELETE FROM jobs WHERE kind = 'probe'" >/dev/null
  start_workers 1
  for ((i = 0; i < LATENCY_JOBS; i++)); do
    curl -s -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \
      -H 'prefer: wait=5' -d '{"steps":0}' "$BASE/api/jobs/probe"
  done
  drain_wait
  stop_workers
  sql "SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 1),
              round(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)::numeric, 1)
       FROM (SELECT extract(epoch FROM finished_at - created_at) * 1000 AS ms
             FROM jobs WHERE kind = 'probe') t"
}

if ! command -v wrk >/dev/null 2>&1; then
  printf '\n(wrk is not installed: no job throughput figures)\n'
  exit 0
fi
printf '\n%-44s %10s %10s\n' "jobs (empty probes, whole path)" "done/all" "jobs/s"
for count in 1 2; do
  IFS='|' read -r done all rate <<<"$(throughput "$count")"
  printf '%-44s %10s %10s\n' "$count worker(s), concurrency $CONCURRENCY each" "$done/$all" "$rate"
done
IFS='|' read -r p50 p95 <<<"$(latency)"
printf '%-44s %10s %10s\n' "idle enqueue-to-done latency, ms" "p50 $p50" "p95 $p95"
rm -f "$POST_LUA"
