package dev.gatebench.report;

import dev.gatebench.metrics.MetricNames;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.report.gate.MedianShift;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;

/**
 * What a table row needs besides its figures to be read fairly: how many requests its percentiles
 * rest on, the overhead's confidence intervals, its failed requests, and whether the run ended early
 * or its load generator could not keep up. Immutable.
 *
 * @param latencyCount successful requests behind the latency percentiles
 * @param directCount the Direct row's successful requests (the other side of the overhead), 0 if none
 * @param overheadIntervals for p50, p95, p99: the overhead and its 95 % interval; empty when unknown
 * @param failed failed requests
 * @param failedMedianMs median time to failure ({@code failed_request_duration} med), when any failed
 * @param failedMaxMs longest time to failure
 * @param abortedBy why the run ended before its schedule, e.g. a failed abortOnFail threshold
 * @param untrustworthy why the load generator's figures are not to be trusted, when it said so
 * @param generatorLateBecause the generator's likeliest cause of lateness in a few words, e.g. {@code busy
 *     machine}, from {@code environment.generator.likeliestCause}
 */
record RowEvidence(long latencyCount, long directCount, List<Optional<MedianShift.Estimate>> overheadIntervals,
    long failed, OptionalDouble failedMedianMs, OptionalDouble failedMaxMs, Optional<String> abortedBy,
    Optional<String> untrustworthy, Optional<String> generatorLateBecause) {

  /** The percentile of each latency column (p50, p90, p95, p99); max has none. */
  static final double[] LATENCY_PERCENTILES = {50, 90, 95, 99};
  static final double[] OVERHEAD_PERCENTILES = {50, 95, 99};
  static final RowEvidence NONE = new RowEvidence(0, 0, List.of(Optional.empty(), Optional.empty(),
      Optional.empty()), 0, OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), Optional.empty(),
      Optional.empty());
  /** {@code environment.generator.likeliestCause} in a badge's words. */
  private static final Map<String, String> LATE_BECAUSE = Map.of("machine", "busy machine", "gc", "GC pauses",
      "heap-readings", "heap readings' GC", "generator-cpu", "generator out of CPU", "unexplained", "cause unknown");

  RowEvidence {
    overheadIntervals = List.copyOf(overheadIntervals);
  }

  static RowEvidence of(RunResult run, Optional<RunResult> direct) {
    long count = (long) ReportRows.value(run, MetricNames.CHAT_COMPLETION_LATENCY, "count").orElse(0);
    boolean isDirect = run.target().equals(ReportRows.DIRECT);
    long directCount = direct.map(d -> (long) ReportRows.value(d, MetricNames.CHAT_COMPLETION_LATENCY, "count")
        .orElse(0)).orElse(0L);
    List<Optional<MedianShift.Estimate>> intervals = new ArrayList<>();
    Optional<Histogram> mine = ChartData.histogram(run);
    Optional<Histogram> theirs = isDirect ? Optional.empty() : direct.flatMap(ChartData::histogram);
    for (double p : OVERHEAD_PERCENTILES) {
      intervals.add(mine.isPresent() && theirs.isPresent()
          ? OverheadInterval.of(mine.get(), theirs.get(), p) : Optional.empty());
    }
    long failed = (long) ReportRows.value(run, MetricNames.REQUESTS_FAILED, "count")
        .orElse(run.errorsByKind().values().stream().mapToLong(Long::longValue).sum());
    return new RowEvidence(count, directCount, intervals, failed,
        ReportRows.value(run, MetricNames.FAILED_REQUEST_DURATION, "med"),
        ReportRows.value(run, MetricNames.FAILED_REQUEST_DURATION, "max"), run.abortedBy(), untrustworthy(run),
        generatorLateBecause(run));
  }

  private static Optional<String> generatorLateBecause(RunResult run) {
    if (!(run.environment().get(RunResult.GENERATOR) instanceof Map<?, ?> generator)) return Optional.empty();
    Object cause = generator.get("likeliestCause");
    return cause == null ? Optional.empty() : Optional.of(LATE_BECAUSE.getOrDefault(cause.toString(), cause.toString()));
  }

  /**
   * Whether latency column {@code column} (index into {@link ReportRow#LATENCY_COLUMNS}) is more than
   * the max; true without requests, where the cell says n/a and there is nothing to mark.
   */
  boolean latencySupported(int column) {
    return column >= LATENCY_PERCENTILES.length || supported(LATENCY_PERCENTILES[column], latencyCount);
  }

  /** Whether both rows of overhead column {@code column} have enough requests for its percentile. */
  boolean overheadSupported(int column) {
    double p = OVERHEAD_PERCENTILES[column];
    return supported(p, latencyCount) && supported(p, directCount);
  }

  private static boolean supported(double percentile, long count) {
    return count == 0 || PercentileSupport.supported(percentile, count);
  }

  /** Footnotes for the marked latency cells, e.g. {@code "p99 of 30 requests is the maximum (...)"}. */
  List<String> footnotes() {
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < LATENCY_PERCENTILES.length; i++) {
      if (!latencySupported(i)) {
        notes.add(PercentileSupport.footnote(ReportRow.LATENCY_COLUMNS[i], LATENCY_PERCENTILES[i], latencyCount));
      }
    }
    return notes;
  }

  /** Lines under the table about this row: failures, an early end, an untrustworthy generator. */
  List<String> notes(String gateway) {
    List<String> notes = new ArrayList<>();
    if (failed > 0) {
      String took = failedMedianMs.isPresent() ? String.format(Locale.ROOT, "; they failed after %s ms (median), "
          + "%s ms at most", Format.ms(failedMedianMs.getAsDouble()), Format.ms(failedMaxMs.orElse(Double.NaN))) : "";
      notes.add(String.format(Locale.ROOT, "%s: %,d failed requests, not in the latency columns%s.", gateway,
          failed, took));
    }
    abortedBy.ifPresent(why -> notes.add(gateway + " stopped early: " + why));
    untrustworthy.ifPresent(why -> notes.add(gateway + ": the load generator was not trustworthy in this run ("
        + why + "); its latencies may include the generator's own delays."));
    return notes;
  }

  /** Short marks for the gateway cell, e.g. {@code ["aborted"]}. */
  List<String> badges() {
    List<String> badges = new ArrayList<>();
    abortedBy.ifPresent(why -> badges.add("stopped early"));
    untrustworthy.ifPresent(why -> badges.add("generator not trustworthy"
        + generatorLateBecause.map(cause -> ": " + cause).orElse("")));
    return badges;
  }

  /**
   * {@code "trustworthy": false} at the top of the environment or in one of its sections (e.g. the
   * generator's self-check), with the section's other entries as the reason.
   */
  static Optional<String> untrustworthy(RunResult run) {
    if (Boolean.FALSE.equals(asBoolean(run.environment().get("trustworthy")))) {
      return Optional.of(reason(run.environment(), false));
    }
    for (Map.Entry<String, Object> e : run.environment().entrySet()) {
      if (e.getValue() instanceof Map<?, ?> section && Boolean.FALSE.equals(asBoolean(section.get("trustworthy")))) {
        return Optional.of(e.getKey() + ": " + reason(section, true));
      }
    }
    return Optional.empty();
  }

  private static Boolean asBoolean(Object value) {
    if (value instanceof Boolean b) return b;
    if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.valueOf(s);
    }
    return null;
  }

  /** A reason key's text; else, for a section of its own, its other plain entries. */
  private static String reason(Map<?, ?> section, boolean ownSection) {
    for (String key : List.of("reason", "why", "untrustworthyBecause", "trustworthyReason", "message")) {
      if (section.get(key) != null) return section.get(key).toString();
    }
    if (!ownSection) return "no reason given";
    List<String> parts = new ArrayList<>();
    section.forEach((k, v) -> {
      if (!"trustworthy".equals(k) && !(v instanceof Map) && !(v instanceof List)) parts.add(k + " " + v);
    });
    return parts.isEmpty() ? "no reason given" : String.join(", ", parts);
  }
}
