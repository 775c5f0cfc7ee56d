package dev.gatebench.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * What the live progress line shows after one second of a run.
 *
 * @param suite e.g. {@code baseline}
 * @param target the gateway row, e.g. {@code litellm}
 * @param elapsed run time so far, >= 0
 * @param total the scheduled run time without gracefulStop for time-based executors; zero for
 *     iteration-count executors, whose progress is {@code iterationsDone / iterationsTotal}
 * @param iterationsDone iterations ended so far (completed or interrupted), >= 0
 * @param iterationsTotal iterations the scenario runs in all (per-vu-iterations: VUs × iterations;
 *     shared-iterations: iterations); 0 for time-based executors
 * @param second the second just closed
 * @param recent the trailing window the line's rate and latency come from
 */
public record ProgressTick(String suite, String target, Duration elapsed, Duration total, long iterationsDone,
    long iterationsTotal, IntervalStats second, RecentWindow recent) {
  public ProgressTick {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(second, "second");
    Objects.requireNonNull(recent, "recent");
    if (elapsed.isNegative()) throw new IllegalArgumentException("elapsed must be >= 0 but was " + elapsed);
    if (total.isNegative()) throw new IllegalArgumentException("total must be >= 0 but was " + total);
    if (iterationsDone < 0) throw new IllegalArgumentException("iterationsDone must be >= 0 but was " + iterationsDone);
    if (iterationsTotal < 0) {
      throw new IllegalArgumentException("iterationsTotal must be >= 0 but was " + iterationsTotal);
    }
  }

  /** True when progress counts iterations rather than time. */
  public boolean countsIterations() {
    return iterationsTotal > 0;
  }

  /** True once the run reached its planned end: every iteration done, or the scheduled time passed. */
  public boolean atEnd() {
    return countsIterations() ? iterationsDone >= iterationsTotal : total.isPositive() && elapsed.compareTo(total) >= 0;
  }
}
