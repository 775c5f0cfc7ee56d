package dev.gatebench.threshold;

import static dev.gatebench.metrics.MetricNames.CHAT_COMPLETION_LATENCY;
import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static dev.gatebench.metrics.MetricNames.REQUESTS_TOTAL;

import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.MetricsCollector;
import dev.gatebench.metrics.RequestOutcome;
import dev.gatebench.metrics.RunResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Runs with known numbers for threshold and assertion tests. */
final class TestRuns {
  static final Instant STARTED = Instant.parse("2026-11-27T22:30:00Z");

  private TestRuns() {}

  /** p(95) 31234.5 ms, avg 12000 ms, error rate 0.25 (4 requests, 1 failed). */
  static RunResult fixed() {
    Map<String, MetricSummary> metrics = Map.of(
        CHAT_COMPLETION_LATENCY, new MetricSummary("trend", "time", Map.of("min", 100.0, "avg", 12000.0,
            "med", 9000.0, "p(90)", 30000.0, "p(95)", 31234.5, "p(99)", 40000.0, "p(99.9)", 41000.0,
            "max", 41000.0, "count", 4.0), null),
        ERROR_RATE, new MetricSummary("rate", "default", Map.of("rate", 0.25, "passes", 1.0, "fails", 3.0), null),
        REQUESTS_TOTAL, new MetricSummary("counter", "default", Map.of("count", 4.0, "rate", 0.4), null));
    return new RunResult("baseline", "litellm", STARTED, 10_000, metrics, List.of(), Map.of(), Map.of(),
        Map.of(), Map.of());
  }

  /** A collected run: latencies 1..1000 ms, no errors, histograms stored. */
  static RunResult collected() {
    MetricsCollector collector = new MetricsCollector(0);
    for (int ms = 1; ms <= 1000; ms++) {
      collector.record(new RequestOutcome(0, 0, RequestOutcome.UNSET, RequestOutcome.UNSET, ms * 1_000_000L,
          null, 10, 200, null));
    }
    return collector.toResult("throughput", "inferxgate", STARTED, 10_000_000_000L, Map.of(), Map.of(), Map.of());
  }
}
