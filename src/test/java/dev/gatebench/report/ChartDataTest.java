package dev.gatebench.report;

import static dev.gatebench.report.RunResultFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gatebench.metrics.RunResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartDataTest {
  @Test
  void percentileDistributionRunsFromTheMinimumToTheMaximumOnOneOverOneMinusP() {
    RunResult r = run("baseline", "direct").medianMs(20).seconds(100).requestsPerSecond(100).build();
    List<List<Double>> points = ChartData.percentilePoints(r);
    assertThat(points.get(0).get(0)).isEqualTo(1.0);
    List<Double> median = points.stream().filter(p -> Math.abs(p.get(0) - 2) < 0.1).findFirst().orElseThrow();
    assertThat(median.get(1)).as("p50 near 20 ms x ramp factor").isCloseTo(20.4, within(1.0));
    assertThat(points.get(points.size() - 1).get(0)).as("10,000 requests: up to 99.99 %").isEqualTo(10_000.0);
    assertThat(points).extracting(p -> p.get(1)).isSorted();
  }

  @Test
  void withoutAHistogramTheSummaryPercentilesAreUsed() {
    RunResult full = run("baseline", "direct").build();
    RunResult noHistogram = new RunResult(full.suite(), full.target(), full.startedAt(), full.testRunDurationMs(),
        full.metrics(), full.timeSeries(), Map.of(), full.scenario(), full.config(), full.environment());
    assertThat(ChartData.percentilePoints(noHistogram)).extracting(p -> p.get(0))
        .containsExactly(1.0, 2.0, 10.0, 20.0, 100.0, 1000.0);
  }

  @Test
  void onlySuitesWithAChangingVuCountGetTheVuChart() {
    Map<String, Object> data = ChartData.of(List.of(run("baseline", "direct").build(),
        run("throughput", "direct").vus(1, 20).build()));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> suites = (List<Map<String, Object>>) data.get("suites");
    assertThat(suites).extracting(s -> ((List<?>) s.get("latencyByVus")).size()).containsExactly(0, 2);
    assertThat(new HashMap<>(suites.get(1))).containsEntry("id", "throughput");
  }
}
