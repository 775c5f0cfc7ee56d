package dev.gatebench.suites;

import static dev.gatebench.faults.FaultMetrics.FAULTS_HIDDEN;
import static dev.gatebench.faults.FaultMetrics.UPSTREAM_ATTEMPTS_OVER_BUDGET;
import static dev.gatebench.faults.FaultMetrics.UPSTREAM_ERRORS_AS_SUCCESS;

import dev.gatebench.faults.FaultCase;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.junit.BenchmarkRunner;
import dev.gatebench.junit.EveryGateway;
import dev.gatebench.junit.GatewayBenchmark;
import dev.gatebench.run.RowPlan;
import dev.gatebench.run.Suite;
import org.junit.jupiter.api.Tag;

/**
 * errors: per row, the mock fails every upstream attempt with 400, 401, 429 (retry-after 1 s), 500, 529, a
 * reset, a disconnect, a 2 s stall then close, a malformed body, and streams broken at admission and half-way;
 * 3 client requests per case. No request becomes more upstream attempts than 1 (1 + the row's configured
 * retries for a fault a retry could help), no upstream error reaches the client as a success, and the client
 * is told of every failure.
 */
@GatewayBenchmark
@Tag("errors")
class ErrorsIT {
  static final Suite SUITE = Suite.of(RowPlan.faultCases(FaultCase.standard(), 3))
      .threshold(UPSTREAM_ATTEMPTS_OVER_BUDGET, "count==0")
      .threshold(UPSTREAM_ERRORS_AS_SUCCESS, "count==0")
      .threshold(FAULTS_HIDDEN, "count==0");

  @EveryGateway
  void run(Gateway gateway, BenchmarkRunner runner) {
    runner.run(SUITE, gateway);
  }
}
