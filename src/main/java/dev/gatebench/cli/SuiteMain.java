package dev.gatebench.cli;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.junit.SuiteClasses;
import dev.gatebench.metrics.ResultFileException;
import dev.gatebench.run.BenchRun;
import dev.gatebench.run.RowResult;
import dev.gatebench.run.RowSkippedException;
import dev.gatebench.run.Suite;
import dev.gatebench.session.BenchStack;
import dev.gatebench.session.Preflight;
import dev.gatebench.stack.GatewayAvailability;
import dev.gatebench.stack.StackCloseException;
import java.io.PrintStream;

/**
 * Runs a declared suite over every gateway row without JUnit, the same measured run as the suites'
 * ({@link BenchRun}): {@code java -cp ... dev.gatebench.cli.SuiteMain dev.gatebench.suites.BaselineLatencyIT}.
 * Settings as for the suites; with {@code -Dgatebench.stack=external} it measures a stack already running
 * ({@code scripts/run-benchmark.sh start}). One line per row; exit codes: 0 every row passed, 1 a row
 * failed, 2 a bad argument or setting.
 */
public final class SuiteMain {
  static final String USAGE = "usage: SuiteMain <suite class>, e.g. dev.gatebench.suites.BaselineLatencyIT "
      + "(a class with one static Suite field, named by its @Tag); settings as -D system properties";

  private SuiteMain() {}

  public static void main(String[] args) {
    System.exit(run(args, Preflight::load, System.out));
  }

  /** The whole command, without exiting; returns the exit code. */
  static int run(String[] args, java.util.function.Supplier<BenchConfig> settings, PrintStream out) {
    Suite suite;
    BenchConfig config;
    try {
      suite = declaration(args);
      config = settings.get();
      Preflight.check(config);
    } catch (IllegalArgumentException | BenchConfigException e) {
      out.println("gatebench: " + e.getMessage());
      return 2;
    }
    try (BenchStack stack = BenchStack.start(config)) {
      stack.mock().ifPresent(mock -> BenchRun.warmUp(config, mock));
      BenchRun run = BenchRun.on(config, stack);
      boolean passed = true;
      for (GatewayAvailability row : stack.availability()) {
        passed &= row.gateway().map(g -> measure(run, suite, g, out)).orElseGet(() -> notStarted(suite, row, out));
      }
      return passed ? 0 : 1;
    } catch (BenchConfigException e) {
      out.println("gatebench: " + e.getMessage());
      return 2;
    } catch (StackCloseException e) {
      // the rows' lines and files are out already; what could not be stopped is one line, not a stack trace
      out.println("gatebench: " + e.getMessage());
      return 1;
    }
  }

  private static Suite declaration(String[] args) {
    if (args.length != 1 || args[0].startsWith("-")) throw new IllegalArgumentException(USAGE);
    try {
      return SuiteClasses.declaration(Class.forName(args[0]));
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no suite class " + args[0] + " on the class path; " + USAGE, e);
    }
  }

  private static boolean measure(BenchRun run, Suite suite, Gateway gateway, PrintStream out) {
    String row = suite.name().orElseThrow() + " — " + gateway.displayName();
    try {
      RowResult result = run.run(suite, gateway);
      out.println(result.failure().map(reason -> "FAILED " + row + ": " + reason)
          .orElseGet(() -> "PASSED " + row + ": " + result.file()));
      return result.failure().isEmpty();
    } catch (RowSkippedException e) {
      out.println("SKIPPED " + row + ": " + e.getMessage());
      return true;
    } catch (AssertionError | ResultFileException e) {
      out.println("FAILED " + row + ": " + e.getMessage());
      return false;
    }
  }

  /** A row skipped for a machine reason passes; one that should have run but failed to start fails. */
  private static boolean notStarted(Suite suite, GatewayAvailability row, PrintStream out) {
    if (row.startFailure().isPresent()) {
      out.println("FAILED " + suite.name().orElseThrow() + " — " + row.name() + ": failed to start: "
          + row.startFailure().get().getMessage());
      return false;
    }
    out.println("SKIPPED " + row.unavailableReason().orElseThrow());
    return true;
  }
}
