package dev.gatebench.units;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The one table of duration texts that every entry point must read alike: settings, scenario
 * stages and k6 options, threshold objects, the load command's flags and the mock's flags. Each
 * entry point's test runs it through {@code @MethodSource("dev.gatebench.units.DurationCases#valid")}.
 */
public final class DurationCases {
  private DurationCases() {}

  /** Text → the duration it means; all positive, so that entry points needing {@code > 0} take them too. */
  public static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("800us", Duration.ofNanos(800_000)),
        Arguments.of("800\u00b5s", Duration.ofNanos(800_000)),
        Arguments.of("1500ns", Duration.ofNanos(1_500)),
        Arguments.of("250ms", Duration.ofMillis(250)),
        Arguments.of("0.5ms", Duration.ofNanos(500_000)),
        Arguments.of("1.5s", Duration.ofMillis(1_500)),
        Arguments.of("30s", Duration.ofSeconds(30)),
        Arguments.of("1m30s", Duration.ofSeconds(90)),
        Arguments.of("1h30m", Duration.ofMinutes(90)),
        Arguments.of("2h", Duration.ofHours(2)),
        Arguments.of("1s500ms", Duration.ofMillis(1_500)));
  }

  /** Texts that are no duration: a unit missing, unknown, misplaced or spaced; a sign; words. */
  public static Stream<String> invalid() {
    return Stream.of("30", "fast", "5 minutes", "1m 30s", "-1s", "1x", "ms", "1.2.3s", "s30");
  }

  /** The rule every entry point's message states, whatever its own prefix and example. */
  public static String ruleAndValue(String text) {
    return "must be a duration, " + DurationText.RULE + ", but was '" + text + "'; e.g. ";
  }
}
