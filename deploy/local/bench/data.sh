#!/usr/bin/env bash
# Writes what the wrk scripts of `make bench` need to know about the seeded company as a
# Lua file (they dofile it): people, open projects and department ids, each person's
# assignment ids (a bulk hours save edits one person's row) and the next four Sundays
# from this week's (UTC, as the api counts weeks). Usage: data.sh DATABASE_URL OUT.lua
set -euo pipefail
url="${1:?usage: data.sh DATABASE_URL OUT.lua}" out="${2:?}"
psql -X -q -At "$url" >"$out" <<'SQL'
WITH sunday AS (
    SELECT (now() AT TIME ZONE 'UTC')::date
           - extract(dow FROM (now() AT TIME ZONE 'UTC')::date)::integer AS day)
SELECT 'return {'
    || ' people = {' || (SELECT string_agg(id::text, ',' ORDER BY id) FROM people WHERE is_active) || '},'
    || ' projects = {' || (SELECT string_agg(id::text, ',' ORDER BY id) FROM projects
                           WHERE is_active AND status <> 'completed') || '},'
    || ' departments = {' || (SELECT string_agg(id::text, ',' ORDER BY id) FROM departments) || '},'
    || ' plans = {' || (SELECT string_agg('{' || ids || '}', ',' ORDER BY person_id)
                        FROM (SELECT person_id, string_agg(id::text, ',' ORDER BY id) AS ids
                              FROM assignments WHERE is_active GROUP BY person_id) AS a) || '},'
    || ' weeks = {' || (SELECT string_agg(quote_literal(to_char(day + 7 * w, 'YYYY-MM-DD')), ',' ORDER BY w)
                        FROM sunday, generate_series(0, 3) AS w) || '} }'
SQL
