package dev.gatebench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatebench.metrics.IntervalStats;
import dev.gatebench.metrics.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowsTest {
  private static IntervalStats second(int offset, long requests, double ms, int vus) {
    double p50 = requests == 0 ? Double.NaN : ms;
    return new IntervalStats(offset, requests, 0, vus, p50, p50 * 1.5, p50 * 2, p50 * 3, p50 / 2, 0);
  }

  @Test
  void thirtyRequestsAtOnePerSecondGiveOnePointPerRowHoldingAllOfThem() {
    RunResult run = LowRateRuns.run("baseline", "direct", 30, 260, 1, 0, Map.of());

    List<Windows.Window> windows = Windows.overTime(run.timeSeries());

    assertThat(Windows.seconds(run.timeSeries())).as("window length at 1 req/s").isEqualTo(20);
    assertThat(windows).as("the 10-request tail is merged into the first window").hasSize(1);
    assertThat(windows.get(0).requests()).isEqualTo(30);
    assertThat(windows.get(0).requestsPerSecond()).as("mean rate, not a 0/1 saw-tooth").isEqualTo(1.0);
    assertThat(windows.get(0).p50Ms()).as("p50 of the 30 requests").isBetween(240.0, 280.0);
  }

  @Test
  void everyPointHoldsAtLeastTwentyRequestsAtLowRates() {
    List<IntervalStats> series = new ArrayList<>();
    for (int s = 0; s < 120; s++) series.add(second(s, s % 3 == 0 ? 1 : 0, 100 + s, 1));

    List<Windows.Window> windows = Windows.overTime(series);

    assertThat(Windows.seconds(series)).isEqualTo(60);
    assertThat(windows).hasSize(2).allSatisfy(w -> assertThat(w.requests()).isGreaterThanOrEqualTo(20));
    assertThat(windows).extracting(Windows.Window::midSeconds).containsExactly(30.0, 90.0);
  }

  @Test
  void fromTwentyRequestsASecondEachSecondIsItsOwnPointAndAStallStays() {
    List<IntervalStats> series = new ArrayList<>();
    for (int s = 0; s < 10; s++) series.add(second(s, s == 5 ? 0 : 50, 20, 4));

    List<Windows.Window> windows = Windows.overTime(series);

    assertThat(windows).hasSize(10);
    assertThat(windows.get(3).p95Ms()).as("a one-second window keeps that second's p95").isEqualTo(30.0);
    assertThat(windows.get(5).requests()).as("a second without requests is a finding, not merged").isZero();
    assertThat(windows.get(5).p50Ms()).isNaN();
  }

  @Test
  void pooledSecondsOfOneOrTwoRequestsGiveExactPercentiles() {
    List<IntervalStats> seconds = List.of(
        new IntervalStats(0, 2, 0, 1, 10, 30, 30, 30, 5, 0),
        new IntervalStats(1, 1, 0, 1, 20, 20, 20, 20, 5, 0),
        new IntervalStats(2, 1, 1, 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0));
    assertThat(Windows.pooled(seconds)).as("a failed request has no latency").containsExactly(10, 20, 30);
  }

  @Test
  void oneSlowRequestInASecondOfFiveStaysOneRequestInTheWindow() {
    List<IntervalStats> seconds = new ArrayList<>();
    for (int s = 0; s < 6; s++) {
      double max = s == 2 ? 1100 : 190 + s;
      // five requests a second: HdrHistogram's p95 and p99 of five are the maximum
      seconds.add(new IntervalStats(s, 5, 0, 1, 150, max, max, max, 75, 0));
    }
    double[] pooled = Windows.pooled(seconds);

    assertThat(pooled).hasSize(30);
    assertThat(Arrays.stream(pooled).filter(ms -> ms == 1100).count()).as("the slow request").isEqualTo(1);
    assertThat(Windows.percentile(pooled, 95)).as("p95 of the window: the second-slowest second's max")
        .isEqualTo(195.0);
  }

  @Test
  void latencyAgainstVusHasOnePointPerLevelWithItsCount() {
    List<IntervalStats> series = new ArrayList<>();
    for (int s = 0; s < 30; s++) series.add(second(s, 5, 10 + s / 10, 1 + s / 10));
    series.add(second(30, 2, 14, 0));

    List<Windows.Window> levels = Windows.byVus(series);

    assertThat(levels).extracting(Windows.Window::vus).containsExactly(1, 2, 3);
    assertThat(levels).extracting(Windows.Window::requests).as("the ramp-down second counts with level 3")
        .containsExactly(50L, 50L, 52L);
    assertThat(levels.get(0).p50Ms()).isEqualTo(10.0);
  }
}
