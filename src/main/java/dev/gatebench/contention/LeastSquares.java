package dev.gatebench.contention;

/** The least-squares line through points: its slope, in y units per x unit. */
final class LeastSquares {
  private LeastSquares() {}

  /** NaN for fewer than two points or a single x. */
  static double slope(double[] x, double[] y) {
    if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
    int n = x.length;
    if (n < 2) return Double.NaN;
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < n; i++) {
      meanX += x[i] / n;
      meanY += y[i] / n;
    }
    double covariance = 0;
    double variance = 0;
    for (int i = 0; i < n; i++) {
      covariance += (x[i] - meanX) * (y[i] - meanY);
      variance += (x[i] - meanX) * (x[i] - meanX);
    }
    return variance == 0 ? Double.NaN : covariance / variance;
  }
}
