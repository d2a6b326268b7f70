-- wrk reports its own percentiles up to p99 only in --latency; this prints the ones the dashboard's target names.
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d seconds=%.2f p50=%.2f p95=%.2f p99=%.2f max=%.2f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
