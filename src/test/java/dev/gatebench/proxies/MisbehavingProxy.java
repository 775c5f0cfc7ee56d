package dev.gatebench.proxies;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A deliberately wrong gateway in front of an upstream's {@code /v1/chat/completions}, on a free
 * loopback port: the rows the streaming and capacity checks must catch. Each request is forwarded
 * with the JDK's HTTP client; what differs is when the answer's bytes are handed on.
 */
public final class MisbehavingProxy extends LoopbackProxy {
  /** How the proxy hands an answer on. */
  public enum Fault {
    /** Reads the whole upstream answer, then sends it at once with its length: a stream replayed. */
    BUFFERS,
    /** Sends nothing, not even headers, until the first content delta arrived; then streams on. */
    HOLDS_HEADERS,
    /** Streams faithfully, but one request at a time: the others wait for the lock. */
    SERIALISES,
    /** Streams faithfully, but keeps every request body it was sent, so its memory grows with its traffic. */
    LEAKS
  }

  static {
    // Nagle would hold each small write for the peer's delayed ACK and bunch the deltas itself;
    // read once, when the JDK's server classes load.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final byte[] FIRST_CONTENT = "\"delta\":{\"content\":\"".getBytes(StandardCharsets.US_ASCII);

  private final Fault fault;
  private final ReentrantLock serial = new ReentrantLock(true);
  private final List<byte[]> kept = Collections.synchronizedList(new ArrayList<>());

  private MisbehavingProxy(URI upstreamBase, Fault fault) throws IOException {
    super(upstreamBase);
    this.fault = fault;
  }

  /** @param upstreamBase e.g. the mock's {@code http://127.0.0.1:PORT} */
  public static MisbehavingProxy start(URI upstreamBase, Fault fault) throws IOException {
    return new MisbehavingProxy(upstreamBase, fault).listen(MisbehavingProxy.class);
  }

  /** Where clients send chat completions. */
  public String chatCompletionsUrl() {
    return address().toString();
  }

  @Override
  void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (fault == Fault.LEAKS) kept.add(body);
      HttpRequest request = HttpRequest.newBuilder(upstream).header("content-type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      if (fault == Fault.SERIALISES) serial.lock();
      try {
        HttpResponse<InputStream> answer = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        exchange.getResponseHeaders().set("content-type",
            answer.headers().firstValue("content-type").orElse("application/json"));
        try (InputStream in = answer.body()) {
          if (fault == Fault.BUFFERS) replay(exchange, answer.statusCode(), in.readAllBytes());
          else stream(exchange, answer.statusCode(), in, fault == Fault.HOLDS_HEADERS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(502, -1);
      } finally {
        if (fault == Fault.SERIALISES) serial.unlock();
      }
    }
  }

  private static void replay(HttpExchange exchange, int status, byte[] whole) throws IOException {
    exchange.sendResponseHeaders(status, whole.length);
    exchange.getResponseBody().write(whole);
  }

  /** Hands each read on as it comes; with {@code holdHeaders}, only once a content delta is among them. */
  private static void stream(HttpExchange exchange, int status, InputStream in, boolean holdHeaders) throws IOException {
    ByteArrayOutputStream held = new ByteArrayOutputStream();
    boolean sending = !holdHeaders;
    if (sending) exchange.sendResponseHeaders(status, 0);
    OutputStream out = exchange.getResponseBody();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      if (!sending) {
        held.write(buffer, 0, n);
        if (indexOf(held.toByteArray(), FIRST_CONTENT) < 0) continue;
        exchange.sendResponseHeaders(status, 0);
        out.write(held.toByteArray());
        sending = true;
      } else {
        out.write(buffer, 0, n);
      }
      out.flush();
    }
    if (!sending) {
      exchange.sendResponseHeaders(status, 0);
      out.write(held.toByteArray());
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }
}
