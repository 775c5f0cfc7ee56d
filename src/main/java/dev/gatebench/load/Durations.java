package dev.gatebench.load;

import dev.gatebench.units.DurationText;
import java.time.Duration;

/** k6's duration strings ({@code "500ms"}, {@code "30s"}, {@code "1m30s"}) in scenarios: {@link DurationText}'s syntax. */
final class Durations {
  private Durations() {}

  /**
   * Parses a k6 duration.
   *
   * @param name the option or stage it is, for the message, e.g. {@code stage duration}
   * @throws dev.gatebench.units.DurationFormatException naming it, the rule and the text
   */
  static Duration parse(String name, String text) {
    return DurationText.parse(name, text, name + " \"30s\" or \"1m30s\"");
  }

  /** Writes a duration as k6 would read it: {@code 1m30s}, or {@code 1500ms} when not whole seconds. */
  static String format(Duration d) {
    return DurationText.format(d);
  }

  /** Multiplies keeping nanosecond resolution; {@code factor} > 0. */
  static Duration scale(Duration d, double factor) {
    return Duration.ofNanos(Math.round(d.toNanos() * factor));
  }
}
