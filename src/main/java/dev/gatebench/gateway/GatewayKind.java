package dev.gatebench.gateway;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;

/**
 * One kind of gateway: how it is reached, and how it starts as a local process and as a container.
 * Adding a gateway is one implementation plus a line in {@link GatewayKinds}. Implementations are
 * stateless and thread-safe.
 */
public interface GatewayKind {
  /** The row id and the name in {@code gatebench.gateways}, lower case, e.g. {@code litellm}. */
  String name();

  /** The name in reports, e.g. {@code LiteLLM}. */
  String displayName();

  /** The request that answers 2xx once the gateway serves traffic. */
  Probe readiness();

  /** The port it listens on inside its container, e.g. 4000. */
  int containerPort();

  /** The setting naming an already running instance for the external stack, e.g. {@code LITELLM_URL}. */
  String externalUrlSetting();

  default Optional<URI> externalUrl(GatewaySettings settings) {
    return Optional.empty();
  }

  /** Headers every request needs; secrets. */
  default Map<String, String> authHeaders(GatewaySettings settings) {
    return Map.of();
  }

  /** The Prometheus endpoint of a gateway at {@code baseUrl}, if it has one. */
  default Optional<URI> metricsUrl(URI baseUrl) {
    return Optional.empty();
  }

  /** The version that runs, as far as gatebench knows before asking it; e.g. {@code 1.106.12}. */
  String version(GatewaySettings settings);

  /** Facts that shape the numbers, recorded with every result: no secrets. */
  Map<String, Object> facts(GatewaySettings settings);

  /**
   * A gateway that needs nothing started (the Direct row is the upstream itself): its base URL;
   * empty for gateways that a stack starts.
   *
   * @throws GatewayUnavailableException when it cannot serve this upstream
   */
  default Optional<URI> builtIn(UpstreamEndpoint upstream) throws GatewayUnavailableException {
    return Optional.empty();
  }

  /**
   * How to run it as a local process listening on {@code request.port()}; may install it first.
   *
   * @throws GatewayUnavailableException when this machine cannot run it, with how to enable it
   */
  ProcessSpec process(ProcessRequest request) throws GatewayUnavailableException;

  /** Network aliases of the containers it needs started first, e.g. {@code [postgres, redis]}. */
  default List<String> containerDependencies() {
    return List.of();
  }

  /** Its container, attached to {@code request.network()} under the alias {@link #name()}, not started. */
  GenericContainer<?> container(ContainerRequest request);
}
