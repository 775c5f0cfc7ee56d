package dev.gatebench.load;

import dev.gatebench.metrics.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;

/**
 * Runs a {@link Scenario} against a {@link Target} and returns its {@link RunResult}. While the
 * run lasts it ticks once a second: VU gauge, interval close, progress, abortOnFail. The run is
 * bounded by the scheduled duration + gracefulStop (+ a small margin, after which it is aborted).
 * Memory is constant: everything goes through the collector's fixed-size recorders. One run at a
 * time per thread; a runner may be shared across threads.
 */
public final class LoadRunner {
  /** Added to duration + gracefulStop before the runner itself interrupts a run that will not end. */
  static final Duration SAFETY_MARGIN = Duration.ofSeconds(5);
  private static final long SECOND_NANOS = 1_000_000_000L;

  private final LoadEngine engine;
  private final LongFunction<RunCollector> collectors;
  private final RunProgress progress;

  /**
   * @param collectors makes a collector for a run starting at the given {@link System#nanoTime()}
   * @param progress told of every second, e.g. {@link RunProgress#SILENT}
   */
  public LoadRunner(LoadEngine engine, LongFunction<RunCollector> collectors, RunProgress progress) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.collectors = Objects.requireNonNull(collectors, "collectors");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  public RunResult run(String suite, Target target, Scenario scenario) {
    return run(suite, target, scenario, RunChecks.NONE);
  }

  /**
   * @throws TargetUnreachableException before any load if the target refuses connections
   */
  public RunResult run(String suite, Target target, Scenario scenario, RunChecks checks) {
    Instant startedAt = Instant.now();
    long startNanos = System.nanoTime();
    RunCollector collector = collectors.apply(startNanos);
    ScenarioRun run = engine.start(scenario, target, collector);
    String abortedBy = tickUntilFinished(run, collector, scenario, checks, startNanos);
    long endNanos = System.nanoTime();
    collector.vus(run.activeVus(), run.allocatedVus());
    collector.closeInterval(endNanos);
    progress.finish();
    RunResult result = collector.toResult(suite, target.name(), startedAt, endNanos - startNanos,
        scenario.toK6Options(), config(run), environment(abortedBy));
    return checks.evaluate(result);
  }

  /** Returns the failed abortOnFail thresholds that stopped the run, or null. */
  private String tickUntilFinished(ScenarioRun run, RunCollector collector, Scenario scenario, RunChecks checks,
      long startNanos) {
    long boundNanos = scenario.scheduledDuration().plus(scenario.gracefulStop()).plus(SAFETY_MARGIN).toNanos();
    String abortedBy = null;
    for (long tick = 1; !awaitUntil(run, startNanos + tick * SECOND_NANOS); tick++) {
      long nowNanos = System.nanoTime();
      collector.vus(run.activeVus(), run.allocatedVus());
      Duration elapsed = Duration.ofNanos(nowNanos - startNanos);
      progress.onInterval(collector.closeInterval(nowNanos), elapsed, plannedDuration(scenario));
      List<String> failures = abortedBy == null ? checks.abortingFailures(collector.summaries(), elapsed) : List.of();
      if (!failures.isEmpty()) {
        abortedBy = String.join(", ", failures);
        run.abort();
      }
      if (nowNanos - startNanos > boundNanos) run.abort();
    }
    return abortedBy;
  }

  /** What progress shows as the run's length; zero (unknown) when it ends by iteration count. */
  private static Duration plannedDuration(Scenario scenario) {
    return switch (scenario.executor()) {
      case PER_VU_ITERATIONS, SHARED_ITERATIONS -> Duration.ZERO;
      default -> scenario.scheduledDuration();
    };
  }

  /** Waits for the run to finish or the clock to reach {@code deadlineNanos}; true if finished. */
  private static boolean awaitUntil(ScenarioRun run, long deadlineNanos) {
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

  private Map<String, String> config(ScenarioRun run) {
    Map<String, String> config = new LinkedHashMap<>(engine.requests().settings());
    config.put("requestTimeout", Durations.format(engine.requestTimeout()));
    config.put("ioThreads", Integer.toString(engine.ioThreads()));
    config.put("transport", run.transport());
    return config;
  }

  private static Map<String, Object> environment(String abortedBy) {
    Map<String, Object> environment = new LinkedHashMap<>();
    if (abortedBy != null) environment.put("abortedBy", abortedBy);
    return environment;
  }
}
