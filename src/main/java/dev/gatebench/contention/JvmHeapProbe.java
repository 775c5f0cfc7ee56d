package dev.gatebench.contention;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.gatebench.load.ForcedCollections;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;

/**
 * This JVM, for the Direct row: its descriptors at every look, and its live heap, read after a full
 * collection the probe asks for. The heap after a young collection also holds garbage other work in this
 * JVM had promoted (JUnit, earlier rows), which a soak reads as a leak; only a full collection leaves what
 * is live. Each collection pauses the JVM, mock and generator with it, for tens of milliseconds, so the
 * heap is read at the first look (before the load) and then {@link SoakResult#MIN_SAMPLES} times, at the
 * first look in each fifth of the span after the warm-up (looks come more often than that); each starts just
 * after a request reaches the mock: at the soak's 10 requests a second the pause ends before the next one
 * is due, so it lengthens the answers in flight (their latency shows it) but starts none late. Used by one
 * sampler thread at a time.
 */
public final class JvmHeapProbe implements MemoryProbe {
  /** How long a reading waits for a request to reach the mock: longer than the gap between two at 10/s. */
  static final long ARRIVAL_WAIT_NANOS = 150_000_000;
  private static final long POLL_NANOS = 100_000;

  private final long[] dueNanos;
  private final LongSupplier arrivals;
  private final LongSupplier clock;
  private long firstLookNanos = -1;
  private int next;

  /**
   * @param plan the soak read, for its duration and warm-up
   * @param arrivals requests the mock has received so far, e.g. {@code mock.counters()::totalRequests}
   */
  public JvmHeapProbe(SoakPlan plan, LongSupplier arrivals) {
    this(plan, arrivals, System::nanoTime);
  }

  /** @param clock nanoseconds, as {@link System#nanoTime()}, which decides when a collection is due */
  JvmHeapProbe(SoakPlan plan, LongSupplier arrivals, LongSupplier clock) {
    this.arrivals = Objects.requireNonNull(arrivals, "arrivals");
    this.clock = Objects.requireNonNull(clock, "clock");
    long span = plan.duration().toNanos();
    long warmUp = Math.round(span * plan.warmUp());
    double fifth = (span - warmUp) / (double) SoakResult.MIN_SAMPLES;
    if (plan.sampleEvery().toNanos() >= fifth) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "a soak of %s with a %.0f %% warm-up reads the "
          + "Direct row's heap once in each fifth of the rest, %.2f s, which its sampling interval %s does not fit in; "
          + "lengthen the soak or sample more often", plan.duration(), plan.warmUp() * 100, fifth / 1e9,
          plan.sampleEvery()));
    }
    dueNanos = LongStream.range(0, SoakResult.MIN_SAMPLES).map(i -> warmUp + Math.round(i * fifth)).toArray();
  }

  /** Why this JVM's live heap cannot be read, empty when it can: ask before reading. */
  public static Optional<String> cannotRead() {
    HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    boolean disabled = hotspot != null && "true".equals(hotspot.getVMOption("DisableExplicitGC").getValue());
    return disabled ? Optional.of("this JVM runs with -XX:+DisableExplicitGC, so the Direct row's live heap cannot "
        + "be read after a full collection; remove the flag from the test JVM's options (argLine, the IDE's VM options)")
        : Optional.empty();
  }

  @Override
  public Reading read() {
    OptionalLong fds = ProcessTreeProbe.openFds(LongStream.of(ProcessHandle.current().pid()));
    long now = clock.getAsLong();
    if (firstLookNanos < 0) {
      firstLookNanos = now;
    } else {
      int due = next; // past every due time this look reaches: a late look takes one reading, not several
      while (next < dueNanos.length && now - firstLookNanos >= dueNanos[next]) next++;
      if (next == due) return new Reading(OptionalLong.empty(), fds);
      awaitArrival();
    }
    ForcedCollections.collect();
    return new Reading(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), fds);
  }

  /** Until the next request reaches the mock, at most {@link #ARRIVAL_WAIT_NANOS}. */
  private void awaitArrival() {
    long seen = arrivals.getAsLong();
    long deadline = System.nanoTime() + ARRIVAL_WAIT_NANOS;
    while (arrivals.getAsLong() == seen && System.nanoTime() < deadline) LockSupport.parkNanos(POLL_NANOS);
  }

  @Override
  public String describe() {
    return "the test JVM's live heap after a full collection, before the load and " + SoakResult.MIN_SAMPLES
        + " times after the warm-up (mock upstream, load generator and JUnit share it; not a gateway's cost)";
  }
}
