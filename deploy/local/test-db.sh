#!/usr/bin/env bash
# Prints the URL of a database for tests on the PostgreSQL server of DATABASE_URL
# (default: 127.0.0.1:5432), creating it when missing. Usage: test-db.sh NAME [--fresh]
# --fresh drops and recreates it. sqlx::test uses such a database as its bookkeeping
# home and creates one throwaway database per test next to it.
set -euo pipefail
name="${1:?usage: test-db.sh NAME [--fresh]}"
fresh="${2:-}"
[[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "test-db.sh: bad database name: $name" >&2; exit 2; }
base="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
server="${base%/*}"
server="${server%%\?*}"
maintenance="$server/postgres"
export PGOPTIONS="--client-min-messages=warning"
if [[ "$fresh" == --fresh ]]; then
  psql -X -q "$maintenance" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null
fi
exists=$(psql -X -At "$maintenance" -c "SELECT 1 FROM pg_database WHERE datname = '$name'")
if [[ "$exists" != 1 ]]; then
  psql -X -q "$maintenance" -c "CREATE DATABASE $name" >/dev/null
fi
echo "$server/$name"
