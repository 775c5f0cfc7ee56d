package dev.gatebench.threshold;

import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.MetricSummary.ThresholdOutcome;
import dev.gatebench.metrics.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The thresholds of a run: metric name → thresholds, as k6's {@code options.thresholds}.
 * Immutable and thread-safe; {@link #and} returns a new value.
 *
 * <pre>{@code
 * Thresholds t = Thresholds.of(Map.of("chat_completion_latency", List.of("p(95)<30000"),
 *     "error_rate", List.of("rate<0.1")));
 * RunResult checked = t.evaluate(result);
 * }</pre>
 */
public final class Thresholds {
  private final Map<String, List<Threshold>> byMetric;

  private Thresholds(Map<String, List<Threshold>> byMetric) {
    Map<String, List<Threshold>> copy = new LinkedHashMap<>();
    byMetric.forEach((metric, list) -> copy.put(metric, List.copyOf(list)));
    this.byMetric = Collections.unmodifiableMap(copy);
  }

  public static Thresholds none() {
    return new Thresholds(Map.of());
  }

  /**
   * From k6 expressions, e.g. {@code {"error_rate": ["rate<0.1"]}}.
   *
   * @throws ThresholdException for the first expression that does not parse
   */
  public static Thresholds of(Map<String, List<String>> expressions) {
    Map<String, List<Threshold>> parsed = new LinkedHashMap<>();
    expressions.forEach((metric, list) -> parsed.put(metric, list.stream().map(Threshold::parse).toList()));
    return new Thresholds(parsed);
  }

  /**
   * From k6's {@code options.thresholds} as JSON-like values: each entry a string or an object
   * {@code {threshold, abortOnFail, delayAbortEval}}.
   */
  public static Thresholds fromK6(Map<String, ? extends List<?>> k6Thresholds) {
    Map<String, List<Threshold>> parsed = new LinkedHashMap<>();
    k6Thresholds.forEach((metric, list) -> parsed.put(metric, list.stream().map(Thresholds::parseEntry).toList()));
    return new Thresholds(parsed);
  }

  @SuppressWarnings("unchecked")
  private static Threshold parseEntry(Object entry) {
    if (entry instanceof String expression) return Threshold.parse(expression);
    if (entry instanceof Map<?, ?> object) return Threshold.parse((Map<String, ?>) object);
    throw new ThresholdException("Invalid threshold " + entry + ": expected an expression string or an "
        + "object; e.g. 'p(95)<30000' or {threshold: 'p(95)<30000', abortOnFail: true}");
  }

  /** These thresholds plus {@code more} on {@code metric}. */
  public Thresholds and(String metric, Threshold... more) {
    Map<String, List<Threshold>> copy = new LinkedHashMap<>(byMetric);
    List<Threshold> list = new ArrayList<>(copy.getOrDefault(metric, List.of()));
    list.addAll(Arrays.asList(more));
    copy.put(metric, list);
    return new Thresholds(copy);
  }

  /** Metric name → its thresholds, in the order given. */
  public Map<String, List<Threshold>> asMap() {
    return byMetric;
  }

  public boolean isEmpty() {
    return byMetric.isEmpty();
  }

  /**
   * Fails fast, before a run, on a threshold naming a metric outside {@code known}, e.g.
   * {@code thresholds.checkMetricNames(MetricNames.all())}.
   *
   * @return this, for chaining
   * @throws ThresholdException naming the first unknown metric and the known ones
   */
  public Thresholds checkMetricNames(Set<String> known) {
    byMetric.forEach((metric, thresholds) -> {
      if (!known.contains(metric)) throw unknownMetric(metric, thresholds, known);
    });
    return this;
  }

  /**
   * A copy of {@code result} whose metric summaries carry every threshold's outcome and measured
   * value. A threshold on a metric without samples fails, with measured NaN.
   *
   * @throws ThresholdException for a metric the run did not record, or an aggregation its type lacks
   */
  public RunResult evaluate(RunResult result) {
    Map<String, MetricSummary> metrics = new LinkedHashMap<>(result.metrics());
    byMetric.forEach((metric, thresholds) -> {
      MetricSummary summary = summaryOf(metric, thresholds, result.metrics());
      Map<String, ThresholdOutcome> outcomes = new LinkedHashMap<>(summary.thresholds());
      for (Threshold t : thresholds) {
        double measured = MetricValues.measure(result, metric, summary, t.aggregation());
        outcomes.put(t.expression(), new ThresholdOutcome(t.holdsFor(measured), measured));
      }
      metrics.put(metric, new MetricSummary(summary.type(), summary.contains(), summary.values(), outcomes));
    });
    return result.withMetrics(metrics);
  }

  /** Whether any threshold is abortOnFail, i.e. whether live summaries need computing during a run. */
  public boolean anyAbortOnFail() {
    return byMetric.values().stream().flatMap(List::stream).anyMatch(Threshold::abortOnFail);
  }

  /** As {@link #abortingFailures(Map, Duration)} with every delayAbortEval already past. */
  public List<String> abortingFailures(Map<String, MetricSummary> live) {
    return abortingFailures(live, Duration.ofDays(365_000));
  }

  /**
   * The abortOnFail thresholds that fail on the live summaries, e.g.
   * {@code ["chat_completion_latency p(95)<30000 failed: measured 31234.5"]}; empty to carry on.
   * Thresholds still within their delayAbortEval, and metrics without samples yet, are skipped.
   *
   * @param elapsed time since the run started
   * @throws ThresholdException for a metric the summaries do not have
   */
  public List<String> abortingFailures(Map<String, MetricSummary> live, Duration elapsed) {
    List<String> failures = new ArrayList<>();
    byMetric.forEach((metric, thresholds) -> {
      MetricSummary summary = summaryOf(metric, thresholds, live);
      for (Threshold t : thresholds) {
        if (!t.abortOnFail() || t.delayAbortEval().filter(d -> elapsed.compareTo(d) < 0).isPresent()) continue;
        double measured = MetricValues.measure(metric, summary, t.aggregation(), Optional.empty());
        if (!Double.isNaN(measured) && !t.holdsFor(measured)) {
          failures.add(metric + " " + t.expression() + " failed: measured " + Numbers.format(measured));
        }
      }
    });
    return failures;
  }

  private static MetricSummary summaryOf(String metric, List<Threshold> thresholds,
      Map<String, MetricSummary> metrics) {
    MetricSummary summary = metrics.get(metric);
    if (summary != null) return summary;
    throw unknownMetric(metric, thresholds, metrics.keySet());
  }

  private static ThresholdException unknownMetric(String metric, List<Threshold> thresholds, Set<String> known) {
    String named = thresholds.isEmpty() ? "Thresholds" : "Threshold " + thresholds.get(0).expression();
    return new ThresholdException(named + " names metric '" + metric
        + "', which this run does not record; check the name against the recorded metrics: "
        + new TreeSet<>(known));
  }

  @Override
  public String toString() {
    Map<String, List<String>> expressions = new LinkedHashMap<>();
    byMetric.forEach((m, list) -> expressions.put(m, list.stream().map(Threshold::expression).toList()));
    return "Thresholds" + expressions;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Thresholds other && byMetric.equals(other.byMetric);
  }

  @Override
  public int hashCode() {
    return byMetric.hashCode();
  }
}
