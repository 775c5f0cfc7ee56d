package dev.gatebench.stack;

import dev.gatebench.gateway.GatewayStartException;
import dev.gatebench.gateway.Probe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Polls a gateway's readiness probe. */
final class Readiness {
  static final int LOG_TAIL_LINES = 40;
  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT)
      .proxy(HttpClient.Builder.NO_PROXY).build();

  private Readiness() {}

  /** One probe: the status code, or a short description of why no answer came. */
  static String check(URI baseUrl, Probe probe) {
    HttpRequest request = HttpRequest.newBuilder(probe.on(baseUrl)).timeout(REQUEST_TIMEOUT)
        .method(probe.method(), HttpRequest.BodyPublishers.noBody()).build();
    try {
      return Integer.toString(CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    } catch (IOException e) {
      return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  static boolean isReady(String checkResult) {
    return checkResult.length() == 3 && checkResult.startsWith("2");
  }

  /**
   * Waits until the probe answers 2xx.
   *
   * @throws GatewayStartException when the process exits or {@code timeout} passes, with its log tail
   */
  static void await(ManagedProcess process, String displayName, URI baseUrl, Probe probe, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer yet";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new GatewayStartException(displayName + " exited with code " + process.exitCode()
            + " before it was ready at " + probe + " " + probe.on(baseUrl) + "; see " + process.logFile()
            + ", last lines:\n" + process.logTail(LOG_TAIL_LINES));
      }
      last = check(baseUrl, probe);
      if (isReady(last)) return;
      sleep();
    }
    throw new GatewayStartException(displayName + " was not ready after " + timeout.toSeconds() + " s: "
        + probe.method() + " " + probe.on(baseUrl) + " last answered " + last + "; see " + process.logFile()
        + " (raise -Dgatebench.readinessTimeout=300s if it is only slow), last lines:\n"
        + process.logTail(LOG_TAIL_LINES));
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_INTERVAL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayStartException("interrupted while waiting for a gateway to become ready", e);
    }
  }
}
