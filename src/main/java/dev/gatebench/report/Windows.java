package dev.gatebench.report;

import dev.gatebench.metrics.IntervalStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups a run's seconds so that every point of a chart rests on enough requests. Over time: windows
 * of N seconds, N chosen from the run's mean rate so that a window holds {@link #MIN_REQUESTS}
 * (N = 1 from 20 req/s; 20 s at 1 req/s), and a window still short of it (the run's tail) merged into
 * its neighbour; an empty window is kept, as a stall is a finding. Against VUs: one point per VU level.
 *
 * <p>A window of one second keeps that second's percentiles. A longer one pools its seconds, each
 * standing for its successful requests spread over its p50, p95, p99 and max: exact while a second
 * holds one or two requests (the rates that need long windows), close above.
 * Stateless.
 */
final class Windows {
  /** Requests a point should rest on. */
  static final int MIN_REQUESTS = 20;

  private Windows() {}

  /**
   * One point of a chart.
   *
   * @param startSeconds offset of the window's first second
   * @param endSeconds offset just after its last second
   * @param requests requests that ended in it, failed ones included
   * @param errors failed requests
   * @param vus the VU level (for {@link #byVus}), else the VUs active at its end
   * @param p50Ms latency p50 of its successful requests, NaN when none; likewise p95Ms
   */
  record Window(int startSeconds, int endSeconds, long requests, long errors, int vus, double p50Ms, double p95Ms) {
    double midSeconds() {
      return (startSeconds + endSeconds) / 2.0;
    }

    double requestsPerSecond() {
      return requests / (double) Math.max(1, endSeconds - startSeconds);
    }
  }

  /** Seconds per window for this series: {@code ceil(MIN_REQUESTS / mean rate)}, 1 to the run's length. */
  static int seconds(List<IntervalStats> series) {
    if (series.isEmpty()) return 1;
    int span = span(series);
    long requests = series.stream().mapToLong(IntervalStats::requests).sum();
    if (requests == 0) return span;
    return (int) Math.max(1, Math.min(span, Math.ceil(MIN_REQUESTS * span / (double) requests)));
  }

  /** Windows over time, in order; see the class comment. */
  static List<Window> overTime(List<IntervalStats> series) {
    int n = seconds(series);
    Map<Integer, List<IntervalStats>> groups = new TreeMap<>();
    for (IntervalStats s : series) groups.computeIfAbsent(s.offsetSeconds() / n, k -> new ArrayList<>()).add(s);
    List<List<IntervalStats>> windows = new ArrayList<>(groups.values());
    for (int i = 0; i < windows.size() && windows.size() > 1; ) {
      long requests = requests(windows.get(i));
      if (requests > 0 && requests < MIN_REQUESTS) {
        int into = i > 0 ? i - 1 : i + 1;
        windows.get(into).addAll(windows.remove(i));
        i = Math.min(into, i);
      } else {
        i++;
      }
    }
    return windows.stream().map(w -> window(w, w.get(w.size() - 1).activeVus())).toList();
  }

  /**
   * One point per VU level, with the requests behind it, sorted by VUs. A second with no VU active
   * (the ramp's end) counts with the level before it.
   */
  static List<Window> byVus(List<IntervalStats> series) {
    Map<Integer, List<IntervalStats>> levels = new TreeMap<>();
    int level = 0;
    for (IntervalStats s : series) {
      if (s.activeVus() > 0) level = s.activeVus();
      if (s.requests() > 0) levels.computeIfAbsent(level, k -> new ArrayList<>()).add(s);
    }
    return levels.entrySet().stream().map(e -> window(e.getValue(), e.getKey())).toList();
  }

  private static Window window(List<IntervalStats> seconds, int vus) {
    IntervalStats first = seconds.get(0);
    int start = seconds.stream().mapToInt(IntervalStats::offsetSeconds).min().orElse(0);
    int end = seconds.stream().mapToInt(IntervalStats::offsetSeconds).max().orElse(0) + 1;
    long errors = seconds.stream().mapToLong(IntervalStats::errors).sum();
    if (seconds.size() == 1) {
      return new Window(start, end, first.requests(), errors, vus, first.latencyP50Ms(), first.latencyP95Ms());
    }
    double[] pooled = pooled(seconds);
    return new Window(start, end, requests(seconds), errors, vus, percentile(pooled, 50), percentile(pooled, 95));
  }

  /** Each second's successful requests at its p50, p95, p99 and max, by their place in the second. */
  static double[] pooled(List<IntervalStats> seconds) {
    List<Double> values = new ArrayList<>();
    for (IntervalStats s : seconds) {
      long ok = s.requests() - s.errors();
      if (ok <= 0 || !Double.isFinite(s.latencyP50Ms())) continue;
      for (long i = 1; i <= ok; i++) {
        double q = (i - 0.5) / ok;
        values.add(q <= 0.5 ? s.latencyP50Ms() : q <= 0.95 ? s.latencyP95Ms() : q <= 0.99 ? s.latencyP99Ms()
            : s.latencyMaxMs());
      }
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted;
  }

  /** HdrHistogram's percentile of a sorted array (rank {@code ceil(p n)}); NaN when empty. */
  static double percentile(double[] sorted, double percentile) {
    return sorted.length == 0 ? Double.NaN : sorted[(int) HistogramSample.rank(percentile, sorted.length) - 1];
  }

  private static long requests(List<IntervalStats> seconds) {
    return seconds.stream().mapToLong(IntervalStats::requests).sum();
  }

  private static int span(List<IntervalStats> series) {
    return series.stream().mapToInt(IntervalStats::offsetSeconds).max().orElse(0) + 1;
  }
}
