package dev.gatebench.load;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;

/**
 * Keeps a run's event loops polling just before an arrival is due, so the arrival starts on time.
 *
 * <p>An event loop with nothing to do blocks in the kernel; the timer that wakes it for the next
 * arrival fires late by the time it takes the kernel (and, in a VM, the host) to wake a sleeping core:
 * about 0.1 ms at the median on a 2-vCPU VM, more in its tail. An open model counts latency from the
 * intended start, so that lateness is in every request's figure. An open model therefore wakes a little
 * early ({@link #lead}) and has the loops poll, without blocking, until the arrival is due: answers that
 * come in meanwhile are read at once, and the arrival's timer runs as soon as it is due.
 *
 * <p>The cost is CPU: a loop polls at most a tenth of the time between arrivals, and at most
 * {@link #MAX_LEAD_NANOS} per arrival; it counts in the generator's CPU like any other work of its loops.
 *
 * <p>Thread-safe: the open model sets the deadline on its control loop; every loop of the run reads it.
 */
final class Pacer implements SelectStrategy {
  /** The longest a loop polls before one arrival: past a wake-up's usual lateness, far below a core. */
  static final long MAX_LEAD_NANOS = 100_000;
  /** The share of the time between arrivals spent polling, at most: one tenth. */
  static final int LEAD_DIVISOR = 10;
  /** A lead shorter than this is not worth a second timer: the arrival's own timer is set directly. */
  static final long MIN_LEAD_NANOS = 1_000;
  /** How long the loops keep polling past the due time: the arrival's timer runs in that window. */
  static final long GRACE_NANOS = 20_000;

  private volatile long pollUntilNanos = System.nanoTime();

  /** How early to wake for an arrival due in {@code waitNanos}; 0 when not worth it. */
  static long lead(long waitNanos) {
    long lead = Math.min(MAX_LEAD_NANOS, waitNanos / LEAD_DIVISOR);
    return lead < MIN_LEAD_NANOS ? 0 : lead;
  }

  /** Has every loop poll instead of blocking until the arrival due at {@code dueNanos} has started. */
  void pollUntil(long dueNanos) {
    pollUntilNanos = dueNanos + GRACE_NANOS;
  }

  /** Whether the loops poll now rather than block. */
  boolean polling(long nowNanos) {
    return nowNanos - pollUntilNanos < 0;
  }

  @Override
  public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
    return hasTasks || polling(System.nanoTime()) ? selectNow.get() : SelectStrategy.SELECT;
  }
}
