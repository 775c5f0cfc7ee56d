package dev.gatebench.report.gate;

import dev.gatebench.config.BenchConfig;
import dev.gatebench.config.BenchConfigException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * How strict the regression gate is. A regression fails the build only when it is both
 * significant ({@code p < alpha}) and large enough ({@link #minEffectMs(double)}).
 *
 * @param alpha significance level in (0, 0.5); default {@value #DEFAULT_ALPHA} ({@code gatebench.gate.alpha})
 * @param minEffectMs smallest shift in ms that may fail, >= 0; default {@value #DEFAULT_MIN_EFFECT_MS}
 *     ({@code gatebench.gate.minEffectMs})
 * @param minEffectPct smallest shift as a percentage of the baseline overhead, >= 0; default
 *     {@value #DEFAULT_MIN_EFFECT_PCT} ({@code gatebench.gate.minEffectPct})
 * @param alternative the test's direction; default {@link Alternative#SLOWER} ({@code gatebench.gate.alternative})
 * @param resamples bootstrap rounds for the confidence interval, >= 100; default {@value #DEFAULT_RESAMPLES}
 * @param seed bootstrap seed, so a verdict is reproducible; default {@value #DEFAULT_SEED}
 */
public record GateSettings(double alpha, double minEffectMs, double minEffectPct, Alternative alternative,
    int resamples, long seed) {
  public static final double DEFAULT_ALPHA = 0.01;
  public static final double DEFAULT_MIN_EFFECT_MS = 1.0;
  public static final double DEFAULT_MIN_EFFECT_PCT = 5.0;
  public static final int DEFAULT_RESAMPLES = 2000;
  public static final long DEFAULT_SEED = 20261127L;

  public GateSettings {
    if (!(alpha > 0 && alpha < 0.5)) throw new IllegalArgumentException("alpha must be in (0, 0.5) but was " + alpha);
    if (!(minEffectMs >= 0)) throw new IllegalArgumentException("minEffectMs must be >= 0 but was " + minEffectMs);
    if (!(minEffectPct >= 0)) throw new IllegalArgumentException("minEffectPct must be >= 0 but was " + minEffectPct);
    Objects.requireNonNull(alternative, "alternative");
    if (resamples < 100) throw new IllegalArgumentException("resamples must be >= 100 but was " + resamples);
  }

  /** The defaults listed above. */
  public static GateSettings defaults() {
    return new GateSettings(DEFAULT_ALPHA, DEFAULT_MIN_EFFECT_MS, DEFAULT_MIN_EFFECT_PCT, Alternative.SLOWER,
        DEFAULT_RESAMPLES, DEFAULT_SEED);
  }

  /** Reads {@code gatebench.gate.*}; unset values take the defaults. */
  public static GateSettings from(BenchConfig config) {
    GateSettings d = defaults();
    try {
      return new GateSettings(
          read(config, "gatebench.gate.alpha", Double::parseDouble, d.alpha()),
          read(config, "gatebench.gate.minEffectMs", Double::parseDouble, d.minEffectMs()),
          read(config, "gatebench.gate.minEffectPct", Double::parseDouble, d.minEffectPct()),
          read(config, "gatebench.gate.alternative",
              v -> Alternative.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_')), d.alternative()),
          read(config, "gatebench.gate.resamples", Integer::parseInt, d.resamples()),
          read(config, "gatebench.gate.seed", Long::parseLong, d.seed()));
    } catch (IllegalArgumentException e) {
      throw new BenchConfigException("gatebench.gate settings are invalid: " + e.getMessage()
          + "; e.g. -Dgatebench.gate.alpha=0.01 -Dgatebench.gate.minEffectMs=1 -Dgatebench.gate.minEffectPct=5", e);
    }
  }

  /**
   * Level of the bootstrap interval, chosen so that its lower bound is a level-alpha bound in the
   * test's direction: 1 - 2 alpha for {@link Alternative#SLOWER} (e.g. 0.98, a one-sided 99 % lower
   * bound), 1 - alpha for {@link Alternative#TWO_SIDED}.
   */
  public double intervalConfidence() {
    return alternative == Alternative.SLOWER ? 1 - 2 * alpha : 1 - alpha;
  }

  /** The effect a regression must reach: the larger of minEffectMs and minEffectPct of |baseline|. */
  public double minEffectMs(double baselineMs) {
    return Math.max(minEffectMs, minEffectPct / 100 * Math.abs(baselineMs));
  }

  private static <T> T read(BenchConfig config, String name, Function<String, T> parse, T fallback) {
    return config.get(name).map(raw -> {
      try {
        return parse.apply(raw);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " cannot be '" + raw + "'", e);
      }
    }).orElse(fallback);
  }
}
