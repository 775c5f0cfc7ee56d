package dev.gatebench.report;

import java.util.Locale;
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
