package dev.gatebench.junit;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewayStartException;
import dev.gatebench.gateway.Probe;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A gateway row the stack did not start. The extension ends any invocation that receives one before
 * the suite's body runs: skipped with {@code reason} when the row cannot run on this machine, failed
 * with {@code startFailure} when it should have run; its other methods are never reached and refuse
 * to answer.
 *
 * @param name the row id, e.g. {@code inferxgate}
 * @param reason why it is unavailable and how to enable it, or how it failed to start
 * @param startFailure the start's failure, with the gateway's log tail as its cause; empty for a skip
 */
record SkippedGateway(String name, String reason, Optional<GatewayStartException> startFailure) implements Gateway {
  SkippedGateway {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(startFailure, "startFailure");
  }

  SkippedGateway(String name, String reason) {
    this(name, reason, Optional.empty());
  }

  static SkippedGateway failedToStart(String name, GatewayStartException failure) {
    return new SkippedGateway(name, "failed to start: " + failure.getMessage().lines().findFirst().orElse(""),
        Optional.of(failure));
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
