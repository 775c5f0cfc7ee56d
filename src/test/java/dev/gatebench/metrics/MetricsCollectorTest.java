package dev.gatebench.metrics;

import static dev.gatebench.metrics.MetricNames.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricsCollectorTest {
  private static final long START = 1_000_000_000L;
  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;

  private final MetricsCollector collector = new MetricsCollector(START);

  static RequestOutcome ok(long latencyMs, int tokens) {
    return new RequestOutcome(START, START, START + latencyMs * MS / 2, RequestOutcome.UNSET,
        START + latencyMs * MS, null, tokens, 200, null);
  }

  static RequestOutcome failed(ErrorKind kind) {
    return RequestOutcome.failed(START, START, START + 5 * MS, 500, kind);
  }

  @Test
  void reportsKnownPercentilesWithinThreeSignificantDigits() {
    for (int ms = 1; ms <= 1000; ms++) collector.record(ok(ms, 0));

    Map<String, Double> values = collector.summaries().get(CHAT_COMPLETION_LATENCY).values();

    assertThat(values.get("min")).as("min ms").isCloseTo(1.0, withinPercentage(0.1));
    assertThat(values.get("med")).as("med ms").isCloseTo(500.0, withinPercentage(0.1));
    assertThat(values.get("avg")).as("avg ms").isCloseTo(500.5, withinPercentage(0.1));
    assertThat(values.get("p(90)")).as("p(90) ms").isCloseTo(900.0, withinPercentage(0.1));
    assertThat(values.get("p(95)")).as("p(95) ms").isCloseTo(950.0, withinPercentage(0.1));
    assertThat(values.get("p(99)")).as("p(99) ms").isCloseTo(990.0, withinPercentage(0.1));
    assertThat(values.get("p(99.9)")).as("p(99.9) ms").isCloseTo(999.0, withinPercentage(0.1));
    assertThat(values.get("max")).as("max ms").isCloseTo(1000.0, withinPercentage(0.1));
    assertThat(values.get("count")).isEqualTo(1000.0);
    assertThat(collector.summaries().get(TIME_TO_FIRST_BYTE).values().get("p(95)"))
        .as("ttfb is half the latency in these outcomes").isCloseTo(475.0, withinPercentage(0.1));
  }

  @Test
  void countsSuccessesFailuresAndErrorKindsAsK6Counters() {
    for (int i = 0; i < 7; i++) collector.record(ok(100, 10));
    collector.record(failed(ErrorKind.HTTP_STATUS));
    collector.record(failed(ErrorKind.HTTP_STATUS));
    collector.record(failed(ErrorKind.TIMEOUT));

    Map<String, MetricSummary> s = collector.summaries(2 * SECOND);

    assertThat(s.get(REQUESTS_TOTAL).values()).containsEntry("count", 10.0).containsEntry("rate", 5.0);
    assertThat(s.get(THROUGHPUT_TOTAL).values()).as("the original counts every finished request")
        .containsEntry("count", 10.0).containsEntry("rate", 5.0);
    assertThat(s.get(REQUESTS_SUCCESS).values()).containsEntry("count", 7.0);
    assertThat(s.get(REQUESTS_FAILED).values()).containsEntry("count", 3.0);
    assertThat(s.get(errors(ErrorKind.HTTP_STATUS)).values()).containsEntry("count", 2.0);
    assertThat(s.get(errors(ErrorKind.TIMEOUT)).values()).containsEntry("count", 1.0);
    assertThat(s.get(errors(ErrorKind.RESET)).values()).containsEntry("count", 0.0);
    assertThat(s.get(CHAT_COMPLETION_LATENCY).values()).as("successes only in the latency trend")
        .containsEntry("count", 7.0);
    assertThat(s.get(FAILED_REQUEST_DURATION).values()).as("failures timed on their own")
        .containsEntry("count", 3.0);
  }

  @Test
  void failedRequestsStayOutOfEveryLatencyPercentile() {
    for (int i = 0; i < 10; i++) collector.record(ok(400, 10));
    // a 500 answer has a first byte, a refused connection has none: neither is a latency
    for (int i = 0; i < 90; i++) {
      collector.record(RequestOutcome.failed(START, START, START + MS / 2, 0, ErrorKind.CONNECT_REFUSED));
    }
    collector.record(new RequestOutcome(START, START, START + MS, RequestOutcome.UNSET, START + 2 * MS, null, 0,
        500, ErrorKind.HTTP_STATUS));

    Map<String, MetricSummary> s = collector.summaries();

    assertThat(s.get(CHAT_COMPLETION_LATENCY).values().get("med")).as("p50 of the 10 successes, not of 0.5 ms refusals")
        .isCloseTo(400.0, withinPercentage(0.1));
    assertThat(s.get(CHAT_COMPLETION_LATENCY).values().get("min")).isCloseTo(400.0, withinPercentage(0.1));
    assertThat(s.get(TIME_TO_FIRST_BYTE).values()).as("the 500's first byte is not a ttfb sample")
        .containsEntry("count", 10.0);
    assertThat(s.get(FAILED_REQUEST_DURATION).values()).containsEntry("count", 91.0);
    assertThat(s.get(FAILED_REQUEST_DURATION).values().get("med")).isCloseTo(0.5, withinPercentage(0.1));
    assertThat(s.get(FAILED_REQUEST_DURATION).contains()).isEqualTo("time");
    assertThat(s.get(errors(ErrorKind.CONNECT_REFUSED)).values()).containsEntry("count", 90.0);
    assertThat(collector.closeInterval(START + SECOND).latencyP50Ms()).as("the time series too")
        .isCloseTo(400.0, withinPercentage(0.1));
  }

  @Test
  void aRunWithOnlyFailuresHasNoLatencySamples() {
    collector.record(failed(ErrorKind.CONNECT_REFUSED));
    collector.record(failed(ErrorKind.RESET));

    RunResult result = collector.toResult("sustained", "litellm", Instant.EPOCH, SECOND, Map.of(), Map.of(), Map.of());

    assertThat(result.metric(CHAT_COMPLETION_LATENCY).orElseThrow().values()).as("no p(95) to pass a threshold")
        .containsOnly(Map.entry("count", 0.0));
    assertThat(result.errorsByKind()).as("counts per kind, in ErrorKind order")
        .containsExactly(Map.entry(ErrorKind.CONNECT_REFUSED, 1L), Map.entry(ErrorKind.RESET, 1L));
    assertThat(result.histogram(FAILED_REQUEST_DURATION).orElseThrow().getTotalCount()).isEqualTo(2);
    assertThat(result.timeSeries().getFirst().latencyP50Ms()).isNaN();
  }

  @Test
  void errorRateCountsErrorsAsPassesLikeK6() {
    for (int i = 0; i < 9; i++) collector.record(ok(100, 0));
    collector.record(failed(ErrorKind.RESET));

    MetricSummary rate = collector.summaries().get(ERROR_RATE);

    assertThat(rate.type()).isEqualTo("rate");
    assertThat(rate.values()).containsEntry("rate", 0.1).containsEntry("passes", 1.0).containsEntry("fails", 9.0);
  }

  @Test
  void tokensPerSecondIsOutputTokensOverLatencyForSuccessesWithTokens() {
    collector.record(ok(2000, 100));
    collector.record(ok(500, 0));
    collector.record(failed(ErrorKind.OTHER));

    Map<String, Double> values = collector.summaries().get(TOKENS_PER_SECOND).values();

    assertThat(values.get("count")).as("only the answer that reported tokens").isEqualTo(1.0);
    assertThat(values.get("avg")).isCloseTo(50.0, withinPercentage(0.1));
    assertThat(collector.summaries().get(TOKENS_PER_SECOND).contains()).isEqualTo("default");
  }

  @Test
  void streamingOutcomesFeedTimeToFirstTokenAndInterTokenLatency() {
    collector.record(new RequestOutcome(START, START, START + 10 * MS, START + 40 * MS, START + 100 * MS,
        new long[] {20 * MS, 20 * MS, 20 * MS}, 4, 200, null));

    Map<String, MetricSummary> s = collector.summaries();

    assertThat(s.get(TIME_TO_FIRST_TOKEN).values().get("med")).isCloseTo(40.0, withinPercentage(0.1));
    assertThat(s.get(INTER_TOKEN_LATENCY).values()).containsEntry("count", 3.0);
    assertThat(s.get(INTER_TOKEN_LATENCY).values().get("max")).isCloseTo(20.0, withinPercentage(0.1));
  }

  @Test
  void aTrendWithoutSamplesReportsOnlyItsCount() {
    assertThat(collector.summaries().get(TIME_TO_FIRST_TOKEN).values()).containsOnly(Map.entry("count", 0.0));
  }

  @Test
  void concurrentRequestsGaugeTracksInFlightRequests() {
    collector.requestStarted();
    collector.requestStarted();
    collector.requestStarted();
    collector.record(ok(10, 0));

    assertThat(collector.summaries().get(CONCURRENT_REQUESTS).values())
        .containsEntry("value", 2.0).containsEntry("max", 3.0).containsEntry("min", 1.0);
  }

  @Test
  void concurrentRequestsNeverGoBelowZeroWhenAStartWasNotReported() {
    collector.record(failed(ErrorKind.CONNECT_REFUSED));

    assertThat(collector.summaries().get(CONCURRENT_REQUESTS).values())
        .containsEntry("value", 0.0).containsEntry("min", 0.0);
  }

  @Test
  void vusAndDroppedIterationsAreReported() {
    collector.vus(5, 10);
    collector.vus(3, 10);
    collector.droppedIteration();
    collector.droppedIteration();

    Map<String, MetricSummary> s = collector.summaries(SECOND);

    assertThat(s.get(VUS).values()).containsEntry("value", 3.0).containsEntry("min", 3.0).containsEntry("max", 5.0);
    assertThat(s.get(VUS_MAX).values()).containsEntry("value", 10.0);
    assertThat(s.get(DROPPED_ITERATIONS).values()).containsEntry("count", 2.0).containsEntry("rate", 2.0);
  }

  @Test
  void closeIntervalReportsOnlyWhatEndedInThatSecond() {
    collector.vus(4, 4);
    collector.record(ok(100, 10));
    collector.record(ok(300, 20));
    collector.record(failed(ErrorKind.TIMEOUT));

    IntervalStats first = collector.closeInterval(START + SECOND);
    IntervalStats second = collector.closeInterval(START + 2 * SECOND);

    assertThat(first.offsetSeconds()).isZero();
    assertThat(first.requests()).isEqualTo(3);
    assertThat(first.errors()).isEqualTo(1);
    assertThat(first.activeVus()).isEqualTo(4);
    assertThat(first.outputTokens()).isEqualTo(30);
    assertThat(first.latencyMaxMs()).isCloseTo(300.0, withinPercentage(0.1));
    assertThat(first.latencyP50Ms()).isCloseTo(100.0, withinPercentage(0.1));
    assertThat(first.ttfbP50Ms()).isCloseTo(50.0, withinPercentage(0.1));
    assertThat(second.offsetSeconds()).isEqualTo(1);
    assertThat(second.requests()).isZero();
    assertThat(second.latencyP95Ms()).as("no request ended in this second").isNaN();
    assertThat(collector.summaries().get(CHAT_COMPLETION_LATENCY).values())
        .as("intervals feed the cumulative summary, successes only").containsEntry("count", 2.0);
  }

  @Test
  void wholeRunTrendsKeepEverySampleThoughOnlyLatencyIsClosedEachSecond() {
    for (int second = 0; second < 3; second++) {
      collector.record(new RequestOutcome(0, 0, 40 * MS, 60 * MS, 300 * MS, new long[] {20 * MS, 30 * MS}, 3, 200,
          null));
      collector.scheduleLag(2 * MS);
      collector.closeInterval(START + (second + 1) * SECOND);
    }

    Map<String, MetricSummary> s = collector.summaries();
    assertThat(s.get(TIME_TO_FIRST_TOKEN).values()).containsEntry("count", 3.0);
    assertThat(s.get(INTER_TOKEN_LATENCY).values()).containsEntry("count", 6.0);
    assertThat(s.get(GENERATOR_SCHEDULE_LAG).values()).containsEntry("count", 3.0);
    assertThat(s.get(TOKENS_PER_SECOND).values()).containsEntry("count", 3.0);
    assertThat(s.get(CHAT_COMPLETION_LATENCY).values()).containsEntry("count", 3.0);
  }

  @Test
  void aWholeRunTrendHasNoIntervalToRead() {
    TrendRecorder wholeRun = TrendRecorder.wholeRun(1_000);
    TrendRecorder perSecond = TrendRecorder.perSecond(1_000);
    wholeRun.record(5);
    perSecond.record(5);
    wholeRun.drain();
    perSecond.drain();

    assertThatThrownBy(wholeRun::interval).isInstanceOf(IllegalStateException.class);
    assertThat(wholeRun.cumulative().getTotalCount()).isEqualTo(1);
    assertThat(perSecond.interval().getTotalCount()).isEqualTo(1);
    perSecond.resetInterval();
    assertThat(perSecond.interval().getTotalCount()).isZero();
    assertThat(perSecond.cumulative().getTotalCount()).isEqualTo(1);
  }

  @Test
  void memoryStaysConstantOverAMillionOutcomes() {
    collector.record(ok(1, 0));
    collector.closeInterval(START + SECOND);
    long footprintBefore = collector.histogramFootprintBytes();
    SplittableRandom random = new SplittableRandom(42);

    for (int i = 0; i < 1_000_000; i++) {
      long latencyNanos = random.nextLong(1, TimeUnit.MINUTES.toNanos(2));
      collector.record(new RequestOutcome(0, 0, latencyNanos / 3, latencyNanos / 2, latencyNanos,
          new long[] {latencyNanos / 10}, 7, 200, null));
    }
    collector.closeInterval(START + 2 * SECOND);

    assertThat(collector.histogramFootprintBytes()).as("histogram bytes").isEqualTo(footprintBefore)
        .isLessThan(8L << 20);
    assertThat(collector.timeSeriesSize()).as("one entry per closed interval").isEqualTo(2);
    assertThat(collector.summaries().get(REQUESTS_TOTAL).values()).containsEntry("count", 1_000_001.0);
  }

  @Test
  void recordsFromManyThreadsWithoutLosingAny() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      pool.execute(() -> {
        for (int i = 0; i < 50_000; i++) collector.record(ok(1 + i % 100, 1));
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(collector.summaries().get(CHAT_COMPLETION_LATENCY).values()).containsEntry("count", 200_000.0);
    assertThat(collector.summaries().get(TOKENS_PER_SECOND).values()).containsEntry("count", 200_000.0);
  }

  @Test
  void valuesBeyondAnHourAreClampedNotLost() {
    collector.record(new RequestOutcome(0, 0, RequestOutcome.UNSET, RequestOutcome.UNSET,
        TimeUnit.HOURS.toNanos(3), null, 0, 200, null));

    assertThat(collector.summaries().get(CHAT_COMPLETION_LATENCY).values().get("max"))
        .isCloseTo(3_600_000.0, withinPercentage(0.1));
  }

  @Test
  void toResultClosesTheLastPartialIntervalAndRedactsSecrets() {
    collector.record(ok(100, 5));

    RunResult result = collector.toResult("baseline", "litellm", Instant.parse("2026-11-27T22:30:00Z"),
        1500 * MS, Map.of("executor", "per-vu-iterations"),
        Map.of("LITELLM_MASTER_KEY", "sk-1234", "TEST_MODEL", "claude"), Map.of("workers", 1));

    assertThat(result.testRunDurationMs()).isEqualTo(1500);
    assertThat(result.timeSeries()).hasSize(1);
    assertThat(result.config()).containsEntry("LITELLM_MASTER_KEY", "***").containsEntry("TEST_MODEL", "claude");
    assertThat(result.environment()).containsKey("machine").containsEntry("workers", 1);
    assertThat(result.histograms().keySet()).containsExactlyInAnyOrder(CHAT_COMPLETION_LATENCY, TIME_TO_FIRST_BYTE,
        TIME_TO_FIRST_TOKEN, INTER_TOKEN_LATENCY, FAILED_REQUEST_DURATION, GENERATOR_SCHEDULE_LAG);
    assertThat(result.errorsByKind()).isEmpty();
    assertThat(result.abortedBy()).isEmpty();
    assertThat(result.histogram(CHAT_COMPLETION_LATENCY).orElseThrow().getTotalCount()).isEqualTo(1);
    assertThat(result.metrics().get(REQUESTS_TOTAL).values().get("rate")).isCloseTo(1 / 1.5, within(1e-9));
  }

  @Test
  void toResultRejectsANonPositiveDuration() {
    assertThatThrownBy(() -> collector.toResult("s", "t", Instant.EPOCH, 0, Map.of(), Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("durationNanos must be > 0 but was 0");
  }

  @Test
  void reportsEveryNameInMetricNames() {
    assertThat(collector.summaries().keySet()).containsExactlyInAnyOrderElementsOf(MetricNames.all());
  }
}
