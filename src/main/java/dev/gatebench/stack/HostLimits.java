package dev.gatebench.stack;

import dev.gatebench.gateway.MemorySize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The original suite's per-gateway limits (2 CPUs, 1 GiB) for local processes, as far as this host
 * allows: CPUs through {@code taskset}, memory through a cgroup v2 {@code memory.max} or, on cgroup v1
 * hosts, the memory controller's {@code memory.limit_in_bytes} ({@link CgroupV1Memory}). Address-space
 * limits ({@code prlimit --as}) are not used: for Python and Rust, address space is not memory use.
 * What was applied, or why not, goes into every gateway's facts.
 */
final class HostLimits {
  static final int CPUS = 2;
  static final long MEMORY_BYTES = 1L << 30;
  private static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");

  private final List<String> cpuPrefix;
  private final String cpuFact;
  private final Optional<Path> cgroupRoot;
  private final Optional<CgroupV1Memory> v1;
  /** How memory is capped, e.g. {@code cgroup v2 memory.max}, or why it is not. */
  private final String memoryMechanism;

  private HostLimits(List<String> cpuPrefix, String cpuFact, Optional<Path> cgroupRoot, Optional<CgroupV1Memory> v1,
      String memoryMechanism) {
    this.cpuPrefix = List.copyOf(cpuPrefix);
    this.cpuFact = cpuFact;
    this.cgroupRoot = cgroupRoot;
    this.v1 = v1;
    this.memoryMechanism = memoryMechanism;
  }

  static HostLimits detect() {
    int cpus = Runtime.getRuntime().availableProcessors();
    String cpuList = cpus >= CPUS ? "0,1" : "0";
    boolean taskset = Files.isExecutable(Path.of("/usr/bin/taskset")) || Files.isExecutable(Path.of("/bin/taskset"));
    List<String> prefix = taskset ? List.of("taskset", "-c", cpuList) : List.of();
    String cpuFact = taskset ? "taskset -c " + cpuList + " (" + Math.min(cpus, CPUS) + " of " + cpus + " CPUs)"
        : "CPU limit not enforced: taskset not found (util-linux)";
    Optional<String> cgroupProblem = cgroupV2Problem();
    if (cgroupProblem.isEmpty()) {
      return new HostLimits(prefix, cpuFact, Optional.of(CGROUP_ROOT), Optional.empty(), "cgroup v2 memory.max=%s");
    }
    CgroupV1Memory.Result v1 = CgroupV1Memory.detect(CgroupV1Memory.MEMORY_ROOT, Path.of("/proc/self/cgroup"),
        "run-" + ProcessHandle.current().pid());
    String memoryFact = v1.memory().map(m -> "cgroup v1 memory.limit_in_bytes=%s in " + m.runDir())
        .orElse("memory limit not enforced: " + cgroupProblem.get() + "; " + v1.problem());
    return new HostLimits(prefix, cpuFact, Optional.empty(), v1.memory(), memoryFact);
  }

  /** {@code command} prefixed so that it runs on at most {@link #CPUS} CPUs. */
  List<String> wrap(List<String> command) {
    List<String> wrapped = new ArrayList<>(cpuPrefix);
    wrapped.addAll(command);
    return wrapped;
  }

  /**
   * Moves a just-started process into its own cgroup capped at {@code memoryBytes}; children forked
   * later (LiteLLM's workers) inherit it. Returns the cgroup to remove after the process stopped; the
   * process knows it too, to tell whether the limit killed it.
   */
  Optional<MemoryGroup> confine(ManagedProcess process, long memoryBytes) {
    Optional<MemoryGroup> group = group(process, memoryBytes);
    group.ifPresent(process::confinedTo);
    return group;
  }

  private Optional<MemoryGroup> group(ManagedProcess process, long memoryBytes) {
    if (v1.isPresent()) {
      try {
        return Optional.of(v1.get().confine(process.name(), process.handle().pid(), memoryBytes));
      } catch (IOException e) {
        // a process that exited at once has nothing to confine: the readiness wait reports its exit and log
        if (!process.handle().isAlive()) return Optional.empty();
        throw new IllegalStateException("cannot confine " + process + " to " + MemorySize.describe(memoryBytes)
            + " under " + v1.get().runDir() + ": "
            + e.getMessage() + "; run as root, or where cgroup v2 is writable", e);
      }
    }
    if (cgroupRoot.isEmpty()) return Optional.empty();
    Path group = cgroupRoot.get().resolve("gatebench-" + process.name() + "-" + process.handle().pid());
    MemoryGroup memory = MemoryGroup.v2(group, memoryBytes, () -> Files.deleteIfExists(group));
    try {
      Files.createDirectories(group);
      Files.writeString(group.resolve("memory.max"), Long.toString(memoryBytes));
      Files.writeString(group.resolve("cgroup.procs"), Long.toString(process.handle().pid()));
      return Optional.of(memory);
    } catch (IOException e) {
      if (!process.isAlive()) return Optional.of(memory); // readiness reports the exit
      throw new IllegalStateException("cannot confine " + process + " to " + group + ": " + e.getMessage(), e);
    }
  }

  /** What was applied to a process capped at {@code memoryBytes}, or why not. */
  Map<String, Object> facts(long memoryBytes) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("cpu_limit", cpuFact);
    facts.put("memory_limit", memoryMechanism.replace("%s", MemorySize.describe(memoryBytes)));
    return facts;
  }

  private static Optional<String> cgroupV2Problem() {
    Path controllers = CGROUP_ROOT.resolve("cgroup.controllers");
    if (!Files.isRegularFile(controllers)) return Optional.of("cgroup v2 is not mounted at " + CGROUP_ROOT);
    if (!Files.isWritable(CGROUP_ROOT)) return Optional.of(CGROUP_ROOT + " is not writable");
    try {
      if (!Files.readString(controllers).contains("memory")) {
        return Optional.of("the cgroup v2 memory controller is not enabled at " + CGROUP_ROOT);
      }
      String subtree = Files.readString(CGROUP_ROOT.resolve("cgroup.subtree_control"));
      if (!subtree.contains("memory")) Files.writeString(CGROUP_ROOT.resolve("cgroup.subtree_control"), "+memory");
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot enable the memory controller at " + CGROUP_ROOT + ": " + e.getMessage());
    }
  }
}
