package dev.gatebench.upstream;

import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * How late the mock wrote each streamed content delta against its due time (arrival + TTFT, then
 * one ITL per token): the mock's own side of a timing figure, to set beside what a client
 * receives. Measured from the request's arrival at the handler to the return of the write of the
 * delta into the socket, in microseconds; the first delta of each stream (its TTFT) and the others
 * are kept apart. Thread-safe: writers never block; readers drain under a lock.
 */
public final class SendLateness {

  private static final long HIGHEST_MICROS = 3_600_000_000L;
  private static final int DIGITS = 3;

  private final Recorder firstRecorder = new Recorder(HIGHEST_MICROS, DIGITS);
  private final Recorder laterRecorder = new Recorder(HIGHEST_MICROS, DIGITS);
  private final Histogram first = new Histogram(HIGHEST_MICROS, DIGITS);
  private final Histogram later = new Histogram(HIGHEST_MICROS, DIGITS);
  private final Histogram windowFirst = new Histogram(HIGHEST_MICROS, DIGITS);
  private final Histogram windowLater = new Histogram(HIGHEST_MICROS, DIGITS);

  SendLateness() {}

  /** Lateness in µs of every stream's first content delta since start or {@link #reset()}. */
  public synchronized Histogram firstDelta() {
    drain();
    return first.copy();
  }

  /** Lateness in µs of every content delta after the first. */
  public synchronized Histogram laterDeltas() {
    drain();
    return later.copy();
  }

  public synchronized void reset() {
    drain();
    first.reset();
    later.reset();
    windowFirst.reset();
    windowLater.reset();
  }

  /**
   * One line on the deltas written since the previous call, e.g. {@code first deltas 200: p50
   * 0.041 p99 0.310 max 0.402 ms; later deltas 19800: ...}; starts a new window.
   */
  synchronized String windowLine() {
    drain();
    String line = "first deltas " + describe(windowFirst) + "; later deltas " + describe(windowLater);
    windowFirst.reset();
    windowLater.reset();
    return line;
  }

  void record(boolean firstDelta, long latenessNanos) {
    (firstDelta ? firstRecorder : laterRecorder).recordValue(Math.min(HIGHEST_MICROS, Math.max(0, latenessNanos / 1000)));
  }

  private void drain() {
    Histogram f = firstRecorder.getIntervalHistogram();
    Histogram l = laterRecorder.getIntervalHistogram();
    first.add(f);
    later.add(l);
    windowFirst.add(f);
    windowLater.add(l);
  }

  private static String describe(Histogram h) {
    return String.format(Locale.ROOT, "%d: p50 %.3f p99 %.3f p99.9 %.3f max %.3f ms", h.getTotalCount(),
        h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
        h.getMaxValue() / 1e3);
  }
}
