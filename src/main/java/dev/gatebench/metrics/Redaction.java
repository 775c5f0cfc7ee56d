package dev.gatebench.metrics;

import dev.gatebench.config.BenchConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces secrets by {@code ***} wherever a result leaves the process: the values of
 * {@link BenchConfig#isSecret secret-named} settings, those same values wherever they recur inside
 * another setting (a header or URL built from a key), and the user-info of URLs
 * ({@code http://user:password@host}). Stateless.
 */
final class Redaction {
  static final String MASK = "***";
  /** Shorter values are too likely to occur by chance (a key set to "1" must not mask every "1"). */
  static final int MIN_RECURRING_SECRET_CHARS = 6;
  private static final Pattern URL_USER_INFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]+@");

  private Redaction() {}

  /** A copy of {@code config} with every secret masked; keys and order kept. */
  static Map<String, String> redact(Map<String, String> config) {
    List<String> secrets = config.entrySet().stream()
        .filter(e -> BenchConfig.isSecret(e.getKey()) && e.getValue() != null)
        .map(e -> e.getValue().strip()).filter(v -> v.length() >= MIN_RECURRING_SECRET_CHARS).toList();
    Map<String, String> safe = new LinkedHashMap<>(config);
    safe.replaceAll((k, v) -> {
      if (v == null || v.isBlank()) return v;
      return BenchConfig.isSecret(k) ? MASK : maskWithin(v, secrets);
    });
    return safe;
  }

  private static String maskWithin(String value, List<String> secrets) {
    String masked = value;
    for (String secret : secrets) masked = masked.replace(secret, MASK);
    return URL_USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
  }
}
