package dev.gatebench.report;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.Histogram;

/**
 * The requests of a run as an empirical distribution, read from its HdrHistogram: each distinct
 * recorded value (ms, at HdrHistogram's 3 significant digits) with its cumulative count. Percentiles
 * follow {@link Histogram#getValueAtPercentile(double)} (the value of rank {@code ceil(p n)}), so
 * they equal the k6 summary's. Immutable.
 *
 * <p>{@link #resampledPercentile} draws the percentile of a bootstrap resample without building it:
 * resampling n values from the sample is mapping n uniforms through its quantile function, so the
 * resample's r-th smallest value is the value at the r-th smallest of n uniforms, which is
 * Beta(r, n - r + 1) distributed. That is exact and costs one Beta draw and a binary search, where
 * resampling 100,000 requests 2,000 times would not fit in a report.
 */
final class HistogramSample {
  private final double[] valuesMs;
  private final long[] cumulative;

  private HistogramSample(double[] valuesMs, long[] cumulative) {
    this.valuesMs = valuesMs;
    this.cumulative = cumulative;
  }

  /** @param histogram values in ns, as the run's latency histograms */
  static HistogramSample of(Histogram histogram) {
    int distinct = 0;
    for (HistogramIterationValue ignored : histogram.recordedValues()) distinct++;
    double[] values = new double[distinct];
    long[] counts = new long[distinct];
    int i = 0;
    for (HistogramIterationValue v : histogram.recordedValues()) {
      values[i] = v.getValueIteratedTo() / 1e6;
      counts[i] = v.getTotalCountToThisValue();
      i++;
    }
    return new HistogramSample(values, counts);
  }

  /** How many requests the sample holds. */
  long count() {
    return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
  }

  /** @param percentile in [0, 100]; e.g. 99 */
  double percentile(double percentile) {
    return valueAtRank(rank(percentile, count()));
  }

  /** The percentile of one bootstrap resample of the same size; see the class comment. */
  double resampledPercentile(double percentile, RandomGenerator random) {
    long n = count();
    long r = rank(percentile, n);
    double u = Beta.sample(r, n - r + 1, random);
    return valueAtRank(Math.max(1, (long) Math.ceil(u * n)));
  }

  /** HdrHistogram's rank of a percentile: {@code ceil(p n)}, at least 1. */
  static long rank(double percentile, long count) {
    double p = Math.min(Math.max(Math.nextDown(percentile), 0), 100);
    return Math.max(1, (long) Math.ceil(p * count / 100));
  }

  private double valueAtRank(long rank) {
    if (cumulative.length == 0) return Double.NaN;
    int i = Arrays.binarySearch(cumulative, Math.min(rank, count()));
    return valuesMs[i >= 0 ? i : -i - 1];
  }

  /** Beta variates of shapes >= 1 as a ratio of Gamma variates (Marsaglia and Tsang). */
  static final class Beta {
    private Beta() {}

    static double sample(double a, double b, RandomGenerator random) {
      double x = gamma(a, random);
      return x / (x + gamma(b, random));
    }

    private static double gamma(double shape, RandomGenerator random) {
      double d = shape - 1.0 / 3;
      double c = 1 / Math.sqrt(9 * d);
      while (true) {
        double z = random.nextGaussian();
        double v = Math.pow(1 + c * z, 3);
        if (v <= 0) continue;
        double u = random.nextDouble();
        if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
      }
    }
  }
}
