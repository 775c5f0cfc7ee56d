package dev.gatebench.load;

import dev.gatebench.metrics.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Runs a {@link Scenario} against a {@link Target} and returns its {@link RunResult}. While the
 * run lasts it ticks once a second: VU gauge, interval close, progress, abortOnFail thresholds and
 * the caller's {@link AbortSignal} (e.g. the target died). The run is bounded by the scheduled
 * duration + gracefulStop (+ a small margin, after which it is aborted). At the end the
 * {@link GeneratorCheck} marks whether the generator kept its schedule ({@code environment.trustworthy})
 * and records its lag, CPU, the JVM's GC pauses and the loops' wait for a CPU; an untrustworthy run is
 * printed as such, with the likeliest cause.
 * Memory is constant: everything goes through the collector's fixed-size recorders. One run at a
 * time per thread; a runner may be shared across threads.
 */
public final class LoadRunner {
  /** How long a run waits for its connections to close before it returns (they close in milliseconds). */
  private static final Duration CLOSE_BOUND = Duration.ofSeconds(5);

  /** Added to duration + gracefulStop before the runner itself interrupts a run that will not end. */
  static final Duration SAFETY_MARGIN = Duration.ofSeconds(5);

  private final LoadEngine engine;
  private final LongFunction<RunCollector> collectors;
  private final RunProgress progress;
  private final GeneratorCheck generatorCheck;

  /** As the four-argument constructor with {@link GeneratorCheck#DEFAULT}. */
  public LoadRunner(LoadEngine engine, LongFunction<RunCollector> collectors, RunProgress progress) {
    this(engine, collectors, progress, GeneratorCheck.DEFAULT);
  }

  /**
   * @param collectors makes a collector for a run starting at the given {@link System#nanoTime()}
   * @param progress told of every second, e.g. {@link RunProgress#SILENT}
   * @param generatorCheck how late the generator may be before a run is marked untrustworthy
   */
  public LoadRunner(LoadEngine engine, LongFunction<RunCollector> collectors, RunProgress progress,
      GeneratorCheck generatorCheck) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.collectors = Objects.requireNonNull(collectors, "collectors");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.generatorCheck = Objects.requireNonNull(generatorCheck, "generatorCheck");
  }

  public RunResult run(String suite, Target target, Scenario scenario) {
    return run(suite, target, scenario, RunChecks.NONE);
  }

  /**
   * @throws TargetUnreachableException before any load if the target refuses connections
   */
  public RunResult run(String suite, Target target, Scenario scenario, RunChecks checks) {
    return run(suite, target, scenario, checks, AbortSignal.NONE);
  }

  /**
   * As {@link #run(String, Target, Scenario, RunChecks)}, ending the run early when {@code signal}
   * gives a reason (checked once a second, after the abortOnFail thresholds). An early end is
   * printed at once and recorded as {@code environment.abortedBy}; the result is returned all the same.
   *
   * @param signal e.g. {@link AbortSignal#whenRefusedFor}, or {@link AbortSignal#NONE}
   * @throws TargetUnreachableException before any load if the target refuses connections
   */
  public RunResult run(String suite, Target target, Scenario scenario, RunChecks checks, AbortSignal signal) {
    Objects.requireNonNull(signal, "signal");
    Instant startedAt = Instant.now();
    long jvmCpuStartNanos = GeneratorCpu.jvmCpuNanos();
    GcPauses gc = GcPauses.start();
    long startNanos = System.nanoTime();
    RunCollector collector = collectors.apply(startNanos);
    Refusals refusals = new Refusals();
    ScenarioRun run = engine.start(scenario, target, refusals.watching(collector));
    RunTicks ticks = new RunTicks(suite, target.name(), run, collector, refusals, scenario, checks, signal,
        progress, startNanos);
    String abortedBy = ticks.untilFinished();
    long endNanos = System.nanoTime();
    GcPauses.Reading gcPauses = gc.stop(); // now: what follows is not the run, and a GC storm would stretch it
    ticks.last(endNanos);
    progress.finish();
    RunResult result = collector.toResult(suite, target.name(), startedAt, endNanos - startNanos,
        scenario.toK6Options(), config(run), environment(abortedBy));
    RunResult judged = generatorCheck.judge(checks.evaluate(result), run.generatorCpu(), gcPauses,
        jvmCpuSince(jvmCpuStartNanos));
    judged.untrustworthyBecause().ifPresent(reason ->
        progress.untrustworthy(suite + " against " + target.name() + " is untrustworthy: " + reason));
    run.awaitClosed(CLOSE_BOUND);
    return judged;
  }

  private static long jvmCpuSince(long startNanos) {
    long nowNanos = GeneratorCpu.jvmCpuNanos();
    return startNanos < 0 || nowNanos < 0 ? -1 : nowNanos - startNanos;
  }

  /** The bound this runner holds its generator to. */
  public GeneratorCheck generatorCheck() {
    return generatorCheck;
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
    if (abortedBy != null) environment.put(RunResult.ABORTED_BY, abortedBy);
    return environment;
  }
}
