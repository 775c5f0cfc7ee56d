package dev.gatebench.metrics;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a result file: k6's end-of-test summary ({@code metrics}, {@code state}) and
 * gatebench's own keys. Package-private: users see {@link RunResult}.
 */
@JsonPropertyOrder({"suite", "target", "startedAt", "state", "metrics", "timeSeries", "scenario",
    "config", "environment", "harness", "histograms"})
record ResultDocument(String suite, String target, String startedAt, State state,
    Map<String, MetricSummary> metrics, List<IntervalStats> timeSeries, Map<String, String> histograms,
    Map<String, Object> scenario, Map<String, String> config, Map<String, Object> environment,
    Harness harness) {

  /** k6's {@code state}. */
  record State(long testRunDurationMs) {}

  /** Which harness wrote the file. */
  record Harness(String name, String version) {}

  static ResultDocument of(RunResult r) {
    return new ResultDocument(r.suite(), r.target(), r.startedAt().toString(),
        new State(r.testRunDurationMs()), r.metrics(), r.timeSeries(), r.histograms(), r.scenario(),
        Redaction.redact(r.config()), r.environment(),
        new Harness(MachineInfo.HARNESS_NAME, MachineInfo.harnessVersion()));
  }

  /** @throws IllegalArgumentException naming the first missing key */
  RunResult toRunResult() {
    require(suite, "suite");
    require(target, "target");
    require(startedAt, "startedAt");
    require(state, "state");
    require(metrics, "metrics");
    return new RunResult(suite, target, Instant.parse(startedAt), state.testRunDurationMs(), metrics,
        orEmpty(timeSeries), orEmpty(histograms), orEmpty(scenario), orEmpty(config), orEmpty(environment));
  }

  private static void require(Object value, String key) {
    if (value == null) throw new IllegalArgumentException("missing key '" + key + "'");
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
