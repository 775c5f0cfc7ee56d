package dev.gatebench.threshold;

import java.time.Duration;
import org.assertj.core.api.AbstractAssert;

/**
 * Comparisons of one metric value. Time values are in ms and compare with {@link Duration}s; other
 * values compare with plain numbers. A value without samples (NaN) fails every comparison.
 */
public class MetricValueAssert extends AbstractAssert<MetricValueAssert, Double> {
  private final String what;
  private final boolean time;
  private final String runDescription;

  protected MetricValueAssert(double actual, String what, boolean time, String runDescription) {
    super(actual, MetricValueAssert.class);
    this.what = what;
    this.time = time;
    this.runDescription = runDescription;
  }

  public MetricValueAssert isLessThan(Duration bound) {
    return compare(Operator.LESS_THAN, millis(bound), " (" + bound + ")");
  }

  public MetricValueAssert isLessThanOrEqualTo(Duration bound) {
    return compare(Operator.LESS_OR_EQUAL, millis(bound), " (" + bound + ")");
  }

  public MetricValueAssert isGreaterThan(Duration bound) {
    return compare(Operator.GREATER_THAN, millis(bound), " (" + bound + ")");
  }

  public MetricValueAssert isGreaterThanOrEqualTo(Duration bound) {
    return compare(Operator.GREATER_OR_EQUAL, millis(bound), " (" + bound + ")");
  }

  /** @param bound ms for time metrics, the metric's own unit otherwise */
  public MetricValueAssert isLessThan(double bound) {
    return compare(Operator.LESS_THAN, bound, "");
  }

  public MetricValueAssert isLessThanOrEqualTo(double bound) {
    return compare(Operator.LESS_OR_EQUAL, bound, "");
  }

  public MetricValueAssert isGreaterThan(double bound) {
    return compare(Operator.GREATER_THAN, bound, "");
  }

  public MetricValueAssert isGreaterThanOrEqualTo(double bound) {
    return compare(Operator.GREATER_OR_EQUAL, bound, "");
  }

  public MetricValueAssert isEqualTo(double expected) {
    return compare(Operator.EQUAL, expected, "");
  }

  private MetricValueAssert compare(Operator operator, double bound, String boundNote) {
    if (operator.holds(actual, bound)) return myself;
    String unit = time ? " ms" : "";
    String measured = Double.isNaN(actual) ? "there were no samples" : "was " + Numbers.format(actual) + unit;
    failWithMessage("%s", "Expected " + what + " " + operator.symbol() + " " + Numbers.format(bound) + unit
        + boundNote + "\nbut " + measured + "\n" + runDescription);
    return myself;
  }

  private double millis(Duration bound) {
    if (!time) {
      throw new IllegalArgumentException(what + " is not a time; compare it with a number, e.g. isLessThan(0.1)");
    }
    return bound.toNanos() / 1e6;
  }
}
