package dev.gatebench.upstream;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the mock standalone until Ctrl-C, e.g.
 * {@code java -cp ... dev.gatebench.upstream.MockUpstreamMain --port 8080 --ttft 250ms --itl 10ms}.
 * See {@link Flags#USAGE} for every flag.
 */
public final class MockUpstreamMain {

  private MockUpstreamMain() {}

  public static void main(String[] args) throws InterruptedException {
    Flags.Options options;
    try {
      options = Flags.options(args);
    } catch (Flags.HelpRequested e) {
      System.out.println(Flags.USAGE);
      return;
    } catch (IllegalArgumentException e) {
      System.err.println("mock upstream: " + e.getMessage());
      System.err.println("run with --help for every flag");
      System.exit(2);
      return;
    }
    MockUpstream mock = options.builder().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      mock.close();
      stopped.countDown();
    }, "mock-upstream-shutdown"));
    System.out.println("mock upstream listening on " + mock.baseUrl() + " (CA: " + mock.caCertificatePem() + ")");
    System.out.flush();
    if (!options.reportEvery().isZero()) {
      reportLateness(mock, options.reportEvery().toNanos());
    }
    stopped.await();
  }

  /** Prints, every period, how late the deltas written in it went out; on a daemon thread. */
  private static void reportLateness(MockUpstream mock, long periodNanos) {
    ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "mock-upstream-lateness");
      thread.setDaemon(true);
      return thread;
    });
    reporter.scheduleAtFixedRate(() -> {
      System.out.println("mock send lateness: " + mock.sendLateness().windowLine());
      System.out.flush();
    }, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
  }
}
