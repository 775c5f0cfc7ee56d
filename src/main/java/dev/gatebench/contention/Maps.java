package dev.gatebench.contention;

import java.util.Map;
import java.util.Optional;

/** Reading and writing the JSON-friendly maps results keep in their environment. */
final class Maps {
  private Maps() {}

  /** Leaves NaN out: JSON has no NaN, and a missing key reads back as NaN. */
  static void putFinite(Map<String, Object> map, String key, double value) {
    if (Double.isFinite(value)) map.put(key, value);
  }

  static double number(Map<?, ?> map, String key) {
    return map.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  static Optional<Map<?, ?>> section(Map<?, ?> map, String key) {
    return map.get(key) instanceof Map<?, ?> m ? Optional.of(m) : Optional.empty();
  }
}
