-- wrk script of `make bench`: the mixed profile. 55% reads (people search, project
-- search, the 12-week grid, a project list page), 45% writes (create and update a
-- person and a project, create an assignment, a bulk hours save). wrk keeps one
-- latency histogram per run, so each request carries an X-Request-ID naming its kind,
-- the api echoes it, and response() times the request per class on this thread; done()
-- gathers the threads and prints RESULT (wrk's whole-run figures and the non-2xx
-- statuses), CLASS (read, write, all, timed as below) and KIND (requests and non-2xx
-- answers per kind) lines.
--
-- Unpaced, each client sends its next request as soon as its last is answered, so the
-- run finds the most the server answers, and every request waits behind the others in
-- flight. Paced (WT_BENCH_RATE requests/s in all), the requests leave on a fixed
-- schedule, each with its own slot, and a request's latency counts from its slot, not
-- from when it was sent: a server that falls behind shows the backlog as latency (the
-- schedule does not wait for it), as the users behind the clients would see it.
dofile(os.getenv("WT_BENCH_LUA_DIR") .. "/common.lua")
local data = bench.data()
-- Names this run's assignments apart from an earlier run's on the same database (a
-- person is on a project once per role).
local RUN = os.getenv("WT_BENCH_RUN") or tostring(os.time())
local PEOPLE_TERMS = { "ada", "ben", "chen", "diaz", "lena", "patel", "rossi", "silva", "tara", "weber" }
local PROJECT_TERMS = { "harbour", "museum", "library", "station", "tower", "campus", "north", "river" }

-- Each kind: weight (percent), class, and how to build the `n`th request of this thread.
local KINDS = {
  { 14, "read", "people search", function(n)
      return "GET", "/api/people?pageSize=50&search=" .. PEOPLE_TERMS[n % #PEOPLE_TERMS + 1]
    end },
  { 14, "read", "project search", function(n)
      return "GET", "/api/projects?pageSize=50&search=" .. PROJECT_TERMS[n % #PROJECT_TERMS + 1]
    end },
  { 13, "read", "grid, 12 weeks", function()
      return "GET", "/api/assignments/grid?weeks=12"
    end },
  { 14, "read", "project list page", function(n)
      return "GET", "/api/projects?pageSize=100&sort=name&page=" .. (n % 10 + 1)
    end },
  { 7, "write", "create person", function(n)
      return "POST", "/api/people", string.format(
        '{"name":"Bench Person %d-%d","weeklyCapacity":36,"department":%d}',
        tid, n, data.departments[n % #data.departments + 1])
    end },
  { 8, "write", "update person", function(n)
      return "PATCH", "/api/people/" .. bench.pick(data.people, n),
        string.format('{"location":"Bench %d"}', n)
    end },
  { 7, "write", "create project", function(n)
      return "POST", "/api/projects",
        string.format('{"name":"Bench Project %d-%d","status":"planning"}', tid, n)
    end },
  { 8, "write", "update project", function(n)
      return "PATCH", "/api/projects/" .. bench.pick(data.projects, n),
        string.format('{"notes":"bench %d"}', n)
    end },
  { 7, "write", "create assignment", function(n)
      return "POST", "/api/assignments", string.format(
        '{"person":%d,"project":%d,"roleOnProject":"Bench %s-%d-%d","weeklyHours":{"%s":4,"%s":4}}',
        data.people[n % #data.people + 1], data.projects[n * 7 % #data.projects + 1],
        RUN, tid, n, data.weeks[1], data.weeks[2])
    end },
  { 8, "write", "bulk hours", function(n)
      return bench.bulk_hours(data, n)
    end },
}

-- Kind by percentile: a roll of 1..100 lands in one kind's share.
local by_roll = {}
for index, kind in ipairs(KINDS) do
  for _ = 1, kind[1] do by_roll[#by_roll + 1] = index end
end
assert(#by_roll == 100, "the mix must add up to 100%")

setup = bench.setup

local RATE = tonumber(os.getenv("WT_BENCH_RATE") or "0")
-- This thread's schedule: the next free slot (ms), and the slots handed out by delay()
-- and not yet sent (wrk sends in the order the delays end, which is the slots' order).
local next_slot, waiting, head, tail = nil, {}, 1, 0
if RATE > 0 then
  local every = tonumber(os.getenv("WT_BENCH_THREADS") or "2") * 1000 / RATE
  function delay()
    local now = bench.now_ms()
    next_slot = next_slot or now
    local slot = next_slot
    next_slot = next_slot + every
    tail = tail + 1
    waiting[tail] = slot
    return math.max(0, slot - now)
  end
end

-- When the request about to be sent was due: its slot when paced, else now.
local function due(now)
  local slot = waiting[head]
  if not slot then return now end
  waiting[head], head = nil, head + 1
  return slot
end
-- Per thread, read by done() with thread:get, which copies flat tables only (a nested
-- table crashes wrk 4.1).
latency_read, latency_write = {}, {}
answered, refused = {}, {}
local sent, counts, started = 0, {}, {}

function init()
  math.randomseed(tid * 7919)
end

function request()
  local index = by_roll[math.random(100)]
  local n = counts[index] or 0
  counts[index] = n + 1
  local method, path, body = KINDS[index][4](n)
  sent = sent + 1
  local id = string.format("k%d-%d-%d", index, tid, sent)
  started[id] = due(bench.now_ms())
  local headers = { ["X-Request-ID"] = id }
  if body then headers["Content-Type"] = "application/json" end
  return wrk.format(method, path, bench.headers(headers), body)
end

function response(status, headers, body)
  local id = headers["x-request-id"] or headers["X-Request-ID"]
  local t0 = id and started[id]
  if not t0 then return end
  started[id] = nil
  local index = tonumber(id:match("^k(%d+)-"))
  local class = KINDS[index][2] == "read" and latency_read or latency_write
  class[#class + 1] = bench.now_ms() - t0
  answered[index] = (answered[index] or 0) + 1
  if bench.note_status(status) then
    refused[index] = (refused[index] or 0) + 1
  end
end

-- Adds thread tables of counters into `into`.
local function add(into, from)
  for k, v in pairs(from) do into[k] = (into[k] or 0) + v end
end

function done(summary, latency)
  bench.summary(summary, latency, bench.statuses())
  local all = { read = {}, write = {} }
  local total_answered, total_refused = {}, {}
  for _, thread in ipairs(bench.threads()) do
    for _, class in ipairs({ "read", "write" }) do
      for _, v in ipairs(thread:get("latency_" .. class)) do table.insert(all[class], v) end
    end
    add(total_answered, thread:get("answered"))
    add(total_refused, thread:get("refused"))
  end
  local seconds = summary.duration / 1e6
  -- All requests: both classes, and requests that got no answer at all as errors too.
  all.all = {}
  for _, class in ipairs({ "read", "write" }) do
    for _, v in ipairs(all[class]) do table.insert(all.all, v) end
  end
  local e = summary.errors
  for _, class in ipairs({ "read", "write", "all" }) do
    local values = all[class]
    table.sort(values)
    local errors = class == "all" and e.connect + e.read + e.write + e.timeout or 0
    for index, kind in ipairs(KINDS) do
      if kind[2] == class or class == "all" then errors = errors + (total_refused[index] or 0) end
    end
    io.write(string.format("CLASS %s requests=%d rps=%.1f p50=%.2f p95=%.2f p99=%.2f errors=%d\n",
      class, #values, #values / seconds, bench.percentile(values, 0.50),
      bench.percentile(values, 0.95), bench.percentile(values, 0.99), errors))
  end
  for index, kind in ipairs(KINDS) do
    io.write(string.format("KIND %s|%s|%d|%d\n", kind[2], kind[3],
      total_answered[index] or 0, total_refused[index] or 0))
  end
end
