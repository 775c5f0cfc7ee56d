package dev.gatebench.contention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A row's steps over the prompt sizes, smallest first; a row that died at a size has no steps after it.
 *
 * @param plan what was offered
 * @param steps one per size measured
 * @param stoppedBy why the sizes after the last step were not measured; empty when all were
 */
public record PayloadResult(PayloadPlan plan, List<PayloadStep> steps, Optional<String> stoppedBy) {
  /** The {@code environment} key of every size's result. */
  public static final String ENVIRONMENT_KEY = "payload";

  public PayloadResult {
    Objects.requireNonNull(plan, "plan");
    steps = List.copyOf(steps);
    Objects.requireNonNull(stoppedBy, "stoppedBy");
  }

  /** The step at {@code promptTokens}, if it was measured. */
  public Optional<PayloadStep> step(int promptTokens) {
    return steps.stream().filter(s -> s.promptTokens() == promptTokens).findFirst();
  }

  /** One line per size that failed, and one for sizes not measured. */
  public List<String> failures() {
    List<String> failures = new java.util.ArrayList<>(steps.stream().filter(s -> !s.passed())
        .map(s -> Prompts.label(s.promptTokens()) + " tokens: " + s.note()).toList());
    stoppedBy.ifPresent(why -> failures.add("sizes after " + steps.size() + " of " + plan.sizes().size()
        + " not measured: " + why));
    return failures;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("plan", plan.toMap());
    map.put("steps", steps.stream().map(PayloadStep::toMap).toList());
    stoppedBy.ifPresent(why -> map.put("stoppedBy", why));
    map.put("failures", failures());
    return map;
  }

  /** The steps recorded in a run's environment, if it has them. */
  public static Optional<List<PayloadStep>> recorded(Map<String, Object> environment) {
    return Maps.section(environment, ENVIRONMENT_KEY).map(m -> m.get("steps") instanceof List<?> list
        ? list.stream().filter(Map.class::isInstance).map(s -> PayloadStep.fromMap((Map<?, ?>) s)).toList()
        : List.of());
  }
}
