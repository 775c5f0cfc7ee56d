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

  private static void attach(ComparisonReport.Written written) {
    AllureAttachments.attach(written.html(), "gatebench comparison report", "text/html");
    AllureAttachments.attach(written.markdown(), "gatebench comparison (Markdown)", "text/markdown");
  }
}
