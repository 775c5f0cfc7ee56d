package dev.gatebench.contention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads a {@link MemoryProbe} at a fixed interval on a daemon thread, from {@link #start()} to
 * {@link #stop()}; a row that goes away ends the sampling with what was read and why. Thread-safe.
 */
public final class MemorySampler implements AutoCloseable {
  private final MemoryProbe probe;
  private final Duration every;
  private final List<MemorySample> samples = new ArrayList<>();
  private ScheduledExecutorService timer;
  private long startNanos;
  private Optional<String> gone = Optional.empty();

  /** @param every > 0; e.g. 1 s */
  public MemorySampler(MemoryProbe probe, Duration every) {
    this.probe = Objects.requireNonNull(probe, "probe");
    this.every = Objects.requireNonNull(every, "every");
    if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("every must be > 0 but was " + every);
  }

  /** Takes the first reading now, then one per interval. @throws IllegalStateException when started before */
  public synchronized void start() {
    if (timer != null) throw new IllegalStateException("MemorySampler already started on " + probe.describe());
    startNanos = System.nanoTime();
    sample();
    timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
        .name("gatebench-memory-sampler").unstarted(r));
    timer.scheduleAtFixedRate(this::sample, every.toNanos(), every.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Takes a last reading and stops; the samples so far, oldest first. */
  public synchronized List<MemorySample> stop() {
    if (timer == null) throw new IllegalStateException("MemorySampler.stop() before start()");
    if (!timer.isShutdown()) {
      timer.shutdownNow();
      sample();
    }
    return List.copyOf(samples);
  }

  /** Why sampling ended before {@link #stop()}, e.g. the process exited. */
  public synchronized Optional<String> gone() {
    return gone;
  }

  @Override
  public synchronized void close() {
    if (timer != null) timer.shutdownNow();
  }

  private synchronized void sample() {
    if (gone.isPresent()) return;
    try {
      MemoryProbe.Reading reading = probe.read();
      samples.add(new MemorySample((System.nanoTime() - startNanos) / 1e9, reading.rssBytes(), reading.openFds()));
    } catch (RuntimeException e) {
      gone = Optional.of(probe.describe() + ": " + e.getMessage());
    }
  }
}
