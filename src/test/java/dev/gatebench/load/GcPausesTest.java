package dev.gatebench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JVM's pauses over a run, with those that System.gc() asked for told apart. */
class GcPausesTest {
  @Test
  void aCollectionThatSystemGcAskedForIsCountedAsExplicit() throws InterruptedException {
    GcPauses pauses = GcPauses.start();
    System.gc();
    Thread.sleep(500); // the end-of-collection notification comes on a JVM service thread
    GcPauses.Reading reading = pauses.stop();

    assertThat(reading.pauses()).as("pauses").isPositive();
    assertThat(reading.explicitMs()).as("ms of collections System.gc() asked for, of %d ms", reading.totalMs())
        .isPositive().isLessThanOrEqualTo(reading.totalMs());
    assertThat(reading.mostlyExplicit()).as("mostly explicit").isTrue();
  }
}
