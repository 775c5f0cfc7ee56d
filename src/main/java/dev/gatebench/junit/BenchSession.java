package dev.gatebench.junit;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.report.AfterSuites;
import dev.gatebench.report.SkippedRow;
import dev.gatebench.report.gate.GateReport;
import dev.gatebench.run.BenchRun;
import dev.gatebench.session.BenchStack;
import dev.gatebench.session.Preflight;
import dev.gatebench.stack.GatewayAvailability;
import dev.gatebench.stack.StackCloseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Everything a JVM's benchmark suites share: the started mock and gateways ({@link BenchStack}), the
 * {@link BenchRun} that measures against them and keeps the results, and the rows skipped. Created on first use and kept in the root
 * extension store. After each suite class the regression gate checks that suite and the comparison
 * report is rewritten ({@link #finishSuite}): a failure there is reported against the suite, with its
 * own message, where one thrown when the store closes would reach the user wrapped in JUnit's "Failed
 * to close extension context". Closing stops every gateway and the mock (each stop tried even when
 * another fails); what could not be stopped fails the run as one {@link StackNotStoppedError}. Thread-safe.
 */
final class BenchSession implements AutoCloseable {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BenchSession.class);

  private final BenchStack stack;
  private final BenchRun run;
  private final List<SkippedRow> skipped = new ArrayList<>();
  private Optional<GateReport> gates = Optional.empty();
  private boolean closed;

  private BenchSession(BenchConfig config, BenchStack stack) {
    this.stack = stack;
    this.run = BenchRun.on(config, stack);
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
    Preflight.check(config, Map.of("the comparison report's folder (gatebench.reportDir)", config.reportDir()));
    BenchStack stack = BenchStack.start(config);
    stack.availability().stream().flatMap(row -> row.unavailableReason().stream())
        .forEach(reason -> System.out.println("gatebench: " + reason));
    try {
      stack.mock().ifPresent(mock -> BenchRun.warmUp(config, mock));
    } catch (RuntimeException e) {
      try {
        stack.close();
      } catch (RuntimeException notStopped) {
        e.addSuppressed(notStopped); // the warm-up's failure is what the user must read first
      }
      throw e;
    }
    return new BenchSession(config, stack);
  }

  BenchConfig config() {
    return run.config();
  }

  /** Measures suites against the session's gateways and keeps every run for the report. */
  BenchRun run() {
    return run;
  }

  List<GatewayAvailability> availability() {
    return stack.availability();
  }

  synchronized void recordSkipped(Class<?> suiteClass, SkippedGateway gateway) {
    skipped.add(new SkippedRow(SuiteClasses.name(suiteClass), gateway.name(), gateway.reason()));
  }

  /**
   * After a suite class: the gate for its suite and the report of every run so far (see
   * {@link AfterSuites#finishSuite}); a regression fails that class with the gate's message.
   */
  synchronized void finishSuite(Class<?> suiteClass) {
    gates = AfterSuites.finishSuite(SuiteClasses.name(suiteClass), run.results(), List.copyOf(skipped), gates,
        run.config(), run.config().reportDir()).map(g -> gates.map(e -> e.and(g)).orElse(g)).or(() -> gates);
  }

  /**
   * Stops every gateway and the mock; the results, the report and the gate were written after each row
   * and suite already, so a failure here loses none of them.
   *
   * @throws StackNotStoppedError when something could not be stopped: one line saying what and how to
   *     remove it (as {@code SuiteMain} prints it), the stack's failure as its cause
   */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    try {
      stack.close();
    } catch (StackCloseException e) {
      throw new StackNotStoppedError("gatebench: after the suites ended, " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new StackNotStoppedError("gatebench: after the suites ended, stopping the mock upstream and the "
          + "gateways failed: " + e, e);
    }
  }
}
