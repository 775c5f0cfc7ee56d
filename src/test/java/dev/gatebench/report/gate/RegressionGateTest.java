package dev.gatebench.report.gate;

import static dev.gatebench.report.RunResultFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.metrics.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressionGateTest {
  @TempDir Path dir;

  private static List<RunResult> runs(double gatewayMedianMs, long seed) {
    return List.of(run("baseline", "direct").medianMs(20).seed(seed).build(),
        run("baseline", "litellm").medianMs(gatewayMedianMs).seed(seed + 100).build());
  }

  private static Baseline baseline() {
    return RegressionGate.record("baseline", runs(25, 1), Map.of());
  }

  @Test
  void anUnchangedGatewayPasses() {
    GateReport report = RegressionGate.check(baseline(), runs(25, 2), GateSettings.defaults());
    assertThat(report.verdicts()).hasSize(2);
    assertThat(report.passed()).as(report.summary()).isTrue();
  }

  @Test
  void aGatewaySlowerByFiveMillisecondsFailsWithItsFigures() {
    GateReport report = RegressionGate.check(baseline(), runs(30, 2), GateSettings.defaults());
    assertThat(report.failures()).extracting(GateVerdict::metric)
        .contains(GateMetric.P50_OVERHEAD);
    GateVerdict p50 = report.failures().get(0);
    assertThat(p50.shift().shift()).isBetween(4.0, 6.5);
    assertThat(p50.shift().lower()).isGreaterThan(2.0);
    assertThat(p50.pValue()).isLessThan(1e-6);
    assertThatThrownBy(report::assertPassed)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("latency regression against the baseline: REGRESSION: litellm p50 latency overhead"
            + " in suite 'baseline': baseline ")
        .hasMessageContaining("CI")
        .hasMessageContaining("p = ");
  }

  @Test
  void aSignificantShiftBelowTheMinimumEffectPasses() {
    GateSettings strictEffect = new GateSettings(0.01, 10, 5, Alternative.SLOWER, 1000, 1);
    GateReport report = RegressionGate.check(baseline(), runs(30, 2), strictEffect);
    assertThat(report.verdicts()).allSatisfy(v -> assertThat(v.pValue()).isLessThan(0.01));
    assertThat(report.passed()).isTrue();
  }

  @Test
  void aFasterGatewayPasses() {
    assertThat(RegressionGate.check(baseline(), runs(21, 2), GateSettings.defaults()).passed()).isTrue();
  }

  @Test
  void gatewaysMissingOnEitherSideBecomeNotes() {
    List<RunResult> current = List.of(run("baseline", "direct").build(), run("baseline", "inferxgate").build());
    GateReport report = RegressionGate.check(baseline(), current, GateSettings.defaults());
    assertThat(report.verdicts()).isEmpty();
    assertThat(report.notes()).containsExactly(
        "not compared: inferxgate in suite 'baseline' has no baseline yet",
        "not compared: litellm is in the baseline of suite 'baseline' but did not run");
  }

  @Test
  void aDifferentMockProfileIsNotedButDoesNotFail() {
    Baseline slowMock = RegressionGate.record("baseline", List.of(
        run("baseline", "direct").config("gatebench.mock.ttft", "250ms").build(),
        run("baseline", "litellm").medianMs(25).seed(101).build()), Map.of("commit", "abc"));
    assertThat(slowMock.facts()).containsEntry("gatebench.mock.ttft", "250ms").containsEntry("commit", "abc");
    List<RunResult> fastMock = List.of(run("baseline", "direct").config("gatebench.mock.ttft", "25ms").seed(2).build(),
        run("baseline", "litellm").medianMs(25).seed(102).build());

    GateReport report = RegressionGate.check(slowMock, fastMock, GateSettings.defaults());
    assertThat(report.notes()).contains("caution: suite 'baseline' baseline was recorded with "
        + "gatebench.mock.ttft=250ms, this run used 25ms; overheads may not compare");
    assertThat(report.passed()).isTrue();
  }

  @Test
  void withoutADirectRowThereIsNoOverhead() {
    assertThatThrownBy(() -> RegressionGate.record("baseline", List.of(run("baseline", "litellm").build()), Map.of()))
        .hasMessage("the regression gate needs the 'direct' row of suite 'baseline' to measure overhead; "
            + "run it with -Dgatebench.gateways including direct");
  }

  @Test
  void updateThenCheckThroughSystemProperties() {
    BenchConfig update = BenchConfig.of(Map.of("gatebench.baseline", dir.toString(),
        "gatebench.updateBaseline", "true"), Map.of(), Map.of());
    assertThat(RegressionGate.runConfigured(update, runs(25, 1))).isEmpty();
    assertThat(dir.resolve("gatebench-baseline-baseline.json")).exists();

    BenchConfig check = BenchConfig.of(Map.of("gatebench.baseline", dir.toString(), "gatebench.gate.minEffectMs",
        "2"), Map.of(), Map.of());
    assertThat(RegressionGate.runConfigured(check, runs(25, 3))).get().satisfies(r -> {
      assertThat(r.passed()).isTrue();
      assertThat(r.verdicts()).allSatisfy(v -> assertThat(v.minEffectMs()).isEqualTo(2.0));
    });
    assertThat(RegressionGate.runConfigured(check, runs(32, 3))).get()
        .satisfies(r -> assertThat(r.passed()).isFalse());
  }

  @Test
  void aBadGateSettingNamesTheProperty() {
    BenchConfig bad = BenchConfig.of(Map.of("gatebench.baseline", dir.toString(), "gatebench.gate.alpha", "often"),
        Map.of(), Map.of());
    assertThatThrownBy(() -> GateSettings.from(bad))
        .hasMessage("gatebench.gate settings are invalid: gatebench.gate.alpha cannot be 'often'; "
            + "e.g. -Dgatebench.gate.alpha=0.01 -Dgatebench.gate.minEffectMs=1 -Dgatebench.gate.minEffectPct=5");
  }

  @Test
  void noPropertiesMeansNoGate() throws Exception {
    assertThat(RegressionGate.runConfigured(BenchConfig.of(Map.of(), Map.of(), Map.of()), runs(25, 1))).isEmpty();
    assertThat(Files.list(dir)).isEmpty();
  }
}
