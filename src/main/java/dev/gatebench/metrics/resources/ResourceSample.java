package dev.gatebench.metrics.resources;

/**
 * One sampling interval of a process tree (about a second).
 *
 * @param offsetSeconds seconds from the first reading to the end of this interval, >= 0; e.g. 3.0
 * @param cores CPU used over the interval in cores, >= 0; 1.5 = one and a half cores busy
 * @param rssBytes resident set size summed over the tree at the end of the interval, bytes, >= 0
 * @param processes live processes in the tree at the end of the interval, >= 0
 */
public record ResourceSample(double offsetSeconds, double cores, long rssBytes, int processes) {
  public ResourceSample {
    if (!(offsetSeconds >= 0)) throw new IllegalArgumentException("offsetSeconds must be >= 0 but was " + offsetSeconds);
    if (!(cores >= 0)) throw new IllegalArgumentException("cores must be >= 0 but was " + cores);
    if (rssBytes < 0) throw new IllegalArgumentException("rssBytes must be >= 0 but was " + rssBytes);
    if (processes < 0) throw new IllegalArgumentException("processes must be >= 0 but was " + processes);
  }
}
