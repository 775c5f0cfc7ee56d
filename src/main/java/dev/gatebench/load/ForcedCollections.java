package dev.gatebench.load;

import java.util.concurrent.atomic.LongAdder;

/**
 * Full collections gatebench itself asks for (a soak's readings of the Direct row's live heap), timed, so
 * that a run's GC pauses can tell them from the JVM's own: a generator late by them is late by the
 * harness's measuring, not by its heap. Thread-safe.
 */
public final class ForcedCollections {
  private static final LongAdder NANOS = new LongAdder();

  private ForcedCollections() {}

  /** Runs a full collection ({@code System.gc()}) now and counts the time it took. */
  public static void collect() {
    long start = System.nanoTime();
    System.gc();
    NANOS.add(System.nanoTime() - start);
  }

  /** Time spent in {@link #collect()} by this JVM so far, ns. */
  static long nanos() {
    return NANOS.sum();
  }
}
