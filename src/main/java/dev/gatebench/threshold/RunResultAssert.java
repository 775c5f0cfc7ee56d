package dev.gatebench.threshold;

import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.MetricSummary.ThresholdOutcome;
import dev.gatebench.metrics.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link RunResult}; failure messages name the metric, the expectation, the
 * measured value and the run (suite, target, file when known). Not thread-safe, as AssertJ.
 */
public class RunResultAssert extends AbstractAssert<RunResultAssert, RunResult> {
  private Path file;

  protected RunResultAssert(RunResult actual, Path file) {
    super(actual, RunResultAssert.class);
    this.file = file;
  }

  /** Names the result file in failure messages, e.g. the path {@code RunResultJson.write} returned. */
  public RunResultAssert inFile(Path resultFile) {
    this.file = resultFile;
    return myself;
  }

  /** Assertions on one metric; fails when the run did not record it. */
  public MetricAssert metric(String name) {
    isNotNull();
    MetricSummary summary = actual.metrics().get(name);
    if (summary == null) {
      failWithMessage("%s", "Expected metric '" + name + "' but the run has only "
          + new TreeSet<>(actual.metrics().keySet()) + "\n" + runDescription());
    }
    return new MetricAssert(summary, name, actual, runDescription());
  }

  /**
   * Every evaluated threshold held. Fails too when none was evaluated: a gate that checked nothing
   * must not pass silently.
   */
  public RunResultAssert passesThresholds() {
    isNotNull();
    List<String> failed = new ArrayList<>();
    int evaluated = 0;
    for (Map.Entry<String, MetricSummary> metric : actual.metrics().entrySet()) {
      for (Map.Entry<String, ThresholdOutcome> t : metric.getValue().thresholds().entrySet()) {
        evaluated++;
        if (!t.getValue().ok()) {
          failed.add("  " + metric.getKey() + " " + t.getKey() + ": measured " + Numbers.format(t.getValue().measured()));
        }
      }
    }
    if (evaluated == 0) {
      failWithMessage("%s", "Expected the run to pass its thresholds but none were evaluated; evaluate them "
          + "first with Thresholds.evaluate(result)\n" + runDescription());
    }
    if (!failed.isEmpty()) {
      failWithMessage("%s", "Expected the run to pass its thresholds but " + failed.size() + " of " + evaluated
          + " failed:\n" + String.join("\n", failed) + "\n" + runDescription());
    }
    return myself;
  }

  String runDescription() {
    return "in run '" + actual.suite() + "' against '" + actual.target() + "'"
        + (file == null ? "" : " (file " + file + ")");
  }
}
