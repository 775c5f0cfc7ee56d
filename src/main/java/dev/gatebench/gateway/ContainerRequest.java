package dev.gatebench.gateway;

import java.util.Objects;
import org.testcontainers.containers.Network;

/**
 * What a container stack gives a gateway kind to define its container.
 *
 * @param settings the run's settings
 * @param upstream the upstream as containers reach it (e.g. {@code http://host.testcontainers.internal:PORT})
 * @param network the stack's network; the gateway joins it under the alias of its name
 */
public record ContainerRequest(GatewaySettings settings, UpstreamEndpoint upstream, Network network) {
  public ContainerRequest {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(network, "network");
  }
}
