package dev.gatebench.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * The requests that ended in the last few seconds of a run, for the live progress line: the window
 * grows a second at a time until it holds at least {@link #MIN_REQUESTS} requests, up to
 * {@link #MAX_SECONDS}, so a run at 1 req/s shows a p50 over its last 20 requests instead of a
 * one-second sample that flips between one request and none.
 *
 * @param span the window's length: its closed intervals (each about a second; the run's last one
 *     shorter) added up, >= 0; zero before the first second closed
 * @param requests requests that ended in the window, failed ones included
 * @param errors of those, how many failed
 * @param latencyP50Ms chat_completion_latency p50 of the window's successes, within 0.5 %; NaN when none
 * @param latencyP95Ms likewise p95
 */
public record RecentWindow(Duration span, long requests, long errors, double latencyP50Ms, double latencyP95Ms) {
  /** The window grows until it holds this many requests; enough for a p50 and a rough p95. */
  public static final int MIN_REQUESTS = 20;
  /** ...but no further back than this many seconds: older ones say little about the run now. */
  public static final int MAX_SECONDS = 60;
  /** No second closed yet. */
  public static final RecentWindow EMPTY = new RecentWindow(Duration.ZERO, 0, 0, Double.NaN, Double.NaN);

  public RecentWindow {
    Objects.requireNonNull(span, "span");
    if (span.isNegative()) throw new IllegalArgumentException("span must be >= 0 but was " + span);
    if (requests < 0) throw new IllegalArgumentException("requests must be >= 0 but was " + requests);
    if (errors < 0 || errors > requests) {
      throw new IllegalArgumentException("errors must be in [0, requests=" + requests + "] but was " + errors);
    }
  }

  /** Requests ended per second over the window; 0 for an empty window. */
  public double requestsPerSecond() {
    return span.isZero() ? 0 : requests / (span.toNanos() / 1e9);
  }

  /** The span in whole seconds, rounded (at least 1 unless empty), as the progress line names it. */
  public long seconds() {
    return span.isZero() ? 0 : Math.max(1, Math.round(span.toNanos() / 1e9));
  }
}
