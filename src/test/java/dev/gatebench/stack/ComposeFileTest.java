package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** compose/: the same stack by hand, with the limits and health checks the container stack uses. */
class ComposeFileTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static JsonNode services;

  @BeforeAll
  static void parse() throws IOException {
    services = YAML.readTree(Path.of("compose/docker-compose.benchmark.yml").toFile()).get("services");
  }

  @Test
  void definesTheOriginalServicesPlusTheMockUpstream() {
    assertThat(names(services)).containsExactlyInAnyOrder("mock-upstream", "postgres", "redis", "inferxgate",
        "litellm", "prometheus", "cadvisor", "influxdb");
    assertThat(services.at("/inferxgate/image").asText())
        .isEqualTo("${GATEBENCH_IMAGE_INFERXGATE:-inferxgate/backend:latest}");
    assertThat(services.at("/litellm/image").asText())
        .isEqualTo("${GATEBENCH_IMAGE_LITELLM:-ghcr.io/berriai/litellm:main-v1.106.12}");
    assertThat(strings(services.at("/mock-upstream/command"))).contains("dev.gatebench.upstream.MockUpstreamMain");
  }

  @ParameterizedTest(name = "{0} is limited to 2 CPUs and 1G")
  @ValueSource(strings = {"inferxgate", "litellm"})
  void limitsEachGatewayLikeTheOriginal(String gateway) {
    JsonNode limits = services.at("/" + gateway + "/deploy/resources/limits");
    assertThat(limits.get("cpus").asText()).isEqualTo("2");
    assertThat(limits.get("memory").asText()).isEqualTo("1G");
  }

  @Test
  void probesInferXgateWithPostAndLiteLlmOnReadiness() {
    assertThat(strings(services.at("/inferxgate/healthcheck/test")))
        .containsSubsequence("-X", "POST", "http://localhost:3000/health");
    assertThat(String.join(" ", strings(services.at("/litellm/healthcheck/test"))))
        .contains("http://localhost:4000/health/readiness").doesNotContain("4000/health'");
  }

  @Test
  void routesInferXgatesAnthropicTrafficThroughTheMocksProxy() {
    List<String> env = strings(services.at("/inferxgate/environment"));
    assertThat(env).contains("REQUIRE_AUTH=false", "ENABLE_CACHING=false", "HTTPS_PROXY=http://mock-upstream:8080",
        "SSL_CERT_FILE=/certs/ca.pem");
    assertThat(strings(services.at("/inferxgate/volumes"))).contains("mock-certs:/certs:ro");
    assertThat(services.at("/inferxgate/depends_on/mock-upstream/condition").asText()).isEqualTo("service_healthy");
  }

  @Test
  void startsLiteLlmOfflineAgainstTheMock() throws IOException {
    assertThat(strings(services.at("/litellm/environment"))).contains("LITELLM_OFFLINE_MODE=true",
        "LITELLM_LOCAL_MODEL_COST_MAP=True", "LITELLM_LOG=ERROR").noneMatch(e -> e.startsWith("DATABASE_URL"));
    JsonNode config = YAML.readTree(Path.of("compose/litellm/config.yaml").toFile());
    assertThat(config.at("/model_list/0/litellm_params/api_base").asText()).isEqualTo("http://mock-upstream:8080");
    assertThat(config.at("/model_list/0/litellm_params/model").asText()).startsWith("anthropic/");
    assertThat(config.at("/litellm_settings/num_retries").asInt()).isEqualTo(2);
    assertThat(config.at("/general_settings/master_key").asText()).isEqualTo("os.environ/LITELLM_MASTER_KEY");
  }

  @Test
  void prometheusScrapesInferXgatesMetricsEndpoint() throws IOException {
    JsonNode prometheus = YAML.readTree(Path.of("compose/prometheus/prometheus.yml").toFile());
    assertThat(prometheus.get("scrape_configs")).anySatisfy(job -> {
      assertThat(job.get("job_name").asText()).isEqualTo("inferxgate");
      assertThat(job.get("metrics_path").asText()).isEqualTo("/metrics");
      assertThat(job.at("/static_configs/0/targets/0").asText()).isEqualTo("inferxgate:3000");
    });
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> strings(JsonNode array) {
    return Stream.iterate(0, i -> i < array.size(), i -> i + 1).map(i -> array.get(i).asText()).toList();
  }
}
