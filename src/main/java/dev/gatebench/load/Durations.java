package dev.gatebench.load;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** k6's duration strings ({@code "500ms"}, {@code "30s"}, {@code "1m30s"}, {@code "2h"}) to and from {@link Duration}. */
final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  private Durations() {}

  /** Parses a k6 duration; throws naming the text and the accepted form. */
  static Duration parse(String text) {
    if (text == null || text.isBlank()) throw badDuration(text);
    Matcher m = PART.matcher(text.trim());
    double nanos = 0;
    int end = 0;
    while (m.find() && m.start() == end) {
      nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2));
      end = m.end();
    }
    if (end != text.trim().length()) throw badDuration(text);
    return Duration.ofNanos(Math.round(nanos));
  }

  /** Writes a duration as k6 would read it: {@code 1m30s}, or {@code 1500ms} when not whole seconds. */
  static String format(Duration d) {
    if (d.isZero()) return "0s";
    if (d.getNano() != 0) {
      return d.getNano() % 1_000_000 == 0 ? d.toMillis() + "ms" : d.toNanos() + "ns";
    }
    long s = d.getSeconds();
    StringBuilder out = new StringBuilder();
    if (s >= 3600) out.append(s / 3600).append('h');
    if (s % 3600 >= 60) out.append(s % 3600 / 60).append('m');
    if (s % 60 != 0) out.append(s % 60).append('s');
    return out.toString();
  }

  /** Multiplies keeping nanosecond resolution; {@code factor} > 0. */
  static Duration scale(Duration d, double factor) {
    return Duration.ofNanos(Math.round(d.toNanos() * factor));
  }

  private static double unitNanos(String unit) {
    return switch (unit) {
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      default -> 3600e9;
    };
  }

  private static IllegalArgumentException badDuration(String text) {
    return new IllegalArgumentException("duration '" + text
        + "' is not a k6 duration; use a number with ms, s, m or h, e.g. \"30s\" or \"1m30s\"");
  }
}
