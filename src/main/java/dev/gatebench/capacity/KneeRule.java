package dev.gatebench.capacity;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * When a step is past the row's knee: its p99 is more than {@code bound} over the Direct row's p99
 * at the same rate, more than {@code maxErrorRate} of its requests failed, or arrivals were dropped
 * (every VU busy: the row no longer keeps up). The sweep stops after {@code failuresToStop} such
 * steps in a row, so one noisy step on a shared machine does not end it. Immutable.
 *
 * @param bound overhead p99 over Direct allowed, > 0; e.g. 50 ms ({@code gatebench.capacity.bound})
 * @param maxErrorRate failed / all requests allowed in a step, in [0, 1); e.g. 0
 * @param failuresToStop consecutive steps past the bound that end the sweep, >= 1; e.g. 2
 */
public record KneeRule(Duration bound, double maxErrorRate, int failuresToStop) {
  /** 50 ms, no errors, stop after two steps past it. */
  public static final KneeRule DEFAULT = new KneeRule(Duration.ofMillis(50), 0.0, 2);

  public KneeRule {
    Objects.requireNonNull(bound, "bound");
    if (bound.isNegative() || bound.isZero()) {
      throw new IllegalArgumentException("gatebench.capacity.bound must be > 0 but was " + bound.toMillis()
          + " ms; e.g. -Dgatebench.capacity.bound=50ms");
    }
    if (!(maxErrorRate >= 0 && maxErrorRate < 1)) {
      throw new IllegalArgumentException("maxErrorRate must be in [0, 1) but was " + maxErrorRate);
    }
    if (failuresToStop < 1) throw new IllegalArgumentException("failuresToStop must be >= 1 but was " + failuresToStop);
  }

  /** The same rule with another bound. */
  public KneeRule withBound(Duration newBound) {
    return new KneeRule(newBound, maxErrorRate, failuresToStop);
  }

  public double boundMs() {
    return bound.toNanos() / 1e6;
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("boundMs", boundMs());
    map.put("maxErrorRate", maxErrorRate);
    map.put("failuresToStop", failuresToStop);
    return map;
  }
}
