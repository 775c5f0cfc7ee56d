package dev.gatebench.metrics;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names of the original k6 suite, and gatebench's additions. Every name here appears
 * in {@link MetricsCollector#summaries()}, so thresholds and assertions may refer to any of them.
 */
public final class MetricNames {
  public static final String CHAT_COMPLETION_LATENCY = "chat_completion_latency";
  public static final String TIME_TO_FIRST_BYTE = "time_to_first_byte";
  public static final String THROUGHPUT_TOTAL = "throughput_total";
  public static final String REQUESTS_TOTAL = "requests_total";
  public static final String REQUESTS_SUCCESS = "requests_success";
  public static final String REQUESTS_FAILED = "requests_failed";
  public static final String TOKENS_PER_SECOND = "tokens_per_second";
  public static final String ERROR_RATE = "error_rate";
  public static final String CONCURRENT_REQUESTS = "concurrent_requests";
  public static final String TIME_TO_FIRST_TOKEN = "time_to_first_token";
  public static final String INTER_TOKEN_LATENCY = "inter_token_latency";
  public static final String DROPPED_ITERATIONS = "dropped_iterations";
  public static final String VUS = "vus";
  public static final String VUS_MAX = "vus_max";
  /**
   * How long failed requests took, from the intended start to the error (k6's http_req_duration
   * with {@code expected_response:false}): kept apart so that a refused connection's 0.5 ms is
   * never read as a latency.
   */
  public static final String FAILED_REQUEST_DURATION = "failed_request_duration";
  /**
   * How late the load generator itself was, in ms (a time trend, histogram in ns): each open-model
   * iteration's actual start after its scheduled arrival, and each VU's wake-up after its think
   * time. Not a property of the target: a high value means the machine running the load was too
   * busy, and latencies measured meanwhile include that delay. See {@link RunResult#trustworthy()}.
   */
  public static final String GENERATOR_SCHEDULE_LAG = "generator_schedule_lag";

  /**
   * Latency trends: times in ms (k6 {@code contains: time}), histograms in ns, successful requests
   * only. {@link #FAILED_REQUEST_DURATION} is a time trend too, but not a latency.
   */
  public static final Set<String> LATENCY_TRENDS = Set.of(CHAT_COMPLETION_LATENCY, TIME_TO_FIRST_BYTE,
      TIME_TO_FIRST_TOKEN, INTER_TOKEN_LATENCY);

  private MetricNames() {}

  /** The counter of failures of one kind, e.g. {@code errors_http_status} for {@link ErrorKind#HTTP_STATUS}. */
  public static String errors(ErrorKind kind) {
    return "errors_" + kind.name().toLowerCase(Locale.ROOT);
  }

  /** Every metric name a {@link MetricsCollector} reports, sorted. */
  public static Set<String> all() {
    Set<String> names = new TreeSet<>(LATENCY_TRENDS);
    names.add(FAILED_REQUEST_DURATION);
    names.add(GENERATOR_SCHEDULE_LAG);
    names.addAll(Set.of(THROUGHPUT_TOTAL, REQUESTS_TOTAL, REQUESTS_SUCCESS, REQUESTS_FAILED,
        TOKENS_PER_SECOND, ERROR_RATE, CONCURRENT_REQUESTS, DROPPED_ITERATIONS, VUS, VUS_MAX));
    for (ErrorKind kind : ErrorKind.values()) names.add(errors(kind));
    return names;
  }
}
