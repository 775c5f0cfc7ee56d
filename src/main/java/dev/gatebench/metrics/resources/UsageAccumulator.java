package dev.gatebench.metrics.resources;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns successive {@link TreeReading}s into a {@link ResourceUsage}. Counts only CPU used after
 * the first reading. A process that appears between readings is counted from zero (it was born
 * in the interval); a process that exits loses its last partial interval, at most one second.
 * Not thread-safe: one sampler thread feeds it.
 */
final class UsageAccumulator {
  private final double ticksPerSecond;
  private final List<ResourceSample> series = new ArrayList<>();
  private Map<Long, Long> lastTicks = new HashMap<>();
  private long firstNanos;
  private long lastNanos;
  private long cpuTicks;
  private long rssPeakBytes;
  private double rssSumBytes;
  private int readings;

  UsageAccumulator(long clockTicksPerSecond) {
    this.ticksPerSecond = clockTicksPerSecond;
  }

  void add(TreeReading reading) {
    if (readings == 0) {
      firstNanos = reading.nanoTime();
    } else {
      long delta = deltaTicks(reading);
      cpuTicks += delta;
      double seconds = Math.max(1e-9, (reading.nanoTime() - lastNanos) / 1e9);
      series.add(new ResourceSample((reading.nanoTime() - firstNanos) / 1e9, delta / ticksPerSecond / seconds,
          reading.rssBytes(), reading.processes()));
    }
    lastTicks = new HashMap<>(reading.cpuTicksByPid());
    lastNanos = reading.nanoTime();
    rssPeakBytes = Math.max(rssPeakBytes, reading.rssBytes());
    rssSumBytes += reading.rssBytes();
    readings++;
  }

  private long deltaTicks(TreeReading reading) {
    long delta = 0;
    for (Map.Entry<Long, Long> e : reading.cpuTicksByPid().entrySet()) {
      long before = lastTicks.getOrDefault(e.getKey(), 0L);
      delta += Math.max(0, e.getValue() - before);
    }
    return delta;
  }

  ResourceUsage toUsage(String source, String note) {
    double cpuSeconds = cpuTicks / ticksPerSecond;
    double wallSeconds = (lastNanos - firstNanos) / 1e9;
    double coresMean = wallSeconds > 0 ? cpuSeconds / wallSeconds : 0;
    double coresPeak = series.stream().mapToDouble(ResourceSample::cores).max().orElse(0);
    long rssMean = readings == 0 ? 0 : Math.round(rssSumBytes / readings);
    return new ResourceUsage(source, cpuSeconds, coresMean, coresPeak, rssPeakBytes, rssMean, readings,
        series, note);
  }
}
