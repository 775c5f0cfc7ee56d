package dev.gatebench.load;

import static dev.gatebench.load.HttpDriverTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.metrics.RequestOutcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Executors driving the scripted server for real, with loose time bounds. */
class ExecutorRunTest {
  private static final long MS = 1_000_000L;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static ScriptedServer okAfter(long delayMillis) throws Exception {
    return ScriptedServer.start(r -> {
      Thread.sleep(delayMillis);
      r.json(200, ScriptedServer.COMPLETION);
    });
  }

  @Test
  void sharedIterationsRunsExactlyTheSharedCount() throws Exception {
    try (ScriptedServer server = okAfter(0)) {
      RecordingSink sink = run(server, Scenario.sharedIterations(3, 10), false, TIMEOUT);

      assertThat(sink.outcomes).hasSize(10);
      assertThat(server.requests).hasValue(10);
    }
  }

  @Test
  void perVuIterationsRunsIterationsForEachVu() throws Exception {
    try (ScriptedServer server = okAfter(0)) {
      RecordingSink sink = run(server, Scenario.perVuIterations(3, 4), false, TIMEOUT);

      assertThat(sink.outcomes).hasSize(12).allMatch(RequestOutcome::success);
    }
  }

  @Test
  void thinkTimeSpacesAVusIterations() throws Exception {
    try (ScriptedServer server = okAfter(0)) {
      RecordingSink sink = run(server, Scenario.perVuIterations(1, 3).thinkTime(Duration.ofMillis(150)), false, TIMEOUT);

      List<Long> starts = sink.outcomes.stream().map(RequestOutcome::startNanos).sorted().toList();
      assertThat(starts.get(1) - starts.get(0)).isGreaterThanOrEqualTo(150 * MS);
      assertThat(starts.get(2) - starts.get(1)).isGreaterThanOrEqualTo(150 * MS);
    }
  }

  @Test
  void theGeneratorTimesEveryScheduledStartAndNothingElse() throws Exception {
    try (ScriptedServer server = okAfter(0)) {
      RecordingSink thinking = run(server, Scenario.perVuIterations(2, 3).thinkTime(Duration.ofMillis(20)), false,
          TIMEOUT);
      RecordingSink eager = run(server, Scenario.perVuIterations(2, 3), false, TIMEOUT);
      RecordingSink arrivals = run(server,
          Scenario.constantArrivalRate(20, Duration.ofSeconds(1), Duration.ofMillis(500)), false, TIMEOUT);

      assertThat(thinking.lagsNanos).as("one wake-up after each think time").hasSize(6).allMatch(lag -> lag >= 0);
      assertThat(eager.lagsNanos).as("a closed model without think time schedules nothing").isEmpty();
      assertThat(arrivals.lagsNanos).as("one per arrival").hasSize(10).allMatch(lag -> lag >= 0);
    }
  }

  @Test
  void anOpenModelWokenEarlyStillStartsNoArrivalBeforeItIsDueAndStopsPollingAtTheEnd() throws Exception {
    try (ScriptedServer server = okAfter(0)) {
      RecordingSink sink = new RecordingSink();
      LoadEngine engine = new LoadEngine(ChatRequestFactory.of("test-model", 16, 0.7, false), TIMEOUT, 1);
      ScenarioRun run = engine.start(Scenario.constantArrivalRate(500, Duration.ofSeconds(1), Duration.ofMillis(600))
          .preAllocatedVus(20).maxVus(200), server.target(), sink);
      run.finished().get(30, TimeUnit.SECONDS);
      Thread.sleep(1); // past the last arrival's grace

      assertThat(sink.lagsNanos).as("one per arrival, none started early").hasSize(300).allMatch(lag -> lag >= 0);
      assertThat(run.polling()).as("no arrival left to poll for").isFalse();
    }
  }

  @Test
  void constantVusStopsStartingIterationsAtTheEndOfItsDuration() throws Exception {
    try (ScriptedServer server = okAfter(0)) {
      long before = System.nanoTime();
      RecordingSink sink = run(server,
          Scenario.constantVus(2, Duration.ofMillis(600)).thinkTime(Duration.ofMillis(100)), false, TIMEOUT);

      assertThat(sink.outcomes).as("2 VUs, at most one start per 100 ms each").hasSizeBetween(2, 2 * 7);
      assertThat(sink.outcomes).allMatch(o -> o.startNanos() - before < 800 * MS);
    }
  }

  @Test
  void gracefulStopInterruptsIterationsStillRunningAfterIt() throws Exception {
    try (ScriptedServer server = okAfter(5_000)) {
      long before = System.nanoTime();
      RecordingSink sink = run(server,
          Scenario.constantVus(1, Duration.ofMillis(200)).gracefulStop(Duration.ofMillis(200)), false, TIMEOUT);

      assertThat(System.nanoTime() - before).as("ended at duration + gracefulStop, not the 5 s answer")
          .isLessThan(3_000 * MS);
      assertThat(sink.outcomes).as("an interrupted iteration is not recorded").isEmpty();
      assertThat(sink.started).hasValue(1);
    }
  }

  @Test
  void constantArrivalRateStampsEachRequestWithItsScheduledArrival() throws Exception {
    try (ScriptedServer server = okAfter(0)) {
      RecordingSink sink = run(server, Scenario.constantArrivalRate(50, Duration.ofSeconds(1), Duration.ofMillis(500))
          .preAllocatedVus(5).maxVus(20), false, TIMEOUT);

      List<Long> intended = sink.outcomes.stream().map(RequestOutcome::intendedStartNanos).sorted().toList();
      assertThat(intended).hasSize(25);
      for (int i = 1; i < intended.size(); i++) {
        assertThat(intended.get(i) - intended.get(0)).as("arrival %d on the 20 ms grid", i).isEqualTo(i * 20 * MS);
      }
      assertThat(sink.outcomes).allMatch(o -> o.startNanos() >= o.intendedStartNanos());
    }
  }

  @Test
  void arrivalsFindingNoFreeVuAreDroppedOnceMaxVusAreBusy() throws Exception {
    try (ScriptedServer server = okAfter(300)) {
      RecordingSink sink = run(server, Scenario.constantArrivalRate(40, Duration.ofSeconds(1), Duration.ofMillis(500))
          .preAllocatedVus(1).maxVus(2), false, TIMEOUT);

      assertThat(sink.outcomes.size() + sink.dropped.get()).as("every arrival is run or dropped").isEqualTo(20);
      assertThat(sink.dropped.get()).isGreaterThanOrEqualTo(14);
      assertThat(sink.lastAllocatedVus).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void rampingVusRunsAndEndsAfterItsStages() throws Exception {
    try (ScriptedServer server = okAfter(10)) {
      RecordingSink sink = new RecordingSink();
      LoadEngine engine = new LoadEngine(ChatRequestFactory.of("m", 8, 0, false), TIMEOUT, 1);
      ScenarioRun run = engine.start(Scenario.rampingVus(0, Stage.of("300ms", 4), Stage.of("300ms", 0))
          .gracefulRampDown(Duration.ofMillis(100)), server.target(), sink);
      run.finished().get(10, TimeUnit.SECONDS);

      assertThat(sink.outcomes).isNotEmpty().allMatch(RequestOutcome::success);
      assertThat(run.allocatedVus()).isEqualTo(4);
      assertThat(run.activeVus()).isZero();
    }
  }

  @Test
  void aVuRampedDownIsInterruptedAfterGracefulRampDown() throws Exception {
    try (ScriptedServer server = okAfter(5_000)) {
      long before = System.nanoTime();
      RecordingSink sink = run(server, Scenario.rampingVus(1, Stage.of("200ms", 1), Stage.of("0s", 0), Stage.of("1s", 0))
          .gracefulRampDown(Duration.ofMillis(100)), false, TIMEOUT);

      assertThat(sink.started).hasValue(1);
      assertThat(sink.outcomes).as("the 5 s answer never came: the iteration was interrupted").isEmpty();
      assertThat(System.nanoTime() - before).isLessThan(4_000 * MS);
    }
  }

  @Test
  void aVuRampedDownFinishesItsIterationWithinGracefulRampDown() throws Exception {
    try (ScriptedServer server = okAfter(300)) {
      RecordingSink sink = run(server, Scenario.rampingVus(1, Stage.of("100ms", 1), Stage.of("0s", 0), Stage.of("1s", 0))
          .gracefulRampDown(Duration.ofSeconds(2)), false, TIMEOUT);

      assertThat(sink.started).hasValue(1);
      assertThat(sink.outcomes).as("the running request completes, no new one starts").hasSize(1)
          .allMatch(RequestOutcome::success);
    }
  }

  @Test
  void stoppingOrAbortingAFinishedRunDoesNothing() throws Exception {
    try (ScriptedServer server = okAfter(0)) {
      LoadEngine engine = new LoadEngine(ChatRequestFactory.of("m", 8, 0, false), TIMEOUT, 1);
      ScenarioRun run = engine.start(Scenario.perVuIterations(1, 1), server.target(), new RecordingSink());
      run.finished().get(10, TimeUnit.SECONDS);
      Thread.sleep(1_500);

      run.stop();
      run.abort();

      assertThat(run.finished()).isCompleted();
    }
  }
}
