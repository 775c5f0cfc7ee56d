package dev.gatebench.gateway;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;

/**
 * The zero-overhead reference row: requests go straight to the mock upstream's
 * {@code /v1/chat/completions}, so a gateway's overhead is its latency minus this row's.
 */
public final class Direct implements GatewayKind {
  @Override
  public String name() {
    return "direct";
  }

  @Override
  public String displayName() {
    return "Direct (mock upstream)";
  }

  /** Nothing is started for this row, so nothing is probed; the mock is ready once it is constructed. */
  @Override
  public Probe readiness() {
    return Probe.post("/v1/chat/completions");
  }

  @Override
  public int containerPort() {
    throw new UnsupportedOperationException("the Direct row runs no container");
  }

  @Override
  public String externalUrlSetting() {
    return "gatebench.upstream";
  }

  @Override
  public String version(GatewaySettings settings) {
    return "mock";
  }

  @Override
  public Map<String, Object> facts(GatewaySettings settings) {
    return Map.of("upstream", "gatebench mock, called directly");
  }

  @Override
  public Optional<URI> builtIn(UpstreamEndpoint upstream) throws GatewayUnavailableException {
    if (upstream.realProvider()) {
      throw new GatewayUnavailableException("direct skipped: the Direct row calls the mock upstream, and "
          + "gatebench.upstream=anthropic runs without it; use -Dgatebench.upstream=mock to get this row");
    }
    return Optional.of(upstream.httpBaseUrl());
  }

  @Override
  public ProcessSpec process(ProcessRequest request) {
    throw new UnsupportedOperationException("the Direct row starts no process");
  }

  @Override
  public GenericContainer<?> container(ContainerRequest request) {
    throw new UnsupportedOperationException("the Direct row runs no container");
  }
}
