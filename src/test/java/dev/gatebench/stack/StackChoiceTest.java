package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.config.BenchConfigException;
import dev.gatebench.config.StackKind;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatebench.stack=auto} and friends: which stack runs, and the one line that says why. */
@Timeout(10)
class StackChoiceTest {
  private static final DockerEngine ENGINE = new DockerEngine(URI.create("unix:///var/run/docker.sock"),
      Duration.ofSeconds(2));
  private static final Supplier<DockerCheck.Verdict> ANSWERS = () -> new DockerCheck.Verdict(Optional.of(ENGINE),
      "Docker 20.10.24 answered at unix:///var/run/docker.sock");
  private static final Supplier<DockerCheck.Verdict> SILENT = () -> new DockerCheck.Verdict(Optional.empty(),
      "no Docker engine answered within 2 s (connection refused)");

  @TempDir Path dir;

  @Test
  void autoPicksContainersAndSaysWhichEngineAnswered() {
    assertThat(StackChoice.decide(StackKind.AUTO, true, ANSWERS)).hasToString(
        "containers (auto: Docker 20.10.24 answered at unix:///var/run/docker.sock)");
  }

  @Test
  void autoFallsBackToProcessesAndSaysWhatItWaitedFor() {
    StackChoice choice = StackChoice.decide(StackKind.AUTO, true, SILENT);

    assertThat(choice.kind()).isEqualTo(StackKind.PROCESSES);
    assertThat(choice).hasToString("processes (auto: no Docker engine answered within 2 s (connection refused))");
  }

  @Test
  void explicitProcessesNeverAsksDocker() {
    Supplier<DockerCheck.Verdict> forbidden = () -> {
      throw new AssertionError("Docker was asked");
    };

    assertThat(StackChoice.decide(StackKind.PROCESSES, true, forbidden)).hasToString(
        "processes (gatebench.stack=processes)");
  }

  @Test
  void requiredContainersWithoutAnEngineFailWithTheReasonAndTheFix() {
    assertThatThrownBy(() -> StackChoice.decide(StackKind.CONTAINERS, true, SILENT))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.stack=containers needs a Docker engine but no Docker engine answered within 2 s "
            + "(connection refused); start Docker, or use -Dgatebench.stack=processes (or auto, which falls back "
            + "to processes)");
  }

  @Test
  void optionalContainersWithoutAnEngineSkipEveryRow() {
    StackChoice choice = StackChoice.decide(StackKind.CONTAINERS, false, SILENT);

    assertThat(choice.skipsEverything()).isTrue();
    assertThat(NoEngine.reason("direct", choice)).isEqualTo("direct skipped: "
        + "gatebench.stack=containers: no Docker engine answered within 2 s (connection refused); start a Docker "
        + "engine to run the containers stack");
  }

  @Test
  void aMissingSocketIsNamedWithEveryPlaceLookedAt() {
    DockerCheck.Verdict verdict = DockerCheck.check(Map.of(), java.util.List.of(dir.resolve("a.sock"),
        dir.resolve("b.sock")), Duration.ofSeconds(2));

    assertThat(verdict.available()).isFalse();
    assertThat(verdict.reason()).isEqualTo("no Docker endpoint: DOCKER_HOST is unset and there is no socket at "
        + dir.resolve("a.sock") + ", " + dir.resolve("b.sock"));
  }

  @Test
  void aSocketNobodyServesIsRefusedAtOnce() {
    DockerCheck.Verdict verdict = DockerCheck.check(Map.of("DOCKER_HOST", "unix://" + dir.resolve("none.sock")),
        java.util.List.of(), Duration.ofSeconds(2));

    assertThat(verdict.available()).isFalse();
    assertThat(verdict.reason()).startsWith("no Docker engine answered within 2 s (the Docker engine at unix://"
        + dir.resolve("none.sock") + " did not answer GET /version: ");
  }

  @Test
  void anEngineThatAcceptsButNeverAnswersIsGivenUpOnAtTheDeadline() throws IOException {
    Path socket = dir.resolve("hung.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      long start = System.nanoTime();

      DockerCheck.Verdict verdict = DockerCheck.check(Map.of("DOCKER_HOST", "unix://" + socket),
          java.util.List.of(), Duration.ofMillis(300));

      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(verdict.reason()).isEqualTo("no Docker engine answered within 300 ms (no answer from the Docker "
          + "engine at unix://" + socket + " to GET /version within 300 ms)");
      assertThat(tookMillis).as("time the check took, ms").isBetween(300L, 2_000L);
      server.accept().close(); // the check's connection, still queued: accepted only to be closed
    }
  }
}
