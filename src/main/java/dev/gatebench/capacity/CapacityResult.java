package dev.gatebench.capacity;

import dev.gatebench.metrics.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A row's capacity: its sweeps (whole answers and streamed), under one plan and knee rule.
 * Recorded in the row's result as {@code environment.capacity} ({@link #toMap()}).
 *
 * @param plan the offered rates
 * @param rule the bound and when a sweep ends
 * @param sweeps one per mode, in the order run
 */
public record CapacityResult(SweepPlan plan, KneeRule rule, List<Sweep> sweeps) {
  /** The key of the block in a result's {@code environment}. */
  public static final String ENVIRONMENT_KEY = "capacity";

  public CapacityResult {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(rule, "rule");
    sweeps = List.copyOf(sweeps);
  }

  /** The sweep of a mode, e.g. {@code json}. */
  public Optional<Sweep> sweep(String mode) {
    return sweeps.stream().filter(s -> s.mode().equals(mode)).findFirst();
  }

  /**
   * What a good gateway passes: in every mode, at least the first step (the rate all rows share) held
   * the bound. One line per mode that did not; empty when all did.
   */
  public List<String> failures() {
    List<String> failures = new ArrayList<>();
    for (Sweep sweep : sweeps) {
      if (sweep.sustainableRate().isEmpty()) {
        String why = sweep.steps().isEmpty() ? sweep.endedBecause() : sweep.steps().get(0).note();
        failures.add(sweep.mode() + ": not even " + plan.startRate() + "/s held the " + Math.round(rule.boundMs())
            + " ms bound over Direct: " + why);
      }
    }
    return failures;
  }

  /** The {@code environment.capacity} block: plan, rule and each sweep with its steps. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("plan", plan.toMap());
    map.put("rule", rule.toMap());
    map.put("sweeps", sweeps.stream().map(Sweep::toMap).toList());
    return map;
  }

  /** The sweeps recorded in a result's {@code environment.capacity}; empty when it has none. */
  public static List<Sweep> recordedSweeps(RunResult run) {
    if (!(run.environment().get(ENVIRONMENT_KEY) instanceof Map<?, ?> block)) return List.of();
    if (!(block.get("sweeps") instanceof List<?> list)) return List.of();
    return list.stream().filter(Map.class::isInstance).map(m -> Sweep.fromMap((Map<?, ?>) m)).toList();
  }

  /** The bound recorded with a result's capacity, ms; NaN when none. */
  public static double recordedBoundMs(RunResult run) {
    if (run.environment().get(ENVIRONMENT_KEY) instanceof Map<?, ?> block
        && block.get("rule") instanceof Map<?, ?> rule) {
      return CapacityStep.number(rule, "boundMs");
    }
    return Double.NaN;
  }
}
