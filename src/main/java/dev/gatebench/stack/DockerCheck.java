package dev.gatebench.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers, decided within a bounded time (a hung socket must not hang the run). */
final class DockerCheck {
  private static final long TIMEOUT_SECONDS = 15;

  private DockerCheck() {}

  static boolean isAvailable() {
    if (!anyEndpointConfigured()) return false; // spares the user Testcontainers' error log on Docker-less machines
    CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(() -> {
      try {
        return DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException e) {
        return false;
      }
    });
    try {
      return check.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      check.cancel(true);
      return false;
    }
  }

  /** A Docker endpoint could exist: DOCKER_HOST, a Testcontainers config file, or a known socket path. */
  static boolean anyEndpointConfigured() {
    Path home = Path.of(System.getProperty("user.home"));
    return System.getenv("DOCKER_HOST") != null
        || Files.exists(home.resolve(".testcontainers.properties"))
        || Files.exists(Path.of("/var/run/docker.sock"))
        || Files.exists(home.resolve(".docker/run/docker.sock"))
        || Files.exists(home.resolve(".docker/desktop/docker.sock"))
        || Files.exists(Path.of("/run/user/" + uid() + "/docker.sock"));
  }

  private static String uid() {
    try {
      return Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString();
    } catch (Exception e) {
      return "0";
    }
  }
}
