package dev.gatebench.run;

import dev.gatebench.contention.PayloadPlan;
import dev.gatebench.contention.PayloadResult;
import dev.gatebench.contention.PayloadSweep;
import dev.gatebench.contention.Prompts;
import dev.gatebench.metrics.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** One run per prompt size against Direct's at the same size; Direct runs first. */
final class PayloadRun extends RowPlan {
  static final String CHECK = "takes every prompt size within its bound over Direct's p99";

  /** Direct's result, the reference of every other row. */
  static final class DirectReference extends AtomicReference<PayloadResult> {}

  private final PayloadPlan plan;

  PayloadRun(PayloadPlan plan) {
    this.plan = plan;
  }

  @Override
  RowResult run(RowRun row) {
    PayloadPlan scaled = plan.scaled(row.settings().timeScale());
    PayloadSweep sweep = new PayloadSweep(scaled);
    DirectReference direct = row.shared(DirectReference.class, DirectReference::new);
    PayloadSweep.Sizes sizes = (tokens, scenario) -> row.observed(row.suite() + "-" + Prompts.label(tokens), scenario,
        row.requests(scaled.maxTokens(), false, List.of(Prompts.ofTokens(tokens))));
    PayloadSweep.Outcome outcome = row.isDirect() ? sweep.reference(sizes) : sweep.against(reference(direct), sizes);
    if (row.isDirect()) direct.set(outcome.result());
    List<Measurement> runs = new ArrayList<>();
    for (RunResult run : outcome.runs()) {
      Map<String, Object> payload = Map.of(PayloadResult.ENVIRONMENT_KEY, outcome.result().toMap());
      runs.add(row.keep(run, payload));
    }
    List<String> failures = new ArrayList<>(outcome.result().failures());
    failures.addAll(RowResult.crossed(runs));
    return RowResult.judged(runs, row.check(CHECK, failures));
  }

  private static PayloadResult reference(DirectReference direct) {
    PayloadResult reference = direct.get();
    if (reference == null) {
      throw new IllegalStateException("payload compares each size with the direct row's, which has not run; "
          + "include direct in gatebench.gateways, e.g. -Dgatebench.gateways=direct,litellm");
    }
    return reference;
  }
}
