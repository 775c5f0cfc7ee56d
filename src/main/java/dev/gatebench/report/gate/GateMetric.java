package dev.gatebench.report.gate;

import dev.gatebench.metrics.IntervalStats;
import java.util.function.ToDoubleFunction;

/** What the gate compares: a per-second latency percentile's overhead over the Direct row. */
public enum GateMetric {
  P50_OVERHEAD("p50 latency overhead", IntervalStats::latencyP50Ms),
  P95_OVERHEAD("p95 latency overhead", IntervalStats::latencyP95Ms);

  private final String label;
  private final ToDoubleFunction<IntervalStats> perSecondMs;

  GateMetric(String label, ToDoubleFunction<IntervalStats> perSecondMs) {
    this.label = label;
    this.perSecondMs = perSecondMs;
  }

  /** Human name for messages, e.g. {@code "p50 latency overhead"}. */
  public String label() {
    return label;
  }

  double perSecondMs(IntervalStats second) {
    return perSecondMs.applyAsDouble(second);
  }
}
