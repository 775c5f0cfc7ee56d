package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.HostConfig;
import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.Direct;
import dev.gatebench.gateway.InferXgate;
import dev.gatebench.gateway.LiteLlm;
import dev.gatebench.gateway.LoopbackWait;
import dev.gatebench.gateway.ResourceLimit;
import dev.gatebench.gateway.UpstreamEndpoint;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.HttpWaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.core.CreateContainerCmdModifier;
import org.testcontainers.shaded.com.github.dockerjava.core.command.CreateContainerCmdImpl;

/** The container stack's definitions, inspected without a Docker engine: nothing here starts a container. */
class ContainerDefinitionsTest {
  private static final int MOCK_PORT = 18_443;
  private static final DockerImageName IMAGE = DockerImageName.parse("gatebench/some-image:1");
  private static final Map<String, String> LABELS = Map.of(ContainerRun.GATEBENCH, "true", ContainerRun.RUN,
      "6f1c2a90-run");

  @TempDir Path dir;
  private Network network;
  private UpstreamEndpoint upstream;
  private GatewaySettings settings;
  private ContainerDefinitions onHost;
  private ContainerDefinitions onBridge;

  @BeforeEach
  void defineTheStack() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    upstream = UpstreamEndpoint.mock(URI.create("http://127.0.0.1:" + MOCK_PORT), ca);
    network = Network.newNetwork();
    settings = GatewaySettings.from(BenchConfig.of(Map.of(), Map.of(), Map.of()));
    onHost = new ContainerDefinitions(settings, Optional.empty(), LABELS);
    onBridge = new ContainerDefinitions(settings, Optional.of(network), LABELS);
  }

  @AfterEach
  void dropTheNetworkDefinition() {
    network.close();
  }

  @Test
  @SuppressWarnings("deprecation") // the only public view of files copied into a container before it starts
  void inferXgateOnTheHostNetworkUsesLoopbackPortsForItselfItsDatabaseCacheAndTheMock() {
    Map<String, String> services = Map.of("postgres", onHost.address("postgres"), "redis", onHost.address("redis"));
    GenericContainer<?> inferxgate = onHost.gateway(new InferXgate(),
        onHost.request(settings.context(new InferXgate()), upstream, IMAGE, services, ResourceLimit.GATEWAY));
    int port = onHost.port("inferxgate");

    assertThat(inferxgate.getImage().toString()).contains(IMAGE.asCanonicalNameString());
    assertThat(inferxgate.getNetworkMode()).isEqualTo("host");
    assertThat(inferxgate.getExposedPorts()).isEmpty();
    assertThat(inferxgate.getEnvMap()).containsEntry("HOST", "127.0.0.1").containsEntry("PORT", Integer.toString(port))
        .containsEntry("REQUIRE_AUTH", "false").containsEntry("ENABLE_CACHING", "false")
        .containsEntry("ANTHROPIC_API_KEY", GatewaySettings.DUMMY_API_KEY)
        .containsEntry("HTTPS_PROXY", "http://127.0.0.1:" + MOCK_PORT)
        .containsEntry("SSL_CERT_FILE", "/etc/gatebench/mock-ca.pem")
        .containsEntry("DATABASE_URL", "postgres://inferxgate:inferxgate@127.0.0.1:" + onHost.port("postgres")
            + "/inferxgate")
        .containsEntry("REDIS_URL", "redis://127.0.0.1:" + onHost.port("redis"));
    assertThat(inferxgate.getCopyToFileContainerPathMap().values()).containsExactly("/etc/gatebench/mock-ca.pem");
    assertThat(inferxgate.getLabels()).containsAllEntriesOf(LABELS);
    assertThat(((LoopbackWait) waitStrategy(inferxgate)).what()).isEqualTo("POST http://127.0.0.1:" + port + "/health");
    assertLimitedToTwoCpusAndOneGib(inferxgate);
  }

  @Test
  void inferXgateOnABridgeReachesItsServicesByAliasAsTheComposeFileWiresThem() {
    Map<String, String> services = Map.of("postgres", onBridge.address("postgres"), "redis",
        onBridge.address("redis"));
    GenericContainer<?> inferxgate = onBridge.gateway(new InferXgate(),
        onBridge.request(settings.context(new InferXgate()), upstream, IMAGE, services, ResourceLimit.GATEWAY));

    assertThat(inferxgate.getEnvMap()).containsEntry("HOST", "0.0.0.0").containsEntry("PORT", "3000")
        .containsEntry("HTTPS_PROXY", "http://host.testcontainers.internal:" + MOCK_PORT)
        .containsEntry("DATABASE_URL", "postgres://inferxgate:inferxgate@postgres:5432/inferxgate")
        .containsEntry("REDIS_URL", "redis://redis:6379");
    assertThat(inferxgate.getNetwork()).isSameAs(network);
    assertThat(inferxgate.getNetworkAliases()).contains("inferxgate");
    assertThat(inferxgate.getExposedPorts()).containsExactly(3000);
    assertThat(waitStrategy(inferxgate)).isInstanceOf(HttpWaitStrategy.class)
        .extracting("method", "path").containsExactly("POST", "/health");
  }

  @Test
  void liteLlmBindsLoopbackOnItsOwnFreePortWithItsGeneratedConfig() {
    GenericContainer<?> litellm = onHost.gateway(new LiteLlm(),
        onHost.request(settings.context(new LiteLlm()), upstream, IMAGE, Map.of(), ResourceLimit.GATEWAY));
    String port = Integer.toString(onHost.port("litellm"));

    assertThat(litellm.getEnvMap()).containsEntry("LITELLM_OFFLINE_MODE", "true")
        .containsEntry("LITELLM_LOCAL_MODEL_COST_MAP", "True").containsEntry("LITELLM_LOG", "ERROR")
        .doesNotContainKey("DATABASE_URL");
    assertThat(litellm.getCommandParts()).containsExactly("--config", "/app/config.yaml", "--host", "127.0.0.1",
        "--port", port, "--num_workers", "1");
    assertThat(port).isNotEqualTo(Integer.toString(onHost.port("inferxgate")));
    assertThat(((LoopbackWait) waitStrategy(litellm)).what())
        .isEqualTo("GET http://127.0.0.1:" + port + "/health/readiness");
    assertLimitedToTwoCpusAndOneGib(litellm);
  }

  @Test
  void postgresAndRedisListenOnLoopbackPortsWithTheComposeSettings() {
    GenericContainer<?> postgres = onHost.dependency("postgres", IMAGE).container();
    GenericContainer<?> redis = onHost.dependency("redis", IMAGE).container();

    assertThat(postgres.getEnvMap()).containsEntry("POSTGRES_USER", "inferxgate")
        .containsEntry("POSTGRES_PASSWORD", "inferxgate").containsEntry("POSTGRES_DB", "inferxgate");
    assertThat(postgres.getCommandParts()).containsExactly("postgres", "-p",
        Integer.toString(onHost.port("postgres")), "-c", "listen_addresses=127.0.0.1");
    assertThat(redis.getCommandParts()).containsExactly("redis-server", "--appendonly", "no", "--port",
        Integer.toString(onHost.port("redis")), "--bind", "127.0.0.1");
    assertThat(((LoopbackWait) waitStrategy(redis)).what()).isEqualTo("a connection to 127.0.0.1:"
        + onHost.port("redis"));
    assertThat(List.of(postgres, redis)).allSatisfy(c -> assertThat(c.getNetworkMode()).isEqualTo("host"));
  }

  @Test
  void monitoringScrapesTheGatewayAndCadvisorWhereTheyListen() {
    onHost.plan(List.of(settings.context(new Direct()), settings.context(new InferXgate()),
        settings.context(new LiteLlm())));
    GenericContainer<?> prometheus = onHost.monitoring("prometheus", IMAGE);

    assertThat(onHost.prometheusConfig()).contains("targets: ['127.0.0.1:" + onHost.port("inferxgate") + "']")
        .contains("targets: ['127.0.0.1:" + onHost.port("cadvisor") + "']")
        .as("a job for each row with a metrics endpoint only").contains("- job_name: inferxgate\n    metrics_path: /metrics")
        .doesNotContain("job_name: litellm").doesNotContain("job_name: direct");
    assertThat(prometheus.getCommandParts()).contains("--web.listen-address=127.0.0.1:" + onHost.port("prometheus"));
    assertThat(onHost.monitoring("cadvisor", IMAGE).getCommandParts()).containsExactly(
        "--port=" + onHost.port("cadvisor"));
    assertThat(onHost.monitoring("influxdb", IMAGE).getEnvMap()).containsEntry("INFLUXDB_DB", "k6")
        .containsEntry("INFLUXDB_HTTP_BIND_ADDRESS", "127.0.0.1:" + onHost.port("influxdb"));
  }

  @Test
  void containersReachTheMockOnLoopbackOnTheHostNetworkAndThroughTheAliasOnABridge() {
    assertThat(onHost.forContainers(upstream).httpBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + MOCK_PORT));
    assertThat(onBridge.forContainers(upstream).httpBaseUrl())
        .isEqualTo(URI.create("http://host.testcontainers.internal:" + MOCK_PORT));
    assertThat(onBridge.forContainers(UpstreamEndpoint.anthropic()).httpBaseUrl())
        .isEqualTo(URI.create("https://api.anthropic.com"));
  }

  private static WaitStrategy waitStrategy(GenericContainer<?> container) {
    return (WaitStrategy) org.assertj.core.api.Assertions.assertThat(container).extracting("waitStrategy").actual();
  }

  private static void assertLimitedToTwoCpusAndOneGib(GenericContainer<?> container) {
    CreateContainerCmd cmd = new CreateContainerCmdImpl(command -> null, null, "image").withHostConfig(new HostConfig());
    for (CreateContainerCmdModifier modifier : container.getCreateContainerCmdModifiers()) {
      cmd = modifier.modify(cmd);
    }
    assertThat(cmd.getHostConfig().getNanoCPUs()).isEqualTo(2_000_000_000L);
    assertThat(cmd.getHostConfig().getMemory()).isEqualTo(1L << 30);
  }
}
