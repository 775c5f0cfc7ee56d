package dev.gatebench.contention;

import java.util.OptionalLong;

/**
 * One reading of a soak.
 *
 * @param offsetSeconds since the first reading, >= 0
 * @param rssBytes resident memory, bytes, >= 0; empty when this reading took only descriptors
 * @param openFds open file descriptors, empty when they could not be read
 */
public record MemorySample(double offsetSeconds, OptionalLong rssBytes, OptionalLong openFds) {
  public MemorySample {
    if (!(offsetSeconds >= 0)) throw new IllegalArgumentException("offsetSeconds must be >= 0 but was " + offsetSeconds);
    requireBytes(rssBytes);
  }

  /** Checks a memory figure of a sample or a probe's reading: none, or bytes >= 0. */
  static void requireBytes(OptionalLong rssBytes) {
    if (rssBytes.isPresent() && rssBytes.getAsLong() < 0) {
      throw new IllegalArgumentException("rssBytes must be >= 0 but was " + rssBytes.getAsLong());
    }
  }

  /** A reading of memory and descriptors. */
  public MemorySample(double offsetSeconds, long rssBytes, OptionalLong openFds) {
    this(offsetSeconds, OptionalLong.of(rssBytes), openFds);
  }
}
