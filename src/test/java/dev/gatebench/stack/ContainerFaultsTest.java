package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.GatewayStartException;
import dev.gatebench.gateway.ResourceLimit;
import dev.gatebench.gateway.UpstreamEndpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.utility.DockerImageName;

/**
 * What happens to containers when things go wrong: a crashed run's leftovers, Ctrl-C, a gateway killed
 * by its memory limit. Skipped where no Docker engine answers or the Debian base image is missing.
 */
@Tag("docker")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ContainerFaultsTest {
  private static final UpstreamEndpoint UPSTREAM = new UpstreamEndpoint(URI.create("http://127.0.0.1:9"),
      Optional.empty(), Optional.empty(), false);

  @TempDir Path logs;

  @Test
  void containersACrashedRunLeftAreRemovedAtTheNextStartAndLiveRunsAreLeftAlone() throws Exception {
    DockerEngine engine = DockerHere.engineOrSkip();
    String image = DockerHere.imageOrSkip(engine, DockerHere.BASE_IMAGE);
    ContainerRun self = ContainerRun.current();
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    String crashed = leftover(image, new ContainerRun("crashed-" + UUID.randomUUID(), self.host(), finished.pid(), 1));
    String live = leftover(image, new ContainerRun("live-" + UUID.randomUUID(), self.host(), self.pid(),
        self.jvmStartMillis()));
    try {
      List<String> removed = ContainerReaper.removeStale(engine, self.host());

      assertThat(removed).anySatisfy(line -> assertThat(line).contains(crashed.substring(0, 8)));
      assertThat(DockerHere.docker("ps", "-aq", "--no-trunc", "--filter", "id=" + crashed)).isEmpty();
      assertThat(DockerHere.docker("ps", "-aq", "--no-trunc", "--filter", "id=" + live)).isEqualTo(live);
    } finally {
      engine.remove(live);
      engine.remove(crashed);
    }
  }

  @Test
  void ctrlCDuringAContainerRunRemovesItsContainers() throws Exception {
    assumeFalse(sigintIgnored(), "SIGINT is ignored in this build (started in the background without job control, "
        + "e.g. `cmd &` in a script) and a child inherits that: Ctrl-C cannot reach it here");
    DockerEngine engine = DockerHere.engineOrSkip();
    String image = DockerHere.imageOrSkip(engine, DockerHere.BASE_IMAGE);
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), CtrlCChild.class.getName(), image).redirectErrorStream(true).start();
    ChildOutput output = new ChildOutput(child);
    String run = output.awaitRunId();

    new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();

    boolean ended = child.waitFor(60, TimeUnit.SECONDS);
    String threads = ended ? "" : threadDump(child.pid());
    if (!ended) child.destroyForcibly();
    assertThat(ended).as("the child ended after Ctrl-C; it printed:%n%s%nits threads:%n%s", output, threads).isTrue();
    assertThat(DockerHere.docker("ps", "-aq", "--filter", "label=" + ContainerRun.RUN + "=" + run))
        .as("containers of the interrupted run").isEmpty();
  }

  @Test
  void aGatewayKilledByItsMemoryLimitIsReportedAsOomKilled() {
    DockerEngine engine = DockerHere.engineOrSkip();
    String image = DockerHere.imageOrSkip(engine, DockerHere.BASE_IMAGE);
    StubKind hog = new StubKind("hog", image, "perl -e '$x = \"a\" x 200_000_000' && ",
        Optional.of(new ResourceLimit(1_000_000_000L, 32L << 20)));
    try (ContainerStack stack = stack(engine, image)) {
      assertThatThrownBy(() -> stack.launch(StubKind.row(hog))).isInstanceOf(GatewayStartException.class)
          .hasMessageStartingWith("Stub hog container (" + image + ") did not start: ")
          .hasMessageContaining("the container was OOM-killed by its 32 MiB memory limit (exit 137)");
    }
  }

  private ContainerStack stack(DockerEngine engine, String image) {
    BenchConfig config = BenchConfig.of(Map.of("gatebench.logDir", logs.toString()), Map.of(), Map.of());
    return new ContainerStack(GatewaySettings.from(config), ContainerSettings.from(config), engine,
        name -> DockerImageName.parse(image), UPSTREAM);
  }

  private static String leftover(String image, ContainerRun run) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("run", "-d", "--network", "host"));
    run.labels().forEach((k, v) -> args.addAll(List.of("--label", k + "=" + v)));
    args.addAll(List.of(image, "sleep", "300"));
    return DockerHere.docker(args.toArray(String[]::new));
  }

  /** Whether this process ignores SIGINT (bit 2 of /proc/self/status SigIgn); a JVM then installs no handler for it. */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) return false;
    return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:"))
        .map(l -> Long.parseLong(l.substring("SigIgn:".length()).strip(), 16)).anyMatch(mask -> (mask & 0b10) != 0);
  }

  private static String threadDump(long pid) throws Exception {
    Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
        Long.toString(pid)).redirectErrorStream(true).start();
    String dump = new String(jstack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jstack.waitFor(30, TimeUnit.SECONDS);
    return dump;
  }

  /**
   * The child's output, read to its end on a thread of its own: a child whose pipe nobody reads blocks
   * in its next write and never exits; kept whole for the failure message.
   */
  private static final class ChildOutput {
    private final StringBuffer seen = new StringBuffer();
    private final CompletableFuture<String> runId = new CompletableFuture<>();

    ChildOutput(Process child) {
      Thread.ofPlatform().daemon().start(() -> {
        try (BufferedReader out = child.inputReader(StandardCharsets.UTF_8)) {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            if (line.startsWith("run=")) runId.complete(line.substring(4));
          }
        } catch (IOException e) {
          seen.append("(reading its output failed: ").append(e).append(")\n");
        }
        runId.completeExceptionally(new AssertionError("the child never started its container; it printed:\n" + seen));
      });
    }

    String awaitRunId() throws Exception {
      try {
        return runId.get(2, TimeUnit.MINUTES);
      } catch (ExecutionException e) {
        throw (AssertionError) e.getCause();
      }
    }

    @Override
    public String toString() {
      return seen.toString();
    }
  }

  /** A run that starts one container, says its run id, and waits to be interrupted. */
  static final class CtrlCChild {
    public static void main(String[] args) throws Exception {
      DockerEngine engine = DockerCheck.check().engine().orElseThrow();
      BenchConfig config = BenchConfig.of(Map.of(), Map.of(), Map.of());
      ContainerStack stack = new ContainerStack(GatewaySettings.from(config), ContainerSettings.from(config), engine,
          name -> DockerImageName.parse(args[0]), UPSTREAM);
      Gateway stub = stack.launch(StubKind.row(new StubKind("stub", args[0], "", Optional.empty())));
      String id = (String) stub.facts().get(Stack.CONTAINER_ID);
      System.out.println("run=" + engine.inspect(id).at("/Config/Labels").path(ContainerRun.RUN).asText());
      Thread.sleep(120_000);
    }
  }
}
