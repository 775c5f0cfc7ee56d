package dev.gatebench.threshold;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * One k6 threshold on one metric, e.g. {@code p(95)<30000}: an aggregation of the metric, an
 * operator and a bound. Time metrics are compared in ms, as in k6. Immutable and thread-safe.
 *
 * <p>Made by {@link #parse(String)}, by {@link #parse(Map)} for k6's object form, or typed:
 * {@code Threshold.percentile(95).below(Duration.ofSeconds(30))}, {@code Threshold.rate().below(0.1)}.
 *
 * @param expression as k6 keys it in a summary, e.g. {@code p(95)<30000}
 * @param aggregation k6's value name: {@code avg, min, max, med, p(N), rate, count, value}
 * @param operator the comparison
 * @param bound the number compared against, finite; ms for time metrics
 * @param abortOnFail whether a failure stops the run early (k6's {@code abortOnFail})
 * @param delayAbortEval how long into the run before abortOnFail is considered (k6's {@code delayAbortEval})
 */
public record Threshold(String expression, String aggregation, Operator operator, double bound,
    boolean abortOnFail, Optional<Duration> delayAbortEval) {
  private static final Pattern AGGREGATION =
      Pattern.compile("avg|min|max|med|rate|count|value|p\\((100|\\d{1,2})(\\.\\d+)?\\)");

  public Threshold {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(delayAbortEval, "delayAbortEval");
    if (aggregation == null || !AGGREGATION.matcher(aggregation).matches()) {
      throw new IllegalArgumentException("aggregation must be one of avg, min, max, med, p(N), rate, count, "
          + "value but was '" + aggregation + "'");
    }
    if (!Double.isFinite(bound)) throw new IllegalArgumentException("bound must be finite but was " + bound);
    if (delayAbortEval.filter(Duration::isNegative).isPresent()) {
      throw new IllegalArgumentException("delayAbortEval must be >= 0 but was " + delayAbortEval.get());
    }
  }

  /**
   * Parses k6's string form, e.g. {@code p(95)<30000}, {@code p(99.9)<=500}, {@code rate<0.1}.
   *
   * @throws ThresholdException naming the expression, what was expected and an example
   */
  public static Threshold parse(String expression) {
    return ThresholdParser.parse(expression);
  }

  /**
   * Parses k6's object form, e.g. {@code {threshold: "p(95)<30000", abortOnFail: true, delayAbortEval: "10s"}}.
   *
   * @throws ThresholdException for a missing expression, an unknown key or a bad value
   */
  public static Threshold parse(Map<String, ?> k6Object) {
    return ThresholdParser.parseObject(k6Object);
  }

  /** A percentile in [0, 100], e.g. {@code percentile(99.9)}. */
  public static TrendStage percentile(double percentile) {
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in [0, 100] but was " + percentile
          + "; e.g. Threshold.percentile(95)");
    }
    return new TrendStage("p(" + Numbers.exact(percentile) + ")");
  }

  public static TrendStage avg() {
    return new TrendStage("avg");
  }

  public static TrendStage med() {
    return new TrendStage("med");
  }

  public static TrendStage min() {
    return new TrendStage("min");
  }

  public static TrendStage max() {
    return new TrendStage("max");
  }

  /** A rate metric's share of non-zero samples, or a counter's count per second. */
  public static ValueStage rate() {
    return new ValueStage("rate");
  }

  public static ValueStage count() {
    return new ValueStage("count");
  }

  /** A gauge's last value. */
  public static ValueStage value() {
    return new ValueStage("value");
  }

  /** This threshold, stopping the run early when it fails (k6's {@code abortOnFail}). */
  public Threshold abortingOnFail() {
    return new Threshold(expression, aggregation, operator, bound, true, delayAbortEval);
  }

  /** This threshold, not considered for aborting before {@code delay} into the run. */
  public Threshold withDelayAbortEval(Duration delay) {
    return new Threshold(expression, aggregation, operator, bound, abortOnFail, Optional.of(delay));
  }

  /** Whether the measured value satisfies this threshold; false for NaN (no data). */
  public boolean holdsFor(double measured) {
    return operator.holds(measured, bound);
  }

  /** The percentile, for {@code p(N)} thresholds. */
  public OptionalDouble percentile() {
    if (!aggregation.startsWith("p(")) return OptionalDouble.empty();
    return OptionalDouble.of(Double.parseDouble(aggregation.substring(2, aggregation.length() - 1)));
  }

  static Threshold of(String aggregation, Operator operator, double bound) {
    return new Threshold(aggregation + operator.symbol() + Numbers.exact(bound), aggregation, operator,
        bound, false, Optional.empty());
  }

  /** Bounds for trends: times as {@link Duration}s (compared in ms) or plain numbers. */
  public static final class TrendStage {
    private final String aggregation;

    TrendStage(String aggregation) {
      this.aggregation = aggregation;
    }

    public Threshold below(Duration time) {
      return of(aggregation, Operator.LESS_THAN, millis(time));
    }

    public Threshold atMost(Duration time) {
      return of(aggregation, Operator.LESS_OR_EQUAL, millis(time));
    }

    public Threshold above(Duration time) {
      return of(aggregation, Operator.GREATER_THAN, millis(time));
    }

    public Threshold atLeast(Duration time) {
      return of(aggregation, Operator.GREATER_OR_EQUAL, millis(time));
    }

    /** @param bound ms for time trends, the trend's unit otherwise (e.g. tokens/s) */
    public Threshold below(double bound) {
      return of(aggregation, Operator.LESS_THAN, bound);
    }

    public Threshold atMost(double bound) {
      return of(aggregation, Operator.LESS_OR_EQUAL, bound);
    }

    public Threshold above(double bound) {
      return of(aggregation, Operator.GREATER_THAN, bound);
    }

    public Threshold atLeast(double bound) {
      return of(aggregation, Operator.GREATER_OR_EQUAL, bound);
    }

    private static double millis(Duration time) {
      return time.toNanos() / 1e6;
    }
  }

  /** Bounds for rates, counts and gauge values. */
  public static final class ValueStage {
    private final String aggregation;

    ValueStage(String aggregation) {
      this.aggregation = aggregation;
    }

    public Threshold below(double bound) {
      return of(aggregation, Operator.LESS_THAN, bound);
    }

    public Threshold atMost(double bound) {
      return of(aggregation, Operator.LESS_OR_EQUAL, bound);
    }

    public Threshold above(double bound) {
      return of(aggregation, Operator.GREATER_THAN, bound);
    }

    public Threshold atLeast(double bound) {
      return of(aggregation, Operator.GREATER_OR_EQUAL, bound);
    }

    public Threshold equalTo(double bound) {
      return of(aggregation, Operator.EQUAL, bound);
    }
  }
}
