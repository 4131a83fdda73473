#!/usr/bin/env bash
# `make test` on any machine: first what the checks need and a fresh machine may lack,
# before anything is compiled (Chromium for the browser tests, Node.js, PostgreSQL and
# Redis answering), then every check (`make checks`). Packages come from apt-get when
# this runs as root or with passwordless sudo (WT_NO_APT=1 forbids that); otherwise it
# stops at once, saying in one line what to install. Servers this run started are
# stopped at the end; servers that were already running are left alone.
set -euo pipefail
ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# shellcheck source=deploy/local/services.sh
. deploy/local/services.sh
log() { printf '[test] %s\n' "$*" >&2; }
die() { printf '[test] error: %s\n' "$*" >&2; exit 1; }

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [[ ! -x "$chromium" ]]; then
  [[ -z "${CHROMIUM_PATH:-}" ]] || die "CHROMIUM_PATH=$chromium is not an executable Chromium"
  log "the browser tests need Chromium at $chromium"
  stack_install chromium || die "install Chromium (sudo apt-get install -y chromium), then run make test again"
fi
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
  || die "make test needs Node.js 20.19+ with npm (e.g. sudo apt-get install -y nodejs npm)"
command -v cargo >/dev/null 2>&1 || die "make test needs Rust (rustup: https://rustup.rs)"
# The stack test reads the compose files with PyYAML and serves the app through nginx.
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install -q pyyaml \
  || die "the compose check needs PyYAML (python3 -m pip install pyyaml)"
command -v nginx >/dev/null 2>&1 || stack_install nginx \
  || die "the stack test needs nginx (sudo apt-get install -y nginx)"

stack_up || die "could not bring up PostgreSQL and Redis"
trap 'stack_down_started || true' EXIT
log "PostgreSQL and Redis answer; Chromium at $chromium"
make --no-print-directory checks
