package dev.gatebench.cli;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.session.BenchStack;
import dev.gatebench.session.Preflight;
import dev.gatebench.stack.GatewayAvailability;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps the mock upstream and the gateways up until the JVM is stopped (Ctrl-C or TERM), printing
 * where each one listens: {@code scripts/run-benchmark.sh start}. Settings as for the suites.
 */
public final class StackMain {
  private StackMain() {}

  public static void main(String[] args) throws InterruptedException {
    BenchStack stack;
    try {
      BenchConfig config = Preflight.load();
      Preflight.check(config);
      stack = BenchStack.start(config);
    } catch (BenchConfigException e) {
      System.err.println("gatebench: " + e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stack.close();
      stopped.countDown();
    }, "gatebench-stack-stop"));
    describe(stack, System.out);
    stopped.await();
  }

  static void describe(BenchStack stack, PrintStream out) {
    out.println("stack ready (" + stack.stack().kind() + ")");
    stack.mock().ifPresent(mock -> out.println("  mock upstream  " + mock.baseUrl()
        + "  (CONNECT proxy for api.anthropic.com; CA " + mock.caCertificatePem() + ")"));
    for (GatewayAvailability row : stack.availability()) {
      out.println(row.gateway().map(StackMain::line).orElseGet(() -> "  " + row.name() + row.startFailure()
          .map(e -> "  FAILED to start: " + e.getMessage().lines().findFirst().orElse(""))
          .orElseGet(() -> "  skipped: " + row.unavailableReason().orElseThrow())));
    }
    out.println("stop with Ctrl-C or scripts/run-benchmark.sh stop");
    out.flush();
  }

  private static String line(Gateway gateway) {
    return "  " + gateway.name() + "  " + gateway.chatCompletionsUrl() + "  (" + gateway.displayName() + " "
        + gateway.version() + ")";
  }
}
