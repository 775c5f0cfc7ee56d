package dev.gatebench.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import dev.gatebench.units.DurationCases;

class BenchConfigTest {

  @Test
  void systemPropertyWinsOverEnvironmentWhichWinsOverFile() {
    BenchConfig config = BenchConfig.of(
        Map.of("TEST_MODEL", "from-property"),
        Map.of("TEST_MODEL", "from-env", "TEST_MAX_TOKENS", "42"),
        Map.of("TEST_MODEL", "from-file", "TEST_MAX_TOKENS", "7", "TEST_TEMPERATURE", "0.2"));

    assertThat(config.testModel()).isEqualTo("from-property");
    assertThat(config.maxTokens()).isEqualTo(42);
    assertThat(config.temperature()).isEqualTo(0.2);
  }

  @Test
  void fallsBackToDefaultsWhenNothingIsSet() {
    BenchConfig config = BenchConfig.of(Map.of(), Map.of(), Map.of());

    assertThat(config.testModel()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(config.maxTokens()).isEqualTo(100);
    assertThat(config.timeScale()).isEqualTo(1.0);
    assertThat(config.stack()).isEqualTo(StackKind.AUTO);
    assertThat(config.upstream()).isEqualTo(UpstreamKind.MOCK);
    assertThat(config.mockTtft()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.gateways()).isEmpty();
  }

  @Test
  void gatebenchNamesMapToUpperSnakeEnvironmentNames() {
    assertThat(BenchConfig.envName("gatebench.timeScale")).isEqualTo("GATEBENCH_TIME_SCALE");
    assertThat(BenchConfig.envName("gatebench.mock.ttft")).isEqualTo("GATEBENCH_MOCK_TTFT");
    assertThat(BenchConfig.envName("TEST_MODEL")).isEqualTo("TEST_MODEL");

    BenchConfig config = BenchConfig.of(Map.of(), Map.of(), Map.of("GATEBENCH_TIME_SCALE", "0.5"));
    assertThat(config.timeScale()).isEqualTo(0.5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1.5", "-0.1"})
  void rejectsTimeScaleOutOfRange(String raw) {
    BenchConfig config = BenchConfig.of(Map.of("gatebench.timeScale", raw), Map.of(), Map.of());

    assertThatThrownBy(config::timeScale)
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.timeScale must be in (0, 1] but was '" + raw
            + "'; e.g. -Dgatebench.timeScale=0.05 for a smoke run");
  }

  @Test
  void rejectsUnknownStackNamingTheChoices() {
    BenchConfig config = BenchConfig.of(Map.of("gatebench.stack", "kubernetes"), Map.of(), Map.of());

    assertThatThrownBy(config::stack)
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.stack must be one of [auto, processes, containers, external] but was "
            + "'kubernetes'; e.g. -Dgatebench.stack=auto");
  }

  @Test
  void rejectsMalformedDuration() {
    BenchConfig config = BenchConfig.of(Map.of("gatebench.mock.ttft", "fast"), Map.of(), Map.of());

    assertThatThrownBy(config::mockTtft)
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.mock.ttft must be a duration, a number and a unit (ns, us, ms, s, m, h or d), or "
            + "several as in 1m30s, but was 'fast'; e.g. -Dgatebench.mock.ttft=250ms");
  }

  @Test
  void parsesFractionalDurations() {
    BenchConfig config = BenchConfig.of(Map.of("gatebench.mock.itl", "0.5ms"), Map.of(), Map.of());

    assertThat(config.mockItl()).isEqualTo(Duration.ofNanos(500_000));
  }

  @Test
  void splitsGatewayListIgnoringCaseAndBlanks() {
    BenchConfig config = BenchConfig.of(Map.of("gatebench.gateways", " LiteLLM, ,direct "), Map.of(), Map.of());

    assertThat(config.gateways()).isEqualTo(List.of("litellm", "direct"));
  }

  @Test
  void redactsSecretsButKeepsOtherSettings() {
    BenchConfig config = BenchConfig.of(Map.of("gatebench.stack", "processes"),
        Map.of("ANTHROPIC_API_KEY", "real-secret-value", "PATH", "/usr/bin"),
        Map.of("LITELLM_MASTER_KEY", "sk-local", "TEST_MODEL", "m", "TEST_MAX_TOKENS", "100"));

    assertThat(config.redacted())
        .containsEntry("ANTHROPIC_API_KEY", "***")
        .containsEntry("LITELLM_MASTER_KEY", "***")
        .containsEntry("TEST_MODEL", "m")
        .containsEntry("TEST_MAX_TOKENS", "100")
        .containsEntry("gatebench.stack", "processes")
        .doesNotContainKey("PATH");
    assertThat(config.redacted().values()).noneMatch(v -> v.contains("secret-value") || v.contains("sk-local"));
  }

  @Test
  void overridesWinOverEverything() {
    BenchConfig config = BenchConfig.of(Map.of("TEST_MODEL", "a"), Map.of(), Map.of())
        .with(Map.of("TEST_MODEL", "b"));

    assertThat(config.testModel()).isEqualTo("b");
  }

  @Test
  void anEmptyTestModelIsRecordedAsTheDefaultThatIsSent() {
    BenchConfig config = BenchConfig.of(Map.of(), Map.of(), Map.of("TEST_MODEL", ""));

    assertThat(config.testModel()).isEqualTo(Defaults.TEST_MODEL);
    assertThat(config.redacted()).as("recorded settings")
        .containsEntry("TEST_MODEL", Defaults.TEST_MODEL)
        .containsEntry("TEST_MAX_TOKENS", Defaults.TEST_MAX_TOKENS)
        .containsEntry("TEST_TEMPERATURE", Defaults.TEST_TEMPERATURE);
  }

  @Test
  void aSwitchIsTrueOrFalseAndNothingElse() {
    BenchConfig config = BenchConfig.of(Map.of("gatebench.stream", "TRUE", "gatebench.updateBaseline", "yes"),
        Map.of(), Map.of());

    assertThat(config.flag("gatebench.stream", false)).isTrue();
    assertThat(config.flag("gatebench.monitoring", false)).as("unset").isFalse();
    assertThatThrownBy(() -> config.flag("gatebench.updateBaseline", false))
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.updateBaseline must be true or false but was 'yes'; e.g. -Dgatebench.updateBaseline=true");
  }

  @Test
  void checksAreEnforcedOrReportedAndNothingElse() {
    assertThat(BenchConfig.of(Map.of(), Map.of(), Map.of()).checks()).as("unset").isEqualTo(CheckMode.ENFORCE);
    assertThat(BenchConfig.of(Map.of("gatebench.checks", "Report"), Map.of(), Map.of()).checks())
        .as("any case").isEqualTo(CheckMode.REPORT);
    BenchConfig typo = BenchConfig.of(Map.of(), Map.of("GATEBENCH_CHECKS", "warn"), Map.of());

    assertThatThrownBy(typo::checks)
        .isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.checks must be enforce or report but was 'warn'; -Dgatebench.checks=report records "
            + "a gateway row's failed checks without failing it, -Dgatebench.checks=enforce (the default) fails the row");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-0.1", "2.5", "NaN"})
  void rejectsTemperatureOutsideWhatApisAccept(String raw) {
    BenchConfig config = BenchConfig.of(Map.of("TEST_TEMPERATURE", raw), Map.of(), Map.of());

    assertThatThrownBy(config::temperature).isInstanceOf(BenchConfigException.class)
        .hasMessage("TEST_TEMPERATURE must be in [0, 2] but was '" + raw + "'; e.g. TEST_TEMPERATURE=0.7");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.gatebench.units.DurationCases#valid")
  void readsEveryDurationOfTheOneSyntax(String text, Duration expected) {
    BenchConfig config = BenchConfig.of(Map.of("gatebench.mock.ttft", text), Map.of(), Map.of());

    assertThat(config.mockTtft()).as("-Dgatebench.mock.ttft=%s", text).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.gatebench.units.DurationCases#invalid")
  void refusesWhatIsNoDurationInTheOneMessageShape(String text) {
    BenchConfig config = BenchConfig.of(Map.of("gatebench.deadAfter", text), Map.of(), Map.of());

    assertThatThrownBy(() -> config.duration("gatebench.deadAfter", "3s")).isInstanceOf(BenchConfigException.class)
        .hasMessage("gatebench.deadAfter " + DurationCases.ruleAndValue(text) + "-Dgatebench.deadAfter=3s");
  }
}
