package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.UpstreamEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** A real InferXgate binary under the processes stack; runs where INFERXGATE_BIN names one. */
@EnabledIfEnvironmentVariable(named = "INFERXGATE_BIN", matches = ".+")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class InferXgateBinaryTest {
  @TempDir Path dir;

  @Test
  void becomesReadyOnPostHealthAndServesMetricsThenStops() throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.pem"), "");
    UpstreamEndpoint mock = UpstreamEndpoint.mock(URI.create("http://127.0.0.1:" + Ports.free()), ca);
    BenchConfig config = BenchConfig.of(Map.of("gatebench.stack", "processes", "gatebench.gateways", "inferxgate",
        "gatebench.logDir", dir.resolve("logs").toString(), "gatebench.readinessTimeout", "60s"),
        Map.of("INFERXGATE_BIN", System.getenv("INFERXGATE_BIN")), Map.of());
    Stack stack = Stack.start(config, mock);
    Gateway inferxgate = stack.gateway("inferxgate").orElseThrow();
    ProcessHandle process = inferxgate.process().orElseThrow();

    assertThat(Readiness.check(inferxgate.baseUrl(), inferxgate.readiness())).isEqualTo("200");
    assertThat(get(inferxgate.metricsUrl().orElseThrow()).statusCode()).isEqualTo(200);
    assertThat(get(inferxgate.baseUrl().resolve("/health")).statusCode()).as("GET /health").isEqualTo(405);

    stack.close();

    assertThat(process.isAlive()).isFalse();
  }

  private static HttpResponse<String> get(URI url) throws Exception {
    try (HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
      return client.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
