package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.ResourceLimit;
import dev.gatebench.gateway.UpstreamEndpoint;
import dev.gatebench.metrics.resources.CgroupFiles;
import dev.gatebench.metrics.resources.ContainerSampler;
import dev.gatebench.metrics.resources.ResourceUsage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.utility.DockerImageName;

/**
 * A container's CPU and memory as gatebench records them, against {@code docker stats --no-stream}
 * read over the same seconds: a container burning its 0.1-CPU quota and holding about 100 MB. Skipped where no
 * Docker engine answers or the Debian base image is missing.
 */
@Tag("docker")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ContainerResourcesTest {
  private static final UpstreamEndpoint UPSTREAM = new UpstreamEndpoint(URI.create("http://127.0.0.1:9"),
      Optional.empty(), Optional.empty(), false);
  private static final String BURN_AND_HOLD = "perl -e '1 while 1' & perl -e '$x = \"a\" x 50_000_000; sleep 600' & ";

  @TempDir Path logs;

  @Test
  void cpuAndMemoryFromTheCgroupAgreeWithDockerStatsWithinTenPercent() throws Exception {
    DockerEngine engine = DockerHere.engineOrSkip();
    String image = DockerHere.imageOrSkip(engine, DockerHere.BASE_IMAGE);
    try (ContainerStack stack = stack(engine, image)) {
      // a quota of 0.1 CPU: the burner gets all of it, steadily, even on a busy machine
      Gateway busy = stack.launch(StubKind.row(new StubKind("busy", image, BURN_AND_HOLD,
          Optional.of(new ResourceLimit(100_000_000L, 512L << 20)))));
      String id = (String) busy.facts().get(Stack.CONTAINER_ID);
      ContainerSampler sampler = new ContainerSampler(CgroupFiles.ofContainer(id).orElseThrow(), id);
      awaitSteadyMemory(sampler);
      // Docker's stats API read at the window's two ends: its CPU counter over the same seconds as the sampler's
      JsonNode before = engine.stats(id);
      sampler.start();
      Thread.sleep(2_000);
      String stats = DockerHere.docker("stats", "--no-stream", "--format", "{{.CPUPerc}} {{.MemUsage}}", id);
      long memoryNow = sampler.snapshot().rssBytes();
      JsonNode after = engine.stats(id);
      ResourceUsage usage = sampler.stop();

      double dockerCores = coresBetween(before, after);
      long dockerMemory = parseSize(stats.split(" ")[1]);
      System.out.printf("cores: gatebench %.3f, docker stats API %.3f (docker stats CLI %s); memory: gatebench %d B, "
          + "docker stats %d B%n", usage.coresMean(), dockerCores, stats.split(" ")[0], memoryNow, dockerMemory);
      assertThat(usage.coresMean()).as("cores: gatebench %.3f, docker stats API %.3f", usage.coresMean(), dockerCores)
          .isCloseTo(dockerCores, within(dockerCores * 0.10));
      assertThat((double) memoryNow).as("memory bytes: gatebench %d, docker stats %d", memoryNow, dockerMemory)
          .isCloseTo(dockerMemory, within(dockerMemory * 0.10));
      assertThat(usage.rssPeakBytes()).as("peak working set, bytes").isGreaterThan(100_000_000L);
      assertThat(sampler.facts()).containsEntry("oom_kills_during_run", 0L);
    }
  }

  @Test
  void aProcessKilledByTheContainersMemoryLimitDuringARunIsCounted() throws Exception {
    DockerEngine engine = DockerHere.engineOrSkip();
    String image = DockerHere.imageOrSkip(engine, DockerHere.BASE_IMAGE);
    String hogLater = "(sleep 2; perl -e '$x = \"a\" x 200_000_000') & ";
    try (ContainerStack stack = stack(engine, image)) {
      Gateway gateway = stack.launch(StubKind.row(new StubKind("leaky", image, hogLater,
          Optional.of(new ResourceLimit(1_000_000_000L, 64L << 20)))));
      String id = (String) gateway.facts().get(Stack.CONTAINER_ID);
      ContainerSampler sampler = new ContainerSampler(CgroupFiles.ofContainer(id).orElseThrow(), id);
      sampler.start();
      Thread.sleep(5_000);

      sampler.stop();

      assertThat(sampler.facts()).as("what the cgroup says after the run").containsEntry("oom_kills_during_run", 1L)
          .doesNotContainKey("vanished");
    }
  }

  /** The hog builds its string slowly under a 0.1-CPU quota: measure once memory stopped growing. */
  private static void awaitSteadyMemory(ContainerSampler sampler) throws InterruptedException {
    long before = -1;
    for (int i = 0; i < 120; i++) {
      long now = sampler.snapshot().rssBytes();
      if (now > 100_000_000L && Math.abs(now - before) < now / 100) return;
      before = now;
      Thread.sleep(500);
    }
    throw new AssertionError("the container's memory never settled; last " + before + " bytes");
  }

  private ContainerStack stack(DockerEngine engine, String image) {
    BenchConfig config = BenchConfig.of(Map.of("gatebench.logDir", logs.toString()), Map.of(), Map.of());
    return new ContainerStack(GatewaySettings.from(config), ContainerSettings.from(config), engine,
        name -> DockerImageName.parse(image), UPSTREAM);
  }

  /** {@code 201.3MiB} → bytes, as docker stats prints it. */
  private static long parseSize(String text) {
    double value = Double.parseDouble(text.replaceAll("[^0-9.]", ""));
    String unit = text.replaceAll("[0-9.]", "");
    int power = switch (unit) {
      case "KiB" -> 1;
      case "MiB" -> 2;
      case "GiB" -> 3;
      default -> 0;
    };
    return Math.round(value * Math.pow(1024, power));
  }

  /** Cores busy between two answers of Docker's stats API: its CPU counter's growth over the time between its reads. */
  private static double coresBetween(JsonNode before, JsonNode after) {
    long cpuNanos = after.at("/cpu_stats/cpu_usage/total_usage").asLong()
        - before.at("/cpu_stats/cpu_usage/total_usage").asLong();
    long wallNanos = Duration.between(Instant.parse(before.path("read").asText()),
        Instant.parse(after.path("read").asText())).toNanos();
    return (double) cpuNanos / wallNanos;
  }
}
