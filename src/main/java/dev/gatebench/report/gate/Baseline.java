package dev.gatebench.report.gate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the gate keeps of one suite's run: per gateway and metric, the per-second overhead over
 * Direct in ms, and the Direct medians for context. A few kilobytes; stored as
 * {@code gatebench-baseline-<suite>.json} by {@link BaselineStore}. Immutable.
 *
 * @param suite e.g. {@code baseline}
 * @param recordedAt when the run was recorded
 * @param directMedianMs metric → median of the Direct run's per-second values, ms
 * @param overheadMs gateway → metric → per-second overhead samples, ms
 * @param facts where it came from (commit, runner, time scale), free-form strings
 */
public record Baseline(String suite, Instant recordedAt, Map<GateMetric, Double> directMedianMs,
    Map<String, Map<GateMetric, List<Double>>> overheadMs, Map<String, String> facts) {
  public Baseline {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(recordedAt, "recordedAt");
    directMedianMs = Map.copyOf(directMedianMs);
    Map<String, Map<GateMetric, List<Double>>> copy = new LinkedHashMap<>();
    overheadMs.forEach((gateway, byMetric) -> {
      Map<GateMetric, List<Double>> inner = new LinkedHashMap<>();
      byMetric.forEach((metric, samples) -> inner.put(metric, List.copyOf(samples)));
      copy.put(gateway, java.util.Collections.unmodifiableMap(inner));
    });
    overheadMs = java.util.Collections.unmodifiableMap(copy);
    facts = facts == null ? Map.of() : Map.copyOf(facts);
  }

  /** The stored samples, or an empty array when this gateway or metric was not recorded. */
  double[] samples(String gateway, GateMetric metric) {
    List<Double> samples = overheadMs.getOrDefault(gateway, Map.of()).getOrDefault(metric, List.of());
    return samples.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The file name for a suite's baseline, e.g. {@code gatebench-baseline-throughput.json}. */
  public static String fileName(String suite) {
    return "gatebench-baseline-" + suite + ".json";
  }
}
