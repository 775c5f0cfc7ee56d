package dev.gatebench.threshold;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting for expressions and every threshold message: {@code 30000}, {@code 0.1}, {@code 412.345}. */
public final class Numbers {
  private Numbers() {}

  /** Without a trailing {@code .0}, at most 3 decimals; {@code NaN} as {@code "no data"}. */
  public static String format(double value) {
    if (Double.isNaN(value)) return "no data";
    if (Double.isInfinite(value)) return value > 0 ? "Infinity" : "-Infinity";
    return new BigDecimal(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** Exact, for expressions: {@code 30000}, {@code 0.1}, {@code 99.9}. */
  static String exact(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
