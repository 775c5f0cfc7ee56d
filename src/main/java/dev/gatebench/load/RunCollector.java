package dev.gatebench.load;

import dev.gatebench.metrics.IntervalStats;
import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.MetricsSink;
import dev.gatebench.metrics.RecentWindow;
import dev.gatebench.metrics.RunResult;
import java.time.Instant;
import java.util.Map;

/**
 * What {@link LoadRunner} needs from a run's metrics collector: the sink, a once-a-second interval
 * close, the live k6 summaries (for abortOnFail) and the final {@link RunResult}. The shape of
 * {@code dev.gatebench.metrics.MetricsCollector}, kept as an interface so the runner is testable
 * with a double. Sink methods are called from event-loop threads, the others from the runner's thread.
 */
public interface RunCollector extends MetricsSink {
  /** Closes the second ending at {@code nowNanos} ({@link System#nanoTime()}). */
  IntervalStats closeInterval(long nowNanos);

  /** The trailing window of closed seconds the progress line shows (see {@link RecentWindow}). */
  RecentWindow recentWindow();

  /** The k6 summary of everything recorded so far. */
  Map<String, MetricSummary> summaries();

  /** The run's result; {@code durationNanos} is the measured run time. */
  RunResult toResult(String suite, String target, Instant startedAt, long durationNanos,
      Map<String, Object> scenario, Map<String, String> config, Map<String, Object> environment);
}
