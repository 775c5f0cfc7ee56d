package dev.gatebench.upstream;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the mock standalone until Ctrl-C, e.g.
 * {@code java -cp ... dev.gatebench.upstream.MockUpstreamMain --port 8080 --ttft 250ms --itl 10ms}.
 * See {@link Flags#USAGE} for every flag.
 */
public final class MockUpstreamMain {

  private MockUpstreamMain() {}

  public static void main(String[] args) throws InterruptedException {
    MockUpstream.Builder builder;
    try {
      builder = Flags.parse(args);
    } catch (Flags.HelpRequested e) {
      System.out.println(Flags.USAGE);
      return;
    } catch (IllegalArgumentException e) {
      System.err.println("mock upstream: " + e.getMessage());
      System.err.println("run with --help for every flag");
      System.exit(2);
      return;
    }
    MockUpstream mock = builder.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      mock.close();
      stopped.countDown();
    }, "mock-upstream-shutdown"));
    System.out.println("mock upstream listening on " + mock.baseUrl() + " (CA: " + mock.caCertificatePem() + ")");
    System.out.flush();
    stopped.await();
  }
}
