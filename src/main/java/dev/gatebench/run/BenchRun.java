package dev.gatebench.run;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.metrics.ResultFileException;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.metrics.RunResultJson;
import dev.gatebench.report.ComparisonReport;
import dev.gatebench.session.BenchStack;
import dev.gatebench.upstream.MockUpstream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The measured run of a {@link Suite} against a gateway, the same under JUnit and on the command
 * line: one chat completion checked first ({@code gatebench.checkTimeout}), then the suite's
 * {@link RowPlan}: for most suites the scenario scaled by {@code gatebench.timeScale}, the gateway's CPU,
 * memory and Prometheus metrics watched, the load driven (ended early if the gateway dies,
 * {@code gatebench.deadAfter}), thresholds evaluated, and {@code <suite>-<gateway>-<timestamp>.json} written. Every run is kept for the comparison report,
 * also one whose file could not be written. Gateways are measured one at a time (the mock's counters
 * are per run); {@link #results()} is thread-safe.
 */
public final class BenchRun {
  private final BenchConfig config;
  private final Optional<MockUpstream> mock;
  private final Map<String, Object> upstreamFacts;
  private final List<RunResult> results = new ArrayList<>();
  private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();

  /**
   * @param mock the mock upstream when gateways are sent to it, for its counters; empty for a real provider
   * @param upstreamFacts which upstream and its latency profile, recorded with every result
   */
  public BenchRun(BenchConfig config, Optional<MockUpstream> mock, Map<String, Object> upstreamFacts) {
    this.config = Objects.requireNonNull(config, "config");
    this.mock = Objects.requireNonNull(mock, "mock");
    this.upstreamFacts = Collections.unmodifiableMap(new LinkedHashMap<>(upstreamFacts));
  }

  /** Runs against a started stack: its mock and its upstream's facts. */
  public static BenchRun on(BenchConfig config, BenchStack stack) {
    return new BenchRun(config, stack.mock(), stack.upstreamFacts());
  }

  public BenchConfig config() {
    return config;
  }

  /**
   * Measures {@code suite} against {@code gateway} as its {@link RowPlan} says. Whether the row passed
   * is the returned row's {@link RowResult#failure()}: the caller reports the runs first, then fails it.
   *
   * @throws RowSkippedException when the suite's plan cannot run against this upstream (nothing measured)
   * @throws AssertionError when the gateway does not answer one chat completion correctly (nothing measured)
   * @throws ResultFileException after keeping the run, when its file could not be written
   */
  public RowResult run(Suite suite, Gateway gateway) {
    String name = suite.requireName();
    BenchConfig settings = config.with(suite.settings());
    suite.plan().cannotRun(mock, gateway).ifPresent(reason -> {
      throw new RowSkippedException(reason);
    });
    mock.ifPresent(m -> m.counters().reset());
    GatewayCheck.assertAnswersChatCompletion(gateway, settings);
    return suite.plan().run(new RowRun(this, name, gateway, settings, suite.thresholds()));
  }

  /** Every run so far, in the order measured. */
  public synchronized List<RunResult> results() {
    return List.copyOf(results);
  }

  /**
   * A few seconds of discarded load against the mock, once per JVM before the first measured run, so
   * that the first row does not carry the JVM's warm-up in its tail.
   */
  public static void warmUp(BenchConfig config, MockUpstream mock) {
    Loads.warmUp(config, mock);
  }

  Optional<MockUpstream> mock() {
    return mock;
  }

  /** A value kept for this run's lifetime under its type, made on first use. */
  <T> T shared(Class<T> type, Supplier<T> create) {
    return type.cast(shared.computeIfAbsent(type, key -> create.get()));
  }

  /** Writes a run's result file and keeps the run for the report, also when its file could not be written. */
  Path keep(RunResult result) {
    try {
      Path file = RunResultJson.write(result, config.resultsDir());
      record(result);
      return file;
    } catch (ResultFileException e) {
      record(result.withEnvironment(Map.of(ComparisonReport.UNWRITTEN, e.getMessage())));
      throw e;
    }
  }

  private synchronized void record(RunResult result) {
    results.add(result);
  }

  /** The gateway's and upstream's facts (with the mock's counters as they stand) and the settings. */
  Map<String, Object> facts(Gateway gateway, BenchConfig settings) {
    Map<String, Object> facts = new LinkedHashMap<>();
    Map<String, Object> gatewayFacts = new LinkedHashMap<>(gateway.facts());
    gatewayFacts.put("name", gateway.name());
    gatewayFacts.put("version", gateway.version());
    facts.put("gateway", gatewayFacts);
    Map<String, Object> upstream = new LinkedHashMap<>(upstreamFacts);
    mock.ifPresent(m -> upstream.put("received", m.counters().snapshot()));
    facts.put("upstream", upstream);
    facts.put("timeScale", settings.timeScale());
    facts.put("settings", settings.redacted());
    return facts;
  }
}
