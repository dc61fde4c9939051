-- Credit reports over the rated enterprises (USCCS file), in ACCEPT format, as the bearer of TOKEN.
local usccs = {}
for line in io.lines(os.getenv("USCCS")) do usccs[#usccs + 1] = line end
local counter = 0
local accept = os.getenv("ACCEPT") or "application/json"
local auth = "Bearer " .. os.getenv("TOKEN")
function setup(thread)
  thread:set("offset", counter * 7919)
  counter = counter + 1
end
local i = 0
function request()
  i = i + 1
  local uscc = usccs[((i + (offset or 0)) % #usccs) + 1]
  return wrk.format("GET", "/api/v1/enterprises/" .. uscc .. "/credit-report",
    { ["Accept"] = accept, ["Authorization"] = auth })
end
function done(summary, latency, requests)
  io.write(string.format("requests %d, errors status %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.1f/s\n",
    summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
