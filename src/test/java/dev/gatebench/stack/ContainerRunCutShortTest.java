package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on the containers stack (a forked {@code SuiteMain}: Direct, then LiteLLM in a container) cut in
 * the middle of its container row. The engine stops for real but without stopping the engine every other
 * build here shares: the run talks to it through a socket proxy (DOCKER_HOST), which the test closes while
 * it kills the row's container, as an engine that stops does. And Ctrl-C.
 */
@Tag("docker")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ContainerRunCutShortTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ENGINE = Path.of("/var/run/docker.sock");

  @TempDir Path caseDir;

  @Test
  void theRowEndsItsResultAndTheEarlierRowsAreKeptAndOneLineSaysWhatToCleanUp() throws Exception {
    DockerEngine engine = DockerHere.engineOrSkip();
    String litellm = DockerHere.serviceImageOrSkip(engine, "litellm");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(ENGINE), "the engine's socket is not " + ENGINE);
    Path results = caseDir.resolve("results");
    long forked = -1;
    try (UnixSocketProxy proxy = UnixSocketProxy.start(caseDir.resolve("docker.sock"), ENGINE);
        ForkedJvm run = ForkedJvm.start(caseDir, "dev.gatebench.cli.SuiteMain",
            List.of("dev.gatebench.suites.SustainedLoadIT"), settings(litellm, results),
            Map.of("DOCKER_HOST", proxy.endpoint()))) {
      forked = run.pid();
      run.await("load on the litellm row", Duration.ofMinutes(3), () -> console(run).contains("sustained · litellm |"));
      String container = DockerHere.docker("ps", "-q", "--filter", "label=" + ContainerRun.PID + "=" + run.pid());

      proxy.close();
      DockerHere.docker("kill", container);
      int exit = run.awaitExit(Duration.ofSeconds(60));

      String console = console(run);
      assertThat(exit).as("exit code (a row failed); console:\n%s", console).isEqualTo(1);
      assertThat(console).as("console").contains("PASSED sustained — Direct", "FAILED sustained — LiteLLM: ")
          .contains("gateway LiteLLM stopped answering at http://127.0.0.1:")
          .contains("the Docker engine at " + proxy.endpoint() + " stopped answering, so this run's "
              + "containers could not be removed (if the engine stopped, they stopped with it); once it is back, the "
              + "next run removes them, or now: docker rm -f $(docker ps -aq --filter label=dev.gatebench.run=")
          .doesNotContain("\tat ", "Exception in thread");
      assertThat(resultFile(results, "sustained-direct-")).as("the Direct row's result").isNotNull();
      JsonNode litellmResult = JSON.readTree(resultFile(results, "sustained-litellm-").toFile());
      assertThat(litellmResult.at("/environment/abortedBy").asText()).as("the litellm row's result, kept")
          .startsWith("gateway LiteLLM stopped answering");
    } finally {
      // this run's only: runs of other builds on the same engine keep theirs
      for (String id : DockerHere.docker("ps", "-aq", "--filter", "label=" + ContainerRun.PID + "=" + forked)
          .lines().toList()) {
        DockerHere.docker("rm", "-f", id);
      }
    }
  }

  @Test
  void ctrlCDuringAContainerRowRemovesTheRunsContainersAndKeepsTheFinishedRowsResult() throws Exception {
    DockerEngine engine = DockerHere.engineOrSkip();
    String litellm = DockerHere.serviceImageOrSkip(engine, "litellm");
    Path results = caseDir.resolve("results");
    try (ForkedJvm run = ForkedJvm.start(caseDir, "dev.gatebench.cli.SuiteMain",
        List.of("dev.gatebench.suites.SustainedLoadIT"), settings(litellm, results), Map.of())) {
      run.await("load on the litellm row", Duration.ofMinutes(3), () -> console(run).contains("sustained · litellm |"));

      run.signal("INT");
      run.awaitExit(Duration.ofSeconds(60));

      assertThat(DockerHere.docker("ps", "-aq", "--filter", "label=" + ContainerRun.PID + "=" + run.pid()))
          .as("containers of the interrupted run; console:\n%s", console(run)).isEmpty();
      assertThat(resultFile(results, "sustained-direct-")).as("the Direct row's result, finished before Ctrl-C")
          .isNotNull();
    }
  }

  private static Map<String, String> settings(String litellmImage, Path results) {
    return Map.of("gatebench.stack", "containers", "gatebench.gateways", "direct,litellm", "gatebench.timeScale",
        "0.02", "gatebench.mock.ttft", "25ms", "gatebench.mock.itl", "1ms", "gatebench.containers.services", "none",
        "gatebench.image.litellm", litellmImage, "gatebench.resultsDir", results.toString());
  }

  /** The forked JVM's console as it wrote it (UTF-8: the progress lines carry "·" and "—"). */
  private static String console(ForkedJvm run) {
    try {
      return Files.readString(run.project().resolve("console.log"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static Path resultFile(Path results, String prefix) throws java.io.IOException {
    try (Stream<Path> files = Files.list(results)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".json"))
          .findFirst().orElse(null);
    }
  }
}
