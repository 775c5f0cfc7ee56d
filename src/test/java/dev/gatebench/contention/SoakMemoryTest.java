package dev.gatebench.contention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.proxies.LeakingProxyMain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The soak's memory check on real runs, about 12 s each. The Direct row as the suite reads it, this JVM's
 * live heap: the mock called directly stays within the bound while other work in the JVM promotes garbage
 * (which the heap after young collections reads as growth), and a leak in the JVM is caught. A proxy in
 * its own JVM that keeps every request body (20 kB each, 40 a second) grows far past the bound by its RSS.
 */
class SoakMemoryTest {
  private static SoakFixture fixture;

  @BeforeAll
  static void startMock() {
    fixture = new SoakFixture();
  }

  @AfterAll
  static void stopMock() {
    fixture.close();
  }

  @Test
  void theMockCalledDirectlyStaysWithinTheBoundWhileOtherWorkPromotesGarbage() throws InterruptedException {
    byte[][] ring = new byte[2048][];
    byte[][] sink = new byte[1][];
    int[] next = {0};
    // a steady 32 MiB live, each part replaced after about 2 s; short-lived garbage beside it makes young
    // collections frequent, so those parts survive a few and are promoted before they die
    try (Background churn = new Background(() -> {
      for (int i = 0; i < 8; i++) sink[0] = new byte[64 * 1024];
      ring[next[0]++ % ring.length] = new byte[16 * 1024];
      pause(1);
    })) {
      SoakResult direct = fixture.soak(new JvmHeapProbe(SoakFixture.PLAN, fixture.mock.counters()::totalRequests),
          fixture.directUrl());

      assertThat(direct.failures()).as("Direct's failed checks; slope %.1f MiB/10 min over %d samples",
          direct.rssSlopeMiBPer10Min(), direct.fitted().size()).isEmpty();
      assertThat(direct.figures().failed()).as("requests failed by the injected 500s").isPositive();
      assertThat(next[0]).as("arrays the other work made meanwhile").isGreaterThan(2 * ring.length);
    }
  }

  @Test
  void aLeakInThisJvmIsCaught() throws InterruptedException {
    List<byte[]> kept = new ArrayList<>();
    // 20 kB 40 times a second: ~480 MiB per 10 minutes
    try (Background leak = new Background(() -> {
      kept.add(new byte[20_000]);
      pause(25);
    })) {
      SoakResult direct = fixture.soak(new JvmHeapProbe(SoakFixture.PLAN, fixture.mock.counters()::totalRequests),
          fixture.directUrl());

      assertThat(direct.rssSlopeMiBPer10Min()).as("slope, MiB per 10 minutes; failures %s", direct.failures())
          .isGreaterThan(4 * SoakFixture.PLAN.rssBoundMiB());
      assertThat(direct.failures()).as("failed checks").anySatisfy(f -> assertThat(f).startsWith("memory grew"));
    }
  }

  @Test
  void aProxyThatKeepsEveryRequestBodyIsCaughtGrowing() throws Exception {
    try (ForkedProxy leaking = ForkedProxy.start(LeakingProxyMain.class, fixture.mock.baseUrl().toString())) {
      SoakResult leaky = fixture.soak(ProcessTreeProbe.of(leaking.pid()), leaking.url());

      assertThat(leaky.rssSlopeMiBPer10Min()).as("slope, MiB per 10 minutes; failures %s", leaky.failures())
          .isGreaterThan(SoakFixture.PLAN.rssBoundMiB());
      assertThat(leaky.failures()).as("failed checks").anySatisfy(f -> assertThat(f).startsWith("memory grew"));
      assertThat(leaky.fdMax()).as("descriptors of the proxy's JVM, read from /proc").isPositive();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A daemon thread doing {@code step} over and over until closed. */
  private static final class Background implements AutoCloseable {
    private volatile boolean running = true;
    private final Thread thread;

    Background(Runnable step) {
      thread = Thread.ofPlatform().daemon().name("soak-test-background").start(() -> {
        while (running && !Thread.currentThread().isInterrupted()) step.run();
      });
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join();
    }
  }
}
