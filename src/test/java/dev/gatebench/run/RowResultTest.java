package dev.gatebench.run;

import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.load.Scenario;
import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.RunResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RowResultTest {
  private static final String CHECK = "streams faithfully, ITL p50 near the mock's, deltas and usage as sent";
  private static final List<String> BUFFERS = List.of("verdict 'buffers', a good gateway streams faithfully");

  /** A streaming run with error rate {@code errorRate} against {@code rate<0.01}. */
  private static Measurement run(String suite, double errorRate) {
    RunResult run = new RunResult(suite, "litellm", Instant.parse("2026-11-27T22:30:00Z"), 2_000,
        Map.of(ERROR_RATE, new MetricSummary("rate", "default", Map.of("rate", errorRate), null)),
        List.of(), Map.of(), Map.of(), Map.of(), Map.of());
    Suite declared = Suite.of(Scenario.perVuIterations(1, 1)).threshold(ERROR_RATE, "rate<0.01");
    return new Measurement(declared.thresholds().evaluate(run), Path.of("k6/results/" + suite + "-litellm.json"));
  }

  private static BenchConfig checks(String value) {
    return BenchConfig.of(Map.of("gatebench.checks", value), Map.of(), Map.of());
  }

  @Test
  void aFailedCheckFailsTheRowOnlyWhenEnforced() {
    RowResult enforced = new RowResult(List.of(run("streaming", 0)), Optional.of(
        new RowCheck(CHECK, "LiteLLM", BUFFERS, true)));
    RowResult recorded = new RowResult(List.of(run("streaming", 0)), Optional.of(
        new RowCheck(CHECK, "LiteLLM", BUFFERS, false)));

    assertThatThrownBy(enforced::requirePassed).isInstanceOf(AssertionError.class)
        .hasMessage("LiteLLM fails '" + CHECK + "':\n  " + BUFFERS.get(0));
    assertThat(recorded.failure()).as("a failed check recorded only (gatebench.checks=report)").isEmpty();
    assertThat(recorded.check().orElseThrow().notice()).as("what the console says of it")
        .hasValue("LiteLLM fails '" + CHECK + "':\n  " + BUFFERS.get(0)
            + "\n  (recorded, not failed: gatebench.checks=report)");
  }

  @Test
  void reportRecordsAGatewayRowsChecksButTheReferenceRowIsAlwaysHeldToThem() {
    assertThat(RowCheck.enforced(checks("report"), false)).as("gateway row, gatebench.checks=report").isFalse();
    assertThat(RowCheck.enforced(checks("report"), true)).as("Direct row, gatebench.checks=report").isTrue();
    assertThat(RowCheck.enforced(checks("enforce"), false)).as("gateway row, gatebench.checks=enforce").isTrue();
    assertThat(RowCheck.enforced(BenchConfig.of(Map.of(), Map.of(), Map.of()), false))
        .as("gateway row, gatebench.checks unset").isTrue();
  }

  @Test
  void theFirstRunCrossingAThresholdDecidesBeforeTheCheckAndTheLastRunIsTheRowsResult() {
    RowResult row = new RowResult(List.of(run("streaming-off", 0.5), run("streaming", 0)), Optional.of(
        new RowCheck(CHECK, "LiteLLM", BUFFERS, true)));

    assertThat(row.failure()).as("failure of a row whose plain run crossed rate<0.01")
        .hasValueSatisfying(f -> assertThat(f).startsWith("thresholds on metrics 'error_rate' have been crossed: "
            + "error_rate rate<0.01 measured 0.5 (streaming-off against litellm)"));
    assertThat(row.result().suite()).as("the row's result").isEqualTo("streaming");
    assertThat(row.file()).isEqualTo(Path.of("k6/results/streaming-litellm.json"));
  }

  @Test
  void aRowPassesWhenEveryRunAndItsCheckPass() {
    RowResult row = new RowResult(List.of(run("streaming-off", 0), run("streaming", 0.001)), Optional.of(
        new RowCheck(CHECK, "LiteLLM", List.of(), true)));

    assertThat(row.failure()).as("failure of a row within its thresholds whose check passed").isEmpty();
    assertThat(row.check().orElseThrow().describe()).isEqualTo(CHECK);
  }

  @Test
  void streamingFidelityIsSkippedWithoutTheMockAndTheOtherPlansRunAgainstAnyUpstream() {
    Scenario load = Scenario.constantVus(2, java.time.Duration.ofSeconds(60));
    assertThat(RowPlan.plainThenStreamed(load).cannotRun(Optional.empty())).as("streaming against a real provider")
        .hasValue("streaming fidelity is judged against the mock's counters; run with gatebench.upstream=mock");
    assertThat(RowPlan.once(load).cannotRun(Optional.empty())).isEmpty();
    assertThat(RowPlan.capacitySweep().cannotRun(Optional.empty())).isEmpty();
  }

  @Test
  void aJudgedRowsCrossedThresholdsAreInItsCheckSoReportRecordsThemAndEnforceFailsTheRow() {
    List<Measurement> runs = List.of(run("streaming-off", 0), run("streaming", 1.0));
    List<String> failures = RowResult.crossed(runs);

    RowResult recorded = RowResult.judged(runs, new RowCheck(CHECK, "Portkey", failures, false));
    RowResult enforced = RowResult.judged(runs, new RowCheck(CHECK, "Portkey", failures, true));

    assertThat(failures).as("the crossed threshold, one line").containsExactly(
        "thresholds on metrics 'error_rate' have been crossed: error_rate rate<0.01 measured 1 (streaming against litellm).");
    assertThat(recorded.failure()).as("a gateway row's crossed threshold with gatebench.checks=report").isEmpty();
    assertThat(enforced.failure()).as("the same row enforced")
        .hasValue("Portkey fails '" + CHECK + "':\n  " + failures.get(0));
  }
}
