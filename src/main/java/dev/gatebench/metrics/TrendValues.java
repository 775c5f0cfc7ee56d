package dev.gatebench.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.AbstractHistogram;

/** Turns a histogram into k6's trend values. Stateless. */
final class TrendValues {
  static final double NANOS_PER_MS = 1_000_000.0;

  private TrendValues() {}

  /**
   * k6's trend values {@code min, avg, med, p(90), p(95), p(99), p(99.9), max, count}, each raw
   * value divided by {@code divisor} (1e6 for ns → ms). An empty histogram gives only
   * {@code count: 0}: k6 reports no statistics for a trend without samples, and a made-up 0
   * would let a {@code p(95)<…} threshold pass on no data.
   */
  static Map<String, Double> of(AbstractHistogram h, double divisor) {
    Map<String, Double> values = new LinkedHashMap<>();
    if (h.getTotalCount() > 0) {
      values.put("min", h.getMinValue() / divisor);
      values.put("avg", h.getMean() / divisor);
      values.put("med", h.getValueAtPercentile(50) / divisor);
      values.put("p(90)", h.getValueAtPercentile(90) / divisor);
      values.put("p(95)", h.getValueAtPercentile(95) / divisor);
      values.put("p(99)", h.getValueAtPercentile(99) / divisor);
      values.put("p(99.9)", h.getValueAtPercentile(99.9) / divisor);
      values.put("max", h.getMaxValue() / divisor);
    }
    values.put("count", (double) h.getTotalCount());
    return values;
  }

  /** A percentile in ms of a ns histogram, NaN when it is empty. */
  static double percentileMs(AbstractHistogram h, double percentile) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / NANOS_PER_MS;
  }

  static double maxMs(AbstractHistogram h) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / NANOS_PER_MS;
  }
}
