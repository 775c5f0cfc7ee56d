package dev.gatebench.contention;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;

/**
 * This JVM, for the Direct row: its live heap, read after a full collection the probe asks for, and its
 * descriptors. The heap after a young collection also holds garbage other work in this JVM had promoted
 * (JUnit, earlier rows), which a soak reads as a leak; only a full collection leaves what is live. Each
 * reading pauses the JVM, mock and generator with it, for tens of milliseconds, so a soak reads it no
 * more often than its slope needs ({@link SoakResult#MIN_SAMPLES} times after the warm-up), and each
 * starts just after a request reaches the mock: at the soak's 10 requests a second the pause ends before
 * the next one is due, so it lengthens the answers in flight (their latency shows it) but starts none late.
 */
public final class JvmHeapProbe implements MemoryProbe {
  /** How long a reading waits for a request to reach the mock: longer than the gap between two at 10/s. */
  static final Duration ARRIVAL_WAIT = Duration.ofMillis(150);
  private static final long POLL_NANOS = 100_000;

  private final LongSupplier arrivals;

  /** @param arrivals requests the mock has received so far, e.g. {@code mock.counters()::totalRequests} */
  public JvmHeapProbe(LongSupplier arrivals) {
    this.arrivals = Objects.requireNonNull(arrivals, "arrivals");
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
    awaitArrival();
    System.gc();
    long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new Reading(live, ProcessTreeProbe.openFds(LongStream.of(ProcessHandle.current().pid())));
  }

  /** Until the next request reaches the mock, at most {@link #ARRIVAL_WAIT} (none comes before or after the load). */
  private void awaitArrival() {
    long seen = arrivals.getAsLong();
    long deadline = System.nanoTime() + ARRIVAL_WAIT.toNanos();
    while (arrivals.getAsLong() == seen && System.nanoTime() < deadline) LockSupport.parkNanos(POLL_NANOS);
  }

  /** A fifth of the span after the warm-up, so that five readings fall in it; never below the plan's interval. */
  @Override
  public Duration every(SoakPlan plan) {
    Duration spread = Duration.ofNanos(Math.round(plan.duration().toNanos() * (1 - plan.warmUp())
        / SoakResult.MIN_SAMPLES));
    return spread.compareTo(plan.sampleEvery()) > 0 ? spread : plan.sampleEvery();
  }

  @Override
  public String describe() {
    return "the test JVM's live heap after a full collection, " + SoakResult.MIN_SAMPLES + " times after the "
        + "warm-up (mock upstream, load generator and JUnit share it; not a gateway's cost)";
  }
}
