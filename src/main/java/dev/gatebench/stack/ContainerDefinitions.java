package dev.gatebench.stack;

import dev.gatebench.gateway.ContainerRequest;
import dev.gatebench.gateway.GatewayContext;
import dev.gatebench.gateway.HasMetrics;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.LoopbackWait;
import dev.gatebench.gateway.ResourceLimit;
import dev.gatebench.gateway.RunsAsContainer;
import dev.gatebench.gateway.UpstreamEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * The containers of compose/docker-compose.benchmark.yml, defined but not started, so that they can
 * be inspected without Docker. On the host network (the default) each service listens on a free
 * loopback port and the others reach it at {@code 127.0.0.1:PORT}; on a bridge, at its alias and
 * usual port. Gateways come from their {@link RunsAsContainer} kind; the rest is here.
 */
final class ContainerDefinitions {
  /** How bridge containers reach ports of this host that {@code Testcontainers.exposeHostPorts} opened. */
  static final String HOST_ALIAS = "host.testcontainers.internal";
  static final Map<String, Integer> USUAL_PORTS = Map.of("postgres", 5432, "redis", 6379, "prometheus", 9090,
      "cadvisor", 8080, "influxdb", 8086);

  private final GatewaySettings settings;
  private final Optional<Network> bridge;
  private final Map<String, String> labels;
  private final Map<String, Integer> ports = new ConcurrentHashMap<>();
  private volatile List<GatewayContext> rows = List.of();

  ContainerDefinitions(GatewaySettings settings, Optional<Network> bridge, Map<String, String> labels) {
    this.settings = settings;
    this.bridge = bridge;
    this.labels = Map.copyOf(labels);
  }

  /** A started (or to be started) service: its container and where the others reach it. */
  record Service(String alias, GenericContainer<?> container, String address) {}

  /** The upstream as containers see it: unchanged on the host network; through the host alias on a bridge. */
  UpstreamEndpoint forContainers(UpstreamEndpoint upstream) {
    return upstream.realProvider() || bridge.isEmpty() ? upstream : upstream.withHost(HOST_ALIAS);
  }

  /** The gateway rows of the run, for Prometheus' scrape jobs. */
  void plan(List<GatewayContext> rows) {
    this.rows = List.copyOf(rows);
  }

  /** Where {@code alias} listens: one free loopback port per alias and run on the host network. */
  int port(String alias) {
    return port(alias, USUAL_PORTS.getOrDefault(alias, 8080));
  }

  private int port(String alias, int usual) {
    return bridge.isPresent() ? usual : ports.computeIfAbsent(alias, a -> Ports.free());
  }

  /** How the other containers reach {@code alias}, e.g. {@code 127.0.0.1:40124} or {@code postgres:5432}. */
  String address(String alias) {
    return address(alias, USUAL_PORTS.getOrDefault(alias, 8080));
  }

  private String address(String alias, int usual) {
    return (bridge.isPresent() ? alias : "127.0.0.1") + ":" + port(alias, usual);
  }

  /** A row's container request, under its file name ({@code litellm-workers-4}) as alias and container name. */
  ContainerRequest request(GatewayContext row, UpstreamEndpoint upstream, DockerImageName image,
      Map<String, String> services, ResourceLimit limit) {
    int port = row.fixedPort().filter(p -> bridge.isEmpty())
        .orElseGet(() -> port(row.row().fileName(), row.kind().usualPort()));
    return new ContainerRequest(row, forContainers(upstream), image, bridge, port, services, limit, labels);
  }

  GenericContainer<?> gateway(RunsAsContainer kind, ContainerRequest request) {
    return named(kind.container(request), request.context().row().fileName());
  }

  /** A gateway's dependency by its alias: {@code postgres} or {@code redis}. */
  Service dependency(String alias, DockerImageName image) {
    GenericContainer<?> container = switch (alias) {
      case "postgres" -> postgres(image);
      case "redis" -> redis(image);
      default -> throw new IllegalArgumentException("no container definition for '" + alias
          + "'; known: [postgres, redis]");
    };
    return new Service(alias, container, address(alias));
  }

  /** As compose: user, password and database {@code inferxgate}. */
  GenericContainer<?> postgres(DockerImageName image) {
    GenericContainer<?> postgres = new GenericContainer<>(image).withEnv("POSTGRES_USER", "inferxgate")
        .withEnv("POSTGRES_PASSWORD", "inferxgate").withEnv("POSTGRES_DB", "inferxgate");
    if (bridge.isEmpty()) {
      postgres.withCommand("postgres", "-p", Integer.toString(port("postgres")), "-c", "listen_addresses=127.0.0.1");
    }
    return attach(postgres, "postgres", Optional.empty());
  }

  /** As compose: {@code redis-server --appendonly no}. */
  GenericContainer<?> redis(DockerImageName image) {
    List<String> command = new ArrayList<>(List.of("redis-server", "--appendonly", "no"));
    if (bridge.isEmpty()) command.addAll(List.of("--port", Integer.toString(port("redis")), "--bind", "127.0.0.1"));
    return attach(new GenericContainer<>(image).withCommand(command.toArray(String[]::new)), "redis",
        Optional.empty());
  }

  /** Scrapes every planned row with a metrics endpoint (InferXgate's; LiteLLM has none without its enterprise callback) and cAdvisor. */
  GenericContainer<?> prometheus(DockerImageName image) {
    String listen = (bridge.isEmpty() ? "127.0.0.1" : "0.0.0.0") + ":" + port("prometheus");
    return attach(new GenericContainer<>(image)
        .withCopyToContainer(Transferable.of(prometheusConfig()), "/etc/prometheus/prometheus.yml")
        .withCommand("--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus",
            "--web.enable-lifecycle", "--storage.tsdb.retention.time=7d", "--web.listen-address=" + listen),
        "prometheus", Optional.of("/-/ready"));
  }

  @SuppressWarnings("deprecation") // cAdvisor reads the host's /sys and /var/lib/docker: bind mounts are its API
  GenericContainer<?> cadvisor(DockerImageName image) {
    GenericContainer<?> cadvisor = new GenericContainer<>(image).withPrivilegedMode(true)
        .withFileSystemBind("/", "/rootfs", BindMode.READ_ONLY).withFileSystemBind("/sys", "/sys", BindMode.READ_ONLY)
        .withFileSystemBind("/var/run", "/var/run", BindMode.READ_ONLY)
        .withFileSystemBind("/var/lib/docker", "/var/lib/docker", BindMode.READ_ONLY)
        .withCommand("--port=" + port("cadvisor"));
    return attach(cadvisor, "cadvisor", Optional.of("/healthz"));
  }

  GenericContainer<?> influxdb(DockerImageName image) {
    String host = bridge.isEmpty() ? "127.0.0.1" : "";
    GenericContainer<?> influx = new GenericContainer<>(image).withEnv("INFLUXDB_DB", "k6")
        .withEnv("INFLUXDB_HTTP_AUTH_ENABLED", "false")
        .withEnv("INFLUXDB_HTTP_BIND_ADDRESS", host + ":" + port("influxdb"));
    if (bridge.isEmpty()) influx.withEnv("INFLUXDB_BIND_ADDRESS", "127.0.0.1:" + port("influxdb-rpc"));
    return attach(influx, "influxdb", Optional.of("/ping"));
  }

  /** The monitoring services by alias, in start order: cAdvisor first, so Prometheus finds it. */
  static List<String> monitoringServices() {
    return List.of("cadvisor", "influxdb", "prometheus");
  }

  GenericContainer<?> monitoring(String alias, DockerImageName image) {
    return switch (alias) {
      case "prometheus" -> prometheus(image);
      case "cadvisor" -> cadvisor(image);
      case "influxdb" -> influxdb(image);
      default -> throw new IllegalArgumentException("no monitoring service '" + alias + "'; known: "
          + monitoringServices());
    };
  }

  String prometheusConfig() {
    StringBuilder jobs = new StringBuilder();
    for (GatewayContext row : rows) {
      if (row.kind() instanceof HasMetrics metrics && row.kind() instanceof RunsAsContainer) {
        String alias = row.row().fileName();
        jobs.append(metrics.scrapeJob(alias, address(alias, row.kind().usualPort())));
      }
    }
    return PROMETHEUS_CONFIG.replace("GATEWAYS\n", jobs).replace("CADVISOR", address("cadvisor"))
        .replace("PROMETHEUS", address("prometheus"));
  }

  private GenericContainer<?> attach(GenericContainer<?> container, String alias, Optional<String> httpPath) {
    int port = port(alias);
    container.withLabels(labels).withImagePullPolicy(name -> false);
    WaitStrategy wait;
    if (bridge.isPresent()) {
      container.withNetwork(bridge.get()).withNetworkAliases(alias).withExposedPorts(port);
      wait = httpPath.<WaitStrategy>map(path -> Wait.forHttp(path).forPort(port)).orElseGet(Wait::forListeningPort);
    } else {
      container.withNetworkMode("host");
      wait = httpPath.<WaitStrategy>map(path -> LoopbackWait.http(port, dev.gatebench.gateway.Probe.get(path)))
          .orElseGet(() -> LoopbackWait.tcp(port));
    }
    return named(container.waitingFor(wait.withStartupTimeout(settings.readinessTimeout())), alias);
  }

  /** {@code gatebench-litellm-6f1c2a}: readable in {@code docker ps}, unique per run. */
  private GenericContainer<?> named(GenericContainer<?> container, String alias) {
    String run = labels.getOrDefault(ContainerRun.RUN, "run");
    String name = "gatebench-" + alias + "-" + run.substring(0, Math.min(8, run.length()));
    return container.withCreateContainerCmdModifier(cmd -> cmd.withName(name));
  }

  private static final String PROMETHEUS_CONFIG = """
      global:
        scrape_interval: 5s
        evaluation_interval: 5s
      scrape_configs:
      GATEWAYS
        - job_name: cadvisor
          static_configs:
            - targets: ['CADVISOR']
        - job_name: prometheus
          static_configs:
            - targets: ['PROMETHEUS']
      """;
}
