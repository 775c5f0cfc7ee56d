package dev.gatebench.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DurationTextTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.gatebench.units.DurationCases#valid")
  void readsEveryK6Unit(String text, Duration expected) {
    assertThat(DurationText.parse("x", text, "x 1s")).as("'%s'", text).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.gatebench.units.DurationCases#invalid")
  void refusesWhatIsNoDurationNamingTheRuleTheValueAndAnExample(String text) {
    assertThatThrownBy(() -> DurationText.parse("gatebench.deadAfter", text, "-Dgatebench.deadAfter=3s"))
        .isInstanceOf(DurationFormatException.class)
        .hasMessage("gatebench.deadAfter " + DurationCases.ruleAndValue(text) + "-Dgatebench.deadAfter=3s");
  }

  @Test
  void readsABareZeroAsGoDoes() {
    assertThat(DurationText.parse("x", "0", "x 1s")).isZero();
  }

  @Test
  void readsTheGreekMuAsTheMicroSign() {
    assertThat(DurationText.parse("x", "3\u03bcs", "x 1s")).isEqualTo(Duration.ofNanos(3_000));
  }

  @ParameterizedTest(name = "{0} ns as {1}")
  @CsvSource({"500000000, 500ms", "30000000000, 30s", "90000000000, 1m30s", "3600000000000, 1h", "800000, 800us",
      "1500, 1500ns", "0, 0s"})
  void writesWhatItReadsBack(long nanos, String text) {
    assertThat(DurationText.format(Duration.ofNanos(nanos))).isEqualTo(text);
    assertThat(DurationText.parse("x", text, "x 1s")).as("read back").isEqualTo(Duration.ofNanos(nanos));
  }
}
