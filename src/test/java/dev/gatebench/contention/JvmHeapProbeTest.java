package dev.gatebench.contention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** How often a soak reads the Direct row's live heap: five times after the warm-up, each a full collection. */
class JvmHeapProbeTest {
  @Test
  void aSoakReadsTheLiveHeapFiveTimesAfterItsWarmUp() {
    SoakPlan tenMinutes = SoakPlan.of(10, Duration.ofMinutes(10));
    Duration every = new JvmHeapProbe().every(tenMinutes);

    assertThat(every).as("a fifth of the 7.5 minutes after the warm-up").isEqualTo(Duration.ofSeconds(90));
    double warmUpEnd = tenMinutes.duration().toSeconds() * tenMinutes.warmUp();
    assertThat(LongStream.rangeClosed(1, tenMinutes.duration().dividedBy(every))
        .filter(k -> k * every.toSeconds() >= warmUpEnd)).as("readings after the warm-up").hasSize(5);
  }

  @Test
  void aShortSoakStillReadsNoMoreOftenThanItsPlanSays() {
    SoakPlan brief = SoakPlan.of(10, Duration.ofSeconds(10)).withBounds(50, 100);

    assertThat(new JvmHeapProbe().every(brief)).as("1.5 s, over the plan's 1 s").isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void aReadingIsTheHeapLeftByAFullCollection() {
    byte[] kept = new byte[64 << 20];
    long withIt = new JvmHeapProbe().read().rssBytes();
    kept = null;
    long without = new JvmHeapProbe().read().rssBytes();

    assertThat(withIt - without).as("bytes the 64 MiB array held, read live before and gone after")
        .isBetween(60L << 20, 68L << 20);
  }
}
