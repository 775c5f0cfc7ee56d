package dev.gatebench.report;

import dev.gatebench.metrics.IntervalStats;
import dev.gatebench.metrics.MetricNames;
import dev.gatebench.metrics.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * The numbers behind the report's charts, as JSON-friendly maps (missing values are null):
 * per suite, the latency percentile distribution of each gateway (x = 1/(1-p), HdrHistogram's
 * plot), p50/p95 and requests per second over time, and latency against active VUs for suites
 * whose VU count changes (the throughput ramp).
 */
final class ChartData {
  /** 20 points a decade of 1/(1-p) up to 99.999 %. */
  private static final int POINTS_PER_DECADE = 20;
  private static final double MAX_X = 100_000;

  private ChartData() {}

  static Map<String, Object> of(List<RunResult> results) {
    Map<String, List<RunResult>> bySuite = results.stream().sorted(ReportRows.targetOrder())
        .collect(Collectors.groupingBy(RunResult::suite, TreeMap::new, Collectors.toList()));
    List<Map<String, Object>> suites = new ArrayList<>();
    bySuite.forEach((suite, runs) -> suites.add(suite(suite, runs)));
    return Map.of("suites", suites);
  }

  static String id(String suite) {
    return suite.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static Map<String, Object> suite(String suite, List<RunResult> runs) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", suite);
    out.put("id", id(suite));
    out.put("percentiles", runs.stream().map(r -> series(r.target(), percentilePoints(r))).toList());
    out.put("latencyOverTime", runs.stream().flatMap(r -> List.of(
        series(r.target() + " p50", overTime(r, IntervalStats::latencyP50Ms)),
        series(r.target() + " p95", overTime(r, IntervalStats::latencyP95Ms))).stream()).toList());
    out.put("requestsOverTime", runs.stream().map(r -> series(r.target() + " req/s",
        overTime(r, s -> (double) s.requests()))).toList());
    List<RunResult> ramps = runs.stream().filter(ChartData::vusVary).toList();
    out.put("latencyByVus", ramps.stream().flatMap(r -> List.of(
        series(r.target() + " p50", byVus(r, IntervalStats::latencyP50Ms)),
        series(r.target() + " p95", byVus(r, IntervalStats::latencyP95Ms))).stream()).toList());
    return out;
  }

  private static Map<String, Object> series(String name, List<List<Double>> points) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    s.put("points", points);
    return s;
  }

  /** [1/(1-p), ms] from the run's HdrHistogram, or from its k6 summary when it has none. */
  static List<List<Double>> percentilePoints(RunResult run) {
    return histogram(run).map(ChartData::fromHistogram).orElseGet(() -> fromSummary(run));
  }

  static Optional<Histogram> histogram(RunResult run) {
    try {
      return run.histogram(MetricNames.CHAT_COMPLETION_LATENCY);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a damaged histogram falls back to the summary's percentiles
    }
  }

  private static List<List<Double>> fromHistogram(Histogram h) {
    List<List<Double>> points = new ArrayList<>();
    double maxX = Math.min(MAX_X, Math.max(2, h.getTotalCount()));
    for (int k = 0; Math.pow(10, k / (double) POINTS_PER_DECADE) <= maxX; k++) {
      double x = Math.pow(10, k / (double) POINTS_PER_DECADE);
      double percentile = 100 * (1 - 1 / x);
      points.add(List.of(x, h.getValueAtPercentile(percentile) / 1e6));
    }
    points.add(List.of(maxX, h.getMaxValue() / 1e6));
    return points;
  }

  private static List<List<Double>> fromSummary(RunResult run) {
    String[] keys = {"min", "med", "p(90)", "p(95)", "p(99)", "p(99.9)"};
    double[] xs = {1, 2, 10, 20, 100, 1000};
    List<List<Double>> points = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      double x = xs[i];
      ReportRows.value(run, MetricNames.CHAT_COMPLETION_LATENCY, keys[i]).ifPresent(ms -> points.add(List.of(x, ms)));
    }
    return points;
  }

  private static List<List<Double>> overTime(RunResult run, ToDoubleFunction<IntervalStats> f) {
    List<List<Double>> points = new ArrayList<>();
    for (IntervalStats s : run.timeSeries()) {
      points.add(Arrays.asList((double) s.offsetSeconds(), finite(f.applyAsDouble(s))));
    }
    return points;
  }

  private static List<List<Double>> byVus(RunResult run, ToDoubleFunction<IntervalStats> f) {
    return run.timeSeries().stream().filter(s -> s.requests() > 0)
        .sorted(Comparator.comparingInt(IntervalStats::activeVus))
        .map(s -> Arrays.asList((double) s.activeVus(), finite(f.applyAsDouble(s)))).toList();
  }

  private static boolean vusVary(RunResult run) {
    return run.timeSeries().stream().mapToInt(IntervalStats::activeVus).distinct().count() > 1;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
