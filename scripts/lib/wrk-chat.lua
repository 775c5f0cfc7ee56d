-- wrk script of the benchmark scripts: POSTs the chat completion that gatebench, oha, Gatling and
-- k6's crosscheck.js send, and prints one line for them at the end:
-- "p50_ms p95_ms p99_ms requests errors rps" (wrk's own --latency table has no p95).
wrk.method = "POST"
wrk.body = '{"model":"claude-sonnet-4-5-20250929","messages":[{"role":"user","content":"What is 2 + 2? Answer with just the number."}],"max_tokens":100,"temperature":0.7,"stream":false}'
wrk.headers["Content-Type"] = "application/json"

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("peer-stats %.2f %.2f %.2f %d %d %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, errors, summary.requests / (summary.duration / 1e6)))
end
