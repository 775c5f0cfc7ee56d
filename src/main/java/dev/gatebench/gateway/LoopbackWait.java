package dev.gatebench.gateway;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Waits for a container on the host network: an HTTP probe or a TCP connect on 127.0.0.1, where
 * Testcontainers' own strategies look for mapped ports that the host network does not have. Gives
 * up at once when the container exits, naming its exit. Polls every 250 ms on the caller's thread.
 */
public final class LoopbackWait extends AbstractWaitStrategy {
  private static final Duration POLL = Duration.ofMillis(250);
  /** Reads of a SIGKILL exit, {@link #POLL} apart, before it is taken for what it says. */
  private static final int OOM_SETTLE_READS = 4;
  private static final long SIGKILL_EXIT = 137;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT)
      .proxy(HttpClient.Builder.NO_PROXY).build();

  private final int port;
  private final Probe probe;

  private LoopbackWait(int port, Probe probe) {
    if (port < 1 || port > 65_535) throw new IllegalArgumentException("port must be in 1..65535 but was " + port);
    this.port = port;
    this.probe = probe;
  }

  /** Ready when {@code probe} on {@code 127.0.0.1:port} answers 2xx, e.g. {@code GET /health/readiness}. */
  public static LoopbackWait http(int port, Probe probe) {
    return new LoopbackWait(port, Objects.requireNonNull(probe, "probe"));
  }

  /** Ready when {@code 127.0.0.1:port} accepts a connection, e.g. PostgreSQL or Redis. */
  public static LoopbackWait tcp(int port) {
    return new LoopbackWait(port, null);
  }

  @Override
  protected void waitUntilReady() {
    Instant deadline = Instant.now().plus(startupTimeout);
    String last = "no answer yet";
    while (true) {
      last = check();
      if (last.startsWith("2") || last.equals("open")) return;
      if (!waitStrategyTarget.isRunning()) {
        throw new ContainerLaunchException("the container " + exit() + " while waiting for " + what() + " (last: "
            + last + ")");
      }
      if (Instant.now().isAfter(deadline)) {
        throw new ContainerLaunchException("no ready answer to " + what() + " within " + startupTimeout.toSeconds()
            + " s; last: " + last);
      }
      sleep();
    }
  }

  /**
   * e.g. {@code was OOM-killed by its 32 MiB memory limit (exit 137)} or {@code exited with 1}. The engine
   * records an OOM kill a moment after the exit it caused, so a SIGKILL exit is read again for up to a second
   * until it says whether the limit did it.
   */
  private String exit() {
    var info = waitStrategyTarget.getCurrentContainerInfo();
    for (int i = 0; i < OOM_SETTLE_READS && killedWithoutOomYet(info.getState()); i++) {
      sleep();
      info = waitStrategyTarget.getCurrentContainerInfo();
    }
    var state = info.getState();
    Long code = state.getExitCodeLong();
    if (Boolean.TRUE.equals(state.getOOMKilled())) {
      Long memory = info.getHostConfig() == null ? null : info.getHostConfig().getMemory();
      return "was OOM-killed by its " + (memory == null || memory == 0 ? "host's" : (memory >> 20) + " MiB")
          + " memory limit (exit " + code + ")";
    }
    return "exited with " + code;
  }

  private static boolean killedWithoutOomYet(InspectContainerResponse.ContainerState state) {
    return Long.valueOf(SIGKILL_EXIT).equals(state.getExitCodeLong()) && !Boolean.TRUE.equals(state.getOOMKilled());
  }

  /** What is waited for, e.g. {@code GET http://127.0.0.1:40123/health/readiness}. */
  public String what() {
    return probe == null ? "a connection to 127.0.0.1:" + port : probe.method() + " " + url();
  }

  private String check() {
    return probe == null ? connect() : request();
  }

  private String connect() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), (int) REQUEST_TIMEOUT.toMillis());
      return "open";
    } catch (IOException e) {
      return "refused";
    }
  }

  private String request() {
    HttpRequest request = HttpRequest.newBuilder(url()).timeout(REQUEST_TIMEOUT)
        .method(probe.method(), HttpRequest.BodyPublishers.noBody()).build();
    try {
      return Integer.toString(CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    } catch (IOException e) {
      return e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerLaunchException("interrupted while waiting for " + what(), e);
    }
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + port + probe.path());
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerLaunchException("interrupted while waiting for a container", e);
    }
  }
}
