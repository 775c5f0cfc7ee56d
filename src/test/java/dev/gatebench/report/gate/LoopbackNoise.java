package dev.gatebench.report.gate;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Measures how much real per-second medians wander: a loopback HTTP server that answers after a
 * fixed delay, driven by a few closed-loop clients; each second's median latency divided by the
 * median of all seconds is one noise ratio. Used by {@link GatePowerBenchmark} as real noise.
 */
final class LoopbackNoise {
  private LoopbackNoise() {}

  /**
   * @param serviceTime the server's delay, e.g. 20 ms
   * @param seconds how long to measure, e.g. 20
   * @param clients concurrent closed-loop clients, e.g. 4
   * @return one ratio per second, around 1.0
   */
  static double[] measureRatios(Duration serviceTime, int seconds, int clients) throws IOException, InterruptedException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(clients * 2));
    server.createContext("/", exchange -> {
      try {
        Thread.sleep(serviceTime.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = "{\"choices\":[{}]}".getBytes();
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      return ratios(drive(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), seconds, clients),
          seconds);
    } finally {
      server.stop(0);
      ((ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  /** Each finished request as {second, latency ms}. */
  private static ConcurrentLinkedQueue<double[]> drive(URI uri, int seconds, int clients) throws InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    ConcurrentLinkedQueue<double[]> done = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      threads.add(Thread.ofPlatform().start(() -> {
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          try {
            client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
          } catch (IOException | InterruptedException e) {
            return;
          }
          long t1 = System.nanoTime();
          done.add(new double[] {(t1 - start) / 1e9, (t1 - t0) / 1e6});
        }
      }));
    }
    for (Thread t : threads) t.join();
    return done;
  }

  private static double[] ratios(ConcurrentLinkedQueue<double[]> done, int seconds) {
    List<Double> medians = new ArrayList<>();
    for (int s = 1; s < seconds; s++) { // the first second warms the JIT and connections
      int second = s;
      double[] ms = done.stream().filter(d -> (int) d[0] == second).mapToDouble(d -> d[1]).toArray();
      if (ms.length > 0) medians.add(MedianShift.median(ms));
    }
    double overall = MedianShift.median(medians.stream().mapToDouble(Double::doubleValue).toArray());
    return medians.stream().mapToDouble(m -> m / overall).toArray();
  }
}
