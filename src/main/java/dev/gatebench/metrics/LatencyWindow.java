package dev.gatebench.metrics;

import java.time.Duration;
import java.util.Arrays;

/**
 * The last {@link RecentWindow#MAX_SECONDS} closed seconds of a run, from which {@link #recent()}
 * takes the shortest trailing window holding {@link RecentWindow#MIN_REQUESTS} requests.
 *
 * <p>Each second keeps up to {@link #SAMPLES_PER_SECOND} latencies exactly as measured, plus its
 * exact p50 and p95 from the collector's histogram. A window of one second (a busy run) shows those
 * exact percentiles; a longer one (a slow run) holds fewer than {@code MIN_REQUESTS} requests in all
 * but its oldest second, so its percentiles come from every sample it holds, exact unless that oldest
 * second held more than {@code SAMPLES_PER_SECOND} (the rate just fell sharply), whose first ones
 * then stand for it. Memory: about 30 KB, whatever the run's rate and length.
 *
 * <p>Thread-safe: {@link #record} is called on event-loop threads, the others on the runner's. Its
 * lock is held for one store, and not taken at all once the open second has its samples, so a busy
 * run's loops never wait on it.
 */
final class LatencyWindow {
  /** Enough for any second of a window longer than one second, but its oldest. */
  static final int SAMPLES_PER_SECOND = 64;
  private static final double NANOS_PER_MS = 1e6;

  private final long[][] samplesNanos = new long[RecentWindow.MAX_SECONDS][SAMPLES_PER_SECOND];
  private final int[] sampleCounts = new int[RecentWindow.MAX_SECONDS];
  private final IntervalStats[] seconds = new IntervalStats[RecentWindow.MAX_SECONDS];
  private final long[] durationsNanos = new long[RecentWindow.MAX_SECONDS];
  private final long[] merged = new long[RecentWindow.MAX_SECONDS * SAMPLES_PER_SECOND];
  private long closedSeconds;
  private int pending;
  private volatile boolean full;

  /** A successful request's latency, in the second now open; past {@code SAMPLES_PER_SECOND} it is left out. */
  void record(long latencyNanos) {
    if (!full) store(latencyNanos);
  }

  private synchronized void store(long latencyNanos) {
    int slot = (int) (closedSeconds % RecentWindow.MAX_SECONDS);
    if (pending < SAMPLES_PER_SECOND) samplesNanos[slot][pending++] = latencyNanos;
    full = pending == SAMPLES_PER_SECOND;
  }

  /** Closes the open second with its exact figures; {@code durationNanos} is how long it lasted, about 1 s. */
  synchronized void close(IntervalStats second, long durationNanos) {
    int slot = (int) (closedSeconds % RecentWindow.MAX_SECONDS);
    sampleCounts[slot] = pending;
    seconds[slot] = second;
    durationsNanos[slot] = Math.max(0, durationNanos);
    pending = 0;
    full = false;
    closedSeconds++;
  }

  /** The shortest trailing window with {@link RecentWindow#MIN_REQUESTS} requests, or as far back as kept. */
  synchronized RecentWindow recent() {
    int available = (int) Math.min(closedSeconds, RecentWindow.MAX_SECONDS);
    long requests = 0;
    long errors = 0;
    int sampled = 0;
    int length = 0;
    long spanNanos = 0;
    while (length < available && requests < RecentWindow.MIN_REQUESTS) {
      int slot = (int) ((closedSeconds - 1 - length) % RecentWindow.MAX_SECONDS);
      requests += seconds[slot].requests();
      errors += seconds[slot].errors();
      spanNanos += durationsNanos[slot];
      System.arraycopy(samplesNanos[slot], 0, merged, sampled, sampleCounts[slot]);
      sampled += sampleCounts[slot];
      length++;
    }
    if (length == 1) {
      IntervalStats only = seconds[(int) ((closedSeconds - 1) % RecentWindow.MAX_SECONDS)];
      return new RecentWindow(Duration.ofNanos(spanNanos), requests, errors, only.latencyP50Ms(), only.latencyP95Ms());
    }
    Arrays.sort(merged, 0, sampled);
    return new RecentWindow(Duration.ofNanos(spanNanos), requests, errors, percentileMs(sampled, 50),
        percentileMs(sampled, 95));
  }

  /** Nearest rank, as HdrHistogram reads a percentile: the smallest value with {@code percentile} % at or below it. */
  private double percentileMs(int count, double percentile) {
    if (count == 0) return Double.NaN;
    int rank = (int) Math.ceil(percentile / 100 * count);
    return merged[Math.max(0, rank - 1)] / NANOS_PER_MS;
  }
}
