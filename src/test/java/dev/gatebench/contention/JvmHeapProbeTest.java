package dev.gatebench.contention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * How a soak reads the Direct row's live heap: descriptors at every look, the heap after a full collection
 * before the load and once in each fifth after the warm-up, each collection started just after a request
 * reaches the mock.
 */
class JvmHeapProbeTest {
  private static final SoakPlan HALF_MINUTE = SoakPlan.of(10, Duration.ofSeconds(30));
  private static final long SECOND = 1_000_000_000L;

  @Test
  void theHeapIsReadBeforeTheLoadAndOnceInEachFifthAfterTheWarmUpAndDescriptorsAtEveryLook() {
    AtomicLong clock = new AtomicLong();
    AtomicLong arrivals = new AtomicLong();
    JvmHeapProbe probe = new JvmHeapProbe(HALF_MINUTE, arrivals::incrementAndGet, clock::get);
    List<Long> heapAt = new ArrayList<>();
    int fdLooks = 0;
    for (long second = 0; second <= 30; second++) {
      clock.set(1_000 + second * SECOND);
      MemoryProbe.Reading reading = probe.read();
      if (reading.rssBytes().isPresent()) heapAt.add(second);
      if (reading.openFds().isPresent()) fdLooks++;
    }

    assertThat(heapAt).as("seconds whose look read the heap: before the load, then from 7.5 s in fifths of 4.5 s")
        .containsExactly(0L, 8L, 12L, 17L, 21L, 26L);
    assertThat(fdLooks).as("looks that read descriptors").isEqualTo(31);
  }

  @Test
  void aCollectionStartsOnceTheNextRequestReachesTheMock() {
    AtomicInteger polls = new AtomicInteger();
    AtomicInteger pollsAfterIt = new AtomicInteger();
    AtomicLong clock = new AtomicLong();
    // the request comes at the 50th look at the count
    JvmHeapProbe probe = new JvmHeapProbe(HALF_MINUTE, () -> {
      long seen = polls.incrementAndGet() >= 50 ? 1 : 0;
      if (seen == 1) pollsAfterIt.incrementAndGet();
      return seen;
    }, clock::get);
    probe.read(); // before the load: no wait
    clock.set(8 * SECOND);

    MemoryProbe.Reading reading = probe.read();

    assertThat(reading.rssBytes()).as("heap read").isPresent();
    assertThat(polls).as("looks at the count: waited for the request").hasValue(50);
    assertThat(pollsAfterIt).as("looks once the request came: collected at once").hasValue(1);
  }

  @Test
  void withoutRequestsACollectionWaitsNoLongerThanItsBound() {
    AtomicLong clock = new AtomicLong();
    JvmHeapProbe probe = new JvmHeapProbe(HALF_MINUTE, () -> 0, clock::get);
    probe.read();
    clock.set(8 * SECOND);

    long start = System.nanoTime();
    assertThat(probe.read().rssBytes()).as("heap read").isPresent();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the look after the load's end")
        .isGreaterThanOrEqualTo(Duration.ofNanos(JvmHeapProbe.ARRIVAL_WAIT_NANOS)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aReadingIsTheHeapLeftByAFullCollection() {
    AtomicLong clock = new AtomicLong();
    AtomicLong arrivals = new AtomicLong();
    JvmHeapProbe probe = new JvmHeapProbe(HALF_MINUTE, arrivals::incrementAndGet, clock::get);
    byte[] kept = new byte[64 << 20];
    long withIt = probe.read().rssBytes().orElseThrow();
    kept = null;
    clock.set(8 * SECOND);
    long without = probe.read().rssBytes().orElseThrow();

    assertThat(withIt - without).as("bytes the 64 MiB array held, read live before and gone after")
        .isBetween(60L << 20, 68L << 20);
  }

  @Test
  void aSamplingIntervalLongerThanAFifthAfterTheWarmUpIsRefusedSayingWhatToChange() {
    SoakPlan sparse = new SoakPlan(10, Duration.ofSeconds(10), 1000, HALF_MINUTE.faults(), 0.8, 50, 100,
        Duration.ofSeconds(1));

    assertThatThrownBy(() -> new JvmHeapProbe(sparse, () -> 0))
        .hasMessage("a soak of PT10S with a 80 % warm-up reads the Direct row's heap once in each fifth of the rest, "
            + "0.40 s, which its sampling interval PT1S does not fit in; lengthen the soak or sample more often");
  }
}
