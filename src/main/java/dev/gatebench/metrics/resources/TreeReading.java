package dev.gatebench.metrics.resources;

import java.util.Map;

/**
 * One look at a process tree.
 *
 * @param nanoTime {@link System#nanoTime()} when it was taken
 * @param cpuTicksByPid cumulative utime + stime of each live process, clock ticks
 * @param rssBytes resident set size summed over the tree, bytes
 */
record TreeReading(long nanoTime, Map<Long, Long> cpuTicksByPid, long rssBytes) {
  TreeReading {
    cpuTicksByPid = Map.copyOf(cpuTicksByPid);
    if (rssBytes < 0) throw new IllegalArgumentException("rssBytes must be >= 0 but was " + rssBytes);
  }

  long totalTicks() {
    return cpuTicksByPid.values().stream().mapToLong(Long::longValue).sum();
  }

  int processes() {
    return cpuTicksByPid.size();
  }
}
