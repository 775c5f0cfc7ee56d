package dev.gatebench.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
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
 * <p>Arguments: one per case, {@code name::key=value::key=value}; a key {@code class} picks a suite
 * nested in {@link TinyBenchmark}, e.g. {@code class=WithoutExtension}; a key {@code deleteAfterSuite} names a
 * file deleted once the suite class ended and before the session closes, e.g. the link DOCKER_HOST goes
 * through, so that the engine stops answering exactly then. Output: {@code CASE name}, then {@code FAILED <what>: <line>},
 * {@code ABORTED <what>: <reason>}, each with {@code   caused by <line>} after it when it has a cause,
 * {@code SKIPPED <what>: <reason>}, {@code PASSED <test>}, and whatever gatebench printed (lines starting {@code gatebench:}).
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
      List<TestExecutionListener> listeners = new ArrayList<>(List.of(new FirstLines(System.out)));
      for (int i = 1; i < parts.length; i++) {
        String[] kv = parts[i].split("=", 2);
        if (kv[0].equals("class")) { // a suite nested in TinyBenchmark, e.g. class=WithoutExtension
          suite = nested(kv[1]);
          continue;
        }
        if (kv[0].equals("deleteAfterSuite")) {
          listeners.add(new DeleteAfterSuite(Path.of(kv[1])));
          continue;
        }
        System.setProperty(kv[0], kv[1]);
        set.add(kv[0]);
      }
      launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build(),
          listeners.toArray(TestExecutionListener[]::new));
      set.forEach(System::clearProperty);
    }
    System.out.println("DONE");
  }

  private static Class<?> nested(String simpleName) {
    try {
      return Class.forName(TinyBenchmark.class.getName() + "$" + simpleName);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no suite TinyBenchmark." + simpleName, e);
    }
  }

  /**
   * Runs {@code cases} in one forked JVM whose working directory is {@code dir} and which inherits no
   * gatebench variable; returns each case's console lines.
   */
  static Map<String, List<String>> fork(Path dir, List<String> cases) throws IOException, InterruptedException {
    return fork(dir, cases, Map.of());
  }

  /** As {@link #fork(Path, List)}, with {@code environment} added to the forked JVM's, e.g. DOCKER_HOST. */
  static Map<String, List<String>> fork(Path dir, List<String> cases, Map<String, String> environment)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", classPath(), ConsoleRun.class.getName()));
    command.addAll(cases);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("GATEBENCH_") || k.startsWith("TEST_")
        || k.startsWith("INFERXGATE_") || k.startsWith("LITELLM_") || k.equals("ANTHROPIC_API_KEY"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("forked console run finished").isTrue();
    return byCase(new String(output, StandardCharsets.UTF_8));
  }

  private static Map<String, List<String>> byCase(String output) {
    Map<String, List<String>> cases = new LinkedHashMap<>();
    List<String> current = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("CASE ")) cases.put(line.substring(5), current = new ArrayList<>());
      else current.add(line);
    }
    assertThat(output).as("forked console run output").contains("DONE");
    return cases;
  }

  /** Surefire's real test class path (its own is a manifest-only jar). */
  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** Deletes a file once the suite class has ended: its session closes after this, when the engine closes. */
  private record DeleteAfterSuite(Path file) implements TestExecutionListener {
    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
      if (!test.getSource().filter(ClassSource.class::isInstance).isPresent()) return;
      try {
        Files.deleteIfExists(file);
        System.out.println("deleted " + file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
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
      if (test.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
        out.println("PASSED " + test.getDisplayName());
      }
      result.getThrowable().ifPresent(t -> {
        out.println(result.getStatus() + " " + test.getDisplayName() + ": " + firstLine(t));
        if (t.getCause() != null) out.println("  caused by " + firstLine(t.getCause()));
      });
    }

    static String firstLine(Throwable t) {
      String message = String.valueOf(t.getMessage());
      int newline = message.indexOf('\n');
      return t.getClass().getName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }
  }
}
