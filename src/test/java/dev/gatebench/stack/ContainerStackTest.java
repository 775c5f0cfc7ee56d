package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.LiteLlm;
import dev.gatebench.gateway.UpstreamEndpoint;
import dev.gatebench.stack.image.ImageResolver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.utility.DockerImageName;

/**
 * A real LiteLLM container started by the containers stack on the host network in front of a fake
 * Anthropic API on 127.0.0.1. Skipped where no Docker engine answers or the image is not on it.
 */
@Tag("docker")
class ContainerStackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL = "claude-sonnet-4-5-20250929";

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void liteLlmContainerServesFromLoopbackUnderItsReadBackLimitsAndLeavesNoContainer(@TempDir Path logs)
      throws Exception {
    DockerEngine engine = DockerHere.engineOrSkip();
    String image = DockerHere.serviceImageOrSkip(engine, "litellm");
    BenchConfig config = BenchConfig.of(Map.of("gatebench.gateways", "litellm", "gatebench.logDir",
        logs.toString(), "TEST_MODEL", MODEL, "gatebench.image.litellm", image), Map.of(), Map.of());
    try (FakeAnthropic fake = FakeAnthropic.start()) {
      UpstreamEndpoint upstream = new UpstreamEndpoint(fake.baseUrl(), Optional.empty(), Optional.empty(), false);
      ContainerStack stack = ContainerStack.start(GatewaySettings.from(config), ContainerSettings.from(config),
          engine, ImageResolver.fromConfig(config), upstream);
      String runFilter;
      try (stack) {
        Gateway litellm = stack.launch(StubKind.row(new LiteLlm()));
        String id = (String) litellm.facts().get(Stack.CONTAINER_ID);
        runFilter = engine.inspect(id).at("/Config/Labels").path(ContainerRun.RUN).asText();

        HttpResponse<String> response = chat(litellm);

        assertThat(response.statusCode()).as("status, body %s", response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).at("/choices/0/message/content").asText())
            .isEqualTo(FakeAnthropic.REPLY_TEXT);
        assertThat(fake.received()).as("requests the fake upstream on 127.0.0.1 received").isNotEmpty();
        assertThat(litellm.baseUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(engine.inspect(id).at("/HostConfig/NetworkMode").asText()).isEqualTo("host");
        assertThat(litellm.facts()).containsEntry("image", image).containsEntry("limits", (Object) "2.0 CPUs, 1024 MiB");
        assertThat(castToObjects(litellm.facts().get("limits_applied"))).as("limits read back from the container")
            .containsEntry("docker_nano_cpus", 2_000_000_000L).containsEntry("docker_memory_bytes", 1L << 30)
            .containsEntry("cgroup_memory_limit_bytes", 1L << 30).containsEntry("cgroup_cpu_quota_cpus", 2.0);
      }
      assertThat(DockerHere.docker("ps", "-aq", "--filter", "label=" + ContainerRun.RUN + "=" + runFilter))
          .as("containers of the run after close").isEmpty();
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aGatewayNeedingPostgresAndRedisGetsThemOnLoopbackPortsAsTheComposeFileConfiguresThem(@TempDir Path logs)
      throws Exception {
    DockerEngine engine = DockerHere.engineOrSkip();
    String base = DockerHere.imageOrSkip(engine, DockerHere.BASE_IMAGE);
    Map<String, String> images = Map.of("postgres", DockerHere.serviceImageOrSkip(engine, "postgres"), "redis",
        DockerHere.serviceImageOrSkip(engine, "redis"), "stub", base);
    BenchConfig config = BenchConfig.of(Map.of("gatebench.logDir", logs.toString()), Map.of(), Map.of());
    UpstreamEndpoint upstream = new UpstreamEndpoint(URI.create("http://127.0.0.1:9"), Optional.empty(),
        Optional.empty(), false);
    try (ContainerStack stack = new ContainerStack(GatewaySettings.from(config), ContainerSettings.from(config),
        engine, name -> DockerImageName.parse(images.get(name)), upstream)) {
      Gateway stub = stack.launch(StubKind.row(new StubKind("stub", base, "", Optional.empty(),
          List.of("postgres", "redis"))));
      @SuppressWarnings("unchecked")
      Map<String, String> services = (Map<String, String>) stub.facts().get("services");

      assertThat(services).containsOnlyKeys("postgres", "redis")
          .allSatisfy((alias, address) -> assertThat(address).startsWith("127.0.0.1:"));
      String postgres = DockerHere.docker("ps", "-q", "--filter", "name=gatebench-postgres-");
      String pgPort = services.get("postgres").substring("127.0.0.1:".length());
      assertThat(DockerHere.docker("exec", "-e", "PGPASSWORD=inferxgate", postgres, "psql", "-h", "127.0.0.1", "-p",
          pgPort, "-U", "inferxgate", "-d", "inferxgate", "-tAc", "select 41 + 1")).isEqualTo("42");
      assertThat(redisPing(services.get("redis"))).isEqualTo("+PONG");
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aRunOfRowsThatNeedNoDatabaseStillHasPostgresAndRedisUpAsTheComposeFileStartsThem(@TempDir Path logs)
      throws Exception {
    DockerEngine engine = DockerHere.engineOrSkip();
    Map<String, String> images = Map.of("postgres", DockerHere.serviceImageOrSkip(engine, "postgres"), "redis",
        DockerHere.serviceImageOrSkip(engine, "redis"));
    BenchConfig config = BenchConfig.of(Map.of("gatebench.logDir", logs.toString()), Map.of(), Map.of());
    GatewaySettings settings = GatewaySettings.from(config);
    UpstreamEndpoint upstream = new UpstreamEndpoint(URI.create("http://127.0.0.1:9"), Optional.empty(),
        Optional.empty(), false);
    String ofThisJvm = "label=" + ContainerRun.PID + "=" + ProcessHandle.current().pid();
    try (ContainerStack stack = new ContainerStack(settings, ContainerSettings.from(config), engine,
        name -> DockerImageName.parse(images.get(name)), upstream)) {
      stack.plan(List.of(settings.context(new dev.gatebench.gateway.Direct())));

      assertThat(DockerHere.docker("ps", "--format", "{{.Image}}", "--filter", ofThisJvm).lines().sorted().toList())
          .as("running containers of the run after planning Direct alone")
          .containsExactly(images.get("postgres"), images.get("redis"));
    }
    assertThat(DockerHere.docker("ps", "-aq", "--filter", ofThisJvm)).as("containers of the run after close").isEmpty();
  }

  private static String redisPing(String address) throws Exception {
    String[] hostPort = address.split(":");
    try (java.net.Socket socket = new java.net.Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
      socket.getOutputStream().write("PING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          java.nio.charset.StandardCharsets.US_ASCII)).readLine();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castToObjects(Object map) {
    return (Map<String, Object>) map;
  }

  private static HttpResponse<String> chat(Gateway gateway) throws Exception {
    String request = """
        {"model":"%s","max_tokens":16,"messages":[{"role":"user","content":"Say hello"}]}""".formatted(MODEL);
    HttpRequest.Builder builder = HttpRequest.newBuilder(gateway.chatCompletionsUrl())
        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request));
    gateway.authHeaders().forEach(builder::header);
    try (HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
      return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

}
