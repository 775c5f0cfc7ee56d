package dev.gatebench.faults;

import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The errors suite's table for one row: per fault case what the client got, how many upstream attempts
 * each request became, how soon the client knew, and whether it was told at all. Recorded in the result as
 * {@code environment.errors} ({@link #toMap()}), its counts as the {@link FaultMetrics} counters.
 *
 * @param cases in the order run
 * @param configuredRetries retries the row is configured to make, >= 0 (LiteLLM's {@code num_retries})
 */
public record ErrorsTable(List<CaseResult> cases, int configuredRetries) {
  /** The key of the table in a result's {@code environment}. */
  public static final String ENVIRONMENT_KEY = "errors";

  public ErrorsTable {
    cases = List.copyOf(cases);
    if (configuredRetries < 0) throw new IllegalArgumentException("configuredRetries must be >= 0 but was " + configuredRetries);
  }

  public long overBudget() {
    return cases.stream().mapToLong(c -> c.overBudget(configuredRetries)).sum();
  }

  public long errorsAsSuccess() {
    return cases.stream().mapToLong(CaseResult::errorsAsSuccess).sum();
  }

  public long hidden() {
    return cases.stream().mapToLong(CaseResult::hidden).sum();
  }

  /** The three counters, for thresholds, over a run of {@code durationNanos}. */
  public Map<String, MetricSummary> metrics(long durationNanos) {
    return Map.of(FaultMetrics.UPSTREAM_ATTEMPTS_OVER_BUDGET, FaultMetrics.counter(overBudget(), durationNanos),
        FaultMetrics.UPSTREAM_ERRORS_AS_SUCCESS, FaultMetrics.counter(errorsAsSuccess(), durationNanos),
        FaultMetrics.FAULTS_HIDDEN, FaultMetrics.counter(hidden(), durationNanos));
  }

  /** The {@code environment.errors} block. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("configuredRetries", configuredRetries);
    map.put("cases", cases.stream().map(c -> c.toMap(configuredRetries)).toList());
    return map;
  }

  /** The table recorded in a result, one row per case; empty when it has none. */
  public static Optional<List<Row>> recorded(RunResult run) {
    if (!(run.environment().get(ENVIRONMENT_KEY) instanceof Map<?, ?> block)) return Optional.empty();
    if (!(block.get("cases") instanceof List<?> cases)) return Optional.empty();
    List<Row> rows = new ArrayList<>();
    for (Object c : cases) {
      if (c instanceof Map<?, ?> one && one.get("requests") instanceof List<?> requests && !requests.isEmpty()) {
        rows.add(Row.of(one, requests));
      }
    }
    return Optional.of(rows);
  }

  /**
   * One case as a table shows it: the first request's status, error type and message, every request's
   * attempts, the median time to the end, how many requests the client was told of, and the time until the
   * row served again (NaN: not within the limit).
   */
  public record Row(String caseName, String status, String errorType, String errorMessage, String attempts,
      long attemptBudget, double timeToEndMs, String outcome, long told, long requests, double recoveryMs) {

    static Row of(Map<?, ?> one, List<?> requests) {
      List<Map<?, ?>> each = requests.stream().filter(Map.class::isInstance).<Map<?, ?>>map(Map.class::cast).toList();
      Map<?, ?> first = each.get(0);
      List<String> attempts = each.stream().map(r -> String.valueOf(number(r, "attempts").longValue())).toList();
      double[] times = each.stream().mapToDouble(r -> number(r, "timeToEndMs").doubleValue()).sorted().toArray();
      long told = each.stream().filter(r -> Boolean.TRUE.equals(r.get("told"))).count();
      String status = number(first, "status").intValue() == 0 ? "none" : String.valueOf(number(first, "status"));
      return new Row(String.valueOf(one.get("case")), status, text(first, "errorType"), text(first, "errorMessage"),
          String.join(", ", attempts), number(one, "attemptBudget").longValue(), times[(times.length - 1) / 2],
          outcomeText(text(first, "outcome")), told, each.size(),
          one.get("recoveryMs") instanceof Number n ? n.doubleValue() : Double.NaN);
    }

    private static String outcomeText(String name) {
      return java.util.Arrays.stream(ClientOutcome.values()).filter(o -> o.name().equals(name)).findFirst()
          .map(ClientOutcome::text).orElse(name);
    }

    private static Number number(Map<?, ?> map, String key) {
      return map.get(key) instanceof Number n ? n : 0;
    }

    private static String text(Map<?, ?> map, String key) {
      Object value = map.get(key);
      return value == null ? "" : value.toString();
    }
  }
}
