package dev.gatebench.load;

import static dev.gatebench.metrics.MetricNames.DROPPED_ITERATIONS;
import static dev.gatebench.metrics.MetricNames.GENERATOR_SCHEDULE_LAG;
import static java.util.concurrent.TimeUnit.NANOSECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import dev.gatebench.metrics.IntervalStats;
import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.ProgressReporter;
import dev.gatebench.metrics.RecentWindow;
import dev.gatebench.metrics.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import io.netty.util.internal.ThreadExecutorMap;
import org.junit.jupiter.api.Test;

/**
 * The generator checks itself: a starved event loop is caught by the schedule-lag bound, an
 * unstarved one is not. The bound in these tests is a generous 100 ms so a busy build machine does
 * not trip it; the starved runs are late by about 300 ms, three times over it.
 */
class GeneratorCheckTest {
  private static final GeneratorCheck GENEROUS = new GeneratorCheck(Duration.ofMillis(100));
  private static final Duration PAUSE = Duration.ofMillis(300);

  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  /** @param pauseAtRequest the request whose start pauses its loop, after {@code pauseDelay} */
  private LoadRunner runner(int ioThreads, int pauseAtRequest, Duration pauseDelay) {
    LoadEngine engine = new LoadEngine(ChatRequestFactory.of("m", 8, 0.7, false), Duration.ofSeconds(5), ioThreads);
    RunProgress progress = StandardMetrics.progress(
        new ProgressReporter(new PrintStream(console, true, StandardCharsets.UTF_8), false, Duration.ofSeconds(10)));
    return new LoadRunner(engine, start -> new PausingCollector(StandardMetrics.collector(start), pauseAtRequest,
        pauseDelay),
        progress, GENEROUS);
  }

  private static Map<String, Double> lag(RunResult result) {
    return result.metric(GENERATOR_SCHEDULE_LAG).orElseThrow().values();
  }

  @Test
  void anOpenModelWhoseEventLoopSleeps300MsMidRunIsMarkedUntrustworthy() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(r -> r.json(200, ScriptedServer.COMPLETION))) {
      RunResult result = runner(2, 50, Duration.ZERO).run("starved", server.target(),
          Scenario.constantArrivalRate(50, Duration.ofSeconds(1), Duration.ofSeconds(2)).preAllocatedVus(10));

      assertThat(lag(result).get("count") + result.metric(DROPPED_ITERATIONS).orElseThrow().values().get("count"))
          .as("one lag sample per arrival started; the rest found every VU held by the paused loop").isEqualTo(100.0);
      assertThat(lag(result).get("max")).as("the pause shows in full").isGreaterThan(250.0);
      assertThat(lag(result).get("p(99)")).as("more than 1 %% of arrivals fell in the pause").isGreaterThan(100.0);
      assertThat(result.trustworthy()).isFalse();
      assertThat(result.untrustworthyBecause()).hasValueSatisfying(reason -> assertThat(reason)
          .startsWith("the load generator fell behind its schedule: generator_schedule_lag p(99) ")
          .contains(" ms >= gatebench.generator.maxLag 100ms (max ").contains(" scheduled starts)"));
      assertThat(result.environment()).containsEntry("trustworthy", false);
      assertThat(console.toString(StandardCharsets.UTF_8).lines())
          .as("one console line says so").filteredOn(l -> l.contains("untrustworthy")).singleElement().asString()
          .startsWith("starved against scripted is untrustworthy: the load generator fell behind its schedule")
          .as("and names what most likely held it back, with the figures").contains("; likeliest cause: ")
          .contains("for a CPU", "GC");
    }
  }

  @Test
  void aClosedModelWhoseVusWakeLateFromTheirThinkTimeIsMarkedUntrustworthy() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(r -> r.json(200, ScriptedServer.COMPLETION))) {
      // the pause starts 50 ms into a round, while the VUs sleep: every one of them wakes late
      RunResult result = runner(1, 20, Duration.ofMillis(50)).run("starved", server.target(),
          Scenario.constantVus(4, Duration.ofSeconds(2)).thinkTime(Duration.ofMillis(100)));

      assertThat(lag(result).get("max")).as("the VUs asleep during the pause woke late").isGreaterThan(150.0);
      assertThat(result.trustworthy()).isFalse();
    }
  }

  @Test
  void anUnstarvedRunAtFiftyRequestsASecondIsTrustworthyAndRecordsTheGeneratorsCpu() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(r -> r.json(200, ScriptedServer.COMPLETION))) {
      RunResult result = runner(2, Integer.MAX_VALUE, Duration.ZERO).run("calm", server.target(),
          Scenario.constantArrivalRate(50, Duration.ofSeconds(1), Duration.ofSeconds(2)).preAllocatedVus(10));

      assertThat(lag(result).get("count")).isEqualTo(100.0);
      assertThat(lag(result).get("p(99)")).as("under the test's generous bound").isLessThan(100.0);
      assertThat(result.trustworthy()).isTrue();
      assertThat(result.untrustworthyBecause()).isEmpty();
      assertThat(result.metric(DROPPED_ITERATIONS).orElseThrow().values()).containsEntry("count", 0.0);
      @SuppressWarnings("unchecked")
      Map<String, Object> generator = (Map<String, Object>) result.environment().get("generator");
      assertThat(generator).containsEntry("maxLag", "100ms").containsEntry("lagCheck", "p(99)<100")
          .containsEntry("lagSamples", 100).containsEntry("threads", 2).containsKeys("lagP50Ms", "lagP99Ms",
              "lagMaxMs", "cpuCovers", "jvmCpuTimeMs");
      assertThat(((Number) generator.get("cpuTimeMs")).doubleValue()).as("the loops did some work").isPositive();
      assertThat(((Number) generator.get("cpuShareOfOneCore")).doubleValue()).as("but far from a core")
          .isLessThan(0.9);
      assertThat(generator).as("no cause for a run that was not late").doesNotContainKey("likeliestCause")
          .containsKeys("gcPauses", "gcPauseMs", "gcCollector");
      assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("untrustworthy");
    }
  }

  @Test
  void aRunThatScheduledNothingIsTrustworthy() {
    RunResult result = result(Map.of("count", 0.0));

    assertThat(GeneratorCheck.DEFAULT.untrustworthyBecause(result)).isEmpty();
  }

  @Test
  void theBoundIsOnP99NotOnTheMax() {
    assertThat(GeneratorCheck.DEFAULT.untrustworthyBecause(result(Map.of("count", 1000.0, "p(99)", 4.9, "max", 300.0))))
        .as("one pause in a long run").isEmpty();
    assertThat(GeneratorCheck.DEFAULT.untrustworthyBecause(result(Map.of("count", 1000.0, "p(99)", 5.0, "max", 300.0))))
        .hasValue("the load generator fell behind its schedule: generator_schedule_lag p(99) 5 ms >= "
            + "gatebench.generator.maxLag 5ms (max 300 ms over 1000 scheduled starts), so its latencies include the "
            + "generator's own delay; run it on an idle machine (other builds or runs on it?) or with less load, or "
            + "raise gatebench.generator.maxLag");
  }

  @Test
  void readsMaxLagInTheDurationSyntaxWithAStrictDefault() {
    assertThat(GeneratorCheck.of(BenchConfig.of(Map.of(), Map.of(), Map.of())).maxLag()).isEqualTo(Duration.ofMillis(5));
    assertThat(GeneratorCheck.of(BenchConfig.of(Map.of("gatebench.generator.maxLag", "0.5ms"), Map.of(), Map.of())))
        .extracting(GeneratorCheck::lagCheck).isEqualTo("p(99)<0.5");
    assertThat(GeneratorCheck.of(BenchConfig.of(Map.of(), Map.of("GATEBENCH_GENERATOR_MAX_LAG", "1s"), Map.of())))
        .extracting(GeneratorCheck::lagCheck).isEqualTo("p(99)<1000");
  }

  @Test
  void rejectsAZeroOrMalformedMaxLagNamingTheSettingAndTheFix() {
    assertThatThrownBy(() -> GeneratorCheck.of(BenchConfig.of(Map.of("gatebench.generator.maxLag", "0ms"), Map.of(),
        Map.of())))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.generator.maxLag must be > 0 but was '0ms'; it bounds how late (p(99)) the load "
            + "generator may start what it scheduled before a run is marked untrustworthy, e.g. "
            + "-Dgatebench.generator.maxLag=5ms");
    assertThatThrownBy(() -> GeneratorCheck.of(BenchConfig.of(Map.of("gatebench.generator.maxLag", "5"), Map.of(),
        Map.of())))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.generator.maxLag must be a duration, a number and a unit (ns, us, ms, s, m, h or d), "
            + "or several as in 1m30s, but was '5'; e.g. -Dgatebench.generator.maxLag=5ms");
  }

  private static RunResult result(Map<String, Double> lagValues) {
    return new RunResult("s", "t", Instant.EPOCH, 1000,
        Map.of(GENERATOR_SCHEDULE_LAG, new MetricSummary("trend", "time", lagValues, null)), java.util.List.of(),
        Map.of(), Map.of(), Map.of(), Map.of());
  }

  /**
   * The real collector, which once puts a 300 ms sleep on the event loop that starts a given request,
   * at once or a little later: a starved generator.
   */
  private static final class PausingCollector implements RunCollector, ForwardingSink {
    private final RunCollector delegate;
    private final int pauseAtRequest;
    private final Duration pauseDelay;
    private final AtomicInteger started = new AtomicInteger();

    PausingCollector(RunCollector delegate, int pauseAtRequest, Duration pauseDelay) {
      this.delegate = delegate;
      this.pauseAtRequest = pauseAtRequest;
      this.pauseDelay = pauseDelay;
    }

    @Override
    public void requestStarted() {
      delegate.requestStarted();
      if (started.incrementAndGet() != pauseAtRequest) return;
      if (pauseDelay.isZero()) pause();
      else ThreadExecutorMap.currentExecutor().schedule(PausingCollector::pause, pauseDelay.toNanos(), NANOSECONDS);
    }

    private static void pause() {
      try {
        Thread.sleep(PAUSE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public RunCollector delegate() {
      return delegate;
    }

    @Override
    public IntervalStats closeInterval(long nowNanos) {
      return delegate.closeInterval(nowNanos);
    }

    @Override
    public RecentWindow recentWindow() {
      return delegate.recentWindow();
    }

    @Override
    public Map<String, MetricSummary> summaries() {
      return delegate.summaries();
    }

    @Override
    public RunResult toResult(String suite, String target, Instant startedAt, long durationNanos,
        Map<String, Object> scenario, Map<String, String> config, Map<String, Object> environment) {
      return delegate.toResult(suite, target, startedAt, durationNanos, scenario, config, environment);
    }
  }
}
