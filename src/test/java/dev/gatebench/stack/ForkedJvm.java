package dev.gatebench.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A second JVM on this test's classpath, as a user would start gatebench: its own working directory
 * ({@code <case>/project}, where target/, k6/results and allure-results land), its own temp folder
 * ({@code <case>/tmp}, both {@code java.io.tmpdir} and {@code TMPDIR}), its console in
 * {@code <case>/project/console.log}, and secrets only in its environment.
 */
final class ForkedJvm implements AutoCloseable {
  private final Process process;
  private final Path project;
  private final Path console;
  private final List<ProcessHandle> seen = new ArrayList<>();

  private ForkedJvm(Process process, Path project, Path console) {
    this.process = process;
    this.project = project;
    this.console = console;
  }

  /**
   * Starts {@code mainClass}. SIGINT is reset to its default first ({@code env --default-signal}): a
   * runner started in the background ignores it, and an ignored signal stays ignored across exec.
   */
  static ForkedJvm start(Path caseDir, String mainClass, List<String> args, Map<String, String> properties,
      Map<String, String> secrets) throws IOException {
    Path tmp = Files.createDirectories(caseDir.resolve("tmp"));
    Path project = Files.createDirectories(caseDir.resolve("project"));
    List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
        "-Djava.io.tmpdir=" + tmp));
    properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    Path console = project.resolve("console.log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
        .redirectOutput(console.toFile());
    builder.environment().keySet().removeIf(name -> name.matches("(?i).*(KEY|TOKEN|SECRET|PASSWORD).*"));
    builder.environment().put("TMPDIR", tmp.toString());
    builder.environment().putAll(secrets);
    return new ForkedJvm(builder.start(), project, console);
  }

  Path project() {
    return project;
  }

  long pid() {
    return process.pid();
  }

  String console() throws IOException {
    return Files.readString(console, StandardCharsets.ISO_8859_1);
  }

  /** Waits until {@code condition} holds, failing with the console when the JVM exits or time runs out. */
  void await(String what, Duration timeout, BooleanSupplier condition) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (!process.isAlive()) throw new AssertionError("the forked JVM exited before " + what + ":\n" + console());
      if (Instant.now().isAfter(deadline)) throw new AssertionError("no " + what + " after " + timeout + ":\n" + console());
      remember();
      Thread.sleep(200);
    }
    remember();
  }

  /** Sends {@code signal} (INT, TERM, KILL) to the JVM alone, as Ctrl-C or {@code kill} would. */
  void signal(String signal) throws Exception {
    remember();
    int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
    if (exit != 0) throw new AssertionError("kill -" + signal + " " + process.pid() + " exited with " + exit);
  }

  /** Its exit code, waiting up to {@code timeout}. */
  int awaitExit(Duration timeout) throws Exception {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the forked JVM did not exit within " + timeout + ":\n" + console());
    }
    return process.exitValue();
  }

  /** Every process the JVM started that is still alive (a gateway orphaned by {@code kill -9}). */
  List<ProcessHandle> survivors() {
    return seen.stream().filter(ProcessHandle::isAlive).toList();
  }

  private void remember() {
    process.descendants().filter(p -> !seen.contains(p)).forEach(seen::add);
  }

  @Override
  public void close() {
    process.destroyForcibly();
    survivors().forEach(ProcessHandle::destroyForcibly);
    survivors().forEach(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> p).join());
  }
}
