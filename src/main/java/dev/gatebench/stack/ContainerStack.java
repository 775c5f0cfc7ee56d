package dev.gatebench.stack;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewayKind;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.GatewayStartException;
import dev.gatebench.gateway.ResourceLimit;
import dev.gatebench.gateway.RunningGateway;
import dev.gatebench.gateway.UpstreamEndpoint;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;

/**
 * Gateways in containers (Testcontainers), each limited to 2 CPUs and 1 GiB, on one network, the
 * mock reached through {@code host.testcontainers.internal}. InferXgate's database and cache start
 * with it; monitoring starts with {@code -Dgatebench.monitoring=true}.
 */
final class ContainerStack implements Launcher {
  private final UpstreamEndpoint upstream;
  private final boolean monitoring;
  private final Closer closer = new Closer("the containers stack");
  private final ContainerDefinitions definitions;
  private final Set<String> startedDependencies = new HashSet<>();
  private boolean monitoringStarted;

  ContainerStack(GatewaySettings settings, UpstreamEndpoint upstream, boolean monitoring) {
    this.upstream = upstream;
    this.monitoring = monitoring;
    Network network = closer.register(Network.newNetwork());
    this.definitions = new ContainerDefinitions(settings, network);
    if (!upstream.realProvider()) Testcontainers.exposeHostPorts(upstream.httpBaseUrl().getPort());
  }

  @Override
  public String name() {
    return "containers";
  }

  @Override
  public Gateway launch(GatewayKind kind) {
    startDependencies(kind);
    GenericContainer<?> container = definitions.gateway(kind, upstream);
    start(container);
    URI baseUrl = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(kind.containerPort()));
    Map<String, Object> facts = new LinkedHashMap<>(kind.facts(definitions.settings()));
    facts.put("stack", name());
    facts.put("image", container.getDockerImageName());
    facts.put("container_id", container.getContainerId());
    facts.put("limits", ResourceLimit.GATEWAY.describe());
    facts.put("version", container.getDockerImageName());
    return new RunningGateway(kind, baseUrl, kind.authHeaders(definitions.settings()), container.getDockerImageName(),
        facts, Optional.empty());
  }

  private void startDependencies(GatewayKind kind) {
    for (String alias : kind.containerDependencies()) {
      if (startedDependencies.add(alias)) start(definitions.dependency(alias));
    }
    if (monitoring && !monitoringStarted) {
      monitoringStarted = true;
      definitions.monitoring().forEach(this::start);
    }
  }

  private void start(GenericContainer<?> container) {
    closer.register(container::stop);
    try {
      container.start();
    } catch (RuntimeException e) {
      throw new GatewayStartException("container " + container.getDockerImageName() + " did not start: "
          + e.getMessage() + "; its log:\n" + tail(container), e);
    }
  }

  private static String tail(GenericContainer<?> container) {
    try {
      String logs = container.getLogs();
      return logs.length() > 4000 ? logs.substring(logs.length() - 4000) : logs;
    } catch (RuntimeException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    closer.close();
  }
}
