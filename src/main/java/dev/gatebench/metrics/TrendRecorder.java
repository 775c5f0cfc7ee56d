package dev.gatebench.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One trend: a lock-free {@link Recorder} written by event-loop threads, drained into a histogram
 * of the current interval and a cumulative one. Memory is fixed at construction (three histograms
 * of a fixed range), however many values are recorded.
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
  private final Histogram interval;
  private Histogram recycled;

  /** @param highestTrackable largest value kept as is, >= 2; larger values are clamped to it */
  TrendRecorder(long highestTrackable) {
    this.highestTrackable = highestTrackable;
    this.recorder = new Recorder(highestTrackable, SIGNIFICANT_DIGITS);
    this.cumulative = new Histogram(highestTrackable, SIGNIFICANT_DIGITS);
    this.interval = new Histogram(highestTrackable, SIGNIFICANT_DIGITS);
    this.recycled = recorder.getIntervalHistogram();
  }

  /** Records one value; negative values count as 0 and values past the range as its top. */
  void record(long value) {
    recorder.recordValue(Math.max(0, Math.min(value, highestTrackable)));
  }

  /** Moves what was recorded since the last drain into the interval and cumulative histograms. */
  void drain() {
    recycled = recorder.getIntervalHistogram(recycled);
    interval.add(recycled);
    cumulative.add(recycled);
  }

  /** What was recorded since the last {@link #resetInterval}; drain first. */
  Histogram interval() {
    return interval;
  }

  void resetInterval() {
    interval.reset();
  }

  /** Everything recorded since construction; drain first. */
  Histogram cumulative() {
    return cumulative;
  }

  /** Bytes held by the histograms: the same however long the run. */
  long footprintBytes() {
    return cumulative.getEstimatedFootprintInBytes() + interval.getEstimatedFootprintInBytes()
        + 2L * recycled.getEstimatedFootprintInBytes();
  }
}
