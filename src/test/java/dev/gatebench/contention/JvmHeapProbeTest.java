package dev.gatebench.contention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * How a soak reads the Direct row's live heap: five times after the warm-up, each a full collection started
 * just after a request reaches the mock.
 */
class JvmHeapProbeTest {
  private static final JvmHeapProbe NO_LOAD = new JvmHeapProbe(() -> 0);

  @Test
  void aSoakReadsTheLiveHeapFiveTimesAfterItsWarmUp() {
    SoakPlan tenMinutes = SoakPlan.of(10, Duration.ofMinutes(10));
    Duration every = NO_LOAD.every(tenMinutes);

    assertThat(every).as("a fifth of the 7.5 minutes after the warm-up").isEqualTo(Duration.ofSeconds(90));
    double warmUpEnd = tenMinutes.duration().toSeconds() * tenMinutes.warmUp();
    assertThat(LongStream.rangeClosed(1, tenMinutes.duration().dividedBy(every))
        .filter(k -> k * every.toSeconds() >= warmUpEnd)).as("readings after the warm-up").hasSize(5);
  }

  @Test
  void aShortSoakStillReadsNoMoreOftenThanItsPlanSays() {
    SoakPlan brief = SoakPlan.of(10, Duration.ofSeconds(10)).withBounds(50, 100);

    assertThat(NO_LOAD.every(brief)).as("1.5 s, over the plan's 1 s").isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void aReadingIsTheHeapLeftByAFullCollection() {
    byte[] kept = new byte[64 << 20];
    long withIt = NO_LOAD.read().rssBytes();
    kept = null;
    long without = NO_LOAD.read().rssBytes();

    assertThat(withIt - without).as("bytes the 64 MiB array held, read live before and gone after")
        .isBetween(60L << 20, 68L << 20);
  }

  @Test
  void aReadingStartsOnceTheNextRequestReachesTheMock() {
    AtomicLong arrivals = new AtomicLong();
    AtomicInteger pollsAfterIt = new AtomicInteger();
    long due = System.nanoTime() + Duration.ofMillis(60).toNanos();
    JvmHeapProbe probe = new JvmHeapProbe(() -> {
      if (System.nanoTime() >= due && arrivals.get() == 0) arrivals.set(1);
      if (arrivals.get() == 1) pollsAfterIt.incrementAndGet();
      return arrivals.get();
    });

    long start = System.nanoTime();
    probe.read();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited for the request").isGreaterThanOrEqualTo(
        Duration.ofMillis(60));
    assertThat(pollsAfterIt).as("looks at the count once the request came: collected at once").hasValue(1);
  }

  @Test
  void withoutRequestsAReadingWaitsNoLongerThanItsBound() {
    long start = System.nanoTime();
    NO_LOAD.read();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a reading before or after the load")
        .isGreaterThanOrEqualTo(JvmHeapProbe.ARRIVAL_WAIT).isLessThan(Duration.ofSeconds(2));
  }
}
