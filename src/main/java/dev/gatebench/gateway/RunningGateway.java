package dev.gatebench.gateway;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A gateway a stack started or found: its kind plus where it runs. Immutable.
 *
 * @param kind what it is
 * @param baseUrl scheme, host and port, e.g. {@code http://127.0.0.1:4000}
 * @param authHeaders headers every request needs; secrets
 * @param version the version that runs
 * @param facts what to record with every result, no secrets
 * @param process its root process when started locally
 */
public record RunningGateway(GatewayKind kind, URI baseUrl, Map<String, String> authHeaders, String version,
    Map<String, Object> facts, Optional<ProcessHandle> process) implements Gateway {
  public RunningGateway {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(process, "process");
    authHeaders = Map.copyOf(authHeaders);
    facts = Map.copyOf(facts);
  }

  @Override
  public String name() {
    return kind.name();
  }

  @Override
  public String displayName() {
    return kind.displayName();
  }

  @Override
  public Probe readiness() {
    return kind.readiness();
  }

  @Override
  public Optional<URI> metricsUrl() {
    return kind.metricsUrl(baseUrl);
  }

  @Override
  public String toString() {
    return kind.displayName();
  }
}
