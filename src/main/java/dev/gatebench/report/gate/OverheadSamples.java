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

  /** Per-second overhead in ms of {@code gateway} over {@code direct}; empty if either has no data. */
  static double[] of(RunResult gateway, RunResult direct, GateMetric metric) {
    double[] directSeconds = perSecond(direct, metric);
    if (directSeconds.length == 0) return new double[0];
    double directMedianMs = MedianShift.median(directSeconds);
    return Arrays.stream(perSecond(gateway, metric)).map(ms -> ms - directMedianMs).toArray();
  }

  static double[] perSecond(RunResult run, GateMetric metric) {
    return run.timeSeries().stream().filter(s -> s.requests() > 0)
        .mapToDouble(metric::perSecondMs).filter(Double::isFinite).toArray();
  }

  /** Median of a run's per-second values, NaN when there are none. */
  static double medianMs(RunResult run, GateMetric metric) {
    double[] values = perSecond(run, metric);
    return values.length == 0 ? Double.NaN : MedianShift.median(values);
  }
}
