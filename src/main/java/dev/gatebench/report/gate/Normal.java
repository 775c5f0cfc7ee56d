package dev.gatebench.report.gate;

/** The standard normal distribution's tail, enough for p-values (relative error below 1.2e-7). */
final class Normal {
  private Normal() {}

  /** P(Z &gt; z) for a standard normal Z. */
  static double upperTail(double z) {
    return 0.5 * erfc(z / Math.sqrt(2));
  }

  /**
   * Complementary error function by the Chebyshev fit of Numerical Recipes (erfcc), fractional
   * error below 1.2e-7 everywhere; a gate's alpha of 0.01 needs far less.
   */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277))))))));
    double ans = t * Math.exp(poly);
    return x >= 0 ? ans : 2 - ans;
  }
}
