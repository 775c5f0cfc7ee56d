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
   * What a good gateway passes: in every mode it held the bound up to at least {@code requiredRate}.
   * One line per mode that did not; empty when all did.
   *
   * @param requiredRate requests/s, >= 1; e.g. the plan's start rate, the rate every row is offered
   */
  public List<String> failures(long requiredRate) {
    List<String> failures = new ArrayList<>();
    for (Sweep sweep : sweeps) {
      long sustained = sweep.sustainableRate().orElse(0);
      if (sustained < requiredRate) {
        String why = sweep.steps().stream().filter(s -> !s.withinBound()).map(CapacityStep::note).findFirst()
            .orElse(sweep.endedBecause());
        failures.add(sweep.mode() + ": held the " + Math.round(rule.boundMs()) + " ms bound over Direct up to "
            + sustained + "/s, below the required " + requiredRate + "/s; first step past it: " + why);
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
