package dev.gatebench.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.units.DurationCases;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The standalone flags build the right mock; a mistake names flag, value and a fix. */
class FlagsTest {

  @Test
  void buildsAMockFromFlags() {
    try (MockUpstream mock = Flags.parse("--port", "0", "--ttft", "250ms", "--itl", "uniform(5ms,15ms)",
        "--tokens", "7", "--seed", "9", "--fault", "500=0.05", "--fault", "reset=0.01", "--stall", "2s",
        "--stall-then-close").start()) {
      assertThat(mock.latency()).isEqualTo(LatencyProfile.of(Delay.fixed(Duration.ofMillis(250)),
          Delay.uniform(Duration.ofMillis(5), Duration.ofMillis(15))));
      assertThat(mock.faults().rate(FaultKind.SERVER_ERROR)).isEqualTo(0.05);
      assertThat(mock.faults().rate(FaultKind.CONNECTION_RESET)).isEqualTo(0.01);
      assertThat(mock.faults().stall()).isEqualTo(Duration.ofSeconds(2));
      assertThat(mock.faults().closeAfterStall()).isTrue();
      assertThat(mock.describe()).containsEntry("seed", 9L).containsEntry("outputTokens", 7);
    }
  }

  @Test
  void readsHowOftenToReportLatenessAndDefaultsToNever() {
    assertThat(Flags.options("--report-every", "5s").reportEvery()).isEqualTo(Duration.ofSeconds(5));
    assertThat(Flags.options().reportEvery()).isZero();
  }

  @Test
  void namesFlagValueAndFixForABadDelay() {
    assertThatThrownBy(() -> Flags.parse("--ttft", "fast"))
        .hasMessage("invalid value 'fast' for --ttft: delay 'fast' is not a duration; " + DelayParser.FORMS
            + "; e.g. --ttft 250ms");
  }

  @Test
  void namesFlagValueAndFixForABadFault() {
    assertThatThrownBy(() -> Flags.parse("--fault", "500=2"))
        .hasMessage("invalid value '500=2' for --fault: fault rate of 500 must be in [0, 1] but was 2.0; e.g. --fault 500=0.05");
  }

  @Test
  void namesFlagValueAndFixForABadPort() {
    assertThatThrownBy(() -> Flags.parse("--port", "http"))
        .hasMessage("invalid value 'http' for --port: For input string: \"http\"; e.g. --port 8080");
  }

  @Test
  void rejectsUnknownFlagsAndMissingValues() {
    assertThatThrownBy(() -> Flags.parse("--colour", "red")).hasMessage("unknown flag '--colour'; see --help for the flags");
    assertThatThrownBy(() -> Flags.parse("--port")).hasMessage("flag --port needs a value; see --help");
  }

  @Test
  void helpIsAFlagOfItsOwn() {
    assertThatThrownBy(() -> Flags.parse("--help")).isInstanceOf(Flags.HelpRequested.class);
    assertThat(Flags.USAGE).contains("--ttft", "--fault NAME=RATE", "reset");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.gatebench.units.DurationCases#valid")
  void readsEveryDurationFlagInTheOneSyntax(String text, Duration expected) {
    Flags.Options options = Flags.options("--stall", text, "--report-every", text, "--ttft", text,
        "--itl", "uniform(" + text + "," + text + ")");
    try (MockUpstream mock = options.builder().port(0).start()) {
      assertThat(mock.faults().stall()).as("--stall %s", text).isEqualTo(expected);
      assertThat(options.reportEvery()).as("--report-every %s", text).isEqualTo(expected);
      assertThat(mock.latency()).as("--ttft %s", text)
          .isEqualTo(LatencyProfile.of(Delay.fixed(expected), Delay.uniform(expected, expected)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.gatebench.units.DurationCases#invalid")
  void refusesADurationFlagThatIsNoDurationInTheOneMessageShape(String text) {
    assertThatThrownBy(() -> Flags.options("--stall", text))
        .hasMessage("--stall " + DurationCases.ruleAndValue(text) + "--stall 5s");
  }
}
