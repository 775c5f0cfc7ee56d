package dev.gatebench.threshold;

import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.RunResult;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Finds the number a threshold or assertion compares: the summary's value, or for a percentile
 * the summary does not list (e.g. p(75)) the run's stored histogram. Stateless.
 */
final class MetricValues {
  private static final Map<String, Set<String>> AGGREGATIONS_BY_TYPE = Map.of(
      "trend", Set.of("avg", "min", "max", "med", "count", "p(N)"),
      "counter", Set.of("count", "rate"),
      "rate", Set.of("rate"),
      "gauge", Set.of("value", "min", "max"));
  private static final String DESCRIBED = "trend: avg, min, max, med, p(N), count; counter: count, rate; "
      + "rate: rate; gauge: value, min, max";

  private MetricValues() {}

  /**
   * The value of {@code aggregation} (k6 name, e.g. {@code p(95)}) of a metric; NaN when the metric
   * has no samples for it yet.
   *
   * @param histogram the metric's histogram in ns, if stored; used for unlisted percentiles
   * @throws ThresholdException when a metric of this type has no such aggregation
   */
  static double measure(String metric, MetricSummary summary, String aggregation,
      Optional<Histogram> histogram) {
    Double listed = summary.values().get(aggregation);
    if (listed != null) return listed;
    boolean percentile = aggregation.startsWith("p(");
    Set<String> supported = AGGREGATIONS_BY_TYPE.getOrDefault(summary.type(), Set.of());
    if (!supported.contains(percentile ? "p(N)" : aggregation)) {
      throw new ThresholdException("Metric '" + metric + "' is a " + summary.type() + ", which has no '"
          + aggregation + "'; use one of its aggregations (" + DESCRIBED + ")");
    }
    if (percentile && histogram.isPresent() && histogram.get().getTotalCount() > 0) {
      double p = Double.parseDouble(aggregation.substring(2, aggregation.length() - 1));
      return histogram.get().getValueAtPercentile(p) / 1e6;
    }
    return Double.NaN;
  }

  /** As {@link #measure}, with the histogram taken from the run when it stores one. */
  static double measure(RunResult result, String metric, MetricSummary summary, String aggregation) {
    Optional<Histogram> histogram = aggregation.startsWith("p(") ? result.histogram(metric) : Optional.empty();
    return measure(metric, summary, aggregation, histogram);
  }
}
