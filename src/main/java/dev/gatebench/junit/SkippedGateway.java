package dev.gatebench.junit;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.Probe;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A gateway row the stack could not start. The extension aborts any invocation that receives one,
 * with {@code reason} as the message, before the suite's body runs; its other methods are never
 * reached and refuse to answer.
 *
 * @param name the row id, e.g. {@code inferxgate}
 * @param reason why it is unavailable and how to enable it
 */
record SkippedGateway(String name, String reason) implements Gateway {
  SkippedGateway {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String displayName() {
    return name;
  }

  @Override
  public URI baseUrl() {
    throw unavailable();
  }

  @Override
  public Map<String, String> authHeaders() {
    throw unavailable();
  }

  @Override
  public Probe readiness() {
    throw unavailable();
  }

  @Override
  public Optional<URI> metricsUrl() {
    return Optional.empty();
  }

  @Override
  public String version() {
    return "unavailable";
  }

  @Override
  public Map<String, Object> facts() {
    return Map.of("unavailable", reason);
  }

  @Override
  public Optional<ProcessHandle> process() {
    return Optional.empty();
  }

  private IllegalStateException unavailable() {
    return new IllegalStateException(name + " is unavailable: " + reason);
  }

  @Override
  public String toString() {
    return name + " (skipped)";
  }
}
