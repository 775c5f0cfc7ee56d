package dev.gatebench.faults;

import dev.gatebench.metrics.MetricSummary;
import java.util.Map;

/**
 * The counters the fault suites add to a run's metrics, so that a suite declares its bounds as k6
 * thresholds on them, e.g. {@code threshold(FAULTS_HIDDEN, "count==0")}.
 */
public final class FaultMetrics {
  /** Client requests that became more upstream attempts than their budget ({@link FaultCase#attemptBudget}). */
  public static final String UPSTREAM_ATTEMPTS_OVER_BUDGET = "upstream_attempts_over_budget";
  /** Client requests whose upstream error status (4xx, 5xx, 529) reached the client as a success. */
  public static final String UPSTREAM_ERRORS_AS_SUCCESS = "upstream_errors_as_success";
  /** Client requests that failed upstream without the client being told ({@link ClientOutcome#told()}). */
  public static final String FAULTS_HIDDEN = "faults_hidden";
  /** Requests with an invalid key that reached the upstream, as the mock counted them. */
  public static final String INVALID_KEYS_UPSTREAM = "invalid_keys_upstream";

  private FaultMetrics() {}

  /** A k6 counter: its count and its rate per second of a run lasting {@code durationNanos} (> 0). */
  static MetricSummary counter(long count, long durationNanos) {
    double perSecond = durationNanos > 0 ? count / (durationNanos / 1e9) : 0;
    return new MetricSummary("counter", "default", Map.of("count", (double) count, "rate", perSecond), Map.of());
  }
}
