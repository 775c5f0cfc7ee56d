package dev.gatebench.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short helper commands (venv creation, pip) to completion, their output to a file. */
final class Commands {
  private Commands() {}

  /** The result of a finished command: its exit code and its whole output. */
  record Result(int exitCode, String output) {
    /** The last {@code lines} lines of the output, for error messages. */
    String tail(int lines) {
      List<String> all = output.lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
  }

  /** Runs {@code command} in {@code workDir}; a command that outlives {@code timeout} is killed (exit 124). */
  static Result run(List<String> command, Path workDir, Duration timeout) {
    try {
      Path log = Files.createTempFile("gatebench-cmd", ".log");
      try {
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : kill(process);
        return new Result(exit, Files.readString(log, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new GatewayStartException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayStartException("interrupted while running " + command.getFirst(), e);
    }
  }

  private static int kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly().waitFor();
    return 124;
  }

  /** {@code name} as given when it contains a slash, else its first executable match on PATH. */
  static java.util.Optional<Path> which(String name) {
    if (name.contains("/")) {
      Path path = Path.of(name);
      return Files.isExecutable(path) && Files.isRegularFile(path) ? java.util.Optional.of(path)
          : java.util.Optional.empty();
    }
    String pathVar = System.getenv().getOrDefault("PATH", "");
    for (String dir : pathVar.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(candidate) && Files.isRegularFile(candidate)) return java.util.Optional.of(candidate);
    }
    return java.util.Optional.empty();
  }
}
