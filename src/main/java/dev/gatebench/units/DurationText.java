package dev.gatebench.units;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as k6 writes them (Go's {@code time.ParseDuration} plus days): a number and a unit, or
 * several in a row — {@code 800us}, {@code 250ms}, {@code 1.5s}, {@code 1m30s}, {@code 2h}, {@code 1d} —
 * and a bare {@code 0}. Units: {@code ns}, {@code us} (or {@code µs}), {@code ms}, {@code s}, {@code m},
 * {@code h}, {@code d}. Negative durations are refused: no gatebench duration can be one. Thread-safe.
 */
public final class DurationText {
  /** The rule, as every message about a duration states it. */
  public static final String RULE = "a number and a unit (ns, us, ms, s, m, h or d), or several as in 1m30s";
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h|d)");

  private DurationText() {}

  /**
   * Parses {@code text}; a mistake is said in one shape wherever the duration came from:
   * {@code <name> must be a duration, <RULE>, but was '<text>'; e.g. <example>}.
   *
   * @param name what the duration is, e.g. {@code gatebench.mock.ttft} or {@code --duration}
   * @param example a good way to write it where it came from, e.g. {@code -Dgatebench.mock.ttft=250ms}
   * @throws DurationFormatException when {@code text} is not a duration
   */
  public static Duration parse(String name, String text, String example) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.equals("0")) return Duration.ZERO;
    Matcher part = PART.matcher(trimmed);
    BigDecimal nanos = BigDecimal.ZERO;
    int end = 0;
    while (part.find() && part.start() == end) {
      nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(unitNanos(part.group(2)))));
      end = part.end();
    }
    if (end == 0 || end != trimmed.length()) throw new DurationFormatException(message(name, text, example));
    try {
      return Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    } catch (ArithmeticException tooLong) {
      throw new DurationFormatException(message(name, text, example) + " (at most 292 years)");
    }
  }

  /** The message of a duration that does not parse; for callers that check more than the syntax. */
  public static String message(String name, String text, String example) {
    return name + " must be a duration, " + RULE + ", but was '" + text + "'; e.g. " + example;
  }

  /**
   * Writes a duration so that {@link #parse} reads it back exactly, as k6 would write it:
   * {@code 1m30s}, {@code 1500ms}, {@code 800us}, {@code 0s}.
   */
  public static String format(Duration d) {
    if (d.isZero()) return "0s";
    if (d.getNano() != 0) {
      if (d.getNano() % 1_000_000 == 0) return d.toMillis() + "ms";
      return d.getNano() % 1_000 == 0 ? d.toNanos() / 1_000 + "us" : d.toNanos() + "ns";
    }
    long s = d.getSeconds();
    StringBuilder out = new StringBuilder();
    if (s >= 3600) out.append(s / 3600).append('h');
    if (s % 3600 >= 60) out.append(s % 3600 / 60).append('m');
    if (s % 60 != 0) out.append(s % 60).append('s');
    return out.toString();
  }

  private static long unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "\u00b5s", "\u03bcs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> 86_400_000_000_000L;
    };
  }
}
