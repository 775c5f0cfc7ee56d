package dev.gatebench.contention;

import java.time.Duration;
import java.util.OptionalLong;

/** Reads a row's memory and open file descriptors now. Implementations are thread-safe. */
public interface MemoryProbe {
  /**
   * One look.
   *
   * @throws RuntimeException when the row is gone (its process exited, its cgroup removed)
   */
  Reading read();

  /** How often a soak of {@code plan} reads this probe: the plan's interval unless a look costs the row more. */
  default Duration every(SoakPlan plan) {
    return plan.sampleEvery();
  }

  /** What is read, for the record, e.g. {@code process tree of pid 4242}. */
  String describe();

  /**
   * @param rssBytes resident memory (a container's: its cgroup's working set), bytes, >= 0
   * @param openFds open file descriptors over the row's processes, empty when they cannot be read
   */
  record Reading(long rssBytes, OptionalLong openFds) {
    public Reading {
      if (rssBytes < 0) throw new IllegalArgumentException("rssBytes must be >= 0 but was " + rssBytes);
    }
  }
}
