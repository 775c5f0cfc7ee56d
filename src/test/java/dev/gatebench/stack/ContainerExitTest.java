package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContainerExitTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static Stream<Arguments> states() {
    return Stream.of(
        Arguments.of("{\"State\":{\"Running\":false,\"OOMKilled\":true,\"ExitCode\":137},"
            + "\"HostConfig\":{\"Memory\":33554432}}", "was OOM-killed by its 32 MiB memory limit (exit 137)"),
        Arguments.of("{\"State\":{\"Running\":false,\"OOMKilled\":true,\"ExitCode\":137},\"HostConfig\":{\"Memory\":0}}",
            "was OOM-killed by its host's memory limit (exit 137)"),
        Arguments.of("{\"State\":{\"Running\":false,\"ExitCode\":1,\"Error\":\"\"}}", "exited with 1"),
        Arguments.of("{\"State\":{\"Running\":true}}", "is running"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("states")
  void describesHowAContainerEndedAsTheRestOfASentenceAboutIt(String inspect, String words) throws Exception {
    assertThat(ContainerExit.describe(JSON.readTree(inspect))).as("words for %s", inspect).isEqualTo(words);
  }

  @Test
  void aContainerNoStackOfThisJvmStartedIsNotAsked() {
    assertThat(ContainerExit.now("0123456789ab")).as("a container not tracked").isEmpty();
  }

  @Test
  @Timeout(5)
  void anEngineThatStoppedAnsweringLeavesTheContainerNotEndedWithTheReason() throws Exception {
    DockerEngine gone = new DockerEngine(URI.create("unix://" + dir.resolve("docker.sock")), Duration.ofSeconds(2));
    try (AutoCloseable tracked = ContainerExit.track("c0ffee", "gatebench-litellm-6f1c2a90", gone)) {
      assertThat(ContainerExit.now("c0ffee")).as("a tracked container whose engine is gone")
          .hasValueSatisfying(seen -> {
            assertThat(seen.ended()).as("ended").isFalse();
            assertThat(seen.name()).isEqualTo("gatebench-litellm-6f1c2a90");
            assertThat(seen.words()).startsWith("could not be inspected: the Docker engine at unix://" + dir);
          });
    }
    assertThat(ContainerExit.now("c0ffee")).as("after its stack closed").isEmpty();
  }
}
