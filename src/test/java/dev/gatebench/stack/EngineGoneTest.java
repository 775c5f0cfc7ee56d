package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A Docker engine that stopped in the middle of a run: closing the stack says so at once, without hanging. */
@Timeout(10)
class EngineGoneTest {
  @TempDir Path dir;

  @Test
  void closingARunWhoseEngineStoppedSaysSoAndHowToCleanUpLater() {
    DockerEngine gone = new DockerEngine(URI.create("unix://" + dir.resolve("docker.sock")), Duration.ofSeconds(2));
    ContainerRun run = new ContainerRun("6f1c2a90", "host-a", 42, 1);
    long start = System.nanoTime();

    assertThatThrownBy(() -> ContainerReaper.removeRun(gone, run)).isInstanceOf(StackCloseException.class)
        .hasMessage("the Docker engine at unix://" + dir.resolve("docker.sock") + " stopped answering, so this run's "
            + "containers could not be removed (if the engine stopped, they stopped with it); once it is back, the next "
            + "run removes them, or now: docker rm -f $(docker ps -aq --filter label=dev.gatebench.run=6f1c2a90)")
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(DockerEngineException.class));
    assertThat((System.nanoTime() - start) / 1_000_000).as("ms until the failure").isLessThan(2_000);
  }
}
