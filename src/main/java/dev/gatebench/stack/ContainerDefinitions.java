package dev.gatebench.stack;

import dev.gatebench.gateway.ContainerRequest;
import dev.gatebench.gateway.GatewayKind;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.UpstreamEndpoint;
import java.util.List;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The containers of compose/docker-compose.benchmark.yml, defined but not started, so that they can
 * be inspected without Docker. Gateways come from their {@link GatewayKind}; the rest is here.
 */
final class ContainerDefinitions {
  /** How containers reach ports of this host that {@code Testcontainers.exposeHostPorts} opened. */
  static final String HOST_ALIAS = "host.testcontainers.internal";
  static final DockerImageName POSTGRES = DockerImageName.parse("postgres:18-alpine");
  static final DockerImageName REDIS = DockerImageName.parse("redis:7-alpine");
  static final DockerImageName PROMETHEUS = DockerImageName.parse("prom/prometheus:v2.47.0");
  static final DockerImageName CADVISOR = DockerImageName.parse("gcr.io/cadvisor/cadvisor:v0.47.0");
  static final DockerImageName INFLUXDB = DockerImageName.parse("influxdb:1.8");

  private final GatewaySettings settings;
  private final Network network;

  ContainerDefinitions(GatewaySettings settings, Network network) {
    this.settings = settings;
    this.network = network;
  }

  /** The upstream as containers see it: the mock through the host alias, the real API as is. */
  static UpstreamEndpoint forContainers(UpstreamEndpoint upstream) {
    return upstream.realProvider() ? upstream : upstream.withHost(HOST_ALIAS);
  }

  GenericContainer<?> gateway(GatewayKind kind, UpstreamEndpoint upstream) {
    return kind.container(new ContainerRequest(settings, forContainers(upstream), network));
  }

  /** A gateway's dependency by its network alias: {@code postgres} or {@code redis}. */
  GenericContainer<?> dependency(String alias) {
    return switch (alias) {
      case "postgres" -> postgres();
      case "redis" -> redis();
      default -> throw new IllegalArgumentException("no container definition for '" + alias
          + "'; known: [postgres, redis]");
    };
  }

  /** Prometheus, cAdvisor and InfluxDB: the original's monitoring, started on request only. */
  List<GenericContainer<?>> monitoring() {
    return List.of(prometheus(), cadvisor(), influxdb());
  }

  PostgreSQLContainer postgres() {
    PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES).withDatabaseName("inferxgate")
        .withUsername("inferxgate").withPassword("inferxgate");
    postgres.withNetwork(network).withNetworkAliases("postgres");
    return postgres;
  }

  GenericContainer<?> redis() {
    return new GenericContainer<>(REDIS).withNetwork(network).withNetworkAliases("redis")
        .withCommand("redis-server", "--appendonly", "no").withExposedPorts(6379)
        .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*\\n", 1));
  }

  GenericContainer<?> prometheus() {
    return new GenericContainer<>(PROMETHEUS).withNetwork(network).withNetworkAliases("prometheus")
        .withCopyToContainer(Transferable.of(PROMETHEUS_CONFIG), "/etc/prometheus/prometheus.yml")
        .withExposedPorts(9090).waitingFor(Wait.forHttp("/-/ready").forPort(9090));
  }

  @SuppressWarnings("deprecation") // cAdvisor reads the host's /sys and /var/lib/docker: bind mounts are its API
  GenericContainer<?> cadvisor() {
    return new GenericContainer<>(CADVISOR).withNetwork(network).withNetworkAliases("cadvisor").withPrivilegedMode(true)
        .withFileSystemBind("/", "/rootfs", BindMode.READ_ONLY).withFileSystemBind("/sys", "/sys", BindMode.READ_ONLY)
        .withFileSystemBind("/var/run", "/var/run", BindMode.READ_ONLY)
        .withFileSystemBind("/var/lib/docker", "/var/lib/docker", BindMode.READ_ONLY)
        .withExposedPorts(8080).waitingFor(Wait.forHttp("/healthz").forPort(8080));
  }

  GenericContainer<?> influxdb() {
    return new GenericContainer<>(INFLUXDB).withNetwork(network).withNetworkAliases("influxdb")
        .withEnv("INFLUXDB_DB", "k6").withEnv("INFLUXDB_HTTP_AUTH_ENABLED", "false")
        .withExposedPorts(8086).waitingFor(Wait.forHttp("/ping").forPort(8086).forStatusCode(204));
  }

  GatewaySettings settings() {
    return settings;
  }

  /** Scrapes InferXgate (LiteLLM exposes no metrics without its enterprise callback) and cAdvisor. */
  static final String PROMETHEUS_CONFIG = """
      global:
        scrape_interval: 5s
        evaluation_interval: 5s
      scrape_configs:
        - job_name: inferxgate
          metrics_path: /metrics
          static_configs:
            - targets: ['inferxgate:3000']
        - job_name: cadvisor
          static_configs:
            - targets: ['cadvisor:8080']
        - job_name: prometheus
          static_configs:
            - targets: ['localhost:9090']
      """;
}
