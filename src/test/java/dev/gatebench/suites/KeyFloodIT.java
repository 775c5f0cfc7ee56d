package dev.gatebench.suites;

import static dev.gatebench.faults.FaultMetrics.INVALID_KEYS_UPSTREAM;
import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static java.time.Duration.ofSeconds;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.junit.BenchmarkRunner;
import dev.gatebench.junit.EveryGateway;
import dev.gatebench.junit.GatewayBenchmark;
import dev.gatebench.load.Scenario;
import dev.gatebench.run.RowPlan;
import dev.gatebench.run.Suite;
import org.junit.jupiter.api.Tag;

/**
 * keyflood: per row with keys, valid requests at 5/s for 30 s alone ({@code keyflood-quiet}), then again
 * beside invalid keys at 50/s ({@code keyflood}); no invalid key reaches the mock, valid errors &lt; 1 %
 * during the flood. Rows without keys are skipped, saying so.
 */
@GatewayBenchmark
@Tag("keyflood")
class KeyFloodIT {
  static final Suite SUITE = Suite.of(RowPlan.keyFlood(
          Scenario.constantArrivalRate(5, ofSeconds(1), ofSeconds(30)).preAllocatedVus(5).maxVus(50),
          Scenario.constantArrivalRate(50, ofSeconds(1), ofSeconds(30)).preAllocatedVus(20).maxVus(200)))
      .threshold(INVALID_KEYS_UPSTREAM, "count==0")
      .threshold(ERROR_RATE, "rate<0.01");

  @EveryGateway
  void run(Gateway gateway, BenchmarkRunner runner) {
    runner.run(SUITE, gateway);
  }
}
