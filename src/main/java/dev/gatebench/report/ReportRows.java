package dev.gatebench.report;

import dev.gatebench.metrics.ErrorKind;
import dev.gatebench.metrics.MetricNames;
import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.metrics.resources.ResourceUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns runs into table rows, per suite: Direct first, then gateways by name, then rows without
 * results. Reads error kinds from the {@code errors_<kind>} counters ({@link MetricNames#errors})
 * and resources from {@code environment.resources} ({@link ResourceUsage#toMap()}).
 */
final class ReportRows {
  static final String DIRECT = "direct";
  private static final String[] LATENCY_KEYS = {"med", "p(90)", "p(95)", "p(99)", "max"};

  private ReportRows() {}

  /** Suite (sorted) → rows. */
  static Map<String, List<ReportRow>> bySuite(List<RunResult> results, List<SkippedRow> skipped) {
    Map<String, List<RunResult>> runs = results.stream().collect(Collectors.groupingBy(RunResult::suite,
        TreeMap::new, Collectors.toList()));
    skipped.forEach(s -> runs.computeIfAbsent(s.suite(), k -> new ArrayList<>()));
    Map<String, List<ReportRow>> out = new LinkedHashMap<>();
    runs.forEach((suite, suiteRuns) -> {
      List<RunResult> ordered = suiteRuns.stream().sorted(targetOrder()).toList();
      Optional<RunResult> direct = ordered.stream().filter(r -> r.target().equals(DIRECT)).findFirst();
      List<ReportRow> rows = new ArrayList<>(ordered.stream().map(r -> row(r, direct)).toList());
      skipped.stream().filter(s -> s.suite().equals(suite)).forEach(s -> rows.add(ReportRow.skipped(s.gateway(),
          s.reason())));
      out.put(suite, rows);
    });
    return out;
  }

  static Comparator<RunResult> targetOrder() {
    return Comparator.comparing((RunResult r) -> !r.target().equals(DIRECT)).thenComparing(RunResult::target);
  }

  static ReportRow row(RunResult run, Optional<RunResult> direct) {
    double[] latency = latency(run);
    double[] overhead = {Double.NaN, Double.NaN, Double.NaN};
    if (direct.isPresent() && !run.target().equals(DIRECT)) {
      double[] base = latency(direct.get());
      int[] columns = {0, 2, 3};
      for (int i = 0; i < columns.length; i++) overhead[i] = latency[columns[i]] - base[columns[i]];
    }
    Optional<ResourceUsage> resources = resources(run);
    OptionalDouble requests = value(run, MetricNames.REQUESTS_TOTAL, "count");
    return new ReportRow(run.target(), Optional.empty(), latency, overhead, requestsPerSecond(run),
        value(run, MetricNames.ERROR_RATE, "rate"), errorKinds(run), value(run, MetricNames.TOKENS_PER_SECOND, "avg"),
        resources.map(u -> OptionalDouble.of(u.coresMean())).orElse(OptionalDouble.empty()),
        resources.flatMap(u -> u.cpuSecondsPer1000Requests((long) requests.orElse(0)))
            .map(OptionalDouble::of).orElse(OptionalDouble.empty()),
        resources.map(u -> OptionalDouble.of(u.rssPeakBytes() / (1024.0 * 1024))).orElse(OptionalDouble.empty()),
        resources.map(ResourceUsage::note).orElse(""),
        Optional.ofNullable(run.environment().get(ComparisonReport.UNWRITTEN)).map(Object::toString));
  }

  static double[] latency(RunResult run) {
    double[] ms = new double[LATENCY_KEYS.length];
    for (int i = 0; i < ms.length; i++) {
      ms[i] = value(run, MetricNames.CHAT_COMPLETION_LATENCY, LATENCY_KEYS[i]).orElse(Double.NaN);
    }
    return ms;
  }

  static OptionalDouble value(RunResult run, String metric, String key) {
    Double v = run.metric(metric).map(MetricSummary::values).map(m -> m.get(key)).orElse(null);
    return v == null || !Double.isFinite(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  static OptionalDouble requestsPerSecond(RunResult run) {
    OptionalDouble rate = value(run, MetricNames.REQUESTS_TOTAL, "rate");
    if (rate.isPresent() || run.testRunDurationMs() <= 0) return rate;
    OptionalDouble count = value(run, MetricNames.REQUESTS_TOTAL, "count");
    return count.isPresent() ? OptionalDouble.of(count.getAsDouble() * 1000 / run.testRunDurationMs()) : count;
  }

  static Optional<ResourceUsage> resources(RunResult run) {
    Object value = run.environment().get(ResourceUsage.ENVIRONMENT_KEY);
    if (value instanceof ResourceUsage usage) return Optional.of(usage);
    if (value instanceof Map<?, ?> map) {
      try {
        return Optional.of(ResourceUsage.fromMap(map));
      } catch (RuntimeException e) {
        return Optional.empty(); // a malformed entry shows as n/a rather than losing the report
      }
    }
    return Optional.empty();
  }

  /** From the {@code errors_<kind>} counters, e.g. {@code "HTTP_STATUS 1, TIMEOUT 3"}; empty when none. */
  static String errorKinds(RunResult run) {
    List<String> kinds = new ArrayList<>();
    for (ErrorKind kind : ErrorKind.values()) {
      value(run, MetricNames.errors(kind), "count").ifPresent(count -> {
        if (count > 0) kinds.add(kind.name() + " " + Math.round(count));
      });
    }
    return String.join(", ", kinds);
  }
}
