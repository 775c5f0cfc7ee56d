package dev.gatebench.run;

import dev.gatebench.load.Scenario;
import dev.gatebench.threshold.Threshold;
import dev.gatebench.threshold.Thresholds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A benchmark suite as a declaration, written once: its name, its load shape at full length (its
 * {@link RowPlan}) and its k6 thresholds, like Gatling's {@code setUp(...).assertions(...)}. {@link BenchRun#run} scales
 * the scenario by {@code gatebench.timeScale}, evaluates the thresholds and fails the row that
 * crosses one with k6's message. Immutable: each {@code withX}/{@code threshold} returns a new value.
 *
 * <pre>{@code
 * Suite.of(Scenario.perVuIterations(1, 30).thinkTime(ofSeconds(1)))
 *     .threshold(CHAT_COMPLETION_LATENCY, "p(95)<30000")
 *     .threshold(ERROR_RATE, "rate<0.1");
 * }</pre>
 *
 * @param name the suite's name in result files and reports, e.g. {@code baseline}; empty until named
 *     (a JUnit suite class is named by its {@code @Tag})
 * @param plan how each row runs: the load shape at full length, once ({@link RowPlan#once}), or
 *     several runs per row ({@link RowPlan#plainThenStreamed}, {@link RowPlan#capacitySweep})
 * @param thresholds k6 thresholds per metric
 * @param settings settings this suite runs with, over the configuration's, e.g. {@code gatebench.stream=true}
 */
public record Suite(Optional<String> name, RowPlan plan, Thresholds thresholds, Map<String, String> settings) {
  public Suite {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(thresholds, "thresholds");
    settings = Map.copyOf(settings);
    name.filter(n -> !n.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")).ifPresent(n -> {
      throw new IllegalArgumentException("suite name must be letters, digits, '_', '.' or '-' (it is part of "
          + "result file names) but was '" + n + "'; e.g. baseline");
    });
  }

  /** An unnamed suite that runs this scenario once per row ({@link RowPlan#once}), without thresholds. */
  public static Suite of(Scenario scenario) {
    return of(RowPlan.once(scenario));
  }

  /**
   * An unnamed suite that runs each row as {@code plan} says, without thresholds, e.g.
   * {@code Suite.of(RowPlan.capacitySweep())}.
   */
  public static Suite of(RowPlan plan) {
    return new Suite(Optional.empty(), plan, Thresholds.none(), Map.of());
  }

  public Suite named(String suiteName) {
    return new Suite(Optional.of(suiteName), plan, thresholds, settings);
  }

  /**
   * Adds k6 thresholds on {@code metric}, e.g. {@code threshold("error_rate", "rate<0.1")}.
   *
   * @throws dev.gatebench.threshold.ThresholdException for an expression that does not parse
   */
  public Suite threshold(String metric, String... expressions) {
    Threshold[] parsed = java.util.Arrays.stream(expressions).map(Threshold::parse).toArray(Threshold[]::new);
    return new Suite(name, plan, thresholds.and(metric, parsed), settings);
  }

  /** Adds typed thresholds, e.g. {@code threshold(CHAT_COMPLETION_LATENCY, Threshold.percentile(95).below(...))}. */
  public Suite threshold(String metric, Threshold... more) {
    return new Suite(name, plan, thresholds.and(metric, more), settings);
  }

  /** A setting for this suite's runs only, e.g. {@code withSetting("gatebench.stream", "true")}. */
  public Suite withSetting(String setting, String value) {
    Map<String, String> copy = new LinkedHashMap<>(settings);
    copy.put(setting, value);
    return new Suite(name, plan, thresholds, copy);
  }

  /** @throws IllegalStateException when the suite was never named */
  String requireName() {
    return name.orElseThrow(() -> new IllegalStateException("this suite has no name, so its results could not be "
        + "filed; name it: Suite.of(...).named(\"baseline\"), or put @Tag(\"baseline\") on its suite class"));
  }
}
