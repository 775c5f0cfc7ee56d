package dev.gatebench.metrics.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageAccumulatorTest {
  private static final long SECOND_NANOS = 1_000_000_000L;

  @Test
  void countsCpuFromTheFirstReadingAndNewChildrenFromZero() {
    UsageAccumulator acc = new UsageAccumulator(100);
    acc.add(new TreeReading(0, Map.of(1L, 5_000L), 100));
    acc.add(new TreeReading(SECOND_NANOS, Map.of(1L, 5_150L), 300));
    acc.add(new TreeReading(2 * SECOND_NANOS, Map.of(1L, 5_200L, 2L, 50L), 200));

    ResourceUsage usage = acc.toUsage("test", "");

    assertThat(usage.cpuSeconds()).as("1.5 s then 0.5 + 0.5 s").isCloseTo(2.5, within(1e-9));
    assertThat(usage.coresMean()).isCloseTo(1.25, within(1e-9));
    assertThat(usage.coresPeak()).isCloseTo(1.5, within(1e-9));
    assertThat(usage.rssPeakBytes()).isEqualTo(300);
    assertThat(usage.rssMeanBytes()).isEqualTo(200);
    assertThat(usage.samples()).isEqualTo(3);
    assertThat(usage.series()).extracting(ResourceSample::processes).containsExactly(1, 2);
  }

  @Test
  void anExitedChildDoesNotMakeCpuGoNegative() {
    UsageAccumulator acc = new UsageAccumulator(100);
    acc.add(new TreeReading(0, Map.of(1L, 10L, 2L, 400L), 0));
    acc.add(new TreeReading(SECOND_NANOS, Map.of(1L, 30L), 0));

    assertThat(acc.toUsage("test", "").cpuSeconds()).isCloseTo(0.2, within(1e-9));
  }

  @Test
  void noReadingsGiveZeros() {
    ResourceUsage usage = new UsageAccumulator(100).toUsage("none", null);
    assertThat(usage.cpuSeconds()).isZero();
    assertThat(usage.samples()).isZero();
    assertThat(usage.note()).isEmpty();
  }
}
