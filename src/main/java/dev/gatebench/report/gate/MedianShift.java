package dev.gatebench.report.gate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The shift of the median between two samples, with a percentile bootstrap confidence interval
 * (each sample resampled with replacement on its own). Deterministic for a given seed.
 * Stateless and thread-safe.
 */
public final class MedianShift {
  private MedianShift() {}

  /**
   * @param current new samples, at least 1
   * @param baseline reference samples, at least 1
   * @param confidence two-sided level in (0, 1), e.g. 0.99
   * @param resamples bootstrap rounds, >= 100; e.g. 2000
   * @param seed random seed, so the same data give the same interval
   * @return median(current) - median(baseline) and its interval, in the samples' unit
   */
  public static Estimate estimate(double[] current, double[] baseline, double confidence, int resamples,
      long seed) {
    return overheadShift(current, new double[] {0}, baseline, new double[] {0}, confidence, resamples, seed);
  }

  /**
   * The shift of a gateway's overhead over Direct between two runs:
   * {@code [median(current) - median(currentDirect)] - [median(baseline) - median(baselineDirect)]}.
   * Each bootstrap round resamples all four series, so the interval includes the uncertainty of
   * the two Direct medians, which every overhead sample of a run shares.
   *
   * @param current this run's gateway values, at least 1
   * @param currentDirect this run's Direct values, at least 1
   * @param baseline the baseline's gateway values, at least 1
   * @param baselineDirect the baseline's Direct values, at least 1
   * @param confidence two-sided level in (0, 1), e.g. 0.99
   * @param resamples bootstrap rounds, >= 100; e.g. 2000
   * @param seed random seed, so the same data give the same interval
   */
  public static Estimate overheadShift(double[] current, double[] currentDirect, double[] baseline,
      double[] baselineDirect, double confidence, int resamples, long seed) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1) but was " + confidence);
    }
    if (resamples < 100) throw new IllegalArgumentException("resamples must be >= 100 but was " + resamples);
    for (double[] s : new double[][] {current, currentDirect, baseline, baselineDirect}) {
      if (s.length == 0) throw new IllegalArgumentException("samples must not be empty");
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] shifts = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      shifts[r] = median(resample(current, random)) - median(resample(currentDirect, random))
          - median(resample(baseline, random)) + median(resample(baselineDirect, random));
    }
    Arrays.sort(shifts);
    double tail = (1 - confidence) / 2;
    double shift = median(current) - median(currentDirect) - median(baseline) + median(baselineDirect);
    return new Estimate(shift, quantile(shifts, tail), quantile(shifts, 1 - tail), confidence);
  }

  /** The median; the mean of the two middle values for an even count. */
  public static double median(double[] samples) {
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /**
   * Linear interpolation between closest ranks (type 7, R's default) of a sorted array.
   *
   * @param sorted ascending, at least 1 value
   * @param q in [0, 1], e.g. 0.025
   */
  public static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double[] resample(double[] samples, SplittableRandom random) {
    double[] out = new double[samples.length];
    for (int i = 0; i < out.length; i++) out[i] = samples[random.nextInt(samples.length)];
    return out;
  }

  /**
   * @param shift point estimate, median(current) - median(baseline)
   * @param lower lower bound of the interval
   * @param upper upper bound of the interval
   * @param confidence the interval's level, e.g. 0.99
   */
  public record Estimate(double shift, double lower, double upper, double confidence) {}
}
