package dev.gatebench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gatebench.metrics.RunResult;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A late generator is blamed on what made it late: a loop starved of CPU by other work on its core
 * on the machine, a JVM paused by GC on GC; a calm run names no cause. The starved runs use the default
 * bound of 5 ms and are late by far more (a loop at the lowest policy behind busy threads on its core
 * started requests 8 ms late at the median); the calm run keeps the generous 100 ms of
 * {@link GeneratorCheckTest}.
 */
class GeneratorCauseTest {
  private static final Duration RUN = Duration.ofSeconds(2);
  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  private static LoadRunner runner(Duration maxLag) {
    LoadEngine engine = new LoadEngine(ChatRequestFactory.of("m", 8, 0.7, false), Duration.ofSeconds(5), 1);
    return new LoadRunner(engine, StandardMetrics::collector, RunProgress.SILENT, new GeneratorCheck(maxLag));
  }

  private static RunResult fiftyASecond(LoadRunner runner, ScriptedServer server) {
    return runner.run("cause", server.target(), Scenario.constantArrivalRate(50, ONE_SECOND, RUN).preAllocatedVus(10));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> generator(RunResult result) {
    return (Map<String, Object>) result.environment().get(RunResult.GENERATOR);
  }

  @Test
  void aLoopStarvedByBusyThreadsOnItsCoreIsBlamedOnTheMachine() throws Exception {
    assumeThat(RunQueueWait.currentTid()).as("Linux threads to pin").isPresent();
    assumeThat(Path.of("/usr/bin/taskset")).as("taskset").exists();
    assumeThat(Path.of("/usr/bin/chrt")).as("chrt").exists();
    assumeThat(Path.of("/usr/bin/renice")).as("renice").exists();
    AtomicBoolean spin = new AtomicBoolean(true);
    List<Thread> busy = new ArrayList<>();
    try (ScriptedServer server = ScriptedServer.start(r -> r.json(200, ScriptedServer.COMPLETION))) {
      for (int i = 0; i < 2; i++) busy.add(Thread.ofPlatform().start(() -> spinOnCpuZero(spin)));
      // the run's thread takes the lowest policy and CPU 0; the event loops it starts inherit both
      RunResult result = CompletableFuture.supplyAsync(() -> {
        lowestPriorityOnCpuZero();
        return fiftyASecond(runner(GeneratorCheck.DEFAULT.maxLag()), server);
      }, task -> Thread.ofPlatform().start(task)).get(30, TimeUnit.SECONDS);

      assertThat(result.trustworthy()).as("the starved loop fell behind").isFalse();
      assertThat(generator(result)).as("environment.generator").containsEntry("likeliestCause", "machine");
      assertThat(((Number) generator(result).get("runQueueWaitShare")).doubleValue())
          .as("the loop waited for a CPU a good part of the run").isGreaterThan(0.05);
      assertThat(result.untrustworthyBecause()).hasValueSatisfying(reason -> assertThat(reason)
          .contains("; likeliest cause: the generator's event loop waited ")
          .contains(" for a CPU (").contains("other work on the machine"));
    } finally {
      spin.set(false);
      for (Thread t : busy) t.join();
    }
  }

  @Test
  void aJvmPausedByGcOverAndOverIsBlamedOnGc() throws Exception {
    AtomicBoolean collect = new AtomicBoolean(true);
    Thread collector = Thread.ofPlatform().start(() -> collectWithALiveSet(collect));
    try (ScriptedServer server = ScriptedServer.start(r -> r.json(200, ScriptedServer.COMPLETION))) {
      RunResult result = fiftyASecond(runner(GeneratorCheck.DEFAULT.maxLag()), server);

      assertThat(generator(result)).as("environment.generator").containsKey("gcCollector")
          .containsEntry("likeliestCause", "gc");
      assertThat(((Number) generator(result).get("gcPauses")).longValue()).as("System.gc() paused it").isPositive();
      assertThat(((Number) generator(result).get("gcLongestPauseMs")).longValue())
          .as("the longest pause is one of them").isPositive()
          .isLessThanOrEqualTo(((Number) generator(result).get("gcPauseMs")).longValue());
      assertThat(result.untrustworthyBecause()).hasValueSatisfying(reason -> assertThat(reason)
          .contains("; likeliest cause: GC paused the JVM "));
    } finally {
      collect.set(false);
      collector.join();
    }
  }

  @Test
  void aWarmCalmRunNamesNoCauseButRecordsItsGcAndWait() throws Exception {
    try (ScriptedServer server = ScriptedServer.start(r -> r.json(200, ScriptedServer.COMPLETION))) {
      LoadRunner runner = runner(Duration.ofMillis(100));
      fiftyASecond(runner, server); // a JVM's first run stalls once while it loads the engine's classes
      RunResult result = fiftyASecond(runner, server);

      assertThat(result.trustworthy()).isTrue();
      assertThat(generator(result)).as("environment.generator").doesNotContainKey("likeliestCause")
          .containsKeys("gcCollector", "gcPauses", "gcPauseMs", "gcLongestPauseMs", "gcPauseShare");
      if (RunQueueWait.currentTid().isPresent()) {
        assertThat(generator(result)).containsKeys("runQueueWaitMs", "runQueueWaitShare")
            .containsEntry("runQueueWaitSource", "/proc/self/task/<tid>/schedstat");
        assertThat(((Number) generator(result).get("runQueueWaitShare")).doubleValue())
            .as("a share of the run").isBetween(0.0, 1.0);
      }
    }
  }

  /**
   * This JVM's nice value (field 19 of /proc/self/stat): the spinners inherit it, and the loop must
   * weigh far less than they do without starving so hard that a 2 s run takes half a minute.
   */
  private static int ownNice() {
    try {
      String stat = java.nio.file.Files.readString(Path.of("/proc/self/stat"));
      return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static void spinOnCpuZero(AtomicBoolean spin) {
    pin(RunQueueWait.currentTid(), "taskset", "-p", "-c", "0");
    while (spin.get()) Thread.onSpinWait();
  }

  private static void lowestPriorityOnCpuZero() {
    OptionalLong tid = RunQueueWait.currentTid();
    pin(tid, "taskset", "-p", "-c", "0");
    // beside nice-0 spinners nice 19 is starved enough (weight 15 against 2 x 1024); beside niced
    // ones only the idle policy is (weight 3 against 2 x 15)
    if (ownNice() < 10) pin(tid, "renice", "-n", "19", "-p");
    else pin(tid, "chrt", "--idle", "-p", "0");
  }

  /** Runs e.g. {@code taskset -p -c 0 TID}; SCHED_IDLE and an affinity need no privilege. */
  private static void pin(OptionalLong tid, String... command) {
    List<String> line = new ArrayList<>(List.of(command));
    line.add(Long.toString(tid.orElseThrow()));
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0) throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", line) + " could not start", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(String.join(" ", line) + " interrupted", e);
    }
  }

  /** Full collections back to back, each over a million live objects, until told to stop. */
  private static void collectWithALiveSet(AtomicBoolean collect) {
    List<int[]> live = new ArrayList<>();
    for (int i = 0; i < 1_000_000; i++) live.add(new int[4]);
    while (collect.get()) System.gc();
    Reference.reachabilityFence(live);
  }
}
