package dev.gatebench.contention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gatebench.upstream.FaultPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The soak's slopes: least squares after the warm-up, per 10 minutes, against the plan's bounds. */
class SoakResultTest {
  private static final SoakPlan PLAN = new SoakPlan(10, Duration.ofSeconds(100), 1000, FaultPlan.none(), 0.25, 50, 100,
      Duration.ofSeconds(1));
  private static final LatencyFigures FIGURES = new LatencyFigures(1000, 10, Map.of(), 30, 40, 50);

  @Test
  void memoryGrowingOneMiBAMinuteAfterAWarmUpSpikeIsTenMiBPerTenMinutesAndPasses() {
    SoakResult soak = new SoakResult(PLAN, "test", FIGURES, samples(mib -> mib < 25 ? 500 : 100 + mib / 60.0, 20), Optional.empty());

    assertThat(soak.rssSlopeMiBPer10Min()).as("MiB per 10 minutes, the spike left out").isCloseTo(10, within(0.01));
    assertThat(soak.fdSlopePer10Min()).as("descriptors per 10 minutes").isCloseTo(0, within(0.01));
    assertThat(soak.failures()).as("failures").isEmpty();
  }

  @Test
  void memoryGrowingFasterThanTheBoundFailsWithTheNumbers() {
    SoakResult soak = new SoakResult(PLAN, "test", FIGURES, samples(s -> 100 + s / 6.0, 20), Optional.empty());

    assertThat(soak.failures()).as("failures").singleElement().asString()
        .startsWith("memory grew 100.0 MiB per 10 minutes by the fit over 76 samples");
  }

  @Test
  void theReadingAfterTheLoadStoppedIsLeftOutOfTheFitSoItCannotHideAGrowth() {
    List<MemorySample> growing = new ArrayList<>(samples(s -> 100 + s / 6.0, 400));
    growing.add(new MemorySample(100.4, 20L << 20, OptionalLong.of(20)));
    SoakResult soak = new SoakResult(PLAN, "test", FIGURES, growing, Optional.empty());

    assertThat(soak.fitted()).as("samples fitted").hasSize(76);
    assertThat(soak.failures()).as("failures").containsExactly("memory grew 100.0 MiB per 10 minutes by the fit over "
        + "76 samples (104.2 -> 116.7 MiB), above the 50 MiB bound");
    assertThat(soak.samples()).as("samples kept").hasSize(102);
  }

  @Test
  void looksThatReadOnlyDescriptorsAreLeftOutOfTheMemoryFitAndCountInTheirs() {
    List<MemorySample> looks = IntStream.rangeClosed(0, 100).mapToObj(s -> s % 15 == 0
        ? new MemorySample(s, Math.round((100 + s / 6.0) * 1024 * 1024), OptionalLong.of(20 + s))
        : new MemorySample(s, OptionalLong.empty(), OptionalLong.of(20 + s))).toList();
    SoakResult soak = new SoakResult(PLAN, "test", FIGURES, looks, Optional.empty());

    assertThat(soak.fittedMemory()).as("memory read after the warm-up").extracting(MemorySample::offsetSeconds)
        .containsExactly(30.0, 45.0, 60.0, 75.0, 90.0);
    assertThat(soak.failures()).as("failures").containsExactly(
        "memory grew 100.0 MiB per 10 minutes by the fit over 5 samples (105.0 -> 115.0 MiB), above the 50 MiB bound",
        "open file descriptors grew 600 per 10 minutes by the fit (at most 120 seen), above the 100 bound");
    assertThat(soak.rssMaxMiB()).as("most memory read").isCloseTo(115, within(0.01));
  }

  @Test
  void descriptorsGrowingPastTheBoundFailAndUnreadableOnesAreLeftOut() {
    List<MemorySample> growing = IntStream.rangeClosed(0, 100).mapToObj(s -> new MemorySample(s, 100L << 20,
        OptionalLong.of(20 + s))).toList();
    List<MemorySample> unreadable = IntStream.rangeClosed(0, 100).mapToObj(s -> new MemorySample(s, 100L << 20,
        OptionalLong.empty())).toList();

    assertThat(new SoakResult(PLAN, "test", FIGURES, growing, Optional.empty()).failures())
        .as("growing descriptors").singleElement().asString().startsWith("open file descriptors grew 600 per 10 minutes");
    assertThat(new SoakResult(PLAN, "test", FIGURES, unreadable, Optional.empty()).failures())
        .as("unreadable descriptors").isEmpty();
  }

  @Test
  void aRowThatWentAwayOrAnsweredNothingFails() {
    SoakResult soak = new SoakResult(PLAN, "test", new LatencyFigures(10, 10, Map.of("RESET", 10L), Double.NaN,
        Double.NaN, Double.NaN), List.of(new MemorySample(0, 1, OptionalLong.empty()), new MemorySample(1, 1,
        OptionalLong.empty())), Optional.of("process 42 is gone"));

    assertThat(soak.failures()).as("failures").containsExactly("the row went away during the soak: process 42 is gone",
        "no request succeeded of 10 {RESET=10}", "too few memory samples after the warm-up for a slope: 0 (needs 5)");
  }

  /** One sample a second for 100 s, RSS in MiB by second, {@code fds} descriptors. */
  private static List<MemorySample> samples(java.util.function.IntToDoubleFunction mibAt, int fds) {
    return IntStream.rangeClosed(0, 100).mapToObj(s -> new MemorySample(s, Math.round(mibAt.applyAsDouble(s) * 1024 * 1024),
        OptionalLong.of(fds))).toList();
  }
}
