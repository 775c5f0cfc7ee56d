package dev.gatebench.junit;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.load.Scenario;
import dev.gatebench.threshold.Thresholds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The smallest suite a user could write, run by {@link ConsoleRun} with one bad setting at a time
 * to see what the console shows. Named neither *Test nor *IT: no build plugin runs it on its own.
 */
@GatewayBenchmark
@Tag("tiny")
public class TinyBenchmark {

  @ParameterizedTest(name = "tiny — {0}")
  @AllGateways
  void tiny(Gateway gateway, BenchmarkRunner runner) {
    runner.run("tiny", gateway, Scenario.perVuIterations(1, 2), Thresholds.none());
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
