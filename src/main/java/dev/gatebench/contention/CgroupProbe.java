package dev.gatebench.contention;

import dev.gatebench.metrics.resources.CgroupFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * A container: memory from its own cgroup (working set, as {@code docker stats} shows it), descriptors
 * over the processes its memory cgroup lists, when this user may read them (a container's root processes
 * usually are not: then descriptors are not reported).
 */
public final class CgroupProbe implements MemoryProbe {
  private final CgroupFiles cgroup;
  private final String container;

  public CgroupProbe(CgroupFiles cgroup, String container) {
    this.cgroup = Objects.requireNonNull(cgroup, "cgroup");
    this.container = Objects.requireNonNull(container, "container");
  }

  @Override
  public Reading read() {
    long rss = cgroup.memoryWorkingSetBytes();
    try {
      return new Reading(rss, ProcessTreeProbe.openFds(pids()));
    } catch (IOException | RuntimeException e) {
      return new Reading(rss, OptionalLong.empty());
    }
  }

  @Override
  public String describe() {
    return "cgroup of container " + container + " (" + cgroup.describe() + ")";
  }

  private LongStream pids() throws IOException {
    return Files.readAllLines(cgroup.memoryDir().resolve("cgroup.procs")).stream().map(String::trim)
        .filter(line -> !line.isEmpty()).mapToLong(Long::parseLong);
  }
}
