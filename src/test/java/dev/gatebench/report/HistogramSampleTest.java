package dev.gatebench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HistogramSampleTest {
  @Test
  void percentilesEqualHdrHistogramsOwn() {
    Histogram h = new Histogram(3);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 537; i++) h.recordValue(1_000_000 + random.nextLong(400_000_000));
    HistogramSample sample = HistogramSample.of(h);

    assertThat(sample.count()).isEqualTo(537);
    for (double p : new double[] {0.1, 1, 50, 90, 95, 99, 99.9, 100}) {
      assertThat(sample.percentile(p)).as("p%s", p).isEqualTo(h.getValueAtPercentile(p) / 1e6);
    }
  }

  @Test
  void resampledPercentilesAreDistributedAsInABootstrapThatResamplesTheRequests() {
    double[] ms = new double[60];
    Histogram h = new Histogram(3);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < ms.length; i++) {
      h.recordValue(Math.round(20e6 * Math.exp(0.3 * random.nextGaussian())));
    }
    HistogramSample sample = HistogramSample.of(h);
    for (int i = 0; i < ms.length; i++) ms[i] = sample.percentile(100.0 * (i + 1) / ms.length);
    int rounds = 20_000;
    double[] exact = new double[rounds];
    double[] naive = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      exact[r] = sample.resampledPercentile(90, random);
      double[] resample = new double[ms.length];
      for (int i = 0; i < resample.length; i++) resample[i] = ms[random.nextInt(ms.length)];
      Arrays.sort(resample);
      naive[r] = Windows.percentile(resample, 90);
    }
    Arrays.sort(exact);
    Arrays.sort(naive);
    for (double q : new double[] {0.025, 0.25, 0.5, 0.75, 0.975}) {
      int at = (int) (q * (rounds - 1));
      assertThat(exact[at]).as("quantile %s of the resampled p90", q).isCloseTo(naive[at], within(0.6));
    }
  }

  @Test
  void anEmptyHistogramHasNoPercentiles() {
    HistogramSample sample = HistogramSample.of(new Histogram(3));
    assertThat(sample.count()).isZero();
    assertThat(sample.percentile(50)).isNaN();
  }
}
