-- wrk script of `make bench` for one GET endpoint (its URL and token on wrk's command
-- line): prints wrk's own figures for the run as one RESULT line, p95 included.
dofile(os.getenv("WT_BENCH_LUA_DIR") .. "/common.lua")

function done(summary, latency)
  bench.summary(summary, latency)
end
