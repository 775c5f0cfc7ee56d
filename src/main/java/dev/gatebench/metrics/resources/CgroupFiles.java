package dev.gatebench.metrics.resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The cgroup files of one container or process group: CPU time, memory now and at peak, the limits
 * the kernel enforces, and how often the memory limit killed something. Reads cgroup v1 (a memory
 * and a cpuacct hierarchy, cgroupfs or systemd layout) and v2 (one unified directory). Values are
 * read fresh on every call. Thread-safe.
 */
public final class CgroupFiles {
  /** Where cgroups are mounted on Linux. */
  public static final Path ROOT = Path.of("/sys/fs/cgroup");
  /** v1 reports "no limit" as a huge number (PAGE_COUNTER_MAX pages); anything above 2^60 is unlimited. */
  private static final long UNLIMITED_V1 = 1L << 60;

  private final boolean v2;
  private final Path cpuacct;
  private final Path cpu;
  private final Path memory;

  private CgroupFiles(boolean v2, Path cpuacct, Path cpu, Path memory) {
    this.v2 = v2;
    this.cpuacct = Objects.requireNonNull(cpuacct, "cpuacct");
    this.cpu = Objects.requireNonNull(cpu, "cpu");
    this.memory = Objects.requireNonNull(memory, "memory");
  }

  /** A container's cgroup under {@link #ROOT}, by its full id; empty when not visible here (Docker Desktop). */
  public static Optional<CgroupFiles> ofContainer(String containerId) {
    return ofContainer(ROOT, containerId);
  }

  static Optional<CgroupFiles> ofContainer(Path root, String id) {
    for (String relative : List.of("docker/" + id, "system.slice/docker-" + id + ".scope")) {
      if (Files.isRegularFile(root.resolve(relative).resolve("cgroup.controllers"))) {
        return Optional.of(unified(root.resolve(relative)));
      }
      Path memory = root.resolve("memory").resolve(relative);
      Path cpuacct = root.resolve("cpuacct").resolve(relative);
      if (Files.isDirectory(memory) && Files.isDirectory(cpuacct)) {
        return Optional.of(v1(cpuacct, root.resolve("cpu").resolve(relative), memory));
      }
    }
    return Optional.empty();
  }

  /**
   * The cgroup a process is in, from {@code /proc/<pid>/cgroup}: its v1 {@code memory}, {@code cpuacct}
   * and {@code cpu} groups, or its v2 group; empty when the process is gone or its groups are not mounted.
   */
  public static Optional<CgroupFiles> ofProcess(long pid) {
    try {
      java.util.Map<String, String> groups = new java.util.HashMap<>();
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"))) {
        String[] parts = line.split(":", 3);
        if (parts.length < 3) continue;
        for (String controller : parts[1].split(",")) groups.put(controller, parts[2]);
      }
      if (groups.containsKey("memory")) {
        Path memory = ROOT.resolve("memory" + groups.get("memory"));
        Path cpuacct = ROOT.resolve("cpuacct" + groups.getOrDefault("cpuacct", "/"));
        Path cpu = ROOT.resolve("cpu" + groups.getOrDefault("cpu", "/"));
        return Files.isDirectory(memory) ? Optional.of(v1(cpuacct, cpu, memory)) : Optional.empty();
      }
      Path unified = ROOT.resolve(groups.getOrDefault("", "/").substring(1));
      return Files.isRegularFile(unified.resolve("cgroup.controllers")) ? Optional.of(unified(unified))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The memory group's directory, e.g. {@code /sys/fs/cgroup/memory/gatebench/run-42/litellm-4242}. */
  public Path memoryDir() {
    return memory;
  }

  /** cgroup v1: the group's directories in the {@code cpuacct}, {@code cpu} and {@code memory} hierarchies. */
  public static CgroupFiles v1(Path cpuacctDir, Path cpuDir, Path memoryDir) {
    return new CgroupFiles(false, cpuacctDir, cpuDir, memoryDir);
  }

  /** cgroup v2: one directory with every controller's files. */
  public static CgroupFiles unified(Path dir) {
    return new CgroupFiles(true, dir, dir, dir);
  }

  /** CPU time used by everything in the group since it was created, nanoseconds. */
  public long cpuUsageNanos() {
    return v2 ? statValue(cpu.resolve("cpu.stat"), "usage_usec") * 1000 : number(cpuacct.resolve("cpuacct.usage"));
  }

  /** Memory charged to the group now (page cache included), bytes. */
  public long memoryUsageBytes() {
    return number(memory.resolve(v2 ? "memory.current" : "memory.usage_in_bytes"));
  }

  /**
   * Memory as {@code docker stats} shows it: usage minus inactive page cache ({@code total_inactive_file}
   * on v1, {@code inactive_file} on v2), bytes.
   */
  public long memoryWorkingSetBytes() {
    long usage = memoryUsageBytes();
    long inactive = statValue(memory.resolve("memory.stat"), v2 ? "inactive_file" : "total_inactive_file");
    return inactive < usage ? usage - inactive : usage;
  }

  /** The kernel's high-water mark of {@link #memoryUsageBytes()} (v1 {@code max_usage_in_bytes}, v2 {@code memory.peak}). */
  public OptionalLong memoryPeakBytes() {
    Path file = memory.resolve(v2 ? "memory.peak" : "memory.max_usage_in_bytes");
    return Files.isRegularFile(file) ? OptionalLong.of(number(file)) : OptionalLong.empty();
  }

  /** The memory limit the kernel enforces, bytes; empty when unlimited. */
  public OptionalLong memoryLimitBytes() {
    String raw = text(memory.resolve(v2 ? "memory.max" : "memory.limit_in_bytes"));
    if (raw.equals("max")) return OptionalLong.empty();
    long limit = Long.parseLong(raw);
    return limit >= UNLIMITED_V1 ? OptionalLong.empty() : OptionalLong.of(limit);
  }

  /** The CPU quota in CPUs (quota / period), e.g. 2.0; empty when unlimited. */
  public Optional<Double> cpuQuota() {
    if (v2) {
      String[] max = text(cpu.resolve("cpu.max")).split("\\s+");
      return max[0].equals("max") ? Optional.empty() : Optional.of(Double.parseDouble(max[0]) / Double.parseDouble(max[1]));
    }
    if (!Files.isRegularFile(cpu.resolve("cpu.cfs_quota_us"))) return Optional.empty();
    long quota = number(cpu.resolve("cpu.cfs_quota_us"));
    return quota <= 0 ? Optional.empty() : Optional.of(quota / (double) number(cpu.resolve("cpu.cfs_period_us")));
  }

  /** Processes the memory limit killed (v1 {@code memory.oom_control oom_kill}, v2 {@code memory.events oom_kill}). */
  public long oomKills() {
    Path file = memory.resolve(v2 ? "memory.events" : "memory.oom_control");
    return Files.isRegularFile(file) ? statValue(file, "oom_kill") : 0;
  }

  /** How often usage hit the limit (v1 {@code memory.failcnt}, v2 {@code memory.events max}). */
  public long limitHits() {
    return v2 ? statValue(memory.resolve("memory.events"), "max") : number(memory.resolve("memory.failcnt"));
  }

  /** Where these files are, e.g. {@code cgroup v1 /sys/fs/cgroup/memory/docker/3f2a...}. */
  public String describe() {
    return v2 ? "cgroup v2 " + memory : "cgroup v1 " + memory + ", " + cpuacct + ", " + cpu;
  }

  private static long number(Path file) {
    return Long.parseLong(text(file));
  }

  private static long statValue(Path file, String key) {
    for (String line : text(file).split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2 && parts[0].equals(key)) return Long.parseLong(parts[1]);
    }
    return 0;
  }

  private static String text(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage()
          + "; the group is gone (its container or process stopped)", e);
    }
  }
}
