package dev.gatebench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatebench.metrics.resources.CgroupFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The limits a container really runs under, read back after it started: what Docker recorded
 * ({@code HostConfig.NanoCpus}, {@code Memory}, {@code MemoryReservation}) and what the kernel enforces
 * (the container's cgroup files). Recorded with every result and shown on the console.
 */
final class AppliedLimits {
  private AppliedLimits() {}

  static Map<String, Object> read(JsonNode inspect, Optional<CgroupFiles> cgroup) {
    JsonNode host = inspect.path("HostConfig");
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("docker_nano_cpus", host.path("NanoCpus").asLong());
    limits.put("docker_memory_bytes", host.path("Memory").asLong());
    limits.put("docker_memory_swap_bytes", host.path("MemorySwap").asLong());
    limits.put("docker_memory_reservation_bytes", host.path("MemoryReservation").asLong());
    cgroup.ifPresentOrElse(files -> {
      limits.put("cgroup", files.describe());
      files.memoryLimitBytes().ifPresent(bytes -> limits.put("cgroup_memory_limit_bytes", bytes));
      files.cpuQuota().ifPresent(cpus -> limits.put("cgroup_cpu_quota_cpus", cpus));
    }, () -> limits.put("cgroup", "not visible from this host (the engine runs in a VM)"));
    limits.put("summary", summary(limits));
    return limits;
  }

  /** e.g. {@code 2.0 CPUs (cgroup quota 2.0), 1024 MiB (cgroup limit 1073741824 bytes)}. */
  static String summary(Map<String, Object> limits) {
    long nanoCpus = (long) limits.get("docker_nano_cpus");
    long memory = (long) limits.get("docker_memory_bytes");
    String cpus = nanoCpus == 0 ? "CPUs unlimited" : (nanoCpus / 1e9) + " CPUs";
    String mem = memory == 0 ? "memory unlimited" : (memory >> 20) + " MiB";
    Object quota = limits.get("cgroup_cpu_quota_cpus");
    Object cgroupMemory = limits.get("cgroup_memory_limit_bytes");
    long reservation = (long) limits.get("docker_memory_reservation_bytes");
    return cpus + (quota == null ? "" : " (cgroup quota " + quota + ")") + ", " + mem
        + (cgroupMemory == null ? "" : " (cgroup limit " + cgroupMemory + " bytes)")
        + (reservation == 0 ? "" : ", " + (reservation >> 20) + " MiB reserved");
  }
}
