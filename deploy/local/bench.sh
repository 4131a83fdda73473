#!/usr/bin/env bash
# `make bench`: the headline figures of the release build on a large company, measured
# with wrk over loopback, printed as one table and written to bench/results/<date>.md.
#
#  1. Seeds a separate database (wt_bench) with WT_BENCH_PEOPLE people (default 5,000),
#     0.4 projects and 8 assignments per person and 52 weeks of hours (about 1.9 million
#     week rows), and checks the trigger-kept weekly loads against a from-scratch sum.
#  2. Runs the api and a worker twice: uncached (AGGREGATE_CACHE_TTL=0,
#     DASHBOARD_CACHE_TTL=0, no cache warming), then cached (the default TTLs). Each time
#     it drives every endpoint of the table for WT_BENCH_SECONDS (10) at 32 connections:
#     the planning grid's first page (12 and 52 weeks) and the rows of 20 people
#     expanded in it, dashboard, capacity heatmap, workload forecast,
#     available people and a bulk hours save; p50/p95/p99 and requests/s come from wrk's
#     own histogram. A route this build lacks (404) shows as n/a.
#     The uncached instance also answers each row with one connection at a time, so a
#     computation's own latency shows beside its latency under load.
#  3. On the cached instance, the mixed profile: 100 clients for WT_BENCH_MIXED_SECONDS
#     (60), 55% reads and 45% writes (deploy/local/bench/mixed.lua), with read and write
#     latency apart, errors counted per kind; twice: unpaced (each client sends again as
#     soon as it is answered: the most the server answers) and paced at
#     WT_BENCH_MIXED_RATE (1,000) requests/s in all (latency from each request's slot on
#     the schedule); then the api's and worker's memory.
#  4. The job system's bench (deploy/local/bench-jobs.sh) unless WT_BENCH_JOBS=0.
# Asserts nothing: the targets are printed beside the figures as met or missed.
set -euo pipefail
ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/deploy/local/bench"
cd "$ROOT"
# shellcheck source=deploy/local/bench/lib.sh
source "$HERE/lib.sh"
# WT_BENCH_BIN: other binaries (e.g. target/debug, to try the harness itself), not built.
export BIN="${WT_BENCH_BIN:-$ROOT/target/release}"
PEOPLE="${WT_BENCH_PEOPLE:-5000}"
PROJECTS="${WT_BENCH_PROJECTS:-$((PEOPLE * 2 / 5))}"
ASSIGNMENTS="${WT_BENCH_ASSIGNMENTS:-$((PEOPLE * 8))}"
SECONDS_EACH="${WT_BENCH_SECONDS:-10}"
MIXED_SECONDS="${WT_BENCH_MIXED_SECONDS:-60}"
MIXED_RATE="${WT_BENCH_MIXED_RATE:-1000}"
THREADS=2 CONNECTIONS=32 MIXED_CLIENTS=100
RESULTS="${WT_BENCH_RESULTS:-$ROOT/bench/results/$(date -u +%F).md}"
WORK="$(mktemp -d)"
API_PID="" WORKER_PID=""
cleanup() { stop_named WORKER_PID; stop_named API_PID; rm -rf "$WORK"; }
trap cleanup EXIT

# The rows of the table: name | path (GET) or "bulk" (the bulk hours script).
ENDPOINTS=(
  "grid snapshot, 12 weeks|/api/assignments/grid?weeks=12"
  "grid snapshot, 52 weeks|/api/assignments/grid?weeks=52"
  "dashboard|/api/dashboard"
  "capacity heatmap, 200 people|/api/people/capacity-heatmap"
  "workload forecast|/api/people/workload-forecast"
  "available people, 8 h free|/api/people/available?minHours=8"
  "bulk hours save, 1 person x 4 weeks|bulk"
)
declare -A FIGURES=()   # "phase|row" -> "p50 p95 p99 rps errors statuses", or "n/a"
declare -A MEMORY=()    # "phase|api" or "phase|worker" -> "VmRSS VmHWM" in MiB
declare -A MIXED=()     # "run|class" (run: unpaced, paced; class: all, read, write) -> its
                        # "name=value" fields; "run|kinds" -> its KIND lines

install_tools() {
  [[ -n "${WT_BENCH_BIN:-}" ]] || cargo build --release --locked -p wt-api -p wt-worker
  if ! command -v wrk >/dev/null 2>&1 && [[ "$(id -u)" -eq 0 && -z "${WT_NO_APT:-}" ]]; then
    log "installing wrk (apt-get)"
    apt-get install -y -q wrk >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
  fi
  command -v wrk >/dev/null 2>&1 || { log "wrk is needed (apt-get install wrk)"; exit 1; }
}

# A running installation's autovacuum keeps statistics and visibility current; a database
# seeded a moment ago has neither yet, nor has one that the last phase's writes (bulk
# saves, a mixed run's thousands of new rows) left behind while autovacuum is off (as on
# a CI machine). Each phase and each mixed run starts from the database as it would
# settle.
settle() {
  psql -X -q "$DATABASE_URL" -c "VACUUM (ANALYZE)"
}

# A fresh database with the large company, its loads verified, a superuser, and the ids
# the wrk scripts use (WT_BENCH_DATA).
seed_company() {
  export DATABASE_URL REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
  DATABASE_URL="$(deploy/local/test-db.sh wt_bench --fresh)"
  export QUEUE_NAMESPACE="bench-$$" RUN_MIGRATIONS_ON_START=false DEBUG=true RUST_LOG=warn
  # The database is on this machine, as in the compose stack (whose PostgreSQL has no
  # TLS): a server that offers TLS would otherwise have every query encrypted over
  # loopback (about 8% of the mixed profile's throughput).
  export DB_SSLMODE="${DB_SSLMODE:-disable}"
  "$BIN/wt-api" migrate
  log "seeding $PEOPLE people, $PROJECTS projects, $ASSIGNMENTS assignments, 52 weeks"
  local start=$EPOCHREALTIME
  "$BIN/wt-api" seed-demo --people "$PEOPLE" --projects "$PROJECTS" \
    --assignments "$ASSIGNMENTS" --weeks 52 >&2
  SEED_SECONDS="$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.1f", b - a}')"
  "$BIN/wt-api" verify-loads >/dev/null
  PASSWORD="bench-$(date +%s)-password"
  "$BIN/wt-api" create-dev-user --username bench --password "$PASSWORD" \
    --email bench@example.com --superuser >/dev/null
  export WT_BENCH_DATA="$WORK/data.lua" WT_BENCH_LUA_DIR="$HERE" WT_BENCH_THREADS=$THREADS
  "$HERE/data.sh" "$DATABASE_URL" "$WT_BENCH_DATA"
  SIZE="$(psql -X -At "$DATABASE_URL" -c "SELECT (SELECT count(*) FROM people) || ' people, '
    || (SELECT count(*) FROM projects) || ' projects, ' || (SELECT count(*) FROM assignments)
    || ' assignments, ' || (SELECT count(*) FROM assignment_weeks) || ' week rows'")"
}

# wrk at 32 connections for one row; echoes "p50 p95 p99 rps errors statuses" or "n/a".
drive() {
  local path="$1" status script="$HERE/get.lua" target="$BASE$1"
  if [[ "$path" == bulk ]]; then
    script="$HERE/bulk.lua" target="$BASE"
  else
    status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$target")"
    # A route this build lacks answers 404, or 400 where /api/people/{id} takes the path.
    [[ "$status" == 200 ]] || { log "$path answered $status: not measured"; echo "n/a"; return; }
  fi
  local out
  out="$(WT_BENCH_TOKEN="$TOKEN" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" \
    --timeout 10s -s "$script" -H "Authorization: Bearer $TOKEN" "$target")" || log "wrk failed"
  awk '$1 == "RESULT" {for (i = 2; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]}
                       print v["p50"], v["p95"], v["p99"], v["rps"], v["errors"], v["statuses"]; found = 1}
       END {if (!found) print "n/a"}' <<<"$out"
}

# Every row of the table against the api now serving, as phase $1.
measure_endpoints() {
  local row
  settle
  for row in "${ENDPOINTS[@]}"; do
    log "$1: ${row%%|*}"
    FIGURES["$1|${row%%|*}"]="$(drive "${row#*|}")"
  done
}

# Every row again with one connection for a few seconds, as phase "single": how long one
# computation takes when it does not queue behind 31 others on two CPUs.
measure_one_at_a_time() {
  local CONNECTIONS=1 SECONDS_EACH="${WT_BENCH_SINGLE_SECONDS:-4}" THREADS=1
  measure_endpoints single
}

# The mixed profile against the api now serving, as run $1 (unpaced, or paced at $2
# requests/s); fills MIXED from the lines mixed.lua prints (awk, so a missing line leaves
# a blank, not an exit).
run_mixed() {
  local run="$1" rate="${2:-0}" out class
  settle
  log "mixed profile, $run: $MIXED_CLIENTS clients, ${MIXED_SECONDS}s"
  out="$(WT_BENCH_TOKEN="$TOKEN" WT_BENCH_RUN="$$-$run" WT_BENCH_RATE="$rate" wrk \
    -t"$THREADS" -c"$MIXED_CLIENTS" -d"${MIXED_SECONDS}s" --timeout 10s \
    -s "$HERE/mixed.lua" "$BASE")" || log "wrk failed"
  for class in all read write; do
    MIXED["$run|$class"]="$(awk -v c="$class" '$1 == "CLASS" && $2 == c {$1 = $2 = ""; print}' <<<"$out")"
  done
  MIXED["$run|all"]+=" $(awk '$1 == "RESULT" {for (i = 2; i <= NF; i++) if ($i ~ /^statuses=/) print $i}' <<<"$out")"
  MIXED["$run|kinds"]="$(awk '$1 == "KIND" {sub(/^KIND /, ""); print}' <<<"$out")"
}

record_memory() {
  MEMORY["$1|api"]="$(mib_of "$API_PID" VmRSS) $(mib_of "$API_PID" VmHWM)"
  MEMORY["$1|worker"]="$(mib_of "$WORKER_PID" VmRSS) $(mib_of "$WORKER_PID" VmHWM)"
}

# One api and worker with the settings given, measured as phase $1; the cached phase
# also runs the mixed profile and the job system's bench.
run_phase() {
  local phase="$1"
  shift
  start_api "$@"
  start_worker "$@"
  TOKEN="$(obtain_token bench "$PASSWORD")"
  measure_endpoints "$phase"
  [[ "$phase" != uncached ]] || measure_one_at_a_time
  if [[ "$phase" == cached ]]; then
    run_mixed unpaced
    run_mixed paced "$MIXED_RATE"
  fi
  record_memory "$phase"
  stop_named WORKER_PID
  if [[ "$phase" == cached && "${WT_BENCH_JOBS:-1}" != 0 ]]; then
    JOBS_OUTPUT="$(BASE="$BASE" TOKEN="$TOKEN" "$ROOT/deploy/local/bench-jobs.sh")"
  fi
  stop_named API_PID
}

install_tools
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
seed_company
# The first 20 people of the grid's first page, as a reader expanding them would ask.
EXPANDED="$(psql -X -At "$DATABASE_URL" -c "SELECT string_agg(id::text, ',') FROM (SELECT id
  FROM people WHERE is_active ORDER BY lower(name), id LIMIT 20) first_page")"
ENDPOINTS+=("grid rows, 20 people expanded|/api/assignments/grid/rows?weeks=12&people=$EXPANDED")
JOBS_OUTPUT=""
BUILD="release"
[[ -z "${WT_BENCH_BIN:-}" ]] || BUILD="binaries from $BIN"
run_phase uncached AGGREGATE_CACHE_TTL=0 DASHBOARD_CACHE_TTL=0 SCHEDULE_WARM_CACHE=off
run_phase cached
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$(dirname "$RESULTS")"
# shellcheck source=deploy/local/bench/report.sh
source "$HERE/report.sh"
render_report | tee "$RESULTS"
log "written to ${RESULTS#"$ROOT"/}"
