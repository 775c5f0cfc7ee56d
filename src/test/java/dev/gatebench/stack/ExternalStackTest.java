package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.UpstreamEndpoint;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ExternalStackTest {
  private static final UpstreamEndpoint UPSTREAM =
      UpstreamEndpoint.mock(URI.create("http://127.0.0.1:18080"), Path.of("/tmp/gatebench-ca.pem"));

  @Test
  void usesAGatewayThatAnswersItsReadinessProbe() throws Exception {
    HttpServer litellm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    litellm.createContext("/health/readiness", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    litellm.start();
    String url = "http://127.0.0.1:" + litellm.getAddress().getPort();
    try (Stack stack = Stack.start(config(Map.of("LITELLM_URL", url)), UPSTREAM)) {
      assertThat(stack.kind()).isEqualTo("external");
      assertThat(stack.gateway("litellm").orElseThrow().chatCompletionsUrl())
          .isEqualTo(URI.create(url + "/v1/chat/completions"));
      assertThat(stack.gateway("litellm").orElseThrow().authHeaders()).containsKey("Authorization");
    } finally {
      litellm.stop(0);
    }
  }

  @Test
  void marksAnUnreachableGatewayUnavailableWithTheReason() {
    int closedPort = Ports.free();
    String url = "http://127.0.0.1:" + closedPort;
    try (Stack stack = Stack.start(config(Map.of("LITELLM_URL", url)), UPSTREAM)) {
      assertThat(stack.gateways()).isEmpty();
      assertThat(stack.availability().getFirst().unavailableReason().orElseThrow())
          .startsWith("litellm skipped: LITELLM_URL=" + url + " did not answer GET /health/readiness with 2xx (got ")
          .endsWith("); start it or fix LITELLM_URL");
    }
  }

  @Test
  void marksAGatewayWithoutAUrlUnavailable() {
    try (Stack stack = Stack.start(config(Map.of()), UPSTREAM)) {
      assertThat(stack.availability().getFirst().unavailableReason()).contains("litellm skipped: LITELLM_URL is "
          + "unset; set LITELLM_URL to the running gateway, e.g. LITELLM_URL=http://localhost:4000");
    }
  }

  private static BenchConfig config(Map<String, String> extra) {
    Map<String, String> props = new java.util.HashMap<>(Map.of("gatebench.stack", "external",
        "gatebench.gateways", "litellm"));
    props.putAll(extra);
    return BenchConfig.of(props, Map.of(), Map.of());
  }
}
