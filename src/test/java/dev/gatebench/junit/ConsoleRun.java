package dev.gatebench.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Runs {@link TinyBenchmark} once per case in this JVM, each case a set of system properties, and
 * prints what a user reads on the console for it, the way surefire prints a failure: the exception's
 * class and the first line of its message. Used by {@link ConsoleFirstLineTest} in a forked JVM.
 *
 * <p>Arguments: one per case, {@code name::key=value::key=value}; a key {@code class} picks
 * {@code TinyBenchmark$WithoutExtension}. Output: {@code CASE name}, then {@code FAILED <what>: <line>},
 * {@code ABORTED <what>: <reason>}, and whatever gatebench printed (lines starting {@code gatebench:}).
 */
public final class ConsoleRun {
  private ConsoleRun() {}

  public static void main(String[] args) {
    Launcher launcher = LauncherFactory.create();
    for (String spec : args) {
      String[] parts = spec.split("::");
      System.out.println("CASE " + parts[0]);
      List<String> set = new ArrayList<>();
      Class<?> suite = TinyBenchmark.class;
      for (int i = 1; i < parts.length; i++) {
        String[] kv = parts[i].split("=", 2);
        if (kv[0].equals("class")) { // the only other suite: TinyBenchmark$WithoutExtension
          suite = TinyBenchmark.WithoutExtension.class;
          continue;
        }
        System.setProperty(kv[0], kv[1]);
        set.add(kv[0]);
      }
      launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build(),
          new FirstLines(System.out));
      set.forEach(System::clearProperty);
    }
    System.out.println("DONE");
  }

  /** Prints each failure as surefire's console does: exception class, then the message's first line. */
  static final class FirstLines implements TestExecutionListener {
    private final PrintStream out;

    FirstLines(PrintStream out) {
      this.out = out;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
      out.println("SKIPPED " + test.getDisplayName() + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
      result.getThrowable().ifPresent(t -> out.println(result.getStatus() + " " + test.getDisplayName() + ": "
          + firstLine(t)));
    }

    static String firstLine(Throwable t) {
      String message = String.valueOf(t.getMessage());
      int newline = message.indexOf('\n');
      return t.getClass().getName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }
  }
}
