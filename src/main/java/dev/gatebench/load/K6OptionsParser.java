package dev.gatebench.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Reads k6 scenario options (as written by {@link K6Options} or a k6 script) back into a {@link Scenario}. */
final class K6OptionsParser {
  private final Map<String, ?> options;
  private final Executor executor;

  private K6OptionsParser(Map<String, ?> options) {
    this.options = options;
    this.executor = Executor.fromK6Name(String.valueOf(options.get("executor")));
  }

  static Scenario parse(Map<String, ?> options) {
    return new K6OptionsParser(options).scenario();
  }

  private Scenario scenario() {
    Scenario base = switch (executor) {
      case PER_VU_ITERATIONS -> Scenario.perVuIterations(integer("vus"), number("iterations"))
          .maxDuration(duration("maxDuration", Scenario.DEFAULT_MAX_DURATION));
      case SHARED_ITERATIONS -> Scenario.sharedIterations(integer("vus"), number("iterations"))
          .maxDuration(duration("maxDuration", Scenario.DEFAULT_MAX_DURATION));
      case CONSTANT_VUS -> Scenario.constantVus(integer("vus"), duration("duration", null));
      case RAMPING_VUS -> Scenario.rampingVus(integer("startVUs"), stages())
          .gracefulRampDown(duration("gracefulRampDown", Scenario.DEFAULT_GRACEFUL_STOP));
      case CONSTANT_ARRIVAL_RATE -> vuPool(Scenario.constantArrivalRate(number("rate"), timeUnit(),
          duration("duration", null)));
      case RAMPING_ARRIVAL_RATE -> vuPool(Scenario.rampingArrivalRate(number("startRate"), timeUnit(), stages()));
    };
    Scenario scenario = base.gracefulStop(duration("gracefulStop", Scenario.DEFAULT_GRACEFUL_STOP))
        .thinkTime(duration("thinkTime", Duration.ZERO));
    Object timeScale = options.get("timeScale");
    // durations were written already scaled: keep them, only remember the factor
    return timeScale == null ? scenario : scenario.withTimeScale(((Number) timeScale).doubleValue());
  }

  private Scenario vuPool(Scenario scenario) {
    int preAllocated = integer("preAllocatedVUs");
    Object max = options.get("maxVUs");
    return scenario.preAllocatedVus(preAllocated).maxVus(max == null ? preAllocated : ((Number) max).intValue());
  }

  private Duration timeUnit() {
    return duration("timeUnit", Scenario.DEFAULT_TIME_UNIT);
  }

  private Stage[] stages() {
    Object raw = require("stages");
    if (!(raw instanceof List<?> list)) throw bad("stages", "a list of {duration, target}", raw);
    return list.stream().map(this::stage).toArray(Stage[]::new);
  }

  private Stage stage(Object raw) {
    if (!(raw instanceof Map<?, ?> stage)) throw bad("stages", "a list of {duration, target}", raw);
    return new Stage(toDuration("stages.duration", stage.get("duration")),
        ((Number) stage.get("target")).intValue());
  }

  private int integer(String name) {
    return Math.toIntExact(number(name));
  }

  private long number(String name) {
    Object raw = require(name);
    if (!(raw instanceof Number n)) throw bad(name, "a number", raw);
    return n.longValue();
  }

  private Duration duration(String name, Duration fallback) {
    Object raw = options.get(name);
    if (raw == null && fallback != null) return fallback;
    return toDuration(name, require(name));
  }

  private Duration toDuration(String name, Object raw) {
    if (raw instanceof Duration d) return d;
    if (raw instanceof String s) return Durations.parse(executor.k6Name() + " option '" + name + "'", s);
    throw bad(name, "a k6 duration such as \"30s\"", raw);
  }

  private Object require(String name) {
    Object raw = options.get(name);
    if (raw == null) {
      throw new IllegalArgumentException(executor.k6Name() + " option '" + name + "' is required");
    }
    return raw;
  }

  private IllegalArgumentException bad(String name, String expected, Object raw) {
    return new IllegalArgumentException(executor.k6Name() + " option '" + name + "' must be " + expected
        + " but was " + raw);
  }
}
