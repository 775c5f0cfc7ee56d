package dev.gatebench.junit;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.load.Scenario;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.run.BenchRun;
import dev.gatebench.run.RowPlan;
import dev.gatebench.run.RowResult;
import dev.gatebench.run.RowSkippedException;
import dev.gatebench.run.Suite;
import dev.gatebench.threshold.Thresholds;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * What a suite method calls to run a suite against one gateway row: {@link BenchRun} measures it and
 * writes its result; this describes each run in Allure (thresholds as steps, files attached) and the plan's
 * check as a step, then fails the row whose run ended early, crossed a declared threshold (k6's message) or
 * failed an enforced check. Checks a threshold
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
   * @return the row's result (its last run), thresholds evaluated and passed; already on disk
   * @throws AssertionError when the gateway fails its pre-check, a run ends early, a threshold is crossed,
   *     or an enforced check of the suite's plan fails
   * @throws org.opentest4j.TestAbortedException when the suite's plan cannot run against this upstream
   */
  public RunResult run(Suite suite, Gateway gateway) {
    Suite named = suite.name().isPresent() ? suite : suite.named(SuiteClasses.name(suiteClass));
    try {
      RowResult row = run.run(named, gateway);
      row.runs().forEach(measurement -> AllureRun.describe(measurement, gateway, run.config().timeScale()));
      row.check().ifPresent(AllureRun::check);
      return row.requirePassed().result();
    } catch (RowSkippedException e) {
      return Assumptions.abort(e.getMessage()); // skipped with its reason, as an unavailable row is
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
    return run(new Suite(Optional.of(suite), RowPlan.once(scenario), thresholds, Map.of()), gateway);
  }
}
