package dev.gatebench.run;

import dev.gatebench.capacity.CapacityResult;
import dev.gatebench.capacity.CapacitySettings;
import dev.gatebench.capacity.CapacitySweeper;
import dev.gatebench.capacity.SweepPlan;
import dev.gatebench.config.BenchConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Rate sweeps per row against the Direct row's, which runs first and is kept for the JVM's later rows. */
final class CapacitySweep extends RowPlan {
  static final String CHECK = "holds the bound over Direct up to the required rate";

  /** Direct's sweeps, the reference of every other row. */
  static final class Reference extends DirectReference<CapacityResult> {
    Reference() {
      super("capacity compares each row with the direct row's sweep");
    }
  }

  @Override
  RowResult run(RowRun row) {
    BenchConfig settings = row.settings();
    SweepPlan plan = CapacitySettings.plan(settings);
    CapacitySweeper sweeper = new CapacitySweeper(plan, CapacitySettings.rule(settings), expected(settings));
    Reference direct = row.shared(Reference.class, Reference::new);
    CapacitySweeper.Steps steps = (scenario, stream) -> row.load(row.suite(), scenario, stream);
    CapacitySweeper.Outcome outcome = direct.forRow(row).map(reference -> sweeper.against(reference, steps))
        .orElseGet(() -> sweeper.reference(steps));
    direct.keepIfDirect(row, outcome.capacity());
    Measurement measured = row.keep(outcome.firstStep(),
        Map.of(CapacityResult.ENVIRONMENT_KEY, outcome.capacity().toMap()));
    return row.judged(CHECK, List.of(measured),
        outcome.capacity().failures(CapacitySettings.requiredRate(settings, plan)));
  }

  /** The mock's answer time: TTFT + (max_tokens - 1) ITL; it sizes each step's VUs. */
  private static Duration expected(BenchConfig config) {
    return config.mockTtft().plus(config.mockItl().multipliedBy(config.maxTokens() - 1));
  }
}
