package dev.gatebench.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatebench.metrics.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StreamingAssessmentTest {
  /** 250 ms TTFT, 10 ms ITL, 100 streams of 100 deltas: the last delta at 1240 ms. */
  private static final MockStreams MOCK =
      new MockStreams(Duration.ofMillis(250), Duration.ofMillis(10), 100, 10_000, 10_000);

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("headers at once, deltas at pace", 1.2, 252.0, 10.0, StreamVerdict.FAITHFUL),
        Arguments.of("a slow gateway that still streams", 40.0, 290.0, 10.1, StreamVerdict.FAITHFUL),
        Arguments.of("stored whole, then replayed", 1241.0, 1241.5, 0.004, StreamVerdict.BUFFERS),
        Arguments.of("headers with the first delta", 251.0, 251.2, 10.0, StreamVerdict.HOLDS_HEADERS),
        Arguments.of("first delta on time, then in bunches", 1.0, 252.0, 0.01, StreamVerdict.BUNCHES));
  }

  @ParameterizedTest(name = "{0}: {4}")
  @MethodSource("rows")
  void judgesTheRowByWhenHeadersFirstTokenAndGapsArrive(String row, double ttfbMs, double ttftMs, double itlMs,
      StreamVerdict expected) {
    StreamFigures figures = new StreamFigures(100, ttfbMs, ttftMs, itlMs, itlMs * 2, 10_000, 10_000);

    StreamingAssessment assessment = StreamingAssessment.judge(figures, MOCK, StreamingRules.DEFAULT);

    assertThat(assessment.verdict()).as("verdict for %s; reasons %s", row, assessment.reasons()).isEqualTo(expected);
    assertThat(assessment.passed()).as("passed, failures %s", assessment.failures())
        .isEqualTo(expected == StreamVerdict.FAITHFUL);
  }

  @Test
  void aRunWithoutStreamsIsNotMeasuredAndFails() {
    StreamFigures none = new StreamFigures(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);

    StreamingAssessment assessment = StreamingAssessment.judge(none, MOCK, StreamingRules.DEFAULT);

    assertThat(assessment.verdict()).isEqualTo(StreamVerdict.NOT_MEASURED);
    assertThat(assessment.passed()).as("passed").isFalse();
  }

  @Test
  void aFaithfulRowThatLosesDeltasAndUsageFailsWithBothCounts() {
    StreamFigures lossy = new StreamFigures(100, 1.0, 251.0, 10.0, 12.0, 9_000, 9_500);

    StreamingAssessment assessment = StreamingAssessment.judge(lossy, MOCK, StreamingRules.DEFAULT);

    assertThat(assessment.verdict()).isEqualTo(StreamVerdict.FAITHFUL);
    assertThat(assessment.failures()).containsExactly(
        "content deltas received 9000 against 10000 the mock sent (tolerance 1.0%)",
        "usage completion tokens received 9500 against 10000 the mock sent (tolerance 1.0%)");
  }

  @Test
  void anItlP50MoreThanTwiceTheMocksFailsNamingTheRange() {
    StreamFigures slowGaps = new StreamFigures(100, 1.0, 251.0, 25.0, 40.0, 10_000, 10_000);

    StreamingAssessment assessment = StreamingAssessment.judge(slowGaps, MOCK, StreamingRules.DEFAULT);

    assertThat(assessment.failures()).containsExactly(
        "ITL p50 25.000 ms is outside [5.000, 20.000] ms, the mock's ITL 10.000 ms within x2.0");
  }

  @Test
  void theRecordedBlockReadsBackAsTheReportShowsIt() {
    StreamFigures figures = new StreamFigures(100, 1.5, 252.0, 10.0, 14.0, 10_000, 10_000);
    StreamingAssessment assessment = StreamingAssessment.judge(figures, MOCK, StreamingRules.DEFAULT);
    RunResult result = new RunResult("streaming", "direct", Instant.EPOCH, 1000,
        Map.of(), List.of(), Map.of(), Map.of(), Map.of(), Map.of(StreamingAssessment.ENVIRONMENT_KEY, assessment.toMap()));

    assertThat(StreamingAssessment.recorded(result)).as("recorded block")
        .contains(new StreamingAssessment.Recorded("streams faithfully", true, 1.5, 252.0, 10.0, 14.0, 10_000, 10_000));
  }

  @Test
  void aMockWithoutInterTokenLatencyCannotJudgeAStreamAndSaysWhichSettingToRaise() {
    assertThatThrownBy(() -> new MockStreams(Duration.ofMillis(25), Duration.ZERO, 0, 0, 0))
        .hasMessage("the mock's ITL must be > 0 to tell a stream from a buffered one but was 0 ms; "
            + "set gatebench.mock.itl, e.g. 1ms");
  }
}
