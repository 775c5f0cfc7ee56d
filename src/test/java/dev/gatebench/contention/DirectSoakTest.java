package dev.gatebench.contention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The mock called directly, sampled as the soak suite's Direct row is (this JVM's heap after its latest
 * collection), stays within the bound. Run by Maven in a JVM of its own (the {@code soak-in-its-own-jvm}
 * execution): in a JVM that other tests share, their garbage promoted during these 12 s reads as growth.
 */
class DirectSoakTest {
  @Test
  void theMockCalledDirectlyKeepsItsMemoryWithinTheBound() {
    try (SoakFixture fixture = new SoakFixture()) {
      SoakResult direct = fixture.soak(new JvmHeapProbe(), fixture.directUrl());

      assertThat(direct.failures()).as("Direct's failed checks; slope %.1f MiB/10 min over %d samples",
          direct.rssSlopeMiBPer10Min(), direct.fitted().size()).isEmpty();
      assertThat(direct.figures().failed()).as("requests failed by the injected 500s").isPositive();
    }
  }
}
