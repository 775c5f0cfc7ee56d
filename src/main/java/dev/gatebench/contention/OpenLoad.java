package dev.gatebench.contention;

import dev.gatebench.load.Scenario;
import java.time.Duration;
import java.util.Objects;

/** What payload sizes and soaks share: a constant arrival rate for a while, scaled by gatebench.timeScale. */
final class OpenLoad {
  private OpenLoad() {}

  /** @throws IllegalArgumentException naming {@code what} unless rate >= 1 and duration >= {@code least} (whole seconds) */
  static void requireValid(String what, long rate, Duration duration, Duration least) {
    if (rate < 1) throw new IllegalArgumentException(what + " rate must be >= 1 but was " + rate);
    Objects.requireNonNull(duration, "duration");
    if (duration.compareTo(least) < 0) {
      throw new IllegalArgumentException(what + " duration must be >= " + least.toSeconds() + "s but was " + duration);
    }
  }

  /** {@code duration} times {@code timeScale}, never below {@code floor}. */
  static Duration scaled(Duration duration, double timeScale, Duration floor) {
    if (!(timeScale > 0)) throw new IllegalArgumentException("timeScale must be > 0 but was " + timeScale);
    Duration scaled = Duration.ofNanos(Math.round(duration.toNanos() * timeScale));
    return scaled.compareTo(floor) < 0 ? floor : scaled;
  }

  /** {@code rate}/s for {@code duration}, with VUs for answers of up to about four seconds. */
  static Scenario scenario(long rate, Duration duration) {
    int vus = (int) Math.max(8, rate * 4);
    return Scenario.constantArrivalRate(rate, Duration.ofSeconds(1), duration).preAllocatedVus(vus).maxVus(vus * 4)
        .gracefulStop(Duration.ofSeconds(30));
  }
}
