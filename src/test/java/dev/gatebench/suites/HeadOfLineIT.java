package dev.gatebench.suites;

import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

import dev.gatebench.contention.HeadOfLinePlan;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.junit.BenchmarkRunner;
import dev.gatebench.junit.EveryGateway;
import dev.gatebench.junit.GatewayBenchmark;
import dev.gatebench.run.RowPlan;
import dev.gatebench.run.Suite;
import org.junit.jupiter.api.Tag;

/**
 * headofline: per row, short requests (5 tokens) at 10/s for 60 s alone, then 60 s again while 4 streams of
 * a 30k-token prompt run beside them; errors &lt; 1 %; the short requests' p99 rises no more than 100 ms
 * over Direct's rise. Direct runs first and is the reference.
 */
@GatewayBenchmark
@Tag("headofline")
class HeadOfLineIT {
  static final Suite SUITE = Suite.of(RowPlan.headOfLine(HeadOfLinePlan.standard()
          .withShortRate(10).withDuration(ofSeconds(60)).withLongStreams(4, 30_000, 100).withBound(ofMillis(100))))
      .threshold(ERROR_RATE, "rate<0.01");

  @EveryGateway
  void run(Gateway gateway, BenchmarkRunner runner) {
    runner.run(SUITE, gateway);
  }
}
