package dev.gatebench.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatebench.config.BenchConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

class LiteLlmConfigTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void routesTheTestModelToTheMockWithoutATrailingSlash() throws Exception {
    GatewayContext settings = settings(Map.of("TEST_MODEL", "claude-test", "LITELLM_MASTER_KEY", "sk-m"));
    UpstreamEndpoint mock = new UpstreamEndpoint(URI.create("http://127.0.0.1:8089/"), Optional.empty(),
        Optional.empty(), false);

    JsonNode config = YAML.readTree(LiteLlmConfig.render(settings, mock));

    assertThat(config.at("/model_list/0/model_name").asText()).isEqualTo("claude-test");
    assertThat(config.at("/model_list/0/litellm_params/model").asText()).isEqualTo("anthropic/claude-test");
    assertThat(config.at("/model_list/0/litellm_params/api_base").asText()).isEqualTo("http://127.0.0.1:8089");
    assertThat(config.at("/litellm_settings/num_retries").asInt()).isEqualTo(2);
    assertThat(config.has("callbacks")).isFalse();
  }

  @Test
  void keepsLiteLlmsDefaultBaseForTheRealProvider() throws Exception {
    GatewayContext settings = settings(Map.of("gatebench.upstream", "anthropic", "ANTHROPIC_API_KEY", "sk-ant-x"));

    JsonNode config = YAML.readTree(LiteLlmConfig.render(settings, UpstreamEndpoint.anthropic()));

    assertThat(config.at("/model_list/0/litellm_params").has("api_base")).isFalse();
  }

  @Test
  void namesTheKeysByEnvironmentVariableAndHoldsNoSecret() throws Exception {
    GatewayContext settings = settings(Map.of("gatebench.upstream", "anthropic",
        "ANTHROPIC_API_KEY", "anthropic-canary-1", "LITELLM_MASTER_KEY", "sk-canary-2"));

    String text = LiteLlmConfig.render(settings, UpstreamEndpoint.anthropic());
    JsonNode config = YAML.readTree(text);

    assertThat(text).as("the config file's text").doesNotContain("canary");
    assertThat(config.at("/model_list/0/litellm_params/api_key").asText()).isEqualTo("os.environ/ANTHROPIC_API_KEY");
    assertThat(config.at("/general_settings/master_key").asText()).isEqualTo("os.environ/LITELLM_MASTER_KEY");
    assertThat(LiteLlmConfig.secretEnvironment(settings)).as("what LiteLLM's environment carries instead")
        .containsExactlyInAnyOrderEntriesOf(Map.of("ANTHROPIC_API_KEY", "anthropic-canary-1",
            "LITELLM_MASTER_KEY", "sk-canary-2"));
  }

  @Test
  void givesTheProcessAndTheContainerTheKeysAsEnvironment() {
    GatewayContext settings = settings(Map.of("LITELLM_MASTER_KEY", "sk-canary-3"));
    UpstreamEndpoint mock = new UpstreamEndpoint(URI.create("http://127.0.0.1:8089"), Optional.empty(),
        Optional.empty(), false);

    Map<String, String> env = LiteLlm.environment(settings);

    assertThat(env).containsEntry("LITELLM_MASTER_KEY", "sk-canary-3")
        .containsEntry("ANTHROPIC_API_KEY", GatewaySettings.DUMMY_API_KEY)
        .containsEntry("LITELLM_OFFLINE_MODE", "true");
    ContainerRequest request = new ContainerRequest(settings, mock, DockerImageName.parse("gatebench/litellm:test"),
        Optional.empty(), 40123, Map.of(), ResourceLimit.GATEWAY, Map.of());
    try (GenericContainer<?> container = new LiteLlm().container(request)) {
      assertThat(container.getEnvMap()).as("the container's environment").containsAllEntriesOf(env);
    }
  }

  @Test
  void writesTheConfigReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
    Path file = LiteLlmConfig.write(dir, settings(Map.of()), UpstreamEndpoint.anthropic().withHost("127.0.0.1"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  private static GatewayContext settings(Map<String, String> props) {
    return GatewaySettings.from(BenchConfig.of(props, Map.of(), Map.of())).context(new LiteLlm());
  }
}
