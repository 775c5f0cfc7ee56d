package dev.gatebench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioTest {

  @Test
  void describesRampingVusAsK6Options() {
    Scenario scenario = Scenario.rampingVus(1, Stage.of("30s", 5), Stage.of("1m", 10))
        .thinkTime(Duration.ofSeconds(1));

    assertThat(scenario.toK6Options())
        .containsEntry("executor", "ramping-vus")
        .containsEntry("startVUs", 1)
        .containsEntry("stages", List.of(Map.of("duration", "30s", "target", 5), Map.of("duration", "1m", "target", 10)))
        .containsEntry("gracefulRampDown", "30s")
        .containsEntry("gracefulStop", "30s")
        .containsEntry("thinkTime", "1s")
        .doesNotContainKey("vus");
  }

  @Test
  void describesConstantArrivalRateWithItsVuPool() {
    Scenario scenario = Scenario.constantArrivalRate(200, Duration.ofSeconds(1), Duration.ofSeconds(30))
        .preAllocatedVus(50).maxVus(500);

    assertThat(scenario.toK6Options()).containsEntry("executor", "constant-arrival-rate")
        .containsEntry("rate", 200L).containsEntry("timeUnit", "1s").containsEntry("duration", "30s")
        .containsEntry("preAllocatedVUs", 50).containsEntry("maxVUs", 500);
  }

  @Test
  void preAllocatingMoreVusThanTheMaximumRaisesTheMaximumLikeK6Default() {
    Scenario scenario = Scenario.constantArrivalRate(10, Duration.ofSeconds(1), Duration.ofSeconds(5))
        .preAllocatedVus(20);

    assertThat(scenario.maxVus()).isEqualTo(20);
  }

  @Test
  void scalingMultipliesEveryDurationAndKeepsTheShape() {
    Scenario scenario = Scenario.rampingVus(1, Stage.of("30s", 5), Stage.of("10m", 10))
        .thinkTime(Duration.ofSeconds(1)).scaled(0.05);

    assertThat(scenario.stages()).containsExactly(Stage.of("1.5s", 5), Stage.of("30s", 10));
    assertThat(scenario.thinkTime()).isEqualTo(Duration.ofMillis(50));
    assertThat(scenario.gracefulStop()).isEqualTo(Duration.ofMillis(1500));
    assertThat(scenario.gracefulRampDown()).isEqualTo(Duration.ofMillis(1500));
    assertThat(scenario.timeScale()).isEqualTo(0.05);
    assertThat(scenario.toK6Options()).containsEntry("gracefulStop", "1500ms");
  }

  @Test
  void scalingKeepsTheArrivalRate() {
    Scenario scenario = Scenario.constantArrivalRate(200, Duration.ofSeconds(1), Duration.ofMinutes(1)).scaled(0.5);

    assertThat(scenario.rate()).isEqualTo(200);
    assertThat(scenario.timeUnit()).isEqualTo(Duration.ofSeconds(1));
    assertThat(scenario.duration()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void scheduledDurationOfARampIsTheSumOfItsStages() {
    Scenario scenario = Scenario.rampingArrivalRate(0, Duration.ofSeconds(1), Stage.of("30s", 5), Stage.of("1m30s", 10));

    assertThat(scenario.scheduledDuration()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void parsesExecutorsByTheirK6Names() {
    assertThat(Executor.fromK6Name("ramping-arrival-rate")).isEqualTo(Executor.RAMPING_ARRIVAL_RATE);
  }

  @Test
  void rejectsAnUnknownExecutorListingTheValidNames() {
    assertThatThrownBy(() -> Executor.fromK6Name("ramping-users"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown executor 'ramping-users'; valid executors are: per-vu-iterations, "
            + "shared-iterations, constant-vus, ramping-vus, constant-arrival-rate, ramping-arrival-rate");
  }

  static Stream<Arguments> badScenarios() {
    return Stream.of(
        bad(() -> Scenario.constantVus(-1, Duration.ofSeconds(1)), "vus must be >= 1 but was -1"),
        bad(() -> Scenario.perVuIterations(1, 0), "iterations must be >= 1 but was 0"),
        bad(() -> Scenario.sharedIterations(5, 2), "iterations must be >= vus (5) for shared-iterations but was 2"),
        bad(() -> Scenario.rampingVus(-2, Stage.of("1s", 1)), "startVUs must be >= 0 but was -2"),
        bad(() -> Scenario.rampingVus(1), "stages must not be empty for ramping-vus; e.g. Stage.of(\"30s\", 10)"),
        bad(() -> Scenario.rampingArrivalRate(1, Duration.ofSeconds(1)),
            "stages must not be empty for ramping-arrival-rate; e.g. Stage.of(\"30s\", 10)"),
        bad(() -> Scenario.constantArrivalRate(-5, Duration.ofSeconds(1), Duration.ofSeconds(1)),
            "rate must be >= 1 but was -5"),
        bad(() -> Scenario.rampingArrivalRate(-1, Duration.ofSeconds(1), Stage.of("1s", 1)),
            "startRate must be >= 0 but was -1"),
        bad(() -> Scenario.constantArrivalRate(5, Duration.ZERO, Duration.ofSeconds(1)), "timeUnit must be > 0 but was PT0S"),
        bad(() -> Scenario.constantArrivalRate(5, Duration.ofSeconds(1), Duration.ofSeconds(1)).preAllocatedVus(50).maxVus(10),
            "maxVUs must be >= preAllocatedVUs (50) but was 10"),
        bad(() -> Scenario.constantVus(1, Duration.ofSeconds(-3)), "duration must be > 0 but was PT-3S"),
        bad(() -> Scenario.constantVus(1, Duration.ofSeconds(1)).thinkTime(Duration.ofMillis(-1)),
            "thinkTime must be >= 0 but was PT-0.001S"),
        bad(() -> Scenario.constantVus(1, Duration.ofSeconds(1)).scaled(0), "timeScale must be > 0 but was 0.0"),
        bad(() -> Stage.of("30s", -1), "stage target must be >= 0 but was -1"),
        bad(() -> Stage.of("thirty", 1),
            "stage duration must be a duration, a number and a unit (ns, us, ms, s, m, h or d), or several as in "
                + "1m30s, but was 'thirty'; e.g. stage duration \"30s\" or \"1m30s\""));
  }

  private static Arguments bad(ThrowingCallable call, String message) {
    return Arguments.of(call, message);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badScenarios")
  void rejectsBadOptionsNamingTheOptionRuleAndValue(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  static Stream<Scenario> everyExecutor() {
    return Stream.of(
        Scenario.perVuIterations(1, 30).thinkTime(Duration.ofSeconds(1)),
        Scenario.sharedIterations(4, 100).maxDuration(Duration.ofMinutes(2)),
        Scenario.constantVus(10, Duration.ofMinutes(10)).thinkTime(Duration.ofSeconds(1)).scaled(0.05),
        Scenario.rampingVus(1, Stage.of("30s", 5), Stage.of("1m", 10)).gracefulRampDown(Duration.ofSeconds(5)),
        Scenario.constantArrivalRate(200, Duration.ofSeconds(1), Duration.ofSeconds(30)).preAllocatedVus(50).maxVus(500),
        Scenario.rampingArrivalRate(0, Duration.ofMinutes(1), Stage.of("10s", 60), Stage.of("20s", 0))
            .gracefulStop(Duration.ofSeconds(2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyExecutor")
  void readsBackTheK6OptionsItWrites(Scenario scenario) {
    assertThat(Scenario.fromK6Options(scenario.toK6Options())).isEqualTo(scenario);
  }

  @Test
  void readsK6OptionsAsAScriptWritesThem() {
    Scenario scenario = Scenario.fromK6Options(Map.of("executor", "ramping-vus", "startVUs", 1,
        "stages", List.of(Map.of("duration", "30s", "target", 5))));

    assertThat(scenario).isEqualTo(Scenario.rampingVus(1, Stage.of("30s", 5)));
  }

  @Test
  void rejectsK6OptionsWithAnUnknownExecutor() {
    assertThatThrownBy(() -> Scenario.fromK6Options(Map.of("executor", "constant-users")))
        .hasMessageStartingWith("unknown executor 'constant-users'; valid executors are: per-vu-iterations");
  }

  @Test
  void rejectsK6OptionsMissingARequiredOption() {
    assertThatThrownBy(() -> Scenario.fromK6Options(Map.of("executor", "constant-vus", "vus", 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("constant-vus option 'duration' is required");
  }
}
