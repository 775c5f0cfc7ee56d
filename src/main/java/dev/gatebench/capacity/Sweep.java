package dev.gatebench.capacity;

import dev.gatebench.metrics.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * One row's sweep in one mode: its steps in order, the highest offered rate that held the bound
 * with every lower step also holding it or followed by one that did, and why the sweep ended.
 *
 * @param mode {@code json} (whole answers) or {@code stream} ({@code stream: true})
 * @param steps the steps run, in order of rate
 * @param sustainableRate the highest rate that held the bound before the sweep ended; empty when
 *     even the first step did not
 * @param endedBecause e.g. {@code reached the plan's maximum rate 640/s} or
 *     {@code past the knee: 2 steps in a row above the bound}
 */
public record Sweep(String mode, List<CapacityStep> steps, OptionalLong sustainableRate, String endedBecause) {

  public Sweep {
    Objects.requireNonNull(mode, "mode");
    steps = List.copyOf(steps);
    Objects.requireNonNull(sustainableRate, "sustainableRate");
    Objects.requireNonNull(endedBecause, "endedBecause");
  }

  /**
   * Runs the sweep of the reference row (Direct): each step is compared with itself, so only errors
   * and dropped arrivals end it.
   *
   * @param step runs one step at the given rate and returns its result
   */
  public static Sweep reference(String mode, SweepPlan plan, KneeRule rule, LongFunction<RunResult> step) {
    return run(mode, plan, rule, step, null);
  }

  /**
   * Runs a gateway's sweep, each step compared with the reference sweep's step at the same rate;
   * a rate the reference has no step for ends the sweep.
   */
  public static Sweep against(Sweep reference, SweepPlan plan, KneeRule rule, LongFunction<RunResult> step) {
    return run(reference.mode(), plan, rule, step, Objects.requireNonNull(reference, "reference"));
  }

  private static Sweep run(String mode, SweepPlan plan, KneeRule rule, LongFunction<RunResult> step, Sweep reference) {
    double stepSeconds = plan.step().toNanos() / 1e9;
    List<CapacityStep> steps = new ArrayList<>();
    int pastInARow = 0;
    for (long rate : plan.rates()) {
      OptionalDouble referenceP99 = reference == null ? OptionalDouble.empty() : reference.p99At(rate);
      if (reference != null && referenceP99.isEmpty()) {
        return end(mode, steps, "the reference has no step at " + rate + "/s to compare with");
      }
      RunResult run = step.apply(rate);
      CapacityStep measured = CapacityStep.judge(rate, stepSeconds, run, referenceP99, rule);
      steps.add(measured);
      pastInARow = measured.withinBound() ? 0 : pastInARow + 1;
      if (pastInARow >= rule.failuresToStop()) {
        return end(mode, steps, "past the knee: " + pastInARow + " step(s) in a row above the bound");
      }
    }
    return end(mode, steps, "reached the plan's maximum rate " + plan.maxRate() + "/s");
  }

  private static Sweep end(String mode, List<CapacityStep> steps, String why) {
    return new Sweep(mode, steps, sustainable(steps), why);
  }

  /** The highest rate within the bound that comes before the first run of failing steps that ended the sweep. */
  static OptionalLong sustainable(List<CapacityStep> steps) {
    OptionalLong best = OptionalLong.empty();
    for (int i = 0; i < steps.size(); i++) {
      CapacityStep s = steps.get(i);
      if (s.withinBound()) {
        best = OptionalLong.of(s.offeredRate());
      } else if (i + 1 == steps.size() || !steps.get(i + 1).withinBound()) {
        return best;
      }
    }
    return best;
  }

  /** This sweep's p99 at {@code rate}, when it ran a step there that measured one. */
  public OptionalDouble p99At(long rate) {
    return steps.stream().filter(s -> s.offeredRate() == rate && Double.isFinite(s.p99Ms()))
        .mapToDouble(CapacityStep::p99Ms).findFirst();
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("mode", mode);
    sustainableRate.ifPresent(r -> map.put("sustainableRate", r));
    map.put("endedBecause", endedBecause);
    map.put("steps", steps.stream().map(CapacityStep::toMap).toList());
    return map;
  }

  static Sweep fromMap(Map<?, ?> map) {
    List<CapacityStep> steps = map.get("steps") instanceof List<?> list
        ? list.stream().filter(Map.class::isInstance).map(m -> CapacityStep.fromMap((Map<?, ?>) m)).toList()
        : List.of();
    OptionalLong rate = map.get("sustainableRate") instanceof Number n ? OptionalLong.of(n.longValue())
        : OptionalLong.empty();
    return new Sweep(String.valueOf(map.get("mode")), steps, rate, String.valueOf(map.get("endedBecause")));
  }
}
