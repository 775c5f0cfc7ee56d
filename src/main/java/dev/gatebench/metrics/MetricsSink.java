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

  /** The executor's VU count changed: {@code active} VUs running, {@code allocated} existing. */
  void vus(int active, int allocated);
}
