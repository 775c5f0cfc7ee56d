package dev.gatebench.load;

import dev.gatebench.metrics.IntervalStats;
import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.RecentWindow;
import dev.gatebench.metrics.RequestOutcome;
import dev.gatebench.metrics.RunResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A RunCollector double: counts requests and interval closes, builds a bare RunResult. */
final class FakeCollector implements RunCollector {
  final RecordingSink sink = new RecordingSink();
  final AtomicInteger intervals = new AtomicInteger();
  private final long startNanos;

  FakeCollector(long startNanos) {
    this.startNanos = startNanos;
  }

  @Override
  public void record(RequestOutcome outcome) {
    sink.record(outcome);
  }

  @Override
  public void requestStarted() {
    sink.requestStarted();
  }

  @Override
  public void droppedIteration() {
    sink.droppedIteration();
  }

  @Override
  public void scheduleLag(long lagNanos) {
    sink.scheduleLag(lagNanos);
  }

  @Override
  public void vus(int active, int allocated) {
    sink.vus(active, allocated);
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
