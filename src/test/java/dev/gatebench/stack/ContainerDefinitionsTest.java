package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.HostConfig;
import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.InferXgate;
import dev.gatebench.gateway.LiteLlm;
import dev.gatebench.gateway.UpstreamEndpoint;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.HttpWaitStrategy;
import org.testcontainers.core.CreateContainerCmdModifier;
import org.testcontainers.shaded.com.github.dockerjava.core.command.CreateContainerCmdImpl;

/** The container stack's definitions, inspected without a Docker engine: nothing here starts a container. */
class ContainerDefinitionsTest {
  private static final int MOCK_PORT = 18_443;

  @TempDir Path dir;
  private Network network;
  private ContainerDefinitions definitions;
  private UpstreamEndpoint upstream;

  @BeforeEach
  void defineTheStack() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    upstream = UpstreamEndpoint.mock(URI.create("http://127.0.0.1:" + MOCK_PORT), ca);
    network = Network.newNetwork();
    definitions = new ContainerDefinitions(GatewaySettings.from(BenchConfig.of(Map.of(), Map.of(), Map.of())), network);
  }

  @AfterEach
  void dropTheNetworkDefinition() {
    network.close();
  }

  @Test
  @SuppressWarnings("deprecation") // the only public view of files copied into a container before it starts
  void inferXgateCallsTheMockThroughItsProxyAndTrustsTheMountedCa() {
    GenericContainer<?> inferxgate = definitions.gateway(new InferXgate(), upstream);

    assertThat(inferxgate.getImage().toString()).contains("inferxgate/backend:latest");
    assertThat(inferxgate.getEnvMap()).containsEntry("HOST", "0.0.0.0").containsEntry("PORT", "3000")
        .containsEntry("REQUIRE_AUTH", "false").containsEntry("ENABLE_CACHING", "false")
        .containsEntry("ANTHROPIC_API_KEY", GatewaySettings.DUMMY_API_KEY)
        .containsEntry("HTTPS_PROXY", "http://host.testcontainers.internal:" + MOCK_PORT)
        .containsEntry("https_proxy", "http://host.testcontainers.internal:" + MOCK_PORT)
        .containsEntry("SSL_CERT_FILE", "/etc/gatebench/mock-ca.pem")
        .containsEntry("DATABASE_URL", "postgres://inferxgate:inferxgate@postgres:5432/inferxgate")
        .containsEntry("REDIS_URL", "redis://redis:6379");
    assertThat(inferxgate.getCopyToFileContainerPathMap().entrySet()).singleElement().satisfies(mount -> {
      assertThat(mount.getKey().getFilesystemPath()).isEqualTo(dir.resolve("ca.pem").toString());
      assertThat(mount.getValue()).isEqualTo("/etc/gatebench/mock-ca.pem");
    });
    assertThat(inferxgate.getNetworkAliases()).contains("inferxgate");
    assertThat(inferxgate.getNetwork()).isSameAs(network);
    assertThat(inferxgate.getExposedPorts()).containsExactly(3000);
    assertWaitsFor(inferxgate, "POST", "/health");
    assertLimitedToTwoCpusAndOneGib(inferxgate);
  }

  @Test
  void liteLlmStartsOfflineWithItsGeneratedConfigAndReadinessProbe() {
    GenericContainer<?> litellm = definitions.gateway(new LiteLlm(), upstream);

    assertThat(litellm.getImage().toString()).contains("ghcr.io/berriai/litellm:main-stable");
    assertThat(litellm.getEnvMap()).containsEntry("LITELLM_OFFLINE_MODE", "true")
        .containsEntry("LITELLM_LOCAL_MODEL_COST_MAP", "True").containsEntry("LITELLM_LOG", "ERROR")
        .doesNotContainKey("DATABASE_URL");
    assertThat(litellm.getCommandParts()).containsExactly("--config", "/app/config.yaml", "--port", "4000",
        "--num_workers", "1");
    assertThat(litellm.getNetworkAliases()).contains("litellm");
    assertThat(litellm.getExposedPorts()).containsExactly(4000);
    assertWaitsFor(litellm, "GET", "/health/readiness");
    assertLimitedToTwoCpusAndOneGib(litellm);
  }

  @Test
  void theRestOfTheComposeStackIsDefinedOnTheSameNetwork() {
    assertThat(new InferXgate().containerDependencies()).map(definitions::dependency)
        .extracting(c -> c.getNetworkAliases().getLast()).containsExactly("postgres", "redis");
    assertThat(definitions.monitoring()).extracting(c -> c.getNetworkAliases().getLast())
        .containsExactly("prometheus", "cadvisor", "influxdb");
    assertThat(definitions.postgres()).extracting("databaseName", "username")
        .containsExactly("inferxgate", "inferxgate");
    assertThat(definitions.monitoring()).allSatisfy(c -> assertThat(c.getNetwork()).isSameAs(network));
  }

  @Test
  void containersReachTheMockThroughTheHostAliasAndTheRealApiDirectly() {
    assertThat(ContainerDefinitions.forContainers(upstream).httpBaseUrl())
        .isEqualTo(URI.create("http://host.testcontainers.internal:" + MOCK_PORT));
    assertThat(ContainerDefinitions.forContainers(UpstreamEndpoint.anthropic()).httpBaseUrl())
        .isEqualTo(URI.create("https://api.anthropic.com"));
  }

  private static void assertWaitsFor(GenericContainer<?> container, String method, String path) {
    assertThat(container).extracting("waitStrategy").isInstanceOf(HttpWaitStrategy.class)
        .extracting("method", "path").containsExactly(method, path);
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
