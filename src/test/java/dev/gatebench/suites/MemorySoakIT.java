package dev.gatebench.suites;

import static dev.gatebench.metrics.MetricNames.ERROR_RATE;
import static java.time.Duration.ofMinutes;

import dev.gatebench.contention.SoakPlan;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.junit.BenchmarkRunner;
import dev.gatebench.junit.EveryGateway;
import dev.gatebench.junit.GatewayBenchmark;
import dev.gatebench.run.RowPlan;
import dev.gatebench.run.Suite;
import dev.gatebench.upstream.FaultKind;
import dev.gatebench.upstream.FaultPlan;
import org.junit.jupiter.api.Tag;

/**
 * soak: per row, 10 requests/s of a 1k-token prompt for 10 minutes while the mock answers 5 % with 500,
 * 5 % with 529 and cuts 2 % mid-answer; memory (RSS, a container's cgroup working set) and open file
 * descriptors sampled each second; after the first quarter, memory grows less than 50 MiB and descriptors
 * less than 100 per 10 minutes by the least-squares fit; under half the requests fail.
 */
@GatewayBenchmark
@Tag("soak")
class MemorySoakIT {
  static final Suite SUITE = Suite.of(RowPlan.soak(SoakPlan.of(10, ofMinutes(10))
          .withPromptTokens(1_000)
          .withFaults(FaultPlan.none().with(FaultKind.SERVER_ERROR, 0.05).with(FaultKind.OVERLOADED, 0.05)
              .with(FaultKind.MID_STREAM_DISCONNECT, 0.02))
          .withBounds(50, 100)))
      .threshold(ERROR_RATE, "rate<0.5");

  @EveryGateway
  void run(Gateway gateway, BenchmarkRunner runner) {
    runner.run(SUITE, gateway);
  }
}
