package dev.gatebench.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tiny Anthropic Messages API on 127.0.0.1 for tests: every POST /v1/messages gets one fixed message. */
final class FakeAnthropic implements AutoCloseable {
  static final String REPLY_TEXT = "Hello from the fake upstream";
  private static final String MESSAGE = """
      {"id":"msg_gatebench_01","type":"message","role":"assistant","model":"%s",
       "content":[{"type":"text","text":"%s"}],"stop_reason":"end_turn","stop_sequence":null,
       "usage":{"input_tokens":12,"output_tokens":7}}""";

  /** One request the fake received. */
  record Received(String path, String apiKey, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private FakeAnthropic(HttpServer server) {
    this.server = server;
  }

  static FakeAnthropic start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    FakeAnthropic fake = new FakeAnthropic(server);
    server.createContext("/", fake::handle);
    server.start();
    return fake;
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("x-api-key"),
        body));
    boolean messages = "POST".equals(exchange.getRequestMethod())
        && exchange.getRequestURI().getPath().equals("/v1/messages");
    byte[] reply = (messages ? MESSAGE.formatted(model(body), REPLY_TEXT) : "{\"error\":\"not found\"}")
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(messages ? 200 : 404, reply.length);
    exchange.getResponseBody().write(reply);
    exchange.close();
  }

  private static String model(String body) {
    int at = body.indexOf("\"model\"");
    if (at < 0) return "unknown";
    int start = body.indexOf('"', body.indexOf(':', at) + 1) + 1;
    return body.substring(start, body.indexOf('"', start));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
