package dev.gatebench.junit;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.load.Scenario;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.run.BenchRun;
import dev.gatebench.run.Measurement;
import dev.gatebench.run.Suite;
import dev.gatebench.threshold.Thresholds;
import java.util.Map;
import java.util.Optional;

/**
 * What a suite method calls to run a suite against one gateway row: {@link BenchRun} measures it and
 * writes its result; this describes the run in Allure (thresholds as steps, files attached), then fails
 * the row whose run ended early or crossed a declared threshold, with k6's message. Checks a threshold
 * cannot say go after it, on the returned result, with {@code GatebenchAssertions}.
 */
public final class BenchmarkRunner {
  private final BenchRun run;
  private final Class<?> suiteClass;

  BenchmarkRunner(BenchRun run, Class<?> suiteClass) {
    this.run = run;
    this.suiteClass = suiteClass;
  }

  /**
   * Runs a declared suite; an unnamed one takes its class's suite tag as its name, e.g. {@code baseline}.
   *
   * @return the run, thresholds evaluated and passed; already on disk
   * @throws AssertionError when the gateway fails its pre-check, the run ends early, or a threshold is crossed
   */
  public RunResult run(Suite suite, Gateway gateway) {
    Suite named = suite.name().isPresent() ? suite : suite.named(SuiteClasses.name(suiteClass));
    try {
      Measurement measurement = run.run(named, gateway);
      AllureRun.describe(measurement, gateway, run.config().timeScale());
      return measurement.requirePassed().result();
    } catch (RuntimeException | AssertionError e) {
      AllureRun.attachLog(gateway);
      throw e;
    }
  }

  /**
   * As {@link #run(Suite, Gateway)} for a suite written in place.
   *
   * @param suite the result's suite name, e.g. {@code baseline}
   * @param scenario at full length; it is scaled by {@code gatebench.timeScale}
   */
  public RunResult run(String suite, Gateway gateway, Scenario scenario, Thresholds thresholds) {
    return run(new Suite(Optional.of(suite), scenario, thresholds, Map.of()), gateway);
  }
}
