package dev.gatebench.stack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a Docker engine answers, decided within {@link DockerEngine#DEFAULT_TIMEOUT} (a hung
 * socket must not hang the run), and in words a user understands: what was asked, where, and what
 * came back. It never touches Testcontainers, whose first use starts Ryuk and may pull for minutes.
 */
final class DockerCheck {
  private DockerCheck() {}

  /**
   * The answer: an engine that answered, or why none did.
   *
   * @param engine the engine, present when it answered
   * @param reason e.g. {@code Docker 20.10.24 answered at unix:///var/run/docker.sock}
   */
  record Verdict(Optional<DockerEngine> engine, String reason) {
    boolean available() {
      return engine.isPresent();
    }
  }

  static Verdict check() {
    return check(System.getenv(), Path.of(System.getProperty("user.home")), DockerEngine.DEFAULT_TIMEOUT);
  }

  static Verdict check(Map<String, String> env, Path home, Duration timeout) {
    return check(env, knownSockets(home), timeout);
  }

  /** @param sockets where to look for a socket when DOCKER_HOST is unset, most common first */
  static Verdict check(Map<String, String> env, List<Path> sockets, Duration timeout) {
    List<URI> endpoints = endpoints(env, sockets);
    if (endpoints.isEmpty()) {
      return new Verdict(Optional.empty(), "no Docker endpoint: DOCKER_HOST is unset and there is no socket at "
          + String.join(", ", sockets.stream().map(Path::toString).toList()));
    }
    List<String> failures = new ArrayList<>();
    for (URI endpoint : endpoints) {
      DockerEngine engine = new DockerEngine(endpoint, timeout);
      try {
        String version = engine.version();
        return new Verdict(Optional.of(engine), "Docker " + shortVersion(version) + " answered at " + endpoint);
      } catch (DockerEngineException | IllegalArgumentException e) {
        failures.add(e.getMessage());
      }
    }
    return new Verdict(Optional.empty(), "no Docker engine answered within " + seconds(timeout) + " ("
        + String.join("; ", failures) + ")");
  }

  /** DOCKER_HOST when set, otherwise every known socket that exists, most common first. */
  static List<URI> endpoints(Map<String, String> env, List<Path> sockets) {
    String dockerHost = env.get("DOCKER_HOST");
    if (dockerHost != null && !dockerHost.isBlank()) return List.of(URI.create(dockerHost.strip()));
    return sockets.stream().filter(Files::exists).map(p -> URI.create("unix://" + p)).toList();
  }

  private static List<Path> knownSockets(Path home) {
    return List.of(Path.of("/var/run/docker.sock"), home.resolve(".docker/run/docker.sock"),
        home.resolve(".docker/desktop/docker.sock"), Path.of("/run/user/" + uid() + "/docker.sock"));
  }

  /** {@code 20.10.24+dfsg1} → {@code 20.10.24}: the distribution's suffix says nothing to a reader. */
  static String shortVersion(String version) {
    int plus = version.indexOf('+');
    return plus < 0 ? version : version.substring(0, plus);
  }

  private static String seconds(Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
  }

  private static String uid() {
    try {
      return Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString();
    } catch (Exception e) {
      return "0";
    }
  }
}
