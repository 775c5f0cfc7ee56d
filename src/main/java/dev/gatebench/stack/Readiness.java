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

/**
 * Polls a gateway's readiness probe. Every wait is bounded, and a wait longer than a poll says on
 * the console what it waits for, so a slow start never looks like a hang. Thread-safe.
 */
public final class Readiness {
  static final int LOG_TAIL_LINES = 40;
  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT)
      .proxy(HttpClient.Builder.NO_PROXY).build();

  private Readiness() {}

  /** One probe, bounded by a few seconds: the status code, or a short description of why no answer came. */
  public static String check(URI baseUrl, Probe probe) {
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

  /** Whether a {@link #check} result is a 2xx status. */
  public static boolean isReady(String checkResult) {
    return checkResult.length() == 3 && checkResult.startsWith("2");
  }

  /**
   * Waits until the probe answers 2xx.
   *
   * @throws GatewayStartException when the process exits or {@code timeout} passes, with its log tail
   */
  static void await(ManagedProcess process, String displayName, URI baseUrl, Probe probe, Duration timeout) {
    Instant start = Instant.now();
    Instant deadline = start.plus(timeout);
    Instant nextProgress = start.plus(PROGRESS_EVERY);
    String last = "no answer yet";
    System.out.println("gatebench: waiting up to " + timeout.toSeconds() + " s for " + displayName + " to answer "
        + probe.method() + " " + probe.on(baseUrl) + " with 2xx (its log: " + process.logFile() + ")");
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        // the memory group's OOM kills tell a limit that killed it while starting from a crash of its own
        throw new GatewayStartException(displayName + " " + process.exit().words() + " before it was ready at "
            + probe.method() + " " + probe.on(baseUrl) + "; see its log " + process.logFile()
            + " (last lines in the cause below)", logTail(process));
      }
      last = check(baseUrl, probe);
      if (isReady(last)) return;
      if (Instant.now().isAfter(nextProgress)) {
        nextProgress = nextProgress.plus(PROGRESS_EVERY);
        System.out.println("gatebench: still waiting for " + displayName + " (" + Duration.between(start,
            Instant.now()).toSeconds() + " s of " + timeout.toSeconds() + " s); last answer: " + last);
      }
      sleep();
    }
    throw new GatewayStartException(displayName + " was not ready after " + timeout.toSeconds() + " s: "
        + probe.method() + " " + probe.on(baseUrl) + " last answered " + last + "; see its log " + process.logFile()
        + " (last lines in the cause below), or raise -Dgatebench.readinessTimeout=300s if it is only slow",
        logTail(process));
  }

  /**
   * The log's last lines as the cause, not in the message: a message of one line is shown whole as
   * the first line of the failure and in Maven's summary; the cause is printed right below it.
   */
  private static GatewayStartException logTail(ManagedProcess process) {
    return new GatewayStartException("last " + LOG_TAIL_LINES + " lines of " + process.logFile() + ":\n"
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
