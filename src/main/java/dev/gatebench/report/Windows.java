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
 * rebuilt from its p50, p95, p99 and max ({@link #pooled}): exact while a second holds one or two
 * requests (the rates that need the longest windows); above, ranks a second did not keep are filled
 * from below, so the window's p95 may fall short of the true one by the gap those ranks hid.
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

  /**
   * Each second's k successful requests rebuilt from what the second kept: its p50, p95, p99 and max
   * are its requests of rank ceil(k/2), ceil(0.95k), ceil(0.99k) and k; a rank in between takes the
   * known value just below it (the p50 below the median). One slow request thus stays one request:
   * it does not lift the window's p95 as it would if it stood for all of its second's upper ranks.
   */
  static double[] pooled(List<IntervalStats> seconds) {
    List<Double> values = new ArrayList<>();
    for (IntervalStats s : seconds) {
      long ok = s.requests() - s.errors();
      if (ok <= 0 || !Double.isFinite(s.latencyP50Ms())) continue;
      long r95 = HistogramSample.rank(95, ok);
      long r99 = HistogramSample.rank(99, ok);
      for (long i = 1; i <= ok; i++) {
        values.add(i == ok ? s.latencyMaxMs() : i >= r99 ? s.latencyP99Ms() : i >= r95 ? s.latencyP95Ms()
            : s.latencyP50Ms());
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
