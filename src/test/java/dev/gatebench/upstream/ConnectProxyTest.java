package dev.gatebench.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** curl through the mock's CONNECT proxy reaches the impersonated providers over verified TLS. */
class ConnectProxyTest {

  private static MockUpstream mock;

  @BeforeAll
  static void start() {
    mock = MockUpstream.builder().outputTokens(6).httpsPort(0).start();
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @Test
  void curlReachesAnthropicThroughTheProxyAndTrustsTheMockCa() throws Exception {
    Curl result = curl("--cacert", mock.caCertificatePem().toString(), "--proxy", "http://127.0.0.1:" + mock.port(),
        "-H", "x-api-key: test-key", "-H", "anthropic-version: 2023-06-01", "-H", "content-type: application/json",
        "-d", Http.ANTHROPIC_BODY, "https://api.anthropic.com/v1/messages");

    assertThat(result.exitCode).as("curl exit code, stderr: %s", result.stderr).isZero();
    JsonNode message = Http.json(result.stdout);
    assertThat(message.path("type").asText()).isEqualTo("message");
    assertThat(message.path("usage").path("output_tokens").asInt()).isEqualTo(6);
    assertThat(mock.counters().connectTunnels()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void curlStreamsFromOpenAiThroughTheProxy() throws Exception {
    Curl result = curl("-N", "--cacert", mock.caCertificatePem().toString(),
        "--proxy", "http://127.0.0.1:" + mock.port(), "-H", "content-type: application/json",
        "-d", "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
        "https://api.openai.com/v1/chat/completions");

    assertThat(result.exitCode).as("stderr: %s", result.stderr).isZero();
    assertThat(result.stdout).endsWith("data: [DONE]\n\n");
    assertThat(result.stdout.split(java.util.regex.Pattern.quote("\"delta\":{\"content\":\""), -1)).as("6 content deltas").hasSize(7);
  }

  @Test
  void connectToAnyOtherHostIsRefusedWith403() throws Exception {
    long refusedBefore = mock.counters().connectRefused();
    Curl result = curl("-s", "-o", "/dev/null", "-w", "%{http_connect}", "--proxy", "http://127.0.0.1:" + mock.port(),
        "https://example.com/");

    assertThat(result.exitCode).as("curl fails when the proxy refuses").isNotZero();
    assertThat(result.stdout).isEqualTo("403");
    assertThat(mock.counters().connectRefused()).isEqualTo(refusedBefore + 1);
  }

  @Test
  void connectToAProviderHostOnAnotherPortIsRefused() throws Exception {
    Curl result = curl("-s", "-o", "/dev/null", "-w", "%{http_connect}", "--proxy", "http://127.0.0.1:" + mock.port(),
        "https://api.anthropic.com:8443/v1/messages");

    assertThat(result.stdout).isEqualTo("403");
  }

  @Test
  void plainHttpsPortServesTheSameRoutes() throws Exception {
    Curl result = curl("--cacert", mock.caCertificatePem().toString(),
        "https://localhost:" + mock.httpsPort().orElseThrow() + "/health");

    assertThat(result.exitCode).as("stderr: %s", result.stderr).isZero();
    assertThat(result.stdout).isEqualTo("{\"status\":\"ok\"}");
  }

  private record Curl(int exitCode, String stdout, String stderr) {}

  private static Curl curl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20", "--noproxy", ""));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.toLowerCase().endsWith("_proxy"));
    Process process = builder.start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("curl did not finish in 30 s: " + command);
    }
    return new Curl(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
