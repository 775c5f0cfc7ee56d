package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.UpstreamEndpoint;
import dev.gatebench.upstream.MockUpstream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Portkey gateway, installed with npm into the cache on first use and started by the
 * processes stack in front of a real mock upstream. Skipped where there is no node or npm; an
 * install or start failure fails the test.
 */
@Tag("slow")
class PortkeyProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // the first run installs Portkey with npm
  void translatesAChatCompletionToTheMocksMessagesRouteAndLeavesNoProcessBehind(@TempDir Path logs)
      throws Exception {
    assumeTrue(LiteLlmProcessTest.onPath("node") && LiteLlmProcessTest.onPath("npm"),
        "node or npm is not installed: apt-get install nodejs npm");
    try (MockUpstream mock = MockUpstream.builder().outputTokens(5).start()) {
      Stack stack = Stack.start(NginxProcessTest.config("portkey", logs),
          UpstreamEndpoint.mock(mock.baseUrl(), mock.caCertificatePem()));
      Gateway portkey = stack.gateway("portkey").orElseThrow();
      List<ProcessHandle> tree = NginxProcessTest.processTree(portkey);

      HttpResponse<String> response = NginxProcessTest.chat(portkey);

      assertThat(response.statusCode()).as("status, body %s", response.body()).isEqualTo(200);
      JsonNode body = JSON.readTree(response.body());
      assertThat(body.at("/choices/0/message/content").asText()).as("content").isNotBlank();
      assertThat(body.at("/usage/completion_tokens").asInt()).as("completion tokens").isEqualTo(5);
      assertThat(mock.counters().requests("/v1/messages")).as("Anthropic requests the mock received").isEqualTo(1);
      assertThat(mock.counters().requests("/v1/chat/completions")).as("OpenAI requests the mock received").isZero();
      assertThat(portkey.facts()).containsEntry("version", "1.15.2").containsEntry("provider", "anthropic")
          .containsKeys("custom_host", "node", "pid", "log_file");
      assertThat(Files.readString(Path.of((String) portkey.facts().get("log_file"))))
          .doesNotContain(portkey.authHeaders().get("Authorization"));

      stack.close();

      assertThat(tree).as("Portkey's process tree after close").noneMatch(ProcessHandle::isAlive);
    }
  }
}
