package dev.gatebench.load;

import dev.gatebench.metrics.IntervalStats;
import java.time.Duration;

/** Hears about each second of a run; the shape of {@code dev.gatebench.metrics.ProgressReporter}. Runner thread only. */
public interface RunProgress {
  /** Says nothing. */
  RunProgress SILENT = new RunProgress() {
    @Override
    public void onInterval(IntervalStats second, Duration elapsed, Duration total) {}

    @Override
    public void finish() {}
  };

  /** @param total the scenario's scheduled duration, without gracefulStop */
  void onInterval(IntervalStats second, Duration elapsed, Duration total);

  void finish();

  /**
   * The run is being ended early; {@code line} says which run and why, e.g.
   * {@code sustained against litellm aborted after 4.1 s: every connection was refused for 3.0 s}.
   */
  default void aborted(String line) {}
}
