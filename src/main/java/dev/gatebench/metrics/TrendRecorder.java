package dev.gatebench.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One trend: a lock-free {@link Recorder} written by event-loop threads, drained into a cumulative
 * histogram and, for a trend the time series reads, a histogram of the current interval. Memory is
 * fixed at construction (histograms of a fixed range), however many values are recorded.
 *
 * <p>A trend without an interval histogram costs its reader nothing until it is read: the
 * once-a-second close drains only the per-second trends, since every drain walks whole counts arrays
 * on the generator's core, beside its event loops.
 *
 * <p>{@link #record} is thread-safe and wait-free; the other methods are called by one reader at
 * a time (the collector synchronizes them).
 */
final class TrendRecorder {
  /** 3 significant digits: values are exact to 0.1%, as the design asks. */
  static final int SIGNIFICANT_DIGITS = 3;

  private final long highestTrackable;
  private final Recorder recorder;
  private final Histogram cumulative;
  /** Null for a trend read only as a whole. */
  private final Histogram interval;
  private Histogram recycled;

  private TrendRecorder(long highestTrackable, boolean perSecond) {
    this.highestTrackable = highestTrackable;
    this.recorder = new Recorder(highestTrackable, SIGNIFICANT_DIGITS);
    this.cumulative = new Histogram(highestTrackable, SIGNIFICANT_DIGITS);
    this.interval = perSecond ? new Histogram(highestTrackable, SIGNIFICANT_DIGITS) : null;
    this.recycled = recorder.getIntervalHistogram();
  }

  /**
   * A trend the time series reads once a second as well as whole.
   *
   * @param highestTrackable largest value kept as is, >= 2; larger values are clamped to it
   */
  static TrendRecorder perSecond(long highestTrackable) {
    return new TrendRecorder(highestTrackable, true);
  }

  /** A trend read only as a whole, at a summary or the result; see {@link #perSecond} for the argument. */
  static TrendRecorder wholeRun(long highestTrackable) {
    return new TrendRecorder(highestTrackable, false);
  }

  /** Records one value; negative values count as 0 and values past the range as its top. */
  void record(long value) {
    recorder.recordValue(Math.max(0, Math.min(value, highestTrackable)));
  }

  /** Moves what was recorded since the last drain into the interval and cumulative histograms. */
  void drain() {
    recycled = recorder.getIntervalHistogram(recycled);
    if (interval != null) interval.add(recycled);
    cumulative.add(recycled);
  }

  /** What was recorded since the last {@link #resetInterval}; drain first. Only for a {@link #perSecond} trend. */
  Histogram interval() {
    if (interval == null) throw new IllegalStateException("a whole-run trend keeps no interval histogram");
    return interval;
  }

  void resetInterval() {
    if (interval != null) interval.reset();
  }

  /** Everything recorded since construction; drain first. */
  Histogram cumulative() {
    return cumulative;
  }

  /** Bytes held by the histograms: the same however long the run. */
  long footprintBytes() {
    long intervalBytes = interval == null ? 0 : interval.getEstimatedFootprintInBytes();
    return cumulative.getEstimatedFootprintInBytes() + intervalBytes + 2L * recycled.getEstimatedFootprintInBytes();
  }
}
