package dev.gatebench.junit;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import dev.gatebench.metrics.RunResult;
import dev.gatebench.report.AfterSuites;
import dev.gatebench.report.SkippedRow;
import dev.gatebench.session.BenchStack;
import dev.gatebench.stack.GatewayAvailability;
import dev.gatebench.upstream.MockUpstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Everything a JVM's benchmark suites share: the configuration, the mock upstream and the started
 * gateways ({@link BenchStack}), and the results gathered so far. Created on first use and kept in the root extension store,
 * which closes it once all tests have run: the comparison report and the regression gate come first,
 * then every gateway and the mock are stopped (each stop tried even when another fails). Thread-safe.
 */
final class BenchSession implements AutoCloseable {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BenchSession.class);
  static final Path REPORT_DIR = Path.of("target", "gatebench-report");

  private final BenchConfig config;
  private final BenchStack stack;
  private final List<RunResult> results = new ArrayList<>();
  private final List<SkippedRow> skipped = new ArrayList<>();
  private boolean closed;

  private BenchSession(BenchConfig config, BenchStack stack) {
    this.config = config;
    this.stack = stack;
  }

  /** The JVM's session, started on first call. Configuration mistakes surface here, once, with their fix. */
  static BenchSession of(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(BenchSession.class, key -> start(BenchConfig.load()), BenchSession.class);
  }

  /** The JVM's session if one was started; it always is once gateways have been supplied. */
  static Optional<BenchSession> ifStarted(ExtensionContext context) {
    return Optional.ofNullable(context.getRoot().getStore(NAMESPACE).get(BenchSession.class, BenchSession.class));
  }

  static BenchSession start(BenchConfig config) {
    config.timeScale(); // bad settings fail before anything starts, not after the suites
    boolean recording = config.get("gatebench.updateBaseline").map(Boolean::parseBoolean).orElse(false);
    config.get("gatebench.baseline").map(Path::of).filter(p -> !recording && !Files.exists(p)).ifPresent(p -> {
      throw new BenchConfigException("gatebench.baseline: " + p + " does not exist; point it at a baseline file "
          + "or folder, or record one with -Dgatebench.updateBaseline=true");
    });
    BenchStack stack = BenchStack.start(config);
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

  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    RuntimeException failure = null;
    try {
      AfterSuites.finish(List.copyOf(results), List.copyOf(skipped), config, REPORT_DIR);
    } catch (RuntimeException | AssertionError e) {
      failure = e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    }
    try {
      stack.close();
    } catch (RuntimeException e) {
      if (failure == null) throw e;
      failure.addSuppressed(e);
    }
    if (failure != null) throw failure;
  }
}
