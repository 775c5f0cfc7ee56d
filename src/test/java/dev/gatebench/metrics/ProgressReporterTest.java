package dev.gatebench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private static IntervalStats second(int offset, long requests, long errors) {
    return new IntervalStats(offset, requests, errors, 10, 412.4, 980.0, 1200.0, 1500.0, 100.0, 500);
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void onATerminalRedrawsOneLineInPlace() {
    ProgressReporter reporter = new ProgressReporter(out, true, Duration.ofSeconds(10));

    reporter.onInterval(second(0, 34, 0), Duration.ofSeconds(1), Duration.ofSeconds(90));
    reporter.onInterval(second(1, 30, 3), Duration.ofSeconds(2), Duration.ofSeconds(90));
    reporter.finish();

    assertThat(printed()).isEqualTo(
        "\r\u001b[2K[    1s / 1m30s] vus 10 | 34.0 req/s | p50 412 ms p95 980 ms | errors 0 (0.0%)"
            + "\r\u001b[2K[    2s / 1m30s] vus 10 | 30.0 req/s | p50 412 ms p95 980 ms | errors 3 (4.7%)"
            + System.lineSeparator());
  }

  @Test
  void anAbortIsPrintedOnALineOfItsOwnAfterTheRedrawnLine() {
    ProgressReporter reporter = new ProgressReporter(out, true, Duration.ofSeconds(10));

    reporter.onInterval(second(0, 34, 0), Duration.ofSeconds(1), Duration.ofSeconds(90));
    reporter.aborted("sustained against litellm aborted after 1.0 s: gateway LiteLLM (pid 7) exited with status 137");
    reporter.finish();

    assertThat(printed()).endsWith("errors 0 (0.0%)" + System.lineSeparator()
        + "sustained against litellm aborted after 1.0 s: gateway LiteLLM (pid 7) exited with status 137"
        + System.lineSeparator());
  }

  @Test
  void inCiPrintsASparsePlainLineAndTheLast() {
    ProgressReporter reporter = new ProgressReporter(out, false, Duration.ofSeconds(10));

    for (int s = 1; s <= 25; s++) {
      reporter.onInterval(second(s - 1, 10, 0), Duration.ofSeconds(s), Duration.ofSeconds(25));
    }

    assertThat(printed()).doesNotContain("\r").doesNotContain("\u001b");
    assertThat(printed().lines()).extracting(l -> l.substring(0, 15))
        .containsExactly("[    1s / 25s] ", "[   11s / 25s] ", "[   21s / 25s] ", "[   25s / 25s] ");
  }

  @Test
  void showsADashForASecondWithoutRequests() {
    ProgressReporter reporter = new ProgressReporter(out, false, Duration.ofSeconds(10));

    reporter.onInterval(new IntervalStats(0, 0, 0, 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, 0), Duration.ofSeconds(1), Duration.ofHours(1).plusSeconds(63));

    assertThat(printed()).isEqualTo("[    1s / 1h01m03s] vus 1 | 0.0 req/s | p50 - p95 - | errors 0 (0.0%)"
        + System.lineSeparator());
  }

  @Test
  void anUnknownTotalIsShownAsAQuestionMarkAndDoesNotMakeEveryLineTheLast() {
    ProgressReporter reporter = new ProgressReporter(out, false, Duration.ofSeconds(10));

    reporter.onInterval(second(0, 1, 0), Duration.ofSeconds(1), Duration.ZERO);
    reporter.onInterval(second(1, 1, 0), Duration.ofSeconds(2), Duration.ZERO);

    assertThat(printed().lines()).singleElement().asString().startsWith("[    1s / ?] vus 10");
  }

  @Test
  void rejectsANonPositivePlainInterval() {
    assertThatThrownBy(() -> new ProgressReporter(out, false, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("plainEvery must be > 0 but was PT0S");
  }
}
