package dev.gatebench.metrics.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the sampler against {@code ps} and the scheduler's own accounting on a real process tree:
 * a python3 parent holding 100 MB that forks one child, both spinning for at most 10 s.
 */
class ProcessTreeSamplerTest {
  private static final String BUSY_TREE = String.join("\n",
      "import os, time",
      "ballast = b'\\x01' * (100 << 20)",
      "end = time.time() + 10",
      "child = os.fork()",
      "n = 0",
      "while time.time() < end: n += 1",
      "if child: os.waitpid(child, 0)");
  private static final long MIB = 1024 * 1024;

  private Process python;

  @AfterEach
  void killChild() {
    if (python != null) {
      python.descendants().forEach(ProcessHandle::destroyForcibly);
      python.destroyForcibly();
    }
  }

  @Test
  void cpuAndRssMatchPsAndTheSchedulerForATreeOfTwoProcesses() throws Exception {
    assumeThat(Path.of("/proc/self/stat")).as("needs Linux /proc").exists();
    python = new ProcessBuilder("python3", "-c", BUSY_TREE).redirectErrorStream(true).start();
    long pid = python.pid();
    ProcessTreeSampler sampler = ProcessTreeSampler.every(java.time.Duration.ofMillis(500));
    awaitTreeOfTwoHolding100Mib(sampler, pid);

    double schedStartSeconds = schedSeconds(pid);
    sampler.start(pid);
    Thread.sleep(4_000);
    ProcessTreeSampler.Snapshot snap = sampler.snapshot(pid);
    double schedNowSeconds = schedSeconds(pid);
    List<Long> tree = ProcFs.system().tree(pid);
    PsReading ps = ps(tree);
    ResourceUsage usage = sampler.stop();
    double schedStopSeconds = schedSeconds(pid);

    System.out.printf("proc: cpu %.2f s, rss %d KiB over %d processes; ps: cpu %d s (whole seconds), rss %d KiB; "
        + "scheduler: cpu %.2f s%n", snap.cpuSeconds(), snap.rssBytes() / 1024, snap.processes(),
        ps.cpuSeconds(), ps.rssKib(), schedNowSeconds);
    System.out.printf("sampled run: cpu %.2f s, cores mean %.2f peak %.2f, rss peak %d MiB mean %d MiB, %d samples;"
        + " scheduler over the same window: %.2f s%n", usage.cpuSeconds(), usage.coresMean(), usage.coresPeak(),
        usage.rssPeakBytes() / MIB, usage.rssMeanBytes() / MIB, usage.samples(), schedStopSeconds - schedStartSeconds);

    assertThat(snap.processes()).isEqualTo(2);
    assertThat((double) snap.rssBytes()).as("RSS vs ps rss=").isCloseTo(ps.rssKib() * 1024.0,
        org.assertj.core.api.Assertions.withinPercentage(10));
    assertThat(snap.cpuSeconds()).as("CPU vs ps time= (truncated to whole seconds per process)")
        .isBetween(ps.cpuSeconds() - 0.05, ps.cpuSeconds() + tree.size() + 0.05);
    assertThat(snap.cpuSeconds()).as("CPU vs scheduler sum_exec_runtime")
        .isCloseTo(schedNowSeconds, org.assertj.core.api.Assertions.withinPercentage(10));
    assertThat(usage.cpuSeconds()).as("sampled CPU vs scheduler over the window")
        .isCloseTo(schedStopSeconds - schedStartSeconds, org.assertj.core.api.Assertions.withinPercentage(10));
    assertThat(usage.rssPeakBytes()).as("tree holds the 100 MiB ballast").isGreaterThan(100 * MIB);
    assertThat(usage.coresMean()).as("spinning, even on a shared machine").isGreaterThan(0.05)
        .isLessThanOrEqualTo(usage.coresPeak());
    assertThat(usage.samples()).isBetween(8, 11);
  }

  @Test
  void samplesThisJvmInAgreementWithItsOwnCpuAccounting() throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean();
    long cpuBeforeNanos = os.getProcessCpuTime();
    try (ProcessTreeSampler sampler = ProcessTreeSampler.startOnThisJvm()) {
      long spinUntil = System.nanoTime() + 1_500_000_000L;
      double sink = 0;
      while (System.nanoTime() < spinUntil) sink += Math.sqrt(sink + 1);
      ResourceUsage usage = sampler.stop();
      double jvmSeconds = (os.getProcessCpuTime() - cpuBeforeNanos) / 1e9;

      System.out.printf("this JVM: sampled %.2f CPU-s, JVM's own accounting %.2f CPU-s%n", usage.cpuSeconds(),
          jvmSeconds);
      assertThat(sink).isPositive();
      assertThat(usage.cpuSeconds()).as("vs OperatingSystemMXBean.getProcessCpuTime")
          .isCloseTo(jvmSeconds, org.assertj.core.api.Assertions.within(Math.max(0.1 * jvmSeconds, 0.05)));
      assertThat(usage.rssPeakBytes()).isGreaterThan(10 * MIB);
      assertThat(usage.note()).contains("test JVM");
    }
  }

  @Test
  void stopBeforeStartAndASecondStartAreMistakes() throws Exception {
    ProcessTreeSampler sampler = ProcessTreeSampler.create();
    assertThatThrownBy(sampler::stop).hasMessage("ProcessTreeSampler.stop() before start(pid)");
    long self = ProcessHandle.current().pid();
    sampler.start(self);
    assertThatThrownBy(() -> sampler.start(self)).hasMessage("ProcessTreeSampler already started on pid " + self);
    ResourceUsage first = sampler.stop();
    assertThat(sampler.stop()).as("stop is idempotent").isSameAs(first);
    sampler.close();
  }

  @Test
  void refusesAPidThatDoesNotExist() {
    assertThatThrownBy(() -> ProcessTreeSampler.create().start(Integer.MAX_VALUE - 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot sample pid " + (Integer.MAX_VALUE - 1) + ": no such process in /proc");
  }

  private static void awaitTreeOfTwoHolding100Mib(ProcessTreeSampler sampler, long pid) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      ProcessTreeSampler.Snapshot s = sampler.snapshot(pid);
      if (s.processes() == 2 && s.rssBytes() > 150 * MIB) return;
      Thread.sleep(50);
    }
    throw new AssertionError("python3 did not fork and allocate within 5 s: " + sampler.snapshot(pid));
  }

  /** The scheduler's exact run time of the whole tree (ms in /proc/<pid>/sched), seconds. */
  private static double schedSeconds(long rootPid) throws IOException {
    double ms = 0;
    for (long pid : ProcFs.system().tree(rootPid)) {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "sched"))) {
        if (line.startsWith("se.sum_exec_runtime")) ms += Double.parseDouble(line.split(":")[1].trim());
      }
    }
    return ms / 1000;
  }

  private static PsReading ps(List<Long> pids) throws IOException, InterruptedException {
    String list = pids.stream().map(String::valueOf).collect(Collectors.joining(","));
    Process p = new ProcessBuilder("ps", "-o", "rss=,time=", "-p", list).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    long rss = 0;
    long cpu = 0;
    for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split("\n")) {
      String[] f = line.strip().split("\\s+");
      rss += Long.parseLong(f[0]);
      cpu += psTimeSeconds(f[1]);
    }
    return new PsReading(rss, cpu);
  }

  /** {@code [DD-]HH:MM:SS} → seconds. */
  private static long psTimeSeconds(String time) {
    long days = time.contains("-") ? Long.parseLong(time.substring(0, time.indexOf('-'))) : 0;
    String[] hms = time.substring(time.indexOf('-') + 1).split(":");
    return days * 86_400 + Long.parseLong(hms[0]) * 3600 + Long.parseLong(hms[1]) * 60 + Long.parseLong(hms[2]);
  }

  private record PsReading(long rssKib, long cpuSeconds) {}
}
