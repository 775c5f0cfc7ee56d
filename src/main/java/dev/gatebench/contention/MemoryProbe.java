package dev.gatebench.contention;

import java.util.OptionalLong;

/** Reads a row's memory and open file descriptors now. Implementations are thread-safe. */
public interface MemoryProbe {
  /**
   * One look.
   *
   * @throws RuntimeException when the row is gone (its process exited, its cgroup removed)
   */
  Reading read();

  /** What is read, for the record, e.g. {@code process tree of pid 4242}. */
  String describe();

  /**
   * @param rssBytes resident memory (a container's: its cgroup's working set), bytes, >= 0; empty when this
   *     look took only descriptors (a probe whose memory reading costs the row reads it less often)
   * @param openFds open file descriptors over the row's processes, empty when they cannot be read
   */
  record Reading(OptionalLong rssBytes, OptionalLong openFds) {
    public Reading {
      MemorySample.requireBytes(rssBytes);
    }

    /** Memory and descriptors. */
    public Reading(long rssBytes, OptionalLong openFds) {
      this(OptionalLong.of(rssBytes), openFds);
    }
  }
}
