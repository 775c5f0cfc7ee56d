package dev.gatebench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;

  private static List<Long> all(Scenario scenario) {
    ArrivalSchedule schedule = ArrivalSchedule.of(scenario);
    List<Long> out = new ArrayList<>();
    for (long at = schedule.next(); at != ArrivalSchedule.END; at = schedule.next()) out.add(at);
    return out;
  }

  @Test
  void constantArrivalRateStartsImmediatelyThenEveryIntervalUntilTheEnd() {
    List<Long> arrivals = all(Scenario.constantArrivalRate(200, Duration.ofSeconds(1), Duration.ofSeconds(2)));

    assertThat(arrivals).hasSize(400);
    assertThat(arrivals.subList(0, 3)).containsExactly(0L, 5 * MS, 10 * MS);
    assertThat(arrivals.get(399)).isEqualTo(1995 * MS);
  }

  @Test
  void constantArrivalRateHonoursTheTimeUnit() {
    List<Long> arrivals = all(Scenario.constantArrivalRate(30, Duration.ofMinutes(1), Duration.ofSeconds(10)));

    assertThat(arrivals).containsExactly(0L, 2 * SECOND, 4 * SECOND, 6 * SECOND, 8 * SECOND);
  }

  @Test
  void rampingArrivalRateIntegratesALinearRamp() {
    List<Long> arrivals = all(Scenario.rampingArrivalRate(0, Duration.ofSeconds(1), Stage.of("10s", 10)));

    assertThat(arrivals).as("area under 0 -> 10/s over 10 s").hasSize(50);
    for (int k = 1; k <= 50; k++) {
      assertThat(arrivals.get(k - 1) / 1e9).as("arrival %d at sqrt(2k) s", k).isCloseTo(Math.sqrt(2.0 * k), within(1e-6));
    }
  }

  @Test
  void rampingArrivalRateHoldsAPlateauAtItsRateAndSkipsZeroRateStages() {
    List<Long> arrivals = all(Scenario.rampingArrivalRate(0, Duration.ofSeconds(1),
        Stage.of("5s", 0), Stage.of("0s", 4), Stage.of("2s", 4)));

    assertThat(arrivals).hasSize(8);
    assertThat(arrivals.get(0)).as("first at area 1 after the silent 5 s").isEqualTo(5 * SECOND + 250 * MS);
    assertThat(arrivals.get(7)).isEqualTo(7 * SECOND);
  }

  @Test
  void rampingDownTheArrivalRateSlowsArrivals() {
    List<Long> arrivals = all(Scenario.rampingArrivalRate(10, Duration.ofSeconds(1), Stage.of("10s", 0)));

    assertThat(arrivals).hasSize(50);
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < arrivals.size(); i++) gaps.add(arrivals.get(i) - arrivals.get(i - 1));
    assertThat(gaps).as("gaps grow as the rate falls").isSorted();
    assertThat(arrivals.get(49)).isLessThanOrEqualTo(10 * SECOND);
  }
}
