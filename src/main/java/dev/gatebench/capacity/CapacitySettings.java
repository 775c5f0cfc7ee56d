package dev.gatebench.capacity;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import java.time.Duration;
import java.util.function.Function;

/**
 * The sweep plan and knee rule from settings, each defaulting to {@link SweepPlan#DEFAULT} and
 * {@link KneeRule#DEFAULT}: {@code gatebench.capacity.bound} (50ms), {@code .startRate} (5),
 * {@code .factor} (2), {@code .maxRate} (640), {@code .step} (20s, then scaled by
 * {@code gatebench.timeScale}, never below {@link SweepPlan#MIN_STEP}), and the rate a good gateway
 * sustains, {@code .requiredRate} (the start rate).
 */
public final class CapacitySettings {
  private CapacitySettings() {}

  /** The plan, its steps already scaled by {@code gatebench.timeScale}. */
  public static SweepPlan plan(BenchConfig config) {
    SweepPlan d = SweepPlan.DEFAULT;
    long start = number(config, "gatebench.capacity.startRate", d.startRate(), Long::parseLong);
    double factor = number(config, "gatebench.capacity.factor", d.factor(), Double::parseDouble);
    long max = number(config, "gatebench.capacity.maxRate", d.maxRate(), Long::parseLong);
    Duration step = config.duration("gatebench.capacity.step", d.step().toSeconds() + "s");
    try {
      return new SweepPlan(start, factor, step, max).scaled(config.timeScale());
    } catch (IllegalArgumentException e) {
      throw new BenchConfigException(e.getMessage() + "; fix that -Dgatebench.capacity.* setting", e);
    }
  }

  /**
   * {@code gatebench.capacity.requiredRate}: the rate in requests/s a good gateway holds the bound
   * to in each mode; default the plan's start rate, the one every row is offered.
   */
  public static long requiredRate(BenchConfig config, SweepPlan plan) {
    long rate = number(config, "gatebench.capacity.requiredRate", plan.startRate(), Long::parseLong);
    if (rate < 1) {
      throw new BenchConfigException("gatebench.capacity.requiredRate must be >= 1 but was " + rate
          + "; e.g. -Dgatebench.capacity.requiredRate=" + plan.startRate());
    }
    return rate;
  }

  public static KneeRule rule(BenchConfig config) {
    Duration bound = config.duration("gatebench.capacity.bound", KneeRule.DEFAULT.boundMs() + "ms");
    try {
      return KneeRule.DEFAULT.withBound(bound);
    } catch (IllegalArgumentException e) {
      throw new BenchConfigException(e.getMessage(), e);
    }
  }

  private static <T> T number(BenchConfig config, String name, T fallback, Function<String, T> parse) {
    String raw = config.get(name).orElse(null);
    if (raw == null) return fallback;
    try {
      return parse.apply(raw);
    } catch (NumberFormatException e) {
      throw new BenchConfigException(name + " must be a number but was '" + raw + "'; e.g. -D" + name + "="
          + fallback, e);
    }
  }
}
