package dev.gatebench.stack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Closes what was registered, last first; every failure is collected as a suppressed exception, so
 * one failed stop never prevents stopping the others. Closing twice is a no-op. Thread-safe.
 */
final class Closer implements AutoCloseable {
  private final String what;
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private boolean closed;

  Closer(String what) {
    this.what = what;
  }

  /** Registers {@code resource}; after {@link #close()} it is closed at once. */
  synchronized <T extends AutoCloseable> T register(T resource) {
    if (closed) {
      closeQuietly(resource);
    } else {
      resources.push(resource);
    }
    return resource;
  }

  /** @throws StackCloseException carrying every failure as suppressed, after all were closed */
  @Override
  public void close() {
    List<Exception> failures = new ArrayList<>();
    int total;
    synchronized (this) {
      if (closed) return;
      closed = true;
      total = resources.size();
      while (!resources.isEmpty()) {
        try {
          resources.pop().close();
        } catch (Exception e) {
          failures.add(e);
        }
      }
    }
    if (failures.isEmpty()) return;
    // each part's own message says what is left and how to remove it: the user reads them, not a stack trace
    StackCloseException failure = new StackCloseException("stopping " + what + " failed for "
        + failures.size() + " of " + total + " parts; the others were stopped: " + String.join("; ",
            failures.stream().map(e -> String.valueOf(e.getMessage())).toList()));
    failures.forEach(failure::addSuppressed);
    throw failure;
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception ignored) {
      // registered after close: the stack is gone, nobody to report to
    }
  }
}
