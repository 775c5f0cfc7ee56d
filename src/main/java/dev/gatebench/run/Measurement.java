package dev.gatebench.run;

import dev.gatebench.metrics.RunResult;
import dev.gatebench.threshold.Numbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One suite × gateway run, measured and on disk: its result, thresholds evaluated, and the file it
 * was written to. Whether the row passed is decided here, once, for JUnit and the command line alike.
 *
 * @param result the run, with every threshold's outcome and measured value
 * @param file its {@code <suite>-<gateway>-<timestamp>.json}
 */
public record Measurement(RunResult result, Path file) {
  public Measurement {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(file, "file");
  }

  /**
   * Why the row fails, or empty when it passed: a run that ended before its schedule (its gateway
   * died, or an abortOnFail threshold failed), or k6's "thresholds on metrics '...' have been crossed"
   * with each crossed threshold and its measured value.
   */
  public Optional<String> failure() {
    if (result.abortedBy().isPresent()) return Optional.of(aborted(result.abortedBy().get()));
    List<String> crossed = crossed();
    if (crossed.isEmpty()) return Optional.empty();
    return Optional.of("thresholds on metrics '" + String.join(", ", crossedMetrics()) + "' have been crossed: "
        + String.join("; ", crossed) + " (" + result.suite() + " against " + result.target() + ").\nIts result is "
        + "in " + file);
  }

  /**
   * @return this, when the row passed
   * @throws AssertionError with {@link #failure()} as its message otherwise
   */
  public Measurement requirePassed() {
    failure().ifPresent(reason -> {
      throw new AssertionError(reason);
    });
    return this;
  }

  /** Each crossed threshold as {@code <metric> <expression> measured <value>}, by metric name. */
  public List<String> crossed() {
    List<String> crossed = new ArrayList<>();
    new TreeMap<>(result.metrics()).forEach((metric, summary) -> summary.thresholds().forEach((expression, outcome) -> {
      if (!outcome.ok()) crossed.add(metric + " " + expression + " measured " + Numbers.format(outcome.measured()));
    }));
    return crossed;
  }

  private List<String> crossedMetrics() {
    return new TreeMap<>(result.metrics()).entrySet().stream()
        .filter(e -> e.getValue().thresholds().values().stream().anyMatch(t -> !t.ok()))
        .map(Map.Entry::getKey).toList();
  }

  private String aborted(String reason) {
    return String.format(Locale.ROOT, "%s against %s was aborted after %.1f s: %s.%nIts result so far is in %s; "
        + "find why in the gateway's log, then re-run", result.suite(), result.target(),
        result.testRunDurationMs() / 1000.0, reason, file);
  }
}
