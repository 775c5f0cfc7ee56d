package dev.gatebench.contention;

import dev.gatebench.load.Scenario;
import dev.gatebench.metrics.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Runs one row over a {@link PayloadPlan}'s sizes, smallest first, each judged against Direct's step. */
public final class PayloadSweep {
  private final PayloadPlan plan;

  /** @param plan already scaled */
  public PayloadSweep(PayloadPlan plan) {
    this.plan = Objects.requireNonNull(plan, "plan");
  }

  /** Runs one size: whole answers with a prompt of {@code promptTokens}. */
  @FunctionalInterface
  public interface Sizes {
    RunResult run(int promptTokens, Scenario scenario);
  }

  /** The row's runs, one per size measured, and its result. */
  public record Outcome(List<RunResult> runs, PayloadResult result) {}

  public Outcome reference(Sizes sizes) {
    return sweep(null, sizes);
  }

  public Outcome against(PayloadResult direct, Sizes sizes) {
    return sweep(Objects.requireNonNull(direct, "direct"), sizes);
  }

  private Outcome sweep(PayloadResult direct, Sizes sizes) {
    List<RunResult> runs = new ArrayList<>();
    List<PayloadStep> steps = new ArrayList<>();
    for (PayloadPlan.Size size : plan.sizes()) {
      RunResult run = sizes.run(size.promptTokens(), plan.scenario());
      runs.add(run);
      LatencyFigures reference = direct == null ? null
          : direct.step(size.promptTokens()).map(PayloadStep::figures).orElse(LatencyFigures.NONE);
      steps.add(PayloadStep.judge(size, LatencyFigures.of(run), reference));
      if (run.abortedBy().isPresent()) {
        return new Outcome(runs, new PayloadResult(plan, steps, run.abortedBy()));
      }
    }
    return new Outcome(runs, new PayloadResult(plan, steps, Optional.empty()));
  }
}
