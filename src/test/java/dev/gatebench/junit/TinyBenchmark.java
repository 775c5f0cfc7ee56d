package dev.gatebench.junit;

import static dev.gatebench.metrics.MetricNames.CHAT_COMPLETION_LATENCY;
import static dev.gatebench.metrics.MetricNames.ERROR_RATE;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.load.Scenario;
import dev.gatebench.run.Suite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The smallest suite a user could write, run by {@link ConsoleRun} with one bad setting at a time
 * to see what the console shows. Named neither *Test nor *IT: no build plugin runs it on its own.
 */
@GatewayBenchmark
@Tag("tiny")
public class TinyBenchmark {
  static final Suite SUITE = Suite.of(Scenario.perVuIterations(1, 2)).threshold(ERROR_RATE, "rate<0.1");

  @EveryGateway
  void tiny(Gateway gateway, BenchmarkRunner runner) {
    runner.run(SUITE, gateway);
  }

  /** A suite whose declared latency threshold no row can meet: no request takes under 0 ms. */
  @GatewayBenchmark
  @Tag("tiny-crossing")
  public static class Crossing {
    static final Suite SUITE = Suite.of(Scenario.perVuIterations(1, 2))
        .threshold(ERROR_RATE, "rate<0.1")
        .threshold(CHAT_COMPLETION_LATENCY, "p(95)<0", "max<60000");

    @EveryGateway
    void crossing(Gateway gateway, BenchmarkRunner runner) {
      runner.run(SUITE, gateway);
    }
  }

  /** A suite that uses {@link AllGateways} without {@link GatewayBenchmark}: the session starts while arguments are supplied. */
  public static class WithoutExtension {
    @ParameterizedTest(name = "bare — {0}")
    @AllGateways
    void bare(Gateway gateway) {
      // reaching here means the session started; nothing to measure
    }
  }
}
