package dev.gatebench.load;

import static dev.gatebench.metrics.MetricNames.CHAT_COMPLETION_LATENCY;
import static dev.gatebench.metrics.MetricNames.DROPPED_ITERATIONS;
import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static dev.gatebench.metrics.MetricNames.REQUESTS_TOTAL;
import static dev.gatebench.metrics.MetricNames.TIME_TO_FIRST_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.metrics.RunResult;
import dev.gatebench.threshold.Threshold;
import dev.gatebench.threshold.Thresholds;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner wired to the real MetricsCollector, Thresholds and ProgressReporter. */
class StandardMetricsTest {

  private static LoadEngine engine(boolean stream) {
    return new LoadEngine(ChatRequestFactory.of("m", 8, 0.7, stream), Duration.ofSeconds(5), 1);
  }

  @Test
  void aRunProducesK6SummariesAndEvaluatedThresholds() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(r -> r.json(200, ScriptedServer.COMPLETION))) {
      Thresholds thresholds = Thresholds.of(Map.of(CHAT_COMPLETION_LATENCY, List.of("p(95)<30000"),
          ERROR_RATE, List.of("rate<0.1")));

      RunResult result = StandardMetrics.runner(engine(false)).run("baseline", server.target(),
          Scenario.perVuIterations(1, 5).thinkTime(Duration.ofMillis(10)), StandardMetrics.checks(thresholds));

      assertThat(result.metric(REQUESTS_TOTAL).orElseThrow().values()).containsEntry("count", 5.0);
      assertThat(result.metric(CHAT_COMPLETION_LATENCY).orElseThrow().values().get("count")).isEqualTo(5.0);
      assertThat(result.metric(ERROR_RATE).orElseThrow().values()).containsEntry("rate", 0.0);
      assertThat(result.metric(CHAT_COMPLETION_LATENCY).orElseThrow().thresholds().get("p(95)<30000").ok()).isTrue();
      assertThat(result.scenario()).containsEntry("executor", "per-vu-iterations");
      assertThat(((Number) result.scenario().get("iterations")).longValue()).isEqualTo(5);
      assertThat(result.histograms()).containsKey(CHAT_COMPLETION_LATENCY);
    }
  }

  @Test
  void streamingRunsReportTimeToFirstToken() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(r -> {
      r.sseHead();
      r.delta("a");
      r.delta("b");
      r.event("[DONE]");
      r.endStream();
    })) {
      RunResult result = StandardMetrics.runner(engine(true)).run("streaming", server.target(),
          Scenario.perVuIterations(2, 3));

      assertThat(result.metric(TIME_TO_FIRST_TOKEN).orElseThrow().values().get("count")).isEqualTo(6.0);
      assertThat(result.metric(ERROR_RATE).orElseThrow().values()).containsEntry("rate", 0.0);
    }
  }

  @Test
  void anAbortOnFailThresholdEndsTheRunEarly() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(r -> r.json(500, "{}"))) {
      Thresholds thresholds = Thresholds.none().and(ERROR_RATE, Threshold.rate().below(0.1).abortingOnFail());
      ByteArrayOutputStream progress = new ByteArrayOutputStream();
      long before = System.nanoTime();

      RunResult result = StandardMetrics.runner(engine(false), new PrintStream(progress, true, StandardCharsets.UTF_8))
          .run("throughput", server.target(), Scenario.constantVus(2, Duration.ofSeconds(60))
              .thinkTime(Duration.ofMillis(50)), StandardMetrics.checks(thresholds));

      assertThat(System.nanoTime() - before).as("not the scheduled minute").isLessThan(Duration.ofSeconds(15).toNanos());
      assertThat(result.environment()).containsKey("abortedBy");
      assertThat(result.metric(ERROR_RATE).orElseThrow().thresholds().values()).noneMatch(o -> o.ok());
      assertThat(result.metric(DROPPED_ITERATIONS)).isPresent();
      assertThat(progress.toString(StandardCharsets.UTF_8)).isNotEmpty();
    }
  }
}
