package dev.gatebench.report;

import dev.gatebench.metrics.MetricNames;
import dev.gatebench.metrics.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The percentile spectrum of a run, HdrHistogram's plot: x = 1/(1 - p) on a log axis, so 0 %, 90 %,
 * 99 %, 99.9 % and 99.99 % are evenly spaced, y = latency in ms. A run's line ends where its requests
 * end: with n requests, percentiles past 1 - 1/n are all its maximum, so its last point is the
 * maximum at x = n (or p99.99 at the axis' end). Stateless.
 */
final class Spectrum {
  /** The axis' end: 99.99 %. */
  static final double MAX_X = 10_000;
  private static final int POINTS_PER_DECADE = 20;

  private Spectrum() {}

  /** The x axis: range and the label of each decade, e.g. 100 → "99%". */
  static Map<String, Object> axis() {
    Map<String, String> labels = new LinkedHashMap<>();
    for (double x = 1; x <= MAX_X; x *= 10) labels.put(String.valueOf((long) x), label(x));
    Map<String, Object> axis = new LinkedHashMap<>();
    axis.put("min", 1);
    axis.put("max", MAX_X);
    axis.put("labels", labels);
    return axis;
  }

  /** The percentile at x = 1/(1 - p) as the axis labels it: 1 → "0%", 1000 → "99.9%". */
  static String label(double x) {
    double percent = 100 * (1 - 1 / x);
    String text = String.format(java.util.Locale.ROOT, "%.4f", percent).replaceAll("0+$", "").replaceAll("\\.$", "");
    return text + "%";
  }

  /** [x, ms] points from the run's histogram, or from its k6 summary when it has none. */
  static List<List<Double>> points(RunResult run) {
    return ChartData.histogram(run).filter(h -> h.getTotalCount() > 0).map(Spectrum::fromHistogram)
        .orElseGet(() -> fromSummary(run));
  }

  static List<List<Double>> fromHistogram(Histogram h) {
    double end = Math.min(MAX_X, Math.max(2, h.getTotalCount()));
    List<List<Double>> points = new ArrayList<>();
    for (int k = 0; Math.pow(10, k / (double) POINTS_PER_DECADE) < end; k++) {
      double x = Math.pow(10, k / (double) POINTS_PER_DECADE);
      points.add(List.of(x, h.getValueAtPercentile(100 * (1 - 1 / x)) / 1e6));
    }
    double last = end < MAX_X ? h.getMaxValue() : h.getValueAtPercentile(100 * (1 - 1 / MAX_X));
    points.add(List.of(end, last / 1e6));
    return points;
  }

  private static List<List<Double>> fromSummary(RunResult run) {
    String[] keys = {"min", "med", "p(90)", "p(95)", "p(99)", "p(99.9)"};
    double[] xs = {1, 2, 10, 20, 100, 1000};
    long count = (long) ReportRows.value(run, MetricNames.CHAT_COMPLETION_LATENCY, "count").orElse(Long.MAX_VALUE);
    List<List<Double>> points = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      double x = xs[i];
      if (x > 2 && x > count) break; // past the maximum: the same value again says nothing
      ReportRows.value(run, MetricNames.CHAT_COMPLETION_LATENCY, keys[i]).ifPresent(ms -> points.add(List.of(x, ms)));
    }
    return points;
  }
}
