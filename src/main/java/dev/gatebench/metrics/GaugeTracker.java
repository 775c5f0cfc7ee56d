package dev.gatebench.metrics;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A k6 gauge: the last value, and the smallest and largest ever set. Thread-safe and lock-free.
 * Before the first value, all three are 0 (k6 shows an unset gauge as 0).
 */
final class GaugeTracker {
  private final AtomicLong value = new AtomicLong();
  private final AtomicLong min = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong max = new AtomicLong(Long.MIN_VALUE);

  void set(long newValue) {
    value.set(newValue);
    observe(newValue);
  }

  /** Adds {@code delta} to the value (in-flight requests go up and down) and tracks min and max. */
  void add(long delta) {
    observe(value.addAndGet(delta));
  }

  /**
   * Takes one off, never below 0: an outcome whose start was not reported (e.g. a connection
   * refused before hand-off) must not make the in-flight count negative.
   */
  void decrementFloorZero() {
    observe(value.updateAndGet(v -> Math.max(0, v - 1)));
  }

  long value() {
    return value.get();
  }

  private void observe(long v) {
    min.accumulateAndGet(v, Math::min);
    max.accumulateAndGet(v, Math::max);
  }

  /** k6's gauge values {@code value, min, max}. */
  Map<String, Double> values() {
    boolean unset = max.get() == Long.MIN_VALUE;
    return Map.of("value", (double) value.get(),
        "min", unset ? 0.0 : (double) min.get(),
        "max", unset ? 0.0 : (double) max.get());
  }
}
