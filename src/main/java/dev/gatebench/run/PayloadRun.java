package dev.gatebench.run;

import dev.gatebench.contention.PayloadPlan;
import dev.gatebench.contention.PayloadResult;
import dev.gatebench.contention.PayloadSweep;
import dev.gatebench.contention.Prompts;
import dev.gatebench.metrics.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One run per prompt size against Direct's at the same size; Direct runs first. */
final class PayloadRun extends RowPlan {
  static final String CHECK = "takes every prompt size within its bound over Direct's p99";

  /** Direct's result, the reference of every other row. */
  static final class Reference extends DirectReference<PayloadResult> {
    Reference() {
      super("payload compares each size with the direct row's");
    }
  }

  private final PayloadPlan plan;

  PayloadRun(PayloadPlan plan) {
    this.plan = plan;
  }

  @Override
  RowResult run(RowRun row) {
    PayloadPlan scaled = plan.scaled(row.settings().timeScale());
    PayloadSweep sweep = new PayloadSweep(scaled);
    Reference direct = row.shared(Reference.class, Reference::new);
    PayloadSweep.Sizes sizes = (tokens, scenario) -> row.observed(row.suite() + "-" + Prompts.label(tokens), scenario,
        row.requests(scaled.maxTokens(), false, List.of(Prompts.ofTokens(tokens))));
    PayloadSweep.Outcome outcome = direct.forRow(row).map(reference -> sweep.against(reference, sizes))
        .orElseGet(() -> sweep.reference(sizes));
    direct.keepIfDirect(row, outcome.result());
    List<Measurement> runs = new ArrayList<>();
    for (RunResult run : outcome.runs()) {
      Map<String, Object> payload = Map.of(PayloadResult.ENVIRONMENT_KEY, outcome.result().toMap());
      runs.add(row.keep(run, payload));
    }
    return row.judged(CHECK, runs, outcome.result().failures());
  }
}
