package dev.gatebench.metrics;

import static dev.gatebench.metrics.MetricNames.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@link MetricsSink} of a run: HdrHistogram recorders for the trends, adders for the
 * counters, and a one-second time series. Memory is constant however long the run: fixed-range
 * histograms, counters, and one small {@link IntervalStats} per closed interval.
 *
 * <p>Thread-safety: the sink methods are safe on any number of event-loop threads and wait-free but
 * for a success's first few dozen a second, which the progress line's {@link LatencyWindow} keeps
 * under a lock held for one store.
 * {@link #closeInterval}, {@link #summaries()} and {@link #toResult} are synchronized; the runner
 * calls {@code closeInterval} once a second from one thread.
 *
 * <p>Meaning of each metric: every finished request counts in {@code requests_total} and
 * {@code throughput_total}, as in the original k6 scripts. The latency trends
 * ({@code chat_completion_latency}, {@code time_to_first_byte}, {@code time_to_first_token},
 * {@code inter_token_latency}) and {@code tokens_per_second} hold successful requests only, as k6's
 * {@code http_req_duration{expected_response:true}}: a refused connection's 0.5 ms is not a latency.
 * Failed requests are counted in {@code requests_failed} and {@code errors_<kind>}, and timed in
 * {@code failed_request_duration}. {@code tokens_per_second} is completion tokens / latency in s,
 * for successes that report tokens. {@code generator_schedule_lag} times the load generator's own
 * lateness (see {@link MetricsSink#scheduleLag}), not the target.
 */
public final class MetricsCollector implements MetricsSink {
  /** Latencies above one hour (ns) are clamped: requests time out long before. */
  static final long HIGHEST_LATENCY_NANOS = TimeUnit.HOURS.toNanos(1);
  /** tokens_per_second is kept in milli-tokens/s so that a long histogram keeps 3 digits. */
  private static final double MILLI = 1000.0;
  private static final long HIGHEST_MILLI_TOKENS_PER_SECOND = 1_000_000_000L;

  private final long startNanos;
  private final Map<String, TrendRecorder> latencyTrends = new LinkedHashMap<>();
  private final TrendRecorder latency;
  private final TrendRecorder ttfb;
  private final TrendRecorder ttft;
  private final TrendRecorder itl;
  private final TrendRecorder failedDuration = TrendRecorder.wholeRun(HIGHEST_LATENCY_NANOS);
  private final TrendRecorder tokensPerSecond = TrendRecorder.wholeRun(HIGHEST_MILLI_TOKENS_PER_SECOND);
  private final TrendRecorder scheduleLag = TrendRecorder.wholeRun(HIGHEST_LATENCY_NANOS);
  private final LatencyWindow recentWindow = new LatencyWindow();
  private final LongAdder requestsTotal = new LongAdder();
  private final LongAdder requestsSuccess = new LongAdder();
  private final LongAdder requestsFailed = new LongAdder();
  private final LongAdder droppedIterations = new LongAdder();
  private final Map<ErrorKind, LongAdder> errorsByKind = new EnumMap<>(ErrorKind.class);
  private final GaugeTracker inFlight = new GaugeTracker();
  private final GaugeTracker vus = new GaugeTracker();
  private final GaugeTracker vusMax = new GaugeTracker();
  private final AtomicLong intervalRequests = new AtomicLong();
  private final AtomicLong intervalErrors = new AtomicLong();
  private final AtomicLong intervalOutputTokens = new AtomicLong();
  private final List<IntervalStats> timeSeries = new ArrayList<>();
  private long lastCloseNanos;

  /** @param startNanos the run's start as a {@link System#nanoTime()} reading; offsets count from it */
  public MetricsCollector(long startNanos) {
    this.startNanos = startNanos;
    this.lastCloseNanos = startNanos;
    // the time series reads latency and time to first byte each second; the others only as a whole
    latencyTrends.put(CHAT_COMPLETION_LATENCY, TrendRecorder.perSecond(HIGHEST_LATENCY_NANOS));
    latencyTrends.put(TIME_TO_FIRST_BYTE, TrendRecorder.perSecond(HIGHEST_LATENCY_NANOS));
    latencyTrends.put(TIME_TO_FIRST_TOKEN, TrendRecorder.wholeRun(HIGHEST_LATENCY_NANOS));
    latencyTrends.put(INTER_TOKEN_LATENCY, TrendRecorder.wholeRun(HIGHEST_LATENCY_NANOS));
    latency = latencyTrends.get(CHAT_COMPLETION_LATENCY);
    ttfb = latencyTrends.get(TIME_TO_FIRST_BYTE);
    ttft = latencyTrends.get(TIME_TO_FIRST_TOKEN);
    itl = latencyTrends.get(INTER_TOKEN_LATENCY);
    for (ErrorKind kind : ErrorKind.values()) errorsByKind.put(kind, new LongAdder());
  }

  @Override
  public void record(RequestOutcome outcome) {
    inFlight.decrementFloorZero();
    requestsTotal.increment();
    intervalRequests.incrementAndGet();
    if (outcome.success()) {
      recordSuccess(outcome);
    } else {
      requestsFailed.increment();
      intervalErrors.incrementAndGet();
      errorsByKind.get(outcome.error()).increment();
      failedDuration.record(outcome.latencyNanos());
    }
  }

  private void recordSuccess(RequestOutcome outcome) {
    latency.record(outcome.latencyNanos());
    recentWindow.record(outcome.latencyNanos());
    if (outcome.firstByteNanos() != RequestOutcome.UNSET) ttfb.record(outcome.timeToFirstByteNanos());
    if (outcome.firstTokenNanos() != RequestOutcome.UNSET) ttft.record(outcome.timeToFirstTokenNanos());
    for (long gap : outcome.tokenGapsNanos()) itl.record(gap);
    requestsSuccess.increment();
    intervalOutputTokens.addAndGet(outcome.outputTokens());
    long latencyNanos = outcome.latencyNanos();
    // As the original: only answers that report completion tokens give a tokens/s sample.
    if (outcome.outputTokens() > 0 && latencyNanos > 0) {
      double perSecond = outcome.outputTokens() / (latencyNanos / 1e9);
      tokensPerSecond.record(Math.round(perSecond * MILLI));
    }
  }

  @Override
  public void requestStarted() {
    inFlight.add(1);
  }

  @Override
  public void droppedIteration() {
    droppedIterations.increment();
  }

  @Override
  public void scheduleLag(long lagNanos) {
    scheduleLag.record(lagNanos);
  }

  @Override
  public void vus(int active, int allocated) {
    vus.set(active);
    vusMax.set(allocated);
  }

  /**
   * Ends the current interval and appends it to the time series.
   *
   * @param nowNanos a {@link System#nanoTime()} reading, normally one second after the last call
   * @return the interval just closed; latencies are NaN when no request ended in it
   */
  public synchronized IntervalStats closeInterval(long nowNanos) {
    latency.drain();
    ttfb.drain();
    int offsetSeconds = (int) Math.round((lastCloseNanos - startNanos) / 1e9);
    IntervalStats stats = new IntervalStats(offsetSeconds, intervalRequests.getAndSet(0),
        intervalErrors.getAndSet(0), (int) vus.value(),
        TrendValues.percentileMs(latency.interval(), 50), TrendValues.percentileMs(latency.interval(), 95),
        TrendValues.percentileMs(latency.interval(), 99), TrendValues.maxMs(latency.interval()),
        TrendValues.percentileMs(ttfb.interval(), 50), intervalOutputTokens.getAndSet(0));
    recentWindow.close(stats, nowNanos - lastCloseNanos);
    latency.resetInterval();
    ttfb.resetInterval();
    timeSeries.add(stats);
    lastCloseNanos = nowNanos;
    return stats;
  }

  /**
   * The last closed seconds, as many as it takes to hold {@link RecentWindow#MIN_REQUESTS} requests,
   * at most {@link RecentWindow#MAX_SECONDS}: what the progress line shows.
   */
  public RecentWindow recentWindow() {
    return recentWindow.recent();
  }

  /** The k6 summary of everything so far, counter rates per second of elapsed time. */
  public Map<String, MetricSummary> summaries() {
    return summaries(System.nanoTime() - startNanos);
  }

  /** As {@link #summaries()}, with counter rates over {@code durationNanos} (> 0 for a rate). */
  public synchronized Map<String, MetricSummary> summaries(long durationNanos) {
    drainAll();
    return new SummaryBuilder(durationNanos)
        .trends(latencyTrends, TrendValues.NANOS_PER_MS)
        .trends(Map.of(FAILED_REQUEST_DURATION, failedDuration), TrendValues.NANOS_PER_MS)
        .trends(Map.of(GENERATOR_SCHEDULE_LAG, scheduleLag), TrendValues.NANOS_PER_MS)
        .trend(TOKENS_PER_SECOND, tokensPerSecond.cumulative(), MILLI)
        .counters(counterCounts())
        .rate(ERROR_RATE, requestsFailed.sum(), requestsSuccess.sum())
        .gauge(CONCURRENT_REQUESTS, inFlight).gauge(VUS, vus).gauge(VUS_MAX, vusMax)
        .build();
  }

  private Map<String, Long> counterCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    // The original's throughput script adds to throughput_total before its success check.
    counts.put(THROUGHPUT_TOTAL, requestsTotal.sum());
    counts.put(REQUESTS_TOTAL, requestsTotal.sum());
    counts.put(REQUESTS_SUCCESS, requestsSuccess.sum());
    counts.put(REQUESTS_FAILED, requestsFailed.sum());
    counts.put(DROPPED_ITERATIONS, droppedIterations.sum());
    errorsByKind.forEach((kind, adder) -> counts.put(errors(kind), adder.sum()));
    return counts;
  }

  /**
   * The run's result. A last partial interval with requests in it is closed first, so the time
   * series covers every request. Config values with secret-looking names are redacted, and the
   * machine's facts are added to {@code environment} under {@code machine} unless given.
   *
   * @param durationNanos the run's duration, > 0; counter rates are per second of it
   */
  public synchronized RunResult toResult(String suite, String target, Instant startedAt,
      long durationNanos, Map<String, Object> scenario, Map<String, String> config,
      Map<String, Object> environment) {
    if (durationNanos <= 0) throw new IllegalArgumentException("durationNanos must be > 0 but was " + durationNanos);
    drainAll();
    if (intervalRequests.get() > 0) closeInterval(startNanos + durationNanos);
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("machine", MachineInfo.describe());
    env.putAll(environment);
    return new RunResult(suite, target, startedAt, TimeUnit.NANOSECONDS.toMillis(durationNanos),
        summaries(durationNanos), timeSeries, encodedHistograms(), scenario, Redaction.redact(config), env);
  }

  private Map<String, String> encodedHistograms() {
    Map<String, String> encoded = new LinkedHashMap<>();
    latencyTrends.forEach((name, trend) -> encoded.put(name, HistogramCodec.encode(trend.cumulative())));
    encoded.put(FAILED_REQUEST_DURATION, HistogramCodec.encode(failedDuration.cumulative()));
    encoded.put(GENERATOR_SCHEDULE_LAG, HistogramCodec.encode(scheduleLag.cumulative()));
    return encoded;
  }

  private void drainAll() {
    for (TrendRecorder trend : allTrends()) trend.drain();
  }

  private List<TrendRecorder> allTrends() {
    List<TrendRecorder> all = new ArrayList<>(latencyTrends.values());
    all.add(failedDuration);
    all.add(tokensPerSecond);
    all.add(scheduleLag);
    return all;
  }

  /** Bytes held by the histograms: constant for the collector's life. For tests. */
  long histogramFootprintBytes() {
    return allTrends().stream().mapToLong(TrendRecorder::footprintBytes).sum();
  }

  /** Intervals closed so far. For tests. */
  synchronized int timeSeriesSize() {
    return timeSeries.size();
  }
}
