package dev.gatebench.report;

import dev.gatebench.report.gate.MedianShift;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * A gateway's overhead over Direct at one percentile, with a percentile bootstrap confidence
 * interval: each round resamples both rows' requests on their own (from their histograms, see
 * {@link HistogramSample}) and takes the difference of their percentiles. The interval says how far
 * the overhead could move if the same runs were repeated with the same number of requests; it does
 * not cover what differs between runs (another machine, another hour). Deterministic (fixed seed);
 * stateless.
 */
final class OverheadInterval {
  /** Two-sided level of the report's intervals. */
  static final double CONFIDENCE = 0.95;
  static final int RESAMPLES = 2000;
  private static final long SEED = 20_261_127L;

  private OverheadInterval() {}

  /**
   * @param gateway the gateway row's latency histogram, ns
   * @param direct the Direct row's latency histogram of the same suite, ns
   * @param percentile e.g. 95
   * @return the overhead (gateway minus Direct, ms) and its 95 % interval; empty when a row has no requests
   */
  static Optional<MedianShift.Estimate> of(Histogram gateway, Histogram direct, double percentile) {
    return of(HistogramSample.of(gateway), HistogramSample.of(direct), percentile, CONFIDENCE, RESAMPLES);
  }

  static Optional<MedianShift.Estimate> of(HistogramSample gateway, HistogramSample direct, double percentile,
      double confidence, int resamples) {
    if (gateway.count() == 0 || direct.count() == 0) return Optional.empty();
    SplittableRandom random = new SplittableRandom(SEED + Double.hashCode(percentile));
    double[] differences = new double[resamples];
    for (int i = 0; i < resamples; i++) {
      differences[i] = gateway.resampledPercentile(percentile, random) - direct.resampledPercentile(percentile, random);
    }
    Arrays.sort(differences);
    double tail = (1 - confidence) / 2;
    double point = gateway.percentile(percentile) - direct.percentile(percentile);
    return Optional.of(new MedianShift.Estimate(point, MedianShift.quantile(differences, tail),
        MedianShift.quantile(differences, 1 - tail), confidence));
  }
}
