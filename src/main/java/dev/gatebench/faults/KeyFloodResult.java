package dev.gatebench.faults;

import dev.gatebench.metrics.MetricNames;
import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.RunResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A key flood against one row: valid traffic's latency alone and beside the flood (same run, same rate),
 * what the flood got, and what reached the mock. Recorded as {@code environment.keyFlood}.
 *
 * @param quietP50Ms valid latency p50 without the flood, ms; NaN when nothing succeeded
 * @param quietP99Ms valid latency p99 without the flood, ms
 * @param floodedP50Ms valid latency p50 during the flood, ms
 * @param floodedP99Ms valid latency p99 during the flood, ms
 * @param floodedErrorRate share of valid requests that failed during the flood, in [0, 1]
 * @param floodSent invalid-key requests sent, >= 0
 * @param floodAccepted invalid-key requests answered with a completion, >= 0
 * @param invalidUpstream invalid-key requests the mock received (by their mark), >= 0
 * @param validUpstream valid requests the mock received during the flood (by their mark), >= 0: proof that
 *     marks pass through this row, without which {@code invalidUpstream = 0} would prove nothing
 */
public record KeyFloodResult(double quietP50Ms, double quietP99Ms, double floodedP50Ms, double floodedP99Ms,
    double floodedErrorRate, long floodSent, long floodAccepted, long invalidUpstream, long validUpstream) {
  /** The key of the block in a result's {@code environment}. */
  public static final String ENVIRONMENT_KEY = "keyFlood";

  static KeyFloodResult of(RunResult quiet, RunResult flooded, RunResult flood, long invalidUpstream, long validUpstream) {
    return new KeyFloodResult(value(quiet, MetricNames.CHAT_COMPLETION_LATENCY, "med"),
        value(quiet, MetricNames.CHAT_COMPLETION_LATENCY, "p(99)"), value(flooded, MetricNames.CHAT_COMPLETION_LATENCY, "med"),
        value(flooded, MetricNames.CHAT_COMPLETION_LATENCY, "p(99)"), value(flooded, MetricNames.ERROR_RATE, "rate"),
        (long) value(flood, MetricNames.REQUESTS_TOTAL, "count"), (long) value(flood, MetricNames.REQUESTS_SUCCESS, "count"),
        invalidUpstream, validUpstream);
  }

  /** Whether the mock saw the valid requests' marks, so that its count of invalid ones means something. */
  public boolean marksPassThrough() {
    return validUpstream > 0;
  }

  /** The {@link FaultMetrics#INVALID_KEYS_UPSTREAM} counter over a run of {@code durationNanos}. */
  public Map<String, MetricSummary> metrics(long durationNanos) {
    return Map.of(FaultMetrics.INVALID_KEYS_UPSTREAM, FaultMetrics.counter(invalidUpstream, durationNanos));
  }

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    putFinite(map, "quietP50Ms", quietP50Ms);
    putFinite(map, "quietP99Ms", quietP99Ms);
    putFinite(map, "floodedP50Ms", floodedP50Ms);
    putFinite(map, "floodedP99Ms", floodedP99Ms);
    putFinite(map, "floodedErrorRate", floodedErrorRate);
    map.put("floodSent", floodSent);
    map.put("floodAccepted", floodAccepted);
    map.put("invalidUpstream", invalidUpstream);
    map.put("validUpstream", validUpstream);
    return map;
  }

  /** The block recorded in a result; empty when it has none. Missing times read as NaN. */
  public static Optional<KeyFloodResult> recorded(RunResult run) {
    if (!(run.environment().get(ENVIRONMENT_KEY) instanceof Map<?, ?> m)) return Optional.empty();
    return Optional.of(new KeyFloodResult(number(m, "quietP50Ms"), number(m, "quietP99Ms"), number(m, "floodedP50Ms"),
        number(m, "floodedP99Ms"), number(m, "floodedErrorRate"), (long) number(m, "floodSent"),
        (long) number(m, "floodAccepted"), (long) number(m, "invalidUpstream"), (long) number(m, "validUpstream")));
  }

  private static double value(RunResult run, String metric, String name) {
    return run.metric(metric).flatMap(s -> {
      var v = s.value(name);
      return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
    }).orElse(Double.NaN);
  }

  private static void putFinite(Map<String, Object> map, String key, double value) {
    if (Double.isFinite(value)) map.put(key, value);
  }

  private static double number(Map<?, ?> map, String key) {
    return map.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
