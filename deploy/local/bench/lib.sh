# Shell functions shared by the `make bench` scripts (sourced, not run): the release api
# and worker as background processes, a free loopback port, a bearer token (a token in
# the Authorization header needs no CSRF header, unlike the cookie session), and a
# process's memory from /proc. Expects BIN (the release binaries), DATABASE_URL,
# REDIS_URL and QUEUE_NAMESPACE in the environment.

log() { printf '[bench] %s\n' "$*" >&2; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Starts the api on a free port with the extra VAR=value settings given; sets API_PID
# and BASE, and waits until it answers.
start_api() {
  local port i
  port="$(free_port)"
  env "$@" PORT="$port" "$BIN/wt-api" serve >/dev/null 2>&1 &
  API_PID=$!
  BASE="http://127.0.0.1:$port"
  for i in $(seq 1 100); do
    curl -s -o /dev/null "$BASE/api/health" && return 0
    sleep 0.1
  done
  log "the api did not answer on $BASE"; return 1
}

# Starts a worker serving every queue with the extra VAR=value settings; sets WORKER_PID.
start_worker() {
  env "$@" "$BIN/wt-worker" >/dev/null 2>&1 &
  WORKER_PID=$!
}

# Stops the process whose id is in the variable named $1 (if any) and clears it.
stop_named() {
  local pid="${!1:-}"
  [[ -n "$pid" ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  printf -v "$1" '%s' ""
}

# An access token for USER / PASSWORD from the api at BASE.
obtain_token() {
  curl -s -X POST "$BASE/api/token" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access"])'
}

# A /proc/PID/status memory field (VmRSS, VmHWM) in MiB, one decimal.
mib_of() {
  awk -v field="$2:" '$1 == field {printf "%.1f", $2 / 1024}' "/proc/$1/status"
}
