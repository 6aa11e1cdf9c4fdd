-- Prints one machine-readable line at the end of a wrk run: throughput and latency percentiles (milliseconds).
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    "RESULT rps=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f requests=%d errors=%d non2xx=%d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, errors, summary.errors.status))
end
