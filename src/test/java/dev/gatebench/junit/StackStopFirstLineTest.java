package dev.gatebench.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user reads when the stack cannot be stopped at the end of a JUnit run: {@link TinyBenchmark} on
 * the containers stack in a forked launcher ({@link ConsoleRun}), whose DOCKER_HOST goes through a link to
 * this machine's engine socket. The link is deleted once the suite has ended, so the engine stops
 * answering just before the session stops the stack, as an engine that stops does, without stopping the
 * engine other builds here share. Skipped where no engine socket answers.
 */
@Tag("docker")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StackStopFirstLineTest {
  private static final Path ENGINE = Path.of("/var/run/docker.sock");

  @TempDir Path dir;

  @Test
  void anEngineGoneBeforeTheStackStopsIsOneFirstLineWithTheCleanUpCommandAndTheResultsAreKept() throws Exception {
    assumeTrue(engineAnswers(), "no Docker engine answers at " + ENGINE);
    Path link = Files.createSymbolicLink(dir.resolve("docker.sock"), ENGINE);
    Path results = dir.resolve("results");

    List<String> console = ConsoleRun.fork(dir, List.of("engineGone::gatebench.stack=containers"
        + "::gatebench.gateways=direct::gatebench.containers.services=none::gatebench.timeScale=0.05"
        + "::gatebench.mock.ttft=1ms::gatebench.mock.itl=0ms::gatebench.resultsDir=" + results
        + "::deleteAfterSuite=" + link), Map.of("DOCKER_HOST", "unix://" + link)).get("engineGone");

    assertThat(console).as("console").anyMatch(l -> l.equals("PASSED tiny — Direct (mock upstream)"))
        .noneMatch(l -> l.contains("Failed to close extension context"));
    int failure = indexOf(console, "FAILED");
    assertThat(console.get(failure)).as("the first failure line")
        .startsWith("FAILED JUnit Jupiter: dev.gatebench.junit.StackNotStoppedError: gatebench: after the suites "
            + "ended, stopping the containers stack failed for 1 of 1 parts")
        .contains("the Docker engine at unix://" + link + " stopped answering, so this run's containers could not be "
            + "removed", "docker rm -f $(docker ps -aq --filter label=dev.gatebench.run=");
    assertThat(console.get(failure + 1)).as("the line after it: the cause")
        .startsWith("  caused by dev.gatebench.stack.StackCloseException: stopping the containers stack failed");
    assertThat(files(results)).as("result files").anyMatch(f -> f.startsWith("tiny-direct-") && f.endsWith(".json"));
    assertThat(dir.resolve("target/gatebench-report/report.html")).as("the comparison report").isRegularFile();
  }

  private static boolean engineAnswers() throws IOException, InterruptedException {
    if (!Files.exists(ENGINE)) return false;
    Process version = new ProcessBuilder("docker", "--host", "unix://" + ENGINE, "version").redirectErrorStream(true)
        .start();
    version.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
  }

  private static List<String> files(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) return List.of();
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(f -> f.getFileName().toString()).toList();
    }
  }

  private static int indexOf(List<String> console, String prefix) {
    for (int i = 0; i < console.size(); i++) if (console.get(i).startsWith(prefix)) return i;
    throw new AssertionError("no line starting '" + prefix + "' in:\n" + String.join("\n", console));
  }
}
