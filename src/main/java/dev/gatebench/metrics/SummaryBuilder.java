package dev.gatebench.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.AbstractHistogram;

/** Assembles k6 metric summaries; one use per summary. Not thread-safe. */
final class SummaryBuilder {
  private final Map<String, MetricSummary> metrics = new LinkedHashMap<>();
  private final double durationSeconds;

  /** @param durationNanos what counter rates are per; <= 0 gives rate 0 */
  SummaryBuilder(long durationNanos) {
    this.durationSeconds = durationNanos / 1e9;
  }

  SummaryBuilder trends(Map<String, TrendRecorder> timeTrends, double divisor) {
    timeTrends.forEach((name, trend) -> metrics.put(name,
        new MetricSummary("trend", "time", TrendValues.of(trend.cumulative(), divisor), null)));
    return this;
  }

  SummaryBuilder trend(String name, AbstractHistogram histogram, double divisor) {
    metrics.put(name, new MetricSummary("trend", "default", TrendValues.of(histogram, divisor), null));
    return this;
  }

  SummaryBuilder counters(Map<String, Long> counts) {
    counts.forEach((name, count) -> metrics.put(name, new MetricSummary("counter", "default",
        Map.of("count", (double) count, "rate", durationSeconds > 0 ? count / durationSeconds : 0.0), null)));
    return this;
  }

  /**
   * A k6 rate. k6 counts non-zero samples as {@code passes} and zero samples as {@code fails}; the
   * original adds 1 to error_rate for an error, so there {@code passes} are the errors.
   */
  SummaryBuilder rate(String name, long nonZero, long zero) {
    long total = nonZero + zero;
    metrics.put(name, new MetricSummary("rate", "default", Map.of(
        "rate", total == 0 ? 0.0 : (double) nonZero / total,
        "passes", (double) nonZero, "fails", (double) zero), null));
    return this;
  }

  SummaryBuilder gauge(String name, GaugeTracker gauge) {
    metrics.put(name, new MetricSummary("gauge", "default", gauge.values(), null));
    return this;
  }

  Map<String, MetricSummary> build() {
    return Collections.unmodifiableMap(metrics);
  }
}
