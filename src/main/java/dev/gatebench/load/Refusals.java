package dev.gatebench.load;

import dev.gatebench.metrics.ErrorKind;
import dev.gatebench.metrics.MetricsSink;
import dev.gatebench.metrics.RequestOutcome;
import java.time.Duration;

/**
 * Watches a run's outcomes for a streak of refused connections: the evidence that nothing listens
 * on the target's port any more. Outcomes arrive from several event loops out of order, so the
 * streak is kept by time, not by arrival: it starts at the earliest refusal that ended after the
 * last answered request, and an answered request ending after that start breaks it.
 *
 * <p>Thread-safe: {@link #record} is called on event-loop threads, {@link #refusedFor} on the
 * runner's. The lock is held for a few comparisons, far below the cost of the request itself.
 */
final class Refusals {
  private static final long NONE = Long.MIN_VALUE;

  private long lastAnsweredNanos = NONE;
  private long streakStartNanos = NONE;

  synchronized void record(RequestOutcome outcome) {
    long endNanos = outcome.endNanos();
    if (outcome.error() == ErrorKind.CONNECT_REFUSED) {
      boolean afterLastAnswer = lastAnsweredNanos == NONE || endNanos > lastAnsweredNanos;
      if (afterLastAnswer && (streakStartNanos == NONE || endNanos < streakStartNanos)) streakStartNanos = endNanos;
    } else if (answered(outcome)) {
      lastAnsweredNanos = Math.max(lastAnsweredNanos, endNanos);
      if (streakStartNanos != NONE && streakStartNanos <= lastAnsweredNanos) streakStartNanos = NONE;
    }
  }

  /** How long every request has been refused as of {@code nowNanos} ({@link System#nanoTime()}); zero if not. */
  synchronized Duration refusedFor(long nowNanos) {
    return streakStartNanos == NONE ? Duration.ZERO : Duration.ofNanos(Math.max(0, nowNanos - streakStartNanos));
  }

  /** Something listened: a status line arrived, whatever it said. */
  private static boolean answered(RequestOutcome outcome) {
    return outcome.status() > 0 || outcome.firstByteNanos() != RequestOutcome.UNSET;
  }

  /** {@code sink} with every outcome also recorded here. */
  MetricsSink watching(MetricsSink sink) {
    return new ForwardingSink() {
      @Override
      public MetricsSink delegate() {
        return sink;
      }

      @Override
      public void record(RequestOutcome outcome) {
        Refusals.this.record(outcome);
        sink.record(outcome);
      }
    };
  }
}
