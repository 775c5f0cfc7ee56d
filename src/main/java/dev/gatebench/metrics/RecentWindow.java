package dev.gatebench.metrics;

/**
 * The requests that ended in the last few seconds of a run, for the live progress line: the window
 * grows a second at a time until it holds at least {@link #MIN_REQUESTS} requests, up to
 * {@link #MAX_SECONDS}, so a run at 1 req/s shows a p50 over its last 20 requests instead of a
 * one-second sample that flips between one request and none.
 *
 * @param seconds the window's length in whole seconds, 0..{@link #MAX_SECONDS}; 0 before the first second closed
 * @param requests requests that ended in the window, failed ones included
 * @param errors of those, how many failed
 * @param latencyP50Ms chat_completion_latency p50 of the window's successes, within 0.5 %; NaN when none
 * @param latencyP95Ms likewise p95
 */
public record RecentWindow(int seconds, long requests, long errors, double latencyP50Ms, double latencyP95Ms) {
  /** The window grows until it holds this many requests; enough for a p50 and a rough p95. */
  public static final int MIN_REQUESTS = 20;
  /** ...but no further back than this: older seconds say little about the run now. */
  public static final int MAX_SECONDS = 60;
  /** No second closed yet. */
  public static final RecentWindow EMPTY = new RecentWindow(0, 0, 0, Double.NaN, Double.NaN);

  public RecentWindow {
    if (seconds < 0 || seconds > MAX_SECONDS) {
      throw new IllegalArgumentException("seconds must be in [0, " + MAX_SECONDS + "] but was " + seconds);
    }
    if (requests < 0) throw new IllegalArgumentException("requests must be >= 0 but was " + requests);
    if (errors < 0 || errors > requests) {
      throw new IllegalArgumentException("errors must be in [0, requests=" + requests + "] but was " + errors);
    }
  }

  /** Requests ended per second over the window; 0 for an empty window. */
  public double requestsPerSecond() {
    return seconds == 0 ? 0 : (double) requests / seconds;
  }
}
