package dev.gatebench.load;

import java.util.Arrays;
import java.util.stream.Collectors;

/** k6's executors, by their k6 names. */
public enum Executor {
  PER_VU_ITERATIONS("per-vu-iterations", false),
  SHARED_ITERATIONS("shared-iterations", false),
  CONSTANT_VUS("constant-vus", false),
  RAMPING_VUS("ramping-vus", false),
  CONSTANT_ARRIVAL_RATE("constant-arrival-rate", true),
  RAMPING_ARRIVAL_RATE("ramping-arrival-rate", true);

  private final String k6Name;
  private final boolean openModel;

  Executor(String k6Name, boolean openModel) {
    this.k6Name = k6Name;
    this.openModel = openModel;
  }

  /** The name in k6 options, e.g. {@code ramping-vus}. */
  public String k6Name() {
    return k6Name;
  }

  /** Arrival-rate executors start iterations on a clock, not when a VU is free. */
  public boolean openModel() {
    return openModel;
  }

  /** The executor named as in k6 options; throws listing the valid names otherwise. */
  public static Executor fromK6Name(String name) {
    for (Executor e : values()) {
      if (e.k6Name.equals(name)) return e;
    }
    throw new IllegalArgumentException("unknown executor '" + name + "'; valid executors are: "
        + Arrays.stream(values()).map(Executor::k6Name).collect(Collectors.joining(", ")));
  }
}
