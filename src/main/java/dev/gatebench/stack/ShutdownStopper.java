package dev.gatebench.stack;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JVM shutdown hook that stops every gateway process and removes every container still running,
 * so Ctrl-C leaves none behind.
 */
final class ShutdownStopper {
  static final ShutdownStopper INSTANCE = new ShutdownStopper();

  private final Set<AutoCloseable> running = ConcurrentHashMap.newKeySet();

  private ShutdownStopper() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "gatebench-stop-gateways"));
  }

  void track(AutoCloseable part) {
    running.add(part);
  }

  void untrack(AutoCloseable part) {
    running.remove(part);
  }

  private void stopAll() {
    for (AutoCloseable part : List.copyOf(running)) {
      try {
        part.close();
      } catch (Exception e) {
        System.err.println("gatebench: " + e.getMessage());
      }
    }
  }
}
