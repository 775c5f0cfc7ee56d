package dev.gatebench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SpectrumTest {
  @Test
  void theAxisRunsFromZeroTo9999PercentOnOneOverOneMinusP() {
    Map<String, Object> axis = Spectrum.axis();
    assertThat(axis).containsEntry("min", 1).containsEntry("max", 10_000.0);
    assertThat(axis.get("labels")).isEqualTo(Map.of("1", "0%", "10", "90%", "100", "99%", "1000", "99.9%",
        "10000", "99.99%"));
  }

  @Test
  void aLineOfThirtyRequestsEndsAtItsMaximumAtXThirty() {
    Histogram h = new Histogram(3);
    for (int i = 1; i <= 30; i++) h.recordValue(i * 1_000_000L);

    List<List<Double>> points = Spectrum.fromHistogram(h);

    assertThat(points.get(0).get(0)).isEqualTo(1.0);
    assertThat(points.get(0).get(1)).as("x = 1 is the minimum").isCloseTo(1.0, within(0.001));
    List<Double> last = points.get(points.size() - 1);
    assertThat(last.get(0)).as("the line ends at x = n").isEqualTo(30.0);
    assertThat(last.get(1)).as("with the maximum").isEqualTo(h.getMaxValue() / 1e6).isCloseTo(30.0, within(0.03));
    assertThat(points).extracting(p -> p.get(0)).isSorted().allMatch(x -> x <= 30);
    List<Double> median = points.stream().filter(p -> Math.abs(p.get(0) - 2) < 0.01).findFirst().orElseThrow();
    assertThat(median.get(1)).as("x = 2 is the median").isCloseTo(15.0, within(0.015));
  }

  @Test
  void aLongRunEndsAt9999PercentNotAtItsMaximum() {
    Histogram h = new Histogram(3);
    for (int i = 1; i <= 100_000; i++) h.recordValue(i * 1_000L);
    h.recordValue(5_000_000_000L);

    List<List<Double>> points = Spectrum.fromHistogram(h);

    List<Double> last = points.get(points.size() - 1);
    assertThat(last.get(0)).isEqualTo(10_000.0);
    assertThat(last.get(1)).as("p99.99, not the 5 s outlier").isCloseTo(99.99, within(0.2));
    assertThat(points).as("20 points a decade over four decades").hasSize(81);
  }
}
