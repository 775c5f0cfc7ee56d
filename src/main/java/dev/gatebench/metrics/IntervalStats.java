package dev.gatebench.metrics;

/**
 * One second of a run: the time series behind the report's over-time charts and the regression
 * gate's repeated samples. Latencies in ms over requests that ended in that second; NaN when none did.
 *
 * @param offsetSeconds seconds since the run started (0 = first second)
 * @param requests requests that ended in this second
 * @param errors of those, how many failed
 * @param activeVus VUs busy or sleeping at the end of the second
 * @param latencyP50Ms chat_completion_latency p50 of this second
 */
public record IntervalStats(int offsetSeconds, long requests, long errors, int activeVus,
    double latencyP50Ms, double latencyP95Ms, double latencyP99Ms, double latencyMaxMs,
    double ttfbP50Ms, long outputTokens) {}
