package dev.gatebench.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * What a container stack gives a gateway kind to define its container.
 *
 * @param context the row's settings, its own and the run's
 * @param upstream the upstream as the container reaches it: {@code http://127.0.0.1:PORT} on the host
 *     network, {@code http://host.testcontainers.internal:PORT} on a bridge
 * @param image a local image (never pulled), e.g. {@code gatebench/litellm:1.106.12}
 * @param bridge the stack's bridge network; empty for the host network (the default)
 * @param port where the gateway listens: a free loopback port on the host network, e.g. 40123; its
 *     usual port (4000, 3000) on a bridge
 * @param services the dependencies it may use by alias, as {@code host:port} it reaches them at, e.g.
 *     {@code postgres → 127.0.0.1:40124} on the host network, {@code postgres → postgres:5432} on a bridge
 * @param limit CPU and memory caps from the compose file
 * @param labels gatebench's labels (run id, pid) by which its containers are found and removed
 */
public record ContainerRequest(GatewayContext context, UpstreamEndpoint upstream, DockerImageName image,
    Optional<Network> bridge, int port, Map<String, String> services, ResourceLimit limit,
    Map<String, String> labels) {
  public ContainerRequest {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(bridge, "bridge");
    Objects.requireNonNull(limit, "limit");
    if (port < 1 || port > 65_535) throw new IllegalArgumentException("port must be in 1..65535 but was " + port);
    services = Map.copyOf(services);
    labels = Map.copyOf(labels);
  }

  public boolean hostNetwork() {
    return bridge.isEmpty();
  }

  /** The address to bind: loopback on the host network (load goes to 127.0.0.1 only), all on a bridge. */
  public String listenHost() {
    return hostNetwork() ? "127.0.0.1" : "0.0.0.0";
  }

  /** Where the gateway reaches a dependency, e.g. {@code 127.0.0.1:40124}. */
  public String service(String alias) {
    String address = services.get(alias);
    if (address == null) {
      throw new IllegalArgumentException("service '" + alias + "' was not started for this gateway; started: "
          + services.keySet() + "; list it in RunsAsContainer.containerDependencies()");
    }
    return address;
  }

  /** {@link #attach(GenericContainer, String, Probe)} under the row's file name, waiting on its kind's readiness. */
  public <C extends GenericContainer<?>> C attach(C container) {
    return attach(container, context.row().fileName(), context.kind().readiness());
  }

  /**
   * Puts {@code container} on the stack's network under {@code alias}, with gatebench's labels and
   * limit, a readiness wait on {@code readiness} and no image pull.
   */
  public <C extends GenericContainer<?>> C attach(C container, String alias, Probe readiness) {
    Duration timeout = context.readinessTimeout();
    container.withLabels(labels).withImagePullPolicy(name -> false).withCreateContainerCmdModifier(limit);
    if (bridge.isPresent()) {
      container.withNetwork(bridge.get()).withNetworkAliases(alias).withExposedPorts(port)
          .waitingFor(Wait.forHttp(readiness.path()).withMethod(readiness.method()).forPort(port)
              .withStartupTimeout(timeout));
    } else {
      container.withNetworkMode("host").waitingFor(LoopbackWait.http(port, readiness).withStartupTimeout(timeout));
    }
    return container;
  }
}
