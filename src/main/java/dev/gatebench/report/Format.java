package dev.gatebench.report;

import dev.gatebench.report.gate.MedianShift;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** Number formatting shared by the Markdown and HTML tables. */
final class Format {
  static final String NA = "n/a";

  private Format() {}

  /** Milliseconds: two decimals below 10 ms, one below 1000, none above. */
  static String ms(double ms) {
    if (!Double.isFinite(ms)) return NA;
    int decimals = Math.abs(ms) < 10 ? 2 : Math.abs(ms) < 1000 ? 1 : 0;
    return String.format(Locale.ROOT, "%." + decimals + "f", ms);
  }

  /** An overhead with its sign, e.g. {@code +1.25}. */
  static String signedMs(double ms) {
    if (!Double.isFinite(ms)) return NA;
    return (ms >= 0 ? "+" : "") + ms(ms);
  }

  /** An overhead with its interval, e.g. {@code +19.9 ms [+17.1, +22.8]}; the point alone without one. */
  static String withInterval(double ms, Optional<MedianShift.Estimate> interval) {
    if (!Double.isFinite(ms)) return NA;
    return interval.map(i -> signedMs(ms) + " ms " + range(i)).orElse(signedMs(ms) + " ms");
  }

  /** An interval's bounds, e.g. {@code [+17.1, +22.8]}. */
  static String range(MedianShift.Estimate interval) {
    return "[" + signedMs(interval.lower()) + ", " + signedMs(interval.upper()) + "]";
  }

  static String number(OptionalDouble value, int decimals) {
    return value.isPresent() ? String.format(Locale.ROOT, "%." + decimals + "f", value.getAsDouble()) : NA;
  }

  static String percent(OptionalDouble rate) {
    return rate.isPresent() ? String.format(Locale.ROOT, "%.2f%%", rate.getAsDouble() * 100) : NA;
  }

  static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Markdown table cells cannot hold '|' or newlines. */
  static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
