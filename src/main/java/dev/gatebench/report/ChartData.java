package dev.gatebench.report;

import dev.gatebench.metrics.MetricNames;
import dev.gatebench.metrics.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * The numbers behind the report's charts, as JSON-friendly maps (missing values are null): per
 * suite, each row's percentile spectrum ({@link Spectrum}), p50/p95 and requests per second over
 * windows that hold enough requests ({@link Windows}, each drawn as a level across its span), and
 * latency per active-VU level. A point's third value is the count of requests behind it.
 */
final class ChartData {
  private ChartData() {}

  static Map<String, Object> of(List<RunResult> results) {
    Map<String, List<RunResult>> bySuite = results.stream().sorted(ReportRows.targetOrder())
        .collect(Collectors.groupingBy(RunResult::suite, TreeMap::new, Collectors.toList()));
    List<Map<String, Object>> suites = new ArrayList<>();
    bySuite.forEach((suite, runs) -> suites.add(suite(suite, runs)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("minRequests", Windows.MIN_REQUESTS);
    out.put("spectrumAxis", Spectrum.axis());
    out.put("suites", suites);
    return out;
  }

  static String id(String suite) {
    return suite.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  static Optional<Histogram> histogram(RunResult run) {
    try {
      return run.histogram(MetricNames.CHAT_COMPLETION_LATENCY);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a damaged histogram falls back to the summary's percentiles
    }
  }

  private static Map<String, Object> suite(String suite, List<RunResult> runs) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", suite);
    out.put("id", id(suite));
    out.put("percentiles", runs.stream().map(r -> series(r.target(), Spectrum.points(r))).toList());
    out.put("window", windowLabel(runs));
    out.put("latencyOverTime", runs.stream().flatMap(r -> {
      List<Windows.Window> w = Windows.overTime(r.timeSeries());
      return List.of(series(r.target() + " p50", spans(w, Windows.Window::p50Ms)),
          series(r.target() + " p95", spans(w, Windows.Window::p95Ms))).stream();
    }).toList());
    out.put("requestsOverTime", runs.stream().flatMap(ChartData::rates).toList());
    List<RunResult> ramps = runs.stream().filter(r -> Windows.byVus(r.timeSeries()).size() > 1).toList();
    out.put("latencyByVus", ramps.stream().flatMap(r -> {
      List<Windows.Window> levels = Windows.byVus(r.timeSeries());
      return List.of(series(r.target() + " p50", points(levels, w -> w.vus(), Windows.Window::p50Ms)),
          series(r.target() + " p95", points(levels, w -> w.vus(), Windows.Window::p95Ms))).stream();
    }).toList());
    if (ramps.isEmpty()) out.put("vusNote", vusNote(suite, runs));
    return out;
  }

  private static java.util.stream.Stream<Map<String, Object>> rates(RunResult run) {
    List<Windows.Window> windows = Windows.overTime(run.timeSeries());
    Map<String, Object> all = series(run.target() + " req/s", spans(windows, Windows.Window::requestsPerSecond));
    if (windows.stream().noneMatch(w -> w.errors() > 0)) return java.util.stream.Stream.of(all);
    return java.util.stream.Stream.of(all, series(run.target() + " failed/s", spans(windows,
        w -> w.errors() / (double) Math.max(1, w.endSeconds() - w.startSeconds()))));
  }

  /**
   * How the rows' windows came out, for the chart titles: e.g. "20 s windows", "windows of 20 to 25 s",
   * or "one window over each run (30 s)" when a run has too few requests for two.
   */
  static String windowLabel(List<RunResult> runs) {
    List<List<Windows.Window>> perRun = runs.stream().map(r -> Windows.overTime(r.timeSeries())).toList();
    TreeSet<Integer> lengths = perRun.stream().flatMap(List::stream).map(w -> w.endSeconds() - w.startSeconds())
        .collect(Collectors.toCollection(TreeSet::new));
    if (lengths.isEmpty()) return "";
    String range = lengths.size() == 1 ? lengths.first() + " s" : lengths.first() + " to " + lengths.last() + " s";
    if (perRun.stream().allMatch(w -> w.size() <= 1)) return "one window over each run (" + range + ")";
    return lengths.size() == 1 ? range + " windows" : "windows of " + range;
  }

  private static String vusNote(String suite, List<RunResult> runs) {
    String levels = runs.stream().flatMap(r -> Windows.byVus(r.timeSeries()).stream()
        .map(w -> String.format(Locale.ROOT, "%s %d VU%s, %,d requests", r.target(), w.vus(), w.vus() == 1 ? "" : "s",
            w.requests()))).collect(Collectors.joining("; "));
    return suite + ": latency against active VUs is not drawn, each row ran at one VU level (" + levels + ").";
  }

  private static Map<String, Object> series(String name, List<List<Double>> points) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    s.put("points", points);
    return s;
  }

  /**
   * A window's value held over its span, [start, y, requests] and [end, y, requests]: drawn as steps, a
   * run with one window is a level line across the run rather than a dot in its middle.
   */
  private static List<List<Double>> spans(List<Windows.Window> windows, ToDoubleFunction<Windows.Window> y) {
    List<List<Double>> points = new ArrayList<>();
    for (Windows.Window w : windows) {
      Double value = finite(y.applyAsDouble(w));
      points.add(Arrays.asList((double) w.startSeconds(), value, (double) w.requests()));
      points.add(Arrays.asList((double) w.endSeconds(), value, (double) w.requests()));
    }
    return points;
  }

  /** [x, y, requests] per window; y null when the window has no value. */
  private static List<List<Double>> points(List<Windows.Window> windows, ToDoubleFunction<Windows.Window> x,
      ToDoubleFunction<Windows.Window> y) {
    return windows.stream().map(w -> Arrays.asList(x.applyAsDouble(w), finite(y.applyAsDouble(w)),
        (double) w.requests())).toList();
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
