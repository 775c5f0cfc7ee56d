package dev.gatebench.contention;

import java.util.OptionalLong;

/**
 * One reading of a soak.
 *
 * @param offsetSeconds since the first reading, >= 0
 * @param rssBytes resident memory, bytes, >= 0
 * @param openFds open file descriptors, empty when they could not be read
 */
public record MemorySample(double offsetSeconds, long rssBytes, OptionalLong openFds) {
  public MemorySample {
    if (!(offsetSeconds >= 0)) throw new IllegalArgumentException("offsetSeconds must be >= 0 but was " + offsetSeconds);
    if (rssBytes < 0) throw new IllegalArgumentException("rssBytes must be >= 0 but was " + rssBytes);
  }
}
