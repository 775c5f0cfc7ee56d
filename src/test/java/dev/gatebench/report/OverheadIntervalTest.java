package dev.gatebench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gatebench.report.gate.MedianShift;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverheadIntervalTest {
  /** n requests of about 20 ms (log-normal), each plus {@code shiftMs}. */
  private static Histogram latencies(int n, double shiftMs, long seed) {
    Histogram h = new Histogram(3);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) h.recordValue(Math.round((20 * Math.exp(0.2 * random.nextGaussian()) + shiftMs) * 1e6));
    return h;
  }

  @ParameterizedTest(name = "p{0}")
  @ValueSource(doubles = {50, 95, 99})
  void aKnownShiftLiesInsideTheInterval(double percentile) {
    MedianShift.Estimate e = OverheadInterval.of(latencies(3000, 5, 1), latencies(3000, 0, 2), percentile).orElseThrow();

    assertThat(e.lower()).as("lower bound of p%s overhead", percentile).isLessThan(5);
    assertThat(e.upper()).as("upper bound of p%s overhead", percentile).isGreaterThan(5);
    assertThat(e.shift()).as("point estimate").isBetween(e.lower(), e.upper());
    assertThat(e.confidence()).isEqualTo(0.95);
  }

  @Test
  void theIntervalNarrowsWithMoreRequests() {
    MedianShift.Estimate few = OverheadInterval.of(latencies(30, 5, 1), latencies(30, 0, 2), 50).orElseThrow();
    MedianShift.Estimate many = OverheadInterval.of(latencies(3000, 5, 1), latencies(3000, 0, 2), 50).orElseThrow();
    assertThat(many.upper() - many.lower()).as("width with 3,000 requests a row")
        .isLessThan((few.upper() - few.lower()) / 4);
  }

  @Test
  void rowsFromTheSameDistributionHaveAnIntervalHoldingZero() {
    for (long seed = 10; seed < 20; seed++) {
      MedianShift.Estimate e = OverheadInterval.of(latencies(500, 0, seed), latencies(500, 0, seed + 100), 95)
          .orElseThrow();
      assertThat(e.lower()).as("seed %d lower", seed).isLessThanOrEqualTo(0);
      assertThat(e.upper()).as("seed %d upper", seed).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void identicalRowsHaveZeroOverheadInsideTheInterval() {
    MedianShift.Estimate e = OverheadInterval.of(latencies(300, 0, 4), latencies(300, 0, 4), 50).orElseThrow();
    assertThat(e.shift()).isZero();
    assertThat(e.lower()).isNegative();
    assertThat(e.upper()).isPositive();
  }

  @Test
  void isDeterministicAndEmptyWithoutRequests() {
    assertThat(OverheadInterval.of(latencies(200, 3, 1), latencies(200, 0, 2), 95))
        .isEqualTo(OverheadInterval.of(latencies(200, 3, 1), latencies(200, 0, 2), 95));
    assertThat(OverheadInterval.of(new Histogram(3), latencies(10, 0, 1), 50)).isEmpty();
    assertThat(OverheadInterval.of(latencies(3000, 5, 1), latencies(3000, 0, 2), 50).orElseThrow().shift())
        .isCloseTo(5, within(0.5));
  }
}
