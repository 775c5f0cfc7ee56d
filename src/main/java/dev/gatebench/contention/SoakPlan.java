package dev.gatebench.contention;

import dev.gatebench.load.Scenario;
import dev.gatebench.upstream.FaultPlan;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A soak: a constant arrival rate for a long time with the upstream failing part of the time, the row's
 * memory and open file descriptors sampled throughout. Immutable.
 *
 * @param rate requests per second, >= 1; e.g. 10
 * @param duration how long, >= 10 s; e.g. 10 minutes
 * @param promptTokens prompt size of every request, >= 16: a row that keeps request bodies shows it sooner
 * @param faults what the mock injects meanwhile, e.g. 5 % 500 and 5 % 529
 * @param warmUp the share of the soak left out of the fits, in [0, 0.8]; memory settles after start-up
 * @param rssBoundMiB how many MiB per 10 minutes memory may grow by the fit, > 0; e.g. 50
 * @param fdBound how many descriptors per 10 minutes the fit may grow by, > 0; e.g. 100
 * @param sampleEvery how often memory and descriptors are read, >= 100 ms; e.g. 1 s
 */
public record SoakPlan(long rate, Duration duration, int promptTokens, FaultPlan faults, double warmUp,
    double rssBoundMiB, double fdBound, Duration sampleEvery) {
  /** A scaled soak never lasts less than this: a slope needs samples. */
  public static final Duration MIN_DURATION = Duration.ofSeconds(20);

  public SoakPlan {
    OpenLoad.requireValid("soak", rate, duration, Duration.ofSeconds(10));
    if (promptTokens < 16) throw new IllegalArgumentException("soak promptTokens must be >= 16 but was " + promptTokens);
    Objects.requireNonNull(faults, "faults");
    if (!(warmUp >= 0 && warmUp <= 0.8)) throw new IllegalArgumentException("soak warmUp must be in [0, 0.8] but was " + warmUp);
    if (!(rssBoundMiB > 0) || !(fdBound > 0)) {
      throw new IllegalArgumentException("soak bounds must be > 0 but were rss " + rssBoundMiB + " MiB, fds " + fdBound);
    }
    Objects.requireNonNull(sampleEvery, "sampleEvery");
    if (sampleEvery.compareTo(Duration.ofMillis(100)) < 0) {
      throw new IllegalArgumentException("soak sampleEvery must be >= 100ms but was " + sampleEvery);
    }
  }

  /** {@code rate}/s for {@code duration}, 1k-token prompts, no faults, 25 % warm-up, 50 MiB and 100 fds per 10 min. */
  public static SoakPlan of(long rate, Duration duration) {
    return new SoakPlan(rate, duration, 1000, FaultPlan.none(), 0.25, 50, 100, Duration.ofSeconds(1));
  }

  public SoakPlan withFaults(FaultPlan value) {
    return new SoakPlan(rate, duration, promptTokens, value, warmUp, rssBoundMiB, fdBound, sampleEvery);
  }

  /** Bounds per 10 minutes of the least-squares fits after the warm-up. */
  public SoakPlan withBounds(double rssMiB, double fds) {
    return new SoakPlan(rate, duration, promptTokens, faults, warmUp, rssMiB, fds, sampleEvery);
  }

  public SoakPlan withPromptTokens(int tokens) {
    return new SoakPlan(rate, duration, tokens, faults, warmUp, rssBoundMiB, fdBound, sampleEvery);
  }

  /** {@code timeScale} times as long, never below {@link #MIN_DURATION}. */
  public SoakPlan scaled(double timeScale) {
    return new SoakPlan(rate, OpenLoad.scaled(duration, timeScale, MIN_DURATION), promptTokens, faults, warmUp,
        rssBoundMiB, fdBound, sampleEvery);
  }

  public Scenario scenario() {
    return OpenLoad.scenario(rate, duration);
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("rate", rate);
    map.put("durationMs", duration.toMillis());
    map.put("promptTokens", promptTokens);
    map.put("faults", faults.describe());
    map.put("warmUp", warmUp);
    map.put("rssBoundMiBPer10Min", rssBoundMiB);
    map.put("fdBoundPer10Min", fdBound);
    return map;
  }
}
