package dev.gatebench.suites;

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
 * streaming: 2 VUs for 60 s with whole answers ({@code streaming-off}), then 2 VUs for 60 s with
 * {@code stream: true} ({@code streaming}); errors &lt; 1 %; the row streams faithfully, its ITL p50
 * is within x2 of the mock's, and it hands on the deltas and usage the mock sent.
 */
@GatewayBenchmark
@Tag("streaming")
class StreamingFidelityIT {
  static final Suite SUITE = Suite.of(RowPlan.plainThenStreamed(Scenario.constantVus(2, ofSeconds(60))))
      .threshold(ERROR_RATE, "rate<0.01");

  @EveryGateway
  void run(Gateway gateway, BenchmarkRunner runner) {
    runner.run(SUITE, gateway);
  }
}
