-- Prints one machine-readable line at the end of a wrk run: throughput and latency percentiles (milliseconds).
-- With WRK_FRESH=1 in the environment every request carries a query parameter of its own (fresh=N), so no request is
-- served from the page cache: the cost of rendering the page from the data (bench/wrk/run.sh with BENCH_FRESH=1).
local fresh = os.getenv("WRK_FRESH") == "1"
local counter = 0

request = function()
  if not fresh then
    return wrk.format(nil, wrk.path)
  end

  counter = counter + 1
  local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. separator .. "fresh=" .. tostring(math.random(1, 1000000000)) .. "-" .. counter)
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    "RESULT rps=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f requests=%d errors=%d non2xx=%d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, errors, summary.errors.status))
end
