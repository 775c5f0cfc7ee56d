package dev.gatebench.suites;

import dev.gatebench.capacity.CapacityResult;
import dev.gatebench.capacity.CapacitySettings;
import dev.gatebench.capacity.CapacitySweeper;
import dev.gatebench.capacity.SweepPlan;
import dev.gatebench.config.BenchConfig;
import dev.gatebench.gateway.Gateway;
import dev.gatebench.junit.AllGateways;
import dev.gatebench.junit.GatewayBenchmark;
import dev.gatebench.junit.RowRunner;
import dev.gatebench.junit.RowRunnerExtension;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * capacity: per row, constant arrival rates from 5/s doubling to 640/s, 20 s each, whole answers
 * then streamed, until overhead p99 over Direct at the same rate passes 50 ms
 * ({@code gatebench.capacity.bound}) or requests fail; Direct runs first and is the reference. A row
 * passes when it holds the bound up to {@code gatebench.capacity.requiredRate} (default 5/s).
 */
@GatewayBenchmark
@ExtendWith(RowRunnerExtension.class)
@Tag("capacity")
class CapacityIT {

  /** Direct's sweeps, the reference of every other row. */
  static final class DirectReference extends AtomicReference<CapacityResult> {}

  @ParameterizedTest(name = "capacity — {0}")
  @AllGateways
  void capacity(Gateway gateway, RowRunner runner) {
    BenchConfig config = runner.config();
    SweepPlan plan = CapacitySettings.plan(config);
    CapacitySweeper sweeper = new CapacitySweeper(plan, CapacitySettings.rule(config), expected(config));
    DirectReference direct = runner.shared(DirectReference.class, DirectReference::new);
    CapacitySweeper.Steps steps = (scenario, stream) -> runner.step("capacity", gateway, scenario, stream);
    CapacitySweeper.Outcome outcome = gateway.name().equals("direct") ? sweeper.reference(steps)
        : sweeper.against(reference(direct), steps);
    if (gateway.name().equals("direct")) direct.set(outcome.capacity());
    runner.record(outcome.firstStep(), gateway, Map.of(CapacityResult.ENVIRONMENT_KEY, outcome.capacity().toMap()));

    runner.check("holds the bound over Direct up to the required rate", gateway,
        outcome.capacity().failures(CapacitySettings.requiredRate(config, plan)));
  }

  private static CapacityResult reference(DirectReference direct) {
    CapacityResult reference = direct.get();
    if (reference == null) {
      throw new IllegalStateException("capacity compares each row with the direct row's sweep, which has not run; "
          + "include direct in gatebench.gateways, e.g. -Dgatebench.gateways=direct,litellm");
    }
    return reference;
  }

  /** The mock's answer time: TTFT + (max_tokens - 1) ITL; it sizes each step's VUs. */
  private static Duration expected(BenchConfig config) {
    return config.mockTtft().plus(config.mockItl().multipliedBy(config.maxTokens() - 1));
  }
}
