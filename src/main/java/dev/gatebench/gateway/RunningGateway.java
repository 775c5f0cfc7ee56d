package dev.gatebench.gateway;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A gateway a stack started or found: its row plus where it runs. Immutable.
 *
 * @param row what it is, e.g. {@code litellm[workers=4]}
 * @param baseUrl scheme, host and port, e.g. {@code http://127.0.0.1:4000}
 * @param authHeaders headers every request needs; secrets
 * @param version the version that runs
 * @param facts what to record with every result, no secrets
 * @param process its root process when started locally
 */
public record RunningGateway(GatewayRow row, URI baseUrl, Map<String, String> authHeaders, String version,
    Map<String, Object> facts, Optional<ProcessHandle> process) implements Gateway {
  public RunningGateway {
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(process, "process");
    authHeaders = Map.copyOf(authHeaders);
    facts = Map.copyOf(facts);
  }

  /** The plain row of {@code kind}. */
  public RunningGateway(GatewayKind kind, URI baseUrl, Map<String, String> authHeaders, String version,
      Map<String, Object> facts, Optional<ProcessHandle> process) {
    this(GatewayRow.of(kind), baseUrl, authHeaders, version, facts, process);
  }

  public GatewayKind kind() {
    return row.kind();
  }

  @Override
  public String name() {
    return row.name();
  }

  @Override
  public String displayName() {
    return row.displayName();
  }

  @Override
  public Probe readiness() {
    return row.kind().readiness();
  }

  @Override
  public URI chatCompletionsUrl() {
    return baseUrl.resolve(row.kind().chatCompletionsPath());
  }

  @Override
  public Optional<URI> metricsUrl() {
    return row.kind() instanceof HasMetrics metrics ? Optional.of(metrics.metricsUrl(baseUrl)) : Optional.empty();
  }

  /** The same gateway with {@code facts} in place of its own. */
  public RunningGateway withFacts(Map<String, Object> facts) {
    return new RunningGateway(row, baseUrl, authHeaders, version, facts, process);
  }

  @Override
  public String toString() {
    return row.displayName();
  }
}
