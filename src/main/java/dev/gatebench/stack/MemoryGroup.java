package dev.gatebench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The memory cgroup a gateway process runs in, capped at its limit, whose kernel counter tells how many
 * of its processes the limit killed: {@code oom_kill} in v1 {@code memory.oom_control} or v2
 * {@code memory.events}. Closing removes the group, once its processes stopped. Thread-safe.
 */
final class MemoryGroup implements AutoCloseable {
  private final Path counters;
  private final long limitBytes;
  private final AutoCloseable removal;

  private MemoryGroup(Path counters, long limitBytes, AutoCloseable removal) {
    this.counters = counters;
    this.limitBytes = limitBytes;
    this.removal = removal;
  }

  /** A cgroup v1 memory group, e.g. {@code /sys/fs/cgroup/memory/gatebench/run-42/litellm-4242}. */
  static MemoryGroup v1(Path group, long limitBytes, AutoCloseable removal) {
    return new MemoryGroup(group.resolve("memory.oom_control"), limitBytes, removal);
  }

  /** A cgroup v2 group, e.g. {@code /sys/fs/cgroup/gatebench-litellm-4242}. */
  static MemoryGroup v2(Path group, long limitBytes, AutoCloseable removal) {
    return new MemoryGroup(group.resolve("memory.events"), limitBytes, removal);
  }

  /** The limit the group was given, bytes; e.g. 1 GiB. */
  long limitBytes() {
    return limitBytes;
  }

  /** Processes of the group its limit killed so far; 0 when the kernel keeps no count or the group is gone. */
  long oomKills() {
    try {
      return oomKills(counters);
    } catch (IOException e) {
      return 0;
    }
  }

  /** The {@code oom_kill} line of a counters file, 0 on kernels that do not write one (before 4.13). */
  static long oomKills(Path counters) throws IOException {
    for (String line : Files.readAllLines(counters)) {
      if (line.startsWith("oom_kill ")) return Long.parseLong(line.substring("oom_kill ".length()).strip());
    }
    return 0;
  }

  @Override
  public void close() throws Exception {
    removal.close();
  }
}
