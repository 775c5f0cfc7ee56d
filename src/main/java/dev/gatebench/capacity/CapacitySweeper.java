package dev.gatebench.capacity;

import dev.gatebench.load.Scenario;
import dev.gatebench.metrics.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Sweeps one row in both modes, whole answers ({@code json}) then streamed ({@code stream}), through
 * a {@link Steps} that runs one constant-arrival-rate scenario; the reference row (Direct) first,
 * then each gateway against it. Each mode starts with one unjudged warm-up step at the start rate.
 */
public final class CapacitySweeper {
  /** Whole answers, then {@code stream: true}. */
  public static final List<String> MODES = List.of("json", "stream");

  private final SweepPlan plan;
  private final KneeRule rule;
  private final Duration expected;

  /**
   * @param expected the latency the mock alone gives a request, > 0; sizes each step's VUs (see
   *     {@link SweepPlan#scenario})
   */
  public CapacitySweeper(SweepPlan plan, KneeRule rule, Duration expected) {
    this.plan = Objects.requireNonNull(plan, "plan");
    this.rule = Objects.requireNonNull(rule, "rule");
    this.expected = Objects.requireNonNull(expected, "expected");
  }

  /** Runs one step: the scenario against the row, streamed or not. */
  @FunctionalInterface
  public interface Steps {
    RunResult run(Scenario scenario, boolean stream);
  }

  /**
   * What a row's sweeps gave: the capacity, and the run of its first step of whole answers (the rate
   * every row is offered), which stands for the row in the comparison tables.
   */
  public record Outcome(CapacityResult capacity, RunResult firstStep) {}

  /** The reference row's sweeps: compared with themselves, ended only by errors or dropped arrivals. */
  public Outcome reference(Steps steps) {
    return sweep(null, steps);
  }

  /** A gateway's sweeps, each step compared with {@code reference}'s at the same rate and mode. */
  public Outcome against(CapacityResult reference, Steps steps) {
    return sweep(Objects.requireNonNull(reference, "reference"), steps);
  }

  private Outcome sweep(CapacityResult reference, Steps steps) {
    List<Sweep> sweeps = new ArrayList<>();
    RunResult[] first = new RunResult[1];
    for (String mode : MODES) {
      boolean stream = mode.equals("stream");
      // One unjudged step first: the row's connections and code paths warm, so the first judged
      // step's p99 (a handful of requests) is not its start-up.
      steps.run(plan.scenario(plan.startRate(), expected), stream);
      LongFunction<RunResult> step = rate -> {
        RunResult run = steps.run(plan.scenario(rate, expected), stream);
        if (first[0] == null) first[0] = run;
        return run;
      };
      sweeps.add(reference == null ? Sweep.reference(mode, plan, rule, step)
          : Sweep.against(reference.sweep(mode).orElseThrow(() -> new IllegalArgumentException(
              "the reference has no " + mode + " sweep")), plan, rule, step));
    }
    return new Outcome(new CapacityResult(plan, rule, sweeps), first[0]);
  }
}
