package dev.gatebench.suites;

import dev.gatebench.gateway.Gateway;
import dev.gatebench.junit.BenchmarkRunner;
import dev.gatebench.junit.EveryGateway;
import dev.gatebench.junit.GatewayBenchmark;
import dev.gatebench.run.RowPlan;
import dev.gatebench.run.Suite;
import org.junit.jupiter.api.Tag;

/**
 * capacity: per row, constant arrival rates from 5/s doubling to 640/s, 20 s each, whole answers
 * then streamed, until overhead p99 over Direct at the same rate passes 50 ms
 * ({@code gatebench.capacity.bound}) or requests fail; Direct runs first and is the reference. A row
 * passes when it holds the bound up to {@code gatebench.capacity.requiredRate} (default 5/s).
 */
@GatewayBenchmark
@Tag("capacity")
class CapacityIT {
  static final Suite SUITE = Suite.of(RowPlan.capacitySweep());

  @EveryGateway
  void run(Gateway gateway, BenchmarkRunner runner) {
    runner.run(SUITE, gateway);
  }
}
