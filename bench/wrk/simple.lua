-- One authenticated GET repeated: the floor of the HTTP + security + MVC stack on this machine.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.headers["Accept"] = "application/json"
function done(summary, latency, requests)
  io.write(string.format("requests %d, errors status %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %.1f/s\n",
    summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
