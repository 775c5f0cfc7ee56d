package dev.gatebench.metrics;

/**
 * One second of a run: the time series behind the report's over-time charts and the regression
 * gate's repeated samples. Latencies in ms over the successful requests that ended in that second;
 * NaN when none did.
 *
 * @param offsetSeconds seconds since the run started (0 = first second)
 * @param requests requests that ended in this second
 * @param errors of those, how many failed
 * @param activeVus VUs busy or sleeping at the end of the second
 * @param latencyP50Ms chat_completion_latency p50 of this second; likewise p95, p99 and max
 * @param ttfbP50Ms time_to_first_byte p50 of this second
 * @param outputTokens completion tokens of the successful requests that ended in this second
 */
public record IntervalStats(int offsetSeconds, long requests, long errors, int activeVus,
    double latencyP50Ms, double latencyP95Ms, double latencyP99Ms, double latencyMaxMs,
    double ttfbP50Ms, long outputTokens) {

  public IntervalStats {
    if (offsetSeconds < 0) throw new IllegalArgumentException("offsetSeconds must be >= 0 but was " + offsetSeconds);
    if (requests < 0) throw new IllegalArgumentException("requests must be >= 0 but was " + requests);
    if (errors < 0) throw new IllegalArgumentException("errors must be >= 0 but was " + errors);
    if (outputTokens < 0) throw new IllegalArgumentException("outputTokens must be >= 0 but was " + outputTokens);
  }

  /** Share of this second's requests that failed, in [0, 1]; NaN when none ended in it. */
  public double errorRate() {
    return requests == 0 ? Double.NaN : Math.min(1.0, (double) errors / requests);
  }
}
