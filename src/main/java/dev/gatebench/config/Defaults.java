package dev.gatebench.config;

/** Every default of gatebench in one place; see {@link BenchConfig} for how settings are looked up. */
public final class Defaults {
  public static final String ENV_FILE = ".env.benchmark";
  public static final String TIME_SCALE = "1";
  public static final String STACK = "auto";
  public static final String UPSTREAM = "mock";
  /** A gateway row's failed check fails it; plain {@code mvn verify} sets {@code report}. */
  public static final String CHECKS = "enforce";
  /** Close to a fast hosted model: 250 ms to the first token, then 10 ms a token. */
  public static final String MOCK_TTFT = "250ms";
  public static final String MOCK_ITL = "10ms";
  public static final String RESULTS_DIR = "k6/results";
  /** Where the comparison report (report.html, report.md) goes. */
  public static final String REPORT_DIR = "target/gatebench-report";
  public static final String TEST_MODEL = "claude-sonnet-4-5-20250929";
  public static final String TEST_MAX_TOKENS = "100";
  public static final String TEST_TEMPERATURE = "0.7";
  /** How long the one chat completion checked before each run may take, connection included. */
  public static final String CHECK_TIMEOUT = "60s";

  private Defaults() {}
}
