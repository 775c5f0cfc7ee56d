package dev.gatebench.metrics;

/**
 * Where the load engine reports what happens during a run. Implementations are thread-safe and
 * cheap: they are called on the HTTP driver's event-loop threads for every request.
 */
public interface MetricsSink {
  /** A request finished, well or badly. */
  void record(RequestOutcome outcome);

  /** A request was handed to a connection; pairs with the {@link #record} of its outcome. */
  void requestStarted();

  /** An open-model iteration found no free VU and was not started (k6's dropped_iterations). */
  void droppedIteration();

  /**
   * The generator did something it had scheduled late: an open-model iteration started
   * {@code lagNanos} after its arrival time, or a VU woke {@code lagNanos} after its think time
   * ended. Recorded whatever the target does: it measures the machine running the load.
   *
   * @param lagNanos how late, >= 0 (a negative value counts as 0); e.g. 150_000 for 0.15 ms
   */
  void scheduleLag(long lagNanos);

  /** The executor's VU count changed: {@code active} VUs running, {@code allocated} existing. */
  void vus(int active, int allocated);
}
