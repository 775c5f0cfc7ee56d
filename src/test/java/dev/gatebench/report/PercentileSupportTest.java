package dev.gatebench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentileSupportTest {
  @ParameterizedTest(name = "p{0} needs {1} requests")
  @CsvSource({"50, 2", "90, 10", "95, 20", "99, 100", "99.9, 1000", "99.99, 10000"})
  void aPercentileNeedsOneOverOneMinusPRequests(double percentile, long count) {
    assertThat(PercentileSupport.minimumCount(percentile)).isEqualTo(count);
    assertThat(PercentileSupport.supported(percentile, count)).isTrue();
    assertThat(PercentileSupport.supported(percentile, count - 1)).isFalse();
  }

  @ParameterizedTest(name = "p{0} of {1} distinct requests")
  @CsvSource({"99, 30", "99, 99", "99, 100", "99.9, 999", "99.9, 1000", "95, 19", "95, 20"})
  void unsupportedExactlyWhenHdrHistogramAnswersTheMaximum(double percentile, int count) {
    Histogram h = new Histogram(3);
    for (int i = 1; i <= count; i++) h.recordValue(i * 1000L);
    boolean isMax = h.getValueAtPercentile(percentile) == h.getMaxValue();
    assertThat(PercentileSupport.supported(percentile, count)).as("supported means: not the maximum").isEqualTo(!isMax);
  }

  @Test
  void theFootnoteSaysWhatTheFigureIs() {
    assertThat(PercentileSupport.footnote("p99", 99, 30))
        .isEqualTo("p99 of 30 requests is the maximum (a p99 needs at least 100)");
    assertThatThrownBy(() -> PercentileSupport.minimumCount(100))
        .hasMessage("percentile must be in [0, 100) but was 100.0");
  }
}
