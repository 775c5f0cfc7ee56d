package dev.gatebench.stack;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JVM shutdown hook that stops every gateway process and removes every container still running,
 * then removes what they used on disk, so Ctrl-C leaves neither processes, containers nor their temp
 * folders behind. Thread-safe.
 */
final class ShutdownStopper {
  static final ShutdownStopper INSTANCE = new ShutdownStopper();

  private final Set<AutoCloseable> running = ConcurrentHashMap.newKeySet();
  private final Set<AutoCloseable> afterStopping = ConcurrentHashMap.newKeySet();

  private ShutdownStopper() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "gatebench-stop-gateways"));
  }

  void track(AutoCloseable part) {
    running.add(part);
  }

  void untrack(AutoCloseable part) {
    running.remove(part);
  }

  /** Closes {@code resource} at JVM exit, after every tracked part has stopped; e.g. a temp folder. */
  void afterStopping(AutoCloseable resource) {
    afterStopping.add(resource);
  }

  void forget(AutoCloseable resource) {
    afterStopping.remove(resource);
  }

  /** How a tracked process that has exited ended; empty while it runs or once it was stopped. */
  Optional<ProcessExit> exit(long pid) {
    for (AutoCloseable part : running) {
      if (part instanceof ManagedProcess process && process.handle().pid() == pid && !process.isAlive()) {
        return Optional.of(process.exit());
      }
    }
    return Optional.empty();
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
