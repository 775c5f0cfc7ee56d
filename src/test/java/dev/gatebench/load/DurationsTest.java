package dev.gatebench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.units.DurationCases;
import dev.gatebench.units.DurationFormatException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Scenario stages and k6 options read durations in the one syntax of every entry point. */
class DurationsTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.gatebench.units.DurationCases#valid")
  void stagesAndK6OptionsReadEveryDurationOfTheOneSyntax(String text, Duration expected) {
    Scenario fromOptions = Scenario.fromK6Options(Map.of("executor", "ramping-vus", "startVUs", 0,
        "stages", List.of(Map.of("duration", text, "target", 1)), "gracefulRampDown", text));

    assertThat(Stage.of(text, 1).duration()).as("Stage.of(\"%s\", 1)", text).isEqualTo(expected);
    assertThat(fromOptions.stages().get(0).duration()).as("stage in k6 options").isEqualTo(expected);
    assertThat(fromOptions.gracefulRampDown()).as("gracefulRampDown option").isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.gatebench.units.DurationCases#invalid")
  void refusesWhatIsNoDurationInTheOneMessageShape(String text) {
    assertThatThrownBy(() -> Stage.of(text, 1)).isInstanceOf(DurationFormatException.class)
        .hasMessage("stage duration " + DurationCases.ruleAndValue(text) + "stage duration \"30s\" or \"1m30s\"");
    assertThatThrownBy(() -> Scenario.fromK6Options(Map.of("executor", "constant-vus", "vus", 1, "duration", text)))
        .hasMessage("constant-vus option 'duration' " + DurationCases.ruleAndValue(text)
            + "constant-vus option 'duration' \"30s\" or \"1m30s\"");
  }

  @ParameterizedTest(name = "{0} ms as {1}")
  @CsvSource({"500, 500ms", "30000, 30s", "90000, 1m30s", "3600000, 1h", "1500, 1500ms", "0, 0s"})
  void formatsDurationsAsK6Reads(long millis, String text) {
    assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
  }
}
