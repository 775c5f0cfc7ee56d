package dev.gatebench.proxies;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the test gateways share: a server on a free loopback port, one thread per request, and the JDK's
 * HTTP/1.1 client to an upstream's {@code /v1/chat/completions}. A subclass says how a request is handled;
 * its factory calls {@link #listen()} once its own fields are set.
 */
abstract class LoopbackProxy implements AutoCloseable {
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  final URI upstream;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpServer server;

  /** @param upstreamBase e.g. the mock's {@code http://127.0.0.1:PORT} */
  LoopbackProxy(URI upstreamBase) throws IOException {
    this.upstream = upstreamBase.resolve("/v1/chat/completions");
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
  }

  abstract void handle(HttpExchange exchange) throws IOException;

  /** Starts answering; returns this. */
  final <T extends LoopbackProxy> T listen(Class<T> type) {
    server.start();
    return type.cast(this);
  }

  /** Where clients send chat completions. */
  final URI address() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/chat/completions");
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    client.shutdownNow();
  }
}
