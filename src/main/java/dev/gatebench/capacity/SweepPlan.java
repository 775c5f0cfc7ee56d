package dev.gatebench.capacity;

import dev.gatebench.load.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The offered rates of a sweep and how long each is held: {@code startRate}, then each rate
 * {@code factor} times the last (rounded up), up to {@code maxRate}. Immutable.
 *
 * @param startRate first offered rate in requests/s, >= 1; e.g. 5
 * @param factor growth from one step to the next, > 1; e.g. 2 (5, 10, 20, ...)
 * @param step how long each rate is offered, >= 1 s; e.g. 20 s
 * @param maxRate the last rate offered at most, >= startRate; e.g. 640
 */
public record SweepPlan(long startRate, double factor, Duration step, long maxRate) {
  /** 5/s doubling to 640/s, 20 s a step. */
  public static final SweepPlan DEFAULT = new SweepPlan(5, 2.0, Duration.ofSeconds(20), 640);
  /** Shortest step a scaled plan keeps: below it the first second's start-up dominates the p99. */
  public static final Duration MIN_STEP = Duration.ofSeconds(2);

  public SweepPlan {
    Objects.requireNonNull(step, "step");
    if (startRate < 1) throw new IllegalArgumentException("gatebench.capacity.startRate must be >= 1 but was " + startRate);
    if (!(factor > 1)) throw new IllegalArgumentException("gatebench.capacity.factor must be > 1 but was " + factor);
    if (step.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("gatebench.capacity.step must be >= 1s but was " + step);
    }
    if (maxRate < startRate) {
      throw new IllegalArgumentException("gatebench.capacity.maxRate must be >= startRate " + startRate
          + " but was " + maxRate);
    }
  }

  /** The offered rates in order, e.g. [5, 10, 20, 40] for 5, x2, up to 40. */
  public List<Long> rates() {
    List<Long> rates = new ArrayList<>();
    for (long rate = startRate; rate <= maxRate; rate = Math.max(rate + 1, (long) Math.ceil(rate * factor))) {
      rates.add(rate);
    }
    return rates;
  }

  /** The same rates with each step {@code timeScale} times as long, never below {@link #MIN_STEP}. */
  public SweepPlan scaled(double timeScale) {
    if (!(timeScale > 0)) throw new IllegalArgumentException("timeScale must be > 0 but was " + timeScale);
    Duration scaled = Duration.ofNanos(Math.round(step.toNanos() * timeScale));
    return new SweepPlan(startRate, factor, scaled.compareTo(MIN_STEP) < 0 ? MIN_STEP : scaled, maxRate);
  }

  /**
   * One step: {@code rate}/s for {@link #step()}, with VUs enough for four times the expected latency
   * (a row slower than that drops arrivals, which ends its sweep) and as long again to finish.
   *
   * @param expected the latency the mock alone gives, > 0; e.g. 1.24 s for 250 ms + 99 x 10 ms
   */
  public Scenario scenario(long rate, Duration expected) {
    double inFlight = rate * (expected.toNanos() / 1e9);
    int maxVus = (int) Math.min(20_000, Math.max(8, Math.ceil(inFlight * 4 + rate)));
    int preAllocated = (int) Math.min(maxVus, Math.ceil(inFlight * 2) + 2);
    return Scenario.constantArrivalRate(rate, Duration.ofSeconds(1), step).preAllocatedVus(preAllocated)
        .maxVus(maxVus).gracefulStop(expected.multipliedBy(4).plusSeconds(2));
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("startRate", startRate);
    map.put("factor", factor);
    map.put("step", step);
    map.put("maxRate", maxRate);
    return map;
  }
}
