package dev.gatebench.run;

import dev.gatebench.capacity.CapacityResult;
import dev.gatebench.capacity.CapacitySettings;
import dev.gatebench.capacity.CapacitySweeper;
import dev.gatebench.capacity.SweepPlan;
import dev.gatebench.config.BenchConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Rate sweeps per row against the Direct row's, which runs first and is kept for the JVM's later rows. */
final class CapacitySweep extends RowPlan {
  static final String CHECK = "holds the bound over Direct up to the required rate";

  /** Direct's sweeps, the reference of every other row. */
  static final class DirectReference extends AtomicReference<CapacityResult> {}

  @Override
  RowResult run(RowRun row) {
    BenchConfig settings = row.settings();
    SweepPlan plan = CapacitySettings.plan(settings);
    CapacitySweeper sweeper = new CapacitySweeper(plan, CapacitySettings.rule(settings), expected(settings));
    DirectReference direct = row.shared(DirectReference.class, DirectReference::new);
    CapacitySweeper.Steps steps = (scenario, stream) -> row.load(row.suite(), scenario, stream);
    CapacitySweeper.Outcome outcome = row.isDirect() ? sweeper.reference(steps)
        : sweeper.against(reference(direct), steps);
    if (row.isDirect()) direct.set(outcome.capacity());
    Measurement measured = row.keep(outcome.firstStep(),
        Map.of(CapacityResult.ENVIRONMENT_KEY, outcome.capacity().toMap()));
    List<String> failures = new ArrayList<>(outcome.capacity().failures(CapacitySettings.requiredRate(settings, plan)));
    failures.addAll(RowResult.crossed(List.of(measured)));
    return RowResult.judged(List.of(measured), row.check(CHECK, failures));
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
