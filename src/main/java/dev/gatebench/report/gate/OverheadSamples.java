package dev.gatebench.report.gate;

import dev.gatebench.metrics.RunResult;
import java.util.Arrays;

/**
 * The gate's repeated samples: each second's latency percentile of a gateway minus the median of
 * the Direct run's per-second values of that percentile, both from the same run. Subtracting the
 * same-run Direct median removes what the machine adds to every row, so a baseline recorded on one
 * runner compares with a run on another. Seconds without completed requests are left out.
 */
final class OverheadSamples {
  private OverheadSamples() {}

  /** Per-second overhead in ms: each gateway value minus the Direct median; empty if either is empty. */
  static double[] of(double[] gatewayMs, double[] directMs) {
    if (directMs.length == 0) return new double[0];
    double directMedianMs = MedianShift.median(directMs);
    return Arrays.stream(gatewayMs).map(ms -> ms - directMedianMs).toArray();
  }

  /** A run's per-second values of the metric in ms, seconds without requests or values left out. */
  static double[] perSecond(RunResult run, GateMetric metric) {
    return run.timeSeries().stream().filter(s -> s.requests() > 0)
        .mapToDouble(metric::perSecondMs).filter(Double::isFinite).toArray();
  }
}
