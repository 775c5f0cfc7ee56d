package dev.gatebench.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;

/**
 * The process behind {@link EchoProxyKind}: forwards {@code POST /v1/chat/completions} to the
 * upstream unchanged and answers {@value #READY_PATH} itself. Arguments: port, upstream base URL,
 * handler threads.
 */
public final class EchoProxyMain {
  static final String READY_PATH = "/echo-ready";
  private static final HttpClient CLIENT = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

  private EchoProxyMain() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    URI upstream = URI.create(args[1] + "/v1/chat/completions");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.setExecutor(Executors.newFixedThreadPool(Integer.parseInt(args[2])));
    server.createContext(READY_PATH, exchange -> answer(exchange, 200, "ready".getBytes()));
    server.createContext("/v1/chat/completions", exchange -> forward(exchange, upstream));
    server.start();
  }

  private static void forward(HttpExchange exchange, URI upstream) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(upstream).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes())).build();
    try {
      HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      answer(exchange, response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer(exchange, 502, new byte[0]);
    }
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
