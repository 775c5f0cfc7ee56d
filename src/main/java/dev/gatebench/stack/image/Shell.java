package dev.gatebench.stack.image;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs a command to completion within a time limit, on the calling thread (the output of a long one is
 * read by its own named thread, never by a shared pool). A command that outlives its limit is killed.
 */
final class Shell {
  /** Exit code of a command that was killed for running too long, as timeout(1) reports it. */
  static final int TIMED_OUT = 124;

  private Shell() {}

  /** A finished command: its exit code and its output (stdout and stderr together). */
  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }

    /** The last non-blank line of the output, for a one-line reason. */
    String lastLine() {
      List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
      return lines.isEmpty() ? "(no output)" : lines.getLast().strip();
    }
  }

  /** True when {@code name} is an executable on PATH or in /usr/sbin or /sbin (root's tools). */
  static boolean onPath(String name) {
    return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")),
        Stream.of("/usr/sbin", "/sbin")).anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, name)));
  }

  static Result run(List<String> command, Map<String, String> env, Duration timeout) throws ImageStepException {
    Path out = null;
    try {
      out = Files.createTempFile("gatebench-image", ".log");
      Process process = start(command, env).redirectOutput(out.toFile()).start();
      int exit = await(process, timeout);
      return new Result(exit, Files.readString(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ImageStepException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(out);
    }
  }

  /** Like {@link #run}, handing each output line to {@code lines} as it comes and writing all to {@code log}. */
  static Result stream(List<String> command, Duration timeout, Consumer<String> lines, Path log)
      throws ImageStepException {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      Process process = start(command, Map.of()).start();
      Thread reader = Thread.ofPlatform().daemon().name("gatebench-image-output")
          .start(() -> copyLines(process, lines, log));
      int exit = await(process, timeout);
      reader.join(Duration.ofSeconds(5));
      return new Result(exit, Files.readString(log, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ImageStepException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageStepException("interrupted while running " + command.getFirst(), e);
    }
  }

  private static ProcessBuilder start(List<String> command, Map<String, String> env) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    return builder;
  }

  private static int await(Process process, Duration timeout) throws ImageStepException {
    try {
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) return process.exitValue();
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      return TIMED_OUT;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ImageStepException("interrupted", e);
    }
  }

  private static void copyLines(Process process, Consumer<String> lines, Path log) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        out.write(line);
        out.write('\n');
        lines.accept(line);
      }
    } catch (IOException e) {
      // the process was killed or the log cannot be written: the exit code tells the caller
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) return;
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a temporary file left in /tmp is harmless
    }
  }
}
