package dev.gatebench.upstream;

import dev.gatebench.units.DurationFormatException;
import dev.gatebench.units.DurationText;
import java.time.Duration;

/** Parses the textual delay forms accepted by {@link Delay#parse(String)}. */
final class DelayParser {

  static final String FORMS = "e.g. 250ms, 1.5s, 800us, 0, uniform(100ms,300ms) or lognormal(250ms,900ms)";

  private DelayParser() {}

  static Delay parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("delay must not be blank; " + FORMS);
    }
    String trimmed = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (trimmed.startsWith("uniform(") && trimmed.endsWith(")")) {
      Duration[] pair = pair(trimmed, "uniform(".length(), text);
      return Delay.uniform(pair[0], pair[1]);
    }
    if (trimmed.startsWith("lognormal(") && trimmed.endsWith(")")) {
      Duration[] pair = pair(trimmed, "lognormal(".length(), text);
      return Delay.logNormal(pair[0], pair[1]);
    }
    return Delay.fixed(duration(trimmed, text));
  }

  private static Duration[] pair(String trimmed, int start, String original) {
    String[] parts = trimmed.substring(start, trimmed.length() - 1).split(",");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "delay '" + original + "' needs exactly two durations; " + FORMS);
    }
    return new Duration[] {duration(parts[0].trim(), original), duration(parts[1].trim(), original)};
  }

  /** One duration of a delay, in gatebench's one syntax ({@link DurationText}); a bare 0 is allowed. */
  static Duration duration(String value, String original) {
    try {
      return DurationText.parse("delay", value, "250ms");
    } catch (DurationFormatException e) {
      throw new IllegalArgumentException("delay '" + original + "' is not a duration; " + FORMS, e);
    }
  }
}
