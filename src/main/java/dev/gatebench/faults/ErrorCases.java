package dev.gatebench.faults;

import dev.gatebench.load.ChatRequestFactory;
import dev.gatebench.upstream.FaultPlan;
import dev.gatebench.upstream.Marks;
import dev.gatebench.upstream.MockUpstream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs fault cases against one row: for each case the mock's plan injects that fault into every upstream
 * request, the client sends its requests one after the other, each marked in its prompt
 * ({@link Marks}), and the mock's count of each mark says how many upstream attempts it became. The mock's
 * plan is put back after, also when a request fails unexpectedly; then plain requests are sent until one
 * succeeds, so that each case starts from a row that serves (a gateway may cool down after failures), and
 * how long that took is recorded. Not thread-safe: one row at a time.
 */
public final class ErrorCases {
  /** Time given to a gateway's late retries to reach the mock before the marks are counted. */
  static final Duration SETTLE = Duration.ofMillis(300);
  /** How long a row may take to serve a plain request again after a case, e.g. a cooldown after failures. */
  public static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
  private static final Duration RECOVERY_POLL = Duration.ofMillis(200);
  private static final String PROMPT = " What is 2 + 2? Answer with just the number.";

  private final MockUpstream mock;
  private final Settings settings;

  /**
   * @param cases the cases, in order; e.g. {@link FaultCase#standard()}
   * @param requestsPerCase client requests per case, >= 1
   * @param stall how long a stalled upstream answer sends nothing before it closes, > 0
   * @param clientTimeout per client request, > 0; above a gateway's retries of a stall
   * @param model the model the row serves; e.g. {@code claude-sonnet-4-5-20250929}
   * @param maxTokens {@code max_tokens}, >= 2 so that a stream can break half-way
   */
  public record Settings(List<FaultCase> cases, int requestsPerCase, Duration stall, Duration clientTimeout,
      String model, int maxTokens) {
    public Settings {
      cases = List.copyOf(cases);
      if (cases.isEmpty()) throw new IllegalArgumentException("fault cases must not be empty");
      if (requestsPerCase < 1) throw new IllegalArgumentException("requestsPerCase must be >= 1 but was " + requestsPerCase);
      if (maxTokens < 2) throw new IllegalArgumentException("maxTokens must be >= 2 (a stream breaks half-way) but was " + maxTokens);
      Objects.requireNonNull(model, "model");
      if (!stall.isPositive()) throw new IllegalArgumentException("stall must be > 0 but was " + stall);
      if (!clientTimeout.isPositive()) throw new IllegalArgumentException("clientTimeout must be > 0 but was " + clientTimeout);
    }
  }

  public ErrorCases(MockUpstream mock, Settings settings) {
    this.mock = Objects.requireNonNull(mock, "mock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * @param url the row's chat completions endpoint
   * @param headers the row's request headers (credentials included); never logged
   * @param configuredRetries retries the row is configured to make, >= 0
   */
  public ErrorsTable run(URI url, Map<String, String> headers, int configuredRetries) {
    String run = Long.toHexString(System.nanoTime() & 0xffffffL);
    List<List<Sent>> sent = new ArrayList<>();
    List<Long> recoveries = new ArrayList<>();
    try (FaultClient client = new FaultClient(settings.clientTimeout())) {
      for (FaultCase faultCase : settings.cases()) {
        sent.add(runCase(client, url, headers, faultCase, run));
        recoveries.add(recover(client, url, headers, run + ".recover." + faultCase.name()));
      }
    }
    settle();
    List<CaseResult> cases = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      cases.add(new CaseResult(settings.cases().get(i), sent.get(i).stream()
          .map(s -> new CaseResult.Attempted(s.view(), mock.counters().marked(s.mark()))).toList(), recoveries.get(i)));
    }
    return new ErrorsTable(cases, configuredRetries);
  }

  /** Nanoseconds until a plain request succeeded again, polling; -1 when none did within {@link #RECOVERY_LIMIT}. */
  private long recover(FaultClient client, URI url, Map<String, String> headers, String mark) {
    long startNanos = System.nanoTime();
    byte[] body = body(mark, false);
    while (System.nanoTime() - startNanos < RECOVERY_LIMIT.toNanos()) {
      if (client.send(url, headers, body, false).outcome() == ClientOutcome.COMPLETE) return System.nanoTime() - startNanos;
      pause(RECOVERY_POLL);
    }
    return -1;
  }

  private byte[] body(String mark, boolean stream) {
    return ChatRequestFactory.of(settings.model(), settings.maxTokens(), 0.7, stream, List.of(Marks.text(mark) + PROMPT))
        .next();
  }

  private List<Sent> runCase(FaultClient client, URI url, Map<String, String> headers, FaultCase faultCase, String run) {
    try (MockUpstream.FaultScope faults = mock.injecting(faultCase.plan(settings.stall()))) {
      List<Sent> sent = new ArrayList<>();
      for (int i = 0; i < settings.requestsPerCase(); i++) {
        String mark = "errors." + run + "." + faultCase.name() + "." + i;
        sent.add(new Sent(mark, client.send(url, headers, body(mark, faultCase.stream()), faultCase.stream())));
      }
      return sent;
    }
  }

  /** Waits {@link #SETTLE}, for a gateway's late retries to reach the mock before its marks are counted. */
  static void settle() {
    pause(SETTLE);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Sent(String mark, ClientView view) {}
}
