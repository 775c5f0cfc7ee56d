package dev.gatebench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.load.GeneratorStalls.Cause;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which figure names the likeliest cause of a late generator, and how the reason reads it. */
class GeneratorStallsTest {
  private static final long SECOND = 1_000_000_000L;
  private static final long MS = 1_000_000L;
  private static final GcPauses.Reading NO_GC = new GcPauses.Reading("Serial", 0, 0, 0, 0);

  private static GeneratorCpu.Reading loop(long cpuNanos, long waitNanos) {
    return new GeneratorCpu.Reading(1, cpuNanos, cpuNanos, true, new RunQueueWait.Reading(true, waitNanos, waitNanos, ""));
  }

  static Stream<Arguments> figures() {
    return Stream.of(
        Arguments.of("the machine: 2.1 s of 30 s waiting for a CPU beats 102 ms of GC",
            loop(3 * SECOND, 2100 * MS), new GcPauses.Reading("Serial", 3, 102, 34, 0), Cause.MACHINE, 29 * MS),
        Arguments.of("GC: 340 ms of pauses beat 50 ms of waiting",
            loop(3 * SECOND, 50 * MS), new GcPauses.Reading("G1", 12, 340, 60, 0), Cause.GC, 60 * MS),
        Arguments.of("heap readings: 855 ms of pauses, 800 of them a soak's forced collections, beat 112 ms of waiting",
            loop(3 * SECOND, 112 * MS), new GcPauses.Reading("G1", 16, 855, 71, 800), Cause.HEAP_READINGS, 41 * MS),
        Arguments.of("the generator's own CPU: its loop ran 95 % of the run, whatever else happened",
            loop(28_500 * MS, 2100 * MS), NO_GC, Cause.SATURATED, 29 * MS),
        Arguments.of("neither: 0.2 s of waiting and 30 ms of GC are each under 1 % of 30 s",
            loop(3 * SECOND, 200 * MS), new GcPauses.Reading("Serial", 1, 30, 30, 0), Cause.UNEXPLAINED, 29 * MS),
        Arguments.of("neither: 1 s of waiting spread over the run cannot make one start 1.5 s late",
            loop(3 * SECOND, SECOND), NO_GC, Cause.UNEXPLAINED, 1500 * MS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("figures")
  void namesTheCauseThatHeldTheLoopLongest(String why, GeneratorCpu.Reading cpu, GcPauses.Reading gc, Cause cause,
      long lagP99Nanos) {
    assertThat(new GeneratorStalls(cpu, gc, 30 * SECOND, lagP99Nanos).likeliestCause()).as(why).isEqualTo(cause);
  }

  @Test
  void aBusyMachineReadsAsTheLoopsWaitForACpuWithGcBesides() {
    GeneratorStalls stalls = new GeneratorStalls(loop(3 * SECOND, 2100 * MS),
        new GcPauses.Reading("Serial", 3, 102, 34, 0), 30 * SECOND, 29 * MS);

    assertThat(stalls.explanation()).isEqualTo("the generator's event loop waited 2.1 s for a CPU (7 % of the run): "
        + "other work on the machine (besides, GC paused the JVM 3 times for 102 ms in all (0.3 % of the run), "
        + "longest 34 ms, Serial)");
  }

  @Test
  void gcPausesReadAsTheJvmsWithTheWaitBesides() {
    GeneratorStalls stalls = new GeneratorStalls(loop(SECOND, 50 * MS),
        new GcPauses.Reading("G1", 12, 340, 60, 0), 10 * SECOND, 60 * MS);

    assertThat(stalls.explanation()).isEqualTo("GC paused the JVM 12 times for 340 ms in all (3.4 % of the run), "
        + "longest 60 ms, G1 (besides, the generator's event loop waited 50 ms for a CPU (0.5 % of the run))");
  }

  @Test
  void aSoaksForcedCollectionsAreNamedAsSuch() {
    GeneratorStalls stalls = new GeneratorStalls(loop(SECOND, 50 * MS),
        new GcPauses.Reading("G1", 6, 340, 71, 300), 10 * SECOND, 60 * MS);

    assertThat(stalls.likeliestCause()).isEqualTo(Cause.HEAP_READINGS);
    assertThat(stalls.explanation()).isEqualTo("GC paused the JVM 6 times for 340 ms in all (3.4 % of the run), "
        + "longest 71 ms, G1; 300 ms of it full collections of a soak's heap readings (besides, the generator's event "
        + "loop waited 50 ms for a CPU (0.5 % of the run))");
    assertThat(Cause.HEAP_READINGS.fix()).contains("Direct row's live heap");
  }

  @Test
  void whereTheOsDoesNotSayTheWaitIsUnknownAndOnlyGcCanBeNamed() {
    GeneratorCpu.Reading cpu = new GeneratorCpu.Reading(2, SECOND, SECOND / 2, true,
        new RunQueueWait.Reading(false, 0, 0, "this OS has no /proc/thread-self (Linux only)"));
    GeneratorStalls stalls = new GeneratorStalls(cpu, NO_GC, 10 * SECOND, 29 * MS);
    Map<String, Object> facts = new LinkedHashMap<>();
    stalls.putFacts(facts);

    assertThat(stalls.likeliestCause()).isEqualTo(Cause.UNEXPLAINED);
    assertThat(stalls.explanation()).isEqualTo("neither waiting for a CPU nor GC accounts for it (how long the event "
        + "loop waited for a CPU is unknown: this OS has no /proc/thread-self (Linux only); no GC pause (Serial)): "
        + "something else held the event loop: the JVM's first run loading classes (a warm-up run avoids it) or a "
        + "blocking call on the loop");
    assertThat(facts).as("the result says why the figure is missing")
        .containsEntry("runQueueWaitUnavailable", "this OS has no /proc/thread-self (Linux only)")
        .doesNotContainKeys("runQueueWaitMs", "runQueueWaitShare").containsEntry("gcPauses", 0L);
  }

  @Test
  void severalLoopsAreJudgedByTheOneThatWaitedMost() {
    GeneratorCpu.Reading cpu = new GeneratorCpu.Reading(2, SECOND, SECOND / 2, true,
        new RunQueueWait.Reading(true, 1500 * MS, 1200 * MS, ""));
    GeneratorStalls stalls = new GeneratorStalls(cpu, NO_GC, 10 * SECOND, 29 * MS);

    assertThat(stalls.waitShare()).as("1.2 s of 10 s").isEqualTo(0.12);
    assertThat(stalls.explanation()).startsWith("the generator's 2 event loops waited 1.5 s for a CPU, the "
        + "most-waiting one 1.2 s (12 % of the run): other work on the machine");
  }
}
