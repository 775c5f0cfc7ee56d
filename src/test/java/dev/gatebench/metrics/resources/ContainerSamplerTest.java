package dev.gatebench.metrics.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A container's cgroup sampled over a run, on a fake cgroup v1 tree whose numbers the test moves. */
class ContainerSamplerTest {
  @TempDir Path root;

  @Test
  void cpuTimeAndMemoryOverTheRunAndOomKillsDuringIt() throws Exception {
    CgroupFiles files = fakeContainer(1_000_000_000L, 100_000_000L, 0);
    ContainerSampler sampler = new ContainerSampler(files, "c1");
    sampler.start();
    Thread.sleep(1_100);
    write("cpuacct/c/cpuacct.usage", "1550000000");
    write("memory/c/memory.usage_in_bytes", "300000000");
    write("memory/c/memory.oom_control", "oom_kill 1\n");

    ResourceUsage usage = sampler.stop();

    assertThat(usage.cpuSeconds()).as("CPU seconds during the run").isCloseTo(0.55, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(usage.rssPeakBytes()).isEqualTo(300_000_000L);
    assertThat(sampler.facts()).containsEntry("oom_kills_during_run", 1L).containsEntry("memory_peak_bytes", 310_000_000L)
        .doesNotContainKey("vanished");
  }

  @Test
  void aContainerThatVanishesMidRunKeepsWhatWasReadAndSaysSo() throws Exception {
    CgroupFiles files = fakeContainer(2_000_000_000L, 50_000_000L, 0);
    ContainerSampler sampler = new ContainerSampler(files, "c1");
    sampler.start();

    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
    ResourceUsage usage = sampler.stop();

    assertThat(usage.samples()).as("readings kept").isEqualTo(1);
    assertThat(usage.rssPeakBytes()).isEqualTo(50_000_000L);
    assertThat((String) sampler.facts().get("vanished")).startsWith("the container went away during the run "
        + "(stopped, killed, or its engine stopped); figures cover the time before: cannot read ");
  }

  private CgroupFiles fakeContainer(long cpuNanos, long memoryBytes, long oomKills) throws IOException {
    write("cpuacct/c/cpuacct.usage", Long.toString(cpuNanos));
    write("memory/c/memory.usage_in_bytes", Long.toString(memoryBytes));
    write("memory/c/memory.stat", "total_inactive_file 0\n");
    write("memory/c/memory.max_usage_in_bytes", "310000000");
    write("memory/c/memory.oom_control", "oom_kill " + oomKills + "\n");
    write("memory/c/memory.failcnt", "0");
    return CgroupFiles.v1(root.resolve("cpuacct/c"), root.resolve("cpu/c"), root.resolve("memory/c"));
  }

  private void write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
