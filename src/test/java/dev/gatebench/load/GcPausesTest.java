package dev.gatebench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JVM's pauses over a run, with those of gatebench's own forced collections told apart. */
class GcPausesTest {
  @Test
  void gatebenchsOwnForcedCollectionsAreToldApart() {
    GcPauses.Reading reading = threeCollections(ForcedCollections::collect);

    assertThat(reading.pauses()).as("pauses").isGreaterThanOrEqualTo(3);
    assertThat(reading.forcedMs()).as("ms of gatebench's forced collections, of %d ms", reading.totalMs())
        .isPositive().isLessThanOrEqualTo(reading.totalMs());
    assertThat(reading.mostlyForced()).as("mostly forced").isTrue();
  }

  @Test
  void aCollectionSomeoneElseAskedForIsTheJvmsOwn() {
    GcPauses.Reading reading = threeCollections(System::gc);

    assertThat(reading.pauses()).as("pauses").isGreaterThanOrEqualTo(3);
    assertThat(reading.forcedMs()).as("ms of gatebench's forced collections").isZero();
    assertThat(reading.mostlyForced()).as("mostly forced").isFalse();
  }

  private static GcPauses.Reading threeCollections(Runnable collection) {
    GcPauses pauses = GcPauses.start();
    for (int i = 0; i < 3; i++) collection.run();
    return pauses.stop();
  }
}
