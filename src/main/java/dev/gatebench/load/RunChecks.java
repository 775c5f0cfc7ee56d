package dev.gatebench.load;

import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Thresholds as the runner uses them: checked every second for abortOnFail, and evaluated once
 * on the result. The shape of {@code dev.gatebench.threshold.Thresholds}.
 */
public interface RunChecks {
  /** No thresholds: never aborts, leaves the result as it is. */
  RunChecks NONE = new RunChecks() {
    @Override
    public boolean canAbort() {
      return false;
    }

    @Override
    public List<String> abortingFailures(Map<String, MetricSummary> live, Duration elapsed) {
      return List.of();
    }

    @Override
    public RunResult evaluate(RunResult result) {
      return result;
    }
  };

  /**
   * Whether any threshold can end the run early; without one the runner never computes live summaries, a
   * pass over every histogram each second on a thread that shares the generator's CPU.
   */
  default boolean canAbort() {
    return true;
  }

  /** The abortOnFail thresholds failing on the live summaries, e.g. {@code error_rate: rate<0.1}; empty if none. */
  List<String> abortingFailures(Map<String, MetricSummary> live, Duration elapsed);

  /** The result with every threshold's outcome filled in. */
  RunResult evaluate(RunResult result);
}
