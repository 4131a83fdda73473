-- wrk script of `make bench` for PATCH /api/assignments/hours: every request saves one
-- person's row of the planning grid (bench.bulk_hours); threads take disjoint people.
dofile(os.getenv("WT_BENCH_LUA_DIR") .. "/common.lua")
local data = bench.data()
local json = { ["Content-Type"] = "application/json" }
local sent = 0

setup = bench.setup

function request()
  local method, path, body = bench.bulk_hours(data, sent)
  sent = sent + 1
  return wrk.format(method, path, bench.headers(json), body)
end

function response(status)
  bench.note_status(status)
end

function done(summary, latency)
  bench.summary(summary, latency, bench.statuses())
end
