package dev.gatebench.upstream;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A delay the mock waits: fixed, or drawn from a distribution with a seeded random source.
 *
 * <p>Immutable and thread-safe. Parse the CLI and property syntax with {@link #parse(String)}:
 * {@code 250ms}, {@code uniform(100ms,300ms)}, {@code lognormal(250ms,900ms)} (p50, p99).
 */
public sealed interface Delay permits Delay.Fixed, Delay.Uniform, Delay.LogNormal {

  /** A delay of zero. */
  Delay ZERO = new Fixed(Duration.ZERO);

  /** Draws one delay in nanoseconds, >= 0. */
  long sampleNanos(SplittableRandom random);

  /** The median delay; the value itself for a fixed delay. */
  Duration median();

  /** JSON-friendly description, e.g. {@code {kind=fixed, ms=250.0}}. */
  Map<String, Object> describe();

  /** @param delay >= 0; e.g. {@code Duration.ofMillis(250)} */
  static Delay fixed(Duration delay) {
    return new Fixed(delay);
  }

  /** Uniform in [min, max]; 0 <= min <= max. */
  static Delay uniform(Duration min, Duration max) {
    return new Uniform(min, max);
  }

  /** Log-normal with the given median and 99th percentile; 0 < p50 <= p99. */
  static Delay logNormal(Duration p50, Duration p99) {
    return new LogNormal(p50, p99);
  }

  /**
   * Parses {@code 250ms}, {@code 1.5s}, {@code 800us}, {@code 0}, {@code uniform(a,b)} or
   * {@code lognormal(p50,p99)}.
   *
   * @throws IllegalArgumentException naming the value and the accepted forms
   */
  static Delay parse(String text) {
    return DelayParser.parse(text);
  }

  /** A constant delay. */
  record Fixed(Duration delay) implements Delay {
    public Fixed {
      requireNonNegative("delay", delay);
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      return delay.toNanos();
    }

    @Override
    public Duration median() {
      return delay;
    }

    @Override
    public Map<String, Object> describe() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("kind", "fixed");
      map.put("ms", millis(delay));
      return map;
    }
  }

  /** A delay drawn uniformly from [min, max]. */
  record Uniform(Duration min, Duration max) implements Delay {
    public Uniform {
      requireNonNegative("min", min);
      requireNonNegative("max", max);
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException(
            "uniform delay max must be >= min but was max=" + max + ", min=" + min);
      }
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      long spanNanos = max.toNanos() - min.toNanos();
      return min.toNanos() + (spanNanos == 0 ? 0 : random.nextLong(spanNanos + 1));
    }

    @Override
    public Duration median() {
      return min.plus(max.minus(min).dividedBy(2));
    }

    @Override
    public Map<String, Object> describe() {
      return ordered("uniform", "minMs", millis(min), "maxMs", millis(max));
    }
  }

  /** A log-normal delay given by its median and 99th percentile. */
  record LogNormal(Duration p50, Duration p99) implements Delay {
    /** z-score of the 99th percentile of the standard normal distribution. */
    private static final double Z_99 = 2.3263478740408408;

    public LogNormal {
      requireNonNegative("p50", p50);
      requireNonNegative("p99", p99);
      if (p50.isZero() || p99.compareTo(p50) < 0) {
        throw new IllegalArgumentException(
            "lognormal delay needs 0 < p50 <= p99 but was p50=" + p50 + ", p99=" + p99);
      }
    }

    @Override
    public long sampleNanos(SplittableRandom random) {
      double mu = Math.log(p50.toNanos());
      double sigma = (Math.log(p99.toNanos()) - mu) / Z_99;
      return Math.round(Math.exp(mu + sigma * gaussian(random)));
    }

    @Override
    public Duration median() {
      return p50;
    }

    @Override
    public Map<String, Object> describe() {
      return ordered("lognormal", "p50Ms", millis(p50), "p99Ms", millis(p99));
    }

    // Box-Muller: SplittableRandom has no nextGaussian on release 21 without RandomGenerator casts.
    private static double gaussian(SplittableRandom random) {
      double u1 = 1.0 - random.nextDouble();
      double u2 = random.nextDouble();
      return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
  }

  private static void requireNonNegative(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException("delay " + name + " must be >= 0 but was " + value);
    }
  }

  private static double millis(Duration value) {
    return value.toNanos() / 1_000_000.0;
  }

  private static Map<String, Object> ordered(String kind, String k1, Object v1, String k2, Object v2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kind", kind);
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }
}
