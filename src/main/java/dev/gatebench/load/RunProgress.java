package dev.gatebench.load;

import dev.gatebench.metrics.ProgressTick;

/** Hears about each second of a run; the shape of {@code dev.gatebench.metrics.ProgressReporter}. Runner thread only. */
public interface RunProgress {
  /** Says nothing. */
  RunProgress SILENT = new RunProgress() {
    @Override
    public void onTick(ProgressTick tick) {}

    @Override
    public void finish() {}
  };

  /** One second of the run closed: which run, how far along, and what the target did lately. */
  void onTick(ProgressTick tick);

  void finish();

  /**
   * The run is being ended early; {@code line} says which run and why, e.g.
   * {@code sustained against litellm aborted after 4.1 s: every connection was refused for 3.0 s}.
   */
  default void aborted(String line) {}

  /**
   * The run ended but its numbers cannot be trusted; {@code line} says which run and why, e.g.
   * {@code baseline against litellm is untrustworthy: the load generator fell behind its schedule: ...}.
   */
  default void untrustworthy(String line) {}
}
