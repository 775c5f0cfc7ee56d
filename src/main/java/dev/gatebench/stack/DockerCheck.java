package dev.gatebench.stack;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers, decided within a bounded time (a hung socket must not hang the run). */
final class DockerCheck {
  private static final long TIMEOUT_SECONDS = 15;

  private DockerCheck() {}

  static boolean isAvailable() {
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
}
