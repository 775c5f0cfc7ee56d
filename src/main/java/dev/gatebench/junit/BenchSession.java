package dev.gatebench.junit;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.metrics.ResultFileException;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.metrics.RunResultJson;
import dev.gatebench.report.AfterSuites;
import dev.gatebench.report.ComparisonReport;
import dev.gatebench.report.SkippedRow;
import dev.gatebench.report.gate.GateReport;
import dev.gatebench.session.BenchStack;
import dev.gatebench.session.Preflight;
import dev.gatebench.stack.GatewayAvailability;
import dev.gatebench.upstream.MockUpstream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Everything a JVM's benchmark suites share: the configuration, the mock upstream and the started
 * gateways ({@link BenchStack}), and the results gathered so far. Created on first use and kept in the root
 * extension store. After each suite class the regression gate checks that suite and the comparison
 * report is rewritten ({@link #finishSuite}): a failure there is reported against the suite, with its
 * own message, where one thrown when the store closes would reach the user wrapped in JUnit's "Failed
 * to close extension context". Closing stops every gateway and the mock (each stop tried even when
 * another fails). Thread-safe.
 */
final class BenchSession implements AutoCloseable {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BenchSession.class);
  static final Path REPORT_DIR = Path.of("target", "gatebench-report");

  private final BenchConfig config;
  private final BenchStack stack;
  private final List<RunResult> results = new ArrayList<>();
  private final List<SkippedRow> skipped = new ArrayList<>();
  private Optional<GateReport> gates = Optional.empty();
  private boolean closed;

  private BenchSession(BenchConfig config, BenchStack stack) {
    this.config = config;
    this.stack = stack;
  }

  /**
   * The JVM's session, started on first call (the extension calls it before a suite class's tests).
   * Configuration mistakes surface here, all at once, with their fix; a failed start is remembered,
   * so later suites fail with the same message instead of trying again.
   */
  @SuppressWarnings("deprecation") // computeIfAbsent would retry a failed start for every suite class
  static BenchSession of(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(BenchSession.class, key -> start(Preflight.load()), BenchSession.class);
  }

  /** The JVM's session if one was started; empty also when its start failed (that failure is reported already). */
  static Optional<BenchSession> ifStarted(ExtensionContext context) {
    try {
      return Optional.ofNullable(context.getRoot().getStore(NAMESPACE).get(BenchSession.class, BenchSession.class));
    } catch (RuntimeException failedStart) {
      return Optional.empty();
    }
  }

  /** Checks everything ({@link Preflight}), starts the stack, says which rows are skipped, warms up. */
  static BenchSession start(BenchConfig config) {
    Preflight.check(config, Map.of("the comparison report's folder", REPORT_DIR));
    BenchStack stack = BenchStack.start(config);
    stack.availability().stream().flatMap(row -> row.unavailableReason().stream())
        .forEach(reason -> System.out.println("gatebench: " + reason));
    try {
      stack.mock().ifPresent(mock -> Loads.warmUp(config, mock));
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    return new BenchSession(config, stack);
  }

  BenchConfig config() {
    return config;
  }

  Optional<MockUpstream> mock() {
    return stack.mock();
  }

  List<GatewayAvailability> availability() {
    return stack.availability();
  }

  /** Facts of the upstream recorded with every result: which one, and the mock's latency profile. */
  Map<String, Object> upstreamFacts() {
    return stack.upstreamFacts();
  }

  /**
   * Writes a run's result file and keeps the run for the report. The run is kept even when its file
   * cannot be written: the report then shows its figures and says that the file is missing.
   *
   * @return the result file
   * @throws ResultFileException after keeping the run, when the file could not be written
   */
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

  synchronized void record(RunResult result) {
    results.add(result);
  }

  synchronized void recordSkipped(Class<?> suiteClass, SkippedGateway gateway) {
    skipped.add(new SkippedRow(suiteName(suiteClass), gateway.name(), gateway.reason()));
  }

  /** The suite a class runs: its tag other than {@code benchmark}, e.g. {@code baseline}. */
  static String suiteName(Class<?> suiteClass) {
    for (Tag tag : suiteClass.getAnnotationsByType(Tag.class)) {
      if (!tag.value().equals("benchmark")) return tag.value();
    }
    return suiteClass.getSimpleName();
  }

  /**
   * After a suite class: the gate for its suite and the report of every run so far (see
   * {@link AfterSuites#finishSuite}); a regression fails that class with the gate's message.
   */
  synchronized void finishSuite(Class<?> suiteClass) {
    gates = AfterSuites.finishSuite(suiteName(suiteClass), List.copyOf(results), List.copyOf(skipped), gates, config,
        REPORT_DIR).map(g -> gates.map(e -> e.and(g)).orElse(g)).or(() -> gates);
  }

  /** Stops every gateway and the mock; the report and the gate ran after each suite already. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    stack.close();
  }
}
