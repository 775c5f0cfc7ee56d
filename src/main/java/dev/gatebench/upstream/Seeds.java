package dev.gatebench.upstream;

import java.util.SplittableRandom;

/** Derives independent, reproducible random streams from one seed. */
final class Seeds {

  static final long FAULTS = 0x6661756c74L;
  static final long LATENCY = 0x6c6174656eL;

  private Seeds() {}

  /** A well-mixed 64-bit value from a seed, a purpose and an index (SplitMix64 finaliser). */
  static long mix(long seed, long purpose, long index) {
    long z = finish(seed ^ purpose) + index * 0x9E3779B97F4A7C15L;
    return finish(z);
  }

  private static long finish(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniform double in [0, 1) for the fault decision of one request. */
  static double unitDouble(long seed, long index) {
    return (mix(seed, FAULTS, index) >>> 11) * 0x1.0p-53;
  }

  /** The random stream that draws one request's delays. */
  static SplittableRandom latency(long seed, long index) {
    return new SplittableRandom(mix(seed, LATENCY, index));
  }
}
