package dev.gatebench.run;

import static dev.gatebench.metrics.MetricNames.CHAT_COMPLETION_LATENCY;
import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.load.Scenario;
import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasurementTest {
  private static final Path FILE = Path.of("k6/results/baseline-litellm-20261127T223000Z.json");

  /** p(95) 31234.5 ms, error rate 0.25, against the declared thresholds of {@code suite}. */
  private static Measurement measured(Suite suite) {
    Map<String, MetricSummary> metrics = Map.of(
        CHAT_COMPLETION_LATENCY, new MetricSummary("trend", "time", Map.of("min", 100.0, "avg", 12000.0,
            "med", 9000.0, "p(90)", 30000.0, "p(95)", 31234.5, "p(99)", 40000.0, "max", 41000.0, "count", 4.0), null),
        ERROR_RATE, new MetricSummary("rate", "default", Map.of("rate", 0.25, "passes", 1.0, "fails", 3.0), null));
    RunResult run = new RunResult("baseline", "litellm", Instant.parse("2026-11-27T22:30:00Z"), 10_000, metrics,
        List.of(), Map.of(), Map.of(), Map.of(), Map.of());
    return new Measurement(suite.thresholds().evaluate(run), FILE);
  }

  private static Suite baseline() {
    return Suite.of(Scenario.perVuIterations(1, 30).thinkTime(Duration.ofSeconds(1))).named("baseline");
  }

  @Test
  void aRowCrossingDeclaredThresholdsFailsWithK6sMessageListingEachWithItsMeasuredValue() {
    Measurement m = measured(baseline().threshold(CHAT_COMPLETION_LATENCY, "p(95)<30000", "avg<20000")
        .threshold(ERROR_RATE, "rate<0.1"));

    assertThatThrownBy(m::requirePassed).isInstanceOf(AssertionError.class)
        .hasMessage("thresholds on metrics 'chat_completion_latency, error_rate' have been crossed: "
            + "chat_completion_latency p(95)<30000 measured 31234.5; error_rate rate<0.1 measured 0.25 "
            + "(baseline against litellm).\nIts result is in " + FILE);
  }

  @Test
  void aRowWithinItsThresholdsPasses() {
    Measurement m = measured(baseline().threshold(CHAT_COMPLETION_LATENCY, "p(95)<45000")
        .threshold(ERROR_RATE, "rate<0.3"));

    assertThat(m.failure()).as("failure of a run within its thresholds").isEmpty();
    assertThat(m.requirePassed()).isSameAs(m);
  }

  @Test
  void aRunThatEndedEarlyFailsWithWhyAndWhereItsResultIs() {
    Measurement m = measured(baseline());
    Measurement aborted = new Measurement(m.result().withEnvironment(Map.of(RunResult.ABORTED_BY,
        "gateway LiteLLM (pid 42) exited with status 137")), FILE);

    assertThat(aborted.failure()).hasValue("baseline against litellm was aborted after 10.0 s: gateway LiteLLM "
        + "(pid 42) exited with status 137.\nIts result so far is in " + FILE + "; find why in the gateway's log, "
        + "then re-run");
  }

  @Test
  void aSuiteIsNamedOnceAndRefusesANameThatCannotBeAFileName() {
    assertThat(baseline().requireName()).isEqualTo("baseline");
    assertThatThrownBy(() -> Suite.of(Scenario.perVuIterations(1, 1)).requireName())
        .hasMessageStartingWith("this suite has no name");
    assertThatThrownBy(() -> baseline().named("base line"))
        .hasMessage("suite name must be letters, digits, '_', '.' or '-' (it is part of result file names) but "
            + "was 'base line'; e.g. baseline");
  }
}
