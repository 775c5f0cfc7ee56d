package dev.gatebench.faults;

import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.MetricsCollector;
import dev.gatebench.metrics.RequestOutcome;
import dev.gatebench.metrics.RunResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An errors table as a k6-shaped run: every client request recorded (failures by kind, their times to the
 * end in {@code failed_request_duration}), the {@link FaultMetrics} counters beside the standard metrics,
 * the table in {@code environment.errors}.
 */
public final class ErrorsResult {
  private ErrorsResult() {}

  /**
   * @param durationNanos the whole run, > 0
   * @param requestSettings model, max_tokens and the like, recorded as the run's config
   */
  public static RunResult of(ErrorsTable table, String suite, String target, Instant startedAt, long durationNanos,
      int requestsPerCase, Map<String, String> requestSettings) {
    MetricsCollector collector = new MetricsCollector(0);
    table.cases().forEach(c -> c.requests().forEach(r -> {
      collector.requestStarted();
      collector.record(outcome(r.view()));
    }));
    Map<String, Object> scenario = new LinkedHashMap<>();
    scenario.put("executor", "fault-cases");
    scenario.put("cases", table.cases().size());
    scenario.put("requestsPerCase", requestsPerCase);
    RunResult run = collector.toResult(suite, target, startedAt, durationNanos, scenario, requestSettings,
        Map.of(ErrorsTable.ENVIRONMENT_KEY, table.toMap()));
    Map<String, MetricSummary> metrics = new LinkedHashMap<>(run.metrics());
    metrics.putAll(table.metrics(durationNanos));
    return run.withMetrics(metrics);
  }

  private static RequestOutcome outcome(ClientView view) {
    long end = Math.max(1, view.timeToEndNanos());
    if (view.outcome() == ClientOutcome.COMPLETE) {
      return new RequestOutcome(0, 0, RequestOutcome.UNSET, RequestOutcome.UNSET, end, null, 0, view.status(), null);
    }
    return RequestOutcome.failed(0, 0, end, view.status(), view.outcome().errorKind());
  }
}
