-- Shared by the wrk scripts of `make bench` (loaded with dofile in every Lua state wrk
-- makes: one per thread and the main one). wrk reports one latency histogram per run;
-- the mixed profile needs reads and writes apart, so requests carry an X-Request-ID
-- (which the api echoes) and each thread times its own from a monotonic clock.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } wt_bench_timespec;
  int clock_gettime(int clock, wt_bench_timespec *out);
]]
local CLOCK_MONOTONIC = 1
local now = ffi.new("wt_bench_timespec")

bench = {}

-- Milliseconds on the monotonic clock.
function bench.now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, now)
  return tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6
end

-- The company the harness exported (deploy/local/bench/data.sh): ids and this Sunday.
function bench.data()
  return dofile(os.getenv("WT_BENCH_DATA"))
end

-- Every thread gets its number (1-based), so writers can take disjoint rows: two
-- requests changing the same row at once would make one of them a 412, which is the
-- client's race, not the server's error. wrk calls setup once per thread, in the main
-- state, before any request.
local threads = {}
function bench.setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end
function bench.threads() return threads end

-- The `n`th (0-based) item of this thread's slice of `items` (every WT_BENCH_THREADS-th
-- item from its own offset), round robin; slices never overlap. `tid` is the global
-- setup gave this thread.
local thread_count = tonumber(os.getenv("WT_BENCH_THREADS") or "2")
function bench.pick(items, n)
  local slice = math.floor((#items - tid) / thread_count) + 1
  return items[tid + thread_count * (n % slice)]
end

-- The request headers every request sends.
function bench.headers(extra)
  local h = { ["Authorization"] = "Bearer " .. os.getenv("WT_BENCH_TOKEN") }
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

-- Sorted copy's value at fraction p (0..1), nearest rank.
function bench.percentile(sorted, p)
  if #sorted == 0 then return 0 end
  local rank = math.max(1, math.ceil(p * #sorted))
  return sorted[rank]
end

-- Answers other than 2xx by status, per thread (a flat table: thread:get copies flat
-- tables only, a nested one crashes wrk 4.1); bench.statuses() sums the threads' as
-- "409x3,500x1" (or "none").
statuses = {}
function bench.note_status(status)
  if status < 200 or status > 299 then
    statuses[status] = (statuses[status] or 0) + 1
    return true
  end
  return false
end
function bench.statuses()
  local total, codes = {}, {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do codes[#codes + 1] = status .. "x" .. count end
  table.sort(codes)
  return #codes > 0 and table.concat(codes, ",") or "none"
end

-- The one line the shell reads back: wrk's own figures for the whole run.
-- `statuses`: what bench.statuses() gave, when the script counts them.
function bench.summary(summary, latency, statuses)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50=%.2f p95=%.2f p99=%.2f errors=%d statuses=%s\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors, statuses or "uncounted"))
end

-- A bulk hours edit as the planning grid saves one: all of one person's assignments
-- (this thread's `n`th person), four weeks each from this Sunday, hours varying with `n`.
function bench.bulk_hours(data, n)
  local plan = bench.pick(data.plans, n)
  local rows = {}
  for i, id in ipairs(plan) do
    local weeks = {}
    for w = 1, 4 do
      weeks[w] = string.format('"%s":%d', data.weeks[w], 2 + (n + i + w) % 7)
    end
    rows[i] = string.format('{"assignmentId":%d,"weeklyHours":{%s}}', id, table.concat(weeks, ","))
  end
  return "PATCH", "/api/assignments/hours", '{"updates":[' .. table.concat(rows, ",") .. ']}'
end
