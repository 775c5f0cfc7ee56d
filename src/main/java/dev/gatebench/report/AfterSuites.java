package dev.gatebench.report;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.report.gate.GateReport;
import dev.gatebench.report.gate.RegressionGate;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the JUnit layer does once all suites have run, in one call: run the regression gate if
 * configured, write the comparison report (with the gate's verdicts), attach it to Allure, and
 * only then fail on a regression, so the report exists either way.
 */
public final class AfterSuites {
  private AfterSuites() {}

  /**
   * @param results every run of this JVM, all suites, Direct included
   * @param skipped gateways that produced no result, with the reason
   * @param config read for {@code gatebench.baseline}, {@code gatebench.updateBaseline}, {@code gatebench.gate.*}
   * @param outDir where report.html and report.md go, e.g. {@code target/gatebench-report}
   * @return the files written
   * @throws GateReport.RegressionDetected after writing, when the gate found a regression
   * @throws dev.gatebench.report.gate.BaselineException for a missing, corrupt or wrong-suite baseline
   *     (the report is written first)
   */
  public static ComparisonReport.Written finish(List<RunResult> results, List<SkippedRow> skipped,
      BenchConfig config, Path outDir) {
    ComparisonReport report = ComparisonReport.of(results).withSkipped(skipped);
    Optional<GateReport> gate;
    try {
      gate = RegressionGate.runConfigured(config, results);
    } catch (RuntimeException e) {
      attach(report.write(outDir));
      throw e;
    }
    ComparisonReport.Written written = gate.map(report::withGate).orElse(report).write(outDir);
    attach(written);
    gate.ifPresent(GateReport::assertPassed);
    return written;
  }

  /**
   * What the JUnit layer does once one suite has run: gates that suite's runs (recording its baseline
   * when asked), rewrites the report of every run so far with every gate verdict so far, and only then
   * fails on a regression of that suite. Called per suite, a regression fails the suite that regressed,
   * with the gate's message, rather than the end of the whole test run.
   *
   * @param suite the suite that just ran, e.g. {@code baseline}
   * @param results every run of this JVM so far, all suites
   * @param earlierGates the gate's reports of the suites finished before, empty when none
   * @return the gate's report of this suite, if a gate is configured (add it to {@code earlierGates})
   * @throws GateReport.RegressionDetected after writing, when the gate found a regression in this suite
   * @throws dev.gatebench.report.gate.BaselineException for a baseline that cannot be used (report written first)
   */
  public static Optional<GateReport> finishSuite(String suite, List<RunResult> results, List<SkippedRow> skipped,
      Optional<GateReport> earlierGates, BenchConfig config, Path outDir) {
    ComparisonReport report = ComparisonReport.of(results).withSkipped(skipped);
    Optional<GateReport> gate;
    try {
      List<RunResult> ofSuite = results.stream().filter(r -> r.suite().equals(suite)).toList();
      gate = ofSuite.isEmpty() ? Optional.empty() : RegressionGate.runConfigured(config, ofSuite);
    } catch (RuntimeException e) {
      attach(earlierGates.map(report::withGate).orElse(report).write(outDir));
      throw e;
    }
    Optional<GateReport> all = gate.map(g -> earlierGates.map(e -> e.and(g)).orElse(g)).or(() -> earlierGates);
    attach(all.map(report::withGate).orElse(report).write(outDir));
    gate.ifPresent(GateReport::assertPassed);
    return gate;
  }

  private static void attach(ComparisonReport.Written written) {
    AllureAttachments.attach(written.html(), "gatebench comparison report", "text/html");
    AllureAttachments.attach(written.markdown(), "gatebench comparison (Markdown)", "text/markdown");
  }
}
