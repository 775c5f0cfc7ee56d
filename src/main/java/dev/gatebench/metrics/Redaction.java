package dev.gatebench.metrics;

import dev.gatebench.config.BenchConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** Replaces secret-looking settings by {@code ***} wherever a result leaves the process. Stateless. */
final class Redaction {
  static final String MASK = "***";

  private Redaction() {}

  /** A copy of {@code config} with the values of {@link BenchConfig#isSecret secret} names masked. */
  static Map<String, String> redact(Map<String, String> config) {
    Map<String, String> safe = new LinkedHashMap<>(config);
    safe.replaceAll((k, v) -> BenchConfig.isSecret(k) && v != null && !v.isBlank() ? MASK : v);
    return safe;
  }
}
