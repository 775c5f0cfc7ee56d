package dev.gatebench.threshold;

import static dev.gatebench.metrics.MetricNames.CHAT_COMPLETION_LATENCY;
import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static dev.gatebench.metrics.MetricNames.REQUESTS_TOTAL;
import static dev.gatebench.metrics.MetricNames.TIME_TO_FIRST_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.gatebench.metrics.MetricSummary.ThresholdOutcome;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.metrics.RunResultJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdsTest {

  @Test
  void evaluationRecordsWhetherEachThresholdHeldAndWhatWasMeasured() {
    Thresholds thresholds = Thresholds.of(Map.of(
        CHAT_COMPLETION_LATENCY, List.of("p(95)<30000", "avg<20000"),
        ERROR_RATE, List.of("rate<0.1")));

    RunResult evaluated = thresholds.evaluate(TestRuns.fixed());

    assertThat(evaluated.metrics().get(CHAT_COMPLETION_LATENCY).thresholds())
        .containsEntry("p(95)<30000", new ThresholdOutcome(false, 31234.5))
        .containsEntry("avg<20000", new ThresholdOutcome(true, 12000.0));
    assertThat(evaluated.metrics().get(ERROR_RATE).thresholds())
        .containsEntry("rate<0.1", new ThresholdOutcome(false, 0.25));
    assertThat(evaluated.metrics().get(REQUESTS_TOTAL).thresholds()).as("no threshold set").isEmpty();
  }

  @Test
  void aPercentileTheSummaryDoesNotListComesFromTheStoredHistogram() {
    RunResult evaluated = Thresholds.of(Map.of(CHAT_COMPLETION_LATENCY, List.of("p(75)<800")))
        .evaluate(TestRuns.collected());

    ThresholdOutcome outcome = evaluated.metrics().get(CHAT_COMPLETION_LATENCY).thresholds().get("p(75)<800");
    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.measured()).isCloseTo(750.0, withinPercentage(0.1));
  }

  @Test
  void aThresholdOnAMetricWithoutSamplesFails() {
    RunResult evaluated = Thresholds.of(Map.of(TIME_TO_FIRST_TOKEN, List.of("p(95)<1000")))
        .evaluate(TestRuns.collected());

    ThresholdOutcome outcome = evaluated.metrics().get(TIME_TO_FIRST_TOKEN).thresholds().get("p(95)<1000");
    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.measured()).isNaN();
  }

  @Test
  void evaluatedOutcomesSurviveTheResultFile(@TempDir Path dir) {
    RunResult evaluated = Thresholds.of(Map.of(TIME_TO_FIRST_TOKEN, List.of("p(95)<1000"),
        CHAT_COMPLETION_LATENCY, List.of("p(95)<30000"))).evaluate(TestRuns.collected());

    assertThat(RunResultJson.read(RunResultJson.write(evaluated, dir))).isEqualTo(evaluated);
  }

  @Test
  void anUnknownMetricNameIsAClearError() {
    Thresholds thresholds = Thresholds.of(Map.of("chat_latency", List.of("p(95)<300")));

    assertThatThrownBy(() -> thresholds.evaluate(TestRuns.fixed()))
        .isInstanceOf(ThresholdException.class)
        .hasMessage("Threshold p(95)<300 names metric 'chat_latency', which this run does not record; check "
            + "the name against the recorded metrics: [chat_completion_latency, error_rate, requests_total]");
  }

  @Test
  void anUnknownMetricNameFailsFastBeforeARun() {
    Thresholds thresholds = Thresholds.of(Map.of("error_rates", List.of("rate<0.1")));

    assertThatThrownBy(() -> thresholds.checkMetricNames(java.util.Set.of(ERROR_RATE, REQUESTS_TOTAL)))
        .isInstanceOf(ThresholdException.class)
        .hasMessage("Threshold rate<0.1 names metric 'error_rates', which this run does not record; check "
            + "the name against the recorded metrics: [error_rate, requests_total]");
    Thresholds known = Thresholds.of(Map.of(ERROR_RATE, List.of("rate<0.1")));
    assertThat(known.checkMetricNames(dev.gatebench.metrics.MetricNames.all())).isSameAs(known);
  }

  @Test
  void anAggregationTheMetricTypeLacksIsAClearError() {
    Thresholds thresholds = Thresholds.of(Map.of(ERROR_RATE, List.of("p(95)<0.1")));

    assertThatThrownBy(() -> thresholds.evaluate(TestRuns.fixed()))
        .isInstanceOf(ThresholdException.class)
        .hasMessage("Metric 'error_rate' is a rate, which has no 'p(95)'; use one of its aggregations (trend: "
            + "avg, min, max, med, p(N), count; counter: count, rate; rate: rate; gauge: value, min, max)");
  }

  @Test
  void onlyFailingAbortOnFailThresholdsAbort() {
    Thresholds thresholds = Thresholds.none()
        .and(CHAT_COMPLETION_LATENCY, Threshold.percentile(95).below(Duration.ofSeconds(30)).abortingOnFail(),
            Threshold.avg().below(Duration.ofSeconds(1)))
        .and(ERROR_RATE, Threshold.rate().below(0.5).abortingOnFail());

    assertThat(thresholds.abortingFailures(TestRuns.fixed().metrics()))
        .containsExactly("chat_completion_latency p(95)<30000 failed: measured 31234.5");
  }

  @Test
  void onlyAnAbortOnFailThresholdMakesThresholdsAbleToAbort() {
    Thresholds plain = Thresholds.none().and(ERROR_RATE, Threshold.rate().below(0.5));

    assertThat(Thresholds.none().anyAbortOnFail()).as("no thresholds").isFalse();
    assertThat(plain.anyAbortOnFail()).as("error_rate rate<0.5").isFalse();
    assertThat(plain.and(CHAT_COMPLETION_LATENCY, Threshold.percentile(95).below(Duration.ofSeconds(30)).abortingOnFail())
        .anyAbortOnFail()).as("plus an abortOnFail p(95)").isTrue();
  }

  @Test
  void abortWaitsForDelayAbortEval() {
    Thresholds thresholds = Thresholds.fromK6(Map.of(ERROR_RATE,
        List.of(Map.of("threshold", "rate<0.1", "abortOnFail", true, "delayAbortEval", "30s"))));

    assertThat(thresholds.abortingFailures(TestRuns.fixed().metrics(), Duration.ofSeconds(10))).isEmpty();
    assertThat(thresholds.abortingFailures(TestRuns.fixed().metrics(), Duration.ofSeconds(30)))
        .containsExactly("error_rate rate<0.1 failed: measured 0.25");
  }

  @Test
  void aMetricWithoutSamplesYetDoesNotAbort() {
    Thresholds thresholds = Thresholds.none()
        .and(TIME_TO_FIRST_TOKEN, Threshold.percentile(95).below(Duration.ofMillis(1)).abortingOnFail());

    assertThat(thresholds.abortingFailures(TestRuns.collected().metrics())).isEmpty();
  }

  @Test
  void k6OptionsMixStringsAndObjects() {
    Thresholds thresholds = Thresholds.fromK6(Map.of(CHAT_COMPLETION_LATENCY,
        List.of("p(95)<60000", Map.of("threshold", "p(99)<90000", "abortOnFail", true))));

    assertThat(thresholds.asMap().get(CHAT_COMPLETION_LATENCY))
        .extracting(Threshold::expression, Threshold::abortOnFail)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("p(95)<60000", false),
            org.assertj.core.groups.Tuple.tuple("p(99)<90000", true));
  }

  @Test
  void aK6EntryThatIsNeitherStringNorObjectIsAClearError() {
    assertThatThrownBy(() -> Thresholds.fromK6(Map.of(ERROR_RATE, List.of(0.1))))
        .isInstanceOf(ThresholdException.class)
        .hasMessage("Invalid threshold 0.1: expected an expression string or an object; e.g. 'p(95)<30000' "
            + "or {threshold: 'p(95)<30000', abortOnFail: true}");
  }
}
