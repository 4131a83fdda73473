# The report of `make bench` as Markdown (sourced by deploy/local/bench.sh, which fills
# FIGURES, MIXED, MIXED_RATE, MEMORY, BUILD, SIZE, SEED_SECONDS, LOAD_BEFORE/AFTER and the run's
# settings): one table of the endpoints, the mixed profile, memory, and the issue's
# targets beside the measured figures.

# Field $2 (1-based) of the endpoint figures "p50 p95 p99 rps errors statuses" of
# "phase|row" $1.
figure() {
  local value="${FIGURES[$1]:-n/a}"
  [[ "$value" == n/a ]] && { echo "n/a"; return; }
  awk -v n="$2" '{print $n}' <<<"$value"
}

# Field NAME of a "name=value ..." line.
field() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k {print $2}'; }

# "met" when VALUE OP LIMIT holds (OP is < or >= or ==), "missed" otherwise.
verdict() {
  [[ -z "$1" || "$1" == n/a ]] && { echo "n/a"; return; }
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {
    ok = (op == "<") ? v < l : (op == ">=") ? v >= l : v == l
    print ok ? "met" : "**missed**" }'
}

# "rps" with the errors (and their statuses, when counted) beside it when there were any.
rate() {
  local rps errors statuses
  rps="$(figure "$1" 4)" errors="$(figure "$1" 5)" statuses="$(figure "$1" 6)"
  [[ "$statuses" == none || "$statuses" == uncounted ]] && statuses=""
  [[ "$errors" =~ ^[1-9] ]] && rps="$rps ($errors errors${statuses:+: $statuses})"
  echo "$rps"
}

endpoint_table() {
  echo "| request | one at a time, uncached p50 | p95 | uncached p50 | p95 | p99 | req/s | cached p50 | p95 | p99 | req/s |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  local row name
  for row in "${ENDPOINTS[@]}"; do
    name="${row%%|*}"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" \
      "$(figure "single|$name" 1)" "$(figure "single|$name" 2)" \
      "$(figure "uncached|$name" 1)" "$(figure "uncached|$name" 2)" \
      "$(figure "uncached|$name" 3)" "$(rate "uncached|$name")" \
      "$(figure "cached|$name" 1)" "$(figure "cached|$name" 2)" \
      "$(figure "cached|$name" 3)" "$(rate "cached|$name")"
  done
}

# The mixed profile's run $1 (unpaced, paced): its classes, its kinds, its statuses.
mixed_tables() {
  echo "| requests | count | req/s | p50 | p95 | p99 | errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  local class line
  for class in all read write; do
    line="${MIXED[$1|$class]:-}"
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$class" "$(field "$line" requests)" \
      "$(field "$line" rps)" "$(field "$line" p50)" "$(field "$line" p95)" \
      "$(field "$line" p99)" "$(field "$line" errors)"
  done
  echo
  echo "| kind | class | answered | not 2xx |"
  echo "|---|---|---:|---:|"
  awk -F'|' '{printf "| %s | %s | %s | %s |\n", $2, $1, $3, $4}' <<<"${MIXED[$1|kinds]:-}"
  echo
  echo "Statuses other than 2xx (status x count): $(field "${MIXED[$1|all]:-}" statuses)."
}

memory_table() {
  echo "| process | instance | VmRSS MiB | VmHWM (peak) MiB |"
  echo "|---|---|---:|---:|"
  local key rss hwm
  for key in "api|uncached" "worker|uncached" "api|cached" "worker|cached"; do
    read -r rss hwm <<<"${MEMORY[${key#*|}|${key%%|*}]:-n/a n/a}"
    printf '| %s | %s | %s | %s |\n' "${key%%|*}" "${key#*|}" "$rss" "$hwm"
  done
}

targets_table() {
  local grid="grid snapshot, 12 weeks" read="${MIXED[paced|read]:-}" write="${MIXED[paced|write]:-}"
  local all="${MIXED[paced|all]:-}" unpaced="${MIXED[unpaced|all]:-}" p95
  echo "| target | measured | |"
  echo "|---|---:|---|"
  # A computation's own latency (one request at a time) and under 32 connections, where
  # requests arriving while an answer is computed wait for that computation.
  for key in "single|uncached, one at a time,|dashboard|100" "single|uncached, one at a time,|$grid|100" \
    "uncached|uncached, 32 connections,|dashboard|100" "uncached|uncached, 32 connections,|$grid|100" \
    "cached|cached, 32 connections,|dashboard|5" "cached|cached, 32 connections,|$grid|5"; do
    IFS='|' read -r phase label name limit <<<"$key"
    p95="$(figure "$phase|$name" 2)"
    printf '| %s %s p95 < %s ms | %s | %s |\n' "$label" "$name" "$limit" "$p95" \
      "$(verdict "$p95" '<' "$limit")"
  done
  # Latency at the target's rate (paced: what the clients' users wait); the rate the
  # server answers when nobody waits between requests (unpaced).
  printf '| mixed, paced at %s requests/s: read p95 < 50 ms | %s | %s |\n' "$MIXED_RATE" \
    "$(field "$read" p95)" "$(verdict "$(field "$read" p95)" '<' 50)"
  printf '| mixed, paced at %s requests/s: write p95 < 100 ms | %s | %s |\n' "$MIXED_RATE" \
    "$(field "$write" p95)" "$(verdict "$(field "$write" p95)" '<' 100)"
  local errors=$(($(field "$all" errors) + $(field "$unpaced" errors)))
  printf '| mixed errors = 0 (both runs) | %s | %s |\n' "$errors" "$(verdict "$errors" '==' 0)"
  printf '| mixed, unpaced: >= 1,000 requests/s | %s | %s |\n' "$(field "$unpaced" rps)" \
    "$(verdict "$(field "$unpaced" rps)" '>=' 1000)"
}

render_report() {
  local cpu
  cpu="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "# Workload Tracker benchmark, $(date -u '+%F %H:%M') UTC"
  echo
  echo "- Build: $BUILD, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench/results' || echo ' (with local changes)')."
  echo "- Machine: $(nproc) CPUs ($cpu), $(free -g | awk '/^Mem:/ {print $2}') GiB memory;" \
    "$(psql -X -At "$DATABASE_URL" -c 'SHOW server_version' | cut -d' ' -f1) PostgreSQL on the same machine, over loopback (DB_SSLMODE=$DB_SSLMODE)," \
    "autovacuum $(psql -X -At "$DATABASE_URL" -c 'SHOW autovacuum') (the harness runs VACUUM (ANALYZE) before each phase and each mixed run, as autovacuum would between them);" \
    "load average $LOAD_BEFORE before the run, $LOAD_AFTER after (anything above 0 is other work sharing the CPUs)."
  echo "- Company: $SIZE; seeded in $SEED_SECONDS s, weekly loads verified."
  echo "- Load: wrk, $THREADS threads; each endpoint ${SECONDS_EACH} s at $CONNECTIONS connections;" \
    "latencies in ms from wrk's histogram; one at a time: 1 connection for ${WT_BENCH_SINGLE_SECONDS:-4} s. Uncached: AGGREGATE_CACHE_TTL=0 DASHBOARD_CACHE_TTL=0" \
    "(no answer is kept; requests for one answer in flight at once share its computation);" \
    "cached: the default TTLs (the first request fills the cache). n/a: this build lacks the route" \
    "(its probe did not answer 200)."
  echo
  echo "## Endpoints"
  echo
  endpoint_table
  echo
  echo "## Mixed profile: $MIXED_CLIENTS clients, ${MIXED_SECONDS} s, cached instance"
  echo
  echo "55% reads (people search, project search, 12-week grid, project list page), 45% writes"
  echo "(create and update a person and a project, create an assignment, bulk hours save)."
  echo "Read and write latency are timed per request in wrk's Lua (deploy/local/bench/mixed.lua)."
  echo
  echo "### Unpaced: each client sends again as soon as it is answered"
  echo
  echo "The most the server answers. Every request waits behind the others in flight: with"
  echo "$MIXED_CLIENTS clients always waiting, the mean latency is $MIXED_CLIENTS / (requests/s) (Little's law)."
  echo
  mixed_tables unpaced
  echo
  echo "### Paced: $MIXED_RATE requests/s in all, on a fixed schedule"
  echo
  echo "Each request has a slot on the schedule and its latency counts from that slot, so a"
  echo "server that falls behind shows its backlog as latency."
  echo
  mixed_tables paced
  echo
  echo "## Memory (after the run)"
  echo
  memory_table
  echo
  echo "## Targets"
  echo
  targets_table
  if [[ -n "${JOBS_OUTPUT:-}" ]]; then
    echo
    echo "## Job system"
    echo
    echo '```'
    sed '/^$/d' <<<"$JOBS_OUTPUT"
    echo '```'
  fi
}
