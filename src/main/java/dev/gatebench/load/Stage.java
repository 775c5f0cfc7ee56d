package dev.gatebench.load;

import java.time.Duration;
import java.util.Objects;

/**
 * One k6 stage: move linearly to {@code target} over {@code duration}. For {@code ramping-vus} the
 * target is a VU count, for {@code ramping-arrival-rate} iterations per time unit.
 *
 * @param duration how long the stage lasts, >= 0; e.g. {@code Duration.ofSeconds(30)}
 * @param target VUs or rate at the end of the stage, >= 0
 */
public record Stage(Duration duration, int target) {
  public Stage {
    Objects.requireNonNull(duration, "stage duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("stage duration must be >= 0 but was " + duration);
    }
    if (target < 0) throw new IllegalArgumentException("stage target must be >= 0 but was " + target);
  }

  /** As k6 writes it: {@code Stage.of("30s", 5)}. */
  public static Stage of(String duration, int target) {
    return new Stage(Durations.parse("stage duration", duration), target);
  }

  public static Stage of(Duration duration, int target) {
    return new Stage(duration, target);
  }

  Stage scaled(double timeScale) {
    return new Stage(Durations.scale(duration, timeScale), target);
  }
}
