package dev.gatebench.report.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MedianShiftTest {
  @Test
  void mediansOfOddAndEvenCounts() {
    assertThat(MedianShift.median(new double[] {5, 1, 3})).isEqualTo(3);
    assertThat(MedianShift.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void theSameSeedGivesTheSameInterval() {
    double[] a = noisy(40, 22, 7);
    double[] b = noisy(40, 20, 8);
    MedianShift.Estimate first = MedianShift.estimate(a, b, 0.99, 2000, 42);
    assertThat(MedianShift.estimate(a, b, 0.99, 2000, 42)).isEqualTo(first);
    assertThat(MedianShift.estimate(a, b, 0.99, 2000, 43)).isNotEqualTo(first);
  }

  @Test
  void intervalCoversAKnownShiftAndExcludesZero() {
    MedianShift.Estimate e = MedianShift.estimate(noisy(60, 22, 1), noisy(60, 20, 2), 0.99, 2000, 7);
    assertThat(e.shift()).isCloseTo(2, within(0.6));
    assertThat(e.lower()).isGreaterThan(0).isLessThan(2);
    assertThat(e.upper()).isGreaterThan(2).isLessThan(4);
    assertThat(e.confidence()).isEqualTo(0.99);
  }

  @Test
  void aConstantShiftHasAnIntervalOfZeroWidth() {
    MedianShift.Estimate e = MedianShift.estimate(new double[] {3, 3, 3}, new double[] {1, 1}, 0.9, 500, 1);
    assertThat(e.shift()).isEqualTo(2);
    assertThat(e.lower()).isEqualTo(2);
    assertThat(e.upper()).isEqualTo(2);
  }

  @Test
  void overheadShiftCancelsAMachineThatSlowsEveryRow() {
    double[] directThen = noisy(60, 20, 3);
    double[] gatewayThen = noisy(60, 23, 4);
    double[] directNow = noisy(60, 25, 5);
    double[] gatewayNow = noisy(60, 28, 6);
    MedianShift.Estimate e = MedianShift.overheadShift(gatewayNow, directNow, gatewayThen, directThen, 0.99, 2000, 9);
    assertThat(e.shift()).isCloseTo(0, within(0.5));
    assertThat(e.lower()).isNegative();
    assertThat(e.upper()).isPositive();
    double naive = MedianShift.estimate(gatewayNow, gatewayThen, 0.99, 2000, 9).shift();
    assertThat(naive).as("without the Direct rows the machine looks like a regression").isGreaterThan(4);
  }

  @Test
  void quantileInterpolatesLikeRsDefault() {
    assertThat(MedianShift.quantile(new double[] {1, 2, 3, 4}, 0.25)).isCloseTo(1.75, within(1e-12));
  }

  @Test
  void rejectsAConfidenceOutsideTheOpenUnitInterval() {
    assertThatThrownBy(() -> MedianShift.estimate(new double[] {1}, new double[] {1}, 1.0, 1000, 1))
        .hasMessage("confidence must be in (0, 1) but was 1.0");
  }

  private static double[] noisy(int n, double centre, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) out[i] = centre + (r.nextDouble() - 0.5) * 2;
    return out;
  }
}
