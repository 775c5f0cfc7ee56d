package dev.gatebench.report.gate;

import java.util.Arrays;
import java.util.Objects;

/**
 * The Mann-Whitney U test (Wilcoxon rank-sum) with the normal approximation, tie correction and
 * continuity correction, as R's {@code wilcox.test(exact = FALSE, correct = TRUE)} and SciPy's
 * {@code mannwhitneyu(method="asymptotic")} compute it. Rank-based, so one slow second among
 * sixty moves it little. Stateless and thread-safe.
 */
public final class MannWhitney {
  private MannWhitney() {}

  /**
   * Tests whether {@code current} tends to be larger than (or differs from) {@code baseline}.
   *
   * @param current the new samples, at least 1, no NaN
   * @param baseline the reference samples, at least 1, no NaN
   * @param alternative {@link Alternative#SLOWER}: H1 is "current larger"
   * @return U of {@code current}, the z score and the p-value in [0, 1]
   */
  public static Result test(double[] current, double[] baseline, Alternative alternative) {
    Objects.requireNonNull(alternative, "alternative");
    requireSamples("current", current);
    requireSamples("baseline", baseline);
    int n1 = current.length;
    int n2 = baseline.length;
    Ranks ranks = Ranks.of(current, baseline);
    double u = ranks.rankSumOfFirst() - n1 * (n1 + 1) / 2.0;
    double mean = n1 * (double) n2 / 2;
    int n = n1 + n2;
    double variance = n1 * (double) n2 / 12 * ((n + 1) - ranks.tieTerm() / (n * (double) (n - 1)));
    if (variance <= 0) return new Result(u, 0, 1);
    double z = zScore(u - mean, Math.sqrt(variance), alternative);
    double p = alternative == Alternative.SLOWER ? Normal.upperTail(z) : Math.min(1, 2 * Normal.upperTail(z));
    return new Result(u, z, p);
  }

  private static double zScore(double deviation, double sd, Alternative alternative) {
    if (alternative == Alternative.SLOWER) return (deviation - 0.5) / sd;
    return Math.max(0, Math.abs(deviation) - 0.5) / sd;
  }

  private static void requireSamples(String name, double[] samples) {
    Objects.requireNonNull(samples, name);
    if (samples.length == 0) throw new IllegalArgumentException(name + " samples must not be empty");
    if (Arrays.stream(samples).anyMatch(Double::isNaN)) {
      throw new IllegalArgumentException(name + " samples must not contain NaN");
    }
  }

  /**
   * @param u Mann-Whitney U of the current samples: pairs where current &gt; baseline, ties counted half
   * @param z standardized statistic after continuity correction (for two-sided, of |U - mean|)
   * @param pValue probability of a U at least this extreme under "no difference", in [0, 1]
   */
  public record Result(double u, double z, double pValue) {}

  /** Mid-ranks of two pooled samples and the tie term sum(t^3 - t). */
  record Ranks(double rankSumOfFirst, double tieTerm) {
    static Ranks of(double[] first, double[] second) {
      int n = first.length + second.length;
      double[][] pooled = new double[n][];
      for (int i = 0; i < first.length; i++) pooled[i] = new double[] {first[i], 1};
      for (int i = 0; i < second.length; i++) pooled[first.length + i] = new double[] {second[i], 0};
      Arrays.sort(pooled, (a, b) -> Double.compare(a[0], b[0]));
      double rankSum = 0;
      double tieTerm = 0;
      for (int i = 0; i < n; ) {
        int j = i;
        while (j + 1 < n && pooled[j + 1][0] == pooled[i][0]) j++;
        double midRank = (i + j) / 2.0 + 1;
        int ties = j - i + 1;
        tieTerm += (double) ties * ties * ties - ties;
        for (int k = i; k <= j; k++) rankSum += pooled[k][1] * midRank;
        i = j + 1;
      }
      return new Ranks(rankSum, tieTerm);
    }
  }
}
