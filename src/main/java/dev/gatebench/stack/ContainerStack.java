package dev.gatebench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatebench.gateway.ContainerRequest;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewayContext;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.GatewayStartException;
import dev.gatebench.gateway.GatewayUnavailableException;
import dev.gatebench.gateway.RunningGateway;
import dev.gatebench.gateway.ResourceLimit;
import dev.gatebench.gateway.RunsAsContainer;
import dev.gatebench.gateway.UpstreamEndpoint;
import dev.gatebench.stack.image.ImageResolver;
import dev.gatebench.metrics.resources.CgroupFiles;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.DockerImageName;

/**
 * Gateways in containers (Testcontainers), each limited as the compose file says (2 CPUs, 1 GiB), on
 * the host network by default so that every row reaches the mock on 127.0.0.1 as the Direct row does.
 * PostgreSQL and Redis start first, as {@code docker compose up} starts them ({@code gatebench.containers.services});
 * monitoring starts with {@code gatebench.monitoring=true}.
 * Images come from an {@link ImageSource} and are never pulled. Every container carries the run's
 * labels and is removed at the end, on Ctrl-C, or at the next start after a crash.
 */
final class ContainerStack implements Launcher {
  private final UpstreamEndpoint upstream;
  private final ContainerSettings containers;
  private final DockerEngine engine;
  private final ImageSource images;
  private final Closer closer = new Closer("the containers stack");
  private final ContainerDefinitions definitions;
  private final Map<String, String> services = new HashMap<>();
  private final String cleanup;
  private boolean monitoringStarted;

  ContainerStack(GatewaySettings settings, ContainerSettings containers, DockerEngine engine, ImageSource images,
      UpstreamEndpoint upstream) {
    this.upstream = upstream;
    this.containers = containers;
    this.engine = engine;
    this.images = images;
    ContainerRun run = ContainerRun.current();
    List<String> stale = ContainerReaper.removeStale(engine, run.host());
    if (!stale.isEmpty()) System.out.println("gatebench: removed containers a crashed run left: " + stale);
    this.cleanup = TestcontainersSetup.prepare(engine);
    Optional<Network> bridge = containers.hostNetwork() ? Optional.empty() : Optional.of(closer.register(
        Network.newNetwork()));
    AutoCloseable removeRun = () -> ContainerReaper.removeRun(engine, run);
    closer.register(() -> {
      ShutdownStopper.INSTANCE.untrack(removeRun);
      removeRun.close();
    });
    ShutdownStopper.INSTANCE.track(removeRun);
    this.definitions = new ContainerDefinitions(settings, bridge, run.labels());
    if (bridge.isPresent() && !upstream.realProvider()) Testcontainers.exposeHostPorts(upstream.httpBaseUrl().getPort());
  }

  static ContainerStack start(GatewaySettings settings, ContainerSettings containers, DockerEngine engine,
      ImageResolver images, UpstreamEndpoint upstream) {
    return new ContainerStack(settings, containers, engine, new ResolvedImages(images), upstream);
  }

  @Override
  public String name() {
    return "containers";
  }

  /** Also starts the compose file's data services ({@code gatebench.containers.services}) before any row. */
  @Override
  public void plan(List<GatewayContext> rows) {
    definitions.plan(rows);
    for (String alias : containers.services()) {
      try {
        service(alias, images.image(alias));
      } catch (ImageUnavailableException e) {
        System.out.println("gatebench: " + alias + " skipped: " + e.getMessage());
      }
    }
  }

  @Override
  public Gateway launch(GatewayContext row) throws GatewayUnavailableException {
    RunsAsContainer kind = Abilities.require(row, RunsAsContainer.class);
    String name = row.row().name();
    DockerImageName image = image(kind.name(), name, false);
    Map<String, String> dependencies = startDependencies(kind, name);
    startMonitoring();
    ContainerRequest request = definitions.request(row, upstream, image, dependencies, limit(row));
    GenericContainer<?> container = start(definitions.gateway(kind, request), row.row().displayName());
    closer.register(ContainerExit.track(container.getContainerId(), container.getContainerName().replace("/", ""),
        engine));
    URI baseUrl = request.hostNetwork() ? URI.create("http://127.0.0.1:" + request.port())
        : URI.create("http://" + container.getHost() + ":" + container.getMappedPort(request.port()));
    Map<String, Object> limits = AppliedLimits.read(engine.inspect(container.getContainerId()),
        CgroupFiles.ofContainer(container.getContainerId()));
    System.out.println("gatebench: " + name + " container " + container.getContainerName().replace("/", "")
        + " (" + image.asCanonicalNameString() + ") at " + baseUrl + "; limits applied: " + limits.get("summary"));
    return new RunningGateway(row.row(), baseUrl, row.requestHeaders(request.upstream()),
        image.asCanonicalNameString(), facts(row, container, request, limits), Optional.empty());
  }

  /** The compose file's limits for the kind, with the row's own memory cap when it names one. */
  private static ResourceLimit limit(GatewayContext row) {
    ResourceLimit compose = ComposeLimits.of(row.kind().name());
    return row.memoryLimit().isPresent() ? compose.withMemory(row.memoryLimit().getAsLong()) : compose;
  }

  private Map<String, Object> facts(GatewayContext row, GenericContainer<?> container, ContainerRequest request,
      Map<String, Object> limits) {
    Map<String, Object> facts = new LinkedHashMap<>(row.facts());
    facts.put("stack", name());
    facts.put("network", request.hostNetwork() ? "host" : "bridge (each request crosses Docker's port mapping)");
    facts.put("image", request.image().asCanonicalNameString());
    facts.put(Stack.CONTAINER_ID, container.getContainerId());
    facts.put("port", request.port());
    facts.put("limits", request.limit().describe());
    facts.put("limits_applied", limits);
    facts.put("services", request.services());
    facts.put("stack_services", Map.copyOf(services));
    facts.put("cleanup", cleanup);
    return facts;
  }

  /** The image of {@code service}, which {@code row} runs ({@code dependency} false) or needs. */
  private DockerImageName image(String service, String row, boolean dependency) throws GatewayUnavailableException {
    try {
      return images.image(service);
    } catch (ImageUnavailableException e) {
      throw new GatewayUnavailableException(row + " skipped: " + (dependency ? "it needs " : "") + e.getMessage());
    }
  }

  private Map<String, String> startDependencies(RunsAsContainer kind, String row) throws GatewayUnavailableException {
    Map<String, String> started = new LinkedHashMap<>();
    for (String alias : kind.containerDependencies()) {
      if (!services.containsKey(alias)) service(alias, image(alias, row, true));
      started.put(alias, services.get(alias));
    }
    return started;
  }

  /** Starts PostgreSQL or Redis once per run and says where, with the limits it runs under (none, as in compose). */
  private void service(String alias, DockerImageName image) {
    if (services.containsKey(alias)) return;
    ContainerDefinitions.Service service = definitions.dependency(alias, image);
    GenericContainer<?> container = start(service.container(), alias);
    services.put(alias, service.address());
    Map<String, Object> limits = AppliedLimits.read(engine.inspect(container.getContainerId()),
        CgroupFiles.ofContainer(container.getContainerId()));
    System.out.println("gatebench: " + alias + " container " + container.getContainerName().replace("/", "")
        + " (" + image.asCanonicalNameString() + ") at " + service.address() + "; limits applied: "
        + limits.get("summary"));
  }

  /** Each monitoring service whose image cannot be had is skipped with its reason; the run goes on. */
  private void startMonitoring() {
    if (!containers.monitoring() || monitoringStarted) return;
    monitoringStarted = true;
    for (String alias : ContainerDefinitions.monitoringServices()) {
      try {
        start(definitions.monitoring(alias, images.image(alias)), alias);
        System.out.println("gatebench: monitoring: " + alias + " at " + definitions.address(alias));
      } catch (ImageUnavailableException e) {
        System.out.println("gatebench: monitoring: " + alias + " skipped: " + e.getMessage());
      }
    }
  }

  private GenericContainer<?> start(GenericContainer<?> container, String what) {
    try {
      container.start();
      return container;
    } catch (RuntimeException e) {
      throw new GatewayStartException(what + " container (" + container.getDockerImageName() + ") did not start: "
          + causes(e) + exit(container) + "; its log:\n" + tail(container), e);
    }
  }

  /** Testcontainers wraps the telling message (an exit, an OOM kill) in generic ones: show the chain. */
  private static String causes(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append(": ").append(cause.getMessage());
      }
    }
    return text.toString();
  }

  private String exit(GenericContainer<?> container) {
    if (container.getContainerId() == null) return "";
    try {
      JsonNode inspect = engine.inspect(container.getContainerId());
      return "; the container " + ContainerExit.describe(inspect);
    } catch (DockerEngineException e) {
      return "";
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
