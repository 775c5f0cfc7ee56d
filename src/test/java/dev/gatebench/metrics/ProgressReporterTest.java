package dev.gatebench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  private static final long SECOND = 1_000_000_000L;
  private static final long MS = 1_000_000L;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** A run fed second by second into a real collector, whose ticks go to the reporter. */
  private static final class Run {
    final MetricsCollector collector = new MetricsCollector(0);
    final ProgressReporter reporter;
    final String suite;
    final long iterationsTotal;
    final Duration total;
    long iterationsDone;
    int seconds;

    Run(ProgressReporter reporter, String suite, long iterationsTotal, Duration total) {
      this.reporter = reporter;
      this.suite = suite;
      this.iterationsTotal = iterationsTotal;
      this.total = total;
    }

    /** One second in which {@code latenciesMs} requests ended successfully and {@code errors} failed. */
    void second(List<Long> latenciesMs, int errors) {
      long end = (seconds + 1) * SECOND - 1;
      for (long latencyMs : latenciesMs) {
        collector.record(new RequestOutcome(end - latencyMs * MS, end - latencyMs * MS, end - MS, RequestOutcome.UNSET,
            end, null, 7, 200, null));
      }
      for (int i = 0; i < errors; i++) collector.record(RequestOutcome.failed(end - MS, end - MS, end, 500, ErrorKind.HTTP_STATUS));
      seconds++;
      iterationsDone += latenciesMs.size() + errors;
      IntervalStats stats = collector.closeInterval(seconds * SECOND);
      reporter.onTick(new ProgressTick(suite, "litellm", Duration.ofSeconds(seconds), total, iterationsDone,
          iterationsTotal, stats, collector.recentWindow()));
    }
  }

  @Test
  void aLowRateRunShowsItsSuiteGatewayIterationsAndASteadyWindowedLatency() {
    Run run = new Run(new ProgressReporter(out, false, Duration.ofSeconds(1)), "baseline", 30, Duration.ZERO);

    // one request every 1.5 s, 1243 ms each: seconds alternate between one request and none
    for (int s = 0; s < 30; s++) run.second(s % 3 == 2 ? List.of() : List.of(1243L), 0);

    List<String> lines = printed().lines().toList();
    assertThat(lines.get(0)).as("the first second")
        .isEqualTo("baseline · litellm | 1/30 iterations, 1s | vus 0 | last 1s: 1.0 req/s, p50 1240 ms, p95 1240 ms"
            + " | 1 requests, 0 errors (0.0%)");
    assertThat(lines.get(2)).as("a second without requests still shows the window's latency")
        .isEqualTo("baseline · litellm | 2/30 iterations, 3s | vus 0 | last 3s: 0.7 req/s, p50 1240 ms, p95 1240 ms"
            + " | 2 requests, 0 errors (0.0%)");
    assertThat(lines.get(29)).as("the window stops growing once it holds 20 requests")
        .isEqualTo("baseline · litellm | 20/30 iterations, 30s | vus 0 | last 30s: 0.7 req/s, p50 1240 ms, "
            + "p95 1240 ms | 20 requests, 0 errors (0.0%)");
    assertThat(lines).as("never a dash once a request ended").noneMatch(l -> l.contains("p50 -"));
  }

  @Test
  void aHighRateRunShowsTheLastSecondAndTimeAgainstTheSchedule() {
    Run run = new Run(new ProgressReporter(out, false, Duration.ofSeconds(10)), "throughput", 0,
        Duration.ofSeconds(90));
    List<Long> fast = java.util.stream.LongStream.rangeClosed(1, 400).map(i -> 40 + i % 10).boxed().toList();

    for (int s = 0; s < 12; s++) run.second(fast, 4);

    assertThat(printed().lines().toList()).containsExactly(
        "throughput · litellm | 1s / 1m30s | vus 0 | last 1s: 404.0 req/s, p50 44 ms, p95 49 ms | 404 requests,"
            + " 4 errors (1.0%)",
        "throughput · litellm | 11s / 1m30s | vus 0 | last 1s: 404.0 req/s, p50 44 ms, p95 49 ms | 4444 requests,"
            + " 44 errors (1.0%)");
  }

  @Test
  void onATerminalRedrawsOneLineInPlace() {
    Run run = new Run(new ProgressReporter(out, true, Duration.ofSeconds(10)), "sustained", 0, Duration.ofSeconds(90));

    run.second(List.of(412L), 0);
    run.second(List.of(412L), 1);
    run.reporter.finish();

    assertThat(printed()).isEqualTo(
        "\r\u001b[2Ksustained · litellm | 1s / 1m30s | vus 0 | last 1s: 1.0 req/s, p50 412 ms, p95 412 ms | 1 requests, "
            + "0 errors (0.0%)"
            + "\r\u001b[2Ksustained · litellm | 2s / 1m30s | vus 0 | last 2s: 1.5 req/s, p50 412 ms, p95 412 ms | 3 requests, "
            + "1 errors (33.3%)"
            + System.lineSeparator());
  }

  @Test
  void aNoteIsPrintedOnALineOfItsOwnAfterTheRedrawnLine() {
    Run run = new Run(new ProgressReporter(out, true, Duration.ofSeconds(10)), "sustained", 0, Duration.ofSeconds(90));

    run.second(List.of(412L), 0);
    run.reporter.note("sustained against litellm aborted after 1.0 s: gateway LiteLLM (pid 7) exited with status 137");
    run.reporter.finish();

    assertThat(printed()).endsWith("0 errors (0.0%)" + System.lineSeparator()
        + "sustained against litellm aborted after 1.0 s: gateway LiteLLM (pid 7) exited with status 137"
        + System.lineSeparator());
  }

  @Test
  void inCiPrintsASparsePlainLineAndTheOneAtTheScheduledEnd() {
    Run run = new Run(new ProgressReporter(out, false, Duration.ofSeconds(10)), "sustained", 0, Duration.ofSeconds(25));

    for (int s = 1; s <= 27; s++) run.second(List.of(100L, 100L), 0);

    assertThat(printed()).doesNotContain("\r").doesNotContain("\u001b");
    assertThat(printed().lines()).extracting(l -> l.substring(0, l.indexOf(" | vus")))
        .containsExactly("sustained · litellm | 1s / 25s", "sustained · litellm | 11s / 25s",
            "sustained · litellm | 21s / 25s", "sustained · litellm | 25s / 25s");
  }

  @Test
  void anIterationRunPrintsItsLastIterationInCi() {
    Run run = new Run(new ProgressReporter(out, false, Duration.ofSeconds(10)), "baseline", 3, Duration.ZERO);

    for (int s = 1; s <= 3; s++) run.second(List.of(100L), 0);

    assertThat(printed().lines()).extracting(l -> l.substring(0, l.indexOf(" | vus")))
        .containsExactly("baseline · litellm | 1/3 iterations, 1s", "baseline · litellm | 3/3 iterations, 3s");
  }

  @Test
  void saysSoWhenNoRequestEndedInTheWholeWindowOfAMinute() {
    Run run = new Run(new ProgressReporter(out, true, Duration.ofSeconds(10)), "baseline", 30, Duration.ZERO);

    run.second(List.of(100L), 0);
    for (int s = 0; s < 70; s++) run.second(List.of(), 0);

    assertThat(printed()).endsWith("| 1/30 iterations, 1m11s | vus 0 | no request ended in the last 60s "
        + "| 1 requests, 0 errors (0.0%)");
  }

  @Test
  void aRunnerReusingTheReporterStartsEachRunsCountsAfresh() {
    ProgressReporter reporter = new ProgressReporter(out, false, Duration.ofSeconds(10));
    Run first = new Run(reporter, "baseline", 0, Duration.ofSeconds(3));
    for (int s = 0; s < 3; s++) first.second(List.of(100L), 1);
    reporter.finish();

    Run second = new Run(reporter, "throughput", 0, Duration.ofSeconds(3));
    second.second(List.of(100L), 0);

    assertThat(printed().lines().toList()).last().asString()
        .startsWith("throughput · litellm | 1s / 3s |").endsWith("| 1 requests, 0 errors (0.0%)");
  }

  @Test
  void rejectsANonPositivePlainInterval() {
    assertThatThrownBy(() -> new ProgressReporter(out, false, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("plainEvery must be > 0 but was PT0S");
  }
}
