package dev.gatebench.stack.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatebench.config.BenchConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The resolver against the real engine: Redis's image is found, or (without a registry) built on the
 * Debian base, bootstrapped first if need be, and answers {@code PING} on the host network.
 */
@Tag("containers")
class LocalImagesIT {
  private static final Duration QUICK = Duration.ofSeconds(30);

  @BeforeEach
  void needsADockerEngine() throws ImageStepException {
    assumeTrue(Shell.onPath("docker"), "no docker command on PATH; install Docker (scripts/docker-engine.sh start)");
    Shell.Result info = Shell.run(List.of("docker", "info", "--format", "{{.ServerVersion}}"), Map.of(), QUICK);
    assumeTrue(info.ok(), () -> "no Docker engine answers (docker info: " + info.lastLine()
        + "); start one with scripts/docker-engine.sh start");
  }

  @Test
  void redisFromTheResolverAnswersPingOnTheHostNetwork() throws Exception {
    ResolvedImage redis = resolve(StackImage.REDIS);
    int port = freePort();
    String container = run("docker", "run", "-d", "--rm", "--network", "host", "--label", "gatebench.test=LocalImagesIT",
        redis.reference(), "redis-server", "--port", Integer.toString(port), "--appendonly", "no").strip();
    try {
      assertThat(pingUntilAnswered(container, port)).as("redis-cli ping on port " + port + " in " + redis.reference())
          .isEqualTo("PONG");
    } finally {
      run("docker", "rm", "-f", container);
    }
  }

  private static ResolvedImage resolve(StackImage image) {
    try {
      return ImageResolver.fromConfig(BenchConfig.load()).resolve(image);
    } catch (ImageUnavailableException e) {
      if (!Debootstrap.isRoot() || !Shell.onPath("debootstrap")) {
        return abort("this machine cannot build the Debian base (needs root and debootstrap): " + e.getMessage());
      }
      throw e;
    }
  }

  private static String pingUntilAnswered(String container, int port) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    Shell.Result ping;
    do {
      ping = Shell.run(List.of("docker", "exec", container, "redis-cli", "-p", Integer.toString(port), "ping"), Map.of(),
          QUICK);
      if (ping.ok() && ping.output().strip().equals("PONG")) return "PONG";
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    return ping.output().strip();
  }

  private static String run(String... command) throws ImageStepException {
    Shell.Result result = Shell.run(List.of(command), Map.of(), QUICK);
    assertThat(result.exitCode()).as(String.join(" ", command) + " said: " + result.output()).isZero();
    return result.output();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
