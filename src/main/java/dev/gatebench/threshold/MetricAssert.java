package dev.gatebench.threshold;

import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.RunResult;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one metric of a run; pick a value to compare, as k6 names it. */
public class MetricAssert extends AbstractAssert<MetricAssert, MetricSummary> {
  private final String name;
  private final RunResult run;
  private final String runDescription;

  protected MetricAssert(MetricSummary actual, String name, RunResult run, String runDescription) {
    super(actual, MetricAssert.class);
    this.name = name;
    this.run = run;
    this.runDescription = runDescription;
  }

  /** A percentile in [0, 100]; from the summary, or from the stored histogram when not listed. */
  public MetricValueAssert percentile(double percentile) {
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in [0, 100] but was " + percentile + "; e.g. percentile(95)");
    }
    return value("p(" + Numbers.exact(percentile) + ")");
  }

  public MetricValueAssert rate() {
    return value("rate");
  }

  public MetricValueAssert count() {
    return value("count");
  }

  public MetricValueAssert avg() {
    return value("avg");
  }

  public MetricValueAssert med() {
    return value("med");
  }

  public MetricValueAssert min() {
    return value("min");
  }

  public MetricValueAssert max() {
    return value("max");
  }

  /**
   * Any k6 value by name: {@code avg}, {@code p(95)}, {@code rate}, {@code value}, …
   *
   * @throws ThresholdException when a metric of this type has no such value
   */
  public MetricValueAssert value(String valueName) {
    isNotNull();
    double measured = MetricValues.measure(run, name, actual, valueName);
    boolean time = "time".equals(actual.contains()) && !"count".equals(valueName);
    return new MetricValueAssert(measured, name + " " + valueName, time, runDescription);
  }
}
