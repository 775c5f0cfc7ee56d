package dev.gatebench.load;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The per-executor rules of k6's options; messages name the option (k6 spelling), the rule and the value. */
final class ScenarioChecks {
  private ScenarioChecks() {}

  static void check(Executor executor, int vus, long iterations, Duration duration, Duration maxDuration,
      List<Stage> stages, long rate, Duration timeUnit, int preAllocatedVus, int maxVus) {
    switch (executor) {
      case PER_VU_ITERATIONS, SHARED_ITERATIONS -> {
        atLeast("vus", vus, 1);
        atLeast("iterations", iterations, 1);
        positive("maxDuration", maxDuration);
        if (executor == Executor.SHARED_ITERATIONS && iterations < vus) {
          throw new IllegalArgumentException("iterations must be >= vus (" + vus + ") for shared-iterations but was "
              + iterations);
        }
      }
      case CONSTANT_VUS -> {
        atLeast("vus", vus, 1);
        positive("duration", duration);
      }
      case RAMPING_VUS -> {
        atLeast("startVUs", vus, 0);
        notEmpty(executor, stages);
      }
      case CONSTANT_ARRIVAL_RATE -> {
        atLeast("rate", rate, 1);
        positive("duration", duration);
        arrivalVus(timeUnit, preAllocatedVus, maxVus);
      }
      case RAMPING_ARRIVAL_RATE -> {
        atLeast("startRate", rate, 0);
        notEmpty(executor, stages);
        arrivalVus(timeUnit, preAllocatedVus, maxVus);
      }
    }
  }

  static void notNegative(String option, Duration value) {
    Objects.requireNonNull(value, option);
    if (value.isNegative()) throw new IllegalArgumentException(option + " must be >= 0 but was " + value);
  }

  private static void arrivalVus(Duration timeUnit, int preAllocatedVus, int maxVus) {
    positive("timeUnit", timeUnit);
    atLeast("preAllocatedVUs", preAllocatedVus, 0);
    atLeast("maxVUs", maxVus, 1);
    if (maxVus < preAllocatedVus) {
      throw new IllegalArgumentException("maxVUs must be >= preAllocatedVUs (" + preAllocatedVus + ") but was "
          + maxVus);
    }
  }

  private static void atLeast(String option, long value, long min) {
    if (value < min) throw new IllegalArgumentException(option + " must be >= " + min + " but was " + value);
  }

  private static void positive(String option, Duration value) {
    Objects.requireNonNull(value, option);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(option + " must be > 0 but was " + value);
    }
  }

  private static void notEmpty(Executor executor, List<Stage> stages) {
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("stages must not be empty for " + executor.k6Name()
          + "; e.g. Stage.of(\"30s\", 10)");
    }
  }
}
