package dev.gatebench.load;

import dev.gatebench.metrics.IntervalStats;
import dev.gatebench.metrics.ProgressTick;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The once-a-second loop of one run, on the runner's thread: VU gauge, interval close, progress,
 * then the reasons to end early (abortOnFail thresholds, the {@link AbortSignal}) and the safety
 * bound. Not thread-safe; one per run.
 */
final class RunTicks {
  private static final long SECOND_NANOS = 1_000_000_000L;

  private final String suite;
  private final String target;
  private final ScenarioRun run;
  private final RunCollector collector;
  private final Refusals refusals;
  private final Scenario scenario;
  private final RunChecks checks;
  private final AbortSignal signal;
  private final RunProgress progress;
  private final long startNanos;
  private String abortedBy;

  /**
   * @param suite e.g. {@code sustained}
   * @param target the row, e.g. {@code litellm}
   */
  RunTicks(String suite, String target, ScenarioRun run, RunCollector collector, Refusals refusals, Scenario scenario,
      RunChecks checks, AbortSignal signal, RunProgress progress, long startNanos) {
    this.suite = suite;
    this.target = target;
    this.run = run;
    this.collector = collector;
    this.refusals = refusals;
    this.scenario = scenario;
    this.checks = checks;
    this.signal = signal;
    this.progress = progress;
    this.startNanos = startNanos;
  }

  /** Ticks until the run finished; returns why it was ended early, or null if it ran its course. */
  String untilFinished() {
    long boundNanos = scenario.scheduledDuration().plus(scenario.gracefulStop()).plus(LoadRunner.SAFETY_MARGIN)
        .toNanos();
    for (long tick = 1; !awaitUntil(startNanos + tick * SECOND_NANOS); tick++) {
      long nowNanos = System.nanoTime();
      collector.vus(run.activeVus(), run.allocatedVus());
      Duration elapsed = tick(nowNanos);
      if (abortedBy == null) checkForAbort(nowNanos, elapsed);
      if (nowNanos - startNanos > boundNanos) run.abort();
    }
    return abortedBy;
  }

  /** The run ended: closes its last, partial second and shows where the run ended. */
  void last(long endNanos) {
    collector.vus(run.activeVus(), run.allocatedVus());
    tick(endNanos);
  }

  /** Closes the second ending now and tells the progress line; returns the time since the start. */
  private Duration tick(long nowNanos) {
    Duration elapsed = Duration.ofNanos(nowNanos - startNanos);
    IntervalStats second = collector.closeInterval(nowNanos);
    progress.onTick(new ProgressTick(suite, target, elapsed, plannedDuration(), run.iterationsDone(),
        plannedIterations(), second, collector.recentWindow()));
    return elapsed;
  }

  private void checkForAbort(long nowNanos, Duration elapsed) {
    List<String> failures = checks.canAbort() ? checks.abortingFailures(collector.summaries(), elapsed) : List.of();
    String reason = !failures.isEmpty() ? String.join(", ", failures)
        : signal.reason(new AbortSignal.Traffic(elapsed, refusals.refusedFor(nowNanos))).orElse(null);
    if (reason == null) return;
    abortedBy = reason;
    progress.aborted(String.format(Locale.ROOT, "%s against %s aborted after %.1f s: %s", suite, target,
        elapsed.toMillis() / 1000.0, reason));
    run.abort();
  }

  /** What progress shows as the run's length; zero (unknown) when it ends by iteration count. */
  private Duration plannedDuration() {
    return switch (scenario.executor()) {
      case PER_VU_ITERATIONS, SHARED_ITERATIONS -> Duration.ZERO;
      default -> scenario.scheduledDuration();
    };
  }

  /** Iterations the run makes in all for iteration-count executors; zero for time-based ones. */
  private long plannedIterations() {
    return switch (scenario.executor()) {
      case PER_VU_ITERATIONS -> scenario.vus() * scenario.iterations();
      case SHARED_ITERATIONS -> scenario.iterations();
      default -> 0;
    };
  }

  /** Waits for the run to finish or the clock to reach {@code deadlineNanos}; true if finished. */
  private boolean awaitUntil(long deadlineNanos) {
    try {
      run.finished().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.abort();
      throw new IllegalStateException("interrupted while the load ran; the run was aborted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the load run failed", e.getCause());
    }
  }
}
