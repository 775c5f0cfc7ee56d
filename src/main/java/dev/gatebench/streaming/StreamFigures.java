package dev.gatebench.streaming;

import static dev.gatebench.metrics.MetricNames.INTER_TOKEN_LATENCY;
import static dev.gatebench.metrics.MetricNames.TIME_TO_FIRST_BYTE;
import static dev.gatebench.metrics.MetricNames.TIME_TO_FIRST_TOKEN;

import dev.gatebench.metrics.IntervalStats;
import dev.gatebench.metrics.MetricSummary;
import dev.gatebench.metrics.RunResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a client measured of one streamed run, successful requests only. Times in ms; NaN when not
 * measured (e.g. ITL of one-token answers).
 *
 * @param streams successful streamed answers (those with a first content token), >= 0
 * @param ttfbP50Ms median time to first byte: the headers
 * @param ttftP50Ms median time to first content delta
 * @param itlP50Ms median gap between content deltas
 * @param itlP99Ms 99th percentile of the gaps
 * @param deltasReceived content deltas received, >= 0
 * @param usageTokensReceived completion tokens from the answers' usage (the load engine counts the
 *     deltas of an answer that reports none), >= 0
 */
public record StreamFigures(long streams, double ttfbP50Ms, double ttftP50Ms, double itlP50Ms, double itlP99Ms,
    long deltasReceived, long usageTokensReceived) {

  public StreamFigures {
    if (streams < 0 || deltasReceived < 0 || usageTokensReceived < 0) {
      throw new IllegalArgumentException("counts must be >= 0 but were streams " + streams + ", deltas "
          + deltasReceived + ", usage tokens " + usageTokensReceived);
    }
  }

  /**
   * Reads a streamed run: {@code time_to_first_token} counts the streams and their first deltas,
   * {@code inter_token_latency} one gap per further delta, the time series the usage tokens.
   */
  public static StreamFigures of(RunResult run) {
    long streams = count(run, TIME_TO_FIRST_TOKEN);
    long gaps = count(run, INTER_TOKEN_LATENCY);
    long usage = run.timeSeries().stream().mapToLong(IntervalStats::outputTokens).sum();
    return new StreamFigures(streams, percentile(run, TIME_TO_FIRST_BYTE, "med"),
        percentile(run, TIME_TO_FIRST_TOKEN, "med"), percentile(run, INTER_TOKEN_LATENCY, "med"),
        percentile(run, INTER_TOKEN_LATENCY, "p(99)"), streams + gaps, usage);
  }

  private static long count(RunResult run, String metric) {
    return run.metric(metric).map(MetricSummary::values).map(m -> m.getOrDefault("count", 0.0)).orElse(0.0)
        .longValue();
  }

  /** NaN for a trend without samples: an empty histogram reads 0, which would look like collapsed gaps. */
  private static double percentile(RunResult run, String metric, String key) {
    if (count(run, metric) == 0) return Double.NaN;
    return run.metric(metric).map(MetricSummary::values).map(m -> m.get(key)).orElse(Double.NaN);
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("streams", streams);
    StreamingAssessment.putFinite(map, "ttfbP50Ms", ttfbP50Ms);
    StreamingAssessment.putFinite(map, "ttftP50Ms", ttftP50Ms);
    StreamingAssessment.putFinite(map, "itlP50Ms", itlP50Ms);
    StreamingAssessment.putFinite(map, "itlP99Ms", itlP99Ms);
    map.put("deltasReceived", deltasReceived);
    map.put("usageTokensReceived", usageTokensReceived);
    return map;
  }
}
