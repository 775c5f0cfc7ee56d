package dev.gatebench.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One metric of a run in the shape of k6's end-of-test summary
 * ({@code metrics.<name>.{type, contains, values, thresholds}}).
 *
 * @param type {@code trend}, {@code counter}, {@code rate} or {@code gauge}
 * @param contains {@code time} (values in ms) or {@code default}
 * @param values k6's value names: trends {@code min, avg, med, p(90), p(95), p(99), p(99.9), max, count};
 *     counters {@code count, rate} (per second); rates {@code rate, passes, fails}; gauges {@code value, min, max}
 * @param thresholds threshold expression (e.g. {@code p(95)<30000}) → whether it held; empty when
 *     none was set, and then left out of the JSON as k6 does
 */
public record MetricSummary(String type, String contains, Map<String, Double> values,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, ThresholdOutcome> thresholds) {
  private static final Set<String> TYPES = Set.of("trend", "counter", "rate", "gauge");

  public MetricSummary {
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("type must be one of trend, counter, rate, gauge but was '" + type + "'");
    }
    if (!"time".equals(contains) && !"default".equals(contains)) {
      throw new IllegalArgumentException("contains must be time or default but was '" + contains + "'");
    }
    values = Map.copyOf(Objects.requireNonNull(values, "values"));
    thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
  }

  /** A value by k6 name, e.g. {@code p(95)}; empty when this summary does not list it. */
  public OptionalDouble value(String name) {
    Double v = values.get(name);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** As k6 writes it: {@code {"ok": true}}, plus the measured value for the report. */
  public record ThresholdOutcome(boolean ok, double measured) {}
}
