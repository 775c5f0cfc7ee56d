package dev.gatebench.stack;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JVM shutdown hook that stops every gateway process still running, then removes what they
 * used on disk, so Ctrl-C leaves neither processes nor their temp folders behind. Thread-safe.
 */
final class ShutdownStopper {
  static final ShutdownStopper INSTANCE = new ShutdownStopper();

  private final Set<ManagedProcess> running = ConcurrentHashMap.newKeySet();
  private final Set<AutoCloseable> afterStopping = ConcurrentHashMap.newKeySet();

  private ShutdownStopper() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "gatebench-stop-gateways"));
  }

  void track(ManagedProcess process) {
    running.add(process);
  }

  void untrack(ManagedProcess process) {
    running.remove(process);
  }

  /** Closes {@code resource} at JVM exit, after every tracked process has stopped; e.g. a temp folder. */
  void afterStopping(AutoCloseable resource) {
    afterStopping.add(resource);
  }

  void forget(AutoCloseable resource) {
    afterStopping.remove(resource);
  }

  /** The exit status of a tracked process that has exited; empty while it runs or once it was stopped. */
  OptionalInt exitStatus(long pid) {
    for (ManagedProcess process : running) {
      if (process.handle().pid() == pid && !process.isAlive()) return OptionalInt.of(process.exitCode());
    }
    return OptionalInt.empty();
  }

  private void stopAll() {
    List.copyOf(running).forEach(ShutdownStopper::closeReporting);
    List.copyOf(afterStopping).forEach(ShutdownStopper::closeReporting);
  }

  private static void closeReporting(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      System.err.println("gatebench: stopping " + resource + " at exit failed: " + e.getMessage());
    }
  }
}
