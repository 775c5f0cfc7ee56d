package dev.gatebench.upstream;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which faults the mock injects and how often. Each request draws one number from the mock's
 * seed and its sequence number, so a run with the same seed and order injects the same faults.
 * At most one fault per request; the rates add up to at most 1. Immutable and thread-safe.
 *
 * @param rates fault rates, each in [0, 1], summing to at most 1; e.g. {@code {SERVER_ERROR=0.05}}
 * @param stall how long a {@link FaultKind#STALL} sends nothing, >= 0; e.g. {@code Duration.ofSeconds(5)}
 * @param closeAfterStall whether a stall ends by closing the connection instead of continuing
 * @param retryAfter the {@code retry-after} a 429 carries, >= 0, whole seconds are sent
 */
public record FaultPlan(Map<FaultKind, Double> rates, Duration stall, boolean closeAfterStall,
    Duration retryAfter) {

  public FaultPlan {
    Objects.requireNonNull(rates, "rates");
    requireNonNegative("stall", stall);
    requireNonNegative("retryAfter", retryAfter);
    EnumMap<FaultKind, Double> copy = new EnumMap<>(FaultKind.class);
    double sum = 0;
    for (Map.Entry<FaultKind, Double> e : rates.entrySet()) {
      double rate = Objects.requireNonNull(e.getValue(), "rate of " + e.getKey());
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException(
            "fault rate of " + e.getKey().shortName() + " must be in [0, 1] but was " + rate);
      }
      copy.put(Objects.requireNonNull(e.getKey(), "fault kind"), rate);
      sum += rate;
    }
    if (sum > 1 + 1e-9) {
      throw new IllegalArgumentException("fault rates must sum to <= 1 but summed to " + sum);
    }
    rates = Collections.unmodifiableMap(copy);
  }

  /** No faults; stalls last 5 s and continue; 429s say retry after 1 s. */
  public static FaultPlan none() {
    return new FaultPlan(Map.of(), Duration.ofSeconds(5), false, Duration.ofSeconds(1));
  }

  /** A copy that injects {@code kind} at {@code rate}, in [0, 1]; e.g. {@code with(SERVER_ERROR, 0.05)}. */
  public FaultPlan with(FaultKind kind, double rate) {
    EnumMap<FaultKind, Double> copy = new EnumMap<>(FaultKind.class);
    copy.putAll(rates);
    copy.put(kind, rate);
    return new FaultPlan(copy, stall, closeAfterStall, retryAfter);
  }

  /** A copy whose stalls last {@code duration} and then continue or close. */
  public FaultPlan withStall(Duration duration, boolean thenClose) {
    return new FaultPlan(rates, duration, thenClose, retryAfter);
  }

  /** A copy whose 429s carry this {@code retry-after}. */
  public FaultPlan withRetryAfter(Duration duration) {
    return new FaultPlan(rates, stall, closeAfterStall, duration);
  }

  /** The rate of one fault, 0 when the plan does not inject it. */
  public double rate(FaultKind kind) {
    return rates.getOrDefault(kind, 0.0);
  }

  /**
   * The fault for one request, decided from the seed and the request's sequence number alone.
   *
   * @param seed the mock's seed
   * @param requestIndex the request's sequence number, >= 0
   */
  public Optional<FaultKind> decide(long seed, long requestIndex) {
    if (rates.isEmpty()) {
      return Optional.empty();
    }
    double draw = Seeds.unitDouble(seed, requestIndex);
    double upper = 0;
    for (Map.Entry<FaultKind, Double> e : rates.entrySet()) {
      upper += e.getValue();
      if (draw < upper) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  /** JSON-friendly description for result files. */
  public Map<String, Object> describe() {
    Map<String, Object> rateMap = new LinkedHashMap<>();
    rates.forEach((kind, rate) -> rateMap.put(kind.shortName(), rate));
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("rates", rateMap);
    map.put("stallMs", stall.toMillis());
    map.put("closeAfterStall", closeAfterStall);
    map.put("retryAfterSeconds", retryAfter.toSeconds());
    return map;
  }

  private static void requireNonNegative(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException("fault plan " + name + " must be >= 0 but was " + value);
    }
  }
}
