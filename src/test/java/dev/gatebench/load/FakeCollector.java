package dev.gatebench.load;

import dev.gatebench.metrics.IntervalStats;
import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.RecentWindow;
import dev.gatebench.metrics.RunResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A RunCollector double: counts requests and interval closes, builds a bare RunResult. */
final class FakeCollector implements RunCollector, ForwardingSink {
  final RecordingSink sink = new RecordingSink();
  final AtomicInteger intervals = new AtomicInteger();
  private final long startNanos;

  FakeCollector(long startNanos) {
    this.startNanos = startNanos;
  }

  @Override
  public RecordingSink delegate() {
    return sink;
  }

  @Override
  public RecentWindow recentWindow() {
    return RecentWindow.EMPTY;
  }

  @Override
  public IntervalStats closeInterval(long nowNanos) {
    int offset = intervals.getAndIncrement();
    long errors = sink.outcomes.stream().filter(o -> !o.success()).count();
    return new IntervalStats(offset, sink.outcomes.size(), errors, 0, 0, 0, 0, 0, 0, 0);
  }

  @Override
  public Map<String, MetricSummary> summaries() {
    long errors = sink.outcomes.stream().filter(o -> !o.success()).count();
    double rate = sink.outcomes.isEmpty() ? 0 : (double) errors / sink.outcomes.size();
    return Map.of("error_rate", new MetricSummary("rate", "default", Map.of("rate", rate), Map.of()));
  }

  @Override
  public RunResult toResult(String suite, String target, Instant startedAt, long durationNanos,
      Map<String, Object> scenario, Map<String, String> config, Map<String, Object> environment) {
    return new RunResult(suite, target, startedAt, durationNanos / 1_000_000, summaries(), List.of(), Map.of(),
        scenario, config, environment);
  }
}
