package dev.gatebench.load;

import static dev.gatebench.metrics.MetricNames.CHAT_COMPLETION_LATENCY;
import static dev.gatebench.metrics.MetricNames.DROPPED_ITERATIONS;
import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static dev.gatebench.metrics.MetricNames.FAILED_REQUEST_DURATION;
import static dev.gatebench.metrics.MetricNames.REQUESTS_FAILED;
import static dev.gatebench.metrics.MetricNames.REQUESTS_SUCCESS;
import static dev.gatebench.metrics.MetricNames.TIME_TO_FIRST_BYTE;
import static dev.gatebench.metrics.MetricNames.REQUESTS_TOTAL;
import static dev.gatebench.metrics.MetricNames.TIME_TO_FIRST_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.metrics.ErrorKind;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.threshold.Threshold;
import dev.gatebench.threshold.Thresholds;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
  void aCiLogGetsTheLastIterationsLineNamingSuiteAndGateway() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(r -> r.json(200, ScriptedServer.COMPLETION))) {
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      RunProgress progress = StandardMetrics.progress(new dev.gatebench.metrics.ProgressReporter(
          new PrintStream(log, true, StandardCharsets.UTF_8), false, Duration.ofSeconds(10)));

      new LoadRunner(engine(false), StandardMetrics::collector, progress, new GeneratorCheck(Duration.ofSeconds(1)))
          .run("baseline", server.target(), Scenario.perVuIterations(1, 5).thinkTime(Duration.ofMillis(300)));

      assertThat(log.toString(StandardCharsets.UTF_8).lines().toList()).last().asString()
          .startsWith("baseline · scripted | 5/5 iterations, ").contains(" | vus ")
          .endsWith(" | 5 requests, 0 errors (0.0%)");
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

  @Test
  void onlySuccessfulRequestsFeedTheLatencyPercentiles() throws Exception {
    AtomicInteger served = new AtomicInteger();
    try (ScriptedServer server = ScriptedServer.start(r -> {
      if (served.incrementAndGet() % 3 == 0) r.json(500, "{}");
      else r.json(200, ScriptedServer.COMPLETION);
    })) {
      RunResult result = StandardMetrics.runner(engine(false)).run("mixed", server.target(),
          Scenario.perVuIterations(2, 15));

      double successes = result.metric(REQUESTS_SUCCESS).orElseThrow().values().get("count");
      double failures = result.metric(REQUESTS_FAILED).orElseThrow().values().get("count");
      assertThat(successes + failures).as("every request counted").isEqualTo(30.0);
      assertThat(failures).as("every third request got a 500").isEqualTo(10.0);
      assertThat(result.histogram(CHAT_COMPLETION_LATENCY).orElseThrow().getTotalCount())
          .as("latency histogram holds the successes only").isEqualTo((long) successes);
      assertThat(result.metric(CHAT_COMPLETION_LATENCY).orElseThrow().values().get("count")).isEqualTo(successes);
      assertThat(result.metric(TIME_TO_FIRST_BYTE).orElseThrow().values().get("count")).isEqualTo(successes);
      assertThat(result.histogram(FAILED_REQUEST_DURATION).orElseThrow().getTotalCount())
          .as("failures timed on their own").isEqualTo((long) failures);
      assertThat(result.errorsByKind()).containsExactly(Map.entry(ErrorKind.HTTP_STATUS, 10L));
    }
  }

  @Test
  void aTargetThatStopsListeningEndsTheRunWithTheRefusalRule() throws Exception {
    AtomicBoolean dead = new AtomicBoolean();
    try (ScriptedServer server = ScriptedServer.start(r -> {
      if (dead.get()) r.reset(); // what a killed process's kernel does to open connections
      else r.json(200, ScriptedServer.COMPLETION);
    })) {
      ByteArrayOutputStream console = new ByteArrayOutputStream();
      ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
      long[] killedAt = new long[1];
      killer.schedule(() -> {
        dead.set(true);
        server.close();
        killedAt[0] = System.nanoTime();
        return null;
      }, 1_500, TimeUnit.MILLISECONDS);

      RunResult result = StandardMetrics.runner(engine(false), new PrintStream(console, true, StandardCharsets.UTF_8))
          .run("sustained", server.target(), Scenario.constantVus(3, Duration.ofSeconds(30))
              .thinkTime(Duration.ofMillis(100)), StandardMetrics.checks(Thresholds.none()),
              AbortSignal.whenRefusedFor(Duration.ofSeconds(1)));
      long endedAfterKillNanos = System.nanoTime() - killedAt[0];
      killer.shutdown();

      assertThat(endedAfterKillNanos).as("1 s of refusals, then the next tick; not the scheduled 30 s")
          .isLessThan(Duration.ofSeconds(4).toNanos());
      assertThat(result.abortedBy()).hasValueSatisfying(r -> assertThat(r).startsWith("every connection was refused for 1."));
      assertThat(console.toString(StandardCharsets.UTF_8)).as("said on the console when it happened")
          .contains("sustained against scripted aborted after ").contains(": every connection was refused for 1.");
      assertThat(result.errorsByKind()).containsKey(ErrorKind.CONNECT_REFUSED);
      assertThat(result.histogram(CHAT_COMPLETION_LATENCY).orElseThrow().getTotalCount())
          .as("refused connections are not latencies")
          .isEqualTo(result.metric(REQUESTS_SUCCESS).orElseThrow().values().get("count").longValue());
      assertThat(result.metric(CHAT_COMPLETION_LATENCY).orElseThrow().values().get("min"))
          .as("no sub-millisecond refusal in the percentiles").isGreaterThan(0.0);
    }
  }
}
