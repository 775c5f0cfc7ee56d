package dev.gatebench.metrics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts free-form values into the form they have after a trip through JSON, so that a result read
 * back from its file equals the one written: whole numbers as Integer (Long beyond int range),
 * other numbers as Double, text as String, enums by name, durations and times in ISO-8601, maps
 * with String keys, collections as lists. Other objects are kept as they are. Stateless.
 */
final class JsonValues {
  private JsonValues() {}

  /** An unmodifiable copy of {@code map} with every value canonical; null values are rejected. */
  static Map<String, Object> canonicalMap(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(key, canonical(value)));
    return Map.copyOf(copy);
  }

  static Object canonical(Object value) {
    return switch (value) {
      case null -> null;
      case Integer i -> i;
      case Long l -> narrow(l);
      case Short s -> s.intValue();
      case Byte b -> b.intValue();
      case BigInteger big -> big.bitLength() < 64 ? narrow(big.longValue()) : big;
      case Float f -> f.doubleValue();
      case BigDecimal big -> big.doubleValue();
      case CharSequence text -> text.toString();
      case Enum<?> e -> e.name();
      case Duration d -> d.toString();
      case Temporal t -> t.toString();
      case Map<?, ?> m -> nestedMap(m);
      case Collection<?> c -> list(c);
      case Object[] array -> list(List.of(array));
      default -> value;
    };
  }

  /** An Integer when it fits, as Jackson reads it; a plain ternary would box both arms as Long. */
  private static Object narrow(long value) {
    if (value == (int) value) return Integer.valueOf((int) value);
    return Long.valueOf(value);
  }

  private static Map<String, Object> nestedMap(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), canonical(value)));
    return Collections.unmodifiableMap(copy);
  }

  private static List<Object> list(Collection<?> values) {
    List<Object> copy = new ArrayList<>(values.size());
    for (Object value : values) copy.add(canonical(value));
    return Collections.unmodifiableList(copy);
  }
}
