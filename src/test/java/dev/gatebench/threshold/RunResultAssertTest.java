package dev.gatebench.threshold;

import static dev.gatebench.metrics.MetricNames.CHAT_COMPLETION_LATENCY;
import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static dev.gatebench.metrics.MetricNames.REQUESTS_TOTAL;
import static dev.gatebench.metrics.MetricNames.TIME_TO_FIRST_TOKEN;
import static dev.gatebench.threshold.GatebenchAssertions.assertThat;
import static dev.gatebench.threshold.GatebenchAssertions.assertThatResultFile;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.metrics.RunResult;
import dev.gatebench.metrics.RunResultJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunResultAssertTest {
  private final RunResult run = TestRuns.fixed();

  @Test
  void passesWhenTheMeasuredValuesMeetTheExpectations() {
    assertThat(run).metric(CHAT_COMPLETION_LATENCY).percentile(95).isLessThan(Duration.ofSeconds(32));
    assertThat(run).metric(CHAT_COMPLETION_LATENCY).value("avg").isGreaterThan(Duration.ofSeconds(11));
    assertThat(run).metric(ERROR_RATE).rate().isLessThan(0.3);
    assertThat(run).metric(REQUESTS_TOTAL).count().isEqualTo(4);
  }

  @Test
  void aSlowPercentileNamesMetricExpectationMeasuredValueAndRun() {
    assertThatThrownBy(() -> assertThat(run).metric(CHAT_COMPLETION_LATENCY).percentile(95)
        .isLessThan(Duration.ofSeconds(30)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected chat_completion_latency p(95) < 30000 ms (PT30S)\n"
            + "but was 31234.5 ms\n"
            + "in run 'baseline' against 'litellm'");
  }

  @Test
  void aHighErrorRateNamesTheFileWhenKnown() {
    assertThatThrownBy(() -> assertThat(run).inFile(Path.of("results/baseline-litellm.json"))
        .metric(ERROR_RATE).rate().isLessThan(0.10))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected error_rate rate < 0.1\n"
            + "but was 0.25\n"
            + "in run 'baseline' against 'litellm' (file results/baseline-litellm.json)");
  }

  @Test
  void aMetricWithoutSamplesFailsSayingSo() {
    RunResult collected = TestRuns.collected();

    assertThatThrownBy(() -> assertThat(collected).metric(TIME_TO_FIRST_TOKEN).percentile(95)
        .isLessThan(Duration.ofSeconds(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected time_to_first_token p(95) < 1000 ms (PT1S)\n"
            + "but there were no samples\n"
            + "in run 'throughput' against 'inferxgate'");
  }

  @Test
  void aMissingMetricListsTheRecordedOnes() {
    assertThatThrownBy(() -> assertThat(run).metric("chat_latency"))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected metric 'chat_latency' but the run has only "
            + "[chat_completion_latency, error_rate, requests_total]\n"
            + "in run 'baseline' against 'litellm'");
  }

  @Test
  void comparingANonTimeMetricWithADurationIsAMistakeNamedAsSuch() {
    assertThatThrownBy(() -> assertThat(run).metric(ERROR_RATE).rate().isLessThan(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("error_rate rate is not a time; compare it with a number, e.g. isLessThan(0.1)");
  }

  @Test
  void failedThresholdsAreListedWithTheirMeasuredValues() {
    RunResult evaluated = Thresholds.of(Map.of(CHAT_COMPLETION_LATENCY, List.of("p(95)<30000", "avg<20000"),
        ERROR_RATE, List.of("rate<0.1"))).evaluate(run);

    assertThatThrownBy(() -> assertThat(evaluated).passesThresholds())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("Expected the run to pass its thresholds but 2 of 3 failed:\n")
        .hasMessageContaining("  chat_completion_latency p(95)<30000: measured 31234.5\n")
        .hasMessageContaining("  error_rate rate<0.1: measured 0.25\n")
        .hasMessageEndingWith("in run 'baseline' against 'litellm'");
  }

  @Test
  void passingThresholdsPass() {
    RunResult evaluated = Thresholds.of(Map.of(ERROR_RATE, List.of("rate<0.3"))).evaluate(run);

    assertThat(evaluated).passesThresholds();
  }

  @Test
  void aRunWithNoEvaluatedThresholdsDoesNotPassSilently() {
    assertThatThrownBy(() -> assertThat(run).passesThresholds())
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected the run to pass its thresholds but none were evaluated; evaluate them first "
            + "with Thresholds.evaluate(result)\nin run 'baseline' against 'litellm'");
  }

  @Test
  void assertionsOnAResultFileNameTheFile(@TempDir Path dir) {
    Path file = RunResultJson.write(run, dir);

    assertThatThrownBy(() -> assertThatResultFile(file).metric(ERROR_RATE).rate().isLessThan(0.1))
        .isInstanceOf(AssertionError.class)
        .hasMessageEndingWith("in run 'baseline' against 'litellm' (file " + file + ")");
  }

  @Test
  void aPercentileNotInTheSummaryIsReadFromTheHistogram() {
    assertThat(TestRuns.collected()).metric(CHAT_COMPLETION_LATENCY).percentile(75)
        .isGreaterThan(Duration.ofMillis(749)).isLessThan(Duration.ofMillis(751));
  }
}
