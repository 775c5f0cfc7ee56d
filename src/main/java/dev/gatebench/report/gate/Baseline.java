package dev.gatebench.report.gate;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the gate keeps of one suite's run: per metric, the per-second values in ms of the Direct
 * row and of each gateway. The overhead is computed from them when comparing, so the bootstrap can
 * resample the Direct seconds too. A few kilobytes; stored as {@code gatebench-baseline-<suite>.json}
 * by {@link BaselineStore}. Immutable.
 *
 * @param suite e.g. {@code baseline}
 * @param recordedAt when the run was recorded
 * @param directMs metric → the Direct run's per-second values, ms
 * @param gatewayMs gateway → metric → that gateway's per-second values, ms
 * @param facts where it came from (commit, runner, time scale), free-form strings
 */
public record Baseline(String suite, Instant recordedAt, Map<GateMetric, List<Double>> directMs,
    Map<String, Map<GateMetric, List<Double>>> gatewayMs, Map<String, String> facts) {
  public Baseline {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(recordedAt, "recordedAt");
    directMs = copy(directMs);
    Map<String, Map<GateMetric, List<Double>>> gateways = new LinkedHashMap<>();
    gatewayMs.forEach((gateway, byMetric) -> gateways.put(gateway, copy(byMetric)));
    gatewayMs = Collections.unmodifiableMap(gateways);
    facts = facts == null ? Map.of() : Map.copyOf(facts);
  }

  /** A gateway's per-second values, or an empty array when it or the metric was not recorded. */
  double[] gateway(String gateway, GateMetric metric) {
    return array(gatewayMs.getOrDefault(gateway, Map.of()).getOrDefault(metric, List.of()));
  }

  /** The Direct row's per-second values, or an empty array. */
  double[] direct(GateMetric metric) {
    return array(directMs.getOrDefault(metric, List.of()));
  }

  /** The file name for a suite's baseline, e.g. {@code gatebench-baseline-throughput.json}. */
  public static String fileName(String suite) {
    return "gatebench-baseline-" + suite + ".json";
  }

  private static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static Map<GateMetric, List<Double>> copy(Map<GateMetric, List<Double>> byMetric) {
    Map<GateMetric, List<Double>> inner = new LinkedHashMap<>();
    byMetric.forEach((metric, samples) -> inner.put(metric, List.copyOf(samples)));
    return Collections.unmodifiableMap(inner);
  }
}
