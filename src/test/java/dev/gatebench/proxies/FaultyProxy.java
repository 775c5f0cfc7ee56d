package dev.gatebench.proxies;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A gateway in front of an upstream's {@code /v1/chat/completions}, on a free loopback port, that handles
 * failures and keys in one way, right or wrong: the rows the fault suites must catch, and a good reference
 * for the key flood (Direct has no keys). Answers are read whole, then sent on.
 */
public final class FaultyProxy extends LoopbackProxy {
  /** The one key the key-checking proxy accepts, as {@code Authorization: Bearer <key>}. */
  public static final String KEY = "sk-gatebench-proxy-key";

  /** What the proxy does. */
  public enum Behaviour {
    /** Retries every failure (error status or broken connection) twice: three upstream attempts. */
    RETRIES_TWICE,
    /** Hands a 529 on as a 200, body and all. */
    MAPS_529_TO_200,
    /** Forwards every request whatever its key: a gateway that leaves key checks to the provider. */
    FORWARDS_BAD_KEYS,
    /** Answers 401 itself to a request without {@link #KEY}; forwards the others. */
    CHECKS_KEYS
  }

  private final Behaviour behaviour;

  private FaultyProxy(URI upstreamBase, Behaviour behaviour) throws IOException {
    super(upstreamBase);
    this.behaviour = behaviour;
  }

  /** @param upstreamBase e.g. the mock's {@code http://127.0.0.1:PORT} */
  public static FaultyProxy start(URI upstreamBase, Behaviour behaviour) throws IOException {
    return new FaultyProxy(upstreamBase, behaviour).listen(FaultyProxy.class);
  }

  /** Where clients send chat completions. */
  public URI chatCompletionsUrl() {
    return address();
  }

  @Override
  void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String auth = exchange.getRequestHeaders().getFirst("authorization");
      if (behaviour == Behaviour.CHECKS_KEYS && !("Bearer " + KEY).equals(auth)) {
        send(exchange, 401, "{\"error\":{\"message\":\"invalid key\",\"type\":\"authentication_error\"}}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      Answer answer = forward(body, behaviour == Behaviour.RETRIES_TWICE ? 3 : 1);
      int status = behaviour == Behaviour.MAPS_529_TO_200 && answer.status() == 529 ? 200 : answer.status();
      send(exchange, status, answer.body());
    }
  }

  /** Up to {@code attempts} tries while the upstream fails; a broken connection every time is a 502. */
  private Answer forward(byte[] body, int attempts) {
    Answer last = new Answer(502, "{\"error\":{\"message\":\"upstream connection failed\",\"type\":\"api_error\"}}"
        .getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < attempts; i++) {
      try {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(upstream)
            .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        last = new Answer(response.statusCode(), response.body());
        if (response.statusCode() < 400) return last;
      } catch (IOException e) {
        // a broken connection is a failure like any other: try again while attempts are left
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return last;
      }
    }
    return last;
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("content-type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) exchange.getResponseBody().write(body);
  }

  private record Answer(int status, byte[] body) {}
}
