package dev.gatebench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.gateway.UpstreamEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processes stack running an INFERXGATE_BIN: a stand-in that, like InferXgate, answers only
 * {@code POST /health} and reports the environment it was given.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InferXgateProcessTest {
  private static final String STAND_IN = """
      #!/usr/bin/env python3
      import http.server, json, os
      SEEN = ["REQUIRE_AUTH", "ENABLE_CACHING", "HTTPS_PROXY", "SSL_CERT_FILE", "NO_PROXY", "ANTHROPIC_API_KEY"]
      class Handler(http.server.BaseHTTPRequestHandler):
          def do_POST(self):
              body = json.dumps({k: os.environ.get(k) for k in SEEN}).encode() if self.path == "/health" else b"{}"
              self.send_response(200 if self.path == "/health" else 404)
              self.send_header("Content-Length", str(len(body)))
              self.end_headers()
              self.wfile.write(body)
          def do_GET(self):
              self.send_response(405)
              self.send_header("Content-Length", "0")
              self.end_headers()
      print("stand-in inferxgate listening", flush=True)
      http.server.HTTPServer((os.environ["HOST"], int(os.environ["PORT"])), Handler).serve_forever()
      """;

  @TempDir Path dir;

  @Test
  void startsTheBinaryWithTheMocksProxyAndProbesItWithPost() throws Exception {
    assumeTrue(LiteLlmProcessTest.onPath("python3"), "python3 runs the stand-in");
    Path ca = Files.writeString(dir.resolve("ca.pem"), "pem");
    UpstreamEndpoint mock = UpstreamEndpoint.mock(URI.create("http://127.0.0.1:18443"), ca);
    Stack stack = Stack.start(config(standIn()), mock);
    Gateway inferxgate = stack.gateway("inferxgate").orElseThrow();
    ProcessHandle process = inferxgate.process().orElseThrow();

    JsonNode env = new ObjectMapper().readTree(send(inferxgate, "POST").body());
    assertThat(env.get("REQUIRE_AUTH").asText()).isEqualTo("false");
    assertThat(env.get("ENABLE_CACHING").asText()).isEqualTo("false");
    assertThat(env.get("HTTPS_PROXY").asText()).isEqualTo("http://127.0.0.1:18443");
    assertThat(env.get("SSL_CERT_FILE").asText()).isEqualTo(ca.toString());
    assertThat(env.get("NO_PROXY").asText()).isEqualTo("127.0.0.1,localhost");
    assertThat(send(inferxgate, "GET").statusCode()).as("GET /health, which InferXgate refuses").isEqualTo(405);
    assertThat(inferxgate.metricsUrl()).contains(inferxgate.baseUrl().resolve("/metrics"));
    assertThat(inferxgate.facts()).containsEntry("pid", process.pid()).containsKeys("cpu_limit", "memory_limit")
        .containsEntry("log_file", dir.resolve("logs/inferxgate.log").toAbsolutePath().toString());
    assertThat(Files.readString(dir.resolve("logs/inferxgate.log"))).contains("stand-in inferxgate listening")
        .doesNotContain(env.get("ANTHROPIC_API_KEY").asText());

    stack.close();

    assertThat(process.isAlive()).isFalse();
  }

  private Path standIn() throws Exception {
    Path script = Files.writeString(dir.resolve("inferxgate"), STAND_IN);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  private BenchConfig config(Path binary) {
    return BenchConfig.of(Map.of("gatebench.stack", "processes", "gatebench.gateways", "inferxgate",
        "INFERXGATE_BIN", binary.toString(), "gatebench.logDir", dir.resolve("logs").toString()), Map.of(), Map.of());
  }

  private static HttpResponse<String> send(Gateway gateway, String method) throws Exception {
    try (HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
      return client.send(HttpRequest.newBuilder(gateway.readinessUrl())
          .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
