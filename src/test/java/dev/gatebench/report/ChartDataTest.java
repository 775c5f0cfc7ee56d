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
    List<List<Double>> points = Spectrum.points(r);
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
    assertThat(Spectrum.points(noHistogram)).extracting(p -> p.get(0))
        .as("300 requests: p99.9 would be the maximum again").containsExactly(1.0, 2.0, 10.0, 20.0, 100.0);
  }

  @Test
  void aBaselineShapedRunHasNoEmptySeriesAndSaysWhyThereIsNoVuChart() {
    Map<String, Object> data = ChartData.of(List.of(LowRateRuns.run("baseline", "direct", 30, 260, 1, 0, Map.of()),
        LowRateRuns.run("baseline", "litellm", 30, 280, 2, 10, Map.of())));
    @SuppressWarnings("unchecked")
    Map<String, Object> suite = ((List<Map<String, Object>>) data.get("suites")).get(0);

    for (String chart : List.of("percentiles", "latencyOverTime", "requestsOverTime")) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> series = (List<Map<String, Object>>) suite.get(chart);
      assertThat(series).as(chart).isNotEmpty().allSatisfy(s -> assertThat((List<?>) s.get("points"))
          .as("%s %s", chart, s.get("name")).isNotEmpty());
    }
    assertThat(suite.get("window")).isEqualTo("one window over each run (30 s)");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rates = (List<Map<String, Object>>) suite.get("requestsOverTime");
    assertThat(rates).extracting(s -> s.get("name")).containsExactly("direct req/s", "litellm req/s",
        "litellm failed/s");
    assertThat(rates.get(0).get("points")).as("one window held across the run: [second, req/s, requests]")
        .isEqualTo(List.of(List.of(0.0, 1.0, 30.0), List.of(30.0, 1.0, 30.0)));
    assertThat((List<?>) suite.get("latencyByVus")).isEmpty();
    assertThat(suite.get("vusNote")).asString().contains("one VU level", "direct 1 VU, 30 requests");
  }

  @Test
  void theWindowLabelSaysHowLongTheWindowsAre() {
    assertThat(ChartData.windowLabel(List.of(run("baseline", "direct").requestsPerSecond(10).seconds(30).build())))
        .isEqualTo("2 s windows");
    assertThat(ChartData.windowLabel(List.of(run("baseline", "direct").requestsPerSecond(1).seconds(50).build())))
        .as("50 requests: a 20 s window and a 30 s one that took the 10-request tail").isEqualTo("windows of 20 to 30 s");
  }

  @Test
  void onlySuitesWithAChangingVuCountGetTheVuChart() {
    Map<String, Object> data = ChartData.of(List.of(run("baseline", "direct").build(),
        run("throughput", "direct").vus(1, 20).build()));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> suites = (List<Map<String, Object>>) data.get("suites");
    assertThat(suites).extracting(s -> ((List<?>) s.get("latencyByVus")).size()).containsExactly(0, 2);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> byVus = (List<Map<String, Object>>) suites.get(1).get("latencyByVus");
    assertThat((List<?>) byVus.get(0).get("points")).as("one point per VU level of the 1-to-20 ramp").hasSize(20);
    assertThat(new HashMap<>(suites.get(1))).containsEntry("id", "throughput");
  }
}
