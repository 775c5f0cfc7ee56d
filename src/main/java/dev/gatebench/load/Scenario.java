package dev.gatebench.load;

import static dev.gatebench.load.Executor.CONSTANT_ARRIVAL_RATE;
import static dev.gatebench.load.Executor.CONSTANT_VUS;
import static dev.gatebench.load.Executor.PER_VU_ITERATIONS;
import static dev.gatebench.load.Executor.RAMPING_ARRIVAL_RATE;
import static dev.gatebench.load.Executor.RAMPING_VUS;
import static dev.gatebench.load.Executor.SHARED_ITERATIONS;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A k6 scenario: an executor and its options, plus the think time each iteration sleeps after
 * its request. Immutable; the {@code with}-style methods ({@link #thinkTime(Duration)},
 * {@link #maxVus(int)}, …) return a new value. Options an executor does not use are 0 or
 * {@link Duration#ZERO} and are left out of {@link #toK6Options()}.
 *
 * @param executor which k6 executor
 * @param vus {@code vus}, or {@code startVUs} for ramping-vus; >= 1 (>= 0 for startVUs)
 * @param iterations {@code iterations} of the iteration-count executors, >= 1
 * @param duration {@code duration} of constant-vus and constant-arrival-rate, > 0
 * @param maxDuration {@code maxDuration} of the iteration-count executors, > 0; default 10m
 * @param stages {@code stages} of the ramping executors, not empty
 * @param rate {@code rate}, or {@code startRate} for ramping-arrival-rate, iterations per time unit
 * @param timeUnit {@code timeUnit} of the arrival-rate executors, > 0; default 1s
 * @param preAllocatedVus {@code preAllocatedVUs}, >= 0
 * @param maxVus {@code maxVUs}, >= preAllocatedVUs and >= 1
 * @param gracefulStop how long running iterations may finish after the end, >= 0; default 30s
 * @param gracefulRampDown how long a ramped-down VU may finish its iteration, >= 0; default 30s
 * @param thinkTime sleep after each request, inside the iteration, >= 0 (k6's {@code sleep})
 * @param timeScale product of the factors given to {@link #scaled(double)}, > 0; 1 unscaled
 */
public record Scenario(Executor executor, int vus, long iterations, Duration duration,
    Duration maxDuration, List<Stage> stages, long rate, Duration timeUnit, int preAllocatedVus,
    int maxVus, Duration gracefulStop, Duration gracefulRampDown, Duration thinkTime, double timeScale) {

  /** k6's default {@code gracefulStop} and {@code gracefulRampDown}. */
  public static final Duration DEFAULT_GRACEFUL_STOP = Duration.ofSeconds(30);
  /** k6's default {@code maxDuration} of the iteration-count executors. */
  public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(10);
  /** k6's default {@code timeUnit}. */
  public static final Duration DEFAULT_TIME_UNIT = Duration.ofSeconds(1);

  public Scenario {
    Objects.requireNonNull(executor, "executor");
    stages = List.copyOf(stages);
    ScenarioChecks.check(executor, vus, iterations, duration, maxDuration, stages, rate, timeUnit,
        preAllocatedVus, maxVus);
    ScenarioChecks.notNegative("gracefulStop", gracefulStop);
    ScenarioChecks.notNegative("gracefulRampDown", gracefulRampDown);
    ScenarioChecks.notNegative("thinkTime", thinkTime);
    if (!(timeScale > 0)) throw new IllegalArgumentException("timeScale must be > 0 but was " + timeScale);
  }

  /** Each of {@code vus} VUs runs {@code iterations} iterations (the baseline suite: 1 VU, 30). */
  public static Scenario perVuIterations(int vus, long iterations) {
    return closed(PER_VU_ITERATIONS, vus, iterations, Duration.ZERO, DEFAULT_MAX_DURATION, List.of());
  }

  /** {@code vus} VUs share {@code iterations} iterations; a fast VU runs more of them. */
  public static Scenario sharedIterations(int vus, long iterations) {
    return closed(SHARED_ITERATIONS, vus, iterations, Duration.ZERO, DEFAULT_MAX_DURATION, List.of());
  }

  /** {@code vus} VUs loop for {@code duration}. */
  public static Scenario constantVus(int vus, Duration duration) {
    return closed(CONSTANT_VUS, vus, 0, duration, Duration.ZERO, List.of());
  }

  /** From {@code startVus}, VUs move linearly to each stage's target, as k6's ramping-vus. */
  public static Scenario rampingVus(int startVus, Stage... stages) {
    return closed(RAMPING_VUS, startVus, 0, Duration.ZERO, Duration.ZERO, Arrays.asList(stages));
  }

  /** {@code rate} iterations every {@code timeUnit} for {@code duration}; 1 pre-allocated VU until set. */
  public static Scenario constantArrivalRate(long rate, Duration timeUnit, Duration duration) {
    return new Scenario(CONSTANT_ARRIVAL_RATE, 0, 0, duration, Duration.ZERO, List.of(), rate, timeUnit,
        1, 1, DEFAULT_GRACEFUL_STOP, Duration.ZERO, Duration.ZERO, 1);
  }

  /** From {@code startRate} per {@code timeUnit}, the rate moves linearly to each stage's target. */
  public static Scenario rampingArrivalRate(long startRate, Duration timeUnit, Stage... stages) {
    return new Scenario(RAMPING_ARRIVAL_RATE, 0, 0, Duration.ZERO, Duration.ZERO, Arrays.asList(stages),
        startRate, timeUnit, 1, 1, DEFAULT_GRACEFUL_STOP, Duration.ZERO, Duration.ZERO, 1);
  }

  private static Scenario closed(Executor executor, int vus, long iterations, Duration duration,
      Duration maxDuration, List<Stage> stages) {
    Duration rampDown = executor == RAMPING_VUS ? DEFAULT_GRACEFUL_STOP : Duration.ZERO;
    return new Scenario(executor, vus, iterations, duration, maxDuration, stages, 0, Duration.ZERO, 0, 0,
        DEFAULT_GRACEFUL_STOP, rampDown, Duration.ZERO, 1);
  }

  public Scenario thinkTime(Duration thinkTime) {
    return new Scenario(executor, vus, iterations, duration, maxDuration, stages, rate, timeUnit,
        preAllocatedVus, maxVus, gracefulStop, gracefulRampDown, thinkTime, timeScale);
  }

  public Scenario maxDuration(Duration maxDuration) {
    return new Scenario(executor, vus, iterations, duration, maxDuration, stages, rate, timeUnit,
        preAllocatedVus, maxVus, gracefulStop, gracefulRampDown, thinkTime, timeScale);
  }

  public Scenario gracefulStop(Duration gracefulStop) {
    return new Scenario(executor, vus, iterations, duration, maxDuration, stages, rate, timeUnit,
        preAllocatedVus, maxVus, gracefulStop, gracefulRampDown, thinkTime, timeScale);
  }

  public Scenario gracefulRampDown(Duration gracefulRampDown) {
    return new Scenario(executor, vus, iterations, duration, maxDuration, stages, rate, timeUnit,
        preAllocatedVus, maxVus, gracefulStop, gracefulRampDown, thinkTime, timeScale);
  }

  /** Sets {@code preAllocatedVUs}, raising {@code maxVUs} to it if lower (k6's default for maxVUs). */
  public Scenario preAllocatedVus(int preAllocatedVus) {
    return new Scenario(executor, vus, iterations, duration, maxDuration, stages, rate, timeUnit,
        preAllocatedVus, Math.max(maxVus, preAllocatedVus), gracefulStop, gracefulRampDown, thinkTime,
        timeScale);
  }

  public Scenario maxVus(int maxVus) {
    return new Scenario(executor, vus, iterations, duration, maxDuration, stages, rate, timeUnit,
        preAllocatedVus, maxVus, gracefulStop, gracefulRampDown, thinkTime, timeScale);
  }

  /**
   * The same shape with every duration (stages, duration, maxDuration, think time, gracefulStop,
   * gracefulRampDown) multiplied by {@code factor}; rates and {@code timeUnit} stay, so a scaled
   * run keeps its request rate. E.g. {@code scaled(0.05)} turns a 10 min stage into 30 s.
   */
  public Scenario scaled(double factor) {
    if (!(factor > 0)) throw new IllegalArgumentException("timeScale must be > 0 but was " + factor);
    List<Stage> scaledStages = stages.stream().map(s -> s.scaled(factor)).toList();
    return new Scenario(executor, vus, iterations, Durations.scale(duration, factor),
        Durations.scale(maxDuration, factor), scaledStages, rate, timeUnit, preAllocatedVus, maxVus,
        Durations.scale(gracefulStop, factor), Durations.scale(gracefulRampDown, factor),
        Durations.scale(thinkTime, factor), timeScale * factor);
  }

  Scenario withTimeScale(double timeScale) {
    return new Scenario(executor, vus, iterations, duration, maxDuration, stages, rate, timeUnit,
        preAllocatedVus, maxVus, gracefulStop, gracefulRampDown, thinkTime, timeScale);
  }

  /**
   * Reads k6 scenario options, e.g. {@code {executor: "ramping-vus", startVUs: 1, stages: [...]}};
   * durations as k6 strings ({@code "30s"}) or {@link Duration}s. The inverse of {@link #toK6Options()}.
   *
   * @throws IllegalArgumentException for an unknown executor (listing the valid ones), a missing
   *     option or a bad value, naming it
   */
  public static Scenario fromK6Options(Map<String, ?> options) {
    return K6OptionsParser.parse(options);
  }

  /**
   * How long iterations are started for: maxDuration of the iteration-count executors, duration,
   * or the stages' sum. The run ends at most {@link #gracefulStop()} later.
   */
  public Duration scheduledDuration() {
    return switch (executor) {
      case PER_VU_ITERATIONS, SHARED_ITERATIONS -> maxDuration;
      case CONSTANT_VUS, CONSTANT_ARRIVAL_RATE -> duration;
      case RAMPING_VUS, RAMPING_ARRIVAL_RATE ->
          stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    };
  }

  /** The most VUs this scenario can ever have at once. */
  public int peakVus() {
    return switch (executor) {
      case PER_VU_ITERATIONS, SHARED_ITERATIONS, CONSTANT_VUS -> vus;
      case RAMPING_VUS -> Math.max(vus, stages.stream().mapToInt(Stage::target).max().orElse(0));
      case CONSTANT_ARRIVAL_RATE, RAMPING_ARRIVAL_RATE -> maxVus;
    };
  }

  /** The scenario as k6 options ({@code executor}, {@code vus}, {@code stages}, …), plus {@code thinkTime} and {@code timeScale}. */
  public Map<String, Object> toK6Options() {
    return K6Options.of(this);
  }
}
