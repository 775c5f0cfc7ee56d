package dev.gatebench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VuScheduleTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void rampingVusInterpolatesLinearlyOneVuAtATime() {
    VuSchedule schedule = VuSchedule.of(Scenario.rampingVus(1, Stage.of("30s", 5), Stage.of("1m", 10)));

    assertThat(schedule.vusAt(0)).isEqualTo(1);
    assertThat(schedule.vusAt(7 * SECOND)).as("1 -> 5 over 30 s: +1 every 7.5 s").isEqualTo(1);
    assertThat(schedule.vusAt(7_500_000_000L)).isEqualTo(2);
    assertThat(schedule.vusAt(29 * SECOND)).isEqualTo(4);
    assertThat(schedule.vusAt(30 * SECOND)).isEqualTo(5);
    assertThat(schedule.vusAt(42 * SECOND)).as("5 -> 10 over 60 s: +1 every 12 s").isEqualTo(6);
    assertThat(schedule.vusAt(89 * SECOND)).isEqualTo(9);
    assertThat(schedule.vusAt(90 * SECOND)).as("after the last stage").isZero();
  }

  @Test
  void rampingDownRemovesVusEvenlyAndAHoldKeepsThem() {
    VuSchedule schedule = VuSchedule.of(Scenario.rampingVus(0,
        Stage.of("10s", 10), Stage.of("10s", 10), Stage.of("10s", 0)));

    int[] perSecond = IntStream.range(0, 30).map(s -> schedule.vusAt(s * SECOND)).toArray();

    assertThat(perSecond).containsExactly(
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
        10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
        10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
  }

  @Test
  void aZeroLengthStageJumpsToItsTarget() {
    VuSchedule schedule = VuSchedule.of(Scenario.rampingVus(1, Stage.of("0s", 8), Stage.of("5s", 8)));

    assertThat(schedule.vusAt(0)).isEqualTo(8);
    assertThat(schedule.steps()).hasSize(2);
  }

  @Test
  void constantVusHoldsItsVusForTheDuration() {
    VuSchedule schedule = VuSchedule.of(Scenario.constantVus(10, Duration.ofMinutes(10)));

    assertThat(schedule.vusAt(0)).isEqualTo(10);
    assertThat(schedule.vusAt(599 * SECOND)).isEqualTo(10);
    assertThat(schedule.vusAt(600 * SECOND)).isZero();
    assertThat(schedule.endNanos()).isEqualTo(600 * SECOND);
  }

  @Test
  void iterationExecutorsRunUntilTheirMaxDuration() {
    VuSchedule schedule = VuSchedule.of(Scenario.perVuIterations(3, 30).maxDuration(Duration.ofMinutes(2)));

    assertThat(schedule.vusAt(119 * SECOND)).isEqualTo(3);
    assertThat(schedule.endNanos()).isEqualTo(120 * SECOND);
  }
}
