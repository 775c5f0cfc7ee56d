package dev.gatebench.suites;

import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

import dev.gatebench.contention.PayloadPlan;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.junit.BenchmarkRunner;
import dev.gatebench.junit.EveryGateway;
import dev.gatebench.junit.GatewayBenchmark;
import dev.gatebench.run.RowPlan;
import dev.gatebench.run.Suite;
import org.junit.jupiter.api.Tag;

/**
 * payload: per row, prompts of about 1k, 10k and 100k tokens (4 kB to 400 kB), 5 requests/s for 20 s each,
 * 10-token answers; errors &lt; 1 % at every size; p99 over Direct's at the same size within 50, 100 and 250 ms.
 * A size a gateway refuses (its body limit) is a failed size of its row, with the errors it answered.
 */
@GatewayBenchmark
@Tag("payload")
class PayloadSizeIT {
  static final Suite SUITE = Suite.of(RowPlan.payloadSizes(PayloadPlan.of(5, ofSeconds(20))
          .size(1_000, ofMillis(50))
          .size(10_000, ofMillis(100))
          .size(100_000, ofMillis(250))))
      .threshold(ERROR_RATE, "rate<0.01");

  @EveryGateway
  void run(Gateway gateway, BenchmarkRunner runner) {
    runner.run(SUITE, gateway);
  }
}
