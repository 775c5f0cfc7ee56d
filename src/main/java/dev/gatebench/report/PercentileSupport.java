package dev.gatebench.report;

import java.util.Locale;

/**
 * Whether a run has enough requests for a percentile to say more than its maximum. With n
 * requests, the p-th percentile is the value of rank {@code ceil(p n)} (HdrHistogram, k6), so it is
 * the maximum until {@code n (1 - p) >= 1}: a p99 needs 100 requests, a p99.9 1,000. Below that the
 * report still shows the figure, greyed and marked, with a footnote. Stateless.
 */
final class PercentileSupport {
  private PercentileSupport() {}

  /**
   * @param percentile in [0, 100), e.g. 99
   * @return the fewest requests for which the percentile is not the maximum, e.g. 100 for p99
   */
  static long minimumCount(double percentile) {
    if (!(percentile >= 0 && percentile < 100)) {
      throw new IllegalArgumentException("percentile must be in [0, 100) but was " + percentile);
    }
    return Math.max(1, (long) Math.ceil(100 / (100 - percentile) - 1e-9));
  }

  /** True when {@code count} requests support the percentile, i.e. it is not simply their maximum. */
  static boolean supported(double percentile, long count) {
    return count >= minimumCount(percentile);
  }

  /** E.g. {@code "p99 of 30 requests is the maximum (a p99 needs at least 100)"}. */
  static String footnote(String label, double percentile, long count) {
    return String.format(Locale.ROOT, "%s of %,d requests is the maximum (a %s needs at least %,d)", label, count,
        label, minimumCount(percentile));
  }
}
