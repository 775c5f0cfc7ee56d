package dev.gatebench.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A gateway process gatebench started, with its whole tree (LiteLLM forks workers). Stopping sends
 * SIGTERM to the tree, then SIGKILL after {@code grace}; a JVM shutdown hook stops it on Ctrl-C.
 * Output goes to its log file. Thread-safe.
 */
final class ManagedProcess implements AutoCloseable {
  /** What a gateway process inherits; everything else (keys, proxies) is left out on purpose. */
  private static final Set<String> INHERITED = Set.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "USER", "TZ");

  private final String name;
  private final Process process;
  private final Path logFile;
  private final Duration grace;
  private boolean stopped;
  /** Set once, just after the start, by the stack that confined it; null when nothing limits its memory. */
  private volatile MemoryGroup memory;

  private ManagedProcess(String name, Process process, Path logFile, Duration grace) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
    this.grace = grace;
  }

  /** Starts {@code command}; its environment is a few inherited variables plus {@code environment}. */
  static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
      Path logFile, Duration grace) throws IOException {
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    // the header names the command only: secrets live in the environment, never in a file or argument
    Files.writeString(logFile, "# gatebench started " + name + " at " + Instant.now() + ": "
        + String.join(" ", command) + "\n", StandardCharsets.UTF_8);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    Map<String, String> env = builder.environment();
    env.keySet().retainAll(INHERITED);
    env.putAll(environment);
    ManagedProcess managed = new ManagedProcess(name, builder.start(), logFile, grace);
    ShutdownStopper.INSTANCE.track(managed);
    return managed;
  }

  String name() {
    return name;
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  Path logFile() {
    return logFile;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  void confinedTo(MemoryGroup group) {
    memory = group;
  }

  /** How it ended, its memory group's OOM kills included; only once it has exited. */
  ProcessExit exit() {
    MemoryGroup group = memory;
    return group == null ? new ProcessExit(process.exitValue(), 0, 0)
        : new ProcessExit(process.exitValue(), group.oomKills(), group.limitBytes());
  }

  /** The last {@code lines} lines of its log. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e.getMessage() + ")";
    }
  }

  /**
   * Stops the tree; idempotent, and a second caller (the shutdown hook and a stack closing at the same
   * time) waits until the first has finished, so nothing is removed from under a running process.
   *
   * @throws IllegalStateException if a process survives SIGKILL
   */
  @Override
  public synchronized void close() {
    if (stopped) return;
    stopped = true;
    ShutdownStopper.INSTANCE.untrack(this);
    List<ProcessHandle> tree = tree();
    tree.forEach(ProcessHandle::destroy);
    if (!awaitExit(tree, grace)) tree.forEach(ProcessHandle::destroyForcibly);
    if (!awaitExit(tree, Duration.ofSeconds(5))) {
      throw new IllegalStateException(name + " (pid " + process.pid() + ") did not exit after SIGTERM and SIGKILL; "
          + "alive: " + tree.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
    }
  }

  /** The root first, then every descendant, taken before any signal so orphans are not lost. */
  private List<ProcessHandle> tree() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()),
        process.toHandle().descendants()).toList();
  }

  private static boolean awaitExit(List<ProcessHandle> tree, Duration timeout) {
    CompletableFuture<?>[] exits = tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      return tree.stream().noneMatch(ProcessHandle::isAlive);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
