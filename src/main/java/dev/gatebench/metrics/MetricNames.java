package dev.gatebench.metrics;

/** The metric names of the original k6 suite, and gatebench's additions. */
public final class MetricNames {
  public static final String CHAT_COMPLETION_LATENCY = "chat_completion_latency";
  public static final String TIME_TO_FIRST_BYTE = "time_to_first_byte";
  public static final String THROUGHPUT_TOTAL = "throughput_total";
  public static final String REQUESTS_TOTAL = "requests_total";
  public static final String TOKENS_PER_SECOND = "tokens_per_second";
  public static final String ERROR_RATE = "error_rate";
  public static final String CONCURRENT_REQUESTS = "concurrent_requests";
  public static final String TIME_TO_FIRST_TOKEN = "time_to_first_token";
  public static final String INTER_TOKEN_LATENCY = "inter_token_latency";
  public static final String DROPPED_ITERATIONS = "dropped_iterations";

  private MetricNames() {}
}
