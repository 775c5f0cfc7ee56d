package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.UpstreamEndpoint;
import dev.gatebench.metrics.resources.CgroupFiles;
import dev.gatebench.upstream.MockUpstream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real nginx started by the processes stack in front of a real mock upstream: one chat completion
 * passes through to the mock's OpenAI route. Skipped where nginx is not installed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NginxProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String MODEL = "claude-sonnet-4-5-20250929";

  @Test
  void passesAChatCompletionThroughToTheMockAndLeavesNoProcessBehind(@TempDir Path logs) throws Exception {
    assumeTrue(LiteLlmProcessTest.onPath("nginx") || Files.isExecutable(Path.of("/usr/sbin/nginx")),
        "nginx is not installed: apt-get install -y nginx");
    try (MockUpstream mock = MockUpstream.builder().outputTokens(5).start()) {
      Stack stack = Stack.start(config("nginx", logs), UpstreamEndpoint.mock(mock.baseUrl(), mock.caCertificatePem()));
      Gateway nginx = stack.gateway("nginx").orElseThrow();
      List<ProcessHandle> tree = processTree(nginx);

      HttpResponse<String> response = chat(nginx);

      assertThat(response.statusCode()).as("status, body %s", response.body()).isEqualTo(200);
      JsonNode body = JSON.readTree(response.body());
      assertThat(body.at("/choices/0/message/content").asText()).as("content").isNotBlank();
      assertThat(body.at("/usage/completion_tokens").asInt()).as("completion tokens").isEqualTo(5);
      assertThat(mock.counters().requests("/v1/chat/completions")).as("requests the mock received").isEqualTo(1);
      assertThat(nginx.facts()).containsEntry("workers", 2).containsKeys("pid", "log_file", "cpu_limit");
      assertThat(tree).as("nginx master and its 2 workers").hasSizeGreaterThanOrEqualTo(3);

      stack.close();

      assertThat(tree).as("nginx's process tree after close").noneMatch(ProcessHandle::isAlive);
    }
  }

  @Test
  void capsARowsMemoryAtItsOwnSettingInsteadOfTheOriginals1GiB(@TempDir Path logs) throws Exception {
    assumeTrue(LiteLlmProcessTest.onPath("nginx") || Files.isExecutable(Path.of("/usr/sbin/nginx")),
        "nginx is not installed: apt-get install -y nginx");
    try (MockUpstream mock = MockUpstream.builder().outputTokens(5).start();
         Stack stack = Stack.start(config("nginx[memory=96m],nginx", logs),
             UpstreamEndpoint.mock(mock.baseUrl(), mock.caCertificatePem()))) {
      Gateway capped = stack.gateway("nginx[memory=96m]").orElseThrow();
      Gateway usual = stack.gateway("nginx").orElseThrow();

      assertThat(capped.facts().get("memory_limit")).as("the capped row's memory fact").asString()
          .containsAnyOf("=96 MiB", "not enforced");
      assertThat(usual.facts().get("memory_limit")).as("the plain row's memory fact").asString()
          .containsAnyOf("=1 GiB", "not enforced");
      CgroupFiles.ofProcess(capped.process().orElseThrow().pid()).map(CgroupFiles::memoryLimitBytes)
          .filter(OptionalLong::isPresent).ifPresent(limit -> assertThat(limit.getAsLong())
              .as("limit the kernel enforces on the capped row").isEqualTo(96L << 20));
      assertThat(chat(capped).statusCode()).as("the capped row still answers").isEqualTo(200);
    }
  }

  static BenchConfig config(String gateway, Path logs) {
    return BenchConfig.of(Map.of("gatebench.stack", "processes", "gatebench.gateways", gateway,
        "gatebench.logDir", logs.toString(), "TEST_MODEL", MODEL), Map.of(), Map.of());
  }

  static List<ProcessHandle> processTree(Gateway gateway) {
    ProcessHandle root = gateway.process().orElseThrow();
    return Stream.concat(Stream.of(root), root.descendants()).toList();
  }

  static HttpResponse<String> chat(Gateway gateway) throws Exception {
    String request = """
        {"model":"%s","max_tokens":16,"messages":[{"role":"user","content":"Say hello"}]}""".formatted(MODEL);
    HttpRequest.Builder builder = HttpRequest.newBuilder(gateway.chatCompletionsUrl())
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request));
    gateway.authHeaders().forEach(builder::header);
    // HTTP/1.1 as the load driver speaks it: Portkey answers an h2c upgrade request with a bare 500
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .proxy(HttpClient.Builder.NO_PROXY).build()) {
      return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
