package dev.gatebench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The 1 GiB limit for gateway processes on cgroup v1 hosts: one memory cgroup per gateway,
 * {@code <this JVM's memory cgroup>/gatebench/<run>/<gateway>} (at the root that is
 * {@code /sys/fs/cgroup/memory/gatebench/<run>/<gateway>}), nested under the JVM's own group so that
 * any limit already set above it still holds. Removing the group reports a gateway the limit killed.
 */
final class CgroupV1Memory {
  static final Path MEMORY_ROOT = Path.of("/sys/fs/cgroup/memory");

  private final Path runDir;

  private CgroupV1Memory(Path runDir) {
    this.runDir = runDir;
  }

  /** This host's v1 memory hierarchy if gatebench may create groups in it, or why not. */
  static Result detect(Path memoryRoot, Path procSelfCgroup, String run) {
    if (!Files.isRegularFile(memoryRoot.resolve("memory.limit_in_bytes"))) {
      return new Result(Optional.empty(), "no cgroup v1 memory controller at " + memoryRoot);
    }
    Path own = memoryRoot.resolve(ownGroup(procSelfCgroup));
    if (!Files.isWritable(own)) return new Result(Optional.empty(), own + " is not writable (run as root)");
    return new Result(Optional.of(new CgroupV1Memory(own.resolve("gatebench").resolve(run))), "");
  }

  /** @param memory the limiter, when there is one; @param problem why not, otherwise */
  record Result(Optional<CgroupV1Memory> memory, String problem) {}

  Path runDir() {
    return runDir;
  }

  /**
   * Puts {@code pid} (children it forks later follow it) into {@code <run>/<gateway>} limited to
   * {@code bytes}, swap included where the kernel accounts it. The returned group is removed on close,
   * after the process stopped.
   */
  MemoryGroup confine(String gateway, long pid, long bytes) throws IOException {
    Path group = Files.createDirectories(runDir.resolve(gateway + "-" + pid));
    Files.writeString(group.resolve("memory.limit_in_bytes"), Long.toString(bytes));
    Path swap = group.resolve("memory.memsw.limit_in_bytes");
    if (Files.isRegularFile(swap)) Files.writeString(swap, Long.toString(bytes));
    MemoryGroup removal = MemoryGroup.v1(group, bytes, () -> remove(gateway, group, bytes));
    try {
      Files.writeString(group.resolve("cgroup.procs"), Long.toString(pid));
    } catch (IOException e) {
      // a process that already exited cannot join; its group goes, and readiness reports the exit
      if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) throw e;
    }
    return removal;
  }

  private void remove(String gateway, Path group, long bytes) throws IOException {
    long kills = oomKills(group);
    if (kills > 0) {
      System.out.println("gatebench: " + gateway + " was OOM-killed by its " + (bytes >> 20) + " MiB memory limit ("
          + kills + " process(es); cgroup v1 " + group.resolve("memory.oom_control") + " oom_kill=" + kills + ")");
    }
    Files.deleteIfExists(group);
    removeIfNoGroups(runDir);
    removeIfNoGroups(runDir.getParent());
  }

  /** A cgroup directory always lists its control files; it can go once it holds no child group. */
  private static void removeIfNoGroups(Path dir) {
    try (var children = Files.list(dir)) {
      if (children.noneMatch(Files::isDirectory)) Files.deleteIfExists(dir);
    } catch (IOException e) {
      // another run created a group in it meanwhile, or removed it first: either way it is not ours to remove
    }
  }

  static long oomKills(Path group) throws IOException {
    return MemoryGroup.oomKills(group.resolve("memory.oom_control"));
  }

  /** The memory line of /proc/self/cgroup, e.g. {@code 4:memory:/process_api/9b91} → {@code process_api/9b91}. */
  static String ownGroup(Path procSelfCgroup) {
    try {
      for (String line : Files.readAllLines(procSelfCgroup)) {
        String[] parts = line.split(":", 3);
        if (parts.length == 3 && java.util.Arrays.asList(parts[1].split(",")).contains("memory")) {
          return parts[2].startsWith("/") ? parts[2].substring(1) : parts[2];
        }
      }
    } catch (IOException e) {
      return "";
    }
    return "";
  }
}
