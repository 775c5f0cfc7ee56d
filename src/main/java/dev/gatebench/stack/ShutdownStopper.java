package dev.gatebench.stack;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One JVM shutdown hook that stops every gateway process still running, so Ctrl-C leaves none behind. */
final class ShutdownStopper {
  static final ShutdownStopper INSTANCE = new ShutdownStopper();

  private final Set<ManagedProcess> running = ConcurrentHashMap.newKeySet();

  private ShutdownStopper() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "gatebench-stop-gateways"));
  }

  void track(ManagedProcess process) {
    running.add(process);
  }

  void untrack(ManagedProcess process) {
    running.remove(process);
  }

  /** The exit status of a tracked process that has exited; empty while it runs or once it was stopped. */
  OptionalInt exitStatus(long pid) {
    for (ManagedProcess process : running) {
      if (process.handle().pid() == pid && !process.isAlive()) return OptionalInt.of(process.exitCode());
    }
    return OptionalInt.empty();
  }

  private void stopAll() {
    for (ManagedProcess process : List.copyOf(running)) {
      try {
        process.close();
      } catch (RuntimeException e) {
        System.err.println("gatebench: " + e.getMessage());
      }
    }
  }
}
