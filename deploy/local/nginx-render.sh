#!/usr/bin/env bash
# Copies deploy/nginx/ into DIR with the container-only values rewritten for a plain
# process on this machine, so the shipped config itself is what runs and is tested. Only the
# lines marked "stack-test rewrites" change; a marked value that is not found is an error,
# so the rewrite cannot silently drift from the config.
#
#   nginx-render.sh DIR --port P --root WEB_APP_DIR --upstream HOST:PORT [--upstream ...]
#                   [--tls-port P --ssl-dir DIR]
#
# Then: nginx -p DIR -c DIR/nginx.conf   (add -t to only check it)
# --tls-port enables the HTTPS server block exactly as deploy/README.md tells an operator to.
set -euo pipefail
ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
die() { printf 'nginx-render: %s\n' "$*" >&2; exit 2; }

out="${1:?usage: nginx-render.sh DIR --port P --root DIR --upstream HOST:PORT ...}"
shift
port="" web_root="" tls_port="" ssl_dir="" upstreams=()
while (($#)); do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --root) web_root="$2"; shift 2 ;;
    --upstream) upstreams+=("$2"); shift 2 ;;
    --tls-port) tls_port="$2"; shift 2 ;;
    --ssl-dir) ssl_dir="$2"; shift 2 ;;
    *) die "unknown argument $1" ;;
  esac
done
[[ -n "$port" && -n "$web_root" && ${#upstreams[@]} -gt 0 ]] || die "--port, --root and --upstream are required"
[[ -z "$tls_port" || -n "$ssl_dir" ]] || die "--tls-port needs --ssl-dir"
[[ -r /etc/nginx/mime.types ]] || die "/etc/nginx/mime.types is missing (apt-get install nginx)"

mkdir -p "$out/sites-enabled" "$out/run"
cp -R "$ROOT/deploy/nginx/." "$out/"
cp /etc/nginx/mime.types "$out/mime.types"
site="$out/sites-available/workload-tracker.conf"

# replace FILE FROM TO: every occurrence, and at least one must exist.
replace() {
  local file="$1" from="$2" to="$3" text
  text="$(<"$file")"
  [[ "$text" == *"$from"* ]] || die "$(basename "$file"): '$from' not found; update nginx-render.sh with the config"
  text="${text//"$from"/"$to"}"
  printf '%s\n' "$text" >"$file"
}

replace "$out/nginx.conf" "/tmp/nginx" "$out/run/nginx"
replace "$out/snippets/workload-tracker-locations.conf" \
  "root /var/www/workload-tracker;" "root $web_root;"
servers=""
for upstream in "${upstreams[@]}"; do
  servers+="server $upstream max_fails=1 fail_timeout=5s;"$'\n    '
done
replace "$site" "server api:8000 max_fails=1 fail_timeout=5s;" "${servers%$'\n    '}"
replace "$site" "listen 8080 default_server;" "listen 127.0.0.1:$port default_server;"
if [[ -n "$tls_port" ]]; then
  # The operator's step: drop one "# " from every line of the block.
  sed -i '/^# BEGIN HTTPS$/,/^# END HTTPS$/{/^# \(BEGIN\|END\) HTTPS$/!s/^# //}' "$site"
  replace "$site" "listen 8443 ssl default_server;" "listen 127.0.0.1:$tls_port ssl default_server;"
  replace "$site" "/etc/nginx/ssl/" "$ssl_dir/"
fi
ln -sf ../sites-available/workload-tracker.conf "$out/sites-enabled/workload-tracker.conf"
