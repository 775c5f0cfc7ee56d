package dev.gatebench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.metrics.ProgressTick;
import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoadRunnerTest {
  private final AtomicReference<FakeCollector> collector = new AtomicReference<>();
  private final AtomicInteger progressSeconds = new AtomicInteger();
  private final AtomicInteger progressFinished = new AtomicInteger();
  private final AtomicReference<String> abortLine = new AtomicReference<>();
  private final List<ProgressTick> ticks = new java.util.concurrent.CopyOnWriteArrayList<>();

  private LoadRunner runner() {
    RunProgress progress = new RunProgress() {
      @Override
      public void onTick(ProgressTick tick) {
        progressSeconds.incrementAndGet();
        ticks.add(tick);
      }

      @Override
      public void finish() {
        progressFinished.incrementAndGet();
      }

      @Override
      public void aborted(String line) {
        abortLine.set(line);
      }
    };
    LoadEngine engine = new LoadEngine(ChatRequestFactory.of("m", 8, 0.7, false), Duration.ofSeconds(5), 1);
    return new LoadRunner(engine, start -> {
      collector.set(new FakeCollector(start));
      return collector.get();
    }, progress);
  }

  @Test
  void ticksOnceASecondAndReturnsTheCollectorsResultWithTheScenario() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(r -> r.json(200, ScriptedServer.COMPLETION))) {
      Scenario scenario = Scenario.constantVus(1, Duration.ofMillis(2_300)).thinkTime(Duration.ofMillis(100));

      RunResult result = runner().run("baseline", server.target(), scenario);

      assertThat(collector.get().intervals.get()).as("two whole seconds, then the last partial one").isBetween(3, 4);
      assertThat(progressSeconds.get()).as("each whole second, and the end").isBetween(3, 4);
      assertThat(progressFinished).hasValue(1);
      assertThat(result.suite()).isEqualTo("baseline");
      assertThat(result.target()).isEqualTo("scripted");
      assertThat(result.scenario()).containsEntry("executor", "constant-vus").containsEntry("duration", "2300ms");
      assertThat(result.config()).containsEntry("model", "m").containsEntry("requestTimeout", "5s");
      assertThat(collector.get().sink.outcomes).isNotEmpty();
    }
  }

  @Test
  void progressNamesTheSuiteAndGatewayAndCountsIterationsAgainstThePlan() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(r -> r.json(200, ScriptedServer.COMPLETION))) {
      runner().run("baseline", server.target(), Scenario.perVuIterations(2, 4).thinkTime(Duration.ofMillis(400)));

      assertThat(ticks).isNotEmpty().allSatisfy(tick -> {
        assertThat(tick.suite()).isEqualTo("baseline");
        assertThat(tick.target()).isEqualTo("scripted");
        assertThat(tick.iterationsTotal()).as("2 VUs x 4 iterations").isEqualTo(8);
        assertThat(tick.total()).as("no time plan for an iteration count").isZero();
      });
      assertThat(ticks.getFirst().iterationsDone()).as("two VUs, an iteration each 0.4 s: 4 in the first second")
          .isBetween(2L, 6L);
    }
  }

  @Test
  void progressOfATimedRunIsElapsedAgainstTheSchedule() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(r -> r.json(200, ScriptedServer.COMPLETION))) {
      runner().run("sustained", server.target(), Scenario.constantVus(1, Duration.ofMillis(1_500)));

      assertThat(ticks).isNotEmpty().allSatisfy(tick -> {
        assertThat(tick.total()).isEqualTo(Duration.ofMillis(1_500));
        assertThat(tick.iterationsTotal()).isZero();
      });
    }
  }

  @Test
  void aFailingAbortOnFailThresholdStopsTheRunEarlyAndSaysWhy() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(r -> r.json(500, "{}"))) {
      RunChecks abortOnErrors = new RunChecks() {
        @Override
        public List<String> abortingFailures(Map<String, MetricSummary> live, Duration elapsed) {
          return live.get("error_rate").values().get("rate") > 0.1 ? List.of("error_rate: rate<0.1") : List.of();
        }

        @Override
        public RunResult evaluate(RunResult result) {
          return result.withEnvironment(Map.of("evaluated", true));
        }
      };
      long before = System.nanoTime();

      RunResult result = runner().run("throughput", server.target(),
          Scenario.constantVus(2, Duration.ofSeconds(30)).thinkTime(Duration.ofMillis(50)), abortOnErrors);

      assertThat(System.nanoTime() - before).as("aborted after the first tick, not after 30 s")
          .isLessThan(Duration.ofSeconds(10).toNanos());
      assertThat(result.environment()).containsEntry("abortedBy", "error_rate: rate<0.1").containsEntry("evaluated", true);
    }
  }

  @Test
  void anAbortSignalEndsTheRunOnTheTickItGivesAReason() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(r -> r.json(200, ScriptedServer.COMPLETION))) {
      AbortSignal afterTwoSeconds = traffic -> traffic.elapsed().toMillis() >= 1_900
          ? Optional.of("the target's process exited with status 137") : Optional.empty();
      long before = System.nanoTime();

      RunResult result = runner().run("sustained", server.target(),
          Scenario.constantVus(2, Duration.ofSeconds(30)).thinkTime(Duration.ofMillis(50)), RunChecks.NONE,
          afterTwoSeconds);

      assertThat(System.nanoTime() - before).as("ended on the second tick, not after 30 s")
          .isBetween(Duration.ofMillis(1_900).toNanos(), Duration.ofSeconds(6).toNanos());
      assertThat(result.abortedBy()).contains("the target's process exited with status 137");
      assertThat(abortLine.get()).as("the console line names the run and the reason")
          .startsWith("sustained against scripted aborted after 2.")
          .endsWith(" s: the target's process exited with status 137");
    }
  }
}
