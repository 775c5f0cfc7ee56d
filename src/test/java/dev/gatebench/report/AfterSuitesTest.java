package dev.gatebench.report;

import static dev.gatebench.report.RunResultFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.report.gate.BaselineException;
import dev.gatebench.report.gate.GateReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AfterSuitesTest {
  @TempDir Path dir;

  private static List<RunResult> runs(double litellmMs) {
    return List.of(run("baseline", "direct").medianMs(20).seed(1).build(),
        run("baseline", "litellm").medianMs(litellmMs).seed(2).build());
  }

  private BenchConfig config(String... keyValues) {
    Map<String, String> props = new java.util.HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) props.put(keyValues[i], keyValues[i + 1]);
    return BenchConfig.of(props, Map.of(), Map.of());
  }

  @Test
  void writesTheReportBeforeFailingOnARegression() throws Exception {
    Path baseline = dir.resolve("baseline");
    AfterSuites.finish(runs(25), List.of(), config("gatebench.baseline", baseline.toString(),
        "gatebench.updateBaseline", "true"), dir.resolve("first"));
    Path out = dir.resolve("second");

    assertThatThrownBy(() -> AfterSuites.finish(runs(35), List.of(), config("gatebench.baseline",
        baseline.toString()), out)).isInstanceOf(GateReport.RegressionDetected.class);
    assertThat(Files.readString(out.resolve(ComparisonReport.MARKDOWN)))
        .contains("## regression gate: FAIL").containsPattern("\\| baseline \\| litellm \\| p50 latency overhead \\|.*\\| FAIL \\|");
  }

  @Test
  void aMissingBaselineStillLeavesAReport() {
    Path out = dir.resolve("out");
    assertThatThrownBy(() -> AfterSuites.finish(runs(25), List.of(new SkippedRow("baseline", "inferxgate",
        "skipped: no docker")), config("gatebench.baseline", dir.resolve("none").toString()), out))
        .isInstanceOf(BaselineException.class);
    assertThat(out.resolve(ComparisonReport.HTML)).exists();
  }

  @Test
  void withoutAGateItOnlyWritesTheReport() {
    ComparisonReport.Written written = AfterSuites.finish(runs(25), List.of(), config(), dir);
    assertThat(written.html()).exists();
    assertThat(written.markdown()).content().doesNotContain("regression gate");
  }

  @Test
  void aSuiteThatRegressedFailsAloneAndTheReportKeepsEverySuiteSoFar() throws Exception {
    Path baseline = dir.resolve("baseline");
    AfterSuites.finishSuite("baseline", runs(25), List.of(), Optional.empty(), config("gatebench.baseline",
        baseline.toString(), "gatebench.updateBaseline", "true"), dir.resolve("first"));
    List<RunResult> both = new java.util.ArrayList<>(runs(35));
    both.add(run("throughput", "direct").medianMs(20).seed(3).build());
    Path out = dir.resolve("second");

    assertThatThrownBy(() -> AfterSuites.finishSuite("baseline", both, List.of(), Optional.empty(),
        config("gatebench.baseline", baseline.toString()), out))
        .isInstanceOf(GateReport.RegressionDetected.class)
        .hasMessageStartingWith("latency regression against the baseline: REGRESSION: litellm p50 latency overhead");
    assertThat(Files.readString(out.resolve(ComparisonReport.MARKDOWN))).as("report after the regressed suite")
        .contains("## baseline", "## throughput", "## regression gate: FAIL")
        .containsPattern("\\| baseline \\| litellm \\| p50 latency overhead \\|.*\\| FAIL \\|");
  }
}
