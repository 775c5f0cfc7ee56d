package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.GatewaySettings;
import dev.gatebench.gateway.UpstreamEndpoint;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real LiteLLM proxy, installed into the cached virtualenv on first use and started by the
 * processes stack, in front of a fake Anthropic API. Skipped only where there is no python3 at all;
 * an install or start failure fails the test.
 */
@Tag("slow")
class LiteLlmProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL = "claude-sonnet-4-5-20250929";

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES) // the first run installs LiteLLM from PyPI
  void servesAChatCompletionFromTheUpstreamAndLeavesNoProcessBehind(@TempDir Path logs) throws Exception {
    assumeTrue(onPath("python3"), "python3 is not installed: LiteLLM cannot run here");
    String masterKey = "sk-canary-" + java.util.UUID.randomUUID();
    BenchConfig config = BenchConfig.of(Map.of("gatebench.stack", "processes", "gatebench.gateways", "litellm",
        "gatebench.logDir", logs.toString(), "TEST_MODEL", MODEL, "LITELLM_MASTER_KEY", masterKey), Map.of(), Map.of());
    try (FakeAnthropic fake = FakeAnthropic.start()) {
      UpstreamEndpoint upstream = new UpstreamEndpoint(fake.baseUrl(), Optional.empty(), Optional.empty(), false);
      Stack stack = Stack.start(config, upstream);
      Gateway litellm = stack.gateway("litellm").orElseThrow();
      List<ProcessHandle> tree = Stream.concat(Stream.of(litellm.process().orElseThrow()),
          litellm.process().orElseThrow().descendants()).toList();

      HttpResponse<String> response = chat(litellm, litellm.authHeaders());
      HttpResponse<String> wrongKey = chat(litellm, Map.of("Authorization", "Bearer sk-not-the-master-key"));

      // without a master key LiteLLM serves anyone; with one, another key is refused (400 "No connected db."
      // here: without a database it cannot look the key up as a virtual key)
      assertThat(wrongKey.statusCode()).as("status with a wrong master key (the key from the environment is "
          + "enforced), body %s", wrongKey.body()).isBetween(400, 499);

      assertThat(response.statusCode()).as("status, body %s", response.body()).isEqualTo(200);
      JsonNode body = JSON.readTree(response.body());
      assertThat(body.at("/choices/0/message/content").asText()).isEqualTo(FakeAnthropic.REPLY_TEXT);
      assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(12);
      assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(7);
      assertThat(fake.received()).as("requests the fake upstream received")
          .anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v1/messages");
            assertThat(r.body()).contains(MODEL);
            // the config names the key as os.environ/ANTHROPIC_API_KEY: LiteLLM resolved it from its environment
            assertThat(r.apiKey()).as("x-api-key sent upstream").isEqualTo(GatewaySettings.DUMMY_API_KEY);
          });
      int port = litellm.baseUrl().getPort();
      assertThat(litellm.facts()).containsEntry("port", port).containsEntry("workers", 1)
          .containsEntry("num_retries", 2).containsKey("log_file");
      assertThat(Readiness.check(litellm.baseUrl(), litellm.readiness())).isEqualTo("200");
      assertThat(PortOwner.isOwnedBy(port, litellm.process().orElseThrow())).contains(true);
      assertThat(Files.readString(Path.of((String) litellm.facts().get("log_file"))))
          .doesNotContain(masterKey);

      stack.close();
      stack.close();

      assertThat(tree).as("LiteLLM's process tree after close").noneMatch(ProcessHandle::isAlive);
    }
  }

  private static HttpResponse<String> chat(Gateway gateway, Map<String, String> headers) throws Exception {
    String request = """
        {"model":"%s","max_tokens":16,"messages":[{"role":"user","content":"Say hello"}]}""".formatted(MODEL);
    HttpRequest.Builder builder = HttpRequest.newBuilder(gateway.chatCompletionsUrl())
        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request));
    headers.forEach(builder::header);
    try (HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
      return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  static boolean onPath(String name) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, name)));
  }

}
