package dev.gatebench.metrics;

import java.util.Map;

/**
 * One metric of a run in the shape of k6's end-of-test summary
 * ({@code metrics.<name>.{type, contains, values, thresholds}}).
 *
 * @param type {@code trend}, {@code counter}, {@code rate} or {@code gauge}
 * @param contains {@code time} (values in ms) or {@code default}
 * @param values k6's value names: trends {@code min, avg, med, p(90), p(95), p(99), p(99.9), max, count};
 *     counters {@code count, rate} (per second); rates {@code rate, passes, fails}; gauges {@code value, min, max}
 * @param thresholds threshold expression (e.g. {@code p(95)<30000}) → whether it held
 */
public record MetricSummary(String type, String contains, Map<String, Double> values,
    Map<String, ThresholdOutcome> thresholds) {
  public MetricSummary {
    values = Map.copyOf(values);
    thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
  }

  /** As k6 writes it: {@code {"ok": true}}, plus the measured value for the report. */
  public record ThresholdOutcome(boolean ok, double measured) {}
}
