package dev.gatebench.contention;

import static dev.gatebench.metrics.MetricNames.CHAT_COMPLETION_LATENCY;
import static dev.gatebench.metrics.MetricNames.REQUESTS_FAILED;
import static dev.gatebench.metrics.MetricNames.REQUESTS_TOTAL;

import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.RunResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run's request count and latency percentiles, ms from each request's intended start (coordinated
 * omission corrected in open models), successes only; NaN when no request succeeded.
 *
 * @param requests requests that ended, >= 0
 * @param failed of which failed, >= 0 and <= requests
 * @param errors failed requests per error kind, e.g. {@code {HTTP_STATUS=12}}
 */
public record LatencyFigures(long requests, long failed, Map<String, Long> errors, double p50Ms, double p95Ms,
    double p99Ms) {
  /** Nothing measured: no requests, every percentile NaN. */
  public static final LatencyFigures NONE = new LatencyFigures(0, 0, Map.of(), Double.NaN, Double.NaN, Double.NaN);

  public LatencyFigures {
    if (requests < 0 || failed < 0 || failed > requests) {
      throw new IllegalArgumentException("counts must satisfy 0 <= failed <= requests but were requests " + requests
          + ", failed " + failed);
    }
    errors = Map.copyOf(errors);
  }

  /** The figures of {@code run}'s {@code chat_completion_latency} and request counters. */
  public static LatencyFigures of(RunResult run) {
    long requests = (long) value(run, REQUESTS_TOTAL, "count");
    long failed = Math.min(requests, (long) value(run, REQUESTS_FAILED, "count"));
    Map<String, Long> errors = new TreeMap<>();
    run.errorsByKind().forEach((kind, count) -> errors.put(kind.name(), count));
    boolean any = requests > failed;
    return new LatencyFigures(requests, failed, errors, any ? value(run, CHAT_COMPLETION_LATENCY, "med") : Double.NaN,
        any ? value(run, CHAT_COMPLETION_LATENCY, "p(95)") : Double.NaN,
        any ? value(run, CHAT_COMPLETION_LATENCY, "p(99)") : Double.NaN);
  }

  /** Failed over all requests, 0 without requests. */
  public double errorRate() {
    return requests == 0 ? 0 : failed / (double) requests;
  }

  public boolean anySucceeded() {
    return requests > failed;
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("requests", requests);
    map.put("failed", failed);
    if (!errors.isEmpty()) map.put("errors", new TreeMap<>(errors));
    Maps.putFinite(map, "p50Ms", p50Ms);
    Maps.putFinite(map, "p95Ms", p95Ms);
    Maps.putFinite(map, "p99Ms", p99Ms);
    return map;
  }

  static LatencyFigures fromMap(Map<?, ?> map) {
    Map<String, Long> errors = new TreeMap<>();
    if (map.get("errors") instanceof Map<?, ?> e) e.forEach((k, v) -> errors.put(String.valueOf(k), ((Number) v).longValue()));
    return new LatencyFigures((long) Maps.number(map, "requests"), (long) Maps.number(map, "failed"), errors,
        Maps.number(map, "p50Ms"), Maps.number(map, "p95Ms"), Maps.number(map, "p99Ms"));
  }

  private static double value(RunResult run, String metric, String key) {
    return run.metric(metric).map(MetricSummary::values).map(m -> m.get(key))
        .orElse(key.equals("count") ? 0.0 : Double.NaN);
  }
}
