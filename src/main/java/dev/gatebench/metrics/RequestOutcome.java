package dev.gatebench.metrics;

import java.util.Objects;

/**
 * What the HTTP driver measured for one request. Times are {@link System#nanoTime()} readings;
 * a time that was never reached is {@link #UNSET}.
 *
 * @param intendedStartNanos when the request should have started: the scheduled arrival in open
 *     models (coordinated-omission correction), equal to {@code startNanos} in closed models
 * @param startNanos when the request was handed to the connection
 * @param firstByteNanos first response byte (headers included), or UNSET
 * @param firstTokenNanos first content delta of a streamed answer, or UNSET (not streaming)
 * @param endNanos last byte, error or timeout
 * @param tokenGapsNanos gaps between consecutive content deltas of a streamed answer; empty if none
 * @param outputTokens completion tokens from the response's {@code usage}, 0 if not given
 * @param status HTTP status, 0 if no response arrived
 * @param error why it failed, or null for a success
 */
public record RequestOutcome(long intendedStartNanos, long startNanos, long firstByteNanos,
    long firstTokenNanos, long endNanos, long[] tokenGapsNanos, int outputTokens, int status,
    ErrorKind error) {
  public static final long UNSET = Long.MIN_VALUE;
  private static final long[] NO_GAPS = new long[0];

  public RequestOutcome {
    tokenGapsNanos = tokenGapsNanos == null ? NO_GAPS : tokenGapsNanos;
    if (endNanos < intendedStartNanos) {
      throw new IllegalArgumentException("endNanos " + endNanos + " before intendedStartNanos " + intendedStartNanos);
    }
    if (outputTokens < 0) throw new IllegalArgumentException("outputTokens must be >= 0 but was " + outputTokens);
  }

  public boolean success() {
    return error == null;
  }

  /** Latency as the user sees it: from the intended start to the last byte. */
  public long latencyNanos() {
    return endNanos - intendedStartNanos;
  }

  /** Time to first byte from the intended start, or UNSET. */
  public long timeToFirstByteNanos() {
    return firstByteNanos == UNSET ? UNSET : firstByteNanos - intendedStartNanos;
  }

  /** Time to first token from the intended start, or UNSET. */
  public long timeToFirstTokenNanos() {
    return firstTokenNanos == UNSET ? UNSET : firstTokenNanos - intendedStartNanos;
  }

  public static RequestOutcome failed(long intendedStartNanos, long startNanos, long endNanos,
      int status, ErrorKind error) {
    return new RequestOutcome(intendedStartNanos, startNanos, UNSET, UNSET, endNanos, NO_GAPS, 0, status,
        Objects.requireNonNull(error, "error"));
  }
}
