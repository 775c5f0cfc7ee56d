package dev.gatebench.metrics.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A container's cgroup files, on a fake /sys/fs/cgroup in both layouts. */
class CgroupFilesTest {
  private static final String ID = "3f2a9c";

  @TempDir Path root;

  @Test
  void readsACgroupV1ContainerAsDockerStatsWould() throws IOException {
    write("cpuacct/docker/" + ID + "/cpuacct.usage", "2500000000");
    write("cpu/docker/" + ID + "/cpu.cfs_quota_us", "200000");
    write("cpu/docker/" + ID + "/cpu.cfs_period_us", "100000");
    write("memory/docker/" + ID + "/memory.usage_in_bytes", "300000000");
    write("memory/docker/" + ID + "/memory.stat", "cache 5000\ntotal_inactive_file 100000000\n");
    write("memory/docker/" + ID + "/memory.max_usage_in_bytes", "350000000");
    write("memory/docker/" + ID + "/memory.limit_in_bytes", "1073741824");
    write("memory/docker/" + ID + "/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
    write("memory/docker/" + ID + "/memory.failcnt", "17");

    CgroupFiles files = CgroupFiles.ofContainer(root, ID).orElseThrow();

    assertThat(files.cpuUsageNanos()).isEqualTo(2_500_000_000L);
    assertThat(files.memoryWorkingSetBytes()).as("usage minus inactive file cache").isEqualTo(200_000_000L);
    assertThat(files.memoryPeakBytes()).isEqualTo(OptionalLong.of(350_000_000L));
    assertThat(files.memoryLimitBytes()).isEqualTo(OptionalLong.of(1L << 30));
    assertThat(files.cpuQuota()).contains(2.0);
    assertThat(files.oomKills()).isEqualTo(2);
    assertThat(files.limitHits()).isEqualTo(17);
  }

  @Test
  void readsACgroupV2ContainerUnderSystemd() throws IOException {
    String dir = "system.slice/docker-" + ID + ".scope/";
    write(dir + "cgroup.controllers", "cpu memory");
    write(dir + "cpu.stat", "usage_usec 1500000\nuser_usec 1000000\n");
    write(dir + "cpu.max", "max 100000");
    write(dir + "memory.current", "50000000");
    write(dir + "memory.stat", "anon 40000000\ninactive_file 10000000\n");
    write(dir + "memory.max", "max");
    write(dir + "memory.events", "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n");

    CgroupFiles files = CgroupFiles.ofContainer(root, ID).orElseThrow();

    assertThat(files.cpuUsageNanos()).isEqualTo(1_500_000_000L);
    assertThat(files.memoryWorkingSetBytes()).isEqualTo(40_000_000L);
    assertThat(files.memoryLimitBytes()).as("memory.max 'max'").isEmpty();
    assertThat(files.cpuQuota()).isEqualTo(Optional.empty());
    assertThat(files.memoryPeakBytes()).as("no memory.peak on older kernels").isEmpty();
    assertThat(files.oomKills()).isEqualTo(1);
    assertThat(files.limitHits()).isEqualTo(3);
  }

  @Test
  void aContainerWhoseCgroupIsNotVisibleIsNotFound() {
    assertThat(CgroupFiles.ofContainer(root, ID)).isEmpty();
  }

  @Test
  void aV1LimitOfPageCounterMaxMeansUnlimited() throws IOException {
    write("memory/g/memory.limit_in_bytes", "9223372036854771712");

    assertThat(CgroupFiles.v1(root.resolve("cpuacct/g"), root.resolve("cpu/g"), root.resolve("memory/g"))
        .memoryLimitBytes()).isEmpty();
  }

  private void write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
