package dev.gatebench.metrics;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one run measured, written as {@code <suite>-<target>-<timestamp>.json}. Its
 * {@code metrics} and {@code state} follow k6's end-of-test summary so that tools reading k6
 * summaries read ours; the rest is gatebench's.
 *
 * <p>Successes and failures are kept apart, as k6 splits {@code http_req_duration} by
 * {@code expected_response}. In the JSON:
 * <pre>{@code
 * "metrics": {
 *   "chat_completion_latency": {"type": "trend", "contains": "time", "values": {"med": 412.3, ..., "count": 980}},
 *   "failed_request_duration": {"type": "trend", "contains": "time", "values": {"med": 0.4, ..., "count": 20}},
 *   "requests_failed":         {"type": "counter", "contains": "default", "values": {"count": 20, "rate": 0.33}},
 *   "errors_connect_refused":  {"type": "counter", "contains": "default", "values": {"count": 18, "rate": 0.3}},
 *   "errors_reset":            {"type": "counter", "contains": "default", "values": {"count": 2, "rate": 0.03}}, ...
 * },
 *   "generator_schedule_lag":  {"type": "trend", "contains": "time", "values": {"med": 0.08, "p(99)": 0.9, "max": 2.1, ..., "count": 1000}},
 *   "dropped_iterations":      {"type": "counter", "contains": "default", "values": {"count": 0, "rate": 0}}, ...
 * },
 * "environment": {
 *   "abortedBy": "gateway LiteLLM (pid 4242) exited with status 137 ...",
 *   "trustworthy": false,
 *   "untrustworthyBecause": "the load generator fell behind its schedule: generator_schedule_lag p(99) 312.4 ms ...",
 *   "generator": {"maxLag": "5ms", "lagCheck": "p(99)<5", "lagP50Ms": 0.1, "lagP99Ms": 312.4, "lagMaxMs": 301.9,
 *                 "lagSamples": 100, "cpuTimeMs": 412.0, "cpuShareOfOneCore": 0.21, "busiestThreadShare": 0.12,
 *                 "threads": 2, "cpuCovers": "...", "jvmCpuTimeMs": 980.0, "jvmCpuCovers": "...",
 *                 "gcCollector": "Serial", "gcPauses": 3, "gcPauseMs": 102, "gcLongestPauseMs": 34, "gcPauseShare": 0.003,
 *                 "runQueueWaitMs": 2100.0, "runQueueWaitShare": 0.07, "runQueueWaitSource": "/proc/self/task/<tid>/schedstat",
 *                 "likeliestCause": "machine"}, ...
 * }
 * }</pre>
 * The latency trends ({@link MetricNames#LATENCY_TRENDS}) and {@code tokens_per_second} count
 * successful requests only; {@code failed_request_duration} times the failed ones, and
 * {@code errors_<kind>} counts them per {@link ErrorKind} (see {@link #errorsByKind()}).
 * {@code environment.abortedBy} is present when the run ended before its schedule, and says why:
 * failed abortOnFail thresholds, or the target stopped answering (see {@link #abortedBy()}).
 *
 * <p>Whether the load generator kept its schedule, for readers that must not mistake a late
 * generator for a slow gateway:
 * <ul>
 *   <li>{@code metrics.generator_schedule_lag} (trend, ms): how late each scheduled start was
 *       ({@link MetricNames#GENERATOR_SCHEDULE_LAG}); open models time every arrival, closed models
 *       every wake-up after think time; {@code count: 0} when the scenario scheduled nothing
 *       (a closed model without think time).</li>
 *   <li>{@code metrics.dropped_iterations} (counter): open-model arrivals that found no free VU
 *       within {@code maxVUs} and were not sent (k6's name and meaning).</li>
 *   <li>{@code environment.trustworthy} (boolean, {@link #TRUSTWORTHY}): false when the
 *       generator's lag p(99) reached {@code gatebench.generator.maxLag}; then
 *       {@code environment.untrustworthyBecause} (text, {@link #UNTRUSTWORTHY_BECAUSE}) says by how
 *       much and what to do. Absent in files written before the check existed: read it with
 *       {@link #trustworthy()}, which counts absent as trustworthy.</li>
 *   <li>{@code environment.generator} (object, {@link #GENERATOR}): the bound ({@code maxLag} as
 *       set, {@code lagCheck} as a k6 threshold in ms), the lag's {@code lagP50Ms},
 *       {@code lagP99Ms}, {@code lagMaxMs} and {@code lagSamples}, and the generator's own CPU:
 *       {@code cpuTimeMs} of the load engine's event-loop threads over the run (the HTTP driver,
 *       response parsing and recording; {@code cpuCovers} says so), {@code cpuShareOfOneCore}
 *       (that time / run time), {@code busiestThreadShare} (the busiest loop thread's share: near
 *       1.0 means the generator itself was saturated), {@code threads}, and {@code jvmCpuTimeMs}
 *       of the whole JVM over the run (also GC, JIT and an in-process mock; {@code jvmCpuCovers}).
 *       CPU keys are absent where the JVM cannot measure thread CPU time. Why it was late: the JVM's
 *       GC pauses over the run ({@code gcCollector}, {@code gcPauses}, {@code gcPauseMs},
 *       {@code gcLongestPauseMs}, {@code gcForcedPauseMs} of full collections gatebench asked for,
 *       {@code gcPauseShare} of the run), the event loops' run-queue wait,
 *       time ready to run but not on a CPU ({@code runQueueWaitMs} summed over the loops,
 *       {@code runQueueWaitShare}: the most-waiting loop's share of the run; Linux only, else
 *       {@code runQueueWaitUnavailable} says why), and for an untrustworthy run
 *       {@code likeliestCause}: {@code machine}, {@code gc}, {@code heap-readings}, {@code generator-cpu} or
 *       {@code unexplained}, also named in {@code untrustworthyBecause}.</li>
 * </ul>
 *
 * <p>{@code scenario} and {@code environment} values are stored as they read back from JSON: whole
 * numbers as Integer (Long beyond int range), other numbers as Double, enums by name, durations
 * and times as ISO-8601 text; read them as {@link Number} rather than a particular box type.
 *
 * @param suite e.g. {@code baseline}; not blank
 * @param target the gateway row, e.g. {@code litellm}; not blank
 * @param startedAt wall-clock start of the run
 * @param testRunDurationMs k6's {@code state.testRunDurationMs}, >= 0
 * @param metrics k6 metric name → summary ({@code chat_completion_latency}, {@code error_rate}, …)
 * @param timeSeries one entry a second
 * @param histograms metric name → HdrHistogram (ns) in its compressed, base64 encoding, lossless,
 *     for percentile distributions and re-analysis
 * @param scenario the executor and its options as k6 would write them, plus think time and time scale
 * @param config the settings in force, secrets redacted
 * @param environment machine facts (cores, memory, OS, JVM), harness version, gateway facts
 *     (version, workers, limits, upstream profile) and resource use: free-form, JSON-friendly values
 */
public record RunResult(String suite, String target, Instant startedAt, long testRunDurationMs,
    Map<String, MetricSummary> metrics, List<IntervalStats> timeSeries, Map<String, String> histograms,
    Map<String, Object> scenario, Map<String, String> config, Map<String, Object> environment) {
  /** The {@code environment} key of {@link #abortedBy()}. */
  public static final String ABORTED_BY = "abortedBy";
  /** The {@code environment} key of {@link #trustworthy()}: a boolean. */
  public static final String TRUSTWORTHY = "trustworthy";
  /** The {@code environment} key of {@link #untrustworthyBecause()}: text, present only when untrustworthy. */
  public static final String UNTRUSTWORTHY_BECAUSE = "untrustworthyBecause";
  /** The {@code environment} key of the load generator's facts: its lag bound, lag and CPU. */
  public static final String GENERATOR = "generator";

  public RunResult {
    if (suite == null || suite.isBlank()) throw new IllegalArgumentException("suite must not be blank but was '" + suite + "'");
    if (target == null || target.isBlank()) throw new IllegalArgumentException("target must not be blank but was '" + target + "'");
    Objects.requireNonNull(startedAt, "startedAt");
    if (testRunDurationMs < 0) {
      throw new IllegalArgumentException("testRunDurationMs must be >= 0 but was " + testRunDurationMs);
    }
    metrics = Map.copyOf(metrics);
    timeSeries = List.copyOf(timeSeries);
    histograms = Map.copyOf(histograms);
    // Canonical JSON forms, so that a result read back from its file equals this one.
    scenario = JsonValues.canonicalMap(scenario);
    config = Map.copyOf(config);
    environment = JsonValues.canonicalMap(environment);
  }

  public Optional<MetricSummary> metric(String name) {
    return Optional.ofNullable(metrics.get(name));
  }

  /**
   * Why the run ended before its schedule, e.g. {@code error_rate rate<0.1 failed: measured 0.4} or
   * {@code gateway LiteLLM (pid 4242) exited with status 137; its log: target/gatebench-logs/litellm.log};
   * empty for a run that ran its course.
   */
  public Optional<String> abortedBy() {
    return Optional.ofNullable(environment.get(ABORTED_BY)).map(Object::toString);
  }

  /**
   * False when the load generator fell behind its schedule by more than its bound
   * ({@code gatebench.generator.maxLag}), so that this run's latencies include the generator's
   * own delay; true otherwise, and for results written before the check existed.
   */
  public boolean trustworthy() {
    return !Boolean.FALSE.equals(environment.get(TRUSTWORTHY));
  }

  /**
   * Why this run's numbers cannot be trusted, e.g. {@code the load generator fell behind its
   * schedule: generator_schedule_lag p(99) 312.4 ms >= gatebench.generator.maxLag 5ms ...}; empty
   * for a trustworthy run.
   */
  public Optional<String> untrustworthyBecause() {
    return trustworthy() ? Optional.empty()
        : Optional.of(String.valueOf(environment.getOrDefault(UNTRUSTWORTHY_BECAUSE, "unknown")));
  }

  /** Failed requests per kind, kinds without failures left out, in {@link ErrorKind} order; empty for a clean run. */
  public Map<ErrorKind, Long> errorsByKind() {
    Map<ErrorKind, Long> byKind = new EnumMap<>(ErrorKind.class);
    for (ErrorKind kind : ErrorKind.values()) {
      long count = metric(MetricNames.errors(kind)).map(m -> m.values().getOrDefault("count", 0.0)).orElse(0.0)
          .longValue();
      if (count > 0) byKind.put(kind, count);
    }
    return Collections.unmodifiableMap(byKind);
  }

  /**
   * The stored histogram of a latency metric, values in ns, decoded; empty when none was stored.
   *
   * @throws IllegalArgumentException when the stored text is not an encoded histogram
   */
  public Optional<org.HdrHistogram.Histogram> histogram(String name) {
    return Optional.ofNullable(histograms.get(name)).map(HistogramCodec::decode);
  }

  /** A copy with other metric summaries, e.g. with threshold outcomes filled in. */
  public RunResult withMetrics(Map<String, MetricSummary> newMetrics) {
    return new RunResult(suite, target, startedAt, testRunDurationMs, newMetrics, timeSeries, histograms,
        scenario, config, environment);
  }

  /** A copy with more environment facts (resource use, gateway metrics deltas) merged in. */
  public RunResult withEnvironment(Map<String, Object> more) {
    Map<String, Object> merged = new LinkedHashMap<>(environment);
    merged.putAll(more);
    return new RunResult(suite, target, startedAt, testRunDurationMs, metrics, timeSeries, histograms,
        scenario, config, merged);
  }
}
