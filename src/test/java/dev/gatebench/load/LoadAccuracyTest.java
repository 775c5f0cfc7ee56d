package dev.gatebench.load;

import static dev.gatebench.load.HttpDriverTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.metrics.RequestOutcome;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the numbers mean under stress: coordinated omission and many VUs on few threads. */
class LoadAccuracyTest {
  private static final long MS = 1_000_000L;

  /** Answers in 20 ms; the {@code stallAt}-th request freezes the whole server for 1 s. */
  private static ScriptedServer stallingServer(int stallAt) throws Exception {
    AtomicInteger seen = new AtomicInteger();
    AtomicLong stallEndNanos = new AtomicLong();
    return ScriptedServer.start(r -> {
      if (seen.incrementAndGet() == stallAt) stallEndNanos.set(System.nanoTime() + 1_000 * MS);
      long waitNanos = stallEndNanos.get() - System.nanoTime();
      if (waitNanos > 0) TimeUnit.NANOSECONDS.sleep(waitNanos);
      Thread.sleep(20);
      r.json(200, ScriptedServer.COMPLETION);
    });
  }

  private static double shareSlowerThan(RecordingSink sink, long latencyNanos) {
    long slow = sink.outcomes.stream().filter(o -> o.latencyNanos() > latencyNanos).count();
    return (double) slow / sink.outcomes.size();
  }

  @Test
  void anOpenModelShowsAStallThatAClosedModelHides() throws Exception {
    RecordingSink open;
    try (ScriptedServer server = stallingServer(100)) {
      open = run(server, Scenario.constantArrivalRate(100, Duration.ofSeconds(1), Duration.ofSeconds(3))
          .preAllocatedVus(20).maxVus(300), false, Duration.ofSeconds(10));
    }
    RecordingSink closed;
    try (ScriptedServer server = stallingServer(50)) {
      closed = run(server, Scenario.constantVus(1, Duration.ofSeconds(3)), false, Duration.ofSeconds(10));
    }

    assertThat(open.outcomes).allMatch(RequestOutcome::success);
    assertThat(open.dropped).hasValue(0);
    assertThat(shareSlowerThan(open, 500 * MS)).as("arrivals during the 1 s stall wait from their intended start")
        .isGreaterThan(0.10);
    assertThat(closed.outcomes).anyMatch(o -> o.latencyNanos() >= 900 * MS);
    assertThat(shareSlowerThan(closed, 500 * MS)).as("one VU sends nothing while stalled: one slow sample")
        .isLessThan(0.03);
  }

  @Test
  void aThousandVusRunOnTwoEventLoopThreads() throws Exception {
    Set<Thread> recordingThreads = ConcurrentHashMap.newKeySet();
    RecordingSink sink = new RecordingSink() {
      @Override
      public void record(RequestOutcome outcome) {
        recordingThreads.add(Thread.currentThread());
        super.record(outcome);
      }
    };
    try (ScriptedServer server = ScriptedServer.start(r -> r.json(200, ScriptedServer.COMPLETION))) {
      LoadEngine engine = new LoadEngine(ChatRequestFactory.of("m", 8, 0, false), Duration.ofSeconds(20), 2);
      engine.start(Scenario.perVuIterations(1_000, 2), server.target(), sink).finished().get(60, TimeUnit.SECONDS);
    }

    assertThat(sink.outcomes).hasSize(2_000).allMatch(RequestOutcome::success);
    assertThat(recordingThreads).hasSizeLessThanOrEqualTo(2);
  }
}
