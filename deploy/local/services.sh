#!/usr/bin/env bash
# Local PostgreSQL + Redis for Workload Tracker.
#
#   deploy/local/services.sh up       use running servers, or start project-local ones
#   deploy/local/services.sh down     stop the project-local servers (never system services)
#   deploy/local/services.sh status   show what answers where (exit 1 if something does not)
#   deploy/local/services.sh env      print `export DATABASE_URL=... REDIS_URL=...` (no side effects)
#
# Or source it (`. deploy/local/services.sh`) and call stack_up / stack_down /
# stack_down_started / stack_status / stack_export_dotenv.
# After stack_up, DATABASE_URL and REDIS_URL are exported, and STACK_STARTED_PG /
# STACK_STARTED_REDIS are 1 when this call started the project-local instance.
#
# Environment (all optional):
#   DATABASE_URL, REDIS_URL  wanted servers (environment wins, then <root>/.env, then defaults)
#   WT_ROOT        repository root (default: this script's ../..)
#   WT_DATA_DIR    project-local data (default: <root>/.data)
#   WT_PG_PORT     project-local PostgreSQL port (default 54329)
#   WT_REDIS_PORT  project-local Redis port (default 63799)
#   WT_PG_BIN      PostgreSQL server bin dir (default: newest /usr/lib/postgresql/*/bin)
#   WT_NO_APT      set to never run apt-get; missing packages are an error instead

STACK_DEFAULT_DATABASE_URL='postgres://postgres@127.0.0.1:5432/workload_tracker'
STACK_DEFAULT_REDIS_URL='redis://127.0.0.1:6379/0'
STACK_STARTED_PG=0
STACK_STARTED_REDIS=0
STACK__APT_UPDATED=0

stack_log() { printf '[stack] %s\n' "$*" >&2; }
stack_die() { printf '[stack] error: %s\n' "$*" >&2; return 1; }

# ---------------------------------------------------------------- paths and settings

stack_root() {
  if [[ -n "${WT_ROOT:-}" ]]; then
    (cd -P -- "$WT_ROOT" && pwd)
  else
    (cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
  fi
}

stack__init_paths() {
  STACK_ROOT="$(stack_root)"
  STACK_DATA="${WT_DATA_DIR:-$STACK_ROOT/.data}"
  STACK_ENV_FILE="$STACK_ROOT/.env"
  STACK_PG_DATA="$STACK_DATA/postgres"
  STACK_PG_SOCK="$STACK_DATA/postgres-run"
  STACK_PG_LOG="$STACK_DATA/postgres.log"
  STACK_PG_PORT="${WT_PG_PORT:-54329}"
  STACK_PG_MARK="$STACK_DATA/postgres.started"
  STACK_REDIS_DIR="$STACK_DATA/redis"
  STACK_REDIS_PORT="${WT_REDIS_PORT:-63799}"
  STACK_REDIS_PID="$STACK_REDIS_DIR/redis.pid"
  STACK_REDIS_CONF="$STACK_REDIS_DIR/redis.conf"
  STACK_REDIS_LOG="$STACK_DATA/redis.log"
  STACK_REDIS_MARK="$STACK_DATA/redis.started"
}

stack__ensure_data_dir() {
  mkdir -p -- "$STACK_DATA"
  # keep the data out of git even if .gitignore forgets it
  [[ -e "$STACK_DATA/.gitignore" ]] || printf '*\n' >"$STACK_DATA/.gitignore"
}

# ---------------------------------------------------------------- .env handling

# stack_dotenv_get KEY [FILE]: print the first value of KEY in a dotenv file; 1 if absent.
stack_dotenv_get() {
  local key="$1" file="${2:-$STACK_ENV_FILE}" line val
  [[ -r "$file" ]] || return 1
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line%$'\r'}"
    [[ "$line" =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*=[[:space:]]*(.*)$ ]] || continue
    [[ "${BASH_REMATCH[2]}" == "$key" ]] || continue
    val="${BASH_REMATCH[3]}"
    if [[ "$val" =~ ^\'([^\']*)\' ]]; then
      val="${BASH_REMATCH[1]}"
    elif [[ "$val" =~ ^\"(([^\"\\]|\\.)*)\" ]]; then
      val="${BASH_REMATCH[1]}"
      val="${val//\\\"/\"}"
      val="${val//\\\\/\\}"
    else
      val="${val%%[[:space:]]#*}"
      val="${val%"${val##*[![:space:]]}"}"
    fi
    printf '%s\n' "$val"
    return 0
  done <"$file"
  return 1
}

# stack_dotenv_keys [FILE]: print the keys defined in a dotenv file, once each.
stack_dotenv_keys() {
  local file="${1:-$STACK_ENV_FILE}" line
  [[ -f "$file" ]] || return 0
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*= ]] && printf '%s\n' "${BASH_REMATCH[2]}"
  done <"$file" | awk '!seen[$0]++'
}

# stack_export_dotenv [FILE]: export every .env value not already set in the environment.
stack_export_dotenv() {
  local file="${1:-$STACK_ENV_FILE}" key val
  [[ -f "$file" ]] || return 0
  while IFS= read -r key; do
    [[ -n "${!key+x}" ]] && continue
    val="$(stack_dotenv_get "$key" "$file")" || continue
    export "$key=$val"
  done < <(stack_dotenv_keys "$file")
}

stack__dotenv_quote() {
  local v="$1"
  if [[ "$v" =~ ^[A-Za-z0-9_./:@%+=,?\&~-]*$ ]]; then
    printf '%s' "$v"
  elif [[ "$v" != *"'"* ]]; then
    printf "'%s'" "$v"
  else
    v="${v//\\/\\\\}"; v="${v//\"/\\\"}"; v="${v//\$/\\\$}"
    printf '"%s"' "$v"
  fi
}

stack__random_hex64() {
  if command -v openssl >/dev/null 2>&1; then
    openssl rand -hex 32
  else
    od -An -tx1 -N32 /dev/urandom | tr -d ' \n'
    printf '\n'
  fi
}

# stack_write_dotenv: set DATABASE_URL and REDIS_URL in <root>/.env to the ones in use,
# keeping every other line. A new file also gets DEBUG, RUST_LOG and a SECRET_KEY; a
# SECRET_KEY is added once if missing and never changed or printed afterwards.
stack_write_dotenv() {
  local file="$STACK_ENV_FILE" tmp line key old new created=0 note
  local -A want=([DATABASE_URL]="$DATABASE_URL" [REDIS_URL]="$REDIS_URL") done_keys=()
  [[ -f "$file" ]] || created=1
  tmp="$(mktemp "$file.XXXXXX")"
  chmod 600 "$tmp"
  {
    if ((created)); then
      printf '# Local settings for Workload Tracker, written by deploy/local/services.sh.\n'
      printf '# Other lines you add are kept; DATABASE_URL and REDIS_URL follow the servers in use.\n'
    fi
    if [[ -f "$file" ]]; then
      while IFS= read -r line || [[ -n "$line" ]]; do
        key=""
        if [[ "$line" =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*= ]]; then
          key="${BASH_REMATCH[2]}"
        fi
        if [[ -n "$key" && -n "${want[$key]+x}" ]]; then
          [[ -n "${done_keys[$key]+x}" ]] && continue
          done_keys[$key]=1
          old="$(stack_dotenv_get "$key" <(printf '%s\n' "$line"))" || old=""
          new="${want[$key]}"
          if [[ "$old" != "$new" ]] && ! stack__is_our_url "$old"; then
            note="# $key=$(stack__dotenv_quote "$old")  (replaced by services.sh on $(date +%F))"
            printf '%s\n' "$note"
          fi
          printf '%s=%s\n' "$key" "$(stack__dotenv_quote "$new")"
        else
          printf '%s\n' "$line"
        fi
      done <"$file"
    fi
    for key in DATABASE_URL REDIS_URL; do
      [[ -n "${done_keys[$key]+x}" ]] || printf '%s=%s\n' "$key" "$(stack__dotenv_quote "${want[$key]}")"
    done
    if ((created)); then
      printf 'DEBUG=true\nRUST_LOG=info\n'
    fi
    if ! stack_dotenv_get SECRET_KEY "$file" >/dev/null 2>&1; then
      printf 'SECRET_KEY=%s\n' "$(stack__random_hex64)"
    fi
  } >"$tmp" || { rm -f -- "$tmp"; return 1; }
  if [[ -f "$file" ]] && cmp -s -- "$tmp" "$file"; then
    rm -f -- "$tmp"
    return 0
  fi
  mv -f -- "$tmp" "$file"
  if ((created)); then stack_log "wrote $file"; else stack_log "updated $file"; fi
  if command -v git >/dev/null 2>&1 && git -C "$STACK_ROOT" rev-parse --git-dir >/dev/null 2>&1 \
    && ! git -C "$STACK_ROOT" check-ignore -q -- "$file"; then
    stack_log "warning: .env is not git-ignored (it holds SECRET_KEY): add '.env' to .gitignore"
  fi
}

# URLs this script produces itself (defaults and project-local ones) need no backup comment.
stack__is_our_url() {
  case "$1" in
    "" | "$STACK_DEFAULT_DATABASE_URL" | "$STACK_DEFAULT_REDIS_URL") return 0 ;;
    postgres://postgres@127.0.0.1:"$STACK_PG_PORT"/* | redis://127.0.0.1:"$STACK_REDIS_PORT"/*) return 0 ;;
  esac
  return 1
}

# stack__pick VAR DEFAULT: print "value<TAB>source" (env, .env or default).
stack__pick() {
  local var="$1" def="$2" val
  if [[ -n "${!var:-}" ]]; then
    printf '%s\tenv\n' "${!var}"
  elif val="$(stack_dotenv_get "$var")" && [[ -n "$val" ]]; then
    printf '%s\t.env\n' "$val"
  else
    printf '%s\tdefault\n' "$def"
  fi
}

# ---------------------------------------------------------------- URL helpers

# stack__url_parse URL: sets U_SCHEME U_USERINFO U_HOST U_PORT U_PATH U_QUERY
stack__url_parse() {
  local url="$1" hostport
  U_SCHEME="" U_USERINFO="" U_HOST="" U_PORT="" U_PATH="" U_QUERY=""
  [[ "$url" =~ ^([A-Za-z][A-Za-z0-9+.-]*)://(([^@/?]*)@)?([^/?]*)(/([^?]*))?(\?(.*))?$ ]] || return 1
  U_SCHEME="${BASH_REMATCH[1]}"
  U_USERINFO="${BASH_REMATCH[3]}"
  hostport="${BASH_REMATCH[4]}"
  U_PATH="${BASH_REMATCH[6]}"
  U_QUERY="${BASH_REMATCH[8]}"
  if [[ "$hostport" =~ ^\[([^]]*)\](:([0-9]*))?$ ]]; then
    U_HOST="${BASH_REMATCH[1]}" U_PORT="${BASH_REMATCH[3]}"
  elif [[ "$hostport" == *:* ]]; then
    U_HOST="${hostport%:*}" U_PORT="${hostport##*:}"
  else
    U_HOST="$hostport"
  fi
}

stack__tcp_open() { # HOST PORT
  # shellcheck disable=SC2016  # expanded by the inner bash
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}

# ---------------------------------------------------------------- packages

stack__have() { command -v "$1" >/dev/null 2>&1; }

stack_pg_bindir() {
  local d best=""
  if [[ -n "${WT_PG_BIN:-}" ]]; then
    [[ -x "$WT_PG_BIN/initdb" && -x "$WT_PG_BIN/pg_ctl" ]] || return 1
    printf '%s\n' "$WT_PG_BIN"
    return 0
  fi
  while IFS= read -r d; do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]] && best="$d"
  done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -V)
  if [[ -z "$best" ]] && stack__have initdb && stack__have pg_ctl; then
    best="$(dirname -- "$(command -v initdb)")"
  fi
  [[ -n "$best" ]] || return 1
  printf '%s\n' "$best"
}

# stack_install PKG...: apt-get install, when allowed; otherwise fail with what to install.
stack_install() {
  local sudo=()
  if [[ -n "${WT_NO_APT:-}" ]] || ! stack__have apt-get; then
    stack_die "missing package(s) $*: install with 'sudo apt-get install -y $*' and run again"
    return 1
  fi
  if [[ "$(id -u)" -ne 0 ]]; then
    if stack__have sudo && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      stack_die "missing package(s) $*: install with 'sudo apt-get install -y $*' and run again"
      return 1
    fi
  fi
  stack_log "installing $* with apt-get (set WT_NO_APT=1 to prevent this)"
  if ((STACK__APT_UPDATED == 0)); then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null >&2 || {
      stack_die "apt-get update failed"; return 1; }
    STACK__APT_UPDATED=1
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" </dev/null >&2 || {
    stack_die "apt-get install $* failed"; return 1; }
}

# ---------------------------------------------------------------- PostgreSQL

# stack__as_pg_owner CMD...: run as the postgres system user when root, else as ourselves.
stack__as_pg_owner() {
  if [[ "$(id -u)" -ne 0 ]]; then
    (cd / && "$@")
  elif stack__have runuser; then
    (cd / && runuser -u postgres -- "$@")
  else
    local q
    q="$(printf '%q ' "$@")"
    (cd / && su postgres -s /bin/sh -c "$q")
  fi
}

stack__psql() { # URL SQL(stdin) -> psql output
  PGCONNECT_TIMEOUT=5 psql -X -q -At -v ON_ERROR_STOP=1 "$@"
}

# stack__pg_probe URL: 0 answers and accepts us, 1 not answering, 2 answering but refusing.
# Sets STACK_PG_ERR to psql's first error line.
stack__pg_probe() {
  local url="$1" rc=0 i
  STACK_PG_ERR=""
  stack__url_parse "$url" || { STACK_PG_ERR="cannot parse $url"; return 2; }
  if stack__have pg_isready; then
    for i in 1 2 3 4 5 6 7 8 9 10; do
      rc=0; pg_isready -q -t 3 -d "$url" >/dev/null 2>&1 || rc=$?
      ((rc == 1)) || break     # 1 = starting up / rejecting: give it a moment
      sleep 1
    done
    ((rc == 0 || rc == 1)) || return 1
  else
    stack__tcp_open "${U_HOST:-127.0.0.1}" "${U_PORT:-5432}" || return 1
  fi
  stack__have psql || return 0
  if STACK_PG_ERR="$(stack__psql "$(stack__pg_maint_url "$url")" -c 'SELECT 1' 2>&1 >/dev/null)"; then
    return 0
  fi
  # the maintenance db may be closed to us while the target db is fine
  if stack__psql "$url" -c 'SELECT 1' >/dev/null 2>&1; then STACK_PG_ERR=""; return 0; fi
  STACK_PG_ERR="$(printf '%s\n' "$STACK_PG_ERR" | sed '/^[[:space:]]*$/d' | head -n 1)"
  return 2
}

stack__pg_dbname() {
  stack__url_parse "$1"
  printf '%s\n' "${U_PATH:-workload_tracker}"
}

stack__pg_maint_url() {
  stack__url_parse "$1"
  local auth=""
  [[ -n "$U_USERINFO" ]] && auth="$U_USERINFO@"
  local hp="$U_HOST"
  [[ "$hp" == *:* ]] && hp="[$hp]"
  [[ -n "$U_PORT" ]] && hp="$hp:$U_PORT"
  printf '%s://%s%s/postgres%s\n' "$U_SCHEME" "$auth" "$hp" "${U_QUERY:+?$U_QUERY}"
}

# stack__pg_ensure_db URL: create the URL's database if it does not exist.
stack__pg_ensure_db() {
  local url="$1" db maint exists
  db="$(stack__pg_dbname "$url")"
  if stack__psql "$url" -c 'SELECT 1' >/dev/null 2>&1; then
    return 0
  fi
  maint="$(stack__pg_maint_url "$url")"
  exists="$(printf "SELECT 1 FROM pg_database WHERE datname = :'db';\n" | stack__psql "$maint" -v db="$db")" || {
    stack_die "cannot query $maint"; return 1; }
  if [[ "$exists" != 1 ]]; then
    printf 'CREATE DATABASE :"db";\n' | stack__psql "$maint" -v db="$db" || {
      stack_die "could not create database $db"; return 1; }
    stack_log "created database $db"
  fi
}

stack__pg_local_url() {
  printf 'postgres://postgres@127.0.0.1:%s/%s\n' "$STACK_PG_PORT" "$1"
}

stack__pg_local_running() {
  local bindir
  [[ -f "$STACK_PG_DATA/postmaster.pid" ]] || return 1
  bindir="$(stack_pg_bindir)" || return 1
  stack__as_pg_owner "$bindir/pg_ctl" status -D "$STACK_PG_DATA" >/dev/null 2>&1
}

# stack__pg_local_start DBNAME: initdb on first use, start on STACK_PG_PORT, create DBNAME.
stack__pg_local_start() {
  local db="$1" bindir locale=C
  bindir="$(stack_pg_bindir)" || { stack_die "PostgreSQL server binaries not found"; return 1; }
  stack__ensure_data_dir
  if [[ "$(id -u)" -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    stack_die "running as root but there is no 'postgres' user to run the server as"
    return 1
  fi
  mkdir -p -- "$STACK_PG_DATA" "$STACK_PG_SOCK"
  chmod 700 "$STACK_PG_DATA"
  touch -- "$STACK_PG_LOG"
  if [[ "$(id -u)" -eq 0 ]]; then
    chown -R postgres: -- "$STACK_PG_DATA" "$STACK_PG_SOCK" "$STACK_PG_LOG"
    if ! stack__as_pg_owner test -w "$STACK_PG_DATA"; then
      stack_die "user postgres cannot reach $STACK_PG_DATA (a parent directory is closed to it); set WT_DATA_DIR to a directory it can reach"
      return 1
    fi
  fi
  if stack__pg_local_running; then
    stack_log "project-local PostgreSQL already running on 127.0.0.1:$STACK_PG_PORT"
  else
    if [[ ! -f "$STACK_PG_DATA/PG_VERSION" ]]; then
      locale -a 2>/dev/null | grep -qix 'c.utf-\?8' && locale=C.UTF-8
      stack_log "initialising PostgreSQL data in $STACK_PG_DATA"
      stack__as_pg_owner "$bindir/initdb" -D "$STACK_PG_DATA" -U postgres --auth=trust \
        --encoding=UTF8 --locale="$locale" >>"$STACK_PG_LOG" 2>&1 || {
        tail -n 20 -- "$STACK_PG_LOG" >&2; stack_die "initdb failed (log: $STACK_PG_LOG)"; return 1; }
      printf "\ninclude_if_exists = 'stack.conf'\n" >>"$STACK_PG_DATA/postgresql.conf"
    fi
    # written on every start so a moved checkout or another port keeps working
    {
      printf "# written by deploy/local/services.sh on each start\n"
      printf "listen_addresses = '127.0.0.1'\n"
      printf "port = %s\n" "$STACK_PG_PORT"
      printf "unix_socket_directories = '%s'\n" "${STACK_PG_SOCK//\'/\'\'}"
    } >"$STACK_PG_DATA/stack.conf"
    [[ "$(id -u)" -eq 0 ]] && chown postgres: -- "$STACK_PG_DATA/stack.conf"
    stack_log "starting project-local PostgreSQL on 127.0.0.1:$STACK_PG_PORT (log: $STACK_PG_LOG)"
    if ! stack__as_pg_owner "$bindir/pg_ctl" start -D "$STACK_PG_DATA" -l "$STACK_PG_LOG" -w -t 60 >/dev/null 2>&1; then
      tail -n 20 -- "$STACK_PG_LOG" >&2
      stack_die "PostgreSQL did not start (port $STACK_PG_PORT in use? log: $STACK_PG_LOG)"
      return 1
    fi
    date '+%F %T' >"$STACK_PG_MARK"
    STACK_STARTED_PG=1
  fi
  DATABASE_URL="$(stack__pg_local_url "$db")"
  export DATABASE_URL
  stack__pg_ensure_db "$DATABASE_URL"
}

stack_up_postgres() {
  local picked url src rc=0 db
  picked="$(stack__pick DATABASE_URL "$STACK_DEFAULT_DATABASE_URL")"
  url="${picked%$'\t'*}" src="${picked##*$'\t'}"
  db="$(stack__pg_dbname "$url")"
  stack__pg_probe "$url" || rc=$?
  if ((rc == 0)); then
    stack__url_parse "$url"
    DATABASE_URL="$url"
    export DATABASE_URL
    stack_log "PostgreSQL answers at ${U_HOST:-localhost}:${U_PORT:-5432} (DATABASE_URL from $src); using it"
    stack__pg_ensure_db "$url"
    return
  fi
  stack__url_parse "$url"
  if ((rc == 2)); then
    if [[ "$src" == env && "$url" != "$(stack__pg_local_url "$db")" ]]; then
      stack_die "PostgreSQL at ${U_HOST}:${U_PORT:-5432} refuses DATABASE_URL: $STACK_PG_ERR"
      return 1
    fi
    stack_log "PostgreSQL at ${U_HOST}:${U_PORT:-5432} refuses us (${STACK_PG_ERR}); using a project-local one"
  else
    stack_log "no PostgreSQL answering at ${U_HOST:-localhost}:${U_PORT:-5432}; using a project-local one"
  fi
  stack__pg_local_start "$db"
}

stack_down_postgres() {
  local bindir
  if ! stack__pg_local_running; then
    rm -f -- "$STACK_PG_MARK"
    return 0
  fi
  bindir="$(stack_pg_bindir)"
  stack_log "stopping project-local PostgreSQL (127.0.0.1:$STACK_PG_PORT)"
  stack__as_pg_owner "$bindir/pg_ctl" stop -D "$STACK_PG_DATA" -m fast -w -t 60 >/dev/null 2>&1 || {
    stack_die "pg_ctl stop failed (log: $STACK_PG_LOG)"; return 1; }
  rm -f -- "$STACK_PG_MARK"
}

# ---------------------------------------------------------------- Redis

# stack__redis_ping URL: 0 when the server answers PONG.
stack__redis_ping() {
  local url="$1" out pass=""
  stack__url_parse "$url" || return 1
  if stack__have redis-cli; then
    local tls=()
    [[ "$U_SCHEME" == rediss ]] && tls=(--tls)
    out="$(timeout 5 redis-cli "${tls[@]}" --no-auth-warning -u "$url" ping 2>/dev/null)" || return 1
    [[ "$out" == PONG ]]
    return
  fi
  [[ "$U_SCHEME" == redis ]] || return 1
  [[ "$U_USERINFO" == *:* ]] && pass="${U_USERINFO#*:}"
  # raw protocol over bash's /dev/tcp: [AUTH] + PING, the last reply must be +PONG
  # shellcheck disable=SC2016  # expanded by the inner bash
  out="$(timeout 3 bash -c '
      exec 3<>"/dev/tcp/$1/$2" || exit 1
      n=1
      if [[ -n "$3" ]]; then printf "AUTH %s\r\n" "$3" >&3; n=2; fi
      printf "PING\r\n" >&3
      for ((i = 0; i < n; i++)); do IFS= read -r line <&3 || exit 1; done
      printf "%s" "${line%$'"'\r'"'}"
    ' _ "${U_HOST:-127.0.0.1}" "${U_PORT:-6379}" "$pass" 2>/dev/null)" || return 1
  [[ "$out" == +PONG ]]
}

stack__redis_local_url() { printf 'redis://127.0.0.1:%s/%s\n' "$STACK_REDIS_PORT" "$1"; }

# prints the pid of the project-local redis-server if it runs
stack__redis_local_pid() {
  local pid
  [[ -f "$STACK_REDIS_PID" ]] || return 1
  pid="$(tr -dc '0-9' <"$STACK_REDIS_PID")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/cmdline" ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q redis || return 1
  fi
  printf '%s\n' "$pid"
}

stack__redis_local_start() {
  local dbidx="$1" bin i
  bin="$(command -v redis-server)" || { stack_die "redis-server not found"; return 1; }
  stack__ensure_data_dir
  mkdir -p -- "$STACK_REDIS_DIR"
  REDIS_URL="$(stack__redis_local_url "$dbidx")"
  export REDIS_URL
  if stack__redis_local_pid >/dev/null; then
    stack_log "project-local Redis already running on 127.0.0.1:$STACK_REDIS_PORT"
    return 0
  fi
  if stack__tcp_open 127.0.0.1 "$STACK_REDIS_PORT"; then
    stack_die "port $STACK_REDIS_PORT is taken by another process (not our Redis); set WT_REDIS_PORT"
    return 1
  fi
  local q_dir q_pid q_log
  q_dir="${STACK_REDIS_DIR//\\/\\\\}"; q_dir="${q_dir//\"/\\\"}"
  q_pid="${STACK_REDIS_PID//\\/\\\\}"; q_pid="${q_pid//\"/\\\"}"
  q_log="${STACK_REDIS_LOG//\\/\\\\}"; q_log="${q_log//\"/\\\"}"
  cat >"$STACK_REDIS_CONF" <<EOF
# written by deploy/local/services.sh on each start
bind 127.0.0.1
port $STACK_REDIS_PORT
protected-mode yes
daemonize yes
dir "$q_dir"
pidfile "$q_pid"
logfile "$q_log"
appendonly yes
appendfsync everysec
save 3600 1 300 100 60 10000
EOF
  stack_log "starting project-local Redis on 127.0.0.1:$STACK_REDIS_PORT (data: $STACK_REDIS_DIR)"
  (cd / && "$bin" "$STACK_REDIS_CONF") >/dev/null 2>>"$STACK_REDIS_LOG" || {
    tail -n 20 -- "$STACK_REDIS_LOG" >&2; stack_die "redis-server did not start (log: $STACK_REDIS_LOG)"; return 1; }
  for ((i = 0; i < 100; i++)); do
    stack__redis_ping "$REDIS_URL" && break
    sleep 0.1
  done
  if ! stack__redis_ping "$REDIS_URL" || ! stack__redis_local_pid >/dev/null; then
    tail -n 20 -- "$STACK_REDIS_LOG" >&2
    stack_die "Redis on port $STACK_REDIS_PORT does not answer (port in use? log: $STACK_REDIS_LOG)"
    return 1
  fi
  date '+%F %T' >"$STACK_REDIS_MARK"
  STACK_STARTED_REDIS=1
}

stack_up_redis() {
  local picked url src dbidx
  picked="$(stack__pick REDIS_URL "$STACK_DEFAULT_REDIS_URL")"
  url="${picked%$'\t'*}" src="${picked##*$'\t'}"
  stack__url_parse "$url" || { stack_die "cannot parse REDIS_URL=$url"; return 1; }
  dbidx="${U_PATH:-0}"
  if stack__redis_ping "$url"; then
    REDIS_URL="$url"
    export REDIS_URL
    stack_log "Redis answers at ${U_HOST}:${U_PORT:-6379} (REDIS_URL from $src); using it"
    return 0
  fi
  stack_log "no Redis answering at ${U_HOST}:${U_PORT:-6379}; using a project-local one"
  stack__redis_local_start "$dbidx"
}

stack_down_redis() {
  local pid i
  pid="$(stack__redis_local_pid)" || { rm -f -- "$STACK_REDIS_MARK"; return 0; }
  stack_log "stopping project-local Redis (127.0.0.1:$STACK_REDIS_PORT)"
  if stack__have redis-cli; then
    redis-cli -h 127.0.0.1 -p "$STACK_REDIS_PORT" shutdown >/dev/null 2>&1 || true
  fi
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    ((i == 20)) && kill -TERM "$pid" 2>/dev/null
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    stack_die "Redis (pid $pid) did not stop"; return 1
  fi
  rm -f -- "$STACK_REDIS_MARK" "$STACK_REDIS_PID"
}

# ---------------------------------------------------------------- verbs

# stack_up: make sure a PostgreSQL and a Redis answer, export DATABASE_URL and REDIS_URL
# and record them in <root>/.env.
stack_up() {
  local pkgs=() picked url
  stack__init_paths
  STACK_STARTED_PG=0 STACK_STARTED_REDIS=0
  # install only what the chosen path needs, in one apt-get run
  picked="$(stack__pick DATABASE_URL "$STACK_DEFAULT_DATABASE_URL")"; url="${picked%$'\t'*}"
  if ! stack__have psql || ! stack__have pg_isready; then
    pkgs+=(postgresql)
  elif ! stack_pg_bindir >/dev/null; then
    local prc=0
    stack__pg_probe "$url" || prc=$?
    ((prc == 0)) || pkgs+=(postgresql)
  fi
  picked="$(stack__pick REDIS_URL "$STACK_DEFAULT_REDIS_URL")"; url="${picked%$'\t'*}"
  if ! stack__have redis-server && ! stack__redis_ping "$url"; then
    pkgs+=(redis-server)
  fi
  if ((${#pkgs[@]})); then
    stack_install "${pkgs[@]}" || return 1
  fi
  stack_up_postgres || return 1
  stack_up_redis || return 1
  stack_write_dotenv || return 1
}

# stack_down_started: stop only the project-local servers that the last stack_up in this
# shell started (a server that was already running is left alone).
stack_down_started() {
  local rc=0
  stack__init_paths
  if ((STACK_STARTED_REDIS)); then stack_down_redis || rc=1; fi
  if ((STACK_STARTED_PG)); then stack_down_postgres || rc=1; fi
  STACK_STARTED_PG=0 STACK_STARTED_REDIS=0
  return "$rc"
}

# stack_down: stop the project-local servers (data in <root>/.data), whoever started
# them. System services are never touched.
stack_down() {
  local rc=0
  stack__init_paths
  if ! stack__pg_local_running && ! stack__redis_local_pid >/dev/null; then
    stack_log "no project-local servers running (system services are left alone)"
    return 0
  fi
  stack_down_redis || rc=1
  stack_down_postgres || rc=1
  return "$rc"
}

stack_status() {
  local picked url src rc=0 pid
  stack__init_paths
  picked="$(stack__pick DATABASE_URL "$STACK_DEFAULT_DATABASE_URL")"
  url="${picked%$'\t'*}" src="${picked##*$'\t'}"
  if stack__pg_probe "$url"; then
    printf '[stack] postgres: up       %s (from %s)\n' "$(stack__redact "$url")" "$src"
  else
    printf '[stack] postgres: DOWN     %s (from %s)%s\n' "$(stack__redact "$url")" "$src" "${STACK_PG_ERR:+: $STACK_PG_ERR}"
    rc=1
  fi
  if stack__pg_local_running; then
    printf '[stack]   project-local instance running on 127.0.0.1:%s, data %s\n' "$STACK_PG_PORT" "$STACK_PG_DATA"
  fi
  picked="$(stack__pick REDIS_URL "$STACK_DEFAULT_REDIS_URL")"
  url="${picked%$'\t'*}" src="${picked##*$'\t'}"
  if stack__redis_ping "$url"; then
    printf '[stack] redis:    up       %s (from %s)\n' "$(stack__redact "$url")" "$src"
  else
    printf '[stack] redis:    DOWN     %s (from %s)\n' "$(stack__redact "$url")" "$src"
    rc=1
  fi
  if pid="$(stack__redis_local_pid)"; then
    printf '[stack]   project-local instance running on 127.0.0.1:%s (pid %s), data %s\n' "$STACK_REDIS_PORT" "$pid" "$STACK_REDIS_DIR"
  fi
  return "$rc"
}

# hide a password in a URL for printing
stack__redact() {
  local u="$1"
  if [[ "$u" =~ ^([^:/]+://[^:@/]*:)[^@/]*(@.*)$ ]]; then
    u="${BASH_REMATCH[1]}***${BASH_REMATCH[2]}"
  fi
  printf '%s\n' "$u"
}

stack_env() {
  local picked
  stack__init_paths
  picked="$(stack__pick DATABASE_URL "$STACK_DEFAULT_DATABASE_URL")"
  printf 'export DATABASE_URL=%q\n' "${picked%$'\t'*}"
  picked="$(stack__pick REDIS_URL "$STACK_DEFAULT_REDIS_URL")"
  printf 'export REDIS_URL=%q\n' "${picked%$'\t'*}"
}

# ---------------------------------------------------------------- main

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  case "${1:-}" in
    up) stack_up ;;
    down) stack_down ;;
    status) stack_status ;;
    env) stack_env ;;
    *)
      printf 'usage: %s up|down|status|env\n' "$0" >&2
      exit 2
      ;;
  esac
fi
